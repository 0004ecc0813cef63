"""Linear algebra for sections 1-5: every vector, matrix, eigenvalue and step a scene shows.

Inputs may be lists, tuples or numpy arrays of real numbers; each public function checks its
arguments at the boundary (rank, shape, finiteness, numeric type) and raises an error from
:mod:`lib.errors` that names the argument, shows its value and says what would work.

Conventions that keep re-renders stable:

- Eigenvalues are returned in descending order; every eigenvector, right singular vector and
  principal component is a unit vector whose first non-zero component (|x| > ``SIGN_TOL``)
  is positive. In the SVD the matching column of U is flipped with it, so U diag(s) Vt = A.
- Step-by-step functions return frozen dataclasses of plain Python floats; a scene formats and
  plays them, it never recomputes a number.
- Results holding arrays are frozen dataclasses with read-only arrays.
"""

from __future__ import annotations

import math
import numbers
import reprlib
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Literal

import numpy as np
import scipy.linalg
from numpy.typing import ArrayLike, NDArray

from lib.errors import InvalidInputError, NotRealError, ShapeError, SingularMatrixError

__all__ = [
    "SIGN_TOL",
    "BackSubstitution",
    "CofactorNode",
    "CofactorTerm",
    "DotSteps",
    "EigenStructure",
    "EliminationStep",
    "IsolatedVariable",
    "LinearEquation",
    "MatmulStep",
    "NormSteps",
    "OneUnknownEquation",
    "PCAResult",
    "PlaneSVD",
    "PowerIterationResult",
    "PseudoinverseSteps",
    "SVDCompression",
    "SolvedValue",
    "SubstitutedEquation",
    "SubstitutionStep",
    "add",
    "add_scalar",
    "affine_map",
    "angle_between",
    "apply",
    "are_orthogonal",
    "classify_system",
    "cofactor_expansion",
    "covariance",
    "default_image",
    "design_matrix",
    "determinant",
    "dominant_eigenpair",
    "dot",
    "dot_steps",
    "eig",
    "eigen_structure",
    "eigendecompose",
    "eigenvalue_product",
    "fit_line_pinv",
    "frobenius_norm",
    "hadamard",
    "homogeneous",
    "identity",
    "inverse",
    "is_orthogonal_matrix",
    "is_symmetric",
    "l1_norm",
    "l2_norm",
    "matmul",
    "matmul_steps",
    "max_norm",
    "noisy_line",
    "norm_steps",
    "normalize",
    "pca",
    "perpendicular",
    "plane_svd",
    "point_cloud",
    "power_iteration",
    "projection",
    "pseudoinverse",
    "pseudoinverse_steps",
    "rank_k_approximation",
    "reduce_sum",
    "reflection",
    "rotation",
    "scalar_projection",
    "scale",
    "scaling",
    "shape_of",
    "shear",
    "solve",
    "solve_by_elimination",
    "solve_by_substitution",
    "squared_l2_norm",
    "svd",
    "svd_compress",
    "trace",
    "transpose",
    "unit_vector",
]

Array = NDArray[np.float64]

SIGN_TOL = 1e-9
"""Components with absolute value at most this are treated as zero by the sign convention."""

SINGULAR_CONDITION = 1e12
"""A square matrix whose condition number exceeds this is treated as singular."""

COMPLEX_TOL = 1e-8
"""An eigenvalue whose imaginary part exceeds this (relative to the largest |eigenvalue|,
at least 1) is complex."""

MAX_COFACTOR_SIZE = 5
"""Largest n for which :func:`cofactor_expansion` builds its tree (5x5 has 206 nodes)."""

MAX_POWER_STEPS = 10_000
"""Largest number of steps :func:`power_iteration` accepts."""

NormName = Literal["l1", "l2", "max"]
SystemKind = Literal["one", "none", "infinite"]


# --------------------------------------------------------------------------------------------
# Validation at the boundary (the only place inputs are checked)
# --------------------------------------------------------------------------------------------

_repr = reprlib.Repr()
_repr.maxlist = _repr.maxtuple = 6
_repr.maxlevel = 3
_repr.maxstring = 30
_repr.maxother = 40


def _show(value: Any) -> str:
    """A short one-line rendering of ``value`` for error messages."""
    if isinstance(value, np.ndarray):
        text = np.array2string(
            value, precision=4, threshold=12, edgeitems=2, separator=", ", max_line_width=10_000
        )
    else:
        text = _repr.repr(value)
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "..."


def _as_array(name: str, value: ArrayLike) -> Array:
    """``value`` as a non-empty float array of finite real numbers, or InvalidInputError."""
    if isinstance(value, (str, bytes)):
        raise InvalidInputError(f"{name} must be numbers, not text; got {_show(value)}")
    try:
        array = np.asarray(value)
    except (ValueError, TypeError):
        raise InvalidInputError(
            f"{name} must be a rectangular array of numbers (every row the same length); "
            f"got {_show(value)}"
        ) from None
    if array.dtype.kind == "O":
        if not all(isinstance(x, numbers.Real) and not isinstance(x, bool) for x in array.flat):
            raise InvalidInputError(
                f"{name} must hold only real numbers (every row the same length); "
                f"got {_show(value)}"
            )
    elif array.dtype.kind == "c":
        raise InvalidInputError(f"{name} must be real, not complex; got {_show(value)}")
    elif array.dtype.kind not in "iuf":
        raise InvalidInputError(f"{name} must hold only real numbers; got {_show(value)}")
    array = array.astype(np.float64)
    if array.size == 0:
        raise InvalidInputError(f"{name} must not be empty; got shape {array.shape}")
    if not np.all(np.isfinite(array)):
        bad = tuple(int(i) for i in np.argwhere(~np.isfinite(array))[0])
        raise InvalidInputError(
            f"{name} must be finite, but {name}{list(bad)} = {array[bad]}; "
            f"replace NaN and infinity with numbers"
        )
    return array


def _as_vector(name: str, value: ArrayLike) -> Array:
    """``value`` as a 1-D float vector, or InvalidInputError naming its rank."""
    array = _as_array(name, value)
    if array.ndim != 1:
        raise InvalidInputError(
            f"{name} must be a 1-D vector such as [3, -4]; got a {array.ndim}-D array of "
            f"shape {array.shape}: {_show(array)}"
        )
    return array


def _as_matrix(name: str, value: ArrayLike, *, square: bool = False) -> Array:
    """``value`` as a 2-D float matrix (square if asked), else InvalidInputError/ShapeError."""
    array = _as_array(name, value)
    if array.ndim != 2:
        raise InvalidInputError(
            f"{name} must be a 2-D matrix such as [[1, 2], [3, 4]]; got a {array.ndim}-D "
            f"array of shape {array.shape}: {_show(array)}"
        )
    if square and array.shape[0] != array.shape[1]:
        raise ShapeError(f"{name} must be square (n, n); got shape {array.shape}")
    return array


def _as_vector_or_matrix(name: str, value: ArrayLike) -> Array:
    """``value`` as a 1-D or 2-D float array, else InvalidInputError naming its rank."""
    array = _as_array(name, value)
    if array.ndim not in (1, 2):
        raise InvalidInputError(
            f"{name} must be a vector or a matrix (1-D or 2-D); got a {array.ndim}-D array "
            f"of shape {array.shape}"
        )
    return array


def _as_scalar(name: str, value: Any) -> float:
    """``value`` as a finite real float, or InvalidInputError."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (numbers.Real, np.ndarray)):
        raise InvalidInputError(f"{name} must be a real number; got {_show(value)}")
    if isinstance(value, np.ndarray):
        if value.ndim != 0 or value.dtype.kind not in "iuf":
            raise InvalidInputError(f"{name} must be a real number; got {_show(value)}")
        value = value.item()
    number = float(value)
    if not math.isfinite(number):
        raise InvalidInputError(f"{name} must be finite; got {number}")
    return number


def _as_count(name: str, value: Any, low: int, high: int) -> int:
    """``value`` as a whole number in [low, high], or InvalidInputError."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral):
        raise InvalidInputError(
            f"{name} must be a whole number from {low} to {high}; got {_show(value)}"
        )
    if not low <= int(value) <= high:
        raise InvalidInputError(f"{name} must be from {low} to {high}; got {int(value)}")
    return int(value)


def _same_length(name_u: str, u: Array, name_v: str, v: Array) -> None:
    """Raise ShapeError unless the vectors u and v have the same length."""
    if u.shape != v.shape:
        raise ShapeError(
            f"{name_u} and {name_v} must have the same length; got {u.shape[0]} and {v.shape[0]}"
        )


def _nonzero(name: str, v: Array) -> None:
    """Raise InvalidInputError if ``v`` is the zero vector."""
    if not np.any(v):
        raise InvalidInputError(
            f"{name} is the zero vector {_show(v)}, which has no direction; "
            f"give a vector with a non-zero component"
        )


def _float(value: Any) -> float:
    """``value`` as a Python float (-0.0 written as 0.0); InvalidInputError if it overflows."""
    try:
        return float(value) + 0.0
    except OverflowError:
        raise InvalidInputError(
            "a step of this calculation exceeds the float range; rescale the inputs "
            "so their sizes are comparable"
        ) from None


