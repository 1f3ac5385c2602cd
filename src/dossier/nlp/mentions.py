"""Find armed groups the gazetteer does not know, and acronyms defined in the text.

Runs after the statistical NER. A name becomes an armed group when its own words or its
context say so ("militant group X", "X militants", "the Nazir Group", "Lashkar-e-Islam");
"Long Name (ACR)", "ACR - Long Name -" and "Long Name, or ACR," make ACR an alias of Long Name.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from dossier.lexicon import nouns, triggers, words
from dossier.nlp.collectives import described_groups, dissident_spans
from dossier.nlp.fields import PEOPLE_FIELDS, fields, listed_names
from dossier.nlp.gazetteer import actors
from dossier.nlp.places import english_word
from dossier.nlp.places import gazetteer as places

GROUP_LABEL = "ARMED_GROUP"
_NAME_LABELS = {"ORG", "PERSON", "NORP", "GPE", "FAC", "LOC", "PRODUCT", "WORK_OF_ART", "EVENT"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&.\-]{0,10}[A-Z0-9]$")
_PLACE_HEADS = {"area", "district", "province", "region", "valley", "town", "city", "village", "county",
                "governorate", "mountains", "tribal", "agency", "border"}
_PLURAL_HEADS = {"states", "provinces", "districts", "regions", "counties"}  # "Kebbi and Sokoto States"
_ADMIN_UNITS = {"township", "district", "village", "county", "municipality", "province", "prefecture", "governorate",
               "oblast", "tehsil", "subdistrict", "commune", "division", "regency"}
_SUFFIX_NOUNS = {"network", "faction", "militia", "brigade", "brigades"}
_OFFICE_WORDS = {"secretary", "minister", "ministry", "department", "undersecretary", "office"}
_NUMBERED_UNITS = {"battalion", "brigade", "division", "regiment", "company", "corps", "squadron", "unit"}

if not Doc.has_extension("alias_links"):
    Doc.set_extension("alias_links", default=None)


# English nouns among the cue words: alone ("the Group", "the Front") they name nothing
_COMMON_GROUP_NOUNS = {"group", "movement", "network", "front", "army", "militia", "faction", "brigade", "brigades",
                       "forces", "force", "cartel", "gang", "battalion", "legion", "commando", "resistance",
                       "liberation", "province", "guerrilla", "junta"}


_STATE_FORCE_WORDS = {"air", "task", "police", "defence", "defense", "security", "border", "naval", "navy", "special",
                      "joint", "military", "peacekeeping", "national", "armed", "space", "marine", "coast", "guard",
                      "protection", "stabilisation", "stabilization", "multinational", "intervention", "standby",
                      "reserve", "expeditionary", "interim", "emergency", "response", "strike", "public"}


def _is_group_name(span: Span) -> bool:
    tokens = [t.lower_ for t in span]
    parts = {p for t in tokens for p in re.split(r"[-‐]", t)} | set(tokens)
    first = next((t for t in span if t.lower_ not in {"the", "a", "an"}), span[0])
    cues = parts & words("group_name_words")
    if cues == {"province"} and not span.id_ and places().lookup(span.text) is not None:
        return False  # "Northwest province" is a region; a group's "Province" is a known one or no place
    if cues == {"force"} and set(tokens) & _STATE_FORCE_WORDS:
        return False  # "the Israeli Air Force", "a joint task force": a state's; "the Radwan Force" a group's
    if len([t for t in tokens if t not in {"the", "a", "an"}]) == 1 and cues <= _COMMON_GROUP_NOUNS:
        return False  # "the Group" alone (of "the Group to Support Islam and Muslims"): a common noun, no name
    return bool(cues) and first.is_title


def _context_says_group(span: Span) -> bool:
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ in words("member_nouns"):
        return span.label_ != "NORP"  # "Communist guerrillas", "Somali militants": who they are, not a name
    before = [t.lower_ for t in doc[max(span.start - 3, span.sent.start):span.start]]
    if any(t in {"in", "of", "from", "to", "across", "near", "against", "with"} for t in before):
        return False  # "a militant group in Somalia": Somalia is where, not who
    # "the militant group Ansar al-Sunna", "a new terrorist group, “Lakurawas,”": the group noun right before the
    # name (not "a militia, attacked Mogadishu")
    quoted = bool(set(before[-1:]) & {'"', "'", "“", "‘"})  # "a group, “Lakurawas,”" but not "the group, Antonio"
    last = next((t for t in reversed(before) if t not in {'"', "'", "“", "‘"} and not (quoted and t == ",")), None)
    cues = {t.lower_ for t in doc[max(span.start - 5, span.sent.start):span.start]}
    # "its political wing, Batasuna", "the group's armed wing, X": a wing's name is a body's
    wing = (before[:-1] if before[-1:] == ["the"] else before)[-2:] == ["wing", ","] and \
        bool(cues & {"political", "armed", "military", "militant"})
    # "The new group, Sect of Revolutionaries, has threatened ...": the name set beside "the group"
    beside = span.label_ == "ORG" and span.root.dep_ == "appos" and span.root.head.lower_ in words("group_nouns") \
        and span.root.head.i < span.start and any(c.lower_ == "the" for c in span.root.head.children)
    return wing or beside or last in words("group_nouns") and bool(cues & words("militant_cues")) or \
        _said_to_be_armed(span)


_ARMED_BY_NAME = {"gang", "militia", "cartel", "guerrilla", "guerilla", "mafia"}


def _said_to_be_armed(span: Span) -> bool:
    """ "The Comando Norte (CN) is a prison gang", "X is an armed group": a name the clause says is an armed
    body (a gang, a militia, or a group the words before call militant)."""
    root = span.root
    if root.dep_ != "nsubj" or root.head.lemma_ != "be":
        return False
    for attr in root.head.children:
        if attr.dep_ == "attr" and not attr.ent_type_:
            mods = {c.lower_ for c in attr.children if c.i < attr.i}
            if attr.lemma_.lower() in _ARMED_BY_NAME or attr.lower_ in words("group_nouns") and \
                    mods & words("militant_cues"):
                return True
    return False


def _looks_like_person(span: Span) -> bool:
    """ "Muhammed Asim, spokesperson for the hospital": a name followed by a role noun in apposition."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != "," or span.id_ or span[-1].lower_ in _ADMIN_UNITS or \
            doc[span.end + 1].lower_ == "according":  # "in Myinmu Township, according to a spokesperson"
        return False
    window = doc[span.end + 1:min(span.end + 5, len(doc))]
    return any(t.lower_ in nouns("role") and t.pos_ == "NOUN" for t in window) and not any(
        t.text == "," for t in window[:1])


def _named_for_a_role(span: Span) -> bool:
    """ "the leader of the Junta, Mariano Nhongo (who has ...)": a name the role before it belongs to, which the
    gazetteer knows as no place."""
    root = span.root
    if root.dep_ != "appos" or places().lookup(span.text) is not None:
        return False
    head = root.head
    owner = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
    return head.lower_ in nouns("role") | nouns("leader") or owner is not None and owner.lower_ in nouns(
        "role") | nouns("leader")


_HONORIFICS = {"sheikh", "sheik", "mullah", "maulana", "mufti", "imam", "haji", "dr", "dr.", "mr", "mr.", "mrs",
               "mrs.", "ms", "ms.", "ayatollah"}


def _honoured(span: Span) -> bool:
    """ "Sheikh Amadou Kouffa": an honorific before two names or more makes a person's name, not a body's."""
    rest = {t.lower_ for t in span[1:]}
    return len(span) >= 3 and not span.id_ and all(t.is_title and t.pos_ == "PROPN" for t in span[1:]) and (
        span[0].lower_ in _HONORIFICS or span[0].lower_ in _MILITARY_RANKS and not rest & _INSTITUTION_WORDS and
        not rest & words("group_name_words"))  # "Marshal Khalifa Haftar"; not "General Security Directorate"


def _first_name(tok: Token, person: Span) -> bool:
    """ "Dairo" + "Antonio Usuga": a capitalised word the parser puts in the name and the NER left out (or took
    for an organisation of its own), which is no title ("President", "Commander")."""
    return tok.is_title and tok.pos_ == "PROPN" and tok.dep_ == "compound" and tok.head in person \
        and not tok.ent_id_ and tok.ent_type_ in {"", "ORG"} and tok.lower_ not in _TITLES | _RANKS | nouns("role")


def _looks_like_place(span: Span) -> bool:
    """ "the Tora Bora area", "Achin district": a name in front of a place noun."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in _PLACE_HEADS and not span.id_


def _name_goes_on(doc: Doc, end: int) -> int:
    """The end of a name the NER cut before "for/of the ..." when the words after it go on as a group's name
    ("National Army" + "for the Liberation of Uganda", "Front" + "for the Liberation of the Enclave of Cabinda")."""
    if end >= len(doc) or doc[end].lower_ not in {"for", "of"}:
        return end
    k = end + 1
    while k < len(doc) and k - end < 10 and (doc[k].is_title or doc[k].lower_ in {"of", "for", "the", "and"}
                                              and k + 1 < len(doc) and doc[k + 1].is_title):
        k += 1
    tail = {t.lower_ for t in doc[end:k]}
    return k if k > end + 1 and doc[k - 1].is_title and tail & words("group_name_words") else end


_NAMING_VERBS = {"call", "name", "dub", "style", "brand"}


def _self_named(ent: Span) -> bool:
    """ "fighters who called themselves “Marine Force of Ambaland”", "a group calling itself X": the name fighters
    (or a group) give themselves is a group's, whatever the quotation marks made the NER think."""
    root = ent.root
    return root.dep_ in {"oprd", "attr", "dobj"} and _names_itself(root.head)


def _names_itself(verb: Token) -> bool:
    """ "fighters who called themselves ...", "a faction which calls itself ...": a group (or its men) naming
    itself."""
    if verb.lemma_.lower() not in _NAMING_VERBS or not any(
            c.dep_ == "dobj" and c.lower_ in {"themselves", "itself"} for c in verb.children):
        return False
    holder = verb.head if verb.dep_ in {"relcl", "acl"} else next(
        (c for c in verb.children if c.dep_ == "nsubj"), verb)
    kinds = words("member_nouns") | words("group_nouns")
    return holder.lower_ in kinds or holder.lemma_.lower() in kinds


def _quoted_self_names(doc: Doc) -> list[Span]:
    """ "The armed faction, which calls itself “Lion’s Den,”": a quoted name a group (or fighters) gives itself is
    a group's name, whatever the NER made of its words ("Lion" a place, "’s" a possessive)."""
    out = []
    for tok in doc:
        if not _names_itself(tok):
            continue
        i = max(c.i for c in tok.children if c.lower_ in {"themselves", "itself"}) + 1
        if i >= len(doc) or doc[i].text not in _QUOTE_MARKS:
            continue
        close = next((j for j in range(i + 1, min(i + 9, len(doc))) if doc[j].text in _QUOTE_MARKS), None)
        while close is not None and close > i + 1 and doc[close - 1].text in {",", "."}:
            close -= 1  # “Lion’s Den,”: the sentence's comma inside the quotes
        name = doc[i + 1:close] if close is not None else None
        if name is not None and len(name) and name[0].is_title and not any(t.is_punct for t in name if t.text != "-"):
            out.append(Span(doc, name.start, name.end, label=GROUP_LABEL))
    return out + _self_styled(doc)


