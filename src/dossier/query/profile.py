"""A profile of one group (or person): the explainer's sections, built from the knowledge base.

`build_profile(store, name)` resolves the name as `ask` does (any alias), then reads, with a few
indexed queries, everything the store holds about the entity and arranges it in sections:

- overview: aliases, parent organisation, splits, founded, ideology, recruitment, targets;
- size over time: every figure with its as-of date (the year the sentence gives, else the
  report's date) and its sources, conflicting figures side by side;
- attacks: the events it is named as perpetrator of, with date, place, type, casualties and how
  it was attributed (claimed, blamed, suspected);
- where it operates: bases and areas, with coordinates when the gazetteer has them;
- links and rivals: linked_to, opposes, part_of, split_from, in either direction;
- key people: leaders and members, with the roles the sources give them;
- sources: numbered documents (title, publisher, date, url) in order of first citation.

Every fact carries the numbers of the sources stating it, its modality, attribution and a hedge
("reportedly", "according to X") to word it by. Identical statements from many reports are one
fact with a count; each section reads the narrow columns of at most `MAX_CLAIMS` recent claims and
groups and trims them (`_ranked_claims`), then reads the evidence of the reports it cites, so a group
reported by thousands of documents costs about as much as one reported by ten. The `Profile` is plain data;
`dossier.export.profile_md` and `profile_html` render it, `to_dict` gives the JSON.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, Select, String, bindparam, cast, func, select, union_all
from sqlalchemy.orm import Session, aliased, selectinload

from dossier.store import Store
from dossier.store.reader import event_dicts, newest_event_ids
from dossier.store.schema import ClaimRow, DocumentRow, EntityRow, EventPerpetratorRow, EventRow

from . import lookup
from .render import fmt_date, hedge, literal_text

CITES_PER_FACT = 3
MAX_FACTS = 12  # distinct objects shown per predicate (the most reported first)
MAX_SIZES = 16
MAX_EVENTS = 40  # the most recent events; `events_total` says how many there are
MAX_PEOPLE = 20
MAX_CLAIMS = 2500  # the most recent claims per section query: a profile of the latest few hundred reports

OVERVIEW = ("part_of", "split_from", "founded", "ideology", "recruits_from", "targets", "member_of", "role")
LINKS = ("linked_to", "opposes", "part_of", "split_from")
PLACES = ("based_in", "active_in")
LABELS = {
    "part_of": "Parent organisation", "split_from": "Split from", "founded": "Founded", "ideology": "Ideology",
    "recruits_from": "Recruits from", "targets": "Targets", "member_of": "Member of", "role": "Role",
    "based_in": "Based in", "active_in": "Active in", "linked_to": "Linked to", "opposes": "Opposes",
    "leader": "Leader", "size": "Size",
}
# how a relation reads from the other side: "X part_of <us>" -> X is one of our affiliates
INVERSE_LABELS = {"part_of": "Affiliates and branches", "split_from": "Splinter groups",
                  "linked_to": "Linked to", "opposes": "Opposed by"}
ATTRIBUTION = {"claimed": "claimed by {}", "blamed": "blamed on {}", "suspected": "{} suspected",
               "stated": "attributed to {}", "denied": "denied by {}"}
EVENT_NOUNS = {"suicide bomb": "suicide bombing", "remote explosive/landmine/IED": "bombing",
               "air/drone strike": "air/drone strike", "attack": "attack", "armed clash": "armed clash",
               "shelling/artillery/missile attack": "shelling", "grenade": "grenade attack",
               "abduction/forced disappearance": "abduction", "sexual violence": "sexual violence",
               "government regains territory": "recapture of territory",
               "non-state actor overtakes territory": "takeover of territory"}


@dataclass
class Source:
    n: int
    doc_id: str
    title: str | None
    publisher: str | None
    published: str | None
    url: str | None


@dataclass
class Fact:
    """One statement: `predicate` with an object (an entity or a literal), cited."""

    predicate: str
    text: str  # the object in words ("Islamic State", "January 2015", "4,000–6,000")
    object_id: str | None = None
    value: Any = None  # the literal object, as stored
    modality: str = "asserted"
    attributed_to: str | None = None
    hedge: str = ""  # " (reportedly)", " (according to researchers)", or ""
    cites: list[int] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    reports: int = 1  # how many claims state it
    inverse: bool = False  # the profiled entity is the claim's object ("X is part of <us>")
    as_of: str | None = None  # sizes: the date a figure refers to
    as_of_basis: str | None = None  # "text" (the sentence dates it) or "report" (the report's date)
    lat: float | None = None
    lon: float | None = None
    country: str | None = None


@dataclass
class Perpetrator:
    id: str
    name: str
    attribution: str


@dataclass
class TimelineEvent:
    id: str
    date: str | None
    type: str
    kind: str  # in words: "suicide bombing"
    place: str | None
    admin1: str | None
    country: str | None
    lat: float | None
    lon: float | None
    killed: int | None
    killed_high: int | None
    injured: int | None
    injured_high: int | None
    perpetrators: list[Perpetrator]
    attribution: str | None  # how the profiled group is tied to it
    targets: list[str]
    cites: list[int]
    evidence: list[str]
    date_precision: str | None = None


@dataclass
class Person:
    id: str
    name: str
    relation: str  # "leader" | "member"
    facts: list[Fact] = field(default_factory=list)  # the leader/member_of claims
    roles: list[Fact] = field(default_factory=list)


@dataclass
class Profile:
    id: str
    name: str
    type: str
    aliases: list[str]
    country: str | None = None
    overview: list[Fact] = field(default_factory=list)
    sizes: list[Fact] = field(default_factory=list)
    events: list[TimelineEvent] = field(default_factory=list)
    events_total: int = 0
    places: list[Fact] = field(default_factory=list)
    links: list[Fact] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    countries: dict[str, tuple[str, float, float]] = field(default_factory=dict)  # code -> (name, lat, lon)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["countries"] = {k: {"name": n, "lat": la, "lon": lo} for k, (n, la, lo) in self.countries.items()}
        return out

    def is_empty(self) -> bool:
        return not (self.overview or self.sizes or self.events or self.places or self.links or self.people)


class _Sources:
    def __init__(self) -> None:
        self.by_doc: dict[str, int] = {}
        self.sources: list[Source] = []

    def cite(self, doc: dict[str, Any]) -> int:
        n = self.by_doc.get(doc["doc_id"])
        if n is None:
            n = len(self.sources) + 1
            self.by_doc[doc["doc_id"]] = n
            self.sources.append(Source(n, doc["doc_id"], doc.get("title"), doc.get("publisher"),
                                       doc.get("published"), doc.get("url")))
        return n


class UnknownName(LookupError):
    """The knowledge base has no entity of that name."""


# ---------------------------------------------------------------- reading claims, grouped

def _claim_groups(session: Session, ids: list[int], predicates: tuple[str, ...], inverse: bool = False,
                  per_group: int = CITES_PER_FACT, per_subject: bool = False,
                  max_groups: int = MAX_FACTS) -> list[dict[str, Any]]:
    """Claims about `ids` (as subject, or as object when `inverse`), grouped by what they state
    (predicate, the other entity or the literal, modality, attribution; and the entity itself when
    `per_subject`); per group the `per_group` most recent reports, and the group's size; per predicate (and
    entity when `per_subject`) the `max_groups` best-supported groups (most reports, then earliest)."""
    kept = _ranked_claims(session, ids, predicates, inverse, per_group, per_subject, max_groups)
    if not kept:
        return []
    # the wide columns (evidence, literal, names, sources) of the kept reports only
    wide = {r.id: r for r in session.connection().execute(_wide_claims(inverse), {"ids": [k.id for k in kept]})}
    groups: dict[tuple, dict[str, Any]] = {}
    for k in kept:
        r = wide[k.id]
        key = (k.predicate, k.other_id, None if k.other_id is not None else repr(r.object_literal), k.modality,
               k.attributed_to, k.self_id if per_subject else None)
        g = groups.get(key)
        if g is None:
            g = groups[key] = {"self_id": k.self_id, "predicate": k.predicate, "other_id": k.other_id,
                               "other": r.name, "other_type": r.type, "literal": r.object_literal,
                               "modality": k.modality, "attributed_to": k.attributed_to, "n": k.n, "lat": r.lat,
                               "lon": r.lon, "country": r.country, "qualifiers": r.qualifiers or {}, "reports": []}
        g["reports"].append({"doc_id": r.doc_id, "evidence": r.evidence, "title": r.title,
                             "publisher": r.publisher, "url": r.url,
                             "published": r.published.isoformat() if r.published else None})
    return list(groups.values())


@dataclass
class _Kept:
    """One report a profile cites: its claim, what it states, and its group's size."""

    id: int
    self_id: int
    predicate: str
    other_id: int | None
    modality: str
    attributed_to: str | None
    n: int


