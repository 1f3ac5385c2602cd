"""Storage: migrations, atomic per-document writes, entity upserts, alias index, crash safety."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from scale.pg import fresh_database
from sqlalchemy import inspect, text

from dossier.model import (
    Claim,
    Document,
    EntityRef,
    Event,
    Extraction,
    Mention,
    Modality,
    Perpetrator,
    Place,
    Provenance,
)
from dossier.store import DuplicateDocumentError, Store, normalize_alias
from dossier.store.engine import compare_type
from dossier.store.schema import Base

TEXT = (
    "IS-K, also known as ISKP, is the regional affiliate of the Islamic State group. "
    "It was set up in January 2015 and is based in Nangarhar. "
    "On 26 August 2021 a suicide bomber killed at least 170 people at Kabul airport; IS-K claimed the attack."
)
ISK = EntityRef("IS-K", "armed_group", "new:armed_group:isk", aliases=("ISKP", "Islamic State Khorasan Province"))
IS = EntityRef("Islamic State", "armed_group", "gaz:Q2429253", aliases=("the Islamic State group",),
               wikidata="Q2429253")
NANGARHAR = Place("Nangarhar", country="AF", admin1="Nangarhar", iso="AF-NAN", lat=34.3, lon=70.5,
                  precision="region", aliases=("Nangarhar province",))
KABUL = Place("Kabul", country="AF", admin1="Kabul", iso="AF-KAB", lat=34.53, lon=69.17)


def prov(doc_id: str, text: str, sentence: int) -> Provenance:
    evidence = text.split(". ")[sentence]
    start = text.index(evidence)
    return Provenance(doc_id, sentence, start, start + len(evidence), evidence)


def make_extraction(doc_id: str = "d1", text: str = TEXT, subject: EntityRef = ISK,
                    predicate: str = "part_of") -> Extraction:
    nangarhar = EntityRef("Nangarhar", "place", NANGARHAR.key, place=NANGARHAR)
    return Extraction(
        document=Document(doc_id, text, title="Who are IS-K?", url=f"https://example.org/{doc_id}",
                          publisher="Example News"),
        mentions=[Mention(subject, 0, 4, "IS-K"), Mention(IS, 47, 60, "Islamic State")],
        claims=[
            Claim(subject, predicate, IS, prov(doc_id, text, 0), extractor="test", confidence=0.9),
            Claim(subject, "founded", {"date": "2015-01"}, prov(doc_id, text, 1), modality=Modality.REPORTED),
            Claim(subject, "based_in", nangarhar, prov(doc_id, text, 1), qualifiers={"note": "eastern"}),
        ],
        events=[Event("explosions_remote_violence", "suicide_bomb", prov(doc_id, text, 2), date="2021-08-26",
                      date_precision="day", place=KABUL, perpetrators=[Perpetrator(subject, "claimed")],
                      targets=["civilians"], killed=(170, 183), injured=(200, None))],
    )


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path: Path):
    """A new database on each backend: a SQLite file, or a fresh database on the PostgreSQL test server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'kb.sqlite'}"
    else:
        with fresh_database() as url:
            yield url


@pytest.fixture
def store(db_url: str):
    with Store(db_url) as opened:
        yield opened


def _schema_differences(conn) -> list:
    """Model-versus-database differences, leaving out the search objects of migration 0002 (FTS5 tables,
    text-search and trigram indexes), which the models do not describe."""
    def named(diff) -> str:
        item = diff[1] if isinstance(diff, tuple) else diff[0][1]
        return str(getattr(item, "name", ""))

    return [d for d in compare_metadata(
        MigrationContext.configure(conn, opts={"compare_type": compare_type}), Base.metadata)
            if not (named(d).startswith("fts_") or named(d).endswith(("_fts", "_trgm")))]


EMPTY = {"documents": 0, "entities": 0, "aliases": 0, "mentions": 0, "claims": 0, "events": 0,
         "event_sources": 0, "event_perpetrators": 0}


def test_migrations_create_schema_and_reopen_is_idempotent(db_url: str) -> None:
    with Store(db_url) as first:
        first.write(make_extraction())
        tables = {t for t in inspect(first.engine).get_table_names() if not t.startswith("fts_")}
    assert tables == {t.name for t in Base.metadata.sorted_tables} | {"alembic_version"}
    with Store(db_url) as again:
        assert again.counts()["claims"] == 3
        with again.engine.connect() as conn:
            assert conn.scalar(text("SELECT version_num FROM alembic_version")) == "0005"
            # the hand-kept migrations and the models describe the same schema
            assert _schema_differences(conn) == []


