"""Shared pieces of the exporters: date windows, TSV lines, FIPS codes, GDELT time stamps."""

from __future__ import annotations

import csv
import datetime as dt
import functools
from importlib import resources

from ..isodate import date_window
from .registry import ExportOptions


def window(column: str, options: ExportOptions) -> str:
    """SQL condition for the options' day window on ``column``."""
    return date_window(column, options.start, options.end)


def event_filter(options: ExportOptions, alias: str = "m") -> str:
    """SQL condition on merged events for an event file: counted (unless ``all_events``) and,
    unless ``include_past``, not a reference to an earlier event."""
    parts = [] if options.all_events else [f"{alias}.counted"]
    if not options.include_past:
        parts.append(f"{alias}.time_status <> 'past'")
    return " AND ".join(parts) or "TRUE"


def tsv_line(values: list[object]) -> str:
    """One tab-separated line; tabs and newlines inside values become spaces."""
    out = []
    for v in values:
        if v is None:
            out.append("")
        elif isinstance(v, bool):
            out.append("1" if v else "0")
        elif isinstance(v, float):
            out.append(f"{v:g}" if v == v else "")
        else:
            out.append(str(v).replace("\t", " ").replace("\r", " ").replace("\n", " "))
    return "\t".join(out) + "\n"


def gdelt_int_id(hex_id: str) -> int:
    """A positive 52-bit integer from a hex content hash (GDELT ids are integers).

    Below 2**53, so JavaScript, Excel and float columns hold it exactly.
    """
    return int(hex_id[:13], 16)


def yyyymmdd(day: dt.date | None) -> str:
    return day.strftime("%Y%m%d") if day else ""


def stamp(day: dt.date | None) -> str:
    """GDELT YYYYMMDDHHMMSS; newsgraph knows days, so the time is 000000."""
    return day.strftime("%Y%m%d000000") if day else ""


