"""One window per drafts folder: a second start hands its file to the first and exits.

Two windows autosaving into one folder would silently lose one window's typing (the last
writer wins). So the first app listens on a local socket named after its drafts folder;
a later start connects, sends the file it was asked to open (or nothing), and exits. The
first app raises its window and opens the file there as a new draft.

    first = claim(drafts_folder)          # None: another app has the folder; it was told
    first.fileRequested.connect(...)      # a later start's file ("" for none)
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

TIMEOUT_MS = 2000


def server_name(folder: Path) -> str:
    # Per user and folder; short, since it becomes a socket path on Linux and macOS.
    digest = hashlib.sha256(str(Path(folder).resolve()).encode("utf-8")).hexdigest()[:16]
    return f"drafting-assistant-{digest}"


class FirstInstance(QObject):
    fileRequested = Signal(str)  # a later start asked for this file ("" to just show the window)

    def __init__(self, server: QLocalServer | None):
        super().__init__()
        self._server = server  # None: the socket could not be made; this app runs unguarded
        if server is not None:
            server.setParent(self)
            server.newConnection.connect(self._on_connection)

    def _on_connection(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.setParent(self)
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        try:
            message = json.loads(bytes(socket.readLine().data()).decode("utf-8"))
            path = str(message.get("open") or "")
        except (ValueError, AttributeError):
            return  # not one of ours: ignore it
        socket.write(b"ok\n")
        socket.flush()
        self.fileRequested.emit(path)


def _tell_first(name: str, path: str | None) -> bool:
    """True if an app is listening (it has the message, or will read it when it is free)."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(TIMEOUT_MS):
        return False
    message = json.dumps({"open": str(Path(path).resolve()) if path else ""}) + "\n"
    socket.write(message.encode("utf-8"))
    socket.waitForBytesWritten(TIMEOUT_MS)
    # A busy first window answers late; it is alive all the same, so never start a second.
    socket.waitForReadyRead(TIMEOUT_MS)
    socket.disconnectFromServer()
    return True


def claim(folder: Path, path: str | None = None) -> FirstInstance | None:
    """Become the app for `folder`, or hand `path` to the app that already is (None)."""
    name = server_name(folder)
    for _attempt in range(3):
        if _tell_first(name, path):
            return None
        server = QLocalServer()
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if server.listen(name):
            return FirstInstance(server)
        # Nobody answered but the name is taken: a socket left by a crashed app, or another
        # start racing us. Remove a stale one and try again (a live one answers next time).
        if server.serverError() == QAbstractSocket.SocketError.AddressInUseError:
            QLocalServer.removeServer(name)
    return FirstInstance(None)  # no socket to be had: better a window than none
