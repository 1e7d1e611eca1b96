"""Guard against a Qt binding that leaks references to Python's singletons.

PySide6 6.12.0 on Python 3.11 drops a reference to None on every void C++ call and one
to True on every signal emit; within minutes of typing the interpreter aborts
("none_dealloc" / "bool_dealloc"). pyproject.toml excludes that release; this test fails
if an installed binding does it again, and watches the counts rather than waiting for
the crash.
"""

import subprocess
import sys

CODE = """
import sys
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel

class Source(QObject):
    changed = Signal(int)

app = QApplication([])
label = QLabel()
source = Source()
source.changed.connect(lambda value: None)
before = sys.getrefcount(None), sys.getrefcount(True)
for n in range(50_000):
    label.setText("x")
    source.changed.emit(n)
after = sys.getrefcount(None), sys.getrefcount(True)
print(after[0] - before[0], after[1] - before[1])
"""


def test_many_void_calls_and_emits_leave_none_and_true_alone():
    done = subprocess.run(
        [sys.executable, "-c", CODE],
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr[-500:]
    none_drift, true_drift = (int(x) for x in done.stdout.split())
    # a few references may come and go; a leak shows as tens of thousands
    assert abs(none_drift) < 1000 and abs(true_drift) < 1000
