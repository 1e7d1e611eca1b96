"""Every rule's own `flag` and `pass` examples, run as the test suite runs them: each `flag`
sentence must give the rule a finding, each `pass` sentence none. Used by
`drafting-assistant policy test DIR` and before a fetched pack is used."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class ExampleFailure:
    rule: str
    file: str
    example: str
    expected: str  # "flag" or "pass"
    found: tuple[str, ...] = ()  # what the rule flagged in a `pass` example

    def __str__(self) -> str:
        if self.expected == "flag":
            return f"{self.file}: {self.rule} should flag {self.example!r} and does not"
        flagged = ", ".join(map(repr, self.found))
        return f"{self.file}: {self.rule} should pass {self.example!r} and flags {flagged}"


def rule_failures(pack, rule) -> list[ExampleFailure]:
    """The examples of one rule that do not behave, checked with that rule alone."""
    from desktop_app.engine import Analyzer

    analyzer = Analyzer(replace(pack, rules=[rule]))
    out = []
    for example in rule.examples_flag:
        if not [f for f in analyzer.analyze(example).findings if f.rule == rule.id]:
            out.append(ExampleFailure(rule.id, rule.path.name, example, "flag"))
    for example in rule.examples_pass:
        found = [f.text for f in analyzer.analyze(example).findings if f.rule == rule.id]
        if found:
            out.append(ExampleFailure(rule.id, rule.path.name, example, "pass", tuple(found)))
    return out


def pack_failures(pack, rules) -> tuple[int, list[ExampleFailure]]:
    """(examples run, failures) over `rules` (rules without examples are skipped)."""
    count, failures = 0, []
    for rule in rules:
        count += len(rule.examples_flag) + len(rule.examples_pass)
        failures += rule_failures(pack, rule)
    return count, failures
