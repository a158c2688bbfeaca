from django.urls import path

from . import views

app_name = "members"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("accreditatie/<str:register>/<str:cycle>.csv", views.record_csv, name="record_csv"),
    path("accreditatie/<str:register>/<str:cycle>.pdf", views.record_pdf, name="record_pdf"),
]
