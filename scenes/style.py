"""The theme every scene uses: colours, sizes, spacing, timings, number format, builders.

A scene asks this module for every colour, font size, spacing and timing it
uses, and builds its recurring pieces (a labelled vector, a matrix whose cells
can be highlighted, a titled panel, a readout bound to a tracker) with the
builders here, so that every lesson looks like part of one course.

The numbers themselves always come from ``lib``; this module only formats them.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, ClassVar

import numpy as np
from manim import (
    DL,
    DOWN,
    LEFT,
    RIGHT,
    UP,
    UR,
    Arrow,
    Axes,
    DecimalNumber,
    FadeOut,
    Group,
    Line,
    MathTex,
    Matrix,
    Mobject,
    NumberPlane,
    RoundedRectangle,
    Scene,
    SurroundingRectangle,
    Text,
    VGroup,
    VMobject,
    config,
)
from manim.mobject.svg.svg_mobject import VMobjectFromSVGPath

from scenes.inputs import Domain


def _copy_sharing_parsed_path(self: VMobjectFromSVGPath, memo: dict[int, Any]) -> Mobject:
    """Copy a glyph or path of a text or formula, sharing its parsed SVG path.

    Every animation copies its mobjects, and manim's copy is a deep copy that also
    duplicates ``path_obj``, the SVG path the points were generated from once: hundreds
    of small parser objects per formula, most of the time a scene takes to run. The
    points are copied as before; the parsed path is only read, so sharing it draws
    the same frames (the scene tests compare them byte for byte) about ten times faster.
    """
    memo[id(self.path_obj)] = self.path_obj
    return Mobject.__deepcopy__(self, memo)


VMobjectFromSVGPath.__deepcopy__ = _copy_sharing_parsed_path  # type: ignore[method-assign]

# -- colours: named for what they mean, not how they look -------------------------------

BACKGROUND = "#0E1116"
TEXT = "#ECEFF4"
MUTED = "#7D8794"
AXIS = "#A7B1BD"
GRID = "#2A3A4C"
INPUT = "#58C4DD"  # the example's input: a vector, the first matrix
INPUT_2 = "#F5A35C"  # a second input: the other matrix, the moving point
RESULT = "#83C167"  # what is computed from the inputs
HIGHLIGHT = "#FFD75E"  # what the viewer should look at now
EIGEN = "#FF6F91"  # eigenvectors and eigenvalues
EIGEN_2 = "#C792EA"
ERROR = "#FF5C5C"  # refused input, errors

#: One colour per norm, used in the formulas and in the picture alike.
NORM_COLOURS = {"l1": "#F5A35C", "l2": "#58C4DD", "squared_l2": "#4DB6AC", "max": "#C792EA"}

# -- type sizes (font points): nothing on screen is smaller than LABEL_SIZE ---------------

TITLE_SIZE = 44
BODY_SIZE = 34
LABEL_SIZE = 26  # axis labels and tick numbers: the smallest text in any scene
CAPTION_SIZE = LABEL_SIZE + 4  # captions over pictures, panels and tables
MIN_TEXT_SIZE = LABEL_SIZE
FONT = "DejaVu Sans"

# -- spacing (scene units; the frame is 14.2 x 8) ----------------------------------------

MARGIN = 0.35  # safe margin: nothing important comes closer than this to the frame edge
BUFF = 0.25  # between a thing and its label
GAP = 0.5  # between groups
SAFE_WIDTH = config.frame_width - 2 * MARGIN
SAFE_HEIGHT = config.frame_height - 2 * MARGIN

# -- timings (seconds) -------------------------------------------------------------------

BEAT = 1.0  # one ordinary animation
QUICK = 0.5  # a small change, or a repeated step after the first few
PAUSE = 1.5  # time to read what just appeared
POSTER_HOLD = 3.0  # the closing summary frame
READING_RATE = 16  # characters a second: a beat lasts at least as long as its narration takes


def reading_time(narration: str) -> float:
    """Seconds a viewer needs to read ``narration`` as a subcaption."""
    return len(narration) / READING_RATE


# -- numbers -----------------------------------------------------------------------------

#: Decimal places per kind of value: the same kind always looks the same.
DECIMALS = {
    "value": 2,
    "coordinate": 2,
    "norm": 2,
    "slope": 2,
    "approach": 3,  # points closing in on a limit: 2.001, and their slopes: 6.001
    "eigen": 2,
    "entry": 2,
    "error": 1,  # as a percentage
    "ratio": 1,  # as a percentage
    "count": 0,
    "table": 5,  # a table of values closing in on a limit: 0.99998, 2.9995
}


def _decimals(kind: str) -> int:
    try:
        return DECIMALS[kind]
    except KeyError:
        raise ValueError(f"unknown number kind {kind!r}; use one of {sorted(DECIMALS)}") from None


def fmt(value: float, kind: str = "value") -> str:
    """Format ``value`` for a formula: integers plainly, others to the kind's decimals.

    Trailing zeros are dropped (``6.1``, not ``6.10``) and a value that rounds to
    zero never shows a minus sign. Percent kinds (``error``, ``ratio``) are given
    as fractions and shown as percentages, with a TeX-escaped ``\\%``.
    """
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"cannot show a non-finite number ({value}) on screen")
    percent = kind in ("error", "ratio")
    if percent:
        value *= 100
    digits = _decimals(kind)
    rounded = round(value, digits)
    if rounded == 0:
        rounded = 0.0
    if abs(rounded - round(rounded)) < 10 ** (-digits - 3):
        shown = str(round(rounded))
    else:
        shown = f"{rounded:.{digits}f}".rstrip("0").rstrip(".")
    return shown + (r"\%" if percent else "")


def num(value: float, kind: str = "value") -> str:
    """:func:`fmt` for a formula: a negative number braced, so TeX sets its minus as a sign.

    ``|{-4}|`` reads as the absolute value of minus four; ``|-4|`` would space the
    minus as a subtraction.
    """
    shown = fmt(value, kind)
    return f"{{{shown}}}" if shown.startswith("-") else shown


def factor(value: float, kind: str = "entry") -> str:
    """A factor in a product, for a formula: negative numbers in parentheses, ``(-1)``."""
    shown = fmt(value, kind)
    return f"({shown})" if shown.startswith("-") else shown


def shape_tex(shape: Sequence[int]) -> str:
    """A shape as numpy writes it: ``()``, ``(3,)`` or ``(3, 2)``."""
    return "(" + ", ".join(str(n) for n in shape) + ("," if len(shape) == 1 else "") + ")"


def linear_combination(terms: Sequence[tuple[float, str]], kind: str = "entry") -> str:
    """``c1 n1 + c2 n2 ...`` as TeX: ``2x + y``, ``x - y``, ``7 - 2x``; zero terms left out.

    A term with an empty name is a constant. A coefficient of 1 is not written (``y``, not
    ``1y``), and every term after the first is joined by its sign.
    """
    parts: list[str] = []
    for coefficient, name in terms:
        shown = fmt(coefficient, kind)
        if shown == "0":
            continue
        negative = shown.startswith("-")
        size = shown.lstrip("-")
        body = (size if size != "1" else "") + name if name else size
        if not parts:
            parts.append(("-" if negative else "") + body)
        else:
            parts.append(("- " if negative else "+ ") + body)
    return " ".join(parts) if parts else "0"


def fmt_vector(values: Sequence[float], kind: str = "value") -> str:
    """A vector as TeX: ``(3, -4)``."""
    return r"\left(" + ", ".join(num(v, kind) for v in values) + r"\right)"


SUPERSCRIPTS = str.maketrans(
    "-0123456789", "\u207b\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
)


def _scientific(value: float, digits: int) -> tuple[str, int]:
    """The mantissa (``digits`` significant, trailing zeros dropped) and power of ten."""
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"cannot show a non-finite number ({value}) on screen")
    mantissa, exponent = f"{value:.{digits - 1}e}".split("e")
    if "." in mantissa:
        mantissa = mantissa.rstrip("0").rstrip(".")
    return mantissa, int(exponent)


def sci(value: float, digits: int = 2) -> str:
    """``value`` in scientific notation for a formula: ``3.1 \\times 10^{-4}``.

    For values whose size spans powers of ten (errors shrinking toward 0): ``digits``
    significant digits, 0 as ``0``, and a negative value braced as :func:`num` does.
    """
    if float(value) == 0:
        return "0"
    mantissa, exponent = _scientific(value, digits)
    shown = mantissa if exponent == 0 else rf"{mantissa} \times 10^{{{exponent}}}"
    return f"{{{shown}}}" if shown.startswith("-") else shown


def sci_said(value: float, digits: int = 2) -> str:
    """:func:`sci` for a subcaption: ``3.1 \u00d7 10\u207b\u2074``."""
    if float(value) == 0:
        return "0"
    mantissa, exponent = _scientific(value, digits)
    return (
        mantissa
        if exponent == 0
        else f"{mantissa} \u00d7 10{str(exponent).translate(SUPERSCRIPTS)}"
    )


def number(
    value: float, kind: str = "value", *, color: str = TEXT, size: float = BODY_SIZE
) -> DecimalNumber:
    """A DecimalNumber with the kind's fixed decimals, for readouts that change."""
    return DecimalNumber(
        float(value),
        num_decimal_places=_decimals(kind),
        font_size=size,
        color=color,
        include_sign=False,
    )


