"""Our own labelled sentences for the reply-abuse model (scripts/train_reply_model.py).

Everything here is in our own words, written for this project:
- the `flag` (abusive) and `pass` (not) examples of every conduct rule in policy/rules/, and
  every example of the plain-language and style rules (ordinary posts: not abuse);
- the abusive replies and their look-alikes in tests/data/abuse_families*.yml (entries
  marked `left` included: they are abuse the rules miss, which is what a model is for);
- the dev reply sets tests/data/replies/dev-*.txt (abusive against criticism, thanks,
  untargeted swearing and the rest);
- the paragraphs of the ordinary posts the tests hold, tests/data/ordinary_posts*.txt (not
  abuse: a remembrance of people killed by hatred, a report of abuse a member suffered).
Never the held-out reply sets (tests/data/replies/holdout-*.txt: they measure the sorting),
never anything in ../shared/data (OLID, MPs' tweets: they measure the checks).

Standard library and PyYAML only, so the tests can check what the model is trained on.
"""

from __future__ import annotations

from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
# The categories whose rules' examples are abuse (flag) or its look-alikes (pass).
CONDUCT = frozenset(
    {
        "abuse",
        "discrimination",
        "sexualised",
        "personal-attack",
        "derogatory-label",
        "trolling",
        "private-info",
    }
)


def _texts(entries):
    for entry in entries or ():
        yield entry["text"] if isinstance(entry, dict) else entry


# Rough language that is not abuse by itself (swearing, hostility, the offence model): its
# examples are neither, so they are left out.
ROUGH = frozenset({"profanity", "offence-score", "hostile-reply", "amplification"})


def rule_examples(repo: Path = REPO):
    for path in sorted((repo / "policy" / "rules").glob("*.yml")):
        rule = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(rule, dict) or rule.get("category") in ROUGH:
            continue
        conduct = rule.get("category") in CONDUCT
        examples = rule.get("examples") or {}
        for text in examples.get("flag") or ():
            yield text, 1 if conduct else 0, f"rules/{path.name}"
        for text in examples.get("pass") or ():
            yield text, 0, f"rules/{path.name}"


def family_examples(repo: Path = REPO):
    for path in sorted((repo / "tests" / "data").glob("abuse_families*.yml")):
        families = yaml.safe_load(path.read_text(encoding="utf-8"))
        for name, family in families.items():
            where = f"{path.name}:{name}"
            for text in _texts(family.get("abusive")):
                yield text, 1, where
            for text in _texts(family.get("look-alikes")):
                yield text, 0, where


def dev_replies(repo: Path = REPO):
    for path in sorted((repo / "tests" / "data" / "replies").glob("dev-*.txt")):
        label = 1 if path.stem == "dev-abusive" else 0
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield line.strip(), label, path.name


def ordinary_paragraphs(repo: Path = REPO):
    """Each paragraph of our ordinary posts (tests/data/ordinary_posts*.txt: a line "---"
    between posts; a line opening with "#", the header or a line led by a hashtag, left out)."""
    for path in sorted((repo / "tests" / "data").glob("ordinary_posts*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and line.strip() != "---" and not line.startswith("#"):
                yield line.strip(), 0, path.name


def held_out(repo: Path = REPO) -> set[str]:
    """The held-out replies: never taught, even where a family happens to hold one too."""
    held = set()
    for path in (repo / "tests" / "data" / "replies").glob("holdout-*.txt"):
        held |= {line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    return held


def labelled_sentences(repo: Path = REPO) -> list[tuple[str, int, str]]:
    """(text, 1 for abuse / 0 for not, where it came from), each text once (its first label),
    none of them a held-out reply."""
    seen: dict[str, tuple[str, int, str]] = {}
    for item in (
        *rule_examples(repo),
        *family_examples(repo),
        *dev_replies(repo),
        *ordinary_paragraphs(repo),
    ):
        seen.setdefault(item[0].strip(), item)
    held = held_out(repo)
    return [item for text, item in seen.items() if text not in held]
