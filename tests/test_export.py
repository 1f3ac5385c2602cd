"""Export: a hand-built Extraction goes through the store and comes out in the eval contract's shape."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from dossier.export import EXPORTERS, KINDS, export, exporter, formats
from dossier.model import Claim, Document, EntityRef, Event, Extraction, Modality, Perpetrator, Place, Provenance
from dossier.store import Store

TEXT = "IS-K is an affiliate of the Islamic State group. IS-K was set up in January 2015. A bomb killed 13 in Kabul."
ISK = EntityRef("IS-K", "armed_group", "new:armed_group:isk", aliases=("ISKP",))
IS = EntityRef("Islamic State", "armed_group", "gaz:Q2429253", aliases=("the Islamic State group",),
               wikidata="Q2429253", country="SY")
KABUL = Place("Kabul", country="AF", admin1="Kabul", iso="AF-KAB", lat=34.53, lon=69.17, precision="city")


def span(sentence: int) -> Provenance:
    evidence = TEXT.split(". ")[sentence]
    start = TEXT.index(evidence)
    return Provenance("doc-1", sentence, start, start + len(evidence), evidence)


@pytest.fixture
def store(tmp_path: Path):
    extraction = Extraction(
        document=Document("doc-1", TEXT, publisher="Example"),
        claims=[
            Claim(ISK, "part_of", IS, span(0), extractor="pattern", confidence=0.8),
            Claim(ISK, "founded", {"date": "2015-01"}, span(1), modality=Modality.REPORTED,
                  attributed_to="officials", qualifiers={"approx": True}),
        ],
        events=[Event("explosions_remote_violence", "remote_explosive", span(2), date="2021-08", date_precision="month",
                      place=KABUL, perpetrators=[Perpetrator(ISK, "suspected")], killed=(13, None))],
    )
    with Store.from_path(tmp_path / "kb.sqlite") as opened:
        opened.write(extraction)
        yield opened


def jsonl(store: Store, kind: str) -> list[dict]:
    out = io.StringIO()
    export(store, kind, "jsonl", out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def table(store: Store, kind: str) -> list[dict]:
    out = io.StringIO()
    export(store, kind, "csv", out)
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def test_registry_has_every_kind_in_jsonl_and_csv() -> None:
    assert {(kind, fmt) for kind in KINDS for fmt in ("jsonl", "csv")} <= set(EXPORTERS)
    assert formats("claims") == ["csv", "jsonl"]


def test_entities_jsonl(store: Store) -> None:
    entities = {e["name"]: e for e in jsonl(store, "entities")}
    assert set(entities) == {"IS-K", "Islamic State", "Kabul"}
    assert entities["IS-K"] == {"id": entities["IS-K"]["id"], "name": "IS-K", "type": "armed_group",
                                "key": ISK.key, "aliases": ["IS-K", "ISKP"]}
    assert entities["Islamic State"]["wikidata"] == "Q2429253" and entities["Islamic State"]["country"] == "SY"
    kabul = entities["Kabul"]
    assert (kabul["type"], kabul["admin1_iso"], kabul["lat"], kabul["lon"]) == ("place", "AF-KAB", 34.53, 69.17)


def test_claims_jsonl_follow_the_contract(store: Store) -> None:
    ids = {e["name"]: e["id"] for e in jsonl(store, "entities")}
    part_of, founded = jsonl(store, "claims")
    assert part_of == {
        "id": part_of["id"], "subject_id": ids["IS-K"], "subject": "IS-K", "predicate": "part_of",
        "object_id": ids["Islamic State"], "object": "Islamic State", "doc_id": "doc-1",
        "evidence": "IS-K is an affiliate of the Islamic State group", "modality": "asserted",
        "attributed_to": None, "qualifiers": {}, "span": [0, 47], "sentence": 0, "extractor": "pattern",
        "confidence": 0.8,
    }
    assert TEXT[slice(*part_of["span"])] == part_of["evidence"]
    assert (founded["object_id"], founded["object"]) == (None, {"date": "2015-01"})
    assert (founded["modality"], founded["attributed_to"], founded["qualifiers"]) == (
        "reported", "officials", {"approx": True})


def test_events_jsonl_follow_the_contract(store: Store) -> None:
    ids = {e["name"]: e["id"] for e in jsonl(store, "entities")}
    (event,) = jsonl(store, "events")
    assert event == {
        "id": event["id"], "date": "2021-08", "date_precision": "month", "type": "explosions_remote_violence",
        "sub_type": "remote_explosive",
        "place": {"name": "Kabul", "admin1": "Kabul", "country": "AF", "iso": "AF-KAB", "lat": 34.53, "lon": 69.17,
                  "precision": "city", "aliases": ["Kabul"]},
        "perpetrators": [{"id": ids["IS-K"], "name": "IS-K", "attribution": "suspected"}],
        "targets": [], "killed": 13, "killed_high": None, "injured": None, "injured_high": None,
        "doc_ids": ["doc-1"],
        "sources": [{"doc_id": "doc-1", "evidence": "A bomb killed 13 in Kabul.", "killed": 13, "injured": None,
                     "span": [82, 108], "sentence": 2}],
    }


def test_csv_flattens_nested_fields(store: Store) -> None:
    entities = {row["name"]: row for row in table(store, "entities")}
    assert json.loads(entities["IS-K"]["aliases"]) == ["IS-K", "ISKP"]
    assert entities["IS-K"]["iso"] == ""
    part_of, founded = table(store, "claims")
    assert (part_of["object"], part_of["span_start"], part_of["span_end"]) == ("Islamic State", "0", "47")
    assert part_of["subject_id"] == entities["IS-K"]["id"] and part_of["object_id"] == entities["Islamic State"]["id"]
    assert json.loads(founded["object"]) == {"date": "2015-01"} and founded["object_id"] == ""
    (event,) = table(store, "events")
    assert (event["place_name"], event["place_iso"], event["killed"], event["injured"]) == ("Kabul", "AF-KAB", "13", "")
    assert json.loads(event["doc_ids"]) == ["doc-1"]
    assert json.loads(event["perpetrators"])[0]["name"] == "IS-K"


def test_unknown_exporter_is_an_error(store: Store) -> None:
    with pytest.raises(ValueError, match="no exporter"):
        export(store, "claims", "xml", io.StringIO())
    with pytest.raises(ValueError, match="unknown kind"):
        exporter("people", "jsonl")


def test_exporter_decorator_registers_a_format(store: Store) -> None:
    @exporter("entities", "names")
    def render_names(rows, out) -> None:
        out.writelines(row["name"] + "\n" for row in rows)

    try:
        out = io.StringIO()
        export(store, "entities", "names", out)
        assert out.getvalue().splitlines() == ["IS-K", "Islamic State", "Kabul"]
    finally:
        del EXPORTERS[("entities", "names")]


def test_an_events_place_keeps_the_spelling_the_report_used(tmp_path) -> None:
    """The gazetteer calls the district "Narainpur"; the report's "Narayanpur" stays beside it."""
    from conftest import build_kb

    from dossier.store.reader import iter_events

    docs = [{"id": "t-ied", "url": None, "title": "IED", "publisher": "Test Wire", "published": "2023-12-14",
             "text": "Maoist rebels triggered a roadside bomb that killed a police constable in the Narayanpur "
                     "district of Chhattisgarh on Wednesday, officials said."}]
    with Store.from_path(build_kb(tmp_path, docs)) as store:
        (event,) = iter_events(store.engine)
    assert event["place"]["name"] == "Narainpur" and "Narayanpur" in event["place"]["aliases"], event["place"]
