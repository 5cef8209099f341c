"""Helpers for the benchmark scripts: run reqdesk in a fresh process, collect figures."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
DEMO_PASSWORD = "demo1234"


def env(**extra: str) -> dict[str, str]:
    values = dict(os.environ, QT_QPA_PLATFORM="offscreen", **extra)
    values.pop("REQDESK_LANG", None)
    # Measure what users get: installed (and frozen) programs start from compiled bytecode.
    values.pop("PYTHONDONTWRITEBYTECODE", None)
    return values


def reqdesk(*args: str, password: str | None = None) -> subprocess.CompletedProcess[str]:
    extra = {"REQDESK_PASSWORD": password} if password is not None else {}
    return subprocess.run(
        [sys.executable, "-m", "reqdesk", *args],
        capture_output=True,
        text=True,
        env=env(**extra),
        check=True,
    )


def timed(*args: str) -> float:
    started = time.perf_counter()
    reqdesk(*args)
    return time.perf_counter() - started


def last_number(completed: subprocess.CompletedProcess[str]) -> float:
    return float(completed.stdout.strip().splitlines()[-1])


def median(values: list[float]) -> float:
    return statistics.median(values)
