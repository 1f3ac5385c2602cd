"""Profiles written as labelled fields: the label says the predicate, the value the object."""

from __future__ import annotations

from conftest import claims_of, describe, literal_claims

SHEET = """Fact file: Katiba Macina

Katiba Macina

Year founded: 1994

Founders: Hamadoun Diallo and Ibrahim Sow

Strength (main faction): about 2,500 (2019 estimate)

Areas of operation: Mopti, Segou

Ideology: Salafi jihadism

Major attacks: the group attacked a market in Mopti.

Ansarul Islam

Founded: 2011

Strength: 400
"""


def test_each_field_states_its_fact_about_the_group_it_falls_under(analyse_text):
    ex = analyse_text(SHEET, "2020-01-01")
    assert literal_claims(ex, "Katiba Macina", "founded") == [{"date": "1994", "precision": "year"}], describe(ex)
    assert {c.obj.name for c in claims_of(ex, "leader", "Katiba Macina")} == {"Hamadoun Diallo", "Ibrahim Sow"}
    assert [o["value"] for o in literal_claims(ex, "Katiba Macina", "size")] == [2500], describe(ex)
    assert {c.obj.name for c in claims_of(ex, "active_in", "Katiba Macina")} >= {"Mopti", "Segou"}, describe(ex)
    assert literal_claims(ex, "Katiba Macina", "ideology") == [{"text": "Salafi jihadism"}], describe(ex)
    # the second sheet's fields are the second group's
    assert literal_claims(ex, "Ansarul Islam", "founded") == [{"date": "2011", "precision": "year"}], describe(ex)
    assert [o["value"] for o in literal_claims(ex, "Ansarul Islam", "size")] == [400], describe(ex)
    assert not claims_of(ex, "role"), describe(ex)  # "Founders:" is a label, not what the founders are


def test_a_colon_in_running_text_is_no_field(analyse_text):
    ex = analyse_text("The message was clear: Katiba Macina is led by Hamadoun Diallo. Strength: it has 300 fighters, "
                      "the army said.", "2020-01-01")
    assert not [c for c in ex.claims if c.extractor.startswith("fact_sheet")], describe(ex)
