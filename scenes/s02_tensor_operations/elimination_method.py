"""EliminationMethod: Row operations on the augmented matrix [A | b] (swap, scale, add a multiple)
until it reads [I | x].
"""

from __future__ import annotations

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
    Transform,
    TransformFromCopy,
    VGroup,
    Write,
    config,
)

from lib import linalg
from scenes import style
from scenes.s02_tensor_operations.shared import (
    EQUATION_COLOURS,
    SMALLEST_SCALE,
    crossing_window,
    equals,
    equation_tex,
    line_ends,
    plane_of_unknowns,
    said_value,
    shows_exactly,
    shrink_to_fit,
    solver_domain,
    spoken,
    swap_in,
    system_tex,
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

#: One step of the elimination, as lib records it: the rows after one row operation.
Step = linalg.EliminationStep


def column_spacing(rows: Sequence[Sequence[float]]) -> float:
    """How far apart an augmented matrix's columns go: room for its longest entry and a bar."""
    widest = max(tex(fmt(v, "entry")).width for v in {v for row in rows for v in row})
    return max(1.35, widest + 0.5)


class EliminationMethod(LessonScene):
    """Row operations on the augmented matrix [A | b] until it reads [I | x]."""

    A = ((1.0, 2.0), (3.0, -1.0))
    b = (7.0, 7.0)
    names = ("x", "y")  # the unknowns x0, x1 as the scene writes them
    domain = solver_domain()

    #: Where the column of row operations starts.
    OPERATIONS_LEFT = 2.9

    def construct(self) -> None:
        self.solution, self.steps = linalg.solve_by_elimination(self.A, self.b)  # from lib
        self.heading = style.title("Solving by elimination")
        self.lay_out()
        self.write_augmented_matrix()
        for previous, step in zip(self.steps, self.steps[1:], strict=False):
            self.apply_row_operation(previous, step)
        self.read_off_the_solution()
        self.show_summary()

    # -- builders -----------------------------------------------------------------------

    def lay_out(self) -> None:
        """The system and [A | b] set out, with the rows' names left of the matrix and the
        unknowns' names over its columns.

        The columns fit the longest entry of any step, so the matrix keeps its shape from step
        to step; the system and the matrix share the space left of the row operations, side by
        side or, when that would shrink them too much, one above the other.
        """
        rows = [row for step in self.steps for row in step.rows]
        widest_b = max(tex(fmt(row[2], "entry")).width for row in rows)
        self.h_buff = column_spacing(rows)
        self.bar_gap = min(0.35, (self.h_buff - widest_b) / 2)
        self.scale = 1.0
        self.left_edge = -config.frame_width / 2 + MARGIN
        self.room = self.OPERATIONS_LEFT - GAP - self.left_edge  # left of the operations
        self.middle = (self.left_edge + self.OPERATIONS_LEFT - GAP) / 2
        system, matrix = self.system_formulas(), self.augmented(self.steps[0].rows)
        labels = tex("R_1", size=CAPTION_SIZE).width + GAP * 0.6  # the row names left of it
        beside = min(1.0, (self.room - GAP * 3) / (system.width + matrix.width))  # names between
        above = min(1.0, self.room / max(system.width, matrix.width + labels))
        self.stacked = beside < 0.85 and above > beside
        self.scale = max(SMALLEST_SCALE, above if self.stacked else beside)
        self.system, self.matrix = self.system_formulas(), self.augmented(self.steps[0].rows)
        self.row_labels = VGroup(*(tex(f"R_{k}", size=CAPTION_SIZE, color=MUTED) for k in (1, 2)))
        self.headers = VGroup(*(tex(n, size=CAPTION_SIZE, color=MUTED) for n in self.names))
        if self.stacked:  # the system at the top, the matrix under it
            self.system.next_to(self.heading, DOWN, buff=GAP).set_x(self.middle)
            self.matrix.next_to(self.system, DOWN, buff=GAP * 1.4 + self.headers.height)
            self.matrix.set_x(self.middle + self.row_labels.width / 2)
        else:
            board = VGroup(self.system, self.matrix).arrange(RIGHT, buff=GAP * 3)
            board.move_to(LEFT * 2.3 + UP * 0.6)
            if board.get_left()[0] < self.left_edge:
                board.align_to([self.left_edge, 0, 0], LEFT)
        m = self.matrix[0]
        for label, row in zip(self.row_labels, m.get_rows(), strict=True):
            label.next_to(m, LEFT, buff=GAP * 0.6).match_y(row)
        for header, column in zip(self.headers, m.get_columns(), strict=False):
            header.next_to(m, UP, buff=BUFF * 0.8).match_x(column)

    def system_formulas(self) -> VGroup:
        """The two equations, one a line, in their colours."""
        rows = self.steps[0].rows
        system = system_tex([row[:2] for row in rows], [row[2] for row in rows], self.names)
        system.arrange(DOWN, aligned_edge=LEFT, buff=GAP * 0.8)
        return system.scale(self.scale)

    def augmented(self, rows: Sequence[Sequence[float]], *, compact: bool = False) -> VGroup:
        """[A | b] as a matrix with a bar before its last column; its columns as wide as the
        longest entry of any step, or, ``compact``, of its own."""
        m = style.matrix(rows, h_buff=column_spacing(rows) if compact else self.h_buff)
        # entries are right-aligned, so the coefficients' right edge does not move between steps
        x = max(e.get_right()[0] for e in m.get_columns()[-2]) + self.bar_gap
        top, bottom = m.get_top()[1] - 0.1, m.get_bottom()[1] + 0.1
        bar = Line([x, top, 0], [x, bottom, 0], color=style.TEXT, stroke_width=2.5)
        return VGroup(m, bar).scale(self.scale)

    def row_operation(self, previous: Step, step: Step) -> tuple[str, list[str], str]:
        """The row operation as written on the board, ``R_2 <- R_2 - 3R_1``; each entry of the
        row it makes as the arithmetic that makes it, ``3 - 3 \\cdot 1 = 0`` (``\\approx``
        where a number shown is rounded); and the operation as narration.

        A factor that two decimals would round is written as the quotient it is,
        ``\\frac{1.09}{2.25}`` (both entries of the rows before, shown exactly).
        """
        if step.operation == "swap":
            why = f"Row 1 has no {self.names[0]} to work with, so swap the rows: the equations "
            return r"R_1 \leftrightarrow R_2", [], why + "are the same, only their order changes."
        t = step.target
        old, new = previous.rows[t], step.rows[t]
        if step.operation == "scale":
            pivot, name, by = old[t], self.names[t], fmt(old[t], "entry")
            board = rf"R_{t + 1} \leftarrow R_{t + 1} \,/\, {factor(pivot)}"
            workings = [
                rf"{num(a, 'entry')} \,/\, {factor(pivot)} {equals(a, pivot, n)} {num(n, 'entry')}"
                for a, n in zip(old, new, strict=True)
            ]
            why = f"Divide row {t + 1} by {by}, so that its {name} coefficient becomes 1"
        else:
            sign = "-" if step.factor < 0 else "+"
            if shows_exactly(step.factor):  # R_2 - 3R_1, and R_2 - R_1 for a factor of 1
                said = fmt(step.factor, "entry").lstrip("-")
                size = "" if said == "1" else said
            else:
                over = old[step.source], previous.rows[step.source][step.source]
                top, bottom = (fmt(abs(v), "entry") for v in over)
                size, said = rf"\frac{{{top}}}{{{bottom}}}", f"{top} over {bottom}"
            board = rf"R_{t + 1} \leftarrow R_{t + 1} {sign} {size}R_{step.source + 1}"
            times = rf"{size} \cdot " if size else ""
            workings = [
                rf"{num(a, 'entry')} {sign} {times}{factor(s)} {equals(a, s, n)} {num(n, 'entry')}"
                for a, s, n in zip(old, previous.rows[step.source], new, strict=True)
            ]
            source = f"row {step.source + 1}"
            what = source if said == "1" else f"{said} times {source}"
            verb = f"Subtract {what} from" if sign == "-" else f"Add {what} to"
            why = f"{verb} row {t + 1} to eliminate {self.names[step.source]} from it"
        about = "" if all(shows_exactly(v) for v in new) else "about "  # the row made, said
        made = f"{about}{fmt(new[0], 'entry')}, {fmt(new[1], 'entry')} | {fmt(new[2], 'entry')}"
        return board, workings, f"{why}: row {t + 1} becomes {made}."

    def crossing_picture(self, start: Mobject) -> VGroup:
        """Axes, the two equations as lines, and the point where they cross, in the largest
        free space: under [A | b] between the system and the answers, under both, or under
        the row operations.
        """
        labels = 0.5  # the axis labels reach about this far beyond the axes
        bottom = -config.frame_height / 2 + MARGIN + labels
        spaces = [  # each free space: its left and right edges, and what it is under
            (self.system.get_right()[0], self.answers.get_left()[0], start),
            (self.left_edge, self.OPERATIONS_LEFT - GAP, VGroup(self.system, self.answers)),
            (self.OPERATIONS_LEFT, config.frame_width / 2 - MARGIN, self.operations),
        ]
        spaces = [(a + labels, b - labels, over.get_bottom()[1] - GAP) for a, b, over in spaces]
        left, right, top = max(spaces, key=lambda s: min(s[1] - s[0], s[2] - bottom))
        side = min(2.6, right - left, top - bottom)
        extent = crossing_window(self.solution)
        grid = plane_of_unknowns(extent, side, self.names)
        grid.move_to([(left + right) / 2, top, 0], aligned_edge=UP)
        lines = VGroup()
        for k, row in enumerate(self.steps[0].rows):
            ends = line_ends(grid, row[:2], row[2], extent, extent)
            if ends:
                lines.add(Line(*ends, color=EQUATION_COLOURS[k], stroke_width=5))
        style.clear_tick_numbers(grid, *lines)
        crossing = Dot(grid.c2p(*self.solution), radius=0.09, color=RESULT)
        return VGroup(grid, lines, crossing)

    def working(self, workings: list[str]) -> VGroup:
        """The three entries' arithmetic under the matrix, left of the row operations: in one
        line, or one a line when that is too long. ``working[j]`` is entry j's."""
        line = tex(*(w + (r",\quad" if k < 2 else "") for k, w in enumerate(workings)))
        if not shrink_to_fit([line], lambda: line, self.room, config.frame_height):
            line = VGroup(*(tex(w) for w in workings))
            shrink_to_fit(
                list(line),
                lambda: line.arrange(DOWN, aligned_edge=LEFT, buff=BUFF),
                self.room,
                self.matrix.get_bottom()[1] - GAP - (-config.frame_height / 2 + MARGIN),
            )
        line.move_to([self.middle, -2.2, 0])
        if line.get_top()[1] > self.matrix.get_bottom()[1] - GAP:
            line.next_to(self.matrix, DOWN, buff=GAP)
        return line

    def solution_words(self, joiner: str) -> str:
        """The solution as narration, ``x = 3 and y = 2``: ``is about`` where it is rounded."""
        return joiner.join(said_value(n, v) for n, v in zip(self.names, self.solution, strict=True))

    # -- beats --------------------------------------------------------------------------

    def write_augmented_matrix(self) -> None:
        start = self.steps[0]
        first, second = (spoken([equation_tex(r[:2], r[2], self.names)]) for r in start.rows)
        with self.beat(
            f"The system {first} and {second}, written as an augmented matrix: the coefficients "
            "left of the bar, the right-hand sides after it. Each row is one equation."
        ):
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
            self.settle(self.matrix)
            self.operations = VGroup()
            self.operations_title = text("row operations", size=LABEL_SIZE + 2, color=MUTED)
            self.operations_title.move_to(
                [self.OPERATIONS_LEFT, self.matrix.get_top()[1] + 0.3, 0], aligned_edge=LEFT
            )
            if self.stacked:
                self.operations_title.align_to(self.system, UP)
            self.play(FadeIn(self.operations_title), run_time=QUICK)
            self.show("start", start.rows)
            self.wait(PAUSE)

    def apply_row_operation(self, previous: Step, step: Step) -> None:
        swap = step.operation == "swap"
        operation, workings, narration = self.row_operation(previous, step)
        with self.beat(narration):
            board_operation = tex(operation, color=HIGHLIGHT)
            style.fit_width(board_operation, config.frame_width / 2 - MARGIN - self.OPERATIONS_LEFT)
            anchor = self.operations[-1] if self.operations else self.operations_title
            board_operation.next_to(anchor, DOWN, buff=GAP * 0.7, aligned_edge=LEFT)
            new = self.augmented(step.rows)
            old_m, new_m = self.matrix[0], new[0]
            corner = cell(old_m, 0, 0).get_corner(DOWN + RIGHT)  # the entries stay where they are
            new.shift(corner - cell(new_m, 0, 0).get_corner(DOWN + RIGHT))
            self.play(Write(board_operation), run_time=BEAT * 0.8)
            if swap:
                changes = [
                    ReplacementTransform(cell(old_m, i, j), cell(new_m, 1 - i, j), path_arc=PI / 2)
                    for i in range(2)
                    for j in range(3)
                ]
            else:
                t = step.target
                boxes = VGroup(style.highlight_box(old_m.get_rows()[t]))
                if step.source is not None:
                    boxes.add(style.highlight_box(old_m.get_rows()[step.source], color=MUTED))
                working = self.working(workings)
                self.play(Create(boxes), run_time=QUICK)
                self.play(Write(working), run_time=BEAT * 1.2)
                kept = [(cell(old_m, 1 - t, j), cell(new_m, 1 - t, j)) for j in range(3)]
                changes = [
                    *(ReplacementTransform(*pair) for pair in kept),  # the other row stays
                    *(FadeOut(cell(old_m, t, j)) for j in range(3)),
                    *(TransformFromCopy(working[j], cell(new_m, t, j)) for j in range(3)),
                ]
            self.play(
                *changes,
                ReplacementTransform(old_m.get_brackets(), new_m.get_brackets()),
                ReplacementTransform(self.matrix[1], new[1]),
                run_time=BEAT * 1.2 if swap else BEAT,
            )
            if not swap:
                self.wait(QUICK)
                self.play(FadeOut(working), FadeOut(boxes), run_time=QUICK)
            swap_in(self, self.matrix, new)
            self.matrix = new
            self.operations.add(board_operation)
            self.show(f"rows_after_{len(self.operations)}", step.rows)
            self.wait(QUICK)

    def read_off_the_solution(self) -> None:
        with self.beat(
            "The left block is now the identity, so each row is one unknown alone: "
            f"{self.solution_words(' and ')}."
        ):
            pairs = zip(self.names, self.solution, strict=True)
            answers = VGroup(*(tex(n, equals(v), num(v, "entry"), color=RESULT) for n, v in pairs))
            answers.arrange(RIGHT, buff=GAP * 2)
            answers.next_to(self.matrix, DOWN, buff=GAP * 1.4).match_x(self.matrix)
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
            f"{self.solution_words(', ')}, is where the two equations' lines cross."
        ):
            start = self.augmented(self.steps[0].rows, compact=True)
            arrow = Arrow(LEFT * 0.5, RIGHT * 0.5, buff=0, color=MUTED, stroke_width=5)
            final = self.augmented(self.steps[-1].rows, compact=True)
            before_after = VGroup(start, arrow, final)
            left_edge = self.left_edge + 0.1
            shrink_to_fit(
                [start, final],
                lambda: before_after.arrange(RIGHT, buff=GAP * 0.6),
                self.operations_title.get_left()[0] - GAP - left_edge,
                config.frame_height,
            )
            before_after.move_to([left_edge, self.matrix.get_center()[1], 0], aligned_edge=LEFT)
            names = VGroup(
                tex(r"[\,A \mid b\,]", size=CAPTION_SIZE, color=MUTED).next_to(start, UP),
                tex(r"[\,I \mid x\,]", size=CAPTION_SIZE, color=MUTED).next_to(final, UP),
            )
            names[1].match_y(names[0])
            system = self.system.copy().next_to(start, DOWN, buff=GAP * 0.7).match_x(start)
            if system.get_left()[0] < left_edge:
                system.align_to([left_edge, 0, 0], LEFT)
            answers = self.answers.copy().arrange(DOWN, aligned_edge=LEFT, buff=GAP * 0.8)
            answers.next_to(final, DOWN, buff=GAP * 0.7).match_x(final)
            answers.shift(RIGHT * max(0.0, system.get_right()[0] + GAP - answers.get_left()[0]))
            self.play(FadeOut(self.row_labels), FadeOut(self.headers), run_time=QUICK)
            self.play(
                ReplacementTransform(self.matrix, final),
                Transform(self.system, system),
                Transform(self.answers, answers),
                FadeIn(start, shift=RIGHT * 0.3),
                GrowArrow(arrow),
                run_time=BEAT * 1.2,
            )
            self.settle(self.system, self.answers)
            picture = self.crossing_picture(start)
            self.play(FadeIn(names), Create(picture[0]), run_time=QUICK)
            self.play(*(Create(line) for line in picture[1]), run_time=BEAT)
            self.play(FadeIn(picture[2], scale=1.6), run_time=QUICK)
            self.hold_poster()
