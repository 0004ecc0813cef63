"""Section 3, Matrix Properties: one module per scene."""
