"""Events: attacks, bombings, clashes, strikes, kidnappings, takeovers — dated, placed, attributed, counted.

A trigger word (lexicon in data/events.json) opens an event mention in its sentence; date,
place, perpetrators and casualty figures are read from the same sentence. A later mention that
names no date or place of its own ("the bombing", "the assault") adds to the latest event of the
same document instead of opening a new one.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from dossier.extract.literals import DateValue, Quantity, parse_date, parse_quantity, shifted
from dossier.extract.syntax import (
    CALLING_VERBS,
    MEMBER_HEADS,
    PLACE_NOUNS,
    TIE_PARTICIPLES,
    called,
    conjuncts,
    dashed_subject,
    entity,
    expand,
    governing_verb,
    is_place,
    loyal_side,
    name_on,
    owner,
    places_below,
    places_in,
    prep_objects,
    side_of,
    subjects,
    tally_over_time,
)
from dossier.lexicon import nouns, words
from dossier.model import Place
from dossier.nlp.coref import link_participle
from dossier.nlp.gazetteer import actors
from dossier.nlp.mentions import distance_after
from dossier.nlp.pipeline import BULLETS
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
    victims: list[Token] = field(default_factory=list)  # the words naming who or what was hit
    sentences: list[Span] = field(default_factory=list)
    place_where: bool = False  # the place governs the event word: "Khar, where the bombing took place"
    toll: bool = False  # the killed figure is a (latest) death toll
    background: bool = False  # an earlier event the report dates its own against ("a week after a blast in X")
    outer: Token | None = None  # a known place the report put the event in before naming one no gazetteer knows
    namesake: bool = False  # the gazetteer knows the place's name only elsewhere: `outer` locates it


# nouns that name an event only by referring back to one told before: they add to it and never open one
_REFERRING_NOUNS = {"incident"}


_TAKING_LEMMAS = {"take", "gain", "wrest", "seize", "assume", "retake", "recapture", "exchange"}


def _trigger(tok: Token) -> tuple[str, str] | None:
    trig = lexicon()["triggers"]
    lemma = tok.lemma_.lower()
    if lemma in _TAKING_LEMMAS and _intended(tok):
        return None  # "threatening an offensive to retake Idlib": not (yet) an event
    if lemma == "take" and any(c.dep_ == "prt" and c.lower_ == "over" for c in tok.children):
        return tuple(trig["take over"])
    if lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "charge" for c in tok.children):
        return tuple(trig["take charge"])
    if lemma in {"take", "gain", "wrest", "seize", "assume"} and any(
            places_in(o) or o.lemma_.lower() in _STRONGHOLDS for c in tok.children
            if c.dep_ == "dobj" and c.lower_ == "control" for o in prep_objects(c, {"of", "over"})):
        # "took control of Goma", "took complete control of the battalion's headquarters"; not "of the group"
        return tuple(trig["seize"])
    if lemma in {"take", "retake", "recapture"} and tok.pos_ == "VERB" and any(
            c.dep_ in {"dobj", "nsubjpass"} and (c.ent_type_ in {"GPE", "LOC"} or
                                                 c.lower_ in {"city", "town"} and _definite(c)) for c in tok.children):
        # "Tarhouna was taken by the LNA", "forces took back Tarhouna", "retook the city"; not "took hostages"
        return tuple(trig["seize"])
    if lemma == "exchange" and any(o.lemma_ in {"fire", "gunfire", "shot"} for o in prep_objects(tok, {"of"})):
        return tuple(trig["firefight"])  # "an exchange of fire between X and Y"
    if tok.pos_ not in {"NOUN", "VERB", "PROPN"} or tok.ent_type_:
        return None
    if tok.pos_ == "VERB" and tally_over_time(tok):
        return None  # "has killed more than 1,200 civilians since 2017": a record, not one event
    if tok.pos_ == "VERB" and tok.dep_ == "xcomp" and tok.head.lemma_.lower() in {"continue", "keep"}:
        return None  # "PDFs continued to attack regime targets": a campaign going on, not one event
    if lemma == "kill" and tok.pos_ == "VERB" and _counted_or_by_group(tok):
        return "violence_against_civilians", "attack"
    if lemma in _KILL_EUPHEMISMS and tok.pos_ == "VERB" and _counted_or_by_group(tok) and any(
            o.like_num or o.lower_ in MEMBER_HEADS or o.ent_type_ == "PERSON" for c in tok.children
            if c.dep_ in {"dobj", "nsubjpass"} for o in [c, *c.children]):
        return "violence_against_civilians", "attack"  # "eliminated 8 of Boko Haram terrorists", "neutralised"
    if lemma == "target" and _targeted_once(tok):
        return tuple(trig["attack"])  # "gunmen targeted the border guards at a station in Mirjaveh"
    if lemma in {"gun", "mow"} and tok.pos_ == "VERB" and any(c.dep_ == "prt" and c.lower_ == "down"
                                                              for c in tok.children):
        return tuple(trig["shooting"])  # "five villagers were gunned down", "mowed down at a bar"
    if lemma == "shoot" and tok.pos_ == "VERB" and any(c.lower_ == "dead" for c in tok.children):
        return tuple(trig["shooting"])  # "gunmen shot dead a diplomat"
    if lemma == "plant" and any(o.lemma_.lower() in _DEVICES for o in _objects(tok)):
        return tuple(trig["bomb"])  # "planted the device that was found under the officer's car"
    if lemma == "fire" and any(o.lemma_ in {"rocket", "missile", "mortar", "shell", "grenade"} for o in _objects(tok)):
        return "explosions_remote_violence", "shelling/artillery/missile attack"
    if lemma in _REFERRING_NOUNS and tok.tag_ == "NN" and _definite(tok):
        return "violence_against_civilians", "attack"  # "the incident occurred near Ambeli village": refers back
    hit = trig.get(lemma) or trig.get(tok.lower_)
    if hit is None:
        return None
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ == "state":
        return None  # "declared a state of siege": a legal regime, no siege laid
    if _intended(tok) or _fought_for_a_cause(tok):
        return None  # "with the intention of seizing the headquarters", "a plot to bomb": not (yet) an event
    if lemma == "strike" and not any(c.lower_ in lexicon()["strike_cues"] for c in tok.children):
        # ("US forces carried out a rare strike against al-Qaeda": a strike someone conducts on someone)
        conducted = tok.pos_ == "NOUN" and (tok.dep_ == "dobj" and tok.head.lemma_.lower() in _DOER_VERBS or
                                            bool(prep_objects(tok, {"against"})))
        if not conducted and not any(c.dep_ == "nsubj" and c.lemma_.lower() in _ATTACKERS or
                                     c.dep_ in {"amod", "compound"} and c.lower_ in _TERROR_WORDS
                                     for c in tok.children):
            return None  # "a suicide bomber struck", "two terror strikes": attacks; "the tremor struck": not one
        return tuple(trig["attack"])
    if lemma in {"capture", "seize", "overrun"} and _taken_alive(tok):
        return None  # "executed after being captured in Pakistan": a man caught, no ground taken
    if lemma in {"capture", "seize", "overrun"} and not any(
            places_in(o) or places_below(o, {"in", "near", "outside"}) or o.lemma_.lower() in _STRONGHOLDS
            for o in _objects(tok)):
        return None  # "seized the town of X", "overran the base in X", "captured a military base"; not "weapons"
    first = tok
    while first.dep_ == "conj":
        first = first.head  # ("gun and bomb attacks": "bomb" modifies the attacks as "gun" does)
    if lemma in {"bomb", "rocket", "riot"} and tok.pos_ == "NOUN" and first.dep_ in {"compound", "nmod"}:
        return None  # ("bomb disposal", "riot police": a kind of thing, no event)
    if tok.pos_ == "NOUN" and tok.dep_ == "compound" and tok.head.tag_ == "NNS" and not _definite(tok.head) \
            and not _counted(tok.head):
        return None  # "recent kidnapping incidents": events in general, as "attacks" is
    if any(a.lemma_.lower() in _CHARGE_NOUNS and a.pos_ == "NOUN" for a in list(tok.ancestors)[:4]):
        return None  # "a wanted poster on charges including murder and kidnapping": crimes charged, no one event
    if lemma == "encounter" and (tok.pos_ != "NOUN" or not prep_objects(tok, {"with"})):
        return None  # "an encounter with soldiers" is a gunfight; "they encountered delays" is not
    cues = lexicon()["strategic_cues"].get(lemma)
    if cues is not None:  # "pledged allegiance to", "signed a peace agreement", "defected to", "emerged in"
        if tok.pos_ != "VERB" or cues and not any(t.lower_ in cues for t in tok.subtree):
            return None
        if not any(s.ent_type_ in {"ARMED_GROUP", "PERSON", "FORCE"} for s in subjects(tok, PERPETRATOR_LABELS)):
            return None
    if tok.pos_ == "NOUN" and tok.tag_ == "NNS" and lemma not in {"clash", "fighting"} and not _definite(tok) \
            and not _counted(tok) and not _dated_to_a_day(tok) and not _answered_for(tok):
        return None  # "attacks" in general, not one event; "the attacks" refers back to one
    if tok.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in _HABITUAL for c in tok.children):
        return None  # "the site of frequent clashes", "many suicide bombings": a pattern over time, not one event
    return tuple(hit)


def _taken_alive(verb: Token) -> bool:
    """ "police captured the commander", "his brother was executed after being captured": what was captured is a
    person (the subject of the clause a bare passive hangs on, when it has none of its own)."""
    taken = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if not taken and verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children):
        clause = verb.head.head if verb.dep_ == "pcomp" else verb.head
        taken = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return bool(taken) and all(
        t.ent_type_ == "PERSON" or t.lower_ in {"he", "she", "him", "her", "them"} or t.lemma_.lower() in _KIN_NOUNS |
        set(nouns("leader")) | {"commander", "suspect", "militant", "fighter"} or t.lower_ in words("member_nouns")
        for t in taken)


_KIN_NOUNS = {"brother", "son", "father", "nephew", "cousin", "wife", "daughter", "mother", "sister", "uncle"}


def _fought_for_a_cause(tok: Token) -> bool:
    """ "says it is fighting for the rights of the Baluch minority": what a group fights for, not a battle (but
    "fighting for control of Bakhmut" is one)."""
    return tok.pos_ == "VERB" and tok.lemma_.lower() in {"fight", "struggle"} and any(
        not places_in(o) and o.lemma_.lower() not in {"control", "town", "city", "village", "base"}
        for o in prep_objects(tok, {"for"})) and not any(c.dep_ == "dobj" for c in tok.children)


def _answered_for(tok: Token) -> bool:
    """ "claimed responsibility for attacks on the army in X and Y": attacks someone answers for are particular
    ones."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.lemma_.lower() in {
        "responsibility", "credit"}


def _verb_above(tok: Token) -> Token:
    """The verb above a word, past names the tagger took for verbs ("in Jubeiha and Rashad on Sunday")."""
    verb = governing_verb(tok)
    while verb.ent_type_ and verb.head != verb:
        verb = governing_verb(verb)
    return verb


def _dated_to_a_day(tok: Token) -> bool:
    """ "22 properties were hit by explosions late Monday night": event words in the plural that their clause
    dates to one day tell that day's attacks, not attacks in general."""
    # ("hit by explosions", "carried out a number of attacks": the verb above the noun's preposition)
    verb = _verb_above(tok) if tok.dep_ == "pobj" else _clause_root(tok)
    published = tok.doc.user_data.get("published")
    for d in tok.sent:
        if d.ent_type_ in {"DATE", "TIME"} and d.head.lower_ not in {"since", "until", "till"} and (
                verb in {_clause_verb(d), _verb_above(d)} or d in set(tok.subtree)):
            value = parse_date(d.text, published)
            if value is not None and value.precision == "day":
                return True
    return False


_STANCE_VERBS = {"reject", "deny", "accuse", "blame", "condemn", "say", "warn", "demand", "insist", "call", "urge",
                 "claim", "vow", "threaten", "respond", "dismiss"}
_CHARGE_NOUNS = {"charge", "conviction", "warrant", "indictment"}
_DEVICES = {"device", "bomb", "explosive", "ied", "mine", "landmine"}
_TERROR_WORDS = {"terror", "terrorist", "militant", "insurgent", "jihadist", "rebel", "suicide", "guerrilla"}

# verbs that name the doer, not an event
_STRONGHOLDS = {"headquarters", "base", "outpost", "camp", "barracks", "garrison", "checkpoint", "airport", "town",
                "city", "village", "post", "fort", "airbase", "port"}
_ATTACK_VERBS = {"blow", "fire", "shoot", "open", "gun", "ambush", "swarm", "storm", "raid", "overrun"}
_DOING_DEPS = {"advcl", "conj", "ROOT", "ccomp", "acl"}
# verbs of doing attacks, whose plural object may be a record of them: "has carried out some major attacks"
_RECORD_VERBS = {"carry", "conduct", "launch", "stage", "mount", "perpetrate", "commit"}
_DOER_VERBS = _RECORD_VERBS | {"lead", "order", "claim", "plant", "detonate", "trigger", "lay", "unleash",
                               "wage",  # ("laid siege to Marawi")
                               "organise", "organize", "orchestrate", "mastermind"}
_BELIEF_VERBS = {"believe", "think", "understand", "suspect", "assume", "presume"}
_ATTACKERS = {"bomber", "attacker", "gunman", "gunmen", "militant", "insurgent", "assailant", "fighter", "rebel",
              "jihadist", "terrorist"}
# verbs telling where an event word's blast or blow landed: the place below them is where it happened
_IMPACT_VERBS = {"tear", "rip", "hit", "strike", "rock", "shake", "destroy", "damage", "devastate", "flatten", "kill",
                 "wound", "injure", "target"}
_BEARINGS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
_HABITUAL = {"frequent", "repeated", "regular", "recurring", "recurrent", "sporadic", "occasional", "periodic",
             "numerous", "constant", "persistent", "routine", "ongoing", "many", "several", "countless"}
# "Konduga witnessed a massacre": the subject saw the event (a place, often), it did not do it
_EXPERIENCE_VERBS = {"witness", "see", "experience", "suffer"}
_NAMING_VERBS = {"describe", "call", "term", "label", "brand", "condemn", "denounce", "deplore", "decry"}
_BEFORE_OR_AFTER = {"after", "before", "until", "since", "following", "despite", "ahead"}
_BATTLE_WORDS = {"clash", "fighting", "battle", "firefight", "gunfight", "gunbattle", "shootout", "encounter",
                 "exchange"}  # ("an exchange of fire")
_COUNT_WORDS = {"twin", "double", "triple", "two", "three", "four", "simultaneous", "coordinated", "multiple"}


def fight_word(tok: Token) -> bool:
    """ "clash", "clashes", "firefight", "fighting": a word for a fight between two sides."""
    return tok.lemma_.lower() in _BATTLE_WORDS or tok.lower_ in _BATTLE_WORDS


def _targeted_once(verb: Token) -> bool:
    """ "targeted the border guards", "a convoy was targeted": one attack, told in the past; not "frequently
    targets Iranian security forces" or "plans to target police"."""
    if verb.pos_ != "VERB" or verb.tag_ not in {"VBD", "VBN"} or \
            verb.tag_ == "VBN" and not any(c.dep_ in {"auxpass", "aux"} for c in verb.children) or \
            any(c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS for c in verb.children):
        return False
    hit = [o for c in verb.children if c.dep_ in {"dobj", "nsubjpass"} for o in expand(c)]
    victims = {w for ws in lexicon()["target_words"].values() for w in ws}
    return any(o.lower_ in victims or o.lemma_.lower() in victims for o in hit)


HABITUAL_ADVERBS = {"frequently", "often", "regularly", "repeatedly", "routinely", "usually", "typically",
                    "mainly", "mostly", "primarily", "largely", "generally", "increasingly"}


def _counted(tok: Token) -> bool:
    """ "twin blasts", "two explosions", "a series of attacks": a plural that is one event of several parts."""
    return any(c.dep_ in {"nummod", "amod", "compound"} and (c.lower_ in _COUNT_WORDS or c.like_num and _few(c))
               for c in tok.children) or _in_a_run(tok) or _tolled(tok)


def _tolled(tok: Token) -> bool:
    """ "Gun battles in the capital have left 27 people dead", "24 militants killed in overnight clashes": plural
    event words with one toll are one event, not events in general."""
    verb = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ in {"in", "during"} else tok.head
    if verb.pos_ != "VERB" or tally_over_time(verb):
        return False
    kills = set(lexicon()["kill_words"])
    if tok.dep_ == "nsubj" and verb.lemma_.lower() == "leave":
        return any(c.dep_ in {"dobj", "ccomp", "oprd"} and any(t.like_num for t in c.subtree) for c in verb.children)
    if tok.dep_ == "nsubj" and verb.lemma_.lower() in kills or tok.dep_ == "pobj" and verb.lemma_.lower() in kills:
        victims = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass", "nsubj"} and c != tok]
        victims += [verb.head] if verb.dep_ == "acl" else []  # "24 militants killed in overnight battles"
        return any(t.like_num for v in victims for t in [v, *v.children])
    return False


