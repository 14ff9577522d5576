"""Automatic moderation: rules that reject or flag a post before a person sees it.

Blue Room pre-moderates: a person approves every question. These rules only take the
obvious out (slurs, profanity, blocked authors and words, hashtag bombs) and flag what
deserves a second look (mild insults, links, @-spam, floods), and every verdict says why.

Verdicts depend only on the post, the rules and the ``now`` passed in (the event time),
so replaying a journal gives the same verdicts. The strictest verdict wins (reject >
flag > pass); between rules of the same strictness, the first in :data:`RULE_PRIORITY`.

Trusted authors skip the behaviour rules (hashbomb, link, mention_spam, flood and the
new-account check) but not the word rules (slur, blocked_word, profanity, insult):
what they write is still shown on the wall. A blocked author is rejected even if trusted.

Word lists live in ``wordlists/`` (syntax in ``profanity_en.txt``). English and French
slurs, profanity and insults are compiled into one trie-shaped regex, the operator's blocked words
into another; both read the post folded to ASCII (see :func:`normalise`) and read
leetspeak, masks and repeated letters themselves.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from functools import cache, lru_cache
from importlib import resources

import msgspec

from blueroom.core.phrases import Phrase
from blueroom.core.tweet import Author, Tweet

__all__ = [
    "MAX_EXAMINED_CHARS",
    "REASONS",
    "RULE_PRIORITY",
    "Action",
    "ModerationRules",
    "Moderator",
    "Verdict",
    "is_new_account",
    "normalise",
]

MAX_EXAMINED_CHARS = 2_000  # the rest of a longer post is not examined
EXCERPT_CHARS = 40
EXCERPT_TRIES = 24  # chunk windows folded again to find the words as written
HASHBOMB_MIN_TAGS = 3  # hashtags, mentions and links, with no word around them
MAX_TRACKED_AUTHORS = 100_000
MAX_NAME_CHARS = 100  # X allows 50
MAX_TERM_CHARS = 100
RULE_PRIORITY = (
    "blocked_user",
    "slur",
    "blocked_word",
    "profanity",
    "insult",
    "hashbomb",
    "link",
    "mention_spam",
    "flood",
)


# Each rule's reasons, as Phrases: a verdict's ``reason`` is one of its rule's sentences,
# which the screens read back and word in their language.
BLOCKED_USER = Phrase("blocked_user", "blocked user: @{handle}")
SLUR = Phrase("slur", 'slur: "{excerpt}" matches "{term}"')
BLOCKED_WORD = Phrase("blocked_word", 'blocked word: "{excerpt}" matches "{term}"')
PROFANITY = Phrase("profanity", 'profanity: "{excerpt}" matches "{term}"')
INSULT = Phrase("insult", 'insult: "{excerpt}" matches "{term}"')
HASHBOMB = Phrase(
    "hashbomb", "hashbomb: {tags} hashtags, mentions or links and no words", numbers=("tags",)
)
LINK = Phrase("link", "link: {host}")
MENTION_SPAM = Phrase(
    "mention_spam", "mention spam: {count} mentions (more than {most})", numbers=("count", "most")
)
FLOOD = Phrase(
    "flood",
    "flood: over {posts} posts in {seconds} s from @{handle}",
    numbers=("posts", "seconds"),
)
FLOOD_UNKNOWN_AUTHOR = Phrase(
    "flood_unknown_author",
    "flood: over {posts} posts in {seconds} s from one author",
    numbers=("posts", "seconds"),
)
# A word rule's reason found in the name or handle a wall would show beside the post.
AUTHOR_NAME = Phrase("author_name", "in the author's name: {reason}")
REASONS: dict[str, tuple[Phrase, ...]] = {
    "blocked_user": (BLOCKED_USER,),
    "slur": (SLUR,),
    "blocked_word": (BLOCKED_WORD,),
    "profanity": (PROFANITY,),
    "insult": (INSULT,),
    "hashbomb": (HASHBOMB,),
    "link": (LINK,),
    "mention_spam": (MENTION_SPAM,),
    "flood": (FLOOD, FLOOD_UNKNOWN_AUTHOR),
}


class Action(StrEnum):
    PASS = "pass"
    FLAG = "flag"
    REJECT = "reject"


_ACTIONS = frozenset(Action)  # holds the plain strings too: StrEnum members equal them


class ModerationRules(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """The automatic rules in force: saved in settings, sent in ``ModerationRulesChanged``.

    Handles are compared in lower case without '@' (both are tolerated). Blocked words use
    the word-list syntax: ``word``, ``stem*`` (any ending), ``two words`` (a phrase).
    """

    blocked_words: tuple[str, ...] = ()
    blocked_users: tuple[str, ...] = ()
    trusted_users: tuple[str, ...] = ()
    allowed_domains: tuple[str, ...] = ("x.com", "twitter.com")  # and their subdomains
    profanity: Action = Action.REJECT
    slurs: Action = Action.REJECT  # flag or reject: slurs are never let through
    insults: Action = Action.FLAG  # idiot, loser, débile: often said in jest
    links: Action = Action.FLAG
    hashbomb: Action = Action.REJECT
    max_mentions: int = 3  # more @-mentions than this: flag as mention spam
    flood_posts: int = 5  # more posts than this from one author ...
    flood_seconds: float = 60.0  # ... within this window: flag the extra ones
    new_account_days: int = 7  # 0: no account is new
    auto_approve_clean: bool = False

    def __post_init__(self) -> None:
        self.validate()

    def validate(self) -> None:
        """Raise ValueError naming every bad value (msgspec reports it as a ValidationError)."""
        problems = _problems(self)
        if problems:
            raise ValueError("; ".join(problems))


def _problems(rules: ModerationRules) -> list[str]:
    problems: list[str] = []
    for name in ("profanity", "slurs", "insults", "links", "hashbomb"):
        value = getattr(rules, name)
        if value not in _ACTIONS:
            problems.append(f"{name} must be pass, flag or reject, not {value!r}")
    if rules.slurs == Action.PASS:
        problems.append("slurs cannot be let through: use flag or reject")
    if rules.max_mentions < 0:
        problems.append(f"max_mentions must be 0 or more, not {rules.max_mentions}")
    if rules.flood_posts < 1:
        problems.append(f"flood_posts must be 1 or more, not {rules.flood_posts}")
    if not (math.isfinite(rules.flood_seconds) and rules.flood_seconds > 0):
        problems.append(f"flood_seconds must be a positive number, not {rules.flood_seconds}")
    if rules.new_account_days < 0:
        problems.append(f"new_account_days must be 0 or more, not {rules.new_account_days}")
    for name in ("blocked_users", "trusted_users", "allowed_domains"):
        for value in getattr(rules, name):
            if not value.strip().lstrip("@") or len(value.split()) != 1:
                problems.append(f"{name} has an invalid entry: {value!r}")
    for word in rules.blocked_words:
        try:
            _parse_term(word, "", "blocked_word")
        except ValueError as error:
            problems.append(f"blocked_words: {error}")
    return problems


class Verdict(msgspec.Struct, frozen=True, omit_defaults=True, gc=False):
    """What the rules say about one post: ``rule`` is a stable code ("" when clean),
    ``reason`` plain text for the operator (never markup): a sentence of the rule's
    :data:`REASONS`, whose values the screens read back to word it in their language."""

    action: Action = Action.PASS
    rule: str = ""
    reason: str = ""
    trusted: bool = False

    @property
    def clean(self) -> bool:
        return self.action is Action.PASS


CLEAN = Verdict()
CLEAN_TRUSTED = Verdict(trusted=True)

# --- normalisation -------------------------------------------------------------------

# NFKD sorts a run of combining marks in quadratic time: a long post loses its marks first
# (they are dropped anyway), a short one cannot hold a run long enough to matter.
_LONG_POST = 280
_MARKS = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f"
    "\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+"
)
# After NFKD, accents and zalgo are combining marks: encoding to ASCII with errors ignored
# drops them with every other non-ASCII character (invisible ones too: "f\u200buck" is
# "fuck"). Before that, Greek and Cyrillic look-alikes become Latin letters, '€' an 'e',
# and typographic apostrophes and dashes ASCII ones, so that they still part words
# ("l’enculé"); an emoji stuck between two words does not.
_LOOKALIKES = "аеорсухѕіјԁӏԛԝкмнтвьαβεηικνορτυχμς"
_LATIN = "aeopcyxsijdlqwkmhtbbabenikvoptuxus"
_TYPOGRAPHIC = "’‘‚‛′‐‑‒–—―"
_SPECIAL = re.compile(f"[\u0370-\u03ff\u0400-\u052f€{_TYPOGRAPHIC}]")
_UNSPECIAL = str.maketrans(
    _LOOKALIKES + _LOOKALIKES.upper() + "€" + _TYPOGRAPHIC,
    _LATIN + _LATIN + "e" + "'" * 5 + "-" * 6,
)
_SIGNS = bytes.maketrans(b"@$", b"as")  # never inside a real word: read everywhere
_LEET = bytes.maketrans(b"0134578|!9", b"oieastbiig")
# For normalise(): digits after a letter, or digits, '|' and '!' before one, from the
# start of their run: "sh1t", "m3rde", "sh!t", "19h"; not "2024" nor the "!!!" after a
# word. The word patterns read the same characters as letters themselves (_LEET_OF).
_LEET_RUN = re.compile(rb"[0-9|!](?<![0-9|!][0-9|!])(?:(?<=[a-z][0-9])[0-9]*+|[0-9|!]*+(?=[a-z]))")
# Single letters parted by one and the same separator: "f u c k", "f.u.c.k", "p-u-t-a-i-n"
# (not the "c" of "p-u-t-a-i-n c'est"); '*' is a hidden letter, not a separator.
_SPACED = re.compile(rb"[^a-z0-9*]([a-z])([^a-z0-9*])[a-z](?:\2[a-z])*(?![a-z0-9*])")
# The shape of a folded text, for a cheap test before the regex: a letter (or '*'), a
# digit ('!' and '|' too), anything else.
_SKELETON = bytes.maketrans(
    bytes(range(256)),
    bytes(
        97 if 97 <= c <= 122 or c == 42 else 48 if 48 <= c <= 57 else 49 if c in b"!|" else 32
        for c in range(256)
    ),
)
_RUN = re.compile(r"([a-z])\1{3,}")


def _unleet(match: re.Match[bytes]) -> bytes:
    return match.group().translate(_LEET)


_WORD_LETTERS = frozenset(b"aiyo")  # one-letter words: "what a A S S H O L E"


def _join(match: re.Match[bytes]) -> bytes:
    """The letters joined; read both with and without a first letter that may be a word."""
    spaced = match.group()
    joined = spaced[1::2]
    if len(joined) > 3 and joined[0] in _WORD_LETTERS:
        return spaced[:1] + joined + b" " + joined[1:]
    return spaced[:1] + joined


def _fold(text: str) -> bytes:
    """What the word patterns read: :func:`normalise` as ASCII bytes with a leading space
    (a pattern starts at the character before a word), leet digits and letter runs left
    as they are (the patterns read both)."""
    if text.isascii():
        raw = text.encode("ascii")
    else:  # bytes.lower() after encoding is the case fold: only ASCII letters are left
        if len(text) > _LONG_POST:
            text = _MARKS.sub("", text)
        decomposed = unicodedata.normalize("NFKD", text)
        if _SPECIAL.search(decomposed):
            decomposed = decomposed.translate(_UNSPECIAL)
        raw = decomposed.encode("ascii", "ignore")
    folded = b" " + raw.lower().translate(_SIGNS)
    shape = folded.translate(_SKELETON)
    if b" a a " in shape or shape.endswith(b" a a"):
        folded = _SPACED.sub(_join, folded)
    return folded


def normalise(text: str) -> str:
    """The form the word lists are matched on, in ASCII.

    "F.U.C.K", "ｆｕｃｋ", "f*ck", "sh1t", "@ss" and "Enculé" become "fuck", "fuck",
    "f*ck", "shit", "ass" and "encule": compatibility forms (fullwidth, math letters)
    unfolded, lower case, accents, zalgo and invisible characters dropped, Greek and
    Cyrillic look-alikes made Latin, other non-ASCII characters dropped (emoji too),
    leetspeak read ('@', '$' and '€' everywhere; digits, '!' and '|' only inside words),
    spaced-out single letters joined (a run that starts with a letter that is also a
    word is read both ways: "a a s s" is "aass ass"), and runs of four or more identical
    letters cut to three ("fuuuuuck" is "fuuuck").

    Runs are read by the word patterns, not cut to one: a letter written once in a term
    matches it once or three times and more, a double letter twice or more. So "fuuuck"
    and "asssss" match "fuck" and "ass", "connard" matches "connard", but "assess" does
    not match "asses" nor "fuuck" "fuck". '*' is kept: the patterns read one or two
    stars as a hidden letter ("f*ck", "m**rde").
    """
    folded = _LEET_RUN.sub(_unleet, _fold(text))[1:].decode("ascii")
    return _RUN.sub(r"\1\1\1", folded)


# --- word lists ----------------------------------------------------------------------

_SUFFIXES = {
    "en": ("s", "es", "ed", "er", "ers", "ing", "in", "y", "ies", "ier", "iest", "ish"),
    "fr": (
        *("e", "s", "es", "x", "er", "ee", "ees", "ez", "ent", "ant", "ais", "ait"),
        *("eur", "eurs", "euse", "euses", "erie", "eries"),
    ),
}
_SUFFIXES[""] = tuple(dict.fromkeys(_SUFFIXES["en"] + _SUFFIXES["fr"]))
_TERM_KEY = re.compile(r"[a-z0-9]+(?: [a-z0-9]+)*")
# The word ends here: no letter follows, even after stars ("p**tain" does not end
# after "p*"), and no long run of stars ("a*******" is not a word).
_RIGHT = r"(?!\*\*\*|\**[a-z])"  # in this order: the first test is bounded
_MIN_MASKED_KEY = 3  # "p*" is not "pd"


@dataclass(frozen=True, slots=True)
class _Term:
    shown: str  # as written in the list, for the reason
    key: str  # normalised: letters, words separated by one space
    ending: str  # "" the word only, "+" with inflections, "*" any ending
    language: str  # of the list, for "+"
    rule: str
    only: frozenset[str] = frozenset()  # post languages it applies to (empty: all)
    never: frozenset[str] = frozenset()  # post languages it never applies to

    def applies(self, lang: str) -> bool:
        if self.only and lang not in self.only:
            return False
        return lang not in self.never


def _parse_term(line: str, language: str, rule: str) -> _Term:
    """``word``, ``stem+``, ``stem*`` or ``two words``; in the built-in lists, then
    ``@en`` (only in posts in these languages) or ``!es,pt`` (never in these)."""
    parts = line.split()
    gated = rule != "blocked_word"  # the operator's "@spambot" is a word, not a gate
    shown = " ".join(p for p in parts if not (gated and p[0] in "@!"))
    ending = shown[-1] if shown[-1:] in ("*", "+") else ""
    key = " ".join(normalise(shown.rstrip("*+")).split())
    if not _TERM_KEY.fullmatch(key) or len(key) > MAX_TERM_CHARS:
        raise ValueError(f"not a word or phrase in Latin letters: {line!r}")

    def languages(sign: str) -> frozenset[str]:
        return frozenset(
            code.lower()
            for p in parts
            if gated and p[0] == sign
            for code in p[1:].split(",")
            if code
        )

    return _Term(shown.rstrip("*+"), key, ending, language, rule, languages("@"), languages("!"))


def _read_list(name: str) -> Iterator[str]:
    text = resources.files("blueroom.core").joinpath("wordlists", name).read_text("utf-8")
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            yield line


class _Node:
    __slots__ = ("children", "end")

    def __init__(self) -> None:
        self.children: dict[tuple[str, int], _Node] = {}
        self.end: int | None = None


_LEET_OF = {"a": "4", "b": "8", "e": "3", "g": "9", "i": "1!|", "o": "0", "s": "5", "t": "7"}
_HAS_LETTER = re.compile(rb"[a-z]")


def _letters(char: str, count: int) -> str:
    """A run of one letter, or of its leet digits: once or 3+ times for a single, twice or
    more for a double. A literal or class first (the engine skips a failing branch fast),
    possessive (no backtracking)."""
    one = f"[{char}{re.escape(_LEET_OF[char])}]" if char in _LEET_OF else char
    if count == 1:
        return f"{one}(?:{one}{one}++)?+"
    return f"{one}{one * (count - 2)}{one}++"


def _render(node: _Node, terms: list[_Term], groups: list[int], masked: bool, depth: int) -> str:
    """One trie level. A term ends with an empty group and ``groups`` gets its index, in
    the order of the groups: ``match.lastindex`` names the term found. In the masked form
    a letter after the first may be one or two '*' (a double letter two to four)."""
    branches: list[str] = []
    for (char, count), child in node.children.items():
        if char == " ":
            head = r"[^a-z0-9]++"
        elif depth == 0 or not masked:
            head = _letters(char, count)
        else:
            head = f"(?:{_letters(char, count)}|\\*{{{count},{2 * count}}}?)"
        branches.append(head + _render(child, terms, groups, masked, depth + 1))
    if node.end is not None:
        term = terms[node.end]
        tail = _RIGHT
        if term.ending == "*":
            tail = r"(?!\*\*\*)"
        elif term.ending == "+":
            tail = "(?:" + "|".join(_SUFFIXES[term.language]) + ")?" + _RIGHT
        groups.append(node.end)
        branches.append("()" + tail)
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _phrase_pattern(key: str) -> str:
    """An allowed phrase as a regex: its words with any separator between them, a word
    written ``stem*`` with any ending ("bordelais*": Bordelais, bordelaise), the others
    whole ("nul n" is not the start of "nul nul")."""
    return "[^a-z0-9]++".join(
        re.escape(word[:-1]) + "[a-z]*+" if word.endswith("*") else re.escape(word) + "(?![a-z])"
        for word in key.split()
    )


class _WordList:
    """Terms compiled into one trie-shaped regex.

    The regex starts at the non-letter before a word, a character class, so the regex
    engine looks for candidates in C. A second form, for texts with '*', also reads
    masked letters ("f**k"); an ambiguous mask goes to the first term listed.
    """

    def __init__(self, terms: Iterable[_Term], allowed: Iterable[str] = ()) -> None:
        self.terms: list[_Term] = []
        root = _Node()
        for term in terms:
            node = root
            for char, run in itertools.groupby(term.key):
                node = node.children.setdefault((char, len(list(run))), _Node())
            if node.end is None:
                node.end = len(self.terms)
                self.terms.append(term)
        patterns: list[re.Pattern[bytes]] = []
        for masked in (False, True):
            groups: list[int] = []
            pattern = "[^a-z]" + _render(root, self.terms, groups, masked, 0)
            patterns.append(re.compile(pattern.encode("ascii")))
        self.by_group = [self.terms[i] for i in groups]  # group n + 1; one order for both
        self.plain, self.masked = patterns
        # longest first: of two phrases that start at the same place, the longer is kept
        keys = sorted({" ".join(normalise(p).split()) for p in allowed}, key=lambda k: (-len(k), k))
        phrases = "|".join(_phrase_pattern(key) for key in keys)
        self.allowed = re.compile(f"[^a-z](?:{phrases})".encode("ascii")) if keys else None
        # only a match of a word that some allowed phrase holds (or, for a term with
        # endings, starts) needs the phrases looked up
        words = {word.rstrip("*") for key in keys for word in key.split()}
        self.in_phrases = frozenset(
            t.key
            for t in self.terms
            if any(w == k or (t.ending and w.startswith(k)) for k in t.key.split() for w in words)
        )

    def regex(self, folded: bytes) -> re.Pattern[bytes]:
        return self.masked if b"*" in folded else self.plain

    def hits(
        self, folded: bytes, lang: str, first: re.Match[bytes] | None = None
    ) -> Iterator[tuple[re.Match[bytes], _Term]]:
        """The terms in a folded text, in text order, skipping gated or allowed ones;
        ``first`` is the regex's first match, when the caller already searched."""
        regex = self.regex(folded)
        match = first or regex.search(folded)
        allowed: list[tuple[int, int]] | None = None
        while match is not None:
            term = self.by_group[(match.lastindex or 1) - 1]
            if (
                term.applies(lang)
                and _HAS_LETTER.search(match.group(), 1)  # "455" is a number, not "ass"
                and not (len(term.key) < _MIN_MASKED_KEY and b"*" in match.group())
            ):
                inside = False
                if term.key in self.in_phrases and self.allowed is not None:
                    if allowed is None:
                        allowed = [m.span() for m in self.allowed.finditer(folded)]
                    inside = any(s <= match.start() and match.end() <= e for s, e in allowed)
                if not inside:
                    yield match, term
            match = regex.search(folded, match.end())

    def finds(self, folded: bytes, lang: str, wanted: _Term) -> bool:
        return any(term is wanted for _, term in self.hits(folded, lang))


