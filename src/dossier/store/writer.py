"""Write one document's Extraction inside the caller's transaction.

Nothing here commits: `Store.write` wraps `write_extraction` in a single transaction, so a
failure anywhere (or a killed process) leaves no trace of the document.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from dossier.model import PREDICATES, Claim, Document, EntityRef, Event, Extraction, Modality, Place, Provenance

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


def place_ref(place: Place) -> EntityRef:
    """The entity a geocoded place is stored as."""
    return EntityRef(name=place.name, type="place", key=place.key, aliases=place.aliases,
                     country=place.country, place=place)


class EntityUpserter:
    """Find-or-create entities by key within one session, adding aliases as they come."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.rows: dict[str, EntityRow] = {}
        self.norms: dict[str, set[str]] = {}
        self.created = 0

    def __call__(self, ref: EntityRef) -> EntityRow:
        row = self.rows.get(ref.key)
        if row is None:
            row = self.session.scalar(select(EntityRow).where(EntityRow.key == ref.key))
            if row is None:
                row = EntityRow(key=ref.key, name=ref.name, type=str(ref.type))
                self.session.add(row)
                self.session.flush()  # its id is needed by the rows that refer to it
                self.created += 1
            self.rows[ref.key] = row
            self.norms[ref.key] = {alias.norm for alias in row.aliases}
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
                row.aliases.append(AliasRow(alias=name.strip(), norm=norm))


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


def _event_row(event: Event, doc: Document, entity: EntityUpserter) -> EventRow:
    _check_provenance(doc, event.provenance)
    prov = event.provenance
    figures = {
        "killed_low": event.killed[0], "killed_high": event.killed[1],
        "injured_low": event.injured[0], "injured_high": event.injured[1],
    }
    row = EventRow(
        type=event.type, sub_type=event.sub_type, date=event.date, date_precision=event.date_precision,
        place_entity_id=entity(place_ref(event.place)).id if event.place else None,
        targets=list(event.targets), **figures,
    )
    row.sources.append(EventSourceRow(doc_id=prov.doc_id, sentence=prov.sentence, start=prov.start, end=prov.end,
                                      evidence=prov.evidence, **figures))
    seen: set[tuple[int, str]] = set()
    for perp in event.perpetrators:
        entity_id = entity(perp.entity).id
        if (entity_id, perp.attribution) not in seen:
            seen.add((entity_id, perp.attribution))
            row.perpetrators.append(EventPerpetratorRow(entity_id=entity_id, attribution=perp.attribution,
                                                        doc_id=prov.doc_id))
    return row


def write_extraction(session: Session, extraction: Extraction) -> WriteResult:
    """Add the document and everything read from it to `session` (flushed, not committed)."""
    doc = extraction.document
    session.add(_document_row(doc))
    session.flush()  # the document row exists from here on: a later failure must roll it back
    entity = EntityUpserter(session)
    for mention in extraction.mentions:
        session.add(MentionRow(doc_id=doc.id, entity_id=entity(mention.entity).id, start=mention.start,
                               end=mention.end, text=mention.text))
    for claim in extraction.claims:
        session.add(_claim_row(claim, doc, entity))
    for event in extraction.events:
        session.add(_event_row(event, doc, entity))
    session.flush()
    return WriteResult(claims=len(extraction.claims), events=len(extraction.events), new_entities=entity.created)

