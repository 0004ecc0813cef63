"""Hypothesis strategies for the input domains scenes declare (see :mod:`scenes.inputs`)."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from scenes.inputs import Choice, Domain, Matrix, Number, Spec, Vector, show_value


def numbers(spec: Number) -> st.SearchStrategy[Any]:
    """Numbers as a lecturer types them: whole, or with at most ``places`` decimals."""
    places = 0 if spec.integer else spec.places
    scale = 10**places
    low, high = round(spec.low * scale), round(spec.high * scale)
    if spec.integer:  # a whole number is an int, as a lecturer types it
        drawn: st.SearchStrategy[Any] = st.integers(low, high)
    else:
        drawn = st.integers(low, high).map(lambda k: float(k) / scale if places else float(k))
    if spec.nonzero:
        drawn = drawn.filter(lambda v: v != 0)
    return drawn


def spec_strategy(spec: Spec) -> st.SearchStrategy[Any]:
    if isinstance(spec, Number):
        return numbers(spec)
    if isinstance(spec, Vector):
        shortest, longest = spec.lengths
        drawn = st.integers(shortest, longest).flatmap(
            lambda n: st.tuples(*[numbers(spec.entry())] * n)
        )
        if spec.nonzero:
            drawn = drawn.filter(lambda v: any(x != 0 for x in v))
        return drawn
    if isinstance(spec, Matrix):
        return st.tuples(st.integers(*spec.row_range), st.integers(*spec.column_range)).flatmap(
            lambda shape: st.tuples(*[st.tuples(*[numbers(spec.entry())] * shape[1])] * shape[0])
        )
    if isinstance(spec, Choice):
        return st.sampled_from(spec.options)
    raise TypeError(f"no strategy for {spec!r}")


def domain_strategy(domain: Domain) -> st.SearchStrategy[dict[str, Any]]:
    """Every input drawn from its spec, kept only when the domain's rules all hold."""
    drawn = st.fixed_dictionaries({name: spec_strategy(s) for name, s in domain.specs.items()})
    return drawn.filter(lambda values: not domain.problems(values))


def as_override(scene: str, inputs: dict[str, Any]) -> str:
    """The inputs as class attributes, ready to paste into the scene (or a regression list)."""
    lines = [f"class {scene}(...):  # inputs that fail"]
    lines += [f"    {name} = {show_value(value)}" for name, value in inputs.items()]
    return "\n".join(lines)
