"""Small helpers over spaCy's dependency tree, shared by the extractors.

All work on the pipeline's merged tokens: one token per named entity.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Token

from dossier.extract.literals import parse_quantity
from dossier.lexicon import nouns, triggers, verb_lemmas  # noqa: F401  (re-exported for the extractors)
from dossier.nlp.places import gazetteer as places

GROUP_LABELS = {"ARMED_GROUP"}
ACTOR_LABELS = {"ARMED_GROUP", "FORCE", "ORG", "COMMUNITY", "PERSON", "NORP"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
ENTITY_LABELS = ACTOR_LABELS | PLACE_LABELS
PLACE_NOUNS = {"province", "provinces", "district", "districts", "region", "regions", "area", "areas", "part", "parts",
               "community", "camp",
               "city", "town", "towns", "village", "villages", "state", "states", "governorate", "county", "counties",
               "reaches", "border", "territory", "zone", "valley", "mountains", "outskirts", "capital", "suburb",
               "neighbourhood", "neighborhood", "department", "municipality", "locations", "location", "section",
               "suburbs", "capitals", "cities", "borders", "coast", "countryside", "island", "islands", "port",
               "valleys", "hills", "forests", "forest", "jungles", "jungle", "desert", "deserts", "highlands",
               "lowlands", "borderland", "borderlands", "departments", "municipalities", "governorates", "townships",
               "territories"}
GROUP_HEADS = {"movement", "network", "group", "organization", "organisation", "faction", "militia", "party",
               "front", "cartel", "gang", "army", "brigade", "brigades", "sect", "outfit"}
MEMBER_HEADS = {"militants", "fighters", "gunmen", "insurgents", "rebels", "jihadists", "commanders", "members",
                "operatives", "militiamen", "bombers", "attackers", "terrorists", "guerrillas", "guerillas",
                "loyalists", "bandits", "cadres", "combatants", "men", "forces", "troops"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
TIE_PARTICIPLES = {"affiliate", "link", "belong", "loyal"}  # "fighters affiliated with X", "men loyal to X"


def same(a: object, b: object) -> bool:
    """The same token of the same document; a literal (dict) is never a token."""
    return isinstance(a, Token) and isinstance(b, Token) and a.i == b.i and a.doc == b.doc


def is_entity(tok: Token, labels: set[str] = ENTITY_LABELS) -> bool:
    return tok.ent_type_ in labels


def is_group(tok: Token) -> bool:
    return tok.ent_type_ in GROUP_LABELS


# verbs that give a name: "a coalition called X", "the rebels are known as X"
CALLING_VERBS = {"know", "call", "name", "dub"}
# nouns for a part of a group: "its armed wing", "the group's Syrian branch"
PART_WORDS = {"wing", "arm", "branch", "affiliate", "faction", "offshoot", "franchise", "chapter", "unit", "front"}


def is_place(tok: Token) -> bool:
    return tok.ent_type_ in PLACE_LABELS


def entity(tok: Token, labels: set[str] = ENTITY_LABELS) -> Token | None:
    """The entity a token stands for: itself, or the antecedent of "it"/"the group"."""
    if tok.ent_type_ in labels:
        return tok
    ante = tok._.antecedent
    if ante is not None and ante.ent_type_ in labels:
        return ante
    return None


def conjuncts(tok: Token) -> list[Token]:
    """tok and the words coordinated with it ("Kunar, Jowzjan and Herat")."""
    out = [tok]
    for c in tok.conjuncts:
        if c not in out:
            out.append(c)
    if len(out) > 1:  # "A, B and C, the Taliban, D and E": a named item the parser hung on the next one
        doc = tok.doc
        out += [n for c in list(out) for n in c.children if n.dep_ in {"nmod", "appos"} and n.ent_type_ and
                n.i < c.i and n.left_edge.i > 0 and doc[n.left_edge.i - 1].text == "," and
                n.i + 1 < len(doc) and doc[n.i + 1].text == "," and n not in out]
        # "A and former paratrooper B": the name the parser hung on A, right after the title of the second item
        out = [next((n for n in tok.children if n.dep_ == "appos" and n.ent_type_ == "PERSON" and n.i == c.i + 1),
                    c) if c != tok and c.pos_ == "NOUN" and not c.ent_type_ else c for c in out]
    return sorted(out, key=lambda t: t.i)


def included(tok: Token) -> Iterator[Token]:
    """ "religious minorities, including Shia Muslims and Sikhs" -> Shia Muslims, Sikhs."""
    for prep in tok.children:
        such_as = prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children)  # "such" hung on "as"
        if prep.dep_ == "prep" and (prep.lower_ in {"including", "such", "notably", "especially", "like"} or such_as):
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    yield from conjuncts(obj)
                elif obj.dep_ == "prep":  # "such as"
                    for o2 in obj.children:
                        if o2.dep_ == "pobj":
                            yield from conjuncts(o2)


def expand(tok: Token) -> list[Token]:
    """tok, its conjuncts, and what "including ..." lists under any of them."""
    out = []
    for c in conjuncts(tok):
        out.append(c)
        out.extend(included(c))
    seen: set[int] = set()
    return [t for t in out if not (t.i in seen or seen.add(t.i))]


def _nearer_appos_owner(appos: Token, labels: set[str]) -> Token | None:
    """ "A, a faction of B, an alliance formed in 2020": the parser hangs both appositions on A, but the second
    describes B, the name just before it, which ends the first."""
    doc = appos.doc
    comma = appos.left_edge.i - 1
    if comma < 1 or doc[comma].text != ",":
        return None
    before = doc[comma - 1]
    earlier = [c for c in appos.head.children if c.dep_ == "appos" and c.i < appos.i]
    if before.ent_type_ and any(before in set(e.subtree) and before != e for e in earlier):
        return entity(before, labels)
    return None


_SUBSET_WORDS = {"especially", "particularly", "notably", "including", "mostly", "mainly", "chiefly", "largely",
                 "some", "many", "most", "among"}


def named_beside(tok: Token, labels: set[str] = ENTITY_LABELS) -> Token | None:
    """ "its rival faction, the JAS (Boko Haram) terrorists": the armed group or force named in apposition."""
    own_end = max([tok.i, *(t.i for c in tok.children if c.dep_ != "appos" and c.i < tok.i + 3 for t in c.subtree)])
    for c in tok.children:
        # right after the noun's own words (not "soldiers were killed ..., the largest group of X": a stray hang)
        # ("Afghan jihadists, especially defecting members of the Taliban": some of them, not their name)
        if c.dep_ == "appos" and c.pos_ in {"NOUN", "PROPN"} and min(t.i for t in c.subtree) <= own_end + 2 \
                and not any(a.lower_ in _SUBSET_WORDS for a in c.subtree if a.i < c.i):
            named = entity(c, labels) or (owner(c, labels) if not c.ent_type_ else None)
            if named is not None and named.ent_type_ in GROUP_LABELS | {"FORCE"}:
                return named
    return None


def named_before_aside(noun: Token) -> Token | None:
    """The name a phrase set off by a comma or a dash follows ("X (XYZ), a shadow organisation of Y"; "members of
    X (a.k.a. Y) — an association of hunters — which ..."), when the parser hung the phrase elsewhere."""
    doc = noun.doc
    i = min(t.i for t in noun.subtree) - 1
    if i < 1 or doc[i].text not in _ASIDE_MARKS | {","}:
        return None
    i -= 1
    if doc[i].text == ")":  # skip the acronym in brackets after the name
        while i > 0 and doc[i].text != "(":
            i -= 1
        i -= 1
    # ("looking for Mohammed Umair, the commander of X": a person's title, however hung)
    named = GROUP_LABELS | {"FORCE", "ORG", "PERSON"}
    return entity(doc[i], named) if i >= 0 and doc[i].ent_type_ in named else None


_NAME_USING_VERBS = {"use", "go", "know", "call"}


def identified_as(noun: Token) -> Token | None:
    """ "a jailed M-18 leader, identified as Gustavo Pirir,": the person a noun is said to be; also through a
    description beside it ("the group's leader, a Syrian who uses the nom de guerre X", "..., a cleric known as X")."""
    named = next((o for c in noun.children if c.dep_ == "acl" and c.lemma_ in {"identify", "name"}
                  for o in prep_objects(c, {"as"}) if o.ent_type_ == "PERSON"), None)
    if named is not None:
        return named
    return next((o for a in noun.children if a.dep_ == "appos" and a.ent_type_ != "PERSON"
                 for c in a.children if c.dep_ in {"relcl", "acl"} and c.lemma_ in _NAME_USING_VERBS
                 for o in direct_objects(c) + prep_objects(c, {"by", "as"}) if o.ent_type_ == "PERSON"), None)


def owner(tok: Token, labels: set[str] = ENTITY_LABELS) -> Token | None:
    """The entity a phrase is about: "IS-K" -> IS-K; "its activities" -> antecedent; "most of its fighters"."""
    ent = entity(tok, labels)
    if ent is not None:
        return ent
    named = named_beside(tok, labels)
    if named is not None:
        return named
    for c in tok.children:  # "Euskadi Ta Askatasuna - Basque Country and Liberty - was founded": a name glossed
        if c.dep_ == "compound" and any(t.text in {"-", "–", "—"} for t in tok.doc[c.i + 1:tok.i]):
            ent = entity(c, labels)
            if ent is not None:
                return ent
    for c in tok.children:  # "its former leader Adan Hashi Ayro": the person, not the group
        if c.dep_ in {"appos", "compound"} and c.ent_type_ == "PERSON" and "PERSON" in labels \
                and tok.lower_ in nouns("role"):
            return c
    if "PERSON" in labels and tok.lower_ in nouns("role") and (named := identified_as(tok)) is not None:
        return named  # "a jailed M-18 leader, identified as Gustavo Pirir,"
    for c in tok.children:
        # "the Fatah movement"; "New People's Army rebels" (a merged name the parser may hang by any label)
        # "the Cooperative for the Development of Congo (CODECO) rebel group": a name further left, as nmod
        modifier = c.dep_ == "compound" or c.ent_type_ in GROUP_LABELS and (
            c.i == tok.i - 1 and c.dep_ in {"npadvmod", "nmod", "amod", "punct"} or c.dep_ == "nmod")
        # "Islamic State’s West African branch": a curly 's the parser may not read as a possessive
        possessive = c.dep_ == "poss" or c.i + 1 < tok.i and c.doc[c.i + 1].text in {"'s", "’s"}
        # "a Maoist group": a creed or nationality describes the group, it is not its name
        if possessive or c.dep_ == "appos" or modifier and tok.lower_ in GROUP_HEADS | MEMBER_HEADS \
                and not is_place(c) and c.ent_type_ != "NORP":
            ent = entity(c, labels)  # "its fighters", "X, the group", "the Fatah movement"
            if ent is not None:
                return ent
    if tok.dep_ == "appos":
        ent = _nearer_appos_owner(tok, labels) or entity(tok.head, labels) or named_before_aside(tok)
        if ent is not None:
            return ent
    if tok.dep_ == "attr" and tok.head.lemma_ == "be":  # "X is a group waging war in Y"
        subj = [c for c in tok.head.children if c.dep_ == "nsubj"]
        if subj:
            ent = entity(subj[0], labels)
            if ent is not None:
                return ent
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of" and tok.lower_ in {"most", "some", "many", "part", "all", "members",
                                                                    "fighters", "militants", "much", "one", "each",
                                                                    "remnants", "elements", "cells", "units",
                                                                    "factions", "loyalists", "supporters",
                                                                    "number", "group", "dozens", "hundreds", "forces",
                                                                    "troops", "combatants", "rebels", "soldiers"}:
            for o in c.children:
                if o.dep_ == "pobj":
                    return owner(o, labels)
        if c.dep_ == "prep" and c.lower_ == "from" and tok.lower_ in MEMBER_HEADS:
            # "350 militants from the Arakan Army" (but not "fighters from Somalia": where they come from)
            for o in c.children:
                ent = owner(o, labels) if o.dep_ == "pobj" else None
                if ent is not None and ent.ent_type_ in {"ARMED_GROUP", "FORCE"}:
                    return ent
        if c.lemma_ == "lead" and c.dep_ in {"amod", "acl"} and tok.lower_ in GROUP_HEADS | MEMBER_HEADS | {
                "coalition", "alliance", "force"} and (c.i < tok.i or name_on(tok, labels) is None):
            # "a KNU-led coalition", "joint forces led by Brigade 5": who leads them is the side they fight for
            leaders = [x for x in c.children if x.ent_type_ in labels and x.i < c.i] + [
                o for a in c.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
            ent = next((e for e in (entity(x, labels) for x in leaders) if e is not None), None)
            if ent is not None:
                return ent
        if c.dep_ == "acl" and c.lemma_ in TIE_PARTICIPLES and tok.lower_ in MEMBER_HEADS:
            # "armed men affiliated with the X group", "fighters belonging to X"
            for o in prep_objects(c, {"with", "to"}):
                ent = owner(o, labels)
                if ent is not None and ent.ent_type_ == "ARMED_GROUP":
                    return ent
    # "an umbrella group of Turkish-backed militias called the Syrian National Army": the name it goes by
    ent = called(tok, labels) or _dashed_name(tok, labels)
    if ent is None and tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_ in GROUP_HEADS | {
            "coalition", "alliance", "umbrella"}:
        ent = called(tok.head.head, labels)
    return ent if ent is not None or tok.lower_ not in MEMBER_HEADS | GROUP_HEADS else name_on(tok, labels)


def name_on(noun: Token, labels: set[str]) -> Token | None:
    """The group name a noun carries, however the parser hung it: right before it ("Islamic State militants", "the
    breakaway SPLM/A-IO faction"), as a modifier ("the Cooperative for ... (CODECO) group"), or as the name the
    noun stands in apposition to."""
    labels = GROUP_LABELS & labels
    before = noun.doc[noun.i - 1] if noun.i > 0 else None
    if before is not None and before.ent_type_ in labels:
        return before
    named = [c for c in noun.children if c.dep_ in {"compound", "nmod"} and c.ent_type_ in labels]
    named += [noun.head] if noun.dep_ == "appos" and noun.head.ent_type_ in labels else []
    return named[0] if named else None


def name_after(noun: Token, labels: set[str]) -> Token | None:
    """ "the expansionist Al-Qaeda insurgency Jama'a Nusrat ul-Islam wa al-Muslimin": the name right after a group
    noun, which it introduces, however the parser hung it."""
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if noun.ent_type_ or noun.lower_ not in GROUP_HEADS | {"insurgency"} or after is None or \
            after.ent_type_ not in GROUP_LABELS & labels:
        return None
    return after


_DASHES = {"—", "–", "--"}


def _dashed_name(noun: Token, labels: set[str]) -> Token | None:
    """ "The other regional group claiming allegiance to IS — IS West Africa Province or ISWAP — is based ...":
    the name set off by dashes right after the phrase, however the parser attached it."""
    if noun.lower_ not in GROUP_HEADS:
        return None
    end = max(t.i for t in noun.subtree)
    doc = noun.doc
    for i in range(noun.i + 1, min(end + 2, len(doc) - 1, noun.i + 12)):
        if doc[i].text in _DASHES:
            return entity(doc[i + 1], labels)
    return None


def side_of(tok: Token, labels: set[str]) -> Token | None:
    """The side a phrase in a fight stands for: its owner, or the group named on it ("Polisario soldiers")."""
    return owner(tok, labels) or next((c for c in tok.children if c.dep_ == "compound" and c.ent_type_ in labels
                                       and c.ent_type_ != "GPE"), None)


def called(noun: Token, labels: set[str] = ENTITY_LABELS) -> Token | None:
    """ "a coalition called X", "factions known as X", "fighters who called themselves X": the name a clause on the
    noun gives it."""
    for t in noun.children:
        reflexive = t.dep_ == "relcl" and any(c.dep_ == "dobj" and c.lower_ in {"themselves", "itself"}
                                              for c in t.children)
        if (t.dep_ == "acl" or reflexive) and t.lemma_.lower() in CALLING_VERBS:
            for x in prep_objects(t, {"as"}) + [c for c in t.children if c.dep_ in {"oprd", "attr"}]:
                ent = entity(x, labels)
                if ent is not None:
                    return ent
    return None


def split_apposition(tok: Token) -> Token | None:
    """ "JNIM, al-Qaeda's branch in the Sahel, claimed …": the parser made the apposition a second
    subject of the verb; the noun set off by commas right after the name describes it."""
    doc = tok.doc
    end = max(t.i for t in tok.subtree) + 1
    if end >= len(doc) or doc[end].text != ",":
        return None
    for sib in tok.head.children:
        if sib.dep_ == tok.dep_ and sib.i > end and sib.pos_ == "NOUN" and not sib.ent_type_:
            first, last = min(t.i for t in sib.subtree), max(t.i for t in sib.subtree)
            closed = doc[last].text == "," or (last + 1 < len(doc) and doc[last + 1].text == ",")
            if first == end + 1 and closed:
                return sib
    return None


_ASIDE_MARKS = _DASHES | {"-"}  # an aside may be set off by hyphens standing in for dashes


def dashed_subject(verb: Token) -> Token | None:
    """ "26 people – nearly all of them tourists – were killed": a passive verb whose subject the parser lost to
    the aside between dashes; the noun right before the aside."""
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children) or not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    doc = verb.doc
    close = min([c.i for c in verb.children if c.dep_ in {"aux", "auxpass"}] + [verb.i]) - 1
    if close < 2 or doc[close].text not in _ASIDE_MARKS:
        return None
    opening = next((j for j in range(close - 1, max(close - 14, verb.sent.start) - 1, -1)
                    if doc[j].text in _ASIDE_MARKS), None)
    noun = doc[opening - 1] if opening is not None and opening > verb.sent.start else None
    return noun if noun is not None and noun.pos_ in {"NOUN", "PROPN"} else None


