"""The compact gazetteer index: packing, lookups, the cache file."""

from __future__ import annotations

from newsgraph.places.index import Entry, Index, pack


def _tiny() -> bytes:
    entries = [
        Entry("Paris", "city", "FRA", "Ile-de-France", 48.85, 2.35, 2_138_551, 2988507, True),
        Entry("Paris", "city", "USA", "Texas", 33.66, -95.56, 24_171, 4717560),
        Entry("Lutetia", "region", None, None, 48.8, 2.3),
        Entry("São Tomé", "city", "STP", None, 0.34, 6.73, 53_300, 2410763, True),
    ]
    names = {"paris": [0, 1], "lutetia": [2], "sao tome": [3]}
    aliases = {"paname": [0], "paris": [2], "lutece": [2]}
    return pack(entries, names, aliases, {"parisian": 0}, {"FRA": 0}, {"facility_names": []})


def test_lookup_returns_own_names_first_with_their_flag():
    idx = Index(_tiny())
    got = idx.lookup("paris")
    assert [(e.country, own) for e, own in got] == [("FRA", True), ("USA", True), (None, False)]
    paris = got[0][0]
    assert paris.capital and paris.geonameid == 2988507 and paris.admin1 == "Ile-de-France"
    assert got[2][0].geonameid is None and got[2][0].country is None


def test_alias_only_and_unknown_keys():
    idx = Index(_tiny())
    assert [(e.name, own) for e, own in idx.lookup("paname")] == [("Paris", False)]
    assert idx.lookup("london") == ()
    assert idx.entry(3).name == "São Tomé"  # UTF-8 names survive the blob
    assert idx.demonyms == {"parisian": 0} and idx.by_iso3 == {"FRA": 0}


def test_many_keys_survive_hash_collisions():
    entries = [Entry(f"Town {i}", "city", "USA", None, 0.0, float(i % 180)) for i in range(3000)]
    names = {f"town {i}": [i] for i in range(3000)}
    idx = Index(pack(entries, names, {}, {}, {}, {}))
    assert all(idx.lookup(f"town {i}")[0][0].name == f"Town {i}" for i in range(0, 3000, 7))
    assert idx.lookup("town 3000") == ()


def test_open_maps_the_file(tmp_path):
    path = tmp_path / "g.idx"
    path.write_bytes(_tiny())
    idx = Index.open(path)
    assert idx.size == 4 and idx.lookup("sao tome")[0][0].country == "STP"


def test_rejects_foreign_files():
    import pytest

    with pytest.raises(ValueError):
        Index(b"\x00" * 64)
