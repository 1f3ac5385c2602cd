"""Word lists kept as data (`data/lexicon.json`), loaded once."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources


@cache
def _all() -> dict[str, frozenset[str]]:
    raw = json.loads((resources.files("dossier.data") / "lexicon.json").read_text(encoding="utf-8"))
    return {k: frozenset(v) for k, v in raw.items() if not k.startswith("_")}


def words(name: str) -> frozenset[str]:
    """The word list `name` from the lexicon file."""
    return _all()[name]
