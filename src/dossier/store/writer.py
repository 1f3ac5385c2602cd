"""Write documents' Extractions inside the caller's transaction, a batch at a time, in bulk.

Nothing here commits: `Store.write` and `Store.write_many` wrap `write_batch` in a single transaction, so
a failure anywhere (or a killed process) leaves no trace of the batch. Rows go in with SQLAlchemy Core
bulk statements (multi-row INSERT, executemany), a few statements per table and batch rather than a few
per row: documents, entities and aliases as multi-row `INSERT ... ON CONFLICT DO NOTHING`, mentions,
claims, event sources and perpetrators as one executemany each. Ids still follow the order in which a
one-document-at-a-time writer would have created the rows (documents in order, references in order).

Concurrent writers (several processes on one PostgreSQL database) stay correct by construction:
documents, entities and aliases go in as upserts against their unique keys, entity columns are only
completed (`COALESCE`), never overwritten, and the cross-document event merge (a read-then-write no
unique key can express) runs under a transaction-scoped advisory lock, so each writer sees every event
committed before its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import JSON, Connection, Insert, Table, bindparam, func, or_, select, text, update
from sqlalchemy.orm import Session

from dossier.model import PREDICATES, Claim, Document, EntityRef, Event, Extraction, Modality, Provenance

from .normalize import normalize_alias
from .schema import (
    AliasRow,
    ClaimRow,
    DocumentRow,
    EntityRow,
    EventPerpetratorRow,
    EventRow,
    EventSourceRow,
    MentionRow,
)

DOCUMENTS = cast(Table, DocumentRow.__table__)
ENTITIES = cast(Table, EntityRow.__table__)
ALIASES = cast(Table, AliasRow.__table__)
MENTIONS = cast(Table, MentionRow.__table__)
CLAIMS = cast(Table, ClaimRow.__table__)
EVENTS = cast(Table, EventRow.__table__)
EVENT_SOURCES = cast(Table, EventSourceRow.__table__)
EVENT_PERPETRATORS = cast(Table, EventPerpetratorRow.__table__)

# entity columns a reference can complete (never overwrite)
FILL_COLUMNS = ("country", "wikidata", "iso", "lat", "lon", "admin1", "precision")
FIGURES = ("killed_low", "killed_high", "injured_low", "injured_high")
_CHUNK = 500  # keys per IN (...) list


@dataclass
class WriteResult:
    claims: int = 0
    events: int = 0
    new_entities: int = 0


class DuplicateDocumentError(ValueError):
    """The document (same id or same text) is already stored."""


# pg_advisory_xact_lock key serialising the event merge between writers ("dossier" in ASCII)
EVENT_MERGE_LOCK = 0x646F7373696572


def upsert(conn: Connection, table: Table) -> Insert:
    """The dialect's INSERT, which has `on_conflict_do_nothing` (SQLite and PostgreSQL)."""
    dialect = conn.dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    else:  # pragma: no cover - only SQLite and PostgreSQL are supported
        raise NotImplementedError(f"no upsert for the {dialect} dialect")
    return insert(table)


