"""Whether a post asks the guest something, read as an attentive moderator reads it.

The careful pass, for the posts addressed to the guest that the cheap pass
(``detect.looks_like_question``) let through. A post is a question for the guest when
one of its sentences asks the guest something the guest could answer live, whatever its
form: a question mark or none, inversion, "est-ce que", a question word after a vocative
or at the end, an indirect question ("je me demandais si", "curious whether"), an
elliptic one ("Ton plat préféré en tournée ?"), a request phrased as a question. A
sentence that looks like a question is set aside when it is an exclamation ("Quel
talent !", "What a show"), "?!" used as emphasis, a rhetorical question or one the post
answers itself, chatter with the other fans ("qui regarde depuis Lyon ?"), a question
to the production ("le son ?"), a greeting formula ("on dit quoi ?"), a question about
the guest in the third person ("Elle a dit quoi ?!"), or someone else's question quoted.

Each reading carries its reason: a phrase the card shows. Plain Python on the text: a
few compiled patterns and word sets, no model, no Qt.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from blueroom.core.phrases import Phrase
from blueroom.core.wording import fold as _fold

__all__ = ["NOT_QUESTION_REASONS", "QUESTION_REASONS", "Guest", "Reading", "read_post"]

# Why a post was taken as a question...
ASKS = Phrase("asks_guest", "asks the guest a question")
ASKS_UNMARKED = Phrase("asks_unmarked", "asks the guest a question, without a question mark")
ASKS_INDIRECTLY = Phrase("asks_indirectly", "asks the guest indirectly")
ASKS_FOR = Phrase("asks_for", "asks the guest to tell or do something")
ELLIPTIC = Phrase("elliptic_question", "a short question to the guest")
PROMOTED = Phrase("promoted", "taken as a question by the operator")
# ...or not.
NO_QUESTION = Phrase("no_question", "asks nothing")
EXCLAMATION = Phrase("exclamation", "an exclamation, not a question")
EMPHASIS = Phrase("emphasis", "a reaction: the question marks are emphasis")
RHETORICAL = Phrase("rhetorical", "a rhetorical question")
ANSWERED = Phrase("answered_itself", "a question the post answers itself")
TO_FANS = Phrase("to_fans", "asks the other fans, not the guest")
TO_PRODUCTION = Phrase("to_production", "asks the production (the stream, the sound, a replay)")
GREETING = Phrase("greeting", "a greeting formula")
ABOUT_GUEST = Phrase("about_guest", "speaks of the guest, not to them")
QUOTED = Phrase("quoted", "quotes someone else's question")
PROMOTION = Phrase("promotion", "a link or an advertisement")
META = Phrase("asks_for_answer", "asks for an answer, not a question")
DEMOTED = Phrase("demoted", "not a question, said the operator")

QUESTION_REASONS = (ASKS, ASKS_UNMARKED, ASKS_INDIRECTLY, ASKS_FOR, ELLIPTIC, PROMOTED)
NOT_QUESTION_REASONS = (
    NO_QUESTION,
    EXCLAMATION,
    EMPHASIS,
    RHETORICAL,
    ANSWERED,
    TO_FANS,
    TO_PRODUCTION,
    GREETING,
    ABOUT_GUEST,
    QUOTED,
    PROMOTION,
    META,
    DEMOTED,
)


@dataclass(frozen=True, slots=True)
class Reading:
    question: bool
    reason: Phrase


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Titles and openers a fan puts before the guest's name or in its place.
_TITLES = _words(
    "chef cheffe madame monsieur mme mr mrs ms miss coach boss capitaine captain "
    "grand frere soeur tonton tata queen king reine roi legend legende doc docteur"
)
_OPENERS = _words(
    "salut coucou bonjour bonsoir hello hi hey yo dis oh et mais wesh allo alors "
    "ok okay bon ah eh so and but well also ps"
)
# The guest addressed in the second person (folded, after texting spellings).
_YOU = _words(
    "tu t te toi ton ta tes t'as vous votre vos you your yours yourself yourselves "
    "u ur ya youre youve youll youd"
)
_YOU_ONE = _YOU - _words("vous votre vos")  # the plural "vous" may speak to the fans
# The guest (or someone) in the third person.
_THIRD = _words("elle il she he her him his hers lui")
_THIRD_VERBS = _words(
    "a est va fait dit avait etait sera passe parle chante rit pleure semble "
    "s is was has had said says looks just did does will laughs sings talks"
)
_WH_FR = _words(
    "qui que quoi quel quelle quels quelles quand ou pourquoi comment combien lequel laquelle"
)
_WH_EN = _words("what why how when where who whom whose which")
_WH = _WH_FR | _WH_EN
_AUX_EN = _words(
    "do does did are is was were have has can could will would should shall may might "
    "am dont doesnt didnt arent isnt wasnt havent hasnt cant couldnt wont wouldnt shouldnt"
)
_AUX_SUBJECTS = _words("you u ya we i it there they y'all yall")
_SUBJECTS = _words("tu t je j il elle on nous vous ils elles c ca i you u we he she they it")
_INTERJECTIONS = _words(
    "serieux serieusement vraiment quoi hein non what really srsly seriously wait wtf "
    "omg quoiii pardon comment sorry excuse me huh"
)
# Compliments that make "why are you so ...?" a compliment, not a question.
_PRAISE = _words(
    "parfait parfaite parfaits parfaites belle beau beaux belles bon bonne fort forte "
    "talentueux talentueuse doue douee incroyable genial geniale drole mignon mignonne "
    "magnifique sublime gentil gentille canon bg perfect good beautiful cute talented "
    "pretty amazing funny gorgeous handsome sweet cool iconic goated fine"
)
_INTENSIFIERS = _words("si aussi tellement trop so this that such")
_PRODUCTION = _words(
    "son micro mic audio stream streaming live replay rediffusion rediff lien link "
    "image video sous titres subtitles subs sound volume decale desync sync lag lagging "
    "laggy freeze bug buffering coupe coupure ecran screen mods modos moderateurs "
    "moderators chat traduction translation captions"
)
_STREAM_ONLY = _PRODUCTION - _words("live video chat")  # words that name the stream alone
_GREETING_SEGMENTS = (
    "on dit quoi",
    "ca joue",
    "ca va",
    "ca dit quoi",
    "ca gaze",
    "ca roule",
    "c est comment",
    "quoi de neuf",
    "comment ca va",
    "comment vas tu",
    "comment allez vous",
    "how are you",
    "how r you",
    "how are u",
    "how r u",
    "whats up",
    "what s up",
    "what is up",
    "wassup",
    "sup",
    "wyd",
    "how you doing",
    "how s it going",
    "hows it going",
)


# Texting spellings, as one word each (after folding and splitting on apostrophes).
_TEXTING = {
    "koi": "quoi",
    "kwa": "quoi",
    "ki": "qui",
    "ke": "que",
    "kel": "quel",
    "kelle": "quelle",
    "pk": "pourquoi",
    "pq": "pourquoi",
    "pkoi": "pourquoi",
    "pourkoi": "pourquoi",
    "qd": "quand",
    "kan": "quand",
    "cmt": "comment",
    "cb": "combien",
    "wat": "what",
    "wut": "what",
    "whats": "what",
    "wats": "what",
    "hows": "how",
    "whens": "when",
    "wheres": "where",
    "whos": "who",
    "whys": "why",
    "r": "are",
    "ta": "ta",
    "stp": "",
    "svp": "",
    "pls": "",
    "plz": "",
    "please": "",
}

_URL = re.compile(
    r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:ly|gg|com|fr|io|co|me|be|tv|net|org|link)/\S*",
    re.IGNORECASE,
)
_QUOTE = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"|„[^“”]*[“”]")
_MENTION = re.compile(r"@(\w+)")
_HASHTAG = re.compile(r"#\w+")
# A sentence ends at . ! ? … or an emoji (pictographs, symbols, flags).
_EMOJI = re.compile(
    "[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2190-\u21ff\u2300-\u23ff"
    "\ufe0f\u200d\U000e0000-\U000e007f]+"
)
_SEGMENT = re.compile(r"[^.!?…¡¿]*(?:[.!?…]+|$)")
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
_HYPHEN_INVERSION = re.compile(
    r"\b(?!peut-etre|est-ce|c'est-a)[a-z]+-(?:t-)?(?:tu|vous|il|elle|on|ils|elles|je|nous)\b"
)
_IMPERSONAL_IL = re.compile(
    r"\b(?:il y (?:a|aura|avait|aurait)|il faut|il faudra|t-il|faut-il|s'il|il parait|il reste)\b"
)
_REPEATS = re.compile(r"([^\W\d_])\1{2,}")


def _phrases(*phrases: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(phrases) + r")\b")


_INDIRECT = _phrases(
    r"je me demande",
    r"je me demandais",
    r"j (?:aimerais|aimerai|adorerais|voudrais|veux|voulais) (?:bien |trop |tellement |beaucoup |juste |vraiment )?savoir",
    r"j aimerai (?:bien )?savoir",
    r"(?:me|nous) demande si",
    r"(?:me|nous) demandent si",
    r"je voudrais (?:bien )?savoir",
    r"je voulais (?:juste )?savoir",
    r"je veux savoir",
    r"dites?[- ]nous",
    r"dites?[- ]moi",
    r"raconte[sz]?[- ]nous",
    r"explique[sz]?[- ]nous",
    r"curious (?:whether|if|how|what|why|when|where|who|about|to know)",
    r"(?:id|i would) (?:love|like) to (?:know|hear)",
    r"i want to know",
    r"wanna know",
    r"(?:ive |i have )?(?:always )?wondered",
    r"i wonder",
    r"im wondering",
    r"wondering (?:if|whether|what|how|why|when)",
    r"interested to (?:hear|know)",
    r"love to hear",
    r"tell (?:us|me)",
    r"question serieuse",
    r"serious question",
    r"ma question",
    r"my question",
)
_ANNOUNCED = _phrases(
    r"ma question",
    r"my question",
    r"question pour",
    r"question for",
    r"petite question",
    r"une question",
    r"a question",
    r"question serieuse",
    r"serious question",
)
_ASKS_FOR = _phrases(
    r"redonne[sz]?",
    r"redis",
    r"repete[sz]?",
    r"rappelle[sz]?[- ]nous",
    r"repeat",
    r"explain",
)
_ELLIPTIC_ASK = _phrases(
    r"any (?:plans?|tips?|advice|chance|news|update|updates|idea|ideas|recommendations?)",
    r"des (?:conseils|astuces|nouvelles|projets)",
    r"un conseil",
    r"une astuce",
    r"thoughts on",
    r"your (?:take|thoughts|opinion|view) on",
    r"ton avis",
    r"votre avis",
)
_CHOICE = _phrases(r"ou pas", r"or not", r"or nah", r"oui ou non", r"yes or no", r"ou non")
_EXCLAIM_EN = re.compile(
    r"^(?:what an?\b|what (?:a )?(?:lovely|great|beautiful|nice|amazing) |how (?:good|great|cool|"
    r"cute|lovely|nice|beautiful|amazing|lucky|sweet|funny|crazy|insane|wild|incredible)\b"
    r"(?! (?:do|did|are|were|is|was|can|would|will) (?:you|u)\b))"
)
_EXCLAIM_FR = re.compile(
    r"^(?:qu est ce (?:qu (?:elle|il|ils|elles|on)|que (?:ca|c est|cette|ce))\b"
    r"|que (?:c est|ca a l air) (?:beau|bon|bien|drole|magnifique))"
)
_QUEL = re.compile(r"^(?:quel|quelle|quels|quelles)\b")
_RHETORICAL = _phrases(
    r"qui n (?:a|as|est|ai) (?:pas|jamais)",
    r"qui ne (?:\w+ )?pas",
    r"who (?:hasnt|doesnt|didnt|isnt|wasnt|wouldnt|has not|does not)",
    r"isnt it",
    r"wasnt it",
    r"arent they",
    r"n est ce pas",
    r"why would anyone",
    r"who wouldnt",
    r"pourquoi personne",
    r"why (?:is|does|did|has) (?:no ?one|nobody)",
    r"why (?:isnt|doesnt) any(?:one|body)",
    r"jusqu a quand",
    r"comment ne pas",
    r"how could (?:you|u) not",
    r"how dare",
    r"who cares",
    r"on en parle",
    r"can we talk about",
    r"are we gonna talk about",
)
_TO_FANS = _phrases(
    r"^(?:est ce qu )?(?:il y a |y a )?(?:quelquun|quelqu un|qqn|qq1|quelqu1)",
    r"(?:quelquun|quelqu un|qqn) (?:sait|a|peut|connait|regarde|comprend|d autre)",
    r"^(?:(?:does|did|can|could|is|has|will|would|do) )?(?:someone|somebody|anyone|anybody)",
    r"(?:someone|somebody|anyone|anybody|any one) (?:else|know|knows|here|watching)",
    r"who else",
    r"qui d autre",
    r"ya que moi",
    r"y a que moi",
    r"il y a que moi",
    r"je suis (?:le|la) seule?",
    r"c est moi ou",
    r"is it (?:just )?me",
    r"am i the only",
    r"vous aussi",
    r"you guys",
    r"les gars",
    r"les amis",
    r"the fam",
    r"qui regarde",
    r"qui est (?:devant|la|la aussi|connecte|dans)",
    r"qui (?:suit|ecoute|vient) ",
    r"qui a deja",
    r"qui est (?:chaud|chaude|chauds|partant|partante|dispo|motive|motivee)",
    r"who(?:s| is)? (?:down|in|up) for",
    r"qui est deja",
    r"whos (?:watching|here|listening|tuned|online)",
    r"who (?:watching|here|listening|tuned|online)",
    r"who is (?:watching|here|listening|tuned|online)",
    r"who (?:watches|watched|is tuning)",
    r"j ai rate",
    r"i missed",
    r"did i miss",
    r"do (?:you|u) (?:guys|all|yall)",
    r"yall",
    r"^qui \w+ .*\b(?:le live|en meme temps|ce soir|ici|en ce moment|depuis|avec nous)\b",
    r"^who(?: is|s)? \w+ing\b.*\b(?:rn|right now|tonight|from|here|with us|too)\b",
)
# The same, yielding to the guest's name: "Chef, vous pensez quoi des robots ?"
_TO_FANS_UNLESS_NAMED = _phrases(
    r"vous (?:pensez|croyez|trouvez|avez vu|en pensez|regardez|etes ou)",
)
_TO_PRODUCTION = _phrases(
    r"what time (?:does|do|is|will|did)",
    r"a quelle heure (?:commence|finit|fini|se termine|ca commence|ca finit|le live|le direct)",
    r"le (?:live|direct) (?:commence|finit|se termine|est fini|est coupe|reprend)",
    r"on peut poser",
    r"how long (?:is|will|does) (?:this|the) (?:live|stream|show|session)",
    r"combien de temps (?:dure|va durer) (?:le|ce) (?:live|direct)",
    r"(?:ce|le) (?:live|direct) (?:dure|va durer)",
    r"can we ask",
    r"how do (?:i|we) (?:ask|watch|join|send)",
    r"where (?:can|do) (?:i|we) (?:watch|ask|find|see)",
    r"ou (?:on|je) peu(?:t|x) (?:voir|regarder|poser|revoir)",
    # the end of the live, remarked on: "Already over??", "déjà fini ?", "c'est fini ?"
    r"^\W*(?:already|it'?s|is it) (?:over|done|finished)\b",
    r"^\W*(?:c'?est |deja |c'?est deja |ca y est c'?est )(?:fini|termine)e?\b",
)
_META = _phrases(
    r"(?:repondre|reponds|repondras|repond|repondu|answer|answered|answering|reply|read|lire|lis|liras) "
    r"(?:a |to )?(?:ma|mes|my|nos|our) (?:question|questions|message|messages|tweet|tweets|com|coms)",
    r"(?:tu|vous) (?:me|nous) (?:lis|lisez|vois|voyez)",
    r"(?:do|can|will) (?:you|u) (?:see|read|notice) (?:me|my|this|us)",
    r"notice me",
)
_ANSWER_OPENINGS = re.compile(
    r"^(?:parce que|parce qu|pcq|psk|because|bc|cause|cuz|la reponse est|the answer is|"
    r"je crois que oui|je pense que oui|je crois bien|bien sur|evidemment|"
    r"obviously|of course|spoiler|oui|non|yes|no|nope|yep|voila|personne|nobody|no one|"
    r"aucun|aucune|rien|nothing|tout le monde|everyone|everybody|jamais|never)\b"
)
_PROMOTION = _phrases(
    r"link in bio",
    r"lien en bio",
    r"dm me",
    r"dm moi",
    r"clique",
    r"click",
    r"abonnez[- ]vous",
    r"rejoignez",
    r"join (?:our|my|the)",
    r"follow (?:me|us|my)",
    r"suivez[- ]moi",
    r"precommande",
    r"pre-?order",
    r"code promo",
    r"promo code",
    r"gagne[rz]?",
    r"win",
    r"earn",
    r"free",
    r"gratuit",
)


@dataclass(frozen=True, slots=True)
class Guest:
    """Who the questions are for: the names and titles a fan calls them by, their
    handles and the room's (folded, without '@')."""

    names: frozenset[str] = frozenset()
    handles: frozenset[str] = frozenset()
    room_handles: frozenset[str] = frozenset()
    _calls: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_calls", frozenset(self.names) | _TITLES)

    @classmethod
    def named(
        cls, name: str, handles: Iterable[str] = (), room_handles: Iterable[str] = ()
    ) -> Guest:
        """From a display name ("Léa Marchand"): each word is a name fans use."""
        names = frozenset(w for w in _TOKEN.findall(_fold(name)) if len(w) > 1)
        return cls(
            names,
            frozenset(h.lstrip("@").casefold() for h in handles),
            frozenset(h.lstrip("@").casefold() for h in room_handles),
        )

    @property
    def calls(self) -> frozenset[str]:
        return self._calls


