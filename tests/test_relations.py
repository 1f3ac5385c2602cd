"""Claims for each of the 14 predicates, coreference and acronym definitions, on short generic sentences.

Groups from several regions (Horn of Africa, Lake Chad, Sahel, Colombia, Levant) and invented
names, so the rules are checked as general behaviour rather than tuned to one corpus.
"""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import claims_of, describe, has_claim, literal_claims, same_name

from dossier.model import PREDICATES, EntityRef

PUB = dt.date(2021, 8, 28)

# (sentence, subject, predicate, entity object)
ENTITY_CLAIMS = [
    # part_of
    ("Al-Shabaab is an affiliate of al-Qaeda.", "al-Shabaab", "part_of", "al-Qaeda"),
    ("JNIM is the Sahel branch of al-Qaeda.", "JNIM", "part_of", "al-Qaeda"),
    ("JNIM is an al-Qaeda affiliate.", "JNIM", "part_of", "al-Qaeda"),
    ("JNIM pledged allegiance to al-Qaeda.", "JNIM", "part_of", "al-Qaeda"),
    ("Al-Shabaab is part of al-Qaeda.", "al-Shabaab", "part_of", "al-Qaeda"),
    ("Kataib Sayyid al-Shuhada is a militia operating under the Popular Mobilization Forces.",
     "Kataib Sayyid al-Shuhada", "part_of", "Popular Mobilization Forces"),
    ("The Haqqani network operates under the Taliban umbrella.", "Haqqani network", "part_of", "Taliban"),
    # "the rebels" read as the ELN, said to be part of a front "of the ELN": the front is the ELN's
    ("ELN militants planted a bomb on Sunday. The army said the rebels were part of the Jose Solano Front of the "
     "ELN.", "Jose Solano Front", "part_of", "ELN"),
    # a political wing speaks for the armed group; it is not a unit of it
    ("The PKK was founded in 1978. Its political wing, the Kurdistan Democratic Union, was formed later.",
     "Kurdistan Democratic Union", "linked_to", "PKK"),
    ("The PKK was founded in 1978. Many voted for its political wing, Azadiya.", "Azadiya", "linked_to", "PKK"),
    ("Taliban-ISKP clashes left 12 dead in Kunar.", "Taliban", "opposes", "ISKP"),
    ("The ambush set off an ELN-FARC war in Arauca.", "ELN", "opposes", "FARC"),
    # split_from
    ("ISWAP split from Boko Haram in 2016.", "ISWAP", "split_from", "Boko Haram"),
    ("ISWAP is a splinter group of Boko Haram.", "ISWAP", "split_from", "Boko Haram"),
    # based_in
    ("Al-Shabaab is based in southern Somalia.", "al-Shabaab", "based_in", "Somalia"),
    ("The convoy was ambushed in Lower Shabelle region, a stronghold of al-Shabaab.", "al-Shabaab", "based_in",
     "Lower Shabelle"),
    ("The Kivu Defence Brigade is based in Goma.", "Kivu Defence Brigade", "based_in", "Goma"),
    ("The Allied Democratic Forces is based in North Kivu.", "Allied Democratic Forces", "based_in", "North Kivu"),
    # a base told as a clause's subject, and the country its region is "of"; where a group operates from
    ("The Front for Justice in Chad (FJC) is a rebel group. Its main base is in the Kufra region of south-eastern "
     "Libya.", "FJC", "based_in", "Kufra"),
    ("The Front for Justice in Chad (FJC) is a rebel group. Its main base is in the Kufra region of south-eastern "
     "Libya.", "FJC", "based_in", "Libya"),
    ("RED-Tabara operates out of the DRC’s volatile eastern region, in South Kivu province.", "RED-Tabara",
     "based_in", "South Kivu"),
    ("The Kivu Defence Front, an armed group operating from Uvira, attacked Fizi on Monday.", "Kivu Defence Front",
     "based_in", "Uvira"),
    # a gazetteer name "X in the Y" written "X of Y"
    ("Islamic State of Greater Sahara has established fighters in Tangaza.", "IS-GS", "active_in", "Tangaza"),
    # affiliated with "the Al-Qaeda insurgency JNIM": the name after the noun
    ("Lakurawa is affiliated with the expansionist Al-Qaeda insurgency Jama’a Nusrat ul-Islam wa al-Muslimin "
     "originating in Mali.", "Lakurawa", "part_of", "JNIM"),
    # active_in
    # (an adjective for an area or a country, also in a fronted "Active in ..., the group")
    ("The Islamic Movement of Uzbekistan is an insurgent group. Active in several Central Asian regions, the group "
     "has been under strict monitoring.", "Islamic Movement of Uzbekistan", "active_in", "Central Asia"),
    ("The Taliban operate in several Afghan provinces.", "Taliban", "active_in", "Afghanistan"),
    ("JNIM operates in Burkina Faso and Niger.", "JNIM", "active_in", "Burkina Faso"),
    ("JNIM operates in Burkina Faso and Niger.", "JNIM", "active_in", "Niger"),
    # leader
    ('Los Zetas are led by Heriberto "El Verdugo" Lazcano.', "Los Zetas", "leader", "Heriberto Lazcano"),
    ("Al-Shabaab is led by Ahmad Umar.", "al-Shabaab", "leader", "Ahmad Umar"),
    ("The Mountain Lions Brigade is led by Omar Farouk.", "Mountain Lions Brigade", "leader", "Omar Farouk"),
    ("Ahmad Umar is the leader of al-Shabaab.", "al-Shabaab", "leader", "Ahmad Umar"),
    ("Ahmad Umar, the leader of al-Shabaab, was killed.", "al-Shabaab", "leader", "Ahmad Umar"),
    ("The Lord's Resistance Army is led by Joseph Kony.", "Lord's Resistance Army", "leader", "Joseph Kony"),
    ("Ahmad Umar runs the day-to-day operations of al-Shabaab.", "al-Shabaab", "leader", "Ahmad Umar"),
    ("Ahmad Umar, who is the head of al-Shabaab, was killed.", "al-Shabaab", "leader", "Ahmad Umar"),
    # (another name of the umbrella, "also known as", does not take over what "it" refers to)
    ("Kataib Hezbollah is a militia operating under Hashd al Shaabi, also known as the Popular Mobilization Forces "
     "(PMF). It is led by Abu Mahdi al Muhandis.", "Kataib Hezbollah", "leader", "Abu Mahdi al Muhandis"),
    # (surnames the place ruler took one by one; "the gang's boss" refers back)
    ("Tren de Aragua is a prison gang. But the gang’s boss, Hector Guerrero Flores, escaped.", "Tren de Aragua",
     "leader", "Hector Guerrero Flores"),
    # a name beside a leader's title, or before ", who", is a person's whatever the NER took it for
    ("The Comando Norte (CN) is a prison gang. The gang’s current boss, Tarcola, began as a pickpocket.",
     "Comando Norte", "leader", "Tarcola"),
    ("The Front for Justice in Chad (FJC) is a rebel group. Their leader is Mahamat Mahadi Ali, who studied in "
     "Paris.", "FJC", "leader", "Mahamat Mahadi Ali"),
    # member_of
    ("Ahmed Musa serves as the spokesman of the Oromo Liberation Army.", "Ahmed Musa", "member_of",
     "Oromo Liberation Army"),
    ("Bilal Rather, the Baramulla district commander of the Hizb-ul Mujahideen, surrendered on Tuesday.",
     "Bilal Rather", "member_of", "Hizbul Mujahideen"),
    ("Farooq Dar, a commander of the Hizb ul Mujahideen, was arrested in Sopore.", "Farooq Dar", "member_of",
     "Hizbul Mujahideen"),
    ("Abu Bakr Shekau is a member of Boko Haram.", "Abu Bakr Shekau", "member_of", "Boko Haram"),
    ("Abu Bakr Shekau joined Boko Haram in 2003.", "Abu Bakr Shekau", "member_of", "Boko Haram"),
    ("Ahmad Umar is a senior al-Shabaab commander.", "Ahmad Umar", "member_of", "al-Shabaab"),
    # split_from, in an apposition to a group noun that carries the parent's name
    ("Later, a TTP splinter group, Hizb-ul-Ahrar, said that it carried out the raid.", "Hizb-ul-Ahrar",
     "split_from", "TTP"),
    ("Police arrested Ahmad Umar, one of the top leaders of al-Shabaab.", "Ahmad Umar", "member_of", "al-Shabaab"),
    ("Ahmad Umar, one of the commanders of al-Shabaab, was killed.", "Ahmad Umar", "member_of", "al-Shabaab"),
    # linked_to
    ("The Libyan National Army is led by Marshal Khalifa Haftar. The Kaniyat militia allied itself with Marshal "
     "Haftar in 2019.", "al-Kaniyat", "linked_to", "Khalifa Haftar"),
    ("Hezbollah is backed by Iran.", "Hezbollah", "linked_to", "Iran"),
    ("Hezbollah has close links to Iran.", "Hezbollah", "linked_to", "Iran"),
    ("Hezbollah has links with Hamas.", "Hezbollah", "linked_to", "Hamas"),
    ("Hezbollah supports Hamas.", "Hezbollah", "linked_to", "Hamas"),
    ("The Red Hand Brigade is allied with the Continuity Brigade.", "Red Hand Brigade", "linked_to",
     "Continuity Brigade"),
    # opposes
    ("The ELN has clashed with FARC dissidents in Arauca.", "ELN", "opposes", "FARC dissidents"),
    ("The Red Hand Brigade opposes the Continuity Brigade.", "Red Hand Brigade", "opposes", "Continuity Brigade"),
    ("The Red Hand Brigade is a rival of the Continuity Brigade.", "Red Hand Brigade", "opposes",
     "Continuity Brigade"),
    ("The Red Hand Brigade is fighting the Continuity Brigade.", "Red Hand Brigade", "opposes",
     "Continuity Brigade"),
    ("Hezbollah has fought against Israel.", "Hezbollah", "opposes", "Israel"),
    # targets (entity objects)
    ("Al-Shabaab has targeted Christians.", "al-Shabaab", "targets", "Christians"),
    # recruits_from (entity object)
    ("Al-Shabaab recruits heavily among Somali refugees.", "al-Shabaab", "recruits_from", "refugees"),
    # profile sentences (see test_profile_sentences.py)
    # a leader introduced by a nationality and the name he uses: the name leads, not the nationality
    ("Harakat al-Nujaba is a militia. The group's current leader, an Iraqi who uses the nom de guerre Abu Karim, "
     "fought in Syria.", "Harakat al-Nujaba", "leader", "Abu Karim"),
    # a former leader of the group named with its possessive led it (not "a former X leader": one of many)
    ("Al-Shabaab has ties to al-Qaeda, and its former leader Ahmed Godane was killed by a US strike.", "al-Shabaab",
     "leader", "Ahmed Godane"),
    # a place a "where" clause describes, also through an apposition
    ("Troops massed outside Idlib, the last opposition enclave, where Hayat Tahrir al-Sham holds sway.",
     "Hayat Tahrir al-Sham", "active_in", "Idlib"),
    # a share of a province held
    ("Hayat Tahrir al-Sham controls about 70 percent of Idlib province.", "Hayat Tahrir al-Sham", "active_in",
     "Idlib"),
    # arriving as an extension of another group
    ("Jabhat al-Nusra entered Syria as an extension of al-Qaeda in Iraq.", "Jabhat al-Nusra", "part_of",
     "al-Qaeda in Iraq"),
    # a merger of another group's branches: the whole belongs to that group
    ("AQIM is the outcome of a 2007 merger of al-Qaeda's Algerian and Tunisian cells.", "AQIM", "part_of",
     "al-Qaeda"),
    # "likely to be" the foe: the copula's subject is the rival
    ("The Syrian regime shelled Idlib. Hayat Tahrir al-Sham is likely to be the regime's strongest enemy.",
     "Hayat Tahrir al-Sham", "opposes", "Syrian regime"),
    # "the jihadist alliance" refers back to the group of the passage, whose name does not end in "alliance"
    ("Government planes bombed Idlib, where jihadist group Hayat Tahrir al-Sham holds sway. The jihadist alliance "
     "is the regime's fiercest enemy.", "Hayat Tahrir al-Sham", "opposes", "Syrian regime"),
    # a base from which a group operates, told through its bases
    ("AQAP, operating from its bases in Yemen's lawless south, threatens shipping.", "AQAP", "based_in", "Yemen"),
]


