"""Paged reads for the web app and its API: groups (with counts), entities, claims, documents.

A thin adapter over the store: the store's readers (`dossier.store.reader`) iterate over everything,
which is right for exports but not for a page of 50 rows out of 100,000, so these add LIMIT/OFFSET,
a total, and the filters the pages offer, and reuse the readers' row shapes (`entity_dict`, ids).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import aliased, selectinload

from dossier.query.lookup import GROUP_TYPES
from dossier.store import Store, normalize_alias
from dossier.store.reader import claim_id, entity_dict, entity_id
from dossier.store.schema import AliasRow, ClaimRow, DocumentRow, EntityRow, EventPerpetratorRow, MentionRow


@dataclass
class Page:
    """One page of a list, with the total the filters match."""

    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "limit": self.limit, "offset": self.offset, "items": self.items}


def parse_entity_id(ref: str | None) -> int | None:
    """ "e12" -> 12; anything else -> None."""
    if ref and len(ref) > 1 and ref[0] == "e" and ref[1:].isdigit():
        return int(ref[1:])
    return None


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _name_filter(stmt: Select, q: str | None) -> Select:
    """Entities any of whose names (name or alias, normalised) contains `q`."""
    if not q or not normalize_alias(q):
        return stmt
    norm = normalize_alias(q)
    by_alias = select(AliasRow.entity_id).where(AliasRow.norm.like(_like(norm), escape="\\"))
    return stmt.where(or_(EntityRow.id.in_(by_alias), EntityRow.name.ilike(_like(q.strip()), escape="\\")))


def _page(session, stmt: Select, limit: int, offset: int) -> tuple[int, list[Any]]:
    total = session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0
    rows = session.scalars(stmt.limit(limit).offset(offset)).all()
    return total, rows


Counts = dict[int, tuple[int, int, int]]


def group_counts(store: Store) -> Counts:
    """Entity id -> (claims about it, events it is named for, documents mentioning it), for every group.
    A few grouped scans of the whole store: callers cache it (the web app, until the store changes)."""
    groups = select(EntityRow.id).where(EntityRow.type.in_(GROUP_TYPES))
    with store.session() as session:
        claims_n = dict(session.execute(select(ClaimRow.subject_id, func.count()).where(
            ClaimRow.subject_id.in_(groups)).group_by(ClaimRow.subject_id)).all())
        events_n = dict(session.execute(select(EventPerpetratorRow.entity_id,
                                               func.count(func.distinct(EventPerpetratorRow.event_id)))
                                        .where(EventPerpetratorRow.entity_id.in_(groups))
                                        .group_by(EventPerpetratorRow.entity_id)).all())
        docs_n = dict(session.execute(select(MentionRow.entity_id, func.count(func.distinct(MentionRow.doc_id)))
                                      .where(MentionRow.entity_id.in_(groups)).group_by(MentionRow.entity_id)).all())
        ids = session.scalars(groups).all()
    return {i: (claims_n.get(i, 0), events_n.get(i, 0), docs_n.get(i, 0)) for i in ids}


def groups(store: Store, q: str | None = None, limit: int = 50, offset: int = 0, counts: Counts | None = None) -> Page:
    """Armed groups, organisations and forces, most reported first (claims and events), with how many claims are
    about them, how many events they are named for and how many documents mention them."""
    counts = group_counts(store) if counts is None else counts
    with store.session() as session:
        matching = session.execute(_name_filter(select(EntityRow.id, EntityRow.name)
                                                .where(EntityRow.type.in_(GROUP_TYPES)), q)).all()
        ranked = sorted(matching, key=lambda r: (-sum(counts.get(r.id, (0, 0, 0))[:2]), r.name, r.id))
        page_ids = [r.id for r in ranked[offset:offset + limit]]
        rows = {r.id: r for r in session.scalars(select(EntityRow).where(EntityRow.id.in_(page_ids))
                                                 .options(selectinload(EntityRow.aliases)))}
        items = []
        for pk in page_ids:
            item = entity_dict(rows[pk])
            n_claims, n_events, n_docs = counts.get(pk, (0, 0, 0))
            item.update(claims=n_claims, events=n_events, documents=n_docs)
            items.append(item)
    return Page(len(matching), limit, offset, items)


def entities(store: Store, q: str | None = None, type: str | None = None, limit: int = 50,
             offset: int = 0) -> Page:
    """Entities of every kind (or one `type`), by id, optionally those with a name containing `q`."""
    stmt = _name_filter(select(EntityRow), q).options(selectinload(EntityRow.aliases)).order_by(EntityRow.id)
    if type:
        stmt = stmt.where(EntityRow.type == type)
    with store.session() as session:
        total, rows = _page(session, stmt, limit, offset)
        return Page(total, limit, offset, [entity_dict(r) for r in rows])


def entity(store: Store, ref: str) -> dict[str, Any] | None:
    """One entity by id ("e12"), in the reader's shape."""
    pk = parse_entity_id(ref)
    if pk is None:
        return None
    with store.session() as session:
        row = session.get(EntityRow, pk, options=[selectinload(EntityRow.aliases)])
        return entity_dict(row) if row is not None else None


