"""Text that always fits: every question, however long or strange, on every view.

A question of up to X's 4,000 characters, with emoji, right-to-left scripts or blank
lines, is drawn whole or cut at a word with an ellipsis, each line wholly inside its box
or not at all; right-to-left text reads right to left; lines are evenly spaced in every
script; the walls leave the event hashtag to their title. Checked by pixels: the rows at
a text box's top and bottom edges hold no ink, which a line cut by the edge would leave.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QImage
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from blueroom.capture.latest_frame import LatestFrameSlot
from blueroom.core.actions import RoomActions
from blueroom.core.detect import QuestionRules
from blueroom.core.events import Event, TweetReceived
from blueroom.core.models import RoomModel
from blueroom.core.session import default_script
from blueroom.core.tweet import Author, Tweet
from blueroom.ui.fonts import register_bundled_fonts
from blueroom.ui.guest.guest_panel import GuestPanel
from blueroom.ui.walls.questions_wall import QuestionsWall
from blueroom.ui.walls.video_wall import VideoWall
from blueroom.ui.widgets.text import ELLIPSIS, FittedText, fit_text, single_line
from tests.ui.test_views import HOSTILE

HASHTAG = "#AskBlueRoom"
ASKING = (
    "Léa, je te suis depuis tes débuts et je voulais te dire merci pour tout ce que tu fais. "
    "Quand tu es montée sur scène à l'Olympia la première fois, est-ce que tu avais peur ? "
)
LONG = (ASKING * 30)[:3_990].rsplit(" ", 1)[0] + " ?"  # X's 4,000 characters
ARABIC = "ما هي أغنيتك المفضلة التي كتبتها في باريس؟ #Paris"
EMOJI_AND_BLANK_LINES = (
    "🎉🎉🎉 Léa !!!\n\n\n\n🎤🎶 tu chantes quoi ce soir ?\n\n\n\n😍😍😍 #AskBlueRoom"
)
TEXTS = {
    "4000": LONG,
    "arabic": ARABIC,
    "emoji and blank lines": EMOJI_AND_BLANK_LINES,
    **{name: HOSTILE[name] for name in ("long", "rtl", "hebrew", "zalgo", "emoji", "html")},
}
SIZES = {"1080p": (1920, 1080), "25 %": (480, 270)}
INK = 100  # a pixel this far from the row's background on any channel is ink


@pytest.fixture(autouse=True)
def fonts(qapp: object) -> None:
    register_bundled_fonts()


def room(on_air: str, *others: str) -> tuple[RoomModel, RoomActions]:
    rules = QuestionRules(hashtags=frozenset({"askblueroom"}))
    model = RoomModel(rules, default_script("Léa Marchand", HASHTAG), half_life=600.0)
    texts = [on_air, *others]
    model.apply(
        [
            TweetReceived(
                tweet=Tweet(
                    id=str(n),
                    text=text,
                    author=Author(id=f"a{n}", username=f"fan{n}", name="Fan", followers=n),
                    hashtags=("AskBlueRoom",),
                    lang="fr",
                )
            )
            for n, text in enumerate(texts)
        ]
    )

    def publish(event: Event) -> int:
        model.apply([event])
        return 0

    actions = RoomActions(publish, model.session, "text-fits")
    for n in range(len(texts)):
        actions.promote(str(n))
        actions.approve(str(n))
    actions.put_on_air("0")
    return model, actions


def show(qtbot: QtBot, widget: QWidget, size: tuple[int, int]) -> QImage:
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    return widget.grab().toImage()


def rows(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    data = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
    # a copy: the view would outlive the converted image it reads
    return data.reshape(image.height(), image.bytesPerLine() // 4, 4)[:, : image.width()].copy()


def cut_rows(image: QImage, box: QRectF) -> list[int]:
    """The rows at ``box``'s top and bottom edges (and one beyond) that hold ink: where a
    line cut by the edge shows its letters."""
    pixels = rows(image).astype(np.int16)
    left, right = int(box.left()) + 2, int(box.right()) - 2
    top, bottom = int(box.top()), int(np.ceil(box.bottom())) - 1
    found = []
    for y in (top - 1, top, bottom, bottom + 1):
        if not 0 <= y < pixels.shape[0] or right <= left:
            continue
        row = pixels[y, left:right, :3]
        background = np.median(row, axis=0)
        if int((np.abs(row - background).max(axis=1) > INK).sum()) > 2:
            found.append(y)
    return found


def transparent_cut_rows(widget: FittedText) -> list[int]:
    """A fitted text's own picture (transparent but for its ink): its first and last rows."""
    alpha = rows(widget._rendered().toImage())[:, :, 3]
    return [y for y in (0, alpha.shape[0] - 1) if int((alpha[y] > INK).sum()) > 2]


