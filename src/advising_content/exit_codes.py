"""The exit statuses of every command."""

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    CONTENT_ERRORS = 1  # the content has errors, or a file cannot be read or parsed
    USAGE = 2  # an unknown option, a path that does not exist, nothing to check, an unusable DIR
    INTERRUPTED = 130  # Ctrl-C (SIGINT): 128 + 2, as shells report it
    TERMINATED = 143  # SIGTERM: 128 + 15
