"""Identifier rules: DOMAIN.md worked examples, agreement with python-stdnum, exact messages."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum import iso6346, luhn

from models.errors import ValidationError
from models.rules.identifiers import (
    container_check_digit,
    station_code_check_digit,
    validate_container_number,
    validate_station_code,
    validate_train_no,
    validate_unit_number,
    validate_wagon_number,
    validate_waybill,
    wagon_check_digit,
)

DIGITS = "0123456789"
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

digit_strings = st.text(alphabet=DIGITS, min_size=1, max_size=1)
five_digits = st.text(alphabet=DIGITS, min_size=5, max_size=5)
seven_digits = st.text(alphabet=DIGITS, min_size=7, max_size=7)
owner_codes = st.text(alphabet=LETTERS, min_size=3, max_size=3)
categories = st.sampled_from("UJZ")
serials = st.text(alphabet=DIGITS, min_size=6, max_size=6)


def refusal(call: Callable[..., str], *args: str) -> ValidationError:
    """Call a validator that must refuse, and return its error."""
    with pytest.raises(ValidationError) as info:
        call(*args)
    return info.value


def rule_params(error: ValidationError) -> dict[str, object]:
    """The error's params but ``shown``: the bad character as the message quotes it."""
    if "shown" in error.params:
        assert str(error.params["shown"]) in error.message
    return {k: v for k, v in error.params.items() if k != "shown"}


def reference_station_check_digit(five: str) -> int:
    """DOMAIN.md's rule written out independently: weights 1..5, then 3..7, then 0."""
    digits = [int(d) for d in five]
    first = sum(d * w for d, w in zip(digits, [1, 2, 3, 4, 5], strict=True)) % 11
    if first < 10:
        return first
    second = sum(d * w for d, w in zip(digits, [3, 4, 5, 6, 7], strict=True)) % 11
    return second if second < 10 else 0


def single_digit_changes(number: str, positions: range) -> list[tuple[str, int]]:
    """Every number that differs from ``number`` in one digit at one of ``positions``."""
    return [
        (number[:p] + d + number[p + 1 :], p) for p in positions for d in DIGITS if d != number[p]
    ]


# --- station codes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "station"),
    [("684001", "Kostanay"), ("689503", "Aktobe-1"), ("708507", "Dostyk")],
)
def test_domain_station_codes_are_valid(code: str, station: str) -> None:
    assert validate_station_code(code) == code, station
    assert validate_station_code(f"  {code}\t") == code


def test_kostanay_check_digit_follows_the_worked_example() -> None:
    # 6*1 + 8*2 + 4*3 + 0*4 + 0*5 = 34; 34 mod 11 = 1
    assert station_code_check_digit("68400") == 1


def test_station_fallback_weights_are_used_when_the_first_sum_gives_ten() -> None:
    # 0*1 + 0*2 + 0*3 + 0*4 + 2*5 = 10 -> weights 3..7: 2*7 = 14; 14 mod 11 = 3
    assert station_code_check_digit("00002") == 3
    assert validate_station_code("000023") == "000023"


def test_station_check_digit_is_zero_when_both_sums_give_ten() -> None:
    # 2*3 + 8*4 + 1*5 = 43 -> 10 (mod 11); 2*5 + 8*6 + 1*7 = 65 -> 10 (mod 11)
    assert station_code_check_digit("00281") == 0
    assert validate_station_code("002810") == "002810"


@given(five_digits)
def test_station_check_digit_matches_the_domain_rule(five: str) -> None:
    expected = reference_station_check_digit(five)
    assert station_code_check_digit(five) == expected
    assert validate_station_code(five + str(expected)) == five + str(expected)


@given(five_digits, digit_strings)
def test_wrong_station_check_digit_names_the_expected_digit(five: str, check: str) -> None:
    expected = reference_station_check_digit(five)
    if int(check) == expected:
        return
    error = refusal(validate_station_code, five + check)
    assert (error.field, error.code) == ("station_code", "check_digit")
    assert error.params["expected"] == expected
    assert error.params["got"] == int(check)
    assert error.message.startswith(f"check digit should be {expected}, not {check}")


