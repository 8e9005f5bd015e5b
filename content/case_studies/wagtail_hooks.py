from wagtail import hooks

from .models import CaseStudyPage


@hooks.register("before_serve_page", order=-10)
def serve_teaser_to_readers_without_access(page, request, serve_args, serve_kwargs):
    """Runs before Wagtail's own restriction check: a case study answers with its teaser, not a login bounce."""
    if not isinstance(page, CaseStudyPage):
        return None
    restrictions = page.get_view_restrictions()
    if all(restriction.accept_request(request) for restriction in restrictions):
        return None
    return page.serve_teaser(request)
