"""Whether what lives as long as the policy pack is frozen (gc.freeze) as it is loaded.

Only the app's own run switches it on (ui/application.collect_when_idle, beside its idle
collector). The command line and the tests keep Python's collector as it is: the command line
freezes and gives back a batch's objects itself (cli.common.long_lived). A module of its own
so the window can set it without importing the checks (~170 ms) on the GUI thread.
"""

from __future__ import annotations

freeze_loaded = False


def freeze_what_loads(on: bool = True) -> None:
    global freeze_loaded
    freeze_loaded = on
