"""The sheet written out: HTML, a PDF laid out at its own size with words kept whole, the
clipboard, file names (the sheet's content: tests/signoff; the command: tests/cli)."""

import errno
from datetime import datetime

import pypdfium2 as pdfium
import pytest
from PySide6.QtGui import QGuiApplication

from desktop_app.core.findings import Readability, Report
from desktop_app.signoff import NetworkVersion, SheetData, build_sheet_html
from desktop_app.storage.atomic import WriteFailed
from desktop_app.ui.review.export import (
    copy_post_to_clipboard,
    export_html,
    export_pdf,
    render_pdf,
    suggested_filename,
)

TEXT = "Going forward we will fix the <b>bus</b> routes & more.\nCouncillor Smith is an idiot."


def _html(approver=""):
    report = Report(text=TEXT, readability=Readability(11.0, 9.0, 16, 2, 1, 0, 5))
    data = SheetData("Bus routes", TEXT, [NetworkVersion("Facebook", TEXT, report)], approver=approver)
    return build_sheet_html(data)


def _pdf_text(data: bytes) -> tuple[int, str]:
    pdf = pdfium.PdfDocument(data)
    try:
        return len(pdf), "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()


def test_pdf_opens_on_a4_and_shows_the_post_as_typed(qapp, tmp_path):
    path = tmp_path / "review.pdf"
    export_pdf(path, _html(approver="Priya O'Neill"))
    assert path.read_bytes().startswith(b"%PDF")
    pdf = pdfium.PdfDocument(str(path))
    try:
        assert len(pdf) == 1
        page = pdf[0]
        assert tuple(round(v) for v in page.get_size()) == (595, 842)  # A4 in points
        pixels = bytes(page.render(scale=0.5, grayscale=True).buffer)
        assert 0.005 < sum(1 for value in pixels if value < 128) / len(pixels) < 0.5  # drawn, not blank
        text = " ".join(page.get_textpage().get_text_range().split())
    finally:
        pdf.close()
    for expected in (
        "Sign-off sheet",
        "Councillor Smith is an idiot.",
        "<b>bus</b>",
        "Approved by: Priya O'Neill",
    ):
        assert expected in text, expected


def test_words_wrap_between_words_never_inside_them(qapp):
    """A narrow column broke words where they did not fit ("spineles s liar")."""
    html = (
        '<table border="1" width="100%"><tr><td width="4%">Councillor Smith is a spineless liar</td>'
        "<td>The rest of the row</td></tr></table>"
    )
    _pages, text = _pdf_text(render_pdf(html))
    assert text.split() == [
        "Councillor",
        "Smith",
        "is",
        "a",
        "spineless",
        "liar",
        "The",
        "rest",
        "of",
        "the",
        "row",
    ]


def test_a_9pt_font_prints_at_9pt(qapp):
    """Laid out for the screen and scaled to the page, text came out half as large again."""
    html = "<p style='font-size: 9pt'>" + "Word " * 2000 + "</p>"
    pages, _text = _pdf_text(render_pdf(html))
    # 2,000 words at 9 pt on A4 with 15 mm margins: about two pages (three at the old scale)
    assert pages == 2


def test_export_html_writes_atomically_and_reports_failure(tmp_path):
    path = tmp_path / "review.html"
    export_html(path, _html())
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(WriteFailed, match="not a folder"):
        export_html(blocker / "review.html", _html())


def test_pdf_write_failure_is_clear(qapp, tmp_path, monkeypatch):
    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("desktop_app.storage.atomic.os.fsync", full)
    with pytest.raises(WriteFailed, match="disk is full"):
        export_pdf(tmp_path / "review.pdf", _html())
    assert not (tmp_path / "review.pdf").exists()


def test_copy_post_to_clipboard(qapp):
    copy_post_to_clipboard(TEXT)
    assert QGuiApplication.clipboard().text() == TEXT


