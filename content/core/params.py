"""One place that turns request parameters into values, so that no input reaches the database unchecked.

Query strings, form fields and URL path segments are text typed (or forged) by anyone. Every view reads
them through these helpers:

- ``object_id`` / ``id_or_404``: a positive integer that fits the database's id columns (1..2**63-1),
  else ``None`` / a 404. SQLite refuses larger integers with an ``OverflowError`` (a 500), and Django's
  own overflow guard covers plain ``exact`` lookups only, not ``in`` lookups or relations.
- ``page_number``: a page of a listing, 1..``MAX_PAGE``; anything else is the first page.
- ``year``: 1..9999 or ``None`` (no filter).
- ``choice``: one of the allowed values, else the default.
- ``next_url``: a path on this site to go on to after a form, else the default.
- ``text``: NUL and other control characters made spaces, whitespace collapsed, length capped;
  ``typed``: text kept as typed but without NUL (PostgreSQL refuses it in text and JSON columns).
- ``<id:…>`` in URL patterns (``IdConverter``, registered by ``register_converters()``): like ``<int:…>``
  but at most 2**63-1, so an id too large for any table is a 404 (no match), not a server error.
- ``IdChoiceField`` / ``IdMultipleChoiceField``: Django's model choice fields, with ids that do not fit the
  key column reported as an invalid choice instead of an ``OverflowError``.

``MissingFieldMiddleware`` answers a form post that lacks a field a view reads with a 400.

Invalid values fall back to the default (first page, no filter); an id that names nothing is a 404,
answered with the site's own error page (templates/404.html).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import TypeVar

from django import forms
from django.core.exceptions import BadRequest
from django.db import connections, models, router
from django.http import Http404, HttpRequest
from django.urls import register_converter
from django.urls.converters import get_converters
from django.utils.datastructures import MultiValueDictKeyError
from django.utils.http import url_has_allowed_host_and_scheme

MAX_ID = 2**63 - 1  # BigAutoField, SQLite INTEGER, PostgreSQL bigint
MAX_PAGE = 1000  # no listing has more pages; a cluster answers at most 10,000 results deep
MAX_YEAR = 9999
MAX_TEXT = 200
MAX_URL = 2000
MAX_VALUES = 10  # repeated parameters (facet values, ids) read at most

T = TypeVar("T")
_DIGITS = re.compile(r"[0-9]{1,19}")  # ASCII only: int() would also take Arabic-Indic or full-width digits
_CONTROL_CATEGORIES = {"Cc", "Cs", "Co", "Cn"}  # controls, surrogates, private use, unassigned
_SPACE = re.compile(r"\s+")
_LINE_BREAKS = str.maketrans(dict.fromkeys("\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029", " "))


def positive_int(value: object, maximum: int = MAX_ID) -> int | None:
    """``value`` as an integer in 1..maximum, or ``None`` (missing, not a plain number, zero, too large)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and _DIGITS.fullmatch(value.strip()):
        number = int(value.strip())
    else:
        return None
    return number if 1 <= number <= maximum else None


def object_id(value: object) -> int | None:
    """An id that fits the database's id columns, or ``None``."""
    return positive_int(value, MAX_ID)


def id_or_404(value: object) -> int:
    """An id that fits the database's id columns; anything else is a 404."""
    number = object_id(value)
    if number is None:
        raise Http404("No such object.")
    return number


def object_ids(values: Iterable[object], limit: int = MAX_VALUES) -> list[int]:
    """The valid ids among ``values`` (at most ``limit``, without duplicates, in order)."""
    found: list[int] = []
    for value in values:
        number = object_id(value)
        if number is not None and number not in found:
            found.append(number)
            if len(found) == limit:
                break
    return found


def page_number(value: object, maximum: int = MAX_PAGE) -> int:
    """A listing's page, 1..maximum; anything else is the first page."""
    return positive_int(value, maximum) or 1


def year(value: object) -> int | None:
    """A year to filter by (1..9999), or ``None`` for no filter."""
    return positive_int(value, MAX_YEAR)


def years(values: Iterable[object], limit: int = MAX_VALUES) -> list[int]:
    """The valid years among ``values`` (at most ``limit``, without duplicates, in order)."""
    return object_ids(map(year, values), limit)


def choice(value: object, choices: Sequence[T], default: T) -> T:
    """``value`` if it is one of ``choices`` (compared as text, so "30" finds 30), else ``default``."""
    if value is None:
        return default
    wanted = str(value)
    for option in choices:
        if str(option) == wanted:
            return option
    return default


