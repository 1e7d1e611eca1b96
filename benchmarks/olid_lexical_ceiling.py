"""How far a lexical model could take OLID's macro-F1: a measurement, never shipped.

    python -m venv /tmp/ceiling && /tmp/ceiling/bin/pip install scikit-learn
    /tmp/ceiling/bin/pip install -e .     # our engine, for the rules' verdicts
    /tmp/ceiling/bin/python benchmarks/olid_lexical_ceiling.py [DATA_DIR] [--folds 5]

Issues 15 and 19 ask for macro-F1 0.80 on OLID's test set from checks that must run in pure
Python in a tenth of a millisecond a post: a lexical model at most. This script asks what
the strongest such model would reach if it were trained on OLID itself (which the shipped
model is not: its licence is unstated), by stratified cross-validation on OLID's training
split only (DATA_DIR defaults to ../shared/data; never its test files):
- logistic regression over word uni- and bigrams (tf-idf), then with character 2-5-grams
  added (too slow to score in pure Python within budget, so an upper bound);
- each of those with our rules (a tweet is OFF if a rule flags it or the model says so);
- a stacked model: the rules' categories, the shipped model's score and the n-gram model's
  held-out score, combined by a second logistic regression.
Each model's score on a tweet comes from the folds that did not hold it. The threshold is
then chosen on those held-out scores over the whole split, which flatters every line a
little (by a hundredth or so). No tweet text is printed or written.
"""

from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from eval_policy import (  # noqa: E402
    is_offensive,
    macro_f1,
    model_rule,
    prepare_olid,
    read_olid,
    without_model,
)

from desktop_app.engine import Analyzer  # noqa: E402


def best(scores, gold, rules=None) -> tuple[float, float]:
    """(macro-F1, threshold) at the best threshold on a 0.01 grid."""
    results = []
    for step in range(5, 96):
        t = step / 100
        flags = [s >= t for s in scores]
        if rules is not None:
            flags = [f or r for f, r in zip(flags, rules, strict=True)]
        results.append((macro_f1(flags, gold)[0], t))
    return max(results)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(REPO.parent / "shared" / "data"))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    try:
        import numpy as np
        from scipy.sparse import hstack
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import StratifiedKFold
    except ImportError:
        print("needs scikit-learn (a measurement only; see the docstring)", file=sys.stderr)
        return 2
    path = Path(args.data) / "olid-training-v1.0.tsv"
    if not path.is_file():
        print(f"OLID training split not found: {path}", file=sys.stderr)
        return 2

    analyzer = Analyzer()
    shipped = model_rule(analyzer.pack)
    texts, gold, rules, shipped_scores, categories = [], [], [], [], []
    for _id, tweet, a, _b, _c in read_olid(path):
        prepared = prepare_olid(tweet)
        found = without_model(analyzer.analyze(prepared).findings)
        texts.append(html.unescape(tweet).replace("@USER", " ").replace("URL", " ").lower())
        gold.append(a == "OFF")
        rules.append(is_offensive(found))
        shipped_scores.append(shipped.post_score(prepared) if shipped else 0.0)
        categories.append({f.category for f in found if f.is_conduct or f.category == "profanity"})
    y = np.array(gold)
    print(f"OLID training split: {len(gold)} tweets ({sum(gold)} OFF); {args.folds}-fold cross-validation")
    print(f"  our rules alone                       macro-F1 {macro_f1(rules, gold)[0]:.3f}")
    print(f"  the shipped model alone (best cut)    macro-F1 {best(shipped_scores, gold)[0]:.3f}")
    print(f"  rules + shipped model (best cut)      macro-F1 {best(shipped_scores, gold, rules)[0]:.3f}")

    folds = list(StratifiedKFold(args.folds, shuffle=True, random_state=args.seed).split(texts, y))

    def held_out(make_vectorisers) -> list[float]:
        scores = np.zeros(len(texts))
        for train, test in folds:
            vectorisers = make_vectorisers()
            fit = hstack([v.fit_transform([texts[i] for i in train]) for v in vectorisers]).tocsr()
            held = hstack([v.transform([texts[i] for i in test]) for v in vectorisers]).tocsr()
            model = LogisticRegression(max_iter=2000, class_weight="balanced").fit(fit, y[train])
            scores[test] = model.predict_proba(held)[:, 1]
        return list(scores)

    def words():
        return [TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)]

    def words_and_characters():
        characters = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=3, sublinear_tf=True)
        return [*words(), characters]

    names = sorted({c for found in categories for c in found})
    for label, make in (("words 1-2", words), ("words 1-2 + characters 2-5", words_and_characters)):
        scores = held_out(make)
        print(f"  trained on OLID: {label:<27} macro-F1 {best(scores, gold)[0]:.3f}")
        print(f"    + our rules                         macro-F1 {best(scores, gold, rules)[0]:.3f}")
        stacked_inputs = np.column_stack(
            [[[c in found for c in names] for found in categories], rules, shipped_scores, scores]
        ).astype(float)
        stacked = np.zeros(len(texts))
        for train, test in folds:
            model = LogisticRegression(max_iter=2000, class_weight="balanced")
            model.fit(stacked_inputs[train], y[train])
            stacked[test] = model.predict_proba(stacked_inputs[test])[:, 1]
        print(f"    stacked with rules and shipped model macro-F1 {best(list(stacked), gold)[0]:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
