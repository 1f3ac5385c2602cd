"""Whole responses of read-only GET requests, kept until the knowledge base changes.

Pages and API answers are pure functions of the URL and the store, so a repeated request is answered
from memory without routing, querying, rendering or JSON encoding: under load the server then spends
its time on new questions only. Responses larger than `MAX_BODY`, non-200 ones and /static (served
from files) are not kept.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .cache import VersionedCache

MAX_BODY = 1_000_000
SKIP_PREFIXES = ("/static/",)


class ResponseCache:
    """Pure ASGI middleware over a `VersionedCache` of (status, headers, body) by path and query string."""

    def __init__(self, app: ASGIApp, cache: VersionedCache) -> None:
        self.app = app
        self.cache = cache

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"].startswith(SKIP_PREFIXES):
            await self.app(scope, receive, send)
            return
        key = (scope["path"], scope.get("query_string", b""))
        hit = self.cache.lookup(key)
        if hit is not None:
            status, headers, body = hit
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        start: Message = {}
        chunks: list[bytes] = []
        size = 0

        async def capture(message: Message) -> None:
            nonlocal size
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body" and size <= MAX_BODY:
                chunks.append(message.get("body", b""))
                size += len(chunks[-1])
                if not message.get("more_body", False) and start.get("status") == 200 and size <= MAX_BODY:
                    self.cache.put(key, (200, list(start.get("headers", [])), b"".join(chunks)))
            await send(message)

        await self.app(scope, receive, capture)
