"""Automatic moderation, without Qt: what is rejected, flagged or let through, and why."""

from __future__ import annotations

import itertools
import time

import msgspec
import pytest

from blueroom.core.moderation import (
    MAX_EXAMINED_CHARS,
    RULE_PRIORITY,
    Action,
    ModerationRules,
    Moderator,
    Verdict,
    _builtin,
    is_new_account,
    normalise,
)
from blueroom.core.tweet import Author, Tweet

PASS, FLAG, REJECT = Action.PASS, Action.FLAG, Action.REJECT
NOW = 1_795_000_000.0  # 2026-11-18, in seconds since the epoch
_ids = itertools.count()


def post(
    text: str,
    *,
    lang: str = "",
    handle: str = "",
    created_at: str = "2015-03-01T12:00:00.000Z",
    mentions: tuple[str, ...] = (),
    urls: tuple[str, ...] = (),
) -> Tweet:
    """A post by its own author (no flood between table rows)."""
    number = next(_ids)
    author = Author(id=f"u{number}", username=handle or f"fan{number}", created_at=created_at)
    return Tweet(id=str(number), text=text, author=author, lang=lang, mentions=mentions, urls=urls)


def check(tweet: Tweet, rules: ModerationRules | None = None) -> Verdict:
    return Moderator(rules).check(tweet, NOW)


