"""Normalisation for matching: disguised spellings undone, with an exact map back."""

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.evasion import Normalised, normalise_for_matching


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("1d10t", "idiot"),
        ("you sc@m artist", "you scam artist"),
        ("b1tch", "bitch"),
        ("sh!t", "shit"),
        ("$cum", "scum"),
        ("id10t!", "idiot!"),
        ("i d i o t", "idiot"),
        ("t.r.a.i.t.o.r", "traitor"),
        ("s-c-u-m", "scum"),
        ("1 d 1 0 t", "idiot"),
        ("іdіоt", "idiot"),  # Cyrillic і and о
        ("ΙDΙΟΤ", "IDIOT"),  # Greek capitals
        ("ｉｄｉｏｔ", "idiot"),  # fullwidth
        ("𝐢𝐝𝐢𝐨𝐭", "idiot"),  # mathematical bold
        ("ɪᴅɪᴏᴛ", "idiot"),  # small capitals
        ("i\u200bd\u200ci\u200do\u2060t\ufeff", "idiot"),
        ("id\u00adiot", "idiot"),
        ("ídíòt", "idiot"),
        ("i\u0301diot", "idiot"),
        ("don’t", "don't"),
        ("Idiot", "Idiot"),  # case is kept
        ("he is a c l o w n", "he is a clown"),  # the article stays a word of its own
        ("what a l i a r", "what a liar"),
        ("a r s e", "arse"),  # a word that starts with "a" is not an article
    ],
)
def test_normalise_undoes_evasion(raw, expected):
    assert normalise_for_matching(raw).text == expected


@pytest.mark.parametrize(
    "raw",
    [
        "In 2024 we had 10 wins.",
        "@user1 said hello",
        "Meet at 3pm on the 1st, 10k people, M25, covid19, $5m, US$5bn.",
        "a I a",
        "Plan A B C",
        "I think x I a b",
        "email jo@b4.co.uk or visit b1t.ly/x1y2",
        "Hello! Great!",
        "Big news !!!Join us",
        "U.S.A",
        "हम अपने समुदाय के लिए काम कर रहे हैं।",  # Indic vowel signs are spelling, not accents
        "한국어 日本語 中文",
    ],
)
def test_normalise_leaves_ordinary_text_alone(raw):
    assert normalise_for_matching(raw).text == raw


def test_span_maps_back_to_what_was_typed():
    raw = "You are an і\u200bd1\u200bоt, honestly"
    norm = normalise_for_matching(raw)
    assert "idiot" in norm.text
    start = norm.text.index("idiot")
    o_start, o_end = norm.to_original(start, start + 5)
    assert raw[o_start:o_end] == "і\u200bd1\u200bоt"


def test_trailing_invisible_characters_are_not_highlighted_but_marks_are():
    raw = "idiot\u200b!"
    norm = normalise_for_matching(raw)
    assert norm.text == "idiot!"
    assert norm.to_original(0, 5) == (0, 5)
    raw = "idiote\u0301 x"
    norm = normalise_for_matching(raw)
    assert norm.text == "idiote x"
    assert norm.to_original(0, 6) == (0, 7)  # the accent stays with its letter


def test_spaced_letters_map_back_to_the_whole_run():
    raw = "what a t.r.a.i.t.o.r. today"
    norm = normalise_for_matching(raw)
    start = norm.text.index("traitor")
    o_start, o_end = norm.to_original(start, start + 7)
    assert raw[o_start:o_end] == "t.r.a.i.t.o.r"


def test_ascii_text_takes_the_identity_path():
    norm = normalise_for_matching("Plain English words about the local library.")
    assert isinstance(norm, Normalised)
    assert norm.is_identity
    assert norm.to_original(6, 13) == (6, 13)


def test_expansions_map_every_piece_to_the_same_original_character():
    raw = "ﬁne… ok"
    norm = normalise_for_matching(raw)
    assert norm.text == "fine... ok"
    assert norm.to_original(0, 2) == (0, 1)  # "fi" came from the ligature
    assert norm.to_original(4, 7) == (3, 4)  # "..." came from the ellipsis


_EVASIVE = st.sampled_from(
    [
        *"abcdeiot I0134@$!.-_ \n",
        *("\u200b", "\u200d", "\ufeff", "\u00ad", "\u0301", "\ufe0f", "і", "о"),
        *("ﬁ", "…", "😀", "👍🏽", "Ａ", "𝐢", "é", "ß"),
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_EVASIVE, max_size=40).map("".join), st.data())
def test_every_span_maps_inside_the_text(raw, data):
    norm = normalise_for_matching(raw)
    n = len(norm.text)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    o_start, o_end = norm.to_original(start, end)
    assert 0 <= o_start <= o_end <= len(raw)
    if start < end:
        assert o_start < o_end
        # Each normalised character lies inside the span its first..last sources cover.
        first, last = norm.to_original(start, start + 1), norm.to_original(end - 1, end)
        assert first[0] == o_start and last[1] == o_end
    whole = norm.to_original(0, n)
    assert whole[0] <= o_start and o_end <= whole[1]


