"""YAML for policy files: YAML 1.2 booleans, line numbers for problems, and no alias bombs.

A policy file is read with libyaml's parser (when present) into nodes first, so a problem
can name the line of the key at fault, and so aliases can be counted before anything is
built: a few hundred bytes of nested aliases ("billion laughs") would otherwise expand into
gigabytes the moment a list is copied or a value is printed.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from desktop_app.policy.files import read_text
from desktop_app.policy.problems import FileProblem, one_line

# Aliases may add at most this many nodes to a file, however they nest (a file that uses no
# aliases is limited only by its size).
MAX_ALIAS_NODES = 10_000


@cache
def _yaml():
    """PyYAML and our loader, imported on first use: with every file in the cache (cache.py)
    a cold start never needs them."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when present: ~10x faster

    class Loader(base):
        """YAML 1.2 booleans: only true/false. Word lists hold 'no', 'on', 'off', 'yes' as
        words (YAML 1.1 would turn `- NO` into False)."""

    Loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    Loader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
    )
    return yaml, Loader


def _check_aliases(root) -> None:
    """FileProblem when aliases would expand the document by more than MAX_ALIAS_NODES
    nodes, or an alias refers to a node that contains it."""
    yaml = _yaml()[0]
    sizes: dict[int, int] = {}  # node id -> nodes it expands to
    distinct = 0
    stack: list[tuple[Any, bool]] = [(root, False)]
    open_nodes: set[int] = set()
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            open_nodes.discard(key)
            if isinstance(node, yaml.SequenceNode):
                children = node.value
            else:
                children = [part for pair in node.value for part in pair]
            sizes[key] = 1 + sum(sizes[id(c)] for c in children)
            if sizes[key] - distinct > MAX_ALIAS_NODES:
                raise FileProblem(
                    "", f"YAML aliases expand too far (more than {MAX_ALIAS_NODES:,} extra values)"
                )
            continue
        if key in sizes:
            continue  # a node seen before: an alias, already sized
        if key in open_nodes:
            raise FileProblem("", "a YAML alias refers to a value that contains it", node.start_mark.line + 1)
        if isinstance(node, yaml.ScalarNode):
            sizes[key] = 1
            distinct += 1
            continue
        distinct += 1
        open_nodes.add(key)
        stack.append((node, True))
        children = (
            node.value if isinstance(node, yaml.SequenceNode) else [p for pair in node.value for p in pair]
        )
        stack.extend((c, False) for c in reversed(children))


def _key_lines(node, prefix: str = "", depth: int = 0, out: dict[str, int] | None = None) -> dict[str, int]:
    """'swap.leverage', 'platforms[1].limit' -> 1-based line, for the top three levels."""
    yaml = _yaml()[0]
    out = {} if out is None else out
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            name = f"{prefix}{k.value}" if isinstance(k, yaml.ScalarNode) else prefix
            out.setdefault(name, k.start_mark.line + 1)
            if depth < 2:
                _key_lines(v, f"{name}.", depth + 1, out)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            name = f"{prefix[:-1]}[{i}]"
            out.setdefault(name, item.start_mark.line + 1)
            if depth < 2 and isinstance(item, yaml.MappingNode):
                _key_lines(item, f"{name}.", depth + 1, out)
    return out


class Lines:
    """Key -> line of a YAML file; a nested key falls back to its parent's line."""

    def __init__(self, lines: dict[str, int]):
        self._lines = lines

    def __call__(self, key: str) -> int | None:
        while key:
            if key in self._lines:
                return self._lines[key]
            cut = max(key.rfind("."), key.rfind("["))
            key = key[:cut] if cut > 0 else ""
        return None


def _parse(text: str) -> tuple[Any, dict[str, int]]:
    yaml, loader = _yaml()
    try:
        node = yaml.compose(text, Loader=loader)
        if node is None:
            return None, {}
        _check_aliases(node)
        data = yaml.constructor.SafeConstructor().construct_document(node)  # one per call: threads
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = one_line(getattr(exc, "problem", None) or str(exc), 120)
        raise FileProblem("", f"not valid YAML: {problem}", mark.line + 1 if mark else None) from None
    except RecursionError:
        raise FileProblem("", "not valid YAML: nested too deeply") from None
    return data, _key_lines(node)


def parse_yaml(text: str) -> tuple[Any, Lines]:
    """(plain data, key -> line) or FileProblem with the YAML error's line."""
    data, lines = _parse(text)
    return data, Lines(lines)


def _data_and_lines(value) -> bool:
    return isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], dict)


def read_yaml(path: Path, cache=None) -> tuple[Any, Lines]:
    """A policy file's YAML; from `cache` (cache.FileCache) when the file is unchanged."""
    if cache is None:
        return parse_yaml(read_text(path))
    data, lines = cache.get(path, lambda: _parse(read_text(path)), _data_and_lines)
    return data, Lines(lines)
