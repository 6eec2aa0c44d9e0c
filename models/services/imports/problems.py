"""What can be wrong with an import file, with the row and column as the user sees them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from models.errors import UserError
from models.messages import Message

#: At most this many problems are listed; the rest are counted ("and N more").
MAX_PROBLEMS = 200


@dataclass(frozen=True)
class Problem:
    """One bad cell or row. ``row`` is the row number Excel shows (the header is row 1)."""

    row: int | None
    column: str | None
    value: str | None
    message: str
    #: The message code of ``message`` (models.messages) and its parameters; "" if it has none.
    code: str = ""
    params: dict[str, Any] = field(default_factory=dict, compare=False)

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column}")
        if self.value is not None:
            where.append(f"value '{self.value}'")
        prefix = ", ".join(where)
        return f"{prefix}: {self.message}" if prefix else self.message


class ImportFileError(UserError):
    """The file is refused; nothing was written. ``problems`` lists every problem found."""

    code = "import_file"

    def __init__(self, problems: list[Problem], more: int = 0) -> None:
        self.problems = list(problems)
        self.more = more
        lines = [str(p) for p in self.problems]
        if more:
            lines.append(f"and {more} more")
        count = len(self.problems) + more
        head = "the file was refused (nothing was written)"
        if count > 1:
            head += f": {count} problems"
        super().__init__(head + ":\n" + "\n".join(lines), problems=self.problems, more=more)


class ImportValueError(ValueError):
    """A cell or file the import parsers refuse; ``str()`` is the English text."""

    def __init__(self, code: str, /, **params: Any) -> None:
        self._detail = Message(code, **params)
        super().__init__(str(self._detail))

    def detail(self) -> Message:
        """The text as a code and its parameters."""
        return self._detail


def message_of(error: ValueError | UserError) -> Message | str:
    """What a parser's ValueError or ValidationError says, with its code when it has one."""
    if isinstance(error, ImportValueError):
        return error.detail()
    if isinstance(error, UserError):
        return error.detail() or error.message
    return str(error)


def refuse(
    message: Message | str, *, row: int | None = None, column: str | None = None
) -> ImportFileError:
    """An ImportFileError with one problem (the caller raises it)."""
    return ImportFileError([_problem(row, column, None, message)])


def _problem(
    row: int | None, column: str | None, value: str | None, message: Message | str
) -> Problem:
    if isinstance(message, Message):
        return Problem(row, column, value, str(message), message.code, message.params)
    return Problem(row, column, value, message)


class Collector:
    """Gathers problems up to MAX_PROBLEMS and counts the rest."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.more = 0

    def add(
        self, row: int | None, column: str | None, value: object, message: Message | str
    ) -> None:
        """Record one problem (beyond the cap, only count it)."""
        if len(self.problems) >= MAX_PROBLEMS:
            self.more += 1
            return
        shown = None if value is None else str(value)
        self.problems.append(_problem(row, column, shown, message))

    def __bool__(self) -> bool:
        return bool(self.problems)

    def raise_if_any(self) -> None:
        """Raise ImportFileError with everything collected, if anything was.

        Raises:
            ImportFileError: At least one problem was recorded.
        """
        if self.problems:
            raise ImportFileError(self.problems, self.more)
