"""The screens' words for the room's codes: question states, who decided, the reasons of
decisions and flags, the feeds' and the camera's states and details, the map's views.

The room records codes, and sentences in English (core/phrases.py); here each becomes
words in the screens' language, with its values. A text no phrase wrote (an error's, a
reason someone typed, a sentence of an older release) is shown as it is.
"""

from __future__ import annotations

from blueroom.capture import camera
from blueroom.core.asking import NOT_QUESTION_REASONS, QUESTION_REASONS
from blueroom.core.events import CameraState, QuestionState, RoomSwitch, SourceState
from blueroom.core.heatmap import HeatMode
from blueroom.core.moderation import AUTHOR_NAME, REASONS
from blueroom.core.phrases import Phrase, read_any
from blueroom.core.programme import Overlay
from blueroom.core.questions import AUTO_APPROVED, OPERATOR_REJECTED, SUPPORT_BURST
from blueroom.core.rejections import REJECT_REASONS
from blueroom.sources import replay
from blueroom.ui.i18n import translate

BOARD_REASONS = (
    SUPPORT_BURST,
    AUTO_APPROVED,
    OPERATOR_REJECTED,
    AUTHOR_NAME,
    *REJECT_REASONS,
)
ALL_REASONS = tuple(phrase for phrases in REASONS.values() for phrase in phrases) + BOARD_REASONS


def actor(name: str) -> str:
    """Who decided: the console's operator, the guest, a rule; any other name as it is."""
    match name:
        case "operator":
            return translate("Actor", "operator")
        case "guest":
            return translate("Actor", "guest")
        case "rule":
            return translate("Actor", "rule")
        case "undo":
            return translate("Actor", "undo")
        case "script":
            return translate("Actor", "session step")
        case "cue":
            return translate("Actor", "segment cue")
        case _:
            return name


def question_state(state: QuestionState) -> str:
    match state:
        case QuestionState.PENDING:
            return translate("QuestionState", "pending")
        case QuestionState.APPROVED:
            return translate("QuestionState", "approved")
        case QuestionState.REJECTED:
            return translate("QuestionState", "rejected")
        case QuestionState.ON_AIR:
            return translate("QuestionState", "on air")
        case QuestionState.ANSWERED:
            return translate("QuestionState", "answered")
        case QuestionState.STASHED:
            return translate("QuestionState", "stashed")
        case QuestionState.NOT_QUESTION:
            return translate("QuestionState", "not a question")
        case _:
            return str(state)


def reason(text: str, rule: str = "") -> str:
    """The reason of a decision or a flag; ``rule``'s sentences are tried first."""
    found = read_any((*REASONS.get(rule, ()), *ALL_REASONS), text)
    if found is None:
        return text
    phrase, values = found
    if phrase.code == "author_name":  # a word rule's own reason, found in the name
        values["reason"] = reason(values["reason"], rule)
    return _reason_words(phrase.code).format(**values)


def _reason_words(code: str) -> str:
    match code:
        case "blocked_user":
            return translate("Reason", "blocked user: @{handle}")
        case "slur":
            return translate("Reason", 'slur: "{excerpt}" matches "{term}"')
        case "blocked_word":
            return translate("Reason", 'blocked word: "{excerpt}" matches "{term}"')
        case "profanity":
            return translate("Reason", 'profanity: "{excerpt}" matches "{term}"')
        case "insult":
            return translate("Reason", 'insult: "{excerpt}" matches "{term}"')
        case "hashbomb":
            return translate("Reason", "hashbomb: {tags} hashtags, mentions or links and no words")
        case "link":
            return translate("Reason", "link: {host}")
        case "mention_spam":
            return translate("Reason", "mention spam: {count} mentions (more than {most})")
        case "flood":
            return translate("Reason", "flood: over {posts} posts in {seconds} s from @{handle}")
        case "author_name":
            return translate("Reason", "in the author's name: {reason}")
        case "flood_unknown_author":
            return translate("Reason", "flood: over {posts} posts in {seconds} s from one author")
        case "support_burst":
            return translate(
                "Reason",
                "support burst: {supporters} supporters have accounts under {days} days old"
                " (not counted)",
            )
        case "auto_approved":
            return translate("Reason", "auto-approved: clean")
        case "operator_rejected":
            return translate("Reason", "rejected by operator")
        case "off_topic":
            return translate("Reason", "off topic")
        case "already_answered":
            return translate("Reason", "already answered")
        case "offensive":
            return translate("Reason", "offensive")
        case "spam":
            return translate("Reason", "spam or promotion")
        case "private":
            return translate("Reason", "too personal")
        case "not_for_guest":
            return translate("Reason", "not for the guest")
        case _:
            raise KeyError(code)


