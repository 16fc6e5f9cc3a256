"""Reader for PETRARCH discard lists (sentences and stories that are not coded).

One phrase a line; ``+PHRASE`` discards the whole story, a bare phrase the sentence.
Words may be joined by ``_`` or blanks; a phrase ending in ``_`` must end at a word
boundary, otherwise it is a stem ("BASEBALL" also matches "baseballs"). Matching ignores
case. (Actor and agent dictionaries are read by the actors extractor: ``actors_files``.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataFileError


@dataclass
class Discards:
    sentence: list[tuple[re.Pattern[str], str]] = field(default_factory=list)  # (regex, "file:line")
    story: list[tuple[re.Pattern[str], str]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.sentence or self.story)

    @staticmethod
    def _hit(rules: list[tuple[re.Pattern[str], str]], text: str) -> str | None:
        for rx, where in rules:
            if rx.search(text):
                return where
        return None

    def story_hit(self, text: str) -> str | None:
        return self._hit(self.story, text)

    def sentence_hit(self, text: str) -> str | None:
        return self._hit(self.sentence, text)


def parse_discards(text: str, name: str, into: Discards | None = None) -> Discards:
    out = into if into is not None else Discards()
    for n, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("<!"):
            continue
        story = line.startswith("+")
        phrase = line.lstrip("+").strip()
        if not phrase or "[" in phrase:
            raise DataFileError(f"{name}:{n}: expected a discard phrase, got {raw.strip()!r}")
        exact = phrase.endswith("_")
        words = [w for w in re.split(r"[_\s]+", phrase) if w]
        body = r"\s+".join(re.escape(w) for w in words)
        rx = re.compile(r"(?<!\w)" + body + (r"(?!\w)" if exact else ""), re.IGNORECASE)
        (out.story if story else out.sentence).append((rx, f"{name}:{n}"))
    return out


def load_discards(paths: tuple[str, ...]) -> Discards:
    out = Discards()
    for path in paths:
        try:
            text = Path(path).read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            raise DataFileError(f"cannot read discard dictionary {path}: {exc}") from exc
        parse_discards(text, path, out)
    return out
