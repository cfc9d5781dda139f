"""Plan completeness and quality rules (kamctl lint)."""
