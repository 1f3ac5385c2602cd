"""The source sentence that best answers a question the claim schema has no predicate for.

Used only for questions outside the schema ("which tribe…", "why did…", "who funds…"): it quotes a
sentence and cites it, it does not state a fact of its own. Candidate documents are those that
mention the question's entities (mentions table, indexed), else those whose text names its
capitalised words; sentences are scored by the inverse-document-frequency weight of the
question's (stemmed) content words they contain.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from dossier.store import Store
from dossier.store.schema import DocumentRow, MentionRow

from .text import content_words, sentences, stem
from .text import stems as stems_of

MAX_DOCS = 60
QUESTION_NOISE = {"happen", "take", "place", "occur", "know", "kind", "type", "sort", "give", "get", "make",
                  "accord", "doe", "tell"}


# words a question asks with and the words reporting answers with ("What weapons ...?": "improvised explosive
# devices"; "Where was he arrested?": "detained in Necocli")
_QUESTION_SYNONYMS = {
    "weapons": ("explosive", "explosives", "device", "devices", "gun", "guns", "rifle", "rifles", "bomb", "bombs",
                "grenade", "grenades", "machete", "machetes", "mortar", "mortars", "rocket", "rockets", "drone",
                "drones", "firearm", "firearms", "ammunition", "ied", "ieds", "missile", "missiles"),
    "arrested": ("detained", "captured", "apprehended", "nabbed", "held"),
    "killed": ("dead", "died", "death", "deaths", "slain", "lives"),
    "died": ("killed", "dead", "death", "slain"),
    "why": ("retaliation", "revenge", "because", "response", "reaction"),
}


@cache
def _synonyms() -> dict[str, frozenset[str]]:
    return {stem(q): frozenset(stem(w) for w in ws) for q, ws in _QUESTION_SYNONYMS.items()}


@dataclass
class Passage:
    score: float
    doc: dict[str, Any]
    sentence: str
    quote: str


def _doc_ids(session: Session, entity_ids: list[int], names: list[str]) -> list[str]:
    ids: list[str] = []
    if entity_ids:
        ids += list(session.scalars(select(MentionRow.doc_id).where(MentionRow.entity_id.in_(entity_ids))
                                    .distinct().limit(MAX_DOCS)))
    if not ids and names:
        conds = [DocumentRow.text.ilike(f"%{n}%") for n in names]
        ids += list(session.scalars(select(DocumentRow.id).where(or_(*conds)).limit(MAX_DOCS)))
    return list(dict.fromkeys(ids))


def best_passage(store: Store, question: str, entity_ids: list[int] | None = None,
                 subject_words: set[str] | None = None, doc_ids: list[str] | None = None,
                 require: set[str] | None = None, max_quote: int = 260) -> Passage | None:
    """The best-matching sentence, or None when no sentence shares enough of the question's words.

    `require`: stems of which a sentence must contain at least one (e.g. denial verbs).
    """
    q_words = [w for w in content_words(question)]
    names = [w for w in re.findall(r"\b[A-Z][\w-]+", question)[1:] if len(w) > 2]
    q_stems = {stem(w) for w in q_words} - QUESTION_NOISE
    subject_stems = {stem(w) for w in (subject_words or set())}
    with Session(store.engine) as session:
        ids = doc_ids or _doc_ids(session, entity_ids or [], names)
        if not ids:
            return None
        docs = session.execute(select(DocumentRow.id, DocumentRow.text, DocumentRow.title, DocumentRow.publisher,
                                      DocumentRow.published, DocumentRow.url)
                               .where(DocumentRow.id.in_(ids))).all()
    cands = []
    df: dict[str, int] = {}
    for d in docs:
        for _, s in sentences(d.text):
            if s.rstrip(" \"”’'").endswith("?") or len(s.split()) < 5:
                continue  # a heading that asks, or a fragment, answers nothing
            if _headline(s):
                continue  # a headline or caption in Title Case states nothing a sentence would not
            stems = stems_of(s)
            stems |= {q for q in q_stems if stems & _synonyms().get(q, frozenset())}  # "weapons": "explosive"
            cands.append((d, s, stems))
            for w in stems & q_stems:
                df[w] = df.get(w, 0) + 1
    if not cands:
        return None
    n = len(cands)
    for _, _, stems in cands:
        for w in stems & subject_stems - q_stems:
            df[w] = df.get(w, 0) + 1
    weight = {w: math.log(1 + n / df.get(w, 0.5)) for w in q_stems | subject_stems}
    other = (q_stems - subject_stems) or q_stems
    total_other = sum(weight[w] for w in other) or 1.0
    best = None
    for d, s, stems in cands:
        if require and not (stems & require):
            continue
        hit_other = stems & other
        if not hit_other:
            continue
        score = sum(weight[w] for w in hit_other) + 0.6 * sum(weight[w] for w in stems & subject_stems)
        coverage = sum(weight[w] for w in hit_other) / total_other
        score *= 0.5 + coverage
        score /= 1 + max(0, len(s) - 300) / 600
        if not s.rstrip().endswith((".", "!", "”", '"', "’", "'", ")")):
            score *= 0.6  # a headline or caption: the sentences under it say it with what the question asks for
        if best is None or score > best[0]:
            best = (score, d, s, coverage)
    if best is None or (best[3] < 0.25 and len(other) > 1):
        return None
    score, d, s, _ = best
    doc = {"doc_id": d.id, "title": d.title, "publisher": d.publisher,
           "published": d.published.isoformat() if d.published else None, "url": d.url}
    return Passage(score, doc, s, clip(s, q_stems, max_quote))


def _headline(sentence: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", sentence) if len(w) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words) and not sentence.endswith(".")


def clip(sentence: str, stems: set[str], limit: int) -> str:
    """The sentence, or the window of it richest in the question's words when it is too long."""
    if len(sentence) <= limit:
        return sentence
    spans = [m.start() for m in re.finditer(r"[A-Za-z0-9][\w'-]*", sentence)
             if stem(m.group().casefold()) in stems]
    best_start, best_hits = 0, -1
    for start in [0, *(max(0, p - 40) for p in spans)]:
        hits = sum(1 for p in spans if start <= p < start + limit - 2)
        if hits > best_hits:
            best_start, best_hits = start, hits
    # snap to word boundaries
    if best_start > 0:
        sp = sentence.find(" ", best_start)
        best_start = sp + 1 if sp != -1 else best_start
    end = best_start + limit - 2
    if end < len(sentence):
        sp = sentence.rfind(" ", best_start, end)
        end = sp if sp > best_start else end
    return ("…" if best_start > 0 else "") + sentence[best_start:end].strip() + ("…" if end < len(sentence) else "")
