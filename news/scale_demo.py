"""The news archive a few years of use give the demo site: 1,000 items in bulk, a few shared pictures."""

import datetime
import io

from django.core.files.base import ContentFile
from django.core.management.base import CommandError
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image, ImageDraw
from taggit.models import Tag
from wagtail.images import get_image_model

from campaigns.models import CampaignPage
from news.models import NewsIndexPage, NewsKind, NewsPage, NewsPageTag
from website.scale_demo import CAUSES, COLOURS, NEWEST_DAYS_AGO, PLACES, TOPICS, UNIONS, WORKERS, add_live_pages, pick

NEWS_ITEMS = 1000
# Listings reuse a few pictures, as a press office does.
PICTURES = 12

HEADLINES = {
    NewsKind.NEWS: [
        "{place} rally for {cause} draws hundreds",
        "Solidarity with striking {workers} in {place}",
        "{union} members in {place} join the network",
    ],
    NewsKind.PRESS_RELEASE: ["{union} and left groups in {place} launch a campaign for {cause}"],
    NewsKind.STATEMENT: ["Our statement on {cause}", "We stand with the {workers} of {place}"],
    NewsKind.RESPONSE: ["Rapid response: the budget and {cause}", "The council's plans for {cause} in {place}"],
}
KIND_ORDER = [NewsKind.NEWS, NewsKind.NEWS, NewsKind.STATEMENT, NewsKind.RESPONSE, NewsKind.PRESS_RELEASE]


def picture_file(number, colour):
    """A 1200×675 JPEG, a plain colour with a band across it: something for listings to crop and compress."""
    image = Image.new("RGB", (1200, 675), colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 400 + number * 10, 1200, 520 + number * 10), fill="#f5f0e6")
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    return ContentFile(buffer.getvalue(), name=f"scaled-picture-{number}.jpg")


def pictures():
    """The few pictures the scaled news items share, made once."""
    images = get_image_model().objects
    made = []
    for number in range(PICTURES):
        title = f"Picture {number + 1} for the news archive"
        made.append(
            images.filter(title=title).first()
            or images.create(title=title, file=picture_file(number, COLOURS[number % len(COLOURS)]))
        )
    return made


def news_fields(number, today):
    """The title, slug and fields of the `number`th scaled news item: the same every run."""
    kind = KIND_ORDER[number % len(KIND_ORDER)]
    words = {
        "place": pick(PLACES, number, 1),
        "union": pick(UNIONS, number, 2),
        "cause": pick(CAUSES, number, 3),
        "workers": pick(WORKERS, number, 4),
    }
    title = pick(HEADLINES[kind], number, 5).format(**words)
    title = title[0].upper() + title[1:]
    paragraphs = [
        f"<p>{title}. Members from across {words['place']} came together to speak up for {words['cause']}.</p>",
        f"<p>{words['union']} and the {words['workers']} of {words['place']} call on every supporting "
        "organisation to join them: share this, come to the next meeting and sign up to get organised.</p>",
    ]
    return {
        "title": title,
        "slug": f"{slugify(title)[:60]}-{number}",
        "kind": kind,
        "date": today - datetime.timedelta(days=NEWEST_DAYS_AGO + number),
        "listing_summary": f"{words['union']} and the {words['workers']} of {words['place']} speak up for "
        f"{words['cause']}.",
        "body": [("text", "".join(paragraphs))],
        "press_contact_name": "The network's press office" if kind == NewsKind.PRESS_RELEASE else "",
        "press_contact_email": "press@example.org" if kind == NewsKind.PRESS_RELEASE else "",
        "topics": sorted({pick(TOPICS, number, 6), pick(TOPICS, number, 7)}),
    }


def add_news(index, count, today):
    existing = set(index.get_children().values_list("slug", flat=True))
    wanted = [news_fields(number, today) for number in range(1, count + 1)]
    missing = [fields for fields in wanted if fields["slug"] not in existing]
    if not missing:
        return 0
    images = pictures()
    campaigns = list(CampaignPage.objects.live().order_by("pk"))
    topics = {name: Tag.objects.get_or_create(name=name)[0] for name in TOPICS}
    pages, tags = [], []
    for number, fields in enumerate(missing):
        names = fields.pop("topics")
        went_live = timezone.make_aware(datetime.datetime.combine(fields["date"], datetime.time(9 + number % 8)))
        page = NewsPage(
            **fields,
            first_published_at=went_live,
            listing_image=images[number % len(images)] if number % 3 else None,
            related_campaign=campaigns[number % len(campaigns)] if campaigns and number % 10 == 0 else None,
        )
        pages.append(page)
        tags.extend((page, topics[name]) for name in names)
    add_live_pages(index, pages)
    NewsPageTag.objects.bulk_create(NewsPageTag(content_object=page, tag=tag) for page, tag in tags)
    return len(pages)


def scale(log, today):
    index = NewsIndexPage.objects.first()
    if index is None:
        raise CommandError("There is no news index: run `manage.py load_demo_content` first.")
    log(f"  news items: {add_news(index, NEWS_ITEMS, today)} added")
