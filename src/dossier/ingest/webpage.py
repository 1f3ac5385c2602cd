"""Saved web pages: main text, title, date and canonical URL, all offline."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import lxml.html
import trafilatura
from trafilatura.utils import load_html

from dossier.ingest.common import content_id, decode_text, opt_str, parse_date, shorten
from dossier.ingest.errors import ReadError
from dossier.model import Document

# htmldate options: no search of the whole page text for stray dates, prefer the
# original publication date to the last-modified one. No URL is given, so nothing is fetched.
DATE_PARAMS = {"extensive_search": False, "original_date": True}


def read_html(path: Path, data: bytes) -> Iterator[Document | ReadError]:
    page = decode_text(path, data, declared_charset=True)
    if isinstance(page, ReadError):
        yield page
        return
    try:
        tree = _parse(page)
        url = _canonical(tree)  # before extraction, which prunes the tree
        result = trafilatura.bare_extraction(
            tree, with_metadata=True, include_comments=False, date_extraction_params=DATE_PARAMS
        )
    except Exception as e:  # any parser failure on bad markup is a bad file, not a crash
        yield ReadError(str(path), None, f"could not parse HTML ({e}) — check the file is a saved web page")
        return
    text = (result.text or "").strip() if result is not None else ""
    if not text:
        yield ReadError(str(path), None, "no main text found — save the article page itself, or paste its text "
                                         "into a .txt file")
        return
    title = opt_str(result.title)
    yield Document(
        id=content_id("html", text),
        text=text,
        title=shorten(title) if title else None,
        url=url or _absolute(result.url),
        publisher=opt_str(result.sitename),
        published=parse_date(result.date),
        source=str(path),
    )


def _parse(page: str) -> lxml.html.HtmlElement:
    """The page as an lxml tree; fragments without <html> are wrapped in a document."""
    tree = load_html(page)
    if tree is None:
        tree = lxml.html.document_fromstring(page.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    return tree


def _canonical(tree: lxml.html.HtmlElement) -> str | None:
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        if "canonical" in rel:
            url = _absolute(link.get("href"))
            if url:
                return url
    return None


def _absolute(url: str | None) -> str | None:
    url = opt_str(url)
    return url if url and url.startswith(("http://", "https://")) else None
