"""LinearSystemsGeometry: Two equations are two lines: they cross once (one solution), never
(parallel, none) or everywhere (same line, infinitely many).
"""

from __future__ import annotations

from manim import (
    DOWN,
    RIGHT,
    UP,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    Line,
    VGroup,
    Write,
)

from lib import linalg
from scenes import style
from scenes.s02_tensor_operations.shared import (
    EQUATION_COLOURS,
    equation_tex,
    line_ends,
    rows_of,
    spoken,
)
from scenes.style import (
    BEAT,
    BODY_SIZE,
    BUFF,
    CAPTION_SIZE,
    GAP,
    HIGHLIGHT,
    MARGIN,
    PAUSE,
    QUICK,
    RESULT,
    LessonScene,
    fmt,
    fmt_vector,
    tex,
    text,
)

# =========================================================================================
# LinearSystemsGeometry
# =========================================================================================

#: What the viewer reads for each kind of system lib.classify_system tells apart.
KIND_HEADINGS = {"one": "one solution", "none": "no solution", "infinite": "infinitely many"}

KIND_COLOURS = {"one": RESULT, "none": style.ERROR, "infinite": HIGHLIGHT}


class LinearSystemsGeometry(LessonScene):
    """Two equations are two lines: they cross once, never (parallel), or everywhere (same line)."""

    systems = (
        (((2.0, -1.0), (1.0, 1.0)), (1.0, 5.0)),  # crossing lines
        (((1.0, 1.0), (2.0, 2.0)), (2.0, 8.0)),  # parallel lines
        (((1.0, 2.0), (2.0, 4.0)), (4.0, 8.0)),  # one line twice
    )
    names = ("x", "y")
    x_range = (-1.0, 5.0, 1.0)
    y_range = (-1.0, 5.0, 1.0)

    def construct(self) -> None:
        self.kinds = [linalg.classify_system(A, b) for A, b in self.systems]  # from lib
        self.solutions = [
            linalg.solve(A, b) if kind == "one" else None
            for (A, b), kind in zip(self.systems, self.kinds, strict=True)
        ]
        self.introduce_lines()
        for index in range(len(self.systems)):
            self.classify(index)
        self.show_summary()

    # -- builders -----------------------------------------------------------------------

    def build_panels(self) -> None:
        self.panels = VGroup()
        for A, b in self.systems:
            grid = style.axes(
                self.x_range,
                self.y_range,
                width=3.5,
                height=3.5,
                x_label=self.names[0],
                y_label=self.names[1],
                numbers=False,
            )
            equations = VGroup(
                *(
                    tex(
                        equation_tex(row, rhs, self.names),
                        size=CAPTION_SIZE,
                        color=EQUATION_COLOURS[k],
                    )
                    for k, (row, rhs) in enumerate(zip(A, b, strict=True))
                )
            ).arrange(DOWN, buff=BUFF * 0.8)
            heading = text("one solution", size=CAPTION_SIZE)  # a placeholder for the height
            panel = VGroup(heading, grid, equations).arrange(DOWN, buff=GAP * 0.5)
            self.panels.add(panel)
        self.panels.arrange(RIGHT, buff=GAP * 1.2)
        style.fit_width(self.panels, style.SAFE_WIDTH)
        self.panels.next_to(self.heading, DOWN, buff=GAP * 0.6)

    # -- beats --------------------------------------------------------------------------

    def introduce_lines(self) -> None:
        with self.beat(
            f"Each equation in two unknowns is a line: the points ({self.names[0]}, "
            f"{self.names[1]}) that make it true. A solution of the system is a point on both "
            "lines. How many can there be?"
        ):
            self.heading = style.title("How many solutions?")
            self.build_panels()
            self.play(FadeIn(self.heading), run_time=QUICK)
            self.play(*(Create(panel[1]) for panel in self.panels), run_time=BEAT)
            self.wait(QUICK)

    def classify(self, index: int) -> None:
        (A, b), kind = self.systems[index], self.kinds[index]
        heading, grid, equations = self.panels[index]
        first, second = (
            spoken([equation_tex(r, c, self.names)]) for r, c in zip(A, b, strict=True)
        )
        if kind == "one":
            point = self.solutions[index]
            where = f"({fmt(point[0], 'entry')}, {fmt(point[1], 'entry')})"
            narration = (
                f"{first} and {second} are lines with different directions: they cross at "
                f"exactly one point, {where}. One solution."
            )
        elif kind == "none":
            narration = (
                f"{first} and {second} are parallel: the same direction, never meeting. No "
                "point lies on both, so there is no solution."
            )
        else:
            narration = (
                f"{first} and {second} are the same line written twice: every point on it "
                "satisfies both. Infinitely many solutions."
            )
        with self.beat(narration):
            lines = VGroup()
            for k, (row, rhs) in enumerate(zip(A, b, strict=True)):
                ends = line_ends(grid, row, rhs, self.x_range, self.y_range)
                if not ends:
                    continue
                if k == 1 and kind == "infinite":
                    drawn = DashedLine(
                        *ends, color=EQUATION_COLOURS[k], stroke_width=5, dash_length=0.18
                    )
                else:
                    drawn = Line(*ends, color=EQUATION_COLOURS[k], stroke_width=7 if k == 0 else 5)
                lines.add(drawn)
                self.play(Write(equations[k]), Create(drawn), run_time=BEAT)
            verdict = text(
                KIND_HEADINGS[kind], size=CAPTION_SIZE, color=KIND_COLOURS[kind], weight="BOLD"
            )
            verdict.move_to(heading)
            extras = []
            if kind == "one":
                point = self.solutions[index]
                dot = Dot(grid.c2p(*point), radius=0.1, color=RESULT)
                label = tex(fmt_vector(point, "entry"), size=CAPTION_SIZE, color=RESULT)
                label.next_to(dot, RIGHT, buff=BUFF * 0.6)
                extras = [FadeIn(dot, scale=1.6), FadeIn(label)]
                self.show(f"solution_{index}", tuple(float(v) for v in point))
            self.play(FadeIn(verdict, shift=DOWN * 0.15), *extras, run_time=BEAT)
            self.show(f"system_{index}", (rows_of(A), tuple(float(c) for c in b)))
            self.show(f"kind_{index}", kind)
            self.wait(PAUSE)

    def show_summary(self) -> None:
        with self.beat(
            "Two lines in a plane cross once, never, or everywhere, so a system of linear "
            "equations has one solution, none, or infinitely many: never exactly two."
        ):
            moral = text(
                "one, none or infinitely many: never exactly two",
                size=BODY_SIZE - 4,
                color=style.TEXT,
            )
            style.fit_width(moral, style.SAFE_WIDTH)
            moral.to_edge(DOWN, buff=MARGIN + 0.05)
            self.play(FadeIn(moral, shift=UP * 0.2), run_time=BEAT)
            self.hold_poster()
