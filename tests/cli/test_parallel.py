"""cli/parallel.py: a long run of replies sorted by forked workers comes back whole, in
order, and the same as sorted here; workers that die or cannot fork lose nothing."""

from __future__ import annotations

import os

import pytest

from desktop_app.cli import parallel

pytestmark = pytest.mark.skipif(not parallel.can_fork(), reason="forked workers are for Linux only")


class CountingTriager:
    """Says which process sorted each reply, so a test can see the work was shared."""

    def triage(self, reply):
        return (reply, os.getpid())


REPLIES = [f"reply {n}" for n in range(3 * parallel.BATCH + 7)]


def test_a_long_run_is_shared_between_workers_and_comes_back_in_order():
    out = list(parallel.triage_in_parallel(CountingTriager(), iter(REPLIES), workers=2))
    assert [reply for reply, _ in out] == REPLIES
    here = os.getpid()
    assert {pid for _, pid in out[: parallel.BATCH]} == {here}  # the first batch, here
    assert here not in {pid for _, pid in out[parallel.BATCH :]}  # the rest, by workers


def test_a_short_run_or_one_core_is_sorted_here():
    short = REPLIES[: parallel.BATCH]
    assert {pid for _, pid in parallel.triage_in_parallel(CountingTriager(), short, workers=2)} == {
        os.getpid()
    }
    one = list(parallel.triage_in_parallel(CountingTriager(), REPLIES, workers=1))
    assert [r for r, _ in one] == REPLIES and {pid for _, pid in one} == {os.getpid()}


def test_workers_that_die_lose_nothing(monkeypatch):
    def dies(batch):
        os._exit(3)  # a worker killed mid-run

    monkeypatch.setattr(parallel, "_sort_batch", dies)
    out = list(parallel.triage_in_parallel(CountingTriager(), REPLIES, workers=2))
    assert [reply for reply, _ in out] == REPLIES
    assert {pid for _, pid in out} == {os.getpid()}  # every batch sorted again here


def test_no_fork_means_no_workers(monkeypatch):
    monkeypatch.setattr(parallel, "can_fork", lambda: False)
    out = list(parallel.triage_in_parallel(CountingTriager(), REPLIES, workers=2))
    assert [reply for reply, _ in out] == REPLIES and {pid for _, pid in out} == {os.getpid()}


def test_the_command_line_gives_the_same_answers_with_workers_as_without(monkeypatch, capsys, tmp_path):
    from desktop_app.__main__ import main

    lines = ["When will the bins be collected?", "You absolute moron.", "Thanks, well done!", "First!"]
    path = tmp_path / "replies.txt"
    path.write_text("\n".join(f"{lines[n % 4]} ({n})" for n in range(2 * parallel.BATCH + 3)) + "\n")
    main(["replies", "--format", "jsonl", str(path)])
    shared = capsys.readouterr().out
    monkeypatch.setattr(parallel, "usable_cores", lambda: 1)
    main(["replies", "--format", "jsonl", str(path)])
    alone = capsys.readouterr().out
    assert shared == alone and len(shared.splitlines()) == 2 * parallel.BATCH + 3
