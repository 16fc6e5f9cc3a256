"""Readers meet text, HTML, JSON lines, gzip, directories and bad input."""

from __future__ import annotations

import gzip
import json

from newsgraph.errors import BadJsonLine, BinaryInput, EmptyInput, InputTooLarge
from newsgraph.model import RawArticle
from newsgraph.sources import Failure, read_inputs

HTML = """<!DOCTYPE html><html><head><title>Ankara and Moscow agree on pipeline | Site</title>
<meta property="article:published_time" content="2016-10-10T12:00:00Z">
<meta name="author" content="Jane Roe"></head><body><nav>Home | World | Sport</nav>
<article><h1>Ankara and Moscow agree on pipeline</h1>
<p>Turkey and Russia signed an agreement on the Turkish Stream gas pipeline in Istanbul on Monday,
the clearest sign yet that relations between the two countries have recovered.</p>
<p>President Vladimir Putin and President Recep Tayyip Erdogan attended the signing ceremony at
the World Energy Congress, officials said. The deal covers two lines under the Black Sea.</p>
</article><footer>Copyright 2016 Example News. All rights reserved.</footer></body></html>"""


def _read(*paths, **kw):
    return list(read_inputs([str(p) for p in paths], **kw))


def test_text_file(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Title line\n\nTurkey and Russia met.", encoding="utf-8")
    (item,) = _read(p)
    assert isinstance(item, RawArticle) and "Turkey and Russia met." in item.text


def test_html_file_main_text_and_metadata(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(HTML, encoding="utf-8")
    (item,) = _read(p)
    assert "Turkish Stream gas pipeline" in item.text
    assert "Home | World" not in item.text
    assert item.published == "2016-10-10"
    assert item.title and "pipeline" in item.title


def test_jsonl_with_broken_line_keeps_the_rest(tmp_path):
    p = tmp_path / "a.jsonl"
    good = {"id": "x1", "text": "Turkey met Russia.", "published": "2016-08-09", "title": "T"}
    p.write_text(json.dumps(good) + "\n{broken\n" + json.dumps({"html": HTML}) + "\n[1,2]\n",
                 encoding="utf-8")
    items = _read(p)
    assert [type(i).__name__ for i in items] == ["RawArticle", "Failure", "RawArticle", "Failure"]
    assert items[0].id == "x1" and items[0].published == "2016-08-09"
    assert isinstance(items[1].error, BadJsonLine) and items[1].source.endswith(":2")
    assert "Turkish Stream" in items[2].text


def test_gzip_and_directory_recursion_and_sidecar(tmp_path):
    sub = tmp_path / "d" / "e"
    sub.mkdir(parents=True)
    with gzip.open(sub / "b.txt.gz", "wt", encoding="utf-8") as fh:
        fh.write("Gzipped story about Ankara.")
    (tmp_path / "d" / "c.txt").write_text("Plain story.", encoding="utf-8")
    (tmp_path / "d" / "c.meta.json").write_text('{"published": "2016-08-09", "url": "http://x.org/c"}')
    (tmp_path / "d" / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    (tmp_path / "d" / "README.md").write_text("# About these files", encoding="utf-8")
    items = _read(tmp_path / "d")
    assert len(items) == 2  # the sidecar, the PNG and the README are not inputs
    by_text = {i.text: i for i in items}
    assert by_text["Plain story."].published == "2016-08-09"
    assert by_text["Plain story."].url == "http://x.org/c"
    assert "Gzipped story about Ankara." in by_text


def test_non_utf8_is_decoded_with_a_warning(tmp_path):
    p = tmp_path / "latin.txt"
    text = ("The minister said the café owners’ protest was “a naïve façade” and that the "
            "régime’s envoy would visit Zürich and São Paulo next week. " * 5)
    p.write_bytes(text.encode("cp1252"))
    (item,) = _read(p)
    assert isinstance(item, RawArticle)
    assert item.text == text
    assert any(w.startswith("W002") for w in item.warnings)


def test_bad_files_fail_alone(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "ok.txt").write_text("A fine story.", encoding="utf-8")
    items = _read(tmp_path)
    errors = {type(i.error) for i in items if isinstance(i, Failure)}
    assert errors == {EmptyInput, BinaryInput}
    assert [i.text for i in items if isinstance(i, RawArticle)] == ["A fine story."]


def test_too_large_file_is_refused_without_reading_it(tmp_path):
    p = tmp_path / "big.txt"
    with p.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    (item,) = _read(p)
    assert isinstance(item, Failure) and isinstance(item.error, InputTooLarge)
    assert "E003" in str(item.error)


def test_missing_path_is_a_failure(tmp_path):
    (item,) = _read(tmp_path / "nope.txt")
    assert isinstance(item, Failure) and item.code == "E006"


def test_only_http_urls_are_fetched():
    import pytest

    from newsgraph.errors import FetchError
    from newsgraph.sources.fetch import client, fetch_bytes

    with client() as http, pytest.raises(FetchError, match="only http and https"):
        fetch_bytes(http, "file:///etc/passwd", max_bytes=1000)
