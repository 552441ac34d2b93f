"""The shared cache (Redis) watched from each process: one warning when it goes away, one when it is back.

django-redis, told to carry on through an outage (IGNORE_EXCEPTIONS), can log a traceback for every cache call that
fails: several a request, megabytes an hour while Redis is down, burying everything else in the log. So it logs
nothing itself (DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS is off) and the Redis client it uses, this module's, says when
this process first finds the server unreachable and when a command first succeeds again.
"""

import logging
import threading

import redis
from redis.client import Pipeline
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# A refused or timed-out connection, or a server that stopped answering mid-command (socket errors are OSErrors).
OUTAGE_ERRORS = (RedisConnectionError, RedisTimeoutError, OSError)

_unreachable = set()  # the servers this process last found down
_lock = threading.Lock()


def server_name(connection_pool):
    """host:port/db (or the socket's path): never the URL, which may hold a password."""
    options = connection_pool.connection_kwargs
    where = options.get("path") or f"{options.get('host', 'localhost')}:{options.get('port', 6379)}"
    return f"{where}/{options.get('db', 0)}"


def _went_down(server, error):
    with _lock:
        if server in _unreachable:
            return
        _unreachable.add(server)
    logger.warning(
        "The cache (Redis at %s) cannot be reached: pages are served uncached and form rate limits are not enforced "
        "until it is back. %s: %s",
        server,
        type(error).__name__,
        error,
    )


def _came_back(server):
    # Read without the lock first: this runs after every command, and is almost always a no-op.
    if server not in _unreachable:
        return
    with _lock:
        if server not in _unreachable:
            return
        _unreachable.discard(server)
    logger.warning("The cache (Redis at %s) is back.", server)


def _watched(connection_pool, command):
    server = server_name(connection_pool)
    try:
        result = command()
    except OUTAGE_ERRORS as error:
        _went_down(server, error)
        raise
    _came_back(server)
    return result


class OutageReportingPipeline(Pipeline):
    def execute(self, raise_on_error=True):
        execute = super().execute
        return _watched(self.connection_pool, lambda: execute(raise_on_error))


class OutageReportingRedis(redis.Redis):
    """django-redis's REDIS_CLIENT_CLASS (website/settings/base.py)."""

    def execute_command(self, *args, **options):
        send = super().execute_command
        return _watched(self.connection_pool, lambda: send(*args, **options))

    def pipeline(self, transaction=True, shard_hint=None):
        return OutageReportingPipeline(self.connection_pool, self.response_callbacks, transaction, shard_hint)
