"""Every lesson holds for any input drawn from the domain its scene declares.

Each input runs the lesson in manim's skip-animations mode (no frames drawn, nothing
encoded) with the layout lint watching every beat and the scene's numbers check at the
end. ``make test`` replays the newest input that once failed for each scene (the last of
its list in ``REGRESSIONS`` below): each scene's default and one other set of inputs are
already rendered in full by the scene and numbers tests, so these are what a fixed-input
run adds within the suite's time. ``make fuzz`` replays every one of them and also draws
new inputs from every scene's domain with hypothesis (``FUZZ_EXAMPLES`` in all, a fresh
set with ``FUZZ_SEED=n``). A failing input is printed as a class-attribute override to
paste into the scene, and once fixed it joins the end of its scene's ``REGRESSIONS``.
"""

from __future__ import annotations

import importlib
import math
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings

from tests.scenes.conftest import SCENE_NAMES, scene_class
from tests.scenes.fuzz import as_override, domain_strategy
from tests.scenes.harness import NUMBER_CHECKS, dry_render, variant

pytestmark = pytest.mark.render

# The numbers tests register each scene's check with @numbers_check.
for _path in sorted(Path(__file__).parent.glob("test_numbers_*.py")):
    importlib.import_module(f"tests.scenes.{_path.stem}")

#: ``make fuzz`` sets the number of drawn examples in all (``FUZZ_EXAMPLES``), or per scene
#: (``FUZZ_EXAMPLES_PER_SCENE``); without either, as in ``make test``, nothing is drawn.
EXAMPLES_PER_SCENE = (
    max(1, math.ceil(int(os.environ["FUZZ_EXAMPLES"]) / len(SCENE_NAMES)))
    if os.environ.get("FUZZ_EXAMPLES")
    else int(os.environ.get("FUZZ_EXAMPLES_PER_SCENE", "0"))
)
#: A different seed each ``make fuzz`` run finds new inputs; without one the draws repeat.
SEED = int(os.environ.get("FUZZ_SEED", "0"))

