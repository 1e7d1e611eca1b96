"""What the officer copies or starts from: the ready report text, the police note and the
suggested opening of a reply. The wording is the policy's (policy/replies.yml); the fields
in it are filled here.

    report_text(reply, verdict, policy, clause_titles) -> str
    opening_text(verdict, policy) -> str
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from desktop_app.core.replies.judge import ReplyPolicy, Triage, Verdict
from desktop_app.core.replies.sources import Reply

QUOTE_LIMIT = 500  # characters of the reply quoted in a report
_FIELD = re.compile(r"\{([a-z_]+)\}")
_ENDED_QUOTE = re.compile(r"([.!?…])([\"”])\.")


def fill(template: str, values: Mapping[str, str]) -> str:
    """`template` with each {name} replaced by values[name]; anything else left as written
    (str.format would also read attributes: a policy file must not reach into objects)."""
    return _FIELD.sub(lambda m: values.get(m.group(1), m.group(0)), template)


def quoted_text(text: str, limit: int = QUOTE_LIMIT) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def report_text(reply: Reply, verdict: Verdict, policy: ReplyPolicy, clause_titles: Mapping[str, str]) -> str:
    """The ready report: who said what, where and when, which clause it breaks and the
    platform's category; with the police note for a threat of violence. "" unless reported."""
    if verdict.triage is not Triage.REPORT:
        return ""
    values = {
        "author": reply.author.strip() or "Someone",
        "when": f" on {reply.date.strip()}" if reply.date.strip() else "",
        "where": f" ({reply.link.strip()})" if reply.link.strip() else "",
        "text": quoted_text(reply.text),
        "clause": verdict.clause or "",
        "clause_title": clause_titles.get(verdict.clause or "") or verdict.clause or "",
        "category": verdict.category or "",
        "reason": verdict.reason[:1].upper() + verdict.reason[1:],
    }
    text = " ".join(fill(policy.report_text, values).split())
    # a quoted reply that ends a sentence ends it once: '"... Tick tock." In it', not '.".'
    text = _ENDED_QUOTE.sub(r"\1\2", text)
    if verdict.police and policy.police_note.strip():
        text += " " + " ".join(policy.police_note.split())
    return text


def opening_text(verdict: Verdict, policy: ReplyPolicy) -> str:
    """The suggested start of a reply, or "" when none fits (a report, a listed author)."""
    if verdict.triage is not Triage.RESPOND or verdict.do_not_amplify:
        return ""
    template = policy.openings.get(verdict.opening) or policy.openings.get("criticism", "")
    return " ".join(template.split())
