"""Identifier rules: station codes, wagon and container numbers, waybills and train numbers."""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum

from models.errors import ValidationError
from models.messages import Message

# Every check below refuses with one of these codes; the UI translates by code and params.
#: The value is empty after stripping.
REQUIRED = "required"
#: A character is not allowed, or a part of the identifier has the wrong shape.
FORMAT = "format"
#: The value has the wrong number of characters (params: ``min``, ``max``, ``got``).
LENGTH = "length"
#: The shape is right but the check digit is not (params: ``expected``, ``got``).
CHECK_DIGIT = "check_digit"

#: The code system of 1520 mm railways (ESR codes: 5 digits + check digit, DOMAIN.md).
CODE_SYSTEM_1520 = "1520"
#: Codes of other systems (e.g. Chinese telegraph codes such as "AKR") are at most this long.
OTHER_STATION_CODE_MAX_LENGTH = 10
#: Longest waybill (SMGS consignment note) number accepted; the database column matches it.
WAYBILL_MAX_LENGTH = 32
#: Longest train number accepted; the database column matches it.
TRAIN_NO_MAX_LENGTH = 32

_DIGITS = frozenset("0123456789")
_LATIN_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_LATIN = _LATIN_UPPER | frozenset("abcdefghijklmnopqrstuvwxyz")
_WAYBILL_CHARS = _LATIN | _DIGITS | frozenset("-/")
_CONTAINER_CATEGORIES = "UJZ"

# Station code weights (DOMAIN.md): 1..5, and 3..7 when the first sum gives 10.
_STATION_WEIGHTS = (1, 2, 3, 4, 5)
_STATION_FALLBACK_WEIGHTS = (3, 4, 5, 6, 7)

_FIVE_DIGITS = re.compile(r"[0-9]{5}")
_SEVEN_DIGITS = re.compile(r"[0-9]{7}")
_CONTAINER_BODY = re.compile(r"[A-Z]{4}[0-9]{6}")


def _letter_values() -> dict[str, int]:
    """ISO 6346 letter values: A=10 upwards, skipping multiples of 11 (11, 22, 33)."""
    values: dict[str, int] = {}
    value = 10
    for letter in sorted(_LATIN_UPPER):
        if value % 11 == 0:
            value += 1
        values[letter] = value
        value += 1
    return values


_ISO6346_VALUES: dict[str, int] = {d: int(d) for d in _DIGITS} | _letter_values()


class UnitKind(StrEnum):
    """What a shipment unit is; its number is checked by the rule of that kind."""

    WAGON = "wagon"
    CONTAINER = "container"


def _normalize(text: str) -> str:
    """Fold full-width forms (typed with a Chinese IME) to ASCII and strip surrounding space.

    NFKC maps only compatibility forms, so a value that is already plain ASCII is unchanged;
    it does not turn a Cyrillic look-alike into a Latin letter (those are reported instead).
    """
    return unicodedata.normalize("NFKC", text).strip()


def _show(char: str) -> str:
    """Quote a character for a message, naming it when it is not plain printable ASCII.

    A Cyrillic 'С' looks like a Latin 'C' and a no-break space like a space, so the name is
    the only way the user can tell what is wrong.
    """
    if char.isascii() and char.isprintable() and char != " ":
        return f"'{char}'"
    name = unicodedata.name(char, "")
    code = f"U+{ord(char):04X}"
    return f"'{char}' ({code} {name})" if name else f"{code}"


def _first_not_in(text: str, allowed: frozenset[str]) -> str | None:
    """Return the first character of ``text`` that is not in ``allowed``, if any."""
    return next((c for c in text if c not in allowed), None)


def _check_digit_error(
    field: str, value: str, expected: int, got: int, what: str
) -> ValidationError:
    """Build the error for a wrong check digit, warning that the typo may be elsewhere."""
    return ValidationError(
        field,
        CHECK_DIGIT,
        Message(f"check_digit.{what}", expected=expected, got=got, value=value),
    )


def station_code_check_digit(five_digits: str) -> int:
    """Compute the check digit of a 1520 mm (ESR) station code.

    The sum of the digits times the weights 1, 2, 3, 4, 5, modulo 11; if that is 10, the same
    with weights 3, 4, 5, 6, 7; if that is 10 again, 0 (DOMAIN.md marks this last step
    uncertain).

    Args:
        five_digits: The first five digits of the code, ASCII 0-9 only.

    Returns:
        The check digit, 0 to 9.

    Raises:
        ValueError: If ``five_digits`` is not exactly five ASCII digits (a caller's bug).
    """
    if not _FIVE_DIGITS.fullmatch(five_digits):
        raise ValueError(f"expected five digits 0-9, got {five_digits!r}")
    digits = [int(d) for d in five_digits]
    for weights in (_STATION_WEIGHTS, _STATION_FALLBACK_WEIGHTS):
        remainder = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
        if remainder != 10:
            return remainder
    return 0


