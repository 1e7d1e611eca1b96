"""pii: UK phone numbers, e-mail, street addresses and postcodes; published office contacts pass."""

from __future__ import annotations

import pytest

from desktop_app.core.findings import Severity
from tests.checks.conftest import findings_of, shipped_pack

RULE = "fixtures.PrivateInfo"


@pytest.mark.parametrize(
    "number",
    [
        "07700 900123",
        "07700900123",
        "07700 900 123",
        "+44 7700 900123",
        "+447700900123",
        "+44 (0)7700 900123",
        "020 7946 0018",
        "(020) 7946 0018",
        "(01632) 960 001",
        "01632 960001",
        "0161 496 0000",
        "0161-496-0000",
        "+44 20 7946 0018",
        "+1 202 555 0143",
    ],
)
def test_phone_numbers_in_uk_and_international_formats(number):
    text = f"Ring her on {number} tonight."
    (f,) = findings_of(RULE, text)
    assert f.text == number
    assert f.severity is Severity.MUST_FIX
    assert f.suggestions[0].apply(text) == "Ring her tonight."  # the "on" goes with the number


@pytest.mark.parametrize(
    "text",
    [
        "We won 12 seats in 2024.",
        "It costs £1,250,000 over 10 years.",
        "Turnout was 34.5% on 2 May 2024.",
        "Ref 2024/11/0012345 is closed.",
        "Meet at 7.30pm on the 12th.",
        "Follow @jo_bloggs for updates.",
    ],
)
def test_numbers_that_are_not_contacts_pass(text):
    assert findings_of(RULE, text) == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("She lives at 12 Acacia Avenue, sadly.", "12 Acacia Avenue"),
        ("Try Flat 3, 45 High Street tonight.", "Flat 3, 45 High Street"),
        ("It's 221b Baker St now.", "221b Baker St"),
        ("Post it to SW1A 1AA.", "SW1A 1AA"),
        ("He is in M1 1AE.", "M1 1AE"),
        ("Email jo.bloggs@gmail.com today.", "jo.bloggs@gmail.com"),
        # Welsh street names open with their type: "Heol" (road), "Ffordd" (way), "Stryd" (street)
        ("Gareth lives at 14 Heol y Bryn, Pontypridd, go and knock.", "14 Heol y Bryn"),
        ("She's at 3 Ffordd Glyndwr now.", "3 Ffordd Glyndwr"),
    ],
)
def test_addresses_postcodes_and_emails(text, flagged):
    assert [f.text for f in findings_of(RULE, text)] == [flagged]


@pytest.mark.parametrize(
    "text",
    [
        "Write to jane.smith.mp@parliament.uk with your views.",
        "Call the constituency office on 020 7946 0018.",
        "My surgery is at 12 Acacia Avenue every Friday.",
        "Contact the council: enquiries@leeds.gov.uk",
        "Any problems, email me at sarah.jones.mp@parliament.uk",
        "Saturday's advice surgery: 3 Church Road, 10am to 12.",
    ],
)
def test_published_office_contacts_are_not_private_information(text):
    # an MP's or councillor's published office contact is how the public reaches them
    assert findings_of(RULE, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Any problems, email me at sarah.jones.mp@parliament.uk",
        "Our party office is at 14 Market Street, open 10 till 4.",
        "Get in touch with the campaign office on 0161 496 0000.",
        "Email the Labour office: office@eastfield.labour.org.uk",
        "Cllr Patel's surgery: Hillside Library, 22 Park Road, every Saturday.",
    ],
)
def test_the_shipped_rule_knows_party_and_campaign_offices(text):
    assert findings_of("Drafting.PrivateInformation", text, "shipped") == []


def test_a_private_contact_beside_an_office_one_is_still_flagged():
    text = "Email the office at jo@parliament.uk or her personal one, jo.home@gmail.com."
    assert [f.text for f in findings_of(RULE, text)] == ["jo.home@gmail.com"]


def test_the_one_look_for_any_detail_hides_none(monkeypatch):
    # pii looks for any detail in one pass before looking for each kind: the findings must be
    # those of looking for each kind every time
    from desktop_app.checks.base import TextContext
    from desktop_app.checks.patterns import compile_re
    from tests import corpus

    rule = shipped_pack().rule("Drafting.PrivateInformation")
    details = ["Ring 07700 900123 or write to 7 Elm Close, Leeds LS6 2AB.", "jo.bloggs@gmail.com", "SW1A 1AA"]
    texts = [*corpus.posts(mixed=200), *details, "Flat 3, 12 High Street"]
    quick = [rule.find(TextContext(t)) for t in texts]
    monkeypatch.setattr(rule, "any_detail", compile_re("", "detect"))  # matches every text
    assert [rule.find(TextContext(t)) for t in texts] == quick
    assert sum(map(len, quick)) >= 10


