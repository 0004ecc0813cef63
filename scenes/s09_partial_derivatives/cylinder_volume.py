"""CylinderVolume: v = pi r^2 l grows by a shell when r grows and by a slab when l grows."""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    RIGHT,
    UP,
    Brace,
    Create,
    Ellipse,
    FadeIn,
    FadeOut,
    Indicate,
    Line,
    ManimColor,
    Rectangle,
    ValueTracker,
    VGroup,
    Write,
    always_redraw,
    interpolate_color,
)

from lib import calculus
from scenes import style
from scenes.inputs import Domain, Number
from scenes.s09_partial_derivatives.shared import in_column, said
from scenes.style import (
    BEAT,
    BUFF,
    GAP,
    HIGHLIGHT,
    INPUT,
    INPUT_2,
    PAUSE,
    QUICK,
    RESULT,
    LessonScene,
    fmt,
    num,
    tex,
)

DRAWING_WIDTH, DRAWING_HEIGHT = 5.2, 4.0  # room for the grown cylinder (scene units)
DRAWING_CENTRE = (-3.9, 0.2)
COLUMN_LEFT = 1.0  # the formulas' left edge, clear of the drawing and its labels
END_SQUASH = 0.35  # an end's ellipse is this much narrower than it is tall (seen at a slant)
SHRINKS = 3  # the finite differences use nudge, nudge / 10, nudge / 100...
FORMULA_SIZE = style.BODY_SIZE
SOLID = interpolate_color(ManimColor(style.BACKGROUND), ManimColor(INPUT), 0.3)
FACE = interpolate_color(ManimColor(style.BACKGROUND), ManimColor(INPUT), 0.5)
GROWTH = (HIGHLIGHT, HIGHLIGHT, HIGHLIGHT)  # the shell or slab the volume gains
R_COLOUR, L_COLOUR = INPUT, INPUT_2


