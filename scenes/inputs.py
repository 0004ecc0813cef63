"""The inputs a scene supports, declared as data beside the inputs themselves.

A scene states its example's inputs as class attributes and, next to them, the
domain a lecturer may draw other inputs from::

    class VectorNorms(LessonScene):
        vector = (3.0, -4.0)
        domain = Domain(
            vector=Vector(2, -10, 10, nonzero=True),
        )

Before anything is drawn the scene checks its inputs against the domain; an
input outside it is refused with a message that names the input, the rule it
breaks and an example that works. The same declarations drive the lesson fuzz
test (``make fuzz``), which draws inputs from every domain and renders the
lesson with the layout lint, and ``make inputs``, which lists them.

Numbers are drawn as a lecturer would type them: at most ``places`` decimals.
Conditions that tie inputs together or need the mathematics ("the matrix has
real eigenvalues") are :class:`Rule` objects whose check calls ``lib``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from lib.errors import InvalidInputError


class InputError(InvalidInputError):
    """A scene's input lies outside the domain the scene declares."""


def _plain(value: float) -> str:
    """A number as a lecturer writes it: ``3``, ``-0.25``, ``1e-06``."""
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.10g}"


def show_value(value: Any) -> str:
    """An input value as Python source a lecturer can paste into the class."""
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, int | float):
        text = _plain(float(value))
        return text if "." in text or "e" in text or isinstance(value, int) else text + ".0"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, Sequence):
        parts = [show_value(v) for v in value]
        return "(" + ", ".join(parts) + ("," if len(parts) == 1 else "") + ")"
    return repr(value)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


@dataclass(frozen=True)
class Number:
    """One real number in ``[low, high]``, at most ``places`` decimals when drawn."""

    low: float
    high: float
    places: int = 2
    integer: bool = False
    nonzero: bool = False

    def describe(self) -> str:
        kind = "a whole number" if self.integer else "a number"
        text = f"{kind} from {_plain(self.low)} to {_plain(self.high)}"
        return text + (", not 0" if self.nonzero else "")

    def problem(self, value: Any) -> str | None:
        if not _is_number(value) or not math.isfinite(float(value)):
            return "must be a finite number"
        value = float(value)
        if not self.low <= value <= self.high:
            return f"must lie from {_plain(self.low)} to {_plain(self.high)}"
        if self.integer and not value.is_integer():
            return "must be a whole number"
        if self.nonzero and value == 0:
            return "must not be 0"
        return None


@dataclass(frozen=True)
class Vector:
    """A tuple of ``length`` numbers (or a length in ``(shortest, longest)``), each in range."""

    length: int | tuple[int, int]
    low: float
    high: float
    places: int = 2
    integer: bool = False
    nonzero: bool = False  # not the zero vector

    @property
    def lengths(self) -> tuple[int, int]:
        return (self.length, self.length) if isinstance(self.length, int) else self.length

    def entry(self) -> Number:
        return Number(self.low, self.high, self.places, self.integer)

    def describe(self) -> str:
        shortest, longest = self.lengths
        count = f"{shortest}" if shortest == longest else f"{shortest} to {longest}"
        text = f"{count} numbers, each {self.entry().describe()[2:]}"
        return text + (", not all 0" if self.nonzero else "")

    def problem(self, value: Any) -> str | None:
        shortest, longest = self.lengths
        if isinstance(value, str) or not isinstance(value, Sequence):
            return "must be a tuple of numbers"
        if not shortest <= len(value) <= longest:
            wanted = shortest if shortest == longest else f"{shortest} to {longest}"
            return f"must have {wanted} entries, not {len(value)}"
        for i, entry in enumerate(value):
            problem = self.entry().problem(entry)
            if problem:
                return f"entry {i} ({show_value(entry)}) {problem}"
        if self.nonzero and all(float(v) == 0 for v in value):
            return "must not be the zero vector"
        return None


