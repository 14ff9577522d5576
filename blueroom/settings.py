"""Typed settings: one TOML file plus ``BLUEROOM_SECTION__KEY`` environment overrides.

Everything is validated at start; a problem is reported as one clear line naming the
file, the setting and what is wrong.
"""

from __future__ import annotations

import math
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import msgspec

from blueroom.core.booth import BoothTimings
from blueroom.core.cost import CostSettings
from blueroom.core.heatmap import MapView, view_for
from blueroom.core.moderation import ModerationRules
from blueroom.core.plan import Guest, Plan, clock_time, plan_from_script, plan_from_steps
from blueroom.core.script import Level, ScriptError, load_script
from blueroom.core.session import Step, default_script
from blueroom.paths import assets

ENV_PREFIX = "BLUEROOM_"
# The room's one language: the guest's texts and every window. [session] language sets
# it; this variable overrides it for one run ("en", "fr", or a locale name: "fr_CA.UTF-8").
LANGUAGES = ("fr", "en")
LANGUAGE_VARIABLE = "BLUEROOM_LANGUAGE"
WINDOWS = ("operator_console", "questions_wall", "video_wall", "heatmap_wall", "guest_panel")

# Sane ranges: anything outside is a typo, not a wish.
MAX_REPLAY_SPEED = 1000.0  # faster than this: "max"
CAMERA_MIN_SIDE, CAMERA_MAX_SIDE = 16, 7680  # pixels asked of a real camera (8K UHD wide)
CAMERA_MIN_FPS, CAMERA_MAX_FPS = 1, 240
MIN_FRAME_RATE, MAX_FRAME_RATE = 1, 240  # the walls' frame clock
MAX_HALF_LIFE_MINUTES = 10 * 24 * 60.0  # 10 days: anything longer is "cumulative"
MAX_CAMERA_INDEX = 9999  # OpenCV's indexes go to a few thousand (API + index)
MAX_RETENTION_DAYS = 3660  # ten years: longer is "forever" (0)


class SettingsError(Exception):
    """A settings problem, as one line for the operator."""


