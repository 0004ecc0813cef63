"""What a scene's render depends on, and what the last render of it left.

A scene's *fingerprint* is a hash of everything its video depends on:

- its code: the scene's module and every project module it imports, directly or
  through others (its section's ``shared`` helpers, ``scenes/style.py``, the
  modules of ``lib/`` it uses), read statically (:mod:`pipeline.deps`), plus the
  data files those modules name in ``DATA_FILES``;
- its manifest entry and the quality;
- with a voice (``VOICE=draft`` or ``recorded``), the voice's settings and the speech
  engine's version, and with ``recorded`` the scene's recordings in ``narration/``;
- the environment that draws it: the render step (``pipeline/worker.py``), a
  ``manim.cfg`` in the project root, the versions of manim, numpy, scipy, PyAV
  and Pillow, the TeX toolchain (``latex`` and ``dvisvgm``) and manim's TeX
  template.

After a successful render the worker writes a *state record* holding the
fingerprint of the code it actually imported; a scene is up to date when its
record's fingerprint matches and its output files exist. Hashing a few dozen
small files takes milliseconds, so deciding that nothing needs doing starts no
manim process.
"""

from __future__ import annotations

import configparser
import hashlib
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any, TextIO

from pipeline import voice as voices
from pipeline.deps import DependencyGraph
from pipeline.manifest import Manifest, SceneEntry
from pipeline.qualities import Quality

#: A scene's outputs by kind, and how each file's name ends.
OUTPUT_ENDINGS = {"mp4": ".mp4", "srt": ".srt", "png": ".png", "storyboard": ".storyboard.png"}


def write_json_atomically(path: Path, data: Any) -> None:
    """Write ``data`` as JSON to a temporary name beside ``path``, then rename it into place."""
    _write_atomically(path, json.dumps(data, indent=2, sort_keys=True) + "\n")


def _write_atomically(path: Path, text: str) -> None:
    """``text`` into ``path`` through a temporary name; a failed write leaves no temporary."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    except OSError as error:  # a write error names no file: name the one being written
        raise OSError(error.errno, error.strerror, str(path)) from error
    finally:
        temporary.unlink(missing_ok=True)


def write_text_atomically(path: Path, text: str) -> bool:
    """Write ``text`` to ``path`` through a temporary name, unless it holds it already.

    Returns whether the file changed (an unchanged file keeps its modification time).
    """
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except (OSError, UnicodeDecodeError):
        pass
    _write_atomically(path, text)
    return True


#: Every temporary file the pipeline writes is named ``.<name>.<pid>.tmp``.
TEMPORARY = re.compile(r"^\..+\.(\d+)\.tmp$")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep_leftovers(folders: list[Path]) -> list[Path]:
    """Delete temporary files under ``folders`` whose writer is no longer running.

    A build killed outright (SIGKILL, a power cut) cannot clean up after itself; the next
    one does, before it starts. A file whose writing process is still alive is left alone.
    """
    removed = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in folder.rglob(".*.tmp"):
            match = TEMPORARY.match(path.name)
            if match and path.is_file() and not _alive(int(match.group(1))):
                path.unlink(missing_ok=True)
                removed.append(path)
    return removed


def remove_unlisted(root: Path, state_dir: Path, listed: set[str]) -> list[str]:
    """Delete the outputs and state records in ``state_dir`` of names not in ``listed``.

    Returns the names removed. Outputs are recorded relative to ``root``.
    """
    removed = []
    for state_file in sorted(state_dir.glob("*.json")):
        if state_file.stem in listed:
            continue
        record = read_json(state_file) or {}
        for output in (record.get("outputs") or {}).values():
            (root / output).unlink(missing_ok=True)
        state_file.unlink(missing_ok=True)
        removed.append(state_file.stem)
    return removed


def read_json(path: Path) -> dict[str, Any] | None:
    """The JSON object at ``path``, or None if it is missing or unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


#: Distributions whose version changes what a render draws or how it is encoded.
RENDER_PACKAGES = ("manim", "numpy", "scipy", "av", "pillow")
#: manim's files that define its default TeX template.
MANIM_TEX_TEMPLATE_FILES = ("utils/tex_templates.py", "utils/tex.py")


def package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def manim_version() -> str:
    return package_version("manim")


def _first_line(command: list[str]) -> str:
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return "not found"
    lines = (result.stdout or result.stderr).strip().splitlines()
    return lines[0] if lines else f"exit status {result.returncode}"


