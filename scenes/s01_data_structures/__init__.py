"""Section 1, Linear Algebra Data Structures: one module per scene.

What two or more of its scenes share is in ``shared``.
"""
