"""The screens turn every code of the room into words of their language: each moderation
rule's reasons and the board's own, every question, source and camera state, each feed's
and the camera's details, who decided, the map's views and how posts were located.

A pseudo-translation (every message of blueroom_fr.ts as ⟪source⟫) shows that each
code's words go through Qt's translation, with the code's values filled in after it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from blueroom.core.events import CameraState, QuestionState, SourceState
from blueroom.core.heatmap import PRESET_LABELS, HeatMode, Precision
from blueroom.core.moderation import REASONS, RULE_PRIORITY
from blueroom.ui import words
from blueroom.ui.heat_text import located_as
from blueroom.ui.i18n import install_translations, remove_translations
from tests.core.test_phrases import SAMPLES
from tests.ui.translation_files import pseudo

WORDS_OF_GROUP = {
    "reasons": words.reason,
    "asks": words.asks,
    "source details": words.source_detail,
    "camera details": words.camera_detail,
}


def _mark(text: str) -> str:
    return f"⟪{text}⟫"


@pytest.fixture(scope="module")
def pseudo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return pseudo(tmp_path_factory.mktemp("pseudo"), _mark)


@pytest.fixture
def marked(qapp: object, pseudo_folder: Path) -> Iterator[None]:
    installed = install_translations("fr", folder=pseudo_folder)
    assert pseudo_folder / "blueroom_fr.qm" in installed.files
    yield
    remove_translations()


@pytest.mark.parametrize("group", words.PHRASE_GROUPS)
def test_every_phrase_becomes_its_words_with_its_values(group: str, marked: None) -> None:
    say = WORDS_OF_GROUP[group]
    for phrase in words.PHRASE_GROUPS[group]:
        values = {name: SAMPLES[name] for name in phrase.fields}
        english = phrase.say(**values)
        if phrase.code == "camera_label":  # a part of the camera's sentences
            english = f"opening {english}"
            label = _mark("camera " + SAMPLES["index"])
            assert say(english) == _mark(f"opening {label}")
            continue
        assert say(english) == _mark(english), phrase.code


def test_every_rule_code_and_the_boards_reasons_have_words(marked: None) -> None:
    assert set(REASONS) == set(RULE_PRIORITY)
    for rule, phrases in REASONS.items():
        for phrase in phrases:
            english = phrase.say(**{name: SAMPLES[name] for name in phrase.fields})
            assert words.reason(english, rule) == _mark(english)
            assert words.reason(english) == _mark(english), "found without its rule's code too"
    for phrase in words.BOARD_REASONS:
        english = phrase.say(**{name: SAMPLES[name] for name in phrase.fields})
        assert words.reason(english) == _mark(english)


def test_every_state_has_words(marked: None) -> None:
    for source in SourceState:
        assert words.source_state(source) == _mark(source.value)
    for question in QuestionState:
        said = "not a question" if question is QuestionState.NOT_QUESTION else question.value
        assert words.question_state(question) == _mark(said.replace("_", " "))
    for camera in (*CameraState, None):
        assert words.camera_state(camera) == _mark(camera.value if camera else "not started")
    for actor in ("operator", "guest", "rule", "undo"):
        assert words.actor(actor) == _mark(actor)


def test_every_map_view_mode_and_precision_has_words(marked: None) -> None:
    for preset, label in PRESET_LABELS.items():
        assert words.map_view(preset) == _mark(label)
    assert words.heat_mode(HeatMode.LIVE) == _mark("Live (fading)")
    assert words.heat_mode(HeatMode.CUMULATIVE) == _mark("Cumulative")
    shown = {located_as(precision, "12%") for precision in (*Precision, None)}
    assert len(shown) == len(Precision) + 1
    assert all(text.startswith("⟪12% ") and text.endswith("⟫") for text in shown)


def test_text_no_phrase_wrote_is_shown_as_it_is(marked: None) -> None:
    """An error's text, a reason someone typed, a sentence of an older release."""
    assert words.reason("not tonight", "") == "not tonight"
    assert words.reason("<b>why</b>", "profanity") == "<b>why</b>"
    assert words.source_detail("could not read demo.gz: it is a folder") == (
        "could not read demo.gz: it is a folder"
    )
    assert words.camera_detail("") == ""
    assert words.actor("someone else") == "someone else"
    assert words.map_view("atlantis") == "atlantis"


def test_without_a_translation_the_words_are_the_english_sentences(qapp: object) -> None:
    remove_translations()
    for group, phrases in words.PHRASE_GROUPS.items():
        say = WORDS_OF_GROUP[group]
        for phrase in phrases:
            if phrase.code == "camera_label":
                continue
            english = phrase.say(**{name: SAMPLES[name] for name in phrase.fields})
            assert say(english) == english
