"""Accounts: login with django-axes lockout, logout by POST, password change and reset, invitations and
deactivation by the organisation's managers; no self-registration."""

from __future__ import annotations

import html
import re

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse

from dossiers.models import Membership, MembershipRole

from .test_dossiers_support import *  # noqa: F403  (the fixtures)
from .test_dossiers_support import PASSWORD

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "Un-Autre-Mot-De-Passe-2027"


def login(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


def text(response) -> str:
    return html.unescape(response.content.decode())


def link_in(message) -> str:
    return re.search(r"https?://\S+", message.body).group(0)


def test_login_page_is_french(client):
    response = client.get("/connexion/")
    assert response.status_code == 200
    page = text(response)
    assert "Espace professionnel" in page and "Mot de passe oublié" in page
    assert "csrfmiddlewaretoken" in page


def test_login_then_dossiers(client, agent):
    response = login(client, "camille.agent", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("dossiers:list")
    assert client.get(reverse("dossiers:list")).status_code == 200


def test_wrong_password_is_refused(client, agent):
    response = login(client, "camille.agent", "mauvais")
    assert response.status_code == 200
    assert "Identifiant ou mot de passe incorrect" in text(response)
    assert "_auth_user_id" not in client.session


def test_lockout_after_five_failures(client, agent):
    for _ in range(4):
        assert login(client, "camille.agent", "mauvais").status_code == 200
    fifth = login(client, "camille.agent", "mauvais")
    assert fifth.status_code == 429
    assert "Connexion bloquée temporairement" in text(fifth)
    assert AccessAttempt.objects.get(username="camille.agent").failures_since_start == 5
    # Locked: even the right password does not open the session.
    locked = login(client, "camille.agent", PASSWORD)
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    attempt = AccessAttempt.objects.get(username="camille.agent")
    assert PASSWORD not in str(attempt.post_data) and "mauvais" not in str(attempt.post_data)
    # Another account from the same address is not locked (lockout per account and address).
    assert login(Client(), "nadia.responsable", "mauvais").status_code == 200


def test_successful_login_resets_the_failure_count(client, agent):
    for _ in range(4):
        login(client, "camille.agent", "mauvais")
    assert login(client, "camille.agent", PASSWORD).status_code == 302
    client.post(reverse("logout"))
    for _ in range(4):
        assert login(client, "camille.agent", "mauvais").status_code == 200


def test_logout_is_post_only(client, agent):
    client.force_login(agent)
    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get(reverse("dossiers:list"))["Location"].startswith(reverse("login"))


def test_session_expires_after_inactivity_and_slides_while_used(client, agent, settings):
    """Two hours without activity log out; using the site moves the expiry (written at most every 5 minutes)."""
    from datetime import timedelta

    from django.contrib.sessions.models import Session
    from django.utils import timezone

    assert settings.SESSION_COOKIE_AGE == 2 * 60 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is False
    client.force_login(agent)
    key = client.session.session_key
    old = timezone.now() + timedelta(minutes=30)
    Session.objects.filter(session_key=key).update(expire_date=old)
    session = client.session
    session["_refreshed_at"] = 0  # last written long ago
    session.save()
    Session.objects.filter(session_key=key).update(expire_date=old)
    assert client.get(reverse("dossiers:list")).status_code == 200
    assert Session.objects.get(session_key=key).expire_date > timezone.now() + timedelta(minutes=110)
    # Within the refresh interval the session row is not rewritten.
    Session.objects.filter(session_key=key).update(expire_date=old)
    assert client.get(reverse("dossiers:list")).status_code == 200
    assert Session.objects.get(session_key=key).expire_date == old


def test_password_change(client, agent):
    client.force_login(agent)
    assert client.get(reverse("password_change")).status_code == 200
    response = client.post(reverse("password_change"), {
        "old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD,
    })
    assert response.status_code == 302
    assert "Mot de passe changé" in text(client.get(response["Location"]))
    agent.refresh_from_db()
    assert agent.check_password(NEW_PASSWORD)


def test_password_reset_by_email(client, agent):
    response = client.post(reverse("password_reset"), {"email": agent.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [agent.email]
    assert "nouveau mot de passe" in message.subject
    link = link_in(message)
    page = client.get(link, follow=True)
    assert "Choisir votre mot de passe" in text(page)
    set_url = page.redirect_chain[-1][0]
    done = client.post(set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done.status_code == 302
    assert login(Client(), "camille.agent", NEW_PASSWORD).status_code == 302
    # The link works once.
    assert "Lien expiré ou déjà utilisé" in text(client.get(link, follow=True))


def test_password_reset_for_unknown_address_reveals_nothing(client, agent):
    response = client.post(reverse("password_reset"), {"email": "inconnu@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_no_self_registration():
    from django.urls import get_resolver

    names = [name for name in get_resolver().reverse_dict if isinstance(name, str)]
    assert not [n for n in names if "register" in n or "signup" in n or "inscription" in n]


# --- invitations and deactivation ----------------------------------------------------------------------
def test_manager_invites_an_agent_who_sets_a_password(client, manager, org):
    client.force_login(manager)
    response = client.post(reverse("dossiers:invite"), {
        "username": "marie.nouvelle", "first_name": "Marie", "last_name": "Nouvelle",
        "email": "Marie.Nouvelle@Example.org", "role": "agent",
    })
    assert response.status_code == 302
    user = get_user_model().objects.get(username="marie.nouvelle")
    assert not user.has_usable_password()
    assert user.memberships.get().organisation == org
    assert user.memberships.get().role == MembershipRole.AGENT
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["marie.nouvelle@example.org"]
    assert org.name in message.subject
    assert "marie.nouvelle" in message.body
    invited = Client()
    page = invited.get(link_in(message), follow=True)
    assert "Choisir votre mot de passe" in text(page)
    invited.post(page.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert login(invited, "marie.nouvelle", NEW_PASSWORD).status_code == 302
    assert invited.get(reverse("dossiers:list")).status_code == 200


def test_invitation_refuses_a_taken_username_or_address(client, manager, agent, outsider):
    client.force_login(manager)
    cases = [
        ({"username": "Camille.Agent", "email": "autre@example.org"}, "Cet identifiant est déjà pris"),
        ({"username": "quelqu.un", "email": agent.email.upper()}, "Un compte utilise déjà cette adresse"),
        ({"username": "Camille.Agent", "email": agent.email}, "Ce compte fait déjà partie de l'équipe"),
        # someone else's identifier with a third account's address: neither account joins
        ({"username": "camille.agent", "email": outsider.email}, "Cet identifiant est déjà pris"),
    ]
    for data, message in cases:
        response = client.post(reverse("dossiers:invite"), {"first_name": "X", "last_name": "Y", "role": "agent", **data})
        assert response.status_code == 200
        assert message in text(response)
    assert mail.outbox == []
    assert outsider.memberships.count() == 1 and agent.memberships.count() == 1


def test_an_account_of_another_organisation_joins_the_team_with_its_identifier_and_address(client, manager, outsider, org):
    """A worker serving a CCAS and a CIAS keeps one account: both its identifier and its address are asked."""
    client.force_login(manager)
    response = client.post(reverse("dossiers:invite"), {
        "username": outsider.username, "email": outsider.email, "first_name": "X", "last_name": "Y", "role": "agent",
    })
    assert response.status_code == 302
    assert set(outsider.memberships.values_list("organisation__name", flat=True)) == {org.name, "CIAS d'Ailleurs"}
    outsider.refresh_from_db()
    assert outsider.first_name != "X"  # the existing account is not renamed


def test_agents_cannot_manage_the_team(client, agent, manager):
    client.force_login(agent)
    assert client.get(reverse("dossiers:team")).status_code == 403
    assert client.post(reverse("dossiers:invite"), {"username": "x.y", "first_name": "X", "last_name": "Y",
                                                    "email": "x@example.org", "role": "manager"}).status_code == 403
    assert client.post(reverse("dossiers:deactivate", args=[manager.memberships.get().pk])).status_code == 403
    assert not get_user_model().objects.filter(username="x.y").exists()
    assert manager.memberships.get().is_active


def test_manager_deactivates_an_agent_who_can_then_do_nothing(client, manager, agent):
    agent_client = Client()
    agent_client.force_login(agent)
    assert agent_client.get(reverse("dossiers:list")).status_code == 200
    client.force_login(manager)
    page = text(client.get(reverse("dossiers:team")))
    assert "camille.agent" in page
    response = client.post(reverse("dossiers:deactivate", args=[agent.memberships.get().pk]))
    assert response.status_code == 302
    membership = Membership.objects.get(pk=agent.memberships.get().pk)
    assert not membership.is_active and not membership.user.is_active
    # The open session no longer works, and a new login is refused.
    assert agent_client.get(reverse("dossiers:list"))["Location"].startswith(reverse("login"))
    refused = login(Client(), "camille.agent", PASSWORD)
    assert refused.status_code == 200 and "_auth_user_id" not in refused.client.session
    # Reactivation restores access.
    client.post(reverse("dossiers:reactivate", args=[agent.memberships.get().pk]))
    assert login(Client(), "camille.agent", PASSWORD).status_code == 302


def test_login_refused_when_only_the_membership_is_inactive(client, agent):
    Membership.objects.filter(user=agent).update(is_active=False)
    response = login(client, "camille.agent", PASSWORD)
    assert response.status_code == 200
    assert "Ce compte est désactivé" in text(response)
    assert "_auth_user_id" not in client.session


def test_manager_cannot_deactivate_themself(client, manager):
    client.force_login(manager)
    client.post(reverse("dossiers:deactivate", args=[manager.memberships.get().pk]))
    assert manager.memberships.get().is_active


def test_resend_invitation(client, manager, org):
    client.force_login(manager)
    client.post(reverse("dossiers:invite"), {"username": "paul.invite", "first_name": "Paul", "last_name": "I",
                                             "email": "paul@example.org", "role": "agent"})
    membership = Membership.objects.get(user__username="paul.invite")
    client.post(reverse("dossiers:resend_invitation", args=[membership.pk]))
    assert len(mail.outbox) == 2
