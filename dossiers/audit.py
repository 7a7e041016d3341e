"""The dossiers' audit log: who created, viewed, changed, printed, exported or deleted which dossier.

Entries name the dossier by its random UUID and the action by a code; ``detail`` is chosen by the code
(a part of the dossier such as "notes" or "statut"), never typed by a person. No applicant data.
"""

from __future__ import annotations

from .models import AuditAction, AuditEntry, Dossier

DETAILS = {
    "identity": "identité et coordonnées",
    "questionnaire": "questionnaire",
    "results": "résultats recalculés",
    "notes": "notes",
    "checklist": "pièces",
    "status": "statut",
    "html": "version page web du dossier",
    "assignment": "agent chargé du dossier",
    "tasks": "tâches",
}


def record(actor, dossier: Dossier, action: AuditAction, detail: str = "") -> AuditEntry:
    if detail and detail not in DETAILS:
        raise ValueError(f"Unknown audit detail code: {detail!r}")
    authenticated = actor is not None and actor.is_authenticated
    return AuditEntry.objects.create(
        organisation_id=dossier.organisation_id,
        dossier_public_id=dossier.public_id,
        action=action,
        detail=DETAILS.get(detail, ""),
        actor=actor if authenticated else None,
        actor_username=actor.get_username() if authenticated else "",
    )
