"""Exports of valid records for other school systems: JSON, Markdown and CSV."""
