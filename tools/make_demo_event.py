#!/usr/bin/env python3
"""Write the Blue Room demo event: a recorded X API v2 filtered stream, as JSON lines.

The event is fictional. The French singer Léa Marchand (@leamarchand) answers fans'
questions for one hour in the Blue Room of @BlueRoomFR under #AskBlueRoom, on
2026-11-24 from 18:00 to 19:00 UTC (19:00 in Paris). The recording covers 17:15 ->
19:30 UTC: the announcements and the build-up, the spike at 18:00, one answer from
the room every 4-5 minutes followed by a burst of retweets, replies and reactions,
and the tail (thanks, photos, replay).

Each line of the gzip is one filtered-stream message as the stream would deliver it
with ``expansions=author_id,geo.place_id,referenced_tweets.id,
entities.mentions.username``: ``data`` (the post), ``includes`` (users, places, the
referenced originals) and ``matching_rules``. The content mixes what a real room
has to cope with: near-duplicate questions, support clusters of retweets, spam,
@-spam, hashtag bombs, profanity (also obfuscated), a flooding author, a burst of
brand-new accounts, hostile-but-valid texts (HTML, right-to-left, zalgo, control
characters) and a few malformed lines. Same seed, same bytes.

Usage: python tools/make_demo_event.py [--out PATH] [--seed N] [--posts N]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import math
import re
import sys
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

T = TypeVar("T")
JsonDict = dict[str, Any]

DEFAULT_OUT = (
    Path(__file__).resolve().parent.parent / "blueroom" / "assets" / "demo" / "askblueroom.jsonl.gz"
)
DEFAULT_SEED = 2015
DEFAULT_POSTS = 24_000


def _utc_ms(hour: int, minute: int, day: int = 24, month: int = 11) -> int:
    moment = datetime(2026, month, day, hour, minute, tzinfo=UTC)
    return int(moment.timestamp()) * 1000


# Timeline, in seconds from the start of the recording (17:15 UTC).
WINDOW_START_MS = _utc_ms(17, 15)
LIVE_START_S = 45 * 60.0  # 18:00 UTC
LIVE_END_S = 105 * 60.0  # 19:00 UTC
WINDOW_S = 135 * 60.0  # 19:30 UTC
FLOOD_S = 71 * 60.0 + 10.0  # 18:26:10, one author floods for a minute
FRESH_S = 86 * 60.0  # 18:41, brand-new accounts pile in
TWITTER_EPOCH_MS = 1_288_834_974_657

BURST_SHARE = 0.47  # of the ordinary posts, those reacting to a room or guest post
GEO_COORDS_SHARE = 0.02  # exact coordinates (and their place)
GEO_PLACE_SHARE = 0.30  # a place only
PROFILE_LOCATION_SHARE = 0.40  # no geo, a real place written in the profile

HASHTAG = "AskBlueRoom"
RULES: dict[str, str] = {
    # Tagged rules, as they would be created an hour before the show (16:00 UTC).
    "askblueroom": str(((_utc_ms(16, 0) - TWITTER_EPOCH_MS) << 22) | 0x1A2B1),
    "guest": str(((_utc_ms(16, 0) - TWITTER_EPOCH_MS) << 22) | 0x1A2B2),
}

# ---------------------------------------------------------------------------
# Geography: real cities, real coordinates, weights from metropolitan population.
# ---------------------------------------------------------------------------

BBox = tuple[float, float, float, float]  # west, south, east, north


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str  # as X names it in a place
    local: str  # as people write it in a profile
    flag: str
    bbox: BBox


@dataclass(frozen=True, slots=True)
class Admin:
    name: str
    cc: str
    bbox: BBox


@dataclass(frozen=True, slots=True)
class City:
    name: str
    cc: str
    lat: float
    lon: float
    pop: int  # thousands, metropolitan area
    lang: str  # main language spoken there
    admin: str = ""  # key in ADMINS
    variants: tuple[str, ...] = ()  # other ways people write it
    franco: bool = False  # French widely spoken
    state: str = ""  # US state, for X-style "Los Angeles, CA"
    arabic: str = ""  # name in Arabic script


COUNTRIES: dict[str, Country] = {
    c.code: c
    for c in (
        Country("FR", "France", "France", "🇫🇷", (-5.14, 41.33, 9.56, 51.09)),
        Country("BE", "Belgium", "Belgique", "🇧🇪", (2.54, 49.50, 6.41, 51.50)),
        Country("CH", "Switzerland", "Suisse", "🇨🇭", (5.96, 45.82, 10.49, 47.81)),
        Country("LU", "Luxembourg", "Luxembourg", "🇱🇺", (5.73, 49.45, 6.53, 50.18)),
        Country("MC", "Monaco", "Monaco", "🇲🇨", (7.41, 43.72, 7.44, 43.75)),
        Country("CA", "Canada", "Canada", "🇨🇦", (-141.0, 41.68, -52.62, 83.11)),
        Country("SN", "Senegal", "Sénégal", "🇸🇳", (-17.54, 12.31, -11.35, 16.69)),
        Country("CI", "Côte d'Ivoire", "Côte d'Ivoire", "🇨🇮", (-8.6, 4.36, -2.49, 10.74)),
        Country("MA", "Morocco", "Maroc", "🇲🇦", (-13.17, 27.66, -0.99, 35.92)),
        Country("DZ", "Algeria", "Algérie", "🇩🇿", (-8.67, 18.96, 11.98, 37.09)),
        Country("TN", "Tunisia", "Tunisie", "🇹🇳", (7.52, 30.23, 11.6, 37.54)),
        Country(
            "CD",
            "Democratic Republic of the Congo",
            "RDC",
            "🇨🇩",
            (12.2, -13.46, 31.31, 5.39),
        ),
        Country("CG", "Republic of the Congo", "Congo", "🇨🇬", (11.09, -5.03, 18.65, 3.7)),
        Country("CM", "Cameroon", "Cameroun", "🇨🇲", (8.49, 1.65, 16.19, 13.08)),
        Country("GA", "Gabon", "Gabon", "🇬🇦", (8.7, -3.98, 14.5, 2.32)),
        Country("TG", "Togo", "Togo", "🇹🇬", (-0.15, 6.1, 1.81, 11.14)),
        Country("BJ", "Benin", "Bénin", "🇧🇯", (0.77, 6.14, 3.85, 12.41)),
        Country("ML", "Mali", "Mali", "🇲🇱", (-12.24, 10.1, 4.27, 25.0)),
        Country("BF", "Burkina Faso", "Burkina", "🇧🇫", (-5.52, 9.4, 2.41, 15.08)),
        Country("GN", "Guinea", "Guinée", "🇬🇳", (-15.08, 7.19, -7.64, 12.68)),
        Country("MG", "Madagascar", "Madagascar", "🇲🇬", (43.22, -25.61, 50.48, -11.95)),
        Country("HT", "Haiti", "Haïti", "🇭🇹", (-74.48, 18.02, -71.62, 20.09)),
        Country("LB", "Lebanon", "Liban", "🇱🇧", (35.1, 33.05, 36.62, 34.69)),
        Country("EG", "Egypt", "مصر", "🇪🇬", (24.7, 22.0, 36.87, 31.67)),
        Country("NG", "Nigeria", "Nigeria", "🇳🇬", (2.69, 4.27, 14.68, 13.89)),
        Country("GB", "United Kingdom", "UK", "🇬🇧", (-8.65, 49.86, 1.77, 60.86)),
        Country("IE", "Ireland", "Ireland", "🇮🇪", (-10.48, 51.42, -5.99, 55.39)),
        Country("US", "United States", "USA", "🇺🇸", (-124.85, 24.4, -66.88, 49.38)),
        Country("ES", "Spain", "España", "🇪🇸", (-9.3, 35.95, 3.33, 43.79)),
        Country("PT", "Portugal", "Portugal", "🇵🇹", (-9.5, 36.96, -6.19, 42.15)),
        Country("IT", "Italy", "Italia", "🇮🇹", (6.63, 36.65, 18.52, 47.09)),
        Country("DE", "Germany", "Deutschland", "🇩🇪", (5.87, 47.27, 15.04, 55.06)),
        Country("AT", "Austria", "Österreich", "🇦🇹", (9.53, 46.37, 17.16, 49.02)),
        Country("NL", "Netherlands", "Nederland", "🇳🇱", (3.36, 50.75, 7.23, 53.55)),
        Country("BR", "Brazil", "Brasil", "🇧🇷", (-73.99, -33.75, -34.79, 5.27)),
        Country("AR", "Argentina", "Argentina", "🇦🇷", (-73.56, -55.06, -53.64, -21.78)),
        Country("MX", "Mexico", "México", "🇲🇽", (-117.13, 14.53, -86.81, 32.72)),
        Country("CO", "Colombia", "Colombia", "🇨🇴", (-79.0, -4.23, -66.87, 12.46)),
        Country("JP", "Japan", "日本", "🇯🇵", (129.41, 31.03, 145.54, 45.55)),
        Country("KR", "Republic of Korea", "Korea", "🇰🇷", (126.12, 34.39, 129.47, 38.61)),
        Country("AU", "Australia", "Australia", "🇦🇺", (113.34, -43.63, 153.57, -10.67)),
        Country("AE", "United Arab Emirates", "UAE", "🇦🇪", (51.58, 22.63, 56.38, 26.08)),
        Country("SA", "Saudi Arabia", "KSA", "🇸🇦", (34.57, 16.38, 55.67, 32.16)),
        Country("TR", "Türkiye", "Türkiye", "🇹🇷", (25.66, 35.82, 44.79, 42.14)),
        Country("IN", "India", "India", "🇮🇳", (68.18, 6.75, 97.4, 35.5)),
    )
}

ADMINS: dict[str, Admin] = {
    "IDF": Admin("Île-de-France", "FR", (1.45, 48.12, 3.56, 49.24)),
    "PACA": Admin("Provence-Alpes-Côte d'Azur", "FR", (4.23, 42.98, 7.72, 45.13)),
    "ARA": Admin("Auvergne-Rhône-Alpes", "FR", (2.06, 44.12, 7.19, 46.81)),
    "OCC": Admin("Occitanie", "FR", (-0.33, 42.33, 4.85, 45.05)),
    "PDL": Admin("Pays de la Loire", "FR", (-2.63, 46.27, 0.92, 48.57)),
    "GES": Admin("Grand Est", "FR", (3.38, 47.42, 8.23, 50.17)),
    "NAQ": Admin("Nouvelle-Aquitaine", "FR", (-1.79, 42.78, 2.61, 47.18)),
    "HDF": Admin("Hauts-de-France", "FR", (1.38, 48.84, 4.26, 51.09)),
    "BRE": Admin("Bretagne", "FR", (-5.14, 47.28, -1.01, 48.9)),
    "NOR": Admin("Normandie", "FR", (-1.95, 48.18, 1.8, 50.07)),
    "BFC": Admin("Bourgogne-Franche-Comté", "FR", (2.85, 46.16, 7.14, 48.4)),
    "CVL": Admin("Centre-Val de Loire", "FR", (0.05, 46.35, 3.13, 48.94)),
    "COR": Admin("Corse", "FR", (8.53, 41.33, 9.56, 43.03)),
    "BRU": Admin("Bruxelles-Capitale", "BE", (4.24, 50.76, 4.48, 50.91)),
    "WAL": Admin("Wallonie", "BE", (2.84, 49.5, 6.41, 50.81)),
    "VLG": Admin("Vlaanderen", "BE", (2.54, 50.69, 5.92, 51.5)),
    "GE": Admin("Genève", "CH", (5.96, 46.13, 6.31, 46.37)),
    "VD": Admin("Vaud", "CH", (6.06, 46.19, 7.25, 46.99)),
    "QC": Admin("Québec", "CA", (-79.76, 44.99, -57.1, 62.59)),
    "ON": Admin("Ontario", "CA", (-95.16, 41.68, -74.32, 56.86)),
    "NY": Admin("New York", "US", (-79.76, 40.5, -71.86, 45.02)),
    "CAL": Admin("California", "US", (-124.48, 32.53, -114.13, 42.01)),
}


# name; country; lat; lon; metro population (thousands); main language; F when French is
# widely spoken; admin region key; US state; Arabic name; other spellings (" | ").
CITY_TABLE = """
Paris; FR; 48.8566; 2.3522; 11000; fr; F; IDF; ; ; Paris | paris, france | PARIS 🇫🇷 | Paris 75 | Paname | Paris XVIIIe | Paris 11e | Paris ☁️ | IDF | Île-de-France
Marseille; FR; 43.2965; 5.3698; 1760; fr; F; PACA; ; ; Marseille - 13 | Marseille 13 | MRS | marseille | Marseille ☀️
Lyon; FR; 45.764; 4.8357; 2300; fr; F; ARA; ; ; Lyon 🇫🇷 | Lyon 69 | lyon | Lyon, France | Lyon 3e
Toulouse; FR; 43.6047; 1.4442; 1450; fr; F; OCC; ; ; Toulouse 31 | toulouse | Tolosa
Nice; FR; 43.7102; 7.262; 1000; fr; F; PACA; ; ; Nice 06 | nice | Nice, Côte d'Azur
Nantes; FR; 47.2184; -1.5536; 980; fr; F; PDL; ; ; Nantes 44 | nantes | Nantes 🐘
Montpellier; FR; 43.6108; 3.8767; 800; fr; F; OCC; ; ; Montpellier 34 | Montpel
Strasbourg; FR; 48.5734; 7.7521; 850; fr; F; GES; ; ; Strasbourg 67 | Strasbourg / Strossburi | strasbourg
Bordeaux; FR; 44.8378; -0.5792; 1250; fr; F; NAQ; ; ; Bordeaux 33 | bordeaux | Bdx
Lille; FR; 50.6292; 3.0573; 1500; fr; F; HDF; ; ; Lille 59 | lille | Lille 🍟
Rennes; FR; 48.1173; -1.6778; 750; fr; F; BRE; ; ; Rennes 35 | Rennes, Bretagne
Reims; FR; 49.2583; 4.0317; 300; fr; F; GES; ; ; Reims 51
Le Havre; FR; 49.4944; 0.1079; 280; fr; F; NOR; ; ; Le Havre 76
Saint-Étienne; FR; 45.4397; 4.3872; 400; fr; F; ARA; ; ; St Etienne 42 | Sainté
Toulon; FR; 43.1242; 5.928; 580; fr; F; PACA; ; ; Toulon 83
Grenoble; FR; 45.1885; 5.7245; 700; fr; F; ARA; ; ; Grenoble 38 | grenoble
Dijon; FR; 47.322; 5.0415; 390; fr; F; BFC; ; ; Dijon 21
Angers; FR; 47.4784; -0.5632; 430; fr; F; PDL; ; ; Angers 49
Nîmes; FR; 43.8367; 4.3601; 270; fr; F; OCC; ; ; Nimes | Nîmes 30
Clermont-Ferrand; FR; 45.7772; 3.087; 500; fr; F; ARA; ; ; Clermont | Clermont-Fd
Le Mans; FR; 48.0061; 0.1996; 350; fr; F; PDL; ; ; Le Mans 72
Aix-en-Provence; FR; 43.5297; 5.4474; 170; fr; F; PACA; ; ; Aix | Aix en Provence
Brest; FR; 48.3904; -4.4861; 320; fr; F; BRE; ; ; Brest 29 | Finistère
Tours; FR; 47.3941; 0.6848; 500; fr; F; CVL; ; ; Tours 37
Amiens; FR; 49.8941; 2.2958; 300; fr; F; HDF; ; ; Amiens 80
Limoges; FR; 45.8336; 1.2611; 290; fr; F; NAQ; ; ; Limoges 87
Annecy; FR; 45.8992; 6.1294; 230; fr; F; ARA; ; ; Annecy 74 | Haute-Savoie
Perpignan; FR; 42.6887; 2.8948; 320; fr; F; OCC; ; ; Perpignan 66 | Perpinyà
Metz; FR; 49.1193; 6.1757; 390; fr; F; GES; ; ; Metz 57 | Moselle
Besançon; FR; 47.2378; 6.0241; 250; fr; F; BFC; ; ; Besancon
Orléans; FR; 47.903; 1.9093; 450; fr; F; CVL; ; ; Orleans | Orléans 45
Rouen; FR; 49.4432; 1.0999; 660; fr; F; NOR; ; ; Rouen 76
Caen; FR; 49.1829; -0.3707; 420; fr; F; NOR; ; ; Caen 14
Nancy; FR; 48.6921; 6.1844; 430; fr; F; GES; ; ; Nancy 54
Avignon; FR; 43.9493; 4.8055; 340; fr; F; PACA; ; ; Avignon 84
Poitiers; FR; 46.5802; 0.3404; 260; fr; F; NAQ
La Rochelle; FR; 46.1603; -1.1511; 210; fr; F; NAQ; ; ; La Rochelle 17
Pau; FR; 43.2951; -0.3708; 240; fr; F; NAQ; ; ; Pau 64 | Béarn
Bayonne; FR; 43.4929; -1.4748; 300; fr; F; NAQ; ; ; Pays Basque | Bayonne 64
Ajaccio; FR; 41.9192; 8.7386; 100; fr; F; COR; ; ; Corse | Aiacciu
Mulhouse; FR; 47.7508; 7.3359; 280; fr; F; GES; ; ; Mulhouse 68
Versailles; FR; 48.8049; 2.1204; 200; fr; F; IDF; ; ; Versailles 78 | Yvelines
Boulogne-Billancourt; FR; 48.8397; 2.2399; 120; fr; F; IDF; ; ; Boulogne 92
Montreuil; FR; 48.8638; 2.4485; 110; fr; F; IDF; ; ; Montreuil 93
Saint-Denis; FR; 48.9362; 2.3574; 110; fr; F; IDF; ; ; St Denis 93 | le 93
Lorient; FR; 47.7483; -3.37; 190; fr; F; BRE
Valence; FR; 44.9334; 4.8924; 190; fr; F; ARA; ; ; Valence 26
Bruxelles; BE; 50.8503; 4.3517; 2100; fr; F; BRU; ; ; Bruxelles / Brussel | Brussels | BXL | Bruxelles 🇧🇪 | bruxelles
Liège; BE; 50.6326; 5.5797; 750; fr; F; WAL; ; ; Liege | Liège 🇧🇪
Charleroi; BE; 50.4108; 4.4446; 420; fr; F; WAL
Namur; BE; 50.4674; 4.872; 200; fr; F; WAL
Mons; BE; 50.4542; 3.9567; 100; fr; F; WAL
Antwerpen; BE; 51.2194; 4.4025; 1000; nl; -; VLG; ; ; Anvers | Antwerp
Gent; BE; 51.0543; 3.7174; 550; nl; -; VLG; ; ; Gand | Ghent
Genève; CH; 46.2044; 6.1432; 600; fr; F; GE; ; ; Geneva | Geneve 🇨🇭 | GVA | genève
Lausanne; CH; 46.5197; 6.6323; 420; fr; F; VD; ; ; Lausanne 🇨🇭 | lausanne, suisse
Fribourg; CH; 46.8065; 7.162; 110; fr; F; ; ; ; Fribourg / Freiburg
Neuchâtel; CH; 46.99; 6.9293; 90; fr; F; ; ; ; Neuchatel
Zürich; CH; 47.3769; 8.5417; 1400; de; -; ; ; ; Zurich | Züri
Luxembourg; LU; 49.6116; 6.1319; 130; fr; F; ; ; ; Lëtzebuerg | Luxembourg 🇱🇺
Monaco; MC; 43.7384; 7.4246; 38; fr; F; ; ; ; Monaco 🇲🇨 | Monte-Carlo
Montréal; CA; 45.5017; -73.5673; 4300; fr; F; QC; ; ; Montreal, QC | MTL | Montréal 🇨🇦 | Montréal, Québec | montreal
Québec; CA; 46.8139; -71.208; 840; fr; F; QC; ; ; Quebec City | Ville de Québec | Québec, QC
Gatineau; CA; 45.4765; -75.7013; 330; fr; F; QC; ; ; Gatineau, QC
Sherbrooke; CA; 45.4042; -71.8929; 220; fr; F; QC
Trois-Rivières; CA; 46.3432; -72.5477; 160; fr; F; QC; ; ; Trois-Rivieres
Ottawa; CA; 45.4215; -75.6972; 1400; en; F; ON; ; ; Ottawa, ON
Toronto; CA; 43.6532; -79.3832; 6200; en; -; ON; ; ; Toronto, ON | the 6ix
Moncton; CA; 46.0878; -64.7782; 160; fr; F; ; ; ; Moncton, NB | Acadie
Vancouver; CA; 49.2827; -123.1207; 2600; en; -; ; ; ; Vancouver, BC
Dakar; SN; 14.7167; -17.4677; 3900; fr; F; ; ; ; Dakar 🇸🇳 | dkr
Abidjan; CI; 5.36; -4.0083; 5600; fr; F; ; ; ; Abidjan 🇨🇮 | Babi
Casablanca; MA; 33.5731; -7.5898; 4300; ar; F; ; ; الدار البيضاء; Casa | Casablanca 🇲🇦 | Casablanca, Maroc
Rabat; MA; 34.0209; -6.8416; 1900; ar; F; ; ; الرباط; Rabat, Maroc
Marrakech; MA; 31.6295; -7.9811; 1000; ar; F; ; ; مراكش; Marrakesh
Alger; DZ; 36.7538; 3.0588; 3000; ar; F; ; ; الجزائر; Algiers | Alger 🇩🇿 | DZ | Alger centre
Oran; DZ; 35.6971; -0.6308; 1500; ar; F; ; ; وهران; Wahran | Oran 🇩🇿
Tunis; TN; 36.8065; 10.1815; 2700; ar; F; ; ; تونس; Tunis 🇹🇳
Sfax; TN; 34.7406; 10.7603; 950; ar; F; ; ; صفاقس
Kinshasa; CD; -4.4419; 15.2663; 17000; fr; F; ; ; ; Kin | Kin la belle
Brazzaville; CG; -4.2634; 15.2429; 2400; fr; F; ; ; ; Brazza
Douala; CM; 4.0511; 9.7679; 3800; fr; F; ; ; ; Douala 🇨🇲
Yaoundé; CM; 3.848; 11.5021; 4300; fr; F; ; ; ; Yaounde
Libreville; GA; 0.4162; 9.4673; 850; fr; F
Lomé; TG; 6.1256; 1.2254; 1900; fr; F; ; ; ; Lome
Cotonou; BJ; 6.3703; 2.3912; 2400; fr; F; ; ; ; Cotonou 🇧🇯
Bamako; ML; 12.6392; -8.0029; 2800; fr; F; ; ; ; Bamako 🇲🇱
Ouagadougou; BF; 12.3714; -1.5197; 3000; fr; F; ; ; ; Ouaga
Conakry; GN; 9.6412; -13.5784; 2000; fr; F
Antananarivo; MG; -18.8792; 47.5079; 3500; fr; F; ; ; ; Tana
Port-au-Prince; HT; 18.5944; -72.3074; 2800; fr; F; ; ; ; Pòtoprens
Beyrouth; LB; 33.8938; 35.5018; 2400; ar; F; ; ; بيروت; Beirut | Beyrouth 🇱🇧
Le Caire; EG; 30.0444; 31.2357; 21000; ar; -; ; ; القاهرة; Cairo
Lagos; NG; 6.5244; 3.3792; 15000; en; -; ; ; ; Lagos, Nigeria | Lasgidi
Dubai; AE; 25.2048; 55.2708; 3300; ar; -; ; ; دبي; Dubai, UAE | Dubaï
Riyadh; SA; 24.7136; 46.6753; 7500; ar; -; ; ; الرياض; Riyadh, KSA
London; GB; 51.5072; -0.1276; 9500; en; -; ; ; ; London, UK | London 🇬🇧 | LDN | london | Londres
Manchester; GB; 53.4808; -2.2426; 2800; en; -; ; ; ; Manchester, England
Dublin; IE; 53.3498; -6.2603; 1400; en; -; ; ; ; Dublin, Ireland
New York; US; 40.7128; -74.006; 18800; en; -; NY; NY; ; NYC | New York, NY | Brooklyn, NY | nyc 🗽
Los Angeles; US; 34.0522; -118.2437; 12500; en; -; CAL; CA; ; LA | Los Angeles, CA | LA 🌴
Chicago; US; 41.8781; -87.6298; 8900; en; -; ; IL; ; Chicago, IL
Miami; US; 25.7617; -80.1918; 6100; en; -; ; FL; ; Miami, FL
San Francisco; US; 37.7749; -122.4194; 4700; en; -; CAL; CA; ; SF | San Francisco, CA | Bay Area
Washington; US; 38.9072; -77.0369; 6300; en; -; ; DC; ; Washington, DC
Boston; US; 42.3601; -71.0589; 4900; en; -; ; MA; ; Boston, MA
New Orleans; US; 29.9511; -90.0715; 1300; en; -; ; LA; ; NOLA | Nouvelle-Orléans
Madrid; ES; 40.4168; -3.7038; 6700; es; -; ; ; ; Madrid, España | Madrid 🇪🇸
Barcelona; ES; 41.3874; 2.1686; 5600; es; -; ; ; ; Barcelone | BCN
Lisboa; PT; 38.7223; -9.1393; 2900; pt; -; ; ; ; Lisbon | Lisbonne
Porto; PT; 41.1579; -8.6291; 1700; pt; -; ; ; ; Porto, Portugal
Roma; IT; 41.9028; 12.4964; 4300; it; -; ; ; ; Rome | Roma 🇮🇹
Milano; IT; 45.4642; 9.19; 3100; it; -; ; ; ; Milan | Milano, Italia
Berlin; DE; 52.52; 13.405; 3600; de; -; ; ; ; Berlin 🇩🇪 | berlin
München; DE; 48.1351; 11.582; 1500; de; -; ; ; ; Munich | Muenchen
Wien; AT; 48.2082; 16.3738; 1900; de; -; ; ; ; Vienna | Vienne
Amsterdam; NL; 52.3676; 4.9041; 1150; nl; -; ; ; ; Amsterdam, NL
São Paulo; BR; -23.5505; -46.6333; 22000; pt; -; ; ; ; Sao Paulo | SP
Rio de Janeiro; BR; -22.9068; -43.1729; 13500; pt; -; ; ; ; Rio | RJ
Buenos Aires; AR; -34.6037; -58.3816; 15000; es; -; ; ; ; CABA
Ciudad de México; MX; 19.4326; -99.1332; 21800; es; -; ; ; ; CDMX | Mexico City
Bogotá; CO; 4.711; -74.0721; 11000; es; -; ; ; ; Bogota
Tokyo; JP; 35.6762; 139.6503; 37000; ja; -; ; ; ; 東京 | Tokyo, Japan
Seoul; KR; 37.5665; 126.978; 9900; ko; -; ; ; ; 서울
Sydney; AU; -33.8688; 151.2093; 5300; en; -; ; ; ; Sydney, NSW
Istanbul; TR; 41.0082; 28.9784; 15500; tr; -; ; ; ; İstanbul
Mumbai; IN; 19.076; 72.8777; 20000; en; -; ; ; ; Mumbai, India | Bombay
"""


def _parse_cities(table: str) -> tuple[City, ...]:
    cities = []
    for row in table.strip().splitlines():
        cells = [cell.strip() for cell in row.split(";")] + [""] * 10
        name, cc, lat, lon, pop, lang, franco, admin, state, arabic, variants = cells[:11]
        cities.append(
            City(
                name=name,
                cc=cc,
                lat=float(lat),
                lon=float(lon),
                pop=int(pop),
                lang=lang,
                admin=admin,
                variants=tuple(v.strip() for v in variants.split("|") if v.strip()),
                franco=franco == "F",
                state=state,
                arabic=arabic,
            )
        )
    return tuple(cities)


CITIES: tuple[City, ...] = _parse_cities(CITY_TABLE)

PARIS_POIS: tuple[tuple[str, float, float], ...] = (
    ("Tour Eiffel", 48.8584, 2.2945),
    ("Accor Arena", 48.8386, 2.3785),
    ("Gare de Lyon", 48.8443, 2.373),
    ("Place de la République", 48.8674, 2.3636),
    ("Stade de France", 48.9245, 2.3602),
)

JUNK_LOCATIONS: tuple[str, ...] = (
    "my bed",
    "somewhere over the rainbow",
    "🌍",
    "she/her",
    "Planet Earth",
    "he/him",
    "dans ma bulle",
    "chez Léa 💙",
    "ici",
    "partout et nulle part",
    "Poudlard",
    "la lune 🌙",
    "in my head",
    "Neverland",
    "404",
    "Earth",
    "🌈✨",
    "Worldwide",
    "Terre",
    "au fond du lit",
    "là où il y a du wifi",
    "elle/iel",
    "under a rock",
    "🏠",
    "the internet",
    "Wakanda",
    "DM for collab",
    "somewhere",
    "dans les étoiles ✨",
    "🎶🎶🎶",
)

# ---------------------------------------------------------------------------
# People.
# ---------------------------------------------------------------------------


def _names(text: str) -> tuple[str, ...]:
    return tuple(text.split(", "))


# First names, last names; one comma-separated string each.
NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "fr": (
        _names(
            "Léa, Manon, Camille, Chloé, Emma, Inès, Jade, Louise, Sarah, Clara, Lucie, "
            "Julie, Marie, Pauline, Mathilde, Océane, Anaïs, Laura, Juliette, Zoé, Lina, "
            "Maëlys, Élodie, Margaux, Alice, Charlotte, Justine, Morgane, Audrey, Nina, "
            "Romane, Ambre, Mélissa, Salomé, Elsa, Agathe, Lucas, Hugo, Thomas, Nathan, Théo, "
            "Louis, Mathis, Enzo, Maxime, Antoine, Julien, Nicolas, Kevin, Quentin, "
            "Alexandre, Baptiste, Romain, Adrien, Jérémy, Florian, Sébastien, Clément, Yanis, "
            "Rayan"
        ),
        _names(
            "Martin, Bernard, Dubois, Thomas, Robert, Richard, Petit, Durand, Leroy, Moreau, "
            "Simon, Laurent, Lefebvre, Michel, Garcia, David, Bertrand, Roux, Vincent, "
            "Fournier, Morel, Girard, André, Mercier, Dupont, Lambert, Bonnet, François, "
            "Legrand, Garnier, Faure, Rousseau, Blanc, Guérin, Muller, Henry, Perrin, Morin, "
            "Mathieu, Gauthier, Fontaine, Chevalier, Robin, Peeters, Favre, Lemaire, Hoarau, "
            "Le Goff, Kerleau"
        ),
    ),
    "qc": (
        _names(
            "Catherine, Marie-Ève, Geneviève, Audrey-Anne, Émilie, Joannie, Maude, Valérie, "
            "Félix, Samuel, Olivier, Gabriel, William, Jérôme, Mathieu, Étienne, Frédérique, "
            "Rosalie"
        ),
        _names(
            "Tremblay, Gagnon, Roy, Côté, Bouchard, Gauthier, Morin, Lavoie, Fortin, Gagné, "
            "Ouellet, Pelletier, Bélanger, Lévesque"
        ),
    ),
    "africa": (
        _names(
            "Fatou, Aminata, Awa, Mariam, Aïssatou, Grâce, Christelle, Prisca, Moussa, "
            "Ibrahima, Mamadou, Cheikh, Ousmane, Serge, Junior, Yannick, Arnaud, Landry, "
            "Kévine, Océane"
        ),
        _names(
            "Diallo, Traoré, Ndiaye, Diop, Koné, Ouattara, Sow, Camara, Kouassi, Mbemba, "
            "Nzuzi, Mensah, Kaboré, Sankara, Fofana, Rakoto, Andrianina, Ngoma, Tshibanda, "
            "Eto'o"
        ),
    ),
    "maghreb": (
        _names(
            "Yasmine, Amina, Salma, Nour, Imane, Meriem, Sara, Lina, Kenza, Rania, Mohamed, "
            "Youssef, Amine, Omar, Karim, Walid, Sofiane, Mehdi, Bilal, Nassim"
        ),
        _names(
            "Benali, Haddad, Mansouri, Bouzid, El Amrani, Khalil, Saidi, Cherif, Belkacem, "
            "Ben Salah, Trabelsi, Alaoui, Bennani, Zouari"
        ),
    ),
    "en": (
        _names(
            "Emma, Olivia, Ava, Sophia, Mia, Emily, Grace, Chloe, Lily, Hannah, Madison, "
            "Jessica, Ashley, Taylor, Megan, Amy, Lauren, Rachel, Katie, James, Jack, Harry, "
            "Oliver, Noah, Liam, Ethan, Ryan, Daniel, Michael, Chris, Josh, Matt, Alex, Sam, "
            "Ben, Tyler, Jordan, Priya, Aisha, Chidi"
        ),
        _names(
            "Smith, Johnson, Williams, Brown, Jones, Miller, Davis, Wilson, Taylor, Anderson, "
            "Moore, Jackson, White, Harris, Clark, Lewis, Walker, Hall, Young, King, Wright, "
            "Scott, Green, Baker, Adams, Hill, Campbell, Evans, Murphy, O'Brien, Kelly, "
            "Patel, Nguyen, Kim, Okafor, Shah"
        ),
    ),
    "es": (
        _names(
            "Lucía, Sofía, María, Martina, Paula, Valentina, Daniela, Carla, Pablo, "
            "Alejandro, Diego, Javier, Carlos, Mateo, Sergio"
        ),
        _names(
            "García, Rodríguez, González, Fernández, López, Martínez, Sánchez, Pérez, Gómez, "
            "Ruiz, Herrera, Castro"
        ),
    ),
    "pt": (
        _names(
            "Ana, Beatriz, Mariana, Gabriela, Júlia, Larissa, Camila, João, Pedro, Gabriel, "
            "Rafael, Tiago, Matheus, Bruno"
        ),
        _names(
            "Silva, Santos, Oliveira, Souza, Pereira, Costa, Ferreira, Rodrigues, Almeida, "
            "Carvalho, Lima"
        ),
    ),
    "de": (
        _names(
            "Anna, Lena, Marie, Sophie, Lea, Hannah, Lukas, Felix, Jonas, Leon, Maximilian, Paul"
        ),
        _names("Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker"),
    ),
    "it": (
        _names(
            "Giulia, Chiara, Francesca, Sara, Martina, Alessia, Marco, Luca, Matteo, Andrea, "
            "Giuseppe, Lorenzo"
        ),
        _names("Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci"),
    ),
}
ARABIC_SCRIPT_NAMES = (
    "محمد", "يوسف", "أمين", "عمر", "ياسمين", "نور", "سلمى", "مريم", "ليلى", "كريم",
)  # fmt: skip
NAME_DECOR = (
    "✨", "🌸", "💙", "🎶", "🦋", "🌙", "☀️", "🌻", "💫", "🖤", "🤍", "🌈", "🎧",
    "🎤", "🍀", "🐝", "🫶", "🌊",
)  # fmt: skip
NAME_SUFFIX_FR = (" | fan de Léa", " #TeamLéa", " (elle)", " 🎤 Léa stan", " 🏳️‍🌈")
NAME_SUFFIX_EN = (" (she/her)", " | Léa stan", " 🏳️‍🌈", " (he/him)", " 🇫🇷 learner")

# ---------------------------------------------------------------------------
# What people write.
# ---------------------------------------------------------------------------

SONGS = (
    "Boréale", "Minuit à Lisbonne", "Papier carbone", "Les Étoiles filantes",
    "Rue des Martyrs", "Cœur pixel", "Vertige", "Sous la pluie d'été",
    "Lettre à Jeanne",
)  # fmt: skip
ARTISTS = (
    "Nino Vega", "Clara Lune", "Malik Sy", "Jade Rivière", "Tom Arden",
    "Les Néons", "Sacha Lemaire",
)  # fmt: skip
EMOJI = (
    "❤️", "💙", "🤍", "💜", "💖", "🫶", "😍", "🥹", "😭", "🥰", "🤩", "😱", "😂",
    "🙈", "😊", "🥺", "✨", "🔥", "🎶", "🎤", "🙏", "👏", "💫", "🌟", "🎉", "👀",
    "🙌", "💙", "😭", "🥹",
)  # fmt: skip
HASHTAG_VARIANTS = (
    ("#AskBlueRoom", 0.84),
    ("#askblueroom", 0.08),
    ("#AskBlueroom", 0.03),
    ("#ASKBLUEROOM", 0.02),
    ("#askBlueRoom", 0.03),
)
EXTRA_TAGS = ("#LéaMarchand", "#Boréale", "#TeamLéa", "#BlueRoom", "#LeaMarchand")


@dataclass(frozen=True, slots=True)
class Cluster:
    """One question many fans ask, in several phrasings, and Léa's answer."""

    key: str
    weight: float
    fr: tuple[str, ...]
    en: tuple[str, ...]
    answer: str
    topic_fr: str
    topic_en: str


