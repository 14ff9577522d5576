"""Near-duplicate questions, clustered: the queue shows one card "asked by 37 people".

Fans ask the same thing in other case, accents, punctuation, emoji, hashtags, mentions,
greetings and typos. Each question is reduced to its content words (stop-words out,
interrogatives under one name for French and English: "quel", "which" → "what"). It
joins a cluster when:

* its key (sorted content words | interrogatives) was seen before: a dict look-up, which
  settles most duplicates;
* or, fuzzily, the word guard passes against the cluster's representative: every content
  word pairs up with one of the other's (the same, or a typo of it), bar one extra word
  when both have three or more, never a negation; interrogatives do not contradict
  ("where" against "why"); *and* ``fuzz.ratio`` of the content, a's words put in b's
  order, is at least ``threshold``.

The guard keeps "Quel est ton film préféré ?" apart from "Quel est ton livre préféré ?",
which a ratio alone would merge; the ratio bounds how much typos and an extra word may
add up to. A question with fewer than two content tokens only matches exactly.

Candidates come from an inverted index, content word → clusters, rarest words first, at
most ``max_candidates`` of the most recent; a word never seen also looks up its first and
last three letters (a typo rarely touches both). A C pass (``process.extract``) drops
most candidates before the guard runs in Python.

Deterministic: the same sequence of ``add`` and ``remove`` gives the same clusters, in any
process (nothing iterates a set of strings), so a replayed journal rebuilds them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from itertools import chain
from typing import NamedTuple, cast

import msgspec
import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

# The guard decides most cases; 80 on the aligned content lets two typos or one short extra
# word through ("what is your biggest dream now" / "what's yur biggest dream now") and
# stops one long extra word in a short question ("pour qui tu l'as écrite" is not "what
# is it about"). Every pair in the tests' tables holds from 75 to 85.
DEFAULT_THRESHOLD = 80.0
# The C pass scores the words in alphabetical order, where a typo can move a word
# ("chason" sorts after "chante", "chanson" before): it lets a little more through.
_PREFILTER_MARGIN = 10.0
MAX_CANDIDATES = 50
_AFFIXED = 5  # words this long are also indexed by their first and last letters
_AFFIX = 3
_AFFIX_CANDIDATES = 10  # per end of an unseen word: the most recent clusters
MAX_CHARS = 1_000  # X posts are 280 characters; the rest of a long text never counts

_URL_OR_TAG = re.compile(r"(?:https?://|www\.)\S*|[#@]\w*")
_NON_WORD = re.compile(r"[\W_]+")
_CONTRACTION = re.compile(r"\b(?:won't|can't)\b|(?:n't|'re|'ve|'ll|'m|'d|'s)\b")
_EXPANSIONS = {
    "won't": "will not",
    "can't": "can not",
    "n't": " not",
    "'re": " are",
    "'ve": " have",
    "'ll": " will",
    "'m": " am",
    "'d": " would",
    "'s": " is",
}
# Combining marks: accents after NFKD, zalgo, Hebrew points, Arabic harakat.
_MARKS = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
    "\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
)
_FOLDABLE = re.compile("[’‘ʼ′œæøł]")
_FOLD = str.maketrans(
    {"’": "'", "‘": "'", "ʼ": "'", "′": "'", "œ": "oe", "æ": "ae", "ø": "o", "ł": "l"}
)


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Greetings and politeness: noise even in a question too short to compare fuzzily.
_FILLERS = _word_set(
    "please pls plz hi hello hey question answer lol omg "
    "stp svp bonjour bonsoir coucou salut reponds mdr ptdr xd"
)
# Words that do not tell one question from another: articles, pronouns, auxiliaries,
# prepositions, conjunctions; modals too ("can you" and "will you" ask the same).
_STOP_WORDS = _FILLERS | _word_set(
    "a an the this that these those there here it its i me my mine myself you your yours "
    "yourself he him his she her we us our they them their one "
    "is are am was were be been being do does did done have has had can could will would "
    "shall should may might must "
    "to of in on at for from with about by as into onto than then so and or but if "
    "any some ever really just actually also too very still yet "
    "le la les l un une des de du d au aux et ou en dans sur pour par avec sans chez "
    "ce cet cette ces c ca cela je j tu t te toi il elle on nous vous ils elles me m moi se s "
    "lui leur leurs mon ma mes ton ta tes son sa ses notre nos votre vos que qu qui y "
    "est es suis sont sommes etes etre ai as avez avons ont ne n si mais donc car "
    "peux peut pouvez pourrais pourriez vas va vais allez"
)
_ALIASES = {
    "u": "you",
    "ur": "your",
    "yr": "your",
    "r": "are",
    "ya": "you",
    "wat": "what",
    "whats": "what",
    "wheres": "where",
    "whens": "when",
    "whos": "who",
    "hows": "how",
    "koi": "quoi",
    "qd": "quand",
    "pk": "pourquoi",
    "pq": "pourquoi",
}
# Interrogatives are kept, under one name for both languages: they tell "where do you
# live" from "why do you live", but one question may leave them out ("ton film préféré ?").
_INTERROGATIVES = {
    "what": "what",
    "which": "what",
    "quel": "what",
    "quelle": "what",
    "quels": "what",
    "quelles": "what",
    "quoi": "what",
    "lequel": "what",
    "laquelle": "what",
    "who": "who",
    "whom": "who",
    "whose": "who",
    "where": "where",
    "when": "when",
    "quand": "when",
    "why": "why",
    "pourquoi": "why",
    "how": "how",
    "comment": "how",
    "combien": "how_many",
}
_INTERROGATIVE_NAMES = frozenset(_INTERROGATIVES.values())
# Never the one extra word: "your least favourite song" is not "your favourite song".
_POLARITY = _word_set(
    "not no never none nothing least worst without pas jamais moins pire aucun aucune rien"
)


def _slips(word: str) -> set[str]:
    """Common typos of a word: a letter dropped, doubled, or swapped with the next."""
    slips = set()
    for i in range(len(word)):
        slips.add(word[:i] + word[i + 1 :])
        slips.add(word[:i] + word[i] + word[i:])
        if i + 1 < len(word):
            slips.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
    slips.discard(word)
    return slips


def _token_map(ignored: Iterable[str] = ()) -> dict[str, str]:
    """token → what it counts as: "" for a stop-word, an interrogative's name, an alias."""
    mapping = {word: "" for word in _STOP_WORDS}
    for word, name in _INTERROGATIVES.items():
        if len(word) >= 6:  # long French interrogatives are often mistyped ("pourqoui")
            mapping.update(dict.fromkeys(sorted(_slips(word)), name))
    mapping.update(_INTERROGATIVES)
    for alias, word in _ALIASES.items():
        mapping[alias] = mapping.get(word, word)
    mapping.update(dict.fromkeys(ignored, ""))
    return mapping


