"""Rendering on many machines through a Dask cluster (``make SCHEDULER=tcp://host:8786``).

The build stays local: it plans, fingerprints, places outputs, writes state
records, joins lectures and writes the gallery as always. Only the renders move:
each scene that needs one becomes a Dask task that carries its job spec.

Workers need the environment (manim, TeX: ``make worker`` sets it up), not a
checkout. The project's code reaches them as a *snapshot*: one archive of
``lib/``, ``scenes/``, ``pipeline/`` and ``manim.cfg``, named by the hash of its
contents and installed on every worker, present and future, by a worker plugin
of that name. A build whose code has not changed finds the plugin registered
already and sends nothing; a changed file makes a new snapshot.

A task renders in a scratch folder of the worker's machine, in a process of its
own (the same ``pipeline.worker`` as a local render), and returns the output files
as bytes with the state record's data; the build writes them under temporary
names and renames them into place, so no shared filesystem is needed. A worker
that dies mid-render (killed, its machine gone) has its task retried on another
by Dask; a scene that fails for a real reason (an exception in the scene) returns
its failure and is not retried.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.voice import NARRATION, voice_mode

#: What a worker needs of the project to render a scene.
SNAPSHOT_FOLDERS = ("lib", "scenes", "pipeline")
SNAPSHOT_FILES = ("manim.cfg",)
#: Seconds to wait for the scheduler before saying it cannot be reached.
CONNECT_TIMEOUT = 10


class ClusterError(RuntimeError):
    """The cluster cannot be used (unreachable scheduler, no workers, Dask not installed)."""


def scheduler_address() -> str | None:
    """The scheduler named by make's SCHEDULER, else Dask's own DASK_SCHEDULER_ADDRESS."""
    return os.environ.get("MLFM_SCHEDULER") or os.environ.get("DASK_SCHEDULER_ADDRESS") or None


@dataclass(frozen=True)
class Snapshot:
    """The project's code as one archive, named by the hash of what it holds."""

    digest: str
    archive: bytes

    @property
    def plugin_name(self) -> str:
        return f"mlfm-code-{self.digest[:16]}"


def snapshot(root: Path, *, recordings: bool = False) -> Snapshot:
    """Pack the code a render needs; equal contents give equal bytes and an equal name.

    ``recordings``: the lecturer's recordings (``narration/``) go too, for VOICE=recorded.
    """
    files: list[Path] = []
    for folder in SNAPSHOT_FOLDERS + ((NARRATION,) if recordings else ()):
        files += [
            p
            for p in (root / folder).rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and not p.name.endswith(".pyc")
        ]
    files += [root / name for name in SNAPSHOT_FILES if (root / name).is_file()]
    buffer = io.BytesIO()
    digest = hashlib.sha256()
    with tarfile.open(fileobj=buffer, mode="w:gz", compresslevel=6) as archive:
        for path in sorted(files):
            relative = path.relative_to(root).as_posix()
            data = path.read_bytes()
            digest.update(relative.encode() + b"\0" + data + b"\0")
            info = tarfile.TarInfo(relative)
            info.size = len(data)
            info.mtime = 0  # the same contents make the same archive
            info.mode = 0o644
            archive.addfile(info, io.BytesIO(data))
    return Snapshot(digest.hexdigest(), buffer.getvalue())


def snapshot_folder(digest: str) -> Path:
    """Where a worker keeps an unpacked snapshot."""
    base = Path(os.environ.get("MLFM_WORKER_CACHE") or Path(tempfile.gettempdir()) / "mlfm")
    return base / "snapshots" / digest


def install_snapshot(digest: str, archive: bytes) -> Path:
    """Unpack ``archive`` once per worker machine (atomically: a folder, then a rename)."""
    target = snapshot_folder(digest)
    if target.is_dir():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{digest[:12]}.", dir=target.parent))
    try:
        with tarfile.open(fileobj=io.BytesIO(archive), mode="r:gz") as packed:
            packed.extractall(scratch, filter="data")
        try:
            os.rename(scratch, target)
        except OSError:
            if not target.is_dir():  # another process on this machine may have won the race
                raise
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return target


