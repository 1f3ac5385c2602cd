"""Claims carried by verbs: "is based in", "clashed with", "recruits", "was set up in", "led by".

Each rule starts from a trigger verb (lexicon in data/triggers.json), finds the subject entity
through the dependency tree (following relative clauses, conjoined verbs and coreference),
and reads the object from the verb's direct object or prepositional objects.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from dossier.extract.events import HABITUAL_ADVERBS, force_object
from dossier.extract.literals import parse_date
from dossier.extract.raw import RawClaim
from dossier.extract.syntax import (
    ACTOR_LABELS,
    GROUP_LABELS,
    MEMBER_HEADS,
    PART_WORDS,
    PLACE_NOUNS,
    called,
    conjuncts,
    direct_objects,
    entity,
    expand,
    governing_verb,
    included,
    is_country,
    is_entity,
    is_place,
    loyal_side,
    name_after,
    named_before_aside,
    named_beside,
    nouns,
    owner,
    phrase,
    places_below,
    places_in,
    prep_objects,
    same,
    subjects,
    tally_over_time,
    verb_lemmas,
)
from dossier.lexicon import words

ACTORS = GROUP_LABELS | {"FORCE"}
SIDES = ACTOR_LABELS | {"GPE"}  # a country can be a side: "backed by the US", "clashes with Pakistan"
HARM = {"kill", "wound", "injure", "die", "arrest", "capture", "detain", "lose", "execute", "behead", "suffer"}
GENERIC_OBJECTS = {"people", "person", "persons", "man", "men", "woman", "women", "one", "some", "many", "others",
                   "it", "them", "that", "this", "which", "who", "what", "all", "dozens", "hundreds", "thousands",
                   "lives", "responsibility", "credit", "attack", "attacks", "part", "way", "place", "time"}
_PEOPLE = {"people", "persons", "man", "men", "woman", "women"}  # generic alone, not as "young, secular men"
STRENGTH_NOUNS = {"numbers", "strength", "membership", "ranks", "manpower", "size"}
CONTROL_VERBS = {"control", "run", "govern", "rule", "hold", "occupy", "administer", "dominate", "capture", "seize",
                 "overrun", "storm", "besiege", "raid"}
PRESENCE_ADJECTIVES = {"active", "present", "strong", "strongest", "entrenched", "dominant", "concentrated",
                       "prevalent", "rife", "widespread"}
# objects of any verb that put the group's fight where a place is named: "waged an insurgency in X"
CAMPAIGN_NOUNS = {"insurgency", "insurrection", "rebellion", "uprising", "campaign", "jihad", "area", "areas",
                  "control", "operations", "presence", "footprint", "foothold", "influence", "concentration",
                  "attacks", "raids", "ambushes", "bombings", "kidnappings",  # "intensified attacks on villages in X"
                  "atrocities", "abuses", "massacres"}
ACTIVITY_NOUNS = {"activities", "activity", "operations", "presence", "attacks", "footprint", "footprints",
                  "strongholds", "fighters", "cells", "networks", "network"}


_claim = RawClaim.maker("relations")


def _actor_subjects(verb: Token, labels: set[str] = ACTORS) -> list[Token]:
    return [s for s in subjects(verb, labels | {"PERSON"}) if s.ent_type_ in labels]


def _passive(verb: Token) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ in {"acl", "amod"}) or _fronted_participle(verb)


def _fronted_participle(verb: Token) -> bool:
    """ "Founded in 1982, Hezbollah was ...": a participle before the clause whose subject it describes."""
    return verb.tag_ == "VBN" and verb.dep_ == "advcl" and verb.i < verb.head.i and \
        not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)


def _agents(verb: Token) -> list[Token]:
    return [o for o in prep_objects(verb, {"by"}) if is_entity(o, SIDES)]


def noun_texts(tok: Token) -> list[str]:
    """Objects as short texts: "both Afghan and Pakistani jihadists" -> Afghan jihadists, Pakistani jihadists."""
    mods = [c for c in tok.children if c.dep_ in {"amod", "compound", "nmod"} and c.i < tok.i]
    for m in mods:
        if m.conjuncts:
            return [f"{c.text} {tok.text}" for c in expand(m) if not c.is_punct]
    text = phrase(tok, max_words=8)
    return [text] if text else []


CONFLICT_NOUNS = {"war", "conflict", "fight", "battle", "battles", "clashes", "campaign", "insurgency", "struggle"}


def _objects(tokens: list[Token], labels: set[str], allow_text: bool) -> Iterator[Token | dict]:
    for o in tokens:
        if o.lower_ in {"thousands", "hundreds", "dozens", "scores", "many", "some", "number", "lot"}:
            o = next(iter(prep_objects(o, {"of"})), o)  # "thousands of children"
        if o.lower_ in CONFLICT_NOUNS:  # "fought a civil war with X", "waged a campaign against X"
            yield from _objects(prep_objects(o, {"with", "against"}), labels, allow_text=False)
            continue
        side = loyal_side(o, labels)
        if side is not None:  # "forces loyal to the Fatah movement": Fatah's side
            yield side
            continue
        if o.lower_ in MEMBER_WORDS and not o.ent_type_:
            # "former soldiers in the Congolese army", "defectors from the Taliban"
            # (not "militants in Achin": a town is where they are, not whose they are)
            inner = [e for x in prep_objects(o, {"in", "of", "from"}) for e in [entity(x, labels)]
                     if e is not None and not (is_place(e) and not is_country(e))]
            if inner:
                yield from inner
                continue
        people = o.lower_ in MEMBER_WORDS | MEMBER_HEADS
        ent = owner(o, labels) if people else entity(o, labels) or named_beside(o, labels)
        if ent is not None:
            yield ent
        elif allow_text and o.pos_ in {"NOUN", "PROPN"} and not o.ent_type_ and (o.lower_ not in GENERIC_OBJECTS or (
                o.lower_ in _PEOPLE and any(c.dep_ == "amod" for c in o.children))) and \
                not any(c.dep_ == "nummod" for c in o.children):
            for text in noun_texts(o):
                yield {"text": text}


def dates_under(verb: Token) -> list[Token]:
    out = [c for c in verb.children if c.ent_type_ == "DATE" and (
        c.dep_ in {"npadvmod", "tmod", "advmod", "nummod"} or c.dep_ == "prep" and c.lower_.startswith("between "))]
    for p in verb.children:
        if p.dep_ == "prep" and p.lower_ in {"in", "on", "during", "since", "by", "around"}:
            out += [o for o in p.children if o.dep_ == "pobj" and o.ent_type_ == "DATE"]
    return out


HOLDING_VERBS = {"have", "maintain", "retain", "establish", "keep", "build", "make"}


def operating_from(verb: Token) -> list[Token]:
    """ "an armed group operating from Mulenge", "operates out of the DRC's eastern region, in South Kivu": the
    places a group works from are its base."""
    if verb.lemma_.lower() != "operate":
        return []
    heads = [p for p in verb.children if p.dep_ == "prep" and p.lower_ == "from"]
    heads += [p for o in verb.children if o.lower_ == "out" and o.dep_ in {"prep", "prt", "advmod"}
              for p in [o, *o.children] if p.lower_ in {"of", "out"}]
    if heads:  # "out of the DRC's eastern region, in South Kivu province": the region said more closely
        heads += [p for p in verb.children if p.dep_ == "prep" and p.lower_ == "in" and p.i > heads[0].i
                  and p.nbor(-1).text == ","]
    out = [x for p in heads for o in p.children if o.dep_ == "pobj" for x in places_in(o)]
    # "operating from its bases in Yemen's tribal regions": where the bases are
    out += [x for p in heads for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in nouns("base")
            for x in places_below(o, {"in", "inside", "across"})]
    for p in heads:  # "from within the São Paulo state penitentiary system"
        out += [x for w in p.children if w.dep_ == "pcomp" for o in w.children if o.dep_ == "pobj"
                for x in places_in(o)]
    return out


def based_in(verb: Token) -> Iterator[RawClaim]:
    worked_from = operating_from(verb)
    for s in _actor_subjects(verb) if worked_from else []:
        for p in worked_from:
            yield _claim(s, "based_in", p, verb, "operating_from", 0.65)
    set_up = verb.lemma_.lower() == "set" and any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)
    if verb.lemma_.lower() not in verb_lemmas("based_in") | HOLDING_VERBS \
            and verb.lower_ != "based" and not set_up:  # "set up camp in the Rwenzori mountains"
        return
    # "has bases in", "has made its base in"
    holding = verb.lemma_ in HOLDING_VERBS | {"set", "run", "operate"}
    places = [] if holding else [p for o in prep_objects(verb, {"in", "at", "near", "across", "along", "inside", "out"})
                                 for p in places_in(o)]
    if holding:
        # "Boko Haram has bases in the Sambisa Forest"
        for o in verb.children:
            if o.dep_ == "dobj" and o.lemma_.lower() in nouns("base") | {"camp", "hideout", "headquarters"}:
                places += [p for x in prep_objects(o, {"in", "near", "at"}) + prep_objects(verb, {"in", "near", "at"})
                           for p in places_in(x)]
    # "Pakistan-based militant group X"
    places += [c for c in verb.children if c.dep_ in {"npadvmod", "compound", "advmod", "nmod"} and is_place(c)]
    subj = _actor_subjects(verb)
    if not subj and verb.dep_ == "prep" and verb.i == verb.sent.start:
        subj = _actor_subjects(verb.head)
    if not subj and verb.dep_ in {"amod", "acl"}:
        head = verb.head
        subj = [e for e in [owner(head, ACTORS)] if e is not None]
        if not subj:
            subj = [c for c in head.children if c.dep_ in {"appos", "compound"} and c.ent_type_ in ACTORS]
    for s in subj:
        for p in places:
            yield _claim(s, "based_in", p, verb, "based_in", 0.75)


TALLY_VERBS = {"kill", "abduct", "kidnap", "massacre", "displace", "target", "bomb", "murder"}


_ASSAULTS = {"attack", "assault", "raid", "incursion", "offensive", "strike", "bombing"}
_CONFINING_VERBS = {"confine", "concentrate", "limit", "restrict", "center", "centre", "focus", "centralize"}
_AREA_WORDS = {"area", "areas", "zone", "zones", "theatre", "theater"}
_BULK = {"bulk", "most", "majority"}


def _activity_named(noun: Token) -> bool:
    """ "its operations", "its area of activity (and influence)": words that name where a group acts."""
    return noun.lower_ in ACTIVITY_NOUNS or noun.lower_ in _AREA_WORDS and any(
        o.lower_ in ACTIVITY_NOUNS | {"influence", "operation"} for o in prep_objects(noun, {"of"}))


_ACCUSING = {"accuse", "blame", "suspect", "charge", "implicate"}
# words between "responsible for" / "accused of" and the attacks themselves
_ON_THE_WAY = {"number", "series", "string", "spate", "wave", "dozens", "scores", "hundreds", "responsibility",
               "involvement", "role", "part", "participation"}
_UNDONE = {"planning", "plotting", "planned", "plotted", "plans", "plots", "foiled", "thwarted", "attempted"}


def _answerable_for(verb: Token) -> list[Token]:
    """The campaign a group "is responsible for" ("a number of attacks", "a series of bombings") or is accused of
    ("is accused of dozens of attacks in Indonesia", "blamed for the attacks against Peul villagers")."""
    starts = [o for adj in verb.children if adj.dep_ == "acomp" and adj.lower_ == "responsible"
              for o in prep_objects(adj, {"for"})]
    if verb.lemma_.lower() in _ACCUSING and any(c.dep_ == "nsubjpass" for c in verb.children):
        starts += prep_objects(verb, {"of", "for"})
        # ("..., as well as involvement in bombings in X, and of planning attacks in Y": the parser's conjuncts)
        starts += [o for c in verb.children if c.dep_ == "conj" and c.lower_ in {"of", "for"}
                   for o in c.children if o.dep_ == "pobj"]
        starts += [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "NOUN"]
    out = []
    for o in starts:
        way = [o]  # ("scores of kidnappings in Sabah": the place may hang on any word on the way)
        while way[-1].lower_ in _ON_THE_WAY and len(way) < 4:
            way.append(next(iter(prep_objects(way[-1], {"of", "for", "in"})), way[-1]))
        if way[-1].lower_ in CAMPAIGN_NOUNS and not any(c.lower_ in _UNDONE for c in way[-1].children):
            out += dict.fromkeys(way)  # (not "planning attacks on targets in Singapore": no attack there yet)
    return out


def active_in(verb: Token) -> Iterator[RawClaim]:
    lemma = verb.lemma_.lower()
    if lemma == "base" or verb.lower_ == "based":
        return
    objects = [o for o in verb.children if o.dep_ == "dobj"]
    if lemma in verb_lemmas("active_in") or lemma in CONTROL_VERBS:
        holders = [verb] + objects
    elif any(o.lower_ in CAMPAIGN_NOUNS for o in objects) and verb.lower_ not in _UNDONE | {"plan", "plot"}:
        # "spearheaded an insurgency in Cabo Delgado", "increased its area of operation across North Kivu",
        # "took control of the city of Goma": whatever the verb, the group's campaign or control is there
        holders = [o for o in objects if o.lower_ in CAMPAIGN_NOUNS]
        holders += [p for o in holders if o.lower_ in {"area", "areas", "control"} for p in prep_objects(o, {"of"})]
        holders += [verb] + ([o for o in holders if o.lower_ == "control"])
    elif lemma in {"have", "maintain", "retain", "keep", "build", "expand"}:
        holders = [o for o in objects if o.lower_ in ACTIVITY_NOUNS | {
            "footprints", "foothold", "footholds", "influence"}]
        if not holders:
            return
        holders.append(verb)
    elif lemma in TALLY_VERBS and tally_over_time(verb):
        holders = [verb]  # "has killed more than 1,200 civilians in the Beni area since 2017"
    elif lemma in TALLY_VERBS | {"attack", "raid"} and any(
            c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS for c in verb.children):
        holders = [verb] + objects  # "a group which frequently targets Iranian security forces in Sistan"
    elif lemma in _CONFINING_VERBS and any(_activity_named(s) or s.ent_type_ in GROUP_LABELS or s.lower_ in _BULK
                                           for s in verb.children if s.dep_ in {"nsubjpass", "nsubj"}):
        # "its operations are concentrated in southern Somalia", "its area of activity is X", "the bulk of the
        # faction is concentrated in Gondar"
        holders = [verb]
    elif (lemma in {"be", "become", "remain"} or lemma in _ACCUSING) and (answerable := _answerable_for(verb)):
        # "is believed to have been responsible for a number of attacks in the northwest of Northern Ireland"
        holders = answerable
    elif lemma in {"be", "become", "remain"} or verb.lower_ == "active":
        subj_nouns = [c for c in verb.children if c.dep_ == "nsubj"]
        acomp = [c for c in verb.children if c.dep_ == "acomp" and c.lower_ in PRESENCE_ADJECTIVES]
        if verb.lower_ != "active" and not acomp and not any(
                s.lower_ in ACTIVITY_NOUNS or any(p.dep_ == "pobj" and p.lower_ in ACTIVITY_NOUNS
                                                  for q in s.children for p in q.children) for s in subj_nouns):
            return
        holders = acomp + [verb]
    else:
        return
    preps = {"in", "across", "throughout", "into", "inside", "to", "within", "along", "around"}
    # "launched an attack from Gaza into Israel": an attack goes from where the group is into what it hits
    assaults = {h for h in holders if h.lemma_.lower() in _ASSAULTS}
    places = [p for h in holders for p in places_below(h, preps - {"into", "to"} if h in assaults else preps)]
    places += [p for h in assaults for p in places_below(h, {"from"})]
    if places:  # "operates in areas of X, Y, and the Bekaa Valley": a list's last place the parser hung on the verb
        places += [c for c in verb.children if c.dep_ == "conj" and is_place(c) and c.i > places[-1].i]
    if lemma in CONTROL_VERBS:  # "has run the Gaza Strip since 2007", "controls much of Mogadishu"
        places += [p for o in direct_objects(verb) for p in places_in(o)]
    if verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children) and (
            lemma in verb_lemmas("active_in") or lemma in CONTROL_VERBS and not objects):
        # "Idlib, Syria's last rebel bastion, where HTS holds sway": the place the clause describes
        described = verb.head.head if verb.head.dep_ == "appos" and not is_place(verb.head) else verb.head
        places += places_in(described)
        # "tried to overrun El Fasher": a place the parser did not take for the object
        places += [c for c in verb.children if c.dep_ in {"advmod", "npadvmod", "oprd"} and is_place(c)]
    # "took control of the city of Goma", "seized control of Hodeidah"
    places += [p for o in objects if o.lower_ == "control" for x in prep_objects(o, {"of"}) for p in places_in(x)]
    # ("the bulk of the faction is concentrated in X": the faction)
    fronted = verb.lower_ == "active" and verb.dep_ == "advcl"  # "Active in Mali, the group has ..."
    actors = _actor_subjects(verb) or fronted and _actor_subjects(verb.head) or [
        g for b in verb.children if b.dep_ in {"nsubj", "nsubjpass"} and b.lower_ in _BULK
        for o in prep_objects(b, {"of"}) for g in [owner(o, ACTORS)] if g is not None]
    base = {p.i for p in operating_from(verb)}
    for s in actors:
        for p in places:
            if p.i not in base:
                yield _claim(s, "active_in", p, verb, "active_in", 0.6)


_REMNANT_NOUNS = {"remnants", "remains", "ashes", "ranks", "members", "fighters", "splinters", "factions", "wing"}


def _born_as(verb: Token) -> bool:
    """ "began as a dissidence of Los Choneros", "started as a self-defence militia": what a group was born as."""
    kinds = words("group_nouns") | nouns("part_of") | nouns("split_from")
    return any(o.lemma_.lower() in kinds or o.lower_ in kinds for o in prep_objects(verb, {"as"}))


def _opening_subject(noun: Token) -> Token | None:
    """ "Palestinian Islamic Jihad, the militant group Israel says is the target of ..., is an Iran-backed group founded
    in 1981": the group the sentence opens on, when the parser left the copula whose predicate the noun is with no
    subject."""
    copula = noun.head
    if noun.dep_ != "attr" or copula.lemma_ != "be" or any(c.dep_ in {"nsubj", "nsubjpass"} for c in copula.children):
        return None
    first = noun.sent[0]
    return entity(first, ACTORS) if first.ent_type_ in ACTORS and first.i + 1 < len(first.doc) and \
        first.doc[first.i + 1].text == "," else None


def _designation(verb: Token) -> bool:
    """ "it was declared a terrorist organisation by the US in 2000", "the court declared X a terrorist organisation",
    "declared the group as a terrorist organisation": what a declaring verb makes of a group, not a founding."""
    def as_what(tok: Token) -> bool:
        return any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children)

    return as_what(verb) or any(c.dep_ in {"oprd", "attr"} or c.dep_ == "dobj" and (
        as_what(c) or any(a.dep_ in {"appos", "oprd"} for a in c.children)) for c in verb.children)


def founded(verb: Token) -> Iterator[RawClaim]:
    lemma = verb.lemma_.lower()
    # "came into existence in 2019", "came into being": born, whatever the verb
    born = lemma == "come" and any(o.lower_ in {"existence", "being"} for o in prep_objects(verb, {"into"})) or \
        lemma in {"appear", "surface"} and any(c.lower_ == "first" for c in verb.children) or \
        lemma in {"begin", "start"} and _born_as(verb)  # "first appeared in 2003"; "began as a splinter of X"
    if lemma not in verb_lemmas("founded") and not born:
        return
    if lemma == "set" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
        return
    if lemma in {"declare", "announce"} and _designation(verb):
        return
    # ("the group started in about 2015"; not "started attacking convoys in 2015")
    began = lemma in {"start", "begin"} and not any(c.dep_ in {"xcomp", "ccomp"} for c in verb.children)
    intransitive = (born or began or lemma in {"emerge", "form"}) and not any(c.dep_ == "dobj" for c in verb.children)
    # ("Islamic Jihad's armed wing, known as the Al-Quds Brigade, was founded": the wing, by its name, or none)
    parts = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in PART_WORDS]
    if parts and (_passive(verb) or intransitive):
        groups = [g for c in parts for g in [called(c, ACTORS) or named_beside(c, ACTORS)] if g is not None]
    elif _passive(verb) or intransitive:
        groups = [s for s in subjects(verb, ACTORS | {"ORG"}) if s.ent_type_ in ACTORS]
        if not groups and verb.dep_ in {"acl", "relcl"}:
            groups = [g for g in [owner(verb.head, ACTORS) or _opening_subject(verb.head)] if g is not None]
        if not groups and _fronted_participle(verb):
            groups = [s for s in subjects(verb.head, ACTORS | {"ORG"}) if s.ent_type_ in ACTORS]
    else:  # "formed a dissident group known as the Second Marquetalia": the group by the name it was given
        groups = [g for o in direct_objects(verb) for g in [entity(o, ACTORS) or called(o, ACTORS) or
                                                             named_beside(o, ACTORS)]
                  if g is not None and g.ent_type_ in ACTORS]
        founders = [s for s in subjects(verb, {"PERSON"}) if s.ent_type_ == "PERSON"]
        if founders:  # "A co-founded the group with B": B founded it too
            founders += [p for p in prep_objects(verb, {"with", "alongside"}) if p.ent_type_ == "PERSON"]
        for person in founders:
            for g in groups:
                yield _claim(g, "leader", person, verb, "founded_by", 0.6, role="founder")
    dates = dates_under(verb) or [d for d in verb.subtree if d.ent_type_ == "DATE" and d.dep_ == "pobj" and
                                  d.head.lower_ in {"in", "during"} and governing_verb(d) == verb]
    # ("founded in the poor neighbourhoods of Los Angeles in the 1980s": a date the parser hung on the place)
    if lemma in {"begin", "start"}:  # ("began as a dissidence of X in 2019": the date may hang on what it began as)
        dates += [d for o in prep_objects(verb, {"as"}) for d in dates_under(o)]
    for g in groups:
        for d in dates:
            value = parse_date(d.text, verb.doc.user_data.get("published"))
            if value is not None:  # "formed between 2011 and 2012": the first, the span kept as a note
                span = {"note": d.text} if d.lower_.startswith("between ") else {}
                yield _claim(g, "founded", value.literal(), verb, "founded", 0.7, **span)
        for p in _agents(verb) + prep_objects(verb, {"under"}):
            if p.ent_type_ == "PERSON":
                yield _claim(g, "leader", p, verb, "founded_by", 0.65, role="founder")
        # "formed from the remnants of the Holy Spirit Movement", "formed out of X": a group born of another
        for a in prep_objects(verb, {"from"}) + [o for p in verb.children if p.lower_ == "out"
                                                 for o in prep_objects(p, {"of"})]:
            parent = entity(a, ACTORS) or next((entity(o, ACTORS) for o in prep_objects(a, {"of"})
                                                if a.lower_ in _REMNANT_NOUNS), None)
            if parent is not None and not same(parent, g):
                yield _claim(g, "split_from", parent, verb, "founded_from", 0.6)
        # "established by former members of Jundallah": a group born of another
        for a in prep_objects(verb, {"by"}):
            if a.lower_ in MEMBER_WORDS:
                for parent in prep_objects(a, {"of", "from"}):
                    parent = entity(parent, ACTORS | {"ORG"})
                    if parent is not None and not same(parent, g):
                        yield _claim(g, "split_from", parent, verb, "founded_by_members", 0.6)


_CHOOSING_VERBS = {"elect", "appoint", "name", "choose", "select", "install", "designate"}
# "its military leader", "a regional commander", "the deputy leader": one of the group's leaders, not its head
SUB_LEADER = {"military", "deputy", "regional", "local", "field", "spiritual", "senior", "provincial", "district",
              "top", "political", "religious", "operational", "mid-level", "junior", "area", "sector", "unit",
              "rogue", "renegade", "acting",
              # a portfolio: "the operations chief of JI", "its intelligence chief", "the media head"
              "operations", "operation", "security", "intelligence", "finance", "financial", "media", "propaganda",
              "training", "logistics", "recruitment", "explosives", "bomb", "communications", "information",
              "foreign", "external", "internal"}
_RUN_NOUNS = {"activity", "operation", "affair"}


def leader(verb: Token) -> Iterator[RawClaim]:
    lemma = verb.lemma_.lower()
    if lemma == "take":  # "took charge/control/command of the group"
        for o in verb.children:
            if o.dep_ == "dobj" and o.lower_ in {"charge", "control", "command", "helm", "leadership", "reins"}:
                for g in prep_objects(o, {"of"}):
                    g = entity(g, ACTORS)
                    for s in _actor_subjects(verb, {"PERSON"}):
                        if g is not None:
                            yield _claim(g, "leader", s, verb, "took_charge", 0.7)
        return
    if lemma in _CHOOSING_VERBS:  # "Fano factions elected Eskinder Nega as their leader"
        for person in (o for o in direct_objects(verb) if o.ent_type_ == "PERSON"):
            # ("elected X, a journalist, as their leader": "as" may hang anywhere below the person)
            roles = prep_objects(verb, {"as"}) + [n for t in person.subtree for n in prep_objects(t, {"as"})]
            heads = [n for n in roles
                     if n.lemma_.lower() in nouns("leader") and not any(m.lower_ in SUB_LEADER for m in n.children)]
            own = [entity(c, ACTORS) for n in heads for c in n.children if c.dep_ == "poss"]
            for g in [g for g in own if g is not None] or (_actor_subjects(verb, ACTORS) if heads else []):
                yield _claim(g, "leader", person, verb, "chosen_leader", 0.65)
        return
    if lemma not in {"lead", "head", "command", "run", "direct"}:
        return
    band = False  # "a column of ISWAP fighters led by X": X leads a band of the group, as one of its members
    if _passive(verb):
        people = [p for p in _agents(verb) if p.ent_type_ == "PERSON"]
        # ("broke away from the Mahdi Army (JAM), the militia run by X": the group the phrase is set beside)
        aside = named_before_aside(verb.head) if verb.dep_ == "acl" else None
        groups = [aside] if aside is not None and aside.ent_type_ in ACTORS else [
            s for s in subjects(verb, ACTORS | {"ORG"}) if s.ent_type_ in ACTORS | {"ORG"}]
        if verb.dep_ in {"acl", "relcl"}:
            groups = groups or [g for g in [owner(verb.head, ACTORS) or _owner_of_band(verb.head)] if g is not None]
            band = _band(verb.head)
    else:
        people = [s for s in subjects(verb, {"PERSON"}) if s.ent_type_ == "PERSON"]
        objects = direct_objects(verb)
        # "leads the day-to-day activities of the group": whose activities they are
        objects += [g for o in objects if o.lemma_.lower() in _RUN_NOUNS for g in prep_objects(o, {"of"})]
        groups = [g for o in objects for g in [owner(o, ACTORS | {"ORG"})] if g is not None]
        # ("to head the Jaish in the region": its local chief, one of its members)
        band = any(_band(o) or in_an_area(o) for o in objects) or in_an_area(verb)
    for g in groups:
        for p in people:
            if band:
                yield _claim(p, "member_of", g, verb, "leads_band", 0.6)
            else:
                yield _claim(g, "leader", p, verb, "led_by", 0.7)


_AREA_NOUNS = {"region", "area", "province", "district", "state", "city", "town", "valley", "zone", "sector"}


def in_an_area(tok: Token) -> bool:
    """ "the Jaish in the region", "its fighters in Kashmir": a part of the group, where it is."""
    return any(is_place(o) or o.lemma_.lower() in _AREA_NOUNS for o in prep_objects(tok, {"in", "inside"}))


_BAND_NOUNS = {"column", "unit", "cell", "squad", "band", "contingent", "detachment", "convoy", "platoon",
               "battalion", "company", "team", "gang"}


def _owner_of_band(noun: Token) -> Token | None:
    """ "a column of the ISWAP terrorists": whose people the band is."""
    if noun.lower_ not in _BAND_NOUNS:
        return None
    return next((g for o in prep_objects(noun, {"of"}) for g in [owner(o, ACTORS)] if g is not None), None)


def _band(noun: Token) -> bool:
    """ "a column of the ISWAP terrorists", "ISWAP fighters", "a cell": some of a group's people, not the group."""
    if noun.ent_type_:
        return False
    if noun.lower_ in _BAND_NOUNS or noun.lemma_.lower() in _BAND_NOUNS:
        return True
    # "ISWAP fighters led by X" are some of them; "the group has 30,000 fighters, commanded by X" are all of them
    return noun.lower_ in MEMBER_WORDS | MEMBER_HEADS \
        and not any(c.dep_ == "nummod" or c.like_num for c in noun.children) and noun.head.lemma_ != "have"