CLUSTERS: tuple[Cluster, ...] = (
    Cluster(
        "album",
        10,
        (
            "c'est quand le prochain album",
            "il sort quand le nouvel album",
            "le prochain album c'est pour quand",
            "tu peux nous dire quand sort le 3e album",
            "est-ce que tu prépares un nouvel album",
            "on aura un nouvel album en 2027",
        ),
        (
            "when is the new album coming out",
            "when's the next album dropping",
            "is there a new album coming soon",
            "can you tell us anything about album 3",
        ),
        "« Il est presque fini… je vous promets des nouvelles avant l'été 🤫 »",
        "le nouvel album",
        "the new album",
    ),
    Cluster(
        "tour",
        9,
        (
            "tu passes quand à {city}",
            "une date à {city} sur la prochaine tournée",
            "est-ce que tu vas faire une tournée au Québec",
            "tu reviens quand en concert à {city}",
            "pourquoi tu ne passes jamais par {city}",
        ),
        (
            "any plans to tour in {city}",
            "when are you coming to {city}",
            "will you ever do a world tour",
            "please come to {city}, when",
        ),
        "« La tournée 2027 passera par beaucoup de villes… et oui, on traverse l'Atlantique ✈️ »",
        "la tournée",
        "the tour",
    ),
    Cluster(
        "favsong",
        6,
        (
            "c'est quoi ta chanson préférée de ton album",
            "quelle chanson tu préfères chanter sur scène",
            "laquelle de tes chansons te touche le plus",
        ),
        (
            "what's your favorite song you've written",
            "which of your songs do you love performing the most",
        ),
        "« {song}, parce qu'elle me rappelle ma grand-mère 🥹 »",
        "sa chanson préférée",
        "her favorite song",
    ),
    Cluster(
        "inspiration",
        6,
        (
            "qui t'a donné envie de chanter",
            "quelles sont tes plus grandes inspirations",
            "c'est qui ton modèle dans la musique",
        ),
        ("who inspired you to become a singer", "who are your biggest influences"),
        "« Ma mère, qui chantait tout le temps en faisant la cuisine 💙 »",
        "sa maman",
        "her mum",
    ),
    Cluster(
        "trac",
        7,
        (
            "est-ce que tu as encore le trac avant de monter sur scène",
            "comment tu gères le trac",
            "t'as toujours le trac avant un concert",
        ),
        ("do you still get stage fright", "how do you deal with stage fright"),
        "« Toujours ! Je saute sur place et je respire en comptant jusqu'à huit »",
        "le trac",
        "stage fright",
    ),
    Cluster(
        "collab",
        7,
        (
            "un featuring avec {artist} un jour",
            "tu rêverais de chanter avec qui",
            "c'est pour quand le duo avec {artist}",
        ),
        ("who would you love to collab with", "any chance of a collab with {artist}"),
        "« Avec {artist}, on en parle… je n'en dis pas plus 👀 »",
        "le featuring",
        "the collab",
    ),
    Cluster(
        "advice",
        5,
        (
            "un conseil pour ceux qui veulent se lancer dans la musique",
            "tu conseillerais quoi à une jeune chanteuse",
            "comment on fait pour percer dans la musique",
        ),
        (
            "what advice would you give to young artists",
            "any tips for someone starting to write songs",
        ),
        "« Écrivez tous les jours, même quand c'est nul. Surtout quand c'est nul 😂 »",
        "son conseil",
        "her advice",
    ),
    Cluster(
        "writing",
        5,
        (
            "comment tu écris tes chansons",
            "tu écris d'abord la musique ou les paroles",
            "où est-ce que tu trouves l'inspiration pour écrire",
        ),
        ("how do you write your songs", "do you write the lyrics or the melody first"),
        "« Presque toujours la mélodie d'abord, souvent sous la douche 🚿 »",
        "l'écriture",
        "songwriting",
    ),
    Cluster(
        "ritual",
        4,
        (
            "c'est quoi ton rituel avant un concert",
            "tu fais quoi juste avant de monter sur scène",
        ),
        ("do you have a ritual before shows", "what do you do right before going on stage"),
        "« Un thé au miel et un câlin collectif avec les musiciens »",
        "son rituel",
        "her ritual",
    ),
    Cluster(
        "listening",
        4,
        (
            "qu'est-ce que tu écoutes en ce moment",
            "c'est quoi ta playlist du moment",
            "une chanson que tu écoutes en boucle",
        ),
        ("what are you listening to lately", "what's on your playlist right now"),
        "« Beaucoup de jazz brésilien et… du zouk, ne jugez pas 😂 »",
        "sa playlist",
        "her playlist",
    ),
    Cluster(
        "english",
        5,
        (
            "tu chanterais un jour en anglais",
            "pourquoi tu chantes pas en anglais",
            "est-ce que tu feras une chanson en anglais",
        ),
        (
            "will you ever release a song in English",
            "would you sing in English for your international fans",
            "why don't you sing in english",
        ),
        "« Jamais dire jamais… mais le français c'est ma maison 🇫🇷 »",
        "l'anglais",
        "singing in English",
    ),
    Cluster(
        "eurovision",
        4,
        (
            "tu ferais l'Eurovision",
            "est-ce que tu représenterais la France à l'Eurovision",
        ),
        ("would you ever do Eurovision", "Léa for Eurovision 2027 when"),
        "« Si on me le propose avec la bonne chanson… pourquoi pas 😏 »",
        "l'Eurovision",
        "Eurovision",
    ),
    Cluster(
        "meaning",
        6,
        (
            "de quoi parle vraiment {song}",
            "{song} c'est inspiré d'une histoire vraie",
            "tu l'as écrite pour qui {song}",
        ),
        ("what is {song} really about", "is {song} based on a true story"),
        "« {song}, c'est une lettre à moi-même à 16 ans ✉️ »",
        "{song}",
        "{song}",
    ),
    Cluster(
        "childhood",
        3,
        (
            "tu voulais faire quoi quand tu étais petite",
            "tu faisais quoi avant la musique",
        ),
        ("what did you want to be as a kid",),
        "« Vétérinaire ! Puis j'ai découvert la scène au collège 🐶 »",
        "son enfance",
        "her childhood",
    ),
    Cluster(
        "pistache",
        5,
        ("comment va ton chat Pistache", "des nouvelles de Pistache", "Pistache il va bien"),
        ("how is Pistache the cat doing", "we need a Pistache update"),
        "« Pistache va très bien, il dort sur ma valise en ce moment 🐈 »",
        "Pistache",
        "Pistache",
    ),
    Cluster(
        "city",
        3,
        ("ta ville préférée pour un concert", "le meilleur public de la tournée c'était où"),
        ("what's your favorite city to perform in",),
        "« Montréal. Le public chante plus fort que moi 😭 »",
        "Montréal",
        "Montréal",
    ),
    Cluster(
        "clip",
        3,
        (
            "le tournage du clip de {song} c'était comment",
            "il y aura un clip pour {song}",
        ),
        ("how was filming the {song} music video",),
        "« Tourné en une nuit, sous la pluie, à 4 °C 🥶 »",
        "le clip",
        "the video",
    ),
    Cluster(
        "sing",
        8,
        (
            "tu peux nous chanter un petit bout de {song}",
            "tu chantes {song} en live stp",
            "on peut avoir quelques notes de {song}",
        ),
        ("can you sing a bit of {song}", "please sing {song} live"),
        "« Allez, juste le refrain… 🎤 » (regardez le live !)",
        "le refrain",
        "the chorus",
    ),
    Cluster(
        "reco",
        2,
        ("un film ou une série à nous conseiller", "c'est quoi le dernier livre que tu as aimé"),
        ("any book or movie recommendations",),
        "« Un livre : L'Écume des jours. Je le relis chaque hiver 📚 »",
        "L'Écume des jours",
        "her book tip",
    ),
    Cluster(
        "dream",
        3,
        ("c'est quoi ton plus grand rêve aujourd'hui", "il te reste quoi comme rêve à réaliser"),
        ("what's your biggest dream now",),
        "« Chanter avec un orchestre symphonique, un jour 🎻 »",
        "son rêve",
        "her dream",
    ),
    Cluster(
        "zenith",
        3,
        (
            "ça fait quoi de remplir des Zéniths",
            "t'as ressenti quoi à ton premier grand concert",
        ),
        ("how does it feel to play huge venues",),
        "« Vertige total. J'ai pleuré dans les loges après 🥹 »",
        "les Zéniths",
        "big venues",
    ),
    Cluster(
        "social",
        3,
        (
            "tu lis les commentaires sur tes réseaux",
            "tu réponds toi-même à tes DM",
            "est-ce que tu nous lis",
        ),
        ("do you read your comments", "do you read our tweets"),
        "« Oui, tous les soirs… même ceux-là 👀 »",
        "les réseaux",
        "social media",
    ),
    Cluster(
        "acoustic",
        4,
        ("une version acoustique de {song} bientôt", "tu sortiras un album acoustique"),
        ("will there be an acoustic version of {song}",),
        "« Vous l'entendrez très bientôt… peut-être même ce soir 🎸 »",
        "l'acoustique",
        "the acoustic version",
    ),
    Cluster(
        "vinyl",
        2,
        ("il y aura une réédition vinyle de Boréale", "où on peut trouver le vinyle"),
        ("will you release Boréale on vinyl again",),
        "« Réédition vinyle en février, avec deux titres inédits 💿 »",
        "le vinyle",
        "the vinyl",
    ),
    Cluster(
        "pause",
        2,
        ("tu vas prendre une pause après la tournée", "tu fais quoi pour te reposer"),
        ("will you take a break after the tour",),
        "« Une semaine en Bretagne sans téléphone, c'est prévu 🌊 »",
        "ses vacances",
        "her break",
    ),
    Cluster(
        "food",
        2,
        ("ton plat préféré après un concert", "pizza ou raclette"),
        ("what's your go-to meal after a show",),
        "« Des pâtes au beurre à 2 h du matin. Le luxe 🍝 »",
        "les pâtes",
        "the pasta",
    ),
    Cluster(
        "languages",
        2,
        ("tu parles combien de langues",),
        ("do you speak english", "how many languages do you speak"),
        "« Français, anglais, un peu d'espagnol… et le langage des chats 🐈 »",
        "les langues",
        "languages",
    ),
    Cluster(
        "teen",
        3,
        ("tu dirais quoi à la Léa de 15 ans", "un message pour ton toi ado"),
        ("what would you tell your 15 year old self",),
        "« Arrête de t'excuser d'exister. Et achète des bouchons d'oreille 😂 »",
        "la Léa de 15 ans",
        "her teenage self",
    ),
    Cluster(
        "memory",
        3,
        ("ton meilleur souvenir sur scène", "le concert qui t'a le plus marquée"),
        ("what's your best memory on stage",),
        "« Le soir où toute la salle a chanté {song} a cappella 🥹 »",
        "son souvenir",
        "her best memory",
    ),
    Cluster(
        "mental",
        3,
        (
            "comment tu prends soin de ta santé mentale avec la célébrité",
            "comment tu gères la pression",
        ),
        (
            "how do you take care of your mental health",
            "how do you handle the pressure of fame",
        ),
        "« Une psy, des amis qui me connaissent depuis la maternelle, et des balades 🌿 »",
        "la santé mentale",
        "mental health",
    ),
)

