"""The sign-off PDF laid out in a child process, for the window.

Qt holds the interpreter lock while it lays out and prints a document (QTextDocument.setHtml,
pageCount, print_): on a long sheet that is 50-350 ms in which the GUI thread cannot run a
line of Python, however the work is threaded. A child process lays the sheet out on Qt's
offscreen platform (as the command line's `review --pdf` does): the sheet goes to it over
one pipe once it runs and the bytes come back over another; waiting on a pipe releases the
lock, so the window carries on. Starting the child
costs about half a second, which an export can afford.

When the child cannot start or fails, the caller lays the PDF out in its own process as
before: slower for the window, but the review is still saved.
"""

from __future__ import annotations

import logging
import multiprocessing
import time

log = logging.getLogger(__name__)

TIMEOUT_S = 120.0  # a fresh interpreter, Qt and the layout of the longest sheet


def _render(incoming, conn, title: str) -> None:
    """The child: read the sheet, lay it out, send ("pdf", bytes) or ("error", reason), end."""
    try:
        html = incoming.recv()
        incoming.close()
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
    child_reads, to_child = ctx.Pipe(duplex=False)
    # The sheet goes over a pipe of its own once the child runs, not in its arguments: a child
    # that ended before reading them left the start writing a long sheet into a pipe for ever.
    process = ctx.Process(
        target=_render, args=(child_reads, sending, title), name="sign-off-pdf", daemon=True
    )
    try:
        process.start()
    except Exception as exc:
        for end in (receiving, sending, child_reads, to_child):
            end.close()
        raise OSError(f"the PDF process could not start ({type(exc).__name__})") from exc
    sending.close()  # the child holds its own ends: EOF here once it has gone,
    child_reads.close()  # and a broken pipe there
    deadline = time.monotonic() + timeout  # for the sending and the answer together
    try:
        _send_sheet(to_child, html, process, timeout)
        if not receiving.poll(max(0.0, deadline - time.monotonic())):
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


def _send_sheet(to_child, html, process, timeout: float) -> None:
    """Send the sheet to the child from a helper thread: a child that is alive but never
    reads would otherwise block the send for ever. OSError if it is not taken in time."""
    import threading

    failed: list[BaseException] = []

    def send() -> None:
        try:
            to_child.send(html)
        except BaseException as exc:  # a child that has gone: a broken pipe
            failed.append(exc)

    sender = threading.Thread(target=send, name="sign-off-pdf-send", daemon=True)
    sender.start()
    sender.join(timeout)
    if sender.is_alive():
        process.kill()  # its end of the pipe goes with it: the send then fails and ends
        sender.join(5)
        to_child.close()
        raise OSError("the PDF process did not take the sheet in time")
    to_child.close()
    if failed:
        raise OSError("the PDF process stopped before it read the sheet") from failed[0]


def render_pdf_for_window(html: str, *, title: str = "Sign-off sheet") -> bytes:
    """render_pdf_in_child, or the layout in this process if the child fails."""
    try:
        return render_pdf_in_child(html, title=title)
    except OSError as exc:
        log.warning("laying out the PDF here instead: %s", exc)
    from desktop_app.ui.review.export import render_pdf

    return render_pdf(html, title=title)
