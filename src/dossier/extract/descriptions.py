"""Claims carried by nouns: what a thing *is* and what its relations are called.

"X is the regional affiliate of Y", "X, a splinter group of Y", "the Taliban's Haqqani network",
"Taliban spokesman Zabiullah Mujahid", "Muhammed Asim, spokesperson for the hospital",
"a Sunni Islamist militant organization", "links between X and Y", "clashes with X".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from dossier.extract.events import force_object
from dossier.extract.literals import parse_date
from dossier.extract.raw import RawClaim
from dossier.extract.relations import (
    ACTORS,
    CAMPAIGN_NOUNS,
    COALITION_NOUNS,
    PRESENCE_ADJECTIVES,
    SIDES,
    SUB_LEADER,
    _actor_subjects,
    dates_under,
    in_an_area,
)
from dossier.extract.syntax import (
    ACTOR_LABELS,
    PART_WORDS,
    PLACE_LABELS,
    PLACE_NOUNS,
    called,
    conjuncts,
    direct_objects,
    entity,
    expand,
    governing_verb,
    identified_as,
    included,
    loyal_side,
    name_on,
    named_before_aside,
    named_beside,
    nouns,
    owner,
    phrase,
    places_below,
    places_in,
    prep_objects,
    same,
    side_of,
    split_apposition,
    subjects,
    through_tie,
    triggers,
    verb_lemmas,
)
from dossier.lexicon import words
from dossier.nlp.coref import link_participle
from dossier.nlp.mentions import role_set_off
from dossier.nlp.places import gazetteer as places

ORGS = ACTORS | {"ORG"}


_claim = RawClaim.maker("descriptions")


def described_pairs(sent: Span) -> Iterator[tuple[Token, Token]]:
    """(entity, descriptive noun) from copulas ("X is a Y") and appositions ("X, a Y" / "a Y, X"); never a field's
    label ("Founders: Nur Misuari", read in fact_sheets)."""
    doc = sent.doc
    for ent, noun in _described_pairs(sent):
        if noun.i + 1 >= len(doc) or doc[noun.i + 1].text != ":":
            yield ent, noun


def _described_pairs(sent: Span) -> Iterator[tuple[Token, Token]]:
    for tok in sent:
        attrs = _copula_attributes(tok)
        if attrs is not None:
            subj = [c for c in tok.children if c.dep_ == "nsubj"]
            if not subj and tok.dep_ in {"xcomp", "conj"}:
                # "X is believed to be / seems to be the group's bomb expert"; "X went independent and became
                # enemies of Y"
                subj = [c for c in tok.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
                if not subj and tok.head.dep_ == "acomp":  # "X is likely to be the regime's toughest foe"
                    subj = [c for c in tok.head.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
            for s in subj:
                ents = [entity(s) or called(s)]  # ("the group known as X is a neo-Nazi group")
                if ents[0] is None and s.lower_ in {"who", "which", "that"} and tok.dep_ == "relcl":
                    # "X, who is the head of the Gulf Clan,"; "A and B, which are part of C"
                    ents = [entity(h) for h in (tok.head, *tok.head.conjuncts)
                            if not any(c.dep_ == "neg" for c in h.children)]  # ("..., but not the TTP")
                ents = [e for e in ents if e is not None]
                if not ents:
                    # "The man now in charge of security in Kabul is Khalil Haqqani"
                    for a in attrs:
                        if a.ent_type_ == "PERSON":
                            yield a, s
                    continue
                for a in attrs:
                    a = _past_one_of(a)
                    if not a.ent_type_:
                        yield from ((ent, a) for ent in ents)
        if tok.lemma_ == "include" and tok.pos_ == "VERB":
            yield from _included_people(tok)
        if tok.pos_ == "NOUN" and (tok.lower_ in nouns("role") | nouns("leader") or
                                   tok.lemma_.lower() in nouns("role") | nouns("leader")):
            person = identified_as(tok)  # "a jailed M-18 leader, identified as Gustavo Pirir,"
            if person is not None:
                yield person, tok
        if tok.ent_type_ == "PERSON" and tok.i > sent.start + 1 and tok.doc[tok.i - 1].text == ",":
            # "A spokesperson for the police, Hazrat Hussain said": a role phrase fronting the name
            # ("..., and the group's founder, Sheikh Sajjad Gul was declared a terrorist": a title with its owner,
            # which the parser joined to the clause before; not "... killed its founder, Gul said")
            for noun in sent[: tok.i - 1 - sent.start]:
                joined = noun.dep_ == "conj" and any(c.dep_ == "poss" for c in noun.children) and \
                    tok.head.lemma_.lower() not in _SPEAKING
                if noun.lower_ in nouns("role") | nouns("leader") and noun.pos_ == "NOUN" and not noun.ent_type_ \
                        and (noun.head in {tok, tok.head} or joined) and max(t.i for t in noun.subtree) == tok.i - 2:
                    yield tok, noun
        if tok.ent_type_ == "PERSON" and tok.dep_ != "appos" and not any(c.dep_ == "appos" for c in tok.children):
            noun = role_set_off(tok.doc, tok.i + 1)  # "the hanging of X, the group's leader, in Zahedan"
            if noun is not None:
                yield tok, noun
        if tok.ent_type_:
            # "Somali Islamist group Al-Shabab"
            for c in tok.children:
                if c.dep_ in {"compound", "nmod"} and c.lower_ in words("group_nouns") and not c.ent_type_:
                    yield tok, c
            if tok.ent_type_ in ORGS:
                yield from ((tok, noun) for noun in _group_nouns_beside(tok))
        if tok.ent_type_ and tok.i >= 2 and tok.dep_ in {"nsubj", "dobj", "pobj"}:
            # "PKK's armed wing the People's Defence Force": an apposition the parser split into two subjects
            j = tok.i - 1 - (tok.doc[tok.i - 1].dep_ == "det")
            noun = tok.doc[j]
            if noun.pos_ == "NOUN" and not noun.ent_type_ and noun.head == tok.head and noun.dep_ == tok.dep_:
                yield tok, noun
            noun = split_apposition(tok)
            if noun is not None:
                yield tok, noun
            # "A little-known armed group in the Kashmir region, TRF emerged in 2019": a fronted description the
            # parser made a second subject
            yield from ((tok, n) for n in _nouns_before_comma(tok, tok.dep_))
        if tok.ent_type_ and tok.dep_ == "appos":
            # "The KNU and its military wing, the KNLA, ...": the parser hangs the name on the first of the pair,
            # but it names the noun just before it
            yield from ((tok, c) for c in _nouns_before_comma(tok, "conj"))
        ante = tok._.antecedent
        if ante is not None and ante.ent_type_ == "PERSON" and not tok.ent_type_:
            yield ante, tok  # "the leader of HTS says ...", said of the person just named
        if ante is not None and ante.ent_type_ in ORGS and not tok.ent_type_ and tok.lower_ in nouns("part_of") \
                and any(c.dep_ in {"compound", "nmod"} and c.ent_type_ in ORGS for c in tok.children):
            yield ante, tok  # "an al Qaeda affiliate said ...", the group named after it
        if tok.tag_ == "NNS" and not tok.ent_type_ and tok.lemma_.lower() in words("group_nouns"):
            # "jihadist groups such as Boko Haram and ISWAP": each group the list names is one of them
            for item in included(tok):
                named = entity(item, ORGS) or named_beside(item)
                if named is not None and named.ent_type_ in ORGS:
                    yield named, tok
        if tok.dep_ == "prep" and tok.lower_ == "as" and tok.head.pos_ == "VERB":
            # "TRF came into existence as a proxy outfit of LeT", "emerged as an offshoot of X": what it was born as
            for noun in (c for c in tok.children if c.dep_ == "pobj"):
                if noun.pos_ == "NOUN" and not noun.ent_type_ and noun.lemma_.lower() in words("group_nouns") | \
                        nouns("part_of") | nouns("split_from"):
                    for s in subjects(tok.head, ORGS):
                        if s.ent_type_ in ORGS:
                            yield s, noun
        if tok.dep_ == "appos" and not tok.ent_type_ and tok.head.ent_type_ not in ORGS | {"PERSON"}:
            named = named_before_aside(tok)
            if named is not None:  # "after The Resistance Front (TRF), a shadow organisation of LeT, issued ..."
                yield named, tok
        if tok.dep_ == "appos" or _comma_conjunct(tok):
            head = _named_place(tok.head)  # ("Shabwa province, a southern stronghold of AQAP")
            said = _past_one_of(tok) if tok.ent_type_ == "CARDINAL" else tok  # ("Pedro, one of the leaders of X")
            if not head.ent_type_ and not said.ent_type_ and head.lower_ in words("group_nouns"):
                head = name_on(head, ORGS) or head  # ("the CODECO group, one of many militias operating in X")
            if head.ent_type_ and not said.ent_type_:
                yield head, said
                yield from ((head, c) for c in _more_titles(head, tok))
            elif tok.ent_type_ and not head.ent_type_:
                yield tok, head
                yield from ((tok, c) for c in _more_titles(tok, head))
            elif tok.ent_type_ == "PERSON" and head.ent_type_ in ORGS and head.dep_ == "pobj" and \
                    head.head.lower_ == "of" and head.head.head.pos_ == "NOUN" and not head.head.head.ent_type_:
                # "The founder of HTS, Abu Muhammad al-Jolani, ...": the name hung on the group describes the founder
                yield tok, head.head.head


_POSTS = {"position", "post", "office", "rank", "title", "role", "job"}


def _copula_attributes(verb: Token) -> list[Token] | None:
    """What a copula or a verb of office says its subject is: "X is the head of Y"; "X, who currently holds the
    position of deputy head of the council", "X serves as the group's spokesman"; None for other verbs."""
    lemma = verb.lemma_.lower()
    if lemma in {"be", "become", "remain"}:
        return [a for c in verb.children if c.dep_ in {"attr", "acomp"} for a in expand(c)]
    if lemma in {"hold", "occupy", "assume"} and verb.pos_ == "VERB":
        posts = [o for o in direct_objects(verb) if o.lemma_.lower() in _POSTS]
        return [a for p in posts for o in prep_objects(p, {"of"}) for a in expand(o)] if posts else None
    if lemma == "serve" and verb.pos_ == "VERB":
        return [a for o in prep_objects(verb, {"as"}) for a in expand(o)] or None
    return None


