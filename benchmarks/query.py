"""Query speed: `ask` and `profile` on a knowledge base built from many generated documents.

    python benchmarks/query.py                      # 10,000 documents (builds /tmp/dossier-query-bench-10000.db)
    python benchmarks/query.py --docs 2000          # a smaller corpus
    python benchmarks/query.py --db PATH            # reuse (or build into) PATH
    python benchmarks/query.py --repeat 50 --json   # more runs, machine-readable figures

The documents vary the bundled sample corpus (src/dossier/data/sample/corpus.jsonl): in each
variant the cities and regions the gazetteer knows are replaced by other places of the same
country, years shift, days and months change and every figure is rescaled, consistently within
the document; no text is copied as is. They are ingested with `dossier.pipeline.ingest` (this
is the slow part: the full spaCy pipeline, about 10-25 documents/s a core).

Then, in this one process, each question kind and each profile format runs `--repeat` times
after one warm-up; the table gives p50 and p99 in milliseconds. The target is < 100 ms each.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

TARGET_MS = 100.0
SEED = 7

QUESTIONS = [
    ("size", "How many fighters does IS-K have?"),
    ("founded", "When was the TTP founded?"),
    ("based", "Where is al-Shabaab based?"),
    ("leader", "Who leads Boko Haram?"),
    ("who_is", "Who is Hezbollah?"),
    ("linked", "Is IS-K linked to the Taliban?"),
    ("enemies", "Who are IS-K's enemies?"),
    ("attacks", "What attacks has al-Shabaab carried out?"),
    ("event_killed", "How many people were killed in the suicide bombing in Kabul?"),
    ("event_perpetrator", "Who claimed the attack on the Westgate mall in Nairobi?"),
    ("events_in", "What happened in Mumbai?"),
    ("not_known", "Who funds the Red Hand Brigade?"),
]
PROFILES = [("IS-K", "md"), ("IS-K", "html"), ("al-Shabaab", "md"), ("al-Shabaab", "html")]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
PUBLISHERS = ["Bench Wire", "Bench Daily", "Bench Review", "Bench Monitor", "Bench Herald"]


# ---------------------------------------------------------------- generated corpus

def _places() -> dict[str, tuple[str, list[str]]]:
    """Place name -> (country, other places of that country) for cities and regions of the gazetteer."""
    by_country: dict[str, list[str]] = {}
    kind_of: dict[str, tuple[str, str]] = {}
    with (resources.files("dossier.data") / "places.tsv").open(encoding="utf-8") as f:
        next(f)
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 9 or cols[0] not in ("city", "region") or not cols[1].isascii():
                continue
            try:
                pop = int(cols[8] or 0)
            except ValueError:
                pop = 0
            if cols[0] == "city" and pop < 150_000:
                continue
            by_country.setdefault(cols[3], []).append(cols[1])
            kind_of.setdefault(cols[1], (cols[3], cols[0]))
    return {name: (country, by_country[country]) for name, (country, _) in kind_of.items()
            if len(by_country[country]) > 1}


def _vary(doc: dict, i: int, rng: random.Random, places: dict[str, tuple[str, list[str]]]) -> dict:
    text, title = doc["text"], doc["title"] or ""
    # places: every known city or region name, replaced by another of the same country
    swap: dict[str, str] = {}
    for m in re.finditer(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?\b", text):
        name = m.group(0)
        if name in places and name not in swap:
            swap[name] = rng.choice([p for p in places[name][1] if p != name][:60] or [name])
    if swap:
        rx = re.compile(r"\b(" + "|".join(re.escape(k) for k in sorted(swap, key=len, reverse=True)) + r")\b")
        text = rx.sub(lambda m: swap[m.group(1)], text)
        title = rx.sub(lambda m: swap[m.group(1)], title)
    shift = rng.randint(-6, 2)

    def year(m: re.Match) -> str:
        return str(min(2024, int(m.group(0)) + shift))

    def number(m: re.Match) -> str:
        n = int(m.group(0).replace(",", ""))
        v = max(2, int(n * rng.uniform(0.6, 1.6)))
        if n >= 1000:
            v = round(v, -2)
        return f"{v:,}" if "," in m.group(0) else str(v)

    text = re.sub(r"\b\d{1,3}(?:,\d{3})+\b|\b(?<![\d-])(?!19\d\d|20\d\d)\d{2,4}\b(?![\d-])", number, text)
    text = re.sub(r"\b(?:19|20)\d\d\b", year, text)
    month = rng.choice(MONTHS)
    text = re.sub(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r")\b",
                  lambda m: f"{rng.randint(1, 28)} {month}", text)
    published = doc.get("published")
    if published:
        y, rest = published.split("-", 1)
        published = f"{min(2024, int(y) + shift)}-{rest}"
    return {"id": f"bench-{i:06d}-{doc['id']}", "url": f"https://bench.example/{i}", "title": f"{title} ({i})",
            "publisher": rng.choice(PUBLISHERS), "published": published, "text": text}


def generate(n: int, out: Path, seed: int = SEED) -> None:
    sample = resources.files("dossier.data") / "sample" / "corpus.jsonl"
    docs = [json.loads(line) for line in sample.read_text(encoding="utf-8").splitlines() if line.strip()]
    places = _places()
    rng = random.Random(seed)
    with out.open("w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps(_vary(docs[i % len(docs)], i, rng, places), ensure_ascii=False) + "\n")


def _guard_governor() -> None:
    """Work around an endless loop in `extract.events._governor` when a sentence's ROOT is a preposition
    ("On 7 January 2003 ten gunmen landed ..." parsed with "On" as ROOT): it compares spaCy tokens with
    `is`, which is never true for two separately created Token objects. Only when the bug is present."""
    import inspect

    from dossier.extract import events

    if "head.head is head" not in inspect.getsource(getattr(events, "_governor", len)):
        return

    def governor(tok):
        head = tok.head
        while head.dep_ == "prep" or head.pos_ == "ADP":
            if head.head.i == head.i:
                break
            head = head.head
        return head

    governor.__doc__ = events._governor.__doc__
    events._governor = governor


def build(db: Path, n: int) -> None:
    from dossier.pipeline import ingest
    from dossier.store import Store

    _guard_governor()

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        generate(n, corpus)
        start = time.perf_counter()
        done = [0]

        def progress(_doc) -> None:
            done[0] += 1
            if done[0] % 100 == 0 or done[0] == n:
                rate = done[0] / (time.perf_counter() - start)
                print(f"  ingested {done[0]:,}/{n:,} documents ({rate:.1f}/s, "
                      f"~{(n - done[0]) / rate:.0f} s left)", file=sys.stderr, flush=True)

        with Store.from_path(db) as store:
            report = ingest([corpus], store, on_document=progress)
        print(f"built {db}: {report.summary()} in {time.perf_counter() - start:.0f} s", file=sys.stderr)


# ---------------------------------------------------------------- timing

def _pct(values: list[float], p: float) -> float:
    s = sorted(values)
    k = min(len(s) - 1, max(0, round(p / 100 * (len(s) - 1))))
    return s[k]


def measure(db: Path, repeat: int) -> list[dict]:
    from dossier.export.profile_html import render_html
    from dossier.export.profile_md import render_md
    from dossier.query import ask
    from dossier.query.profile import build_profile
    from dossier.store import Store

    rows = []
    with Store.from_path(db) as store:
        for kind, q in QUESTIONS:
            times = []
            answer = ask(store, q)  # warm-up
            for _ in range(repeat):
                t = time.perf_counter()
                answer = ask(store, q)
                times.append((time.perf_counter() - t) * 1000)
            rows.append({"what": f"ask {kind}", "detail": q, "p50": statistics.median(times),
                         "p99": _pct(times, 99), "answer": answer.answer[:70]})
        for name, fmt in PROFILES:
            render = render_md if fmt == "md" else render_html
            times = []
            render(build_profile(store, name))
            out = ""
            for _ in range(repeat):
                t = time.perf_counter()
                out = render(build_profile(store, name))
                times.append((time.perf_counter() - t) * 1000)
            rows.append({"what": f"profile {fmt}", "detail": name, "p50": statistics.median(times),
                         "p99": _pct(times, 99), "answer": f"{len(out):,} chars"})
        counts = store.counts()
    print(f"database {db}: {counts['documents']:,} documents, {counts['claims']:,} claims, "
          f"{counts['events']:,} events, {counts['entities']:,} entities", file=sys.stderr)
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=10_000, help="documents to generate (default 10000)")
    ap.add_argument("--db", type=Path, help="database to reuse, or to build when it does not exist")
    ap.add_argument("--repeat", type=int, default=30, help="timed runs of each query (default 30)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    a = ap.parse_args()
    db = a.db or Path(tempfile.gettempdir()) / f"dossier-query-bench-{a.docs}.db"
    if not db.exists():
        print(f"building {db} from {a.docs:,} generated documents", file=sys.stderr)
        build(db, a.docs)
    rows = measure(db, a.repeat)
    if a.json:
        print(json.dumps(rows, indent=1))
    else:
        print(f"{'query':<24} {'p50 ms':>8} {'p99 ms':>8}  {'':3} detail")
        for r in rows:
            ok = "ok" if r["p99"] < TARGET_MS else "SLOW"
            print(f"{r['what']:<24} {r['p50']:8.1f} {r['p99']:8.1f}  {ok:<4} {r['detail']}  -> {r['answer']}")
    return 0 if all(r["p99"] < TARGET_MS for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