# (text, language, action, rule): the default rules on one post each.
CASES: list[tuple[str, str, Action, str]] = [
    # clean questions, French and English, with emoji, accents, RTL text
    ("Léa, pourquoi la musique ? #AskBlueRoom", "fr", PASS, ""),
    ("What inspired the new album? 😍 #AskBlueRoom", "en", PASS, ""),
    ("Est-ce que tu reviens à Lyon en 2027 ?", "fr", PASS, ""),
    ("How do you stay so calm on stage?? 🎤🔥", "en", PASS, ""),
    ("I love you Léa!!! 1st time watching 🥹 19h pile", "en", PASS, ""),
    ("455 followers and 7175 likes on your last post!", "en", PASS, ""),
    ("هل ستغنين في باريس؟ 💙", "ar", PASS, ""),
    ("מתי את מגיעה לתל אביב?", "iw", PASS, ""),
    ("Tu chantes « Boréale » ce soir ? 🇫🇷✨", "fr", PASS, ""),
    ("L̷é̸a̶,̷ ̸t̶u̷ ̸r̶e̷v̸i̶e̷n̸s̶ ̷q̸u̶a̷n̸d̶ ?", "fr", PASS, ""),
    # words that contain a listed one, or look like one (Scunthorpe and friends)
    ("Scunthorpe fans say hi! Which city is next?", "en", PASS, ""),
    ("Is the class you took in Paris a classic?", "en", PASS, ""),
    ("How do you assess a song before recording it?", "en", PASS, ""),
    ("My favourite passage is the bridge of Boréale", "en", PASS, ""),
    ("Which assistant helps you on tour? And which computer?", "en", PASS, ""),
    ("Did you read Moby Dick, or anything by Dickens?", "en", PASS, ""),
    ("Cocktail préféré après un concert ?", "fr", PASS, ""),
    ("Shiitake or shitake risotto before the show?", "en", PASS, ""),
    ("Tu peux analyser la constitution de ton groupe ?", "fr", PASS, ""),
    ("J'ai fait le compte : 12 concerts, un vrai conte de fées 🧚", "fr", PASS, ""),
    ("Une partie de pétanque après le concert à Bitche ?", "fr", PASS, ""),
    ("On fait un pique-nique avant le concert ?", "fr", PASS, ""),
    ("Quelle est ta technique pour écrire ?", "fr", PASS, ""),
    ("Le train a du retard, tu commences à l'heure ? 😅", "fr", PASS, ""),
    ("Le Niger et le Mali sont dans la tournée ?", "fr", PASS, ""),
    ("¿Vas a cantar con la banda en Madrid?", "es", PASS, ""),
    ("¿Vestido negro o blanco para el concierto? 🖤", "es", PASS, ""),
    ("Is the PD show on tonight?", "en", PASS, ""),
    ("Tu as écouté des negro spirituals pour l'album ?", "fr", PASS, ""),
    # English profanity, plain and obfuscated
    ("THIS IS SHIT 💙💜👀🙏 #AskBlueRoom", "en", REJECT, "profanity"),
    ("she can't sing, what a dumbass 😍", "en", REJECT, "profanity"),
    ("what a f*cking joke", "en", REJECT, "profanity"),
    ("f**k this, I waited 2 hours", "en", REJECT, "profanity"),
    ("sh1t show tonight", "en", REJECT, "profanity"),
    ("$hit sound on the stream", "en", REJECT, "profanity"),
    ("5h1t, a55 and b1tch3s", "en", REJECT, "profanity"),
    ("kiss my @ss", "en", REJECT, "profanity"),
    ("fuuuuuck this is so good", "en", REJECT, "profanity"),
    ("f u c k this", "en", REJECT, "profanity"),
    ("f.u.c.k this", "en", REJECT, "profanity"),
    ("FuCk YoU Léa", "en", REJECT, "profanity"),
    ("ｆｕｃｋ", "en", REJECT, "profanity"),
    ("𝐟𝐮𝐜𝐤 𝐲𝐨𝐮", "en", REJECT, "profanity"),
    ("fuсk (with a Cyrillic с)", "en", REJECT, "profanity"),
    ("f\u200bu\u200bc\u200bk", "en", REJECT, "profanity"),
    ("f̷̛̖u̸̢c̶̗k̵̙ ̷y̸o̶u̵", "en", REJECT, "profanity"),
    ("asssssshole", "en", REJECT, "profanity"),
    ("son of a b1tch", "en", REJECT, "profanity"),
    ("what a tw@t", "en", REJECT, "profanity"),
    ("<b>bullshit</b>", "en", REJECT, "profanity"),
    # French profanity, plain and obfuscated
    ("cette émission c'est de la m3rde", "fr", REJECT, "profanity"),
    ("cette émission c'est de la m**rde", "fr", REJECT, "profanity"),
    ("merdeeee ce son", "fr", REJECT, "profanity"),
    ("p0utain de live", "fr", REJECT, "profanity"),
    ("p-u-t-a-i-n c'est long", "fr", REJECT, "profanity"),
    ("P U T A I N", "fr", REJECT, "profanity"),
    ("ptn c'est long", "fr", REJECT, "profanity"),
    ("t'es qu'un connard", "fr", REJECT, "profanity"),
    ("espèce de connnnnard", "fr", REJECT, "profanity"),
    ("quelle connasse celle-là", "fr", REJECT, "profanity"),
    ("enculé", "fr", REJECT, "profanity"),
    ("ENCULE", "fr", REJECT, "profanity"),
    ("bande d’enculés", "fr", REJECT, "profanity"),
    ("sale bâtard", "fr", REJECT, "profanity"),
    ("batard", "fr", REJECT, "profanity"),
    ("ta gueule Léa", "fr", REJECT, "profanity"),
    ("fdp", "fr", REJECT, "profanity"),
    ("ntm", "fr", REJECT, "profanity"),
    ("nique ta mère", "fr", REJECT, "profanity"),
    ("t'es qu'une pé74$$3", "fr", REJECT, "profanity"),
    ("personne t'écoute S A L O P E 🥺", "fr", REJECT, "profanity"),
    ("bordel, le son coupe encore", "fr", REJECT, "profanity"),
    # slurs
    ("n1gga please", "en", REJECT, "slur"),
    ("niggggger", "en", REJECT, "slur"),
    ("you f@ggot", "en", REJECT, "slur"),
    ("you're such a retard", "en", REJECT, "slur"),
    ("sale pd", "fr", REJECT, "slur"),
    ("t'es qu'une tapette", "fr", REJECT, "slur"),
    ("espèce de négro", "fr", REJECT, "slur"),
    ("bougnoule", "fr", REJECT, "slur"),
    # milder insults: flagged for the operator, not rejected
    ("abruti va", "fr", FLAG, "insult"),
    ("t'es qu'une déb1le Léa 🙈", "fr", FLAG, "insult"),
    ("bande de c0ns", "fr", FLAG, "insult"),
    ("@leamarchand espèce de n.u.l.l.e", "fr", FLAG, "insult"),
    ("Léa fans are such 1dio7s 💙", "en", FLAG, "insult"),
    ("who even cares about this cl*wn", "en", FLAG, "insult"),
    ("you're a l**ser", "en", FLAG, "insult"),
    ("Tu vas nulle part sans ta guitare ?", "fr", PASS, ""),
    ("Le match nul d'hier, tu l'as vu ?", "fr", PASS, ""),
    # spaced out after a one-letter word
    ("SHE CAN'T SING, WHAT A A S S H O L E", "en", REJECT, "profanity"),
    ("what a D U M B A S S", "en", REJECT, "profanity"),
    # hashtag bombs: only hashtags, mentions, links, emoji and punctuation
    ("#AskBlueRoom #fr #paris @x @y", "fr", REJECT, "hashbomb"),
    ("#Léa 😍😍 #AskBlueRoom #Live !!!", "fr", REJECT, "hashbomb"),
    ("#AskBlueRoom 😍", "fr", PASS, ""),
    ("#AskBlueRoom #Léa #Live pourquoi ?", "fr", PASS, ""),
    # links, mentions
    ("Va voir www.promo-gagnant.example/desgpf", "fr", FLAG, "link"),
    ("Look: http://free-followers.example", "en", FLAG, "link"),
    ("@a @b @c @d what do you think, Léa?", "en", FLAG, "mention_spam"),
    ("@a @b @c what do you think, Léa?", "en", PASS, ""),
]