def _self_styled(doc: Doc) -> list[Span]:
    """ "the self-styled “Renamo Military Junta”": a quoted, capitalised name styled so, ending in a word groups
    name themselves by."""
    out = []
    for tok in doc[3:]:
        if tok.text not in _QUOTE_MARKS or [t.lower_ for t in doc[tok.i - 3:tok.i]] not in (
                ["self", "-", "styled"], ["so", "-", "called"], ["self", "-", "proclaimed"]):
            continue
        close = next((j for j in range(tok.i + 2, min(tok.i + 9, len(doc))) if doc[j].text in _QUOTE_MARKS), None)
        name = doc[tok.i + 1:close] if close is not None else None
        if name is not None and name[0].is_title and name[-1].lower_ in words("group_name_words"):
            out.append(Span(doc, name.start, name.end, label=GROUP_LABEL))
    return out


_BODY_WORDS = {"organisation", "organization", "party", "council", "union", "alliance", "coalition", "league",
               "congress", "committee"}


def _names_run_on(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "Amhara Fano" + "People's Organisation": a known group's name that the next capitalised words continue
    into the name of a body (a faction no gazetteer knows) is part of that longer name."""
    by_start = {e.start: e for e in ents}
    taken = {i for e in ents for i in range(e.start, e.end)}
    bodies = words("group_name_words") | _BODY_WORDS
    out = []
    for e in ents:
        if e.label_ not in {GROUP_LABEL, "ORG"} or e.end >= len(doc) or not doc[e.end - 1].whitespace_:
            continue
        nxt = by_start.get(e.end)
        if nxt is not None:  # a name the NER found ("People's Organisation")
            end = nxt.end if not nxt.id_ and nxt.label_ in {GROUP_LABEL, "ORG"} and nxt[0].is_title else e.end
        else:  # capitalised words no one holds ("National Council")
            end = e.end
            while end < len(doc) and end - e.end < 4 and doc[end].is_title and end not in taken:
                end += 1
        if end > e.end and doc[end - 1].lower_ in bodies:
            out.append(Span(doc, e.start, end, label=GROUP_LABEL))
    return out


def _leader_named_factions(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "SPLM-N El Hilu" after "Abdelaziz El Hilu": a known group followed by the surname of a man the text names is
    the faction called after him, the same body for the record; the man's full name is a person's, whatever the NER
    took it for."""
    by_start = {e.start: e for e in ents}
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = []
    for e in ents:
        if e.label_ != GROUP_LABEL or not e.id_ or e.end >= len(doc) or not doc[e.end - 1].whitespace_:
            continue
        nxt = by_start.get(e.end)
        end = nxt.end if nxt is not None and not nxt.id_ else e.end
        while nxt is None and end < len(doc) and end - e.end < 2 and doc[end].is_title and end not in taken:
            end += 1  # ("SPLM-N Agar": a surname no one holds)
        if end == e.end or not doc[e.end].is_title:
            continue
        tail = doc[e.end:end].text
        full = [p for p in ents if p.label_ in {"PERSON", "ORG"} and p.start != e.end and p.text.endswith(" " + tail)]
        if full:
            out.append(Span(doc, e.start, end, label=GROUP_LABEL, span_id=e.id_))
            out += [Span(doc, p.start, p.end, label="PERSON") for p in full]
    return out


def _nicknamed_people(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "Nemesio “El Mencho” Oseguera Cervantes", "Joaquín “El Chapo” Guzmán": a quoted nickname inside a
    person's name, where the NER stops at the quote. The whole is one person (linking keeps the nickname as an
    alias)."""
    out = []
    for e in ents:
        # (the first name alone the NER may take for a place: "Heriberto" of "Heriberto "El Lazca" Lazcano")
        k = next((t.i for t in e if t.text in {"“", '"'}), e.end)
        if e.label_ != "PERSON" and (e.id_ or len(e) > 1 and k == e.end or
                                     e.label_ not in {"GPE", "LOC", "ORG", "NORP"}):
            continue
        if k == e.start or k >= len(doc) or doc[k].text not in {"“", '"'}:
            continue
        close = next((j for j in range(k + 2, min(k + 6, len(doc))) if doc[j].text in {"”", '"'}), None)
        if close is None:
            continue
        end = close + 1
        while end < len(doc) and end - close <= 3 and doc[end].is_title and doc[end].pos_ == "PROPN":
            end += 1
        if end > close + 1:
            out.append(Span(doc, e.start, end, label="PERSON"))
    return out


def _named_as_person(ent: Span) -> bool:
    """ "The PCC's current boss, Marcola, ...", "Their leader is Mahamat Mahadi Ali, who once lived in France": a
    capitalised name set beside a person's title, or that a "who" clause describes, is a person's, whatever the NER
    took it for (not a known place's, nor a name that says it is a group)."""
    if not all(t.is_title or not t.is_alpha for t in ent) or len(ent.text.split()) > 4 or _is_group_name(ent) or \
            places().lookup(ent.text) is not None and len(ent) > 1:
        return False
    root, doc = ent.root, ent.doc
    if ent.start > 0 and doc[ent.start - 1].is_title and doc[ent.start - 1].pos_ == "PROPN":
        return False  # "boss, Hector" + "Guerrero Flores": a longer name, which other rules join
    if len(ent) == 1 and ent.label_ == "NORP" and places().demonym(ent.text) is not None:
        return False  # "The group's leader, a Syrian who uses the name X": his nationality, not his name
    titled = root.dep_ in {"appos", "attr"} and root.head.lower_ in nouns("leader") | {"commander", "spokesman"} \
        or any(c.dep_ == "appos" and c.lower_ in nouns("leader") for c in root.children)
    # ("Bishop X who serves as its president": no body is a "who", with a comma or without)
    who = ent.end + 1 < len(doc) and (doc[ent.end].text == "," and doc[ent.end + 1].lower_ == "who" or
                                      doc[ent.end].lower_ == "who")
    return titled or who and len(ent) >= 2


# words for a news outlet: "the Fars news agency", "the Dawn newspaper" name a medium after a place
_OUTLET_NOUNS = {"newspaper", "television", "tv", "radio", "channel", "broadcaster", "daily", "outlet", "website",
                 "magazine", "weekly"}
# where a medium named before is what is spoken to or quotes: "told Fars", "quoted by Fars", "according to Fars"
_ADDRESSED_DEPS = {"dobj", "dative", "nsubj"}


# last words of the names of events, which the NER may take for bodies: "the Carandiru Massacre"
_EVENT_NAME_ENDS = {"massacre", "bombing", "bombings", "siege", "uprising", "riots", "war", "insurgency", "revolution",
                    "attack", "attacks", "killings", "crisis", "offensive"}


def _names_an_outlet(ent: Span) -> bool:
    head = ent.root
    while head.dep_ == "compound":
        head = head.head
    # ("the Khyber Agency" is a tribal district; "the Fars news agency" a medium)
    return head != ent.root and (head.lower_ in _OUTLET_NOUNS or head.lower_ == "agency" and any(
        c.lower_ in {"news", "press"} for c in head.children))


def _relabel(doc: Doc) -> list[Span]:
    out = []
    outlets = {ent.text for ent in doc.ents if ent.label_ in PLACE_LABELS and _names_an_outlet(ent)}
    for ent in doc.ents:
        label = ent.label_
        if all(t.lower_ in _TITLES for t in ent) and not ent.id_:
            continue  # "Brig.", "Brig. Gen.": ranks in front of a name name nothing themselves
        if label in PLACE_LABELS and not ent.id_ and ent.text.islower():
            continue  # "bombings hit mosques": a common noun in lower case names no place
        if label in PLACE_LABELS and (_names_an_outlet(ent) or ent.text in outlets and
                                                      ent.root.dep_ in _ADDRESSED_DEPS):
            out.append(Span(doc, ent.start, ent.end, label="ORG"))  # "the Fars news agency", then "told Fars"
            continue
        if label in PLACE_LABELS and len(ent) == 1 and ent.end < len(doc) and \
                doc[ent.end].lower_.partition(" ")[0] in _PEOPLE_WORDS:
            out.append(Span(doc, ent.start, ent.end, label="NORP"))  # "the Kachin people": a people, not its land
            continue
        if label == "ORG" and not ent.id_ and any(t.pos_ in {"DET", "PRON"} and t.lower_ != "the" for t in ent) and \
                _headline(ent.sent):
            continue  # "Arakan Army Captures Another Battalion Headquarters": a headline's words, no name
        if label in {"ORG", "PERSON"} and not ent.id_ and len(ent) > 1 and ent[-1].lower_ in _EVENT_NAME_ENDS:
            out.append(Span(doc, ent.start, ent.end, label="EVENT"))  # "the Carandiru Massacre": an event's name
            continue
        if label in {"ORG", GROUP_LABEL} and not ent.id_ and _superlative(ent[0]):
            continue  # "Colombia's Largest Paramilitary Group": a headline's capitals describe a group, naming none
        if label == "ORG" and not ent.id_ and len(ent) == 1 and ent.start > 1 and doc[ent.start - 1].lower_ == "of" \
                and doc[ent.start - 2].lower_ in _OFFICE_WORDS:
            continue  # "Secretary of State", "Minister of Defence": part of a title, no body of its own
        if label == "ORG" and not ent.id_ and ent[-1].lower_ in nouns("role") and ent.start > 0 and \
                doc[ent.start - 1].lower_ in {"a", "an"}:
            continue  # "Zagazola Makama, a Counter Insurgency Expert": what someone is, in capitals, no body
        if label == "PERSON" and len(ent) > 1 and ent[0].text in {"La", "Los", "Las"} and not ent.id_:
            label = "ORG"  # "La Constru", "Los Rastrojos": a Spanish article opens a body's name, not a person's
        if label in {"ORG", "NORP", "GPE"} and (_looks_like_person(ent) and len(ent) >= 2 or _honoured(ent) or
                                                 len(ent) >= 2 and not ent.id_ and _named_for_a_role(ent)):
            label = "PERSON"
        elif label in {"PERSON", "ORG"} and len(ent) == 1 and ent.end < len(doc) and \
                doc[ent.end].lower_ in STATE_NOUNS and places().demonym(ent.text) is not None:
            label = "NORP"  # "the Ugandan government": a nationality, not a person
        elif label in {"PERSON", "ORG", "NORP"} and _looks_like_place(ent) and (
                label != "NORP" or places().lookup(ent.text) is not None or  # not "the mostly Sunni region"
                places().demonym(ent.text) is None and not english_word(ent.text) and  # but "the Margat area"
                ent.text.lower() not in triggers()["ideology"]):
            label = "LOC"
        elif label in {"PERSON", "ORG"} and len(ent) > 1 and ent[-1].lower_ in _PLACE_HEADS | _PLURAL_HEADS | {
                "state"} and not ent.id_ and places().lookup(ent[:-1].text) is not None:
            label = "GPE"  # "Borno state", "Tillaberi region": a known place and its kind
        elif label in {"PERSON", "ORG"} and len(ent) > 1 and ent[-1].lower_ in _ADMIN_UNITS:
            label = "GPE"  # "Myinmu Township", "Nduga Regency": no one's name ends in the word for a district
        branch = _regional_branch(ent) if label == "NORP" else None
        if branch is not None:  # "al-Qaeda's Yemeni faction": its branch in Yemen, when the gazetteer has one
            out.append(Span(doc, ent.start, ent.end + 1, label=GROUP_LABEL, span_id=branch))
            continue
        end = ent.end
        while end - 1 > ent.start and doc[end - 1].pos_ == "CCONJ":
            end -= 1  # "the Nazir Group and": the NER took the list's "and" into the name
        if label == "ORG" and ent[-1].lower_ == "of" and end < len(doc) and doc[end].ent_type_ in PLACE_LABELS:
            end += 1  # "the Central University of" + "Venezuela": a name the place ruler cut in two
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
        if label in {"ORG", GROUP_LABEL} and not ent.id_:
            end = _name_goes_on(doc, end)  # "National Army" + "for the Liberation of Uganda"
        if ent[-1].text in {"No", "No.", "Number"} and end + 1 < len(doc) and (
                doc[end].like_num or doc[end].text == "." and doc[end + 1].like_num):
            end += 1 if doc[end].like_num else 2  # "Infantry Battalion No. 23": the number is part of the name
        elif ent[-1].lower_ in _NUMBERED_UNITS and end < len(doc) and doc[end].like_num and doc[end].text.isdigit():
            end += 1  # "Light Infantry Battalion 552"
        # "Haqqani" + "network"; but "a pro-Iranian militia", "a Shia militia" describe a group, naming none
        if label in {"ORG", "PERSON", "NORP"} and end < len(doc) and doc[end].lower_ in _SUFFIX_NOUNS and (
                label != "NORP" or doc[end].is_title):
            end += 1
            label = GROUP_LABEL
        if label in {"ORG", "PERSON", "NORP", "GPE", "FAC", "WORK_OF_ART"} and (
                _is_group_name(ent) or _context_says_group(ent)) or \
                label in _NAME_LABELS and not ent.id_ and _self_named(ent):
            label = GROUP_LABEL
        start = ent.start
        if label == "ORG" and not ent.id_ and 2 <= len(ent) <= 4 and all(t.is_title for t in ent) and \
                ent.start > 0 and doc[ent.start - 1].lower_ in nouns("role") and doc[ent.start - 1].dep_ == "compound" \
                and not _is_group_name(ent) and places().lookup(ent.text) is None:
            label = "PERSON"  # "village chief Gervain Paluku Murandia": a title makes the name a person's
        elif label in {"ORG", "GPE", "LOC", "NORP"} and not ent.id_ and _named_as_person(ent):
            label = "PERSON"
        if label == "PERSON" and (len(ent) > 2 and ent[0].lower_.rstrip(".") in _SHORT_TITLES | _OFFICES | _RANKS or
                                  len(ent) > 1 and ent[0].lower_ in _MILITARY_RANKS and ent[1].is_title):
            start += 1  # "Gov Babagana Zulum", "Assistant Chief Constable Mark McEwan": the title is not the name
        elif label == "PERSON" and len(ent) > 2 and start > 0 and doc[start - 1].lower_ in _OFFICES and \
                _town(ent[0].text):
            start += 1  # "Deputy Commissioner Kurram Javedullah Mehsud": the town is the office's
        if label in {"PERSON", "ORG", "GPE", "LOC"} and len(ent) > 1 and ent[0].lower_ in _UNIT_PREFIXES:
            start, label = start + 1, "GPE"  # "Barangay Buhanginan": a local unit's name, the unit word before it
        if label == "PERSON":
            # "Sheikh Sajjad" + "Gul", "Hassan" + "Ali": a name split by a place-name match
            if end < len(doc) and doc[end].ent_type_ in PLACE_LABELS and not doc[end].ent_id_ and doc[end].is_title \
                    and len(doc[end].text.split()) == 1:
                end += 1
            elif end < len(doc) and doc[end].is_title and (ent.text.endswith("-") or
                                                           ent[-1].lower_.rstrip("-") in _NAME_PARTICLES):
                end += 1  # "Abdul-Malik al-" + "Houthi": a surname the group's or a place's name took
            # (but "Assistant Commissioner Khar Mohibullah Yousafzai": an office's town is the title's)
            if start > 0 and doc[start - 1].ent_type_ in PLACE_LABELS and doc[start - 1].is_title and \
                    len(doc[start - 1].text.split()) == 1 and (start < 2 or doc[start - 2].ent_type_ != "PERSON") \
                    and not (start >= 2 and doc[start - 2].lower_ in _OFFICES):
                start -= 1
            elif start > 0 and _first_name(doc[start - 1], ent):
                start -= 1
        if label in {GROUP_LABEL, "ORG"} and start > 0 and doc[start - 1].ent_type_ in PLACE_LABELS | {"NORP",
                                                                                                      "COMMUNITY"} \
                and not doc[start - 1].ent_id_ and not ent.id_ and _is_group_name(doc[start - 1:end]):
            start -= 1  # "Sahel" + "Liberation Front": a place name opening a group's name
            label = GROUP_LABEL
        if label != ent.label_ or end != ent.end or start != ent.start:
            ent = Span(doc, start, end, label=label, span_id=ent.id_)
        out.append(ent)
    return out


BRANCH_NOUNS = {"faction", "branch", "affiliate", "wing", "franchise", "arm", "offshoot", "chapter"}


def _regional_branch(ent: Span) -> str | None:
    """ "al-Qaeda's Yemeni faction", "Islamic State's Somali branch": the gazetteer id of the parent's one
    affiliate in the country the demonym names (None when it has none, or several)."""
    doc = ent.doc
    if ent.end >= len(doc) or doc[ent.end].lower_ not in BRANCH_NOUNS or ent.start < 2 or \
            doc[ent.start - 1].text not in {"'s", "’s"} or not doc[ent.start - 2].ent_id_.startswith("gaz:"):
        return None
    return _branch_of(doc[ent.start - 2].ent_id_[len("gaz:"):], ent.text)


def _branch_of(parent: str, where: str) -> str | None:
    """The gazetteer id of the parent's one affiliate in `where`: a country (by name or demonym) the affiliate is
    based in, or a region its own names carry ("Khorasan", "West Africa")."""
    country = places().country_code(where) or places().demonym(where)
    found = actors().branches(parent, country) if country else []
    run = _word_run(where)
    if not found and run.strip():
        found = [a for a in actors().actors.values() if a.parent == parent and any(
            run in _word_run(n) for n in (a.name, *a.aliases))]
    return found[0].key if len(found) == 1 else None


def _word_run(text: str) -> str:
    """ "Islamic State-Khorasan" -> " islamic state khorasan ": words alone, spaced, for matching one run in another."""
    return " {} ".format(" ".join(re.findall(r"\w+", text.lower())))


def _possessive_branches(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "the Islamic State's Khorasan arm", "al-Qaeda's Yemen affiliate": a known group's branch named by its
    region ("Khorasan arm") is that branch when the gazetteer knows it (as "Yemeni faction" in _regional_branch)."""
    out = []
    for e in ents:
        if e.label_ != GROUP_LABEL or not e.id_.startswith("gaz:") or e.end + 2 >= len(doc) or \
                doc[e.end].text not in {"'s", "’s"}:
            continue
        noun = next((t for t in doc[e.end + 1: min(e.end + 5, len(doc))] if not t.is_title), None)
        if noun is None or noun.lower_ not in BRANCH_NOUNS | {"province"} or noun.i == e.end + 1:
            continue
        branch = _branch_of(e.id_[len("gaz:"):], doc[e.end + 1: noun.i].text)
        if branch is not None and branch != e.id_:
            out.append(Span(doc, e.end + 1, noun.i + 1, label=GROUP_LABEL, span_id=branch))
    return out


_CONNECTORS = {"of", "for", "the", "and", "in", "al", "wal", "el", "de", "du", "des", "la", "le", "-", "‐", "e",
               "ul", "i", "on", "to", "&"}


def _long_form(doc: Doc, end: int, sent_start: int) -> Span | None:
    """The run of capitalised words (and connectors) ending just before doc[end]."""
    start = end
    while start - 1 >= sent_start and end - start < 10:
        t = doc[start - 1]
        people = start - 2 >= sent_start and doc[start - 2].lower_ in {"people", "peoples"}
        if t.text == "," and start - 2 >= sent_start and doc[start - 2].is_title and doc[start].is_title and \
                any(w.lower_ == "and" for w in doc[start:end]):
            start -= 1  # "Framework for Peace, Security and Development (CSP-PSD)": a list inside the name
            continue
        if t.text in {"’s", "'s", "’", "'"} and not people or t.is_punct and t.text not in {"-", "‐", "&", "’", "'"}:
            break  # "Pakistan's Tehrik-i-Taliban (TTP)"; but "Tigray People's Liberation Front (TPLF)"
        if people and t.text in {"’s", "'s"}:
            start -= 1
            continue
        capitalised = any(w[:1].isupper() for w in t.text.split())  # merged names: "the Philippines"
        if not (capitalised or t.lower_ in _CONNECTORS):
            break
        start -= 1
    while start < end and (doc[start].lower_ in _CONNECTORS - {"al", "el", "de", "la", "le"} or doc[start].is_punct):
        start += 1
    if end - start < 1 or not any(w[:1].isupper() for w in doc[end - 1].text.split()):
        return None
    return doc[start:end]


def _paren_acronyms(doc: Doc, ents: list[Span]) -> list[tuple[Span, Span]]:
    """ "Long Name (ACR)": pairs of (long form, acronym)."""
    out = []
    for tok in doc:
        if tok.text != "(":
            continue
        close = next((j for j in range(tok.i + 2, min(tok.i + 7, len(doc))) if doc[j].text == ")"), None)
        if close is None:
            continue
        inner = doc[tok.i + 1:close]
        if not (_ACRONYM.match(inner.text.replace(" ", "")) and inner.text.upper() == inner.text):
            continue
        long = _long_form(doc, tok.i, tok.sent.start)
        if long is None or long.text == inner.text:
            continue
        out.append((long, inner))
    return out


@cache
def local_unit(name: str) -> bool:
    """ "Myinmu People's Defense Force": a place name in front of a known group's name, not itself a known name,
    is a local unit of that group (its own entity; its acronym too)."""
    words_ = name.split()
    if actors().lookup(name) is not None:
        return False
    for k in range(1, min(3, len(words_) - 1) + 1):
        prefix, group = " ".join(words_[:k]), actors().lookup(" ".join(words_[k:]))
        if group is None or not all(w[:1].isupper() for w in words_[:k]) or places().common_word(prefix):
            continue
        place = places().lookup(prefix)
        if place is None and not any(english_word(w) for w in words_[:k]) or place is not None and not (
                place.precision == "country" and place.country == group.country):  # not "Myanmar People's ..."
            return True
    return False


def _label_for(long: Span, short: Span, ents: list[Span]) -> tuple[str, str]:
    """Label and gazetteer id for an acronym pair: a known name on either side wins (not the name of the whole
    group for one of its local units)."""
    if local_unit(long.text):
        return GROUP_LABEL, ""
    by_tokens = {(e.start, e.end): e for e in ents}
    for span in (short, long):
        known = by_tokens.get((span.start, span.end))
        if known is not None and known.id_ and not (span is short and names_another(long.text, known.id_)):
            return known.label_, known.id_
    inside = [e for e in ents if e.start >= long.start and e.end <= long.end]
    if len(inside) == 1 and inside[0].end - inside[0].start == len(long) and inside[0].label_ in PLACE_LABELS:
        return inside[0].label_, ""
    if _is_group_name(long) or any(t.lower_ in words("group_nouns") for t in long) or _described_after(short) \
            or _said_to_be_armed(long):
        return GROUP_LABEL, ""
    return "ORG", ""


def _distinctive_words(name: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", name.lower()) if len(w) > 2} - words("group_name_words") - {
        "the", "and", "for", "people", "peoples", "national", "islamic"}


def names_another(long: str, actor_id: str) -> bool:
    """ "the Ambazonia Defence Forces (ADF)": a long form sharing no distinctive word with any name of the known
    group its acronym stands for (the Allied Democratic Forces) defines another group with that acronym."""
    actor = actors().get(actor_id)
    mine = _distinctive_words(long)
    return actor is not None and bool(mine) and not any(
        mine & _distinctive_words(name) for name in (actor.name, *actor.aliases))


def _described_after(short: Span) -> bool:
    """ "the Union of Farmers (UFC) rebel group", "(UFC) militiamen": what follows the acronym says a group."""
    doc = short.doc
    following = [t for t in doc[short.end:min(short.end + 4, short.sent.end)] if t.text not in {")", "]"}]
    for t in following:
        if t.lower_ in (words("group_nouns") | words("member_nouns")) - {"members"}:  # not "(NATO) members"
            return True
        if t.lower_ not in words("militant_cues"):
            return False
    return False


def _dash_acronym(doc: Doc, ent: Span) -> Span | None:
    """ "ACR - Long Name -" """
    i = ent.start - 1
    if i < 1 or doc[i].text not in {"-", "–", "—"} or not doc[i - 1].whitespace_:
        return None  # "ISIS-DRC" is one name, not an acronym and its long form
    start = i
    while start - 1 >= ent.sent.start and i - start < 5 and (doc[start - 1].text == "-" or doc[start - 1].is_upper):
        start -= 1
    inner = doc[start:i]
    if inner and _ACRONYM.match(inner.text.replace(" ", "")) and inner.text.upper() == inner.text:
        return inner
    return None


def _branch_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "ISIS-DRC", "IS-Somalia": a known group joined by a hyphen to a place names the group's branch there,
    a group of its own (never the place as another name of the parent)."""
    by_start = {e.start: e for e in ents}
    out = []
    for e in ents:
        j = e.end
        if e.label_ != GROUP_LABEL or j + 1 >= len(doc) or doc[j].text not in {"-", "–"} or \
                doc[j - 1].whitespace_ or doc[j].whitespace_:
            continue
        place = by_start.get(j + 1)
        if place is not None and place.label_ in PLACE_LABELS:
            out.append(Span(doc, e.start, place.end, label=GROUP_LABEL))
    return out


def _or_acronym(doc: Doc, ent: Span) -> Span | None:
    """ "Long Name, or ACR," and, inside brackets, "(Other Name or ACR)"."""
    j = ent.end
    bracketed = ent.start > 0 and doc[ent.start - 1].text == "(" and j + 2 < len(doc) and doc[j].lower_ == "or"
    if bracketed or j + 2 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ == "or":
        k = j + 1 if bracketed else j + 2
        end = k + 1
        if bracketed and (end >= len(doc) or doc[end].text != ")"):
            return None
        while end + 1 < len(doc) and doc[end].text in {"-", "‐"}:
            end += 2
        inner = doc[k:end]
        if _ACRONYM.match(inner.text.replace(" ", "")) and inner.text.upper() == inner.text:
            return inner
    return None


def _occurrences(doc: Doc, text: str, like: Span) -> list[Span]:
    """Every whole-word occurrence of `text` in the document, as a mention of what `like` names."""
    out = []
    pattern = re.sub("['’]", "['’]", re.escape(text))  # "Lion’s Den" is "Lion's Den"
    for m in re.finditer(rf"(?<![\w-]){pattern}(?![\w-])", doc.text):
        span = doc.char_span(m.start(), m.end(), label=like.label_, span_id=like.id_)
        if span is not None and span.start != like.start:
            out.append(span)
    return out


def _repeats(doc: Doc, defined: list[Span]) -> list[Span]:
    """Later uses of an acronym defined in the text are mentions of the same entity."""
    return [span for acr in defined for span in _occurrences(doc, acr.text, acr)]


def _short_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "the Maute group" ... "100 Maute guerillas", "the Maute is based in ...": once a text has named a group
    "X group" (or a place "X Regency"), X alone is that group (that place), where it stands as a name of its own
    (not inside a longer one, such as a person's "Omar Maute")."""
    taken = {i: e for e in ents for i in range(e.start, e.end)}
    out = []
    for e in ents:
        name = e.text.removeprefix("the ").removeprefix("The ").split()
        group = e.label_ == GROUP_LABEL and name[-1].lower() == "group"
        place = e.label_ in PLACE_LABELS and name[-1].lower() in _ADMIN_UNITS
        if not (group or place) or not 2 <= len(name) <= 4 or not all(w[:1].isupper() for w in name[:-1]):
            continue
        for span in _occurrences(doc, " ".join(name[:-1]), e):
            held = {taken[i] for i in range(span.start, span.end) if i in taken}
            if any(h.id_ or h.label_ in {"PERSON", GROUP_LABEL} | PLACE_LABELS for h in held):
                continue
            before = doc[span.start - 1] if span.start > 0 else None
            if before is not None and before.is_title and (not before.is_sent_start or before.pos_ == "PROPN") or \
                    span.end < len(doc) and doc[span.end].is_title:
                continue  # "Omar Maute", "Maute Brothers": a longer name
            out.append(Span(doc, span.start, span.end, label=e.label_, span_id=e.id_))
    return out


_ENDS_ALONE = {"junta", "front", "movement", "alliance", "coalition", "council"}  # "the Junta" after "X Military Junta"


def _named_by_their_ends(doc: Doc, ents: list[Span]) -> list[tuple[Span, Span]]:
    """ "the Renamo Military Junta" ... "the Military Junta", "the leader of the Junta": the last words of a new
    group's name, capitalised after "the", are that group (alone, only words no state uses for its army);
    (long name, short mention) pairs."""
    kept = {i for e in ents if e.id_ or e.label_ in {"PERSON"} | PLACE_LABELS for i in range(e.start, e.end)}
    out: list[tuple[Span, Span]] = []
    for e in ents:
        name = e.text.removeprefix("the ").removeprefix("The ").split()
        if e.label_ != GROUP_LABEL or e.id_ or len(name) < 3 or not all(w[:1].isupper() for w in name):
            continue
        for size in range(len(name) - 1, 0, -1):
            if size == 1 and name[-1].lower() not in _ENDS_ALONE:
                continue
            for span in _occurrences(doc, " ".join(name[-size:]), e):
                before = span.start - 1 - (span.start > 1 and doc[span.start - 1].text in _QUOTE_MARKS)
                if span.start in kept or before < 0 or doc[before].lower_ != "the" or \
                        any(span.start < o.end and o.start < span.end for _, o in out):
                    continue
                out.append((e, span))
    return out


def _title_case_acronyms(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "ETA ... Eta escalated its terrorism": house styles that write a long acronym as a word ("Eta", "Farc")
    still name the group the text has named by its capitals."""
    acronyms = {e.text: e for e in ents if e.label_ in {GROUP_LABEL, "FORCE"} and e.id_.startswith("gaz:") and
                len(e.text) >= 3 and e.text.isalpha() and e.text.isupper()}
    return [span for text, acr in acronyms.items() for span in _occurrences(doc, text.capitalize(), acr)]


_SITE_PREPS = {"in", "near", "at", "outside", "around", "inside"}
_WHERE_PREPS = {"in", "near", "at", "from", "to", "across", "outside", "around", "into", "inside", "throughout"}


def _town(name: str) -> bool:
    place = places().lookup(name)
    return place is not None and place.precision in {"city", "district"} and not places().common_word(name)


_ASSAULT_NOUNS = {"attack", "assault", "raid", "offensive", "incursion", "siege"}
_ASSAULT_VERBS = {"attack", "raid", "storm", "overrun", "invade", "besiege", "ransack", "torch"}
_ATTACK_NAMES = _ASSAULT_NOUNS | {"bombing", "massacre", "blast", "explosion", "shooting", "ambush"}


def _town_of_named_country(name: str, ents: list[Span]) -> bool:
    """A known town in a country the report names, or one of whose regions it names."""
    place = places().lookup(name)
    if place is None or not _town(name):
        return False
    named = {p.country for e in ents if e.label_ == "GPE" for p in [places().lookup(e.text)]
             if p is not None and p.precision in {"country", "region"}}
    return place.country in named


def _unlabelled_places(doc: Doc, ents: list[Span]) -> list[Span]:
    """Proper nouns the NER left out that the place gazetteer knows, where the grammar says "place":
    "in Arauca", "near Jilib"; after "near", "outside" or "around", also names it does not know."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    # a one-word name the NER called an organisation or a person may still be a place: "in Jilib"
    relabelable = {e.start for e in ents if len(e) == 1 and e.label_ in {"ORG", "PERSON", "PRODUCT"} and not e.id_
                   and not _names_an_outlet(e)}
    # "crashed in Kidal": a town the NER took for a nationality, when no people is called so
    relabelable |= {e.start for e in ents if len(e) == 1 and e.label_ == "NORP" and not e.id_ and
                    places().demonym(e.text) is None and places().lookup(e.text) is not None}
    # "in El-Fasher", "in Sadr City" (an organisation to the NER): a longer name the gazetteer knows as a town
    out = [Span(doc, e.start, e.end, label="GPE") for e in ents if len(e) > 1 and e.label_ in {"ORG", "PERSON"}
           and not e.id_ and e.root.dep_ == "pobj" and e.root.head.lower_ in _SITE_PREPS and _town(e.text)]
    i = 0
    while i < len(doc):
        tok = doc[i]
        if tok.pos_ != "PROPN" or i in taken and i not in relabelable or not tok.is_title:
            i += 1
            continue
        end = i + 1
        while i not in relabelable and end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title \
                and end not in taken:
            end += 1
        span = doc[i:end]
        head = span.root.head
        where = span.root.dep_ == "pobj" and (head.lower_ in _WHERE_PREPS or head.lower_ == "of" and
                                              head.head.lower_ in _PLACE_HEADS | {"town", "city", "capital"}) \
            or span.root.dep_ in {"conj", "appos"} and head.ent_type_ in PLACE_LABELS \
            or span.root.dep_ in {"compound", "nmod"} and head.lower_ in _PLACE_HEADS  # "X's Mastung district"
        # "the assault on Kuje prison": a known town naming a site in it
        where = where or span.root.dep_ == "compound" and head.lower_ in words("facility_nouns") and _town(span.text)
        # "near Tintaypunco": a name no NER label claims, after a preposition only places follow
        nearby = i not in taken and span.root.dep_ == "pobj" and head.lower_ in {"near", "outside", "around"}
        # "five towns including Nawnghkio, Kyaukme and Hsipaw": the names a list of places gives
        listed = _listed_place(span.root)
        where = where or listed
        # "the Derry-based group": what a group is based in is a place
        where = where or end + 1 < len(doc) and doc[end].text in {"-", "‐"} and doc[end + 1].lower_ == "based"
        # "the attack on Pétionville": a town of a country the report names, as what was attacked
        where = where or span.root.dep_ == "pobj" and head.lower_ in {"on", "against"} and \
            head.head.lemma_.lower() in _ASSAULT_NOUNS and _town_of_named_country(span.text, ents)
        # "the Omagh bombing": a town of such a country naming the attack
        where = where or span.root.dep_ == "compound" and head.lemma_.lower() in _ATTACK_NAMES and \
            _town_of_named_country(span.text, ents)
        if where and (nearby or listed or places().lookup(span.text) is not None and
                      not places().common_word(span.text)):
            out.append(Span(doc, i, end, label="GPE"))
        i = end
    return out


# nouns after which "in X" names a person's standing, not where: "faith in Mera", "a role in Tafida's cabinet"
_STANDING_NOUNS = {"faith", "trust", "confidence", "belief", "interest", "role", "part", "stake", "hand", "pride"}
# local units written before the name: "Barangay Buhanginan", "Sitio Sangay", "Kampung Lubok"
_UNIT_PREFIXES = {"barangay", "sitio", "purok", "kampung", "kebele", "woreda", "moshav", "kibbutz"}
_DISTANCE_WORDS = ("kilomet", "km", "mile")
_HARM_VERBS = {"kill", "attack", "abduct", "kidnap", "ambush", "shoot", "behead", "massacre", "bomb", "slaughter"}
# verbs that say where a place lies: "Matazem sits on the border between ...", "X is located near Y"
_SITUATING_VERBS = {"sit", "lie", "locate", "situate", "straddle", "nestle", "perch"}
_SITUATING_PREPS = {"on", "in", "near", "between", "along", "at", "about", "close", "off", "inside", "within"}


def distance_after(doc: Doc, end: int) -> bool:
    """ "Miriki, 110 kilometres north of Goma", "Mera, around 50 kilometers from the border": a distance set off
    right after a name measures where that place is."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    nxt = doc[end + 1: min(end + 4, len(doc))]
    return any(t.ent_type_ == "QUANTITY" and any(w in t.lower_ for w in _DISTANCE_WORDS) for t in nxt)


def _country_after(doc: Doc, end: int) -> bool:
    """ "a mass grave was uncovered in Tarhouna, Libya": a name followed by a country, as a dateline writes a
    town, is a place in it."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    nxt = doc[end + 1]
    place = places().lookup(nxt.text) if nxt.ent_type_ == "GPE" else None
    return place is not None and place.precision == "country" and (end + 2 >= len(doc) or not doc[end + 2].is_title)


def _situated(ent: Span | Token) -> bool:
    """ "Matazem sits on the border between two provinces", "X is located near Y": a name that the text says lies
    somewhere is a place."""
    root = ent.root if isinstance(ent, Span) else ent
    verb = root.head
    return root.dep_ in {"nsubj", "nsubjpass"} and verb.lemma_.lower() in _SITUATING_VERBS and \
        (verb.lemma_.lower() == "straddle" or any(c.dep_ == "prep" and c.lower_ in _SITUATING_PREPS
                                                  for c in verb.children))


def _placed_inside(ent: Span) -> bool:
    """ "the attack on Darul Jamal in the Bama local government area", "raided Dangwaram in Borno state": a name
    that something hit or happened at, set inside a known place or area."""
    root, doc = ent.root, ent.doc
    prep = root.head
    hit = root.dep_ == "pobj" and (prep.lower_ in _SITE_PREPS or prep.lower_ in {"on", "against"} and
                                   prep.head.lemma_.lower() in _ASSAULT_NOUNS) or \
        root.dep_ == "dobj" and prep.lemma_.lower() in _ASSAULT_VERBS and not _is_group_name(ent)
    if not hit:
        return False
    # (the parser may hang "in the ... area" on the attack; right after the name, it still places the name)
    preps = [c for c in root.children if c.dep_ == "prep" and c.lower_ == "in"]
    preps += [doc[ent.end]] if ent.end < len(doc) and doc[ent.end].lower_ == "in" else []
    for o in (o for c in preps for o in c.children if o.dep_ == "pobj"):
        if o.ent_type_ in PLACE_LABELS or o.lower_ in _PLACE_HEADS | {"state"} and any(
                c.ent_type_ in PLACE_LABELS for c in o.subtree if c.i < o.i):
            return True
    return False


def _unknown_places(doc: Doc, ents: list[Span]) -> list[Span]:
    """Places no gazetteer knows, which the NER took for a person or an organisation, where the words around the
    name say "place": a local unit before it ("Barangay Buhanginan"), a distance after it ("Miriki, 110
    kilometres north of Goma"), a known area around it ("Darul Jamal in the Bama local government area"), or,
    for a one-word name, something put "in" or "at" it by a report that never has it act, speak or carry a
    surname ("the victims in Mera"; for an organisation's, only people harmed there). Every mention of such a
    name becomes the place."""
    named_labels = {"PERSON", "ORG", "PRODUCT"}
    named = [e for e in ents if e.label_ in named_labels and not e.id_ and e[0].is_title]
    in_longer = {t.lower_ for e in named if e.label_ == "PERSON" and len(e) > 1 for t in e}
    located, acting = set(), set()
    # ("in Tarhouna, Libya" ... "seized Tarhouna": a name written as a dateline writes a town is a place throughout)
    places_named = {e.text.lower() for e in ents if e.label_ in {"GPE", *named_labels} and not e.id_ and
                    _country_after(doc, e.end)}
    for e in named:
        unit = e.start > 0 and doc[e.start - 1].lower_ in _UNIT_PREFIXES
        if unit or distance_after(doc, e.end) or _placed_inside(e) or _situated(e):
            places_named.add(e.text.lower())
        if len(e) > 1 or english_word(e.text):
            continue
        tok, key = e[0], e[0].lower_
        prep = tok.head
        # (an organisation's name only where people were harmed: "killed eleven herders at Talakmau")
        harmed = prep.head.head if prep.head.dep_ == "dobj" else prep.head
        # ("claimed the lives of four soldiers (and two farmers) at Matazem")
        above = next((a for a in tok.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        lives = above is not None and above.lemma_.lower() == "claim" and \
            any(c.dep_ == "dobj" and c.lower_ == "lives" for c in above.children)
        if tok.dep_ == "pobj" and prep.lower_ in _SITE_PREPS and prep.head.lemma_.lower() not in _STANDING_NOUNS \
                and (e.label_ == "PERSON" or harmed.lemma_.lower() in _HARM_VERBS or lives):
            located.add(key)
        # "Mera said", "Mera's office", "Mera, 45,", "Mr Mera": someone who acts, owns, has an age or a title
        if tok.dep_ in {"nsubj", "poss", "agent"} or any(c.dep_ == "appos" for c in tok.children) or \
                _aged(doc, tok.i) or tok.i > 0 and doc[tok.i - 1].lower_ in _TITLES:
            acting.add(key)
    places_named |= located - acting - in_longer
    taken = {i for e in ents for i in range(e.start, e.end)}
    # ("Batibo sits on the border between ...": a name the NER left bare there, and took elsewhere for a name)
    places_named |= {t.lower_ for t in doc if t.i not in taken and t.is_title and t.pos_ == "PROPN" and _situated(t)}
    # ("the attack at Thinghat, about 50 kilometres from the district headquarters": a name the NER left bare)
    bare = [Span(doc, t.i, t.i + 1, label="GPE") for t in doc if t.i not in taken and t.is_title and t.pos_ == "PROPN"
            and t.dep_ == "pobj" and t.head.lower_ in _SITE_PREPS and distance_after(doc, t.i + 1)]
    return [Span(doc, e.start, e.end, label="GPE") for e in named if e.text.lower() in places_named] + bare + \
        _hyphenated_sites(doc, taken)


def _hyphenated_sites(doc: Doc, taken: set[int]) -> list[Span]:
    """ "killed 50 soldiers just across the border in In-Delimane": a capitalised name joined by hyphens, which
    the parser split and took for a common noun, something happened in or at."""
    out = []
    for t in doc:
        if t.dep_ != "pobj" or t.head.lower_ not in _SITE_PREPS or not t.is_title or t.i in taken or t.i < 2:
            continue
        start = t.i
        while start >= 2 and doc[start - 1].text in {"-", "‐"} and doc[start - 2].is_title and \
                not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_ and start - 2 not in taken:
            start -= 2
        if start < t.i:
            out.append(Span(doc, start, t.i + 1, label="GPE"))
    return out


_LISTED_PLACES = {"towns", "villages", "cities", "districts", "townships", "provinces", "areas", "localities",
                  "communities", "municipalities", "regions", "states", "counties", "camps"}


def _listed_place(tok: Token) -> bool:
    """ "towns including A, B and C", "villages such as A": a member of a list that a plural place noun opens."""
    first = tok
    while first.dep_ == "conj":
        first = first.head
    prep = first.head
    if first.dep_ != "pobj" or prep.lower_ not in {"including", "like", "as"}:
        return False
    noun = prep.head.head if prep.lower_ == "as" and prep.head.lower_ == "such" else prep.head
    return noun.lower_ in _LISTED_PLACES


_HYPHEN_SUFFIXES = {"based", "led", "born", "backed", "linked", "style", "type", "era", "wide", "area", "bound",
                    "made", "run", "held", "controlled", "allied", "aligned", "affiliated", "inspired"}


def _hyphen_joined(ent: Span) -> Span:
    """ "the Bari-ujeed region": a known name ("Bari") joined by a hyphen to more letters is part of a longer
    name; the place is the whole word (which the gazetteer may not know), not the name inside it."""
    doc, end = ent.doc, ent.end
    if ent.label_ in {GROUP_LABEL, "ORG"}:
        return _particle_joined(ent)
    if ent.label_ not in PLACE_LABELS or end + 1 >= len(doc) or doc[end].text not in {"-", "‐"} \
            or doc[end - 1].whitespace_ or doc[end].whitespace_ or not doc[end + 1].is_alpha:
        return ent
    rest = doc[end + 1]  # not "Iran-backed", "Kabul-based", "the Kenya-Somalia border", "Mosul-style"
    if rest.pos_ in {"VERB", "AUX"} or rest.tag_ in {"VBN", "VBD", "VBG"} or rest.ent_type_ \
            or rest.lower_ in _HYPHEN_SUFFIXES:
        return ent
    return _hyphen_joined(Span(doc, ent.start, end + 2, label=ent.label_))  # ("Cho-i-rong": as many as there are)


_NAME_CONNECTIVES = {"de", "del", "do", "da", "dos", "das", "di"}  # Spanish, Portuguese, Italian
_CONNECTIVE_ARTICLES = {"la", "las", "los"}


def _connective_joined(ent: Span) -> Span:
    """ "San Miguel" + "del Ene", "Santa Cruz" + "de la Sierra": a place name the NER cut before a Romance
    connective goes on through it to the capitalised word after."""
    doc, end = ent.doc, ent.end
    if ent.label_ not in PLACE_LABELS or end + 1 >= len(doc) or doc[end].text not in _NAME_CONNECTIVES:
        return ent
    nxt = end + 1 + (doc[end + 1].lower_ in _CONNECTIVE_ARTICLES and doc[end + 1].is_lower)
    if nxt >= len(doc) or not doc[nxt].is_title or doc[nxt].ent_type_ in {"PERSON", "DATE", "ORG"}:
        return ent
    return Span(doc, ent.start, nxt + 1, label=ent.label_, span_id=ent.id_)


def _particle_joined(ent: Span) -> Span:
    """ "Tehreek" + "-e-Hurriyat": a name the NER cut at the hyphen before an Urdu or Persian particle ("-e-",
    "-i-", "-ul-") goes on through it to the capitalised word after."""
    doc, end = ent.doc, ent.end
    while end + 3 < len(doc) and doc[end].text in {"-", "‐"} \
            and doc[end + 1].lower_ in {"e", "i", "ul", "ut", "ud", "al"} and doc[end + 2].text in {"-", "‐"} \
            and doc[end + 3].is_title and not any(t.whitespace_ for t in doc[end - 1: end + 3]):
        end += 4
    return ent if end == ent.end else Span(doc, ent.start, end, label=ent.label_, span_id=ent.id_)


_LANDFORMS = {"peninsula", "valley", "basin", "delta", "plateau", "desert", "highlands", "mountains", "hills",
              "strip", "coast", "corridor", "triangle", "forest"}


def _landforms(ents: list[Span]) -> list[Span]:
    """ "the Sinai" + "Peninsula": a place and the landform word the NER took for a place of its own are one."""
    out: list[Span] = []
    for ent in sorted(ents, key=lambda e: e.start):
        last = out[-1] if out else None
        if last is not None and last.end == ent.start and last.label_ in PLACE_LABELS and len(ent) == 1 and \
                ent.label_ in PLACE_LABELS and ent[0].is_title and ent[0].lower_ in _LANDFORMS:
            out[-1] = Span(ent.doc, last.start, ent.end, label=last.label_, span_id=last.id_)
            continue
        out.append(ent)
    return out


def _non_prefixed(ent: Span) -> Span:
    """ "28 non-Muslims": the people who are not Muslims, a group of its own (no id: not "Muslims")."""
    doc, start = ent.doc, ent.start
    if ent.label_ in {"COMMUNITY", "NORP"} and start >= 2 and doc[start - 1].text in {"-", "‐"} \
            and doc[start - 2].lower_ == "non" and not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_:
        return Span(doc, start - 2, ent.end, label=ent.label_)
    return ent


def _capital_named(text: str) -> str | None:
    """The country whose capital city `text` is ("San’a" -> "YE"), or None (not a capital, or unknown)."""
    known = places().lookup(text)
    city = places().capital(known.country) if known is not None and known.country else None
    forms = {n.lower().replace("’", "'") for n in (city.name, *city.aliases)} if city is not None else set()
    return known.country if text.lower().replace("’", "'") in forms else None


def _national_capitals(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "the Somali capital", "Yemen's capital", "the capital of Mali", and "the capital" alone: the capital city of
    that country (of the report's own country when none is named). The entity id carries the country code
    ("capital:SO", "capital:" for the report's) and the linker turns it into the city."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = []
    for tok in doc:
        if tok.lower_ != "capital" or tok.pos_ != "NOUN" or tok.i in taken or tok.dep_ in {"compound", "amod"}:
            continue  # "capital punishment"
        code, definite, other = None, False, False
        for c in tok.children:
            if c.dep_ == "det":
                definite = c.lower_ == "the"
            elif c.dep_ == "poss" or c.dep_ in {"amod", "compound"} and c.i < tok.i:
                found = (places().country_code(c.text.removesuffix("'s").removesuffix("’s"))
                         if c.ent_type_ == "GPE" else None) or places().demonym(c.text)
                code, other = (found, other) if found else (code, True)  # "the provincial capital": not national
                definite = definite or bool(found)
            elif c.dep_ == "prep" and c.lower_ == "of":
                found = next((places().country_code(o.text) for o in c.children if o.ent_type_ == "GPE"), None)
                code, other = (found, other) if found else (code, True)
            elif c.dep_ in {"appos", "compound", "npadvmod"} and c.ent_type_ in PLACE_LABELS:
                other = True  # "the Afghan capital, Kabul": the city is named
            elif c.dep_ == "appos" and c.pos_ == "PROPN":
                # "the capital, San’a": a spelling the place ruler missed still says whose capital it is
                named = _capital_named(c.text)
                code, other = (named, other) if named else (code, True)
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and (nxt.ent_type_ in PLACE_LABELS or nxt.lower_ in {"city", "region", "district"}):
            other = True  # "the capital Kabul", "the capital city"
        if definite and not other:
            out.append(Span(doc, tok.i, tok.i + 1, label="GPE", span_id=f"capital:{code or ''}"))
    return out


_SETTLEMENT_NOUNS = {"village", "town", "city", "hamlet", "locality", "settlement", "area", "camp", "district",
                     "township", "neighbourhood", "neighborhood", "suburb", "community"}


_NAMED_BEFORE = {"village", "town", "hamlet", "township", "commune", "municipality", "area", "community", "district",
                 "subdistrict", "county", "tehsil"}


def _settlement_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "the village of Faduma Koloram", "an area known as Wollega", "the 'LALA' camp": a name the grammar
    says is a place, though no gazetteer knows it and the NER took it for something else (or nothing)."""
    by_token = {i: e for e in ents for i in range(e.start, e.end)}
    out = []
    for noun in doc:
        place_name = noun.i in by_token and by_token[noun.i].label_ in PLACE_LABELS  # "Ethiopia known as Wollega"
        if not place_name and (noun.lower_ not in _SETTLEMENT_NOUNS or noun.pos_ != "NOUN"):
            continue
        names = [] if place_name else [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                                       for o in p.children if o.dep_ == "pobj"]
        names += [o for a in noun.children if a.dep_ == "acl" and a.lemma_ in {"know", "call", "name"}
                  for p in a.children for o in ([p] if p.dep_ == "oprd" else p.children if p.lower_ == "as" else [])]
        if noun.lower_ == "camp":  # "the “LALA” camp"
            names += [c for c in noun.children if c.dep_ in {"compound", "nmod"} and c.i < noun.i]
        elif noun.lower_ in _NAMED_BEFORE:  # "Mukondi village", "Mafa local government area"
            mods = [c for c in noun.children if c.dep_ in {"compound", "nmod"} and c.i < noun.i]
            mods += [g for c in mods if c.lower_ == "government" for g in c.children if g.dep_ == "compound"]
            names += [c for c in mods if c.pos_ == "PROPN" and c.is_title]
        for name in names:
            ent = by_token.get(name.i)
            left = min([name.i, *(c.i for c in name.children if c.dep_ == "compound" and c.is_title)])
            split = ent is not None and left < ent.start  # "Kwata" + "Zawan": one name the NER cut in two
            if ent is not None and not split and (ent.id_ or ent.label_ in PLACE_LABELS | {GROUP_LABEL, "FORCE"}):
                continue
            if ent is not None and ent.label_ in {"NORP", "COMMUNITY"} or places().demonym(name.text):
                continue  # "the Hazara community": a people, not a place
            if ent is None and not (name.pos_ == "PROPN" or name.is_upper and len(name) > 1):
                continue
            start, end = (ent.start, ent.end) if ent is not None and not split else (name.left_edge.i, name.i + 1)
            while start < end and (doc[start].is_punct or doc[start].pos_ == "DET"):
                start += 1
            if start < end and all(t.is_title or t.is_upper or t.is_punct for t in doc[start:end]):
                out.append(Span(doc, start, end, label="GPE"))
    return out


_GROUP_HEADS = {"front", "army", "movement", "brigade", "brigades", "militia", "militias", "group", "forces", "force",
                "network", "organization", "organisation", "battalion", "legion", "faction", "cartel", "guard"}


def _unlabelled_groups(doc: Doc, ents: list[Span]) -> list[Span]:
    """Capitalised names ending in a group word that the NER missed: "Sahel Liberation Front"."""
    by_token = {i: e for e in ents for i in range(e.start, e.end)}
    out = []
    for tok in doc:
        if tok.lower_ not in _GROUP_HEADS or not tok.is_title or tok.i in by_token:
            continue
        start = tok.i
        while start - 1 >= tok.sent.start and start - 1 not in by_token and (
                doc[start - 1].is_title or doc[start - 1].lower_ in {"of", "for", "the", "and"} or
                doc[start - 1].text in {"’s", "'s"} and doc[start - 2].lower_ in {"people", "peoples"}):
            start -= 1  # "Tigray People’s Liberation Front": the possessive of "People" is part of the name
        while start < tok.i and doc[start].lower_ in {"of", "for", "the", "and"}:
            start += 1
        before = by_token.get(start - 1)
        if before is not None and (before.label_ in PLACE_LABELS | {"NORP"} and not before.id_ or
                                   before.label_ == "COMMUNITY"):
            start = before.start  # "Sahel" + "Liberation Front", "Oromo" + "People’s Liberation Front"
        if tok.lower_ == "force" and {t.lower_ for t in doc[start:tok.i]} & _STATE_FORCE_WORDS:
            continue  # "the Border Force", "a Joint Task Force": a state's
        if tok.i - start >= 1 and not _superlative(doc[start]):
            out.append(Span(doc, start, tok.i + 1, label=GROUP_LABEL))
    return out + _cued_bodies(doc, by_token)


_SUPERLATIVES = {"most", "largest", "biggest", "deadliest", "strongest", "oldest", "newest"}


def _superlative(tok: Token) -> bool:
    return tok.tag_ == "JJS" or tok.lower_ in _SUPERLATIVES


# A council or an alliance is anyone's; with a militant word before its name, it is an armed movement's
_BODY_HEADS = {"council", "committee", "alliance", "coalition", "union", "congress", "assembly", "command"}


def _cued_bodies(doc: Doc, by_token: dict[int, Span]) -> list[Span]:
    """ "the separatist Ambazonia Governing Council", "the rebel Alliance of Patriots": a capitalised body
    named right after a militant word, even where the NER read part of the name as a person."""
    out = []
    for tok in doc:
        if tok.lower_ not in _BODY_HEADS or not tok.is_title or tok.i in by_token and by_token[tok.i].id_:
            continue
        start = tok.i
        while start - 1 >= tok.sent.start and doc[start - 1].is_title and not doc[start - 1].ent_id_ and (
                start - 1 not in by_token or by_token[start - 1].label_ in {"PERSON", "ORG", "GPE", "NORP"}):
            start -= 1
        cue = doc[start - 1] if start > tok.sent.start else None
        if tok.i > start and cue is not None and cue.lower_ in words("militant_cues"):
            out.append(Span(doc, start, tok.i + 1, label=GROUP_LABEL))
    return out


STATE_NOUNS = {"government": "ORG", "state": "ORG", "regime": "ORG", "junta": "ORG", "army": "FORCE",
               "military": "FORCE", "police": "FORCE", "troops": "FORCE", "soldiers": "FORCE", "forces": "FORCE",
               "policemen": "FORCE"}
# a state's arms, its army only with its nationality: "Israeli jets", "Turkish drones" (not "the jets")
STATE_ARMS = {"jets", "warplanes", "aircraft", "drones", "helicopters", "gunships", "bombers"}
STATE_NOUNS |= dict.fromkeys(STATE_ARMS, "FORCE")


_STATE_MODIFIERS = {"government", "junta", "regime", "pro-government"}


def _generic_name(tok, ents: list[Span]) -> bool:
    """A lone "Army" or "Police" the NER or the group finder took for a name."""
    return any(e.start == tok.i and len(e) == 1 and not e.id_ for e in ents)


def _state_actors(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "the government", "the Nigerian army", "Somalia's government": a state's institutions as actors.
    Whose state it is gets decided when linking, from the adjective or the document's main country."""
    labels = {i: e.label_ for e in ents for i in range(e.start, e.end)}  # as relabelled, not as the NER left them
    taken = set(labels)
    out = []
    for tok in doc:
        label = STATE_NOUNS.get(tok.lower_)
        if label is None or tok.pos_ not in {"NOUN", "PROPN"}:
            continue
        generic = _generic_name(tok, ents)
        if label is None or tok.i in taken and not generic or not (
                tok.is_lower or tok.is_title and (tok.is_sent_start or generic and doc[tok.i - 1].lower_ == "the")):
            continue  # "The Army said": a capital that only marks the institution
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            continue  # "the state of emergency", "the army of volunteers"
        mods = [c for c in tok.children if c.i < tok.i and c.dep_ in {"amod", "compound", "poss", "nmod"}]
        national = [c for c in mods if labels.get(c.i) in {"NORP", "GPE"}]
        if tok.lower_ == "state" and any(c.ent_type_ == "GPE" and (p := places().lookup(c.text)) is not None
                                         and p.precision == "region" for c in national):
            continue  # "Borno state", "northern Rakhine state": the region, not a government
        dets = [c.lower_ for c in tok.children if c.dep_ == "det"]
        # "the country's government": the report's own country, decided when linking
        own = [c for c in mods if c.dep_ == "poss" and c.lower_ in {"country", "nation"}]
        own += [c for c in mods if own and c.tag_ == "VBN"]  # "the country's internationally-backed government"
        # "government troops", "junta forces": the state's own, whichever article
        state_made = [c for c in mods if c.lower_ in _STATE_MODIFIERS and label == "FORCE"]
        if len(mods) > len(national) + len(own) + len(state_made) + sum(
                c.lower_ in {"security", "federal", "central", "national", "armed"} for c in mods):
            continue  # "a rebel army", "the local police station"
        if not national and not own and not state_made and dets[:1] != ["the"] or dets[:1] in (["a"], ["an"]):
            continue  # ("an Islamic state", "a Palestinian state": a state wanted, not a government)
        if tok.lower_ in STATE_ARMS and not national:
            continue
        start = min([tok.i, *[c.i for c in national]])
        if any(i in taken and labels[i] not in {"NORP", "GPE"} for i in range(start, tok.i)):
            start = tok.i
        out.append(Span(doc, start, tok.i + 1, label=label))
    return out


_NAME_HEADS = {"airport", "police", "university", "province", "city", "district", "state", "region", "army", "forces",
               "ministry", "department", "council", "hospital", "prison", "mosque", "church", "school", "road",
               "street", "river", "valley", "mountains", "camp", "base", "square", "market", "hotel", "bank"}
_SPEECH = {"say", "tell", "add", "state", "announce", "confirm", "deny", "claim", "warn", "write", "explain"}
_TITLES = {"president", "minister", "general", "commander", "sheikh", "mullah", "maulana", "dr", "dr.", "mr", "mr.",
           "gov.", "governor", "gen.", "col.", "colonel", "spokesman", "spokesperson", "leader", "chief", "emir",
           "imam", "mufti", "haji", "lt.", "maj.", "capt.", "sen.", "prime", "mayor", "ambassador", "brig.", "brig",
           "sgt.", "cpl.", "adm.", "cmdr.", "cdr.", "supt.", "insp.", "major", "lieutenant", "brigadier", "captain",
           "admiral", "marshal"}


# offices written with the town they serve before the holder's name: "Assistant Commissioner Khar X"
_OFFICES = {"commissioner", "officer", "superintendent", "inspector", "administrator", "magistrate", "collector",
            "ssp", "sho", "dpo", "dc"}
# police ranks, which the NER may take into the name after them
_INSTITUTION_WORDS = {"security", "staff", "command", "directorate", "intelligence", "assembly", "headquarters",
                      "service", "services", "administration", "office", "hospital", "court", "electric", "motors",
                      "police", "army", "ministry", "department", "council", "university", "prosecutor"}
# words after a place's name that make it a people's: "the Kachin people", "Kachin nationalists" (not "community":
# "Kukawa community in Borno state" is a village)
_PEOPLE_WORDS = {"people", "peoples", "minority", "minorities", "ethnic", "nationalists", "tribe", "tribes",
                 "tribesmen", "ethnicity"}
# the last word of an institution's name, never of a person's
_INSTITUTION_ENDS = {"court", "directorate", "ministry", "department", "council", "university", "hospital",
                     "office", "headquarters", "assembly", "administration", "commission", "agency", "tribunal",
                     "exchange"}
_MILITARY_RANKS = {"marshal", "general", "colonel", "brigadier", "admiral", "captain", "lieutenant"}
_RANKS = {"constable", "sergeant", "detective", "inspector", "superintendent"}
# particles that open the last part of an Arabic name ("Abdul-Malik al-Houthi", "Sirajuddin bin Ali")
_NAME_PARTICLES = {"al", "el", "bin", "ibn", "abu", "ul"}
# abbreviated titles the NER may take into a name ("Gov Babagana Zulum"); whole words ("Mullah", "Emir") may be names
_SHORT_TITLES = {"gov", "gen", "col", "lt", "maj", "capt", "sgt", "brig", "mr", "mrs", "ms", "dr", "sen", "rep", "supt"}


def _headline(sent: Span) -> bool:
    """Title Case Headlines Make Every Word Look Like A Name."""
    words_ = [t for t in sent if t.is_alpha]
    return len(words_) >= 4 and sum(t.is_title or t.is_upper for t in words_) >= 0.7 * len(words_)


def _name_end(doc: Doc, i: int, taken: dict[int, Span], most: int) -> int:
    """End of a name opening at token i: the capitalised proper nouns after it that no other mention
    holds and that are not a name's head noun ("airport", "province"), `most` tokens in all."""
    end = i + 1
    while end < len(doc) and end - i < most and doc[end].pos_ == "PROPN" and doc[end].is_title \
            and end not in taken and doc[end].lower_ not in _NAME_HEADS:
        end += 1
    return end


def _aged(doc: Doc, i: int) -> bool:
    """ ", 48," at token i: news writing gives a person's age in commas after the name."""
    return i + 2 < len(doc) and doc[i].text == "," and doc[i + 1].like_num and doc[i + 2].text == "," \
        and doc[i + 1].text.isdigit() and 0 < int(doc[i + 1].text) < 120


def _said_or_described(tok: Token) -> bool:
    """The head of a name is a person's: it speaks, or a role noun stands in apposition to it ("X, a TRF
    commander"; "their commander, X")."""
    return tok.dep_ == "nsubj" and tok.head.lemma_ in _SPEECH or any(
        c.dep_ == "appos" and c.lower_ in nouns("role") for c in tok.children) or \
        tok.dep_ == "appos" and tok.head.lower_ in nouns("role")


def _unlabelled_people(doc: Doc, ents: list[Span]) -> list[Span]:
    """Names the small NER model missed, where the grammar says "person": "X, who heads ...",
    "X said", "X, a spokesman", "President X"; also a first name the place ruler took ("Hassan" Nasrallah)."""
    by_token = {i: e for e in ents for i in range(e.start, e.end)}
    out = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        first_is_place = i in by_token and by_token[i].label_ in PLACE_LABELS and not by_token[i].id_ \
            and len(by_token[i]) == 1 and tok.text.isalpha() and i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN" \
            and i + 1 not in by_token and doc[i + 1].lower_ not in _TITLES | nouns("role") \
            and doc[i + 1].lower_ not in _PLACE_HEADS | _PLURAL_HEADS | {"state", "people", "peoples"} \
            and doc[i + 1].lower_ not in words("group_name_words") \
            and not _headline(tok.sent) and not (i > 0 and doc[i - 1].lower_ in _OFFICES)
        if i in by_token and by_token[i].label_ in PLACE_LABELS and len(by_token[i]) == 1 and not by_token[i].id_ \
                and i > 0 and doc[i - 1].lower_ in _TITLES and doc[i - 1].is_title and tok.text.isalpha():
            end = _name_end(doc, i, by_token, most=3)  # "President Buhari", "Colonel Loreto Maguddayao"
            out.append(Span(doc, i, end, label="PERSON"))
            i = end
            continue
        if not first_is_place and (tok.pos_ != "PROPN" or not tok.is_title or i in by_token
                                   or tok.lower_ in _TITLES):  # "Brig. Gen." before a name is no name
            i += 1
            continue
        end = _name_end(doc, i, by_token, most=4)
        if end < len(doc) and end in by_token and by_token[end].label_ in {"NORP", "COMMUNITY"} \
                and len(by_token[end]) == 1 and not first_is_place and doc[end].is_title:
            end += 1  # "Jeeyand Baloch", "Abdi Somali": a surname that is also a people's name
        if end < len(doc) and end in by_token and by_token[end].label_ in PLACE_LABELS and not by_token[end].id_ \
                and len(by_token[end]) == 1 and doc[end].is_title and _aged(doc, end + 1):
            end += 1  # "Elisabet Bolivar, 48, said": a surname that is also a place's name
        elif end < len(doc) and end > i and end in by_token and by_token[end].label_ in PLACE_LABELS \
                and not by_token[end].id_ and len(by_token[end]) == 1 and doc[end].is_title \
                and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i == end and _said_or_described(doc[end]):
            end += 1  # "Sheikh Sajjad Gul, a TRF commander, ...": a surname that is also a place's name
        else:
            end = _place_named_surnames(doc, i, end, by_token)
        span = doc[i:end]
        # ("Quetta Railway Station", "Cairo Court", "the Kabul Intercontinental Hotel": a site, a body; no person)
        site = doc[end - 1].lower_ in _NAME_HEADS | _INSTITUTION_ENDS | words("facility_nouns") | _EVENT_NAME_ENDS | \
            _GROUP_HEADS or \
            end < len(doc) and doc[end].lower_ in words("facility_nouns") | _NAME_HEADS  # (nor "the First Lebanon
        # War"; nor "Kahan Marri" of "New Kahan Marri Camp")
        if len(span) >= 2 and not site and not _headline(tok.sent):
            root = span.root
            after = doc[end:end + 3]
            cues = (
                [t.lower_ for t in after[:2]] == [",", "who"]
                or _said_or_described(root)
                or i > 0 and doc[i - 1].lower_ in _TITLES | _RANKS  # ("Constable Kamlesh Sahu")
                or first_is_place
                or _aged(doc, end)
                or role_set_off(doc, end) is not None
            )
            if cues:
                out.append(Span(doc, i, end, label="PERSON"))
        i = end
    return out


_CAMP_WORDS = {"camp", "base", "cantonment", "checkpoint", "outpost", "compound", "colony"}


def _sites_named_after_places(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "an operation in New Kahan Marri Camp in Quetta": a site's name that holds a town's ("Kahan") is the
    site, not the town."""
    site_heads = words("facility_nouns") | _CAMP_WORDS
    by_token = {i: e for e in ents for i in range(e.start, e.end)}
    out = []
    for e in ents:
        if e.label_ not in PLACE_LABELS or e.id_ or len(e) != 1:
            continue
        end = e.end
        while end < len(doc) and end not in by_token and doc[end].pos_ == "PROPN" and doc[end].is_title and \
                doc[end].lower_ not in site_heads:
            end += 1
        if end == e.end or end >= len(doc) or end in by_token or doc[end].lower_ not in site_heads or \
                not doc[end].is_title:
            continue  # (not "the Quetta Camp": a town's name alone before the head names the town's site)
        start = e.start
        while start - 1 >= e.sent.start and start - 1 not in by_token and doc[start - 1].pos_ == "PROPN" and \
                doc[start - 1].is_title and not doc[start - 1].is_sent_start:
            start -= 1  # "New" of "New Kahan Marri Camp"
        out.append(Span(doc, start, end + 1, label="FAC"))
    return out


def role_set_off(doc: Doc, end: int) -> Token | None:
    """ "Abdulhamid Rigi, the group's leader, in Zahedan": the role noun set off between commas right after a name
    ending at `end`, however the parser hung it."""
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in {"the", "its", "his", "their"}:
        return None
    for tok in doc[end + 2: end + 6]:
        if tok.is_punct:
            return None
        if tok.pos_ == "NOUN" and tok.lower_ in nouns("role") | nouns("leader") and tok.i + 1 < len(doc) and \
                doc[tok.i + 1].text in {",", "."}:
            return tok
    return None


def _place_named_surnames(doc: Doc, i: int, end: int, by_token: dict[int, Span]) -> int:
    """ "the gang's boss, Hector Guerrero Flores, escaped": a first name, then surnames the place ruler took
    one by one for places, all one name that the grammar describes as a person's."""
    run_end = end
    while run_end < len(doc) and run_end in by_token and by_token[run_end].label_ in PLACE_LABELS and \
            not by_token[run_end].id_ and len(by_token[run_end]) == 1 and doc[run_end].is_title:
        run_end += 1
    if run_end - end < 2 or end <= i or not all(doc[k].dep_ == "compound" and i <= doc[k].head.i < run_end
                                                 for k in range(i, run_end - 1)):
        return end
    return run_end if _said_or_described(doc[run_end - 1]) else end


_QUOTE_MARKS = {'"', "'", "“", "”", "‘", "’", "``", "''"}


def _alias_names(doc: Doc, ents: list[Span]) -> tuple[list[Span], list[tuple[int, int]]]:
    """ "Dairo Antonio Usuga, alias “Otoniel”", "alias 'Cholinga'": people, and the second name an alias of
    the first (a nickname is what "alias" introduces, whatever the NER made of the names)."""
    by_start = {e.start: e for e in ents}
    spans, links = [], []
    for tok in doc:
        if tok.lower_ == "as" and tok.head.lower_ in {"known", "nicknamed"} and tok.i == tok.head.i + 1:
            before = tok.head.i - 1  # "Dairo Antonio Usuga, popularly known as Otoniel"
            while before > 0 and doc[before].pos_ == "ADV":
                before -= 1
            named = next((e for e in ents if e.end == before and e.label_ == "PERSON"), None)
            if doc[before].text != "," or named is None or len(named) < 2:
                continue
            j = before - 1
        elif tok.lower_ in {"alias", "aka", "a.k.a."} and tok.head.lower_ == "by" and tok.head.head.lemma_ == "go":
            # "Mohammad Yusuf Shah, who goes by the alias Syed Salahuddin": the person the clause is about
            clause = tok.head.head
            j = clause.head.i if clause.dep_ == "relcl" else -1
        elif tok.lower_ in {"alias", "aka", "a.k.a."}:
            j = tok.i - 1 - (doc[tok.i - 1].text == ",")
        else:
            continue
        i = tok.i + 1
        while i < len(doc) and doc[i].text in _QUOTE_MARKS:
            i += 1
        end = i
        while end < len(doc) and doc[end].is_title and doc[end].text not in _QUOTE_MARKS and end - i < 4:
            end += 1
        if end == i:
            continue
        nickname = by_start.get(i) or doc[i:end]
        spans.append(Span(doc, nickname.start, nickname.end, label="PERSON"))
        named = next((e for e in ents if e.start <= j < e.end), None)
        if named is not None and j > 0 and named.label_ in {"PERSON", "ORG", "GPE", "NORP"} and len(named) > 1:
            spans.append(Span(doc, named.start, named.end, label="PERSON"))
            links.append((named.start_char, nickname.start_char))
    return spans, links


def _surnames(ents: list[Span]) -> list[Span]:
    """ "Commissioner Hamza Shafqaat confirmed ..." then "Shafqaat said": a lone word the model took for a place
    or an organisation is the surname of a person named before, unless the gazetteer knows it."""
    names: set[str] = set()
    out = []
    for e in ents:
        end = e.end - (len(e) == 2 and e[-1].tag_ == "POS")  # ("Machar’s former chief of staff")
        if e.label_ == "PERSON" and len(e) >= 2:
            names.add(e[-1].text)
        elif end - e.start == 1 and e.doc[e.start].text in names and e.label_ in {"GPE", "LOC", "ORG", "NORP"} \
                and not e.id_ and (places().lookup(e.doc[e.start].text) is None or _acts(e.doc[e.start])):
            e = Span(e.doc, e.start, end, label="PERSON")
        out.append(e)
    return sorted(out + _bare_surnames(out))


def _bare_surnames(ents: list[Span]) -> list[Span]:
    """ "Marshal Khalifa Haftar" ... "allied itself with Marshal Haftar": the surname of a person named before,
    which the NER left bare, is that person."""
    if not ents:
        return []
    doc = ents[0].doc
    first = {}  # surname -> where the full name is first told
    for e in ents:
        if e.label_ == "PERSON" and len(e) >= 2 and e[-1].is_title:
            first.setdefault(e[-1].text, e.start)
    taken = {i for e in ents for i in range(e.start, e.end)}
    return [Span(doc, t.i, t.i + 1, label="PERSON") for t in doc
            if t.i not in taken and t.text in first and first[t.text] < t.i and t.pos_ == "PROPN"]


def _acts(tok: Token) -> bool:
    """ "said Kouffa", "the raid was led by Kouffa": a name that speaks or leads is a person's, even a place's."""
    return tok.dep_ == "nsubj" and tok.head.lemma_ in _SPEECH or tok.dep_ == "pobj" and tok.head.lower_ == "by" \
        and tok.head.head.lemma_ in {"lead", "command", "order", "head"}


def _field_people(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "Founders: Nur Misuari and Hashim Salamat": the names a fact sheet lists under a people's label are people's,
    whatever the NER or the place ruler ("Salamat") took them for (but not a known group's)."""
    known = {i for e in ents if e.id_.startswith("gaz:") or e.label_ == "PERSON" for i in range(e.start, e.end)}
    return [Span(doc, name.start, name.end, label="PERSON") for pred, _, value in fields(doc) if pred in PEOPLE_FIELDS
            for name in listed_names(value) if len(name) > 1 and not known & set(range(name.start, name.end))]


_TIME_PREPS = {"on", "in", "since", "by", "until", "till", "before", "after", "from", "to", "between", "during",
               "of", "at", "through"}


def _date_named_groups(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "the November 17 guerrilla group", "November 17 said it killed Welch": a date the NER found, which is the
    name of a group the gazetteer knows as "<date> group", where the words around it make it a group, not a day (a
    group noun after it, or the subject or owner of the clause; never the object of "on" or "since")."""
    out = []
    for e in ents:
        if e.label_ != "DATE":
            continue
        actor = actors().lookup(f"{e.text} group")
        root = e.root
        if actor is None or root.dep_ == "pobj" and root.head.lower_ in _TIME_PREPS:
            continue
        after = [t for t in doc[e.end: e.end + 3] if not t.is_punct]
        named = any(t.lower_ in words("group_nouns") for t in after[:2]) and all(
            t.pos_ in {"ADJ", "NOUN", "PROPN"} for t in after[:1])
        if named or root.dep_ in {"nsubj", "nsubjpass", "poss"}:
            out.append(Span(doc, e.start, e.end, label=GROUP_LABEL, span_id=actor.key))
    return out


_FACTION_NOUNS = {"faction", "wing", "camp"}


def _factions_named_for_people(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "Abubakar Shekau's faction was blamed", "the Shekau faction of Boko Haram": a faction called after a man is a
    body of its own, the doer of what it is blamed for, not the man."""
    out = []
    for e in ents:
        if e.label_ not in {"PERSON", "ORG"} or e.id_:  # ("Shekau's faction": the NER may take him for a body)
            continue
        end = e.end + (e.end < len(doc) and doc[e.end].text in {"'s", "’s"})
        if end < len(doc) and doc[end].lower_ in _FACTION_NOUNS:
            out.append(Span(doc, e.start, end + 1, label=GROUP_LABEL))
    return out


def _unknown_acronym_place(ent: Span) -> bool:
    """ "al-Qaeda in Syria (AQ-S)": capitals that no gazetteer knows as a place name no place."""
    return ent.label_ == "GPE" and not ent.id_ and bool(_ACRONYM.match(ent.text)) and ent.text.isupper() and \
        places().lookup(ent.text) is None


def _in_place_of(ents: list[Span], found: list[Span]) -> list[Span]:
    """`ents` with `found` in place of every mention they overlap."""
    covered = {i for g in found for i in range(g.start, g.end)}
    return [e for e in ents if not covered & set(range(e.start, e.end))] + found


def _namesakes_placed(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "Jundallah" in a report on Zahedan is Iran's group of that name, not Pakistan's: a name several entries share
    is the one of the country the report names most (the first entry when none is named)."""
    shared = {e.start: actors().namesakes(e.text) for e in ents if e.id_}
    if not any(shared.values()):
        return ents
    named: dict[str, int] = {}
    for e in ents:
        place = places().lookup(e.text) if e.label_ in PLACE_LABELS else None
        code = place.country if place is not None else places().demonym(e.text) if e.label_ == "NORP" else None
        if code:
            named[code] = named.get(code, 0) + 1
    out = []
    for e in ents:
        choices = shared.get(e.start)
        best = max(choices, key=lambda a: named.get(a.country or "", 0)) if choices else None
        out.append(e if best is None or best.key == e.id_ else Span(doc, e.start, e.end, label=e.label_,
                                                                   span_id=best.key))
    return out


@Language.component("dossier_mentions")
def find_mentions(doc: Doc) -> Doc:
    ents = _namesakes_placed(doc, _relabel(doc))
    people = _unlabelled_people(doc, ents)
    people += [p for p in _field_people(doc, ents) if not any(q.start <= p.start < q.end for q in people)]
    ents = _in_place_of(ents, people)
    ents = _in_place_of(ents, _nicknamed_people(doc, ents))
    ents = _in_place_of(ents, _unlabelled_groups(doc, ents) + _date_named_groups(doc, ents) +
                        _factions_named_for_people(doc, ents) + _sites_named_after_places(doc, ents))
    ents = _in_place_of(ents, _state_actors(doc, ents))
    found = _unlabelled_places(doc, ents)
    starts = {s.start for s in found}
    found += [p for p in _unknown_places(doc, ents) if p.start not in starts]
    starts = {s.start for s in found}
    ents = [e for e in ents if e.start not in starts] + found
    ents = _in_place_of(ents, _settlement_names(doc, ents))
    ents += _national_capitals(doc, ents)
    ents = _in_place_of(ents, _names_run_on(doc, ents))
    ents = _in_place_of(ents, filter_spans(_leader_named_factions(doc, ents)))
    ents = filter_spans([_non_prefixed(_connective_joined(_hyphen_joined(e))) for e in _landforms(ents)])
    extra, links = _alias_names(doc, ents)  # links: (char start of long form, char start of acronym)
    extra += _branch_names(doc, ents) + _possessive_branches(doc, ents) + _quoted_self_names(doc)
    for long, short in _paren_acronyms(doc, ents):
        label, ent_id = _label_for(long, short, ents)
        extra += [Span(doc, long.start, long.end, label=label, span_id=ent_id),
                  Span(doc, short.start, short.end, label=label, span_id=ent_id)]
        links.append((long.start_char, short.start_char))
    for ent in ents:
        if ent.label_ not in _NAME_LABELS | {GROUP_LABEL, "FORCE", "COMMUNITY"}:
            continue
        for finder in (_dash_acronym, _or_acronym):
            acr = finder(doc, ent)
            if acr is not None and acr.text != ent.text:
                extra.append(Span(doc, acr.start, acr.end, label=ent.label_, span_id=ent.id_))
                links.append((ent.start_char, acr.start_char))
    extra += _repeats(doc, extra) + _title_case_acronyms(doc, ents) + _short_names(doc, ents)
    for long, short in _named_by_their_ends(doc, _in_place_of(ents, filter_spans(extra))):
        extra.append(short)
        links.append((long.start_char, short.start_char))
    ents = filter_spans(_in_place_of(ents, filter_spans(extra)))
    described = dissident_spans(doc, ents) or described_groups(doc, ents)
    final = [e for e in _surnames(sorted(_in_place_of(ents, described))) if not _unknown_acronym_place(e)]
    for e in final:
        if not e.id_ and len(e) > 1:
            for t in e:  # spaCy keeps a token's id when a longer name without one ("ISIS-DRC") covers it
                t.ent_id_ = ""
    doc.ents = final
    doc._.alias_links = links
    return doc