class _Segment:
    __slots__ = ("emphatic", "marked", "text", "third_name", "vocative", "words")

    def __init__(self, text: str, end: str) -> None:
        self.text = text
        self.words: list[str] = []
        self.marked = "?" in end
        self.emphatic = "?" in end and "!" in end
        self.vocative = False
        self.third_name = False


def _tokens(text: str) -> list[str]:
    words = []
    if _REPEATS.search(text) is not None:
        text = _REPEATS.sub(r"\1", text)  # "Léaaaa", "quoiii", "trooop"
    for token in _TOKEN.findall(text):
        if "'" in token:
            head, tail = token.split("'", 1)
            if head in ("c", "t", "j", "l", "d", "m", "n", "s", "qu", "jusqu", "lorsqu", "puisqu"):
                words.append(head)
                words.append(tail)
                continue
            token = head + tail  # what's → whats, i'd → id
        mapped = _TEXTING.get(token, token)
        if mapped:
            words.append(mapped)
    return words


def _prepare(text: str, guest: Guest) -> tuple[list[_Segment], bool, bool, bool, bool]:
    """The post's sentences; whether it mentions the guest, the room, quotes a question,
    carries a link."""
    quoted = False

    def unquote(match: re.Match[str]) -> str:
        nonlocal quoted
        inside = match.group(0)[1:-1]
        if "?" in inside:
            quoted = True
            return " . "
        return " " + inside + " "  # a title: « Boréale », "Néons"

    if "«" in text or '"' in text or "“" in text or "„" in text:
        text = _QUOTE.sub(unquote, text)
    link = False

    def unlink(match: re.Match[str]) -> str:
        nonlocal link
        link = True
        return " "

    if "/" in text or "www" in text:
        text = _URL.sub(unlink, text)
    to_guest = to_room = False

    def mention(match: re.Match[str]) -> str:
        nonlocal to_guest, to_room
        handle = match.group(1).casefold()
        if handle in guest.handles:
            to_guest = True
        elif handle in guest.room_handles:
            to_room = True
        return " "

    if "@" in text:
        text = _MENTION.sub(mention, text)
    if "#" in text:
        text = _HASHTAG.sub(" ", text)
    text = _EMOJI.sub(" \n ", text)
    segments: list[_Segment] = []
    for chunk in _fold(text).replace("？", "?").replace("؟", "?").split("\n"):
        for match in _SEGMENT.finditer(chunk):
            sentence = match.group(0)
            if not sentence.strip():
                continue
            body = sentence.rstrip(".!?… ")
            end = sentence[len(body) :]
            segment = _Segment(body.strip(" ,:;-"), end)
            if "¿" in sentence:
                segment.marked = True
            segment.words = _tokens(segment.text)
            if segment.words:
                segments.append(segment)
            elif segment.marked and segments:  # "… « Boréale » ?": the mark ends the last
                segments[-1].marked = True
                segments[-1].emphatic = segment.emphatic
    _find_vocatives(segments, guest)
    return segments, to_guest, to_room, quoted, link


