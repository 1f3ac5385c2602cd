"""Read the store as plain dicts in the export contract's shape (see shared/eval/README.md).

Ids are prefixed strings: entities "e12", claims "c7", events "ev3"; a claim's subject_id and
object_id are the same strings as the entities' `id`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import ColumnElement, Engine, any_, bindparam, func, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session, aliased, selectinload

from .normalize import normalize_alias
from .schema import TABLES, AliasRow, ClaimRow, EntityRow, EventPerpetratorRow, EventRow, EventSourceRow

BATCH = 500
_OPTIONAL_ENTITY_FIELDS = ("country", "iso", "wikidata", "lat", "lon", "admin1", "precision")


def entity_id(pk: int | None) -> str | None:
    return None if pk is None else f"e{pk}"


def claim_id(pk: int) -> str:
    return f"c{pk}"


def event_id(pk: int) -> str:
    return f"ev{pk}"


def entity_dict(row: EntityRow) -> dict[str, Any]:
    out: dict[str, Any] = {"id": entity_id(row.id), "name": row.name, "type": row.type, "key": row.key,
                           "aliases": [alias.alias for alias in row.aliases]}
    for name in _OPTIONAL_ENTITY_FIELDS:
        value = getattr(row, name)
        if value is not None:
            out[name] = value
    if row.precision not in (None, "country", "region") and "iso" in out:
        # a town's own code is not its region's: report the region's code as such
        out["admin1_iso"] = out.pop("iso")
    return out


def iter_entities(engine: Engine) -> Iterator[dict[str, Any]]:
    stmt = select(EntityRow).options(selectinload(EntityRow.aliases)).order_by(EntityRow.id)
    with Session(engine) as session:
        for row in session.scalars(stmt.execution_options(yield_per=BATCH)):
            yield entity_dict(row)


def iter_claims(engine: Engine) -> Iterator[dict[str, Any]]:
    subject, obj = aliased(EntityRow), aliased(EntityRow)
    stmt = (
        select(ClaimRow, subject.name, obj.name)
        .join(subject, ClaimRow.subject_id == subject.id)
        .outerjoin(obj, ClaimRow.object_id == obj.id)
        .order_by(ClaimRow.id)
    )
    with Session(engine) as session:
        for claim, subject_name, object_name in session.execute(stmt.execution_options(yield_per=BATCH)):
            yield {
                "id": claim_id(claim.id),
                "subject_id": entity_id(claim.subject_id),
                "subject": subject_name,
                "predicate": claim.predicate,
                "object_id": entity_id(claim.object_id),
                "object": object_name if claim.object_id is not None else claim.object_literal,
                "doc_id": claim.doc_id,
                "evidence": claim.evidence,
                "modality": claim.modality,
                "attributed_to": claim.attributed_to,
                "qualifiers": claim.qualifiers or {},
                "span": [claim.start, claim.end],
                "sentence": claim.sentence,
                "extractor": claim.extractor,
                "confidence": claim.confidence,
            }


def event_loads() -> tuple:
    """The loader options an `event_dict` needs: its place with that place's aliases, its sources and its
    perpetrators, each read in one query for all the rows."""
    return (selectinload(EventRow.place).selectinload(EntityRow.aliases), selectinload(EventRow.sources),
            selectinload(EventRow.perpetrators).selectinload(EventPerpetratorRow.entity))


def place_dict(row: EntityRow | None) -> dict[str, Any] | None:
    """An event's place; `aliases` keeps the spellings the reports used beside the gazetteer's name
    ("Narayanpur" for "Narainpur"), so a reader finds the place as the sources wrote it."""
    if row is None:
        return None
    return {"name": row.name, "admin1": row.admin1, "country": row.country, "iso": row.iso,
            "lat": row.lat, "lon": row.lon, "precision": row.precision, "aliases": [a.alias for a in row.aliases]}


def event_dict(row: EventRow) -> dict[str, Any]:
    perpetrators, seen = [], set()
    for perp in row.perpetrators:  # one line per entity and attribution, whatever the sources
        if (perp.entity_id, perp.attribution) not in seen:
            seen.add((perp.entity_id, perp.attribution))
            perpetrators.append({"id": entity_id(perp.entity_id), "name": perp.entity.name,
                                 "attribution": perp.attribution})
    return {
        "id": event_id(row.id),
        "date": row.date,
        "date_precision": row.date_precision,
        "type": row.type,
        "sub_type": row.sub_type,
        "place": place_dict(row.place),
        "perpetrators": perpetrators,
        "targets": list(row.targets or []),
        "killed": row.killed_low,
        "killed_high": row.killed_high,
        "injured": row.injured_low,
        "injured_high": row.injured_high,
        "doc_ids": list(dict.fromkeys(source.doc_id for source in row.sources)),
        "sources": [
            {"doc_id": s.doc_id, "evidence": s.evidence, "killed": s.killed_low, "injured": s.injured_low,
             "span": [s.start, s.end], "sentence": s.sentence}
            for s in row.sources
        ],
    }


def among(dialect: str, column: Any, values: list[Any]) -> ColumnElement[bool]:
    """`column IN (values)`; on PostgreSQL `column = ANY(array)`, one parameter instead of one per value: a list
    of a thousand ids cost more to render, send and parse than the query took to run (15 against 6 ms)."""
    if dialect == "postgresql":
        return column == any_(bindparam(None, list(values), type_=ARRAY(column.type)))
    return column.in_(values)


def event_dicts(session: Session, ids: Iterable[int]) -> list[dict[str, Any]]:
    """`event_dict` of each event of `ids` (ascending id; plus `_place_id`, its place's entity id), read with
    five Core queries: the event questions
    score a hundred or more candidates, and building ORM objects for them and their sources cost more than
    the queries. Executed on the session's connection, past the ORM's result layer, which cost more per row
    than the database did."""
    ids = sorted(set(ids))
    if not ids:
        return []
    conn = session.connection()
    dialect = conn.dialect.name
    e, s, p = EventRow, EventSourceRow, EventPerpetratorRow
    events = conn.execute(select(e.id, e.date, e.date_precision, e.type, e.sub_type, e.place_entity_id,
                                    e.targets, e.killed_low, e.killed_high, e.injured_low, e.injured_high)
                             .where(among(dialect, e.id, ids)).order_by(e.id)).all()
    place_ids = sorted({r.place_entity_id for r in events if r.place_entity_id is not None})
    places: dict[int, dict[str, Any]] = {}
    aliases: dict[int, list[str]] = {i: [] for i in place_ids}
    if place_ids:
        for r in conn.execute(select(EntityRow.id, EntityRow.name, EntityRow.admin1, EntityRow.country,
                                        EntityRow.iso, EntityRow.lat, EntityRow.lon, EntityRow.precision)
                                 .where(among(dialect, EntityRow.id, place_ids))).all():
            places[r.id] = {"name": r.name, "admin1": r.admin1, "country": r.country, "iso": r.iso,
                            "lat": r.lat, "lon": r.lon, "precision": r.precision, "aliases": aliases[r.id]}
        for entity, alias in conn.execute(select(AliasRow.entity_id, AliasRow.alias)
                                          .where(among(dialect, AliasRow.entity_id, place_ids))
                                          .order_by(AliasRow.id)).all():
            aliases[entity].append(alias)
    sources: dict[int, list[dict[str, Any]]] = {i: [] for i in ids}
    # unpacked, not read by attribute: a thousand sources is a question's worth
    for event, doc_id, evidence, killed, injured, start, end, sentence in conn.execute(
            select(s.event_id, s.doc_id, s.evidence, s.killed_low, s.injured_low, s.start, s.end, s.sentence)
            .where(among(dialect, s.event_id, ids)).order_by(s.id)).all():
        sources[event].append({"doc_id": doc_id, "evidence": evidence, "killed": killed, "injured": injured,
                               "span": [start, end], "sentence": sentence})
    perpetrators: dict[int, list[dict[str, Any]]] = {i: [] for i in ids}
    seen: set[tuple[int, int, str]] = set()
    for r in conn.execute(select(p.event_id, p.entity_id, p.attribution, EntityRow.name)
                          .join(EntityRow, p.entity_id == EntityRow.id).where(among(dialect, p.event_id, ids))
                          .order_by(p.id)).all():
        if (r.event_id, r.entity_id, r.attribution) not in seen:
            seen.add((r.event_id, r.entity_id, r.attribution))
            perpetrators[r.event_id].append({"id": entity_id(r.entity_id), "name": r.name,
                                             "attribution": r.attribution})
    out = []
    for r in events:
        out.append({
            "id": event_id(r.id), "date": r.date, "date_precision": r.date_precision, "type": r.type,
            "sub_type": r.sub_type, "place": places.get(r.place_entity_id) if r.place_entity_id is not None else None,
            "perpetrators": perpetrators[r.id], "targets": list(r.targets or []), "killed": r.killed_low,
            "killed_high": r.killed_high, "injured": r.injured_low, "injured_high": r.injured_high,
            "doc_ids": list(dict.fromkeys(src["doc_id"] for src in sources[r.id])), "sources": sources[r.id],
            "_place_id": r.place_entity_id,
        })
    return out


def _within(date: str | None, since: str | None, until: str | None) -> bool:
    """A (possibly partial) ISO date inside [since, until]; "2021-08" overlaps any day of August 2021."""
    if since is None and until is None:
        return True
    if not date:
        return False
    if since is not None and date < since[:len(date)]:
        return False
    return until is None or date[:len(until)] <= until


def country_code(session: Session, country: str) -> str | None:
    """An ISO 3166-1 code, from a code or a country's name or alias as stored."""
    if len(country) == 2 and country.isalpha():
        return country.upper()
    norm = normalize_alias(country)
    stmt = (select(EntityRow.country).join(AliasRow, AliasRow.entity_id == EntityRow.id)
            .where(AliasRow.norm == norm, EntityRow.type == "place", EntityRow.country.is_not(None))
            .order_by((EntityRow.precision != "country").nulls_first(), EntityRow.id).limit(1))
    code = session.scalar(stmt)
    if code is None:
        from dossier.nlp.places import gazetteer

        place = gazetteer().lookup(country)
        code = place.country if place is not None else None
    return code


def iter_events(engine: Engine, group: str | None = None, country: str | None = None, since: str | None = None,
                until: str | None = None) -> Iterator[dict[str, Any]]:
    """Events, oldest id first; optionally only those of a group (any alias), a country (code or name) and
    a date range. Filters are indexed lookups: alias norm -> perpetrator entity -> events."""
    stmt = (
        select(EventRow)
        .options(*event_loads())
        .order_by(EventRow.id)
    )
    with Session(engine) as session:
        if group is not None:
            ids = select(AliasRow.entity_id).where(AliasRow.norm == normalize_alias(group))
            stmt = stmt.where(EventRow.id.in_(select(EventPerpetratorRow.event_id).where(
                EventPerpetratorRow.entity_id.in_(ids))))
        if country is not None:
            code = country_code(session, country)
            if code is None:
                return
            stmt = stmt.where(EventRow.place_entity_id.in_(select(EntityRow.id).where(EntityRow.country == code)))
        if since is not None:
            stmt = stmt.where(EventRow.date >= since[:4])
        if until is not None:
            stmt = stmt.where(EventRow.date <= until + "-99")  # "2021-08" takes in its days
        for row in session.scalars(stmt.execution_options(yield_per=BATCH)):
            if _within(row.date, since, until):
                yield event_dict(row)


def newest_events(session: Session, where: ColumnElement[bool], limit: int, newest_id_first: bool = True,
                  options: tuple = ()) -> list[EventRow]:
    """Events matching `where`: dated ones newest first, then undated ones; ties and the undated by id (newest
    first unless `newest_id_first` is False). What `ORDER BY date IS NULL, date DESC` gives, in two queries
    that each walk the date index and stop at `limit`, where that one sorted every event of a group."""
    by_id = EventRow.id.desc() if newest_id_first else EventRow.id
    rows = list(session.scalars(select(EventRow).where(where, EventRow.date.is_not(None))
                                .order_by(EventRow.date.desc(), by_id).limit(limit).options(*options)))
    if len(rows) < limit:
        rows += session.scalars(select(EventRow).where(where, EventRow.date.is_(None))
                                .order_by(by_id).limit(limit - len(rows)).options(*options))
    return rows


def newest_event_ids(session: Session, where: ColumnElement[bool], limit: int) -> list[int]:
    """The ids of the events `newest_events` gives (newest id first among ties), in that order, read with Core
    and nothing else: the event dicts then come from `event_dicts`, in bulk."""
    e = EventRow
    conn = session.connection()
    ids = list(conn.execute(select(e.id).where(where, e.date.is_not(None))
                            .order_by(e.date.desc(), e.id.desc()).limit(limit)).scalars())
    if len(ids) < limit:
        ids += conn.execute(select(e.id).where(where, e.date.is_(None))
                            .order_by(e.id.desc()).limit(limit - len(ids))).scalars()
    return ids


def alias_index(engine: Engine) -> dict[str, str]:
    """Normalised alias -> entity key.

    When entities share an alias, the one whose own name normalises to it wins, then the
    oldest: a stable choice, so resolution does not flip between runs.
    """
    stmt = select(AliasRow.norm, EntityRow.key, EntityRow.name).join(EntityRow).order_by(EntityRow.id)
    index: dict[str, str] = {}
    by_name: set[str] = set()
    with Session(engine) as session:
        for norm, key, name in session.execute(stmt):
            named = normalize_alias(name) == norm
            if norm not in index or (named and norm not in by_name):
                index[norm] = key
                if named:
                    by_name.add(norm)
    return index


def counts(engine: Engine) -> dict[str, int]:
    with Session(engine) as session:
        return {table.__tablename__: session.scalar(select(func.count()).select_from(table)) or 0
                for table in TABLES}