def _ranked_claims(session: Session, ids: list[int], predicates: tuple[str, ...], inverse: bool, per_group: int,
                   per_subject: bool, max_groups: int) -> list[_Kept]:
    """The reports `_claim_groups` cites, in the order it lists them (the group's first claim, then the
    report's rank), each with the size of its group.

    Reads the narrow columns of the `MAX_CLAIMS` most recent claims (ids, keys, the literal as text, the
    report's date) and groups and ranks them here. It is what the window functions this replaced computed
    (a group: the same predicate, other entity, literal text, modality and attribution; its reports by
    date, newest first, then by id; groups by size, then by first claim): those took three sorts of the
    rows and a second pass over the claims and documents, half of a profile's time at 100,000 documents.
    Dates sort as each database sorts them, so missing dates stay where the SQL put them: first among the
    newest on PostgreSQL, after the oldest on SQLite."""
    postgresql = session.get_bind().dialect.name == "postgresql"
    # Core execution (the session's connection): the ORM's result layer doubled the cost of 2,500 rows
    rows = session.connection().execute(_narrow_claims(tuple(predicates), inverse, postgresql, MAX_CLAIMS),
                                        {"ids": list(ids)}).all()
    null_first = postgresql  # NULL sorts above every date there

    def newest_first(row) -> tuple:
        published = row[7]
        if published is None:
            return (0 if null_first else 2, 0, row[0])
        return (1, -published.toordinal(), row[0])

    parts: dict[tuple, list] = {}
    for row in rows:
        key = (row[2], row[3], row[4], row[5], row[6], *((row[1],) if per_subject else ()))
        parts.setdefault(key, []).append(row)
    ranked: dict[tuple, list[tuple[int, int, list]]] = {}  # (predicate[, entity]) -> (size, first claim, reports)
    for key, part in parts.items():
        ranked.setdefault((key[0], *((key[5],) if per_subject else ())), []).append(
            (len(part), min(row[0] for row in part), part))
    kept: list[tuple[int, int, _Kept]] = []
    for statements in ranked.values():
        statements.sort(key=lambda t: (-t[0], t[1]))
        for n, first, part in statements[:max_groups]:
            part.sort(key=newest_first)
            kept += [(first, rn, _Kept(row[0], row[1], row[2], row[3], row[5], row[6], n))
                     for rn, row in enumerate(part[:per_group], 1)]
    kept.sort(key=lambda t: (t[0], t[1]))
    return [k for _, _, k in kept]


