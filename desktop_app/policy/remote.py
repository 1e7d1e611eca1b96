"""The organisation's published pack: fetched only when the user asks, used only when good.

The address (Preferences, or `drafting-assistant policy fetch URL`) is a `.zip` of a policy
folder, or a folder on a web server whose `pack.yml` lists its other files (`files:`). The
new copy is unpacked into a staging folder beside the last good one and must load with no
problem and pass every one of its rules' own examples; only then does it take the last good
copy's place. Anything wrong (no network, a 404, a broken rule, a failing example) leaves the
last good copy in use, and the app keeps working offline with it.
"""

from __future__ import annotations

import io
import shutil
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from pathlib import Path

from desktop_app.policy.files import safe_name

MAX_BYTES = 32 * 1024 * 1024  # a whole pack, unpacked
MAX_FILES = 5000
TIMEOUT = 20  # seconds per request


class FetchError(Exception):
    """One line: why the fetched pack is not used (the last good copy stays)."""


def _get(url: str, limit: int = MAX_BYTES) -> bytes:
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise FetchError(f"{url}: only http and https addresses can be fetched")
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
            data = response.read(limit + 1)
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{url}: the server answered {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise FetchError(f"{url}: cannot reach it ({reason})") from None
    if len(data) > limit:
        raise FetchError(f"{url}: larger than {limit // 2**20} MB")
    return data


def _unzip(data: bytes, into: Path) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise FetchError("the download is not a zip file") from None
    members = [m for m in archive.infolist() if not m.is_dir()]
    if len(members) > MAX_FILES or sum(m.file_size for m in members) > MAX_BYTES:
        raise FetchError("the zip is too large to be a policy pack")
    names = [m.filename for m in members]
    tops = {n.split("/", 1)[0] for n in names}
    strip = len(tops) == 1 and all("/" in n for n in names)  # one folder at the top: its contents
    for member in members:
        name = member.filename.split("/", 1)[1] if strip else member.filename
        if not safe_name(name):
            raise FetchError(f"the zip holds {member.filename!r}, outside the pack")
        target = into / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(archive.read(member))


def _download_folder(url: str, into: Path) -> None:
    from desktop_app.policy.packs import read_pack_file

    base = url.removesuffix("pack.yml")
    base = base if base.endswith("/") else base + "/"
    (into / "pack.yml").write_bytes(_get(base + "pack.yml", 1024 * 1024))
    try:
        read_pack_file(into)
        import yaml

        listed = (yaml.safe_load((into / "pack.yml").read_text(encoding="utf-8")) or {}).get("files") or []
    except Exception as exc:
        raise FetchError(f"{base}pack.yml cannot be used: {exc}") from None
    if not isinstance(listed, list) or not all(isinstance(n, str) and safe_name(n) for n in listed):
        raise FetchError("pack.yml `files:` must list file names inside the pack")
    total = 0
    for name in listed[:MAX_FILES]:
        data = _get(base + urllib.parse.quote(name))
        total += len(data)
        if total > MAX_BYTES:
            raise FetchError("the pack is too large")
        target = into / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def verify(folder: Path) -> str:
    """'<name> <version>, N rules' when the pack loads with no problem and passes its own
    examples; FetchError saying what is wrong otherwise."""
    from desktop_app.policy import load_policy
    from desktop_app.policy.examples import pack_failures
    from desktop_app.policy.packs import read_pack_file

    try:
        info = read_pack_file(folder)
    except Exception as exc:
        raise FetchError(f"its pack.yml cannot be used: {exc}") from None
    if info is None:
        raise FetchError("it has no pack.yml (a published pack needs a name and a version)")
    pack = load_policy([folder], include_user_overlay=False)
    if pack.problems:
        raise FetchError(f"it does not load cleanly: {pack.problems[0]}")
    root = folder.resolve()
    ours = [r for r in pack.rules if root in r.path.resolve().parents]
    _, failures = pack_failures(pack, ours)
    if failures:
        raise FetchError(f"its own examples fail: {failures[0]}")
    return f"{info.label}, {len(ours)} rules"


def fetch_pack(url: str, dest: Path | None = None) -> str:
    """Fetch, verify and put in place the pack at `url`; a one-line message saying what is
    now in use. FetchError (the last good copy untouched) when anything is wrong."""
    if dest is None:
        from desktop_app.storage.paths import fetched_pack_dir

        dest = fetched_pack_dir()
    dest.parent.mkdir(parents=True, exist_ok=True)
    staging = dest.with_name(dest.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    try:
        if urllib.parse.urlsplit(url).path.endswith(".zip"):
            _unzip(_get(url), staging)
        else:
            _download_folder(url, staging)
        summary = verify(staging)
    except FetchError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        kept = f" The pack in use stays {last_good(dest)}." if dest.is_dir() else ""
        raise FetchError(f"Not used: {exc}.{kept}") from None
    old = dest.with_name(dest.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if dest.exists():
        dest.rename(old)
    staging.rename(dest)
    shutil.rmtree(old, ignore_errors=True)
    return f"Fetched {summary}: in use from now on."


def last_good(dest: Path) -> str:
    from desktop_app.policy.packs import read_pack_file

    try:
        info = read_pack_file(dest)
    except Exception:
        info = None
    return info.label if info else "the last good copy"