def _in_a_run(tok: Token) -> bool:
    """ "a series of attacks", "a wave of bombings"."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in _RUNS and \
        any(c.dep_ == "det" and c.lower_ in {"a", "an", "this", "that", "the"} for c in tok.head.head.children)


# "a series of attacks", "a wave of bombings": one run of attacks, told as one event
_RUNS = {"series", "wave", "spate", "string", "spree", "flurry", "barrage", "volley"}


def _few(number: Token) -> bool:
    """ "three blasts" may be one attack of several parts; "201 terrorist attacks" is a tally."""
    q = parse_quantity(number.text)
    return q is None or (q.high or q.low or 0) <= 5


_KILL_EUPHEMISMS = {"eliminate", "neutralise", "neutralize", "slay"}


def _counted_or_by_group(verb: Token) -> bool:
    """ "gunmen killed at least 69 people", "Boko Haram killed ...": a killing that is an event."""
    said = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass", "nsubj"}] + [
        d for d in [dashed_subject(verb)] if d is not None]
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and not _definite(verb.head):
        said.append(verb.head)  # "6 soldiers killed in Afghanistan", "two among eight killed in Kashmir"
    counted = any(n.ent_type_ == "CARDINAL" or n.like_num and n.dep_ in {"nummod", "pobj", "nsubj", "dobj"}
                  for c in said for n in [c, *c.children])
    doers = subjects(verb, PERPETRATOR_LABELS)
    if any(c.dep_ == "nsubjpass" and any(p.dep_ == "poss" and p.pos_ == "PRON" for p in c.children)
           for c in verb.children):
        doers = _by_agents(verb)  # "their leader was killed": the group it belonged to is no doer
    if counted or any(s.ent_type_ in {"ARMED_GROUP", "FORCE"} for s in doers):
        return True
    # "gunmen killed a polio vaccinator": attackers, unnamed, killing someone
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in _ATTACKERS for c in verb.children)


def _objects(tok: Token) -> list[Token]:
    return [o for c in tok.children if c.dep_ in {"dobj", "pobj"} for o in expand(c)] + prep_objects(tok)


_TAKING_PART_VERBS = {"involve", "include", "feature", "see"}


def victim_tokens(trigger: Token, harmed: bool = False) -> list[Token]:
    """Who or what was hit: the object of "attacked", "attack on"; with `harmed`, also whom the
    sentence's killing or wounding verbs name ("..., killing 25 worshippers")."""
    verb = trigger if trigger.pos_ == "VERB" else trigger.head
    # ("the raid involved armed separatist groups": who took part, not who was hit)
    verbs = (trigger,) if verb.lemma_.lower() in _TAKING_PART_VERBS else (trigger, verb)
    objs = [c for v in verbs for c in v.children if c.dep_ in {"dobj", "nsubjpass"}]
    objs += [o for o in prep_objects(trigger, {"on", "against", "at"}) if o not in _blamed_on(trigger.head)]
    if harmed:
        hurt = set(lexicon()["kill_words"]) | set(lexicon()["injure_words"])
        objs += [c for t in trigger.sent if t.pos_ == "VERB" and t.lemma_.lower() in hurt
                 for c in t.children if c.dep_ in {"dobj", "nsubjpass"}]
        # "More than a dozen soldiers died during an attack": those who died
        objs += [c for t in trigger.sent if t.pos_ == "VERB" and t.lemma_.lower() in {"die", "perish"}
                 for c in t.children if c.dep_ == "nsubj"]
        # "resulted in the deaths of 50 mercenaries and 10 soldiers"
        objs += [o for t in trigger.sent if t.pos_ == "NOUN" and t.lemma_.lower() in {"death", "killing", "injury"}
                 for o in prep_objects(t, {"of"})]
    return list(dict.fromkeys(x for o in objs for x in expand(o)))


_BLAMED_PREPS = {"blame": {"on"}, "attribute": {"to"}}


def _blamed_on(verb: Token) -> list[Token]:
    """ "blamed the attack on X", "attributed the attack to X": X, whom the parser may hang on the event word as if
    X were hit."""
    preps = _BLAMED_PREPS.get(verb.lemma_.lower())
    if preps is None:
        return []
    return [o for c in verb.children if c.dep_ == "dobj" for o in prep_objects(c, preps)]


def force_victim(tok: Token) -> str | None:
    """ "28 soldiers", "two policemen", "a military convoy": the branch of a state's forces, or None."""
    lex = lexicon()["force_victims"]
    branch = lex["people"].get(tok.lemma_.lower()) or lex["people"].get(tok.lower_)
    if branch is not None:
        return branch
    if tok.lemma_.lower() in lex["sites"]:
        for c in tok.children:
            if c.dep_ in {"amod", "compound"} and c.lower_ in lex["modifiers"]:
                return lex["modifiers"][c.lower_]
    return None


def force_object(tok: Token, place: str | None = None) -> dict | None:
    """A claim object for a state's forces named by a common noun ("28 soldiers" in `place`), resolved to
    that country's army or police when the claim is linked; None when `tok` names no such force."""
    branch = force_victim(tok) if not tok.ent_type_ else None
    if branch is None:
        return None
    # "one Israeli soldier": the nationality says whose forces, wherever the attack was
    nation = next((code for c in tok.children if c.dep_ in {"amod", "compound"} and c.ent_type_ in {"NORP", "GPE"}
                   for code in [places().demonym(c.text)] if code), None)
    return {"force": branch, "place": place, "country": nation}


def _words(objs: list[Token]) -> set[str]:
    """The words of phrases, as written and as lemmas."""
    return {t.lower_ for o in objs for t in o.subtree} | {t.lemma_.lower() for o in objs for t in o.subtree}


def _classify(sent: Span, trigger: Token, etype: str, sub: str) -> tuple[str, str]:
    words = {t.lower_ for t in sent} | {t.lemma_.lower() for t in sent}
    if trigger.pos_ == "NOUN" and any(c.dep_ in {"compound", "amod"} and c.lower_ in {"air", "aerial", "drone"}
                                      for c in trigger.children):
        return "explosions_remote_violence", "air/drone strike"  # "a US air raid", "an aerial attack"
    if trigger.lemma_.lower() == "strike" and trigger.pos_ == "NOUN" and not any(
            c.lower_ in _TERROR_WORDS for c in trigger.children):
        return "explosions_remote_violence", "air/drone strike"  # "carried out a rare strike against al-Qaeda"
    if etype == "violence_against_civilians" and sub == "attack":
        if "suicide" in words and words & {"bomber", "bombing", "vest", "explosive", "explosives", "blast", "bomb"}:
            return "explosions_remote_violence", "suicide bomb"
        if words & set(lexicon()["explosive_cues"]):
            return "explosions_remote_violence", "remote explosive/landmine/IED"
        victims = victim_tokens(trigger)
        # ("attacked KIA positions", "attacked Taliban fighters": armed men on the other side)
        if words & (_BATTLE_WORDS - {"battle", "fighting"}) or _words(victims) & set(lexicon()["battle_cues"]) or \
                any(t.ent_type_ in {"ARMED_GROUP", "FORCE"} for v in victims for t in v.subtree):
            return "battles", "armed clash"
    if etype == "explosions_remote_violence" and "suicide" in words:
        return etype, "suicide bomb"
    return etype, sub


_FULL_DATE = re.compile(r"(January|February|March|April|May|June|July|August|September|October|November|December)"
                        r"\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(1[89]\d\d|20\d\d)"
                        r"|(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|"
                        r"December)\.?,?\s+(1[89]\d\d|20\d\d)")


_STATEMENT_NOUNS = {"statement", "announcement", "message", "post", "video", "communique", "press"}


def _governor(tok: Token) -> Token:
    """The verb a date hangs on: "rose to 45 on Monday" -> rose; "said in a statement on Thursday night" -> said."""
    if tok.dep_ == "compound" and tok.head.ent_type_ in {"DATE", "TIME"}:
        tok = tok.head  # "Thursday" of "Thursday night"
    head = tok.head
    while head.dep_ == "prep" or head.pos_ == "ADP" or head.lower_ in _STATEMENT_NOUNS and head.dep_ == "pobj":
        if head.head == head:
            break
        head = head.head
    return head


_SMALL_PLACES = {"village", "hamlet", "community", "barangay", "settlement", "neighbourhood", "neighborhood"}


def _holds_unnamed(place: Token) -> bool:
    """ "at a remote village in Patikul town": the place holds a village the sentence does not name (a later
    "in Tugas village" names it)."""
    phrase = place.head if place.dep_ in {"compound", "nmod"} and place.head.lower_ in PLACE_NOUNS else place
    return phrase.dep_ == "pobj" and phrase.head.lower_ == "in" and phrase.head.head.lower_ in _SMALL_PLACES and \
        not any(c.ent_type_ for c in phrase.head.head.children)


def _near(place: Token) -> bool:
    """ "near Quetta", "outside Kabul": a landmark the event happened by, not in."""
    return place.dep_ == "pobj" and place.head.lower_ in {"near", "outside", "nearby"}


def _follows_another(trigger: Token) -> bool:
    """ "This latest attack comes after a high-profile incident last month", "The attack follows a bombing in
    May": an event word (one already told) set after another, which the sentence's dates and places tell of."""
    verb = trigger.head
    return trigger.dep_ == "nsubj" and (
        verb.lemma_.lower() == "come" and any(c.dep_ == "prep" and c.lower_ in {"after", "before"} or
                                             c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in
                                                                       {"after", "before"} for m in c.children)
                                             for c in verb.children) or  # "came after forces killed 222"
        verb.lemma_.lower() in {"follow", "precede"} and any(c.dep_ == "dobj" for c in verb.children))


def _side_date(tok: Token, trigger: Token) -> bool:
    """The date of a toll update or of a statement, not of the event: "rose to 45 on Monday", "said on Tuesday"."""
    lex = lexicon()
    gov = _governor(tok)
    if gov == trigger or gov.lemma_.lower() not in lex["toll_verbs"] + lex["report_verbs"]:
        return False
    toll = gov.lemma_.lower() in lex["toll_verbs"] and any(
        c.dep_ in {"nsubj", "nsubjpass"} and (c.lemma_.lower() in lex["kill_words"] + ["number", "figure", "count"]
                                              or c.like_num) for c in gov.children)
    if gov.lemma_.lower() not in lex["report_verbs"] and not toll:
        return False  # "the disorder has reached a new level since April 11, when fighting erupted"
    return trigger not in set(gov.subtree) or toll


def _clause_verb(tok: Token) -> Token:
    """The verb of the clause a date belongs to, also when the parser hung it on the subject
    ("X on Thursday claimed ...")."""
    gov = _governor(tok)
    return gov.head if gov.dep_ in {"nsubj", "nsubjpass"} else gov


def _clause_between(tok: Token, verb: Token) -> bool:
    """A clause boundary on the way up from tok to verb (its ancestor): tok is told in another clause."""
    for a in tok.ancestors:
        if a == verb:
            return False
        if a.pos_ in {"VERB", "AUX"} and a.dep_ in {"ccomp", "advcl", "xcomp", "relcl", "acl"}:
            return True
    return False


def _period_start(date: Token, trigger: Token) -> bool:
    """ "… has carried out 33 attacks since Duque was inaugurated in August": a date in a "since" or "until"
    clause or phrase bounds a period; it dates no single event (unless the event word is inside it)."""
    for a in date.ancestors:
        if a == trigger:
            return False
        if a.lower_ in {"since", "until"} and a.head == trigger and trigger.pos_ == "VERB":
            return False  # "has been battling the army since mid-April": when this fight began
            # (but "the first attack since the bombing in July" names another event)
        if any(c.dep_ in {"mark", "prep"} and c.lower_ in {"since", "until"} for c in a.children) or \
                a.lower_ in {"since", "until"}:
            return trigger not in set(a.subtree)
    return False


_NAME_GIVING_VERBS = {"identify", "name", "call", "dub"}


def _describes_other_noun(date: Token, trigger: Token) -> bool:
    """ "The Naxalites, a group formed in March 1969, killed eight on Monday": a date inside a clause or apposition
    that describes a noun other than an event word dates that noun (here the group), not the event."""
    for a in date.ancestors:
        if a == trigger:
            return False
        if a.dep_ in {"acl", "relcl", "appos"} and trigger not in set(a.subtree):
            if a.dep_ == "acl" and a.lemma_.lower() in _NAME_GIVING_VERBS:
                continue  # "a commander identified as Kundu on Thursday": naming takes no date; the event does
            if a.dep_ == "appos" and is_place(a):
                continue  # "in Pekon Township, southern Shan State on Saturday": a place has no date of its own
            noun = a if a.dep_ == "appos" else a.head
            # ("planted the device that was discovered at X on Saturday": the event's own device dates it)
            own_device = noun.head == trigger and noun.lemma_.lower() in _DEVICES
            return _trigger(noun) is None and not own_device
    return False


_SPEAKERS_DAY = re.compile(r"^(?:today|tonight|yesterday|this (?:morning|afternoon|evening)|last night)$", re.I)


def _spoken_today(tok: Token) -> bool:
    """ "“This morning, a fidayee attack was carried out …,” the spokesman said": inside a quotation, "today" or
    "this morning" is the speaker's day, which the report may not give."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    if ent is None or not _SPEAKERS_DAY.match(ent.text):
        return False
    before = tok.doc[tok.sent.start:tok.i].text
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _date(sent: Span, trigger: Token, others: frozenset[int] = frozenset()) -> DateValue | None:
    """The event's date; `others`: date words that belong to another event of the sentence."""
    published = trigger.doc.user_data.get("published")
    dates = [t for t in sent if t.ent_type_ in {"DATE", "TIME"} and t.i not in others]
    # "claimed responsibility on Thursday for an ambush", "X has taken control of Y, it said on Wednesday": the
    # day of the claim or statement, not of the event
    # ("the assault took place on Friday": "take" claims only with "responsibility" or "credit")
    claim_dates = [t for t in dates if ((g := _clause_verb(t)).lemma_.lower() in lexicon()["report_verbs"] or
                                        _claiming(g) or _blamed_below(trigger, g)) and g != trigger
                   and trigger in set(g.subtree)]
    filed = _dateline_end(sent)  # "Sept 6 (Reuters) -": the day the report was filed
    dates = [t for t in dates if t not in claim_dates and not _period_start(t, trigger) and t.i >= filed
             and not _date_line(t)
             and not _describes_other_noun(t, trigger) and not _spoken_today(t)]
    near = set(trigger.subtree) | {trigger, trigger.head}
    if _definite(trigger) and trigger.dep_ == "pobj":
        # "will visit on Tuesday to find lapses involved in the attack in X": the attack referred to in a
        # clause below the date's takes no date from it ("were killed in the attack on Friday" keeps its own)
        # ("the twin explosions that rocked a church on Sunday": a clause below the event word tells of it)
        own = set(trigger.subtree)
        dates = [t for t in dates if _clause_verb(t) in own or not _clause_between(trigger, _clause_verb(t))]
    # ("first appeared in 2003 and is best known for firing a rocket into the embassy in 2007": the date of the
    # clause nearest above the event word)
    above = {a: depth for depth, a in enumerate([trigger, *trigger.ancestors])}  # ("a January 1996 attack": its own)
    dates.sort(key=lambda t: (_side_date(t, trigger), t not in near and t.head not in near,
                              above.get(_clause_verb(t), len(above)), abs(t.i - trigger.i)))
    found = None
    for d in dates:
        value = parse_date(d.text, published)
        if value is not None and value.precision != "decade":
            if _side_date(d, trigger):
                break
            found = value
            break
    if found is None and published is not None and re.search(r"\b(recently|this week|earlier this month)\b",
                                                              sent.text, re.I):
        found = DateValue(f"{published.year}-{published.month:02d}", "month")  # "was recently reported to have"
    if found is None and claim_dates:  # nothing but the day of the claim: the event came before, close to it
        claimed = parse_date(claim_dates[0].text, published)
        found = DateValue(claimed.iso, "week") if claimed is not None and claimed.precision == "day" else claimed
    # a full date the NER missed or cut ("First AttackDecember 23, 2007: ...")
    if found is None or found.precision != "day":
        text = sent.text
        prev = _heading(sent)  # a heading line: "First Attack December 23, 2007:"
        if prev is not None and not _date_line(prev[0]):  # (a page's date line is no heading)
            text = prev.text + " " + text
        m = _FULL_DATE.search(text)
        offset = sent.start_char - (len(text) - len(sent.text))  # the heading, if any, comes first
        claimed = {(t.idx, t.idx + len(t.text)) for t in claim_dates}
        if m is not None and any(a < offset + m.end() and offset + m.start() < b for a, b in claimed):
            m = None  # the day of the claim, which the NER had found and set aside
        if m is not None:
            value = parse_date(m.group(0), published)
            if value is not None and (found is None or value.iso.startswith(found.iso)):
                return value
    return found or _gap_before_now(sent, trigger)


def _blamed_below(trigger: Token, verb: Token) -> bool:
    """ "Duque late Friday suspended talks as he blamed the ELN for a car bombing": a blame between the event word
    and the verb a date is on makes the date the blame's."""
    blame = set(lexicon()["blame_verbs"])
    for a in trigger.ancestors:
        if a == verb:
            return False
        if a.lemma_.lower() in blame and a.pos_ == "VERB":
            return True
    return False


def _date_line(tok: Token) -> bool:
    """ "28 January, 2023" on a line of its own: a web page's date, which the parser may glue to the caption after."""
    doc = tok.doc
    before = tok.i == 0 or "\n" in doc[tok.i - 1].text_with_ws
    after = tok.i + 1 >= len(doc) or "\n" in tok.text_with_ws or doc[tok.i + 1].is_space
    return tok.ent_type_ == "DATE" and before and after


def _gap_before_now(sent: Span, trigger: Token) -> DateValue | None:
    """ "Two weeks after militia fighters seized several towns, the barricades have been cleared": what the fronted
    "after" clause tells happened that long before the report."""
    published = sent.doc.user_data.get("published")
    gap = _GAP_AFTER.match(sent.text)
    comma = next((t.i for t in sent if t.text == ","), None)
    if published is None or gap is None or comma is None or trigger.i > comma:
        return None
    return _counted_back(published, gap.group(1), gap.group(2))


# a name no gazetteer knows is most often a village: as specific as a district, ahead of a region
_SPECIFICITY = {"city": 0, "district": 1, "site": 0, None: 1, "area": 3, "region": 3, "country": 4}


