"""Load test of `dossier serve` on loopback: concurrent clients over the group page, the API lists and ask.

    python benchmarks/serve_load.py                     # 16 clients for 30 s on 10,000 generated documents
    python benchmarks/serve_load.py --docs 2000         # a smaller knowledge base
    python benchmarks/serve_load.py --db PATH           # reuse (or build into) PATH
    python benchmarks/serve_load.py --clients 8 --duration 10 --json

The knowledge base is the one `benchmarks/query.py` builds (same generator, same cache file under the
temporary directory; building 10,000 documents takes a while, once). The server is `dossier serve` in its
own process on a free 127.0.0.1 port, as a user starts it. Each client is a keep-alive HTTP connection
that sends one request after another, each picked at random (fixed seed) from:

- group pages: `/groups/<id>` of the most reported groups (the profile, rendered as HTML);
- API lists: `/api/groups`, `/api/events` (a random page, sometimes filtered by group), `/api/claims`
  (a random page), `/api/documents` (a random page);
- ask: `/api/ask?q=...` over the questions of `benchmarks/query.py`.

Before the timed run, every group page and question is requested once: those first (uncached) latencies
are reported too. The run is bounded by `--duration`; afterwards the server must still answer. Reported:
requests, requests/s, p50/p90/p99/max latency (ms) overall and per kind, errors (transport errors and
non-2xx). Target: p99 < 200 ms, no errors, and the server answering afterwards; exit status 1 otherwise.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote, urlencode

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
import query as query_bench  # noqa: E402  (the generator and the database build of benchmarks/query.py)

TARGET_P99_MS = 200.0
SEED = 11
TOP_GROUPS = 20


def _pct(values: list[float], p: float) -> float:
    return query_bench._pct(values, p) if values else float("nan")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, workers: int = 1) -> tuple[subprocess.Popen, str]:
    """`dossier --db DB serve --port P` in a child process; returns it and its base URL once it answers."""
    port = _free_port()
    dossier = Path(sys.executable).with_name("dossier")
    cmd = [str(dossier)] if dossier.exists() else [sys.executable, "-m", "dossier.cli"]
    env = {k: v for k, v in os.environ.items() if k != "DOSSIER_WRITE_TOKEN"}
    proc = subprocess.Popen([*cmd, "--db", str(db), "serve", "--port", str(port), "--workers", str(workers)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"dossier serve exited: {proc.stderr.read() if proc.stderr else ''}")
        try:
            if httpx.get(url + "/api/stats", timeout=5).status_code == 200:
                return proc, url
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    proc.kill()
    raise SystemExit("dossier serve did not answer within 120 s")


def request_mix(url: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]], dict[str, int]]:
    """(kind, path) templates: group pages and questions (all of them), and the totals of the lists."""
    with httpx.Client(base_url=url, timeout=60) as c:
        groups = c.get("/api/groups", params={"limit": TOP_GROUPS}).json()["items"]
        totals = {k: c.get(f"/api/{k}", params={"limit": 1}).json()["total"]
                  for k in ("groups", "events", "claims", "documents")}
    pages = [("group page", "/groups/" + quote(g["id"], safe="")) for g in groups]
    asks = [("ask", "/api/ask?" + urlencode({"q": q})) for _, q in query_bench.QUESTIONS]
    return pages + asks, [("group page", g["id"]) for g in groups], totals


def pick(rng: random.Random, fixed: list[tuple[str, str]], groups: list[tuple[str, str]],
         totals: dict[str, int]) -> tuple[str, str]:
    r = rng.random()
    if r < 0.35:
        return rng.choice([f for f in fixed if f[0] == "group page"])
    if r < 0.55:
        return rng.choice([f for f in fixed if f[0] == "ask"])
    kind = rng.choice(("groups", "events", "claims", "documents"))
    limit = 50
    params: dict[str, object] = {"limit": limit, "offset": rng.randrange(0, max(1, totals[kind] - limit + 1))}
    if kind == "groups":
        params["offset"] = 0
        if rng.random() < 0.5:
            params["q"] = rng.choice(("is", "al", "state", "front", "army", "shabaab"))
    elif kind == "events" and rng.random() < 0.3:
        params = {"limit": limit, "group": rng.choice(groups)[1]}
    return f"api {kind}", f"/api/{kind}?{urlencode(params)}"


async def _get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: str, path: str) -> int:
    """One GET on a keep-alive HTTP/1.1 connection; the status. A bare client, so that measuring costs
    the two shared cores as little as possible (the server answers with Content-Length)."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept: */*\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = next((int(v) for k, _, v in (line.partition(":") for line in lines[1:])
                   if k.strip().lower() == "content-length"), 0)
    await reader.readexactly(length)
    return status


