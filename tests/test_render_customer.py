"""kamctl render --audience customer: the copy for joint planning leaks nothing internal.

Which fields are internal is declared in the models (kamctl.audience); this
test takes the declared fields' values from every example account and looks
for each of them, as a reader would see it, in the customer's HTML and Markdown.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from enum import Enum
from pathlib import Path

import pytest

from kamctl.account import Account, Stakeholder
from kamctl.audience import for_customer, internal_paths, internal_values, leaves
from kamctl.i18n import Locale
from kamctl.yamlsource import decode, parse

ROOT = Path(__file__).resolve().parents[1]
ACCOUNTS = ROOT / "examples" / "accounts"
CONFIG = ROOT / "examples" / "kamctl.toml"
Kamctl = Callable[..., object]


def _accounts() -> list[Account]:
    out = []
    for path in sorted(ACCOUNTS.glob("*.yaml")):
        data = parse(decode(path.read_bytes())).data
        out.append(Account.model_validate(data))
    return out


def _visible_text(text: str, fmt: str) -> str:
    if fmt == "html":
        text = re.sub(r"<[^>]+>", " ", text)
        return html.unescape(text)
    return re.sub(r"\\(.)", r"\1", text)  # Markdown escapes: share\_of\_wallet reads share_of_wallet


def _shared_text(account: Account) -> str:
    """Every value the customer's copy keeps, as one text (a name in a risk's
    owner is also in the team table: finding it there is no leak)."""
    return "\n".join(str(v) for v in leaves(for_customer(account)))


def _leaks(account: Account, doc: str, loc: Locale) -> list[str]:
    found = []
    shared = _shared_text(account)
    for value in internal_values(account):
        if isinstance(value, str) and value in shared:
            continue
        if isinstance(value, (bool, Enum)):
            continue  # labels such as "høy" also describe shared fields; checked below by column
        if isinstance(value, str):
            # Short words (a DISC colour, "A") also occur in shared prose.
            if len(value) >= 12 and value in doc:
                found.append(value)
        elif isinstance(value, float | int) and abs(value) >= 1000 and loc.money(value) in doc:
            found.append(loc.money(value))
    for s in account.stakeholders:
        if s.stance is not None and loc.stance(s.stance) in doc:
            found.append(loc.stance(s.stance))
    return found


def test_internal_fields_are_declared_in_the_model() -> None:
    # The list, as model paths: people's stance/influence/trust/style,
    # our notes, margins, classification, competitors, risks.
    paths = set(internal_paths(Account))
    assert {
        "stakeholders.stance",
        "stakeholders.influence",
        "stakeholders.trust",
        "stakeholders.style",
        "stakeholders.notes",
        "financials.gross_margin",
        "financials.contribution_margin",
        "kaism",
        "classification",
        "competitors",
        "risks",
    } <= paths
    assert "goals" not in paths and "actions" not in paths and "rhythm" not in paths


def test_for_customer_keeps_shared_fields_and_clears_internal_ones() -> None:
    acc = Account.model_validate(
        {
            "id": "x",
            "name": "X",
            "stakeholders": [{"name": "Kari", "title": "CFO", "stance": -2, "notes": "hates us"}],
        }
    )
    copy = for_customer(acc)
    assert copy.stakeholders == [Stakeholder(name="Kari", title="CFO")]
    assert acc.stakeholders[0].stance == -2  # the original is untouched


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("fmt", ["html", "md"])
def test_no_internal_value_in_any_customer_plan(kamctl: Kamctl, tmp_path: Path, fmt: str, lang: str) -> None:
    run = kamctl(
        "render", "--config", CONFIG, "--as-of", "2026-11-24", "--audience", "customer",
        "-f", fmt, "--lang", lang, "-o", "out",
    )  # fmt: skip
    assert run.exit_code == 0, run.stderr
    loc = Locale(lang, "NOK")
    # Words only the internal sections and columns use (headings and column heads).
    banned = [loc.t(k) for k in ("sec.classification", "sec.risks", "sec.quality", "sec.notes", "stance",
                                 "influence", "trust_scores", "gross_margin", "contribution_margin",
                                 "probability", "weighted_pipeline", "competitor", "sec.white_space")]  # fmt: skip
    # The example config's tier names ("Portfolio", the third, is also the English report link).
    banned += ["Diamond", "Foundation"]
    checked = 0
    for account in _accounts():
        doc = _visible_text((tmp_path / "out" / f"{account.id}.{fmt}").read_text(encoding="utf-8"), fmt)
        assert _leaks(account, doc, loc) == [], account.id
        # ... unless the account's shared text uses the word (a goal "Bruttomargin over 25 %").
        shared = _shared_text(account).casefold()
        assert [w for w in banned if w in doc and w.casefold() not in shared] == [], account.id
        # Finding codes (KAM…, RISK…, STAGE…) are lint and risk findings.
        assert re.findall(r"\b(?:KAM|RISK|STAGE|PORT)\d{3}\b", doc) == [], account.id
        checked += 1
    assert checked == 17  # examples/README.md: 17 example accounts


def test_the_internal_plan_still_shows_everything(kamctl: Kamctl, tmp_path: Path) -> None:
    # The check above would pass on an empty document; this one shows the
    # internal values exist in the same examples when rendered for the team.
    run = kamctl("render", "--config", CONFIG, "--as-of", "2026-11-24", "-f", "md", "-o", "out")
    assert run.exit_code == 0, run.stderr
    loc = Locale("nb", "NOK")
    leaks = 0
    for account in _accounts():
        doc = _visible_text((tmp_path / "out" / f"{account.id}.md").read_text(encoding="utf-8"), "md")
        leaks += len(_leaks(account, doc, loc))
    assert leaks > 50


def test_unknown_audience_is_a_usage_error(kamctl: Kamctl) -> None:
    run = kamctl("render", "--config", CONFIG, "--audience", "boss", "-o", "out")
    assert run.exit_code == 2
    assert "unknown audience 'boss'" in run.stderr
