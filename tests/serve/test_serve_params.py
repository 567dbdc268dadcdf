"""Parameter parsing shared by the REST API and the dashboard (pure functions, no server)."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.serve.params import (
    MAX_LIMIT,
    ParamError,
    parse_date,
    parse_dyad,
    parse_interval,
    parse_lang,
    parse_limit,
    parse_offset,
    parse_range,
    parse_types,
)


@pytest.mark.parametrize(("raw", "want"), [("USA-CHN", "USA-CHN"), (" usa-chn ", "USA-CHN"), ("EU-RUS", "EU-RUS"), ("chn-igoseaasn", "CHN-IGOSEAASN"),
                                           ("", None), (None, None)])
def test_dyads_are_normalised(raw: str | None, want: str | None) -> None:
    assert parse_dyad(raw) == want


@pytest.mark.parametrize("raw", ["USA-", "-CHN", "USA", "USA-CHN-RUS", "U$A-CHN", "USA CHN", "A-B", "---CVL-PHL"])
def test_bad_dyads_name_the_parameter(raw: str) -> None:
    with pytest.raises(ParamError) as exc:
        parse_dyad(raw)
    assert exc.value.issues[0].param == "dyad"
    assert exc.value.issues[0].value == raw


def test_partial_dates_cover_the_whole_period() -> None:
    assert parse_date("2023-06-18", "since") == dt.date(2023, 6, 18)
    assert parse_date("2023-06", "since") == dt.date(2023, 6, 1)
    assert parse_date("2023-06", "until", end=True) == dt.date(2023, 6, 30)
    assert parse_date("2024-02", "until", end=True) == dt.date(2024, 2, 29)
    assert parse_date("2023", "since") == dt.date(2023, 1, 1)
    assert parse_date("2023", "until", end=True) == dt.date(2023, 12, 31)


@pytest.mark.parametrize("raw", ["2023-13-01", "2023-02-30", "yesterday", "18/06/2023", "2023-6-1", "2023-00"])
def test_bad_dates_are_rejected(raw: str) -> None:
    with pytest.raises(ParamError):
        parse_date(raw, "since")


def test_reversed_range_and_both_errors_are_reported() -> None:
    with pytest.raises(ParamError) as exc:
        parse_range("2024-01-01", "2023-01-01")
    assert [i.param for i in exc.value.issues] == ["until"]
    with pytest.raises(ParamError) as exc:
        parse_range("bad", "worse")
    assert [i.param for i in exc.value.issues] == ["since", "until"]
    assert parse_range("2023", "2023") == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))


def test_types_repeat_and_comma_separate() -> None:
    assert parse_types(["consult", "ACCUSE,SANCTION", "consult"]) == ["CONSULT", "ACCUSE", "SANCTION"]
    assert parse_types([]) is None
    assert parse_types(None) is None
    with pytest.raises(ParamError) as exc:
        parse_types(["CONSULT", "MEET"])
    assert exc.value.issues[0].value == "MEET"


def test_interval_limit_offset_lang() -> None:
    assert parse_interval(None) == "month"
    assert parse_interval("WEEK") == "week"
    with pytest.raises(ParamError):
        parse_interval("year")
    assert parse_limit(None, default=7) == 7
    assert parse_limit(MAX_LIMIT) == MAX_LIMIT
    for bad in (0, -1, MAX_LIMIT + 1):
        with pytest.raises(ParamError):
            parse_limit(bad)
    assert parse_offset(None) == 0
    with pytest.raises(ParamError):
        parse_offset(-5)
    assert parse_lang("VI") == "vi"
    with pytest.raises(ParamError):
        parse_lang("de")
