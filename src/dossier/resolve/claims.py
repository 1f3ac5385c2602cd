"""From raw claims over tokens to stored Claims over entities, with provenance and attribution."""

from __future__ import annotations

from spacy.tokens import Token

from dossier.extract.attribution import attribute
from dossier.extract.raw import RawClaim
from dossier.model import Claim, EntityRef, Modality, Provenance
from dossier.names import norm
from dossier.resolve.linking import DocumentLinker

ACTOR = {"armed_group", "force", "organization"}
GROUPISH = {"armed_group", "force"}
ANY = {"armed_group", "force", "organization", "person", "group", "place"}
# predicate -> (allowed subject types, allowed entity-object types)
SIGNATURES: dict[str, tuple[set[str], set[str]]] = {
    "part_of": (ACTOR, ACTOR),
    "split_from": (GROUPISH | {"organization"}, GROUPISH | {"organization"}),
    "founded": (ACTOR, set()),
    "size": (GROUPISH, set()),
    "based_in": (ACTOR, {"place"}),
    "active_in": (ACTOR, {"place"}),
    "leader": (ACTOR, {"person"}),
    "member_of": ({"person"}, ACTOR),
    "role": ({"person"}, set()),
    "linked_to": (ACTOR | {"person", "place"}, ACTOR | {"person", "place"}),
    "opposes": (GROUPISH | {"organization", "person"}, ACTOR | {"place", "person"}),
    "targets": (GROUPISH, ANY),
    "recruits_from": (GROUPISH, ACTOR | {"group"}),
    "ideology": (GROUPISH | {"organization"}, set()),
}


def _same_name(a: EntityRef, b: EntityRef) -> bool:
    """ "Yemeni government" and "Yemeni government forces", both unknown to the gazetteer, are one side."""
    if not (a.key.startswith("new:") and b.key.startswith("new:")):
        return False
    na, nb = norm(a.name), norm(b.name)
    return na in nb or nb in na


def _sentence_index(tok: Token) -> int:
    starts = tok.doc.user_data.setdefault("_sent_starts", [s.start for s in tok.doc.sents])
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= tok.i:
            lo = mid
        else:
            hi = mid - 1
    return lo


def provenance(doc_id: str, trigger: Token, *others: Token) -> Provenance:
    sent = trigger.sent
    toks = [trigger, *(t for t in others if t.sent == sent)]
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t.text) for t in toks)
    return Provenance(doc_id=doc_id, sentence=_sentence_index(trigger), start=start, end=end,
                      evidence=sent.text.strip())


def link_claims(raw: list[RawClaim], linker: DocumentLinker, doc_id: str) -> list[Claim]:
    """Link subjects and objects, drop claims whose types do not fit the predicate, merge duplicates."""
    out: dict[tuple, Claim] = {}
    for rc in raw:
        subj = linker.ref(rc.subject)
        if subj is not None and subj.type == "place" and rc.predicate in {"targets", "opposes"} and \
                subj.place is not None and subj.place.precision == "country":
            subj = linker.state_force("army", subj.name)  # "air strikes led by Uganda": Uganda's army
        if subj is None:
            continue
        s_types, o_types = SIGNATURES[rc.predicate]
        if subj.type not in s_types:
            continue
        obj: EntityRef | dict
        if isinstance(rc.obj, dict) and "force" in rc.obj:  # "28 soldiers": the state's forces of that place
            if subj.type != "armed_group":
                continue  # a state's forces hitting "soldiers": whose soldiers is anyone's guess
            ref = linker.state_force(rc.obj["force"], rc.obj.get("place"), rc.obj.get("country"))
            if ref is None or ref.key == subj.key:
                continue
            obj, okey = ref, ref.key
            prov = provenance(doc_id, rc.trigger, rc.subject)
        elif isinstance(rc.obj, Token):
            ref = linker.ref(rc.obj)
            if ref is not None and ref.type not in o_types and "place" in o_types and rc.obj.ent_type_ == "NORP":
                ref = linker.country_of_demonym(rc.obj)
            if ref is None or ref.type not in o_types or ref.key == subj.key or _same_name(ref, subj):
                continue
            obj = ref
            okey = ref.key
            prov = provenance(doc_id, rc.trigger, rc.subject, rc.obj)
        else:
            obj = rc.obj
            okey = repr(sorted(obj.items()))
            prov = provenance(doc_id, rc.trigger, rc.subject)
        how = attribute(rc.trigger)
        modality = rc.modality if rc.modality is not None and how.modality != Modality.DENIED else how.modality
        claim = Claim(subject=subj, predicate=rc.predicate, obj=obj, provenance=prov, modality=modality,
                      attributed_to=how.attributed_to, qualifiers=dict(rc.qualifiers), extractor=rc.extractor,
                      confidence=rc.confidence)
        key = (subj.key, rc.predicate, okey, prov.sentence)
        if key not in out or out[key].confidence < claim.confidence:
            out[key] = claim
    return list(out.values())
