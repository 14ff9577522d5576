"""The screens' half of the composition root: starts the engine, builds the five
windows, places them, runs.

Nothing else in Blue Room creates processes, threads or windows; every part gets what
it needs from here or from ``engine/room.py`` (the engine's half). The engine (sources,
bus, journal, models) runs in its own process (``engine/process.py``); this process
keeps the camera and the screens.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from blueroom.capture.boomerang import Boomerangs
from blueroom.capture.camera import CameraCapture
from blueroom.capture.handoff import PageWords, PhotoHandoff
from blueroom.capture.latest_frame import LatestFrameSlot
from blueroom.capture.machine import MachineSampler
from blueroom.capture.microphone import Microphone
from blueroom.capture.recorder import Recorder, RecordingOptions
from blueroom.capture.still import StillCapture
from blueroom.capture.streamer import Streamer, StreamOptions, StreamStatus
from blueroom.core.broadcast_stats import DiskRule, FrameMeter
from blueroom.core.events import Event
from blueroom.core.moderation import ModerationRules
from blueroom.core.programme import ProgrammeDirector
from blueroom.core.script import ScriptError, load_script
from blueroom.engine.client import EngineClient, RoomLink
from blueroom.engine.protocol import Progress
from blueroom.engine.room import RoomError, RoomOptions
from blueroom.paths import assets
from blueroom.problems import ProblemLog
from blueroom.runtime import tune_gui_runtime
from blueroom.settings import Settings, save_moderation
from blueroom.ui.bus_pump import DecisionWake, EventPump
from blueroom.ui.fonts import register_bundled_fonts
from blueroom.ui.guest.booth_view import BoothView
from blueroom.ui.guest.first_post import FirstPostView
from blueroom.ui.guest.guest_panel import GuestPanel
from blueroom.ui.guest.sign_in import SignInCard
from blueroom.ui.guest.take_home import take_home_for
from blueroom.ui.i18n import install_translations, translate
from blueroom.ui.operator.composer import cost_warnings
from blueroom.ui.operator.console import OperatorConsole, shipped_scripts
from blueroom.ui.operator.guest_menu import attach_guest_menu
from blueroom.ui.operator.monitors import window_title
from blueroom.ui.operator.windows_menu import attach_windows_menu
from blueroom.ui.pacing import FrameClock
from blueroom.ui.placement import Plan
from blueroom.ui.programme import PhotoShelf
from blueroom.ui.recording import RecordingDesk, programme_compose
from blueroom.ui.streaming import StreamDesk, stream_compose
from blueroom.ui.walls.heatmap_wall import HeatComposerThread, HeatmapWall
from blueroom.ui.walls.questions_wall import QuestionsWall
from blueroom.ui.walls.video_wall import VideoWall
from blueroom.ui.widgets.holding import HoldingSlates
from blueroom.ui.widgets.image_loader import ImageLoader
from blueroom.ui.widgets.prepared_frames import FramePreparer, PreparedFrames
from blueroom.ui.window_keeper import WindowKeeper
from blueroom.ui.window_keeper import qt_screens as qt_screens  # for `blueroom screens`
from blueroom.workers import ErrorSink
from blueroom.x.auth import OAuthApp, TimedSession, UserToken
from blueroom.x.credentials import Secret, load_credentials, load_stream_key
from blueroom.x.guest import GuestLogin


class NoDisplayError(RoomError):
    """There is no screen to open windows on; the message says how to get one."""


@dataclass(frozen=True, slots=True)
class GuiOptions:
    kiosk: bool | None = None  # None: from the settings
    quit_after: float | None = None
    screenshots: Path | None = None
    camera: bool = True
    settings_path: Path | None = None  # where the console saves moderation rules


def display_problem(environ: dict[str, str] | os._Environ[str] = os.environ) -> str | None:
    """Why Qt would find no display here, with what to do instead; None when fine."""
    if not sys.platform.startswith("linux"):
        return None
    if environ.get("QT_QPA_PLATFORM") or environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "no display found (DISPLAY is not set). Run it on a desktop, or on a virtual"
        " screen: `xvfb-run -a -s '-screen 0 1920x1080x24' make demo`, or without"
        " any screen: `QT_QPA_PLATFORM=offscreen blueroom demo --for 10 --screenshots shots/`"
    )


def camera_device(settings: Settings) -> int | str:
    device = settings.camera.device
    return str(assets().demo_video) if device == "demo" else device


def make_camera(
    settings: Settings,
    frames: LatestFrameSlot,
    publish: Callable[[Event], int],
    on_error: ErrorSink | None = None,
) -> CameraCapture:
    device = camera_device(settings)
    real = isinstance(device, int) or (isinstance(device, str) and device.isdigit())
    return CameraCapture(
        device,
        frames,
        publish,
        width=settings.camera.width if real else None,
        height=settings.camera.height if real else None,
        fps=settings.camera.fps if real else None,
        on_error=on_error,
    )


def stream_key() -> Secret | None:
    """The stream's key, read when a stream begins (the environment, then the keyring)."""
    found = load_stream_key()
    return found.secret if found is not None else None


