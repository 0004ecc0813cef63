"""SVDCompression shows the rank-k numbers lib computes, and follows other ranks."""

from __future__ import annotations

import pytest

from lib import linalg
from scenes.style import fmt
from tests.scenes.conftest import scene_class
from tests.scenes.harness import (
    assert_frames_differ,
    final_screen_text,
    numbers_check,
    render,
    variant,
)

pytestmark = pytest.mark.render

DEFAULT_KS = (1, 2, 4, 8, 16, 32, 64)


def grouped(count: int) -> str:
    """A count as the scene writes it in TeX, with thousands separators: 16{,}384."""
    return f"{count:,}".replace(",", "{,}")


@numbers_check("SVDCompression")
def check_svd_compression(result, ks=None) -> None:
    scene = result.scene
    ks = sorted(int(k) for k in (scene.ks if ks is None else ks))  # played smallest first
    shown = scene.numbers
    image = linalg.default_image(int(scene.image_size))
    m, n = image.shape
    assert shown["shape"] == (m, n)
    assert shown["original_values"] == m * n
    assert shown["per_term"] == m + n + 1
    row, column = (int(v) for v in scene.patch)
    assert shown["patch"] == pytest.approx(image[row : row + 4, column : column + 4])
    for k in ks:
        expected = linalg.svd_compress(image, k)
        assert shown[f"k_{k}"] == k
        assert shown[f"stored_{k}"] == expected.stored_values == k * (m + n + 1)
        assert shown[f"original_{k}"] == expected.original_values == m * n
        assert shown[f"fraction_{k}"] == pytest.approx(expected.storage_fraction)
        assert shown[f"error_{k}"] == pytest.approx(expected.relative_error)
    assert not any(key.startswith("k_") and int(key[2:]) not in ks for key in shown)

    _, spectrum, _ = linalg.svd(image)
    plotted = shown["spectrum"]
    assert len(plotted) == min(len(spectrum), max(int(scene.spectrum_count), max(ks)))
    assert plotted == pytest.approx(tuple(spectrum[: len(plotted)]))
    assert shown["sigmas"] == pytest.approx(tuple(spectrum[:3]))

    screen = final_screen_text(scene)
    thumbnails = sorted(
        int(key.rsplit("_", 1)[1]) for key in shown if key.startswith("thumbnail_k_")
    )
    assert thumbnails[0] == ks[0] and thumbnails[-1] == ks[-1], "poster skips the ends"
    for k in thumbnails:
        assert fmt(shown[f"thumbnail_fraction_{k}"], "ratio") in screen, f"k={k} storage"
        assert fmt(shown[f"thumbnail_error_{k}"], "error") in screen, f"k={k} error"
    good = next((k for k in ks if shown[f"error_{k}"] < scene.good_error), ks[-1])
    assert shown["summary_k_" + str(good)] == good
    assert good in thumbnails
    assert f"k = {good}" in screen
    assert rf"{grouped(shown[f'stored_{good}'])} \text{{ of }} {grouped(m * n)}" in screen


def test_svd_compression_shows_the_numbers_lib_computes(rendered):
    result = rendered("SVDCompression")
    check_svd_compression(result, DEFAULT_KS)
    shown = result.scene.numbers
    assert shown["stored_8"] == 2056
    assert fmt(shown["fraction_8"], "ratio") == r"12.5\%"
    assert fmt(shown["error_8"], "error") == r"6.6\%"
    assert shown["stored_64"] > shown["original_64"]  # past k = 64 the SVD stores more
    screen = final_screen_text(result.scene)
    assert r"4{,}112 \text{ of } 16{,}384" in screen
    assert r"3.6\%" in screen and r"25.1\%" in screen


def test_svd_compression_follows_other_ranks(rendered, tmp_path, tex_cache):
    ks = (1, 3, 9, 27)
    changed = render(variant(scene_class("SVDCompression"), ks=ks), tmp_path, tex_cache)
    check_svd_compression(changed, ks)
    assert changed.layout_problems == []
    assert 20 <= changed.duration <= 90
    assert_frames_differ(rendered("SVDCompression"), changed)
