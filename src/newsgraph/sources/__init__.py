"""Readers for text, HTML, JSON lines, gzip, WARC, directories and stdin."""

from .items import Failure, Item
from .readers import read_file, read_inputs, read_jsonl

__all__ = ["Failure", "Item", "read_file", "read_inputs", "read_jsonl"]
