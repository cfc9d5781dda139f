"""Generate examples/customers.csv: Fjordpak's ERP export of all customers.

    python examples/tools/make_customers.py

The file is written the way Norwegian Excel writes "CSV (semikolonseparert)":
UTF-8 with a byte-order mark, CRLF line ends, ``;`` between fields, decimal
comma, thousands grouped with a space or a non-breaking space (U+00A0) in some
rows and not at all in others. Columns ``id;name;revenue;margin`` (revenue and
gross margin for fiscal year 2025, NOK).

What the file holds, on purpose:

* every key account in examples/accounts with its id, name, 2025 revenue and
  2025 gross margin exactly as in its account file (so CSV and YAML agree);
  grenland-kjemi is a registered prospect with revenue 0 and margin 0;
* other customers with ERP numbers as ids (10001, 10002, ...), revenues drawn
  from a heavy-tailed distribution so that the top 20 % carry about 80 %;
* a few zero and negative margins, and exact ties in revenue.

Deterministic: the same seed always gives the same file, byte for byte.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from kamctl.account import Account
from kamctl.config import load_config
from kamctl.yamlsource import parse

HERE = Path(__file__).resolve().parent.parent
OUT = HERE / "customers.csv"
SEED = 2026
OTHERS = 226
OTHERS_TOTAL = 254_000_000.0
NBSP = "\u00a0"


def _names(text: str) -> list[str]:
    return [name.strip() for name in text.split(",")]


PLACES = _names(
    "Ålesund, Bø, Sæter, Røros, Lærdal, Førde, Tønsberg, Hønefoss, Skjåk, Vågå, Brønnøy, "
    "Kløfta, Øksnes, Fauske, Molde, Sogndal, Lyngdal, Mosjøen, Nærbø, Årdal, Hamar, "
    "Elverum, Kongsberg, Notodden, Halden, Sarpsborg, Moss, Drammen, Askim, Larvik, "
    "Sandefjord, Skien, Arendal, Mandal, Egersund, Sandnes, Haugesund, Stord, Odda, Voss, "
    "Florø, Ørsta, Volda, Kristiansund, Steinkjer, Namsos, Levanger, Mo i Rana, Narvik, "
    "Harstad, Finnsnes, Alta, Hammerfest, Kirkenes, Vadsø, Gjøvik, Lillestrøm, Jessheim, "
    "Ski, Grålum"
)
SURNAMES = _names(
    "Hansen, Johansen, Olsen, Larsen, Andersen, Pedersen, Nilsen, Kristiansen, Jensen, "
    "Karlsen, Johnsen, Pettersen, Eriksen, Berg, Haugen, Hagen, Jacobsen, Dahl, Lund, "
    "Halvorsen, Sørensen, Jørgensen, Strøm, Bråthen, Sæther, Løken, Aasen, Myhre, Brækken, "
    "Ødegaard"
)
TRADES = _names(
    "Bygg, Transport, Fisk, Mat, Handel, Elektro, Trelast, Rør, Maskin, Bakeri, Kjøtt, "
    "Frukt og Grønt, Møbler, Sjømat, Meieri, Kjemi, Plast, Glass, Stål, Tekstil, Blomster, "
    "Gartneri, Bryggeri, Trykk, Logistikk, Engros, Isolasjon, Farmasi, Dyrefôr, "
    "Sportsutstyr"
)
FORMS = ["AS", "AS", "AS", "AS", "AS", "ANS", "SA", "& Sønn AS", "og Co AS"]


def key_accounts() -> list[tuple[str, str, float, float]]:
    """(id, name, revenue, gross margin) for fiscal year 2025 from the account files."""
    config = load_config(HERE / "kamctl.toml", search=False)
    rows = []
    for path in sorted((HERE / config.accounts).glob("*.yaml")):
        account = Account.model_validate(parse(path.read_text(encoding="utf-8")).data)
        figures = account.latest_financials(config.fiscal_year)
        if figures is None or figures.revenue is None or figures.gross_margin is None:
            raise SystemExit(f"{path.name}: no 2025 revenue and gross margin")
        rows.append((account.id, account.name, figures.revenue, figures.gross_margin))
    return rows


def other_customers(rng: random.Random, taken: set[str]) -> list[tuple[str, str, float, float]]:
    names: list[str] = []
    while len(names) < OTHERS:
        first = rng.choice(PLACES) if rng.random() < 0.5 else rng.choice(SURNAMES)
        name = f"{first} {rng.choice(TRADES)} {rng.choice(FORMS)}"
        if name not in taken:
            taken.add(name)
            names.append(name)
    # One name with a comma, as ERP systems often have ("Berg, Hansen & Co").
    names[17] = "Berg, Hansen og Co AS"

    weights = [rng.lognormvariate(0.0, 1.3) for _ in range(OTHERS)]
    scale = OTHERS_TOTAL / sum(weights)
    revenues = [round(w * scale, 2) for w in weights]
    # Exact ties: ABC orders tied values by customer id.
    revenues[41] = revenues[40]
    revenues[120] = revenues[121] = 250_000.0

    rows = []
    for i, (name, revenue) in enumerate(zip(names, revenues, strict=True)):
        customer_id = str(10001 + i * 3 + rng.randrange(3))
        margin = round(revenue * rng.uniform(0.08, 0.34), 2)
        rows.append((customer_id, name, revenue, margin))
    # Loss-making and break-even customers (class D when ranking by margin).
    for i in (9, 63, 150):
        customer_id, name, revenue, margin = rows[i]
        rows[i] = (customer_id, name, revenue, -round(revenue * rng.uniform(0.02, 0.12), 2))
    for i in (88, 199):
        customer_id, name, revenue, _ = rows[i]
        rows[i] = (customer_id, name, revenue, 0.0)
    return rows


def money(value: float, style: int) -> str:
    """Norwegian Excel number: decimal comma, thousands by space, NBSP or nothing."""
    sign = "-" if value < 0 else ""
    whole, _, cents = f"{abs(value):.2f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    sep = {0: "", 1: " ", 2: NBSP}[style]
    text = sep.join(groups)
    # Some exports drop ",00" on whole amounts.
    if cents == "00" and style == 0:
        return sign + text
    return f"{sign}{text},{cents}"


def main() -> int:
    rng = random.Random(SEED)
    keys = key_accounts()
    rows = keys + other_customers(rng, {name for _, name, _, _ in keys})
    rng.shuffle(rows)  # an ERP exports in its own order, not by value
    lines = ["id;name;revenue;margin"]
    for customer_id, name, revenue, margin in rows:
        style = rng.choice((0, 1, 1, 2))
        lines.append(f"{customer_id};{name};{money(revenue, style)};{money(margin, style)}")
    OUT.write_bytes(("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8"))
    print(f"wrote {OUT} with {len(rows)} customers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
