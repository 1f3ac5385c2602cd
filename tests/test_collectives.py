"""Groups a report describes instead of naming ("separatist fighters"), breakaways of a known group
("FARC dissidents"), and regions whose name ends in "province" that are no group."""

from __future__ import annotations

import datetime as dt

from conftest import describe, has_claim

PUB = dt.date(2021, 3, 6)


def _perpetrators(ex) -> set[str]:
    return {p.entity.name for e in ex.events for p in e.perpetrators}


def test_a_described_group_is_one_entity_named_by_its_most_specific_phrase(analyse_text):
    ex = analyse_text("Separatist fighters killed three soldiers in an attack on a checkpoint in Bamenda on Friday. "
                      "Anglophone separatists have been fighting the army of Cameroon since 2017. "
                      "The separatists also burned a school.", PUB)
    groups = {m.entity.key: m.entity.name for m in ex.mentions if m.entity.type == "armed_group"}
    assert list(groups.values()) == ["Anglophone separatists"], describe(ex)
    assert _perpetrators(ex) == {"Anglophone separatists"}, describe(ex)


def test_generic_rebels_join_the_one_specific_description(analyse_text):
    ex = analyse_text("Maoist rebels ambushed a police patrol in Sukma on Tuesday. The rebels fled into the forest.",
                      PUB)
    keys = {m.entity.key for m in ex.mentions if m.entity.type == "armed_group"}
    assert len(keys) == 1 and next(iter(keys)).startswith("desc:armed_group:maoist"), describe(ex)


def test_a_description_after_a_named_group_is_left_to_coreference(analyse_text):
    ex = analyse_text("The New People's Army attacked an army camp in Samar on Monday. "
                      "Communist guerrillas have fought the government since 1969.", PUB)
    assert not [m for m in ex.mentions if m.entity.key.startswith("desc:")], describe(ex)


def test_unidentified_gunmen_are_no_group(analyse_text):
    ex = analyse_text("Gunmen killed four villagers in Zamfara on Sunday, police said.", PUB)
    assert not [m for m in ex.mentions if m.entity.type == "armed_group"], describe(ex)


def test_the_same_description_in_two_countries_is_two_groups(analyse_text):
    a = analyse_text("Separatist fighters attacked a convoy near Bamenda, Cameroon, on Friday.", PUB, doc_id="a")
    b = analyse_text("Separatist fighters attacked a convoy near Turbat, Pakistan, on Friday.", PUB, doc_id="b")
    key = {ex.document.id: {m.entity.key for m in ex.mentions if m.entity.type == "armed_group"} for ex in (a, b)}
    assert key["a"] and key["b"] and key["a"] != key["b"], (describe(a), describe(b))


def test_dissidents_of_a_known_group_are_its_breakaway(analyse_text):
    ex = analyse_text("Four soldiers were killed in Meta after they were ambushed by a group of dissidents from "
                      "the Revolutionary Armed Forces of Colombia (FARC). Weapons went to FARC dissident fighters "
                      "in Cauca.", PUB)
    names = [m.entity.name for m in ex.mentions if m.entity.type == "armed_group"]
    assert names.count("Estado Mayor Central") == 2 and "Revolutionary Armed Forces of Colombia" in names, describe(ex)
    emc = next(m.entity for m in ex.mentions if m.entity.name == "Estado Mayor Central")
    assert "dissidents" not in emc.aliases  # a bare "dissidents" would name any group


def test_a_region_named_province_is_a_place_not_a_group(analyse_text):
    ex = analyse_text("Separatists killed two gendarmes in Cameroon's Northwest province on Friday.", PUB)
    assert not [m for m in ex.mentions if m.entity.type == "armed_group" and "province" in m.entity.name.lower()]
    assert [e for e in ex.events if e.place is not None and e.place.iso == "CM-NW"], describe(ex)


def test_the_army_with_a_capital_is_the_state_force(analyse_text):
    ex = analyse_text("Rebels attacked a village in Meta, Colombia. The Army said two soldiers were wounded.", PUB)
    assert not has_claim(ex, "Army", "active_in", "Meta")
    assert not [m for m in ex.mentions if m.text == "Army" and m.entity.type == "armed_group"], describe(ex)


def test_the_doer_of_another_clause_is_the_perpetrator(analyse_text):
    ex = analyse_text("Six policemen were killed after Naxals blew up their vehicle in Bijapur on Monday.",
                      dt.date(2025, 1, 8))
    assert _perpetrators(ex) == {"Communist Party of India (Maoist)"}, describe(ex)