def test_migrations_open_a_nested_sqlite_path(tmp_path: Path) -> None:
    with Store.from_path(tmp_path / "nested" / "kb.sqlite") as store:
        assert store.counts() == EMPTY


def test_sqlite_connections_use_wal_and_foreign_keys(tmp_path: Path) -> None:
    with Store.from_path(tmp_path / "kb.sqlite") as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_write_stores_the_whole_document(store: Store) -> None:
    result = store.write(make_extraction())
    assert (result.claims, result.events, result.new_entities) == (3, 1, 4)  # IS-K, IS, Nangarhar, Kabul
    assert store.counts() == {**EMPTY, "documents": 1, "entities": 4, "aliases": 8, "mentions": 2, "claims": 3,
                              "events": 1, "event_sources": 1, "event_perpetrators": 1}
    entities = {e["name"]: e for e in store.iter_entities()}
    assert entities["Islamic State"]["wikidata"] == "Q2429253"
    assert entities["Nangarhar"] | {"aliases": None} == {
        "id": entities["Nangarhar"]["id"], "name": "Nangarhar", "type": "place", "key": NANGARHAR.key,
        "aliases": None, "country": "AF", "iso": "AF-NAN", "lat": 34.3, "lon": 70.5, "admin1": "Nangarhar",
        "precision": "region"}
    assert entities["Kabul"]["type"] == "place" and entities["Kabul"]["admin1_iso"] == "AF-KAB"
    event = next(store.iter_events())
    assert event["place"]["name"] == "Kabul" and event["killed"] == 170 and event["killed_high"] == 183
    assert event["perpetrators"] == [{"id": entities["IS-K"]["id"], "name": "IS-K", "attribution": "claimed"}]
    assert event["doc_ids"] == ["d1"] and event["sources"][0]["killed"] == 170


def test_has_document_matches_id_or_content(store: Store) -> None:
    extraction = make_extraction()
    assert not store.has_document(extraction.document)
    store.write(extraction)
    assert store.has_document(Document("d1", "other text"))
    assert store.has_document(Document("elsewhere", "  " + TEXT + "\n"))  # same text, other id
    assert not store.has_document(Document("d2", "other text"))
    with pytest.raises(DuplicateDocumentError):
        store.write(make_extraction(doc_id="d1-copy"))
    assert store.counts()["documents"] == 1


def test_failing_write_leaves_nothing(store: Store) -> None:
    store.write(make_extraction())
    before = store.counts()
    known_aliases = {e["key"]: e["aliases"] for e in store.iter_entities()}
    renamed = EntityRef("IS-K", "armed_group", ISK.key, aliases=("Wilayat Khorasan",))
    broken = make_extraction("d2", TEXT.replace("2015", "2016"), subject=renamed, predicate="is_friends_with")
    broken.claims.reverse()  # valid claims, a new alias and new rows come first; the bad predicate last
    with pytest.raises(ValueError, match="unknown predicate"):
        store.write(broken)
    assert store.counts() == before
    assert not store.has_document(broken.document)
    assert {e["key"]: e["aliases"] for e in store.iter_entities()} == known_aliases
    broken.claims[-1].predicate = "part_of"
    assert store.write(broken).claims == 3  # the same document goes in once it is valid


def test_failing_first_write_leaves_an_empty_store(store: Store) -> None:
    with pytest.raises(ValueError):
        store.write(make_extraction(predicate="nope"))
    assert store.counts() == EMPTY


def test_names_and_ids_longer_than_512_characters_are_stored(store: Store) -> None:
    """Names, keys, aliases, document ids and publishers have no length limit on either database (0003)."""
    name = ("Front " + " ".join(f"of the Valley {i}" for i in range(60)))[:600]
    group = EntityRef(name, "armed_group", f"new:armed_group:{normalize_alias(name)}", aliases=(name + " Movement",))
    doc_id = "https://example.org/" + "long/" * 60
    text = f"The {name} is a militant group. It was founded in 2019."
    extraction = Extraction(
        document=Document(doc_id, text, publisher="P" * 300),
        mentions=[Mention(group, 4, 4 + len(name), name)],
        claims=[Claim(group, "founded", {"date": "2019"}, prov(doc_id, text, 1))])
    assert store.write(extraction).new_entities == 1
    [entity] = [e for e in store.iter_entities() if e["name"] == name]
    assert len(name) == 600 and entity["key"] == group.key and entity["aliases"] == [name, name + " Movement"]
    assert store.alias_index()[normalize_alias(name)] == group.key
    assert [c["doc_id"] for c in store.iter_claims()] == [doc_id]


