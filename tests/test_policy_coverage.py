"""The shipped policy pack as a whole: coverage of every principle and clause, the size of
the word lists the issue asks for, and what the full analyser must and must not flag.

Rule-by-rule examples are run by tests/checks/test_rule_examples.py; this file checks the
pack together (all rules at once, so one rule cannot hide another's mistake)."""

from __future__ import annotations

import dataclasses
import importlib.util
from functools import cache
from pathlib import Path

import pytest

from desktop_app.core.findings import Severity
from desktop_app.engine import Analyzer
from desktop_app.policy import load_policy

REPO = Path(__file__).resolve().parent.parent


@cache
def pack():
    loaded = load_policy(include_user_overlay=False)
    return dataclasses.replace(loaded, rules=[r for r in loaded.rules if r.id.startswith("Drafting.")])


@cache
def analyzer() -> Analyzer:
    return Analyzer(pack())


def _coverage_module():
    spec = importlib.util.spec_from_file_location("make_coverage", REPO / "scripts" / "make_coverage.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def must_fix(text: str):
    return [(f.rule, f.text) for f in analyzer().analyze(text).findings if f.severity is Severity.MUST_FIX]


# --- coverage ---------------------------------------------------------------------------


def test_pack_loads_without_problems():
    assert [str(p) for p in pack().problems] == []


def test_coverage_md_is_up_to_date():
    module = _coverage_module()
    current = (REPO / "policy" / "COVERAGE.md").read_text(encoding="utf-8")
    assert current == module.render(), "policy/COVERAGE.md is stale: run python scripts/make_coverage.py"


def test_coverage_check_flag_detects_a_stale_file(tmp_path, monkeypatch):
    module = _coverage_module()
    stale = tmp_path / "COVERAGE.md"
    stale.write_text("# out of date\n", encoding="utf-8")
    monkeypatch.setattr(module, "COVERAGE", stale)
    assert module.main(["--check"]) == 1
    stale.write_text(module.render(), encoding="utf-8")
    assert module.main(["--check"]) == 0


def test_every_principle_and_clause_has_a_rule_with_examples():
    p = pack()
    missing = []
    for key, principle in p.principles.items():
        serving = [r for r in p.rules if r.principle == key]
        tested = [r for r in serving if r.examples_flag and r.examples_pass]
        if tested:
            continue
        if principle.advisory and serving:
            continue  # advisory: text cannot judge it fully, but some rule must still serve it
        missing.append(key)
    for key in p.clauses:
        if not [r for r in p.rules if r.clause == key and r.examples_flag and r.examples_pass]:
            missing.append(key)
    assert missing == []


def test_every_advisory_principle_says_what_the_app_does_instead():
    rendered = _coverage_module().render()
    advisory = [(k, p) for k, p in pack().principles.items() if p.advisory]
    assert advisory, "P9 'inventive' cannot be judged from text: principles.yml should mark it advisory"
    for key, principle in advisory:
        note = " ".join(principle.advisory_note.split())
        assert len(note.split()) >= 8, key
        assert note in rendered, f"{key}: COVERAGE.md should say what the app does instead"


def test_conduct_rules_are_must_fix_and_principle_rules_are_not():
    for rule in pack().rules:
        # an unfinished rewrite is must-fix by contract (DESIGN.md): the words it replaced broke the policy
        if rule.clause or rule.category == "unfinished":
            assert rule.severity is Severity.MUST_FIX, rule.id
        else:
            assert rule.severity is not Severity.MUST_FIX, rule.id


def test_every_rule_explains_itself():
    for rule in pack().rules:
        # a platform rule may leave the message to the engine, which states the overflow
        assert rule.message.strip() or rule.kind == "platform", rule.id
        assert len(rule.why.split()) >= 8, f"{rule.id}: `why` should say why it matters to the reader"


# --- the sizes the issue asks for ----------------------------------------------------------


def test_jargon_lists_have_at_least_250_entries_with_alternatives():
    entries = {}
    for rule in pack().rules:
        if rule.kind == "substitution" and rule.category == "jargon":
            for key, options in rule.literal.items():
                entries[key] = options
            for _start, regex, options in rule.patterned:
                entries[regex.pattern] = options
    assert len(entries) >= 250
    assert all(options and all(o.strip() for o in options) for options in entries.values())


def test_insider_terms_number_at_least_80():
    import yaml

    terms = yaml.safe_load((REPO / "policy" / "vocab" / "insider.yml").read_text(encoding="utf-8"))
    assert len(set(terms)) >= 80
    assert any(r.kind == "insider" for r in pack().rules)


def test_insults_number_at_least_150_and_feed_the_attack_rule():
    import yaml

    insults = yaml.safe_load((REPO / "policy" / "vocab" / "insults.yml").read_text(encoding="utf-8"))
    assert len(set(insults)) >= 150
    attack = pack().rule("Drafting.PersonalAttack")
    assert attack is not None and attack.kind == "attack"
    assert attack.insult_re.search("clown") and attack.insult_re.search("coward")


# --- the full analyser: what must never be must-fix ------------------------------------------

MUST_NOT_FLAG_WORDS = [
    "Scunthorpe",
    "Penistone",
    "Essex",
    "Sussex",
    "Middlesex",
    "cocktail",
    "assassin",
    "assassination",
    "class",
    "classic",
    "grape",
    "therapist",
    "Cockermouth",
    "Shitterton",
    "Clitheroe",
    "Dickens",
    "raccoon",
    "spice",
    "niggardly",
    "analyse",
    "cumulative",
    "Hancock",
    "Cockburn",
    "Bastardo",
    "titmouse",
    "snigger",
    "Sextant",
    "document",
    "assessment",
    "passionate",
    "gammon steak",
    "Dyke Road",
    "Offa's Dyke",
    "Snake Pass",
    "Peppa Pig",
    "mental health",
    "April Fools' Day",
    "knee-jerk",
    "shut up shop",
    "a hung parliament",
    "foster carers",
    "grooming gangs",
    "Bloody Sunday",
    "Lesbos",
    "chink of light",
]


@pytest.mark.parametrize("word", MUST_NOT_FLAG_WORDS)
def test_ordinary_words_are_never_must_fix(word):
    assert must_fix(f"Our councillors met residents about {word} on Saturday.") == []
    assert must_fix(word) == []


ORDINARY_POSTS = [
    "Councillor Hart's decision to close the library was wrong: 300 children used it every week.",
    "The minister promised 40 new hospitals and has not built one.",
    "This Tory government's cuts to youth services are a disgrace.",
    "The council's plan is a joke: it cuts the 42 bus and calls it an improvement.",
    "Our councillors voted for free school meals for every primary child in the borough.",
    "Labour has broken its promise on the 42 bus. Here is what we would do instead.",
    "The Chancellor's budget hits pensioners hardest. Tell us how it affects you.",
    "We will teach them a lesson at the ballot box on 2 May.",
    "Green scum on the canal again: the council must clear it before the summer.",
    "Overflowing bins attract vermin: we want weekly collections back.",
    "The Home Secretary is wrong about asylum: the backlog is the problem, not the people in it.",
    "Young people aged 16 and 17 should have the vote.",
    "Proud to march at Pride with our lesbian, gay, bi and trans members.",
    "Holocaust Memorial Day: we remember the six million Jews murdered, and all victims of genocide.",
    "Mental health waiting lists in Kirklees are the longest in Yorkshire.",
    "Councillor Webb's surgery is at the community centre on Saturday from 10am.",
    "Come to the vaccine hub at Morden Park, SM4 5QU, this weekend.",
    "Write to @CllrMarsh about the bin collections, or sign our petition.",
    "Gammon, egg and chips for £5 at the Miners' Welfare fundraiser on Friday.",
    "Three wins on the trot for the Rovers: congratulations to the team.",
    "The Prime Minister is lying about the number of nurses, and here are the figures.",
    "Nobody likes the new parking charges: 2,000 of you have signed the petition.",
    "Ukrainian families hope to go back to their own country when the war ends.",
    "Pensioners waited 40 minutes for a bus in the cold. That has to change.",
    "Our candidate is gay, a teacher and a brilliant campaigner.",
]


@pytest.mark.parametrize("post", ORDINARY_POSTS)
def test_ordinary_political_posts_get_no_must_fix(post):
    assert must_fix(post) == []


# --- and what must be must-fix, however it is typed ------------------------------------------

MUST_FLAG = [
    ("Councillor Hart is a clown.", "personal-attack"),
    ("Councillor Hart is a cl0wn.", "personal-attack"),
    ("Councillor Hart is an absolute c l o w n.", "personal-attack"),
    ("@CllrBlake f*** off and take your cuts with you.", "abuse"),
    ("She had better watch her back after that vote.", "abuse"),
    ("Don't trust the Red Tories.", "derogatory-label"),
    ("She was only selected because she's a woman.", "discrimination"),
    ("The leader is too old to understand apps.", "discrimination"),
    ("Councillor Webb lives at 14 Orchard Close.", "private-info"),
    ("Everyone tag @CllrMarsh until she answers.", "trolling"),
    ("Nice legs on the Culture Secretary today.", "sexualised"),
]


@pytest.mark.parametrize(("post", "category"), MUST_FLAG)
def test_conduct_breaches_are_must_fix(post, category):
    findings = analyzer().analyze(post).findings
    assert any(f.category == category and f.severity is Severity.MUST_FIX for f in findings), [
        (f.rule, f.category, f.text) for f in findings
    ]


def test_an_attack_gets_a_rewrite_that_keeps_the_target():
    report = analyzer().analyze("Councillor Hart is a clown.")
    findings = [f for f in report.findings if f.category == "personal-attack"]
    assert findings and findings[0].suggestions
    replacement = findings[0].suggestions[0].replacement
    assert "Hart" in replacement and "clown" not in replacement


def test_every_vocab_file_is_used_by_a_rule():
    rules_text = "\n".join(p.read_text(encoding="utf-8") for p in (REPO / "policy" / "rules").glob("*.yml"))
    unused = [
        p.name for p in (REPO / "policy" / "vocab").glob("*.yml") if f"vocab/{p.name}" not in rules_text
    ]
    assert unused == []


def test_jargon_alternatives_are_plainer_than_the_term():
    import yaml

    swaps = yaml.safe_load((REPO / "policy" / "vocab" / "jargon.yml").read_text(encoding="utf-8"))
    for term, alternatives in swaps.items():
        for alternative in str(alternatives).split("|"):
            assert alternative.strip() and alternative.strip().lower() != term.lower(), term


# --- the evaluation script (benchmarks/eval_policy.py) on a tiny data set of our own ----------


def _eval_module():
    spec = importlib.util.spec_from_file_location("eval_policy", REPO / "benchmarks" / "eval_policy.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _eval_data(folder: Path, olid_rows: list[str], mp_rows: list[str]) -> Path:
    """A tiny data set of our own in the shared data's file layout."""
    header = "id\ttweet\tsubtask_a\tsubtask_b\tsubtask_c\n"
    (folder / "olid-training-v1.0.tsv").write_text(
        header + "".join(r + "\n" for r in olid_rows), encoding="utf-8"
    )
    (folder / "uk-mp-tweets-dev.csv").write_text(
        "id,text\n" + "".join(r + "\n" for r in mp_rows), encoding="utf-8"
    )
    return folder


def test_eval_placeholders_do_not_fire_rules_by_themselves():
    module = _eval_module()
    raw = "@USER @USER @USER thanks for coming to the litter pick URL"
    # An anonymised @USER is many accounts, never one handle repeated: no pile-on even unprepared.
    assert not any(f.category == "trolling" for f in analyzer().analyze(raw).findings)
    text = module.prepare_olid(raw)
    assert "@USER" not in text and "URL" not in text
    assert [f.rule for f in analyzer().analyze(text).findings if f.is_conduct] == []


def test_eval_script_reports_precision_recall_and_mp_must_fix(tmp_path, capsys):
    module = _eval_module()
    _eval_data(
        tmp_path,
        [
            "1\t@USER you are a coward\tOFF\tTIN\tIND",
            "2\t@USER thanks for the lovely leaflet\tNOT\tNULL\tNULL",
            "3\tthe buses are late again\tOFF\tUNT\tNULL",
        ],
        ['1,"Great to meet bus drivers in Leeds today."', '2,"Councillor Hart is a clown."'],
    )
    assert module.main([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "precision 1.000  recall 0.500" in out  # one OFF found, one missed, no false flag
    assert "missed OFF tweets by kind: UNT 1" in out
    assert "with a must-fix finding: 1 (50.0%" in out
    assert "Councillor Hart is a clown" in out


def test_audited_figures_replace_each_stratum_by_its_share_of_offensive_tweets():
    from collections import Counter

    module = _eval_module()
    counts = Counter(off_tp=80, off_fp=20, off_fn=50, off_tn=850)
    outcome = {"f1": "fp", "f2": "fp", "f3": "fp", "f4": "fp", "m1": "fn", "m2": "fn", "n1": "tn"}
    outcome["moved"] = "tp"  # audited as a miss, now flagged: it no longer speaks for the misses
    labels = {"f1": "O", "f2": "O", "f3": "M", "f4": "N", "m1": "O", "m2": "U", "n1": "N", "moved": "N"}
    p, r, shares = module.audited_figures(counts, outcome, labels, frozenset("OM"))
    assert shares == {"fp": (4, 0.75), "fn": (2, 0.5), "tn": (1, 0.0)}
    assert p == pytest.approx((80 + 15) / 100)
    assert r == pytest.approx(95 / (95 + 25))
    p, r, _ = module.audited_figures(counts, outcome, labels, frozenset("OMU"))
    assert r == pytest.approx(95 / (95 + 50))
    (p_lo, p_hi), (r_lo, r_hi) = module.audited_interval(counts, outcome, labels, frozenset("OM"))
    assert 0.8 <= p_lo <= (80 + 15) / 100 <= p_hi <= 1.0  # the misses and false flags vary
    assert r_lo < 95 / (95 + 25) < r_hi
    del outcome["n1"]
    assert module.audited_figures(counts, outcome, labels, frozenset("O")) is None
    assert module.audited_interval(counts, outcome, labels, frozenset("O")) is None


# A flagged OFF tweet, a false flag, a miss and an unflagged NOT tweet.
AUDITED_TWEETS = [
    "1\t@USER you are a coward\tOFF\tTIN\tIND",
    "2\t@USER you absolute clown\tNOT\tNULL\tNULL",
    "3\tthe buses are late again\tOFF\tUNT\tNULL",
    "4\tlovely day for a litter pick\tNOT\tNULL\tNULL",
]


def test_eval_script_prints_the_audited_estimate(tmp_path, capsys):
    module = _eval_module()
    _eval_data(
        tmp_path,
        AUDITED_TWEETS,
        ['1,"Great to meet bus drivers."'],
    )
    audit = tmp_path / "audit.csv"
    # tweet 1 was a miss when it was sampled and is flagged now: it speaks for no stratum
    audit.write_text("id,sampled_as,reader_1\n1,fn,O\n2,fp,O\n3,fn,N\n4,tn,N\n", encoding="utf-8")
    assert module.main([str(tmp_path), "--audit", str(audit)]) == 0
    out = capsys.readouterr().out
    assert "precision 0.500  recall 0.500" in out  # as labelled
    # as read: the false flag is an insult and the miss is not offensive
    assert "4 tweets; 0 mined and 1 moved by later rule changes are left out" in out
    assert "offensive = O      precision 1.000 (1.00-1.00)  recall 1.000 (1.00-1.00)" in out


def test_eval_script_leaves_mined_rows_out_of_the_estimate(tmp_path, capsys):
    module = _eval_module()
    _eval_data(
        tmp_path,
        [*AUDITED_TWEETS, "5\tthe rubbish has not been collected\tNOT\tNULL\tNULL"],
        ['1,"Great to meet bus drivers."'],
    )
    audit = tmp_path / "audit.csv"
    # tweet 5 is unflagged and read as offensive, but it was mined: with it counted, the
    # unflagged NOT tweets would be half offensive and recall would fall below 1
    audit.write_text(
        "id,sampled_as,mined,reader_1\n2,fp,,O\n3,fn,no,N\n4,tn,,N\n5,tn,yes,O\n", encoding="utf-8"
    )
    assert module.main([str(tmp_path), "--audit", str(audit)]) == 0
    out = capsys.readouterr().out
    assert "4 tweets; 1 mined and 0 moved by later rule changes are left out" in out
    assert "offensive = O      precision 1.000 (1.00-1.00)  recall 1.000 (1.00-1.00)" in out
    assert "    mined:" not in out  # the column is not taken for a reader