# -- text --------------------------------------------------------------------------------


def text(content: str, *, size: float = BODY_SIZE, color: str = TEXT, **kwargs: Any) -> Text:
    """Plain words on screen, in the course font."""
    return Text(content, font=FONT, font_size=size, color=color, **kwargs)


def tex(*parts: str, size: float = BODY_SIZE, color: str = TEXT, **kwargs: Any) -> MathTex:
    """A formula; pass several parts to colour or animate them one by one."""
    return MathTex(*parts, font_size=size, color=color, **kwargs)


def title(content: str) -> Text:
    """The scene's heading, at the top edge inside the safe margin."""
    return text(content, size=TITLE_SIZE, weight="BOLD").to_edge(UP, buff=MARGIN)


def fit_width(mobject: Mobject, width: float) -> Mobject:
    """Shrink ``mobject`` to ``width`` if it is wider (never enlarges it)."""
    if mobject.width > width:
        mobject.scale_to_fit_width(width)
    return mobject


# -- builders ----------------------------------------------------------------------------


def plane(
    x_range: Sequence[float],
    y_range: Sequence[float],
    *,
    width: float,
    height: float,
    ticks: Sequence[float] | None = None,
) -> NumberPlane:
    """A coordinate plane in the course style: faint grid, light axes, labelled ``ticks``."""
    grid = NumberPlane(
        x_range=x_range,
        y_range=y_range,
        x_length=width,
        y_length=height,
        background_line_style={"stroke_color": GRID, "stroke_width": 1.5, "stroke_opacity": 1},
        axis_config={"stroke_color": AXIS, "stroke_width": 2.5},
        faded_line_ratio=1,
    )
    if ticks:
        grid.add_coordinates(tick_labels(ticks), tick_labels(ticks))
    return grid


