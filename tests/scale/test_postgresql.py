"""Every command on PostgreSQL, concurrent `dossier ingest` processes, and full-text search on both backends."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from dossier.model import Document, Extraction, Mention
from dossier.store import Store

from .conftest import kb_dump, write_corpus

QUESTIONS = ["How many fighters does IS-K have?", "Who leads the CVF?", "Is IS-K linked to the Taliban?",
             "What attacks has al-Shabaab carried out?", "What happened in Goma?",
             "How many people were killed in the suicide bombing in Kabul?"]


def _cli(dossier_cmd: list[str], db: str, *args: str) -> str:
    done = subprocess.run([*dossier_cmd, "--db", db, *args], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "NO_COLOR": "1"})
    assert done.returncode == 0, done.stderr
    return done.stdout


def _sqlite_url(one_process) -> str:
    return "sqlite:///" + str(one_process[0].with_name("kb.db"))


def test_every_command_answers_the_same_on_postgresql(pg_url: str, one_process, dossier_cmd) -> None:
    corpus, expected = one_process
    _cli(dossier_cmd, pg_url, "ingest", str(corpus))
    assert kb_dump(pg_url) == expected
    sqlite = _sqlite_url(one_process)
    commands = [["ask", q, "--format", "json"] for q in QUESTIONS] + [
        ["profile", "IS-K"], ["profile", "Crimson Valley Front", "--format", "json"], ["events", "--country", "AF"],
        ["events", "--group", "CVF", "--since", "2023-01-01"], ["export", "events", "--format", "acled"],
        ["export", "geojson"], ["export", "graphml"]]
    for args in commands:
        assert _cli(dossier_cmd, pg_url, *args) == _cli(dossier_cmd, sqlite, *args), args
    for query, kind in (("suicide bombing", "documents"), ("fighters", "claims")):
        args = ["search", query, "--kind", kind, "--limit", "500", "--format", "json"]
        found = [{json.loads(line)["id"] for line in _cli(dossier_cmd, db, *args).splitlines()}
                 for db in (pg_url, sqlite)]
        assert found[0] == found[1] != set()  # the same hits; each engine ranks them its own way


def test_two_ingest_processes_on_overlapping_corpora(pg_url: str, one_process, corpus_docs, tmp_path: Path,
                                                     dossier_cmd) -> None:
    """Started together on one (new) database: each document once, each entity once, the same entities and
    events as one process reading everything. The two corpora share a prefix, so each shared document
    is read after the same documents by either process: which process stores it first must not matter
    (what a process has read before may, so the overlap is where the two agree)."""
    a = write_corpus(tmp_path / "a.jsonl", corpus_docs[:10])
    b = write_corpus(tmp_path / "b.jsonl", corpus_docs)
    env = {**os.environ, "DOSSIER_DB": pg_url}
    procs = [subprocess.Popen([*dossier_cmd, "ingest", str(path)], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for path in (a, b)]
    for proc in procs:
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
    got, expected = kb_dump(pg_url), one_process[1]
    assert got["counts"][0]["documents"] == len(corpus_docs)
    keys = [e["key"] for e in got["entities"]]
    assert len(keys) == len(set(keys))
    assert set(keys) == {e["key"] for e in expected["entities"]}
    assert {e["key"]: sorted(e["aliases"]) for e in got["entities"]} == \
        {e["key"]: sorted(e["aliases"]) for e in expected["entities"]}
    assert len(got["claims"]) == len(expected["claims"])

    def events(dump: dict) -> list:
        return sorted(repr((e["date"], e["type"], (e["place"] or {}).get("name"), sorted(e["doc_ids"])))
                      for e in dump["events"])

    assert events(got) == events(expected)  # the cross-document merge holds with two writers
    assert got["counts"] == expected["counts"]


@pytest.fixture(params=["sqlite", "postgresql"])
def any_store(request, tmp_path: Path):
    if request.param == "sqlite":
        with Store.from_path(tmp_path / "kb.db") as store:
            yield store
    else:
        pg = request.getfixturevalue("pg_url")
        with Store(pg) as store:
            yield store


def test_search_finds_documents_and_claims_and_follows_writes(any_store: Store, tmp_path: Path, corpus_docs) -> None:
    from dossier.pipeline import ingest

    ingest([write_corpus(tmp_path / "c.jsonl", corpus_docs[:4])], any_store)
    hits = any_store.search("militant group Goma")
    assert [h["id"] for h in hits] == ["own-1"]
    assert "Goma" in hits[0]["snippet"] and hits[0]["title"] == "A new militia"
    assert any_store.search("killings", limit=5)  # stemmed: "killed", "killing"
    claims = any_store.search("CVF founded", kind="claims")
    assert claims and all(c["doc_id"] == "own-1" and "founded" in c["evidence"] for c in claims)
    assert any_store.search("zebra-unicorn") == [] and any_store.search("  ?! ") == []
    any_store.write(Extraction(Document("late", "A zebra unicorn militia appeared."), mentions=[]))
    assert [h["id"] for h in any_store.search("zebra-unicorn")] == ["late"]
    with pytest.raises(ValueError, match="kind"):
        any_store.search("x", kind="events")
    assert json.dumps(hits)  # plain data


def test_event_merge_waits_for_a_concurrent_writer(pg_url: str) -> None:
    """A writer whose event may be another's waits until that one commits, then merges into it."""
    import sys
    import threading
    import time

    from sqlalchemy.orm import Session

    from dossier.store.writer import write_extraction

    sys.path.insert(0, str(Path(__file__).parents[1]))
    from test_store import KABUL, TEXT, make_extraction

    from dossier.model import EntityRef

    with Store(pg_url) as store:
        known = make_extraction("d0", "d0 " + TEXT)
        known.events = []
        known.mentions.append(Mention(EntityRef.of_place(KABUL), 0, 4, "IS-K"))
        store.write(known)  # the entities exist: only the event merge can make the second writer wait
        first, second = make_extraction("d1"), make_extraction("d2", "d2 " + TEXT)
        with Session(store.engine) as session, session.begin():
            write_extraction(session, first)  # holds the event-merge lock until commit
            writer = threading.Thread(target=store.write, args=(second,))
            writer.start()
            time.sleep(1.0)
            assert writer.is_alive()  # waiting: it must see this event before deciding on its own
        writer.join(timeout=30)
        assert not writer.is_alive()
        counts = store.counts()
        assert (counts["documents"], counts["events"], counts["event_sources"]) == (3, 1, 2)


def test_ingest_a_600_character_group_name_on_postgresql(pg_url: str, tmp_path: Path) -> None:
    """A name past the old VARCHAR(512) limit goes through the whole pipeline on PostgreSQL (migration 0003)."""
    from dossier.pipeline import ingest

    name = "Crimson " + ("Valley" + "valley" * 97)[:586] + " Front"  # one long word: NER keeps it one name
    text = (f"The {name} is a militant group based in Goma. The {name} was founded in 2019 by Marcel Otondo, "
            f"according to researchers. On 1 March 2023 {name} gunmen killed 12 villagers near Goma.")
    corpus = write_corpus(tmp_path / "long.jsonl", [{"id": "long-" + "x" * 400, "title": "A long name",
                                                     "publisher": "Test Wire " * 40, "text": text}])
    with Store(pg_url) as store:
        report = ingest([corpus], store)
        assert (report.documents, report.errors) == (1, [])
        stored = [e["name"] for e in store.iter_entities()]
    assert len(name) == 600
    assert name in stored  # whole, not truncated