@pytest.mark.parametrize(("text", "subject", "predicate", "obj"), ENTITY_CLAIMS,
                         ids=[f"{p}:{t[:40]}" for t, _s, p, _o in ENTITY_CLAIMS])
def test_entity_claims(analyse_text, text, subject, predicate, obj):
    ex = analyse_text(text, PUB)
    assert has_claim(ex, subject, predicate, obj) is not None, describe(ex)


# (sentence, subject, predicate, words that must appear in the text object)
TEXT_CLAIMS = [
    ("Al-Shabaab has targeted African Union peacekeepers.", "al-Shabaab", "targets", "peacekeepers"),
    ("Boko Haram has targeted schools and churches.", "Boko Haram", "targets", "schools"),
    ("Boko Haram has targeted schools and churches.", "Boko Haram", "targets", "churches"),
    ("The ELN has attacked oil pipelines in Arauca.", "ELN", "targets", "oil pipelines"),
    ("The ELN kidnapped oil workers.", "ELN", "targets", "oil workers"),
    ("Al-Shabaab is a Salafi jihadist group.", "al-Shabaab", "ideology", "Salafi jihadist"),
    ("Hezbollah is a Shia Islamist militant group.", "Hezbollah", "ideology", "Islamist"),
    ("The ELN is a Marxist guerrilla group.", "ELN", "ideology", "Marxist"),
    ("The ELN is a leftist rebel group.", "ELN", "ideology", "leftist"),
    ("The Continuity IRA dissident republican group planted a bomb.", "Continuity IRA", "ideology",
     "dissident republican"),
    ("However, the lawmaker representing Funtua Constituency in the State House of Assembly, Musa Danjuma, claimed "
     "that 50 worshippers were killed.", "Musa Danjuma", "role", "lawmaker representing Funtua Constituency"),
    ("Ahmad Umar, a spokesman for al-Shabaab, said the group would fight on.", "Ahmad Umar", "role", "spokesman"),
    ("Ahmad Umar is a senior al-Shabaab commander.", "Ahmad Umar", "role", "commander"),
]