@cache
def _builtin() -> _WordList:
    """English and French profanity, slurs and insults, read and compiled once per
    process. Profanity first: an ambiguous mask ("f***") reads as the commoner word."""
    terms = [
        _parse_term(line, language, rule)
        for rule, stem in (("profanity", "profanity"), ("slur", "slurs"), ("insult", "insults"))
        for language in ("en", "fr")
        for line in _read_list(f"{stem}_{language}.txt")
    ]
    return _WordList(terms, _read_list("allowed_phrases.txt"))


@lru_cache(maxsize=16)
def _blocked_words(words: tuple[str, ...]) -> _WordList | None:
    return _WordList(_parse_term(w, "", "blocked_word") for w in words) if words else None


# --- the other rules -----------------------------------------------------------------

_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'“”«»]*", re.IGNORECASE)
_HOST = re.compile(r"(?:[a-z][a-z0-9+.-]*://)?(?:[^/?#@\s]*@)?([^/?#:\s]+)", re.IGNORECASE)
# a token that is not a hashtag, a mention or a link and has a letter or digit in it
# (searched in " " + text: the class first lets the regex engine scan in C)
_PROSE = re.compile(r"\s(?!https?://|www\.)[^\s#＃@＠]*[^\W_]", re.IGNORECASE)
_TAG_LIKE = re.compile(r"https?://\S*|www\.\S*|[#＃@＠]\w+", re.IGNORECASE)
_WORD_CHAR = re.compile(r"[^\W_]")
_MENTION = re.compile(r"(?<![\w@＠])[@＠]\w+")
# a character that folding keeps: ASCII, Latin letters with accents, look-alikes, fullwidth
_FOLDS_TO_SOMETHING = re.compile(
    "[!-~\u00c0-\u024f\u0370-\u052f\u1e00-\u1eff\uff01-\uff5e\U0001d400-\U0001d7ff]"
)
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]+")


