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
from desktop_app.storage.atomic import write_text_atomic

DEFAULTS: dict[str, Any] = {
    "networks": ["X", "Bluesky", "Threads", "Mastodon", "Instagram", "LinkedIn", "Facebook"],
    "ignored_rules": {},  # rule id -> reason ("" for advice rules)
    "font_size": 12,
    "theme": "system",  # "system" | "light" | "dark"
    "languagetool_url": "",
    "target_reading_age": None,  # None: the policy's default
}


class Settings:
    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path else paths.settings_file()
        self.values: dict[str, Any] = deepcopy(DEFAULTS)
        self.problem: str = ""

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        settings = cls(path)
        try:
            raw = settings.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return settings
        except OSError as exc:
            settings.problem = f"Could not read settings ({exc.strerror}); using defaults."
            return settings
        try:
            stored = json.loads(raw)
            if not isinstance(stored, dict):
                raise ValueError("not a JSON object")
        except ValueError:
            aside = settings.path.with_name(f"settings.corrupt-{int(time.time())}.json")
            try:
                settings.path.replace(aside)
                settings.problem = f"Settings were unreadable and were moved to {aside.name}; using defaults."
            except OSError:
                settings.problem = "Settings were unreadable; using defaults."
            return settings
        settings.values.update(stored)
        return settings

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def set(self, key: str, value: Any) -> None:
        self.values[key] = value

    def save(self) -> None:
        """Raises storage.atomic.WriteFailed with a readable message on failure."""
        write_text_atomic(self.path, json.dumps(self.values, indent=2, ensure_ascii=False))
