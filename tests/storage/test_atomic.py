"""Atomic writes: either the old file or the new one, never half, never a temp left."""

import errno
import os
import stat
import tempfile

import pytest

from desktop_app.storage import atomic
from desktop_app.storage.atomic import WriteFailed, write_bytes_atomic, write_text_atomic


def _leftovers(folder):
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_writes_new_file_and_creates_folders(tmp_path):
    target = tmp_path / "a" / "b" / "note.txt"
    write_text_atomic(target, "héllo")
    assert target.read_text(encoding="utf-8") == "héllo"
    assert _leftovers(target.parent) == []


def test_failure_between_write_and_replace_keeps_old_file(tmp_path, monkeypatch):
    target = tmp_path / "draft.json"
    target.write_text("old", encoding="utf-8")

    def broken_replace(src, dst):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(atomic.os, "replace", broken_replace)
    with pytest.raises(WriteFailed) as caught:
        write_text_atomic(target, "new")
    assert "draft.json" in str(caught.value)
    assert target.read_text(encoding="utf-8") == "old"
    assert _leftovers(tmp_path) == []


def test_failure_during_write_keeps_old_file(tmp_path, monkeypatch):
    target = tmp_path / "draft.json"
    target.write_text("old", encoding="utf-8")

    def full_disk(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full_disk)
    with pytest.raises(WriteFailed) as caught:
        write_text_atomic(target, "new")
    assert "disk is full" in str(caught.value)
    assert caught.value.errno == errno.ENOSPC
    assert target.read_text(encoding="utf-8") == "old"
    assert _leftovers(tmp_path) == []


def test_interrupt_leaves_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "draft.json"

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_text_atomic(target, "new")
    assert not target.exists()
    assert _leftovers(tmp_path) == []


def test_read_only_folder_gives_clear_error(tmp_path, monkeypatch):
    # Tests run as root, where chmod does not stop writes: make mkstemp refuse instead.
    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(WriteFailed) as caught:
        write_bytes_atomic(tmp_path / "x.txt", b"text")
    assert "permission" in str(caught.value)


def test_parent_is_a_file_gives_clear_error(tmp_path):
    blocker = tmp_path / "data"
    blocker.write_text("I am a file")
    with pytest.raises(WriteFailed) as caught:
        write_text_atomic(blocker / "drafts" / "x.json", "{}")
    assert "not a folder" in str(caught.value)


def test_existing_file_keeps_its_mode(tmp_path):
    target = tmp_path / "shared.txt"
    target.write_text("old")
    os.chmod(target, 0o644)
    write_text_atomic(target, "new")
    assert os.stat(target).st_mode & 0o777 == 0o644


def test_new_private_files_are_for_this_user_only_and_user_files_follow_the_umask(tmp_path):
    from desktop_app.storage.atomic import USER_FILE_MODE

    write_text_atomic(tmp_path / "draft.json", "{}")
    write_text_atomic(tmp_path / "post.txt", "A post", private=False)
    assert stat.S_IMODE(os.stat(tmp_path / "draft.json").st_mode) == 0o600
    assert stat.S_IMODE(os.stat(tmp_path / "post.txt").st_mode) == USER_FILE_MODE
    assert USER_FILE_MODE & 0o044  # with the usual umask (022) others may read it, as other editors allow
