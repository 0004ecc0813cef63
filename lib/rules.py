"""The rules of differentiation (section 7) and of antiderivatives (section 10), each applied
to an example the scenes work out.

Each rule function takes the example's inputs (a constant, an exponent, polynomial
coefficients, an outer function's name) and returns a small frozen record holding the
pieces a scene writes on screen: the coefficients and exponents of f and of f' as the rule
produces it. The record's ``f`` and ``derivative`` evaluate exactly those pieces, so the
formula written on screen and the function plotted (and tested against
:func:`lib.calculus.derivative`) are one and the same.

Polynomials are coefficient tuples, highest power first (as :func:`lib.calculus.polynomial`
and ``numpy.polyval``): ``(1.0, 0.0, -1.0)`` is x^2 - 1.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from lib.calculus import ScalarFunction, polynomial
from lib.errors import EvaluationError, InvalidInputError

Polynomial = tuple[float, ...]
Outer = Literal["sin", "cos", "exp"]

__all__ = [
    "AntiderivativeExample",
    "ChainRuleExample",
    "ConstantMultipleRuleExample",
    "ConstantRuleExample",
    "DifferenceQuotientExpansion",
    "PowerChainRuleExample",
    "PowerRuleExample",
    "ProductRuleExample",
    "QuotientRuleExample",
    "SumRuleExample",
    "chain_rule",
    "constant_multiple_rule",
    "constant_rule",
    "difference_quotient_expansion",
    "differentiate_polynomial",
    "integral_rules",
    "integrate_polynomial",
    "power_chain_rule",
    "power_rule",
    "product_rule",
    "quotient_rule",
    "sampled_extremes",
    "sum_rule",
]

#: The outer functions the chain rule scene offers, each with its derivative's name and sign.
OUTER_DERIVATIVES: dict[str, tuple[str, float]] = {
    "sin": ("cos", 1.0),
    "cos": ("sin", -1.0),
    "exp": ("exp", 1.0),
}
_OUTER = {"sin": math.sin, "cos": math.cos, "exp": math.exp}


# -- validation ----------------------------------------------------------------------------


def _real(name: str, value: object) -> float:
    """``value`` as a finite float, refusing non-numbers, booleans, NaN and infinity."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise InvalidInputError(f"{name} must be a real number; got {value!r}")
    result = float(value)
    if not math.isfinite(result):
        raise InvalidInputError(f"{name} must be a finite real number; got {result}")
    return result


def _polynomial(name: str, values: object) -> Polynomial:
    """Coefficients (highest power first) as a tuple of finite floats, not all zero."""
    if isinstance(values, str | bytes) or not isinstance(values, Sequence | np.ndarray):
        raise InvalidInputError(
            f"{name} must be a sequence of coefficients, highest power first; got {values!r}"
        )
    terms = tuple(_real(f"{name}[{i}]", v) for i, v in enumerate(values))
    if not terms:
        raise InvalidInputError(f"{name} must have at least one coefficient")
    if all(c == 0 for c in terms):
        raise InvalidInputError(f"{name} must not be the zero polynomial; got {terms}")
    while len(terms) > 1 and terms[0] == 0:  # 0x^2 + x is x: its degree is 1
        terms = terms[1:]
    return terms


def _power(base: float, exponent: float) -> float:
    """base ** exponent, real or an EvaluationError (x^0.5 at x < 0, x^-1 at 0)."""
    try:
        return math.pow(base, exponent)
    except (ValueError, ZeroDivisionError, OverflowError) as error:
        raise EvaluationError(f"x^{exponent:g} is not a real number at x = {base:g}") from error


# -- polynomials -------------------------------------------------------------------------------


def differentiate_polynomial(coefficients: Sequence[float]) -> Polynomial:
    """The coefficients of p' (highest power first): each c x^k becomes k c x^(k-1).

    A constant's derivative is ``(0.0,)``.
    """
    terms = _polynomial("coefficients", coefficients)
    degree = len(terms) - 1
    if degree == 0:
        return (0.0,)
    return tuple(c * (degree - i) for i, c in enumerate(terms[:-1]))