def _floats(values: Any) -> tuple[float, ...]:
    """The numbers as a tuple of Python floats, with -0.0 written as 0.0."""
    return tuple(_float(x) for x in values)


def _without_overflow(name: str, matrix: Array, compute: Callable[[], Array]) -> Array:
    """compute(), which must be finite; InvalidInputError if a tiny ``name`` overflows it."""
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        result = compute()
    if not np.all(np.isfinite(result)):
        raise InvalidInputError(
            f"the result exceeds the float range; rescale {name}, whose largest entry is only "
            f"{np.max(np.abs(matrix)):.3g}"
        )
    return result


def _read_only(array: Array) -> Array:
    """``array`` marked read-only, so a frozen result cannot be changed in place."""
    array.setflags(write=False)
    return array


# --------------------------------------------------------------------------------------------
# Vectors and norms
# --------------------------------------------------------------------------------------------


def l1_norm(v: ArrayLike) -> float:
    """||v||_1 = sum_i |v_i|."""
    return float(np.sum(np.abs(_as_vector("v", v))))


def l2_norm(v: ArrayLike) -> float:
    """||v||_2 = sqrt(sum_i v_i^2)."""
    return float(np.linalg.norm(_as_vector("v", v)))


def squared_l2_norm(v: ArrayLike) -> float:
    """||v||_2^2 = sum_i v_i^2 = v . v."""
    vector = _as_vector("v", v)
    return float(vector @ vector)


def max_norm(v: ArrayLike) -> float:
    """||v||_inf = max_i |v_i|."""
    return float(np.max(np.abs(_as_vector("v", v))))


_NORMS = {"l1": l1_norm, "l2": l2_norm, "max": max_norm}


def normalize(v: ArrayLike, norm: NormName = "l2") -> Array:
    """v / ||v|| for the chosen norm: where v's direction meets that norm's unit ball."""
    if not isinstance(norm, str) or norm not in _NORMS:
        raise InvalidInputError(f"norm must be one of 'l1', 'l2', 'max'; got {_show(norm)}")
    vector = _as_vector("v", v)
    _nonzero("v", vector)
    return vector / _NORMS[norm](vector)


def unit_vector(v: ArrayLike) -> Array:
    """v / ||v||_2, the vector of length 1 pointing the same way as v."""
    return normalize(v, "l2")


@dataclass(frozen=True)
class NormSteps:
    """Every intermediate number of the four norms of one vector."""

    components: tuple[float, ...]  # v_i
    absolute_values: tuple[float, ...]  # |v_i|
    squares: tuple[float, ...]  # v_i^2
    l1: float  # sum |v_i|
    squared_l2: float  # sum v_i^2
    l2: float  # sqrt(squared_l2)
    max_norm: float  # max |v_i|
    max_index: int  # first i with |v_i| == max_norm


def norm_steps(v: ArrayLike) -> NormSteps:
    """|v_i|, v_i^2, their sums, sqrt of the sum and the max: the norms written out."""
    vector = _as_vector("v", v)
    absolute = np.abs(vector)
    squares = vector**2
    squared_l2 = float(np.sum(squares))
    return NormSteps(
        components=_floats(vector),
        absolute_values=_floats(absolute),
        squares=_floats(squares),
        l1=float(np.sum(absolute)),
        squared_l2=squared_l2,
        l2=math.sqrt(squared_l2),
        max_norm=float(np.max(absolute)),
        max_index=int(np.argmax(absolute)),
    )


def dot(u: ArrayLike, v: ArrayLike) -> float:
    """u . v = sum_i u_i v_i."""
    first, second = _as_vector("u", u), _as_vector("v", v)
    _same_length("u", first, "v", second)
    return float(first @ second)


def angle_between(u: ArrayLike, v: ArrayLike) -> float:
    """theta = arccos(u . v / (||u|| ||v||)), in radians in [0, pi]."""
    first, second = _as_vector("u", u), _as_vector("v", v)
    _same_length("u", first, "v", second)
    _nonzero("u", first)
    _nonzero("v", second)
    cosine = (first @ second) / (np.linalg.norm(first) * np.linalg.norm(second))
    return float(np.arccos(np.clip(cosine, -1.0, 1.0)))


def are_orthogonal(u: ArrayLike, v: ArrayLike, tol: float = 1e-9) -> bool:
    """|u . v| <= tol * max(1, ||u|| ||v||): u and v meet at a right angle (or one is zero)."""
    first, second = _as_vector("u", u), _as_vector("v", v)
    _same_length("u", first, "v", second)
    tolerance = _as_scalar("tol", tol)
    scale = max(1.0, float(np.linalg.norm(first) * np.linalg.norm(second)))
    return bool(abs(first @ second) <= tolerance * scale)


def perpendicular(v: ArrayLike, scale: float = 1.0) -> Array:
    """scale * (-v_2, v_1): the plane vector v turned a quarter turn anticlockwise, then scaled.

    Its components are v's own, swapped and negated: no rotation matrix rounds them.
    """
    vector, factor = _as_vector("v", v), _as_scalar("scale", scale)
    if vector.shape != (2,):
        raise ShapeError(f"v must be a plane vector of 2 numbers; got shape {vector.shape}")
    return _finite("scale * (-v_2, v_1)", factor * np.array([-vector[1], vector[0]]))


def transpose(A: ArrayLike) -> Array:
    """(A^T)_ij = A_ji; a 1-D vector of length n becomes an (n, 1) column."""
    array = _as_vector_or_matrix("A", A)
    return array.reshape(-1, 1) if array.ndim == 1 else array.T.copy()


def shape_of(x: Any) -> tuple[int, ...]:
    """The shape of a nested list or array: () for a scalar, (n,) for a vector, and so on."""
    if isinstance(x, np.ndarray):
        return tuple(int(n) for n in x.shape)
    if isinstance(x, (str, bytes)):
        raise InvalidInputError(f"x must be a number or nested lists of numbers; got {_show(x)}")
    if isinstance(x, numbers.Number):
        return ()
    if not isinstance(x, (list, tuple)):
        raise InvalidInputError(
            f"x must be a number, a nested list or an array; got {type(x).__name__}"
        )
    shapes = {shape_of(item) for item in x}
    if len(shapes) > 1:
        raise InvalidInputError(
            f"x is ragged: its items have different shapes {sorted(shapes)}; "
            f"every item at one level must have the same shape"
        )
    return (len(x), *(shapes.pop() if shapes else ()))


def identity(n: int) -> Array:
    """I_n, the n x n matrix with ones on the diagonal."""
    return np.eye(_as_count("n", n, 1, 1000))


def apply(A: ArrayLike, vectors: ArrayLike) -> Array:
    """A v for each vector v (the rows of ``vectors``): rows in, rows out, i.e. V A^T."""
    matrix = _as_matrix("A", A)
    points = _as_vector_or_matrix("vectors", vectors)
    size = points.shape[-1]
    if size != matrix.shape[1]:
        raise ShapeError(
            f"A of shape {matrix.shape} needs vectors of length {matrix.shape[1]}; "
            f"got vectors of length {size}"
        )
    return points @ matrix.T


# --------------------------------------------------------------------------------------------
# Matrices
# --------------------------------------------------------------------------------------------


def frobenius_norm(A: ArrayLike) -> float:
    """||A||_F = sqrt(sum_ij A_ij^2) = sqrt(tr(A A^T))."""
    return float(np.linalg.norm(_as_matrix("A", A)))


def trace(A: ArrayLike) -> float:
    """tr(A) = sum_i A_ii (A square)."""
    return float(np.trace(_as_matrix("A", A, square=True)))


def _close(A: Array, B: Array, tol: float) -> bool:
    """max |A - B| <= tol * max(1, max |A|)."""
    return bool(np.max(np.abs(A - B)) <= tol * max(1.0, float(np.max(np.abs(A)))))


def is_symmetric(A: ArrayLike, tol: float = 1e-9) -> bool:
    """A == A^T (within tol); a non-square matrix is never symmetric."""
    matrix = _as_matrix("A", A)
    tolerance = _as_scalar("tol", tol)
    return matrix.shape[0] == matrix.shape[1] and _close(matrix, matrix.T, tolerance)


def is_orthogonal_matrix(A: ArrayLike, tol: float = 1e-9) -> bool:
    """A^T A == I (within tol): orthonormal columns, so A^-1 = A^T; A must be square."""
    matrix = _as_matrix("A", A)
    tolerance = _as_scalar("tol", tol)
    n = matrix.shape[0]
    return n == matrix.shape[1] and _close(matrix.T @ matrix, np.eye(n), tolerance)


def _product_shapes(A: ArrayLike, B: ArrayLike) -> tuple[Array, Array]:
    """A as a matrix and B as a matrix or vector, with A's columns matching B's rows."""
    left, right = _as_matrix("A", A), _as_vector_or_matrix("B", B)
    if left.shape[1] != right.shape[0]:
        rule = "(m, n)(n, p) -> (m, p)" if right.ndim == 2 else "(m, n)(n,) -> (m,)"
        raise ShapeError(
            f"cannot multiply {left.shape} by {right.shape}: inner sizes {left.shape[1]} and "
            f"{right.shape[0]} differ; {rule} needs them equal"
        )
    return left, right


