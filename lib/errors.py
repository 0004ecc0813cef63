"""Errors raised by the numeric backing.

Every error subclasses ``ValueError`` (through :class:`LibError`), so a caller
can catch one kind precisely or all of them at once. Messages say what was
wrong, with the offending values, and what would work instead.
"""

from __future__ import annotations


class LibError(ValueError):
    """Base class of every error raised by ``lib``."""


class InvalidInputError(LibError):
    """An argument is not of the kind a function accepts (type, rank, NaN, inf...)."""


class ShapeError(LibError):
    """Array shapes do not fit together, e.g. (m, n) times (k, p) with n != k."""


class SingularMatrixError(LibError):
    """A matrix has no inverse (its determinant is zero or numerically zero)."""


class NotRealError(LibError):
    """A result would be complex where a real one is needed (e.g. eigenvalues)."""


class LimitDoesNotExist(LibError):
    """A limit does not exist: the sides disagree, or the values diverge."""


class EvaluationError(LibError):
    """A function raised, or returned NaN or infinity, at a sample point."""
