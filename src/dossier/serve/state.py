"""What every page and API route reaches through `request.app.state`: the store, the cache, settings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.responses import HTMLResponse

from dossier.query import profile as profile_words
from dossier.query.render import fmt_date
from dossier.store import Store

from .cache import VersionedCache

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


@dataclass
class Settings:
    write_token: str | None = None
    tiles: str | None = None  # a tile URL template ("https://tile.openstreetmap.org/{z}/{x}/{y}.png"); None: offline
    tiles_attribution: str = "© OpenStreetMap contributors"


class AppState:
    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.settings = settings
        self.cache = VersionedCache(store)  # query results, shared by pages and API
        self.responses = VersionedCache(store, max_entries=2048)  # whole GET responses (response_cache.py)
        self.templates = Jinja2Templates(env=_environment())

    def clear_caches(self) -> None:
        self.cache.clear()
        self.responses.clear()

    def group_counts(self) -> dict:
        from .lists import group_counts

        return self.cached(("group_counts",), lambda: group_counts(self.store))

    def cached(self, key: tuple, compute):
        return self.cache.get(key, compute)


def state(request: Request) -> AppState:
    return request.app.state.dossier


def doc_url(doc_id: str, cite: str | None = None) -> str:
    """The document page; with `cite` (an evidence sentence) it opens at that sentence, highlighted."""
    url = "/documents/" + quote(doc_id, safe="")
    if cite:
        url += "?" + urlencode({"cite": " ".join(cite.split())[:600]}) + "#cited"
    return url


def group_url(entity_id: str) -> str:
    return "/groups/" + quote(entity_id, safe="")


def query_url(path: str, params: dict[str, Any], **changes: Any) -> str:
    """`path` with the current filters, some changed (None drops one): for pagination links."""
    merged = {**params, **changes}
    clean = {k: v for k, v in merged.items() if v not in (None, "")}
    return path + ("?" + urlencode(clean) if clean else "")


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True)
    env.globals.update(doc_url=doc_url, group_url=group_url, query_url=query_url, fmt_date=fmt_date,
                       fact_words=profile_words.fact_words, event_line=profile_words.event_line,
                       link_label=profile_words.link_label, as_of_words=profile_words.as_of_words,
                       figure=profile_words.figure, labels=profile_words.LABELS, grouped=grouped)
    env.filters["literal"] = _literal
    return env


def grouped(items: list[Any], key: str | Any) -> list[tuple[Any, list[Any]]]:
    """Items grouped by an attribute name or a function, in order of first appearance (Jinja's groupby sorts)."""
    out: dict[Any, list[Any]] = {}
    for item in items:
        k = key(item) if callable(key) else getattr(item, key)
        out.setdefault(k, []).append(item)
    return list(out.items())


def _literal(value: Any) -> str:
    """A claim's object as words: an entity name, or a literal (date, figure, text)."""
    from dossier.query.render import literal_text

    if isinstance(value, dict):
        return literal_text(value)
    return "" if value is None else str(value)


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    st = state(request)
    context.setdefault("writable", st.settings.write_token is not None)
    return st.templates.TemplateResponse(request, name, context, status_code=status_code)
