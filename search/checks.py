"""System checks: a half-configured search engine fails loudly at start-up."""

from django.conf import settings
from django.core.checks import Error, register


@register()
def search_engine_settings(app_configs, **kwargs):
    url = getattr(settings, "SEARCH_URL", "") or ""
    errors = []
    if url and not url.startswith(("http://", "https://")):
        errors.append(
            Error(
                f"SEARCH_URL must be an http(s):// URL of an Elasticsearch or OpenSearch cluster, not {url!r}.",
                hint="Unset SEARCH_URL to use the database search engine.",
                id="hub_search.E001",
            )
        )
    return errors
