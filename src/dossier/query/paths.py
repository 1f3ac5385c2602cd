"""How two entities are connected: breadth-first search over linked_to / part_of / member_of claims.

Each hop is one SQL query over the claims of the current frontier (either direction: a link is
a link whichever side the sentence put first), up to `max_hops`. A path comes back as its
entities and, for each hop, the claims that state it, so every step can be cited.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dossier.store import Store

from . import lookup

LINK_PREDICATES = ("linked_to", "part_of", "member_of", "split_from", "leader")


@dataclass
class Path:
    nodes: list[int]  # entity ids, from the start to the goal
    names: list[str]
    hops: list[list[dict[str, Any]]] = field(default_factory=list)  # claims stating each hop

    def __len__(self) -> int:
        return len(self.hops)


def find_paths(store: Store, start: list[int], goal: list[int], max_hops: int = 3, limit: int = 3,
               exclude_direct: bool = False, predicates: tuple[str, ...] = LINK_PREDICATES) -> list[Path]:
    """Shortest paths (fewest hops) from any of `start` to any of `goal`.

    `exclude_direct` skips one-hop paths, to show how else two entities are connected.
    Denied claims are not links.
    """
    goal_set = set(goal)
    # parents[node] = list of (previous node, claims of that edge)
    parents: dict[int, list[tuple[int, list[dict[str, Any]]]]] = {s: [] for s in start}
    names: dict[int, str] = {}
    frontier = list(dict.fromkeys(start))
    found: set[int] = set()
    for depth in range(1, max_hops + 1):
        if not frontier:
            break
        edges: dict[tuple[int, int], list[dict[str, Any]]] = {}
        for c in lookup.claims(store, either=frontier, predicates=predicates):
            if c["object_id"] is None or c["modality"] in ("denied", "hypothetical"):
                continue
            s, o = lookup.eid(c["subject_id"]), lookup.eid(c["object_id"])
            names[s], names[o] = c["subject"], c["object"]
            for a, b in ((s, o), (o, s)):
                if a in frontier:
                    edges.setdefault((a, b), []).append(c)
        nxt: list[int] = []
        level_new: dict[int, list[tuple[int, list[dict[str, Any]]]]] = {}
        for (a, b), cs in edges.items():
            if b in parents:  # already reached at a shorter depth
                continue
            if depth == 1 and exclude_direct and b in goal_set:
                continue
            level_new.setdefault(b, []).append((a, cs))
        for b, ps in level_new.items():
            parents[b] = ps
            if b in goal_set:
                found.add(b)
            else:
                nxt.append(b)
        if found:
            break
        frontier = nxt
    paths: list[Path] = []
    for g in found:
        for chain in _unwind(parents, g, set(start)):
            nodes = [n for n, _ in chain]
            hops = [cs for _, cs in chain[1:]]
            paths.append(Path(nodes, [names.get(n, str(n)) for n in nodes], hops))
            if len(paths) >= limit:
                return paths
    return paths


def _unwind(parents, node, starts):
    """Every chain [(start, None), ..., (node, claims)] back through `parents`."""
    if node in starts:
        yield [(node, None)]
        return
    for prev, cs in parents.get(node, [])[:3]:
        for chain in _unwind(parents, prev, starts):
            yield [*chain, (node, cs)]
