"""Wording answers: citation markers, hedges from modality and attribution, dates and figures."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

MAX_CHARS = 350
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


class Citations:
    """Numbered sources, one per (document, evidence sentence), numbered in order of first use."""

    def __init__(self) -> None:
        self.sources: list[dict[str, Any]] = []
        self._index: dict[tuple[str, str], int] = {}

    def cite(self, doc: dict[str, Any], evidence: str | None) -> str:
        key = (doc.get("doc_id") or "", (evidence or "").strip())
        if key not in self._index:
            self.sources.append({"n": len(self.sources) + 1, "doc_id": doc.get("doc_id"), "title": doc.get("title"),
                                 "publisher": doc.get("publisher"), "published": doc.get("published"),
                                 "url": doc.get("url"), "evidence": " ".join((evidence or "").split())})
            self._index[key] = len(self.sources)
        return f"[{self._index[key]}]"

    def claim(self, claim: dict[str, Any]) -> str:
        return self.cite(claim["_doc"], claim.get("evidence"))

    def many(self, claims: list[dict[str, Any]], limit: int = 3) -> str:
        marks = list(dict.fromkeys(self.claim(c) for c in claims))
        return "".join(marks[:limit])

    def trim(self, text: str) -> None:
        """Drop sources no longer cited in the final text (keeps numbering contiguous)."""
        used = {int(n) for n in re.findall(r"\[(\d+)\]", text)}
        if len(used) == len(self.sources):
            return
        self.sources = [s for s in self.sources if s["n"] in used]


def fmt_date(value: str | None, precision: str | None = None) -> str:
    """ISO (possibly partial) -> "26 August 2021", "January 2015", "2007"; a "week" date (the day of the
    report, the text naming none) -> "26 August 2021 or shortly before"."""
    if not value:
        return "an unknown date"
    if precision == "decade" or len(str(value)) == 3 and str(value).isdigit():
        return f"the {value}0s"  # a decade is stored as its first three digits
    parts = str(value).split("-")
    try:
        if len(parts) >= 3:
            d = dt.date(int(parts[0]), int(parts[1]), int(parts[2][:2]))
            day = f"{d.day} {MONTHS[d.month - 1]} {d.year}"
            return f"{day} or shortly before" if precision == "week" else day
        if len(parts) == 2:
            return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        return str(value)
    return parts[0]


def on_date(ev: dict) -> str:
    """ " on 26 August 2021" for an event dict with a date, "" without one."""
    return f" on {fmt_date(ev['date'], ev.get('date_precision'))}" if ev.get("date") else ""


def fmt_number(n: Any) -> str:
    if isinstance(n, float) and n.is_integer():
        n = int(n)
    if isinstance(n, int):
        return f"{n:,}"
    return str(n)


def literal_text(obj: Any) -> str:
    """A literal object as words: {"date": "2015-01"} -> "January 2015", {"low": 1500, "high": 2200} -> "1,500–2,200"
    (en dash)."""
    if isinstance(obj, str):
        return obj
    if not isinstance(obj, dict):
        return str(obj)
    if "date" in obj:
        return fmt_date(obj["date"])
    if "value" in obj:
        q = obj.get("qualifier")
        return f"{q + ' ' if q else ''}{fmt_number(obj['value'])}"
    if "low" in obj or "high" in obj:
        lo, hi = obj.get("low"), obj.get("high")
        if lo is not None and hi is not None:
            estimate = f"{fmt_number(lo)}–{fmt_number(hi)}"
            return f"{obj['words']} ({estimate})" if obj.get("words") else estimate  # "several dozen (36–99)"
        return f"at least {fmt_number(lo)}" if lo is not None else f"up to {fmt_number(hi)}"
    if "text" in obj:
        return str(obj["text"])
    return ", ".join(str(v) for v in obj.values() if isinstance(v, (str, int, float)))


def object_text(claim: dict[str, Any]) -> str:
    """The object as the evidence words it when that is a longer form of the name ("the Afghan Taliban")."""
    obj = claim.get("object")
    if not isinstance(obj, str):
        return literal_text(obj)
    evidence = claim.get("evidence") or ""
    m = re.search(rf"\b([A-Z][\w'-]*\s+){re.escape(obj)}\b", evidence)
    if m:
        lead = m.group(1).strip()
        if lead.casefold() not in {"the", "and", "with", "by", "of", "in", "from", "a", "an", "as", "to", "on"}:
            return m.group(0)
    return obj


def _short_attr(attributed_to: str | None) -> str | None:
    if not attributed_to:
        return None
    a = " ".join(attributed_to.split())
    if len(a.split()) > 5 or len(a) > 40:
        return None
    return a


def hedge(claim: dict[str, Any]) -> str:
    """A parenthesis saying how the claim is stated, or "" for a plain assertion."""
    modality = claim.get("modality") or "asserted"
    who = _short_attr(claim.get("attributed_to"))
    if modality == "asserted":
        return f" (according to {who})" if who else ""
    if modality == "reported":
        return f" (according to {who})" if who else " (reportedly)"
    if modality == "claimed":
        return f" (as claimed by {who})" if who else " (claimed)"
    if modality == "alleged":
        return f" (alleged by {who})" if who else " (alleged)"
    if modality == "denied":
        return f" ({who} denied this)" if who else " (denied)"
    if modality == "hypothetical":
        return " (possibly)"
    return ""


def join(items: list[str]) -> str:
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


def fit(parts: list[str], limit: int = MAX_CHARS, sep: str = " ") -> str:
    """Join sentences/clauses while the text stays within `limit` characters."""
    out = ""
    for p in parts:
        if not p:
            continue
        candidate = (out + sep + p) if out else p
        if len(candidate) > limit:
            if not out:
                return p[: limit - 1].rstrip() + "…"
            break
        out = candidate
    return out


def sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?", "”", '"')) else text + "."