def _trimmed(coefficients: np.ndarray) -> Polynomial:
    """Coefficients without leading zeros, as floats; ``(0.0,)`` for the zero polynomial."""
    values = [float(c) + 0.0 for c in np.atleast_1d(coefficients)]
    while len(values) > 1 and values[0] == 0:
        values = values[1:]
    return tuple(values)


def _product_derivative(
    u: Polynomial, v: Polynomial, du: Polynomial, dv: Polynomial, sign: float
) -> Polynomial:
    """The coefficients of u' v + sign * u v' (sign -1: the quotient rule's numerator)."""
    return _trimmed(np.polyadd(np.polymul(du, v), sign * np.polymul(u, dv)))


def _evaluate(coefficients: Polynomial, x: float) -> float:
    return polynomial(coefficients)(x)


def sampled_extremes(
    f: ScalarFunction, a: float, b: float, samples: int = 400
) -> tuple[float, float]:
    """(min, max) of f at ``samples`` + 1 equally spaced points from a to b (ends included)."""
    a, b = _real("a", a), _real("b", b)
    if not a < b:
        raise InvalidInputError(f"the interval needs a < b; got a = {a:g}, b = {b:g}")
    if isinstance(samples, bool) or not isinstance(samples, numbers.Integral) or samples < 1:
        raise InvalidInputError(f"samples must be an integer >= 1; got {samples!r}")
    values = []
    for x in np.linspace(a, b, int(samples) + 1):
        try:
            value = float(f(float(x)))
        except Exception as error:  # f is arbitrary: report the point
            raise EvaluationError(f"f raised {type(error).__name__} at x = {x:g}") from error
        if not math.isfinite(value):
            raise EvaluationError(f"f returned {value} at x = {x:g}; it must be finite")
        values.append(value)
    return min(values), max(values)


# -- the rules ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ConstantRuleExample:
    """f(x) = c; f'(x) = 0: a constant does not change, so its slope is 0 everywhere."""

    constant: float
    slope: float  # 0, the derivative the rule gives

    def f(self, x: float) -> float:
        return self.constant

    def derivative(self, x: float) -> float:
        return self.slope


@dataclass(frozen=True)
class PowerRuleExample:
    """f(x) = x^n; f'(x) = n x^(n - 1)."""

    exponent: float  # n
    coefficient: float  # n, brought down in front
    lowered: float  # n - 1, the new exponent

    def f(self, x: float) -> float:
        return _power(x, self.exponent)

    def derivative(self, x: float) -> float:
        return self.coefficient * _power(x, self.lowered)


@dataclass(frozen=True)
class ConstantMultipleRuleExample:
    """f(x) = c x^n; f'(x) = c (n x^(n - 1)) = (c n) x^(n - 1)."""

    constant: float  # c
    exponent: float  # n
    inner_coefficient: float  # n: the derivative of x^n is n x^(n - 1)
    coefficient: float  # c n
    lowered: float  # n - 1

    def f(self, x: float) -> float:
        return self.constant * _power(x, self.exponent)

    def derivative(self, x: float) -> float:
        return self.coefficient * _power(x, self.lowered)


@dataclass(frozen=True)
class SumRuleExample:
    """f = the sum of the terms c_k x^k of a polynomial; f' = the sum of their derivatives.

    ``terms[i]`` is (c, k) for each non-zero coefficient, highest power first, and
    ``term_derivatives[i]`` is (k c, k - 1), the power rule applied to it ((0, 0) for a
    constant term).
    """

    coefficients: Polynomial
    terms: tuple[tuple[float, int], ...]
    term_derivatives: tuple[tuple[float, int], ...]
    derivative_coefficients: Polynomial

    def f(self, x: float) -> float:
        return math.fsum(c * _power(x, k) for c, k in self.terms)

    def derivative(self, x: float) -> float:
        return math.fsum(c * _power(x, k) for c, k in self.term_derivatives)