@dataclass(frozen=True)
class Matrix:
    """A tuple of rows, ``rows`` x ``columns`` (each an int or a range), entries in range."""

    rows: int | tuple[int, int]
    columns: int | tuple[int, int]
    low: float
    high: float
    places: int = 2
    integer: bool = False

    @staticmethod
    def _range(value: int | tuple[int, int]) -> tuple[int, int]:
        return (value, value) if isinstance(value, int) else value

    @property
    def row_range(self) -> tuple[int, int]:
        return self._range(self.rows)

    @property
    def column_range(self) -> tuple[int, int]:
        return self._range(self.columns)

    def entry(self) -> Number:
        return Number(self.low, self.high, self.places, self.integer)

    @staticmethod
    def _span(r: tuple[int, int]) -> str:
        return str(r[0]) if r[0] == r[1] else f"{r[0]} to {r[1]}"

    def describe(self) -> str:
        shape = f"{self._span(self.row_range)} x {self._span(self.column_range)}"
        return f"a {shape} matrix, each entry {self.entry().describe()[2:]}"

    def problem(self, value: Any) -> str | None:
        if isinstance(value, str) or not isinstance(value, Sequence) or not value:
            return "must be a tuple of rows, e.g. ((1.0, 2.0), (3.0, 4.0))"
        if any(isinstance(row, str) or not isinstance(row, Sequence) for row in value):
            return "must be a tuple of rows, each a tuple of numbers"
        low, high = self.row_range
        if not low <= len(value) <= high:
            return f"must have {self._span(self.row_range)} rows, not {len(value)}"
        widths = {len(row) for row in value}
        if len(widths) != 1:
            return "must have rows of one length"
        (width,) = widths
        low, high = self.column_range
        if not low <= width <= high:
            return f"must have {self._span(self.column_range)} columns, not {width}"
        for i, row in enumerate(value):
            for j, entry in enumerate(row):
                problem = self.entry().problem(entry)
                if problem:
                    return f"entry ({i}, {j}) = {show_value(entry)} {problem}"
        return None


@dataclass(frozen=True)
class Choice:
    """One of a few named options."""

    options: tuple[Any, ...]

    def describe(self) -> str:
        return "one of " + ", ".join(show_value(o) for o in self.options)

    def problem(self, value: Any) -> str | None:
        return None if value in self.options else f"must be {self.describe()}"


Spec = Number | Vector | Matrix | Choice


@dataclass(frozen=True)
class Rule:
    """A condition on the inputs together: ``check(inputs)`` is true when they are fine.

    ``names`` are the inputs it concerns (for the message); the check receives every
    input by name and should compute with ``lib``.
    """

    description: str
    names: tuple[str, ...]
    check: Callable[[Mapping[str, Any]], bool]


@dataclass(frozen=True)
class Domain:
    """Each input's spec by name, and the rules that tie them together."""

    specs: Mapping[str, Spec]
    rules: tuple[Rule, ...] = ()
    defaults: dict[str, Any] = field(default_factory=dict, compare=False)

    def __init__(self, *, rules: Sequence[Rule] = (), **specs: Spec) -> None:
        object.__setattr__(self, "specs", dict(specs))
        object.__setattr__(self, "rules", tuple(rules))
        object.__setattr__(self, "defaults", {})

    def __set_name__(self, owner: type, name: str) -> None:
        # The defining class's own values: the example a refusal offers.
        for input_name in self.specs:
            if input_name not in vars(owner):
                raise TypeError(f"{owner.__name__}.domain names {input_name!r}, not an input")
            self.defaults[input_name] = vars(owner)[input_name]

    def values_of(self, scene: Any) -> dict[str, Any]:
        return {name: getattr(scene, name) for name in self.specs}

    def problems(self, values: Mapping[str, Any]) -> list[tuple[str, str]]:
        """Each broken rule as ``(inputs, what is wrong)``; empty when every input fits."""
        found = []
        for name, spec in self.specs.items():
            problem = spec.problem(values[name])
            if problem:
                found.append((name, f"{problem} ({spec.describe()})"))
        if found:
            return found  # rules assume well-formed inputs
        for rule in self.rules:
            try:
                ok = rule.check(values)
            except (ValueError, ArithmeticError) as error:
                ok, why = False, f" ({error})"
            else:
                why = ""
            if not ok:
                found.append((", ".join(rule.names), f"{rule.description}{why}"))
        return found

    def check(self, scene_name: str, values: Mapping[str, Any]) -> None:
        """Raise :class:`InputError` naming the first input outside the domain."""
        problems = self.problems(values)
        if not problems:
            return
        names, what = problems[0]
        shown = "; ".join(f"{n} = {show_value(values[n])}" for n in names.split(", "))
        example = ""
        if not self.problems(self.defaults):
            example = " For example: " + "; ".join(
                f"{n} = {show_value(self.defaults[n])}" for n in names.split(", ")
            )
        raise InputError(f"{scene_name}: {shown} is refused: {names} {what}.{example}")

    def describe(self) -> list[tuple[str, str]]:
        """Each input with its rule, then the rules, as lines for ``make inputs``."""
        lines = [(name, spec.describe()) for name, spec in self.specs.items()]
        lines += [(", ".join(rule.names), rule.description) for rule in self.rules]
        return lines
