"""Calculus for the course, numerically: slopes, limits, derivatives, integrals, ROC and descent.

Every number the calculus scenes (sections 6, 7, 9 and 10) show comes from here. Functions take
plain Python callables ``f(x) -> float`` (or ``f(vector) -> float`` for the multivariate ones)
and return floats, numpy arrays, or small frozen records of the steps a scene animates.

Conventions:

- A sample of ``f`` that raises, or returns NaN (or infinity where a finite value is needed),
  is reported as :class:`~lib.errors.EvaluationError` naming the sample point.
- Riemann sums, the trapezoid rule and :func:`definite_integral` follow the oriented-integral
  convention: with ``a > b`` the result is minus the integral from ``b`` to ``a``.
- :func:`limit` approaches ``x0`` along ``x0 -/+ 10**-k`` (or ``+/-10**k`` at infinity) and
  rounds its answer to the digits the approach agrees on, so a limit of 2 is returned as 2.0.
"""

from __future__ import annotations

import itertools
import math
import numbers
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple

import numpy as np
from scipy import integrate, optimize

from lib.errors import EvaluationError, InvalidInputError, LimitDoesNotExist, ShapeError

ScalarFunction = Callable[[float], float]
VectorFunction = Callable[[np.ndarray], float]
Side = Literal["left", "right", "both"]
Rule = Literal["left", "right", "midpoint"]

__all__ = [
    "ApproachTable",
    "ChainRulePaths",
    "DeltaRow",
    "DescentHistory",
    "DifferenceQuotient",
    "LineCost",
    "Quadrature",
    "RiemannRectangle",
    "RocCurve",
    "SignedArea",
    "TangentLine",
    "TrapezoidPiece",
    "adaptive_quadrature",
    "approach_table",
    "chain_rule_paths",
    "chord_gap",
    "cylinder_volume",
    "definite_integral",
    "delta_method_table",
    "derivative",
    "difference_quotient",
    "gradient",
    "gradient_descent",
    "hessian",
    "inscribed_polygon_area",
    "limit",
    "line_cost_gradient",
    "mse",
    "partial_derivative",
    "polynomial",
    "polynomial_extremes",
    "riemann_rectangles",
    "riemann_sum",
    "roc_auc",
    "roc_curve",
    "saddle",
    "secant_sequence",
    "secant_slope",
    "signed_areas",
    "tangent_line",
    "trapezoid",
    "trapezoid_pieces",
]


# --------------------------------------------------------------------------------------------
# Validation and evaluation helpers (shared by every public function below)
# --------------------------------------------------------------------------------------------


def _real(name: str, value: object, *, allow_infinite: bool = False) -> float:
    """``value`` as a float, refusing non-numbers, booleans, NaN and (unless allowed) +/-inf."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise InvalidInputError(f"{name} must be a real number; got {value!r}")
    result = float(value)
    if math.isnan(result) or (math.isinf(result) and not allow_infinite):
        kind = "a real number or +/-inf" if allow_infinite else "a finite real number"
        raise InvalidInputError(f"{name} must be {kind}; got {result}")
    return result


def _count(name: str, value: object, minimum: int = 1) -> int:
    """``value`` as an int that is at least ``minimum`` (a number of steps, sides, terms...)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise InvalidInputError(f"{name} must be an integer >= {minimum}; got {value!r}")
    if value < minimum:
        raise InvalidInputError(f"{name} must be an integer >= {minimum}; got {value}")
    return int(value)


def _positive(name: str, value: object) -> float:
    """``value`` as a finite float that is strictly positive."""
    result = _real(name, value)
    if result <= 0:
        raise InvalidInputError(f"{name} must be positive; got {result:g}")
    return result


def _vector(name: str, values: object) -> np.ndarray:
    """``values`` as a non-empty 1-D array of finite floats (a scalar counts as length 1)."""
    try:
        array = np.atleast_1d(np.asarray(values, dtype=float))
    except (TypeError, ValueError) as error:
        raise InvalidInputError(f"{name} must be numbers; got {values!r}") from error
    if array.ndim != 1:
        raise ShapeError(f"{name} must be one-dimensional; got shape {array.shape}")
    if array.size == 0:
        raise InvalidInputError(f"{name} must not be empty")
    bad = np.flatnonzero(~np.isfinite(array))
    if bad.size:
        raise InvalidInputError(
            f"{name} must be finite; {name}[{bad[0]}] is {array[bad[0]]}",
        )
    return array


def _same_length(name_a: str, a: np.ndarray, name_b: str, b: np.ndarray) -> None:
    """Refuse two vectors that should pair up element by element but differ in length."""
    if a.shape != b.shape:
        raise ShapeError(
            f"{name_a} and {name_b} must have the same length; got {a.size} and {b.size}",
        )


def _format_point(x: float | np.ndarray) -> str:
    """A sample point as text for error messages: ``0.1`` or ``[1, 2]``."""
    if isinstance(x, np.ndarray):
        return "[" + ", ".join(f"{v:.10g}" for v in x) + "]"
    return f"{x:.10g}"


