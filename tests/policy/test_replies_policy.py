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
        "missing abuse model": "report:\n  abuse_model: models/nowhere.json\n",
        "abuse model not a name": "report:\n  abuse_model: [models/reply-abuse.json]\n",
        "abuse model outside the folders": "report:\n  abuse_model: ../reply-abuse.json\n",
        "bad abuse threshold": "report:\n  abuse_threshold: 1.5\n",
        "bad answer words": "cues:\n  answer_words: -2\n",
        "cued family with an unknown category": (
            "cued_abuse:\n  families:\n    menace: {what: a threat, category: menacing, cues: [sleep well]}\n"
        ),
        "cued family without saying what it is": (
            "cued_abuse:\n  families:\n    menace: {category: abuse, cues: [sleep well]}\n"
        ),
        "cued family with an unknown key": (
            "cued_abuse:\n  families:\n    menace: {what: a threat, category: abuse, cue: [sleep well]}\n"
        ),
        "bad cued threshold": "cued_abuse:\n  threshold: 2\n",
        "bad thanked pattern": "cued_abuse:\n  thanked: ['thank (you']\n",
        "bad unaimed threshold": "report:\n  abuse_unaimed_threshold: 3\n",
    }
    for name, body in cases.items():
        org = make_folder(tmp_path / name.replace(" ", "-"), {"replies.yml": body})
        policy, problems = load_reply_policy(load(org))
        assert len(problems) == 1, name
        assert "replies.yml" in str(problems[0]), name
        assert policy.thanks is not None and "personal-attack" in policy.report_categories, name


def test_an_entry_that_cannot_run_is_reported_and_the_rest_of_the_file_is_used(tmp_path):
    # One bad cue once threw the whole file away (every reply then sorted as no-action),
    # while the message said only that entry was skipped
    body = (
        "cues:\n"
        "  thanks: ['thank (you', cheers]\n"
        "  question: ['^what (?!a )\\w+ing', '[?]']\n"
        "  criticism: [rubbish]\n"
    )
    org = make_folder(tmp_path / "org", {"replies.yml": body})
    policy, problems = load_reply_policy(load(org))
    assert len(problems) == 2
    assert sorted(p.key for p in problems) == ["cues.question[0]", "cues.thanks[0]"]
    assert all("skipped" in p.message for p in problems)
    assert policy.thanks.search("Cheers, Jo") is not None  # the overlay's other entries are used
    assert policy.criticism.search("what rubbish") is not None
    assert policy.question.search("what is wrong?") and not policy.question.search("what pudding")


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


def test_the_shipped_file_names_our_reply_abuse_model_and_an_overlay_may_drop_it(tmp_path):
    shipped, problems = load_reply_policy(load(make_folder(tmp_path / "empty", {})))
    assert problems == [] and shipped.abuse_model is not None and 0 < shipped.abuse_threshold < 1
    org = make_folder(tmp_path / "org", {"replies.yml": "report:\n  categories: [abuse]\n"})
    policy, problems = load_reply_policy(load(org))
    assert problems == [] and policy.abuse_model is None


def test_a_broken_abuse_model_file_is_reported_in_one_line(tmp_path):
    org = make_folder(
        tmp_path / "org",
        {"replies.yml": "report:\n  abuse_model: models/ours.json\n", "models/ours.json": "{not json"},
    )
    policy, problems = load_reply_policy(load(org))
    assert len(problems) == 1 and "models/ours.json" in str(problems[0])
    assert policy.abuse_model is not None  # the shipped file (and its model) stays in force


def test_cued_abuse_families_are_read_with_their_threshold(tmp_path):
    body = (
        "cued_abuse:\n"
        "  threshold: 0.7\n"
        "  families:\n"
        "    veiled-threat:\n"
        "      what: a veiled threat\n"
        "      category: abuse\n"
        "      cues: [sleep well, 'be careful\\W*$']\n"
        "    pile-on: {what: a call to pile on, category: trolling, cues: [pile in lads]}\n"
    )
    org = make_folder(tmp_path / "org", {"replies.yml": body})
    policy, problems = load_reply_policy(load(org))
    assert problems == []
    assert policy.cued_threshold == 0.7
    assert [(c.name, c.what, c.category) for c in policy.cued] == [
        ("veiled-threat", "a veiled threat", "abuse"),
        ("pile-on", "a call to pile on", "trolling"),
    ]
    threat = policy.cued[0].cues
    assert threat.search("Know your street. SLEEP WELL") and threat.search("Be careful!!")
    assert not threat.search("Be careful, the word has a history") and not threat.search("asleep wellington")


def test_thanks_in_so_many_words_is_read_apart_from_praise(tmp_path):
    body = "cues:\n  thanks: [thanks?, lovely]\ncued_abuse:\n  thanked: [thanks?, thank you]\n"
    policy, problems = load_reply_policy(load(make_folder(tmp_path / "org", {"replies.yml": body})))
    assert problems == []
    assert policy.cued_thanked.search("Thank you all, sleep well") and policy.thanks.search("Lovely street")
    assert not policy.cued_thanked.search("Lovely street")


def test_the_unaimed_threshold_is_read_and_out_of_reach_without_it(tmp_path):
    body = "report:\n  abuse_unaimed_threshold: 0.99\n"
    policy, problems = load_reply_policy(load(make_folder(tmp_path / "org", {"replies.yml": body})))
    assert problems == [] and policy.abuse_unaimed_threshold == 0.99
    plain = "report:\n  categories: [abuse]\n"
    policy, problems = load_reply_policy(load(make_folder(tmp_path / "plain", {"replies.yml": plain})))
    assert problems == [] and policy.abuse_unaimed_threshold == 1.0


def test_without_cued_abuse_no_cue_reports_and_the_threshold_is_out_of_reach(tmp_path):
    org = make_folder(tmp_path / "org", {"replies.yml": "report:\n  categories: [abuse]\n"})
    policy, _problems = load_reply_policy(load(org))
    assert policy.cued == () and policy.cued_threshold == 1.0


def test_counter_speech_cues_are_read(tmp_path):
    body = 'cues:\n  counter: ["i\'ve reported (?:it|this)"]\n'
    policy, problems = load_reply_policy(load(make_folder(tmp_path / "org", {"replies.yml": body})))
    assert problems == [] and policy.counter.search("Vile. I've reported it.")
    assert not policy.counter.search("I've reported you to the police")


def test_words_that_describe_no_one_are_read_and_none_without_them(tmp_path):
    body = "report:\n  aimed:\n    before: [you]\n    not_describing: [said, think]\n"
    policy, problems = load_reply_policy(load(make_folder(tmp_path / "org", {"replies.yml": body})))
    assert problems == [] and policy.not_describing.search("said") and not policy.not_describing.search("old")
    plain = "report:\n  categories: [abuse]\n"
    policy, problems = load_reply_policy(load(make_folder(tmp_path / "plain", {"replies.yml": plain})))
    assert problems == [] and policy.not_describing is None
