"""Render the scenes that need it, several at a time, and report as they go.

The build decides which of the selected scenes are out of date (see
:mod:`pipeline.state`), checks the system once if anything is to be rendered,
then runs up to ``jobs`` workers at once, the slowest scenes (by their last
render time) first. Each start and end is a line in the log; the build ends
with a summary. Without ``keep_going`` the first failure stops new renders
from starting (the running ones finish); with it, every scene is tried.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from pipeline import checks, voice
from pipeline.manifest import Manifest, SceneEntry
from pipeline.progress import Progress
from pipeline.qualities import Quality
from pipeline.state import (
    QualityStep,
    read_json,
    remove_unlisted,
    scene_status,
    write_json_atomically,
)

#: The share of the free memory the render workers may plan to use together.
MEMORY_SHARE = 0.8


def default_peak_mib(quality: Quality) -> float:
    """A render's peak memory before any record says: about 1 GiB at 1080p60, less below."""
    megapixels = quality.pixel_width * quality.pixel_height / 1e6
    return 350.0 + 320.0 * megapixels


def available_memory_mib() -> float | None:
    """MemAvailable from /proc/meminfo, in MiB (None where there is none)."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


class BuildError(RuntimeError):
    """The build could not start (as opposed to a scene that failed)."""


@dataclass
class Job:
    """One scene to render, and the process rendering it once started."""

    entry: SceneEntry
    fingerprint: str
    expected_seconds: float
    expected_video: float | None = None  # the video's length at its last render
    process: subprocess.Popen[bytes] | None = None
    started: float = 0.0
    log: TextIO | None = None


@dataclass
class Summary:
    rendered: list[str] = field(default_factory=list)
    up_to_date: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    not_started: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failed and not self.not_started


class Builder(QualityStep):
    """Brings the outputs of a selection of scenes up to date at one quality."""

    def __init__(
        self,
        root: Path,
        manifest: Manifest,
        quality: Quality,
        *,
        jobs: int | None = None,
        keep_going: bool = False,
        verbose: bool = False,
        prune: bool = False,
        out: TextIO = sys.stdout,
    ) -> None:
        super().__init__(root, manifest, quality, verbose=verbose, out=out)
        self.jobs = jobs  # None: as many as the cores and the memory allow
        self.progress: Progress | None = None
        self.workers_now = 1
        self.cluster: Any = None  # a Dask client: renders go to its workers
        self.keep_going = keep_going
        self.prune = prune

    def label(self, entry: SceneEntry) -> str:
        total = len(self.manifest.scenes)
        position = f"[{entry.index:>{len(str(total))}}/{total}]"
        return f"{position} {entry.name} {self.quality.folder}"

    def plan(self, selection: list[SceneEntry]) -> tuple[list[Job], list[SceneEntry]]:
        """Split ``selection`` into jobs to run (slowest first) and scenes up to date."""
        pending: list[Job] = []
        current: list[SceneEntry] = []
        for entry in selection:
            fingerprint = self.fingerprinter.fingerprint(entry)
            if scene_status(self.paths, entry, fingerprint) == "rendered":
                current.append(entry)
                continue
            record = read_json(self.paths.state_file(entry)) or {}
            expected = float(record.get("render_seconds", float("inf")))
            video = record.get("duration")
            if ((record.get("voice") or {}).get("mode") or "none") != self.fingerprinter.voice:
                video = None  # speech changes how long the video is: its last length is no guide
            pending.append(Job(entry, fingerprint, expected, float(video) if video else None))
        pending.sort(key=lambda job: (-job.expected_seconds, job.entry.index))
        return pending, current

    def remove_unlisted(self) -> None:
        """Delete the outputs of scenes the manifest no longer lists: renders/ mirrors it."""
        listed = {entry.name for entry in self.manifest.scenes}
        for name in remove_unlisted(self.root, self.paths.state_dir, listed):
            self.say(f"removed the outputs of {name}: the manifest no longer lists it")

    def build(self, selection: list[SceneEntry]) -> Summary:
        started = time.perf_counter()
        if self.prune:  # only a full build: a partial one touches nothing it was not asked about
            self.remove_unlisted()
        pending, current = self.plan(selection)
        summary = Summary(up_to_date=[entry.name for entry in current])
        if self.verbose:
            for entry in current:
                self.say(f"{self.label(entry)} up to date")
        if pending:
            self._check_system()
            if self.cluster is not None:
                self._run_on_cluster(pending, summary)
            else:
                workers, why = self.worker_count(len(pending))
                self.say(f"rendering {len(pending)} scene(s) with {workers} worker(s): {why}")
                self._run(pending, summary, workers)
        summary.seconds = time.perf_counter() - started
        self._report(summary)
        return summary

    def worker_count(self, pending: int) -> tuple[int, str]:
        """How many renders to run at once, and why: the cores, within the memory."""
        if self.jobs is not None:
            return max(1, self.jobs), f"asked for {self.jobs} (JOBS or make -j)"
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
        peaks = [
            float(record.get("peak_rss_mib") or 0)
            for record in (read_json(path) for path in self.paths.state_dir.glob("*.json"))
            if record
        ]
        peak = max(peaks, default=0.0) or default_peak_mib(self.quality)
        available = available_memory_mib()
        fits = max(1, int(available * MEMORY_SHARE // peak)) if available else cores
        workers = max(1, min(cores, fits, pending))
        why = (
            f"{cores} core(s), {available / 1024:.1f} GiB free, about {peak / 1024:.1f} GiB "
            f"per render at {self.quality.folder}"
            if available
            else f"{cores} core(s)"
        )
        return workers, why + ("; JOBS=1 renders one at a time" if workers > 1 else "")

    def storyboards(self, selection: list[SceneEntry]) -> bool:
        """Write each scene's storyboard without rendering its video; True if all were written."""
        self._check_system()
        ok = True
        for entry in selection:
            self.say(f"{self.label(entry)} storyboard ...")
            record, seconds = self._run_once(entry, "storyboard")
            if record is not None:
                tiles = record.get("tiles")
                self.say(
                    f"{self.label(entry)} storyboard of {tiles} beat{'' if tiles == 1 else 's'} "
                    f"in {seconds:.1f} s: {record.get('storyboard')}"
                )
            ok = ok and record is not None
        return ok

    def beats(self, selection: list[SceneEntry]) -> list[tuple[SceneEntry, dict[str, Any]]]:
        """Each scene's beats as it plays now (played, not drawn): the recording script's lines.

        Raises :class:`BuildError` naming the scenes that could not be played.
        """
        self._check_system()
        found = []
        failed = []
        for entry in selection:
            record, _ = self._run_once(entry, "script")
            if record is None:
                failed.append(entry.name)
            else:
                found.append((entry, record))
        if failed:
            raise BuildError(f"could not list the beats of {', '.join(failed)} (see above)")
        return found

    def _check_system(self) -> None:
        """Stop before any render if the system lacks what manim (or the voice) needs."""
        problems = checks.find_problems(self.fingerprinter.voice)
        if problems:
            raise BuildError(checks.describe(problems))

    def _run_once(self, entry: SceneEntry, kind: str) -> tuple[dict[str, Any] | None, float]:
        """Play one scene in a worker for a ``storyboard`` or a ``script``; its record or None."""
        fingerprint = self.fingerprinter.fingerprint(entry)
        job = Job(entry, fingerprint, float("inf"))
        spec = {**self._job_spec(job), f"{kind}_only": True}
        self._result_file(entry).unlink(missing_ok=True)
        started = time.perf_counter()
        self.paths.log_dir.mkdir(parents=True, exist_ok=True)
        log_path = self.paths.log_dir / f"{entry.name}.{kind}.log"
        with log_path.open("w", encoding="utf-8") as log:
            process = subprocess.run(
                [sys.executable, "-m", "pipeline.worker", json.dumps(spec)],
                cwd=self.root,
                stdout=None if self.verbose else log,
                stderr=None if self.verbose else subprocess.STDOUT,
                env={**os.environ, "PYTHONHASHSEED": "0"},
                check=False,
            )
        result = read_json(self._result_file(entry)) or {}
        self._result_file(entry).unlink(missing_ok=True)
        seconds = time.perf_counter() - started
        if process.returncode == 0 and result.get("status") == "done":
            return result.get("record") or {}, seconds
        reason = (
            f"{result.get('error')}: {result.get('message')}"
            if result
            else (f"the process ended with status {process.returncode}")
        )
        where = log_path.relative_to(self.root)
        self.say(f"{self.label(entry)} {kind} FAILED: {reason} (log: {where})")
        return None, seconds

    # -- running workers -------------------------------------------------

    def _job_spec(self, job: Job) -> dict[str, object]:
        entry = job.entry
        work_root = self.paths.work_root
        return {
            "module": entry.module,
            "scene": entry.name,
            "quality": self.quality.as_record(),
            "fingerprint": job.fingerprint,
            "environment": self.fingerprinter.environment,
            "entry": entry.as_record(),
            "root": str(self.root),
            "work_dir": str(work_root / entry.name),
            "result_file": str(self._result_file(entry)),
            "progress_file": str(self._progress_file(entry)),
            "state_file": str(self.paths.state_file(entry)),
            "tex_cache": str(self.paths.tex_cache),
            "tex_log": str(self.paths.renders / ".cache" / "tex-compilations.log"),
            "outputs": {
                key: str(path.relative_to(self.root))
                for key, path in self.paths.outputs(entry).items()
            },
            "verbose": self.verbose,
            "voice": {
                "mode": self.fingerprinter.voice,
                "cache": str(self.paths.renders / ".cache" / "voice"),
            },
        }

    def _result_file(self, entry: SceneEntry) -> Path:
        return self.paths.work_root / f"{entry.name}.result.json"

    def _progress_file(self, entry: SceneEntry) -> Path:
        return self.paths.work_root / f"{entry.name}.progress.json"

    def say(self, line: str) -> None:
        """A line of the log: above the progress bars while they are shown."""
        progress = getattr(self, "progress", None)
        if progress is not None:
            progress.say(line)
        else:
            super().say(line)

    @staticmethod
    def _expected(job: Job) -> tuple[float | None, float | None]:
        known = job.expected_seconds if job.expected_seconds != float("inf") else None
        return known, job.expected_video

    def _start(self, job: Job) -> None:
        entry = job.entry
        self._result_file(entry).unlink(missing_ok=True)
        self._progress_file(entry).unlink(missing_ok=True)
        self.say(f"{self.label(entry)} ...")
        if self.progress is not None:
            self.progress.start(entry.name, self.label(entry), self._expected(job))
        if self.verbose:
            stdout = None
        else:
            self.paths.log_dir.mkdir(parents=True, exist_ok=True)
            job.log = self.paths.log_file(entry).open("w", encoding="utf-8")
            stdout = job.log
        job.started = time.perf_counter()
        job.process = subprocess.Popen(
            [sys.executable, "-m", "pipeline.worker", json.dumps(self._job_spec(job))],
            cwd=self.root,
            stdout=stdout,
            stderr=subprocess.STDOUT if stdout is not None else None,
            env={**os.environ, "PYTHONHASHSEED": "0"},
        )

    def _finish(self, job: Job, summary: Summary) -> None:
        entry = job.entry
        if job.log is not None:
            job.log.close()
        seconds = time.perf_counter() - job.started
        result = read_json(self._result_file(entry)) or {}
        if (
            job.process is not None
            and job.process.returncode == 0
            and result.get("status") == "done"
        ):
            self.say(f"{self.label(entry)} done in {seconds:.1f} s")
            record = read_json(self.paths.state_file(entry))
            if record is not None:  # the time a worker takes, start-up included (make plan)
                timing = {"wall_seconds": round(seconds, 3), "workers": self.workers_now}
                write_json_atomically(self.paths.state_file(entry), {**record, **timing})
            if self.progress is not None:
                video = (result.get("record") or {}).get("duration")
                self.progress.finish(entry.name, seconds, float(video) if video else None)
            summary.rendered.append(entry.name)
            self._result_file(entry).unlink(missing_ok=True)
            return
        if result:
            reason = f"{result.get('error')}: {result.get('message')}"
        else:
            reason = self._unreported_failure(job)
        where = (
            "" if self.verbose else f" (log: {self.paths.log_file(entry).relative_to(self.root)})"
        )
        shutil.rmtree(self.paths.work_root / entry.name, ignore_errors=True)  # partial clips
        self._result_file(entry).unlink(missing_ok=True)
        self.say(f"{self.label(entry)} FAILED after {seconds:.1f} s: {reason}{where}")
        if self.progress is not None:
            self.progress.finish(entry.name, seconds, None)
        summary.failed.append((entry.name, reason))

    def _unreported_failure(self, job: Job) -> str:
        """Why a worker that left no result ended: its signal, or its log's last line."""
        code = job.process.returncode if job.process else None
        if code is not None and code < 0:
            name = signal.Signals(-code).name
            return f"the render process was stopped by {name} and left no result"
        try:
            lines = self.paths.log_file(job.entry).read_text(encoding="utf-8").splitlines()
        except OSError:
            lines = []
        last = next((line.strip() for line in reversed(lines) if line.strip()), "")
        return last or f"the render process ended with status {code} and left no result"

    def _run(self, pending: list[Job], summary: Summary, workers: int) -> None:
        queue = list(pending)
        running: list[Job] = []
        interrupted: BaseException | None = None
        q = self.quality
        self.workers_now = workers
        self.progress = Progress(
            self.out,
            total=len(pending),
            workers=workers,
            pixels_per_second=q.pixel_width * q.pixel_height * q.frame_rate,
        )
        self.progress.plan([self._expected(job) for job in pending])
        polled = 0.0

        def stop(signum: int, _frame: object) -> None:
            raise KeyboardInterrupt(signal.Signals(signum).name)

        previous = signal.signal(signal.SIGTERM, stop)
        try:
            while queue or running:
                while queue and len(running) < workers and (self.keep_going or not summary.failed):
                    job = queue.pop(0)
                    self._start(job)
                    running.append(job)
                if not running:
                    break
                time.sleep(0.05)
                if time.monotonic() - polled >= 0.5:
                    polled = time.monotonic()
                    self.progress.poll(
                        {j.entry.name: self._progress_file(j.entry) for j in running}
                    )
                for job in [j for j in running if j.process and j.process.poll() is not None]:
                    running.remove(job)
                    self._finish(job, summary)
        except (KeyboardInterrupt, OSError) as error:
            # Interrupted, or the build cannot write (a full disk): no worker outlives it.
            interrupted = error
            for job in running:
                if job.process and job.process.poll() is None:
                    job.process.terminate()
            for job in running:
                if job.process:
                    try:
                        job.process.wait(timeout=10)
                    except subprocess.TimeoutExpired:
                        job.process.kill()
                if job.log is not None:
                    job.log.close()
                shutil.rmtree(self.paths.work_root / job.entry.name, ignore_errors=True)
        finally:
            signal.signal(signal.SIGTERM, previous)
            self.progress.close()
            self.progress = None
            for job in pending:
                self._progress_file(job.entry).unlink(missing_ok=True)
        summary.not_started = [job.entry.name for job in queue]
        if isinstance(interrupted, KeyboardInterrupt):
            self.say("interrupted: finished outputs are kept; unfinished ones render next time")
        if interrupted is not None:
            raise interrupted

    def _run_on_cluster(self, pending: list[Job], summary: Summary) -> None:
        """Send each render to the Dask cluster; place what comes back as a local render would."""
        import cloudpickle
        from distributed import as_completed

        from pipeline import cluster

        cloudpickle.register_pickle_by_value(cluster)  # workers need no copy of this module
        code, sent = cluster.share_code(self.cluster, self.root)
        workers = len(self.cluster.scheduler_info().get("workers", {}))
        how = f"sent {len(code.archive) // 1024} KiB" if sent else "already on the workers"
        self.say(
            f"rendering {len(pending)} scene(s) on the Dask cluster at "
            f"{self.cluster.scheduler.address} ({workers} worker(s); code {code.digest[:12]}, "
            f"{how})"
        )
        specs: dict[Any, tuple[Job, dict[str, Any]]] = {}
        started = time.perf_counter()
        for rank, job in enumerate(pending):  # slowest first, as locally
            spec = self._job_spec(job)
            future = self.cluster.submit(
                cluster.render_remote,
                spec,
                code.digest,
                key=f"render-{job.entry.name}-{job.fingerprint[:12]}-{os.getpid()}",
                pure=False,
                priority=len(pending) - rank,
            )
            specs[future] = (job, spec)
            self.say(f"{self.label(job.entry)} ... (sent)")
        remaining = set(specs)
        try:
            for future in as_completed(list(specs)):
                remaining.discard(future)
                job, spec = specs[future]
                seconds = time.perf_counter() - started
                try:
                    result = future.result()
                except Exception as error:  # e.g. KilledWorker: Dask's retries ran out
                    lines = str(error).splitlines()
                    result = {
                        "status": "failed",
                        "error": type(error).__name__,
                        "message": lines[0] if lines else "",
                    }
                self._place_remote(job, spec, result, summary, seconds)
                if summary.failed and not self.keep_going:
                    for other in remaining:
                        other.cancel()
                    summary.not_started = [specs[f][0].entry.name for f in remaining]
                    break
        except KeyboardInterrupt:
            for future in remaining:
                future.cancel()
            self.say("interrupted: finished outputs are kept; unfinished ones render next time")
            raise

    def _place_remote(
        self,
        job: Job,
        spec: dict[str, Any],
        result: dict[str, Any],
        summary: Summary,
        seconds: float,
    ) -> None:
        from pipeline import cluster

        entry = job.entry
        log = self.paths.log_file(entry)
        log.parent.mkdir(parents=True, exist_ok=True)
        log.write_text(result.get("log") or "", encoding="utf-8")
        if result.get("status") != "done":
            reason = f"{result.get('error')}: {result.get('message')}"
            where = log.relative_to(self.root)
            self.say(f"{self.label(entry)} FAILED after {seconds:.1f} s: {reason} (log: {where})")
            summary.failed.append((entry.name, reason))
            return
        record = {**result["record"], "outputs": spec["outputs"]}
        state_file = self.paths.state_file(entry)
        previous = read_json(state_file)
        cluster.write_outputs(self.root, spec["outputs"], result["files"])
        for key, old in ((previous or {}).get("outputs") or {}).items():
            if old != spec["outputs"].get(key):
                (self.root / old).unlink(missing_ok=True)
        write_json_atomically(state_file, record)
        self.say(f"{self.label(entry)} done in {record.get('render_seconds', 0):.1f} s (cluster)")
        summary.rendered.append(entry.name)

    def report_recordings(self, selection: list[SceneEntry]) -> None:
        """With VOICE=recorded: name every beat the draft voice spoke for want of a recording."""
        if self.fingerprinter.voice != "recorded":
            return
        records = [(e.name, read_json(self.paths.state_file(e))) for e in selection]
        records = [
            (name, record)
            for name, record in records
            if ((record or {}).get("voice") or {}).get("mode") == "recorded"
        ]
        lines = voice.problems(records)
        for line in lines:
            self.say(line)
        beats = [
            beat
            for _, record in records
            for beat in ((record or {}).get("voice") or {}).get("beats") or []
        ]
        counts = {
            kind: sum(beat.get("source") == kind for beat in beats)
            for kind in ("recorded", "missing", "stale")
        }
        said = ", ".join(f"{n} {kind}" for kind, n in counts.items())
        advice = (
            "; the draft voice speaks the others (make script lists the files to record)"
            if lines
            else ""
        )
        self.say(f"recordings: {said} of {len(beats)} beats{advice}")

    def _report(self, summary: Summary) -> None:
        parts = [
            f"{len(summary.rendered)} rendered",
            f"{len(summary.up_to_date)} up to date",
            f"{len(summary.failed)} failed",
        ]
        if summary.not_started:
            parts.append(f"{len(summary.not_started)} not started")
        self.say(f"summary: {', '.join(parts)} in {summary.seconds:.1f} s ({self.quality.folder})")
        for name, reason in summary.failed:
            self.say(f"  failed: {name}: {reason}")
        if summary.not_started and not self.keep_going:
            self.say("  (stopped after the first failure; `make -k` renders the rest anyway)")
