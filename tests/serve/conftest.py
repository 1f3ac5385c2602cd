"""Fixtures of the web app tests: a real knowledge base (short texts ingested through the pipeline) served
by a real uvicorn on a free loopback port, read-only and with a write token."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn
from conftest import build_kb

from dossier.serve import create_app, hosts_for

TOKEN = "test-token-5f2c"
SCRIPT_MARK = "window.__dossier_xss"
# Short documents written for these tests: a group known by several names, an attack in a city of the
# gazetteer, bases, links and a rivalry, and an article carrying markup that must never run.
DOCS = [
    {"id": "w-isk", "url": "https://example.test/isk", "title": "A note on IS-K", "publisher": "Test Desk",
     "published": "2023-05-02",
     "text": "IS-K is the regional affiliate of the Islamic State group in Afghanistan. "
             "The group has about 4,000 fighters, according to a 2023 UN report. "
             "IS-K is based in Nangarhar. "
             "According to researchers, there are strong links between IS-K and the Haqqani network. "
             "The Taliban oppose IS-K."},
    {"id": "w-attack", "url": None, "title": "Bombing in Jalalabad", "publisher": "Test Wire",
     "published": "2015-04-19",
     "text": "A suicide bomber killed 33 people outside a bank in Jalalabad on 18 April 2015. "
             "IS-K claimed responsibility for the bombing."},
    {"id": "w-shabaab", "url": None, "title": "Al-Shabaab in Somalia", "publisher": "Test Desk",
     "published": "2022-03-01",
     "text": "Al-Shabaab is based in southern Somalia. Al-Shabaab is part of al-Qaeda. "
             "Al-Shabaab opposes the Somali government. "
             "On 21 September 2013 al-Shabaab gunmen attacked the Westgate mall in Nairobi, killing 67 people."},
    {"id": "w-xss", "url": None, "title": "Markup <b>in</b> a title", "publisher": "<i>Untrusted</i> Press",
     "published": "2024-01-10",
     "text": "Hezbollah is based in southern Lebanon. "
             f"<script>{SCRIPT_MARK} = 1; document.title = 'pwned';</script> "
             f"<img src=x onerror=\"{SCRIPT_MARK} = 2\"> Hezbollah opposes Israel."},
]


@dataclass
class Server:
    url: str
    db: Path
    token: str | None

    def client(self, **kw) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=60, **kw)


@pytest.fixture(scope="session")
def kb(tmp_path_factory) -> Path:
    """The knowledge base of DOCS, built once per session."""
    return build_kb(tmp_path_factory.mktemp("serve-kb"), DOCS)


def _free_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


def _serve(db: Path, token: str | None) -> Iterator[Server]:
    """uvicorn in a thread on a free loopback port, as `dossier serve` runs it; stopped afterwards."""
    app = create_app(f"sqlite:///{db}", token, allowed_hosts=hosts_for("127.0.0.1"))
    sock = _free_socket()
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield Server(f"http://127.0.0.1:{port}", db, token)
    finally:
        server.should_exit = True
        thread.join(timeout=15)
        sock.close()


@pytest.fixture(scope="session")
def server(kb) -> Iterator[Server]:
    """A read-only server (no write token) over the knowledge base."""
    yield from _serve(kb, None)


@pytest.fixture(scope="session")
def writable(kb, tmp_path_factory) -> Iterator[Server]:
    """A server started with a write token, over its own copy of the knowledge base."""
    db = tmp_path_factory.mktemp("serve-writable") / "kb.db"
    shutil.copyfile(kb, db)
    yield from _serve(db, TOKEN)


@pytest.fixture(scope="session")
def api(server) -> Iterator[httpx.Client]:
    with server.client() as client:
        yield client