_REGION_NOUNS = {"province", "state", "region", "department", "governorate", "oblast", "prefecture"}
_ROUTE_NOUNS = {"road", "highway", "street", "route", "expressway", "motorway", "bridge", "avenue"}
_SETTLEMENT_NOUNS = {"village", "town", "hamlet", "settlement", "locality"}
_DISTRICT_NOUNS = {"district", "county", "municipality", "township", "tehsil", "subdistrict", "commune"}


def _specificity(tok: Token) -> int:
    """City before district before unknown before region before country; "the province of Huancavelica" is the
    region, whatever city shares its name."""
    noun = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else tok.head if tok.dep_ in {
        "compound", "nmod", "amod"} else None
    if noun is not None and noun.lower_ in _REGION_NOUNS:
        return _SPECIFICITY["region"]
    place = places().lookup(tok.text)
    if place is None and distance_after(tok.doc, tok.i + 1):
        return _SPECIFICITY["site"]  # "at Thinghat, about 50 kilometres from the district headquarters"
    found = _SPECIFICITY.get(place.precision if place else None, 2)
    if place is None and tok.text.split()[-1].lower() in _ROUTE_NOUNS:
        return _SPECIFICITY["area"] - 1  # "on the Bedre-Kutru Road near Ambeli village": the village places it
    if noun is not None and noun.lower_ in _DISTRICT_NOUNS:  # "Anantnag district", whatever town shares the name
        return max(found, _SPECIFICITY["district"])
    # "near Ambeli village", "Darul Jamal, a community in the Bama area": a settlement, however small (not "the Kenya
    # town of Mandera")
    settled = noun is not None and noun.lower_ in _SETTLEMENT_NOUNS or place is None and any(
        c.dep_ == "appos" and c.lower_ in _SETTLEMENT_NOUNS | {"community"} for c in tok.children)
    # ("the town of Durango" is a town, whatever region of another country shares its name)
    if settled and (found <= _SPECIFICITY[None] or tok.dep_ == "pobj" and tok.head.lower_ == "of"):
        return _SPECIFICITY["city"]
    return found


# Heads that make a place name a nationality: "13 US service members", "the Pakistani embassy".
_NATIONALITY_HEADS = {"member", "soldier", "troop", "troops", "official", "force", "forces", "civilian", "citizen",
                      "national", "personnel", "diplomat", "officer", "police", "army", "military", "government",
                      "embassy", "consulate", "envoy", "delegation", "president", "minister", "authorities",
                      "border", "frontier", "boundary"}  # "a school near the Congo border": not in Congo


def _nationality(p: Token) -> bool:
    # (not "in east Afghanistan - official": a headline's source, set off by a dash, is no head of the name)
    set_off = any(t.is_punct for t in p.doc[p.i + 1:p.head.i])
    return p.dep_ in {"compound", "amod", "nmod"} and not set_off and (
        p.head.lemma_.lower() in _NATIONALITY_HEADS or p.head.lower_ in _NATIONALITY_HEADS)


_MOTION_VERBS = {"head", "sail", "travel", "go", "bind", "move", "drive", "fly", "return", "flee"}


def _heading_to(p: Token) -> bool:
    """ "as it was heading to the port of Haifa", "fled to Chad": where someone was going, not where it happened."""
    tok = p
    while tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        tok = tok.head.head  # "the port of Haifa"
    return tok.dep_ == "pobj" and tok.head.lower_ in {"to", "toward", "towards"} and \
        tok.head.head.lemma_.lower() in _MOTION_VERBS


def _based_there(p: Token) -> bool:
    """ "a Dubai-based channel": the place where someone is based, named as a modifier."""
    doc = p.doc
    return p.i + 2 < len(doc) and doc[p.i + 1].text in {"-", "–"} and \
        doc[p.i + 2].lower_ in {"based", "headquartered", "born"}


_DATELINE_MARKS = {"-", "–", "—", ":"}
_DATELINE_REACH = 5  # sentences before the body: a headline, a standfirst, photo captions


def _dateline_end(sent: Span) -> int:
    """ "ANKARA, Turkey – Several soldiers were killed ...": the token after a report's dateline (where it was
    filed, not where things happened); the sentence's start when it has none."""
    doc = sent.doc

    def opens_paragraph(start: int) -> bool:
        return start == 0 or "\n" in doc[start - 1].text_with_ws

    opens = opens_paragraph(sent.start)
    if not opens and sent.start > 0:  # "BOGOTA" may be parsed as a sentence of its own
        prev = doc[sent.start - 1].sent
        opens = opens_paragraph(prev.start) and all(t.is_upper or t.is_punct or t.is_space for t in prev)
    if not opens or sent.start > 0 and len(list(doc[:sent.start].sents)) > _DATELINE_REACH:
        return sent.start  # a dateline opens the report, after its headline, a standfirst or captions at most
    for tok in sent[:8]:
        glued = ")" in tok.text and tok.text[-1] in _DATELINE_MARKS  # "Bogota, Dec 6 (EFE).- An attack ..."
        if tok.text in _DATELINE_MARKS or glued or tok.text == ")" and tok.i + 1 < len(sent.doc) and \
                sent.doc[tok.i + 1].text in _DATELINE_MARKS:
            before = sent.doc[sent.start:tok.i]
            if before and all(t.is_punct or t.ent_type_ in {"GPE", "LOC", "ORG", "DATE"} or t.is_upper
                              for t in before):
                return tok.i + 1
            break
    return sent.start


def _across_border(p: Token) -> bool:
    """ "an ambush on Nigerien troops near the border with Mali": the country on the other side; "along the borders
    of Narayanpur, Dantewada and Bijapur": places the border runs between, none of them the place."""
    first = p
    while first.dep_ == "conj":
        first = first.head
    if first.dep_ != "pobj" or first.head.lower_ not in {"with", "of"}:
        return False
    prep = first.head  # ("near the borders with Mali" with "with Mali" hung on another word: the words decide)
    return prep.head.lower_ in _BORDER_WORDS or prep.i > 0 and prep.doc[prep.i - 1].lower_ in _BORDER_WORDS


_BORDER_WORDS = {"border", "borders", "frontier", "frontiers", "boundary", "boundaries"}


def _city(tok: Token) -> bool:
    place = places().lookup(tok.text)
    return place is not None and place.precision == "city"


def _compound_head(tok: Token) -> Token:
    """The noun a chain of compounds ends on: "Quetta" -> "Station" in "the Quetta Railway Station"."""
    while tok.dep_ == "compound":
        tok = tok.head
    return tok


def _place(sent: Span, trigger: Token, exclude: set[int] = frozenset()) -> Token | None:
    """Where the event happened: the most specific place near the trigger word (not a country that is
    one of the perpetrators)."""
    filed_at = _dateline_end(sent)
    candidates = [p for p in sent if is_place(p) and not _nationality(p) and p.i not in exclude and p.i >= filed_at
                  and link_participle(p) is None  # "Iran-backed militia groups"
                  and not _based_there(p)  # "a Dubai-based television channel said": where the speaker is
                  # "Islamabad has rejected the suggestion it was linked to the attack": a capital speaking is a state
                  and not (p.dep_ == "nsubj" and p.head.lemma_.lower() in _STANCE_VERBS and _city(p))
                  and not (p.dep_ == "pobj" and p.head.lower_ == "for")  # "volunteers fighting for Ukraine"
                  # ("by Aburraouf Kara's Rada Force": whose force it is, a name the gazetteer took for a town)
                  and not (p.dep_ == "poss" and p.head.ent_type_ in {"ARMED_GROUP", "FORCE"})
                  and not _heading_to(p)  # "a ship in the Mediterranean as it was heading to the port of Haifa"
                  and not (p.dep_ == "pobj" and p.head.lower_ == "from" and p.head.head != trigger and
                           p.head.head.pos_ == "VERB")  # "jets launched from Maiduguri attacked": their origin
                  and not _across_border(p)]
    clause = trigger if trigger.pos_ == "VERB" else trigger.head
    if clause.dep_ == "advcl" and any(c.dep_ == "mark" for c in clause.children):
        # "Turkey struck Iraq, hours after five were killed in an attack at the TUSAS headquarters": the places of
        # the main clause are not where the subordinate clause's event happened
        # (but "Wad Alnoura village witnessed a massacre after the RSF attacked": the place that saw it)
        saw = clause.head.lemma_.lower() in _EXPERIENCE_VERBS
        candidates = [p for p in candidates if p in set(clause.subtree) or saw and (
            p.dep_ == "nsubj" and p.head == clause.head or p.dep_ == "compound" and p.head.dep_ == "nsubj" and
            p.head.head == clause.head)]
    candidates = [p for p in candidates if p not in _joined_clauses(clause)]
    if not candidates:
        return None
    inside = set(trigger.subtree)
    governing = set(trigger.head.subtree) if trigger.dep_ in {"dobj", "pobj", "nsubj", "nsubjpass"} else set()
    # ("mujahideen in the Macina region carried out a raid on a base in Dioura": where the doers are from)
    verb = trigger if trigger.pos_ == "VERB" else trigger.head
    doers = {t for c in verb.children if c.dep_ == "nsubj" and trigger not in set(c.subtree) for t in c.subtree}

    names = {p.i for p in candidates}
    sourced = {t for a in sent if a.lower_ == "according" for t in a.subtree}

    def container(p: Token) -> bool:
        """ "the Kakopathar area of Tinsukia district", "the town of Daglica in Yuksekova district": the second
        place holds the first."""
        phrase = p.head if p.dep_ in {"compound", "amod", "nmod"} and p.head.lower_ in PLACE_NOUNS else p
        prep = phrase.head
        if phrase.dep_ != "pobj" or prep.lower_ not in {"of", "in"}:
            return False
        held = prep.head  # "the Kakopathar area of ...", "the town of Daglica in ...", "Daglica in ..."
        if prep.lower_ == "in" and prep.i > 0 and prep.i - 1 in names - {p.i} and held.i not in names:
            held = prep.doc[prep.i - 1]  # "the attack on Darul Jamal in the Bama area", "in" hung on the attack
        if held.i in names:
            return held.ent_type_ != "FAC"  # "the Westgate Mall in Nairobi": a building names no place to merge on
        if held.dep_ == "pobj" and held.head.lower_ == "of" and held.head.head.lower_ in PLACE_NOUNS:
            held = held.head.head
        if held.dep_ == "appos" and held.head.i in names:
            return True  # "Darul Jamal, a community in the Bama area"
        others = names - {p.i}
        held_names = [c for c in held.children if c.i in others] + [
            o for c in held.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.i in others]
        # "the northern Mozambique town of Palma": a country or region before the noun holds the town after "of"
        big = _SPECIFICITY["region"]
        return held.lower_ in PLACE_NOUNS and any(_specificity(h) < big or _specificity(p) >= big for h in held_names)

    def rank(p: Token) -> tuple:
        # "in Jalalabad, Afghanistan": the appositive country only qualifies the city
        # (but "the Quetta Railway Station": a town naming a building is where the building stands)
        # ("the St. Petersburg metro attack": a town naming the attack itself is where it was)
        qualifier = p.dep_ in {"appos", "poss"} or p.dep_ == "compound" and p.head.lower_ not in PLACE_NOUNS and \
            _compound_head(p).lower_ not in words("facility_nouns") and _compound_head(p) != trigger
        # ("the Mediterranean island of Corsica": the sea only says which island, the name after "of" is it; but
        # "the al-Jinah village of Aleppo": the village is named before)
        qualifier = qualifier or p.ent_type_ == "LOC" and p.dep_ in {"compound", "amod"} and \
            p.head.lower_ in PLACE_NOUNS and any(o.ent_type_ == "GPE" for o in prep_objects(p.head, {"of"}))
        origin = p.dep_ == "pobj" and p.head.lower_ in {"from", "by"}  # "from Gaza into Israel", "led by Uganda"
        origin = origin or p in sourced  # "according to an official who spoke to Mada Masr": the source's place
        where = trigger in set(p.subtree) and p != trigger  # "Khar, where the bombing took place"
        # "in Ifugao province, north of Luzon Island": a bearing from a landmark, outside it
        # (but "along the Taping River east of Bhamo": a town measured from beats a river or a range)
        bearing = _measured_from(p) and not (_city(p) and any(c.ent_type_ == "LOC" and c.i < p.i for c in candidates))
        return (origin, not where, p in doers, p not in inside, p not in governing, bearing, qualifier, container(p),
                _specificity(p), abs(p.i - trigger.i))

    return min(candidates, key=rank)


def _measured_from(place: Token) -> bool:
    """ "north of Luzon Island", "southwest of the country's capital of Algiers": the landmark a bearing is
    measured from, however deep in the phrase after "of"."""
    tok = place
    while tok.dep_ in {"pobj", "poss", "compound", "appos", "nmod"} or tok.dep_ == "prep" and tok.lower_ == "of":
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_.replace("-", "") in _BEARINGS:
            return True
        tok = tok.head
    return False


def _number_for(sent: Span, words: set[str], elsewhere: set[int] = frozenset()) -> Quantity | None:
    """A count tied to a kill/injure word: "killed 35 people", "at least 25 civilians were killed",
    "the death toll rose to 100", "(13 killed, 25 wounded)". A count of more dead ("two more people have died of
    the assault, which has so far left 17 dead") only when the sentence gives no other. Kill words in `elsewhere`
    are another event's."""
    more: Quantity | None = None  # the first count of more dead, kept in case no other comes
    for tok in sent:
        if tok.lemma_.lower() not in words and tok.lower_ not in words or tok.i in elsewhere or _intended(tok) or \
                tok.dep_ in {"acl", "xcomp"} and tok.head.lemma_ in {"attempt", "try"}:
            continue  # ("an attempt to murder a police officer": no one died of it)
        cands: list[Token] = []
        heads = [tok] + ([tok.head] if tok.dep_ in {"compound", "amod"} else [])
        for h in heads:
            for c in h.children:
                if c.dep_ in {"dobj", "nsubjpass", "nsubj", "attr"}:
                    cands += [c] + [n for n in c.children if n.dep_ == "nummod"]
            cands += prep_objects(h, {"to", "of", "at"})
        if tok.i > sent.start and sent.doc[tok.i - 1].ent_type_ == "CARDINAL":
            cands.append(sent.doc[tok.i - 1])
        aside = dashed_subject(tok) if tok.pos_ == "VERB" else None
        if aside is not None:  # "26 people – nearly all of them tourists – were killed"
            cands += [aside] + [n for n in aside.children if n.dep_ == "nummod"]
        if tok.dep_ in {"oprd", "acomp", "ccomp"}:  # "left 20 people dead"
            cands += [c for c in tok.head.children if c.dep_ in {"dobj", "nsubj", "nsubjpass"}]
        if tok.dep_ == "amod":  # "20 people dead"
            cands.append(tok.head)
        if tok.dep_ == "acl" and tok.tag_ == "VBN":  # "Twelve soldiers, 26 insurgents killed in clashes": all of them
            counts = [parse_quantity(n.text) for c in [tok.head, *([tok.head.head] if tok.head.dep_ in {
                "appos", "conj"} else [])] for n in c.children if n.dep_ == "nummod" and _is_count(n)]
            if counts and all(q is not None and q.low for q in counts):
                return _sum_counts(counts)
        if tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.lemma_.lower() in lexicon()["toll_verbs"]:
            verb = tok.head  # "the death toll rose to 100", "the toll tops 10"
            cands += prep_objects(verb, {"to", "at", "above", "past"})
            cands += [c for c in verb.children if c.dep_ in {"dobj", "attr"}]
        for c in cands:
            counted = c.head if c.dep_ == "nummod" else c
            increment = any(m.dep_ == "amod" and m.lower_ in _INCREMENTS for m in counted.children)
            nums = [c] if _is_count(c) else [n for n in c.children if n.dep_ == "nummod" and _is_count(n)] or [
                n for m in c.children if m.dep_ in {"nmod", "compound"}  # "at least 160 Peul (Fulani)"
                for n in m.children if n.dep_ == "nummod" and _is_count(n)]
            for n in nums:
                q = parse_quantity(n.text)
                if q is not None and (q.low or q.high):
                    if not increment:
                        return _with_conjoined(q, n.head if n.dep_ == "nummod" else counted)
                    more = more or q
        named = _named_victims(tok)
        if named:
            return Quantity(named, named)
    return more


def _with_conjoined(q: Quantity, counted: Token) -> Quantity:
    """ "Two American soldiers and two Afghans were killed": the counts of the nouns coordinated after the counted
    one add up ("and a policeman" adds one)."""
    more = []
    for x in counted.conjuncts:
        if x.i < counted.i or x.pos_ not in {"NOUN", "PROPN"}:
            continue
        nums = [n for n in x.children if n.dep_ == "nummod" and _is_count(n)]
        if nums:
            more.append(parse_quantity(nums[0].text))
        elif x.tag_ == "NN" and any(d.dep_ == "det" and d.lower_ in {"a", "an"} for d in x.children):
            more.append(Quantity(1, 1))
    if not more or any(m is None or not m.low for m in more):
        return q
    return _sum_counts([q, *more])


def _sum_counts(counts: list[Quantity]) -> Quantity:
    """Counts of several sets of victims as one: the lows add up, the highs when all have one; the first's
    qualifier ("at least") holds."""
    if len(counts) == 1:
        return counts[0]
    high = None if any(q.high is None for q in counts) else sum(q.high for q in counts)
    return Quantity(sum(q.low for q in counts), high, counts[0].qualifier)


_ONE = {"a", "an", "one"}
_INCREMENTS = {"more", "additional", "further"}


def _named_victims(verb: Token) -> int:
    """ "killed Zawahri", "beheaded a man": victims named or counted one by one, not by a number."""
    if verb.pos_ != "VERB" or any(c.dep_ == "auxpass" for c in verb.children):
        return 0
    objs = [o for c in verb.children if c.dep_ == "dobj" for o in expand(c)]
    count = 0
    for o in objs:
        if o.ent_type_ == "PERSON":
            count += 1
        elif o.lower_ in {"man", "woman", "boy", "girl", "person", "soldier", "policeman", "officer", "child"} and \
                any(c.dep_ == "det" and c.lower_ in _ONE for c in o.children):
            count += 1
        else:
            return 0  # "killed civilians": a group of unknown size
    return count


