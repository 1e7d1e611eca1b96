"""Preferences section for the organisation's published policy pack.

The address is saved with the other preferences (`policy_pack_url`); "Fetch now" fetches the
pack off the GUI thread (desktop_app/policy/remote.py), which keeps it only when it loads and
passes its own examples, and then reloads the checks so the new version is in force. Nothing
is fetched unless the user presses the button.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from desktop_app.ui.jobs import run_in_pool


class _Signals(QObject):
    fetched = Signal(bool, str)  # ok, one line


def fetch_now(url: str) -> tuple[bool, str]:
    """Blocking: fetch and verify the pack at `url`; (ok, what happened in one line)."""
    from desktop_app.policy.remote import FetchError, fetch_pack

    if not url.strip():
        return False, "Enter the address of your organisation's pack first."
    try:
        return True, fetch_pack(url.strip())
    except FetchError as exc:
        return False, str(exc)


class PolicyPackBox(QGroupBox):
    """Address of the organisation's pack, a Fetch now button and what happened."""

    def __init__(self, url: str, in_force: str, on_fetched=None, parent: QWidget | None = None):
        super().__init__("Organisation's policy pack", parent)
        self._on_fetched = on_fetched
        self._signals = _Signals()
        self._signals.fetched.connect(self._done)
        form = QFormLayout(self)
        self.in_force = QLabel(in_force or "The shipped pack")
        self.in_force.setAccessibleName("Policy pack in force")
        form.addRow("In force:", self.in_force)
        self.url = QLineEdit(url)
        self.url.setPlaceholderText("https://example.org/our-pack.zip")
        self.url.setAccessibleName("Address of the organisation's policy pack")
        row = QHBoxLayout()
        row.addWidget(self.url, 1)
        self.fetch_button = QPushButton("Fetch now")
        self.fetch_button.setAccessibleName("Fetch the organisation's policy pack now")
        self.fetch_button.clicked.connect(self._fetch)
        row.addWidget(self.fetch_button)
        form.addRow("Address:", row)
        self.result = QLabel("Fetched only when you press Fetch now; the last good copy works offline.")
        self.result.setWordWrap(True)
        self.result.setAccessibleName("Policy pack fetch result")
        form.addRow(self.result)

    def values(self) -> dict:
        return {"policy_pack_url": self.url.text().strip()}

    def _fetch(self) -> None:
        url, signals = self.url.text(), self._signals
        self.fetch_button.setEnabled(False)
        self.result.setText("Fetching…")
        run_in_pool(lambda: signals.fetched.emit(*fetch_now(url)))

    def _done(self, ok: bool, message: str) -> None:
        self.fetch_button.setEnabled(True)
        self.result.setText(message)
        if ok and self._on_fetched is not None:
            self._on_fetched()
