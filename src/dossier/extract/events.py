"""Events: attacks, bombings, clashes, strikes, kidnappings, takeovers — dated, placed, attributed, counted.

A trigger word (lexicon in data/events.json) opens an event mention in its sentence; date,
place, perpetrators and casualty figures are read from the same sentence. A later mention that
names no date or place of its own ("the bombing", "the assault") adds to the latest event of the
same document instead of opening a new one.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from dossier.extract.literals import DateValue, Quantity, parse_date, parse_quantity
from dossier.extract.syntax import PLACE_NOUNS, entity, expand, is_place, places_in, prep_objects, subjects
from dossier.nlp.places import gazetteer as places

PERPETRATOR_LABELS = {"ARMED_GROUP", "FORCE", "ORG", "GPE", "PERSON"}
_DEFINITE = {"the", "this", "that", "its", "their", "sunday's", "monday's"}


@cache
def lexicon() -> dict:
    return json.loads((resources.files("dossier.data") / "events.json").read_text(encoding="utf-8"))


@dataclass
class RawEvent:
    type: str
    sub_type: str
    trigger: Token
    date: DateValue | None = None
    place: Token | None = None
    perpetrators: list[tuple[Token, str]] = field(default_factory=list)
    killed: Quantity | None = None
    injured: Quantity | None = None
    targets: list[str] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)


def _trigger(tok: Token) -> tuple[str, str] | None:
    trig = lexicon()["triggers"]
    lemma = tok.lemma_.lower()
    if lemma == "take" and any(c.dep_ == "prt" and c.lower_ == "over" for c in tok.children):
        return tuple(trig["take over"])
    if tok.pos_ not in {"NOUN", "VERB", "PROPN"} or tok.ent_type_:
        return None
    if lemma == "kill" and tok.pos_ == "VERB" and _counted_or_by_group(tok):
        return "violence_against_civilians", "attack"
    if lemma == "fire" and any(o.lemma_ in {"rocket", "missile", "mortar", "shell"} for o in _objects(tok)):
        return "explosions_remote_violence", "shelling/artillery/missile attack"
    hit = trig.get(lemma) or trig.get(tok.lower_)
    if hit is None:
        return None
    if lemma == "strike" and not any(c.lower_ in lexicon()["strike_cues"] for c in tok.children):
        return None
    if lemma in {"capture", "seize", "overrun"} and not any(places_in(o) for o in _objects(tok)):
        return None
    if lemma in {"bomb", "rocket"} and tok.pos_ == "NOUN" and tok.dep_ == "compound":
        return None
    if tok.pos_ == "NOUN" and tok.tag_ == "NNS" and lemma not in {"clash", "fighting"} and not _definite(tok):
        return None  # "attacks" in general, not one event; "the attacks" refers back to one
    return tuple(hit)


def _counted_or_by_group(verb: Token) -> bool:
    """ "gunmen killed at least 69 people", "Boko Haram killed ...": a killing that is an event."""
    counted = any(n.ent_type_ == "CARDINAL" for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}
                  for n in [c, *c.children])
    return counted or any(s.ent_type_ in {"ARMED_GROUP", "FORCE"} for s in subjects(verb, PERPETRATOR_LABELS))


def _objects(tok: Token) -> list[Token]:
    return [o for c in tok.children if c.dep_ in {"dobj", "pobj"} for o in expand(c)] + prep_objects(tok)


def _victims(trigger: Token) -> set[str]:
    """Words naming who or what was hit: the object of "attacked", "killed", "attack on"."""
    verb = trigger if trigger.pos_ == "VERB" else trigger.head
    objs = [c for v in (trigger, verb) for c in v.children if c.dep_ in {"dobj", "nsubjpass"}]
    objs += prep_objects(trigger, {"on", "against", "at"})
    return {t.lower_ for o in objs for t in o.subtree} | {t.lemma_.lower() for o in objs for t in o.subtree}


def _classify(sent: Span, trigger: Token, etype: str, sub: str) -> tuple[str, str]:
    words = {t.lower_ for t in sent} | {t.lemma_.lower() for t in sent}
    if etype == "violence_against_civilians" and sub == "attack":
        if "suicide" in words and words & {"bomber", "bombing", "vest", "explosive", "explosives", "blast", "bomb"}:
            return "explosions_remote_violence", "suicide bomb"
        if words & set(lexicon()["explosive_cues"]):
            return "explosions_remote_violence", "remote explosive/landmine/IED"
        if words & {"clash", "firefight", "gunfight"} or _victims(trigger) & set(lexicon()["battle_cues"]):
            return "battles", "armed clash"
    if etype == "explosions_remote_violence" and "suicide" in words:
        return etype, "suicide bomb"
    return etype, sub


def _date(sent: Span, trigger: Token) -> DateValue | None:
    published = trigger.doc.user_data.get("published")
    dates = [t for t in sent if t.ent_type_ == "DATE"]
    near = set(trigger.subtree) | {trigger, trigger.head}
    dates.sort(key=lambda t: (t not in near and t.head not in near, abs(t.i - trigger.i)))
    for d in dates:
        value = parse_date(d.text, published)
        if value is not None and value.precision != "decade":
            return value
    return None


_SPECIFICITY = {"city": 0, "district": 1, "site": 0, None: 2, "area": 3, "region": 3, "country": 4}


def _specificity(tok: Token) -> int:
    """City before district before unknown before region before country."""
    place = places().lookup(tok.text)
    return _SPECIFICITY.get(place.precision if place else None, 2)


def _place(sent: Span, trigger: Token) -> Token | None:
    """Where the event happened: the most specific place near the trigger word."""
    candidates = [p for p in sent if is_place(p)]
    if not candidates:
        return None
    inside = set(trigger.subtree)
    governing = set(trigger.head.subtree) if trigger.dep_ in {"dobj", "pobj", "nsubj", "nsubjpass"} else set()

    def rank(p: Token) -> tuple:
        # "in Jalalabad, Afghanistan": the appositive country only qualifies the city
        qualifier = p.dep_ in {"appos", "poss"} or p.dep_ == "compound" and p.head.lower_ not in PLACE_NOUNS
        return (p not in inside, p not in governing, qualifier, _specificity(p), abs(p.i - trigger.i))

    return min(candidates, key=rank)


def _number_for(sent: Span, words: set[str]) -> Quantity | None:
    """A count tied to a kill/injure word: "killed 35 people", "at least 25 civilians were killed",
    "the death toll rose to 100", "(13 killed, 25 wounded)"."""
    for tok in sent:
        if tok.lemma_.lower() not in words and tok.lower_ not in words:
            continue
        cands: list[Token] = []
        heads = [tok] + ([tok.head] if tok.dep_ in {"compound", "amod"} else [])
        for h in heads:
            for c in h.children:
                if c.dep_ in {"dobj", "nsubjpass", "nsubj", "attr"}:
                    cands += [c] + [n for n in c.children if n.dep_ == "nummod"]
            cands += prep_objects(h, {"to", "of", "at"})
        if tok.i > sent.start and sent.doc[tok.i - 1].ent_type_ == "CARDINAL":
            cands.append(sent.doc[tok.i - 1])
        if tok.dep_ in {"oprd", "acomp", "ccomp"}:  # "left 20 people dead"
            cands += [c for c in tok.head.children if c.dep_ in {"dobj", "nsubj", "nsubjpass"}]
        if tok.dep_ == "amod":  # "20 people dead"
            cands.append(tok.head)
        for c in cands:
            nums = [c] if _is_count(c) else [n for n in c.children if n.dep_ == "nummod" and _is_count(n)]
            for n in nums:
                q = parse_quantity(n.text)
                if q is not None and (q.low or q.high):
                    return q
    return None


def _suspected(tok: Token) -> bool:
    """ "Suspected Boko Haram militants": the text itself hedges who did it."""
    around = [tok.head, *tok.head.children, *tok.children] if tok.dep_ == "compound" else [*tok.children]
    return any(t.lower_ in {"suspected", "alleged", "presumed", "purported"} for t in around)


def _is_count(tok: Token) -> bool:
    """A number, also one the NER took for a date ("between 20 and 30")."""
    if tok.ent_type_ in {"CARDINAL", "QUANTITY"}:
        return True
    return tok.ent_type_ == "DATE" and parse_date(tok.text) is None and parse_quantity(tok.text) is not None


def _perpetrators(sent: Span, trigger: Token) -> list[tuple[Token, str]]:
    lex = lexicon()
    out: list[tuple[Token, str]] = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ not in {"VERB", "NOUN", "AUX"}:
            continue
        attribution = None
        if lemma in lex["claim_verbs"] and (lemma != "take" or any(
                c.lower_ in {"credit", "responsibility"} for c in tok.children)) and (lemma != "say" or any(
                c.dep_ == "ccomp" and c.lemma_ in {"carry", "conduct", "launch", "stage"} for c in tok.children)):
            if lemma == "claim" and not any(c.lower_ in {"responsibility", "credit"} or c.dep_ == "ccomp" or
                                            c.lemma_.lower() in lex["triggers"] for c in tok.subtree):
                continue
            attribution = "claimed"
        elif lemma in lex["blame_verbs"] and lemma not in {"hold", "point"} or \
                lemma == "point" and any(c.lower_ == "finger" for c in tok.subtree):
            attribution = "blamed"
        elif lemma in {"suspect", "involvement"}:
            attribution = "suspected"
        if attribution is None:
            continue
        if any(c.dep_ == "neg" for c in tok.children) or any(a.lemma_ == "deny" for a in tok.ancestors):
            continue
        if attribution == "claimed":
            who = subjects(tok, PERPETRATOR_LABELS)
        elif attribution == "suspected":
            who = [e for o in prep_objects(tok, {"of", "in"})
                   for e in [entity(o, PERPETRATOR_LABELS)] if e is not None]
            if tok.lemma_ == "suspect":
                who += [e for o in _objects(tok) for e in [entity(o, PERPETRATOR_LABELS)] if e is not None]
        else:
            who = [e for o in _objects(tok) for e in [entity(o, PERPETRATOR_LABELS)] if e is not None]
            if any(c.dep_ == "auxpass" for c in tok.children):
                who = subjects(tok, PERPETRATOR_LABELS)
        out += [(w, attribution) for w in who if w.ent_type_ in PERPETRATOR_LABELS]
    # "clashes between X and Y": both sides took part
    if trigger.lemma_ in {"clash", "fighting", "battle", "firefight", "gunfight"}:
        out += [(e, "stated") for o in prep_objects(trigger, {"between", "with"})
                for e in [entity(o, PERPETRATOR_LABELS)] if e is not None]
    # "X was behind the bombing", "X is responsible for the attack"
    for tok in sent:
        if tok.lower_ in {"behind", "responsible"} and trigger in set(tok.subtree):
            verb = tok.head
            who = subjects(verb, PERPETRATOR_LABELS)
            speaker = next((a for a in verb.ancestors if a.lemma_ in {"say", "claim", "announce", "tell"}), None)
            attribution = "stated"
            if speaker is not None:
                said_by = subjects(speaker, PERPETRATOR_LABELS | {"PERSON"})
                attribution = "claimed" if any(s.text == w.text for s in said_by for w in who) else "blamed"
            out += [(w, attribution) for w in who if w.ent_type_ in PERPETRATOR_LABELS]
    # "The TTP conducted a suicide attack", "X bombed ..."
    verb = trigger if trigger.pos_ == "VERB" else trigger.head
    if verb.pos_ == "VERB" and verb.lemma_.lower() not in lex["claim_verbs"] + lex["blame_verbs"] + ["deny", "condemn"]:
        if not any(a.lemma_ in {"deny", "condemn"} for a in verb.ancestors) and not any(
                c.dep_ == "neg" for c in verb.children):
            for s in subjects(verb, PERPETRATOR_LABELS):
                if s.ent_type_ in {"ARMED_GROUP", "FORCE", "GPE"} and not any(s is o for o, _ in out):
                    out.append((s, "suspected" if _suspected(s) else "stated"))
    return out


def _mentions(doc: Doc) -> Iterator[RawEvent]:
    for sent in doc.sents:
        for tok in sent:
            hit = _trigger(tok)
            if hit is None:
                continue
            etype, sub = _classify(sent, tok, *hit)
            yield RawEvent(etype, sub, tok, date=_date(sent, tok), place=_place(sent, tok),
                           perpetrators=_perpetrators(sent, tok),
                           killed=_number_for(sent, set(lexicon()["kill_words"])),
                           injured=_number_for(sent, set(lexicon()["injure_words"])), sentences=[sent])
            break  # one event mention a sentence


def _definite(tok: Token) -> bool:
    dets = [c.lower_ for c in tok.children if c.dep_ in {"det", "poss"}]
    return bool(dets) and dets[0] in _DEFINITE


def _is_anaphoric(ev: RawEvent) -> bool:
    return _definite(ev.trigger)


def _merge(into: RawEvent, ev: RawEvent) -> None:
    into.date = into.date or ev.date
    if into.place is None or ev.place is not None and _specificity(ev.place) < _specificity(into.place):
        into.place = ev.place  # "in Borno state" ... "in the village of Faduma Koloram"
    into.killed = into.killed or ev.killed
    into.injured = into.injured or ev.injured
    for p in ev.perpetrators:
        if not any(p[0].text == q[0].text for q in into.perpetrators):
            into.perpetrators.append(p)
    into.sentences += ev.sentences


def extract_events(doc: Doc) -> list[RawEvent]:
    """Events of one document, mentions of the same event merged."""
    events: list[RawEvent] = []
    for ev in _mentions(doc):
        last = events[-1] if events else None
        same_family = last is not None and (last.type == ev.type or {last.type, ev.type} <= {
            "explosions_remote_violence", "violence_against_civilians", "battles"})
        compatible = last is not None and (ev.date is None or last.date is None or ev.date == last.date)
        if last is not None and same_family and compatible and (_is_anaphoric(ev) or ev.date is None):
            if ev.place is None or last.place is None or ev.place.text == last.place.text or ev.date is None:
                _merge(last, ev)
                continue
        plural = ev.trigger.tag_ == "NNS" and ev.trigger.lemma_ not in {"clash", "fighting"}
        if ev.date is None and ev.killed is None and not ev.perpetrators or plural:
            continue  # too vague to be one event, or a plural that refers back to none
        events.append(ev)
    return [e for e in events if e.date is not None or e.place is not None]
