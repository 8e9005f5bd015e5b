"""Mounted at /case-studies/submit/ (website/urls.py), before Wagtail's page serving."""

from django.urls import path

from content.core import params

from . import views

params.register_converters()
app_name = "submissions"

urlpatterns = [
    path("", views.start, name="start"),
    path("<id:pk>/", views.status, name="status"),
    path("<id:pk>/attachments/<id:attachment_pk>/", views.attachment, name="attachment"),
    path("<id:pk>/<slug:slug>/", views.step, name="step"),
]