@pytest.mark.parametrize(("text", "lang", "action", "rule"), CASES)
def test_the_default_rules_on_french_and_english_posts(
    text: str, lang: str, action: Action, rule: str
) -> None:
    verdict = check(post(text, lang=lang))
    assert (verdict.action, verdict.rule) == (action, rule), verdict.reason
    assert bool(verdict.reason) is (action is not PASS)


def test_the_table_is_big_enough() -> None:
    assert len(CASES) >= 60


# Ordinary posts that hold, start like or decline a listed word (issue 11): places and
# the people who live there, bands and singers, dishes, idioms, church words. Every one
# must pass. (text, language, what it is)
ORDINARY: list[tuple[str, str, str]] = [
    # places and their people
    ("Tu passes par Conakry pendant la tournée ?", "fr", "capital of Guinea"),
    ("Les vins du Mâconnais, tu aimes ?", "fr", "wine country around Mâcon"),
    ("Les Concarnois te saluent ! Un concert à Concarneau ?", "fr", "people of Concarneau"),
    ("Bonjour de Bitche, en Moselle !", "fr", "town in Moselle"),
    ("Les Bitchois et les Bitchoises t'attendent", "fr", "people of Bitche"),
    ("Tu viens à Condom dans le Gers ?", "fr", "town in the Gers"),
    ("Salut de Cons-la-Grandville !", "fr", "village in Meurthe-et-Moselle"),
    ("Une date à Cons-Sainte-Colombe ?", "fr", "village in Haute-Savoie"),
    ("Je t'écris de Conne-de-Labarde en Dordogne", "fr", "village in Dordogne"),
    ("Un verre de Pouilly-sur-Loire après le live ?", "fr", "wine and town"),
    ("Tu as déjà joué à Montcuq ?", "fr", "village in the Lot"),
    ("Un concert à Puteaux, près de la Défense ?", "fr", "town in Hauts-de-Seine"),
    ("Les Bordelais sont chauds pour ta tournée !", "fr", "people of Bordeaux"),
    ("Une entrecôte à la bordelaise ?", "fr", "Bordeaux-style sauce"),
    ("Un Bâtard-Montrachet pour fêter l'album ?", "fr", "Burgundy grand cru"),
    ("Tu as visité Ostie antique à Rome ?", "fr", "Ostia, Rome's port, in French"),
    ("Do you still go to Phuket in winter?", "en", "island in Thailand"),
    ("Sacramento or San Diego for the US tour?", "en", "Californian city"),
    ("Scunthorpe and Penistone fans say hi!", "en", "English towns"),
    # bands, singers, films, books
    ("Tu écoutes encore Dick Rivers ?", "fr", "French rock singer"),
    ("Une reprise de Dick Annegarn, « Bruxelles » ?", "fr", "singer-songwriter"),
    ("Dick Dale or Link Wray on guitar?", "en", "surf guitarist"),
    ("Tu es fan de Suprême NTM ?", "fr", "French rap group"),
    ("Voilà l'été des Négresses Vertes, ta chanson d'été ?", "fr", "French band"),
    ("Tu refais le concert des Enfoirés cette année ?", "fr", "charity troupe"),
    ("Ton film culte, c'est Le Dîner de cons ?", "fr", "Francis Veber film"),
    ("Salut c'est cool en première partie ?", "fr", "French band"),
    ("Do you like Kate Bush?", "en", "singer"),
    ("Tu fais le cri de Tarzan sur scène ?", "fr", "film character"),
    ("Allegro con brio, c'est ton tempo ?", "fr", "musical direction"),
    ("Tu chantes Con te partirò avec Bocelli ?", "fr", "song"),
    ("Vaya con Dios, le groupe belge, tu connais ?", "fr", "Belgian band"),
    ("Tu vas à la Comic Con de Paris ?", "fr", "fan convention"),
    ("Tu as revu Con Air hier soir ?", "fr", "film"),
    ("Dick Van Dyke or a Van Dyke beard?", "en", "actor, beard"),
    ("Ton chef d'orchestre préféré, Hervé Niquet ?", "fr", "French conductor"),
    ("Have you met King Cnut's descendants?", "en", "English king"),
    # dishes
    ("Un chili con carne avant le concert ?", "fr", "Tex-Mex dish"),
    ("Arroz con pollo ou paella ?", "fr", "Spanish dish"),
    ("Un café con leche le matin ?", "fr", "Spanish coffee"),
    ("Des churros con chocolate à Madrid ?", "fr", "Spanish treat"),
    ("Des calissons d'Aix pour le goûter ?", "fr", "Provençal sweet"),
    ("Un pain bâtard ou une baguette pour le pique-nique ?", "fr", "bread"),
    ("Spotted dick for dessert after the show?", "en", "British pudding"),
    # ordinary words and idioms
    ("C'est un budget conséquent pour un clip ?", "fr", "conséquent"),
    ("Tu es connue partout maintenant !", "fr", "connue"),
    ("Tu investis dans le bitcoin ?", "fr", "bitcoin"),
    ("Concombre ou conifère, quel mot pour ton prochain titre ?", "fr", "con-words"),
    ("Ta salopette sur scène était top !", "fr", "dungarees"),
    ("L'enculturation, c'est le sujet de ta thèse ?", "fr", "anthropology"),
    ("Sans nul doute le meilleur album de l'année", "fr", "nul as 'no'"),
    ("Nul n'est prophète en son pays, même toi ?", "fr", "proverb"),
    ("Nul besoin de micro, tu as la voix !", "fr", "nul as 'no'"),
    ("Nulle autre que toi ne chante comme ça", "fr", "nulle as 'no'"),
    ("Tu as fait la nique aux critiques !", "fr", "idiom: thumbed your nose"),
    ("Quel niquedouille, ce chat 😂", "fr", "old word for a simpleton"),
    ("On fait un pique-niquer... pardon, un pique-nique ?", "fr", "picnic, as a verb"),
    ("Une tapette à mouches dans le clip ?", "fr", "fly swatter"),
    ("Pros and cons of touring in winter ?", "fr", "English idiom in a French post"),
    ("The pros and cons of a live album?", "en", "English idiom"),
    ("The stage crew look hostile 😅", "en", "hostile"),
    # church words that are Québec swearing only without their article
    ("Le calice et le ciboire sont à l'église", "fr", "chalice, ciborium"),
    ("Boire le calice jusqu'à la lie", "fr", "idiom"),
    ("Le prêtre a donné l'hostie", "fr", "the host"),
    ("Les hosties consacrées sont dans le tabernacle", "fr", "hosts, tabernacle"),
    ("La neige crisse sous les pas, quelle ambiance", "fr", "the verb crisser"),
    ("A Negroni before the show?", "en", "cocktail"),
]