_TOKEN_MAP = _token_map()


def normalise_question(text: str) -> str:
    """Casefolded, accents stripped, URLs, @mentions, #hashtags, emoji and punctuation
    dropped, English contractions expanded, one space between words."""
    if text.isascii():
        if text.isalnum():  # a plain word: most of the text
            return text.lower()
        text = text.lower()
    else:
        text = _MARKS.sub("", unicodedata.normalize("NFKD", text).casefold())
        if _FOLDABLE.search(text) is not None:
            text = text.translate(_FOLD)
    if "'" in text:
        text = _CONTRACTION.sub(_expand, text)
    if "#" in text or "@" in text or "http" in text or "www." in text:
        text = _URL_OR_TAG.sub(" ", text)
    return " ".join(_NON_WORD.sub(" ", text).split())


def _expand(match: re.Match[str]) -> str:
    return _EXPANSIONS[match.group()]


def _tokens(normalised: str, token_map: dict[str, str]) -> list[str]:
    tokens: list[str] = []
    mapped_of = token_map.get
    for token in normalised.split():
        mapped = mapped_of(token)
        if mapped is None:
            if len(token) > 3 and token[-1] == "s" and token[-2] != "s":
                token = token[:-1]  # plurals, roughly: "films" and "film" are one word
            tokens.append(token)
        elif mapped:
            tokens.append(mapped)
    return tokens


