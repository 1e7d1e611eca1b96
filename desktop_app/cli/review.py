"""`drafting-assistant review`: the sign-off sheet, as the window's File > Export Review makes it.

    drafting-assistant review --format pdf|html --output PATH [--platform NAME]...
                              [--prepared-by NAME] [--approver NAME] [--policy DIR] FILE|-

FILE is either
- a text file (or - for standard input): the post. It is for the networks named with
  --platform (repeatable; none named: the sheet shows the post once, for no network), each
  getting the same words; or
- a draft file as the window keeps it (drafts/<id>.json in the data folder, a JSON object
  with "format", "id" and "text"): its networks and each network's own version (a thread
  shown post by post), its ignored findings with their reasons, its images and its approval
  come with it. --platform, if given, replaces its networks.

The sheet is one A4 page for an ordinary post (ui/review/export.py lays the PDF out;
desktop_app/signoff builds the page). --prepared-by defaults to the login name.

Exit codes: 0 the sheet was written and no must-fix finding is open on it; 1 written, with
a must-fix finding open (as `check`); 2 bad usage, unreadable input or an output that
cannot be written (see desktop_app.cli.common for the rest).
"""

from __future__ import annotations

import getpass
import json
from datetime import datetime
from pathlib import Path

from desktop_app import __version__
from desktop_app.cli.common import (
    EXIT_CLEAN,
    EXIT_MUST_FIX,
    ArgumentParser,
    UsageError,
    read_text,
    run_command,
    warn,
)
from desktop_app.core.limits import MAX_CHECKED

PROG = "drafting-assistant review"
DRAFT_FILE_LIMIT = 20 * MAX_CHECKED  # a draft file carries its history as well as the post


def build_parser() -> ArgumentParser:
    parser = ArgumentParser(prog=PROG, description="Make the one-page sign-off sheet for a post.")
    parser.add_argument(
        "file", nargs="?", default="-", help="a text file or a draft file; - reads standard input"
    )
    parser.add_argument("--format", choices=("pdf", "html"), required=True)
    parser.add_argument("--output", required=True, help="where to write the sheet")
    parser.add_argument(
        "--platform", action="append", default=None, help="a network the post is for (repeatable)"
    )
    parser.add_argument(
        "--prepared-by", default=None, help="who prepared the post (default: your login name)"
    )
    parser.add_argument("--approver", default="", help="a name to print on the approver's line")
    parser.add_argument("--policy", action="append", default=None, help="an extra policy folder to load")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def main(argv: list[str] | None = None) -> int:
    return run_command(PROG, lambda: _review(argv))


def _login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name on this system (a container, a service)
        return ""


def read_draft_or_text(name: str):
    """(Draft or None, text): a draft file as the window keeps it, else plain text."""
    from desktop_app.storage.drafts import Draft

    raw = read_text(name, limit=DRAFT_FILE_LIMIT)
    stripped = raw.lstrip()
    if stripped.startswith("{"):
        try:
            data = json.loads(stripped)
        except ValueError:
            data = None
        if isinstance(data, dict) and "text" in data and "format" in data:
            try:
                draft = Draft.from_dict(data)
            except (ValueError, KeyError, TypeError) as exc:
                raise UsageError(f"{name}: not a draft file the app can read ({exc})") from None
            return draft, draft.text
    if len(raw) > MAX_CHECKED:
        raise UsageError(
            f"{name}: more than {MAX_CHECKED:,} characters, the most one check reads; "
            "a post is far shorter, so check it in parts"
        )
    return None, raw


def _review(argv: list[str] | None) -> int:
    args = build_parser().parse_args(argv)
    for folder in args.policy or ():
        if not Path(folder).is_dir():
            raise UsageError(f"{folder}: policy folder not found")
    output = Path(args.output)
    if output.is_dir():
        raise UsageError(f"{args.output}: is a folder; give the file to write")
    draft, text = read_draft_or_text(args.file)

    from desktop_app.core.approval import Content
    from desktop_app.core.images import image_notes
    from desktop_app.core.review import DraftReview
    from desktop_app.engine import Analyzer
    from desktop_app.policy import load_policy
    from desktop_app.signoff import SheetData, build_sheet_html, open_must_fix, pack_label, sheet_versions
    from desktop_app.signoff.assemble import find
    from desktop_app.storage.drafts import title_from_text

    pack = load_policy(extra_dirs=[Path(p) for p in args.policy or ()])
    for problem in pack.problems:
        warn(PROG, f"policy: {problem}")
    content = draft.content() if draft is not None else Content(text)
    if args.platform:
        known = {p.name.lower(): p.name for p in pack.platforms}
        unknown = [n for n in args.platform if n.lower() not in known]
        if unknown:
            raise UsageError(f"unknown platform {unknown[0]!r} (known: {', '.join(known.values())})")
        names = [known[n.lower()] for n in args.platform]
        content = Content(content.text, tuple(dict.fromkeys(names)), content.versions, content.images)
    elif draft is not None and not content.networks:
        # A draft never given networks of its own uses the writer's usual ones, as the window does.
        from desktop_app.storage.settings import Settings

        usual = [n for n in Settings.load().get("networks") or [] if find(pack.platforms, n) is not None]
        content = Content(content.text, tuple(usual), content.versions, content.images)
    analyzer = Analyzer(pack)
    versions = sheet_versions(
        content, pack.platforms, lambda t, network, thread: analyzer.analyze_version(t, network, thread)
    )
    chosen = [p for n in content.networks if (p := find(pack.platforms, n)) is not None]
    titles = {**pack.titles(), **{cid: clause.title for cid, clause in pack.clauses.items()}}
    data = SheetData(
        title=draft.title if draft is not None else title_from_text(text),
        main_text=content.text,
        versions=versions,
        main_report=None if versions else analyzer.analyze(content.text, platforms=[]),
        review=draft.review if draft is not None else DraftReview(),
        titles=titles,
        pack=pack_label(pack),
        prepared_by=args.prepared_by if args.prepared_by is not None else _login_name(),
        when=datetime.now(),
        approval=draft.approval if draft is not None and draft.approved else None,
        approver=args.approver,
        images=list(content.images),
        image_notes=image_notes(content.images, chosen),
    )
    html = build_sheet_html(data)
    _write(args.format, output, html)
    return EXIT_MUST_FIX if open_must_fix(data) else EXIT_CLEAN


def _write(kind: str, path: Path, html: str) -> None:
    from desktop_app.storage.atomic import reason, write_bytes_atomic, write_text_atomic

    try:
        if kind == "html":
            write_text_atomic(path, html, private=False)
        else:
            from desktop_app.ui.review.export import render_pdf_headless  # Qt lays the page out

            write_bytes_atomic(path, render_pdf_headless(html, title="Sign-off sheet"), private=False)
    except OSError as exc:
        raise UsageError(f"{path}: cannot write the sheet: {reason(exc)}") from None
