"""JSON lines: one contract dict a line, the format the scorer reads."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from .registry import exporter


@exporter("entities", "jsonl")
@exporter("claims", "jsonl")
@exporter("events", "jsonl")
def render_jsonl(rows: Iterable[dict[str, Any]], out: TextIO) -> None:
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False))
        out.write("\n")
