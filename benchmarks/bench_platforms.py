"""Cost of counting a post for every network and of splitting a long post into a thread
(prints figures; no asserts).

Run: .venv/bin/python benchmarks/bench_platforms.py
"""

from __future__ import annotations

import time

ENGLISH = (
    "Our councillors have worked hard this year to keep the library open and the buses running. "
    "We knocked on 3,000 doors in Ward 7 and listened to what people told us. "
    "Read the full plan at https://example.org/plan/2026/our-high-street and tell us what you think. "
    "We’re proud 👍🏽 of what we’ve done, and there’s more to do. Visit gov.scot for the details.\n\n"
)
LINKS = (
    "See gov.scot, bbc.co.uk/news and https://example.org/a/b?c=1 today. 🇬🇧 "  # a link every 25 characters
)
HINDI = "हम अपने समुदाय के लिए काम कर रहे हैं। आइए मिलकर बदलाव लाएं! "  # marks in every word


def repeat_to(text: str, n: int) -> str:
    return (text * (n // len(text) + 1))[:n]


def timed(fn, arg, repeats: int) -> tuple[float, float, float]:
    """(first call, mean, best) in milliseconds."""
    t0 = time.perf_counter()
    fn(arg)
    first = time.perf_counter() - t0
    best, total = float("inf"), 0.0
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn(arg)
        dt = time.perf_counter() - t0
        best = min(best, dt)
        total += dt
    return first * 1e3, total / repeats * 1e3, best * 1e3


def report(label: str, fn, arg, repeats: int) -> None:
    first, mean, best = timed(fn, arg, repeats)
    print(f"{label:<58} first {first:8.3f} ms   mean {mean:8.3f} ms   best {best:8.3f} ms")


def main() -> None:
    t0 = time.perf_counter()
    from desktop_app.core.links import twitter_tlds
    from desktop_app.core.platforms import fit_all
    from desktop_app.core.threads import reflow, split_thread
    from desktop_app.policy import load_policy

    print(f"import platforms + threads: {(time.perf_counter() - t0) * 1e3:.1f} ms")
    t0 = time.perf_counter()
    twitter_tlds()
    print(f"load X's {sum(map(len, (twitter_tlds().country, twitter_tlds().generic)))} domain endings: "
          f"{(time.perf_counter() - t0) * 1e3:.1f} ms")  # fmt: skip
    platforms = load_policy(include_user_overlay=False, rules=False).platforms
    by_name = {p.name: p for p in platforms}

    print("\nCounting for all seven networks (fit_all):")
    for label, source in (
        ("English, links, emoji", ENGLISH),
        ("link every 25 chars", LINKS),
        ("Hindi", HINDI),
    ):
        for n in (280, 5_000, 100_000):
            text = repeat_to(source, n)
            report(
                f"  {label}, {n:,} characters",
                lambda t: fit_all(t, platforms),
                text,
                200 if n < 50_000 else 10,
            )

    print("\nSplitting into a thread (split_thread):")
    for name in ("X", "Bluesky", "Threads"):
        for n in (1_000, 5_000, 20_000):
            text = repeat_to(ENGLISH, n)
            posts = len(split_thread(text, by_name[name]).posts)
            report(
                f"  {name}, {n:,} characters -> {posts} posts",
                lambda t, p=by_name[name]: split_thread(t, p),
                text,
                20 if n < 10_000 else 3,
            )

    text = repeat_to(ENGLISH, 5_000)
    parts = [post.body for post in split_thread(text, by_name["X"]).posts]
    parts[3] += " We will report back every month, and we will keep knocking on doors until it is done."
    report(f"  X, re-flow {len(parts)} edited parts", lambda ps: reflow(ps, by_name["X"]), parts, 20)


if __name__ == "__main__":
    main()
