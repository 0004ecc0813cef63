"""What two or more scenes of section 2, Tensor Operations, share."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from manim import (
    DOWN,
    LEFT,
    PI,
    RIGHT,
    UP,
    Axes,
    Line,
    Mobject,
    VGroup,
    VMobject,
)

from lib import linalg
from scenes import style
from scenes.inputs import Choice, Domain, Matrix, Rule, Vector
from scenes.style import (
    BODY_SIZE,
    BUFF,
    CAPTION_SIZE,
    INPUT,
    INPUT_2,
    LABEL_SIZE,
    MUTED,
    RESULT,
    LessonScene,
    fmt,
    linear_combination,
    num,
    shape_tex,
    tex,
    text,
)

#: Colours of the two equations of a system, in the formulas and in the picture alike.
EQUATION_COLOURS = (INPUT, INPUT_2)

#: The names a lecturer may give the two unknowns of a system.
UNKNOWNS = Choice((("x", "y"), ("a", "b"), ("s", "t"), ("t", "d")))

#: The smallest |det A| a solver's lesson takes: its working is shown to two decimals, and
#: a pivot of det A / a (|a| < 10) must still show as a number, not as 0.
SMALLEST_DETERMINANT = 0.1


def solver_domain() -> Domain:
    """The inputs of a lesson that solves a 2x2 system A x = b in unknowns ``names``."""
    return Domain(
        A=Matrix(2, 2, -9.99, 9.99),
        b=Vector(2, -9.99, 9.99),
        names=UNKNOWNS,
        rules=(
            Rule(
                "must have exactly one solution (det A not 0)",
                ("A", "b"),
                lambda v: linalg.classify_system(v["A"], v["b"]) == "one",
            ),
            Rule(
                f"must have |det A| of at least {SMALLEST_DETERMINANT}: lines that are "
                "nearly parallel make every step round to 0 at two decimals",
                ("A",),
                lambda v: abs(linalg.determinant(v["A"])) >= SMALLEST_DETERMINANT,
            ),
        ),
    )


def equation_tex(coefficients: Sequence[float], rhs: float, names: Sequence[str]) -> str:
    """The line ``a x + b y = c`` as TeX."""
    left = linear_combination(list(zip(coefficients, names, strict=True)))
    return f"{left} = {num(rhs, 'entry')}"


def system_tex(
    A: Sequence[Sequence[float]], b: Sequence[float], names: Sequence[str], **kwargs: Any
) -> VGroup:
    """The equations of A x = b, one formula each, in their colours (not yet arranged)."""
    return VGroup(
        *(
            tex(equation_tex(row, rhs, names), color=EQUATION_COLOURS[k], **kwargs)
            for k, (row, rhs) in enumerate(zip(A, b, strict=True))
        )
    )


def plane_of_unknowns(extent: Sequence[float], side: float, names: Sequence[str]) -> Axes:
    """Square axes ``side`` long over ``extent`` both ways, named after the two unknowns,
    with numbered ticks (two each side, one on a small plane): the plane where a system's
    equations are lines."""
    return style.axes(
        extent,
        extent,
        width=side,
        height=side,
        x_label=names[0],
        y_label=names[1],
        most_numbers=4 if side >= 3 else 2,
    )


def caption(name: str, values: object, colour: str) -> style.MathTex:
    """``A (2, 3)``: a matrix's name and its shape, from lib, to go under it."""
    shape = linalg.shape_of(np.asarray(values, dtype=float))
    return tex(name, r"\;", shape_tex(shape), size=CAPTION_SIZE, color=colour)


def counted(count: int, thing: str) -> str:
    """``1 row``, ``3 rows``."""
    return f"{count} {thing}" + ("" if count == 1 else "s")


def product_tex(*parts: str) -> style.MathTex:
    """``a . b = p``: a formula whose factors (parts 0 and 2) are in the two inputs' colours
    and whose last part, the result, is in the result's."""
    formula = tex(*parts)
    for k, colour in ((0, INPUT), (2, INPUT_2), (-1, RESULT)):
        formula[k].set_color(colour)
    return formula


def code(content: str, colour: str = MUTED) -> style.Text:
    """A line of numpy, the way a student would type it."""
    return text(content, size=LABEL_SIZE + 2, color=colour)


def rows_of(values: object) -> tuple[tuple[float, ...], ...]:
    """A matrix as nested tuples of Python floats, the way a scene records it."""
    return tuple(tuple(float(v) + 0.0 for v in row) for row in np.atleast_2d(values))


