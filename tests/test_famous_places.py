"""Famous conflict places against small namesakes: a report about Syria that names Palmyra
means Tadmur, not one of the US towns called Palmyra (sentences written for these tests,
none of them a training example of the ranker)."""

from __future__ import annotations

import geomentions as gm
from geomentions import features
from geomentions.extraction import prepare
from geomentions.gazetteer import Gazetteer

TADMUR = "geonames:163808"
PALMYRA_MISSOURI = "geonames:4402381"
MASON_OHIO = "geonames:4517698"  # "Palmyra" is one of its old names
MEXICO_CITY = "geonames:3530597"


def _row(text: str, name: str, place_id: str) -> dict[str, float]:
    """The ranker's feature row of one candidate of a name in a text."""
    prep = prepare(text, Gazetteer.default())
    i = next(k for k, r in enumerate(prep.readings) if r.span.text == name)
    pool = prep.pools[i]
    ids = [m.info["place_id"] for m in pool]
    x = features.candidate_matrix(prep.context, i, pool, prep.admitted[i], prep.wanted[i])
    return dict(zip(features.NAMES, x[ids.index(place_id)].tolist(), strict=True))


def test_a_demonym_is_its_people_not_its_country_named() -> None:
    # "Syrian" says the report is about Syrians; it does not name Syria. Counted as the
    # country named too, the ranker's weight against that column cancelled the demonym.
    row = _row("Syrian soldiers patrolled Palmyra at dawn.", "Palmyra", TADMUR)
    assert row["demonym"] == 1.0
    assert row["country_named"] == 0.0
    # A country's own name still is one.
    row = _row("Soldiers patrolled Palmyra, in central Syria, at dawn.", "Palmyra", TADMUR)
    assert row["country_named"] == 1.0


def test_a_report_about_syrian_forces_puts_palmyra_in_syria() -> None:
    doc = gm.extract("Syrian tanks rolled back into Palmyra after a week of air raids.")
    palmyra = next(m for m in doc.mentions if m.text == "Palmyra")
    assert palmyra.place is not None, palmyra.candidates[:3]
    assert palmyra.place.place_id == TADMUR


def test_a_us_report_keeps_its_palmyra() -> None:
    # The guard on the other side (it held before too): the state beside the name decides.
    doc = gm.extract("The Palmyra, Missouri school board voted to repave the bus lot.")
    palmyra = next(m for m in doc.mentions if m.text == "Palmyra")
    assert palmyra.place is not None and palmyra.place.place_id == PALMYRA_MISSOURI


def test_an_exonym_shared_by_many_languages_is_told_from_a_stray_old_name() -> None:
    text = "Shells fell on Palmyra."
    tadmur = _row(text, "Palmyra", TADMUR)
    mason = _row(text, "Palmyra", MASON_OHIO)
    town = _row(text, "Palmyra", PALMYRA_MISSOURI)
    assert tadmur["own_name"] == mason["own_name"] == 0.0
    # Palmyre, Palmýra, Пальмира...: Tadmur carries the name in seven spellings, Mason once.
    assert tadmur["alias_share"] > 2 * mason["alias_share"] > 0
    assert town["own_name"] == 1.0 and town["alias_share"] == 0.0


def test_a_country_name_is_no_exonym_of_its_capital() -> None:
    # Spanish and other languages call Mexico City "Mexico"; in English text the word is the
    # country's own name first.
    row = _row("Talks resumed in Mexico on Monday.", "Mexico", MEXICO_CITY)
    assert row["alias_share"] == 0.0


def test_palmyra_looked_up_alone_is_the_syrian_city() -> None:
    # The famous place by its English name, against a dozen US towns of a few thousand people
    # (it was ranked below Palmyra, Missouri); a country hint still decides.
    assert gm.resolve("Palmyra")[0].place_id == TADMUR
    assert gm.resolve("Palmyra", country="US")[0].country_code == "US"


def test_a_report_of_an_air_raid_on_palmyra_needs_no_country_named() -> None:
    doc = gm.extract("Two jets hit targets close to Palmyra before dawn.")
    palmyra = next(m for m in doc.mentions if m.text == "Palmyra")
    assert palmyra.candidates[0].place_id == TADMUR