def _suspected(tok: Token) -> bool:
    """ "Suspected Boko Haram militants": the text itself hedges who did it."""
    around = [tok.head, *tok.head.children, *tok.children] if tok.dep_ == "compound" else [*tok.children]
    return any(t.lower_ in {"suspected", "alleged", "presumed", "purported"} for t in around)


def _is_count(tok: Token) -> bool:
    """A number, also one the NER took for a date ("between 20 and 30")."""
    if tok.ent_type_ in {"CARDINAL", "QUANTITY"}:
        return True
    return tok.ent_type_ == "DATE" and parse_date(tok.text) is None and parse_quantity(tok.text) is not None


def _by_agents(verb: Token) -> list[Token]:
    """The doers after "by": "claimed by Islamic State", "led by the Viv Ansanm group" (the group a phrase names);
    "were ambushed and killed by X": the agent of the last of two passives joined by "and" did both."""
    objs = prep_objects(verb, {"by"})
    if not objs and any(c.dep_ == "auxpass" for c in verb.children):
        objs = [o for c in verb.children if c.dep_ == "conj" and c.tag_ == "VBN" for o in prep_objects(c, {"by"})]
    return [e for o in objs for e in [entity(o, PERPETRATOR_LABELS) or owner(o, PERPETRATOR_LABELS) or _sender(o)]
            if e is not None]


_SENDING_VERBS = {"send", "dispatch", "hire", "deploy", "direct", "employ"}


def _sender(doer: Token) -> Token | None:
    """ "a hit squad sent by Israel's spy agency, Mossad": who sent a doer the text names by no body of its own."""
    return next((e for c in doer.children if c.dep_ == "acl" and c.lemma_.lower() in _SENDING_VERBS
                 for o in prep_objects(c, {"by"})  # (the agency by its name, not by whose it is)
                 for n in [*(a for a in o.children if a.dep_ in {"appos", "npadvmod"}), o]
                 for e in [entity(n, PERPETRATOR_LABELS) or owner(n, PERPETRATOR_LABELS)] if e is not None), None)


def _main_subject_of_conjunct(verb: Token) -> list[Token]:
    """ "The CIRA has become active again, as a seizure indicated, and also claimed the attack": a verb joined to a
    side clause the parser took for its head shares the main clause's subject."""
    if verb.dep_ != "conj" or verb.head.dep_ not in {"advcl", "ccomp"}:
        return []
    return [s for s in subjects(verb.sent.root, PERPETRATOR_LABELS) if s.ent_type_ in {"ARMED_GROUP", "FORCE"}]


def _claiming_participle(tok: Token) -> bool:
    """ "posted videos on YouTube claiming responsibility", "a statement claiming responsibility": however the
    parser hung the participle, it owns the attack."""
    return tok.tag_ == "VBG" and (tok.head.lower_ in {"responsibility", "credit"} and tok.dep_ in {"amod", "compound"}
                                  or any(c.lower_ in {"responsibility", "credit"} for c in tok.children))


def _poster_of(tok: Token) -> list[Token]:
    """Who put out the statement or video a claiming participle belongs to: the subject of the verb above it."""
    if not _claiming_participle(tok):
        return []
    verb = next((a for a in tok.ancestors if a.pos_ == "VERB"), None)
    return [s for s in subjects(verb, PERPETRATOR_LABELS) if s.ent_type_ in PERPETRATOR_LABELS] if verb else []


def _claiming(verb: Token) -> bool:
    """ "claimed the attack", "took responsibility"; not "took place"."""
    lemma = verb.lemma_.lower()
    return lemma in lexicon()["claim_verbs"] and (lemma != "take" or any(
        c.lower_ in {"credit", "responsibility"} for c in verb.children))


def _the_claim_made(noun: Token) -> bool:
    """ "X made the claim": the claim of responsibility the report has told of (not "made the claim that ...")."""
    return noun.lemma_.lower() == "claim" and noun.pos_ == "NOUN" and noun.dep_ == "dobj" and \
        noun.head.lemma_.lower() in {"make", "issue"} and any(c.lower_ == "the" for c in noun.children) and \
        not any(c.dep_ in {"acl", "relcl", "prep", "ccomp"} for c in noun.children)


def _perpetrators(sent: Span, trigger: Token) -> list[tuple[Token, str]]:
    lex = lexicon()
    out: list[tuple[Token, str]] = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ not in {"VERB", "NOUN", "AUX"}:
            continue
        attribution = None
        if _claiming(tok):
            # "claimed the attack", "announced responsibility", "said it carried out"; not "had announced the plan"
            # nor "a contractor was killed, the Pentagon announced"
            # (not "Biden said the attack was carried out by militias": the speaker names another doer)
            # (not "the UN says LeT has conducted attacks": a clause with a doer of its own names another)
            said = [c for c in tok.children if c.dep_ == "ccomp" and c.lemma_ in {"carry", "conduct", "launch", "stage"}
                    and not any(x.dep_ in {"auxpass", "nsubjpass"} for x in c.children)
                    and all(x.lower_ in {"it", "we", "they", "its", "our"} for x in c.children if x.dep_ == "nsubj")]
            # (a speaker owns the attack he says his side took responsibility for; not one he says police knew of
            # "the claim of responsibility")
            owned = any(c.lower_ in {"responsibility", "credit"} and (
                lemma not in {"say", "announce"} or c.head == tok or c.head.lemma_ in _OWNING_VERBS)
                for c in tok.subtree) or said or _claiming_participle(tok) or _the_claim_made(tok)
            # "claimed that its fighters killed 20", "claimed the bombing"; not "claimed that troops came too late"
            # ("Al-Shabab claims attack on convoy": a headline the parser read as a compound of the event word)
            claimed = [*tok.subtree, *([tok.head] if tok.dep_ == "compound" else [])]
            if not owned and (lemma in {"say", "announce"} or not any(
                    c.lemma_.lower() in lex["triggers"] or c.lemma_.lower() in lex["kill_words"] for c in claimed)):
                continue
            clauses = [c for c in tok.children if c.dep_ == "ccomp"]
            if not owned and clauses and all(any(x.dep_ == "auxpass" for x in c.children) and not any(
                    x.dep_ == "agent" for x in c.children) for c in clauses):
                continue  # "the UN claimed that 110 farmers were killed": a toll, not responsibility
            attribution = "claimed"
        elif lemma in lex["blame_verbs"] and lemma not in {"hold", "point"} or \
                lemma == "point" and any(c.lower_ == "finger" for c in tok.subtree):
            what = [t for c in tok.children if c.dep_ in {"dobj", "ccomp", "xcomp"} or
                    c.dep_ == "prep" and c.lower_ in {"of", "for", "on"} for t in c.subtree]
            if tok.dep_ in {"relcl", "acl"}:  # "an attack that police blamed on X"
                # ("an attack near the border blamed on X": the parser may hang it on the place)
                what += [tok.head] + [p.head for p in tok.head.ancestors if p.dep_ == "prep" and p.i < tok.i]
            if lemma in {"accuse", "blame"} and not any(
                    t.lemma_.lower() in lex["triggers"] or t.lemma_.lower() in lex["kill_words"] or
                    t.lower_ in {"responsibility", "responsible", "behind"} or t.lemma_ in _DOER_VERBS for t in what):
                continue  # "accused Pakistan of trying to destabilise India": not of the attack
            attribution = "blamed"
        elif lemma in {"suspect", "involvement"} or _hedged_membership(tok):
            attribution = "suspected"
        if attribution is None:
            continue
        if any(c.dep_ == "neg" for c in tok.children) or any(a.lemma_ == "deny" for a in tok.ancestors):
            continue
        if attribution != "claimed" and any(c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS for c in tok.children):
            continue  # "X is often accused of the attacks against Y": a record, not this event's doer
        if attribution == "claimed" and any(c.dep_ == "auxpass" for c in tok.children):
            # "attacks that killed 55 have been claimed by Islamic State"
            who = _by_agents(tok)
        elif attribution == "claimed" and tok.pos_ == "NOUN":  # "X's claim", "a claim by X" (not "Y knew of the claim")
            who = [e for c in tok.children if c.dep_ == "poss" for e in [entity(c, PERPETRATOR_LABELS)] if e] + \
                [e for o in prep_objects(tok, {"by"}) for e in [owner(o, PERPETRATOR_LABELS)] if e]
            if _the_claim_made(tok):  # "X made the claim"
                who += [_spoken_for(w) or w for w in subjects(tok.head, PERPETRATOR_LABELS)]
        elif attribution == "claimed":
            # ("separatist fighters who called themselves X claimed ...": X)
            who = [_spoken_for(w) or called(w, PERPETRATOR_LABELS) or w for w in subjects(tok, PERPETRATOR_LABELS)] \
                or _called(tok) or _poster_of(tok) or _main_subject_of_conjunct(tok)
        elif attribution == "suspected":
            who = [e for o in prep_objects(tok, {"of", "in"})  # "the suspected involvement of the X group"
                   for e in [owner(o, PERPETRATOR_LABELS)] if e is not None]
            # ("US officials said the DHKP-C was the main suspect": in a sentence with no event word, the report's)
            own_event = trigger in set(tok.subtree) or trigger == sent.root and _trigger(trigger) is None
            if tok.lemma_ == "suspect" and tok.pos_ == "NOUN" and tok.dep_ == "attr" and own_event:
                # "Along with Iran, it is the prime suspect in the 1994 bombing": whoever the copula names
                who += subjects(tok.head, PERPETRATOR_LABELS) + [
                    e for p in tok.head.children if p.dep_ == "prep" and p.lower_ in {"along", "together"}
                    for o in prep_objects(p, {"with"}) for e in [entity(o, PERPETRATOR_LABELS)] if e is not None]
            elif _hedged_membership(tok):  # "armed men who are alleged to be members of X"
                who += _suspected_to_be(tok)
            elif tok.lemma_ == "suspect":
                who += [e for o in _objects(tok) for e in [entity(o, PERPETRATOR_LABELS)] if e is not None]
                who += _suspected_to_be(tok)
                if any(c.dep_ == "auxpass" for c in tok.children):  # "fighters from X were suspected of ..."
                    who += [e for c in tok.children if c.dep_ == "nsubjpass"
                            for e in [owner(c, PERPETRATOR_LABELS)] if e is not None] or _stray_subject(tok)
        else:
            # "blamed on ELN guerrillas", "blamed the attack on X" (however the parser hung "on X")
            who = [e for o in _objects(tok) + _blamed_on(tok) for e in [side_of(o, PERPETRATOR_LABELS)]
                   if e is not None]
            if any(c.dep_ == "auxpass" for c in tok.children):
                who = subjects(tok, PERPETRATOR_LABELS)
        out += [(w, attribution) for w in who if w.ent_type_ in PERPETRATOR_LABELS]
    # "clashes between X and Y": both sides took part; so did "X fighters killed in a clash with troops"
    # ("Fighting between the army and Fano has killed hundreds": the fight is the subject of the killing)
    fights = [f for f in [trigger, *(c for c in trigger.children if c.dep_ == "nsubj")]
              if fight_word(f)]
    if fights:
        # "a clash with Abu Sayyaf militants": the group whose members fought
        # ("fighting broke out between X and Y": however the parser hung "between")
        out += [(e, "stated") for f in fights for o in prep_objects(f, {"between", "with"}) + (
                    prep_objects(f.head, {"between"}) if f.dep_ == "nsubj" else [])
                for e in [s for s in [side_of(o, PERPETRATOR_LABELS)] if s is not None] or _the_sides_named(o)]
        verb = trigger.head.head if trigger.dep_ == "pobj" else None
        if verb is not None and verb.lemma_.lower() in lex["kill_words"]:
            out += [(e, "stated") for c in verb.children if c.dep_ == "nsubjpass"
                    for e in [owner(c, {"ARMED_GROUP"})] if e is not None]
    elif trigger.lemma_.lower() in lex["kill_words"] and any(
            _battle_killed_in(v) is not None or any(o.lemma_.lower() in _BATTLE_WORDS for o in prep_objects(v, {"in",
                                                                                                           "during"}))
            for v in [trigger, *(c for c in trigger.children if c.dep_ in {"advcl", "conj"})]):
        # "12 were killed, including seven Marines and five Abu Sayyaf bandits, ... in a firefight": the groups
        # whose men fell in the fight fought it
        dead = [t for c in trigger.children if c.dep_ == "nsubjpass" for t in c.subtree]
        dead += [t for c in trigger.children if c.dep_ == "prep" and c.lower_ == "including" for t in c.subtree]
        out += [(e, "stated") for t in dead for e in [owner(t, {"ARMED_GROUP"})] if e is not None]
    # "air strikes led by Uganda", "an attack carried out by X": the doer named on the event word
    for c in sent:
        # ("an explosive planted by suspected separatists exploded": the doer of what the event word tells of)
        # ("the breakaway SPLM-IO faction led by X's chief of staff": the faction did it, named on its noun)
        if c.dep_ in {"acl", "relcl"} and c.lemma_.lower() in _DOER_VERBS and (
                c.head == trigger or c.head.lemma_.lower() in lex["triggers"] or
                c.head.dep_ in {"nsubj", "nsubjpass"} and c.head.head == trigger and
                name_on(c.head, PERPETRATOR_LABELS) is None):
            how = "claimed" if c.lemma_.lower() == "claim" else "stated"  # "an attack claimed by X"
            out += [(e, "suspected" if how == "stated" and _suspected(e) else how) for e in _by_agents(c)]
    # "the attack is believed to have been organised by X": a doer the text hedges
    belief = trigger.head if trigger.dep_ in {"nsubj", "nsubjpass"} else None
    if belief is not None and belief.lemma_.lower() in _BELIEF_VERBS:
        out += [(e, "suspected") for c in belief.children if c.dep_ == "xcomp" and c.lemma_.lower() in _DOER_VERBS
                for e in _by_agents(c)]
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
    # "The TTP conducted a suicide attack", "X bombed ...", "the Taliban took over Kabul",
    # "the United States killed him in a drone strike"
    # ("including attacks on trains in July 2006 and a December 2001 attack on parliament": the first of a list)
    first = trigger
    while first.dep_ == "conj" and first.pos_ == "NOUN" and first.head.pos_ == "NOUN":
        first = first.head
    verb = trigger if trigger.pos_ == "VERB" else first.head
    if verb.pos_ == "ADP" and first.dep_ == "pobj" and verb.head.dep_ == "dobj" and \
            verb.head.head.lemma_.lower() in lex["kill_words"]:
        verb = verb.head.head  # "killed a commander in a drone strike", the strike hung on the one killed
    if (verb.pos_ == "ADP" or verb.dep_ == "prep") and first.dep_ == "pobj" and verb.head.pos_ == "VERB":
        if verb.lower_ in _BEFORE_OR_AFTER:
            verb = trigger  # "until Tuesday's attack, security forces appeared ...": no doer of the attack
        else:
            verb = verb.head
    own = verb == trigger and _trigger(trigger) is not None  # "took over" is the event, not a claim
    if verb.pos_ == "VERB" and (own or verb.lemma_.lower() not in lex["claim_verbs"] + lex["blame_verbs"] +
                                lex["counter_verbs"] + lex["report_verbs"] + list(_NAMING_VERBS | _EXPERIENCE_VERBS)):
        # "the army foiled an attack", "what Turkey described as a terror attack": not its doer
        if not any(a.lemma_ in {"deny", "condemn"} for a in verb.ancestors) and not any(
                c.dep_ == "neg" for c in verb.children):
            labels = {"ARMED_GROUP", "FORCE", "GPE"}
            if lexicon()["triggers"].get(trigger.lemma_.lower(), [""])[0] == "strategic_development" or own and \
                    trigger.lemma_.lower() == "take":
                labels.add("PERSON")  # "Shahid pledged allegiance", "Mangal Bagh took charge"
            if verb.lemma_.lower() in _MASTERMIND_VERBS | _HANDS_ON_VERBS:
                # "a jailed gang leader, identified as X, allegedly coordinated the attack"; "Arthurs shot and killed
                # his two roommates": a man who killed with his own hands
                labels.add("PERSON")
            # "soldiers were killed by X", "4 ISIS militants killed in an airstrike": the passive subject, or the noun
            # a participle describes, is the victim; the agent is the perpetrator
            passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children) or \
                verb.tag_ == "VBN" and verb.dep_ == "acl"
            # "the attack was led by the Viv Ansanm group": the group a noun phrase names
            doers = _by_agents(verb) if passive else subjects(verb, PERPETRATOR_LABELS)
            if not passive and not any(s.ent_type_ in labels for s in doers):
                doers += _adverb_apart(verb)
            # "forces loyal to the Government of National Accord took back X": the side they fight for, whatever
            # kind of body the NER took it for
            loyal = [e for c in verb.children if c.dep_ == "nsubj" and not passive
                     for e in [loyal_side(c, PERPETRATOR_LABELS)] if e is not None]
            for s in doers + loyal:
                if (s.ent_type_ in labels or s in loyal) and not any(s == o for o, _ in out):
                    out.append((s, "suspected" if _suspected(s) else "stated"))
    # "a devastating FARC bombing", "al-Shabaab's attack on the hotel": the group named on the event word
    # (also on the one the dead fell in: "were killed in a complex Islamic State attack")
    # ("were killed and 40 others wounded in attacks by X": the attack its conjoined verb names)
    named_on = [trigger] if trigger.pos_ == "NOUN" else [
        o for v in conjuncts(trigger) for o in prep_objects(v, {"in", "during"})
        if o.pos_ == "NOUN" and o.lemma_.lower() in lexicon()["triggers"]]
    for c in (c for n in named_on for c in n.children):
        # ("the group's most prominent attacks", "its latest attack": the group a possessive stands for)
        if c.dep_ not in {"compound", "nmod", "poss", "amod"} or link_participle(c) is not None:
            continue
        c = entity(c, {"ARMED_GROUP"}) or c if c.dep_ == "poss" else c
        if c.ent_type_ == "ARMED_GROUP" and not any(c == q for q, _ in out):
            out.append((c, "suspected" if _suspected(c) else "stated"))
    # "a US air raid", "an Israeli airstrike", "Turkish drone strikes": the state whose aircraft or guns struck
    out += [(c, "stated") for c in _striking_state(trigger) if not any(c == q for q, _ in out)]
    # "an attack by gunmen of X", "the siege by al-Shabaab", "were killed in an attack by X"
    event_nouns = [trigger] + [t for t in trigger.subtree if t != trigger and t.pos_ == "NOUN" and _trigger(t)]
    event_nouns += [n for n in named_on if n not in event_nouns]
    if _in_a_run(trigger):  # "a series of attacks across Colombia by the Gulf Clan"
        event_nouns.append(trigger.head.head)
    for o in (o for n in event_nouns for o in prep_objects(n, {"by"})):
        e = owner(o, PERPETRATOR_LABELS)
        if e is not None and e.ent_type_ in {"ARMED_GROUP", "FORCE"} and not any(e == q for q, _ in out):
            out.append((e, "suspected" if _suspected(e) else "stated"))
    if not out:  # "eight guards were killed after Naxals blew up their vehicle": the doer of another event verb
        # ("... were killed when the group launched a separate assault": the doer of the event a verb names)
        doing = [t for t in sent if t != trigger and t.pos_ == "VERB" and t.dep_ in _DOING_DEPS and (
            _trigger(t) is not None or t.lemma_ in _ATTACK_VERBS or t.lemma_ in _DOER_VERBS and any(
                c.dep_ == "dobj" and c.lemma_.lower() in lexicon()["triggers"] for c in t.children))
                 and not any(c.dep_ == "neg" for c in t.children) and trigger not in _joined_clauses(t)]
        for tok in doing:
            # ("... were killed when the vehicle was blown up by Maoists": the agent of a passive)
            passive = any(c.dep_ == "auxpass" for c in tok.children)
            for s in _by_agents(tok) if passive else subjects(tok, PERPETRATOR_LABELS):
                if s.ent_type_ == "ARMED_GROUP" and not any(s == q for q, _ in out):
                    out.append((s, "suspected" if _suspected(s) else "stated"))
    return _past_dateline(sent, out)