def _evaluate(
    f: Callable[..., object],
    x: float | np.ndarray,
    *,
    allow_infinite: bool = False,
) -> float:
    """``f(x)`` as a float; a raise, a NaN or (unless allowed) an infinity is an EvaluationError."""
    where = _format_point(x)
    try:
        with np.errstate(all="ignore"):
            raw = f(x.copy() if isinstance(x, np.ndarray) else x)
        if np.ndim(raw) != 0:
            raise EvaluationError(
                f"f returned an array of shape {np.shape(raw)} at x = {where}; "
                "it must return one number",
            )
        value = float(raw)  # type: ignore[arg-type]
    except EvaluationError:
        raise
    except Exception as error:  # f is arbitrary user code: report any failure with its point
        raise EvaluationError(
            f"f raised {type(error).__name__}({error}) at x = {where}",
        ) from error
    if math.isnan(value) or (math.isinf(value) and not allow_infinite):
        raise EvaluationError(
            f"f returned {value} at x = {where}; it must be finite at every sample point",
        )
    return value


def _snap(value: float, tolerance: float) -> float:
    """Round ``value`` to the fewest decimals that stay within ``tolerance`` (2 - 1e-9 -> 2)."""
    for decimals in range(16):
        rounded = round(value, decimals)
        if abs(rounded - value) <= tolerance:
            return rounded + 0.0  # + 0.0 turns -0.0 into 0.0
    return value


# --------------------------------------------------------------------------------------------
# Section 6-7: secants, difference quotients, derivatives
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DifferenceQuotient:
    """One difference quotient (f(x0 + h) - f(x0)) / h with every number a scene writes out."""

    x0: float
    h: float
    x0_plus_h: float
    f_x0: float
    f_x0_plus_h: float
    rise: float
    slope: float


class DeltaRow(NamedTuple):
    """One row of the delta-method table: (dx, f(x + dx), slope)."""

    dx: float
    f_x_plus_dx: float
    slope: float


class TangentLine(NamedTuple):
    """The tangent y = slope * x + intercept."""

    slope: float
    intercept: float


def secant_slope(f: ScalarFunction, x0: float, x1: float) -> float:
    """Slope of the line through (x0, f(x0)) and (x1, f(x1)): (f(x1) - f(x0)) / (x1 - x0)."""
    x0, x1 = _real("x0", x0), _real("x1", x1)
    if x0 == x1:
        raise InvalidInputError(
            f"a secant needs two distinct points; got x0 == x1 == {x0:g} "
            "(use derivative() for the slope at a single point)",
        )
    return (_evaluate(f, x1) - _evaluate(f, x0)) / (x1 - x0)


def secant_sequence(f: ScalarFunction, x0: float, x1_values: Sequence[float]) -> tuple[float, ...]:
    """Secant slopes (f(x1) - f(x0)) / (x1 - x0) for each second point x1, in the given order."""
    points = _vector("x1_values", x1_values)
    return tuple(secant_slope(f, x0, float(x1)) for x1 in points)


def difference_quotient(f: ScalarFunction, x0: float, h: float) -> DifferenceQuotient:
    """The quotient (f(x0 + h) - f(x0)) / h, with x0 + h, both values and the rise recorded."""
    x0, h = _real("x0", x0), _real("h", h)
    if h == 0:
        raise InvalidInputError("h must be non-zero: the quotient divides by h")
    x1 = x0 + h
    f_x0, f_x1 = _evaluate(f, x0), _evaluate(f, x1)
    rise = f_x1 - f_x0
    return DifferenceQuotient(x0, h, x1, f_x0, f_x1, rise, rise / h)


def delta_method_table(
    f: ScalarFunction, x: float, deltas: Sequence[float]
) -> tuple[DeltaRow, ...]:
    """Rows (dx, f(x + dx), (f(x + dx) - f(x)) / dx) for each dx, in the given order."""
    rows = []
    for dx in _vector("deltas", deltas):
        quotient = difference_quotient(f, x, float(dx))
        rows.append(DeltaRow(quotient.h, quotient.f_x0_plus_h, quotient.slope))
    return tuple(rows)


_RIDDERS_SHRINK = 1.4  # each central difference uses a step 1.4 times smaller than the last
_RIDDERS_TERMS = 10
_RIDDERS_SAFE = 2.0


def _central_difference(f: ScalarFunction, x: float, h: float) -> float:
    """(f(x + h) - f(x - h)) / 2h, the central difference, accurate to O(h^2)."""
    return (_evaluate(f, x + h) - _evaluate(f, x - h)) / (2 * h)


def _richardson_derivative(f: ScalarFunction, x: float, step: float) -> tuple[float, float]:
    """Ridders' method: Richardson-extrapolate central differences of shrinking step.

    Returns (estimate, error estimate); see Numerical Recipes, section 5.7 (``dfridr``).
    """
    h = step
    previous = [_central_difference(f, x, h)]
    best, best_error = previous[0], math.inf
    for _ in range(1, _RIDDERS_TERMS):
        h /= _RIDDERS_SHRINK
        current = [_central_difference(f, x, h)]
        factor = _RIDDERS_SHRINK**2
        for j in range(1, len(previous) + 1):
            current.append((current[j - 1] * factor - previous[j - 1]) / (factor - 1))
            factor *= _RIDDERS_SHRINK**2
            error = max(abs(current[j] - current[j - 1]), abs(current[j] - previous[j - 1]))
            if error <= best_error:
                best, best_error = current[j], error
        if abs(current[-1] - previous[-1]) >= _RIDDERS_SAFE * best_error:
            break  # higher orders only got worse: round-off has taken over
        previous = current
    return best, best_error