@lru_cache(maxsize=64)
def _narrow_claims(predicates: tuple[str, ...], inverse: bool, postgresql: bool, max_claims: int) -> Select:
    """(id, entity, predicate, other entity, literal as text, modality, attribution, report date) of the
    `max_claims` most recently stored claims about the entities of the parameter `ids`.

    PostgreSQL: from the covering indexes of migration 0005 alone, the most recent `max_claims` of each
    predicate (an index range read backwards; the server merges the ranges in id order) and the most recent
    of those, then the report dates. SQLite: the ids from the index (`_recent`), then those claim rows (a
    literal object as index key would make the index as wide as the table).

    Built once per shape and kept: with a dozen predicates, building and keying the statement cost more
    client time than the server took to run it."""
    c = ClaimRow
    ids = bindparam("ids", expanding=True)
    me, other = (c.object_id, c.subject_id) if inverse else (c.subject_id, c.object_id)
    cols = (c.id.label("id"), me.label("self_id"), c.predicate.label("predicate"), other.label("other_id"),
            cast(c.object_literal, String).label("literal"), c.modality.label("modality"),
            c.attributed_to.label("attributed_to"))
    if not postgresql:
        return (select(*cols, DocumentRow.published).join(DocumentRow, c.doc_id == DocumentRow.id)
                .where(c.id.in_(_recent(me, ids, predicates, inverse, max_claims))))
    arms = []
    for predicate in dict.fromkeys(predicates):
        arm = select(*cols, c.doc_id.label("doc_id")).where(me.in_(ids), c.predicate == predicate)
        if inverse:
            arm = arm.where(c.subject_id.not_in(ids))
        arms.append(select(arm.order_by(c.id.desc()).limit(max_claims).subquery()))
    every = union_all(*arms).subquery()
    recent = select(every).order_by(every.c.id.desc()).limit(max_claims).subquery()
    return (select(*(recent.c[col.name] for col in cols), DocumentRow.published)
            .join(DocumentRow, recent.c.doc_id == DocumentRow.id))


