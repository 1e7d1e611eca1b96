"""readability: hard and very hard sentences (Hemingway's ARI levels), long ones to split."""

from __future__ import annotations

from desktop_app.engine import Analyzer
from tests.checks.conftest import findings_of, fixture_pack

RULE = "fixtures.HardSentences"  # hard 10, very_hard 14, min_words 14, split_over 25
DENSE = (
    "The comprehensive infrastructural reorganisation necessitates considerable intergovernmental "
    "collaboration notwithstanding substantial administrative complications regarding implementation "
    "methodologies."
)


def test_a_very_hard_sentence_is_flagged_whole():
    text = f"We fixed the roof. {DENSE}"
    (f,) = findings_of(RULE, text)
    assert f.text == DENSE
    assert f.message == "This sentence is very hard to read."


def test_short_plain_sentences_pass():
    assert findings_of(RULE, "We fixed the roof. The school is open again. Thank you all.") == []


def test_a_long_but_plain_sentence_is_flagged_for_splitting():
    text = " ".join(["we met and we ate and we sang"] * 4) + "."  # 32 short words
    (f,) = findings_of(RULE, text)
    assert "32 words" in f.message and "split" in f.message


def test_the_rules_thresholds_drive_the_reports_counts():
    report = Analyzer(fixture_pack()).analyze(f"We fixed the roof. {DENSE}")
    assert report.readability.very_hard == 1 and report.readability.hard == 0
