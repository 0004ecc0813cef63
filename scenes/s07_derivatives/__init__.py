"""Section 7, Derivatives and Differentiation: one module per scene.

What two or more of its scenes share is in ``shared``.
"""
