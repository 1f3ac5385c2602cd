"""`dossier demo`: build a database from the bundled sample corpus, profile a group, answer questions."""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path

from dossier.store import Store

from . import lookup
from .answer import ask, by_pred, grouped
from .render import Citations, hedge, object_text

PROFILE_GROUP = "IS-K"
QUESTIONS = (
    "Who are IS-K?",
    "How many fighters does IS-K have?",
    "Who claimed the attack on the Westgate mall in Nairobi?",
    "How many people were killed in the car bombing at the police academy in Bogota?",
    "What happened in Mumbai?",
)
PREDICATE_LABELS = {
    "part_of": "part of", "split_from": "split from", "founded": "founded", "size": "size", "based_in": "based in",
    "active_in": "active in", "leader": "led by", "member_of": "member of", "role": "role", "linked_to": "linked to",
    "opposes": "opposes", "targets": "targets", "recruits_from": "recruits from", "ideology": "ideology",
}


def sample_corpus() -> Path:
    return Path(str(resources.files("dossier.data") / "sample" / "corpus.jsonl"))


def profile(store: Store, name: str) -> tuple[str, list[str], list[dict]]:
    """A group's claims grouped by predicate, each object with its hedge and citation markers."""
    match = lookup.resolve_name(store, name, lookup.GROUP_TYPES)
    if match is None:
        return name, [f"Not known: the knowledge base has no information on {name}."], []
    cites = Citations()
    claims = lookup.claims(store, subject_ids=match.ids)
    lines = []
    preds = by_pred(claims)
    for pred in PREDICATE_LABELS:
        if pred not in preds:
            continue
        items = [f"{object_text(g[0])}{hedge(g[0])} {cites.many(g)}" for g in grouped(preds[pred])[:6]]
        lines.append(f"{PREDICATE_LABELS[pred]:>14}: " + "; ".join(items))
    entity = lookup.entity(store, match.ids[0]) or {}
    return entity.get("name", match.name), lines, cites.sources


def run_demo(db: Path, echo: Callable[[str], None] = print) -> None:
    from dossier.pipeline import ingest

    db = Path(db)
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    corpus = sample_corpus()
    with Store.from_path(db) as store:
        report = ingest([corpus], store)
        echo(f"Built {db} from the sample corpus ({corpus.name}): {report.summary()}")
        echo("")
        name, lines, sources = profile(store, PROFILE_GROUP)
        echo(f"== Profile: {name}")
        for line in lines:
            echo(line)
        for s in sources:
            echo(f"  [{s['n']}] {s['title']} ({s['publisher']}, {s['published']}): “{_short(s['evidence'])}”")
        echo("")
        echo("== Questions")
        for q in QUESTIONS:
            answer = ask(store, q)
            echo(f"Q: {q}")
            echo(f"A: {answer.answer}")
            for s in answer.sources:
                echo(f"   [{s['n']}] {s['title']} ({s['published']})")
            echo("")
    echo(f"Ask your own: dossier --db {db} ask \"Where is al-Shabaab based?\"")


def _short(text: str, limit: int = 110) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
