from django import template

from ..models import SavedPage

register = template.Library()


@register.inclusion_tag("members/save_button.html", takes_context=True)
def save_button(context, page):
    """"Save to reading list" (or "Saved: remove") for members; a way to sign in for everyone else."""
    request = context["request"]
    saved = request.user.is_authenticated and SavedPage.objects.filter(user=request.user, page_id=page.pk).exists()
    return {"request": request, "user": request.user, "page": page, "saved": saved}
