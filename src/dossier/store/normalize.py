"""Alias normalisation for the `aliases.norm` column and `alias_index()` keys.

It delegates to `dossier.names.norm` so that storage and entity resolution share one rule
(casefold, no diacritics, no leading "the", no punctuation, hyphens or whitespace). Changing
that rule makes stored `norm` values stale: ship a migration that recomputes them.
"""

from __future__ import annotations

from dossier.names import norm


def normalize_alias(name: str) -> str:
    """The key an alias is stored and looked up under.

    >>> normalize_alias("The Islamic State - Khorasan")
    'islamicstatekhorasan'
    """
    return norm(name)