def fraction_date(day: dt.date) -> str:
    """GDELT's YYYY.FFFF approximation: year + (month * 30 + day) / 365."""
    return f"{day.year + (day.month * 30 + day.day) / 365:.4f}"


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, str]]:
    """ISO alpha-3 -> {fips, name, lat, lon} from the shipped data files."""
    data = resources.files("newsgraph") / "data"
    out: dict[str, dict[str, str]] = {}
    with (data / "fips_countries.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            out[row["iso3"]] = {"fips": row["fips"], "name": row["name"], "lat": "", "lon": ""}
    centroids = data / "places_countries.tsv"
    if centroids.is_file():  # written by the places extractor's build script
        with centroids.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                if row.get("iso3") in out:
                    out[row["iso3"]].update(lat=row.get("lat", ""), lon=row.get("lon", ""))
    return out


@functools.lru_cache(maxsize=1)
def _admin1_table() -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], str]]:
    """The gazetteer's (GeoNames) first-level divisions: (ISO alpha-3, lower-case name) ->
    code, and (ISO alpha-3, code) -> name."""
    data = resources.files("newsgraph") / "data"
    iso3 = {}
    with (data / "fips_countries.tsv").open(encoding="utf-8") as fh:
        iso3 = {row["iso2"]: row["iso3"] for row in csv.DictReader(fh, delimiter="\t")}
    codes: dict[tuple[str, str], str] = {}
    names: dict[tuple[str, str], str] = {}
    with (data / "places_admin1.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["cc"] in iso3:
                codes.setdefault((iso3[row["cc"]], row["name"].lower()), row["code"])
                names.setdefault((iso3[row["cc"]], row["code"]), row["name"])
    return codes, names


def _admin1() -> dict[tuple[str, str], str]:
    return _admin1_table()[0]


def _is_code(admin1: str) -> bool:
    return admin1.isdigit() or (len(admin1) <= 3 and admin1.isupper())


def admin1_name(iso3: str | None, admin1: str | None) -> str:
    """The division's name ('Istanbul' for TUR '34'); ``admin1`` may be a name or a code."""
    if not iso3 or not admin1:
        return ""
    if _is_code(admin1):
        return _admin1_table()[1].get((iso3, admin1), "")
    return admin1


def admin1_code(iso3: str | None, admin1: str | None) -> str:
    """The admin1 code GDELT appends to the FIPS country code ('AZ' for Arizona, '34' for
    Istanbul); '' when unknown. ``admin1`` may be a name or already a code."""
    if not iso3 or not admin1:
        return ""
    code = _admin1().get((iso3, admin1.lower()))
    if code:
        return code
    return admin1 if _is_code(admin1) else ""


def fips(iso3: str | None) -> str:
    """FIPS 10-4 code of an ISO alpha-3 country ('' when not a country, e.g. IGO)."""
    return _countries().get(iso3 or "", {}).get("fips", "")


def country_name(iso3: str | None) -> str:
    """The country's name ('' when not a country, e.g. IGO)."""
    return _countries().get(iso3 or "", {}).get("name", "")


def is_country(code: str | None) -> bool:
    return bool(code) and code in _countries()


def country_geo(iso3: str | None) -> list[object]:
    """GDELT's 8 geo fields for a country-level location (type 1), or 8 blanks."""
    c = _countries().get(iso3 or "")
    if not c:
        return [0, "", "", "", "", "", "", ""]
    return [1, c["name"], c["fips"], c["fips"], "", c["lat"], c["lon"], c["fips"]]


_NO_GDELT_TYPE = {"continent", "region", "border"}  # features of places/ with no GDELT type


def place_geo(country: str | None, name: str | None, admin1: str | None, feature: str | None,
              lat: float | None, lon: float | None, geonameid: int | None) -> list[object]:
    """GDELT's 8 geo fields for a resolved place (Type, FullName, CountryCode, ADM1Code,
    ADM2Code, Lat, Long, FeatureID). FullName is 'State, Country' for a first-level
    division and 'City/Landmark, State, Country' otherwise, as the codebook describes; a
    continent or region outside any country has no GDELT type and stays blank."""
    if (not name and not country) or (not country and feature in _NO_GDELT_TYPE):
        return [0, "", "", "", "", "", "", ""]
    if feature == "country" or not name:
        geo = country_geo(country)
        return geo if geo[0] else [1, name or "", "", "", "", lat, lon, ""]
    code = fips(country)
    us = country == "USA"
    kind = (2 if us else 5) if feature == "admin1" else (3 if us else 4)
    country_name = _countries().get(country or "", {}).get("name", "")
    state = "" if feature == "admin1" else admin1_name(country, admin1)
    parts = [name] + [p for p in (state, country_name) if p and p != name]
    full = ", ".join(dict.fromkeys(parts))
    adm1 = f"{code}{admin1_code(country, admin1)}" if code else ""
    return [kind, full, code, adm1, "", lat, lon, geonameid if geonameid is not None else ""]


@functools.lru_cache(maxsize=1)
def _iso639() -> dict[str, str]:
    """ISO 639-1 -> ISO 639-2 (terminology) codes (data/iso639.tsv)."""
    data = resources.files("newsgraph") / "data"
    with (data / "iso639.tsv").open(encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        return {row["iso639_1"]: row["iso639_2"] for row in rows}


def iso639_2(language: str | None) -> str:
    """The three-letter ISO 639-2 code GDELT's SRCLC takes ('fra' for 'fr'); a three-letter
    code the detector gives ('pcm') is kept; '' for none."""
    if not language:
        return ""
    return _iso639().get(language, language if len(language) == 3 else "")


def translation_info(language: str | None) -> str:
    """GDELT's TranslationInfo: empty for English, else ``srclc:`` and the ISO 639-2 code."""
    code = iso639_2(language)
    return "" if language in (None, "en") or not code else f"srclc:{code}"
