"""Finding the event a question describes ("the suicide attack in Jalalabad", "the Kabul truck bombing of May 2017").

The phrase is split into places (aliases of place entities), groups, dates and descriptive words.
Candidate events come from indexed SQL (place entity, perpetrator, date prefix) plus a LIKE over
the evidence of event sources for names the gazetteer does not know; each candidate is scored by
how well its place, date, perpetrators, type and evidence words fit the phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from dossier.names import norm
from dossier.store import Store
from dossier.store.reader import event_dicts
from dossier.store.schema import EntityRow, EventPerpetratorRow, EventRow, EventSourceRow, MentionRow
from dossier.store.search import sources_containing, sources_titled

from . import lookup
from .text import MONTH_NUM, content_words, stem, stems

# words in a question that say what kind of event it is, and the ACLED types they fit
TYPE_WORDS: dict[str, tuple[str, ...]] = {
    "bomb": ("explosions_remote_violence",), "bombing": ("explosions_remote_violence",),
    "blast": ("explosions_remote_violence",), "explosion": ("explosions_remote_violence",),
    "suicide": ("explosions_remote_violence",), "ied": ("explosions_remote_violence",),
    "strike": ("explosions_remote_violence",), "airstrike": ("explosions_remote_violence",),
    "drone": ("explosions_remote_violence",), "shelling": ("explosions_remote_violence",),
    "rocket": ("explosions_remote_violence",), "mortar": ("explosions_remote_violence",),
    "grenade": ("explosions_remote_violence",), "landmine": ("explosions_remote_violence",),
    "attack": ("violence_against_civilians", "battles", "explosions_remote_violence"),
    "assault": ("battles", "violence_against_civilians"), "raid": ("battles", "violence_against_civilians"),
    "ambush": ("battles", "violence_against_civilians"), "siege": ("violence_against_civilians", "battles"),
    "massacre": ("violence_against_civilians",), "shooting": ("violence_against_civilians", "battles"),
    "kidnapping": ("violence_against_civilians",), "abduction": ("violence_against_civilians",),
    "clash": ("battles",), "firefight": ("battles",), "fighting": ("battles",), "battle": ("battles",),
    "capture": ("strategic_development", "battles"), "seizure": ("strategic_development", "battles"),
    "takeover": ("strategic_development",), "protest": ("protests", "riots"), "riot": ("riots",),
}
GENERIC = {"attack", "people", "person", "incident", "event", "happen", "place", "recent", "deadly", "twin",
           "massive", "devastating", "major", "latest"}
_DATE_DMY = re.compile(r"\b(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|"
                       r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?,?\s+(\d{4})\b", re.I)
_DATE_MDY = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|December|"
                       r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b",
                       re.I)
_DATE_MY = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|December)"
                      r"\s+(?:of\s+)?(\d{4})\b", re.I)
_DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})(?:-(\d{2}))?\b")
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
MAX_CANDIDATES = 150  # events read and scored per question, whatever the size of the knowledge base


def question_date(text: str) -> str | None:
    """The most precise date a phrase names, as a (partial) ISO string."""
    if m := _DATE_ISO.search(text):
        return m.group(0)
    if m := _DATE_DMY.search(text):
        return f"{m.group(3)}-{MONTH_NUM[m.group(2)[:3].casefold()]:02d}-{int(m.group(1)):02d}"
    if m := _DATE_MDY.search(text):
        return f"{m.group(3)}-{MONTH_NUM[m.group(1)[:3].casefold()]:02d}-{int(m.group(2)):02d}"
    if m := _DATE_MY.search(text):
        return f"{m.group(2)}-{MONTH_NUM[m.group(1)[:3].casefold()]:02d}"
    if m := _YEAR.search(text):
        return m.group(1)
    return None


def _date_fit(want: str, have: str | None) -> int:
    if not have:
        return 0
    n = min(len(want), len(have))
    if have[:n] == want[:n]:
        return 4 if len(want) >= 7 else 2
    if len(want) >= 10 and len(have) >= 10 and have[:8] == want[:8]:
        if abs(int(have[8:10]) - int(want[8:10])) <= 1:
            return 3
    return -4


@dataclass
class EventQuery:
    phrase: str
    places: list[tuple[str, list[int]]] = field(default_factory=list)
    groups: list[tuple[str, list[int]]] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # capitalised words no entity answers to
    date: str | None = None
    countries: set[str] = field(default_factory=set)  # countries of the places named
    words: set[str] = field(default_factory=set)  # stemmed descriptive words
    types: set[str] = field(default_factory=set)
    mention_docs: set[str] = field(default_factory=set)  # reports mentioning the places or groups named


def analyse(store: Store, phrase: str) -> EventQuery:
    q = EventQuery(phrase)
    q.date = question_date(phrase)
    q.places = lookup.find_entities_in(store, phrase, ("place",))
    q.groups = lookup.find_entities_in(store, phrase, lookup.GROUP_TYPES)
    place_ids = [i for _, ids in q.places for i in ids]
    if place_ids:
        with Session(store.engine) as session:
            q.countries = {c for c in session.scalars(select(EntityRow.country).where(EntityRow.id.in_(place_ids)))
                           if c}
    known = {w.casefold() for name, _ in q.places + q.groups for w in name.split()}
    months = {m.casefold() for m in MONTH_NUM} | {"january", "february", "march", "april", "june", "july",
                                                  "august", "september", "october", "november", "december"}
    for w in re.findall(r"\b[A-Z][\w'-]+", phrase):
        w = re.sub(r"'s$", "", w)
        if w.casefold() not in known and w.casefold() not in months and len(w) > 2:
            q.names.append(w)
    for w in content_words(phrase):
        if w in known or w in months:
            continue
        s = stem(w)
        q.words.add(s)
        q.types.update(TYPE_WORDS.get(s, ()))
    return q


def _candidate_ids(session: Session, q: EventQuery) -> set[int]:
    """The lowest `MAX_CANDIDATES` ids of the events any condition selects. Each condition is its own indexed
    query (substrings: trigram indexes); one OR over IN-subqueries made both engines read event_sources and
    documents in full (SQLite each document row, text and all, for its title) whatever the phrase."""
    # read in id order up to the cap: the group's events come off the (entity, event) index in that order, and
    # a month's events are common enough for a walk in id order to stop early
    bounded = []
    group_ids = [i for _, ids in q.groups for i in ids]
    if group_ids:
        bounded.append(select(EventPerpetratorRow.event_id).where(EventPerpetratorRow.entity_id.in_(group_ids)))
    if q.date and len(q.date) >= 7:
        bounded.append(select(EventRow.id).where(EventRow.date.like(f"{q.date[:7]}%")))
    # selected whole, then cut to the lowest ids in the database: ordered by `id + 0`, not by `id`, since given
    # an ORDER BY id and a LIMIT both engines may walk the id index and filter every row instead of using the
    # place or trigram index. Only the cut ids leave the database: a name in thousands of reports ("Westgate"
    # in one report in ten) cost more in fetching and building its ids than in finding them.
    whole = []
    place_ids = [i for _, ids in q.places for i in ids]
    if place_ids:
        names = [n for n, _ in q.places]
        # the places named and those inside them, as one list: an OR of the two IN conditions made PostgreSQL
        # misjudge how many events match and read them all
        inside = session.scalars(select(EntityRow.id).where(or_(EntityRow.admin1.in_(names),
                                                                 EntityRow.name.in_(names))))
        whole.append(select(EventRow.id).where(EventRow.place_entity_id.in_(sorted({*place_ids, *inside}))))
    for t in [n for n, _ in q.places] + q.names:  # names the gazetteer may not know
        whole += [sources_containing(session, t), sources_titled(session, t)]
    found: set[int] = set()
    for stmt in bounded:
        found.update(session.scalars(stmt.distinct().order_by(stmt.selected_columns[0]).limit(MAX_CANDIDATES)))
    for stmt in whole:
        col = stmt.selected_columns[0]
        found.update(session.scalars(stmt.group_by(col).order_by(col + 0).limit(MAX_CANDIDATES)))
    # the lowest MAX_CANDIDATES of the union are among the lowest MAX_CANDIDATES of each condition
    ids = set(sorted(found)[:MAX_CANDIDATES])
    if ids and q.countries:  # other events of the same reports, placed only at country level
        docs = select(EventSourceRow.doc_id).where(EventSourceRow.event_id.in_(ids))
        ids |= set(session.scalars(select(EventSourceRow.event_id).where(EventSourceRow.doc_id.in_(docs))
                                   .limit(MAX_CANDIDATES)))
    return ids


def _mentioning_ids(session: Session, q: EventQuery) -> set[int]:
    """Events of the reports that mention the places (or groups) named: an attack placed at a town
    ("Khar") the question names by its district ("the rally bombing in Bajaur")."""
    entity_ids = [i for _, ids in q.places + q.groups for i in ids]
    if not entity_ids:
        return set()
    docs = select(MentionRow.doc_id).where(MentionRow.entity_id.in_(entity_ids)).distinct().limit(40)
    q.mention_docs = set(session.scalars(docs))
    return set(session.scalars(select(EventSourceRow.event_id).where(EventSourceRow.doc_id.in_(q.mention_docs))
                               .limit(200)))


def find_events(store: Store, phrase: str, want: str | None = None, limit: int = 5) -> list[tuple[float, dict]]:
    """Events matching an event description, best first, as (score, event dict with `_docs`)."""
    q = analyse(store, phrase)
    found = _find(store, q, want, limit, mentions=False)
    if not found and (q.places or q.groups):
        found = _find(store, q, want, limit, mentions=True)
    return found


def _find(store: Store, q: EventQuery, want: str | None, limit: int, mentions: bool) -> list[tuple[float, dict]]:
    with Session(store.engine) as session:
        ids = _mentioning_ids(session, q) if mentions else _candidate_ids(session, q)
        if not ids:
            return []
        events = event_dicts(session, ids)
        doc_ids = {d for ev in events for d in ev["doc_ids"]}
    docs = lookup.documents(store, doc_ids)
    scored = []
    for ev in events:
        ev["_docs"] = docs
        scored.append((_score(q, ev, docs, want), ev))
    scored.sort(key=lambda t: (-t[0], t[1]["date"] is None, t[1]["id"]))
    return [(s, ev) for s, ev in scored[:limit] if s >= 3]


def _score(q: EventQuery, ev: dict[str, Any], docs: dict[str, dict], want: str | None) -> float:
    score = 0.0
    place = ev.get("place") or {}
    place_norms = {norm(x) for x in [place.get("name"), place.get("admin1"), *place.get("aliases", [])] if x}
    evidence = " ".join(s["evidence"] for s in ev["sources"])
    title_list = [docs.get(d, {}).get("title") or "" for d in ev["doc_ids"]]
    titles = " ".join(title_list)
    ev_words = frozenset().union(*(stems(t) for t in [*(s["evidence"] for s in ev["sources"]), *title_list]))
    anchored = False
    perp_ids = {lookup.eid(p["id"]) for p in ev["perpetrators"]}
    for name, ids in q.places:
        if ev.get("_place_id") in ids:
            score += 6
            anchored = True
        elif perp_ids & set(ids):
            score += 4  # "the US drone strike": a country that is the event's doer
            anchored = True
        elif norm(name) in place_norms:
            score += 5
            anchored = True
        elif re.search(rf"\b{re.escape(name)}\b", evidence, re.I):
            score += 3
            anchored = True
        elif re.search(rf"\b{re.escape(name)}\b", titles, re.I):
            score += 1.5
            anchored = True
        elif place.get("precision") == "country" and place.get("country") in q.countries:
            score += 1.5  # placed only in the country of the place asked about
            anchored = True
    for name in q.names:
        if norm(name) in place_norms:
            score += 4
            anchored = True
        elif re.search(rf"\b{re.escape(name)}\b", evidence, re.I):
            score += 2
            anchored = True
        elif re.search(rf"\b{re.escape(name)}\b", titles, re.I):
            score += 1
    if not anchored and set(ev["doc_ids"]) & q.mention_docs:
        score += 2  # its report mentions the place the question names
        anchored = True
    for _, ids in q.groups:
        if perp_ids & set(ids):
            score += 3
            anchored = True
    if q.date:
        fit = _date_fit(q.date, ev.get("date"))
        score += fit
        anchored = anchored or fit > 0
    if q.types:
        score += 2 if ev.get("type") in q.types else -1
    score += min(4, sum(1 for w in q.words if w in ev_words and w not in GENERIC))
    if want == "killed" and ev.get("killed") is not None:
        score += 1
    elif want == "injured" and ev.get("injured") is not None:
        score += 1
    elif want == "perpetrator" and ev.get("perpetrators"):
        score += 1
    elif want == "date" and ev.get("date"):
        score += 0.5
    return score if anchored else min(score, 2)
