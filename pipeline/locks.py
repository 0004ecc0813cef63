"""One build at a time per render folder, and one set-up at a time per environment.

A lock is an OS file lock (``flock``) on a small file: the kernel releases it
when its holder exits, however it exits, so a killed build never leaves a stale
lock behind. The holder writes who it is into the file (pid, command, since
when), so a second build can say what it is waiting for.

This module uses the standard library only: the set-up step runs it with the
system Python, before the virtual environment exists.
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


class LockBusy(RuntimeError):
    """The lock is held by another process and the caller asked not to wait."""


def describe_holder(path: Path) -> str:
    """``pid 123, `make section N=3`, since 14:02:11`` from the lock file, or a plain word."""
    try:
        holder = json.loads(path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        holder = {}
    if not isinstance(holder, dict) or "pid" not in holder:
        return "another process"
    since = time.strftime("%H:%M:%S", time.localtime(float(holder.get("since", 0))))
    return f"pid {holder['pid']}, `{holder.get('command', '?')}`, since {since}"


@contextmanager
def exclusive(
    path: Path,
    what: str,
    *,
    command: str,
    wait: bool = True,
    say: Callable[[str], None] = print,
) -> Iterator[None]:
    """Hold the lock at ``path`` for the ``with`` block; ``what`` names it in messages.

    If another process holds it: with ``wait``, say once who, then wait for it;
    without, raise :class:`LockBusy` naming the holder.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = describe_holder(path)
            if not wait:
                raise LockBusy(f"{what} is busy: {holder} holds it") from None
            say(f"waiting: {what} is in use by {holder}")
            fcntl.flock(handle, fcntl.LOCK_EX)
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps({"pid": os.getpid(), "command": command, "since": time.time()}))
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            handle.flush()
            fcntl.flock(handle, fcntl.LOCK_UN)
