"""The policy pack and its version, as the sign-off sheet and an approval name it.

One small function on purpose: the pack learns its own name and version from
policy/pack.yml (PolicyPack `name` and `version`, when present); until then, and for a pack
without them, it is the shipped pack named with the app's version.
"""

from __future__ import annotations

from typing import Any

from desktop_app import APP_NAME, __version__

SHIPPED_PACK = f"{APP_NAME} standard pack"


def pack_label(pack: Any = None) -> str:
    """'Riverside Labour social media pack 2.1', or 'Drafting Assistant standard pack
    (app 0.1.0)'. `pack` is a PolicyPack, or anything with `name` and `version`."""
    label = str(getattr(pack, "label", "") or "").strip()  # PolicyPack.label, from pack.yml
    if label:
        return label
    name = str(getattr(pack, "name", "") or "").strip()
    version = str(getattr(pack, "version", "") or "").strip()
    if name:
        return f"{name} {version}".strip()
    label = f"{SHIPPED_PACK} (app {__version__})"
    if any(not getattr(folder, "shipped", True) for folder in getattr(pack, "folders", None) or ()):
        label += " with the organisation's own rules"
    return label