# participles that tell what a noun is tied to, not what the one who has it does ("insurgencies linked to X")
_TIES = {"linked", "tied", "allied", "aligned", "connected", "affiliated", "associated", "backed", "supported",
         "sponsored", "funded"}
_PURPOSE_NOUNS = {"aim", "goal", "objective", "intention", "purpose", "bid", "effort", "hope", "view"}


_GROUP_LABELS = {"ARMED_GROUP", "ORG", "FORCE"}


def through_tie(relcl: Token, named: Token | None, labels: set[str]) -> Token | None:
    """ "X is a group linked to al Qaeda which operates in South East Asia": a clause with no comma after the
    group a tie names is about the group described, not its ally."""
    if named is None or relcl.dep_ != "relcl" or relcl.doc[relcl.left_edge.i - 1].text == "," or \
            named.dep_ != "pobj" or named.head.head.lower_ not in _TIES | {"loyal", "close"} or \
            named.head.head.dep_ not in {"acl", "amod"}:
        return named
    return owner(named.head.head.head, labels) or named


def _named_before_which(relcl: Token, labels: set[str]) -> Token | None:
    """ "the armed wing of the Kachin Independence Organisation (KIO), which was formed in 1961": a "which" clause
    right after a group's name is about that group, wherever the parser hangs it ("wing", or the sentence's
    subject)."""
    which = next((c for c in relcl.children if c.lower_ == "which" and c.i < relcl.i), None)
    if which is None:
        return None
    doc, i, depth = relcl.doc, which.i - 1, 0
    while i > relcl.head.i and (depth or doc[i].is_punct):  # back over the comma and "(KIO)"
        depth += (doc[i].text == ")") - (doc[i].text == "(")
        i -= 1
    name = doc[i]
    if i <= relcl.head.i or name.ent_type_ not in labels & _GROUP_LABELS:
        return None
    return name


