"""Claims that an event states about its sides: who attacks whom.

"IS claimed an ambush that killed 28 soldiers in Niger" says that IS targets Niger's army and,
since the victims are an armed force, that the two are at war. The perpetrators come from the
event (claimed, blamed, suspected or stated), the victims from the words the attack hit; the
claim keeps the event's sentence and how the perpetrator was named (a claim stays a claim).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from dossier.extract.events import RawEvent, fight_word, force_object, lexicon
from dossier.extract.raw import RawClaim
from dossier.extract.syntax import MEMBER_HEADS, owner, prep_objects, same
from dossier.model import Modality

_claim = RawClaim.maker("events")

ARMED = {"ARMED_GROUP", "FORCE"}
# how the event names its perpetrator -> how the claims derived from it are stated
MODALITY = {"claimed": Modality.CLAIMED, "blamed": Modality.ALLEGED, "suspected": Modality.ALLEGED}


def _civilians(tok: Token) -> dict | None:
    """ "local people", "students": the victims as text, when the text says which civilians."""
    nouns = lexicon()["civilian_victims"]["nouns"]
    lemma = tok.lemma_.lower()
    if lemma not in nouns and tok.lower_ not in nouns:
        return None
    mods = [c for c in tok.children if c.dep_ in {"amod", "compound"} and c.i < tok.i and not c.like_num]
    if lemma in {"people", "civilian"} and not mods:
        return None  # every attack kills people; which ones is what tells
    words = [*(m.text for m in mods), tok.text]
    return {"text": " ".join(words)}


def _victim_objects(ev: RawEvent) -> Iterator[tuple[Token | dict, bool]]:
    """(object, armed): each victim as an entity token, a state force or a text."""
    located = ev.outer if ev.namesake else ev.place  # (a town known only abroad: the province it is in says where)
    place = located.text if located is not None else None
    for v in ev.victims:
        if v.lower_ in {"dozens", "scores", "hundreds", "thousands"}:  # "dozens of Wagner mercenaries"
            v = next(iter(prep_objects(v, {"of"})), v)
        if v.ent_type_ in ARMED:
            yield v, True
        elif v.ent_type_ in {"COMMUNITY", "NORP"} and v.pos_ in {"PROPN", "NOUN"}:
            yield v, False
        elif not v.ent_type_ and v.lower_ in MEMBER_HEADS and (group := owner(v, ARMED)) is not None:
            yield group, True  # "200 members of the ADF were killed"
        elif (force := force_object(v, place)) is not None:
            yield force, force["force"] == "army"
        elif not v.ent_type_ and (text := _civilians(v)) is not None:
            yield text, False


def event_claims(events: list[RawEvent]) -> Iterator[RawClaim]:
    """`targets` for every (perpetrator, victim) of an event; `opposes` too when the victim is armed."""
    for ev in events:
        victims = list(_victim_objects(ev))
        # ("IS, Lashkar-e-Islam clash": a fight has two sides at war, neither the other's target)
        fight = fight_word(ev.trigger)
        for who, how in ev.perpetrators:
            if who.ent_type_ not in ARMED | {"GPE"}:  # a country acts through its forces
                continue
            for obj, armed in victims:
                if isinstance(obj, Token) and same(obj, who):
                    continue
                for pred in ("targets", "opposes")[fight:] if armed else ("targets",)[:1 - fight]:
                    claim = _claim(who, pred, obj, ev.trigger, f"victim_{pred}", 0.55)
                    claim.modality = MODALITY.get(how)
                    yield claim
