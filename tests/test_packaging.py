"""Set-up and packaging: the data locator, the installed wheel, the entry points."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from desktop_app import __version__, locate

REPO = Path(__file__).resolve().parents[1]


def test_source_checkout_finds_policy_and_resources():
    assert (locate.policy_dir() / "principles.yml").is_file()
    assert (locate.resources_dir() / "icons" / "app.png").is_file()


def test_missing_data_folder_names_where_it_looked(monkeypatch, tmp_path):
    monkeypatch.setattr(locate, "_PACKAGE_DIR", tmp_path / "desktop_app")
    locate.data_dir.cache_clear()
    try:
        with pytest.raises(locate.DataNotFound, match="policy folder is missing"):
            locate.data_dir("policy")
    finally:
        locate.data_dir.cache_clear()


@pytest.fixture(scope="module")
def installed_wheel(tmp_path_factory) -> Path:
    """Build the wheel offline and install it (without dependencies) into a folder."""
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", work, REPO],
        check=True,
        capture_output=True,
    )
    wheel = next(work.glob("drafting_assistant-*.whl"))
    site = work / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", site, wheel],
        check=True,
        capture_output=True,
    )
    return site


def test_wheel_contains_the_data_inside_the_package(installed_wheel):
    wheel = next(installed_wheel.parent.glob("drafting_assistant-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "desktop_app/_data/policy/principles.yml" in names
    assert "desktop_app/_data/resources/icons/app.png" in names


def test_wheel_carries_the_domain_endings_x_knows_and_their_licence(installed_wheel):
    wheel = next(installed_wheel.parent.glob("drafting_assistant-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "desktop_app/core/data/twitter-tlds.txt" in names
    assert "desktop_app/core/data/twitter-text.LICENSE.txt" in names


def _run_installed(site: Path, code: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(site)}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


def test_installed_wheel_finds_its_data_from_another_directory(installed_wheel, tmp_path):
    result = _run_installed(
        installed_wheel,
        "import desktop_app, desktop_app.locate as l;"
        "print(desktop_app.__file__); print(l.policy_dir()); print(l.resources_dir())",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    package_file, policy, resources = result.stdout.split()
    site = str(installed_wheel.resolve())
    # the wheel's copy, not the source checkout's
    assert package_file.startswith(site)
    assert policy.startswith(site) and policy.endswith(os.path.join("_data", "policy"))
    assert resources.startswith(site) and Path(resources, "icons", "app.png").is_file()


def test_installed_wheel_checks_a_post_from_another_directory(installed_wheel, tmp_path):
    result = _run_installed(
        installed_wheel,
        "import sys; from desktop_app.__main__ import main;"
        "sys.argv=['drafting-assistant','check','--format','json','-'];"
        "sys.exit(main(sys.argv[1:]))",
        cwd=tmp_path,
    )
    # 0 or 1 are both reports; 2 would mean it could not read its input or data
    assert result.returncode in (0, 1), result.stderr
    assert '"findings"' in result.stdout


def test_version_from_entry_point_module():
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--version"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"drafting-assistant {__version__}"


def test_check_version():
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "check", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0 and __version__ in result.stdout


def test_wheel_installs_the_desktop_entry_metainfo_and_icon_where_desktops_look(installed_wheel):
    import configparser
    import xml.etree.ElementTree as ET

    wheel = next(installed_wheel.parent.glob("drafting_assistant-*.whl"))
    archive = zipfile.ZipFile(wheel)
    names = archive.namelist()
    app_id = "org.draftingassistant.DraftingAssistant"
    data = next(n.split("/data/", 1)[0] for n in names if ".data/data/" in n)
    for path in (
        f"share/applications/{app_id}.desktop",
        f"share/metainfo/{app_id}.metainfo.xml",
        f"share/icons/hicolor/256x256/apps/{app_id}.png",
    ):
        assert f"{data}/data/{path}" in names, path
    entry = configparser.ConfigParser(interpolation=None)
    entry.read_string(archive.read(f"{data}/data/share/applications/{app_id}.desktop").decode())
    assert entry["Desktop Entry"]["Exec"].split()[0] == "drafting-assistant-window"
    assert entry["Desktop Entry"]["Icon"] == app_id
    meta = ET.fromstring(archive.read(f"{data}/data/share/metainfo/{app_id}.metainfo.xml"))
    assert meta.findtext("id") == app_id and meta.findtext("launchable") == f"{app_id}.desktop"
    entry_points = archive.read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "[gui_scripts]\ndrafting-assistant-window = desktop_app.__main__:main" in entry_points
    assert "[console_scripts]\ndrafting-assistant = desktop_app.__main__:main" in entry_points


def test_readme_quick_start_installs_the_system_packages_the_window_needs():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    app_block = quick.split("Set up and run the app", 1)[1].split("Set up and run the tests:", 1)[0]
    for package in ("libxcb-icccm4", "libxcb-keysyms1", "libxcb-cursor0", "libxkbcommon-x11-0"):
        assert package in app_block