@lru_cache(maxsize=4)
def _wide_claims(inverse: bool) -> Select:
    """The columns a profile shows of the claims of the parameter `ids`: evidence, literal, the other
    entity, the report."""
    c = ClaimRow
    other = c.subject_id if inverse else c.object_id
    ent = aliased(EntityRow)
    return (select(c.id, c.object_literal, c.evidence, c.qualifiers, c.doc_id, ent.name, ent.type, ent.lat, ent.lon,
                   ent.country, DocumentRow.title, DocumentRow.publisher, DocumentRow.published, DocumentRow.url)
            .join(DocumentRow, c.doc_id == DocumentRow.id)
            .outerjoin(ent, other == ent.id)
            .where(c.id.in_(bindparam("ids", expanding=True))))


def _recent(me, ids, predicates: tuple[str, ...], inverse: bool, max_claims: int | None = None):
    """The ids of the `max_claims` (`MAX_CLAIMS`) most recently stored claims about `ids`: what a profile
    summarises, so its cost stays flat however many thousand reports name a group (read in index order)."""
    c = ClaimRow
    stmt = select(c.id).where(me.in_(ids), c.predicate.in_(predicates))
    if inverse:
        stmt = stmt.where(c.subject_id.not_in(ids))
    return stmt.order_by(c.id.desc()).limit(MAX_CLAIMS if max_claims is None else max_claims).scalar_subquery()


_YEAR = re.compile(r"\b(?:in|since|by|of|as\s+of|early|late|mid-?|around|until)?\s*((?:19|20)\d\d)\b", re.I)
_MONTH_YEAR = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|"
                         r"December)\s+((?:19|20)\d\d)\b")


def _as_of(g: dict[str, Any]) -> tuple[str | None, str | None]:
    """The date a figure refers to: a qualifier, else a month or year the sentence names (not after the
    report), else the report's date."""
    q = g.get("qualifiers") or {}
    for key in ("as_of", "date", "year"):
        if q.get(key):
            return str(q[key]), "text"
    report = g["reports"][0]
    published = report.get("published")
    evidence = report.get("evidence") or ""
    limit = published[:4] if published else "9999"
    if m := _MONTH_YEAR.search(evidence):
        if m.group(2) <= limit:
            month = ("January February March April May June July August September October November "
                     "December").split().index(m.group(1)) + 1
            return f"{m.group(2)}-{month:02d}", "text"
    years = [y for y in _YEAR.findall(evidence) if y <= limit]
    if years:
        return max(years), "text"
    return published, "report" if published else None


def _fact(g: dict[str, Any], sources: _Sources, inverse: bool = False) -> Fact:
    claim = {"modality": g["modality"], "attributed_to": g["attributed_to"]}
    if g["other_id"] is not None:
        text, oid = g["other"] or "?", f"e{g['other_id']}"
    else:
        text, oid = literal_text(g["literal"]), None
    cites = list(dict.fromkeys(sources.cite(r) for r in g["reports"]))
    f = Fact(predicate=g["predicate"], text=text, object_id=oid, value=g["literal"], modality=g["modality"],
             attributed_to=g["attributed_to"], hedge=hedge(claim), cites=cites,
             evidence=[" ".join((r["evidence"] or "").split()) for r in g["reports"]], reports=g["n"],
             inverse=inverse, lat=g.get("lat"), lon=g.get("lon"), country=g.get("country"))
    if g["predicate"] == "size":
        f.as_of, f.as_of_basis = _as_of(g)
    return f


_MODALITY_ORDER = {"asserted": 0, "reported": 1, "claimed": 2, "alleged": 3, "hypothetical": 4, "denied": 5}