_BEFORE_COMMA = re.compile(r"(\w+)\s*[,:]")


def _find_vocatives(segments: list[_Segment], guest: Guest) -> None:
    """Marks the sentences spoken to the guest by name or title (that one and the next),
    and those that speak of the guest by name in the third person."""
    calls = guest.calls
    addressed = False
    for segment in segments:
        words = segment.words
        comma_after = set(_BEFORE_COMMA.findall(segment.text))
        start = 0
        while start < len(words) and words[start] in _OPENERS:
            start += 1
        found = False
        for i, word in enumerate(words):
            if word not in calls:
                continue
            after = words[i + 1] if i + 1 < len(words) else ""
            following = words[i + 2] if i + 2 < len(words) else ""
            lead = i <= start + 1
            if word in comma_after:
                found = True
                continue
            if after in ("elle", "il", "she", "he"):  # "Léa elle est trop belle"
                segment.third_name = True
                continue
            third = after in _THIRD_VERBS and not (after == "est" and following == "ce")
            if third and (not lead or after != "s"):
                segment.third_name = True
                continue
            if lead or i == len(words) - 1 or segment.text.find(",") >= 0:
                found = True
        if found:
            addressed = True
        segment.vocative = addressed or found


def _question_form(segment: _Segment, calls: frozenset[str]) -> Phrase | None:
    """How the sentence asks, when it does (None: it asks nothing)."""
    words = segment.words
    text = " ".join(words)
    if _INDIRECT.search(text):
        return ASKS_INDIRECTLY
    if segment.marked:
        return ASKS
    if not words:
        return None
    start = 0
    while start < len(words) and (words[start] in _OPENERS or words[start] in calls):
        start += 1
    head = words[start:]
    if not head:
        return None
    first = head[0]
    or_not_where = first == "ou" and len(head) > 1 and head[1] not in _SUBJECTS
    if first in _WH and not or_not_where and not _subordinate(head):
        return ASKS_UNMARKED
    if first == "c" and len(head) > 2 and head[1] == "est" and head[2] in _WH:
        return ASKS_UNMARKED
    if first == "c" and len(head) > 1 and head[1] in _WH:
        return ASKS_UNMARKED
    if first == "a" and len(head) > 1 and head[1] == "quand":
        return ASKS_UNMARKED
    if "est ce" in text or "est-ce" in segment.text:
        return ASKS_UNMARKED
    if first in _AUX_EN and len(head) > 1 and head[1] in _AUX_SUBJECTS:
        return ASKS_UNMARKED
    if first in ("u", "you") and len(head) > 1 and head[1] == "ever":
        return ASKS_UNMARKED
    if _HYPHEN_INVERSION.search(segment.text) and not _IMPERSONAL_IL.search(segment.text):
        return ASKS_UNMARKED
    if _CHOICE.search(text):
        return ASKS_UNMARKED
    if _ELLIPTIC_ASK.search(text):
        return ELLIPTIC
    if _ASKS_FOR.search(text):
        return ASKS_FOR
    if any(w in _YOU_ONE for w in head):
        # A question word after the verb: "tu reviens quand", "tu cuisines quoi le dimanche"
        for i, word in enumerate(head[1:], 1):
            if word in _WH_FR and word not in ("que", "qui"):
                nxt = head[i + 1] if i + 1 < len(head) else ""
                if nxt not in _SUBJECTS:
                    return ASKS_UNMARKED
        # A choice put to the guest: "tu préfères le studio ou la scène"
        if "ou" in head[1:] or "or" in head[1:]:
            return ASKS_UNMARKED
    elif head[-1] in _WH_FR and head[-1] not in ("que", "qui") and len(head) > 1:
        return ASKS_UNMARKED  # "Boréale 2 c'est pour quand"
    return None