def rules_saver(settings_path: Path | None) -> Callable[[ModerationRules], str]:
    """Where the console's rule changes are kept beyond this session: the settings file."""

    def save(rules: ModerationRules) -> str:
        if settings_path is None:
            return translate(
                "App", "rules kept for this session (start with --settings FILE to save them)"
            )
        try:
            save_moderation(settings_path, rules)
        except (OSError, ValueError) as error:
            return translate(
                "App", "rules apply, but could not be saved to {path}: {error}"
            ).format(path=settings_path, error=error)
        return translate("App", "rules saved to {path}").format(path=settings_path)

    return save


def make_guest_login(
    settings: Settings,
    publish: Callable[[Event], int],
    on_error: ErrorSink | None = None,
    room: RoomLink | None = None,
) -> GuestLogin:
    """The guest's X login (``x/guest.py``) with the room's X app from the environment or
    the keyring; without a client id it says so and signs no one in. Each token of the
    signed-in guest goes to ``room``'s outbox (the guest's own posts), and its end."""
    creds = load_credentials()
    app = None
    if creds.client_id is not None:
        app = OAuthApp(
            creds.client_id.secret,
            creds.client_secret.secret if creds.client_secret else None,
            settings.x.api_base,
            TimedSession((3.0, 8.0)),  # a revocation at quit must not hold the room long
        )
    return GuestLogin(
        app,
        settings.x.api_base,
        host=settings.x.guest_redirect_host,
        port=settings.x.guest_redirect_port,
        publish=publish,
        on_error=on_error,
        on_token=partial(hand_guest_token, room) if room is not None else None,
    )


def hand_guest_token(room: RoomLink, handle: str, token: UserToken | None) -> None:
    """The guest's access token to the engine's outbox (never to the journal)."""
    if token is None:
        room.set_guest_account(handle, "")
        return
    room.set_guest_account(handle, token.access.reveal(), token.expires_at, token.scopes)


def make_handoff(settings: Settings, on_error: ErrorSink | None = None) -> PhotoHandoff:
    """The booth's take-home links, served on the room's network (started by ``Studio``)."""
    handoff = settings.handoff
    words = PageWords(
        title=translate("App", "Your photo"),
        save=translate("App", "Save the photo"),
        hint=translate("App", "Or touch and hold the photo to save it."),
        gone_title=translate("App", "This link has expired"),
        gone=translate(
            "App",
            "This photo link has expired or does not exist. Ask the team at the booth for a"
            " new one.",
        ),
        language=translate("App", "en"),
    )
    return PhotoHandoff(
        settings.photos_path(),
        host=handoff.host,
        port=handoff.port,
        public_host=handoff.public_host,
        link_minutes=handoff.link_minutes,
        hashtag=settings.event.hashtag,
        words=words,
        wifi_ssid=handoff.wifi_ssid,
        wifi_password=handoff.wifi_password,
        on_error=on_error,
    )


def planning_scripts(settings: Settings) -> dict[str, Path]:
    """The scripts the console's planning offers: those that ship, and the settings' own."""
    scripts = shipped_scripts()
    path = settings.session.script_path()
    if path is not None and path not in scripts.values():
        with contextlib.suppress(ScriptError):
            scripts[load_script(path).id] = path
    return scripts