def _verb_objects(verb: Token, preps: set[str]) -> list[Token]:
    return direct_objects(verb) + prep_objects(verb, preps)


_THREAT_VERBS = {"issue", "make", "send", "deliver", "level", "threaten", "intimidate"}


def threats(verb: Token) -> Iterator[RawClaim]:
    """ "issued threats to journalists", "threatened aid workers": whom a group intimidates it targets."""
    lemma = verb.lemma_.lower()
    if lemma not in _THREAT_VERBS or _passive(verb):
        return
    if lemma in {"threaten", "intimidate"}:
        objects = direct_objects(verb)
    else:
        objects = [o for t in direct_objects(verb) if t.lemma_.lower() == "threat" for o in prep_objects(t, {
            "to", "against"})]
    for s in _actor_subjects(verb, GROUP_LABELS):
        for o in _objects(objects, ACTOR_LABELS | {"COMMUNITY"}, allow_text=False):
            if not same(o, s):
                yield _claim(s, "targets", o, verb, "threats", 0.55)


def targets(verb: Token) -> Iterator[RawClaim]:
    lemma = verb.lemma_.lower()
    if lemma not in verb_lemmas("targets") or _passive(verb) and not _agents(verb):
        return
    if any(c.dep_ == "neg" for c in verb.children):
        return  # "it does not target mosques": a stated policy of restraint names no target
    allow_text = lemma not in {"kill", "murder", "execute", "behead", "strike", "hit"}
    if _passive(verb):
        # ("police, soldiers and Buddhist monks began being attacked by X": the subject of the verb it hangs on)
        hit = [c for c in verb.children if c.dep_ == "nsubjpass"] or (
            [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}] if verb.dep_ == "xcomp" else [])
        for a in _agents(verb):
            for noun in (n for s in hit for n in expand(s)):
                force = force_object(noun)
                if force is not None:
                    yield _claim(a, "targets", force, verb, "targets_force", 0.6)
                    continue
                for o in _objects([noun], SIDES | {"COMMUNITY"}, allow_text):
                    yield _claim(a, "targets", o, verb, "targets", 0.6)
        return
    # "fired missiles at a ship": what is fired is the weapon, where it is aimed the target
    aimed = lemma in {"fire", "shoot"}
    for s in _actor_subjects(verb) or _operation_doers(verb) or _accused_doers(verb):
        # "al-Shabaab targeted Kampala": attacking a place is acting there
        for o in _verb_objects(verb, {"on", "against"}) if not aimed else []:
            # (not "targeting US, Coalition and Afghan forces": a country listed among forces is their side)
            # ("struck coastal areas and the capital Nairobi": a place among places)
            if o.ent_type_ in {"GPE", "LOC"} and (o.dep_ == "dobj" or o.dep_ == "conj" and o.head.dep_ == "dobj") \
                    and lemma not in {"kill", "murder"} and \
                    all(c.ent_type_ in {"GPE", "LOC"} or c.lemma_.lower() in PLACE_NOUNS for c in conjuncts(o)):
                yield _claim(s, "active_in", o, verb, "attacked_place", 0.55)
        objects = prep_objects(verb, {"at", "on", "into"}) if aimed else _verb_objects(verb, {"on", "against"})
        forces = {o.i: force for o in objects if (force := force_object(o)) is not None}
        for force in forces.values():  # "attacked a military convoy": the state's forces, not the words
            yield _claim(s, "targets", force, verb, "targets_force", 0.6)
        objects = [o for o in objects if o.i not in forces]
        for noun in objects:
            if any(c.lower_ == "whose" for c in noun.children):
                continue  # "the countries whose ships the Houthis target": the owner is told elsewhere
            village = places_in(noun) if not noun.ent_type_ and noun.lower_ in PLACE_NOUNS else []
            if village:  # "attacked Buringa village": where the group acts, not its target
                for p in village if lemma not in {"kill", "murder"} else []:
                    yield _claim(s, "active_in", p, verb, "attacked_place", 0.55)
                continue
            for o in _objects([noun], ACTOR_LABELS | {"COMMUNITY"}, allow_text):
                if same(o, s):
                    continue
                yield _claim(s, "targets", o, verb, "targets", 0.6)
                if _rival(noun) and isinstance(o, Token) and o.ent_type_ in ACTORS:
                    yield _claim(s, "opposes", o, verb, "targets.rival", 0.6)  # "attacked its rival faction X"


