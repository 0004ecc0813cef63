"""SubstitutionMethod: A 2x2 system solved line by line: isolate one unknown, substitute it into
the other equation, solve, substitute back.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from manim import (
    DOWN,
    LEFT,
    Create,
    FadeIn,
    FadeOut,
    Indicate,
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
    equals,
    said_value,
    shows_exactly,
    solver_domain,
    spoken,
)
from scenes.style import (
    BEAT,
    GAP,
    HIGHLIGHT,
    LABEL_SIZE,
    MARGIN,
    MUTED,
    PAUSE,
    QUICK,
    RESULT,
    LessonScene,
    factor,
    fmt,
    linear_combination,
    num,
    tex,
    text,
)


def scaled_sum(constant: float, slope: float, known: float) -> str:
    r"""``constant + slope . known`` as TeX without the terms that show as 0: ``7 - 2 \cdot 3``."""
    terms = []
    if fmt(constant, "entry") != "0":
        terms.append(num(constant, "entry"))
    shown = fmt(slope, "entry")
    negative, size = shown.startswith("-"), shown.lstrip("-")
    if size != "0":
        product = (rf"{size} \cdot " if size != "1" else "") + factor(known)
        if terms:
            terms.append(("- " if negative else "+ ") + product)
        else:
            terms.append(("-" if negative else "") + product)
    return " ".join(terms) if terms else "0"


def with_names(description: str, names: Sequence[str]) -> str:
    """A description from lib with its unknowns x0, x1 written as the scene's names."""
    return re.sub(r"\bx([01])\b", lambda match: names[int(match.group(1))], description)