def lock_event_merge(conn: Connection) -> None:
    """On PostgreSQL, hold the event-merge lock until this transaction ends (SQLite writers are serial)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": EVENT_MERGE_LOCK})


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterable[Sequence[Any]]:
    for lo in range(0, len(items), size):
        yield items[lo:lo + size]


# ---------------------------------------------------------------- entities and aliases

@dataclass
class StoredEntity:
    """What the writer knows of one stored entity: its id, the columns a reference may complete (which the
    event merge compares places by) and its alias norms."""

    id: int
    key: str
    country: str | None = None
    wikidata: str | None = None
    iso: str | None = None
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    precision: str | None = None
    norms: set[str] = field(default_factory=set)


def _ref_values(ref: EntityRef) -> dict[str, Any]:
    """The entity columns a reference knows."""
    place = ref.place
    return {
        "country": ref.country or (place.country if place else None),
        "wikidata": ref.wikidata,
        "iso": place.iso if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "admin1": place.admin1 if place else None,
        "precision": place.precision if place else None,
    }


def _ref_names(ref: EntityRef) -> list[str]:
    names = [ref.name, *ref.aliases]
    if ref.place is not None:
        names += [ref.place.name, *ref.place.aliases]
    return names


class EntityBatch:
    """Find-or-create the entities of a batch of documents by key, with their aliases, in a few statements.

    Inserts are upserts on the unique `entities.key` and `aliases (entity_id, norm)`, so two writers
    creating the same entity at once end with one row (the second waits for the first, then reuses it).
    """

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.by_key: dict[str, StoredEntity] = {}

    def _load(self, keys: Sequence[str]) -> None:
        """Fetch the stored entities among `keys` and their alias norms."""
        cols = [ENTITIES.c.id, ENTITIES.c.key, *(ENTITIES.c[c] for c in FILL_COLUMNS)]
        for chunk in _chunks(keys):
            found = {row.id: StoredEntity(**row._asdict())
                     for row in self.conn.execute(select(*cols).where(ENTITIES.c.key.in_(chunk)))}
            for entity_id, norm in self.conn.execute(
                    select(ALIASES.c.entity_id, ALIASES.c.norm).where(ALIASES.c.entity_id.in_(list(found)))):
                found[entity_id].norms.add(norm)
            self.by_key.update((e.key, e) for e in found.values())

    def upsert(self, refs: Sequence[EntityRef]) -> set[str]:
        """Make sure every entity `refs` name is stored, completed and has its aliases, in reference order
        (new ids follow the order of first reference); returns the keys this call created."""
        first: dict[str, EntityRef] = {}
        fill: dict[str, dict[str, Any]] = {}
        for ref in refs:
            values = fill.setdefault(ref.key, dict.fromkeys(FILL_COLUMNS))
            first.setdefault(ref.key, ref)
            for col, value in _ref_values(ref).items():
                if value is not None and values[col] is None:
                    values[col] = value
        self._load([k for k in first if k not in self.by_key])
        missing = [k for k in first if k not in self.by_key]
        created: set[str] = set()
        if missing:
            rows = [{"key": k, "name": first[k].name, "type": str(first[k].type), **fill[k]} for k in missing]
            stmt = upsert(self.conn, ENTITIES).on_conflict_do_nothing(index_elements=["key"]).returning(
                ENTITIES.c.id, ENTITIES.c.key)
            # RETURNING, not rowcount: only the rows this statement inserted come back
            for entity_id, key in self.conn.execute(stmt, rows):
                self.by_key[key] = StoredEntity(id=entity_id, key=key, **fill[key])
                created.add(key)
            self._load([k for k in missing if k not in created])  # stored meanwhile by another writer
        self._complete({k: v for k, v in fill.items() if k not in created})
        self._add_aliases(refs)
        return created

    def _complete(self, fill: dict[str, dict[str, Any]]) -> None:
        """Fill stored entities' empty columns from what the references know (COALESCE: a column another
        writer filled meanwhile keeps its value)."""
        params = []
        for key, values in fill.items():
            entity = self.by_key[key]
            gained = {c: v for c, v in values.items() if v is not None and getattr(entity, c) is None}
            if gained:
                for col, value in gained.items():
                    setattr(entity, col, value)
                params.append({"eid": entity.id, **{f"v_{c}": gained.get(c) for c in FILL_COLUMNS}})
        if params:
            stmt = update(ENTITIES).where(ENTITIES.c.id == bindparam("eid")).values(
                {c: func.coalesce(ENTITIES.c[c], bindparam(f"v_{c}", type_=ENTITIES.c[c].type))
                 for c in FILL_COLUMNS})
            self.conn.execute(stmt, params)

    def _add_aliases(self, refs: Sequence[EntityRef]) -> None:
        rows = []
        for ref in refs:
            entity = self.by_key[ref.key]
            for name in _ref_names(ref):
                norm = normalize_alias(name) if name else ""
                if norm and norm not in entity.norms:
                    entity.norms.add(norm)
                    rows.append({"entity_id": entity.id, "alias": name.strip(), "norm": norm})
        if rows:
            self.conn.execute(upsert(self.conn, ALIASES).on_conflict_do_nothing(
                index_elements=["entity_id", "norm"]), rows)


# ---------------------------------------------------------------- rows of one document

def _document_values(doc: Document) -> dict[str, Any]:
    return {"id": doc.id, "url": doc.url, "title": doc.title, "publisher": doc.publisher,
            "published": doc.published, "content_hash": doc.content_hash, "source": doc.source, "text": doc.text,
            "ingested_at": dt.datetime.now(dt.UTC)}


def _check_provenance(doc: Document, prov: Provenance) -> None:
    if prov.doc_id != doc.id:
        raise ValueError(f"provenance names document {prov.doc_id!r} inside the extraction of {doc.id!r}")


def check_extraction(extraction: Extraction) -> None:
    """Raise ValueError for what the schema cannot store: an unknown predicate, a foreign provenance."""
    doc = extraction.document
    for claim in extraction.claims:
        if claim.predicate not in PREDICATES:
            raise ValueError(f"unknown predicate {claim.predicate!r}")
        if not isinstance(claim.obj, EntityRef | dict):
            raise ValueError(f"claim object must be an EntityRef or a dict, not {type(claim.obj).__name__}")
        _check_provenance(doc, claim.provenance)
    for event in extraction.events:
        _check_provenance(doc, event.provenance)


def _claim_values(claim: Claim, ids: dict[str, StoredEntity]) -> dict[str, Any]:
    prov = claim.provenance
    obj = claim.obj
    return {
        "subject_id": ids[claim.subject.key].id, "predicate": claim.predicate,
        "object_id": ids[obj.key].id if isinstance(obj, EntityRef) else None,
        "object_literal": dict(obj) if isinstance(obj, dict) else None,
        "qualifiers": dict(claim.qualifiers), "modality": Modality(claim.modality).value,
        "attributed_to": claim.attributed_to, "doc_id": prov.doc_id, "sentence": prov.sentence,
        "start": prov.start, "end": prov.end, "evidence": prov.evidence, "extractor": claim.extractor,
        "confidence": float(claim.confidence),
    }


# an entity object is SQL NULL in object_literal, not JSON null (what an unset ORM attribute gave)
_INSERT_CLAIMS = CLAIMS.insert().values(object_literal=bindparam("object_literal", type_=JSON(none_as_null=True)))


def referenced_entities(extraction: Extraction) -> list[EntityRef]:
    """Every entity reference of an extraction, in the order the writer first meets them."""
    refs = [mention.entity for mention in extraction.mentions]
    for claim in extraction.claims:
        refs.append(claim.subject)
        if isinstance(claim.obj, EntityRef):
            refs.append(claim.obj)
    for event in extraction.events:
        if event.place:
            refs.append(EntityRef.of_place(event.place))
        refs.extend(perp.entity for perp in event.perpetrators)
    return refs


# ---------------------------------------------------------------- the batch

def _insert_documents(conn: Connection, docs: Sequence[Document]) -> list[bool]:
    """Insert the documents not stored yet (by id or text); True for each one this call inserted."""
    stmt = upsert(conn, DOCUMENTS).on_conflict_do_nothing().returning(DOCUMENTS.c.id)
    inserted = set(conn.execute(stmt, [_document_values(d) for d in docs]).scalars())
    fresh = []
    for doc in docs:
        fresh.append(doc.id in inserted)
        inserted.discard(doc.id)  # the same id again later in the batch is a duplicate
    return fresh


def write_batch(session: Session, extractions: Sequence[Extraction]) -> list[WriteResult | None]:
    """Add documents and everything read from them to `session`'s transaction (not committed), in order;
    None for a document already stored (same id or text), or stored by another writer once that one commits.

    Raises ValueError (before writing anything) for an extraction the schema cannot store."""
    for extraction in extractions:
        check_extraction(extraction)
    if not extractions:
        return []
    conn = session.connection()
    fresh = _insert_documents(conn, [e.document for e in extractions])
    kept = [e for e, new in zip(extractions, fresh, strict=True) if new]
    refs_by_doc = [referenced_entities(e) for e in kept]
    entities = EntityBatch(conn)
    # every entity before the event-merge lock: a writer never waits on another's new entity while holding it
    created = entities.upsert([ref for refs in refs_by_doc for ref in refs])
    ids = entities.by_key
    mentions = [{"doc_id": e.document.id, "entity_id": ids[m.entity.key].id, "start": m.start, "end": m.end,
                 "text": m.text} for e in kept for m in e.mentions]
    if mentions:
        conn.execute(MENTIONS.insert(), mentions)
    claims = [_claim_values(c, ids) for e in kept for c in e.claims]
    if claims:
        conn.execute(_INSERT_CLAIMS, claims)
    if any(e.events for e in kept):
        lock_event_merge(conn)
        merger = EventMerger(conn, ids)
        for extraction in kept:
            for event in extraction.events:
                merger.add(event)
        merger.flush()
    results: list[WriteResult | None] = []
    kept_iter = iter(zip(kept, refs_by_doc, strict=True))
    for new in fresh:
        if not new:
            results.append(None)
            continue
        extraction, refs = next(kept_iter)
        mine = {ref.key for ref in refs} & created
        created -= mine  # a new entity counts for the first document that names it
        results.append(WriteResult(claims=len(extraction.claims), events=len(extraction.events),
                                   new_entities=len(mine)))
    return results


def write_extraction(session: Session, extraction: Extraction) -> WriteResult:
    """`write_batch` of one document; raises DuplicateDocumentError when it is already stored."""
    [result] = write_batch(session, [extraction])
    if result is None:
        raise DuplicateDocumentError(f"document {extraction.document.id!r} is already stored")
    return result


# ---------------------------------------------------------------- one event, several reports

_FAMILY = {"explosions_remote_violence": "explosion", "battles": "battle", "strategic_development": "strategic",
           "violence_against_civilians": "violence", "protests": "protest", "riots": "protest"}
_PRECISION_RANK = {"site": 0, "city": 0, "district": 1, "unknown": 2, None: 2, "area": 3, "region": 3, "country": 4}


def _family(type_: str, sub_type: str) -> str:
    if type_ == "violence_against_civilians" and sub_type == "attack":
        return "attack"  # an attack of no stated kind: a bombing, a clash or a massacre
    return _FAMILY.get(type_, type_)


def types_agree(a: tuple[str, str], b: tuple[str, str]) -> bool:
    fa, fb = _family(*a), _family(*b)
    if "strategic" in (fa, fb) or "protest" in (fa, fb):
        return fa == fb
    return fa == fb or "attack" in (fa, fb)


def date_window(date: str | None, precision: str | None) -> list[str]:
    """The stored dates that can be the same day: the day itself and one either side."""
    if not date:
        return []
    if precision not in {"day", "week"} or len(date) != 10:
        return [date]
    day = dt.date.fromisoformat(date)
    # "week": a report's publication day standing for an attack it names no day for, in the days before
    return [(day + dt.timedelta(days=k)).isoformat() for k in (range(-7, 2) if precision == "week" else (-1, 0, 1))]


def places_agree(a: StoredEntity | None, b: StoredEntity | None) -> bool:
    """The same place, or one inside the other: same first-level region, or a country and a place in it."""
    if a is None or b is None:
        return False  # an unplaced report is too thin to join another's event
    if a.id == b.id:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if "country" in (a.precision, b.precision):
        return bool(a.country) and a.country == b.country
    return bool(a.iso) and a.iso == b.iso or bool(a.admin1) and a.admin1 == b.admin1


@dataclass
class StoredEvent:
    """An event as the merge sees it: its row, its place, and its sources' documents and figures.

    `id` is None for an event of this batch not inserted yet; `order` ranks events oldest first (the
    id of a stored event; after every stored one, in creation order, for a new one)."""

    id: int | None
    order: int
    type: str
    sub_type: str
    date: str | None
    date_precision: str | None
    place: StoredEntity
    targets: list[str]
    figures: dict[str, int | None]
    sources: list[tuple[str, dict[str, int | None]]] = field(default_factory=list)  # (doc id, figures)
    perpetrators: set[int] = field(default_factory=set)

    def values(self) -> dict[str, Any]:
        return {"type": self.type, "sub_type": self.sub_type, "date": self.date,
                "date_precision": self.date_precision, "place_entity_id": self.place.id if self.place else None,
                "targets": self.targets, **self.figures}


_CAND_PLACE = ENTITIES.alias("cand_place")
_CANDIDATES = (select(EVENTS.c.id, EVENTS.c.type, EVENTS.c.sub_type, EVENTS.c.date, EVENTS.c.date_precision,
                      EVENTS.c.targets, *(EVENTS.c[f] for f in FIGURES), _CAND_PLACE.c.id.label("place_id"),
                      _CAND_PLACE.c.key, *(_CAND_PLACE.c[c] for c in FILL_COLUMNS))
               .join_from(EVENTS, _CAND_PLACE, EVENTS.c.place_entity_id == _CAND_PLACE.c.id)
               .where(EVENTS.c.date.in_(bindparam("window", expanding=True))).order_by(EVENTS.c.id))
# places in another country never agree (see places_agree): leave them in the database
_CANDIDATES_IN_COUNTRY = _CANDIDATES.where(or_(_CAND_PLACE.c.country == bindparam("country"),
                                               _CAND_PLACE.c.country.is_(None)))
_EVENT_COLUMNS = ("type", "sub_type", "date", "date_precision", "place_entity_id", "targets", *FIGURES)
_UPDATE_EVENT = update(EVENTS).where(EVENTS.c.id == bindparam("eid")).values(
    {c: bindparam(f"v_{c}", type_=EVENTS.c[c].type) for c in _EVENT_COLUMNS})
_NEW = 1 << 62  # `order` of new events starts here, past any stored id


class EventMerger:
    """Adds a batch's events in order, each either new or merged into the event it reports (see
    `same_event`), then writes them all in bulk (`flush`). Call under the merge lock.

    The events this batch created or touched are followed here, so the later events of the batch see
    them as they now are; the database is asked only about the events stored before the batch."""

    def __init__(self, conn: Connection, entities: dict[str, StoredEntity]) -> None:
        self.conn, self.entities = conn, entities
        self.followed: dict[int, StoredEvent] = {}  # by order: stored events fetched, and new events
        self.new: list[StoredEvent] = []
        self.changed: dict[int, StoredEvent] = {}  # stored events a report of this batch joined
        self.sources: list[tuple[StoredEvent, dict[str, Any]]] = []
        self.perpetrators: list[tuple[StoredEvent, dict[str, Any]]] = []

    def add(self, event: Event) -> None:
        prov = event.provenance
        figures = dict(zip(FIGURES, (*event.killed, *event.injured), strict=True))
        place = self.entities[EntityRef.of_place(event.place).key] if event.place else None
        perps = list(dict.fromkeys((self.entities[p.entity.key].id, p.attribution) for p in event.perpetrators))
        row = self.same_event(event, place, {i for i, _ in perps}, prov.doc_id)
        if row is None:
            row = StoredEvent(id=None, order=_NEW + len(self.new), type=event.type, sub_type=event.sub_type,
                              date=event.date, date_precision=event.date_precision,
                              place=place, targets=list(event.targets),  # type: ignore[arg-type]
                              figures=dict(figures), sources=[(prov.doc_id, figures)])
            self.new.append(row)
            if place is not None:  # an unplaced event is never a candidate: no need to follow it
                self.followed[row.order] = row
        else:
            _absorb(row, event, place)
            row.sources.append((prov.doc_id, figures))
            _summarise(row)
            if row.id is not None:
                self.changed[row.id] = row
        row.perpetrators.update(i for i, _ in perps)
        self.sources.append((row, {"doc_id": prov.doc_id, "sentence": prov.sentence, "start": prov.start,
                                   "end": prov.end, "evidence": prov.evidence, **figures}))
        self.perpetrators.extend((row, {"entity_id": entity_id, "attribution": attribution, "doc_id": prov.doc_id})
                                 for entity_id, attribution in perps)

    def same_event(self, event: Event, place: StoredEntity | None, perps: set[int],
                   doc_id: str) -> StoredEvent | None:
        """The event another document reports that this one is: same day (within one), same place or one
        inside the other, compatible type and perpetrators (overlapping, or one side unknown).
        Deterministic: the best fit, then the oldest."""
        window = date_window(event.date, event.date_precision)
        if not window or place is None:
            return None
        best: tuple | None = None
        for cand in self._candidates(window, place, (event.type, event.sub_type)):
            if any(src_doc == doc_id for src_doc, _ in cand.sources):
                continue  # the extractor already decided what in this document is one event
            theirs = cand.perpetrators
            if perps and theirs and not perps & theirs:
                continue
            fit = (cand.place.id != place.id, cand.date != event.date, not perps & theirs, cand.order)
            if best is None or fit < best[0]:
                best = (fit, cand)
        return best[1] if best else None

    def _candidates(self, window: list[str], place: StoredEntity, kind: tuple[str, str]) -> list[StoredEvent]:
        """Events on a day of `window`, of a type and at a place that agree with the new report's."""

        def agrees(cand: StoredEvent) -> bool:
            return types_agree((cand.type, cand.sub_type), kind) and places_agree(cand.place, place)

        stmt = _CANDIDATES_IN_COUNTRY if place.country else _CANDIDATES
        fetched: dict[int, StoredEvent] = {}
        for row in self.conn.execute(stmt, {"window": window, "country": place.country}).mappings():
            if row["id"] in self.followed:
                continue  # as this batch left it, below
            cand = StoredEvent(
                id=row["id"], order=row["id"], type=row["type"], sub_type=row["sub_type"], date=row["date"],
                date_precision=row["date_precision"], targets=list(row["targets"] or []),
                figures={f: row[f] for f in FIGURES},
                place=StoredEntity(id=row["place_id"], key=row["key"], **{c: row[c] for c in FILL_COLUMNS}))
            if agrees(cand):
                fetched[cand.id] = cand  # type: ignore[index]
        if fetched:
            ids = list(fetched)
            for event_id, doc_id, *figures in self.conn.execute(
                    select(EVENT_SOURCES.c.event_id, EVENT_SOURCES.c.doc_id, *(EVENT_SOURCES.c[f] for f in FIGURES))
                    .where(EVENT_SOURCES.c.event_id.in_(ids)).order_by(EVENT_SOURCES.c.id)):
                fetched[event_id].sources.append((doc_id, dict(zip(FIGURES, figures, strict=True))))
            for event_id, entity_id in self.conn.execute(
                    select(EVENT_PERPETRATORS.c.event_id, EVENT_PERPETRATORS.c.entity_id)
                    .where(EVENT_PERPETRATORS.c.event_id.in_(ids))):
                fetched[event_id].perpetrators.add(entity_id)
        followed = [cand for cand in self.followed.values()
                    if cand.date in window and (not place.country or cand.place.country in (place.country, None))
                    and agrees(cand)]
        self.followed.update(fetched)  # from now on this batch keeps them up to date
        return [*fetched.values(), *followed]

    def flush(self) -> None:
        """Insert the new events, update the stored ones reports joined, insert every source and perpetrator."""
        if self.new:
            stmt = EVENTS.insert().returning(EVENTS.c.id, sort_by_parameter_order=True)
            ids = self.conn.execute(stmt, [ev.values() for ev in self.new]).scalars().all()
            for ev, event_id in zip(self.new, ids, strict=True):
                ev.id = event_id
        if self.changed:
            self.conn.execute(_UPDATE_EVENT, [{"eid": ev.id, **{f"v_{c}": v for c, v in ev.values().items()}}
                                              for ev in self.changed.values()])
        if self.sources:
            self.conn.execute(EVENT_SOURCES.insert(), [{"event_id": ev.id, **v} for ev, v in self.sources])
        if self.perpetrators:
            self.conn.execute(EVENT_PERPETRATORS.insert(), [{"event_id": ev.id, **v} for ev, v in self.perpetrators])
        self.new, self.changed, self.sources, self.perpetrators = [], {}, [], []


