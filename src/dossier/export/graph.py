"""The entity network as GraphML and GEXF 1.2, for Gephi, Cytoscape, yEd and networkx.

    dossier export graphml -o dossier.graphml [--group IS-K]
    dossier export gexf -o dossier.gexf

Nodes are entities (label, type, country, wikidata, lat/lon, aliases). Edges are directed, one per
(subject, relation, object): the claims between two entities (`relation` = the predicate, e.g.
part_of, based_in, leader), or "perpetrated_in" from a perpetrator to the place of its events.
Each edge carries `evidence` (how many statements or event reports support it), `sources`
(how many documents), `modality` (the modalities seen) and `weight` (= evidence, which Gephi
uses for layout and edge thickness). Denied claims are left out of the network.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Any, TextIO

from .scope import Row, Scope, scope_exporter

NODE_ATTRS = [("label", "string"), ("type", "string"), ("country", "string"), ("wikidata", "string"),
              ("lat", "double"), ("lon", "double"), ("aliases", "string")]
EDGE_ATTRS = [("relation", "string"), ("evidence", "int"), ("sources", "int"), ("modality", "string"),
              ("weight", "double")]


@dataclass
class Edge:
    source: str
    target: str
    relation: str
    evidence: int = 0
    docs: set[str] = field(default_factory=set)
    modalities: dict[str, None] = field(default_factory=dict)

    def attrs(self) -> dict[str, Any]:
        return {"relation": self.relation, "evidence": self.evidence, "sources": len(self.docs),
                "modality": "; ".join(self.modalities), "weight": float(self.evidence)}


def network(scope: Scope) -> tuple[dict[str, dict[str, Any]], list[Edge]]:
    """Nodes (entity id -> attributes) and edges of `scope`."""
    nodes: dict[str, dict[str, Any]] = {}
    for eid, e in scope.entities.items():
        attrs = {"label": e["name"], "type": e.get("type") or "", "country": e.get("country") or "",
                 "wikidata": e.get("wikidata") or "", "lat": e.get("lat"), "lon": e.get("lon"),
                 "aliases": "; ".join(a for a in e.get("aliases") or [] if a != e["name"])}
        nodes[eid] = {k: v for k, v in attrs.items() if v is not None}
    edges: dict[tuple[str, str, str], Edge] = {}

    def add(source: str | None, target: str | None, relation: str, doc_ids: list[str], modality: str,
            count: int = 1) -> None:
        if not source or not target or source not in nodes or target not in nodes:
            return
        edge = edges.setdefault((source, relation, target), Edge(source, target, relation))
        edge.evidence += count
        edge.docs.update(doc_ids)
        edge.modalities.setdefault(modality)

    for c in scope.claims:
        if c.get("object_id") and c.get("modality") != "denied":
            add(c["subject_id"], c["object_id"], c["predicate"], [c["doc_id"]], c.get("modality") or "asserted")
    for ev in scope.events:
        place = scope.place_id(ev.get("place"))
        for perp in ev.get("perpetrators") or []:
            add(perp.get("id"), place, "perpetrated_in", list(ev.get("doc_ids") or []),
                perp.get("attribution") or "", count=max(1, len(ev.get("sources") or [])))
    return nodes, list(edges.values())


def _text(value: Any) -> str:
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _write(root: ET.Element, out: TextIO) -> None:
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")


GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"


@scope_exporter("graphml")
def render_graphml(scope: Scope, out: TextIO) -> None:
    nodes, edges = network(scope)
    root = ET.Element("graphml", {"xmlns": GRAPHML_NS, "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
                                  "xsi:schemaLocation": f"{GRAPHML_NS} {GRAPHML_NS}/1.0/graphml.xsd"})
    for name, kind in NODE_ATTRS:
        ET.SubElement(root, "key", {"id": f"n_{name}", "for": "node", "attr.name": name, "attr.type": kind})
    for name, kind in EDGE_ATTRS:
        ET.SubElement(root, "key", {"id": f"e_{name}", "for": "edge", "attr.name": name, "attr.type": kind})
    graph = ET.SubElement(root, "graph", {"id": "dossier", "edgedefault": "directed"})
    for nid, attrs in nodes.items():
        node = ET.SubElement(graph, "node", {"id": nid})
        for name, value in attrs.items():
            ET.SubElement(node, "data", {"key": f"n_{name}"}).text = _text(value)
    for i, edge in enumerate(edges):
        el = ET.SubElement(graph, "edge", {"id": f"r{i}", "source": edge.source, "target": edge.target})
        for name, value in edge.attrs().items():
            ET.SubElement(el, "data", {"key": f"e_{name}"}).text = _text(value)
    _write(root, out)


GEXF_NS = "http://www.gexf.net/1.2draft"
GEXF_TYPES = {"string": "string", "double": "double", "int": "integer"}


@scope_exporter("gexf")
def render_gexf(scope: Scope, out: TextIO) -> None:
    nodes, edges = network(scope)
    root = ET.Element("gexf", {"xmlns": GEXF_NS, "version": "1.2"})
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = "dossier"
    ET.SubElement(meta, "description").text = "Entity network read from news reporting; edge weight = evidence."
    graph = ET.SubElement(root, "graph", {"defaultedgetype": "directed", "mode": "static"})
    node_attrs = [(n, k) for n, k in NODE_ATTRS if n != "label"]
    edge_attrs = [(n, k) for n, k in EDGE_ATTRS if n != "weight"]
    for cls, attrs in (("node", node_attrs), ("edge", edge_attrs)):
        decl = ET.SubElement(graph, "attributes", {"class": cls, "mode": "static"})
        for i, (name, kind) in enumerate(attrs):
            ET.SubElement(decl, "attribute", {"id": str(i), "title": name, "type": GEXF_TYPES[kind]})
    node_index = {name: str(i) for i, (name, _) in enumerate(node_attrs)}
    edge_index = {name: str(i) for i, (name, _) in enumerate(edge_attrs)}
    nodes_el = ET.SubElement(graph, "nodes")
    for nid, attrs in nodes.items():
        node = ET.SubElement(nodes_el, "node", {"id": nid, "label": attrs.get("label", nid)})
        values = ET.SubElement(node, "attvalues")
        for name, value in attrs.items():
            if name in node_index:
                ET.SubElement(values, "attvalue", {"for": node_index[name], "value": _text(value)})
    edges_el = ET.SubElement(graph, "edges")
    for i, edge in enumerate(edges):
        attrs = edge.attrs()
        el = ET.SubElement(edges_el, "edge", {"id": f"r{i}", "source": edge.source, "target": edge.target,
                                              "label": edge.relation, "weight": _text(attrs["weight"])})
        values = ET.SubElement(el, "attvalues")
        for name, value in attrs.items():
            if name in edge_index:
                ET.SubElement(values, "attvalue", {"for": edge_index[name], "value": _text(value)})
    _write(root, out)


def edge_rows(scope: Scope) -> list[Row]:
    """The edges as plain dicts (for tests and other writers)."""
    _, edges = network(scope)
    return [{"source": e.source, "target": e.target, **e.attrs()} for e in edges]