# Swearing the lists missed (issue 11): Québec's sacres, and English letter swaps and
# spellings. (text, language, rule)
MISSED: list[tuple[str, str, str]] = [
    ("tabarnak que c'est long", "fr", "profanity"),
    ("TABARNAC de show plate", "fr", "profanity"),
    ("c'est plate en tabarnaque", "fr", "profanity"),
    ("t4b4rn4k", "fr", "profanity"),
    ("câlisse que c'est long", "fr", "profanity"),
    ("je m'en câlisse", "fr", "profanity"),
    ("câliss de show", "fr", "profanity"),
    ("Câlice, c'est plate!", "fr", "profanity"),
    ("mon câlice", "fr", "profanity"),
    ("ostie que c'est bon", "fr", "profanity"),
    ("osti de show plate", "fr", "profanity"),
    ("hostie de cave", "fr", "profanity"),
    ("estie", "fr", "profanity"),
    ("esti de cave", "fr", "profanity"),
    ("crisse de cave", "fr", "profanity"),
    ("crisse ton camp", "fr", "profanity"),
    ("je m'en crisse", "fr", "profanity"),
    ("fâché en crisse", "fr", "profanity"),
    ("sacrament!", "fr", "profanity"),
    ("ciboire que c'est long", "fr", "profanity"),
    ("saint-ciboire", "fr", "profanity"),
    ("sainte viarge", "fr", "profanity"),
    ("fcuk this", "en", "profanity"),
    ("FCUK", "en", "profanity"),
    ("fukc you", "en", "profanity"),
    ("fvck this", "en", "profanity"),
    ("fvcking show", "en", "profanity"),
    ("fuxk off", "en", "profanity"),
    ("fuq", "en", "profanity"),
    ("fkn hell", "en", "profanity"),
    ("fking joke", "en", "profanity"),
    ("phuk", "en", "profanity"),
    ("kiss my azz", "en", "profanity"),
    ("azzhole", "en", "profanity"),
    ("beyotch", "en", "profanity"),
    ("biotch please", "en", "profanity"),
    ("mofo", "en", "profanity"),
    ("shyt show", "en", "profanity"),
    ("dikhead", "en", "profanity"),
    ("what a kunt", "en", "profanity"),
]