def _past_one_of(noun: Token) -> Token:
    """ "one of Haiti's gangs", "one of the most violent of Haiti's gangs": the noun that says what it is."""
    hops = 0
    while (noun.lower_ in {"one", "among"} or noun.pos_ == "ADJ") and hops < 3:
        noun, hops = next(iter(prep_objects(noun, {"of"})), noun), hops + 1
    return noun


def _role_phrase(noun: Token) -> str:
    """The role a noun phrase names, with the seat it represents ("the lawmaker representing Malumfashi
    Constituency", not only "lawmaker")."""
    seat = next((c for c in noun.children if c.dep_ == "acl" and c.lemma_ == "represent"), None)
    if seat is None:
        return phrase(noun)
    objects = [o for o in seat.children if o.dep_ == "dobj"]
    return f"{phrase(noun)} {seat.text} {phrase(objects[0], drop_det=False)}" if objects else phrase(noun)


def _one_of_many(noun: Token) -> bool:
    """ "one of the top leaders of X": one among several, so not the leader of X."""
    return noun.tag_ == "NNS" and noun.dep_ == "pobj" and noun.head.lower_ == "of" and \
        noun.head.head.lower_ in {"one", "among"}


def _named_place(noun: Token) -> Token:
    """The place name a place noun carries ("Shabwa" of "Shabwa province"), or the noun itself."""
    if noun.ent_type_ or noun.lower_ not in PLACE_NOUNS:
        return noun
    return next((c for c in noun.children if c.dep_ == "compound" and c.ent_type_ in PLACE_LABELS), noun)


