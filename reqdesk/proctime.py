"""Milliseconds since this process started (for ``--smoke`` and the start-up benchmark)."""

from __future__ import annotations

import os
import sys
import time

_IMPORTED_AT = time.monotonic()


def _linux_ms() -> float:
    # Both numbers count from boot, so no wall-clock rounding enters (btime is whole seconds).
    with open("/proc/self/stat", encoding="ascii") as stat:
        start_ticks = int(stat.read().rpartition(")")[2].split()[19])
    with open("/proc/uptime", encoding="ascii") as uptime:
        now = float(uptime.read().split()[0])
    return (now - start_ticks / os.sysconf("SC_CLK_TCK")) * 1000


def _windows_ms() -> float:
    import ctypes
    from ctypes import wintypes

    creation, exited, kernel, user = (wintypes.FILETIME() for _ in range(4))
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    if not kernel32.GetProcessTimes(
        kernel32.GetCurrentProcess(),
        ctypes.byref(creation),
        ctypes.byref(exited),
        ctypes.byref(kernel),
        ctypes.byref(user),
    ):
        raise OSError("GetProcessTimes failed")
    started = ((creation.dwHighDateTime << 32) | creation.dwLowDateTime) / 10_000_000
    now = time.time() + 11_644_473_600  # Unix time → seconds since 1601, as FILETIME counts
    return (now - started) * 1000


def ms_since_start() -> float:
    """Milliseconds since the OS created this process (since reqdesk was imported, elsewhere)."""
    try:
        if sys.platform.startswith("linux"):
            return _linux_ms()
        if sys.platform == "win32":
            return _windows_ms()
    except (OSError, ValueError, IndexError):
        pass
    return (time.monotonic() - _IMPORTED_AT) * 1000
