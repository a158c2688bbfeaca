import pytest
from django.urls import reverse

from tests.tips.conftest import tip_through_classification
from tips import services
from tips.models import Tip, TriedIt

pytestmark = pytest.mark.django_db


def community_urls(c, tip, round_):
    slug = c.obj.slug
    return [
        reverse("tips:community", args=[slug]),
        reverse("tips:members", args=[slug]),
        reverse("tips:leave", args=[slug]),
        reverse("tips:submit", args=[slug]),
        reverse("tips:tip", args=[slug, tip.pk]),
        reverse("tips:round_create", args=[slug]),
        reverse("tips:round", args=[slug, round_.pk]),
        reverse("tips:round_take_part", args=[slug, round_.pk]),
        reverse("tips:round_csv", args=[slug, round_.pk]),
    ]


def test_outsiders_get_404_on_every_community_url(client, community, outsider):
    tip, round_, _pair = tip_through_classification(community)
    client.force_login(outsider)
    for url in community_urls(community, tip, round_):
        assert client.get(url).status_code == 404, url
    for action in ("publish", "withdraw", "consent", "deidentify"):
        assert client.post(reverse("tips:tip_action", args=[community.obj.slug, tip.pk, action])).status_code == 404
    assert client.post(reverse("tips:submit", args=[community.obj.slug]), {"text": "Ingebroken"}).status_code == 404
    assert not Tip.objects.filter(text="Ingebroken").exists()


def test_anonymous_visitors_are_sent_to_log_in(client, community):
    tip, round_, _pair = tip_through_classification(community)
    for url in community_urls(community, tip, round_):
        response = client.get(url)
        assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_a_tip_from_another_community_is_404_for_a_member(client, community, outsider):
    from tips.models import Community, CommunityMember

    other = Community.objects.create(
        name="Andere buurt", host_organisation=community.obj.host_organisation, focus_question="?"
    )
    stranger = CommunityMember.objects.create(community=other, user=outsider, role="facilitator")
    foreign_tip = services.submit_tip(stranger, "Tip van elders")
    client.force_login(community.parent.user)
    assert client.get(reverse("tips:tip", args=[community.obj.slug, foreign_tip.pk])).status_code == 404
    assert client.get(reverse("tips:community", args=[other.slug])).status_code == 404


def test_members_see_pseudonyms_only_host_and_facilitator_see_identities(client, community):
    url = reverse("tips:members", args=[community.obj.slug])
    client.force_login(community.professional.user)
    page = client.get(url).content.decode()
    assert "Moeder A" in page
    assert "Wilhelmina" not in page and "wilhelmina.geheim@example.nl" not in page
    for key in ("host", "facilitator"):
        client.force_login(community.users[key])
        page = client.get(url).content.decode()
        assert "Wilhelmina Geheimnaam" in page and "wilhelmina.geheim@example.nl" in page


def test_member_submits_a_tip_from_the_front_end(client, community):
    client.force_login(community.parent.user)
    url = reverse("tips:submit", args=[community.obj.slug])
    response = client.post(
        url, {"text": "Vraag wat een afkorting betekent.", "audiences": ["parents"], "consent": "on"}
    )
    tip = Tip.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "tips:tip", args=[community.obj.slug, tip.pk]
    )
    assert tip.author == community.parent and tip.for_parents and tip.consent_recorded_at
    assert tip.source == Tip.Source.ONLINE


def test_submitting_too_often_gives_a_clear_dutch_message(client, community):
    client.force_login(community.parent.user)
    url = reverse("tips:submit", args=[community.obj.slug])
    for index in range(services.SUBMISSION_LIMIT):
        client.post(url, {"text": f"Tip {index}"})
    response = client.post(url, {"text": "Eén te veel"})
    assert response.status_code == 429
    assert "Probeer het over een uur opnieuw" in response.content.decode()
    assert Tip.objects.count() == services.SUBMISSION_LIMIT


def test_empty_or_bad_input_is_a_form_error_not_a_500(client, community):
    client.force_login(community.parent.user)
    url = reverse("tips:submit", args=[community.obj.slug])
    response = client.post(url, {"text": "<script></script>", "phase": "nooit", "audiences": ["aliens"]})
    assert response.status_code == 200
    assert not Tip.objects.exists()