def _subordinate(head: list[str]) -> bool:
    """'Quand tu reviens au pays on fait la fête': a clause, then another subject."""
    if head[0] not in ("quand", "when", "si", "if", "comme"):
        return False
    subjects = [w for w in head[1:] if w in _SUBJECTS]
    return len(subjects) >= 2 and subjects[0] != subjects[-1]


def _set_aside(segment: _Segment, post: _Post, index: int) -> Phrase | None:
    """Why a sentence that asks is not a question for the guest (None: it is one)."""
    words = segment.words
    text = " ".join(words)
    start = 0
    while start < len(words) and (words[start] in _OPENERS or words[start] in post.guest.calls):
        start += 1
    end = len(words)
    while end > start and words[end - 1] in post.guest.calls:
        end -= 1
    head = words[start:end]
    body = " ".join(head)
    to_one = any(w in _YOU_ONE for w in words)
    addressed = segment.vocative or post.to_guest or post.announced
    if not head:
        return GREETING if segment.marked else None
    if body in _GREETING_SEGMENTS or (len(head) <= 3 and body in _GREETING_SEGMENTS):
        return GREETING
    if len(head) <= 2 and all(w in _INTERJECTIONS or w == post.first_name for w in head):
        return EMPHASIS
    if _META.search(text):
        return META
    if _EXCLAIM_EN.match(body) or (_EXCLAIM_FR.match(body) and not to_one and not segment.marked):
        return EXCLAMATION
    if _QUEL.match(body) and not segment.marked and not _has_verb(head[1:]):
        return EXCLAMATION
    if _RHETORICAL.search(text):
        return RHETORICAL
    if _compliment(head, anyone=not to_one and not addressed and len(head) >= 5):
        return RHETORICAL
    before = " ".join(post.segments[index - 1].words) if index else ""
    if _TO_FANS.search(text) and not (to_one and segment.vocative):
        return TO_FANS
    if _TO_FANS_UNLESS_NAMED.search(text) and not segment.vocative:
        return TO_FANS
    if not segment.vocative and re.search(r"\b(?:j ai rate|i missed)\b", before):
        return TO_FANS
    if not to_one and (_TO_PRODUCTION.search(text) or _about_stream(head)):
        return TO_PRODUCTION
    if post.to_room and not segment.vocative and not post.to_guest:
        return TO_PRODUCTION
    if not to_one and not segment.vocative and _third_person(segment):
        return ABOUT_GUEST
    if segment.third_name and not to_one:
        return ABOUT_GUEST
    if segment.emphatic and not to_one and not addressed and not any(w in _WH for w in head):
        return EMPHASIS
    if index + 1 < len(post.segments):
        following = " ".join(post.segments[index + 1].words)
        if _ANSWER_OPENINGS.match(following) and not post.segments[index + 1].marked:
            return ANSWERED
    if post.link and (post.advertises or not (to_one or addressed or segment.marked)):
        return PROMOTION
    return None


