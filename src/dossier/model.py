"""Plain data shared by every stage: documents in, entities, claims and events out.

Nothing here touches spaCy or the database, so each stage can be tested on its own.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Modality(StrEnum):
    """How a claim is stated in the text."""

    ASSERTED = "asserted"  # said as fact
    REPORTED = "reported"  # "reportedly", "according to", "is said to"
    CLAIMED = "claimed"  # "claimed responsibility", the group's own word
    ALLEGED = "alleged"  # "blamed", "accused", "suspected"
    DENIED = "denied"  # "denied", negation
    HYPOTHETICAL = "hypothetical"  # "could", "may", "if"


class EntityType(StrEnum):
    ARMED_GROUP = "armed_group"
    FORCE = "force"  # state armed forces, police, foreign troops
    PERSON = "person"
    ORGANIZATION = "organization"  # think tanks, agencies, governments, NGOs
    GROUP = "group"  # communities and categories of people: "Shia Muslims", "aid workers"
    PLACE = "place"


PREDICATES = (
    "part_of", "split_from", "founded", "size", "based_in", "active_in", "leader",
    "member_of", "role", "linked_to", "opposes", "targets", "recruits_from", "ideology",
)
SYMMETRIC_PREDICATES = frozenset({"linked_to", "opposes"})


@dataclass
class Document:
    """One text to read, with what is known of where it came from."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    source: str | None = None  # file path (and line) it was read from

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.strip().encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Place:
    """A geocoded place from the offline gazetteer."""

    name: str
    country: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None  # first-level region name
    iso: str | None = None  # ISO 3166-2 code of the region, or the country code
    lat: float | None = None
    lon: float | None = None
    precision: str = "city"  # site | city | district | region | country
    aliases: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return f"place:{self.iso or self.country or ''}:{self.name.casefold()}"


@dataclass(frozen=True)
class EntityRef:
    """An entity as one document names it; `key` is what resolution merges on."""

    name: str
    type: str
    key: str  # gazetteer id ("gaz:Q1234"/"gaz:slug"), or "new:<type>:<normalised name>"
    aliases: tuple[str, ...] = ()
    country: str | None = None
    wikidata: str | None = None
    place: Place | None = None

    @classmethod
    def of_place(cls, place: Place, *also: str) -> EntityRef:
        """The entity a geocoded place is; `also` adds the text's own spelling to its aliases."""
        aliases = tuple(dict.fromkeys([place.name, *also, *place.aliases]))
        return cls(name=place.name, type=EntityType.PLACE.value, key=place.key, aliases=aliases,
                   country=place.country, place=place)


@dataclass(frozen=True)
class Provenance:
    """Where in which document a claim is stated."""

    doc_id: str
    sentence: int  # index of the sentence in the document
    start: int  # character span of the evidence in the document text
    end: int
    evidence: str  # the sentence


@dataclass
class Claim:
    """(subject, predicate, object) with how and where it is stated.

    `obj` is an EntityRef, or a literal dict: {"date": "2015-01"}, {"value": 3000},
    {"low": 1500, "high": 2200}, {"text": "..."}.
    """

    subject: EntityRef
    predicate: str
    obj: EntityRef | dict[str, Any]
    provenance: Provenance
    modality: Modality = Modality.ASSERTED
    attributed_to: str | None = None
    qualifiers: dict[str, Any] = field(default_factory=dict)
    extractor: str = ""
    confidence: float = 0.5


@dataclass
class Perpetrator:
    entity: EntityRef
    attribution: str  # claimed | blamed | suspected | stated


@dataclass
class Event:
    """Something that happened once: an attack, a clash, a takeover."""

    type: str  # ACLED event type
    sub_type: str
    provenance: Provenance
    date: str | None = None  # ISO, as precise as known
    date_precision: str | None = None  # day | week (publication day, text naming none) | month | year
    place: Place | None = None
    perpetrators: list[Perpetrator] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    killed: tuple[int | None, int | None] = (None, None)  # low, high
    injured: tuple[int | None, int | None] = (None, None)
    trigger: str = ""


@dataclass
class Mention:
    """A span of a document naming an entity."""

    entity: EntityRef
    start: int
    end: int
    text: str


@dataclass
class Extraction:
    """Everything read from one document, ready to be stored in one transaction."""

    document: Document
    mentions: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
