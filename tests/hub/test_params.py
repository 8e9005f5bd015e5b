"""content.core.params: request parameters turned into values the database can hold, or the default."""

from __future__ import annotations

import pytest

from django import forms
from django.core.exceptions import BadRequest
from django.http import Http404
from django.test import RequestFactory
from django.urls import resolve
from django.urls.converters import get_converters
from django.utils.datastructures import MultiValueDictKeyError

from content.core import params
from content.papers.models import PaperSeriesPage
from content.topics.models import Topic


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1", 1),
        (" 42 ", 42),
        (7, 7),
        (str(2**63 - 1), 2**63 - 1),
        (str(2**63), None),
        ("9" * 30, None),
        ("0", None),
        ("-1", None),
        ("1.0", None),
        ("1e3", None),
        ("²", None),  # str.isdigit() says yes, int() raises
        ("٣", None),  # int() takes Arabic-Indic digits; ids are ASCII
        ("1_000", None),
        ("", None),
        (None, None),
        (True, None),
        (["1"], None),
    ],
)
def test_object_id(value, expected):
    assert params.object_id(value) == expected


def test_id_or_404():
    assert params.id_or_404("12") == 12
    with pytest.raises(Http404):
        params.id_or_404("9" * 30)


def test_object_ids_keep_valid_distinct_ids_up_to_a_limit():
    assert params.object_ids(["3", "x", "3", "9" * 30, "4"]) == [3, 4]
    assert params.object_ids([str(n) for n in range(1, 50)], limit=5) == [1, 2, 3, 4, 5]


@pytest.mark.parametrize(
    ("value", "expected"), [("3", 3), ("4611686018427387904", 1), ("0", 1), ("x", 1), (None, 1), ("1000", 1000)]
)
def test_page_number(value, expected):
    assert params.page_number(value) == expected


def test_years():
    assert params.year("2024") == 2024
    assert params.year("10000") is None and params.year("0") is None and params.year("9" * 30) is None
    assert params.years(["2024", "x", "2023", "2024"]) == [2024, 2023]


def test_choice():
    assert params.choice("30", (7, 30, 90), 30) == 30 and params.choice("31", (7, 30), 30) == 30
    assert params.choice("newest", ("relevance", "newest"), "relevance") == "newest"
    assert params.choice(None, ("a",), "a") == "a" and params.choice("\x00", ("a",), "a") == "a"


def test_text_removes_controls_collapses_space_and_caps():
    assert params.text("  a\x00b\tc\r\n d\u2028e  ") == "a b c d e"
    assert params.text("x" * 10_000, max_length=200) == "x" * 200
    assert params.text("👩‍👩‍👧") == "👩‍👩‍👧"  # zero-width joiners are not controls
    assert params.text(None) == "" and params.text(["a"]) == ""
    assert params.texts(["a", "", "a", " b "]) == ("a", "b")


def test_next_url_is_a_path_on_this_site():
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    assert params.next_url(request, "/members/#alerts", "/") == "/members/#alerts"
    for target in ("abc", "members:dashboard", "https://evil.example/", "//evil.example", "/\\evil.example", None):
        assert params.next_url(request, target, "/default/") == "/default/", target


def test_the_id_converter_matches_database_ids_only():
    params.register_converters()
    params.register_converters()  # idempotent, no warning about registering twice
    converter = get_converters()["id"]
    assert converter.to_python("123") == 123 and converter.to_url(123) == "123"
    for value in (str(2**63), "0"):
        with pytest.raises(ValueError):
            converter.to_python(value)
    assert resolve("/questions/ask/12/").kwargs == {"page_id": 12}


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["9" * 30, str(2**63), str(-(2**63) - 1), "²", "x", "1.5"])
def test_id_choice_fields_call_ids_that_are_no_ids_invalid(value):
    class Form(forms.Form):
        topic = params.IdChoiceField(queryset=Topic.objects.all())
        series = params.IdChoiceField(queryset=PaperSeriesPage.objects.all())  # pk is the parent page link
        topics = params.IdMultipleChoiceField(queryset=Topic.objects.all())
        all_series = params.IdMultipleChoiceField(queryset=PaperSeriesPage.objects.all())

    form = Form({"topic": value, "series": value, "topics": [value], "all_series": [value]})
    assert not form.is_valid()
    assert set(form.errors) == {"topic", "series", "topics", "all_series"}


@pytest.mark.django_db
def test_id_choice_fields_still_take_real_ids():
    topic, series = Topic.objects.first(), PaperSeriesPage.objects.first()

    class Form(forms.Form):
        topic = params.IdChoiceField(queryset=Topic.objects.all())
        series = params.IdMultipleChoiceField(queryset=PaperSeriesPage.objects.all())

    form = Form({"topic": str(topic.pk), "series": [str(series.pk)]})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["topic"] == topic and list(form.cleaned_data["series"]) == [series]


@pytest.mark.django_db
def test_djangos_own_fields_raise_overflow_error():
    """Why the Id fields exist: Django's 'in' lookup passes a huge id to SQLite, which cannot hold it."""
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL compares a too-large number without an error")
    field = forms.ModelMultipleChoiceField(queryset=Topic.objects.all())
    with pytest.raises(OverflowError):
        field.clean(["9" * 30])


def test_missing_field_middleware_turns_a_missing_form_field_into_a_400():
    middleware = params.MissingFieldMiddleware(lambda request: None)
    request = RequestFactory().post("/", {})
    with pytest.raises(BadRequest):
        middleware.process_exception(request, MultiValueDictKeyError("body-count"))
    assert middleware.process_exception(request, KeyError("x")) is None