_FOES = {"rival", "rivals", "enemy", "enemies", "foe", "foes", "adversary", "adversaries", "opponent", "opponents",
         "nemesis"}


def _rival(noun: Token) -> bool:
    """ "its rival faction", "their enemies": the noun names the other side as a foe."""
    return noun.lower_ in _FOES or any(c.dep_ in {"amod", "compound"} and c.lower_ in _FOES for c in noun.children)


def _accused_doers(verb: Token) -> list[Token]:
    """ "accused the RSF of deliberately targeting neighbourhoods": the accused is the doer (the accusation
    sets the claim's modality)."""
    if verb.dep_ != "pcomp" or verb.head.lower_ != "of" or verb.head.head.lemma_.lower() not in {"accuse", "suspect"}:
        return []
    return [e for o in direct_objects(verb.head.head) for e in [entity(o, SIDES)] if e is not None]


def _operation_doers(verb: Token) -> list[Token]:
    """ "As well as attacks targeting police officers, the separatists kidnap ...": the verb hangs on an
    attack noun that no one owns; whoever the clause around that noun is about carries the attacks out."""
    noun = verb.head
    if verb.dep_ != "acl" or noun.lemma_.lower() not in nouns("targets") | {"operation", "raid", "strike"}:
        return []
    v = governing_verb(noun, max_hops=3)
    return _actor_subjects(v) if v.pos_ in {"VERB", "AUX"} else []


