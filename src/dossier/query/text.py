"""Small text helpers for matching questions to sentences: content words, a crude stemmer, sentences."""

from __future__ import annotations

import re
from functools import lru_cache

MONTH_NUM = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
             "oct": 10, "nov": 11, "dec": 12}
STOP = frozenset("""
a an the and or but of in on at to for from by with without about into onto over under after before during
since until as than then so such this that these those there here which who whom whose what when where why how
is are was were be been being am do does did done has have had having can could would should will shall may might
must it its it's they them their theirs he him his she her hers we us our you your i me my mine not no nor
any all some most more much many few each every other another same own only also just very too still now
say says said according name named call called tell many one ones if else whether against between among
""".split())
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")


_POSSESSIVE = re.compile(r"'s$")


def content_words(text: str) -> list[str]:
    out = []
    for w in _WORD.findall(text):
        w = w.casefold()
        if "’" in w:
            w = w.replace("’", "'")
        if "'" in w or "-" in w:  # (a word starts with a letter or digit: nothing else to strip)
            w = _POSSESSIVE.sub("", w).strip("'-")
        if w and w not in STOP and (len(w) > 2 or w.isdigit()):
            out.append(w)
    return out


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """Crude suffix stripping, enough to match "bombing"/"bombings"/"bombed" and "founded"/"founder"."""
    w = word.casefold()
    for suffix in ("ations", "ation", "ings", "ing", "ers", "ied", "ies", "ed", "er", "es", "s"):
        if len(w) - len(suffix) >= 3 and w.endswith(suffix):
            w = w[: -len(suffix)]
            if suffix in ("ied", "ies"):
                w += "y"
            break
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]  # "planned" -> "plann" -> "plan"
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]  # "name"/"named", "base"/"based"
    return w


@lru_cache(maxsize=1 << 12)
def stems(text: str) -> frozenset[str]:
    """The stems of a text's content words; cached, as event scoring reads the same evidence and titles
    for every question."""
    return frozenset(stem(w) for w in content_words(text))


_SPLIT = re.compile(r"(?<=[.!?])([\"”’)]?)\s+(?=[\"“‘(\[]?[A-Z0-9])|\n\s*\n|\n(?=[A-Z\"“])")


def sentences(text: str) -> list[tuple[int, str]]:
    """(start offset, sentence) pairs; splits on end punctuation and on line breaks."""
    out, pos = [], 0
    for m in _SPLIT.finditer(text):
        chunk = text[pos:m.start()] + (m.group(1) or "")
        if chunk.strip():
            out.append((pos, " ".join(chunk.split())))
        pos = m.end()
    if text[pos:].strip():
        out.append((pos, " ".join(text[pos:].split())))
    return out
