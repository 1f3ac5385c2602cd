"""Places of events that the gazetteer lacks or knows only elsewhere, headlines that describe a group in capitals,
claims made in so many words ("made the claim"), a month told before the report's week, and claims over several
events at once."""

from __future__ import annotations

import datetime as dt

from conftest import describe, doers, event_places, has_claim, literal_claims

from dossier.nlp.places import gazetteer

PUB = dt.date(2024, 3, 9)  # a Saturday


def test_a_village_set_beside_the_district_holding_it_is_where_it_happened(analyse_text):
    ex = analyse_text("A night raid by jihadists left 20 farmers dead in a village in Nigeria's Borno state. The raid "
                      "took place on Thursday in Kawuri Gana -- a community in the Bama local government area.", PUB)
    assert event_places(ex) == ["Kawuri Gana"], describe(ex)
    place = ex.events[0].place
    assert place.country == "NG" and place.admin1 == "Borno", describe(ex)


def test_taking_place_on_a_day_dates_the_event(analyse_text):
    ex = analyse_text("The attack by Boko Haram took place on Thursday in Konduga, where families had recently "
                      "returned.", PUB)
    assert [(e.date, e.date_precision) for e in ex.events] == [("2024-03-07", "day")], describe(ex)


def test_a_town_known_only_abroad_keeps_its_name_and_is_located_by_its_province(analyse_text):
    ex = analyse_text("Rebels killed four soldiers on Tuesday in a rural part of Versalles, in Colombia's western "
                      "Valle del Cauca province.", PUB)
    place = ex.events[0].place
    assert place.name == "Versalles" and place.country == "CO", describe(ex)
    assert place.admin1 == gazetteer().lookup("Valle del Cauca").name, describe(ex)
    assert not any("French" in c.obj.name for c in ex.claims if hasattr(c.obj, "name")), describe(ex)


def test_the_town_of_a_name_is_a_town_though_a_region_abroad_shares_it(analyse_text):
    ex = analyse_text("A car bomb exploded on Friday outside a police station in Spain's northern Basque region. "
                      "The blast injured two officers at the station in the town of Durango.", PUB)
    assert event_places(ex) == ["Durango"], describe(ex)


def test_english_names_of_european_regions_are_known():
    for name, iso in [("Basque Country", "ES-PV"), ("Catalonia", "ES-CT"), ("Bavaria", "DE-BY"),
                      ("Sicily", "IT-82"), ("Brittany", "FR-BRE")]:
        place = gazetteer().lookup(name)
        assert place is not None and place.iso == iso, (name, place)


def test_a_superlative_in_a_headline_describes_a_group_and_names_none(analyse_text):
    ex = analyse_text("Exclusive: A Look into 'Clan del Golfo,' Colombia's Largest Paramilitary Group\n\nThe "
                      "government believes it is planning attacks on police.", PUB)
    assert not [c for c in ex.claims if "Largest" in c.subject.name], describe(ex)
    assert has_claim(ex, "Clan del Golfo", "targets", "National Police of Colombia"), describe(ex)


def test_a_dense_presence_in_departments_listed_places_each(analyse_text):
    ex = analyse_text("The Gulf Clan has a heavy concentration in the north, especially in the Caribbean departments "
                      "of Sucre and Bolivar.", PUB)
    for place in ("Sucre", "Bolivar"):
        assert has_claim(ex, "Clan del Golfo", "active_in", place), describe(ex)
    assert not [c for c in ex.claims if c.predicate == "active_in" and "Caribbean" in c.obj.name], describe(ex)


def test_control_across_a_nations_territory_is_the_country(analyse_text):
    ex = analyse_text("The Gulf Clan has control across all Colombian territory.", PUB)
    assert has_claim(ex, "Clan del Golfo", "active_in", "Colombia"), describe(ex)


def test_a_group_that_made_the_claim_claimed_the_bombing(analyse_text):
    ex = analyse_text("A bomb exploded outside a bar in Derry on Friday. The New IRA made the claim in a call to a "
                      "newspaper.", PUB)
    assert doers(ex) == [["New IRA"]], describe(ex)
    assert ex.events[0].perpetrators[0].attribution == "claimed", describe(ex)


def test_making_the_claim_that_something_happened_claims_no_attack(analyse_text):
    ex = analyse_text("A bomb exploded outside a bar in Derry on Friday. The New IRA made the claim that police had "
                      "been warned.", PUB)
    assert doers(ex) == [[]], describe(ex)


def test_a_bearing_measured_from_a_capital_named_after_of_leaves_the_district(analyse_text):
    ex = analyse_text("AQIM said on Saturday that it killed nine soldiers in an ambush south of the country's "
                      "capital of Algiers in the Medea district last week.", PUB)
    assert event_places(ex) == ["Medea"], describe(ex)


def test_last_month_in_a_report_of_this_weeks_attack_is_another_event(analyse_text):
    ex = analyse_text("Al Qaeda kills soldiers in ambush\n\nAQIM claimed on Saturday killing 14 soldiers in an ambush "
                      "in the Medea district last week. Last month the army announced killing 25 militants near "
                      "Skikda. On Sunday, the ministry confirmed the attack officially in a statement.",
                      dt.date(2024, 3, 28))
    assert event_places(ex) == ["Medea", "Skikda"], describe(ex)  # "the attack" is the report's own