@given(five_digits)
def test_station_single_digit_change_is_refused_unless_the_fallback_hides_it(five: str) -> None:
    """With weights 1..5 mod 11 a one-digit change always moves the sum; only the 10 -> fallback
    path can make two codes one digit apart both valid."""
    code = five + str(reference_station_check_digit(five))

    def primary_sum(payload: str) -> int:
        return sum(int(d) * w for d, w in zip(payload, [1, 2, 3, 4, 5], strict=True)) % 11

    for changed, position in single_digit_changes(code, range(6)):
        uses_fallback = primary_sum(code[:5]) == 10 or primary_sum(changed[:5]) == 10
        if position == 5 or not uses_fallback:
            error = refusal(validate_station_code, changed)
            assert error.code == "check_digit", changed


def test_station_scheme_cannot_see_every_single_digit_change() -> None:
    """A limit of the scheme, pinned so nobody "fixes" the rule into disagreeing with it."""
    assert validate_station_code("000023") == "000023"
    assert validate_station_code("400023") == "400023"


@pytest.mark.parametrize(
    ("code", "system", "expected"),
    [
        ("AKR", "CN", "AKR"),
        ("hfr", "CN", "HFR"),
        (" QTJ ", "telegraph", "QTJ"),
        ("ＡＫＲ", "CN", "AKR"),
        ("A1B2C3D4E5", "CN", "A1B2C3D4E5"),
        ("６８４００１", "1520", "684001"),
        ("684001", " 1520 ", "684001"),
    ],
)
def test_station_codes_are_normalized(code: str, system: str, expected: str) -> None:
    assert validate_station_code(code, system) == expected


@pytest.mark.parametrize(
    ("code", "system", "code_", "message", "params"),
    [
        ("", "1520", "required", "station code is required", {}),
        ("   ", "CN", "required", "station code is required", {}),
        (
            "68400",
            "1520",
            "length",
            "a 1520 station code has 6 digits (5 and a check digit), got 5; "
            "with its check digit 68400 is 684001",
            {"min": 6, "max": 6, "got": 5, "value": "68400", "suggestion": "684001"},
        ),
        (
            "6840011",
            "1520",
            "length",
            "a 1520 station code has 6 digits, got 7",
            {"min": 6, "max": 6, "got": 7},
        ),
        (
            "68400I",
            "1520",
            "format",
            "a 1520 station code has digits 0-9 only; 'I' is not allowed",
            {"value": "68400I", "char": "I"},
        ),
        (
            "684 001",
            "1520",
            "format",
            "a 1520 station code has digits 0-9 only; ' ' (U+0020 SPACE) is not allowed",
            {"value": "684 001", "char": " "},
        ),
        (
            "684002",
            "1520",
            "check_digit",
            "check digit should be 1, not 2 (or another digit is mistyped)",
            {"expected": 1, "got": 2, "value": "684002"},
        ),
        (
            "708508",
            "1520",
            "check_digit",
            "check digit should be 7, not 8 (or another digit is mistyped)",
            {"expected": 7, "got": 8, "value": "708508"},
        ),
        (
            "阿拉山口",
            "CN",
            "format",
            "station code may contain only Latin letters A-Z and digits 0-9; "
            "'阿' (U+963F CJK UNIFIED IDEOGRAPH-963F) is not allowed",
            {"value": "阿拉山口", "char": "阿"},
        ),
        (
            "A-K",
            "CN",
            "format",
            "station code may contain only Latin letters A-Z and digits 0-9; '-' is not allowed",
            {"value": "A-K", "char": "-"},
        ),
        (
            "ALASHANKOU1",
            "CN",
            "length",
            "station code is at most 10 characters, got 11",
            {"min": 1, "max": 10, "got": 11},
        ),
    ],
)
def test_bad_station_codes_are_refused_with_exact_messages(
    code: str, system: str, code_: str, message: str, params: dict[str, object]
) -> None:
    error = refusal(validate_station_code, code, system)
    assert error.field == "station_code"
    assert error.code == code_
    assert error.message == message
    assert rule_params(error) == params
    assert str(error) == f"station_code: {message}"


def test_station_error_carries_the_callers_field_name() -> None:
    with pytest.raises(ValidationError) as info:
        validate_station_code("684002", field="origin_code")
    assert info.value.field == "origin_code"


