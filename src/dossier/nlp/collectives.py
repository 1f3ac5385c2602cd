"""Groups named by description: "Anglophone separatists", "FARC dissidents", "Islamist militants".

Reports often never name the group behind an attack; they describe it. In the sentences before a
document first names an armed group, a plural noun phrase that says what its members fight for
("separatists", "Maoist rebels", "armed separatist groups") becomes a group, one per description: every
phrase with the same core word ("separatist") is one entity, keyed by that word and the report's country
when linking. From the first name on, such phrases are left to coreference ("the rebels" is that group),
except the same specific description again ("suspected separatists" after "armed separatists").

"Dissidents of X", "X dissidents" and "dissident X group" name the gazetteer's breakaway of X when it
has one ("FARC dissidents"), whatever else the document names.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from dossier.lexicon import words
from dossier.nlp.gazetteer import actors

GROUP_LABEL = "ARMED_GROUP"
COLLECTIVE = "collective:"  # span id prefix of a described group; the core word follows
_MODIFIER_DEPS = {"amod", "compound", "nmod"}

if not Doc.has_extension("collective_names"):
    Doc.set_extension("collective_names", default=None)


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _modifiers(tok: Token, taken: set[int]) -> list[Token]:
    """The run of adjectives and nouns just before `tok` that modify it ("armed separatist" groups)."""
    out: list[Token] = []
    j = tok.i - 1
    while j >= tok.sent.start:
        t = tok.doc[j]
        if t.head.i not in {tok.i, *(m.i for m in out)} or t.dep_ not in _MODIFIER_DEPS \
                or t.pos_ not in {"ADJ", "NOUN", "PROPN"} or j in taken and t.ent_type_ != "NORP":
            break
        out.insert(0, t)
        j -= 1
    return out


def _core(tok: Token, mods: list[Token]) -> tuple[str, bool] | None:
    """What the phrase says its members are, and whether that is specific: a descriptor word ("Maoist"
    rebels, "separatist" fighters, "separatists"), else a generic one ("rebels", "Somali militants")."""
    descriptors = words("descriptor_adjectives")
    for m in mods:
        if m.lower_ in descriptors or _singular(m.lower_) in descriptors:
            return _singular(m.lower_), True
    if tok.lower_ in words("descriptive_member_nouns"):
        return _singular(tok.lower_), True
    people = [m for m in mods if m.ent_type_ == "NORP"]
    if people:
        return f"{people[0].lower_} {_singular(tok.lower_)}", True
    if tok.lower_ in {"rebels", "insurgents", "guerrillas", "guerillas"} and any(
            c.lower_ == "the" for c in tok.children):
        return _singular(tok.lower_), False
    return None


def described_groups(doc: Doc, ents: list[Span]) -> list[Span]:
    """Spans of the described groups before the document names a group (see the module docstring).

    Generic phrases ("the rebels") join the one specific description when the document has one."""
    named = [e for e in ents if e.label_ == GROUP_LABEL]
    until = named[0].sent.start if named else len(doc)  # after a name, "the rebels" is that group
    taken = {i for e in ents for i in range(e.start, e.end)}
    # ("Maoists", "Islamists": the NER often takes the descriptive word for a people)
    creeds = {i for e in ents if e.label_ == "NORP" and not e.id_ and len(e) == 1 and
              e.root.lower_ in words("descriptive_member_nouns") for i in range(e.start, e.end)}
    heads = words("descriptive_member_nouns") | words("collective_heads")
    found: list[tuple[int, int, str, bool, tuple[int, int]]] = []
    for tok in doc:
        if tok.lower_ not in heads or tok.tag_ not in {"NNS", "NNPS"} or tok.i in taken - creeds:
            continue
        mods = _modifiers(tok, taken)
        core = _core(tok, mods)
        if core is None or tok.i >= until and not (core[1] and any(f[2] == core[0] for f in found)):
            continue  # after a name, only the same specific description again ("suspected separatists")
        start = mods[0].i if mods else tok.i
        # the name: a people's word before a descriptive head ("Anglophone separatists"), else the first
        proper = any(m.ent_type_ == "NORP" or m.is_title and not m.is_sent_start for m in mods)
        rank = (-proper, -(tok.lower_ in words("descriptive_member_nouns")))
        found.append((start, tok.i + 1, *core, rank))
    specific = {core for *_, core, is_specific, _ in found if is_specific}
    out: list[Span] = []
    best: dict[str, tuple[tuple[int, int], str]] = {}
    for start, end, core, is_specific, rank in found:
        if not is_specific and len(specific) == 1:
            core = next(iter(specific))
        known = _named_for(core, named)
        span = Span(doc, start, end, label=GROUP_LABEL, span_id=known or COLLECTIVE + core)
        if known:
            out.append(span)
            continue
        out.append(span)
        if span.id_ not in best or rank < best[span.id_][0]:
            best[span.id_] = (rank, span.text)
    doc._.collective_names = {k: name for k, (_, name) in best.items()}
    return out


def _named_for(core: str, named: list[Span]) -> str | None:
    """The gazetteer id of the one known group the document names after the word its description is made of
    ("Maoists" ... "the CPI (Maoist)"): the description is that group."""
    ids = set()
    for e in named:
        actor = actors().get(e.id_[4:]) if e.id_.startswith("gaz:") else None
        if actor is not None and any(core in {_singular(w) for w in re.findall(r"\w+", name.lower())}
                                     for name in (e.text, actor.name, *actor.aliases)):
            ids.add(e.id_)
    return ids.pop() if len(ids) == 1 else None


def _breakaway(ent: Span) -> str | None:
    """The gazetteer id of the dissidents of the known group `ent`, if it has them."""
    gaz = actors()
    actor = gaz.get(ent.id_[4:]) if ent.id_.startswith("gaz:") else None
    if actor is None:
        return None
    for name in (actor.name, *actor.aliases):
        found = gaz.lookup(f"{name} dissidents")
        if found is not None and found.id != actor.id:
            return f"gaz:{found.id}"
    return None


def dissident_spans(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "dissidents from the FARC", "FARC dissidents", "a dissident FARC group": the breakaway group."""
    out = []
    for ent in ents:
        if ent.label_ != GROUP_LABEL:
            continue
        span_id = _breakaway(ent)
        if span_id is None:
            continue
        start, end = ent.start, ent.end
        if start > 0 and doc[start - 1].lower_ == "dissident":
            start -= 1
            if end < len(doc) and doc[end].lower_ in words("group_nouns"):
                end += 1
        elif end < len(doc) and doc[end].lower_ in {"dissident", "dissidents"}:
            end += 1
            if doc[end - 1].lower_ == "dissident" and end < len(doc) and doc[end].tag_ == "NNS":
                end += 1  # "FARC dissident terrorists"
        else:
            prep = ent.root.head  # "dissidents from the FARC", "a group of dissidents from the FARC"
            if prep.dep_ == "prep" and prep.lower_ in {"of", "from"}:
                owner = next((t for t in (prep.head, doc[prep.i - 1]) if t.lower_ == "dissidents"), None)
                if owner is not None:
                    out.append(Span(doc, owner.i, owner.i + 1, label=GROUP_LABEL, span_id=span_id))
            continue
        out.append(Span(doc, start, end, label=GROUP_LABEL, span_id=span_id))
    return out
