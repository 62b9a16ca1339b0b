"""The exit statuses of every command."""

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    CONTENT_ERRORS = 1  # the content has errors, or a file cannot be read or parsed
    USAGE = 2  # an unknown option, a path that does not exist, nothing to check