def source_state(state: SourceState) -> str:
    match state:
        case SourceState.STARTING:
            return translate("SourceState", "starting")
        case SourceState.RUNNING:
            return translate("SourceState", "running")
        case SourceState.LOOPING:
            return translate("SourceState", "looping")
        case SourceState.FINISHED:
            return translate("SourceState", "finished")
        case SourceState.FAILED:
            return translate("SourceState", "failed")
        case SourceState.STOPPED:
            return translate("SourceState", "stopped")
        case _:
            return str(state)


def source_detail(text: str) -> str:
    """A feed's detail ("demo.jsonl.gz at 10×, loop 2") or its position in its recording."""
    found = read_any((*replay.DETAILS, replay.POSITION), text)
    if found is None:
        return text
    phrase, values = found
    return _source_words(phrase.code).format(**values)


def _source_words(code: str) -> str:
    match code:
        case "replay_starting":
            return translate("SourceDetail", "{file} at {speed}×")
        case "replay_starting_max":
            return translate("SourceDetail", "{file} at max speed")
        case "replay_playing":
            return translate("SourceDetail", "{file} at {speed}×, loop {loop}")
        case "replay_playing_max":
            return translate("SourceDetail", "{file} at max speed, loop {loop}")
        case "replay_finished":
            return translate("SourceDetail", "{file}: {posts} posts")
        case "replay_stopped":
            return translate("SourceDetail", "{file} stopped at line {line}")
        case "replay_crashed":
            return translate("SourceDetail", "replay stopped: {error}")
        case "replay_position":
            return translate("SourceDetail", "loop {loop}, line {line}")
        case _:
            raise KeyError(code)


def camera_state(state: CameraState | None) -> str:
    match state:
        case None:
            return translate("CameraState", "not started")
        case CameraState.STARTING:
            return translate("CameraState", "starting")
        case CameraState.LIVE:
            return translate("CameraState", "live")
        case CameraState.LOST:
            return translate("CameraState", "lost")
        case CameraState.STOPPED:
            return translate("CameraState", "stopped")
        case _:
            return str(state)


def camera_detail(text: str) -> str:
    found = read_any(camera.DETAILS, text)
    if found is None:
        return text
    phrase, values = found
    if "label" in values:
        values["label"] = _camera_label(values["label"])
    return _camera_words(phrase.code).format(**values)


def _camera_label(label: str) -> str:
    """ "camera 0" in words; a file's path or a stream's URL as it is."""
    values = camera.LABEL.read(label)
    if values is None:
        return label
    return translate("CameraDetail", "camera {index}").format(**values)


def _camera_words(code: str) -> str:
    match code:
        case "camera_opening":
            return translate("CameraDetail", "opening {label}")
        case "camera_live":
            return translate("CameraDetail", "{label} {width}x{height} @ {fps} fps")
        case "camera_live_unknown_rate":
            return translate("CameraDetail", "{label} {width}x{height} @ fps unknown")
        case "camera_stopped":
            return translate("CameraDetail", "stopped")
        case "camera_stopped_blocked":
            return translate("CameraDetail", "stopped (capture thread still blocked in a read)")
        case "camera_end_of_file":
            return translate("CameraDetail", "end of file {path}")
        case "camera_no_frame":
            return translate("CameraDetail", "no frame for {seconds} s — unplugged?")
        case "camera_read_failed":
            return translate("CameraDetail", "read failed on {label}")
        case "camera_file_not_found":
            return translate("CameraDetail", "file not found: {path}")
        case "camera_unreadable":
            return translate("CameraDetail", "could not open {path} (unreadable or corrupt file)")
        case "camera_not_opened":
            return translate("CameraDetail", "camera {index} could not be opened")
        case "camera_stream_not_opened":
            return translate("CameraDetail", "stream {path} could not be opened")
        case "camera_not_reopened":
            return translate("CameraDetail", "could not reopen {path}")
        case "camera_bad_frames":
            return translate(
                "CameraDetail", "{path}: cannot decode the video ({frames} bad frames)"
            )
        case "camera_no_readable_frame":
            return translate("CameraDetail", "{path}: cannot decode the video (no readable frame)")
        case "camera_error":
            return translate("CameraDetail", "error: {error}")
        case _:
            raise KeyError(code)


def map_view(preset: str) -> str:
    """A heat-map view by its preset's name (core/heatmap.py PRESET_LABELS)."""
    match preset:
        case "world":
            return translate("MapView", "World")
        case "europe":
            return translate("MapView", "Europe")
        case "france":
            return translate("MapView", "France")
        case "paris":
            return translate("MapView", "Paris region")
        case "custom":
            return translate("MapView", "Custom box")
        case _:
            return preset