def subjects(verb: Token, labels: set[str] = ENTITY_LABELS) -> list[Token]:
    """Entities that are the subject of a verb, following relative clauses, conjoined verbs and xcomp chains."""
    seen = 0
    v = verb
    while v is not None and seen < 4:
        seen += 1
        subj = [c for c in v.children if c.dep_ in SUBJECT_DEPS]
        if not subj:  # "X has under Y's leadership expanded": the parser hung the subject on the auxiliary
            subj = [c for a in v.children if a.dep_ in {"aux", "auxpass"} and a.i < v.i
                    for c in a.children if c.dep_ in SUBJECT_DEPS]
        if subj and v.dep_ == "relcl" and subj[0].lower_ in {"which", "who", "that", "whom"}:
            subj = []  # "the group, which operates in ...": the relative pronoun stands for the head
        if subj:
            subj = [s for s in subj if not any(split_apposition(o) == s for o in subj)]
            out = []
            for s in subj:
                for c in conjuncts(s):
                    if c.pos_ == "VERB" and c.tag_ == "VBN":  # "Banned militant outfit X claimed ...": the parser
                        c = next((d for d in c.children if d.dep_ == "dobj"), c)  # made the participle the subject
                    o = owner(c, labels)
                    if o is not None:
                        out.append(o)
            return out
        # "IS and X operate", mis-parsed as X being a compound of the verb and IS its head
        stray = [c for c in v.children if c.dep_ in {"compound", "npadvmod"} and c.ent_type_ in labels]
        if stray:
            head = [v.head] if v.dep_ == "conj" and v.head.ent_type_ in labels else []
            return head + stray
        if v.dep_ in {"relcl", "acl"}:
            o = _named_before_which(v, labels) or owner(v.head, labels)
            o = through_tie(v, o, labels)
            if o is None and v.dep_ == "acl" and v.head.lower_ in _PURPOSE_NOUNS and v.head.dep_ == "pobj":
                v = v.head.head.head  # "launched attacks in a bid to topple X": the attackers want it
                v = v.head if v.dep_ == "dobj" else v
                continue
            if o is None and v.dep_ == "acl" and v.head.dep_ == "dobj" and v.lower_ not in _TIES:
                # "its fighters carried out operations targeting X": the operators target (but "contain
                # insurgencies linked to al-Qaeda": the participle describes the insurgencies)
                v = v.head.head
                continue
            return [o] if o is not None else []
        if v.dep_ == "pcomp" and v.head.dep_ == "prep":  # "focuses on combatting X"
            v = v.head.head
            if v.lower_ in _PURPOSE_NOUNS and v.dep_ == "pobj":  # "formed with the aim of overthrowing X"
                v = v.head.head
            continue
        if v.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
            # "estimate the R.S.F. to number 70,000", "ordered its fighters to attack": the object of the verb
            # above is the one who does it
            raised = [o for c in v.head.children if c.dep_ == "dobj" and c.i < v.i
                      for o in [owner(c, labels)] if o is not None]
            if raised:
                return raised
        if v.dep_ == "conj" and v.pos_ in {"VERB", "AUX"} and v.head.pos_ in {"NOUN", "PROPN"}:
            # "receives support from Iran, another Shia power, and shares ties to X": a verb the parser joined to
            # a noun of the clause before shares that clause's subject
            v = next((a for a in v.head.ancestors if a.pos_ in {"VERB", "AUX"}), None)
            continue
        if v.dep_ in {"xcomp", "conj", "advcl", "ccomp", "pcomp"} and v.head != v:
            v = v.head
            continue
        if v.dep_ == "appos":
            v = v.head
            continue
        taken = subject_taken_before(v, labels)
        if taken is not None:
            return [taken]
        break
    return []