def test_facilitator_enters_a_meeting_tip_on_behalf_of_a_parent(client, community):
    client.force_login(community.facilitator.user)
    url = reverse("tips:submit", args=[community.obj.slug])
    assert "Namens wie?" in client.get(url).content.decode()
    client.post(url, {"author": community.parent.pk, "source": "meeting", "text": "Neem een vriendin mee."})
    tip = Tip.objects.get()
    assert tip.author == community.parent and tip.source == "meeting" and tip.entered_by == community.facilitator.user


def test_facilitator_screens_for_names_and_deidentifies(client, community):
    tip = services.submit_tip(community.parent, "Bij Rotterdam hielp Sandra mij.")
    client.force_login(community.facilitator.user)
    page = client.get(reverse("tips:tip", args=[community.obj.slug, tip.pk])).content.decode()
    assert "<mark>Rotterdam</mark>" in page and "<mark>Sandra</mark>" in page
    client.post(
        reverse("tips:tip_action", args=[community.obj.slug, tip.pk, "deidentify"]),
        {"text": "Een buurtwerker hielp mij."},
    )
    tip.refresh_from_db()
    assert tip.state == Tip.State.DEIDENTIFIED and tip.text == "Een buurtwerker hielp mij."


def test_a_non_facilitator_cannot_run_rounds_or_publish(client, community):
    tip, round_, _pair = tip_through_classification(community)
    client.force_login(community.professional.user)
    assert client.get(reverse("tips:round_create", args=[community.obj.slug])).status_code == 403
    client.post(reverse("tips:tip_action", args=[community.obj.slug, tip.pk, "publish"]))
    tip.refresh_from_db()
    assert tip.state == Tip.State.USABLE


def test_pair_classifies_through_the_form(client, community):
    tip = services.submit_tip(community.parent, "Tip voor de koppels")
    services.deidentify(community.facilitator, tip, tip.text)
    round_ = services.create_round(community.facilitator, "classify", "Indelen")
    services.assign_pair(community.facilitator, round_, community.parent, community.professional)
    services.open_round(community.facilitator, round_)
    client.force_login(community.professional.user)
    url = reverse("tips:round_take_part", args=[community.obj.slug, round_.pk])
    response = client.post(url, {f"phase_{tip.pk}": "during"})
    assert "zowel een fase als" in response.content.decode()
    client.post(url, {f"phase_{tip.pk}": "during", f"usable_{tip.pk}": "yes"})
    judgement = round_.pairs.get().judgements.get()
    assert (judgement.phase, judgement.usable) == ("during", True)
    client.force_login(community.parent2.user)  # not in a pair
    assert client.get(url).status_code == 403


def test_round_results_page_shows_agreement_and_exports_csv(client, community):
    tip, round_, _pair = tip_through_classification(community)
    client.force_login(community.parent2.user)
    page = client.get(reverse("tips:round", args=[community.obj.slug, round_.pk])).content.decode()
    assert "bruikbaar volgens 1 van 1 koppels" in page
    tip_page = client.get(reverse("tips:tip", args=[community.obj.slug, tip.pk])).content.decode()
    assert "Indelen" in tip_page and "bruikbaar volgens 1 van 1 koppels" in tip_page
    response = client.get(reverse("tips:round_csv", args=[community.obj.slug, round_.pk]))
    assert response["Content-Type"].startswith("text/csv")
    assert tip.text in response.content.decode()


def test_invitation_link_lets_someone_join(client, community, outsider, mailoutbox, django_capture_on_commit_callbacks):
    client.force_login(community.facilitator.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("tips:members", args=[community.obj.slug]),
            {"invite-role": "professional", "invite-email": outsider.email},
        )
    link = response.context["invitation_url"]
    [message] = mailoutbox
    assert message.to == [outsider.email] and link in message.body
    client.force_login(outsider)
    client.post(link.split("testserver", 1)[1])
    assert client.get(reverse("tips:community", args=[community.obj.slug])).status_code == 200
    assert client.get(reverse("tips:invitation", args=["onzin"])).status_code == 400


def test_parent_leaves_and_chooses_to_hide_tips(client, community, library):
    tip, _round, _pair = tip_through_classification(community)
    services.publish(community.facilitator, tip)
    client.force_login(community.parent.user)
    client.post(reverse("tips:leave", args=[community.obj.slug]), {"choice": "hide"})
    assert client.get(library.url).content.decode().count("Neem iemand mee") == 0
    assert client.get(reverse("tips:community", args=[community.obj.slug])).status_code == 404


