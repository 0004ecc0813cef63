"""The recording script (``make script``): what the lecturer records, beat by beat.

For each scene of the selection, in course order, and each of its beats in order:
the file to record (``narration/<Scene>/NN-hhhhhhhh.wav``, see :mod:`pipeline.voice`),
whether it is recorded, missing or stale, the time the beat takes in the build as
it stands, and the text to say. The script is Markdown, written to
``renders/script/``; the beats come from playing each scene without drawing it,
so the script is right even for scenes not rendered yet.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from pipeline import voice
from pipeline.manifest import SceneEntry
from pipeline.state import write_text_atomically

FOLDER = Path("renders") / "script"

HOW_TO_RECORD = f"""\
Record each beat into the file named beside it: a WAV file (PCM 16- or 24-bit, or
32-bit float; mono or stereo; any sample rate, 48 kHz is best) under `{voice.NARRATION}/`
in the project, one folder per scene. The number in a file's name is the beat's place
in its scene; the rest is a hash of the beat's text, so a recording stays matched to the
words it says: when the text changes, the recording counts as stale until it is
recorded again. Silence before and after the speech is trimmed, and every take is
brought to the same loudness ({{target:g}} LUFS), so record at a comfortable
level without clipping. Then `make VOICE=recorded` uses the recordings; a beat without
one is spoken by the draft voice and named in the build's report and the gallery.
"""


def script_name(scene: str | None, section: int | None) -> str:
    """The script's file name for a selection: one scene, one section, or the course."""
    if scene:
        return f"{scene}.md"
    if section is not None:
        return f"section-{section:02d}.md"
    return "course.md"


def _status(root: Path, scene: str, beat: dict[str, Any]) -> voice.Take:
    return voice.find_take(root, scene, int(beat["index"]), str(beat["text"]))


def render_script(
    root: Path,
    found: list[tuple[SceneEntry, dict[str, Any]]],
    *,
    title: str,
    mode: str,
) -> tuple[str, Counter[str]]:
    """The script's Markdown, and how many beats are recorded, missing and stale."""
    from pipeline import audio  # numpy and scipy: only for a script

    counts: Counter[str] = Counter()
    body: list[str] = []
    for entry, record in found:
        beats = (record.get("voice") or {}).get("beats") or []
        section = entry.section
        body.append(
            f"## {section.number}.{entry.position} {entry.name}: {entry.title} "
            f"({voice.seconds_text(float(record.get('duration') or 0))})"
        )
        body.append("")
        if not beats:
            body.append("This scene has no narrated beats.")
            body.append("")
        for beat in beats:
            take = _status(root, entry.name, beat)
            counts[take.status] += 1
            start, end = float(beat["start"]), float(beat["end"])
            note = ""
            if take.status == "stale":
                note = f"; {take.found} was recorded for an older text"
            elif take.status == "recorded" and take.found != take.expected:
                note = f"; recorded as {take.found}"
            body.append(
                f"{int(beat['index']):02d}. `{take.expected}` ({take.status}{note})  \n"
                f"    {voice.seconds_text(start)} to {voice.seconds_text(end)}, "
                f"{end - start:.1f} s"
            )
            body.append("")
            body.append(f"    > {' '.join(str(beat['text']).split())}")
            body.append("")
    total = sum(counts.values())
    tally = ", ".join(f"{counts[k]} {k}" for k in ("recorded", "missing", "stale"))
    head = [
        f"# Recording script: {title}",
        "",
        HOW_TO_RECORD.format(target=audio.TARGET_LUFS),
        f"Times are those of a build with VOICE={mode}. {total} beats: {tally}.",
        "",
    ]
    return "\n".join(head + body).rstrip() + "\n", counts


def write_script(
    root: Path,
    found: list[tuple[SceneEntry, dict[str, Any]]],
    *,
    name: str,
    title: str,
    mode: str,
) -> tuple[Path, Counter[str]]:
    """Write the script under ``renders/script/``; its path and the beats' counts."""
    text, counts = render_script(root, found, title=title, mode=mode)
    path = root / FOLDER / name
    write_text_atomically(path, text)
    return path, counts
