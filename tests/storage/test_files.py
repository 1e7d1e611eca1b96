"""Opening and saving .txt/.md files: UTF-8, BOM tolerated, bad files refused cleanly."""

import codecs
import errno
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.storage.files import (
    LARGE_FILE_BYTES,
    FileTooLarge,
    NotText,
    TextDecoder,
    UnreadableFile,
    WriteFailed,
    decode_text,
    is_large,
    read_text_file,
    with_suffix,
    write_text_file,
)


def test_round_trip_utf8(tmp_path):
    path = tmp_path / "post.md"
    text = "Thank you, Hôtel de Ville volunteers! 🎉\nSecond line — £5"
    write_text_file(path, text)
    assert path.read_bytes() == text.encode("utf-8")  # no BOM written
    assert read_text_file(path) == text


def test_utf8_bom_is_dropped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + "Café".encode())
    assert read_text_file(path) == "Café"


def test_utf16_with_bom_is_read(tmp_path):
    path = tmp_path / "notepad.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + "Hello £".encode("utf-16-le"))
    assert read_text_file(path) == "Hello £"


def test_windows_line_endings_become_newlines(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"one\r\ntwo\rthree")
    assert read_text_file(path) == "one\ntwo\nthree"


def test_binary_file_refused(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(UnreadableFile, match="not a text file"):
        read_text_file(path)
    assert path.read_bytes().startswith(b"\x89PNG")  # nothing changed


def test_undecodable_file_refused(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Café crème".encode("latin-1"))
    with pytest.raises(UnreadableFile, match="UTF-8"):
        read_text_file(path)


def test_missing_file_and_folder_give_messages(tmp_path):
    with pytest.raises(UnreadableFile, match="not found"):
        read_text_file(tmp_path / "gone.txt")
    with pytest.raises(UnreadableFile, match="folder"):
        read_text_file(tmp_path)


def test_large_file_is_flagged_then_readable_when_allowed(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * (LARGE_FILE_BYTES + 1))
    assert is_large(path)
    with pytest.raises(FileTooLarge) as caught:
        read_text_file(path)
    assert caught.value.size == LARGE_FILE_BYTES + 1
    assert "Open it anyway" in str(caught.value)
    assert len(read_text_file(path, allow_large=True)) == LARGE_FILE_BYTES + 1


def test_small_file_is_not_large(tmp_path):
    path = tmp_path / "small.txt"
    path.write_text("hi")
    assert not is_large(path)
    assert not is_large(tmp_path / "missing.txt")


def test_full_disk_on_save_gives_clear_error_and_keeps_old_file(tmp_path, monkeypatch):
    path = tmp_path / "post.txt"
    path.write_text("old")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("desktop_app.storage.atomic.os.fsync", full)
    text = "new text the user typed"
    with pytest.raises(WriteFailed, match="disk is full"):
        write_text_file(path, text)
    assert path.read_text() == "old"
    assert text == "new text the user typed"  # the caller still has it


def test_read_only_folder_on_save(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(WriteFailed, match="read-only"):
        write_text_file(tmp_path / "post.txt", "text")
    assert not (tmp_path / "post.txt").exists()


def test_save_onto_folder_refused(tmp_path):
    (tmp_path / "post.txt").mkdir()
    with pytest.raises(WriteFailed, match="folder"):
        write_text_file(tmp_path / "post.txt", "text")


def test_with_suffix(tmp_path):
    assert with_suffix(tmp_path / "a.md").name == "a.md"
    assert with_suffix(tmp_path / "a.TXT").name == "a.TXT"
    assert with_suffix(tmp_path / "a").name == "a.txt"
    assert with_suffix(tmp_path / "a.doc").name == "a.doc.txt"


# --- TextDecoder: the same decoding, fed in pieces (the command line streams with it) ---


def _fed_in_pieces(data: bytes, cuts: list[int]) -> str:
    decoder, out, at = TextDecoder(), [], 0
    for cut in sorted(cuts):
        out.append(decoder.decode(data[at:cut]))
        at = cut
    out.append(decoder.decode(data[at:], final=True))
    return "".join(out)


@given(
    text=st.text(st.characters(exclude_categories=("Cs", "Cc"), exclude_characters="\ufeff"), max_size=40),
    encoding=st.sampled_from(["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"]),
    cuts=st.lists(st.integers(0, 200), max_size=6),
)
def test_pieces_decode_as_the_whole(text, encoding, cuts):
    boms = {
        "utf-8-bom": codecs.BOM_UTF8,
        "utf-16-le": codecs.BOM_UTF16_LE,
        "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32-le": codecs.BOM_UTF32_LE,
        "utf-32-be": codecs.BOM_UTF32_BE,
    }
    data = boms.get(encoding, b"") + text.encode(encoding.removesuffix("-bom"))
    assert decode_text(data) == text
    assert _fed_in_pieces(data, [min(c, len(data)) for c in cuts]) == text


def test_a_nul_byte_near_the_start_is_binary_even_in_a_later_piece():
    decoder = TextDecoder()
    assert decoder.decode(b"Hello ") == "Hello "
    with pytest.raises(NotText) as caught:
        decoder.decode(b"wor\x00ld")
    assert caught.value.binary


def test_not_utf8_names_the_byte_across_pieces():
    decoder = TextDecoder()
    decoder.decode(b"Caf")
    with pytest.raises(NotText) as caught:
        decoder.decode(b"\xe9 au lait", final=True)
    assert not caught.value.binary and caught.value.position == 3
    with pytest.raises(NotText) as caught:
        decode_text("Café".encode() + b" cr\xe8me")
    assert caught.value.position == 8


@given(data=st.binary(max_size=60), cuts=st.lists(st.integers(0, 60), max_size=5))
def test_pieces_accept_and_refuse_exactly_what_the_whole_does(data, cuts):
    try:
        whole = decode_text(data)
    except NotText:
        whole = None
    try:
        pieces = _fed_in_pieces(data, [min(c, len(data)) for c in cuts])
    except NotText:
        pieces = None
    assert pieces == whole


def test_a_binary_file_is_binary_however_it_is_cut():
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"  # not UTF-8 at byte 0, then a NUL
    for cut in range(1, len(data)):
        with pytest.raises(NotText) as caught:
            _fed_in_pieces(data, [cut])
        assert caught.value.binary


def test_a_device_or_a_pipe_is_refused_at_once_never_read(tmp_path):
    import os

    with pytest.raises(UnreadableFile, match="not an ordinary file"):
        read_text_file(Path("/dev/zero"))  # would never end
    fifo = tmp_path / "post.txt"
    os.mkfifo(fifo)
    with pytest.raises(UnreadableFile, match="not an ordinary file"):
        read_text_file(fifo)  # would block until something wrote to it
