"""The offline place gazetteer (dossier.nlp.places)."""

from __future__ import annotations

import pytest

from dossier.model import Place
from dossier.nlp.places import PlaceGazetteer, fold, gazetteer


@pytest.fixture(scope="module")
def gaz() -> PlaceGazetteer:
    return gazetteer()


def test_fold():
    assert fold("Nangarhār") == "nangarhar"
    assert fold("Khyber-Pakhtunkhwa") == fold("khyber pakhtunkhwa")


def test_kabul_is_the_city_in_kabul_province(gaz):
    place = gaz.lookup("Kabul")
    assert isinstance(place, Place)
    assert place.precision == "city"
    assert place.country == "AF"
    assert place.admin1 == "Kabul"
    assert place.iso == "AF-KAB"
    assert abs(place.lat - 34.5) < 0.3 and abs(place.lon - 69.2) < 0.3
    assert place.key == "place:AF-KAB:kabul"


@pytest.mark.parametrize("text", ["Nangarhar province", "Nangarhar Province", "the Nangarhar province", "Nangarhār"])
def test_region_with_suffix(gaz, text):
    place = gaz.lookup(text)
    assert place is not None and place.precision == "region" and place.iso == "AF-NAN"


def test_jalalabad(gaz):
    place = gaz.lookup("Jalalabad")
    assert place.precision == "city" and place.country == "AF" and place.iso == "AF-NAN"
    assert place.admin1 == "Nangarhar"


def test_peshawar(gaz):
    place = gaz.lookup("Peshawar")
    assert place.country == "PK" and place.admin1 == "Khyber Pakhtunkhwa" and place.iso == "PK-KP"


def test_maiduguri(gaz):
    place = gaz.lookup("Maiduguri")
    assert place.country == "NG" and place.admin1 == "Borno" and place.iso == "NG-BO"


def test_gao_and_mogadishu(gaz):
    assert gaz.lookup("Gao").country == "ML"
    assert gaz.lookup("Mogadishu").country == "SO"


@pytest.mark.parametrize("text", ["Paktiya", "Paktia", "Paktia province"])
def test_paktia_spellings(gaz, text):
    assert gaz.lookup(text).iso == "AF-PIA"


@pytest.mark.parametrize(
    ("text", "iso"),
    [("Khyber-Pakhtunkhwa", "PK-KP"), ("Baluchistan", "PK-BA"), ("Jawzjan", "AF-JOW"), ("Borno State", "NG-BO"),
     ("Chechnya", "RU-CE"), ("Dagestan", "RU-DA"), ("Corsica", "FR-20R")],
)
def test_region_variants(gaz, text, iso):
    assert gaz.lookup(text).iso == iso


@pytest.mark.parametrize(
    ("text", "code"),
    [("US", "US"), ("USA", "US"), ("United States", "US"), ("UK", "GB"), ("Britain", "GB"), ("DRC", "CD"),
     ("DR Congo", "CD"), ("Ivory Coast", "CI"), ("Burma", "MM"), ("Afghanistan", "AF"), ("Georgia", "GE")],
)
def test_countries(gaz, text, code):
    place = gaz.lookup(text)
    assert place.precision == "country" and place.country == code and place.iso == code
    assert place.lat is not None


@pytest.mark.parametrize(("text", "region"), [("Ifugao province", "PH-15"), ("Northern Samar", "PH-08")])
def test_provinces_under_an_iso_grouping_are_districts_of_it(gaz, text, region):
    place = gaz.lookup(text)
    assert (place.precision, place.country, place.iso) == ("district", "PH", region)


def test_a_big_city_keeps_no_old_name_of_a_province_abroad(gaz):
    assert gaz.lookup("Samar", country="PH").country == "PH"
    assert all(place.country != "RU" for place in gaz.candidates("Samar"))


def test_country_hint_and_kind(gaz):
    assert gaz.lookup("Hyderabad", country="PK").country == "PK"
    assert gaz.lookup("Hyderabad", country="PK").iso == "PK-SD"
    assert gaz.lookup("Kabul", kind="region").precision == "region"
    assert gaz.lookup("Georgia", kind="region").iso == "US-GA"


def test_accessors(gaz):
    assert gaz.country("af").name == "Afghanistan"
    assert gaz.region("AF-NAN").name == "Nangarhar"
    assert gaz.country("ZZ") is None and gaz.region("XX-YY") is None
    kabul = gaz.lookup("Kabul")
    assert gaz.by_key(kabul.key) == kabul


@pytest.mark.parametrize(("word", "code"), [("Afghan", "AF"), ("Afghans", "AF"), ("Pakistani", "PK"),
                                            ("American", "US"), ("Nigerian", "NG"), ("Malian", "ML"),
                                            ("Somali", "SO"), ("Syrian", "SY"), ("iraqi", "IQ")])
def test_demonyms(gaz, word, code):
    assert gaz.demonym(word) == code


def test_demonym_unknown(gaz):
    assert gaz.demonym("Kurdish") is None
    assert gaz.demonym("") is None


@pytest.mark.parametrize("text", ["Nowhereville Xyzzy", "", "   ", "qwertyuiop"])
def test_unknown(gaz, text):
    assert gaz.lookup(text) is None