@pytest.mark.parametrize(("text", "subject", "predicate", "words"), TEXT_CLAIMS,
                         ids=[f"{p}:{t[:40]}" for t, _s, p, _w in TEXT_CLAIMS])
def test_text_claims(analyse_text, text, subject, predicate, words):
    ex = analyse_text(text, PUB)
    texts = [o.get("text", "") for o in literal_claims(ex, subject, predicate)]
    assert any(words.lower() in t.lower() for t in texts), describe(ex)


def test_a_person_killed_is_a_victim_not_a_kind_of_target(analyse_text):
    ex = analyse_text("Two years ago, the Continuity IRA murdered Patrick Kelly, a journalist, in Lurgan.", PUB)
    assert not [c for c in claims_of(ex, "targets") if isinstance(c.obj, EntityRef)], describe(ex)


def test_joining_a_group_in_its_attacks_is_fighting_beside_it(analyse_text):
    ex = analyse_text("A TNLA colonel said that Arakan Army members may have joined the MNDAA in the attacks.", PUB)
    assert has_claim(ex, "Arakan Army", "linked_to", "MNDAA"), describe(ex)
    assert not claims_of(ex, "part_of"), describe(ex)


def test_one_of_its_leaders_does_not_lead_the_group(analyse_text):
    ex = analyse_text("Ahmad Umar is one of the leaders of al-Shabaab.")
    assert has_claim(ex, "Ahmad Umar", "member_of", "al-Shabaab")
    assert not claims_of(ex, "leader")
    assert [c.obj["text"] for c in claims_of(ex, "role")] == ["one of the leaders of al-Shabaab"]


