"""RSS and Atom feeds (files or URLs): one document per item.

An item whose feed carries its full text (`content:encoded`, Atom `<content>`) is read from
the feed; an item with only a summary has its linked article fetched (politely, see
`web.Fetcher`). A document's id is the item's link (else its guid), so re-reading a feed, or
polling it with `dossier watch`, stores only the items not seen before — and, given `known`,
does not even fetch the articles of items already stored.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import feedparser
import lxml.html

from dossier.ingest.common import content_id, opt_str, parse_date, shorten
from dossier.ingest.errors import ReadError
from dossier.ingest.web import Fetcher, FetchError, Known, fetch_document, url_id
from dossier.model import Document

FEED_SUFFIXES = (".rss", ".atom", ".xml")

_BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article"}
_SPACES = re.compile(r"[ \t\u00a0]+")


def read_feed_file(path: Path, data: bytes, fetcher: Fetcher | None = None,
                   known: Known | None = None) -> Iterator[Document | ReadError]:
    """A saved feed file (.rss, .atom, .xml); summary-only items are fetched with `fetcher`
    (a default polite one when None)."""
    if fetcher is not None:
        yield from read_feed(str(path), data, fetcher, known=known)
        return
    with Fetcher() as own:
        yield from read_feed(str(path), data, own, known=known)


def read_feed(name: str, data: bytes, fetcher: Fetcher, known: Known | None = None) -> Iterator[Document | ReadError]:
    """Every item of the feed in `data` (read from `name`, a path or URL), in feed order."""
    parsed = feedparser.parse(data)  # bytes: feedparser itself never fetches anything
    if not parsed.entries:
        if parsed.bozo:
            reason = " ".join(str(parsed.get("bozo_exception", "")).split())[:120] or "unreadable"
            yield ReadError(name, None, f"not a valid RSS or Atom feed ({reason}) — check the file or address")
        return
    publisher = opt_str(parsed.feed.get("title"))
    for number, entry in enumerate(parsed.entries, start=1):
        yield _item(name, number, entry, publisher, fetcher, known)


def _item(name: str, number: int, entry: dict, publisher: str | None, fetcher: Fetcher,
          known: Known | None) -> Document | ReadError:
    link = opt_str(entry.get("link"))
    if link and not link.lower().startswith(("http://", "https://")):
        link = None
    title = opt_str(entry.get("title"))
    published = _entry_date(entry)
    full = _text(_content(entry))
    summary = _text(entry.get("summary") or "")
    doc_id = url_id(link) if link else (opt_str(entry.get("id")) or None)
    where = f"{name} item {number}" + (f" ({link})" if link else "")
    if link and not full:  # only a summary (or nothing): the article is at the link
        if known is not None and known(doc_id):
            # already stored: no need to fetch it again; the store skips it by id
            return _document(doc_id, summary or full or title or link, title, link, publisher, published, link)
        try:
            article = fetch_document(link, fetcher)
        except FetchError as e:
            if not e.permanent or not (full or summary):
                return ReadError(where, None, str(e))
            article = None  # the article cannot be had: keep what the feed says
        if article is not None:
            article.id = doc_id
            article.title = article.title or (shorten(title) if title else None)
            article.published = article.published or published
            article.publisher = article.publisher or publisher
            return article
    text = full or summary
    if not text:
        return ReadError(where, None, "item has no text and no link to its article — nothing to read")
    return _document(doc_id or content_id("feed", text), text, title, link, publisher, published,
                     link or f"{name}#{number}")


def _document(doc_id: str, text: str, title: str | None, link: str | None, publisher: str | None,
              published: dt.date | None, source: str) -> Document:
    return Document(id=doc_id, text=text, title=shorten(title) if title else None, url=link, publisher=publisher,
                    published=published, source=source)


def _content(entry: dict) -> str:
    parts = [c.get("value") or "" for c in entry.get("content") or []]
    return "\n\n".join(p for p in parts if p.strip())


def _entry_date(entry: dict) -> dt.date | None:
    for field in ("published", "updated", "created"):
        raw = opt_str(entry.get(field))
        if not raw:
            continue
        date = parse_date(raw)
        if date is None:
            try:
                date = email.utils.parsedate_to_datetime(raw).date()  # RFC 822, as RSS writes dates
            except (TypeError, ValueError, IndexError):
                date = None
        if date is None and entry.get(f"{field}_parsed"):
            date = dt.date(*entry[f"{field}_parsed"][:3])
        if date is not None:
            return date
    return None


def _text(html: str) -> str:
    """Text of an HTML fragment (feeds escape markup into their text), paragraphs kept apart."""
    if not html or not html.strip():
        return ""
    if "<" not in html:
        return _tidy(html)
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # markup too broken for lxml: drop the tags
        return _tidy(re.sub(r"<[^>]*>", " ", html))
    for bad in root.xpath(".//script|.//style"):
        bad.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK:
            el.tail = "\n\n" + (el.tail or "")
    return _tidy(root.text_content())


def _tidy(text: str) -> str:
    lines = [_SPACES.sub(" ", line).strip() for line in text.replace("\r", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


# ---------------------------------------------------------------------------------------------- polling

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.IGNORECASE)
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(value: str) -> float:
    """Seconds in "90", "30s", "15m", "2h" or "1d"; ValueError otherwise."""
    m = _DURATION.match(value)
    if not m:
        raise ValueError(f"{value!r} is not a duration — write e.g. 30s, 15m, 2h")
    return float(m.group(1)) * _UNIT[m.group(2).lower()]


def poll(run_round: Callable[[int], None], every: float, max_rounds: int | None = None,
         sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic) -> int:
    """Call `run_round(n)` for n = 1, 2, ... every `every` seconds (start to start) until `max_rounds`
    rounds are done (forever when None); returns the number of rounds run."""
    rounds = 0
    while max_rounds is None or rounds < max_rounds:
        started = clock()
        rounds += 1
        run_round(rounds)
        if max_rounds is not None and rounds >= max_rounds:
            break
        sleep(max(0.0, started + every - clock()))
    return rounds