def build_windows(
    room: RoomLink,
    frames: LatestFrameSlot,
    settings: Settings,
    session_label: str,
    settings_path: Path | None = None,
    problems: ProblemLog | None = None,
    guest_login: GuestLogin | None = None,
    handoff: PhotoHandoff | None = None,
    still: StillCapture | None = None,
    boomerangs: Boomerangs | None = None,
    programme: ProgrammeDirector | None = None,
    photos: PhotoShelf | None = None,
    recording: RecordingDesk | None = None,
    stream: StreamDesk | None = None,
) -> dict[str, QWidget]:
    """The five top-level windows, each given its models (views only read snapshots).

    ``problems`` collects the failures of this process's workers; the console shows
    them with the engine's. With ``guest_login``, the console has a Guest menu and the
    guest panel a sign-in card (a QR code); the session's end signs the guest out.
    ``still`` takes the booth's photos and writes the signed ones (its worker);
    ``boomerangs`` makes each photo's clip (the console's Photos tab says how it goes).
    ``still`` takes the booth's photos and writes the signed ones (its worker).
    ``programme`` says what is on air (the video wall and the recording draw it),
    ``photos`` decodes the photos sent to it; ``recording`` records it; ``stream``
    streams it (the console's Go live, the session's live step).
    """
    problems = problems or ProblemLog(None)
    event = settings.event
    frame_rate = settings.display.frame_rate
    model = room.model
    console = OperatorConsole(
        model,
        room.actions,
        session_label=session_label,
        bus_stats=room.bus_stats,
        journal_stats=room.writer_stats,
        sources=room.sources,
        problems=lambda: [*room.current_problems(), *problems.problems()],
        dropped_events=room.dropped_events,
        export_csv=room.export_csv,
        last_export=lambda: room.last_export,
        export_folder=settings.journal_path().parent,
        save_rules=rules_saver(settings_path),
        reject_reasons=settings.console.reject_reasons,
        hashtag=settings.event.hashtag,
        photos_folder=settings.photos_path(),
        post_warnings=lambda draft: cost_warnings(draft, settings.cost),
        handoff=handoff,
        kept_photos=still,
        scripts=planning_scripts(settings),
        clips=boomerangs,
        recording=recording,
        stream=stream,
    )
    heat_wall = HeatmapWall(
        model.heat,
        model.metrics,
        hashtag=event.hashtag,
        land_mask=assets().land_mask,
        frame_rate=frame_rate,
    )
    heat_wall.use_composer_thread(
        HeatComposerThread(model.heat, heat_wall.composer, on_error=problems.record_worker)
    )
    controls = console.heat_controls
    controls.paused.connect(heat_wall.set_paused)
    controls.counters.connect(heat_wall.set_show_counters)
    snapshots = settings.journal_path().parent / "snapshots"

    def save_heat_png() -> None:
        path = snapshots / time.strftime("heatmap-%Y%m%d-%H%M%S.png")
        try:
            heat_wall.save_png(path)
        except OSError as error:
            console.say(translate("App", "Snapshot failed: {error}").format(error=error))
            return
        console.say(translate("App", "Heat-map wall saved to {path}").format(path=path))

    controls.snapshot_requested.connect(save_heat_png)
    pump = EventPump(room.drain_events, frame_rate=frame_rate, parent=console)
    pump.batch.connect(console.activity.on_events)
    questions_wall = QuestionsWall(
        model.questions,
        model.metrics,
        hashtag=event.hashtag,
        guest_name=event.guest_name,
        refresh_hz=frame_rate,  # a look at the latest snapshot: on air within a frame
        session=model.session,  # the switches: the wall on or resting, the Q&A open
    )
    guest_panel = GuestPanel(
        model.session,
        frames,
        guest_name=event.guest_name,
        board=model.questions,
        actions=room.actions,
        confirm_with_operator=settings.guest.confirm_with_operator,
        frame_rate=frame_rate,  # a camera frame is taken within a frame of the screen
        booth=BoothView(
            model.booth,
            model.outbox,
            room.actions,
            save=still.submit if still is not None else None,
            shutter=still.shoot if still is not None else None,
            take_home=lambda photo: take_home_for(handoff, photo),
            hashtag=event.hashtag,
            guest_name=event.guest_name,
            clips=boomerangs is not None,
            on_problem=problems.record_note,
        ),
        cues=model.cues,
        first_post=FirstPostView(
            model.outbox,
            room.actions,
            guest_login,
            hashtag=event.hashtag,
            guest_name=event.guest_name,
            language=settings.session.language,
        ),
        streaming=stream.streaming if stream is not None else None,  # LIVE only while live
    )
    if guest_login is not None:
        card = SignInCard(guest_login, guest_panel)
        attach_guest_menu(console, guest_login, card.show_for)
        pump.batch.connect(guest_login.on_events)
    listeners = getattr(room, "decision_listeners", None)
    if listeners is not None:  # the engine's boards arrive on another thread: wake the views
        wake = DecisionWake(console)
        wake.woke.connect(questions_wall.refresh)
        wake.woke.connect(console.refresh)
        if guest_panel.picker is not None:
            wake.woke.connect(guest_panel.picker.refresh)
        listeners.append(wake.notify)
    video_wall = VideoWall(
        frames,
        model.questions,
        model.metrics,
        hashtag=event.hashtag,
        guest_name=event.guest_name,
        frame_rate=frame_rate,
        session=model.session,
        programme=programme,
        photos=photos,
    )
    pump.batch.connect(video_wall.on_events)  # a photo sent from the console's gallery
    if recording is not None:  # the console's Record button, a session step's cue
        pump.batch.connect(recording.on_events)
    if stream is not None:  # the console's Go live, the session's live step
        pump.batch.connect(stream.on_events)
        follower = QTimer(console)
        follower.timeout.connect(stream.follow)
        follower.start(250)
    return {
        "operator_console": console,
        "questions_wall": questions_wall,
        "video_wall": video_wall,
        "heatmap_wall": heat_wall,
        "guest_panel": guest_panel,
    }