def _file_hash(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


@cache
def toolchain() -> dict[str, Any]:
    """The parts of this machine that change a video: packages, TeX, manim's TeX template."""
    template: dict[str, str | None] = dict.fromkeys(MANIM_TEX_TEMPLATE_FILES)
    try:
        manim = metadata.distribution("manim")  # the installed files, without importing manim
    except metadata.PackageNotFoundError:
        pass
    else:
        for name in MANIM_TEX_TEMPLATE_FILES:
            template[name] = _file_hash(Path(str(manim.locate_file(f"manim/{name}"))))
    return {
        "packages": {name: package_version(name) for name in RENDER_PACKAGES},
        "latex": _first_line(["latex", "--version"]),
        "dvisvgm": _first_line(["dvisvgm", "--version"]),
        "tex_template": template,
    }


def project_config(root: Path) -> dict[str, str | None]:
    """Hashes of ``manim.cfg`` in the project root and of a TeX template file it names."""
    cfg = root / "manim.cfg"
    record: dict[str, str | None] = {"manim.cfg": _file_hash(cfg)}
    if record["manim.cfg"] is not None:
        parser = configparser.ConfigParser()
        try:
            parser.read(cfg, encoding="utf-8")
        except (configparser.Error, UnicodeDecodeError):
            return record  # manim reports a broken file itself; its hash is recorded
        named = parser.get("CLI", "tex_template_file", fallback="").strip()
        if named:
            record["tex_template_file"] = _file_hash(root / named)
    return record


def environment_record(root: Path, quality: Quality, voice: str = "none") -> dict[str, Any]:
    """Everything outside the scene's own code that its video depends on, as plain data.

    A silent build's record has no voice in it: its fingerprints are what they were
    before there were voices.
    """
    sound = voices.environment(voice)
    return {
        "quality": quality.as_record(),
        "render_step": _file_hash(root / "pipeline" / "worker.py"),
        **project_config(root),
        **toolchain(),
        **({"voice": sound} if sound is not None else {}),
    }


def scene_code(code: str, root: Path, scene: str, voice: str) -> str:
    """A scene's code digest, with its recordings when the voice is the recorded one."""
    if voice != "recorded":
        return code
    recorded = voices.recordings_digest(root, scene)
    return hashlib.sha256(f"{code}\0{recorded}".encode()).hexdigest()


def combine_fingerprint(environment: str, code: str, entry: dict[str, Any]) -> str:
    """A scene's fingerprint from its environment's hash, its code's hash and its entry."""
    digest = hashlib.sha256(f"{environment}\0{code}\0".encode())
    digest.update(json.dumps(entry, sort_keys=True).encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class Paths:
    """Where one quality's outputs, state and scratch files live."""

    root: Path
    quality: Quality

    @property
    def renders(self) -> Path:
        return self.root / "renders"

    @property
    def quality_dir(self) -> Path:
        return self.renders / self.quality.folder

    @property
    def state_dir(self) -> Path:
        return self.quality_dir / ".state"

    @property
    def log_dir(self) -> Path:
        return self.quality_dir / ".logs"

    @property
    def work_root(self) -> Path:
        return self.renders / ".work" / self.quality.folder

    @property
    def tex_cache(self) -> Path:
        return self.renders / ".cache" / "tex"

    def outputs(self, entry: SceneEntry) -> dict[str, Path]:
        folder = entry.output_dir(self.quality_dir)
        return {kind: folder / f"{entry.stem}{ending}" for kind, ending in OUTPUT_ENDINGS.items()}

    def state_file(self, entry: SceneEntry) -> Path:
        return self.state_dir / f"{entry.name}.json"

    def log_file(self, entry: SceneEntry) -> Path:
        return self.log_dir / f"{entry.name}.log"


class Fingerprinter:
    """Computes scene fingerprints for one build, reading each source file once."""

    def __init__(
        self, root: Path, manifest: Manifest, quality: Quality, voice: str | None = None
    ) -> None:
        self.root = root
        self.manifest = manifest
        self.quality = quality
        self.voice = voices.voice_mode(voice)  # None: make's VOICE
        self.graph = DependencyGraph(root)
        record = environment_record(root, quality, self.voice)
        self.environment = hashlib.sha256(json.dumps(record, sort_keys=True).encode()).hexdigest()

    def code_files(self, entry: SceneEntry) -> list[Path]:
        """The project files the scene's module imports or reads, directly or not."""
        return self.graph.closure(entry.module)

    def code_digest(self, entry: SceneEntry) -> str:
        return scene_code(self.graph.digest(entry.module), self.root, entry.name, self.voice)

    def fingerprint(self, entry: SceneEntry) -> str:
        return combine_fingerprint(self.environment, self.code_digest(entry), entry.as_record())


class QualityStep:
    """A step of the build at one quality: what it works on, and a log it reports to."""

    def __init__(
        self,
        root: Path,
        manifest: Manifest,
        quality: Quality,
        *,
        verbose: bool = False,
        out: TextIO = sys.stdout,
    ) -> None:
        self.root = root
        self.manifest = manifest
        self.quality = quality
        self.paths = Paths(root, quality)
        self.verbose = verbose
        self.out = out
        self.fingerprinter = Fingerprinter(root, manifest, quality)

    def say(self, line: str) -> None:
        print(line, file=self.out, flush=True)


def scene_status(paths: Paths, entry: SceneEntry, fingerprint: str) -> str:
    """``rendered`` (up to date), ``stale`` (outputs from other inputs) or ``missing``."""
    record = read_json(paths.state_file(entry))
    outputs = paths.outputs(entry)
    if record is None or not all(path.exists() for path in outputs.values()):
        return "stale" if any(path.exists() for path in outputs.values()) else "missing"
    recorded = {key: paths.root / value for key, value in record.get("outputs", {}).items()}
    if record.get("fingerprint") != fingerprint or recorded != outputs:
        return "stale"
    return "rendered"
