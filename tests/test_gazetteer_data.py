"""Checks on the shipped gazetteer data: groups, communities and organisations."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "src" / "dossier" / "data"
FILES = {
    "groups.jsonl": {"armed_group", "force"},
    "communities.jsonl": {"group"},
    "organizations.jsonl": {"organization"},
}
FIELDS = {"id", "name", "type", "aliases", "country", "parent", "wikidata"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
QID = re.compile(r"^Q[1-9][0-9]*$")
COUNTRY = re.compile(r"^[A-Z]{2}$")

AFRICA = set(
    "DZ AO BJ BW BF BI CV CM CF TD KM CG CD CI DJ EG GQ ER SZ ET GA GM GH GN GW KE LS LR LY MG MW ML MR MU MA MZ "
    "NA NE NG RW ST SN SC SL SO ZA SS SD TZ TG TN UG EH ZM ZW".split()
)
ASIA = set(
    "AF AM AZ BH BD BT BN KH CN CY GE IN ID IR IQ IL JP JO KZ KW KG LA LB MY MV MN MM NP KP OM PK PS PH QA SA SG "
    "KR LK SY TW TJ TH TL TR TM AE UZ VN YE".split()
)
EUROPE = set(
    "AL AD AT BY BE BA BG HR CZ DK EE FI FR DE GR HU IS IE IT XK LV LI LT LU MT MD MC ME NL MK NO PL PT RO RU SM "
    "RS SK SI ES SE CH UA GB".split()
)
AMERICAS = set(
    "AG AR BS BB BZ BO BR CA CL CO CR CU DM DO EC SV GD GT GY HT HN JM MX NI PA PY PE KN LC VC SR TT US UY VE".split()
)
# Armenia, Azerbaijan and Georgia are counted with Asia above; Europe also counts them for the Caucasus.
EUROPE |= {"AM", "AZ", "GE"}


def _load(name: str) -> list[dict]:
    rows = []
    with open(DATA / name, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:  # pragma: no cover - failure path
                pytest.fail(f"{name}:{n} does not parse: {exc}")
    return rows


@pytest.fixture(scope="module")
def data() -> dict[str, list[dict]]:
    return {name: _load(name) for name in FILES}


def norm(text: str) -> str:
    """Case-folded, with punctuation, hyphens and spaces removed."""
    return re.sub(r"[\W_]+", "", text.casefold())


def test_every_line_parses_and_has_fields(data):
    for name, rows in data.items():
        assert rows, name
        for row in rows:
            assert FIELDS <= set(row), (name, row.get("id"), FIELDS - set(row))
            assert isinstance(row["id"], str) and SLUG.match(row["id"]), (name, row["id"])
            assert isinstance(row["name"], str) and row["name"].strip(), (name, row["id"])
            assert row["type"] in FILES[name], (name, row["id"], row["type"])
            assert isinstance(row["aliases"], list), (name, row["id"])
            assert all(isinstance(a, str) and a.strip() for a in row["aliases"]), (name, row["id"])
            assert row["country"] is None or COUNTRY.match(row["country"]), (name, row["id"], row["country"])
            assert row["wikidata"] is None or QID.match(row["wikidata"]), (name, row["id"], row["wikidata"])
            assert row["parent"] is None or isinstance(row["parent"], str), (name, row["id"])


def test_ids_unique(data):
    counts = Counter(row["id"] for rows in data.values() for row in rows)
    assert [i for i, n in counts.items() if n > 1] == []


def test_wikidata_ids_unique(data):
    counts = Counter(row["wikidata"] for rows in data.values() for row in rows if row["wikidata"])
    assert [q for q, n in counts.items() if n > 1] == []


def test_parents_exist_and_do_not_loop(data):
    by_id = {row["id"]: row for rows in data.values() for row in rows}
    for row in by_id.values():
        if row["parent"] is not None:
            assert row["parent"] in by_id, (row["id"], row["parent"])
            assert row["parent"] != row["id"], row["id"]
    for start in by_id:
        seen = set()
        cur = start
        while cur is not None:
            assert cur not in seen, f"parent cycle through {start}"
            seen.add(cur)
            cur = by_id[cur]["parent"]


def test_an_alias_is_shared_only_by_namesakes_of_different_countries(data):
    """ "Jundallah" names a group in Iran and another in Pakistan: the report's country tells them apart, so a
    shared alias must belong to entries of different countries, never of the same one or of none."""
    owners: dict[str, set[str]] = defaultdict(set)
    country = {}
    for rows in data.values():
        for row in rows:
            country[row["id"]] = row.get("country")
            for text in [row["name"], *row["aliases"]]:
                key = norm(text)
                assert key, (row["id"], text)
                owners[key].add(row["id"])
    shared = {k: sorted(v) for k, v in owners.items() if len(v) > 1}
    for key, ids in shared.items():
        countries = [country[i] for i in ids]
        assert None not in countries and len(set(countries)) == len(ids), (key, ids)


def test_key_distinctions(data):
    owner = {}
    for rows in data.values():
        for row in rows:
            for text in [row["name"], *row["aliases"]]:
                owner[norm(text)] = row["id"]
    assert owner[norm("ISIS")] == "islamic-state"
    assert owner[norm("ISKP")] == "islamic-state-khorasan-province"
    assert owner[norm("ISWAP")] == "islamic-state-west-africa-province"
    assert owner[norm("Afghan Taliban")] == "taliban"
    assert owner[norm("Pakistani Taliban")] == "pakistani-taliban"  # the umbrella, distinct from the TTP
    assert owner[norm("TTP")] == "tehrik-i-taliban-pakistan"
    assert owner[norm("Haqqani network")] == "haqqani-network"
    assert norm("US") not in owner


def test_group_counts_and_spread(data):
    groups = [r for r in data["groups.jsonl"] if r["type"] in {"armed_group", "force"}]
    assert len(groups) >= 200
    assert {r["type"] for r in groups} == {"armed_group", "force"}
    countries = {r["country"] for r in groups if r["country"]}
    for continent, codes in {"Africa": AFRICA, "Asia": ASIA, "Europe": EUROPE, "Americas": AMERICAS}.items():
        assert len(countries & codes) >= 5, continent


def test_parent_examples(data):
    parent = {r["id"]: r["parent"] for r in data["groups.jsonl"]}
    assert parent["islamic-state-khorasan-province"] == "islamic-state"
    assert parent["haqqani-network"] == "taliban"
    assert parent["al-qaeda-in-the-arabian-peninsula"] == "al-qaeda"
    assert parent["jamaat-nusrat-al-islam-wal-muslimin"] == "al-qaeda"
    assert parent["islamic-state-west-africa-province"] == "islamic-state"
