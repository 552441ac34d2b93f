import pytest

from website.admin_exports import neutralise_formula


@pytest.mark.parametrize(
    "typed",
    ["=cmd|' /C calc'!A0", '=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"],
)
def test_values_a_spreadsheet_would_run_are_kept_as_text(typed):
    assert neutralise_formula(typed) == f"'{typed}"


@pytest.mark.parametrize("typed", ["Unite the Union", "a=b", "", "O'Brien", 42, None])
def test_ordinary_values_are_left_alone(typed):
    assert neutralise_formula(typed) == typed
