"""Whether what lives as long as the policy pack is frozen (gc.freeze) as it is loaded.

Only the app's own run switches it on (ui/application.collect_when_idle, beside its idle
collector). The command line and the tests keep Python's collector as it is: the command line
freezes and gives back a batch's objects itself (cli.common.long_lived). A module of its own
so the window can set it without importing the checks (~170 ms) on the GUI thread.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

freeze_loaded = False


def freeze_what_loads(on: bool = True) -> None:
    global freeze_loaded
    freeze_loaded = on


@contextmanager
def collector_paused() -> Iterator[None]:
    """No collection while tens of thousands of small objects load: each one due would walk
    them all (tens of milliseconds holding the GIL, the window's too) and free none."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def keep_for_good() -> None:
    """Freeze what has loaded so far, in the app's run only: it lives as long as the pack, and
    frozen, no collection walks it again."""
    if freeze_loaded:
        gc.freeze()