def matmul(A: ArrayLike, B: ArrayLike) -> Array:
    """C = A B with C_ij = sum_k A_ik B_kj; a 1-D B gives the 1-D vector A b."""
    left, right = _product_shapes(A, B)
    return left @ right


@dataclass(frozen=True)
class MatmulStep:
    """One output cell of A B: row i of A times column j of B, pair by pair, then summed."""

    i: int
    j: int  # 0 when B is a vector
    row: tuple[float, ...]  # A[i, :]
    column: tuple[float, ...]  # B[:, j]
    products: tuple[float, ...]  # row[k] * column[k]
    total: float  # sum(products) == C[i, j]


def matmul_steps(A: ArrayLike, B: ArrayLike) -> tuple[Array, list[MatmulStep]]:
    """C = A B and one step per cell (row-major): C_ij = sum_k A_ik B_kj, pair by pair."""
    left, right = _product_shapes(A, B)
    columns = right.reshape(right.shape[0], -1)
    steps = []
    for i in range(left.shape[0]):
        for j in range(columns.shape[1]):
            products = _floats(left[i] * columns[:, j])
            steps.append(
                MatmulStep(
                    i=i,
                    j=j,
                    row=_floats(left[i]),
                    column=_floats(columns[:, j]),
                    products=products,
                    total=math.fsum(products),
                )
            )
    product = np.array([step.total for step in steps]).reshape(left.shape[0], columns.shape[1])
    return (product[:, 0] if right.ndim == 1 else product), steps


def determinant(A: ArrayLike) -> float:
    """det(A): ad - bc for 2x2, the first-row cofactor formula for 3x3, LU beyond."""
    return _determinant(_as_matrix("A", A, square=True))


def _determinant(matrix: Array) -> float:
    """det of a validated square matrix (closed forms up to 3x3, LU beyond)."""
    n = matrix.shape[0]
    if n == 1:
        return float(matrix[0, 0])
    if n == 2:
        return float(matrix[0, 0] * matrix[1, 1] - matrix[0, 1] * matrix[1, 0])
    if n == 3:
        (a, b, c), (d, e, f), (g, h, i) = matrix
        return float(a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g))
    return float(scipy.linalg.det(matrix))


@dataclass(frozen=True)
class CofactorTerm:
    """One term of a first-row expansion: entry * sign * det(minor)."""

    column: int  # j, the entry A[0, j] expanded along the first row
    entry: float  # A[0, j]
    sign: int  # (-1)^j, +1 or -1
    minor: CofactorNode  # A without row 0 and column j, expanded in turn
    cofactor: float  # sign * minor.determinant
    contribution: float  # entry * cofactor


@dataclass(frozen=True)
class CofactorNode:
    """A square matrix and its determinant as the sum of its first-row terms."""

    matrix: tuple[tuple[float, ...], ...]
    determinant: float  # sum of term contributions (the entry itself for 1x1)
    terms: tuple[CofactorTerm, ...]  # empty for a 1x1 matrix

    @property
    def size(self) -> int:
        """n for this n x n matrix."""
        return len(self.matrix)


def _cofactor_node(matrix: Array) -> CofactorNode:
    """det(A) = sum_j (-1)^j A_0j det(M_0j), with every minor expanded down to 1x1."""
    rows = tuple(_floats(row) for row in matrix)
    if matrix.shape[0] == 1:
        return CofactorNode(matrix=rows, determinant=rows[0][0], terms=())
    terms = []
    for j, entry in enumerate(rows[0]):
        minor = _cofactor_node(np.delete(matrix[1:], j, axis=1))
        sign = -1 if j % 2 else 1
        cofactor = sign * minor.determinant
        terms.append(
            CofactorTerm(
                column=j,
                entry=entry,
                sign=sign,
                minor=minor,
                cofactor=cofactor,
                contribution=entry * cofactor,
            )
        )
    total = math.fsum(term.contribution for term in terms)
    return CofactorNode(matrix=rows, determinant=total, terms=tuple(terms))


def cofactor_expansion(A: ArrayLike) -> tuple[float, CofactorNode]:
    """det(A) by Laplace expansion along the first row, with the full tree (n <= 5)."""
    matrix = _as_matrix("A", A, square=True)
    if matrix.shape[0] > MAX_COFACTOR_SIZE:
        raise ShapeError(
            f"cofactor expansion is shown for up to {MAX_COFACTOR_SIZE}x{MAX_COFACTOR_SIZE}; "
            f"got shape {matrix.shape}: use determinant(A)"
        )
    tree = _cofactor_node(matrix)
    return tree.determinant, tree


def _parallel_columns(matrix: Array, tol: float) -> tuple[int, int, float] | None:
    """The first pair (i, j) of non-zero columns with column j = ratio * column i, if any."""
    norms = np.linalg.norm(matrix, axis=0)
    for i in range(matrix.shape[1]):
        for j in range(i + 1, matrix.shape[1]):
            if norms[i] == 0 or norms[j] == 0:
                continue
            ratio = float(matrix[:, i] @ matrix[:, j]) / norms[i] ** 2
            if np.linalg.norm(matrix[:, j] - ratio * matrix[:, i]) <= tol * norms[j]:
                return i, j, ratio
    return None


def _singularity_reason(matrix: Array, rank: int, condition: float) -> str:
    """Why the square ``matrix`` has no (reliable) inverse, in a few words."""
    zero = np.flatnonzero(~np.any(matrix, axis=0))
    if zero.size:
        return f"column {zero[0] + 1} is all zeros"
    n = matrix.shape[0]
    exact = rank < n
    pair = _parallel_columns(matrix, 1e-9 if exact else 1e-6)
    if pair is not None:
        i, j, ratio = pair
        nearly = "" if exact else "nearly "
        return (
            f"columns {i + 1} and {j + 1} are {nearly}parallel "
            f"(column {j + 1} = {ratio:.4g} times column {i + 1})"
        )
    if exact:
        return f"its columns are linearly dependent (rank {rank} < {n})"
    return f"it is nearly singular (condition number {condition:.2g})"


def _require_invertible(name: str, matrix: Array, why: str, hint: str = "") -> None:
    """Raise SingularMatrixError, with det and the reason, unless ``matrix`` is invertible."""
    singular_values = np.linalg.svd(matrix, compute_uv=False)
    largest, smallest = singular_values[0], singular_values[-1]
    n = matrix.shape[0]
    rank = int(np.sum(singular_values > n * np.finfo(float).eps * largest))
    condition = math.inf if smallest == 0 else float(largest / smallest)
    if rank == n and condition <= SINGULAR_CONDITION:
        return
    det = _determinant(matrix)
    shown = "0" if rank < n and abs(det) <= 1e-9 * max(1.0, largest) ** n else f"{det:.3g}"
    reason = _singularity_reason(matrix, rank, condition)
    raise SingularMatrixError(f"{why}: det({name}) = {shown}, {reason}{hint}")


def inverse(A: ArrayLike) -> Array:
    """A^-1 with A A^-1 = I; a singular matrix is refused with its determinant and why."""
    matrix = _as_matrix("A", A, square=True)
    _require_invertible(
        "A", matrix, "cannot invert A", "; pseudoinverse(A) gives a least-squares inverse"
    )
    return _without_overflow("A", matrix, lambda: np.linalg.inv(matrix))


# --------------------------------------------------------------------------------------------
# Linear systems
# --------------------------------------------------------------------------------------------


def _system(A: ArrayLike, b: ArrayLike, *, square: bool = True) -> tuple[Array, Array]:
    """A as a (square) matrix and b as a vector with one entry per row of A."""
    matrix, rhs = _as_matrix("A", A, square=square), _as_vector("b", b)
    if rhs.shape[0] != matrix.shape[0]:
        raise ShapeError(
            f"b must have one entry per row of A; A has shape {matrix.shape}, "
            f"b has length {rhs.shape[0]}"
        )
    return matrix, rhs


def _kind(matrix: Array, rhs: Array) -> SystemKind:
    """'one', 'none' or 'infinite' by comparing rank(A), rank([A | b]) and n."""
    rank = np.linalg.matrix_rank(matrix)
    augmented = np.linalg.matrix_rank(np.column_stack([matrix, rhs]))
    if augmented > rank:
        return "none"
    return "one" if rank == matrix.shape[1] else "infinite"


def classify_system(A: ArrayLike, b: ArrayLike) -> SystemKind:
    """'one' if rank A = n, 'none' if rank [A|b] > rank A, else 'infinite' solutions."""
    return _kind(*_system(A, b, square=False))


def _require_one_solution(matrix: Array, rhs: Array) -> None:
    """Raise SingularMatrixError (saying 'no' or 'infinitely many') unless Ax = b has one."""
    why = {
        "one": "cannot solve A x = b reliably",
        "none": "the system has no solution",
        "infinite": "the system has infinitely many solutions",
    }[_kind(matrix, rhs)]
    _require_invertible("A", matrix, why)


def solve(A: ArrayLike, b: ArrayLike) -> Array:
    """The x with A x = b, for square invertible A."""
    matrix, rhs = _system(A, b)
    _require_one_solution(matrix, rhs)
    return _without_overflow("A", matrix, lambda: np.linalg.solve(matrix, rhs))


