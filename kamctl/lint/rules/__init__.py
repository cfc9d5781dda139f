"""One module per lint rule; see kamctl.lint.registry."""
