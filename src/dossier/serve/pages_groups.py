"""Pages: the groups list (search over names and aliases, with counts) and a group's profile."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response

from dossier.query.profile import Profile, UnknownName, build_profile

from . import lists
from .state import AppState, render, state

router = APIRouter(include_in_schema=False)
PAGE = 50


@router.get("/")
def home() -> Response:
    return RedirectResponse("/groups", status_code=307)


@router.get("/groups")
def groups_page(request: Request, q: str | None = Query(None, max_length=200), offset: int = Query(0, ge=0)):
    st = state(request)
    page = st.cached(("groups", q or "", PAGE, offset),
                     lambda: lists.groups(st.store, q, PAGE, offset, st.group_counts()))
    return render(request, "groups.html", page=page, q=q or "", params={"q": q}, title="Groups")


def load_profile(st: AppState, ref: str) -> Profile | None:
    """The profile of an entity given by id ("e12") or by any of its names; None when unknown."""
    def build() -> Profile | None:
        name = ref
        if lists.parse_entity_id(ref) is not None:
            ent = lists.entity(st.store, ref)
            if ent is None:
                return None
            name = ent["name"]
        try:
            return build_profile(st.store, name)
        except UnknownName:
            return None

    return st.cached(("profile", ref), build)


@router.get("/groups/{ref:path}")
def group_page(request: Request, ref: str):
    st = state(request)
    prof = load_profile(st, ref)
    if prof is None:
        return render(request, "error.html", status_code=404, title="Not known",
                      message=f"The knowledge base has no group or entity named {ref!r}.")
    sources = {s.n: s for s in prof.sources}
    return render(request, "group.html", p=prof, sources=sources, title=prof.name)
