"""Write one document's Extraction inside the caller's transaction.

Nothing here commits: `Store.write` wraps `write_extraction` in a single transaction, so a
failure anywhere (or a killed process) leaves no trace of the document.

Concurrent writers (several processes on one PostgreSQL database) stay correct by construction:
documents, entities and aliases go in with `INSERT ... ON CONFLICT DO NOTHING` against their unique
keys, and the cross-document event merge (a read-then-write no unique key can express) runs under a
transaction-scoped advisory lock, so each writer sees every event committed before its own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, or_, select, text
from sqlalchemy.orm import Session, aliased, selectinload

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


@dataclass
class WriteResult:
    claims: int = 0
    events: int = 0
    new_entities: int = 0


class DuplicateDocumentError(ValueError):
    """The document (same id or same text) is already stored."""


# pg_advisory_xact_lock key serialising the event merge between writers ("dossier" in ASCII)
EVENT_MERGE_LOCK = 0x646F7373696572


def insert_ignore(session: Session, table: Table, values: dict[str, Any], keys: list[str] | None = None) -> int:
    """INSERT one row unless it clashes with a unique key (`keys`, or any when None); 1 if inserted, else 0."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    else:  # pragma: no cover - only SQLite and PostgreSQL are supported
        raise NotImplementedError(f"no upsert for the {dialect} dialect")
    stmt = insert(table).values(**values).on_conflict_do_nothing(index_elements=keys)
    # RETURNING, not rowcount: the driver's rowcount is not reliable for an upsert that did nothing
    stmt = stmt.returning(*table.primary_key.columns)
    return 1 if session.execute(stmt).first() is not None else 0


def lock_event_merge(session: Session) -> None:
    """On PostgreSQL, hold the event-merge lock until this transaction ends (SQLite writers are serial)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": EVENT_MERGE_LOCK})


class EntityUpserter:
    """Find-or-create entities by key within one session, adding aliases as they come.

    Inserts are upserts on the unique `entities.key` and `aliases (entity_id, norm)`, so two writers
    creating the same entity at once end with one row (the second waits for the first, then reuses it).
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self.rows: dict[str, EntityRow] = {}
        self.norms: dict[str, set[str]] = {}
        self.absent: set[str] = set()  # keys not stored when `preload` looked
        self.created = 0

    def preload(self, keys: list[str]) -> None:
        """Fetch the stored entities among `keys` and their alias norms in a few queries, not two per key."""
        keys = [k for k in dict.fromkeys(keys) if k not in self.rows]
        for lo in range(0, len(keys), 500):
            chunk = keys[lo:lo + 500]
            found = {row.key: row for row in self.session.scalars(select(EntityRow).where(EntityRow.key.in_(chunk)))}
            by_id = {row.id: row.key for row in found.values()}
            for key, row in found.items():
                self.rows[key] = row
                self.norms[key] = set()
            for entity_id, norm in self.session.execute(
                    select(AliasRow.entity_id, AliasRow.norm).where(AliasRow.entity_id.in_(list(by_id)))):
                self.norms[by_id[entity_id]].add(norm)
            self.absent.update(k for k in chunk if k not in found)

    def __call__(self, ref: EntityRef) -> EntityRow:
        row = self.rows.get(ref.key)
        if row is None:
            if ref.key not in self.absent:
                row = self.session.scalar(select(EntityRow).where(EntityRow.key == ref.key))
            inserted = 0
            if row is None:
                inserted = insert_ignore(self.session, EntityRow.__table__,
                                         {"key": ref.key, "name": ref.name, "type": str(ref.type)}, ["key"])
                self.created += inserted
                row = self.session.scalars(select(EntityRow).where(EntityRow.key == ref.key)).one()
            self.rows[ref.key] = row
            # a new entity has no aliases yet; else one query for the norms, not the whole alias collection
            self.norms[ref.key] = set() if inserted else set(
                self.session.scalars(select(AliasRow.norm).where(AliasRow.entity_id == row.id)))
        _fill_missing(row, ref)
        self._add_aliases(row, ref)
        return row

    def _add_aliases(self, row: EntityRow, ref: EntityRef) -> None:
        names = [ref.name, *ref.aliases]
        if ref.place is not None:
            names += [ref.place.name, *ref.place.aliases]
        known = self.norms[ref.key]
        for name in names:
            norm = normalize_alias(name) if name else ""
            if norm and norm not in known:
                known.add(norm)
                insert_ignore(self.session, AliasRow.__table__,
                              {"entity_id": row.id, "alias": name.strip(), "norm": norm}, ["entity_id", "norm"])