# Already caught before issue 11, and still: obfuscations, and names and titles that use
# a listed word for what it means (a person restores them from the trash if need be).
STILL_CAUGHT: list[tuple[str, str, str]] = [
    ("sh1t", "en", "profanity"),
    ("sh!t", "en", "profanity"),
    ("phuck you", "en", "profanity"),
    ("a55hole", "en", "profanity"),
    ("@$$hole", "en", "profanity"),
    ("what a b!tch", "en", "profanity"),
    ("fcking joke", "en", "profanity"),
    ("motherf*cker", "en", "profanity"),
    ("Have you heard Fuck Buttons?", "en", "profanity"),
    ("Le titre « Ta gueule », tu le chantes ?", "fr", "profanity"),
    ("NTM", "fr", "profanity"),
    ("t'es nul nul nul", "fr", "insult"),
    ("quel con", "fr", "insult"),
    ("bande de cons", "fr", "insult"),
    ("va niquer ta mère", "fr", "profanity"),
    ("sale bâtard", "fr", "profanity"),
    ("bordel de merde", "fr", "profanity"),
    ("ma tapette", "fr", "slur"),
    ("bande d'enfoirés", "fr", "profanity"),
    ("espèce de négresse", "fr", "slur"),
]


@pytest.mark.parametrize(("text", "lang", "what"), ORDINARY, ids=[t for t, _, _ in ORDINARY])
def test_ordinary_words_that_hold_a_listed_one_pass(text: str, lang: str, what: str) -> None:
    verdict = check(post(text, lang=lang))
    assert verdict.action is PASS, f"{what}: {verdict.reason}"


@pytest.mark.parametrize(
    ("text", "lang", "rule"), MISSED + STILL_CAUGHT, ids=[t for t, _, _ in MISSED + STILL_CAUGHT]
)
def test_sacres_and_letter_swaps_are_caught(text: str, lang: str, rule: str) -> None:
    verdict = check(post(text, lang=lang))
    assert verdict.rule == rule, verdict.reason
    assert verdict.action is (FLAG if rule == "insult" else REJECT)


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("Enculé", "encule"),
        ("BÂTARD", "batard"),
        ("ｆｕｃｋ", "fuck"),
        ("F.U.C.K", "fuck"),
        ("p-u-t-a-i-n", "putain"),
        ("f u c k you", "fuck you"),
        ("sh1t", "shit"),
        ("m3rde", "merde"),
        ("@ss", "ass"),
        ("a$$", "ass"),
        ("p0utain", "poutain"),
        ("f*ck", "f*ck"),
        ("fuuuuuuck", "fuuuck"),
        ("connard", "connard"),
        ("2024 !!! 19h", "2024 !!! igh"),
        ("wow!!!", "wow!!!"),
        ("l’enculé", "l'encule"),
        ("Léa 😍", "lea "),
        ("il y a", "il ya"),
        ("what a A S S", "what aass ass"),
    ],
)
def test_normalise(text: str, normal: str) -> None:
    assert normalise(text) == normal


def test_a_reason_shows_the_words_as_written_and_the_listed_word() -> None:
    assert check(post("what a f*ck show", lang="en")).reason == 'profanity: "f*ck" matches "fuck"'
    assert check(post("f u c k this", lang="en")).reason == 'profanity: "f u c k" matches "fuck"'
    assert check(post("p0utain", lang="fr")).reason == 'profanity: "p0utain" matches "poutain"'
    assert check(post("t'es un pd", lang="fr")).reason == 'slur: "pd" matches "pd"'
    assert check(post("sale pd", lang="fr")).reason == 'slur: "sale pd" matches "sale pd"'


def test_a_reason_is_one_short_line_of_plain_text() -> None:
    verdict = check(post("x" * 30 + "\u202e\nfuck" + "\x00y" * 40, lang="en"))
    assert verdict.rule == "profanity"
    excerpt = verdict.reason.split('"')[1]
    assert len(excerpt) <= 40
    assert not any(c in excerpt for c in "\n\x00\u202e")


def test_languages_gate_words_that_mean_something_else() -> None:
    assert check(post("encore du retard", lang="fr")).action is PASS
    assert check(post("what a retard", lang="en")).rule == "slur"
    assert check(post("PD", lang="en")).action is PASS
    assert check(post("PD", lang="fr")).rule == "slur"
    assert check(post("negro", lang="es")).action is PASS
    assert check(post("negro", lang="")).rule == "slur"


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("fuuuck", REJECT),  # a run of three or more reads as one letter...
        ("asssss", REJECT),  # ... or as two
        ("connnnnard", REJECT),
        ("connard", REJECT),  # a double letter is read as written
        ("conard", PASS),
        ("asses", REJECT),
        ("assess", PASS),  # not "asses" with a doubled 's'
        ("fuuck", PASS),  # the price of that: two of a single letter is not read
    ],
)
def test_repeated_letters(text: str, action: Action) -> None:
    assert check(post(text)).action is action


def test_a_masked_letter_is_not_enough_for_a_two_letter_word() -> None:
    assert check(post("p* de bus", lang="fr")).action is PASS
    assert check(post("p**tain de bus", lang="fr")).rule == "profanity"