def wagon_check_digit(seven_digits: str) -> int:
    """Compute the Luhn check digit of a 1520 mm wagon number.

    Args:
        seven_digits: The first seven digits of the wagon number, ASCII 0-9 only.

    Returns:
        The check digit, 0 to 9.

    Raises:
        ValueError: If ``seven_digits`` is not exactly seven ASCII digits (a caller's bug).
    """
    if not _SEVEN_DIGITS.fullmatch(seven_digits):
        raise ValueError(f"expected seven digits 0-9, got {seven_digits!r}")
    total = 0
    # Luhn: double every second digit counting leftwards from the one next to the check digit.
    for position, char in enumerate(reversed(seven_digits)):
        digit = int(char)
        if position % 2 == 0:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return (10 - total % 10) % 10


def container_check_digit(ten_chars: str) -> int:
    """Compute the ISO 6346 check digit of a container number.

    Each character's value (digits as is; letters from A=10 upwards, skipping multiples of 11)
    is multiplied by 2 to the power of its position; the sum modulo 11 is the check digit, and
    a result of 10 counts as 0.

    Args:
        ten_chars: Owner code, category letter and serial number: 4 letters A-Z and 6 digits.

    Returns:
        The check digit, 0 to 9.

    Raises:
        ValueError: If ``ten_chars`` is not 4 uppercase Latin letters and 6 digits (a caller's
            bug).
    """
    if not _CONTAINER_BODY.fullmatch(ten_chars):
        raise ValueError(f"expected 4 letters A-Z and 6 digits, got {ten_chars!r}")
    total = sum(_ISO6346_VALUES[c] << i for i, c in enumerate(ten_chars))
    return total % 11 % 10


def validate_station_code(
    code: str, code_system: str = CODE_SYSTEM_1520, field: str = "station_code"
) -> str:
    """Check a station code and return it normalized.

    A 1520 mm code is 6 digits whose last digit is the check digit of the first five. Codes of
    other systems (Chinese telegraph codes such as "AKR") are 1 to 10 Latin letters and digits,
    returned in uppercase. Full-width characters are folded to ASCII first.

    Args:
        code: The code as typed.
        code_system: "1520" for ESR codes; anything else is checked as a national code.
        field: The field name to put in the error.

    Returns:
        The normalized code.

    Raises:
        ValidationError: Code "required", "format", "length" or "check_digit".
    """
    value = _normalize(code)
    if not value:
        raise ValidationError(field, REQUIRED, Message("station_code.required"))
    if code_system.strip() != CODE_SYSTEM_1520:
        return _validate_other_station_code(value, field)
    bad = _first_not_in(value, _DIGITS)
    if bad is not None:
        raise ValidationError(
            field,
            FORMAT,
            Message("station_code.format_1520", value=value, char=bad, shown=_show(bad)),
        )
    if len(value) == 5:
        # ESR codes are often published without their check digit; say what the full code is.
        full = value + str(station_code_check_digit(value))
        raise ValidationError(
            field,
            LENGTH,
            Message("station_code.five_digits", min=6, max=6, got=5, value=value, suggestion=full),
        )
    if len(value) != 6:
        raise ValidationError(
            field,
            LENGTH,
            Message("station_code.length_1520", min=6, max=6, got=len(value)),
        )
    expected = station_code_check_digit(value[:5])
    if int(value[5]) != expected:
        raise _check_digit_error(field, value, expected, int(value[5]), "digit")
    return value


def _validate_other_station_code(value: str, field: str) -> str:
    """Check a station code of a system other than 1520 (letters and digits, uppercased)."""
    value = value.upper()
    bad = _first_not_in(value, _LATIN_UPPER | _DIGITS)
    if bad is not None:
        raise ValidationError(
            field,
            FORMAT,
            Message("station_code.format", value=value, char=bad, shown=_show(bad)),
        )
    if len(value) > OTHER_STATION_CODE_MAX_LENGTH:
        raise ValidationError(
            field,
            LENGTH,
            Message(
                "station_code.length", min=1, max=OTHER_STATION_CODE_MAX_LENGTH, got=len(value)
            ),
        )
    return value


def validate_wagon_number(number: str, field: str = "wagon") -> str:
    """Check a 1520 mm wagon number (8 digits, the last a Luhn check digit) and return it.

    Only for wagons on the Kazakh leg; Chinese wagon numbers follow another scheme.

    Args:
        number: The number as typed.
        field: The field name to put in the error.

    Returns:
        The number, stripped.

    Raises:
        ValidationError: Code "required", "format", "length" or "check_digit".
    """
    value = _normalize(number)
    if not value:
        raise ValidationError(field, REQUIRED, Message("wagon.required"))
    bad = _first_not_in(value, _DIGITS)
    if bad is not None:
        raise ValidationError(
            field,
            FORMAT,
            Message("wagon.format", value=value, char=bad, shown=_show(bad)),
        )
    if len(value) != 8:
        raise ValidationError(
            field,
            LENGTH,
            Message("wagon.length", min=8, max=8, got=len(value)),
        )
    expected = wagon_check_digit(value[:7])
    if int(value[7]) != expected:
        raise _check_digit_error(field, value, expected, int(value[7]), "digit")
    return value


