"""What the extractors find in a parsed document, before entities are linked."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Token

from dossier.model import Modality


@dataclass
class RawClaim:
    """A claim whose subject and entity object are still tokens of the parsed document."""

    subject: Token
    predicate: str
    obj: Token | dict[str, Any]
    trigger: Token  # the word the statement hangs on; decides modality and attribution
    extractor: str
    confidence: float = 0.6
    qualifiers: dict[str, Any] = field(default_factory=dict)
    modality: Modality | None = None  # set when the rule knows better than the clause around the trigger

    @classmethod
    def maker(cls, family: str):
        """A factory for one family of rules: `_claim(subj, pred, obj, trigger, rule, conf, **qualifiers)`;
        empty qualifiers are dropped and the extractor is named "family.rule"."""
        def make(subj: Token, pred: str, obj, trigger: Token, rule: str, conf: float = 0.6, **qual) -> RawClaim:
            return cls(subj, pred, obj, trigger, f"{family}.{rule}", conf, {k: v for k, v in qual.items() if v})
        return make

    def key(self) -> tuple:
        o = self.obj.i if isinstance(self.obj, Token) else repr(sorted(self.obj.items()))
        return (self.subject.i, self.predicate, o)
