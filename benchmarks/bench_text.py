"""Speed of the text foundations on 5,000-character drafts (prints figures; no asserts).

Run: .venv/bin/python benchmarks/bench_text.py
"""

from __future__ import annotations

import random
import time

ENGLISH = (
    "Our councillors have worked hard this year to keep the library open and the buses running. "
    "We knocked on 3,000 doors in Ward 7 and listened to what people told us. "
    "Thank you to every volunteer who gave up a Saturday morning to help. "
    "Come and meet the team at the community centre on Friday at 7.30pm, everyone is welcome. "
    "Read the full plan at https://example.org/plan and tell us what you think. "
)
CURLY = ENGLISH.replace("'", "’") + "We’re proud of what we’ve done, and there’s more to do. 👍🏽 "
HINDI = "हम अपने समुदाय के लिए काम कर रहे हैं। आइए मिलकर बदलाव लाएं! "  # marks in every word


def adversarial(n: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    pieces = ["і\u200bd1\u200bоt", "i d i o t", "t.r.a.i.t.o.r", "ｓｃａｍ", "sc@m", "𝐢𝐝𝐢𝐨𝐭", "ídíòt"]
    pieces += ["y0u", "1d10t!"]
    out = []
    while sum(map(len, out)) < n:
        out.append(rng.choice(pieces))
        out.append(" ")
    return "".join(out)[:n]


def repeat_to(text: str, n: int) -> str:
    return (text * (n // len(text) + 1))[:n]


def bench(label: str, fn, arg, repeats: int = 200) -> None:
    t0 = time.perf_counter()
    fn(arg)
    cold = time.perf_counter() - t0
    best = float("inf")
    total = 0.0
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn(arg)
        dt = time.perf_counter() - t0
        best = min(best, dt)
        total += dt
    mean = total / repeats
    print(f"{label:<60} first {cold * 1e3:7.3f} ms   mean {mean * 1e3:7.3f} ms   best {best * 1e3:7.3f} ms")


def main() -> None:
    t0 = time.perf_counter()
    from desktop_app.core import evasion, offsets, text

    print(f"import desktop_app.core.text, evasion, offsets: {(time.perf_counter() - t0) * 1e3:.1f} ms")
    drafts = {
        "ASCII English": repeat_to(ENGLISH, 5000),
        "English, curly quotes + emoji": repeat_to(CURLY, 5000),
        "adversarial evasion": adversarial(5000),
        "Hindi with vowel marks": repeat_to(HINDI, 5000),
    }
    for name, draft in drafts.items():
        print(f"--- {name} ({len(draft)} chars)")
        bench("normalise_for_matching", evasion.normalise_for_matching, draft)
        bench("sentences", text.sentences, draft)
        bench("words", text.words, draft)
        bench("paragraphs", text.paragraphs, draft)
        bench("Utf16Map build", offsets.Utf16Map, draft)
        norm = evasion.normalise_for_matching(draft)
        bench("to_original x1000", lambda n: [n.to_original(i, i + 3) for i in range(1000)], norm, 20)

    from desktop_app.core import platforms
    from desktop_app.policy import load_policy

    shipped = load_policy(include_user_overlay=False).platforms
    for name, draft in drafts.items():
        bench(f"platforms.fit_all (7 networks), {name}", lambda t: platforms.fit_all(t, shipped), draft)

    try:
        from desktop_app.core import readability
    except ImportError:
        return
    t0 = time.perf_counter()
    readability.warm_up()
    print(f"--- readability warm_up (cold load): {(time.perf_counter() - t0) * 1e3:.1f} ms")
    for name, draft in drafts.items():
        if name != "ASCII English" and name != "English, curly quotes + emoji":
            continue
        readability.clear_caches()
        bench(f"readability.score, {name} (first = uncached)", readability.score, draft, 50)


if __name__ == "__main__":
    main()