def validate_container_number(number: str, field: str = "container") -> str:
    """Check an ISO 6346 container number and return it normalized.

    Spaces and hyphens are removed and letters uppercased ("csqu 305438-3" gives
    "CSQU3054383"). The number is a 3-letter owner code, a category letter U, J or Z, a
    6-digit serial number and a check digit.

    Args:
        number: The number as typed.
        field: The field name to put in the error.

    Returns:
        The normalized number, 11 characters.

    Raises:
        ValidationError: Code "required", "format", "length" or "check_digit".
    """
    value = "".join(_normalize(number).upper().replace("-", "").split())
    if not value:
        raise ValidationError(field, REQUIRED, Message("container.required"))
    if len(value) != 11:
        raise ValidationError(
            field,
            LENGTH,
            Message("container.length", min=11, max=11, got=len(value)),
        )
    owner, category, serial, check = value[:3], value[3], value[4:10], value[10]
    bad = _first_not_in(owner, _LATIN_UPPER)
    if bad is not None:
        raise ValidationError(
            field,
            FORMAT,
            Message("container.owner", value=value, part="owner", char=bad, shown=_show(bad)),
        )
    if category not in _CONTAINER_CATEGORIES:
        raise ValidationError(
            field,
            FORMAT,
            Message(
                "container.category",
                value=value,
                part="category",
                char=category,
                shown=_show(category),
            ),
        )
    bad = _first_not_in(serial, _DIGITS)
    if bad is not None:
        raise ValidationError(
            field,
            FORMAT,
            Message("container.serial", value=value, part="serial", char=bad, shown=_show(bad)),
        )
    if check not in _DIGITS:
        raise ValidationError(
            field,
            FORMAT,
            Message(
                "container.check_char",
                value=value,
                part="check_digit",
                char=check,
                shown=_show(check),
            ),
        )
    expected = container_check_digit(value[:10])
    if int(check) != expected:
        raise _check_digit_error(field, value, expected, int(check), "character")
    return value


def validate_unit_number(kind: str, number: str, field: str | None = None) -> str:
    """Check a shipment unit's number by the rule of its kind.

    Args:
        kind: "wagon" or "container" (case and surrounding spaces ignored).
        number: The number as typed.
        field: The field name to put in the error; by default the kind.

    Returns:
        The normalized number.

    Raises:
        ValidationError: Field "kind" with code "format" for an unknown kind; otherwise as
            :func:`validate_wagon_number` or :func:`validate_container_number`.
    """
    normalized_kind = kind.strip().lower()
    if normalized_kind == UnitKind.WAGON:
        return validate_wagon_number(number, field or UnitKind.WAGON.value)
    if normalized_kind == UnitKind.CONTAINER:
        return validate_container_number(number, field or UnitKind.CONTAINER.value)
    raise ValidationError(
        "kind",
        FORMAT,
        Message("unit.kind", value=kind, kind=kind.strip(), allowed=[k.value for k in UnitKind]),
    )


def _check_max_length(field: str, value: str, maximum: int, code: str) -> None:
    if len(value) > maximum:
        raise ValidationError(field, LENGTH, Message(code, min=1, max=maximum, got=len(value)))


def validate_waybill(text: str, field: str = "waybill") -> str:
    """Check a waybill (SMGS consignment note) number and return it stripped.

    Allowed: 1 to 32 Latin letters, digits, '-' and '/'. Letters keep their case. Non-Latin
    letters are refused because the number is unique per shipment and a Cyrillic look-alike
    would make a second, invisible copy of it.

    Args:
        text: The number as typed.
        field: The field name to put in the error.

    Returns:
        The normalized number.

    Raises:
        ValidationError: Code "required", "format" or "length".
    """
    value = _normalize(text)
    if not value:
        raise ValidationError(field, REQUIRED, Message("waybill.required"))
    if any(c.isspace() for c in value):
        raise ValidationError(
            field,
            FORMAT,
            Message("waybill.spaces", value=value, char=next(c for c in value if c.isspace())),
        )
    bad = _first_not_in(value, _WAYBILL_CHARS)
    if bad is not None:
        raise ValidationError(
            field,
            FORMAT,
            Message("waybill.format", value=value, char=bad, shown=_show(bad)),
        )
    _check_max_length(field, value, WAYBILL_MAX_LENGTH, "waybill.length")
    return value


def validate_train_no(text: str, field: str = "train_no") -> str:
    """Check an operator's train number and return it normalized.

    Allowed: 1 to 32 printable characters in any script; spaces inside are kept. Full-width
    forms and non-breaking spaces are folded (NFKC) so that shipments typed in different ways
    still group under one train.

    Args:
        text: The number as typed.
        field: The field name to put in the error.

    Returns:
        The normalized number.

    Raises:
        ValidationError: Code "required", "format" or "length".
    """
    value = _normalize(text)
    if not value:
        raise ValidationError(field, REQUIRED, Message("train_no.required"))
    bad = next((c for c in value if not c.isprintable() and c != " "), None)
    if bad is not None:
        raise ValidationError(
            field,
            FORMAT,
            Message("train_no.format", value=value, char=bad, shown=_show(bad)),
        )
    _check_max_length(field, value, TRAIN_NO_MAX_LENGTH, "train_no.length")
    return value