def derivative(f: ScalarFunction, x: float, step: float | None = None) -> float:
    """f'(x) = lim (f(x + h) - f(x - h)) / 2h, by Richardson extrapolation (Ridders' method).

    The first step is 0.1 * max(1, |x|), then 1e-3 and 1e-6 times that if the extrapolation
    did not settle (oscillating f at large |x|); ``step`` fixes the first step instead, e.g.
    to keep x +/- step inside the domain of f. Relative error is about 1e-9 or better for
    smooth f (polynomials, sin, exp, log), unless f'(x) is tiny next to f(x).
    """
    x = _real("x", x)
    first = 0.1 * max(1.0, abs(x)) if step is None else _positive("step", step)
    first_steps = (first, first * 1e-3, first * 1e-6) if step is None else (first,)
    best, best_error = math.nan, math.inf
    try:
        for first_step in first_steps:
            estimate, error = _richardson_derivative(f, x, first_step)
            if error < best_error:
                best, best_error = estimate, error
            if best_error <= 1e-10 * abs(best):
                break
    except EvaluationError as error:
        raise EvaluationError(
            f"{error}; derivative samples f at x +/- step (first step {first:g}): "
            "pass a smaller step= to stay inside the domain of f",
        ) from error
    return best


def tangent_line(f: ScalarFunction, x0: float) -> TangentLine:
    """The tangent at x0: slope f'(x0), intercept f(x0) - f'(x0) * x0."""
    x0 = _real("x0", x0)
    slope = derivative(f, x0)
    return TangentLine(slope, _evaluate(f, x0) - slope * x0)


def polynomial(coefficients: Sequence[float]) -> ScalarFunction:
    """p(x) = c_0 x^n + c_1 x^(n-1) + ... + c_n, highest power first (as numpy.polyval)."""
    terms = tuple(float(c) for c in _vector("coefficients", coefficients))

    def p(x: float) -> float:
        value = 0.0
        for c in terms:
            value = value * x + c
        return value

    return p


def polynomial_extremes(coefficients: Sequence[float], a: float, b: float) -> tuple[float, float]:
    """(min, max) of p over [a, b]: the least and greatest of p at a, at b and where p' = 0."""
    terms = _vector("coefficients", coefficients)
    a, b = _real("a", a), _real("b", b)
    if a > b:
        raise InvalidInputError(f"the interval [a, b] needs a <= b; got a = {a:g} > b = {b:g}")
    powers = np.arange(terms.size - 1, 0, -1)
    slope_terms = np.trim_zeros(terms[:-1] * powers, "f")
    candidates = [a, b]
    if slope_terms.size > 1:
        # Real parts of every root of p': a superset of the critical points, all inside [a, b].
        candidates += [float(r.real) for r in np.roots(slope_terms) if a < r.real < b]
    p = polynomial(terms)
    values = [_evaluate(p, x) for x in candidates]
    return min(values), max(values)


# --------------------------------------------------------------------------------------------
# Section 6: limits
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ApproachTable:
    """Values f(x) as x approaches x0 from one side: xs[k] -> x0, values[k] = f(xs[k]).

    At x0 = +inf the side is "left" (x grows), at -inf it is "right" (x falls).
    """

    x0: float
    side: Literal["left", "right"]
    xs: tuple[float, ...]
    values: tuple[float, ...]


_APPROACH_TERMS = 10  # x0 -/+ 10**-1 ... 10**-10, or +/-10**1 ... 10**10 at infinity
_CONVERGED_STEP = 1e-4  # relative change between neighbours for "the values have settled"
_SETTLING_STEP = 1e-2  # relative change one row earlier, so a lone coincidence is not enough


def _sides(x0: float, side: str) -> tuple[Literal["left", "right"], ...]:
    """The one-sided approaches that ``side`` asks for at ``x0`` (at +inf only from the left)."""
    if side not in ("left", "right", "both"):
        raise InvalidInputError(f"side must be 'left', 'right' or 'both'; got {side!r}")
    if math.isinf(x0):
        natural = "left" if x0 > 0 else "right"
        if side not in ("both", natural):
            raise InvalidInputError(
                f"x can approach {x0} only from the {natural}; got side={side!r}",
            )
        return (natural,)
    return ("left", "right") if side == "both" else (side,)  # type: ignore[return-value]


def _approach_points(x0: float, side: Literal["left", "right"], terms: int) -> list[float]:
    """x0 -/+ s * 10**-k for k = 1..terms (s = the power of ten of |x0|), or +/-10**k at inf."""
    if math.isinf(x0):
        return [math.copysign(10.0**k, x0) for k in range(1, terms + 1)]
    scale = 10.0 ** math.floor(math.log10(abs(x0))) if abs(x0) >= 1 else 1.0
    sign = -1.0 if side == "left" else 1.0
    return [x0 + sign * scale * 10.0**-k for k in range(1, terms + 1)]


