"""Answering a question from the knowledge base: intent -> claims and events -> a short cited answer.

The answer text is one to a few sentences (at most `render.MAX_CHARS` characters) with [n] markers;
`sources` lists what each marker points at (document title, publisher, date, url, evidence sentence).
Hedged claims are worded as such; conflicting figures are given side by side. When the knowledge
base holds nothing for the question the answer says "Not known: …" and never guesses.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dossier.names import norm
from dossier.store import Store
from dossier.store.reader import event_dict, event_loads, newest_events
from dossier.store.schema import EntityRow, EventPerpetratorRow, EventRow, EventSourceRow

from . import lookup
from .events import find_events, question_date
from .intents import Intent, parse
from .passages import best_passage
from .paths import find_paths
from .render import Citations, fit, fmt_date, fmt_number, hedge, join, literal_text, object_text, on_date
from .text import MONTH_NUM, content_words, stem


@dataclass
class Answer:
    question: str
    intent: str
    subject: str | None
    answer: str
    claims: list[dict[str, Any]] = field(default_factory=list)
    sources: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_text(self) -> str:
        lines = [self.answer]
        if self.sources:
            lines.append("")
            for s in self.sources:
                meta = ", ".join(x for x in (s.get("publisher"), s.get("published")) if x)
                head = f"[{s['n']}] {s.get('title') or s.get('doc_id')}" + (f" ({meta})" if meta else "")
                lines.append(head + (f" {s['url']}" if s.get("url") else ""))
                if s.get("evidence"):
                    ev = s["evidence"]
                    lines.append(f"    “{ev if len(ev) <= 300 else ev[:297] + '…'}”")
        return "\n".join(lines)


class Ctx:
    def __init__(self, store: Store, intent: Intent):
        self.store, self.intent = store, intent
        self.cites = Citations()
        self.claims: list[dict[str, Any]] = []
        self.events: list[dict[str, Any]] = []
        self.subject: str | None = intent.subject

    def use(self, claims: list[dict[str, Any]]) -> str:
        for c in claims:
            if c not in self.claims:
                self.claims.append(c)
        return self.cites.many(claims)

    def cite_event(self, ev: dict[str, Any], prefer: Callable[[dict], bool] | None = None) -> str:
        if ev not in self.events:
            self.events.append(ev)
        srcs = ev.get("sources") or []
        chosen = [s for s in srcs if prefer and prefer(s)] or srcs[:1]
        marks = []
        for s in chosen[:2]:
            doc = ev.get("_docs", {}).get(s["doc_id"], {"doc_id": s["doc_id"]})
            marks.append(self.cites.cite(doc, s.get("evidence")))
        return "".join(dict.fromkeys(marks))


GROUPS = lookup.GROUP_TYPES
PHRASE = {
    "part_of": "part of {}", "split_from": "a splinter faction of {}", "founded": "founded in {}",
    "based_in": "based in {}", "active_in": "active in {}", "leader": "led by {}", "member_of": "a member of {}",
    "linked_to": "linked to {}", "opposes": "opposed to {}", "targets": "targeting {}",
    "recruits_from": "recruiting from {}", "ideology": "described as {}", "role": "{}", "size": "{} strong",
}
REVERSE = {"part_of": "the parent of {}", "split_from": "the group {} split from", "leader": "the leader of {}",
           "member_of": "the organisation of {}", "linked_to": "linked to {}", "opposes": "opposed to {}"}


def not_known(what: str) -> str:
    return f"Not known: the knowledge base has no information on {what}."


# ---------------------------------------------------------------- claim helpers

def _okey(c: dict[str, Any]) -> str:
    obj = c.get("object")
    if c.get("object_id"):
        return c["object_id"]
    if isinstance(obj, dict):
        if "text" in obj:
            return "t:" + norm(str(obj["text"]))
        return repr(sorted((k, v) for k, v in obj.items() if k in ("date", "value", "low", "high")))
    return repr(obj)


def grouped(claims: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Claims stating the same thing (same predicate and object, same modality), in first-seen order."""
    groups: dict[tuple, list[dict[str, Any]]] = {}
    for c in claims:
        groups.setdefault((c["predicate"], _okey(c), c.get("modality")), []).append(c)
    # asserted before hedged, better supported first
    order = {"asserted": 0, "reported": 1, "claimed": 2, "alleged": 3, "hypothetical": 4, "denied": 5}
    return sorted(groups.values(), key=lambda g: (order.get(g[0].get("modality"), 9),
                                                  -sum(c.get("_n") or 1 for c in g)))


def items(ctx: Ctx, claims: list[dict[str, Any]], reverse: bool = False, limit: int = 4) -> list[str]:
    """One "object (hedge) [n]" item per distinct object."""
    out = []
    for g in grouped(claims)[:limit]:
        c = g[0]
        name = c["subject"] if reverse else object_text(c)
        out.append(f"{name}{hedge(c)} {ctx.use(g)}")
    return out


def clause(ctx: Ctx, predicate: str, claims: list[dict[str, Any]], reverse: bool = False, limit: int = 3) -> str:
    pattern = REVERSE.get(predicate, PHRASE[predicate]) if reverse else PHRASE[predicate]
    kinds = {(c.get("qualifiers") or {}).get("kind") for c in claims}
    if predicate == "part_of" and not reverse and len(kinds) == 1 and None not in kinds:
        pattern = f"the {kinds.pop()} of {{}}"  # "the armed wing of KIO", as every source puts it
    return pattern.format(join(items(ctx, claims, reverse, limit)))


