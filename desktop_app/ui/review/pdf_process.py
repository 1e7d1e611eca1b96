"""The sign-off PDF laid out in a child process, for the window.

Qt holds the interpreter lock while it lays out and prints a document (QTextDocument.setHtml,
pageCount, print_): on a long sheet that is 50-350 ms in which the GUI thread cannot run a
line of Python, however the work is threaded. A child process lays the sheet out on Qt's
offscreen platform (as the command line's `review --pdf` does) and sends the bytes back over
a pipe; waiting on a pipe releases the lock, so the window carries on. Starting the child
costs about half a second, which an export can afford.

When the child cannot start or fails, the caller lays the PDF out in its own process as
before: slower for the window, but the review is still saved.
"""

from __future__ import annotations

import logging
import multiprocessing

log = logging.getLogger(__name__)

TIMEOUT_S = 120.0  # a fresh interpreter, Qt and the layout of the longest sheet


def _render(conn, html: str, title: str) -> None:
    """The child: lay the sheet out, send ("pdf", bytes) or ("error", reason), and end."""
    try:
        from desktop_app.ui.review.export import render_pdf_headless

        conn.send(("pdf", render_pdf_headless(html, title=title)))
    except Exception as exc:  # reported to the parent, which lays it out itself
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()


def render_pdf_in_child(html: str, *, title: str = "Sign-off sheet", timeout: float = TIMEOUT_S) -> bytes:
    """The PDF bytes of `html`, laid out by a child process. Raises OSError when the child
    does not start, fails or does not answer in `timeout` seconds."""
    ctx = multiprocessing.get_context("spawn")  # never fork a process that runs Qt threads
    receiving, sending = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_render, args=(sending, html, title), name="sign-off-pdf", daemon=True)
    try:
        process.start()
    except Exception as exc:
        receiving.close()
        sending.close()
        raise OSError(f"the PDF process could not start ({type(exc).__name__})") from exc
    sending.close()  # the child holds its own end: EOF here once it has gone
    try:
        if not receiving.poll(timeout):
            raise TimeoutError("the PDF process did not finish in time")
        status, value = receiving.recv()
    except EOFError as exc:
        raise OSError("the PDF process stopped before it finished") from exc
    finally:
        receiving.close()
        process.join(2)
        if process.is_alive():
            process.kill()
            process.join(2)
    if status != "pdf":
        raise OSError(value)
    return value


def render_pdf_for_window(html: str, *, title: str = "Sign-off sheet") -> bytes:
    """render_pdf_in_child, or the layout in this process if the child fails."""
    try:
        return render_pdf_in_child(html, title=title)
    except OSError as exc:
        log.warning("laying out the PDF here instead: %s", exc)
    from desktop_app.ui.review.export import render_pdf

    return render_pdf(html, title=title)