def frame_preparer(
    frames: LatestFrameSlot, windows: dict[str, QWidget], on_error: ErrorSink | None = None
) -> FramePreparer:
    """One worker scales camera frames for the video wall and the mirror (started by caller)."""
    preparer = FramePreparer(frames, on_error)
    for window in windows.values():
        for name in ("prepared", "on_camera"):  # the guest panel's live step: a second size
            prepared = getattr(window, name, None)
            if isinstance(prepared, PreparedFrames):
                preparer.register(prepared)
    return preparer


def keep_windows(
    app: QGuiApplication, windows: dict[str, QWidget], settings: Settings, kiosk: bool
) -> WindowKeeper:
    """Each window on its screen (``ui/placement.py`` decides), kept there by the keeper."""
    wanted = {name: settings.screen_for(name) for name in windows}
    keeper = WindowKeeper(app, windows, wanted, kiosk=kiosk, parent=windows["operator_console"])
    keeper.place()
    return keeper


def place_windows(
    app: QGuiApplication, windows: dict[str, QWidget], settings: Settings, kiosk: bool
) -> Plan:
    return keep_windows(app, windows, settings, kiosk).plan


def grab_windows(windows: dict[str, QWidget], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, window in windows.items():
        path = folder / f"{name}.png"
        if window.grab().save(str(path)):
            written.append(path)
    return written


def run_gui(
    settings: Settings,
    room_options: RoomOptions,
    gui: GuiOptions,
    say: Callable[[str], None] = print,
) -> int:
    problem = display_problem()
    if problem is not None:
        raise NoDisplayError(problem)
    engine = EngineClient(settings, room_options)
    shown = [0.0]

    def progress(step: Progress) -> None:  # a long resume, said once a second
        now = time.monotonic()
        if now - shown[0] >= 1.0 or step.done >= step.total:
            shown[0] = now
            say(f"{step.stage}: {step.done:,} of {step.total:,} events")

    engine.start(on_progress=progress)  # before Qt: nothing of Qt crosses to the engine
    code = 1
    try:
        code = _run_windows(settings, gui, engine, say)
    finally:
        engine.stop()
        for failure in engine.current_problems()[:5]:
            say(f"{failure.where}: {failure.summary} ({failure.count}×)")
        if engine.current_problems() and engine.problems_log:
            say(f"tracebacks in {engine.problems_log}")
        for loss in engine.losses:
            say(f"journal: {loss}")
        if engine.failure:
            say(f"engine: {engine.failure}")
    return 1 if engine.losses else code


class Studio:
    """The GUI side of a running room: the windows, the camera and their helper threads.

    Built on a started engine (or an in-process room); ``start`` starts every helper
    thread and ``stop`` stops them and closes the windows. ``run_gui``, the benchmarks
    and the screenshot tool all run the room through this one class.
    """

    def __init__(
        self,
        settings: Settings,
        room: RoomLink,
        *,
        session_label: str,
        camera: bool = True,
        settings_path: Path | None = None,
        guest_x_login: bool = False,
    ) -> None:
        self._room = room
        self.guest_login_problem = ""
        self.problems = ProblemLog(settings.journal_path().parent)
        report = self.problems.record_worker
        # the guest's X login: credentials read here (environment, keyring), only for a room
        self.guest_login = (
            make_guest_login(settings, room.publish, on_error=report, room=room)
            if guest_x_login
            else None
        )
        # the photos' take-home links (the booth's done screen, the console's gallery)
        self.handoff = make_handoff(settings, on_error=report)
        self.handoff_problem = ""
        guest_login = self.guest_login
        self.frames = LatestFrameSlot()
        self.camera = (
            make_camera(settings, self.frames, room.publish, on_error=report) if camera else None
        )
        self.still = StillCapture(
            room.model.booth,
            self.frames,
            settings.photos_path(),
            room.publish,
            mirror=settings.booth.mirror_photo,
            on_error=report,
        )
        # each photo's boomerang, from the same camera frames (workers of their own)
        booth = settings.booth
        self.boomerangs = (
            Boomerangs(
                room.model.booth,
                self.frames,
                settings.photos_path(),
                room.publish,
                before=booth.clip_before_seconds,
                after=booth.clip_after_seconds,
                gif_cap_bytes=round(booth.clip_gif_max_mb * 1_000_000),
                keep=self.still.keep,
                on_error=report,
            )
            if booth.clip
            else None
        )
        if self.boomerangs is not None:
            self.still.on_shutter = self.boomerangs.shutter
        # the programme: what is on air, drawn by the video wall and by the recording
        event = settings.event
        self.programme = ProgrammeDirector(
            room.model.questions, room.model.session, hashtag=event.hashtag,
            guest_name=event.guest_name, fan=translate("VideoWall", "A fan"),
        )  # fmt: skip
        self.photos = PhotoShelf(self.programme, ImageLoader("wall-photo", on_error=report))
        self.microphone: Microphone | None = None
        self.recorder: Recorder | None = None
        self.streamer: Streamer | None = None
        desk = None
        disk: DiskRule | None = None
        stream_desk = None
        if camera:
            recording = settings.recording
            options = RecordingOptions(
                width=recording.width, height=recording.height,
                fps=float(settings.camera.fps), preset=recording.preset,
                bitrate_kbps=recording.bitrate_kbps, reserve_mb=recording.reserve_mb,
                start_mb=recording.start_mb, warn_minutes=recording.warn_minutes,
            )  # fmt: skip
            if recording.microphone:
                self.microphone = Microphone(recording.microphone, on_error=report)
            self.recorder = Recorder(
                self.frames, settings.recordings_path(),
                programme_compose(self.programme, options, self.photos), room.publish,
                options=options, microphone=self.microphone, on_error=report,
            )  # fmt: skip
            desk = RecordingDesk(self.recorder)
            audio = options.audio_kbps if self.microphone is not None else 0
            mb = 1024 * 1024
            disk = DiskRule(
                (options.bitrate_kbps + audio) * 1000 / 8, options.reserve_mb * mb,
                options.start_mb * mb, options.warn_minutes,
            )  # fmt: skip
            # the programme live: the same frames, at the stream's size, to [stream] url
            stream = settings.stream
            stream_options = StreamOptions(
                url=stream.url, width=stream.width, height=stream.height,
                fps=float(stream.fps), preset=stream.preset, bitrate_kbps=stream.bitrate_kbps,
            )  # fmt: skip
            self.streamer = Streamer(
                self.frames, stream_compose(self.programme, stream_options, self.photos),
                room.publish, options=stream_options, key=stream_key,
                microphone=self.microphone, on_state=self._stream_state, on_error=report,
            )  # fmt: skip
            stream_desk = StreamDesk(self.streamer, room.actions, room.model.session)
        self.windows = build_windows(
            room, self.frames, settings, session_label, settings_path, self.problems, guest_login,
            handoff=self.handoff, still=self.still, boomerangs=self.boomerangs,
            programme=self.programme, photos=self.photos, recording=desk, stream=stream_desk,
        )  # fmt: skip
        heat_wall = self.windows["heatmap_wall"]
        assert isinstance(heat_wall, HeatmapWall) and heat_wall.composer_thread is not None
        self._composer = heat_wall.composer_thread
        self._preparer = frame_preparer(self.frames, self.windows, on_error=report)
        self.clock = FrameClock()
        public = [self.windows[name] for name in PUBLIC_WINDOWS]
        self.slates = HoldingSlates(room.model.session, public, settings.event.hashtag)
        console = self.windows["operator_console"]
        assert isinstance(console, OperatorConsole)
        for name in PUBLIC_WINDOWS:  # the console's confidence monitors
            window = self.windows[name]
            console.monitors.watch(name, window_title(name), window, partial(_screen_of, window))
        video_wall = self.windows["video_wall"]
        assert isinstance(video_wall, VideoWall)
        # photos decoded off the GUI thread: the gallery's thumbnails, the wall's photo
        self._image_loaders = (console.gallery.thumbnails, video_wall.photos)
        # the console's broadcast statistics: the windows' paints, the outputs, the machine
        self.machine = MachineSampler(
            partial(room_processes, room), settings.recordings_path(),
            children={"engine": "parser"}, on_error=report,
        )  # fmt: skip
        watch_broadcast(console, self.windows, self.frames if camera else None, room)
        console.broadcast.watch_machine(self.machine)
        stream_set_up = self.streamer if settings.stream.url else None
        console.broadcast.watch_outputs(self.recorder, stream_set_up, disk=disk)

    def _stream_state(self, status: StreamStatus) -> None:
        """The LIVE badge is on the programme only while the stream is live."""
        self.programme.set_streaming(status.live)

    def start(self) -> None:
        for window in self.windows.values():  # one window's paint per event-loop pass
            self.clock.take(window)
        if self.camera is not None:
            self.camera.start()
        self._composer.start()
        self._preparer.start()
        self.still.start()
        if self.boomerangs is not None:
            self.boomerangs.start()
        if self.microphone is not None:
            self.microphone.start()
        if self.recorder is not None:
            self.recorder.start()
        if self.streamer is not None:
            self.streamer.start()
        if self.guest_login is not None:
            self.guest_login_problem = self.guest_login.start()
        self.handoff_problem = self.handoff.start()
        for loader in self._image_loaders:
            loader.start()
        self.machine.start()
        tune_gui_runtime()

    def stop(self) -> None:
        listeners = getattr(self._room, "decision_listeners", None)
        if listeners is not None:
            listeners.clear()
        self.clock.stop()
        self.slates.stop()
        if self.recorder is not None:  # a recording under way is closed whole
            self.recorder.stop()
        if self.streamer is not None:  # a stream under way is ended cleanly
            self.streamer.stop()
        if self.microphone is not None:
            self.microphone.stop()
        if self.camera is not None:
            self.camera.stop()
        self._composer.stop()
        self._preparer.stop()
        self.still.stop()
        if self.boomerangs is not None:
            self.boomerangs.stop()
        if self.guest_login is not None:  # the room quits: the guest's token is revoked
            self.guest_login.stop("the room quit")
        self.handoff.stop()
        for loader in self._image_loaders:
            loader.stop()
        self.machine.stop()
        for window in self.windows.values():
            window.close()
            window.deleteLater()


def _heat_frames_dropped(wall: HeatmapWall) -> int:
    return wall.frames_dropped


def _camera_frames_shed(view: VideoWall | GuestPanel) -> int:
    return view.frames_shed


def room_processes(room: RoomLink) -> dict[str, int]:
    """The room's processes: this one (the screens), and the engine's when it runs apart."""
    processes = {"screens": os.getpid()}
    engine = getattr(room, "pid", None)  # an EngineClient; an in-process room has none
    if isinstance(engine, int):
        processes["engine"] = engine
    return processes


def watch_broadcast(
    console: OperatorConsole,
    windows: dict[str, QWidget],
    camera: LatestFrameSlot | None,
    room: RoomLink,
) -> None:
    """Each window's paints to the console's statistics, with the queue that feeds it:
    the camera's frames queued for the view, the heat map's composer, the console's
    activity events."""
    for name in (*PUBLIC_WINDOWS, "operator_console"):
        window = windows[name]
        meter = getattr(window, "frame_meter", None)
        if not isinstance(meter, FrameMeter):
            continue
        dropped: Callable[[], int] | None = None
        if isinstance(window, HeatmapWall):
            dropped = partial(_heat_frames_dropped, window)
        elif isinstance(window, VideoWall | GuestPanel):
            dropped = partial(_camera_frames_shed, window)
        elif window is console:
            dropped = room.dropped_events
        console.broadcast.watch(
            name,
            meter,
            camera=camera if meter.shows_camera else None,
            dropped=dropped,
            shown=window.isVisible,
        )


# The windows the room sees: held by the panic key, watched by the console's monitors.
PUBLIC_WINDOWS = ("questions_wall", "video_wall", "heatmap_wall", "guest_panel")


def _screen_of(window: QWidget) -> str:
    screen = window.screen() if window.isVisible() else None
    return screen.name() if screen is not None else ""


def _run_windows(
    settings: Settings, gui: GuiOptions, engine: EngineClient, say: Callable[[str], None]
) -> int:
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "blueroom"])
    assert isinstance(app, QApplication)
    app.setApplicationName("Blue Room")
    app.setQuitOnLastWindowClosed(False)
    # the session's language, before any window is built: they word themselves once
    language = install_translations(settings.session.language)
    for problem in language.problems:
        say(f"language: {problem}")
    fonts = register_bundled_fonts()
    for failure in fonts.failed:
        say(f"font not loaded: {failure}")
    for message in engine.messages:
        say(message)
    if engine.resumed:
        label = translate("App", "session {id} (resumed)").format(id=engine.session_id)
    else:
        label = translate("App", "session {id}").format(id=engine.session_id)
    studio = Studio(
        settings,
        engine,
        session_label=label,
        camera=gui.camera,
        settings_path=gui.settings_path,
        guest_x_login=True,
    )
    windows = studio.windows
    kiosk = settings.display.mode == "kiosk" if gui.kiosk is None else gui.kiosk
    keeper = keep_windows(app, windows, settings, kiosk)
    plan = keeper.plan
    for message in plan.messages:
        say(message)
    for placement in plan.placements:
        mode = "full screen" if placement.fullscreen else "window"
        say(f"{placement.window}: screen '{placement.screen.name}' ({mode})")
    console = windows["operator_console"]
    assert isinstance(console, OperatorConsole)
    attach_windows_menu(console, keeper)
    console.monitors.present.connect(keeper.bring_back)
    console.closed.connect(app.quit)
    studio.start()
    if studio.guest_login_problem:
        say(f"guest's X login: {studio.guest_login_problem}")
    if studio.handoff_problem:
        say(f"photo links: {studio.handoff_problem}")
    else:
        say(f"photo links: {studio.handoff.base_url} (on this network only)")

    def finish() -> None:
        if gui.screenshots is not None:
            for path in grab_windows(windows, gui.screenshots):
                say(f"screenshot: {path}")
        app.quit()

    if gui.quit_after is not None:
        QTimer.singleShot(int(gui.quit_after * 1000), finish)
    watchdog = QTimer()
    watchdog.timeout.connect(lambda: None if engine.alive else app.quit())
    watchdog.start(200)  # also lets Python run its signal handlers
    previous = {
        sig: signal.signal(sig, lambda *_: app.quit()) for sig in (signal.SIGINT, signal.SIGTERM)
    }
    try:
        code = app.exec()
    finally:
        watchdog.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        keeper.stop()
        studio.stop()
    if not engine.alive and engine.failure:
        return 1
    return code
