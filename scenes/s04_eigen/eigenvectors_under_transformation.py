"""EigenvectorsUnderTransformation: A matrix moves most vectors off their span; its eigenvectors
stay on theirs, scaled by their eigenvalues.
"""

from __future__ import annotations

import math

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    Create,
    FadeIn,
    FadeOut,
    GrowArrow,
    ReplacementTransform,
    ValueTracker,
    VGroup,
    Write,
)

from lib import linalg
from scenes import style
from scenes.inputs import Domain, Matrix, Number
from scenes.s04_eigen.shared import (
    ARROW_LAYER,
    COLUMN_WIDTH,
    EIGENVALUES_SHOW,
    KIND_CAPTIONS,
    PAIR_COLOURS,
    REAL_EIGENVALUES,
    SUBSCRIPTS,
    PlaneAndColumnScene,
    effect,
    eigen_equation,
    eigenpair_rows,
    fan_directions,
    journey,
    most_turned,
    row_text,
)
from scenes.style import (
    BEAT,
    BUFF,
    GAP,
    HIGHLIGHT,
    INPUT,
    LABEL_SIZE,
    MUTED,
    PAUSE,
    QUICK,
    fitted_matrix,
    fmt,
    tex,
)


class EigenvectorsUnderTransformation(PlaneAndColumnScene):
    """A acts on a grid and a fan of vectors; only its eigenvectors stay on their spans."""

    matrix = ((-1.0, 4.0), (2.0, -2.0))  # the example's input: any real 2x2 with real eigenvalues
    fan_size = 8  # vectors in the fan, one per direction across a half turn
    domain = Domain(
        matrix=Matrix(2, 2, -5, 5),
        fan_size=Number(5, 16, integer=True),
        rules=(REAL_EIGENVALUES, EIGENVALUES_SHOW),
    )

    def construct(self) -> None:
        self.compute_numbers()  # every number, from lib, up front
        self.introduce_matrix()
        self.show_fan_and_spans()
        self.apply_transformation()
        self.point_out_eigenvectors()
        for i in range(len(self.eigenvectors)):
            self.write_eigen_equation(i)
        self.slide_along_span(self.sliding_pair())
        self.show_summary()

    # -- numbers ------------------------------------------------------------------------

    def compute_numbers(self) -> None:
        """Eigen-structure, the fan and its images under A, all from lib."""
        self.fan_count = int(self.fan_size)
        self.structure = linalg.eigen_structure(self.matrix)
        self.kind = self.structure.kind
        self.eigenvectors = self.structure.directions  # one for a defective matrix
        self.eigenvalues = self.structure.values[: len(self.eigenvectors)]  # one per direction
        self.eigen_images = tuple(
            tuple(float(c) for c in linalg.matmul(self.matrix, v)) for v in self.eigenvectors
        )
        self.fan, self.eigen_slots = fan_directions(self.fan_count, self.eigenvectors)
        self.fan_images = [
            tuple(float(c) for c in row) for row in linalg.apply(self.matrix, self.fan)
        ]
        self.show("kind", self.kind)

    def sliding_pair(self) -> int:
        """The eigenvector whose slide from v to lambda v shows this matrix's kind best."""
        values = self.eigenvalues
        if self.kind in ("opposite", "negative"):
            return min(range(len(values)), key=lambda i: values[i])  # a negative one flips
        if self.kind == "zero":
            return values.index(0.0)  # its line collapses
        if self.kind == "positive":
            return max(range(len(values)), key=lambda i: abs(math.log(values[i])))
        return 0

    # -- words chosen from the numbers --------------------------------------------------

    def flattens(self) -> str:
        """What A does to the whole plane when it has a zero eigenvalue ("" when it has none)."""
        if 0.0 not in self.eigenvalues:
            return ""
        if self.kind == "scaling":
            return " The whole plane collapses to the origin."
        return " The whole plane flattens onto one line."

    # -- beats --------------------------------------------------------------------------

    def introduce_matrix(self) -> None:
        (a, b), (c, d) = ([fmt(v, "entry") for v in row] for row in self.matrix)
        with self.beat(
            f"Here is a matrix A, with rows ({a}, {b}) and ({c}, {d}). Let's watch it move "
            "a grid and a fan of vectors."
        ):
            self.layout_plane([*self.fan, *self.fan_images])
            self.original_labels, self.image_labels = self.place_eigen_labels(
                self.eigenvectors, self.eigen_images, self.eigenvalues
            )
            self.build_planes(avoid=[*self.original_labels, *self.image_labels])
            self.add(self.build_curtain())
            self.heading = self.place_in_column(style.title("Eigenvectors"))
            a_matrix = fitted_matrix(self.matrix, h_buff=0.9, v_buff=0.7)
            self.a_group = VGroup(tex("A", "="), a_matrix).arrange(RIGHT, buff=BUFF)
            self.place_in_column(self.a_group, below=self.heading)
            self.blocks: list[VGroup] = []  # the column's eigen-equations, once written
            self.show("matrix", tuple(tuple(float(v) for v in row) for row in self.matrix))
            self.play(
                FadeIn(self.heading),
                Create(self.coords),
                FadeIn(self.tick_labels),
                Create(self.moving_grid),
                run_time=BEAT * 1.5,
            )
            self.play(Write(self.a_group), run_time=BEAT * 1.5)
            self.wait(PAUSE * 3)

    def show_fan_and_spans(self) -> None:
        with self.beat(
            "Each vector's span is the line through the origin along it: all its multiples "
            "c v. Faint lines mark the spans."
        ):
            self.progress = ValueTracker(0.0)  # 0: the fan as it is, 1: after A
            self.fan_arrows = [
                self.following_arrow(vector, image, self.progress)
                for vector, image in zip(self.fan, self.fan_images, strict=True)
            ]
            self.spans = [self.span_line(vector) for vector in self.fan]
            self.caption = self.place_in_column(
                tex(r"\mathrm{span}(v) = \{\, c\, v \,\}", color=INPUT), below=self.a_group
            )
            self.play(*(GrowArrow(arrow) for arrow in self.fan_arrows), run_time=BEAT)
            self.play(
                *(Create(span) for span in self.spans), FadeIn(self.caption), run_time=BEAT * 1.5
            )
            self.wait(PAUSE * 3)

    def apply_transformation(self) -> None:
        with self.beat(
            "Now apply A: the grid and every vector move together, from v to A v." + self.flattens()
        ):
            mapsto = self.place_in_column(
                tex(r"v \;\longmapsto\; A\,v", color=INPUT), below=self.a_group
            )
            self.play(ReplacementTransform(self.caption, mapsto), run_time=QUICK)
            self.caption = mapsto
            self.play(
                self.moving_grid.animate.apply_matrix(self.matrix, about_point=self.origin),
                self.progress.animate.set_value(1.0),
                run_time=BEAT * 3,
            )
            for arrow in self.fan_arrows:
                arrow.clear_updaters()
            self.wait(PAUSE)
        if self.kind != "scaling":
            self.knock_one_off_its_span()

    def knock_one_off_its_span(self) -> None:
        most = most_turned(self.fan, self.fan_images, self.eigen_slots)
        with self.beat(
            "Most vectors are knocked off their span: this one lay on its line, and now points "
            "elsewhere."
        ):
            span, arrow = self.spans[most], self.fan_arrows[most]
            where_it_was = self.arrow_to(self.fan[most], HIGHLIGHT, width=3)
            self.play(
                span.animate.set_stroke(HIGHLIGHT, width=3, opacity=0.9),
                arrow.animate.set_color(HIGHLIGHT),
                GrowArrow(where_it_was),
                run_time=BEAT,
            )
            self.wait(PAUSE * 3)
            self.play(
                span.animate.set_stroke(MUTED, width=2, opacity=0.45),
                arrow.animate.set_color(INPUT),
                FadeOut(where_it_was),
                run_time=QUICK,
            )

    def point_out_narration(self) -> str:
        value = self.eigenvalues[0]
        if self.kind == "scaling":
            where = (
                "went to the origin, which lies on every span"
                if value == 0
                else "stayed on its own span"
            )
            return (
                f"No vector was knocked off: every one {where}. Every vector is an eigenvector "
                "of A, all with one eigenvalue. Take two of them, v₁ and v₂."
            )
        if self.kind == "defective":
            went = " (it went to the origin, which lies on every span)" if value == 0 else ""
            return (
                f"Only one direction stayed on its span{went}: this is the eigenvector of A, "
                "v₁. A has no second eigen-direction."
            )
        if self.kind == "zero":
            n = SUBSCRIPTS[self.eigenvalues.index(0.0)]
            return (
                f"Two stayed on their own spans; v{n} went to the origin, which lies on every "
                "span. These are the eigenvectors of A, v₁ and v₂."
            )
        return (
            "Two stayed on their own spans: A only scales them. These are the eigenvectors of "
            "A, v₁ and v₂."
        )

    def point_out_eigenvectors(self) -> None:
        with self.beat(self.point_out_narration()):
            colours = PAIR_COLOURS[: len(self.eigen_slots)]
            others = [k for k in range(self.fan_count) if k not in self.eigen_slots]
            dimmed = [] if self.kind == "scaling" else others  # a scaling keeps every span
            self.play(
                *(self.fan_arrows[k].animate.set_color(MUTED).set_opacity(0.6) for k in dimmed),
                *(self.spans[k].animate.set_stroke(opacity=0.25) for k in dimmed),
                *(
                    self.spans[k].animate.set_stroke(colour, width=3, opacity=0.7)
                    for k, colour in zip(self.eigen_slots, colours, strict=True)
                ),
                *(
                    self.fan_arrows[k].animate.set_color(colour)
                    for k, colour in zip(self.eigen_slots, colours, strict=True)
                ),
                run_time=BEAT,
            )
            self.eigen_arrows = [self.fan_arrows[k] for k in self.eigen_slots]
            # The eigenvectors as they were, thin, over their images.
            self.originals = [
                self.arrow_to(v, style.TEXT, width=3).set_z_index(ARROW_LAYER + 0.5)
                for v in self.eigenvectors
            ]
            self.play(
                *(GrowArrow(arrow) for arrow in self.originals),
                *(FadeIn(label) for label in self.original_labels),
                run_time=BEAT,
            )
            self.play(*(FadeIn(label) for label in self.image_labels), run_time=QUICK)
            statement = self.place_in_column(
                tex(r"A\,v = \lambda\, v", color=HIGHLIGHT), below=self.a_group
            )
            self.play(ReplacementTransform(self.caption, statement), run_time=BEAT)
            self.caption = statement
            self.wait(PAUSE * 3)

    def write_eigen_equation(self, i: int) -> None:
        value, vector, image = self.eigenvalues[i], self.eigenvectors[i], self.eigen_images[i]
        colour, n = PAIR_COLOURS[i], SUBSCRIPTS[i]
        only = "only " if value not in (0, 1) else ""
        with self.beat(
            f"A v{n} = {row_text(image)} is {fmt(value, 'eigen')} times "
            f"v{n} = {row_text(vector)}: v{n} is {only}{effect(value)}. Its eigenvalue is "
            f"λ{n} = {fmt(value, 'eigen')}."
        ):
            k = i + 1
            block = header, numbers = eigen_equation(k, value, vector, image, colour)
            self.place_in_column(block, below=self.blocks[-1] if self.blocks else self.a_group)
            if not self.blocks:
                self.play(FadeOut(self.caption), run_time=QUICK)
            self.blocks.append(block)
            box = style.highlight_box(self.image_labels[i])
            self.play(Write(header[0]), Create(box), run_time=BEAT)
            self.play(Write(numbers[:2]), run_time=BEAT)
            self.play(Write(numbers[2:4]), run_time=BEAT)
            self.play(Write(numbers[4:]), Write(header[1:]), FadeOut(box), run_time=BEAT)
            self.show(f"v_{k}", vector)
            self.show(f"A_v_{k}", image)
            self.show(f"lambda_{k}", value)
            self.wait(PAUSE * 2.5)

    def slide_narration(self, i: int) -> str:
        """Why this eigenvector slides from v to lambda v, in words that fit the kind."""
        value, n = self.eigenvalues[i], SUBSCRIPTS[i]
        shown = fmt(value, "eigen")
        slide = f"As c runs from 1 to {shown}, c v{n} {journey(value)}, never leaving its span."
        if self.kind == "opposite":
            return f"λ{n} is negative, so A turns v{n} around. " + slide
        if self.kind == "negative":
            return "Both eigenvalues are negative, so A turns both eigenvectors around. " + slide
        if self.kind == "positive":
            return (
                "Both eigenvalues are positive, so A keeps each eigenvector pointing the same "
                "way. " + slide
            )
        if self.kind == "zero":
            other = SUBSCRIPTS[1 - i]
            return (
                f"λ{n} = 0, so A sends v{n}, and every multiple of it, to the origin. As c runs "
                f"from 1 to 0, c v{n} shrinks to nothing: its whole line collapses, and the "
                f"plane flattens onto the line of v{other}."
            )
        if self.kind == "scaling":
            if value == 1:
                return "A is the identity: it leaves every vector where it is, so c stays at 1."
            return (
                f"A scales every vector by {shown}: as c runs from 1 to {shown}, c v{n} "
                f"{journey(value)}, and so does every other vector, each on its own span."
            )
        lead = f"The eigenvalue {shown} is repeated, yet A has only one line of eigenvectors: "
        if value == 0:
            return lead + "A sends every vector onto the line of v₁, and v₁ itself to 0. " + slide
        if value == 1:
            return (
                lead + "A is a shear, sliding every vector along the line of v₁. v₁ itself "
                "stays where it is, so c stays at 1."
            )
        return (
            lead + f"A scales every vector by {shown} and slides it along the line of v₁, like "
            "a shear. " + slide
        )

    def slide_along_span(self, i: int) -> None:
        value, vector, colour, k = self.eigenvalues[i], self.eigenvectors[i], PAIR_COLOURS[i], i + 1
        with self.beat(self.slide_narration(i)):
            box = style.highlight_box(self.blocks[i][0][2])
            self.eigen_arrows[i], self.readout = self.slide_on_span(
                vector,
                value,
                colour,
                rf"c\,v_{k}",
                below=self.blocks[-1],
                lead_in=(
                    self.eigen_arrows[i].animate.set_opacity(0.25),
                    FadeOut(self.image_labels[i]),
                    Create(box),
                ),
                landing=(FadeOut(self.eigen_arrows[i]), FadeIn(self.image_labels[i]), FadeOut(box)),
            )
            self.show("slide", (k, 1.0, value))
            self.wait(PAUSE * 3)

    def summary_narration(self) -> str:
        shown = [fmt(v, "eigen") for v in self.eigenvalues]
        if self.kind == "scaling":
            return (
                f"A scales every vector by {shown[0]}: every vector is an eigenvector, and "
                f"A v = λ v with λ = {shown[0]}."
            )
        if self.kind == "defective":
            return (
                "A knocks every vector off its span except those on one line. There, A v = λ v "
                f"with λ = {shown[0]}, a repeated eigenvalue with a single eigen-direction."
            )
        flat = " A zero eigenvalue flattens the plane onto a line." if self.kind == "zero" else ""
        return (
            "A knocks most vectors off their span. Its eigenvectors stay on theirs, scaled by "
            f"λ₁ = {shown[0]} and λ₂ = {shown[1]}: A v = λ v.{flat}"
        )

    def show_summary(self) -> None:
        with self.beat(self.summary_narration()):
            pairs = eigenpair_rows(
                self.eigenvalues, self.eigenvectors, repeated=self.kind == "defective"
            )
            a_row = self.a_group.copy()
            rule = tex(r"A\,v = \lambda\, v", color=HIGHLIGHT)
            caption = style.text(KIND_CAPTIONS[self.kind], size=LABEL_SIZE, color=HIGHLIGHT)
            closing = VGroup(rule, caption).arrange(RIGHT, buff=GAP)
            summary = style.panel("Eigenpairs of A", a_row, pairs, closing)
            if summary.width > COLUMN_WIDTH:  # a long caption goes under the rule
                closing.arrange(DOWN, aligned_edge=LEFT, buff=BUFF)
                summary = style.panel("Eigenpairs of A", a_row, pairs, closing)
            self.place_panel_low(summary, under=self.heading)
            self.play(
                FadeOut(VGroup(*self.blocks, self.readout)),
                ReplacementTransform(self.a_group, a_row),
                FadeIn(summary[0]),
                FadeIn(summary[1][0]),
                run_time=BEAT,
            )
            self.play(FadeIn(pairs), FadeIn(closing), run_time=BEAT)
            self.show("summary_eigenvalues", self.eigenvalues)
            self.show("summary_eigenvectors", self.eigenvectors)
            self.wait(PAUSE * 2)
            self.hold_poster()
