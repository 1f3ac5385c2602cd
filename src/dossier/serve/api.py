"""The JSON API under /api: groups, entities, claims, events, documents, ask, map and network data.

Lists take `limit` (at most 500) and `offset` and return `{total, limit, offset, items}`; filters are
those of the pages. Rows have the shapes of `dossier export` (see docs/formats/).
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from . import geo, lists
from .pages_ask import answer
from .pages_groups import load_profile
from .state import state

router = APIRouter(prefix="/api", tags=["read"])
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
Limit = Query(50, ge=1, le=500, description="Rows per page (at most 500).")
Offset = Query(0, ge=0, description="Rows to skip.")


def as_json(value: Any) -> Response:
    """JSON encoded once with the standard library: rows are plain dicts of str, int, float, None, lists and
    dicts already, so FastAPI's validation and jsonable_encoder pass (several ms a page) is not needed."""
    body = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    return Response(body, media_type="application/json")


class PageOut(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]


@router.get("/groups", response_model=PageOut, summary="Armed groups, organisations and forces, with counts")
def api_groups(request: Request, q: str | None = Query(None, max_length=200, description="Part of a name or alias."),
               limit: int = Limit, offset: int = Offset):
    st = state(request)
    return as_json(st.cached(("groups", q or "", limit, offset),
                     lambda: lists.groups(st.store, q, limit, offset, st.group_counts())).to_dict())


@router.get("/groups/{ref:path}", summary="A group's profile (as `dossier profile NAME --format json`)")
def api_group(request: Request, ref: str) -> dict[str, Any]:
    prof = load_profile(state(request), ref)
    if prof is None:
        raise HTTPException(404, f"no group or entity named {ref!r}")
    return as_json(prof.to_dict())


@router.get("/entities", response_model=PageOut, summary="Entities of every kind")
def api_entities(request: Request, q: str | None = Query(None, max_length=200), type: str | None = Query(None),
                 limit: int = Limit, offset: int = Offset):
    st = state(request)
    return as_json(st.cached(("entities", q, type, limit, offset),
                     lambda: lists.entities(st.store, q, type, limit, offset)).to_dict())


@router.get("/entities/{ref}", summary="One entity by id (e12)")
def api_entity(request: Request, ref: str) -> dict[str, Any]:
    ent = lists.entity(state(request).store, ref)
    if ent is None:
        raise HTTPException(404, f"no entity {ref!r}")
    return ent


@router.get("/claims", response_model=PageOut, summary="Claims with their provenance, newest first")
def api_claims(request: Request, entity: str | None = Query(None, description="Entity id or any name, as subject "
                                                            "or object."),
               predicate: str | None = Query(None), modality: str | None = Query(None),
               doc_id: str | None = Query(None), limit: int = Limit, offset: int = Offset):
    st = state(request)
    filters = (entity, predicate, modality, doc_id)
    total = st.cached(("claims_total", *filters), lambda: lists.claims(st.store, *filters, limit=1).total)
    return as_json(lists.claims(st.store, *filters, limit=limit, offset=offset, total=total).to_dict())


@router.get("/events", response_model=PageOut, summary="Events, newest first")
def api_events(request: Request, group: str | None = Query(None, description="Perpetrator: id or any name."),
               type: str | None = Query(None, description="Event type or sub-type."),
               country: str | None = Query(None, description="ISO code or name."),
               since: str | None = Query(None, pattern=DATE), until: str | None = Query(None, pattern=DATE),
               limit: int = Limit, offset: int = Offset):
    st = state(request)
    filters = {"group": group, "type": type, "country": country, "since": since, "until": until}
    ids = st.cached(("event_ids", *filters.values()), lambda: geo.event_ids(st.store, **filters))
    return as_json(geo.events(st.store, limit=limit, offset=offset, ids=ids).to_dict())


@router.get("/documents", response_model=PageOut, summary="Documents (without text), newest first")
def api_documents(request: Request, q: str | None = Query(None, max_length=200, description="Part of the title."),
                  publisher: str | None = Query(None), entity: str | None = Query(None), limit: int = Limit,
                  offset: int = Offset):
    st = state(request)
    ids = st.cached(("document_ids", q, publisher, entity), lambda: lists.document_ids(st.store, q, publisher, entity))
    return as_json(lists.documents(st.store, limit=limit, offset=offset, ids=ids).to_dict())


@router.get("/documents/{doc_id:path}", summary="One document with its text and claims")
def api_document(request: Request, doc_id: str) -> dict[str, Any]:
    st = state(request)
    doc = st.cached(("document", doc_id), lambda: lists.document(st.store, doc_id))
    if doc is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    return as_json(doc)


@router.get("/ask", summary="Answer a question (as `dossier ask --format json`)")
def api_ask(request: Request, q: str = Query(..., min_length=1, max_length=500)) -> dict[str, Any]:
    return as_json(answer(request, q.strip()))


@router.get("/map", summary="GeoJSON of located events and group bases")
def api_map(request: Request, group: str | None = Query(None), type: str | None = Query(None),
            since: str | None = Query(None, pattern=DATE), until: str | None = Query(None, pattern=DATE)):
    st = state(request)
    return as_json(st.cached(("map", group, type, since, until),
                             lambda: geo.map_features(st.store, group, type, since, until)))


@router.get("/network", summary="Groups and their links (linked_to, opposes, part_of, split_from)")
def api_network(request: Request, group: str | None = Query(None)):
    st = state(request)
    return as_json(st.cached(("network", group), lambda: geo.network(st.store, group)))


@router.get("/stats", summary="How many rows each table holds")
def api_stats(request: Request) -> dict[str, int]:
    st = state(request)
    return st.cached(("stats",), st.store.counts)
