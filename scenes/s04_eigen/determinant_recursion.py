"""DeterminantRecursion: a determinant expands along its first row into smaller determinants,
each of which expands in turn: a 3x3 into three 2x2 minors, a 4x4 into four 3x3 ones.
"""

from __future__ import annotations

import itertools

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Create,
    FadeIn,
    FadeOut,
    Line,
    TransformFromCopy,
    VGroup,
    Write,
)

from lib import linalg
from scenes import style
from scenes.inputs import Domain, Matrix
from scenes.style import (
    BEAT,
    BUFF,
    CAPTION_SIZE,
    GAP,
    HIGHLIGHT,
    INPUT,
    LABEL_SIZE,
    MUTED,
    PAUSE,
    QUICK,
    RESULT,
    LessonScene,
    factor,
    fitted_matrix,
    fmt,
    num,
    tex,
)

#: The sign of each first-row term, by column: + - + -.
SIGNS = ("+", "-", "+", "-")

#: Where the working line and the sum stand, under the tree (scene units, y of their centre).
WORKING_Y, SUM_Y = -2.45, -3.2


def term_prefix(term: linalg.CofactorTerm, first: bool) -> str:
    """``+\\,2 \\cdot``: the term's sign and entry before its minor (a leading + dropped)."""
    sign = "-" if term.sign < 0 else ("" if first else "+")
    return rf"{sign}\,{factor(term.entry)}\,\cdot"


def two_by_two_working(node: linalg.CofactorNode) -> str:
    """``a \\cdot d - b \\cdot c =`` for a 2x2 node, its numbers from lib's tree."""
    first, second = node.terms
    (d,) = first.minor.matrix[0]
    (c,) = second.minor.matrix[0]
    return rf"{factor(first.entry)} \cdot {factor(d)} - {factor(second.entry)} \cdot {factor(c)} ="


def count_minors(node: linalg.CofactorNode) -> dict[int, int]:
    """How many minors of each size the tree below ``node`` holds (1x1 leaves included)."""
    counts: dict[int, int] = {}
    for term in node.terms:
        size = term.minor.size
        counts[size] = counts.get(size, 0) + 1
        for inner, many in count_minors(term.minor).items():
            counts[inner] = counts.get(inner, 0) + many
    return counts


def keep_apart(row: VGroup) -> VGroup:
    """A row of labels, each under its own column, kept inside the frame and apart.

    A label wider than its column is shifted back inside the frame; if neighbours would
    then touch, the labels are spread evenly across the frame instead.
    """
    half = style.SAFE_WIDTH / 2
    for label in row:
        label.shift(RIGHT * max(0.0, -half - label.get_left()[0]))
        label.shift(LEFT * max(0.0, label.get_right()[0] - half))
    if any(
        first.get_right()[0] + BUFF > second.get_left()[0]
        for first, second in itertools.pairwise(row)
    ):
        y = row.get_y()
        row.arrange(RIGHT, buff=GAP * 0.6)
        style.fit_width(row, style.SAFE_WIDTH).move_to([0, y, 0])
    return row