def _host(url: str) -> str:
    match = _HOST.match(url)
    return match.group(1).lower().strip(".").removeprefix("www.") if match else ""


def _plain(text: str) -> str:
    """An excerpt as one line of plain text, at most EXCERPT_CHARS long."""
    text = " ".join(_UNSAFE.sub(" ", text).split())
    return text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1] + "…"


@lru_cache(maxsize=4096)
def _created_seconds(created_at: str) -> float | None:
    if not created_at:
        return None
    try:
        when = datetime.fromisoformat(created_at)
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        return when.timestamp()
    except (ValueError, OverflowError, OSError):
        return None


def is_new_account(author: Author | None, now: float, days: int) -> bool:
    """True when the account was created less than ``days`` days before ``now``.

    An unknown, empty or malformed creation date (or one more than a day after ``now``)
    is not new: the rule acts only on what it knows.
    """
    if author is None or days <= 0:
        return False
    created = _created_seconds(author.created_at)
    if created is None:
        return False
    age = now - created
    return -86_400.0 < age < days * 86_400.0


@dataclass(frozen=True, slots=True)
class _Compiled:
    """Everything :meth:`Moderator.check` needs from the rules, built once."""

    rules: ModerationRules
    trusted: frozenset[str]
    blocked: frozenset[str]
    domains: tuple[str, ...]
    words: _WordList | None
    actions: dict[str, Action]  # of the word rules
    links: Action
    hashbomb: Action

    @classmethod
    def build(cls, rules: ModerationRules) -> _Compiled:
        rules.validate()  # again: msgspec.structs.replace() does not call __post_init__

        def handles(values: tuple[str, ...]) -> frozenset[str]:
            return frozenset(v.strip().lstrip("@").lower() for v in values)

        return cls(
            rules,
            handles(rules.trusted_users),
            handles(rules.blocked_users),
            tuple(d.strip().lower().removeprefix("www.") for d in rules.allowed_domains),
            _blocked_words(tuple(rules.blocked_words)),
            {
                "slur": Action(rules.slurs),
                "blocked_word": Action.REJECT,
                "profanity": Action(rules.profanity),
                "insult": Action(rules.insults),
            },
            Action(rules.links),
            Action(rules.hashbomb),
        )


