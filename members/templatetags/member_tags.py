from django import template

from ..models import SavedPage

register = template.Library()


@register.inclusion_tag("members/save_button.html", takes_context=True)
def save_button(context, page):
    """The reading-list button for signed-in members (save, or remove when saved); nothing for others."""
    request = context["request"]
    saved = request.user.is_authenticated and SavedPage.objects.filter(user=request.user, page_id=page.pk).exists()
    return {"request": request, "user": request.user, "page": page, "saved": saved}
