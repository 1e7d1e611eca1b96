"""Words the spelling checkers must accept: the shipped list, the organisation's and the user's.

The user's list is `words.txt` in the config folder ("Add to dictionary" writes it,
atomically). The pack's words (organisation_words) are every policy folder's `words.txt`
together: the shipped one holds UK political titles and abbreviations (Cllr, MSP, ...),
an organisation's adds names of places, people and campaigns. One word a line; `#` starts
a comment.
"""

from __future__ import annotations

import threading
from pathlib import Path

from desktop_app.storage import paths
from desktop_app.storage.atomic import write_text_atomic


def user_words_file() -> Path:
    return paths.config_dir() / "words.txt"


def organisation_words() -> list[str]:
    """Every policy folder's words.txt, shipped first (policy/settings.load_words)."""
    from desktop_app.policy import load_policy

    return load_policy(rules=False).words


def read_words(path: Path) -> list[str]:
    """The words in `path`, in file order; a missing or unreadable file has none."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return []
    words = []
    for line in text.splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.append(word)
    return words


class UserWordList:
    """The user's own words; every change is saved at once (atomic write)."""

    def __init__(self, path: Path | None = None):
        self.path = path or user_words_file()
        self._lock = threading.Lock()
        self._words = read_words(self.path)

    def words(self) -> list[str]:
        with self._lock:
            return sorted(self._words, key=str.casefold)

    def __contains__(self, word: str) -> bool:
        folded = word.casefold()
        with self._lock:
            return any(w.casefold() == folded for w in self._words)

    def add(self, word: str) -> bool:
        """Adds `word`; False if it was already there. Raises storage.atomic.WriteFailed."""
        word = word.strip()
        if not word or word in self:
            return False
        with self._lock:
            self._words.append(word)
            self._save()
        return True

    def remove(self, word: str) -> bool:
        folded = word.casefold()
        with self._lock:
            kept = [w for w in self._words if w.casefold() != folded]
            if len(kept) == len(self._words):
                return False
            self._words = kept
            self._save()
        return True

    def _save(self) -> None:
        header = "# Words you added to the dictionary in Drafting Assistant. One a line.\n"
        write_text_atomic(self.path, header + "".join(f"{w}\n" for w in self._words))
