"""Section 9, Partial-Derivative Calculus: one module per scene.

What two or more of its scenes share is in ``shared``; the computational-graph drawing it
shares with section 8 is in ``scenes.computation_graph``.
"""
