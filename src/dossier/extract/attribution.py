"""How a statement is made and by whom: asserted, reported, claimed, alleged, denied, hypothetical.

Looks at the clause that holds a trigger word and the clauses above it: "according to X",
"X said (that) ...", "reportedly", "X denied ...", "is believed to", "may", negation.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from dossier.extract.syntax import subject_taken_before
from dossier.model import Modality

SAY = {"say", "tell", "state", "report", "add", "note", "write", "explain", "confirm", "announce", "insist",
       "argue", "warn", "estimate", "believe", "think", "suggest", "assess", "conclude", "indicate", "reveal",
       "acknowledge", "admit", "disclose", "describe", "consider", "show", "find", "assert"}
CLAIM = {"claim", "boast", "vow", "take"}  # "took credit"
ALLEGE = {"accuse", "blame", "allege", "charge", "suspect", "implicate", "point"}
DENY = {"deny", "reject", "dismiss", "dispute", "refute"}
HEDGE_ADVERBS = {"reportedly": Modality.REPORTED, "allegedly": Modality.ALLEGED, "purportedly": Modality.REPORTED,
                 "apparently": Modality.REPORTED, "supposedly": Modality.REPORTED, "possibly": Modality.HYPOTHETICAL,
                 "probably": Modality.HYPOTHETICAL, "likely": Modality.HYPOTHETICAL}
HEDGE_PASSIVES = {"believe", "think", "say", "report", "suspect", "consider", "understand", "allege", "estimate",
                  "rumour", "rumor", "know"}
MODALS = {"may", "might", "could", "would"}


@dataclass(frozen=True)
class Attribution:
    modality: Modality
    attributed_to: str | None = None


def _speaker(verb: Token) -> str | None:
    for c in verb.children:
        if c.dep_ in {"nsubj", "agent"}:
            target = c
            if c.dep_ == "agent":
                target = next((o for o in c.children if o.dep_ == "pobj"), c)
            return _name(target)
    return None


def _name(tok: Token) -> str | None:
    if tok.pos_ == "PRON":
        ante = tok._.antecedent
        if ante is not None:
            return ante.text
        person = _last_person(tok)
        return person.text if person is not None else None
    # ("the armed faction, which calls itself X": the speaker is the faction, not the clause about it)
    clauses = {t.i for d in tok.subtree if d != tok and d.dep_ in {"relcl", "acl"} for t in d.subtree}
    words = [t for t in tok.subtree if t.dep_ not in {"det", "punct"} and t.i not in clauses and not t.is_space]
    text = " ".join(t.text for t in words[:8])
    return text or None


def _last_person(tok: Token) -> Token | None:
    for i in range(tok.i - 1, max(tok.i - 200, -1), -1):
        if tok.doc[i].ent_type_ == "PERSON":
            return tok.doc[i]
    return None


def _according_to(sent_root: Token, trigger: Token) -> str | None:
    for t in trigger.sent:
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            pobj = next((c for c in t.doc[t.i + 1].children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.i + 1 < len(t.doc) and subject_taken_before(t.doc[pobj.i + 1]) == pobj:
                # ("according to the medium Glass code Los Lobos began ...": the source is the words before the name)
                return " ".join(w.text for w in pobj.subtree if w.i < pobj.i and w.dep_ not in {"det", "punct"}) or None
            if pobj is not None:
                return _name(pobj)
    return None


def attribute(trigger: Token) -> Attribution:
    """The modality and source of the statement that `trigger` belongs to."""
    sent = trigger.sent
    source = _according_to(sent.root, trigger)
    modality = Modality.REPORTED if source else Modality.ASSERTED
    # walk from the trigger up to the root; the nearest framing verb decides
    node, depth = trigger, 0
    path = []
    while depth < 8:
        path.append(node)
        if node.head == node:
            break
        node, depth = node.head, depth + 1
    # a name's description ("its former leader X") holds whatever the clause around it says
    nominal = trigger.pos_ in {"NOUN", "PROPN"} and (trigger.dep_ in {"nsubj", "nsubjpass", "appos", "compound"}
                                                     or trigger.ent_type_ == "PERSON")
    for i, v in enumerate(path):
        if nominal and i >= 1:
            break
        if any(c.dep_ == "neg" for c in v.children) and v.pos_ in {"VERB", "AUX"} and i <= 1:
            return Attribution(Modality.DENIED, source)
        if v.lemma_ in MODALS or any(c.lemma_ in MODALS and c.dep_ == "aux" for c in v.children):
            modality = Modality.HYPOTHETICAL
        for c in v.children:
            adv = HEDGE_ADVERBS.get(c.lower_)
            if adv is not None and c.dep_ == "advmod" and modality == Modality.ASSERTED:
                modality = adv
        if i == 0 and v.lemma_.lower() in ALLEGE and any(c.dep_ == "nsubjpass" for c in v.children):
            return Attribution(Modality.ALLEGED, _speaker(v) or source)  # "X is accused of attacks in Y"
        if i == 0:
            continue
        lemma = v.lemma_.lower()
        via_clause = path[i - 1].dep_ in {"ccomp", "xcomp", "advcl", "dobj", "conj", "prep", "pcomp"}
        if not via_clause:
            continue
        if lemma in DENY | ALLEGE and path[i - 1].dep_ == "conj":
            continue  # "rejected the agreement and formed a group": the forming is told, not rejected
        if lemma in DENY:
            return Attribution(Modality.DENIED, _speaker(v) or source)
        if lemma in ALLEGE:
            return Attribution(Modality.ALLEGED, _speaker(v) or source)
        if lemma in CLAIM and path[i - 1].dep_ in {"ccomp", "xcomp", "dobj"}:
            return Attribution(Modality.CLAIMED, _speaker(v) or source)
        if lemma in SAY:
            passive = any(c.dep_ == "auxpass" for c in v.children)
            if passive and lemma in HEDGE_PASSIVES:
                return Attribution(Modality.REPORTED, source)
            speaker = _speaker(v)
            if speaker:
                return Attribution(Modality.REPORTED if modality == Modality.ASSERTED else modality, speaker)
    # "X is believed to be ..." with the trigger in the xcomp
    for c in trigger.children:
        if c.dep_ == "auxpass" and trigger.lemma_ in HEDGE_PASSIVES:
            return Attribution(Modality.REPORTED, source)
    return Attribution(modality, source)
