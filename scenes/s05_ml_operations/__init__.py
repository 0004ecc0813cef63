"""Section 5, Matrix Operations for Machine Learning: one module per scene.

What two or more of its scenes share is in ``shared``.
"""
