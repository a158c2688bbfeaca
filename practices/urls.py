from django.urls import path

from . import views

app_name = "practices"

urlpatterns = [
    path("matrix/", views.prevention_matrix, name="matrix"),
    path("kaart/", views.story_map, name="story_map"),
]
