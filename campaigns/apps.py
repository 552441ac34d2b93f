from django.apps import AppConfig
from django.db.models.signals import post_delete

from website.roles import ADMINISTRATORS, CAMPAIGN_WORKFLOW, ORGANISERS, model


class CampaignsConfig(AppConfig):
    name = "campaigns"
    demo_loader = "campaigns.demo"
    demo_order = 40
    # Registrations are people's details, seen by the organisers who run the events; exporting needs only "view".
    group_permissions = {
        ORGANISERS: model("campaigns", "registration", ["view"]),
        ADMINISTRATORS: model("campaigns", "registration", ["view"]),
    }
    # Organisers write and submit; moderators publish through the workflow.
    group_sections = {
        "campaignindexpage": {"groups": {ORGANISERS: ["add", "change"]}, "workflow": CAMPAIGN_WORKFLOW},
        "eventindexpage": {"groups": {ORGANISERS: ["add", "change"]}, "workflow": CAMPAIGN_WORKFLOW},
    }

    def ready(self):
        import campaigns.views  # noqa: F401 (its views answer the pages' routes: website/page_views.py)
        from campaigns import retention
        from campaigns.models import Registration
        from campaigns.places import place_freed
        from website import personal_data

        personal_data.register(
            Registration,
            "email",
            "Event registrations: name, e-mail, postcode, organisation and accessibility needs (may be health data).",
            purpose="to give the person a place at the event, and to meet their access needs there",
            fields=(
                "event",
                "name",
                "email",
                "postcode",
                "organisation",
                "accessibility_needs",
                "place",
                "waitlisted",
                "created_at",
            ),
            correctable=("name", "email", "postcode", "organisation", "accessibility_needs"),
            retention=retention.RULES,
        )
        post_delete.connect(place_freed, sender=Registration, dispatch_uid="campaigns-place-freed")
