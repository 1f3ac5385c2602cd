"""Pages: the map of events and bases, and the timeline of events (both filtered by group, type, dates)."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request

from . import geo
from .state import render, state

router = APIRouter(include_in_schema=False)
PAGE = 100
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def _filters(group: str | None, type: str | None, since: str | None, until: str | None) -> dict[str, str | None]:
    return {"group": group or None, "type": type or None, "since": since or None, "until": until or None}


@router.get("/map")
def map_page(request: Request, group: str | None = Query(None, max_length=200),
             type: str | None = Query(None, max_length=64), since: str | None = Query(None, pattern=DATE),
             until: str | None = Query(None, pattern=DATE)):
    st = state(request)
    filters = _filters(group, type, since, until)
    types = st.cached(("event_types",), lambda: geo.event_types(st.store))
    return render(request, "map.html", title="Map", filters=filters, types=types, tiles=st.settings.tiles,
                  tiles_attribution=st.settings.tiles_attribution)


@router.get("/timeline")
def timeline_page(request: Request, group: str | None = Query(None, max_length=200),
                  type: str | None = Query(None, max_length=64), since: str | None = Query(None, pattern=DATE),
                  until: str | None = Query(None, pattern=DATE), offset: int = Query(0, ge=0)):
    st = state(request)
    filters = _filters(group, type, since, until)
    ids = st.cached(("event_ids_oldest", *filters.values()),
                    lambda: geo.event_ids(st.store, **filters, oldest_first=True))
    page = geo.events(st.store, limit=PAGE, offset=offset, ids=ids)
    types = st.cached(("event_types",), lambda: geo.event_types(st.store))
    years: dict[str, list[dict]] = {}
    for ev in page.items:
        years.setdefault((ev.get("date") or "undated")[:4], []).append(ev)
    return render(request, "timeline.html", title="Timeline", filters=filters, types=types, page=page, years=years,
                  params=filters)
