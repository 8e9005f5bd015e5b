from django.urls import path

from . import views

app_name = "questions"

urlpatterns = [
    path("ask/<int:page_id>/", views.ask, name="ask"),
    path("<str:signed>/reply/", views.reply, name="reply"),
]