def _system_2x2(A: ArrayLike, b: ArrayLike) -> tuple[Array, Array]:
    """A 2x2 system with exactly one solution, else ShapeError/SingularMatrixError."""
    matrix, rhs = _system(A, b)
    if matrix.shape != (2, 2):
        raise ShapeError(f"this method solves 2x2 systems; A has shape {matrix.shape}")
    _require_one_solution(matrix, rhs)
    return matrix, rhs


_AugmentedRows = list[list[Fraction]]


def _exact_rows(matrix: Array, rhs: Array) -> _AugmentedRows:
    """[A | b] as rows of exact fractions (each float converted without rounding)."""
    return [[Fraction(x) for x in (*row, value)] for row, value in zip(matrix, rhs, strict=True)]


@dataclass(frozen=True)
class LinearEquation:
    """The line 'coefficients[0] x0 + coefficients[1] x1 = rhs'."""

    description: str
    coefficients: tuple[float, float]
    rhs: float


@dataclass(frozen=True)
class IsolatedVariable:
    """The line 'x_variable = constant + slope * x_other' (other = 1 - variable)."""

    description: str
    variable: int
    constant: float
    slope: float


@dataclass(frozen=True)
class SubstitutedEquation:
    """The line 'coefficient (constant + slope x_other) + other_coefficient x_other = rhs'."""

    description: str
    variable: int  # the unknown replaced by its expression
    coefficient: float
    constant: float
    slope: float
    other_coefficient: float
    rhs: float


@dataclass(frozen=True)
class OneUnknownEquation:
    """The line 'coefficient x_variable = rhs'."""

    description: str
    variable: int
    coefficient: float
    rhs: float


@dataclass(frozen=True)
class SolvedValue:
    """The line 'x_variable = value'."""

    description: str
    variable: int
    value: float


@dataclass(frozen=True)
class BackSubstitution:
    """The line 'x_variable = constant + slope * known = value'."""

    description: str
    variable: int
    constant: float
    slope: float
    known: float  # the value of the other unknown
    value: float


SubstitutionStep = (
    LinearEquation
    | IsolatedVariable
    | SubstitutedEquation
    | OneUnknownEquation
    | SolvedValue
    | BackSubstitution
)


def _choose_isolation(matrix: Array) -> tuple[int, int]:
    """(equation, variable) to isolate: the first coefficient of +-1, else the largest."""
    candidates = [(e, v) for e in range(2) for v in range(2)]
    unit = [(e, v) for e, v in candidates if abs(matrix[e, v]) == 1]
    return unit[0] if unit else max(candidates, key=lambda ev: abs(matrix[ev]))


def solve_by_substitution(
    A: ArrayLike, b: ArrayLike, isolate: tuple[int, int] | None = None
) -> tuple[Array, list[SubstitutionStep]]:
    """Solve a 2x2 A x = b by isolating one unknown and substituting it into the other equation.

    ``isolate`` = (equation, variable) picks the unknown to isolate (0-based); by default the
    first coefficient equal to +-1, else the largest in absolute value. Every number is computed
    exactly (in fractions) and rounded once, so 2.5 t = 3 (t - 5) gives t = 30.0, not 30.000001.
    """
    matrix, rhs = _system_2x2(A, b)
    if isolate is None:
        equation, variable = _choose_isolation(matrix)
    else:
        if not (isinstance(isolate, tuple) and len(isolate) == 2):
            raise InvalidInputError(
                f"isolate must be a pair (equation, variable) of 0 or 1; got {_show(isolate)}"
            )
        equation = _as_count("isolate[0]", isolate[0], 0, 1)
        variable = _as_count("isolate[1]", isolate[1], 0, 1)
        if matrix[equation, variable] == 0:
            raise InvalidInputError(
                f"cannot isolate x{variable} from equation {equation}: its coefficient is 0; "
                f"choose a non-zero coefficient"
            )
    c = _exact_rows(matrix, rhs)
    other, other_equation = 1 - variable, 1 - equation
    constant = c[equation][2] / c[equation][variable]
    slope = -c[equation][other] / c[equation][variable]
    coefficient, other_coefficient = c[other_equation][variable], c[other_equation][other]
    collected = coefficient * slope + other_coefficient
    collected_rhs = c[other_equation][2] - coefficient * constant
    known = collected_rhs / collected
    value = constant + slope * known
    steps: list[SubstitutionStep] = [
        LinearEquation(f"equation {e + 1}", _floats(c[e][:2]), _float(c[e][2])) for e in range(2)
    ]
    steps += [
        IsolatedVariable(
            f"solve equation {equation + 1} for x{variable}",
            variable,
            *_floats((constant, slope)),
        ),
        SubstitutedEquation(
            f"substitute x{variable} into equation {other_equation + 1}",
            variable,
            *_floats((coefficient, constant, slope, other_coefficient, c[other_equation][2])),
        ),
        OneUnknownEquation(
            f"collect the x{other} terms", other, *_floats((collected, collected_rhs))
        ),
        SolvedValue(f"divide both sides by {_float(collected):g}", other, *_floats((known,))),
        BackSubstitution(
            f"put x{other} back to find x{variable}",
            variable,
            *_floats((constant, slope, known, value)),
        ),
    ]
    solution = np.zeros(2)
    solution[variable], solution[other] = _float(value), _float(known)
    return solution, steps


@dataclass(frozen=True)
class EliminationStep:
    """One row operation on the augmented matrix [A | b], and the rows after it.

    operation is 'start' (no change), 'swap' (R_target <-> R_source), 'add_multiple'
    (R_target <- R_target + factor R_source) or 'scale' (R_target <- factor R_target).
    Rows are 0-based; ``rows`` is the augmented matrix after the operation.
    """

    description: str
    operation: Literal["start", "swap", "add_multiple", "scale"]
    target: int | None
    source: int | None
    factor: float | None
    rows: tuple[tuple[float, float, float], tuple[float, float, float]]


def _rows(rows: _AugmentedRows) -> tuple[tuple[float, float, float], tuple[float, float, float]]:
    """The augmented 2x3 matrix as nested tuples of floats (each rounded once)."""
    first, second = (_floats(row) for row in rows)
    return first, second  # type: ignore[return-value]


def _eliminate(rows: _AugmentedRows, target: int, source: int) -> list[EliminationStep]:
    """R_target <- R_target + factor R_source, clearing column ``source`` of R_target (in place)."""
    if rows[target][source] == 0:
        return []
    factor = -rows[target][source] / rows[source][source]
    rows[target] = [t + factor * u for t, u in zip(rows[target], rows[source], strict=True)]
    return [
        EliminationStep(
            f"R{target + 1} <- R{target + 1} {'-' if factor < 0 else '+'} "
            f"{_float(abs(factor)):g} R{source + 1} to eliminate x{source}",
            "add_multiple",
            target,
            source,
            _float(factor),
            _rows(rows),
        )
    ]


def _scale(rows: _AugmentedRows, target: int) -> list[EliminationStep]:
    """R_target <- R_target / pivot, making the pivot of row ``target`` 1 (in place)."""
    if rows[target][target] == 1:
        return []
    pivot = rows[target][target]
    rows[target] = [t / pivot for t in rows[target]]
    return [
        EliminationStep(
            f"R{target + 1} <- R{target + 1} / ({_float(pivot):g}) to solve for x{target}",
            "scale",
            target,
            None,
            _float(1 / pivot),
            _rows(rows),
        )
    ]


def solve_by_elimination(A: ArrayLike, b: ArrayLike) -> tuple[Array, list[EliminationStep]]:
    """Solve a 2x2 A x = b by Gauss-Jordan row operations on [A | b] until it reads [I | x].

    The row operations are done exactly (in fractions) and each shown number rounded once.
    """
    rows = _exact_rows(*_system_2x2(A, b))
    steps = [
        EliminationStep(
            "write the augmented matrix [A | b]", "start", None, None, None, _rows(rows)
        )
    ]
    if rows[0][0] == 0:
        rows.reverse()
        steps.append(
            EliminationStep(
                "swap R1 and R2 to get a non-zero pivot", "swap", 0, 1, None, _rows(rows)
            )
        )
    steps += _eliminate(rows, target=1, source=0) + _scale(rows, 1)
    steps += _eliminate(rows, target=0, source=1) + _scale(rows, 0)
    return np.array(_floats(row[2] for row in rows)), steps


# --------------------------------------------------------------------------------------------
# Eigenvalues, SVD and their uses
# --------------------------------------------------------------------------------------------


def _sign_fixed(vectors: Array) -> tuple[Array, Array]:
    """Columns flipped so each one's first component with |x| > SIGN_TOL is positive.

    Returns the flipped columns and the +-1 sign applied to each.
    """
    signs = np.ones(vectors.shape[1])
    for j in range(vectors.shape[1]):
        significant = np.flatnonzero(np.abs(vectors[:, j]) > SIGN_TOL)
        if significant.size and vectors[significant[0], j] < 0:
            signs[j] = -1.0
    return vectors * signs, signs


def _real_eigenvectors(vectors: NDArray[Any]) -> Array:
    """Complex eigenvector columns rotated to real phase (largest entry real) and unit."""
    columns = np.array(vectors, dtype=complex)
    for j in range(columns.shape[1]):
        largest = columns[np.argmax(np.abs(columns[:, j])), j]
        columns[:, j] *= np.conj(largest) / abs(largest)
    real = columns.real
    return real / np.linalg.norm(real, axis=0)


