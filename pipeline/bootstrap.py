"""Set up a fresh machine: Debian packages, then a virtual environment with the project.

Run by the Makefile with the system Python (standard library only), before any
other step. Each part is checked first and done only where needed:

1. the Debian packages manim needs to build and render (Cairo, Pango, pkg-config,
   a TeX Live with what manim's default LaTeX template uses, dvisvgm), checked
   with dpkg and installed with apt-get where missing;
2. ``.venv`` with the project installed in editable mode with its test extra;
3. a stamp in ``.venv`` so that the next run skips all of it.

With ``--tests`` it does the test suite's own part instead: the Debian packages
only the browser tests need (Chromium and its WebDriver), with a stamp of their
own, so that ``make`` and ``make test`` never invalidate each other's set-up.

Nothing is installed outside the project folder except the Debian packages.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

# Run as a script by the system Python: the lock helper beside it is imported directly.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from locks import exclusive

#: Debian packages needed to build pycairo/manimpango and to render LaTeX.
DEBIAN_PACKAGES: dict[str, str] = {
    "pkg-config": "pkg-config (finds Cairo and Pango when pycairo and manimpango build)",
    "libcairo2-dev": "Cairo, manim's 2-D renderer",
    "libpango1.0-dev": "Pango, manim's text layout",
    "texlive-latex-base": "LaTeX, for MathTex and Tex",
    "texlive-latex-recommended": "LaTeX packages of manim's default template",
    "texlive-latex-extra": "the standalone and preview classes of manim's template",
    "texlive-fonts-recommended": "the fonts LaTeX formulas are drawn in",
    "dvisvgm": "turns compiled LaTeX into SVG paths",
    "fonts-dejavu-core": "the font on-screen text is set in",
    "espeak-ng": "the draft voice (VOICE=draft) that speaks each beat's narration",
}

#: Debian packages only the test suite needs: the gallery is tested in a real browser.
TEST_DEBIAN_PACKAGES: dict[str, str] = {
    "chromium": "the browser the review gallery is tested in (headless)",
    "chromium-driver": "WebDriver for it, which Selenium drives",
}

STAMP_NAME = ".bootstrap-stamp"
TEST_STAMP_NAME = ".test-setup-stamp"


def say(message: str) -> None:
    """Print one line of progress, flushed, prefixed so it stands out in make's log."""
    print(f"setup: {message}", flush=True)


def fail(message: str, code: int = 1) -> None:
    """Print an error the user can act on and exit."""
    print(f"setup: error: {message}", file=sys.stderr, flush=True)
    raise SystemExit(code)


def missing_debian_packages(packages: list[str]) -> list[str]:
    """The packages of ``packages`` that dpkg does not report as installed."""
    missing = []
    for name in packages:
        result = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", name],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0 or "install ok installed" not in result.stdout:
            missing.append(name)
    return missing


def ensure_debian_packages(wanted: dict[str, str], *, for_venv: bool = True) -> None:
    """Install the missing ones of ``wanted`` with apt-get, or say how to.

    ``for_venv`` adds python3-venv where this Python cannot create a virtual environment.
    """
    if shutil.which("dpkg-query") is None:
        say("not a Debian system (no dpkg); make sure these are installed: " + " ".join(wanted))
        return
    packages = list(wanted)
    if for_venv and not ensurepip_available():
        packages.append("python3-venv")
    missing = missing_debian_packages(packages)
    if not missing:
        say("Debian packages: all present")
        return
    say("Debian packages missing:")
    for name in missing:
        say(f"  {name:28s} {wanted.get(name, 'creates the virtual environment')}")
    command = ["apt-get", "install", "-y", "--no-install-recommends", *missing]
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        fail(
            "cannot install them without root. Run this, then make again:\n"
            f"    sudo apt-get update && sudo {' '.join(command)}"
        )
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    say("running apt-get update")
    run_or_fail(["apt-get", "update", "-q"], env=env, what="apt-get update")
    say("running " + " ".join(command))
    run_or_fail(command, env=env, what="apt-get install")
    still_missing = missing_debian_packages(missing)
    if still_missing:
        fail("apt-get finished but these are still not installed: " + " ".join(still_missing))