def nice_step(span: float, most: int = 6) -> float:
    """The smallest of 1, 2 or 5 times a power of ten that cuts ``span`` into ``most`` or fewer."""
    span = abs(float(span)) or 1.0
    power = 10.0 ** math.floor(math.log10(span / most))
    for factor_ in (1, 2, 5, 10):
        if span / (factor_ * power) <= most + 1e-9:
            return factor_ * power
    return 10 * power


def round_range(low: float, high: float, *, most: int = 6) -> tuple[float, float, float]:
    """An axis range ``(start, stop, step)`` over [low, high] in round steps (1, 2 or 5 x 10^k)."""
    if high - low < 1e-9:
        low, high = low - 1.0, high + 1.0
    step = nice_step(high - low, most=most)
    start = math.floor(low / step + 1e-9) * step
    stop = math.ceil(high / step - 1e-9) * step
    return round(start, 10), round(stop, 10), step


def padded(values: Sequence[float], room: float = 0.06) -> tuple[float, float]:
    """The least and greatest of ``values``, pushed apart by ``room`` of their span (not past 0)."""
    low, high = min(values), max(values)
    extra = room * (high - low)
    return low - (extra if low < 0 else 0.0), high + (extra if high > 0 else 0.0)


def symmetric_extent(
    values: Sequence[float], *, minimum: float = 5.0, room: float = 1.15
) -> tuple[float, float, list[float]]:
    """A plane that shows every value of ``values`` with room: its reach, grid step and ticks.

    The plane runs from ``-reach`` to ``reach`` on both axes, at least ``minimum``; the grid
    step is a round number (1, 2, 5 times a power of ten) and every second grid line inside
    the reach gets a labelled tick, so labels never crowd whatever the inputs' size.
    """
    largest = max((abs(float(v)) for v in values), default=0.0)
    wanted = max(minimum, room * largest)
    step = nice_step(wanted)
    reach = math.ceil(wanted / step - 1e-9) * step
    count = round(reach / step)
    ticks = [round(k * step, 10) for k in range(-count + 1, count) if k and k % 2 == 0]
    return reach, step, ticks


