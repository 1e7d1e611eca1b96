"""`mentions`: pile-ons (conduct: C-trolling). The same @handle more than
`max_same_handle` times in the body of a post, and calls to pile on (`pile_on` patterns such
as "everyone tag" or "flood their mentions").

The handles a reply opens with (the conversation's, added by the network) are not the
writer's choice and are not counted; nor is an anonymised placeholder (@USER), which stands
for many different accounts."""

from __future__ import annotations

import re

from desktop_app.checks.base import Rule, TextContext, remove_span
from desktop_app.checks.patterns import compile_words
from desktop_app.checks.values import number, str_list
from desktop_app.core.text import HANDLE

# The reply chain a post opens with: two or more handles separated by spaces only (a single
# handle may be the writer addressing someone, and counts).
_LEADING_CHAIN = re.compile(r"\s*(?:\.?@\w+(?:@[\w\-]+(?:\.[\w\-]+)+)?\s+){2,}")
_PLACEHOLDERS = frozenset(["@user"])


class MentionsRule(Rule):
    kind = "mentions"
    keys = frozenset({"max_same_handle", "pile_on"})
    default_category = "trolling"
    document_level = True  # a handle repeated across paragraphs still counts

    def compile(self, d):
        self.max_same = number(d, "max_same_handle", 2, int)
        pile_on = str_list(d.get("pile_on"), "pile_on")
        self.pile_on = compile_words(pile_on, "pile_on", True) if pile_on else None

    def find(self, ctx: TextContext):
        text = ctx.text
        out = self._repeated_handles(text) if "@" in text else []  # every handle has an @
        if self.pile_on is not None:
            # Paragraph by paragraph: their normalised forms are already cached by the
            # paragraph pass, so a keystroke never re-normalises the whole document.
            for para in ctx.paragraphs:
                whole = para.start == 0 and para.end == len(text)  # the post's one paragraph: read already
                sub = ctx if whole else TextContext(para.text, evasion_words=ctx.evasion_words)
                for s, e in self.matches(self.pile_on, sub, use_evasion=True):
                    out.append(self.finding(text, s + para.start, e + para.start))
        return out

    def _repeated_handles(self, text: str) -> list:
        out = []
        seen: dict[str, int] = {}
        chain = _LEADING_CHAIN.match(text)
        for m in HANDLE.finditer(text, chain.end() if chain else 0):
            key = m.group().lower()
            if key in _PLACEHOLDERS:
                continue
            seen[key] = seen.get(key, 0) + 1
            if seen[key] > self.max_same:
                s, e = m.span()
                message = (
                    f"{m.group()} is mentioned {seen[key]} times in one post. Repeated mentions feel like "
                    "harassment: mention someone once."
                )
                out.append(self.finding(text, s, e, message, [remove_span(text, s, e)]))
        return out
