"""The policy pack: every file under policy/ (and the organisation's overlays), loaded by
one overlay rule (files.py; written down in policy/README.md).

    load_policy(extra_dirs=(), include_user_overlay=True, rules=True) -> PolicyPack

Modules: files (folders, the overlay rule, safe reading), yaml_data (YAML with line numbers
and bounded aliases), principles, rules (keys, includes, compiling), settings (platforms,
grammar.yml, words.txt), problems (one short line each), cache (parsed files kept between
runs, for a fast cold start), pack (PolicyPack, load_policy).
"""

from desktop_app.policy.pack import PolicyPack, load_policy, policy_folders
from desktop_app.policy.principles import Clause, Principle
from desktop_app.policy.problems import PolicyProblem

__all__ = ["Clause", "PolicyPack", "PolicyProblem", "Principle", "load_policy", "policy_folders"]
