"""STIX 2.1 bundle of the knowledge base, for OpenCTI, MISP and other threat-intelligence platforms.

    dossier export stix -o dossier.json [--group IS-K]

Mapping (every id is a uuid5 of the entity key or claim, so exporting twice gives the same ids):

- armed groups and state forces → `threat-actor` (with `aliases`; forces typed `nation-state`);
  people, organisations and communities → `identity`; places → `location`;
- claims between entities → `relationship` (based_in → located-at, part_of → part-of,
  split_from → derived-from, linked_to → related-to, targets → targets, others as their own
  hyphenated name), one per (subject, predicate, object), with every source as an external reference;
- claims with a literal value (founded, size, role, ideology) and denied claims → `note`;
- events → `incident` (figures in the description), `attributed-to` its perpetrators,
  `located-at` its place;
- each source document → `report` whose `object_refs` are what was read from it, with the
  article's URL as external reference.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from typing import Any, TextIO

from .scope import Row, Scope, scope_exporter, stable_uuid

SPEC = "2.1"
IDENTITY_KEY = "dossier:identity"
RELATIONSHIP_TYPES = {"based_in": "located-at", "part_of": "part-of", "split_from": "derived-from",
                      "linked_to": "related-to", "targets": "targets", "member_of": "member-of",
                      "leader": "led-by", "active_in": "active-in", "opposes": "opposes",
                      "recruits_from": "recruits-from"}
CONFIDENCE_BY_MODALITY = {"asserted": 1.0, "reported": 0.8, "claimed": 0.8, "alleged": 0.6, "hypothetical": 0.3}
IDENTITY_CLASS = {"person": "individual", "organization": "organization", "group": "group"}


def _sdo_id(kind: str, *key: object) -> str:
    return f"{kind}--{stable_uuid(kind, *key)}"


def _timestamp(now: dt.datetime | None) -> str:
    now = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    return now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"


class _Builder:
    def __init__(self, scope: Scope, now: dt.datetime | None) -> None:
        self.scope = scope
        self.stamp = _timestamp(now)
        self.identity = _sdo_id("identity", IDENTITY_KEY)
        self.objects: dict[str, Row] = {}
        self.by_doc: dict[str, set[str]] = defaultdict(set)  # doc id -> ids of objects read from it

    def add(self, obj: Row) -> str:
        base = {"type": obj["type"], "spec_version": SPEC, "id": obj["id"], "created_by_ref": self.identity,
                "created": self.stamp, "modified": self.stamp}
        self.objects.setdefault(obj["id"], {**base, **obj})
        return obj["id"]

    def source_ref(self, doc_id: str, description: str | None = None) -> Row:
        doc = self.scope.documents.get(doc_id, {})
        ref: Row = {"source_name": doc.get("publisher") or "dossier", "external_id": doc_id}
        if doc.get("url"):
            ref["url"] = doc["url"]
        text = description or doc.get("title")
        if text:
            ref["description"] = text
        return ref

    # ---------------------------------------------------------------------------------- entities

    def entity(self, eid: str | None) -> str | None:
        if eid is None or eid not in self.scope.entities:
            return None
        e = self.scope.entities[eid]
        etype, key, name = e.get("type"), e["key"], e["name"]
        refs = []
        if e.get("wikidata"):
            refs.append({"source_name": "wikidata", "external_id": e["wikidata"],
                         "url": f"https://www.wikidata.org/wiki/{e['wikidata']}"})
        if etype in ("armed_group", "force"):
            obj: Row = {"type": "threat-actor", "id": _sdo_id("threat-actor", key), "name": name,
                        "description": "State armed force" if etype == "force" else "Armed group"}
            aliases = [a for a in e.get("aliases") or [] if a != name]
            if aliases:
                obj["aliases"] = aliases
            if etype == "force":
                obj["threat_actor_types"] = ["nation-state"]
        elif etype == "place":
            return self.location(e)
        else:
            obj = {"type": "identity", "id": _sdo_id("identity", key), "name": name,
                   "identity_class": IDENTITY_CLASS.get(etype or "", "unknown")}
        if refs:
            obj["external_references"] = refs
        return self.add(obj)

    def location(self, place: Row) -> str | None:
        """A location from an entity row or an event's place dict; None when nothing locates it."""
        key = place.get("key") or _place_key(place)
        obj: Row = {"type": "location", "id": _sdo_id("location", key), "name": place.get("name")}
        if place.get("lat") is not None and place.get("lon") is not None:
            obj["latitude"], obj["longitude"] = float(place["lat"]), float(place["lon"])
        if place.get("country"):
            obj["country"] = place["country"]
        if place.get("admin1") and place.get("precision") not in ("country", "region"):
            obj["administrative_area"] = place["admin1"]
        if not any(k in obj for k in ("latitude", "country")):
            return None
        return self.add(obj)

    # ---------------------------------------------------------------------------------- claims

    def claims(self) -> None:
        groups: dict[tuple, list[Row]] = defaultdict(list)
        for c in self.scope.claims:
            if c.get("object_id") and c.get("modality") != "denied":
                groups[("rel", c["subject_id"], c["predicate"], c["object_id"])].append(c)
            else:
                groups[("note", c["subject_id"], c["predicate"], json.dumps(c.get("object"), sort_keys=True),
                        c.get("modality"))].append(c)
        for key, claims in groups.items():
            if key[0] == "rel":
                self.relationship(claims)
            else:
                self.note(claims)

    def relationship(self, claims: list[Row]) -> None:
        first = claims[0]
        source, target = self.entity(first["subject_id"]), self.entity(first["object_id"])
        if source is None or target is None:
            return
        predicate = first["predicate"]
        rtype = RELATIONSHIP_TYPES.get(predicate, predicate.replace("_", "-"))
        docs = list(dict.fromkeys(c["doc_id"] for c in claims))
        confidence = max(_confidence(c) for c in claims)
        subject_key = self.scope.entities[first["subject_id"]]["key"]
        object_key = self.scope.entities[first["object_id"]]["key"]
        lines = [f"{first['subject']} {predicate.replace('_', ' ')} {first['object']}: {len(claims)} statement(s) in "
                 f"{len(docs)} source(s)."]
        lines += [_statement(c) for c in claims[:5]]
        rel = {"type": "relationship", "id": _sdo_id("relationship", subject_key, predicate, object_key),
               "relationship_type": rtype, "source_ref": source, "target_ref": target,
               "description": "\n".join(lines), "confidence": confidence,
               "external_references": [self.source_ref(d, _evidence(claims, d)) for d in docs]}
        rid = self.add(rel)
        for d in docs:
            self.by_doc[d].update((rid, source, target))

    def note(self, claims: list[Row]) -> None:
        first = claims[0]
        subject = self.entity(first["subject_id"])
        if subject is None:
            return
        refs = [subject]
        if first.get("object_id"):
            other = self.entity(first["object_id"])
            if other is not None:
                refs.append(other)
        value = first.get("object")
        if isinstance(value, dict):
            value = ", ".join(f"{k}: {v}" for k, v in value.items())
        modality = first.get("modality") or "asserted"
        docs = list(dict.fromkeys(c["doc_id"] for c in claims))
        note = {"type": "note", "id": _sdo_id("note", self.scope.entities[first["subject_id"]]["key"],
                                              first["predicate"], json.dumps(first.get("object"), sort_keys=True),
                                              modality),
                "abstract": f"{first['subject']} — {first['predicate'].replace('_', ' ')}: {value} ({modality})",
                "content": "\n".join(_statement(c) for c in claims), "object_refs": refs,
                "confidence": max(_confidence(c) for c in claims),
                "external_references": [self.source_ref(d, _evidence(claims, d)) for d in docs]}
        nid = self.add(note)
        for d in docs:
            self.by_doc[d].update((nid, *refs))

    # ---------------------------------------------------------------------------------- events

    def event(self, ev: Row) -> None:
        place = ev.get("place") or {}
        where = ", ".join(x for x in dict.fromkeys([place.get("name"), place.get("country")]) if x)
        kind = (ev.get("sub_type") or ev.get("type") or "event").replace("_", " ")
        name = " — ".join(x for x in (ev.get("date") or "undated", kind, where) if x)
        figures = []
        if ev.get("killed") is not None:
            figures.append(f"killed: {_figure(ev.get('killed'), ev.get('killed_high'))}")
        if ev.get("injured") is not None:
            figures.append(f"injured: {_figure(ev.get('injured'), ev.get('injured_high'))}")
        head = (f"{(ev.get('type') or '').replace('_', ' ')} ({kind}); date {ev.get('date') or 'unknown'} "
                f"({ev.get('date_precision') or 'unknown precision'})")
        lines = [head + (f"; {'; '.join(figures)}" if figures else "")]
        if ev.get("targets"):
            lines.append("targets: " + ", ".join(ev["targets"]))
        lines += [f"\"{s['evidence']}\" ({s['doc_id']})" for s in (ev.get("sources") or [])[:5]]
        docs = list(ev.get("doc_ids") or [])
        first = (ev.get("sources") or [{}])[0]  # the first report of it: stable across databases
        key = ("event", ev.get("type"), ev.get("sub_type"), first.get("doc_id"), *(first.get("span") or ()),
               ev.get("date"), _place_key(place) if place else "")
        incident = {"type": "incident", "id": _sdo_id("incident", *key), "name": name,
                    "description": "\n".join(lines),
                    "external_references": [self.source_ref(d, _source_evidence(ev, d)) for d in docs]}
        iid = self.add(incident)
        linked = [iid]
        for perp in ev.get("perpetrators") or []:
            actor = self.entity(perp.get("id"))
            if actor is None:
                continue
            rel = {"type": "relationship", "id": _sdo_id("relationship", iid, "attributed-to", actor),
                   "relationship_type": "attributed-to", "source_ref": iid, "target_ref": actor,
                   "description": f"attribution: {perp.get('attribution')}",
                   "confidence": 90 if perp.get("attribution") == "claimed" else 60}
            linked += [self.add(rel), actor]
        loc = None
        if place:
            pid = self.scope.place_id(place)
            loc = self.entity(pid) if pid else self.location(place)
        if loc is not None:
            rel = {"type": "relationship", "id": _sdo_id("relationship", iid, "located-at", loc),
                   "relationship_type": "located-at", "source_ref": iid, "target_ref": loc}
            linked += [self.add(rel), loc]
        for d in docs:
            self.by_doc[d].update(linked)

    # ---------------------------------------------------------------------------------- reports

    def reports(self) -> None:
        for doc_id in sorted(self.by_doc):
            refs = sorted(self.by_doc[doc_id])
            doc = self.scope.documents.get(doc_id, {})
            published = f"{doc['published']}T00:00:00.000Z" if doc.get("published") else self.stamp
            report = {"type": "report", "id": _sdo_id("report", doc_id), "name": doc.get("title") or doc_id,
                      "report_types": ["threat-report"], "published": published, "object_refs": refs,
                      "external_references": [self.source_ref(doc_id)]}
            self.add(report)

    def bundle(self) -> Row:
        for eid in sorted(self.scope.focus):
            self.entity(eid)
        self.claims()
        for ev in self.scope.events:
            self.event(ev)
        self.reports()
        self.add({"type": "identity", "id": self.identity, "name": "dossier", "identity_class": "system",
                  "description": "Claims and events read from news reporting by dossier; every object cites its "
                                 "sources."})
        objects = sorted(self.objects.values(), key=lambda o: (o["type"] != "identity" or o["id"] != self.identity,
                                                                o["type"], o["id"]))
        return {"type": "bundle", "id": f"bundle--{stable_uuid('bundle', *(o['id'] for o in objects))}",
                "objects": objects}