def _near(label: Mobject, other: Mobject, buff: float) -> bool:
    """Whether ``label`` comes within ``buff`` of ``other`` (a segment for lines and arrows)."""
    if isinstance(other, Line):
        start, end = other.get_start(), other.get_end()
        centre = label.get_center()
        along = end - start
        length2 = float(np.dot(along, along)) or 1e-12
        t = float(np.clip(np.dot(centre - start, along) / length2, 0.0, 1.0))
        reach = max(label.width, label.height) / 2 + buff
        return float(np.linalg.norm(start + t * along - centre)) < reach
    if not isinstance(other, VMobject) or type(other) in (VGroup, VMobject):
        return any(_near(label, part, buff) for part in other.submobjects)
    (lx0, ly0, _), (lx1, ly1, _) = label.get_corner(DL), label.get_corner(UR)
    (ox0, oy0, _), (ox1, oy1, _) = other.get_corner(DL), other.get_corner(UR)
    return min(lx1, ox1) - max(lx0, ox0) > -buff and min(ly1, oy1) - max(ly0, oy0) > -buff


def drop_ticks_near(grid: Axes, *avoid: Mobject, buff: float = 0.08) -> None:
    """Remove ``grid``'s tick labels that would touch any of ``avoid``.

    Inputs move vectors and their labels anywhere on a plane: a tick number under a
    label or crossed by an arrow is dropped rather than drawn over.
    """
    for axis in grid.axes:
        labels = getattr(axis, "labels", None)
        if labels is None:
            continue
        for label in list(labels):
            if any(_near(label, other, buff) for other in avoid):
                labels.remove(label)


def tick_labels(values: Sequence[float], kind: str = "value") -> dict[float, MathTex]:
    """Tick labels formatted like every other number: ``{2: "2", -1: "-1"}`` as formulas."""
    return {float(v): tex(num(v, kind), size=LABEL_SIZE, color=AXIS) for v in values}


def ticks_of(axis_range: Sequence[float], most: int | None = None) -> list[float]:
    """The tick values of ``(start, stop, step)``, without 0 (the axes' crossing).

    With ``most``, only the ticks at multiples of a round spacing (1, 2 or 5 times a power
    of ten, a whole number of steps), the finest that leaves at most ``most`` values:
    numbers for a small chart, where one on every tick would run into each other.
    """
    start, stop, step = axis_range[0], axis_range[1], axis_range[2]
    count = round((stop - start) / step)
    values = [round(start + i * step, 10) for i in range(count + 1)]
    values = [v for v in values if abs(v) > 1e-12]
    if most is None:
        return values
    power = 10.0 ** math.floor(math.log10(step))
    round_ones = [f * power * 10**k for k in range(4) for f in (1, 2, 5)]
    on_ticks = [s for s in round_ones if abs(s / step - round(s / step)) < 1e-6]
    kept = values
    for spacing in sorted({*on_ticks, *(step * k for k in (1, 2, 5, 10, 20, 50))}):
        fewer = [v for v in values if abs(v / spacing - round(v / spacing)) < 1e-6]
        if not fewer:
            break  # no tick at this spacing: the last that had some, though more than most
        kept = fewer
        if len(kept) <= most:
            break
    return kept


def _points_along(curve: VMobject) -> np.ndarray:
    """Points along a drawn curve: a plotted curve's own, a straight line's sampled (a line
    holds only its two ends and two handles)."""
    if isinstance(curve, Line):
        start, end = curve.get_start(), curve.get_end()
        return start + np.linspace(0, 1, 60)[:, None] * (end - start)
    return curve.points


def numbers_to_read(axis_range: Sequence[float]) -> int:
    """How many tick numbers make an axis readable: one when its range holds 0 (the other
    axis marks 0 where it crosses), two otherwise."""
    return 1 if axis_range[0] <= 0 <= axis_range[1] else 2


