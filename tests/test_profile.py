"""`dossier profile`: an explainer built from a real knowledge base (short documents ingested here)."""

from __future__ import annotations

import json
import re

import pytest
from conftest import build_kb
from typer.testing import CliRunner

from dossier.cli import app
from dossier.export.profile_html import render_html
from dossier.export.profile_md import render_md
from dossier.query.profile import UnknownName, build_profile
from dossier.store import Store

SCRIPT = "<script>alert('x')</script>"
DOCS = [
    {"id": "p-isk", "url": "https://example.org/isk", "title": f"IS-K explained {SCRIPT}",
     "publisher": "Test Desk", "published": "2023-05-02",
     "text": "IS-K is the regional affiliate of the Islamic State group in Afghanistan. "
             "The group was founded in January 2015. "
             "In 2023 the group had about 4,000 fighters, according to a UN report. "
             "IS-K is based in Nangarhar. "
             f"IS-K has repeatedly targeted Shia Muslims {SCRIPT}. "
             "According to researchers, there are strong links between IS-K and the Haqqani network. "
             "IS-K has fought the Taliban since 2015."},
    {"id": "p-isk-old", "url": None, "title": "IS-K's strength", "publisher": "Other Wire",
     "published": "2021-08-27",
     "text": "US officials said in 2021 that IS-K had about 2,000 fighters. "
             "The group is led by Shahab al-Muhajir."},
    {"id": "p-attack", "url": None, "title": "Bombing in Jalalabad", "publisher": "Test Wire",
     "published": "2015-04-19",
     "text": "A suicide bomber killed 33 people outside a bank in Jalalabad on 18 April 2015. "
             "IS-K claimed responsibility for the bombing."},
]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_kb(tmp_path_factory.mktemp("profile"), DOCS)


@pytest.fixture(scope="module")
def prof(db):
    with Store.from_path(db) as store:
        return build_profile(store, "ISKP")  # an alias, resolved as `ask` resolves names


def test_profile_data(prof):
    assert prof.name in ("Islamic State Khorasan Province", "IS-K")
    assert "IS-K" in prof.aliases or prof.name == "IS-K"
    figures = {f.text for f in prof.sizes}
    assert any("4,000" in f for f in figures) and any("2,000" in f for f in figures)  # conflicting, side by side
    assert all(f.cites and f.as_of for f in prof.sizes)
    assert {"2023", "2021"} <= {f.as_of[:4] for f in prof.sizes}
    assert any(e.date == "2015-04-18" and e.place == "Jalalabad" and e.killed == 33 for e in prof.events)
    assert any(f.predicate == "based_in" and f.text == "Nangarhar" for f in prof.places)
    assert any(f.predicate == "linked_to" and "Haqqani" in f.text and "researchers" in f.hedge for f in prof.links)
    assert any("Muhajir" in p.name for p in prof.people)
    cited = {n for f in prof.overview + prof.sizes + prof.places + prof.links for n in f.cites}
    cited |= {n for e in prof.events for n in e.cites}
    assert cited == {s.n for s in prof.sources}  # every source is cited, every citation has a source


def test_markdown(prof):
    md = render_md(prof)
    for heading in ("## Overview", "## Size over time", "## Attacks timeline", "## Where they operate",
                    "## Links and rivals", "## Key people", "## Sources"):
        assert heading in md
    assert re.search(r"18 April 2015\*\* — .*Jalalabad.*33 killed.*\[\d\]", md)
    assert "according to researchers" in md
    assert "<script>" not in md and r"\<script\>" in md
    assert re.search(r"^1\. .+ — ", md, re.M)


def test_html_is_standalone_and_escaped(prof):
    page = render_html(prof)
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page.lower()  # neither ours nor the article's
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page.replace(
        'href="https://example.org/isk"', ""))  # no remote resource: only the source's own link
    assert "<link" not in page and "@import" not in page
    assert page.count("<svg") >= 3  # map, timeline, network
    assert 'id="src-1"' in page and 'href="#src-1"' in page


def test_unknown_name(db):
    with Store.from_path(db) as store, pytest.raises(UnknownName):
        build_profile(store, "Nonexistent Brigade of Nowhere")
    result = CliRunner().invoke(app, ["--db", str(db), "profile", "Nonexistent Brigade of Nowhere"])
    assert result.exit_code == 1
    assert "Not known" in result.output


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_cli_writes_file(db, tmp_path, fmt):
    out = tmp_path / "sub" / f"isk.{fmt}"
    result = CliRunner().invoke(app, ["--db", str(db), "profile", "IS-K", "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output == ""
    text = out.read_text(encoding="utf-8")
    if fmt == "json":
        data = json.loads(text)
        assert {"name", "aliases", "overview", "sizes", "events", "places", "links", "people", "sources"} <= set(data)
        assert data["sources"][0]["n"] == 1
    else:
        assert "Jalalabad" in text
    assert list(out.parent.glob(".*")) == []  # no temporary file left behind


def test_cli_stdout(db):
    result = CliRunner().invoke(app, ["--db", str(db), "profile", "IS-K"])
    assert result.exit_code == 0
    assert result.output.startswith("# ")
