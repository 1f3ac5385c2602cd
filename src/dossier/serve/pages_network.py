"""Page: the network of groups linked by linked_to, opposes, part_of and split_from."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request

from .state import render

router = APIRouter(include_in_schema=False)
RELATIONS = {"linked_to": "linked to", "opposes": "opposes", "part_of": "part of", "split_from": "split from"}


@router.get("/network")
def network_page(request: Request, group: str | None = Query(None, max_length=200)):
    return render(request, "network.html", title="Network", group=group or "", relations=RELATIONS)