_HOSTILITIES = {"action", "actions", "operation", "operations", "offensive", "offensives", "campaign", "war",
                "hostilities", "violence", "insurgency", "struggle", "jihad", "fight", "attacks", "raids"}


def hostilities(verb: Token) -> Iterator[RawClaim]:
    """ "intensified its military actions against the army and the police", "waged war against X": whatever
    the verb, hostilities against a side oppose it."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() in verb_lemmas("opposes"):
        return  # (the opposes rule reads those verbs' own objects)
    hostile = [d for d in verb.children if d.dep_ == "dobj" and d.lower_ in _HOSTILITIES]
    if not hostile:
        return
    # ("a campaign of violence against Shi'ite Hazaras": the "against" of the campaign's own noun)
    hostile += [o for d in hostile for o in prep_objects(d, {"of"})]
    against = [o for d in hostile for o in prep_objects(d, {"against"})] + prep_objects(verb, {"against"})
    sides = _actor_subjects(verb, ACTORS)  # a group's campaign, or the army's operations against one
    for o in (x for a in against for x in expand(a)):
        named = list(_objects([o], SIDES | {"COMMUNITY"}, allow_text=False))  # "AMISOM troops": AMISOM's first
        force = force_object(o) if not named else None
        for s in sides:
            for e in named if force is None else [force]:
                if not same(e, s):  # a people a campaign is waged against is its target, not a side at war
                    pred = "targets" if isinstance(e, Token) and e.ent_type_ == "COMMUNITY" else "opposes"
                    yield _claim(s, pred, e, verb, "hostilities", 0.6)


def opposes(verb: Token) -> Iterator[RawClaim]:
    lemma = verb.lemma_.lower()
    if lemma not in verb_lemmas("opposes") or lemma == "accuse":
        return
    if _passive(verb):
        for a in _agents(verb):
            for s in subjects(verb, SIDES):
                yield _claim(a, "opposes", s, verb, "opposes", 0.6)
        return
    sides = _actor_subjects(verb)
    others = list(_objects(_verb_objects(verb, {"with", "against"}), SIDES, allow_text=False))
    for s in sides:
        for o in others:
            if not same(o, s):
                yield _claim(s, "opposes", o, verb, "opposes", 0.65)
    if not others and lemma in {"fight", "clash", "battle"}:
        # "the army and the RSF have been fighting a war since 2023": each side fights the other; so do the groups
        # of "the members of A and B clashed"
        sides += [e for s in verb.children if s.dep_ == "nsubj" and s.lower_ in MEMBER_HEADS
                  for o in prep_objects(s, {"of"}) for e in [entity(o, ACTORS)] if e is not None and e not in sides]
        for k, a in enumerate(sides):
            for b in sides[k + 1:]:
                if not same(a, b):
                    yield _claim(a, "opposes", b, verb, "fight_each_other", 0.6)


def linked_to(verb: Token) -> Iterator[RawClaim]:
    lemma = verb.lemma_.lower()
    if lemma in {"fight", "battle", "operate", "serve", "stand"}:
        # "the Fano fighters fought alongside the Ethiopian army": the side it fought with is its ally
        for s in _actor_subjects(verb):
            for o in _objects(prep_objects(verb, {"alongside", "beside"}), SIDES, allow_text=False):
                if not same(o, s):
                    yield _claim(s, "linked_to", o, verb, "fought_alongside", 0.6)
        return
    if lemma not in verb_lemmas("linked_to"):
        return
    if _passive(verb) and _agents(verb):
        subj = subjects(verb, SIDES)
        for a in _agents(verb):
            for s in subj:
                if not same(a, s):
                    yield _claim(s, "linked_to", a, verb, "linked_to", 0.6)
        return
    preps = {"to", "with"}
    objs = prep_objects(verb, preps)
    if lemma in {"support", "back", "sponsor", "fund", "finance", "shelter", "host", "help", "aid", "arm", "train",
                 "bankroll", "protect", "harbor", "harbour"}:
        objs += direct_objects(verb)
    subj = [s for s in subjects(verb, SIDES) if s.ent_type_ in SIDES]
    for s in subj:
        for o in _objects(objs, SIDES, allow_text=False):
            if not same(o, s):
                yield _claim(s, "linked_to", o, verb, "linked_to", 0.6)


LINK_ADJECTIVES = {"close", "allied", "loyal", "linked", "tied", "aligned", "connected", "friendly", "sympathetic"}


SUPPORT_NOUNS = {"funding", "funds", "money", "support", "backing", "weapons", "arms", "training", "aid", "help",
                 "assistance", "financing", "sanctuary", "shelter", "protection", "orders", "instructions"}


def received_support(verb: Token) -> Iterator[RawClaim]:
    """ "Hamas receives funding from Qatar", "the group gets weapons from Iran"."""
    if verb.lemma_.lower() not in {"receive", "get", "obtain", "accept", "enjoy", "draw", "take"}:
        return
    goods = [o for o in direct_objects(verb) if o.lower_ in SUPPORT_NOUNS]
    if not goods:
        return
    sources = [s for g in goods for s in prep_objects(g, {"from"})] + prep_objects(verb, {"from"})
    # "from the Islamic State's Central Command": the organisation behind the office counts too
    sources += [c for s in sources for c in s.children if c.dep_ == "poss" and c.ent_type_]
    if all(g.lower_ in _ORDER_NOUNS for g in goods):  # orders from a group put the taker under it (part_of_verbs)
        sources = [s for s in sources if s.ent_type_ not in GROUP_LABELS]
    for s in subjects(verb, SIDES):
        for o in _objects(sources, SIDES, allow_text=False):
            if not same(o, s):
                yield _claim(s, "linked_to", o, verb, "received_support", 0.6)


def emerged_from(verb: Token) -> Iterator[RawClaim]:
    """ "ISWAP emerged from a split within Boko Haram", "grew out of the remnants of al-Qaeda", "traces its origins
    to the Janjaweed militias", "has its roots in X"."""
    lemma = verb.lemma_.lower()
    roots = [o for o in direct_objects(verb) if o.lower_ in {"origins", "origin", "roots", "root", "lineage"}]
    if lemma in {"trace", "have"} and roots:
        origins = [o for r in roots for o in prep_objects(r, {"to", "in"})] + prep_objects(verb, {"to", "in"})
    elif lemma in {"emerge", "grow", "spring", "evolve", "arise", "descend"}:
        origins = prep_objects(verb, {"from", "out"}) + [o for p in verb.children if p.dep_ == "prep" and
                                                        p.lower_ == "out" for o in prep_objects(p, {"of"})]
    else:
        return
    parents = []
    for o in origins:
        ent = entity(o, ACTORS | {"ORG"})
        if ent is None:  # "a split within X", "the remnants of X"
            ent = next((e for x in prep_objects(o, {"within", "of", "in", "inside"})
                        for e in [entity(x, ACTORS | {"ORG"})] if e is not None), None)
        if ent is not None:
            parents.append(ent)
    for s in _actor_subjects(verb):
        for p in parents:
            if not same(p, s):
                yield _claim(s, "split_from", p, verb, "emerged_from", 0.6)


