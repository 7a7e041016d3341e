"""One questionnaire journey in Chromium with the keyboard only, and axe-core on every page met."""

from __future__ import annotations

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def focused(page) -> str:
    return page.evaluate("document.activeElement ? (document.activeElement.id || document.activeElement.name || document.activeElement.tagName) : ''")


def continue_with_keyboard(page, tab_to):
    tab_to(page, "button.button--primary[value=next]")
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_keyboard_only_journey_with_accessible_pages(live_server, browser_page, check_accessibility, tab_to):
    page = browser_page
    page.goto(live_server.url + "/")
    check_accessibility(page, "accueil")
    tab_to(page, "main form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # 1. Residence: first an error, to check the error summary gets the focus.
    assert re.search(r"/questionnaire/[0-9a-f-]{36}/residence/$", page.url)
    check_accessibility(page, "résidence")
    continue_with_keyboard(page, tab_to)
    assert page.locator(".error-summary").is_visible()
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    check_accessibility(page, "résidence avec erreurs")
    tab_to(page, "#id_residence-territory_0")
    page.keyboard.press("Space")
    tab_to(page, "#id_residence-department")
    page.keyboard.type("93")
    continue_with_keyboard(page, tab_to)

    # 2. Household: the applicant, then a child added with the "Ajouter un enfant" button.
    assert "/foyer/" in page.url
    assert "Étape 2 sur 8 — Votre foyer" in page.inner_text(".stepper")
    tab_to(page, "#id_foyer-0-birth_date")
    page.keyboard.type("14/03/1990")
    tab_to(page, "#id_foyer-0-activity")
    page.keyboard.type("Sans")
    tab_to(page, "button[value='add:child']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.input_value("#id_foyer-0-birth_date") == "14/03/1990"
    check_accessibility(page, "foyer")
    tab_to(page, "#id_foyer-1-label")
    page.keyboard.type("Léa")
    tab_to(page, "#id_foyer-1-birth_date")
    page.keyboard.type("05/05/2015")
    continue_with_keyboard(page, tab_to)

    # 3. Housing.
    assert "/logement/" in page.url
    check_accessibility(page, "logement")
    tab_to(page, "#id_logement-status_0")
    page.keyboard.press("Space")
    # In a radio group, Tab reaches the group and the arrow keys choose: "Non" is the second choice.
    tab_to(page, "#id_logement-housing_aid_0")
    page.keyboard.press("ArrowDown")
    assert page.is_checked("#id_logement-housing_aid_1")
    continue_with_keyboard(page, tab_to)

    # 4. Resources: the page names the 12 months counted.
    assert "/ressources/" in page.url
    assert re.search(r"d[e’'] ?\w+ \d{4} à \w+ \d{4}", page.inner_text(".lead"))
    check_accessibility(page, "ressources")
    tab_to(page, "#id_ressources-p1__period_0")
    page.keyboard.press("Space")
    # The RSA sits in the "left out" group, closed: open it with the keyboard.
    tab_to(page, "#entree-0 details.resource-group--excluded > summary")
    page.keyboard.press("Enter")
    tab_to(page, "#id_ressources-p1__rsa")
    page.keyboard.type("607,75")
    continue_with_keyboard(page, tab_to)

    # 5. Benefits and coverage.
    assert "/allocations/" in page.url
    check_accessibility(page, "allocations")
    tab_to(page, "#id_allocations-current_benefits_0")
    page.keyboard.press("Space")
    tab_to(page, "#id_allocations-complementary_0")
    page.keyboard.press("Space")
    continue_with_keyboard(page, tab_to)

    # 6. Planned care: none.
    assert "/soins/" in page.url
    check_accessibility(page, "soins")
    continue_with_keyboard(page, tab_to)

    # 7. Difficulties: none.
    assert "/difficultes/" in page.url
    check_accessibility(page, "difficultés")
    # "Précédent" keeps the answers of the page left.
    tab_to(page, "button[value=prev]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/soins/" in page.url
    continue_with_keyboard(page, tab_to)
    continue_with_keyboard(page, tab_to)

    # 8. Review, then results.
    assert "/verification/" in page.url
    check_accessibility(page, "vérification")
    assert "Léa" in page.inner_text("main")
    continue_with_keyboard(page, tab_to)
    assert "/resultats/" in page.url
    text = page.inner_text("main").replace("\u202f", " ").replace("\u00a0", " ")
    assert "Complémentaire santé solidaire sans participation financière" in text
    assert "7 293 €" in text  # 607,75 € × 12, shown as left out
    check_accessibility(page, "résultats")

    # Save for later and the resume page.
    page.go_back()
    page.goto(page.url)
    tab_to(page, "button[value=save]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    code = page.inner_text("#code-de-reprise")
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2}", code)
    check_accessibility(page, "code de reprise")
    page.goto(live_server.url + "/questionnaire/reprendre/")
    check_accessibility(page, "reprendre")
    tab_to(page, "#id_code")
    page.keyboard.type("zzzz")
    page.keyboard.press("Enter")
    page.wait_for_selector(".error-summary")
    check_accessibility(page, "reprendre avec erreur")


def test_results_page_prints_without_navigation(live_server, browser_page, tab_to):
    page = browser_page
    page.goto(live_server.url + "/questionnaire/")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    page.emulate_media(media="print")
    assert not page.locator(".save-later").is_visible()
    assert not page.locator(".site-header__nav").is_visible()


def test_pages_with_entries_health_and_self_employment_are_accessible(live_server, browser_page, check_accessibility):
    """The pages the keyboard journey does not meet: care entries, health, self-employment, full results."""
    page = browser_page
    page.goto(live_server.url + "/questionnaire/")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    page.check("#id_residence-territory_0")
    with page.expect_navigation():
        page.click("button.button--primary[value=next]")
    page.fill("#id_foyer-0-birth_date", "21/07/1978")
    page.select_option("#id_foyer-0-activity", "self_employed")
    with page.expect_navigation():
        page.click("button[value='add:partner']")
    page.fill("#id_foyer-1-birth_date", "11/02/1986")
    page.select_option("#id_foyer-1-activity", "employee")
    with page.expect_navigation():
        page.click("button.button--primary[value=next]")
    page.check("#id_logement-status_0")
    page.check("#id_logement-housing_aid_0")
    page.fill("#id_logement-housing_aid_monthly", "250,50")
    with page.expect_navigation():
        page.click("button.button--primary[value=next]")
    check_accessibility(page, "ressources d'un couple avec un indépendant")
    page.fill("#id_ressources-p1__self_employment", "9 000")
    page.fill("#id_ressources-p2__salary", "1 100")
    with page.expect_navigation():
        page.click("button.button--primary[value=next]")
    page.check("#id_allocations-complementary_0")
    with page.expect_navigation():
        page.click("button.button--primary[value=next]")
    with page.expect_navigation():
        page.click("button[value='add:hospitalisation']")
    with page.expect_navigation():
        page.click("button[value='add:glasses']")
    check_accessibility(page, "soins avec deux entrées")
    page.select_option("#id_soins-0-member", index=1)
    page.fill("#id_soins-0-days", "3")
    page.select_option("#id_soins-1-member", index=2)
    page.fill("#id_soins-1-quote", "450")
    page.check("#id_soins-1-basket_1")
    with page.expect_navigation():
        page.click("button.button--primary[value=next]")
    assert "/sante/" in page.url
    check_accessibility(page, "santé")
    with page.expect_navigation():
        page.click("button.button--primary[value=next]")
    with page.expect_navigation():
        page.click("button.button--primary[value=next]")
    assert "/independant/" in page.url
    check_accessibility(page, "travail indépendant")
    page.check("#id_independant-self_employed_difficulties_1")
    with page.expect_navigation():
        page.click("button.button--primary[value=next]")
    check_accessibility(page, "vérification complète")
    with page.expect_navigation():
        page.click("button.button--primary[value=next]")
    assert "/resultats/" in page.url
    check_accessibility(page, "résultats avec soins et Help")