def claim_dict(claim: ClaimRow, subject_name: str, object_name: str | None) -> dict[str, Any]:
    """A claim in the shape of `dossier.store.reader.iter_claims`."""
    return {
        "id": claim_id(claim.id), "subject_id": entity_id(claim.subject_id), "subject": subject_name,
        "predicate": claim.predicate, "object_id": entity_id(claim.object_id),
        "object": object_name if claim.object_id is not None else claim.object_literal,
        "doc_id": claim.doc_id, "evidence": claim.evidence, "modality": claim.modality,
        "attributed_to": claim.attributed_to, "qualifiers": claim.qualifiers or {}, "span": [claim.start, claim.end],
        "sentence": claim.sentence, "extractor": claim.extractor, "confidence": claim.confidence,
    }


def _entity_ids(session, ref: str) -> list[int]:
    """Entity ids a reference names: an id ("e12") or any name or alias."""
    pk = parse_entity_id(ref)
    if pk is not None:
        return [pk]
    return list(session.scalars(select(AliasRow.entity_id).where(AliasRow.norm == normalize_alias(ref))))


def claims(store: Store, entity: str | None = None, predicate: str | None = None, modality: str | None = None,
           doc_id: str | None = None, limit: int = 50, offset: int = 0, total: int | None = None) -> Page:
    """Claims, newest first; optionally about an entity (id or any name, as subject or object), of a predicate,
    a modality, or from one document. `total`: how many match, when the caller knows (else counted)."""
    subject, obj = aliased(EntityRow), aliased(EntityRow)
    stmt = select(ClaimRow.id)
    with store.session() as session:
        if entity:
            ids = _entity_ids(session, entity)
            stmt = stmt.where(or_(ClaimRow.subject_id.in_(ids), ClaimRow.object_id.in_(ids)))
        if predicate:
            stmt = stmt.where(ClaimRow.predicate == predicate)
        if modality:
            stmt = stmt.where(ClaimRow.modality == modality)
        if doc_id:
            stmt = stmt.where(ClaimRow.doc_id == doc_id)
        if total is None:
            total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
        page_ids = stmt.order_by(ClaimRow.id.desc()).limit(limit).offset(offset).scalar_subquery()
        rows = session.execute(
            select(ClaimRow, subject.name, obj.name).join(subject, ClaimRow.subject_id == subject.id)
            .outerjoin(obj, ClaimRow.object_id == obj.id).where(ClaimRow.id.in_(page_ids))
            .order_by(ClaimRow.id.desc())).all()
        return Page(total, limit, offset, [claim_dict(c, s, o) for c, s, o in rows])


def document_meta(row: DocumentRow) -> dict[str, Any]:
    return {"id": row.id, "url": row.url, "title": row.title, "publisher": row.publisher,
            "published": row.published.isoformat() if row.published else None}


def document_ids(store: Store, q: str | None = None, publisher: str | None = None,
                 entity: str | None = None) -> list[str]:
    """Ids of the documents matching the filters, newest first: one sort per filter set, which callers cache
    so that every page after it is a primary-key lookup (there is no index on the publication date)."""
    stmt = select(DocumentRow.id)
    with store.session() as session:
        if q and q.strip():
            stmt = stmt.where(DocumentRow.title.ilike(_like(q.strip()), escape="\\"))
        if publisher:
            stmt = stmt.where(DocumentRow.publisher == publisher)
        if entity:
            ids = _entity_ids(session, entity)
            stmt = stmt.where(DocumentRow.id.in_(select(MentionRow.doc_id).where(MentionRow.entity_id.in_(ids))))
        return list(session.scalars(stmt.order_by(DocumentRow.published.desc(), DocumentRow.id)))


def documents(store: Store, q: str | None = None, publisher: str | None = None, entity: str | None = None,
              limit: int = 50, offset: int = 0, ids: list[str] | None = None) -> Page:
    """Documents (without their text), newest first; by title words, publisher, or an entity they mention
    (id or any name). `ids`: the result of `document_ids` for these filters, when the caller kept it."""
    ids = document_ids(store, q, publisher, entity) if ids is None else ids
    wanted = ids[offset:offset + limit]
    cols = (DocumentRow.id, DocumentRow.url, DocumentRow.title, DocumentRow.publisher, DocumentRow.published)
    with store.session() as session:
        rows = {r.id: r for r in session.execute(select(*cols).where(DocumentRow.id.in_(wanted)))}
    items = [{"id": r.id, "url": r.url, "title": r.title, "publisher": r.publisher,
              "published": r.published.isoformat() if r.published else None} for r in (rows[i] for i in wanted)]
    return Page(len(ids), limit, offset, items)


def document(store: Store, doc_id: str) -> dict[str, Any] | None:
    """One document with its text and every claim read from it (oldest first)."""
    subject, obj = aliased(EntityRow), aliased(EntityRow)
    with store.session() as session:
        row = session.get(DocumentRow, doc_id)
        if row is None:
            return None
        out = document_meta(row)
        out["text"] = row.text
        rows = session.execute(
            select(ClaimRow, subject.name, obj.name).join(subject, ClaimRow.subject_id == subject.id)
            .outerjoin(obj, ClaimRow.object_id == obj.id).where(ClaimRow.doc_id == doc_id)
            .order_by(ClaimRow.start, ClaimRow.id)).all()
        out["claims"] = [claim_dict(c, s, o) for c, s, o in rows]
    return out
