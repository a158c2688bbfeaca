import logging
from urllib.parse import quote

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context
from django.contrib.sites.shortcuts import get_current_site
from django.db import transaction
from django.urls import reverse

from core.public_urls import absolute_url
from core.ratelimit import client_ip

from .tasks import queue_message

logger = logging.getLogger(__name__)


class AccountAdapter(DefaultAccountAdapter):
    """allauth's behaviour for this site: lower-cased addresses, mail through the task queue,
    and the client address as the trusted proxy passes it on.

    Links in account mails start with PUBLIC_BASE_URL like every other link the site sends,
    not with whatever host the request came in on (an internal proxy address, or none at all
    when a mail is sent outside a request).
    """

    def clean_email(self, email):
        """Lower-cased, so nobody ends up with two accounts by capitalisation."""
        return super().clean_email(email).lower()

    def send_mail(self, template_prefix, email, context_data):
        """Render the mail here, in the request (allauth's templates need it), and queue it.

        Sent inside the request, a mail-server outage made sign-up and password reset fail
        with a 500 after the account was already created, and the mail was lost (issue 12,
        finding 5). Queued, it waits like every other mail and `retry_failed_tasks` can send
        it later. The same context as allauth's own `send_mail`.
        """
        request = context.request
        message = self.render_mail(
            template_prefix,
            email,
            {"request": request, "email": email, "current_site": get_current_site(request), **context_data},
        )
        transaction.on_commit(lambda: queue_message(message))
        logger.info("Account mail %s queued", template_prefix)

    def get_client_ip(self, request):
        """allauth's rate limits count per client address: the project's one rule for it."""
        return client_ip(request)

    def get_email_confirmation_url(self, request, emailconfirmation):
        return absolute_url(reverse("account_confirm_email", args=[emailconfirmation.key]))

    def get_reset_password_from_key_url(self, key):
        # allauth's own opaque "uidb36-key" form of the URL (see allauth's password_reset flow).
        path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
        return absolute_url(path.replace("UID-KEY", quote(key)))
