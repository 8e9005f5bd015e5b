"""The shipped list of English local authorities, checked against the shared reference register."""

import csv
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from django import forms

from members.forms import ProfileForm
from members.models import LocalAuthority
from members.reference_data import read_local_authorities
from tests.helpers import soup
from tests.members.conftest import make_member

REGISTER = Path(__file__).resolve().parents[3] / "shared" / "data" / "uk_local_authorities_current.csv"
COUNCIL_TYPES = {
    "non-metropolitan-district": "Non-metropolitan district",
    "unitary": "Unitary authority",
    "metropolitan-district": "Metropolitan district",
    "london-borough": "London borough",
    "county": "County",
    "city-corporation": "City corporation",
}
# Where our list knowingly differs from the register (taken 2025-07), and why.
KNOWN_DIFFERENCES = {
    "E07000071": "Colchester became a city in 2022: Colchester City Council",
    "E06000033": "Southend-on-Sea became a city in 2022: Southend-on-Sea City Council",
    "E06000042": "Milton Keynes became a city in 2022: Milton Keynes City Council",
    "E06000024": "the register's name has a double space",
    "E07000146": "the register drops the apostrophe in King's Lynn",
    "E10000007": "Derbyshire is in the East Midlands (the register says West Midlands)",
    "E10000019": "Lincolnshire is in the East Midlands (the register says Yorkshire and The Humber)",
}


def test_shipped_list_is_complete_and_well_formed():
    rows = read_local_authorities()
    codes = [row["gss_code"] for row in rows]
    assert len(codes) == len(set(codes)), "GSS codes are unique"
    assert all(code.startswith("E") and len(code) == 9 for code in codes), "English GSS codes"
    kinds = {row["type"] for row in rows}
    assert set(COUNCIL_TYPES) <= kinds
    counts = {kind: sum(row["type"] == kind for row in rows) for kind in COUNCIL_TYPES}
    assert counts == {
        "non-metropolitan-district": 164,
        "unitary": 63,
        "metropolitan-district": 36,
        "london-borough": 32,
        "county": 21,
        "city-corporation": 1,
    }
    stoke = next(row for row in rows if row["gss_code"] == "E06000021")
    assert stoke["official_name"] == "Stoke-on-Trent City Council" and stoke["region"] == "West Midlands"


@pytest.mark.django_db
def test_migrate_loads_the_list_into_the_database():
    assert LocalAuthority.objects.count() == len(read_local_authorities())
    assert LocalAuthority.objects.get(gss_code="E08000035").short_name == "Leeds"


@pytest.mark.skipif(
    not REGISTER.exists(), reason=f"reference register not present at {REGISTER} (it is only on the team's machines)"
)
def test_councils_match_the_reference_register():
    with REGISTER.open(newline="", encoding="utf-8") as handle:
        register = {
            row["gss-code"]: row
            for row in csv.DictReader(handle)
            if row["nation"] == "England" and row["local-authority-type-name"] in COUNCIL_TYPES.values()
        }
    ours = {row["gss_code"]: row for row in read_local_authorities() if row["type"] in COUNCIL_TYPES}
    assert set(ours) == set(register), {
        "missing": sorted(set(register) - set(ours)),
        "extra": sorted(set(ours) - set(register)),
    }
    mismatches = []
    for code, row in ours.items():
        theirs = register[code]
        if code in KNOWN_DIFFERENCES:
            differs = (row["official_name"], row["region"]) != (theirs["official-name"], theirs["region"])
            assert differs, f"{code} now matches the register: drop it from KNOWN_DIFFERENCES"
            continue
        if row["official_name"] != theirs["official-name"]:
            mismatches.append((code, row["official_name"], theirs["official-name"]))
        if row["region"] != theirs["region"]:
            mismatches.append((code, row["region"], theirs["region"]))
        if COUNCIL_TYPES[row["type"]] != theirs["local-authority-type-name"]:
            mismatches.append((code, row["type"], theirs["local-authority-type-name"]))
    assert not mismatches, mismatches


@pytest.mark.django_db
def test_the_list_people_choose_from_is_in_order_of_the_names_it_shows(client):
    """Issue 14: "Bristol City Council" came after "Chorley Borough Council" (sorted on "City of Bristol")."""
    from tests.helpers import soup

    options = [o.get_text() for o in soup(client.get("/accounts/signup/")).select("#id_local_authority option")][1:]
    assert len(options) == LocalAuthority.objects.count()
    assert options.index("Bristol City Council") < options.index("Chorley Borough Council")
    assert options.index("London Borough of Barnet") < options.index("Bristol City Council"), "under B, as on GOV.UK"
    assert options.index("Durham County Council") < options.index("Essex County Council")

    def place(name: str) -> str:
        for prefix in (
            "London Borough of ",
            "Royal Borough of ",
            "Borough Council of ",
            "Council of the ",
            "City of ",
        ):
            name = name.replace(prefix, "")
        return name

    assert [place(name) for name in options] == sorted(place(name) for name in options)


@pytest.mark.django_db
def test_the_kept_list_is_djangos_select_with_each_readers_own_choice_and_a_rename_shows_at_once(client):
    """The select's options are kept by the worker (members.forms.LongSelect): the HTML is still Django's own
    select, each member sees their own authority chosen, and a renamed authority shows on the next page."""
    bristol, stoke = (LocalAuthority.objects.get(official_name__startswith=name) for name in ("Bristol", "Stoke"))
    hostile = LocalAuthority.objects.exclude(pk__in=[bristol.pk, stoke.pk]).first()
    hostile.official_name = 'Adur <script>alert("x")</script> & Worthing'  # escaped as Django escapes it
    hostile.save()
    form = ProfileForm(instance=None, initial={"local_authority": stoke.pk}, prefix="profile")
    field = form["local_authority"]

    def parsed(html: str) -> tuple:
        select = BeautifulSoup(html, "html.parser").select_one("select")
        options = [(o["value"], o.get_text(), o.has_attr("selected")) for o in select.select("option")]
        return select.attrs, options

    django_select = forms.Select(choices=field.field.choices).render(field.html_name, stoke.pk, {"id": "x"})
    ours = field.field.widget.render(field.html_name, stoke.pk, {"id": "x"})
    assert parsed(ours) == parsed(django_select)
    assert "<script>" not in ours and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Worthing" in ours
    assert len(parsed(ours)[1]) == LocalAuthority.objects.count() + 1

    def chosen(email: str, authority: LocalAuthority) -> str:
        member = make_member(email)
        member.member_profile.organisation_type, member.member_profile.local_authority = "local_authority", authority
        member.member_profile.save()
        client.force_login(member)
        page = soup(client.get("/members/details/"))
        return page.select_one("#id_profile-local_authority option[selected]").get_text()

    assert chosen("one@example.org", bristol) == bristol.official_name
    assert chosen("two@example.org", stoke) == stoke.official_name
    stoke.official_name = "Stoke-on-Trent City Council (renamed)"
    stoke.save()
    assert chosen("three@example.org", stoke) == "Stoke-on-Trent City Council (renamed)"
