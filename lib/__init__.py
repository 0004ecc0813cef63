"""The numeric backing of the course: every number a scene shows is computed here.

This package depends on numpy and scipy only; it never imports manim.
"""