def linked_adjectives(verb: Token) -> Iterator[RawClaim]:
    """ "Hezbollah is close to Hamas", "a militia loyal to the government"."""
    if verb.lemma_ != "be":
        return
    for adj in verb.children:
        if adj.dep_ == "acomp" and adj.lower_ in LINK_ADJECTIVES:
            objs = prep_objects(adj, {"to", "with"}) + prep_objects(verb, {"to", "with"})
            for s in subjects(verb, SIDES):
                for o in _objects(objs, SIDES, allow_text=False):
                    if not same(o, s):
                        yield _claim(s, "linked_to", o, adj, "close_to", 0.6)


_SCHOOL_NOUNS = {"school", "strand", "interpretation", "version", "doctrine", "ideology", "creed", "tradition",
                 "brand", "branch"}


def creed_ties(verb: Token) -> Iterator[RawClaim]:
    """ "The group is aligned with the Takfiri Deobandi school of Islam", "adheres to a strict interpretation of
    Islam": a school of thought a group is tied to is its ideology, not an ally."""
    lemma = verb.lemma_.lower()
    if lemma not in {"align", "adhere", "subscribe", "belong", "associate"} | LINK_ADJECTIVES:
        return
    schools = [o for o in prep_objects(verb, {"with", "to"}) if o.lemma_.lower() in _SCHOOL_NOUNS and not o.ent_type_
               and any(c.dep_ in {"amod", "compound"} for c in o.children)]
    holder = verb.head if verb.dep_ == "acomp" else verb
    for g in _actor_subjects(holder, GROUP_LABELS) if schools else []:
        for o in schools:
            text = phrase(o, max_words=8)
            if text:
                yield _claim(g, "ideology", {"text": text}, o, "creed_tie", 0.6)


_DEAL_WORDS = {"agreement", "accord", "accords", "treaty", "ceasefire", "deal", "talks", "process", "pact", "truce"}
_OATH_NOUNS = {"allegiance", "loyalty", "fealty", "bayat", "bay'ah", "baya"}


_HOLDING_VERBS = {"include", "encompass", "incorporate", "unite", "embrace"}
COALITION_NOUNS = {"coalition", "alliance", "umbrella", "merger", "grouping", "federation", "confederation"}


_ORDER_NOUNS = {"orders", "order", "instructions", "directions", "commands"}


def _is_command(tok: Token) -> bool:
    """ "the Western Coordinated Command", "the Northern Bloc": a rebel command the NER calls an organisation."""
    return tok.text.split()[-1].lower() in {"command", "bloc", "front", "brigade", "wing"}


_COVER_NOUNS = {"umbrella", "banner", "auspices", "flag", "command", "aegis"}


def part_of_verbs(verb: Token) -> Iterator[RawClaim]:
    lemma = verb.lemma_.lower()
    if lemma in _HOLDING_VERBS:  # "the Islamic Resistance in Iraq, a group that includes Kataib Hezbollah"
        members = [c for o in direct_objects(verb) for c in conjuncts(o) if c.ent_type_ in GROUP_LABELS]
        said = [c for c in verb.children if c.dep_ == "nsubj"]
        if not all(c.ent_type_ in GROUP_LABELS or c.lower_ in {"it", "that", "which"} or
                   c.lemma_.lower() in words("group_nouns") | COALITION_NOUNS for c in said):
            return  # "its targets include the Taliban": not what the group holds
        for s in _actor_subjects(verb, GROUP_LABELS):
            for m in members:
                if not same(m, s):
                    yield _claim(m, "part_of", s, verb, "includes", 0.6)
        return
    # "declared allegiance to al-Qaeda", "swore loyalty to": whatever the verb, the oath makes the affiliation
    oath = any(o.lower_ in _OATH_NOUNS for o in direct_objects(verb))
    # "which takes orders from the Estado Mayor Central", "falls under the Western Command", "a militia operating
    # under the PMF": a chain of command
    command = lemma == "take" and any(o.lower_ in _ORDER_NOUNS for o in direct_objects(verb)) or \
        lemma in {"fall", "operate", "serve", "fight"} and bool(prep_objects(verb, {"under"}))
    if command:
        objs = prep_objects(verb, {"from", "under"}) + [o for d in direct_objects(verb)
                                                        for o in prep_objects(d, {"from"})]
        # ("under the Taliban umbrella", "under the banner of the FSA": the group whose cover it is)
        objs += [g for o in objs if o.lower_ in _COVER_NOUNS for g in
                 [c for c in o.children if c.dep_ in {"compound", "poss", "nmod"}] + prep_objects(o, {"of"})]
        objs = [o for o in objs if o.ent_type_ in GROUP_LABELS or o.ent_type_ == "ORG" and _is_command(o)]
        for s in subjects(verb, GROUP_LABELS):
            for o in (o for o in objs if not same(o, s)):
                yield _claim(s, "part_of", o, verb, "chain_of_command", 0.6)
        return
    if lemma not in verb_lemmas("part_of") | verb_lemmas("member_of") and not oath:
        return
    # (not "joined Myanmar's Nationwide Ceasefire Agreement": a deal signed is no body joined)
    objs = [name_after(o, ACTORS) or o for o in prep_objects(verb, {"with", "to"}) + direct_objects(verb)]
    objs = [o for o in objs if o.ent_type_ in ACTORS | {"ORG"} and o.text.split()[-1].lower() not in _DEAL_WORDS]
    if lemma in {"pledge", "swear"} or oath:
        objs = [o for d in direct_objects(verb) for o in prep_objects(d, {"to"})] + prep_objects(verb, {"to"})
        objs = [o for o in objs if o.ent_type_ in ACTORS]
    # "AA members may have joined the MNDAA in the attacks": fought beside it, not joined its ranks
    alongside = lemma == "join" and any(o.lemma_.lower() in CAMPAIGN_NOUNS | _FIGHT_NOUNS or o.lower_ in
                                        CAMPAIGN_NOUNS for o in prep_objects(verb, {"in"}))
    said = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if said and all(c.lower_ in MEMBER_HEADS and not c.ent_type_ and not any(
            m.ent_type_ or m.dep_ == "poss" for m in c.children if m.dep_ in {"compound", "poss", "nmod", "amod"})
            for c in said):  # (but "its fighters are affiliated with X": the group is)
        return  # "the fighters were affiliated with Hurras al-Din": men of that group, whoever "the fighters" were
    joiners = subjects(verb, ACTORS | {"PERSON", "ORG"})
    if any(s.ent_type_ in GROUP_LABELS for s in joiners):
        joiners = [s for s in joiners if s.ent_type_ != "PERSON"]  # "X and his movement joined": the movement
    for s in joiners:
        for o in objs:
            if same(o, s):
                continue
            if alongside:
                yield _claim(s, "linked_to", o, verb, "fought_alongside", 0.55)
                continue
            pred = "member_of" if s.ent_type_ == "PERSON" else "part_of"
            yield _claim(s, pred, o, verb, "joined" if pred == "member_of" else "affiliated", 0.6)


_FIGHT_NOUNS = {"attack", "assault", "offensive", "fighting", "fight", "battle", "raid", "operation", "war"}


def split_from(verb: Token) -> Iterator[RawClaim]:
    lemma = verb.lemma_.lower()
    if lemma not in verb_lemmas("split_from"):
        return
    objs = prep_objects(verb, {"from", "with"}) + [o for p in verb.children if p.dep_ in {"prt", "advmod"}
                                                    for o in prep_objects(p, {"from"})]
    for s in _actor_subjects(verb, ACTORS | {"PERSON"}):
        parents = [o for o in objs if o.ent_type_ in ACTORS]
        for o in parents:
            pred = "split_from" if s.ent_type_ in ACTORS else "member_of"
            yield _claim(s, pred, o, verb, "split", 0.6, former=pred == "member_of")
        if parents and s.ent_type_ in ACTORS and lemma != "defect" and \
                not any(p.dep_ == "prep" and p.lower_ == "with" for p in verb.children):
            # "a faction that split from Boko Haram in 2012": the splinter was born then ("broke with" is no birth)
            for d in dates_under(verb):
                value = parse_date(d.text, verb.doc.user_data.get("published"))
                if value is not None:
                    yield _claim(s, "founded", value.literal(), verb, "split_date", 0.6)


MEMBER_WORDS = {"members", "fighters", "militants", "commanders", "defectors", "soldiers", "troops", "veterans",
                "officers", "elements", "remnants", "ranks", "cadres", "loyalists", "personnel", "agents"}
COMPOSED = {"consist", "comprise", "compose", "make", "draw", "form", "dominate", "staff"}


RANK_AND_FILE = MEMBER_WORDS | {"rank", "recruits", "leaders", "leadership"}
FORMER = {"former", "ex", "erstwhile", "disaffected", "defected", "breakaway", "renegade"}
LED_BY = {"lead", "command", "found", "head", "run"}
_MIXES = {"mix", "mixture", "combination", "blend", "majority", "core", "cadre"}


def _ranks_owner(subj: Token) -> Token | None:
    """ "its fighters", "most of its members", "its rank and file": the group whose ranks a copula describes."""
    ranks = next(iter(prep_objects(subj, {"of"})), None) if subj.lower_ in {"most", "many", "majority", "bulk",
                                                                             "some", "much"} else subj
    if ranks is None or ranks.lower_ not in RANK_AND_FILE or ranks.ent_type_:
        return None
    group = owner(ranks, ACTORS)
    return group if group is not None and group.ent_type_ in GROUP_LABELS else None


def _former_members(tokens: list[Token]) -> list[Token]:
    """ "a core of former TTP commanders": the members, where they are told as having come from elsewhere."""
    out = []
    for o in tokens:
        if o.lower_ in _MIXES:
            o = next(iter(prep_objects(o, {"of"})), o)
        if o.lower_ in MEMBER_WORDS and any(c.lower_ in FORMER for c in o.children if c.dep_ in {"amod", "compound"}):
            out.append(o)
    return out


def composition(verb: Token) -> Iterator[RawClaim]:
    """ "Most of its fighters are former Taliban", "its rank and file are local Afghans and Pakistanis",
    "led by a core of former TTP commanders": where the group's people come from."""
    lemma = verb.lemma_.lower()
    if lemma == "be":
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        group = _ranks_owner(subj) if subj is not None else None
        if group is None:
            return
        attrs = [a for c in verb.children if c.dep_ == "attr" for a in conjuncts(c)]
        # a plural noun or a name: "foreigners", "former soldiers", "Pashtuns"; not "the main force"
        attrs = [a for a in attrs if a.tag_ in {"NNS", "NNPS"} or a.ent_type_ or a.lower_ in _MIXES]
        attrs = [next(iter(prep_objects(a, {"of"})), a) if a.lower_ in _MIXES else a for a in attrs]
        attrs = [x for a in attrs for x in conjuncts(a)]
    elif lemma in LED_BY and _passive(verb):
        attrs = _former_members(prep_objects(verb, {"by"}))
        group = next(iter(_actor_subjects(verb, GROUP_LABELS)), None)
        if group is None:
            return
    else:
        return
    for o in _objects(attrs, {"ARMED_GROUP", "FORCE", "COMMUNITY", "NORP"}, allow_text=True):
        if not same(o, group):
            yield _claim(group, "recruits_from", o, verb, "composition", 0.55)


