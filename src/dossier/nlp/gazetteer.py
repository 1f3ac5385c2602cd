"""Known actors (armed groups, forces, communities, organisations) loaded from data files.

Identity only: names, aliases, kind, country, parent and Wikidata id. The facts about an
actor are never taken from here; they are extracted from text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from dossier.model import EntityRef
from dossier.names import norm

ACTOR_FILES = ("groups.jsonl", "communities.jsonl", "organizations.jsonl")

# spaCy entity labels used for each kind of actor
LABELS = {"armed_group": "ARMED_GROUP", "force": "FORCE", "group": "COMMUNITY", "organization": "ORG"}

# Generic words of a name, often written lower case ("Haqqani network", "Islamic State group")
_GENERIC = {"network", "group", "province", "movement", "front", "army", "forces", "force", "brigade",
            "brigades", "militia", "party", "organisation", "organization", "faction", "branch", "community",
            "muslims", "state", "security", "police", "military", "troops"}
_SMALL = {"of", "the", "and", "in", "for", "al", "e", "ul", "i", "wa", "el", "ad", "ar", "as", "an", "de", "la"}


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    country: str | None
    parent: str | None
    wikidata: str | None

    @property
    def key(self) -> str:
        return f"gaz:{self.id}"

    def ref(self) -> EntityRef:
        return EntityRef(name=self.name, type=self.type, key=self.key, aliases=(self.name, *self.aliases),
                         country=self.country, wikidata=self.wikidata)


# Arabic articles and prepositions that transliterations join to the next word with a space or a hyphen
_PARTICLE_SPACE = re.compile(r"\b(al|el|fi|wal|wa|li|lil|bi|ul) (?=\w)", re.IGNORECASE)
# the Urdu/Arabic "-ul-" (party *of* ...) that some styles join to the word before it
_JOINED_UL = re.compile(r"\b([A-Z][a-z]{3,})ul(?= [A-Z])")
_SPLIT_UL = re.compile(r"\b([A-Z][a-z]{3,})[- ]ul[- ](?=[A-Z])")


def spelling_variants(alias: str) -> set[str]:
    """ "al-Qaeda" is also written "al Qaeda"; "fi Biladis" also "fi-Biladis"; "Qa'ida" also "Qa’ida"; "Islamic
    State Sinai Province" also "IS Sinai Province"; "X in the Y" also "X of Y"; "RSF" also "R.S.F."."""
    out = {alias}
    if re.search(r"\w-\w", alias):
        out.add(re.sub(r"(?<=\w)-(?=\w)", " ", alias))
    if _PARTICLE_SPACE.search(alias):
        out.add(_PARTICLE_SPACE.sub(lambda m: m.group(1) + "-", alias))
    if _JOINED_UL.search(alias):  # "Hizbul Mujahideen" is also "Hizb-ul Mujahideen" and "Hizb ul Mujahideen"
        out |= {_JOINED_UL.sub(r"\1" + sep + "ul", alias) for sep in ("-", " ")}
    if _SPLIT_UL.search(alias):  # and "Hizb-ul-Ahrar" is also "Hizbul Ahrar"
        out.add(_SPLIT_UL.sub(r"\1ul ", alias))
    if alias.startswith("Islamic State ") and alias.endswith(" Province"):  # "IS West Africa Province"
        out |= {"IS " + alias[len("Islamic State "):], "ISIS " + alias[len("Islamic State "):]}
    if " in the " in alias:  # "Islamic State in the Greater Sahara" is also "Islamic State of Greater Sahara"
        out |= {alias.replace(" in the ", f" {p} ", 1) for p in ("of the", "of", "in")}
    if re.fullmatch(r"[A-Z]{2,5}", alias):  # "RSF" is also "R.S.F." in some house styles
        out.add(".".join(alias) + ".")
    if re.fullmatch(r"[A-Z]{1,5}-?\d{1,3}", alias):  # "MS-13" is also "MS13"; "M23" also "M-23"
        out |= {alias.replace("-", ""), re.sub(r"(?<=[A-Z])(?=\d)", "-", alias.replace("-", ""))}
    for form in list(out):
        if "'" in form or "’" in form:
            out |= {form.replace("'", "’"), form.replace("’", "'"), form.replace("'", "‘").replace("’", "‘")}
    return out