def _included_people(verb: Token) -> Iterator[tuple[Token, Token]]:
    """ "The leaders of al-Shabaab include A and B": each person listed holds the title of the subject (which
    the parser may leave unattached: then the last title noun before the verb with "of" a group)."""
    people = [p for c in verb.children if c.dep_ == "dobj" for p in expand(c) if p.ent_type_ == "PERSON"]
    titles = [c for c in verb.children if c.dep_ == "nsubj" and c.lemma_.lower() in nouns("role") | nouns("leader")]
    if not titles:
        before = [t for t in verb.sent if t.i < verb.i and t.lemma_.lower() in nouns("role") | nouns("leader")]
        titles = before[-1:]
    # the title of a group ("the leaders of al-Shabaab", "its members"), not a bare "founders"
    titles = [t for t in titles if any(r.ent_type_ in ORGS for r in _related(t, ORGS))]
    for title in titles:
        for person in people:
            yield person, title


def _more_titles(person: Token, title: Token) -> list[Token]:
    """ "X, rogue MILF leader and founder of BIFF": each title joined to the first describes the person."""
    if person.ent_type_ != "PERSON":
        return []
    return [c for c in title.conjuncts if not c.ent_type_ and c.lower_ in nouns("role") | nouns("leader")]


def _comma_conjunct(tok: Token) -> bool:
    """ "a military wing, the Qassam Brigades, which ...": a name set off by a comma that the parser took for a
    list member, though nothing joins the list ("and", "or"): an apposition."""
    if tok.dep_ != "conj" or any(c.dep_ == "cc" for c in tok.head.children) or tok.head.ent_type_ == tok.ent_type_:
        return False
    first = min(t.i for t in tok.subtree)
    return first > 0 and tok.doc[first - 1].text == "," and tok.doc[first - 1].head == tok.head


def _related(noun: Token, labels: set[str]) -> list[Token]:
    """Entities a descriptive noun points to: "affiliate *of Y*", "*Y's* arm", "a *TTP* splinter group"."""
    # "the leader of the terrorist Boko Haram sect", "the leader of the rebel group": the group the phrase names
    out = [entity(o, labels) or owner(o, labels) or _known_as(o, labels)
           for o in prep_objects(noun, {"of", "for", "with", "from", "at", "to", "within"})]
    # "a figure in the RSF's media operations", "a faction in the Taliban": a group the noun sits inside
    out += [owner(o, ORGS) for o in prep_objects(noun, {"in", "inside"})]
    if noun.dep_ == "dobj" and noun.head.lemma_ in {"have", "maintain", "form", "create", "establish", "set"}:
        out += _actor_subjects(noun.head, labels)  # "Hamas has a military wing, the Qassam Brigades"
    for c in noun.children:
        if c.dep_ == "poss" and c.lower_ == "whose":  # "the Viv Ansanm group, whose leader, X, ...": that group
            clause = next((a for a in noun.ancestors if a.dep_ == "relcl"), None)
            out.append(owner(clause.head, labels) if clause is not None else None)
        elif c.dep_ in {"poss", "compound", "nmod", "amod"}:
            out.append(entity(c, labels))
    # "branch of the group" where "group" is a pronoun-like definite noun
    return [o for o in out if o is not None]


def _known_as(phrase: Token, labels: set[str]) -> Token | None:
    """ "part of a collection of factions known as the Axis of Resistance": the name the phrase is known by."""
    return next((ent for t in phrase.subtree for ent in [called(t, labels)] if ent is not None), None)


def _modifiers(noun: Token) -> Span | None:
    """The words in front of a noun that describe it: "a *Sunni Islamist militant* organization"."""
    mods = [t for c in noun.children if c.dep_ in {"amod", "compound", "nmod"} and c.i < noun.i for t in c.subtree]
    if not mods:
        return None
    return noun.doc[min(t.i for t in mods):noun.i]


def _coordinated(tok: Token, top: Token) -> bool:
    """tok hangs below top through a conjunction: "the rebel group X, and the jihadist group Y" (Y is not X)."""
    t = tok
    while t != top and t.head != t:
        if t.dep_ == "conj":
            return True
        t = t.head
    return False


_CREED_DEGREES = {"dissident", "hardline", "hard-line", "radical", "ultra-radical", "ultraconservative",
                  "ultra-conservative", "militant", "violent", "extreme", "fundamentalist", "moderate"}


_SPEAKING = {"say", "tell", "add", "claim", "announce", "state", "confirm", "explain", "note", "write"}


def _nouns_before_comma(name: Token, dep: str) -> list[Token]:
    """Common nouns hung on the same head as `name` (as `dep`) whose phrase ends right before the comma that
    opens `name`'s phrase."""
    start = name.left_edge.i
    if start < 2 or name.doc[start - 1].text != ",":
        return []
    return [n for n in name.head.children if n.dep_ == dep and n.pos_ == "NOUN" and not n.ent_type_ and
            n.i < name.i and n.right_edge.i == start - 2]


def _group_nouns_beside(name: Token) -> Iterator[Token]:
    """The group or member nouns right beside a group's name that describe it, however the parser hung them."""
    doc, group_nouns = name.doc, words("group_nouns")
    before = doc[name.i - 1] if name.i > 0 else None
    if before is not None and before.head != name and before.lower_ in group_nouns and before.pos_ == "NOUN" and \
            not before.ent_type_:
        yield before  # "Israel and the Lebanese militant group Hezbollah"
    if name.dep_ in {"compound", "nmod"} and name.head.lower_ in group_nouns and not name.head.ent_type_:
        yield name.head  # "the hardline Islamist HTS group", "the ISIS branch in Afghanistan"
    j = name.i + 1
    while j < min(name.i + 4, len(doc)) and doc[j].pos_ in {"ADJ", "PROPN"} and doc[j].ent_type_ in {"", "NORP"}:
        j += 1
    if name.i + 1 < j < len(doc) and doc[j].lower_ in words("member_nouns"):
        yield doc[j]  # "Al-Shabab Islamist militants": described between its name and its men


