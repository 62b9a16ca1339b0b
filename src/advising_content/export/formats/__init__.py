"""One module per export format, each defining ``FORMAT`` (see ``export.registry``)."""