def overlay(name: str) -> str:
    """An overlay of the programme by its name (core/programme.py ``Overlay``)."""
    match name:
        case Overlay.LIVE_BADGE:
            return translate("Overlay", "LIVE badge")
        case Overlay.QUESTION:
            return translate("Overlay", "Question on air")
        case Overlay.NAME_STRAP:
            return translate("Overlay", "Name strap")
        case Overlay.HASHTAG:
            return translate("Overlay", "Hashtag")
        case Overlay.CLOCK:
            return translate("Overlay", "Clock")
        case Overlay.PHOTO:
            return translate("Overlay", "Booth photo")
        case _:
            return name


def switch_name(switch: RoomSwitch) -> str:
    """A room switch as the console's button names it, in a word (core/switches.py; its
    tooltip says the rest)."""
    match switch:
        case RoomSwitch.QUESTIONS_WALL:
            return translate("RoomSwitch", "Q wall")
        case RoomSwitch.QUESTIONS_OPEN:
            return translate("RoomSwitch", "Q&A")
        case RoomSwitch.BOOTH:
            return translate("RoomSwitch", "Booth")
        case RoomSwitch.ON_CAMERA:
            return translate("RoomSwitch", "Badge")
        case _:
            return str(switch)


def switched(switch: RoomSwitch, on: bool) -> str:
    """What a switch turned on or off does, in a few words (the activity log)."""
    match switch:
        case RoomSwitch.QUESTIONS_WALL:
            return (
                translate("RoomSwitch", "questions wall on")
                if on
                else translate("RoomSwitch", "questions wall resting (hashtag and guest)")
            )
        case RoomSwitch.QUESTIONS_OPEN:
            return (
                translate("RoomSwitch", "Q&A open")
                if on
                else translate("RoomSwitch", "Q&A closed (questions still moderated)")
            )
        case RoomSwitch.BOOTH:
            return (
                translate("RoomSwitch", "booth armed")
                if on
                else translate("RoomSwitch", "booth disarmed")
            )
        case RoomSwitch.ON_CAMERA:
            return (
                translate("RoomSwitch", "badge on: LIVE while streaming, else ON CAMERA")
                if on
                else translate("RoomSwitch", "badge off")
            )
        case _:
            return str(switch)


def duration(seconds: float) -> str:
    """A length as a clock reads it: "4:05", "1:02:03"."""
    whole = max(0, int(seconds))
    hours, minutes, rest = whole // 3600, whole // 60 % 60, whole % 60
    return f"{hours}:{minutes:02d}:{rest:02d}" if hours else f"{minutes}:{rest:02d}"


def heat_mode(mode: str) -> str:
    match mode:
        case HeatMode.LIVE:
            return translate("MapView", "Live (fading)")
        case HeatMode.CUMULATIVE:
            return translate("MapView", "Cumulative")
        case _:
            return mode


ASKS_REASONS = QUESTION_REASONS + NOT_QUESTION_REASONS


def asks(text: str) -> str:
    """Why a post was read as a question for the guest, or not."""
    found = read_any(ASKS_REASONS, text)
    return text if found is None else _asks_words(found[0].code)


def _asks_words(code: str) -> str:
    match code:
        case "asks_guest":
            return translate("Asks", "asks the guest a question")
        case "asks_unmarked":
            return translate("Asks", "asks the guest a question, without a question mark")
        case "asks_indirectly":
            return translate("Asks", "asks the guest indirectly")
        case "asks_for":
            return translate("Asks", "asks the guest to tell or do something")
        case "elliptic_question":
            return translate("Asks", "a short question to the guest")
        case "promoted":
            return translate("Asks", "taken as a question by the operator")
        case "no_question":
            return translate("Asks", "asks nothing")
        case "exclamation":
            return translate("Asks", "an exclamation, not a question")
        case "emphasis":
            return translate("Asks", "a reaction: the question marks are emphasis")
        case "rhetorical":
            return translate("Asks", "a rhetorical question")
        case "answered_itself":
            return translate("Asks", "a question the post answers itself")
        case "to_fans":
            return translate("Asks", "asks the other fans, not the guest")
        case "to_production":
            return translate("Asks", "asks the production (the stream, the sound, a replay)")
        case "greeting":
            return translate("Asks", "a greeting formula")
        case "about_guest":
            return translate("Asks", "speaks of the guest, not to them")
        case "quoted":
            return translate("Asks", "quotes someone else's question")
        case "promotion":
            return translate("Asks", "a link or an advertisement")
        case "asks_for_answer":
            return translate("Asks", "asks for an answer, not a question")
        case "demoted":
            return translate("Asks", "not a question, said the operator")
        case _:
            raise KeyError(code)


PHRASE_GROUPS: dict[str, tuple[Phrase, ...]] = {
    "reasons": ALL_REASONS,
    "asks": ASKS_REASONS,
    "source details": (*replay.DETAILS, replay.POSITION),
    "camera details": (camera.LABEL, *camera.DETAILS),
}
