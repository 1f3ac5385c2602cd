"""The field's formats, each checked by a tool of its field: STIX 2.1 by the `stix2` library, GraphML and
GEXF by networkx, the ACLED-style CSV by pandas (ACLED's columns, with types an analyst's `read_csv` gets),
GeoJSON by the `geojson` parser (plus the RFC 7946 points it leaves unchecked: ranges, [lon, lat])."""

from __future__ import annotations

import io
import json
import uuid
from pathlib import Path

import geojson
import networkx as nx
import pandas as pd
import pytest
import stix2
from typer.testing import CliRunner

from dossier.cli import app
from dossier.export import SCOPE_EXPORTERS, UnknownGroup, export, export_scope
from dossier.export.scope import NAMESPACE
from dossier.model import Claim, Document, EntityRef, Event, Extraction, Modality, Perpetrator, Place, Provenance
from dossier.store import Store

ISK = EntityRef("IS-K", "armed_group", "new:armed_group:isk", aliases=("ISKP", "Islamic State Khorasan"))
IS = EntityRef("Islamic State", "armed_group", "gaz:Q2429253", aliases=("the Islamic State group",),
               wikidata="Q2429253", country="SY")
TALIBAN = EntityRef("Taliban", "armed_group", "gaz:taliban")
ELN = EntityRef("ELN", "armed_group", "gaz:eln")
LEADER = EntityRef("Shahab al-Muhajir", "person", "new:person:shahab")
KABUL = Place("Kabul", country="AF", admin1="Kabul", iso="AF-KAB", lat=34.53, lon=69.17, precision="city")
NANGARHAR = Place("Nangarhar", country="AF", admin1="Nangarhar", iso="AF-NAN", lat=34.17, lon=70.62,
                  precision="region")
ARAUCA = Place("Arauca", country="CO", admin1="Arauca", iso="CO-ARA", lat=7.08, lon=-70.76, precision="city")


def prov(doc: Document, evidence: str, sentence: int = 0) -> Provenance:
    start = doc.text.index(evidence)
    return Provenance(doc.id, sentence, start, start + len(evidence), evidence)


def extractions() -> list[Extraction]:
    d1 = Document("doc-1", "IS-K is an affiliate of the Islamic State group. IS-K is based in Nangarhar. "
                  "IS-K is led by Shahab al-Muhajir. IS-K was set up in January 2015. "
                  "A bomb killed 13 in Kabul. IS-K denied links to the Taliban.",
                  title="IS-K profile", url="https://news.example.org/isk", publisher="Example Wire")
    d2 = Document("doc-2", "IS-K is part of the Islamic State. Officials said IS-K is based in Nangarhar. "
                  "A suicide bomber killed 170 people at Kabul airport on 26 August 2021.",
                  title="Kabul airport", url="https://other.example.org/kabul", publisher="Other Post")
    d3 = Document("doc-3", "The ELN clashed with the army in Arauca.", title="Colombia", publisher="Andes Daily",
                  url="https://andes.example.org/eln")
    return [
        Extraction(document=d1, claims=[
            Claim(ISK, "part_of", IS, prov(d1, "IS-K is an affiliate of the Islamic State group"), confidence=0.8),
            Claim(ISK, "based_in", EntityRef.of_place(NANGARHAR), prov(d1, "IS-K is based in Nangarhar", 1)),
            Claim(ISK, "leader", LEADER, prov(d1, "IS-K is led by Shahab al-Muhajir", 2)),
            Claim(ISK, "founded", {"date": "2015-01"}, prov(d1, "IS-K was set up in January 2015", 3),
                  modality=Modality.REPORTED, attributed_to="officials"),
            Claim(ISK, "linked_to", TALIBAN, prov(d1, "IS-K denied links to the Taliban", 5),
                  modality=Modality.DENIED),
        ], events=[Event("explosions_remote_violence", "remote explosive/landmine/IED",
                         prov(d1, "A bomb killed 13 in Kabul", 4), date="2021-08", date_precision="month",
                         place=KABUL, perpetrators=[Perpetrator(ISK, "suspected")], killed=(13, None))]),
        Extraction(document=d2, claims=[
            Claim(ISK, "part_of", IS, prov(d2, "IS-K is part of the Islamic State"), confidence=0.9),
            Claim(ISK, "based_in", EntityRef.of_place(NANGARHAR),
                  prov(d2, "Officials said IS-K is based in Nangarhar", 1),
                  modality=Modality.REPORTED, attributed_to="officials"),
        ], events=[Event("explosions_remote_violence", "suicide bomb",
                         prov(d2, "A suicide bomber killed 170 people at Kabul airport on 26 August 2021", 2),
                         date="2021-08-26", date_precision="day", place=KABUL,
                         perpetrators=[Perpetrator(ISK, "claimed")], killed=(170, 170), targets=["civilians"])]),
        Extraction(document=d3, claims=[
            Claim(ELN, "active_in", EntityRef.of_place(ARAUCA), prov(d3, "The ELN clashed with the army in Arauca")),
        ], events=[Event("battles", "armed clash", prov(d3, "The ELN clashed with the army in Arauca"),
                         place=ARAUCA, perpetrators=[Perpetrator(ELN, "asserted")])]),
    ]


