"""Full-text search of documents and claims behind one interface.

PostgreSQL: `plainto_tsquery` (every word required) against the GIN-indexed `to_tsvector('english', ...)` expressions of
migration 0002. SQLite: the FTS5 tables of the same migration (porter stemming), queried with every word
of the query required. Both rank best first; results are plain dicts.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import ColumnElement, Engine, Select, column, literal_column, select, table, text
from sqlalchemy.orm import Session

from .schema import DocumentRow, EventSourceRow

KINDS = ("documents", "claims")
_WORD = re.compile(r"\w+", re.UNICODE)

# The same expressions as the indexes of migration 0002, or PostgreSQL would not use them.
_PG_DOCUMENT_VECTOR = "to_tsvector('english', coalesce(d.title, '') || ' ' || d.text)"
_PG_CLAIM_VECTOR = "to_tsvector('english', c.evidence)"

_PG = {
    "documents": f"""
        SELECT d.id, d.title, d.url, d.publisher, d.published, d.text,
               ts_rank({_PG_DOCUMENT_VECTOR}, q) AS score
        FROM documents d, plainto_tsquery('english', :query) q
        WHERE {_PG_DOCUMENT_VECTOR} @@ q
        ORDER BY score DESC, d.id LIMIT :limit""",
    "claims": f"""
        SELECT c.id, c.doc_id, c.predicate, c.modality, c.evidence, s.name AS subject,
               ts_rank({_PG_CLAIM_VECTOR}, q) AS score
        FROM claims c JOIN entities s ON s.id = c.subject_id, plainto_tsquery('english', :query) q
        WHERE {_PG_CLAIM_VECTOR} @@ q
        ORDER BY score DESC, c.id LIMIT :limit""",
}
_SQLITE = {
    "documents": """
        SELECT d.id, d.title, d.url, d.publisher, d.published, d.text, -f.rank AS score
        FROM fts_documents f JOIN documents d ON d.rowid = f.rowid
        WHERE fts_documents MATCH :query
        ORDER BY f.rank, d.id LIMIT :limit""",
    "claims": """
        SELECT c.id, c.doc_id, c.predicate, c.modality, c.evidence, s.name AS subject, -f.rank AS score
        FROM fts_claims f JOIN claims c ON c.id = f.rowid JOIN entities s ON s.id = c.subject_id
        WHERE fts_claims MATCH :query
        ORDER BY f.rank, c.id LIMIT :limit""",
}


# SQLite trigram tables of migration 0004: LIKE on them is answered from the index
_FTS_EVIDENCE = table("fts_event_evidence", column("rowid"), column("evidence"))
_FTS_TITLES = table("fts_titles", column("rowid"), column("title"))


def _trigram_tables(session: Session) -> bool:
    """SQLite with the trigram tables (migration 0004 makes them where SQLite has the tokenizer, 3.34+)."""
    if session.get_bind().dialect.name != "sqlite":
        return False
    found = session.execute(text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'fts_event_evidence'"))
    return found.first() is not None


def _trigram_match(fts, col, phrase: str) -> ColumnElement[bool]:
    """`col` contains `phrase` (ASCII case-insensitive, as LIKE), on a trigram FTS5 table.

    A phrase query (MATCH '"westgate"': consecutive trigrams) is answered from the index's position lists
    alone; LIKE '%westgate%' uses the index only to find candidates, then reads every candidate's text from
    the content table to check it, about five times the work when a name is in thousands of reports. The two
    select the same rows for a phrase of three or more ASCII characters without LIKE wildcards: the
    tokenizer folds case (Unicode-wide, where LIKE folds ASCII only) and a query of fewer than three
    characters matches nothing, so other phrases keep LIKE."""
    if len(phrase) >= 3 and phrase.isascii() and not any(ch in phrase for ch in "%_"):
        quoted = '"' + phrase.replace('"', '""') + '"'
        return literal_column(fts.name).op("MATCH")(quoted)
    return col.like(f"%{phrase}%")


def sources_containing(session: Session, phrase: str) -> Select:
    """`event_id` of the event sources whose evidence contains `phrase` (case-insensitive substring).

    PostgreSQL: ILIKE, served by the trigram index of migration 0002. SQLite: the trigram FTS5 table of
    migration 0004 (a phrase query, or LIKE: ASCII case-insensitive, as `lower() LIKE lower()`; see
    `_trigram_match`) instead of a scan of every row."""
    pattern = f"%{phrase}%"
    if _trigram_tables(session):
        ids = select(_FTS_EVIDENCE.c.rowid).where(_trigram_match(_FTS_EVIDENCE, _FTS_EVIDENCE.c.evidence, phrase))
        return select(EventSourceRow.event_id).where(EventSourceRow.id.in_(ids))
    return select(EventSourceRow.event_id).where(EventSourceRow.evidence.ilike(pattern))


def sources_titled(session: Session, phrase: str) -> Select:
    """`event_id` of the event sources whose document's title contains `phrase` (as `sources_containing`)."""
    pattern = f"%{phrase}%"
    if _trigram_tables(session):
        rowids = select(_FTS_TITLES.c.rowid).where(_trigram_match(_FTS_TITLES, _FTS_TITLES.c.title, phrase))
        docs = select(DocumentRow.id).where(column("rowid").in_(rowids))
    else:
        docs = select(DocumentRow.id).where(DocumentRow.title.ilike(pattern))
    return select(EventSourceRow.event_id).where(EventSourceRow.doc_id.in_(docs))


def fts5_query(query: str) -> str:
    """User text as an FTS5 query that cannot be a syntax error: every word, quoted, all required."""
    return " ".join(f'"{word}"' for word in _WORD.findall(query))


def snippet(body: str, query: str, width: int = 160) -> str:
    """A window of `body` around the first word of `query` found in it (case-insensitive)."""
    flat = " ".join(body.split())
    lower = flat.casefold()
    hits = [lower.find(w.casefold()[:max(3, len(w) - 2)]) for w in _WORD.findall(query)]
    at = min((h for h in hits if h >= 0), default=0)
    start = max(0, at - width // 3)
    out = flat[start:start + width]
    return ("…" if start else "") + out + ("…" if start + width < len(flat) else "")


def search(engine: Engine, query: str, kind: str = "documents", limit: int = 10) -> list[dict[str, Any]]:
    """Documents or claims matching `query`, best first: every word must occur (stemmed)."""
    if kind not in KINDS:
        raise ValueError(f"search kind must be one of {', '.join(KINDS)}, not {kind!r}")
    dialect = engine.dialect.name
    if dialect == "postgresql":
        sql, bound = _PG[kind], " ".join(_WORD.findall(query))  # the same words FTS5 gets
    elif dialect == "sqlite":
        sql, bound = _SQLITE[kind], fts5_query(query)
    else:  # pragma: no cover
        raise NotImplementedError(f"no full-text search on {dialect}")
    if not _WORD.search(query):
        return []
    with engine.connect() as conn:
        rows = conn.execute(text(sql), {"query": bound, "limit": limit}).mappings().all()
    if kind == "documents":
        return [{"kind": "document", "id": r["id"], "title": r["title"], "url": r["url"], "publisher": r["publisher"],
                 "published": str(r["published"]) if r["published"] else None, "score": float(r["score"]),
                 "snippet": snippet(r["text"], query)} for r in rows]
    return [{"kind": "claim", "id": f"c{r['id']}", "doc_id": r["doc_id"], "subject": r["subject"],
             "predicate": r["predicate"], "modality": r["modality"], "evidence": r["evidence"],
             "score": float(r["score"])} for r in rows]
