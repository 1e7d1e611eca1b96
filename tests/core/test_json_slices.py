"""loads_in_slices gives what json.loads gives, reading a large object a slice at a time."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core import json_slices
from desktop_app.core.json_slices import SLICE_CHARS, loads_in_slices
from desktop_app.core.text_model import load_text_model
from desktop_app.locate import policy_dir

MODELS = sorted((policy_dir() / "models").glob("*.json"))


def _same(raw: bytes, **kwargs) -> None:
    try:
        expected, wanted_error = json.loads(raw, **kwargs), None
    except ValueError as exc:
        expected, wanted_error = None, type(exc)
    if wanted_error is not None:
        with pytest.raises(wanted_error):
            loads_in_slices(raw, **kwargs)
        return
    got = loads_in_slices(raw, **kwargs)
    assert got == expected
    assert json.dumps(got) == json.dumps(expected)  # the same order of keys, all the way down


@pytest.mark.parametrize("path", MODELS, ids=lambda p: p.name)
def test_the_shipped_models_read_as_json_reads_them(path):
    _same(path.read_bytes())


def _spans(monkeypatch) -> list[int]:
    """How many characters each call into json's scanner went over."""
    spans = []
    real = json.JSONDecoder.raw_decode

    def raw_decode(self, s, idx=0):
        obj, end = real(self, s, idx)
        spans.append(end - idx)
        return obj, end

    monkeypatch.setattr(json.JSONDecoder, "raw_decode", raw_decode)
    return spans


def test_the_offence_model_is_read_a_slice_at_a_time(monkeypatch):
    """In one json.loads its megabyte held the GIL 15-35 ms while the engine loaded at
    start-up, and the window waited as long."""
    path = policy_dir() / "models" / "offence-score.json"
    spans = _spans(monkeypatch)
    model = load_text_model(path)
    assert len(model.vocabulary) > 10_000
    assert len(spans) > 20
    assert max(spans) < 2 * SLICE_CHARS


WORDS = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=6)
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | WORDS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(WORDS, inner, max_size=3),
    max_leaves=6,
)
OBJECTS = st.dictionaries(WORDS, VALUES | st.dictionaries(WORDS, VALUES, max_size=12), max_size=5)


def _one_member_a_line(data: dict) -> str:
    """As scripts/export_offence_model.py writes a model: a nested object a member a line."""
    parts = []
    for key, value in data.items():
        if isinstance(value, dict) and value:
            rows = [f"{json.dumps(k)}: {json.dumps(v)}" for k, v in value.items()]
            parts.append(f"{json.dumps(key)}: {{\n" + ",\n".join(rows) + "\n}")
        else:
            parts.append(f"{json.dumps(key)}: {json.dumps(value)}")
    return "{" + ", ".join(parts) + "}\n"


@settings(max_examples=150, deadline=None)
@given(OBJECTS, st.sampled_from(["lines", "indent", "compact"]), st.integers(min_value=1, max_value=60))
def test_any_object_in_any_layout_reads_as_json_reads_it(data, layout, slice_chars):
    text = {
        "lines": _one_member_a_line(data),
        "indent": json.dumps(data, indent=1),
        "compact": json.dumps(data, separators=(",", ":")),
    }[layout]
    with pytest.MonkeyPatch.context() as small:
        small.setattr(json_slices, "SLICE_CHARS", slice_chars)  # slices of a few members
        _same(text.encode("utf-8"))


@pytest.mark.parametrize(
    "raw",
    [
        b'{"v": {"a": 1,\n"b": 2,\n"a": 3\n}, "w": 1}',  # a repeated key: the last value, the first place
        b'{"v": {"a": [1,\n2],\n"b": {"c": 1,\n"d": 2},\n"e": "x],\\"y"\n}}',  # cuts inside values
        b'{"v": {"a": 1,\n}}',  # a comma too many
        b'{"v": {"a": NaN,\n"b": 1\n}}',  # a constant the caller refuses
        b'{"v": {"a": 1,\n"b": 2\n}} extra',
        b'\xef\xbb\xbf{"v": {"a": 1,\n"b": 2\n}}',  # a byte-order mark
        '{"v": {"a": 1,\n"b": 2\n}}'.encode("utf-16"),
        b"[1,\n2,\n3]",
        b'{"v": {"a\\n": 1,\n"b": 2\n}}',
        b"{}",
    ],
)
def test_odd_files_read_as_json_reads_them(raw, monkeypatch):
    monkeypatch.setattr(json_slices, "SLICE_CHARS", 2)

    def refuse(name):
        raise ValueError(f"{name} refused")

    _same(raw, parse_constant=refuse)