def ink_columns(widget: FittedText) -> tuple[int, int]:
    alpha = rows(widget._rendered().toImage())[:, :, 3]
    columns = np.flatnonzero((alpha > INK).any(axis=0))
    return int(columns[0]), int(columns[-1])


@pytest.mark.parametrize("name", list(TEXTS))
@pytest.mark.parametrize(
    ("width", "height", "max_px", "min_px"),
    [
        (1600, 380, 80, 22),
        (520, 120, 40, 16),
        (400, 45, 40, 11),
        (300, 60, 30, 11),
        (220, 30, 30, 11),
    ],
)
def test_a_fitted_text_draws_each_line_whole_or_not_at_all(
    qtbot: QtBot, name: str, width: int, height: int, max_px: int, min_px: int
) -> None:
    text = FittedText(TEXTS[name], max_px=max_px, min_px=min_px, weight=QFont.Weight.Medium)
    show(qtbot, text, (width, height))
    assert transparent_cut_rows(text) == [], f"{name}: a line is cut by the box's edge"
    assert ink_columns(text)[1] > 0, "and something is drawn"


@pytest.mark.parametrize("name", list(TEXTS))
def test_a_text_too_long_for_its_box_is_cut_at_a_word_with_an_ellipsis(name: str) -> None:
    whole = single_line(TEXTS[name])
    fitted = fit_text(whole, 700, 160, max_px=48, min_px=24)
    if not fitted.cut:
        return
    assert fitted.text.endswith(ELLIPSIS)
    kept = fitted.text[: -len(ELLIPSIS)].replace("\u00a0", " ")
    kept = "".join(c for c in kept if c not in "\u2068\u2069")  # bidi isolates, not drawn
    assert whole.startswith(kept)
    rest = whole[len(kept) :]
    long_word = " " not in whole[max(0, len(kept) - 60) : len(kept)]
    assert long_word or rest[:1] in (" ", ",", ";", ":", "-"), f"cut inside a word: {rest[:12]!r}"


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("name", list(TEXTS))
def test_every_view_draws_long_and_hostile_questions_without_cutting_a_line(
    qtbot: QtBot, name: str, size: str
) -> None:
    others = [t for key, t in TEXTS.items() if key != name][:6]
    model, actions = room(TEXTS[name], *others)
    assert model.questions.snapshot().on_air is not None
    frames = LatestFrameSlot()
    frames.put(np.full((90, 160, 3), 90, np.uint8))  # one flat colour under the lower third

    wall = QuestionsWall(model.questions, model.metrics, hashtag=HASHTAG, guest_name="Léa")
    show(qtbot, wall, SIZES[size])
    for text in [wall.main_text, wall.main_author, *wall.next_texts, *wall.next_authors]:
        assert transparent_cut_rows(text) == [], f"questions wall: {text.text()[:40]!r}"

    video = VideoWall(frames, model.questions, model.metrics, hashtag=HASHTAG, guest_name="Léa")
    show(qtbot, video, SIZES[size])
    qtbot.waitUntil(lambda: video.live, timeout=2_000)
    image = video.grab().toImage()
    for part, box in video.lower_third_text_rects().items():
        assert cut_rows(image, box) == [], f"lower third, {part}"

    actions.go_to_step(2)  # the questions: the guest's cards
    guest = GuestPanel(
        model.session, frames, guest_name="Léa", board=model.questions, actions=actions
    )
    show(qtbot, guest, (max(480, SIZES[size][0]), max(300, SIZES[size][1])))
    picker = guest.picker
    assert picker is not None
    qtbot.waitUntil(lambda: picker.isVisible() and len(picker.shown) > 0, timeout=2_000)
    cards = picker.grab().toImage()
    for question in picker.shown:
        for part, box in picker.card_text_boxes(question).items():
            assert cut_rows(cards, box) == [], f"guest card {question.tweet_id}, {part}"


