"""The render pipeline: reads the curriculum manifest, renders scenes, reports.

It knows nothing of the mathematics; only :mod:`pipeline.worker` imports manim.
"""
