"""Split a document's text into plain runs and the sentences claims were read from.

The result is a list of segments (text, claims of that run); the template prints each `text`
escaped (autoescape), wrapping claim runs in <mark>. Nothing here builds HTML, so untrusted
article text never reaches the page unescaped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Segment:
    text: str
    start: int
    claims: list[dict[str, Any]] = field(default_factory=list)
    cited: bool = False  # the sentence a citation link points at


def _norm(text: str) -> str:
    return " ".join(text.split())


def segments(text: str, claims: list[dict[str, Any]], cited: str | None = None) -> list[Segment]:
    """Runs of `text`: claim spans (merged where they overlap, each with its claims) and the text between.
    `cited` (an evidence sentence) marks the run that states it."""
    spans: list[tuple[int, int, list[dict[str, Any]]]] = []
    for c in sorted(claims, key=lambda c: (c["span"][0], c["span"][1])):
        start, end = c["span"]
        if not (0 <= start < end <= len(text)):
            continue
        if spans and start < spans[-1][1]:
            s0, e0, cs = spans[-1]
            spans[-1] = (s0, max(e0, end), [*cs, c])
        else:
            spans.append((start, end, [c]))
    out: list[Segment] = []
    pos = 0
    for start, end, cs in spans:
        if start > pos:
            out.append(Segment(text[pos:start], pos))
        out.append(Segment(text[start:end], start, cs))
        pos = end
    if pos < len(text):
        out.append(Segment(text[pos:], pos))
    if cited:
        want = _norm(cited)
        target = next((s for s in out if s.claims and any(_norm(c["evidence"] or "") == want for c in s.claims)),
                      None) or next((s for s in out if want and want in _norm(s.text)), None)
        if target is not None:
            target.cited = True
    return out