@pytest.mark.parametrize("bad", ["6840", "684001", "6840a", "６８４００", ""])
def test_station_check_digit_refuses_anything_but_five_ascii_digits(bad: str) -> None:
    with pytest.raises(ValueError, match="five digits"):
        station_code_check_digit(bad)


# --- wagon numbers ---------------------------------------------------------------------------


def test_domain_wagon_number_is_valid() -> None:
    assert validate_wagon_number("51037059") == "51037059"
    assert validate_wagon_number(" 51037059\n") == "51037059"
    assert wagon_check_digit("5103705") == 9


@given(seven_digits)
def test_wagon_check_digit_agrees_with_stdnum_luhn(seven: str) -> None:
    assert wagon_check_digit(seven) == int(luhn.calc_check_digit(seven))


@given(st.text(alphabet=DIGITS, min_size=8, max_size=8))
def test_wagon_number_is_accepted_exactly_when_luhn_is_valid(number: str) -> None:
    if luhn.is_valid(number):
        assert validate_wagon_number(number) == number
    else:
        error = refusal(validate_wagon_number, number)
        assert error.code == "check_digit"
        assert error.params["expected"] == int(luhn.calc_check_digit(number[:7]))


@given(seven_digits)
def test_every_single_digit_change_of_a_wagon_number_is_refused(seven: str) -> None:
    number = seven + luhn.calc_check_digit(seven)
    changes = single_digit_changes(number, range(8))
    assert len(changes) == 72
    for changed, _ in changes:
        error = refusal(validate_wagon_number, changed)
        assert (error.field, error.code) == ("wagon", "check_digit"), changed
        expected = luhn.calc_check_digit(changed[:7])
        assert error.message.startswith(f"check digit should be {expected}, not {changed[7]}")


@pytest.mark.parametrize(
    ("number", "code", "message", "params"),
    [
        ("", "required", "wagon number is required", {}),
        (
            "5103705",
            "length",
            "a wagon number has 8 digits, got 7",
            {"min": 8, "max": 8, "got": 7},
        ),
        (
            "510370590",
            "length",
            "a wagon number has 8 digits, got 9",
            {"min": 8, "max": 8, "got": 9},
        ),
        (
            "51O37059",
            "format",
            "a wagon number has digits 0-9 only; 'O' is not allowed",
            {"value": "51O37059", "char": "O"},
        ),
        (
            "5103-7059",
            "format",
            "a wagon number has digits 0-9 only; '-' is not allowed",
            {"value": "5103-7059", "char": "-"},
        ),
        (
            "51037058",
            "check_digit",
            "check digit should be 9, not 8 (or another digit is mistyped)",
            {"expected": 9, "got": 8, "value": "51037058"},
        ),
        (
            "51037069",
            "check_digit",
            "check digit should be 7, not 9 (or another digit is mistyped)",
            {"expected": 7, "got": 9, "value": "51037069"},
        ),
    ],
)
def test_bad_wagon_numbers_are_refused_with_exact_messages(
    number: str, code: str, message: str, params: dict[str, object]
) -> None:
    error = refusal(validate_wagon_number, number)
    assert (error.field, error.code, error.message, rule_params(error)) == (
        "wagon",
        code,
        message,
        params,
    )


def test_arabic_indic_digits_are_not_taken_for_a_wagon_number() -> None:
    """``str.isdigit`` would accept these; the rule must not."""
    error = refusal(validate_wagon_number, "٥١٠٣٧٠٥٩")
    assert error.code == "format"


# --- container numbers -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    ["CSQU3054383", "csqu3054383", " CSQU 305438 3 ", "CSQU-305438-3", "ＣＳＱＵ３０５４３８３"],
)
def test_domain_container_number_is_valid_however_it_is_typed(typed: str) -> None:
    assert validate_container_number(typed) == "CSQU3054383"


def test_container_check_digit_of_the_domain_example() -> None:
    assert container_check_digit("CSQU305438") == 3


@given(owner_codes, categories, serials)
def test_container_check_digit_agrees_with_stdnum_iso6346(
    owner: str, category: str, serial: str
) -> None:
    body = owner + category + serial
    assert container_check_digit(body) == int(iso6346.calc_check_digit(body))