def test_every_listed_word_is_found_as_written() -> None:
    moderator = Moderator()
    for term in _builtin().terms:
        lang = min(term.only) if term.only else ""
        verdict = moderator.check(post(f"oh {term.shown} !", lang=lang), NOW)
        assert verdict.rule == term.rule, term


# --- rules, priority, trust -------------------------------------------------------------


def test_blocked_users_are_rejected_even_when_trusted() -> None:
    rules = ModerationRules(blocked_users=("@Troll",), trusted_users=("troll",))
    verdict = check(post("Léa, une question ?", handle="TROLL"), rules)
    assert (verdict.action, verdict.rule, verdict.reason) == (
        REJECT,
        "blocked_user",
        "blocked user: @troll",
    )


def test_blocked_words_are_matched_like_the_lists() -> None:
    rules = ModerationRules(blocked_words=("eurovision", "spoil*", "la suite", "@spambot"))
    assert check(post("merci @SpamBot !"), rules).rule == "blocked_word"
    assert check(post("Tu vas à l'EUR0VISI0N ?"), rules).rule == "blocked_word"
    assert check(post("SPOILERS de l'album ?"), rules).rule == "blocked_word"
    assert check(post("C'est quoi la-suite ?"), rules).rule == "blocked_word"
    assert check(post("Tu vas à Eurovisions ?"), rules).action is PASS
    assert check(post("Tu vas à Eurovision ?")).action is PASS


def test_trusted_authors_skip_the_behaviour_rules_but_not_the_words() -> None:
    rules = ModerationRules(trusted_users=("blueroomfr",))
    moderator = Moderator(rules)
    official = "📣 #AskBlueRoom #BlueRoom @leamarchand https://t.co/x"
    verdict = moderator.check(
        post(official, handle="BlueRoomFR", urls=("https://promo.example/photo",)), NOW
    )
    assert verdict == Verdict(trusted=True)
    many = post("@a @b @c @d @e Léa ?", handle="BlueRoomFR")
    assert moderator.check(many, NOW).action is PASS
    for _ in range(20):
        assert moderator.check(post("Léa ?", handle="BlueRoomFR"), NOW).action is PASS
    slur = moderator.check(post("sale pd", handle="BlueRoomFR", lang="fr"), NOW)
    assert (slur.action, slur.rule, slur.trusted) == (REJECT, "slur", True)
    swear = moderator.check(post("merde alors", handle="BlueRoomFR", lang="fr"), NOW)
    assert (swear.rule, swear.trusted) == ("profanity", True)


def test_the_strictest_verdict_wins_then_the_rule_priority() -> None:
    link = ("https://promo.example/x",)
    # profanity (reject) beats a link (flag)
    assert check(post("merde https://t.co/x", urls=link)).rule == "profanity"
    # both flag: profanity comes first
    flagging = ModerationRules(profanity=FLAG)
    assert check(post("merde https://t.co/x", urls=link), flagging).rule == "profanity"
    # a flagged word loses to a rejected hashbomb
    assert check(post("#merde #fdp #ptn"), flagging).rule == "hashbomb"
    # slur before profanity, wherever they are in the text
    assert check(post("putain de pd", lang="fr")).rule == "slur"
    # a rejected word beats a flagged slur
    slurs_flagged = ModerationRules(slurs=FLAG)
    assert check(post("putain de pd", lang="fr"), slurs_flagged).rule == "profanity"
    # operator words before profanity
    rules = ModerationRules(blocked_words=("chiant",))
    assert check(post("putain c'est chiant"), rules).rule == "blocked_word"
    # an insult is only flagged: a link flag after it does not replace it
    assert check(post("idiot https://t.co/x", urls=link)).rule == "insult"
    assert RULE_PRIORITY[:5] == ("blocked_user", "slur", "blocked_word", "profanity", "insult")


def test_a_rule_set_to_pass_is_off() -> None:
    rules = ModerationRules(profanity=PASS, links=PASS, hashbomb=PASS)
    assert check(post("merde https://promo.example/x"), rules) == Verdict()
    assert check(post("#a #b #c #d"), rules) == Verdict()


def test_links_name_their_domain_and_x_itself_is_allowed() -> None:
    photo = ("https://x.com/BlueRoomFR/status/1/photo/1",)
    assert check(post("Regarde ! https://t.co/abc", urls=photo)).action is PASS
    verdict = check(post("🎁 https://t.co/KM19", urls=("https://promo-gagnant.example/d?r=1",)))
    assert (verdict.action, verdict.reason) == (FLAG, "link: promo-gagnant.example")
    assert check(post("https://t.co/KM19")).reason == "link: t.co"
    assert check(post("WWW.Evil.Example/x")).reason == "link: evil.example"
    rules = ModerationRules(links=REJECT, allowed_domains=("youtube.com",))
    assert check(post("https://m.youtube.com/watch?v=1"), rules).action is PASS
    assert check(post("https://youtube.com.evil.example/"), rules).action is REJECT


