"""SubstitutionMethod: A 2x2 system solved line by line: isolate one unknown, substitute it into
the other equation, solve, substitute back.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from manim import (
    DOWN,
    LEFT,
    Create,
    FadeIn,
    FadeOut,
    Indicate,
    Mobject,
    TransformFromCopy,
    VGroup,
    Write,
    config,
)

from lib import linalg
from scenes import style
from scenes.s02_tensor_operations.shared import EQUATION_COLOURS, spoken
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


def with_names(description: str, names: Sequence[str]) -> str:
    """A description from lib with its unknowns x0, x1 written as the scene's names."""
    return re.sub(r"\bx([01])\b", lambda match: names[int(match.group(1))], description)


class SubstitutionMethod(LessonScene):
    """Solve one equation for one unknown, substitute it into the other, solve, substitute back."""

    A = ((2.0, 1.0), (1.0, -1.0))
    b = (7.0, -1.0)
    names = ("x", "y")  # the unknowns x0, x1 as the scene writes them

    #: Where the lines of working start, and where the notes beside them start.
    LINES_LEFT = -5.9
    NOTES_LEFT = -0.3
    LINE_PITCH = 0.8

    def construct(self) -> None:
        self.solution, self.steps = linalg.solve_by_substitution(self.A, self.b)  # from lib
        (
            self.equations,
            self.isolated,
            self.substituted,
            self.collected,
            self.solved,
            self.back,
        ) = (self.steps[:2], *self.steps[2:])
        self.lines: list[style.MathTex] = []
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

    def isolated_expression(self) -> str:
        step = self.isolated
        return linear_combination(
            [(step.constant, ""), (step.slope, self.names[1 - step.variable])]
        )

    def isolated_parts(self) -> list[str]:
        return [self.names[self.isolated.variable], "=", self.isolated_expression()]

    def substituted_parts(self) -> tuple[list[str], int]:
        """The other equation with the expression in brackets, and the expression's index."""
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
                if size != "1":
                    parts.append(size)
                parts += ["(", self.isolated_expression(), ")"]
                where = len(parts) - 2
            else:
                term = linear_combination([(step.other_coefficient, self.names[other])])
                if term == "0":
                    continue
                if parts:
                    negative = term.startswith("-")
                    parts += ["-" if negative else "+", term.lstrip("-")]
                else:
                    parts.append(term)
        parts += ["=", num(step.rhs, "entry")]
        return parts, where

    def collected_parts(self) -> list[str]:
        step = self.collected
        return [
            linear_combination([(step.coefficient, self.names[step.variable])]),
            "=",
            num(step.rhs, "entry"),
        ]

    def solved_parts(self) -> list[str]:
        return [self.names[self.solved.variable], "=", num(self.solved.value, "entry")]

    def back_parts(self) -> list[str]:
        step = self.back
        terms = []
        if fmt(step.constant, "entry") != "0":
            terms.append(num(step.constant, "entry"))
        slope = fmt(step.slope, "entry")
        negative, size = slope.startswith("-"), slope.lstrip("-")
        if size != "0":
            product = (rf"{size} \cdot " if size != "1" else "") + factor(step.known)
            if terms:
                terms.append(("- " if negative else "+ ") + product)
            else:
                terms.append(("-" if negative else "") + product)
        expression = " ".join(terms) if terms else "0"
        return [self.names[step.variable], "=", expression, "=", num(step.value, "entry")]

    # -- layout ---------------------------------------------------------------------------

    def line(self, parts: Sequence[str], colour: str = style.TEXT) -> style.MathTex:
        """The next line of working, left-aligned under the previous one."""
        formula = tex(*parts, color=colour)
        style.fit_width(formula, self.NOTES_LEFT - GAP - self.LINES_LEFT)
        top = self.heading.get_bottom()[1] - GAP * 1.1 - self.LINE_PITCH * len(self.lines)
        formula.move_to([self.LINES_LEFT, top - 0.2, 0], aligned_edge=LEFT)
        self.lines.append(formula)
        return formula

    def note(self, content: str, beside: Mobject) -> style.Text:
        """A short note in the right column, level with the line it explains."""
        words = text(content, size=LABEL_SIZE, color=MUTED)
        style.fit_width(words, config.frame_width / 2 - MARGIN - self.NOTES_LEFT)
        words.move_to([self.NOTES_LEFT, beside.get_center()[1], 0], aligned_edge=LEFT)
        return words

    # -- beats --------------------------------------------------------------------------

    def write_the_system(self) -> None:
        first, second = (spoken(self.equation_parts(e)) for e in self.equations)
        with self.beat(
            f"Two equations, two unknowns: {first}, and {second}. Substitution solves one "
            "equation for one unknown and puts the result into the other."
        ):
            self.heading = style.title("Solving by substitution")
            self.play(FadeIn(self.heading), run_time=QUICK)
            self.system = VGroup()
            for k, step in enumerate(self.equations):
                formula = self.line(self.equation_parts(step), EQUATION_COLOURS[k])
                label = self.note(with_names(step.description, self.names), formula)
                label.set_color(EQUATION_COLOURS[k])
                self.play(Write(formula), FadeIn(label), run_time=BEAT)
                self.system.add(VGroup(formula, label))
            self.show("equations", tuple((e.coefficients, e.rhs) for e in self.equations))
            self.wait(PAUSE)

    def isolate_one_unknown(self) -> None:
        step = self.isolated
        name = self.names[step.variable]
        source = int(re.search(r"equation (\d)", step.description).group(1)) - 1
        with self.beat(
            f"Equation {source + 1} gives {name} easily: {spoken(self.isolated_parts())}."
        ):
            box = style.highlight_box(self.system[source][0])
            formula = self.line(self.isolated_parts(), EQUATION_COLOURS[source])
            formula[0].set_color(HIGHLIGHT)
            explanation = self.note(with_names(step.description, self.names), formula)
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
        target = int(re.search(r"equation (\d)", step.description).group(1)) - 1
        with self.beat(
            f"Put that expression in place of {name} in equation {target + 1}. Only "
            f"{self.names[1 - step.variable]} is left: {spoken(parts)}."
        ):
            box = style.highlight_box(self.system[target][0])
            formula = self.line(parts, EQUATION_COLOURS[target])
            formula[where].set_color(HIGHLIGHT)
            explanation = self.note(with_names(step.description, self.names), formula)
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
            first = self.line(self.collected_parts())
            first_note = self.note(with_names(collected.description, self.names), first)
            self.play(Write(first), FadeIn(first_note), run_time=BEAT)
            self.wait(QUICK)
            second = self.line(self.solved_parts())
            second[-1].set_color(RESULT)
            second_note = self.note(
                f"divide both sides by {fmt(collected.coefficient, 'entry')}", second
            )
            self.play(Write(second), FadeIn(second_note), run_time=BEAT)
            self.show("collected", (collected.coefficient, collected.rhs))
            self.show(name, solved.value)
            self.solved_line = second
            self.wait(PAUSE)

    def substitute_back(self) -> None:
        step = self.back
        known = self.names[1 - step.variable]
        with self.beat(
            f"Put {known} = {fmt(step.known, 'entry')} back into "
            f"{spoken(self.isolated_parts())}: {spoken(self.back_parts())}."
        ):
            formula = self.line(self.back_parts())
            formula[-1].set_color(RESULT)
            explanation = self.note(with_names(step.description, self.names), formula)
            box = style.highlight_box(self.isolated_line)
            self.play(Create(box), run_time=QUICK)
            self.play(TransformFromCopy(self.isolated_line, formula), run_time=BEAT)
            self.play(FadeIn(explanation), FadeOut(box), run_time=QUICK)
            self.show(self.names[step.variable], step.value)
            self.back_line = formula
            self.wait(PAUSE)

    def show_summary(self) -> None:
        x, y = self.solution
        with self.beat(
            f"The solution: {self.names[0]} = {fmt(x, 'entry')} and {self.names[1]} = "
            f"{fmt(y, 'entry')}, the one pair of numbers that makes both equations true."
        ):
            answer = tex(
                rf"({self.names[0]}, {self.names[1]})",
                "=",
                rf"({num(x, 'entry')},\ {num(y, 'entry')})",
                color=RESULT,
            )
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