def _has_verb(words: list[str]) -> bool:
    """Whether the words after "quel" carry a verb or a person: "quel est", "quel
    conseil tu donnerais" (a question) against "quel talent cette femme" (not)."""
    verbs = _words(
        "est sont etait etaient serait seraient sera seront a ont avait fut es etes "
        "faut peut peux pourrait donnerais conseilles conseillerais preferes aimes "
        "penses choisirais garderais"
    )
    return any(w in verbs or w in _YOU_ONE or w in _SUBJECTS - {"c", "ca"} for w in words)


def _compliment(head: list[str], anyone: bool = False) -> bool:
    """'Pourquoi tu es si parfaite', 'Why is she so perfect', 'Comment on peut être
    aussi belle': an intensified compliment asks nothing. ``anyone``: spoken to no one,
    any intensified word is amazement ("Why does everything he cooks look so easy")."""
    if not head or head[0] not in ("pourquoi", "why", "comment", "how"):
        return False
    for i, word in enumerate(head[:-1]):
        if word in _INTENSIFIERS and (anyone or head[i + 1] in _PRAISE):
            return True
    return False


def _about_stream(head: list[str]) -> bool:
    """'le son ?', 'is the stream lagging', 'Le son est décalé avec l'image non ?'"""
    return any(w in _STREAM_ONLY for w in head) or (
        len(head) <= 4 and any(w in _PRODUCTION for w in head)
    )


