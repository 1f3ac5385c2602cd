"""Helpers shared by the readers: decoding, dates, ids, titles."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from dossier.ingest.errors import ReadError
from dossier.model import Document

TITLE_MAX = 200

NOT_TEXT = "not a text file (contains NUL bytes) — give a .jsonl, .txt, .md or .html text file"
NOT_UTF8 = "not UTF-8 — re-save the file as UTF-8"
EMPTY = "empty — remove the file or give it some text"

_DATE_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y")
_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HEADING_MARK = re.compile(r"^\s{0,3}#{1,6}\s+")


def line_of(data: bytes, offset: int) -> int:
    """1-based line number of byte `offset` in `data`."""
    return data.count(b"\n", 0, offset) + 1


def decode_text(path: Path, data: bytes, *, declared_charset: bool = False) -> str | ReadError:
    """Bytes of a text file as str (newlines normalised), or why they are not usable text.

    With `declared_charset`, a file that is not UTF-8 may still be decoded with the
    charset its HTML <meta> declares.
    """
    if b"\x00" in data:
        return ReadError(str(path), None, NOT_TEXT)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        text = _declared_decode(data) if declared_charset else None
        if text is None:
            return ReadError(str(path), line_of(data, e.start), NOT_UTF8)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return ReadError(str(path), None, EMPTY)
    return text


def _declared_decode(data: bytes) -> str | None:
    m = _CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        return data.decode(m.group(1).decode("ascii"))
    except (LookupError, UnicodeDecodeError):
        return None


def parse_date(value: Any) -> dt.date | None:
    """A date from an ISO date or datetime ("2021-08-27", "2021-08-27T10:00:00Z"),
    or a spelled-out English date ("27 August 2021", "Aug 27, 2021"); None if unparsable.

    A datetime keeps the calendar date as written, in its own time zone.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    s = value.strip()
    if not s:
        return None
    try:
        return dt.date.fromisoformat(s)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(s).date()
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(s, fmt).date()
        except ValueError:
            continue
    return None


def opt_str(value: Any) -> str | None:
    """A stripped non-empty string, or None (numbers are turned into strings)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        value = str(value)
    if not isinstance(value, str):
        return None
    return value.strip() or None


def content_id(prefix: str, text: str) -> str:
    """A stable id for a document from the hash of its (stripped) text."""
    return f"{prefix}-{Document(id='', text=text).content_hash[:16]}"


def first_line_title(text: str) -> str | None:
    """The first non-empty line, without a Markdown heading mark, shortened if very long."""
    for line in text.splitlines():
        line = _HEADING_MARK.sub("", line).strip()
        if line:
            return shorten(line)
    return None


def shorten(title: str, limit: int = TITLE_MAX) -> str:
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    cut = title[:limit].rsplit(" ", 1)[0] or title[:limit]
    return cut.rstrip(" ,;:-") + "…"
