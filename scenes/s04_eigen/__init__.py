"""Section 4, Eigenvectors and Eigenvalues: one module per scene.

What two or more of its scenes share is in ``shared``.
"""
