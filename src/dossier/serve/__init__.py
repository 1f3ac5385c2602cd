"""`dossier serve`: a web app and JSON API over the knowledge base (FastAPI, Jinja2, static files).

`create_app(store_url, write_token=None)` builds the app; `run(...)` serves it with uvicorn. Pages and
API routes read through `dossier.query` (profiles, answers) and the paged adapters in `lists` and `geo`.
"""

from .app import create_app, hosts_for
from .run import run

__all__ = ["create_app", "hosts_for", "run"]
