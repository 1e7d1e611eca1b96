"""Our own reply-abuse model (policy/models/reply-abuse.json, made by
scripts/train_reply_model.py from scripts/reply_abuse_data.py) and how the replies view uses
it (desktop_app/triage.py `abuse_opinion`)."""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path

import yaml

from desktop_app.core.replies.judge import Triage
from desktop_app.core.replies.sources import Reply
from desktop_app.core.text_model import load_text_model
from desktop_app.triage import ReplyTriager

REPO = Path(__file__).resolve().parent.parent
MODEL = REPO / "policy" / "models" / "reply-abuse.json"
REFERENCE = REPO / "tests" / "data" / "reply-abuse-reference.json"
sys.path.insert(0, str(REPO / "scripts"))


@cache
def triager() -> ReplyTriager:
    return ReplyTriager()


def test_the_shipped_file_scores_as_scikit_learn_did_when_it_was_trained():
    model = load_text_model(MODEL)
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))["scores"]
    assert len(reference) >= 20
    for text, expected in reference:
        assert abs(model.score(text) - expected) < 1e-4, text


def test_it_is_small_and_knows_no_identity_party_or_function_word():
    assert MODEL.stat().st_size < 2_000_000
    model = load_text_model(MODEL)
    groups = yaml.safe_load((REPO / "policy" / "vocab" / "identity-words.yml").read_text(encoding="utf-8"))
    identity = {part for words in groups.values() for w in words for part in str(w).lower().split()}
    for word in (*identity, "you", "your", "she", "the", "is", "let", "know", "love"):
        assert word not in model.vocabulary, word


def test_it_learns_only_from_our_own_words_never_from_what_measures_us():
    from reply_abuse_data import labelled_sentences

    taught = {text for text, _label, _where in labelled_sentences()}
    assert len(taught) > 1500
    for path in sorted((REPO / "tests" / "data" / "replies").glob("holdout-*.txt")):
        held = {line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
        assert held and len(held & taught) == 0, path.name  # a count: held-out texts are never printed
    shared = REPO.parent / "shared" / "data" / "uk-mp-tweets-dev.csv"
    if shared.is_file():
        import csv

        with shared.open(encoding="utf-8", newline="") as fh:
            assert len({row["text"] for row in csv.DictReader(fh)} & taught) == 0


def test_one_leaning_word_is_no_proof():
    # a short question with one word the model leans on scored high before the rule was added
    t = triager()
    for text in ("Were you on or near Clapham Common on Wednesday night?", "Love you both x"):
        opinion = t.abuse_opinion(text)
        assert opinion is not None and not opinion.words, text
        assert t.triage(Reply(text)).verdict.triage is not Triage.REPORT, text


def test_a_reply_nothing_else_reports_is_reported_on_our_models_word():
    from dataclasses import replace

    t = ReplyTriager()
    t.policy = replace(t.policy, model_threshold=1.0)  # the offence model alone reports nothing
    # the rules report nothing here; "Filthy vile maggot" and "Thick as mince, the lot of you"
    # were used until the rules caught them
    text = "Every time Priya opens her mouth I want to slap it shut"
    verdict = t.triage(Reply(text)).verdict
    assert verdict.triage is Triage.REPORT and "'slap'" in verdict.reason.lower() and verdict.findings
    t.policy = replace(t.policy, abuse_model=None)
    assert t.triage(Reply(text)).verdict.triage is not Triage.REPORT


def test_replies_yml_uses_the_threshold_the_training_script_chose():
    model = load_text_model(MODEL)
    assert triager().policy.abuse_threshold == model.source["threshold"]


def test_grouphate_uses_the_threshold_the_training_script_chose():
    """rules/GroupHate.yml reads the same model where a group of people is named; its
    threshold is the one scripts/train_reply_model.py chose and recorded in the model."""

    model = load_text_model(MODEL)
    rule = yaml.safe_load((REPO / "policy" / "rules" / "GroupHate.yml").read_text(encoding="utf-8"))
    assert rule["model"] == "models/reply-abuse.json"
    assert rule["threshold"] == model.source["group_threshold"]


def test_the_second_opinion_is_the_offence_score_model_not_grouphate():
    """With two model rules in the pack, the replies' learned second opinion is the
    offence-score one (a rule listed first, GroupHate, once took its place)."""
    kinds = [r for r in triager().pack.rules if r.kind == "model"]
    assert len(kinds) >= 2
    assert triager().model.category == "offence-score"


def test_training_without_the_shared_data_stops_with_a_clear_message(tmp_path, capsys):
    """Run from a second checkout, `--data` defaulted to a folder that is not there: the script
    trained without OLID's NOT tweets or the MPs' tweets, chose a threshold of 0.50 on nothing
    and overwrote the shipped model. It must stop before training, and say which files."""
    import train_reply_model

    before = MODEL.stat().st_mtime_ns
    assert train_reply_model.main(["--data", str(tmp_path)]) == 2
    out = capsys.readouterr()
    message = out.err + out.out
    assert "olid-training-v1.0.tsv" in message and "uk-mp-tweets-dev.csv" in message
    assert str(tmp_path) in message and "--data" in message
    assert MODEL.stat().st_mtime_ns == before
