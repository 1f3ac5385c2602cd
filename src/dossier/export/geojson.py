"""GeoJSON (RFC 7946) FeatureCollection of events and bases, for QGIS, geojson.io, Leaflet, kepler.gl.

    dossier export geojson -o dossier.geojson [--group IS-K]

Two kinds of Point feature, told apart by `properties.kind`:

- "event": one per event whose place has coordinates (date, type, perpetrators, killed, injured,
  how many sources report it);
- "base": one per (group, place) of the `based_in` claims whose place has coordinates, with the
  claims' modalities and how many statements and sources support it.

Coordinates are [longitude, latitude] (WGS 84), as GeoJSON requires; properties are flat
(strings and numbers) so GIS tools show them as table columns. Things without coordinates are
left out.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any, TextIO

from .scope import Row, Scope, scope_exporter


def _point(lat: Any, lon: Any) -> Row | None:
    if lat is None or lon is None:
        return None
    return {"type": "Point", "coordinates": [round(float(lon), 6), round(float(lat), 6)]}


def _event_feature(ev: Row) -> Row | None:
    place = ev.get("place") or {}
    geometry = _point(place.get("lat"), place.get("lon"))
    if geometry is None:
        return None
    perps = ev.get("perpetrators") or []
    return {
        "type": "Feature",
        "id": ev["id"],
        "geometry": geometry,
        "properties": {
            "kind": "event",
            "id": ev["id"],
            "date": ev.get("date") or "",
            "date_precision": ev.get("date_precision") or "",
            "event_type": ev.get("type") or "",
            "sub_type": ev.get("sub_type") or "",
            "place": place.get("name") or "",
            "admin1": place.get("admin1") or "",
            "country": place.get("country") or "",
            "geo_precision": place.get("precision") or "",
            "perpetrators": "; ".join(p["name"] for p in perps),
            "attribution": "; ".join(p.get("attribution") or "" for p in perps),
            "targets": "; ".join(ev.get("targets") or []),
            "killed": ev.get("killed"),
            "killed_high": ev.get("killed_high"),
            "injured": ev.get("injured"),
            "injured_high": ev.get("injured_high"),
            "sources": len(ev.get("doc_ids") or []),
            "doc_ids": "; ".join(ev.get("doc_ids") or []),
        },
    }


def _base_features(scope: Scope) -> list[Row]:
    bases: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for c in scope.claims:
        if c["predicate"] == "based_in" and c.get("object_id") and c.get("modality") != "denied":
            bases[(c["subject_id"], c["object_id"])].append(c)
    features = []
    for (group_id, place_id), claims in bases.items():
        place = scope.entities.get(place_id) or {}
        geometry = _point(place.get("lat"), place.get("lon"))
        if geometry is None:
            continue
        group = scope.entities.get(group_id) or {"name": claims[0]["subject"]}
        docs = list(dict.fromkeys(c["doc_id"] for c in claims))
        features.append({
            "type": "Feature",
            "id": f"base-{group_id}-{place_id}",
            "geometry": geometry,
            "properties": {
                "kind": "base",
                "group": group["name"],
                "group_id": group_id,
                "group_type": group.get("type") or "",
                "place": place.get("name") or "",
                "admin1": place.get("admin1") or "",
                "country": place.get("country") or "",
                "geo_precision": place.get("precision") or "",
                "modality": "; ".join(dict.fromkeys(c.get("modality") or "asserted" for c in claims)),
                "statements": len(claims),
                "sources": len(docs),
                "doc_ids": "; ".join(docs),
                "evidence": claims[0].get("evidence") or "",
            },
        })
    return features


def feature_collection(scope: Scope) -> Row:
    events = [f for f in (_event_feature(ev) for ev in scope.events) if f is not None]
    return {"type": "FeatureCollection", "features": [*events, *_base_features(scope)]}


@scope_exporter("geojson")
def render_geojson(scope: Scope, out: TextIO) -> None:
    json.dump(feature_collection(scope), out, ensure_ascii=False, indent=1)
    out.write("\n")