def approach_table(
    f: ScalarFunction,
    x0: float,
    side: Literal["left", "right"],
    terms: int = _APPROACH_TERMS,
) -> ApproachTable:
    """f at x0 -/+ 10**-k (k = 1..terms), or at +/-10**k when x0 is +/-inf, nearest last."""
    x0 = _real("x0", x0, allow_infinite=True)
    if side == "both":
        raise InvalidInputError("approach_table takes one side: 'left' or 'right'; got 'both'")
    (side,) = _sides(x0, side)
    xs = _approach_points(x0, side, _count("terms", terms, minimum=1))
    values = tuple(_evaluate(f, x, allow_infinite=True) for x in xs)
    return ApproachTable(x0, side, tuple(xs), values)


@dataclass(frozen=True)
class _OneSidedLimit:
    """What one side's approach table shows: a value with its error, or why it has none."""

    side: str
    value: float | None
    error: float
    behaviour: str


def _settled_run(relative: np.ndarray) -> range:
    """Steps of the first run where neighbouring values agree (a later round-off run is ignored).

    ``relative[k]`` is |values[k + 1] - values[k]| / max(1, |values[k + 1]|). The run starts
    at the first small step that follows a fairly small one and ends where steps grow again.
    """
    for start in range(1, relative.size):
        if relative[start] <= _CONVERGED_STEP and relative[start - 1] <= _SETTLING_STEP:
            end = start
            while end + 1 < relative.size and relative[end + 1] <= _CONVERGED_STEP:
                end += 1
            return range(start, end + 1)
    return range(0)


_STEADY_RATIO = 0.7  # slower shrinking (ratio -> 1, like log log) is not taken as convergence


def _geometric_limit(values: np.ndarray) -> tuple[float, float] | None:
    """Aitken's extrapolation L = v_n + d_n r / (1 - r) when the steps d shrink by a steady r.

    For slow power-law approaches such as x^(1/3) -> 0 (r = 10^(-1/3)); None unless the last
    three steps share a sign and their two ratios agree within 5% and stay below 0.7.
    Returns (L, |L - the same extrapolation one row earlier|).
    """
    steps = np.diff(values)[-3:]
    if steps.size < 3 or np.any(steps == 0):
        return None
    ratios = steps[1:] / steps[:-1]
    if not (np.all((ratios > 0) & (ratios < _STEADY_RATIO)) and np.ptp(ratios) <= 0.05 * ratios[0]):
        return None
    estimates = values[-2:] + steps[1:] * ratios / (1 - ratios)
    return float(estimates[-1]), float(abs(estimates[-1] - estimates[-2]))


def _one_sided_limit(table: ApproachTable) -> _OneSidedLimit:
    """Read a limit off a table: where neighbouring values agree best, if they agree well."""
    values = np.array(table.values)
    tail = ", ".join(f"{v:.6g}" for v in values[-3:])
    if not np.all(np.isfinite(values)):
        return _OneSidedLimit(table.side, None, math.inf, f"reach {tail}")
    steps = np.abs(np.diff(values))
    relative = steps / np.maximum(1.0, np.abs(values[1:]))
    run = _settled_run(relative)
    if run:
        best = run[int(np.argmin(relative[run.start : run.stop]))]
        value = float(values[best + 1])
        error = max(float(steps[best - 1 : best + 1].max()), 1e-12 * max(1.0, abs(value)))
        return _OneSidedLimit(table.side, value, error, f"approach {value:.6g}")
    extrapolated = _geometric_limit(values)
    if extrapolated is not None:
        value, error = extrapolated
        error = max(error, 1e-12 * max(1.0, abs(value)))
        return _OneSidedLimit(table.side, value, error, f"approach {value:.6g}")
    magnitudes = np.abs(values[-3:])
    if np.all(np.diff(magnitudes) > 0) and abs(np.sign(values[-3:]).sum()) == 3:
        direction = "+inf" if values[-1] > 0 else "-inf"
        return _OneSidedLimit(table.side, None, math.inf, f"grow toward {direction} ({tail})")
    return _OneSidedLimit(table.side, None, math.inf, f"do not settle ({tail})")


def _approach_phrase(x0: float, side: str) -> str:
    """How a message names one approach: 'from the left', or nothing at +/-inf."""
    return "" if math.isinf(x0) else f"from the {side} "


def limit(f: ScalarFunction, x0: float, side: Side = "both") -> float:
    """lim f(x) as x -> x0 (x0 finite or +/-inf), read off one-sided approach tables.

    Raises LimitDoesNotExist, naming what each side gave, if a side diverges or does not
    settle, or if the two sides disagree. See :func:`approach_table` for the sample points;
    the result is rounded to the digits on which the approach agrees (2 - 1e-9 gives 2.0).
    The value is read where neighbouring rows agree best before round-off sets in, so
    cancellation near x0 (as in (1 - cos x) / x^2) does not fool it. Slow approaches whose
    steps shrink by a steady ratio (x^(1/3) -> 0) are extrapolated (Aitken); slower ones,
    like 1 / log(1/x) -> 0, are reported as not settling.
    """
    x0 = _real("x0", x0, allow_infinite=True)
    sides = _sides(x0, side)
    try:
        outcomes = [_one_sided_limit(approach_table(f, x0, s)) for s in sides]
    except EvaluationError as error:
        if len(sides) == 1:
            raise
        raise EvaluationError(
            f"{error}; if f is defined on one side of {x0:g} only, pass side='left' or 'right'",
        ) from error
    where = f"lim f(x) as x -> {x0:g}"
    report = "; ".join(f"{_approach_phrase(x0, o.side)}the values {o.behaviour}" for o in outcomes)
    if any(o.value is None for o in outcomes):
        raise LimitDoesNotExist(f"{where} does not exist: {report}")
    values = [o.value for o in outcomes if o.value is not None]
    error = max(o.error for o in outcomes)
    spread = max(values) - min(values)
    if spread > 2 * error:
        raise LimitDoesNotExist(f"{where} does not exist, the sides disagree: {report}")
    return _snap(sum(values) / len(values), max(error, spread))


