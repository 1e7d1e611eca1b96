from __future__ import annotations

from desktop_app.engine import Analyzer
from tests.checks.conftest import findings_of, fixture_pack

RULE = "fixtures.Length"


def test_the_overflow_for_each_network_over_its_limit_is_flagged():
    text = "word " * 62 + "end."  # 314 characters: over X (280) and Bluesky (300)
    found = findings_of(RULE, text)
    assert [f.message.split(":")[0] for f in found] == ["Too long for X", "Too long for Bluesky"]
    x = found[0]
    assert x.start == 280 and x.end == len(text)


def test_only_the_chosen_networks_are_checked():
    text = "word " * 62 + "end."
    analyzer = Analyzer(fixture_pack(), platforms=["Threads"])
    assert [f for f in analyzer.analyze(text).findings if f.rule == RULE] == []
    analyzer = Analyzer(fixture_pack(), platforms=["Bluesky"])
    assert len([f for f in analyzer.analyze(text).findings if f.rule == RULE]) == 1


def test_a_post_within_every_limit_passes():
    assert findings_of(RULE, "Short and sweet.") == []


def test_a_post_past_a_byte_cap_says_bytes_not_characters():
    family = "👨‍👩‍👧‍👦"  # one grapheme, 25 bytes
    text = "Our families. " + family * 120  # 134 graphemes, 3,014 bytes: over Bluesky's 3,000
    analyzer = Analyzer(fixture_pack(), platforms=["Bluesky"])
    (found,) = [f for f in analyzer.analyze(text).findings if f.rule == RULE]
    assert found.message.startswith("Too long for Bluesky: 14 bytes over its 3,000-byte limit")
    assert "character" not in found.message
    assert found.start == 14 + 119 * len(family) and found.end == len(text)


def test_too_many_links_for_threads_covers_the_links_too_many_and_says_so():
    links = " ".join(f"https://example.org/page{n}" for n in range(1, 8))
    text = f"Read our plans: {links} and tell us what you think."
    analyzer = Analyzer(fixture_pack(), platforms=["Threads"])
    (found,) = [f for f in analyzer.analyze(text).findings if f.rule == RULE]
    assert found.message.startswith("Too many links for Threads: 7 different links")
    assert "more than 5" in found.message and "character" not in found.message
    assert found.text == "https://example.org/page6 https://example.org/page7"


def test_a_thread_post_with_too_many_links_is_named():
    links = " ".join(f"https://example.org/page{n}" for n in range(1, 8))
    text = f"First post.\n\n---\n\nSecond post: {links}"
    analyzer = Analyzer(fixture_pack())
    report = analyzer.analyze_version(text, "Threads", thread=True)
    (found,) = [f for f in report.findings if f.rule == RULE]
    assert found.message.startswith("Post 2 has too many links for Threads: 2 links over its 5-link limit.")
    assert report.platforms[0].over_links
