"""Grows the demo site to the size a few years of use give it: 1,000 news items, 300 organisations, 1,000 posts.

For `make bench` and for trying the site at scale. Run `load_demo_content` first. Safe to repeat: it adds only
the items that are missing, so a second run changes nothing.
"""

import datetime
import hashlib
import io

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image, ImageDraw
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from campaigns.models import CampaignPage
from endorsements.demo import ORGANISATIONS as SEED_ORGANISATIONS
from endorsements.logos import logo_file
from endorsements.models import Organisation, OrganisationKind, Region
from endorsements.queries import logo_rendition_specs
from news.models import NewsIndexPage, NewsKind, NewsPage, NewsPageTag
from social.models import Platform, SocialPost

NEWS_ITEMS = 1000
ORGANISATIONS = 300
SOCIAL_POSTS = 1000
# Listings reuse a few pictures, as a press office does; one organisation in four has a logo it lets us show.
PICTURES = 12
LOGO_EVERY = 4
# The scaled items are older than the seed's (dated up to 16 days back), so the home page still leads with those.
NEWEST_DAYS_AGO = 20

PLACES = [
    "Leeds", "Liverpool", "Glasgow", "Cardiff", "Bristol", "Camden", "Sheffield", "Manchester", "Newcastle",
    "Nottingham", "Birmingham", "Norwich", "Brighton", "Swansea", "Dundee", "Belfast", "Hull", "Preston",
    "Plymouth", "Coventry", "Leicester", "Salford", "Hackney", "Lewisham", "Derby", "Stoke", "Wigan", "Bradford",
    "Sunderland", "Aberdeen",
]  # fmt: skip
UNIONS = ["Unite", "GMB", "UNISON", "FBU", "BFAWU", "CWU", "RMT", "PCS", "NEU", "UCU"]
CAUSES = [
    "the NHS", "council housing", "fair pay", "party democracy", "a Green New Deal", "public transport",
    "free school meals", "renters' rights", "the right to strike", "local libraries",
]  # fmt: skip
WORKERS = ["nurses", "bus drivers", "teachers", "refuse collectors", "care workers", "postal workers", "lecturers"]
TOPICS = ["Budget2021", "OurNHS", "ReclaimDemocracy", "RecallConference", "GreenNewDeal", "Rally", "Housing"]
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
ORGANISATION_PATTERNS = [
    ("{union} {place} branch", OrganisationKind.UNION_BRANCH),
    ("{place} Labour Left", OrganisationKind.LEFT_GROUP),
    ("{place} Mutual Aid", OrganisationKind.MUTUAL_AID),
    ("{place} Tenants' Union", OrganisationKind.COMMUNITY_GROUP),
    ("{place} Trades Council", OrganisationKind.OTHER),
    ("{place} for {cause}", OrganisationKind.CAMPAIGN_GROUP),
]


def pick(items, number, salt):
    """A fixed choice from `items` for the `number`th item: varied, and the same every run."""
    digest = hashlib.sha256(f"{number}:{salt}".encode()).digest()
    return items[int.from_bytes(digest[:8]) % len(items)]


COLOURS = ["#b0001e", "#1f4e79", "#00573f", "#6d2077", "#7a0019", "#005eb8", "#2e6b30", "#5b2c6f", "#4a4a4a"]


class Command(BaseCommand):
    help = (
        f"Adds {NEWS_ITEMS:,} news items, {ORGANISATIONS} organisations and {SOCIAL_POSTS:,} social posts to the "
        "demo site. Safe to run again: it only adds what is missing."
    )

    def handle(self, *args, **options):
        index = NewsIndexPage.objects.first()
        if index is None:
            raise CommandError("There is no news index: run `manage.py load_demo_content` first.")
        today = timezone.localdate()
        with transaction.atomic():
            added = add_news(index, NEWS_ITEMS, today)
            self.stdout.write(f"  news items: {added} added")
            added = add_organisations(ORGANISATIONS)
            self.stdout.write(f"  organisations: {added} added")
            added = add_social_posts(SOCIAL_POSTS, today)
            self.stdout.write(f"  social posts: {added} added")
        self.stdout.write(self.style.SUCCESS("The demo site is at full size."))