def _in_actor_name(span: Span, char: int) -> bool:
    """Whether the character at offset `char` of the span's text lies inside a group's or a force's name."""
    at = span.start_char + char
    return any(t.idx <= at < t.idx + len(t) and t.ent_type_ in ACTORS for t in span)


def _ideology(noun: Token) -> str | None:
    lexicon = sorted(triggers()["ideology"], key=len, reverse=True)
    heads = [noun, *[t for t in noun.subtree
                     if t.lower_ in words("group_nouns") | {"groups"} and not _coordinated(t, noun)]]
    for n in heads:
        span = _modifiers(n)
        while span is not None and len(span) and span[0].ent_type_ in ACTORS:
            span = span[1:]  # "Al-Shabab Islamist militants": the name itself is no creed
        if not span:
            continue
        text = span.text.lower()
        hits = [(m.start(), m.end()) for w in lexicon for m in re.finditer(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text)]
        # ("a faction of the now-disbanded Revolutionary Armed Forces of Colombia guerrillas": a word of a name)
        hits = [h for h in hits if not _in_actor_name(span, h[0])]
        if hits:
            start, end = min(h[0] for h in hits), max(h[1] for h in hits)
            before = span.text[:start].split()
            if before and before[-1].lower() in _CREED_DEGREES:  # "hardline Islamist", "radical Islamist"
                start -= len(before[-1]) + 1
            return span.text[start:end]
    return None


def _home_country(noun: Token) -> Token | None:
    """ "Somali Islamist group": a demonym in front of a group noun names the group's home country."""
    span = _modifiers(noun)
    for t in span or ():
        backer = t.i + 2 < len(t.doc) and t.doc[t.i + 1].text == "-" and t.doc[t.i + 2].tag_ == "VBN"
        if t.ent_type_ == "NORP" and places().demonym_in(t.text) and not backer:  # not "Turkish-backed"
            return t
    return None



_FRONT_MODIFIERS = {"shadow", "proxy", "front", "cover", "surrogate"}
_SECTION_MODIFIERS = {"youth", "student", "armed", "paramilitary", "military"}  # "the youth network of the MHP"


def _sub_leader(noun: Token) -> bool:
    return any(c.dep_ in {"amod", "compound"} and c.lower_ in SUB_LEADER for c in noun.children)


def _head_of(noun: Token, groups: list[Token]) -> bool:
    """ "the head of the Gulf Clan" leads it; "the head of its media wing" does not. "The commander of ULFA"
    leads it too, but not "a commander of ULFA", "the commander of the Jaish in the region" or the commander of
    a state's unit ("Joint Task Force Sulu")."""
    of = [o for o in prep_objects(noun, {"of"}) if o in groups]
    if noun.lower_ == "head":  # ("head of JNIM in Burkina Faso": its man in one country)
        return bool(of) and not in_an_area(noun) and not any(in_an_area(o) for o in of)
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
    return noun.lower_ == "commander" and definite and not in_an_area(noun) and any(
        o.ent_type_ == "ARMED_GROUP" and not in_an_area(o) for o in of)