@given(owner_codes, categories, serials, digit_strings)
def test_container_number_is_accepted_exactly_when_stdnum_accepts_it(
    owner: str, category: str, serial: str, check: str
) -> None:
    number = owner + category + serial + check
    if iso6346.is_valid(number):
        assert validate_container_number(number.lower()) == number
    else:
        error = refusal(validate_container_number, number)
        assert error.code == "check_digit"
        expected = iso6346.calc_check_digit(number[:10])
        assert error.message.startswith(f"check digit should be {expected}, not {check}")


@given(owner_codes, categories, serials)
def test_single_digit_changes_of_a_container_number_are_refused(
    owner: str, category: str, serial: str
) -> None:
    """Every change of the check digit is refused. A serial digit change is refused unless it
    turns a remainder of 10 into 0 or back: ISO 6346 writes both as 0, and stdnum agrees."""
    number = owner + category + serial + iso6346.calc_check_digit(owner + category + serial)
    for changed, position in single_digit_changes(number, range(4, 11)):
        if position < 10 and iso6346.is_valid(changed):
            assert validate_container_number(changed) == changed
            continue
        error = refusal(validate_container_number, changed)
        assert (error.field, error.code) == ("container", "check_digit"), changed


def test_iso6346_cannot_see_every_single_digit_change() -> None:
    """A limit of the standard (remainder 10 is written 0), pinned against stdnum."""
    for number in ("CSQU0000070", "CSQU9000070"):
        assert iso6346.is_valid(number)
        assert validate_container_number(number) == number


@pytest.mark.parametrize(
    ("number", "code", "message", "params"),
    [
        (" - ", "required", "container number is required", {}),
        (
            "CSQU305438",
            "length",
            "a container number has 11 characters (4 letters and 7 digits), got 10",
            {"min": 11, "max": 11, "got": 10},
        ),
        (
            "CSQU30543830",
            "length",
            "a container number has 11 characters (4 letters and 7 digits), got 12",
            {"min": 11, "max": 11, "got": 12},
        ),
        (
            "СSQU3054383",  # the first letter is Cyrillic, pasted from a Russian loading list
            "format",
            "the owner code (first 3 characters) must be Latin letters A-Z; "
            "'С' (U+0421 CYRILLIC CAPITAL LETTER ES) is not allowed",
            {"value": "СSQU3054383", "part": "owner", "char": "С"},
        ),
        (
            "C5QU3054383",
            "format",
            "the owner code (first 3 characters) must be Latin letters A-Z; '5' is not allowed",
            {"value": "C5QU3054383", "part": "owner", "char": "5"},
        ),
        (
            "CSQX3054383",
            "format",
            "the category letter (4th character) must be U, J or Z, not 'X'",
            {"value": "CSQX3054383", "part": "category", "char": "X"},
        ),
        (
            "CSQR3054383",
            "format",
            "the category letter (4th character) must be U, J or Z, not 'R'",
            {"value": "CSQR3054383", "part": "category", "char": "R"},
        ),
        (
            "CSQU3O54383",
            "format",
            "the serial number (characters 5 to 10) must be digits 0-9; 'O' is not allowed",
            {"value": "CSQU3O54383", "part": "serial", "char": "O"},
        ),
        (
            "CSQU305438X",
            "format",
            "the check digit (11th character) must be a digit 0-9, not 'X'",
            {"value": "CSQU305438X", "part": "check_digit", "char": "X"},
        ),
        (
            "CSQU3054384",
            "check_digit",
            "check digit should be 3, not 4 (or another character is mistyped)",
            {"expected": 3, "got": 4, "value": "CSQU3054384"},
        ),
        (
            "csqu 305438-0",
            "check_digit",
            "check digit should be 3, not 0 (or another character is mistyped)",
            {"expected": 3, "got": 0, "value": "CSQU3054380"},
        ),
    ],
)
def test_bad_container_numbers_are_refused_with_exact_messages(
    number: str, code: str, message: str, params: dict[str, object]
) -> None:
    error = refusal(validate_container_number, number)
    assert (error.field, error.code, error.message, rule_params(error)) == (
        "container",
        code,
        message,
        params,
    )


@pytest.mark.parametrize("bad", ["CSQU30543", "CSQU3054383", "csqu305438", "CSQ13054383"])
def test_container_check_digit_refuses_a_malformed_body(bad: str) -> None:
    with pytest.raises(ValueError, match="4 letters A-Z and 6 digits"):
        container_check_digit(bad)