@dataclass(frozen=True)
class ProductRuleExample:
    """f = u v; f' = u' v + u v', which multiplies out to the polynomial ``expanded``."""

    u: Polynomial
    v: Polynomial
    du: Polynomial
    dv: Polynomial
    expanded: Polynomial  # u' v + u v' multiplied out

    def f(self, x: float) -> float:
        return _evaluate(self.u, x) * _evaluate(self.v, x)

    def derivative(self, x: float) -> float:
        u, v = _evaluate(self.u, x), _evaluate(self.v, x)
        return _evaluate(self.du, x) * v + u * _evaluate(self.dv, x)


@dataclass(frozen=True)
class QuotientRuleExample:
    """f = u / v; f' = (u' v - u v') / v^2 (where v is not 0), its numerator ``numerator``."""

    u: Polynomial
    v: Polynomial
    du: Polynomial
    dv: Polynomial
    numerator: Polynomial  # u' v - u v' multiplied out

    def _denominator(self, x: float) -> float:
        v = _evaluate(self.v, x)
        if v == 0:
            raise EvaluationError(f"the denominator v is 0 at x = {x:g}: u / v is undefined")
        return v

    def f(self, x: float) -> float:
        return _evaluate(self.u, x) / self._denominator(x)

    def derivative(self, x: float) -> float:
        v = self._denominator(x)
        u = _evaluate(self.u, x)
        return (_evaluate(self.du, x) * v - u * _evaluate(self.dv, x)) / (v * v)


@dataclass(frozen=True)
class ChainRuleExample:
    """f = g(u(x)) for an outer g (sin, cos or exp); f' = g'(u(x)) u'(x).

    g' is ``outer_derivative_sign`` times the function named ``outer_derivative``
    (the derivative of cos is -sin).
    """

    outer: str
    inner: Polynomial
    outer_derivative: str
    outer_derivative_sign: float
    inner_derivative: Polynomial

    def f(self, x: float) -> float:
        return _OUTER[self.outer](_evaluate(self.inner, x))

    def derivative(self, x: float) -> float:
        g_prime = self.outer_derivative_sign * _OUTER[self.outer_derivative](
            _evaluate(self.inner, x)
        )
        return g_prime * _evaluate(self.inner_derivative, x)


@dataclass(frozen=True)
class PowerChainRuleExample:
    """f = u(x)^n; f' = n u(x)^(n - 1) u'(x): the power rule on the outside, times u'.

    ``scaled_inner_derivative`` is n u'(x) as one polynomial, so f' = (n u') u^(n - 1).
    """

    exponent: int  # n
    inner: Polynomial  # u
    coefficient: float  # n, brought down in front
    lowered: int  # n - 1
    inner_derivative: Polynomial  # u'
    scaled_inner_derivative: Polynomial  # n u'

    def f(self, x: float) -> float:
        return _evaluate(self.inner, x) ** self.exponent

    def derivative(self, x: float) -> float:
        u = _evaluate(self.inner, x)
        return self.coefficient * u**self.lowered * _evaluate(self.inner_derivative, x)


def constant_rule(constant: float) -> ConstantRuleExample:
    """d/dx c = 0."""
    return ConstantRuleExample(_real("constant", constant), 0.0)


def power_rule(exponent: float) -> PowerRuleExample:
    """d/dx x^n = n x^(n - 1), for any real n other than 0."""
    n = _real("exponent", exponent)
    if n == 0:
        raise InvalidInputError("exponent must not be 0: x^0 = 1 is a constant (constant rule)")
    return PowerRuleExample(n, n, n - 1)


def constant_multiple_rule(constant: float, exponent: float) -> ConstantMultipleRuleExample:
    """d/dx (c x^n) = c d/dx x^n = (c n) x^(n - 1)."""
    c = _real("constant", constant)
    n = _real("exponent", exponent)
    if n == 0:
        raise InvalidInputError("exponent must not be 0: c x^0 = c is a constant (constant rule)")
    return ConstantMultipleRuleExample(c, n, n, c * n, n - 1)


