"""A profile (`dossier.query.profile.Profile`) as a Markdown explainer, every statement cited [n].

Text from articles is untrusted: Markdown and HTML punctuation in it is backslash-escaped, so a
`<script>` in a claim shows as text in any Markdown viewer and cannot open a link or a table cell.
"""

from __future__ import annotations

import re

from dossier.query.profile import LABELS, Fact, Profile, as_of_words, event_line, fact_words, link_label
from dossier.query.render import fmt_date

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#!{}])")


def esc(text: object) -> str:
    """Markdown-safe text: special characters escaped, line breaks folded."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).split())).replace("&", "&amp;")


def cites(ns: list[int]) -> str:
    return "".join(f"[{n}]" for n in ns)


def _fact(f: Fact, with_reports: bool = True) -> str:
    more = f" ({f.reports} reports)" if with_reports and f.reports > len(f.cites) else ""
    return f"{esc(fact_words(f))} {cites(f.cites)}{more}"


def render_md(p: Profile) -> str:
    out: list[str] = [f"# {esc(p.name)}", ""]
    kind = p.type.replace("_", " ")
    out.append(f"*{esc(kind)}" + (f", {esc(p.country)}" if p.country else "") + " — profile generated from "
               f"{len(p.sources)} source{'s' if len(p.sources) != 1 else ''} in the knowledge base.*")
    out.append("")

    out += ["## Overview", ""]
    if p.aliases:
        out.append(f"- **Also known as:** {', '.join(esc(a) for a in p.aliases)}")
    by_pred: dict[str, list[Fact]] = {}
    for f in p.overview:
        by_pred.setdefault(f.predicate, []).append(f)
    for pred, facts in by_pred.items():
        out.append(f"- **{LABELS.get(pred, pred)}:** " + "; ".join(_fact(f) for f in facts))
    if not p.aliases and not by_pred:
        out.append("Not known: the knowledge base has no overview facts.")
    out.append("")

    out += ["## Size over time", ""]
    if p.sizes:
        if len({f.text for f in p.sizes}) > 1:
            out += ["Sources give different figures; all are listed.", ""]
        out += ["| As of | Figure | How stated | Sources |", "| --- | --- | --- | --- |"]
        for f in p.sizes:
            how = esc(f.hedge.strip(" ()") or f.modality)
            out.append(f"| {esc(as_of_words(f))} | {esc(f.text)} | {how} | {cites(f.cites)} |")
    else:
        out.append("Not known: the knowledge base has no figures for its size.")
    out.append("")

    out += ["## Attacks timeline", ""]
    if p.events:
        if p.events_total > len(p.events):
            out += [f"The {len(p.events)} most recent of {p.events_total} recorded events.", ""]
        for e in p.events:
            when = fmt_date(e.date, e.date_precision) if e.date else "Date unknown"
            out.append(f"- **{esc(when)}** — {esc(event_line(e))} {cites(e.cites)}")
    else:
        out.append("Not known: the knowledge base records no attacks attributed to it.")
    out.append("")

    out += ["## Where they operate", ""]
    if p.places:
        for pred in ("based_in", "active_in"):
            facts = [f for f in p.places if f.predicate == pred]
            if facts:
                out.append(f"- **{LABELS[pred]}:** " + "; ".join(_fact(f) for f in facts))
    places = sorted({e.place for e in p.events if e.place})
    if places:
        out.append(f"- **Attacks recorded in:** {', '.join(esc(x) for x in places)}")
    if not p.places and not places:
        out.append("Not known: the knowledge base has no bases or areas of operation.")
    out.append("")

    out += ["## Links and rivals", ""]
    if p.links:
        for label, facts in _link_groups(p.links):
            out.append(f"- **{label}:** " + "; ".join(_fact(f) for f in facts))
    else:
        out.append("Not known: the knowledge base records no links or rivalries.")
    out.append("")

    out += ["## Key people", ""]
    if p.people:
        for person in p.people:
            rel = "; ".join(f"{'leader' if f.predicate == 'leader' else 'member'}{esc(f.hedge)} {cites(f.cites)}"
                            for f in person.facts)
            roles = "; ".join(_fact(f, with_reports=False) for f in person.roles)
            out.append(f"- **{esc(person.name)}** — {rel}" + (f"; {roles}" if roles else ""))
    else:
        out.append("Not known: the knowledge base names no leaders or members.")
    out.append("")

    out += ["## Sources", ""]
    for s in p.sources:
        meta = ", ".join(esc(x) for x in (s.publisher, s.published) if x)
        line = f"{s.n}. {esc(s.title or s.doc_id)}" + (f" — {meta}" if meta else "")
        if s.url and re.match(r"https?://", s.url):
            line += f" <{s.url.replace('>', '%3E').replace('<', '%3C').replace(' ', '%20')}>"
        out.append(line)
    if not p.sources:
        out.append("None.")
    return "\n".join(out) + "\n"


def _link_groups(links: list[Fact]) -> list[tuple[str, list[Fact]]]:
    groups: dict[str, list[Fact]] = {}
    for f in links:
        groups.setdefault(link_label(f), []).append(f)
    return list(groups.items())
