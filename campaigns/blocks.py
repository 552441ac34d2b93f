"""Home page sections that list campaigns and events, chosen by editors or picked automatically."""

from wagtail import blocks


class LatestCampaignsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=80, default="Latest campaigns", help_text="The section's heading.")
    campaigns = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="campaigns.CampaignPage", help_text="A campaign to show."),
        default=[],
        help_text="Campaigns to show, in order. Leave empty to show the newest active campaigns.",
    )
    count = blocks.IntegerBlock(default=3, min_value=1, max_value=12, help_text="How many campaigns to show at most.")

    class Meta:
        icon = "pick"
        label = "Latest campaigns"
        template = "campaigns/blocks/latest_campaigns.html"

    def get_context(self, value, parent_context=None):
        from campaigns.models import CampaignIndexPage
        from campaigns.queries import latest_campaigns

        context = super().get_context(value, parent_context=parent_context)
        chosen = [page.pk for page in value["campaigns"] if page]
        context["campaigns"] = latest_campaigns(value["count"], chosen)
        context["index"] = CampaignIndexPage.objects.live().public().first()
        return context


class NextEventsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=80, default="Next events", help_text="The section's heading.")
    events = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="campaigns.EventPage", help_text="An event to show."),
        default=[],
        help_text="Events to show, in order; past ones drop out. Leave empty to show the soonest events.",
    )
    count = blocks.IntegerBlock(default=3, min_value=1, max_value=12, help_text="How many events to show at most.")

    class Meta:
        icon = "date"
        label = "Next events"
        template = "campaigns/blocks/next_events.html"

    def get_context(self, value, parent_context=None):
        from campaigns.models import EventIndexPage
        from campaigns.queries import next_events

        context = super().get_context(value, parent_context=parent_context)
        chosen = [page.pk for page in value["events"] if page]
        context["events"] = next_events(value["count"], chosen)
        context["index"] = EventIndexPage.objects.live().public().first()
        return context