_THIRD_SUBJECTS = _words("il elle he she")
_THIRD_OBJECTS = _THIRD - _THIRD_SUBJECTS
# What may stand before a subject "il"/"elle" that is the guest; after a noun it is that
# noun's ("Pistache il va bien ?"), and "Il sort quand le nouvel album" points ahead.
_BEFORE_GUEST_SUBJECT = _WH | _OPENERS | _AUX_EN | _words("qu que si because cause est-ce")
_DETERMINERS = _words("le la les l un une ton ta tes ce cette ces son sa ses the this that your")


def _third_person(segment: _Segment) -> bool:
    """Whether the sentence speaks of the guest in the third person."""
    words = segment.words
    if any(w in _THIRD_OBJECTS for w in words):
        return True
    if _IMPERSONAL_IL.search(segment.text) and not any(w in _THIRD - {"il"} for w in words):
        return False
    for i, word in enumerate(words):
        if word not in _THIRD_SUBJECTS:
            continue
        if i and words[i - 1] not in _BEFORE_GUEST_SUBJECT:
            continue
        after = words[i + 1 :]
        asked = next((j for j, w in enumerate(after) if w in _WH), None)
        rest = after[asked + 1 : -1] if asked is not None else []
        if any(w in _DETERMINERS for w in rest):
            continue  # "il sort quand, le nouvel album ?"
        return True
    return False


