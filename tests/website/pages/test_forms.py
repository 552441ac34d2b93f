import pytest
from django import forms
from django.core.cache import cache
from django.test import RequestFactory

from website.forms import ProtectedForm, is_rate_limited, too_many_requests


class MessageForm(ProtectedForm):
    message = forms.CharField(max_length=50)


def test_people_leave_the_honeypot_empty_and_get_through():
    assert MessageForm({"message": "Solidarity", "nickname": ""}).is_valid()


def test_a_bot_that_fills_the_honeypot_is_told_plainly():
    form = MessageForm({"message": "Buy now", "nickname": "bot"})
    assert not form.is_valid()
    assert "leave the last field empty" in form.errors["nickname"][0]


def test_the_honeypot_is_rendered_hidden_from_people_and_assistive_technology():
    html = MessageForm().as_div()
    assert '<div class="honeypot" aria-hidden="true">' in html
    assert 'tabindex="-1"' in html
    assert 'autocomplete="off"' in html


def test_posts_beyond_the_rate_from_one_address_are_limited_and_others_are_not():
    cache.clear()
    factory = RequestFactory()
    flooding = [factory.post("/form/", REMOTE_ADDR="203.0.113.9") for _ in range(4)]
    assert [is_rate_limited(request, "test-form", "3/m") for request in flooding] == [False, False, False, True]
    assert not is_rate_limited(factory.post("/form/", REMOTE_ADDR="198.51.100.7"), "test-form", "3/m")


@pytest.mark.django_db
def test_try_again_later_page_says_when(demo_site):
    request = RequestFactory().get("/")
    response = too_many_requests(request)
    response.render()
    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    assert "Please try again later" in response.content.decode()
