"""The report log on disk and additions to the do-not-amplify list (storage/replies.py)."""

from __future__ import annotations

import json

from desktop_app.core.replies.judge import Triage, Verdict
from desktop_app.core.replies.log import ReportLog, Status
from desktop_app.core.replies.sources import Reply
from desktop_app.storage.replies import (
    ReportLogStore,
    add_to_do_not_amplify,
    do_not_amplify_file,
    report_log_file,
)


def test_the_log_round_trips_through_the_data_folder(tmp_path):
    store = ReportLogStore()
    assert store.path == report_log_file() and store.load().reports() == []
    log = ReportLog()
    reply = Reply("You scum", author="@a")
    log.record(reply, Verdict(Triage.REPORT, "abuse", clause="C-abuse", category="abuse"), "Report.", "t1")
    log.set_status(reply.key, Status.DISMISSED, "a friend joking", "t2")
    log.correct(Reply("Hello"), Triage.THANK, "t3")
    store.save(log)
    again = ReportLogStore().load()
    assert again.to_dict() == log.to_dict()


def test_a_damaged_log_is_set_aside_and_a_new_one_started(tmp_path):
    path = tmp_path / "log.json"
    path.write_text("{not json", encoding="utf-8")
    store = ReportLogStore(path)
    assert store.load().reports() == []
    assert "could not be read" in store.problem and "kept as" in store.problem
    assert not path.exists() and len(list(tmp_path.glob("log.unreadable-*.json"))) == 1
    store.save(ReportLog())
    assert json.loads(path.read_text(encoding="utf-8"))["reports"] == []


def test_authors_are_added_once_and_the_lists_own_lines_are_kept(tmp_path):
    path = tmp_path / "do-not-amplify.txt"
    path.write_text("# our list\n@Old_Troll  # since 2024\n", encoding="utf-8")
    assert add_to_do_not_amplify(["old_troll", "@New_One", "@new_one ", ""], path) == ["@new_one"]
    assert path.read_text(encoding="utf-8") == "# our list\n@Old_Troll  # since 2024\n@new_one\n"
    assert add_to_do_not_amplify(["@NEW_ONE"], path) == []


def test_a_new_list_goes_in_the_overlay_where_the_pack_reads_it():
    from desktop_app.policy import load_policy
    from desktop_app.triage import ReplyTriager

    assert add_to_do_not_amplify(["@persistent_abuser"]) == ["@persistent_abuser"]
    assert do_not_amplify_file().is_file()
    assert ReplyTriager(load_policy()).is_listed("Persistent_Abuser")