def chord_gap(f: ScalarFunction, a: float, b: float, samples: int = 201) -> float:
    """max |f(x) - chord(x)| over x in [a, b]: found on ``samples`` equally spaced x, then
    refined between the samples either side of the largest (the screen shows 5 decimals;
    the samples alone can be off in the fourth).

    The chord is the straight line through (a, f(a)) and (b, f(b)); the gap is how far the
    curve bends away from straight over the window. For smooth f it shrinks like
    (b - a)^2 |f''| / 8 as the window closes in on a point: zoomed in, a curve looks straight.
    """
    a, b = _real("a", a), _real("b", b)
    if not a < b:
        raise InvalidInputError(f"the window [a, b] needs a < b; got a = {a:g}, b = {b:g}")
    xs = np.linspace(a, b, _count("samples", samples, minimum=2))
    values = np.array([_evaluate(f, float(x)) for x in xs])
    slope = (values[-1] - values[0]) / (b - a)
    gaps = np.abs(values - (values[0] + (xs - a) * slope))
    best = int(np.argmax(gaps))
    low, high = xs[max(best - 1, 0)], xs[min(best + 1, len(xs) - 1)]
    if high <= low:
        return float(gaps[best])
    refined = optimize.minimize_scalar(
        lambda x: -abs(_evaluate(f, float(x)) - values[0] - (x - a) * slope),
        bounds=(low, high),
        method="bounded",
        options={"xatol": 1e-12 * max(1.0, abs(low), abs(high))},
    )
    return float(max(gaps[best], -refined.fun))


# --------------------------------------------------------------------------------------------
# Section 9: partial derivatives, gradient, Hessian
# --------------------------------------------------------------------------------------------


def _point(point: object) -> np.ndarray:
    """A point of R^n as a 1-D float array (validated)."""
    return _vector("point", point)


def _index(index: object, dimension: int) -> int:
    """A coordinate index in 0..dimension-1 (validated)."""
    if isinstance(index, bool) or not isinstance(index, numbers.Integral):
        raise InvalidInputError(f"index must be an integer; got {index!r}")
    if not 0 <= index < dimension:
        raise InvalidInputError(
            f"index must be in 0..{dimension - 1} for a point with {dimension} coordinates; "
            f"got {index}",
        )
    return int(index)


def _along_axis(f: VectorFunction, point: np.ndarray, index: int) -> ScalarFunction:
    """t -> f(point with coordinate ``index`` replaced by t): f sliced along one axis."""

    def slice_of_f(t: float) -> float:
        moved = point.copy()
        moved[index] = t
        return _evaluate(f, moved)

    return slice_of_f


def partial_derivative(f: VectorFunction, point: Sequence[float], index: int) -> float:
    """df/dx_index at point: the derivative of f along coordinate ``index``, others held fixed."""
    p = _point(point)
    i = _index(index, p.size)
    return derivative(_along_axis(f, p, i), float(p[i]))


def _pair(name: str, point: object) -> tuple[float, float]:
    """A point of the plane (validated): two finite coordinates."""
    p = _vector(name, point)
    if p.size != 2:
        raise ShapeError(f"{name} must have 2 coordinates; got {p.size}: {point!r}")
    return float(p[0]), float(p[1])


def saddle(point: Sequence[float]) -> float:
    """z = x^2 - y^2 at ``point`` = (x, y): the saddle whose slices the partial derivatives
    are read from (df/dx = 2x, df/dy = -2y)."""
    x, y = _pair("point", point)
    return x * x - y * y


def cylinder_volume(dimensions: Sequence[float]) -> float:
    """v = pi r^2 l for ``dimensions`` = (r, l), a cylinder's radius and length
    (dv/dr = 2 pi r l, dv/dl = pi r^2)."""
    r, length = _pair("dimensions", dimensions)
    if r < 0 or length < 0:
        raise InvalidInputError(
            f"a cylinder's radius and length must be at least 0; got r = {r}, l = {length}"
        )
    return math.pi * r * r * length


def gradient(f: VectorFunction, point: Sequence[float]) -> np.ndarray:
    """grad f(point) = (df/dx_0, ..., df/dx_{n-1})."""
    p = _point(point)
    return np.array([partial_derivative(f, p, i) for i in range(p.size)])


def _mixed_partial(f: VectorFunction, point: np.ndarray, i: int, j: int) -> float:
    """d/dx_j (df/dx_i) at point: the derivative along axis j of the partial along axis i."""
    return derivative(
        _along_axis(lambda q: partial_derivative(f, q, i), point, j),
        float(point[j]),
    )


