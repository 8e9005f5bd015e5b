"""Signals other apps listen to, so pages need not know who counts or remembers what."""

from django.dispatch import Signal

# Sent when a page is rendered in full for a reader (GET, its own URL, not a preview, not a
# teaser): kwargs page (the specific page) and request. Insight counts reads; members' "not opened
# yet" list remembers which papers a signed-in member has opened.
page_read = Signal()
