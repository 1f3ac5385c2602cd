"""From raw event mentions over tokens to Events over linked entities and geocoded places."""

from __future__ import annotations

from dossier.extract.events import RawEvent
from dossier.model import Event, Perpetrator
from dossier.resolve.claims import provenance
from dossier.resolve.linking import DocumentLinker

PERPETRATOR_TYPES = {"armed_group", "force", "organization", "person", "place"}


def link_events(raw: list[RawEvent], linker: DocumentLinker, doc_id: str) -> list[Event]:
    events = []
    for ev in raw:
        place_ref = linker.ref(ev.place) if ev.place is not None else None
        place = place_ref.place if place_ref is not None else None
        if place is None and place_ref is not None:
            from dossier.model import Place

            place = Place(name=place_ref.name, precision="unknown")
        perps: list[Perpetrator] = []
        for tok, attribution in ev.perpetrators:
            ref = linker.ref(tok)
            if ref is None or ref.type not in PERPETRATOR_TYPES or any(p.entity.key == ref.key for p in perps):
                continue
            if ref.type == "place" and (ref.place is None or ref.place.precision != "country"):
                continue  # a city does not attack; a country (its state forces) can
            perps.append(Perpetrator(entity=ref, attribution=attribution))
        events.append(Event(
            type=ev.type, sub_type=ev.sub_type, provenance=provenance(doc_id, ev.trigger),
            date=ev.date.iso if ev.date else None, date_precision=ev.date.precision if ev.date else None,
            place=place, perpetrators=perps, targets=ev.targets,
            killed=(ev.killed.low, ev.killed.high) if ev.killed else (None, None),
            injured=(ev.injured.low, ev.injured.high) if ev.injured else (None, None),
            trigger=ev.trigger.text))
    return events