def test_right_to_left_text_reads_right_to_left_with_its_hashtag_at_its_end(
    qtbot: QtBot,
) -> None:
    fitted = fit_text(ARABIC, 1400, 200, max_px=60, min_px=20)
    assert fitted.right_to_left and fitted.lines == 1 and fitted.layout is not None
    latin: dict[str, float] = {}
    arabic: list[float] = []
    for run in fitted.layout.glyphRuns():
        font = run.rawFont()
        xs = [p.x() for p in run.positions()]
        if "Arabic" in font.familyName():
            arabic += xs
            continue
        glyphs = dict(zip(run.glyphIndexes(), xs, strict=True))
        for char in "#Paris":
            (glyph,) = font.glyphIndexesForString(char)
            if glyph in glyphs:
                latin[char] = glyphs[glyph]
    assert latin["#"] < latin["P"] < latin["a"] < latin["s"], "the hashtag reads #Paris"
    assert latin["s"] < min(arabic), "at the end of the question: on its left"

    text = FittedText(ARABIC, max_px=40, min_px=20)
    show(qtbot, text, (1400, 120))
    left, right = ink_columns(text)
    assert right > 1400 - 12, "aligned right"
    assert left > 200, "and not stretched to the left"


def test_the_walls_show_right_to_left_questions_aligned_right(qtbot: QtBot) -> None:
    model, _ = room("لماذا تحب باريس؟ #Paris", "Tu viens à Lyon ? #AskBlueRoom")
    wall = QuestionsWall(model.questions, model.metrics, hashtag=HASHTAG, guest_name="Léa")
    show(qtbot, wall, (1920, 1080))
    left, right = ink_columns(wall.main_text)
    assert right > wall.main_text.width() - 12 and left > wall.main_text.width() // 3
    author_left, _ = ink_columns(wall.main_author)
    assert author_left > wall.main_author.width() // 2, "who asks sits on the same side"


def test_lines_are_evenly_spaced_in_every_script() -> None:
    mixed = " ".join(
        ["Léa, tu viens ?", "ما هي أغنيتك المفضلة؟", "למה את שרה?", "🎉🎤😍", "Zut !"] * 4
    )
    fitted = fit_text(mixed, 260, 2_000, max_px=30, min_px=30)
    layout = fitted.layout
    assert layout is not None and fitted.lines >= 8
    baselines = [layout.lineAt(i).y() + layout.lineAt(i).ascent() for i in range(fitted.lines)]
    gaps = np.diff(baselines)
    assert gaps.max() - gaps.min() < 0.1, f"uneven line spacing: {sorted(set(gaps.round(2)))}"
    assert gaps.min() >= 30 * 1.2, "and never tighter than the Latin font's own spacing"


def test_the_walls_leave_the_event_hashtag_to_their_title(qtbot: QtBot) -> None:
    model, _ = room(
        "Tu viens à Lyon ? #AskBlueRoom",
        "#askblueroom Léa, ton album préféré ? #Paris",
        "Léa #AskBlueRoom tu chantes ce soir ?",
    )
    frames = LatestFrameSlot()
    wall = QuestionsWall(model.questions, model.metrics, hashtag=HASHTAG, guest_name="Léa")
    video = VideoWall(frames, model.questions, model.metrics, hashtag=HASHTAG, guest_name="Léa")
    show(qtbot, wall, (1920, 1080))
    show(qtbot, video, (1920, 1080))
    assert wall.main_text.text() == "Tu viens à Lyon ?"
    assert video.lower_third_text() == "Tu viens à Lyon ?"
    shown = sorted(t.text() for t in wall.next_texts if t.text())
    assert shown == ["Léa tu chantes ce soir ?", "Léa, ton album préféré ? #Paris"]


