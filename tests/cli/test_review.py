"""`drafting-assistant review`: the one-page sign-off sheet from a text or a draft file."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from desktop_app.core.findings import Finding, Severity
from desktop_app.core.review import DraftReview
from desktop_app.core.versions import Version, join_parts
from desktop_app.storage.drafts import Draft, _dump

REPO = Path(__file__).resolve().parents[2]
# About 100 words with several findings: a personal attack, a phone number, jargon, vague
# commitments, a hard sentence; too long for X as one post.
POST_100 = (
    "Councillor Smith is a spineless liar who has let down every family on Mill Lane. Going forward we "
    "will leverage our stakeholders to deliver a new community hub, and we will look at longer opening "
    "hours in due course. Thanks to the volunteers who knocked on two thousand doors this spring. Come "
    "and tell us what you think on Saturday at the library, and bring a friend who cares about the town. "
    "Call Jo on 07700 900123 to help. Together we can win this for Riverside and make it a place we are "
    "proud of.\n"
)


def review(*args, stdin: str | None = None):
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", "review", *map(str, args)],
        cwd=REPO, capture_output=True, text=True, timeout=120, input=stdin,
    )  # fmt: skip


def pdf_pages(path: Path) -> tuple[int, tuple[int, int], str]:
    """(pages, size of page 1 in points, the text of every page)."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        size = tuple(round(v) for v in pdf[0].get_size())
        text = "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
        return len(pdf), size, text
    finally:
        pdf.close()


def words_of(text: str) -> set[str]:
    return {w for w in re.findall(r"[A-Za-z]{3,}", text)}


def test_a_100_word_post_with_several_findings_is_one_a4_page_with_words_whole(tmp_path):
    """The old sheet was 6 to 8 pages and broke words inside ("spineles s liar")."""
    post = tmp_path / "post.txt"
    post.write_text(POST_100, encoding="utf-8")
    out = tmp_path / "sheet.pdf"
    result = review("--format", "pdf", "--output", out, "--platform", "X", "--platform", "Facebook", post)
    assert result.returncode == 1, result.stderr  # written; a must-fix finding is open
    assert result.stderr == ""
    pages, size, text = pdf_pages(out)
    assert pages == 1 and size == (595, 842)
    lines_words = {w for line in text.splitlines() for w in re.findall(r"[A-Za-z]{3,}", line)}
    assert words_of(POST_100) <= lines_words, sorted(words_of(POST_100) - lines_words)
    for expected in ("Sign-off sheet", "Not ready to approve", "spineless liar", "Reading age", "Network fit",
                     "Policy pack", "Approved by", "conduct policy"):  # fmt: skip
        assert expected in " ".join(text.split()), expected
    assert "Bluesky" not in text and "Mastodon" not in text  # only the chosen networks


def test_a_300_word_post_with_a_dozen_findings_is_still_one_page(tmp_path):
    paragraph = (
        "Going forward we will leverage our stakeholders and we will look at the bus routes in due course. "
        "Thanks to the volunteers who knocked on doors across Riverside this spring, in the rain and the "
        "cold, because they care about the people who live here and want a town that works for everyone. "
    )
    text = (paragraph * 6).strip()
    assert 280 <= len(text.split()) <= 320
    post = tmp_path / "long.txt"
    post.write_text(text + " Councillor Smith is an idiot. Call Jo on 07700 900123.\n", encoding="utf-8")
    out = tmp_path / "long.pdf"
    result = review("--format", "pdf", "--output", out, "--platform", "Facebook", post)
    assert result.returncode == 1, result.stderr
    pages, _size, text = pdf_pages(out)
    assert pages == 1