@settings(max_examples=100, deadline=None)
@given(st.lists(_EVASIVE, max_size=40).map("".join))
def test_mapping_is_monotonic(raw):
    norm = normalise_for_matching(raw)
    spans = [norm.to_original(i, i + 1) for i in range(len(norm.text))]
    for (a_start, a_end), (b_start, b_end) in itertools.pairwise(spans):
        assert a_start <= b_start and a_end <= b_end


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from("abcdefgh XYZ,;:?'\"()\n"), max_size=60), st.data())
def test_unchanged_text_maps_by_identity(raw, data):
    norm = normalise_for_matching(raw)
    if norm.text != raw:
        # The one change this alphabet allows: single letters between spaces ("X X b")
        # joined as a word spelt out. Everything else maps position for position.
        assert re.search(r"(?<!\w)\w(?: \w)+(?!\w)", raw), (raw, norm.text)
        return
    start = data.draw(st.integers(0, len(raw)))
    end = data.draw(st.integers(start, len(raw)))
    assert norm.to_original(start, end) == (start, end)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=40))
def test_any_unicode_text_normalises_with_a_valid_map(raw):
    norm = normalise_for_matching(raw)
    assert norm.to_original(0, len(norm.text))[1] <= len(raw)
    assert norm.to_original(0, 0)[0] >= 0


def test_normalise_is_safe_from_several_threads():
    from concurrent.futures import ThreadPoolExecutor

    samples = [f"{chr(0x0400 + i)}d{chr(0x0300 + i % 100)}1\u200bot ｉ d i o t {i}" for i in range(300)]
    expected = [normalise_for_matching(s).text for s in samples]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda s: normalise_for_matching(s).text, samples))
    assert results == expected


# --- disguised spellings of the rules' words (EvasionWords) ---

from desktop_app.core.evasion import EvasionWords  # noqa: E402

WORDS = EvasionWords(["idiot", "scum", "loser", "clown", "asshole", "bitch", "cunt", "clot"],
                     is_word=lambda w: w in {"looser", "will", "all"})  # fmt: skip


@pytest.mark.parametrize(
    ("typed", "word", "covers"),
    [
        ("he is an iddiottt!", "idiot", "iddiottt"),
        ("you scummm", "scum", "scummm"),
        ("an id**t.", "idiot", "id**t"),
        ("an id🤡iot.", "idiot", "id🤡iot"),
        ("i🤬d🤬i🤬o🤬t", "idiot", "i🤬d🤬i🤬o🤬t"),
        ("a b*tch", "bitch", "b*tch"),
        ("an asssshole", "asshole", "asssshole"),
        ("Iddiot", "Idiot", "Iddiot"),
    ],
)
def test_disguised_spellings_read_as_the_word_and_map_to_what_was_typed(typed, word, covers):
    norm = normalise_for_matching(typed, WORDS)
    at = norm.text.index(word)
    s, e = norm.to_original(at, at + len(word))
    assert typed[s:e] == covers


@pytest.mark.parametrize(
    "text",
    [
        "the rules are looser now",  # a word of its own, not a stretched "loser"
        "c**t",  # fits two listed words (cunt, clot): no guess
        "we will all go",
        "Thanks🙏everyone",  # emoji between letters that make no listed word
        "footnote* applies",
    ],
)
def test_ordinary_spellings_and_ambiguous_masks_are_left_alone(text):
    assert normalise_for_matching(text, WORDS).text == text


def test_a_mask_that_fits_several_words_reads_as_the_one_people_mask():
    # "c**t" fits cunt and clot; told that cunt is a word people mask, it reads as that one
    words = EvasionWords(["cunt", "clot", "idiot"], taboo=["cunt"])
    assert normalise_for_matching("you c**t", words).text == "you cunt"
    both = EvasionWords(["cunt", "clot"], taboo=["cunt", "clot"])
    assert normalise_for_matching("you c**t", both).text == "you c**t"  # still no guess