def add_live_pages(parent, pages):
    """Adds unsaved `pages`, all of one type, as live last children of `parent`, in one query per page and a few.

    Page by page, Wagtail's `add_child` validates, logs and indexes each one (some 25 queries); for demo content
    made by code that is wasted work. The tree columns are what treebeard's add_child computes; the pages are
    then indexed for search in one batch. No revisions: an editor's first edit makes one.
    """
    if not pages:
        return []
    model = type(pages[0])
    parent = Page.objects.get(pk=parent.pk)
    last = parent.get_last_child()
    position = Page._str2int(last.path[-Page.steplen :]) if last else 0
    now = timezone.now()
    for page in pages:
        position += 1
        page.path = Page._get_path(parent.path, parent.depth + 1, position)
        page.depth, page.numchild = parent.depth + 1, 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.draft_title, page.locale_id = page.title, parent.locale_id
        page.live, page.has_unpublished_changes = True, False
        page.first_published_at = page.first_published_at or now
        page.last_published_at = page.first_published_at
    base_fields = [field.attname for field in Page._meta.concrete_fields if not field.primary_key]
    saved = Page.objects.bulk_create(
        [Page(**{name: getattr(page, name) for name in base_fields}) for page in pages], batch_size=500
    )
    for page, base in zip(pages, saved, strict=True):
        page.page_ptr_id = page.id = base.id
        # raw: only the page type's own table; the row in wagtailcore_page was made above.
        page.save_base(raw=True, force_insert=True)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    get_search_backend().add_bulk(model, pages)
    return pages


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


def organisation_names(count):
    """`count` distinct made-up organisations, (name, kind), none of them the seed's, the same every run."""
    seed_names = {name for name, *_ in SEED_ORGANISATIONS}
    names = {}
    number = 0
    while len(names) < count:
        number += 1
        pattern, kind = pick(ORGANISATION_PATTERNS, number, 1)
        name = pattern.format(
            place=pick(PLACES, number, 2), union=pick(UNIONS, number, 3), cause=pick(CAUSES, number, 4)
        )
        if name not in seed_names:
            names.setdefault(name, kind)
    return list(names.items())


def add_organisations(count):
    existing = set(Organisation.objects.values_list("name", flat=True))
    missing = [(name, kind) for name, kind in organisation_names(count) if name not in existing]
    if not missing:
        return 0
    regions = [value for value in Region.values if value != Region.UK_WIDE]
    last = Organisation.objects.order_by("-sort_order").values_list("sort_order", flat=True).first() or 0
    organisations, logos = [], []
    for number, (name, kind) in enumerate(missing, 1):
        logo = None
        if number % LOGO_EVERY == 0:
            logo = get_image_model().objects.create(
                title=f"{name} logo", file=logo_file(name, COLOURS[number % len(COLOURS)], vector=number % 8 == 0)
            )
            logos.append(logo)
        organisations.append(
            Organisation(
                name=name,
                kind=kind,
                region=regions[number % len(regions)],
                website=f"https://{slugify(name)}.example.org/",
                logo=logo,
                show_logo=logo is not None,
                sort_order=last + number,
                date_endorsed=datetime.date(2021, 3, 1) + datetime.timedelta(days=number),
            )
        )
    Organisation.objects.bulk_create(organisations)
    get_search_backend().add_bulk(Organisation, Organisation.objects.filter(name__in=[o.name for o in organisations]))
    # The renditions the galleries show, made now as a visited site has them: rendering a hundred new logos in
    # AVIF, WebP and PNG takes longer than a single request may.
    specs = logo_rendition_specs()
    for logo in logos:
        is_svg = logo.file.name.endswith(".svg")
        logo.get_renditions(*[spec for spec in specs if ("format-" in spec) != is_svg])
    return len(organisations)


def add_social_posts(count, today):
    urls = [f"https://www.facebook.com/broadleftnetwork/posts/archive-{number}" for number in range(1, count + 1)]
    existing = set(SocialPost.objects.filter(url__in=urls).values_list("url", flat=True))
    posts = []
    for number, url in enumerate(urls, 1):
        if url in existing:
            continue
        day = today - datetime.timedelta(days=NEWEST_DAYS_AGO + number // 2)
        text = (
            f"Solidarity with the {pick(WORKERS, number, 1)} of {pick(PLACES, number, 2)}! Join us to speak up for "
            f"{pick(CAUSES, number, 3)}. #{pick(TOPICS, number, 4)}"
        )
        if number % 5 == 0:
            # Every fifth post is long enough to fold behind "See more".
            text = " ".join([text] * 4)
        posts.append(
            SocialPost(
                platform=Platform.X if number % 3 == 0 else Platform.FACEBOOK,
                text=text,
                url=url,
                posted_at=timezone.make_aware(datetime.datetime.combine(day, datetime.time(8 + number % 12))),
            )
        )
    SocialPost.objects.bulk_create(posts)
    get_search_backend().add_bulk(SocialPost, SocialPost.objects.filter(url__in=[post.url for post in posts]))
    return len(posts)
