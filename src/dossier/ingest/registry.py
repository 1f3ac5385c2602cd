"""Which reader handles which file, and walking the paths given."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from dossier.ingest.errors import ReadError
from dossier.ingest.feeds import read_feed_file
from dossier.ingest.jsonl import read_jsonl
from dossier.ingest.plaintext import read_md, read_txt
from dossier.ingest.web import Fetcher, Known, is_url, read_url
from dossier.ingest.webpage import read_html
from dossier.model import Document

Reader = Callable[[Path, bytes], Iterator[Document | ReadError]]

READERS: dict[str, Reader] = {
    ".jsonl": read_jsonl,
    ".txt": read_txt,
    ".md": read_md,
    ".html": read_html,
    ".htm": read_html,
    ".rss": read_feed_file,
    ".atom": read_feed_file,
    ".xml": read_feed_file,  # read when named; inside folders .xml files are left alone (sitemaps, data)
}
FEED_READERS = {read_feed_file}

UNKNOWN_FORMAT = "unknown format (expected .jsonl, .txt, .md, .html) — rename the file or convert it"


def reader_for(path: Path) -> Reader | None:
    return READERS.get(path.suffix.lower())


def read_paths(
    paths: Iterable[Path | str],
    published: dt.date | None = None,
    publisher: str | None = None,
    fetcher: Fetcher | None = None,
    known: Known | None = None,
) -> Iterator[Document | ReadError]:
    """Documents from files, folders and http(s) URLs (folders read recursively, in sorted
    order, hidden files and folders skipped), and a ReadError for each bad input. Never raises
    on bad content.

    A file given explicitly with an unknown suffix is an error; inside folders such
    files are skipped silently. `published` and `publisher` fill documents that lack them.
    A URL (a page or a feed) and a feed's summary-only items are fetched with `fetcher`
    (a default polite one if None); `known(doc_id)` says an item is stored, so it is not fetched.
    """
    own = None
    if fetcher is None:
        fetcher = own = Fetcher()
    try:
        for given in paths:
            for item in _read_given(given, fetcher, known):
                if isinstance(item, Document):
                    if item.published is None and published is not None:
                        item.published = published
                    if item.publisher is None and publisher:
                        item.publisher = publisher
                yield item
    finally:
        if own is not None:
            own.close()


def _read_given(given: Path | str, fetcher: Fetcher, known: Known | None) -> Iterator[Document | ReadError]:
    if is_url(given):
        yield from read_url(str(given), fetcher, known=known)
        return
    yield from _read_one(Path(given), fetcher, known)


def _read_one(path: Path, fetcher: Fetcher, known: Known | None) -> Iterator[Document | ReadError]:
    if path.is_dir():
        for file in _walk(path):
            yield from _read_file(file, reader_for(file), fetcher, known)
    elif path.exists():
        reader = reader_for(path)
        if reader is None:
            yield ReadError(str(path), None, UNKNOWN_FORMAT)
        else:
            yield from _read_file(path, reader, fetcher, known)
    else:
        yield ReadError(str(path), None, "no such file or folder — check the path")


def _walk(folder: Path) -> Iterator[Path]:
    """Files of known format under `folder`, sorted by path (so "a.txt" < "b/c.txt" < "d.txt"),
    hidden files and folders left out, symlinked folders not followed."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(Path(root, name) for name in files if not name.startswith("."))
    found = [f for f in found if reader_for(f) is not None and f.suffix.lower() != ".xml"]
    yield from sorted(found, key=lambda f: f.relative_to(folder).parts)


def _read_file(path: Path, reader: Reader | None, fetcher: Fetcher | None = None,
               known: Known | None = None) -> Iterator[Document | ReadError]:
    if reader is None:
        return
    try:
        data = path.read_bytes()
    except OSError as e:
        yield ReadError(str(path), None, f"cannot read ({e.strerror or e}) — check permissions")
        return
    if reader in FEED_READERS:
        yield from read_feed_file(path, data, fetcher=fetcher, known=known)
    else:
        yield from reader(path, data)