def _absorb(row: StoredEvent, event: Event, place: StoredEntity | None) -> None:
    """Complete a stored event with what a new report adds: a finer place or date, a more specific type."""
    if place is not None and _PRECISION_RANK.get(place.precision, 2) < _PRECISION_RANK.get(row.place.precision, 2):
        row.place = place
    if event.date and (not row.date or len(event.date) > len(row.date)):
        row.date, row.date_precision = event.date, event.date_precision
    if _family(row.type, row.sub_type) == "attack" and _family(event.type, event.sub_type) != "attack":
        row.type, row.sub_type = event.type, event.sub_type
    row.targets = list(dict.fromkeys([*(row.targets or []), *event.targets]))


def _span(lows: list[int | None], highs: list[int | None]) -> tuple[int | None, int | None]:
    """One figure for several reports: the highest floor any source gives, and a ceiling only if all give one."""
    known = [x for x in lows if x is not None]
    if not known:
        return None, (max(h for h in highs if h is not None) if any(h is not None for h in highs) else None)
    low = max(known)
    if any(h is None for lo, h in zip(lows, highs, strict=True) if lo is not None):
        return low, None
    return low, max([low, *(h for h in highs if h is not None)])


def _summarise(row: StoredEvent) -> None:
    """An event's figures summarise its sources; each source keeps its own."""
    figs = [f for _, f in row.sources]
    row.figures["killed_low"], row.figures["killed_high"] = _span(
        [f["killed_low"] for f in figs], [f["killed_high"] for f in figs])
    row.figures["injured_low"], row.figures["injured_high"] = _span(
        [f["injured_low"] for f in figs], [f["injured_high"] for f in figs])