def code_snapshot_plugin(snapshot: Snapshot) -> Any:
    """A Dask worker plugin that installs ``snapshot`` on every worker it reaches."""
    from distributed.diagnostics.plugin import WorkerPlugin

    class CodeSnapshotPlugin(WorkerPlugin):
        idempotent = True  # registering the same snapshot again changes nothing

        def __init__(self, digest: str, archive: bytes) -> None:
            self.digest = digest
            self.archive = archive

        def setup(self, worker: Any) -> None:
            install_snapshot(self.digest, self.archive)

    return CodeSnapshotPlugin(snapshot.digest, snapshot.archive)


def render_remote(spec: dict[str, Any], digest: str) -> dict[str, Any]:
    """Render one scene on a Dask worker and return its files as bytes (runs on the worker).

    The job spec's paths are the build machine's; here they are redirected into a
    scratch folder, and the render runs from the snapshot in a process of its own.
    """
    code = snapshot_folder(digest)
    if not code.is_dir():
        raise ClusterError(f"code snapshot {digest[:12]} is not installed on this worker")
    cache = code.parent.parent / "tex"
    with tempfile.TemporaryDirectory(prefix=f"render-{spec['scene']}-") as scratch_name:
        scratch = Path(scratch_name)
        outputs = {key: str(scratch / "out" / Path(p).name) for key, p in spec["outputs"].items()}
        job = {
            **spec,
            "root": str(code),
            "work_dir": str(scratch / "work"),
            "result_file": str(scratch / "result.json"),
            "progress_file": str(scratch / "progress.json"),
            "state_file": str(scratch / "state.json"),
            "tex_cache": str(cache),
            "voice": {**(spec.get("voice") or {}), "cache": str(code.parent.parent / "voice")},
            "tex_log": str(scratch / "tex.log"),
            "outputs": outputs,
            "verbose": False,
        }
        process = subprocess.run(
            [sys.executable, "-m", "pipeline.worker", json.dumps(job)],
            cwd=code,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": "0"},
            check=False,
        )
        log = (process.stdout or "") + (process.stderr or "")
        try:
            result = json.loads((scratch / "result.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            result = {}
        if process.returncode != 0 or result.get("status") != "done":
            lines = [line for line in log.splitlines() if line.strip()]
            return {
                "status": "failed",
                "error": result.get("error") or "RenderError",
                "message": result.get("message") or (lines[-1] if lines else "no output"),
                "log": log,
            }
        files = {key: Path(path).read_bytes() for key, path in outputs.items()}
        return {"status": "done", "record": result["record"], "files": files, "log": log}


def connect(address: str) -> Any:
    """A Dask client of the scheduler at ``address``, or one clear error within seconds."""
    try:
        from distributed import Client
    except ImportError as error:
        raise ClusterError(f"Dask is not installed in this environment ({error})") from None
    try:
        return Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as error:
        raise ClusterError(
            f"cannot reach the Dask scheduler at {address} within {CONNECT_TIMEOUT} s "
            f"({type(error).__name__}); is `make scheduler` running there, and the address "
            "right? Nothing was rendered or deleted"
        ) from None


def share_code(client: Any, root: Path) -> tuple[Snapshot, bool]:
    """Make the project's current code reach every worker; whether it had to be sent."""
    code = snapshot(root, recordings=voice_mode() == "recorded")

    def registered(dask_scheduler: Any, name: str = code.plugin_name) -> bool:
        return name in dask_scheduler.worker_plugins

    if client.run_on_scheduler(registered):
        return code, False
    client.register_plugin(code_snapshot_plugin(code), name=code.plugin_name)
    return code, True


def write_outputs(root: Path, outputs: dict[str, str], files: dict[str, bytes]) -> None:
    """Place returned files at their final paths, each through a temporary name."""
    for key, relative in outputs.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            temporary.write_bytes(files[key])
            os.replace(temporary, path)
        except OSError as error:
            raise OSError(error.errno, error.strerror, str(path)) from error
        finally:
            temporary.unlink(missing_ok=True)
