"""The graphics lint: what the text lint cannot see in a frame.

``graphics_problems(scene)`` looks at the scene's current frame, as the text lint
does, and names:

- a plotted line, curve, area or point that runs past the box of the axes or plane
  it is drawn on (it belongs to the axes whose box holds its centre);
- axes or a plane without numbered ticks on both axes, unless the scene marked them
  qualitative with ``style.qualitative(axes, why)``, or whose tick numbers run into each
  other;
- captions grouped as one row (same size, side by side, centres within a few lines
  of each other) whose baselines differ;
- equations stacked as a system (one under another, each with one relation sign set
  as its own part) whose relation signs do not line up;
- anything drawn over the title.
"""

from __future__ import annotations

import itertools
import re

import numpy as np
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
    Rectangle,
    RoundedRectangle,
    Scene,
    SingleStringMathTex,
    SurroundingRectangle,
    Text,
    ThreeDAxes,
)

from scenes import style
from tests.scenes.harness import Box, box_of, boxes_overlap, describe, font_size_of, is_visible

#: How far a plotted thing may reach past its axes' box: half a stroke, a dot's radius.
PLOT_TOLERANCE = 0.1
#: Baselines of one row of captions may differ by this much (scene units).
BASELINE_TOLERANCE = 0.04
#: Captions whose centres are within this many line heights of each other read as one row
#: (the captions under matrices of different heights, each hanging under its own, stood
#: 1.3 lines apart); labels further apart, such as those at two vectors' tips, do not.
ROW_REACH = 1.6
#: Relation signs of a stacked system may differ by this much horizontally.
RELATION_TOLERANCE = 0.05
#: The relation signs a system of equations is aligned at.
RELATIONS = {"=", "<", ">", r"\le", r"\ge", r"\leq", r"\geq", r"\approx", r"\ne", r"\neq"}
#: A tick number as written: an integer or decimal, perhaps negative, perhaps in braces,
#: perhaps a power (``10^{-4}`` on a log axis).
NUMBER = re.compile(r"\{?[-\u2212]?\d+(\.\d+)?\}?(\^\{?[-\u2212]?\d+\}?)?")
#: How far from its axis line a number may stand and still read as one of its ticks.
NUMBER_REACH = 0.5
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
    # Innermost first: a mobject is visible if its own points are drawn (a large enough
    # extent, not transparent) or any of its parts is, as harness.is_visible has it,
    # without measuring each part again for every group it belongs to.
    visible: set[int] = set()
    for member in reversed(found):
        if any(id(part) in visible for part in member.submobjects) or draws_itself(member):
            visible.add(id(member))
    return [m for m in found if id(m) in visible]


def draws_itself(mobject: Mobject) -> bool:
    """Whether ``mobject``'s own points show: spread over more than a speck, not transparent."""
    points = mobject.points
    if len(points) == 0 or np.ptp(points[:, :2], axis=0).max() < 1e-3:
        return False
    if not hasattr(mobject, "get_fill_opacity"):
        return True  # an image or other mobject drawn without opacities
    return float(np.max(mobject.get_fill_opacity())) > 0.05 or (
        float(np.max(mobject.get_stroke_opacity())) > 0.05
    )


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


def axes_texts(axes: Axes) -> list[Mobject]:
    """The tick numbers of both axes and the axes' names, those visible now."""
    found = []
    for axis in axes.get_axes():
        found += [*getattr(axis, "numbers", []), *getattr(axis, "labels", [])]
    found += list(getattr(axes, "axis_labels", []))
    return [label for label in found if is_visible(label)]


def crowded_numbers(when: str, axes: Axes) -> list[str]:
    """Tick numbers or axis names of ``axes`` that run into each other."""
    texts = axes_texts(axes)
    return [
        f"{when}: the tick numbers {describe(a)} and {describe(b)} of the "
        f"{type(axes).__name__} at {centre_of(axes)} run into each other (number fewer "
        "ticks: style.axes(most_numbers=...))"
        for a, b in itertools.combinations(texts, 2)
        if boxes_overlap(box_of(a), box_of(b))
    ]


def is_number(mobject: Mobject) -> bool:
    """Whether ``mobject`` is a number written on screen: ``2``, ``-1.5``, ``{-4}``."""
    if isinstance(mobject, DecimalNumber):
        return True
    if not isinstance(mobject, MathTex | Text):
        return False
    written = getattr(mobject, "tex_string", None) or getattr(mobject, "text", "")
    return bool(NUMBER.fullmatch(written.replace(" ", "")))


