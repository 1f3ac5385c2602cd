"""Resolve "it", "they", "its fighters", "the group", "the militants" to the salient group, and
"the leader of X" (a title with no name beside it) to the person the passage is about.

A light, rule-based salience model: the antecedent is the armed group most recently named as
a subject (in this sentence before the word, or in the last few sentences); failing that, the
group most often named so far. For titles, the person named as a subject in this or the last
sentence. Works on the merged-entity tokens of the pipeline.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from dossier.lexicon import nouns, triggers, words

GROUP_LABELS = {"ARMED_GROUP"}
_PRONOUNS = {"it", "its", "they", "their", "them", "itself", "themselves"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_WINDOW = 3  # sentences a subject stays salient
_SIDE_CLAUSES = {"advcl", "relcl", "acl"}
# words that refer back only to a group the text has called so ("Fatemiyoun Brigade" ... "the brigade", "the SDF
# alliance" ... "the alliance"), not to whichever group is salient
_NAME_HEADS = {"brigade", "alliance", "force"}  # ("Rapid Support Forces" ... "the force")
_IRREGULAR = {"rebel", "guerrilla", "insurgent", "militant", "jihadist", "separatist", "ethnic", "tribal"}

if not Token.has_extension("antecedent"):
    Token.set_extension("antecedent", default=None)


def _is_group(token: Token) -> bool:
    return token.ent_type_ in GROUP_LABELS and link_participle(token) is None


def link_participle(token: Token) -> Token | None:
    """ "the al-Qaeda-linked group", "Iran-backed rebels": the participle that makes a name a modifier
    of another group (which is then not the named one)."""
    doc = token.doc
    i = token.i
    if i + 2 < len(doc) and doc[i + 1].text in {"-", "–"} and doc[i + 2].lower_ in words("link_participles"):
        return doc[i + 2]
    if i + 2 < len(doc) and doc[i + 1].lower_ in words("link_participles") and \
            doc[i + 2].lower_ in words("group_nouns") | words("member_nouns"):
        return doc[i + 1]  # "the al-Qaeda linked group", written without its hyphen (however parsed)
    return None


def _irregular_force(token: Token) -> bool:
    """ "the rebel force", "the guerrilla army", "the ethnic army": a state's word made a group's by what its members
    are."""
    return token.lower_ in {"force", "army"} and _of_irregulars(token)


def _of_irregulars(token: Token) -> bool:
    """ "the jihadist alliance", "the rebel brigade": said by what its members are, not by a name's last word."""
    return any(c.dep_ in {"amod", "compound"} and c.lower_ in _IRREGULAR for c in token.children)


def _definite_group_noun(token: Token) -> bool:
    irregular = _irregular_force(token)
    # ("the force", bare: not "the security forces")
    bare_force = token.lemma_.lower() == "force" and not any(c.dep_ in {"amod", "compound", "nmod"}
                                                            for c in token.children)
    if token.ent_type_ or token.lower_ not in words("definite_group_nouns") and not irregular and not bare_force:
        return False
    dets = [c for c in token.children if c.dep_ in {"det", "poss"}]
    doc = token.doc
    if not dets and token.i >= 3 and link_participle(doc[token.i - 2]) == doc[token.i - 1]:
        dets = [doc[token.i - 3]]  # "the al-Qaeda linked group": the parser hung "the" on the name
    if not dets and token.dep_ in {"poss", "nmod"} and any(c.dep_ == "case" for c in token.children):
        dets = [c for c in token.head.children if c.dep_ == "det" and c.i < token.i]  # "the gang's boss"
    # ("Sidiki Abass and his movement joined the CPC": a leader's group is the group of the passage)
    if not dets or dets[0].lower_ not in {"the", "this", "these", "its", "their", "his", "her"}:
        return False
    # "the Afghan militants", "the Taliban fighters" name another group of people; "the militant group" and "the
    # rebel group" are fine; "the other regional group", "the rival group" is not the one just named
    # ("the jihadist group": a creed the NER may take for a nationality names no other group)
    if token.tag_ == "NNS" and any(o.ent_type_ in GROUP_LABELS for p in token.children if p.dep_ == "prep"
                                   and p.lower_ in {"of", "from"} for o in p.children if o.dep_ == "pobj"):
        return False  # "the fighters of ISWAP" say whose they are ("the largest group of the FARC" may be the one)
    if any(c.dep_ == "appos" and c.ent_type_ in GROUP_LABELS for c in token.children):
        return False  # "the new group, Sect of Revolutionaries, ...": it names itself
    creeds = _creeds()
    # ("the Los Choneros criminal group": a name the parser hung as nmod is the group's own)
    return not any(c.lower_ not in creeds and (c.dep_ == "compound" and (c.pos_ == "PROPN" or c.ent_type_) or
                                               c.dep_ == "nmod" and c.ent_type_ in GROUP_LABELS | {"ORG"} or
                                               c.dep_ == "amod" and (c.pos_ == "PROPN" or c.lower_ in {
                                                   "other", "rival", "second", "different", "new"}))
                   for c in token.children)


