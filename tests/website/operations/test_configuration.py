"""Production configuration: refuses to start without essentials, in one line; passes check --deploy."""

import os
import subprocess
import sys

import pytest

from tests.website.utils import PRODUCTION, PROJECT, TEST_ONLY


def manage(*args, **env):
    environment = {key: value for key, value in os.environ.items() if key not in PRODUCTION.keys() | TEST_ONLY}
    environment.update({key: value for key, value in env.items() if value is not None})
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=PROJECT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_production_settings_pass_the_deployment_checklist():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("changes", "named"),
    [
        ({"SECRET_KEY": None}, "SECRET_KEY"),
        ({"DATABASE_URL": "postgres://user@host:notaport/db"}, "DATABASE_URL"),
        ({"DATABASE_URL": "mongodb://somewhere/db"}, "DATABASE_URL"),
        ({"WAGTAILADMIN_BASE_URL": None}, "WAGTAILADMIN_BASE_URL"),
        ({"SECURE_SSL_REDIRECT": "perhaps"}, "SECURE_SSL_REDIRECT"),
    ],
)
def test_bad_configuration_stops_with_one_line_that_says_what_to_set(changes, named):
    result = manage("check", **{**PRODUCTION, **changes})
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert named in lines[0]
    assert "Traceback" not in result.stderr


def test_wsgi_application_refuses_to_start_without_a_secret_key():
    environment = {key: value for key, value in os.environ.items() if key not in PRODUCTION.keys() | TEST_ONLY}
    environment.update({**PRODUCTION, "SECRET_KEY": ""})
    result = subprocess.run(
        [sys.executable, "-c", "import website.wsgi"],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert "SECRET_KEY" in result.stderr


FROZEN = """
import gc, sys
import website.wsgi
print(gc.get_freeze_count(), "signup.views" in sys.modules, len(gc.get_objects()))
"""


def test_the_wsgi_application_keeps_what_it_loaded_out_of_the_garbage_collectors_walks():
    # Production settings, as gunicorn loads it: every view imported, and all of it frozen, so that no full
    # collection walks it in the middle of a visitor's request. Only what requests make afterwards is left to walk.
    environment = {key: value for key, value in os.environ.items() if key not in PRODUCTION.keys() | TEST_ONLY}
    environment.update(PRODUCTION)
    result = subprocess.run(
        [sys.executable, "-c", FROZEN], cwd=PROJECT, env=environment, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    frozen, views_loaded, left = result.stdout.split()
    assert views_loaded == "True"
    assert int(frozen) > 100_000 and int(left) < 1_000, result.stdout
