"""The public search page over Wagtail's database search backend."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpRequest
from django.template.response import TemplateResponse

from wagtail.contrib.search_promotions.models import Query

from content.core.privacy import public_pages

RESULTS_PER_PAGE = 10


def search(request: HttpRequest) -> TemplateResponse:
    query = request.GET.get("q", "").strip()[:200]
    results = public_pages().none()
    if query:
        results = public_pages().specific().search(query)
        Query.get(query).add_hit()
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        page_obj = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page_obj = paginator.page(1)
    except EmptyPage:
        page_obj = paginator.page(max(paginator.num_pages, 1))
    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query, "page_obj": page_obj, "results": page_obj.object_list, "paginator": paginator},
    )