def hessian(f: VectorFunction, point: Sequence[float]) -> np.ndarray:
    """H[i, j] = d^2 f / dx_i dx_j at point (symmetric: computed once for i <= j)."""
    p = _point(point)
    result = np.empty((p.size, p.size))
    for j in range(p.size):
        for i in range(j + 1):
            result[i, j] = result[j, i] = _mixed_partial(f, p, i, j)
    return result


@dataclass(frozen=True)
class ChainRulePaths:
    """The chain rule for z = f(x_0(t), ..., x_{n-1}(t)) at one t, path by path.

    ``inner[k]`` = x_k(t), ``outer_partials[k]`` = dz/dx_k there, ``inner_slopes[k]`` =
    dx_k/dt, ``paths[k]`` = their product (the path t -> x_k -> z), ``total`` = the sum of the
    paths, and ``composed`` = dz/dt of t -> f(x(t)) differentiated as one function.
    """

    t: float
    inner: np.ndarray
    value: float
    outer_partials: np.ndarray
    inner_slopes: np.ndarray
    paths: np.ndarray
    total: float
    composed: float


def chain_rule_paths(
    f: VectorFunction, inner: Sequence[ScalarFunction], t: float
) -> ChainRulePaths:
    """dz/dt = sum_k dz/dx_k dx_k/dt for z = f(x(t)): each path's product and their sum.

    Every derivative is numerical (Ridders' extrapolation), so the sum of the paths and the
    derivative of the composed function are computed independently of each other.
    """
    t = _real("t", t)
    if len(inner) == 0:
        raise InvalidInputError("inner must hold at least one function x_k(t)")
    point = np.array([_evaluate(x_k, t) for x_k in inner])
    outer = gradient(f, point)
    slopes = np.array([derivative(x_k, t) for x_k in inner])
    paths = outer * slopes

    def composed(s: float) -> float:
        return _evaluate(f, np.array([x_k(s) for x_k in inner], dtype=float))

    return ChainRulePaths(
        t=t,
        inner=point,
        value=_evaluate(f, point),
        outer_partials=outer,
        inner_slopes=slopes,
        paths=paths,
        total=float(np.sum(paths)),
        composed=derivative(composed, t),
    )


# --------------------------------------------------------------------------------------------
# Section 6 and 10: areas and integrals
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RiemannRectangle:
    """One rectangle of a Riemann sum: [left, right] by height f(sample_x) (signed width)."""

    left: float
    right: float
    sample_x: float
    height: float

    @property
    def area(self) -> float:
        """Signed area (right - left) * height."""
        return (self.right - self.left) * self.height


def inscribed_polygon_area(n_sides: int, radius: float = 1.0) -> float:
    """Area of the regular n-gon inscribed in a circle: (n / 2) r^2 sin(2 pi / n) -> pi r^2."""
    n = _count("n_sides", n_sides, minimum=3)
    r = _positive("radius", radius)
    return 0.5 * n * r * r * math.sin(2 * math.pi / n)


def _grid(a: float, b: float, n: int) -> np.ndarray:
    """The n + 1 equally spaced nodes a = x_0, ..., x_n = b (validated)."""
    a, b = _real("a", a), _real("b", b)
    return np.linspace(a, b, _count("n", n) + 1)


_SAMPLE_FRACTION = {"left": 0.0, "right": 1.0, "midpoint": 0.5}


def riemann_rectangles(
    f: ScalarFunction,
    a: float,
    b: float,
    n: int,
    rule: Rule = "left",
) -> tuple[RiemannRectangle, ...]:
    """The n rectangles of width (b - a) / n, each as tall as f at its left/right/mid point.

    With a > b the widths are negative and "left" is the start of each step from a toward b.
    """
    if rule not in _SAMPLE_FRACTION:
        raise InvalidInputError(f"rule must be 'left', 'right' or 'midpoint'; got {rule!r}")
    nodes = _grid(a, b, n)
    fraction = _SAMPLE_FRACTION[rule]
    rectangles = []
    for left, right in itertools.pairwise(nodes):
        sample_x = float(left + fraction * (right - left))
        rectangles.append(
            RiemannRectangle(float(left), float(right), sample_x, _evaluate(f, sample_x)),
        )
    return tuple(rectangles)


def riemann_sum(f: ScalarFunction, a: float, b: float, n: int, rule: Rule = "left") -> float:
    """sum_k f(x_k*) dx with dx = (b - a) / n and x_k* the left, right or mid point."""
    return math.fsum(rectangle.area for rectangle in riemann_rectangles(f, a, b, n, rule))


def trapezoid(f: ScalarFunction, a: float, b: float, n: int) -> float:
    """(dx / 2) (f(x_0) + 2 f(x_1) + ... + 2 f(x_{n-1}) + f(x_n)), dx = (b - a) / n."""
    nodes = _grid(a, b, n)
    values = [_evaluate(f, float(x)) for x in nodes]
    dx = (nodes[-1] - nodes[0]) / (nodes.size - 1)
    return float(dx * (math.fsum(values[1:-1]) + 0.5 * (values[0] + values[-1])))


