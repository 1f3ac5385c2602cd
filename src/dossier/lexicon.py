"""Word lists kept as data files (`data/lexicon.json`, `data/triggers.json`), loaded once."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources


def load_json(name: str) -> dict:
    return json.loads((resources.files("dossier.data") / name).read_text(encoding="utf-8"))


@cache
def _all() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in load_json("lexicon.json").items() if not k.startswith("_")}


def words(name: str) -> frozenset[str]:
    """The word list `name` from the lexicon file."""
    return _all()[name]


@cache
def triggers() -> dict:
    """Trigger verbs and nouns per predicate, and the ideology words."""
    return load_json("triggers.json")


@cache
def verb_lemmas(predicate: str) -> frozenset[str]:
    return frozenset(triggers()["verbs"].get(predicate, ()))


@cache
def nouns(kind: str) -> frozenset[str]:
    return frozenset(triggers()["nouns"].get(kind, ()))