def test_a_mask_that_fits_several_taboo_words_of_one_rule_reads_as_one_of_them():
    # "n*****s" fits two slurs of the same rule: either gives the same finding, and it reads
    # as the one the rule lists first
    one_rule = EvasionWords(["negroes", "niggers", "nutters"], taboo={"niggers": "Slurs", "negroes": "Slurs"})
    assert normalise_for_matching("n*****s everywhere", one_rule).text == "niggers everywhere"
    swearing = EvasionWords(["fucking", "fecking"], taboo={"fucking": "Profanity", "fecking": "Profanity"})
    assert normalise_for_matching("f***ing hell", swearing).text == "fucking hell"
    # taboo words of two rules stay a tie: which rule fires would be a guess
    two_rules = EvasionWords(["cunt", "clot"], taboo={"cunt": "Profanity", "clot": "NameCalling"})
    assert normalise_for_matching("you c**t", two_rules).text == "you c**t"


def test_the_pack_reads_a_fully_masked_plural_slur():
    from desktop_app.engine import Analyzer
    from desktop_app.policy import load_policy

    findings = Analyzer(load_policy()).analyze("n*****s on the estate are at it again").findings
    assert [(f.rule, f.text) for f in findings if f.is_conduct] == [("Drafting.Slurs", "n*****s")]


def test_the_pack_reads_a_masked_slur_as_the_slur_not_a_milder_insult():
    from desktop_app.engine import Analyzer
    from desktop_app.policy import load_policy

    findings = Analyzer(load_policy()).analyze("n***ers ruin every street they move to").findings
    assert [f.rule for f in findings if f.is_conduct] == ["Drafting.Slurs"]


def test_a_mask_that_shows_only_the_first_letter_reads_as_a_slur_of_one_rule():
    """Session 22 (batch Y63): 'a n***** in a suit is still a n*****' passed: a mask that
    shows one letter was never read. Long enough (five characters or more) and fitting only
    taboo words of one rule, it reads as the one that rule lists first; short, or fitting
    taboo words of two rules, it is still no guess."""
    slurs = {"nigger": "Slurs", "niggas": "Slurs"}
    one_rule = EvasionWords(["nigger", "niggas", "nutter", "nitwit"], taboo=slurs)
    assert normalise_for_matching("a n***** in a suit", one_rule).text == "a nigger in a suit"
    short = EvasionWords(["nigs", "nits"], taboo={"nigs": "Slurs"})
    assert normalise_for_matching("you n***", short).text == "you n***"
    two_rules = EvasionWords(["faggot", "fucker"], taboo={"faggot": "Slurs", "fucker": "Profanity"})
    assert normalise_for_matching("you f*****", two_rules).text == "you f*****"
    no_taboo = EvasionWords(["nutter", "nitwit"])
    assert normalise_for_matching("you n*****", no_taboo).text == "you n*****"


def test_the_pack_reads_a_slur_masked_but_for_its_first_letter():
    from desktop_app.engine import Analyzer
    from desktop_app.policy import load_policy

    findings = Analyzer(load_policy()).analyze("a n***** in a suit is still a n***** 🙈").findings
    assert [(f.rule, f.text) for f in findings if f.is_conduct] == [("Drafting.Slurs", "n*****")] * 2


def test_lookalikes_come_from_the_unicode_table():
    # Cherokee capitals and small letters, Cyrillic and small capitals, folded to Latin
    assert normalise_for_matching("ꮯlown ᏟLOWN сlоwn ᴄʟᴏᴡɴ").text == "clown CLOWN clown clown"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # words spelt out letter by letter, with a wider gap between words
        ("F u c k  y o u", "Fuck you"),
        ("Y o u   a r e   s c u m", "You are scum"),
        ("g o  d i e", "go die"),
        ("k i l l  y o u r s e l f", "kill yourself"),
        ("F.u.c.k y.o.u", "Fuck you"),
        ("d-i-e t-r-a-i-t-o-r", "die traitor"),
        ("N H S  f u n d i n g  n o w", "NHS funding now"),
        ("I  h a t e  y o u", "I hate you"),
        ("F u c k", "Fuck"),  # a capital opening a spelt-out word
    ],
)
def test_spaced_sentences_read_word_by_word(raw, expected):
    assert normalise_for_matching(raw).text == expected


@pytest.mark.parametrize("raw", ["A  B", "Plan A  B  C", "I  a", "vote A  or B", "U.K. and U.S."])
def test_short_letter_runs_are_not_a_spaced_sentence(raw):
    assert normalise_for_matching(raw).text == raw


def test_a_spaced_sentence_maps_each_word_back_to_its_letters():
    raw = "F u c k  y o u"
    norm = normalise_for_matching(raw)
    at = norm.text.index("you")
    s, e = norm.to_original(at, at + 3)
    assert raw[s:e] == "y o u"
    s, e = norm.to_original(0, len(norm.text))
    assert (s, e) == (0, len(raw))


