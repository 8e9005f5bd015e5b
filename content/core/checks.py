"""System checks: every page model of the hub states its contract with the features above the content apps."""

from __future__ import annotations

from django.apps import apps
from django.conf import settings
from django.core.checks import Error, register
from django.core.exceptions import FieldDoesNotExist
from django.db import models

from wagtail.models import Page

from .models import BasePage


def contract_errors(models) -> list[Error]:
    errors = []
    for model in models:
        if model._meta.abstract or not issubclass(model, Page) or model is Page:
            continue
        if not issubclass(model, BasePage):
            errors.append(
                Error(
                    f"{model._meta.label} is a page model that does not extend BasePage.",
                    hint="Subclass content.core.models.BasePage: search, alerts and the reading list read its contract.",
                    obj=model,
                    id="hub_core.E001",
                )
            )
            continue
        declared = set().union(
            *(vars(cls) for cls in model.__mro__ if cls is not BasePage and issubclass(cls, BasePage))
        )
        errors += _named_field_errors(model)
        missing = [name for name in BasePage.CONTRACT if name not in declared]
        if missing:
            errors.append(
                Error(
                    f"{model._meta.label} does not say {', '.join(missing)}.",
                    hint="Set each on the model (True or False; search_document a method, None to stay out of search): "
                    "see BasePage's docstring.",
                    obj=model,
                    id="hub_core.E002",
                )
            )
    return errors


def _named_field_errors(model) -> list[Error]:
    """The optional fields a page model names (``release_date_field``, ``link_preview_field``) must exist."""
    errors = []
    for attribute, kinds in (
        ("release_date_field", (models.DateField,)),
        ("link_preview_field", (models.TextField, models.CharField)),
    ):
        name = vars(model).get(attribute)
        if name is None:
            continue
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            field = None
        if not isinstance(field, kinds):
            errors.append(
                Error(
                    f"{model._meta.label}.{attribute} names {name!r}, which is not one of its {kinds[0].__name__}s.",
                    hint="Name a field of the model itself, or leave the attribute out.",
                    obj=model,
                    id="hub_core.E004",
                )
            )
    return errors


@register()
def page_contract(app_configs, **kwargs):
    configs = app_configs or apps.get_app_configs()
    project = [config for config in configs if not config.name.startswith(("wagtail", "django", "modelcluster"))]
    return contract_errors(model for config in project for model in config.get_models())


@register()
def routing_by_path(app_configs, **kwargs):
    """content.core.views.serve_page routes by URL path alone, as Wagtail does without internationalisation."""
    if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return [
            Error(
                "WAGTAIL_I18N_ENABLED is on, but the hub's page view routes from the default site root only.",
                hint="Route localised trees before switching it on (content/core/views.py serve_page).",
                id="hub_core.E003",
            )
        ]
    return []
