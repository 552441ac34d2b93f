"""One rule for every absolute link: the configured site address (WAGTAILADMIN_BASE_URL, website/addresses.py),
whatever host or port the request arrived on. The test walks every place the site writes its own absolute address:
a page's head (canonical, og:url, og:image), share links, the news feeds, a calendar file, robots.txt, the sitemap,
and the e-mails of a registration and a sign-up."""

import re
from urllib.parse import unquote, urlsplit

import pytest
from django.core import mail
from django.test import override_settings

from campaigns.models import EventPage
from news.models import NewsPage
from signup.models import SignUpPage

CONFIGURED = "https://network.example.org"
# The host the test client's requests arrive on, as a development server's might on another port.
SERVING = {"HTTP_HOST": "127.0.0.1:8123"}
OURS = {"network.example.org", "127.0.0.1:8123", "testserver", "127.0.0.1:8000", "localhost"}
ADDRESS = re.compile(r"https?://[^\s\"'<>]+")


def our_addresses(text):
    """Every absolute address of this site in `text`, share links' encoded ones included."""
    found = ADDRESS.findall(unquote(unquote(text)))
    return [address for address in found if urlsplit(address).netloc in OURS]


@pytest.mark.django_db
@override_settings(WAGTAILADMIN_BASE_URL=CONFIGURED, ALLOWED_HOSTS=["*"])
def test_every_absolute_link_is_on_the_configured_site_address(client, demo_site, fresh_rate_limits):
    news_item = NewsPage.objects.live().first()
    event = EventPage.objects.live().filter(registration_open=True).order_by("-end").first()
    sign_up = SignUpPage.objects.get()
    home = client.get("/", **SERVING).content.decode()

    places = {
        "home page head": home.split("</head>")[0],
        "news item and its share links": client.get(news_item.url, **SERVING).content.decode(),
        "RSS feed": client.get("/news/feed/rss/", **SERVING).content.decode(),
        "Atom feed": client.get("/news/feed/atom/", **SERVING).content.decode(),
        "calendar file": client.get(f"{event.url}add-to-calendar/", **SERVING).content.decode().replace("\r\n ", ""),
        "robots.txt": client.get("/robots.txt", **SERVING).content.decode(),
        "sitemap": client.get("/sitemap.xml", **SERVING).content.decode(),
    }
    client.post(event.url, {"name": "Ada", "email": "ada@example.org", "nickname": ""}, **SERVING)
    client.post(
        sign_up.url,
        {
            "name": "Rosa Parks",
            "email": "rosa@example.org",
            "email_updates": "on",
            "data_consent": "on",
            "consent_version": sign_up.consent_version,
            "nickname": "",
        },
        **SERVING,
    )
    assert len(mail.outbox) == 2, [message.subject for message in mail.outbox]
    places.update({f"e-mail: {message.subject}": message.body for message in mail.outbox})

    head = places["home page head"]
    assert f'<link rel="canonical" href="{CONFIGURED}/">' in head
    assert f'<meta property="og:url" content="{CONFIGURED}/">' in head
    assert f'<meta property="og:image" content="{CONFIGURED}/' in head
    for place, text in places.items():
        addresses = our_addresses(text)
        assert addresses, f"{place}: no absolute address of the site found"
        wrong = [address for address in addresses if not address.startswith(f"{CONFIGURED}/")]
        assert wrong == [], f"{place} names the site otherwise than {CONFIGURED}: {wrong}"
    assert f"UID:event-{event.pk}@network.example.org" in places["calendar file"]