class _Section(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    pass


class EventSettings(_Section):
    hashtag: str = "#AskBlueRoom"
    guest_name: str = "Léa Marchand"
    guest_handle: str = "@leamarchand"
    # What else stands for the guest in a question: their company, restaurant, club or
    # band ("Voltéo recrute ?" asks what "vous recrutez ?" asks)
    guest_also: list[str] = msgspec.field(default_factory=list)
    room_handle: str = "@BlueRoomFR"

    def guest_words(self) -> tuple[str, ...]:
        """Words that, in a question, name the guest and so tell nothing apart."""
        return (*self.guest_name.split(), *(w for name in self.guest_also for w in name.split()))


class SourceSettings(_Section):
    # "none": no posts (a rehearsal); "live": X's filtered stream; "search": X's recent
    # search, polled; "+record": also writes what X sends to a recording for the replay
    kind: Literal["replay", "none", "live", "search", "live+record", "search+record"] = "replay"
    replay_file: str = ""  # empty: the embedded demo event
    speed: float | Literal["max"] = 1.0
    loop: bool = True


class CameraSettings(_Section):
    device: int | str = "demo"  # "demo": the bundled video; an index; or a file path
    width: int = 1280
    height: int = 720
    fps: int = 30


class JournalSettings(_Section):
    path: str = ""  # empty: $XDG_DATA_HOME/blueroom/journal.sqlite


class ScreenSettings(_Section):
    operator_console: int | str | None = None
    questions_wall: int | str | None = None
    video_wall: int | str | None = None
    heatmap_wall: int | str | None = None
    guest_panel: int | str | None = None


class DisplaySettings(_Section):
    mode: Literal["dev", "kiosk"] = "dev"
    frame_rate: int = 60


class SessionSettings(_Section):
    # The guest's hour as a session script (core/script.py). Empty: the six built-in steps.
    # A name that ships in assets/scripts ("musician-first-visit", "chief-executive",
    # "chef"), or the path of a TOML script of the studio's own.
    script: str = ""
    level: Literal["first-timer", "regular", "expert"] = "first-timer"
    # The room's language: the guest's texts and every window (the room is French first);
    # BLUEROOM_LANGUAGE overrides it for a run
    language: Literal["fr", "en"] = "fr"
    # The guest's home town (the map's "guest-city" cue) and interests, for the plan
    guest_city: str = ""
    interests: list[str] = msgspec.field(default_factory=list)
    # "HH:MM": when the hour is planned to start, and when the guest leaves (the hard end
    # the run-of-show re-times against); empty: started by hand, no hard end
    starts_at: str = ""
    leaves_at: str = ""

    def script_path(self) -> Path | None:
        """The script's file (None: the built-in steps)."""
        name = self.script.strip()
        if not name:
            return None
        shipped = assets().scripts / f"{name}.toml"
        return shipped if shipped.exists() else Path(name).expanduser()

    def steps(self, event: EventSettings) -> tuple[Step, ...]:
        """The hour's steps for this guest, in their language (raises ``ScriptError``)."""
        path = self.script_path()
        if path is None:
            return default_script(event.guest_name, event.hashtag, self.language)
        script = load_script(path)
        first_name = event.guest_name.split()[0] if event.guest_name.strip() else ""
        return script.steps(
            Level(self.level),
            self.language,
            first_name=first_name,
            guest=event.guest_name,
            hashtag=event.hashtag,
        )

    def plan(self, event: EventSettings, now: float) -> Plan:
        """The session's first plan: this guest, this script, as written (raises
        ``ScriptError``); the times of day on ``now``'s day."""
        guest = Guest(
            name=event.guest_name,
            handle=event.guest_handle,
            level=self.level,
            language=self.language,
            interests=tuple(i.strip() for i in self.interests if i.strip()),
            city=self.guest_city.strip(),
        )
        starts_at = _time_of_day(self.starts_at, now)
        hard_end = _time_of_day(self.leaves_at, starts_at or now)
        path = self.script_path()
        if path is None:
            plan = plan_from_steps(self.steps(event), guest, hashtag=event.hashtag)
            return msgspec.structs.replace(plan, hard_end=hard_end, starts_at=starts_at)
        return plan_from_script(
            load_script(path), guest, hashtag=event.hashtag, hard_end=hard_end, starts_at=starts_at
        )


_HH_MM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def _time_of_day(said: str, now: float) -> float:
    """ "18:30" on ``now``'s day (0.0 for "")."""
    found = _HH_MM.match(said.strip())
    return clock_time(int(found.group(1)), int(found.group(2)), now) if found else 0.0


class ConsoleSettings(_Section):
    # The reasons R offers, one key each; empty: the presets (off topic, already
    # answered, offensive, spam or promotion, too personal, not for the guest)
    reject_reasons: list[str] = msgspec.field(default_factory=list)


class GuestSettings(_Section):
    # true: the guest's pick goes to the operator's preview, taken on air with T
    confirm_with_operator: bool = False


class HeatmapSettings(_Section):
    half_life_minutes: float = 10.0
    preset: str = "world"  # world, europe, france, paris or custom
    custom_box: list[float] = []  # west, south, east, north (for preset = "custom")
    # profile locations: these countries win a tie between namesakes ("Orleans")
    prefer_countries: list[str] = msgspec.field(default_factory=lambda: ["FR"])
    geocode_profiles: bool = True  # place posts by their authors' profile location

    def view(self) -> MapView:
        return view_for(self.preset, tuple(self.custom_box) if self.custom_box else None)  # type: ignore[arg-type]


class XSettings(_Section):
    # Where the X API is: X itself, or a stand-in server (tests, rehearsals, benchmarks).
    # Secrets are never settings: they come from the environment or the system keyring.
    api_base: str = "https://api.x.com"
    # Where X sends the guest back after they sign in (the room's own little web server):
    # the callback http://HOST:PORT/callback, registered as is in the X app. 127.0.0.1
    # for a login on this machine; this machine's LAN address for the guest's phone (QR).
    guest_redirect_host: str = "127.0.0.1"
    guest_redirect_port: int = 8737
    # Stream rules on the app that are not the room's (another event's, untagged): listed
    # on the console, and removed at start only when this says so.
    remove_foreign_rules: bool = False
    stall_seconds: float = 21.0  # a stream silent this long (no keep-alive) is reopened
    search_every_seconds: float = 5.0  # source.kind = "search": at least this between polls
    record_dir: str = ""  # "+record" kinds: empty = "recordings" beside the journal


class PrivacySettings(_Section):
    # Days a finished session keeps its fans' posts, names and handles in the journal;
    # after that the room (at start) or `blueroom purge` keeps its figures only. 0: forever.
    retention_days: int = 30


class OutboxSettings(_Section):
    # true: a rehearsal: everything runs, nothing is posted (entries marked "rehearsal")
    rehearsal: bool = False
    first_retry_seconds: float = 5.0  # after a transient failure, doubling...
    longest_retry_seconds: float = 300.0  # ...up to this
    max_attempts: int = 8  # tries in a row before a person is asked
    check_after_seconds: float = 15.0  # an unknown outcome: the account is read after this
    photos_folder: str = ""  # where the composer's photo picker opens; empty: the session's


class HandoffSettings(_Section):
    # The booth's take-home links: a little web server on the room's own network
    host: str = "0.0.0.0"  # where it listens ("0.0.0.0": every network of this machine)
    port: int = 8738
    public_host: str = ""  # how phones reach this machine; empty: its LAN address
    link_minutes: float = 60.0  # a photo's link works this long
    # The room's guest Wi-Fi, offered as a QR code beside the photo's (phones are often on
    # cellular): not the room's secret, but never logged or shown by `blueroom settings`
    wifi_ssid: str = ""
    wifi_password: str = ""


class BoothSettings(_Section):
    """The mirror's photo booth: seconds per step, and how the photo is taken."""

    countdown: float = 3.0  # the 3-2-1 before the shutter
    capture_seconds: float = 5.0  # the longest wait for the camera's photo
    preview_seconds: float = 60.0  # posing without shooting: back to attract
    review_seconds: float = 45.0
    sign_seconds: float = 45.0  # the signing time-box (Skip is always there)
    finish_seconds: float = 60.0
    share_seconds: float = 60.0  # no answer: saved, never posted
    done_seconds: float = 30.0
    one_moment_seconds: float = 4.0
    mirror_photo: bool = False  # true: the photo mirrored like the preview
    # The boomerang beside each photo (<id>-clip.mp4 and .gif): the seconds of camera kept
    # before and after the shutter, played forward then backward; the GIF's size cap
    clip: bool = True
    clip_before_seconds: float = 1.0
    clip_after_seconds: float = 1.0
    clip_gif_max_mb: float = 4.0

    def timings(self) -> BoothTimings:
        return BoothTimings(
            countdown=self.countdown,
            capture=self.capture_seconds,
            preview=self.preview_seconds,
            review=self.review_seconds,
            sign=self.sign_seconds,
            finish=self.finish_seconds,
            share=self.share_seconds,
            done=self.done_seconds,
            one_moment=self.one_moment_seconds,
        )

    def problems(self) -> list[str]:
        said = []
        if not 1.0 <= self.countdown <= 10.0:
            said.append(f"booth.countdown must be 1 to 10 seconds, not {self.countdown}")
        for name, value in msgspec.structs.asdict(self.timings()).items():
            if name != "countdown" and not 1.0 <= value <= 3600.0:
                said.append(f"booth.{name}_seconds must be 1 to 3600 seconds, not {value}")
        for name, value in (
            ("clip_before_seconds", self.clip_before_seconds),
            ("clip_after_seconds", self.clip_after_seconds),
        ):
            if not 0.2 <= value <= 3.0:
                said.append(f"booth.{name} must be 0.2 to 3 seconds, not {value}")
        if not 0.5 <= self.clip_gif_max_mb <= 15.0:
            said.append(
                f"booth.clip_gif_max_mb must be 0.5 to 15 (X takes GIFs up to 15 MB),"
                f" not {self.clip_gif_max_mb}"
            )
        return said


class RecordingSettings(_Section):
    """The programme's recording: H.264 + AAC in a fragmented MP4 (a crash loses at most
    half a second)."""

    # benchmarks/programme.py (2026-12-06, a busy machine): decode → compose → encode at
    # 1080p costs ~1.0 CPU second per second of video with ultrafast, ~1.8 with veryfast:
    # veryfast does not fit two cores beside the room, ultrafast does
    width: int = 1920
    height: int = 1080
    preset: Literal["ultrafast", "superfast", "veryfast", "faster", "fast", "medium"] = "ultrafast"
    bitrate_kbps: int = 6000
    # "pulse:default", "alsa:hw:1,0" (PyAV's capture inputs), a sound file (a rehearsal),
    # or "" for no sound
    microphone: str = ""
    folder: str = ""  # empty: "videos" beside the journal
    reserve_mb: int = 500  # the recording stops below this much free disk
    start_mb: int = 1000  # ...and does not start below this
    warn_minutes: float = 10.0  # the console warns when this little recording time is left

    def problems(self) -> list[str]:
        if self.width % 2 or self.height % 2:
            return [f"recording.width and height must be even, not {self.width}x{self.height}"]
        if self.start_mb < self.reserve_mb:
            return ["recording.start_mb must be at least recording.reserve_mb"]
        return []


class StreamSettings(_Section):
    """Going live: the programme streamed to an RTMP(S) server (X's Media Studio
    Producer, YouTube, any). The stream key is a secret: BLUEROOM_STREAM_KEY in the
    environment or the system keyring (service "blueroom"), never in this file."""

    url: str = ""  # "rtmp://a.rtmp.youtube.com/live2", "rtmps://…:443/x"; empty: no stream
    width: int = 1280
    height: int = 720
    fps: int = 30
    # benchmarks/stream.py: 1080p veryfast does not keep up on two cores; 720p ultrafast
    # costs about as much as the 1080p recording's ultrafast, and both share the decoding
    preset: Literal["ultrafast", "superfast", "veryfast", "faster", "fast", "medium"] = "ultrafast"
    bitrate_kbps: int = 4500

    def problems(self) -> list[str]:
        said = []
        url = self.url.strip()
        if url and not url.lower().startswith(("rtmp://", "rtmps://")):
            said.append(
                f"stream.url must begin with rtmp:// or rtmps://, not {url.split(':')[0]!r}"
            )
        elif url and not url.split("://", 1)[1].strip("/").count("/") + 1 >= 2:
            said.append(
                'stream.url names a server and an application, like "rtmp://host/live"'
                " (the key apart)"
            )
        if self.width % 2 or self.height % 2:
            said.append(f"stream.width and height must be even, not {self.width}x{self.height}")
        return said


class Settings(_Section):
    event: EventSettings = msgspec.field(default_factory=EventSettings)
    source: SourceSettings = msgspec.field(default_factory=SourceSettings)
    camera: CameraSettings = msgspec.field(default_factory=CameraSettings)
    journal: JournalSettings = msgspec.field(default_factory=JournalSettings)
    screens: ScreenSettings = msgspec.field(default_factory=ScreenSettings)
    display: DisplaySettings = msgspec.field(default_factory=DisplaySettings)
    heatmap: HeatmapSettings = msgspec.field(default_factory=HeatmapSettings)
    guest: GuestSettings = msgspec.field(default_factory=GuestSettings)
    console: ConsoleSettings = msgspec.field(default_factory=ConsoleSettings)
    session: SessionSettings = msgspec.field(default_factory=SessionSettings)
    moderation: ModerationRules = msgspec.field(default_factory=ModerationRules)
    x: XSettings = msgspec.field(default_factory=XSettings)
    cost: CostSettings = msgspec.field(default_factory=CostSettings)
    privacy: PrivacySettings = msgspec.field(default_factory=PrivacySettings)
    outbox: OutboxSettings = msgspec.field(default_factory=OutboxSettings)
    handoff: HandoffSettings = msgspec.field(default_factory=HandoffSettings)
    booth: BoothSettings = msgspec.field(default_factory=BoothSettings)
    recording: RecordingSettings = msgspec.field(default_factory=RecordingSettings)
    stream: StreamSettings = msgspec.field(default_factory=StreamSettings)

    @property
    def replay_speed(self) -> float | None:
        return None if self.source.speed == "max" else float(self.source.speed)

    def journal_path(self) -> Path:
        if self.journal.path:
            return Path(self.journal.path).expanduser()
        base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        return Path(base) / "blueroom" / "journal.sqlite"

    def photos_path(self) -> Path:
        """Where the mirror's photos are written and the composer's photo picker opens."""
        if self.outbox.photos_folder:
            return Path(self.outbox.photos_folder).expanduser()
        return self.journal_path().parent / "photos"

    def recordings_path(self) -> Path:
        """Where the programme's recordings are written (and listed from)."""
        if self.recording.folder:
            return Path(self.recording.folder).expanduser()
        return self.journal_path().parent / "videos"

    def screen_for(self, window: str) -> int | str | None:
        value: int | str | None = getattr(self.screens, window)
        return value


@dataclass(frozen=True, slots=True)
class _Range:
    """The numbers a setting allows, and how to say so."""

    low: float
    high: float
    whole: bool  # an integer (a float, even 720.0, is refused: msgspec would)
    allowed: str  # "must be ..."

    def allows(self, value: object) -> bool:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return False
        if self.whole and not isinstance(value, int):
            return False
        if not math.isfinite(value):
            return False
        if self.whole:
            return self.low <= value <= self.high
        return self.low < value <= self.high  # a float's low end is open: above 0


def _whole(low: int, high: int) -> _Range:
    return _Range(low, high, True, f"a whole number from {low} to {high}")


RANGES: dict[tuple[str, str], _Range] = {
    ("source", "speed"): _Range(
        0.0, MAX_REPLAY_SPEED, False, f'a positive number up to {MAX_REPLAY_SPEED:g} or "max"'
    ),
    ("camera", "width"): _whole(CAMERA_MIN_SIDE, CAMERA_MAX_SIDE),
    ("camera", "height"): _whole(CAMERA_MIN_SIDE, CAMERA_MAX_SIDE),
    ("camera", "fps"): _whole(CAMERA_MIN_FPS, CAMERA_MAX_FPS),
    ("display", "frame_rate"): _whole(MIN_FRAME_RATE, MAX_FRAME_RATE),
    ("privacy", "retention_days"): _Range(
        0,
        MAX_RETENTION_DAYS,
        True,
        f"a whole number of days from 0 (forever) to {MAX_RETENTION_DAYS}",
    ),
    ("x", "guest_redirect_port"): _whole(0, 65535),
    ("recording", "width"): _whole(160, 3840),
    ("recording", "height"): _whole(90, 2160),
    ("recording", "bitrate_kbps"): _whole(200, 100_000),
    ("recording", "reserve_mb"): _whole(0, 1_000_000),
    ("recording", "start_mb"): _whole(0, 1_000_000),
    ("recording", "warn_minutes"): _Range(
        0.0, 600.0, False, "a number of minutes above 0, at most 600"
    ),
    ("stream", "width"): _whole(160, 3840),
    ("stream", "height"): _whole(90, 2160),
    ("stream", "fps"): _whole(1, 60),
    ("stream", "bitrate_kbps"): _whole(200, 50_000),
    ("handoff", "port"): _whole(0, 65535),
    ("handoff", "link_minutes"): _Range(
        0.0, 7 * 24 * 60.0, False, "a number of minutes above 0, at most 10080 (a week)"
    ),
    ("x", "stall_seconds"): _Range(0.0, 300.0, False, "a number of seconds above 0, at most 300"),
    ("x", "search_every_seconds"): _Range(
        0.0, 3600.0, False, "a number of seconds above 0, at most 3600"
    ),
    ("outbox", "first_retry_seconds"): _Range(
        0.0, 3600.0, False, "a number above 0 and at most 3600"
    ),
    ("outbox", "longest_retry_seconds"): _Range(
        0.0, 86400.0, False, "a number above 0 and at most 86400 (a day)"
    ),
    ("outbox", "max_attempts"): _whole(1, 100),
    ("outbox", "check_after_seconds"): _Range(
        0.0, 3600.0, False, "a number above 0 and at most 3600"
    ),
    ("heatmap", "half_life_minutes"): _Range(
        0.0,
        MAX_HALF_LIFE_MINUTES,
        False,
        f"a number above 0 and at most {MAX_HALF_LIFE_MINUTES:g} (10 days)",
    ),
}
DEVICE_ALLOWED = f'"demo", a camera index (0 to {MAX_CAMERA_INDEX}) or a video file'


def _value_problems(data: dict[str, Any], from_env: Mapping[tuple[str, str], str]) -> list[str]:
    """Out-of-range numbers and an empty device, named with the value found.

    Checked on the values as read (before typing), so a float where a whole number is
    wanted, a NaN or a word where a number is wanted are said the same clear way.
    Normalises ``source.speed`` "MAX" (any case) to "max" in ``data``.
    """
    problems: list[str] = []

    def bad(section: str, key: str, allowed: str, value: object) -> None:
        variable = from_env.get((section, key))
        name = f"{section}.{key}" + (f" (from {variable})" if variable else "")
        problems.append(f"{name} must be {allowed}, not {value!r}")

    for (section, key), rule in RANGES.items():
        table = data.get(section)
        if not isinstance(table, dict) or key not in table:
            continue
        value = table[key]
        is_speed = (section, key) == ("source", "speed")
        if is_speed and isinstance(value, str) and value.strip().lower() == "max":
            table[key] = "max"
            continue
        if not rule.allows(value):
            bad(section, key, rule.allowed, value)
    camera = data.get("camera")
    if isinstance(camera, dict) and "device" in camera:
        device = camera["device"]
        if (isinstance(device, str) and not device.strip()) or (
            isinstance(device, int)
            and not isinstance(device, bool)
            and not 0 <= device <= MAX_CAMERA_INDEX
        ):
            bad("camera", "device", DEVICE_ALLOWED, device)
    return problems


def _env_value(text: str) -> Any:
    try:
        return tomllib.loads(f"v = {text}")["v"]
    except tomllib.TOMLDecodeError:
        return text


def _overrides(
    environ: Mapping[str, str],
) -> tuple[dict[str, dict[str, Any]], dict[tuple[str, str], str]]:
    """The settings the environment sets, and which variable set each."""
    found: dict[str, dict[str, Any]] = {}
    variables: dict[tuple[str, str], str] = {}
    for name, value in environ.items():
        if not name.startswith(ENV_PREFIX) or "__" not in name:
            continue
        section, _, key = name[len(ENV_PREFIX) :].lower().partition("__")
        found.setdefault(section, {})[key] = _env_value(value)
        variables[section, key] = name
    return found, variables


def language_code(name: str) -> str:
    """ "fr", "fr_FR", "fr-CA", "fr_FR.UTF-8" → "fr"."""
    return re.split(r"[-_.@]", name.strip(), maxsplit=1)[0].lower()


def _language_override(environ: Mapping[str, str]) -> str | None:
    """``BLUEROOM_LANGUAGE``'s language, if set (one of :data:`LANGUAGES` or said so)."""
    wanted = environ.get(LANGUAGE_VARIABLE, "").strip()
    if not wanted:
        return None
    code = language_code(wanted)
    if code not in LANGUAGES:
        raise SettingsError(
            f"{LANGUAGE_VARIABLE} must be one of {', '.join(LANGUAGES)}, not {wanted!r}"
        )
    return code


def _check(settings: Settings, origin: str) -> Settings:
    problems: list[str] = []
    try:
        settings.heatmap.view()
    except ValueError as error:
        problems.append(f"heatmap: {error}")
    tag = settings.event.hashtag.strip()
    if not tag.lstrip("#") or any(c.isspace() for c in tag):
        problems.append("event.hashtag must be one word, like #AskBlueRoom")
    if len(settings.console.reject_reasons) > 9 or any(
        not reason.strip() or len(reason) > 80 for reason in settings.console.reject_reasons
    ):
        problems.append("console.reject_reasons holds at most 9 reasons of 1 to 80 characters")
    if any(not name.strip() or len(name) > 80 for name in settings.event.guest_also):
        problems.append('event.guest_also holds names of 1 to 80 characters, like ["Voltéo"]')
    problems += settings.cost.problems()
    problems += settings.booth.problems()
    problems += settings.recording.problems()
    problems += settings.stream.problems()
    try:
        if not settings.session.steps(settings.event):
            problems.append(f"session.script has no segment for a {settings.session.level} guest")
    except ScriptError as error:
        problems.append(f"session.script: {error}")
    for key in ("starts_at", "leaves_at"):
        said = getattr(settings.session, key)
        if said.strip() and not _HH_MM.match(said.strip()):
            problems.append(f'session.{key} must be a time of day like "18:30", not {said!r}')
    if settings.outbox.longest_retry_seconds < settings.outbox.first_retry_seconds:
        problems.append("outbox.longest_retry_seconds must be at least outbox.first_retry_seconds")
    if problems:
        raise SettingsError(f"{origin}: " + "; ".join(problems))
    if not tag.startswith("#"):
        settings = msgspec.structs.replace(
            settings, event=msgspec.structs.replace(settings.event, hashtag="#" + tag)
        )
    return settings


def load_settings(path: Path | None = None, environ: Mapping[str, str] | None = None) -> Settings:
    """Read, merge and validate; raise :class:`SettingsError` with one clear line."""
    environ = os.environ if environ is None else environ
    data: dict[str, Any] = {}
    origin = "default settings"
    if path is not None:
        origin = str(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise SettingsError(f"{path}: settings file not found") from None
        except IsADirectoryError:
            raise SettingsError(f"{path}: is a folder, not a settings file") from None
        except UnicodeDecodeError:
            raise SettingsError(f"{path}: not a text file (expected TOML)") from None
        except tomllib.TOMLDecodeError as error:
            raise SettingsError(f"{path}: not valid TOML: {error}") from None
        except OSError as error:
            raise SettingsError(f"{path}: cannot read: {error.strerror}") from None
        secret = _secret_in(data)
        if secret:
            raise SettingsError(
                f"{path}: {secret} looks like a secret, and secrets never go in a settings file:"
                " set it in the environment (BLUEROOM_X_BEARER_TOKEN, BLUEROOM_STREAM_KEY, ...)"
                " or the system keyring"
                ' (service "blueroom"); see the README\'s X API section'
            )
    overrides, from_env = _overrides(environ)
    language = _language_override(environ)
    if language is not None:
        overrides.setdefault("session", {})["language"] = language
        from_env["session", "language"] = LANGUAGE_VARIABLE
    if overrides:
        origin += " + environment"
        for section, values in overrides.items():
            existing = data.get(section)
            if existing is not None and not isinstance(existing, dict):
                raise SettingsError(f"{origin}: [{section}] must be a table")
            data[section] = {**(existing or {}), **values}
    problems = _value_problems(data, from_env)
    if problems:
        raise SettingsError(f"{origin}: " + "; ".join(problems))
    try:
        settings = msgspec.convert(data, Settings, strict=True)
    except msgspec.ValidationError as error:
        raise SettingsError(f"{origin}: {_explain(str(error))}") from None
    return _check(settings, origin)


_SECRET_KEY = re.compile(
    r"token|secret|password|passwd|bearer|api_?key|consumer_?key|access_?key|credential"
    r"|stream_?key|^key$",
    re.I,
)
# Settings a secret-looking name is allowed for: the guest Wi-Fi's password is shown to
# every guest as a QR code (still never logged, nor shown by `blueroom settings`).
NOT_SECRETS = frozenset({"[handoff] wifi_password"})
_TOKEN_CHARS = re.compile(r"^[A-Za-z0-9_\-%:=+.~]{32,}$")


def _looks_like_token(value: str) -> bool:
    """A long unbroken run of letters, digits and token punctuation, mixing cases and
    digits (an X bearer token, an OAuth key or secret); paths and URLs have slashes."""
    text = value.strip()
    if text.startswith("AAAAAAAAAAAAAAAAAAAA"):  # how X's app bearer tokens begin
        return True
    return (
        _TOKEN_CHARS.match(text) is not None
        and any(c.isupper() for c in text)
        and any(c.islower() for c in text)
        and any(c.isdigit() for c in text)
    )


def _secret_in(data: Any, where: str = "") -> str:
    """The first setting in a file's data that names or holds a secret ("" when none),
    said by its place ("[x] bearer_token"), never by its value."""
    if isinstance(data, dict):
        for key, value in data.items():
            place = (
                f"[{key}]" if not where else f"{where} {key}" if "]" in where else f"{where}.{key}"
            )
            if place in NOT_SECRETS:
                continue
            if isinstance(value, str) and value.strip() and _SECRET_KEY.search(str(key)):
                return place
            found = _secret_in(value, place)
            if found:
                return found
    elif isinstance(data, list):
        for item in data:
            found = _secret_in(item, where)
            if found:
                return found
    elif isinstance(data, str) and _looks_like_token(data):
        return where or "a value"
    return ""


_AT = re.compile(r"^(?P<what>.*?) - at `\$\.(?P<path>[\w.]+)`$")
_BAD_CHOICE = re.compile(r"^Invalid enum value (?P<value>.*)$")
_UNKNOWN = re.compile(
    r"^Object contains unknown field `(?P<name>\w+)`(?: - at `\$\.(?P<path>[\w.]+)`)?$"
)


def _explain(message: str) -> str:
    """msgspec's message as a person reads it: the setting, what it may be, what it is."""
    unknown = _UNKNOWN.match(message)
    if unknown is not None:
        section = unknown["path"]
        where = f"[{section}]" if section else "the file"
        names = _field_names(section.split(".") if section else [])
        return f"{where} has no setting {unknown['name']!r} (known: {', '.join(names)})"
    located = _AT.match(message)
    if located is None:
        return message.replace("- at `$`", "").strip()
    path, what = located["path"], located["what"]
    choice = _BAD_CHOICE.match(what)
    choices = _choices(path.split("."))
    if choice is not None and choices:
        listed = ", ".join(f'"{c}"' for c in choices)
        return f"{path} must be one of {listed}, not {choice['value']}"
    return f"{path}: {what}"


def _field_type(path: list[str]) -> msgspec.inspect.Type | None:
    info: msgspec.inspect.Type = msgspec.inspect.type_info(Settings)
    for name in path:
        if not isinstance(info, msgspec.inspect.StructType):
            return None
        found = next((f.type for f in info.fields if f.name == name), None)
        if found is None:
            return None
        info = found
    return info


def _choices(path: list[str]) -> list[str]:
    info = _field_type(path)
    if isinstance(info, msgspec.inspect.LiteralType):
        return [str(value) for value in info.values]
    if isinstance(info, msgspec.inspect.EnumType):
        return [str(member.value) for member in info.cls]
    return []


def _field_names(path: list[str]) -> list[str]:
    info = _field_type(path)
    if isinstance(info, msgspec.inspect.StructType):
        return [f.name for f in info.fields]
    return []


def _toml_table(name: str, values: dict[str, Any]) -> str:
    # JSON strings, numbers, booleans and arrays of them are valid TOML values.
    lines = [f"[{name}]"]
    lines += [f"{key} = {msgspec.json.encode(value).decode()}" for key, value in values.items()]
    return "\n".join(lines) + "\n"


def save_moderation(path: Path, rules: ModerationRules) -> None:
    """Write the rules as the file's ``[moderation]`` table, keeping the rest of the file.

    Written to a temporary file and renamed, so a crash never leaves half a file.
    """
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    table = _toml_table("moderation", msgspec.to_builtins(rules))
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.strip() == "[moderation]"), None)
    if start is None:
        separator = (
            "" if not text or text.endswith("\n\n") else ("\n" if text.endswith("\n") else "\n\n")
        )
        new_text = text + separator + table
    else:
        end = next(
            (i for i in range(start + 1, len(lines)) if lines[i].lstrip().startswith("[")),
            len(lines),
        )
        new_text = "".join(lines[:start]) + table + ("\n" if end < len(lines) else "")
        new_text += "".join(lines[end:])
    tomllib.loads(new_text)  # never write a file the next start could not read
    temporary = path.with_name(f".{path.name}.saving")
    temporary.write_text(new_text, encoding="utf-8")
    temporary.replace(path)


def describe(settings: Settings, environ: Mapping[str, str] | None = None) -> str:
    """The effective settings as TOML-like text, for ``blueroom settings``; a setting an
    environment variable of its own overrides says so."""
    environ = os.environ if environ is None else environ
    lines: list[str] = []
    for section, values in msgspec.to_builtins(settings).items():
        lines.append(f"[{section}]")
        for key, value in values.items():
            if f"[{section}] {key}" in NOT_SECRETS and value:
                value = "(set, not shown)"
            line = f"{key} = {msgspec.json.encode(value).decode()}"
            if (section, key) == ("session", "language") and environ.get(LANGUAGE_VARIABLE, ""):
                line += f"  # {LANGUAGE_VARIABLE} for this run: the guest's texts and every window"
            elif (section, key) == ("session", "language"):
                line += "  # the guest's texts and every window"
            lines.append(line)
        lines.append("")
    return "\n".join(lines)
