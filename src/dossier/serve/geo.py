"""Events (paged and filtered), map features (events and bases) and the network of groups.

Filters are those of `dossier events` (`dossier.store.reader.iter_events`): a group by any of its
names, a country, a date range where a partial date ("2021-08") overlaps the range; plus the event
type. They are applied in SQL so a page and its total cost a few indexed queries.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import aliased

from dossier.query.lookup import GROUP_TYPES
from dossier.query.profile import LINKS
from dossier.store import Store, normalize_alias
from dossier.store.reader import country_code, entity_id, event_dict, event_loads
from dossier.store.schema import AliasRow, ClaimRow, EntityRow, EventPerpetratorRow, EventRow

from .lists import Page, parse_entity_id

MAX_MAP_EVENTS = 3000  # most recent events drawn on the map
MAX_NETWORK_EDGES = 1500


def group_ids(session, group: str) -> list[int]:
    """Entities a group reference names: an id ("e12") or any name or alias."""
    pk = parse_entity_id(group)
    if pk is not None:
        return [pk]
    return list(session.scalars(select(AliasRow.entity_id).where(AliasRow.norm == normalize_alias(group))))


def _filtered(session, stmt: Select, group: str | None, type: str | None, country: str | None,
              since: str | None, until: str | None) -> Select | None:
    """`stmt` (over EventRow) with the filters; None when a filter matches nothing."""
    if group:
        ids = group_ids(session, group)
        stmt = stmt.where(EventRow.id.in_(select(EventPerpetratorRow.event_id)
                                          .where(EventPerpetratorRow.entity_id.in_(ids))))
    if type:
        stmt = stmt.where(or_(EventRow.type == type, EventRow.sub_type == type))
    if country:
        code = country_code(session, country)
        if code is None:
            return None
        stmt = stmt.where(EventRow.place_entity_id.in_(select(EntityRow.id).where(EntityRow.country == code)))
    if since:
        # a partial date overlaps: "2021-08" is on or after "2021-08-15"
        stmt = stmt.where(or_(EventRow.date >= since, EventRow.date == since[:7], EventRow.date == since[:4]))
    if until:
        stmt = stmt.where(EventRow.date <= until + "-99")  # "2021-08" takes in its days
    return stmt


def event_ids(store: Store, group: str | None = None, type: str | None = None, country: str | None = None,
              since: str | None = None, until: str | None = None, oldest_first: bool = False) -> list[int]:
    """Ids of the matching events, newest first (or oldest first), undated last: one sorted read per filter
    set, which callers cache so that every page after it is a primary-key lookup."""
    with store.session() as session:
        stmt = _filtered(session, select(EventRow.id, EventRow.date), group, type, country, since, until)
        if stmt is None:
            return []
        rows = session.execute(stmt).all()
    dated = sorted(((d, i) for i, d in rows if d), reverse=not oldest_first)
    undated = sorted((i for i, d in rows if not d), reverse=not oldest_first)
    return [i for _, i in dated] + undated


def events(store: Store, group: str | None = None, type: str | None = None, country: str | None = None,
           since: str | None = None, until: str | None = None, limit: int = 50, offset: int = 0,
           oldest_first: bool = False, ids: list[int] | None = None) -> Page:
    """Events, newest first (or oldest first), in the shape of `iter_events`, with the total matching.
    `ids`: the result of `event_ids` for these filters, when the caller kept it."""
    if ids is None:
        ids = event_ids(store, group, type, country, since, until, oldest_first)
    wanted = ids[offset:offset + limit]
    with store.session() as session:
        rows = session.scalars(select(EventRow).where(EventRow.id.in_(wanted)).options(*event_loads())).all()
    by_id = {r.id: r for r in rows}
    return Page(len(ids), limit, offset, [event_dict(by_id[i]) for i in wanted if i in by_id])


def event_types(store: Store) -> list[str]:
    with store.session() as session:
        return [t for t in session.scalars(select(EventRow.type).distinct().order_by(EventRow.type)) if t]


def map_features(store: Store, group: str | None = None, type: str | None = None, since: str | None = None,
                 until: str | None = None, bases: bool = True) -> dict[str, Any]:
    """A GeoJSON FeatureCollection: events with a located place (the most recent `MAX_MAP_EVENTS`) and
    the bases (`based_in` claims, not denied) of groups, with their counts."""
    place = aliased(EntityRow)
    features: list[dict[str, Any]] = []
    with store.session() as session:
        stmt = _filtered(session, select(EventRow.id), group, type, None, since, until)
        total = 0
        if stmt is not None:
            stmt = stmt.join(place, EventRow.place_entity_id == place.id).where(place.lat.is_not(None))
            total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
            ids = stmt.order_by(EventRow.date.is_(None), EventRow.date.desc(), EventRow.id.desc()) \
                .limit(MAX_MAP_EVENTS).scalar_subquery()
            perps: dict[int, list[str]] = {}
            for ev_id, name in session.execute(
                    select(EventPerpetratorRow.event_id, EntityRow.name).join(EntityRow)
                    .where(EventPerpetratorRow.event_id.in_(ids)).distinct()):
                perps.setdefault(ev_id, []).append(name)
            rows = session.execute(
                select(EventRow.id, EventRow.date, EventRow.type, EventRow.sub_type, EventRow.killed_low,
                       EventRow.injured_low, place.name.label("place"), place.country, place.lat, place.lon)
                .join(place, EventRow.place_entity_id == place.id).where(EventRow.id.in_(ids)))
            for r in rows:
                features.append({"type": "Feature", "geometry": _point(r.lat, r.lon), "properties": {
                    "kind": "event", "id": f"ev{r.id}", "date": r.date, "event_type": r.type, "sub_type": r.sub_type,
                    "killed": r.killed_low, "injured": r.injured_low, "place": r.place, "country": r.country,
                    "perpetrators": perps.get(r.id, [])}})
        if bases and not (since or until or type):
            features += _bases(session, group)
    return {"type": "FeatureCollection", "features": features, "events_total": total,
            "events_shown": sum(1 for f in features if f["properties"]["kind"] == "event")}


def _point(lat: float, lon: float) -> dict[str, Any]:
    return {"type": "Point", "coordinates": [round(float(lon), 5), round(float(lat), 5)]}


def _bases(session, group: str | None) -> list[dict[str, Any]]:
    group_row, place = aliased(EntityRow), aliased(EntityRow)
    stmt = (select(group_row.id, group_row.name, place.name, place.country, place.lat, place.lon,
                   func.count().label("n"), func.count(func.distinct(ClaimRow.doc_id)).label("docs"))
            .join(group_row, ClaimRow.subject_id == group_row.id)
            .join(place, ClaimRow.object_id == place.id)
            .where(ClaimRow.predicate == "based_in", ClaimRow.modality != "denied", place.lat.is_not(None))
            .group_by(group_row.id, group_row.name, place.id, place.name, place.country, place.lat, place.lon))
    if group:
        stmt = stmt.where(ClaimRow.subject_id.in_(group_ids(session, group)))
    out = []
    for gid, gname, pname, country, lat, lon, n, docs in session.execute(stmt):
        out.append({"type": "Feature", "geometry": _point(lat, lon), "properties": {
            "kind": "base", "group_id": entity_id(gid), "group": gname, "place": pname, "country": country,
            "statements": n, "documents": docs}})
    return out


def network(store: Store, group: str | None = None) -> dict[str, Any]:
    """Groups linked by linked_to / opposes / part_of / split_from claims (denied ones left out): nodes and
    one edge per (source, relation, target) with how many statements and documents support it. With
    `group`, only the links touching it."""
    subject, obj = aliased(EntityRow), aliased(EntityRow)
    stmt = (select(ClaimRow.subject_id, ClaimRow.predicate, ClaimRow.object_id, func.count().label("n"),
                   func.count(func.distinct(ClaimRow.doc_id)).label("docs"))
            .join(subject, ClaimRow.subject_id == subject.id).join(obj, ClaimRow.object_id == obj.id)
            .where(ClaimRow.predicate.in_(LINKS), ClaimRow.modality != "denied",
                   subject.type.in_(GROUP_TYPES), obj.type.in_(GROUP_TYPES), ClaimRow.subject_id != ClaimRow.object_id)
            .group_by(ClaimRow.subject_id, ClaimRow.predicate, ClaimRow.object_id)
            .order_by(func.count().desc()).limit(MAX_NETWORK_EDGES))
    with store.session() as session:
        if group:
            ids = group_ids(session, group)
            stmt = stmt.where(or_(ClaimRow.subject_id.in_(ids), ClaimRow.object_id.in_(ids)))
        edges = [{"id": f"{r.subject_id}-{r.predicate}-{r.object_id}", "source": entity_id(r.subject_id),
                  "target": entity_id(r.object_id), "relation": r.predicate, "statements": r.n, "documents": r.docs}
                 for r in session.execute(stmt)]
        ids = {int(e[k][1:]) for e in edges for k in ("source", "target")}
        nodes = [{"id": entity_id(r.id), "name": r.name, "type": r.type, "country": r.country}
                 for r in session.execute(select(EntityRow.id, EntityRow.name, EntityRow.type, EntityRow.country)
                                          .where(EntityRow.id.in_(ids)).order_by(EntityRow.id))]
    return {"nodes": nodes, "edges": edges}


__all__ = ["event_ids", "event_types", "events", "group_ids", "map_features", "network"]
