"""Where settings, the organisation's overlay policy and drafts live (platformdirs).

XDG_CONFIG_HOME / XDG_DATA_HOME are respected on Linux, which is also how tests keep
every write inside a temporary folder.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

from desktop_app import APP_ID


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_ID, appauthor=False))


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False))


def settings_file() -> Path:
    return config_dir() / "settings.json"


def overlay_policy_dir() -> Path:
    """The organisation's own rules, word lists and do-not-amplify list."""
    return config_dir() / "policy"


def fetched_pack_dir() -> Path:
    """The last good copy of the organisation's published policy pack (fetched on request)."""
    return data_dir() / "org-pack"


def drafts_dir() -> Path:
    return data_dir() / "drafts"


def cache_dir() -> Path:
    """What can be rebuilt at any time (the parsed policy files, the dictionary's word list)."""
    return Path(platformdirs.user_cache_dir(APP_ID, appauthor=False))