def subject_taken_before(verb: Token, labels: set[str] = ENTITY_LABELS) -> Token | None:
    """ "According to the medium Glass code Los Lobos began as ...": the name right before a finite verb with no
    subject, which the parser took into the phrase before it, is the subject."""
    prev = verb.doc[verb.i - 1] if verb.i > 0 else None
    if prev is None or prev.ent_type_ not in labels or prev.dep_ != "pobj" or verb.tag_ not in {"VBD", "VBZ", "VBP"} \
            or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    return prev


_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
_SPELL_WORDS = {"years", "months", "decade", "decades"}
_SPELLS_OF_WAR = {"war", "conflict", "insurgency", "rebellion", "uprising", "crisis", "unrest", "violence",
                  "campaign", "bloodshed"}
_THIS_YEAR = re.compile(r"\b(year|month)\b", re.I)


_DAYS_SPAN = re.compile(r"^(?:the\s+)?(?:(?:last|past|previous)\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|"
                        r"few|several|\d+)\s+(?:days|weeks|months)\b", re.I)


def tally_over_time(verb: Token) -> bool:
    """ "has killed more than 1,200 civilians in Beni since 2017", "have abducted hundreds over the past five
    years", "have killed hundreds of civilians in Ituri": a perfect-tense verb counted over a span of years, or in
    hundreds with no day, is a record of violence, not one event."""
    if verb.tag_ == "VBG" and verb.dep_ in {"advcl", "xcomp"} and verb.head != verb and \
            not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return tally_over_time(verb.head)  # "has carried out several bomb attacks, killing eight police officers"
    # (an age is no date: "in the 10-year-old crisis")
    undated = not any(t.ent_type_ in {"DATE", "TIME"} and not t.lower_.endswith(("-old", "-long"))
                      for t in verb.subtree)
    # "Israel's war in Gaza has killed more than 10,000", "the conflict killed 300,000": a war's toll, no one day
    if undated and any(c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in _SPELLS_OF_WAR
                       for c in verb.children):
        return True
    # "300,000 killed in the conflict": a war's toll, told as the war's
    if undated and any(p.dep_ == "prep" and p.lower_ in {"in", "during"} and any(
            o.lemma_.lower() in _SPELLS_OF_WAR for o in p.children if o.dep_ == "pobj") for p in verb.children):
        return True
    # "tens of thousands had been killed": a count only a war reaches
    if undated and any(c.dep_ in {"dobj", "nsubjpass"} and {"thousands", "millions"} & set(c.lower_.split())
                       for c in verb.children):
        return True
    # "security forces killed roughly 222 insurgents in encounters since January 1, 2024": a count from a year on,
    # in whatever tense
    if any(p.dep_ == "prep" and p.lower_ == "since" and _YEAR.search(" ".join(t.text for t in p.subtree))
           for p in verb.children):
        return True
    # "were killed in the last four days", "Killed in Four Days of Resistance Attacks": a count over days, not one day
    if any(p.dep_ == "prep" and p.lower_ in {"in", "over", "during", "within"} and
           _DAYS_SPAN.search(" ".join(t.text for t in p.subtree if t != p)) for p in verb.children):
        return True
    if not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return False
    # "Some 27,000 people have been killed": a count in the thousands told in the perfect, with no day, is a war's
    # (so is "As of 2021, over 7,000 people have been killed": a date the count runs to)
    running = any(p.dep_ == "prep" and p.lower_ == "as" and any(c.lower_ == "of" for c in p.children)
                  for p in verb.children)
    if (undated or running) and any((q.low or q.high or 0) >= 1000 for c in verb.children
                                    if c.dep_ in {"dobj", "nsubjpass"} for n in c.children if n.dep_ == "nummod"
                                    for q in [parse_quantity(n.text)] if q is not None):
        return True
    # "has been battling the government for two decades": a perfect progressive tells a span, not an event
    if verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ == "been" for c in verb.children):
        return True
    # "have been killed in Yemen's conflict since the coalition entered it": a war's toll, counted from then
    if any(p.dep_ == "prep" and p.lower_ in {"in", "during"} and o.lemma_.lower() in _SPELLS_OF_WAR
           for p in verb.children for o in p.children if o.dep_ == "pobj") or \
            any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in c.children)
                for c in verb.children):
        return True
    # "has carried out several bomb attacks", "have staged a series of raids": many deeds with no day to them
    if undated and any(o.dep_ == "dobj" and o.tag_ == "NNS" and _many(o) for o in verb.children):
        return True
    # "have killed hundreds of civilians in Ituri": a count no single attack reaches, with no day to it
    if any(o.dep_ == "dobj" and o.lower_ in {"hundreds", "thousands"} for o in verb.children) and \
            not any(t.ent_type_ in {"DATE", "TIME"} for t in verb.subtree):
        return True
    for p in verb.children:
        if p.dep_ != "prep":
            continue
        span_text = " ".join(t.text for t in p.subtree)
        # ("since 2017", "since the start of this year": a count kept over months, not one day's toll)
        if p.lower_ == "since" and (_YEAR.search(span_text) or _THIS_YEAR.search(span_text)) \
                or p.lower_ in {"over", "in", "during"} and \
                any(t.lower_ in _SPELL_WORDS for t in p.subtree):
            return True
    return False