def clear_tick_numbers(axes: Axes, *curves: VMobject, pad: float = 0.05) -> None:
    """Take away the tick numbers of ``axes`` that a curve runs through, most crossed first,
    keeping enough for the scale to stay readable: one on an axis whose range holds 0 (the
    other axis marks 0 where it crosses), two on any other."""
    points = np.concatenate([np.zeros((0, 3)), *(_points_along(c) for c in curves)])
    for axis, axis_range in zip(axes.axes, (axes.x_range, axes.y_range), strict=False):
        labels = getattr(axis, "labels", None)
        if labels is None:
            continue
        keep = numbers_to_read(axis_range)

        def crossed(label: Mobject) -> int:
            (x0, y0, _), (x1, y1, _) = label.get_corner(DL), label.get_corner(UR)
            x, y = points[:, 0], points[:, 1]
            return int(((x > x0 - pad) & (x < x1 + pad) & (y > y0 - pad) & (y < y1 + pad)).sum())

        for label in sorted(labels, key=crossed, reverse=True):
            if len(labels) > keep and crossed(label):
                labels.remove(label)


def axes(
    x_range: Sequence[float],
    y_range: Sequence[float],
    *,
    width: float,
    height: float,
    x_label: str = "x",
    y_label: str = "y",
    numbers: bool = True,
    most_numbers: int | None = None,
) -> Axes:
    """Axes in the course style, labelled, with tick numbers at the label size (at most
    ``most_numbers`` on each axis, see :func:`ticks_of`)."""
    axis_config = {
        "stroke_color": AXIS,
        "stroke_width": 2.5,
        "include_tip": True,
        "tip_length": 0.2,
        "tip_width": 0.2,
    }
    result = Axes(
        x_range=x_range, y_range=y_range, x_length=width, y_length=height, axis_config=axis_config
    )
    if numbers:
        result.add_coordinates(
            tick_labels(ticks_of(x_range, most_numbers)),
            tick_labels(ticks_of(y_range, most_numbers)),
        )
    labels = result.get_axis_labels(
        x_label=tex(x_label, size=LABEL_SIZE, color=AXIS),
        y_label=tex(y_label, size=LABEL_SIZE, color=AXIS),
    )
    result.axis_labels = labels
    result.add(labels)
    return result


def labelled_vector(
    grid: Axes, coords: Sequence[float], label: str, *, color: str = INPUT, stroke_width: float = 6
) -> VGroup:
    """An arrow from the origin of ``grid`` to ``coords`` with a label beyond its tip."""
    start = grid.c2p(0, 0)
    end = grid.c2p(*coords[:2])
    arrow = Arrow(
        start,
        end,
        buff=0,
        color=color,
        stroke_width=stroke_width,
        max_tip_length_to_length_ratio=0.2,
    )
    direction = end - start
    length = np.linalg.norm(direction)
    unit = direction / length if length > 0 else RIGHT
    name = tex(label, color=color)
    name.next_to(end, unit, buff=BUFF * 0.6)
    return VGroup(arrow, name)


def matrix(
    values: Any,
    kind: str = "entry",
    *,
    color: str = TEXT,
    size: float = BODY_SIZE,
    h_buff: float = 1.1,
    v_buff: float = 0.8,
) -> Matrix:
    """A matrix of formatted numbers; ``get_rows``/``get_columns``/``get_entries`` find cells."""
    rows = np.atleast_2d(np.asarray(values, dtype=float))
    strings = [[fmt(v, kind) for v in row] for row in rows]
    result = Matrix(
        strings,
        element_to_mobject=lambda s: MathTex(s, font_size=size, color=color),
        h_buff=h_buff,
        v_buff=v_buff,
        bracket_h_buff=0.15,
    )
    result.get_brackets().set_color(color)
    return result


def cell(m: Matrix, i: int, j: int) -> Mobject:
    """The entry in row ``i``, column ``j`` (0-based) of a matrix built by :func:`matrix`."""
    return m.get_rows()[i][j]


def hide_entries(m: Matrix) -> Matrix:
    """``m`` with its brackets drawn and its entries invisible, to be filled cell by cell."""
    for item in m.get_entries():
        item.set_opacity(0)
    return m


def highlight_box(target: Mobject, color: str = HIGHLIGHT, buff: float = 0.1) -> VMobject:
    """A rounded outline around ``target``, the course's way of pointing at something."""
    return SurroundingRectangle(target, color=color, buff=buff, corner_radius=0.08, stroke_width=4)


