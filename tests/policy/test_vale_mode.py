"""Vale mode: Vale's layouts load, keep their names, follow Vale's semantics, and never
take a party rule's place or produce a must-fix."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from desktop_app.core.findings import Severity
from desktop_app.engine import Analyzer
from tests.policy.folders import load, make_folder

VALE_DATA = Path(__file__).parents[1] / "data" / "vale"


def _shipped_ids():
    from desktop_app.policy import load_policy

    return {r.id for r in load_policy(include_user_overlay=False).rules}


def _found(pack, text, rule_id):
    """What the rule itself finds (before one card per words picks between rules)."""
    from desktop_app.checks.base import TextContext

    return [f.text for f in pack.rule(rule_id).find(TextContext(text))]


def test_a_style_folder_loads_with_style_rule_names(tmp_path):
    pack = load(VALE_DATA / "write-good" / "styles" / "write-good")
    ids = {r.id for r in pack.rules}
    assert {"write-good.Weasel", "write-good.Passive", "write-good.ThereIs"} <= ids
    assert not [p for p in pack.problems]


def test_a_styles_path_loads_every_style_and_keeps_every_party_rule():
    pack = load(VALE_DATA / "Google" / "styles")
    ids = {r.id for r in pack.rules}
    assert "Google.Headings" in ids and "Google.WordList" in ids
    assert _shipped_ids() <= ids  # no shipped party rule is lost


def test_a_vale_style_never_gives_a_must_fix_and_exit_code_stays_0(tmp_path):
    styles = VALE_DATA / "Google" / "styles"
    pack = load(styles)
    report = Analyzer(pack).analyze("Hello world! I will email you the 1st draft at 10PM.")
    vale = [f for f in report.findings if f.rule.startswith("Google.")]
    assert vale and all(f.severity is not Severity.MUST_FIX for f in vale)
    done = subprocess.run(
        [sys.executable, "-m", "desktop_app", "check", "--policy", str(styles), "--format", "json", "-"],
        input="Hello world.",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["policy"]["name"]


def test_raw_and_tokens_are_concatenated_not_ored(tmp_path):
    pack = load(VALE_DATA / "write-good" / "styles" / "write-good")
    assert _found(pack, "We met the minister and told her.", "write-good.Passive") == []
    assert _found(pack, "The bill was defeated.", "write-good.Passive") == ["was defeated"]


def test_substitution_leaves_text_that_is_already_right(tmp_path):
    rule = """\
    extends: substitution
    message: "Use '%s' instead of '%s'."
    ignorecase: true
    swap:
      javascript: JavaScript
      e-?mail: email
    """
    pack = load(make_folder(tmp_path / "style", {"Terms.yml": rule}))
    assert _found(pack, "We use JavaScript and email.", "style.Terms") == []
    assert _found(pack, "We use javascript and e-mail.", "style.Terms") == ["javascript", "e-mail"]


def test_a_vale_ini_picks_styles_rules_levels_and_vocabularies(tmp_path):
    styles = tmp_path / "styles"
    make_folder(
        styles,
        {
            "House/Avoid.yml": "extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: error\n"
            "tokens: [zorbify, leverage]\n",
            "House/Hype.yml": "extends: existence\nmessage: \"'%s'\"\ntokens: [amazing]\n",
            "Other/Nope.yml": "extends: existence\nmessage: x\ntokens: [zzz]\n",
            "config/vocabularies/Party/accept.txt": "leverage\nNorthshire\n",
            "config/vocabularies/Party/reject.txt": "blue-sky thinking\n",
        },
    )
    ini = tmp_path / ".vale.ini"
    ini.write_text(
        "StylesPath = styles\nVocab = Party\n\n[*]\nBasedOnStyles = House\nHouse.Hype = NO\n",
        encoding="utf-8",
    )
    pack = load(ini)
    ids = {r.id for r in pack.rules}
    assert "House.Avoid" in ids and "House.Hype" not in ids and "Other.Nope" not in ids
    assert {"Vale.Terms", "Vale.Avoid"} <= ids
    text = "Our zorbify and leverage in northshire need blue-sky thinking."
    assert _found(pack, text, "House.Avoid") == ["zorbify"]  # accept.txt words are exceptions
    assert _found(pack, text, "Vale.Terms") == ["northshire"]
    assert _found(pack, text, "Vale.Avoid") == ["blue-sky thinking"]
    assert "Northshire" in pack.words  # accepted words are words spelling accepts


def test_a_rule_file_with_a_shipped_name_is_added_beside_it_not_instead(tmp_path):
    style = make_folder(
        tmp_path / "proselint",
        {"Jargon.yml": "extends: existence\nmessage: \"'%s' is jargon.\"\ntokens: [in the affirmative]\n"},
    )
    pack = load(style)
    assert pack.rule("Drafting.Jargon") is not None and pack.rule("proselint.Jargon") is not None
    overlay = make_folder(
        tmp_path / "org",
        {"rules/Jargon.yml": "extends: existence\nmessage: \"'%s'\"\ntokens: [in the affirmative]\n"},
    )
    pack = load(overlay)
    assert pack.rule("Drafting.Jargon") is not None and pack.rule("org.Jargon") is not None


def test_only_pack_yml_replaces_a_shipped_rule(tmp_path):
    org = make_folder(
        tmp_path / "org",
        {
            "pack.yml": "name: Northshire comms\nversion: '2.1'\nowner: Comms team\n"
            "replaces: [Drafting.Jargon]\n",
            "rules/Jargon.yml": "extends: existence\nmessage: \"'%s'\"\ntokens: [in the affirmative]\n",
        },
    )
    pack = load(org)
    assert pack.rule("Drafting.Jargon") is None and pack.rule("org.Jargon") is not None
    assert (pack.name, pack.version, pack.label) == ("Northshire comms", "2.1", "Northshire comms 2.1")
    info = pack.packs[-1]
    assert info.replaced == {"Drafting.Jargon": "org.Jargon"} and info.owner == "Comms team"


def test_a_pack_cannot_replace_a_conduct_rule_with_advice(tmp_path):
    conduct = next(r for r in load(tmp_path).rules if r.clause)
    stem = conduct.id.split(".", 1)[1]
    org = make_folder(
        tmp_path / "org",
        {
            "pack.yml": f"name: Org\nversion: '1'\nreplaces: [{conduct.id}]\n",
            f"rules/{stem}.yml": "extends: existence\nmessage: x\ntokens: [zzz]\n",
        },
    )
    pack = load(org)
    assert pack.rule(conduct.id) is not None
    assert any("conduct rule" in p.message for p in pack.problems)
    assert "only a new version of a policy pack" in pack.conduct_statement()


def test_unsupported_kinds_say_so_in_one_line(tmp_path):
    pack = load(make_folder(tmp_path / "st", {"Spell.yml": "extends: spelling\nmessage: x\n"}))
    (problem,) = [p for p in pack.problems if "Spell" in p.path]
    assert "not supported" in problem.message and problem.key == "extends"


def test_heading_scope_and_sentence_case(tmp_path):
    pack = load(VALE_DATA / "Google" / "styles")
    text = "# This is a Heading\n\nThis is a Heading in a sentence.\n\n# Using gRPC\n"
    assert _found(pack, text, "Google.Headings") == ["This is a Heading"]


def test_occurrence_min_and_repetition_alpha(tmp_path):
    style = make_folder(
        tmp_path / "st",
        {
            "Min.yml": "extends: occurrence\nmessage: 'Too few: %s'\nscope: sentence\nmin: 3\n"
            "token: \\b\\w+\\b\n",
            "Rep.yml": "extends: repetition\nmessage: \"'%s' twice\"\nalpha: true\nignorecase: true\n"
            "tokens: ['[^\\s]+']\n",
        },
    )
    pack = load(style)
    assert len(Analyzer(pack).analyze("Go now. We will win this.").findings) >= 1
    assert _found(pack, "Go now. We will win this.", "st.Min") == ["Go now"]
    assert _found(pack, "The the vote. 10 10 votes.", "st.Rep") == ["The the"]


def test_metric_and_readability_keys(tmp_path):
    style = make_folder(
        tmp_path / "st",
        {
            "Long.yml": "extends: metric\nmessage: 'Score %s'\nformula: (words / sentences)\n"
            "condition: '> 5'\n",
            "Grade.yml": "extends: readability\nmessage: 'Grade %s'\n"
            "metrics: [Flesch-Kincaid, Gunning Fog]\ngrade: 6\n",
        },
    )
    pack = load(style)
    long = "Notwithstanding considerable organisational complexity, the administration reconsidered."
    messages = [f.message for f in Analyzer(pack).analyze(long).findings if f.rule in ("st.Long", "st.Grade")]
    assert any(m.startswith("Score 7.00") for m in messages) and any(m.startswith("Grade") for m in messages)
    assert [
        f for f in Analyzer(pack).analyze("We won. Thank you.").findings if f.rule in ("st.Long", "st.Grade")
    ] == []


def test_a_words_txt_in_a_policy_folder_is_read(tmp_path):
    style = make_folder(
        tmp_path / "st",
        {"A.yml": "extends: existence\nmessage: x\ntokens: [zzz]\n", "words.txt": "Hartlepoolshire\n"},
    )
    assert "Hartlepoolshire" in load(style).words


def test_a_folder_with_nothing_to_load_says_so(tmp_path):
    empty = make_folder(tmp_path / "notes", {"readme.md": "Our styles live elsewhere.\n"})
    pack = load(empty)
    (problem,) = [p for p in pack.problems if p.path.startswith("notes")]
    assert "nothing to load" in problem.message
