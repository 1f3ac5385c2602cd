"""Profiles that name their group in a clause ("the group known as X") or gloss it between dashes, groups that
"started" in a year, members listed after "its members included", and events whose sentence dates the telling, not
the event: a blame made on Friday of Thursday's bombing, "earlier in the day" the government said."""

from __future__ import annotations

import datetime as dt

from conftest import claims_of, describe, doers, event_places, has_claim, literal_claims

PUB = dt.date(2024, 3, 9)  # a Saturday


def test_a_group_known_by_a_name_is_described_by_its_copula(analyse_text):
    ex = analyse_text("The group known as Atomwaffen Division is a neo-Nazi network.", PUB)
    assert {"text": "neo-Nazi"} in literal_claims(ex, "Atomwaffen Division", "ideology"), describe(ex)


def test_a_name_glossed_between_dashes_is_the_subject(analyse_text):
    ex = analyse_text("Euskadi Ta Askatasuna - Basque Homeland and Freedom - was set up in 1959 by students.", PUB)
    assert {"date": "1959", "precision": "year"} in literal_claims(ex, "ETA", "founded"), describe(ex)


def test_a_group_that_started_in_a_year_was_founded_then(analyse_text):
    ex = analyse_text("Atomwaffen Division is a neo-Nazi group. Officials believe the group started in about "
                      "2015.", PUB)
    assert [c.obj["date"] for c in claims_of(ex, "founded", "Atomwaffen Division")] == ["2015"], describe(ex)


def test_a_group_that_started_doing_something_was_not_founded_then(analyse_text):
    ex = analyse_text("Atomwaffen Division is a neo-Nazi group. The group started threatening reporters in "
                      "2019.", PUB)
    assert not claims_of(ex, "founded"), describe(ex)


def test_the_members_a_group_included_are_its_members(analyse_text):
    ex = analyse_text("Atomwaffen Division is a neo-Nazi group. Its members included Tom Lark and John Pell.", PUB)
    assert has_claim(ex, "Tom Lark", "member_of", "Atomwaffen Division"), describe(ex)
    assert has_claim(ex, "John Pell", "member_of", "Atomwaffen Division"), describe(ex)
    assert not claims_of(ex, "role"), describe(ex)


def test_a_senior_member_still_has_a_role(analyse_text):
    ex = analyse_text("John Pell, a senior member of al-Shabaab, was arrested.", PUB)
    assert {"text": "senior member of al-Shabaab"} in literal_claims(ex, "John Pell", "role"), describe(ex)


def test_the_day_of_a_blame_does_not_date_the_bombing(analyse_text):
    ex = analyse_text("The president late Friday suspended peace talks as he blamed the ELN for a car bombing that "
                      "killed 21 people.\n\nEarlier in the day the government said it had proof that an ELN member "
                      "had driven the truck bomb into a police academy in Bogota on Thursday.", PUB)
    assert [(e.date, e.place.name if e.place else None) for e in ex.events] == [("2024-03-07", "Bogota")], \
        describe(ex)
    assert doers(ex) == [["National Liberation Army (Colombia)"]], describe(ex)


def test_earlier_still_opens_another_event(analyse_text):
    ex = analyse_text("Gunmen killed five soldiers in Tillaberi on Friday.\n\nEarlier this month, militants "
                      "attacked a convoy in Dosso, killing two.", PUB)
    assert event_places(ex) == ["Tillaberi", "Dosso"], describe(ex)


def test_people_gunned_down_are_an_event(analyse_text):
    ex = analyse_text("Five villagers were gunned down in Kiru on Sunday.", PUB)
    assert [(e.date, e.place.name) for e in ex.events] == [("2024-03-03", "Kiru")], describe(ex)


def test_a_romance_place_name_goes_on_past_its_connective(analyse_text):
    ex = analyse_text("Sixteen people were mowed down at two bars in San Miguel del Ene on Sunday.", PUB)
    assert event_places(ex) == ["San Miguel del Ene"], describe(ex)


def test_an_affiliate_named_by_its_parent_is_the_group_named_next(analyse_text):
    ex = analyse_text("Al Qaeda affiliate says 50 soldiers killed in Mali attack\n\nBAMAKO -\n\nA West African al "
                      "Qaeda affiliate said it killed 50 soldiers in an attack on an army base in Mali this week, "
                      "raising its earlier toll.\n\nJNIM made the claim in a statement, a monitoring group said on "
                      "Thursday.", PUB)
    assert doers(ex) == [["Jama'at Nusrat al-Islam wal-Muslimin"]], describe(ex)
    assert has_claim(ex, "JNIM", "part_of", "al-Qaeda"), describe(ex)
    assert not claims_of(ex, "opposes", "al-Qaeda"), describe(ex)


def test_a_group_named_in_the_opening_is_still_the_doer(analyse_text):
    ex = analyse_text("Al Qaeda said it killed 50 soldiers in an attack on an army base in Mali this week.\n\nThe "
                      "Nigerien branch of Boko Haram said it was not involved.", PUB)
    assert doers(ex) == [["al-Qaeda"]], describe(ex)