Q_OPENERS_FR = (
    "", "", "", "Léa, ", "@leamarchand ", "Coucou Léa ! ", "Salut Léa 👋 ",
    "Bonsoir Léa, ", "Hello Léa ! ", "Question pour Léa : ", "Ma question : ",
    "Léa ! ", "Hey @leamarchand, ", "Léa est-ce que tu peux nous dire ",
    "Coucou de {city} ! ", "Léaaaa ", "Petite question : ", "Bonsoir ! ",
)  # fmt: skip
Q_OPENERS_EN = (
    "", "", "", "Léa, ", "@leamarchand ", "Hi Léa! ", "Hey Lea, ",
    "Question for Léa: ", "Léa!! ", "Hello from {city}! ", "Love you Léa! ",
    "Bonjour Léa! ", "Hey @leamarchand ",
)  # fmt: skip
Q_CLOSERS_FR = (
    ("?", 0.34), (" ?", 0.14), ("??", 0.07), (" ??", 0.04), ("", 0.18),
    ("?!", 0.04), (" ? 🥺", 0.05), (" ??? 😭", 0.03), (" ? réponds stp 🙏", 0.04),
    ("? 💙", 0.04), (" !!", 0.03),
)  # fmt: skip
Q_CLOSERS_EN = (
    ("?", 0.42), ("??", 0.08), ("", 0.2), ("?!", 0.04), ("? 🥺", 0.06),
    ("?? 😭", 0.04), ("? pls answer 🙏", 0.08), ("? ❤️", 0.05), (" !!", 0.03),
)  # fmt: skip
SMS_FR = (
    (r"\bc'est\b", "c"), (r"\bquand\b", "qd"), (r"\bpourquoi\b", "pk"),
    (r"\bquoi\b", "koi"), (r"\best-ce que\b", "est ce que"), (r"\btu es\b", "t"),
    (r"\bbeaucoup\b", "bcp"), (r"\bs'il te plaît\b", "stp"), (r"\bqu'est-ce que\b", "keske"),
)  # fmt: skip
SMS_EN = (
    (r"\byou\b", "u"), (r"\byour\b", "ur"), (r"\bare\b", "r"), (r"\bplease\b", "pls"),
    (r"\bwhat\b", "wat"), (r"\bwhen is\b", "when's"), (r"\bto\b", "2"),
)  # fmt: skip

OTHER_LANG_TEXT: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # lang: (questions, reactions)
    "es": (
        (
            "¿Cuándo vienes a {city}?",
            "¿Vas a cantar algún día en español?",
            "¿Cuál es tu canción favorita de tu álbum?",
            "¿Qué consejo darías a los jóvenes artistas?",
            "Léa, ¿harás una gira por Latinoamérica?",
            "¿Cómo escribes tus canciones?",
        ),
        (
            "Te amo Léa desde {city} {e}",
            "Qué voz tan bonita {e}",
            "Saludos desde {city} {e}",
            "Gracias por todo Léa {e}",
            "No puedo más, qué linda {e}",
            "Viendo el directo desde {city} {e}",
        ),
    ),
    "pt": (
        (
            "Quando você vem ao Brasil?",
            "Léa, você vai cantar em português um dia?",
            "Qual é a sua música favorita?",
            "Como você escreve suas músicas?",
            "Léa, vem fazer show em {city}?",
        ),
        (
            "Te amo Léa {e}",
            "Assistindo de {city} {e}",
            "Que voz maravilhosa {e}",
            "Obrigada Léa {e}",
            "Léa vem pro Brasil por favor {e}",
        ),
    ),
    "de": (
        (
            "Wann kommst du nach {city}?",
            "Léa, was ist dein Lieblingslied?",
            "Wirst du mal auf Deutsch singen?",
            "Wie schreibst du deine Songs?",
        ),
        (
            "Grüße aus {city} {e}",
            "Was für eine Stimme {e}",
            "Danke Léa {e}",
            "Ich liebe dieses Album {e}",
        ),
    ),
    "it": (
        (
            "Quando vieni in Italia?",
            "Léa, qual è la tua canzone preferita?",
            "Canterai mai in italiano?",
            "Come nascono le tue canzoni?",
        ),
        ("Ti amo Léa {e}", "Che voce {e}", "Saluti da {city} {e}", "Grazie Léa {e}"),
    ),
    "ar": (
        (
            "ليا، متى ستأتين إلى {city}؟",
            "ما هي أغنيتك المفضلة؟",
            "هل ستغنين بالعربية يوماً؟",
            "كيف تكتبين أغانيك؟",
        ),
        ("نحبك يا ليا {e}", "صوتك رائع {e}", "تحية من {city} {e}", "شكراً ليا {e}"),
    ),
}

REACTIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "fr": {
        "pre": (
            "Trop hâte {e}",
            "J'ai trop hâte de voir @leamarchand dans la #BlueRoom {e}",
            "Plus que {n} minutes !!! {e}",
            "Qui sera là ce soir ? {e}",
            "Préparez vos questions les amis {e}",
            "Je quitte le boulot en avance pour ça {e}",
            "Le live commence à quelle heure ? {e}",
            "J'ai préparé ma question depuis une semaine {e}",
            "Mon cœur n'est pas prêt {e}",
            "La team Léa est prête {e}",
            "Café ☕ + Léa = soirée parfaite",
            "On est combien à attendre ? {e}",
            "C'est ce soir !!!! {e}",
            "Léa dans la Blue Room ce soir, je vais pas survivre {e}",
            "Rdv à 19h {e}",
            "Qui regarde depuis {city} ? {e}",
            "Dans {n} min je suis devant mon écran {e}",
            "J'ai mis une alarme pour pas rater ça {e}",
        ),
        "start": (
            "C'EST PARTIIII {e}",
            "Le live a commencé !!! {e}",
            "ELLE EST LÀ {e}",
            "Elle est trop belle ce soir {e}",
            "Ça commence !!! {e}",
            "Bonsoir Léa depuis {city} {e}",
            "Je suis devant mon écran depuis 17h {e}",
        ),
        "live": (
            "Elle est trop drôle {e}",
            "Cette voix… {e}",
            "Je suis en larmes {e}",
            "Léa tu es incroyable {e}",
            "Le live est trop bien {e}",
            "Quelqu'un a le lien du live ?",
            "Ça coupe chez vous ou c'est moi ? 😩",
            "Elle a l'air tellement gentille {e}",
            "Je regarde depuis {city} {e}",
            "Ses réponses sont trop sincères {e}",
            "On veut une chanson !!! {e}",
            "Le pull de Léa 😍 quelqu'un sait d'où il vient ?",
            "Je crie {e}",
            "JE SUIS PAS PRÊTE {e}",
            "Meilleure soirée de l'année {e}",
            "{song} en acoustique ça va me tuer {e}",
            "Team Léa jusqu'au bout {e}",
            "Je suis fan depuis {year} et je pleure {e}",
            "Elle a dit {song} !!! {e}",
            "Elle répond à tout sans filtre, quelle pro {e}",
        ),
        "answer": (
            "Cette réponse {e}",
            "Elle a tellement raison {e}",
            "Je m'attendais pas à ça {e}",
            "Trop mignonne {e}",
            "La réponse sur {topic} {e}",
            "{topic} !!! {e}",
            "Ok je pleure pour {topic} {e}",
            "J'adore sa réponse {e}",
            "Elle est tellement vraie {e}",
            "Mdrrr la réponse {e}",
        ),
        "acoustic": (
            "Boréale en acoustique je suis morte {e}",
            "Les frissons {e}",
            "Cette voix en live… {e}",
            "Je pleure devant mon écran {e}",
            "Quelqu'un enregistre ?? {e}",
            "Le moment le plus beau du live {e}",
        ),
        "post": (
            "Merci @leamarchand pour ce moment {e}",
            "Quelle heure incroyable {e}",
            "Déjà fini ?? {e}",
            "Vivement le prochain live {e}",
            "Je suis encore sous le choc, elle a répondu à tellement de questions {e}",
            "Merci @BlueRoomFR pour ce live {e}",
            "Le replay est où ?",
            "Je réécoute {song} en boucle maintenant {e}",
            "Bonne nuit la team Léa {e}",
            "Elle n'a pas répondu à ma question mais je l'aime quand même {e}",
            "Meilleur live de l'année {e}",
        ),
        "photo": (
            "La photo {e}",
            "Trop belle la photo {e}",
            "Fond d'écran direct {e}",
            "Elle est trop belle {e}",
            "Cette photo mérite un musée {e}",
        ),
    },
    "en": {
        "pre": (
            "So excited {e}",
            "Can't wait to see @leamarchand in the #BlueRoom {e}",
            "Only {n} minutes left!!! {e}",
            "Who's watching tonight? {e}",
            "Get your questions ready {e}",
            "Leaving work early for this {e}",
            "What time does it start in London? {e}",
            "My heart is not ready {e}",
            "Watching from {city} {e}",
            "Been waiting all week for this {e}",
        ),
        "start": (
            "IT'S STARTING {e}",
            "She's here!!! {e}",
            "The live is on {e}",
            "Hi Léa from {city} {e}",
            "She looks so good tonight {e}",
        ),
        "live": (
            "She's so funny {e}",
            "That voice… {e}",
            "I'm crying {e}",
            "Léa you're amazing {e}",
            "This live is so good {e}",
            "Anyone has the link to the stream?",
            "Is the stream lagging for anyone else? 😩",
            "Watching from {city} {e}",
            "I don't speak French but I'm here {e}",
            "We want a song!!! {e}",
            "Best night of the year {e}",
            "Fan since {year} and still crying {e}",
            "Someone translate please 🙏",
        ),
        "answer": (
            "That answer {e}",
            "She's so right {e}",
            "Didn't expect that {e}",
            "So cute {e}",
            "The answer about {topic} {e}",
            "{topic}!!! {e}",
            "Ok I'm crying about {topic} {e}",
            "Love her answer {e}",
        ),
        "acoustic": (
            "Acoustic Boréale I'm dead {e}",
            "Chills {e}",
            "That live voice… {e}",
            "Crying at my desk {e}",
            "Best moment of the night {e}",
        ),
        "post": (
            "Thank you @leamarchand {e}",
            "What an hour {e}",
            "Already over?? {e}",
            "Can't wait for the next one {e}",
            "Where's the replay?",
            "She answered so many questions {e}",
            "Thank you @BlueRoomFR {e}",
            "Listening to {song} on repeat now {e}",
        ),
        "photo": ("That photo {e}", "So pretty {e}", "New wallpaper {e}"),
    },
}
FAN_ANSWERED = {
    "fr": (
        "ELLE A RÉPONDU À MA QUESTION 😭😭😭",
        "Je tremble, @leamarchand a répondu à ma question 🥹💙",
        "JE SUIS PAS BIEN ELLE M'A RÉPONDU",
        "Ma vie est complète, Léa a répondu à ma question {e}",
    ),
    "en": (
        "SHE ANSWERED MY QUESTION 😭😭",
        "I'm shaking, @leamarchand answered my question 🥹💙",
        "Léa answered me, I can die happy {e}",
    ),
}
REPLY_TO_QUESTION = {
    "fr": (
        "+1 !", "trop bonne question {e}", "j'allais demander la même chose",
        "mdr la même", "j'espère qu'elle va répondre {e}", "pareil !!",
        "on est d'accord {e}", "la question que tout le monde se pose",
        "elle a déjà répondu à ça en interview je crois",
    ),
    "en": (
        "+1!", "great question {e}", "was about to ask the same", "same!!",
        "hope she answers this {e}", "this!!", "she answered that on a podcast I think",
    ),
}  # fmt: skip
QUOTE_QUESTION = {
    "fr": (
        "Pareil !! {e}", "Cette question 👆 {e}", "Je veux trop savoir aussi",
        "Répondez à celle-là svp 🙏", "La meilleure question de la soirée",
        "+1000", "Ça c'est LA question",
    ),
    "en": (
        "Same!! {e}", "This question 👆 {e}", "Need to know too",
        "Answer this one please 🙏", "Best question of the night",
    ),
}  # fmt: skip
QUOTE_ANCHOR = {
    "fr": (
        "Cette réponse {e}", "Je suis morte 😭", "Elle est trop forte",
        "Ok j'ai pleuré", "Qui d'autre a crié ?", "LA RÉPONSE {e}", "Incroyable {e}",
    ),
    "en": ("That answer {e}", "I'm dead 😭", "She's the best", "Who else screamed?"),
}  # fmt: skip
MEDIA_POSTS = {
    "fr": (
        "🔴 En ce moment : @leamarchand répond à vos questions dans la #BlueRoom. "
        "Suivez le live 👉 {url}",
        "« {answer} » — @leamarchand ce soir dans la Blue Room",
        "Léa Marchand se confie sur {topic} dans la #BlueRoom de @BlueRoomFR 🎙️",
        "📻 On écoute {song} en l'honneur de @leamarchand, en direct de la Blue Room",
    ),
    "en": (
        "French pop star @leamarchand is answering fans' questions live right now 👉 {url}",
        "Léa Marchand opens up about {topic} in a live Q&A",
    ),
}
GUEST_REPLIES = (
    "merci 🥹", "je t'ai vue au premier rang à Lyon !!", "bientôt, promis 🤫",
    "tu as tout compris 😂", "j'ai lu ton message, merci du fond du cœur",
    "on se voit en tournée 💙",
)  # fmt: skip

SPAM_TEXTS: tuple[tuple[str, str], ...] = (
    ("fr", "🎁 Gagnez un iPhone 17 Pro ! Clique ici 👉 {url} #AskBlueRoom #concours"),
    ("fr", "Tu veux gagner 500€ par jour depuis ton canapé ? 💸 {url} #AskBlueRoom"),
    ("fr", "🔥 Places pour la tournée de Léa à -70% 👉 {url} #AskBlueRoom"),
    ("fr", "Je suis devenue riche grâce à ce site 😱 {url} #AskBlueRoom #LéaMarchand"),
    ("fr", "📱 iPhone 17 à gagner, RT + follow + clique 👉 {url} #AskBlueRoom"),
    ("fr", "💶 Investis 250€ en crypto, retire 8000€ en une semaine ✅ {url} #AskBlueRoom"),
    ("en", "🚀 Free Bitcoin giveaway! Send 0.1 BTC and get 0.2 back 👉 {url} #AskBlueRoom"),
    ("en", "💰 Turn $100 into $5,000 in 24h with this crypto bot {url} #AskBlueRoom"),
    ("en", "🔥 Get 10K real followers today {url} #AskBlueRoom"),
    ("en", "Check my pinned 😘🔥 {url} #AskBlueRoom"),
    ("en", "🎁 Win an iPhone 17 Pro Max! Click here 👉 {url} #AskBlueRoom"),
)
SPAM_DOMAINS = (
    "cadeau-iphone.example", "btc-doubler.example", "free-followers.example",
    "promo-gagnant.example", "crypto-x100.example", "billets-pas-chers.example",
)  # fmt: skip
ATSPAM_TEXTS = (
    ("fr", "écoutez mon nouveau son 🎧🔥 {url}"),
    ("fr", "follow back svp 🙏🙏"),
    ("fr", "venez voir mon profil 😘"),
    ("en", "check my music 🎵 {url}"),
    ("en", "follow for follow 💯"),
)
HASHBOMB_TAGS = (
    "#LéaMarchand", "#Boréale", "#BlueRoom", "#TeamLéa", "#Music", "#Musique",
    "#Concert", "#Paris", "#Live", "#fyp", "#viral", "#love", "#MusiqueFrançaise",
    "#Chanson", "#NewMusic", "#Pop", "#Fans", "#Tournée2027", "#Léa", "#FollowBack",
)  # fmt: skip

PROFANITY_FR = ("merde", "putain", "bordel")
INSULT_FR = ("connasse", "conne", "pétasse", "salope", "abrutie", "débile", "nulle")
INSULT_FR_PLURAL = ("connards", "abrutis", "débiles", "enculés", "cons")
PROFANITY_EN = ("fuck", "shit", "bullshit", "wtf")
INSULT_EN = ("bitch", "idiot", "loser", "asshole", "dumbass", "clown")
PROFANE_TEMPLATES = {
    "fr": (
        "{p} le son coupe encore", "{p} j'ai raté le début", "{p} de live de {m}",
        "t'es qu'une {i} Léa", "ferme-la {i}", "les fans de Léa sont des {ip}",
        "elle chante comme une casserole cette {i}", "personne t'écoute {i}",
        "ta gueule avec tes questions de {i}", "cette émission c'est de la {m}",
        "@leamarchand espèce de {i}", "{p} mais réponds aux vraies questions",
        "bande de {ip}", "va te faire foutre @leamarchand",
    ),
    "en": (
        "{p} the stream keeps lagging", "she can't sing, what a {i}", "shut up {i}",
        "this is {p}", "who even cares about this {i}", "Léa fans are such {i}s",
        "@leamarchand you're a {i}", "{p} answer the real questions",
    ),
}  # fmt: skip
LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "$", "t": "7", "u": "v"}
CYRILLIC = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "u": "υ"}

NOTE_SENTENCES = {
    "fr": (
        "Je t'écoute depuis tes tout débuts, quand tu postais des reprises depuis ta "
        "chambre avec ta guitare désaccordée.",
        "« {song} » m'a accompagnée pendant l'année la plus difficile de ma vie, je ne "
        "sais pas comment te remercier.",
        "J'ai traversé la France pour te voir à {city} et je n'ai jamais autant pleuré "
        "de joie dans une salle de concert.",
        "Ma fille de huit ans connaît toutes tes chansons par cœur, elle chante « {song} »"
        " dans la voiture tous les matins.",
        "Ce que j'aime chez toi, c'est que tu n'as jamais changé : la même sincérité, la "
        "même douceur, la même folie sur scène.",
        "Je suis infirmière de nuit et tes albums tournent en boucle dans la salle de "
        "pause, mes collègues te disent merci aussi.",
        "Quand tu as parlé de ta santé mentale l'an dernier, tu as aidé plus de gens que "
        "tu ne l'imagines.",
        "Je me suis mise à la guitare grâce à toi, j'en suis à mon troisième morceau, et "
        "c'est « {song} ».",
        "On était au premier rang à {city}, tu nous as fait un signe pendant le rappel, "
        "ma copine n'en dort toujours pas.",
        "Tes textes me donnent envie d'écrire, alors j'écris, un peu chaque soir, même "
        "quand c'est maladroit.",
        "Je sais que tu ne liras peut-être jamais ce message, mais j'avais besoin de "
        "l'écrire quelque part.",
        "Merci d'être restée toi-même malgré tout ce qu'on a pu dire sur toi dans les médias.",
        "Et si un jour tu passes par {city}, sache qu'une salle entière t'attend déjà.",
        "Ma question, du coup : est-ce que tu écris encore dans ce petit carnet rouge "
        "dont tu parlais en interview ?",
        "Mon grand-père, qui n'écoute que de l'accordéon, a demandé qui chantait quand il"
        " a entendu « {song} » à la radio.",
        "Je t'ai découverte grâce à une vidéo de ton concert acoustique dans une église, "
        "et depuis je ne t'ai plus quittée.",
        "Je voulais aussi remercier toute ton équipe, tes musiciens, et la Blue Room pour"
        " ce moment.",
        "Prends soin de toi, repose-toi après la tournée, on sera encore là quand tu reviendras.",
        "Il y a des chansons qui arrivent au bon moment dans une vie, et les tiennes sont"
        " arrivées exactement quand il fallait.",
        "J'ai fait écouter ton album à ma mère pendant sa chimio, c'est devenu notre "
        "rituel du mardi.",
        "Je ne suis pas très douée pour les mots, c'est pour ça que j'aime autant les tiens.",
        "La première fois que j'ai entendu ta voix, j'étais dans un train entre {city} et"
        " Paris, et j'ai raté mon arrêt.",
        "Tu as rendu la langue française belle pour plein de gens qui la trouvaient "
        "ringarde, moi la première.",
        "Je me souviens encore du premier concert, dans une petite salle de {city} où nous "
        "étions à peine deux cents, et tu avais oublié les paroles du deuxième couplet.",
        "Depuis, je t'ai vue sept fois, et à chaque fois je repars avec la même impression "
        "d'avoir passé la soirée avec une amie.",
        "Mon copain se moque de moi parce que je connais tes interviews par cœur, mais il "
        "fredonne « {song} » sous la douche, je l'ai entendu.",
        "Au lycée, on avait fait un exposé sur toi en cours de français, la prof a adoré "
        "et elle a passé « {song} » à toute la classe.",
        "Ce qui me touche le plus, ce sont les petites phrases que tu glisses entre les "
        "chansons, quand tu parles de ta grand-mère ou de ta ville.",
        "J'ai déménagé à {city} il y a deux ans sans connaître personne, et c'est à ton "
        "concert que j'ai rencontré mes meilleures amies.",
        "On a même créé un groupe de discussion qui s'appelle « Les Boréales », on est "
        "quarante et on se retrouve à chaque date de la tournée.",
        "Je ne sais pas si tu te rends compte de tout ce que tu as construit, mais nous, on "
        "le voit, et on en est fiers.",
        "J'espère que la tournée 2027 passera par {city}, j'ai déjà mis de l'argent de côté "
        "pour les billets, pour moi et pour ma petite sœur.",
        "Et surtout, ne change rien : ni ta voix, ni tes chaussettes dépareillées, ni ton "
        "rire quand tu rates une note.",
        "Bref, merci pour tout, merci pour ce soir, et merci d'exister.",
    ),
    "en": (
        "I've been listening to you since a friend sent me {song} three years ago, and "
        "I don't even speak French.",
        "Your music got me through my first winter abroad, alone in a tiny flat in {city}.",
        "I learned French with your lyrics, one line at a time, with a dictionary and a "
        "lot of patience.",
        "Seeing you live in {city} was the best night of my year, the whole crowd sang "
        "along, even the English speakers.",
        "Thank you for being so open about anxiety, it made me feel less alone.",
        "My question: will you ever tour outside Europe? There are so many of us waiting for you.",
        "I know you might never read this, but I needed to write it somewhere.",
        "Please take care of yourself after the tour, we will still be here.",
        "{song} is the song I play every time I need courage.",
        "Your band is incredible too, that bass line in {song} lives in my head rent free.",
        "My mum and I have a tradition now: every Sunday breakfast comes with your album.",
        "Anyway, thank you for everything, and thank you for tonight.",
    ),
}

# ---------------------------------------------------------------------------
# Small helpers.
# ---------------------------------------------------------------------------

MENTION_RE = re.compile(r"(?<![A-Za-z0-9_@])@([A-Za-z0-9_]{1,15})(?![A-Za-z0-9_@])")
HASHTAG_RE = re.compile(r"(?<![\w#&])#(\w+)")
URL_RE = re.compile(r"https://t\.co/[A-Za-z0-9]{10}")
ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


def iso(ms: int) -> str:
    """X's created_at: second resolution, always ``.000Z``."""
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ms // 1000)) + ".000Z"


def snowflake(ms: int, low: int) -> str:
    return str(((ms - TWITTER_EPOCH_MS) << 22) | (low & 0x3FFFFF))


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", kept)


def ascii_handle(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_]", "", strip_accents(text))


