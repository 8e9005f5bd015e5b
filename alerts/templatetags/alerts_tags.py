from django import template

from ..models import Follow

register = template.Library()


@register.inclusion_tag("alerts/follow_button.html", takes_context=True)
def follow_button(context, series=None, topic=None):
    """Follow/unfollow for a series or a topic; a way to sign in for everyone else."""
    request = context["request"]
    field, target = ("series", series) if series is not None else ("topic", topic)
    label = target.title if series is not None else target.name
    following = request.user.is_authenticated and Follow.objects.filter(user=request.user, **{field: target}).exists()
    return {
        "request": request,
        "user": request.user,
        "field": field,
        "target": target,
        "label": label,
        "following": following,
    }
