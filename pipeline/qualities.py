"""Render qualities: manim's letters, their resolution and frame rate, and folder names."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Quality:
    """One render quality, named as manim's ``-q`` flag names it."""

    letter: str
    manim_name: str
    pixel_width: int
    pixel_height: int
    frame_rate: int

    @property
    def folder(self) -> str:
        """Output folder name, as manim names it: ``{height}p{fps}``, e.g. ``1080p60``."""
        return f"{self.pixel_height}p{self.frame_rate}"

    def as_record(self) -> dict[str, int | str]:
        return {
            "pixel_width": self.pixel_width,
            "pixel_height": self.pixel_height,
            "frame_rate": self.frame_rate,
        }


QUALITIES: dict[str, Quality] = {
    q.letter: q
    for q in (
        Quality("l", "low_quality", 854, 480, 15),
        Quality("m", "medium_quality", 1280, 720, 30),
        Quality("h", "high_quality", 1920, 1080, 60),
        Quality("p", "production_quality", 2560, 1440, 60),
        Quality("k", "fourk_quality", 3840, 2160, 60),
        # Not one of manim's: a tiny, fast quality for the test suite.
        Quality("t", "test_quality", 256, 144, 5),
    )
}


def quality(letter: str) -> Quality:
    """The quality named by ``letter``; an unknown letter lists the ones there are."""
    try:
        return QUALITIES[letter]
    except KeyError:
        options = ", ".join(f"{q.letter} ({q.folder})" for q in QUALITIES.values())
        raise ValueError(f"unknown QUALITY {letter!r}; choose one of {options}") from None