_DISSIDENT_WORDS = {"dissidents", "defectors", "splinters", "renegades", "deserters"}


def recruits_from(verb: Token) -> Iterator[RawClaim]:
    """ "recruits Afghan jihadists", "consists largely of defected soldiers", "formed by former soldiers"."""
    lemma = verb.lemma_.lower()
    if lemma in COMPOSED:
        if lemma == "make" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
            return
        if lemma in {"form", "dominate", "staff"} and not _passive(verb):
            return
        preps = {"of", "from"} | ({"by"} if lemma in {"form", "dominate", "staff"} else set())
        objs = prep_objects(verb, preps)
        if lemma in {"form", "dominate", "staff"} and any(o.ent_type_ == "PERSON" for o in objs):
            return  # "formed by Baitullah Mehsud" names a founder, not a recruiting pool
    elif lemma in verb_lemmas("recruits_from"):
        objs = direct_objects(verb) + prep_objects(verb, {"from", "among"})
    else:
        return
    objs += [a for o in objs for a in o.children if a.dep_ == "appos"]
    if lemma in COMPOSED:  # "dominated by militias such as Kataib Hezbollah and Badr": groups it is made of
        listed = {o: list(included(o)) for o in objs if o.lemma_.lower() in words("group_nouns") and not o.ent_type_}
        units = [e for items in listed.values() for i in items for e in [entity(i, GROUP_LABELS)] if e is not None]
        units += [o for o in objs if o.ent_type_ in GROUP_LABELS]
        for s in _actor_subjects(verb) if units else []:
            for u in units:
                if u.lower_ in _DISSIDENT_WORDS:  # "made up of dissidents of the FARC": broken away from it
                    for o in prep_objects(u, {"of", "from"}):
                        origin = entity(o, GROUP_LABELS)
                        if origin is not None and not same(origin, s):
                            yield _claim(s, "split_from", origin, verb, "made_of_dissidents", 0.6)
                elif not same(u, s):
                    yield _claim(u, "part_of", s, verb, "made_of", 0.6)
        objs = [o for o in objs if o.ent_type_ not in GROUP_LABELS and not listed.get(o)]
    # ("consist of several dozen members, mostly young men": the count is its size; the men are the pool)
    objs = [o for o in objs if not (o.lower_ in MEMBER_WORDS and any(
        c.ent_type_ == "CARDINAL" for c in o.children) and not any(
        c.dep_ == "amod" and c.ent_type_ != "CARDINAL" for c in o.children))]
    for s in _actor_subjects(verb):
        for o in _objects(objs, ACTOR_LABELS | {"COMMUNITY", "NORP"}, allow_text=True):
            if not same(o, s):
                yield _claim(s, "recruits_from", _who_exactly(o, objs), verb, "recruits", 0.6)


def _who_exactly(obj: Token | dict, objs: list[Token]) -> Token | dict:
    """ "individuals who were mistreated by the government": a pool of people a bare noun leaves unsaid, with the
    relative clause that says who."""
    if not isinstance(obj, dict):
        return obj
    for o in objs:
        clause = next((c for c in o.children if c.dep_ == "relcl"), None)
        if o.text == obj["text"] and clause is not None:
            end = max(t.i for t in clause.subtree) + 1
            text = o.doc[o.i:end].text
            return {"text": text} if len(text.split()) <= 14 else obj
    return obj


GOAL_VERBS = {"seek", "want", "aim", "strive", "endorse", "espouse", "advocate", "adhere", "follow", "preach",
              "promote", "demand", "envision", "pursue", "champion", "embrace"}
GOAL_NOUNS = {"goal", "goals", "aim", "aims", "objective", "objectives", "agenda", "mission", "ambition"}
_CREED_NOUNS = {"ideology", "principle", "doctrine", "belief", "creed", "platform"}
_VIEW_NOUNS = {"view", "belief", "ideology", "outlook", "worldview"}
_LISTED_VIEWS = {"view", "outlook", "worldview"}  # ("radical, anti-Christian, and anti-Western views")
_TRADE_NOUNS = {"activity", "business", "crime", "trade", "trafficking", "smuggling"}
_DEVOTION = {"devote", "devoted", "dedicate", "dedicated", "commit", "committed"}  # (the tagger may read an adjective)
HOSTILE_NOUNS = {"destruction", "defeat", "overthrow", "downfall", "elimination", "annihilation", "ouster", "removal"}
HOSTILE = {"overthrow", "topple", "unseat", "depose", "destroy", "fight", "attack", "kill", "defeat", "oust", "expel",
           "drive", "target"}
_RULE_NOUNS = {"regime", "government", "rule", "administration", "junta"}
_HOSTILE_PHRASAL = {("take", "down"), ("take", "out"), ("wipe", "out"), ("bring", "down"), ("drive", "out")}


def hostile(verb: Token) -> bool:
    """ "to overthrow", "to topple"; "to take down X", "to wipe out X": an aim against someone."""
    lemma = verb.lemma_.lower()
    return lemma in HOSTILE or any(c.dep_ == "prt" and (lemma, c.lower_) in _HOSTILE_PHRASAL for c in verb.children)


def _goal_phrases(head: Token) -> Iterator[tuple[Token, str]]:
    """ "to enforce Shariah law and establish a caliphate" -> each verb phrase; "autonomy for X" -> the noun."""
    if head.pos_ == "VERB":
        for v in conjuncts(head):
            if v.lemma_.lower() in {"fight", "struggle", "battle"} and prep_objects(v, {"for"}):
                for o in prep_objects(v, {"for"}):  # "to fight for Kashmir's secession from India": the cause
                    text = phrase(o, max_words=10)
                    if text:
                        yield o, text
                continue
            # "to overthrow the government" is opposition, told by other rules ("fighting oppression" is an aim);
            # "does not" no goal
            against = hostile(v) and (not direct_objects(v) or any(
                entity(o, SIDES) is not None or force_object(o) is not None or o.lower_ in _RULE_NOUNS
                for o in direct_objects(v)))
            if against or any(c.dep_ == "neg" for c in v.children):
                continue
            text = phrase(v, max_words=12, drop_det=False)
            if not text:  # too long with its verb: what it wants to establish, enforce, create
                rest = phrase(v, max_words=16).split()
                rest = rest[rest.index(v.text) + 1:] if v.text in rest else []
                text = " ".join(rest[1:] if rest and rest[0].lower() in {"a", "an", "the"} else rest)
                text = text if len(text.split()) <= 12 else ""
            text = text.removeprefix("to ")
            if text and len(text.split()) >= 2:
                yield v, text
    elif head.pos_ in {"NOUN", "PROPN"} and not head.ent_type_:
        parts = conjuncts(head)
        whole = head.doc[head.left_edge.i:max(p.right_edge.i for p in parts) + 1]
        words_ = [t for t in whole if not (t.i == whole.start and t.dep_ == "det")]
        if len(parts) > 1 and len(words_) <= 8 and not any(t.text in {",", ";", "-", "–", "("} for t in words_):
            # "autonomy and cultural rights for Kurds": one aim, told as a whole
            yield head, "".join(t.text_with_ws for t in words_).strip()
            return
        for n in parts:
            text = phrase(n, max_words=10) or _head_and_first_tail(n, max_words=10)
            if text:
                yield n, text


def _head_and_first_tail(noun: Token, max_words: int) -> str:
    """ "self-determination for the Karen people [in a region of about 1.6 million people]": a phrase too long
    whole, cut after the first prepositional object."""
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.i > noun.i), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if obj is None:
        return ""
    start = min([noun.i] + [t.i for c in noun.children if c.i < noun.i and c.dep_ != "det" for t in c.subtree])
    words = noun.doc[start:obj.i + 1]
    return words.text if len(words) <= max_words else ""


def _overthrown(verb: Token) -> list[Token]:
    """Whom a hostile aim is against: "to overthrow the regime of President X", "to topple X's government"."""
    out = []
    for v in conjuncts(verb) if verb.pos_ == "VERB" else []:
        if not hostile(v):
            continue
        for o in direct_objects(v):
            held = [o] if o.lower_ not in _RULE_NOUNS else _whose(o)
            out += [e for x in held for e in [entity(x, SIDES)] if e is not None]
    return out


def _whose(noun: Token) -> list[Token]:
    """Who a noun belongs to: "Israel's destruction", "the regime of President X", "the Burundi government"."""
    return [c for c in noun.children if c.dep_ in {"poss", "compound"}] + prep_objects(noun, {"of"})


