"""Modality and attribution of claims and of event perpetrators, on short sentences."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import claims_of, describe, has_claim

from dossier.model import Modality

PUB = dt.date(2021, 8, 28)


def only_claim(ex, subject: str, predicate: str):
    found = claims_of(ex, predicate, subject)
    assert found, describe(ex)
    return found[0]


@pytest.mark.parametrize(("text", "subject", "predicate"), [
    ("Boko Haram has about 5,000 fighters.", "Boko Haram", "size"),
    ("Al-Shabaab is based in southern Somalia.", "al-Shabaab", "based_in"),
    ("Al-Shabaab is led by Ahmad Umar.", "al-Shabaab", "leader"),
])
def test_plain_statement_is_asserted(analyse_text, text, subject, predicate):
    claim = only_claim(analyse_text(text, PUB), subject, predicate)
    assert claim.modality == Modality.ASSERTED
    assert claim.attributed_to is None


@pytest.mark.parametrize(("text", "subject", "predicate"), [
    ("Boko Haram reportedly has about 5,000 fighters.", "Boko Haram", "size"),
    ("Al-Shabaab is reportedly led by Ahmad Umar.", "al-Shabaab", "leader"),
    ("Boko Haram is said to have about 5,000 fighters.", "Boko Haram", "size"),
    ("Al-Shabaab is believed to be based in Jilib.", "al-Shabaab", "based_in"),
])
def test_hedged_statement_is_reported(analyse_text, text, subject, predicate):
    claim = only_claim(analyse_text(text, PUB), subject, predicate)
    assert claim.modality == Modality.REPORTED


@pytest.mark.parametrize(("text", "source"), [
    ("According to researchers, Boko Haram has about 5,000 fighters.", "researchers"),
    ("Boko Haram has about 5,000 fighters, according to researchers.", "researchers"),
    ("According to the UN, Boko Haram has about 5,000 fighters.", "UN"),
])
def test_according_to_is_reported_and_attributed(analyse_text, text, source):
    claim = only_claim(analyse_text(text, PUB), "Boko Haram", "size")
    assert claim.modality == Modality.REPORTED
    assert claim.attributed_to is not None and source.lower() in claim.attributed_to.lower()


@pytest.mark.parametrize(("text", "source"), [
    ("Analysts say Boko Haram has about 5,000 fighters.", "Analysts"),
    ("Officials said Boko Haram has about 5,000 fighters.", "Officials"),
    ("Researchers estimate that Boko Haram has about 5,000 fighters.", "Researchers"),
    ("A UN report said Boko Haram has about 5,000 fighters.", "UN report"),
])
def test_speaker_of_a_reporting_verb_is_the_source(analyse_text, text, source):
    claim = only_claim(analyse_text(text, PUB), "Boko Haram", "size")
    assert claim.modality == Modality.REPORTED
    assert claim.attributed_to == source


def test_reported_place_has_speaker(analyse_text):
    ex = analyse_text("Officials said al-Shabaab is based in Jilib.", PUB)
    claim = has_claim(ex, "al-Shabaab", "based_in", "Jilib")
    assert claim is not None, describe(ex)
    assert (claim.modality, claim.attributed_to) == (Modality.REPORTED, "Officials")


@pytest.mark.parametrize("text", [
    "Hezbollah denied that it is backed by Iran.",
    "Hezbollah denied links to Iran.",
    "Hezbollah rejected claims that it is backed by Iran.",
])
def test_denial_is_denied_and_attributed_to_the_denier(analyse_text, text):
    ex = analyse_text(text, PUB)
    claim = has_claim(ex, "Hezbollah", "linked_to", "Iran")
    assert claim is not None, describe(ex)
    assert claim.modality == Modality.DENIED
    assert claim.attributed_to == "Hezbollah"


def test_denial_by_acronym_group(analyse_text):
    ex = analyse_text("The ELN denied that it has links to the FARC.", PUB)
    claim = has_claim(ex, "ELN", "linked_to", "FARC")
    assert claim is not None, describe(ex)
    assert claim.modality == Modality.DENIED and claim.attributed_to == "ELN"


def test_negation_is_denied(analyse_text):
    ex = analyse_text("Al-Shabaab is not based in Kenya.", PUB)
    claim = has_claim(ex, "al-Shabaab", "based_in", "Kenya")
    assert claim is not None and claim.modality == Modality.DENIED, describe(ex)


def test_allegedly_is_alleged(analyse_text):
    ex = analyse_text("Al-Shabaab allegedly has links to the Houthis.", PUB)
    claims = claims_of(ex, "linked_to", "al-Shabaab")
    assert claims and claims[0].modality == Modality.ALLEGED, describe(ex)


@pytest.mark.parametrize("text", ["Al-Shabaab may have links to the Houthis.",
                                  "Hezbollah could have about 20,000 fighters."])
def test_modal_verb_is_hypothetical(analyse_text, text):
    ex = analyse_text(text, PUB)
    assert ex.claims and all(c.modality == Modality.HYPOTHETICAL for c in ex.claims), describe(ex)


def test_group_claiming_its_own_size_is_claimed(analyse_text):
    claim = only_claim(analyse_text("Boko Haram claimed to have 10,000 fighters.", PUB), "Boko Haram", "size")
    assert claim.modality == Modality.CLAIMED
    assert claim.attributed_to == "Boko Haram"


def test_claimed_that_clause_is_claimed(analyse_text):
    claim = only_claim(analyse_text("Al-Shabaab claimed that it has 10,000 fighters.", PUB), "al-Shabaab", "size")
    assert claim.modality == Modality.CLAIMED


# ---------------------------------------------------------------- events: claimed, blamed, suspected


def perpetrators(ex) -> list[tuple[str, str]]:
    return [(p.entity.name, p.attribution) for e in ex.events for p in e.perpetrators]


@pytest.mark.parametrize("text", [
    "Al-Shabaab claimed responsibility for the attack on a hotel in Mogadishu on Saturday.",
    "Al-Shabaab claimed responsibility for a bombing in Mogadishu on Friday that killed at least 13 people.",
    "A bomb exploded in Mogadishu on Saturday, killing five people. Al-Shabaab claimed responsibility for the bombing.",
])
def test_claimed_responsibility_is_claimed(analyse_text, text):
    ex = analyse_text(text, PUB)
    assert perpetrators(ex) == [("al-Shabaab", "claimed")], describe(ex)


def test_took_responsibility_is_claimed(analyse_text):
    ex = analyse_text("Boko Haram took responsibility for the attack in Maiduguri on Saturday.", PUB)
    assert perpetrators(ex) == [("Boko Haram", "claimed")], describe(ex)


def test_group_saying_it_carried_out_the_attack_is_claimed(analyse_text):
    ex = analyse_text("Al-Shabaab said it carried out the attack in Mogadishu on Saturday.", PUB)
    assert perpetrators(ex) == [("al-Shabaab", "claimed")], describe(ex)


@pytest.mark.parametrize(("text", "group"), [
    ("Officials blamed al-Shabaab for a bombing in Mogadishu on Friday that killed 13 people.", "al-Shabaab"),
    ("Police blamed Boko Haram for an attack in Maiduguri on Saturday.", "Boko Haram"),
    ("A bomb exploded in Mogadishu on Saturday, killing five people. Officials blamed al-Shabaab for the attack.",
     "al-Shabaab"),
])
def test_officials_blaming_a_group_is_blamed(analyse_text, text, group):
    ex = analyse_text(text, PUB)
    assert perpetrators(ex) == [(group, "blamed")], describe(ex)


def test_suspected_is_suspected(analyse_text):
    ex = analyse_text("Police suspect Boko Haram of carrying out the attack in Maiduguri on Saturday.", PUB)
    assert perpetrators(ex) == [("Boko Haram", "suspected")], describe(ex)


def test_denied_involvement_names_no_perpetrator(analyse_text):
    ex = analyse_text("Al-Shabaab denied involvement in the bombing in Mogadishu on Saturday.", PUB)
    assert ex.events, describe(ex)
    assert perpetrators(ex) == [], describe(ex)


def test_group_as_subject_of_attack_is_stated(analyse_text):
    ex = analyse_text("Boko Haram kidnapped 20 students in Kaduna on Friday.", PUB)
    assert perpetrators(ex) == [("Boko Haram", "stated")], describe(ex)