def _fill_missing(row: EntityRow, ref: EntityRef) -> None:
    """Complete an entity with what this reference knows; never overwrite stored values."""
    place = ref.place
    values = {
        "country": ref.country or (place.country if place else None),
        "wikidata": ref.wikidata,
        "iso": place.iso if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "admin1": place.admin1 if place else None,
        "precision": place.precision if place else None,
    }
    for name, value in values.items():
        if value is not None and getattr(row, name) is None:
            setattr(row, name, value)


def _document_row(doc: Document) -> DocumentRow:
    return DocumentRow(
        id=doc.id, url=doc.url, title=doc.title, publisher=doc.publisher, published=doc.published,
        content_hash=doc.content_hash, source=doc.source, text=doc.text, ingested_at=dt.datetime.now(dt.UTC),
    )


def _check_provenance(doc: Document, prov: Provenance) -> None:
    if prov.doc_id != doc.id:
        raise ValueError(f"provenance names document {prov.doc_id!r} inside the extraction of {doc.id!r}")


def _claim_row(claim: Claim, doc: Document, entity: EntityUpserter) -> ClaimRow:
    if claim.predicate not in PREDICATES:
        raise ValueError(f"unknown predicate {claim.predicate!r}")
    _check_provenance(doc, claim.provenance)
    prov = claim.provenance
    row = ClaimRow(
        subject_id=entity(claim.subject).id, predicate=claim.predicate,
        qualifiers=dict(claim.qualifiers), modality=Modality(claim.modality).value,
        attributed_to=claim.attributed_to, doc_id=prov.doc_id, sentence=prov.sentence, start=prov.start,
        end=prov.end, evidence=prov.evidence, extractor=claim.extractor, confidence=float(claim.confidence),
    )
    if isinstance(claim.obj, EntityRef):
        row.object_id = entity(claim.obj).id
    elif isinstance(claim.obj, dict):
        row.object_literal = dict(claim.obj)
    else:
        raise ValueError(f"claim object must be an EntityRef or a dict, not {type(claim.obj).__name__}")
    return row


def _event_row(session: Session, event: Event, doc: Document, entity: EntityUpserter) -> EventRow:
    """The row of a new event, or the stored event of another document that reports the same happening."""
    _check_provenance(doc, event.provenance)
    prov = event.provenance
    figures = {
        "killed_low": event.killed[0], "killed_high": event.killed[1],
        "injured_low": event.injured[0], "injured_high": event.injured[1],
    }
    place_row = entity(EntityRef.of_place(event.place)) if event.place else None
    perp_ids = [(entity(perp.entity).id, perp.attribution) for perp in event.perpetrators]
    row = same_event(session, event, place_row, {i for i, _ in perp_ids}, doc.id)
    if row is None:
        row = EventRow(
            type=event.type, sub_type=event.sub_type, date=event.date, date_precision=event.date_precision,
            place_entity_id=place_row.id if place_row else None, targets=list(event.targets), **figures,
        )
    else:
        _absorb(row, event, place_row)
    row.sources.append(EventSourceRow(doc_id=prov.doc_id, sentence=prov.sentence, start=prov.start, end=prov.end,
                                      evidence=prov.evidence, **figures))
    if row.id is not None:
        _summarise(row)
    seen: set[tuple[int, str]] = set()
    for entity_id, attribution in perp_ids:
        if (entity_id, attribution) not in seen:
            seen.add((entity_id, attribution))
            row.perpetrators.append(EventPerpetratorRow(entity_id=entity_id, attribution=attribution,
                                                        doc_id=prov.doc_id))
    return row


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
    if precision != "day" or len(date) != 10:
        return [date]
    day = dt.date.fromisoformat(date)
    return [(day + dt.timedelta(days=k)).isoformat() for k in (-1, 0, 1)]


