"""Rough timings for the ateliers feature (BENCHMARKS.md). Run inside `manage.py shell`
against a COPY of the demo database: it adds 150 registrations to "Samen met ouders"."""

import statistics
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from ateliers import services
from ateliers.calendar import registration_ics
from ateliers.certificates import certificate_pdf
from ateliers.models import AtelierPage, Registration
from ateliers.qr import qr_png


def timed(function, repeat=20):
    start = time.perf_counter()
    for _ in range(repeat):
        function()
    return (time.perf_counter() - start) / repeat * 1000


atelier = AtelierPage.objects.get(slug="samen-met-ouders")
AtelierPage.objects.filter(pk=atelier.pk).update(capacity=100)
atelier.refresh_from_db()
stamp = time.time()
users = [User.objects.create_user(email=f"bench{n}-{stamp}@example.nl") for n in range(150)]
durations = []
for user in users:
    start = time.perf_counter()
    services.register(atelier, email=user.email, name="Bench", background="wijkteam", user=user)
    durations.append((time.perf_counter() - start) * 1000)
durations.sort()
print(f"register(): median {statistics.median(durations):.1f} ms, p95 {durations[int(len(durations) * 0.95)]:.1f} ms")
registration = Registration.objects.filter(atelier=atelier).first()
attendee = Registration.objects.filter(attended=True, atelier__slug="kracht-uit-informele-netwerken").first()
print(f"qr_png: {timed(lambda: qr_png('http://localhost/kennisateliers/inchecken/' + 'x' * 60 + '/')):.1f} ms")
print(f"registration_ics: {timed(lambda: registration_ics(registration)):.1f} ms")
print(f"certificate_pdf: {timed(lambda: certificate_pdf(attendee)):.1f} ms")

client = Client(HTTP_HOST="localhost")
client.force_login(User.objects.get(email="beheerder@demo.samenpreventief.nl"))
for url in [
    "/ateliers/",
    "/ateliers/kracht-uit-informele-netwerken/",
    "/kennisateliers/agenda.ics",
    "/admin/kennisateliers/",
    "/admin/kennisateliers/rapportage.csv",
    f"/kennisateliers/{attendee.atelier_id}/inchecken/",
]:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - start) * 1000
    print(f"GET {url}: {response.status_code}, {len(queries.captured_queries)} queries, {elapsed:.0f} ms")
