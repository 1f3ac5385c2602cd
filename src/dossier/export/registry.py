"""Exporters keyed by (kind, format); each renders contract-shaped dicts to a text stream."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TextIO

Renderer = Callable[[Iterable[dict[str, Any]], TextIO], None]

KINDS = ("entities", "claims", "events")
EXPORTERS: dict[tuple[str, str], Renderer] = {}


def exporter(kind: str, fmt: str) -> Callable[[Renderer], Renderer]:
    """Register `render(rows, out)` as the exporter of `kind` in format `fmt`."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {KINDS}")

    def register(render: Renderer) -> Renderer:
        EXPORTERS[(kind, fmt)] = render
        return render

    return register


def formats(kind: str) -> list[str]:
    return sorted(fmt for k, fmt in EXPORTERS if k == kind)