def test_text_objects_are_phrases_not_sentences(analyse_text):
    ex = analyse_text("The ELN has attacked oil pipelines in Arauca.", PUB)
    for c in ex.claims:
        if isinstance(c.obj, dict) and "text" in c.obj:
            assert len(c.obj["text"].split()) <= 12


def test_founded_and_size_literals(analyse_text):
    ex = analyse_text("Al-Shabaab was founded in 2006. It has about 7,000 fighters.", PUB)
    assert {"date": "2006", "precision": "year"} in literal_claims(ex, "al-Shabaab", "founded"), describe(ex)
    assert any(s.get("value") == 7000 for s in literal_claims(ex, "al-Shabaab", "size")), describe(ex)


def test_a_which_clause_after_a_nested_name_is_about_that_name(analyse_text):
    """The parser hangs ", which was formed" on "wing"; the clause is about the organisation named before it, and
    the armed wing and its political organisation stay two entities."""
    ex = analyse_text("The UWSA is the armed wing of the United Wa State Party (UWSP), which was formed in 1989.", PUB)
    assert literal_claims(ex, "United Wa State Party", "founded") == [{"date": "1989", "precision": "year"}], \
        describe(ex)
    assert literal_claims(ex, "United Wa State Army", "founded") == [], describe(ex)
    assert has_claim(ex, "United Wa State Army", "part_of", "United Wa State Party"), describe(ex)


