"""ACLED-style events CSV: the columns of ACLED's own exports, so its users' tools read dossier's events.

    dossier export events --format acled -o events.csv

One row per event. Dates are ISO (YYYY-MM-DD) with ACLED's time_precision (1 day, 2 a few days,
3 month or longer: a month-only date is written as its first day); geo_precision is 1 for a town
or site, 2 for a district, 3 for a region or country. `source` lists the publishers of the reports,
`notes` the evidence sentence of the first one. `fatalities` is the lower figure, 0 when unknown,
as in ACLED.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

import pycountry

from .registry import exporter

Row = dict[str, Any]

COLUMNS = ["event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1",
           "assoc_actor_1", "country", "iso3", "admin1", "admin2", "location", "latitude", "longitude",
           "geo_precision", "source", "notes", "fatalities"]

EVENT_TYPES = {
    "battles": "Battles",
    "explosions_remote_violence": "Explosions/Remote violence",
    "violence_against_civilians": "Violence against civilians",
    "protests": "Protests",
    "riots": "Riots",
    "strategic_development": "Strategic developments",
    "strategic_developments": "Strategic developments",
}
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
GEO_PRECISION = {"site": 1, "city": 1, "district": 2, "region": 3, "country": 3}


def documents_wanted(render):
    """Mark a renderer that takes `documents=` (doc id -> {publisher, url, ...}) besides its rows."""
    render.wants_documents = True
    return render


@exporter("events", "acled")
@documents_wanted
def render_acled(rows: Iterable[Row], out: TextIO, documents: Mapping[str, Row] | None = None) -> None:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(acled_row(row, documents or {}))


def acled_row(ev: Row, documents: Mapping[str, Row]) -> Row:
    place = ev.get("place") or {}
    country = place.get("country")
    iso3 = _iso3(country)
    number = str(ev["id"]).removeprefix("ev")
    perps = [p["name"] for p in ev.get("perpetrators") or []]
    date, precision = _date(ev.get("date"), ev.get("date_precision"))
    geo = GEO_PRECISION.get(place.get("precision") or "")
    local = place.get("precision") in ("site", "city", "district")
    publishers = [documents.get(d, {}).get("publisher") or d for d in ev.get("doc_ids") or []]
    sources = ev.get("sources") or []
    return {
        "event_id_cnty": f"{iso3 or 'XXX'}{number}",
        "event_date": date,
        "year": date[:4] if date else "",
        "time_precision": precision,
        "event_type": EVENT_TYPES.get(ev.get("type") or "", _label(ev.get("type"))),
        "sub_event_type": _label(ev.get("sub_type")),
        "actor1": perps[0] if perps else "Unidentified Armed Group",
        "assoc_actor_1": "; ".join(perps[1:]),
        "country": _country_name(country) or "",
        "iso3": iso3 or "",
        "admin1": place.get("admin1") or "",
        "admin2": place.get("name") if place.get("precision") == "district" else "",
        "location": place.get("name") if local else (place.get("admin1") or place.get("name") or ""),
        "latitude": _coord(place.get("lat")),
        "longitude": _coord(place.get("lon")),
        "geo_precision": geo if geo is not None and place.get("lat") is not None else "",
        "source": "; ".join(dict.fromkeys(publishers)),
        "notes": sources[0].get("evidence", "") if sources else "",
        "fatalities": ev.get("killed") or 0,
    }


def _date(date: str | None, precision: str | None) -> tuple[str, int | str]:
    if not date:
        return "", ""
    parts = date.split("-")
    if len(parts) == 3:
        return date, TIME_PRECISION.get(precision or "day", 1)
    if len(parts) == 2:
        return f"{date}-01", 3
    return f"{date}-01-01", 3


def _label(value: str | None) -> str:
    if not value:
        return ""
    text = value.replace("_", " ")
    return text[:1].upper() + text[1:]


def _coord(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def _iso3(alpha2: str | None) -> str | None:
    found = pycountry.countries.get(alpha_2=alpha2.upper()) if alpha2 else None
    return found.alpha_3 if found else None


def _country_name(alpha2: str | None) -> str | None:
    found = pycountry.countries.get(alpha_2=alpha2.upper()) if alpha2 else None
    return found.name if found else None