def content_tokens(text: str) -> tuple[str, ...]:
    """The words that carry the question, in order: normalised, minus French and English
    stop-words, a final plural "s" dropped; interrogatives under one name ("quel" → "what")."""
    return tuple(_tokens(normalise_question(text), _TOKEN_MAP))


class _Exemplar(NamedTuple):
    """What a cluster is compared with: its representative's content words."""

    content: str  # sorted words joined by spaces, what fuzz.ratio scores
    words: tuple[str, ...]  # sorted, unique
    interrogatives: tuple[str, ...]  # sorted, unique


class _Analyser:
    """Text → exact-match key. Normalises word by word (whitespace-separated chunks),
    with a cache: a stream repeats the same words, emoji and hashtags all the time."""

    def __init__(self, ignored_words: Iterable[str], cache_size: int = 100_000) -> None:
        ignored = normalise_question(" ".join(ignored_words)).split()
        self._token_map = _token_map(ignored)
        self._noise = _FILLERS | frozenset(ignored)
        self._chunks: dict[str, tuple[str, ...]] = {}  # chunk → its content tokens
        self._cache_size = cache_size

    def analyse(self, text: str) -> tuple[str, _Exemplar | None]:
        """The exact-match key, and what to compare fuzzily (None: only exact matches).

        The key is the sorted content words, "|", the sorted interrogatives. For a question
        too short to compare fuzzily (fewer than two distinct content tokens): "=" and all
        its words bar greetings and ignored words, as "What is it?" must not meet "What do
        you do?"; or, when no word is left (emoji only), NUL and the raw text."""
        text = text[:MAX_CHARS]
        chunks = text.split()
        parts = list(map(self._chunks.get, chunks))
        if None in parts:
            parts = [
                p if p is not None else self._learn(c) for p, c in zip(parts, chunks, strict=True)
            ]
        tokens = set(chain.from_iterable(cast("list[tuple[str, ...]]", parts)))
        if len(tokens) >= 2:
            names = _INTERROGATIVE_NAMES
            if names.isdisjoint(tokens):
                words = tuple(sorted(tokens))
                asked: tuple[str, ...] = ()
            else:
                words = tuple(sorted(tokens - names))
                asked = tuple(sorted(tokens & names))
            content = " ".join(words)
            key = content + "|" + ",".join(asked)
            return key, _Exemplar(content, words, asked) if words else None
        noise = self._noise
        kept = [_ALIASES.get(t, t) for t in normalise_question(text).split() if t not in noise]
        if kept:
            return "=" + " ".join(kept), None
        return "\0" + text.strip(), None

    def _learn(self, chunk: str) -> tuple[str, ...]:
        if len(self._chunks) >= self._cache_size:
            self._chunks.clear()  # simpler than an LRU, and the result never depends on it
        tokens = self._chunks[chunk] = tuple(_tokens(normalise_question(chunk), self._token_map))
        return tokens


def _exemplar_of(key: str) -> _Exemplar | None:
    """None for a question that only matches exactly."""
    if key[0] in "=\0":
        return None
    content, asked = key.split("|")
    if not content:
        return None
    return _Exemplar(content, tuple(content.split()), tuple(asked.split(",")) if asked else ())


def _index_terms(words: Iterable[str]) -> list[str]:
    """Each word, and for a long word (not a number) its first and last three letters:
    one typo rarely touches both, so a misspelt word still finds its clusters."""
    terms: list[str] = []
    for word in words:
        terms.append(word)
        if len(word) >= _AFFIXED and word.isalpha():
            terms.append("<" + word[:_AFFIX])
            terms.append(">" + word[-_AFFIX:])
    return terms


