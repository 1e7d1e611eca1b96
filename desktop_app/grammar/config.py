"""Grammar settings kept as data in policy/grammar.yml (disabled rules, timeouts, spelling).

The policy pack reads the file (the overlay rule: an organisation's grammar.yml replaces the
shipped one if it is valid) and hands the grammar lane its plain data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache


@dataclass(frozen=True)
class GrammarConfig:
    language: str = "en-GB"
    disabled_rules: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()
    connect_timeout: float = 2.0
    read_timeout: float = 6.0
    total_timeout: float = 10.0  # a whole request, connect to last byte
    start_local_timeout: float = 90.0
    retry_delays: tuple[float, ...] = (2.0, 5.0, 10.0, 30.0, 60.0)
    prefer_ise: bool = True
    ize_exceptions: frozenset[str] = frozenset()
    prefer: dict[str, str] = field(default_factory=dict)

    def retry_delay(self, failures: int) -> float:
        """Seconds to wait after `failures` failures in a row (1 = the first)."""
        if not self.retry_delays or failures <= 0:
            return 0.0
        return self.retry_delays[min(failures, len(self.retry_delays)) - 1]


def parse_config(data: dict) -> GrammarConfig:
    timeouts = data.get("timeouts") or {}
    spelling = data.get("spelling") or {}
    defaults = GrammarConfig()
    return GrammarConfig(
        language=str(data.get("language") or defaults.language),
        disabled_rules=tuple(str(r) for r in data.get("disabled_rules") or ()),
        disabled_categories=tuple(str(c) for c in data.get("disabled_categories") or ()),
        connect_timeout=float(timeouts.get("connect", defaults.connect_timeout)),
        read_timeout=float(timeouts.get("read", defaults.read_timeout)),
        total_timeout=float(timeouts.get("total", defaults.total_timeout)),
        start_local_timeout=float(timeouts.get("start_local", defaults.start_local_timeout)),
        retry_delays=tuple(float(d) for d in data.get("retry_delays") or defaults.retry_delays),
        prefer_ise=bool(spelling.get("prefer_ise", True)),
        ize_exceptions=frozenset(str(w).lower() for w in spelling.get("ize_exceptions") or ()),
        prefer={str(k).lower(): str(v) for k, v in (spelling.get("prefer") or {}).items()},
    )


def load_config() -> GrammarConfig:
    """The grammar settings of the policy pack in force (shipped, then the user's overlay)."""
    from desktop_app.policy import load_policy

    return parse_config(load_policy(rules=False).grammar_settings)


@cache
def default_config() -> GrammarConfig:
    return load_config()
