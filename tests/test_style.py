"""The code passes the linter and is formatted as the formatter writes it (ruff, pinned in
pyproject.toml, configured there): in the fast tier, so a contributor hears of it at once."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

RUFF = Path(sys.executable).with_name("ruff")


def ruff(*args: str) -> subprocess.CompletedProcess:
    binary = RUFF if RUFF.exists() else shutil.which("ruff")
    if binary is None:
        pytest.fail("ruff is not installed: run `bash .ci/setup --test`", pytrace=False)
    return subprocess.run([str(binary), *args, "--no-cache", "."], cwd=ROOT, capture_output=True, text=True)


def test_the_linter_finds_nothing():
    result = ruff("check", "--output-format", "concise")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_code_is_formatted():
    result = ruff("format", "--check")
    assert result.returncode == 0, "run `.venv/bin/ruff format .`:\n" + result.stdout + result.stderr