def test_suggested_filename():
    when = datetime(2026, 11, 24)
    assert suggested_filename("Bus routes: the plan!", when) == "review-2026-11-24-bus-routes-the-plan.pdf"
    assert suggested_filename("", when, ".html") == "review-2026-11-24-draft.html"


def test_files_the_user_saves_or_exports_are_not_private(tmp_path):
    import os
    import stat

    from desktop_app.storage.atomic import USER_FILE_MODE
    from desktop_app.storage.files import write_text_file

    write_text_file(tmp_path / "post.txt", "A post")
    export_html(tmp_path / "review.html", "<p>Review</p>")
    for name in ("post.txt", "review.html"):
        assert stat.S_IMODE(os.stat(tmp_path / name).st_mode) == USER_FILE_MODE


def test_a_sheet_a_little_over_one_page_is_printed_a_little_smaller_a_long_one_runs_on(qapp):
    def pages(words: int, fit: bool = True) -> int:
        html = "<p style='font-size: 9pt'>" + "Word " * words + "</p>"
        return _pdf_text(render_pdf(html, fit_one_page=fit))[0]

    a_little_over = 1450  # one page holds about 1,350 of these at full size
    assert pages(a_little_over, fit=False) == 2
    assert pages(a_little_over) == 1
    assert pages(4000) == pages(4000, fit=False) > 1  # never squeezed past MIN_SCALE


def test_a_sheet_of_several_pages_is_laid_out_once(qapp, monkeypatch):
    """Shrinking to 90% gains under a quarter of a page: a sheet of three pages or more is
    never tried smaller (each layout of a long sheet holds the interpreter for ~45 ms)."""
    from PySide6.QtGui import QTextDocument

    sizes: list = []
    set_page_size = QTextDocument.setPageSize
    monkeypatch.setattr(
        QTextDocument, "setPageSize", lambda doc, size: (sizes.append(size), set_page_size(doc, size))[1]
    )
    html = "<p style='font-size: 9pt'>" + "Word " * 4000 + "</p>"
    pages, _text = _pdf_text(render_pdf(html))
    assert pages >= 3 and len(sizes) == 1
    sizes.clear()
    _pdf_text(render_pdf("<p style='font-size: 9pt'>" + "Word " * 1450 + "</p>"))
    assert len(sizes) > 1  # two pages: the smaller sizes are tried


def test_a_child_that_fails_reports_why_and_one_that_hangs_times_out():
    from desktop_app.ui.review import pdf_process

    with pytest.raises(OSError, match="did not finish in time"):
        pdf_process.render_pdf_in_child(_html(), timeout=0.001)
    with pytest.raises(OSError, match="TypeError"):
        pdf_process.render_pdf_in_child(12345)  # the child's own error comes back as the reason
    pdf = pdf_process.render_pdf_in_child(_html())
    assert pdf.startswith(b"%PDF")


def test_a_child_that_cannot_start_never_hangs_an_export_of_a_long_sheet():
    """The sheet went to the child in the arguments of its start: when the child could not
    start (it exited at once), writing a sheet over 64 KB into its pipe never finished, and
    closing the window then hung for ever. Found by a randomised drive of the window."""
    import multiprocessing
    import sys
    import threading

    from desktop_app.ui.review import pdf_process

    outcome: list = []

    def export() -> None:
        try:
            outcome.append(pdf_process.render_pdf_in_child("<p>" + "Word " * 60_000 + "</p>", timeout=20))
        except OSError as exc:
            outcome.append(exc)

    multiprocessing.set_executable("/bin/false")  # a child that ends before it reads a thing
    try:
        worker = threading.Thread(target=export, daemon=True)
        worker.start()
        worker.join(60)
    finally:
        multiprocessing.set_executable(sys.executable)
    assert not worker.is_alive(), "the export never finished"
    assert len(outcome) == 1 and isinstance(outcome[0], OSError)
