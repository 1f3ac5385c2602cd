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
            assert conn.scalar(text("SELECT version_num FROM alembic_version")) == "0004"
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
