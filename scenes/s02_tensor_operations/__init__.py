"""Section 2, Tensor Operations: one module per scene.

What two or more of its scenes share is in ``shared``.
"""
