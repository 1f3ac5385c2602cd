"""The one kind of problem a reader reports instead of raising."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReadError:
    """Bad input at `path` (and `line`, for line-based formats).

    `message` says what is wrong and what to do, separated by " — ".
    """

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"
