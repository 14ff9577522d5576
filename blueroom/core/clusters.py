"""Re-asked questions, clustered: the queue shows one card "asked by 37 people".

Fans re-ask a question in other words, and ask different questions in nearly the same
words. Each question is read into a signature (``wording.py``: content lemmas under one
name for common synonyms, the question word, the time asked about, negation, a
superlative's direction, names, roles). It joins a cluster when:

* its signature's key was seen before: a dict look-up, which settles most re-asks (the
  same words in another case, accents, punctuation, emoji, hashtags, order);
* or ``wording.same_question`` says it asks what the cluster's representative asks: the
  same question word (or a compatible one), no opposed time, negation, superlative,
  name or role, and words that say the same (one says more, or they share most of them,
  never one word swapped for another).

Candidates come from an inverted index, content word → clusters, rarest words first, at
most ``max_candidates`` of the most recent; a word never seen also looks up its first and
last three letters (a typo rarely touches both). A question with no content word left
(emoji only, "Do you?") only matches exactly.

Deterministic: the same sequence of ``add`` and ``remove`` gives the same clusters, in any
process (nothing iterates a set of strings), so a replayed journal rebuilds them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable

import msgspec
import numpy as np
import simplemma

from blueroom.core import wording
from blueroom.core.stamps import carried, code_stamp, stamp
from blueroom.core.wording import (
    COMBINING_MARKS,
    CONTRACTIONS,
    DEFAULT_OVERLAP,
    Signature,
    Wording,
    same_question,
)

MAX_CANDIDATES = 50
_AFFIXED = 5  # words this long are also indexed by their first and last letters
_AFFIX = 3
_AFFIX_CANDIDATES = 10  # per end of an unseen word: the most recent clusters
MAX_CHARS = 1_000  # X posts are 280 characters; the rest of a long text never counts
# The code a signature key depends on besides the text and the ignored words (stamps.py).
_KEY_CODE = code_stamp((wording.__file__, __file__), simplemma.__version__)

_URL_OR_TAG = re.compile(r"(?:https?://|www\.)\S*|[#@]\w*")
_NON_WORD = re.compile(r"[\W_]+")
_CONTRACTION = re.compile(r"\b(?:won't|can't)\b|(?:n't|'re|'ve|'ll|'m|'d|'s)\b")
_EXPANSIONS = {"won't": "will not", "can't": "can not", **CONTRACTIONS}
_FOLDABLE = re.compile("[’‘ʼ′œæøł]")
_FOLD = str.maketrans(
    {"’": "'", "‘": "'", "ʼ": "'", "′": "'", "œ": "oe", "æ": "ae", "ø": "o", "ł": "l"}
)


def normalise_question(text: str) -> str:
    """Casefolded, accents stripped, URLs, @mentions, #hashtags, emoji and punctuation
    dropped, English contractions expanded, one space between words."""
    if text.isascii():
        if text.isalnum():  # a plain word: most of the text
            return text.lower()
        text = text.lower()
    else:
        text = COMBINING_MARKS.sub("", unicodedata.normalize("NFKD", text).casefold())
        if _FOLDABLE.search(text) is not None:
            text = text.translate(_FOLD)
    if "'" in text:
        text = _CONTRACTION.sub(_expand, text)
    if "#" in text or "@" in text or "http" in text or "www." in text:
        text = _URL_OR_TAG.sub(" ", text)
    return " ".join(_NON_WORD.sub(" ", text).split())


def _expand(match: re.Match[str]) -> str:
    return _EXPANSIONS[match.group()]


class KeysState(msgspec.Struct, frozen=True):
    """The analyser's cache (text and language → key), for a snapshot: a resume keeps it
    only under the same ``stamp``, else works the keys out afresh."""

    stamp: str
    texts: list[str]
    langs: list[str]
    keys: list[str]


class _Analyser:
    """Text → signature key (see ``wording.py``), with a cache: a stream repeats the same
    questions word for word all the time."""

    def __init__(self, ignored_words: Iterable[str], cache_size: int = 50_000) -> None:
        ignored = tuple(ignored_words)
        self._wording = Wording(ignored)
        self._keys: dict[tuple[str, str], str] = {}
        self._cache_size = cache_size
        self._stamp = stamp(_KEY_CODE, *sorted(ignored))

    def capture(self) -> Callable[[], KeysState | None]:
        """Copies the cache now; the state is made from the copy later."""
        keys = self._keys.copy()

        def build() -> KeysState | None:
            if not self._stamp:
                return None
            texts, langs = [text for text, _ in keys], [lang for _, lang in keys]
            return KeysState(self._stamp, texts, langs, list(keys.values()))

        return build

    def restore(self, state: KeysState | None) -> None:
        """The cache a snapshot carried, if made by this code with these words ignored."""
        if state is not None and carried(state.stamp, self._stamp):
            texts = zip(state.texts, state.langs, strict=True)
            self._keys = dict(zip(texts, state.keys, strict=True))

    def analyse(self, text: str, lang: str = "") -> tuple[str, Signature | None]:
        """The exact-match key, and the signature to compare (None: only exact matches,
        for a question with no content word left: emoji only, "Do you?")."""
        text = text[:MAX_CHARS]
        cached = self._keys.get((text, lang))
        if cached is None:
            signature = self._wording.signature(text, lang)
            if signature.words:
                cached = signature.key()
            else:
                kept = normalise_question(text)
                cached = "=" + (kept if kept else "\0" + text.strip())
            if len(self._keys) >= self._cache_size:
                self._keys.clear()  # results never depend on it
            self._keys[(text, lang)] = cached
        return cached, _exemplar_of(cached)


def _exemplar_of(key: str) -> Signature | None:
    """None for a question that only matches exactly."""
    if key[0] == "=":
        return None
    return Signature.of_key(key)


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


def _likeness(a: Signature, b: Signature) -> float:
    """How many words two matching questions share (to pick the closest card)."""
    in_a, in_b = set(a.words), set(b.words)
    return len(in_a & in_b) / len(in_a | in_b)


class ClustersState(msgspec.Struct, frozen=True):
    """Everything the clusters decide with, for a snapshot (and their cache of keys,
    stamped: results never depend on it)."""

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
    cached_keys: KeysState | None = None


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
        overlap: float = DEFAULT_OVERLAP,
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
        self._overlap = overlap
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
        self._exemplars: list[Signature | None] = []
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
        cached_keys = self._analyser.capture()

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
                cached_keys(),
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
        self._postings = {term: list(slots) for term, slots in state.postings}
        self._common = set(state.common)
        self._live = state.live
        self._analyser.restore(state.cached_keys)

    def add(self, question_id: str, text: str, lang: str = "") -> str:
        """Files the question and returns its cluster id. A known id stays where it is.
        ``lang``: the post's language as X says it ("" when it does not)."""
        known = self._questions.get(question_id)
        if known is not None:
            return self._cluster_ids[known[0]]
        key, exemplar = self._analyser.analyse(text, lang)
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
            if exemplar is not None:
                already = set(previous.words) if previous is not None else set()
                self._index(slot, [w for w in exemplar.words if w not in already])
        return self._cluster_ids[slot]

    def _new_cluster(self, question_id: str, exemplar: Signature | None) -> int:
        slot = len(self._members)
        self._members.append({})
        self._cluster_ids.append(question_id)
        self._exemplars.append(exemplar)
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

    def _best_match(self, exemplar: Signature) -> int | None:
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
        exemplars = self._exemplars
        overlap = self._overlap
        best: tuple[float, int] | None = None  # (likeness, slot): the closest, then the oldest
        for slot in candidates:
            candidate = exemplars[slot]
            if candidate is None or not same_question(exemplar, candidate, overlap=overlap):
                continue
            likeness = _likeness(exemplar, candidate)
            if best is None or (-likeness, slot) < (-best[0], best[1]):
                best = (likeness, slot)
        return best[1] if best is not None else None
