"""kamctl — Key Account Management plans as YAML files."""

__version__ = "0.1.0"
