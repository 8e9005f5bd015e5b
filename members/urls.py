from django.urls import path

from . import views

app_name = "members"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("details/", views.details, name="details"),
    path("consents/<int:pk>/withdraw/", views.withdraw_consent, name="withdraw_consent"),
    path("consents/newsletter/", views.give_newsletter_consent, name="give_newsletter_consent"),
    path("local-government-access/", views.request_access, name="request_access"),
    path("export/", views.export, name="export"),
    path("delete/", views.delete_account, name="delete"),
    path("reading-list/", views.reading_list, name="reading_list"),
]
