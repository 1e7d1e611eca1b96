"""What the panels need to know about the policy pack: titles, full texts, problems.

Built on the engine's worker thread (from `Analyzer.pack`, or `load_policy()`), so the
GUI never parses YAML.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.core.categories import CONDUCT_CATEGORIES, CONDUCT_KEY, PRINCIPLE_IDS

CONDUCT_TITLE = "Conduct policy"  # only until the pack's own title (principles.yml) is read


@dataclass(frozen=True)
class PrincipleText:
    id: str
    title: str
    text: str
    advisory_note: str = ""
    source: str = ""  # in the organisation's own words


@dataclass(frozen=True)
class PolicyInfo:
    principles: dict[str, PrincipleText] = field(default_factory=dict)  # P1..P10
    clauses: dict[str, PrincipleText] = field(default_factory=dict)  # C-...
    problems: tuple[str, ...] = ()
    conduct_title: str = CONDUCT_TITLE
    conduct_rules: frozenset[str] = frozenset()  # rule ids that serve the conduct policy
    conduct_source: str = ""  # the conduct policy's preamble in the organisation's words
    pack_label: str = ""  # the pack and version that check the post: "Northshire comms 2.1"
    conduct_statement: str = ""  # who can change the conduct rules (for the sign-off sheet)

    def title(self, key: str | None) -> str:
        if not key:
            return ""
        if key == CONDUCT_KEY:
            return self.conduct_title
        item = self.principles.get(key) or self.clauses.get(key)
        return item.title if item else key

    def titles(self) -> dict[str, str]:
        out = {pid: self.title(pid) for pid in PRINCIPLE_IDS}
        out[CONDUCT_KEY] = self.conduct_title
        return out


def _text(item, name: str, default: str = "") -> str:
    value = getattr(item, name, None)
    if value is None and isinstance(item, dict):
        value = item.get(name)
    return " ".join(str(value).split()) if value else default


def from_pack(pack) -> PolicyInfo:
    """PolicyInfo from a PolicyPack (duck-typed: .principles, .clauses, .problems)."""
    principles = {}
    for pid, p in (getattr(pack, "principles", None) or {}).items():
        principles[pid] = PrincipleText(
            pid, _text(p, "title", pid), _text(p, "text"), _text(p, "advisory_note"), _text(p, "source")
        )
    clauses = {}
    for cid, c in (getattr(pack, "clauses", None) or {}).items():
        clauses[cid] = PrincipleText(cid, _text(c, "title", cid), _text(c, "text"), source=_text(c, "source"))
    problems = tuple(str(p) for p in (getattr(pack, "problems", None) or ()))
    conduct_title = str(getattr(pack, "conduct_title", "") or CONDUCT_TITLE)
    conduct_rules = frozenset(
        r.id for r in getattr(pack, "rules", ()) if r.clause is not None or r.category in CONDUCT_CATEGORIES
    )
    source = _text(pack, "conduct_source")
    from desktop_app.signoff.pack_label import pack_label

    statement = pack.conduct_statement() if hasattr(pack, "conduct_statement") else ""
    return PolicyInfo(
        principles, clauses, problems, conduct_title, conduct_rules, source, pack_label(pack), statement
    )


def load_default() -> PolicyInfo:
    """The shipped pack's texts (for an engine that brings no pack). Never raises."""
    try:
        from desktop_app.policy import load_policy

        return from_pack(load_policy())
    except Exception as exc:  # a broken pack must not stop the window
        return PolicyInfo(problems=(f"The policy could not be loaded: {exc}",))