def test_every_predicate_is_covered():
    covered = {p for _t, _s, p, _o in ENTITY_CLAIMS} | {p for _t, _s, p, _w in TEXT_CLAIMS} | {"founded", "size"}
    assert covered == set(PREDICATES)


# ---------------------------------------------------------------- no false claims


@pytest.mark.parametrize("text", [
    "The weather in Mogadishu was hot on Saturday.",
    "Hezbollah held a rally.",
    "Boko Haram released a video.",
    # what the insurgencies are linked to, not the army that fights them
    "Nigeria's army, which struggles to contain insurgencies linked to al-Qaeda, asked for help.",
])
def test_sentences_without_relations_give_no_relational_claims(analyse_text, text):
    ex = analyse_text(text, PUB)
    assert [c for c in ex.claims if isinstance(c.obj, EntityRef)] == [], describe(ex)


def test_killing_is_not_a_size(analyse_text):
    ex = analyse_text("Boko Haram fighters killed 30 soldiers.", PUB)
    assert claims_of(ex, "size") == [], describe(ex)


def test_evidence_is_the_sentence(analyse_text):
    text = "Boko Haram is a jihadist group in Nigeria. It is led by Abu Bakr Shekau."
    ex = analyse_text(text, PUB, doc_id="doc-7")
    claim = has_claim(ex, "Boko Haram", "leader", "Abu Bakr Shekau")
    assert claim is not None, describe(ex)
    p = claim.provenance
    assert p.doc_id == "doc-7" and p.sentence == 1
    assert p.evidence == "It is led by Abu Bakr Shekau."
    assert text[p.start:p.end] in p.evidence


# ---------------------------------------------------------------- coreference


