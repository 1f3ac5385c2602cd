"""The write token: ingest is refused without it, accepted with it; everything else stays read-only."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from .conftest import TOKEN

NEW_DOC = {"id": "w-new", "title": "Boko Haram in Borno", "publisher": "Test Desk", "published": "2021-02-03",
           "text": "Boko Haram is based in Borno State. Boko Haram opposes the Nigerian government."}


def test_read_only_server_refuses_ingest(api):
    r = api.post("/api/ingest", json={"documents": [NEW_DOC]}, headers={"authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 403 and "read-only" in r.json()["detail"]
    assert api.get("/api/documents/w-new").status_code == 404


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_no_other_writes(api, method):
    for path in ("/api/groups", "/api/documents/w-isk", "/api/claims", "/groups"):
        assert getattr(api, method)(path).status_code == 405


def test_write_token_guards_ingest(writable):
    with writable.client() as client:
        body = {"documents": [NEW_DOC]}
        assert client.post("/api/ingest", json=body).status_code == 401
        assert client.post("/api/ingest", json=body, headers={"authorization": "Bearer wrong"}).status_code == 401
        assert client.post("/api/ingest", json=body, headers={"authorization": TOKEN}).status_code == 401
        assert client.get("/api/documents/w-new").status_code == 404
        before = client.get("/api/groups", params={"q": "Boko"}).json()["total"]

        ok = client.post("/api/ingest", json=body, headers={"authorization": f"Bearer {TOKEN}"})
        assert ok.status_code == 200, ok.text
        assert ok.json()["documents"] == 1 and ok.json()["claims"] >= 1
        assert client.get("/api/documents/w-new").json()["title"] == "Boko Haram in Borno"
        assert client.get("/api/groups", params={"q": "Boko"}).json()["total"] == before + 1  # cache renewed

        again = client.post("/api/ingest", json=body, headers={"authorization": f"Bearer {TOKEN}"}).json()
        assert again["documents"] == 0 and again["skipped"] == 1
        bad = client.post("/api/ingest", json={"documents": [{"title": "no text"}]},
                          headers={"authorization": f"Bearer {TOKEN}"})
        assert bad.status_code == 422


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_cli_serve_binds_loopback_read_only(kb, dossier_cmd, tmp_path):
    """`dossier serve` as a user starts it: loopback only, read-only without a token."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "DOSSIER_WRITE_TOKEN"}
    proc = subprocess.Popen([*dossier_cmd, "--db", str(kb), "serve", "--port", str(port)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(url + "/api/stats", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"dossier serve did not start: {proc.stdout.read() if proc.stdout else ''}")
            time.sleep(0.2)
        assert httpx.get(url + "/api/stats").json()["documents"] == 4
        assert httpx.post(url + "/api/ingest", json={"documents": [NEW_DOC]}).status_code == 403
        with socket.socket() as s:  # not reachable on another address of this machine
            s.settimeout(1)
            other = socket.gethostbyname(socket.gethostname())
            if not other.startswith("127."):
                assert s.connect_ex((other, port)) != 0
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
    assert Path(kb).exists() and sys.executable
