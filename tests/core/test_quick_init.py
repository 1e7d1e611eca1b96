"""quick_init: the frozen dataclasses built by the thousand get a quicker __init__ that takes
the same arguments and builds the same objects."""

import dataclasses
import inspect

import pytest

from desktop_app.core.findings import (
    Finding,
    PlatformFit,
    PrincipleStatus,
    Readability,
    SentenceScore,
    Severity,
    Suggestion,
)
from desktop_app.core.quick_init import quick_init
from desktop_app.core.text import Span

QUICK = [Finding, PlatformFit, PrincipleStatus, Readability, SentenceScore, Suggestion, Span]


def _values(cls) -> dict:
    """A distinct value for every field (defaults included), so a mix-up shows."""
    return {f.name: (f"{f.name}-value", n) for n, f in enumerate(dataclasses.fields(cls))}


@pytest.mark.parametrize("cls", QUICK, ids=lambda c: c.__name__)
def test_arguments_by_position_or_name_set_each_field(cls):
    values = _values(cls)
    by_name = cls(**values)
    by_position = cls(*values.values())
    for obj in (by_name, by_position):
        assert {f.name: getattr(obj, f.name) for f in dataclasses.fields(cls)} == values
    assert by_name == by_position and hash(by_name) == hash(by_position)


@pytest.mark.parametrize("cls", QUICK, ids=lambda c: c.__name__)
def test_the_parameters_and_defaults_are_the_dataclass_fields(cls):
    fields = dataclasses.fields(cls)
    params = list(inspect.signature(cls).parameters.values())
    assert [p.name for p in params] == [f.name for f in fields]
    for p, f in zip(params, fields, strict=True):
        assert p.default is (inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default)
    required = {f.name: 0 for f in fields if f.default is dataclasses.MISSING}
    made = cls(**required)
    for f in fields:
        if f.default is not dataclasses.MISSING:
            assert getattr(made, f.name) is f.default


@pytest.mark.parametrize("cls", QUICK, ids=lambda c: c.__name__)
def test_the_objects_stay_frozen_and_the_arguments_checked(cls):
    obj = cls(**_values(cls))
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(obj, dataclasses.fields(cls)[0].name, 1)
    with pytest.raises(TypeError):
        cls()
    with pytest.raises(TypeError):
        cls(**_values(cls), unknown=1)


def test_replace_and_a_real_finding_round_trip():
    finding = Finding(0, 5, "leverage", "Drafting.Jargon", "jargon", Severity.ADVICE, "Say use.")
    assert dataclasses.replace(finding, start=2).start == 2
    assert finding.to_dict()["suggestions"] == [] and finding.why == "" and finding.clause is None


def test_only_plain_frozen_slotted_dataclasses_are_taken():
    @dataclasses.dataclass(frozen=True)
    class NoSlots:
        a: int

    @dataclasses.dataclass(slots=True)
    class NotFrozen:
        a: int

    @dataclasses.dataclass(frozen=True, slots=True)
    class Factory:
        a: list = dataclasses.field(default_factory=list)

    @dataclasses.dataclass(frozen=True, slots=True)
    class PostInit:
        a: int

        def __post_init__(self):
            pass

    for cls in (NoSlots, NotFrozen, Factory, PostInit):
        with pytest.raises(TypeError):
            quick_init(cls)
