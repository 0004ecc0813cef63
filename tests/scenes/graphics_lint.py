"""The graphics lint: what the text lint cannot see in a frame.

``graphics_problems(scene)`` looks at the scene's current frame, as the text lint
does, and names:

- a plotted line, curve, area or point that runs past the box of the axes or plane
  it is drawn on (it belongs to the axes whose box holds its centre);
- axes or a plane without numbered ticks on both axes, unless the scene marked them
  qualitative with ``style.qualitative(axes, why)``;
- captions grouped as one row (same size, side by side, centres within a few lines
  of each other) whose baselines differ;
- equations stacked as a system (one under another, each with one relation sign set
  as its own part) whose relation signs do not line up;
- anything drawn over the title.
"""

from __future__ import annotations

import itertools
import statistics

from manim import (
    Axes,
    BackgroundRectangle,
    DecimalNumber,
    Dot,
    Line,
    MathTex,
    Matrix,
    Mobject,
    ParametricFunction,
    Polygram,
    RoundedRectangle,
    Scene,
    SingleStringMathTex,
    SurroundingRectangle,
    Text,
    VMobject,
)

from scenes import style
from tests.scenes.harness import Box, box_of, boxes_overlap, describe, font_size_of, is_visible

#: How far a plotted thing may reach past its axes' box: half a stroke, a dot's radius.
PLOT_TOLERANCE = 0.1
#: Baselines of one row of captions may differ by this much (scene units).
BASELINE_TOLERANCE = 0.04
#: Captions whose centres are within this many line heights of each other read as one row
#: (the captions under matrices of different heights, each hanging under its own).
ROW_REACH = 2.5
#: Relation signs of a stacked system may differ by this much horizontally.
RELATION_TOLERANCE = 0.05
#: The relation signs a system of equations is aligned at.
RELATIONS = {"=", "<", ">", r"\le", r"\ge", r"\leq", r"\geq", r"\approx", r"\ne", r"\neq"}
#: Things drawn on axes: curves, lines and arrows, points, areas.
PLOTTED = (ParametricFunction, Line, Dot, Polygram)
#: Frames around text and panels: not plots, though they are polygons.
FRAMES = (RoundedRectangle, SurroundingRectangle, BackgroundRectangle)


def visible_family(scene: Scene) -> list[Mobject]:
    """Every visible mobject on screen, outermost first, each once."""
    seen: set[int] = set()
    found: list[Mobject] = []
    for top in scene.mobjects:
        for member in top.get_family():
            if id(member) not in seen:
                seen.add(id(member))
                found.append(member)
    return [m for m in found if is_visible(m)]


def axes_box(axes: Axes) -> Box:
    """The box the axes' ranges span now, in scene units (after any transformation)."""
    (x0, x1), (y0, y1) = axes.x_range[:2], axes.y_range[:2]
    corners = [axes.c2p(x, y) for x in (x0, x1) for y in (y0, y1)]
    xs, ys = [float(c[0]) for c in corners], [float(c[1]) for c in corners]
    return min(xs), min(ys), max(xs), max(ys)


def contains(outer: Box, inner: Box, tolerance: float = 0.0) -> bool:
    return (
        inner[0] >= outer[0] - tolerance
        and inner[1] >= outer[1] - tolerance
        and inner[2] <= outer[2] + tolerance
        and inner[3] <= outer[3] + tolerance
    )


def numbered_axes(axes: Axes) -> int:
    """How many of the axes' two axes carry at least two visible tick numbers."""
    numbered = 0
    for axis in axes.get_axes():
        labels = [*getattr(axis, "numbers", []), *getattr(axis, "labels", [])]
        numbered += sum(1 for label in labels if is_visible(label)) >= 2
    return numbered


def plot_problems(scene: Scene, when: str, family: list[Mobject]) -> list[str]:
    """Plots running past their axes' box, and axes without numbered ticks."""
    problems = []
    all_axes = [m for m in family if isinstance(m, Axes)]
    owned = {id(m) for axes in all_axes for part in structure(axes) for m in part.get_family()}
    owned.update(id(axes) for axes in all_axes)
    for axes in all_axes:
        if numbered_axes(axes) < 2 and not style.is_qualitative(axes):
            problems.append(
                f"{when}: {type(axes).__name__} at {centre_of(axes)} has no numbered ticks on "
                "both axes (number them, or say why not with style.qualitative(axes, why))"
            )
    boxes = sorted(((axes_box(a), a) for a in all_axes), key=lambda pair: area(pair[0]))
    for member in family:
        if id(member) in owned or not isinstance(member, PLOTTED) or isinstance(member, FRAMES):
            continue
        box = box_of(member)
        middle = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
        home = next((b for b, _ in boxes if contains(b, (*middle, *middle))), None)
        if home is not None and not contains(home, box, PLOT_TOLERANCE):
            problems.append(
                f"{when}: {type(member).__name__} at {centre_of(member)} runs past the box of "
                "the axes it is drawn on (clip it with style.clipped_to)"
            )
    return problems


def structure(axes: Axes) -> list[Mobject]:
    """The axes' own parts: axis lines, ticks, tips, numbers, labels, grid lines.

    Whatever else a scene adds into the axes' group (a graph, a line, a dot) is a plot
    and is checked like one drawn beside them.
    """
    parts = list(axes.get_axes())
    for name in ("axis_labels", "coordinate_labels", "background_lines", "faded_lines"):
        part = getattr(axes, name, None)
        if isinstance(part, Mobject):
            parts.append(part)
    return parts


