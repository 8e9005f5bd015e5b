"""Mounted at /case-studies/submit/ (hub/urls.py), before Wagtail's page serving."""

from django.urls import path

from . import views

app_name = "submissions"

urlpatterns = [
    path("", views.start, name="start"),
    path("<int:pk>/", views.status, name="status"),
    path("<int:pk>/attachments/<int:attachment_pk>/", views.attachment, name="attachment"),
    path("<int:pk>/<slug:slug>/", views.step, name="step"),
]
