"""UTF-16 and UTF-32 text (with or without a byte-order mark) is read, not refused as binary."""

from __future__ import annotations

import pytest

from newsgraph.errors import BinaryInput
from newsgraph.model import RawArticle
from newsgraph.sources import Failure, read_inputs
from newsgraph.sources.decode import decode_bytes
from newsgraph.sources.fetch import page_article

TEXT = "Turkey and Russia met in Moscow on Tuesday. Ça va — «oui», said the minister."
HTML = ("<html><head><title>Ankara and Moscow</title></head><body><article><p>"
        + TEXT * 3 + "</p></article></body></html>")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32",
                                      "utf-32-le", "utf-32-be"])
def test_wide_text_files_are_read_with_a_warning(tmp_path, encoding):
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.encode(encoding))
    (item,) = read_inputs([str(path)])
    assert isinstance(item, RawArticle), item
    assert item.text.strip() == TEXT
    assert any(w.startswith("W002") and "UTF-" in w for w in item.warnings)


def test_a_utf16_html_file_and_page_keep_their_text(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(HTML.encode("utf-16"))
    (item,) = read_inputs([str(path)])
    assert isinstance(item, RawArticle) and "Turkey and Russia met" in item.text
    page = page_article(HTML.encode("utf-16"), "https://example.com/a")
    assert "Turkey and Russia met" in page.text and page.title == "Ankara and Moscow"


def test_utf8_stays_silent_and_binary_is_still_refused(tmp_path):
    assert decode_bytes(TEXT.encode("utf-8")) == (TEXT, None)
    assert decode_bytes(b"\xef\xbb\xbf" + TEXT.encode()) == (TEXT, None)
    with pytest.raises(BinaryInput):
        decode_bytes(bytes(range(256)) * 40)
    with pytest.raises(BinaryInput):  # UTF-16 decodes, but to control characters
        decode_bytes(b"\xff\xfe" + b"\x01\x00\x02\x00\x03\x00" * 100)
    path = tmp_path / "blob.txt"
    path.write_bytes(b"\x00\x01\x02garbage" * 200)
    (item,) = read_inputs([str(path)])
    assert isinstance(item, Failure) and item.code == "E002"