_WORD_RULES = ("slur", "blocked_word", "profanity", "insult")  # in priority order
_WORD_REASONS = {
    "slur": SLUR,
    "blocked_word": BLOCKED_WORD,
    "profanity": PROFANITY,
    "insult": INSULT,
}


class Moderator:
    """Applies :class:`ModerationRules` to posts.

    ``update`` swaps the rules from any thread (one attribute replaced, no lock);
    ``check`` is called by one consumer at a time, as it keeps the flood memory: per
    author, the times of their last ``flood_posts + 1`` posts, for at most
    ``max_tracked_authors`` authors (those with no post in the window are forgotten
    first, then those first seen longest ago).
    """

    def __init__(
        self,
        rules: ModerationRules | None = None,
        *,
        max_tracked_authors: int = MAX_TRACKED_AUTHORS,
    ) -> None:
        self._compiled = _Compiled.build(rules if rules is not None else ModerationRules())
        self._builtin = _builtin()
        self._recent: dict[str, list[float]] = {}
        self._max_tracked = max(1, max_tracked_authors)

    @property
    def rules(self) -> ModerationRules:
        return self._compiled.rules

    def update(self, rules: ModerationRules) -> None:
        """Use these rules from the next check on; the flood memory is kept."""
        self._compiled = _Compiled.build(rules)

    def forget(self) -> None:
        """Forget every author's recent posts."""
        self._recent.clear()

    def flood_memory(self) -> list[tuple[str, list[float]]]:
        """Each author's recent post times, in the order they were first tracked (a copy)."""
        return [(key, list(times)) for key, times in self._recent.items()]

    def restore_flood_memory(self, memory: list[tuple[str, list[float]]]) -> None:
        self._recent = {key: list(times) for key, times in memory}

    @property
    def tracked_authors(self) -> int:
        return len(self._recent)

    def is_new_account(self, author: Author | None, now: float) -> bool:
        """:func:`is_new_account` with these rules; a trusted author is never new."""
        compiled = self._compiled
        if author is not None and author.username.lstrip("@").lower() in compiled.trusted:
            return False
        return is_new_account(author, now, compiled.rules.new_account_days)

    def check(self, tweet: Tweet, now: float) -> Verdict:
        """The verdict on one post; ``now`` is the event time in seconds (for floods)."""
        compiled = self._compiled
        rules = compiled.rules
        author = tweet.author
        handle = ""
        trusted = False
        posts = 0
        if author is not None:
            handle = author.username.lstrip("@").lower()
            trusted = handle in compiled.trusted
            key = author.id or ("@" + handle if handle else "")
            if key and not trusted:
                if key not in self._recent and len(self._recent) < self._max_tracked:
                    self._recent[key] = [now]  # the common case: a first post
                    posts = 1
                else:
                    posts = self._count(key, now, rules)
            if handle in compiled.blocked:
                return Verdict(
                    Action.REJECT, "blocked_user", BLOCKED_USER.say(handle=handle), trusted
                )

        text = tweet.text
        if len(text) > MAX_EXAMINED_CHARS:
            text = text[:MAX_EXAMINED_CHARS]
        has_url = "://" in text or "www." in text or "WWW." in text
        examined = _URL.sub(" ", text) if has_url else text
        folded = _fold(examined)
        best: Verdict | None = None
        builtin = self._builtin
        first = (builtin.masked if b"*" in folded else builtin.plain).search(folded)
        if first is not None or compiled.words is not None:
            lang = tweet.lang.lower()
            best = self._content(compiled, examined, folded, first, lang, trusted)
            if best is not None and best.action is Action.REJECT:
                return best
        if author is not None and (author.name or handle):
            named = self._name(compiled, author.name, handle, tweet.lang.lower(), trusted)
            if named is not None and (best is None or named.action is Action.REJECT):
                if named.action is Action.REJECT:
                    return named
                best = named
        if trusted:
            return best or CLEAN_TRUSTED

        tags = text.count("#") + text.count("@") + text.count("://")  # (fullwidth ＃ too)
        if (
            compiled.hashbomb is not Action.PASS
            and (tags >= HASHBOMB_MIN_TAGS or "＃" in text)
            and not _PROSE.search(" " + text)
        ):
            verdict = self._hashbomb(text, compiled.hashbomb)
            if verdict is not None:
                if verdict.action is Action.REJECT:
                    return verdict
                best = best or verdict
        if compiled.links is not Action.PASS and (tweet.urls or has_url):
            verdict = self._link(tweet, text, has_url, compiled)
            if verdict is not None:
                if verdict.action is Action.REJECT:
                    return verdict
                best = best or verdict
        if best is not None:
            return best
        mentions = len(tweet.mentions)
        if mentions > rules.max_mentions or (not mentions and "@" in text):
            verdict = self._mentions(mentions, text, rules.max_mentions)
            if verdict is not None:
                return verdict
        if posts > rules.flood_posts:
            reason = FLOOD if handle else FLOOD_UNKNOWN_AUTHOR
            values = {"posts": rules.flood_posts, "seconds": f"{rules.flood_seconds:g}"}
            return Verdict(Action.FLAG, "flood", reason.say(handle=handle, **values))
        return CLEAN

    # -- word rules: slur, blocked_word, profanity, insult ------------------------------

    def _name(
        self, compiled: _Compiled, name: str, handle: str, lang: str, trusted: bool
    ) -> Verdict | None:
        """The word rules on the name and handle shown beside a post on the walls."""
        shown = f"{name[:MAX_NAME_CHARS]} {handle}"
        folded = _fold(shown)
        builtin = self._builtin
        first = (builtin.masked if b"*" in folded else builtin.plain).search(folded)
        if first is None and compiled.words is None:
            return None
        verdict = self._content(compiled, shown, folded, first, lang, trusted)
        if verdict is None:
            return None
        return Verdict(
            verdict.action, verdict.rule, AUTHOR_NAME.say(reason=verdict.reason), trusted
        )

    def _content(
        self,
        compiled: _Compiled,
        examined: str,
        folded: bytes,
        first: re.Match[bytes] | None,
        lang: str,
        trusted: bool,
    ) -> Verdict | None:
        """The strictest word verdict, the first in priority order among equals; ``first``
        is the built-in lists' first match, if any."""
        found: dict[str, tuple[re.Match[bytes], _Term, _WordList]] = {}
        hits = self._builtin.hits(folded, lang, first) if first is not None else ()
        for match, term in hits:
            found.setdefault(term.rule, (match, term, self._builtin))
            if len(found) == 3:
                break
        if compiled.words is not None:
            for match, term in compiled.words.hits(folded, lang):
                found["blocked_word"] = (match, term, compiled.words)
                break
        fired = [
            (compiled.actions[rule], rule)
            for rule in _WORD_RULES
            if rule in found and compiled.actions[rule] is not Action.PASS
        ]
        if not fired:
            return None
        # strictest first, then the priority order (max keeps the first of equals)
        action, rule = max(fired, key=lambda fire: fire[0] is Action.REJECT)
        match, term, words = found[rule]
        excerpt = _excerpt(examined, folded, match, words, term, lang)
        reason = _WORD_REASONS[rule].say(excerpt=excerpt, term=term.shown)
        return Verdict(action, rule, reason, trusted)

    # -- behaviour rules: hashbomb, link, mention_spam, flood ---------------------------

    @staticmethod
    def _hashbomb(text: str, action: Action) -> Verdict | None:
        """No prose in the post (checked first): are there enough tags to call it a bomb?
        ("www." links count here, not in the quick count: with no '#' or '@' the post is
        links only, which the link rule flags.)"""
        rest, tags = _TAG_LIKE.subn(" ", text)
        if tags < HASHBOMB_MIN_TAGS or _WORD_CHAR.search(rest):
            return None
        return Verdict(action, "hashbomb", HASHBOMB.say(tags=tags))

    @staticmethod
    def _link(tweet: Tweet, text: str, has_url: bool, compiled: _Compiled) -> Verdict | None:
        hosts = [_host(u) for u in tweet.urls]
        if has_url:  # t.co only wraps the links X already expanded into tweet.urls
            in_text = (_host(m.group()) for m in _URL.finditer(text))
            hosts.extend(h for h in in_text if not (tweet.urls and h == "t.co"))
        for host in hosts:
            if host and not any(host == d or host.endswith("." + d) for d in compiled.domains):
                return Verdict(compiled.links, "link", LINK.say(host=_plain(host)))
        return None

    @staticmethod
    def _mentions(count: int, text: str, most: int) -> Verdict | None:
        """Mentions from the entities, or counted in the text when X gave none."""
        if not count:
            count = len(_MENTION.findall(text))
        if count <= most:
            return None
        return Verdict(Action.FLAG, "mention_spam", MENTION_SPAM.say(count=count, most=most))

    def _count(self, key: str, now: float, rules: ModerationRules) -> int:
        """Record a post; how many this author made in the window (at most posts + 1)."""
        times = self._recent.get(key)
        if times is None:
            if len(self._recent) >= self._max_tracked:
                self._evict(now - rules.flood_seconds)
            self._recent[key] = [now]
            return 1
        if times[0] <= now - rules.flood_seconds:
            times[:] = [t for t in times if t > now - rules.flood_seconds]
        times.append(now)
        if len(times) > rules.flood_posts + 1:
            del times[: len(times) - rules.flood_posts - 1]
        return len(times)

    def _evict(self, cutoff: float) -> None:
        """Forget the authors with no post in the window; if that is not enough, those
        first seen longest ago, down to half the cap. Amortised: it runs once per many
        new authors."""
        recent = {k: v for k, v in self._recent.items() if v[-1] > cutoff}
        keep = self._max_tracked // 2
        if len(recent) > keep:
            recent = dict(itertools.islice(recent.items(), len(recent) - keep, None))
        self._recent = recent