def panel(heading: str, *rows: Mobject, width: float | None = None, color: str = MUTED) -> VGroup:
    """A titled panel: a heading over rows, in a rounded frame."""
    head = text(heading, size=LABEL_SIZE + 4, color=color, weight="BOLD")
    body = VGroup(head, *rows).arrange(DOWN, aligned_edge=LEFT, buff=BUFF * 1.4)
    frame_width = max(width or 0, body.width + 2 * GAP * 0.8)
    frame = RoundedRectangle(
        width=frame_width,
        height=body.height + 2 * GAP * 0.7,
        corner_radius=0.2,
        stroke_color=color,
        stroke_width=2,
        fill_color=BACKGROUND,
        fill_opacity=0.85,
    )
    frame.move_to(body)
    return VGroup(frame, body)


def readout(
    label: str,
    value: Callable[[], float],
    kind: str = "value",
    *,
    color: str = TEXT,
    size: float = BODY_SIZE,
) -> VGroup:
    """``label`` followed by a number that follows ``value()`` on every frame."""
    name = tex(label, size=size, color=color)
    shown = number(value(), kind, color=color, size=size)
    shown.next_to(name, RIGHT, buff=BUFF * 0.8)

    def follow(mob: DecimalNumber) -> None:
        mob.set_value(value())
        mob.next_to(name, RIGHT, buff=BUFF * 0.8)

    shown.add_updater(follow)
    return VGroup(name, shown)


def readout_grid(
    entries: Sequence[tuple[str, Callable[[], float], str, str]],
    *,
    columns: int = 2,
    size: float = CAPTION_SIZE,
) -> VGroup:
    """:func:`readout` for each ``(label, value, kind, colour)``, in rows of ``columns``."""
    shown = VGroup(
        *(
            readout(label, value, kind, color=colour, size=size)
            for label, value, kind, colour in entries
        )
    )
    rows = math.ceil(len(entries) / columns)
    return shown.arrange_in_grid(
        rows=rows, cols=columns, buff=(GAP * 1.4, BUFF * 1.4), col_alignments="l" * columns
    )


def frame_is_inside_margin(mobject: Mobject) -> bool:
    """Whether ``mobject`` lies inside the safe area of the frame."""
    return box_is_inside_margin(
        (
            mobject.get_left()[0],
            mobject.get_bottom()[1],
            mobject.get_right()[0],
            mobject.get_top()[1],
        )
    )


def box_is_inside_margin(box: Sequence[float]) -> bool:
    """Whether the box ``(left, bottom, right, top)`` lies inside the safe area of the frame."""
    half_w = config.frame_width / 2 - MARGIN + 1e-6
    half_h = config.frame_height / 2 - MARGIN + 1e-6
    return bool(-half_w <= box[0] and box[2] <= half_w and -half_h <= box[1] and box[3] <= half_h)


def fitted_matrix(values: Any, *, gap: float = 0.45, **kwargs: Any) -> Matrix:
    """:func:`matrix` with its columns spread as far as its widest entry needs.

    Entries sit right-aligned, ``h_buff`` apart; long numbers (``-4.99``) need more than the
    given ``h_buff`` (at least), or neighbouring entries run together.
    """
    trial = matrix(values, **kwargs)
    widest = max(entry.width for entry in trial.get_entries())
    least = kwargs.pop("h_buff", 1.1)
    return matrix(values, h_buff=max(least, widest + gap), **kwargs)


def error_message(kind: str, message: str, *, width: float = SAFE_WIDTH) -> VGroup:
    """``kind: message`` (an error lib raised) in the error colour, wrapped to ``width``.

    Lines break between words, each at most as wide as ``width`` allows at the label size,
    so the whole message stays legible rather than shrinking to fit.
    """
    whole = f"{kind}: {message}"
    per_character = text(whole, size=LABEL_SIZE).width / len(whole)
    per_line = max(20, int(width / per_character * 0.9))
    lines = textwrap.wrap(whole, width=per_line, break_on_hyphens=False)
    shown = VGroup(*(text(line, size=LABEL_SIZE, color=ERROR) for line in lines))
    shown.arrange(DOWN, aligned_edge=LEFT, buff=BUFF * 0.6)
    return fit_width(shown, width)