def test_a_claim_for_both_attacks_goes_to_each_of_the_two_told_before(analyse_text):
    ex = analyse_text("A bomb planted at a bank in Athens on Feb. 18 failed to go off. Monday's attack on a branch of "
                      "the bank in Piraeus caused damage. Revolutionary Struggle claimed responsibility for both "
                      "attacks.", PUB)
    assert doers(ex) == [["Revolutionary Struggle"], ["Revolutionary Struggle"]], describe(ex)
    assert {p.attribution for e in ex.events for p in e.perpetrators} == {"claimed"}, describe(ex)


def test_a_claim_for_both_attacks_when_one_event_was_told_goes_to_none(analyse_text):
    ex = analyse_text("Militants killed 14 soldiers in an ambush in Medea province on Tuesday, AQIM said. Officials "
                      "said the gunmen who stormed the Bardo museum and a resort in Sousse had trained in Libya. "
                      "Islamic State claimed responsibility for both attacks.", PUB)
    assert not any(p.entity.name == "Islamic State" for e in ex.events for p in e.perpetrators), describe(ex)


def test_a_long_known_name_in_another_case_is_the_group(nlp):
    doc = nlp("In addition, al-Qaeda in the Indian subcontinent ran a steady propaganda campaign.")
    assert [(e.text, e.ent_id_) for e in doc.ents if e.label_ == "ARMED_GROUP"] == [
        ("al-Qaeda in the Indian subcontinent", "gaz:al-qaeda-in-the-indian-subcontinent")]


def test_a_name_written_without_its_diacritics_is_the_group(nlp):
    doc = nlp("The cartel is also known as Los Urabenos, a name the government gave it.")
    assert [(e.text, e.ent_id_) for e in doc.ents if e.label_ == "ARMED_GROUP"] == [
        ("Los Urabenos", "gaz:clan-del-golfo")]


def test_a_short_name_in_lower_case_is_no_name(nlp):
    doc = nlp("They want to build an Islamic state in the region.")
    assert not [e for e in doc.ents if e.label_ == "ARMED_GROUP"]


def test_a_note_mark_after_a_full_stop_ends_the_sentence(nlp):
    doc = nlp("The Noble Ones are one of the largest militias in the Popular Mobilization Forces (PMF).[2] It is run "
              "by the Qods Force.[3] A base of the G5 [Sahel] force was hit.")
    assert [s.text for s in doc.sents] == [
        "The Noble Ones are one of the largest militias in the Popular Mobilization Forces (PMF).[2]",
        "It is run by the Qods Force.[3]", "A base of the G5 [Sahel] force was hit."]
    assert "force.[3" not in [t.text for t in doc]


def test_a_list_of_provinces_the_parser_broke_still_places_the_group(analyse_text):
    ex = analyse_text("Kataib Sayyid al-Shuhada is an Iraqi militia. Its fighters are deployed mainly in the "
                      "provinces of Baghdad, Salah al-Din, Diyala, and Nineveh.", PUB)
    for place in ("Baghdad", "Salah al-Din", "Diyala", "Nineveh"):
        assert has_claim(ex, "Kataib Sayyid al-Shuhada", "active_in", place), describe(ex)


def test_a_group_that_numbers_a_range_read_as_a_noun(analyse_text):
    ex = analyse_text("The Nujaba Movement numbers 8,000-10,000 operatives organized in three brigades.", PUB)
    assert literal_claims(ex, "Harakat Hezbollah al-Nujaba", "size") == [{"low": 8000, "high": 10000}], describe(ex)


def test_the_creation_announced_on_a_date_founds_the_group_then(analyse_text):
    ex = analyse_text("In September 2014, al-Qaeda leader Ayman al-Zawahiri announced the creation of regional "
                      "affiliate al-Qaeda in the Indian Subcontinent.", PUB)
    assert literal_claims(ex, "al-Qaeda in the Indian Subcontinent", "founded") == [
        {"date": "2014-09", "precision": "month"}], describe(ex)


def test_counts_of_coordinated_victims_add_up(analyse_text):
    ex = analyse_text("Two American soldiers and two Afghans were killed in a suicide attack in Khost on Monday. "
                      "Gunmen killed three soldiers and a policeman in Kabul on Tuesday. At least 25 civilians and 3 "
                      "soldiers were killed in Herat on Wednesday. Militants killed 10 people, including 3 children, "
                      "in Kunduz on Thursday.", PUB)
    assert [e.killed for e in ex.events] == [(4, 4), (4, 4), (28, None), (10, 10)], describe(ex)


def test_a_clause_hung_on_the_time_after_the_event_word_tells_where(analyse_text):
    ex = analyse_text("A car bomb exploded on Friday outside a police station in Spain's northern Basque region. "
                      "\"It was ETA,\" an officer told reporters after the blast at around 4:00 am (0200 GMT) which "
                      "slightly injured two officers at the station in the town of Durango.", PUB)
    assert event_places(ex) == ["Durango"], describe(ex)
