from django import template

from ..middleware import can_open_admin
from ..models import SavedPage
from ..return_to import return_address

register = template.Library()


@register.inclusion_tag("members/save_button.html", takes_context=True)
def save_button(context, page):
    """The reading-list button for signed-in members (save, or remove when saved); nothing for others."""
    request = context["request"]
    saved = request.user.is_authenticated and SavedPage.objects.filter(user=request.user, page_id=page.pk).exists()
    return {"request": request, "user": request.user, "page": page, "saved": saved}


@register.simple_tag(takes_context=True)
def return_here(context) -> str:
    """Where Sign in or Sign out returns the reader (``members.return_to.return_address``); empty for none."""
    request = context.get("request")
    return return_address(request, context.get("page")) if request is not None else ""


BROWSERS = (("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Safari/", "Safari"))
SYSTEMS = (
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Android", "Android"),
    ("Windows", "Windows"),
    ("Mac OS X", "macOS"),
    ("CrOS", "ChromeOS"),
    ("Linux", "Linux"),
)


@register.filter
def browser_summary(user_agent: str) -> str:
    """ "Firefox on Windows" from a User-Agent string, so a member can tell their sessions apart."""
    user_agent = user_agent or ""
    browser = next((name for marker, name in BROWSERS if marker in user_agent), "A browser")
    system = next((name for marker, name in SYSTEMS if marker in user_agent), "")
    return f"{browser} on {system}" if system else browser


@register.filter(name="can_open_admin")
def can_open_admin_filter(user) -> bool:
    """Staff in the sense that matters for two-factor: anyone who can open the Wagtail admin."""
    return can_open_admin(user)
