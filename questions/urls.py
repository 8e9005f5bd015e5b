from django.urls import path

from content.core import params

from . import views

params.register_converters()
app_name = "questions"

urlpatterns = [
    path("ask/<id:page_id>/", views.ask, name="ask"),
    path("<str:signed>/reply/", views.reply, name="reply"),
]
