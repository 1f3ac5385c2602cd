"""Readers: paths in, Documents and ReadErrors out."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from dossier.ingest import ReadError, parse_date, read_paths
from dossier.ingest.markdown import strip_markdown
from dossier.model import Document

ARTICLE = """<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>Blast near Kabul airport | Example News</title>
<link rel="canonical" href="https://news.example.org/2021/08/kabul-blast">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2021-08-27T10:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Blast near Kabul airport</h1>
<p>An explosion struck a crowd outside Kabul airport on Thursday, killing dozens of people.
Islamic State Khorasan Province claimed responsibility for the attack in a statement.</p>
<p>The group, known as ISKP, split from the Pakistani Taliban in 2015 and has been active
in Nangarhar province, according to United Nations monitors.</p>
</article>
<footer>Copyright Example News. All rights reserved.</footer>
</body></html>
"""


def read(*paths: Path, **options) -> list[Document | ReadError]:
    return list(read_paths(list(paths), **options))


def docs(items: list) -> list[Document]:
    return [i for i in items if isinstance(i, Document)]


def errors(items: list) -> list[ReadError]:
    return [i for i in items if isinstance(i, ReadError)]


def write_jsonl(path: Path, *lines: object) -> Path:
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    return path


# --- JSON Lines ---------------------------------------------------------------------------------


def test_jsonl_reads_every_field(tmp_path):
    f = write_jsonl(
        tmp_path / "news.jsonl",
        {"id": "a1", "url": "https://x.org/a", "title": "T", "publisher": "Reuters",
         "published": "2021-08-27", "text": "ISKP attacked the airport."},
        {"id": 7, "published": "2021-08-28T23:30:00+04:30", "text": "Second."},
    )
    a, b = read(f)
    assert a == Document(id="a1", text="ISKP attacked the airport.", title="T", url="https://x.org/a",
                         publisher="Reuters", published=dt.date(2021, 8, 27), source=f"{f}:1")
    assert b.id == "7" and b.published == dt.date(2021, 8, 28) and b.source == f"{f}:2"
    assert b.title is None and b.url is None and b.publisher is None


def test_jsonl_missing_id_is_stable_content_hash(tmp_path):
    f = write_jsonl(tmp_path / "a.jsonl", {"text": "Same text."}, {"text": "  Same text.\n"}, {"text": "Other."})
    a, b, c = read(f)
    assert a.id.startswith("jsonl-") and len(a.id) == len("jsonl-") + 16
    assert a.id == b.id != c.id
    assert read(f)[0].id == a.id


def test_jsonl_bad_lines_reported_rest_still_read(tmp_path):
    f = write_jsonl(
        tmp_path / "bad.jsonl",
        {"text": "one"},
        "",
        "{not json",
        "[1, 2]",
        {"title": "no text"},
        {"text": "   "},
        {"text": 5},
        {"text": "last", "published": "someday"},
    )
    items = read(f)
    assert [d.text for d in docs(items)] == ["one", "last"]
    assert docs(items)[1].published is None  # unparsable date: kept, no date
    errs = errors(items)
    assert [(e.path, e.line) for e in errs] == [(str(f), n) for n in (3, 4, 5, 6, 7)]
    assert "invalid JSON" in errs[0].message
    assert "not a JSON object" in errs[1].message
    assert all('no "text"' in e.message for e in errs[2:])
    assert str(errs[0]).startswith(f"{f}:3: invalid JSON")
    assert " — " in str(errs[0])


def test_jsonl_bad_utf8_line_reported_by_number(tmp_path):
    f = tmp_path / "enc.jsonl"
    f.write_bytes(b'{"text": "ok"}\n{"text": "caf\xe9"}\n{"text": "also ok"}\n')
    items = read(f)
    assert [d.text for d in docs(items)] == ["ok", "also ok"]
    (e,) = errors(items)
    assert (e.line, "not UTF-8" in e.message) == (2, True)


def test_jsonl_crlf_and_bom(tmp_path):
    f = tmp_path / "win.jsonl"
    f.write_bytes(b'\xef\xbb\xbf{"text": "one"}\r\n\r\n{"text": "two"}\r\n')
    assert [d.text for d in read(f)] == ["one", "two"]


# --- text and Markdown -------------------------------------------------------------------------


def test_txt_whole_file_one_document(tmp_path):
    f = tmp_path / "report.txt"
    f.write_text("\n# Attack in Kabul\n\nISKP claimed the attack.\nMore text.\n", encoding="utf-8")
    (d,) = read(f)
    assert d.title == "Attack in Kabul"
    assert d.text == "# Attack in Kabul\n\nISKP claimed the attack.\nMore text."
    assert d.source == str(f) and d.url is None and d.published is None
    assert d.id.startswith("txt-") and len(d.id) == 4 + 16


def test_txt_ids_are_stable_and_content_based(tmp_path):
    (tmp_path / "a.txt").write_text("Same content.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Same content.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Different content.\n", encoding="utf-8")
    a, b, c = read(tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt")
    assert a.id == b.id != c.id
    assert read(tmp_path / "a.txt")[0].id == a.id


def test_txt_long_first_line_title_shortened(tmp_path):
    f = tmp_path / "long.txt"
    f.write_text("word " * 100, encoding="utf-8")
    (d,) = read(f)
    assert len(d.title) <= 201 and d.title.endswith("…")


def test_md_stripped_lightly(tmp_path):
    f = tmp_path / "note.md"
    f.write_text(
        "# The *Haqqani* Network\n\n"
        "The **Haqqani network** is [linked to](https://example.org/x) the Taliban.\n"
        "> It is _based_ in North Waziristan; see `notes` and ![map](m.png).\n\n"
        "- snake_case_word stays\n"
        "- 5 * 3 * 2 = 30\n\n"
        "---\n"
        "[1]: https://example.org/ref\n",
        encoding="utf-8",
    )
    (d,) = read(f)
    assert d.title == "The Haqqani Network"
    assert d.text == (
        "The Haqqani Network\n\n"
        "The Haqqani network is linked to the Taliban.\n"
        "It is based in North Waziristan; see notes and map.\n\n"
        "snake_case_word stays\n"
        "5 * 3 * 2 = 30"
    )
    assert d.id.startswith("md-")


def test_md_front_matter(tmp_path):
    f = tmp_path / "fm.md"
    f.write_text('---\ntitle: "Front title"\ndate: 2020-03-01\nurl: https://x.org/fm\n---\n# Heading\n\nBody.\n')
    (d,) = read(f)
    assert (d.title, d.published, d.url) == ("Front title", dt.date(2020, 3, 1), "https://x.org/fm")
    assert d.text == "Heading\n\nBody."


def test_strip_markdown_setext_and_fences():
    text = "Title\n=====\n\n```\nkeep *this* as is\n```\nEnd __bold__ \\*star\\*."
    assert strip_markdown(text) == "Title\n\nkeep *this* as is\nEnd bold *star*."


# --- HTML ---------------------------------------------------------------------------------------


def test_html_main_text_and_metadata(tmp_path):
    f = tmp_path / "page.html"
    f.write_text(ARTICLE, encoding="utf-8")
    (d,) = read(f)
    assert "Islamic State Khorasan Province claimed responsibility" in d.text
    assert "Nangarhar" in d.text
    assert "All rights reserved" not in d.text and "Home" not in d.text
    assert d.title == "Blast near Kabul airport"
    assert d.published == dt.date(2021, 8, 27)
    assert d.url == "https://news.example.org/2021/08/kabul-blast"
    assert d.publisher == "Example News"
    assert d.id.startswith("html-") and d.source == str(f)


def test_html_declared_charset_and_htm(tmp_path):
    f = tmp_path / "latin.htm"
    page = ARTICLE.replace('charset="utf-8"', 'charset="iso-8859-1"').replace("Thursday", "jeudi à midi")
    f.write_bytes(page.encode("latin-1"))
    (d,) = read(f)
    assert "jeudi à midi" in d.text


def test_html_without_text_is_an_error(tmp_path):
    f = tmp_path / "nav.html"
    f.write_text("<html><head><title>x</title><script>var a = 1;</script></head><body> </body></html>")
    (e,) = read(f)
    assert isinstance(e, ReadError) and "no main text" in e.message and e.path == str(f)


# --- options ------------------------------------------------------------------------------------


def test_options_fill_missing_fields_only(tmp_path):
    f = write_jsonl(
        tmp_path / "o.jsonl",
        {"text": "has both", "publisher": "AP", "published": "2020-01-01"},
        {"text": "has neither"},
        {"text": "bad date", "published": "not a date"},
    )
    (tmp_path / "t.txt").write_text("plain", encoding="utf-8")
    day = dt.date(2022, 5, 1)
    a, b, c, t = read(f, tmp_path / "t.txt", published=day, publisher="BBC")
    assert (a.publisher, a.published) == ("AP", dt.date(2020, 1, 1))
    assert (b.publisher, b.published) == ("BBC", day)
    assert c.published == day
    assert (t.publisher, t.published) == ("BBC", day)


def test_without_options_nothing_filled(tmp_path):
    (tmp_path / "t.txt").write_text("plain", encoding="utf-8")
    (d,) = read(tmp_path / "t.txt")
    assert d.publisher is None and d.published is None


# --- folders ------------------------------------------------------------------------------------


def test_folder_recursive_sorted_hidden_and_unknown_skipped(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deep").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "deep" / "z.txt").write_text("deep z", encoding="utf-8")
    (tmp_path / "b" / "a.md").write_text("b a", encoding="utf-8")
    (tmp_path / "a.txt").write_text("top a", encoding="utf-8")
    (tmp_path / "c.TXT").write_text("top c upper", encoding="utf-8")
    write_jsonl(tmp_path / "d.jsonl", {"text": "line one"}, {"text": "line two"})
    (tmp_path / ".secret.txt").write_text("hidden file", encoding="utf-8")
    (tmp_path / ".hidden" / "x.txt").write_text("hidden folder", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\x00\x00")
    (tmp_path / "notes.docx").write_text("unknown", encoding="utf-8")
    items = read(tmp_path)
    assert not errors(items)
    assert [d.text for d in items] == ["top a", "b a", "deep z", "top c upper", "line one", "line two"]


def test_folder_reports_bad_files_with_known_suffix(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"abc\x00def")
    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    (tmp_path / "blank.jsonl").write_text("\n  \n", encoding="utf-8")
    (tmp_path / "ok.txt").write_text("fine", encoding="utf-8")
    items = read(tmp_path)
    assert [d.text for d in docs(items)] == ["fine"]
    msgs = {Path(e.path).name: e.message for e in errors(items)}
    assert set(msgs) == {"bin.txt", "empty.md", "blank.jsonl"}
    assert msgs["bin.txt"].startswith("not a text file")
    assert msgs["empty.md"].startswith("empty") and msgs["blank.jsonl"].startswith("empty")


# --- bad input ----------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".jsonl"])
def test_binary_file_is_an_error(tmp_path, suffix):
    f = tmp_path / f"bin{suffix}"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (e,) = read(f)
    assert isinstance(e, ReadError) and e.path == str(f) and e.message.startswith("not a text file")
    assert str(e).startswith(f"{f}: not a text file")


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_not_utf8_is_an_error_with_line(tmp_path, suffix):
    f = tmp_path / f"latin{suffix}"
    f.write_bytes("first line\nsecond café\n".encode("latin-1"))
    (e,) = read(f)
    assert isinstance(e, ReadError) and e.message.startswith("not UTF-8") and e.line == 2
    assert str(e).startswith(f"{f}:2: not UTF-8 — ")


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".jsonl"])
@pytest.mark.parametrize("content", ["", "  \n\t\n"])
def test_empty_file_is_an_error(tmp_path, suffix, content):
    f = tmp_path / f"empty{suffix}"
    f.write_text(content, encoding="utf-8")
    (e,) = read(f)
    assert isinstance(e, ReadError) and e.message.startswith("empty") and e.line is None


def test_md_with_only_markup_is_empty(tmp_path):
    f = tmp_path / "rule.md"
    f.write_text("---\n\n***\n", encoding="utf-8")
    (e,) = read(f)
    assert isinstance(e, ReadError) and e.message.startswith("empty")


def test_unknown_suffix_given_explicitly_is_an_error(tmp_path):
    f = tmp_path / "report.pdf"
    f.write_bytes(b"%PDF-1.4")
    (e,) = read(f)
    assert isinstance(e, ReadError)
    assert str(e) == f"{f}: unknown format (expected .jsonl, .txt, .md, .html) — rename the file or convert it"


def test_missing_path_is_an_error_and_reading_goes_on(tmp_path):
    (tmp_path / "ok.txt").write_text("fine", encoding="utf-8")
    missing = tmp_path / "nope.txt"
    e, d = read(missing, tmp_path / "ok.txt")
    assert isinstance(e, ReadError) and e.path == str(missing) and "no such file" in e.message
    assert d.text == "fine"


def test_read_error_str():
    assert str(ReadError("a.jsonl", 3, "bad — fix")) == "a.jsonl:3: bad — fix"
    assert str(ReadError("a.txt", None, "bad — fix")) == "a.txt: bad — fix"


# --- dates --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-08-27", dt.date(2021, 8, 27)),
        ("2021-08-27T10:00:00Z", dt.date(2021, 8, 27)),
        ("2021-08-27 23:59:00-05:00", dt.date(2021, 8, 27)),
        ("27 August 2021", dt.date(2021, 8, 27)),
        ("Aug 27, 2021", dt.date(2021, 8, 27)),
        ("2021-02-30", None),
        ("yesterday", None),
        ("", None),
        (None, None),
        (20210827, None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected
