"""A profile (`dossier.query.profile.Profile`) as one standalone HTML page.

Everything is inline (CSS, SVG; no script, no font, no image, no CDN) and a Content-Security-Policy
forbids the page from loading anything, so it opens offline and makes no request. It shows:

- a map: an equirectangular projection of the bases, areas and attacks that have coordinates,
  framed to fit them, with a graticule and country labels at the countries' centroids;
- a timeline: the events along a date axis (circle area ~ people killed), then listed;
- the network of links and rivals: the group in the middle, the others on a circle, edges
  coloured by relation;
- the overview, size over time, places, people and numbered sources, every statement cited.

All text from the knowledge base is escaped (`html.escape`, quotes too): article text is
untrusted, and a `<script>` in a claim must show as text.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from html import escape

from dossier.query.profile import (
    LABELS,
    Fact,
    Profile,
    TimelineEvent,
    as_of_words,
    event_line,
    fact_words,
    link_label,
)
from dossier.query.render import fmt_date

CSS = """
:root{--ink:#1d2330;--muted:#5b6475;--line:#d9dde5;--bg:#fbfbfd;--accent:#9b1c1c}
*{box-sizing:border-box}
body{font:16px/1.5 Georgia,'Times New Roman',serif;color:var(--ink);background:var(--bg);margin:0}
main{max-width:960px;margin:0 auto;padding:24px 20px 60px}
h1{font-size:2.1em;margin:.2em 0 0}
h2{font:600 1.15em/1.3 system-ui,sans-serif;border-bottom:2px solid var(--ink);padding-bottom:4px;margin-top:2em}
.kicker{font:600 .8em system-ui,sans-serif;text-transform:uppercase;letter-spacing:.08em;color:var(--accent)}
.sub{color:var(--muted);font-style:italic}
dl.facts{display:grid;grid-template-columns:12em 1fr;gap:6px 14px}
dl.facts dt{font:600 .9em system-ui,sans-serif;color:var(--muted)}
dl.facts dd{margin:0}
a.c{font:600 .75em system-ui,sans-serif;text-decoration:none;color:var(--accent);vertical-align:super}
.hedge{color:var(--muted);font-style:italic}
table{border-collapse:collapse;width:100%;font-size:.95em}
th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
th{font:600 .85em system-ui,sans-serif;color:var(--muted)}
ol.tl{list-style:none;padding:0;border-left:3px solid var(--line);margin-left:6px}
ol.tl li{position:relative;padding:0 0 10px 16px}
ol.tl li:before{content:"";position:absolute;left:-8px;top:7px;width:11px;height:11px;border-radius:50%;
background:var(--accent)}
ol.tl .d{font:600 .9em system-ui,sans-serif}
figure{margin:12px 0;background:#fff;border:1px solid var(--line);padding:8px}
figcaption{font:.85em system-ui,sans-serif;color:var(--muted)}
svg{display:block;width:100%;height:auto}
svg text{font-family:system-ui,sans-serif}
.legend span{display:inline-block;margin-right:14px}
.legend i{display:inline-block;width:18px;height:4px;vertical-align:middle;margin-right:4px}
ol.src li{margin-bottom:4px}
ol.src li:target{background:#fff3c4}
.none{color:var(--muted)}
"""

RELATION_COLOURS = {"Linked to": "#2563eb", "Opposes": "#dc2626", "Opposed by": "#f97316", "Part of": "#16a34a",
                    "Affiliates and branches": "#65a30d", "Split from": "#7c3aed", "Splinter groups": "#c026d3"}


def _when(ev) -> str:
    return fmt_date(ev.date, ev.date_precision) if ev.date else "Date unknown"


def _e(text: object) -> str:
    return escape(" ".join(str(text).split()), quote=True)


def _cites(ns: list[int], evidence: list[str] | None = None) -> str:
    out = []
    for i, n in enumerate(ns):
        tip = f' title="{_e(evidence[i])}"' if evidence and i < len(evidence) and evidence[i] else ""
        out.append(f'<a class="c" href="#src-{n}"{tip}>[{n}]</a>')
    return "".join(out)


def _fact(f: Fact, reports: bool = True) -> str:
    more = f' <span class="hedge">({f.reports} reports)</span>' if reports and f.reports > len(f.cites) else ""
    hedge = f' <span class="hedge">{_e(f.hedge.strip())}</span>' if f.hedge else ""
    return f"{_e(f.text)}{hedge} {_cites(f.cites, f.evidence)}{more}"


# ---------------------------------------------------------------- map

def _points(p: Profile) -> list[tuple[float, float, str, str, str]]:
    """(lat, lon, kind, label, tooltip) of everything that has coordinates."""
    pts = []
    countries = {name for name, _, _ in p.countries.values()}  # labelled, not marked
    for f in p.places:
        if f.lat is not None and f.lon is not None and f.text not in countries:
            kind = "base" if f.predicate == "based_in" else "area"
            pts.append((f.lat, f.lon, kind, f.text, f"{LABELS[f.predicate]}: {fact_words(f)}"))
    for ev in p.events:
        if ev.lat is not None and ev.lon is not None:
            when = _when(ev).lower()
            pts.append((ev.lat, ev.lon, "attack", ev.place or "", f"{when}: {event_line(ev)}"))
    return pts


def _step(span: float) -> float:
    for s in (1, 2, 5, 10, 15, 30, 60):
        if span / s <= 8:
            return s
    return 90


def map_svg(p: Profile, width: int = 900, height: int = 460) -> str:
    pts = _points(p)
    if not pts:
        return '<p class="none">No place in this profile has coordinates.</p>'
    lats, lons = [x[0] for x in pts], [x[1] for x in pts]
    lat0, lat1 = min(lats), max(lats)
    lon0, lon1 = min(lons), max(lons)
    # at least 12 degrees across, padded, and the frame's aspect ratio
    pad = max(2.0, 0.15 * max(lat1 - lat0, lon1 - lon0))
    lat0, lat1, lon0, lon1 = lat0 - pad, lat1 + pad, lon0 - pad, lon1 + pad
    if lon1 - lon0 < 12:
        lon0, lon1 = (lon0 + lon1) / 2 - 6, (lon0 + lon1) / 2 + 6
    span_lon, span_lat = lon1 - lon0, lat1 - lat0
    want = width / height
    if span_lon / span_lat < want:
        extra = span_lat * want - span_lon
        lon0, lon1 = lon0 - extra / 2, lon1 + extra / 2
    else:
        extra = span_lon / want - span_lat
        lat0, lat1 = lat0 - extra / 2, lat1 + extra / 2
    lat0, lat1 = max(-90.0, lat0), min(90.0, lat1)
    sx = width / (lon1 - lon0)
    sy = height / (lat1 - lat0)

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return (lon - lon0) * sx, (lat1 - lat) * sy

    parts = [f'<svg viewBox="0 0 {width} {height}" role="img" aria-label="Map of bases and attacks" '
             f'xmlns="http://www.w3.org/2000/svg"><rect width="{width}" height="{height}" fill="#eef3f8"/>']
    step = _step(max(lon1 - lon0, lat1 - lat0))
    g = math.ceil(lon0 / step) * step
    while g <= lon1:
        x, _ = xy(0, g)
        parts.append(f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height}" stroke="#c9d4e0" stroke-width="1"/>'
                     f'<text x="{x + 3:.1f}" y="{height - 4}" font-size="10" fill="#7a8699">{_deg(g, "E", "W")}</text>')
        g += step
    g = math.ceil(lat0 / step) * step
    while g <= lat1:
        _, y = xy(g, 0)
        parts.append(f'<line x1="0" y1="{y:.1f}" x2="{width}" y2="{y:.1f}" stroke="#c9d4e0" stroke-width="1"/>'
                     f'<text x="3" y="{y - 3:.1f}" font-size="10" fill="#7a8699">{_deg(g, "N", "S")}</text>')
        g += step
    for _code, (name, lat, lon) in sorted(p.countries.items()):
        if lat0 <= lat <= lat1 and lon0 <= lon <= lon1:
            x, y = xy(lat, lon)
            parts.append(f'<text x="{x:.1f}" y="{y:.1f}" font-size="15" fill="#98a3b3" text-anchor="middle" '
                         f'letter-spacing="2">{_e(name.upper())}</text>')
    labelled: set[str] = set()
    for lat, lon, kind, label, tip in sorted(pts, key=lambda t: t[2] != "attack"):
        x, y = xy(lat, lon)
        if kind == "base":
            shape = (f'<rect x="{x - 6:.1f}" y="{y - 6:.1f}" width="12" height="12" fill="#1d4ed8" '
                     f'stroke="#fff" stroke-width="1.5">')
            end = "</rect>"
        elif kind == "area":
            shape = f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="#f59e0b" stroke="#fff" stroke-width="1.5">'
            end = "</circle>"
        else:
            shape = (f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="#b91c1c" fill-opacity=".75" stroke="#fff" '
                     f'stroke-width="1">')
            end = "</circle>"
        parts.append(f"{shape}<title>{_e(tip)}</title>{end}")
        if label and label not in labelled:
            labelled.add(label)
            parts.append(f'<text x="{x + 8:.1f}" y="{y + 4:.1f}" font-size="12" fill="#1d2330">{_e(label)}</text>')
    parts.append("</svg>")
    legend = ('<div class="legend"><span><i style="background:#1d4ed8;height:10px;width:10px"></i>base</span>'
              '<span><i style="background:#f59e0b;height:10px;width:10px;border-radius:50%"></i>area of operation'
              '</span><span><i style="background:#b91c1c;height:10px;width:10px;border-radius:50%"></i>attack</span>'
              '</div>')
    return "".join(parts) + legend


def _deg(v: float, pos: str, neg: str) -> str:
    v = round(v, 1)
    v_txt = f"{abs(v):g}°"
    return v_txt + (pos if v > 0 else neg if v < 0 else "")


# ---------------------------------------------------------------- timeline

def _ordinal(date: str) -> float | None:
    """A (partial) ISO date as a day number; a year or month is placed at its middle."""
    try:
        parts = [int(x) for x in date.split("-")]
        if len(parts) == 1:
            return dt.date(parts[0], 7, 1).toordinal()
        if len(parts) == 2:
            return dt.date(parts[0], parts[1], 15).toordinal()
        return dt.date(parts[0], parts[1], parts[2]).toordinal()
    except (ValueError, TypeError):
        return None


def timeline_svg(events: list[TimelineEvent], width: int = 900, height: int = 130) -> str:
    dated = [(o, e) for e in events if e.date and (o := _ordinal(e.date)) is not None]
    if not dated:
        return ""
    lo, hi = min(o for o, _ in dated), max(o for o, _ in dated)
    y0, y1 = dt.date.fromordinal(int(lo)).year, dt.date.fromordinal(int(hi)).year + 1
    lo, hi = dt.date(y0, 1, 1).toordinal(), dt.date(y1, 1, 1).toordinal()
    margin = 30

    def x(o: float) -> float:
        return margin + (o - lo) / (hi - lo) * (width - 2 * margin)

    axis = height - 30
    parts = [f'<svg viewBox="0 0 {width} {height}" role="img" aria-label="Timeline of events" '
             f'xmlns="http://www.w3.org/2000/svg">',
             f'<line x1="{margin}" y1="{axis}" x2="{width - margin}" y2="{axis}" stroke="#1d2330" stroke-width="1.5"/>']
    years = y1 - y0
    every = 1 if years <= 12 else 2 if years <= 24 else 5 if years <= 60 else 10
    for y in range(y0, y1 + 1):
        if (y - y0) % every:
            continue
        xx = x(dt.date(y, 1, 1).toordinal())
        parts.append(f'<line x1="{xx:.1f}" y1="{axis}" x2="{xx:.1f}" y2="{axis + 5}" stroke="#1d2330"/>'
                     f'<text x="{xx:.1f}" y="{axis + 18}" font-size="11" text-anchor="middle" fill="#5b6475">{y}'
                     f'</text>')
    lanes: list[float] = []
    for o, e in sorted(dated, key=lambda t: t[0]):
        xx = x(o)
        killed = e.killed_high or e.killed or 0
        r = 4 + min(14.0, math.sqrt(killed) * 1.2)
        lane = next((i for i, last in enumerate(lanes) if xx - last > 2 * r + 2), len(lanes))
        if lane == len(lanes):
            lanes.append(xx)
        else:
            lanes[lane] = xx
        cy = axis - 14 - (lane % 4) * 18
        tip = f"{fmt_date(e.date, e.date_precision)}: {event_line(e)}"
        parts.append(f'<circle cx="{xx:.1f}" cy="{cy:.1f}" r="{r:.1f}" fill="#b91c1c" fill-opacity=".6" '
                     f'stroke="#7f1d1d"><title>{_e(tip)}</title></circle>')
    parts.append("</svg>")
    return "".join(parts)


# ---------------------------------------------------------------- network

def network_svg(p: Profile, width: int = 900, height: int = 520) -> str:
    nodes: dict[str, str] = {}
    edges: list[tuple[str, str, Fact]] = []
    for f in p.links:
        key = f.object_id or f"t:{f.text}"
        nodes.setdefault(key, f.text)
        edges.append((key, link_label(f), f))
    if not nodes:
        return '<p class="none">No links or rivalries recorded.</p>'
    cx, cy = width / 2, height / 2
    radius = min(width, height) / 2 - 70
    keys = list(nodes)
    pos = {k: (cx + radius * math.cos(2 * math.pi * i / len(keys) - math.pi / 2),
               cy + radius * math.sin(2 * math.pi * i / len(keys) - math.pi / 2)) for i, k in enumerate(keys)}
    parts = [f'<svg viewBox="0 0 {width} {height}" role="img" aria-label="Links and rivals" '
             f'xmlns="http://www.w3.org/2000/svg">']
    seen: dict[str, int] = {}
    for key, label, f in edges:
        x, y = pos[key]
        k = seen.get(key, 0)
        seen[key] = k + 1
        bend = k * 28  # several relations to the same node: bend them apart
        mx, my = (cx + x) / 2, (cy + y) / 2
        dx, dy = y - cy, cx - x
        n = math.hypot(dx, dy) or 1
        qx, qy = mx + dx / n * bend, my + dy / n * bend
        colour = RELATION_COLOURS.get(label, "#6b7280")
        dash = ' stroke-dasharray="6 4"' if f.modality not in ("asserted", "reported") else ""
        tip = f"{label}: {fact_words(f)}" + (f" — “{f.evidence[0]}”" if f.evidence else "")
        parts.append(f'<path d="M{cx:.1f},{cy:.1f} Q{qx:.1f},{qy:.1f} {x:.1f},{y:.1f}" fill="none" '
                     f'stroke="{colour}" stroke-width="{min(6, 1.5 + math.log(f.reports, 2)):.1f}"{dash}>'
                     f'<title>{_e(tip)}</title></path>')
    for key, name in nodes.items():
        x, y = pos[key]
        anchor = "start" if x > cx + 5 else "end" if x < cx - 5 else "middle"
        tx = x + (10 if anchor == "start" else -10 if anchor == "end" else 0)
        ty = y + (4 if anchor != "middle" else (-12 if y < cy else 20))
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="7" fill="#fff" stroke="#1d2330" stroke-width="2"/>'
                     f'<text x="{tx:.1f}" y="{ty:.1f}" font-size="13" text-anchor="{anchor}">{_e(name)}</text>')
    parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="11" fill="#1d2330"/>'
                 f'<text x="{cx:.1f}" y="{cy - 17:.1f}" font-size="15" font-weight="700" text-anchor="middle">'
                 f'{_e(p.name)}</text></svg>')
    used = dict.fromkeys(label for _, label, _ in edges)
    legend = "".join(f'<span><i style="background:{RELATION_COLOURS.get(label, "#6b7280")}"></i>{_e(label)}</span>'
                     for label in used)
    return "".join(parts) + f'<div class="legend">{legend}<span>dashed: claimed, alleged or denied</span></div>'


# ---------------------------------------------------------------- page

def _section(title: str, body: str) -> str:
    return f"<section><h2>{_e(title)}</h2>{body}</section>"


def render_html(p: Profile) -> str:
    overview = []
    if p.aliases:
        overview.append(f"<dt>Also known as</dt><dd>{_e(', '.join(p.aliases))}</dd>")
    by_pred: dict[str, list[Fact]] = {}
    for f in p.overview:
        by_pred.setdefault(f.predicate, []).append(f)
    for pred, facts in by_pred.items():
        overview.append(f"<dt>{_e(LABELS.get(pred, pred))}</dt><dd>{'; '.join(_fact(f) for f in facts)}</dd>")
    overview_html = f'<dl class="facts">{"".join(overview)}</dl>' if overview else \
        '<p class="none">Not known: the knowledge base has no overview facts.</p>'

    if p.sizes:
        rows = "".join(f"<tr><td>{_e(as_of_words(f))}</td><td>{_e(f.text)}</td>"
                       f"<td>{_e(f.hedge.strip(' ()') or f.modality)}</td><td>{_cites(f.cites, f.evidence)}</td></tr>"
                       for f in p.sizes)
        note = "<p>Sources give different figures; all are listed.</p>" if len({f.text for f in p.sizes}) > 1 else ""
        sizes = (f"{note}<table><thead><tr><th>As of</th><th>Figure</th><th>How stated</th><th>Sources</th></tr>"
                 f"</thead><tbody>{rows}</tbody></table>")
    else:
        sizes = '<p class="none">Not known: the knowledge base has no figures for its size.</p>'

    if p.events:
        more = (f"<p>The {len(p.events)} most recent of {p.events_total} recorded events.</p>"
                if p.events_total > len(p.events) else "")
        items = "".join(f'<li><span class="d">{_e(_when(e))}</span> — '
                        f"{_e(event_line(e))} {_cites(e.cites, e.evidence)}</li>" for e in p.events)
        svg = timeline_svg(p.events)
        fig = f"<figure>{svg}<figcaption>Events by date; circle size grows with the number killed."\
              f"</figcaption></figure>" if svg else ""
        events = f'{more}{fig}<ol class="tl">{items}</ol>'
    else:
        events = '<p class="none">Not known: the knowledge base records no attacks attributed to it.</p>'

    place_rows = []
    for pred in ("based_in", "active_in"):
        facts = [f for f in p.places if f.predicate == pred]
        if facts:
            place_rows.append(f"<dt>{_e(LABELS[pred])}</dt><dd>{'; '.join(_fact(f) for f in facts)}</dd>")
    attacked = sorted({e.place for e in p.events if e.place})
    if attacked:
        place_rows.append(f"<dt>Attacks recorded in</dt><dd>{_e(', '.join(attacked))}</dd>")
    places = (f"<figure>{map_svg(p)}<figcaption>Equirectangular projection; hover a marker for its source."
              f"</figcaption></figure>")
    places += f'<dl class="facts">{"".join(place_rows)}</dl>' if place_rows else \
        '<p class="none">Not known: the knowledge base has no bases or areas of operation.</p>'

    link_rows: dict[str, list[Fact]] = {}
    for f in p.links:
        link_rows.setdefault(link_label(f), []).append(f)
    links = f"<figure>{network_svg(p)}</figure>"
    if link_rows:
        links += '<dl class="facts">' + "".join(
            f"<dt>{_e(label)}</dt><dd>{'; '.join(_fact(f) for f in fs)}</dd>" for label, fs in link_rows.items()
        ) + "</dl>"

    if p.people:
        rows = []
        for person in p.people:
            rel = "; ".join(f"{'leader' if f.predicate == 'leader' else 'member'}"
                            f"{' <span class=hedge>' + _e(f.hedge.strip()) + '</span>' if f.hedge else ''} "
                            f"{_cites(f.cites, f.evidence)}" for f in person.facts)
            roles = "; ".join(_fact(f, reports=False) for f in person.roles)
            rows.append(f"<tr><td><strong>{_e(person.name)}</strong></td><td>{rel}</td><td>{roles}</td></tr>")
        people = ("<table><thead><tr><th>Name</th><th>Relation</th><th>Roles</th></tr></thead><tbody>"
                  + "".join(rows) + "</tbody></table>")
    else:
        people = '<p class="none">Not known: the knowledge base names no leaders or members.</p>'

    srcs = []
    for s in p.sources:
        title = _e(s.title or s.doc_id)
        if s.url and re.match(r"https?://", s.url):
            title = f'<a href="{_e(s.url)}" rel="noopener noreferrer">{title}</a>'
        meta = ", ".join(_e(x) for x in (s.publisher, s.published) if x)
        srcs.append(f'<li id="src-{s.n}">{title}{" — " + meta if meta else ""}</li>')
    sources = f'<ol class="src">{"".join(srcs)}</ol>' if srcs else '<p class="none">None.</p>'

    kind = p.type.replace("_", " ")
    head = (f'<p class="kicker">{_e(kind)}{" · " + _e(p.country) if p.country else ""}</p><h1>{_e(p.name)}</h1>'
            f'<p class="sub">An explainer generated from {len(p.sources)} source'
            f'{"s" if len(p.sources) != 1 else ""} in the knowledge base; every statement is cited, hedged claims '
            f"are marked as such.</p>")
    body = "".join([
        head,
        _section("Overview", overview_html),
        _section("Size over time", sizes),
        _section("Attacks timeline", events),
        _section("Where they operate", places),
        _section("Links and rivals", links),
        _section("Key people", people),
        _section("Sources", sources),
    ])
    csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{_e(p.name)} — dossier profile</title><style>{CSS}</style></head>"
            f"<body><main>{body}</main></body></html>\n")
