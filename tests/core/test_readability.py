"""Readability: ARI per sentence, Hemingway levels, reading age, reading time; offline and quiet."""

import socket
import subprocess
import sys
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core import readability
from desktop_app.core.findings import Readability
from desktop_app.core.readability import score, sentence_ari, warm_up

SIMPLE = "We fixed the lights on Park Road. Thank you for telling us. Come and see them."
DENSE = (
    "Notwithstanding considerable intergovernmental disagreement, the administration's "
    "comprehensive infrastructure modernisation programme necessitates unprecedented "
    "collaboration between regional authorities and international stakeholders."
)


@pytest.fixture
def no_network(monkeypatch):
    """Fail the test on any attempt to open a network connection."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"network connection attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_sentence_ari_matches_the_formula():
    words, ari = sentence_ari("The cat sat on the mat.")
    # 6 words, 17 letters: 4.71 * 17/6 + 0.5 * 6 - 21.43
    assert words == 6
    assert ari == pytest.approx(4.71 * 17 / 6 + 0.5 * 6 - 21.43, abs=0.01)


def test_links_are_not_read_as_words_but_handles_and_hashtags_are():
    plain = sentence_ari("Read the plan and tell us what you think")
    with_link = sentence_ari(
        "Read the plan at https://example.org/our-long-plan-2026 and tell us what you think"
    )
    assert with_link[0] == plain[0] + 1  # "at"
    assert with_link[1] < plain[1] + 3  # the URL's 40 characters do not inflate the score
    assert sentence_ari("Thanks @jo and #TeamLocal")[0] == 4


def test_levels_follow_hemingway_thresholds():
    result = score(f"{SIMPLE} {DENSE}")
    dense_score = result.sentence_scores[-1]
    assert dense_score.words >= 14
    assert dense_score.ari >= 14
    assert dense_score.level == "very-hard"
    assert all(s.level == "ok" for s in result.sentence_scores[:-1])
    assert (result.hard, result.very_hard) == (0, 1)


def test_hard_band_and_custom_thresholds():
    sentence = (
        "Our councillors will listen to residents across the whole ward "
        "before deciding on the new housing plans."
    )
    words, ari = sentence_ari(sentence)
    assert words >= 14 and 10 <= ari < 14
    assert score(sentence).sentence_scores[0].level == "hard"
    assert score(sentence, hard=ari + 1, very_hard=ari + 2).sentence_scores[0].level == "ok"
    assert score(sentence, very_hard=ari).sentence_scores[0].level == "very-hard"
    assert score(sentence, min_words=words + 1).sentence_scores[0].level == "ok"


def test_short_sentences_are_never_hard():
    # Long words, but only a few of them: Hemingway does not flag these.
    assert score("Unprecedented intergovernmental infrastructure modernisation.").hard == 0
    assert score("Unprecedented intergovernmental infrastructure modernisation.").very_hard == 0


def test_sentence_scores_point_at_the_sentences():
    text = "  First one here.\nSecond line is here too!  "
    result = score(text)
    assert [text[s.start : s.end] for s in result.sentence_scores] == [
        "First one here.",
        "Second line is here too!",
    ]
    assert result.sentences == 2
    assert result.words == 8


def test_reading_age_is_uk_age_from_word_weighted_ari():
    result = score(SIMPLE)
    scored = [
        sentence_ari(s)
        for s in ("We fixed the lights on Park Road.", "Thank you for telling us.", "Come and see them.")
    ]
    total = sum(w for w, _ in scored)
    expected = sum(w * a for w, a in scored) / total + 5
    assert result.reading_age == pytest.approx(max(expected, 5), abs=0.11)
    assert result.reading_age < score(f"{SIMPLE} {DENSE}").reading_age


def test_reading_age_never_below_five_and_none_when_too_short():
    assert score("Go on. Do it. We can win. Yes.").reading_age == 5.0
    assert score("Thank you all!").reading_age is None
    assert score("").reading_age is None
    assert score("🎉🎉").reading_age is None


def test_reading_age_is_capped_where_the_formula_stops_meaning_anything():
    jargon = "Interdepartmental infrastructural recapitalisation notwithstanding, " * 3
    assert score(jargon.strip() + " reconceptualisation.").reading_age == 23.0


def test_long_posts_blend_in_syllable_based_grade():
    # Same characters per word, but long words with many syllables push Flesch-Kincaid up.
    text = " ".join([DENSE] * 6)
    result = score(text)
    assert result.words >= readability.MIN_WORDS_FOR_SYLLABLES
    ari_only = sum(s.ari * s.words for s in result.sentence_scores) / result.words + 5
    assert result.reading_age != pytest.approx(ari_only, abs=0.05)


def test_reading_time():
    assert score("").reading_time_seconds == 0
    assert score("   \n ").reading_time_seconds == 0
    assert score("👍").reading_time_seconds == 1
    assert score("Hello").reading_time_seconds == 1
    assert score(" ".join(["word"] * 238)).reading_time_seconds == 60
    assert score(" ".join(["word"] * 239)).reading_time_seconds == 61


def test_result_type_and_target_age_passthrough():
    result = score(SIMPLE, target_age=11)
    assert isinstance(result, Readability)
    assert result.target_age == 11
    assert result.to_dict()["sentence_scores"][0]["level"] == "ok"


def test_sentence_scores_are_cached(monkeypatch):
    readability.clear_caches()
    score(SIMPLE)
    read = []
    real = readability.word_texts
    monkeypatch.setattr(readability, "word_texts", lambda text: read.append(text) or real(text))
    score(SIMPLE + " One more sentence here.")
    assert read == ["One more sentence here."]  # only the new sentence is read


def test_words_handed_in_give_the_counts_reading_them_would():
    from desktop_app.core.text import word_texts

    for sentence in ["Read bbc.co.uk/news and www.x.org today.", "Thanks @jo and #TeamLocal!", SIMPLE]:
        readability.clear_caches()
        handed = sentence_ari(sentence, word_texts(sentence))
        readability.clear_caches()
        assert handed == sentence_ari(sentence)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab cd.!?\n'-é😀1"), max_size=120))
def test_score_is_consistent_for_any_text(text):
    result = score(text)
    assert result.words == sum(s.words for s in result.sentence_scores)
    assert result.sentences == len(result.sentence_scores)
    assert result.hard + result.very_hard <= result.sentences
    if result.reading_age is not None:
        assert result.reading_age >= 5 and result.words >= readability.MIN_WORDS_TO_SCORE
    for s in result.sentence_scores:
        assert 0 <= s.start < s.end <= len(text)


def test_warm_up_and_score_make_no_network_connection(no_network):
    warm_up()
    assert score(" ".join([DENSE] * 6)).reading_age is not None


@pytest.mark.slow
def test_cold_scoring_prints_nothing_and_stays_offline():
    code = textwrap.dedent(
        """
        import socket
        def refuse(*args, **kwargs):
            print("NETWORK", args)
            raise OSError("offline")
        socket.socket.connect = refuse
        socket.socket.connect_ex = refuse
        socket.create_connection = refuse
        from desktop_app.core import readability
        readability.warm_up()
        text = "Notwithstanding considerable intergovernmental disagreement we proceed. " * 20
        print(readability.score(text).reading_age is not None)
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert done.stderr == ""
    assert done.stdout.strip() == "True"


@given(st.one_of(st.text(alphabet=st.characters(max_codepoint=127), max_size=60), st.text(max_size=30)))
@settings(max_examples=300)
def test_letters_and_digits_are_counted_as_str_isalnum_counts_them(text):
    """The ARI's character count: a quick count for ASCII, the same number as asking each."""
    assert readability._alnum_count(text) == sum(map(str.isalnum, text))
