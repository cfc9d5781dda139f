"""The stated relationship stage against the evidence in the plan (DOMAIN §4)."""

from __future__ import annotations

from typing import Any

from kamctl.account import Account
from kamctl.checks import stage_findings
from kamctl.config import Config, load_config
from kamctl.loader import load_accounts
from kamctl.yamlsource import parse
from tests.conftest import EXAMPLES


def person(name: str, **kw: Any) -> dict[str, Any]:
    return {"name": name, "level": "top", "owner": f"Owner of {name}", **kw}


def acc(stage: str, people: list[dict[str, Any]], **kw: Any) -> Account:
    return Account.model_validate({"id": "t", "name": "T", "stage": stage, "stakeholders": people, **kw})


def codes(a: Account, cfg: Config | None = None) -> list[str]:
    return sorted(d.code for d in stage_findings(a, cfg or Config()))


def test_partnership_with_a_single_contact() -> None:
    found = stage_findings(acc("partnership-kam", [person("Randi")]), Config())
    assert [d.code for d in found] == ["STAGE101"]
    assert found[0].message == (
        "t: stage is partnership-kam, but there is only one contact at the customer (Randi); "
        "a partnership has many contacts on both sides"
    )


def test_partnership_with_many_contacts_is_fine() -> None:
    assert codes(acc("partnership-kam", [person("A"), person("B"), person("C")])) == []


def test_partnership_held_by_one_person_on_our_side() -> None:
    people = [person("A", owner="Kari"), person("B", owner="Kari")]
    assert codes(acc("partnership-kam", people)) == ["STAGE102"]


def test_partnership_without_top_management() -> None:
    people = [person("A", level="middle"), person("B", level="operational")]
    assert codes(acc("synergistic-kam", people, joint_planning={"agreed": True})) == ["STAGE103"]


def test_partnership_with_a_decision_maker_against_us() -> None:
    people = [person("A", role="decision_maker", stance=-2), person("B")]
    found = stage_findings(acc("partnership-kam", people), Config())
    assert [d.code for d in found] == ["STAGE104"]
    assert found[0].field == "stakeholders[0].stance"


def test_synergistic_needs_joint_planning() -> None:
    people = [person("A"), person("B")]
    assert codes(acc("synergistic-kam", people)) == ["STAGE105"]
    assert codes(acc("synergistic-kam", people, joint_planning={"agreed": False})) == ["STAGE105"]
    assert codes(acc("synergistic-kam", people, joint_planning={"agreed": True})) == []
    # Partnership does not need a jointly agreed plan.
    assert codes(acc("partnership-kam", people)) == []


def test_mid_kam_with_a_single_contact() -> None:
    assert codes(acc("mid-kam", [person("A")])) == ["STAGE106"]
    assert codes(acc("early-kam", [person("A")])) == []  # one contact pair is early-KAM


def test_pre_kam_with_revenue() -> None:
    a = acc("pre-kam", [person("A")], financials=[{"year": 2025, "revenue": 150000}])
    found = stage_findings(a, Config(fiscal_year=2025))
    assert [d.code for d in found] == ["STAGE107"]
    # English money style: the currency code first.
    assert "revenue 2025 is NOK 150,000; pre-KAM means no transaction yet" in found[0].message
    assert found[0].field == "financials[0].revenue"
    # Revenue 0 is no transaction.
    zero = acc("pre-kam", [person("A")], financials=[{"year": 2025, "revenue": 0}])
    assert codes(zero, Config(fiscal_year=2025)) == []


def test_later_stage_without_any_revenue() -> None:
    a = acc("early-kam", [person("A")], financials=[{"year": 2025, "revenue": 0}])
    assert codes(a) == ["STAGE108"]


def test_no_stage_no_findings() -> None:
    assert stage_findings(Account.model_validate({"id": "t", "name": "T"}), Config()) == []


def test_examples() -> None:
    cfg = load_config(EXAMPLES / "kamctl.toml")
    loaded, _ = load_accounts([str(EXAMPLES / "accounts")], cfg, jobs=1)
    found = {f.account.id: sorted(d.code for d in stage_findings(f.account, cfg, f.path)) for f in loaded}
    # README: nordlys-dagligvare states partnership with a single contact (middle level);
    # hallingdal-mobler's contacts are all owned by Kari Nordvik.
    assert found["nordlys-dagligvare"] == ["STAGE101", "STAGE103"]
    assert found["hallingdal-mobler"] == ["STAGE102"]
    others = {k: v for k, v in found.items() if k not in ("nordlys-dagligvare", "hallingdal-mobler")}
    assert all(v == [] for v in others.values()), others


def test_located_at_the_stage_line() -> None:
    path = EXAMPLES / "accounts" / "nordlys-dagligvare.yaml"
    text = path.read_text(encoding="utf-8")
    a = Account.model_validate(parse(text).data)
    d = stage_findings(a, Config(), str(path), parse(text))[0]
    assert d.source == "stage: partnership-kam"
    assert text.splitlines()[d.line - 1] == "stage: partnership-kam"