def descriptions(sent: Span) -> Iterator[RawClaim]:
    part_nouns, split_nouns = nouns("part_of"), nouns("split_from")
    link_nouns, opp_nouns = nouns("linked_to"), nouns("opposes")
    leader_nouns, base_nouns = nouns("leader"), nouns("base")
    for ent, noun in described_pairs(sent):
        lemma = noun.lemma_.lower()
        label = ent.ent_type_
        mods = {c.lower_ for c in noun.children if c.dep_ in {"amod", "compound"}}
        related = [r for r in _related(noun, ORGS | {"PERSON", "GPE"}) if r != ent]
        if noun.head == ent and noun.dep_ in {"compound", "nmod"}:
            # "Boko Haram and its splinter ISWAP": the possessor sits on the name, not on "splinter"
            related += [e for c in ent.children if c.dep_ == "poss" for e in [entity(c, ORGS)] if e is not None]
        if label in ORGS and not related and noun.tag_ == "NNS" and lemma in link_nouns | opp_nouns:
            # "HTS and the SNA have been allies at times and rivals at others": each is that to the other
            related = [e for c in conjuncts(ent) for e in [entity(c, SIDES)] if e is not None and not same(e, ent)]
        if label in ORGS and lemma == "member" and ent.sent != noun.sent:
            continue  # "the insurgents were members of a movement named X": they are X, whoever "they" was before
        if label in ORGS:
            groups = [r for r in related if r.ent_type_ in ORGS]
            if lemma in COALITION_NOUNS:  # "ADF-NALU, a coalition of the ADF and NALU": each is a part of it
                for g in groups:
                    if noun.i < g.i and not same(g, ent):
                        yield _claim(g, "part_of", ent, noun, "coalition_member", 0.65)
            elif lemma in split_nouns or mods & {"splinter", "breakaway", "dissident", "renegade"}:
                for g in groups:
                    yield _claim(ent, "split_from", g, noun, "splinter", 0.75)
                    if mods & {"rival", "rebel"} and lemma not in opp_nouns:  # "its rival offshoot": both at once
                        yield _claim(ent, "opposes", g, noun, "rival_splinter", 0.65)
            elif lemma in part_nouns or noun.lower_ in part_nouns or lemma in words("group_nouns") and \
                    mods & (_FRONT_MODIFIERS | _SECTION_MODIFIERS):
                # "a shadow organisation of LeT", "a proxy outfit of LeT", "the youth network of the MHP"
                kind = _kind_of_part(noun)
                # ("its political wing, Batasuna": a party that speaks for the armed group, not a unit of it)
                pred = "linked_to" if kind and kind.startswith("political") else "part_of"
                for g in groups:
                    if any(same(o, ent) or o.ent_id_ and o.ent_id_ == ent.ent_id_ for o in prep_objects(g, {"of"})):
                        # "the rebels were part of the Domingo Lain Saenz Front of the ELN", the rebels read as the
                        # ELN: the front is the ELN's, not the ELN the front's
                        yield _claim(g, "part_of", ent, noun, "unit_of", 0.65)
                        continue
                    yield _claim(ent, pred, g, noun, "affiliate", 0.75, kind=kind)
            elif lemma in words("group_nouns"):  # "a major militia within the Popular Mobilization Forces"
                for o in prep_objects(noun, {"within", "inside", "in"}):
                    g = entity(o, ORGS)
                    if g is not None and g.ent_type_ in ACTORS and not same(g, ent):
                        yield _claim(ent, "part_of", g, noun, "group_within", 0.65)
            elif lemma in link_nouns:
                for g in related:
                    if g.ent_type_ in SIDES:
                        yield _claim(ent, "linked_to", g, noun, "ally", 0.65)
            elif lemma in opp_nouns:
                for g in related:
                    yield _claim(ent, "opposes", g, noun, "rival", 0.65)
            if label in ACTORS and (lemma in part_nouns or lemma in words("group_nouns")) and not _compared(noun):
                # "its wing in West Africa", "a militant group in northern Mali", "one of Haiti's gangs"
                places = [p for o in prep_objects(noun, {"in", "across", "throughout"}) for p in places_in(o)]
                places += [c for c in noun.children if c.dep_ == "poss" and c.ent_type_ == "GPE"]
                for place in places:
                    yield _claim(ent, "active_in", place, noun, "group_in", 0.6)
            if label in ACTORS:
                ideology = _ideology(noun)
                if ideology:
                    yield _claim(ent, "ideology", {"text": ideology}, noun, "ideology", 0.7)
                home = _home_country(noun) if lemma in words("group_nouns") else None
                if home is not None:
                    yield _claim(ent, "based_in", home, noun, "home_country", 0.5)
        elif label == "PERSON":
            if noun.lemma_.lower() not in nouns("role") and noun.lower_ not in nouns("role") and not any(
                    r.ent_type_ in ORGS for r in related):
                continue  # "the search operation, Muhammed Asim": a misparsed neighbour, not a role
            groups = [g for g in related if g.ent_type_ in ORGS]
            former = [c.lower_ for c in noun.children if c.lower_ in {"former", "ex", "erstwhile", "onetime",
                                                                         "one-time"}]
            one_of = former and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in noun.children)
            if groups and (lemma in leader_nouns or _head_of(noun, groups)) and not _sub_leader(noun) and \
                    not one_of and not _one_of_many(noun):
                # "X, the leader of Y", "its former leader X": who leads or led what says it all ("a former Janjaweed
                # leader": one of its leaders once, a member whose role the title tells)
                role = noun.lower_ if noun.lower_ in {"founder", "co-founder"} else \
                    f"{former[0]} {noun.lower_}" if former else None
                for g in groups:
                    yield _claim(g, "leader", ent, noun, "leader_title", 0.65, role=role)
                continue
            role = _role_phrase(noun.head.head if _one_of_many(noun) else noun)
            if role and len(role.split()) <= 12 and _says_something(_trim_role(role)):
                yield _claim(ent, "role", {"text": _trim_role(role)}, noun, "role", 0.7)
            for g in groups:
                yield _claim(ent, "member_of", g, noun, "member", 0.65)
        elif label in PLACE_LABELS and lemma in base_nouns:
            for g in related:
                if g.ent_type_ in ACTORS:
                    yield _claim(g, "based_in", ent, noun, "stronghold", 0.65)




def _kind_of_part(noun: Token) -> str | None:
    """What kind of part the noun says a group is: "armed wing", "regional affiliate", "branch" (not the names
    in front of it: "the Sahel branch")."""
    if noun.lemma_.lower() not in PART_WORDS:
        return None
    mods = [c.lower_ for c in noun.children if c.dep_ in {"amod", "compound"} and not c.ent_type_ and c.i < noun.i
            and c.is_lower]
    return " ".join([*mods, noun.lower_])


def _trim_role(text: str) -> str:
    words = text.split()
    while words and words[0].lower() in {"a", "an", "the", "man", "woman", "person", "now", "who"}:
        words = words[1:]
    return " ".join(words)


# Ranks and honorifics: alone, they say how a person is addressed, not what they do ("Col.", "Senator")
_BARE_TITLES = {"general", "gen", "major", "maj", "colonel", "col", "lt", "lieutenant", "captain",
                "capt", "brigadier", "sergeant", "sgt", "senator", "sen", "sheikh", "sheik", "mr", "mrs", "ms", "dr",
                "prof", "mullah", "maulana", "mufti", "haji", "hon", "honourable"}


# Words that say whose a role is or that there is one, not what it is ("its members", "one of the members")
# ("the suspect, X": what the case makes of him, no post he holds)
_EMPTY_ROLE_WORDS = {"member", "members", "its", "their", "his", "her", "the", "a", "an", "one", "of", "suspect",
                     "suspects", "victim", "victims"}


def _says_something(role: str) -> bool:
    return any(w.strip(".-–").lower() not in _BARE_TITLES | _EMPTY_ROLE_WORDS for w in role.split()
               if w.strip(".-–"))


