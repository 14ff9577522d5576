"""Typed settings: one TOML file plus ``BLUEROOM_SECTION__KEY`` environment overrides.

Everything is validated at start; a problem is reported as one clear line naming the
file, the setting and what is wrong.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import msgspec

from blueroom.core.heatmap import MapView, view_for
from blueroom.core.moderation import ModerationRules

ENV_PREFIX = "BLUEROOM_"
WINDOWS = ("operator_console", "questions_wall", "video_wall", "heatmap_wall", "guest_panel")


class SettingsError(Exception):
    """A settings problem, as one line for the operator."""


class _Section(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    pass


class EventSettings(_Section):
    hashtag: str = "#AskBlueRoom"
    guest_name: str = "Léa Marchand"
    guest_handle: str = "@leamarchand"
    room_handle: str = "@BlueRoomFR"


class SourceSettings(_Section):
    kind: Literal["replay"] = "replay"
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


class Settings(_Section):
    event: EventSettings = msgspec.field(default_factory=EventSettings)
    source: SourceSettings = msgspec.field(default_factory=SourceSettings)
    camera: CameraSettings = msgspec.field(default_factory=CameraSettings)
    journal: JournalSettings = msgspec.field(default_factory=JournalSettings)
    screens: ScreenSettings = msgspec.field(default_factory=ScreenSettings)
    display: DisplaySettings = msgspec.field(default_factory=DisplaySettings)
    heatmap: HeatmapSettings = msgspec.field(default_factory=HeatmapSettings)
    guest: GuestSettings = msgspec.field(default_factory=GuestSettings)
    moderation: ModerationRules = msgspec.field(default_factory=ModerationRules)

    @property
    def replay_speed(self) -> float | None:
        return None if self.source.speed == "max" else float(self.source.speed)

    def journal_path(self) -> Path:
        if self.journal.path:
            return Path(self.journal.path).expanduser()
        base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        return Path(base) / "blueroom" / "journal.sqlite"

    def screen_for(self, window: str) -> int | str | None:
        value: int | str | None = getattr(self.screens, window)
        return value


def _env_value(text: str) -> Any:
    try:
        return tomllib.loads(f"v = {text}")["v"]
    except tomllib.TOMLDecodeError:
        return text


def _overrides(environ: Mapping[str, str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for name, value in environ.items():
        if not name.startswith(ENV_PREFIX) or "__" not in name:
            continue
        section, _, key = name[len(ENV_PREFIX) :].lower().partition("__")
        found.setdefault(section, {})[key] = _env_value(value)
    return found


def _check(settings: Settings, origin: str) -> Settings:
    problems: list[str] = []
    if settings.source.speed != "max" and not float(settings.source.speed) > 0:
        problems.append('source.speed must be a positive number or "max"')
    if not 1 <= settings.display.frame_rate <= 240:
        problems.append("display.frame_rate must be between 1 and 240")
    if not 1 <= settings.camera.fps <= 240:
        problems.append("camera.fps must be between 1 and 240")
    if settings.camera.width < 16 or settings.camera.height < 16:
        problems.append("camera.width and camera.height must be at least 16")
    if isinstance(settings.camera.device, int) and settings.camera.device < 0:
        problems.append('camera.device must be a camera index (0, 1, ...), a file or "demo"')
    if not settings.heatmap.half_life_minutes > 0:
        problems.append("heatmap.half_life_minutes must be positive")
    try:
        settings.heatmap.view()
    except ValueError as error:
        problems.append(f"heatmap: {error}")
    tag = settings.event.hashtag.strip()
    if not tag.lstrip("#") or any(c.isspace() for c in tag):
        problems.append("event.hashtag must be one word, like #AskBlueRoom")
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
    overrides = _overrides(environ)
    if overrides:
        origin += " + environment"
        for section, values in overrides.items():
            existing = data.get(section)
            if existing is not None and not isinstance(existing, dict):
                raise SettingsError(f"{origin}: [{section}] must be a table")
            data[section] = {**(existing or {}), **values}
    try:
        settings = msgspec.convert(data, Settings, strict=True)
    except msgspec.ValidationError as error:
        message = str(error).replace("`$.", "`").replace("- at `$`", "")
        raise SettingsError(f"{origin}: {message}") from None
    return _check(settings, origin)


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


def describe(settings: Settings) -> str:
    """The effective settings as TOML-like text, for ``blueroom settings``."""
    lines: list[str] = []
    for section, values in msgspec.to_builtins(settings).items():
        lines.append(f"[{section}]")
        for key, value in values.items():
            lines.append(f"{key} = {msgspec.json.encode(value).decode()}")
        lines.append("")
    return "\n".join(lines)