def _place_key(place: Row) -> str:
    from .scope import place_key

    return place_key(place)


def _confidence(claim: Row) -> int:
    modality = claim.get("modality") or "asserted"
    base = claim.get("confidence")
    base = 0.7 if base is None else float(base)
    return max(0, min(100, round(100 * base * CONFIDENCE_BY_MODALITY.get(modality, 0.5))))


def _statement(claim: Row) -> str:
    by = f", according to {claim['attributed_to']}" if claim.get("attributed_to") else ""
    return f"[{claim.get('modality') or 'asserted'}{by}] \"{claim.get('evidence')}\" ({claim['doc_id']})"


def _evidence(claims: list[Row], doc_id: str) -> str | None:
    return next((c.get("evidence") for c in claims if c["doc_id"] == doc_id and c.get("evidence")), None)


def _source_evidence(ev: Row, doc_id: str) -> str | None:
    return next((s.get("evidence") for s in ev.get("sources") or [] if s.get("doc_id") == doc_id), None)


def _figure(low: Any, high: Any) -> str:
    return str(low) if high in (None, low) else f"{low}-{high}"


def bundle(scope: Scope, now: dt.datetime | None = None) -> Row:
    """The STIX 2.1 bundle (a dict) of `scope`."""
    return _Builder(scope, now).bundle()


@scope_exporter("stix")
def render_stix(scope: Scope, out: TextIO) -> None:
    json.dump(bundle(scope), out, ensure_ascii=False, indent=2)
    out.write("\n")