def _excerpt(
    text: str, folded: bytes, match: re.Match[bytes], words: _WordList, term: _Term, lang: str
) -> str:
    """The part of the post, as written, that the term was found in ("f*ck", "s h 1 t").

    Folding does not keep positions, so this looks for the smallest run of whitespace-
    separated chunks that still holds the term: where it should be first, as one chunk,
    as many as the term has words (a phrase) or the match has letters (a spaced-out
    word), then nearby and other widths; at most EXCERPT_TRIES windows, then it shows
    the folded match.
    """
    chunks = text.split()
    before = len(folded[: match.start() + 1].split())  # folded chunks before the match
    guess, kept = len(chunks), 0
    for index, chunk in enumerate(chunks):  # chunks of emoji only fold to nothing
        if chunk.isascii() or _FOLDS_TO_SOMETHING.search(chunk):
            if kept == before:
                guess = index
                break
            kept += 1
    likely = dict.fromkeys((1, term.key.count(" ") + 1, len(match.group()) - 1))
    windows = [(d, w) for d in (0, -1, 1, -2, 2) for w in likely]
    windows += [(d, w) for d in (0, -1, 1) for w in range(2, 9) if w not in likely]
    for distance, width in windows[:EXCERPT_TRIES]:
        first = guess + distance
        if first >= 0 and first + width <= len(chunks):
            part = " ".join(chunks[first : first + width])
            if words.finds(_fold(part), lang, term):
                return _plain(part)
    return _plain(match.group()[1:].decode("ascii"))
