"""The lesson scenes: one Manim Scene class per concept, one module per section.

``curriculum.toml`` lists them in order; ``style.py`` is the shared theme.
"""
