"""How an anonymous visitor reaches a case: a signed cookie per case, never a list in the session.

Starting a case or typing its resume code sets a cookie named after the case, signed with
``SECRET_KEY`` (it cannot be forged), limited to the case's own URLs (``/questionnaire/<id>/``), HTTP
only, and gone when the browser closes (a shared computer keeps no access; the resume code gives it
back). Each case has its own cookie: two tabs on two cases, or a slow PDF download in one tab while a
case starts in another, cannot overwrite each other's access, which a list kept in the session did.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "aidsante.questionnaire.case-access"


def cookie_name(public_id) -> str:
    return f"case-{str(public_id).replace('-', '')}"


def case_path(public_id) -> str:
    return reverse("questionnaire:case", kwargs={"case_id": public_id})


def grant(response, case) -> None:
    """Give the browser of this response access to ``case``."""
    response.set_signed_cookie(
        cookie_name(case.public_id), str(case.public_id), salt=SALT,
        path=case_path(case.public_id), secure=settings.SESSION_COOKIE_SECURE, httponly=True, samesite="Lax",
    )


def has_access(request, public_id) -> bool:
    """Whether the request carries a valid access cookie for the case ``public_id``."""
    try:
        value = request.get_signed_cookie(
            cookie_name(public_id), default=None, salt=SALT, max_age=settings.CASE_EXPIRY_DAYS * 24 * 3600,
        )
    except signing.BadSignature:
        return False
    return value == str(public_id)