SPLIT_WORDS = EvasionWords(
    ["fuck", "scum", "slag"], is_word=lambda w: w in {"you", "are", "off", "fuck", "scum"}
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("F u c k y o u", "Fuck you"),
        ("y o u a r e s c u m", "you are scum"),
        ("s l a g", "slag"),  # a word already: not split
        ("t h a n k y o u", "thankyou"),  # no listed word in it: left as one word
        ("y o u a r e s c u m", "you are scum"),
        ("y 0 u a r e s c u m", "you are scum"),  # a digit for a letter: split as its letter, then read
        ("Jo's a s c u m", "Jo's a scum"),  # the s of 's is no letter of the run
    ],
)
def test_run_together_spaced_words_split_where_a_listed_word_is(raw, expected):
    norm = normalise_for_matching(raw, SPLIT_WORDS)
    assert norm.text == expected
    last = expected.split()[-1]
    at = norm.text.rindex(last)
    s, e = norm.to_original(at, at + len(last))
    assert raw[s:e] == " ".join(last) and e == len(raw)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*"fuckyoareslmg", " ", "  ", ".", "\u200b", "і"]), max_size=40).map("".join))
def test_split_spaced_words_keep_a_monotonic_map_inside_the_text(raw):
    norm = normalise_for_matching(raw, SPLIT_WORDS)
    spans = [norm.to_original(i, i + 1) for i in range(len(norm.text))]
    assert all(0 <= a <= b <= len(raw) for a, b in spans)
    for (a_start, a_end), (b_start, b_end) in itertools.pairwise(spans):
        assert a_start <= b_start and a_end <= b_end


_GATE_TEXT = st.lists(st.sampled_from([*"aI3@$!.-_ ", "  ", "é", "\n", "x1"]), max_size=30).map("".join)


@given(_GATE_TEXT)
@settings(max_examples=400)
def test_the_quick_gate_never_misses_a_spaced_run_or_a_leet_hint(raw):
    """One RE2 pass decides whether the spaced-letter and leetspeak passes run: it may say
    yes needlessly, never no when their own patterns would find something."""
    from desktop_app.core import evasion

    maybe_spaced, leet = evasion._could_be_spaced_or_leet(raw)
    if evasion._SPACED.search(raw) or evasion._SPACED_WIDE.search(raw):
        assert maybe_spaced
    assert leet == (evasion._LEET_HINT.search(raw) is not None)


def test_the_gate_reads_a_lone_surrogate_with_re_itself():
    from desktop_app.core import evasion

    assert evasion._could_be_spaced_or_leet("a b c \udc80 x1") == (True, True)
    assert normalise_for_matching("i d i o t \udc80").text == "idiot \udc80"


def test_a_failed_gate_search_runs_both_passes(monkeypatch):
    """RE2's Set answers 'no match' when it runs out of memory: the passes must then run."""
    from desktop_app.core import evasion

    class OutOfMemory:
        def Match(self, _data):
            return []

    assert evasion._could_be_spaced_or_leet("plain words") == (False, False)
    monkeypatch.setattr(evasion, "_gates", OutOfMemory())
    assert evasion._could_be_spaced_or_leet("plain words") == (True, True)


def test_a_one_reads_as_an_l_when_only_that_makes_a_listed_word():
    words = EvasionWords(["slut", "bully", "idiot"])
    assert normalise_for_matching("a right s1ut", words).text == "a right slut"
    assert normalise_for_matching("bu11y", words).text == "bully"
    assert normalise_for_matching("id1ot", words).text == "idiot"  # the i makes the word
    assert normalise_for_matching("s1ut", None).text == "siut"  # no words: the usual reading


def test_short_code_like_words_read_as_leetspeak_beside_other_leetspeak():
    """Session 31 (batch Y237): "d0 us 4ll a f4v0ur n st3p 1n fr0nt 0f a bus" kept "d0", "1n"
    and "0f", which look like codes ("M25", "5G"), so the threat's words never met. Beside
    two or more words of leetspeak they read as the short words they spell; alone, or
    beside ordinary codes, they are left as typed."""
    typed = "d0 us 4ll a f4v0ur n st3p 1n fr0nt 0f a bus"
    normalised = normalise_for_matching(typed)
    assert normalised.text == "do us all a favour n step in front of a bus"
    assert len(normalised.text) == len(typed)  # one character for one, so highlights stay put
    for left_alone in (
        "Meet at the M25 services at 3pm, 1n 5G range",
        "Shut 0n Friday, call 0800 123 4567",
        "1n 2024 the A1 closed",
    ):
        assert normalise_for_matching(left_alone).text == left_alone
    # one word of leetspeak is not enough to read the codes round it
    assert normalise_for_matching("d0 us a f4vour").text == "d0 us a favour"
