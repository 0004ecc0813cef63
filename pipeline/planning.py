"""What a farm buys (``make plan``), and the two ends of a cluster (``make worker``/``scheduler``).

The plan replays a full build on N workers from the recorded render times: the
scenes, slowest first, each to the worker that comes free first, as the build
schedules them. A scene's time is what its last render took from the start of
its worker process to its outputs (``wall_seconds``), or the render alone where
that is all a record holds; scenes never rendered count as the average.
"""

from __future__ import annotations

import heapq
import importlib.util
import os
import socket
import sys
from collections.abc import Sequence
from pathlib import Path

from pipeline.manifest import SceneEntry
from pipeline.progress import clock
from pipeline.state import Paths, read_json

#: Seconds a build spends besides rendering: planning, then joining lectures and the gallery.
BUILD_OVERHEAD = 2.0

__all__ = ["clock", "predict", "recorded_times", "serve_as_scheduler", "serve_as_worker"]


def recorded_times(
    paths: Paths, scenes: Sequence[SceneEntry]
) -> tuple[list[float], list[str], set[int]]:
    """Each scene's recorded time (the average for those never rendered), those names, and
    how many renders ran at once when the times were taken."""
    known: dict[str, float] = {}
    parallel: set[int] = set()
    for entry in scenes:
        record = read_json(paths.state_file(entry)) or {}
        seconds = record.get("wall_seconds") or record.get("render_seconds")
        if seconds:
            known[entry.name] = float(seconds)
            parallel.add(int(record.get("workers") or 1))
    missing = [entry.name for entry in scenes if entry.name not in known]
    if not known:
        return [], missing, parallel
    average = sum(known.values()) / len(known)
    return [known.get(entry.name, average) for entry in scenes], missing, parallel


def predict(times: Sequence[float], workers: int) -> float:
    """The wall time of rendering ``times`` on ``workers``: longest first, to the first free."""
    free_at = [0.0] * max(1, min(workers, len(times)))
    heapq.heapify(free_at)
    for seconds in sorted(times, reverse=True):
        heapq.heappush(free_at, heapq.heappop(free_at) + seconds)
    return max(free_at) + BUILD_OVERHEAD


def _dask() -> str:
    """The ``dask`` command of this environment."""
    command = Path(sys.executable).with_name("dask")
    if not command.exists():
        raise RuntimeError("Dask is not installed in this environment: run `make setup`")
    return str(command)


def serve_as_worker(root: Path) -> int:
    """Become a Dask worker of SCHEDULER: one render at a time per core, within the memory."""
    from pipeline.build import available_memory_mib, default_peak_mib
    from pipeline.cluster import scheduler_address
    from pipeline.qualities import quality

    address = scheduler_address()
    if not address:
        print("usage: make worker SCHEDULER=tcp://host:8786", file=sys.stderr)
        return 2
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
    peak = default_peak_mib(quality("h"))
    available = available_memory_mib()
    threads = max(1, min(cores, int(available * 0.8 // peak) if available else cores))
    name = f"mlfm-{socket.gethostname()}-{os.getpid()}"
    print(
        f"worker {name}: rendering for {address}, {threads} at a time "
        f"({cores} core(s), about {peak / 1024:.1f} GiB per 1080p60 render); Ctrl-C stops it",
        flush=True,
    )
    command = [_dask(), "worker", address, "--nthreads", str(threads), "--nworkers", "1"]
    command += ["--name", name, "--no-dashboard", "--memory-limit", "0"]
    os.chdir(root)
    os.execv(command[0], command)
    return 0  # not reached


def serve_as_scheduler() -> int:
    """Start a Dask scheduler (port MLFM_PORT, 8786 by default) for builds and workers."""
    port = os.environ.get("MLFM_PORT") or "8786"
    host = os.environ.get("MLFM_HOST") or ""
    command = [_dask(), "scheduler", "--port", port]
    if host:
        command += ["--host", host]
    if importlib.util.find_spec("bokeh") is None:
        command.append("--no-dashboard")
    where = f"tcp://{host or socket.gethostname()}:{port}"
    print(
        f"scheduler: builds use `make SCHEDULER={where}`, workers `make worker SCHEDULER="
        f"{where}`; Ctrl-C stops it",
        flush=True,
    )
    os.execv(command[0], command)
    return 0  # not reached