class SubstitutionMethod(LessonScene):
    """Solve one equation for one unknown, substitute it into the other, solve, substitute back."""

    A = ((2.0, 1.0), (1.0, -1.0))
    b = (7.0, -1.0)
    names = ("x", "y")  # the unknowns x0, x1 as the scene writes them
    domain = solver_domain()

    #: Where the lines of working start, and where the notes beside them start.
    LINES_LEFT = -5.9
    NOTES_LEFT = -0.3
    LINE_PITCH = 0.8

    def construct(self) -> None:
        self.solution, self.steps = linalg.solve_by_substitution(self.A, self.b)  # from lib
        self.equations = self.steps[:2]
        self.isolated, self.substituted, self.collected, self.solved, self.back = self.steps[2:]
        # the equation solved for one unknown; the other one is substituted into
        self.source = int(re.search(r"equation (\d)", self.isolated.description).group(1)) - 1
        self.lines: list[style.MathTex] = []
        self.heading = style.title("Solving by substitution")
        self.plan_lines()
        self.write_the_system()
        self.isolate_one_unknown()
        self.substitute_into_the_other()
        self.solve_for_the_remaining_unknown()
        self.substitute_back()
        self.show_summary()

    # -- the lines of working, as TeX parts ----------------------------------------------

    def equation_parts(self, step: linalg.LinearEquation) -> list[str]:
        return [
            linear_combination(list(zip(step.coefficients, self.names, strict=True))),
            "=",
            num(step.rhs, "entry"),
        ]

    def as_fraction(self) -> bool:
        """Whether the isolated unknown is written (c - b y) / a: when its constant or slope
        would be rounded at two decimals, the quotient itself is exact."""
        step = self.isolated
        return not (shows_exactly(step.constant) and shows_exactly(step.slope))

    def isolated_expression(self, known: float | None = None) -> str:
        """What the isolated unknown equals; with ``known`` put in for the other unknown."""
        step = self.isolated
        other = 1 - step.variable
        if not self.as_fraction():
            if known is None:
                return linear_combination([(step.constant, ""), (step.slope, self.names[other])])
            return scaled_sum(step.constant, step.slope, known)
        source = self.equations[self.source]
        a, b = source.coefficients[step.variable], source.coefficients[other]
        if known is None:
            top = linear_combination([(source.rhs, ""), (-b, self.names[other])])
        else:
            top = scaled_sum(source.rhs, -b, known)
        return rf"\frac{{{top}}}{{{num(a, 'entry')}}}"

    def isolated_parts(self) -> list[str]:
        return [self.names[self.isolated.variable], "=", self.isolated_expression()]

    def substituted_parts(self) -> tuple[list[str], int]:
        """The other equation with the expression put in, and the expression's index: in
        brackets, or, a fraction, times its coefficient."""
        step = self.substituted
        other = 1 - step.variable
        parts: list[str] = []
        where = -1
        for k in range(2):
            if k == step.variable:
                shown = fmt(step.coefficient, "entry")
                negative, size = shown.startswith("-"), shown.lstrip("-")
                if parts or negative:
                    parts.append("-" if negative else "+")
                if self.as_fraction():  # 3 \cdot \frac{7 - y}{2}
                    if size != "1":
                        parts.append(rf"{size} \cdot")
                    parts.append(self.isolated_expression())
                    where = len(parts) - 1
                else:  # 3(7 - 2y)
                    if size != "1":
                        parts.append(size)
                    parts += ["(", self.isolated_expression(), ")"]
                    where = len(parts) - 2
            else:
                term = linear_combination([(step.other_coefficient, self.names[other])])
                if term != "0" and parts:
                    parts += ["-" if term.startswith("-") else "+", term.lstrip("-")]
                elif term != "0":
                    parts.append(term)
        parts += ["=", num(step.rhs, "entry")]
        return parts, where

    def collected_parts(self) -> list[str]:
        step = self.collected
        return [
            linear_combination([(step.coefficient, self.names[step.variable])]),
            equals(step.coefficient, step.rhs),
            num(step.rhs, "entry"),
        ]

    def solved_parts(self) -> list[str]:
        value = self.solved.value
        relation = equals(value, self.collected.coefficient, self.collected.rhs)
        return [self.names[self.solved.variable], relation, num(value, "entry")]

    def back_parts(self) -> list[str]:
        step = self.back
        relation = self.solved_parts()[1]
        last = equals(step.value) if relation == "=" else r"\approx"
        expression = self.isolated_expression(known=step.known)
        return [self.names[step.variable], relation, expression, last, num(step.value, "entry")]

    # -- layout ---------------------------------------------------------------------------

    def all_lines(self) -> list[list[str]]:
        """Every line of working, as TeX parts, in order."""
        return [
            *(self.equation_parts(e) for e in self.equations),
            self.isolated_parts(),
            self.substituted_parts()[0],
            self.collected_parts(),
            self.solved_parts(),
            self.back_parts(),
        ]

    def all_notes(self) -> list[str]:
        """The note beside each line of working."""
        steps = [*self.equations, self.isolated, self.substituted, self.collected]
        notes = [with_names(step.description, self.names) for step in steps]
        notes.append(f"divide both sides by {fmt(self.collected.coefficient, 'entry')}")
        return [*notes, with_names(self.back.description, self.names)]

    def answer_parts(self) -> list[str]:
        x, y = self.solution
        return [
            rf"({self.names[0]}, {self.names[1]})",
            equals(x, y),
            rf"({num(x, 'entry')},\ {num(y, 'entry')})",
        ]

    def plan_lines(self) -> None:
        """Where the notes start, how large the lines are and where each goes.

        Lines are LINE_PITCH apart, or farther when fractions make them tall; when that
        would run past the bottom, the gaps close up and then the lines shrink (never below
        the smallest text size). The notes move right to make room for long lines.
        """
        self.notes = self.all_notes()
        notes = [text(n, size=LABEL_SIZE).width for n in self.notes]
        right = config.frame_width / 2 - MARGIN
        lines = [tex(*parts) for parts in self.all_lines()]
        answer = tex(*self.answer_parts())
        widest = max(line.width for line in lines)
        self.notes_left = min(
            max(self.NOTES_LEFT, self.LINES_LEFT + widest + GAP), right - max(notes)
        )
        width = self.notes_left - GAP - self.LINES_LEFT
        first = self.heading.get_bottom()[1] - GAP * 1.1 - 0.2  # the first line's centre
        bottom = -config.frame_height / 2 + MARGIN
        self.scale = 1.0
        while True:
            heights = [line.height * min(self.scale, width / line.width) for line in lines]
            gaps = [
                max(self.LINE_PITCH * self.scale, (above + below) / 2 + 0.15)
                for above, below in itertools.pairwise(heights)
            ]
            under = heights[-1] / 2 + GAP * 1.1 + answer.height * self.scale
            spare = first - sum(gaps) - under - bottom
            if spare < 0:  # close the gaps up, down to a little air between the lines
                tight = [(a + b) / 2 + 0.1 for a, b in itertools.pairwise(heights)]
                closing = min(1.0, -spare / max(sum(gaps) - sum(tight), 1e-9))
                gaps = [g - (g - t) * closing for g, t in zip(gaps, tight, strict=True)]
                spare = first - sum(gaps) - under - bottom
            if spare >= 0 or self.scale <= SMALLEST_SCALE:
                break
            self.scale = max(SMALLEST_SCALE, self.scale - 0.05)
        self.centres = [first - sum(gaps[:k]) for k in range(len(lines))]

    def line(
        self, parts: Sequence[str], colour: str = style.TEXT
    ) -> tuple[style.MathTex, style.Text]:
        """The next line of working, left-aligned under the previous one, and its note in the
        right column, level with it."""
        formula = tex(*parts, color=colour).scale(self.scale)
        style.fit_width(formula, self.notes_left - GAP - self.LINES_LEFT)
        formula.move_to([self.LINES_LEFT, self.centres[len(self.lines)], 0], aligned_edge=LEFT)
        note = text(self.notes[len(self.lines)], size=LABEL_SIZE, color=MUTED)
        style.fit_width(note, config.frame_width / 2 - MARGIN - self.notes_left)
        note.move_to([self.notes_left, formula.get_center()[1], 0], aligned_edge=LEFT)
        self.lines.append(formula)
        return formula, note

    # -- beats --------------------------------------------------------------------------

    def write_the_system(self) -> None:
        first, second = (spoken(self.equation_parts(e)) for e in self.equations)
        with self.beat(
            f"Two equations, two unknowns: {first}, and {second}. Substitution solves one "
            "equation for one unknown and puts the result into the other."
        ):
            self.play(FadeIn(self.heading), run_time=QUICK)
            self.system = VGroup()
            for k, step in enumerate(self.equations):
                formula, label = self.line(self.equation_parts(step), EQUATION_COLOURS[k])
                label.set_color(EQUATION_COLOURS[k])
                self.play(Write(formula), FadeIn(label), run_time=BEAT)
                self.system.add(VGroup(formula, label))
            self.show("equations", tuple((e.coefficients, e.rhs) for e in self.equations))
            self.wait(PAUSE)

    def isolate_one_unknown(self) -> None:
        step = self.isolated
        name = self.names[step.variable]
        source = self.source
        with self.beat(
            f"Equation {source + 1} gives {name} easily: {spoken(self.isolated_parts())}."
            if not self.as_fraction()
            else f"Solve equation {source + 1} for {name}: {spoken(self.isolated_parts())}."
        ):
            box = style.highlight_box(self.system[source][0])
            formula, explanation = self.line(self.isolated_parts(), EQUATION_COLOURS[source])
            formula[0].set_color(HIGHLIGHT)
            self.play(Create(box), run_time=QUICK)
            self.play(TransformFromCopy(self.system[source][0], formula), run_time=BEAT)
            self.play(FadeIn(explanation), FadeOut(box), run_time=QUICK)
            self.show("isolated", (step.constant, step.slope))
            self.isolated_line = formula
            self.wait(PAUSE)

    def substitute_into_the_other(self) -> None:
        step = self.substituted
        parts, where = self.substituted_parts()
        name = self.names[step.variable]
        target = 1 - self.source
        with self.beat(
            f"Put that expression in place of {name} in equation {target + 1}. Only "
            f"{self.names[1 - step.variable]} is left: {spoken(parts)}."
        ):
            box = style.highlight_box(self.system[target][0])
            formula, explanation = self.line(parts, EQUATION_COLOURS[target])
            formula[where].set_color(HIGHLIGHT)
            others = [formula[k] for k in range(len(parts)) if k != where]
            self.play(Create(box), run_time=QUICK)
            self.play(
                TransformFromCopy(self.system[target][0], VGroup(*others)),
                TransformFromCopy(self.isolated_line[2], formula[where]),
                run_time=BEAT * 1.2,
            )
            self.settle(formula)
            self.play(FadeIn(explanation), FadeOut(box), run_time=QUICK)
            self.show(
                "substituted",
                (step.coefficient, step.constant, step.slope, step.other_coefficient, step.rhs),
            )
            self.wait(PAUSE)

    def solve_for_the_remaining_unknown(self) -> None:
        collected, solved = self.collected, self.solved
        name = self.names[solved.variable]
        with self.beat(
            f"Collect the {name} terms: {spoken(self.collected_parts())}. Divide both sides by "
            f"{fmt(collected.coefficient, 'entry')}: {spoken(self.solved_parts())}."
        ):
            first, first_note = self.line(self.collected_parts())
            self.play(Write(first), FadeIn(first_note), run_time=BEAT)
            self.wait(QUICK)
            second, second_note = self.line(self.solved_parts())
            second[-1].set_color(RESULT)
            self.play(Write(second), FadeIn(second_note), run_time=BEAT)
            self.show("collected", (collected.coefficient, collected.rhs))
            self.show(name, solved.value)
            self.solved_line = second
            self.wait(PAUSE)

    def substitute_back(self) -> None:
        step = self.back
        with self.beat(
            f"{said_value(self.names[1 - step.variable], step.known)}: put that back into "
            f"{spoken(self.isolated_parts())}: {spoken(self.back_parts())}."
        ):
            formula, explanation = self.line(self.back_parts())
            formula[-1].set_color(RESULT)
            box = style.highlight_box(self.isolated_line)
            self.play(Create(box), run_time=QUICK)
            self.play(TransformFromCopy(self.isolated_line, formula), run_time=BEAT)
            self.play(FadeIn(explanation), FadeOut(box), run_time=QUICK)
            self.show(self.names[step.variable], step.value)
            self.back_line = formula
            self.wait(PAUSE)

    def show_summary(self) -> None:
        x, y = self.solution
        said = "" if shows_exactly(x) and shows_exactly(y) else ", to two decimals"
        with self.beat(
            f"The solution{said}: {self.names[0]} = {fmt(x, 'entry')} and {self.names[1]} = "
            f"{fmt(y, 'entry')}, the one pair of numbers that makes both equations true."
        ):
            answer = tex(*self.answer_parts(), color=RESULT).scale(self.scale)
            answer.next_to(self.back_line, DOWN, buff=GAP * 1.1)
            answer.align_to([self.LINES_LEFT, 0, 0], LEFT)
            frame = style.highlight_box(answer, color=RESULT, buff=0.18)
            self.play(
                Indicate(self.solved_line[-1], color=RESULT, scale_factor=1.3),
                Indicate(self.back_line[-1], color=RESULT, scale_factor=1.3),
                run_time=BEAT,
            )
            self.play(Write(answer), Create(frame), run_time=BEAT)
            self.show("solution", tuple(float(v) for v in self.solution))
            self.hold_poster()