def definite_integral(f: ScalarFunction, a: float, b: float) -> float:
    """integral of f from a to b by adaptive quadrature (scipy.integrate.quad); a, b may be inf.

    A result that is not finite, or that quad could not bring to its accuracy (a divergent
    improper integral, say), raises EvaluationError with quad's estimate and its diagnosis.
    """
    a = _real("a", a, allow_infinite=True)
    b = _real("b", b, allow_infinite=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error", integrate.IntegrationWarning)
        try:
            value, _ = integrate.quad(lambda x: _evaluate(f, x), a, b, limit=200)
        except integrate.IntegrationWarning as warning:
            diagnosis = str(warning).strip().splitlines()[0]
            raise EvaluationError(
                f"the integral of f from {a:g} to {b:g} did not converge (it may diverge): "
                f"{diagnosis}",
            ) from warning
    if not math.isfinite(value):
        raise EvaluationError(f"the integral of f from {a:g} to {b:g} is not finite: {value}")
    return float(value)


@dataclass(frozen=True)
class TrapezoidPiece:
    """One trapezoid of the trapezoid rule: [left, right], its sides f(left) and f(right)."""

    left: float
    right: float
    f_left: float
    f_right: float

    @property
    def area(self) -> float:
        """Signed area (right - left) (f(left) + f(right)) / 2."""
        return (self.right - self.left) * (self.f_left + self.f_right) / 2


def trapezoid_pieces(f: ScalarFunction, a: float, b: float, n: int) -> tuple[TrapezoidPiece, ...]:
    """The n trapezoids of width (b - a) / n whose areas :func:`trapezoid` adds up."""
    nodes = _grid(a, b, n)
    values = [_evaluate(f, float(x)) for x in nodes]
    return tuple(
        TrapezoidPiece(float(left), float(right), f_left, f_right)
        for (left, right), (f_left, f_right) in zip(
            itertools.pairwise(nodes), itertools.pairwise(values), strict=True
        )
    )


class Quadrature(NamedTuple):
    """An adaptive quadrature's answer: its value, its own error estimate, how many f(x)."""

    value: float
    error_estimate: float
    evaluations: int


def adaptive_quadrature(f: ScalarFunction, a: float, b: float) -> Quadrature:
    """The integral of f from a to b by scipy.integrate.quad (adaptive Gauss-Kronrod), with
    quad's error estimate and the number of times it evaluated f.

    Like :func:`definite_integral`, a result quad could not bring to its accuracy, or that is
    not finite, raises EvaluationError with quad's diagnosis.
    """
    a = _real("a", a, allow_infinite=True)
    b = _real("b", b, allow_infinite=True)
    result = integrate.quad(lambda x: _evaluate(f, x), a, b, limit=200, full_output=1)
    value, error, info = result[:3]
    if len(result) > 3:  # quad's message: it did not reach its accuracy
        diagnosis = str(result[3]).strip().splitlines()[0]
        raise EvaluationError(
            f"the integral of f from {a:g} to {b:g} did not converge (it may diverge): {diagnosis}",
        )
    if not math.isfinite(value):
        raise EvaluationError(f"the integral of f from {a:g} to {b:g} is not finite: {value}")
    return Quadrature(float(value), float(error), int(info["neval"]))


@dataclass(frozen=True)
class SignedArea:
    """The integral of f over [left, right], a stretch where f keeps one sign."""

    left: float
    right: float
    area: float


def signed_areas(coefficients: Sequence[float], a: float, b: float) -> tuple[SignedArea, ...]:
    """The integral of the polynomial p over [a, b], split where p crosses the x axis.

    Each piece's area (by :func:`definite_integral`) is positive where p lies above the axis
    and negative below it; neighbouring pieces of one sign (p touching the axis) are joined,
    and the pieces add up to the integral over [a, b].
    """
    terms = np.trim_zeros(_vector("coefficients", coefficients), "f")
    a, b = _real("a", a), _real("b", b)
    if not a < b:
        raise InvalidInputError(f"the interval [a, b] needs a < b; got a = {a:g}, b = {b:g}")
    if terms.size == 0:
        raise InvalidInputError("coefficients must not all be 0: p = 0 has no area")
    room = 1e-9 * (b - a)  # a crossing this close to an end leaves no piece worth a name
    cuts = sorted(
        float(r.real)
        for r in (np.roots(terms) if terms.size > 1 else [])
        if abs(r.imag) <= 1e-9 * max(1.0, abs(r)) and a + room < r.real < b - room
    )
    p = polynomial(terms)
    pieces: list[SignedArea] = []
    for left, right in itertools.pairwise([a, *cuts, b]):
        if right - left <= room:
            continue
        area = definite_integral(p, left, right)
        if pieces and (pieces[-1].area >= 0) == (area >= 0):
            previous = pieces.pop()
            left, area = previous.left, previous.area + area
        pieces.append(SignedArea(left, right, area))
    return tuple(pieces)


# --------------------------------------------------------------------------------------------
# Section 10: ROC curve and its area
# --------------------------------------------------------------------------------------------


class RocCurve(NamedTuple):
    """ROC points: at threshold t, fpr = FP/N and tpr = TP/P predicting positive when s >= t."""

    fpr: np.ndarray
    tpr: np.ndarray
    thresholds: np.ndarray


def _binary_labels(y_true: object) -> np.ndarray:
    """y_true as a 0/1 float vector containing both classes (validated)."""
    labels = _vector("y_true", y_true)
    bad = np.flatnonzero((labels != 0) & (labels != 1))
    if bad.size:
        raise InvalidInputError(
            f"y_true must contain only 0 and 1; y_true[{bad[0]}] is {labels[bad[0]]:g}",
        )
    positives = int(labels.sum())
    if positives in (0, labels.size):
        raise InvalidInputError(
            "ROC needs both classes in y_true; got "
            f"{positives} positives and {labels.size - positives} negatives",
        )
    return labels


def roc_curve(y_true: Sequence[float], scores: Sequence[float]) -> RocCurve:
    """(fpr, tpr, thresholds) for thresholds inf > s_(1) > s_(2) > ... (distinct scores).

    The first point, at threshold inf, is (0, 0); the last is (1, 1). Tied scores move both
    rates at once, so the curve goes diagonally across a tie.
    """
    labels = _binary_labels(y_true)
    values = _vector("scores", scores)
    _same_length("y_true", labels, "scores", values)
    order = np.argsort(-values, kind="stable")
    sorted_scores, sorted_labels = values[order], labels[order]
    last_of_each_score = np.r_[np.diff(sorted_scores) != 0, True]
    true_positives = np.cumsum(sorted_labels)[last_of_each_score]
    false_positives = np.cumsum(1 - sorted_labels)[last_of_each_score]
    return RocCurve(
        fpr=np.r_[0.0, false_positives / false_positives[-1]],
        tpr=np.r_[0.0, true_positives / true_positives[-1]],
        thresholds=np.r_[np.inf, sorted_scores[last_of_each_score]],
    )


def roc_auc(y_true: Sequence[float], scores: Sequence[float]) -> float:
    """Area under the ROC curve by the trapezoid rule = P(score of a positive > a negative)."""
    fpr, tpr, _ = roc_curve(y_true, scores)
    return float(np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2))


