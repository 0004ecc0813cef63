"""Refreshing a reference poster replaces it whole or leaves the reviewed one as it was."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.scenes.conftest import REPO

# A child process whose files may not grow past 64 bytes: writes fail with EFBIG, as on a
# full disk, without any root privileges or mocks.
INSTALL_WITH_A_SMALL_DISK = """
import resource, signal, sys
from pathlib import Path
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (64, 64))
from tests.scenes.refresh_posters import install
install(Path(sys.argv[1]), Path(sys.argv[2]))
"""


def install_in_child(poster: Path, reference: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", INSTALL_WITH_A_SMALL_DISK, str(poster), str(reference)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_refresh_that_cannot_write_leaves_the_reviewed_poster_whole(tmp_path: Path):
    reference = tmp_path / "Scene.png"
    reference.write_bytes(b"the reviewed poster")
    poster = tmp_path / "new.png"
    poster.write_bytes(b"x" * 4096)  # larger than the child may write
    result = install_in_child(poster, reference)
    assert result.returncode != 0
    assert "File too large" in result.stderr
    assert reference.read_bytes() == b"the reviewed poster"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Scene.png", "new.png"]


def test_a_refresh_that_can_write_replaces_the_poster(tmp_path: Path):
    reference = tmp_path / "Scene.png"
    reference.write_bytes(b"the reviewed poster")
    poster = tmp_path / "new.png"
    poster.write_bytes(b"small new poster")
    assert install_in_child(poster, reference).returncode == 0
    assert reference.read_bytes() == b"small new poster"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Scene.png", "new.png"]