@dataclass(slots=True)
class _Post:
    segments: list[_Segment]
    guest: Guest
    to_guest: bool
    to_room: bool
    link: bool
    first_name: str
    announced: bool = False  # "Ma question :", "Question for Léa:"
    advertises: bool = False  # "clique", "DM me", "link in bio"


def read_post(text: str, guest: Guest) -> Reading:
    """Whether ``text`` asks ``guest`` something, and why (or why not)."""
    segments, to_guest, to_room, quoted, link = _prepare(text[:1_000], guest)
    first_name = min(guest.names, key=len) if guest.names else ""
    post = _Post(segments, guest, to_guest, to_room, link, first_name)
    everything = " ".join(" ".join(s.words) for s in segments)
    post.announced = _ANNOUNCED.search(everything) is not None
    post.advertises = _PROMOTION.search(everything) is not None
    first_refusal: Phrase | None = None
    for index, segment in enumerate(segments):
        form = _question_form(segment, guest.calls)
        if form is None:
            continue
        refusal = _set_aside(segment, post, index)
        if refusal is None:
            said = [w for w in segment.words if w not in guest.calls]
            if form is ASKS and len(said) <= 5 and not any(w in _WH or w in _YOU for w in said):
                form = ELLIPTIC
            return Reading(True, form)
        if first_refusal is None:
            first_refusal = refusal
    if first_refusal is not None:
        return Reading(False, first_refusal)
    if quoted:
        return Reading(False, QUOTED)
    if link:
        return Reading(False, PROMOTION)
    return Reading(False, NO_QUESTION)