def test_blank_lines_do_not_shrink_a_question(qtbot: QtBot) -> None:
    plain = "Léa !!! tu chantes quoi ce soir ? On t'attend depuis des heures"
    blank = "Léa !!!\n\n\n\n\ntu chantes quoi ce soir ?\n\n\n\nOn t'attend depuis des heures"
    model, _ = room(blank, plain, blank)
    wall = QuestionsWall(model.questions, model.metrics, hashtag=HASHTAG, guest_name="Léa")
    show(qtbot, wall, (1920, 1080))
    main = wall.main_text.fitted(wall.main_text.width(), wall.main_text.height())[0]
    sizes = {t.text(): t.fitted(t.width(), t.height())[0].pixelSize() for t in wall.next_texts[:2]}
    assert len(set(sizes.values())) == 1, f"blank lines shrank a card: {sizes}"
    alone = QuestionsWall(
        room(plain)[0].questions, model.metrics, hashtag=HASHTAG, guest_name="Léa"
    )
    show(qtbot, alone, (1920, 1080))
    expected = alone.main_text.fitted(alone.main_text.width(), alone.main_text.height())[0]
    assert main.pixelSize() == expected.pixelSize()


def test_up_next_draws_no_empty_box(qtbot: QtBot) -> None:
    model, _ = room("Tu viens à Lyon ?", "Ton album préféré ?")
    wall = QuestionsWall(model.questions, model.metrics, hashtag=HASHTAG, guest_name="Léa")
    image = rows(show(qtbot, wall, (1920, 1080))).astype(np.int16)
    boxes = wall.up_next_boxes()
    assert wall.next_texts[0].text() and not wall.next_texts[1].text()

    def card_contrast(box: QRectF) -> int:
        """How much a card stands out from the backdrop just above it."""
        inside = image[int(box.center().y()), int(box.left()) + 30 : int(box.right()) - 30, :3]
        above = image[int(box.top()) - 6, int(box.left()) + 30 : int(box.right()) - 30, :3]
        return int(np.abs(np.median(inside, axis=0) - np.median(above, axis=0)).max())

    assert card_contrast(boxes[0]) > 8, "the question that is next has its card"
    for box in boxes[1:]:
        assert card_contrast(box) <= 3, "no empty placeholder where no question is"


@pytest.mark.parametrize(
    "size", [(1920, 1080), (480, 270), (1280, 1024), (2560, 1080), (480, 1080), (3840, 2160)]
)
def test_the_lower_third_never_covers_another_overlay(qtbot: QtBot, size: tuple[int, int]) -> None:
    model, actions = room(LONG)
    frames = LatestFrameSlot()  # no camera: the slate's words are on screen too
    video = VideoWall(
        frames,
        model.questions,
        model.metrics,
        hashtag="#AskBlueRoomLeaMarchandParisOlympia",
        guest_name="Léa Marchand " * 8,
    )
    show(qtbot, video, size)
    for on_air in (True, False):
        if not on_air:
            actions.mark_answered("0")
            video.repaint()
        places = video.overlay_rects()
        assert video.slate_words() is not None
        for (one, a), (other, b) in itertools.combinations(places.items(), 2):
            if a.width() > 0 and b.width() > 0:
                assert not a.intersects(b), f"{one} and {other} overlap at {size}"
        for box in places.values():
            assert QRectF(0, 0, *size).contains(box), "inside the wall"
        image = video.grab().toImage()
        for part, box in video.lower_third_text_rects().items():
            assert places["lower_third"].contains(box)
            assert cut_rows(image, box) == [], f"{part} at {size}"


def test_a_long_guest_name_on_the_strap_is_cut_with_an_ellipsis(qtbot: QtBot) -> None:
    fitted = fit_text("Léa Marchand " * 8, 600, 40, max_px=40, min_px=20, max_lines=1)
    assert fitted.cut and fitted.lines == 1 and fitted.text.endswith(ELLIPSIS)
    assert fitted.text.startswith("Léa Marchand Léa") and fitted.text[-2] != " "
