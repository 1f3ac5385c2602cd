"""Ingest: turn files and folders into Documents.

    for item in read_paths([Path("news/")], publisher="Reuters"):
        if isinstance(item, ReadError): print(item)   # "news/a.jsonl:3: invalid JSON ... — fix ..."
        else: handle(item)                              # a dossier.model.Document

Formats by suffix: .jsonl (one document per line), .txt and .md (one per file),
.html/.htm (main text via trafilatura), .rss/.atom/.xml feeds (one document per item). See `READERS`.
An http(s) URL is fetched politely (`Fetcher`: timeouts, size limit, robots.txt, per-host rate
limit) and read as a page or a feed.
"""

from dossier.ingest.common import parse_date
from dossier.ingest.errors import ReadError
from dossier.ingest.feeds import parse_duration, poll
from dossier.ingest.registry import READERS, Reader, read_paths, reader_for
from dossier.ingest.web import Fetcher, is_url

__all__ = ["READERS", "Fetcher", "ReadError", "Reader", "is_url", "parse_date", "parse_duration", "poll",
           "read_paths", "reader_for"]