def build(path: Path, order: list[int] | None = None) -> Store:
    store = Store.from_path(path)
    items = extractions()
    for i in order or range(len(items)):
        store.write(items[i])
    return store


@pytest.fixture
def store(tmp_path: Path):
    with build(tmp_path / "kb.db") as opened:
        yield opened


def render(store: Store, fmt: str, group: str | None = None) -> str:
    out = io.StringIO()
    export_scope(store, fmt, out, group=group)
    return out.getvalue()


def stix_bundle(store: Store, group: str | None = None) -> dict:
    return json.loads(render(store, "stix", group))


def by_type(bundle: dict, kind: str) -> list[dict]:
    return [o for o in bundle["objects"] if o["type"] == kind]


# ------------------------------------------------------------------------------------------------ STIX


def test_stix_bundle_is_valid_stix_2_1(store: Store) -> None:
    text = render(store, "stix")
    parsed = stix2.parse(text, allow_custom=False)  # raises on any invalid or custom property
    assert parsed.type == "bundle" and len(parsed.objects) > 10
    for obj in json.loads(text)["objects"]:
        stix2.parse(obj, allow_custom=False, version="2.1")
        assert obj["spec_version"] == "2.1"


def test_stix_has_actors_with_aliases_locations_relationships_and_reports(store: Store) -> None:
    bundle = stix_bundle(store)
    ids = {o["id"] for o in bundle["objects"]}
    actors = {o["name"]: o for o in by_type(bundle, "threat-actor")}
    assert {"IS-K", "Islamic State", "ELN", "Taliban"} <= set(actors)
    assert set(actors["IS-K"]["aliases"]) == {"ISKP", "Islamic State Khorasan"}
    assert {"source_name": "wikidata", "external_id": "Q2429253",
            "url": "https://www.wikidata.org/wiki/Q2429253"} in actors["Islamic State"]["external_references"]
    locations = {o["name"]: o for o in by_type(bundle, "location")}
    assert locations["Kabul"]["latitude"] == 34.53 and locations["Kabul"]["longitude"] == 69.17
    assert locations["Kabul"]["country"] == "AF"
    rels = by_type(bundle, "relationship")
    located = [r for r in rels if r["relationship_type"] == "located-at" and r["source_ref"] == actors["IS-K"]["id"]]
    assert len(located) == 1 and located[0]["target_ref"] == locations["Nangarhar"]["id"]
    # two documents state it: one relationship, both sources cited with their URLs
    urls = {ref.get("url") for ref in located[0]["external_references"]}
    assert urls == {"https://news.example.org/isk", "https://other.example.org/kabul"}
    part_of = [r for r in rels if r["relationship_type"] == "part-of"]
    assert len(part_of) == 1 and part_of[0]["target_ref"] == actors["Islamic State"]["id"]
    assert all(r["source_ref"] in ids and r["target_ref"] in ids for r in rels)
    # a denied link is a note, never a relationship
    assert not [r for r in rels if r["relationship_type"] == "related-to"]
    notes = by_type(bundle, "note")
    assert any("denied" in n["abstract"] and actors["Taliban"]["id"] in n["object_refs"] for n in notes)
    assert any("founded" in n["abstract"] and "officials" in n["content"] for n in notes)
    leader = [o for o in by_type(bundle, "identity") if o["name"] == "Shahab al-Muhajir"]
    assert leader and leader[0]["identity_class"] == "individual"
    reports = {r["name"]: r for r in by_type(bundle, "report")}
    assert set(reports) == {"IS-K profile", "Kabul airport", "Colombia"}
    for report in reports.values():
        assert report["object_refs"] and set(report["object_refs"]) <= ids
    assert reports["IS-K profile"]["external_references"][0]["url"] == "https://news.example.org/isk"
    assert actors["IS-K"]["id"] in reports["IS-K profile"]["object_refs"]
    incidents = by_type(bundle, "incident")
    assert len(incidents) == 3
    attributed = [r for r in rels if r["relationship_type"] == "attributed-to"]
    assert {r["target_ref"] for r in attributed} == {actors["IS-K"]["id"], actors["ELN"]["id"]}