@cache
def _creeds() -> frozenset[str]:
    return frozenset(triggers()["ideology"])


_PERSON_WINDOW = 1  # sentences a named person stays the one a bare title refers to


def _bare_title(token: Token) -> bool:
    """ "the leader of HTS says ...": a definite title, as a subject, with no name of its own."""
    if token.ent_type_ or token.lower_ not in nouns("leader"):
        return False
    if token.dep_ not in _SUBJECT_DEPS and not (token.dep_ == "appos" and not token.head.ent_type_):
        return False  # "X, the leader of Y" names its own person
    dets = [c for c in token.children if c.dep_ == "det"]
    if not dets or dets[0].lower_ != "the":
        return False
    named = [c for c in token.children if c.dep_ in {"appos", "compound"} and c.ent_type_ == "PERSON"]
    owners = [o for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
              if o.dep_ == "pobj" and o.ent_type_ in GROUP_LABELS]
    return not named and bool(owners)


# nouns that name one person by what he is: "The warlord is the founder of the LRA", said of the man just named
_EPITHETS = {"warlord", "cleric", "preacher", "kingpin", "strongman", "commander", "druglord", "ideologue"}


def _epithet(token: Token) -> bool:
    """ "The warlord ..." as a subject: a definite, singular person noun with no name of its own."""
    return not token.ent_type_ and token.lower_ in _EPITHETS and token.dep_ in _SUBJECT_DEPS and any(
        c.dep_ == "det" and c.lower_ == "the" for c in token.children) and not any(
        c.dep_ in {"appos", "compound", "prep"} for c in token.children)


def _only_person(named: list[Token]) -> Token | None:
    """ "Police arrested Lucas Ayaba Cho. He is also ...": "he" is the one person just named, when there is one."""
    names = {t.text for t in named}
    return named[-1] if len(names) == 1 else None


def _introduced(tok: Token) -> bool:
    """ "a radical movement named Ansar al-Sunna", "a new group called X": a group brought into the text by name
    (not "Hashd al Shaabi, also known as the PMF": another name of one already there)."""
    named = tok.head
    return tok.dep_ in {"oprd", "dobj", "attr", "npadvmod", "appos"} and named.lower_ in {
        "named", "called", "dubbed"} and named.dep_ == "acl" and any(
        c.dep_ == "det" and c.lower_ in {"a", "an"} for c in named.head.children)


def _own_predicate(tok: Token, antecedent: Token) -> bool:
    """ "The YPG is the alliance's backbone": a group word owning what the copula's subject is names another
    group than that subject."""
    if tok.dep_ != "poss" or tok.head.dep_ != "attr" or antecedent.sent != tok.sent:
        return False
    verb = tok.head.head
    return any(c.dep_ in _SUBJECT_DEPS and (c == antecedent or antecedent in c.children) for c in verb.children)


