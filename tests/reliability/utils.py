"""A PostgreSQL server of a test's own, in a temporary folder on a free port, that the test may stop and start.

The machine's shared server is never restarted: other work depends on it.
"""

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def postgres_bin():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return Path(found[-1]).parent if found else None


class PrivatePostgres:
    def __init__(self):
        self.bin = postgres_bin()
        # Its own folder straight under the temporary directory: the postgres user cannot enter root's.
        self.folder = Path(tempfile.mkdtemp(prefix="private-postgres-"))
        self.data = self.folder / "data"
        self.port = free_port()
        # initdb refuses to run as root; the server then runs as the postgres system user.
        self.run_as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/site"

    def _run(self, *command):
        subprocess.run([*self.run_as, *command], check=True, capture_output=True, timeout=60)

    def initialise(self):
        if self.run_as:
            shutil.chown(self.folder, "postgres", "postgres")
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
        self.start()
        self._run(str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "site")

    def copy_database(self, url):
        """Fills its database with a copy of the one at `url`; False (and nothing copied) if this server's pg_dump
        cannot read that server, a newer one say."""
        try:
            dump = subprocess.run(
                [str(self.bin / "pg_dump"), "--format=custom", "--no-owner", "--no-privileges", url],
                check=True,
                capture_output=True,
                timeout=120,
            ).stdout
        except subprocess.CalledProcessError:
            return False
        subprocess.run(
            [str(self.bin / "pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error", "-d", self.url],
            input=dump,
            check=True,
            capture_output=True,
            timeout=120,
        )
        return True

    def start(self):
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", str(self.folder / "log"), "-w", "start"
        )

    def stop(self, mode="fast"):
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    def remove(self):
        subprocess.run(
            [*self.run_as, str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"],
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(self.folder, ignore_errors=True)