def near_axis(axis: Mobject, label: Mobject) -> bool:
    """Whether ``label`` stands beside ``axis`` (within a label's reach of its line)."""
    start, end = axis.get_start()[:2], axis.get_end()[:2]
    centre = label.get_center()[:2]
    along = end - start
    t = float(np.clip(np.dot(centre - start, along) / max(np.dot(along, along), 1e-12), 0, 1))
    return float(np.linalg.norm(start + t * along - centre)) <= NUMBER_REACH


def own_numbers(axis: Mobject) -> list[Mobject]:
    """The axis's tick numbers: from ``add_coordinates``, or declared with
    ``style.number_axis``."""
    return [
        *getattr(axis, "numbers", []),
        *getattr(axis, "labels", []),
        *getattr(axis, "tick_numbers", []),
    ]


def numbered_axes(axes: Axes, numbers: list[Mobject], on_screen: set[int] | None = None) -> int:
    """How many of the axes' two axes carry enough visible tick numbers to be read: its own
    (``add_coordinates``) or numbers the scene wrote beside it. One is enough on an axis
    whose range holds 0, where the other axis crosses it and marks 0; two elsewhere."""
    numbered = 0
    owners = {id(m): axis for axis in axes.get_axes() for m in own_numbers(axis)}
    for axis, axis_range in zip(axes.get_axes(), (axes.x_range, axes.y_range), strict=False):
        own = [m for m in own_numbers(axis) if on_screen is None or id(m) in on_screen]
        beside = [
            m for m in numbers if near_axis(axis, m) and owners.get(id(m), axis) is axis
        ]  # a number of the other axis, near the corner where they meet, is not this one's
        shown = {id(m) for m in (*own, *beside) if is_visible(m)}
        numbered += len(shown) >= style.numbers_to_read(axis_range)
    return numbered


def links_two_axes(mobject: Mobject, boxes: list[Box]) -> bool:
    """A straight line from a point on one axes to a point on another: a connector between
    two charts (a value on f read off on f'), not a plot on either."""
    if not isinstance(mobject, Line):
        return False
    ends = [tuple(float(c) for c in end[:2]) for end in (mobject.get_start(), mobject.get_end())]
    homes = [{k for k, b in enumerate(boxes) if contains(b, (*end, *end))} for end in ends]
    return bool(homes[0] and homes[1] and not homes[0] & homes[1])


def is_backdrop(mobject: Mobject) -> bool:
    """An opaque rectangle without an outline: what covers or backs a part of the frame
    (a curtain over a plane, a panel's card), not something plotted."""
    return (
        isinstance(mobject, Rectangle)
        and float(np.max(mobject.get_stroke_width())) == 0
        and float(np.max(mobject.get_fill_opacity())) > 0.9
    )


def plot_problems(scene: Scene, when: str, family: list[Mobject]) -> list[str]:
    """Plots running past their axes' box, and axes without numbered ticks.

    3-D axes are seen through the camera: their boxes and the places of their numbers in
    the frame are not their coordinates, so they are left to the eye.
    """
    problems = []
    every_axes = [m for m in family if isinstance(m, Axes)]
    owned = {id(m) for axes in every_axes for part in structure(axes) for m in part.get_family()}
    owned.update(id(axes) for axes in every_axes)
    all_axes = [axes for axes in every_axes if not isinstance(axes, ThreeDAxes)]
    numbers = [m for m in family if is_number(m)]
    on_screen = {id(m) for m in family}
    for axes in all_axes:
        if numbered_axes(axes, numbers, on_screen) < 2 and not style.is_qualitative(axes):
            problems.append(
                f"{when}: {type(axes).__name__} at {centre_of(axes)} has no numbered ticks on "
                "both axes (number them, or say why not with style.qualitative(axes, why))"
            )
        problems += crowded_numbers(when, axes)
    boxes = sorted(((axes_box(a), a) for a in all_axes), key=lambda pair: area(pair[0]))
    for member in family:
        if id(member) in owned or not isinstance(member, PLOTTED) or isinstance(member, FRAMES):
            continue
        if is_backdrop(member) or links_two_axes(member, [b for b, _ in boxes]):
            continue
        box = box_of(member)
        middle = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
        home = next((b for b, _ in boxes if contains(b, (*middle, *middle))), None)
        inside_some = any(contains(b, box, PLOT_TOLERANCE) for b, _ in boxes)
        if home is not None and not inside_some:
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