_BOTH = {"those", "these", "both", "two"}


def _the_sides_named(noun: Token) -> list[Token]:
    """ "After the abduction of X's commander by Y, fighting continued between those militias": the groups the
    sentence named before the fight, when it names two or more."""
    if noun.tag_ != "NNS" or not any(c.lower_ in _BOTH for c in noun.children):
        return []
    named = {}
    for t in noun.sent:
        if t.i >= noun.i:
            break
        if t.ent_type_ in {"ARMED_GROUP", "FORCE"}:
            named.setdefault(t.ent_id_ or t.text, t)
    return list(named.values()) if len(named) >= 2 else []


_HANDS_ON_VERBS = {"kill", "shoot", "stab", "murder", "behead", "strangle", "gun"}
_STATE_STRIKES = {"airstrike", "strike", "raid", "bombardment", "shelling", "bombing", "incursion"}
_WEAPON_WORDS = {"air", "drone", "missile", "rocket", "artillery", "naval"}


def _striking_state(trigger: Token) -> list[Token]:
    """The country a strike's word names ("a US air raid", "an Israeli airstrike", "Turkish drone strikes"):
    states fly the aircraft and fire the guns, so the country is the doer, not the place ("the Kenya attack"
    names where, and is no strike)."""
    if trigger.pos_ != "NOUN" or trigger.lemma_.lower() not in _STATE_STRIKES:
        return []
    mods = [c for c in trigger.children if c.dep_ in {"compound", "amod", "nmod"}]
    if trigger.lemma_.lower() in {"strike", "raid", "bombing"} and not any(c.lower_ in _WEAPON_WORDS for c in mods):
        return []  # ("a Pakistan raid" may be a raid in Pakistan; "a Pakistani air raid" is one it flew)
    return [c for c in mods if c.ent_type_ == "NORP" and places().demonym(c.text) or
            c.ent_type_ == "GPE" and (p := places().lookup(c.text)) is not None and p.precision == "country"]


_OWNING_VERBS = {"claim", "take", "accept", "assume", "bear", "admit"}
_SPOKESMEN = {"spokesman", "spokesperson", "spokeswoman", "commander", "leader", "chief", "official"}


def _spoken_for(person: Token) -> Token | None:
    """ "TTP spokesperson Muhammad Khurasani claimed ...", "Abu Ali, the group's spokesman, claimed ...": a
    person who claims an attack for his group; the group is who claimed it."""
    if person.ent_type_ != "PERSON":
        return None
    titles = [c for c in person.children if c.dep_ in {"appos", "compound"} and c.lemma_.lower() in _SPOKESMEN]
    for t in (person, *titles):
        for g in [*(c for c in t.children if c.dep_ in {"compound", "nmod", "poss"}), *prep_objects(t, {"of", "for"})]:
            group = entity(g, {"ARMED_GROUP"})
            if group is not None:
                return group
    return None


def _adverb_apart(verb: Token) -> list[Token]:
    """ "M23 briefly took over Goma": a name just before the verb, only adverbs between, that the parser hung on
    the adverb instead of making it the subject."""
    i = verb.i - 1
    while i >= verb.sent.start and verb.doc[i].pos_ in {"ADV", "AUX"}:
        i -= 1
    if i < verb.sent.start or i == verb.i - 1:
        return []
    tok = verb.doc[i]
    return [tok] if tok.ent_type_ in {"ARMED_GROUP", "FORCE"} and tok.head.i > i and tok.dep_ != "nsubj" else []


def _stray_subject(verb: Token) -> list[Token]:
    """A passive verb the parser left without its subject ("said on Tuesday fighters from X were suspected",
    where "fighters" became the object of "on"): the nearest armed group before it, in its own clause."""
    for t in reversed(verb.doc[verb.sent.start:verb.i]):
        if t.pos_ == "VERB" or t.dep_ == "nsubjpass":
            return []
        if t.ent_type_ == "ARMED_GROUP":
            return [t]
    return []


def _past_dateline(sent: Span, found: list[tuple[Token, str]]) -> list[tuple[Token, str]]:
    """ "BOGOTA, Colombia — A rebel group, the ELN, was behind …": the parser may make the dateline's place
    the subject; the actor is then the name set beside it in apposition."""
    end = _dateline_end(sent)
    out: list[tuple[Token, str]] = []
    for who, how in found:
        if sent.start <= who.i < end:  # (a pronoun's antecedent may stand in an earlier sentence)
            named = [t for t in who.subtree if t.i >= end and t.dep_ == "appos" and t.ent_type_ in
                     {"ARMED_GROUP", "FORCE"}]
            out += [(t, how) for t in named[:1] if not any(t == q for q, _ in out + found)]
        elif not any(who == q for q, _ in out):
            out.append((who, how))
    return out


def _called(verb: Token) -> list[Token]:
    """ "A group called al-Shabaab has claimed ...", "fighters who called themselves X claimed ...": the name given
    to the subject."""
    return [e for s in verb.children if s.dep_ in {"nsubj", "nsubjpass"}
            for e in [called(s, {"ARMED_GROUP", "ORG"})] if e is not None]


_MASTERMIND_VERBS = {"coordinate", "orchestrate", "mastermind", "direct", "order", "organise", "organize"}
_HEDGING = {"allege", "believe", "think", "say", "report", "understand", "presume"}


def _hedged_membership(tok: Token) -> bool:
    """ "men who are alleged (believed, thought, said) to be members of X": a hedged "suspected to be"."""
    # ("Fighters thought to be from X shot dead ...": the parser may make the participle the clause's verb)
    reduced = tok.tag_ in {"VBN", "VBD"} and any(c.dep_ == "nsubj" and c.lower_ in MEMBER_HEADS for c in tok.children)
    return tok.lemma_.lower() in _HEDGING and (any(c.dep_ == "auxpass" for c in tok.children) or reduced) and any(
        x.dep_ == "xcomp" and x.lemma_ == "be" for x in tok.children) and bool(_suspected_to_be(tok))


def _suspected_to_be(tok: Token) -> list[Token]:
    """ "assailants suspected to be members of the ADF" -> ADF; "thought to be from the X faction" -> X faction."""
    out = []
    for x in tok.children:
        if x.dep_ == "xcomp" and x.lemma_ == "be":
            said = [a for a in x.children if a.dep_ in {"attr", "acomp"}] + prep_objects(x, {"from"})
            for a in said:
                e = owner(a, PERPETRATOR_LABELS)
                if e is None:
                    e = next((t for t in a.subtree if t.ent_type_ in {"ARMED_GROUP", "FORCE"}), None)
                if e is not None:
                    out.append(e)
    return out


def _clause_root(tok: Token) -> Token:
    """The verb whose clause tells of an event word: itself, or the verb it is the subject or object of."""
    if tok.pos_ != "VERB" and tok.dep_ in {"dobj", "nsubj", "nsubjpass"} and tok.head.pos_ == "VERB":
        return tok.head
    return tok


def _own_dates(sent: Span, tok: Token) -> set[int]:
    """Date words told in the event word's own phrase or clause: "a July 20 suicide bombing", "Ankara on
    July 24 launched air raids"."""
    root = _clause_root(tok)
    roots = {root}
    if root.dep_ == "advcl" and any(c.lower_ == "when" for c in root.children):
        roots.add(root.head)  # "conflict resumed in 2011 when government forces attacked": the "when" is its time
    phrase = set(tok.subtree) - _joined_clauses(tok)
    # (not the date that ends the phrase of an event word coordinated with it: "..., as well as a bombing in X in
    # August 2016")
    theirs = {i for t in phrase if t != tok and t.dep_ == "conj" and t.pos_ == "NOUN" and _trigger(t)
              for i in _dated_after(sent, t)}
    return {d.i for d in sent if d.ent_type_ == "DATE" and (d in phrase or _clause_verb(d) in roots)} - theirs | \
        _dated_after(sent, tok)


def _dated_after(sent: Span, tok: Token) -> set[int]:
    """ "as well as a suicide car bombing of the Chinese Embassy in Bishkek in August 2016": the date that ends
    an event noun's run of phrases, however the parser hung it (no verb, comma or other event word between)."""
    if tok.pos_ != "NOUN":
        return set()
    for t in sent.doc[tok.i + 1: sent.end]:
        if t.ent_type_ == "DATE":
            return {t.i} if t.dep_ == "pobj" and t.head.lower_ in {"in", "on"} else set()
        if t.pos_ in {"VERB", "AUX"} or t.text in {",", ";", "("} or t.pos_ == "NOUN" and _trigger(t):
            return set()
    return set()


_CONTRASTS = {"but", "yet", "whereas"}


def _joined_clauses(verb: Token) -> set[Token]:
    """The words of the clauses set against a verb's with subjects of their own ("They signed a deal in 1994,
    *but conflict resumed in 2011 when ...*"): they tell of other things than the verb does ("twelve were killed
    and 30 others wounded in attacks ..." tells of one)."""
    if not any(c.dep_ == "cc" and c.lower_ in _CONTRASTS for c in verb.children):
        return set()
    return {t for c in verb.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} and
            any(s.dep_ in {"nsubj", "nsubjpass"} for s in c.children) for t in c.subtree}


def _dated_apart(sent: Span, first: Token) -> list[Token]:
    """Event words of the sentence in a clause of their own, with a date of their own, besides the first: "the
    offensive was launched after 33 activists were killed in a July 20 suicide bombing"."""
    first_root, first_dates = _clause_root(first), _own_dates(sent, first)
    first_phrase = set(first.subtree) - _joined_clauses(first)
    out = []
    for t in sent:
        # ("the metro attack in April 2017 which killed 14, as well as a bombing ... in August 2016": coordinated,
        # however deep the parser hung it)
        # ("a March 1994 bombing in Kandy ...; the June 1995 murder of a judge": a list of events dated on their
        # nouns, however the parser hung the next)
        marked = t.dep_ in {"appos", "conj"} and _date_mark(t) is not None and _date_mark(first) is not None and \
            _date_mark(t).text != _date_mark(first).text
        if t == first or t in first_phrase and t.dep_ != "conj" and not marked or _trigger(t) is None or \
                _one_of_kind(t) or first in set(_clause_root(t).subtree) or _clause_root(t) in {first, first_root}:
            continue
        own = _own_dates(sent, t)
        # ("accused of kidnapping 70 men in al Sijir, and killing 49 in Saqlawiyah": joined, each in a place of its own)
        placed = t.dep_ == "conj" and _own_places(t) and not _own_places(t) & _own_places(first)
        # ("the May 1993 assassination of X; and a January 1996 suicide bomb attack on Y": one joined to another)
        if (own and not own & first_dates or placed or marked) and all(t not in _own_phrase(o, out) for o in out):
            out.append(t)
    return out[:3]


def _date_mark(tok: Token) -> Token | None:
    """ "a March 1994 bombing": the date written on an event noun itself."""
    return next((c for c in tok.children if c.dep_ in {"nmod", "compound", "amod", "npadvmod"} and
                 c.ent_type_ == "DATE"), None) if tok.pos_ == "NOUN" else None


def _own_phrase(tok: Token, apart: list[Token]) -> set[Token]:
    """An event word's phrase, without the phrases of the other events told in it ("the assassination of X; and a
    bomb attack on Y")."""
    inside = {t for c in tok.children if c.dep_ == "conj" and _trigger(c) is not None for t in c.subtree}
    inside |= {w for t in apart if t != tok and tok in t.ancestors for w in t.subtree}
    return set(tok.subtree) - inside


def _own_places(tok: Token) -> set[str]:
    """The names of places told in an event word's own phrase, not in the event phrases joined to it."""
    return {t.text for t in _own_phrase(tok, []) if is_place(t) and not _nationality(t)}


def _mentions(doc: Doc) -> Iterator[RawEvent]:
    for sent in doc.sents:
        for tok in sent:
            hit = _trigger(tok)
            if hit is None or _one_of_kind(tok):
                continue
            # "the attack comes a week after a blast in X killed seven": the blast is this sentence's own event
            told, tok = tok, next((t for t in sent if t.i > tok.i and _compared_in_time(t) and _trigger(t)), tok)
            if told is not tok and _definite(told):
                # ("The shooting in Neve Yaakov came after the killing of 10 a day earlier": the event referred to
                # keeps the words of its own phrase)
                other = frozenset(t.i for t in tok.subtree)
                yield _mention(sent, told, other, elsewhere=other)
            battle = _battle_killed_in(tok)
            if battle is not None:  # "ten rebels were killed in an encounter with soldiers": the encounter
                tok = battle
            if _follows_another(tok):
                # "This latest attack comes after an incident last month, in which militants hijacked a train in
                # Bolan": the sentence tells the earlier event; the attack is the one already told
                tok = next((t for t in sent if t.i > tok.i and _trigger(t) is not None), tok)
            apart = _dated_apart(sent, tok)
            first = _mention(sent, tok, frozenset(i for t in apart for i in _own_dates(sent, t)),
                             elsewhere={p.i for t in apart for p in t.subtree})
            # "... was launched after 33 were killed in a July 20 bombing blamed on IS": IS did the bombing only
            first.perpetrators = [(p, how) for p, how in first.perpetrators
                                  if not any(p in set(t.subtree) for t in apart)]
            yield first
            first_dates = frozenset(_own_dates(sent, tok)) if apart else frozenset()
            for t in apart:  # one event a clause that dates its own
                # (not the toll or place of the others: "an explosion in Jaffna, which killed 10; the May 1993
                # assassination of X")
                theirs = {w.i for o in [tok, *apart] if o != t for w in _own_phrase(o, apart)}
                mine = {w.i for w in _own_phrase(t, apart)} | _own_dates(sent, t)
                ev = _mention(sent, t, frozenset((first_dates | theirs) - mine), elsewhere=theirs - mine)
                if not ev.perpetrators and t.dep_ == "conj":  # "X is behind A, and two bombings in 2008"
                    ev.perpetrators = list(first.perpetrators)
                yield ev
            break


def _mention(sent: Span, tok: Token, others: frozenset[int], elsewhere: set[int] = frozenset()) -> RawEvent:
    etype, sub = _classify(sent, tok, *_trigger(tok))
    victims = [v for v in victim_tokens(tok, harmed=True) if v.i not in elsewhere]  # (not another event's dead)
    # ("soldiers attacked KNU positions": a group the event hit did not do it; in a fight, both sides take hits)
    hit = {t.ent_id_ for v in victims if tok not in set(v.subtree) for t in v.subtree if t.ent_id_} \
        if not fight_word(tok) else set()
    # ("blamed the attack on X" may read as an attack on X: a blame or a claim stands)
    perpetrators = [(p, how) for p, how in _perpetrators(sent, tok)
                    if how != "stated" or not p.ent_id_ or p.ent_id_ not in hit]
    if fight_word(tok) or tok.lemma_.lower() == "exchange":
        # "a NSCN-IM militant was killed by security forces during an exchange of fire": the side that lost men
        # fought too
        for v in victims:
            member = v.lower_ in MEMBER_HEADS or v.lower_ + "s" in MEMBER_HEADS
            side = next((c for c in v.children if c.dep_ in {"compound", "nmod", "poss"} and
                         c.ent_type_ == "ARMED_GROUP"), None) or owner(v, {"ARMED_GROUP"}) if member else None
            if side is not None and not any(side.text == p.text for p, _ in perpetrators):
                perpetrators.append((side, "stated"))
    listed_under = _listed_in(tok)
    if not perpetrators and listed_under is not None:  # "attacks by X, including the murder of Y in April 2019"
        perpetrators = _perpetrators(sent, listed_under)
    if not perpetrators:  # "one of the group's most prominent attacks ... killed 16 people"
        kind = next((t for t in sent if _one_of_kind(t) and t.lemma_.lower() in lexicon()["triggers"]), None)
        perpetrators = _perpetrators(sent, kind) if kind is not None else []
    # ("This latest attack comes after an incident last month": the sentence's date and places are the other's)
    follows = _follows_another(tok)
    # (but "The shooting in Neve Yaakov came after ...": the words of its own phrase still place it)
    place = _place(sent, tok, exclude={t.i for t in sent} - {t.i for t in tok.subtree}) if follows else \
        _place(sent, tok, exclude={p.i for p, _ in perpetrators} | elsewhere) or _there(sent) or \
        _named_before(sent, tok) or \
        _country_heading(sent)
    date = None if follows else _date(sent, tok, others)
    return RawEvent(etype, sub, tok, date=date, place=place, perpetrators=perpetrators,
                    killed=None if follows else _number_for(sent, set(lexicon()["kill_words"]), elsewhere),
                    injured=None if follows else _number_for(sent, set(lexicon()["injure_words"]), elsewhere),
                    targets=_targets(victims), victims=victims, sentences=[sent],
                    place_where=place is not None and tok in set(place.subtree) and place != tok)