def test_a_draft_file_brings_its_versions_thread_reasons_and_approval(tmp_path):
    text = "Councillor Hart is a liar. We saved the 42 bus: it runs until eleven from Monday."
    attack = Finding(0, 25, "Councillor Hart is a liar", "Drafting.PersonalAttack", "personal-attack",
                     Severity.MUST_FIX, "Attack", clause="C-personal-attacks")  # fmt: skip
    draft_review = DraftReview()
    draft_review.ignore(attack, "Quoting the court's judgment")
    draft = Draft(
        id="20270105-100000-abcdef01",
        text=text,
        networks=["X", "Facebook"],
        versions={
            "X": Version(join_parts(["Councillor Hart is a liar.", "We saved the 42 bus."]), thread=True)
        },
        review=draft_review,
    )
    path = tmp_path / "draft.json"
    path.write_bytes(_dump(draft))
    out = tmp_path / "sheet.html"
    result = review("--format", "html", "--output", out, "--prepared-by", "Sam Taylor", path)
    assert result.returncode == 0, result.stderr  # the only must-fix was ignored, with a reason
    html = out.read_text(encoding="utf-8")
    assert "1 must-fix finding was ignored, not fixed." in html
    assert "Quoting the court&#x27;s judgment" in html
    assert "Councillor Hart is a liar. 1/2" in html and "We saved the 42 bus. 2/2" in html
    assert "by Sam Taylor" in html
    assert json.loads(path.read_text(encoding="utf-8"))["text"] == text  # the draft is only read


@pytest.mark.parametrize(
    "args, says",
    [
        (["--format", "pdf"], "--output"),
        (["--format", "doc", "--output", "x"], "invalid choice"),
        (["--format", "html", "--output", "{tmp}", "-"], "is a folder"),
        (["--format", "html", "--output", "{tmp}/a-file/x.html", "-"], "cannot write the sheet"),
        (["--format", "html", "--output", "{tmp}/x.html", "--platform", "MySpace", "-"], "unknown platform"),
        (["--format", "html", "--output", "{tmp}/x.html", "{tmp}/missing.txt"], "missing.txt"),
    ],
)
def test_bad_usage_is_one_line_and_exit_2(tmp_path, args, says):
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    result = review(*[a.replace("{tmp}", str(tmp_path)) for a in args], stdin="A short post.")
    assert result.returncode == 2 and says in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_a_broken_draft_file_says_so(tmp_path):
    path = tmp_path / "draft.json"
    path.write_text('{"format": 3, "id": 5, "text": "x"}', encoding="utf-8")
    result = review("--format", "html", "--output", tmp_path / "x.html", path)
    assert result.returncode == 2 and "not a draft file the app can read" in result.stderr


def test_a_300_word_draft_for_three_networks_with_a_thread_and_images_is_one_page(tmp_path):
    from desktop_app.core.images import Image
    from desktop_app.core.threads import find_platform, split_thread
    from desktop_app.policy import load_policy

    paragraph = (
        "Going forward we will leverage our stakeholders and we will look at the bus routes in due course. "
        "Thanks to the volunteers who knocked on doors across Riverside this spring, in the rain and the "
        "cold, because they care about the people who live here and want a town that works for everyone. "
    )
    text = (paragraph * 6).strip() + " Councillor Smith is an idiot. Call Jo on 07700 900123."
    x = find_platform(load_policy(rules=False).platforms, "X")
    draft = Draft(
        id="20270101-000000-aaaaaaaa",
        text=text,
        networks=["X", "Facebook", "LinkedIn"],
        versions={"X": Version(join_parts([p.body for p in split_thread(text, x).posts]), thread=True)},
        images=[Image("crowd.jpg", "Volunteers outside the library"), Image("map.png", "Image of the route")],
    )
    path = tmp_path / "draft.json"
    path.write_bytes(_dump(draft))
    out = tmp_path / "sheet.pdf"
    result = review("--format", "pdf", "--output", out, path)
    assert result.returncode == 1, result.stderr
    pages, _size, text_on_page = pdf_pages(out)
    assert pages == 1
    flat = " ".join(text_on_page.split())
    posts = len(split_thread(text, x).posts)
    assert f" {posts}/{posts}" in flat and "Image 2's description opens with" in flat


def test_a_draft_without_networks_of_its_own_uses_the_writers_usual_ones(tmp_path):
    config = tmp_path / "config"
    (config / "drafting-assistant").mkdir(parents=True)
    (config / "drafting-assistant" / "settings.json").write_text('{"networks": ["X", "Facebook"]}')
    draft = Draft(id="20270105-100000-abcdef02", text="We saved the 42 bus. It runs until eleven.")
    path = tmp_path / "draft.json"
    path.write_bytes(_dump(draft))
    out = tmp_path / "sheet.html"
    env = {**os.environ, "XDG_CONFIG_HOME": str(config)}
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "review", "--format", "html", "--output", str(out), str(path)],
        cwd=REPO, capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert "No network chosen" not in html and "Facebook" in html and "X" in html
