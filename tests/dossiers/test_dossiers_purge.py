"""Retention: ``purge_expired`` deletes dossiers and anonymous questionnaires past their retention period
(time travel: activity dates set in the past), reports counts, is idempotent and has a dry run."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from dossiers.models import AuditAction, AuditEntry, Dossier, Note, add_months
from eligibility.models import Case, FeedbackReaction, ResultFeedback

from .test_dossiers_support import *  # noqa: F403  (the fixtures)
from .test_dossiers_support import make_dossier

pytestmark = pytest.mark.django_db


def purge(*args):
    out = StringIO()
    call_command("purge_expired", *args, stdout=out)
    return out.getvalue()


def age_dossier(dossier, **delta):
    when = timezone.now() - timedelta(**delta) if delta else None
    Dossier.objects.filter(pk=dossier.pk).update(last_activity_at=when)
    if dossier.case_id:
        Case.objects.filter(pk=dossier.case_id).update(last_activity_at=when)


@pytest.fixture
def world(org, agent):
    now = timezone.now()
    old_case = Case.objects.create(answers={"a": 1})
    old = make_dossier(org, agent, last_name="Ancien", case=old_case)
    old.notes.create(author=agent, text="vieille note")
    Dossier.objects.filter(pk=old.pk).update(last_activity_at=add_months(now, -25))
    Case.objects.filter(pk=old_case.pk).update(last_activity_at=add_months(now, -25))
    recent = make_dossier(org, agent, last_name="Recent")
    Dossier.objects.filter(pk=recent.pk).update(last_activity_at=add_months(now, -23))
    # Old dossier whose questionnaire was edited last week: still active.
    busy_case = Case.objects.create(answers={"b": 1})
    busy = make_dossier(org, agent, last_name="Occupe", case=busy_case)
    Dossier.objects.filter(pk=busy.pk).update(last_activity_at=add_months(now, -30))
    Case.objects.filter(pk=busy_case.pk).update(last_activity_at=now - timedelta(days=7))
    stale = Case.objects.create(resume_code="STALEAAAAA", last_activity_at=now - timedelta(days=31))
    fresh = Case.objects.create(resume_code="FRESHAAAAA", last_activity_at=now - timedelta(days=29))
    # A dossier's case, inactive for 31 days, is the dossier's: the anonymous rule does not touch it.
    owned_case = Case.objects.create(last_activity_at=now - timedelta(days=31))
    owned = make_dossier(org, agent, last_name="Suivi", case=owned_case)
    return {"old": old, "old_case": old_case, "recent": recent, "busy": busy, "stale": stale, "fresh": fresh,
            "owned": owned, "owned_case": owned_case}


def test_purge_deletes_what_expired_and_keeps_the_rest(world):
    output = purge()
    assert "Dossiers sans activité depuis 24 mois effacés : 1" in output
    assert "Questionnaires anonymes sans activité depuis 30 jours effacés : 1" in output
    assert not Dossier.objects.filter(pk=world["old"].pk).exists()
    assert not Case.objects.filter(pk=world["old_case"].pk).exists()
    assert not Note.objects.filter(text="vieille note").exists()
    assert not Case.objects.filter(pk=world["stale"].pk).exists()
    for key in ("recent", "busy", "owned"):
        assert Dossier.objects.filter(pk=world[key].pk).exists(), key
    assert Case.objects.filter(pk=world["fresh"].pk).exists()
    assert Case.objects.filter(pk=world["owned_case"].pk).exists()
    entry = AuditEntry.objects.get(action=AuditAction.PURGED)
    assert entry.dossier_public_id == world["old"].public_id
    assert entry.actor is None and entry.actor_username == ""


def test_purge_is_idempotent(world):
    purge()
    output = purge()
    assert "effacés : 0" in output.splitlines()[0]
    assert "effacés : 0" in output.splitlines()[1]
    assert AuditEntry.objects.filter(action=AuditAction.PURGED).count() == 1


def test_dry_run_counts_without_deleting(world):
    dossiers, cases = Dossier.objects.count(), Case.objects.count()
    output = purge("--dry-run")
    assert "seraient effacés : 1" in output.splitlines()[0]
    assert "seraient effacés : 1" in output.splitlines()[1]
    assert (Dossier.objects.count(), Case.objects.count()) == (dossiers, cases)
    assert not AuditEntry.objects.filter(action=AuditAction.PURGED).exists()


def test_months_option_and_setting(world):
    output = purge("--months", "12")
    assert "depuis 12 mois effacés : 2" in output
    assert not Dossier.objects.filter(pk=world["recent"].pk).exists()
    assert Dossier.objects.filter(pk=world["busy"].pk).exists()


@override_settings(DOSSIER_RETENTION_MONTHS=36)
def test_retention_period_comes_from_settings(world):
    assert "depuis 36 mois effacés : 0" in purge()
    assert Dossier.objects.filter(pk=world["old"].pk).exists()


def test_months_must_be_positive(world):
    from django.core.management import CommandError

    with pytest.raises(CommandError):
        purge("--months", "0")


def test_add_months_clamps_to_month_end():
    from datetime import date

    assert add_months(date(2026, 3, 31), -1) == date(2026, 2, 28)
    assert add_months(date(2026, 11, 22), -24) == date(2024, 11, 22)
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)


def feedback(case_id, *, months_ago: int, comment: str = "") -> ResultFeedback:
    item = ResultFeedback.objects.create(case_id=case_id, reaction=FeedbackReaction.UNCLEAR, comment=comment)
    ResultFeedback.objects.filter(pk=item.pk).update(created_at=add_months(timezone.now(), -months_ago))
    return item


def test_feedback_is_purged_after_the_retention_the_readme_states(world):
    """README: « Ce résultat vous surprend ? » reactions, comment included, are kept FEEDBACK_RETENTION_MONTHS (12)."""
    old = feedback(world["fresh"].public_id, months_ago=13, comment="Je suis Mme X, 3 rue Y")
    kept = feedback(world["fresh"].public_id, months_ago=11, comment="Surpris par le montant")
    assert "Avis sur les résultats de plus de 12 mois seraient effacés : 1" in purge("--dry-run")
    assert ResultFeedback.objects.filter(pk=old.pk).exists()
    assert "Avis sur les résultats de plus de 12 mois effacés : 1" in purge()
    assert not ResultFeedback.objects.filter(pk=old.pk).exists()
    assert ResultFeedback.objects.filter(pk=kept.pk).exists()
    assert "Avis sur les résultats de plus de 12 mois effacés : 0" in purge()


@override_settings(FEEDBACK_RETENTION_MONTHS=6)
def test_feedback_retention_comes_from_settings(world):
    feedback(world["fresh"].public_id, months_ago=7)
    assert "Avis sur les résultats de plus de 6 mois effacés : 1" in purge()


def test_erasing_a_dossier_erases_the_feedback_on_its_results(world):
    case = world["owned_case"]
    mine = feedback(case.public_id, months_ago=0, comment="Mon nom est dans ce commentaire")
    other = feedback(world["fresh"].public_id, months_ago=0)
    world["owned"].erase(None, AuditAction.ERASED)
    assert not ResultFeedback.objects.filter(pk=mine.pk).exists()
    assert ResultFeedback.objects.filter(pk=other.pk).exists()
