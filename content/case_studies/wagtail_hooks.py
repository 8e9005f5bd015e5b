from wagtail import hooks

from content.core.privacy import accepts

from .models import CaseStudyPage


@hooks.register("before_serve_page")
def serve_teaser_to_readers_without_access(page, request, serve_args, serve_kwargs):
    """A case study answers readers without access with its teaser instead of a login bounce.

    Every before_serve_page hook runs before Wagtail's own view-restriction check (an on_serve_page
    hook). Only the page's own audience restriction earns a teaser: a section an editor restricted
    falls through to Wagtail's usual login redirect, and so does anything but GET or HEAD.
    """
    if not isinstance(page, CaseStudyPage) or request.method not in {"GET", "HEAD"}:
        return None
    failing = [r for r in page.get_view_restrictions() if not accepts(r, request)]
    if not failing or any(r.page_id != page.pk for r in failing):
        return None
    return page.serve_teaser(request)


@hooks.register("after_copy_page")
def copied_case_study_keeps_only_its_audience(request, page, new_page):
    """Wagtail's copy carries the original's restrictions over beside the one the copy's own save made from
    its audience: one source of truth, so the copy keeps only its audience's. A section copied with its
    children gives each child the section's restrictions too: every case study copied keeps only its own."""
    for study in new_page.get_descendants(inclusive=True).type(CaseStudyPage).specific():
        study.sync_view_restriction()
