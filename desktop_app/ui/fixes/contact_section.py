"""Preferences: the organisation's public contact, which fixes for private details offer
("email the branch at ..."). Blank fields fall back to the policy pack's contact.yml."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

FIELDS = (
    ("email", "Branch email", "branch@example.org"),
    ("phone", "Office phone", "01632 960000"),
    ("address", "Office address", "12 High Street, Ashford"),
)


class ContactSection(QGroupBox):
    def __init__(self, contact: dict | None, parent: QWidget | None = None):
        super().__init__("Public contact for fixes", parent)
        self.setObjectName("publicContact")
        form = QFormLayout(self)
        note = QLabel("Offered instead of a private number, email or address. Blank: the policy pack's.")
        note.setWordWrap(True)
        note.setProperty("role", "muted")
        form.addRow(note)
        self.edits: dict[str, QLineEdit] = {}
        contact = contact or {}
        for key, label, example in FIELDS:
            edit = QLineEdit(str(contact.get(key, "")))
            edit.setPlaceholderText(f"e.g. {example}")
            edit.setAccessibleName(label)
            edit.setMaxLength(200)
            form.addRow(label, edit)
            self.edits[key] = edit

    def values(self) -> dict:
        contact = {key: " ".join(edit.text().split()) for key, edit in self.edits.items()}
        return {"public_contact": {k: v for k, v in contact.items() if v}}