_MANY = {"several", "many", "numerous", "multiple", "countless", "repeated", "various", "dozens", "scores",
         "hundreds", "series", "string", "spate", "wave", "number"}


def _many(noun: Token) -> bool:
    """ "several attacks", "a series of raids", "dozens of ambushes": a count of deeds, not one."""
    if any(c.lower_ in _MANY for c in noun.children if c.dep_ in {"amod", "det", "nummod", "quantmod"}):
        return True
    return noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in _MANY


def loyal_side(tok: Token, labels: set[str] = ENTITY_LABELS) -> Token | None:
    """ "forces loyal to the Fatah movement", "militias allied to the army": the side they fight for."""
    if tok.ent_type_:
        return None
    return next((e for a in tok.children if a.dep_ == "amod" and a.lower_ in {"loyal", "allied", "aligned"}
                 for x in prep_objects(a, {"to", "with"}) for e in [owner(x, labels)] if e is not None), None)


def governing_verb(tok: Token, max_hops: int = 4) -> Token:
    """The verb (or auxiliary) above tok, climbing at most `max_hops` heads past its own; the last head
    reached when there is none."""
    v, hops = tok.head, 0
    while v.pos_ not in {"VERB", "AUX"} and v.head != v and hops < max_hops:
        v, hops = v.head, hops + 1
    return v


