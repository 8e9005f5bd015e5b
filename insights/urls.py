from django.urls import path

from .views import DashboardView, ReportCSVView

app_name = "insights"
urlpatterns = [
    path("", DashboardView.as_view(), name="dashboard"),
    path("csv/<slug:slug>/", ReportCSVView.as_view(), name="csv"),
]