_SPEECH_VERBS = {"say", "insist", "deny", "announce", "state", "warn", "vow", "threaten", "assert", "claim", "add"}


def _speaker(tok: Token) -> Token | None:
    """ "Morocco says it is still committed to the ceasefire": the subject pronoun of what a named speaker says is
    the speaker (a group, or someone else than the salient group)."""
    verb = tok.head
    if tok.lower_ not in {"it", "they"} or tok.dep_ not in _SUBJECT_DEPS or verb.dep_ != "ccomp" or \
            verb.head.lemma_.lower() not in _SPEECH_VERBS:
        return None
    # ("A West African al Qaeda affiliate said it killed 200 soldiers": an unnamed group speaking of itself)
    return next((c for c in verb.head.children if c.dep_ == "nsubj" and (c.ent_type_ or _unnamed_part(c))), None)


# Nouns for a part of a group: "an al Qaeda affiliate" is not al Qaeda but a group of its own, left unnamed
_PART_NOUNS = {"affiliate", "branch", "offshoot", "splinter", "franchise", "faction", "wing", "chapter", "ally"}


def _unnamed_part(tok: Token) -> bool:
    """ "A West African al Qaeda affiliate", "Islamic State branch" (a headline): a part of a group, by its
    parent's name."""
    return not tok.ent_type_ and tok.lower_ in _PART_NOUNS and any(
        c.dep_ in {"compound", "nmod"} and _is_group(c) for c in tok.children)


@Language.component("dossier_coref")
def resolve_coreference(doc: Doc) -> Doc:
    last_subject: tuple[int, Token] | None = None  # (sentence number, token)
    previous_subject: tuple[int, Token] | None = None  # the subject before it, when another group
    called: dict[str, Token] = {}  # the last group named with each head word ("brigade" -> Fatemiyoun Brigade)
    last_named: tuple[int, Token] | None = None
    counts: Counter[str] = Counter()
    first_of: dict[str, Token] = {}
    last_person: tuple[int, Token] | None = None
    people: list[list[Token]] = []  # the people named in each sentence so far
    for n, sent in enumerate(doc.sents):
        people.append([])
        for tok in sent:
            if tok.ent_type_ == "PERSON":
                people[n].append(tok)
            elif tok.lower_ in {"he", "she"} and tok.dep_ in _SUBJECT_DEPS or _epithet(tok):
                tok._.antecedent = _only_person(people[n] or (people[n - 1] if n else []))
            if tok.ent_type_ == "PERSON" and (tok.dep_ in _SUBJECT_DEPS or tok.head.dep_ in _SUBJECT_DEPS):
                last_person = (n, tok)
            if _bare_title(tok) and last_person and n - last_person[0] <= _PERSON_WINDOW:
                tok._.antecedent = last_person[1]
                continue
            if _is_group(tok):
                key = tok.ent_id_ or tok.text
                counts[key] += 1
                first_of.setdefault(key, tok)
                last_named = (n, tok)
                last = tok.text.split()[-1].lower()
                called[last] = called[last.removesuffix("s")] = tok  # "Forces" ... "the force"
                if tok.dep_ == "compound":
                    called[tok.head.lemma_.lower()] = tok
                # ("The SDF is an alliance of militias", "the SDF, an alliance of militias")
                said = [c for c in tok.head.children if c.dep_ == "attr"] if tok.dep_ == "nsubj" and \
                    tok.head.lemma_ == "be" else [c for c in tok.children if c.dep_ == "appos"]
                for noun in said:
                    called[noun.lemma_.lower()] = tok
                # "IS-K fighters attacked …": a name on a subject noun is the subject's group; "a movement named
                # Ansar al-Sunna": a group the text introduces by name is what it goes on to talk about
                introduced = _introduced(tok)
                # ("The government and the Segunda Marquetalia opened talks": one of the subjects)
                subject = tok if tok.dep_ in _SUBJECT_DEPS or introduced else tok.head if tok.dep_ in {
                    "appos", "compound", "conj"} and tok.head.dep_ in _SUBJECT_DEPS else None
                # ("... when the Taliban held power": a subject of a side clause does not take over the passage)
                if subject is not None and (introduced or subject.head.dep_ not in _SIDE_CLAUSES or
                                            last_subject is None or
                                            n - last_subject[0] > _WINDOW):
                    if last_subject is not None and (last_subject[1].ent_id_ or last_subject[1].text) != key:
                        previous_subject = last_subject
                    last_subject = (n, tok)
                continue
            if tok.lower_ in _PRONOUNS and tok.pos_ == "PRON" or _definite_group_noun(tok):
                antecedent = None
                speaker = _speaker(tok)
                if speaker is not None:
                    antecedent = speaker if _is_group(speaker) else None
                elif tok.lemma_.lower() in _NAME_HEADS and not _irregular_force(tok) and (
                        tok.lemma_.lower() in called or not _of_irregulars(tok)):
                    antecedent = called.get(tok.lemma_.lower())
                elif last_subject and n - last_subject[0] <= _WINDOW:
                    antecedent = last_subject[1]
                elif last_named and n - last_named[0] <= 1:
                    antecedent = last_named[1]
                elif counts and tok.lower_ not in _PRONOUNS:
                    antecedent = first_of[counts.most_common(1)[0][0]]
                if antecedent is not None and _own_predicate(tok, antecedent):
                    antecedent = previous_subject[1] if previous_subject and n - previous_subject[0] <= _WINDOW \
                        else None
                tok._.antecedent = antecedent
                if antecedent is not None and tok.dep_ in _SUBJECT_DEPS and tok.head.dep_ not in _SIDE_CLAUSES:
                    last_subject = (n, antecedent)  # "The brigade is ..., and it serves ...": still the brigade
    _named_after_the_lead(doc)
    return doc