#: Inputs that once failed, kept as explicit examples: each runs before the drawn ones.
REGRESSIONS: dict[str, list[dict[str, Any]]] = {
    "EigenvectorsUnderTransformation": [
        {"matrix": m, "fan_size": n}
        for m, n in (
            (((0.0, 0.0), (0.0, 0.0)), 8),  # every vector collapses to the origin
            (((0.0, 1.0), (0.0, 0.0)), 8),  # a repeated zero with one direction
            (((1.0, 1.0), (0.0, 1.0)), 8),  # a shear: one eigen-direction
            (((-2.5, 0.0), (0.0, -2.5)), 8),  # a scaling: every vector an eigenvector
            (((1.0, 2.0), (2.0, 4.0)), 8),  # singular: the plane flattens onto a line
            (((-4.99, -4.99), (-0.01, -4.99)), 8),  # nearly parallel eigenvectors
            (((0.01, 0.02), (0.03, 0.01)), 8),  # tiny values: the grid must not clog
            (((5.0, 5.0), (5.0, -5.0)), 16),
            (((-5.0, -4.9), (-5.0, -5.0)), 5),
        )
    ],
    "SingularValueDecomposition": [
        {"matrix": ((2.69, 0.0), (0.0, 0.0))},  # the column ran off the bottom of the frame
        {"matrix": ((2.0, 1.0), (1.0, -1.0))},  # det < 0: U flips, then turns
        {"matrix": ((-2.41, 0.0), (0.0, 0.0))},  # sigma_1 u_1's label left the frame
    ],
    "MatrixAsTransformation": [
        {  # long products: the working and the summary rows were shrunk below the smallest size
            "matrix": ((-2.75, -2.25), (-2.99, 2.99)),
            "vectors": ((-3.75, -3.25), (-3.99, 3.99), (3.99, -3.99), (-0.01, 3.99)),
        },
        {  # the first product's working, on two lines, was shrunk below the smallest size
            "matrix": ((-1.41, -0.41), (-0.3, -0.75)),
            "vectors": ((-1.41, -0.41), (-0.3, -0.75)),
        },
    ],
    "DeterminantRecursion": [
        {  # a wide product under the last minor left the frame
            "matrix": ((0.8, -3.8, -3.3), (3.9, -0.9, -3.4), (-0.1, 0.6, -4.0)),
            "big": (
                (0.8, -0.5, 0.7, 4.2),
                (-0.9, 2.5, -1.2, -0.8),
                (0.8, 1.2, -3.4, 2.7),
                (2.3, 2.1, -4.6, -3.5),
            ),
        },
        {  # four wide 3x3 minors were shrunk below the smallest size
            "matrix": ((4.3, 2.7, 0.5), (-1.0, -2.3, 3.0), (-1.8, -4.3, -4.0)),
            "big": (
                (4.0, -4.1, 2.3, -3.5),
                (-0.5, 4.0, 0.9, 4.3),
                (0.4, 4.2, 4.6, 1.7),
                (-0.4, 3.9, 2.8, 4.3),
            ),
        },
    ],
    "MoorePenrosePseudoinverse": [
        {"A": ((1.5, -3.0, 0.5), (-0.75, 1.5, -0.25))},  # rank 1: sigma_2 was 1e-16, not 0
    ],
    "MatrixMultiplication": [
        {
            "A": ((-9.99, 8.75, -0.01), (7.5, -9.99, 9.99), (-9.99, -9.99, -9.99)),
            "B": ((-9.99, -9.99, 9.99), (-9.99, 9.99, -9.99), (9.99, -9.99, -9.99)),
            "x": (-9.99, -9.99, -9.99),
            "mismatch": ("x", "A"),
        },
        {
            "A": ((-1.25,), (0.5,), (7.0,)),
            "B": ((3.5, -2.0, 0.01),),
            "x": (2.0,),
            "mismatch": ("A", "A"),
        },
        {
            "A": ((1.5, -2.0, 0.25),),
            "B": ((2.0,), (-1.0,), (4.0,)),
            "x": (1.0, 2.0, 3.0),
            "mismatch": ("A", "A"),
        },
        {
            "A": ((1.0, 2.0), (3.0, 4.0)),
            "B": ((5.0, 6.0), (7.0, 8.0)),
            "x": (1.0, -1.0),
            "mismatch": ("x", "B"),
        },
    ],
    "SheriffAndRobber": [
        {"robber_speed": 1.8, "sheriff_speed": 6.82, "head_start": 39.43},  # caption left frame
        {"robber_speed": 9.5, "sheriff_speed": 10.0, "head_start": 60.0},  # the latest catch
        {"robber_speed": 0.1, "sheriff_speed": 0.11, "head_start": 0.1},  # the smallest story
    ],
    "SolarPanels": [
        {"upfront": (12345.67, 250.5), "yearly": (0.0, 980.25)},  # flat line, two-line caption
        {"upfront": (0.0, 50000.0), "yearly": (5000.0, 3750.0)},  # 40-year break-even
    ],
    "TensorRanks": [{"shape": (4, 4, 4, 4)}, {"shape": (3, 4, 2, 4)}],
    "VectorTransposition": [{"x": ((-99.99, 12.5, -0.01, 100.0, -56.78, 3.0),)}],
    "BasisAndOrthogonality": [
        {"u": (-9.99, 7.51), "w_scale": -3.77},  # zooms out and back in
        {"u": (-9.99, -9.99), "w_scale": -3.99},  # the longest dot product
        {"u": (0.35, -0.36), "w_scale": 4.0},
    ],
    "MatricesAndIndexing": [
        {
            "X": (
                (-99.99, -99.98, -99.97, -99.96, -99.95),
                (-88.88, -88.87, -88.86, -88.85, -88.84),
                (-77.77, -77.76, -77.75, -77.74, -77.73),
                (-66.66, -66.65, -66.64, -66.63, -66.62),
                (-55.55, -55.54, -55.53, -55.52, -55.51),
            ),
            "row_index": 0,
            "column_index": 4,
        },  # readouts on two lines
    ],
    "HigherRankTensors": [
        {"batch_shape": (1, 2, 7, 1), "seed": 123456, "picked_image": 0},  # nothing to animate
        {"batch_shape": (4, 8, 8, 4), "seed": 7, "picked_image": 3},
    ],
    "VectorNorms": [
        {"vector": (0.25, -7.75)},  # long decimals pushed the closing caption off the frame
        {"vector": (10.0, 10.0)},  # the largest vector the domain allows
    ],
    "PowerRule": [
        {  # the x axis rounded out to 0, where x^0.2 has no slope: f is drawn on the window
            "exponent": 0.2,
            "x_window": (0.5, 5.0),
            "tangent_xs": (3.06, 2.39),
        },
        {  # a slope of -4e-06 reads 0.00, never -0.00
            "exponent": 4.0,
            "x_window": (-1.65, 2.36),
            "tangent_xs": (-0.01, 1.42, -0.6, -1.25),
        },
    ],
    "SumRule": [
        {  # five terms, one step a line, ran off the bottom: steps now fill the frame's width
            "coefficients": (-3.03, -1.51, 2.41, 4.29, -9.34),
            "x_window": (-2.02, 3.58),
            "tangent_xs": (-0.37, 1.6, -1.44, -0.4),
        },
    ],
    "ProductRule": [
        {  # f = (quadratic)(quadratic) shrank below the smallest size: it breaks between factors
            "u": (1.77, 3.84, -1.4),
            "v": (-1.13, -0.7, 2.38),
            "x_window": (-4.27, 4.8),
            "tangent_xs": (-2.64, -1.89),
        },
    ],
    "RiemannSums": [
        {  # a long cubic squeezed the integral below the smallest size: f(x) on a line above
            "coefficients": (-4.02, -2.41, 1.37, -3.78),
            "interval": (-0.93, 3.47),
            "counts": (5, 16, 173, 190),
        },
        {  # sums in the hundreds with five decimals made the table too wide to read
            "coefficients": (-2.67, 1.79, 2.44),
            "interval": (-4.99, -0.1),
            "counts": (2, 57, 65),
        },
    ],
    "IntegralRules": [
        # four terms with fractions ran the term-by-term rows below the frame
        {"coefficients": (1.19, -2.11, 4.61, -0.06), "interval": (-0.61, 3.55)},
    ],
    "DefiniteIntegrals": [
        # x left of 0: the y axis's name, beside its tip, sat on its numbers there
        {"coefficients": (-2.48, -1.17, 0.17, 2.39), "interval": (-1.48, -0.1)},
    ],
    "CalculatingLimits": [
        {  # a verdict wider than its "?" ran into the next column of the table
            "hole_at": 0.9,
            "sine_rate": 2.54,
            "at_infinity": (1, 1, -4, -3),
            "pole": 2.56,
            "rows": 3,
        },
    ],
    "MatrixInversion": [
        {
            "X": ((1.53, -9.99), (2.79, -6.99)),
            "y": (0.71, -0.46),
            "singular_column": (-3.72, -0.09),
            "parallel_ratio": -4.99,
        },  # det of the singular X rounds to 2e-16, not 0
    ],
    "OrthogonalMatrices": [
        {"angle": -52.1, "u": (-1.03, 1.46)},  # Qw's label left the frame at the plane's edge
    ],
    "MultivariateChainRule": [
        # dz/dx = -21.35 on the tree's left edge ran past the frame
        {"t": -0.76, "x_of_t": (-1.99, 1.65, -1.13), "y_of_t": (2.61, 1.35, 2.54)},
    ],
}


