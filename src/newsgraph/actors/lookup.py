"""What the knowledge base knows about a name (``newsgraph actors lookup NAME --date D``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..settings import Settings
from .kb import get_kb


def lookup(name: str, date: dt.date | None, settings: Settings) -> list[dict[str, Any]]:
    """Every KB record the name matches, with the role valid on ``date`` (or the latest)."""
    kb = get_kb(settings)
    out: list[dict[str, Any]] = []
    for tag, ref in kb.lookup(name):
        if tag == "entry":
            entry = kb.entry(ref)
            role, exact = entry.role_on(date)
            out.append({
                "kb_id": entry.id, "name": entry.name, "kind": entry.kind,
                "country": role.country if role else None,
                "sector": role.sector if role else None,
                "role": role.title if role else None, "role_exact": exact,
                "aliases": entry.aliases[:20],
                "roles": [{"country": r.country, "sector": r.sector, "title": r.title,
                           "from": r.start.isoformat() if r.start else None,
                           "to": r.end.isoformat() if r.end else None} for r in entry.roles],
                "source": entry.source,
            })
        else:
            st = kb.states[ref]
            out.append({
                "kb_id": f"state:{ref}" + (":GOV" if tag == "capital" else ""),
                "name": st.name, "kind": "state", "country": ref,
                "sector": "GOV" if tag == "capital" else None,
                "role": {"capital": "capital (stands for the government)",
                         "city": "city of the state", "state": "state name or adjective"}[tag],
                "role_exact": True, "aliases": st.aliases[:20], "roles": [], "source": "states",
            })
    return out
