"""Export alt-profanity-check's model (MIT) to policy/models/offence-score.json, a data
file that desktop_app/core/text_model.py scores in pure Python.

    python -m venv /tmp/export
    /tmp/export/bin/pip install alt-profanity-check==1.9.1   # brings scikit-learn 1.9.1, joblib
    /tmp/export/bin/python scripts/export_offence_model.py [--max-bytes N]

The package is a TfidfVectorizer (words, lower case, l2 norm) feeding a
CalibratedClassifierCV: five LinearSVCs, each with a sigmoid calibration. The file keeps,
per word, its idf and each member's weight times idf (rounded to --digits significant
digits), and per member its intercept and calibration. When the file would be larger than
--max-bytes, the words that move the decision least lose their weights (their idf stays,
so every text keeps the length the package gives it) until it fits.

It then checks the pure-Python scorer against the package on our own sample sentences
(never tweets from the evaluation data) and writes the package's scores to
tests/data/offence-model-reference.json, which the tests compare with the shipped file.
Run it again only to move to a new release of the package; the output is deterministic.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from desktop_app.core.text_model import FORMAT, parse_text_model  # noqa: E402  (stdlib only)

OUTPUT = REPO / "policy" / "models" / "offence-score.json"
REFERENCE = REPO / "tests" / "data" / "offence-model-reference.json"
PACKAGE = "alt-profanity-check"
EXPECTED_VERSION = "1.9.1"
MAX_BYTES = 2_000_000
# The scorer may differ from the package only by the rounding of the stored numbers.
TOLERANCE = 1e-4

# Our own sentences, written for this check: plain posts, criticism, swearing, insults,
# and sentences with identity and party words (the package's scores on them are recorded).
SAMPLES = [
    "We will build 300 council homes in Hartlepool by 2027.",
    "Thanks to every volunteer who knocked on doors this weekend.",
    "The minister's plan for bus fares is a disaster for rural towns.",
    "This budget is a joke and families will pay for it.",
    "What the hell is the council doing with our bins?",
    "These bus cuts are bullshit.",
    "You are a fucking idiot.",
    "Shut up, you stupid cow.",
    "The councillor is a liar and a coward.",
    "Go to hell, you absolute moron.",
    "Lesbian couples still face barriers to IVF.",
    "Muslim and Jewish leaders met at the town hall today.",
    "Gay and trans people deserve safe housing too.",
    "Women are under-represented on the finance committee.",
    "Labour and the Tories both voted against the amendment.",
    "Black history month starts on Saturday at the library.",
    "",
    "!!!",
    "Idiot.",
    "DAMN THIS RAIN, the fete is off.",
    "Our NHS needs nurses, not slogans: 40,000 posts are empty.",
    "He's a disgusting pig and everyone knows it.",
    "Kill the bill!",
    "Get off your lazy arse and vote on Thursday.",
]


def load_package():
    try:
        version = importlib.metadata.version(PACKAGE)
    except importlib.metadata.PackageNotFoundError:
        sys.exit(f"{PACKAGE} is not installed here: pip install {PACKAGE}=={EXPECTED_VERSION}")
    if version != EXPECTED_VERSION:
        print(
            f"warning: {PACKAGE} {version} (this script was written for {EXPECTED_VERSION})", file=sys.stderr
        )
    from profanity_check import profanity_check  # loads the two joblib files

    return version, profanity_check


def check_shape(vectorizer, model) -> None:
    """Stop with a clear message when the package no longer has the shape we export."""
    from sklearn.calibration import CalibratedClassifierCV, _SigmoidCalibration
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.svm import LinearSVC

    p = vectorizer.get_params()
    problems = []
    if not isinstance(vectorizer, TfidfVectorizer):
        problems.append(f"vectoriser is {type(vectorizer).__name__}, not TfidfVectorizer")
    wanted = {
        "analyzer": "word",
        "ngram_range": (1, 1),
        "norm": "l2",
        "use_idf": True,
        "sublinear_tf": False,
        "binary": False,
        "strip_accents": None,
        "preprocessor": None,
        "tokenizer": None,
    }
    problems += [f"vectoriser {k}={p.get(k)!r}, expected {v!r}" for k, v in wanted.items() if p.get(k) != v]
    if not isinstance(model, CalibratedClassifierCV):
        problems.append(f"model is {type(model).__name__}, not CalibratedClassifierCV")
    else:
        for member in model.calibrated_classifiers_:
            if not isinstance(member.estimator, LinearSVC) or member.estimator.coef_.shape[0] != 1:
                problems.append("a member is not a binary LinearSVC")
            if len(member.calibrators) != 1 or not isinstance(member.calibrators[0], _SigmoidCalibration):
                problems.append("a member is not calibrated with one sigmoid")
        if list(model.classes_) != [0, 1]:
            problems.append(f"classes are {list(model.classes_)}, expected [0, 1]")
    if problems:
        sys.exit("cannot export: " + "; ".join(problems))


def number(x: float, digits: int) -> float:
    return float(f"{x:.{digits}g}")


def build(vectorizer, model, version: str, digits: int, max_bytes: int) -> tuple[dict, int]:
    """The model file's content, and how many words lost their weights to fit max_bytes."""
    members = model.calibrated_classifiers_
    weights = [m.estimator.coef_[0] for m in members]
    idf = vectorizer.idf_
    entries = {}
    strength = {}
    for word, column in sorted(vectorizer.vocabulary_.items()):
        row = [number(idf[column], digits)] + [number(w[column] * idf[column], digits) for w in weights]
        entries[word] = row
        strength[word] = max(abs(x) for x in row[1:])
    content = {
        "format": FORMAT,
        "source": {
            "package": PACKAGE,
            "version": version,
            "licence": "MIT",
            "copyright": "Copyright (c) 2018 Victor Zhou, 2021 Menelaos Kotoglou, and Dimitrios Mistriotis",
            "made_by": "scripts/export_offence_model.py",
            "digits": digits,
            "pruned_words": 0,
        },
        "token_pattern": vectorizer.get_params()["token_pattern"],
        "lowercase": bool(vectorizer.get_params()["lowercase"]),
        "members": [
            [
                number(m.estimator.intercept_[0], 12),
                number(m.calibrators[0].a_, 12),
                number(m.calibrators[0].b_, 12),
            ]
            for m in members
        ],
        "vocabulary": entries,
    }
    weakest_first = sorted(strength, key=lambda w: (strength[w], w))
    pruned = 0
    while len(serialise(content)) > max_bytes:
        # drop the weights of the weakest tenth still weighted, keep their idf
        step = max(1, (len(weakest_first) - pruned) // 10)
        for word in weakest_first[pruned : pruned + step]:
            entries[word] = entries[word][:1]
        pruned += step
        content["source"]["pruned_words"] = pruned
    return content, pruned


def serialise(content: dict) -> bytes:
    # One line per word keeps diffs readable when the package is updated.
    head = {k: v for k, v in content.items() if k != "vocabulary"}
    lines = [json.dumps(head, ensure_ascii=False)[:-1] + ', "vocabulary": {']
    words = list(content["vocabulary"].items())
    for i, (word, row) in enumerate(words):
        sep = "," if i < len(words) - 1 else ""
        lines.append(f"{json.dumps(word, ensure_ascii=False)}: {json.dumps(row)}{sep}")
    lines.append("}}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-bytes", type=int, default=MAX_BYTES)
    parser.add_argument("--digits", type=int, default=6, help="significant digits kept per number")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--reference", type=Path, default=REFERENCE)
    args = parser.parse_args(argv)

    version, package = load_package()
    check_shape(package.vectorizer, package.model)
    content, pruned = build(package.vectorizer, package.model, version, args.digits, args.max_bytes)
    data = serialise(content)
    exported = parse_text_model(json.loads(data))

    expected = [float(p) for p in package.predict_prob(SAMPLES)]
    ours = [exported.score(s) for s in SAMPLES]
    worst = max(abs(a - b) for a, b in zip(expected, ours, strict=True))
    for sample, e, o in zip(SAMPLES, expected, ours, strict=True):
        print(f"  package {e:.6f}  ours {o:.6f}  {sample[:60]!r}")
    # Rounding alone must stay within TOLERANCE; pruning (a smaller --max-bytes) moves scores
    # further, so the reference then records the difference it measured, for the tests.
    tolerance = TOLERANCE if not pruned else float(f"{max(worst, TOLERANCE) * 1.5:.2g}")
    print(f"largest difference from the package: {worst:.2e} (allowed {tolerance:.0e})")
    if worst > tolerance:
        print("the exported model does not reproduce the package: nothing written", file=sys.stderr)
        return 1

    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(data)
    reference = {
        "package": PACKAGE,
        "version": version,
        "tolerance": tolerance,
        "samples": [{"text": s, "score": e} for s, e in zip(SAMPLES, expected, strict=True)],
    }
    args.reference.parent.mkdir(parents=True, exist_ok=True)
    args.reference.write_text(json.dumps(reference, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(
        f"wrote {args.output}: {len(data):,} bytes, {len(content['vocabulary']):,} words,"
        f" {pruned:,} without weights; reference scores in {args.reference}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
