"""What two or more scenes of section 9, Partial-Derivative Calculus, share.

The cost of a line y = m x + b over some points, C(m, b) = mean((m x + b - y)^2), seen from
above as a contour map in the (m, b) plane: each curve joins the parameters of one cost, drawn
from ``lib.contours``. Gradient descent on it comes from ``lib.calculus``; the domain rules
keep a lecturer's points, start and learning rate to a descent that never climbs.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
from manim import DOWN, Axes, ManimColor, Mobject, VGroup, VMobject, config, interpolate_color

from lib import calculus, contours
from lib.calculus import DescentHistory
from scenes import style
from scenes.inputs import Rule
from scenes.style import GAP, GRID, INPUT, MARGIN

CONTOUR_RESOLUTION = 48  # grid cells a side sampled for the contour map


def said(value: float, kind: str = "value") -> str:
    """A number as the narration says it: formatted as on screen, with a true minus sign."""
    return style.fmt(value, kind).replace("-", "−")


def in_column(mobject: Mobject, above: Mobject, left: float, buff: float = GAP) -> Mobject:
    """``mobject`` under ``above``, its left edge at ``left``, shrunk to the frame's safe edge."""
    mobject.next_to(above, DOWN, buff=buff)
    style.fit_width(mobject, config.frame_width / 2 - MARGIN - left)
    mobject.set_x(left + mobject.width / 2)
    return mobject


def line_cost(xs: Sequence[float], ys: Sequence[float]) -> Callable[[np.ndarray], float]:
    """C(p) = mean((p[0] x + p[1] - y)^2) over the points, by lib."""

    def cost(p: np.ndarray) -> float:
        return calculus.line_cost_gradient(p[0], p[1], xs, ys).cost

    return cost


def descend(
    xs: Sequence[float], ys: Sequence[float], start: Sequence[float], rate: float, steps: int
) -> DescentHistory:
    """Gradient descent on C(m, b) with lib's closed-form partials dC/dm and dC/db."""

    def cost_and_gradient(p: np.ndarray) -> tuple[float, tuple[float, float]]:
        cost = calculus.line_cost_gradient(p[0], p[1], xs, ys)
        return cost.cost, (cost.dcost_dm, cost.dcost_db)

    return calculus.gradient_descent(cost_and_gradient, start, rate, steps)


def contour_lines(
    axes: Axes,
    cost: Callable[[np.ndarray], float],
    levels: Sequence[float],
    *,
    colours: tuple[str, str] = (INPUT, GRID),
) -> VGroup:
    """The curves C = level inside ``axes``' ranges, lowest in the first colour."""
    x_range, y_range = axes.x_range[:2], axes.y_range[:2]
    traced = contours.contour_map(cost, x_range, y_range, levels, CONTOUR_RESOLUTION)
    order = np.argsort(np.argsort(levels))
    lines = VGroup()
    for rank, segments in zip(order, traced, strict=True):
        share = rank / max(1, len(levels) - 1)
        colour = interpolate_color(*map(ManimColor, colours), share * 0.7)
        curve = VMobject(stroke_width=2.5, stroke_color=colour)
        for start, end in segments:
            curve.start_new_path(axes.c2p(*start))
            curve.add_line_to(axes.c2p(*end))
        lines.add(curve)
    return lines


# -- the domain of a descent on a line's cost


def _same_length(values: Mapping[str, Any]) -> bool:
    return len(values["xs"]) == len(values["ys"])


def _spread_out(values: Mapping[str, Any]) -> bool:
    return len(set(values["xs"])) >= 2


def _never_climbs(values: Mapping[str, Any]) -> bool:
    history = descend(
        values["xs"], values["ys"], values["start"], values["learning_rate"], values["steps"]
    )
    return bool(np.all(np.diff(history.costs) <= 1e-12 * max(1.0, history.costs[0])))


SAME_LENGTH = Rule("must have one y for each x", ("xs", "ys"), _same_length)
SPREAD_OUT = Rule("must hold at least two different x values", ("xs",), _spread_out)
NEVER_CLIMBS = Rule(
    "must be small enough that the cost never rises from one step to the next",
    ("learning_rate",),
    _never_climbs,
)


def square_map(
    points: Sequence[Sequence[float]], *, width: float, height: float, room: float = 0.2
) -> Axes:
    """Axes over (m, b) holding ``points`` with ``room`` to spare, one unit as long on both.

    Equal units keep angles true: a gradient then meets its contour at a right angle on screen.
    """
    ms, bs = [p[0] for p in points], [p[1] for p in points]
    span = max(max(ms) - min(ms), max(bs) - min(bs), 1e-6) * (1 + 2 * room)
    unit = min(width, height) / span
    centre = ((max(ms) + min(ms)) / 2, (max(bs) + min(bs)) / 2)
    halves = (width / unit / 2, height / unit / 2)
    step = style.nice_step(2 * max(halves), most=6)  # one tick step on both axes
    ranges = []
    for mid, half in zip(centre, halves, strict=True):
        start = math.floor((mid - half) / step + 1e-9) * step
        stop = math.ceil((mid + half) / step - 1e-9) * step
        ranges.append((round(start, 10), round(stop, 10), step))
    lengths = [(r[1] - r[0]) * unit for r in ranges]
    scale = min(1.0, width / lengths[0], height / lengths[1])
    return style.axes(
        ranges[0],
        ranges[1],
        width=lengths[0] * scale,
        height=lengths[1] * scale,
        x_label="m",
        y_label="b",
    )
