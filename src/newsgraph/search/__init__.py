"""Full-text search over the store: a SQLite FTS5 index kept beside the DuckDB file.

``SearchIndex(store_path)`` opens (or creates) ``<store>.search.sqlite``; ``sync`` adds the
articles the store has and the index lacks; ``search`` runs an analyst's query (words ANDed,
"quoted phrases", ``prefix*``) with accent and case folding, bm25 ranking and highlighted
snippets over articles, events, quotes and actors.
"""

from .index import KINDS, Hit, SearchIndex, index_path
from .query import fts_query
from .service import LiveIndex, index_store

__all__ = ["KINDS", "Hit", "LiveIndex", "SearchIndex", "fts_query", "index_path", "index_store"]