def titles(sent: Span) -> Iterator[RawClaim]:
    """ "Taliban spokesman Zabiullah Mujahid": a title in front of a name (not the reporter's, in a byline)."""
    role_nouns = nouns("role")
    if _byline(sent):
        return
    for person in sent:
        if person.ent_type_ != "PERSON":
            continue
        comp = [c for c in person.children if c.dep_ in {"compound", "amod", "nmod"} and c.i < person.i]
        if not comp:
            continue
        start = min(t.i for c in comp for t in c.subtree)
        doc = person.doc
        # "Congolese military spokesman X": the words right before the title are part of it, however parsed
        while start > sent.start and person.i - start < 6 and doc[start - 1].text[0].isalpha() and (
                doc[start - 1].ent_type_ in ACTORS | {"NORP"} or doc[start - 1].pos_ in {"ADJ", "NOUN", "PROPN"} and
                not doc[start - 1].ent_type_) and doc[start - 1].dep_ not in {"nsubj", "dobj", "pobj", "ROOT"}:
            start -= 1
        words = doc[start:person.i]
        heads = [t for t in words if t.lower_ in role_nouns or t.lemma_.lower() in role_nouns]
        if not heads:
            continue
        orgs = [t for t in words if t.ent_type_ in ORGS and not _names_no_body(t)]
        # the title's own noun decides: "MILF chief negotiator" negotiates, "rogue MILF leader" leads no MILF
        if orgs and heads[-1].lemma_.lower() in nouns("leader") and not _sub_leader(heads[-1]) and \
                not any(t.lower_ in SUB_LEADER for t in words):
            # "Al-Qaida leader Osama bin Laden": the title says who leads what, and nothing more
            for t in orgs:
                yield _claim(t, "leader", person, person, "title", 0.7)
            continue
        abbreviations = triggers().get("abbreviations", {})
        kept = [t for t in words if t.dep_ != "det" and not t.is_punct and t.lower_ not in {"slain", "late"}]
        # ("Trump's Secretary of ...": a possessive ending stays on its word)
        text = "".join(("" if t.tag_ == "POS" or k == 0 else " ") +
                       abbreviations.get(t.lower_, abbreviations.get(f"{t.lower_}.", t.text))
                       for k, t in enumerate(kept))
        if text and _says_something(text):
            yield _claim(person, "role", {"text": text}, person, "title", 0.7)
        for t in orgs:
            yield _claim(person, "member_of", t, person, "title", 0.7)


def _names_no_body(tok: Token) -> bool:
    """A word of a title that the NER took for an organisation but that names none a person could belong to: a
    ministry cut out of the title ("Union Home Minister Amit Shah"), a nationality ("Ugandan President X"), the
    surname of a person the report names in full ("Trump's Secretary of Homeland Security Kristi Noem")."""
    if tok.ent_id_:
        return False
    ministry = tok.ent_type_ == "ORG" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "minister"
    return ministry or bool(places().demonym(tok.text)) or tok.ent_type_ == "ORG" and _surname(tok)


def _surname(tok: Token) -> bool:
    def bare(text: str) -> str:
        return text.removesuffix("'s").removesuffix("’s").strip()

    full_names = (bare(e.text).split() for e in tok.doc.ents if e.label_ == "PERSON")
    return bare(tok.text) in {n[-1] for n in full_names if len(n) > 1}


def _byline(sent: Span) -> bool:
    """ "By Middle East correspondent Sophie McNeill, wires": who wrote the report, not who is in it."""
    return sent[0].lower_ == "by" and len(sent) <= 12 and not any(t.pos_ == "VERB" for t in sent)


def affiliations(sent: Span) -> Iterator[RawClaim]:
    """ "Dr Sajjan Gohel from the Asia Pacific Foundation"."""
    for person in sent:
        if person.ent_type_ == "PERSON":
            for o in prep_objects(person, {"from", "of", "with", "at"}):
                if o.ent_type_ in ORGS:
                    yield _claim(person, "member_of", o, person, "affiliation", 0.6)


def possessives(sent: Span) -> Iterator[RawClaim]:
    """ "the Taliban's Haqqani network" -> part_of(Haqqani network, Taliban)."""
    doc = sent.doc
    for tok in sent:
        if tok.ent_type_ in ORGS:
            owners = [c for c in tok.children if c.dep_ == "poss" and c.ent_type_ in ORGS]
            # the parser sometimes misses "X’s Y"; the surface form is enough
            if tok.i >= 2 and doc[tok.i - 1].text in {"’s", "'s"} and doc[tok.i - 2].ent_type_ in ORGS:
                owners.append(doc[tok.i - 2])
            for c in owners:
                if c.text != tok.text:
                    yield _claim(tok, "part_of", c, tok, "possessive", 0.6)


def link_modifiers(sent: Span) -> Iterator[RawClaim]:
    """ "the al-Qaeda-linked group", "Iran-backed Houthi rebels", "IS-affiliated militants": the name
    before the hyphen is tied to the group the noun stands for."""
    for tok in sent:
        if tok.lower_.startswith("pro-") and tok.dep_ in {"amod", "compound"} and places().demonym(tok.text[4:]):
            group = owner(tok.head, ACTORS)  # "the pro-Rwandan group M23": tied to Rwanda
            if group is not None:
                yield _claim(group, "linked_to", tok, tok, "pro_adjective", 0.6)
            continue
        participle = link_participle(tok) if tok.ent_type_ in SIDES | {"GPE"} else None
        if participle is None:
            continue
        # the parser hangs X on either; written without a hyphen, the noun is the next word, however parsed
        noun = tok.doc[participle.i + 1] if participle.i == tok.i + 1 else \
            participle.head if tok.head == participle else tok.head
        group = owner(noun, ACTORS) if noun not in {tok, participle} else None
        if group is None and noun.dep_ in {"compound", "nmod"}:  # "the ISIS-affiliated group Ansar al-Sunna"
            group = entity(noun.head, ACTORS)
        if group is None or group == tok or same(group, tok):
            continue
        affiliated = participle.lower_ in words("affiliation_participles") and tok.ent_type_ in ACTORS
        yield _claim(group, "part_of" if affiliated else "linked_to", tok, participle, "hyphen_link", 0.6)


_HARM_NOUNS = {"killing", "massacre", "murder", "assassination", "abduction", "kidnapping"}


