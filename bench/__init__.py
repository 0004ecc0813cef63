"""The pipeline's benchmark: ``make bench``."""
