"""`amplify`: handles on the organisation's do-not-amplify list (conduct:
C-amplification). The list is a plain file (`list`, default do-not-amplify.txt) looked up
in every loaded policy folder, plus the rule's own `handles`."""

from __future__ import annotations

import re

from desktop_app.checks.base import Rule, TextContext, remove_span, str_list

_HANDLE = re.compile(r"(?<![\w@])@\w+(?:@[\w\-]+(?:\.[\w\-]+)+)?")


def read_handle_list(path) -> set[str]:
    """One handle per line; '#' starts a comment; the '@' is optional."""
    handles = set()
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            handles.add("@" + line.split()[0].lstrip("@").lower())
    return handles


class AmplifyRule(Rule):
    kind = "amplify"
    default_category = "amplification"

    def compile(self, d):
        self.handles = {
            "@" + h.strip().lstrip("@").lower() for h in str_list(d.get("handles"), "handles") if h.strip()
        }
        list_name = str(d.get("list") or "do-not-amplify.txt")
        for folder in self.spec.folders:
            path = folder / list_name
            if path.is_file():
                try:
                    self.handles |= read_handle_list(path)
                except (OSError, UnicodeDecodeError):
                    continue  # an unreadable list must not stop the app; the rest still applies

    def probe(self):
        return "@", False

    def find(self, ctx: TextContext):
        if not self.handles or "@" not in ctx.text:
            return []
        text = ctx.text
        out = []
        for m in _HANDLE.finditer(text):
            if m.group().lower() in self.handles:
                s, e = m.span()
                out.append(self.finding(text, s, e, None, [remove_span(text, s, e)]))
        return out