def test_same_key_from_two_documents_is_one_entity_with_merged_aliases(store: Store) -> None:
    store.write(make_extraction())
    other = EntityRef("Islamic State Khorasan", "armed_group", ISK.key, aliases=("ISKP", "IS-KP", "Daesh-K"))
    result = store.write(make_extraction("d2", TEXT.replace("2015", "2016"), subject=other))
    assert result.new_entities == 0
    isk = [e for e in store.iter_entities() if e["key"] == ISK.key]
    assert len(isk) == 1
    assert isk[0]["name"] == "IS-K"  # the first name stays
    assert isk[0]["aliases"] == ["IS-K", "ISKP", "Islamic State Khorasan Province", "Islamic State Khorasan",
                                 "Daesh-K"]  # "IS-KP" normalises like "ISKP"


def test_alias_index(store: Store) -> None:
    store.write(make_extraction())
    index = store.alias_index()
    assert index["isk"] == ISK.key
    assert index["islamicstategroup"] == IS.key  # leading "the " dropped
    assert index[normalize_alias("Nangarhar Province")] == NANGARHAR.key
    # a shared alias goes to the entity whose own name it is
    decoy = EntityRef("Khorasan network", "armed_group", "new:armed_group:khorasan", aliases=("IS-K",))
    store.write(Extraction(Document("d3", "Khorasan network, sometimes called IS-K."),
                           mentions=[Mention(decoy, 0, 16, "Khorasan network")]))
    assert store.alias_index()["isk"] == ISK.key


def test_normalize_alias() -> None:
    assert normalize_alias("The Islamic State - Khorasan") == "islamicstatekhorasan"
    assert normalize_alias("IS-K") == normalize_alias("is k") == normalize_alias("ISK.") == "isk"
    assert normalize_alias("Theodore") == "theodore"
    assert normalize_alias("Tehrik-e-Taliban Pakistan") == "tehriketalibanpakistan"
    assert normalize_alias("Nangarhār") == "nangarhar"


WRITER = textwrap.dedent("""
    import sys
    sys.path.insert(0, {tests!r})
    from test_store import TEXT, make_extraction
    import time
    from dossier.store import DuplicateDocumentError, Store
    store = Store(sys.argv[1])
    time.sleep(max(0.0, float(sys.argv[4]) - time.time()))  # writers start together, once all are ready
    for i in range(int(sys.argv[3])):
        try:
            store.write(make_extraction(f"{{sys.argv[2]}}{{i}}", f"{{sys.argv[2]}}{{i}} " + TEXT))
        except DuplicateDocumentError:  # another writer stored it first
            pass
        print(i, flush=True)
""")


def _writer(path: Path | str, prefix: str, count: int, start: float = 0.0) -> subprocess.Popen:
    """A process writing `count` documents (ids prefix0, prefix1, ...) to the database at `path` or URL,
    from time `start` on."""
    script = WRITER.format(tests=str(Path(__file__).parent))
    url = path if isinstance(path, str) else f"sqlite:///{path}"
    return subprocess.Popen([sys.executable, "-c", script, url, prefix, str(count), str(start)],
                            stdout=subprocess.PIPE, text=True)