def test_stix_ids_are_uuid5_of_entity_keys_and_stable_across_databases(store: Store, tmp_path: Path) -> None:
    bundle = stix_bundle(store)
    isk = next(o for o in by_type(bundle, "threat-actor") if o["name"] == "IS-K")
    assert isk["id"] == f"threat-actor--{uuid.uuid5(NAMESPACE, 'threat-actor' + chr(31) + ISK.key)}"
    with build(tmp_path / "other.db", order=[2, 1, 0]) as other:  # other row ids, same knowledge
        again = stix_bundle(other)
    assert {o["id"] for o in again["objects"]} == {o["id"] for o in bundle["objects"]}


def test_stix_group_keeps_the_group_and_what_touches_it(store: Store) -> None:
    bundle = stix_bundle(store, "ISKP")  # any of its names
    names = {o.get("name") for o in bundle["objects"]}
    assert {"IS-K", "Islamic State", "Nangarhar", "Kabul", "Shahab al-Muhajir"} <= names
    assert "ELN" not in names and "Arauca" not in names and "Colombia" not in names
    stix2.parse(json.dumps(bundle), allow_custom=False)
    with pytest.raises(UnknownGroup):
        stix_bundle(store, "No Such Group")


# ------------------------------------------------------------------------------------------------ ACLED

ACLED_COLUMNS = ["event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "admin1",
                 "admin2", "location", "latitude", "longitude", "geo_precision", "time_precision", "source", "notes",
                 "fatalities"]


def read_acled(source: str | Path) -> pd.DataFrame:
    """As an analyst loads an ACLED export: pandas' defaults, dates then parsed by `pd.to_datetime`."""
    frame = pd.read_csv(io.StringIO(source) if isinstance(source, str) else source)
    assert set(ACLED_COLUMNS) <= set(frame.columns)
    for column in ("latitude", "longitude", "fatalities", "geo_precision", "time_precision"):
        assert pd.api.types.is_numeric_dtype(frame[column]), (column, frame[column].dtype)  # numbers, or empty
    assert frame["latitude"].dropna().between(-90, 90).all() and frame["longitude"].dropna().between(-180, 180).all()
    assert frame["latitude"].isna().equals(frame["longitude"].isna())  # a point has both or neither
    for column in ("geo_precision", "time_precision"):  # ACLED's codes: 1 (most precise) to 3
        assert frame[column].dropna().isin([1, 2, 3]).all(), (column, frame[column].tolist())
    assert frame["event_id_cnty"].notna().all() and frame["event_id_cnty"].is_unique
    frame["event_date"] = pd.to_datetime(frame["event_date"], format="%Y-%m-%d", errors="raise")  # empty: NaT
    return frame


def acled(store: Store, group: str | None = None) -> pd.DataFrame:
    out = io.StringIO()
    export(store, "events", "acled", out, group=group)
    return read_acled(out.getvalue())


