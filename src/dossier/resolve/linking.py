"""Turn the entity tokens of one parsed document into EntityRefs with stable keys.

Order of evidence: the gazetteer id the ruler attached; a gazetteer alias; the place gazetteer;
an alias defined in this document ("Long Name (ACR)") or a shortened person name ("Shahid" for
"Shahidullah Shahid"); an alias the knowledge base already holds; else a new key from the name.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from dossier.lexicon import words
from dossier.model import EntityRef, EntityType, Place
from dossier.names import clean_surface, norm
from dossier.nlp.collectives import COLLECTIVE
from dossier.nlp.gazetteer import Actor, actors
from dossier.nlp.mentions import BRANCH_NOUNS, STATE_NOUNS, local_unit, names_another
from dossier.nlp.places import gazetteer as places

LABEL_TYPES = {
    "ARMED_GROUP": EntityType.ARMED_GROUP, "FORCE": EntityType.FORCE, "ORG": EntityType.ORGANIZATION,
    "COMMUNITY": EntityType.GROUP, "NORP": EntityType.GROUP, "PERSON": EntityType.PERSON,
    "GPE": EntityType.PLACE, "LOC": EntityType.PLACE, "FAC": EntityType.PLACE,
}
_TITLES = {"dr", "dr.", "mr", "mr.", "mrs", "ms", "prof", "prof.", "gen", "gen.", "general", "president", "sheikh",
           "mullah", "maulana", "mufti", "haji", "sir", "col", "col.", "capt", "maj", "lt"}


_NICKNAME = re.compile(r"\s*[“\"]([^”\"]{2,40})[”\"]\s*")


CAPITAL = "capital:"  # entity id of a capital named by its country (nlp.mentions)


def _nickname(text: str) -> str | None:
    """ "Ahmad “Abu Hussein” al-Hamidawi" -> "Abu Hussein": a quoted name inside a person's name."""
    m = _NICKNAME.search(text)
    return m.group(1).strip() if m and m.start() > 0 and m.end() < len(text) else None


def _person_name(text: str) -> str:
    if _nickname(text):
        text = _NICKNAME.sub(" ", text, count=1)
    words = text.split()
    while len(words) > 1 and words[0].lower() in _TITLES - {"mufti", "mullah", "haji", "sheikh"}:
        words = words[1:]
    return " ".join(words)


_DIRECTION = re.compile(r"^(?:the\s+)?(?:far\s+)?(?:(?:north|south)(?:[- ]?(?:east|west))?|east|west|central)"
                        r"(?:ern)?\s+", re.IGNORECASE)


def indexed_key(name: str, etype: str, aliases: tuple[str, ...], alias_index: dict[str, str]) -> str:
    """The key of a name outside the gazetteers: the first alias the store (or this run) already knows,
    if it is of a compatible type; else a new key from the name."""
    for alias in aliases:
        key = alias_index.get(norm(alias))
        if key is not None and key.split(":")[1] in {etype, "gaz", "armed_group", "organization"}:
            return key
    return f"new:{etype}:{norm(name)}"


def _sole_country_before(tok: Token) -> str | None:
    """ "groups hostile to Ugandan President Museveni, seeking to overthrow the government": the one country the
    sentence names before a bare "the government" is whose it is, whatever the report's main country."""
    codes = set()
    for t in tok.sent:
        if t.i >= tok.i:
            break
        if t.ent_type_ in {"NORP", "ORG"} and " " not in t.text:  # ("Ugandan", which the NER may take for an ORG)
            codes.add(demonym_country(t.text))
        elif t.ent_type_ in {"GPE", "LOC"}:
            place = places().lookup(t.text)
            codes.add(place.country if place is not None and place.precision == "country" else None)
    codes.discard(None)
    return codes.pop() if len(codes) == 1 else None


def demonym_country(text: str) -> str | None:
    return places().demonym_in(clean_surface(text))


