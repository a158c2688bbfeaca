from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.profile, name="profile"),
    path("mijn-gegevens.json", views.export_data, name="export"),
    path("verwijderen/", views.delete_account, name="delete"),
]