def _is_typo(a: str, b: str) -> bool:
    """One edit in a word of five to seven letters, two from eight; never in numbers."""
    if a[0] != b[0]:  # typos rarely hit the first letter; this rules out most pairs at once
        return False
    longest = max(len(a), len(b))
    if longest <= 4 or not (a.isalpha() and b.isalpha()):
        return False
    allowed = 1 if longest <= 7 else 2
    if abs(len(a) - len(b)) > allowed:
        return False
    return OSA.distance(a, b, score_cutoff=allowed) <= allowed


def _score(a: _Exemplar, b: _Exemplar, max_extra_words: int, cutoff: float) -> float:
    """How alike two questions are, 0 unless the word guard passes: every content word pairs
    up (equal or a typo), bar ``max_extra_words`` extra words when both have at least three
    (never a negation: "least favourite" is not "favourite"), and interrogatives do not
    contradict. The score is ``fuzz.ratio`` once a's words are put in b's order, so a typo
    that moves a word in alphabetical order costs no more than the typo itself."""
    asked_a, asked_b = a.interrogatives, b.interrogatives
    if asked_a and asked_b and asked_a != asked_b and not any(w in asked_b for w in asked_a):
        return 0.0
    if a.words == b.words:
        return 100.0
    in_a, in_b = a.words, b.words  # a handful of words: a tuple looks up as fast as a set
    only_a = [w for w in a.words if w not in in_b]
    only_b = [w for w in b.words if w not in in_a]
    allowed = max_extra_words if min(len(a.words), len(b.words)) >= 3 else 0
    if abs(len(only_a) - len(only_b)) > allowed:
        return 0.0
    typo_of: dict[str, str] = {}  # b's word → a's misspelling of it
    extra: list[str] = []
    for word in only_a:
        for index, other in enumerate(only_b):
            if _is_typo(word, other):
                typo_of[other] = word
                del only_b[index]
                break
        else:
            if len(extra) == allowed or word in _POLARITY:
                return 0.0
            extra.append(word)
    if len(extra) + len(only_b) > allowed or any(w in _POLARITY for w in only_b):
        return 0.0
    aligned = [w if w in in_a else typo_of[w] for w in b.words if w in in_a or w in typo_of]
    return fuzz.ratio(" ".join(aligned + extra), b.content, score_cutoff=cutoff)


class ClustersState(msgspec.Struct, frozen=True):
    """Everything the clusters decide with, for a snapshot (the word cache is left out:
    results never depend on it)."""

    keys: list[str]  # every key once; the rest refer to them by their index here
    question_ids: list[str]  # in the order filed
    question_slots: bytes  # little-endian int32, one per question
    question_keys: bytes  # little-endian int32 indexes into ``keys``
    slot_of_key: list[tuple[str, int]]
    slot_of_cluster: list[tuple[str, int]]
    members: list[list[str]]  # per slot, in order of arrival
    cluster_ids: list[str]
    postings: list[tuple[str, list[int]]]
    common: list[str]
    live: int


