"""Serve the app with uvicorn (what `dossier serve` calls)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import uvicorn
from fastapi import FastAPI

from .app import create_app, hosts_for

# How `run` hands its settings to worker processes, which build their own app (and store, and cache).
ENV_URL, ENV_HOST, ENV_TILES, ENV_TOKEN = ("DOSSIER_SERVE_URL", "DOSSIER_SERVE_HOST", "DOSSIER_SERVE_TILES",
                                           "DOSSIER_WRITE_TOKEN")


def app_from_env() -> FastAPI:
    """The app of one uvicorn worker process, from the environment `run` sets."""
    host = os.environ.get(ENV_HOST, "127.0.0.1")
    return create_app(os.environ[ENV_URL], os.environ.get(ENV_TOKEN) or None,
                      tiles=os.environ.get(ENV_TILES) or None, allowed_hosts=hosts_for(host))


def run(store_url: str, host: str = "127.0.0.1", port: int = 8000, write_token: str | None = None,
        tiles: str | None = None, workers: int = 1, log_level: str = "info") -> None:
    """Serve the knowledge base at `store_url` on host:port until interrupted; `workers` > 1 runs that many
    processes (Python answers one request at a time per process, so this is what uses several cores)."""
    if not (Path(__file__).parent / "static" / "vendor" / ".installed").exists():
        print("dossier serve: the front-end libraries are not installed (maps and the network will not draw); "
              "run `make vendor` (needs npm)", file=sys.stderr)
    common = {"host": host, "port": port, "log_level": log_level, "access_log": False, "server_header": False}
    if workers <= 1:
        uvicorn.run(create_app(store_url, write_token, tiles=tiles, allowed_hosts=hosts_for(host)), **common)
        return
    os.environ[ENV_URL], os.environ[ENV_HOST] = store_url, host
    os.environ[ENV_TILES] = tiles or ""
    os.environ[ENV_TOKEN] = write_token or ""
    uvicorn.run("dossier.serve.run:app_from_env", factory=True, workers=workers, **common)
