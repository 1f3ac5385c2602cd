"""The one write endpoint, POST /api/ingest, guarded by the write token.

Documents go through `dossier.pipeline.ingest`, the same library path as `dossier ingest`: they are
written as a JSONL corpus to a temporary file and read by the JSONL reader, so validation, ids and
idempotence are exactly the CLI's. Ingests run one at a time.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
import threading
from pathlib import Path

from fastapi import APIRouter, Depends, HTTPException, Request
from pydantic import BaseModel, Field

from .security import require_write_token
from .state import state

router = APIRouter(prefix="/api", tags=["write"])
MAX_DOCUMENTS = 200
MAX_TEXT = 1_000_000
_LOCK = threading.Lock()


class DocumentIn(BaseModel):
    id: str | None = Field(None, max_length=255)
    url: str | None = Field(None, max_length=2000)
    title: str | None = Field(None, max_length=2000)
    publisher: str | None = Field(None, max_length=255)
    published: dt.date | None = None
    text: str = Field(..., min_length=1, max_length=MAX_TEXT)


class IngestIn(BaseModel):
    documents: list[DocumentIn] = Field(..., min_length=1, max_length=MAX_DOCUMENTS)


class IngestOut(BaseModel):
    documents: int
    claims: int
    events: int
    new_entities: int
    skipped: int
    errors: list[str]


@router.post("/ingest", response_model=IngestOut, dependencies=[Depends(require_write_token)],
             summary="Ingest documents (needs the write token: Authorization: Bearer TOKEN)")
def api_ingest(request: Request, body: IngestIn) -> IngestOut:
    from dossier.pipeline import ingest

    st = state(request)
    with tempfile.TemporaryDirectory(prefix="dossier-serve-") as tmp:
        corpus = Path(tmp) / "posted.jsonl"
        with corpus.open("w", encoding="utf-8") as f:
            for d in body.documents:
                row = d.model_dump(exclude_none=True)
                if "published" in row:
                    row["published"] = row["published"].isoformat()
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        with _LOCK:
            try:
                report = ingest([corpus], st.store)
            finally:
                st.clear_caches()
    if report.errors and not report.documents and not report.skipped:
        raise HTTPException(422, [str(e) for e in report.errors])
    return IngestOut(documents=report.documents, claims=report.claims, events=report.events,
                     new_entities=report.new_entities, skipped=report.skipped, errors=[str(e) for e in report.errors])
