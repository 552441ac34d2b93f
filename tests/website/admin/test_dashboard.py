import datetime

import pytest
from django.utils import timezone

from endorsements.models import Organisation
from tests.factories import OrganisationFactory, StandardPageFactory
from website.dashboard import WeeklyCountsPanel, chart_bars, weekly_counts

TODAY = datetime.date(2026, 11, 25)  # a Wednesday


@pytest.mark.django_db
def test_weekly_counts_cover_twelve_weeks_oldest_first_in_one_query(django_assert_num_queries):
    for days_ago in (0, 1, 2, 7, 80):  # the 25th, 24th and 23rd; the 18th; and September, out of range
        OrganisationFactory(date_endorsed=TODAY - datetime.timedelta(days=days_ago))
    with django_assert_num_queries(1):
        weeks = weekly_counts(Organisation.objects.all(), "date_endorsed", today=TODAY)
    assert len(weeks) == 12
    assert weeks[-1] == (datetime.date(2026, 11, 23), 3)  # Monday 23rd to today
    assert weeks[-2] == (datetime.date(2026, 11, 16), 1)
    assert weeks[0][0] == datetime.date(2026, 9, 7)
    assert sum(count for _, count in weeks) == 4


def test_the_tallest_bar_fills_the_chart_and_empty_weeks_have_none():
    bars = chart_bars(
        [(datetime.date(2026, 1, 5), 0), (datetime.date(2026, 1, 12), 4), (datetime.date(2026, 1, 19), 2)]
    )
    heights = [bar["height"] for bar in bars]
    assert heights[0] == 0
    assert heights[1] == max(heights) > heights[2] > 0


@pytest.mark.django_db
def test_weekly_panel_renders_an_accessible_svg_chart(rf):
    OrganisationFactory(date_endorsed=timezone.localdate())
    panel = WeeklyCountsPanel(
        name="new-organisations",
        heading="New organisations",
        queryset=Organisation.objects.all(),
        date_field="date_endorsed",
    )
    html = panel.render_html({"request": rf.get("/admin/")})
    assert "<strong>1</strong> this week" in html
    assert 'role="img"' in html and "<title" in html
    assert html.count("<rect") == 12
    assert "<caption>New organisations by week</caption>" in html


@pytest.mark.django_db
def test_editors_see_what_is_scheduled_to_go_live_in_uk_time(admin_client, home_page):
    page = StandardPageFactory(parent=home_page, title="Budget response embargoed")
    go_live = datetime.datetime(2031, 7, 1, 9, 30, tzinfo=datetime.UTC)  # 10:30 in London (summer time)
    page.save_revision(approved_go_live_at=go_live)
    html = admin_client.get("/admin/").content.decode()
    assert "Scheduled to go live" in html
    assert "Budget response embargoed" in html
    assert "Tuesday 1 July 2031, 10:30" in html