def by_pred(claims: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for c in claims:
        out.setdefault(c["predicate"], []).append(c)
    return out


def _resolve(ctx: Ctx, phrase: str | None, prefer: tuple[str, ...] | None = GROUPS) -> lookup.Match | None:
    m = lookup.resolve_name(ctx.store, phrase, prefer)
    if m is not None:
        ctx.subject = m.name if m.how != "partial" else m.name
    return m


# ---------------------------------------------------------------- entity questions

def real_name(ctx: Ctx) -> str:
    """ "What is Syed Salahuddin's real name?": the name of the person the asked name is an alias of."""
    asked = ctx.intent.subject or ""
    m = _resolve(ctx, asked, None)
    people = [e for e in (lookup.entity(ctx.store, i) for i in (m.ids if m is not None else [])) if e and
              e["type"] == "person" and norm(asked) in {norm(a) for a in (e["name"], *e["aliases"])}]
    # the entity the asked name is an alias of, when one is ("Luciano Marín Arango, alias Iván Márquez")
    ent = next((e for e in people if norm(e["name"]) != norm(asked)), people[0] if people else {})
    if not ent:
        return not_known(f"{asked}'s real name")
    name, others = ent["name"], [a for a in ent.get("aliases", []) if norm(a) != norm(ent["name"])]
    if norm(name) != norm(asked):
        text = f"{asked} is an alias; the real name is {name}."
    elif others:
        text = f"{name} is also known as {join(others[:3])}; the sources give no other name as the real one."
    else:
        return not_known(f"{asked}'s real name")
    passage = _passage(ctx, m, ctx.intent.question, fallback=None, lead="A source says",
                       require={"alia", "alias", "known", "name", "call"}, room=380 - len(text))
    return f"{text} {passage}" if passage else text


def names(ctx: Ctx) -> str:
    """ "What is the Houthis' formal name?": the names the knowledge base holds for the group besides the one asked."""
    asked = ctx.intent.subject or ""
    m = _resolve(ctx, asked)
    if m is None:
        return not_known(asked or "this")
    ent = lookup.entity(ctx.store, m.ids[0]) or {}
    # the names the sources write it under first ("Los Urabeños"), then the gazetteer's
    aliases = {norm(a) for a in ent.get("aliases", [])}
    written = [n for n in lookup.mentioned_names(ctx.store, m.ids[0]) if norm(n) in aliases]
    known: dict[str, str] = {}
    for n in [ent.get("name") or "", *written, *ent.get("aliases", [])]:
        known.setdefault(norm(n), n)  # one spelling of each name, the first met
    others = [n for key, n in known.items() if n and key != norm(asked)]
    if not others:
        return not_known(f"other names of {m.name}")
    text = f"{asked} is also known as {join(others[:5])}."
    if _EARLIER.search(ctx.intent.question):
        # "What was HTS called before it rebranded?": the name a source says it had ("in its former incarnation as
        # Jabhat al-Nusra", "initially called X"), not the names it has now
        for question in (ctx.intent.question, f"{asked} {_EARLIER_WORDS}"):
            passage = _passage(ctx, m, question, fallback=None, lead="A source says",
                               require={"formerly", "form", "incarn", "initially", "originally", "previously"})
            if passage:
                return passage
    passage = _passage(ctx, m, ctx.intent.question, fallback=None, lead="A source says",
                       require={"alia", "alias", "known", "name", "call", "formal", "formally"}, room=380 - len(text))
    return f"{text} {passage}" if passage else text


def meaning(ctx: Ctx) -> str:
    """ "What does anti-balaka mean?": what a source says the name means or translates as."""
    asked = ctx.intent.subject or ""
    m = _resolve(ctx, asked)
    if m is None:
        return not_known(asked or "this")
    passage = _passage(ctx, m, f"{asked} {_MEANING_WORDS}", fallback=None, lead="A source says",
                       require=_MEANING_STEMS)
    return passage or not_known(f"what {asked} means")


_MEANING_WORDS = "means language"  # (few words: a sentence need not have them all)
_MEANING_STEMS = {"mean", "languag", "translat", "transl", "literally", "stand"}


_EARLIER_WORDS = "formerly former incarnation initially originally previously called"
_EARLIER = re.compile(r"\b(?:initially|originally|first|formerly|previously|once|before|former|previous|earlier|"
                      r"old)\b", re.I)


def who_is(ctx: Ctx) -> str:
    m = _resolve(ctx, ctx.intent.subject, None)
    if m is None:
        return not_known(ctx.intent.subject or "this")
    claims = lookup.claims(ctx.store, subject_ids=m.ids)
    preds = by_pred(claims)
    name = m.name
    parts: list[str] = []
    if m.type == "person":
        order = ("role", "member_of", "leader", "linked_to", "based_in")
    elif m.type == "place":
        ent = lookup.entity(ctx.store, m.ids[0]) or {}
        where = ", ".join(x for x in (ent.get("admin1"), ent.get("country")) if x and x != ent.get("name"))
        parts.append(f"{ent.get('name', name)} is a place{' in ' + where if where else ''}.")
        order = ()
    else:
        order = ("part_of", "split_from", "ideology", "founded", "based_in", "leader", "linked_to", "size")
    clauses = [clause(ctx, p, preds[p]) for p in order if p in preds]
    rev = by_pred([c for c in lookup.claims(ctx.store, object_ids=m.ids, predicates=("leader", "part_of"))
                   if c["modality"] != "denied"])
    if m.type == "person" and "leader" in rev:
        clauses.append(clause(ctx, "leader", rev["leader"], reverse=True))
    if clauses:
        text = _compose(f"{name} is", clauses)
        if m.type == "person" and len(text) < 250:  # a person's claims are few: let a source describe them
            passage = _passage(ctx, m, ctx.intent.question, fallback=None, lead="A source says",
                               require={"spokes", "command", "lead", "chief", "head", "member", "founder", "minist",
                                        "deputi", "deputy", "son", "brother", "known", "former", "senior"},
                               room=345 - len(text))
            if passage:
                text = f"{text} {passage}"
        elif m.type != "person" and len(clauses) == 1 and len(text) < 120:  # one fact: a source's description too
            passage = _passage(ctx, m, ctx.intent.question, fallback=None, lead="A source says",
                               require=_DESCRIBING, room=345 - len(text))
            if passage:
                text = f"{text} {passage}"
        return text
    if parts:
        return " ".join(parts)
    return _passage(ctx, m, f"Who is {name}", lead=f"The knowledge base records no facts about {name}; "
                                                 f"a source mentions them")


# words of a sentence that says what a group is ("al-Qaeda's Yemeni faction, referred to as AQAP")
_DESCRIBING = frozenset(stem(w) for w in ("group", "faction", "branch", "affiliate", "militia", "movement",
                                          "organization", "organisation", "network", "wing", "front", "referred",
                                          "known"))


def _compose(head: str, clauses: list[str]) -> str:
    """ "X is a; b and c." within the length limit."""
    kept: list[str] = []
    for c in clauses:
        trial = f"{head} {join(kept + [c])}."
        if len(trial) > 350 and kept:
            break
        kept.append(c)
    return f"{head} {join(kept)}."


def _facts(ctx: Ctx, predicates: tuple[str, ...], what: str, head: str | None = None,
           prefer: tuple[str, ...] | None = GROUPS, reverse_too: bool = False) -> str:
    m = _resolve(ctx, ctx.intent.subject, prefer)
    if m is None:
        return not_known(ctx.intent.subject or "this")
    claims = lookup.claims(ctx.store, subject_ids=m.ids, predicates=predicates)
    clauses = [clause(ctx, p, cs) for p, cs in by_pred(claims).items()]
    if reverse_too:
        rev = [c for c in lookup.claims(ctx.store, object_ids=m.ids, predicates=predicates)
               if lookup.eid(c["subject_id"]) not in m.ids]
        clauses += [clause(ctx, p, cs, reverse=True) for p, cs in by_pred(rev).items()]
    if not clauses:
        return _no_fact(ctx, m, what.format(m.name), PASSAGE_WORDS.get(predicates[0]))
    return _compose(head.format(m.name) if head else f"{m.name} is", clauses)


# stems a quoted sentence must contain to stand in for a missing fact of that predicate
PASSAGE_WORDS = {
    "based_in": {"base", "headquart", "stronghold", "hideout", "heartland", "operat", "activ", "presenc"},
    "targets": {"target", "attack", "kill", "strik", "victim"},
    "opposes": {"fight", "fought", "clash", "oppos", "enemi", "rival", "war", "battl", "against"},
    "linked_to": {"link", "tie", "alli", "ally", "affiliat", "allegianc", "pledg", "support", "loyal", "branch"},
    "recruits_from": {"recruit", "join", "draw", "enlist"},
}


def _no_fact(ctx: Ctx, m: lookup.Match, what: str, require: set[str] | None) -> str:
    """ "Not known" as a fact; when a source sentence on the subject fits the question, it is quoted, and
    the answer still says the knowledge base holds no such fact."""
    if not require:
        return not_known(what)
    head = f"The knowledge base has no information on {what} as a fact;"
    passage = _passage(ctx, m, ctx.intent.question, fallback=None, lead="the closest source passage",
                       require=require, room=345 - len(head))
    return f"{head} {passage}" if passage else not_known(what)


def size(ctx: Ctx) -> str:
    m = _resolve(ctx, ctx.intent.subject)
    if m is None:
        return not_known(ctx.intent.subject or "this")
    claims = lookup.claims(ctx.store, subject_ids=m.ids, predicates=("size",))
    if not claims:
        return not_known(f"the size of {m.name}")
    groups = grouped(claims)
    figures = []
    for g in groups[:4]:
        c = g[0]
        unit = _unit(c.get("evidence") or "")
        note = (c.get("qualifiers") or {}).get("note")
        fig = f"{literal_text(c['object'])} {unit}{' ' + note if note else ''}{hedge(c)} {ctx.use(g)}"
        if len(groups) > 1:
            doc = c["_doc"]
            meta = ", ".join(x for x in (doc.get("publisher"), doc.get("published")) if x)
            fig += f" ({meta})" if meta else ""
        figures.append(fig)
    if len(figures) == 1:
        return fit([f"{m.name} has {figures[0]}."])
    return fit([f"Figures for {m.name} differ: " + "; ".join(figures) + "."])


def _unit(evidence: str) -> str:
    m = re.search(r"\d[\d,.]*\s*(?:\w+\s+){0,2}?(members|fighters|militants|men|troops|combatants|soldiers|recruits|"
                  r"followers|insurgents|gunmen|rebels|guerrillas)", evidence, re.I)
    return m.group(1).lower() if m else "members"


def founded(ctx: Ctx) -> str:
    m = _resolve(ctx, ctx.intent.subject)
    if m is None:
        return not_known(ctx.intent.subject or "this")
    claims = lookup.claims(ctx.store, subject_ids=m.ids, predicates=("founded",))
    if not claims:
        return not_known(f"when {m.name} was founded")
    its = items(ctx, claims)
    if len(its) == 1:
        return f"{m.name} was founded in {its[0]}."
    return fit([f"Sources differ on when {m.name} was founded: {join(its)}."])


def founder(ctx: Ctx) -> str:
    m = _resolve(ctx, ctx.intent.subject)
    if m is None:
        return not_known(ctx.intent.subject or "this")
    leaders = lookup.claims(ctx.store, subject_ids=m.ids, predicates=("leader",))
    found = [c for c in leaders if (c.get("qualifiers") or {}).get("role") in ("founder", "co-founder")
             or re.search(r"\b(?:found|co-found|establish|creat|set up|formed)", c.get("evidence") or "", re.I)]
    if found:
        return _compose(f"{m.name} was founded by", [join(items(ctx, found))])
    return _passage(ctx, m, ctx.intent.question)


LEAD_WORDS = {"lead", "leader", "leadership", "head", "chief", "command", "emir", "amir", "run", "succe"}


def leader(ctx: Ctx) -> str:
    m = _resolve(ctx, ctx.intent.subject)
    if m is None:
        return not_known(ctx.intent.subject or "this")
    leaders = lookup.claims(ctx.store, subject_ids=m.ids, predicates=("leader",))
    founders = [c for c in leaders if (c.get("qualifiers") or {}).get("role") in ("founder", "co-founder")]
    if len(founders) == len(leaders):
        # no leader on record, or only its founders: quote what the sources say about its leadership
        head = (f"{m.name} was founded by {join(items(ctx, founders, limit=2))}; no other leader is on record."
                if founders else f"The knowledge base has no information on who leads {m.name} as a fact;")
        passage = _passage(ctx, m, ctx.intent.question, fallback=None,
                           lead="A source" if founders else "the closest source passage",
                           require=LEAD_WORDS, room=345 - len(head))
        if passage:
            return f"{head} {passage}"
        return head if founders else not_known(f"who leads {m.name}")
    its = []
    for g in grouped(leaders)[:4]:
        c = g[0]
        role = (c.get("qualifiers") or {}).get("role")
        its.append(f"{object_text(c)}{' (' + role + ')' if role and role != 'leader' else ''}{hedge(c)} "
                   f"{ctx.use(g)}")
    return _compose(f"{m.name} is led by", [join(its)]) if len(its) == 1 else \
        _compose(f"Leaders of {m.name} named in the sources:", [join(its)])


def role_holder(ctx: Ctx) -> str:
    m = _resolve(ctx, ctx.intent.subject)
    detail = (ctx.intent.detail or "").casefold()
    if m is None:
        return not_known(ctx.intent.subject or "this")
    members = lookup.claims(ctx.store, object_ids=m.ids, predicates=("member_of",))
    person_ids = {lookup.eid(c["subject_id"]) for c in members}
    roles = lookup.claims(ctx.store, subject_ids=person_ids, predicates=("role",)) if person_ids else []
    key = stem(detail.split()[-1]) if detail else ""
    hits = [c for c in roles if key and key in stem(literal_text(c["object"]).casefold())
            or key in literal_text(c["object"]).casefold()]
    if not hits:
        return not_known(f"{m.name}'s {detail}")
    its = [f"{g[0]['subject']} ({literal_text(g[0]['object'])}){hedge(g[0])} {ctx.use(g)}"
           for g in grouped(hits)[:3]]
    return fit([f"{m.name}'s {detail}: {join(its)}."])


def role(ctx: Ctx) -> str:
    return _facts(ctx, ("role", "member_of", "leader"), "the role of {}", prefer=("person",))


def based(ctx: Ctx) -> str:
    m = _resolve(ctx, ctx.intent.subject)
    if m is None:
        return not_known(ctx.intent.subject or "this")
    claims = lookup.claims(ctx.store, subject_ids=m.ids, predicates=("based_in",))
    if claims:
        return _compose(f"{m.name} is", [clause(ctx, "based_in", claims, limit=4)])
    active = lookup.claims(ctx.store, subject_ids=m.ids, predicates=("active_in",))
    if active:
        # (the question is answered, "not known", before what is known instead)
        return _compose(f"Not known where {m.name} is based; it is", [clause(ctx, "active_in", active, limit=4)])
    return _no_fact(ctx, m, f"where {m.name} is based", PASSAGE_WORDS["based_in"])


def origin(ctx: Ctx) -> str:
    """Where a group emerged: the group it came out of (split_from), and the source that tells where (the schema
    has no place of founding)."""
    m = _resolve(ctx, ctx.intent.subject)
    if m is None:
        return not_known(ctx.intent.subject or "this")
    parts = []
    parents = lookup.claims(ctx.store, subject_ids=m.ids, predicates=("split_from",))
    if parents:
        parts.append(f"{m.name} came out of {join(items(ctx, parents))}.")
    passage = _passage(ctx, m, ctx.intent.question, fallback=None,
                       require={"emerg", "origin", "found", "form", "born", "establish", "set", "creat", "first",
                                "appear", "start", "began", "begin", "root"},
                       room=345 - sum(len(x) + 1 for x in parts),
                       lead="A source says" if parts else "The closest source passage")
    if passage:
        parts.append(passage)
    return fit(parts) if parts else not_known(f"where {m.name} emerged")


def active(ctx: Ctx) -> str:
    subjects = [ctx.intent.subject or ""]
    if lookup.resolve_name(ctx.store, subjects[0], GROUPS) is None and " and " in subjects[0]:
        subjects = [s.strip() for s in subjects[0].split(" and ")]
    sentences_ = []
    for s in subjects:
        m = _resolve(ctx, s)
        if m is None:
            sentences_.append(not_known(s))
            continue
        claims = lookup.claims(ctx.store, subject_ids=m.ids, predicates=("active_in", "based_in"))
        if not claims:
            # (where its attacks were is what is known instead: said after "not known", as what the sources tell)
            placed = [ev for ev in _newest_events_by(ctx, m, 6) if ev.get("place")][:3]
            sentences_.append(
                f"Not known where {m.name} operates as a fact; it is recorded as the perpetrator of: "
                + "; ".join(describe_event(ctx, ev, perps=False) for ev in placed) + "." if placed
                else not_known(f"where {m.name} operates"))
            continue
        clauses = [clause(ctx, p, cs, limit=5) for p, cs in by_pred(claims).items()]
        sentences_.append(_compose(f"{m.name} is", clauses))
    return fit(sentences_)


def linked(ctx: Ctx) -> str:
    a = _resolve(ctx, ctx.intent.subject)
    b = lookup.resolve_name(ctx.store, ctx.intent.obj, GROUPS)
    if a is None or b is None:
        return not_known(ctx.intent.subject if a is None else ctx.intent.obj or "this")
    ctx.subject = a.name
    both = list(dict.fromkeys(a.ids + b.ids))
    direct = [c for c in lookup.claims(ctx.store, subject_ids=both, object_ids=both,
                                       predicates=("linked_to", "part_of", "split_from", "member_of", "leader",
                                                   "opposes"))
              if {lookup.eid(c["subject_id"]), lookup.eid(c["object_id"])} & set(b.ids)]
    display = {f"e{i}": a.name for i in a.ids} | {f"e{i}": b.name for i in b.ids}

    def say(c: dict[str, Any]) -> str:
        subj = display.get(c["subject_id"], c["subject"])
        obj = display.get(c["object_id"], c["object"])
        return f"{subj} is {PHRASE[c['predicate']].format(obj)}{hedge(c)}"

    parts = []
    for g in grouped(direct)[:2]:
        parts.append(f"{say(g[0])} {ctx.use(g)}.")
    paths = find_paths(ctx.store, a.ids, b.ids, exclude_direct=True, limit=2)
    for p in paths[:1]:
        hops = []
        for cs in p.hops:
            g = grouped(cs)[0]
            hops.append(f"{say(g[0])} {ctx.use(g)}")
        route = " → ".join(display.get(f"e{n}", name) for n, name in zip(p.nodes, p.names, strict=True))
        lead = "Also indirectly" if parts else "Indirectly"
        parts.append(f"{lead}, {route}: " + "; ".join(hops) + ".")
    if not parts:
        return f"Not known: the knowledge base records no link between {a.name} and {b.name}."
    return fit(parts)


def links(ctx: Ctx) -> str:
    return _facts(ctx, ("linked_to", "part_of", "split_from"), "groups linked to {}", reverse_too=True)


def enemies(ctx: Ctx) -> str:
    return _facts(ctx, ("opposes",), "the enemies of {}", reverse_too=True)


def targets(ctx: Ctx) -> str:
    return _facts(ctx, ("targets",), "whom {} targets", head="{} has been")


def recruits(ctx: Ctx) -> str:
    return _facts(ctx, ("recruits_from",), "where {} recruits", head="{} is")


def goals(ctx: Ctx) -> str:
    m = _resolve(ctx, ctx.intent.subject)
    if m is None:
        return not_known(ctx.intent.subject or "this")
    parts = []
    claims = lookup.claims(ctx.store, subject_ids=m.ids, predicates=("ideology",))
    if claims:
        parts.append(f"{m.name} is described as {join(items(ctx, claims))}.")
    passage = _passage(ctx, m, ctx.intent.question, fallback=None,
                       require={"want", "seek", "aim", "goal", "objective", "establish", "impos", "creat", "fight",
                                "demand", "ideology", "vow", "call", "enforc", "sharia", "shariah", "caliphat"},
                       room=345 - sum(len(x) + 1 for x in parts), lead="A source says")
    if passage:
        parts.append(passage)
    if not parts:
        return not_known(f"the goals of {m.name}")
    return fit(parts)


def funding(ctx: Ctx) -> str:
    m = _resolve(ctx, ctx.intent.subject)
    if m is None:
        return not_known(ctx.intent.subject or "this")
    money = {"fund", "financ", "back", "support", "sponsor", "money", "arm", "aid", "help", "suppli", "pay",
             "bankroll", "cash", "donat"}
    claims = [c for c in lookup.claims(ctx.store, either=m.ids, predicates=("linked_to", "part_of"))
              if {stem(w) for w in content_words(c.get("evidence") or "")} & money]
    parts = []
    for g in grouped(claims)[:2]:
        c = g[0]
        other = c["object"] if lookup.eid(c["subject_id"]) in m.ids else c["subject"]
        parts.append(f"{m.name} is linked to {other}{hedge(c)} {ctx.use(g)}.")
    passage = _passage(ctx, m, ctx.intent.question, fallback=None, require=money,
                       room=345 - sum(len(x) + 1 for x in parts), lead="A source says")
    if passage:
        parts.append(passage)
    return fit(parts) if parts else not_known(f"who funds {m.name}")


_BEFORE = re.compile(r"\b(?:before|until|prior\s+to)\s", re.I)
_AFTER = re.compile(r"\b(?:after|since|from)\s", re.I)


def _qualified(ctx: Ctx, events: list[dict[str, Any]], qualifier: str) -> list[dict[str, Any]]:
    """The events a question's "in Beni", "in December 2019", "before October 2016" leave: a place named must be
    the event's (or its region), a date must agree to the precision asked, or fall on the side asked of it."""
    places = lookup.find_entities_in(ctx.store, qualifier, ("place",))
    names = {norm(n) for n, _ in places}
    if not names:  # a place the knowledge base does not know: no event of it can be there
        names = {norm(w) for w in re.findall(r"\b(?:in|at|near|around)\s+((?:[A-Z][\w'-]+\s?)+)", qualifier)
                 if w[:3].casefold() not in MONTH_NUM}
    when = question_date(qualifier)
    side = "before" if _BEFORE.search(qualifier) else "after" if _AFTER.search(qualifier) else None
    out = []
    for ev in events:
        place = ev.get("place") or {}
        if names and not names & {norm(place.get("name") or ""), norm(place.get("admin1") or "")}:
            continue
        date = ev.get("date") or ""
        if when:
            have = date[:len(when)]
            if not date or side == "before" and not have < when or side == "after" and not have >= when or \
                    side is None and have != when:
                continue
        out.append(ev)
    return out


def attacks(ctx: Ctx) -> str:
    m = _resolve(ctx, ctx.intent.subject)
    if m is None:
        return not_known(ctx.intent.subject or "this")
    detail = (ctx.intent.detail or "").casefold()
    order: tuple | None = None  # None: the latest, dated ones first
    if detail == "first":
        order = (EventRow.date,)
    elif detail in ("deadliest", "worst", "biggest", "largest"):
        order = (func.coalesce(EventRow.killed_high, EventRow.killed_low, 0).desc(), EventRow.date.desc())
    if order is None and not ctx.intent.event:
        events = _newest_events_by(ctx, m, 3)
    else:
        events = _ordered_events_by(ctx, m, order, detail)
        if events is None:  # an undated one may be the first
            return _passage(ctx, m, ctx.intent.question)
    if ctx.intent.event:
        events = _qualified(ctx, events, ctx.intent.event)
        if not events:
            return f"Not known: the knowledge base records no attack by {m.name} {ctx.intent.event}."
    if detail == "first":
        if not events:
            return _passage(ctx, m, ctx.intent.question)
        events = events[:1]
    parts = []
    for ev in events[:3]:
        parts.append(describe_event(ctx, ev, perps=False))
    target = lookup.claims(ctx.store, subject_ids=m.ids, predicates=("targets",))
    text = ""
    if parts:
        text = f"{m.name} is recorded as the perpetrator of: " + "; ".join(parts) + "."
    if target:
        extra = f"It has targeted {join(items(ctx, target, limit=4))}."
        text = fit([text, extra]) if text else f"{m.name} has targeted {join(items(ctx, target, limit=5))}."
    if not text:
        return not_known(f"attacks by {m.name}")
    return fit([text])


def _by(m: lookup.Match):
    """The events a matched actor is a perpetrator of, as a query condition."""
    return EventRow.id.in_(select(EventPerpetratorRow.event_id).where(EventPerpetratorRow.entity_id.in_(m.ids)))


def _with_docs(ctx: Ctx, rows) -> list[dict]:
    events = [event_dict(r) for r in rows]
    docs = lookup.documents(ctx.store, {d for ev in events for d in ev["doc_ids"]})
    for ev in events:
        ev["_docs"] = docs
    return events


def _newest_events_by(ctx: Ctx, m: lookup.Match, limit: int) -> list[dict]:
    """The latest dated events the actor did, with their sources."""
    with Session(ctx.store.engine) as session:
        return _with_docs(ctx, newest_events(session, _by(m), limit, newest_id_first=False, options=event_loads()))


def _ordered_events_by(ctx: Ctx, m: lookup.Match, order: tuple | None, detail: str) -> list[dict] | None:
    """The actor's events in the order a question asks (all of them for a question naming the event); None when an
    undated one may be the first."""
    loads, mine = event_loads(), _by(m)
    with Session(ctx.store.engine) as session:
        if detail == "first" and session.scalar(select(EventRow.id).where(mine, EventRow.date.is_(None)).limit(1)):
            return None
        if ctx.intent.event:  # "... in Mandera before October 2016": all of them, then those that fit
            rows = session.scalars(select(EventRow).where(mine).order_by(EventRow.date.desc(), EventRow.id)
                                   .limit(500).options(*loads)).all()
        else:
            rows = session.scalars(select(EventRow).where(mine, *((EventRow.date.is_not(None),) if detail == "first"
                                                                  else ())).order_by(*order, EventRow.id).limit(3)
                                   .options(*loads)).all()
        return _with_docs(ctx, rows)


# ---------------------------------------------------------------- events

NOUNS = {"suicide bomb": "suicide bombing", "remote explosive/landmine/IED": "bombing", "air/drone strike":
         "air/drone strike", "attack": "attack", "armed clash": "armed clash", "shelling/artillery/missile attack":
         "shelling", "grenade": "grenade attack", "abduction/forced disappearance": "abduction",
         "sexual violence": "sexual violence", "government regains territory": "recapture of territory",
         "non-state actor overtakes territory": "takeover of territory"}
ATTRIBUTION = {"claimed": "claimed by {}", "blamed": "blamed on {}", "suspected": "{} suspected",
               "stated": "attributed to {}", "denied": "denied by {}"}


def event_noun(ev: dict[str, Any]) -> str:
    return NOUNS.get(ev.get("sub_type") or "", ev.get("sub_type") or (ev.get("type") or "event").replace("_", " "))


def where(ev: dict[str, Any]) -> str:
    place = ev.get("place") or {}
    name = place.get("name")
    if not name:
        return ""
    admin = place.get("admin1")
    return f" in {name}" + (f", {admin}" if admin and norm(admin) != norm(name) else "")


def perp_text(ev: dict[str, Any]) -> str:
    by: dict[str, list[str]] = {}
    for p in ev.get("perpetrators") or []:
        by.setdefault(p["attribution"], []).append(p["name"])
    return "; ".join(ATTRIBUTION.get(a, "attributed to {}").format(join(ns)) for a, ns in by.items())


def article(noun: str) -> str:
    return f"an {noun}" if noun[:1].casefold() in "aeio" else f"a {noun}"


def describe_event(ctx: Ctx, ev: dict[str, Any], perps: bool = True, figures: bool = True) -> str:
    s = f"{article(event_noun(ev))}{where(ev)}" + on_date(ev)
    extras = []
    if perps and ev.get("perpetrators"):
        extras.append(perp_text(ev))
    if figures and ev.get("killed") is not None:
        extras.append(f"{_range(ev['killed'], ev.get('killed_high'))} killed")
    if figures and ev.get("injured") is not None:
        extras.append(f"{_range(ev['injured'], ev.get('injured_high'))} injured")
    if extras:
        s += " (" + ", ".join(extras) + ")"
    return s + " " + ctx.cite_event(ev)


def _range(lo: int | None, hi: int | None) -> str:
    if hi is not None and lo is not None and hi != lo:
        return f"{fmt_number(lo)}–{fmt_number(hi)}"
    return fmt_number(lo if lo is not None else hi)


def _cluster(found: list[tuple[float, dict[str, Any]]]) -> list[dict[str, Any]]:
    """The best event and others from the same report that look like the same incident (dated within a
    day of it, or undated and matching almost as well): one incident the extraction recorded twice."""
    top_score, top = found[0]
    out = [top]
    for score, ev in found[1:]:
        if not set(ev["doc_ids"]) & set(top["doc_ids"]):
            continue
        d1, d2 = top.get("date"), ev.get("date")
        if d1 and d2 and len(d1) >= 10 and len(d2) >= 10:
            if abs(_days(d1) - _days(d2)) <= 1:
                out.append(ev)
        elif score >= top_score - 2 and not (d1 and d2 and d1[:7] != d2[:7]):
            out.append(ev)
    return out


def _days(iso: str) -> int:
    try:
        return dt.date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return 0


def _event_or_not_known(ctx: Ctx, want: str) -> tuple[list[dict[str, Any]] | None, str]:
    phrase = ctx.intent.event or ctx.intent.question
    found = find_events(ctx.store, phrase, want=want)
    if not found:
        return None, f"Not known: the knowledge base has no record of {_the(phrase)}."
    return _cluster(found), phrase


def _the(phrase: str) -> str:
    return phrase if re.match(r"(?:the|a|an)\s", phrase, re.I) else f"the {phrase}"


def _figure(ctx: Ctx, cluster: list[dict[str, Any]], key: str, verb: str) -> str:
    top = cluster[0]
    # per-report figures, so differing tolls are shown side by side
    per_source: dict[int, list[tuple[dict, dict]]] = {}
    for ev in cluster:
        for s in ev.get("sources") or []:
            if s.get(key) is not None:
                per_source.setdefault(s[key], []).append((ev, s))
    if not per_source:
        for ev in cluster + _same_report(ctx, top):
            if ev.get(key) is not None:
                n = _range(ev[key], ev.get(f"{key}_high"))
                return f"{n} people were {verb} in {describe_event(ctx, ev, figures=False)}."
        head = f"The knowledge base records {describe_event(ctx, top, figures=False)} but no figure for the {verb}"
        # the report may still give it in a sentence the event extraction did not read
        docs = list(dict.fromkeys(d for e in cluster for d in e["doc_ids"]))
        stems = {"killed": {"kill", "dead", "death", "die", "toll", "slain", "fatal", "bodi"},
                 "injured": {"injur", "wound", "hurt", "injuri"}}[key]
        passage = best_passage(ctx.store, ctx.intent.question, doc_ids=docs, require=stems,
                               max_quote=max(60, 330 - len(head)))
        if passage and re.search(r"\d|\b(?:dozens|hundreds|scores|two|three|four|five|six|seven|eight|nine|ten)\b",
                                 passage.sentence, re.I):
            mark = ctx.cites.cite(passage.doc, passage.sentence)
            return f"{head}; the source says {mark}: “{passage.quote}”"
        return f"Not known: {head[0].lower()}{head[1:]}."
    figs = []
    event_for_context = None
    for n, pairs in sorted(per_source.items(), key=lambda kv: -len(kv[1]))[:3]:
        marks = []
        for ev, s in pairs[:2]:
            if ev not in ctx.events:
                ctx.events.append(ev)
            doc = ev.get("_docs", {}).get(s["doc_id"], {"doc_id": s["doc_id"]})
            marks.append(ctx.cites.cite(doc, s.get("evidence")))
            event_for_context = event_for_context or ev
        figs.append(f"{fmt_number(n)} {''.join(dict.fromkeys(marks))}")
    ev = event_for_context or top
    context = describe_event(ctx, ev, figures=False)
    if len(figs) == 1:
        return fit([f"{figs[0].split(' ')[0]} people were {verb} {figs[0].split(' ', 1)[1]} in {context}."])
    return fit([f"Reports differ on the number {verb} in {context}: {'; '.join(figs)}."])


def _same_report(ctx: Ctx, top: dict[str, Any]) -> list[dict[str, Any]]:
    """Other events of the report(s) of `top` dated within a day of it: the same incident, recorded twice
    (a toll update, the same attack placed at a different site)."""
    if not top.get("date"):
        return []
    with Session(ctx.store.engine) as session:
        rows = session.scalars(select(EventRow).where(
            EventRow.id.in_(select(EventSourceRow.event_id).where(EventSourceRow.doc_id.in_(top["doc_ids"]))),
            EventRow.date.is_not(None)).limit(50)
            .options(*event_loads())).all()
        out = []
        for r in rows:
            if f"ev{r.id}" == top["id"] or len(r.date) < 10 or len(top["date"]) < 10:
                continue
            if abs(_days(r.date) - _days(top["date"])) <= 1:
                ev = event_dict(r)
                ev["_docs"] = top.get("_docs") or lookup.documents(ctx.store, ev["doc_ids"])
                out.append(ev)
    return out


def event_killed(ctx: Ctx) -> str:
    cluster, msg = _event_or_not_known(ctx, "killed")
    return _figure(ctx, cluster, "killed", "killed") if cluster else msg


def event_injured(ctx: Ctx) -> str:
    cluster, msg = _event_or_not_known(ctx, "injured")
    return _figure(ctx, cluster, "injured", "injured") if cluster else msg


def event_perpetrator(ctx: Ctx) -> str:
    cluster, msg = _event_or_not_known(ctx, "perpetrator")
    if not cluster:
        return msg
    with_perps = [ev for ev in cluster if ev.get("perpetrators")]
    if not with_perps:
        return (f"Not known: the knowledge base records {describe_event(ctx, cluster[0], figures=False)} "
                f"but no perpetrator.")
    parts = []
    seen: set[tuple[str, str]] = set()
    for ev in with_perps[:2]:
        for p in ev["perpetrators"]:
            if (p["name"], p["attribution"]) in seen:
                continue
            seen.add((p["name"], p["attribution"]))
            mark = ctx.cite_event(ev, prefer=lambda s, n=p["name"]: _mentions(s.get("evidence"), n))
            parts.append(f"{ATTRIBUTION.get(p['attribution'], 'attributed to {}').format(p['name'])} {mark}")
    ev = with_perps[0]
    head = f"The {event_noun(ev)}{where(ev)}" + on_date(ev)
    return fit([f"{head} was {join(parts[:4])}."])


def _mentions(text: str | None, name: str) -> bool:
    return bool(text) and norm(name) in norm(text)


def event_date(ctx: Ctx) -> str:
    cluster, msg = _event_or_not_known(ctx, "date")
    if not cluster:
        return msg
    dated = [ev for ev in cluster if ev.get("date")]
    if not dated:
        return f"Not known: the knowledge base records {describe_event(ctx, cluster[0])} but not its date."
    ev = dated[0]
    return fit([f"It happened on {fmt_date(ev['date'], ev.get('date_precision'))}: {describe_event(ctx, ev)}."])


def event_place(ctx: Ctx) -> str:
    cluster, msg = _event_or_not_known(ctx, "place")
    if not cluster:
        return msg
    placed = [ev for ev in cluster if ev.get("place")]
    if not placed:
        return f"Not known: the knowledge base records {describe_event(ctx, cluster[0])} but not where."
    ev = sorted(placed, key=lambda e: _PRECISION.get((e.get("place") or {}).get("precision"), 9))[0]
    return fit([f"It took place{where(ev)}: {describe_event(ctx, ev)}."])


_PRECISION = {"site": 0, "city": 1, "district": 2, "region": 3, "country": 4}


def event_victims(ctx: Ctx) -> str:
    cluster, msg = _event_or_not_known(ctx, "targets")
    if not cluster:
        return msg
    ev = cluster[0]
    targets_ = [t for e in cluster for t in e.get("targets") or []]
    if targets_:
        return fit([f"The targets of {describe_event(ctx, ev)} were {join(list(dict.fromkeys(targets_))[:4])}."])
    docs = list(dict.fromkeys(d for e in cluster for d in e["doc_ids"]))
    passage = best_passage(ctx.store, ctx.intent.question, doc_ids=docs, require={"kill", "die", "dead", "slain"})
    if passage:
        mark = ctx.cites.cite(passage.doc, passage.sentence)
        return fit([f"The knowledge base records {describe_event(ctx, ev, perps=False)}; on who was killed, "
                    f"the source says {mark}: “{passage.quote}”"])
    return f"Not known: the knowledge base records {describe_event(ctx, ev)} but not who was killed."


DENY = {"deni", "deny", "reject", "disown", "distanc", "not"}


ANYONE = {"any group", "anyone", "anybody", "someone", "somebody", "a group", "any organisation",
          "any organization", "any militant group", "any armed group"}


def _anyone_claimed(ctx: Ctx, cluster: list[dict[str, Any]]) -> str:
    """ "Has any group claimed the bombing?": who claimed it, or that no one has (and whom it is blamed on)."""
    ev = cluster[0]
    claimed = [(e, p) for e in cluster for p in e.get("perpetrators") or [] if p["attribution"] == "claimed"]
    if claimed:  # (the description of the event cites its source)
        names = join(list(dict.fromkeys(q["name"] for _, q in claimed)))
        return f"Yes: {names} claimed {describe_event(ctx, claimed[0][0], perps=False, figures=False)}."
    others = perp_text(ev)
    return (f"No group has claimed {describe_event(ctx, ev, perps=False, figures=False)} in the sources"
            + (f"; it was {others}." if others else "."))


def event_check(ctx: Ctx) -> str:
    m = _resolve(ctx, ctx.intent.subject)
    cluster, msg = _event_or_not_known(ctx, "perpetrator")
    if not cluster:
        return msg
    if m is None and (ctx.intent.subject or "").casefold() in ANYONE:
        return _anyone_claimed(ctx, cluster)
    name = m.name if m else (ctx.intent.subject or "")
    ids = set(m.ids) if m else set()
    parts = []
    for ev in cluster:
        for p in ev.get("perpetrators") or []:
            if lookup.eid(p["id"]) in ids and not parts:
                mark = ctx.cite_event(ev, prefer=lambda s, n=p["name"]: _mentions(s.get("evidence"), n))
                parts.append(f"The knowledge base records {describe_event(ctx, ev, perps=False, figures=False)} as "
                             f"{ATTRIBUTION.get(p['attribution'], 'attributed to {}').format(name)} {mark}.")
    if not parts:
        ev = cluster[0]
        others = perp_text(ev)
        parts.append(f"The knowledge base does not record {name} as responsible for "
                     f"{describe_event(ctx, ev, perps=False, figures=False)}"
                     + (f"; it was {others}." if others else "."))
    docs = list(dict.fromkeys(d for e in cluster for d in e["doc_ids"]))
    words = {stem(w) for w in content_words(name)}
    for alias in (lookup.entity(ctx.store, m.ids[0]) or {}).get("aliases", [])[:8] if m else []:
        words |= {stem(w) for w in content_words(alias)}
    passage = best_passage(ctx.store, f"{name} denied {ctx.intent.event}", doc_ids=docs, subject_words=words,
                           require=DENY)
    if passage and words & {stem(w) for w in content_words(passage.sentence)}:
        mark = ctx.cites.cite(passage.doc, passage.sentence)
        room = max(80, 360 - len(" ".join(parts)) - 20)
        quote = passage.quote if len(passage.quote) <= room else passage.quote[:room - 1].rsplit(" ", 1)[0] + "…"
        parts.append(f"But a source {mark}: “{quote}”")
    return fit(parts, limit=390)


def events_in(ctx: Ctx) -> str:
    phrase = ctx.intent.event or ""
    found = find_events(ctx.store, phrase, limit=4)
    if not found:
        return f"Not known: the knowledge base has no events recorded {phrase_in(phrase)}."
    parts = [describe_event(ctx, ev) for _, ev in found[:3]]
    return fit([f"Events recorded {phrase_in(phrase)}: " + "; ".join(parts) + "."])


def phrase_in(phrase: str) -> str:
    return ("on " if re.match(r"\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", phrase, re.I) else "in ") \
        + phrase


# ---------------------------------------------------------------- passages

def _passage(ctx: Ctx, m: lookup.Match | None, question: str, lead: str = "The closest source passage",
             fallback: str | None = "", require: set[str] | None = None, room: int = 300) -> str | None:
    """A cited quotation for a question the claims cannot answer; `fallback` when none fits."""
    ids = m.ids if m else None
    words: set[str] = set()
    if m:
        ent = lookup.entity(ctx.store, m.ids[0]) or {}
        for alias in [ent.get("name") or "", *ent.get("aliases", [])[:10]]:
            words |= set(content_words(alias))
    passage = best_passage(ctx.store, question, entity_ids=ids, subject_words=words, require=require,
                           max_quote=max(60, min(260, room - len(lead) - 8)))
    if passage is None:
        if fallback == "":
            return not_known(f"this question ({question.rstrip('?')})" if not m else f"that about {m.name}")
        return fallback
    mark = ctx.cites.cite(passage.doc, passage.sentence)
    return f"{lead} {mark}: “{passage.quote}”"


def other(ctx: Ctx) -> str:
    q = ctx.intent.question
    found = lookup.find_entities_in(ctx.store, q)
    ids = [i for _, eids in found for i in eids if _not_place_only(ctx, i)] or [i for _, eids in found for i in eids]
    words = {w for name, _ in found for w in content_words(name)}
    if found:
        ctx.subject = found[0][0]
    passage = best_passage(ctx.store, q, entity_ids=ids, subject_words=words)
    if passage is None and ids:
        passage = best_passage(ctx.store, q, entity_ids=None, subject_words=words)
    if passage is None:
        return "Not known: the knowledge base has no information to answer this question."
    mark = ctx.cites.cite(passage.doc, passage.sentence)
    return f"The knowledge base has no structured answer; the closest source passage {mark}: “{passage.quote}”"


def _not_place_only(ctx: Ctx, entity_id: int) -> bool:
    with Session(ctx.store.engine) as session:
        return session.scalar(select(EntityRow.type).where(EntityRow.id == entity_id)) != "place"


HANDLERS: dict[str, Callable[[Ctx], str]] = {
    "who_is": who_is, "real_name": real_name, "size": size, "founded": founded, "founder": founder, "leader": leader,
    "role_holder": role_holder, "role": role, "origin": origin, "based": based, "active": active,
    "linked": linked, "links": links,
    "enemies": enemies, "targets": targets, "recruits": recruits, "goals": goals, "funding": funding,
    "names": names, "meaning": meaning, "attacks": attacks,
    "event_killed": event_killed, "event_injured": event_injured,
    "event_perpetrator": event_perpetrator, "event_date": event_date, "event_place": event_place,
    "event_victims": event_victims, "event_check": event_check, "events_in": events_in, "other": other,
}


def ask(store: Store, question: str) -> Answer:
    """Answer `question` from the knowledge base in `store`, with numbered sources."""
    intent = parse(question)
    ctx = Ctx(store, intent)
    text = HANDLERS.get(intent.name, other)(ctx) or not_known("this question")
    text = " ".join(text.split())
    text = text[:1].upper() + text[1:]
    if len(text) > 398:
        text = text[:396].rstrip() + "…"
    ctx.cites.trim(text)
    claims = [{k: v for k, v in c.items() if not k.startswith("_") and k not in ("subject_type", "object_type")}
              for c in ctx.claims]
    events = [{k: v for k, v in ev.items() if not k.startswith("_")} for ev in ctx.events]
    return Answer(question=question, intent=intent.name, subject=ctx.subject, answer=text, claims=claims,
                  sources=ctx.cites.sources, events=events)
