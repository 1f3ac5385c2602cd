"""End to end through the command line: ingest every input kind, export in every format, bad input.

Most cases run in-process through Typer's CliRunner (the spaCy pipeline is loaded once);
exit status, the DOSSIER_DB variable and stderr are also checked on a real subprocess.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app

JSONL_DOCS = [
    {"id": "j1", "url": "https://example.org/j1", "title": "Sahel report", "publisher": "Example Wire",
     "published": "2021-08-28",
     "text": "Al-Shabaab is an affiliate of al-Qaeda. It is led by Ahmad Umar. "
             "A car bomb exploded in Mogadishu on Saturday, killing at least 13 people. "
             "Al-Shabaab claimed responsibility for the bombing."},
    {"id": "j2", "url": "https://example.org/j2", "title": "Lake Chad", "publisher": "Example Wire",
     "published": "2022-03-16",
     "text": "According to researchers, Boko Haram has about 5,000 fighters. Boko Haram was formed in 2002."},
]
TXT = "Hezbollah is backed by Iran.\n\nA bomb exploded in Beirut on Saturday, killing five people.\n"
MD = ("---\ntitle: ELN profile\ndate: 2020-05-04\npublisher: Example Weekly\n---\n# ELN profile\n\n"
      "The **ELN** has clashed with *FARC dissidents* in Arauca. The ELN has more than 2,000 members.\n")
HTML = """<!DOCTYPE html><html><head><title>JNIM in the Sahel</title>
<meta charset="utf-8"></head><body><article><h1>JNIM in the Sahel</h1>
<p>JNIM is the Sahel branch of al-Qaeda. JNIM operates in Burkina Faso and Niger.</p>
<p>The group has attacked army posts in the border area for several years, analysts say.</p>
</article></body></html>"""

CLAIM_FIELDS = {"subject_id", "subject", "predicate", "object_id", "object", "doc_id", "evidence", "modality",
                "attributed_to"}
EVENT_FIELDS = {"date", "place", "perpetrators", "type", "killed", "injured", "doc_ids"}
ENTITY_FIELDS = {"id", "name", "type", "aliases"}


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def corpus(tmp_path: Path) -> dict[str, Path]:
    d = tmp_path / "in"
    d.mkdir()
    files = {"jsonl": d / "corpus.jsonl", "txt": d / "notes.txt", "md": d / "profile.md", "html": d / "page.html"}
    files["jsonl"].write_text("".join(json.dumps(doc) + "\n" for doc in JSONL_DOCS), encoding="utf-8")
    files["txt"].write_text(TXT, encoding="utf-8")
    files["md"].write_text(MD, encoding="utf-8")
    files["html"].write_text(HTML, encoding="utf-8")
    return files


def invoke(runner: CliRunner, db: Path, *args: str, env: dict | None = None):
    return runner.invoke(app, ["--db", str(db), *args], env=env, catch_exceptions=False)


def export_jsonl(runner: CliRunner, db: Path, kind: str) -> list[dict]:
    result = invoke(runner, db, "export", kind, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def export_csv(runner: CliRunner, db: Path, kind: str) -> list[dict]:
    result = invoke(runner, db, "export", kind, "--format", "csv")
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


def db_rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as con:
        return con.execute(sql).fetchall()


@pytest.fixture
def ingested(runner, corpus, tmp_path) -> Path:
    db = tmp_path / "kb.db"
    result = invoke(runner, db, "ingest", *(str(p) for p in corpus.values()), "--published", "2021-08-28",
                    "--publisher", "Desk Notes")
    assert result.exit_code == 0, result.output
    return db


# ---------------------------------------------------------------- ingest and export


def test_ingest_every_kind_of_input(ingested, runner):
    docs = db_rows(ingested, "select id from documents")
    assert len(docs) == 5
    ids = {d for (d,) in docs}
    assert {"j1", "j2"} <= ids
    assert {i.split("-")[0] for i in ids - {"j1", "j2"}} == {"txt", "md", "html"}


def test_ingest_summary_on_stderr(runner, corpus, tmp_path):
    result = invoke(runner, tmp_path / "s.db", "ingest", str(corpus["jsonl"]))
    assert result.exit_code == 0
    assert "2 documents" in result.stderr and "0 errors" in result.stderr
    assert result.stdout == ""


def test_folder_is_walked(runner, corpus, tmp_path):
    db = tmp_path / "folder.db"
    result = invoke(runner, db, "ingest", str(corpus["jsonl"].parent))
    assert result.exit_code == 0, result.output
    assert db_rows(db, "select count(*) from documents") == [(5,)]


def test_claims_jsonl_contract(ingested, runner):
    claims = export_jsonl(runner, ingested, "claims")
    assert claims
    entity_ids = {e["id"] for e in export_jsonl(runner, ingested, "entities")}
    doc_ids = {d for (d,) in db_rows(ingested, "select id from documents")}
    for c in claims:
        assert CLAIM_FIELDS <= c.keys(), c
        assert c["subject_id"] in entity_ids and isinstance(c["subject"], str)
        assert c["doc_id"] in doc_ids
        assert c["evidence"] and isinstance(c["evidence"], str)
        if c["object_id"] is None:
            assert isinstance(c["object"], dict) and c["object"].keys() & {"date", "value", "low", "text"}
        else:
            assert c["object_id"] in entity_ids and isinstance(c["object"], str)
    triples = {(c["subject"], c["predicate"], c["object"] if isinstance(c["object"], str) else None, c["doc_id"])
               for c in claims}
    assert ("al-Shabaab", "part_of", "al-Qaeda", "j1") in triples
    assert ("al-Shabaab", "leader", "Ahmad Umar", "j1") in triples


def test_claim_modality_and_attribution_exported(ingested, runner):
    size = [c for c in export_jsonl(runner, ingested, "claims") if c["predicate"] == "size" and c["doc_id"] == "j2"]
    assert size and size[0]["object"]["value"] == 5000
    assert size[0]["modality"] == "reported" and size[0]["attributed_to"] == "researchers"


def test_events_jsonl_contract(ingested, runner):
    events = export_jsonl(runner, ingested, "events")
    assert events
    for e in events:
        assert EVENT_FIELDS <= e.keys(), e
        assert isinstance(e["doc_ids"], list) and e["doc_ids"]
        assert e["place"] is None or {"name", "admin1", "country", "iso", "lat", "lon"} <= e["place"].keys()
        for p in e["perpetrators"]:
            assert {"id", "name", "attribution"} <= p.keys()
    mogadishu = [e for e in events if e["place"] and e["place"]["name"] == "Mogadishu"]
    assert len(mogadishu) == 1
    ev = mogadishu[0]
    assert ev["date"] == "2021-08-28" and ev["killed"] == 13 and ev["doc_ids"] == ["j1"]
    assert ev["perpetrators"][0]["name"] == "al-Shabaab" and ev["perpetrators"][0]["attribution"] == "claimed"


def test_entities_jsonl_contract(ingested, runner):
    entities = export_jsonl(runner, ingested, "entities")
    assert entities
    for e in entities:
        assert ENTITY_FIELDS <= e.keys(), e
        assert isinstance(e["aliases"], list)
    assert len({e["id"] for e in entities}) == len(entities)
    names = {e["name"]: e for e in entities}
    assert names["Mogadishu"]["type"] == "place" and names["Mogadishu"]["admin1_iso"]
    assert names["al-Shabaab"]["type"] == "armed_group"


@pytest.mark.parametrize("kind", ["entities", "claims", "events"])
def test_csv_export_matches_jsonl(ingested, runner, kind):
    rows = export_csv(runner, ingested, kind)
    lines = export_jsonl(runner, ingested, kind)
    assert len(rows) == len(lines) > 0
    assert [r["id"] for r in rows] == [str(x["id"]) for x in lines]


def test_csv_claims_have_contract_columns(ingested, runner):
    rows = export_csv(runner, ingested, "claims")
    assert CLAIM_FIELDS <= rows[0].keys()
    literal = next(r for r in rows if r["object_id"] == "")
    assert json.loads(literal["object"])  # literal objects are JSON text


def test_export_to_file(ingested, runner, tmp_path):
    out = tmp_path / "out" / "claims.jsonl"
    result = invoke(runner, ingested, "export", "claims", "--format", "jsonl", "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(export_jsonl(runner, ingested, "claims"))
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_export_unknown_format_fails(ingested, runner):
    result = runner.invoke(app, ["--db", str(ingested), "export", "claims", "--format", "xml"])
    assert result.exit_code != 0
    assert "xml" in result.output


def test_export_empty_database(runner, tmp_path):
    db = tmp_path / "empty.db"
    assert export_jsonl(runner, db, "claims") == []
    assert export_csv(runner, db, "events") == []


# ---------------------------------------------------------------- idempotence


def counts(db: Path) -> dict[str, int]:
    tables = ["documents", "entities", "aliases", "mentions", "claims", "events", "event_sources",
              "event_perpetrators"]
    return {t: db_rows(db, f"select count(*) from {t}")[0][0] for t in tables}


def test_reingest_changes_nothing(ingested, runner, corpus):
    before = counts(ingested)
    claims_before = export_jsonl(runner, ingested, "claims")
    result = invoke(runner, ingested, "ingest", *(str(p) for p in corpus.values()), "--published", "2021-08-28")
    assert result.exit_code == 0
    assert "0 documents" in result.stderr and "5 skipped" in result.stderr
    assert counts(ingested) == before
    assert export_jsonl(runner, ingested, "claims") == claims_before


def test_same_text_under_another_id_is_skipped(runner, tmp_path):
    f = tmp_path / "dup.jsonl"
    text = "Hezbollah is backed by Iran."
    f.write_text(json.dumps({"id": "a", "text": text}) + "\n" + json.dumps({"id": "b", "text": text}) + "\n")
    db = tmp_path / "dup.db"
    result = invoke(runner, db, "ingest", str(f))
    assert result.exit_code == 0
    assert db_rows(db, "select id from documents") == [("a",)]


# ---------------------------------------------------------------- --published, --publisher


def test_published_option_dates_relative_events(ingested):
    rows = db_rows(ingested, "select e.date from events e join event_sources s on s.event_id = e.id "
                             "join documents d on d.id = s.doc_id where d.id like 'txt-%'")
    assert rows == [("2021-08-28",)]


def test_published_and_publisher_fill_only_missing_values(ingested):
    docs = {i: (pub, pubr) for i, pub, pubr in db_rows(ingested, "select id, published, publisher from documents")}
    assert docs["j1"] == ("2021-08-28", "Example Wire")
    assert docs["j2"] == ("2022-03-16", "Example Wire")  # the file's own date wins
    md = next(v for k, v in docs.items() if k.startswith("md-"))
    assert md == ("2020-05-04", "Example Weekly")  # front matter wins
    txt = next(v for k, v in docs.items() if k.startswith("txt-"))
    assert txt == ("2021-08-28", "Desk Notes")


def test_without_published_relative_dates_stay_unknown(runner, corpus, tmp_path):
    db = tmp_path / "nodate.db"
    assert invoke(runner, db, "ingest", str(corpus["txt"])).exit_code == 0
    assert db_rows(db, "select date from events") == [(None,)]


def test_bad_published_date_is_rejected(runner, corpus, tmp_path):
    result = runner.invoke(app, ["--db", str(tmp_path / "x.db"), "ingest", str(corpus["txt"]),
                                 "--published", "28/08/2021"])
    assert result.exit_code != 0
    assert "ISO date" in result.output


# ---------------------------------------------------------------- bad input


@pytest.fixture
def bad_inputs(tmp_path: Path) -> dict[str, Path]:
    d = tmp_path / "bad"
    d.mkdir()
    files = {
        "binary": d / "binary.txt",
        "undecodable": d / "latin1.txt",
        "empty": d / "empty.md",
        "malformed": d / "mixed.jsonl",
        "unknown": d / "report.pdf",
        "good": d / "good.txt",
    }
    files["binary"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    files["undecodable"].write_bytes("Hezbollah is based in Beirut.\nCaf\u00e9 attack".encode("latin-1"))
    files["empty"].write_text("  \n\n", encoding="utf-8")
    files["malformed"].write_text(
        json.dumps({"id": "ok1", "text": "Boko Haram was formed in 2002."}) + "\n"
        + '{"id": "broken", "text": \n'
        + json.dumps({"id": "ok2", "text": "Hezbollah supports Hamas."}) + "\n"
        + json.dumps(["not", "an", "object"]) + "\n"
        + json.dumps({"id": "notext"}) + "\n",
        encoding="utf-8")
    files["unknown"].write_bytes(b"%PDF-1.4 fake")
    files["good"].write_text("The ELN kidnapped oil workers.", encoding="utf-8")
    return files


def stderr_text(stderr: str) -> str:
    """stderr with line wrapping undone, so messages can be searched whole."""
    return " ".join(stderr.split())


def test_bad_inputs_are_reported_and_the_rest_ingested(runner, bad_inputs, tmp_path):
    db = tmp_path / "bad.db"
    result = invoke(runner, db, "ingest", *(str(p) for p in bad_inputs.values()))
    assert result.exit_code != 0
    ids = {i for (i,) in db_rows(db, "select id from documents")}
    assert {"ok1", "ok2"} <= ids and len(ids) == 3  # two JSONL lines and good.txt
    err = stderr_text(result.stderr)
    for key in ("binary", "undecodable", "empty", "unknown"):
        assert bad_inputs[key].name in err, key
    jsonl = bad_inputs["malformed"].name
    for line in (2, 4, 5):
        assert f"{jsonl}:{line}:" in err
    assert f"{jsonl}:1:" not in err and f"{jsonl}:3:" not in err
    assert "7 errors" in err  # 4 bad files and 3 bad JSONL lines


def test_undecodable_file_names_the_line(runner, bad_inputs, tmp_path):
    result = invoke(runner, tmp_path / "u.db", "ingest", str(bad_inputs["undecodable"]))
    assert result.exit_code != 0
    assert f"{bad_inputs['undecodable'].name}:2:" in stderr_text(result.stderr)
    assert "UTF-8" in result.stderr


def test_missing_path_is_an_error(runner, tmp_path):
    result = invoke(runner, tmp_path / "m.db", "ingest", str(tmp_path / "nowhere.jsonl"))
    assert result.exit_code != 0
    assert "nowhere.jsonl" in stderr_text(result.stderr)


def test_unknown_files_inside_a_folder_are_skipped_silently(runner, tmp_path):
    d = tmp_path / "mixed"
    d.mkdir()
    (d / "a.txt").write_text("Hezbollah supports Hamas.", encoding="utf-8")
    (d / "b.pdf").write_bytes(b"%PDF")
    (d / ".hidden.txt").write_text("Boko Haram was formed in 2002.", encoding="utf-8")
    db = tmp_path / "mixed.db"
    result = invoke(runner, db, "ingest", str(d))
    assert result.exit_code == 0, result.output
    assert db_rows(db, "select count(*) from documents") == [(1,)]


# ---------------------------------------------------------------- a real process


def run(cmd: list[str], cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {k: v for k, v in os.environ.items() if k != "DOSSIER_DB"}
    full_env.update(env or {})
    return subprocess.run(cmd, cwd=cwd, env=full_env, capture_output=True, text=True, timeout=300)


def test_subprocess_exit_status_and_stderr(dossier_cmd, bad_inputs, tmp_path):
    db = tmp_path / "proc.db"
    proc = run([*dossier_cmd, "--db", str(db), "ingest", str(bad_inputs["malformed"]), str(bad_inputs["binary"])],
               cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout == ""
    err = stderr_text(proc.stderr)
    assert f"{bad_inputs['malformed'].name}:2: invalid JSON" in err
    assert "binary.txt: not a text file" in err
    assert db_rows(db, "select count(*) from documents") == [(2,)]


def test_dossier_db_environment_variable(dossier_cmd, corpus, tmp_path):
    db = tmp_path / "from_env.db"
    proc = run([*dossier_cmd, "ingest", str(corpus["jsonl"])], cwd=tmp_path, env={"DOSSIER_DB": str(db)})
    assert proc.returncode == 0, proc.stderr
    assert db.exists() and not (tmp_path / "dossier.db").exists()
    out = run([*dossier_cmd, "export", "claims", "--format", "jsonl"], cwd=tmp_path, env={"DOSSIER_DB": str(db)})
    assert out.returncode == 0
    assert {json.loads(line)["doc_id"] for line in out.stdout.splitlines()} == {"j1", "j2"}


def test_db_option_wins_over_environment(runner, corpus, tmp_path):
    env_db, opt_db = tmp_path / "env.db", tmp_path / "opt.db"
    result = runner.invoke(app, ["--db", str(opt_db), "ingest", str(corpus["txt"])], env={"DOSSIER_DB": str(env_db)})
    assert result.exit_code == 0
    assert opt_db.exists() and not env_db.exists()


def test_default_database_in_working_directory(dossier_cmd, corpus, tmp_path):
    proc = run([*dossier_cmd, "ingest", str(corpus["txt"])], cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "dossier.db").exists()
