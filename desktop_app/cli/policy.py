"""`drafting-assistant policy`: the policy packs.

policy show [--policy DIR]... [--format text|json]
    the packs in force (shipped, the organisation's fetched pack, the settings folder's
    overlay, each --policy), their versions, and what each adds or replaces.
policy test DIR [--format text|json]
    loads DIR on top of the shipped pack and runs every one of its rules' `flag` and `pass`
    examples; prints each failure and each problem with a file. Exit 0 all pass, 1 a
    failure or a problem, 2 bad usage.
policy fetch [URL]
    fetches the organisation's published pack (a zip, or a folder with pack.yml listing its
    files) from URL or the address set in Preferences; keeps it only when it loads and
    passes its own examples, otherwise the last good copy stays in use.
"""

from __future__ import annotations

import json
from pathlib import Path

from desktop_app.cli.common import (
    EXIT_CLEAN,
    EXIT_MUST_FIX,
    ArgumentParser,
    Output,
    UsageError,
    run_command,
    warn,
)

PROG = "drafting-assistant policy"


def build_parser() -> ArgumentParser:
    parser = ArgumentParser(prog=PROG, description="Show, test or fetch policy packs.")
    sub = parser.add_subparsers(dest="action", required=True)
    show = sub.add_parser("show", help="the packs in force, their versions and what each adds or replaces")
    show.add_argument("--policy", action="append", default=None, help="an extra policy folder to load")
    show.add_argument("--format", choices=("text", "json"), default="text")
    test = sub.add_parser("test", help="run every rule's flag and pass examples of a pack")
    test.add_argument("folder", help="the pack: a policy folder, a Vale StylesPath or style, or a .vale.ini")
    test.add_argument("--format", choices=("text", "json"), default="text")
    fetch = sub.add_parser("fetch", help="fetch the organisation's published pack now")
    fetch.add_argument("url", nargs="?", default=None, help="its address (default: the one in Preferences)")
    return parser


def main(argv: list[str] | None = None) -> int:
    return run_command(PROG, lambda: _run(argv))


def _run(argv: list[str] | None) -> int:
    args = build_parser().parse_args(argv)
    if args.action == "show":
        return _show(args)
    if args.action == "test":
        return _test(args)
    return _fetch(args)


def _existing(folder: str) -> Path:
    path = Path(folder)
    if not (path.is_dir() or (path.is_file() and path.suffix == ".ini")):
        raise UsageError(f"{folder}: policy folder not found")
    return path


def _show(args) -> int:
    from desktop_app.policy import load_policy

    extra = [_existing(p) for p in args.policy or ()]
    pack = load_policy(extra_dirs=extra)
    out = Output(utf8=args.format == "json")
    if args.format == "json":
        data = {"in_force": pack.label, "packs": [p.to_dict() for p in pack.packs]}
        data["problems"] = [str(p) for p in pack.problems]
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(f"In force: {pack.label}\n")
        shipped = pack.packs[0] if pack.packs else None
        for info in pack.packs:
            where = f" ({info.path})" if info.path and info is not shipped else ""
            owner = f", {info.owner}" if info.owner else ""
            out.write(f"\n{info.label or info.name} [{info.kind}{owner}]{where}\n")
            if info is shipped:
                out.write(f"  {sum(1 for r in pack.rules if r.id.startswith('Drafting.'))} rules\n")
                continue
            for old, new in sorted(info.replaced.items()):
                out.write(f"  replaces {old} with {new}\n")
            if info.added:
                shown = ", ".join(info.added[:12]) + (
                    f", and {len(info.added) - 12} more" if len(info.added) > 12 else ""
                )
                out.write(f"  adds {len(info.added)} rules: {shown}\n")
            if not info.added and not info.replaced:
                out.write("  adds no rules\n")
        for problem in pack.problems:
            warn(PROG, f"policy: {problem}")
    out.flush()
    return EXIT_CLEAN


def _test(args) -> int:
    from desktop_app.core.findings import amount
    from desktop_app.policy import load_policy
    from desktop_app.policy.examples import pack_failures
    from desktop_app.policy.replies import load_reply_policy

    folder = _existing(args.folder)
    pack = load_policy(extra_dirs=[folder], include_user_overlay=False)
    root = (folder.parent if folder.is_file() else folder).resolve()
    ours = [r for r in pack.rules if _inside(r.path, root)]
    # replies.yml is read apart from the rules: a broken one is the pack's problem too
    _policy, reply_problems = load_reply_policy(pack)
    problems = [str(p) for p in [*pack.problems, *reply_problems]]
    count, failures = pack_failures(pack, ours)
    out = Output(utf8=args.format == "json")
    if args.format == "json":
        data = {
            "pack": pack.label,
            "rules": len(ours),
            "examples": count,
            "failures": [str(f) for f in failures],
            "problems": problems,
        }
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        for line in problems:
            out.write(f"problem: {line}\n")
        for failure in failures:
            out.write(f"FAIL {failure}\n")
        verdict = "all pass" if not failures else f"{len(failures)} failed"
        out.write(f"{pack.label}: {amount(len(ours), 'rules')}, {amount(count, 'examples')}, {verdict}")
        out.write(f", {amount(len(problems), 'problems')}\n" if problems else "\n")
    out.flush()
    return EXIT_MUST_FIX if failures or problems else EXIT_CLEAN


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root)
        return True
    except (ValueError, OSError):
        return False


def _fetch(args) -> int:
    from desktop_app.policy.remote import FetchError, fetch_pack

    url = args.url
    if url is None:
        from desktop_app.storage.settings import Settings

        url = Settings.load().get("policy_pack_url") or ""
    if not url:
        raise UsageError("no pack address: give a URL or set one in Preferences")
    try:
        result = fetch_pack(url)
    except FetchError as exc:
        warn(PROG, str(exc))
        return EXIT_MUST_FIX
    print(result)
    return EXIT_CLEAN
