"""Labelled fields of fact sheets ("Year founded: 1972", "Founders: Nur Misuari and Hashim Salamat"): found on
lines, not sentences (the parser may cut "Strength (Misuari's faction): 3,000" at the bracket). The mentions
stage reads the names in people's fields; extract.fact_sheets reads every field's fact."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from spacy.tokens import Doc, Span

from dossier.lexicon import triggers

# a line that opens with a short label and a colon: "Year founded: 1972", "Strength (Misuari's faction): 3,000"
_FIELD = re.compile(r"^[ \t]*([A-Z][\w'’ ,&/-]{1,60}?)[ \t]*(?:\([^)\n]{0,60}\))?[ \t]*:[ \t]*(\S.*)$", re.M)
PEOPLE_FIELDS = {"leader", "founder"}


@cache
def _labels() -> dict[str, str]:
    """label text -> predicate ("year founded" -> "founded"; "founders" -> "founder")."""
    table = triggers()["fact_sheet_labels"]
    return {label: pred for pred, labels in table.items() if not pred.startswith("_") for label in labels}


def fields(doc: Doc) -> Iterator[tuple[str, Span, Span]]:
    """(predicate, label, value) for each labelled line of the document."""
    labels = _labels()
    for m in _FIELD.finditer(doc.text):
        pred = labels.get(" ".join(m.group(1).lower().split()))
        label = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        value = doc.char_span(m.start(2), m.end(2), alignment_mode="expand")
        if pred and label is not None and value is not None:
            yield pred, label, value


# an explainer's question heading, answered on the next line by a phrase: "What do they want?\nIndependence for
# seven Basque provinces, ..." (the phrase up to its first comma or semicolon)
_ASKED = re.compile(r"^[ \t]*(?P<q>[^\n?]{3,60}\?)[ \t]*\n+[ \t]*(?P<a>[^\n,;]+)", re.M)
_WHO = r"(?:they|them|it|the\s+\w+|[\w-]+)"  # whom the question asks about
_QUESTIONS = (
    ("ideology", re.compile(rf"^what\s+(?:do|does|did)\s+{_WHO}\s+(?:want|seek|stand\s+for)\?$", re.I)),
    ("leader", re.compile(rf"^who\s+(?:leads|led|heads|runs|commands)\s+{_WHO}\?$", re.I)),
    ("founded", re.compile(rf"^when\s+(?:was|were)\s+{_WHO}\s+(?:founded|formed|created|set\s+up)\?$", re.I)),
    ("based_in", re.compile(rf"^where\s+(?:are|is)\s+{_WHO}\s+based\?$", re.I)),
)


def answered_questions(doc: Doc) -> Iterator[tuple[str, Span, Span]]:
    """(predicate, question, answer) for each question heading an explainer answers on the next line."""
    for m in _ASKED.finditer(doc.text):
        pred = next((p for p, q in _QUESTIONS if q.match(m.group("q").strip())), None)
        label = doc.char_span(m.start("q"), m.end("q"), alignment_mode="expand")
        value = doc.char_span(m.start("a"), m.end("a"), alignment_mode="contract")
        # (a sentence with its own subject answers in words the verb rules read: "IS-K are based in ...")
        if pred and label is not None and value is not None and len(value) and \
                not any(t.dep_ in {"nsubj", "nsubjpass", "expl"} for t in value):
            yield pred, label, value


def listed_names(value: Span) -> Iterator[Span]:
    """The names a people's field lists: "Nur Misuari and Hashim Salamat" -> each run of capitalised words."""
    start = None
    for t in (*value, None):
        named = t is not None and t.is_title and t.is_alpha
        if named and start is None:
            start = t.i
        elif not named and start is not None:
            if t is None or t.lower_ in {"and", ",", "&", ";", "(", "/"} or t.is_punct:
                yield value.doc[start: t.i if t is not None else value.end]
            start = None