def line_ends(
    grid: Mobject,
    coefficients: Sequence[float],
    rhs: float,
    x_range: Sequence[float],
    y_range: Sequence[float],
) -> list[np.ndarray]:
    """Where the line a x + b y = c enters and leaves the window, as points of ``grid``.

    Empty if the line misses the window (or is not a line: a = b = 0).
    """
    a, b = coefficients
    (x0, x1), (y0, y1) = x_range[:2], y_range[:2]
    ends = []
    if abs(b) > 1e-12:
        ends += [(x, (rhs - a * x) / b) for x in (x0, x1)]
    if abs(a) > 1e-12:
        ends += [((rhs - b * y) / a, y) for y in (y0, y1)]
    inside = sorted(
        {
            (round(x, 9), round(y, 9))
            for x, y in ends
            if x0 - 1e-9 <= x <= x1 + 1e-9 and y0 - 1e-9 <= y <= y1 + 1e-9
        }
    )
    if len(inside) < 2:
        return []
    return [grid.c2p(*inside[0]), grid.c2p(*inside[-1])]


def segment_to_box(start: np.ndarray, end: np.ndarray, box: Mobject) -> float:
    """The distance from the segment ``start``-``end`` to the bounding box of ``box`` (0 when
    the segment touches or crosses it)."""
    (x0, y0), (x1, y1) = box.get_corner(DOWN + LEFT)[:2], box.get_corner(UP + RIGHT)[:2]
    d = end[:2] - start[:2]
    low, high = 0.0, 1.0  # Liang-Barsky: the part of the segment inside the box, if any
    for p, q in (
        (-d[0], start[0] - x0),
        (d[0], x1 - start[0]),
        (-d[1], start[1] - y0),
        (d[1], y1 - start[1]),
    ):
        if abs(p) < 1e-12:
            if q < 0:
                low, high = 1.0, 0.0
                break
        elif p < 0:
            low = max(low, q / p)
        else:
            high = min(high, q / p)
    if low <= high:
        return 0.0

    def to_box(point: np.ndarray) -> float:
        dx = max(x0 - point[0], 0.0, point[0] - x1)
        dy = max(y0 - point[1], 0.0, point[1] - y1)
        return math.hypot(dx, dy)

    def to_segment(point: np.ndarray) -> float:
        t = float(np.clip(np.dot(point - start[:2], d) / (np.dot(d, d) or 1e-12), 0, 1))
        return float(np.linalg.norm(start[:2] + t * d - point))

    corners = [np.array(c) for c in ((x0, y0), (x0, y1), (x1, y0), (x1, y1))]
    return min(to_box(start[:2]), to_box(end[:2]), *(to_segment(c) for c in corners))


def distance_to(label: Mobject, other: Mobject) -> float:
    """How far ``label``'s box is from ``other`` (negative when the boxes overlap): from the
    segment of a line or an arrow, else box to box; from the nearest part of a group."""
    if isinstance(other, Line):
        return segment_to_box(other.get_start(), other.get_end(), label)
    if type(other) in (VGroup, VMobject) and other.submobjects:
        return min(distance_to(label, part) for part in other.submobjects)
    dx = max(other.get_left()[0] - label.get_right()[0], label.get_left()[0] - other.get_right()[0])
    dy = max(other.get_bottom()[1] - label.get_top()[1], label.get_bottom()[1] - other.get_top()[1])
    return float(max(dx, dy))


def inside(label: Mobject, box: Mobject) -> bool:
    """Whether ``label`` lies within the bounding box of ``box``."""
    return bool(
        label.get_left()[0] >= box.get_left()[0] - 1e-6
        and label.get_right()[0] <= box.get_right()[0] + 1e-6
        and label.get_bottom()[1] >= box.get_bottom()[1] - 1e-6
        and label.get_top()[1] <= box.get_top()[1] + 1e-6
    )


def place_clear(
    label: Mobject,
    anchor: np.ndarray,
    direction: np.ndarray,
    avoid: Sequence[Mobject],
    *,
    within: Mobject | None = None,
    distances: Sequence[float] = (BUFF * 0.6,),
) -> bool:
    """Put ``label`` beside ``anchor`` on the side ``direction`` if it is clear of ``avoid``,
    else on the first clear side turning away from it, then farther out (``distances``);
    inside ``within``, if given.

    Returns whether a clear place was found; if none was, the label is at the clearest.
    """
    best, best_room = (direction, distances[0]), -math.inf
    for distance in distances:
        for turn in (0, 1, -1, 2, -2, 3, -3, 4):
            angle = turn * PI / 4
            side = np.array(
                [
                    direction[0] * math.cos(angle) - direction[1] * math.sin(angle),
                    direction[0] * math.sin(angle) + direction[1] * math.cos(angle),
                    0.0,
                ]
            )
            label.next_to(anchor, side, buff=distance)
            if within is not None and not inside(label, within):
                continue
            room = min((distance_to(label, other) for other in avoid), default=math.inf)
            if room > 0.08:
                return True
            if room > best_room:
                best, best_room = (side, distance), room
    label.next_to(anchor, best[0], buff=best[1])
    return False