def _listed_in(tok: Token) -> Token | None:
    """The plural event word whose "including" list names this one: "attacks by X, including a mortar attack on
    Strabane police station"."""
    for _ in range(6):  # ("including attempts on the lives of police officers and a mortar attack": however hung)
        if tok.dep_ == "pobj" and tok.head.lower_ == "including":
            break
        if tok.dep_ == "conj" or tok.dep_ == "pobj" and tok.head.dep_ == "prep":
            tok = tok.head if tok.dep_ == "conj" else tok.head.head
        else:
            return None
    else:
        return None
    including = tok.head
    # ("is believed to have been responsible for a number of attacks ..., including": the list hung on the verb)
    heads = [including.head] if including.head.pos_ == "NOUN" else [
        t for t in including.head.subtree if t.i < including.i and t.pos_ == "NOUN"]
    return next((h for h in reversed(heads) if h.tag_ == "NNS" and (
        h.lemma_.lower() in lexicon()["triggers"] or h.lemma_.lower() in _INCIDENT_NOUNS)), None)


def _one_of_kind(tok: Token) -> bool:
    """ "In one of the worst attacks suffered by the army in a decade, 18 soldiers were killed": the class the
    event belongs to, not the event; the sentence's own event word tells it."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in {"one", "some", "among"} \
        and tok.tag_ == "NNS" and any(t != tok and _trigger(t) for t in tok.sent if t.i > tok.i)


def _country_heading(sent: Span) -> Token | None:
    """ "Burkina Faso: two dead in a terrorist attack in the north of the country": the country a headline
    is filed under, when nothing in it names a place."""
    first = sent[0]
    if first.i + 1 >= len(sent.doc) or sent.doc[first.i + 1].text != ":" or not is_place(first):
        return None
    place = places().lookup(first.text)
    return first if place is not None and place.precision == "country" else None


def _there(sent: Span) -> Token | None:
    """ "X remains a volatile area. Gunmen hijacked a bus there": the first place of the sentence before."""
    if not any(t.lower_ == "there" and t.dep_ == "advmod" for t in sent) or sent.start == 0:
        return None
    before = sent.doc[sent.start - 1].sent
    return next((p for p in before if is_place(p) and not _nationality(p)), None)


_PLACE_KINDS = {"province": "region", "state": "region", "region": "region", "governorate": "region",
                "town": "city", "city": "city", "village": "city", "district": "district"}


def _named_before(sent: Span, trigger: Token) -> Token | None:
    """ "Shabwa province, a stronghold of AQAP ... A US air raid on the province": "the province" (or town, city,
    district) the event word governs is the last place of that kind named in the sentences before."""
    # ("... when they hurled hand grenades at a stall in the city": however deep in the sentence)
    noun = next((o for p in [*trigger.children, *sent] if p.dep_ == "prep" and p.lower_ in {"on", "in", "near", "at"}
                 for o in p.children if o.dep_ == "pobj" and o.lower_ in _PLACE_KINDS and not o.ent_type_
                 and any(c.dep_ == "det" and c.lower_ == "the" for c in o.children)
                 and not any(c.dep_ in {"compound", "amod", "prep", "appos"} for c in o.children)), None)
    if sent.start == 0:
        return None
    if noun is None:
        return _site_named_before(sent, trigger)
    kind = _PLACE_KINDS[noun.lower_]
    doc = sent.doc
    for tok in reversed(doc[max(0, sent.start - 200): sent.start]):
        place = places().lookup(tok.text) if is_place(tok) and not _nationality(tok) else None
        if place is not None and (place.precision == kind or kind == "city" and place.precision == "district"):
            return tok
    return None


_SITES = _STRONGHOLDS - {"town", "city", "village", "airport", "port", "headquarters"}  # held posts, not settlements
_SITE_WINDOW = 2  # sentences back that "the outpost" may refer to


def _site_named_before(sent: Span, trigger: Token) -> Token | None:
    """ "the Islamic State has targeted the Inates base. In July, it launched an assault on the outpost": the
    place of the site (base, outpost, camp) named in the sentences just before."""
    # (the site the event word, or another word for the attack in its sentence, hits: "were killed when the
    # group launched an assault on the outpost")
    site = next((o for o in sent if o.dep_ == "pobj" and o.head.lower_ in {"on", "against", "at"} and (
                 o.head.head == trigger or _trigger(o.head.head) is not None)
                 and o.lemma_.lower() in _SITES and not o.ent_type_
                 and any(c.dep_ == "det" and c.lower_ == "the" for c in o.children)
                 and not any(c.dep_ in {"compound", "prep", "appos"} for c in o.children)), None)
    if site is None:
        return None
    before = [s for s in sent.doc[:sent.start].sents][-_SITE_WINDOW:]
    for s in reversed(before):
        for tok in reversed(list(s)):
            if tok.lemma_.lower() in _SITES and not tok.ent_type_:
                named = [c for c in tok.children if c.dep_ in {"compound", "poss"} and is_place(c)] + \
                    [o for o in prep_objects(tok, {"in", "near", "at"}) if is_place(o)]
                if named:
                    return named[0]
    return None


_INTENT_NOUNS = {"intention", "intent", "plan", "plans", "plot", "aim", "goal", "threat", "threats", "vow", "bid"}


_INTENDING_VERBS = {"threaten", "plan", "plot", "prepare", "mull", "contemplate", "consider", "promise"}


def _intended(tok: Token) -> bool:
    """An event word under a noun of intent: "the intention of seizing X", "plans to attack Y", "the goal of
    fighting oppression and avenging the murder of prisoners" (a wrong to avenge is the aim's, not a deed)."""
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in {"avenge", "revenge"}:
        tok = tok.head
    while tok.dep_ == "conj" and tok.pos_ == "VERB":
        tok = tok.head
    head = tok.head
    if tok.dep_ == "dobj" and head.lemma_.lower() in _INTENDING_VERBS or tok.dep_ == "pobj" and \
            head.lower_ in {"for", "of"} and head.head.lemma_.lower() in _INTENDING_VERBS:
        return True  # "are threatening an offensive to retake Idlib", "preparing for an assault": not yet fought
    if tok.dep_ in {"pcomp", "pobj"} and head.lower_ == "of":
        head = head.head
    elif tok.dep_ in {"acl", "xcomp", "relcl"} or tok.dep_ == "advcl" and head.pos_ == "NOUN":
        if head.pos_ == "NOUN" and head != tok and _intended(head):
            return True  # "threatening an offensive to retake Idlib": what the threatened offensive is for
    else:
        return False
    return head.lower_ in _INTENT_NOUNS


def _battle_killed_in(tok: Token) -> Token | None:
    """The fight a killing verb says its dead fell in ("were killed in a gunfight"), if any."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in lexicon()["kill_words"]:
        return None
    return next((o for o in prep_objects(tok, {"in", "during"}) if (o.lemma_.lower() in _BATTLE_WORDS or
                                                                   o.lemma_.lower() == "exchange")
                 and _trigger(o) is not None), None)


def _targets(victims: list[Token]) -> list[str]:
    """Who or what was hit, by kind: civilians, security forces, institutions, named communities."""
    words = _words(victims)
    out = [kind for kind, cues in lexicon()["target_words"].items() if words & set(cues)]
    for o in victims:
        for t in o.subtree:
            if t.ent_type_ in {"COMMUNITY", "NORP"} and t.text not in out:
                out.append(t.text)  # "an attack on a Sikh temple" -> Sikh
    return out


def _definite(tok: Token) -> bool:
    dets = [c.lower_ for c in tok.children if c.dep_ in {"det", "poss"}]
    return bool(dets) and dets[0] in _DEFINITE


def _is_anaphoric(ev: RawEvent) -> bool:
    return _definite(ev.trigger)


_FAMILY = {"explosions_remote_violence": "explosion", "battles": "battle", "strategic_development": "strategic",
           "protests": "protest", "riots": "protest"}
_TOLL = {"toll", "tolls"}


def _family(ev: RawEvent) -> str:
    if ev.type == "violence_against_civilians" and ev.sub_type == "attack":
        return "attack"  # an attack of no known kind fits a bombing, a clash or a massacre
    return _FAMILY.get(ev.type, ev.type)


def _word_family(ev: RawEvent) -> str:
    """The family the event word itself names: "the attack" is an attack, whatever the sentence adds."""
    hit = _trigger(ev.trigger)
    if hit is None or hit[0] != "violence_against_civilians" or hit[1] != "attack":
        return _family(ev)
    return "attack"


_TAKEOVERS = {"seize", "capture", "overrun", "storm"}


def _families_agree(a: RawEvent, b: RawEvent, loose: bool = False) -> bool:
    # a mention that refers back ("the fierce fighting") may name any part of an "attack" ("a suicide car bomb
    # attack on a base"): both are as broad as their words
    fa, fb = (_word_family(a), _word_family(b)) if loose else (_family(a), _family(b))
    if "strategic" in (fa, fb):
        # "an attack on a military base ..." then "it had seized the base": the takeover ends the fight
        takeover = any(e.type == "strategic_development" and e.trigger.lemma_.lower() in _TAKEOVERS for e in (a, b))
        return fa == fb or takeover and {fa, fb} - {"strategic"} <= {"battle", "attack"}
    return fa == fb or "attack" in (fa, fb) or {fa, fb} == {"violence_against_civilians", "attack"}


def _dates_agree(a: DateValue | None, b: DateValue | None) -> bool:
    """Dates that can be one event's: either unknown, one inside the other, or a day apart."""
    if a is None or b is None or a.iso.startswith(b.iso) or b.iso.startswith(a.iso):
        return True
    if a.precision == b.precision == "day":
        return abs((dt.date.fromisoformat(a.iso) - dt.date.fromisoformat(b.iso)).days) <= 1
    if {a.precision, b.precision} == {"day", "week"}:  # a day in the week up to the other's date
        week, day = (a, b) if a.precision == "week" else (b, a)
        return 0 <= (dt.date.fromisoformat(week.iso) - dt.date.fromisoformat(day.iso)).days <= 7
    return False


def _places_agree(a: Token | None, b: Token | None, loose: bool = False) -> bool:
    """Places that can be one event's: the same, one inside the other's country or region, or unknown."""
    if a is None or b is None or a.text == b.text:
        return True
    pa, pb = places().lookup(a.text), places().lookup(b.text)
    if pa is None or pb is None:
        return True  # a village the gazetteer does not know may lie in the other place
    if pa.country and pb.country and pa.country != pb.country:
        # ("Cameroon" and "Northwest province": the province of the country named beside it, not South Africa's)
        pb = places().lookup(b.text, country=pa.country) or pb
        pa = places().lookup(a.text, country=pb.country) or pa
    if pa.key == pb.key:
        return True
    if pa.country and pb.country and pa.country != pb.country:
        # "police patrols in Sib and Soran counties" of an Iranian province: a town of a country the report
        # never names (Soran, Iraq) is more likely a namesake the gazetteer lacks (and two namesakes, "Darra" and
        # "Dara" of one report, are towns no gazetteer knows: either may hold the other)
        return _namesake(a) or _namesake(b)
    broad = {"country", "region"}
    if pa.precision in {"country", "area"} or pb.precision in {"country", "area"}:
        return True  # a country, or an area of no known bounds ("Kashmir"), may hold the other place
    if pa.precision in broad or pb.precision in broad:
        return bool(pa.iso and pb.iso and pa.iso == pb.iso) or bool(pa.admin1) and pa.admin1 == pb.admin1 or \
            pa.name in {pb.admin1} or pb.name in {pa.admin1}  # two regions, both without admin1, are two places
    if _part_of_city(pa, pb) or _part_of_city(pb, pa):
        return True  # "Sadr City" in Baghdad
    if pa.admin1 and pa.admin1 == pb.name or pb.admin1 and pb.admin1 == pa.name:
        return True  # "in Mandalay" and "in Madaya Township": the region the city shares its name with
    if {(a.text, b.text), (b.text, a.text)} & written_within(a.doc):
        return True  # "in Patikul, Sulu": the report says one holds the other
    # "the bombing" in Khar, in the Bajaur district: two towns of one region, for a mention that refers back
    return loose and bool(pa.admin1) and pa.admin1 == pb.admin1


def written_within(doc: Doc) -> set[tuple[str, str]]:
    """(inner, outer) names of places the text itself puts one inside the other: "Patikul, Sulu",
    "Balochistan's Mastung", "Daglica in Hakkari"."""
    pairs = doc.user_data.get("places_within")
    if pairs is None:
        pairs = set()
        for t in doc:
            if not is_place(t):
                continue
            outer = [c for c in t.children if c.dep_ in {"appos", "poss"}] + prep_objects(t, {"in"})
            if t.dep_ == "compound" and t.head.lower_ in PLACE_NOUNS:  # "Ankara's northern Kahramankazan district"
                outer += [c for c in t.head.children if c.dep_ == "poss"]
            # "at Aranpur in Dantewada district", both hung on the verb: the second holds the first (so does
            # "Buenos Aires, in Colombia's Cauca province")
            # ("Patikul town in Sulu": after the place noun the name is a compound of)
            end = t.head.i if t.dep_ == "compound" and t.head.i == t.i + 1 and t.head.lower_ in PLACE_NOUNS else t.i
            k = end + 2 if end + 2 < len(doc) and doc[end + 1].text == "," else end + 1
            if k < len(doc) and doc[k].lower_ == "in" and doc[k].head != t:
                outer += [p for o in doc[k].children if o.dep_ == "pobj" for p in places_in(o)]
            # "El Aguaje, a town in the municipality of Aguililla"
            outer += [p for c in t.children if c.dep_ == "appos" and c.lower_ in PLACE_NOUNS for p in places_in(c)]
            if t.i + 3 <= len(doc) and doc[t.i + 1].text == "," and (t.i == 0 or doc[t.i - 1].text != ",") and (
                    t.i + 3 == len(doc) or doc[t.i + 3].lower_ not in {",", "and", "or"}):
                outer.append(doc[t.i + 2])  # "Talipao, Sulu" however parsed; not a list "Kunar, Khost and Paktia"
            pairs |= {(t.text, o.text) for o in outer if is_place(o)}
        doc.user_data["places_within"] = pairs
    return pairs


def _country_of(tok: Token) -> str | None:
    place = places().lookup(tok.text)
    return place.country if place is not None else places().demonym(tok.text)


def _namesakes(doc: Doc, events: list[RawEvent]) -> None:
    """ "a rural part of Buenos Aires, in Colombia's Cauca province": a town the gazetteer knows only in a country the
    report never names is a namesake it lacks; the place the text puts it in locates it."""
    within = written_within(doc)
    for ev in events:
        if ev.place is None or not _namesake(ev.place):
            continue
        outer = {o for i, o in within if i == ev.place.text}
        home = places().lookup(ev.place.text)
        # ("Mpondwe, a Ugandan town": a container in the gazetteer's own country confirms the town)
        held_by = [t for t in doc if t.text in outer and is_place(t) and not _namesake(t)]
        if any(_country_of(t) == home.country for t in held_by):
            continue
        container = min(held_by, key=_specificity) if held_by else None  # the province, not the country
        # (with none written, a report set in a region of another country keeps the name alone, not the
        # gazetteer's foreign town: "Darra" in a report on Oromia is not Pakistan's Darra Adam Khel)
        if container is not None or _regions_named(doc) - {home.country}:
            ev.outer, ev.namesake = container, True


def _namesake(tok: Token) -> bool:
    """A town the gazetteer places in a country the report never names: likely a namesake it lacks."""
    p = places().lookup(tok.text)
    named = _countries_named(tok.doc)
    return p is not None and bool(named) and p.precision in {"city", "district"} and p.country not in named


def _regions_named(doc: Doc) -> set[str]:
    """Countries whose first-level regions the report names ("Oromia": Ethiopia)."""
    _countries_named(doc)
    return doc.user_data["regions_named"]


def _countries_named(doc: Doc) -> set[str]:
    """Countries the report names, as places, through one of their regions ("Northern Ireland"), or as
    nationalities ("Iranian police"); read once, with the countries of the regions named (`_regions_named`)."""
    named = doc.user_data.get("countries_named")
    if named is None:
        named, regions = set(), set()
        for e in doc.ents:
            if e.label_ in {"GPE", "LOC"}:
                p = places().lookup(e.text)
                if p is not None and p.precision in {"country", "region"} and p.country:
                    named.add(p.country)
                    if p.precision == "region":
                        regions.add(p.country)
            elif e.label_ in {"NORP", "FORCE", "ORG"}:
                code = places().demonym_in(e.text)
                named |= {code} if code else set()
        doc.user_data["countries_named"], doc.user_data["regions_named"] = named, regions
    return named


