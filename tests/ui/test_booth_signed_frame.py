"""The signature over the frame: written low on the photo by synthetic touch events, it
is drawn last, over the polaroid's white margin and its caption, where the finger was,
in the finish step's preview and in the final JPEG; a restart between sign and finish
(the view rebuilt, the vectors read back from beside the photo) gives the same final
picture; vectors that cannot be read fall back to the signed photo, counted; white ink
on the white margin stays readable (its shadow)."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from blueroom.core.booth import BoothPhoto, final_path, signed_path, vectors_path
from blueroom.core.events import BoothAction, BoothStep
from blueroom.core.signature import WIDTHS, Point, Signature, Stroke, centre_line
from blueroom.paths import assets
from blueroom.ui.fonts import register_bundled_fonts
from blueroom.ui.guest.booth_view import BoothView
from blueroom.ui.guest.compose import Composer
from blueroom.ui.guest.signature_pad import COLORS
from tests.ui.test_booth_view import Studio

RED = COLORS[3]
MARGIN_TOP = 0.80  # the polaroid's white margin starts about here (of the height)
HASHTAG, GUEST = "#AskBlueRoom", "Léa Marchand"


@pytest.fixture(autouse=True)
def fonts(qapp: object) -> None:
    register_bundled_fonts()


def is_red(image: QImage, x: float, y: float) -> bool:
    colour = image.pixelColor(round(x), round(y))
    return colour.red() > 200 and colour.green() < 110 and colour.blue() < 140


def is_white(image: QImage, x: float, y: float) -> bool:
    colour = image.pixelColor(round(x), round(y))
    return min(colour.red(), colour.green(), colour.blue()) > 235


def signed_low(studio: Studio) -> BoothPhoto:
    """Taken, kept, and signed in red with a thick line by a finger: one stroke from the
    photo's lower part down onto where the polaroid's margin is, one along that margin."""
    studio.view.hashtag, studio.view.guest_name = HASHTAG, GUEST
    studio.click(BoothAction.START)
    studio.shoot()
    studio.click(BoothAction.KEEP)
    assert studio.step is BoothStep.SIGN
    view = studio.view
    pad = view.pad
    tools = {button.text(): button for button in view._tools}
    swatch = view._tools[COLORS.index(RED)]  # the swatches come first, in COLORS' order
    studio.qtbot.mouseClick(swatch, Qt.MouseButton.LeftButton)
    studio.qtbot.mouseClick(tools["Thick"], Qt.MouseButton.LeftButton)
    box = pad.photo_box()
    device = QTest.createTouchDevice()

    def at(x: float, y: float) -> QPoint:
        return QPoint(round(box.left() + box.width() * x), round(box.top() + box.height() * y))

    for touch, path in enumerate(
        (
            [(0.55 + 0.01 * i, 0.70 + 0.012 * i) for i in range(16)],  # down into the margin
            [(0.55 + 0.02 * i, 0.88) for i in range(19)],  # along the margin
        )
    ):
        QTest.touchEvent(pad, device).press(touch, at(*path[0]), pad).commit()
        for x, y in path[1:-1]:
            QTest.touchEvent(pad, device).move(touch, at(x, y), pad).commit()
        QTest.touchEvent(pad, device).release(touch, at(*path[-1]), pad).commit()
    assert len(pad.strokes) == 2 and all(s.color == RED for s in pad.strokes)
    studio.click(BoothAction.SIGNED)
    assert studio.step is BoothStep.FINISH
    photo = view.state.photo
    assert photo is not None and photo.signed
    return photo


def choose_polaroid(studio: Studio) -> str:
    view = studio.view
    studio.qtbot.mouseClick(view.frame_buttons["polaroid"], Qt.MouseButton.LeftButton)
    caption, button = view.caption_buttons[0]
    studio.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    view.refresh()
    assert view.state.photo is not None and view.state.photo.frame == "polaroid"
    return caption


def ink_on(image: QImage, signature: Signature) -> tuple[int, int, int]:
    """(samples of the strokes' centre lines, those red, those on the margin and red)."""
    w, h = image.width(), image.height()
    samples = [(x, y) for stroke in signature.strokes for x, y, _ in centre_line(stroke, w, h)[::4]]
    red = [(x, y) for x, y in samples if is_red(image, x, y)]
    return len(samples), len(red), sum(1 for _, y in red if y > MARGIN_TOP * h)


def rebuilt(studio: Studio) -> BoothView:
    """The booth view built again on the same room (an app restarted between sign and
    finish): nothing of the signature in memory."""
    studio.view.close()
    studio.view.deleteLater()
    view = BoothView(
        studio.model.booth, studio.model.outbox, studio.actions, clock=studio.clock,
        hashtag=HASHTAG, guest_name=GUEST,
        on_problem=lambda where, what: studio.problems.append((where, what)),
    )  # fmt: skip
    studio.qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    studio.qtbot.waitExposed(view)
    studio.view = view
    view.refresh()
    return view


def test_a_signature_written_low_stays_on_top_of_the_polaroid_frame(
    qtbot: QtBot, tmp_path: Path
) -> None:
    studio = Studio(qtbot, tmp_path)
    photo = signed_low(studio)
    view = studio.view
    signature = view.pad.signature()
    choose_polaroid(studio)
    # the preview the guest sees: the ink over the margin and the caption
    preview = view.photo.image
    assert preview is not None and view._photo_id.endswith("-vectors")
    samples, red, on_margin = ink_on(preview, signature)
    assert red == samples and on_margin > samples // 3, (samples, red, on_margin)
    # the polaroid's thumbnail is drawn the same way: some red in its margin
    icon = view.frame_buttons["polaroid"].icon().pixmap(320, 180).toImage()
    assert icon.width() > 0
    margin_reds = sum(
        is_red(icon, x, y)
        for y in range(round(icon.height() * 0.82), icon.height() - 1)
        for x in range(round(icon.width() * 0.5), icon.width() - 1)
    )
    assert margin_reds > 10, margin_reds

    studio.click(BoothAction.FINISHED)
    assert studio.step is BoothStep.SHARE and view.compose_failures == 0
    final = QImage(final_path(photo))
    assert (final.width(), final.height()) == (1920, 1080)
    samples, red, on_margin = ink_on(final, signature)
    assert red == samples and on_margin > samples // 3, (samples, red, on_margin)
    # at the right place: the margin is white just below and above the line along it
    for x in (0.60, 0.75, 0.85):
        assert is_red(final, x * 1920, 0.88 * 1080), x
        assert is_white(final, x * 1920, 0.95 * 1080 + 20), x  # under the names
        assert not is_red(final, x * 1920, 0.88 * 1080 - 40), x
    assert is_white(final, 0.5 * 1920, 0.99 * 1080)  # the frame is there, its swatch white
    # the signed photo (no frame) keeps the signature as it was, for the gallery
    signed = QImage(signed_path(photo))
    assert is_red(signed, 0.75 * 1920, 0.88 * 1080) and view.signature_fallbacks == 0


def test_a_restart_between_sign_and_finish_gives_the_same_final_picture(
    qtbot: QtBot, tmp_path: Path
) -> None:
    studio = Studio(qtbot, tmp_path)
    photo = signed_low(studio)
    signature = studio.view.pad.signature()
    choose_polaroid(studio)
    before = studio.view.photo.image
    assert before is not None
    assert Path(vectors_path(photo)).exists()

    view = rebuilt(studio)
    assert view.state.step is BoothStep.FINISH and view.pad.strokes == []
    assert view.signature_of(photo) == signature  # read back from beside the photo
    assert view.photo.image == before  # the preview as it was before the restart
    studio.click(BoothAction.FINISHED)
    assert studio.step is BoothStep.SHARE and view.signature_fallbacks == 0
    after = Path(final_path(photo))
    # the same final as a visit without a restart would write: composed afresh from the
    # original and the pad's signature as it was
    expected = tmp_path / "expected.jpg"
    view.composer.save_final(
        Path(photo.path), expected, "polaroid", hashtag=HASHTAG, guest=GUEST,
        caption=view.caption_choices()[0], taken_at=0.0, signature=signature,
    )  # fmt: skip
    got, want = cv2.imread(str(after)), cv2.imread(str(expected))
    assert got is not None and want is not None and np.array_equal(got, want)
    samples, red, on_margin = ink_on(QImage(str(after)), signature)
    assert red == samples and on_margin > 0


def test_unreadable_vectors_frame_the_signed_photo_and_are_counted(
    qtbot: QtBot, tmp_path: Path
) -> None:
    studio = Studio(qtbot, tmp_path)
    photo = signed_low(studio)
    Path(vectors_path(photo)).write_bytes(b'{"strokes": [{"points": "torn')
    view = rebuilt(studio)
    assert view.signature_of(photo) is None and view.signature_fallbacks == 1
    choose_polaroid(studio)
    assert view._photo_id.endswith("-signed")  # the signed photo under the frame
    studio.click(BoothAction.FINISHED)
    assert studio.step is BoothStep.SHARE and view.compose_failures == 0
    assert view.signature_fallbacks == 1  # counted once for the photo
    [(where, what)] = studio.problems  # and said once on the console
    assert where == "booth · signature"
    assert what.startswith(f"{Path(vectors_path(photo)).name} could not be read (")
    expected = tmp_path / "expected.jpg"
    view.composer.save_final(
        Path(signed_path(photo)), expected, "polaroid", hashtag=HASHTAG, guest=GUEST,
        caption=view.caption_choices()[0], taken_at=0.0,
    )  # fmt: skip
    got, want = cv2.imread(final_path(photo)), cv2.imread(str(expected))
    assert got is not None and want is not None and np.array_equal(got, want)


def test_white_ink_on_the_polaroid_s_white_margin_stays_readable() -> None:
    """The default ink is white: on the margin it is read by its dark shadow."""
    composer = Composer(assets().frames)
    grey = QImage(1920, 1080, QImage.Format.Format_RGB32)
    grey.fill(Qt.GlobalColor.darkGray)
    points = tuple(Point(0.55 + 0.01 * i, 0.88, 0.02 * i) for i in range(36))
    signature = Signature((Stroke(points, "#ffffff", WIDTHS[1]),))

    def dark_in_band(image: QImage) -> int:
        return sum(
            image.pixelColor(x, y).lightness() < 200
            for y in range(round(0.85 * 1080), round(0.91 * 1080))
            for x in range(round(0.55 * 1920), round(0.90 * 1920))
        )

    bare = composer.compose(grey, "polaroid", hashtag="", guest="", caption="")
    signed = composer.compose(
        grey, "polaroid", hashtag="", guest="", caption="", signature=signature
    )
    assert dark_in_band(bare) == 0  # the margin: white
    assert dark_in_band(signed) > 0.35 * 1920 * 4  # a shadow a few px high along the line
    assert signed.pixelColor(round(0.7 * 1920), round(0.88 * 1080)).lightness() > 245  # ink


def test_a_signed_or_final_photo_the_disk_refuses_goes_on_and_the_console_is_told(
    qtbot: QtBot, tmp_path: Path
) -> None:
    studio = Studio(qtbot, tmp_path)
    studio.click(BoothAction.START)
    studio.shoot()
    studio.click(BoothAction.KEEP)
    photo = studio.view.state.photo
    assert photo is not None
    Path(signed_path(photo)).mkdir()  # where the signed photo goes: not a file it can write
    Path(final_path(photo)).mkdir()
    pad = studio.view.pad
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(300, 300))
    QTest.mouseMove(pad, QPoint(420, 340))
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(420, 340))
    studio.click(BoothAction.SIGNED)
    assert studio.step is BoothStep.FINISH and studio.view.sign_failures == 1
    assert studio.view.state.photo is not None and not studio.view.state.photo.signed
    choose_polaroid(studio)
    studio.click(BoothAction.FINISHED)
    assert studio.step is BoothStep.SHARE and studio.view.compose_failures == 1
    assert [where for where, _ in studio.problems] == [
        "booth · signed photo", "booth · final photo"
    ]  # fmt: skip
    signed_what, final_what = (what for _, what in studio.problems)
    assert signed_what.endswith("it goes on unsigned") and "-signed.jpg" in signed_what
    assert final_what.endswith("it goes on as it was") and "-final.jpg" in final_what