def place_near(
    label: Mobject,
    anchor: np.ndarray,
    avoid: Sequence[Mobject],
    *,
    within: Mobject,
    margin: float = 0.1,
) -> bool:
    """Put ``label`` as close to ``anchor`` as it can go clear of ``avoid`` (by ``margin``)
    and inside ``within``: tried in rings around the anchor, every 15 degrees.

    Returns whether such a place was found; if not, the label is left where it was.
    """
    start = label.get_center()
    for ring in range(1, 9):
        for step in range(24):
            angle = step * PI / 12
            direction = np.array([math.cos(angle), math.sin(angle), 0.0])
            reach = abs(direction[0]) * label.width / 2 + abs(direction[1]) * label.height / 2
            label.move_to(anchor + direction * (reach + BUFF * 0.4 * ring))
            if not inside(label, within):
                continue
            if min((distance_to(label, other) for other in avoid), default=math.inf) > margin:
                return True
    label.move_to(start)
    return False


#: How far a formula set at BODY_SIZE may shrink: to the smallest text size, no further.
SMALLEST_SCALE = LABEL_SIZE / BODY_SIZE


def spaced_matrix(values: object, *, fits: Sequence[float] = (), **kwargs: Any) -> style.Matrix:
    """:func:`style.matrix`, its columns spread apart when its entries are long (-19.98), or
    when the numbers ``fits`` (sums to be set under the columns) are."""
    h_buff = kwargs.pop("h_buff", 1.1)
    m = style.matrix(values, h_buff=h_buff, **kwargs)
    widest = max(entry.width for entry in m.get_entries())
    if len(fits):
        size = m.get_entries()[0].font_size
        widest = max(widest, *(style.tex(num(v, "entry"), size=size).width for v in fits))
    if widest + 0.3 > h_buff:
        m = style.matrix(values, h_buff=widest + 0.3, **kwargs)
    return m


def shrink_to_fit(
    scalable: Sequence[Mobject], layout: Callable[[], Mobject], width: float, height: float
) -> bool:
    """Shrink ``scalable`` (formulas set at BODY_SIZE) step by step, each time calling
    ``layout()`` to arrange the whole again, until the whole fits ``width`` x ``height``.

    Never below the smallest text size; returns whether the whole fits.
    """
    scale = 1.0
    while True:
        whole = layout()
        ratio = min(width / max(whole.width, 1e-9), height / max(whole.height, 1e-9))
        if ratio >= 1 - 1e-6:
            return True
        if scale <= SMALLEST_SCALE + 1e-9:
            return False
        # the gaps between the parts do not shrink: aim a little under, and arrange again
        smaller = max(SMALLEST_SCALE, scale * min(ratio, 1) * 0.99)
        for mobject in scalable:
            mobject.scale(smaller / scale)
        scale = smaller


def crossing_window(point: Sequence[float]) -> tuple[float, float, float]:
    """A square window about the origin reaching well past ``point`` (room for its label)."""
    reach, step, _ = style.symmetric_extent([1.4 * abs(v) for v in point], minimum=0.5)
    return (-reach, reach, step)


def swap_in(scene: LessonScene, old: Mobject, new: Mobject) -> None:
    """Replace what is left of ``old`` by ``new``, whole."""
    scene.remove(*old.get_family())
    scene.settle(new)


# -- numbers as the solvers write and say them ---------------------------------------------


def spoken(parts: Sequence[str]) -> str:
    r"""TeX parts of a line as narration text: ``x - (7 - 2x) = -1``; a fraction is read
    ``(7 - y) over 2``, and ``\approx`` ``is about``."""
    line = " ".join(parts)
    braced = r"\{((?:[^{}]|\{[^{}]*\})*)\}"
    line = re.sub(r"\\frac" + braced + braced, r"(\1) over \2", line)
    for before, after in (
        ("( ", "("),
        (" )", ")"),
        ("{", ""),
        ("}", ""),
        (r"\cdot", "times"),
        (r"\approx", "is about"),
    ):
        line = line.replace(before, after)
    return " ".join(line.split())


def shows_exactly(value: float) -> bool:
    """Whether ``value`` is shown without rounding by :func:`style.fmt` (``2.5``, not ``1/3``)."""
    return abs(float(fmt(value, "entry")) - value) < 1e-9


def equals(*values: float) -> str:
    r"""``=`` before or between numbers that all show exactly, else ``\approx``."""
    return "=" if all(shows_exactly(v) for v in values) else r"\approx"


def said_value(name: str, value: float) -> str:
    """``x = 3`` as narration, or ``x is about 0.33`` when the number shown is rounded."""
    return f"{name} {'=' if shows_exactly(value) else 'is about'} {fmt(value, 'entry')}"