_MERGER_NOUNS = {"merger", "merging", "amalgamation", "fusion"}


def _listed(prep: Token) -> list[Token]:
    """The groups listed after "a merger between": up to the next verb, however the parser spread the list over
    appositions and conjunctions; not "al-Qaeda" of "al-Qaeda's Syrian branch" (the branch is the part)."""
    out = []
    for t in prep.doc[prep.i + 1:prep.sent.end]:
        if t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"amod", "compound"} or t.text == ";":
            break
        if t.ent_type_ in ACTORS and not (t.dep_ == "poss" and t.head.lemma_.lower() in nouns("part_of")):
            out.append(t)
    return out


def relation_nouns(sent: Span) -> Iterator[RawClaim]:
    """ "links between X and Y", "clashes with X", "attacks on X", "collaboration between X, Y and Z"."""
    link_nouns, opp_nouns, target_nouns = nouns("linked_to"), nouns("opposes"), nouns("targets")
    for noun in sent:
        lemma, low = noun.lemma_.lower(), noun.lower_
        # ("Fighting between X and Y has killed ...": a gerund standing as a noun)
        gerund = noun.tag_ == "VBG" and noun.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"}
        if noun.ent_type_ or noun.pos_ not in {"NOUN", "PROPN"} and not gerund:
            continue
        fire = low == "exchange" and any(o.lemma_ in {"fire", "gunfire"} for o in prep_objects(noun, {"of"}))
        if low in link_nouns or low in opp_nouns or lemma in opp_nouns or fire:
            pred = "linked_to" if low in link_nouns else "opposes"
            between = [e for o in prep_objects(noun, {"between", "among"})  # ("Polisario soldiers": Polisario)
                       for e in [entity(o, SIDES) or side_of(o, ACTORS)] if e is not None]
            for i, a in enumerate(between):
                for b in between[i + 1:]:
                    if a.text != b.text:
                        yield _claim(a, pred, b, noun, "between", 0.65)
            others = [e for o in prep_objects(noun, {"with", "to", "against", "from"})
                      for e in [entity(o, SIDES) or loyal_side(o, SIDES)] if e is not None]
            if others:
                for s in _clause_subjects(noun):
                    for o in others:
                        if not same(o, s):
                            yield _claim(s, pred, o, noun, "with", 0.6)
        elif low in _MERGER_NOUNS:  # "JNIM ..., the product of a merger between X, Y and Z": its parts
            parts = [e for p in noun.children if p.dep_ == "prep" and p.lower_ in {"between", "of"}
                     for e in _listed(p)]
            # ("a merger of al Qaeda's Yemeni and Saudi branches": the whole is al-Qaeda's too)
            owners = [t for p in noun.children if p.dep_ == "prep" and p.lower_ in {"between", "of"}
                      for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in nouns("part_of")
                      for t in o.children if t.dep_ == "poss" and t.ent_type_ in ACTORS]
            dates = [v for d in dates_under(noun) for v in [parse_date(d.text, noun.doc.user_data.get("published"))]
                     if v is not None]
            for whole in _clause_subjects(noun):
                for part in parts + owners:
                    if not same(part, whole):
                        yield _claim(whole, "part_of", part, noun, "merged_branches", 0.6) if part in owners else \
                            _claim(part, "part_of", whole, noun, "merger", 0.6)
                if dates and (parts or owners):  # "the product of a 2009 merger of ...": born then
                    yield _claim(whole, "founded", dates[0].literal(), noun, "merger_date", 0.6)
        elif low in target_nouns and noun.dep_ not in {"nsubj", "nsubjpass"}:
            # "attacks on X"; "the killing of Hindus, BJP leaders and security forces"
            preps = {"on", "against", "targeting"} | ({"of"} if lemma in _HARM_NOUNS else set())
            objs: list[Token | dict] = []
            for o in (x for p in prep_objects(noun, preps) for x in expand(p)):
                obj = _community_before(o) or entity(o, ACTOR_LABELS | {"COMMUNITY"}) or force_object(o)
                if obj is not None:
                    objs.append(obj)
            for s in _clause_subjects(noun):
                for o in objs:
                    if not same(o, s):
                        yield _claim(s, "targets", o, noun, "attack_on", 0.55)


_PEOPLE_NOUNS = {"population", "community", "civilian", "villager", "people", "resident", "family", "village",
                 "settlement", "herder", "farmer", "worshipper", "pilgrim"}


def _community_before(tok: Token) -> Token | None:
    """ "attacks against Peul populations", "Hazara villagers": the people named before a word for people."""
    if tok.lemma_.lower() not in _PEOPLE_NOUNS:
        return None
    return next((c for c in tok.children if c.dep_ in {"compound", "amod", "nmod"} and c.ent_type_ == "COMMUNITY"),
                None)


def _clause_subjects(noun: Token) -> list[Token]:
    """Who a relation noun belongs to: its possessor, else the subject of the verb above it."""
    for c in noun.children:
        if c.dep_ == "poss":
            e = entity(c, ACTORS | {"PERSON"})
            if e is not None:
                return [e]
    v = governing_verb(noun)
    agents = [e for o in prep_objects(v, {"by"}) for e in [entity(o, ACTORS)] if e is not None]
    return agents or [s for s in _actor_subjects(v, ORGS | {"PERSON"})] or \
        [s for s in subjects(v, ORGS) if s.ent_type_ in ORGS]


_STANDING_ADJECTIVES = {"powerful", "active", "influential", "dominant", "prominent", "significant", "capable"}


def _compared(noun: Token) -> bool:
    """ "one of the most ruthless groups in the Western Hemisphere", "the most extreme of all the militant groups in
    Afghanistan": the place is where a reputation is compared, not (as such) where the group acts. A ranking by
    size ("the second-largest guerrilla group in Colombia", "the largest of the groups operating in X") does
    place the group there."""
    def most(t: Token) -> bool:  # ("the most powerful faction in Syria" is a standing there, not a reputation)
        return t.lower_ not in _STANDING_ADJECTIVES and any(c.lower_ in {"most", "least"} for c in t.children)

    if any(c.dep_ == "amod" and most(c) for c in noun.children):
        return True
    head = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    return head is not None and most(head)


