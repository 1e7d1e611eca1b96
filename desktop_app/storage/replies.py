"""What the Replies view keeps: the report log with the user's corrections (a JSON file in
the data folder), and additions to the organisation's do-not-amplify list (a plain list in
its policy overlay folder). Both written atomically; no Qt, no policy.

    ReportLogStore(path=None).load() -> ReportLog     never raises (see `problem`)
    ReportLogStore.save(log)                           WriteFailed with a plain reason
    add_to_do_not_amplify(authors, path=None) -> [entries added]   WriteFailed
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterable
from pathlib import Path

from desktop_app.core.replies.authors import as_list_entry, author_key
from desktop_app.core.replies.log import ReportLog
from desktop_app.storage import paths
from desktop_app.storage.atomic import WriteFailed, reason, write_text_atomic

MAX_LOG_BYTES = 64 * 1024 * 1024  # years of reports; anything bigger is not ours


def report_log_file() -> Path:
    return paths.data_dir() / "replies" / "report-log.json"


def do_not_amplify_file() -> Path:
    return paths.overlay_policy_dir() / "do-not-amplify.txt"


class ReportLogStore:
    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path else report_log_file()
        self.problem = ""  # one line for the user when the stored log could not be used

    def load(self) -> ReportLog:
        """The stored log, or an empty one. A file that cannot be read is set aside (kept,
        never overwritten) and `problem` says so."""
        try:
            if os.path.getsize(self.path) > MAX_LOG_BYTES:
                raise ValueError("too large")
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return ReportLog()
        except (OSError, ValueError) as exc:
            kept = self._set_aside()
            detail = reason(exc) if isinstance(exc, OSError) else "it is damaged"
            self.problem = f"The report log could not be read ({detail}); {kept}. A new log was started."
            return ReportLog()
        return ReportLog.from_dict(data)

    def _set_aside(self) -> str:
        aside = self.path.with_name(f"{self.path.stem}.unreadable-{time.strftime('%Y%m%d-%H%M%S')}.json")
        try:
            os.replace(self.path, aside)
        except OSError:
            return "it was left where it is"
        return f"it was kept as {aside.name}"

    def save(self, log: ReportLog) -> None:
        write_text_atomic(self.path, json.dumps(log.to_dict(), ensure_ascii=False, indent=1))


def add_to_do_not_amplify(authors: Iterable[str], path: Path | None = None) -> list[str]:
    """Add each author ('@name') to the do-not-amplify list unless it is there already; the
    list's other lines (comments, blank lines) stay as they are. Returns what was added."""
    path = Path(path) if path else do_not_amplify_file()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        text = "# Accounts we never mention, tag or quote: one a line.\n"
    except (OSError, UnicodeDecodeError) as exc:
        detail = reason(exc) if isinstance(exc, OSError) else "it is not UTF-8 text"
        raise WriteFailed(0, f"Cannot add to {path.name}: {detail}.") from exc
    present = {author_key(line.split("#", 1)[0]) for line in text.splitlines()}
    added = []
    for author in authors:
        entry = as_list_entry(author)
        if entry and author_key(entry) not in present:
            present.add(author_key(entry))
            added.append(entry)
    if added:
        if text and not text.endswith("\n"):
            text += "\n"
        write_text_atomic(path, text + "".join(f"{entry}\n" for entry in added), private=False)
    return added
