"""Erasure reaches the sessions too: a social worker's session keeps their last workspace search.

The search term stays out of URLs (and so out of logs) by living in the session; when a dossier is
erased, a term that found this person (a word of the first or last name, as the list's search matches)
is removed from the live sessions of the organisation's members, so that nothing of the person stays
in ``django_session``. Expired sessions go with ``purge_expired``.
"""

from __future__ import annotations

from importlib import import_module

from django.conf import settings
from django.contrib.sessions.models import Session
from django.utils import timezone

SEARCH_SESSION_KEY = "dossiers_search"


def term_finds(term: str, *names: str) -> bool:
    words = [word.casefold() for word in term.split()]
    folded = [name.casefold() for name in names if name]
    return bool(words) and all(any(word in name for name in folded) for word in words)


def forget_searches_for(organisation_id: int, first_name: str, last_name: str) -> int:
    """Remove from live sessions of the organisation's members a search term that finds this name."""
    if not settings.SESSION_ENGINE.endswith(("backends.db", "backends.cached_db")):
        return 0
    from .models import Membership

    member_ids = {str(pk) for pk in Membership.objects.filter(organisation_id=organisation_id)
                  .values_list("user_id", flat=True)}
    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    forgotten = 0
    for row in Session.objects.filter(expire_date__gt=timezone.now()).iterator(chunk_size=500):
        data = row.get_decoded()
        term = data.get(SEARCH_SESSION_KEY)
        if not term or str(data.get("_auth_user_id")) not in member_ids or not term_finds(term, first_name, last_name):
            continue
        store = store_class(session_key=row.session_key)
        store.pop(SEARCH_SESSION_KEY, None)
        store.save()
        forgotten += 1
    return forgotten
