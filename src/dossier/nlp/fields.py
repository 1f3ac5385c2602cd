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
