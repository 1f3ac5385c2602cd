"""The JSON API against a real server on loopback over a real knowledge base."""

from __future__ import annotations

import re

import pytest

from dossier.query import ask
from dossier.store import Store

from .conftest import SCRIPT_MARK


def test_groups_list_counts_and_pagination(api):
    body = api.get("/api/groups", params={"limit": 500}).json()
    names = {g["name"]: g for g in body["items"]}
    assert body["total"] == len(body["items"]) >= 4
    isk = names["Islamic State Khorasan Province"]
    assert isk["claims"] >= 4 and isk["events"] == 1 and isk["documents"] == 2
    assert "ISKP" in isk["aliases"]
    first, second = (api.get("/api/groups", params={"limit": 1, "offset": i}).json() for i in (0, 1))
    assert first["total"] == second["total"] == body["total"]
    assert first["limit"] == 1 and second["offset"] == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]


@pytest.mark.parametrize("q", ["ISKP", "iskp", "Harakat al-Shabaab", "hizballah"])
def test_group_search_matches_aliases(api, q):
    items = api.get("/api/groups", params={"q": q}).json()["items"]
    assert items, q
    assert any(q.casefold() in a.casefold() for g in items for a in [g["name"], *g["aliases"]])


def test_group_profile_by_id_and_by_alias(api):
    by_alias = api.get("/api/groups/ISIS-K").json()
    assert by_alias["name"] == "Islamic State Khorasan Province"
    by_id = api.get(f"/api/groups/{by_alias['id']}").json()
    assert by_id == by_alias
    assert any(f["text"] == "Nangarhar" for f in by_id["places"])
    assert by_id["events_total"] == 1 and by_id["sources"]
    assert api.get("/api/groups/No Such Group Anywhere").status_code == 404


def test_claims_filters(api):
    based = api.get("/api/claims", params={"predicate": "based_in", "limit": 500}).json()
    assert based["total"] == len(based["items"]) >= 3
    assert all(c["predicate"] == "based_in" and c["evidence"] and c["doc_id"] for c in based["items"])
    mine = api.get("/api/claims", params={"entity": "Shabab"}).json()
    assert mine["total"] >= 3 and all("al-Shabaab" in (c["subject"], c["object"]) for c in mine["items"])
    one_doc = api.get("/api/claims", params={"doc_id": "w-xss"}).json()
    assert {c["predicate"] for c in one_doc["items"]} >= {"based_in", "opposes"}


def test_events_filters(api):
    all_events = api.get("/api/events").json()
    assert all_events["total"] == 2
    shabaab = api.get("/api/events", params={"group": "al-Shabab"}).json()
    assert shabaab["total"] == 1 and shabaab["items"][0]["place"]["name"] == "Nairobi"
    assert api.get("/api/events", params={"since": "2014-01"}).json()["total"] == 1
    assert api.get("/api/events", params={"until": "2013-09"}).json()["total"] == 1
    assert api.get("/api/events", params={"type": "explosions_remote_violence"}).json()["total"] == 1
    assert api.get("/api/events", params={"country": "KE"}).json()["total"] == 1


def test_entities_and_documents(api):
    places = api.get("/api/entities", params={"type": "place", "limit": 2}).json()
    assert places["total"] > 2 and len(places["items"]) == 2
    ent = api.get(f"/api/entities/{places['items'][0]['id']}").json()
    assert ent == places["items"][0]
    docs = api.get("/api/documents").json()
    assert docs["total"] == 4 and "text" not in docs["items"][0]
    doc = api.get("/api/documents/w-xss").json()
    assert SCRIPT_MARK in doc["text"] and doc["claims"]
    assert api.get("/api/documents/nope").status_code == 404
    assert api.get("/api/documents", params={"entity": "IS-K"}).json()["total"] == 2


def test_ask_is_the_cli_answer(api, server):
    question = "Where is al-Shabaab based?"
    got = api.get("/api/ask", params={"q": question}).json()
    with Store.from_path(server.db) as store:
        want = ask(store, question).to_dict()
    assert got == want
    assert "Somalia" in got["answer"] and got["sources"]


