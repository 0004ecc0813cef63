"""Section 8, Automatic Differentiation: one module per scene.

What two or more of its scenes share is in ``shared``; the computational-graph drawing they
share with section 9 is in ``scenes.computation_graph``.
"""