# --- units -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "number", "expected"),
    [
        ("wagon", "51037059", "51037059"),
        ("container", "csqu 3054383", "CSQU3054383"),
        (" Container ", "CSQU3054383", "CSQU3054383"),
    ],
)
def test_unit_number_is_checked_by_its_kind(kind: str, number: str, expected: str) -> None:
    assert validate_unit_number(kind, number) == expected


def test_unit_number_errors_name_the_kind_or_the_given_field() -> None:
    with pytest.raises(ValidationError) as as_wagon:
        validate_unit_number("wagon", "CSQU3054383")
    assert (as_wagon.value.field, as_wagon.value.code) == ("wagon", "format")
    with pytest.raises(ValidationError) as as_container:
        validate_unit_number("container", "51037059", field="number")
    assert (as_container.value.field, as_container.value.code) == ("number", "length")


def test_unknown_unit_kind_is_refused() -> None:
    error = refusal(validate_unit_number, "barge", "51037059")
    assert (error.field, error.code) == ("kind", "format")
    assert error.message == "a unit is a 'wagon' or a 'container', not 'barge'"
    assert error.params["allowed"] == ["wagon", "container"]


# --- waybills and train numbers --------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("12345678", "12345678"),
        ("  KZ-2025/0001 ", "KZ-2025/0001"),
        ("ab12", "ab12"),
        ("１２３４", "1234"),
        ("A" * 32, "A" * 32),
    ],
)
def test_good_waybills_are_kept(typed: str, expected: str) -> None:
    assert validate_waybill(typed) == expected


@pytest.mark.parametrize(
    ("typed", "code", "message"),
    [
        ("", "required", "waybill number is required"),
        (" \t\n", "required", "waybill number is required"),
        ("1234 5678", "format", "a waybill number must not contain spaces"),
        ("1234\u00a05678", "format", "a waybill number must not contain spaces"),
        (
            "1234#5678",
            "format",
            "a waybill number may contain only Latin letters, digits 0-9, '-' and '/'; "
            "'#' is not allowed",
        ),
        (
            "ЭТ123456",
            "format",
            "a waybill number may contain only Latin letters, digits 0-9, '-' and '/'; "
            "'Э' (U+042D CYRILLIC CAPITAL LETTER E) is not allowed",
        ),
        ("1" * 33, "length", "a waybill number is at most 32 characters, got 33"),
    ],
)
def test_bad_waybills_are_refused_with_exact_messages(typed: str, code: str, message: str) -> None:
    error = refusal(validate_waybill, typed)
    assert (error.field, error.code, error.message) == ("waybill", code, message)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("X8001", "X8001"),
        ("  80001/80002 ", "80001/80002"),
        ("X 8001", "X 8001"),
        ("X\u00a08001", "X 8001"),
        ("Ｘ８００１次", "X8001次"),
        ("T" * 32, "T" * 32),
    ],
)
def test_good_train_numbers_are_kept(typed: str, expected: str) -> None:
    assert validate_train_no(typed) == expected


@pytest.mark.parametrize(
    ("typed", "code", "message", "params"),
    [
        ("", "required", "train number is required", {}),
        ("\u3000", "required", "train number is required", {}),
        (
            "X80\t01",
            "format",
            "a train number may contain letters, digits, punctuation and spaces on one line; "
            "U+0009 is not allowed",
            {"value": "X80\t01", "char": "\t"},
        ),
        (
            "X80\n01",
            "format",
            "a train number may contain letters, digits, punctuation and spaces on one line; "
            "U+000A is not allowed",
            {"value": "X80\n01", "char": "\n"},
        ),
        (
            "T" * 33,
            "length",
            "a train number is at most 32 characters, got 33",
            {"min": 1, "max": 32, "got": 33},
        ),
    ],
)
def test_bad_train_numbers_are_refused_with_exact_messages(
    typed: str, code: str, message: str, params: dict[str, object]
) -> None:
    error = refusal(validate_train_no, typed)
    assert (error.field, error.code, error.message, rule_params(error)) == (
        "train_no",
        code,
        message,
        params,
    )
