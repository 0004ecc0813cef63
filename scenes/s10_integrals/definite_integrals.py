"""DefiniteIntegrals: the integral of f from a to b is the signed area between the curve and
the x axis (negative below it), and F(b) - F(a) for an antiderivative F.
"""

from __future__ import annotations

from manim import DOWN, FadeIn, FadeOut, VGroup, Write

from lib import calculus, rules
from scenes import style
from scenes.inputs import Domain, Vector
from scenes.s06_limits.shared import about, equals, written_with
from scenes.s10_integrals.shared import (
    ABOVE,
    BELOW,
    INTERVAL_RULE,
    AreaScene,
    Written,
    antiderivative_rows,
    antiderivative_tex,
    equations,
    polynomial_tex,
    said,
    written,
)
from scenes.style import BEAT, GAP, INPUT, PAUSE, QUICK, RESULT, factor, fmt, num

KIND = "value"


def bounds(left: float, right: float) -> str:
    return rf"\int_{{{num(left)}}}^{{{num(right)}}} f\,dx"


class DefiniteIntegrals(AreaScene):
    """The signed area under f over [a, b], piece by piece, and F(b) - F(a)."""

    coefficients = (3.0, 0.0, -3.0)  # f(x) = 3x^2 - 3, highest power first
    interval = (0.0, 2.0)  # [a, b]
    domain = Domain(
        coefficients=Vector((1, 4), -5, 5, nonzero=True),
        interval=Vector(2, -5, 5),
        rules=(written_with("coefficients", 2), written_with("interval", 2), INTERVAL_RULE),
    )

    def construct(self) -> None:
        self.a, self.b = (float(v) for v in self.interval)
        self.example = rules.integral_rules(self.coefficients)  # every number, from lib
        self.pieces = calculus.signed_areas(self.coefficients, self.a, self.b)
        self.F_a = self.example.antiderivative(self.a)
        self.F_b = self.example.antiderivative(self.b)
        self.by_F = self.example.definite(self.a, self.b)
        self.total = calculus.definite_integral(self.example.f, self.a, self.b)
        self.formula = polynomial_tex(self.example.coefficients)
        self.introduce()
        self.signed_area()
        self.by_antiderivative()
        self.show_summary()

    # -- beats ---------------------------------------------------------------------------

    def introduce(self) -> None:
        a, b = fmt(self.a), fmt(self.b)
        with self.beat(
            f"f(x) = {said(self.formula)}. Its definite integral from {a} to {b} is the area "
            "between the curve and the x axis over that stretch, counted with a sign."
        ):
            self.heading = style.title("Definite integrals")
            graph = self.graph_function(self.coefficients, self.a, self.b)
            self.column_left = self.axes.get_right()[0] + GAP * 1.2
            self.definition = self.fit_column(lambda: equations(("f(x)", "=", self.formula)))
            self.definition[0][-1].set_color(INPUT)
            self.definition.next_to(self.heading, DOWN, buff=GAP)
            self.definition.set_x(self.column_left + self.definition.width / 2)
            self.play(FadeIn(self.heading), Write(graph), run_time=BEAT)
            self.play(Write(self.definition), run_time=BEAT)
            self.show("f", self.example.coefficients)

    def piece_rows(self) -> list[tuple[str, ...]]:
        rows = [(bounds(p.left, p.right), equals((p.area, KIND)), num(p.area)) for p in self.pieces]
        if len(self.pieces) > 1:
            sign = equals(*((p.area, KIND) for p in self.pieces), (self.total, KIND))
            added = " + ".join(num(p.area) for p in self.pieces)
            rows.append((bounds(self.a, self.b), sign, f"{added} = {num(self.total)}"))
        return rows

    def piece_layouts(self) -> list:
        """Each piece on its row and their sum, or the sum alone, each piece in its colour."""
        rows = self.piece_rows()
        colours = {i: ABOVE if p.area >= 0 else BELOW for i, p in enumerate(self.pieces)}
        if len(self.pieces) > 1:
            colours[len(self.pieces)] = RESULT

        def one_line() -> VGroup:
            terms = [num(self.pieces[0].area)] + [
                f"- {fmt(-p.area)}" if p.area < 0 else f"+ {fmt(p.area)}" for p in self.pieces[1:]
            ]
            sign = equals(*((p.area, KIND) for p in self.pieces), (self.total, KIND))
            line = equations((bounds(self.a, self.b), sign, *terms, "=", num(self.total)))
            for part, piece in zip(line[0][2:], self.pieces, strict=False):
                part.set_color(ABOVE if piece.area >= 0 else BELOW)
            line[0][-1].set_color(RESULT)
            return line

        return [lambda: equations(*rows, colours=colours), one_line]

    def antiderivative_layouts(self) -> list:
        a, b = num(self.a), num(self.b)
        shown = ((self.F_a, KIND), (self.F_b, KIND), (self.by_F, KIND))
        sign = equals(*shown)
        difference = rf"F({b}) - F({a})"
        values = rf"{num(self.F_b)} - {factor(self.F_a, KIND)}"
        whole = bounds(self.a, self.b)
        definite = [
            [(whole, "=", difference, sign, values, sign, num(self.by_F))],
            [(whole, "=", difference), ("", sign, values), ("", sign, num(self.by_F))],
        ]

        def build(F_rows: Written, rows: list[tuple[str, ...]]) -> VGroup:
            lines = written((F_rows[0] + rows, F_rows[1]))
            lines[-1][-1].set_color(RESULT)
            return lines

        return [
            lambda F_rows=F_rows, rows=rows: build(F_rows, rows)
            for F_rows in antiderivative_rows(self.example)
            for rows in definite
        ]

    def signed_area(self) -> None:
        above = [p for p in self.pieces if p.area >= 0]
        below = [p for p in self.pieces if p.area < 0]
        crossings = [p.left for p in self.pieces[1:]]
        if not below:
            where = "f stays above the x axis here, so all of the area counts positive"
        elif not above:
            where = "f stays below the x axis here, so all of the area counts negative"
        else:
            at = ", ".join(about(x) for x in crossings)
            where = (
                f"f crosses the x axis at x = {at}. Area above the axis counts positive, "
                "area below it negative: shaded orange"
            )
        parts = ", ".join(about(p.area) for p in self.pieces)
        total = (
            f"The pieces, {parts}, add up to {about(self.total)}."
            if len(self.pieces) > 1
            else f"Its value: {about(self.total)}."
        )
        with self.beat(f"{where}. {total}"):
            shading = VGroup(
                *(
                    self.area_under(p.left, p.right, ABOVE if p.area >= 0 else BELOW, 0.45)
                    for p in self.pieces
                )
            )
            pieces = self.legible(self.piece_layouts())
            by_F = self.legible(self.antiderivative_layouts())
            self.area_rows, self.antiderivative = self.stack_in_column(
                self.definition, pieces, by_F
            )
            self.pieces_leave = self.overflows(self.antiderivative)
            if self.pieces_leave:  # no room for both: F(b) - F(a) takes the pieces' place
                (self.area_rows,) = self.stack_in_column(self.definition, pieces)
                (self.antiderivative,) = self.stack_in_column(self.definition, by_F)
                self.squeeze(self.antiderivative)
            for shade, row in zip(shading, self.area_rows, strict=False):
                self.play(FadeIn(shade), Write(row), run_time=BEAT)
            for row in self.area_rows[len(shading) :]:
                self.play(Write(row), run_time=BEAT)
            if len(self.area_rows) < len(shading):
                self.play(FadeIn(VGroup(*shading[len(self.area_rows) :])), run_time=QUICK)
            self.show("pieces", tuple((p.left, p.right, p.area) for p in self.pieces))
            self.show("total", self.total)
            self.wait(PAUSE)

    def by_antiderivative(self) -> None:
        a, b = fmt(self.a), fmt(self.b)
        with self.beat(
            f"No need to measure the pieces: with an antiderivative, F(x) = "
            f"{said(antiderivative_tex(self.example))}, the integral is F({b}) - F({a}). "
            f"F({b}) = {about(self.F_b)} and F({a}) = {about(self.F_a)}, so it is "
            f"{about(self.by_F)}: the same signed area."
        ):
            if self.pieces_leave:
                self.play(FadeOut(self.area_rows), run_time=QUICK)
            self.play(Write(self.antiderivative[0]), run_time=BEAT)
            for line in self.antiderivative[1:]:
                self.play(Write(line), run_time=BEAT)
            self.show("F", self.example.term_antiderivatives)
            self.show("F_tex", antiderivative_tex(self.example))
            self.show("F_a", self.F_a)
            self.show("F_b", self.F_b)
            self.show("by_F", self.by_F)
            self.wait(QUICK)

    def show_summary(self) -> None:
        with self.beat(
            "The definite integral is the signed area, negative below the axis, and one "
            "subtraction gives it: F(b) - F(a)."
        ):
            box = style.highlight_box(self.antiderivative[-1], color=RESULT)
            self.play(Write(box), run_time=QUICK)
            self.hold_poster()
