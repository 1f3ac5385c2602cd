"""Pages: the documents list and one document's text with the claims read from it highlighted."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request

from . import lists
from .highlight import segments
from .state import render, state

router = APIRouter(include_in_schema=False)
PAGE = 50


@router.get("/documents")
def documents_page(request: Request, q: str | None = Query(None, max_length=200),
                   entity: str | None = Query(None, max_length=200), offset: int = Query(0, ge=0)):
    st = state(request)
    ids = st.cached(("document_ids", q, None, entity), lambda: lists.document_ids(st.store, q, None, entity))
    page = lists.documents(st.store, limit=PAGE, offset=offset, ids=ids)
    return render(request, "documents.html", title="Documents", page=page, q=q or "", entity=entity or "",
                  params={"q": q, "entity": entity})


@router.get("/documents/{doc_id:path}")
def document_page(request: Request, doc_id: str, cite: str | None = Query(None, max_length=2000)):
    st = state(request)
    doc = st.cached(("document", doc_id), lambda: lists.document(st.store, doc_id))
    if doc is None:
        return render(request, "error.html", status_code=404, title="Not known",
                      message=f"No document with id {doc_id!r}.")
    return render(request, "document.html", title=doc["title"] or doc["id"], doc=doc,
                  segments=segments(doc["text"], doc["claims"], cite))
