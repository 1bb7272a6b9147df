"""The one error type the library raises; the CLI renders it and exits non-zero."""


class StanceToolError(Exception):
    """A problem the user can fix: `message` says what went wrong, `hint` how to fix it."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message