def _rank(groups: list[dict[str, Any]], limit: int) -> list[dict[str, Any]]:
    """The best-supported statements first (asserted before hedged), at most `limit` per predicate."""
    by_pred: dict[str, list[dict[str, Any]]] = {}
    for g in groups:
        by_pred.setdefault(g["predicate"], []).append(g)
    out = []
    for gs in by_pred.values():
        gs.sort(key=lambda g: (-g["n"], _MODALITY_ORDER.get(g["modality"], 9)))
        out += gs[:limit]
    return out


# ---------------------------------------------------------------- the profile

def build_profile(store: Store, name: str) -> Profile:
    """The profile of the entity `name` names (any alias). Raises UnknownName when none does."""
    match = lookup.resolve_name(store, name, lookup.GROUP_TYPES)
    if match is None:
        match = lookup.resolve_name(store, name, None)
    if match is None:
        raise UnknownName(name)
    ids = match.ids
    sources = _Sources()
    with Session(store.engine) as session:
        ent = session.scalars(select(EntityRow).options(selectinload(EntityRow.aliases))
                              .where(EntityRow.id.in_(ids))).all()
        main = next((e for e in ent if e.id == ids[0]), ent[0])
        aliases: list[str] = []
        for e in ent:
            aliases += [e.name, *(a.alias for a in e.aliases)]
        aliases = [a for a in dict.fromkeys(aliases) if a != main.name]
        p = Profile(id=f"e{main.id}", name=main.name, type=main.type, aliases=aliases[:20], country=main.country)

        out_groups = _rank(_claim_groups(session, ids, (*OVERVIEW, *PLACES, *LINKS, "leader")), MAX_FACTS)
        size_groups = [g for g in _claim_groups(session, ids, ("size",), max_groups=MAX_SIZES)
                       if g["modality"] != "denied"]
        in_groups = _rank(_claim_groups(session, ids, (*LINKS, "member_of", "leader"), inverse=True), MAX_FACTS)

        # sections in reading order, so source numbers rise down the page
        for pred in OVERVIEW:
            if pred in LINKS and pred in ("part_of", "split_from") and main.type not in lookup.GROUP_TYPES:
                continue
            p.overview += [_fact(g, sources) for g in out_groups if g["predicate"] == pred]
        sizes = sorted(size_groups, key=lambda g: (-g["n"]))[:MAX_SIZES]
        p.sizes = sorted((_fact(g, sources) for g in sizes), key=lambda f: (f.as_of or "0000", f.text))
        p.events_total, p.events = _events(session, ids, sources)
        p.places = [_fact(g, sources) for pred in PLACES for g in out_groups if g["predicate"] == pred]
        for pred in LINKS:
            if pred in ("part_of", "split_from"):
                p.links += [_fact(g, sources) for g in out_groups if g["predicate"] == pred]
            else:
                p.links += [_fact(g, sources) for g in out_groups if g["predicate"] == pred]
                # a link or a rivalry stated the other way round is the same relation
                p.links += [_fact(g, sources, inverse=True) for g in in_groups if g["predicate"] == pred]
        for pred in ("part_of", "split_from"):
            p.links += [_fact(g, sources, inverse=True) for g in in_groups if g["predicate"] == pred
                        and g["other_type"] in lookup.GROUP_TYPES]
        p.people = _people(session, out_groups, in_groups, sources)
        p.countries = _countries(session, {f.country for f in p.places if f.country}
                                 | {e.country for e in p.events if e.country})
    p.sources = sources.sources
    return p