def test_map_and_network_data(api):
    geo = api.get("/api/map").json()
    kinds = [f["properties"]["kind"] for f in geo["features"]]
    assert kinds.count("event") == 2 and kinds.count("base") >= 2
    jalalabad = next(f for f in geo["features"] if f["properties"].get("place") == "Jalalabad")
    lon, lat = jalalabad["geometry"]["coordinates"]
    assert 34 < lat < 35 and 70 < lon < 71
    only = api.get("/api/map", params={"group": "ISKP"}).json()
    assert {f["properties"].get("group") for f in only["features"] if f["properties"]["kind"] == "base"} == {
        "Islamic State Khorasan Province"}
    net = api.get("/api/network").json()
    names = {n["id"]: n["name"] for n in net["nodes"]}
    edges = {(names[e["source"]], e["relation"], names[e["target"]]) for e in net["edges"]}
    assert ("al-Shabaab", "part_of", "al-Qaeda") in edges
    assert ("Islamic State Khorasan Province", "linked_to", "Haqqani network") in edges
    assert ("al-Shabaab", "opposes", "Somali government") in edges


@pytest.mark.parametrize("path", ["/api/groups?limit=501", "/api/events?since=yesterday", "/api/groups?offset=-1",
                                  "/api/ask"])
def test_bad_parameters_are_422(api, path):
    assert api.get(path).status_code == 422


def test_openapi_and_docs_without_cdn(api):
    spec = api.get("/openapi.json").json()
    for path in ("/api/groups", "/api/entities", "/api/claims", "/api/events", "/api/documents", "/api/ask",
                 "/api/ingest"):
        assert path in spec["paths"]
    html = api.get("/docs").text
    scripts = re.findall(r"<script[^>]*src=\"([^\"]+)\"", html) + re.findall(r"href=\"([^\"]+\.css)\"", html)
    assert scripts and all(s.startswith("/static/") for s in scripts), scripts
    for src in scripts:
        assert api.get(src).status_code == 200, src


def test_safety_headers_and_host_check(api):
    r = api.get("/groups")
    csp = r.headers["content-security-policy"]
    script_src = re.search(r"script-src ([^;]+)", csp).group(1)
    assert script_src.strip() == "'self'" and "unsafe" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    # a page elsewhere reaching the server through DNS rebinding sends its own host name
    assert api.get("/api/groups", headers={"host": "evil.example"}).status_code == 400


def test_pages_escape_untrusted_text(api):
    html = api.get("/documents/w-xss").text
    assert "&lt;script&gt;" in html and "<script>" + SCRIPT_MARK not in html
    assert "&lt;img src=x onerror=" in html and "<img src=x" not in html
    assert "Markup &lt;b&gt;in&lt;/b&gt; a title" in html
    listing = api.get("/documents").text
    assert "&lt;b&gt;in&lt;/b&gt;" in listing and "<b>in</b>" not in listing


@pytest.mark.parametrize("path", ["/groups", "/groups?q=ISKP", "/groups/IS-K", "/map", "/map?group=ISKP&since=2014",
                                  "/timeline", "/timeline?group=al-Shabab", "/network", "/network?group=IS-K",
                                  "/documents", "/documents/w-attack", "/ask", "/ask?q=Who+is+IS-K%3F", "/docs"])
def test_pages_render(api, path):
    r = api.get(path)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "<script>" not in r.text  # every script is a file of /static


def test_unknown_pages_are_404(api):
    assert api.get("/groups/No Such Group Anywhere").status_code == 404
    assert api.get("/documents/nope").status_code == 404


def test_online_tiles_are_opt_in():
    from dossier.serve.security import content_security_policy

    offline = content_security_policy(None)
    assert "img-src 'self' data:;" in offline and "http" not in offline
    online = content_security_policy("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png")
    assert "img-src 'self' data: https://*.tile.openstreetmap.org;" in online


def test_map_page_has_no_tiles_by_default(api):
    html = api.get("/map").text
    assert "data-tiles" not in html and "tile.openstreetmap" not in html
