import os
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from pytest_django.fixtures import validate_django_db
from wagtail.models import Collection

from tests.utils import DatabaseSnapshot, MigratedCopy, QuickFlush, RenditionMemo
from website.demo import site_tree

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses that unless told.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Under pytest-xdist each worker is a process of its own with its own test database (pytest-django suffixes its
# name) and media folder (settings/test.py makes a temporary one per process). Redis is one server for all of them:
# each worker gets a database number of its own, so that one worker's clean-up never empties another's cache.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if _worker.startswith("gw"):
    _redis_base, _redis_db = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/9").rsplit("/", 1)
    os.environ["TEST_REDIS_URL"] = f"{_redis_base}/{int(_redis_db) + int(_worker[2:])}"


@pytest.fixture(scope="session", autouse=True)
def quick_flush():
    """Transactional tests' flushes empty only the tables holding rows, on PostgreSQL (tests/utils.py)."""
    QuickFlush.install()
    yield
    QuickFlush.uninstall()


@pytest.fixture(scope="session", autouse=True)
def rendition_memo(tmp_path_factory):
    """Renditions encoded once per run (tests/utils.py): in TEST_DB_DIR, which make test keeps for both its steps
    and all their processes, or else this process's own folder."""
    folder = os.environ.get("TEST_DB_DIR") or tmp_path_factory.mktemp("renditions")
    memo = RenditionMemo(Path(folder) / "renditions")
    memo.install()
    yield memo
    memo.uninstall()


MIGRATED_COPY = pytest.StashKey[MigratedCopy]()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, request, tmp_path_factory):
    """pytest-django's test database, copied as its migrations left it when this run surely made it afresh
    (--create-db, or no --reuse-db): a database kept from an earlier run has had tests in it. With --reuse-db and no
    database yet, none is copied, and what would use the copy migrates its own."""
    copy = request.config.stash[MIGRATED_COPY] = MigratedCopy(tmp_path_factory.mktemp("migrated"))
    # pytest-django sets up no database when none of the tests collected uses one.
    set_up = connection.settings_dict["NAME"] == connection.creation._get_test_db_name()
    if set_up and (request.config.option.create_db or not request.config.option.reuse_db):
        with django_db_blocker.unblock():
            copy.take()
    yield
    copy.drop()


@pytest.fixture(scope="session")
def migrated_copy(django_db_setup, request):
    """Where the copy of this process's freshly migrated test database is (tests/utils.py: a SQLite file or a
    PostgreSQL URL), or None if this run did not migrate it."""
    return request.config.stash[MIGRATED_COPY].location


@pytest.fixture
def site(db):
    """The default site with its home page, whether or not the database was flushed before."""
    return site_tree()


def ensure_root_collection():
    """Wagtail's root collection, which a transactional test's flush before it may have removed."""
    return Collection.get_first_root_node() or Collection.add_root(name="Root")


@pytest.fixture
def root_collection(db):
    """Wagtail's root collection, which a transactional test's flush before it may have removed."""
    return ensure_root_collection()


@pytest.fixture
def home_page(site):
    return site.root_page.specific


def load_demo_content():
    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115


def is_transactional(item):
    """Whether pytest-django runs `item` as a TransactionTestCase (committing, then flushing the database)."""
    marker = item.get_closest_marker("django_db")
    transactional = bool(marker) and any(validate_django_db(marker)[:2])
    fixtures = {"transactional_db", "live_server", "django_db_reset_sequences", "django_db_serialized_rollback"}
    return transactional or bool(fixtures & set(item.fixturenames))


def reads_shared_demo(item):
    """Whether `item` gets the demo site loaded once for all such tests rather than loaded for it alone."""
    return "demo_site" in getattr(item, "fixturenames", ()) and not is_transactional(item)


# The demo pages that tests reading the shared demo visit most.
WARMED_PAGES = ("/", "/news/", "/campaigns/", "/events/", "/endorsements/")


