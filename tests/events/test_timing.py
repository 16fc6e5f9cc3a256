"""Event time: the date governing an event, dates carried between mentions, time status."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.dates.periods import compatible, contains, period

PUB = dt.date(2016, 8, 10)  # a Wednesday


@pytest.fixture(scope="module")
def code():
    import newsgraph
    from newsgraph.settings import Settings

    settings = Settings(language_check=False)

    def run(text: str, date: dt.date | None = PUB, root: str | None = None):
        rec = newsgraph.process(text, date=date, settings=settings)
        evs = [e for e in rec.events if root is None or e.cameo.code.startswith(root)]
        assert evs, [(e.cameo.code, e.rule) for e in rec.events]
        return rec, evs

    return run


def test_periods():
    assert period("2015-11") == (dt.date(2015, 11, 1), dt.date(2015, 11, 30))
    assert period("2016/2019") == (dt.date(2016, 1, 1), dt.date(2019, 12, 31))
    assert period("2016-W32")[0].weekday() == 0
    assert period("soon") is None
    assert contains("2015", "2015-11") and not contains("2015-11", "2015")
    assert compatible("2015-11-24", "2015") and not compatible("2015-11", "2016-06")


def test_will_meet_is_future_not_new(code):
    _, evs = code("Turkey and Russia will meet in Moscow.", root="04")
    assert {e.time_status for e in evs if e.rule.startswith("verb")} == {"future"}


def test_met_on_tuesday_is_new_and_dated_that_day(code):
    _, evs = code("Putin met Erdogan on Tuesday.", root="04")
    e = evs[0]
    assert e.time_status == "new" and e.date == "2016-08-09" and e.date_source == "text"
    assert e.date_resolution == "day"


def test_since_with_perfect_is_ongoing_not_past(code):
    _, evs = code("Since 2014, Russia has supported the Syrian government.", root="05")
    e = evs[0]
    assert e.time_status == "ongoing" and "since" in e.time_reason.lower()
    assert e.date == PUB.isoformat()  # the start year is not the event's date


def test_stated_old_date_is_a_past_reference(code):
    _, evs = code("Ankara shot down a Russian jet in November 2015.", root="19")
    e = evs[0]
    assert (e.date, e.date_resolution, e.time_status) == ("2015-11", "month", "past")
    assert "before publication" in e.time_reason


def test_past_perfect_is_past(code):
    _, evs = code("Ankara had shot down a Russian jet.", root="19")
    assert evs[0].time_status == "past"


def test_undated_article_keeps_stated_dates_and_no_invented_ones(code):
    _, evs = code("Russia attacked Syrian rebels in March 2015.", date=None, root="19")
    assert evs[0].date == "2015-03" and evs[0].date_source == "text"
    _, evs = code("Russia attacked Syrian rebels.", date=None, root="19")
    assert evs[0].date is None and evs[0].date_source is None and evs[0].date_reason


def test_a_date_word_is_no_trigger_of_its_own_date(code):
    # "March" can be coded as a protest noun; the date still belongs to the attack.
    _, evs = code("Russia attacked Syrian rebels in March 2015.", root="19")
    assert evs[0].date == "2015-03"


# The seed article (published 2016-08-09): the acceptance cases of event time.

def _seed(rec, prefix):
    return [e for e in rec.events if e.cameo.code.startswith(prefix)]


def _countries(rec, ids):
    by_id = {a.id: a for a in rec.actors}
    return {by_id[i].country for i in ids}


def test_seed_downing_is_one_past_event_of_november_2015(seed_record):
    downing = [e for e in _seed(seed_record, "19")
               if _countries(seed_record, e.source) == {"TUR"}
               and _countries(seed_record, e.target) == {"RUS"}]
    reps = [e for e in downing if e.mention_of is None]
    assert len(reps) == 1
    rep = reps[0]
    assert rep.date == "2015-11" and rep.date_resolution == "month" and rep.time_status == "past"
    assert len(rep.mentions) == 3 and set(rep.mentions) == {e.id for e in downing}
    names = {a.id: a.name for a in seed_record.actors}
    assert all("Erdogan" not in names[i] for e in downing for i in e.source)
    # the mention that states no date carries the others' date
    carried = [e for e in downing if e.date_source == "coreference"]
    assert carried and all(e.date == "2015-11" and e.time_status == "past" for e in carried)


def test_seed_apology_late_june_and_visit_future(seed_record):
    apology = _seed(seed_record, "055")[0]
    assert apology.date == "2016-06" and apology.time_status == "past"
    visit = [e for e in _seed(seed_record, "042") if e.modality == "future"]
    assert visit and all(e.date == "2016-08-10" and e.time_status == "future" for e in visit)


def test_seed_no_counted_material_conflict_dated_on_publication(seed_record):
    assert not [e for e in seed_record.events
                if e.quad_class == 4 and e.counted and e.date.startswith("2016-08")]
