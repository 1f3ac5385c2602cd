"""Ingest: turn files and folders into Documents.

    for item in read_paths([Path("news/")], publisher="Reuters"):
        if isinstance(item, ReadError): print(item)   # "news/a.jsonl:3: invalid JSON ... — fix ..."
        else: handle(item)                              # a dossier.model.Document

Formats by suffix: .jsonl (one document per line), .txt and .md (one per file),
.html/.htm (main text via trafilatura). See `READERS`.
"""

from dossier.ingest.common import parse_date
from dossier.ingest.errors import ReadError
from dossier.ingest.registry import READERS, Reader, read_paths, reader_for

__all__ = ["READERS", "ReadError", "Reader", "parse_date", "read_paths", "reader_for"]
