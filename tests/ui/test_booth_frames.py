"""The booth's frames and captions: the frames ship and are drawn at the photo's full
resolution; a caption chosen by the guest's touches reaches the final JPEG's Exif and
the post; the final JPEG is composed on the still worker (the job waits in its queue
while the GUI goes on); the journal replayed keeps the choices; the operator's caption
from the Photos tab is offered to the guest."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from blueroom.core.booth import final_path
from blueroom.core.detect import QuestionRules
from blueroom.core.events import BoothAction, BoothCaptionOffered, BoothStep, BoothStyled
from blueroom.core.frames import load_frames
from blueroom.core.models import RoomModel
from blueroom.core.session import default_script
from blueroom.paths import assets
from blueroom.ui.fonts import register_bundled_fonts
from blueroom.ui.guest.booth_view import BoothView
from blueroom.ui.guest.compose import Composer
from blueroom.ui.operator.gallery import GalleryPanel
from tests.capture.test_exif import file_says
from tests.ui.test_booth_view import Studio


@pytest.fixture(autouse=True)
def fonts(qapp: object) -> None:
    register_bundled_fonts()


def colour_at(image: np.ndarray, x: float, y: float) -> tuple[int, int, int]:
    h, w = image.shape[:2]
    b, g, r = image[min(h - 1, int(y * h)), min(w - 1, int(x * w))]
    return int(r), int(g), int(b)


def hex_rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def test_three_frames_ship_with_their_pngs_at_two_shapes() -> None:
    folder = assets().frames
    specs = load_frames(folder)
    assert [spec.name for spec in specs] == ["studio", "polaroid", "broadcast"]
    for spec in specs:
        for key, name in spec.files.items():
            image = QImage(str(folder / name))
            assert image.hasAlphaChannel(), name
            assert (image.width(), image.height()) == {"16x9": (3840, 2160), "3x2": (3600, 2400)}[
                key
            ]
            assert image.pixelColor(image.width() // 2, image.height() // 2).alpha() == 0


@pytest.mark.parametrize("size", [(1920, 1080), (3840, 2160)])
@pytest.mark.parametrize("frame", ["studio", "polaroid", "broadcast"])
def test_a_frame_is_drawn_at_the_photo_s_full_resolution(
    tmp_path: Path, size: tuple[int, int], frame: str
) -> None:
    w, h = size
    photo = np.zeros((h, w, 3), np.uint8)
    photo[:] = (40, 160, 40)  # green: not a frame's colour
    source = tmp_path / "p.jpg"
    cv2.imwrite(str(source), photo)
    composer = Composer(assets().frames)
    spec = composer.frames[frame]
    final = tmp_path / "p-final.jpg"
    composer.save_final(
        source, final, frame, hashtag="#AskBlueRoom", guest="Léa Marchand", caption="Merci !",
        taken_at=1_800_000_000.0,
    )  # fmt: skip
    saved = cv2.imread(str(final))
    assert saved is not None and saved.shape[:2] == (h, w)
    got = colour_at(saved, spec.swatch.x, spec.swatch.y)
    want = hex_rgb(spec.swatch.color)
    assert max(abs(a - b) for a, b in zip(got, want, strict=True)) <= 12, (got, want)
    assert colour_at(saved, 0.5, 0.45) == pytest.approx((40, 160, 40), abs=12)  # the photo
    # the hashtag is drawn in its box: its pixels differ from a frame without texts
    box = spec.hashtag
    bare = composer.compose(QImage(str(source)), frame, hashtag="", guest="", caption="")
    bare_path = tmp_path / "bare.png"
    bare.save(str(bare_path))
    plain = cv2.imread(str(bare_path))
    x0, y0 = int(box.x * w), int(box.y * h)
    x1, y1 = int((box.x + box.w) * w), int((box.y + box.h) * h)
    changed = np.abs(saved[y0:y1, x0:x1].astype(int) - plain[y0:y1, x0:x1].astype(int)).max(axis=2)
    assert (changed > 80).sum() > (y1 - y0) * 4  # letters, not JPEG noise


def choose(studio: Studio, view: BoothView, *, frame: str, caption_index: int) -> str:
    studio.qtbot.mouseClick(view.frame_buttons[frame], Qt.MouseButton.LeftButton)
    text, button = view.caption_buttons[caption_index]
    studio.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    view.refresh()
    return text


def test_a_caption_chosen_by_the_guest_reaches_the_final_jpeg_s_exif_and_the_post(
    qtbot: QtBot, tmp_path: Path
) -> None:
    studio = Studio(qtbot, tmp_path, can_post=True)
    studio.view.hashtag, studio.view.guest_name = "#AskBlueRoom", "Léa Marchand"
    studio.view._save = studio.still.submit  # the disk worker, as the room wires it
    view = studio.view
    studio.click(BoothAction.START)
    studio.shoot()
    studio.click(BoothAction.KEEP)
    studio.click(BoothAction.SKIP)
    assert studio.step is BoothStep.FINISH
    assert view.headline.text() == "Pick a frame and a caption"
    assert len(view.frame_buttons) == 4 and all(b.isVisible() for b in view.frame_buttons.values())
    texts = [text for text, _ in view.caption_buttons]
    assert texts == ["Thank you #AskBlueRoom!", "An unforgettable moment in the Blue Room",
                     "Léa, live from the Blue Room", ""]  # fmt: skip
    move = view.state.move
    before = view.photo.image
    caption = choose(studio, view, frame="studio", caption_index=0)
    assert view.state.move == move and studio.step is BoothStep.FINISH  # no move
    assert view.frame_buttons["studio"].isChecked() and view.caption_buttons[0][1].isChecked()
    assert view.photo.image is not before  # the preview composed again
    styled = [e for e in studio.journal if isinstance(e, BoothStyled)]
    assert styled[-1].frame == "studio" and styled[-1].caption == caption
    photo = view.state.photo
    assert photo is not None
    final = Path(final_path(photo))

    studio.click(BoothAction.FINISHED)
    # the composition waits on the still worker's queue: nothing done on the GUI thread
    assert studio.still._jobs.qsize() == 1 and not final.exists()
    assert studio.step is BoothStep.FINISH and view.composing
    studio.click(BoothAction.FINISHED)  # a second tap while it composes: nothing more
    assert studio.still._jobs.qsize() == 1
    view.resize(1000, 700)  # the view goes on: laid out, painted
    qtbot.wait(1)
    assert view.grab().width() == 1000
    studio.still.start()
    try:
        qtbot.waitUntil(lambda: studio.step is BoothStep.SHARE, timeout=20_000)
    finally:
        studio.still.stop()
    assert final.exists() and view._photo_id.endswith("-final")  # share shows the final
    saved = QImage(str(final))
    assert (saved.width(), saved.height()) == (1920, 1080)
    said = file_says(final)
    assert "description=Thank you #AskBlueRoom!" in said and "software=Blue Room" in said
    studio.click(BoothAction.POST)
    studio.wait(1.0)
    (queued,) = studio.posts()
    assert queued.draft.media == (str(final),)
    assert queued.draft.text == "Thank you #AskBlueRoom!"
    assert Path(photo.path).exists()  # the untouched original stays beside it

    # the journal replayed into a new room keeps the choices
    model = RoomModel(
        QuestionRules(hashtags=frozenset({"askblueroom"})),
        default_script("Léa Marchand", "#AskBlueRoom"),
        half_life=600.0,
        hashtag="#AskBlueRoom",
    )
    model.apply(studio.journal)
    kept = model.booth.photos[photo.photo_id]
    assert (kept.frame, kept.caption, kept.composed) == ("studio", caption, True)


def test_no_choice_goes_on_without_composing(qtbot: QtBot, tmp_path: Path) -> None:
    studio = Studio(qtbot, tmp_path)
    studio.click(BoothAction.START)
    studio.shoot()
    for action in (BoothAction.KEEP, BoothAction.SKIP, BoothAction.FINISHED):
        studio.click(action)
    photo = studio.view.state.photo
    assert studio.step is BoothStep.SHARE and photo is not None and not photo.composed
    assert not Path(final_path(photo)).exists()


def test_the_operator_s_caption_from_the_photos_tab_is_offered_to_the_guest(
    qtbot: QtBot, tmp_path: Path
) -> None:
    studio = Studio(qtbot, tmp_path)
    said: list[str] = []
    gallery = GalleryPanel(
        studio.model.outbox, studio.actions, folder=tmp_path / "photos",
        ask_caption=lambda parent: "Bienvenue, Léa 🎉", say=said.append,
    )  # fmt: skip
    qtbot.addWidget(gallery)
    studio.click(BoothAction.START)
    studio.shoot()
    studio.click(BoothAction.KEEP)
    studio.click(BoothAction.SKIP)
    qtbot.mouseClick(gallery.caption_button, Qt.MouseButton.LeftButton)
    (offered,) = [e for e in studio.journal if isinstance(e, BoothCaptionOffered)]
    assert offered.caption == "Bienvenue, Léa 🎉" and said == [
        "Booth caption offered: Bienvenue, Léa 🎉"
    ]
    studio.view.refresh()
    text, button = studio.view.caption_buttons[0]
    assert text == "Bienvenue, Léa 🎉" and button.isChecked()  # chosen for this photo
    assert studio.step is BoothStep.FINISH


@pytest.mark.parametrize("frame", ["studio", "polaroid", ""])
def test_a_caption_s_emoji_is_drawn_in_colour_with_or_without_a_shadow(frame: str) -> None:
    """A colour emoji has no outline: a shadow made of the text's path lost it once."""
    composer = Composer(assets().frames)
    grey = QImage(3840, 2160, QImage.Format.Format_RGB32)
    grey.fill(Qt.GlobalColor.darkGray)
    out = composer.compose(grey, frame, hashtag="", guest="", caption="Merci 🎉")
    path_colours = 0
    for y in range(int(0.70 * 2160), 2160, 4):
        for x in range(0, 3840, 4):
            c = out.pixelColor(x, y)
            path_colours += abs(c.red() - c.blue()) > 60
    assert path_colours > 200, path_colours


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (800, 1280), (1280, 800)])
def test_the_finish_step_s_choices_are_big_targets_inside_the_screen(
    qtbot: QtBot, tmp_path: Path, size: tuple[int, int]
) -> None:
    from PySide6.QtCore import QPoint, QRect

    studio = Studio(qtbot, tmp_path)
    studio.view.resize(*size)
    studio.click(BoothAction.START)
    studio.shoot()
    studio.click(BoothAction.KEEP)
    studio.click(BoothAction.SKIP)
    qtbot.wait(1)
    view = studio.view
    shown = [*view.frame_buttons.values(), *(b for _, b in view.caption_buttons)]
    shown.append(view.buttons[BoothAction.FINISHED])
    for button in shown:
        assert button.isVisible(), button.text()
        box = QRect(button.mapTo(view, QPoint(0, 0)), button.size())
        assert min(button.width(), button.height()) >= 96, button.text()
        assert QRect(0, 0, *size).contains(box), (button.text(), box)
