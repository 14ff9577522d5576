"""A real RTMP server on loopback for the tests and the benchmark: Debian's nginx with
its RTMP module (``apt-get install nginx libnginx-mod-rtmp``; CI installs them), run as
a child process with its configuration, logs and pid in a folder of the test's own.

It takes a stream published to ``rtmp://127.0.0.1:PORT/live`` with the key ``KEY``
(nginx-rtmp's ``on_publish`` asks nginx's own HTTP side, which accepts this key only)
and plays it back to anyone at ``rtmp://127.0.0.1:PORT/live/KEY``. ``kill`` and
``start`` again on the same port make a server that vanishes and returns.
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path
from types import TracebackType

KEY = "TestStreamKey-7f3a9c"  # the only key the server accepts
MODULE_PLACES = (
    "/usr/lib/nginx/modules/ngx_rtmp_module.so",
    "/usr/lib64/nginx/modules/ngx_rtmp_module.so",
    "/usr/share/nginx/modules/ngx_rtmp_module.so",
)
INSTALL = "apt-get install -y nginx libnginx-mod-rtmp"


class NoRtmpServer(RuntimeError):
    """nginx or its RTMP module is missing: the tests say how to install them."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def nginx_and_module() -> tuple[str, str]:
    nginx = shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/bin/nginx") if Path(p).is_file()), None
    )
    module = next((p for p in MODULE_PLACES if Path(p).is_file()), None)
    if nginx is None or module is None:
        missing = "nginx" if nginx is None else "nginx's RTMP module"
        raise NoRtmpServer(f"{missing} is not installed: the stream tests need it ({INSTALL})")
    return nginx, module


CONFIG = """\
load_module {module};
daemon off;
master_process off;
worker_processes 1;
error_log {folder}/error.log info;
pid {folder}/nginx.pid;
events {{ worker_connections 128; }}
http {{
    access_log off;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    server {{
        listen 127.0.0.1:{http_port};
        location = /publish {{
            if ($arg_name = "{key}") {{ return 204; }}
            return 403;
        }}
    }}
}}
rtmp {{
    server {{
        listen 127.0.0.1:{port};
        ping 10s;
        application live {{
            live on;
            record off;
            notify_method get;
            on_publish http://127.0.0.1:{http_port}/publish;
        }}
    }}
}}
"""


class RtmpServer:
    """nginx-rtmp on ``port`` (a free one by default), its files under ``folder``."""

    def __init__(self, folder: Path, port: int | None = None) -> None:
        self.nginx, self.module = nginx_and_module()
        self.folder = folder
        self.folder.mkdir(parents=True, exist_ok=True)
        self.port = port or free_port()
        self.http_port = free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.config = folder / "nginx.conf"
        self.config.write_text(
            CONFIG.format(
                module=self.module, folder=folder, port=self.port, http_port=self.http_port, key=KEY
            ),
            encoding="utf-8",
        )

    @property
    def url(self) -> str:
        """Where to publish (the key apart)."""
        return f"rtmp://127.0.0.1:{self.port}/live"

    def play_url(self, key: str = KEY) -> str:
        return f"{self.url}/{key}"

    def start(self, timeout: float = 10.0) -> RtmpServer:
        self.process = subprocess.Popen(
            [self.nginx, "-p", str(self.folder), "-e", str(self.folder / "error.log"),
             "-c", str(self.config)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )  # fmt: skip
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                said = self.process.stderr.read().decode() if self.process.stderr else ""
                raise NoRtmpServer(f"nginx did not start: {said.strip()[-500:]}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), 0.2):
                    return self
            except OSError:
                time.sleep(0.05)
        self.kill()
        raise NoRtmpServer(f"nginx did not listen on {self.port} within {timeout} s")

    def kill(self) -> None:
        """The server vanishes at once (SIGKILL)."""
        process, self.process = self.process, None
        if process is None:
            return
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
        process.wait(10)
        if process.stderr is not None:
            process.stderr.close()

    def log(self) -> str:
        path = self.folder / "error.log"
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""

    def __enter__(self) -> RtmpServer:
        return self.start()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.kill()
