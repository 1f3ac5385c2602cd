"""Full-text search of documents and claims behind one interface.

PostgreSQL: `plainto_tsquery` (every word required) against the GIN-indexed `to_tsvector('english', ...)` expressions of
migration 0002. SQLite: the FTS5 tables of the same migration (porter stemming), queried with every word
of the query required. Both rank best first; results are plain dicts.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Engine, text

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
