"""replies.yml by the one overlay rule (desktop_app/policy/replies.py)."""

from __future__ import annotations

from desktop_app.policy.replies import DEFAULT_CATEGORIES, load_reply_policy
from tests.policy.folders import load, make_folder


def test_an_overlay_replaces_the_shipped_file(tmp_path):
    org = make_folder(
        tmp_path / "org", {"replies.yml": "report:\n  categories: [abuse]\n  model_threshold: 0.95\n"}
    )
    policy, problems = load_reply_policy(load(org))
    assert problems == []
    assert policy.report_categories == ("abuse",) and policy.model_threshold == 0.95
    assert policy.thanks is None  # a replacement is the whole file


def test_a_broken_overlay_is_reported_and_the_shipped_file_stays_in_force(tmp_path):
    cases = {
        "unknown key": "report:\n  categories: [abuse]\n  catgories: [abuse]\n",
        "bad category": "report:\n  categories: [abuse, shouting]\n",
        "bad pattern": "cues:\n  thanks: ['thank (you']\n",
        "bad number": "report:\n  model_threshold: 7\n",
        "not a mapping": "- just a list\n",
        "unknown aimed key": "report:\n  aimed:\n    windw: 3\n",
    }
    for name, body in cases.items():
        org = make_folder(tmp_path / name.replace(" ", "-"), {"replies.yml": body})
        policy, problems = load_reply_policy(load(org))
        assert len(problems) == 1, name
        assert "replies.yml" in str(problems[0]), name
        assert policy.thanks is not None and "personal-attack" in policy.report_categories, name


def test_include_reads_the_packs_word_lists(tmp_path):
    org = make_folder(
        tmp_path / "org",
        {
            "vocab/ours.yml": "- gobsmacked\n",
            "replies.yml": "cues:\n  criticism:\n    - include: vocab/ours.yml\n",
        },
    )
    policy, problems = load_reply_policy(load(org))
    assert problems == [] and policy.criticism.search("I am GOBSMACKED") is not None


def test_with_no_usable_file_the_conduct_categories_are_reported(tmp_path):
    org = make_folder(tmp_path / "org", {"replies.yml": "report: [not, a, mapping]\n"})
    pack = load(org)
    pack.folders = [f for f in pack.folders if not f.shipped]
    policy, problems = load_reply_policy(pack)
    assert policy.report_categories == DEFAULT_CATEGORIES and "amplification" not in DEFAULT_CATEGORIES
    assert len(problems) == 1