@pytest.mark.parametrize("second", ["The group was founded in 2006.", "It was founded in 2006."])
def test_coreference_founded(analyse_text, second):
    ex = analyse_text(f"Al-Shabaab is an Islamist militant group in Somalia. {second}", PUB)
    assert {"date": "2006", "precision": "year"} in literal_claims(ex, "al-Shabaab", "founded"), describe(ex)


@pytest.mark.parametrize("second", ["The movement is led by Abu Bakr Shekau.", "It is led by Abu Bakr Shekau."])
def test_coreference_leader(analyse_text, second):
    ex = analyse_text(f"Boko Haram is a jihadist group in Nigeria. {second}", PUB)
    assert has_claim(ex, "Boko Haram", "leader", "Abu Bakr Shekau") is not None, describe(ex)


@pytest.mark.parametrize("second", ["It has about 7,000 fighters.", "The group has about 7,000 fighters."])
def test_coreference_size(analyse_text, second):
    ex = analyse_text(f"Boko Haram is a jihadist group in Nigeria. {second}", PUB)
    assert any(s.get("value") == 7000 for s in literal_claims(ex, "Boko Haram", "size")), describe(ex)


def test_coreference_spokesman_for_the_group(analyse_text):
    ex = analyse_text("Al-Shabaab carried out the attack. Hassan Ali, a spokesman for the group, said the "
                      "fighters had withdrawn.", PUB)
    members = [c for c in claims_of(ex, "member_of") if same_name(c.obj, "al-Shabaab")]
    assert members, describe(ex)


def test_coreference_to_invented_group(analyse_text):
    ex = analyse_text("The Ogaden Freedom Army (OFA) is based in Jigjiga. It was founded in 2012.", PUB)
    assert {"date": "2012", "precision": "year"} in literal_claims(ex, "Ogaden Freedom Army", "founded"), describe(ex)


def test_pronoun_without_antecedent_gives_no_claim(analyse_text):
    ex = analyse_text("It was founded in 2006.", PUB)
    assert claims_of(ex, "founded") == [], describe(ex)


# ---------------------------------------------------------------- acronyms defined in the text


def test_acronym_definition_links_later_mentions(analyse_text):
    ex = analyse_text("The Allied Democratic Forces (ADF) is an armed group. The ADF is based in North Kivu.", PUB)
    claim = has_claim(ex, "Allied Democratic Forces", "based_in", "North Kivu")
    assert claim is not None, describe(ex)
    assert claim.subject.name == "Allied Democratic Forces"
    assert "ADF" in claim.subject.aliases


def test_invented_acronym_definition(analyse_text):
    ex = analyse_text("The Ogaden Freedom Army (OFA) is based in Jigjiga. The OFA was founded in 2012.", PUB)
    founded = claims_of(ex, "founded", "Ogaden Freedom Army")
    assert founded, describe(ex)
    assert founded[0].subject.name == "Ogaden Freedom Army" and "OFA" in founded[0].subject.aliases
    assert founded[0].provenance.sentence == 1


def test_acronym_and_long_form_are_one_entity(analyse_text):
    ex = analyse_text("The Lord's Resistance Army (LRA) was founded in 1987. The LRA is led by Joseph Kony.", PUB)
    keys = {c.subject.key for c in ex.claims}
    assert len(keys) == 1, describe(ex)
    assert has_claim(ex, "LRA", "leader", "Joseph Kony") is not None


def test_known_acronym_resolves_to_gazetteer_name(analyse_text):
    ex = analyse_text("The ELN has more than 2,000 members.", PUB)
    sizes = claims_of(ex, "size")
    assert sizes and same_name(sizes[0].subject, "ELN"), describe(ex)
    assert sizes[0].subject.key.startswith("gaz:")


