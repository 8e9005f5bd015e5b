"""Content-Security-Policy with one relaxation, for the Wagtail admin only."""

from csp.middleware import CSPMiddleware, PolicyParts

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

# Wagtail's admin (Draftail, Stimulus controllers, its preview panel) sets inline
# styles and a few inline scripts; the public site needs neither.
ADMIN_PREFIXES = ("/admin/", "/django-admin/")
ADMIN_RELAXATION = {
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    # The page editor's preview panel frames the admin's own preview view.
    "frame-ancestors": ["'self'"],
}


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(ADMIN_PREFIXES):
            relaxation = {**ADMIN_RELAXATION, "img-src": [*ADMIN_RELAXATION["img-src"], *settings.MEDIA_ORIGINS]}
            parts.replace = {**(parts.replace or {}), **relaxation}
        return parts