def goals(verb: Token) -> Iterator[RawClaim]:
    """What a group wants, as its professed ideology: "seeks to establish an Islamic caliphate",
    "wants autonomy for Rakhine State", "its goal is to implement Sharia law"."""
    lemma = verb.lemma_.lower()
    heads: list[Token] = []
    if any(c.dep_ == "mark" and c.lower_ in {"if", "unless", "whether"} for c in verb.children):
        return  # "if the ELN really want peace": a condition, not what it wants
    if lemma in GOAL_VERBS:
        heads = [c for c in verb.children if c.dep_ in {"xcomp", "dobj"}]
        # ("For Mehrtens release, the TPNPB is demanding ...": what the demand is for, fronted, is no aim)
        heads += [o for p in verb.children if p.dep_ == "prep" and p.lower_ in {"to", "for"} and p.i > verb.i
                  for o in p.children if o.dep_ == "pobj"]
        # "demanding negotiations with Indonesia to gain independence for West Papua": the end, not the means
        purpose = [c for c in verb.children if c.dep_ == "advcl" and c.pos_ == "VERB" and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
        heads = purpose or heads
        groups = _actor_subjects(verb, GROUP_LABELS)
    elif lemma in {"hold", "share", "harbour", "harbor"} and any(
            c.dep_ == "dobj" and c.lemma_.lower() in _VIEW_NOUNS for c in verb.children):
        heads = [c for c in verb.children if c.dep_ == "dobj"]  # "they hold radical, anti-Western views"
        groups = _actor_subjects(verb, GROUP_LABELS)
    elif lemma in {"claim", "profess", "purport", "vow", "promise"} and any(c.dep_ == "xcomp" for c in verb.children):
        # "claims to defend the interests of Lendu farmers"; not "claims to have taken Goma" (a deed, no aim), nor
        # "claims to have ties to al-Qaeda" (a state)
        heads = [c for c in verb.children if c.dep_ == "xcomp" and c.lemma_ not in {"have", "be"} and not any(
            a.dep_ == "aux" and a.lemma_ == "have" for a in c.children)]
        groups = _actor_subjects(verb, GROUP_LABELS)
    elif lemma in _DEVOTION and (any(c.dep_ == "auxpass" for c in verb.children) or
                                 verb.dep_ == "acomp" and verb.head.lemma_ == "be"):
        # "was devoted to ending Israel's occupation of southern Lebanon" (a passive, or an adjective after "was")
        # (not "dedicated to activities such as illegal mining": what it does for a living, no cause)
        heads = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "to" for o in p.children
                 if o.dep_ in {"pcomp", "pobj"} and o.lemma_.lower() not in _TRADE_NOUNS]
        groups = _actor_subjects(verb if verb.dep_ != "acomp" else verb.head, GROUP_LABELS)
    elif lemma == "stand" and prep_objects(verb, {"for"}):  # "stood for autonomy and cultural rights for Kurds"
        heads = prep_objects(verb, {"for"})
        groups = _actor_subjects(verb, GROUP_LABELS)
    elif lemma in {"found", "base"} and any(o.lemma_.lower() in _CREED_NOUNS for o in prep_objects(verb, {"on"})):
        heads = [o for o in prep_objects(verb, {"on"}) if o.lemma_.lower() in _CREED_NOUNS]
        groups = [s for s in subjects(verb, GROUP_LABELS) if s.ent_type_ in GROUP_LABELS]  # "founded on X ideology"
    elif any(o.lower_ in GOAL_NOUNS for o in prep_objects(verb, {"with"})):
        # "TRF emerged in 2019 with the aim to fight for Kashmir's secession"
        heads = [c for o in prep_objects(verb, {"with"}) if o.lower_ in GOAL_NOUNS for c in o.children
                 if c.dep_ in {"acl", "xcomp", "relcl"} and c.pos_ == "VERB"]
        # "with the purported goal of fighting oppression"
        heads += [c for o in prep_objects(verb, {"with"}) if o.lower_ in GOAL_NOUNS for p in o.children
                  if p.dep_ == "prep" and p.lower_ == "of" for c in p.children if c.dep_ == "pcomp"]
        groups = _actor_subjects(verb, GROUP_LABELS)
    elif lemma == "be" and any(s.lower_ in GOAL_NOUNS for s in verb.children if s.dep_ == "nsubj"):
        noun = next(s for s in verb.children if s.dep_ == "nsubj")
        heads = [c for c in verb.children if c.dep_ in {"xcomp", "attr", "ccomp"}]
        groups = [g for g in [owner(noun, GROUP_LABELS)] if g is not None]
    else:
        return
    for g in groups:
        for h in heads:
            if h.pos_ == "NOUN" and h.lemma_.lower() in HOSTILE_NOUNS:  # "seeks Israel's destruction": an enemy
                for o in _whose(h):
                    enemy = entity(o, SIDES)
                    if enemy is not None and not same(enemy, g):
                        yield _claim(g, "opposes", enemy, h, "goal_enemy", 0.6)  # and the aim is still its aim
            for enemy in _overthrown(h):  # "seeking to overthrow the regime of President Touadéra"
                if not same(enemy, g):
                    yield _claim(g, "opposes", enemy, h, "goal_enemy", 0.6)
            if h.dep_ == "conj" and any(h in conjuncts(x) for x in heads if x != h):
                continue  # told with the first of its list
            for trigger, text in _view_phrase(h) if h.lemma_.lower() in _LISTED_VIEWS else _goal_phrases(h):
                yield _claim(g, "ideology", {"text": text}, trigger, "goal", 0.55)


def _view_phrase(noun: Token) -> list[tuple[Token, str]]:
    """ "radical, anti-Christian, and anti-Western views": every adjective of the list, which the parser hangs
    on the noun one by one."""
    mods = [t for c in noun.children if c.dep_ in {"amod", "compound"} and c.i < noun.i for t in c.subtree]
    if not mods:
        return []
    return [(noun, noun.doc[min(t.i for t in mods):noun.i + 1].text)]


def _number_run(first: Token) -> Span:
    """The whole figure a number starts: "8,000-10,000", which the NER may cut after "8,000"."""
    end = first.i + 1
    doc = first.doc
    while end + 1 < len(doc) and doc[end].text in {"-", "–"} and doc[end + 1].like_num and not doc[end].whitespace_:
        end += 2
    return doc[first.i:end]


def size(sent: Span) -> Iterator[RawClaim]:
    """ "numbered about 3,000 fighters", "has an estimated 2,000 members", "its 500 fighters"."""
    from dossier.extract.literals import parse_quantity

    for noun in sent:
        if noun.lemma_.lower() in {"number", "total"} and noun.i > sent.start:
            # "its fighters number between 7,000 and 12,000" (the parser may read "number" as a noun)
            counted = [c for c in noun.children if c.dep_ in {"nsubj", "compound"} and c.lower_ in MEMBER_WORDS]
            group = (owner(counted[0], ACTORS) or owner(noun, ACTORS)) if counted else None
            if group is None:  # "analysts estimate the force numbers about 100,000": the group itself, counted
                # ("the Nujaba Movement numbers 8,000-10,000 operatives", the name read as the noun's modifier)
                group = next((g for c in noun.children if c.dep_ == "nsubj" or c.i == noun.i - 1 and c.dep_ in {
                    "nummod", "compound"} for g in [owner(c, ACTORS)] if g is not None), None)
            nums = [t for t in noun.subtree if t.ent_type_ in {"CARDINAL", "QUANTITY"} and t.i > noun.i]
            q = parse_quantity(_number_run(nums[0]).text) if group is not None and nums else None
            if q is not None:
                yield _claim(group, "size", q.literal(), noun, "number_verb", 0.6)
            if group is not None or noun.lower_ not in STRENGTH_NOUNS:
                continue
        if noun.lower_ in STRENGTH_NOUNS:  # "experts place al-Shabaab's numbers around 3,000"
            # ("placed the strength of the Abu Sayyaf at about 300")
            group = owner(noun, ACTORS) or next((g for o in prep_objects(noun, {"of"})
                                                 for g in [entity(o, GROUP_LABELS)] if g is not None), None)
            if group is None and noun.dep_ == "pobj" and noun.head.lower_ == "with":
                # "With an estimated strength of 8,000 fighters, the KIA operates in ...": the clause's subject
                group = next(iter(_actor_subjects(noun.head.head)), None)
            clause = noun.head.subtree if noun.head != noun else noun.subtree
            nums = [t for t in clause if t.ent_type_ in {"CARDINAL", "QUANTITY"}]
            # ("according to one estimate, its size increased to 300": the figure the strength comes to)
            nums = [t for t in nums if t.i > noun.i] or nums
            q = parse_quantity(nums[0].text) if group is not None and nums else None
            if q is not None:
                yield _claim(group, "size", q.literal(), noun, "strength", 0.6)
            continue
        if noun.lower_ in {"force", "army", "contingent", "strength"}:  # "a force of several thousand"
            nums = [o for o in prep_objects(noun, {"of"}) if o.ent_type_ in {"CARDINAL", "QUANTITY"}]
            verb = noun.head.head if noun.dep_ == "pobj" else noun.head
            group = next(iter(_actor_subjects(verb)), None) if nums else None
            q = parse_quantity(nums[0].text) if group is not None else None
            if q is not None:
                yield _claim(group, "size", q.literal(), noun, "force_of", 0.6)
            continue
        if noun.lower_ not in nouns("size") or noun.is_title and noun.i > sent.start:
            continue  # ("The 400 Mawozo (400 Lame Men) gang": a count inside a name is no strength)
        # ("as few as 200 to 300 troops": the NER took only the first figure; the parser hangs it on the second)
        nums = [c for c in noun.children if c.dep_ in {"nummod", "quantmod", "det", "amod", "advmod", "compound",
                                                       "npadvmod"}  # ("is about 20,000 strong")
                and (c.ent_type_ in {"CARDINAL", "QUANTITY"} or c.dep_ == "nummod" and c.like_num and any(
                    d.ent_type_ == "CARDINAL" for d in c.children))]
        if not nums and noun.dep_ == "pobj" and noun.head.ent_type_ in {"CARDINAL", "QUANTITY"}:
            nums = [noun.head]  # "between 70,000 and 150,000 fighters": a range the parser took for a preposition
        if not nums:
            continue
        if noun.lower_ in {"member", "strong"} and noun.dep_ in {"nmod", "amod", "compound"}:
            # "its 3,800-member armed wing, the NPA", "a 5,000-strong militia": the size of what it describes
            group = owner(noun.head, ACTORS)
            q = parse_quantity(nums[0].text) if group is not None else None
            if q is not None:
                yield _claim(group, "size", q.literal(), noun, "size_modifier", 0.65)
            continue
        verb = noun.head
        while verb.dep_ not in {"ROOT"} and verb.pos_ not in {"VERB", "AUX"}:
            verb = verb.head
        via_with = verb.dep_ == "pcomp" and verb.head.lower_ == "with" or verb.lower_ == "with"
        if via_with:
            verb = verb.head.head if verb.dep_ == "pcomp" else verb.head  # "..., with an estimated 4,700 fighters"
        # "remains the largest armed group with up to 8,000 troops": "with" hung on the verb itself
        via_with = via_with or noun.dep_ == "pobj" and noun.head.lower_ == "with" and noun.head.head == verb \
            and verb.lemma_.lower() in {"be", "remain", "become"}
        if any(a.lemma_.lower() in HARM for a in [verb, *verb.ancestors]) or \
                any(c.lemma_.lower() in HARM for c in noun.children):
            continue
        group = owner(noun, ACTORS)
        sizing = via_with or verb.lemma_.lower() in verb_lemmas("size") | {"be", "estimate"}
        if group is not None and not sizing and not any(c.dep_ == "poss" for c in noun.children):
            continue  # "arrest warrants for 10 ELN members": some of its people, not its strength
        if group is None and sizing:
            group = next(iter(_actor_subjects(verb)), None)
        if group is None and sizing and verb.dep_ == "acl" and verb.head.lower_ in MEMBER_WORDS | words(
                "descriptive_member_nouns"):  # "the group consists of Syrian jihadists, estimated at about 30,000"
            men = verb.head
            group = next(iter(_actor_subjects(men.head.head if men.dep_ == "pobj" else men.head)), None)
        if group is None:
            continue
        num = nums[0]  # (with its own modifiers: "up to 25,000", "as few as 400 to 600")
        q = parse_quantity(num.doc[num.left_edge.i: num.right_edge.i + 1].text)
        if q is None:
            continue
        note = next((f"at its {o.lower_}" for p in verb.children if p.dep_ == "prep" and p.lower_ == "at"
                     for o in p.children if o.lower_ in {"height", "peak", "zenith"}), None)
        as_of = next((d.text for d in dates_under(verb)), None)
        yield _claim(group, "size", q.literal(), noun, "size", 0.7, note=note, as_of=as_of)