class DeterminantRecursion(LessonScene):
    """The cofactor tree of a 3x3, each 2x2 minor worked out; then a 4x4 one level deeper."""

    matrix = ((2.0, -1.0, 3.0), (0.5, 4.0, -2.0), (-1.0, 2.0, 1.0))  # the 3x3 worked in full
    big = (
        (1.0, 2.0, 0.0, -1.0),
        (3.0, -1.0, 2.0, 0.0),
        (0.0, 1.0, 4.0, 2.0),
        (2.0, 0.0, -1.0, 3.0),
    )
    domain = Domain(
        matrix=Matrix(3, 3, -5, 5, places=1),
        big=Matrix(4, 4, -5, 5, places=1),
    )

    def construct(self) -> None:
        self.det, self.tree = linalg.cofactor_expansion(self.matrix)  # every number, from lib
        self.big_det, self.big_tree = linalg.cofactor_expansion(self.big)
        self.heading = style.title("Cofactor expansion")
        self.introduce_matrix()
        self.expand_first_row()
        for j in range(len(self.tree.terms)):
            self.work_minor(j)
        self.add_up()
        self.expand_a_4x4()
        self.show_summary()

    # -- builders -----------------------------------------------------------------------

    def tree_picture(
        self,
        node: linalg.CofactorNode,
        name: str,
        size: float,
        minor_size: float,
        stacked: bool = False,
    ) -> VGroup:
        """``name =`` and the matrix at the top, one child per first-row term below, with edges.

        Returns ``(root, children, edges)``; each child is ``(prefix, minor matrix)``, the
        prefix before the minor, or over it when ``stacked`` (four children need the room).
        """
        v_buff = 0.6 if node.size < 4 else 0.5
        root_matrix = fitted_matrix(node.matrix, size=size, h_buff=0.8, v_buff=v_buff, color=INPUT)
        root = VGroup(tex(name, "=", size=size, color=INPUT), root_matrix)
        root.arrange(RIGHT, buff=BUFF).next_to(self.heading, DOWN, buff=BUFF)
        children = VGroup()
        for j, term in enumerate(node.terms):
            minor = fitted_matrix(
                term.minor.matrix, size=minor_size, gap=0.35, h_buff=0.6, v_buff=0.55
            )
            prefix = tex(term_prefix(term, j == 0), r"\det", size=minor_size)
            prefix[0].set_color(HIGHLIGHT)
            if stacked:
                children.add(VGroup(prefix, minor).arrange(DOWN, buff=BUFF * 0.5))
            else:
                children.add(VGroup(prefix, minor).arrange(RIGHT, buff=BUFF * 0.6))
        # On one bottom line, so the values written under the minors share a baseline.
        children.arrange(RIGHT, buff=GAP * 1.2, aligned_edge=DOWN)
        style.fit_width(children, style.SAFE_WIDTH)
        children.next_to(root, DOWN, buff=GAP * 1.4).set_x(0)
        bottom = root_matrix.get_bottom()[1] - 0.1
        edges = VGroup(
            *(
                Line(
                    [column.get_x(), bottom, 0],
                    child.get_top() + UP * 0.1,
                    color=MUTED,
                    stroke_width=3,
                )
                for column, child in zip(root_matrix.get_columns(), children, strict=True)
            )
        )
        return VGroup(root, children, edges)

    def value_under(self, child: VGroup, value: float, colour: str = RESULT) -> style.MathTex:
        """``= value`` under a child's minor."""
        shown = tex(r"=\,", num(value), size=CAPTION_SIZE, color=colour)
        return shown.next_to(child[1], DOWN, buff=BUFF)

    def struck_out(self, root_matrix: style.Matrix, column: int) -> VGroup:
        """Boxes over the first row and column ``column`` of ``root_matrix``: what a minor drops."""
        row_box = style.highlight_box(root_matrix.get_rows()[0], color=MUTED)
        column_box = style.highlight_box(root_matrix.get_columns()[column], color=MUTED)
        return VGroup(row_box, column_box)

    def minor_entries(self, root_matrix: style.Matrix, column: int) -> list:
        """The entries of ``root_matrix`` that stay in the minor of (row 1, ``column``)."""
        rows = root_matrix.get_rows()
        return [rows[i][k] for i in range(1, len(rows)) for k in range(len(rows)) if k != column]

    # -- beats --------------------------------------------------------------------------

    def introduce_matrix(self) -> None:
        with self.beat(
            "A 3 by 3 determinant breaks into 2 by 2 ones. Take A, and expand it along its "
            "first row."
        ):
            self.picture = self.tree_picture(self.tree, "A", style.BODY_SIZE, style.BODY_SIZE)
            root, _, _ = self.picture
            self.first_row = style.highlight_box(root[1].get_rows()[0])
            self.play(FadeIn(self.heading), run_time=QUICK)
            self.play(Write(root), run_time=BEAT)
            self.play(Create(self.first_row), run_time=QUICK)
            self.show("matrix", self.tree.matrix)
            self.wait(PAUSE)

    def expand_first_row(self) -> None:
        root, children, edges = self.picture
        entries = ", ".join(fmt(t.entry, "entry") for t in self.tree.terms)
        with self.beat(
            f"Each entry of the first row, {entries}, multiplies the determinant of its minor: "
            "what is left of A after crossing out that entry's row and column. The signs "
            "alternate, plus, minus, plus."
        ):
            for j, (child, edge) in enumerate(zip(children, edges, strict=True)):
                struck = self.struck_out(root[1], j)
                entry_box = style.highlight_box(root[1].get_rows()[0][j])
                self.play(Create(struck), Create(entry_box), Create(edge), run_time=QUICK)
                self.play(
                    TransformFromCopy(root[1].get_rows()[0][j], child[0][0]),
                    FadeIn(child[0][1]),
                    *(
                        TransformFromCopy(entry, target)
                        for entry, target in zip(
                            self.minor_entries(root[1], j), child[1].get_entries(), strict=True
                        )
                    ),
                    FadeIn(child[1].get_brackets()),
                    run_time=BEAT if j == 0 else QUICK * 1.5,
                )
                self.play(FadeOut(struck), FadeOut(entry_box), run_time=QUICK * 0.6)
            self.settle(*children)
            self.play(FadeOut(self.first_row), run_time=QUICK)
            self.show("minors", tuple(t.minor.matrix for t in self.tree.terms))
            self.wait(PAUSE)

    def work_minor(self, j: int) -> None:
        term = self.tree.terms[j]
        child = self.picture[1][j]
        minor = term.minor
        with self.beat(
            f"Minor 1 is 2 by 2, so ad minus bc finishes it: {fmt(minor.determinant)}. Its "
            "own minors are single numbers, the leaves of the tree."
            if j == 0
            else f"Minor {j + 1}: ad minus bc gives {fmt(minor.determinant)}. Times its "
            f"signed entry, {fmt(term.sign * term.entry)}, that makes "
            f"{fmt(term.contribution)}."
        ):
            box = style.highlight_box(child)
            working = tex(
                rf"\det M_{{1{j + 1}}} = ",
                two_by_two_working(minor),
                num(minor.determinant),
                size=CAPTION_SIZE,
            )
            working[2].set_color(RESULT)
            working.move_to(UP * WORKING_Y)
            style.fit_width(working, style.SAFE_WIDTH)
            value = self.value_under(child, minor.determinant)
            self.play(Create(box), FadeIn(working), run_time=QUICK)
            self.play(
                TransformFromCopy(working[2], value[1]),
                FadeIn(value[0]),
                run_time=BEAT,
            )
            self.settle(value)
            self.wait(PAUSE)
            self.play(FadeOut(box), FadeOut(working), run_time=QUICK)
            self.values = [*getattr(self, "values", []), value]
            self.show(f"minor_{j + 1}", minor.determinant)

    def products_under(self, values: VGroup | list) -> VGroup:
        """``sign entry . det M = contribution`` under each minor's value, numbers from lib."""
        products = VGroup()
        for j, (term, value) in enumerate(zip(self.tree.terms, values, strict=True)):
            product = tex(
                term_prefix(term, j == 0),
                rf"{factor(term.minor.determinant)} = {num(term.contribution)}",
                size=CAPTION_SIZE,
            )
            product[0].set_color(HIGHLIGHT)
            products.add(product.next_to(value, DOWN, buff=BUFF * 0.8))
        return keep_apart(products)

    def sum_line(
        self, node: linalg.CofactorNode, name: str, size: float, rule: str = ""
    ) -> style.MathTex:
        """``det A = c1 + c2 + c3 = det``: the terms' contributions from lib, then the total.

        ``rule``, if given, stands between ``det A =`` and the sum (the general formula).
        """
        parts = [rf"\det {name} = " + (f"{rule} = " if rule else "")]
        for j, term in enumerate(node.terms):
            shown = fmt(term.contribution)
            if j == 0:
                parts.append(num(term.contribution))
            else:
                parts.append(f"- {shown[1:]}" if shown.startswith("-") else f"+ {shown}")
        parts.append(rf"= {num(node.determinant)}")
        line = tex(*parts, size=size)
        line[-1].set_color(RESULT)
        return line

    def add_up(self) -> None:
        shown = [fmt(t.contribution) for t in self.tree.terms]
        with self.beat(
            f"Each term is its entry times its minor, with its sign: {', '.join(shown)}. "
            f"Their sum is the determinant: det A = {fmt(self.det)}."
        ):
            self.products = self.products_under(self.values)
            self.play(*(FadeIn(p, shift=DOWN * 0.2) for p in self.products), run_time=BEAT)
            total = self.sum_line(self.tree, "A", style.BODY_SIZE).move_to(UP * SUM_Y)
            style.fit_width(total, style.SAFE_WIDTH)
            self.play(Write(total), run_time=BEAT)
            self.show("contributions", tuple(t.contribution for t in self.tree.terms))
            self.show("det", self.det)
            self.wait(PAUSE * 2)

    def expand_a_4x4(self) -> None:
        counts = count_minors(self.big_tree)
        with self.beat(
            f"A 4 by 4 goes one level deeper: four 3 by 3 minors, each of them three 2 by 2 "
            f"ones, {counts[2]} in all. The same rule at every level gives det B = "
            f"{fmt(self.big_det)}."
        ):
            self.clear_screen(self.heading)
            picture = self.tree_picture(self.big_tree, "B", LABEL_SIZE + 2, LABEL_SIZE, True)
            root, children, edges = picture
            values = VGroup(
                *(
                    self.value_under(child, term.minor.determinant)
                    for child, term in zip(children, self.big_tree.terms, strict=True)
                )
            )
            total = self.sum_line(self.big_tree, "B", CAPTION_SIZE)
            style.fit_width(total, style.SAFE_WIDTH)
            count = VGroup(
                *(
                    style.text(line, size=LABEL_SIZE, color=MUTED)
                    for line in (
                        f"{counts[3]} minors 3×3",
                        f"{counts[2]} minors 2×2",
                        f"{counts[1]} entries",
                    )
                )
            ).arrange(DOWN, aligned_edge=LEFT, buff=BUFF * 0.8)
            count.next_to(root, RIGHT, buff=GAP * 1.5)
            total.next_to(values, DOWN, buff=BUFF * 1.5).set_x(0)
            self.play(FadeIn(root), run_time=QUICK)
            self.play(Create(edges), FadeIn(children), run_time=BEAT)
            self.play(FadeIn(values), run_time=BEAT)
            self.play(FadeIn(count), run_time=QUICK)
            self.play(Write(total), run_time=BEAT)
            self.show("big_minors", tuple(t.minor.determinant for t in self.big_tree.terms))
            self.show("big_det", self.big_det)
            self.show("counts", counts)
            self.wait(PAUSE * 2)

    def show_summary(self) -> None:
        with self.beat(
            "Expand along the first row, sign by sign, until the minors are single numbers: "
            f"det A = {fmt(self.det)}."
        ):
            self.clear_screen(self.heading)
            picture = self.tree_picture(self.tree, "A", style.BODY_SIZE, style.BODY_SIZE)
            _, children, _ = picture
            values = VGroup(
                *(
                    self.value_under(child, term.minor.determinant)
                    for child, term in zip(children, self.tree.terms, strict=True)
                )
            )
            rule = r"\sum_j (-1)^{1+j}\, a_{1j} \det M_{1j}"
            total = self.sum_line(self.tree, "A", style.BODY_SIZE, rule)
            total[0].set_color(HIGHLIGHT)
            style.fit_width(total, style.SAFE_WIDTH)
            products = self.products_under(values)
            total.next_to(products, DOWN, buff=GAP).set_x(0)
            self.play(FadeIn(picture), FadeIn(values), FadeIn(products), run_time=BEAT)
            self.play(FadeIn(total), run_time=BEAT)
            self.hold_poster()
