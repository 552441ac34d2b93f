import datetime

import factory
import wagtail_factories

from news.models import NewsIndexPage, NewsKind, NewsPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "What's new"
    slug = "news"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"News item {n}")
    kind = NewsKind.NEWS
    date = factory.Sequence(lambda n: datetime.date(2021, 1, 1) + datetime.timedelta(days=n))
    listing_summary = factory.LazyAttribute(lambda item: f"What {item.title} is about.")
    # Press releases need a contact; other kinds keep it but never show it.
    press_contact_email = "press@example.org"

    class Meta:
        model = NewsPage
