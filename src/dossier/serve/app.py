"""`create_app(store_url, write_token=None)`: the FastAPI app `dossier serve` runs with uvicorn."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from dossier.store import Store

from . import api, api_ingest, pages_ask, pages_documents, pages_groups, pages_map, pages_network
from .response_cache import ResponseCache
from .security import SecurityHeaders, content_security_policy
from .state import STATIC, AppState, Settings, render

log = logging.getLogger(__name__)

LOOPBACK_HOSTS = ["127.0.0.1", "localhost"]
DESCRIPTION = """A sourced knowledge base about armed groups, read from news reporting.

Read-only unless the server was started with a write token; `POST /api/ingest` then needs
`Authorization: Bearer <token>`. Lists are paged with `limit` and `offset` and give the `total`."""


def create_app(store_url: str, write_token: str | None = None, *, tiles: str | None = None,
               allowed_hosts: list[str] | None = None) -> FastAPI:
    """The web app and JSON API over the knowledge base at `store_url` (an SQLAlchemy URL).

    `write_token`: enables POST /api/ingest for requests bearing it (read-only when None or empty).
    `tiles`: a tile URL template for an optional online base map (default: the bundled outline only).
    `allowed_hosts`: Host header values accepted (e.g. loopback names, against DNS rebinding); None: any.
    """
    store = Store(store_url)
    settings = Settings(write_token=write_token or None, tiles=tiles or None)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        threading.Thread(target=warm_up, args=(app.state.dossier,), name="dossier-warm-up", daemon=True).start()
        try:
            yield
        finally:
            store.close()

    app = FastAPI(title="dossier", description=DESCRIPTION, version="0.1.0", docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json", lifespan=lifespan)
    app.state.dossier = AppState(store, settings)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for module in (pages_groups, pages_map, pages_network, pages_documents, pages_ask, api, api_ingest):
        app.include_router(module.router)

    @app.get("/docs", include_in_schema=False)
    def docs(request: Request):
        """Swagger UI from the bundled swagger-ui-dist (no CDN), started by static/js/docs.js."""
        return render(request, "docs.html", title="API")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if request.url.path.startswith("/api/") or request.url.path.startswith("/static/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return render(request, "error.html", status_code=exc.status_code, title=f"Error {exc.status_code}",
                      message=str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in exc.errors()]
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": errors}, status_code=422)
        message = "; ".join(f"{'.'.join(str(x) for x in e['loc'][1:])}: {e['msg']}" for e in errors)
        return render(request, "error.html", status_code=422, title="Invalid request", message=message)

    app.add_middleware(ResponseCache, cache=app.state.dossier.responses)
    app.add_middleware(SecurityHeaders, csp=content_security_policy(settings.tiles))
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    return app


def warm_up(st: AppState) -> None:
    """Fill the cache with what most pages need (group counts, the sorted event and document ids, the
    network) in the background at start, so the first visitors do not wait for whole-store scans."""
    from . import geo, lists

    try:
        st.group_counts()
        st.cached(("event_ids", None, None, None, None, None), lambda: geo.event_ids(st.store))
        st.cached(("document_ids", None, None, None), lambda: lists.document_ids(st.store))
        st.cached(("event_types",), lambda: geo.event_types(st.store))
        st.cached(("network", None), lambda: geo.network(st.store))
    except Exception:  # a cold cache is slower, not wrong
        log.exception("warming the cache failed")


def hosts_for(bind: str) -> list[str] | None:
    """Host headers to accept when bound to `bind`: loopback names on loopback (so a web page elsewhere
    cannot reach the server through DNS rebinding), anything otherwise."""
    return LOOPBACK_HOSTS if bind in ("127.0.0.1", "localhost") else None