async def _client(url: str, seed: int, until: float, fixed, groups, totals, out: list, errors: list) -> None:
    rng = random.Random(seed)
    host = url.split("//", 1)[1]
    name, port = host.rsplit(":", 1)
    reader, writer = await asyncio.open_connection(name, int(port))
    try:
        while time.perf_counter() < until:
            kind, path = pick(rng, fixed, groups, totals)
            t = time.perf_counter()
            try:
                status = await asyncio.wait_for(_get(reader, writer, host, path), timeout=10)
                ok = 200 <= status < 300
            except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as e:
                ok, status = False, e
                writer.close()
                reader, writer = await asyncio.open_connection(name, int(port))
            out.append((kind, (time.perf_counter() - t) * 1000))
            if not ok:
                errors.append(f"{path}: {status!r}")
    finally:
        writer.close()


async def load(url: str, clients: int, duration: float, fixed, groups, totals) -> tuple[list, list, float]:
    out: list[tuple[str, float]] = []
    errors: list[str] = []
    start = time.perf_counter()
    until = start + duration
    await asyncio.gather(*(_client(url, SEED + i, until, fixed, groups, totals, out, errors)
                           for i in range(clients)))
    return out, errors, time.perf_counter() - start


def summarise(samples: list[tuple[str, float]]) -> dict[str, dict[str, float]]:
    by_kind: dict[str, list[float]] = {"all": [ms for _, ms in samples]}
    for kind, ms in samples:
        by_kind.setdefault(kind, []).append(ms)
    return {k: {"n": len(v), "p50": _pct(v, 50), "p90": _pct(v, 90), "p99": _pct(v, 99), "max": max(v)}
            for k, v in by_kind.items() if v}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=10_000, help="documents to generate (default 10000)")
    ap.add_argument("--db", type=Path, help="database to reuse, or to build when it does not exist")
    ap.add_argument("--clients", type=int, default=16, help="concurrent clients (default 16)")
    ap.add_argument("--duration", type=float, default=30.0, help="seconds of load (default 30)")
    ap.add_argument("--workers", type=int, default=1, help="server processes (dossier serve --workers; default 1)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    a = ap.parse_args()
    db = a.db or Path(tempfile.gettempdir()) / f"dossier-query-bench-{a.docs}.db"
    if not db.exists():
        print(f"building {db} from {a.docs:,} generated documents (benchmarks/query.py)", file=sys.stderr)
        query_bench.build(db, a.docs)
    proc, url = start_server(db, a.workers)
    try:
        fixed, groups, totals = request_mix(url)
        cold: list[tuple[str, float]] = []
        with httpx.Client(base_url=url, timeout=60) as c:  # first, uncached requests
            for kind, path in fixed:
                t = time.perf_counter()
                c.get(path).raise_for_status()
                cold.append((kind, (time.perf_counter() - t) * 1000))
        print(f"load: {a.clients} clients for {a.duration:.0f} s on {url} "
              f"({totals['documents']:,} documents, {totals['claims']:,} claims, {totals['events']:,} events)",
              file=sys.stderr)
        samples, errors, elapsed = asyncio.run(load(url, a.clients, a.duration, fixed, groups, totals))
        try:
            alive = httpx.get(url + "/api/stats", timeout=10).status_code == 200 and proc.poll() is None
        except httpx.HTTPError:
            alive = False
    finally:
        proc.send_signal(signal.SIGINT)  # Ctrl-C: uvicorn stops its worker processes too
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
    stats = summarise(samples)
    result = {"clients": a.clients, "workers": a.workers, "load_average": os.getloadavg(),
              "duration_s": round(elapsed, 1), "requests": len(samples),
              "requests_per_s": round(len(samples) / elapsed, 1), "errors": len(errors), "error_examples": errors[:5],
              "alive_after": alive, "latency_ms": stats, "cold_ms": summarise(cold), "database": str(db),
              "totals": totals}
    ok = stats["all"]["p99"] < TARGET_P99_MS and not errors and alive
    if a.json:
        print(json.dumps(result, indent=1))
    else:
        print(f"machine load average (1, 5, 15 min) after the run: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
        print(f"{len(samples):,} requests in {elapsed:.1f} s = {result['requests_per_s']} requests/s, "
              f"{len(errors)} errors, server answering afterwards: {'yes' if alive else 'NO'}")
        print(f"{'kind':<16} {'n':>7} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'max ms':>8}")
        for kind, s in stats.items():
            print(f"{kind:<16} {s['n']:>7} {s['p50']:8.1f} {s['p90']:8.1f} {s['p99']:8.1f} {s['max']:8.1f}")
        print("first (uncached) requests:")
        for kind, s in summarise(cold).items():
            print(f"{kind:<16} {s['n']:>7} {s['p50']:8.1f} {s['p90']:8.1f} {s['p99']:8.1f} {s['max']:8.1f}")
        print(f"target p99 < {TARGET_P99_MS:.0f} ms, no errors, alive afterwards: {'ok' if ok else 'MISSED'}")
        for e in errors[:5]:
            print("  error:", e)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