@pytest.mark.parametrize(
    "text, flagged",
    [
        # a venue named later in the sentence does not make a person's own number published
        (
            "Ring Sandra on 07700 900123 before Friday if you want a lift to the consultation "
            "meeting at the town hall.",
            "07700 900123",
        ),
        ("Text Dave on 07700 900456 and he will drive you to the rally.", "07700 900456"),
        ("Sandra's mobile is 07700 900123 if you need a lift to the library.", "07700 900123"),
        ("Email Jo at jo.bloggs@gmail.com for a lift to the community centre.", "jo.bloggs@gmail.com"),
        (
            "Her home address is 14 Ashgrove Road if anyone wants to discuss the leisure centre with her.",
            "14 Ashgrove Road",
        ),
        # typed as people type in replies: "her numbers" and "her number's" for "her number is"
        (
            "her numbers 07700 900417 if anyone wants to tell her what they think of the school closure",
            "07700 900417",
        ),
        ("His mobile's 07700 900311, tell him what you think of the school run changes.", "07700 900311"),
    ],
)
def test_a_named_persons_own_contact_stays_private_whatever_venue_the_sentence_names(text, flagged):
    assert [f.text for f in findings_of("Drafting.PrivateInformation", text, "shipped")] == [flagged]


@pytest.mark.parametrize(
    "text",
    [
        "Ring Sandra at the constituency office on 020 7946 0018.",
        "Ring Sandra on 020 7946 0018 at the constituency office.",
        "Call Hythe Library on 01303 960 001 to book a place.",
        "Drop in to Sarah's surgery at the library on Friday, or call 01632 960 001.",
    ],
)
def test_a_number_said_to_be_an_offices_stays_published(text):
    assert findings_of("Drafting.PrivateInformation", text, "shipped") == []


@pytest.mark.parametrize(
    "text",
    [
        "Need help? Call 0808 2000 247, any time.",  # freephone: an organisation's
        "Pension Credit: my team can help, call 01632 960412.",
        "Can't make it to the surgery? Email office@example.org or call 01632 960318.",
        "Problems with housing? Get in touch: northfield.mp@example.org",
        "Nominations close Friday. Email secretary@example.org with any questions.",
        "Or email cllr.patel@example.org. I read every message.",
        "Struggling with bills? Call us on 01632 960461 and we'll help.",
        "The helpline is 0300 123 4567.",
        # session 18 (batch O2): a service's contact listed the way organisations list them,
        # and the council's own lines
        "Eastbridge Recovery Hub\n📍 Drop in Mon to Fri, 22 Cotton Street\n📞 01632 960 715",
        "Tel: 01632 960 715 (Mon to Fri)",
        "Can't make it? Ring the council on 01632 960 400 and ask for Members' Services.",
        "Serious damp? Contact the council's housing team on 01632 960 300.",
        "Council emergency line (24 hours): 01632 960 999",
        "Call free on 116 123 or email jo@samaritans.org.",
        # session 19 (batch O3): "get in touch" and "let us know" invite readers to the writer,
        # however far the number is from them in the paragraph; a question offers the service;
        # a slot is booked; a party's or charity's mailbox (.org) is the organisation's
        "If the cuts hit your family, please get in touch: 01632 960555.",
        "Streetlights out on your road? Let us know – we pass every report on. 01632 960555",
        "Need a lift to the polling station? Call 01632 960555.",
        "Surgery on Friday at the library. Drop in, or book a slot on 01632 960555.",
        "Send your bus stories to buses@eastwardlabour.org.uk",
        "Living with damp? Please get in touch on 01632 960555 or casework@eastwardlabour.org.uk.",
    ],
)
def test_an_invitation_to_get_in_touch_publishes_the_writers_own_contact(text):
    assert findings_of("Drafting.PrivateInformation", text, "shipped") == []


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("Call 07700 900912 and tell her what you think of her.", "07700 900912"),  # a mobile
        ("Call 020 7946 0018 tonight.", "020 7946 0018"),  # no service offered: whose is it?
        ("Ring her on 01632 960999 and let her know.", "01632 960999"),  # a person, not an invitation
        ("Email jo.bloggs@gmail.com and give her grief.", "jo.bloggs@gmail.com"),  # a person's own mailbox
        ("📞 07700 900912, his own phone, give him grief", "07700 900912"),  # a mobile listed
        ("Councillor Webb's home number is 01632 960999.", "01632 960999"),  # 'council' inside a role
        ("Let us know what you think. Her mobile is 07700 900123.", "07700 900123"),  # a mobile
        ("Get in touch if you can help. Dave's home number is 01632 960999.", "01632 960999"),  # his own
        ("Please get in touch with her at jo.bloggs@gmail.com.", "jo.bloggs@gmail.com"),  # her own mailbox
    ],
)
def test_someone_elses_number_is_still_private_when_readers_are_told_to_use_it(text, flagged):
    assert [f.text for f in findings_of("Drafting.PrivateInformation", text, "shipped")] == [flagged]


def test_a_year_before_a_capitalised_name_is_not_a_house_number():
    text = "The 2014 Supreme Court ruling recognised a third gender; she lives at 21 Elm Court."
    assert [f.text for f in findings_of("Drafting.PrivateInformation", text, "shipped")] == ["21 Elm Court"]
