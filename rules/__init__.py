"""The bundled rules ship inside the installed package as monitor.bundled_rules (see pyproject.toml)."""
