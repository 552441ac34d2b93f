import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from home.models import HomePage
from website.demo import add_home_section


def run(command, *args):
    output = io.StringIO()
    call_command(command, *args, stdout=output)
    return output.getvalue()


def printed_password(output):
    return re.search(r"^\s+password: (\S+)$", output, re.M).group(1)


@pytest.mark.django_db
def test_ensure_admin_creates_one_account_with_a_random_password_printed_once(client):
    first = run("ensure_admin")
    password = printed_password(first)
    assert len(password) >= 20
    assert client.login(username="admin", password=password)

    second = run("ensure_admin")
    assert password not in second
    assert get_user_model().objects.filter(is_superuser=True).count() == 1


@pytest.mark.django_db
def test_ensure_admin_passwords_differ_between_sites():
    first = printed_password(run("ensure_admin"))
    get_user_model().objects.all().delete()
    second = printed_password(run("ensure_admin"))
    assert first != second


@pytest.mark.django_db
def test_demo_loader_reports_its_progress(db):
    output = run("load_demo_content")
    assert "Loading home" in output
    assert "home page: filled" in output
    assert "Demo content is in place." in output


@pytest.mark.django_db
def test_each_app_adds_its_home_section_once_in_its_place(demo_site):
    def sections():
        return [block.block_type for block in HomePage.objects.get().body]

    before = sections()
    assert before[0] == "hero" and "text" not in before
    messages = []
    add_home_section("text", "<p>After the statement</p>", messages.append, after="hero")
    add_home_section("text", "<p>A second time</p>", messages.append, after="hero")
    assert sections() == ["hero", "text", *before[1:]]
    assert messages == ["  home page text: added", "  home page text: already there"]
