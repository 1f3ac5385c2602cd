"""Extraction: claims (the 14 predicates) and events from a parsed document. No database here."""

from __future__ import annotations

from spacy.tokens import Doc

from dossier.extract.descriptions import noun_claims
from dossier.extract.raw import RawClaim
from dossier.extract.relations import verb_claims


def extract_claims(doc: Doc) -> list[RawClaim]:
    """Every claim the rules find in `doc`, one per (subject, predicate, object) token triple."""
    seen: dict[tuple, RawClaim] = {}
    for sent in doc.sents:
        for claim in (*verb_claims(sent), *noun_claims(sent)):
            k = claim.key()
            if k not in seen or seen[k].confidence < claim.confidence:
                seen[k] = claim
    return list(seen.values())


__all__ = ["RawClaim", "extract_claims"]
