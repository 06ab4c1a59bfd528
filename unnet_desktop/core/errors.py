"""Expected failures: shown to the user as one clear sentence, never as a traceback."""


class KnownError(Exception):
    """An error the user can understand and act on. ``str(err)`` is the message."""


class DatabaseRefused(KnownError):
    """The database file cannot be opened; it has been left untouched."""


class ValidationError(KnownError):
    """Input that breaks a rule of the domain."""


class FileRefused(KnownError):
    """An input file that cannot be read, or an output file that cannot be written."""
