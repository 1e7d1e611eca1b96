"""Image descriptions: needed before approval, within each network's limit, no 'Image of'."""

import pytest

from desktop_app.core.images import MISSING, OPENING, TOO_LONG, Image, image_notes, missing_descriptions
from desktop_app.core.platforms import Platform

X = Platform("X", 280, "twitter", 23, alt_text_limit=20)
FACEBOOK = Platform("Facebook", 63206, "graphemes", None)


def test_each_image_needs_a_description():
    images = [Image("crowd.jpg", "Volunteers outside the library"), Image("map.png", "  ")]
    assert missing_descriptions(images) == [1]
    notes = image_notes(images, [X, FACEBOOK])
    missing = [n for n in notes if n.kind == MISSING]
    assert [(n.image, n.blocks_approval) for n in missing] == [(1, True)]
    assert "Image 2 has no description" in missing[0].message


def test_a_description_too_long_for_a_network_is_named_with_by_how_much():
    notes = image_notes([Image("a.jpg", "Volunteers 🎉 outside the library")], [X, FACEBOOK])
    assert [(n.kind, n.network) for n in notes] == [(TOO_LONG, "X")]
    assert "12 characters too long for X (at most 20)" in notes[0].message
    assert not notes[0].blocks_approval


@pytest.mark.parametrize(
    "description, flagged",
    [
        ("Image of volunteers outside the library", True),
        ("A picture of the new bus route", True),
        ("  an image of a map", True),
        ("Pictures of hope: volunteers with banners", False),
        ("The image of a town we can be proud of, painted by pupils", False),
        ("Volunteers outside the library", False),
    ],
)
def test_image_of_and_picture_of_openings(description, flagged):
    notes = image_notes([Image("a.jpg", description)], [FACEBOOK])
    assert bool([n for n in notes if n.kind == OPENING]) is flagged


def test_round_trip_and_bad_data():
    image = Image("crowd.jpg", "Volunteers")
    assert Image.from_dict(image.to_dict()) == image
    assert Image.from_dict({"name": "x.png"}) == Image("x.png", "")
    for bad in ({}, {"name": 3}, {"name": "x", "description": 5}, "x.png"):
        with pytest.raises(ValueError):
            Image.from_dict(bad)
