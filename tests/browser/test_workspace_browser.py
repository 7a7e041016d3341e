"""The team workspace in Chromium: the checklist form with the keyboard only and axe; the statistics and
« À faire » pages with axe, under the strict CSP (no violation reported), without horizontal scrolling at
375 px."""

from __future__ import annotations

from datetime import date

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "un-mot-de-passe-solide-2026"
RESULT = {
    "request_date": "2026-11-22",
    "css": {"status": "free"},
    "checklist": [
        {"key": "css_request", "organism": "CPAM", "procedure": "Demande de CSS",
         "documents": ["Carte Vitale", "Avis d'impôt sur le revenu"]},
        {"key": "cpam_aid_request", "organism": "CPAM", "procedure": "Aide financière", "documents": ["Carte Vitale", "Devis"]},
    ],
}


@pytest.fixture
def manager():
    from django.contrib.auth import get_user_model

    from dossiers.models import Membership, MembershipRole, Organisation

    organisation = Organisation.objects.create(name="CCAS de Clavier", address="1 rue des Touches", phone="01 00 00 00 00")
    user = get_user_model().objects.create_user("nina.resp", password=PASSWORD, first_name="Nina", last_name="Resp",
                                                email="nina@example.org")
    Membership.objects.create(user=user, organisation=organisation, role=MembershipRole.MANAGER)
    return user


@pytest.fixture
def dossier(manager):
    from django.utils import timezone

    from dossiers.models import CURRENT_CONSENT_VERSION, Dossier, DossierStatus

    organisation = manager.memberships.get().organisation
    dossier = Dossier.objects.create(
        organisation=organisation, last_name="Touche", first_name="Alex", created_by=manager, assigned_to=manager,
        consent_given_on=timezone.localdate(), consent_text_version=CURRENT_CONSENT_VERSION, result=RESULT,
        result_computed_at=timezone.now(),
    )
    Dossier.objects.create(organisation=organisation, last_name="Envoi", first_name="Sam", created_by=manager,
                           assigned_to=manager, status=DossierStatus.SENT, sent_on=date(2026, 1, 5))
    return dossier


def log_in(page, base_url):
    page.goto(base_url + "/connexion/")
    page.fill("#id_username", "nina.resp")
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("button.button--primary")


def focused(page) -> dict:
    return page.evaluate("() => ({name: document.activeElement.name, value: document.activeElement.value})")


def test_checklist_form_with_the_keyboard_only(live_server, browser_page, check_accessibility, tab_to, manager, dossier):
    from dossiers.models import ChecklistItemState, DocumentState

    page = browser_page
    log_in(page, live_server.url)
    page.goto(f"{live_server.url}/dossiers/{dossier.public_id}/pieces/")
    assert page.locator("fieldset.doc-row").count() == 3          # « Carte Vitale » once for two procedures
    check_accessibility(page, "pièces du dossier")

    tab_to(page, 'input[name="doc-0-0"]:checked')
    page.keyboard.press("ArrowRight")                               # À réunir → Demandée
    assert focused(page) == {"name": "doc-0-0", "value": "asked"}
    page.keyboard.press("ArrowRight")                               # → Reçue
    assert focused(page) == {"name": "doc-0-0", "value": "received"}
    page.keyboard.press("Tab")                                      # next document: Tab leaves the group
    assert focused(page)["name"] == "doc-0-1"
    page.keyboard.press("Tab")
    assert focused(page)["name"] == "doc-1-1"
    page.keyboard.press("ArrowRight")
    tab_to(page, "form.checklist-form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(f"/dossiers/{dossier.public_id}/")
    assert "État des pièces enregistré (2 changements)" in page.content()
    check_accessibility(page, "dossier après les pièces")
    states = {(s.item_key, s.document_index): s.state for s in ChecklistItemState.objects.all()}
    assert states == {("css_request", 0): DocumentState.RECEIVED, ("cpam_aid_request", 0): DocumentState.RECEIVED,
                      ("cpam_aid_request", 1): DocumentState.ASKED}


def test_statistics_and_todo_pass_axe_at_375_px(live_server, browser_page, check_accessibility, manager, dossier):
    page = browser_page
    page.set_viewport_size({"width": 375, "height": 800})
    log_in(page, live_server.url)
    for path, name in (("/dossiers/statistiques/", "statistiques"), ("/dossiers/a-faire/", "à faire"),
                       (f"/dossiers/{dossier.public_id}/taches/", "tâches"), ("/dossiers/", "liste")):
        page.goto(live_server.url + path)
        check_accessibility(page, name)
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, name
    page.goto(live_server.url + "/dossiers/statistiques/")
    assert page.locator("svg.chart__svg").count() == 4
    assert page.locator("svg.chart__svg rect.chart__bar").first.evaluate("e => getComputedStyle(e).fill") != "rgb(0, 0, 0)"


def test_workspace_pages_raise_no_csp_violation(live_server, chromium, manager, dossier):
    context = chromium.new_context(locale="fr-FR")                  # the real CSP, not bypassed
    page = context.new_page()
    violations = []
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    log_in(page, live_server.url)
    for path in ("/dossiers/statistiques/", "/dossiers/a-faire/", f"/dossiers/{dossier.public_id}/pieces/",
                 f"/dossiers/{dossier.public_id}/", f"/dossiers/{dossier.public_id}/taches/"):
        page.goto(live_server.url + path)
    context.close()
    assert violations == []
