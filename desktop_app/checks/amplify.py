"""`amplify`: handles on the organisation's do-not-amplify list (conduct:
C-amplification). The list is a plain file in the policy folders (`list`, default
do-not-amplify.txt), read through the pack by the overlay rule, plus the rule's own `handles`."""

from __future__ import annotations

from desktop_app.checks.base import Rule, TextContext, remove_span
from desktop_app.checks.values import str_list, text_value
from desktop_app.core.text import HANDLE


def as_handle(entry: str) -> str:
    """'@Name', 'name' -> '@name' (the '@' is optional in the list; matching ignores case)."""
    return "@" + entry.strip().split()[0].lstrip("@").lower()


class AmplifyRule(Rule):
    kind = "amplify"
    keys = frozenset({"list", "handles"})
    default_category = "amplification"

    def compile(self, d):
        listed = str_list(d.get("handles"), "handles")
        listed += self.spec.files.word_list(text_value(d, "list", "do-not-amplify.txt"), "list")
        self.handles = {as_handle(h) for h in listed if h.strip().lstrip("@")}

    def probe(self):
        return "@", False

    def find(self, ctx: TextContext):
        if not self.handles or "@" not in ctx.text:
            return []
        text = ctx.text
        out = []
        for m in HANDLE.finditer(text):
            if m.group().lower() in self.handles:
                s, e = m.span()
                out.append(self.finding(text, s, e, None, [remove_span(text, s, e)]))
        return out