CONTROL_NOUNS = {"control", "rule", "occupation", "sway", "grip"}


def _under(sent: Span) -> Iterator[tuple[Token, Token]]:
    """(the "under", its noun) of each "under ..." phrase: "under Houthi control", "under the leadership of X"."""
    for prep in sent:
        if prep.lower_ == "under" and prep.dep_ == "prep":
            yield from ((prep, c) for c in prep.children if c.dep_ == "pobj")


def under_control(sent: Span) -> Iterator[RawClaim]:
    """ "Hodeidah, which is under Houthi control", "towns under the control of al-Shabaab": active there."""
    for prep, ctl in ((p, n) for p, n in _under(sent) if n.lemma_.lower() in CONTROL_NOUNS):
        holders = [c for c in ctl.children if c.dep_ in {"compound", "amod", "poss", "nmod"}]
        groups = [e for h in holders + prep_objects(ctl, {"of"}) for g in expand(h)
                  for e in [entity(g, ACTORS)] if e is not None]
        where = prep.head
        if where.pos_ in {"VERB", "AUX"}:
            where_toks = [c for c in where.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if where.dep_ == "relcl" and all(w.lower_ in {"which", "that"} for w in where_toks):
                where_toks = [where.head]
        else:
            where_toks = [where]
        places = [p for w in where_toks for p in places_in(w)]
        for g in groups:
            for p in places:
                yield _claim(g, "active_in", p, ctl, "under_control", 0.6)


_LEADERSHIP_NOUNS = {"leadership", "command", "stewardship"}


def under_leadership(sent: Span) -> Iterator[RawClaim]:
    """ "the group, now under the leadership of his brother, Abdul-Malik al-Houthi, ...", "the ADF, under Musa
    Baluku's command": the person leads the group the phrase hangs on (or the group doing what it qualifies)."""
    for prep, noun in ((p, n) for p, n in _under(sent) if n.lower_ in _LEADERSHIP_NOUNS):
        named = [c for c in noun.children if c.dep_ == "poss"] + prep_objects(noun, {"of"})
        # ("his brother, X": the name in apposition to the kin word)
        named += [a for n in named if n.ent_type_ != "PERSON" for a in n.children if a.dep_ == "appos"]
        people = [p for n in named for p in expand(n) if p.ent_type_ == "PERSON"]
        # ("serves under the command of the Quds Force": a body commanding the group is its tie, not its leader)
        bodies = [b for n in named for b in expand(n) if b.ent_type_ in ACTORS]
        where = prep.head
        groups = subjects(where, GROUP_LABELS) if where.pos_ in {"VERB", "AUX"} else [owner(where, GROUP_LABELS)]
        for g in (g for g in groups if g is not None and g.ent_type_ in GROUP_LABELS):
            for p in people:
                yield _claim(g, "leader", p, noun, "under_leadership", 0.6)
            for b in bodies:
                if not same(b, g):
                    yield _claim(g, "linked_to", b, noun, "under_command", 0.55)


_FORCE_NOUNS = {"force", "group", "bulwark", "militia", "alliance", "coalition", "front", "army", "partner"}


def force_against(sent: Span) -> Iterator[RawClaim]:
    """ "It has emerged as a key fighting force against IS", "the group is the main bulwark against the Taliban":
    what a group is (or has become) a force against is its enemy."""
    for noun in sent:
        if noun.lemma_.lower() not in _FORCE_NOUNS or noun.ent_type_:
            continue
        enemies = [e for o in prep_objects(noun, {"against"}) for e in [entity(o, SIDES)] if e is not None]
        if not enemies:
            continue
        if noun.dep_ == "attr":
            groups = _actor_subjects(noun.head, GROUP_LABELS)
        elif noun.dep_ == "pobj" and noun.head.lower_ == "as" and noun.head.head.pos_ in {"VERB", "AUX"}:
            groups = _actor_subjects(noun.head.head, GROUP_LABELS)  # "emerged as", "was set up as"
        else:
            groups = []
        for g in groups:
            for e in enemies:
                if not same(e, g):
                    yield _claim(g, "opposes", e, noun, "force_against", 0.6)


def hyphened_sides(sent: Span) -> Iterator[RawClaim]:
    """ "an Israel-Hamas war", "Taliban-ISKP clashes": the two names a hyphen joins on a war word fight each
    other."""
    for tok in sent:
        if tok.text not in {"-", "–"} or tok.whitespace_ or tok.i == 0 or tok.i + 1 >= len(tok.doc):
            continue
        a, b = tok.doc[tok.i - 1], tok.doc[tok.i + 1]
        war = b.head
        if a.whitespace_ or war.lower_ not in CONFLICT_NOUNS | {"fighting", "hostilities", "clash"} or \
                a.head not in {war, b} or a.ent_type_ not in SIDES or b.ent_type_ not in SIDES or same(a, b):
            continue
        if all(t.ent_type_ != "GPE" or is_country(t) for t in (a, b)):  # (not "the Kenya-Somalia border")
            yield _claim(a, "opposes", b, war, "hyphened_sides", 0.6)


def presence(sent: Span) -> Iterator[RawClaim]:
    """ "the presence of armed Hezbollah forces in Southern Lebanon", "al-Shabaab's presence in Puntland"."""
    for noun in sent:
        if noun.lower_ != "presence" or noun.ent_type_:
            continue
        present = prep_objects(noun, {"of"}) + [c for c in noun.children if c.dep_ == "poss"]
        groups = [g for o in present for g in [owner(o, ACTORS)] if g is not None and g.ent_type_ in GROUP_LABELS]
        places = places_below(noun, {"in", "across", "inside", "throughout"})  # (also "of X forces in Y")
        for g in groups:
            for p in places:
                yield _claim(g, "active_in", p, noun, "presence", 0.6)


_LOCATING_VERBS = {"be", "lie", "remain", "sit"}


def base_subjects(sent: Span) -> Iterator[RawClaim]:
    """ "Its base, though, is in the Fezzan region", "The group's headquarters remain in Kidal", "Its main
    stronghold is Jilib": a group's base told as the subject of a clause that places it."""
    base_words = nouns("base")
    for noun in sent:
        verb = noun.head
        if noun.dep_ != "nsubj" or noun.lemma_.lower() not in base_words or verb.lemma_.lower() not in _LOCATING_VERBS \
                or any(c.dep_ == "neg" for c in verb.children):
            continue
        groups = [g for g in [owner(noun, ACTORS)] if g is not None and g.ent_type_ in GROUP_LABELS]
        places = places_below(verb, {"in", "at", "near", "inside"})
        places += [p for c in verb.children if c.dep_ == "attr" for p in places_in(c)]
        for g in groups:
            for p in places:
                yield _claim(g, "based_in", p, noun, "base_subject", 0.65)


FOUNDING_NOUNS = {"creation", "formation", "founding", "foundation", "establishment", "inception"}


def founding_nouns(sent: Span) -> Iterator[RawClaim]:
    """ "Since its creation in 1987, the group ...", "the formation of the ADF in 1995": a founding told as a noun."""
    for noun in sent:
        if noun.lemma_.lower() not in FOUNDING_NOUNS or noun.pos_ != "NOUN":
            continue
        groups = [g for g in [owner(noun, ACTORS)] + [entity(o, ACTORS) for o in prep_objects(noun, {"of"})]
                  if g is not None and g.ent_type_ in ACTORS]
        # ("In September 2014, Zawahiri announced the creation of X": the day of the announcement)
        announced = noun.dep_ == "dobj" and noun.head.lemma_.lower() in {"announce", "declare", "proclaim"}
        for g in groups[:1]:
            for d in dates_under(noun) or (dates_under(noun.head) if announced else []):
                value = parse_date(d.text, noun.doc.user_data.get("published"))
                if value is not None:
                    yield _claim(g, "founded", value.literal(), noun, "founding_noun", 0.65)
    yield from _anniversaries(sent)


_ORDINAL = re.compile(r"^(\d+)(st|nd|rd|th)$")


def _anniversaries(sent: Span) -> Iterator[RawClaim]:
    """ "the 56th anniversary of the founding of BRN", in a report of 2016: founded in 1960 (a round count of
    years, so as precise as a year)."""
    published = sent.doc.user_data.get("published")
    for noun in sent:
        if noun.lower_ != "anniversary" or published is None:
            continue
        count = next((int(m[1]) for c in noun.children if c.dep_ in {"amod", "nummod"}
                      for m in [_ORDINAL.match(c.text.lower())] if m), None)
        if count is None:
            continue
        of = prep_objects(noun, {"of"})
        of += [o for f in of if f.lemma_.lower() in FOUNDING_NOUNS for o in prep_objects(f, {"of"})]
        groups = [g for g in [owner(noun, ACTORS)] + [entity(o, ACTORS) for o in of]
                  if g is not None and g.ent_type_ in ACTORS]
        for g in groups[:1]:
            yield _claim(g, "founded", {"date": str(published.year - count), "precision": "year"}, noun,
                         "anniversary", 0.6)


VERB_RULES = (based_in, active_in, founded, leader, targets, opposes, linked_to, linked_adjectives, part_of_verbs,
              split_from, recruits_from, composition, threats, hostilities, goals, received_support, emerged_from,
              creed_ties)


def verb_claims(sent: Span) -> Iterator[RawClaim]:
    for tok in sent:
        # ("Based in the districts of Cabo Delgado, they ...": a fronted participle the tagger took for a preposition)
        if tok.pos_ in {"VERB", "AUX", "ADJ"} or tok.tag_ == "VBN" or tok.lower_ == "based":
            for rule in VERB_RULES:
                yield from rule(tok)
    yield from size(sent)
    yield from under_control(sent)
    yield from under_leadership(sent)
    yield from force_against(sent)
    yield from presence(sent)
    yield from base_subjects(sent)
    yield from founding_nouns(sent)
    yield from hyphened_sides(sent)
