"""A smoke test of the benchmark: it runs end to end on the fixture at the tiny quality."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.pipeline.conftest import FIXTURE, REPO


def test_benchmark_runs_on_the_fixture_and_reports_every_measure(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.run",
            "--fixture",
            str(FIXTURE),
            "--fast-quality",
            "t",
            "--full-quality",
            "t",
            "--repeats",
            "1",
            "--out",
            str(tmp_path),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    results = json.loads((tmp_path / "results.json").read_text())
    assert results["fast"]["scenes"] == 3
    assert results["fast"]["ratio"] > 0
    assert results["noop"]["manim_started"] is False
    assert results["one_edit"]["rerendered"] == results["one_edit"]["expected"]
    assert results["latex"]["compilations"] == results["latex"]["distinct_formulas"] > 0
    assert results["full"]["frames"] > 0 and results["ceiling"]["fps"] > 0
    assert 0 < results["memory"]["peak_rss_mib"] < 4096
    assert results["cores"]["speedup"] > 0
    assert results["cores"]["workers"].startswith("rendering 3 scene(s) with ")
    assert "JOBS=1 / default make" in result.stdout
    assert results["storyboard"]["fraction_of_render"] > 0
    assert "9. storyboards (no video) / JOBS=1 build" in result.stdout
    assert results["cluster"]["seconds"] > 0 and results["cluster"]["plan"]["66"]
    assert "10. two-worker Dask cluster / local pool" in result.stdout
    assert "1. 144p5 curriculum (3 scenes): plain / ours" in result.stdout
    assert f"{results['machine']['cores']} cores; manim" in result.stdout


def test_benchmark_measures_only_the_rows_asked_for(tmp_path):
    result = subprocess.run(
        [
            *(sys.executable, "-m", "bench.run", "--fixture", str(FIXTURE)),
            *("--fast-quality", "t", "--repeats", "1", "--rows", "3", "--out", str(tmp_path)),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    results = json.loads((tmp_path / "results.json").read_text())
    assert results["one_edit"]["rerendered"] == results["one_edit"]["expected"]
    assert results["fast"]["ratio"] is None  # plain manim is row 1's, not asked for
    assert not {"full", "noop", "cores", "storyboard", "cluster"} & set(results)
    assert "3. one scene module edited" in result.stdout
    assert "2. no-op make" not in result.stdout


def test_benchmark_refuses_a_row_it_does_not_have():
    result = subprocess.run(
        [sys.executable, "-m", "bench.run", "--rows", "3,12"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "give row numbers 1-10 separated by commas" in result.stderr


def test_rendered_scenes_are_read_from_the_build_s_lines_however_many_scenes():
    from bench.run import rendered_names

    output = (
        "rendering 2 scene(s) with 2 workers\n"
        "[ 1/19] SheriffAndRobber 480p15 ... done in 12.9 s\n"
        "[12/19] DotProduct 480p15 ... done in 3.0 s (cluster)\n"
        "lecture 01-data-structures ... done in 0.4 s\n"
        "[3/3] MovingDot 144p5 up to date\n"
    )
    assert rendered_names(output) == ["SheriffAndRobber", "DotProduct"]