def _refined_eigenvectors(matrix: Array, values: Array, vectors: Array) -> Array:
    """Each column with a poor residual |A v - lambda v| replaced by the null vector of A - lI.

    LAPACK balances a badly scaled matrix (entries 1e-50 beside 1) and can return such columns.
    """
    tolerance = 1e-9 * max(1.0, float(np.linalg.norm(matrix)))
    refined = vectors.copy()
    for j, value in enumerate(values):
        if np.linalg.norm(matrix @ vectors[:, j] - value * vectors[:, j]) > tolerance:
            refined[:, j] = np.linalg.svd(matrix - value * np.eye(len(matrix)))[2][-1]
    return refined


def _complex_text(values: NDArray[Any]) -> str:
    """Complex numbers as '0+1i, 0-1i' (3 significant digits, rounding noise removed)."""
    return ", ".join(f"{z.real + 0.0:.3g}{z.imag + 0.0:+.3g}i" for z in np.round(values, 9))


def eig(A: ArrayLike) -> tuple[Array, Array]:
    """Eigenpairs A v = lambda v: values descending, vectors unit columns with sign fixed."""
    matrix = _as_matrix("A", A, square=True)
    if np.array_equal(matrix, matrix.T):
        values, vectors = np.linalg.eigh(matrix)
    else:
        values, vectors = np.linalg.eig(matrix)
        scale = max(1.0, float(np.max(np.abs(values))))
        if np.any(np.abs(np.imag(values)) > COMPLEX_TOL * scale):
            raise NotRealError(
                f"A has complex eigenvalues ({_complex_text(values)}): no real direction is only "
                f"stretched "
                f"(e.g. a rotation); use a matrix with real eigenvalues, such as a symmetric one"
            )
        values = np.real(values)
        vectors = _refined_eigenvectors(matrix, values, _real_eigenvectors(vectors))
    order = np.argsort(-values, kind="stable")
    fixed, _ = _sign_fixed(vectors[:, order])
    return values[order].astype(np.float64), fixed


def eigendecompose(A: ArrayLike) -> tuple[Array, Array, Array]:
    """(V, lambda, V^-1) with A = V diag(lambda) V^-1; a defective A is refused."""
    values, vectors = eig(A)
    _require_invertible("V", vectors, "A is not diagonalisable (its eigenvectors are dependent)")
    return vectors, values, np.linalg.inv(vectors)


def eigenvalue_product(A: ArrayLike) -> float:
    """lambda_1 lambda_2 ... lambda_n, the product of A's eigenvalues: det A.

    Complex eigenvalues of a real A come in conjugate pairs, whose product |lambda|^2 is real,
    so the product is real; what imaginary part rounding leaves is dropped.
    """
    matrix = _as_matrix("A", A, square=True)
    values = np.linalg.eigvals(matrix)
    product = _without_overflow("A", matrix, lambda: np.prod(values))
    return _float(np.real(product))


EigenKind = Literal["opposite", "positive", "negative", "zero", "scaling", "defective"]

EIGEN_TOL = 1e-9
"""An eigenvalue at most this (relative to the largest |entry|) is 0."""

REPEATED_TOL = 1e-6
"""Two eigenvalues at most this apart (relative to the largest |entry|) are one repeated value."""


@dataclass(frozen=True)
class EigenStructure:
    """What a real 2x2 matrix does along its eigen-directions.

    ``values``: both eigenvalues, descending (a repeated one twice; 0 exactly when it is zero).
    ``directions``: the independent unit eigenvectors, sign fixed as in :func:`eig`; the k-th
    belongs to ``values[k]``. Two, except for a defective matrix, which has one.
    ``kind``: distinct eigenvalues of ``"opposite"`` signs, both ``"positive"``, both
    ``"negative"``, or one of them ``"zero"``; or a repeated eigenvalue with every vector an
    eigenvector (``"scaling"``, A = lambda I) or with a single eigen-direction (``"defective"``).
    """

    values: tuple[float, float]
    directions: tuple[tuple[float, ...], ...]
    kind: EigenKind


def eigen_structure(A: ArrayLike) -> EigenStructure:
    """The eigenvalues, independent eigen-directions and kind of a real 2x2 matrix A.

    The eigenvalues solve l^2 - tr(A) l + det(A) = 0; they repeat when the discriminant
    (a - d)^2 + 4bc vanishes, and are complex (refused with NotRealError) when it is negative.
    """
    matrix = _as_matrix("A", A, square=True)
    if matrix.shape != (2, 2):
        raise ShapeError(f"A must be a 2x2 matrix; got shape {matrix.shape}")
    scale = float(np.max(np.abs(matrix)))
    tol = EIGEN_TOL * scale
    (a, b), (c, d) = matrix
    discriminant = (a - d) ** 2 + 4 * b * c  # (l1 - l2)^2
    gap = (REPEATED_TOL * scale) ** 2
    if discriminant < -gap:
        roots = (a + d) / 2 + np.array([1j, -1j]) * math.sqrt(-discriminant) / 2
        raise NotRealError(
            f"A has complex eigenvalues ({_complex_text(roots)}): no real direction is only "
            "stretched (e.g. a rotation); use a matrix with real eigenvalues, such as a "
            "symmetric one"
        )

    def snapped(value: float) -> float:
        return 0.0 if abs(value) <= tol else _float(value)

    if abs(discriminant) <= gap:
        value = snapped((a + d) / 2)
        shifted = matrix - (a + d) / 2 * np.eye(2)
        if np.max(np.abs(shifted)) <= REPEATED_TOL * scale:
            return EigenStructure((value, value), ((1.0, 0.0), (0.0, 1.0)), "scaling")
        # A - lI has rank 1: its null vector is the one eigen-direction.
        null, _ = _sign_fixed(np.linalg.svd(shifted)[2][-1].reshape(2, 1))
        return EigenStructure((value, value), (_floats(null[:, 0]),), "defective")
    values, vectors = eig(matrix)
    first, second = snapped(values[0]), snapped(values[1])
    if first == 0 or second == 0:
        kind: EigenKind = "zero"
    elif second > 0:
        kind = "positive"
    elif first < 0:
        kind = "negative"
    else:
        kind = "opposite"
    return EigenStructure((first, second), (_floats(vectors[:, 0]), _floats(vectors[:, 1])), kind)


def svd(A: ArrayLike) -> tuple[Array, Array, Array]:
    """A = U diag(s) Vt (reduced), s descending; each row of Vt has its first non-zero entry > 0."""
    return _svd(_as_matrix("A", A))


def _svd(matrix: Array) -> tuple[Array, Array, Array]:
    """The reduced SVD of a validated matrix with the sign convention of :func:`svd`."""
    left, values, right_t = np.linalg.svd(matrix, full_matrices=False)
    right, signs = _sign_fixed(right_t.T)
    return left * signs, values, right.T


def rank_k_approximation(A: ArrayLike, k: int) -> Array:
    """A_k = sum_{i<k} s_i u_i v_i^T, the best rank-k approximation (Eckart-Young)."""
    matrix = _as_matrix("A", A)
    count = _as_count("k", k, 1, min(matrix.shape))
    return _truncate(*_svd(matrix), count)


def _truncate(left: Array, values: Array, right_t: Array, k: int) -> Array:
    """U_k diag(s_k) Vt_k from the first k singular triplets."""
    return (left[:, :k] * values[:k]) @ right_t[:k]


@dataclass(frozen=True, eq=False)
class SVDCompression:
    """An image rebuilt from its first k singular triplets, with its cost and error.

    ``approximation`` is the exact rank-k matrix; it may stray slightly outside [0, 1], so clip
    it for display.
    """

    k: int
    approximation: Array  # U_k diag(s_k) Vt_k, shape (m, n)
    stored_values: int  # k (m + n + 1): k columns of U, k rows of Vt, k singular values
    original_values: int  # m n
    storage_fraction: float  # stored_values / original_values
    compression_ratio: float  # original_values / stored_values (e.g. 4.0 means 4:1)
    relative_error: float  # ||A - A_k||_F / ||A||_F
    singular_values: Array  # the whole spectrum s, descending


def svd_compress(image: ArrayLike, k: int) -> SVDCompression:
    """The rank-k image, k(m+n+1) stored numbers against m n, and ||A - A_k||_F / ||A||_F."""
    matrix = _as_matrix("image", image)
    count = _as_count("k", k, 1, min(matrix.shape))
    left, values, right_t = _svd(matrix)
    approximation = _truncate(left, values, right_t, count)
    m, n = matrix.shape
    stored = count * (m + n + 1)
    total = float(np.linalg.norm(matrix))
    error = float(np.linalg.norm(matrix - approximation)) / total if total else 0.0
    return SVDCompression(
        k=count,
        approximation=_read_only(approximation),
        stored_values=stored,
        original_values=m * n,
        storage_fraction=stored / (m * n),
        compression_ratio=(m * n) / stored,
        relative_error=error,
        singular_values=_read_only(values.copy()),
    )


