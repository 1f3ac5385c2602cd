"""Plain text and Markdown: the whole file is one document."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from dossier.ingest.common import EMPTY, content_id, decode_text, first_line_title, opt_str, parse_date, shorten
from dossier.ingest.errors import ReadError
from dossier.ingest.markdown import strip_markdown
from dossier.model import Document

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FIELD = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")


def read_txt(path: Path, data: bytes) -> Iterator[Document | ReadError]:
    text = decode_text(path, data)
    if isinstance(text, ReadError):
        yield text
        return
    text = text.strip("\n")
    yield Document(id=content_id("txt", text), text=text, title=first_line_title(text), source=str(path))


def read_md(path: Path, data: bytes) -> Iterator[Document | ReadError]:
    """Markdown, lightly stripped to text; a YAML front matter block may give
    title, date/published, url and publisher/source."""
    raw = decode_text(path, data)
    if isinstance(raw, ReadError):
        yield raw
        return
    meta, body = _front_matter(raw)
    text = strip_markdown(body)
    if not text.strip():
        yield ReadError(str(path), None, EMPTY)
        return
    title = opt_str(meta.get("title"))
    yield Document(
        id=content_id("md", text),
        text=text,
        title=shorten(title) if title else first_line_title(text),
        url=opt_str(meta.get("url")),
        publisher=opt_str(meta.get("publisher") or meta.get("source")),
        published=parse_date(meta.get("published") or meta.get("date")),
        source=str(path),
    )


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """Simple `key: value` lines of a leading ---/--- block, and the text after it."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    meta: dict[str, str] = {}
    for line in m.group(1).split("\n"):
        field = _FIELD.match(line)
        if field:
            meta[field.group(1).lower()] = field.group(2).strip("\"'")
    return meta, text[m.end():]
