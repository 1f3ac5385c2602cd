"""Name normalisation shared by every stage: one rule for "is this the same name?"."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’`]s\b")
_NON_WORD = re.compile(r"[\W_]+")


# Letters that NFKD does not split into base letter + mark.
_SPECIAL = str.maketrans(
    {
        "ı": "i", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "æ": "ae", "Æ": "AE",
        "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ħ": "h", "Ħ": "H", "ß": "ss",
        "ŀ": "l", "ŉ": "n", "ſ": "s", "ʻ": "'", "ʼ": "'", "ʿ": "'", "ʾ": "'", "’": "'", "‘": "'",
        "`": "'", "´": "'", "‐": "-", "‑": "-", "–": "-", "—": "-",
    }
)


def fold(text: str) -> str:
    """Strip diacritics, keep case and punctuation: "Nangarhār" -> "Nangarhar", "Łódź" -> "Lodz"."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", text)


def fold_keeping_offsets(text: str) -> str:
    """`fold`, one character for one ("Jamā’at" -> "Jama'at"; "æ" stays), so offsets in the result are offsets
    in `text`."""
    if text.isascii():
        return text
    return "".join(f if len(f := fold(ch)) == 1 else ch for ch in text)


@lru_cache(maxsize=200_000)
def norm(name: str) -> str:
    """Compare names case-, accent-, punctuation- and leading-"the"-insensitively."""
    s = fold(name).casefold().strip()
    s = _LEADING_THE.sub("", s)
    s = _POSSESSIVE.sub("s", s)
    return _NON_WORD.sub("", s)


def clean_surface(text: str) -> str:
    """A mention's text as a display name: no leading article, no possessive ending, single spaces."""
    s = " ".join(text.split())
    s = _LEADING_THE.sub("", s)
    s = re.sub(r"\s*['’]s?$", "", s)
    return s.strip(" ,.;:-–—\"“”")
