"""Who attacks whom, read from an event: the perpetrator targets (and, for armed victims, opposes)
the victims; state forces named by common nouns become that country's army or police."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import claims_of, describe, has_claim

from dossier.model import Modality

PUB = dt.date(2023, 3, 12)

# (text, perpetrator, predicate, the force or group the claim must name)
ARMED_VICTIMS = [
    ("Islamic State claimed responsibility for an ambush that killed 28 soldiers this week in Niger.",
     "Islamic State", "targets", "Niger Armed Forces"),
    ("Islamic State claimed responsibility for an ambush that killed 28 soldiers this week in Niger.",
     "Islamic State", "opposes", "Niger Armed Forces"),
    ("Suspected New People's Army rebels ambushed a military convoy in Ifugao province in the Philippines on "
     "Thursday.", "New People's Army", "targets", "Armed Forces of the Philippines"),
    ("JNIM said it carried out the assault on an army base near Mopti in Mali, killing 12 soldiers.",
     "JNIM", "opposes", "Malian Armed Forces"),
    ("Two policemen were killed on Sunday in an attack in Mombasa, Kenya, that police blamed on al-Shabaab.",
     "al-Shabaab", "targets", "Kenyan police"),
]


@pytest.mark.parametrize(("text", "subject", "predicate", "obj"), ARMED_VICTIMS)
def test_attacks_on_state_forces(analyse_text, text, subject, predicate, obj):
    ex = analyse_text(text, PUB)
    assert has_claim(ex, subject, predicate, obj), describe(ex)


def test_a_claimed_attack_gives_claimed_claims(analyse_text):
    ex = analyse_text("Islamic State claimed responsibility for an ambush that killed 28 soldiers in Niger.", PUB)
    claim = has_claim(ex, "Islamic State", "targets", "Niger Armed Forces")
    assert claim is not None and claim.modality == Modality.CLAIMED, describe(ex)


def test_a_blamed_attack_gives_alleged_claims(analyse_text):
    ex = analyse_text("Several Turkish soldiers were killed on Sunday by roadside bombs blamed on the Kurdistan "
                      "Workers' Party (PKK) near Hakkari.", PUB)
    claim = has_claim(ex, "PKK", "targets", "Turkish Armed Forces")
    assert claim is not None and claim.modality == Modality.ALLEGED, describe(ex)


def test_civilian_victims_are_not_opponents(analyse_text):
    ex = analyse_text("Boko Haram fighters attacked the village of Kukawa in Borno state on Tuesday, killing 14 "
                      "local farmers.", PUB)
    assert not claims_of(ex, "opposes", "Boko Haram"), describe(ex)
    objects = [c.obj.get("text", "") if isinstance(c.obj, dict) else c.obj.name
               for c in claims_of(ex, "targets", "Boko Haram")]
    assert any("farmers" in o for o in objects), describe(ex)


def test_people_in_general_are_no_target(analyse_text):
    ex = analyse_text("Gunmen from the Allied Democratic Forces killed 20 people in an attack on Beni on Monday.", PUB)
    assert not [c for c in claims_of(ex, "targets") if isinstance(c.obj, dict) and "people" in c.obj.get("text", "")]


def test_a_country_named_as_doer_acts_through_its_army(analyse_text):
    ex = analyse_text("At least 200 members of the Allied Democratic Forces (ADF) were killed on Monday in air strikes "
                      "led by Uganda in North Kivu.", PUB)
    assert has_claim(ex, "Uganda People's Defence Force", "opposes", "Allied Democratic Forces"), describe(ex)
    assert [e.place.name for e in ex.events if e.place] == ["North Kivu"], describe(ex)


def test_clashes_in_general_are_no_event(analyse_text):
    ex = analyse_text("The group has suffered heavy losses in clashes with both Somali and Kenyan forces.", PUB)
    assert not ex.events, describe(ex)


def test_a_clash_has_two_sides_at_war_and_no_town_among_them(analyse_text):
    ex = analyse_text("Hamas fighters clashed with Fatah militants in Jenin on Sunday, killing two of them.", PUB)
    assert {(c.subject.name, c.predicate, c.obj.name) for c in ex.claims if c.predicate in {"opposes", "targets"}} \
        == {("Hamas", "opposes", "Fatah")}, describe(ex)
