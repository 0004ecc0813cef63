"""lib.calculus, sections 9 and 10: ROC curve and AUC, MSE, a line's cost and gradient descent.

Oracles: hand-traced ROC points, the Mann-Whitney U statistic (scipy.stats.mannwhitneyu and a
rank formula with scipy.stats.rankdata), hand-derived costs, scipy.optimize.approx_fprime,
numpy.polyfit for the least-squares line, and the closed form of descent on a quadratic bowl.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from scipy.optimize import approx_fprime
from scipy.stats import mannwhitneyu, rankdata

from lib.calculus import (
    DescentHistory,
    LineCost,
    gradient_descent,
    line_cost_gradient,
    mse,
    roc_auc,
    roc_curve,
)
from lib.errors import EvaluationError, InvalidInputError, ShapeError

# --- ROC and AUC ---------------------------------------------------------------------------------


def test_roc_curve_of_a_four_point_example_matches_the_hand_trace() -> None:
    fpr, tpr, thresholds = roc_curve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    assert fpr.tolist() == [0, 0, 0.5, 0.5, 1]
    assert tpr.tolist() == [0, 0.5, 0.5, 1, 1]
    assert thresholds.tolist() == [math.inf, 0.8, 0.4, 0.35, 0.1]
    assert roc_auc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.75


def test_roc_curve_crosses_a_tie_diagonally_and_a_tie_counts_one_half() -> None:
    # positive 0.5 ties a negative 0.5: both rates move at once
    curve = roc_curve([1, 0, 1, 0], [0.9, 0.5, 0.5, 0.1])
    assert curve.fpr.tolist() == [0, 0, 0.5, 1]
    assert curve.tpr.tolist() == [0, 0.5, 1, 1]
    # pairs (pos, neg): (0.9, 0.5) 1, (0.9, 0.1) 1, (0.5, 0.5) 1/2, (0.5, 0.1) 1 -> 3.5 / 4
    assert roc_auc([1, 0, 1, 0], [0.9, 0.5, 0.5, 0.1]) == 0.875


def test_roc_auc_of_all_equal_scores_is_one_half() -> None:
    assert roc_auc([0, 1, 1, 0, 1], [2, 2, 2, 2, 2]) == 0.5


def test_roc_auc_of_a_perfect_and_a_perfectly_wrong_classifier() -> None:
    assert roc_auc([0, 0, 1, 1], [1, 2, 3, 4]) == 1.0
    assert roc_auc([0, 0, 1, 1], [4, 3, 2, 1]) == 0.0


labels_and_scores = st.integers(2, 30).flatmap(
    lambda n: st.tuples(
        st.lists(st.integers(0, 1), min_size=n, max_size=n),
        st.one_of(
            st.lists(st.integers(-3, 3).map(float), min_size=n, max_size=n),  # many ties
            # rounded, so distinct scores stay distinct under the transforms below
            st.lists(st.floats(-100, 100).map(lambda v: round(v, 3)), min_size=n, max_size=n),
        ),
    )
)


def has_both_classes(labels: list[int]) -> bool:
    return 0 < sum(labels) < len(labels)


def auc_by_ranks(labels: np.ndarray, scores: np.ndarray) -> float:
    """AUC = (sum of positive ranks - P(P + 1)/2) / (P N), with average ranks for ties."""
    ranks = rankdata(scores)
    positives, negatives = labels.sum(), (1 - labels).sum()
    return float(
        (ranks[labels == 1].sum() - positives * (positives + 1) / 2) / (positives * negatives)
    )


@given(labels_and_scores)
def test_roc_auc_equals_the_mann_whitney_statistic_over_p_times_n(data) -> None:
    labels, scores = (np.array(v) for v in data)
    assume(has_both_classes(labels.tolist()))
    positives, negatives = scores[labels == 1], scores[labels == 0]
    u_statistic = mannwhitneyu(positives, negatives).statistic
    auc = roc_auc(labels, scores)
    assert auc == pytest.approx(u_statistic / (positives.size * negatives.size), abs=1e-12)
    assert auc == pytest.approx(auc_by_ranks(labels, scores), abs=1e-12)


@given(labels_and_scores)
def test_roc_auc_is_unchanged_by_a_strictly_increasing_transform_of_the_scores(data) -> None:
    labels, scores = data
    assume(has_both_classes(labels))
    transformed = [s**3 + 2 * s + 7 for s in scores]  # derivative 3 s^2 + 2 > 0
    squashed = [math.atan(s / 10) for s in scores]
    assert roc_auc(labels, transformed) == pytest.approx(roc_auc(labels, scores), abs=1e-12)
    assert roc_auc(labels, squashed) == pytest.approx(roc_auc(labels, scores), abs=1e-12)


@given(labels_and_scores)
def test_roc_auc_of_negated_scores_is_one_minus_the_auc(data) -> None:
    labels, scores = data
    assume(has_both_classes(labels))
    negated = [-s for s in scores]
    assert roc_auc(labels, negated) == pytest.approx(1 - roc_auc(labels, scores), abs=1e-12)


@given(labels_and_scores)
def test_roc_curve_climbs_from_0_0_to_1_1_as_the_threshold_falls(data) -> None:
    labels, scores = data
    assume(has_both_classes(labels))
    fpr, tpr, thresholds = roc_curve(labels, scores)
    assert (fpr[0], tpr[0], fpr[-1], tpr[-1]) == (0, 0, 1, 1)
    assert np.all(np.diff(fpr) >= 0) and np.all(np.diff(tpr) >= 0)
    assert np.all(np.diff(thresholds) < 0)
    assert thresholds.size == len(set(scores)) + 1


def test_roc_curve_refuses_labels_and_scores_of_different_lengths() -> None:
    with pytest.raises(
        ShapeError, match="y_true and scores must have the same length; got 3 and 2"
    ):
        roc_curve([0, 1, 1], [0.2, 0.4])


def test_roc_curve_refuses_a_single_class() -> None:
    with pytest.raises(InvalidInputError, match="both classes in y_true; got 3 positives and 0"):
        roc_auc([1, 1, 1], [0.2, 0.4, 0.5])


def test_roc_curve_refuses_labels_other_than_0_and_1() -> None:
    with pytest.raises(InvalidInputError, match=r"only 0 and 1; y_true\[2\] is 2"):
        roc_curve([0, 1, 2], [0.2, 0.4, 0.5])


def test_roc_curve_refuses_a_nan_score() -> None:
    with pytest.raises(InvalidInputError, match=r"scores must be finite; scores\[1\] is nan"):
        roc_curve([0, 1], [0.2, math.nan])


# --- mean squared error and the cost of a line ---------------------------------------------------


def test_mse_of_a_hand_example_is_four_thirds() -> None:
    assert mse([1, 2, 3], [1, 2, 5]) == pytest.approx(4 / 3)


def test_mse_refuses_vectors_of_different_lengths() -> None:
    with pytest.raises(
        ShapeError, match="y_true and y_pred must have the same length; got 3 and 1"
    ):
        mse([1, 2, 3], [1])


def test_line_cost_of_one_point_is_the_squared_error_and_its_partials() -> None:
    # y_hat = 0.5 * 2 + 1 = 2, error = 2 - 4 = -2: cost 4, dC/dm = 2(-2)(2), dC/db = 2(-2)
    assert line_cost_gradient(0.5, 1.0, 2.0, 4.0) == LineCost(4.0, -8.0, -4.0)


def test_line_cost_is_the_mse_of_the_line_predictions() -> None:
    x, y = np.array([1.0, 2.0, 3.0]), np.array([2.0, 2.5, 5.0])
    assert line_cost_gradient(1.2, -0.3, x, y).cost == pytest.approx(mse(y, 1.2 * x - 0.3))


small_data = st.lists(st.tuples(st.floats(-5, 5), st.floats(-5, 5)), min_size=1, max_size=8)


@given(m=st.floats(-3, 3), b=st.floats(-3, 3), points=small_data)
def test_line_cost_gradient_matches_finite_differences(
    m: float, b: float, points: list[tuple[float, float]]
) -> None:
    x, y = np.array(points).T

    def cost(params: np.ndarray) -> float:
        return mse(y, params[0] * x + params[1])

    result = line_cost_gradient(m, b, x, y)
    numeric = approx_fprime(np.array([m, b]), cost, 1e-7)
    assert [result.dcost_dm, result.dcost_db] == pytest.approx(numeric, rel=1e-4, abs=1e-4)


def test_line_cost_gradient_refuses_x_and_y_of_different_lengths() -> None:
    with pytest.raises(ShapeError, match="x and y must have the same length; got 2 and 3"):
        line_cost_gradient(1, 0, [1, 2], [1, 2, 3])


# --- gradient descent ----------------------------------------------------------------------------


def bowl(p: np.ndarray) -> tuple[float, np.ndarray]:
    """C(p) = |p - (1, -2)|^2 with gradient 2 (p - (1, -2))."""
    offset = p - np.array([1.0, -2.0])
    return float(offset @ offset), 2 * offset


def test_gradient_descent_on_a_bowl_follows_the_closed_form() -> None:
    # p_k - c = (1 - 2 * rate)^k (p_0 - c)
    history = gradient_descent(bowl, [4.0, 2.0], learning_rate=0.1, steps=10)
    assert isinstance(history, DescentHistory)
    assert history.points.shape == (11, 2) and history.costs.shape == (11,)
    for k in range(11):
        expected = np.array([1.0, -2.0]) + 0.8**k * np.array([3.0, 4.0])
        assert history.points[k] == pytest.approx(expected)
        assert history.costs[k] == pytest.approx(25 * 0.64**k)


def test_gradient_descent_on_a_line_cost_reaches_the_least_squares_line() -> None:
    x, y = np.array([0.0, 1.0, 2.0, 3.0]), np.array([1.0, 2.9, 5.2, 6.8])

    def cost_and_gradient(p: np.ndarray) -> tuple[float, tuple[float, float]]:
        cost, dm, db = line_cost_gradient(p[0], p[1], x, y)
        return cost, (dm, db)

    history = gradient_descent(cost_and_gradient, [0.0, 0.0], learning_rate=0.05, steps=2000)
    assert history.points[-1] == pytest.approx(np.polyfit(x, y, 1), rel=1e-6)
    assert np.all(np.diff(history.costs) <= 1e-15)


def test_gradient_descent_of_one_parameter_accepts_a_scalar_start() -> None:
    history = gradient_descent(lambda p: (float(p[0] ** 2), 2 * p), 3.0, 0.25, 2)
    assert history.points[:, 0].tolist() == [3.0, 1.5, 0.75]


def test_gradient_descent_with_too_large_a_rate_reports_divergence() -> None:
    with pytest.raises(EvaluationError, match=r"diverged at step \d+.*try a smaller learning rate"):
        gradient_descent(bowl, [4.0, 2.0], learning_rate=10.0, steps=1000)


def test_gradient_descent_refuses_a_non_positive_rate() -> None:
    with pytest.raises(InvalidInputError, match="learning_rate must be positive; got 0"):
        gradient_descent(bowl, [4.0, 2.0], learning_rate=0.0, steps=10)


def test_gradient_descent_refuses_zero_steps() -> None:
    with pytest.raises(InvalidInputError, match="steps must be an integer >= 1; got 0"):
        gradient_descent(bowl, [4.0, 2.0], learning_rate=0.1, steps=0)


def test_gradient_descent_refuses_a_gradient_of_the_wrong_size() -> None:
    with pytest.raises(ShapeError, match=r"one entry per parameter \(2\); got 3"):
        gradient_descent(lambda p: (0.0, [1.0, 2.0, 3.0]), [4.0, 2.0], 0.1, 5)


def test_gradient_descent_reports_a_cost_function_that_does_not_return_a_pair() -> None:
    with pytest.raises(
        EvaluationError, match=r"failed at step 0, point \[4, 2\].*\(cost, gradient\)"
    ):
        gradient_descent(lambda p: 1.0, [4.0, 2.0], 0.1, 5)  # type: ignore[arg-type, return-value]
