"""A real `dossier ingest` killed with SIGKILL mid-run leaves a sound database, and a re-run finishes the job."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

CORPUS_SIZE = 200

GROUPS = ["the Ogaden Freedom Army", "the Red Hand Brigade", "the Kivu Defence Brigade", "the Mountain Lions Brigade",
          "Boko Haram", "al-Shabaab", "the ELN", "Hezbollah", "JNIM", "the Sahel Liberation Front"]
PLACES = ["Mogadishu", "Maiduguri", "Kismayo", "Goma", "Kaduna", "Beirut", "Bamako", "Mopti", "Kano", "Gao"]
LEADERS = ["Omar Farouk", "Ahmad Umar", "Joseph Kony", "Hassan Nasrallah", "Abu Bakr Shekau", "Iyad Ag Ghaly"]
DAYS = ["on Monday", "on Tuesday", "on Friday", "on Saturday", "last month", "on 3 March", "on 12 June 2019"]
TEMPLATES = [
    "{g} is based in {p}.",
    "{G} was founded in {year}.",
    "{G} has about {n:,} fighters, according to researchers.",
    "{G} is led by {l}.",
    "A bomb exploded in {p} {d}, killing {k} people and wounding {w} others.",
    "{G} claimed responsibility for the attack in {p} {d}.",
    "Officials blamed {g} for the attack.",
    "{G} has clashed with {g2} near {p}.",
    "Gunmen attacked a police station in {p} {d}, killing {k} officers.",
    "{G} reportedly recruits young men from {p}.",
]


def cap(name: str) -> str:
    return name[0].upper() + name[1:]


def make_corpus(n: int, seed: int = 7) -> list[dict]:
    """n distinct documents of 4-7 sentences, filled in from the templates above."""
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        sentences = []
        for t in rng.sample(TEMPLATES, rng.randint(4, 7)):
            g, g2 = rng.sample(GROUPS, 2)
            sentences.append(t.format(g=g, G=cap(g), g2=g2, p=rng.choice(PLACES), l=rng.choice(LEADERS),
                                      d=rng.choice(DAYS), year=rng.randint(1970, 2015), n=rng.randint(5, 90) * 100,
                                      k=rng.randint(2, 60), w=rng.randint(1, 80)))
        sentences.append(f"This is report number {i}.")  # every text distinct
        published = f"2021-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        docs.append({"id": f"doc-{i:04d}", "url": f"https://example.org/{i}", "title": f"Report {i}",
                     "publisher": "Example Wire", "published": published, "text": " ".join(sentences)})
    return docs


def count_documents(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as con:
            return con.execute("select count(*) from documents").fetchone()[0]
    except sqlite3.OperationalError:  # schema not created yet, or locked for a moment
        return 0


def per_document_rows(db: Path) -> dict[str, tuple[int, int, int]]:
    """doc id -> (claims, mentions, event sources) stored for it."""
    with sqlite3.connect(db) as con:
        return {row[0]: tuple(row[1:]) for row in con.execute(
            "select d.id,"
            " (select count(*) from claims c where c.doc_id = d.id),"
            " (select count(*) from mentions m where m.doc_id = d.id),"
            " (select count(*) from event_sources s where s.doc_id = d.id)"
            " from documents d")}


def assert_sound(db: Path) -> None:
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        docs = "(select id from documents)"
        ents = "(select id from entities)"
        for sql in (
            f"select count(*) from claims where doc_id not in {docs}",
            f"select count(*) from mentions where doc_id not in {docs}",
            f"select count(*) from event_sources where doc_id not in {docs}",
            f"select count(*) from event_perpetrators where doc_id is not null and doc_id not in {docs}",
            f"select count(*) from claims where subject_id not in {ents}",
            f"select count(*) from claims where object_id is not null and object_id not in {ents}",
            "select count(*) from events where id not in (select event_id from event_sources)",
            "select count(*) from (select content_hash from documents group by content_hash having count(*) > 1)",
        ):
            assert con.execute(sql).fetchone() == (0,), sql


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("crash") / "corpus.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in make_corpus(CORPUS_SIZE)), encoding="utf-8")
    return path


def ingest_cmd(dossier_cmd: list[str], db: Path, corpus: Path) -> list[str]:
    return [*dossier_cmd, "--db", str(db), "ingest", str(corpus), "--no-progress"]


@pytest.fixture(scope="module")
def reference(dossier_cmd, corpus, tmp_path_factory) -> Path:
    """The same corpus ingested in one uninterrupted run."""
    db = tmp_path_factory.mktemp("ref") / "ref.db"
    proc = subprocess.run(ingest_cmd(dossier_cmd, db, corpus), capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr
    return db


def test_generated_corpus_is_distinct():
    docs = make_corpus(CORPUS_SIZE)
    assert len({d["text"] for d in docs}) == len({d["id"] for d in docs}) == CORPUS_SIZE


def test_sigkill_mid_ingest_then_resume(dossier_cmd, corpus, reference, tmp_path):
    db = tmp_path / "kb.db"
    proc = subprocess.Popen(ingest_cmd(dossier_cmd, db, corpus), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env={k: v for k, v in os.environ.items() if k != "DOSSIER_DB"})
    try:
        deadline = time.monotonic() + 600
        while count_documents(db) == 0:
            assert proc.poll() is None, "ingest ended before any document was seen"
            assert time.monotonic() < deadline, "no document stored in time"
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
        assert proc.wait(timeout=30) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()

    stored = count_documents(db)
    assert 0 < stored < CORPUS_SIZE, "the kill must land mid-run"
    assert_sound(db)

    # each document stored before the kill is stored whole: same rows as in the uninterrupted run
    expected = per_document_rows(reference)
    partial = per_document_rows(db)
    torn = {d: (rows, expected[d]) for d, rows in partial.items() if rows != expected[d]}
    assert not torn, f"(claims, mentions, event sources) stored vs uninterrupted run: {torn}"

    rerun = subprocess.run(ingest_cmd(dossier_cmd, db, corpus), capture_output=True, text=True, timeout=900)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{CORPUS_SIZE - stored} documents" in rerun.stderr and f"{stored} skipped" in rerun.stderr, \
        (stored, rerun.stderr)

    assert_sound(db)
    final = per_document_rows(db)
    assert len(final) == count_documents(db) == CORPUS_SIZE
    differ = {d: (rows, expected[d]) for d, rows in final.items() if rows != expected[d]}
    assert not differ, f"killed at {stored} documents; stored vs uninterrupted run: {differ}"
    with sqlite3.connect(db) as con:
        ids = [i for (i,) in con.execute("select id from documents")]
    assert sorted(ids) == [f"doc-{i:04d}" for i in range(CORPUS_SIZE)]

    # and a third run changes nothing
    again = subprocess.run(ingest_cmd(dossier_cmd, db, corpus), capture_output=True, text=True, timeout=900)
    assert again.returncode == 0 and f"{CORPUS_SIZE} skipped" in again.stderr
    assert per_document_rows(db) == expected
