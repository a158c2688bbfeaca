"""A Zwolle editor submits a practice story; the coordinator sends it back with a comment; the
editor fixes it; the coordinator approves it; the public sees it. All in a real browser."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.urls import NoReverseMatch, reverse
from playwright.sync_api import expect

from organisations.sections import folder_for
from practices.models import PracticeStoryPage
from tests.browser.conftest import audit_accessibility, login
from tests.editorial.conftest import PASSWORD, platform  # noqa: F401 (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def as_user(browser, live_server, user):
    EmailAddress.objects.update_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
    context = browser.new_context(locale="nl-NL", base_url=live_server.url)
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    login(tab, user.email, PASSWORD)
    expect(tab).not_to_have_url(re.compile(r"/account/login/"))
    return tab


def open_action_menu(tab):
    tab.get_by_role("button", name="Meer acties").click()


def test_story_goes_from_editor_via_rejection_to_the_public_site(browser, live_server, platform):  # noqa: F811
    users = platform.users
    section = folder_for(platform.zwolle.page, PracticeStoryPage)

    # 1. The editor writes a story and submits it.
    editor = as_user(browser, live_server, users.editor)
    editor.goto(f"/admin/pages/add/practices/practicestorypage/{section.pk}/")
    editor.locator("#id_title").fill("Voorleesochtend in de bibliotheek")
    # The municipality is a snippet chooser (Wagtail's own widget); set its hidden value directly.
    editor.locator("#id_municipality").evaluate("(input, value) => { input.value = value; }", str(platform.zwolle.pk))
    editor.locator("#id_standfirst").fill("Ouders en peuters lezen elke zaterdag samen voor.")
    editor.get_by_role("tab", name="Doelgroep").click()
    editor.locator("#id_target_group").fill("Ouders van peuters")
    editor.get_by_role("tab", name="Verhaal").click()
    open_action_menu(editor)
    editor.locator('button[name="action-submit"]').click()
    expect(editor.locator(".messages")).to_contain_text("Voorleesochtend in de bibliotheek")
    story = PracticeStoryPage.objects.get(title="Voorleesochtend in de bibliotheek")
    assert story.workflow_in_progress and not story.live

    # 2. The coordinator finds it under "Wacht op mij" and asks for changes, with a comment.
    coordinator = as_user(browser, live_server, users.coordinator)
    coordinator.goto("/admin/")
    waiting = coordinator.locator("#awaiting-review-content, section:has-text('Wacht op mij')").first
    expect(waiting).to_contain_text("Voorleesochtend in de bibliotheek")
    assert audit_accessibility(coordinator) == []
    coordinator.goto(f"/admin/pages/{story.pk}/edit/")
    open_action_menu(coordinator)
    coordinator.locator('button[data-workflow-action-name="reject"]').click()
    coordinator.locator("textarea[name='comment']").fill("Vermeld nog hoe vaak het plaatsvindt en waar.")
    coordinator.locator(".modal button[type='submit']").click()
    expect(coordinator.locator(".messages")).to_be_visible()
    story.refresh_from_db()
    assert story.current_workflow_state.status == "needs_changes"

    # 3. The editor sees the comment, fixes the story and resubmits.
    editor.goto("/admin/")
    expect(editor.get_by_text("Teruggestuurd met opmerkingen")).to_be_visible()
    expect(editor.get_by_text("Vermeld nog hoe vaak het plaatsvindt en waar.").first).to_be_visible()
    assert audit_accessibility(editor) == []
    editor.goto(f"/admin/pages/{story.pk}/edit/")
    editor.locator("#id_standfirst").fill("Ouders en peuters lezen elke zaterdagochtend samen voor in de bibliotheek.")
    open_action_menu(editor)
    editor.locator('button[name="action-submit"]').click()
    expect(editor.locator(".messages")).to_be_visible()

    # 4. The coordinator approves; the story is published.
    coordinator.goto(f"/admin/pages/{story.pk}/edit/")
    open_action_menu(coordinator)
    coordinator.locator('button[data-workflow-action-name="approve"]').first.click()
    expect(coordinator.locator(".messages")).to_be_visible()
    story.refresh_from_db()
    assert story.live

    # 5. Anyone can read it on the public site.
    public = browser.new_context(locale="nl-NL", base_url=live_server.url).new_page()
    public.goto(f"/organisaties/{platform.zwolle.slug}/praktijkverhalen/{story.slug}/")
    expect(public.get_by_role("heading", level=1)).to_have_text("Voorleesochtend in de bibliotheek")
    expect(public.locator("main")).to_contain_text("elke zaterdagochtend samen voor in de bibliotheek")
    assert audit_accessibility(public) == []

    # ... and find it with the site search, once the search app (issue 4) is part of the site.
    try:
        search_url = reverse("search:search")
    except NoReverseMatch:
        return
    public.goto(f"{search_url}?q=Voorleesochtend")
    expect(public.locator("main")).to_contain_text("Voorleesochtend in de bibliotheek")
