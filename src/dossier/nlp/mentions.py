"""Find armed groups the gazetteer does not know, and acronyms defined in the text.

Runs after the statistical NER. A name becomes an armed group when its own words or its
context say so ("militant group X", "X militants", "the Nazir Group", "Lashkar-e-Islam");
"Long Name (ACR)", "ACR - Long Name -" and "Long Name, or ACR," make ACR an alias of Long Name.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from dossier.lexicon import nouns, words

GROUP_LABEL = "ARMED_GROUP"
_NAME_LABELS = {"ORG", "PERSON", "NORP", "GPE", "FAC", "LOC", "PRODUCT", "WORK_OF_ART", "EVENT"}
_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&.\-]{0,10}[A-Z0-9]$")
_PLACE_HEADS = {"area", "district", "province", "region", "valley", "town", "city", "village", "county",
                "governorate", "mountains", "tribal", "agency", "border"}
_SUFFIX_NOUNS = {"network", "faction", "militia", "brigade", "brigades"}

if not Doc.has_extension("alias_links"):
    Doc.set_extension("alias_links", default=None)


def _is_group_name(span: Span) -> bool:
    tokens = [t.lower_ for t in span]
    parts = {p for t in tokens for p in re.split(r"[-‐]", t)} | set(tokens)
    return bool(parts & words("group_name_words")) and span[0].is_title


def _context_says_group(span: Span) -> bool:
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ in words("member_nouns"):
        return True
    before = [t.lower_ for t in doc[max(span.start - 3, span.sent.start):span.start]]
    return bool(set(before) & words("group_nouns")) and bool(set(before) & words("militant_cues"))


def _looks_like_person(span: Span) -> bool:
    """ "Muhammed Asim, spokesperson for the hospital": a name followed by a role noun in apposition."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != "," or span.id_:
        return False
    window = doc[span.end + 1:min(span.end + 5, len(doc))]
    return any(t.lower_ in nouns("role") and t.pos_ == "NOUN" for t in window) and not any(
        t.text == "," for t in window[:1])


def _looks_like_place(span: Span) -> bool:
    """ "the Tora Bora area", "Achin district": a name in front of a place noun."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in _PLACE_HEADS and not span.id_


def _relabel(doc: Doc) -> list[Span]:
    out = []
    for ent in doc.ents:
        label = ent.label_
        if label in {"ORG", "NORP", "GPE"} and _looks_like_person(ent) and len(ent) >= 2:
            label = "PERSON"
        elif label in {"PERSON", "ORG", "NORP"} and _looks_like_place(ent):
            label = "LOC"
        end = ent.end
        if label in {"ORG", "PERSON", "NORP"} and end < len(doc) and doc[end].lower_ in _SUFFIX_NOUNS:
            end += 1  # "Haqqani" + "network"
            label = GROUP_LABEL
        if label in {"ORG", "PERSON", "NORP", "GPE", "FAC"} and (_is_group_name(ent) or _context_says_group(ent)):
            label = GROUP_LABEL
        if label != ent.label_ or end != ent.end:
            ent = Span(doc, ent.start, end, label=label, span_id=ent.id_)
        out.append(ent)
    return out


def _paren_acronym(doc: Doc, ent: Span) -> Span | None:
    """ "Long Name (ACR)" """
    if ent.end + 2 >= len(doc) or doc[ent.end].text != "(":
        return None
    for close in range(ent.end + 2, min(ent.end + 7, len(doc))):
        if doc[close].text == ")":
            inner = doc[ent.end + 1:close]
            if _ACRONYM.match(inner.text.replace(" ", "")) and inner.text.upper() == inner.text:
                return inner
            return None
    return None


def _dash_acronym(doc: Doc, ent: Span) -> Span | None:
    """ "ACR - Long Name -" """
    i = ent.start - 1
    if i < 1 or doc[i].text not in {"-", "–", "—"}:
        return None
    start = i
    while start - 1 >= ent.sent.start and i - start < 5 and (doc[start - 1].text == "-" or doc[start - 1].is_upper):
        start -= 1
    inner = doc[start:i]
    if inner and _ACRONYM.match(inner.text.replace(" ", "")) and inner.text.upper() == inner.text:
        return inner
    return None


def _or_acronym(doc: Doc, ent: Span) -> Span | None:
    """ "Long Name, or ACR," """
    j = ent.end
    if j + 2 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ == "or":
        k = j + 2
        end = k + 1
        while end + 1 < len(doc) and doc[end].text in {"-", "‐"}:
            end += 2
        inner = doc[k:end]
        if _ACRONYM.match(inner.text.replace(" ", "")) and inner.text.upper() == inner.text:
            return inner
    return None


def _repeats(doc: Doc, defined: list[Span]) -> list[Span]:
    """Later uses of an acronym defined in the text are mentions of the same entity."""
    out = []
    for acr in defined:
        for m in re.finditer(rf"(?<![\w-]){re.escape(acr.text)}(?![\w-])", doc.text):
            span = doc.char_span(m.start(), m.end(), label=acr.label_, span_id=acr.id_)
            if span is not None and span.start != acr.start:
                out.append(span)
    return out


@Language.component("dossier_mentions")
def find_mentions(doc: Doc) -> Doc:
    ents = _relabel(doc)
    links: list[tuple[int, int]] = []  # (char start of long form, char start of acronym)
    extra = []
    for ent in ents:
        if ent.label_ not in _NAME_LABELS | {GROUP_LABEL, "FORCE", "COMMUNITY"}:
            continue
        for finder in (_paren_acronym, _dash_acronym, _or_acronym):
            acr = finder(doc, ent)
            if acr is not None and acr.text != ent.text:
                extra.append(Span(doc, acr.start, acr.end, label=ent.label_, span_id=ent.id_))
                links.append((ent.start_char, acr.start_char))
    extra += _repeats(doc, extra)
    doc.ents = filter_spans(extra + ents)
    doc._.alias_links = links
    return doc
