"""Home page sections that list campaigns and events, chosen by editors or picked automatically."""

from django.apps import apps
from wagtail import blocks

from campaigns.queries import latest_campaigns, next_events
from website.fragment_cache import CachedBlockMixin


class ChosenOrAutomaticPagesBlock(blocks.StructBlock):
    """A section of the pages editors picked, else the ones `find_pages` picks, with a link to their index page.

    Subclasses declare the `chosen` list and `count` blocks and say where the pages come from.
    """

    context_name = "pages"
    index_model = ""  # "app_label.ModelName" of the index page the section links to

    def find_pages(self, count, chosen_ids):
        raise NotImplementedError

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        chosen_ids = [page.pk for page in value[self.context_name] if page]
        context[self.context_name] = self.find_pages(value["count"], chosen_ids)
        context["index"] = apps.get_model(self.index_model).objects.live().public().first()
        return context


class LatestCampaignsBlock(CachedBlockMixin, ChosenOrAutomaticPagesBlock):
    heading = blocks.CharBlock(max_length=80, default="Latest campaigns", help_text="The section's heading.")
    campaigns = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="campaigns.CampaignPage", help_text="A campaign to show."),
        default=[],
        help_text="Campaigns to show, in order. Leave empty to show the newest active campaigns.",
    )
    count = blocks.IntegerBlock(default=3, min_value=1, max_value=12, help_text="How many campaigns to show at most.")

    context_name = "campaigns"
    index_model = "campaigns.CampaignIndexPage"

    class Meta:
        icon = "pick"
        label = "Latest campaigns"
        template = "campaigns/blocks/latest_campaigns.html"

    def find_pages(self, count, chosen_ids):
        return latest_campaigns(count, chosen_ids)


class NextEventsBlock(CachedBlockMixin, ChosenOrAutomaticPagesBlock):
    heading = blocks.CharBlock(max_length=80, default="Next events", help_text="The section's heading.")
    events = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="campaigns.EventPage", help_text="An event to show."),
        default=[],
        help_text="Events to show, in order; past ones drop out. Leave empty to show the soonest events.",
    )
    count = blocks.IntegerBlock(default=3, min_value=1, max_value=12, help_text="How many events to show at most.")

    context_name = "events"
    index_model = "campaigns.EventIndexPage"

    # Events drop out once they are over.
    changes_with_clock = True

    class Meta:
        icon = "date"
        label = "Next events"
        template = "campaigns/blocks/next_events.html"

    def find_pages(self, count, chosen_ids):
        return next_events(count, chosen_ids)