def sum_rule(coefficients: Sequence[float]) -> SumRuleExample:
    """d/dx (sum of c_k x^k) = sum of k c_k x^(k - 1): each term differentiated on its own."""
    p = _polynomial("coefficients", coefficients)
    degree = len(p) - 1
    terms = tuple((c, degree - i) for i, c in enumerate(p) if c != 0)
    derivatives = tuple((k * c, k - 1) if k else (0.0, 0) for c, k in terms)
    return SumRuleExample(p, terms, derivatives, differentiate_polynomial(p))


def product_rule(u: Sequence[float], v: Sequence[float]) -> ProductRuleExample:
    """d/dx (u v) = u' v + u v' for polynomials u and v."""
    u_terms, v_terms = _polynomial("u", u), _polynomial("v", v)
    du, dv = differentiate_polynomial(u_terms), differentiate_polynomial(v_terms)
    return ProductRuleExample(
        u_terms, v_terms, du, dv, _product_derivative(u_terms, v_terms, du, dv, 1.0)
    )


def quotient_rule(u: Sequence[float], v: Sequence[float]) -> QuotientRuleExample:
    """d/dx (u / v) = (u' v - u v') / v^2 for polynomials u and v."""
    u_terms, v_terms = _polynomial("u", u), _polynomial("v", v)
    du, dv = differentiate_polynomial(u_terms), differentiate_polynomial(v_terms)
    return QuotientRuleExample(
        u_terms, v_terms, du, dv, _product_derivative(u_terms, v_terms, du, dv, -1.0)
    )


def chain_rule(outer: str, inner: Sequence[float]) -> ChainRuleExample:
    """d/dx g(u(x)) = g'(u(x)) u'(x) for g in sin, cos, exp and a polynomial u."""
    if outer not in OUTER_DERIVATIVES:
        raise InvalidInputError(f"outer must be one of {sorted(OUTER_DERIVATIVES)}; got {outer!r}")
    u = _polynomial("inner", inner)
    name, sign = OUTER_DERIVATIVES[outer]
    return ChainRuleExample(outer, u, name, sign, differentiate_polynomial(u))


def power_chain_rule(exponent: int, inner: Sequence[float]) -> PowerChainRuleExample:
    """d/dx u(x)^n = n u(x)^(n - 1) u'(x) for a whole n >= 1 and a polynomial u."""
    if isinstance(exponent, bool) or not isinstance(exponent, numbers.Real):
        raise InvalidInputError(f"exponent must be a whole number >= 1; got {exponent!r}")
    n = _real("exponent", exponent)
    if not n.is_integer() or n < 1:
        raise InvalidInputError(f"exponent must be a whole number >= 1; got {n:g}")
    u = _polynomial("inner", inner)
    du = differentiate_polynomial(u)
    return PowerChainRuleExample(int(n), u, n, int(n) - 1, du, _trimmed(n * np.asarray(du)))


# -- from the delta method to the derivative ---------------------------------------------------

#: A term c x^i dx^j of a polynomial in x and dx, as (c, i, j).
Term = tuple[float, int, int]


@dataclass(frozen=True)
class DifferenceQuotientExpansion:
    """(f(x + dx) - f(x)) / dx for a polynomial f, worked symbolically (binomial theorem).

    ``shifted`` is f(x + dx) multiplied out, ``rise`` is f(x + dx) - f(x) (the terms with dx
    in them), ``quotient`` is the rise divided by dx, and ``limit`` is what is left of the
    quotient at dx = 0: the coefficients of f'(x). Terms are (c, power of x, power of dx):
    f's terms in order, each expanded by rising powers of dx; the quotient's by rising
    powers of dx, then falling powers of x.
    """

    coefficients: Polynomial
    shifted: tuple[Term, ...]
    rise: tuple[Term, ...]
    quotient: tuple[Term, ...]
    limit: Polynomial

    def quotient_at(self, x: float, dx: float) -> float:
        """The written quotient evaluated: sum of c x^i dx^j over ``quotient``."""
        return math.fsum(c * x**i * dx**j for c, i, j in self.quotient)

    def derivative(self, x: float) -> float:
        """The limit as dx -> 0, evaluated: the polynomial ``limit`` at x."""
        return _evaluate(self.limit, x)