def _assert_consistent(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        per_doc = conn.execute(
            "SELECT d.id, (SELECT count(*) FROM claims c WHERE c.doc_id = d.id),"
            " (SELECT count(*) FROM event_sources s WHERE s.doc_id = d.id) FROM documents d").fetchall()
        assert all(row[1:] == (3, 1) for row in per_doc)
        orphans = conn.execute("SELECT count(*) FROM claims WHERE doc_id NOT IN (SELECT id FROM documents)")
        assert orphans.fetchone() == (0,)


def test_kill_9_mid_ingest_leaves_a_consistent_database(tmp_path: Path) -> None:
    path = tmp_path / "kb.sqlite"
    proc = _writer(path, "k", 100_000)
    for _ in range(20):  # let it commit a few documents, then kill it while it writes more
        assert proc.stdout.readline()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    _assert_consistent(path)
    with Store.from_path(path) as reopened:
        assert reopened.counts()["documents"] >= 20
        assert reopened.counts()["entities"] == 4


def test_two_processes_write_the_same_entities(db_url: str) -> None:
    """Two writers at once, on overlapping documents (b0-b9 from both): each document and entity once,
    and all reports of the one Kabul bombing merged into one event."""
    Store(db_url).close()  # the schema exists before the race (opening at once is tested elsewhere)
    start = time.time() + 4
    procs = [_writer(db_url, prefix, count, start) for prefix, count in (("a", 15), ("b", 10), ("b", 10))]
    for proc in procs:
        out, _ = proc.communicate(timeout=180)
        assert proc.returncode == 0, out
    if db_url.startswith("sqlite"):
        _assert_consistent(Path(db_url.removeprefix("sqlite:///")))
    with Store(db_url) as store:
        with store.engine.connect() as conn:
            per_doc = conn.execute(text(
                "SELECT d.id, (SELECT count(*) FROM claims c WHERE c.doc_id = d.id),"
                " (SELECT count(*) FROM event_sources s WHERE s.doc_id = d.id) FROM documents d")).all()
        assert all(tuple(row[1:]) == (3, 1) for row in per_doc)
        counts = store.counts()
        assert counts["documents"] == 25
        assert counts["entities"] == 4
        assert counts["aliases"] == 8
        assert counts["events"] == 1 and counts["event_sources"] == 25



def test_substring_search_of_event_evidence_and_titles_follows_writes(store: Store) -> None:
    """The substring searches of event questions (trigram FTS5 tables on SQLite since 0004, trigram-indexed
    ILIKE on PostgreSQL) see what is written, match case-insensitively, and forget a deleted document."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from dossier.store.schema import EventSourceRow
    from dossier.store.search import sources_containing, sources_titled

    store.write(make_extraction())
    store.write(make_extraction("d2", TEXT.replace("Kabul airport", "the Westgate mall"), predicate="linked_to"))
    with Session(store.engine) as session:
        def ids(stmt) -> set[int]:
            return set(session.scalars(stmt))

        every = ids(select(EventSourceRow.event_id))
        assert every and ids(sources_containing(session, "WESTGATE")) <= every
        assert ids(sources_containing(session, "westgate mall"))
        assert ids(sources_containing(session, "suicide bomber")) == every
        assert ids(sources_containing(session, "Nairobi")) == set()
        assert ids(sources_titled(session, "who are is-k")) == every
        assert ids(sources_titled(session, "Westgate")) == set()
        session.execute(text("DELETE FROM documents WHERE id = 'd2'"))
        session.commit()
        assert ids(sources_containing(session, "Westgate")) == set()
        assert ids(sources_titled(session, "IS-K")) == ids(select(EventSourceRow.event_id)) != set()


def test_substring_search_without_trigram_tables_reads_the_rows(tmp_path: Path) -> None:
    """A SQLite too old for the trigram tokenizer gets no trigram tables (0004); the search then scans."""
    from sqlalchemy.orm import Session

    from dossier.store.search import sources_containing, sources_titled

    with Store.from_path(tmp_path / "kb.sqlite") as store:
        store.write(make_extraction())
        with store.engine.begin() as conn:
            for fts in ("fts_event_evidence", "fts_titles"):
                for suffix in ("ai", "ad", "au"):
                    conn.exec_driver_sql(f"DROP TRIGGER {fts}_{suffix}")
                conn.exec_driver_sql(f"DROP TABLE {fts}")
        with Session(store.engine) as session:
            assert "fts_" not in str(sources_containing(session, "x"))
            assert len(set(session.scalars(sources_containing(session, "SUICIDE bomber")))) == 1
            assert len(set(session.scalars(sources_titled(session, "who are")))) == 1


# ---------------------------------------------------------------- query rewrites give the former answers

def _window_claim_groups(session, ids, predicates, inverse=False, per_group=3, per_subject=False, max_groups=12):
    """`dossier.query.profile._claim_groups` as it was written with window functions (before the grouping moved
    into Python), kept as the reference the rewrite must match on both databases."""
    from sqlalchemy import String, cast, func, select
    from sqlalchemy.orm import aliased

    from dossier.query.profile import _recent
    from dossier.store.schema import ClaimRow, DocumentRow, EntityRow

    c = ClaimRow
    me, other = (c.object_id, c.subject_id) if inverse else (c.subject_id, c.object_id)
    literal = cast(c.object_literal, String)
    part = (c.predicate, other, literal, c.modality, c.attributed_to, *((me,) if per_subject else ()))
    inner = (select(c.id.label("cid"), me.label("self_id"), c.predicate.label("pred"), other.label("other_id"),
                    func.row_number().over(partition_by=part,
                                           order_by=(DocumentRow.published.desc(), c.id)).label("rn"),
                    func.count().over(partition_by=part).label("n"),
                    func.min(c.id).over(partition_by=part).label("first"))
             .join(DocumentRow, c.doc_id == DocumentRow.id)
             .where(c.id.in_(_recent(me, ids, predicates, inverse))))
    sub1 = inner.subquery()
    rank_part = (sub1.c.pred, *((sub1.c.self_id,) if per_subject else ()))
    sub = (select(sub1, func.dense_rank().over(partition_by=rank_part, order_by=(sub1.c.n.desc(), sub1.c.first))
                  .label("grank")).where(sub1.c.rn <= per_group).subquery())
    ent = aliased(EntityRow)
    stmt = (select(sub.c.self_id, sub.c.other_id, sub.c.n, c.predicate, c.object_literal, c.modality, c.attributed_to,
                   c.evidence, c.qualifiers, c.doc_id, ent.name, ent.type, ent.lat, ent.lon, ent.country,
                   DocumentRow.title, DocumentRow.publisher, DocumentRow.published, DocumentRow.url)
            .join(c, c.id == sub.c.cid)
            .join(DocumentRow, c.doc_id == DocumentRow.id)
            .outerjoin(ent, sub.c.other_id == ent.id)
            .where(sub.c.grank <= max_groups)
            .order_by(sub.c.first, sub.c.rn))
    groups: dict = {}
    for r in session.execute(stmt):
        key = (r.predicate, r.other_id, None if r.other_id is not None else repr(r.object_literal), r.modality,
               r.attributed_to, r.self_id if per_subject else None)
        g = groups.get(key)
        if g is None:
            g = groups[key] = {"self_id": r.self_id, "predicate": r.predicate, "other_id": r.other_id, "other": r.name,
                               "other_type": r.type, "literal": r.object_literal, "modality": r.modality,
                               "attributed_to": r.attributed_to, "n": r.n, "lat": r.lat, "lon": r.lon,
                               "country": r.country, "qualifiers": r.qualifiers or {}, "reports": []}
        g["reports"].append({"doc_id": r.doc_id, "evidence": r.evidence, "title": r.title,
                             "publisher": r.publisher, "url": r.url,
                             "published": r.published.isoformat() if r.published else None})
    return list(groups.values())


def _many_reports(store: Store) -> None:
    """Forty reports stating overlapping things with ties everywhere: the same statements in several reports,
    literals, modalities, attributions, reports of the same day and undated ones (which the two databases
    sort differently)."""
    import datetime as dt

    others = [IS, EntityRef("Taliban", "armed_group", "gaz:taliban"), EntityRef("TTP", "armed_group", "gaz:ttp"),
              EntityRef("Haqqani network", "armed_group", "gaz:haqqani")]
    people = [EntityRef(f"Person {k}", "person", f"new:person:{k}") for k in range(3)]
    extractions = []
    for i in range(40):
        doc_id = f"r{i:02d}"
        text = f"Report {i}. " + TEXT
        published = None if i % 7 == 3 else dt.date(2020, 1 + i % 5, 1 + i % 3)
        p = prov(doc_id, text, 1)
        claims = [
            Claim(ISK, "linked_to", others[i % 4], p, modality=[Modality.ASSERTED, Modality.REPORTED][i % 2]),
            Claim(ISK, "opposes", others[(i + 1) % 3], p, attributed_to=["UN", None][i % 2]),
            Claim(ISK, "size", {"value": 1000 * (1 + i % 4)}, p, qualifiers={"as_of": str(2015 + i % 3)}),
            Claim(ISK, "founded", {"date": "2015-01"} if i % 3 else {"date": "2014"}, p),
            Claim(others[i % 3], "opposes", ISK, p),
            Claim(people[i % 3], "member_of", ISK, p),
            Claim(people[i % 3], "role", {"text": ["spokesman", "commander"][i % 2]}, p),
            Claim(ISK, "leader", people[i % 2], p, modality=Modality.DENIED if i == 5 else Modality.ASSERTED),
        ]
        extractions.append(Extraction(
            document=Document(doc_id, text, title=f"Report {i}", publisher="Example News", published=published),
            mentions=[], claims=claims, events=[]))
    store.write_many(extractions)


def test_profile_claim_groups_are_those_of_the_window_functions(store: Store) -> None:
    """The profile's claim groups, grouped and ranked in Python since the window functions were too slow at
    100,000 documents, are what the window functions gave, ties and undated reports included, on both
    databases, for every way `build_profile` calls it and for tighter limits that make the trimming bite."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from dossier.query import profile
    from dossier.store.schema import EntityRow

    _many_reports(store)
    with Session(store.engine) as session:
        isk = session.scalar(select(EntityRow.id).where(EntityRow.key == ISK.key))
        people = list(session.scalars(select(EntityRow.id).where(EntityRow.type == "person")))
        calls = [
            ([isk], (*profile.OVERVIEW, *profile.PLACES, *profile.LINKS, "leader"), {}),
            ([isk], ("size",), {"max_groups": profile.MAX_SIZES}),
            ([isk], (*profile.LINKS, "member_of", "leader"), {"inverse": True}),
            (people, ("role",), {"per_group": 2, "per_subject": True, "max_groups": 4}),
            ([isk], ("linked_to", "opposes", "size", "founded", "leader"), {"per_group": 1, "max_groups": 2}),
            ([isk, people[0]], ("opposes", "member_of", "leader"), {"inverse": True, "max_groups": 1}),
            (people, ("role", "member_of"), {"per_group": 5, "per_subject": True, "max_groups": 1}),
        ]
        for ids, predicates, kwargs in calls:
            expected = _window_claim_groups(session, ids, predicates, **kwargs)
            assert expected, (predicates, kwargs)
            assert profile._claim_groups(session, ids, predicates, **kwargs) == expected, (predicates, kwargs)
        saved = profile.MAX_CLAIMS
        profile.MAX_CLAIMS = 25  # the most recent claims only: fewer than the entity has
        try:
            for ids, predicates, kwargs in calls:
                assert profile._claim_groups(session, ids, predicates, **kwargs) == \
                    _window_claim_groups(session, ids, predicates, **kwargs), (predicates, kwargs)
        finally:
            profile.MAX_CLAIMS = saved


def _many_events(store: Store) -> None:
    """Thirty reports of events: dated (several on one day) and undated, by IS-K, by another group or by both."""
    other = EntityRef("Taliban", "armed_group", "gaz:taliban")
    extractions = []
    for i in range(30):
        doc_id = f"e{i:02d}"
        text = f"Event report {i}. " + TEXT
        perps = [[Perpetrator(ISK, "claimed")], [Perpetrator(other, "blamed")],
                 [Perpetrator(ISK, "suspected"), Perpetrator(other, "claimed")]][i % 3]
        date = None if i % 8 == 5 else f"20{10 + i % 6}-0{1 + i % 4}-1{i % 5}"
        extractions.append(Extraction(
            document=Document(doc_id, text, title=f"Event {i}", publisher="Example News"), mentions=[], claims=[],
            events=[Event("explosions_remote_violence", "suicide_bomb", prov(doc_id, text, 3), date=date,
                          date_precision="day" if date else None, place=None, perpetrators=perps)]))
    store.write_many(extractions)


def test_profile_events_are_the_newest_whichever_plan_is_chosen(store: Store) -> None:
    """The timeline of a profile: the ids `newest_event_ids` reads are those of the ORM `newest_events`, for
    both forms `_perpetrated_by` writes (IN for a group of few events, EXISTS for one of many), on both
    databases, and the event dicts built from them in bulk are the ORM rows' `event_dict`."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from dossier.query import profile
    from dossier.store.reader import event_dict, event_dicts, newest_event_ids, newest_events
    from dossier.store.schema import EntityRow, EventRow

    _many_events(store)
    with Session(store.engine) as session:
        for key in (ISK.key, "gaz:taliban"):
            ids = [session.scalar(select(EntityRow.id).where(EntityRow.key == key))]
            forms = [profile._perpetrated_by(session, ids, 0), profile._perpetrated_by(session, ids, 10**6)]
            assert "EXISTS" not in str(forms[0]) and "EXISTS" in str(forms[1])
            for limit in (3, 12, 100):
                expected = newest_events(session, forms[0], limit)
                assert expected
                for form in forms:
                    got = newest_event_ids(session, form, limit)
                    assert got == [r.id for r in expected], (key, limit)
                    bulk = event_dicts(session, got)
                    assert [{k: v for k, v in ev.items() if k != "_place_id"} for ev in bulk] == \
                        [event_dict(r) for r in sorted(expected, key=lambda r: r.id)]
            if store.engine.dialect.name == "sqlite":  # the walk: date index backwards, (entity, event) probes
                stmt = (select(EventRow.id).where(forms[1], EventRow.date.is_not(None))
                        .order_by(EventRow.date.desc(), EventRow.id.desc()).limit(profile.MAX_EVENTS))
                sql = str(stmt.compile(dialect=store.engine.dialect, compile_kwargs={"literal_binds": True}))
                plan = " | ".join(r[-1] for r in session.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
                assert "USING COVERING INDEX ix_events_date" in plan, plan
                assert "USING COVERING INDEX ix_event_perpetrators_entity_event" in plan, plan


def test_trigram_phrase_queries_select_what_like_selects(tmp_path: Path) -> None:
    """SQLite: the substring searches of event questions use an FTS5 phrase query on the trigram tables where
    it selects what LIKE selects (three or more ASCII characters, no LIKE wildcard), and LIKE otherwise."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from dossier.store import search
    from dossier.store.schema import EventSourceRow

    with Store.from_path(tmp_path / "kb.sqlite") as store:
        texts = [TEXT, TEXT.replace("Kabul airport", 'the "Westgate" mall, 100% sure_ly'),
                 TEXT.replace("Kabul airport", "Ménaka's market, MÉNAKA region"), TEXT.replace("IS-K", "is-k's wing")]
        for i, text_ in enumerate(texts):
            store.write(make_extraction(f"d{i}", text_))
        with Session(store.engine) as session:
            def like(phrase: str) -> set[int]:
                return set(session.scalars(select(EventSourceRow.event_id).where(
                    EventSourceRow.evidence.like(f"%{phrase}%"))))

            for phrase in ("westgate", "WESTGATE MALL", '"Westgate"', "100%", "sure_ly", "e_l", "IS-K", "is-k's",
                           "K c", "Ménaka", "MÉNAKA", "ka", "Kabul airport", "suicide bomber killed", "zzz"):
                stmt = search.sources_containing(session, phrase)
                uses_match = " MATCH " in str(stmt.compile(compile_kwargs={"literal_binds": True}))
                assert uses_match == (len(phrase) >= 3 and phrase.isascii() and not set(phrase) & set("%_")), phrase
                assert set(session.scalars(stmt)) == like(phrase), phrase
            plan = " | ".join(r[-1] for r in session.execute(
                text("EXPLAIN QUERY PLAN " + str(search.sources_containing(session, "Westgate").compile(
                    compile_kwargs={"literal_binds": True})))))
            assert "fts_event_evidence VIRTUAL TABLE INDEX 0:M" in plan, plan  # the phrase query, not LIKE


def test_profile_claims_on_postgresql_read_the_covering_index() -> None:
    """PostgreSQL: a profile reads its sections' claims from the covering indexes of migration 0005 (index-only
    scans, merged across predicates), never the claims table, and a group's newest events by walking the date
    index alone. Checked with EXPLAIN, sequential scans off so that a small table shows a large one's plan."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from dossier.query import profile
    from dossier.store.schema import EventRow

    with fresh_database() as url, Store(url) as store:
        _many_reports(store)
        _many_events(store)
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
        with Session(store.engine) as session:
            session.execute(text("SET enable_seqscan = off"))
            isk = session.scalar(text("SELECT id FROM entities WHERE key = :k"), {"k": ISK.key})
            for predicates, inverse in (((*profile.OVERVIEW, *profile.PLACES, *profile.LINKS, "leader"), False),
                                        (("size",), False), ((*profile.LINKS, "member_of", "leader"), True)):
                plan = _pg_plan(session, profile._narrow_claims(predicates, inverse, True, profile.MAX_CLAIMS)
                                .params(ids=[isk]))
                index = "ix_claims_object_predicate" if inverse else "ix_claims_subject_predicate"
                assert f"Index Only Scan Backward using {index} on claims" in plan, plan
                assert " on claims " not in plan.replace(f"{index} on claims ", ""), plan
            many = profile._perpetrated_by(session, [isk], 10**6)
            stmt = (select(EventRow.id).where(many, EventRow.date.is_not(None))
                    .order_by(EventRow.date.desc(), EventRow.id.desc()).limit(profile.MAX_EVENTS))
            plan = _pg_plan(session, stmt)
            assert "Index Only Scan Backward using ix_events_date on events" in plan, plan


def _pg_plan(session, stmt) -> str:
    """PostgreSQL's EXPLAIN of a statement whose parameters are bound, rendered as literals."""
    sql = str(stmt.compile(dialect=session.get_bind().dialect, compile_kwargs={"literal_binds": True}))
    return "\n".join(session.connection().exec_driver_sql("EXPLAIN " + sql).scalars())


def _reference_candidates(session, q, cap: int) -> set[int]:
    """The candidate events of an event question as `dossier.query.events._candidate_ids` chose them before the
    conditions were cut in SQL: every id of the place and substring conditions read, then the lowest `cap`."""
    from sqlalchemy import or_, select

    from dossier.store.schema import DocumentRow, EntityRow, EventPerpetratorRow, EventRow, EventSourceRow

    bounded, whole = [], []
    group_ids = [i for _, ids in q.groups for i in ids]
    if group_ids:
        bounded.append(select(EventPerpetratorRow.event_id).where(EventPerpetratorRow.entity_id.in_(group_ids)))
    if q.date and len(q.date) >= 7:
        bounded.append(select(EventRow.id).where(EventRow.date.like(f"{q.date[:7]}%")))
    place_ids = [i for _, ids in q.places for i in ids]
    if place_ids:
        names = [n for n, _ in q.places]
        sub = select(EntityRow.id).where(or_(EntityRow.admin1.in_(names), EntityRow.name.in_(names)))
        whole.append(select(EventRow.id).where(or_(EventRow.place_entity_id.in_(place_ids),
                                                   EventRow.place_entity_id.in_(sub))))
    for t in [n for n, _ in q.places] + q.names:
        whole.append(select(EventSourceRow.event_id).where(EventSourceRow.evidence.ilike(f"%{t}%")))
        whole.append(select(EventSourceRow.event_id).where(EventSourceRow.doc_id.in_(
            select(DocumentRow.id).where(DocumentRow.title.ilike(f"%{t}%")))))
    found: set[int] = set()
    for stmt in bounded:
        found.update(session.scalars(stmt.distinct().order_by(stmt.selected_columns[0]).limit(cap)))
    for stmt in whole:
        found.update(session.scalars(stmt.distinct()))
    ids = set(sorted(found)[:cap])
    if ids and q.countries:
        docs = select(EventSourceRow.doc_id).where(EventSourceRow.event_id.in_(ids))
        ids |= set(session.scalars(select(EventSourceRow.event_id).where(EventSourceRow.doc_id.in_(docs)).limit(cap)))
    return ids


def test_event_candidates_cut_in_sql_are_the_former_ones(store: Store, monkeypatch) -> None:
    """Each place or substring condition of an event question now returns only its lowest ids (the cap), and
    the places inside a named one are looked up first: the candidates are still the lowest ids of the union
    of all conditions, as before, on both databases, with a cap small enough to bite."""
    import datetime as dt

    from sqlalchemy.orm import Session

    from dossier.query import events as ev

    other = EntityRef("Taliban", "armed_group", "gaz:taliban")
    jalalabad = Place("Jalalabad", country="AF", admin1="Nangarhar", iso="AF-NAN", lat=34.4, lon=70.4)
    places = [KABUL, NANGARHAR, jalalabad, None]
    extractions = []
    for i in range(24):
        doc_id = f"c{i:02d}"
        body = f"Report {i} on the Westgate mall. " + TEXT if i % 3 == 0 else f"Report {i}. " + TEXT
        day = dt.date(2021, 1, 1) + dt.timedelta(days=5 * i)
        extractions.append(Extraction(
            document=Document(doc_id, body, title=f"Kabul report {i}" if i % 4 == 1 else f"Report {i}",
                              publisher="Example News"), mentions=[], claims=[],
            events=[Event("explosions_remote_violence", "suicide_bomb", prov(doc_id, body, 0 if i % 3 == 0 else 3),
                          date=day.isoformat(), date_precision="day", place=places[i % 4],
                          perpetrators=[Perpetrator([ISK, other][i % 2], "claimed")])]))
    store.write_many(extractions)
    phrases = ["the suicide bombing in Kabul", "the attack on the Westgate mall", "the IS-K bombing in Nangarhar",
               "the Taliban attack in March 2021", "what happened in Jalalabad", "the bombing in Kabul airport"]
    for cap in (3, 150):
        monkeypatch.setattr(ev, "MAX_CANDIDATES", cap)
        found = []
        with Session(store.engine) as session:
            for phrase in phrases:
                q = ev.analyse(store, phrase)
                got = ev._candidate_ids(session, q)
                assert got == _reference_candidates(session, q, cap), (cap, phrase)
                found.append(got)
        assert all(found), cap
