"""The room speaks one language, the session's ([session] language, French unless set;
BLUEROOM_LANGUAGE for a run): the guest's texts and every window; a translation installed
at run time changes what the console and the walls say, plural forms, numbers and times
included, and the app installs the session's before it builds a window."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QDoubleSpinBox
from pytestqt.qtbot import QtBot

from blueroom import app as app_module
from blueroom.app import GuiOptions
from blueroom.core.actions import RoomActions
from blueroom.core.events import CameraState, CameraStateChanged, QuestionState, TweetReceived
from blueroom.core.models import RoomModel
from blueroom.core.questions import Question, QueueQuery, QueueView
from blueroom.core.tweet import Author, Tweet
from blueroom.paths import BUNDLED
from blueroom.settings import SettingsError, describe, load_settings
from blueroom.ui import i18n
from blueroom.ui.i18n import (
    ROOM_TRANSLATOR,
    install_translations,
    number,
    remove_translations,
    translate,
)
from blueroom.ui.operator.activity_log import activity_line
from blueroom.ui.operator.moderation_queue import ModerationQueue
from blueroom.ui.operator.queue_list import decision_line, support_line
from blueroom.ui.operator.selection import QuestionSelection
from blueroom.ui.walls.questions_wall import QuestionsWall
from tests.ui.test_views import actions, model, show  # noqa: F401 - fixtures
from tests.ui.translation_files import build

FRENCH = {
    ("ModerationQueue", "Approve  A"): "Approuver  A",
    ("ModerationQueue", "Pending"): "En attente",
    ("ModerationQueue", "%n question(s)"): ("%n question", "%n questions"),
    ("QuestionsWall", "Blue Room — questions wall"): "Blue Room — mur des questions",
    ("QuestionsWall", "Ask {guest} anything"): "Posez vos questions à {guest}",
    ("QuestionsWall", "Post your question with {hashtag}"): "Posez votre question avec {hashtag}",
    ("Reason", 'profanity: "{excerpt}" matches "{term}"'): (
        "grossièreté : « {excerpt} » correspond à « {term} »"
    ),
    ("Actor", "rule"): "règle",
    ("ActivityLog", "camera: {state} — {detail}"): "caméra : {state} — {detail}",
    ("CameraState", "lost"): "perdue",
    ("CameraDetail", "no frame for {seconds} s — unplugged?"): (
        "aucune image depuis {seconds} s — débranchée ?"
    ),
}


@pytest.fixture
def french(qapp: object, tmp_path: Path) -> Iterator[Path]:
    folder = build(tmp_path, "fr", FRENCH)
    yield folder
    remove_translations()


def _pending(room: RoomModel) -> int:
    return len(room.questions.page(QueueQuery(view=QueueView.PENDING)).rows)


def test_a_translation_installed_at_run_time_changes_what_the_screens_say(
    qtbot: QtBot,
    model: RoomModel,  # noqa: F811
    actions: RoomActions,  # noqa: F811
    french: Path,
) -> None:
    installed = install_translations("fr", folder=french)
    assert installed.language == "fr" and french / "blueroom_fr.qm" in installed.files
    panel = ModerationQueue(model.questions, actions, QuestionSelection(), lambda _: None)
    show(qtbot, panel, 900, 800)
    panel.refresh()
    panel.refresh_tabs(on_their_tick=True)
    assert panel.buttons["approve"].text() == "Approuver  A"
    assert panel.tabs.tabText(0) == f"En attente  {_pending(model)}"
    assert panel.queue_total.text() == f"{_pending(model)} questions"
    assert panel.buttons["reject"].text() == "Reject  R", "not translated yet: English"
    wall = QuestionsWall(model.questions, model.metrics, hashtag="#AskBlueRoom", guest_name="Léa")
    show(qtbot, wall)
    assert wall.windowTitle() == "Blue Room — mur des questions"
    assert wall.main_text.text() == "Posez vos questions à Léa"
    assert wall.main_author.text() == "Posez votre question avec #AskBlueRoom"
    lost = CameraStateChanged(
        state=CameraState.LOST, device="0", detail="no frame for 2.0 s — unplugged?"
    )
    assert activity_line(lost).endswith(  # type: ignore[union-attr]
        "caméra : perdue — aucune image depuis 2.0 s — débranchée ?"
    )

    remove_translations()  # back to the source language, in the same run
    assert activity_line(lost).endswith("camera: lost — no frame for 2.0 s — unplugged?")  # type: ignore[union-attr]
    again = QuestionsWall(model.questions, model.metrics, hashtag="#AskBlueRoom", guest_name="Léa")
    show(qtbot, again)
    assert again.main_text.text() == "Ask Léa anything"


def test_a_rule_s_reason_on_a_card_is_worded_in_the_screens_language(
    model: RoomModel,  # noqa: F811
    french: Path,
) -> None:
    author = Author(id="f1", username="fan1", name="Fan")
    model.apply(
        [
            TweetReceived(
                tweet=Tweet(
                    id="p1",
                    text="what the fuck? #AskBlueRoom",
                    author=author,
                    hashtags=("AskBlueRoom",),
                    lang="en",
                )
            )
        ]
    )
    trashed = model.questions.page(QueueQuery(view=QueueView.TRASH)).rows
    card = next(q for q in trashed if q.tweet_id == "p1")
    assert card.rule == "profanity" and card.reason == 'profanity: "fuck?" matches "fuck"'
    assert decision_line(card)[0] == '✕ rule: profanity: "fuck?" matches "fuck"'  # type: ignore[index]
    install_translations("fr", folder=french)
    assert decision_line(card)[0] == "✕ règle: grossièreté : « fuck? » correspond à « fuck »"  # type: ignore[index]


def test_counts_take_the_plural_form_of_the_language(french: Path) -> None:
    def questions(count: int) -> str:
        return translate("ModerationQueue", "%n question(s)", None, number, count)

    assert [questions(n) for n in (0, 1, 2, 12345)] == [
        "0 questions",
        "1 question",
        "2 questions",
        "12,345 questions",
    ], "English, the source language, with no translation"
    install_translations("fr", folder=french)
    assert [questions(n) for n in (0, 1, 2, 12345)] == [
        "0 question",  # French: 0 and 1 are singular
        "1 question",
        "2 questions",
        "12\u202f345 questions",  # French thousands: a narrow no-break space
    ]


def test_the_english_file_gives_the_forms_the_source_cannot(qapp: object) -> None:
    def being_read(count: int) -> str:
        return translate(
            "QuestionsWall", "%n question(s) are being read by the team", None, str, count
        )

    try:
        install_translations("en", folder=BUNDLED / "i18n")
        assert being_read(1) == "1 question is being read by the team"
        assert being_read(3) == "3 questions are being read by the team"
    finally:
        remove_translations()


def test_the_room_speaks_the_session_s_language_unless_the_variable_says_otherwise(
    tmp_path: Path,
) -> None:
    default = load_settings(environ={})
    assert default.session.language == "fr", "French first"
    steps = default.session.steps(default.event)
    assert [step.title for step in steps[:3]] == [
        "Bienvenue dans la Blue Room, Léa",
        "Votre premier post",
        "Répondez à vos fans",
    ], "the six built-in steps too"
    assert "#AskBlueRoom" in steps[1].guidance
    english = tmp_path / "english.toml"
    english.write_text('[session]\nlanguage = "en"\nscript = "chef"\n', encoding="utf-8")
    chosen = load_settings(english, environ={})
    assert chosen.session.language == "en"
    assert chosen.session.steps(chosen.event)[0].title == "Welcome to the kitchen, Léa"
    assert describe(chosen, environ={}).count('language = "en"  # the guest') == 1
    for variable, language in (("fr", "fr"), ("fr_CA.UTF-8", "fr"), ("EN", "en")):
        overridden = load_settings(english, environ={"BLUEROOM_LANGUAGE": variable})
        assert overridden.session.language == language
    run = load_settings(english, environ={"BLUEROOM_LANGUAGE": "fr"})
    assert run.session.steps(run.event)[0].title == "Bienvenue en cuisine, Léa", "the guest's too"
    shown = describe(run, environ={"BLUEROOM_LANGUAGE": "fr"})
    assert 'language = "fr"  # BLUEROOM_LANGUAGE for this run' in shown
    with pytest.raises(
        SettingsError, match="BLUEROOM_LANGUAGE must be one of fr, en, not 'klingon'"
    ):
        load_settings(environ={"BLUEROOM_LANGUAGE": "klingon"})


def test_a_missing_translation_is_said_and_the_screens_speak_english(
    qapp: object, tmp_path: Path
) -> None:
    try:
        missing = install_translations("fr", folder=tmp_path)
        assert missing.language == "fr"
        assert missing.problems == (
            f"no translation in {tmp_path / 'blueroom_fr.qm'}: the screens speak English",
        )
        assert translate("ModerationQueue", "Pending") == "Pending"
        assert install_translations("en", folder=tmp_path).problems == (), "English needs no file"
        chosen = install_translations("en", folder=BUNDLED / "i18n")
        assert chosen.language == "en" and chosen.problems == ()
        assert BUNDLED / "i18n" / "blueroom_en.qm" in chosen.files
    finally:
        remove_translations()
    assert not QCoreApplication.instance().findChildren(QTranslator, ROOM_TRANSLATOR)  # type: ignore[union-attr]


def test_the_translations_are_read_from_the_assets_in_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BLUEROOM_ASSETS", str(tmp_path))
    assert i18n.translations_folder() == BUNDLED / "i18n", "a copy without i18n/: the package's"
    (tmp_path / "i18n").mkdir()
    assert i18n.translations_folder() == tmp_path / "i18n"
    for language in i18n.LANGUAGES:
        assert (BUNDLED / "i18n" / f"blueroom_{language}.qm").is_file()


class _Built(Exception):
    pass


@pytest.mark.parametrize(
    ("environ", "language", "pending"),
    [({}, "fr", "En attente"), ({"BLUEROOM_LANGUAGE": "en"}, "en", "Pending")],
)
def test_the_app_installs_the_session_s_language_before_it_builds_a_window(
    qapp: object,
    monkeypatch: pytest.MonkeyPatch,
    environ: dict[str, str],
    language: str,
    pending: str,
) -> None:
    seen: list[tuple[str, str, str]] = []

    def studio(*args: object, **kwargs: object) -> None:
        seen.append((i18n.language(), translate("ModerationQueue", "Pending"), i18n.number(1234)))
        raise _Built

    monkeypatch.setattr(app_module, "Studio", studio)
    said: list[str] = []
    engine = SimpleNamespace(messages=[], session_id="s1", resumed=False)
    try:
        with pytest.raises(_Built):
            app_module._run_windows(
                load_settings(environ=environ), GuiOptions(), engine, said.append
            )  # type: ignore[arg-type]
    finally:
        remove_translations()
    thousands = {"fr": "1\u202f234", "en": "1,234"}[language]
    assert seen == [(language, pending, thousands)], "installed before the windows"
    assert not [line for line in said if line.startswith("language:")]


def test_numbers_shares_money_times_and_dates_are_written_the_language_s_way(
    qapp: object, french: Path
) -> None:
    evening = time.mktime((2026, 12, 6, 18, 30, 5, 0, 0, -1))  # the room's local time
    english = (
        i18n.number(1234567),
        i18n.decimal(2.5),
        i18n.decimal(12.25, 1),
        i18n.percent(0.123),
        i18n.money(20.0),
        i18n.money(0.015, "EUR"),
        i18n.compact(1234),
        i18n.compact(56789),
        i18n.compact(3_400_000),
        i18n.clock_time(evening),
        i18n.clock_time(evening, seconds=True),
        i18n.date_text(evening),
        i18n.duration(245),
        i18n.duration(3723),
        i18n.duration(-75),
    )
    assert english == (
        "1,234,567",
        "2.5",
        "12.3",  # rounded half up
        "12%",
        "$20.00",
        "0.015 EUR",
        "1.2k",
        "57k",
        "3.4M",
        "18:30",  # a studio clock runs on 24 hours
        "18:30:05",
        "6 December 2026",
        "4:05",
        "1:02:03",
        "−1:15",
    )
    install_translations("fr", folder=french)
    assert i18n.language() == "fr"
    nnbsp = "\u202f"
    assert (
        i18n.number(1234567),
        i18n.decimal(2.5),
        i18n.percent(0.123),
        i18n.money(20.0),
        i18n.money(0.015, "EUR"),
        i18n.compact(1234),
        i18n.compact(3_400_000),
        i18n.clock_time(evening),
        i18n.clock_time(evening, seconds=True),
        i18n.date_text(evening),
        i18n.duration(3723),
    ) == (
        f"1{nnbsp}234{nnbsp}567",
        "2,5",
        f"12{nnbsp}%",
        "20,00\u00a0$",
        "0,015\u00a0EUR",
        f"1,2{nnbsp}k",
        f"3,4{nnbsp}M",
        "18:30",
        "18:30:05",
        "6 décembre 2026",
        "1:02:03",
    )
    spin = QDoubleSpinBox()
    spin.setDecimals(1)
    spin.setValue(2.5)
    assert spin.text() == "2,5", "Qt's own widgets follow the language too"
    remove_translations()
    assert i18n.number(1234) == "1,234" and i18n.language() == "en"


def test_the_screens_write_numbers_and_times_in_their_language(french: Path) -> None:
    at = time.mktime((2026, 12, 6, 18, 30, 5, 0, 0, -1))
    lost = CameraStateChanged(state=CameraState.LOST, device="0", detail="", at=at)
    card = Question(
        "q1", "Léa ?", "@fan", "Fan", 12_345, "fr", at, QuestionState.PENDING, at,
        supporters=1_234, asked_by=2, likes=56_789,
    )  # fmt: skip
    assert activity_line(lost).startswith("18:30:05  ")  # type: ignore[union-attr]
    assert support_line(card) == "asked by 2  ·  1,234 supporters  ·  ♥ 57k"
    install_translations("fr", folder=french)
    assert activity_line(lost).startswith("18:30:05  ")  # type: ignore[union-attr]
    assert support_line(card) == "asked by 2  ·  1\u202f234 supporters  ·  ♥ 57\u202fk", (
        "French digits (the words are not in this test's translation)"
    )
