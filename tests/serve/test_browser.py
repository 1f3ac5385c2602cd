"""The pages in a real browser: Debian's Chromium, headless, driven by Playwright, against the test server.

Skipped only when Chromium is absent and CI is not set; under CI they must run (CI installs chromium).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest

from .conftest import SCRIPT_MARK

CHROMIUM = os.environ.get("DOSSIER_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VENDOR_FILES = ["leaflet/leaflet.js", "topojson-client/topojson-client.min.js", "world-atlas/countries-110m.json",
                "cytoscape/cytoscape.min.js", "swagger-ui/swagger-ui-bundle.js"]


def _chromium_path() -> str | None:
    if os.path.exists(CHROMIUM):
        return CHROMIUM
    return shutil.which(CHROMIUM)


@pytest.fixture(scope="module")
def browser() -> Iterator:
    path = _chromium_path()
    if path is None:
        if os.environ.get("CI", "").lower() not in ("", "0", "false", "no"):
            pytest.fail(f"CI is set but Chromium was not found at {CHROMIUM} "
                        "(install Debian's chromium or set DOSSIER_CHROMIUM)")
        pytest.skip(f"Chromium not found at {CHROMIUM}: install Debian's chromium or set DOSSIER_CHROMIUM to run "
                    "the browser tests")
    from dossier.serve.state import STATIC

    missing = [f for f in VENDOR_FILES if not (STATIC / "vendor" / f).exists()]
    if missing:
        pytest.fail(f"front-end libraries missing ({', '.join(missing)}): run `make vendor` (npm ci in web/)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture()
def page(browser, server):
    """A fresh page that records script errors, dialogs and every request leaving the test server."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(20_000)
    pg.errors, pg.dialogs, pg.outside = [], [], []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)  # CSP violations too
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("request", lambda r: None if r.url.startswith((server.url, "data:")) else pg.outside.append(r.url))
    yield pg
    context.close()


def test_map_shows_markers(page, server):
    page.goto(server.url + "/map")
    page.wait_for_selector("#map[data-markers]")
    assert page.get_attribute("#map", "data-markers") != "error"
    page.wait_for_selector("path.marker-event")
    assert page.locator("path.marker-event").count() == 2
    assert page.locator("path.marker-base").count() >= 2
    page.wait_for_selector(".leaflet-overlay-pane path:not(.marker)")  # the bundled world outline
    page.locator("path.marker-event").first.click(force=True)
    assert page.locator(".leaflet-popup-content").count() == 1
    assert not page.errors and not page.outside


def test_map_filter_by_group(page, server):
    page.goto(server.url + "/map?group=al-Shabab")
    page.wait_for_selector("#map[data-markers]")
    assert page.locator("path.marker-event").count() == 1
    assert "1 of 1 located events" in page.text_content("#map-status")


def test_network_shows_nodes_and_opens_a_group(page, server):
    page.goto(server.url + "/network")
    page.wait_for_selector("#network[data-nodes]")
    nodes = int(page.get_attribute("#network", "data-nodes"))
    assert nodes >= 5
    assert page.evaluate("window.dossierNetwork.edges().length") >= 3
    colours = page.evaluate("window.dossierNetwork.edges().map(e => e.data('relation') + ' ' + e.data('colour'))")
    assert any(c.startswith("opposes ") for c in colours)
    assert len({c.split()[1] for c in colours}) >= 2  # coloured by relation
    pos = page.evaluate("""() => {
        const n = window.dossierNetwork.nodes().filter(n => n.data('label') === 'al-Shabaab')[0];
        const p = n.renderedPosition(); const r = document.getElementById('network').getBoundingClientRect();
        return [r.left + p.x, r.top + p.y]; }""")
    with page.expect_navigation():
        page.mouse.click(*pos)
    assert "/groups/e" in page.url
    assert page.text_content("h1") == "al-Shabaab"
    assert not page.errors and not page.outside


def test_search_finds_an_alias(page, server):
    page.goto(server.url + "/groups")
    page.fill("#group-search", "Harakat al-Shabaab")
    with page.expect_navigation():
        page.press("#group-search", "Enter")
    links = page.locator("a.group-link").all_text_contents()
    assert links == ["al-Shabaab"]
    page.click("a.group-link")
    page.wait_for_selector("#links")
    assert "al-Qaeda" in page.text_content("#links")


def test_script_in_an_article_is_text_and_never_runs(page, server):
    page.goto(server.url + "/documents/w-xss")
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    text = page.text_content("#doc-text")
    assert f"<script>{SCRIPT_MARK} = 1;" in text and "<img src=x onerror=" in text
    assert page.evaluate(f"typeof {SCRIPT_MARK}") == "undefined"
    assert page.title() != "pwned" and not page.dialogs and not page.errors
    assert page.locator("#doc-text script, #doc-text img").count() == 0
    assert page.locator("mark.claim").count() >= 2  # the claims are highlighted
    assert page.text_content("h1") == "Markup <b>in</b> a title"


def test_citation_opens_the_source_sentence(page, server):
    page.goto(server.url + "/groups/ISKP")
    page.click("#where a.cite")
    page.wait_for_selector("mark.cited")
    assert "based in Nangarhar" in page.text_content("mark.cited")


def test_ask_box_answers_like_the_cli(page, server):
    page.goto(server.url + "/ask")
    page.fill("#ask-box", "Where is al-Shabaab based?")
    with page.expect_navigation():
        page.press("#ask-box", "Enter")
    answer = page.text_content(".answer-text")
    with __import__("httpx").Client(base_url=server.url) as client:
        want = client.get("/api/ask", params={"q": "Where is al-Shabaab based?"}).json()["answer"]
    assert answer.strip() == want


def test_group_page_and_timeline(page, server):
    page.goto(server.url + "/groups/IS-K")
    assert page.text_content("h1") == "Islamic State Khorasan Province"
    page.wait_for_selector("#map[data-markers]")
    assert page.locator("path.marker-event").count() == 1
    page.goto(server.url + "/timeline")
    assert page.locator("ol.timeline li.event").count() == 2
    assert not page.errors and not page.outside
