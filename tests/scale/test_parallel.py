"""Parallel ingest (local processes, Dask LocalCluster) gives the knowledge base a one-process run gives."""

from __future__ import annotations

from pathlib import Path

from dossier.model import EntityRef
from dossier.parallel import batches, ingest_parallel, still_valid
from dossier.pipeline import ingest
from dossier.store import Store

from .conftest import kb_dump


def test_local_workers_give_the_one_process_result(tmp_path: Path, one_process) -> None:
    corpus, expected = one_process
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    with Store(url) as store:
        # batches of two documents: each worker sees names the other introduced first
        report = ingest_parallel([corpus], store, workers=2, max_docs=2)
    assert report.documents == expected["counts"][0]["documents"]
    assert report.reanalysed > 0  # some names came from documents still in flight: resolved here, in order
    assert kb_dump(url) == expected


def test_dask_cluster_on_postgresql_gives_the_one_process_result(pg_url: str, dask_scheduler: str,
                                                                 one_process) -> None:
    corpus, expected = one_process
    with Store(pg_url) as store:
        report = ingest_parallel([corpus], store, scheduler=dask_scheduler, max_docs=3)
        assert report.errors == [] and report.skipped == 0
        again = ingest([corpus], store, scheduler=dask_scheduler)  # re-ingesting is a no-op
        assert (again.documents, again.skipped) == (0, expected["counts"][0]["documents"])
    assert kb_dump(pg_url) == expected


def test_a_name_introduced_by_an_earlier_document_is_relinked() -> None:
    worker_saw = EntityRef("CVF", "armed_group", "new:armed_group:cvf", aliases=("CVF",))
    assert still_valid([worker_saw], {})
    # an earlier document of the run defined "Crimson Valley Front (CVF)": one process would link to it
    assert not still_valid([worker_saw], {"cvf": "new:armed_group:crimsonvalleyfront"})
    gazetteer = EntityRef("Islamic State", "armed_group", "gaz:Q2429253", aliases=("CVF",))
    assert still_valid([gazetteer], {"cvf": "new:armed_group:crimsonvalleyfront"})


def test_batches_are_bounded_by_count_and_characters() -> None:
    from dossier.model import Document

    docs = [Document(f"d{i}", "x" * size) for i, size in enumerate([10, 10, 10, 50, 5, 100])]
    assert [[d.id for d in b] for b in batches(docs, max_docs=2, max_chars=60)] == [
        ["d0", "d1"], ["d2", "d3"], ["d4"], ["d5"]]  # 10 + 50 fits in 60; 5 + 100 does not


def test_cli_ingest_on_a_dask_scheduler(tmp_path: Path, dask_scheduler: str, one_process, dossier_cmd) -> None:
    import subprocess

    corpus, expected = one_process
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    done = subprocess.run([*dossier_cmd, "--db", url, "ingest", str(corpus), "--scheduler", dask_scheduler],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert f"{expected['counts'][0]['documents']} documents" in done.stderr
    assert kb_dump(url) == expected
