"""CSV: fixed columns per kind; spans and places become columns, other nested values JSON text."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from .registry import exporter

Row = dict[str, Any]


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, dict | list | tuple):
        return json.dumps(value, ensure_ascii=False)
    return value


def _write(columns: list[str], flatten: Callable[[Row], Row], rows: Iterable[Row], out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({name: _cell(value) for name, value in flatten(row).items()})


ENTITY_COLUMNS = ["id", "name", "type", "key", "aliases", "country", "iso", "wikidata", "lat", "lon", "admin1",
                  "precision"]


@exporter("entities", "csv")
def render_entities(rows: Iterable[Row], out: TextIO) -> None:
    _write(ENTITY_COLUMNS, dict, rows, out)


CLAIM_COLUMNS = ["id", "subject_id", "subject", "predicate", "object_id", "object", "doc_id", "sentence",
                 "span_start", "span_end", "modality", "attributed_to", "qualifiers", "extractor", "confidence",
                 "evidence"]


def _flatten_claim(row: Row) -> Row:
    start, end = row.get("span") or (None, None)
    return {**row, "span_start": start, "span_end": end}


@exporter("claims", "csv")
def render_claims(rows: Iterable[Row], out: TextIO) -> None:
    _write(CLAIM_COLUMNS, _flatten_claim, rows, out)


PLACE_FIELDS = ["name", "admin1", "country", "iso", "lat", "lon", "precision"]
EVENT_COLUMNS = ["id", "date", "date_precision", "type", "sub_type", *(f"place_{f}" for f in PLACE_FIELDS),
                 "perpetrators", "targets", "killed", "killed_high", "injured", "injured_high", "doc_ids",
                 "sources"]


def _flatten_event(row: Row) -> Row:
    place = row.get("place") or {}
    return {**row, **{f"place_{name}": place.get(name) for name in PLACE_FIELDS}}


@exporter("events", "csv")
def render_events(rows: Iterable[Row], out: TextIO) -> None:
    _write(EVENT_COLUMNS, _flatten_event, rows, out)