def _part_of_city(pi: Place | None, po: Place | None) -> bool:
    """ "the Sadr City district" and Baghdad: a part of a city that gives its region its name (GeoNames lists
    both as towns of the region Baghdad)."""
    return pi is not None and po is not None and pi.key != po.key and po.precision == "city" and \
        pi.precision in {"city", "district"} and pi.country == po.country and pi.admin1 == po.name


def _within_city(inner: Token | None, outer: Token | None) -> bool:
    """`_part_of_city` for two place words of the text."""
    if inner is None or outer is None or inner.text == outer.text:
        return False
    return _part_of_city(places().lookup(inner.text), places().lookup(outer.text))


def _actor_key(tok: Token) -> str:
    """Who a name stands for, across mentions: its gazetteer id, else its words."""
    return tok.ent_id_ or tok.text.casefold()


def _perpetrators_agree(a: RawEvent, b: RawEvent) -> bool:
    """Perpetrators stated as fact on both sides must overlap; claims and accusations may differ."""
    sa = {_actor_key(t) for t, how in a.perpetrators if how == "stated"}
    sb = {_actor_key(t) for t, how in b.perpetrators if how == "stated"}  # "KIA" is the Kachin..
    return not sa or not sb or bool(sa & sb) or a.type == "battles" or b.type == "battles"


_LATER = re.compile(r"^(?:a|one|two|three|four|five|six|several|a few|\d+) (?:hours?|days?|weeks?|months?) later\b"
                    r"|^(?:the (?:next|following) (?:day|morning|week))\b")
_RETALIATION = {"retaliation", "retaliatory", "reprisal", "revenge"}


def _separate(ev: RawEvent) -> bool:
    """ "Separately, gunmen attacked ...", "Earlier this month ...", "Two days later, ...", "a retaliation attack":
    a mention that announces another event."""
    start = ev.sentences[0].text.lstrip("\"“‘' ")[:40].casefold()
    # ("The second operation targeted a ship": one counted after another)
    named = [ev.trigger] + [c for c in ev.trigger.children if c.dep_ in {"nsubj", "nsubjpass"}]
    cues = [c for c in lexicon()["separate_cues"] if not (c in _TIME_CUES and _dates_the_telling(ev))]
    return any(start.startswith(cue) or f" {cue}" in start[:25] for cue in cues) or \
        bool(_LATER.match(start)) or _compared_in_time(ev.trigger) or \
        any(c.lower_ in _RETALIATION for c in ev.trigger.children if c.dep_ in {"amod", "compound"}) or \
        any(c.lower_ in _LATER_ORDINALS for n in named for c in n.children if c.dep_ == "amod")


_LATER_ORDINALS = {"second", "third", "fourth", "fifth"}
_TIME_CUES = {"earlier", "previously", "last year", "last month"}


def _dates_the_telling(ev: RawEvent) -> bool:
    """ "Earlier in the day the government said it had proof that X drove the truck bomb": the time the sentence opens
    on is when it was said; the event told in the clause said is not another one for it."""
    sent = ev.sentences[0]
    first = next((t for t in sent if not t.is_punct), None)
    if first is None:
        return False
    verb = next((a for a in [first, *first.ancestors] if a.pos_ == "VERB"), None)
    return verb is not None and verb != ev.trigger and verb.lemma_.lower() in lexicon()["report_verbs"] and any(
        c.dep_ == "ccomp" and ev.trigger in set(c.subtree) for c in verb.children)


def _several(trigger: Token) -> bool:
    """ "claimed responsibility for both attacks", "the two bombings": several events told before, none of them one
    (but "two explosions tore through a cathedral": the parts of one)."""
    told = {c.lower_ for c in trigger.children if c.dep_ in {"det", "predet", "nummod"}}
    return trigger.tag_ == "NNS" and bool(told & {"both", "these", "those"} or "the" in told and told & {
        "two", "three"})


_SEVERAL_WINDOW = 3  # sentences before "both attacks" that may tell of them


def _doers_of_each(events: list[RawEvent], ev: RawEvent) -> bool:
    """ "X claimed responsibility for both attacks": the two events (or three, or all) told last, within the few
    sentences before, have the doers of the mention; when fewer were told there, the ones meant are not known.
    False when none was told there: "the two explosions at a mosque" opening a report tell of one event."""
    sent = ev.sentences[0]
    window = set(sorted(s.start for s in sent.doc.sents if s.start < sent.start)[-_SEVERAL_WINDOW:])
    told = sorted((e for e in events if any(s.start in window for s in e.sentences)),
                  key=lambda e: max(s.start for s in e.sentences), reverse=True)
    words = {c.lower_ for c in ev.trigger.children}
    count = 2 if words & {"both", "two"} else 3 if "three" in words else len(told)
    if len(told) >= max(count, 2):
        for e in told[:count]:
            _add_doers(e, ev.perpetrators)
    return bool(told)


def _time_word(trigger: Token) -> Token | None:
    """The "after"/"before" that puts the event word in a phrase or clause of time, if any."""
    if trigger.dep_ == "pobj" and trigger.head.lower_ in {"after", "before"}:
        return trigger.head  # "a week after a bomb blast in X"
    if trigger.dep_ == "nsubj":
        return next((c for c in trigger.head.children if c.dep_ == "mark" and c.lower_ in {"after", "before"}),
                    None)  # "a week after a bomb blast in X killed eight"
    return None


def _compared_in_time(trigger: Token) -> bool:
    """ "The incident comes a week after a bomb blast in Mastung": an event the report's own event is dated
    against is another one."""
    word = _time_word(trigger)
    if word is None:
        return False
    verb = word.head if word.dep_ == "prep" else trigger.head.head
    return any(c.dep_ == "nsubj" and (c.lower_ in {"it", "this"} or c.lemma_.lower() in {"incident", "attack"} or
                                      _trigger(c) is not None) for c in verb.children)


def _compatible(into: RawEvent, ev: RawEvent) -> bool:
    loose = _is_anaphoric(ev) or ev.date is None  # a mention with no date of its own refers back
    if _another_toll(into, ev) or _apart_in_one_sentence(into, ev):
        return False
    return _families_agree(into, ev, loose) and _dates_agree(into.date, ev.date) and \
        (_places_agree(into.place, ev.place, loose) or loose and _detached(ev)) and _perpetrators_agree(into, ev) \
        and not _turned(into, ev) and not _turned(ev, into)


def _apart_in_one_sentence(into: RawEvent, ev: RawEvent) -> bool:
    """Two event words joined in one sentence, each in a place of its own, were told apart: two events."""
    return ev.sentences[0] in into.sentences and ev.trigger.dep_ == "conj" and into.trigger in ev.trigger.ancestors \
        and into.place is not None and ev.place is not None and into.place.text != ev.place.text


def _another_toll(into: RawEvent, ev: RawEvent) -> bool:
    """ "A third bombing near X killed one" and "the car bombing near Y on December 24, killing a dozen": a dated
    mention with another toll and no place in common is not the undated event told before."""
    # ("seven killed" and "at least seven killed": one toll)
    return into.date is None and ev.date is not None and not ev.toll and into.killed is not None and \
        ev.killed is not None and into.killed.low != ev.killed.low and not _vaguely(into.killed, ev.killed) and not (
            into.place is not None and ev.place is not None and into.place.text == ev.place.text)


def _vaguely(vague: Quantity, count: Quantity) -> bool:
    """ "kills dozens of soldiers" in a headline and "at least 71 soldiers were killed": a vague figure whose
    range holds the other."""
    return vague.qualifier == "vague" and vague.low is not None and count.low is not None and \
        vague.low <= count.low <= (vague.high or count.low)


def _turned(a: RawEvent, b: RawEvent) -> bool:
    """ "soldiers killed in a suspected al-Qaeda attack" and "a US air raid killed an al-Qaeda emir": a group that
    did one was hit by the other, so they are two events."""
    doers = {_actor_key(t) for t, _ in a.perpetrators}
    # (in a fight the side that lost men is one of its doers: not "hit by the other")
    hit = {_actor_key(t) for v in b.victims for t in v.subtree if t.ent_type_ in PERPETRATOR_LABELS}
    hit -= {_actor_key(t) for t, _ in b.perpetrators}
    # (a branch hit is its parent hit: "an al-Qaeda attack" ... "killed an AQAP emir")
    hit |= {f"gaz:{actor.parent}" for h in hit for actor in [actors().actors.get(h.removeprefix("gaz:"))]
            if actor and actor.parent}
    return bool(doers & hit)


def _detached(ev: RawEvent) -> bool:
    """ "The assault threatens the peace talks in Cuba": the sentence's place is not where the event word is."""
    trigger = ev.trigger
    lex = lexicon()
    reported = trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in {
        *lex["report_verbs"], *lex["claim_verbs"], "condemn", "denounce", "deny", "describe"}
    # "was carried out at X"; "two explosions tore through the cathedral on the island of Jolo"
    # ("the dawn raid involved gunmen and claimed the lives of four soldiers at X": a verb joined to the first)
    verbs = [trigger.head, *(c for c in trigger.head.children if c.dep_ == "conj")]
    told = any(v.lemma_.lower() in _DOER_VERBS | _IMPACT_VERBS | {"occur", "happen", "take", "unfold", "involve"}
               for v in verbs)
    if trigger.dep_ == "pobj" and (trigger.head.lower_ in _BEFORE_OR_AFTER or trigger.head.lower_ == "of" and
                                   trigger.head.head.lower_ in {"wake", "aftermath"} or
                                   trigger.head.lower_ in {"to", "for"} and  # "in response to the attacks"
                                   trigger.head.head.lower_ in {"response", "retaliation", "reprisal", "revenge"}
                                   # "two cars linked to the bomb attack were found in X"
                                   or trigger.head.lower_ == "to" and
                                   trigger.head.head.lemma_.lower() in {"link", "connect", "relate", "tie"}):
        # "in the wake of the attack, ..." (but "after the blast at around 3:30 am which injured two policemen in X":
        # a clause the parser hung on the time tells of the blast)
        return ev.place is not None and ev.place not in set(trigger.subtree) and not _timed_clause(trigger, ev.place)
    return ev.place is not None and not ev.place_where and (trigger.dep_ in {"nsubj", "nsubjpass"} and not told or
                                                             reported) and ev.place not in set(trigger.subtree)


def _timed_clause(trigger: Token, place: Token) -> bool:
    """The place is told in a "which" clause that follows the event word and the time said after it, wherever the
    parser hung the clause ("the blast at around 3:30 am which injured two policemen at the barracks in Durango")."""
    clause = next((a for a in place.ancestors if a.pos_ == "VERB"), None)
    which = next((c for c in clause.children if c.dep_ == "nsubj" and c.lower_ in {"which", "that"}), None) \
        if clause is not None else None
    if which is None or not 0 < which.i - trigger.i <= 8:
        return False
    between, depth = [], 0
    for t in trigger.doc[trigger.i + 1:which.i]:  # ("at around 3:30 am (0130 GMT) which": the aside set apart)
        if depth == 0 and ")" not in t.text:
            between.append(t)
        depth += t.text.count("(") - t.text.count(")")
    return any(t.ent_type_ in {"TIME", "DATE"} for t in between) and all(
        t.ent_type_ in {"TIME", "DATE"} or t.pos_ in {"ADP", "DET", "PUNCT", "NUM"} for t in between)


def _merge(into: RawEvent, ev: RawEvent) -> None:
    if into.place is not None and ev.place is not None and ev.place.text == into.place.text and \
            _specificity(ev.place) > _specificity(into.place):
        into.place = ev.place  # "in Bijapur" (a headline) ... "in Bijapur district": the name is the district's
    if into.date is None or ev.date is not None and (ev.date.iso.startswith(into.date.iso) and len(
            ev.date.iso) > len(into.date.iso) or into.date.precision == "week" and ev.date.precision == "day"):
        into.date = ev.date  # "in January" ... "on 26 January"; "claimed on Friday" ... "Wednesday's attack"
    if into.place is None or ev.place is not None and not _detached(ev) and not _namesake(ev.place) and (
            (not ev.place_where, _specificity(ev.place)) < (not into.place_where, _specificity(into.place))
            or _within_city(ev.place, into.place) or (ev.place.text, into.place.text) in written_within(ev.place.doc)
            or (_near(into.place) and not _near(ev.place) or _holds_unnamed(into.place))
            and places().lookup(ev.place.text) is None):
        # ("an attack near Quetta" ... "the attack occurred in the Margat area": where, not what it was near)
        if into.place is not None and places().lookup(ev.place.text) is None:
            into.outer = into.place if places().lookup(into.place.text) is not None else into.outer
        into.place, into.place_where = ev.place, ev.place_where  # "in Borno state" ... "in the village of X"
    toll = bool(_TOLL & {t.lower_ for s in ev.sentences for t in s})
    vague = into.killed is not None and into.killed.qualifier == "vague"  # "dozens were killed" ... "at least 42"
    # "more than a dozen killed" ... "at least 22 people killed": of two floors, the higher says more
    floors = into.killed is not None and ev.killed is not None and into.killed.high is None and \
        ev.killed.high is None and (ev.killed.low or 0) > (into.killed.low or 0) and not into.toll
    if into.killed is None or ev.killed is not None and (toll and not into.toll or floors or
                                                         vague and ev.killed.qualifier != "vague"):
        into.killed, into.toll = ev.killed, into.toll or toll  # "the death toll rose to 100" updates a figure
    into.injured = into.injured or ev.injured
    if into.type == "violence_against_civilians" and into.sub_type == "attack" and _family(ev) != "attack":
        into.type, into.sub_type = ev.type, ev.sub_type  # "the attack" was a bombing
    for p in ev.perpetrators:
        if not any(p[0].text == q[0].text and p[1] == q[1] for q in into.perpetrators):
            into.perpetrators.append(p)
    for t in ev.targets:
        if t not in into.targets:
            into.targets.append(t)
    into.victims += [v for v in ev.victims if v not in into.victims]
    into.sentences += ev.sentences


def _merge_target(events: list[RawEvent], ev: RawEvent) -> RawEvent | None:
    """The earlier event of the same document this mention reports again, if any.

    A report usually covers one main event: a mention joins an earlier one when type family, date,
    place and perpetrators agree. A mention that starts with "Separately" or names an event of another
    kind, date or place opens a new event.
    """
    if _separate(ev):
        return None
    named = _named_back_to(events, ev)
    if named is not None:
        return named
    # (an event told as background takes only mentions of its own place: "the attack" is the report's own; or,
    # told with no place, where the next sentence says it was: "blamed for a murder last year. A watchdog found
    # that ... the 'public execution' of X, shot dead on the Shankill Road")
    for into in reversed([e for e in events if not e.background or ev.place is not None and (
            e.place is not None and e.place.text == ev.place.text or e.place is None and _told_next(e, ev))]):
        if _compatible(into, ev):
            return into
        if _is_anaphoric(ev) and _families_agree(into, ev, True):
            return None  # "the bombing" points at the latest bombing, which disagrees
    return None


def _named_back_to(events: list[RawEvent], ev: RawEvent) -> RawEvent | None:
    """ "militants stormed a Dhaka cafe" ... "the group that carried out the cafe attack": a definite event word whose
    modifier names a thing only one earlier event's sentences name refers back to that event."""
    if not _definite(ev.trigger) or ev.date is not None:
        return None
    marks = {c.lemma_.lower() for c in ev.trigger.children if c.dep_ in {"compound", "amod"} and c.pos_ == "NOUN"}
    if not marks:
        return None
    told = [e for e in events if marks & {t.lemma_.lower() for s in e.sentences for t in s if t.pos_ == "NOUN"}]
    return told[0] if len(told) == 1 and _families_agree(told[0], ev, True) else None


def _told_next(before: RawEvent, ev: RawEvent) -> bool:
    """Whether the mention is in the sentence after the last one the earlier event was told in."""
    last, sent = before.sentences[-1], ev.sentences[0]
    return sent.start >= last.end and not any(t.is_alpha for t in sent.doc[last.end:sent.start])


_GAP_WORDS = r"(a|an|one|two|three|four|five|six|\d+)\s+(day|week|month)s?"
_GAP = re.compile(rf"^{_GAP_WORDS}$", re.I)
_GAP_AFTER = re.compile(rf"^{_GAP_WORDS}\s+after\b", re.I)  # "Two weeks after militia fighters seized ..."
_GAP_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_GAP_DAYS = {"day": 1, "week": 7, "month": 30}


def _dated_before(ev: RawEvent, main: RawEvent) -> DateValue | None:
    """ "The incident comes a week after a blast in Mastung": the blast's date, counted back from the day of
    the report's event, as a week or a month (never a day: the gap is a round figure)."""
    word = _time_word(ev.trigger)
    if word is None or word.lower_ != "after" or main.date is None or main.date.precision != "day":
        return None
    gap = next((m for c in word.children if c.dep_ == "npadvmod" for m in [_GAP.match(c.text)] if m), None)
    if gap is None:
        return None
    return _counted_back(dt.date.fromisoformat(main.date.iso), gap.group(1), gap.group(2))


def _counted_back(day: dt.date, count: str, unit: str) -> DateValue | None:
    """ "two weeks" before a day: as a week or a month, never a day (the gap is a round figure)."""
    n = int(count) if count.isdigit() else _GAP_COUNTS.get(count.lower())
    if not n:
        return None
    back = day - dt.timedelta(days=n * _GAP_DAYS[unit.lower()])
    return DateValue(back.isoformat()[:7], "month") if unit.lower() == "month" else DateValue(back.isoformat(), "week")