#: Scenes whose inputs are not declared yet. A scene leaves this set when it declares them
#: (the test below fails until it does), and is fuzzed from then on.
UNDECLARED: set[str] = set()
DECLARED = [name for name in SCENE_NAMES if name not in UNDECLARED]


@pytest.mark.parametrize("name", SCENE_NAMES)
def test_every_scene_declares_its_inputs_and_its_example_fits_them(name: str):
    cls = scene_class(name)
    if name in UNDECLARED:
        assert cls.domain is None, f"{name} declares its inputs now: remove it from UNDECLARED"
        return
    assert cls.domain is not None, f"{name} declares no input domain (domain = Domain(...))"
    assert not cls.domain.problems(cls.domain.values_of(cls)), f"{name}'s own example is refused"
    assert name in NUMBER_CHECKS, f"{name} has no @numbers_check in tests/scenes/test_numbers_*"
    for inputs in REGRESSIONS.get(name, []):
        assert not cls.domain.problems(inputs), f"{name}: regression {inputs} left the domain"


def lesson_holds(name: str, inputs: dict[str, Any], tex_cache: Path, tmp: Path) -> None:
    """Run scene ``name`` with ``inputs`` (a dry run, linted) and its numbers check."""
    try:
        result = dry_render(variant(scene_class(name), **inputs), tmp, tex_cache)
        assert not result.layout_problems, "\n".join(result.layout_problems)
        NUMBER_CHECKS[name](result)
    except Exception as error:
        raise AssertionError(
            f"{name} fails for these inputs:\n{as_override(name, inputs)}\n"
            f"{type(error).__name__}: {error}"
        ) from error


@pytest.mark.parametrize("name", [name for name in DECLARED if REGRESSIONS.get(name)])
def test_the_lesson_holds_for_the_inputs_that_once_failed(
    name: str, tex_cache: Path, tmp_path_factory: pytest.TempPathFactory
):
    replayed = REGRESSIONS[name] if EXAMPLES_PER_SCENE else REGRESSIONS[name][-1:]
    for inputs in replayed:
        lesson_holds(name, inputs, tex_cache, tmp_path_factory.mktemp("regression"))


if EXAMPLES_PER_SCENE:  # make fuzz

    @pytest.mark.parametrize("name", DECLARED)
    def test_the_lesson_holds_for_inputs_drawn_from_its_domain(
        name: str, tex_cache: Path, tmp_path_factory: pytest.TempPathFactory
    ):
        @settings(
            max_examples=EXAMPLES_PER_SCENE,
            derandomize=not SEED,
            deadline=None,
            database=None,
            phases=(Phase.generate,),  # a dry run takes seconds: report, not shrink
            suppress_health_check=list(HealthCheck),
            print_blob=False,
        )
        @given(inputs=domain_strategy(scene_class(name).domain))
        def lesson(inputs: dict[str, Any]) -> None:
            lesson_holds(name, inputs, tex_cache, tmp_path_factory.mktemp("fuzz"))

        if SEED:
            from hypothesis import seed

            lesson = seed(SEED)(lesson)
        lesson()
