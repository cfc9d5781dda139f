"""kamctl log: the account's commits, followed by id across a move, with author and date."""

from __future__ import annotations

from typer.testing import CliRunner

from kamctl.cli import app

from .conftest import CONFIG, GitRepo, account

runner = CliRunner()


def test_log_follows_id_across_move_with_authors(repo: GitRepo) -> None:
    repo.write("kamctl.toml", CONFIG)
    repo.write("accounts/acme.yaml", account())
    first = repo.commit("plan", "2026-01-10T09:00:00+0000", author="Kari Holm")
    repo.write("accounts/other.yaml", account(id="other", name="Other AS"))
    repo.commit("someone else's account", "2026-01-20T09:00:00+0000")
    (repo.root / "accounts/acme.yaml").unlink()
    repo.write("accounts/north/acme.yaml", account(due="2026-03-08"))
    moved = repo.commit("move and postpone", "2026-02-01T09:00:00+0000", author="Ola Berg")
    out = runner.invoke(app, ["log", "acme", "--lang", "en"])
    assert out.exit_code == 0, out.output
    # two commits touched acme (the second commit did not); 2026-03-01 → 03-08 is 7 days
    assert out.output.splitlines() == [
        f"{first[:8]} 2026-01-10 Kari Holm: plan",
        "  - account added",
        f"{moved[:8]} 2026-02-01 Ola Berg: move and postpone",
        "  - file moved: accounts/acme.yaml → accounts/north/acme.yaml",
        "  - action postponed by 7 days: actions[Send offer].due: 2026-03-01 → 2026-03-08",
    ]


def test_log_unknown_account(repo: GitRepo) -> None:
    repo.write("kamctl.toml", CONFIG)
    repo.write("accounts/acme.yaml", account())
    repo.commit("plan", "2026-01-10T09:00:00+0000")
    out = runner.invoke(app, ["log", "nobody"])
    assert out.exit_code == 1
    assert "no commit up to HEAD changed an account with id 'nobody'" in out.output


def test_diff_blame_names_the_commit_that_made_each_change(repo: GitRepo) -> None:
    repo.write("kamctl.toml", CONFIG)
    repo.write("accounts/acme.yaml", account())
    repo.commit("plan", "2026-01-10T09:00:00+0000", author="Kari Holm")
    repo.write("accounts/acme.yaml", account(kam="Ola Berg"))
    handover = repo.commit("handover", "2026-02-01T09:00:00+0000", author="Per Sjef")
    repo.write("accounts/acme.yaml", account(kam="Ola Berg", due="2026-03-02"))
    postponed = repo.commit("postpone", "2026-02-15T09:00:00+0000", author="Ola Berg")
    out = runner.invoke(app, ["diff", "HEAD~2", "HEAD", "--blame", "--lang", "en"])
    assert out.exit_code == 0, out.output
    assert f"  - KAM handed over: Kari Holm → Ola Berg  [{handover[:8]} Per Sjef 2026-02-01]" in out.output
    assert (
        "  - action postponed by 1 day: actions[Send offer].due: 2026-03-01 → 2026-03-02"
        f"  [{postponed[:8]} Ola Berg 2026-02-15]"
    ) in out.output
