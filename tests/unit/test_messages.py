"""Error texts as codes and parameters: the English text comes from one template per code."""

from __future__ import annotations

import string
from datetime import datetime

import pytest

from models.db import Database
from models.errors import ValidationError
from models.messages import TEMPLATES, Message
from models.rules.identifiers import validate_container_number
from models.services.imports.importer import Options, import_file
from models.services.imports.problems import ImportFileError, ImportValueError, message_of
from models.services.imports.values import parse_count

HEADER = "waybill,commodity,origin_station,destination_station,departure_date,status,net_tonnes"


def test_a_message_is_its_english_template_filled_in():
    message = Message("check_digit.character", expected=3, got=4, value="CSQU3054384")
    assert str(message) == "check digit should be 3, not 4 (or another character is mistyped)"
    with pytest.raises(KeyError):
        Message("no.such.code")


def test_a_validation_error_names_its_code_and_params():
    with pytest.raises(ValidationError) as refused:
        validate_container_number("CSQU3054384")
    error = refused.value
    assert (error.code, error.key) == ("check_digit", "check_digit.character")
    assert error.detail() == Message(
        "check_digit.character", expected=3, got=4, value="CSQU3054384"
    )
    assert str(error.detail()) == error.message


def test_an_import_parser_error_is_a_value_error_with_a_code():
    with pytest.raises(ValueError, match="expected a whole number from 0 to 10,000") as refused:
        parse_count("-1", None)
    assert isinstance(refused.value, ImportValueError)
    assert message_of(refused.value) == Message("import.count")


def test_import_problems_carry_the_code_and_params_of_their_cause(db: Database):
    data = "\n".join(
        [
            HEADER,
            "WB-1,Wheat,Kostanaj,Qingtongxia,2025-01-05,planned,20",
            "WB-2,Wheat,Kostanay,Qingtongxia,2025-01-05,planned,-3",
        ]
    ).encode()
    with pytest.raises(ImportFileError) as refused:
        import_file(db, data, Options())
    problems = refused.value.problems
    assert [(p.row, p.code) for p in problems] == [
        (2, "import.unknown_name_suggest"),
        (3, "import.net_weight"),
    ]
    assert problems[0].params == {"what": "station", "suggestions": "Kostanay"}
    assert str(problems[0]) == (
        "row 2, column origin_station, value 'Kostanaj': unknown station; did you mean Kostanay?"
    )


def test_every_template_renders_from_params_of_the_kind_its_fields_expect():
    """A broken template would otherwise fail only when its error happens."""
    for code, template in TEMPLATES.items():
        params: dict[str, object] = {}
        for _text, name, spec, _conversion in string.Formatter().parse(template):
            if name:
                assert name.isidentifier(), code
                params[name] = datetime(2025, 1, 5, 9, 30) if "%" in (spec or "") else 1
        assert str(Message(code, **params)), code