def published_tip(c, text, audience="parents", phase="before"):
    tip = services.submit_tip(c.parent, text, audiences=[audience], consent=True)
    services.deidentify(c.facilitator, tip, text)
    Tip.objects.filter(pk=tip.pk).update(state=Tip.State.USABLE, phase=phase)
    tip.refresh_from_db()
    return services.publish(c.facilitator, tip)


def test_library_lists_published_tips_with_filters_and_pseudonyms(client, community, library):
    c = community
    published_tip(c, "Tip voor ouders vooraf", "parents", "before")
    published_tip(c, "Tip voor professionals tijdens", "professionals", "during")
    services.submit_tip(c.parent, "Nog niet gepubliceerd")
    page = client.get(library.url).content.decode()
    assert "Tip voor ouders vooraf" in page and "Tip voor professionals tijdens" in page
    assert "Nog niet gepubliceerd" not in page
    assert "Moeder A" in page and "Wilhelmina" not in page
    filtered = client.get(library.url, {"audience": "professionals"}).content.decode()
    assert "Tip voor professionals tijdens" in filtered and "Tip voor ouders vooraf" not in filtered
    filtered = client.get(library.url, {"phase": "before"}).content.decode()
    assert "Tip voor ouders vooraf" in filtered and "Tip voor professionals tijdens" not in filtered
    assert client.get(library.url, {"audience": "<script>", "pagina": "x"}).status_code == 200


def test_library_query_count_does_not_grow_with_tips(client, community, library, django_assert_max_num_queries):
    for index in range(8):
        published_tip(community, f"Gepubliceerde tip {index}")
    client.get(library.url)
    with django_assert_max_num_queries(20):
        response = client.get(library.url)
    assert response.content.decode().count("Gepubliceerde tip") == 8


def test_professional_says_i_tried_this(client, community, library):
    tip = published_tip(community, "Bel even terug.")
    url = tip.get_absolute_url()
    client.force_login(community.professional.user)
    client.post(url, {"note": "<b>Werkte</b> goed"})
    assert TriedIt.objects.get().note == "Werkte goed"
    assert "1 professional heeft deze tip geprobeerd" in client.get(url).content.decode()
    client.force_login(community.parent2.user)
    assert client.post(url, {"note": "ouder"}).status_code == 403


def test_unpublished_tips_are_404_in_the_library(client, community, library):
    tip = services.submit_tip(community.parent, "Geheim")
    assert client.get(f"{library.url}{tip.pk}/").status_code == 404


def test_home_page_shows_toptips(client, community, library):
    tip = published_tip(community, "Een toptip voor de homepagina")
    Tip.objects.filter(pk=tip.pk).update(is_toptip=True)
    page = client.get("/").content.decode()
    assert "Toptips van ouders en professionals" in page and "Een toptip voor de homepagina" in page


def test_library_shows_products_made_from_published_tips_only(client, community, library):
    from tips.models import Product

    published = published_tip(community, "Gepubliceerd")
    hidden = services.submit_tip(community.parent, "Verborgen")
    Product.objects.create(community=community.obj, title="Handout voor ouders", kind="handout").tips.set([published])
    Product.objects.create(community=community.obj, title="Geheime gastles", kind="guest_lecture").tips.set([hidden])
    page = client.get(library.url).content.decode()
    assert "Handout voor ouders" in page and "Geheime gastles" not in page


def test_library_speaks_english_under_en(client, community, library):
    published_tip(community, "Een tip")
    page = client.get("/en/tips-bibliotheek/").content.decode()
    assert "1 tip found" in page and "By Moeder A (parent)" in page


def test_facilitator_sees_how_many_tips_wait_for_name_checks(client, community):
    services.submit_tip(community.parent, "Tip met namen")
    client.force_login(community.facilitator.user)
    page = client.get(reverse("tips:community", args=[community.obj.slug])).content.decode()
    assert "1 nieuwe tip wacht op controle op namen" in page
    client.force_login(community.professional.user)
    assert "wacht op controle" not in client.get(reverse("tips:community", args=[community.obj.slug])).content.decode()
