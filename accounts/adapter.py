from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """Lower-cases e-mail addresses so nobody ends up with two accounts by capitalisation."""

    def clean_email(self, email):
        return super().clean_email(email).lower()
