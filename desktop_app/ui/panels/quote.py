"""The writer's words quoted in a message: “like this”, shortened to fit."""

from __future__ import annotations


def quoted(words: str, limit: int = 90) -> str:
    words = " ".join(words.split())
    if len(words) > limit:
        words = words[: limit - 1].rstrip() + "…"
    return f"“{words}”"