def area(box: Box) -> float:
    return (box[2] - box[0]) * (box[3] - box[1])


def centre_of(mobject: Mobject) -> str:
    x, y, _ = mobject.get_center()
    return f"({x:.2f}, {y:.2f})"


def glyphs(mobject: Mobject) -> list[VMobject]:
    """The leaf shapes a text or formula is drawn with."""
    return [m for m in mobject.family_members_with_points() if not m.submobjects]


def baseline(mobject: Mobject) -> float:
    """Where most glyphs of a one-line text stand (descenders and brackets outvoted)."""
    bottoms = [round(float(g.get_bottom()[1]), 2) for g in glyphs(mobject)]
    return statistics.median(bottoms) if bottoms else float(mobject.get_bottom()[1])


def is_one_line(mobject: Mobject) -> bool:
    size = font_size_of(mobject) or style.LABEL_SIZE
    return mobject.height < 2.2 * size / 48  # one line of this size, with some room for ^ and _


def captions_of(family: list[Mobject], title: Mobject | None) -> list[Mobject]:
    """One-line texts and formulas on screen, except tick numbers, matrix entries, the title."""
    skipped: set[int] = set()
    for member in family:
        if isinstance(member, Axes | Matrix) or member is title:
            skipped.update(id(m) for m in member.get_family())
    found: list[Mobject] = []
    for member in family:
        if id(member) in skipped or not isinstance(member, Text | MathTex | DecimalNumber):
            continue
        if isinstance(member, SingleStringMathTex) and not isinstance(member, MathTex):
            continue
        if any(id(m) in {id(f) for f in found} for m in member.get_family()[1:]):
            continue
        skipped.update(id(m) for m in member.get_family()[1:])  # its parts are not captions
        if is_one_line(member):
            found.append(member)
    return found


def row_problems(when: str, family: list[Mobject], captions: list[Mobject]) -> list[str]:
    """Captions a scene grouped as one row (side by side) that stand on different baselines.

    A row is a group whose members are all one-line captions of one size, side by side,
    centres within a few lines of each other: the names under a row of matrices, the
    labels along a strip of pictures.
    """
    problems = []
    is_caption = {id(c) for c in captions}
    for group in family:
        members = group.submobjects
        if len(members) < 2 or not all(id(m) in is_caption for m in members):
            continue
        sizes = {font_size_of(m) for m in members}
        boxes = [box_of(m) for m in members]
        side_by_side = all(
            min(a[2], b[2]) < max(a[0], b[0]) for a, b in itertools.combinations(boxes, 2)
        )
        line = max(box[3] - box[1] for box in boxes)
        centres = [float(m.get_center()[1]) for m in members]
        if len(sizes) != 1 or not side_by_side or max(centres) - min(centres) > ROW_REACH * line:
            continue
        baselines = [baseline(m) for m in members]
        if max(baselines) - min(baselines) > BASELINE_TOLERANCE:
            lowest, highest = (
                members[baselines.index(min(baselines))],
                members[baselines.index(max(baselines))],
            )
            problems.append(
                f"{when}: {describe(highest)} and {describe(lowest)} label one row but stand "
                f"{max(baselines) - min(baselines):.2f} apart (align them on one baseline)"
            )
    return problems


def relation_part(formula: MathTex) -> Mobject | None:
    """The formula's one relation sign, when it is set as a part of its own."""
    parts = [p for p in formula.submobjects if getattr(p, "tex_string", "").strip() in RELATIONS]
    return parts[0] if len(parts) == 1 else None


def system_problems(when: str, family: list[Mobject]) -> list[str]:
    """Equations stacked one under another whose relation signs do not line up."""
    problems = []
    for group in family:
        rows = [m for m in group.submobjects if isinstance(m, MathTex) and relation_part(m)]
        if len(rows) < 2 or len(rows) != len(group.submobjects):
            continue
        stacked = all(
            upper.get_bottom()[1] >= lower.get_top()[1] - 0.05
            for upper, lower in itertools.pairwise(rows)
        )
        signs = [float(relation_part(r).get_center()[0]) for r in rows]
        if stacked and max(signs) - min(signs) > RELATION_TOLERANCE:
            problems.append(
                f"{when}: the system {describe(rows[0])} ... is not aligned at its relation "
                f"signs (they stand {max(signs) - min(signs):.2f} apart)"
            )
    return problems


def title_problems(when: str, scene: Scene, title: Mobject | None) -> list[str]:
    if title is None:
        return []
    title_box = box_of(title)
    return [
        f"{when}: {describe(top)} is drawn over the title"
        for top in scene.mobjects
        if title not in top.get_family()
        and is_visible(top)
        and boxes_overlap(box_of(top), title_box)
    ]


def find_title(family: list[Mobject]) -> Mobject | None:
    return next(
        (m for m in family if isinstance(m, Text) and font_size_of(m) == style.TITLE_SIZE), None
    )


def graphics_problems(scene: Scene) -> list[str]:
    """Everything the graphics lint finds in the scene's current frame."""
    when = f"{type(scene).__name__} at t={scene.time:.2f}s"
    family = visible_family(scene)
    title = find_title(family)
    return [
        *plot_problems(scene, when, family),
        *row_problems(when, family, captions_of(family, title)),
        *system_problems(when, family),
        *title_problems(when, scene, title),
    ]
