from django.apps import AppConfig
from django.db.models.signals import post_save


class LettersConfig(AppConfig):
    """Open letters: organisations co-signing, people signing (confirmed by e-mail, approved by a moderator)."""

    name = "letters"
    verbose_name = "Open letters"
    public_urls = [("letters/", "letters.urls")]
    demo_loader = "letters.demo"
    # After the campaigns it goes under and the organisations that co-sign it.
    demo_order = 50

    def ready(self):
        from letters.models import OpenLetterPage, Signatory
        from letters.workflow import put_under_campaign_approval
        from website import personal_data

        personal_data.register(
            Signatory,
            "email",
            "Open letter signatories: name, role, organisation, e-mail and the letter they signed (political "
            "opinions), and their consent to updates.",
        )
        post_save.connect(put_under_campaign_approval, sender=OpenLetterPage, dispatch_uid="letters-workflow")
