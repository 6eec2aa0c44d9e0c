"""Errors a user can cause and fix; anything else that escapes a service is a bug.

Each error carries a stable ``code`` and its parameters so the UI can translate it and the
CLI can print it; ``str(error)`` is the English message. An error raised with a
:class:`models.messages.Message` also names its text: ``error.key`` is the message code whose
English template (``models.messages``) and translated template (``ui.error_texts``) render it
from ``error.params``.
"""

from __future__ import annotations

from typing import Any

from models.messages import Message


class UserError(Exception):
    """A problem with the user's input or environment, shown as a message, never a traceback."""

    code = "user_error"

    def __init__(self, message: str | Message, **params: Any) -> None:
        #: The message code of the text (None for a plain English message).
        self.key: str | None = None
        if isinstance(message, Message):
            self.key = message.code
            params = {**message.params, **params}
            message = str(message)
        super().__init__(message)
        self.message = message
        self.params = params

    def detail(self) -> Message | None:
        """The text as a code and its parameters, if it was raised with one."""
        return Message(self.key, **self.params) if self.key else None

    def __str__(self) -> str:
        return self.message


class ValidationError(UserError):
    """A value broke a rule; ``field`` names the field (or column) it came from."""

    code = "validation"

    def __init__(self, field: str, code: str, message: str | Message, **params: Any) -> None:
        super().__init__(message, **params)
        self.field = field
        self.code = code

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class ConflictError(UserError):
    """Someone else saved a newer version of the record the caller loaded."""

    code = "conflict"

    def __init__(self, message: str | Message, *, who: str | None, when: Any, what: str) -> None:
        super().__init__(message, who=who, when=when, what=what)
        self.who = who
        self.when = when
        self.what = what


class NotFoundError(UserError):
    """The record (or database) asked for does not exist."""

    code = "not_found"


class DatabaseError(UserError):
    """The database cannot be opened, read or written: locked, read-only, corrupt, too new."""

    code = "database"


class ReadOnlyError(DatabaseError):
    """The database, the file or the user's database role allows reading only."""

    code = "read_only"
