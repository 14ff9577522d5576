"""PySide6 6.12.0 aborts after ~1,000 Signal.emit() on CPython 3.11 ("Fatal Python error:
bool_dealloc": every emit drops a reference to True; 6.11.3 ran 200,000 clean): the pinned Qt
must survive a million emits. Run in a subprocess so a crash fails this test, not pytest."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import PySide6

SOAK = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QCoreApplication, QObject, Signal

    class Emitter(QObject):
        number = Signal(int)
        flag = Signal(bool)
        batch = Signal(list)

    app = QCoreApplication([])
    emitter = Emitter()
    received = [0]

    def count(*_):
        received[0] += 1

    for signal in (emitter.number, emitter.flag, emitter.batch):
        signal.connect(count)
    total = int(sys.argv[1])
    payload = [1, 2, 3]
    for n in range(total // 2):
        emitter.number.emit(n)
        emitter.flag.emit(n % 2 == 0)
    for _ in range(1000):
        emitter.batch.emit(payload)
    print(received[0])
    """
)


def test_a_million_signal_emits_do_not_crash_the_pinned_pyside6() -> None:
    assert PySide6.__version__.split(".")[:2] != ["6", "12"], "6.12.0 is known to crash"
    result = subprocess.run(
        [sys.executable, "-c", SOAK, "1000000"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, f"Qt crashed: {result.returncode}\n{result.stderr[-2000:]}"
    assert int(result.stdout) == 1_001_000