class CylinderVolume(LessonScene):
    """The two partials of a cylinder's volume, drawn as the shell and the slab they measure."""

    radius = 1.5  # r
    length = 3.0  # l
    nudge = 0.2  # the first (and drawn) Δr and Δl; the finite differences shrink it tenfold
    domain = Domain(
        radius=Number(0.5, 3.0),
        length=Number(0.5, 6.0),
        nudge=Number(0.05, 0.5),
    )

    def construct(self) -> None:
        r, ln = self.radius, self.length  # every number, from lib, up front
        here = (r, ln)
        self.volume = calculus.cylinder_volume(here)
        self.dv_dr = calculus.partial_derivative(calculus.cylinder_volume, here, 0)
        self.dv_dl = calculus.partial_derivative(calculus.cylinder_volume, here, 1)
        steps = [self.nudge / 10**k for k in range(SHRINKS)]
        self.by_r = calculus.delta_method_table(
            lambda t: calculus.cylinder_volume((t, ln)), r, steps
        )
        self.by_l = calculus.delta_method_table(
            lambda t: calculus.cylinder_volume((r, t)), ln, steps
        )
        self.draw_the_cylinder()
        self.widen_it()
        self.check_the_radius()
        self.lengthen_it()
        self.show_summary()

    # -- the drawing ----------------------------------------------------------------------

    def cylinder(self, r: float, ln: float, fill, face, stroke, *, skin: bool) -> VGroup:
        """A cylinder lying along x, its far end's centre at the drawing's anchor, its near end
        (``face``) towards the viewer; ``skin`` draws its outline."""
        s, (x, y) = self.unit, self.anchor
        body = Rectangle(width=ln * s, height=2 * r * s, stroke_width=0)
        body.set_fill(fill, 1).move_to([x + ln * s / 2, y, 0])
        near = Ellipse(width=2 * r * s * END_SQUASH, height=2 * r * s).move_to([x + ln * s, y, 0])
        near.set_fill(face, 1).set_stroke(stroke, 3)
        far = Ellipse(width=2 * r * s * END_SQUASH, height=2 * r * s).move_to([x, y, 0])
        far.set_fill(fill, 1).set_stroke(stroke, 3 if skin else 0)
        sides = VGroup(
            Line([x, y + r * s, 0], [x + ln * s, y + r * s, 0]),
            Line([x, y - r * s, 0], [x + ln * s, y - r * s, 0]),
        ).set_stroke(stroke, 3 if skin else 0)
        return VGroup(far, body, near, sides)

    def place_drawing(self) -> None:
        most_r, most_l = self.radius + self.nudge, self.length + self.nudge
        width_of_one = most_l + 2 * most_r * END_SQUASH  # the ends bulge out either side
        self.unit = min(DRAWING_WIDTH / width_of_one, DRAWING_HEIGHT / (2 * most_r))
        cx, cy = DRAWING_CENTRE
        self.anchor = (cx - self.length * self.unit / 2, cy)

    def grow(self, size, start: float, end: float) -> VGroup:
        """Grow a highlighted cylinder of ``size(t)`` (radius, length) behind the solid one, t
        from ``start`` to ``end``: the volume gained shows around it."""
        t = ValueTracker(start)
        grown = always_redraw(lambda: self.cylinder(*size(t.get_value()), *GROWTH, skin=False))
        self.add(grown)
        self.bring_to_front(self.solid, self.radius_line)
        self.play(t.animate.set_value(end), run_time=BEAT * 1.5)
        grown.clear_updaters()
        return grown

    def column(self, mobject, above, buff: float = GAP):
        """``mobject`` in the formula column at the right, under ``above``."""
        return in_column(mobject, above, self.column_left, buff)

    def quotient_table(self, rows, name: str, colour: str) -> VGroup:
        """Δ and Δv/Δ for each row of a delta-method table, under a header."""
        cells = [
            tex(rf"\Delta {name}", size=FORMULA_SIZE, color=colour),
            tex(rf"\frac{{\Delta v}}{{\Delta {name}}}", size=FORMULA_SIZE, color=colour),
        ]
        for row in rows:
            cells.append(tex(fmt(row.dx, "table"), size=FORMULA_SIZE))
            cells.append(tex(fmt(row.slope), size=FORMULA_SIZE))
        return VGroup(*cells).arrange_in_grid(
            rows=len(rows) + 1, cols=2, buff=(GAP * 2, BUFF * 1.2), col_alignments="rr"
        )

    # -- beats ----------------------------------------------------------------------------

    def draw_the_cylinder(self) -> None:
        r, ln = self.radius, self.length
        with self.beat(
            f"A cylinder of radius r = {said(r)} and length l = {said(ln)} holds "
            f"v = π r² l = {said(self.volume)}."
        ):
            self.heading = style.title("How a cylinder's volume changes")
            self.place_drawing()
            self.solid = self.cylinder(r, ln, SOLID, FACE, R_COLOUR, skin=True)
            _, _, near, _ = self.solid
            s, (x, y) = self.unit, self.anchor
            centre = np.array([x + ln * s, y, 0])
            self.radius_line = Line(centre, centre + UP * r * s, color=R_COLOUR, stroke_width=4)
            self.r_label = tex(f"r = {num(r)}", size=FORMULA_SIZE, color=R_COLOUR)
            self.r_label.next_to(near, RIGHT, buff=BUFF + self.nudge * s * END_SQUASH)
            self.length_brace = Brace(
                Line([x, y - r * s, 0], [x + ln * s, y - r * s, 0]), DOWN, color=L_COLOUR
            )
            self.length_brace.shift(DOWN * (self.nudge * s + BUFF * 0.4))
            self.l_label = tex(f"l = {num(ln)}", size=FORMULA_SIZE, color=L_COLOUR)
            self.l_label.next_to(self.length_brace, DOWN, buff=BUFF * 0.6)
            self.formula = tex(
                r"v = \pi r^2 l = ",
                rf"\pi \cdot {num(r)}^2 \cdot {num(ln)} = {num(self.volume)}",
                size=FORMULA_SIZE + 4,
            )
            self.column_left = COLUMN_LEFT
            self.column(self.formula, self.heading, GAP)
            self.play(FadeIn(self.heading), FadeIn(self.solid), run_time=BEAT)
            self.play(
                Create(self.radius_line),
                FadeIn(self.r_label),
                FadeIn(self.length_brace),
                FadeIn(self.l_label),
                run_time=BEAT,
            )
            self.play(Write(self.formula), run_time=BEAT)
            self.show("volume", self.volume)
            self.wait(PAUSE)

    def widen_it(self) -> None:
        r, ln, dr = self.radius, self.length, self.nudge
        with self.beat(
            f"Hold l still and widen r by Δr = {said(dr, 'table')}: the new volume wraps the old "
            "in a thin shell, about as big as the side's area, 2π r l, times its thickness Δr. "
            f"So ∂v/∂r = 2π r l = {said(self.dv_dr)}."
        ):
            shell = self.grow(lambda t: (t, ln), r, r + dr)
            self.partial_r = tex(
                r"\frac{\partial v}{\partial r} = 2\pi r l = ",
                num(self.dv_dr),
                size=FORMULA_SIZE,
                color=R_COLOUR,
            )
            self.column(self.partial_r, self.formula)
            self.play(Write(self.partial_r), run_time=BEAT)
            self.shell = shell
            self.show("dv_dr", self.dv_dr)
            self.wait(PAUSE)

    def check_the_radius(self) -> None:
        slopes = ", ".join(said(row.slope) for row in self.by_r)
        steps = ", ".join(said(row.dx, "table") for row in self.by_r)
        with self.beat(
            f"Check it with finite differences: the change in v over Δr, for Δr = {steps}, "
            f"is {slopes}: closing in on {said(self.dv_dr)} as Δr shrinks."
        ):
            self.table = self.quotient_table(self.by_r, "r", R_COLOUR)
            self.column(self.table, self.partial_r, GAP)
            self.play(FadeIn(self.table[:2]), run_time=QUICK)
            for k in range(len(self.by_r)):
                self.play(FadeIn(self.table[2 + 2 * k : 4 + 2 * k]), run_time=QUICK)
            self.play(Indicate(self.partial_r[1]), run_time=BEAT)
            self.show("quotients_r", tuple((row.dx, row.slope) for row in self.by_r))
            self.wait(PAUSE)

    def lengthen_it(self) -> None:
        r, ln, dl = self.radius, self.length, self.nudge
        with self.beat(
            f"Now hold r still and lengthen l by Δl = {said(dl, 'table')}: a slab as big as the "
            f"end's area, π r², times Δl. So ∂v/∂l = π r² = {said(self.dv_dl)}, and the finite "
            "differences give it exactly for every Δl: v grows in step with l."
        ):
            self.play(FadeOut(self.shell), FadeOut(self.table), run_time=QUICK)
            self.grow(lambda t: (r, t), ln, ln + dl)
            self.partial_l = tex(
                r"\frac{\partial v}{\partial l} = \pi r^2 = ",
                num(self.dv_dl),
                size=FORMULA_SIZE,
                color=L_COLOUR,
            )
            self.column(self.partial_l, self.partial_r, GAP * 0.6)
            self.play(Write(self.partial_l), run_time=BEAT)
            self.table = self.quotient_table(self.by_l, "l", L_COLOUR)
            self.column(self.table, self.partial_l, GAP)
            self.play(FadeIn(self.table), run_time=BEAT)
            self.show("dv_dl", self.dv_dl)
            self.show("quotients_l", tuple((row.dx, row.slope) for row in self.by_l))
            self.wait(PAUSE)

    def show_summary(self) -> None:
        with self.beat(
            f"Two partial derivatives, each with the other length held still: the volume grows "
            f"{said(self.dv_dr)} per unit of radius and {said(self.dv_dl)} per unit of length."
        ):
            box = style.highlight_box(VGroup(self.partial_r, self.partial_l), color=RESULT)
            self.play(Create(box), run_time=BEAT)
            self.hold_poster()
