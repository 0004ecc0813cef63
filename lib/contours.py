"""Level sets of a function of two variables, for contour maps (section 9).

:func:`contour_segments` samples ``f(point) -> float`` on a grid and traces the curve
f = level through it by marching squares: in each grid cell whose corners lie on both sides of
the level, the curve crosses the cell's edges where linear interpolation between the corner
values reaches the level, and joins those crossings by a straight segment. The segments of one
level form its contour line, accurate to about the grid spacing squared for smooth f.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from lib.calculus import _count, _evaluate, _real
from lib.errors import InvalidInputError

__all__ = ["contour_map", "contour_segments", "sample_grid"]

Segment = tuple[tuple[float, float], tuple[float, float]]


def _interval(name: str, interval: Sequence[float]) -> tuple[float, float]:
    """``(low, high)`` as two finite floats with low < high (validated)."""
    try:
        low, high = interval
    except (TypeError, ValueError) as error:
        raise InvalidInputError(f"{name} must be (low, high); got {interval!r}") from error
    low, high = _real(f"{name}[0]", low), _real(f"{name}[1]", high)
    if not low < high:
        raise InvalidInputError(f"{name} must run from low to high; got ({low:g}, {high:g})")
    return low, high


def sample_grid(
    f: Callable[[np.ndarray], float],
    x_range: Sequence[float],
    y_range: Sequence[float],
    resolution: int = 60,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """xs, ys (resolution + 1 each) and values[j, i] = f((xs[i], ys[j])) on the grid."""
    x0, x1 = _interval("x_range", x_range)
    y0, y1 = _interval("y_range", y_range)
    n = _count("resolution", resolution, minimum=2)
    xs, ys = np.linspace(x0, x1, n + 1), np.linspace(y0, y1, n + 1)
    values = np.array([[_evaluate(f, np.array([x, y])) for x in xs] for y in ys])
    return xs, ys, values


def _crossing(p: np.ndarray, q: np.ndarray, fp: float, fq: float, level: float) -> np.ndarray:
    """Where the line from p to q meets the level, interpolating f linearly from fp to fq."""
    t = (level - fp) / (fq - fp)
    return p + t * (q - p)


def contour_segments(
    f: Callable[[np.ndarray], float],
    x_range: Sequence[float],
    y_range: Sequence[float],
    level: float,
    resolution: int = 60,
) -> tuple[Segment, ...]:
    """The curve f(x, y) = level over the rectangle, as straight segments (marching squares).

    ``resolution`` cells a side; a cell whose four corners lie on both sides of the level
    contributes one segment, or two at a saddle (paired by the value at the cell's centre).
    Empty when the level is nowhere crossed.
    """
    level = _real("level", level)
    return _march(*sample_grid(f, x_range, y_range, resolution), level)


def contour_map(
    f: Callable[[np.ndarray], float],
    x_range: Sequence[float],
    y_range: Sequence[float],
    levels: Sequence[float],
    resolution: int = 60,
) -> tuple[tuple[Segment, ...], ...]:
    """:func:`contour_segments` for each of ``levels``, sampling f once: one tuple per level."""
    wanted = [_real(f"levels[{k}]", level) for k, level in enumerate(levels)]
    if not wanted:
        raise InvalidInputError("levels must hold at least one level")
    grid = sample_grid(f, x_range, y_range, resolution)
    return tuple(_march(*grid, level) for level in wanted)


def _march(xs: np.ndarray, ys: np.ndarray, values: np.ndarray, level: float) -> tuple[Segment, ...]:
    """The marching-squares segments of ``level`` through sampled ``values[j, i]``."""
    segments: list[Segment] = []
    for j in range(ys.size - 1):
        for i in range(xs.size - 1):
            corners = [
                (np.array([xs[i], ys[j]]), values[j, i]),
                (np.array([xs[i + 1], ys[j]]), values[j, i + 1]),
                (np.array([xs[i + 1], ys[j + 1]]), values[j + 1, i + 1]),
                (np.array([xs[i], ys[j + 1]]), values[j + 1, i]),
            ]
            above = [value >= level for _, value in corners]
            if all(above) or not any(above):
                continue
            crossings = [
                _crossing(p, q, fp, fq, level)
                for k, ((p, fp), (q, fq)) in enumerate(
                    zip(corners, corners[1:] + corners[:1], strict=True)
                )
                if above[k] != above[(k + 1) % 4]
            ]
            if len(crossings) == 4:  # a saddle: cut off the two corners unlike the centre
                centre_above = np.mean([value for _, value in corners]) >= level
                if centre_above != above[0]:
                    crossings = [crossings[1], crossings[2], crossings[3], crossings[0]]
            for a, b in zip(crossings[::2], crossings[1::2], strict=True):
                segments.append(((float(a[0]), float(a[1])), (float(b[0]), float(b[1]))))
    return tuple(segments)
