"""The sign-off sheet written out, as HTML and as PDF, and one-click copy of a post.

The sheet itself is built without Qt (desktop_app/signoff); here it is written: the PDF
laid out by Qt's own writer from the same HTML, so it looks like the HTML file.

    export_html(path, html)        # or export_pdf(path, html); both raise WriteFailed
    render_pdf(html) -> bytes      # needs a QGuiApplication; render_pdf_headless makes one
    copy_post_to_clipboard(text)
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from desktop_app import APP_ID, APP_NAME, __version__
from desktop_app.storage.atomic import WriteFailed, write_bytes_atomic, write_text_atomic

PDF_DPI = 300
MIN_SCALE = 0.9  # the smallest a sheet is printed to stay on one page (9 pt becomes 8.1 pt)
SHRINK_STEPS = (0.97, 0.94, MIN_SCALE)

__all__ = [
    "WriteFailed",
    "copy_post_to_clipboard",
    "export_html",
    "export_pdf",
    "render_pdf",
    "render_pdf_headless",
    "suggested_filename",
]


def suggested_filename(draft_title: str, when: datetime | None = None, suffix: str = ".pdf") -> str:
    """'review-2026-11-24-launch-post.pdf': safe on every file system."""
    when = when or datetime.now()
    slug = "".join(ch if ch.isalnum() else "-" for ch in draft_title.casefold())
    slug = "-".join(part for part in slug.split("-") if part)[:40].strip("-") or "draft"
    return f"review-{when:%Y-%m-%d}-{slug}{suffix}"


def export_html(path: Path, html: str) -> None:
    """Write the review as an HTML file (atomic; WriteFailed with a plain reason)."""
    write_text_atomic(Path(path), html, private=False)  # a file the user asked for


def export_pdf(path: Path, html: str, *, title: str = "Sign-off sheet") -> None:
    """Write the review as an A4 PDF with Qt's own PDF writer (needs a QGuiApplication)."""
    pdf = render_pdf(html, title=title)
    write_bytes_atomic(Path(path), pdf, private=False)


def render_pdf(html: str, *, title: str = "Sign-off sheet", fit_one_page: bool = True) -> bytes:
    """The PDF bytes of `html`, laid out on A4 with 15 mm margins.

    The text is laid out for the PDF itself (its 300 dpi, its page), so a 9 pt font prints
    at 9 pt; laid out for the screen and scaled, it came out half as large again and a
    short post ran to several pages. Lines break between words only: Qt's default breaks
    inside a word that does not fit a narrow column ("spineles s").

    `fit_one_page`: a sheet a little over one page is printed a little smaller (down to
    MIN_SCALE, where 9 pt is still over 8 pt) so it stays one page; a longer one runs on
    to more pages at full size."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF
    from PySide6.QtGui import (
        QGuiApplication,
        QPageLayout,
        QPageSize,
        QPainter,
        QPdfWriter,
        QTextDocument,
        QTextOption,
    )

    if QGuiApplication.instance() is None:
        raise RuntimeError("export_pdf needs a running QGuiApplication (for fonts).")
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator(f"{APP_NAME} {__version__}")
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    page = QSizeF(writer.width(), writer.height())
    document.setPageSize(page)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    document.setDefaultTextOption(option)
    document.setHtml(html)
    scale = 1.0
    # Printed at 90%, a page holds under a quarter more: only a sheet of two pages can fit
    # on one, and each layout of a long sheet holds the interpreter (and the window) ~45 ms.
    if fit_one_page and document.pageCount() == 2:
        for step in SHRINK_STEPS:
            document.setPageSize(QSizeF(page.width() / step, page.height() / step))
            if document.pageCount() == 1:
                scale = step
                break
        else:
            document.setPageSize(page)
    if scale == 1.0:
        document.print_(writer)  # lays out pages and finishes the PDF
    else:
        painter = QPainter(writer)
        painter.scale(scale, scale)
        document.drawContents(painter)
        painter.end()
    del writer
    buffer.close()
    return bytes(data)


def render_pdf_headless(html: str, *, title: str = "Sign-off sheet") -> bytes:
    """render_pdf for the command line: with no application running, one is made on Qt's
    offscreen platform, so no display is needed."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([APP_ID, "-platform", "offscreen"])
    try:
        return render_pdf(html, title=title)
    finally:
        del app  # kept alive until the PDF is finished


def copy_post_to_clipboard(text: str) -> None:
    """Put the final post on the clipboard, exactly as written."""
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().setText(text)
