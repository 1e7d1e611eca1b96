"""Fixes in the window: the Preferences section for the organisation's public contact.

The fill-in fields of a rewrite are the window's own (ui/fixes/fields.py, used by
MainWindow.apply_suggestion); this feature adds the Preferences section and hands a saved
contact to the window (MainWindow.set_public_contact), which passes it to the engine.
"""

from __future__ import annotations

from desktop_app.ui.features import Feature


class FixesFeature(Feature):
    def preference_section(self):
        from desktop_app.ui.fixes.contact_section import ContactSection

        return ContactSection(self.window.settings.get("public_contact") or {})

    def preferences_applied(self, values: dict) -> None:
        if "public_contact" in values:
            self.window.set_public_contact(values["public_contact"])