def test_acled_csv_has_acled_columns_and_values(store: Store) -> None:
    frame = acled(store)
    assert len(frame) == 3
    assert pd.api.types.is_datetime64_any_dtype(frame["event_date"])
    assert pd.api.types.is_integer_dtype(frame["fatalities"])  # every event has a count here (0 if none reported)
    rows = frame.set_index("sub_event_type", drop=False)
    airport = rows.loc["Suicide bomb"]
    assert airport["event_id_cnty"].startswith("AFG")
    assert airport["event_date"] == pd.Timestamp("2021-08-26") and airport["time_precision"] == 1
    assert airport["event_type"] == "Explosions/Remote violence"
    assert airport["actor1"] == "IS-K" and pd.isna(airport["assoc_actor_1"])
    assert airport["location"] == "Kabul" and airport["admin1"] == "Kabul" and airport["geo_precision"] == 1
    assert airport["latitude"] == 34.53 and airport["longitude"] == 69.17
    assert airport["source"] == "Other Post" and airport["fatalities"] == 170
    assert airport["notes"].startswith("A suicide bomber killed 170 people")
    month = rows.loc["Remote explosive/landmine/IED"]
    assert month["event_date"] == pd.Timestamp("2021-08-01") and month["time_precision"] == 3
    clash = rows.loc["Armed clash"]
    assert clash["event_type"] == "Battles" and clash["event_id_cnty"].startswith("COL")
    assert pd.isna(clash["event_date"]) and clash["fatalities"] == 0
    assert frame["fatalities"].sum() == 183


def test_acled_group_filter(store: Store) -> None:
    assert acled(store, "ELN")["actor1"].tolist() == ["ELN"]
    with pytest.raises(UnknownGroup):
        acled(store, "Nobody")


# ------------------------------------------------------------------------------------------------ GeoJSON


def check_geojson(text: str) -> geojson.FeatureCollection:
    """Parsed and validated by the `geojson` package; then what it does not check: RFC 7946 ranges for
    [longitude, latitude] positions, and flat scalar properties (a GIS tool's attribute table)."""
    collection = geojson.loads(text)
    assert isinstance(collection, geojson.FeatureCollection), type(collection)
    assert collection.is_valid, collection.errors()
    for feature in collection["features"]:
        assert isinstance(feature, geojson.Feature), feature
        assert isinstance(feature["geometry"], geojson.Point), feature["geometry"]
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert isinstance(feature["properties"], dict)
        for value in feature["properties"].values():
            assert value is None or isinstance(value, str | int | float)
    return collection


