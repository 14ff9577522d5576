"""What a post's text costs in X's characters, and the event's hashtag added once.

X counts a post in "weighted" characters (its twitter-text rules, version 3): at most
280; most Latin, Greek, Cyrillic and general punctuation count 1, other characters
(CJK, most symbols) 2; an emoji, however many code points it is made of (skin tone,
ZWJ family, flag), counts 2; every URL counts 23 whatever its length; the text is
NFC-normalised first.
"""

from __future__ import annotations

import re
import unicodedata

MAX_POST_LENGTH = 280
URL_LENGTH = 23

# twitter-text v3: code point ranges weighing 1 (the rest weigh 2)
_LIGHT_RANGES = ((0x0000, 0x10FF), (0x2000, 0x200D), (0x2010, 0x201F), (0x2032, 0x2037))
_TLDS = "com|org|net|fr|io|co|uk|de|es|it|be|ch|ca|eu|info|app|dev|tv|me|ly|gl|gg|live|news|shop"
_URL = re.compile(
    r"(?<![\w@#.])(?:https?://[^\s<>\"]+|www\.[^\s<>\"]+|"
    rf"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:{_TLDS})(?![\w-])(?:/[^\s<>\"]*)?)",
    re.IGNORECASE,
)
_TRAILING = ".,;:!?)'\"»"  # punctuation after a URL is not part of it


def _is_emoji(code: int) -> bool:
    return (
        0x1F000 <= code <= 0x1FAFF
        or 0x2600 <= code <= 0x27BF
        or 0x2B00 <= code <= 0x2BFF
        or 0x2190 <= code <= 0x21FF
        or 0x2300 <= code <= 0x23FF
        or code in (0x00A9, 0x00AE, 0x203C, 0x2049, 0x2122, 0x2139, 0x3030, 0x303D)
    )


def _joins_emoji(code: int) -> bool:
    """Parts of an emoji sequence after its first code point (weighing nothing more)."""
    return (
        code in (0xFE0F, 0xFE0E, 0x20E3)
        or 0x1F3FB <= code <= 0x1F3FF  # skin tones
        or 0xE0020 <= code <= 0xE007F  # tag sequences (subdivision flags)
    )


def _weight(code: int) -> int:
    return 1 if any(low <= code <= high for low, high in _LIGHT_RANGES) else 2


def urls_in(text: str) -> list[str]:
    """The URLs X would find in ``text`` (each counts 23 and makes a post with a link)."""
    return [match.group(0).rstrip(_TRAILING) for match in _URL.finditer(text)]


def post_length(text: str) -> int:
    """``text``'s length as X counts it (see the module's docstring)."""
    text = unicodedata.normalize("NFC", text)
    length = 0
    rest: list[str] = []
    position = 0
    for match in _URL.finditer(text):
        url = match.group(0).rstrip(_TRAILING)
        rest.append(text[position : match.start()])
        length += URL_LENGTH
        position = match.start() + len(url)
    rest.append(text[position:])
    for part in rest:
        length += _plain_length(part)
    return length


def _plain_length(text: str) -> int:
    length = 0
    in_emoji = False
    joined = False  # after a ZWJ inside an emoji: the next emoji joins the sequence
    regional = 0  # regional indicators: two make one flag
    for char in text:
        code = ord(char)
        if 0x1F1E6 <= code <= 0x1F1FF:
            regional += 1
            if regional % 2 == 1:
                length += 2
            in_emoji, joined = True, False
            continue
        regional = 0
        if in_emoji and code == 0x200D:
            joined = True
            continue
        if in_emoji and _joins_emoji(code):
            continue
        if _is_emoji(code):
            if not (in_emoji and joined):
                length += 2
            in_emoji, joined = True, False
            continue
        in_emoji = joined = False
        length += _weight(code)
    return length


def fits(text: str) -> bool:
    return post_length(text) <= MAX_POST_LENGTH


def with_hashtag(text: str, hashtag: str) -> str:
    """``text`` with the event's hashtag at its end, unless it already holds it (any case)."""
    tag = "#" + hashtag.strip().lstrip("#")
    if tag == "#":
        return text
    if re.search(rf"(?<![\w#]){re.escape(tag)}(?!\w)", text, re.IGNORECASE):
        return text
    text = text.rstrip()
    return f"{text} {tag}" if text else tag