def test_mentions_counted_from_the_entities_or_the_text() -> None:
    assert check(post("Léa ?", mentions=("a", "b", "c", "d"))).rule == "mention_spam"
    assert check(post("Léa ?", mentions=("a", "b", "c"))).action is PASS
    assert check(post("mail me at a@b.fr c@d.fr e@f.fr g@h.fr")).action is PASS
    assert check(post("@a @b Léa ?"), ModerationRules(max_mentions=1)).rule == "mention_spam"


# --- flood ----------------------------------------------------------------------------


def posts_by(handle: str, count: int) -> list[Tweet]:
    author = Author(id=f"id-{handle}", username=handle)
    return [
        Tweet(id=f"{handle}{i}", text=f"Léa, question {i} ?", author=author) for i in range(count)
    ]


def test_a_flood_flags_the_posts_over_the_limit_in_the_window() -> None:
    moderator = Moderator()
    tweets = posts_by("spammer", 8)
    verdicts = [moderator.check(t, NOW + i) for i, t in enumerate(tweets[:7])]
    assert [v.action for v in verdicts] == [PASS] * 5 + [FLAG] * 2
    assert verdicts[5].reason == "flood: over 5 posts in 60 s from @spammer"
    # a minute after the burst the author is back to normal
    assert moderator.check(tweets[7], NOW + 70).action is PASS


def test_flood_verdicts_depend_on_event_times_only() -> None:
    tweets = posts_by("fast", 10)
    times = [NOW + 5 * i for i in range(10)]
    first, second = Moderator(), Moderator()
    verdicts = [first.check(t, at) for t, at in zip(tweets, times, strict=True)]
    assert verdicts == [second.check(t, at) for t, at in zip(tweets, times, strict=True)]
    assert [v.rule for v in verdicts] == [""] * 5 + ["flood"] * 5
    slow = Moderator()
    assert all(slow.check(t, NOW + 20 * i).clean for i, t in enumerate(tweets))


def test_the_flood_memory_is_bounded() -> None:
    for cap in (1, 2, 100):
        moderator = Moderator(max_tracked_authors=cap)
        for i in range(300):
            moderator.check(post("Léa ?", handle=f"h{i}"), NOW + i)
            assert moderator.tracked_authors <= cap
    moderator.forget()
    assert moderator.tracked_authors == 0


def test_new_rules_apply_at_once_and_keep_the_flood_memory() -> None:
    moderator = Moderator()
    tweets = posts_by("regular", 4)
    for t in tweets[:3]:
        assert moderator.check(t, NOW).clean
    moderator.update(ModerationRules(flood_posts=2, blocked_words=("question",)))
    assert moderator.rules.flood_posts == 2
    assert moderator.check(tweets[3], NOW).rule == "blocked_word"
    moderator.update(ModerationRules(flood_posts=2))
    assert moderator.check(posts_by("regular", 1)[0], NOW).rule == "flood"


# --- rules as settings ----------------------------------------------------------------


def test_rules_travel_as_json_and_from_settings_tables() -> None:
    rules = ModerationRules(blocked_words=("spoil*",), profanity=FLAG, flood_seconds=30.0)
    assert msgspec.json.decode(msgspec.json.encode(rules), type=ModerationRules) == rules
    table = {"profanity": "flag", "links": "reject", "max_mentions": 5, "flood_seconds": 90}
    converted = msgspec.convert(table, ModerationRules)
    assert (converted.profanity, converted.links, converted.flood_seconds) == (FLAG, REJECT, 90.0)
    verdict = Verdict(REJECT, "profanity", 'profanity: "merde" matches "merde"')
    assert msgspec.json.decode(msgspec.json.encode(verdict), type=Verdict) == verdict


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"max_mentions": -1}, "max_mentions must be 0 or more"),
        ({"flood_posts": 0}, "flood_posts must be 1 or more"),
        ({"flood_seconds": -5.0}, "flood_seconds must be a positive number"),
        ({"flood_seconds": float("nan")}, "flood_seconds must be a positive number"),
        ({"new_account_days": -1}, "new_account_days must be 0 or more"),
        ({"slurs": Action.PASS}, "slurs cannot be let through"),
        ({"blocked_users": ("",)}, "blocked_users has an invalid entry"),
        ({"trusted_users": ("two words",)}, "trusted_users has an invalid entry"),
        ({"blocked_words": ("***",)}, "blocked_words: not a word or phrase"),
    ],
)
def test_bad_rules_are_refused_with_a_clear_message(
    fields: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        ModerationRules(**fields)  # type: ignore[arg-type]
    with pytest.raises(msgspec.ValidationError, match=message):
        msgspec.convert(fields, ModerationRules)


def test_an_unknown_action_is_refused() -> None:
    with pytest.raises(ValueError, match="profanity must be pass, flag or reject, not 'maybe'"):
        ModerationRules(profanity="maybe")  # type: ignore[arg-type]
    with pytest.raises(msgspec.ValidationError, match="Invalid enum value 'maybe'"):
        msgspec.convert({"profanity": "maybe"}, ModerationRules)


def test_unknown_settings_are_refused() -> None:
    with pytest.raises(msgspec.ValidationError, match="unknown field"):
        msgspec.convert({"profanty": "flag"}, ModerationRules)


# --- new accounts ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("created_at", "new"),
    [
        ("2026-11-15T10:00:00.000Z", True),
        ("2026-11-15T10:00:00", True),  # no zone: UTC
        ("2026-11-18T00:00:00+01:00", True),
        ("2026-11-01T10:00:00.000Z", False),
        ("2012-03-14T09:12:00.000Z", False),
        ("", False),
        ("yesterday", False),
        ("2026-13-45T99:00:00Z", False),
        ("2027-06-01T00:00:00Z", False),  # after now: not trusted as a date
    ],
)
def test_is_new_account(created_at: str, new: bool) -> None:
    author = Author(id="1", username="fan", created_at=created_at)
    assert is_new_account(author, NOW, 7) is new