def test_geojson_parser_is_no_rubber_stamp() -> None:
    def collection(coordinates: list) -> str:
        return json.dumps({"type": "FeatureCollection", "features": [
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": coordinates}, "properties": {}}]})

    assert geojson.loads(collection([69.17, 34.53])).is_valid
    assert not geojson.loads(collection([69.17])).is_valid  # a position needs two numbers
    with pytest.raises(AssertionError):
        check_geojson(collection([34.53, 269.17]))  # out of range: what the hand checks add


def test_geojson_feature_collection_of_events_and_bases(store: Store) -> None:
    collection = check_geojson(render(store, "geojson"))
    events = [f for f in collection["features"] if f["properties"]["kind"] == "event"]
    bases = [f for f in collection["features"] if f["properties"]["kind"] == "base"]
    assert len(events) == 3
    airport = next(f for f in events if f["properties"]["sub_type"] == "suicide bomb")
    assert airport["geometry"]["coordinates"] == [69.17, 34.53]  # [longitude, latitude]
    assert airport["properties"]["perpetrators"] == "IS-K" and airport["properties"]["killed"] == 170
    (base,) = bases
    assert base["properties"]["group"] == "IS-K" and base["properties"]["place"] == "Nangarhar"
    assert base["geometry"]["coordinates"] == [70.62, 34.17]
    assert base["properties"]["statements"] == 2 and base["properties"]["sources"] == 2
    only_eln = check_geojson(render(store, "geojson", "ELN"))
    assert [f["properties"]["place"] for f in only_eln["features"]] == ["Arauca"]


# ------------------------------------------------------------------------------------------------ GraphML, GEXF


def read_graph(store: Store, fmt: str, tmp_path: Path, group: str | None = None) -> nx.MultiDiGraph:
    path = tmp_path / f"g.{fmt}"
    path.write_text(render(store, fmt, group), encoding="utf-8")
    return nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)


def label(graph: nx.MultiDiGraph, node: str) -> str:
    return graph.nodes[node]["label"]


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_is_read_by_networkx_with_relation_and_evidence(store: Store, tmp_path: Path, fmt: str) -> None:
    graph = read_graph(store, fmt, tmp_path)
    assert graph.is_directed()
    names = {label(graph, n): n for n in graph.nodes}
    assert {"IS-K", "Islamic State", "Nangarhar", "Kabul", "ELN"} <= set(names)
    assert graph.nodes[names["IS-K"]]["type"] == "armed_group"
    edges = {(label(graph, u), d["relation"], label(graph, v)): d for u, v, d in graph.edges(data=True)}
    part_of = edges[("IS-K", "part_of", "Islamic State")]
    assert part_of["evidence"] == 2 and part_of["sources"] == 2 and part_of["weight"] == 2.0
    based = edges[("IS-K", "based_in", "Nangarhar")]
    assert based["evidence"] == 2 and set(based["modality"].split("; ")) == {"asserted", "reported"}
    assert edges[("IS-K", "perpetrated_in", "Kabul")]["evidence"] == 2  # two events reported there
    assert not [k for k in edges if k[1] == "linked_to"]  # the denied link is not an edge


def test_graph_group_filter(store: Store, tmp_path: Path) -> None:
    graph = read_graph(store, "graphml", tmp_path, "ELN")
    assert {label(graph, n) for n in graph.nodes} == {"ELN", "Arauca"}


# ------------------------------------------------------------------------------------------------ CLI


def test_cli_exports_each_format_to_a_file(store: Store, tmp_path: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "kb.db")
    for command, name in (("stix", "b.json"), ("geojson", "m.geojson"), ("graphml", "n.graphml"), ("gexf", "n.gexf")):
        result = runner.invoke(app, ["--db", db, "export", command, "-o", str(tmp_path / name), "--group", "IS-K"])
        assert result.exit_code == 0, result.output
    stix2.parse((tmp_path / "b.json").read_text(encoding="utf-8"), allow_custom=False)
    check_geojson((tmp_path / "m.geojson").read_text(encoding="utf-8"))
    assert nx.read_gexf(tmp_path / "n.gexf").number_of_nodes() == nx.read_graphml(tmp_path / "n.graphml") \
        .number_of_nodes()
    result = runner.invoke(app, ["--db", db, "export", "events", "--format", "acled", "--group", "ELN",
                                 "-o", str(tmp_path / "e.csv")])
    assert result.exit_code == 0, result.output
    assert read_acled(tmp_path / "e.csv")["actor1"].tolist() == ["ELN"]


def test_cli_unknown_group_is_a_one_line_error_and_writes_nothing(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "b.json"
    result = CliRunner().invoke(app, ["--db", str(tmp_path / "kb.db"), "export", "stix", "--group", "Nobody",
                                      "-o", str(out)])
    assert result.exit_code == 1
    assert "error: no entity named 'Nobody'" in result.output
    assert not out.exists() and list(tmp_path.glob(".b.json.*")) == []


def test_cli_failed_export_never_replaces_a_good_file(store: Store, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "net.graphml"
    out.write_text("good", encoding="utf-8")

    def broken(scope, stream):  # noqa: ANN001
        stream.write("<graphml>partial")
        raise RuntimeError("disk on fire")

    monkeypatch.setitem(SCOPE_EXPORTERS, "graphml", broken)
    result = CliRunner().invoke(app, ["--db", str(tmp_path / "kb.db"), "export", "graphml", "-o", str(out)])
    assert result.exit_code != 0
    assert out.read_text(encoding="utf-8") == "good"
    assert list(tmp_path.glob(".net.graphml.*")) == []