_PRESENCE_VERBS = {"operate", "fight", "wage", "remain"}


def _country_owners(noun: Token) -> list[Token]:
    """ "Nigeria's homegrown jihadis", "Yemen’s Houthi rebels" (which the parser may not read as a possessive)."""
    doc = noun.doc
    owners = [c for c in noun.children if c.dep_ == "poss" and c.ent_type_ == "GPE"]
    if not owners and noun.i >= 2 and doc[noun.i - 1].text in {"’s", "'s"} and doc[noun.i - 2].ent_type_ == "GPE":
        owners.append(doc[noun.i - 2])
    return owners


def group_places(sent: Span) -> Iterator[RawClaim]:
    """ "Hezbollah in Lebanon", "Kony's Lord's Resistance Army in Uganda", "the groups operating in Northern
    Ireland": a place attached to the group's own name (or its description) says where the group is."""
    pairs = [(t, t) for t in sent if t.ent_type_ == "ARMED_GROUP"]
    pairs += [(e, n) for e, n in described_pairs(sent) if e.ent_type_ == "ARMED_GROUP"]
    pairs += [(g, t) for t in sent if t.lower_ in words("member_nouns") and not t.ent_type_
              for g in [owner(t, {"ARMED_GROUP"})] if g is not None]  # "IS-K fighters in Nangarhar"
    for ent, noun in pairs:
        # "Yemen's Houthi rebels": the country the group's fighters are of is their home (not so "Russia's
        # Wagner mercenaries" or "Afghanistan's Taliban rulers", which say whose they are or what they rule)
        for place in _country_owners(noun) if noun.lower_ in words("member_nouns") else ():
            yield _claim(ent, "based_in", place, noun, "country_owned", 0.55)
        if noun.dep_ == "pobj" and noun.head.lower_ == "by" or _compared(noun):
            continue  # "an attack by IS-K in Kabul": where that attack was
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in nouns("part_of"):
            part = owner(noun.head.head, {"ARMED_GROUP"})  # "X, an affiliate of Y in central Mali": X is there
            if part is None or same(part, ent):
                continue
            ent = part
        holders = [noun] + [v for v in noun.children if v.dep_ in {"acl", "relcl"} and
                            v.lemma_.lower() in _PRESENCE_VERBS | verb_lemmas("active_in")]
        # "an al-Qaeda-linked group active in the Sahel region"
        holders += [a for a in noun.children if a.dep_ == "amod" and a.lower_ in PRESENCE_ADJECTIVES]
        # "the armed group plaguing civilian targets throughout Mali": whatever it does, it does all over there
        spread = [x for v in noun.children if v.dep_ in {"acl", "relcl"} and v not in holders
                  for x in [v, *(o for o in v.children if o.dep_ == "dobj")]]
        for h, preps in [(h, {"in", "across", "throughout"}) for h in holders] + \
                [(h, {"across", "throughout"}) for h in spread]:
            who = through_tie(h, ent, {"ARMED_GROUP"}) if h.dep_ == "relcl" else ent  # ("linked to X which ...")
            for place in (p for o in prep_objects(h, preps) for p in places_in(o)):
                yield _claim(who, "active_in", place, h, "group_in_place", 0.55)


def campaign_places(sent: Span) -> Iterator[RawClaim]:
    """ "a series of attacks across northern Colombia by the Gulf Clan", "kidnappings in Zamfara by bandits":
    attacks (plural) that a group carries out somewhere say it is active there; one attack says only where it was."""
    for noun in sent:
        if noun.tag_ != "NNS" or noun.lower_ not in CAMPAIGN_NOUNS | {"shootings", "killings", "assaults"} or \
                noun.ent_type_:
            continue
        run = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
        doers = [g for n in (noun, run) if n is not None for o in prep_objects(n, {"by"})
                 for g in [owner(o, ACTORS)] if g is not None and g.ent_type_ in ACTORS]
        # "a string of AQAP shootings", "a wave of Islamic State attacks", "al-Shabab's attacks in Kenya"
        doers += [c for c in noun.children if c.dep_ in {"compound", "poss", "nmod", "amod"} and c.ent_type_ in ACTORS]
        # ("shootings targeting military checkpoints in Yemen": where what they hit is)
        doing = [noun] + [o for v in noun.children if v.dep_ == "acl" for o in v.children if o.dep_ == "dobj"]
        for g in doers:
            for place in (p for n in doing for p in places_below(n, {"in", "across", "throughout"})):
                yield _claim(g, "active_in", place, noun, "campaign_by", 0.55)


def referring_ideology(sent: Span) -> Iterator[RawClaim]:
    """ "the jihadist group claims ...": a creed on a noun that refers back to a named group describes that group;
    so does one written on the name itself ("Shiite Muslim Hezbollah")."""
    for tok in sent:
        if tok.ent_type_ in ACTORS and any(c.dep_ in {"amod", "compound"} and c.i < tok.i for c in tok.children):
            ideology = _ideology(tok)
            if ideology:
                yield _claim(tok, "ideology", {"text": ideology}, tok, "named_ideology", 0.6)
        ante = tok._.antecedent
        if ante is not None and ante.ent_type_ in ACTORS and not tok.ent_type_ and tok.pos_ in {"NOUN", "PROPN"}:
            ideology = _ideology(tok)
            if ideology:
                yield _claim(ante, "ideology", {"text": ideology}, tok, "referring_ideology", 0.6)


NOUN_RULES = (descriptions, titles, affiliations, possessives, relation_nouns, group_places, campaign_places,
              link_modifiers, referring_ideology)


def noun_claims(sent: Span) -> Iterator[RawClaim]:
    for rule in NOUN_RULES:
        yield from rule(sent)
