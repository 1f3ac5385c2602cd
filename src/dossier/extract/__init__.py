"""Extraction: claims (the 14 predicates) and events from a parsed document. No database here."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from dossier.extract.descriptions import noun_claims
from dossier.extract.fact_sheets import fact_sheet_claims
from dossier.extract.raw import RawClaim
from dossier.extract.relations import verb_claims

_ARMED = {"ARMED_GROUP", "FORCE"}


def _opposition(claim: RawClaim) -> RawClaim | None:
    """Attacks on an armed group or a state's forces are fighting them: "targets X" is also "opposes X"."""
    obj = claim.obj
    armed = obj.ent_type_ in _ARMED if isinstance(obj, Token) else bool(obj.get("force"))
    if claim.predicate != "targets" or not armed:
        return None
    return replace(claim, predicate="opposes", extractor=f"{claim.extractor}.fighting",
                   confidence=round(claim.confidence - 0.1, 2))


def _one_victim(claim: RawClaim) -> bool:
    """ "murdered Lyra McKee": a person killed is the victim of one event, not a kind of target the group has."""
    return claim.predicate == "targets" and isinstance(claim.obj, Token) and claim.obj.ent_type_ == "PERSON"


def _question(sent: Span) -> bool:
    """ "Did Eta target civilians in the past?": an explainer's question asks, it does not state."""
    return sent.text.rstrip().rstrip("\"'”’").endswith("?")


def extract_claims(doc: Doc) -> list[RawClaim]:
    """Every claim the rules find in `doc`, one per (subject, predicate, object) token triple."""
    seen: dict[tuple, RawClaim] = {}
    found = (claim for sent in doc.sents if not _question(sent) for claim in (*verb_claims(sent), *noun_claims(sent)))
    for claim in (*found, *fact_sheet_claims(doc)):
        for c in (claim, _opposition(claim)):
            if c is None or _one_victim(c):
                continue
            k = c.key()
            if k not in seen or seen[k].confidence < c.confidence:
                seen[k] = c
    return list(seen.values())


__all__ = ["RawClaim", "extract_claims"]