def clip_segment(
    start: Sequence[float], end: Sequence[float], x_range: Sequence[float], y_range: Sequence[float]
) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """The part of the segment ``start``-``end`` inside the box of the two ranges, or None.

    Coordinates are the axes' own (Liang-Barsky clipping), so a line drawn from the
    result stays inside its axes however steep it is.
    """
    (x0, y0), (x1, y1) = start[:2], end[:2]
    dx, dy = x1 - x0, y1 - y0
    low, high = 0.0, 1.0
    for step, distance in (
        (-dx, x0 - x_range[0]),
        (dx, x_range[1] - x0),
        (-dy, y0 - y_range[0]),
        (dy, y_range[1] - y0),
    ):
        if step == 0:
            if distance < 0:
                return None  # parallel to this edge and outside it
            continue
        t = distance / step
        if step < 0:
            low = max(low, t)
        else:
            high = min(high, t)
    if low > high:
        return None
    return (x0 + low * dx, y0 + low * dy), (x0 + high * dx, y0 + high * dy)


def clipped_to(
    grid: Axes, start: Sequence[float], end: Sequence[float], **kwargs: Any
) -> Line | None:
    """A line on ``grid`` from ``start`` to ``end`` (its coordinates), cut to its box.

    None when the segment misses the box: the caller decides what the viewer sees then.
    """
    clipped = clip_segment(start, end, grid.x_range[:2], grid.y_range[:2])
    if clipped is None:
        return None
    return Line(grid.c2p(*clipped[0]), grid.c2p(*clipped[1]), **kwargs)


def qualitative(grid: Axes, why: str) -> Axes:
    """Mark ``grid`` as a sketch whose ticks carry no numbers, and say why.

    The graphics lint asks every axes and plane for numbered ticks; a picture that only
    shows a shape (a unit ball, a sketch of a curve) states its reason here instead.
    """
    if not why.strip():
        raise ValueError("say why these axes carry no numbers, e.g. 'only the shape matters'")
    grid.qualitative_reason = why
    return grid


def number_axis(axis: Mobject, labels: Sequence[Mobject]) -> VGroup:
    """Declare ``labels``, placed and shown by the scene, the tick numbers of ``axis`` (one
    axis of a plane or chart): numbers set off the axis line (at the crossing points of a
    unit ball, under the slots of a bar chart) that the graphics lint then counts as its
    numbers while they are on screen. Returns them as a group."""
    group = VGroup(*labels)
    axis.tick_numbers = list(group)
    return group


def is_qualitative(grid: Axes) -> bool:
    """Whether ``grid`` was marked a sketch with :func:`qualitative`."""
    return bool(getattr(grid, "qualitative_reason", ""))


def muted(words: str, size: float = CAPTION_SIZE) -> Text:
    """Words that name what is on screen, in the captions' muted colour."""
    return text(words, size=size, color=MUTED)


def legible(caption: Mobject, width: float, size: float = CAPTION_SIZE) -> bool:
    """Whether ``caption``, written at ``size``, stays legible when shrunk to ``width``."""
    return caption.width * MIN_TEXT_SIZE / size <= width


def caption_over(caption: Mobject, target: Mobject, buff: float = BUFF * 0.6) -> Mobject:
    """``caption`` centred over ``target``, no wider than it."""
    fit_width(caption, target.width)
    return caption.next_to(target, UP, buff=buff)


def baseline(mobject: Mobject, reach: float = 0.03) -> float:
    """Where most glyphs of a one-line text or formula stand: the lowest of the bottoms that
    the most glyphs share within ``reach`` (a 0 or 3 dips a hair below the line, a descender
    or bracket further, and = or - float above it; each is outvoted)."""
    leaves = [m for m in mobject.family_members_with_points() if not m.submobjects]
    bottoms = sorted(float(m.points[:, 1].min()) for m in leaves)
    if not bottoms:
        return float(mobject.get_bottom()[1])
    counts = [sum(1 for b in bottoms if low <= b <= low + reach) for low in bottoms]
    low = bottoms[counts.index(max(counts))]  # the first, lowest, of the largest clusters
    return float(np.median([b for b in bottoms if low <= b <= low + reach]))


def captions_under(
    items: Sequence[Mobject], captions: Sequence[Mobject], buff: float = BUFF
) -> None:
    """Each caption centred under its item, all on one baseline: under the lowest item, so
    a row of matrices of different heights has its names in one straight row."""
    lowest = min(float(item.get_bottom()[1]) for item in items)
    for item, caption in zip(items, captions, strict=True):
        caption.move_to([item.get_x(), lowest - buff - caption.height / 2, 0])
    line = min(baseline(caption) for caption in captions)
    for caption in captions:
        caption.shift(DOWN * (baseline(caption) - line))


