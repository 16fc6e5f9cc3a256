"""Users' own dictionaries: a fictional state and its king resolve from a CSV."""

from __future__ import annotations

import pytest

from newsgraph.actors.userfile import read_user_file
from newsgraph.errors import DataFileError
from newsgraph.settings import Settings

ARNOR = """# fictional
name,aliases,country,sector,kind,valid_from,valid_to,role,demonyms,capitals
Arnor,Kingdom of Arnor,ARN,,state,,,,Arnorian,Annuminas
Elessar,King Elessar|Aragorn,ARN,REB,person,2900-01-01,3018-12-31,ranger,,
Elessar,,ARN,GOV,person,3019-03-25,,king,,
"""
TEXT = ("King Elessar of Arnor met envoys from Gondor. Arnorian troops crossed the river. "
        "Officials in Annuminas said Elessar would return soon.")


@pytest.fixture()
def arnor_settings(tmp_path):
    path = tmp_path / "arnor.csv"
    path.write_text(ARNOR, encoding="utf-8")
    return Settings(actors_files=(str(path),))


def test_user_state_and_king(resolve, arnor_settings, actor_at):
    import datetime as dt

    rec, _ = resolve(TEXT, dt.date(3020, 1, 1), arnor_settings)
    king = actor_at(rec, TEXT, "King Elessar")
    assert (king.country, king.sector, king.role) == ("ARN", "GOV", "king")
    assert actor_at(rec, TEXT, "Elessar", 1) is king
    troops = actor_at(rec, TEXT, "Arnorian troops")
    assert (troops.country, troops.sector) == ("ARN", "MIL")


def test_user_roles_follow_the_date(resolve, arnor_settings, actor_at):
    import datetime as dt

    rec, _ = resolve(TEXT, dt.date(3000, 1, 1), arnor_settings)
    assert actor_at(rec, TEXT, "King Elessar").sector == "REB"


def test_without_the_file_arnor_is_unknown(resolve):
    rec, _ = resolve(TEXT)
    assert all(a.country != "ARN" for a in rec.actors)


def test_bad_rows_raise_coded_errors(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("name,kind,valid_from\nX,person,not-a-date\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="E030"):
        read_user_file(bad)
    bad.write_text("name,kind\nX,planet\n", encoding="utf-8")
    with pytest.raises(DataFileError):
        read_user_file(bad)


def test_yaml_format(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("- name: Ada\n  aliases: [Lady Ada]\n  country: GBR\n  sector: EDU\n",
                    encoding="utf-8")
    (ada,) = read_user_file(path)
    assert ada.aliases == ["Lady Ada"] and ada.roles[0].country == "GBR"
