"""`metric` (Vale): a formula over the post's counts (words, sentences, syllables, ...:
core/text_metrics.py) and a `condition` such as `> 8`; one card over the post when the
condition holds. `%s` in the message is the formula's value.

Formulas are arithmetic (`+ - * / % **`, brackets, numbers, the counts' names and
`math.sqrt`, `math.log`, ...), evaluated by walking Python's syntax tree: nothing else runs.
"""

from __future__ import annotations

import ast
import math
import operator
import re

from desktop_app.checks.base import Rule, TextContext, fill_message
from desktop_app.checks.values import RuleError, text_value

_BINARY = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
           ast.Mod: operator.mod, ast.Pow: operator.pow}  # fmt: skip
_COMPARE = {ast.Gt: operator.gt, ast.GtE: operator.ge, ast.Lt: operator.lt, ast.LtE: operator.le,
            ast.Eq: operator.eq, ast.NotEq: operator.ne}  # fmt: skip
_MATH = {name: getattr(math, name) for name in ("sqrt", "log", "log10", "log2", "exp", "floor", "ceil", "abs")
         if hasattr(math, name)}  # fmt: skip
_MATH["abs"] = abs
_HEADING = re.compile(r"heading\.(h[1-6])")
VARIABLES = frozenset(
    ["words", "sentences", "paragraphs", "characters", "syllables", "complex_words", "polysyllabic_words",
     "long_words", "pre", "list", "blockquote"] + [f"heading_h{n}" for n in range(1, 7)]
)  # fmt: skip


def _evaluate(node, values: dict[str, float]):
    if isinstance(node, ast.Expression):
        return _evaluate(node.body, values)
    if (
        isinstance(node, ast.Constant)
        and isinstance(node.value, int | float)
        and not isinstance(node.value, bool)
    ):
        return node.value
    if isinstance(node, ast.Name) and node.id in values:
        return values[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
        left, right = _evaluate(node.left, values), _evaluate(node.right, values)
        if isinstance(node.op, ast.Div | ast.Mod) and right == 0:
            return 0.0  # a post with no sentences: no score rather than a crash
        if isinstance(node.op, ast.Pow) and abs(right) > 10:
            raise ValueError("powers above 10 are not allowed")
        return _BINARY[type(node.op)](left, right)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        value = _evaluate(node.operand, values)
        return -value if isinstance(node.op, ast.USub) else value
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "math"
        and node.func.attr in _MATH
        and len(node.args) == 1
        and not node.keywords
    ):
        value = _evaluate(node.args[0], values)
        try:
            return _MATH[node.func.attr](value)
        except ValueError:
            return 0.0
    if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in _COMPARE:
        return _COMPARE[type(node.ops[0])](
            _evaluate(node.left, values), _evaluate(node.comparators[0], values)
        )
    raise ValueError(f"not allowed in a formula: {ast.dump(node)[:60]}")


def _parse(expression: str, key: str) -> ast.Expression:
    try:
        tree = ast.parse(expression.strip(), mode="eval")
        _evaluate(tree, dict.fromkeys(VARIABLES, 1.0) | {"__value__": 1.0})  # names and shapes are known
    except (SyntaxError, ValueError, TypeError, OverflowError) as exc:
        raise RuleError(key, f"cannot use {expression!r}: {exc}") from None
    return tree


class MetricRule(Rule):
    kind = "metric"
    keys = frozenset({"formula", "condition"})
    document_level = True
    wide = True
    evasion_capable = False

    def compile(self, d):
        formula = text_value(d, "formula")
        condition = text_value(d, "condition")
        if not formula:
            raise RuleError("formula", "a metric rule needs a `formula`")
        if not condition:
            raise RuleError("condition", "a metric rule needs a `condition` such as '> 8'")
        self.formula = _parse(_HEADING.sub(r"heading_\1", formula), "formula")
        self.condition = _parse(f"__value__ {condition}", "condition")

    def value(self, text: str) -> float:
        from desktop_app.core.text_metrics import document_metrics

        return float(_evaluate(self.formula, document_metrics(text)))

    def find(self, ctx: TextContext):
        text = ctx.text
        if not text.strip():
            return []
        value = self.value(text)
        if not _evaluate(self.condition, {"__value__": value}):
            return []
        start, end = len(text) - len(text.lstrip()), len(text.rstrip())
        return [self.finding(text, start, end, fill_message(self.message, f"{value:.2f}"))]
