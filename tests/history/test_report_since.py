"""kamctl report --since REV|DATE: the "what changed" section, over a real repository.

The story is test_time_travel's: c1 (threshold 5.0) acme 7.0 / 4 is a Key
development account (priority 1); c2 raises its strength to 6 → Key account
(priority 2) and hands it over Kari Holm → Ola Berg; beta does not change.
"""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from kamctl.cli import app

from .conftest import CONFIG, GitRepo, account
from .test_time_travel import _story

runner = CliRunner()


def _section(text: str, start: str, end: str) -> str:
    at = text.index(start)
    return text[at : text.index(end, at + 1)]


def test_moves_and_changes_since_a_revision_md_en(repo: GitRepo, tmp_path: Path) -> None:
    _story(repo)
    out = tmp_path / "out"
    res = runner.invoke(
        app, ["report", "--rev", "HEAD~1", "--since", "HEAD~2", "-f", "md", "-o", str(out), "--lang", "en"]
    )
    assert res.exit_code == 0, res.output
    md = (out / "index.md").read_text(encoding="utf-8")
    section = _section(
        md,
        "## What changed since HEAD\\~2 (10 January 2026)",  # ~ escaped for Markdown
        "\n## ",  # up to the next section
    )
    assert (
        "### Moves in the KAISM matrix\n\n"
        "| Account | From | To | Priority |\n"
        "| --- | --- | --- | ---: |\n"
        "| Acme AS (acme) | Key development account | Key account | 1 → 2 |\n"
    ) in section
    assert "**Acme AS (acme)**\n\n- KAM handed over: Kari Holm → Ola Berg\n" in section
    assert "Beta AS" not in section  # unchanged
    assert "Stance of the people" not in section  # nobody's stance changed


def test_stance_changes_nb_html_and_dates(repo: GitRepo, tmp_path: Path) -> None:
    repo.write("kamctl.toml", CONFIG)
    repo.write("accounts/acme.yaml", account())
    repo.commit("plan", "2026-01-10T09:00:00+0000")
    repo.write("accounts/acme.yaml", account(stance=-2))
    repo.commit("QBR", "2026-02-10T09:00:00+0000")
    out = tmp_path / "out"
    res = runner.invoke(app, ["report", "--since", "2026-01-31", "-o", str(out), "--lang", "nb"])
    assert res.exit_code == 0, res.output
    html = (out / "index.html").read_text(encoding="utf-8")
    # cells as text: the table macro's attributes (data-label for phones) are not the point here
    section = re.sub(r"<td[^>]*>", "<td>", _section(html, '<section id="since">', "</section>"))
    assert "<h2>Hva er endret siden 2026-01-31 (10. januar 2026)</h2>" in section
    assert "<h3>Holdningen hos kundenes folk</h3>" in section
    # Randi Kvam, the CEO, a decision maker: +1 → −2
    assert (
        "<tr><td>Acme AS (acme)</td><td>Randi Kvam</td><td>beslutningstaker</td>"
        "<td>+1 støttespiller → \u22122 kritiker</td></tr>"
    ) in section
    assert "Flytt i KAISM-matrisen" not in section


def test_account_text_is_escaped(repo: GitRepo, tmp_path: Path) -> None:
    repo.write("kamctl.toml", CONFIG)
    repo.write("accounts/acme.yaml", account(name="Acme <b>AS</b>"))
    repo.commit("plan", "2026-01-10T09:00:00+0000")
    repo.write("accounts/acme.yaml", account(name="Acme <b>AS</b>", kam="<script>x</script>"))
    repo.commit("handover", "2026-02-10T09:00:00+0000")
    out = tmp_path / "out"
    res = runner.invoke(app, ["report", "--since", "HEAD~1", "-o", str(out), "--lang", "en"])
    assert res.exit_code == 0, res.output
    html = (out / "index.html").read_text(encoding="utf-8")
    section = _section(html, '<section id="since">', "</section>")
    assert "<script>" not in section and "<b>AS</b>" not in section
    assert "&lt;script&gt;x&lt;/script&gt;" in section
    assert "<h4>Acme &lt;b&gt;AS&lt;/b&gt; (acme)</h4>" in section


def test_without_since_no_section_and_errors(repo: GitRepo, tmp_path: Path) -> None:
    _story(repo)
    out = tmp_path / "out"
    res = runner.invoke(app, ["report", "-f", "md", "-o", str(out), "--lang", "en"])
    assert res.exit_code == 0, res.output
    assert "What changed" not in (out / "index.md").read_text(encoding="utf-8")
    res = runner.invoke(app, ["report", "--since", "v0", "-o", str(out)])
    assert res.exit_code == 2
    assert "kamctl: --since: unknown revision 'v0'" in res.stderr
    res = runner.invoke(app, ["report", "--since", "2025-01-01", "-o", str(out)])
    assert res.exit_code == 2
    assert "no commit on the current branch on or before 2025-01-01" in res.stderr


def test_a_filtered_report_compares_the_whole_portfolio(repo: GitRepo, tmp_path: Path) -> None:
    """--kam 'Per Lund' reports beta alone; acme is filtered out, not "removed"."""
    _story(repo)
    out = tmp_path / "out"
    args = ["report", "--rev", "HEAD~1", "--since", "HEAD~2", "--kam", "Per Lund", "-f", "md"]
    res = runner.invoke(app, [*args, "-o", str(out), "--lang", "en"])
    assert res.exit_code == 0, res.output
    md = (out / "index.md").read_text(encoding="utf-8")
    section = _section(md, "## What changed since", "\n## ")
    assert "account removed" not in section and "Acme" not in section
    assert "Nothing changed." in section
