"""JSON Lines: one document per line, {"id", "url", "title", "publisher", "published", "text"}."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from dossier.ingest.common import EMPTY, NOT_TEXT, NOT_UTF8, content_id, opt_str, parse_date
from dossier.ingest.errors import ReadError
from dossier.model import Document

FIX_LINE = "fix or remove this line"


def read_jsonl(path: Path, data: bytes) -> Iterator[Document | ReadError]:
    """Each non-blank line is one document; a bad line is reported and the rest still read."""
    name = str(path)
    if b"\x00" in data:
        yield ReadError(name, None, NOT_TEXT)
        return
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if not data.strip():
        yield ReadError(name, None, EMPTY)
        return
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            yield ReadError(name, number, NOT_UTF8)
            continue
        yield _document(name, number, line)


def _document(name: str, number: int, line: str) -> Document | ReadError:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        return ReadError(name, number, f"invalid JSON ({e.msg}, column {e.colno}) — {FIX_LINE}")
    if not isinstance(obj, dict):
        return ReadError(name, number, f"not a JSON object (got {type(obj).__name__}) — "
                                       'each line must be an object like {"text": "..."}')
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        return ReadError(name, number, 'no "text" — each line needs a non-empty "text" string')
    return Document(
        id=opt_str(obj.get("id")) or content_id("jsonl", text),
        text=text,
        title=opt_str(obj.get("title")),
        url=opt_str(obj.get("url")),
        publisher=opt_str(obj.get("publisher")),
        published=parse_date(obj.get("published")),
        source=f"{name}:{number}",
    )
