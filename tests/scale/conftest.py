"""Fixtures for the scale tests: a fresh PostgreSQL database per test, a two-worker Dask LocalCluster,
and small corpora. PostgreSQL and Dask tests skip with a message outside CI when the server or package
is missing, and fail under CI (see `pg.py`)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest

from .pg import fresh_database

# Short reports written for these tests: names no gazetteer knows, defined in one document and used
# bare in later ones, so which worker sees a name first could matter (and must not).
OWN_DOCS = [
    {"id": "own-1", "title": "A new militia", "publisher": "Test Wire", "published": "2023-03-02",
     "text": "The Crimson Valley Front (CVF) is a militant group based in Goma. The CVF was founded in 2019 "
             "by Marcel Otondo, according to researchers. On 1 March 2023 CVF gunmen killed 12 villagers "
             "near Goma."},
    {"id": "own-2", "title": "Militia clashes", "publisher": "Test Daily", "published": "2023-03-03",
     "text": "The CVF clashed with the army near Goma on 1 March 2023, officials said. At least 12 civilians "
             "were killed. Otondo denied that the CVF is allied with the Red Dune Brigade."},
    {"id": "own-3", "title": "Brigade grows", "publisher": "Test Wire", "published": "2023-04-10",
     "text": "The Red Dune Brigade, a militant group, is led by Samuel Kaye. Kaye said the Red Dune Brigade "
             "has about 300 fighters. The brigade is active in North Kivu."},
    {"id": "own-4", "title": "Front and brigade", "publisher": "Test Review", "published": "2023-05-20",
     "text": "Crimson Valley Front fighters attacked a market in Goma on 18 May 2023, killing 7 people. "
             "The Red Dune Brigade claimed a separate attack. Marcel Otondo leads the CVF."},
]


def sample_docs() -> list[dict]:
    text = (resources.files("dossier.data") / "sample" / "corpus.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def write_corpus(path: Path, docs: list[dict]) -> Path:
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def corpus_docs() -> list[dict]:
    """Own short documents interleaved with the bundled sample corpus (14 documents)."""
    return OWN_DOCS[:2] + sample_docs()[:5] + OWN_DOCS[2:] + sample_docs()[5:]


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh database on the PostgreSQL test server (DOSSIER_TEST_PG), dropped after the test."""
    with fresh_database() as url:
        yield url


@pytest.fixture(scope="session")
def dask_scheduler() -> Iterator[str]:
    """The address of a LocalCluster: 2 worker processes of 1 thread each, on 127.0.0.1."""
    try:
        from distributed import LocalCluster
    except ImportError as error:  # pragma: no cover - dask is pinned in requirements.lock
        if os.environ.get("CI"):
            pytest.fail(f"dask.distributed is not installed: {error} (CI is set: failing, not skipping)")
        pytest.skip(f"dask.distributed is not installed: {error}")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, worker_dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def kb_dump(url: str) -> dict[str, list]:
    """Everything a knowledge base exports (entities, claims, events), as comparable lists."""
    from dossier.store import Store

    with Store(url) as store:
        return {"entities": list(store.iter_entities()), "claims": list(store.iter_claims()),
                "events": list(store.iter_events()), "counts": [store.counts()]}


@pytest.fixture(scope="session")
def one_process(tmp_path_factory, corpus_docs) -> tuple[Path, dict]:
    """The corpus file, ingested by one process into SQLite, and that knowledge base's exports."""
    from dossier.pipeline import ingest
    from dossier.store import Store

    folder = tmp_path_factory.mktemp("one")
    corpus = write_corpus(folder / "corpus.jsonl", corpus_docs)
    url = f"sqlite:///{folder / 'kb.db'}"
    with Store(url) as store:
        assert ingest([corpus], store).documents == len(corpus_docs)
    return corpus, kb_dump(url)