def rows_under(
    target: Mobject,
    names: Sequence[Mobject],
    values: Sequence[Mobject],
    *,
    right: float,
    pitch: float = 0.55,
) -> None:
    """``names`` in a column under ``target``'s left edge, ``values`` beside them, rows evenly."""
    top = target.get_bottom()[1] - BUFF * 1.4 - pitch / 2
    values_x = target.get_left()[0] + max(name.width for name in names) + GAP
    for i, (name, value) in enumerate(zip(names, values, strict=True)):
        y = top - i * pitch
        name.move_to([target.get_left()[0], y, 0], aligned_edge=LEFT)
        fit_width(value, right - values_x)
        value.move_to([values_x, y, 0], aligned_edge=LEFT)


def thumbnail_grid(
    columns: Sequence[Sequence[Mobject]],
    names: Mobject,
    *,
    below: Mobject,
    buff: float,
    pitch: float = 0.5,
) -> Group:
    """Columns (header, image, a value per row name) in a row under ``below``, names at left."""
    images = Group(*(column[1] for column in columns)).arrange(RIGHT, buff=GAP * 0.9)
    images.next_to(below, DOWN, buff=buff).to_edge(RIGHT, buff=MARGIN)
    names_width = max(name.width for name in names) + GAP * 0.6
    spare = images.get_left()[0] - names_width - (MARGIN - config.frame_width / 2)
    if spare > GAP:  # a short row sits in the middle, its names beside it
        images.shift(LEFT * spare / 2)
    for i, name in enumerate(names):
        y = images.get_bottom()[1] - BUFF - pitch / 2 - i * pitch
        name.move_to([images.get_left()[0] - GAP * 0.6, y, 0], aligned_edge=RIGHT)
    header_y = images.get_top()[1] + BUFF * 0.6 + pitch / 2
    for header, image, *values in columns:
        header.move_to([image.get_x(), header_y, 0])
        for name, value in zip(names, values, strict=True):
            value.move_to([image.get_x(), name.get_y(), 0])
    return Group(names, *(Group(*column) for column in columns))


# -- the lesson scene --------------------------------------------------------------------


class LessonScene(Scene):
    """A scene of the course: themed background, narrated beats, recorded numbers.

    ``beat`` wraps the animations of one step of the lesson and writes its
    narration as one subcaption spanning them, so the .srt alone teaches the
    lesson; a beat lasts at least as long as its narration takes to read.
    ``show`` records each number put on screen under a name, so tests can check
    it against ``lib``.
    """

    #: The inputs the scene supports (see :mod:`scenes.inputs`); checked before drawing.
    domain: ClassVar[Domain | None] = None

    def setup(self) -> None:
        if self.domain is not None:
            self.domain.check(type(self).__name__, self.domain.values_of(self))
        self.camera.background_color = BACKGROUND
        self.beats: list[str] = []
        self.numbers: dict[str, Any] = {}

    @contextmanager
    def beat(self, narration: str) -> Iterator[None]:
        """Narrate the animations played inside the ``with`` block as one subcaption."""
        start = self.time
        self.beats.append(narration)
        yield
        unread = reading_time(narration) - (self.time - start)
        if unread > 0.05:
            self.wait(unread)
        self.add_subcaption(narration, duration=self.time - start, offset=start - self.time)

    def show(self, name: str, value: Any) -> Any:
        """Record that ``value`` is shown on screen as ``name``; return it unchanged."""
        self.numbers[name] = value
        return value

    def settle(self, *mobjects: Mobject) -> None:
        """Put each of ``mobjects`` on screen whole, in place of the parts animations left.

        A formula written part by part is on screen as loose parts; settled, it is one
        formula again, which is what the viewer reads (and what the scene tests read).
        """
        for mobject in mobjects:
            self.remove(*mobject.get_family())
            self.add(mobject)

    def clear_screen(self, *keep: Mobject, run_time: float = QUICK) -> None:
        """Fade out everything except ``keep``: the screen stays calm between ideas."""
        leaving = [m for m in self.mobjects if m not in keep]
        if leaving:
            self.play(*(FadeOut(m) for m in leaving), run_time=run_time)

    def hold_poster(self) -> None:
        """Hold the closing summary: the scene's last frame is its poster."""
        self.wait(POSTER_HOLD)
