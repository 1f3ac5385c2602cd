"""Shared fixtures: the real pinned spaCy pipeline, loaded once, and helpers that run the extractors.

`analyse_text(text, published=None)` parses `text` with dossier's pipeline and runs
`dossier.pipeline.analyse` on it, returning the Extraction (claims over EntityRefs, events).
The helpers `claims_of`, `has_claim` and `literal_claims` make tests read like the sentences.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from dossier.model import Claim, Document, EntityRef, Extraction
from dossier.names import norm

REPO = Path(__file__).resolve().parents[1]
DOSSIER = str(Path(sys.executable).with_name("dossier"))


@pytest.fixture(scope="session")
def nlp():
    """dossier's spaCy pipeline on the pinned model, loaded once per test session."""
    from dossier.nlp.pipeline import load_pipeline

    return load_pipeline()


def _date(published: dt.date | str | None) -> dt.date | None:
    if isinstance(published, str):
        return dt.date.fromisoformat(published)
    return published


@pytest.fixture(scope="session")
def parse(nlp) -> Callable:
    """parse(text, published=None) -> spaCy Doc with the publication date set, coreference resolved."""

    def run(text: str, published: dt.date | str | None = None):
        doc = nlp(text)
        doc.user_data["published"] = _date(published)
        return doc

    return run


@pytest.fixture(scope="session")
def analyse_text(nlp) -> Callable[..., Extraction]:
    """analyse_text(text, published=None, doc_id="t1") -> Extraction, through dossier.pipeline.analyse."""
    from dossier.pipeline import analyse

    def run(text: str, published: dt.date | str | None = None, doc_id: str = "t1") -> Extraction:
        document = Document(id=doc_id, text=text, published=_date(published))
        return analyse(nlp(text), document, {})

    return run


def same_name(ref_or_text: EntityRef | str, name: str) -> bool:
    """A name matches an entity when it equals its name or one of its aliases (normalised)."""
    want = norm(name)
    if isinstance(ref_or_text, EntityRef):
        return any(norm(n) == want for n in (ref_or_text.name, *ref_or_text.aliases))
    return norm(ref_or_text) == want


def claims_of(extraction: Extraction, predicate: str, subject: str | None = None) -> list[Claim]:
    return [c for c in extraction.claims if c.predicate == predicate
            and (subject is None or same_name(c.subject, subject))]


def has_claim(extraction: Extraction, subject: str, predicate: str, obj: str) -> Claim | None:
    """The claim (subject, predicate, entity object) when extracted; symmetric predicates either way."""
    from dossier.model import SYMMETRIC_PREDICATES

    for c in extraction.claims:
        if c.predicate != predicate or not isinstance(c.obj, EntityRef):
            continue
        if same_name(c.subject, subject) and same_name(c.obj, obj):
            return c
        if predicate in SYMMETRIC_PREDICATES and same_name(c.subject, obj) and same_name(c.obj, subject):
            return c
    return None


def literal_claims(extraction: Extraction, subject: str, predicate: str) -> list[dict]:
    return [c.obj for c in claims_of(extraction, predicate, subject) if isinstance(c.obj, dict)]


def doers(extraction: Extraction) -> list[list[str]]:
    """The names of each event's perpetrators, event by event."""
    return [[p.entity.name for p in e.perpetrators] for e in extraction.events]


def event_places(extraction: Extraction) -> list[str | None]:
    """The name of each event's place, event by event."""
    return [e.place.name if e.place is not None else None for e in extraction.events]


def describe(extraction: Extraction) -> str:
    """A readable dump of what was extracted, for assertion messages."""
    lines = []
    for c in extraction.claims:
        o = c.obj.name if isinstance(c.obj, EntityRef) else c.obj
        lines.append(f"{c.subject.name} --{c.predicate}--> {o} [{c.modality}, {c.attributed_to}]")
    for e in extraction.events:
        perps = [(p.entity.name, p.attribution) for p in e.perpetrators]
        place = e.place.name if e.place else None
        lines.append(f"event {e.type} {e.date} ({e.date_precision}) {place} {perps} "
                     f"killed={e.killed} injured={e.injured}")
    return "\n".join(lines) or "(nothing)"


def build_kb(folder: Path, docs: list[dict]) -> Path:
    """A real SQLite knowledge base made by ingesting `docs` (corpus lines) through the pipeline."""
    import json

    from dossier.pipeline import ingest
    from dossier.store import Store

    corpus = folder / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    path = folder / "kb.db"
    with Store.from_path(path) as store:
        assert ingest([corpus], store).documents == len(docs)
    return path


@pytest.fixture(scope="session")
def dossier_cmd() -> list[str]:
    """How to run the CLI as a subprocess: the venv's console script."""
    return [DOSSIER] if Path(DOSSIER).exists() else [sys.executable, "-m", "dossier.cli"]
