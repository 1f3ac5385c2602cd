"""SQL look-ups for the question answerer: names to entities, claims by entity and predicate.

Everything here is an indexed query (aliases.norm, claims.subject_id/object_id/predicate), so a
question costs a handful of small queries whatever the size of the knowledge base.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import String, cast, func, literal_column, or_, select
from sqlalchemy.orm import Session, aliased

from dossier.names import norm
from dossier.store import Store
from dossier.store.reader import among
from dossier.store.schema import AliasRow, ClaimRow, DocumentRow, EntityRow, MentionRow

GROUP_TYPES = ("armed_group", "organization", "force")
# words that qualify a name without being part of it: "the M23 fighters", "IS-K militants"
_GENERIC_TAIL = re.compile(
    r"\s+(?:fighters|militants|rebels|insurgents|group|movement|organi[sz]ation|members|jihadists|"
    r"guerrillas|guerillas|terrorists|cartel|gang|faction|outfit|network|forces|government|regime)$", re.I)
_GENERIC_HEAD = re.compile(r"^(?:the|militant|jihadist|terrorist|rebel|insurgent|armed|extremist|islamist)\s+",
                           re.I)
_STOP_TOKENS = {"the", "of", "and", "in", "on", "at", "for", "to", "a", "an", "group", "state", "army", "front",
                "islamic", "people", "province", "network", "movement", "forces", "force", "al", "el", "ul"}


@dataclass
class Match:
    """The entities a phrase names, best first, and how the phrase matched."""

    ids: list[int]
    name: str  # display name: the user's wording when it is an alias, else the entity's name
    type: str
    how: str  # exact | variant | partial


def _rank(session: Session, ids: Iterable[int], prefer: tuple[str, ...] | None) -> list[tuple[int, str, str]]:
    ids = list(dict.fromkeys(ids))
    if not ids:
        return []
    rows = session.execute(select(EntityRow.id, EntityRow.name, EntityRow.type).where(EntityRow.id.in_(ids))).all()
    n_claims: dict[int, int] = {}
    if len(rows) > 1:  # one entity needs no ranking, and counting a big group's claims is not free
        n_claims = dict(session.execute(
            select(ClaimRow.subject_id, func.count()).where(ClaimRow.subject_id.in_(ids))
            .group_by(ClaimRow.subject_id)).all())

    def key(row):
        type_rank = 0 if prefer and row.type in prefer else 1
        return (type_rank, -n_claims.get(row.id, 0), row.id)

    return [(r.id, r.name, r.type) for r in sorted(rows, key=key)]


def _short_alias_ok(session: Session, ids: list[int], surface: str) -> list[int]:
    """Acronyms ("IS", "ADF") match only when written in capitals, so "is" is not the Islamic State."""
    if len(surface) > 4 or surface.isupper():
        return ids
    rows = session.execute(select(AliasRow.entity_id, AliasRow.alias).where(
        AliasRow.entity_id.in_(ids), AliasRow.norm == norm(surface))).all()
    return [eid for eid, alias in rows if not alias.isupper()]


def _exact(session: Session, phrase: str) -> list[int]:
    key = norm(phrase)
    if not key:
        return []
    ids = list(session.scalars(select(AliasRow.entity_id).where(AliasRow.norm == key).order_by(AliasRow.entity_id)))
    return _short_alias_ok(session, ids, phrase.strip())


def _variants(phrase: str) -> list[str]:
    out = [phrase]
    p = phrase
    for rx in (re.compile(r"['’]s?$"), _GENERIC_HEAD, _GENERIC_TAIL, _GENERIC_HEAD, _GENERIC_TAIL):
        q = rx.sub("", p).strip()
        if q and q != p:
            out.append(q)
            p = q
    return list(dict.fromkeys(out))


def _ngrams(phrase: str) -> list[str]:
    tokens = phrase.split()
    grams = []
    for n in range(min(len(tokens), 7), 0, -1):
        for i in range(len(tokens) - n + 1):
            grams.append(" ".join(tokens[i:i + n]).strip(" ,.;:'\"?"))
    return [g for g in grams if g]


def resolve_name(store: Store, phrase: str | None, prefer: tuple[str, ...] | None = None) -> Match | None:
    """The entities `phrase` names: by alias (normalised with `names.norm`), then without a trailing
    "'s" or generic words ("the M23 fighters"), then the longest alias inside the phrase, then a
    partial match on whole words (a last name: "Sirajuddin" -> "Sirajuddin Haqqani")."""
    if not phrase or not phrase.strip():
        return None
    with Session(store.engine) as session:
        for i, variant in enumerate(_variants(phrase.strip())):
            ids = _exact(session, variant)
            if ids:
                ranked = _rank(session, ids, prefer)
                same = [r for r in ranked if r[2] == ranked[0][2]]
                return Match([r[0] for r in same], variant if i == 0 or len(variant) > 2 else ranked[0][1],
                             ranked[0][2], "exact" if i == 0 else "variant")
        grams = _ngrams(phrase)
        fallback = None
        for gram in grams[1:]:
            if gram.casefold() in _STOP_TOKENS or len(norm(gram)) < 2:
                continue
            ids = _exact(session, gram)
            if ids:
                ranked = _rank(session, ids, prefer)
                match = Match([ranked[0][0]], gram, ranked[0][2], "variant")
                if prefer is None or match.type in prefer:
                    return match
                fallback = fallback or match  # "Jalisco" the place, for "the Jalisco New Generation cartel"
        partial = _partial(session, phrase, prefer)
        if partial is not None and (fallback is None or prefer is None or partial.type in prefer):
            return partial
        # a name inside the phrase of another kind ("Jalisco", a place, in "the Jalisco New Generation
        # cartel") is not what the question is about when it asks about a group
        return fallback if prefer is None else None


def _partial(session: Session, phrase: str, prefer: tuple[str, ...] | None) -> Match | None:
    """Every significant word of the phrase (or of its shortest variant) is a whole word of one alias."""
    for variant in (phrase, _variants(phrase)[-1]):
        words = [w for w in re.findall(r"[\w-]+", variant) if w.casefold() not in _STOP_TOKENS and len(w) >= 3]
        if not words:
            continue
        cond = [or_(AliasRow.alias.ilike(f"{w} %"), AliasRow.alias.ilike(f"% {w}"), AliasRow.alias.ilike(f"% {w} %"),
                    AliasRow.alias.ilike(f"%-{w}"), AliasRow.alias.ilike(w)) for w in words]
        ids = list(session.scalars(select(AliasRow.entity_id).where(*cond).limit(50)))
        if ids:
            ranked = _rank(session, ids, prefer)
            return Match([ranked[0][0]], ranked[0][1], ranked[0][2], "partial")
    return None


def find_entities_in(store: Store, text: str, types: tuple[str, ...] | None = None) -> list[tuple[str, list[int]]]:
    """Names of entities (optionally of some types) found in free text, longest first, without overlaps."""
    tokens = text.split()
    found: list[tuple[str, list[int]]] = []
    taken: set[int] = set()
    with Session(store.engine) as session:
        spans = []
        for n in range(min(len(tokens), 6), 0, -1):
            for i in range(len(tokens) - n + 1):
                spans.append((i, n, " ".join(tokens[i:i + n]).strip(" ,.;:'\"?")))
        keys = {norm(s): s for _, _, s in spans if norm(s)}
        if not keys:
            return []
        stmt = select(AliasRow.norm, AliasRow.entity_id, EntityRow.type).join(EntityRow).where(
            AliasRow.norm.in_(list(keys)))
        if types:
            stmt = stmt.where(EntityRow.type.in_(types))
        by_norm: dict[str, list[int]] = {}
        for key, eid, _type in session.execute(stmt):
            by_norm.setdefault(key, []).append(eid)
        for i, n, s in spans:
            key = norm(s)
            if key not in by_norm or any(j in taken for j in range(i, i + n)):
                continue
            if s.casefold() in _STOP_TOKENS:
                continue
            ids = _short_alias_ok(session, by_norm[key], s)
            if not ids:
                continue
            taken.update(range(i, i + n))
            found.append((s, list(dict.fromkeys(ids))))
    return found


MAX_CLAIMS = 2500  # claims considered per question: the most recently stored ones
PER_GROUP = 3  # reports kept per distinct statement: an answer cites at most three


def claims(store: Store, subject_ids: Iterable[int] | None = None, predicates: Iterable[str] | None = None,
           object_ids: Iterable[int] | None = None, either: Iterable[int] | None = None,
           per_group: int | None = PER_GROUP) -> list[dict[str, Any]]:
    """Claims (with subject/object names and document metadata) filtered by subject, object, predicate.

    `either`: claims whose subject or object is one of these ids. `per_group`: keep only the most recent
    reports of each distinct statement (subject, predicate, object, modality), in SQL, so an entity
    reported by thousands of documents costs what one reported by a few does; each kept claim carries
    `_n`, how many claims state the same. None keeps every claim.
    """
    c = ClaimRow
    cols = [c.id, c.subject_id, c.predicate, c.object_id, c.object_literal, c.qualifiers, c.modality,
            c.attributed_to, c.doc_id, c.evidence, c.confidence]
    conds = []
    if subject_ids is not None:
        conds.append(c.subject_id.in_(list(subject_ids)))
    if object_ids is not None:
        conds.append(c.object_id.in_(list(object_ids)))
    if either is not None:
        ids = list(either)
        conds.append(or_(c.subject_id.in_(ids), c.object_id.in_(ids)))
    if predicates is not None:
        conds.append(c.predicate.in_(list(predicates)))
    if per_group:
        # the most recent MAX_CLAIMS matching claims (ids in index order), then the statements among them
        conds = [c.id.in_(select(c.id).where(*conds).order_by(c.id.desc()).limit(MAX_CLAIMS).scalar_subquery())]
        part = (c.subject_id, c.predicate, c.object_id, cast(c.object_literal, String), c.modality)
        inner = (select(*cols, DocumentRow.published.label("pub"),
                        func.row_number().over(partition_by=part, order_by=(DocumentRow.published.desc(), c.id))
                        .label("rn"), func.count().over(partition_by=part).label("n"))
                 .join(DocumentRow, c.doc_id == DocumentRow.id).where(*conds).subquery())
        src = inner
        stmt_where = [inner.c.rn <= per_group]
        n_col = inner.c.n
    else:
        src = select(*cols, literal_column("1").label("n")).where(*conds).subquery()
        stmt_where = []
        n_col = src.c.n
    subj, obj = aliased(EntityRow), aliased(EntityRow)
    stmt = (select(src.c.id, src.c.subject_id, src.c.predicate, src.c.object_id, src.c.object_literal,
                   src.c.qualifiers, src.c.modality, src.c.attributed_to, src.c.doc_id, src.c.evidence,
                   src.c.confidence, n_col, subj.name, subj.type, obj.name, obj.type, DocumentRow.title,
                   DocumentRow.publisher, DocumentRow.published, DocumentRow.url)
            .join(subj, src.c.subject_id == subj.id)
            .outerjoin(obj, src.c.object_id == obj.id)
            .join(DocumentRow, src.c.doc_id == DocumentRow.id)
            .where(*stmt_where)
            .order_by(DocumentRow.published.desc(), src.c.id))
    out = []
    with store.engine.connect() as conn:  # Core, fetched whole (see `documents`)
        for (cid, sid, pred, oid, olit, quals, modality, attributed_to, doc_id, evidence, confidence, n, sname,
             stype, oname, otype, title, publisher, published, url) in conn.execute(stmt).all():
            out.append({
                "id": f"c{cid}", "subject_id": f"e{sid}", "subject": sname, "subject_type": stype,
                "predicate": pred,
                "object_id": None if oid is None else f"e{oid}",
                "object": oname if oid is not None else olit, "object_type": otype,
                "doc_id": doc_id, "evidence": evidence, "modality": modality,
                "attributed_to": attributed_to, "qualifiers": quals or {},
                "confidence": confidence, "_n": n,
                "_doc": {"doc_id": doc_id, "title": title, "publisher": publisher,
                         "published": published.isoformat() if published else None, "url": url},
            })
    return out


def entity(store: Store, entity_id: int) -> dict[str, Any] | None:
    with Session(store.engine) as session:
        row = session.get(EntityRow, entity_id)
        if row is None:
            return None
        return {"id": row.id, "name": row.name, "type": row.type, "country": row.country, "admin1": row.admin1,
                "aliases": [a.alias for a in row.aliases]}


def mentioned_names(store: Store, entity_id: int) -> list[str]:
    """The names the documents write an entity under, the most used first."""
    with Session(store.engine) as session:
        rows = session.execute(select(MentionRow.text, func.count()).where(MentionRow.entity_id == entity_id)
                               .group_by(MentionRow.text).order_by(func.count().desc(), MentionRow.text)).all()
    return [text for text, _ in rows]


def documents(store: Store, doc_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    ids = list(dict.fromkeys(doc_ids))
    if not ids:
        return {}
    with store.engine.connect() as conn:  # Core, fetched whole: the ORM, and fetching row by row, cost more
        # than the query
        rows = conn.execute(select(DocumentRow.id, DocumentRow.title, DocumentRow.publisher,
                                   DocumentRow.published, DocumentRow.url)
                            .where(among(conn.dialect.name, DocumentRow.id, ids))).all()
        return {r.id: {"doc_id": r.id, "title": r.title, "publisher": r.publisher,
                       "published": r.published.isoformat() if r.published else None, "url": r.url}
                for r in rows}


def eid(text_id: str | None) -> int | None:
    return int(text_id[1:]) if text_id else None