_LEAD_SENTENCES = 2  # sentences that may open a report with a group it names only after


def _named_after_the_lead(doc: Doc) -> None:
    """ "A Sunni rebel group has claimed responsibility for ... In an email, the group Jundallah said ...": the
    group a report's opening sentence leaves unnamed is the first it names in the two sentences after, when the
    opening names none ("an al Qaeda affiliate" names only the group's parent)."""
    sents = [s for s in doc.sents if any(t.pos_ in {"VERB", "AUX"} for t in s)]  # (not a dateline: "DAKAR -")
    for n, sent in enumerate(sents[:_LEAD_SENTENCES]):
        if any(_is_group(t) and not _unnamed_part(t.head) for t in sent):
            return
        # (a headline drops its article: "Al Qaeda affiliate says ...")
        unnamed = [tok for tok in sent if tok.dep_ in _SUBJECT_DEPS and tok._.antecedent is None and
                   not tok.ent_type_ and tok.lower_ in words("definite_group_nouns") and (
                       any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in tok.children) or _unnamed_part(tok))]
        if not unnamed:
            continue
        # (the group as the subject it goes on to be, "the group Jundallah said", "X claims", not any name in passing)
        named = next((t for s in sents[n + 1: n + 1 + _LEAD_SENTENCES] for t in s
                      if _is_group(t) and t.ent_type_ == "ARMED_GROUP" and not _unnamed_part(t.head) and (
                          t.dep_ in _SUBJECT_DEPS or t.dep_ in {"appos", "compound"} and
                          t.head.dep_ in _SUBJECT_DEPS and t.head.lower_ in words("definite_group_nouns"))), None)
        parents = {c for u in unnamed for c in u.children if _is_group(c)}
        for tok in sent:
            # "the affiliate said it killed ...": it, too ("..., raising its toll": not the parent named in passing)
            if tok in unnamed or _speaker(tok) in unnamed or tok._.antecedent in parents:
                tok._.antecedent = named