def stable_unit(key: str) -> float:
    """A number in [0, 1) that depends on ``key`` only (not on the seed)."""
    digest = hashlib.sha1(key.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2.0**64


def tidy(text: str) -> str:
    return re.sub(r"[ ]{2,}", " ", text).strip()


def fit(body: str, suffix: str, limit: int = 280) -> str:
    """``body`` + ``suffix`` in at most ``limit`` code points, cutting the body."""
    room = limit - len(suffix)
    if len(body) > room:
        cut = body[: max(0, room - 1)]
        if " " in cut[-30:]:
            cut = cut[: cut.rfind(" ")]
        body = cut.rstrip() + "…"
    return body + suffix


def entities_of(text: str, urls: dict[str, tuple[str, str]], ids: dict[str, str]) -> JsonDict:
    """X v2 entities of ``text``, offsets in code points, only the kinds present."""
    out: JsonDict = {}
    tags = [
        {"start": m.start(), "end": m.end(), "tag": m.group(1)}
        for m in HASHTAG_RE.finditer(text)
        if not m.group(1).isdigit()
    ]
    if tags:
        out["hashtags"] = tags
    mentions = []
    for m in MENTION_RE.finditer(text):
        mention: JsonDict = {"start": m.start(), "end": m.end(), "username": m.group(1)}
        user_id = ids.get(m.group(1).lower())
        if user_id is not None:
            mention["id"] = user_id
        mentions.append(mention)
    if mentions:
        out["mentions"] = mentions
    links = []
    for m in URL_RE.finditer(text):
        if m.group(0) in urls:
            expanded, display = urls[m.group(0)]
            links.append(
                {
                    "start": m.start(),
                    "end": m.end(),
                    "url": m.group(0),
                    "expanded_url": expanded,
                    "display_url": display,
                }
            )
    if links:
        out["urls"] = links
    return out


class Dice:
    """Fast scalar draws from a numpy Generator (it is drawn in blocks)."""

    def __init__(self, rng: np.random.Generator) -> None:
        self._rng = rng
        self._buf: list[float] = []
        self._i = 0

    def u(self) -> float:
        if self._i >= len(self._buf):
            self._buf = self._rng.random(4096).tolist()
            self._i = 0
        value = self._buf[self._i]
        self._i += 1
        return value

    def chance(self, p: float) -> bool:
        return self.u() < p

    def below(self, n: int) -> int:
        return min(int(self.u() * n), n - 1)

    def between(self, lo: int, hi: int) -> int:
        """An integer in [lo, hi]."""
        return lo + self.below(hi - lo + 1)

    def pick(self, seq: Sequence[T]) -> T:
        return seq[self.below(len(seq))]

    def weighted(self, pairs: Sequence[tuple[T, float]]) -> T:
        total = sum(w for _, w in pairs)
        x = self.u() * total
        for item, weight in pairs:
            x -= weight
            if x < 0:
                return item
        return pairs[-1][0]

    def expo(self, mean: float) -> float:
        return -math.log(1.0 - self.u()) * mean

    def token(self, n: int) -> str:
        return "".join(ALNUM[self.below(len(ALNUM))] for _ in range(n))

    def digits(self, n: int) -> str:
        return "".join(str(self.below(10)) for _ in range(n))


# ---------------------------------------------------------------------------
# The model: users, posts, places.
# ---------------------------------------------------------------------------


@dataclass(slots=True)
class User:
    idx: int
    id: str
    username: str
    name: str
    created_ms: int
    verified: bool
    followers: int
    following: int
    tweets: int
    listed: int
    lang: str
    home: int  # index in CITIES
    role: str  # fan, big, spam, fresh, room, guest
    location: str = ""


@dataclass(slots=True)
class Post:
    idx: int
    ms: int
    id: str
    author: int
    kind: str = ""
    text: str = ""
    lang: str = "fr"
    ref_type: str = ""
    ref: int = -1
    ref_metrics: tuple[int, int, int, int, int] = (0, 0, 0, 0, 0)
    reply_user: int = -1
    conv: str = ""
    note: str = ""
    metrics: tuple[int, int, int, int, int] = (0, 0, 0, 0, 0)
    cluster: int = -1
    topic: tuple[str, str] = ("", "")
    rules: tuple[str, ...] = ()
    place: str = ""  # key in the place registry
    coords: tuple[float, float] | None = None  # lon, lat
    malformed: str = ""
    written: bool = True
    rts: int = 0
    replies: int = 0
    quotes: int = 0
    likes: int = 0


@dataclass(slots=True)
class Slot:
    t: float  # seconds from WINDOW_START
    src: str  # anchor, burst, bg, flood, fresh, hostile, note, malformed
    arg: int = -1  # anchor index, hostile index...


@dataclass(slots=True)
class Anchor:
    t: float
    kind: str
    weight: float
    tau: float
    who: str  # room or guest
    post: int = -1  # index of the post once written
    fan_reacted: bool = False


@dataclass(slots=True)
class EventSummary:
    path: Path
    lines: int
    posts: int
    malformed: int
    users: int
    languages: dict[str, float] = field(default_factory=dict)
    geo: dict[str, float] = field(default_factory=dict)
    retweets: float = 0.0
    replies: float = 0.0
    quotes: float = 0.0
    size: int = 0
    seconds: float = 0.0

    def format(self) -> str:
        langs = ", ".join(f"{k} {v:.1f}%" for k, v in self.languages.items())
        geo = ", ".join(f"{k} {v:.1f}%" for k, v in self.geo.items())
        return "\n".join(
            (
                f"wrote {self.path} ({self.size / 1e6:.2f} MB, {self.seconds:.1f} s)",
                f"lines {self.lines}: posts {self.posts}, malformed {self.malformed}; "
                f"authors {self.users}",
                f"languages: {langs}",
                f"geo: {geo}",
                f"retweets {self.retweets:.1f}%, replies {self.replies:.1f}%, "
                f"quotes {self.quotes:.1f}%",
            )
        )


# The hostile-but-valid texts: every one of them is a legal post.
def _hostile_texts(link: str, zalgo: str) -> tuple[tuple[str, str], ...]:
    return (
        ("fr", "<b>Léa</b> tu es la <i>meilleure</i> !! #AskBlueRoom"),
        ("fr", "<img src=x onerror=alert(1)> #AskBlueRoom"),
        ("fr", f'<a href="{link}">clique ici pour la surprise de Léa</a> #AskBlueRoom'),
        ("fr", "<script>alert('blueroom')</script> Léa réponds moi #AskBlueRoom"),
        ("fr", "&lt;b&gt;Léa&lt;/b&gt; &amp; moi on est pareilles &lt;3 #AskBlueRoom"),
        ("fr", '<h1 style="color:red;font-size:400px">LÉA</h1> #AskBlueRoom'),
        ("ar", "ليا، متى ستغنين في الجزائر؟ نحبك كثيراً ❤️ #AskBlueRoom"),
        ("iw", "לאה, מתי את מגיעה לתל אביב? ❤️ #AskBlueRoom"),
        ("ar", "#AskBlueRoom سؤال: هل تحبين الموسيقى العربية؟ @leamarchand"),
        ("und", "Léa ليا レア 레아 Леа Λέα 莉亚 לאה — love from everywhere 🌍 #AskBlueRoom"),
        ("fr", "Léa \u202eesnopér ariof tse'c\u202c #AskBlueRoom"),
        ("und", f"{zalgo} #AskBlueRoom"),
        ("fr", "Léa\u0007\u0007 bip bip #AskBlueRoom"),
        ("fr", "\u001b[31mROUGE\u001b[0m comme ta robe Léa #AskBlueRoom"),
        ("fr", "ligne 1\r\nligne 2\tTAB\u000bVT\u000cFF #AskBlueRoom"),
        ("fr", "nul\u0000byte caché #AskBlueRoom"),
        ("fr", "L\u200be\u200ba\u200b \u2060t'es\u00ad la \ufeffmeilleure #AskBlueRoom"),
        ("zxx", "😍" * 120 + " #AskBlueRoom"),
        ("zxx", "👩\u200d👩\u200d👧\u200d👦" * 36 + " #AskBlueRoom"),
        ("zxx", "🇫🇷🇧🇪🇨🇭🇨🇦🇸🇳🇨🇮🇲🇦🇩🇿🇹🇳🇨🇩" * 12 + " #AskBlueRoom"),
        ("zxx", "👏🏽" * 80 + " @leamarchand"),
        ("fr", "Lé" + "a" * 230 + " #AskBlueRoom"),
        ("fr", "𝐋𝐞́𝐚 𝓽'𝓮𝓼 𝓽𝓻𝓸𝓹 𝓫𝓮𝓵𝓵𝓮 #AskBlueRoom"),
        ("fr", "Robert'); DROP TABLE tweets;-- #AskBlueRoom"),
        ("fr", "%s%s%s%n {0} ${HOME} {{7*7}} #AskBlueRoom"),
        ("fr", "**gras** _italique_ `code`\n\n> citation\n- liste #AskBlueRoom"),
        ("en", "what if i write\n\n\n\n\n\n\n\n\nvery\n\n\n\n\nlow #AskBlueRoom"),
    )


# ---------------------------------------------------------------------------
# The builder.
# ---------------------------------------------------------------------------


class EventBuilder:
    def __init__(self, seed: int, posts: int) -> None:
        if posts < 1000:
            raise ValueError("an event needs at least 1,000 posts")
        self.rng = np.random.default_rng(seed)
        self.d = Dice(self.rng)
        self.n_posts = posts
        self.users: list[User] = []
        self.by_name: dict[str, int] = {}
        self.ids_by_name: dict[str, str] = {}
        self.posts: list[Post] = []
        self.anchors: list[Anchor] = []
        self.urls: dict[str, tuple[str, str]] = {}
        self.places: dict[str, JsonDict] = {}
        self.entity_cache: dict[int, JsonDict] = {}
        self.hostile = _hostile_texts(
            self._link("https://blueroom.example/surprise"), self._zalgo("réponds moi Léa")
        )
        # Retweet candidates: post index, attractiveness, time, retweets so far.
        self.cand_post: list[int] = []
        self.cand_base = np.zeros(posts + 64)
        self.cand_t = np.zeros(posts + 64)
        self.cand_rts = np.zeros(posts + 64)
        self.cand_pos: dict[int, int] = {}
        # Questions that can be replied to or answered.
        cap = posts + 64
        self.n_q = 0
        self.q_post = np.zeros(cap, dtype=np.int64)
        self.q_cand = np.zeros(cap, dtype=np.int64)
        self.q_cluster = np.zeros(cap, dtype=np.int64)
        self.q_weight = np.zeros(cap)
        self.q_t = np.zeros(cap)
        self.q_replies = np.zeros(cap)
        self.q_answerable = np.zeros(cap, dtype=bool)
        self.q_lang_bias = np.ones(cap)  # a French room picks French questions a bit more
        self.q_pos: dict[int, int] = {}
        self.same_question: dict[tuple[int, str], list[int]] = {}
        self.answered_clusters: list[int] = []
        self.question_count = 0
        cluster_w = np.array([c.weight for c in CLUSTERS], dtype=float)
        self.cluster_cum = np.cumsum(cluster_w**1.3)
        self._city_weights()

    # -- randomness helpers -------------------------------------------------

    def _zalgo(self, text: str) -> str:
        out = []
        for ch in text:
            out.append(ch)
            if ch != " ":
                out.extend(chr(0x300 + self.d.below(0x70)) for _ in range(self.d.between(3, 9)))
        return "".join(out)

    def _link(self, expanded: str, display: str = "") -> str:
        short = "https://t.co/" + self.d.token(10)
        if not display:
            display = expanded.split("://", 1)[-1]
            if len(display) > 26:
                display = display[:25] + "…"
        self.urls[short] = (expanded, display)
        return short

    def _emo(self) -> str:
        r = self.d.u()
        if r < 0.18:
            return ""
        if r < 0.55:
            return self.d.pick(EMOJI)
        if r < 0.75:
            return self.d.pick(EMOJI) * self.d.between(2, 4)
        return "".join(self.d.pick(EMOJI) for _ in range(self.d.between(2, 4)))

    def _hashtag(self) -> str:
        return self.d.weighted(HASHTAG_VARIANTS)

    def _song(self) -> str:
        song = self.d.pick(SONGS)
        r = self.d.u()
        if r < 0.45:
            return f"« {song} »"
        if r < 0.6:
            return strip_accents(song)
        if r < 0.7:
            return f'"{song}"'
        return song

    def _fill(self, template: str, user: User, city_idx: int = -1, **extra: str) -> str:
        """Fill a template's slots; ``{city}`` is the user's city unless ``city_idx``."""
        city = CITIES[user.home if city_idx < 0 else city_idx]
        text = template
        if "{city}" in text:
            if user.lang == "ar" and city.arabic:
                name = city.arabic
            elif user.lang == "ar":
                name = "باريس"
            else:
                name = city.name if self.d.chance(0.85) else strip_accents(city.name)
            text = text.replace("{city}", name)
        if "« {song} »" in text:  # already in guillemets: the bare title
            song = self.d.pick(SONGS)
            text = text.replace(
                "« {song} »", f"« {strip_accents(song) if self.d.chance(0.1) else song} »"
            )
        if "{song}" in text:
            text = text.replace("{song}", extra.get("song") or self._song())
        if "{artist}" in text:
            text = text.replace("{artist}", self.d.pick(ARTISTS))
        if "{year}" in text:
            text = text.replace("{year}", str(self.d.between(2016, 2024)))
        for key, value in extra.items():
            text = text.replace("{" + key + "}", value)
        while "{e}" in text:
            text = text.replace("{e}", self._emo(), 1)
        return tidy(text)

    # -- geography -----------------------------------------------------------

    def _city_weights(self) -> None:
        pops = np.array([c.pop for c in CITIES], dtype=float) ** 0.6
        pops[0] *= 1.6  # Paris weighs more on X than its population says
        is_fr = np.array([c.cc == "FR" for c in CITIES])
        franco = np.array([c.franco and c.cc != "FR" for c in CITIES])
        self.city_cum: dict[str, np.ndarray] = {}
        for lang in ("fr", "en", "es", "pt", "de", "it", "ar"):
            same = np.array([c.lang == lang for c in CITIES])
            if lang == "fr":
                aff = np.where(is_fr, 8.0, np.where(franco, 1.3, 0.06))
            elif lang == "en":
                aff = np.where(same, 3.0, np.where(is_fr, 0.7, np.where(franco, 0.3, 0.12)))
            else:
                aff = np.where(same, 5.0, np.where(is_fr, 0.5, 0.05))
            self.city_cum[lang] = np.cumsum(pops * aff)
        glob = pops * np.where(is_fr, 3.0, np.where(franco, 1.5, 1.0))
        self.city_cum["any"] = np.cumsum(glob)

    def _draw_city(self, key: str) -> int:
        cum = self.city_cum[key]
        return min(int(np.searchsorted(cum, self.d.u() * cum[-1], side="right")), len(cum) - 1)

    @staticmethod
    def _city_box(city: City) -> BBox:
        r_lat = 0.02 + 0.02 * math.log10(max(city.pop, 30) / 30.0)
        r_lon = r_lat / math.cos(math.radians(city.lat))
        j = stable_unit(city.name)
        k = stable_unit(city.name + "/k")
        west = city.lon - r_lon * (0.8 + 0.4 * j)
        east = city.lon + r_lon * (0.8 + 0.4 * k)
        south = city.lat - r_lat * (0.8 + 0.4 * k)
        north = city.lat + r_lat * (0.8 + 0.4 * j)
        return (round(west, 6), round(south, 6), round(east, 6), round(north, 6))

    def _place(self, city_idx: int, ptype: str) -> str:
        city = CITIES[city_idx]
        country = COUNTRIES[city.cc]
        if ptype == "poi":
            name, lat, lon = self.d.pick(PARIS_POIS)
            full_name, bbox = name, (lon, lat, lon, lat)
        elif ptype == "admin" and city.admin:
            admin = ADMINS[city.admin]
            name, bbox = admin.name, admin.bbox
            suffix = "USA" if city.cc == "US" else country.name
            full_name = f"{admin.name}, {suffix}"
        elif ptype in ("admin", "country"):
            ptype = "country"
            name = full_name = country.name
            bbox = country.bbox
        else:
            ptype = "city"
            name, bbox = city.name, self._city_box(city)
            if city.cc == "US":
                full_name = f"{city.name}, {city.state}"
            elif city.cc == "CA" and city.admin:
                full_name = f"{city.name}, {ADMINS[city.admin].name}"
            elif city.cc == "GB":
                full_name = f"{city.name}, England"
            else:
                full_name = f"{city.name}, {country.name}"
        key = hashlib.sha1(f"{ptype}:{full_name}".encode()).hexdigest()[:16]
        if key not in self.places:
            self.places[key] = {
                "id": key,
                "full_name": full_name,
                "name": name,
                "country": country.name,
                "country_code": country.code,
                "place_type": ptype,
                "geo": {"type": "Feature", "bbox": list(bbox), "properties": {}},
            }
        return key

    def _location_text(self, user: User) -> str:
        city = CITIES[user.home]
        country = COUNTRIES[city.cc]
        r = self.d.u()
        if r < 0.26:
            return city.name
        if r < 0.32:
            return city.name.lower()
        if r < 0.42:
            text = f"{city.name}, {country.local}"
            return text.lower() if self.d.chance(0.3) else text
        if r < 0.52:
            return f"{city.name} {country.flag}"
        if r < 0.55:
            return f"{city.name.upper()} {country.flag}"
        if r < 0.6:
            return strip_accents(city.name)
        if r < 0.76 and city.variants:
            return self.d.pick(city.variants)
        if r < 0.85:
            return country.local + (f" {country.flag}" if self.d.chance(0.5) else "")
        if r < 0.89 and city.admin:
            return ADMINS[city.admin].name
        if r < 0.93:
            other = CITIES[self._draw_city("any")]
            return f"{city.name} ✈️ {other.name}"
        deco = self.d.pick(("☀️", "🌧️", "💙", f"| {self.d.between(16, 45)} ans", "🏡", "✨"))
        return f"{city.name} {deco}"

    # -- users ---------------------------------------------------------------

    def _user_id(self, created_ms: int) -> str:
        # Accounts older than 2014 have the old sequential ids, then snowflakes.
        if created_ms < 1_388_534_400_000:
            span = (created_ms - 1_167_609_600_000) / (1_388_534_400_000 - 1_167_609_600_000)
            return str(int(1_000_000 + max(span, 0.0) * 2_250_000_000) + self.d.below(900_000))
        return snowflake(created_ms, self.d.below(1 << 22))

    def _add_user(
        self,
        username: str,
        name: str,
        created_ms: int,
        lang: str,
        home: int,
        role: str,
        followers: int,
        verified: bool = False,
        following: int = -1,
        tweets: int = -1,
    ) -> User:
        base = username[:15]
        k = 0
        while base.lower() in self.by_name or len(base) < 4:
            k += 1
            tail = str(self.d.between(1, 9999 if k < 5 else 999_999))
            base = username[: 15 - len(tail)] + tail
        years = max((WINDOW_START_MS - created_ms) / (365.25 * 86400e3), 0.01)
        if following < 0:
            following = int(math.exp(self.rng.normal(math.log(320), 0.9)))
        if tweets < 0:
            tweets = int(math.exp(self.rng.normal(math.log(600 * years), 1.1))) + 1
        listed = int(followers / (150 + 300 * self.d.u())) if followers > 50 else 0
        user = User(
            idx=len(self.users),
            id=self._user_id(created_ms),
            username=base,
            name=name,
            created_ms=created_ms,
            verified=verified,
            followers=followers,
            following=following,
            tweets=tweets,
            listed=listed,
            lang=lang,
            home=home,
            role=role,
        )
        self.users.append(user)
        self.by_name[base.lower()] = user.idx
        self.ids_by_name[base.lower()] = user.id
        return user

    def _name_region(self, lang: str, city: City) -> str:
        if lang == "fr":
            if city.cc == "CA":
                return "qc"
            if city.cc in ("MA", "DZ", "TN", "LB"):
                return "maghreb"
            if city.franco and city.cc not in ("FR", "BE", "CH", "LU", "MC"):
                return "africa"
            return "fr"
        if lang == "ar":
            return "maghreb"
        return lang

    def _fan_identity(self, lang: str, home: int) -> tuple[str, str]:
        region = self._name_region(lang, CITIES[home])
        firsts, lasts = NAMES[region]
        first, last = self.d.pick(firsts), self.d.pick(lasts)
        f, ln = ascii_handle(first).lower(), ascii_handle(last).lower()
        yy = f"{self.d.between(88, 109) % 100:02d}"
        patterns = (
            f"{f}{ln}", f"{f}_{ln}", f"{f}{ln[:1]}{yy}", f"{f}{self.d.digits(4)}",
            f"{f}_{self.d.digits(2)}", f"{first.capitalize()}{last}", f"x{f}x",
            f"{f}_lea", f"its{f}", f"{f}{ln}_", f"the_{f}", f"{f}{yy}",
            f"{f[:3]}{ln[:3]}{self.d.digits(3)}", f"lea_stan_{f}", f"{f}.{ln}",
            f"{f}loveslea", f"{ascii_handle(first)}{ascii_handle(last)[:1]}",
        )  # fmt: skip
        username = ascii_handle(self.d.pick(patterns))
        r = self.d.u()
        if lang == "ar" and self.d.chance(0.45):
            name = self.d.pick(ARABIC_SCRIPT_NAMES)
        elif r < 0.35:
            name = f"{first} {last}"
        elif r < 0.55:
            name = first
        elif r < 0.65:
            name = f"{first} {last[:1]}."
        elif r < 0.8:
            name = f"{first} {self.d.pick(NAME_DECOR)}"
        elif r < 0.87:
            suffixes = NAME_SUFFIX_FR if lang == "fr" else NAME_SUFFIX_EN
            name = first + self.d.pick(suffixes)
        elif r < 0.92:
            name = first.lower() + " " + self.d.pick(NAME_DECOR) * self.d.between(1, 3)
        elif r < 0.96:
            name = f"{first.upper()} {COUNTRIES[CITIES[home].cc].flag}"
        else:
            name = f"{first}•{last}"
        return username, name

    def _created_ms(self) -> int:
        year = self.d.weighted(
            [(y, w) for y, w in zip(range(2009, 2027), (
                2, 4, 6, 7, 7, 6, 5, 5, 5, 5, 6, 9, 8, 7, 6, 5, 5, 3,
            ), strict=True)]
        )  # fmt: skip
        start = datetime(year, 1, 1, tzinfo=UTC).timestamp()
        end = min(
            datetime(year + 1, 1, 1, tzinfo=UTC).timestamp(),
            datetime(2026, 11, 1, tzinfo=UTC).timestamp(),
        )
        return int(start + self.d.u() * (end - start)) * 1000

    def build_users(self, n_users: int, n_fresh: int) -> None:
        paris = 0
        self.room = self._add_user(
            "BlueRoomFR", "Blue Room France 💙", 1_331_716_320_000, "fr", paris, "room",
            1_284_310, True, 812, 48_210,
        ).idx  # fmt: skip
        self.guest = self._add_user(
            "leamarchand", "Léa Marchand", 1_401_789_600_000, "fr", paris, "guest",
            1_342_870, True, 402, 8_734,
        ).idx  # fmt: skip
        bigs = (
            ("LeaMarchandFC", "Léa Marchand Fan Club 💙", 48_200, False, "fr"),
            ("LeaMarchandActu", "Léa Marchand Actu", 12_900, False, "fr"),
            ("MusiqueMagFR", "Musique Mag", 421_000, True, "fr"),
            ("RadioLumiere", "Radio Lumière 📻", 1_203_000, True, "fr"),
            ("PopCultureFR", "Pop Culture FR", 233_000, True, "fr"),
            ("NinoVegaOff", "Nino Vega", 887_000, True, "fr"),
            ("ClaraLuneMusic", "Clara Lune 🌙", 311_000, True, "fr"),
            ("QuebecMusique", "Québec Musique", 61_000, True, "fr"),
            ("MaisonPlumeRec", "Maison Plume Records", 75_400, True, "fr"),
            ("BrunoDelarueTV", "Bruno Delarue", 2_100_000, True, "fr"),
            ("PopWireNews", "PopWire", 1_540_000, True, "en"),
            ("FrenchPopDaily", "French Pop Daily 🇫🇷", 38_000, False, "en"),
        )
        self.bigs = [
            self._add_user(u, n, self._created_ms(), lang, self._draw_city(lang), "big", f, v).idx
            for u, n, f, v, lang in bigs
        ]
        self.spammers = []
        for _ in range(30):
            stem = self.d.pick(
                ("promo_iphone", "CryptoGainz", "iphone_gagnant", "FreeFollow", "btc_x2",
                 "Sandra_dm", "bons_plans", "win_prizes")
            )  # fmt: skip
            name = self.d.pick(
                ("🎁 Cadeaux & Promos", "Crypto King 🚀", "Gagnant iPhone 📱",
                 "Followers Gratuits ✨", "Sandra ❤️ DM moi", "Bons Plans 💸", "Win Big 🏆")
            )  # fmt: skip
            created = _utc_ms(0, 0, day=1, month=6) + self.d.below(150 * 86400) * 1000
            self.spammers.append(
                self._add_user(
                    f"{stem}{self.d.digits(4)}", name, created, "fr", self._draw_city("any"),
                    "spam", self.d.between(0, 60), False, self.d.between(1500, 5000),
                    self.d.between(5000, 40000),
                ).idx
            )  # fmt: skip
        self.fresh = []
        day_start = _utc_ms(6, 0)
        for _ in range(n_fresh):
            first = self.d.pick(NAMES["fr"][0])
            created = day_start + self.d.below(11 * 3600) * 1000  # 06:00 -> 17:00
            self.fresh.append(
                self._add_user(
                    f"{ascii_handle(first)}{self.d.digits(8)}",
                    self.d.pick((first, first.lower(), f"{first} 💙", "lea fan")),
                    created, "fr", self._draw_city("fr"), "fresh", self.d.between(0, 3),
                    False, self.d.between(8, 60), self.d.between(1, 12),
                ).idx
            )  # fmt: skip
        n_fans = max(n_users - len(self.users), 200)
        langs = (
            ("fr", 0.5), ("en", 0.41), ("es", 0.025), ("pt", 0.02),
            ("ar", 0.023), ("de", 0.011), ("it", 0.011),
        )  # fmt: skip
        followers = np.exp(self.rng.normal(math.log(170), 1.55, n_fans)).astype(int)
        fan_start = len(self.users)
        for i in range(n_fans):
            lang = self.d.weighted(langs)
            home = self._draw_city(lang)
            username, name = self._fan_identity(lang, home)
            self._add_user(
                username, name, self._created_ms(), lang, home, "fan",
                int(min(followers[i], 250_000)), self.d.chance(0.015),
            )  # fmt: skip
        fans = np.arange(fan_start, len(self.users))
        order = self.rng.permutation(fans)
        weights = np.zeros(len(self.users))
        weights[order] = (np.arange(len(order)) + 1.0) ** -0.62
        weights[self.bigs] = weights[order[300]] if len(order) > 300 else weights[order[-1]]
        self.flooder = int(order[min(150, len(order) - 1)])
        self.author_cum = np.cumsum(weights)
        spam_w = (np.arange(len(self.spammers)) + 1.0) ** -0.8
        self.spam_cum = np.cumsum(spam_w)

    def _draw_author(self) -> int:
        cum = self.author_cum
        return min(int(np.searchsorted(cum, self.d.u() * cum[-1], side="right")), len(cum) - 1)

    def _draw_spammer(self) -> int:
        if self.d.chance(0.25):
            return self._draw_author()
        cum = self.spam_cum
        i = min(int(np.searchsorted(cum, self.d.u() * cum[-1], side="right")), len(cum) - 1)
        return self.spammers[i]

    # -- the timeline --------------------------------------------------------

    def _anchor_specs(self) -> None:
        a = self.anchors
        a.append(Anchor(0.0, "announce", 3.0, 320.0, "room"))
        a.append(Anchor(17 * 60.0 + 4, "announce30", 2.2, 260.0, "room"))
        a.append(Anchor(33 * 60.0 + 12, "guest_coming", 5.0, 260.0, "guest"))
        a.append(Anchor(41 * 60.0 + 30, "arrived", 4.0, 200.0, "room"))
        a.append(Anchor(LIVE_START_S, "live_start", 14.0, 230.0, "room"))
        a.append(Anchor(LIVE_START_S + 95, "guest_hello", 10.0, 280.0, "guest"))
        t = LIVE_START_S + 240 + 30 * self.d.u()
        while t < LIVE_END_S - 150:
            a.append(Anchor(t, "answer", 4.2 + 2.5 * self.d.u(), 130 + 60 * self.d.u(), "room"))
            t += 240 + 60 * self.d.u()
        a.append(Anchor(LIVE_START_S + 30 * 60 + 20, "acoustic", 8.0, 200.0, "room"))
        for _ in range(4):
            when = LIVE_START_S + 300 + self.d.u() * 3000
            a.append(Anchor(when, "guest_reply", 1.5, 120.0, "guest"))
        a.append(Anchor(LIVE_END_S + 25, "end", 9.0, 420.0, "room"))
        a.append(Anchor(LIVE_END_S + 130, "guest_thanks", 10.0, 500.0, "guest"))
        a.append(Anchor(LIVE_END_S + 250, "photo", 6.0, 420.0, "room"))
        a.append(Anchor(LIVE_END_S + 12 * 60, "replay", 2.0, 420.0, "room"))
        a.append(Anchor(LIVE_END_S + 20 * 60 + 40, "guest_photo", 3.0, 400.0, "guest"))

    @staticmethod
    def _background_rate(t: np.ndarray) -> np.ndarray:
        pre = 0.06 + 0.94 * np.exp((t - LIVE_START_S) / 750.0)
        live = 1.0 - 0.15 * (t - LIVE_START_S) / (LIVE_END_S - LIVE_START_S)
        post = 0.05 + 0.8 * np.exp(-(t - LIVE_END_S) / 900.0)
        return np.where(t < LIVE_START_S, pre, np.where(t < LIVE_END_S, live, post))

    def plan(self, n_flood: int, n_fresh: int, n_notes: int, n_malformed: int) -> list[Slot]:
        self._anchor_specs()
        slots = [Slot(a.t, "anchor", i) for i, a in enumerate(self.anchors)]
        fixed = len(self.anchors) + n_flood + n_fresh + len(self.hostile) + n_notes
        remaining = self.n_posts - fixed
        n_burst = round(remaining * BURST_SHARE)
        n_bg = remaining - n_burst
        weights = np.array([a.weight for a in self.anchors])
        counts = self.rng.multinomial(n_burst, weights / weights.sum())
        for i, (anchor, count) in enumerate(zip(self.anchors, counts, strict=True)):
            delays = 3.0 + self.rng.exponential(anchor.tau, int(count))
            for delay in delays.tolist():
                t = anchor.t + delay
                if t >= WINDOW_S - 1:
                    t = anchor.t + 3.0 + self.d.u() * (WINDOW_S - 1 - anchor.t - 3.0)
                slots.append(Slot(t, "burst", i))
        grid = np.arange(int(WINDOW_S), dtype=float)
        cum = np.cumsum(self._background_rate(grid + 0.5))
        picks = np.searchsorted(cum, self.rng.random(n_bg) * cum[-1], side="right")
        for t in (picks + self.rng.random(n_bg)).tolist():
            slots.append(Slot(min(t, WINDOW_S - 0.5), "bg"))
        for t in np.sort(self.rng.random(n_flood) * 55.0).tolist():
            slots.append(Slot(FLOOD_S + t, "flood"))
        for t in (self.rng.beta(1.5, 3.0, n_fresh) * 240.0).tolist():
            slots.append(Slot(FRESH_S + t, "fresh"))
        for i in range(len(self.hostile)):
            slots.append(Slot(LIVE_START_S + 120 + self.d.u() * 5000, "hostile", i))
        for i in range(n_notes):
            slots.append(Slot(1800 + self.d.u() * 5800, "note", i))
        for i in range(n_malformed):
            slots.append(Slot(60 + self.d.u() * (WINDOW_S - 120), "malformed", i))
        slots.sort(key=lambda s: s.t)
        return slots

    # -- posts: common machinery ---------------------------------------------

    def _new_post(self, ms: int, author: int) -> Post:
        post = Post(
            idx=len(self.posts), ms=ms, id=snowflake(ms, self.d.below(1 << 22)), author=author
        )
        self.posts.append(post)
        return post

    def _creation_metrics(self, author: int) -> tuple[int, int, int, int, int]:
        if self.d.chance(0.7):
            return (0, 0, 0, 0, 0)
        likes = int(self.d.expo(1.2))
        views = int(self.d.expo(0.03 * self.users[author].followers + 5)) + likes * 12
        return (0, 0, likes, 0, views)

    def _snapshot(self, post: Post) -> tuple[int, int, int, int, int]:
        author = self.users[post.author]
        views = int(author.followers * 0.08) + post.likes * 37 + post.rts * 110 + 40
        return (post.rts, post.replies, post.likes, post.quotes, views)

    def _candidate(self, post: Post, base: float) -> None:
        k = len(self.cand_post)
        if k >= len(self.cand_base):
            return
        self.cand_post.append(post.idx)
        self.cand_base[k] = base
        self.cand_t[k] = (post.ms - WINDOW_START_MS) / 1000.0
        self.cand_pos[post.idx] = k

    def _attractiveness(self, post: Post, kind_factor: float) -> float:
        followers = self.users[post.author].followers
        return kind_factor * math.exp(self.rng.normal(0.0, 0.8)) * (1 + followers / 800) ** 0.25

    def _pick_candidate(self, t: float) -> int:
        n = len(self.cand_post)
        if n == 0:
            return -1
        age = np.maximum(t - self.cand_t[:n], 0.0)
        # Sub-linear preferential attachment: support clusters, no single runaway winner.
        w = self.cand_base[:n] * (1.0 + self.cand_rts[:n]) ** 0.8 * np.exp(-age / 1500.0)
        cum = np.cumsum(w)
        if cum[-1] <= 0:
            return -1
        k = min(int(np.searchsorted(cum, self.d.u() * cum[-1], side="right")), n - 1)
        return self.cand_post[k]

    def _add_question(self, post: Post, answerable: bool) -> None:
        k = self.n_q
        self.n_q += 1
        self.q_post[k] = post.idx
        self.q_cand[k] = self.cand_pos[post.idx]
        self.q_cluster[k] = post.cluster
        self.q_weight[k] = CLUSTERS[post.cluster].weight
        self.q_t[k] = (post.ms - WINDOW_START_MS) / 1000.0
        self.q_answerable[k] = answerable
        self.q_lang_bias[k] = 2.0 if post.lang == "fr" else 1.0
        self.q_pos[post.idx] = k
        self.question_count += 1
        if answerable:
            self.same_question.setdefault((post.cluster, post.lang), []).append(post.idx)

    def _count_reply(self, target: int) -> None:
        self.posts[target].replies += 1
        k = self.q_pos.get(target)
        if k is not None:
            self.q_replies[k] += 1

    def _pick_question(self, t: float, for_answer: bool) -> int:
        """A question, weighted by its support (retweets, replies) and its cluster."""
        n = self.n_q
        if n == 0:
            return -1
        lo = max(0, n - 5000)
        support = 1.0 + self.cand_rts[self.q_cand[lo:n]] + self.q_replies[lo:n]
        if for_answer:
            ok = self.q_answerable[lo:n] & ~np.isin(self.q_cluster[lo:n], self.answered_clusters)
            w = support**2 * self.q_weight[lo:n] * ok * self.q_lang_bias[lo:n]
        else:
            w = support * self.q_weight[lo:n] * np.exp(-(t - self.q_t[lo:n]) / 1200.0)
        if w.sum() <= 0:
            return int(self.q_post[n - 1])
        cum = np.cumsum(w)
        k = min(int(np.searchsorted(cum, self.d.u() * cum[-1], side="right")), n - lo - 1)
        return int(self.q_post[lo + k])

    def _ensure_rule(self, text: str) -> str:
        low = text.lower()
        if "#askblueroom" in low or "@leamarchand" in low or "@blueroomfr" in low:
            return text
        return fit(text, " " + self._hashtag())

    def _tagged(self, body: str) -> str:
        """Put the hashtag where people put it (end, start, own line, mention only)."""
        tag = self._hashtag()
        r = self.d.u()
        if r < 0.6:
            return fit(body, f" {tag}")
        if r < 0.74:
            return fit(f"{tag} {body}", "")
        if r < 0.82:
            return fit(body, f"\n\n{tag}")
        if r < 0.9:
            return fit(body, f" {tag} {self.d.pick(EXTRA_TAGS)}")
        if "@leamarchand" in body.lower():
            return fit(body, "")
        return fit(f"@leamarchand {body}", "")

    def _rules_for(self, post: Post) -> tuple[str, ...]:
        text = post.note or post.text
        extra_users: list[int] = [post.author]
        if post.ref >= 0:
            original = self.posts[post.ref]
            if post.ref_type == "retweeted":
                text = post.text + " " + (original.note or original.text)
            extra_users.append(original.author)
        low = text.lower()
        rules: list[str] = []
        if re.search(r"#askblueroom(?!\w)", low):
            rules.append("askblueroom")
        handles = ("@leamarchand", "@blueroomfr")
        if (
            any(h in low for h in handles)
            or post.author in (self.room, self.guest)
            or (post.reply_user in (self.room, self.guest))
        ):
            rules.append("guest")
        return tuple(rules)

    def _lang_for(self, user: User) -> str:
        if user.lang == "fr" and self.d.chance(0.05):
            return "en"
        if user.lang == "en" and self.d.chance(0.04):
            return "fr"
        return user.lang

    def _typos(self, text: str, lang: str) -> str:
        d = self.d
        if lang == "fr" and d.chance(0.25):
            text = strip_accents(text)
        if d.chance(0.15):
            for pattern, repl in SMS_FR if lang == "fr" else SMS_EN:
                if d.chance(0.6):
                    text = re.sub(pattern, repl, text)
        if d.chance(0.18):
            words = [i for i, w in enumerate(text.split(" ")) if len(w) >= 4 and w.isalpha()]
            if words:
                parts = text.split(" ")
                i = d.pick(words)
                w = parts[i]
                j = d.between(1, len(w) - 2)
                op = d.below(3)
                if op == 0:
                    w = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
                elif op == 1:
                    w = w[:j] + w[j + 1 :]
                else:
                    w = w[:j] + w[j] + w[j:]
                parts[i] = w
                text = " ".join(parts)
        if d.chance(0.15):
            text = text.lower()
        elif d.chance(0.03):
            text = text.upper()
        return text

    def _obfuscate(self, word: str) -> str:
        d = self.d
        r = d.u()
        if r < 0.3:
            return word
        if r < 0.45:
            out = "".join(LEET.get(c, c) if d.chance(0.6) else c for c in word)
            return out if out != word else word.replace("e", "3").replace("o", "0")
        if r < 0.57:
            vowels = [i for i, c in enumerate(word) if c in "aeiouéè" and i > 0]
            if vowels:
                i = vowels[0]
                return word[:i] + "*" * d.between(1, 2) + word[i + 1 :]
            return word[0] + "*" * (len(word) - 1)
        if r < 0.65:
            return " ".join(word.upper() if d.chance(0.5) else word)
        if r < 0.75:
            i = max(i for i, c in enumerate(word) if c.isalpha())
            return word[: i + 1] + word[i] * d.between(3, 7) + word[i + 1 :]
        if r < 0.82:
            return strip_accents(word)
        if r < 0.87:
            return ".".join(word)
        if r < 0.93:
            return "".join(c.upper() if i % 2 else c for i, c in enumerate(word))
        return "".join(CYRILLIC.get(c, c) for c in word)

    # -- posts: kinds ----------------------------------------------------------

    def _question(self, post: Post, user: User, t: float) -> None:
        lang = self._lang_for(user)
        post.kind = "question"
        if lang not in ("fr", "en"):
            questions, _ = OTHER_LANG_TEXT[lang]
            post.text = self._tagged(self._fill(self.d.pick(questions), user))
            post.lang = lang
            post.cluster = 1  # mostly "when do you come to ..."
        else:
            ci = min(
                int(
                    np.searchsorted(
                        self.cluster_cum, self.d.u() * self.cluster_cum[-1], side="right"
                    )
                ),
                len(CLUSTERS) - 1,
            )
            cluster = CLUSTERS[ci]
            post.cluster = ci
            post.lang = lang
            same = self.same_question.get((ci, lang), [])[-50:]
            if same and self.d.chance(0.06):
                post.text = self.posts[self.d.pick(same)].text  # copy-paste
            else:
                body = self._fill(self.d.pick(cluster.fr if lang == "fr" else cluster.en), user)
                body = self._typos(body, lang)
                opener = self._fill(
                    self.d.pick(Q_OPENERS_FR if lang == "fr" else Q_OPENERS_EN), user
                )
                opener += " " if opener else ""  # _fill trims the trailing space
                if not opener and self.d.chance(0.75):
                    body = body[:1].upper() + body[1:]
                closer = self.d.weighted(Q_CLOSERS_FR if lang == "fr" else Q_CLOSERS_EN)
                post.text = self._tagged(tidy(f"{opener}{body}{closer} {self._emo()}"))
        self._candidate(post, self._attractiveness(post, 1.6))
        self._add_question(post, post.lang in ("fr", "en"))

    def _reaction(
        self, post: Post, user: User, phase: str, t: float, topic: tuple[str, str] = ("", "")
    ) -> None:
        lang = self._lang_for(user)
        post.kind = "reaction"
        post.lang = lang
        if lang in ("fr", "en"):
            pool = REACTIONS[lang][phase]
            minutes = str(max(1, math.ceil((LIVE_START_S - t) / 60.0)))
            extra = {"n": minutes, "topic": self._topic(lang, topic)}
            body = self._fill(self.d.pick(pool), user, **extra)
            if phase == "pre" and t >= LIVE_START_S:
                body = self._fill(self.d.pick(REACTIONS[lang]["live"]), user)
        else:
            _, reactions = OTHER_LANG_TEXT[lang]
            body = self._fill(self.d.pick(reactions), user)
        if self.d.chance(0.04):
            body += " " + self._fan_link()
        post.text = self._tagged(body)
        self._candidate(post, self._attractiveness(post, 0.55))

    @staticmethod
    def _song_in(text: str) -> str:
        """The song a text names, whatever its accents and case, or ''."""
        flat = strip_accents(text).lower()
        for song in SONGS:
            if strip_accents(song).lower() in flat:
                return song
        return ""

    def _topic(self, lang: str, topic: tuple[str, str]) -> str:
        chosen = topic[0] if lang == "fr" else topic[1]
        if chosen:
            return chosen
        if lang == "fr":
            return self.d.pick(("Pistache", "l'album", "la tournée", "Boréale"))
        return self.d.pick(("Pistache", "the album", "the tour", "Boréale"))

    def _fan_link(self) -> str:
        d = self.d
        r = d.u()
        if r < 0.4:
            return self._link(f"https://youtu.be/{d.token(11)}")
        if r < 0.7:
            return self._link(f"https://open.spotify.com/track/{d.token(22)}")
        if r < 0.85:
            return self._link(f"https://www.deezer.com/fr/track/{d.digits(10)}")
        return self._link(f"https://www.instagram.com/p/{d.token(11)}/")

    def _retweet(self, post: Post, target: int) -> None:
        original = self.posts[target]
        post.kind = "rt"
        post.ref_type = "retweeted"
        post.ref = target
        post.lang = original.lang
        text = f"RT @{self.users[original.author].username}: {original.text}"
        if len(text) > 140:
            text = text[:139] + "…"
        post.text = text
        original.rts += 1
        original.likes += 1 + int(self.d.expo(4.0))
        pos = self.cand_pos.get(target)
        if pos is not None:
            self.cand_rts[pos] += 1
        post.ref_metrics = self._snapshot(original)
        post.metrics = (0, 0, 0, 0, 0)

    def _reply(
        self, post: Post, user: User, target: int, bodies: dict[str, tuple[str, ...]]
    ) -> None:
        original = self.posts[target]
        lang = self._lang_for(user)
        if lang not in ("fr", "en"):
            lang = "en"
        post.kind = "reply"
        post.lang = lang
        post.ref_type = "replied_to"
        post.ref = target
        post.reply_user = original.author
        post.conv = original.conv or original.id
        heads = [f"@{self.users[original.author].username}"]
        if original.reply_user >= 0 and self.d.chance(0.5):
            heads.append(f"@{self.users[original.reply_user].username}")
        body = self._fill(
            self.d.pick(bodies[lang]),
            user,
            topic=self._topic(lang, original.topic),
        )
        post.text = self._ensure_rule(" ".join(heads) + " " + body)
        self._count_reply(target)
        original.likes += int(self.d.expo(0.7))
        post.ref_metrics = self._snapshot(original)

    def _quote(
        self, post: Post, user: User, target: int, bodies: dict[str, tuple[str, ...]]
    ) -> None:
        original = self.posts[target]
        lang = self._lang_for(user)
        if lang not in ("fr", "en"):
            lang = "en"
        post.kind = "quote"
        post.lang = lang
        post.ref_type = "quoted"
        post.ref = target
        post.text = self._tagged(self._fill(self.d.pick(bodies[lang]), user))
        original.quotes += 1
        original.likes += int(self.d.expo(1.5))
        post.ref_metrics = self._snapshot(original)
        self._candidate(post, self._attractiveness(post, 0.4))

    def _spam(self, post: Post) -> None:
        lang, template = self.d.pick(SPAM_TEXTS)
        domain = self.d.pick(SPAM_DOMAINS)
        url = self._link(f"https://{domain}/{self.d.token(6).lower()}?ref={self.d.digits(5)}")
        post.kind = "spam"
        post.lang = lang
        post.text = template.replace("{url}", url)

    def _atspam(self, post: Post) -> None:
        lang, template = self.d.pick(ATSPAM_TEXTS)
        names = ["@leamarchand", "@BlueRoomFR"]
        pool = [self.users[b].username for b in self.bigs]
        for _ in range(self.d.between(8, 18)):
            other = (
                self.users[self._draw_author()].username
                if self.d.chance(0.7)
                else self.d.pick(pool)
            )
            if "@" + other not in names:
                names.append("@" + other)
        url = self._link(f"https://youtu.be/{self.d.token(11)}")
        post.kind = "atspam"
        post.lang = lang
        post.text = fit(" ".join(names) + " " + template.replace("{url}", url), "")

    def _hashbomb(self, post: Post) -> None:
        post.kind = "hashbomb"
        if self.d.chance(0.72):
            tags = list(HASHBOMB_TAGS)
            chosen = [tags.pop(self.d.below(len(tags))) for _ in range(self.d.between(6, 16))]
            chosen.insert(self.d.below(len(chosen) + 1), self._hashtag())
            post.text = " ".join(chosen)
            post.lang = "qht"
        else:
            names = ["@leamarchand", "@BlueRoomFR"] + [
                "@" + self.users[self._draw_author()].username for _ in range(self.d.between(3, 10))
            ]
            post.text = " ".join(names)
            post.lang = "qam"

    def _profanity(self, post: Post, user: User) -> None:
        lang = "en" if user.lang == "en" else "fr"
        post.kind = "profanity"
        post.lang = lang
        template = self.d.pick(PROFANE_TEMPLATES[lang])
        prof, ins = (PROFANITY_FR, INSULT_FR) if lang == "fr" else (PROFANITY_EN, INSULT_EN)
        text = template
        while "{p}" in text:
            text = text.replace("{p}", self._obfuscate(self.d.pick(prof)), 1)
        text = text.replace("{i}", self._obfuscate(self.d.pick(ins)))
        text = text.replace("{ip}", self._obfuscate(self.d.pick(INSULT_FR_PLURAL)))
        text = text.replace("{m}", self._obfuscate("merde"))
        if self.d.chance(0.3):
            text = text.upper()
        post.text = self._ensure_rule(self._tagged(text + " " + self._emo()))

    def _media(self, post: Post, user: User) -> None:
        lang = "en" if user.lang == "en" else "fr"
        cluster = CLUSTERS[self.d.below(len(CLUSTERS))]
        post.kind = "reaction"
        post.lang = lang
        text = self.d.pick(MEDIA_POSTS[lang])
        song = self.d.pick(SONGS)
        url = self._link("https://x.com/i/broadcasts/1" + self.d.token(12), "x.com/i/broadcasts/1…")
        text = text.replace("{url}", url).replace("{song}", song)
        text = text.replace(
            "{answer}",
            cluster.answer.strip("« »").replace("{song}", song).replace("{artist}", ARTISTS[0]),
        )
        text = text.replace(
            "{topic}", cluster.topic_fr if lang == "fr" else cluster.topic_en
        ).replace("{song}", song)
        post.text = self._tagged(text)
        self._candidate(post, self._attractiveness(post, 1.2))

    def _note(self, post: Post, user: User, i: int) -> None:
        lang = "en" if i % 4 == 3 else "fr"
        pool = list(NOTE_SENTENCES[lang])
        closing = self._fill(pool.pop(), user)  # the last sentence closes the letter
        target = 1200 + self.d.u() * 2600
        opening = self.d.pick(
            ("Chère Léa,", "Léa,", "Coucou Léa,") if lang == "fr" else ("Dear Léa,", "Hi Léa,")
        )
        parts = ["@leamarchand " + opening, ""]
        length = len(parts[0])
        while pool and length < target:
            elsewhere = self._draw_city(user.lang) if self.d.chance(0.5) else -1
            sentence = self._fill(pool.pop(self.d.below(len(pool))), user, elsewhere)
            if length + len(sentence) > 3800:
                break
            parts.append(sentence)
            length += len(sentence) + 1
            if self.d.chance(0.3):
                parts.append("")
        first = NAMES["fr"][0] if lang == "fr" else NAMES["en"][0]
        sign = f"{self.d.pick(first)}, {CITIES[user.home].name} 💙 #AskBlueRoom"
        parts += [closing, "", sign]
        note = re.sub(r"\n{3,}", "\n\n", "\n".join(parts))
        post.kind = "note"
        post.lang = lang
        post.note = note
        cut = note[:279]
        cut = cut[: cut.rfind(" ")] if " " in cut[-40:] else cut
        post.text = cut.rstrip() + "…"
        self._candidate(post, self._attractiveness(post, 1.0))

    # -- anchors (the room's and the guest's own posts) ------------------------

    def _anchor(self, post: Post, anchor: Anchor) -> None:
        kind = anchor.kind
        d = self.d
        post.lang = "fr"
        post.kind = "room" if anchor.who == "room" else "guest"
        photo = ""
        if kind in ("announce", "arrived", "photo", "guest_photo"):
            owner = self.users[post.author].username
            photo = self._link(
                f"https://x.com/{owner}/status/{post.id}/photo/1", f"pic.x.com/{d.token(10)}"
            )
        live = self._link("https://x.com/i/broadcasts/1YpKkZEbnQVJj", "x.com/i/broadcasts/1YpKkZ…")
        count = f"{self.question_count:,}".replace(",", "\u202f")
        topic = ("", "")
        if kind == "announce":
            text = (
                "📣 Ce soir à 19h (heure de Paris), @leamarchand s'installe dans la "
                "#BlueRoom pour répondre à VOS questions ! Posez-les dès maintenant avec "
                f"#AskBlueRoom 💙 {photo}"
            )
        elif kind == "announce30":
            text = (
                "⏳ Plus que 30 minutes ! Vos questions pour @leamarchand arrivent déjà par "
                "centaines… continuez avec #AskBlueRoom 💙"
            )
        elif kind == "guest_coming":
            text = (
                "J'arrive dans la Blue Room de @BlueRoomFR !! 🥹 Préparez vos questions, "
                "je réponds à un maximum ce soir 💙 #AskBlueRoom"
            )
        elif kind == "arrived":
            text = (
                "Elle est là 👀 @leamarchand vient d'arriver dans la #BlueRoom. On démarre "
                f"dans quelques minutes ! #AskBlueRoom {photo}"
            )
        elif kind == "live_start":
            text = (
                "🔴 C'EST PARTI ! @leamarchand est en direct de la #BlueRoom pendant une "
                f"heure. Envoyez vos questions avec #AskBlueRoom 👉 {live}"
            )
        elif kind == "guest_hello":
            text = (
                "Coucou tout le monde !!! Je suis dans la Blue Room 💙 Envoyez-moi vos "
                "questions avec #AskBlueRoom, je lis tout 🥹"
            )
        elif kind == "acoustic":
            text = (
                "🎸 Moment suspendu : @leamarchand chante « Boréale » en acoustique, en "
                f"direct de la #BlueRoom 🔴 {live} #AskBlueRoom"
            )
            topic = ("Boréale", "Boréale")
        elif kind == "end":
            text = (
                "💙 C'est fini ! Merci @leamarchand pour cette heure magique et merci à "
                f"vous pour vos {count} questions. Le replay arrive très vite. #AskBlueRoom"
            )
        elif kind == "guest_thanks":
            text = (
                "MERCI 🥹💙 Vous êtes incroyables. Je garde toutes vos questions "
                "précieusement, on se retrouve très vite sur la route. #AskBlueRoom"
            )
        elif kind == "photo":
            text = (
                "📸 La photo souvenir de la #BlueRoom avec @leamarchand ! Signée, "
                f"encadrée, postée en direct 💙 #AskBlueRoom {photo}"
            )
        elif kind == "replay":
            replay = self._link("https://blueroom.example/replay/askblueroom-lea-marchand")
            text = (
                "Vous l'avez raté ? Le replay du #AskBlueRoom avec @leamarchand est "
                f"disponible 👉 {replay}"
            )
        elif kind == "guest_photo":
            text = (
                "Mon selfie signé dans la Blue Room, un souvenir pour la vie ✍️💙 merci "
                f"@BlueRoomFR #AskBlueRoom {photo}"
            )
        elif kind == "guest_reply":
            q = self._pick_question((post.ms - WINDOW_START_MS) / 1000.0, False)
            question = self.posts[q]
            fan = self.users[question.author].username
            text = f"@{fan} {d.pick(GUEST_REPLIES)} 💙"
            post.ref_type, post.ref = "replied_to", q
            post.reply_user = question.author
            post.conv = question.conv or question.id
            self._count_reply(q)
            post.ref_metrics = self._snapshot(question)
        else:  # answer
            q = self._pick_question((post.ms - WINDOW_START_MS) / 1000.0, True)
            question = self.posts[q]
            cluster = CLUSTERS[question.cluster]
            self.answered_clusters.append(question.cluster)
            fan = self.users[question.author].username
            quoted = HASHTAG_RE.sub("", MENTION_RE.sub("", question.text))
            quoted = tidy(quoted.replace("\n", " ")).replace(" ,", ",").strip(" ,:")
            song = self._song_in(question.text) or d.pick(SONGS)
            answer = cluster.answer.replace("{song}", song).replace("{artist}", d.pick(ARTISTS))
            head = f"Léa répond à @{fan} : « "
            tail = f" »\n🎙️ {answer} #AskBlueRoom"
            room = 280 - len(head) - len(tail)
            if len(quoted) > room:
                quoted = quoted[: room - 1].rstrip() + "…"
            text = head + quoted + tail
            post.ref_type, post.ref = "replied_to", q
            post.reply_user = question.author
            post.conv = question.conv or question.id
            self._count_reply(q)
            post.ref_metrics = self._snapshot(question)
            topic = (
                cluster.topic_fr.replace("{song}", song),
                cluster.topic_en.replace("{song}", song),
            )
        post.text = text
        post.topic = topic
        anchor.post = post.idx
        self._candidate(post, 0.0)  # bursts retweet it explicitly

    def _burst(self, post: Post, anchor: Anchor, t: float) -> None:
        target = anchor.post
        original = self.posts[target]
        phase = {
            "announce": "pre", "announce30": "pre", "guest_coming": "pre", "arrived": "pre",
            "live_start": "start", "guest_hello": "start", "answer": "answer",
            "acoustic": "acoustic", "guest_reply": "live", "end": "post",
            "guest_thanks": "post", "replay": "post", "photo": "photo", "guest_photo": "photo",
        }[anchor.kind]  # fmt: skip
        if anchor.kind == "answer" and not anchor.fan_reacted:
            anchor.fan_reacted = True
            fan = self.posts[original.ref].author
            post.author = fan
            user = self.users[fan]
            lang = "en" if user.lang == "en" else "fr"
            post.kind = "reaction"
            post.lang = lang
            post.text = self._tagged(self._fill(self.d.pick(FAN_ANSWERED[lang]), user))
            self._candidate(post, self._attractiveness(post, 3.0))
            return
        user = self.users[post.author]
        r = self.d.u()
        if r < 0.43:
            self._retweet(post, target)
        elif r < 0.59:
            self._reply(post, user, target, REACTIONS_AS_REPLIES)
        elif r < 0.66:
            self._quote(post, user, target, QUOTE_ANCHOR)
        elif r < 0.94:
            self._reaction(post, user, phase, t, original.topic)
        elif r < 0.97:
            self._question(post, user, t)
        elif r < 0.985:
            self._profanity(post, user)
        else:
            post.author = self._draw_spammer()
            self._spam(post)

    def _background(self, post: Post, t: float) -> None:
        user = self.users[post.author]
        phase = "pre" if t < LIVE_START_S else ("live" if t < LIVE_END_S else "post")
        table = {
            "pre": (("question", 0.27), ("reaction", 0.28), ("rt", 0.27), ("reply", 0.06),
                    ("quote", 0.03), ("spam", 0.035), ("atspam", 0.006), ("hashbomb", 0.012),
                    ("profanity", 0.016)),
            "live": (("question", 0.37), ("reaction", 0.16), ("rt", 0.26), ("reply", 0.08),
                     ("quote", 0.035), ("spam", 0.025), ("atspam", 0.005), ("hashbomb", 0.01),
                     ("profanity", 0.025)),
            "post": (("question", 0.06), ("reaction", 0.48), ("rt", 0.3), ("reply", 0.05),
                     ("quote", 0.02), ("spam", 0.03), ("atspam", 0.005), ("hashbomb", 0.01),
                     ("profanity", 0.015)),
        }[phase]  # fmt: skip
        kind = self.d.weighted(table)
        if user.role == "big" and kind in ("question", "reaction"):
            self._media(post, user)
            return
        if kind == "rt":
            target = self._pick_candidate(t)
            if target >= 0:
                self._retweet(post, target)
                return
            kind = "reaction"
        if kind in ("reply", "quote") and self.n_q:
            q = self._pick_question(t, False)
            if kind == "reply":
                self._reply(post, user, q, REPLY_TO_QUESTION)
            else:
                self._quote(post, user, q, QUOTE_QUESTION)
            return
        if kind == "question":
            self._question(post, user, t)
        elif kind == "spam":
            post.author = self._draw_spammer()
            self._spam(post)
        elif kind == "atspam":
            post.author = self._draw_spammer()
            self._atspam(post)
        elif kind == "hashbomb":
            self._hashbomb(post)
        elif kind == "profanity":
            self._profanity(post, user)
        else:
            self._reaction(post, user, phase, t)

    def _flood(self, post: Post, i: int) -> None:
        bases = (
            "@leamarchand réponds-moi stp 🙏", "LÉA RÉPONDS À MA QUESTION 😭",
            "@leamarchand regarde ma question stp", "léa stp une réponse 🥺",
            "je lâche rien @leamarchand 💪", "RÉPONDS MOIIII", "Léa Léa Léa Léa 💙",
            "@leamarchand ça fait 2 ans que j'attends 😭",
        )  # fmt: skip
        text = self.d.pick(bases)
        r = self.d.u()
        if r < 0.4:
            text += f" ({i + 1})"
        elif r < 0.7:
            text += " " + "😭" * self.d.between(1, 6)
        post.author = self.flooder
        post.kind = "flood"
        post.lang = "fr"
        post.text = self._ensure_rule(text + (" #AskBlueRoom" if self.d.chance(0.7) else ""))

    def _fresh(self, post: Post) -> None:
        texts = (
            "Soutien total à @leamarchand 💙 #AskBlueRoom",
            "On est tous avec toi Léa 💙 #AskBlueRoom #TeamLéa",
            "#TeamLéa 💙💙💙 #AskBlueRoom",
            "Léa on t'aime, ne lâche rien 💙 #AskBlueRoom",
            "Force à toi Léa !! #AskBlueRoom",
            "Soutien à Léa face aux haters 💙 #AskBlueRoom",
        )
        post.author = self.fresh[self.d.below(len(self.fresh))]
        post.kind = "fresh"
        post.lang = "fr"
        text = self.d.pick(texts)
        if self.d.chance(0.4):
            text = text.replace("💙", "💙" * self.d.between(2, 5), 1)
        post.text = text

    # -- writing ----------------------------------------------------------------

    def generate(
        self, n_users: int, n_flood: int, n_fresh: int, n_notes: int, n_malformed: int
    ) -> None:
        self.build_users(n_users, max(20, int(n_fresh * 0.8)))
        slots = self.plan(n_flood, n_fresh, n_notes, n_malformed)
        # The guest's own announcement of the morning, retweeted during the build-up.
        morning = Post(idx=0, ms=_utc_ms(9, 31), id="", author=self.guest, written=False)
        morning.id = snowflake(morning.ms, self.d.below(1 << 22))
        morning.kind = "guest"
        morning.text = (
            "Ce soir 19h je serai dans la Blue Room de @BlueRoomFR pour répondre à VOS "
            "questions 🥹💙 Envoyez-les avec #AskBlueRoom, je lis tout !"
        )
        morning.rts, morning.likes = 412, 3180
        self.posts.append(morning)
        self._candidate(morning, 40.0)
        self.cand_t[0] = -1200.0  # still fresh in people's timelines
        last_ms = 0
        for slot in slots:
            ms = max(WINDOW_START_MS + int(slot.t * 1000), last_ms + 1)
            last_ms = ms
            author = self._draw_author()
            post = self._new_post(ms, author)
            t = slot.t
            if slot.src == "anchor":
                anchor = self.anchors[slot.arg]
                post.author = self.room if anchor.who == "room" else self.guest
                self._anchor(post, anchor)
            elif slot.src == "burst":
                self._burst(post, self.anchors[slot.arg], t)
            elif slot.src == "bg":
                self._background(post, t)
            elif slot.src == "flood":
                self._flood(post, sum(1 for p in self.posts[-80:] if p.kind == "flood"))
            elif slot.src == "fresh":
                self._fresh(post)
            elif slot.src == "hostile":
                post.lang, post.text = self.hostile[slot.arg]
                post.kind = "hostile"
            elif slot.src == "note":
                self._note(post, self.users[author], slot.arg)
            else:
                self._reaction(post, self.users[author], "live", t)
                post.malformed = MALFORMED_KINDS[slot.arg % len(MALFORMED_KINDS)]
                pos = self.cand_pos.get(post.idx)
                if pos is not None:
                    self.cand_base[pos] = 0.0
            if not post.conv:
                post.conv = post.id
            if post.kind != "rt":
                post.metrics = self._creation_metrics(post.author)
            post.rules = self._rules_for(post)
            if not post.rules:
                raise AssertionError(f"post matches no rule: {post.text!r}")
        self._assign_geo()
        self._assign_locations()

    def _assign_geo(self) -> None:
        valid = [p for p in self.posts if p.written and not p.malformed]
        eligible = [
            p.idx
            for p in valid
            if p.kind != "rt" and self.users[p.author].role not in ("spam", "fresh")
        ]
        n_coords = round(GEO_COORDS_SHARE * len(valid))
        n_place = min(round(GEO_PLACE_SHARE * len(valid)), len(eligible) - n_coords)
        chosen = self.rng.permutation(np.array(eligible))[: n_coords + n_place].tolist()
        for k, idx in enumerate(chosen):
            post = self.posts[idx]
            user = self.users[post.author]
            city_idx = user.home if self.d.chance(0.88) else self._draw_city("any")
            city = CITIES[city_idx]
            if k < n_coords:
                ptype = "poi" if city_idx == 0 and self.d.chance(0.15) else "city"
                post.place = self._place(city_idx, ptype)
                west, south, east, north = self.places[post.place]["geo"]["bbox"]
                if ptype == "poi":
                    lon, lat = west + self.rng.normal(0, 0.0004), south + self.rng.normal(0, 0.0003)
                else:
                    lon = float(np.clip(self.rng.normal(city.lon, (east - west) / 6), west, east))
                    lat = float(
                        np.clip(self.rng.normal(city.lat, (north - south) / 6), south, north)
                    )
                post.coords = (round(lon, 6), round(lat, 6))
                continue
            r = self.d.u()
            if city_idx == 0 and r < 0.03:
                ptype = "poi"
            elif r < 0.87:
                ptype = "city"
            elif r < 0.95:
                ptype = "admin"
            else:
                ptype = "country"
            post.place = self._place(city_idx, ptype)
        for post in self.posts:
            if post.malformed in ("lat_out_of_range", "swapped_lat_lon", "nan_string"):
                post.place = self._place(0, "city")
                post.coords = (
                    round(2.3522 + self.rng.normal(0, 0.01), 6),
                    round(48.8566 + self.rng.normal(0, 0.01), 6),
                )

    def _assign_locations(self) -> None:
        """Profile locations, so that ~40 % of the posts carry only a written place."""
        valid = [p for p in self.posts if p.written and not p.malformed]
        no_geo = np.zeros(len(self.users), dtype=int)
        for p in valid:
            if not p.place:
                no_geo[p.author] += 1
        target = PROFILE_LOCATION_SHARE * len(valid)
        total = 0
        real = np.zeros(len(self.users), dtype=bool)
        for special in (self.room, self.guest):
            real[special] = True
            total += no_geo[special]
        for i in self.rng.permutation(len(self.users)).tolist():
            user = self.users[i]
            if user.role in ("spam", "fresh", "room", "guest"):
                continue
            if no_geo[i] == 0:
                real[i] = self.d.chance(0.6)
            elif total + no_geo[i] <= target:
                real[i] = True
                total += no_geo[i]
        for user in self.users:
            if user.role == "room":
                user.location = "Paris, France"
            elif user.role == "guest":
                user.location = "Paris 🇫🇷"
            elif real[user.idx]:
                user.location = self._location_text(user)
            elif user.role == "fresh":
                user.location = ""
            elif user.role == "spam":
                user.location = self.d.pick(("", "", "🌍", "Worldwide", "DM for collab"))
            else:
                user.location = "" if self.d.chance(0.55) else self.d.pick(JUNK_LOCATIONS)

    # -- serialisation ------------------------------------------------------------

    def _entities(self, post: Post) -> JsonDict:
        cached = self.entity_cache.get(post.idx)
        if cached is None:
            cached = entities_of(post.text, self.urls, self.ids_by_name)
            self.entity_cache[post.idx] = cached
        return cached

    def _user_obj(self, user: User) -> JsonDict:
        obj: JsonDict = {"id": user.id, "username": user.username, "name": user.name}
        if user.location:
            obj["location"] = user.location
        obj["created_at"] = iso(user.created_ms)
        obj["verified"] = user.verified
        obj["public_metrics"] = {
            "followers_count": user.followers,
            "following_count": user.following,
            "tweet_count": user.tweets,
            "listed_count": user.listed,
        }
        return obj

    def _tweet_obj(
        self, post: Post, metrics: tuple[int, int, int, int, int], with_geo: bool
    ) -> JsonDict:
        obj: JsonDict = {
            "id": post.id,
            "text": post.text,
            "author_id": self.users[post.author].id,
            "created_at": iso(post.ms),
            "lang": post.lang,
            "conversation_id": post.conv or post.id,
            "edit_history_tweet_ids": [post.id],
            "public_metrics": {
                "retweet_count": metrics[0],
                "reply_count": metrics[1],
                "like_count": metrics[2],
                "quote_count": metrics[3],
                "impression_count": metrics[4],
            },
        }
        entities = self._entities(post)
        if entities:
            obj["entities"] = entities
        if with_geo and post.place:
            geo: JsonDict = {"place_id": post.place}
            if post.coords is not None:
                geo["coordinates"] = {"type": "Point", "coordinates": list(post.coords)}
            obj["geo"] = geo
        if post.ref >= 0:
            obj["referenced_tweets"] = [{"type": post.ref_type, "id": self.posts[post.ref].id}]
        if post.reply_user >= 0:
            obj["in_reply_to_user_id"] = self.users[post.reply_user].id
        if post.note:
            note: JsonDict = {"text": post.note}
            note_entities = entities_of(post.note, self.urls, self.ids_by_name)
            if note_entities:
                note["entities"] = note_entities
            obj["note_tweet"] = note
        return obj

    def message(self, post: Post) -> JsonDict:
        data = self._tweet_obj(post, post.metrics, with_geo=True)
        order = [post.author]
        tweets: list[JsonDict] = []
        if post.ref >= 0:
            original = self.posts[post.ref]
            tweets.append(self._tweet_obj(original, post.ref_metrics, with_geo=False))
            order.append(original.author)
        for mention in data.get("entities", {}).get("mentions", ()):
            idx = self.by_name.get(mention["username"].lower())
            if idx is not None:
                order.append(idx)
        seen: set[int] = set()
        users = []
        for idx in order:
            if idx not in seen:
                seen.add(idx)
                users.append(self._user_obj(self.users[idx]))
        includes: JsonDict = {"users": users}
        if post.place:
            includes["places"] = [self.places[post.place]]
        if tweets:
            includes["tweets"] = tweets
        rules = [{"id": RULES[tag], "tag": tag} for tag in post.rules]
        return {"data": data, "includes": includes, "matching_rules": rules}

    def line(self, post: Post) -> str:
        msg = self.message(post)
        data = msg["data"]
        kind = post.malformed
        if kind == "no_id":
            del data["id"]
        elif kind == "text_number":
            data["text"] = int(self.d.digits(6))
            data.pop("entities", None)
        elif kind == "lat_out_of_range":
            data["geo"]["coordinates"]["coordinates"] = [
                post.coords[0] if post.coords else 2.35,
                123.0,
            ]
        elif kind == "swapped_lat_lon":
            lon, lat = post.coords if post.coords else (2.3522, 48.8566)
            data["geo"]["coordinates"]["coordinates"] = [lat, lon]
        elif kind == "nan_string":
            data["geo"]["coordinates"]["coordinates"] = ["NaN", "NaN"]
        elif kind == "disconnect":
            msg = {
                "errors": [
                    {
                        "title": "operational-disconnect",
                        "disconnect_type": "UpstreamOperationalDisconnect",
                        "detail": "This stream has been disconnected upstream for operational reasons.",
                        "type": "https://api.twitter.com/2/problems/operational-disconnect",
                    }
                ]
            }
        text = json.dumps(msg, ensure_ascii=False, separators=(",", ":"))
        if kind == "truncated":
            text = text[: int(len(text) * (0.35 + 0.3 * self.d.u()))]
        return text


MALFORMED_KINDS = (
    "truncated",
    "no_id",
    "text_number",
    "lat_out_of_range",
    "swapped_lat_lon",
    "nan_string",
    "disconnect",
)
REACTIONS_AS_REPLIES: dict[str, tuple[str, ...]] = {
    "fr": REACTIONS["fr"]["answer"] + REACTIONS["fr"]["live"][:8],
    "en": REACTIONS["en"]["answer"] + REACTIONS["en"]["live"][:6],
}


# ---------------------------------------------------------------------------
# Entry points.
# ---------------------------------------------------------------------------


def generate_event(
    out: Path = DEFAULT_OUT, seed: int = DEFAULT_SEED, posts: int = DEFAULT_POSTS
) -> EventSummary:
    """Write the event to ``out`` (gzip of JSON lines) and return what was written.

    ``posts`` counts the valid posts; the malformed lines (about 0.05 %, at least
    seven, one of each kind) come on top.
    """
    started = time.perf_counter()
    builder = EventBuilder(seed, posts)
    n_users = min(8000, max(800, posts // 3))
    n_flood = int(min(60, max(24, round(posts * 0.002))))
    n_fresh = max(30, round(posts * 0.006))
    n_notes = max(5, min(10, posts // 3000))
    n_malformed = max(len(MALFORMED_KINDS), round(posts * 0.0005))
    builder.generate(n_users, n_flood, n_fresh, n_notes, n_malformed)

    written = [p for p in builder.posts if p.written]
    lines = [builder.line(p) for p in written]
    payload = ("\n".join(lines) + "\n").encode("utf-8")
    out.parent.mkdir(parents=True, exist_ok=True)
    with (
        out.open("wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz,
    ):
        gz.write(payload)

    valid = [p for p in written if not p.malformed]
    n = len(valid)
    langs: dict[str, int] = {}
    for p in valid:
        langs[p.lang] = langs.get(p.lang, 0) + 1
    ranked = sorted(langs.items(), key=lambda kv: (-kv[1], kv[0]))
    coords = sum(1 for p in valid if p.coords is not None)
    place = sum(1 for p in valid if p.place and p.coords is None)
    profile = sum(
        1
        for p in valid
        if not p.place
        and builder.users[p.author].location
        and builder.users[p.author].location not in JUNK_LOCATIONS
    )
    summary = EventSummary(
        path=out,
        lines=len(lines),
        posts=n,
        malformed=len(written) - n,
        users=len({p.author for p in valid}),
        languages={k: 100.0 * v / n for k, v in ranked[:8]},
        geo={
            "coordinates": 100.0 * coords / n,
            "place only": 100.0 * place / n,
            "profile location only": 100.0 * profile / n,
            "none or junk": 100.0 * (n - coords - place - profile) / n,
        },
        retweets=100.0 * sum(1 for p in valid if p.kind == "rt") / n,
        replies=100.0 * sum(1 for p in valid if p.ref_type == "replied_to") / n,
        quotes=100.0 * sum(1 for p in valid if p.kind == "quote") / n,
        size=out.stat().st_size,
    )
    summary.seconds = time.perf_counter() - started
    return summary


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="gzip file to write")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    parser.add_argument("--posts", type=int, default=DEFAULT_POSTS, help="valid posts to write")
    args = parser.parse_args(argv)
    summary = generate_event(args.out, args.seed, args.posts)
    print(summary.format())
    return 0


if __name__ == "__main__":
    sys.exit(main())