class QuestionClusters:
    """Questions grouped into clusters of near-duplicates.

    A cluster's id is the id of its representative: its earliest question still in it.
    When the representative is removed, the next member (in order of arrival) becomes
    the representative, so the cluster id changes; ``remove`` returns the new one. A
    cluster id is thus always the id of a question in that cluster, never a stale one.

    Not thread-safe: the owner (the question board) serialises calls.
    """

    def __init__(
        self,
        threshold: float = DEFAULT_THRESHOLD,
        *,
        ignored_words: Iterable[str] = (),
        max_extra_words: int = 1,
        max_candidates: int = MAX_CANDIDATES,
        common_share: float = 0.05,
        common_after: int = 1_000,
    ) -> None:
        """``ignored_words``: words that carry nothing here, e.g. the guest's name.

        Words indexed by more than ``common_share`` of the clusters, once there are
        ``common_after`` of them, lose their posting list for good: they are in too many
        clusters to pick candidates, and the lists would grow without bound.
        """
        self._analyser = _Analyser(ignored_words)
        self._threshold = threshold
        self._max_extra_words = max_extra_words
        self._max_candidates = max_candidates
        self._common_share = common_share
        self._common_after = common_after
        self._questions: dict[str, tuple[int, str]] = {}  # id → (slot, key)
        self._slot_of_key: dict[str, int] = {}
        self._slot_of_cluster: dict[str, int] = {}
        # One slot per cluster ever made, in order of creation; a dead one has no members.
        self._members: list[dict[str, None]] = []  # ordered set of question ids
        self._cluster_ids: list[str] = []
        self._exemplars: list[_Exemplar | None] = []
        self._contents: list[str | None] = []  # the exemplars' content, for rapidfuzz
        self._postings: dict[str, list[int]] = {}  # word → slots, in order of indexing
        self._common: set[str] = set()
        self._live = 0

    def __len__(self) -> int:
        """Clusters with at least one question."""
        return self._live

    def capture(self, locked: bool = True) -> Callable[[], ClustersState]:
        """Copies now (C-level, on the model worker); the state is made from them later."""
        questions = self._questions.copy()
        slot_of_key = self._slot_of_key.copy()
        slot_of_cluster = self._slot_of_cluster.copy()
        members = [list(m) for m in self._members]
        cluster_ids = self._cluster_ids.copy()
        postings = [(term, slots.copy()) for term, slots in self._postings.items()]
        common, live = sorted(self._common), self._live

        def build() -> ClustersState:
            index: dict[str, int] = {}
            key_indexes = [index.setdefault(key, len(index)) for _, key in questions.values()]
            return ClustersState(
                list(index),
                list(questions),
                np.fromiter((slot for slot, _ in questions.values()), dtype="<i4").tobytes(),
                np.array(key_indexes, dtype="<i4").tobytes(),
                list(slot_of_key.items()),
                list(slot_of_cluster.items()),
                members,
                cluster_ids,
                postings,
                common,
                live,
            )

        return build

    def restore(self, state: ClustersState) -> None:
        slots = np.frombuffer(state.question_slots, dtype="<i4").tolist()
        keys = [state.keys[i] for i in np.frombuffer(state.question_keys, dtype="<i4").tolist()]
        self._questions = dict(zip(state.question_ids, zip(slots, keys, strict=True), strict=True))
        self._slot_of_key = dict(state.slot_of_key)
        self._slot_of_cluster = dict(state.slot_of_cluster)
        self._members = [dict.fromkeys(m) for m in state.members]
        self._cluster_ids = list(state.cluster_ids)
        self._exemplars = [
            _exemplar_of(self._questions[cid][1]) if members else None
            for cid, members in zip(self._cluster_ids, self._members, strict=True)
        ]
        self._contents = [e.content if e is not None else None for e in self._exemplars]
        self._postings = {term: list(slots) for term, slots in state.postings}
        self._common = set(state.common)
        self._live = state.live

    def add(self, question_id: str, text: str) -> str:
        """Files the question and returns its cluster id. A known id stays where it is."""
        known = self._questions.get(question_id)
        if known is not None:
            return self._cluster_ids[known[0]]
        key, exemplar = self._analyser.analyse(text)
        slot = self._slot_of_key.get(key)
        if slot is None:
            if exemplar is not None:
                slot = self._best_match(exemplar)
            if slot is None:
                slot = self._new_cluster(question_id, exemplar)
            self._slot_of_key[key] = slot
        self._members[slot][question_id] = None
        self._questions[question_id] = (slot, key)
        return self._cluster_ids[slot]

    def cluster_of(self, question_id: str) -> str | None:
        known = self._questions.get(question_id)
        return self._cluster_ids[known[0]] if known is not None else None

    def members(self, cluster_id: str) -> tuple[str, ...]:
        """Question ids in order of arrival, the representative first; () if unknown."""
        slot = self._slot_of_cluster.get(cluster_id)
        return tuple(self._members[slot]) if slot is not None else ()

    def size(self, cluster_id: str) -> int:
        slot = self._slot_of_cluster.get(cluster_id)
        return len(self._members[slot]) if slot is not None else 0

    def remove(self, question_id: str) -> str | None:
        """Takes the question out of its cluster. Returns the cluster id its remaining
        members now have (the next one's id if it was the representative), or None when
        the cluster is now empty or the question unknown."""
        known = self._questions.pop(question_id, None)
        if known is None:
            return None
        slot, key = known
        members = self._members[slot]
        del members[question_id]
        if self._slot_of_key.get(key) == slot and all(
            self._questions[m][1] != key for m in members
        ):
            del self._slot_of_key[key]
        if not members:
            del self._slot_of_cluster[question_id]
            self._exemplars[slot] = None
            self._contents[slot] = None
            self._live -= 1
            return None
        if self._cluster_ids[slot] == question_id:
            successor = next(iter(members))
            del self._slot_of_cluster[question_id]
            self._slot_of_cluster[successor] = slot
            self._cluster_ids[slot] = successor
            previous = self._exemplars[slot]
            exemplar = _exemplar_of(self._questions[successor][1])
            self._exemplars[slot] = exemplar
            self._contents[slot] = exemplar.content if exemplar is not None else None
            if exemplar is not None:
                already = set(previous.words) if previous is not None else set()
                self._index(slot, [w for w in exemplar.words if w not in already])
        return self._cluster_ids[slot]

    def _new_cluster(self, question_id: str, exemplar: _Exemplar | None) -> int:
        slot = len(self._members)
        self._members.append({})
        self._cluster_ids.append(question_id)
        self._exemplars.append(exemplar)
        self._contents.append(exemplar.content if exemplar is not None else None)
        self._slot_of_cluster[question_id] = slot
        self._live += 1
        if exemplar is not None:
            self._index(slot, exemplar.words)
        return slot

    def _index(self, slot: int, words: Iterable[str]) -> None:
        common = self._common
        postings = self._postings
        ceiling = self._common_share * self._live if self._live >= self._common_after else None
        for term in _index_terms(words):
            posting = postings.get(term)
            if posting is None:
                if term not in common:
                    postings[term] = [slot]
            elif ceiling is not None and len(posting) >= ceiling:
                del postings[term]  # for good: too common to pick candidates
                common.add(term)
            else:
                posting.append(slot)

    def _best_match(self, exemplar: _Exemplar) -> int | None:
        postings = self._postings
        common = self._common
        limit = self._max_candidates
        lists: list[list[int]] = []
        near: list[int] = []
        for word in exemplar.words:
            posting = postings.get(word)
            if posting is not None:
                lists.append(posting)
            elif len(near) < limit and len(word) >= _AFFIXED and word not in common:
                # A word never seen may be a typo of a recent one: try its ends. (Numbers
                # have no ends indexed: "album 3" is no typo of "album 2".)
                for affix in ("<" + word[:_AFFIX], ">" + word[-_AFFIX:]):
                    posting = postings.get(affix)
                    if posting is not None:
                        near += posting[-_AFFIX_CANDIDATES:]
        lists.sort(key=len)  # rarest words first; stable, so ties keep word order
        candidates: dict[int, None] = {}
        for posting in lists:
            candidates.update(dict.fromkeys(posting[-limit:]))  # the most recent clusters
            if len(candidates) >= limit:
                break
        candidates.update(dict.fromkeys(near))
        if not candidates:
            return None
        slots = list(candidates)
        contents = self._contents
        choices = [contents[s] for s in slots]  # None for a cluster gone: extract skips it
        threshold = self._threshold
        roughly = process.extract(
            exemplar.content,
            choices,
            scorer=fuzz.ratio,
            score_cutoff=threshold - _PREFILTER_MARGIN,
            limit=None,
        )
        exemplars = self._exemplars
        best: tuple[float, int] | None = None  # (score, slot): the best, then the oldest
        for _, _, index in roughly:
            slot = slots[index]
            candidate = exemplars[slot]
            if candidate is None:
                continue
            score = _score(exemplar, candidate, self._max_extra_words, threshold)
            if score and (best is None or (-score, slot) < (-best[0], best[1])):
                best = (score, slot)
        return best[1] if best is not None else None