def test_ruler_names(gaz):
    names = dict(gaz.ruler_names())
    for word in ("Reading", "Nice", "Mobile", "Split", "Of", "Male", "Police", "Mary", "Independence", "Bar"):
        assert word not in names, word
    assert names["Kabul"] == gaz.lookup("Kabul").key
    assert names["Nangarhar"] == gaz.region("AF-NAN").key
    assert names["Afghanistan"] == "place:AF:afghanistan"
    for name in ("Peshawar", "Maiduguri", "Mogadishu", "US", "Borno State", "Shanghai"):
        assert name in names, name
    small = dict(gaz.ruler_names(min_population=1_000_000))
    assert "Jalalabad" in names and "Jalalabad" not in small


# -- districts and informal areas (data/areas.tsv) ---------------------------------------------------------------------


def test_achin_is_a_district_of_nangarhar(gaz):
    place = gaz.lookup("Achin")
    assert place.precision == "district" and place.country == "AF"
    assert place.iso == "AF-NAN" and place.admin1 == "Nangarhar"
    assert abs(place.lat - 34.1) < 0.3 and abs(place.lon - 70.7) < 0.3
    assert gaz.by_key(place.key) == place


@pytest.mark.parametrize(
    ("text", "iso"),
    [("South Waziristan", "PK-KP"), ("North Waziristan", "PK-KP"), ("Bajaur Agency", "PK-KP"), ("Kurram", "PK-KP"),
     ("Miramshah", "PK-KP"), ("Kajaki", "AF-HEL"), ("Musa Qala", "AF-HEL"), ("Shinwar", "AF-NAN"),
     ("Haska Mina", "AF-NAN"), ("Chahar Dara", "AF-KDZ"), ("Dioura", "ML-4"), ("Talataye", "ML-7"),
     ("Aguililla", "MX-MIC"), ("Maungdaw", "MM-16"), ("Mocímboa da Praia", "MZ-P"), ("Tal Afar", "IQ-NI")],
)
def test_districts(gaz, text, iso):
    place = gaz.lookup(text)
    assert place is not None and place.iso == iso, (text, place)
    assert place.precision in ("district", "city")


@pytest.mark.parametrize("text", ["South Waziristan district", "Swat District", "Khyber Agency"])
def test_district_suffixes(gaz, text):
    place = gaz.lookup(text)
    assert place.precision == "district" and place.iso == "PK-KP"


@pytest.mark.parametrize("text", ["Gaza Strip", "the Gaza Strip", "West Bank"])
def test_palestinian_areas(gaz, text):
    place = gaz.lookup(text)
    assert place.precision == "area" and place.country == "PS"


@pytest.mark.parametrize("text", ["Sahel", "the Sahel", "Horn of Africa", "Middle East", "Kashmir", "Darfur",
                                  "Lake Chad", "Liptako-Gourma", "Tora Bora", "FATA",
                                  "Federally Administered Tribal Areas"])
def test_areas(gaz, text):
    place = gaz.lookup(text)
    assert place is not None and place.precision == "area", (text, place)


def test_area_outranks_same_named_region(gaz):
    assert gaz.lookup("Sahel").country is None  # the belt, not Burkina Faso's Sahel region
    assert gaz.lookup("Sahel", kind="region").iso == "BF-12"
    assert gaz.lookup("Tora Bora").iso == "AF-NAN"


def test_khar_is_the_pakistani_town(gaz):
    assert gaz.lookup("Khar", country="PK").country == "PK"
    place = gaz.lookup("Khar")
    assert place.country == "PK" and place.iso == "PK-KP"  # not Haar, Bavaria, through an alternate name
    assert all(p.name != "Haar" for p in gaz.candidates("Khar"))


def test_primary_name_beats_alternate_name(gaz):
    assert gaz.lookup("Bara").country == "PK"
    assert gaz.lookup("Kobani").country == "SY"
    assert gaz.lookup("Canton").country == "CN"  # exonyms of cities of a million or more still count


def test_district_gives_way_to_its_town(gaz):
    place = gaz.lookup("Buthidaung")
    assert place.precision == "city" and place.iso == "MM-16"
    assert gaz.lookup("Gwoza").precision == "city"
    assert gaz.lookup("Palma", country="MZ").iso == "MZ-P"


@pytest.mark.parametrize(("text", "iso"), [("Nangahar", "AF-NAN"), ("Nangahar province", "AF-NAN"),
                                           ("KPK", "PK-KP"), ("North Sinai", "EG-SIN"), ("Xinjiang", "CN-XJ")])
def test_region_misspellings(gaz, text, iso):
    assert gaz.lookup(text).iso == iso


def test_ruler_names_areas_and_districts(gaz):
    names = dict(gaz.ruler_names())
    for name in ("Khar", "Bara", "Kot", "Wana", "Achin", "South Waziristan", "Gaza Strip", "Sahel", "FATA", "Kajaki"):
        assert name in names, name
    assert names["Achin"] == gaz.lookup("Achin").key
    assert names["Buthidaung"] == gaz.lookup("Buthidaung").key
    for word in ("Sake", "Tank", "Swat", "Levant"):  # English words stay out; "Swat Valley" is in
        assert word not in names, word
    assert "Swat Valley" in names
    for surface, key in names.items():
        assert gaz.by_key(key) is not None, surface
