"""Scale: ingest throughput by backend and worker count, and query latency as the knowledge base grows.

    python benchmarks/scale.py                                  # sizes 1000,10000,100000
    python benchmarks/scale.py --sizes 1000,10000 --ingest-docs 200
    python benchmarks/scale.py --pg postgresql+psycopg://user:pw@host/db   # else $DOSSIER_TEST_PG
    python benchmarks/scale.py --json

Documents come from the generator of `benchmarks/query.py` (variants of the bundled sample corpus).

Ingest: `--ingest-docs` generated documents go through the full pipeline (spaCy parse, extraction,
linking, storage) four ways: SQLite with one process, SQLite with `--workers` local processes,
PostgreSQL with a Dask LocalCluster of 1 worker and of 2 workers (1 thread each). Rates are steady
state: from the first document stored to the last, so interpreter start and model loading (once per
process) are left out. Words are whitespace-separated tokens of the text.

Queries: at each size the knowledge base is *bulk-written*, not parsed: a full spaCy ingest of 100k
documents takes hours on two cores. Document i carries generated text i and the extraction of analysed
document (i mod `--ingest-docs`), re-keyed to document i with its event dates shifted (so events do not
all merge). Then each `ask` question of benchmarks/query.py and each profile runs `--repeat` times on
both databases; p50 and p99 in ms (with the script's own objects frozen out of the garbage collector, see
`measure_queries`). The growth exponent k fits p50 ~ size^k over the sizes run.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import gc
import json
import math
import os
import statistics
import sys
import tempfile
import time
import uuid
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import query as qbench  # noqa: E402  (benchmarks/query.py: the corpus generator, questions, profiles)

TARGET_SPEEDUP = 1.7
TARGET_P50_MS = 100.0


def read_docs(path: Path) -> list:
    from dossier.ingest import ReadError, read_paths

    return [d for d in read_paths([path]) if not isinstance(d, ReadError)]


# ---------------------------------------------------------------- ingest throughput

def _timed_ingest(run, docs: list) -> dict:
    """Run `run(on_document)`; the steady rate from the first document stored to the last."""
    words = {d.id: len(d.text.split()) for d in docs}
    stamps: list[tuple[float, int, float]] = []
    start = time.perf_counter()
    report = run(lambda d: stamps.append((time.perf_counter(), words[d.id], time.process_time())))
    total = time.perf_counter() - start
    if len(stamps) < 2:
        return {"docs": len(stamps), "seconds": total, "docs_s": float("nan"), "words_s": float("nan")}
    span = stamps[-1][0] - stamps[0][0]
    counted = stamps[1:]
    # CPU of this process (the client; with a LocalCluster also the Dask scheduler) per document stored
    cpu_ms = (stamps[-1][2] - stamps[0][2]) / len(counted) * 1000
    return {"docs": report.documents, "seconds": round(total, 1), "reanalysed": report.reanalysed,
            "docs_s": len(counted) / span, "words_s": sum(w for _, w, _ in counted) / span, "client_cpu_ms": cpu_ms}


def measure_ingest(corpus: Path, docs: list, pg: str | None, workers: int, batch_docs: int,
                   dask_only: bool = False) -> list[dict]:
    from distributed import LocalCluster

    from dossier.parallel import ingest_parallel
    from dossier.pipeline import ingest
    from dossier.store import Store

    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        if not dask_only:
            with Store.from_path(Path(tmp) / "one.db") as store:
                rows.append({"mode": "SQLite, 1 process", **_timed_ingest(
                    lambda cb: ingest([corpus], store, on_document=cb), docs)})
            with Store.from_path(Path(tmp) / "many.db") as store:
                rows.append({"mode": f"SQLite, {workers} processes", **_timed_ingest(
                    lambda cb: ingest_parallel([corpus], store, workers=workers, max_docs=batch_docs,
                                               on_document=cb), docs)})
    if pg is None:
        return rows
    for n in (1, 2):
        with temporary_pg(pg) as url, Store(url) as store, \
                LocalCluster(n_workers=n, threads_per_worker=1, processes=True, host="127.0.0.1",
                             dashboard_address=None) as cluster:
            rows.append({"mode": f"PostgreSQL + Dask, {n} worker{'s' if n > 1 else ''}", **_timed_ingest(
                lambda cb: ingest_parallel([corpus], store, scheduler=cluster.scheduler_address, max_docs=batch_docs,
                                           on_document=cb), docs)})
    return rows


class temporary_pg:  # noqa: N801 - used like contextlib's context managers
    """A new database on the server of `url`, dropped on exit (unless `keep`)."""

    def __init__(self, url: str, keep: bool = False) -> None:
        from sqlalchemy.engine import make_url

        self.base, self.keep = make_url(url), keep
        self.name = f"dossier_bench_{uuid.uuid4().hex[:10]}"

    def _admin(self, sql: str) -> None:
        from sqlalchemy import create_engine, text

        engine = create_engine(self.base, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text(sql))
        engine.dispose()

    def __enter__(self) -> str:
        self._admin(f'CREATE DATABASE "{self.name}"')
        return self.base.set(database=self.name).render_as_string(hide_password=False)

    def __exit__(self, *exc: object) -> None:
        if not self.keep:
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


# ---------------------------------------------------------------- bulk-built knowledge bases

def _shift(date: str | None, precision: str | None, days: int) -> str | None:
    if not date or precision != "day" or len(date) != 10:
        return date
    return (dt.date.fromisoformat(date) + dt.timedelta(days=days)).isoformat()


def rekeyed(extraction, document):
    """`extraction` as if read from `document`: provenance re-pointed, event dates shifted by a few days."""
    rep = dataclasses.replace
    shift = zlib.crc32(document.id.encode()) % 2000 - 1000

    def prov(p):
        return rep(p, doc_id=document.id)

    return rep(extraction, document=document,
               mentions=list(extraction.mentions),
               claims=[rep(c, provenance=prov(c.provenance)) for c in extraction.claims],
               events=[rep(e, provenance=prov(e.provenance), date=_shift(e.date, e.date_precision, shift))
                       for e in extraction.events])


def grow(url: str, docs: list, extractions: list, upto: int, batch: int = 250) -> float:
    """Bulk-write documents until the knowledge base holds `upto`; returns documents/s of the writing."""
    from dossier.store import Store

    with Store(url) as store:
        have = store.counts()["documents"]
        start = time.perf_counter()
        for lo in range(have, upto, batch):
            chunk = [rekeyed(extractions[i % len(extractions)], docs[i]) for i in range(lo, min(upto, lo + batch))]
            store.write_many(chunk)
        elapsed = time.perf_counter() - start
        if upto > have and store.engine.dialect.name == "postgresql":
            # what autovacuum does a little later after a bulk load: statistics and the visibility map, so
            # the timings do not depend on whether it has run yet (index-only scans need the map)
            with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql("VACUUM ANALYZE")
    return (upto - have) / elapsed if upto > have else float("nan")


def measure_queries(url: str, repeat: int) -> list[dict]:
    from dossier.export.profile_html import render_html
    from dossier.export.profile_md import render_md
    from dossier.query import ask
    from dossier.query.profile import build_profile
    from dossier.store import Store

    rows = []
    # This process holds the whole generated corpus and its extractions (millions of objects) to grow the bases;
    # every full collection of the garbage collector walked them, a 400-600 ms pause that landed in some query's
    # p99. A dossier process holds no such thing: move them out of the collector's sight while timing.
    gc.collect()
    gc.freeze()
    with Store(url) as store:
        jobs = [(f"ask {kind}", lambda q=q: ask(store, q)) for kind, q in qbench.QUESTIONS]
        jobs += [(f"profile {name} {fmt}", lambda n=name, f=fmt: (render_md if f == "md" else render_html)(
            build_profile(store, n))) for name, fmt in qbench.PROFILES]
        for what, job in jobs:
            job()  # warm-up
            times = []
            for _ in range(repeat):
                t = time.perf_counter()
                job()
                times.append((time.perf_counter() - t) * 1000)
            rows.append({"what": what, "p50": statistics.median(times), "p99": qbench._pct(times, 99)})
    gc.unfreeze()
    return rows


def exponent(sizes: list[int], values: list[float]) -> float:
    """Least-squares slope of log(value) against log(size)."""
    xs, ys = [math.log(s) for s in sizes], [math.log(max(v, 1e-6)) for v in values]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / den if den else float("nan")


# ---------------------------------------------------------------- main

def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000,100000", help="knowledge-base sizes in documents (comma list)")
    ap.add_argument("--ingest-docs", type=int, default=300, help="documents parsed for the ingest figures")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="local processes for 'SQLite, N'")
    ap.add_argument("--pg", default=os.environ.get("DOSSIER_TEST_PG"), help="PostgreSQL server URL (a database "
                    "is created on it and dropped after); default $DOSSIER_TEST_PG; none: SQLite only")
    ap.add_argument("--batch-docs", type=int, default=64, help="documents per parallel task (dossier's default: 64)")
    ap.add_argument("--repeat", type=int, default=20, help="timed runs of each query")
    ap.add_argument("--skip-ingest", action="store_true", help="only the query part")
    ap.add_argument("--skip-queries", action="store_true", help="only the ingest part")
    ap.add_argument("--dask-only", action="store_true", help="ingest: only PostgreSQL + Dask (the worker ratio)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--keep", type=Path, help="keep the query knowledge bases in DIR (DIR/kb.db and the "
                    "PostgreSQL database named in DIR/pg_url) and reuse them when run again: it only grows them")
    a = ap.parse_args()
    sizes = sorted(int(s) for s in a.sizes.split(","))
    qbench._guard_governor()
    from dossier.parallel import analyse_batch

    out: dict = {"cpus": os.cpu_count(), "sizes": sizes, "ingest_docs": a.ingest_docs, "batch_docs": a.batch_docs,
                 "load": os.getloadavg()[0]}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        qbench.generate(a.ingest_docs if a.skip_queries else max(sizes[-1], a.ingest_docs), corpus)
        docs = read_docs(corpus)
        sample = Path(tmp) / "sample.jsonl"
        with corpus.open(encoding="utf-8") as f, sample.open("w", encoding="utf-8") as s:
            s.writelines(line for _, line in zip(range(a.ingest_docs), f, strict=False))
        if not a.skip_ingest:
            print(f"ingest: {a.ingest_docs} documents, 4 ways", file=sys.stderr)
            out["ingest"] = measure_ingest(sample, docs[:a.ingest_docs], a.pg, a.workers, a.batch_docs,
                                           a.dask_only)
            out["load_after_ingest"] = os.getloadavg()[0]
        out["queries"] = {}
        if a.skip_queries:
            sizes = []
        else:
            print(f"analysing {a.ingest_docs} documents for the bulk-built knowledge bases", file=sys.stderr)
            extractions = [e for e, _ in analyse_batch(docs[:a.ingest_docs], {})]
        kb_dir = a.keep or Path(tmp)
        kb_dir.mkdir(parents=True, exist_ok=True)
        backends = {"sqlite": f"sqlite:///{kb_dir / 'kb.db'}"}
        pg_db = None
        if a.pg and sizes and a.keep and (a.keep / "pg_url").exists():
            backends["postgresql"] = (a.keep / "pg_url").read_text(encoding="utf-8").strip()
        elif a.pg and sizes:
            pg_db = temporary_pg(a.pg, keep=a.keep is not None)
            backends["postgresql"] = pg_db.__enter__()
            if a.keep:
                (a.keep / "pg_url").write_text(backends["postgresql"] + "\n", encoding="utf-8")
        try:
            for size in sizes:
                for name, url in backends.items():
                    rate = grow(url, docs, extractions, size)
                    print(f"{name}: {size:,} documents (bulk write {rate:.0f} docs/s); timing queries",
                          file=sys.stderr)
                    out["queries"].setdefault(name, {})[size] = measure_queries(url, a.repeat)
        finally:
            if pg_db is not None:
                pg_db.__exit__()
    report(out, a.json)
    return 0


def report(out: dict, as_json: bool) -> None:
    sizes = out["sizes"]
    for name, by_size in out["queries"].items():
        whats = [r["what"] for r in by_size[sizes[0]]]
        out.setdefault("exponents", {})[name] = {
            w: exponent(sizes, [next(r["p50"] for r in by_size[s] if r["what"] == w) for s in sizes]) for w in whats}
    if as_json:
        print(json.dumps(out, indent=1, default=str))
        return
    print(f"# dossier scale benchmark ({out['cpus']} CPUs; machine shared with other work: figures are noisy)\n")
    if "ingest" in out:
        print(f"## Ingest: {out['ingest_docs']} generated documents, full pipeline, steady state "
              f"({out['batch_docs']} documents per task; load average {out['load']:.2f} at the start, "
              f"{out['load_after_ingest']:.2f} after)\n")
        print(f"{'mode':<32} {'docs':>5} {'docs/s':>8} {'words/s':>9} {'re-analysed':>12} {'client CPU ms/doc':>18}")
        for r in out["ingest"]:
            print(f"{r['mode']:<32} {r['docs']:>5} {r['docs_s']:8.1f} {r['words_s']:9.0f} {r.get('reanalysed', 0):>12}"
                  f" {r.get('client_cpu_ms', float('nan')):18.1f}")
        pg = [r for r in out["ingest"] if r["mode"].startswith("PostgreSQL")]
        if len(pg) == 2:
            speedup = pg[1]["docs_s"] / pg[0]["docs_s"]
            print(f"\nDask 1 -> 2 workers: x{speedup:.2f} (target >= {TARGET_SPEEDUP})")
    if out["queries"]:
        print("\n## Queries on bulk-built knowledge bases (p50 / p99 ms)\n")
    for name, by_size in out["queries"].items():
        print(f"### {name}\n")
        print(f"{'query':<28}" + "".join(f"{s:>20,}" for s in sizes) + f"{'exponent':>10}")
        for i, r in enumerate(by_size[sizes[0]]):
            cells = "".join(f"{by_size[s][i]['p50']:>11.1f} /{by_size[s][i]['p99']:>7.1f}" for s in sizes)
            print(f"{r['what']:<28}{cells}{out['exponents'][name][r['what']]:>10.2f}")
        worst = max(r["p50"] for r in by_size[sizes[-1]])
        print(f"\nslowest p50 at {sizes[-1]:,}: {worst:.1f} ms (target < {TARGET_P50_MS:.0f} ms)\n")


if __name__ == "__main__":
    sys.exit(main())
