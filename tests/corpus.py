"""A varied corpus of posts for tests that compare two paths to the same result.

Our own text only: the shipped rules' `flag` and `pass` examples, sentences written here, and
variations generated from them with a seeded random generator (so every run sees the same
posts): several sentences and paragraphs, emoji with skin tones, flags and joiners, links,
handles and addresses, accents typed as combining marks, other scripts, repeated words,
abbreviations, stretched and masked spellings, and posts past every network's limit.
"""

from __future__ import annotations

import random
from pathlib import Path

import yaml

RULES = Path(__file__).resolve().parents[1] / "policy" / "rules"

# Written for these tests: the awkward cases for sentences, words, counting and encoding.
OWN_SENTENCES = [
    "Going forward, we will leverage our stakeholders to deliver a step change in bus services.",
    "Councillor Hart says the cuts are fine, but 3,000 residents in Ashford disagree.",
    "Thanks to @AshfordBuses and every volunteer who knocked on doors this week!",
    "Read the plan at https://example.org/plan?id=7&x=1 or bbc.co.uk/news before Friday.",
    "Write to us at office@example.org or call 01234 567890.",
    "Mr. Smith met Dr. Jones at 7.30pm, e.g. after the meeting, approx. 3.5% of the time.",
    "We fixed the the roof of the school, and and the hall too.",
    "The The council met. THE the vote was close.",
    "Wait... what? Really?! Yes… it happened.",
    "1. Cut waiting lists 2. Fund the buses 3. Reopen the library",
    "It costs £1.2bn, see p. 4 and No. 10, or U.K. figures.",
    "Great news! 🎉 Join us 👍🏽 for the 🇬🇧 fair with the 👨‍👩‍👧 families.",
    "Café owners in Hythe said the crème brûlée stall was a hit.",
    "Cafe\u0301 owners typed the accent apart, as some phones do.",
    "İstanbul and ß and ǅ fold oddly when lowered.",
    "市议会今天开会。 ما هذا؟ यह नगर परिषद है।",
    "He is an iddiottt and a c-l-o-w-n, frankly an id**t.",
    "Everyone tag @Minister and flood their mentions! @Minister @Minister @Minister",
    "#SaveOurLibrary #BusesNow #savethebeach #FixTheRoads #KeepItLocal #Ashford",
    "We think this might perhaps possibly help, sort of, in due course.",
    "Our councillors voted for free school meals for every primary child in the borough.",
    "“Quoted,” she said. ‘Single quotes’ (and brackets) [too].",
    "Tabs\tand\u00a0non-breaking spaces\u2009and thin ones.",
    "A zero\u200bwidth space and a soft\u00adhyphen hide here.",
    "@user @user thanks for the reply.",
    "At last night's CLP meeting the GC passed a motion on bus fares after compositing.",
    "The minister's plan is a disaster for families who rely on the number 12 bus.",
    "Email sarah.jones@example.com, phone 07700 900123, or visit 12 High Street, Ashford TN23 1AA.",
    "ALL CAPS SHOUTING IS HARD TO READ AND FEELS ANGRY TO MANY PEOPLE.",
    "Keycaps 1️⃣ 2️⃣ and a heart ❤️ count differently on each network.",
]

EMOJI = ["🎉", "👍🏽", "🇬🇧", "👨‍👩‍👧", "❤️", "🙂", "🚌", "1️⃣"]
JOINS = [" ", " ", " ", "  ", "\n", "\n\n", " \n \n", "\n\n\n", "\u2029", "\t"]


def rule_examples() -> list[str]:
    """Every shipped rule's `flag` and `pass` examples."""
    out: list[str] = []
    for path in sorted(RULES.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        examples = data.get("examples") or {}
        for key in ("flag", "pass"):
            out.extend(str(x) for x in examples.get(key) or ())
    return out


def _post(rng: random.Random, pool: list[str], max_sentences: int, joins: list[str]) -> str:
    parts = []
    for _ in range(rng.randint(1, max_sentences)):
        sentence = rng.choice(pool)
        roll = rng.random()
        if roll < 0.1:
            sentence += " " + rng.choice(EMOJI)
        elif roll < 0.15:
            sentence = sentence.upper()
        elif roll < 0.2:
            words = sentence.split()
            i = rng.randrange(len(words))
            words.insert(i, words[i])  # a repeated word
            sentence = " ".join(words)
        parts.append(sentence)
    text = parts[0]
    for part in parts[1:]:
        text += rng.choice(joins) + part
    if rng.random() < 0.1:
        text = rng.choice(["  ", "\n", " \t"]) + text + rng.choice([" ", "\n\n", "  "])
    return text


def posts(mixed: int = 400, seed: int = 16, one_line: bool = False) -> list[str]:
    """The examples and our sentences one by one, then `mixed` generated mixtures of them
    (long ones among them). `one_line`: no line breaks inside a post (for `check --lines`)."""
    rng = random.Random(seed)
    pool = rule_examples() + OWN_SENTENCES
    joins = [j for j in JOINS if "\n" not in j and "\u2029" not in j] if one_line else JOINS
    out = list(pool)
    for _ in range(mixed):
        long = rng.random() < 0.08
        out.append(_post(rng, pool, 40 if long else 6, joins))
    if one_line:
        out = [" ".join(p.splitlines()) for p in out]
        out = [p for p in out if p.strip()]
    return out
