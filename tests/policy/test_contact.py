"""contact.yml: the organisation's public contact, loaded by the overlay rule."""

from __future__ import annotations

from tests.policy.folders import load, make_folder


def test_a_folder_sets_the_public_contact(tmp_path):
    folder = make_folder(
        tmp_path / "org", {"contact.yml": "email: branch@example.org\nphone: ' 01632  960000 '\n"}
    )
    assert load(folder).contact == {"email": "branch@example.org", "phone": "01632 960000"}


def test_a_broken_contact_file_is_reported_and_replaces_nothing(tmp_path):
    folder = make_folder(tmp_path / "org", {"contact.yml": "emial: branch@example.org\n"})
    pack = load(folder)
    assert pack.contact == {}
    (problem,) = [p for p in pack.problems if "contact.yml" in str(p)]
    assert "emial" in str(problem) and ":1" in str(problem)
