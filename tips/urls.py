from django.urls import path

from . import views

app_name = "tips"

urlpatterns = [
    path("", views.community_list, name="index"),
    path("uitnodiging/<str:token>/", views.accept_invitation, name="invitation"),
    path("<slug:slug>/", views.community_detail, name="community"),
    path("<slug:slug>/over/", views.community_about, name="about"),
    path("<slug:slug>/aanmelden/", views.join_request, name="join_request"),
    path("<slug:slug>/aanmelden/intrekken/", views.join_request_withdraw, name="join_request_withdraw"),
    path("<slug:slug>/aanmeldingen/<int:pk>/", views.join_request_decide, name="join_request_decide"),
    path("<slug:slug>/leden/", views.members, name="members"),
    path("<slug:slug>/verlaten/", views.leave, name="leave"),
    path("<slug:slug>/tips/nieuw/", views.submit, name="submit"),
    path("<slug:slug>/tips/<int:pk>/", views.tip_detail, name="tip"),
    path(
        "<slug:slug>/tips/<int:pk>/<str:action>/",
        views.tip_action,
        name="tip_action",
    ),
    path("<slug:slug>/rondes/nieuw/", views.round_create, name="round_create"),
    path("<slug:slug>/rondes/<int:pk>/", views.round_detail, name="round"),
    path("<slug:slug>/rondes/<int:pk>/meedoen/", views.round_take_part, name="round_take_part"),
    path("<slug:slug>/rondes/<int:pk>/uitkomsten.csv", views.round_csv, name="round_csv"),
]
