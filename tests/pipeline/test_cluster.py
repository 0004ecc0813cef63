"""Renders farmed out to a real Dask cluster on loopback: a scheduler and two workers."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.pipeline.conftest import Project, copy_project
from tests.pipeline.test_make import add_section, digest, media_digests, rendered_lines

DASK = str(Path(sys.executable).with_name("dask"))

SLOW = """
import os
import time

from manim import Circle, Create, Scene


class SlowOnTheCluster(Scene):
    def construct(self) -> None:
        self.play(Create(Circle()), run_time=0.4, subcaption="A circle.")
        time.sleep(float(os.environ.get("CLUSTER_SCENE_SLEEP", "0")))
        self.wait(0.2)
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Cluster:
    address: str
    scheduler: subprocess.Popen[bytes]
    workers: list[subprocess.Popen[bytes]]

    def stop(self) -> None:
        for process in [*self.workers, self.scheduler]:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def start_cluster(tmp: Path, *, workers: int = 2, env: dict[str, str] | None = None) -> Cluster:
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    environment = {**os.environ, "MLFM_WORKER_CACHE": str(tmp / "worker-cache"), **(env or {})}
    logs = tmp / "cluster-logs"
    logs.mkdir(parents=True, exist_ok=True)

    def start(name: str, *args: str) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [DASK, *args],
            cwd=tmp,  # no checkout here: the code arrives as a snapshot
            env=environment,
            stdout=(logs / f"{name}.log").open("wb"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    scheduler = start(
        "scheduler", "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"
    )
    started = [
        start(
            f"worker-{i}",
            "worker",
            address,
            "--nthreads",
            "1",
            "--no-dashboard",
            "--name",
            f"test-worker-{i}",
            "--host",
            "127.0.0.1",
        )
        for i in range(workers)
    ]
    cluster = Cluster(address, scheduler, started)
    from distributed import Client

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with Client(address, timeout=5) as client:
                if len(client.scheduler_info()["workers"]) == workers:
                    return cluster
        except OSError:
            pass
        time.sleep(0.5)
    cluster.stop()
    raise RuntimeError("the test cluster did not come up")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    running = start_cluster(tmp_path_factory.mktemp("cluster"), env={"CLUSTER_SCENE_SLEEP": "0"})
    yield running
    running.stop()


def test_a_build_through_the_cluster_is_byte_identical_to_a_local_build(
    cluster: Cluster, tmp_path: Path
):
    remote = Project(copy_project(tmp_path / "remote"))
    result = remote.make(f"SCHEDULER={cluster.address}")
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"on the Dask cluster at {cluster.address} (2 worker(s)" in result.stdout
    assert sorted(rendered_lines(result.stdout)) == ["DrawnLine", "GrowingCircle", "MovingDot"]
    local = Project(copy_project(tmp_path / "local"))
    assert local.make().returncode == 0
    assert media_digests(remote) == media_digests(local)
    # The same code again: nothing to render, nothing sent.
    remote.scene_module("s02_fixture/drawn_line.py").write_text(
        remote.scene_module("s02_fixture/drawn_line.py").read_text()
    )
    again = remote.make(f"SCHEDULER={cluster.address}")
    assert "0 rendered, 3 up to date" in again.stdout


def test_an_edited_scene_renders_again_on_the_cluster_with_the_new_code(
    cluster: Cluster, tmp_path: Path
):
    project = Project(copy_project(tmp_path / "project"))
    first = project.make(f"SCHEDULER={cluster.address}")
    assert first.returncode == 0, first.stdout + first.stderr
    poster = project.output("02-fixture-lines", "01-DrawnLine", "png")
    before = digest(poster)
    module = project.scene_module("s02_fixture/drawn_line.py")
    module.write_text(module.read_text().replace("length = 4.0", "length = 1.5"))
    second = project.make(f"SCHEDULER={cluster.address}")
    assert second.returncode == 0, second.stdout + second.stderr
    assert rendered_lines(second.stdout) == ["DrawnLine"]
    assert "KiB)" in second.stdout  # a new snapshot went to the workers
    assert digest(poster) != before
    local = Project(copy_project(tmp_path / "local"))
    local.scene_module("s02_fixture/drawn_line.py").write_text(module.read_text())
    assert local.make("scene", "S=DrawnLine", "QUALITY=t").returncode == 0
    assert digest(local.output("02-fixture-lines", "01-DrawnLine", "png")) == digest(poster)


def test_a_failing_scene_fails_once_with_its_message(cluster: Cluster, tmp_path: Path):
    from tests.pipeline.test_make import FAILING

    project = Project(copy_project(tmp_path / "project"))
    add_section(project, 0, "s00_broken", {"BrokenScene": FAILING}, first=True)
    result = project.make("-k", f"SCHEDULER={cluster.address}")
    assert result.returncode != 0
    assert "BrokenScene 144p5 FAILED" in result.stdout
    assert "ValueError: the example matrix is singular (det = 0)" in result.stdout
    assert "3 rendered, 0 up to date, 1 failed" in result.stdout
    assert "Traceback" not in result.stdout


def test_an_unreachable_scheduler_fails_fast_and_deletes_nothing(rendered_copy: Project):
    before = media_digests(rendered_copy)
    rendered_copy.scene_module("s02_fixture/drawn_line.py").write_text(
        rendered_copy.scene_module("s02_fixture/drawn_line.py").read_text() + "\n# edit\n"
    )
    started = time.monotonic()
    result = rendered_copy.make(f"SCHEDULER=tcp://127.0.0.1:{free_port()}")
    assert time.monotonic() - started < 30
    assert result.returncode != 0
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert media_digests(rendered_copy) == before


def test_a_worker_killed_mid_render_has_its_scene_retried_on_another(tmp_path: Path):
    cluster = start_cluster(tmp_path / "cluster", env={"CLUSTER_SCENE_SLEEP": "8"})
    try:
        project = Project(copy_project(tmp_path / "project"))
        add_section(project, 3, "s03_slow", {"SlowOnTheCluster": SLOW})
        make = project.popen("section", "N=3", f"SCHEDULER={cluster.address}")
        victim = None
        deadline = time.monotonic() + 90
        while victim is None and time.monotonic() < deadline:
            for worker in cluster.workers:
                children = subprocess.run(
                    ["pgrep", "-s", str(worker.pid), "-f", "SlowOnTheCluster"],
                    capture_output=True,
                    text=True,
                    check=False,
                ).stdout.split()
                if children:
                    victim = worker
            time.sleep(0.2)
        assert victim is not None, "the slow scene never started on a worker"
        os.killpg(victim.pid, signal.SIGKILL)  # the machine is gone, render and all
        output, _ = make.communicate(timeout=180)
        assert make.returncode == 0, output
        assert "SlowOnTheCluster 144p5 done" in output
        video = project.output("03-extra-3", "01-SlowOnTheCluster", "mp4")
        record = json.loads((project.quality_dir / ".state" / "SlowOnTheCluster.json").read_text())
        assert video.stat().st_size > 0 and record["frames"] > 0
    finally:
        cluster.stop()


def test_the_plan_predicts_local_builds_within_a_quarter(tmp_path: Path):
    project = Project(copy_project(tmp_path / "project"))
    for workers in (1, 2):
        # The build is timed, then the plan replays it from what that build recorded: the
        # scheduling model and the overhead are checked, whatever else loads the machine.
        assert project.make("clean").returncode == 0
        started = time.monotonic()
        assert project.make(f"JOBS={workers}").returncode == 0
        measured = time.monotonic() - started
        plan = project.make("plan").stdout
        assert f"recorded with {workers} render(s) at once" in plan
        line = next(line for line in plan.splitlines() if f" {workers} worker(s): about" in line)
        minutes, seconds = line.rsplit(" ", 1)[1].split(":")
        predicted = int(minutes) * 60 + int(seconds)
        assert abs(predicted - measured) <= 0.25 * measured + 1, (workers, plan, measured)
