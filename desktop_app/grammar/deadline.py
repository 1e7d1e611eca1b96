"""A deadline for a whole HTTP request, from connecting to the last byte of the answer.

requests' timeouts bound each wait on the socket, not the request: a server that sends a
byte just inside the read timeout keeps a request going for ever. A Deadline shuts the
request's socket when its time is up (or at once when expire() is called, e.g. because the
app is closing), so whatever read is waiting returns and requests raises.

How the socket is found: DeadlineAdapter makes urllib3 build its connections from classes
that hand their socket to the deadline of the request running on the same thread. Requests
through a SOCKS proxy keep SOCKS's own connection classes and only the per-read timeouts.
"""

from __future__ import annotations

import contextlib
import socket
import threading

from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

_current = threading.local()  # .deadline: the Deadline of the request on this thread


class Deadline:
    """Use as `with Deadline(seconds): session.request(...)` (the adapter must be mounted)."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._expired = threading.Event()
        self._timer = threading.Timer(seconds, self.expire)
        self._timer.daemon = True

    @property
    def expired(self) -> bool:
        return self._expired.is_set()

    def __enter__(self) -> Deadline:
        _current.deadline = self
        self._timer.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._timer.cancel()
        _current.deadline = None
        with self._lock:
            self._sockets.clear()  # the request is over: its socket may serve the next one

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            if not self.expired:
                self._sockets.append(sock)
                return
        _shut(sock)

    def expire(self) -> None:
        with self._lock:
            self._expired.set()
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            _shut(sock)


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed
        sock.shutdown(socket.SHUT_RDWR)  # a blocked recv on another thread returns at once


class _Watched:
    """Hands the connection's socket to the current request's deadline before the answer is read."""

    def getresponse(self, *args, **kwargs):
        deadline = getattr(_current, "deadline", None)
        if deadline is not None and self.sock is not None:
            deadline.watch(self.sock)
        return super().getresponse(*args, **kwargs)


class _HTTPConnection(_Watched, HTTPConnection):
    pass


class _HTTPSConnection(_Watched, HTTPSConnection):
    pass


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = _HTTPConnection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _HTTPSConnection


def _use_watched_pools(manager) -> None:
    if manager.pool_classes_by_scheme.get("http") is HTTPConnectionPool:  # not a SOCKS manager's own
        manager.pool_classes_by_scheme = {
            **manager.pool_classes_by_scheme,
            "http": _HTTPPool,
            "https": _HTTPSPool,
        }


class DeadlineAdapter(HTTPAdapter):
    """An HTTPAdapter whose connections a Deadline can cut, with or without an HTTP proxy."""

    def init_poolmanager(self, *args, **kwargs) -> None:
        super().init_poolmanager(*args, **kwargs)
        _use_watched_pools(self.poolmanager)

    def proxy_manager_for(self, proxy, **proxy_kwargs):
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        _use_watched_pools(manager)
        return manager