def places_agree(a: EntityRow | None, b: EntityRow | None) -> bool:
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


def same_event(session: Session, event: Event, place: EntityRow | None, perps: set[int],
               doc_id: str) -> EventRow | None:
    """The stored event another document reports that this one is: same day (within one), same place or one
    inside the other, compatible type and perpetrators (overlapping, or one side unknown). Deterministic:
    the best fit, then the oldest."""
    window = date_window(event.date, event.date_precision)
    if not window or place is None:
        return None
    stmt = (select(EventRow).where(EventRow.date.in_(window), EventRow.place_entity_id.is_not(None))
            .options(selectinload(EventRow.sources), selectinload(EventRow.perpetrators),
                     selectinload(EventRow.place))
            .order_by(EventRow.id))
    if place.country:  # places in another country never agree (see places_agree): leave them in the database
        cand_place = aliased(EntityRow)
        stmt = stmt.join(cand_place, EventRow.place_entity_id == cand_place.id).where(
            or_(cand_place.country == place.country, cand_place.country.is_(None)))
    best: tuple | None = None
    for cand in session.scalars(stmt):
        if any(src.doc_id == doc_id for src in cand.sources):
            continue  # the extractor already decided what in this document is one event
        if not types_agree((cand.type, cand.sub_type), (event.type, event.sub_type)):
            continue
        if not places_agree(cand.place, place):
            continue
        theirs = {p.entity_id for p in cand.perpetrators}
        if perps and theirs and not perps & theirs:
            continue
        fit = (cand.place_entity_id != place.id, cand.date != event.date, not perps & theirs, cand.id)
        if best is None or fit < best[0]:
            best = (fit, cand)
    return best[1] if best else None


def _absorb(row: EventRow, event: Event, place: EntityRow | None) -> None:
    """Complete a stored event with what a new report adds: a finer place or date, a more specific type."""
    if place is not None and (row.place is None or _PRECISION_RANK.get(place.precision, 2) < _PRECISION_RANK.get(
            row.place.precision, 2)):
        row.place_entity_id = place.id
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


def _summarise(row: EventRow) -> None:
    """An event's figures summarise its sources; each source keeps its own."""
    srcs = row.sources
    row.killed_low, row.killed_high = _span([s.killed_low for s in srcs], [s.killed_high for s in srcs])
    row.injured_low, row.injured_high = _span([s.injured_low for s in srcs], [s.injured_high for s in srcs])


def _document_values(doc: Document) -> dict[str, Any]:
    row = _document_row(doc)
    return {column.key: getattr(row, column.key) for column in DocumentRow.__table__.columns}


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


def write_extraction(session: Session, extraction: Extraction) -> WriteResult:
    """Add the document and everything read from it to `session` (flushed, not committed).

    Raises DuplicateDocumentError when a document with the same id or text is already stored
    (or being stored by another writer, once that one commits).
    """
    doc = extraction.document
    if not insert_ignore(session, DocumentRow.__table__, _document_values(doc)):
        raise DuplicateDocumentError(f"document {doc.id!r} is already stored")
    # the document row exists from here on: a later failure must roll it back
    entity = EntityUpserter(session)
    # Upsert every entity before the event-merge lock: a writer never waits on another's new entity while
    # holding that lock, and ids still follow the order of first reference.
    refs = referenced_entities(extraction)
    entity.preload([ref.key for ref in refs])
    for ref in refs:
        entity(ref)
    for mention in extraction.mentions:
        session.add(MentionRow(doc_id=doc.id, entity_id=entity(mention.entity).id, start=mention.start,
                               end=mention.end, text=mention.text))
    for claim in extraction.claims:
        session.add(_claim_row(claim, doc, entity))
    if extraction.events:
        session.flush()
        lock_event_merge(session)
    for event in extraction.events:
        session.add(_event_row(session, event, doc, entity))
        session.flush()  # the next event of this document sees this one (and never merges into it)
    session.flush()
    return WriteResult(claims=len(extraction.claims), events=len(extraction.events), new_entities=entity.created)

