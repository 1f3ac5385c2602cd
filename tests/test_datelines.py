"""A report's dateline ("Kabul (Pajhwok): ...", "KABUL (Reuters) - ...") is no part of its first sentence: the
place and agency must not become the subject of what the sentence says, also when a missing space glues the
colon to the first word."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import claims_of, describe, has_claim, literal_claims

PUB = dt.date(2015, 5, 24)


@pytest.mark.parametrize("dateline", ["Herat (Ariana):", "Herat (Ariana): ", "HERAT (Reuters) - ",
                                      "Herat, Afghanistan, May 3 (AFP) - "])
def test_the_first_sentence_starts_after_the_dateline(nlp, dateline):
    doc = nlp(dateline + "The Fergana Liberation Front is a militant group that was founded in 2004.")
    first = next(s for s in doc.sents if "Fergana" in s.text)
    assert first.text.startswith("The Fergana"), [s.text for s in doc.sents]
    assert "Fergana Liberation Front" in [e.text for e in doc.ents], [(e.text, e.label_) for e in doc.ents]


def test_a_group_after_a_glued_dateline_is_the_subject_of_its_founding(analyse_text):
    ex = analyse_text("Herat (Ariana):The Fergana Liberation Front is a militant group that was founded in 2004.",
                      PUB)
    assert literal_claims(ex, "Fergana Liberation Front", "founded") == [{"date": "2004", "precision": "year"}], \
        describe(ex)
    assert not [c for c in ex.claims if c.subject.name.startswith(("Herat", "Ariana"))], describe(ex)


def test_a_parenthesised_abbreviation_before_a_colon_is_no_dateline(nlp):
    doc = nlp("The group (FLF): it is small.")
    assert len(list(doc.sents)) == 1, [s.text for s in doc.sents]


def test_being_declared_a_terrorist_organisation_is_no_founding(analyse_text):
    ex = analyse_text("The Fergana Liberation Front was founded in 2004. It was declared a terrorist organisation "
                      "by the US in 2006 and by Russia in 2008.", PUB)
    assert literal_claims(ex, "Fergana Liberation Front", "founded") == [{"date": "2004", "precision": "year"}], \
        describe(ex)


def test_a_second_founder_named_after_his_title_is_a_founder(analyse_text):
    ex = analyse_text("The Fergana Liberation Front is a militant group. Rustam Aliyev and former Soviet "
                      "paratrooper Bakhtiyor Karimov, both ethnic Uzbeks from Andijan, set up the group.", PUB)
    assert has_claim(ex, "Fergana Liberation Front", "leader", "Rustam Aliyev"), describe(ex)
    assert has_claim(ex, "Fergana Liberation Front", "leader", "Bakhtiyor Karimov"), describe(ex)
    assert len(claims_of(ex, "leader")) == 2, describe(ex)


def test_a_group_named_for_a_date_is_the_group_where_a_group_noun_or_a_verb_says_so(nlp):
    doc = nlp("Police blamed the November 17 guerrilla group for the killing. November 17 said it fired the shots. "
              "On November 17 gunmen attacked a bank.")
    labels = [(e.text, e.label_) for e in doc.ents if e.text == "November 17"]
    assert labels == [("November 17", "ARMED_GROUP"), ("November 17", "ARMED_GROUP"), ("November 17", "DATE")], \
        [(e.text, e.label_) for e in doc.ents]


def test_an_assassination_carried_out_by_a_group_named_for_a_date_is_its(analyse_text):
    ex = analyse_text("Gunmen shot dead a diplomat in Athens on Thursday. Police said the assassination was carried "
                      "out by the November 17 guerrilla group.", PUB)
    assert [[p.entity.name for p in e.perpetrators] for e in ex.events] == \
        [["Revolutionary Organization 17 November"]], describe(ex)
