"""PartialDerivatives: the saddle z = x^2 - y^2, cut at fixed y and at fixed x, with tangents.

Drawn in 3-D: the surface turns on its own axis while the camera stays still, and every
formula, readout and tick number is fixed in the frame (a tick number follows the projection
of its tick), so nothing written turns away from the viewer.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DEGREES,
    DL,
    OUT,
    UR,
    Create,
    Dot3D,
    FadeIn,
    FadeOut,
    Indicate,
    Line,
    Mobject,
    ParametricFunction,
    Polygon,
    Rotate,
    Surface,
    ThreeDAxes,
    ThreeDScene,
    VGroup,
    Write,
)

from lib import calculus
from scenes import style
from scenes.inputs import Domain, Vector
from scenes.s09_partial_derivatives.shared import in_column, said
from scenes.style import (
    AXIS,
    BEAT,
    GAP,
    HIGHLIGHT,
    INPUT,
    INPUT_2,
    LABEL_SIZE,
    PAUSE,
    QUICK,
    RESULT,
    LessonScene,
    fmt,
    num,
    tex,
)

REACH = 2.5  # the surface spans -REACH..REACH in x and in y
X_RANGE = Y_RANGE = (-3.0, 3.0, 1.0)
Z_RANGE = (-8.0, 8.0, 2.0)
TICKS = {0: (-2.0, 2.0), 1: (-2.0, 2.0), 2: (-6.0, 6.0)}  # numbered ticks per axis
SURFACE_RESOLUTION = 12  # faces a side: a smooth enough saddle, cheap to draw (3-D faces are slow)
TANGENT_REACH = 1.2  # the tangent runs this far either side of the point, in x (or y)
PHI, THETA = 68 * DEGREES, -62 * DEGREES  # the camera, fixed for the whole scene
TURN = 50 * DEGREES  # the surface turns by this much into view at the start
PICTURE_CENTRE = (-3.2, -0.55)  # where the origin of the axes appears on screen
AXIS_PIECES = 6  # each axis is cut into this many pieces, sorted by depth with the surface
SURFACE_COLOURS = ("#2F5F7A", "#24495E")
FORMULA_SIZE = style.BODY_SIZE
CLEARANCE = 0.12  # an axis label this close to a drawn curve or line is taken away
COLUMN_LEFT = 1.2  # the formulas' left edge (scene units), clear of the picture


def saddle(x: float, y: float) -> float:
    """f(x, y) = x^2 - y^2, from lib."""
    return calculus.saddle((x, y))


class PartialDerivatives(LessonScene, ThreeDScene):
    """The slices of z = x^2 - y^2 through one point, and the slopes of their tangents."""

    point = (1.5, 1.0)  # (x0, y0), where the slices cross
    domain = Domain(point=Vector(2, -2, 2))

    def construct(self) -> None:
        x0, y0 = self.point  # every number, from lib, up front
        self.height = saddle(x0, y0)
        self.dfdx = calculus.partial_derivative(calculus.saddle, self.point, 0)
        self.dfdy = calculus.partial_derivative(calculus.saddle, self.point, 1)
        self.set_camera_orientation(phi=PHI, theta=THETA)
        self.camera.reset_rotation_matrix()  # the camera caches it until its next frame
        self.show_the_surface()
        self.mark_the_point()
        self.slice_at_fixed_y()
        self.slice_at_fixed_x()
        self.show_summary()

    # -- drawing in 3-D, writing in the frame ---------------------------------------------

    def pin(self, *mobjects: Mobject) -> None:
        """Fix ``mobjects`` in the frame (they neither turn nor shrink), without adding them."""
        self.camera.add_fixed_in_frame_mobjects(*mobjects)

    def on_screen(self, *coords: float) -> np.ndarray:
        """Where the point of the axes at ``coords`` appears in the frame, now."""
        return self.camera.project_point(np.asarray(self.axes.c2p(*coords), dtype=float))

    def follow(self, label: Mobject, coords: tuple[float, float, float], offset) -> Mobject:
        """``label`` fixed in the frame, kept beside the projection of ``coords``."""
        offset = np.array([*offset, 0.0])
        label.add_updater(lambda m: m.move_to(self.on_screen(*coords) + offset))
        label.update()
        self.pin(label)
        return label

    def build_axes(self) -> None:
        self.axes = ThreeDAxes(
            x_range=X_RANGE,
            y_range=Y_RANGE,
            z_range=Z_RANGE,
            x_length=5.8,
            y_length=5.8,
            z_length=5.4,
            axis_config={"stroke_color": AXIS, "stroke_width": 2, "include_tip": False},
            num_axis_pieces=AXIS_PIECES,
        )
        rotation = self.camera.get_rotation_matrix()  # rows: the frame's right, up, out
        across, up = PICTURE_CENTRE
        self.axes.shift(across * rotation[0] + up * rotation[1])
        self.axes.rotate(-TURN, axis=OUT, about_point=self.axes.c2p(0, 0, 0))
        self.labels = VGroup()
        for index, values in TICKS.items():
            for value in values:
                coords = [0.0, 0.0, 0.0]
                coords[index] = value
                offset = (0.3, 0.0) if index == 2 else (0.0, -0.28)
                label = tex(num(value), size=LABEL_SIZE, color=AXIS)
                self.labels.add(self.follow(label, tuple(coords), offset))
        for index, name in enumerate("xyz"):
            coords = [0.0, 0.0, 0.0]
            coords[index] = (X_RANGE, Y_RANGE, Z_RANGE)[index][1]
            offset = (0.0, 0.3) if index == 2 else (0.0, -0.3)
            label = tex(name, size=LABEL_SIZE + 4, color=AXIS)
            self.labels.add(self.follow(label, tuple(coords), offset))

    def labels_under(self, *drawn: Mobject) -> list[Mobject]:
        """The axis labels that the projection of any of ``drawn`` would cross."""
        points = np.concatenate([m.get_all_points() for m in drawn])
        seen = self.camera.project_points(points)[:, :2]
        under = []
        for label in self.labels:
            (x0, y0, _), (x1, y1, _) = label.get_corner(DL), label.get_corner(UR)
            inside = (
                (seen[:, 0] > x0 - CLEARANCE)
                & (seen[:, 0] < x1 + CLEARANCE)
                & (seen[:, 1] > y0 - CLEARANCE)
                & (seen[:, 1] < y1 + CLEARANCE)
            )
            if inside.any():
                under.append(label)
        return under

    def column(self, mobject: Mobject, above: Mobject, buff: float = GAP) -> Mobject:
        """``mobject`` in the formula column at the right, under ``above``, fixed in frame."""
        in_column(mobject, above, self.column_left, buff)
        self.pin(mobject)
        return mobject

    # -- beats ----------------------------------------------------------------------------

    def show_the_surface(self) -> None:
        with self.beat(
            "The surface z = x² − y²: along x it curves up, along y it curves down, a saddle. "
            "Turn it to see its shape."
        ):
            self.heading = style.title("Partial derivatives")
            self.pin(self.heading)
            self.build_axes()
            a = self.axes
            self.surface = Surface(
                lambda u, v: a.c2p(u, v, saddle(u, v)),
                u_range=(-REACH, REACH),
                v_range=(-REACH, REACH),
                resolution=SURFACE_RESOLUTION,
                fill_opacity=0.6,
                checkerboard_colors=list(SURFACE_COLOURS),
                stroke_width=0,  # the checkerboard shows the grid; a stroke doubles the drawing
            )
            self.formula = tex("f(x, y) = x^2 - y^2", size=FORMULA_SIZE + 4)
            self.column_left = COLUMN_LEFT
            self.column(self.formula, self.heading, GAP)
            self.play(FadeIn(self.heading), Create(self.axes), FadeIn(self.labels), run_time=BEAT)
            self.play(Create(self.surface), Write(self.formula), run_time=BEAT * 1.5)
            centre = self.axes.c2p(0, 0, 0)
            self.play(
                Rotate(VGroup(self.axes, self.surface), TURN, axis=OUT, about_point=centre),
                run_time=BEAT * 3,
            )
            self.wait(PAUSE)

    def mark_the_point(self) -> None:
        x0, y0 = self.point
        with self.beat(
            f"Take the point x = {said(x0)}, y = {said(y0)}. The surface stands at "
            f"z = {said(x0)}² − {'(' + said(y0) + ')' if y0 < 0 else said(y0)}² = "
            f"{said(self.height)} above it."
        ):
            self.dot = Dot3D(self.axes.c2p(x0, y0, self.height), radius=0.09, color=HIGHLIGHT)
            self.where = tex(
                rf"f\left({num(x0)}, {num(y0)}\right) = {num(self.height)}",
                size=FORMULA_SIZE,
                color=HIGHLIGHT,
            )
            self.column(self.where, self.formula, GAP * 0.8)
            self.play(FadeIn(self.dot, scale=2), FadeIn(self.where), run_time=BEAT)
            self.show("point", tuple(self.point))
            self.show("height", self.height)
            self.wait(PAUSE)

    def slice_and_tangent(
        self, along: int, colour: str, slope: float
    ) -> tuple[Polygon, ParametricFunction, Line | None]:
        """The plane through the point across axis ``along``, the curve it cuts, the tangent."""
        x0, y0 = self.point
        a = self.axes
        z0, z1 = Z_RANGE[:2]

        def at(t: float, z: float | None = None) -> np.ndarray:
            x, y = (t, y0) if along == 0 else (x0, t)
            return a.c2p(x, y, saddle(x, y) if z is None else z)

        plane = Polygon(
            at(-REACH, z0), at(REACH, z0), at(REACH, z1), at(-REACH, z1),
            stroke_width=0, fill_color=colour, fill_opacity=0.16,
        )  # fmt: skip
        curve = ParametricFunction(at, t_range=(-REACH, REACH), color=colour, stroke_width=6)
        here = self.point[along]
        ends = ((here - TANGENT_REACH, self.height - slope * TANGENT_REACH),
                (here + TANGENT_REACH, self.height + slope * TANGENT_REACH))  # fmt: skip
        kept = style.clip_segment(*ends, (-REACH, REACH), Z_RANGE[:2])
        tangent = None
        if kept is not None:
            (t0, h0), (t1, h1) = kept
            tangent = Line(at(t0, h0), at(t1, h1), color=RESULT, stroke_width=6)
        return plane, curve, tangent

    def draw_slice(
        self, along: int, colour: str, slope: float, held: Mobject, above: Mobject, buff: float
    ) -> VGroup:
        """Cut the surface across axis ``along``, draw the cut and its tangent, write ``held``."""
        plane, curve, tangent = self.slice_and_tangent(along, colour, slope)
        self.column(held, above, buff)
        drawn = VGroup(curve, *([tangent] if tangent else []))
        hidden = self.labels_under(drawn, self.dot)
        self.labels.remove(*hidden)
        self.play(FadeIn(plane), *(FadeOut(label) for label in hidden), run_time=QUICK)
        self.play(Create(curve), run_time=BEAT)
        self.bring_to_front(self.dot)
        self.play(Create(tangent) if tangent else Indicate(self.dot), Write(held), run_time=BEAT)
        self.play(FadeOut(plane), run_time=QUICK)
        return drawn

    def slice_at_fixed_y(self) -> None:
        y0 = self.point[1]
        with self.beat(
            f"Hold y at {said(y0)} and cut the surface there: the cut is the curve "
            f"z = x² − {fmt(y0 * y0, 'table')}, a parabola in x. Its tangent at the point has "
            f"slope ∂f/∂x = 2x = {said(self.dfdx)}."
        ):
            held = tex(rf"y = {num(y0)}\colon\quad", r"\frac{\partial f}{\partial x} = 2x = ",
                       num(self.dfdx, "slope"), size=FORMULA_SIZE, color=INPUT)  # fmt: skip
            self.along_x = self.draw_slice(0, INPUT, self.dfdx, held, self.where, GAP)
            self.held_y = held
            self.show("dfdx", self.dfdx)
            self.wait(PAUSE)

    def slice_at_fixed_x(self) -> None:
        x0 = self.point[0]
        with self.beat(
            f"Now hold x at {said(x0)} instead: the cut is z = {fmt(x0 * x0, 'table')} − y², "
            f"a parabola opening down. Its tangent has slope ∂f/∂y = −2y = {said(self.dfdy)}."
        ):
            held = tex(rf"x = {num(x0)}\colon\quad", r"\frac{\partial f}{\partial y} = -2y = ",
                       num(self.dfdy, "slope"), size=FORMULA_SIZE, color=INPUT_2)  # fmt: skip
            self.along_y = self.draw_slice(1, INPUT_2, self.dfdy, held, self.held_y, GAP * 0.8)
            self.held_x = held
            self.show("dfdy", self.dfdy)
            self.wait(PAUSE)

    def show_summary(self) -> None:
        with self.beat(
            "Each partial derivative is the slope of one slice: the other variable held still. "
            f"Together they make the gradient, ({said(self.dfdx)}, {said(self.dfdy)})."
        ):
            gradient = tex(
                r"\nabla f = \left(\frac{\partial f}{\partial x}, \frac{\partial f}{\partial y}"
                rf"\right) = {style.fmt_vector((self.dfdx, self.dfdy), 'slope')}",
                size=FORMULA_SIZE,
                color=RESULT,
            )
            self.column(gradient, self.held_x, GAP)
            self.play(FadeIn(gradient), run_time=BEAT)
            self.show("gradient", (self.dfdx, self.dfdy))
            self.hold_poster()
