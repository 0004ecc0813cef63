"""EliminationMethod: Row operations on the augmented matrix [A | b] (swap, scale, add a multiple)
until it reads [I | x].
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from manim import (
    DOWN,
    LEFT,
    PI,
    RIGHT,
    UP,
    Arrow,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    GrowArrow,
    Line,
    Mobject,
    ReplacementTransform,
    TransformFromCopy,
    VGroup,
    Write,
    config,
)

from lib import linalg
from scenes import style
from scenes.s02_tensor_operations.shared import (
    EQUATION_COLOURS,
    equation_tex,
    line_ends,
    spoken,
    swap_in,
)
from scenes.style import (
    BEAT,
    BUFF,
    CAPTION_SIZE,
    GAP,
    HIGHLIGHT,
    LABEL_SIZE,
    MARGIN,
    MUTED,
    PAUSE,
    QUICK,
    RESULT,
    LessonScene,
    cell,
    factor,
    fmt,
    num,
    tex,
    text,
)

# =========================================================================================
# EliminationMethod
# =========================================================================================


class EliminationMethod(LessonScene):
    """Row operations on the augmented matrix [A | b] until it reads [I | x]."""

    A = ((1.0, 2.0), (3.0, -1.0))
    b = (7.0, 7.0)
    names = ("x", "y")  # the unknowns x0, x1 as the scene writes them

    def construct(self) -> None:
        self.solution, self.steps = linalg.solve_by_elimination(self.A, self.b)  # from lib
        self.write_augmented_matrix()
        for previous, step in zip(self.steps, self.steps[1:], strict=False):
            self.apply_row_operation(previous, step)
        self.read_off_the_solution()
        self.show_summary()

    # -- builders -----------------------------------------------------------------------

    def augmented(self, rows: Sequence[Sequence[float]]) -> VGroup:
        """[A | b] as a matrix with a bar before its last column."""
        m = style.matrix(rows, h_buff=1.35)
        # entries are right-aligned, so the coefficients' right edge does not move between steps
        x = max(e.get_right()[0] for e in m.get_columns()[-2]) + 0.35
        bar = Line(
            [x, m.get_top()[1] - 0.1, 0],
            [x, m.get_bottom()[1] + 0.1, 0],
            color=style.TEXT,
            stroke_width=2.5,
        )
        return VGroup(m, bar)

    def aligned_with(self, new: VGroup, old: VGroup) -> VGroup:
        """``new`` moved so that its entries sit exactly where ``old``'s do."""
        shift = cell(old[0], 0, 0).get_corner(DOWN + RIGHT) - cell(new[0], 0, 0).get_corner(
            DOWN + RIGHT
        )
        return new.shift(shift)

    def operation_tex(self, previous: linalg.EliminationStep, step: linalg.EliminationStep) -> str:
        """The row operation as written on a board: ``R_2 <- R_2 - 3R_1``."""
        if step.operation == "swap":
            return r"R_1 \leftrightarrow R_2"
        t = step.target + 1
        if step.operation == "scale":
            pivot = previous.rows[step.target][step.target]
            return rf"R_{t} \leftarrow R_{t} \,/\, {factor(pivot)}"
        shown = fmt(step.factor, "entry")
        sign, size = ("-" if shown.startswith("-") else "+"), shown.lstrip("-")
        return rf"R_{t} \leftarrow R_{t} {sign} {size if size != '1' else ''}R_{step.source + 1}"

    def entry_workings(
        self, previous: linalg.EliminationStep, step: linalg.EliminationStep
    ) -> list[str]:
        """Each entry of the new row as the arithmetic that makes it: ``3 - 3 \\cdot 1 = 0``."""
        old = previous.rows[step.target]
        new = step.rows[step.target]
        if step.operation == "scale":
            pivot = factor(previous.rows[step.target][step.target])
            return [
                rf"{num(a, 'entry')} \,/\, {pivot} = {num(n, 'entry')}"
                for a, n in zip(old, new, strict=True)
            ]
        shown = fmt(step.factor, "entry")
        sign, size = ("-" if shown.startswith("-") else "+"), shown.lstrip("-")
        times = rf"{size} \cdot " if size != "1" else ""
        source = previous.rows[step.source]
        return [
            rf"{num(a, 'entry')} {sign} {times}{factor(s)} = {num(n, 'entry')}"
            for a, s, n in zip(old, source, new, strict=True)
        ]

    def crossing_picture(self, below: Mobject, left: Mobject, right: Mobject) -> VGroup:
        """Axes, the two equations as lines around the solution, and the point where they cross.

        The picture goes under ``below``, between ``left`` and ``right``.
        """
        x, y = (math.floor(v) for v in self.solution)
        x_range, y_range = (x - 2, x + 3, 1), (y - 2, y + 3, 1)
        top = below.get_bottom()[1] - GAP
        gap = right.get_left()[0] - left.get_right()[0]
        labels = 0.5  # the axis labels reach about this far beyond the axes
        side = min(2.6, top - (-config.frame_height / 2 + MARGIN) - labels, gap - 2 * labels)
        centre_x = (left.get_right()[0] + right.get_left()[0]) / 2
        grid = style.axes(
            x_range,
            y_range,
            width=side,
            height=side,
            x_label=self.names[0],
            y_label=self.names[1],
            numbers=False,
        )
        grid.move_to([centre_x, top, 0], aligned_edge=UP)
        lines = VGroup()
        for k, row in enumerate(self.steps[0].rows):
            ends = line_ends(grid, row[:2], row[2], x_range, y_range)
            if ends:
                lines.add(Line(*ends, color=EQUATION_COLOURS[k], stroke_width=5))
        crossing = Dot(grid.c2p(*self.solution), radius=0.09, color=RESULT)
        return VGroup(grid, lines, crossing)

    def row_words(self, row: Sequence[float]) -> str:
        return f"{fmt(row[0], 'entry')}, {fmt(row[1], 'entry')} | {fmt(row[2], 'entry')}"

    # -- beats --------------------------------------------------------------------------

    def write_augmented_matrix(self) -> None:
        start = self.steps[0]
        equations = [equation_tex(row[:2], row[2], self.names) for row in start.rows]
        with self.beat(
            f"The system {spoken([equations[0]])} and {spoken([equations[1]])}, written as an "
            "augmented matrix: the coefficients left of the bar, the right-hand sides after "
            "it. Each row is one equation."
        ):
            self.heading = style.title("Solving by elimination")
            self.system = VGroup(
                *(tex(e, color=EQUATION_COLOURS[k]) for k, e in enumerate(equations))
            ).arrange(DOWN, aligned_edge=LEFT, buff=GAP * 0.8)
            self.matrix = self.augmented(start.rows)
            self.row_labels = VGroup(
                *(tex(f"R_{k + 1}", size=CAPTION_SIZE, color=MUTED) for k in range(2))
            )
            self.headers = VGroup(*(tex(n, size=CAPTION_SIZE, color=MUTED) for n in self.names))
            board = VGroup(self.system, self.matrix).arrange(RIGHT, buff=GAP * 3)
            board.move_to(LEFT * 2.3 + UP * 0.6)
            self.place_labels()
            self.play(FadeIn(self.heading), run_time=QUICK)
            self.play(Write(self.system), run_time=BEAT)
            self.play(
                TransformFromCopy(self.system, self.matrix[0].get_entries()),
                FadeIn(self.matrix[0].get_brackets()),
                Create(self.matrix[1]),
                FadeIn(self.row_labels),
                FadeIn(self.headers),
                run_time=BEAT * 1.2,
            )
            swap_in(self, self.matrix, self.matrix)
            self.operations = VGroup()
            self.operations_title = text("row operations", size=LABEL_SIZE + 2, color=MUTED)
            self.operations_title.move_to(
                [2.9, self.matrix.get_top()[1] + 0.3, 0], aligned_edge=LEFT
            )
            self.play(FadeIn(self.operations_title), run_time=QUICK)
            self.show("start", start.rows)
            self.wait(PAUSE)

    def place_labels(self) -> None:
        """Row names left of the matrix, the unknowns' names over their columns."""
        m = self.matrix[0]
        for label, row in zip(self.row_labels, m.get_rows(), strict=True):
            label.next_to(m, LEFT, buff=GAP * 0.6).match_y(row)
        for header, column in zip(self.headers, m.get_columns(), strict=False):
            header.next_to(m, UP, buff=BUFF * 0.8).match_x(column)

    def apply_row_operation(
        self, previous: linalg.EliminationStep, step: linalg.EliminationStep
    ) -> None:
        operation = self.operation_tex(previous, step)
        new_rows = step.rows
        if step.operation == "swap":
            narration = (
                f"Row 1 has no {self.names[0]} to work with, so swap the rows: the equations "
                "are the same, only their order changes."
            )
        elif step.operation == "scale":
            pivot = previous.rows[step.target][step.target]
            narration = (
                f"Divide row {step.target + 1} by {fmt(pivot, 'entry')}, so that its "
                f"{self.names[step.target]} coefficient becomes 1: row {step.target + 1} "
                f"becomes {self.row_words(new_rows[step.target])}."
            )
        else:
            shown = fmt(step.factor, "entry")
            size = shown.lstrip("-")
            times = (
                f"{size} times row {step.source + 1}" if size != "1" else (f"row {step.source + 1}")
            )
            verb = f"Subtract {times} from" if shown.startswith("-") else f"Add {times} to"
            narration = (
                f"{verb} row {step.target + 1} to eliminate {self.names[step.source]} from it: "
                f"row {step.target + 1} becomes {self.row_words(new_rows[step.target])}."
            )
        with self.beat(narration):
            board_operation = tex(operation, color=HIGHLIGHT)
            style.fit_width(board_operation, config.frame_width / 2 - MARGIN - 2.9)
            anchor = self.operations[-1] if self.operations else self.operations_title
            board_operation.next_to(anchor, DOWN, buff=GAP * 0.7, aligned_edge=LEFT)
            new = self.aligned_with(self.augmented(new_rows), self.matrix)
            old_m, new_m = self.matrix[0], new[0]
            self.play(Write(board_operation), run_time=BEAT * 0.8)
            if step.operation == "swap":
                self.play(
                    *(
                        ReplacementTransform(
                            cell(old_m, i, j), cell(new_m, 1 - i, j), path_arc=PI / 2
                        )
                        for i in range(2)
                        for j in range(3)
                    ),
                    ReplacementTransform(old_m.get_brackets(), new_m.get_brackets()),
                    ReplacementTransform(self.matrix[1], new[1]),
                    run_time=BEAT * 1.2,
                )
            else:
                t = step.target
                boxes = VGroup(style.highlight_box(old_m.get_rows()[t]))
                if step.source is not None:
                    boxes.add(style.highlight_box(old_m.get_rows()[step.source], color=MUTED))
                workings = self.entry_workings(previous, step)
                working = tex(*(w + (r",\quad" if k < 2 else "") for k, w in enumerate(workings)))
                style.fit_width(working, style.SAFE_WIDTH)
                working.move_to(DOWN * 2.2)
                working.set_x(0)
                self.play(Create(boxes), run_time=QUICK)
                self.play(Write(working), run_time=BEAT * 1.2)
                self.play(
                    *(
                        ReplacementTransform(cell(old_m, i, j), cell(new_m, i, j))
                        for i in range(2)
                        for j in range(3)
                        if i != t
                    ),
                    *(FadeOut(cell(old_m, t, j)) for j in range(3)),
                    *(TransformFromCopy(working[j], cell(new_m, t, j)) for j in range(3)),
                    ReplacementTransform(old_m.get_brackets(), new_m.get_brackets()),
                    ReplacementTransform(self.matrix[1], new[1]),
                    run_time=BEAT,
                )
                self.wait(QUICK)
                self.play(FadeOut(working), FadeOut(boxes), run_time=QUICK)
            swap_in(self, self.matrix, new)
            self.matrix = new
            self.operations.add(board_operation)
            self.show(f"rows_after_{len(self.operations)}", new_rows)
            self.wait(QUICK)

    def read_off_the_solution(self) -> None:
        with self.beat(
            "The left block is now the identity, so each row is one unknown alone: "
            + " and ".join(
                f"{n} = {fmt(v, 'entry')}" for n, v in zip(self.names, self.solution, strict=True)
            )
            + "."
        ):
            answers = VGroup(
                *(
                    tex(n, "=", num(v, "entry"), color=RESULT)
                    for n, v in zip(self.names, self.solution, strict=True)
                )
            ).arrange(RIGHT, buff=GAP * 2)
            answers.next_to(self.matrix, DOWN, buff=GAP * 1.4)
            answers.match_x(self.matrix)
            final = [cell(self.matrix[0], i, 2) for i in range(2)]
            boxes = VGroup(*(style.highlight_box(item, color=RESULT) for item in final))
            self.play(Create(boxes), run_time=QUICK)
            self.play(
                *(TransformFromCopy(final[i], answers[i][-1]) for i in range(2)),
                FadeIn(VGroup(*(a[:-1] for a in answers))),
                run_time=BEAT,
            )
            self.settle(*answers)
            self.show("solution", tuple(float(v) for v in self.solution))
            self.answers = answers
            self.wait(PAUSE)
            self.play(FadeOut(boxes), run_time=QUICK)

    def show_summary(self) -> None:
        with self.beat(
            "Elimination: swapping rows, scaling a row and adding a multiple of a row never "
            "change the solutions, so the matrix can be driven to [I | x]. The solution, "
            + ", ".join(
                f"{n} = {fmt(v, 'entry')}" for n, v in zip(self.names, self.solution, strict=True)
            )
            + ", is where the two equations' lines cross."
        ):
            start = self.augmented(self.steps[0].rows)
            arrow = Arrow(LEFT * 0.5, RIGHT * 0.5, buff=0, color=MUTED, stroke_width=5)
            final = self.matrix.copy()
            before_after = VGroup(start, arrow, final).arrange(RIGHT, buff=GAP * 0.6)
            left_edge = -config.frame_width / 2 + MARGIN + 0.1
            style.fit_width(before_after, self.operations_title.get_left()[0] - GAP - left_edge)
            before_after.move_to([left_edge, self.matrix.get_center()[1], 0], aligned_edge=LEFT)
            names = VGroup(
                tex(r"[\,A \mid b\,]", size=CAPTION_SIZE, color=MUTED).next_to(start, UP),
                tex(r"[\,I \mid x\,]", size=CAPTION_SIZE, color=MUTED).next_to(final, UP),
            )
            names[1].match_y(names[0])
            self.play(FadeOut(self.row_labels), FadeOut(self.headers), run_time=QUICK)
            self.play(
                self.matrix.animate.replace(final),
                self.system.animate.next_to(start, DOWN, buff=GAP * 0.7).match_x(start),
                self.answers.animate.arrange(DOWN, aligned_edge=LEFT, buff=GAP * 0.8)
                .next_to(final, DOWN, buff=GAP * 0.7)
                .match_x(final),
                FadeIn(start, shift=RIGHT * 0.3),
                GrowArrow(arrow),
                run_time=BEAT * 1.2,
            )
            picture = self.crossing_picture(below=start, left=self.system, right=self.answers)
            self.play(FadeIn(names), Create(picture[0]), run_time=QUICK)
            self.play(*(Create(line) for line in picture[1]), run_time=BEAT)
            self.play(FadeIn(picture[2], scale=1.6), run_time=QUICK)
            self.hold_poster()