def _events(session: Session, ids: list[int], sources: _Sources) -> tuple[int, list[TimelineEvent]]:
    # counted on the (entity, event) index alone: every perpetrator row's event exists (foreign key)
    total = session.scalar(select(func.count(EventPerpetratorRow.event_id.distinct()))
                           .where(EventPerpetratorRow.entity_id.in_(ids))) or 0
    evs = event_dicts(session, newest_event_ids(session, _perpetrated_by(session, ids, total), MAX_EVENTS))
    for ev in evs:
        del ev["_place_id"]
    docs = lookup_documents(session, {d for ev in evs for d in ev["doc_ids"][:CITES_PER_FACT]})
    out = []
    id_strs = {f"e{i}" for i in ids}
    for ev in sorted(evs, key=lambda e: (e["date"] or "9999", e["id"])):
        place = ev.get("place") or {}
        mine_attr = [p["attribution"] for p in ev["perpetrators"] if p["id"] in id_strs]
        cites = [sources.cite(docs[d]) for d in ev["doc_ids"][:CITES_PER_FACT] if d in docs]
        ev_sources = [s for s in ev["sources"] if s["doc_id"] in ev["doc_ids"][:CITES_PER_FACT]]
        out.append(TimelineEvent(
            id=ev["id"], date=ev["date"], date_precision=ev.get("date_precision"), type=ev["type"],
            kind=EVENT_NOUNS.get(ev.get("sub_type") or "", ev.get("sub_type") or ev["type"].replace("_", " ")),
            place=place.get("name"), admin1=place.get("admin1"), country=place.get("country"),
            lat=place.get("lat"), lon=place.get("lon"), killed=ev["killed"], killed_high=ev["killed_high"],
            injured=ev["injured"], injured_high=ev["injured_high"],
            perpetrators=[Perpetrator(p["id"], p["name"], p["attribution"]) for p in ev["perpetrators"]],
            attribution=mine_attr[0] if mine_attr else None, targets=ev.get("targets") or [],
            cites=list(dict.fromkeys(cites)),
            evidence=list(dict.fromkeys(" ".join(s["evidence"].split()) for s in ev_sources))[:CITES_PER_FACT]))
    return total, out


def _perpetrated_by(session: Session, ids: list[int], total: int) -> ColumnElement[bool]:
    """Events whose perpetrators include `ids`, written for the plan that finds the newest few fastest.

    A group named in many events (`total`) has some among the newest of all: walking the date index from the
    newest and probing the (entity, event) index for each (EXISTS) stops once it has found them. A group of few
    events is better read whole and sorted (IN): the walk would cross most of the table to find them. With
    about `MAX_EVENTS * events / total` probes against `total` rows read, the walk wins past
    sqrt(MAX_EVENTS * events). SQLite (no statistics) takes the plan the query's form suggests; PostgreSQL
    plans both forms alike, from its statistics."""
    newest = session.scalar(select(func.max(EventRow.id))) or 0  # about the number of events, off the primary key
    if total * total >= MAX_EVENTS * newest:
        # EXISTS (SELECT event_id ...), not SELECT *: SQLite probes the (entity, event) index only when it covers
        # what the subquery selects; with * it took the wider unique index, three times slower
        return select(EventPerpetratorRow.event_id).where(EventPerpetratorRow.event_id == EventRow.id,
                                                          EventPerpetratorRow.entity_id.in_(ids)).exists()
    return EventRow.id.in_(select(EventPerpetratorRow.event_id).where(EventPerpetratorRow.entity_id.in_(ids)))


def lookup_documents(session: Session, doc_ids: set[str]) -> dict[str, dict[str, Any]]:
    if not doc_ids:
        return {}
    rows = session.execute(select(DocumentRow.id, DocumentRow.title, DocumentRow.publisher, DocumentRow.published,
                                  DocumentRow.url).where(DocumentRow.id.in_(list(doc_ids))))
    return {r.id: {"doc_id": r.id, "title": r.title, "publisher": r.publisher,
                   "published": r.published.isoformat() if r.published else None, "url": r.url} for r in rows}


def _people(session: Session, out_groups: list[dict], in_groups: list[dict], sources: _Sources) -> list[Person]:
    people: dict[int, Person] = {}
    for g in out_groups:
        if g["predicate"] == "leader" and g["other_id"] is not None and g["modality"] != "denied":
            person = people.setdefault(g["other_id"], Person(f"e{g['other_id']}", g["other"] or "?", "leader"))
            person.facts.append(_fact(g, sources))
    for g in in_groups:
        if g["predicate"] in ("member_of", "leader") and g["other_type"] == "person":
            if g["predicate"] == "leader":
                continue  # "<us> leads X" is not about our people
            person = people.setdefault(g["other_id"], Person(f"e{g['other_id']}", g["other"] or "?", "member"))
            person.facts.append(_fact(g, sources, inverse=True))
    chosen = sorted(people.values(), key=lambda p: (p.relation != "leader", -sum(f.reports for f in p.facts)))
    chosen = chosen[:MAX_PEOPLE]
    if chosen:
        by_id = {int(p.id[1:]): p for p in chosen}
        for g in _claim_groups(session, list(by_id), ("role",), per_group=2, per_subject=True, max_groups=4):
            person = by_id.get(g["self_id"])
            if person is not None and len(person.roles) < 4 and g["modality"] != "denied":
                person.roles.append(_fact(g, sources))
    return chosen


