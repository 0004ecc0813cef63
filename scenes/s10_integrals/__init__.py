"""Section 10, Integral Calculus: one module per scene.

What two or more of its scenes share is in ``shared``.
"""