def pseudoinverse(A: ArrayLike) -> Array:
    """A^+ = V diag(1/s_i for s_i > tol, else 0) U^T, tol = max(m, n) eps s_max."""
    matrix = _as_matrix("A", A)
    left, values, right_t = _svd(matrix)
    tolerance = max(matrix.shape) * np.finfo(float).eps * values[0]

    def from_svd() -> Array:
        reciprocals = np.divide(1.0, values, out=np.zeros_like(values), where=values > tolerance)
        return (right_t.T * reciprocals) @ left.T

    return _without_overflow("A", matrix, from_svd)


def design_matrix(x: ArrayLike) -> Array:
    """X = [x | 1], the inputs beside a column of ones, for y = slope x + intercept."""
    inputs = _as_vector("x", x)
    return np.column_stack([inputs, np.ones_like(inputs)])


def fit_line_pinv(x: ArrayLike, y: ArrayLike) -> tuple[float, float]:
    """(slope, intercept) = X^+ y with X = [x | 1]: the least-squares line."""
    inputs, outputs = _as_vector("x", x), _as_vector("y", y)
    _same_length("x", inputs, "y", outputs)
    if np.ptp(inputs) == 0:
        raise InvalidInputError(
            f"x needs at least two different values to fit a line; got {_show(inputs)}"
        )
    slope, intercept = pseudoinverse(design_matrix(inputs)) @ outputs
    return float(slope), float(intercept)


MAX_SAMPLES = 1000
"""Largest number of points :func:`noisy_line` and :func:`point_cloud` make."""


@dataclass(frozen=True, eq=False)
class PlaneSVD:
    """A 2x2 matrix as a rotation, a stretch and a rotation (or reflection): A = U diag(s) Vt.

    Vt is a rotation by ``vt_angle`` in (-pi/2, pi/2]; U = R(``u_angle``) diag(1, -1) when
    ``u_reflects`` (det A < 0), else R(``u_angle``). A zero s_2 is exactly 0.0, and then u_2 is
    u_1 turned a quarter turn anticlockwise.
    """

    u: Array  # columns u_1, u_2
    singular_values: Array  # (s_1, s_2), descending, >= 0
    vt: Array  # rows v_1, v_2
    vt_angle: float  # radians
    u_angle: float  # radians
    u_reflects: bool
    semi_axes: Array  # rows s_i u_i = A v_i: the semi-axes of the image of the unit circle

    @property
    def vt_degrees(self) -> float:
        """The turn of Vt in degrees."""
        return math.degrees(self.vt_angle)

    @property
    def u_degrees(self) -> float:
        """The turn of U (after its flip, if it reflects) in degrees."""
        return math.degrees(self.u_angle)


def plane_svd(A: ArrayLike) -> PlaneSVD:
    """The SVD of a 2x2 A as rotate by Vt, stretch by diag(s), rotate (or reflect) by U."""
    matrix = _as_matrix("A", A, square=True)
    if matrix.shape != (2, 2):
        raise ShapeError(f"A must be a 2x2 matrix; got shape {matrix.shape}")
    if not np.any(matrix):
        raise InvalidInputError(
            "A is the zero matrix, which sends the whole circle to the origin; give a non-zero A"
        )
    left, values, right_t = np.linalg.svd(matrix)
    right = right_t.T
    values = values.copy()
    if values[1] <= 2 * np.finfo(float).eps * values[0]:
        values[1] = 0.0
    if np.linalg.det(right) < 0:  # make V a rotation: flip v_2 (and u_2 with it)
        right[:, 1] *= -1
        left[:, 1] *= -1
    angle = math.atan2(right[1, 0], right[0, 0])
    if not -math.pi / 2 <= angle < math.pi / 2:  # the smaller turn: flip both pairs
        right, left = -right, -left
        angle = math.atan2(right[1, 0], right[0, 0])
    if values[1] == 0.0:  # u_2 is free: make U a rotation
        left[:, 1] = (-left[1, 0], left[0, 0])
    reflects = bool(np.linalg.det(left) < 0)
    return PlaneSVD(
        u=_read_only(left),
        singular_values=_read_only(values),
        vt=_read_only(right.T.copy()),
        vt_angle=_float(-angle),
        u_angle=_float(math.atan2(left[1, 0], left[0, 0])),
        u_reflects=reflects,
        semi_axes=_read_only((left * values).T.copy()),
    )


@dataclass(frozen=True, eq=False)
class PseudoinverseSteps:
    """A^+ = V D^+ U^T from the full SVD A = U D V^T, and the check A A^+ A = A.

    D is m x n with the singular values on its diagonal (those at or below the tolerance of
    :func:`pseudoinverse` written as exactly 0); D^+ is n x m with the reciprocal of each
    non-zero one.
    """

    u: Array  # m x m, orthogonal
    d: Array  # m x n
    vt: Array  # n x n, orthogonal
    d_plus: Array  # n x m
    pinv: Array  # n x m, V D^+ U^T
    check: Array  # m x n, A A^+ A
    rank: int  # how many singular values were inverted


def pseudoinverse_steps(A: ArrayLike) -> PseudoinverseSteps:
    """The full SVD of A, D^+ (transpose D, invert its non-zero diagonal), V D^+ U^T, A A^+ A."""
    matrix = _as_matrix("A", A)
    m, n = matrix.shape
    left, values, right_t = np.linalg.svd(matrix, full_matrices=True)
    right, signs = _sign_fixed(right_t.T)
    left[:, : len(values)] *= signs[: len(values)]
    tolerance = max(m, n) * np.finfo(float).eps * values[0]
    kept = values > tolerance
    d = np.zeros((m, n))
    d[np.arange(len(values)), np.arange(len(values))] = np.where(kept, values, 0.0)
    d_plus = np.zeros((n, m))
    d_plus[np.arange(len(values)), np.arange(len(values))] = np.divide(
        1.0, values, out=np.zeros_like(values), where=kept
    )
    pinv = _without_overflow("A", matrix, lambda: right @ d_plus @ left.T)
    return PseudoinverseSteps(
        u=_read_only(left),
        d=_read_only(d),
        vt=_read_only(right.T.copy()),
        d_plus=_read_only(d_plus),
        pinv=_read_only(pinv),
        check=_read_only(matrix @ pinv @ matrix),
        rank=int(np.count_nonzero(kept)),
    )


def covariance(X: ArrayLike) -> Array:
    """C = (X - mean)^T (X - mean) / (N - 1) for N points, the rows of X: the sample covariance."""
    points = _as_matrix("X", X)
    count = points.shape[0]
    if count < 2:
        raise ShapeError(f"X needs at least 2 points (rows) to have a covariance; got {count}")
    centered = points - points.mean(axis=0)
    return _finite("the covariance of X", centered.T @ centered / (count - 1))


def noisy_line(
    slope: float, intercept: float, noise: float, count: int, seed: int, x_range: ArrayLike
) -> tuple[Array, Array]:
    """(x, y): count x evenly spaced over x_range, y = slope x + intercept + N(0, noise^2).

    The noise comes from numpy's default generator seeded with ``seed``: the same inputs
    always give the same points.
    """
    a, b = _as_scalar("slope", slope), _as_scalar("intercept", intercept)
    spread = _as_scalar("noise", noise)
    if spread < 0:
        raise InvalidInputError(f"noise must be 0 or more (a standard deviation); got {spread}")
    n = _as_count("count", count, 2, MAX_SAMPLES)
    generator = np.random.default_rng(_as_count("seed", seed, 0, 2**32 - 1))
    ends = _as_vector("x_range", x_range)
    if ends.shape != (2,) or not ends[0] < ends[1]:
        raise InvalidInputError(
            f"x_range must be two numbers (low, high) with low < high; got {_show(ends)}"
        )
    x = np.linspace(ends[0], ends[1], n)
    y = a * x + b + spread * generator.standard_normal(n)
    return _read_only(x), _read_only(_finite("slope x + intercept + noise", y))


def point_cloud(
    count: int, seed: int, spreads: ArrayLike, angle: float, centre: ArrayLike
) -> Array:
    """count plane points: N(0, diag(spreads)^2) rotated by angle (radians), moved to centre.

    Rows are points. The draws come from numpy's default generator seeded with ``seed``.
    """
    n = _as_count("count", count, 2, MAX_SAMPLES)
    generator = np.random.default_rng(_as_count("seed", seed, 0, 2**32 - 1))
    sizes = _as_vector("spreads", spreads)
    if sizes.shape != (2,) or np.any(sizes < 0):
        raise InvalidInputError(
            f"spreads must be two standard deviations, each 0 or more; got {_show(sizes)}"
        )
    turn = rotation(_as_scalar("angle", angle))
    middle = _as_vector("centre", centre)
    if middle.shape != (2,):
        raise ShapeError(f"centre must be a plane point of 2 numbers; got shape {middle.shape}")
    points = (generator.standard_normal((n, 2)) * sizes) @ turn.T + middle
    return _read_only(_finite("the points", points))


@dataclass(frozen=True, eq=False)
class PowerIterationResult:
    """The unit iterates x_k = A x_{k-1} / ||A x_{k-1}|| and Rayleigh quotients x_k . A x_k."""

    iterates: Array  # shape (steps + 1, n); row 0 is x0 normalised
    rayleigh_quotients: Array  # shape (steps + 1,)

    @property
    def eigenvector(self) -> Array:
        """The last iterate, the estimate of the dominant eigenvector."""
        return self.iterates[-1]

    @property
    def eigenvalue(self) -> float:
        """The last Rayleigh quotient, the estimate of the dominant eigenvalue."""
        return float(self.rayleigh_quotients[-1])