def prep_objects(tok: Token, preps: set[str] | None = None) -> list[Token]:
    """Objects of the prepositions under tok ("clashes *with* X", "based *in* Y")."""
    out = []
    for p in tok.children:
        if p.dep_ in {"prep", "agent"} and (preps is None or p.lower_ in preps):
            for o in p.children:
                if o.dep_ == "pobj":
                    out.extend(expand(o))
    return out


def direct_objects(verb: Token) -> list[Token]:
    out = []
    for c in verb.children:
        if c.dep_ in {"dobj", "attr", "oprd"}:
            out.extend(expand(c))
    return out


_VICINITY_VERBS = {"border", "surround", "adjoin", "neighbour", "neighbor", "straddle"}


_WAR_NOUNS = {"war", "conflict", "insurgency", "uprising", "rebellion"}


def _which_city(city: Token, country: Token) -> bool:
    """ "Damascus, Syria": a bare country set right after a town says which town it is (not "southern Beirut,
    southern Lebanon, and the Bekaa Valley", a list)."""
    return is_country(country) and not is_country(city) and country.i == city.i + 2 and \
        city.doc[city.i + 1].text == "," and not any(c.dep_ in {"amod", "compound", "det", "cc", "conj"}
                                                     for c in country.children)


def places_in(tok: Token) -> list[Token]:
    """Place entities a phrase names: "the eastern province of Nangarhar", "the provinces of Kunar, ... and Herat"."""
    out = []
    for t in expand(tok):
        if is_place(t):
            out.append(t)
            if len(t.conjuncts) == 0:
                out.extend(_listed_after(t))
            for a in t.children:
                if a.dep_ == "appos" and not _which_city(t, a):
                    # "Shirzad, ... and Achin districts of eastern Nangarhar province" (but "Damascus, Syria": the
                    # country only says which Damascus)
                    out.extend(places_in(a))
                elif a.dep_ == "poss" and is_place(a) and not is_country(a):
                    out.append(a)  # "Nablus’s Old City": the city holds its quarter (a country only qualifies)
                elif a.dep_ in {"nmod", "compound"} and is_place(a) and any(c.dep_ == "cc" for c in a.children):
                    out.append(a)  # "in Kachin State and northern Shan State": a list the parser hung as a modifier
                elif a.dep_ == "prep" and a.lower_ == "of" and t.lower_.split()[-1] in PLACE_NOUNS:
                    out.extend(p for o in a.children if o.dep_ == "pobj" for p in places_in(o))  # "the Fezzan
                    # region of southern Libya"
        elif t.like_num or t.lower_ in {"most", "much", "parts", "part", "swathes", "swaths", "large", "all"} or \
                t.lower_.endswith(("per cent", "percent", "%")):  # ("nearly 60 per cent of Idlib province")
            out.extend(p for o in prep_objects(t, {"of"}) for p in places_in(o))  # "four of the state capitals"
        elif t.lower_ in _WAR_NOUNS:  # "Syria's civil war", "the Yemen conflict": the war's country
            out.extend(c for c in t.children if c.dep_ in {"poss", "compound"} and is_place(c))
        elif t.lower_ in PLACE_NOUNS or t.lower_ in _PARTS_OF_PLACES:  # ("Congo's conflict-ridden east")
            named = [p for o in prep_objects(t, {"of"}) for p in places_in(o)]
            # ("the capital Sanaa": a name set beside the noun)
            modifiers = [p for c in t.children if c.dep_ in {"compound", "amod", "nmod", "poss", "appos"}
                         and is_place(c) for p in expand(c) if is_place(p)]
            # ("several Central Asian regions", "three Afghan provinces": the area or country an adjective names)
            # ("across all Colombian territory": the country's whole land)
            modifiers += [c for c in t.children if c.dep_ in {"amod", "compound"} and c.ent_type_ == "NORP" and
                          (t.tag_ == "NNS" or t.lower_ == "territory") and
                          (places().area_of_adjective(c.text) or places().demonym(c.text))]
            if named:  # "the Beni area of North Kivu": both; "the Mozambique town of Palma": the country qualifies
                # (and "the Pacific departments of Antioquia and Choco": the list names them, the modifier sorts them)
                modifiers = [m for m in modifiers if not is_country(m) and t.tag_ != "NNS"]
            out.extend(modifiers + named)
            for o in prep_objects(t, {"in", "near", "along", "around", "inside"}):
                out.extend(places_in(o))
            # "regions bordering and inside southeastern Turkey", "the districts surrounding Goma"
            for v in t.children:
                if v.dep_ == "acl" and v.lemma_.lower() in _VICINITY_VERBS:
                    reach = [v, *(c for c in v.children if c.dep_ == "conj")]
                    out.extend(p for x in reach for o in x.children if o.dep_ in {"dobj", "npadvmod", "pobj"}
                               for p in places_in(o))
    seen: set[int] = set()
    return [t for t in out if not (t.i in seen or seen.add(t.i))]