def test_no_account_is_new_without_an_author_or_with_zero_days() -> None:
    assert is_new_account(None, NOW, 7) is False
    fresh = Author(id="1", username="fan", created_at="2026-11-17T00:00:00Z")
    assert is_new_account(fresh, NOW, 0) is False
    assert Moderator(ModerationRules(trusted_users=("fan",))).is_new_account(fresh, NOW) is False
    assert Moderator().is_new_account(fresh, NOW) is True


# --- untrusted text ---------------------------------------------------------------------


def timed_check(text: str, rules: ModerationRules | None = None) -> tuple[Verdict, float]:
    moderator = Moderator(rules)
    tweet = post(text)
    started = time.perf_counter()
    verdict = moderator.check(tweet, NOW)
    return verdict, time.perf_counter() - started


@pytest.mark.parametrize(
    "text",
    [
        "Léa ? " * 2_000,  # 12,000 characters
        "a" + "*" * 9_999,
        "f" + "*" * 5_000 + "k",
        "a" * 9_999 + "x",
        "ass" * 3_000,
        "s" * 10_000,
        "f u c k " * 1_250,
        "1!|" * 3_000,
        "#a " * 3_000,
        "@" * 10_000,
        "www." * 2_500,
        "\u0301" * 10_000,
        "e" + "\u0301\u0316\u0335" * 3_000,
        "<script>alert('x')</script>" * 300,
        "\x00\x07\x1b[31m" * 1_000,
        "\u202e" * 5_000 + "kcuf",
        "🙂" * 5_000,
        "مرحبا " * 1_500,
    ],
)
def test_hostile_text_is_checked_quickly(text: str) -> None:
    verdict, seconds = timed_check(text, ModerationRules(blocked_words=("spoil*", "la suite")))
    assert isinstance(verdict, Verdict)
    assert seconds < 0.05, f"{seconds * 1e3:.1f} ms"


def test_only_the_start_of_a_long_post_is_examined() -> None:
    filler = "Léa, une question. " * 200
    assert len(filler) > MAX_EXAMINED_CHARS
    assert check(post("merde " + filler)).rule == "profanity"
    assert check(post(filler + "merde")).action is PASS


def test_zalgo_and_html_do_not_hide_words() -> None:
    assert check(post("<i>m</i>e<b>r</b>d<u>e</u>")).action is PASS  # tags split the word
    assert check(post("<p>merde</p>")).rule == "profanity"
    assert check(post("m̴̡̛e̸̢r̶̗d̵̙e̷̮")).rule == "profanity"


@pytest.mark.parametrize(
    ("name", "handle", "action", "rule"),
    [
        ("Gros connard", "fan_a", Action.REJECT, "profanity"),
        ("Théo", "merde_alors", Action.REJECT, "profanity"),
        ("Le débile du 93", "fan_b", Action.FLAG, "insult"),
        ("Inès 🇫🇷", "ines_fan", Action.PASS, ""),
        ("Constance Bastia", "consbastia", Action.PASS, ""),  # a name holding "con"
    ],
)
def test_the_name_and_handle_shown_beside_a_post_pass_through_the_word_rules(
    name: str, handle: str, action: Action, rule: str
) -> None:
    tweet = msgspec.structs.replace(
        post("Léa tu viens quand à Lyon ?"),
        author=Author(id="n1", username=handle, name=name, created_at="2015-03-01T12:00:00.000Z"),
    )
    verdict = check(tweet)
    assert (verdict.action, verdict.rule) == (action, rule)
    if rule:
        assert verdict.reason.startswith("in the author's name: ")