# --------------------------------------------------------------------------------------------
# Sections 8-9: cost of a line and gradient descent
# --------------------------------------------------------------------------------------------


class LineCost(NamedTuple):
    """C(m, b) = mean((m x + b - y)^2) and its partials dC/dm, dC/db."""

    cost: float
    dcost_dm: float
    dcost_db: float


@dataclass(frozen=True)
class DescentHistory:
    """points[k] = parameters after k steps (points[0] = start); costs[k] = cost at points[k]."""

    points: np.ndarray
    costs: np.ndarray


def mse(y_true: Sequence[float], y_pred: Sequence[float]) -> float:
    """Mean squared error: (1/n) sum (y_pred_i - y_true_i)^2."""
    truth, prediction = _vector("y_true", y_true), _vector("y_pred", y_pred)
    _same_length("y_true", truth, "y_pred", prediction)
    return float(np.mean((prediction - truth) ** 2))


def line_cost_gradient(
    m: float,
    b: float,
    x: Sequence[float] | float,
    y: Sequence[float] | float,
) -> LineCost:
    """C = mean((m x + b - y)^2); dC/dm = 2 mean((m x + b - y) x); dC/db = 2 mean(m x + b - y)."""
    m, b = _real("m", m), _real("b", b)
    xs, ys = _vector("x", x), _vector("y", y)
    _same_length("x", xs, "y", ys)
    residual = m * xs + b - ys
    return LineCost(
        float(np.mean(residual**2)),
        float(2 * np.mean(residual * xs)),
        float(2 * np.mean(residual)),
    )


def _cost_and_gradient_at(
    cost_and_gradient: Callable[[np.ndarray], tuple[float, Sequence[float]]],
    point: np.ndarray,
    step: int,
) -> tuple[float, np.ndarray]:
    """Call the user's (cost, gradient) function and check what it returns."""
    try:
        with np.errstate(all="ignore"):  # overflow shows up as a non-finite cost, reported below
            cost, grad = cost_and_gradient(point.copy())
        cost, grad = float(cost), np.asarray(grad, dtype=float).reshape(-1)
    except Exception as error:
        raise EvaluationError(
            f"cost_and_gradient failed at step {step}, point {_format_point(point)}: "
            f"{type(error).__name__}({error}); it must return (cost, gradient)",
        ) from error
    if grad.shape != point.shape:
        raise ShapeError(
            f"the gradient must have one entry per parameter ({point.size}); got {grad.size}",
        )
    if not (math.isfinite(cost) and np.all(np.isfinite(grad))):
        raise EvaluationError(
            f"gradient descent diverged at step {step}, point {_format_point(point)} "
            f"(cost {cost}); try a smaller learning rate",
        )
    return cost, grad


def gradient_descent(
    cost_and_gradient: Callable[[np.ndarray], tuple[float, Sequence[float]]],
    start: Sequence[float] | float,
    learning_rate: float,
    steps: int,
) -> DescentHistory:
    """p_{k+1} = p_k - learning_rate * grad C(p_k), for ``steps`` steps from ``start``.

    ``cost_and_gradient(p)`` returns ``(C(p), grad C(p))`` (both from one computation, as a
    backward pass gives them). The history holds steps + 1 points and their costs.
    """
    point = _vector("start", start)
    rate = _positive("learning_rate", learning_rate)
    points, costs = [], []
    for step in range(_count("steps", steps) + 1):
        cost, grad = _cost_and_gradient_at(cost_and_gradient, point, step)
        points.append(point)
        costs.append(cost)
        point = point - rate * grad
    return DescentHistory(points=np.array(points), costs=np.array(costs))
