"""`dossier demo` builds a database from the bundled sample corpus and answers questions."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from dossier.cli import app
from dossier.query.demo import sample_corpus


def test_sample_corpus_is_well_formed():
    rows = [json.loads(line) for line in sample_corpus().read_text(encoding="utf-8").splitlines() if line.strip()]
    assert 8 <= len(rows) <= 12
    for row in rows:
        assert {"id", "url", "title", "publisher", "published", "text"} <= set(row)
        assert row["publisher"] == "dossier sample corpus"
        assert 150 <= len(row["text"].split()) <= 300, row["id"]


def test_demo_runs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["demo"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "dossier-demo.db").exists()
    assert "Profile" in result.output
    assert result.output.count("Q: ") >= 4
    assert "[1]" in result.output
    again = CliRunner().invoke(app, ["demo"])  # recreated, not appended to
    assert again.exit_code == 0
    assert "0 skipped" in again.output