#: Boxes and font sizes measured while looking at the current frame, by mobject id: a
#: caption is measured once per frame however many checks ask (graphics_problems clears it).
MEASURED: dict[int, tuple[Box, float | None]] = {}


def measure(mobject: Mobject) -> tuple[Box, float | None]:
    """``mobject``'s box and font size in the current frame."""
    found = MEASURED.get(id(mobject))
    if found is None:
        found = MEASURED[id(mobject)] = (box_of(mobject), font_size_of(mobject))
    return found


def is_one_line(mobject: Mobject) -> bool:
    """Whether ``mobject`` is one line of text: not taller than a line of its size with
    room for ^ and _, and not a fraction (stacked, it has no one baseline)."""
    if r"\frac" in getattr(mobject, "tex_string", ""):
        return False
    box, size = measure(mobject)
    return box[3] - box[1] < 2.2 * (size or style.LABEL_SIZE) / 48


def captions_of(family: list[Mobject], title: Mobject | None) -> list[Mobject]:
    """One-line texts and formulas on screen, except tick numbers, matrix entries, the title."""
    skipped: set[int] = set()
    for member in family:
        if isinstance(member, Axes | Matrix) or member is title:
            skipped.update(id(m) for m in member.get_family())
    found: list[Mobject] = []
    found_ids: set[int] = set()
    for member in family:
        if id(member) in skipped or not isinstance(member, Text | MathTex | DecimalNumber):
            continue
        if isinstance(member, SingleStringMathTex) and not isinstance(member, MathTex):
            continue
        parts = {id(m) for m in member.get_family()[1:]}
        if parts & found_ids:
            continue
        skipped |= parts  # its parts are not captions
        if is_one_line(member):
            found.append(member)
            found_ids.add(id(member))
    return found


def row_problems(
    when: str, family: list[Mobject], captions: list[Mobject], plots: list[Box]
) -> list[str]:
    """Captions a scene grouped as one row (side by side) that stand on different baselines.

    A row is a group whose members are all one-line captions of one size, side by side,
    centres within a few lines of each other: the names under a row of matrices, the
    labels along a strip of pictures. Labels inside the box of a plot (``plots``) stand
    where the data puts them, at the tips of vectors, and are no row.
    """
    problems = []
    is_caption = {id(c) for c in captions}
    for group in family:
        members = group.submobjects
        if len(members) < 2 or not all(id(m) in is_caption for m in members):
            continue
        boxes = [measure(m)[0] for m in members]
        middles = [((b[0] + b[2]) / 2, (b[1] + b[3]) / 2) for b in boxes]
        if any(contains(p, (x, y, x, y)) for p in plots for x, y in middles):
            continue
        side_by_side = all(
            min(a[2], b[2]) < max(a[0], b[0]) for a, b in itertools.combinations(boxes, 2)
        )
        line = max(box[3] - box[1] for box in boxes)
        centres = [y for _, y in middles]
        if not side_by_side or max(centres) - min(centres) > ROW_REACH * line:
            continue
        if len({measure(m)[1] for m in members}) != 1:
            continue
        baselines = [style.baseline(m) for m in members]
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
        and max(m.z_index for m in top.get_family()) >= title.z_index  # not beneath it
    ]


def find_title(family: list[Mobject]) -> Mobject | None:
    return next(
        (m for m in family if isinstance(m, Text) and font_size_of(m) == style.TITLE_SIZE), None
    )


def graphics_problems(scene: Scene) -> list[str]:
    """Everything the graphics lint finds in the scene's current frame."""
    when = f"{type(scene).__name__} at t={scene.time:.2f}s"
    MEASURED.clear()
    family = visible_family(scene)
    title = find_title(family)
    plots = [axes_box(m) for m in family if isinstance(m, Axes) and not isinstance(m, ThreeDAxes)]
    return [
        *plot_problems(scene, when, family),
        *row_problems(when, family, captions_of(family, title), plots),
        *system_problems(when, family),
        *title_problems(when, scene, title),
    ]