def difference_quotient_expansion(coefficients: Sequence[float]) -> DifferenceQuotientExpansion:
    """f(x + dx), f(x + dx) - f(x), their quotient by dx and its limit, for a polynomial f.

    Each c x^k expands to the sum over j of c C(k, j) x^(k - j) dx^j; the j = 0 terms are
    f(x) and cancel, dividing by dx lowers each dx power by one, and at dx = 0 only the
    j = 1 terms, c k x^(k - 1), remain.
    """
    p = _polynomial("coefficients", coefficients)
    degree = len(p) - 1
    shifted: list[Term] = []
    for i, c in enumerate(p):
        k = degree - i
        if c == 0:
            continue
        shifted += [(c * math.comb(k, j), k - j, j) for j in range(k + 1)]
    rise = tuple(t for t in shifted if t[2] > 0)
    # The quotient's terms without dx first: they are what the limit leaves.
    quotient = tuple(sorted(((c, i, j - 1) for c, i, j in rise), key=lambda t: (t[2], -t[1])))
    return DifferenceQuotientExpansion(
        p, tuple(shifted), rise, quotient, differentiate_polynomial(p)
    )


# -- antiderivatives, by the power, constant multiple and sum rules ----------------------------


def integrate_polynomial(coefficients: Sequence[float]) -> Polynomial:
    """The coefficients of the antiderivative F with F(0) = 0 (highest power first): each
    c x^k becomes c x^(k + 1) / (k + 1), and the constant of integration is 0.
    """
    terms = _polynomial("coefficients", coefficients)
    degree = len(terms) - 1
    return (*(c / (degree - i + 1) for i, c in enumerate(terms)), 0.0)


@dataclass(frozen=True)
class AntiderivativeExample:
    """f = the sum of its terms c x^k; F = the sum of c x^(k + 1) / (k + 1), term by term.

    ``terms[i]`` is (c, k) for each non-zero term of f, highest power first;
    ``term_antiderivatives[i]`` is (c / (k + 1), k + 1): the power rule turns x^k into
    x^(k + 1) / (k + 1), the constant multiple rule keeps c in front of it, and the sum rule
    adds the terms' antiderivatives. F(0) = 0: the constant of integration C is taken as 0.
    ``antiderivative`` evaluates exactly those pieces, so the F written on screen is the F
    that is evaluated and checked.
    """

    coefficients: Polynomial
    terms: tuple[tuple[float, int], ...]
    term_antiderivatives: tuple[tuple[float, int], ...]
    antiderivative_coefficients: Polynomial

    def f(self, x: float) -> float:
        return math.fsum(c * _power(x, k) for c, k in self.terms)

    def antiderivative(self, x: float) -> float:
        return math.fsum(c * _power(x, k) for c, k in self.term_antiderivatives)

    def definite(self, a: float, b: float) -> float:
        """F(b) - F(a): the integral of f from a to b."""
        return self.antiderivative(_real("b", b)) - self.antiderivative(_real("a", a))


def integral_rules(coefficients: Sequence[float]) -> AntiderivativeExample:
    """An antiderivative of the polynomial f, found term by term: the integral of c x^k is
    c x^(k + 1) / (k + 1) (power and constant multiple rules), and of a sum, the sum of
    the terms' integrals (sum rule).
    """
    p = _polynomial("coefficients", coefficients)
    degree = len(p) - 1
    terms = tuple((c, degree - i) for i, c in enumerate(p) if c != 0)
    antiderivatives = tuple((c / (k + 1), k + 1) for c, k in terms)
    return AntiderivativeExample(p, terms, antiderivatives, integrate_polynomial(p))
