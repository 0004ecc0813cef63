"""Subtitles as plain data: read SRT, shift and merge cues, write SRT and WebVTT.

Times are whole milliseconds (what both formats can express). A lecture's
subtitles are its scenes' cues, each shifted by the scene's start; browsers
want WebVTT for a ``<track>``, so the gallery converts every ``.srt`` to a
``.vtt``, and chapter lists are WebVTT files too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_TIME = r"(\d+):(\d{2}):(\d{2})[,.](\d{3})"
_TIMING = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}")


class SubtitleError(ValueError):
    """A subtitle file that cannot be read."""


@dataclass(frozen=True)
class Cue:
    """One subtitle: shown from ``start`` to ``end`` milliseconds."""

    start: int
    end: int
    text: str

    def shifted(self, milliseconds: int) -> Cue:
        return Cue(self.start + milliseconds, self.end + milliseconds, self.text)


def timestamp(milliseconds: int, separator: str = ",") -> str:
    """``HH:MM:SS,mmm`` (SRT) or, with ``separator="."``, ``HH:MM:SS.mmm`` (WebVTT)."""
    seconds, millis = divmod(max(0, milliseconds), 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}{separator}{millis:03d}"


def parse_srt(text: str, source: str = "subtitles") -> list[Cue]:
    """The cues of an SRT file, in file order; ``source`` names it in errors."""
    cues: list[Cue] = []
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n").strip())
    for number, block in enumerate((b for b in blocks if b.strip()), start=1):
        lines = block.split("\n")
        timing_at = next((i for i, line in enumerate(lines) if "-->" in line), None)
        match = _TIMING.match(lines[timing_at]) if timing_at is not None else None
        if match is None:
            raise SubtitleError(
                f"{source}: subtitle #{number} has no time line like "
                f"'00:00:01,000 --> 00:00:02,500': {block.splitlines()[0]!r}"
            )
        h1, m1, s1, f1, h2, m2, s2, f2 = (int(group) for group in match.groups())
        start = ((h1 * 60 + m1) * 60 + s1) * 1000 + f1
        end = ((h2 * 60 + m2) * 60 + s2) * 1000 + f2
        cues.append(Cue(start, end, "\n".join(lines[timing_at + 1 :]).strip()))
    return cues


def format_srt(cues: Iterable[Cue]) -> str:
    """SRT text of ``cues``, numbered from 1."""
    blocks = [
        f"{i}\n{timestamp(cue.start)} --> {timestamp(cue.end)}\n{cue.text}\n"
        for i, cue in enumerate(cues, start=1)
    ]
    return "\n".join(blocks)


def _vtt_text(text: str) -> str:
    """Cue text with WebVTT's markup characters escaped (narration may say ``x < y``)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def format_vtt(cues: Iterable[Cue]) -> str:
    """WebVTT text of ``cues``; each cue keeps its number as its identifier."""
    blocks = [
        f"{i}\n{timestamp(cue.start, '.')} --> {timestamp(cue.end, '.')}\n{_vtt_text(cue.text)}\n"
        for i, cue in enumerate(cues, start=1)
    ]
    return "WEBVTT\n\n" + "\n".join(blocks)


def srt_to_vtt(text: str, source: str = "subtitles") -> str:
    """The WebVTT equivalent of an SRT file."""
    return format_vtt(parse_srt(text, source))


def merge(parts: Iterable[tuple[list[Cue], int]]) -> list[Cue]:
    """One list of cues from ``(cues, start in milliseconds)`` pairs, each shifted by its start."""
    return [cue.shifted(start) for cues, start in parts for cue in cues]