def power_iteration(A: ArrayLike, x0: ArrayLike, steps: int) -> PowerIterationResult:
    """x_{k+1} = A x_k / ||A x_k|| from x0 / ||x0||, with Rayleigh quotients x_k^T A x_k."""
    matrix = _as_matrix("A", A, square=True)
    start = _as_vector("x0", x0)
    if start.shape[0] != matrix.shape[0]:
        raise ShapeError(
            f"x0 must have length {matrix.shape[0]} to multiply A of shape {matrix.shape}; "
            f"got length {start.shape[0]}"
        )
    _nonzero("x0", start)
    count = _as_count("steps", steps, 1, MAX_POWER_STEPS)
    iterates = [start / np.linalg.norm(start)]
    for k in range(count):
        image = matrix @ iterates[-1]
        length = np.linalg.norm(image)
        if length == 0:
            raise InvalidInputError(
                f"A maps iterate {k} to the zero vector, so it cannot be normalised; "
                f"start x0 outside A's null space"
            )
        iterates.append(image / length)
    stacked = np.array(iterates)
    quotients = np.einsum("ki,ij,kj->k", stacked, matrix, stacked)
    return PowerIterationResult(_read_only(stacked), _read_only(quotients))


DOMINANCE_TOL = 1e-9
"""An eigenvalue within this (relative to the largest |eigenvalue|, at least 1) of the largest
in size does not leave it dominant."""


def dominant_eigenpair(A: ArrayLike) -> tuple[float, Array]:
    """(lambda_1, v_1): the eigenvalue of largest size, and its unit eigenvector, sign fixed.

    The pair power iteration converges to. lambda_1 must be real (else NotRealError) and
    strictly larger in size than every other eigenvalue (else InvalidInputError); the other
    eigenvalues may be complex. v_1 follows the sign convention of :func:`eig`.
    """
    matrix = _as_matrix("A", A, square=True)
    with np.errstate(over="ignore", invalid="ignore"):
        values, vectors = np.linalg.eig(matrix)
    if not (np.all(np.isfinite(values)) and np.all(np.isfinite(vectors))):
        raise InvalidInputError(
            "the eigenvalues of A exceed the float range; rescale A, whose largest entry is "
            f"{np.max(np.abs(matrix)):.3g}"
        )
    order = np.argsort(-np.abs(values), kind="stable")
    top = values[order[0]]
    scale = max(1.0, float(np.abs(top)))
    if abs(top.imag) > COMPLEX_TOL * scale:
        raise NotRealError(
            f"A's eigenvalues of largest size are complex ({_complex_text(values[order[:2]])}): "
            "power iteration turns round and round without settling; use a matrix whose "
            "largest eigenvalue in size is real, such as a symmetric one"
        )
    if len(values) > 1 and abs(values[order[1]]) >= abs(top) - DOMINANCE_TOL * scale:
        pair = values[order[:2]]
        real = f"{pair[0].real:.3g}, {pair[1].real:.3g}"
        shown = _complex_text(pair) if np.any(pair.imag) else real
        raise InvalidInputError(
            f"A has no dominant eigenvalue: {shown} are equally large "
            "in size, so power iteration need not converge; use a matrix with one eigenvalue "
            "larger in size than all the others"
        )
    value = np.array([float(top.real)])
    vector = _refined_eigenvectors(matrix, value, _real_eigenvectors(vectors[:, order[:1]]))
    fixed, _ = _sign_fixed(vector / np.linalg.norm(vector))
    return float(value[0]), _read_only(fixed[:, 0].copy())


@dataclass(frozen=True, eq=False)
class PCAResult:
    """Principal components of the rows of X (one point per row)."""

    mean: Array  # shape (d,), the centre subtracted from every point
    centered: Array  # X - mean, shape (N, d)
    components: Array  # shape (n_components, d): unit rows, sign fixed, by variance
    explained_variance: Array  # shape (n_components,): s_i^2 / (N - 1), covariance eigenvalues
    explained_variance_ratio: Array  # explained_variance / total variance
    projected: Array  # centered @ components.T, shape (N, n_components): the scores
    reconstructed: Array  # mean + projected @ components: the points on the component subspace


def pca(X: ArrayLike, n_components: int) -> PCAResult:
    """The top eigenvectors of cov(X) via the SVD of X - mean, with variance ratios and scores."""
    points = _as_matrix("X", X)
    count, dimension = points.shape
    if count < 2:
        raise ShapeError(f"X needs at least 2 points (rows) to have a variance; got {count}")
    kept = _as_count("n_components", n_components, 1, min(count, dimension))
    mean = points.mean(axis=0)
    centered = points - mean
    if not np.any(centered):
        raise InvalidInputError(f"all points of X are the same ({_show(mean)}); PCA needs spread")
    _, values, right_t = _svd(centered)
    variance = values**2 / (count - 1)
    components = right_t[:kept]
    projected = centered @ components.T
    ratio = variance[:kept] / np.sum(variance)
    return PCAResult(
        mean=_read_only(mean),
        centered=_read_only(centered),
        components=_read_only(components.copy()),
        explained_variance=_read_only(variance[:kept].copy()),
        explained_variance_ratio=_read_only(ratio),
        projected=_read_only(projected),
        reconstructed=_read_only(mean + projected @ components),
    )


# --------------------------------------------------------------------------------------------
# Transformations of the plane
# --------------------------------------------------------------------------------------------


def rotation(theta: float) -> Array:
    """[[cos t, -sin t], [sin t, cos t]]: counter-clockwise rotation by theta radians."""
    angle = _as_scalar("theta", theta)
    c, s = math.cos(angle), math.sin(angle)
    return np.array([[c, -s], [s, c]])


def shear(k: float, axis: Literal["x", "y"] = "x") -> Array:
    """[[1, k], [0, 1]] (x += k y) for axis 'x'; [[1, 0], [k, 1]] (y += k x) for axis 'y'."""
    amount = _as_scalar("k", k)
    if axis == "x":
        return np.array([[1.0, amount], [0.0, 1.0]])
    if axis == "y":
        return np.array([[1.0, 0.0], [amount, 1.0]])
    raise InvalidInputError(f"axis must be 'x' or 'y'; got {_show(axis)}")


def scaling(sx: float, sy: float) -> Array:
    """diag(sx, sy): stretch x by sx and y by sy."""
    return np.diag([_as_scalar("sx", sx), _as_scalar("sy", sy)])


_MIRRORS = {
    "x": ((1.0, 0.0), (0.0, -1.0)),
    "y": ((-1.0, 0.0), (0.0, 1.0)),
    "y=x": ((0.0, 1.0), (1.0, 0.0)),
    "y=-x": ((0.0, -1.0), (-1.0, 0.0)),
}


def reflection(axis: str | float) -> Array:
    """[[cos 2a, sin 2a], [sin 2a, -cos 2a]]: mirror in the line through 0 at angle a.

    ``axis`` is 'x', 'y', 'y=x', 'y=-x' or the line's angle a in radians.
    """
    if isinstance(axis, str):
        if axis not in _MIRRORS:
            raise InvalidInputError(
                f"axis must be 'x', 'y', 'y=x', 'y=-x' or an angle in radians; got {_show(axis)}"
            )
        return np.array(_MIRRORS[axis])
    angle = 2 * _as_scalar("axis", axis)
    c, s = math.cos(angle), math.sin(angle)
    return np.array([[c, s], [s, -c]])


def affine_map(A: ArrayLike, t: ArrayLike, points: ArrayLike) -> Array:
    """A x + t for each point x (the rows of ``points``): the linear map A, then the shift t."""
    matrix = _as_matrix("A", A)
    shift = _as_vector("t", t)
    if shift.shape[0] != matrix.shape[0]:
        raise ShapeError(
            f"t must have one entry per row of A ({matrix.shape[0]}); got {shift.shape[0]}"
        )
    return apply(matrix, _as_vector_or_matrix("points", points)) + shift


def homogeneous(A: ArrayLike, t: ArrayLike) -> Array:
    """[[A, t], [0, 1]]: the matrix that maps (x, 1) to (A x + t, 1), a shift made linear."""
    matrix = _as_matrix("A", A, square=True)
    shift = _as_vector("t", t)
    n = matrix.shape[0]
    if shift.shape[0] != n:
        raise ShapeError(f"t must have one entry per row of A ({n}); got {shift.shape[0]}")
    result = np.eye(n + 1)
    result[:n, :n] = matrix
    result[:n, n] = shift
    return result


# --------------------------------------------------------------------------------------------
# The test picture for SVD compression
# --------------------------------------------------------------------------------------------


def _coverage(distance: Array, pixel: float) -> Array:
    """Anti-aliased coverage in [0, 1] of a shape given its signed distance (negative inside)."""
    return np.clip(0.5 - distance / pixel, 0.0, 1.0)


def _disc(x: Array, y: Array, cx: float, cy: float, r: float) -> Array:
    """Signed distance to the disc of radius r centred at (cx, cy)."""
    return np.hypot(x - cx, y - cy) - r