def _countries(session: Session, codes: set[str]) -> dict[str, tuple[str, float, float]]:
    """Country centroids for map labels: the store's country entities, else the bundled gazetteer."""
    if not codes:
        return {}
    out: dict[str, tuple[str, float, float]] = {}
    rows = session.execute(select(EntityRow.country, EntityRow.name, EntityRow.lat, EntityRow.lon)
                           .where(EntityRow.country.in_(list(codes)), EntityRow.precision == "country",
                                  EntityRow.lat.is_not(None)))
    for code, name, lat, lon in rows:
        out.setdefault(code, (name, lat, lon))
    missing = codes - set(out)
    if missing:
        table = _country_table()
        out |= {c: table[c] for c in missing if c in table}
    return out


_COUNTRY_TABLE: dict[str, tuple[str, float, float]] | None = None


def _country_table() -> dict[str, tuple[str, float, float]]:
    """ISO code -> (name, lat, lon) from the country lines at the top of data/places.tsv."""
    global _COUNTRY_TABLE
    if _COUNTRY_TABLE is None:
        from importlib import resources

        table: dict[str, tuple[str, float, float]] = {}
        with (resources.files("dossier.data") / "places.tsv").open(encoding="utf-8") as f:
            next(f, None)
            for line in f:
                cols = line.rstrip("\n").split("\t")
                if cols[0] != "country":
                    if table:
                        break
                    continue
                try:
                    table[cols[3]] = (cols[1], float(cols[6]), float(cols[7]))
                except (IndexError, ValueError):
                    continue
        _COUNTRY_TABLE = table
    return _COUNTRY_TABLE


# ---------------------------------------------------------------- wording shared by the renderers

def fact_words(f: Fact) -> str:
    """The fact's object with its hedge: "Islamic State (reportedly)"."""
    return f"{f.text}{f.hedge}"


def figure(low: int | None, high: int | None) -> str | None:
    if low is None and high is None:
        return None
    if low is not None and high is not None and high != low:
        return f"{low:,}–{high:,}"
    return f"{(low if low is not None else high):,}"


def event_line(e: TimelineEvent) -> str:
    """ "suicide bombing in Kabul, Kabul province (AF); claimed by IS-K; 170 killed, 200 injured" """
    where = ", ".join(x for x in dict.fromkeys([e.place, e.admin1]) if x)
    s = e.kind + (f" in {where}" if where else "") + (f" ({e.country})" if e.country else "")
    by: dict[str, list[str]] = {}
    for p in e.perpetrators:
        by.setdefault(p.attribution, []).append(p.name)
    attr = "; ".join(ATTRIBUTION.get(a, "attributed to {}").format(" and ".join(ns)) for a, ns in by.items())
    tolls = [f"{k} killed" for k in [figure(e.killed, e.killed_high)] if k] + \
            [f"{k} injured" for k in [figure(e.injured, e.injured_high)] if k]
    return "; ".join(x for x in (s, attr, ", ".join(tolls)) if x)


def link_label(f: Fact) -> str:
    """The heading a relation goes under, read from the profiled entity's side."""
    if f.inverse:
        return INVERSE_LABELS.get(f.predicate, LABELS.get(f.predicate, f.predicate))
    return {"part_of": "Part of"}.get(f.predicate, LABELS.get(f.predicate, f.predicate))


def as_of_words(f: Fact) -> str:
    if not f.as_of:
        return "date not given"
    when = fmt_date(f.as_of)
    return when if f.as_of_basis == "text" else f"report of {when}"


def today() -> str:
    return dt.date.today().isoformat()


__all__ = ["Fact", "Person", "Profile", "Source", "TimelineEvent", "UnknownName", "as_of_words", "build_profile",
           "event_line", "fact_words", "figure", "link_label"]
