"""The social posts a few years of use give the demo site: 1,000, every fifth long enough to fold."""

import datetime

from django.utils import timezone
from wagtail.search.backends import get_search_backend

from social.models import Platform, SocialPost
from website.scale_demo import CAUSES, NEWEST_DAYS_AGO, PLACES, TOPICS, WORKERS, pick

SOCIAL_POSTS = 1000


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


def scale(log, today):
    log(f"  social posts: {add_social_posts(SOCIAL_POSTS, today)} added")