def _box(x: Array, y: Array, left: float, top: float, right: float, bottom: float) -> Array:
    """Signed distance (in the max norm of the sides) to an axis-aligned rectangle."""
    return np.maximum.reduce([left - x, x - right, top - y, y - bottom])


def _triangle(x: Array, y: Array, corners: tuple[tuple[float, float], ...]) -> Array:
    """Signed distance (largest over the sides) to the triangle with the given corners."""
    (ax, ay), (bx, by), (cx, cy) = corners
    orientation = np.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax))
    sides = []
    for (px, py), (qx, qy) in zip(corners, corners[1:] + corners[:1], strict=True):
        length = math.hypot(qx - px, qy - py)
        sides.append(orientation * ((x - px) * (qy - py) - (y - py) * (qx - px)) / length)
    return np.maximum.reduce(sides)


def default_image(size: int = 128) -> Array:
    """A size x size greyscale landscape in [0.05, 0.95]: sky, sun, clouds, hills, house, tree.

    Made in code and deterministic; its curved and diagonal edges and soft shading need many
    singular values, so rank 1, 4, 16 and 64 reconstructions look clearly different.
    """
    n = _as_count("size", size, 16, 1024)
    pixel = 1.0 / n
    y, x = (np.mgrid[0:n, 0:n] + 0.5) * pixel  # x to the right, y downwards, both in (0, 1)
    image = 0.50 + 0.32 * np.clip(y / 0.6, 0.0, 1.0) - 0.06 * x  # sky, lighter at the horizon

    def paint(distance: Array, value: Array | float) -> None:
        nonlocal image
        image = image + (value - image) * _coverage(distance, pixel)

    sun_distance = _disc(x, y, 0.78, 0.20, 0.085)
    image = image + 0.14 * np.exp(-((np.maximum(sun_distance, 0.0) / 0.09) ** 2))  # glow
    paint(sun_distance, 0.95)
    cloud = np.minimum.reduce(
        [
            _disc(x, y, 0.20, 0.19, 0.045),
            _disc(x, y, 0.28, 0.15, 0.065),
            _disc(x, y, 0.37, 0.18, 0.05),
            _box(x, y, 0.20, 0.17, 0.37, 0.235),
        ]
    )
    paint(cloud, 0.93 - 0.25 * np.clip(y - 0.12, 0.0, 1.0))
    far_hill = 0.56 + 0.07 * np.cos(2 * np.pi * (1.1 * x - 0.75))
    paint(far_hill - y, 0.52 - 0.12 * x)
    near_hill = 0.70 - 0.06 * np.sin(2 * np.pi * (0.8 * x + 0.1))
    furrows = 0.05 * np.sin(2 * np.pi * (5.0 * x + 9.0 * y))  # tilted stripes of a field
    paint(near_hill - y, 0.30 + 0.08 * x + furrows)
    path = np.abs(x - (0.27 + 0.55 * (y - 0.84) ** 2 / 0.16)) - (0.03 + 0.12 * (y - 0.84))
    paint(np.maximum(path, 0.84 - y), 0.66)
    paint(_box(x, y, 0.13, 0.60, 0.41, 0.845), 0.84 - 0.10 * (0.41 - x) / 0.28)  # walls
    paint(_box(x, y, 0.34, 0.46, 0.38, 0.56), 0.20)  # chimney
    paint(_triangle(x, y, ((0.27, 0.44), (0.44, 0.615), (0.10, 0.615))), 0.16)  # roof
    paint(_box(x, y, 0.23, 0.71, 0.30, 0.845), 0.24)  # door
    paint(_box(x, y, 0.32, 0.65, 0.39, 0.72), 0.38)  # window
    bars = np.minimum(np.abs(x - 0.355) - 0.004, np.abs(y - 0.685) - 0.004)
    paint(np.maximum(bars, _box(x, y, 0.32, 0.65, 0.39, 0.72)), 0.84)
    paint(_box(x, y, 0.62, 0.60, 0.655, 0.80), 0.22)  # trunk
    crown = _disc(x, y, 0.64, 0.55, 0.085)
    paint(crown, 0.24 + 0.16 * np.clip(1.0 - _disc(x, y, 0.61, 0.52, 0.0) / 0.09, 0.0, 1.0))
    return np.clip(image, 0.05, 0.95)


# --------------------------------------------------------------------------------------------
# Tensor operations: elementwise arithmetic, reductions, projections (section 2)
# --------------------------------------------------------------------------------------------


def _same_shape(operation: str, first: Array, second: Array) -> None:
    """Raise ShapeError, naming both shapes, unless A and B have the same shape."""
    if first.shape != second.shape:
        raise ShapeError(
            f"cannot {operation} A of shape {first.shape} and B of shape {second.shape} "
            f"elementwise; give A and B the same shape"
        )


def _finite(what: str, result: Array) -> Array:
    """``result``, which must be finite; InvalidInputError if computing ``what`` overflowed."""
    if not np.all(np.isfinite(result)):
        raise InvalidInputError(
            f"{what} exceeds the float range; rescale the inputs so their sizes are comparable"
        )
    return result


def scale(A: ArrayLike, c: float) -> Array:
    """c A, with (c A)_ij = c A_ij: every element multiplied by the scalar c."""
    array, factor = _as_array("A", A), _as_scalar("c", c)
    with np.errstate(over="ignore", invalid="ignore"):
        return _finite("c A", factor * array)


def add_scalar(A: ArrayLike, c: float) -> Array:
    """A + c, with (A + c)_ij = A_ij + c: the scalar added to every element."""
    array, term = _as_array("A", A), _as_scalar("c", c)
    with np.errstate(over="ignore", invalid="ignore"):
        return _finite("A + c", array + term)


def add(A: ArrayLike, B: ArrayLike) -> Array:
    """A + B, with (A + B)_ij = A_ij + B_ij; A and B must have the same shape."""
    first, second = _as_array("A", A), _as_array("B", B)
    _same_shape("add", first, second)
    with np.errstate(over="ignore", invalid="ignore"):
        return _finite("A + B", first + second)


def hadamard(A: ArrayLike, B: ArrayLike) -> Array:
    """A ⊙ B, the Hadamard product: (A ⊙ B)_ij = A_ij B_ij; A and B must have the same shape."""
    first, second = _as_array("A", A), _as_array("B", B)
    _same_shape("multiply", first, second)
    with np.errstate(over="ignore", invalid="ignore"):
        return _finite("A ⊙ B", first * second)


def reduce_sum(A: ArrayLike, axis: int | None = None) -> float | Array:
    """sum_ij A_ij for axis=None; along an axis as numpy's A.sum(axis) (axis 0: one per column)."""
    array = _as_array("A", A)
    if axis is None:
        with np.errstate(over="ignore", invalid="ignore"):
            return float(_finite("the sum of A", np.sum(array)))
    dimension = array.ndim
    which = _as_count("axis", axis, -dimension, dimension - 1)
    with np.errstate(over="ignore", invalid="ignore"):
        return _finite("the sum of A", np.sum(array, axis=which))


def scalar_projection(u: ArrayLike, v: ArrayLike) -> float:
    """comp_v u = u . v / ||v||: the signed length of u's shadow on the line of v."""
    first, second = _as_vector("u", u), _as_vector("v", v)
    _same_length("u", first, "v", second)
    _nonzero("v", second)
    return float(first @ second) / float(np.linalg.norm(second))


def projection(u: ArrayLike, v: ArrayLike) -> Array:
    """proj_v u = (u . v / v . v) v: the point of the line of v closest to u."""
    first, second = _as_vector("u", u), _as_vector("v", v)
    _same_length("u", first, "v", second)
    _nonzero("v", second)
    return (float(first @ second) / float(second @ second)) * second


@dataclass(frozen=True)
class DotSteps:
    """Every number of u . v worked out: the pair products and their sum, then the geometry."""

    u: tuple[float, ...]
    v: tuple[float, ...]
    products: tuple[float, ...]  # u_i v_i
    dot: float  # sum_i u_i v_i
    norm_u: float  # ||u||
    norm_v: float  # ||v||
    cosine: float  # u . v / (||u|| ||v||)
    angle: float  # arccos(cosine), radians in [0, pi]
    angle_degrees: float  # the same angle in degrees
    scalar_projection: float  # u . v / ||v||
    projection: tuple[float, ...]  # (u . v / v . v) v


def dot_steps(u: ArrayLike, v: ArrayLike) -> DotSteps:
    """u_i v_i, their sum u . v = ||u|| ||v|| cos theta, theta, and the projection of u onto v."""
    first, second = _as_vector("u", u), _as_vector("v", v)
    _same_length("u", first, "v", second)
    _nonzero("u", first)
    _nonzero("v", second)
    products = _floats(first * second)
    total = math.fsum(products)
    norm_u, norm_v = float(np.linalg.norm(first)), float(np.linalg.norm(second))
    cosine = float(np.clip(total / (norm_u * norm_v), -1.0, 1.0))
    angle = math.acos(cosine)
    return DotSteps(
        u=_floats(first),
        v=_floats(second),
        products=products,
        dot=total,
        norm_u=norm_u,
        norm_v=norm_v,
        cosine=cosine,
        angle=angle,
        angle_degrees=math.degrees(angle),
        scalar_projection=scalar_projection(first, second),
        projection=_floats(projection(first, second)),
    )