def surface_variants(alias: str) -> set[str]:
    """Casings and spellings that news text uses for one alias."""
    out = {alias, alias[:1].upper() + alias[1:]}
    if re.fullmatch(r"[A-Z]{5,}", alias):  # "CODECO" is "Codeco" in house styles that write spoken acronyms so
        out.add(alias.capitalize())
    words = alias.split(" ")
    if len(words) > 1:
        out.add(" ".join(w if w.lower() in _SMALL or w.isupper() else w[:1].upper() + w[1:] for w in words))
        out.add(" ".join(w.lower() if w.lower() in _GENERIC and i > 0 else w for i, w in enumerate(words)))
    province = re.fullmatch(r"(?:Islamic State )?(.+) Province", alias)
    if province:  # "Sinai Province" is also the "Province of Sinai"
        out.add(f"Province of {province.group(1)}")
    return out


class ActorGazetteer:
    def __init__(self, actors: list[Actor]):
        self.actors = {a.id: a for a in actors}
        self._forces: dict[str, list[Actor]] = {}  # country -> its top-level state forces
        for a in actors:
            if a.type == "force" and a.country and a.parent is None:
                self._forces.setdefault(a.country, []).append(a)
        self._by_norm: dict[str, Actor] = {}
        self._namesakes: dict[str, list[Actor]] = {}  # a name several entries answer to: "Jundallah"
        for a in actors:
            for alias in (a.name, *a.aliases):
                key = norm(alias)
                first = self._by_norm.setdefault(key, a)
                if first is not a and a not in self._namesakes.setdefault(key, [first]):
                    self._namesakes[key].append(a)

    def namesakes(self, name: str) -> list[Actor]:
        """The entries a name is shared by, in different countries (none when it names one)."""
        return self._namesakes.get(norm(name), [])

    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def lookup(self, name: str) -> Actor | None:
        return self._by_norm.get(norm(name))

    def national_force(self, country: str, branch: str) -> Actor | None:
        """A country's army (or police): the force of that country whose names say so, e.g.
        ("PH", "army") -> Armed Forces of the Philippines, whatever adjective the text used."""
        words = ("police",) if branch == "police" else ("army", "armed forces", "military", "defence force",
                                                         "defense force")
        for word in words:
            for a in self._forces.get(country, ()):
                if any(word in name.lower() for name in (a.name, *a.aliases)):
                    return a
        return None

    def branches(self, parent_id: str, country: str) -> list[Actor]:
        """The entries under `parent_id` based in `country` (al-Qaeda, YE -> AQAP)."""
        return [a for a in self.actors.values() if a.parent == parent_id and a.country == country]

    def parent_of(self, actor: Actor) -> Actor | None:
        return self.actors.get(actor.parent) if actor.parent else None

    def ruler_patterns(self, multiword: bool = False) -> Iterator[dict]:
        """Patterns for the entity ruler; `multiword` gives the long names only, for case-blind matching."""
        for a in self.actors.values():
            label = LABELS.get(a.type, "ORG")
            for alias in {v for name in (a.name, *a.aliases) for v in spelling_variants(name)}:
                if multiword:
                    # (a short acronym needs its case: "IS Somalia" is no name in "is Somalia's largest group")
                    if len(re.findall(r"\w+", alias)) >= 2 and len(alias) >= 8 and \
                            not any(w.isupper() and len(w) == 2 for w in re.findall(r"\w+", alias)):
                        yield {"label": label, "pattern": alias.lower(), "id": a.key}
                    continue
                for surface in surface_variants(alias):
                    if len(surface) >= 2:
                        yield {"label": label, "pattern": surface, "id": a.key}


def _read_jsonl(name: str) -> list[Actor]:
    path = resources.files("dossier.data") / name
    if not path.is_file():
        return []
    actors = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        actors.append(Actor(id=row["id"], name=row["name"], type=row["type"],
                            aliases=tuple(row.get("aliases") or ()), country=row.get("country"),
                            parent=row.get("parent"), wikidata=row.get("wikidata")))
    return actors


@cache
def actors() -> ActorGazetteer:
    """The gazetteer of known actors, loaded once."""
    return ActorGazetteer([a for f in ACTOR_FILES for a in _read_jsonl(f)])
