"""How a report tells its events: fights the dead fell in, a later mention that refers back to a complex
attack, an event dated against another, "there" and "they" carrying a place across sentences, and names
the model mislabels once their owner is known."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import describe

PUB = dt.date(2024, 6, 17)  # a Monday


def _perpetrators(ex) -> list[set[str]]:
    return [{p.entity.name for p in e.perpetrators} for e in ex.events]


def test_the_dead_of_a_gunfight_were_one_of_its_sides(analyse_text):
    ex = analyse_text("Twelve Abu Sayyaf men were killed in an encounter with marines in Indanan, Sulu on "
                      "Saturday.", PUB)
    assert [(e.type, e.place.name if e.place else None) for e in ex.events] == [("battles", "Indanan")], describe(ex)
    assert "Abu Sayyaf" in _perpetrators(ex)[0], describe(ex)


@pytest.mark.parametrize("text", [
    "The envoy encountered Taliban officials near Herat on Saturday.",  # meeting someone is no encounter
    "The rebels said their commander was killed in Kidal on Saturday.",  # a group's own dead leader is no attack
])
def test_no_event_is_told(analyse_text, text):
    ex = analyse_text(text, PUB)
    assert not ex.events, describe(ex)


def test_the_fighting_after_a_car_bomb_is_the_same_attack(analyse_text):
    ex = analyse_text("Soldiers on Sunday foiled a suicide car bomb attack on a base in Galkayo. Four soldiers died "
                      "in the heavy fighting that followed, a commander said.", PUB)
    assert [(e.date, e.place is not None, e.killed) for e in ex.events] == [("2024-06-16", True, (4, 4))], \
        describe(ex)


def test_an_event_before_which_others_are_told_has_no_doer_in_them(analyse_text):
    ex = analyse_text("Gunmen killed nine people in Lamu on Saturday. Until Saturday's attack, Kenyan police had "
                      "kept the county calm for a year.", PUB)
    assert all("Kenya Police Service" not in names and "Kenya" not in names for names in _perpetrators(ex)), \
        describe(ex)


def test_a_passive_suspect_the_parser_left_without_subject(analyse_text):
    ex = analyse_text("Gunmen killed six guests at a hotel in Garissa on Saturday. A police chief said on Sunday "
                      "fighters from al-Shabaab were suspected of carrying out the attack.", PUB)
    assert [[(p.entity.name, p.attribution) for p in e.perpetrators] for e in ex.events] == [
        [("al-Shabaab", "suspected")]], describe(ex)


def test_there_and_they_carry_the_place_of_the_sentence_before(analyse_text):
    ex = analyse_text("Garissa county remains tense. Al-Shabaab fighters ambushed a bus there in June 2015 and killed "
                      "ten passengers. In July 2015 they killed twelve quarry workers.", PUB)
    assert [(e.date, e.place.name if e.place else None) for e in ex.events] == [
        ("2015-06", "Garissa"), ("2015-07", "Garissa")], describe(ex)


def test_a_placeless_event_told_by_a_new_doer_keeps_no_place(analyse_text):
    ex = analyse_text("Al-Shabaab fighters ambushed a bus in Lamu in June 2015 and killed ten passengers. In July "
                      "2015 soldiers killed twelve militants.", PUB)
    assert [e.place.name if e.place else None for e in ex.events][1:] in ([], [None]), describe(ex)


def test_an_event_the_report_dates_its_own_against_is_another_one(analyse_text):
    ex = analyse_text("At least 20 people were killed when a suicide bomber struck a market in Quetta on Saturday. "
                      "The attack comes a week after a bomb blast near a school in Mastung killed seven people.", PUB)
    assert sorted((e.place.name, e.date, e.date_precision) for e in ex.events if e.place) == [
        ("Mastung", "2024-06-08", "week"), ("Quetta", "2024-06-15", "day")], describe(ex)


def test_later_mentions_refer_to_the_reports_event_not_the_earlier_one(analyse_text):
    ex = analyse_text("At least 20 people were killed when a suicide bomber struck a market in Quetta on Saturday. "
                      "The attack comes a week after a bomb blast in Balochistan's Mastung district killed seven "
                      "people. The Balochistan Liberation Army claimed responsibility for the blast.", PUB)
    claimed = {e.place.name: {p.entity.name for p in e.perpetrators} for e in ex.events if e.place}
    assert claimed == {"Quetta": {"Balochistan Liberation Army"}, "Mastung": set()}, describe(ex)


def test_a_surname_said_again_is_the_person_not_a_place(analyse_text):
    ex = analyse_text("Division commissioner Hamza Taborqaat confirmed that a blast killed 24 people in Quetta on "
                      "Saturday. Speaking to reporters, Taborqaat said the blast hit a crowded platform.", PUB)
    assert "Taborqaat" not in {e.place.name for e in ex.events if e.place}, describe(ex)
    assert all(m.entity.type == "person" for m in ex.mentions if m.text == "Taborqaat"), describe(ex)


def test_a_surname_with_a_possessive_is_the_person_and_the_named_faction_did_it(analyse_text):
    ex = analyse_text("Rebel leader Tovan Amarech spoke on Monday. On August 4, the breakaway SPLM-IO faction led "
                      "by Amarech’s former chief of staff clashed at Magenis with army soldiers, leaving 34 dead.", PUB)
    assert all(m.entity.type == "person" for m in ex.mentions if m.text.startswith("Amarech")), describe(ex)
    assert [{p.entity.name for p in e.perpetrators} for e in ex.events] == [
        {"Sudan People's Liberation Movement-in-Opposition"}], describe(ex)


def test_the_sentence_after_an_undone_raid_says_who_stormed_the_place(analyse_text):
    ex = analyse_text("On Monday, the town of Palma was shocked by a pre-dawn raid on two police stations. Forty "
                      "gunmen, affiliated with the armed group Ansar Dine, briefly occupied both stations. Nine "
                      "people were killed.", PUB)
    assert [[p.entity.name for p in e.perpetrators] for e in ex.events] == [["Ansar Dine"]], describe(ex)


def test_a_named_group_carried_it_out_at_a_camp(analyse_text):
    ex = analyse_text("At least 30 people were killed in an attack on a camp for displaced people in Ituri on "
                      "Saturday. The attack was carried out by the Union of Farmers of Congo (UFC) rebel group at "
                      "Lokpa camp in the chiefdom of Walendu.", PUB)
    assert [({p.entity.name for p in e.perpetrators}, e.place.name if e.place else None) for e in ex.events] == [
        ({"Union of Farmers of Congo"}, "Lokpa")], describe(ex)


def test_a_claim_about_something_else_names_no_doer(analyse_text):
    ex = analyse_text("At least 30 people were killed in an attack on a village in Ituri on Saturday. A local chief "
                      "named Jean-Paul Bokele claimed that soldiers stationed nearby intervened too late.", PUB)
    assert all(p.attribution != "claimed" for e in ex.events for p in e.perpetrators), describe(ex)


def test_frequent_clashes_are_a_pattern_not_an_event(analyse_text):
    ex = analyse_text("The border area has long been the site of frequent clashes between Iranian security forces "
                      "and smugglers near Saravan.", PUB)
    assert not ex.events, describe(ex)


def test_a_creed_before_region_is_no_place(analyse_text):
    ex = analyse_text("Gunmen killed five police officers in Saravan on Saturday. The attack in the mostly Sunni "
                      "region was the second in a week.", PUB)
    assert "Sunni" not in {m.text for m in ex.mentions if m.entity.type == "place"}, describe(ex)


def test_an_acronym_and_its_long_form_are_one_doer_of_one_event(analyse_text):
    ex = analyse_text("The Kachin Independence Army (KIA) seized a junta camp in Kutkai Township on Saturday. The "
                      "KIA launched an attack on the camp on Friday and took it the next day.", PUB)
    assert len(ex.events) == 1, describe(ex)


@pytest.mark.parametrize(("text", "doers"), [
    # a quoted name after a group noun is the group
    ("A new armed group, “Kwarawas,” also known as Mujahidin, attacked and killed 12 people in Argungu town on "
     "Friday.", {"Kwarawas"}),
    # armed men affiliated with a group are its fighters
    ("An official said on Saturday that a number of armed men affiliated with the Jaish al-Adl group had attacked a "
     "police patrol in Saravan, killing four officers.", {"Jaish al-Adl"}),
])
def test_the_doers_of_the_one_event(analyse_text, text, doers):
    ex = analyse_text(text, PUB)
    assert [{p.entity.name for p in e.perpetrators} for e in ex.events] == [doers], describe(ex)


@pytest.mark.parametrize(("text", "place"), [
    # a place the text writes inside another ("Talipao, Sulu") is one event's
    ("Eight Abu Sayyaf men slain in Sulu clash\n\nEight Abu Sayyaf men were killed in a firefight with marines in "
     "Talipao, Sulu on Saturday.", "Talipao"),
    # a dateline glued to its agency is not the place
    ("Bogota, Jun 15 (EFE).- An attack by the ELN on Saturday in the town of Tame, in Arauca province, left four "
     "soldiers dead.", "Tame"),
    # the town attacked is where it happened, whatever the NER called it
    ("Gangs launched a new assault in Haiti early on Saturday. The attack on Pétionville was led by the Viv Ansanm "
     "coalition, police said.", "Petionville"),
    # a bearing from a landmark is outside it: the province is the place
    ("Rebels ambushed an army convoy in Kunar province, north of Jalalabad, on Saturday.", "Kunar"),
    # a name of several hyphenated parts, the first of them a known name
    ("Gunmen fired at a ranger base in Cho-i-rong district, Narathiwat province, on Sunday, killing two.",
     "Cho-i-rong"),
    # but a town measured from beats a river or a range that has no bounds of its own
    ("Troops attacked KIA positions along the Salween River east of Lashio on Saturday.", "Lashio"),
    # where the blast landed, said after the country, places the one event
    ("Twin bombings in the southern Philippines killed 20 people on Sunday. Two explosions tore through a cathedral "
     "on the island of Jolo during Mass.", "Jolo"),
    ("A bombing in Pakistan killed 12 people on Sunday. The blast hit a market in the town of Parachinar in the "
     "morning.", "Parachinar"),
])
def test_the_place_of_the_one_event(analyse_text, text, place):
    ex = analyse_text(text, PUB)
    assert [e.place.name if e.place else None for e in ex.events] == [place], describe(ex)


def test_blamed_on_is_the_suspect_not_a_victim(analyse_text):
    ex = analyse_text("A bomb killed 12 people in Quetta on Saturday. Officials blamed the attack on the Pakistani "
                      "Taliban.", PUB)
    assert [{(p.entity.name, p.attribution) for p in e.perpetrators} for e in ex.events] == [
        {("Pakistani Taliban", "blamed")}], describe(ex)
    assert not [c for c in ex.claims if c.predicate == "targets" and c.obj.name == "Pakistani Taliban"], describe(ex)


def test_an_accusation_of_something_else_blames_no_one(analyse_text):
    ex = analyse_text("Militants killed eight policemen near Pampore on Saturday. In the wake of the attack, the "
                      "minister accused Pakistan of trying to destabilise India.", PUB)
    assert [([p.entity.name for p in e.perpetrators], e.place.name if e.place else None) for e in ex.events] == [
        ([], "Pampur")], describe(ex)


def test_the_attack_referred_to_takes_no_date_from_another_clause(analyse_text):
    ex = analyse_text("Militants killed eight policemen in Kashmir on Saturday. A team will visit Srinagar on "
                      "Tuesday to look into lapses involved in the attack in Pampore.", PUB)
    assert [(e.date, e.place.name if e.place else None) for e in ex.events] == [("2024-06-15", "Pampur")], \
        describe(ex)


def test_where_the_dead_fell_places_the_raid_and_a_toll_claim_is_no_responsibility(analyse_text):
    ex = analyse_text("The sect leader disputed the number of herders killed at Kukawa community in Borno state. "
                      "He said his fighters killed at least 50 during last Saturday's raid on the herders. The UN "
                      "earlier claimed that 70 herders were killed.", PUB)
    assert [(e.date, e.place.name if e.place else None) for e in ex.events] == [("2024-06-15", "Kukawa")], \
        describe(ex)
    assert not [p for e in ex.events for p in e.perpetrators if p.attribution == "claimed"], describe(ex)


def test_the_main_clause_neither_places_nor_does_an_event_told_after_it(analyse_text):
    ex = analyse_text("Turkey vowed to hunt Kurdish militants in Syria and Iraq, hours after four people were killed "
                      "in an attack at an aircraft plant near Ankara on Wednesday. At least 14 people were injured in "
                      "what Turkey described as a terror attack.", dt.date(2024, 10, 24))
    attack = [e for e in ex.events if e.killed == (4, 4)]
    assert attack and attack[0].place.name == "Ankara", describe(ex)
    assert "Turkey" not in {p.entity.name for p in attack[0].perpetrators}, describe(ex)


def test_a_tally_of_attacks_and_a_clash_in_another_region_are_not_the_ambush(analyse_text):
    ex = analyse_text("ELN rebels ambushed a patrol near a village in Norte de Santander on Saturday, killing three "
                      "soldiers. The army says it prevented 150 terrorist attacks in Arauca this year. In May, the "
                      "army said it killed an ELN commander during a clash in Antioquia.", PUB)
    assert sorted(e.place.name for e in ex.events if e.place) == ["Antioquia", "Norte de Santander"], describe(ex)


def test_a_town_of_a_country_never_named_does_not_split_the_event(analyse_text):
    ex = analyse_text("At least five Iranian police officers were killed in an attack in Sistan and Baluchestan "
                      "province on Saturday. Armed men had attacked police patrols in Sib and Soran counties, an "
                      "official said.", PUB)
    assert [(e.date, e.place.name if e.place else None) for e in ex.events] == [
        ("2024-06-15", "Sistan and Baluchestan")], describe(ex)


def test_an_intended_seizure_is_no_event(analyse_text):
    ex = analyse_text("Last week the group sent gunmen into the province with the intention of seizing the army "
                      "headquarters in Chabahar.", PUB)
    assert not ex.events, describe(ex)


@pytest.mark.parametrize(("text", "doers"), [
    # the group whose men fought in the clash is one of its sides
    ("Three soldiers were killed on Saturday in a clash with Abu Sayyaf militants in Patikul, Sulu.", {"Abu Sayyaf"}),
    # unnamed gunmen killing someone is an event, its doer unknown
    ("Gunmen killed a teacher in Chaman on Saturday.", set()),
])
def test_who_fought_or_killed(analyse_text, text, doers):
    ex = analyse_text(text, PUB)
    assert _perpetrators(ex) == [doers], describe(ex)


def test_one_of_a_kind_is_the_class_not_the_event(analyse_text):
    ex = analyse_text("In one of the deadliest attacks on the police this year, 14 officers were killed in Zamboanga "
                      "on Saturday.", PUB)
    assert [(e.date, e.killed) for e in ex.events] == [("2024-06-15", (14, 14))], describe(ex)


def test_a_chronology_takes_its_doer_and_dates_from_its_list(analyse_text):
    text = ("The Shadow Brigade is a dissident group in Northern Ireland.\n\n"
            "Since 2001 the group is believed to have carried out a number of attacks, including:\n\n"
            "•March 3 2002: Bomb attack on a hotel in Omagh.\n\n"
            "•May 9 2002:\n\nA car bomb attack on a police station in Belfast.\n\n")
    ex = analyse_text(text, dt.date(2003, 1, 1))
    found = {(e.date, e.place.name if e.place else None): e for e in ex.events}
    assert set(found) == {("2002-03-03", "Omagh"), ("2002-05-09", "Belfast")}, describe(ex)
    for e in found.values():
        assert [(p.entity.name, p.attribution) for p in e.perpetrators] == [("Shadow Brigade", "suspected")], \
            describe(ex)


def test_a_list_with_no_doer_in_its_opening_names_none(analyse_text):
    text = ("Northern Ireland has seen many incidents this year, including:\n\n"
            "•March 3 2002: Bomb attack on a hotel in Omagh.\n\n")
    ex = analyse_text(text, dt.date(2003, 1, 1))
    assert [e.perpetrators for e in ex.events] == [[]], describe(ex)


def test_a_town_naming_the_attack_places_it(analyse_text):
    ex = analyse_text("On August 15 1998 the Shadow Brigade carried out the Omagh bombing, killing 29 people in a "
                      "busy town in Co Tyrone, Northern Ireland.", dt.date(1999, 1, 1))
    assert [e.place.name for e in ex.events if e.place] == ["Omagh"], describe(ex)


def test_two_passives_share_their_agent(analyse_text):
    ex = analyse_text("On Sunday, four soldiers were ambushed and killed by Gulf Clan members near the town of "
                      "Ituango, Antioquia department.", dt.date(2021, 11, 8))
    assert [[p.entity.name for p in e.perpetrators] for e in ex.events] == [["Clan del Golfo"]], describe(ex)


def test_a_district_named_as_such_is_no_more_precise_than_the_town_in_it(analyse_text):
    ex = analyse_text("The attack in Pahalgam on April 22 killed 26 tourists. The attack in Pahalgam, a resort in "
                      "Kashmir's Anantnag district, was carried out at noon.", dt.date(2025, 4, 23))
    assert [e.place.name for e in ex.events if e.place] == ["Pahalgam"], describe(ex)


def test_an_unknown_village_inside_a_known_town_is_located_by_the_town(tmp_path):
    from conftest import build_kb

    from dossier.store import Store

    text = ("Gunmen killed three soldiers guarding the hamlet of Quebrada Honda in Ituango on Sunday, "
            "the army said.")
    db = build_kb(tmp_path, [{"id": "d1", "url": "", "title": "t", "publisher": "p", "published": "2021-11-08",
                              "text": text}])
    with Store.from_path(db) as store:
        events = list(store.iter_events())
    assert [(e["place"]["name"], e["place"]["admin1"], e["place"]["precision"]) for e in events] == [
        ("Quebrada Honda", "Antioquia", "city")], events
    assert abs(events[0]["place"]["lat"] - 7.17) < 0.1, events


def test_where_the_attackers_came_from_does_not_place_the_attack(analyse_text):
    ex = analyse_text("Fighter jets launched from Maiduguri, the regional capital, attacked the insurgents as they "
                      "fled on Sunday.", dt.date(2025, 1, 6))
    assert all(e.place is None or e.place.name != "Maiduguri" for e in ex.events), describe(ex)


def test_places_a_border_runs_between_and_a_road_give_way_to_the_village(analyse_text):
    ex = analyse_text("Eight jawans were killed when Maoists detonated an IED on the Bedre-Kutru Road near Ambeli "
                      "village on January 6, 2025. The ambush occurred as personnel returned from an operation along "
                      "the borders of Narayanpur, Dantewada and Bijapur.", dt.date(2025, 1, 7))
    assert [e.place.name for e in ex.events if e.place] == ["Ambeli"], describe(ex)


def test_who_planted_the_bomb_that_exploded_did_it_as_suspected(analyse_text):
    ex = analyse_text("Separatists have been fighting since 2017.\n\nA locally made explosive planted in the town of "
                      "Bamenda by suspected separatists exploded on Sunday.", dt.date(2020, 3, 10))
    assert [[(p.entity.name, p.attribution) for p in e.perpetrators] for e in ex.events] == [
        [("Separatists", "suspected")]], describe(ex)


def test_the_village_named_later_is_where_the_fight_in_an_unnamed_village_was(analyse_text):
    ex = analyse_text("Eight killed as Marines clash with Abu Sayyaf in Sulu\n\nEight people were killed in a "
                      "firefight at a remote village in Indanan town in Sulu on Saturday, the army said. Troops were "
                      "tracking suspects in recent kidnapping incidents in Sulu when the firefight in Barangay "
                      "Buhanginan occurred, a spokesman said.", PUB)
    assert [e.place.name for e in ex.events] == ["Buhanginan"], describe(ex)


def test_where_the_doers_are_from_is_not_where_they_struck(analyse_text):
    ex = analyse_text("Militants based in Kidal attacked an army base in Aguelhok on Sunday, killing ten soldiers.",
                      PUB)
    assert [e.place.name for e in ex.events] == ["Aguelhok"], describe(ex)