def ensurepip_available() -> bool:
    """Whether this Python can create a virtual environment with pip in it."""
    try:
        import ensurepip  # noqa: F401
    except ImportError:
        return False
    return True


def run_or_fail(command: list[str], *, what: str, env: dict[str, str] | None = None) -> None:
    """Run ``command``, streaming its output; on failure, say which step failed."""
    result = subprocess.run(command, env=env, check=False)
    if result.returncode != 0:
        fail(f"{what} failed (exit status {result.returncode}); its output is above")


def ensure_venv(root: Path, venv_dir: Path) -> Path:
    """Create ``venv_dir`` if needed and install the project into it; return its python."""
    python = venv_dir / "bin" / "python"
    if not python.exists():
        say(f"creating the virtual environment {venv_dir}")
        venv.EnvBuilder(with_pip=True).create(venv_dir)
    say("installing the project and its Python packages into the virtual environment")
    say("  (manim, numpy, scipy, av, jinja2, pytest, xdist, hypothesis, ruff, selenium; editable)")
    run_or_fail(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--progress-bar",
            "off",
            "-e",
            f"{root}[test]",
        ],
        what="pip install",
    )
    return python


def stamp_text(root: Path, packages: dict[str, str]) -> str:
    """What the stamp records: the inputs that, when they change, call for a new set-up."""
    digest = hashlib.sha256()
    digest.update((root / "pyproject.toml").read_bytes())
    digest.update(Path(__file__).read_bytes())
    digest.update(" ".join(sorted(packages)).encode())
    return digest.hexdigest() + "\n"


def set_up_tests(venv_dir: Path) -> int:
    """Install the test suite's Debian packages once; the stamp lives in the venv."""
    stamp = venv_dir / TEST_STAMP_NAME
    wanted = hashlib.sha256(
        Path(__file__).read_bytes() + " ".join(sorted(TEST_DEBIAN_PACKAGES)).encode()
    ).hexdigest()
    if stamp.exists() and stamp.read_text().strip() == wanted:
        stamp.touch()
        return 0
    say("preparing this machine for the test suite (once; later runs skip this)")
    ensure_debian_packages(TEST_DEBIAN_PACKAGES, for_venv=False)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(wanted + "\n")
    say("test set-up done")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--venv", type=Path, default=None)
    parser.add_argument(
        "--tests", action="store_true", help="install what only the test suite needs (Chromium)"
    )
    args = parser.parse_args(argv)
    root = args.root.resolve()
    venv_dir = (args.venv or root / ".venv").resolve()
    if sys.version_info < (3, 11):  # noqa: UP036 - this runs on the system Python
        fail(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}")
    # Two builds started at once on a fresh machine set up one after the other: the second
    # finds the first one's stamp and has nothing left to do.
    lock = venv_dir.with_name(f"{venv_dir.name}.setup.lock")
    with exclusive(lock, "the set-up", command=" ".join(sys.argv), say=say):
        return set_up_tests(venv_dir) if args.tests else set_up(root, venv_dir)


def set_up(root: Path, venv_dir: Path) -> int:
    packages = dict(DEBIAN_PACKAGES)
    stamp = venv_dir / STAMP_NAME
    wanted = stamp_text(root, packages)
    if stamp.exists() and stamp.read_text() == wanted:
        stamp.touch()  # newer than its inputs again, so make skips this next time
        return 0
    say(f"preparing this machine for {root.name} (once; later runs skip this)")
    ensure_debian_packages(packages)
    ensure_venv(root, venv_dir)
    stamp.write_text(wanted)
    say("done")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
