"""query stage: questions about the knowledge base, answered with cited claims and events.

`ask(store, question)` parses the question into an intent (`intents.parse`), resolves the names it
uses (`lookup.resolve_name`), reads the matching claims and events with indexed SQL and words a
short answer with numbered sources (`answer`). `paths.find_paths` says how two entities connect.
"""

from .answer import Answer, ask
from .intents import Intent, parse
from .lookup import Match, resolve_name
from .paths import Path, find_paths

__all__ = ["Answer", "Intent", "Match", "Path", "ask", "find_paths", "parse", "resolve_name"]
