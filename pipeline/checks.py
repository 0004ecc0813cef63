"""Check, before any render starts, that the system has what manim needs."""

from __future__ import annotations

import ctypes.util
import shutil
import subprocess
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One missing system dependency and the Debian packages that provide it."""

    what: str
    packages: tuple[str, ...]


LATEX_PACKAGES = (
    "texlive-latex-base",
    "texlive-latex-recommended",
    "texlive-latex-extra",
    "texlive-fonts-recommended",
)
#: The LaTeX files manim's default template loads.
LATEX_FILES = ("standalone.cls", "preview.sty", "amsmath.sty", "amssymb.sty", "babel.sty")


def find_problems(voice: str = "none") -> list[Problem]:
    """Every missing piece: LaTeX and its packages, dvisvgm, Cairo, Pango; espeak-ng for a voice."""
    problems: list[Problem] = []
    if voice != "none" and shutil.which("espeak-ng") is None:
        problems.append(Problem(f"espeak-ng (the draft voice, for VOICE={voice})", ("espeak-ng",)))
    if shutil.which("latex") is None:
        problems.append(Problem("LaTeX (the `latex` command)", LATEX_PACKAGES))
    elif shutil.which("kpsewhich") is not None:
        found = subprocess.run(
            ["kpsewhich", *LATEX_FILES], capture_output=True, text=True, check=False
        ).stdout.split()
        missing = [name for name in LATEX_FILES if not any(f.endswith(name) for f in found)]
        if missing:
            problems.append(Problem(f"LaTeX files {', '.join(missing)}", LATEX_PACKAGES))
    if shutil.which("dvisvgm") is None:
        problems.append(Problem("dvisvgm (turns LaTeX output into SVG)", ("dvisvgm",)))
    if ctypes.util.find_library("cairo") is None:
        problems.append(Problem("the Cairo library", ("libcairo2-dev",)))
    if ctypes.util.find_library("pangocairo-1.0") is None:
        problems.append(Problem("the Pango library", ("libpango1.0-dev",)))
    return problems


def describe(problems: list[Problem]) -> str:
    """A message that lists what is missing and the one command that installs it."""
    packages = sorted({p for problem in problems for p in problem.packages})
    lines = ["cannot render: the system is missing what manim needs:"]
    lines += [f"  - {problem.what}" for problem in problems]
    lines.append("install it with (as root), then run make again:")
    lines.append(f"    apt-get install -y --no-install-recommends {' '.join(packages)}")
    return "\n".join(lines)
