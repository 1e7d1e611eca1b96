"""`platform`: too long for a chosen network. Limits come from platforms.yml; the analyzer
measures the whole post once and hands the fits in `ctx.platform_fits`. The card covers
the part past the limit."""

from __future__ import annotations

from dataclasses import replace

from desktop_app.checks.base import Rule, TextContext, fill_message
from desktop_app.core.links import twitter_links


class PlatformRule(Rule):
    kind = "platform"
    default_category = "length"
    document_level = True
    wide = True
    evasion_capable = False

    def find(self, ctx: TextContext):
        text = ctx.text
        out = []
        for fit in ctx.platform_fits:
            if not fit.over or fit.overflow_start is None or fit.overflow_start >= len(text):
                continue
            s, e = fit.overflow_start, len(text.rstrip())
            if s >= e:
                continue
            over, unit = fit.over_by()
            if unit == "links":
                e = _end_of_extra_links(text, s, e)
                default = (
                    f"Too many links for {fit.name}: {fit.link_count} different links, and it refuses a post"
                    f" with more than {fit.link_limit}. Keep the links that matter most, or put the rest"
                    " in a reply. The first link too many starts here."
                )
            elif unit == "characters":
                default = (
                    f"Too long for {fit.name}: {over:,} over its {fit.limit:,}-character limit."
                    " Cut from here."
                )
            else:  # within the characters, past the byte cap (Bluesky's 3,000 bytes)
                default = (
                    f"Too long for {fit.name}: {over:,} bytes over its {fit.byte_limit:,}-byte limit"
                    " (emoji and letters with accents take several bytes each). Cut from here."
                )
            message = fill_message(self.message, fit.name) if self.message else default
            found = self.finding(text, s, e, message)
            if unit == "links":  # the rule's why is about length
                found = replace(found, why=f"{fit.name} will not publish the post at all.")
            out.append(found)
        return out


def _end_of_extra_links(text: str, start: int, end: int) -> int:
    """Where the last link from `start` ends: the card covers the links too many, not the
    words after them."""
    ends = [e for s, e in twitter_links(text) if s >= start and e <= end]
    return max(ends, default=end)
