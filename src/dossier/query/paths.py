"""How two entities are connected: breadth-first search over linked_to / part_of / member_of claims.

Each hop is one SQL query over the claims of the current frontier (either direction: a link is
a link whichever side the sentence put first), up to `max_hops`. A path comes back as its
entities and, for each hop, the claims that state it, so every step can be cited.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dossier.store import Store
from dossier.store.schema import ClaimRow

from . import lookup

LINK_PREDICATES = ("linked_to", "part_of", "member_of", "split_from", "leader")
MAX_FRONTIER = 40


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
    # parents[node] = list of previous nodes; the walk reads only distinct (subject, object) pairs, and
    # the claims stating each hop are read once a path is found
    parents: dict[int, list[int]] = {s: [] for s in start}
    frontier = list(dict.fromkeys(start))
    found: set[int] = set()
    with Session(store.engine) as session:
        for depth in range(1, max_hops + 1):
            if not frontier:
                break
            edges: dict[int, dict[int, int]] = {}  # b -> {a: number of claims}
            front = set(frontier)
            pairs = []
            for side in (ClaimRow.subject_id, ClaimRow.object_id):  # two indexed look-ups, not one OR scan
                pairs += session.execute(
                    select(ClaimRow.subject_id, ClaimRow.object_id, func.count())
                    .where(side.in_(frontier), ClaimRow.predicate.in_(predicates), ClaimRow.object_id.is_not(None),
                           ClaimRow.modality.not_in(("denied", "hypothetical")))
                    .group_by(ClaimRow.subject_id, ClaimRow.object_id)).all()
            for s, o, n in dict.fromkeys(pairs):
                for a, b in ((s, o), (o, s)):
                    if a in front and b not in parents and not (depth == 1 and exclude_direct and b in goal_set):
                        edges.setdefault(b, {})[a] = edges.get(b, {}).get(a, 0) + n
            nxt: list[int] = []
            # the best-connected first: a hub's hundreds of neighbours are not all walked
            for b, prev in sorted(edges.items(), key=lambda kv: -sum(kv[1].values())):
                parents[b] = sorted(prev, key=lambda a: -prev[a])
                if b in goal_set:
                    found.add(b)
                else:
                    nxt.append(b)
            if found:
                break
            frontier = nxt[:MAX_FRONTIER]
    paths: list[Path] = []
    for g in found:
        for chain in _unwind(parents, g, set(start)):
            hops = [_hop_claims(store, a, b, predicates) for a, b in zip(chain, chain[1:], strict=False)]
            names: dict[int, str] = {}
            for cs in hops:
                for c in cs:
                    names[lookup.eid(c["subject_id"])], names[lookup.eid(c["object_id"])] = c["subject"], c["object"]
            paths.append(Path(chain, [names.get(n, str(n)) for n in chain], hops))
            if len(paths) >= limit:
                return paths
    return paths


def _hop_claims(store: Store, a: int, b: int, predicates: tuple[str, ...]) -> list[dict[str, Any]]:
    return [c for c in lookup.claims(store, subject_ids=[a, b], object_ids=[a, b], predicates=predicates)
            if {lookup.eid(c["subject_id"]), lookup.eid(c["object_id"])} == {a, b}
            and c["modality"] not in ("denied", "hypothetical")]


def _unwind(parents, node, starts):
    """Every chain [start, ..., node] back through `parents`."""
    if node in starts:
        yield [node]
        return
    for prev in parents.get(node, [])[:3]:
        for chain in _unwind(parents, prev, starts):
            yield [*chain, node]