def strip_controls(value: str) -> str:
    """``value`` with NUL, other control characters, lone surrogates and unassigned code points made spaces.

    Tabs and line breaks become spaces too; format characters such as the zero-width joiner stay (emoji).
    """
    if value.isprintable():
        return value
    return "".join(
        char if char.isprintable() or unicodedata.category(char) not in _CONTROL_CATEGORIES else " " for char in value
    ).translate(_LINE_BREAKS)


def text(value: object, max_length: int = MAX_TEXT) -> str:
    """One line of text: control characters removed, runs of whitespace made one space, at most ``max_length``."""
    if not isinstance(value, str):
        return ""
    value = value[: max_length * 8]  # bounded work whatever was sent; whitespace runs shrink below
    return _SPACE.sub(" ", strip_controls(value)).strip()[:max_length].strip()


def typed(value: str) -> str:
    """Text kept as typed (line breaks and all) but without NUL, which PostgreSQL refuses in text and JSON."""
    return value.replace("\x00", "")


def texts(values: Iterable[object], max_length: int = MAX_TEXT, limit: int = MAX_VALUES) -> tuple[str, ...]:
    """The non-empty cleaned values of a repeated parameter, at most ``limit``, without duplicates."""
    found: list[str] = []
    for value in values:
        cleaned = text(value, max_length)
        if cleaned and cleaned not in found:
            found.append(cleaned)
            if len(found) == limit:
                break
    return tuple(found)


def next_url(request: HttpRequest, value: object, default: str) -> str:
    """Where to go after a form: a path on this site (``/…``), else ``default``.

    Give the result to ``HttpResponseRedirect``, not ``redirect()``: ``redirect("anything")`` first tries the
    text as a URL name and raises ``NoReverseMatch`` (a 500) for a word that is none.
    """
    target = text(value, MAX_URL)
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


# URL path converter ---------------------------------------------------------------------------------


class IdConverter:
    """``<id:pk>``: a database id. Up to 19 digits and at most 2**63-1; anything else does not match (404)."""

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = object_id(value)
        if number is None:
            raise ValueError(f"{value!r} is not a database id")  # the resolver treats this as no match
        return number

    def to_url(self, value: object) -> str:
        return str(int(value))  # type: ignore[call-overload]


def register_converters() -> None:
    """Make ``<id:…>`` available to URL patterns; safe to call from every urls module."""
    if "id" not in get_converters():
        register_converter(IdConverter, "id")


# Form fields -------------------------------------------------------------------------------------


def _key_field(queryset: models.QuerySet, to_field_name: str | None) -> models.Field:
    field = queryset.model._meta.get_field(to_field_name) if to_field_name else queryset.model._meta.pk
    while field.is_relation and getattr(field, "target_field", None) is not None:  # a child page's parent link
        field = field.target_field
    return field


def key_fits(queryset: models.QuerySet, to_field_name: str | None, value: object) -> bool:
    """False when ``value`` cannot be an integer key of ``queryset``'s model (not a number, or out of range)."""
    field = _key_field(queryset, to_field_name)
    if not isinstance(field, models.IntegerField):  # AutoField and BigAutoField are IntegerFields too
        return True
    if isinstance(value, bool):
        return False
    if isinstance(value, str):
        value = value.strip()
        if not re.fullmatch(r"-?[0-9]{1,20}", value):
            return False
    try:
        number = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return False
    connection = connections[router.db_for_read(queryset.model)]
    low, high = connection.ops.integer_field_range(field.get_internal_type())
    return (low is None or number >= low) and (high is None or number <= high)


class IdChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField where an id the key column cannot hold is an invalid choice, not a 500."""

    def to_python(self, value):
        if value not in self.empty_values and not isinstance(value, self.queryset.model):
            self.validate_no_null_characters(value)
            if not key_fits(self.queryset, self.to_field_name, value):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
                )
        return super().to_python(value)


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A ModelMultipleChoiceField where ids the key column cannot hold are invalid, not a 500."""

    def _check_values(self, value):
        try:
            values = frozenset(value)
        except TypeError:
            raise forms.ValidationError(self.error_messages["invalid_list"], code="invalid_list") from None
        for pk in values:
            self.validate_no_null_characters(pk)
            if not key_fits(self.queryset, self.to_field_name, pk):
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                )
        return super()._check_values(values)


# Malformed form posts --------------------------------------------------------------------------------


class MissingFieldMiddleware:
    """A view that reads a form field the request did not send answers 400 (templates/400.html), not 500.

    The site's forms always send their fields, so such a request was made by hand. Wagtail's editor reads
    StreamField management fields with ``data["…-count"]`` and raises ``MultiValueDictKeyError`` without them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, MultiValueDictKeyError):
            raise BadRequest(f"The form sent no {exception} field.") from exception
        return None