def _listed_after(place: Token) -> list[Token]:
    """ "the provinces of Baghdad, Salah al-Din, Diyala, and Nineveh" when the parser hung the rest of the list
    elsewhere: the places that follow, comma after comma, up to an "and" or "or" before the last (not "Baghdad,
    Iraq")."""
    doc, i, found = place.doc, place.i + 1, []
    while i + 1 < len(doc) and doc[i].text == ",":
        nxt = doc[i + 1]
        if nxt.lower_ in {"and", "or"} and i + 2 < len(doc) and is_place(doc[i + 2]):
            return found + [doc[i + 2]]
        if not is_place(nxt):
            return []
        found.append(nxt)
        i += 2
    if i + 1 < len(doc) and found and doc[i].lower_ in {"and", "or"} and is_place(doc[i + 1]):
        return found + [doc[i + 1]]
    return []


def is_country(tok: Token) -> bool:
    from dossier.nlp.places import gazetteer  # the place tables load on first use

    return gazetteer().country_code(tok.text) is not None


_ATTACK_PLURALS = {"attacks", "raids", "ambushes", "bombings", "kidnappings"}


# nouns for a part of the place after "of": "the northwest of Northern Ireland", "parts of Magdalena"
_PARTS_OF_PLACES = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "part",
                    "parts", "outskirts", "centre", "center", "heart", "interior"}


