"""The task queue's worker: runs what the site queued (e-mails, Wagtail's index updates and purges) from the database.

It is django-tasks-db's own worker loop (`db_worker`), in TASK_WORKER_THREADS threads of one process: tasks mostly
wait on the mail server, and threads waiting cost next to nothing. Each thread claims a task with
select_for_update(skip_locked=True) (on SQLite, inside an exclusive transaction), so workers on several hosts share
one queue. A thread that finds the queue empty waits before it looks again: long enough that 48 threads together
look about IDLE_LOOKS_A_SECOND times a second, not 48 (which costs a launch day's web processes CPU for nothing),
short enough (MAX_IDLE_WAIT) that a new task waits a fraction of a second and a stop takes a few seconds at most.
SIGTERM or Ctrl-C lets each thread finish its task, then stops; a worker killed outright leaves its e-mail
claimed, and the retry commands send it once the claim goes stale (website/mail.py).
"""

import gc
import random
import signal
import socket
import threading
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connections
from django_tasks_db.management.commands.db_worker import Worker

IDLE_LOOKS_A_SECOND = 16
MAX_IDLE_WAIT = 3.0


class Command(BaseCommand):
    help = "Runs queued tasks (e-mails, search index updates) until stopped, in TASK_WORKER_THREADS threads."

    def add_arguments(self, parser):
        parser.add_argument("--threads", type=int, default=None, help="Default: TASK_WORKER_THREADS.")
        parser.add_argument(
            "--interval",
            type=float,
            default=None,
            help=f"Seconds a thread waits when the queue is empty. Default: the threads / {IDLE_LOOKS_A_SECOND}, "
            f"from 1 to {MAX_IDLE_WAIT:g}.",
        )
        parser.add_argument("--batch", action="store_true", help="Run what is queued, then stop.")

    def handle(self, *args, threads=None, interval=None, batch=False, **options):
        count = threads or settings.TASK_WORKER_THREADS
        if interval is None:
            interval = min(MAX_IDLE_WAIT, max(1.0, count / IDLE_LOOKS_A_SECOND))
        host = f"{socket.gethostname()[:40]}-{threading.get_native_id()}"
        workers = [
            Worker(
                queue_names=["*"],
                interval=interval,
                batch=batch,
                backend_name="default",
                startup_delay=False,
                max_tasks=None,
                worker_id=f"{host}-{number}",
                excluded_queue_names=[],
            )
            for number in range(count)
        ]

        def stop(signum, frame):
            for worker in workers:
                worker.running = False

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        # As website/wsgi.py does for the web processes: what lives as long as the process is kept out of every
        # full garbage collection, which would otherwise walk all of it while visitors' requests wait for a core.
        gc.freeze()
        running = [threading.Thread(target=self.work, args=(worker,), daemon=True) for worker in workers]
        for thread in running:
            thread.start()
        if options["verbosity"]:
            self.stdout.write(f"Worker started: {count} threads.")
        # Joined with a timeout, so that the main thread wakes to handle a signal.
        while any(thread.is_alive() for thread in running):
            for thread in running:
                thread.join(timeout=0.5)

    def work(self, worker):
        try:
            # Spread over the interval, so that idle threads look in turn rather than all at once.
            if not worker.batch:
                time.sleep(random.uniform(0, worker.interval))  # noqa: S311 (timing, not security)
            worker.run()
        finally:
            connections.close_all()