class SharedDemo:
    """The demo site, loaded once per test process in a transaction that stays open under the tests that read it.

    Loading it takes seconds and some fifty tests read it. Each such test runs in a savepoint inside that
    transaction (pytest-django's usual per-test atomic block, one level down), so whatever it changes is rolled back
    and the next one finds the demo as loaded. A test of any other kind rolls the whole transaction back first, so
    it never sees the demo; the tests that read it are ordered last (pytest_collection_modifyitems below), so that
    happens at most once per process. Transactional tests (live_server, transaction=True) commit and flush, which
    cannot happen inside an open transaction: they still load the demo themselves.
    """

    current = None  # the one of this process, once a test asked for it
    next_item = None  # the test about to be set up, which says whether to open or close the transaction

    def __init__(self, blocker):
        self.blocker = blocker
        self.atomic = None

    @property
    def is_open(self):
        return self.atomic is not None

    def open(self):
        if self.atomic is None:
            with self.blocker.unblock():
                self.atomic = transaction.atomic()
                # As Django's TestCase marks its own: code under test may still open a durable block inside.
                self.atomic._from_testcase = True
                self.atomic.__enter__()
                # Transactional tests, which run before, flush the database: the demo needs the root collection.
                ensure_root_collection()
                load_demo_content()
                self.warm_renditions()

    @staticmethod
    def warm_renditions():
        """Visits the pages most tests read, so that the pictures' renditions (AVIF and WebP encodings, seconds of
        work per page) are made once here rather than again in each test's rolled-back savepoint. They are
        derived data a visit makes anyway; a test that reads the database sees the same pages."""
        client = Client()
        for url in WARMED_PAGES:
            client.get(url)

    def close(self):
        if self.atomic is not None:
            atomic, self.atomic = self.atomic, None
            with self.blocker.unblock():
                transaction.set_rollback(True)
                atomic.__exit__(None, None, None)

    def check(self):
        """Fails loudly if a test broke the transaction under it (closed the connection, say): what follows would
        otherwise read a half-empty database."""
        assert connection.atomic_blocks and connection.atomic_blocks[0] is self.atomic, (
            "the shared demo site's transaction is gone: a test closed the database connection or ended the "
            "transaction; mark such a test transactional (it then loads the demo itself)"
        )


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    # After pytest-django's own ordering, which this keeps: the shared demo's readers go last, all together.
    items.sort(key=reads_shared_demo)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    SharedDemo.next_item = item
    shared = SharedDemo.current
    if shared is not None:
        # Before any of the test's fixtures, so the transaction lies under the test's own atomic block.
        if reads_shared_demo(item):
            shared.open()
        else:
            shared.close()


@pytest.fixture(scope="session")
def shared_demo(django_db_setup, django_db_blocker):
    """This process's SharedDemo. Session-scoped, so pytest sets it up before the test's database fixtures."""
    SharedDemo.current = SharedDemo(django_db_blocker)
    if SharedDemo.next_item is not None and reads_shared_demo(SharedDemo.next_item):
        SharedDemo.current.open()
    yield SharedDemo.current
    SharedDemo.current.close()
    SharedDemo.current = None


def load_and_warm_demo_content():
    load_demo_content()
    SharedDemo.warm_renditions()


# Transactional tests (a live server's) flush the database after each: this process's copy of the demo they load.
DEMO_COPY = DatabaseSnapshot()


@pytest.fixture
def demo_site(shared_demo, db, root_collection):
    """The site as `make run` builds it from the seed text."""
    if shared_demo.is_open:
        shared_demo.check()
    elif is_transactional(SharedDemo.next_item):
        DEMO_COPY.load(load_and_warm_demo_content)
    else:
        load_demo_content()
    return site_tree()


@pytest.fixture
def fresh_rate_limits():
    """No posts counted against the test client's address: each test's forms start from a clean slate."""
    cache.clear()


@pytest.fixture
def group_member(django_user_model):
    """make(group_name, username=None): a new user in the named editors' group (None: in no group), and a
    client logged in as them."""

    def make(group_name, username=None):
        username = username or (group_name or "nobody").lower().replace(" ", "-")
        user = django_user_model.objects.create_user(username, f"{username}@example.org", "a-strong-password-for-tests")
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        client = Client()
        client.force_login(user)
        return client, user

    return make