def _continues(prev: RawEvent, ev: RawEvent) -> bool:
    """ "X fighters hijacked a bus in Mandera in 2014. In December they killed 36 workers.": a placeless event
    told right after another by the same doers, named by a pronoun, happened in the same place."""
    verb = ev.trigger if ev.trigger.pos_ == "VERB" else ev.trigger.head
    return ev.place is None and prev.place is not None and prev.sentences[-1].end == ev.sentences[0].start and \
        any(c.dep_ == "nsubj" and c.pos_ == "PRON" and c.lower_ in {"they", "it"} for c in verb.children) and \
        _perpetrators_agree(prev, ev)


def _one_day_one_place(ev: RawEvent) -> bool:
    """ "the bombings in Baghdad on Sunday", "explosions hit 22 properties in Corsica late Monday night": attacks of
    one day in one town or region are one event of several parts."""
    return ev.date is not None and ev.date.precision == "day" and ev.place is not None and \
        _specificity(ev.place) <= _SPECIFICITY["region"]


def _plural(ev: RawEvent) -> bool:
    return ev.trigger.tag_ == "NNS" and ev.trigger.lemma_ not in {"clash", "fighting"} and not _counted(ev.trigger) \
        and not _answered_for(ev.trigger)



_RECORD_REACH = 3  # sentences after the record that may tell an example of it


def _record_of_attacks(sent: Span) -> Token | None:
    """ "The BLA in the last few years has carried out some major terror attacks": the group whose record of attacks,
    in the plural and of no one day, the sentence tells."""
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _RECORD_VERBS or any(
                c.dep_ == "neg" for c in verb.children):
            continue
        if any(o.tag_ == "NNS" and o.lemma_.lower() in lexicon()["triggers"] for c in verb.children
               if c.dep_ == "dobj" for o in [c, *conjuncts(c)]):
            group = next((g for s in subjects(verb, {"ARMED_GROUP"}) for g in [entity(s, {"ARMED_GROUP"})]
                          if g is not None), None)
            if group is not None:
                return group
    return None


def _examples_of_a_record(doc: Doc, events: list[RawEvent]) -> None:
    """ "The BLA has carried out some major attacks in Pakistan. In November 2018, three suicide bombers attacked
    the Chinese consulate": an attack by doers the text does not name, told right after a sentence on a group's
    record of attacks, is given as an example of it (the group is suspected, not said, to have done it). A sentence
    that names another armed group ends the record's reach."""
    sents = list(doc.sents)
    index = {s.start: k for k, s in enumerate(sents)}
    for ev in events:
        k = index.get(ev.sentences[0].start)
        if ev.perpetrators or k is None:
            continue
        for back in range(1, _RECORD_REACH + 1):
            if k - back < 0:
                break
            group = _record_of_attacks(sents[k - back])
            if group is not None:
                ev.perpetrators.append((group, "suspected"))
                break
            if any(t.ent_type_ == "ARMED_GROUP" for t in sents[k - back]):
                break


def _attackers_named_later(doc: Doc, events: list[RawEvent]) -> None:
    """ "... killed in an ambush by hundreds of insurgents ... The rebels are often called the Maoists": an event
    whose doers the text calls only insurgents, rebels or militants, in a report that then says by which one name
    such fighters are called, was done by them."""
    named = set()
    found = None
    for verb in doc:
        if verb.lemma_.lower() not in CALLING_VERBS or not any(c.dep_ == "auxpass" for c in verb.children) or \
                not any(c.dep_ == "nsubjpass" and c.lemma_.lower() in _ATTACKERS for c in verb.children):
            continue
        called_ = [c for c in verb.children if c.dep_ in {"oprd", "attr"}] + prep_objects(verb, {"as"})
        for o in [n for c in called_ for n in [c, *c.conjuncts]]:  # ("called the Maoists, or Naxalites")
            group = entity(o, {"ARMED_GROUP"})
            if group is not None:
                named.add(group.ent_id_ or group.text)
                found = group
    if len(named) != 1:
        return
    for ev in events:
        # (who did it: the subject of an active verb, or whoever comes after "by", "by hundreds of insurgents")
        doers = [t for t in ev.sentences[0] if t.dep_ == "pobj" and t.head.lower_ == "by" or
                 t.dep_ == "nsubj" and t.head.pos_ == "VERB" and _trigger(t.head) is not None]
        agents = [a for t in doers for a in [t, *prep_objects(t, {"of"})]]
        if not ev.perpetrators and any(a.lemma_.lower() in _ATTACKERS for a in agents):
            ev.perpetrators.append((found, "stated"))


def _attributions(doc: Doc, events: list[RawEvent]) -> None:
    """Sentences with no event word of their own that say who did it ("assailants suspected to be members of
    the ADF", "X said it was behind the violence") add to the main event of the document."""
    if not events:
        return
    used = {s.start for e in events for s in e.sentences}
    for sent in doc.sents:
        if sent.start in used or any(_several(t) and _trigger(t) is not None for t in sent):
            continue  # ("ISIS claimed responsibility for both attacks": other events, told before)
        found = [(t, how) for t, how in _perpetrators(sent, sent.root) if how != "stated"] + _attacker_named(sent)
        main = max(events, key=lambda e: (len(e.sentences), -e.trigger.i))
        if not found:
            found, main = _doers_next(sent, events[0]), events[0]
        _add_doers(main, found)


def _attacker_named(sent: Span) -> list[tuple[Token, str]]:
    """ "Erdogan said the bomber was a member of the DHKP-C": the group the attacker belonged to, blamed by whoever
    says so (stated when no one does)."""
    out = []
    for verb in sent:
        attacker = [c for c in verb.children if c.dep_ == "nsubj" and c.lemma_.lower() in _ATTACKERS and _definite(c)]
        if verb.lemma_ != "be" or not attacker:
            continue
        said = any(a.lemma_.lower() in lexicon()["report_verbs"] for a in verb.ancestors)
        for attr in (c for c in verb.children if c.dep_ == "attr"):
            group = owner(attr, {"ARMED_GROUP"})
            if group is not None and group.ent_type_ == "ARMED_GROUP":
                out.append((group, "blamed" if said else "stated"))
    return out


def _add_doers(event: RawEvent, doers: list[tuple[Token, str]]) -> None:
    """Doers told apart from the event's own mentions, each name once (however the earlier mention put it)."""
    for t, how in doers:
        if not any(t.text == q[0].text for q in event.perpetrators):
            event.perpetrators.append((t, how))


# what attackers do in the course of an attack, told in the sentence after it
_DEEDS = {"occupy", "storm", "seize", "loot", "burn", "torch", "ransack", "overrun", "steal", "abduct", "besiege"}


def _doers_next(sent: Span, lead: RawEvent) -> list[tuple[Token, str]]:
    """ "... was shocked by a raid on three police stations. Thirty insurgents, affiliated with Ansar al-Sunna,
    briefly occupied all three stations": the sentence right after the lead event, whose doers it did not name,
    telling what its attackers did there, names them."""
    if lead.perpetrators or sent.start not in {s.end for s in lead.sentences} or sent.root.lemma_.lower() not in _DEEDS:
        return []
    doers = [s for s in subjects(sent.root, PERPETRATOR_LABELS) if s.ent_type_ == "ARMED_GROUP"]
    # ("Forty gunmen, affiliated with Ansar Dine, occupied ...", the participle hung on the verb)
    doers += [g for c in sent.root.children if c.dep_ == "advcl" and c.lemma_ in TIE_PARTICIPLES
              for o in prep_objects(c, {"with", "to"}) for g in [entity(o, {"ARMED_GROUP"})] if g is not None]
    return [(s, "stated") for s in doers]


_INCIDENT_NOUNS = {"incident", "operation", "atrocity", "outrage"}
_BULLET_MARKS = {*BULLETS, "*", "-"}


def _heading(sent: Span) -> Span | None:
    """The short line without a verb just before a sentence, that heads it ("July 9 2000:")."""
    if sent.start == 0:
        return None
    prev = sent.doc[sent.start - 1].sent
    return prev if not any(t.pos_ in {"VERB", "AUX"} and t.is_alpha for t in prev) and len(prev) < 12 else None


def _list_item(sent: Span, headed: bool = True) -> bool:
    """A line of a list: it opens on a bullet, or on a date and a colon ("July 9 2000: car bomb attack ..."),
    or follows such an opening cut off as a heading."""
    words = [t for t in sent if not t.is_space]
    if not words:
        return False
    heading = _heading(sent) if headed else None
    if heading is not None and _list_item(heading, headed=False):
        return True
    if words[0].text in _BULLET_MARKS:
        return True
    dated = [t for t in words[:6] if t.ent_type_ == "DATE"]
    return bool(dated) and any(t.text == ":" and t.i == dated[-1].i + 1 for t in words[:8])


def _listed_under(doc: Doc, events: list[RawEvent]) -> None:
    """The items of a list say no doer when its opening line did: "the group is believed to have been
    responsible for a number of incidents, including:" names it (with that modality) for each item."""
    sents = list(doc.sents)
    index = {s.start: k for k, s in enumerate(sents)}
    for ev in events:
        if ev.perpetrators or not ev.sentences or not _list_item(ev.sentences[0]):
            continue
        k = index.get(ev.sentences[0].start, 0) - 1
        while k >= 0 and _list_item(sents[k]):
            k -= 1
        intro = sents[k] if k >= 0 else None
        if intro is None or not intro.text.rstrip().endswith(":"):
            continue
        hedged = any(t.lemma_.lower() in {"believe", "think", "suspect", "allege", "accuse"} for t in intro)
        ev.perpetrators = [(t, "suspected" if hedged and how == "stated" else how) for t, how in _list_doers(intro)]


def _list_doers(intro: Span) -> list[tuple[Token, str]]:
    """Who the opening line of a list says did its items: "X has carried out a number of attacks, including:",
    "X is responsible for incidents including:"."""
    said = next((t for t in intro if t.pos_ == "NOUN" and (
        _trigger(t) is not None or t.lemma_.lower() in _INCIDENT_NOUNS)), intro.root)
    found = _perpetrators(intro, said)
    for tok in intro if not found else ():
        if tok.lemma_.lower() in _DOER_VERBS and tok.pos_ == "VERB" or tok.lower_ in {"responsible", "behind"}:
            verb = tok if tok.pos_ == "VERB" else tok.head
            how = "claimed" if tok.lemma_.lower() == "claim" else "stated"
            found = [(e, how) for e in subjects(verb, PERPETRATOR_LABELS) if e.ent_type_ in PERPETRATOR_LABELS]
            if found:
                break
    return found


def _place_of_the_dead(doc: Doc, events: list[RawEvent]) -> None:
    """ "the numbers of farmers killed at Zabarmari community": where the dead of the report fell, said in
    passing with no event word, places its main event when nothing else did."""
    if not events:
        return
    main = max(events, key=lambda e: (len(e.sentences), -e.trigger.i))
    if main.place is not None:
        return
    for tok in doc:
        if tok.lemma_.lower() == "kill" and tok.dep_ == "acl" and tok.tag_ == "VBN":
            found = [p for p in places_below(tok, {"in", "at"}) if not _nationality(p)]
            if found:
                main.place = found[0]
                return


def _local_branches(doc: Doc, events: list[RawEvent]) -> None:
    """ "an attack by al-Qaeda gunmen" in Abyan, in a report that also names AQAP: where a parent group acts in
    the country of a branch the report names, the doer is that branch (a branch abroad, not a faction at home:
    the Taliban in Kabul are not the Haqqani network)."""
    gazetteer = actors()
    branches: dict[tuple[str, str], Token] = {}
    for ent in doc.ents:
        actor = gazetteer.get(ent.ent_id_.removeprefix("gaz:")) if ent.ent_id_.startswith("gaz:") else None
        parent = gazetteer.parent_of(actor) if actor is not None else None
        if actor is not None and parent is not None and actor.country and actor.country != parent.country:
            branches.setdefault((parent.key, actor.country), doc[ent.start])
    if not branches:
        return
    for ev in events:
        where = places().lookup(ev.place.text) if ev.place is not None else None
        if where is None or not where.country:
            continue
        swapped = [(branches.get((tok.ent_id_, where.country), tok), how) for tok, how in ev.perpetrators]
        ev.perpetrators = list({tok.i: (tok, how) for tok, how in swapped}.values())


def _dateline(doc: Doc) -> DateValue | None:
    """The first recent day named in the opening lines of a dated report: when its main event happened."""
    published = doc.user_data.get("published")
    if published is None:
        return None
    for k, sent in enumerate(doc.sents):
        if k >= 8:
            break
        for t in sent:
            if t.ent_type_ in {"DATE", "TIME"}:
                value = parse_date(t.text, published)
                if value is not None and value.precision == "day" and \
                        0 <= (published - dt.date.fromisoformat(value.iso)).days <= 7:
                    return value
    return None


def extract_events(doc: Doc) -> list[RawEvent]:
    """Events of one document, mentions of the same event merged."""
    events: list[RawEvent] = []
    dateline = _dateline(doc)  # read once: every dated mention is measured against the lead's presumed day
    for ev in _mentions(doc):
        if _several(ev.trigger) and _doers_of_each(events, ev):
            continue
        into = _merge_target(events, ev)
        earlier = bool(events) and _before_the_lead(doc, events[0], ev, dateline)
        if earlier and into is events[0]:
            into = None
        if into is not None and (into.date is not None or ev.date is None or not _plural(ev)):
            _merge(into, ev)
            continue
        if ev.trigger.lemma_.lower() in _REFERRING_NOUNS:
            continue
        headline = ev.place is not None and ev.sentences[0].start == 0  # the report's own event, told in brief
        if ev.date is None and ev.killed is None and (not ev.perpetrators or ev.place is None) and not headline or \
                _plural(ev) and not _one_day_one_place(ev):
            continue  # too vague to be one event ("casualties in clashes with X"), or a plural referring to none
        ev.background = earlier or _compared_in_time(ev.trigger)  # told beside the report's own, not for itself
        if events and _continues(events[-1], ev):
            ev.place, ev.place_where = events[-1].place, False
        events.append(ev)
    _dated_from_the_one_before(events)
    _date_the_lead(doc, events, dateline)  # before the vague are dropped: the report's own event is dated by its day
    events = [e for e in events if e.date is not None or e.place is not None and (
        len(e.sentences) > 1 or e.killed is not None or _specificity(e.place) < _SPECIFICITY["region"])]
    # "clashes in Somalia", with no date and no toll, is no one event
    _listed_under(doc, events)
    _attributions(doc, events)
    _examples_of_a_record(doc, events)
    _attackers_named_later(doc, events)
    _place_of_the_dead(doc, events)
    _namesakes(doc, events)
    _local_branches(doc, events)
    for k, ev in enumerate(events):
        main = next((e for e in reversed(events[:k]) if not e.background), None)
        if ev.background and ev.date is None and main is not None:
            ev.date = _dated_before(ev, main)
    _date_the_lead(doc, events, dateline)
    return events


def _dated_from_the_one_before(events: list[RawEvent]) -> None:
    """ "In February 2024, fighters attacked Buringa. Two months earlier, they attacked Vugizo": an undated event
    whose sentence counts its time from the event told before it takes the date so counted."""
    for k, ev in enumerate(events):
        before = next((e.date for e in reversed(events[:k]) if e.date is not None), None)
        if ev.date is not None or before is None:
            continue
        for t in ev.sentences[0]:
            if t.ent_type_ == "DATE":
                ev.date = shifted(t.text, before)
                if ev.date is not None:
                    break


_LEAD_SLACK = 30  # days before an undated lead's presumed date that a later sentence may still date it to


def _before_the_lead(doc: Doc, lead: RawEvent, ev: RawEvent, dateline: DateValue | None) -> bool:
    """ "Victims included the general who led the 2011 offensive", "despite a backlash over the killing in April":
    a mention dated well before the report's lead event (by its date, or for an undated lead the days it is presumed
    to fall in: its dateline, or the week before publication) is another, earlier event told beside it; "seized the
    camp a week ago" still dates the lead."""
    if ev.date is None:
        return False
    presumed = lead.date or _presumed_date(doc, lead, dateline)
    if presumed is None or ev.date.iso.startswith(presumed.iso):
        return False  # ("a 2017 double murder" ... "in May 2017, Arthurs shot and killed ...": inside the lead's year)
    gap = (presumed.last_day() - ev.date.last_day()).days
    # ("Last month the army announced ...", in a report of this week's attack: a month over before the week began)
    return gap > _LEAD_SLACK or presumed.precision == "week" and ev.date.precision == "month" and gap > 7


def _date_the_lead(doc: Doc, events: list[RawEvent], dateline: DateValue | None) -> None:
    """The first event, if undated, takes its presumed date."""
    if events and events[0].date is None and events[0].type != "strategic_development":
        events[0].date = _presumed_date(doc, events[0], dateline)


def _presumed_date(doc: Doc, lead: RawEvent, dateline: DateValue | None) -> DateValue | None:
    """The date of an undated lead event: the report's dateline (`_dateline(doc)`) or, told in its lead, the week
    before publication."""
    return dateline or _lead_report(doc, lead)


_LEAD_SENTENCES = 6  # the headline, a byline, a photo caption and the lead's first sentences


def _reported(verb: Token) -> bool:
    """A clause a reporting verb ("said", "told") introduces."""
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in lexicon()["report_verbs"]


def _lead_report(doc: Doc, event: RawEvent) -> DateValue | None:
    """A dated report that opens on an attack and names no day ("militants have launched a deadly attack on a
    hotel"): the attack is news of the days before publication. Kept as precision "week", never "day", so
    the date says how much is known."""
    published = doc.user_data.get("published")
    if published is None or not event.sentences:
        return None
    opening = list(doc.sents)[:_LEAD_SENTENCES]
    # ("the military said 17 soldiers had been killed": a "had" of reported speech is the speaker's tense)
    if event.sentences[0].start > opening[-1].start or any(
            t.tag_ == "VBD" and t.lemma_ == "have" and not _reported(t.head) for t in event.sentences[0]):
        return None  # not the report's lead, or told as what "had" happened before
    return DateValue(published.isoformat(), "week")
