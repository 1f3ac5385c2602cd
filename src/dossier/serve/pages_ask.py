"""Page: ask a question; answered by `dossier.query.ask`, exactly as `dossier ask` does."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request

from dossier.query import ask

from .state import render, state

router = APIRouter(include_in_schema=False)
EXAMPLES = ("Who leads Boko Haram?", "How many fighters does IS-K have?", "Where is al-Shabaab based?",
            "What happened in Mumbai?")


def answer(request: Request, question: str) -> dict:
    st = state(request)
    return st.cached(("ask", question), lambda: ask(st.store, question).to_dict())


@router.get("/ask")
def ask_page(request: Request, q: str | None = Query(None, max_length=500)):
    question = (q or "").strip()
    result = answer(request, question) if question else None
    return render(request, "ask.html", title="Ask", q=question, result=result, examples=EXAMPLES)