def places_below(tok: Token, preps: set[str]) -> list[Token]:
    """Places reached from tok through prepositional phrases only: "active since the 1990s in eastern Congo",
    "responsibility for a series of attacks across several districts"."""
    out = []
    # "in the Border counties and in Dublin": a preposition coordinated with another counts as the verb's own
    linked = [c for p in tok.children if p.dep_ == "prep" for c in p.children if c.dep_ == "conj" and c.pos_ == "ADP"]
    for p in list(tok.children) + linked:
        if p.dep_ not in {"prep", "conj"} or p.lower_ not in preps | {"since", "during", "for", "of", "from"} | (
                {"on", "against"} if tok.lower_ in _ATTACK_PLURALS else set()):  # "attacks on villages in X"
            continue
        for o in p.children:
            if o.dep_ != "pobj":
                continue
            if p.lower_ in preps or p.lower_ == "of" and tok.lower_ in _PARTS_OF_PLACES:
                out.extend(places_in(o))  # ("attacks in the northwest of Northern Ireland")
            out.extend(places_below(o, preps))
        if p.dep_ == "prep":  # "far from home in Kachin": a phrase the parser hung on the preposition
            out.extend(places_below(p, preps))
    return out


def phrase(tok: Token, max_words: int = 12, drop_det: bool = True) -> str:
    """The compact text of a noun phrase: modifiers and head, prepositional tails, no relative clauses."""
    keep = {tok.i}
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            hyphen = c.text in {"-", "‐"} and not c.whitespace_ and c.i > 0 and not c.doc[c.i - 1].whitespace_
            if c.dep_ in {"relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "parataxis"} and t == tok \
                    and not hyphen:  # ("self-determination": the hyphen inside a word stays)
                continue
            if c.dep_ in {"relcl", "appos", "conj", "cc", "parataxis"}:
                continue
            keep.add(c.i)
            stack.append(c)
    idx = sorted(keep)
    # keep a contiguous run around the head
    lo = hi = idx.index(tok.i)
    while lo > 0 and idx[lo - 1] == idx[lo] - 1:
        lo -= 1
    while hi + 1 < len(idx) and idx[hi + 1] == idx[hi] + 1:
        hi += 1
    toks = [tok.doc[i] for i in idx[lo:hi + 1]]
    while toks and (toks[0].is_punct or (drop_det and toks[0].dep_ in {"det", "predet"}) or toks[0].lower_ in {
            "both", "also", "even", "and", "or"}):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].dep_ in {"cc", "prep", "det"} or toks[-1].tag_ == "DT"):
        toks = toks[:-1]  # ("foreign minister of the" + a name the parser hung elsewhere: the words that lead to it)
    text = "".join(t.text_with_ws for t in toks).strip()
    return text if len(text.split()) <= max_words else ""
