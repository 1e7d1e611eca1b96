"""User settings: a small JSON file in the config dir, written atomically.

Unknown keys are kept; a corrupt file is set aside (never silently overwritten) and
defaults are used, with `problem` saying what happened so the UI can tell the user.
"""

from __future__ import annotations

import json
import time
from copy import deepcopy
from pathlib import Path
from typing import Any

from desktop_app.storage import paths
from desktop_app.storage.atomic import write_bytes_atomic, write_text_atomic

DEFAULTS: dict[str, Any] = {
    "networks": ["X", "Bluesky", "Threads", "Mastodon", "Instagram", "LinkedIn", "Facebook"],
    "ignored_rules": {},  # rule id -> reason ("" for advice rules)
    "font_size": 12,
    "theme": "system",  # "system" | "light" | "dark"
    "languagetool_url": "",
    "target_reading_age": None,  # None: the policy's default
    "policy_pack_url": "",  # where the organisation publishes its pack (fetched only when asked)
    "public_contact": {},  # email, phone, address (and name): over the policy pack's contact.yml
}


def _is_text_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _is_reasons(value: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    )


# What each known setting must look like; a value that does not is reset to its default.
_VALID = {
    "networks": _is_text_list,
    "ignored_rules": _is_reasons,
    "font_size": lambda v: isinstance(v, int) and not isinstance(v, bool) and 6 <= v <= 72,
    "theme": lambda v: v in ("system", "light", "dark"),
    "languagetool_url": lambda v: isinstance(v, str),
    "target_reading_age": lambda v: v is None or (isinstance(v, int | float) and not isinstance(v, bool)),
    "approver": lambda v: isinstance(v, str),
    "policy_pack_url": lambda v: isinstance(v, str),
    # the organisation's public contact, which fixes for private details offer instead
    "public_contact": lambda v: (
        isinstance(v, dict) and all(isinstance(k, str) and isinstance(x, str) for k, x in v.items())
    ),
    "your_name": lambda v: isinstance(v, str),  # who prepared a post, on its sign-off sheet
}


class Settings:
    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path else paths.settings_file()
        self.values: dict[str, Any] = deepcopy(DEFAULTS)
        self.problem: str = ""

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        """Never raises: a file that cannot be used is set aside (kept) and defaults apply,
        with `problem` saying so in one line for the window to show."""
        settings = cls(path)
        try:
            raw = settings.path.read_bytes()
        except FileNotFoundError:
            return settings
        except OSError as exc:
            settings.problem = f"Could not read settings ({exc.strerror}); using defaults."
            return settings
        try:
            stored = json.loads(raw.decode("utf-8"))
            if not isinstance(stored, dict):
                raise ValueError("not a JSON object")
        except ValueError:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
            aside = settings._set_aside()
            where = f" and were moved to {aside.name}" if aside else ""
            settings.problem = f"Settings were unreadable{where}; using defaults."
            return settings
        wrong = sorted(k for k, value in stored.items() if k in _VALID and not _VALID[k](value))
        if wrong:
            aside = settings._copy_aside(raw)
            kept = f" (the file is kept as {aside.name})" if aside else ""
            settings.problem = (
                f"Some settings were not valid and are back to their defaults: {', '.join(wrong)}{kept}."
            )
        settings.values.update({k: v for k, v in stored.items() if k not in wrong})
        return settings

    def _aside_path(self) -> Path:
        return self.path.with_name(f"settings.corrupt-{int(time.time())}.json")

    def _set_aside(self) -> Path | None:
        aside = self._aside_path()
        try:
            self.path.replace(aside)
        except OSError:
            return None
        return aside

    def _copy_aside(self, raw: bytes) -> Path | None:
        aside = self._aside_path()
        try:
            write_bytes_atomic(aside, raw)
        except OSError:
            return None
        return aside

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def set(self, key: str, value: Any) -> None:
        self.values[key] = value

    def save(self) -> None:
        """Raises storage.atomic.WriteFailed with a readable message on failure."""
        write_text_atomic(self.path, json.dumps(self.values, indent=2, ensure_ascii=False))
