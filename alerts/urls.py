from django.urls import path

from . import views

app_name = "alerts"

urlpatterns = [
    path("follow/", views.follow, name="follow"),
    path("settings/", views.alert_settings, name="settings"),
    path("subscribe/", views.subscribe, name="subscribe"),
    path("subscribe/confirm/<str:token>/", views.confirm, name="confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
