"""`dossier events`: the event table, filtered by group, country and dates, on a small real database."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from dossier.cli import app

DOCS = [
    {"id": "a", "published": "2021-08-28", "title": "Mogadishu bombing",
     "text": "Al-Shabaab claimed responsibility for a bombing in Mogadishu on Saturday that killed at least 13 "
             "people and wounded 20."},
    {"id": "b", "published": "2021-08-29", "title": "Mogadishu bombing toll",
     "text": "A car bomb exploded in Mogadishu on Saturday, killing 15 people."},
    {"id": "c", "published": "2020-06-10", "title": "Borno attack",
     "text": "Boko Haram gunmen killed at least 69 people in Gubio in Borno state on Tuesday."},
]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("events-cli")
    corpus = tmp / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(d) + "\n" for d in DOCS), encoding="utf-8")
    path = tmp / "kb.db"
    result = CliRunner().invoke(app, ["--db", str(path), "ingest", str(corpus), "--no-progress"])
    assert result.exit_code == 0, result.output
    return path


def run(db, *args: str) -> str:
    result = CliRunner().invoke(app, ["--db", str(db), "events", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def jsonl(db, *args: str) -> list[dict]:
    return [json.loads(line) for line in run(db, "--format", "jsonl", *args).splitlines() if line.strip()]


def test_table_lists_merged_events(db):
    out = run(db).splitlines()
    assert out[0].split() == ["date", "type", "place", "perpetrators", "killed", "injured", "sources"]
    mogadishu = next(line for line in out if "Mogadishu" in line)
    assert mogadishu.startswith("2021-08-28") and "al-Shabaab (claimed)" in mogadishu
    assert mogadishu.split()[-1] == "2"  # two reports of one bombing
    assert any(line.startswith("2020-06-09") and "Boko Haram (stated)" in line for line in out)


def test_filter_by_group_alias(db):
    assert [e["doc_ids"] for e in jsonl(db, "--group", "Al Shabaab")] == [["a", "b"]]
    assert [e["place"]["name"] for e in jsonl(db, "--group", "boko haram")] == ["Gubio"]
    assert jsonl(db, "--group", "Hamas") == []


def test_filter_by_country_code_or_name(db):
    assert {e["place"]["country"] for e in jsonl(db, "--country", "SO")} == {"SO"}
    assert [e["place"]["name"] for e in jsonl(db, "--country", "Nigeria")] == ["Gubio"]
    assert len(jsonl(db, "--country", "so")) == 1


def test_filter_by_dates(db):
    assert [e["date"] for e in jsonl(db, "--since", "2021-01-01")] == ["2021-08-28"]
    assert [e["date"] for e in jsonl(db, "--until", "2020-12")] == ["2020-06-09"]
    assert len(jsonl(db, "--since", "2020-06", "--until", "2021-08-28")) == 2
    assert jsonl(db, "--since", "2021-08-29") == []


def test_bad_date_is_refused(db):
    result = CliRunner().invoke(app, ["--db", str(db), "events", "--since", "yesterday"])
    assert result.exit_code != 0
