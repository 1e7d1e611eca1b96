"""replies.yml: how replies to our posts are sorted (core/replies/judge.py), read by the one
overlay rule and compiled (RE2 patterns, `include: vocab/...` lists).

    load_reply_policy(pack) -> (ReplyPolicy, [PolicyProblem])

Read when replies are first sorted, not with the pack: the editor never pays for it. An
entry that cannot run is reported and dropped (the rest of the file is used); a file that
cannot be used is reported and the earlier folder's stays in force; with none usable,
the reported categories are the conduct categories and no cues are read.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from desktop_app.checks.patterns import collect_dropped, compile_words
from desktop_app.checks.values import RuleError, colon_hint
from desktop_app.core.findings import CATEGORIES, CONDUCT_CATEGORIES
from desktop_app.core.replies.judge import THREAT, CuedAbuse, ReplyPolicy
from desktop_app.policy.cache import FileCache
from desktop_app.policy.files import PolicyFiles, PolicyFolder
from desktop_app.policy.problems import FileProblem, PolicyProblem, shown
from desktop_app.policy.rules import PackLists, resolve_includes

NAME = "replies.yml"
SECTIONS = {
    "report": {"categories", "criticism_words", "frame_words", "topic_words", "views", "not_aimed",
               "threat_rules", "aimed", "mild_swearing", "swearing_emphasis", "interjections",
               "model_threshold", "abuse_model", "abuse_threshold", "abuse_unaimed_threshold",
               "abuse_named_words", "repeat_reports"},
    "platform_categories": None,  # a mapping of category: words
    "report_text": None,
    "police_note": None,
    "openings": {"question", "criticism", "rough"},
    "cues": {"question", "criticism", "addressed", "thanks", "support", "pointing", "contrast",
             "spam", "chatter", "counter", "answer_words"},
    "cued_abuse": {"threshold", "thanked", "families"},
}  # fmt: skip
CUED_KEYS = frozenset({"what", "category", "cues", "unaimed"})
DEFAULT_CATEGORIES = tuple(c for c in CONDUCT_CATEGORIES if c != "amplification")


def _texts(value, key: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise RuleError(key, f"expected a list of words or patterns, got {shown(value)}")
    for i, v in enumerate(value):
        if isinstance(v, bool) or not isinstance(v, str | int | float):
            raise RuleError(f"{key}[{i}]", f"expected a word or pattern, got {shown(v)}{colon_hint(v)}")
    return [str(v) for v in value if str(v).strip()]


def _text(value, key: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise RuleError(key, f"expected text, got {shown(value)}")
    return value


def _number(value, key: str, default: float, low: float, high: float) -> float:
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise RuleError(key, f"expected a number from {low:g} to {high:g}, got {shown(value)}")
    return float(value)


# report.aimed: who swearing is aimed at, and what else says whom a sentence is about
AIMED_KEYS = frozenset({"window", "before", "after", "names", "orders", "not_describing"})


def _mapping(value, key: str) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise RuleError(key, f"expected a mapping, got {shown(value)}")
    return value


def _only_keys(section: Mapping, known: frozenset[str], prefix: str) -> None:
    for key in section:
        if key not in known:
            raise RuleError(f"{prefix}.{key}", f"unknown key (known: {', '.join(sorted(known))})")


def _check_keys(data: Mapping) -> None:
    for section, value in data.items():
        if section not in SECTIONS:
            raise RuleError(str(section), f"unknown key (known: {', '.join(SECTIONS)})")
        allowed = SECTIONS[section]
        if allowed is not None and isinstance(value, dict):
            for key in value:
                if key not in allowed:
                    raise RuleError(f"{section}.{key}", f"unknown key (known: {', '.join(sorted(allowed))})")


def _words(tokens: list[str], key: str):
    return compile_words(tokens, key, ignorecase=True) if tokens else None


def _listed(section: Mapping, name: str, prefix: str):
    """The words or patterns under `section[name]`, compiled (None when there are none)."""
    key = f"{prefix}.{name}"
    return _words(_texts(section.get(name), key), key)


def _abuse_model(name, lists: PackLists):
    """The reply-abuse model named by `report.abuse_model` (a file in the policy folders)."""
    if name is None:
        return None
    if not isinstance(name, str) or not name.strip():
        raise RuleError(
            "report.abuse_model", f"expected a model file such as models/reply-abuse.json, got {shown(name)}"
        )
    from desktop_app.checks.model import load_model_file

    return lists.data_file(name.strip(), "report.abuse_model", load_model_file)


def _cued_abuse(section: Mapping, lists: PackLists) -> tuple[CuedAbuse, ...]:
    """`cued_abuse.families`: name -> what it is in words, the category it is reported
    under, its cues (words or patterns, or `include: vocab/...`) and its `unaimed` cues,
    which need no person named."""
    families = _mapping(section.get("families"), "cued_abuse.families")
    out = []
    for name, body in families.items():
        key = f"cued_abuse.families.{name}"
        body = resolve_includes(_mapping(body, key), lists)
        _only_keys(body, CUED_KEYS, key)
        category = _text(body.get("category"), f"{key}.category")
        if category not in CATEGORIES:
            raise RuleError(f"{key}.category", f"unknown category {shown(category)}")
        what = _text(body.get("what"), f"{key}.what").strip()
        if not what:
            raise RuleError(f"{key}.what", "say in a few words what it is, such as 'a veiled threat'")
        cues = _listed(body, "cues", key)
        unaimed = _listed(body, "unaimed", key)
        if cues is not None or unaimed is not None:
            out.append(CuedAbuse(str(name), what, category, cues, unaimed))
    return tuple(out)


def compile_reply_policy(data, lists: PackLists) -> ReplyPolicy:
    """ReplyPolicy from replies.yml's data; RuleError naming the key at fault."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise RuleError("", "replies.yml must be a YAML mapping of keys")
    _check_keys(data)
    report = resolve_includes(_mapping(data.get("report"), "report"), lists)
    categories = tuple(_texts(report.get("categories"), "report.categories")) or DEFAULT_CATEGORIES
    for c in categories:
        if c not in CATEGORIES:
            raise RuleError("report.categories", f"unknown category {shown(c)}")
    platform = _mapping(data.get("platform_categories"), "platform_categories")
    for k, v in platform.items():
        if (k not in CATEGORIES and k != THREAT) or not isinstance(v, str):
            raise RuleError(f"platform_categories.{k}", "expected a category name and its words")
    aimed = resolve_includes(_mapping(report.get("aimed"), "report.aimed"), lists)
    _only_keys(aimed, AIMED_KEYS, "report.aimed")
    before = _texts(aimed.get("before"), "report.aimed.before")
    after = _texts(aimed.get("after"), "report.aimed.after")
    names = _texts(aimed.get("names"), "report.aimed.names")
    abuse_model = _abuse_model(report.get("abuse_model"), lists)
    openings = _mapping(data.get("openings"), "openings")
    cues = resolve_includes(_mapping(data.get("cues"), "cues"), lists)
    cued = resolve_includes(_mapping(data.get("cued_abuse"), "cued_abuse"), lists)
    return ReplyPolicy(
        report_categories=categories,
        criticism_words=_listed(report, "criticism_words", "report"),
        frame_words=_listed(report, "frame_words", "report"),
        topic_words=_listed(report, "topic_words", "report"),
        views=_listed(report, "views", "report"),
        not_aimed=_listed(report, "not_aimed", "report"),
        aimed_before=_words(before, "report.aimed.before"),
        aimed_after=_words(after, "report.aimed.after"),
        aimed_window=int(_number(aimed.get("window"), "report.aimed.window", 4, 1, 20)),
        person_words=_words(before + after + names, "report.aimed"),
        orders=_words(_texts(aimed.get("orders"), "report.aimed.orders"), "report.aimed.orders"),
        not_describing=_words(
            _texts(aimed.get("not_describing"), "report.aimed.not_describing"), "report.aimed.not_describing"
        ),
        mild_swearing=_listed(report, "mild_swearing", "report"),
        swearing_emphasis=_listed(report, "swearing_emphasis", "report"),
        interjections=_listed(report, "interjections", "report"),
        threat_rules=frozenset(_texts(report.get("threat_rules"), "report.threat_rules")),
        model_threshold=_number(report.get("model_threshold"), "report.model_threshold", 0.9, 0.0, 1.0),
        abuse_model=abuse_model,
        abuse_threshold=_number(report.get("abuse_threshold"), "report.abuse_threshold", 0.9, 0.0, 1.0),
        abuse_unaimed_threshold=_number(
            report.get("abuse_unaimed_threshold"), "report.abuse_unaimed_threshold", 1.0, 0.0, 1.0
        ),
        abuse_named_words=int(_number(report.get("abuse_named_words"), "report.abuse_named_words", 0, 0, 10)),
        repeat_reports=int(_number(report.get("repeat_reports"), "report.repeat_reports", 2, 1, 1000)),
        platform_categories=dict(platform),
        report_text=_text(data.get("report_text"), "report_text"),
        police_note=_text(data.get("police_note"), "police_note"),
        openings={k: _text(v, f"openings.{k}") for k, v in openings.items()},
        question=_listed(cues, "question", "cues"),
        criticism=_listed(cues, "criticism", "cues"),
        addressed=_listed(cues, "addressed", "cues"),
        thanks=_listed(cues, "thanks", "cues"),
        support=_listed(cues, "support", "cues"),
        pointing=_listed(cues, "pointing", "cues"),
        spam=_listed(cues, "spam", "cues"),
        chatter=_listed(cues, "chatter", "cues"),
        counter=_listed(cues, "counter", "cues"),
        contrast=_listed(cues, "contrast", "cues"),
        answer_words=int(_number(cues.get("answer_words"), "cues.answer_words", 0, 0, 1000)),
        cued_threshold=_number(cued.get("threshold"), "cued_abuse.threshold", 1.0, 0.0, 1.0),
        cued=_cued_abuse(cued, lists),
        cued_thanked=_listed(cued, "thanked", "cued_abuse"),
    )


def load_reply_policy(pack) -> tuple[ReplyPolicy, list[PolicyProblem]]:
    """The reply policy in force for `pack`'s folders, and what could not be used."""
    files = PolicyFiles(list(pack.folders), FileCache("policy"))
    lists = PackLists(files)

    def parse(folder: PolicyFolder, path: Path, where: str) -> ReplyPolicy:
        data, lines = files.read_yaml(path)
        try:
            with collect_dropped() as dropped:
                policy = compile_reply_policy(data, lists)
        except RuleError as exc:
            raise FileProblem(exc.key, exc.message, lines(exc.key) or 1) from None
        # An entry that cannot run costs only itself, as in a rule: reported, the rest used.
        for entry in dropped:
            files.report(where, FileProblem(entry.key, entry.message, lines(entry.key) or 1))
        return policy

    loaded = files.load(NAME, parse)
    files.cache.save()
    policy = loaded[0] if loaded else ReplyPolicy(report_categories=DEFAULT_CATEGORIES)
    models = frozenset(r.id for r in pack.rules if r.kind == "model")
    return replace(policy, model_rules=models), list(files.problems)
