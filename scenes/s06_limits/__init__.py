"""Section 6, Limits: one module per scene."""
