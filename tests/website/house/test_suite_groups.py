"""The suite's xdist groups hold: `make test` runs with `--dist loadgroup`, and the tests that share an expensive
module fixture (the backup tests' site instances, the query budgets' 1,000-item site) carry one `xdist_group`, so
that one process builds it. pytest 9.2 with pytest-xdist 3.8 drops the groups without a word (pytest-xdist issue
#1386: the group rides on the test's id, which pytest 9.2 no longer lets a plugin change), and each process then
builds every such fixture itself, a minute more per run. This runs a tiny suite the way `make test` does and fails
if a group is split."""

import re
import subprocess
import sys

GROUPED = """
import pytest

pytestmark = pytest.mark.xdist_group("together")


@pytest.mark.parametrize("number", range(8))
def test_grouped(number):
    pass
"""

PLAIN = ["-p", "no:cacheprovider", "-p", "no:django", "-p", "no:playwright", "-p", "no:base_url"]


def test_tests_in_one_xdist_group_run_in_one_process(tmp_path):
    (tmp_path / "pytest.ini").write_text("[pytest]\n")  # its own root: none of the project's conftest or settings
    (tmp_path / "test_grouped.py").write_text(GROUPED)
    run = subprocess.run(
        # Only xdist: the installed plugins that need a project (Django's, Playwright's) stay out.
        [sys.executable, "-m", "pytest", *PLAIN, "-n", "2", "--dist", "loadgroup", "-v"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    workers = set(re.findall(r"\[(gw\d+)\].*PASSED test_grouped\.py::test_grouped", run.stdout))
    assert len(re.findall(r"PASSED test_grouped\.py::test_grouped", run.stdout)) == 8, run.stdout
    assert len(workers) == 1, f"one xdist group ran in {sorted(workers)}:\n{run.stdout}"
