"""The cleaner never deletes story content: tables, lists, datelines and sign-offs at the
end of a story stay; only related-article link titles go, each with its reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.clean import clean_article
from newsgraph.model import RawArticle

_DATA = Path(__file__).parent / "data" / "story_endings.txt"
_LEAD = ("The city council met on Tuesday evening to discuss the budget for next year, "
         "officials said.")


def _cases() -> list[tuple[str, list[str], list[str]]]:
    cases: list[tuple[str, list[str], list[str]]] = []
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        if line.startswith("== "):
            cases.append((line[3:].strip(), [], []))
        elif line.startswith("+ "):
            cases[-1][1].append(line[2:])
        elif line.startswith("- "):
            cases[-1][2].append(line[2:])
    return cases


CASES = _cases()


def test_the_corpus_has_thirty_endings():
    assert len(CASES) == 30
    assert sum(1 for _, _, links in CASES if links) >= 4


@pytest.mark.parametrize("name,body,links", CASES, ids=[c[0] for c in CASES])
def test_no_body_line_is_removed(name, body, links):
    text = "\n\n".join(["Council weighs budget", _LEAD, *body, *links])
    c = clean_article(RawArticle(text=text, title="Council weighs budget"))
    kept = c.text.split("\n\n")
    removed = {r.text: r.reason for r in c.removed}
    for line in body:
        assert line in kept, f"{name}: body line removed ({removed.get(line)}): {line!r}"
    for line in links:
        assert line not in kept and removed.get(line) == "related-article link title", line
    assert all(r.reason for r in c.removed)


@pytest.mark.parametrize("intro,items", [
    ("Members of the new cabinet:",
     ["Prime Minister Jane Doe", "Foreign Minister John Roe", "Finance Minister Ali Veli"]),
    ("The winners were:", ["Best Picture Moonlight", "Best Actor Casey Affleck"]),
])
def test_a_list_a_colon_line_introduces_is_kept(intro, items):
    text = "\n\n".join(["Council weighs budget", _LEAD, intro, *items])
    c = clean_article(RawArticle(text=text, title="Council weighs budget"))
    kept = c.text.split("\n\n")
    assert all(item in kept for item in items), [r.text for r in c.removed]
