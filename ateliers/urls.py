from django.urls import path

from . import views

app_name = "ateliers"

urlpatterns = [
    path("agenda.ics", views.calendar_feed, name="feed"),
    path("mijn-agenda/", views.my_calendar, name="my_calendar"),
    path("mijn-agenda/<str:key>.ics", views.member_calendar_feed, name="member_feed"),
    path("<int:atelier_id>/aanmelden/", views.register, name="register"),
    path("aanmelding/bevestigen/<str:token>/", views.confirm, name="confirm"),
    path("aanmelding/<str:token>/", views.manage, name="manage"),
    path("aanmelding/<str:token>/afmelden/", views.cancel, name="cancel"),
    path("aanmelding/<str:token>/wijzigen/", views.change, name="change"),
    path("aanmelding/<str:token>/plek-aannemen/", views.accept_offer, name="accept_offer"),
    path("aanmelding/<str:token>/kennisatelier.ics", views.registration_calendar, name="registration_ics"),
    path("aanmelding/<str:token>/certificaat.pdf", views.certificate, name="certificate"),
    path("certificaat/<str:code>/", views.certificate_check, name="certificate_check"),
    path("nieuwe-link/<str:purpose>/<str:token>/", views.fresh_link, name="fresh_link"),
    path("evaluatie/<str:token>/", views.evaluate, name="evaluate"),
    path("<int:atelier_id>/inchecken/", views.checkin, name="checkin"),
    path("<int:atelier_id>/inchecken/<int:registration_id>/", views.checkin_toggle, name="checkin_toggle"),
    path("inchecken/<str:token>/", views.checkin_scan, name="checkin_scan"),
]
