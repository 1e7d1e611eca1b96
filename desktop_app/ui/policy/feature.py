"""The organisation's published policy pack in Preferences (its section: pack_box.py, built
when Preferences opens, so start-up never sets up its widgets)."""

from __future__ import annotations

from desktop_app.ui.features import Feature


class PolicyPackFeature(Feature):
    def preference_section(self):
        from desktop_app.ui.policy.pack_box import PolicyPackBox

        label = getattr(getattr(self.window, "policy", None), "pack_label", "")
        return PolicyPackBox(
            str(self.window.settings.get("policy_pack_url") or ""), label, self.window.reload_policy
        )
