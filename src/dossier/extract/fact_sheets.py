"""Fact sheets: profiles written as labelled fields ("Year founded: 1972", "Founders: Nur Misuari and Hashim
Salamat", "Strength: 12,000"), or as an explainer's questions answered by a phrase ("What do they want?" then
"Independence for ..."), state their facts without a verb. The label says the predicate, the value its
object, and the group is the one the sheet is about: the last group named before the field (its heading).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from dossier.extract.literals import parse_date, parse_quantity
from dossier.extract.raw import RawClaim
from dossier.extract.relations import SIDES
from dossier.extract.syntax import GROUP_LABELS, is_place
from dossier.nlp.fields import answered_questions, fields

_claim = RawClaim.maker("fact_sheet")

_LOOK_BACK = 400  # tokens searched back for the group a field belongs to


def _sheet_group(label: Span) -> Token | None:
    """The group the field belongs to: the last one named before it, or in it ("What does IS-K want?")."""
    doc = label.doc
    for t in reversed(doc[max(0, label.start - _LOOK_BACK): label.end]):
        if t.ent_type_ in GROUP_LABELS:
            return t
    return None


def _values(pred: str, value: Span) -> Iterator[Token | dict]:
    published = value.doc.user_data.get("published")
    if pred == "founded":
        for t in value:
            date = parse_date(t.text, published) if t.ent_type_ == "DATE" else None
            if date is not None:
                yield date.literal()
                return
    elif pred == "size":
        for t in value:
            quantity = parse_quantity(t.text) if t.ent_type_ in {"CARDINAL", "QUANTITY"} else None
            if quantity is not None:
                yield quantity.literal()
                return
    elif pred in {"leader", "founder"}:
        yield from (t for t in value if t.ent_type_ == "PERSON")
    elif pred in {"based_in", "active_in"}:
        yield from (t for t in value if is_place(t))
    elif pred in {"linked_to", "opposes", "part_of"}:
        yield from (t for t in value if t.ent_type_ in SIDES)
    elif pred == "ideology" and not any(t.dep_ in {"nsubj", "nsubjpass"} for t in value) and len(value) <= 12:
        text = value.text.strip(" .;\n")  # a phrase ("Salafi jihadism"), not a sentence (the verb rules read those)
        if text:
            yield {"text": text}


def fact_sheet_claims(doc: Doc) -> Iterator[RawClaim]:
    for pred, label, value in (*fields(doc), *answered_questions(doc)):
        group = _sheet_group(label)
        if group is None:
            continue
        for obj in _values(pred, value):
            if isinstance(obj, Token) and obj.i == group.i:
                continue
            if pred == "founder":
                yield _claim(group, "leader", obj, value[0], "founder_field", 0.6, role="founder")
            else:
                yield _claim(group, pred, obj, value[0], f"{pred}_field", 0.6)
