"""Thin views: every rule lives in `tips.services`; these only read forms and show results.

Community views are login-only and resolve the community through `services.community_for`,
which answers 404 to anyone who is not an active member.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.decorators import refuse_unverified
from core.public_urls import absolute_url

from . import forms, services
from .models import Product, Round, Tip, TipLibraryPage

LIBRARY_PAGE_SIZE = 20

# Actions on one tip that only the community's facilitator takes; the view refuses them before
# reading the form, so nobody else learns anything from form errors (issue 14).
FACILITATOR_TIP_ACTIONS = {"deidentify", "reword", "flags", "publish", "archive"}


def _fail(request, error):
    messages.error(request, str(error))


# --- Communities ---------------------------------------------------------------------------


@login_required
def community_list(request):
    communities = services.communities_of(request.user).select_related("host_organisation")
    return render(request, "tips/community_list.html", {"communities": communities})


@login_required
@refuse_unverified
def accept_invitation(request, token):
    try:
        invitation = services.read_invitation(token)
    except services.TipError as error:
        # An expired invitation is gone for good (410); a mangled link is a bad request.
        status = 410 if isinstance(error, services.InvitationExpired) else 400
        return render(request, "tips/invitation.html", {"error": error}, status=status)
    community = invitation.community
    if request.method == "POST":
        try:
            services.accept_invitation(request.user, token)
        except services.TipError as error:
            _fail(request, error)
            return redirect("accounts:profile")
        messages.success(request, _("Welkom in %(name)s.") % {"name": community.name})
        return redirect("tips:community", slug=community.slug)
    return render(
        request,
        "tips/invitation.html",
        {
            "community": community,
            "role_label": invitation.get_role_display(),
            "consent_text": services.MEMBERSHIP_CONSENT_TEXT,
        },
    )


# --- Asking to join ------------------------------------------------------------------------


def community_about(request, slug):
    """The public face of a community open to requests: what it is, who facilitates, how to join."""
    community = services.public_community(slug)
    context = {
        "community": community,
        "facilitators": services.facilitator_names(community),
        "is_member": services.active_membership(request.user, community) is not None,
        "open_request": services.open_request_of(request.user, community),
        "meta_title": community.name,
        "meta_description": community.focus_question,
    }
    return render(request, "tips/community_about.html", context)


@login_required
@refuse_unverified
def join_request(request, slug):
    community = services.public_community(slug)
    if services.active_membership(request.user, community) is not None:
        return redirect("tips:community", slug=slug)
    if services.open_request_of(request.user, community) is not None:
        return redirect("tips:about", slug=slug)
    form = forms.JoinRequestForm(request.POST if request.method == "POST" else None, user=request.user)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.request_to_join(
                    request.user,
                    community,
                    data["role"],
                    data["motivation"],
                    pseudonym=data["pseudonym"],
                    consent=data["consent"],
                    language=request.LANGUAGE_CODE,
                )
            except services.RateLimited as error:
                form.add_error(None, str(error))
                status = 429
            except services.TipError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request, _("Uw aanmelding is verstuurd. U krijgt een mail als de procesbegeleider heeft besloten.")
                )
                return redirect("tips:about", slug=slug)
    context = {"community": community, "form": form, "consent_text": services.MEMBERSHIP_CONSENT_TEXT}
    return render(request, "tips/join_request.html", context, status=status)


@login_required
@require_POST
def join_request_withdraw(request, slug):
    community = services.public_community(slug)
    try:
        services.withdraw_request(request.user, community)
    except services.TipError as error:
        _fail(request, error)
    else:
        messages.success(request, _("Uw aanmelding is ingetrokken."))
    return redirect("tips:about", slug=slug)


@login_required
@refuse_unverified
@require_POST
def join_request_decide(request, slug, pk):
    """The facilitator accepts or declines a request; refused to anyone else before the form is read."""
    _community, member = services.community_for(request.user, slug)
    services.require_facilitator(member)
    form = forms.JoinDecisionForm(request.POST)
    if not form.is_valid():
        _fail(request, _("Kies of u de aanmelding accepteert of afwijst."))
        return redirect("tips:members", slug=slug)
    accept = form.cleaned_data["decision"] == forms.JoinDecisionForm.ACCEPT
    try:
        services.decide_request(member, pk, accept=accept, message=form.cleaned_data["message"])
    except services.TipError as error:
        _fail(request, error)
    else:
        messages.success(request, _("De aanmelding is geaccepteerd.") if accept else _("De aanmelding is afgewezen."))
    return redirect("tips:members", slug=slug)


@login_required
def community_detail(request, slug):
    community, member = services.community_for(request.user, slug)
    tips = services.tips_for(member)
    state = request.GET.get("status", "")
    if state in Tip.State.values:
        tips = tips.filter(state=state)
    context = {
        "community": community,
        "member": member,
        "tips": tips,
        "state_filter": state,
        "states": Tip.State.choices,
        "rounds": community.rounds.all(),
        "own_withdrawn": community.tips.filter(state=Tip.State.WITHDRAWN, author=member),
        "to_deidentify": community.tips.filter(state=Tip.State.COLLECTED).count() if member.is_facilitator else 0,
        "open_join_requests": services.open_requests_for(member).count() if member.is_facilitator else 0,
    }
    return render(request, "tips/community_detail.html", context)


@login_required
def members(request, slug):
    community, member = services.community_for(request.user, slug)
    add_form = forms.AddMemberForm(prefix="add")
    invite_form = forms.InvitationForm(prefix="invite")
    invitation_url = None
    if request.method == "POST":
        services.require_facilitator(member)
        if "add-email" in request.POST:
            add_form = forms.AddMemberForm(request.POST, prefix="add")
            if add_form.is_valid():
                try:
                    added = services.add_member(member, add_form.cleaned_data["email"], add_form.cleaned_data["role"])
                    messages.success(request, _("%(name)s is toegevoegd.") % {"name": added.public_name})
                    return redirect("tips:members", slug=slug)
                except services.TipError as error:
                    add_form.add_error("email", str(error))
        else:
            invite_form = forms.InvitationForm(request.POST, prefix="invite")
            if invite_form.is_valid():
                data = invite_form.cleaned_data
                token = services.invitation_token(member, data["role"], data["email"])
                invitation_url = absolute_url(reverse("tips:invitation", args=[token]))
                services.send_invitation(member, data["role"], data["email"], invitation_url)
    people = [
        {"member": other, "name": services.identity_of(member, other)}
        for other in community.members.filter(left_at__isnull=True)
        .select_related("user__profile")
        .prefetch_related("user__tip_memberships")
    ]
    return render(
        request,
        "tips/members.html",
        {
            "community": community,
            "member": member,
            "people": people,
            "add_form": add_form,
            "invite_form": invite_form,
            "invitation_url": invitation_url,
            "join_requests": [
                {"request": r, "name": services.requester_identity(r)} for r in services.open_requests_for(member)
            ]
            if member.is_facilitator
            else [],
            "decision_form": forms.JoinDecisionForm(),
        },
    )


@login_required
def leave(request, slug):
    community, member = services.community_for(request.user, slug)
    form = forms.LeaveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.leave_community(member, hide_tips=form.cleaned_data["choice"] == forms.LeaveForm.HIDE)
        messages.success(request, _("U heeft %(name)s verlaten.") % {"name": community.name})
        return redirect("tips:index")
    return render(request, "tips/leave.html", {"community": community, "member": member, "form": form})


# --- Tips ----------------------------------------------------------------------------------


@login_required
@refuse_unverified
def submit(request, slug):
    community, member = services.community_for(request.user, slug)
    form = forms.TipForm(request.POST or None, member=member)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            tip = services.submit_tip(
                member,
                data["text"],
                audiences=data["audiences"],
                phase=data["phase"],
                themes=data.get("themes") or (),
                consent=data["consent"],
                author=data.get("author"),
                source=data.get("source", Tip.Source.ONLINE),
                co_authors=data.get("co_authors") or (),
                submission_key=data.get("submission_key") or "",
            )
        except services.RateLimited as error:
            form.add_error(None, str(error))
            return render(
                request, "tips/tip_form.html", {"community": community, "member": member, "form": form}, status=429
            )
        except services.TipError as error:
            form.add_error("text", str(error))
        else:
            messages.success(request, _("Dank u wel! Uw tip is bewaard in de gemeenschap."))
            return redirect("tips:tip", slug=slug, pk=tip.pk)
    return render(request, "tips/tip_form.html", {"community": community, "member": member, "form": form})


@login_required
def tip_detail(request, slug, pk):
    community, member = services.community_for(request.user, slug)
    tip = services.tip_for(member, pk)
    context = {
        "community": community,
        "member": member,
        "tip": tip,
        "is_author": services.is_author(member, tip),
        "author_name": services.identity_of(member, tip.author) if tip.author else _("Anoniem"),
        "versions": tip.versions.all(),
        "needs_consent": bool(tip.parent_authors()) and tip.consent_recorded_at is None,
        "agreement": services.agreement_for_tip(member, tip),
    }
    if member.is_facilitator:
        context.update(
            {
                "segments": services.identifying_segments(tip.text),
                "text_form": forms.TextForm(initial={"text": tip.text}),
                "flags_form": forms.FlagsForm(
                    tip=tip,
                    initial={name: getattr(tip, name) for name in services.FLAG_FIELDS}
                    | {"duplicate_of": tip.duplicate_of_id},
                ),
                "publishable": tip.state in services.PUBLISHABLE,
            }
        )
    return render(request, "tips/tip_detail.html", context)


@login_required
@refuse_unverified
@require_POST
def tip_action(request, slug, pk, action):
    """Deidentify, reword, flag, consent, publish, archive or withdraw one tip."""
    community, member = services.community_for(request.user, slug)
    tip = services.tip_for(member, pk)
    if action in FACILITATOR_TIP_ACTIONS:
        services.require_facilitator(member)
    try:
        if action in ("deidentify", "reword"):
            form = forms.TextForm(request.POST)
            if not form.is_valid():
                raise services.TipError(_("Schrijf eerst de nieuwe tekst op."))
            if action == "deidentify":
                services.deidentify(member, tip, form.cleaned_data["text"])
                messages.success(request, _("De tip is ontdaan van namen."))
            else:
                services.reword(member, tip, form.cleaned_data["text"], form.cleaned_data["note"])
                messages.success(request, _("De nieuwe versie is bewaard; de vorige versies blijven bestaan."))
        elif action == "flags":
            form = forms.FlagsForm(request.POST, tip=tip)
            if not form.is_valid():
                raise services.TipError(_("Kies een bestaande tip als dubbel."))
            services.set_flags(member, tip, **form.cleaned_data)
            messages.success(request, _("De signalen zijn bewaard."))
        elif action == "consent":
            services.record_consent(member, tip)
            messages.success(request, _("De toestemming is vastgelegd."))
        elif action == "publish":
            services.publish(member, tip)
            messages.success(request, _("De tip staat nu in de openbare tipsbibliotheek."))
        elif action == "archive":
            services.archive(member, tip)
            messages.success(request, _("De tip is gearchiveerd."))
        elif action == "withdraw":
            services.withdraw(member, tip)
            messages.success(request, _("Uw tip is teruggetrokken. Niemand anders ziet hem nog."))
            return redirect("tips:community", slug=slug)
        else:
            raise Http404
    except services.TipError as error:
        _fail(request, error)
    return redirect("tips:tip", slug=slug, pk=tip.pk)


# --- Rounds --------------------------------------------------------------------------------


@login_required
def round_create(request, slug):
    community, member = services.community_for(request.user, slug)
    services.require_facilitator(member)
    form = forms.RoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            round_ = services.create_round(
                member, data["kind"], data["title"], deadline=data["deadline"], blind=data["blind"]
            )
        except services.TipError as error:
            form.add_error("kind", str(error))
        else:
            return redirect("tips:round", slug=slug, pk=round_.pk)
    return render(request, "tips/round_form.html", {"community": community, "member": member, "form": form})


@login_required
def round_detail(request, slug, pk):
    community, member = services.community_for(request.user, slug)
    round_ = services.round_for(member, pk)
    if request.method == "POST":
        # Opening, closing and pairing are the facilitator's; refused before the form is read.
        services.require_facilitator(member)
    pair_form = forms.PairForm(request.POST or None, community=community)
    if request.method == "POST":
        try:
            if "open" in request.POST:
                services.open_round(member, round_)
                messages.success(request, _("De ronde is geopend."))
            elif "close" in request.POST:
                services.close_round(member, round_)
                messages.success(request, _("De ronde is gesloten; de uitkomsten zijn verwerkt."))
            elif pair_form.is_valid():
                services.assign_pair(
                    member, round_, pair_form.cleaned_data["parent"], pair_form.cleaned_data["professional"]
                )
                messages.success(request, _("Het koppel is toegevoegd."))
            else:
                raise services.TipError(_("Kies een ouder en een professional."))
        except services.TipError as error:
            _fail(request, error)
        return redirect("tips:round", slug=slug, pk=pk)
    rows = []
    if services.results_visible_to(member, round_):
        rows = [
            dict(row, agreement=services.agreement_text(row, round_.kind)) for row in services.round_results(round_)
        ]
    context = {
        "community": community,
        "member": member,
        "round": round_,
        "pairs": round_.pairs.select_related("parent__user__profile", "professional__user__profile").prefetch_related(
            "professional__user__tip_memberships"
        ),
        "pair_form": pair_form,
        "rows": rows,
        "my_pair": services.pair_of(member, round_),
        "can_take_part": _can_take_part(member, round_),
    }
    return render(request, "tips/round_detail.html", context)


def _can_take_part(member, round_):
    if not round_.is_open:
        return False
    if round_.kind == Round.Kind.CLASSIFY:
        return services.pair_of(member, round_) is not None
    if round_.kind == Round.Kind.PRIORITISE:
        return member.role == member.Role.PROFESSIONAL
    return True


@login_required
@refuse_unverified
def round_take_part(request, slug, pk):
    community, member = services.community_for(request.user, slug)
    round_ = services.round_for(member, pk)
    if not _can_take_part(member, round_):
        raise PermissionDenied(_("U doet niet mee aan deze ronde of de ronde is niet open."))
    tips = list(round_.tips.exclude(state=Tip.State.WITHDRAWN).order_by("pk"))
    data = request.POST or None
    if round_.kind == Round.Kind.CLASSIFY:
        pair = services.pair_of(member, round_)
        initial = {}
        for judgement in pair.judgements.all():
            initial[f"phase_{judgement.tip_id}"] = judgement.phase
            initial[f"usable_{judgement.tip_id}"] = "yes" if judgement.usable else "no"
        form = forms.judgement_form(round_, tips, data, initial)
    elif round_.kind == Round.Kind.TOPTIPS:
        chosen = [str(pk) for pk in round_.votes.filter(member=member).values_list("tip_id", flat=True)]
        form = forms.vote_form(tips, data, {"tips": chosen})
    else:
        ranks = dict(round_.priorities.filter(member=member).values_list("tip_id", "rank"))
        form = forms.priority_form(tips, data, {f"rank_{pk}": rank for pk, rank in ranks.items()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if round_.kind == Round.Kind.CLASSIFY:
                judgements = {}
                for tip in tips:
                    phase, usable = data[f"phase_{tip.pk}"], data[f"usable_{tip.pk}"]
                    if phase and usable:
                        judgements[tip.pk] = (phase, usable == "yes")
                    elif phase or usable:
                        raise services.TipError(
                            _("Kies bij tip %(pk)s zowel een fase als of hij bruikbaar is.") % {"pk": tip.pk}
                        )
                services.judge(member, round_, judgements)
            elif round_.kind == Round.Kind.TOPTIPS:
                services.vote(member, round_, [int(pk) for pk in data["tips"]])
            else:
                services.prioritise(member, round_, {tip.pk: data[f"rank_{tip.pk}"] for tip in tips})
        except services.TipError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Uw keuzes zijn bewaard."))
            return redirect("tips:round", slug=slug, pk=pk)
    context = {"community": community, "member": member, "round": round_, "form": form, "tips": tips}
    if round_.kind == Round.Kind.CLASSIFY:
        context["judgement_rows"] = [(tip, form[f"phase_{tip.pk}"], form[f"usable_{tip.pk}"]) for tip in tips]
    return render(request, "tips/round_take_part.html", context)


@login_required
def round_csv(request, slug, pk):
    _community, member = services.community_for(request.user, slug)
    round_ = services.round_for(member, pk)
    if not services.results_visible_to(member, round_):
        raise PermissionDenied(_("De uitkomsten van deze blinde ronde zijn zichtbaar als de ronde gesloten is."))
    response = HttpResponse(services.results_csv(round_), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="ronde-{round_.pk}-uitkomsten.csv"'
    return response


# --- Public library ------------------------------------------------------------------------


def library_index(request, page):
    tips = (
        Tip.objects.published()
        .select_related("author__user__profile")
        .prefetch_related("themes", "author__user__tip_memberships")
    )
    form = forms.LibraryFilterForm(request.GET or None)
    if form.is_valid():
        audience = form.cleaned_data["audience"]
        if audience:
            tips = tips.filter(**{f"for_{audience}": True})
        if form.cleaned_data["phase"]:
            tips = tips.filter(phase=form.cleaned_data["phase"])
        if form.cleaned_data["theme"]:
            tips = tips.filter(themes__slug=form.cleaned_data["theme"])
    paginator = Paginator(tips.order_by("-is_toptip", "-priority_score", "-published_at", "pk"), LIBRARY_PAGE_SIZE)
    tips_page = paginator.get_page(request.GET.get("pagina"))
    for tip in tips_page:
        tip.library_url = page.url + page.reverse_subpage("tip", args=[tip.pk])
    query = request.GET.copy()
    query.pop("pagina", None)
    products = Product.objects.filter(tips__state=Tip.State.PUBLISHED).distinct().order_by("title")
    context = page.get_context(request)
    context.update(
        {
            "form": form,
            "tips_page": tips_page,
            "filter_query": query.urlencode(),
            "products": products,
            "communities": services.open_communities(),
        }
    )
    return render(request, "tips/tip_library_page.html", context)


@refuse_unverified(methods=["POST"])
def library_tip(request, page, pk):
    tip = (
        Tip.objects.published()
        .select_related("author__user__profile")
        .prefetch_related("themes", "products", "author__user__tip_memberships")
        .filter(pk=pk)
        .first()
    )
    if tip is None:
        raise Http404
    can_say_tried = services.can_say_tried(request.user)
    form = forms.TriedItForm(request.POST or None)
    if request.method == "POST":
        if not can_say_tried:
            raise PermissionDenied
        if form.is_valid():
            services.tried_it(request.user, tip, form.cleaned_data["note"])
            messages.success(request, _("Dank u wel! Uw ervaring staat bij de tip."))
            return redirect(request.path)
    context = page.get_context(request)
    context.update(
        {
            "tip": tip,
            # The head's description and link-preview title (core/discovery.py): the tip itself.
            "meta_title": _("Tip %(pk)s") % {"pk": tip.pk},
            "meta_description": tip.text,
            "tried": tip.tried.select_related("user__profile").prefetch_related("user__tip_memberships")[:20],
            "tried_count": tip.tried.count(),
            "form": form,
            "can_say_tried": can_say_tried,
        }
    )
    return render(request, "tips/library_tip.html", context)


def toptips_section(request):
    tips = list(
        Tip.objects.published()
        .filter(is_toptip=True)
        .select_related("author__user__profile")
        .prefetch_related("author__user__tip_memberships")
        .order_by("-priority_score", "pk")[:3]
    )
    library = TipLibraryPage.objects.live().first()
    if not tips or library is None:
        return None
    for tip in tips:
        tip.library_url = library.get_url(request) + library.reverse_subpage("tip", args=[tip.pk])
    return {"tips": tips, "library": library}
