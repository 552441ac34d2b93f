import pytest
from django.core.cache import cache
from django.test import override_settings
from wagtail.test.utils.form_data import nested_form_data, streamfield

from campaigns.models import CampaignPage, CampaignStatus, EventPage
from tests.campaigns.factories import CampaignPageFactory, EventPageFactory, in_days
from tests.factories import ImageFactory, add_pages
from tests.utils import assert_flat_query_budget, assert_no_inline_code


def set_home_sections(home_page, *sections):
    home_page.body = list(sections)
    home_page.save_revision().publish()


def latest_campaigns(campaigns=(), count=3):
    return ("latest_campaigns", {"heading": "Latest campaigns", "campaigns": list(campaigns), "count": count})


def next_events(events=(), count=3):
    return ("next_events", {"heading": "Next events", "events": list(events), "count": count})


def list_block(values):
    """A ListBlock's fields as the admin's form posts them."""
    items = {
        str(order): {"value": value, "deleted": "", "order": order, "id": ""} for order, value in enumerate(values)
    }
    return {"count": len(values), **items}


def section(html, heading):
    start = html.index(f">{heading}</h2>")
    return html[start : html.index("</section>", start)]


@pytest.mark.django_db
def test_home_shows_the_newest_active_campaigns_when_editors_choose_none(client, home_page, campaign_index):
    CampaignPageFactory(parent=campaign_index, title="Oldest")
    CampaignPageFactory(parent=campaign_index, title="Won already", status=CampaignStatus.WON)
    CampaignPageFactory(parent=campaign_index, title="Middle")
    CampaignPageFactory(parent=campaign_index, title="Newest")
    set_home_sections(home_page, latest_campaigns(count=2))
    html = client.get("/").content.decode()
    shown = section(html, "Latest campaigns")
    assert shown.index("Newest") < shown.index("Middle")
    assert "Oldest" not in shown and "Won already" not in shown
    assert f'href="{campaign_index.url}"' in shown
    assert_no_inline_code(html)


@pytest.mark.django_db
def test_home_shows_the_campaigns_editors_chose_in_their_order(client, home_page, campaign_index):
    first = CampaignPageFactory(parent=campaign_index, title="Chosen first", status=CampaignStatus.WON)
    second = CampaignPageFactory(parent=campaign_index, title="Chosen second")
    unpublished = CampaignPageFactory(parent=campaign_index, title="Withdrawn", live=False)
    CampaignPageFactory(parent=campaign_index, title="Not chosen")
    set_home_sections(home_page, latest_campaigns([first, unpublished, second]))
    shown = section(client.get("/").content.decode(), "Latest campaigns")
    assert shown.index("Chosen first") < shown.index("Chosen second")
    assert "Withdrawn" not in shown and "Not chosen" not in shown


@pytest.mark.django_db
def test_home_shows_the_next_events_chosen_or_soonest(client, home_page, event_index):
    later = EventPageFactory(parent=event_index, title="Later rally", start=in_days(20))
    EventPageFactory(parent=event_index, title="Sooner rally", start=in_days(2))
    past = EventPageFactory(parent=event_index, title="Finished rally", start=in_days(-2))
    set_home_sections(home_page, next_events())
    shown = section(client.get("/").content.decode(), "Next events")
    assert shown.index("Sooner rally") < shown.index("Later rally")
    assert "Finished rally" not in shown

    set_home_sections(home_page, next_events([past, later]))
    shown = section(client.get("/").content.decode(), "Next events")
    assert "Later rally" in shown and "Sooner rally" not in shown and "Finished rally" not in shown


@pytest.mark.django_db
def test_home_sections_cost_the_same_however_many_campaigns_and_events(client, home_page, campaign_index, event_index):
    picture = ImageFactory()
    chosen = []

    def add_campaigns_and_events(count):
        chosen.extend(add_pages(campaign_index, CampaignPageFactory.build_batch(count, hero_image=picture)))
        add_pages(event_index, EventPageFactory.build_batch(count))
        set_home_sections(home_page, latest_campaigns(count=12), next_events(count=12), latest_campaigns(chosen[:12]))

    assert_flat_query_budget(client, "/", add_campaigns_and_events, budget=30, sizes=(2, 12, 200))


@pytest.mark.django_db
def test_an_editor_places_the_latest_campaigns_on_the_home_page(admin_client, home_page, campaign_index):
    campaign = CampaignPageFactory(parent=campaign_index, title="Recall conference")
    response = admin_client.post(
        f"/admin/pages/{home_page.pk}/edit/",
        nested_form_data(
            {
                "title": home_page.title,
                "slug": home_page.slug,
                "body": streamfield(
                    [
                        (
                            "latest_campaigns",
                            {"heading": "Campaign with us", "campaigns": list_block([campaign.pk]), "count": 3},
                        )
                    ]
                ),
                "action-publish": "publish",
            }
        ),
    )
    assert response.status_code == 302
    shown = section(admin_client.get("/").content.decode(), "Campaign with us")
    assert "Recall conference" in shown


@pytest.mark.django_db
def test_kept_sections_follow_edits_and_events_drop_out_on_time(client, home_page, campaign_index, event_index):

    CampaignPageFactory(parent=campaign_index, title="Save our libraries")
    EventPageFactory(parent=event_index, title="Saturday rally")
    set_home_sections(home_page, latest_campaigns(), next_events())
    cache.clear()
    # Events are kept for no time here: one that has ended goes at once, though nothing was published.
    with override_settings(FRAGMENT_CACHE_ENABLED=True, PAGE_CACHE_ENABLED=False, PAGE_CACHE_SECONDS=0):
        html = client.get("/").content.decode()
        assert "Save our libraries" in section(html, "Latest campaigns")
        assert "Saturday rally" in section(html, "Next events")
        # Changed behind Wagtail's back, as the clock does to an event: no signal, so kept sections stay as they were.
        CampaignPage.objects.update(title="Renamed without publishing")
        EventPage.objects.update(start=in_days(-2), end=in_days(-2, hour=16))
        html = client.get("/").content.decode()
    cache.clear()
    assert "Save our libraries" in section(html, "Latest campaigns")
    assert "Saturday rally" not in section(html, "Next events")