def test_members_of_a_group_who_fired_are_its_doers(analyse_text):
    ex = analyse_text("A gunfight broke out after members of the BIFF fired at troops near Datu Saudi Ampatuan "
                      "on Sunday.", PUB)
    assert _perpetrators(ex) == {"Bangsamoro Islamic Freedom Fighters"}, describe(ex)


def test_a_place_on_the_group_name_says_where_it_is(analyse_text):
    ex = analyse_text("Hezbollah in Lebanon has fired rockets. The New IRA is the largest of the dissident groups "
                      "operating in Northern Ireland, and it is strongest in Derry.", PUB)
    for group, place in (("Hezbollah", "Lebanon"), ("New IRA", "Northern Ireland"), ("New IRA", "Derry")):
        assert has_claim(ex, group, "active_in", place), describe(ex)
    ex = analyse_text("The attack by the New IRA in Derry killed a journalist on Friday.", PUB)
    assert not has_claim(ex, "New IRA", "active_in", "Derry"), describe(ex)


def test_a_claim_for_the_attack_joins_the_attack_not_the_country_fought_for(analyse_text):
    ex = analyse_text("On 2 March, two civilians were killed in an attack on the village of Sushany in the Bryansk "
                      "region. The Russian Volunteer Corps, a unit of volunteers fighting for Ukraine, claimed "
                      "responsibility for the attack.", dt.date(2023, 3, 3))
    assert len(ex.events) == 1 and ex.events[0].place is not None, describe(ex)
    assert _places(ex) == ["Sushany"] and _perpetrators(ex) >= {"Russian Volunteer Corps"}, describe(ex)


def test_an_islamic_state_province_by_its_other_word_order(analyse_text):
    ex = analyse_text("Five soldiers were killed in an attack by Province of Sinai on a checkpoint in North Sinai "
                      "on Sunday.", PUB)
    assert _perpetrators(ex) == {"Islamic State Sinai Province"}, describe(ex)


def _places(ex) -> list[str]:
    return [e.place.name for e in ex.events if e.place is not None]


def test_a_village_no_gazetteer_knows_is_the_place_when_the_grammar_says_so(analyse_text):
    ex = analyse_text("Gunmen killed 12 people in the village of Kwata Zawan in Plateau state on Sunday.", PUB)
    assert _places(ex) == ["Kwata Zawan"], describe(ex)
    ex = analyse_text("The attack by the Oromo Liberation Army took place on Sunday in an area of western Ethiopia "
                      "known as Wollega.", PUB)
    assert _places(ex) == ["Wollega"], describe(ex)


def test_the_named_area_inside_a_district_is_where_it_happened(analyse_text):
    ex = analyse_text("Assailants launched a grenade attack on an army camp in the Kakopathar area of Assam's "
                      "Tinsukia district late Thursday night.", PUB)
    assert _places(ex) == ["Kakopathar"], describe(ex)


def test_a_dateline_is_where_the_report_was_filed_not_the_event(analyse_text):
    ex = analyse_text("ANKARA, Turkey – Eight soldiers were killed on Sunday by roadside bombs in Hakkari province, "
                      "officials said.", dt.date(2015, 9, 7))
    assert _places(ex) == ["Hakkari"], describe(ex)


def test_a_town_in_a_district_and_a_place_near_a_town_in_a_province(analyse_text):
    ex = analyse_text("Eight soldiers were killed on Sunday in the town of Daglica in Yuksekova district.", PUB)
    assert _places(ex) == ["Daglica"], describe(ex)
    ex = analyse_text("Twelve soldiers were killed on Thursday near Tintaypunco in the province of Huancavelica.", PUB)
    assert _places(ex) == ["Tintaypunco"], describe(ex)


def test_a_building_in_a_city_keeps_the_city_apart_from_another_city(analyse_text):
    ex = analyse_text("Al-Shabaab says it is behind an attack on a university in Garissa that killed 15 people. "
                      "Kenyans recalled the siege by al-Shabaab in 2013 on Westgate Mall in Nairobi.",
                      dt.date(2015, 4, 2))
    assert len(ex.events) == 2, describe(ex)


def test_the_same_description_after_a_name_is_the_same_group(analyse_text):
    ex = analyse_text("Armed separatists attacked a village in Cameroon's West region on Sunday, killing seven "
                      "people. Cameroon's Anglophone rebels have fought since 2017. A bomb planted in Bamenda by "
                      "suspected separatists exploded on Monday.", dt.date(2020, 3, 10))
    bamenda = [e for e in ex.events if e.place is not None and e.place.name == "Bamenda"]
    assert bamenda and [p.attribution for p in bamenda[0].perpetrators] == ["suspected"], describe(ex)
