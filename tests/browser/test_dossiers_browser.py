"""A social worker's journey in Chromium: log in, create a dossier, record consent, complete the
questionnaire inside the dossier, download the PDF (which prints the organisation); axe-core on the
workspace's pages."""

from __future__ import annotations

import io

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "un-mot-de-passe-solide-2026"


@pytest.fixture
def agent():
    from django.contrib.auth import get_user_model

    from dossiers.models import Membership, Organisation

    organisation = Organisation.objects.create(
        name="CCAS de Navigateur-sur-Mer", address="3 quai du Port, 17000 Navigateur", phone="05 46 00 00 00",
        email="ccas@navigateur.example", opening_hours="Mardi et jeudi, 9 h – 12 h",
    )
    user = get_user_model().objects.create_user("claire.agent", password=PASSWORD, first_name="Claire", last_name="Agent")
    Membership.objects.create(user=user, organisation=organisation)
    return user


def next_page(page, selector="button.button--primary"):
    with page.expect_navigation():
        page.click(selector)


def test_agent_journey_to_the_pdf(live_server, browser_page, check_accessibility, agent):
    from pypdf import PdfReader

    from dossiers.models import Dossier

    page = browser_page
    page.goto(live_server.url + "/dossiers/")
    assert "/connexion/" in page.url                      # the workspace needs a login
    check_accessibility(page, "connexion")
    page.fill("#id_username", "claire.agent")
    page.fill("#id_password", PASSWORD)
    next_page(page)
    assert page.url.endswith("/dossiers/")
    check_accessibility(page, "liste des dossiers")

    # New dossier, then consent.
    next_page(page, "a.button--primary")
    check_accessibility(page, "nouveau dossier")
    page.fill("#id_last_name", "Lemoine")
    page.fill("#id_first_name", "Sacha")
    page.fill("#id_birth_date", "1990-03-14")
    next_page(page)
    assert "/consentement/" in page.url
    assert "Lemoine" not in page.url
    check_accessibility(page, "consentement")
    page.check("#id_confirmed")
    next_page(page)
    detail_url = page.url
    assert "Consentement donné le" in page.inner_text("main")
    check_accessibility(page, "dossier")

    # The questionnaire, inside the dossier.
    with page.expect_navigation():
        page.get_by_role("link", name="Remplir le questionnaire").click()
    assert page.url.endswith("/questionnaire/residence/")
    page.fill("#id_residence-place", "17000")
    page.fill("#id_residence-request_date", "22/11/2026")
    next_page(page, "button.button--primary[value=next]")
    assert "/foyer/" in page.url
    page.fill("#id_foyer-0-birth_date", "14/03/1990")
    page.select_option("#id_foyer-0-activity", "unemployed")
    next_page(page, "button.button--primary[value=next]")
    page.check("input[name='logement-status'][value='tenant']")
    next_page(page, "button.button--primary[value=next]")
    assert "/ressources/" in page.url
    page.check("input[name='ressources-p1__kinds'][value='rsa']")
    next_page(page, "button.button--primary[value=next]")
    page.check("input[name='montants-p1__rsa__still'][value='yes']")
    next_page(page, "button.button--primary[value=next]")
    page.check("input[name='complementaire-complementary'][value='none']")
    next_page(page, "button.button--primary[value=next]")
    assert "/soins/" in page.url
    next_page(page, "button.button--primary[value=next]")
    assert "/difficultes/" in page.url
    next_page(page, "button.button--primary[value=next]")
    assert "/verification/" in page.url
    next_page(page, "button.button--primary[value=next]")
    assert "/resultats/" in page.url
    text = page.inner_text("main").replace("\u202f", " ").replace("\u00a0", " ")
    assert "Complémentaire santé solidaire sans participation financière" in text

    # Back to the dossier: results stored; download the PDF.
    with page.expect_navigation():
        page.get_by_role("link", name="Retour au dossier").click()
    assert page.url == detail_url
    assert "sans participation" in page.inner_text("main")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Télécharger le dossier PDF").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    assert "Lemoine" not in download.suggested_filename
    with open(download.path(), "rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    pdf_text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "CCAS de Navigateur-sur-Mer" in pdf_text
    assert "05 46 00 00 00" in pdf_text
    dossier = Dossier.objects.get()
    assert dossier.result["css"]["status"] == "free"
    assert dossier.case.closed_at is not None

    # The follow-up pages are accessible too.
    for path, name in (("pieces/", "pièces"), ("statut/", "statut"), ("notes/", "notes"), ("effacer/", "effacement")):
        page.goto(detail_url + path)
        check_accessibility(page, name)
    page.goto(detail_url + "notes/")
    page.fill("#id_text", "Dossier déposé à l'accueil de la CPAM.")
    next_page(page)
    assert "Dossier déposé" in page.inner_text("main")


def test_manager_pages_are_accessible(live_server, browser_page, check_accessibility, agent):
    from django.contrib.auth import get_user_model

    from dossiers.models import Membership, MembershipRole

    manager = get_user_model().objects.create_user("nadia.responsable", password=PASSWORD, first_name="Nadia")
    Membership.objects.create(user=manager, organisation=agent.memberships.get().organisation, role=MembershipRole.MANAGER)
    page = browser_page
    page.goto(live_server.url + "/connexion/")
    page.fill("#id_username", "nadia.responsable")
    page.fill("#id_password", PASSWORD)
    next_page(page)
    for path, name in (("/dossiers/equipe/", "équipe"), ("/dossiers/equipe/inviter/", "invitation"),
                       ("/dossiers/journal/", "journal"), ("/mot-de-passe/modifier/", "mot de passe")):
        page.goto(live_server.url + path)
        check_accessibility(page, name)
    page.goto(live_server.url + "/dossiers/equipe/")
    with page.expect_navigation():
        page.get_by_role("button", name="Désactiver claire.agent").click()
    assert "est désactivé" in page.inner_text("main")