@pytest.mark.parametrize(("text", "group", "other", "person"), [
    # a subject of a side clause does not take over the passage
    ("The Haqqani network is based in North Waziristan. Its founder allied with the Taliban when the Taliban held "
     "power in Kabul. Sirajuddin Haqqani now leads the day-to-day activities of the group.", "Haqqani network",
     "Taliban", "Sirajuddin Haqqani"),
    # a group coordinated with the subject does, not the group its description names
    ("The Colombian government and the Segunda Marquetalia, a dissident faction of the now-disbanded Revolutionary "
     "Armed Forces of Colombia (FARC) guerrillas, opened talks on Monday. The talks were announced in Caracas. The "
     "group of former guerrilla members is led by Luciano Martin Arango.", "Segunda Marquetalia", "FARC",
     "Luciano Martin Arango"),
])
def test_the_group_the_passage_is_about_is_the_one_led(analyse_text, text, group, other, person):
    ex = analyse_text(text, PUB)
    assert has_claim(ex, group, "leader", person), describe(ex)
    assert not has_claim(ex, other, "leader", person), describe(ex)


def test_groups_listed_before_which_share_the_description(analyse_text):
    ex = analyse_text("Examples include the Nazir Group and Hafiz Gul Bahadur Group, which are part of the "
                      "Pakistani Taliban, but not the TTP.", PUB)
    parts = {c.subject.name for c in ex.claims if c.predicate == "part_of"}
    assert parts == {"Nazir Group", "Hafiz Gul Bahadur group"}, describe(ex)


def test_a_creed_on_a_noun_that_refers_back_describes_the_group(analyse_text):
    ex = analyse_text("JNIM attacked a military camp in Niafunke on Friday. The jihadist group said it killed 20 "
                      "soldiers.", PUB)
    assert {"text": "jihadist"} in literal_claims(ex, "JNIM", "ideology"), describe(ex)


def test_people_a_title_includes_hold_it(analyse_text):
    ex = analyse_text("The leaders of al-Shabaab include Ahmad Umar and Mahad Karate.", PUB)
    assert has_claim(ex, "al-Shabaab", "leader", "Ahmad Umar"), describe(ex)
    assert has_claim(ex, "al-Shabaab", "leader", "Mahad Karate"), describe(ex)
    ex = analyse_text("Senior members of Boko Haram include Abu Musab al-Barnawi.", PUB)
    assert has_claim(ex, "Abu Musab al-Barnawi", "member_of", "Boko Haram"), describe(ex)
    assert not [c for c in ex.claims if c.predicate == "leader"], describe(ex)


@pytest.mark.parametrize(("text", "ideology"), [
    ("The PKK was founded on Marxist-Leninist ideology.", "Marxist-Leninist ideology"),
    ("The PKK stood for autonomy for Kurds.", "autonomy for Kurds"),
    ("The PKK stood for autonomy and cultural rights for Kurds.", "autonomy and cultural rights"),  # one aim
    ("The PKK's aims are self-determination for the Kurdish people.", "self-determination for the Kurdish people"),
])
def test_professed_creeds_and_aims(analyse_text, text, ideology):
    ex = analyse_text(text, PUB)
    assert {"text": ideology} in literal_claims(ex, "PKK", "ideology"), describe(ex)


def test_standing_trial_is_no_aim(analyse_text):
    ex = analyse_text("PKK members stood trial in Ankara.", PUB)
    assert not literal_claims(ex, "PKK", "ideology"), describe(ex)


def test_a_rebel_force_refers_back_to_the_group(analyse_text):
    ex = analyse_text("The ELN attacked an army base in Arauca. The government hopes to reach a deal with the "
                      "1,500-strong rebel force.", PUB)
    assert {"value": 1500} in literal_claims(ex, "ELN", "size"), describe(ex)


def test_brothers_named_with_one_surname_each_keep_it(analyse_text):
    ex = analyse_text("The Shining Path was formed in 1969. The group is now led by brothers Jose and Raul Mamani "
                      "Quispe.", PUB)
    assert {c.obj.name for c in claims_of(ex, "leader")} >= {"Jose Mamani Quispe"}, describe(ex)
