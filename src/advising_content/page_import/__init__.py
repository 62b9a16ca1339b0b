"""Turning an advising page, as a browser copies it, into a draft record (``import``)."""
