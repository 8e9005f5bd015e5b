from wagtail import hooks

from .page_cache import note_served_page

# The anonymous page cache keeps only what Wagtail served as a page (website/page_cache.py).
hooks.register("before_serve_page", note_served_page)
