"""The shipped ontology: PLOVER types, CAMEO↔PLOVER mapping, Goldstein/QuadClass conventions."""

from __future__ import annotations

import pytest

from detente.events.lexicon import load_ontology
from detente.records import PLOVER_TYPES


def test_plover_types_and_modes() -> None:
    onto = load_ontology()
    assert set(onto.plover) == set(PLOVER_TYPES)
    assert {"visit", "host", "third-party", "multilateral", "phone"} <= set(onto.modes("CONSULT"))
    assert {"demonstrate", "strike", "hunger"} <= set(onto.modes("PROTEST"))
    assert "aerial" in onto.modes("ASSAULT")


def test_every_mode_belongs_to_its_type() -> None:
    onto = load_ontology()
    for code in onto.cameo.values():
        if code.mode is not None:
            assert code.plover is not None
            assert code.mode in onto.modes(code.plover), code


@pytest.mark.parametrize(("code", "plover", "mode"), [
    ("010", None, None),  # statements are not PLOVER events
    ("020", "REQUEST", None),
    ("036", "AGREE", "meet"),
    ("041", "CONSULT", "phone"),
    ("042", "CONSULT", "visit"),
    ("043", "CONSULT", "host"),
    ("057", "SUPPORT", "sign"),
    ("0871", "CONCEDE", "ceasefire"),
    ("0874", "RETREAT", "withdraw"),
    ("090", "ACCUSE", "investigate"),
    ("1041", "REQUEST", "demand"),
    ("112", "ACCUSE", "allege"),
    ("125", "REJECT", "meet"),
    ("142", "PROTEST", "hunger"),
    ("163", "SANCTION", "sanctions"),
    ("154", "MOBILIZE", "military"),
    ("173", "COERCE", "arrest"),
    ("195", "ASSAULT", "aerial"),
])
def test_cameo_to_plover(code: str, plover: str | None, mode: str | None) -> None:
    c = load_ontology().code(code)
    assert (c.plover, c.mode) == (plover, mode)


def test_goldstein_convention_is_cameo_icews() -> None:
    onto = load_ontology()
    assert onto.code("016").goldstein == -5.0  # GDELT -2.0, Phoenix +3.4 (sign error)
    assert onto.code("163").goldstein == -8.0  # Phoenix -6.5
    assert onto.code("164").goldstein == -6.5  # GDELT has 164/165 swapped
    assert onto.code("176").goldstein == onto.code("17").goldstein  # extension: parent's score
    assert "ICEWS" in onto.conventions["goldstein"]


def test_quadclass_is_gdelt_grouping() -> None:
    onto = load_ontology()
    assert onto.code("090").quad_class == 2  # GDELT: INVESTIGATE is material cooperation
    assert onto.code("141").quad_class == 3  # GDELT: PROTEST is verbal conflict
    assert onto.code("163").quad_class == 4
    assert onto.code("042").quad_class == 1
    assert {c.quad_class for c in onto.cameo.values()} == {1, 2, 3, 4}
