"""From raw event mentions over tokens to Events over linked entities and geocoded places."""

from __future__ import annotations

from dataclasses import replace

from dossier.extract.events import RawEvent, written_within
from dossier.model import Event, Perpetrator, Place
from dossier.resolve.claims import provenance
from dossier.resolve.linking import DocumentLinker

PERPETRATOR_TYPES = {"armed_group", "force", "organization", "person", "place"}


def link_events(raw: list[RawEvent], linker: DocumentLinker, doc_id: str) -> list[Event]:
    events = []
    for ev in raw:
        place_ref = linker.ref(ev.place) if ev.place is not None else None
        place = place_ref.place if place_ref is not None and not ev.namesake else None
        if place is None and place_ref is not None:
            outer = _outer_place(ev, linker)
            # the name the text used, located (as precisely as the coordinates say) by the place around it (a
            # namesake's own words: "Darra" of Ethiopia, not the gazetteer's "Darra Adam Khel")
            name = ev.place.text if ev.namesake else place_ref.name
            place = replace(outer, name=name, aliases=()) if outer is not None else Place(name=name,
                                                                                           precision="unknown")
        perps: list[Perpetrator] = []
        for tok, attribution in ev.perpetrators:
            ref = linker.ref(tok) if tok.ent_type_ != "NORP" else linker.country_of_demonym(tok)  # "Israeli strikes"
            if ref is None or ref.type not in PERPETRATOR_TYPES:
                continue
            same = next((k for k, p in enumerate(perps) if p.entity.key == ref.key), None)
            if same is not None:
                if attribution == "claimed" and perps[same].attribution == "stated":
                    perps[same] = Perpetrator(entity=ref, attribution=attribution)  # its own claim says more
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


def _outer_place(ev: RawEvent, linker: DocumentLinker) -> Place | None:
    """ "the community of Santa Luca in Ituango": the town or district the text puts a place no gazetteer knows
    in; else the known place the report gave first ("an attack in Borno State" ... "near Gudumbali"), as a
    region holding it."""
    for inner, outer in written_within(ev.place.doc):
        if inner == ev.place.text:
            place = linker.place_named(outer)
            if place is not None and place.precision in {"city", "district"}:
                return place
    ref = linker.ref(ev.outer) if ev.outer is not None else None
    place = ref.place if ref is not None else None
    if place is None or place.precision == "country":
        return place
    return replace(place, admin1=place.admin1 or place.name) if place.precision == "region" else place