class DocumentLinker:
    """Links the entity tokens of one document; `alias_index` maps known aliases to keys."""

    def __init__(self, doc: Doc, alias_index: dict[str, str]):
        self.doc = doc
        self.alias_index = alias_index
        self._cache: dict[int, EntityRef | None] = {}
        self._defined = self._defined_aliases(doc)
        self._country = self._main_country(doc)
        # after the pipeline's last merge every entity is one token: walk the entities, not every token
        self._people = [doc[e.start] for e in doc.ents if e.label_ == "PERSON" and len(e.text.split()) > 1]
        self._known_groups = {e.id_ for e in doc.ents if e.label_ == "ARMED_GROUP" and e.id_.startswith("gaz:")}

    @staticmethod
    def _defined_aliases(doc: Doc) -> dict[str, tuple[str, str]]:
        """norm(acronym) -> (long form, acronym) from "Long Name (ACR)" in this document."""
        by_start = {doc[e.start].idx: doc[e.start] for e in doc.ents}
        out = {}
        for long_start, short_start in doc._.alias_links or []:
            long_tok, short_tok = by_start.get(long_start), by_start.get(short_start)
            if long_tok is not None and short_tok is not None:
                long_name, short_name = clean_surface(long_tok.text), clean_surface(short_tok.text)
                out[norm(short_name)] = (long_name, short_name)
                out[norm(long_name)] = (long_name, short_name)
        return out

    @staticmethod
    def _main_country(doc: Doc) -> str | None:
        counts: dict[str, float] = {}  # votes by country, in the order first named
        gaz = places()
        for e in doc.ents:
            if e.label_ == "GPE":
                p = gaz.lookup(clean_surface(e.text))
                if p is not None and p.country and (p.precision == "country" or len(
                        {c.country for c in gaz.candidates(clean_surface(e.text))}) == 1):
                    counts[p.country] = counts.get(p.country, 0) + 1  # a town whose name other countries share
                    # ("Palma") does not vote
            elif e.label_ == "NORP" and (code := demonym_country(clean_surface(e.text))):
                counts[code] = counts.get(code, 0) + 0.5  # "a Greek far-left militant group" (a place named
                # counts more: "an Israeli airstrike in Khan Younis")
        return max(counts, key=counts.__getitem__) if counts else None

    def ref(self, tok: Token) -> EntityRef | None:
        if tok.i not in self._cache:
            self._cache[tok.i] = self._link(tok)
        return self._cache[tok.i]

    def _link(self, tok: Token) -> EntityRef | None:
        label = tok.ent_type_
        etype = LABEL_TYPES.get(label)
        if etype is None:
            return None
        if tok.ent_id_.startswith(CAPITAL):  # "the Somali capital": the city, never "capital" as its alias
            code = tok.ent_id_[len(CAPITAL):] or self._country
            place = places().capital(code) if code else None
            return EntityRef.of_place(place) if place is not None else None
        surface = clean_surface(tok.text)
        if not surface or not any(c.isalpha() for c in surface):
            return None
        # ("the leader of the Junta" after "the Renamo Military Junta": the group's short name, not a state's)
        state = self._state_actor(tok, surface) if norm(surface) not in self._defined else None
        if state is not None:
            surface = state
        elif not tok.ent_id_ and surface.lower() in words("generic_names"):
            return None  # "Army chief ...", "Interior Minister ...": a common noun, not a name
        gaz = actors()
        if tok.ent_id_.startswith(COLLECTIVE):
            return self._described(tok, surface)
        defined = self._defined.get(norm(surface))
        local = defined is not None and local_unit(defined[0])  # "Myinmu People's Defense Force (PDF)"
        if tok.ent_id_.startswith("gaz:") and not local:
            actor = gaz.get(tok.ent_id_[4:])
            if actor is not None and not (defined and names_another(defined[0], actor.id)):
                return self._with_alias(actor.ref(), surface)
        short = self._short_name_of(surface) if etype == EntityType.ARMED_GROUP and not defined else None
        if short is not None:
            return short.ref()  # "the Jaish" after "Jaish-e-Mohammad" (no alias: elsewhere it may be another Jaish)
        names = [defined[0]] if local else [surface] + ([defined[0], defined[1]] if defined else [])
        for name in names:
            actor = gaz.lookup(name)
            if actor is not None and defined and names_another(defined[0], actor.id):
                continue  # "Ambazonia Defence Forces (ADF)": this report's ADF is not the gazetteer's
            if actor is not None and (etype != EntityType.PERSON or actor.type == "person"):
                return self._with_alias(actor.ref(), surface)
        if etype == EntityType.PLACE:
            if not places().lookup(surface) and demonym_country(surface):
                return self.country_of_demonym(tok)
            return self._owned_place(tok, self._place(surface))
        if etype == EntityType.PERSON:
            surface = self._full_person_name(tok, _person_name(surface))
        canonical = defined[0] if defined else surface
        nickname = _nickname(clean_surface(tok.text)) if etype == EntityType.PERSON else None
        aliases = tuple(dict.fromkeys([canonical, surface] + ([defined[1]] if defined else []) +
                                      ([nickname] if nickname else [])))
        if local:  # the acronym is this report's short name for the unit; elsewhere it names the whole group
            aliases = (canonical,)
        return EntityRef(name=canonical, type=etype.value, key=indexed_key(canonical, etype.value, aliases,
                                                                            self.alias_index), aliases=aliases)

    def _described(self, tok: Token, surface: str) -> EntityRef:
        """A group named by description: one per core word and country ("separatists" in Cameroon)."""
        core = tok.ent_id_[len(COLLECTIVE):]
        name = clean_surface((self.doc._.collective_names or {}).get(tok.ent_id_, surface))
        key = f"desc:armed_group:{norm(core)}:{(self._country or 'xx').lower()}"
        return EntityRef(name=name, type=EntityType.ARMED_GROUP.value, key=key,
                         aliases=tuple(dict.fromkeys([name, surface])))

    def _with_alias(self, ref: EntityRef, surface: str) -> EntityRef:
        if norm(surface) in {norm(a) for a in ref.aliases} or surface.lower() in words("descriptive_member_nouns") \
                or surface.split()[-1].lower() in BRANCH_NOUNS:
            return ref  # known, or a bare "dissidents" that would name any group, or "Yemeni faction"
        return EntityRef(name=ref.name, type=ref.type, key=ref.key, aliases=(*ref.aliases, surface),
                         country=ref.country, wikidata=ref.wikidata)

    def place_named(self, surface: str) -> Place | None:
        """The gazetteer's place for a name, read as this document's places are (its country first)."""
        ref = self._place(surface)
        return ref.place if ref is not None else None

    def _place(self, surface: str) -> EntityRef | None:
        place = places().lookup(surface, country=self._country)
        if place is None:  # "eastern Congo", "north-west Pakistan": the direction narrows, the name places
            bare = _DIRECTION.sub("", surface)
            place = places().lookup(bare, country=self._country) if bare != surface else None
        if place is None:
            place = self._facility_town(surface)
        if place is None:
            return EntityRef(name=surface, type=EntityType.PLACE.value, key=f"new:place:{norm(surface)}",
                             aliases=(surface,))
        return EntityRef.of_place(place, surface)

    def _owned_place(self, tok: Token, ref: EntityRef | None) -> EntityRef | None:
        """ "Nigeria's North-East": a place the text gives a country is in that country; a namesake the gazetteer
        has elsewhere (Botswana's North-East district) is not it, and the country stands for it."""
        owners = [c for c in tok.children if c.dep_ == "poss" and c.ent_type_ == "GPE"]
        code = places().country_code(clean_surface(owners[0].text)) if owners else None
        if ref is None or code is None or ref.place is None or ref.place.country in {None, code}:
            return ref
        country = places().lookup(clean_surface(owners[0].text))
        return EntityRef.of_place(country) if country is not None else ref

    def _facility_town(self, surface: str) -> Place | None:
        """ "Quetta Railway Station", "Mogadishu Port": a site named after its town lies in it."""
        name = surface.split()
        if len(name) < 2 or name[-1].lower() not in words("facility_nouns"):
            return None
        for end in range(len(name) - 1, 0, -1):
            place = places().lookup(" ".join(name[:end]), country=self._country)
            if place is not None:
                return place if place.precision in {"city", "district"} else None
        return None

    def _state_actor(self, tok: Token, surface: str) -> str | None:
        """ "the government" in a report on Somalia -> "Somali government"; "Nigerian army" stays."""
        words_ = surface.split()
        noun = words_[-1].lower()
        if noun not in STATE_NOUNS or tok.ent_id_ or len(words_) > 3 or tok.ent_type_ in {"GPE", "LOC", "FAC"}:
            return None  # "Rakhine State", "Borno State" are places
        modifier = " ".join(words_[:-1])
        if modifier and demonym_country(modifier):
            return self._national_force(modifier, noun) or f"{modifier} {noun}"  # "Philippine government"
        code = None
        if modifier:
            code = places().country_code(modifier.removesuffix("'s").removesuffix("’s"))
            if code is None and modifier.lower() not in {"the", "national", "federal", "regular"}:
                return None  # "Lord Resistance Army", "Arakan Army": a name, not the state's army
        code = code or _sole_country_before(tok) or self._country
        adjective = places().adjective(code) if code else None
        return (self._national_force(adjective, noun, code) or f"{adjective} {noun}") if adjective else None

    def state_force(self, branch: str, place: str | None, country: str | None = None) -> EntityRef | None:
        """ "28 soldiers" killed in an attack in `place`: the army (or police) of `country` when the text says
        whose ("Israeli soldiers"), else of that place's country, else of the document's main country; None when
        none is known."""
        found = places().lookup(clean_surface(place), country=self._country) if place and not country else None
        code = country or (found.country if found is not None and found.country else self._country)
        adjective = places().adjective(code) if code else None
        if adjective is None:
            return None
        name = self._national_force(adjective, "police" if branch == "police" else "army", code)
        actor = actors().lookup(name) if name else None
        if actor is not None:
            return actor.ref()
        name = f"{adjective} {'police' if branch == 'police' else 'security forces'}"
        return EntityRef(name=name, type=EntityType.FORCE.value, key=f"new:force:{norm(name)}", aliases=(name,))

    @staticmethod
    def _national_force(adjective: str, noun: str, code: str | None = None) -> str | None:
        """ "Sudanese forces", "the army" in a Sudan report -> the gazetteer's name for that country's army;
        with the country's code, also when the text's adjective is not the gazetteer's ("Filipino troops")."""
        if STATE_NOUNS.get(noun) != "FORCE":
            return None
        branch = "police" if noun in {"police", "policemen"} else "army"
        forms = ("police", "police force") if branch == "police" else ("army", "armed forces", "military", "forces")
        for form in forms:
            actor = actors().lookup(f"{adjective} {form}")
            if actor is not None and actor.type == "force":
                return actor.name
        actor = actors().national_force(code or demonym_country(adjective) or "", branch)
        return actor.name if actor is not None else None

    def country_of_demonym(self, tok: Token) -> EntityRef | None:
        """ "Somali" -> Somalia, "pro-Rwandan" -> Rwanda, for claims that need a place where the text gives an
        adjective."""
        code = demonym_country(tok.text.removeprefix("pro-").removeprefix("Pro-"))
        place = places().country(code) if code else places().area_of_adjective(tok.text)  # ("Central Asian")
        return EntityRef.of_place(place) if place is not None else None

    def _short_name_of(self, surface: str) -> Actor | None:
        """The one known group this document names whose name begins with the one word `surface` ("Jaish" of
        "Jaish-e-Mohammad"), when the gazetteer has no group of that name itself."""
        word = surface.lower().removeprefix("the ")
        if not word.isalpha() or actors().lookup(surface) is not None:
            return None
        found = [a for a in (actors().get(k[4:]) for k in self._known_groups) if a is not None and any(
            re.split(r"[\s\-‐]+", n.lower())[0] == word for n in (a.name, *a.aliases))]
        return found[0] if len(found) == 1 else None

    def _full_person_name(self, tok: Token, name: str) -> str:
        """ "Shahid" -> "Shahidullah Shahid" when that person was named in full earlier."""
        if len(name.split()) > 1:
            return name
        doc = tok.doc
        # "brothers Victor and Jorge Quispe Palomino": a first name sharing the surname of the name it is joined to
        if tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "and" and doc[tok.i + 2].ent_type_ == "PERSON":
            words = _person_name(clean_surface(doc[tok.i + 2].text)).split()
            if len(words) > 1:
                return " ".join([name, *words[1:]])
        low = name.lower()
        for p in self._people:
            if p.i >= tok.i + 50:
                break
            parts = [w.lower() for w in _person_name(clean_surface(p.text)).split()]
            if low in parts:
                return _person_name(clean_surface(p.text))
        return name
