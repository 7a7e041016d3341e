"""The questionnaire in Chromium: one household with the keyboard only, and the pages with entries, health and
self-employment. The four households of issue 13, page by page at 375 px and 1 280 px, are in
``test_persona_pages_browser.py`` (which fills the pages with ``fill`` below)."""

from __future__ import annotations

import re

import pytest

from tests.browser.pages import open_page
from tests.questionnaire.test_questionnaire_households import (
    student_with_fnau_aid,
    young_adult_on_parents_return,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 740}


@pytest.fixture
def phone_page(chromium):
    yield from open_page(chromium, PHONE)


def no_horizontal_scroll(page, name: str) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{name}: the page is {width} px wide on a {PHONE['width']} px screen"


def continue_with_keyboard(page, tab_to):
    tab_to(page, "button.button--primary[value=next]")
    with page.expect_navigation():
        page.keyboard.press("Enter")


def check_with_keyboard(page, tab_to, selector):
    tab_to(page, selector)
    page.keyboard.press("Space")
    assert page.is_checked(selector), selector


def test_keyboard_only_journey_of_the_single_mother_of_two(live_server, phone_page, check_accessibility, tab_to):
    page = phone_page

    def seen(name):
        check_accessibility(page, name)
        no_horizontal_scroll(page, name)

    page.goto(live_server.url + "/")
    seen("accueil")
    tab_to(page, "main form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # 1. Where: first an error, to check the error summary gets the focus; then a postal code.
    assert re.search(r"/questionnaire/[0-9a-f-]{36}/residence/$", page.url)
    # The parts of the questionnaire are listed from the first page, with the pages that may be skipped.
    assert "Partie 1 sur 8 : Lieu de vie" in page.inner_text(".stepper")
    assert "seulement si des soins sont prévus" in page.text_content(".stepper")
    seen("résidence")
    continue_with_keyboard(page, tab_to)
    assert page.locator(".error-summary").is_visible()
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    seen("résidence avec erreurs")
    tab_to(page, "#id_residence-place")
    page.keyboard.type("93200")
    continue_with_keyboard(page, tab_to)

    # 2. Household: the applicant, then two children added with the "Ajouter un enfant" button.
    assert "/foyer/" in page.url
    assert "Partie 2 sur 8 : Foyer" in page.inner_text(".stepper")
    tab_to(page, "#id_foyer-0-label")
    page.keyboard.type("Awa")
    check_with_keyboard(page, tab_to, "#id_foyer-0-sex_0")
    tab_to(page, "#id_foyer-0-birth_date")
    page.keyboard.type("12/04/1991")
    tab_to(page, "#id_foyer-0-activity")
    page.keyboard.type("Sal")
    for child, (name, born) in enumerate((("Léa", "03/09/2016"), ("Sami", "21/01/2020")), start=1):
        tab_to(page, "button[value='add:child']")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        tab_to(page, f"#id_foyer-{child}-label")
        page.keyboard.type(name)
        tab_to(page, f"#id_foyer-{child}-birth_date")
        page.keyboard.type(born)
    assert page.input_value("#id_foyer-0-birth_date") == "12/04/1991"
    # A child is asked child things: no "femme / homme", school rather than jobs.
    assert page.locator("#id_foyer-1-sex_0").count() == 0
    assert "À l'école" in page.inner_text("#id_foyer-1-activity")
    seen("foyer")
    continue_with_keyboard(page, tab_to)

    # 3. Housing: "Précédent" at once, then forward: the page never sent shows no error.
    assert "/logement/" in page.url
    tab_to(page, "button[value=prev]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/foyer/" in page.url
    continue_with_keyboard(page, tab_to)
    assert "/logement/" in page.url and page.locator(".error-summary").count() == 0
    seen("logement")
    check_with_keyboard(page, tab_to, "#id_logement-status_0")
    continue_with_keyboard(page, tab_to)

    # 4. What each person received: kinds first, the 12 months named; children under 16 not asked.
    assert "/ressources/" in page.url
    assert re.search(r"d[e’'] ?\w+ \d{4} à \w+ \d{4}", page.inner_text(".lead"))
    assert page.locator("input[name='ressources-c1__kinds']").count() == 0
    seen("ressources")
    for kind in ("salary", "family_benefit", "housing_aid"):
        check_with_keyboard(page, tab_to, f"input[name='ressources-p1__kinds'][value='{kind}']")
    continue_with_keyboard(page, tab_to)

    # 5. Amounts, only for what was ticked; "how much per month" opens once "every month" is chosen.
    assert "/montants/" in page.url
    seen("montants")
    assert not page.is_visible("#id_montants-p1__salary__monthly")
    for kind, amount in (("salary", "1 300"), ("family_benefit", "150")):
        check_with_keyboard(page, tab_to, f"#id_montants-p1__{kind}__how_0")
        assert page.is_visible(f"#id_montants-p1__{kind}__monthly")
        assert not page.is_visible(f"#id_montants-p1__{kind}__total")
        tab_to(page, f"#id_montants-p1__{kind}__monthly")
        page.keyboard.type(amount)
    tab_to(page, "#id_montants-p1__housing_aid__monthly")
    page.keyboard.type("250")
    seen("montants remplis")
    continue_with_keyboard(page, tab_to)

    # 6. Complementary health cover.
    assert "/complementaire/" in page.url
    seen("complémentaire")
    check_with_keyboard(page, tab_to, "#id_complementaire-complementary_0")
    continue_with_keyboard(page, tab_to)

    # 7. Planned care: none; then the health page is skipped.
    assert "/soins/" in page.url
    seen("soins")
    continue_with_keyboard(page, tab_to)
    assert "/difficultes/" in page.url
    assert "Votre santé : passée" in page.text_content(".stepper")
    seen("difficultés")
    continue_with_keyboard(page, tab_to)

    # 8. Review, then results.
    assert "/verification/" in page.url
    seen("vérification")
    main = page.inner_text("main")
    assert "Léa" in main and "Seine-Saint-Denis (93)" in main
    continue_with_keyboard(page, tab_to)
    assert "/resultats/" in page.url
    text = page.inner_text("main").replace("\u202f", " ").replace("\u00a0", " ")
    assert "Complémentaire santé solidaire avec participation financière" in text
    assert "30 € par mois" in text
    seen("résultats")

    # Save for later and the resume page.
    page.go_back()
    page.goto(page.url)
    tab_to(page, "button[value=save]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    code = page.inner_text("#code-de-reprise")
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2}", code)
    seen("code de reprise")
    page.goto(live_server.url + "/questionnaire/reprendre/")
    seen("reprendre")
    tab_to(page, "#id_code")
    page.keyboard.type("zzzz")
    page.keyboard.press("Enter")
    page.wait_for_selector(".error-summary")
    seen("reprendre avec erreur")


def fill(page, step: str, data: dict) -> None:
    """Fill a page from the test client's answers (names without the step prefix), adding entries first."""
    total = data.get("TOTAL_FORMS")
    if total is not None:
        kind = "role" if step == "foyer" else "kind"
        for i in range(int(page.input_value(f"input[name='{step}-TOTAL_FORMS']")), int(total)):
            with page.expect_navigation():
                page.click(f"button[value='add:{data[f'{i}-{kind}']}']")
    for key, value in data.items():
        name = f"{step}-{key}"
        if key.endswith(("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS", "-uid", "-role", "-kind")):
            continue
        field = page.locator(f"[name='{name}']")
        if field.count() == 0:
            raise AssertionError(f"{name} is not on the page")
        kind = field.first.get_attribute("type") or field.first.evaluate("e => e.tagName.toLowerCase()")
        if kind in ("radio", "checkbox"):
            for item in value if isinstance(value, list) else [value]:
                if kind == "checkbox" and item == "on":
                    page.check(f"[name='{name}']")
                else:
                    page.check(f"[name='{name}'][value='{item}']")
        elif kind == "select":
            page.select_option(f"[name='{name}']", value)
        else:
            page.fill(f"[name='{name}']", value)


@pytest.mark.parametrize("persona", [young_adult_on_parents_return, student_with_fnau_aid])
def test_the_young_households_on_a_phone(live_server, phone_page, check_accessibility, persona):
    page = phone_page
    answers = persona()
    page.goto(live_server.url + "/questionnaire/")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    while "/resultats/" not in page.url:
        step = re.search(r"/([a-z-]+)/$", page.url).group(1)
        fill(page, step, answers[step])
        check_accessibility(page, f"{persona.__name__}: {step}")
        no_horizontal_scroll(page, f"{persona.__name__}: {step}")
        with page.expect_navigation():
            page.click("button.button--primary[value=next]")
        assert page.locator(".error-summary").count() == 0, page.inner_text(".error-summary")
    check_accessibility(page, f"{persona.__name__}: résultats")
    no_horizontal_scroll(page, f"{persona.__name__}: résultats")
    assert "Complémentaire santé solidaire" in page.inner_text("main")


def test_results_page_prints_without_navigation(live_server, browser_page, tab_to):
    page = browser_page
    page.goto(live_server.url + "/questionnaire/")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    page.emulate_media(media="print")
    assert not page.locator(".save-later").is_visible()
    assert not page.locator(".site-header__nav").is_visible()


def test_pages_with_entries_health_and_self_employment_are_accessible(live_server, browser_page, check_accessibility):
    """The pages the other journeys do not meet: dates of a job started, care entries, health, self-employment."""
    page = browser_page

    def next_page():
        with page.expect_navigation():
            page.click("button.button--primary[value=next]")

    page.goto(live_server.url + "/questionnaire/")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    page.fill("#id_residence-place", "Haute-Garonne")
    next_page()
    page.fill("#id_foyer-0-birth_date", "21/07/1978")
    page.select_option("#id_foyer-0-activity", "self_employed")
    with page.expect_navigation():
        page.click("button[value='add:partner']")
    page.check("#id_foyer-1-sex_0")
    page.fill("#id_foyer-1-birth_date", "11/02/1986")
    page.select_option("#id_foyer-1-activity", "employee")
    next_page()
    page.check("#id_logement-status_0")
    next_page()
    page.check("input[name='ressources-p1__kinds'][value='self_employment']")
    page.check("input[name='ressources-p2__kinds'][value='salary']")
    next_page()
    page.fill("#id_montants-p1__self_employment__annual", "9 000")
    page.check("#id_montants-p2__salary__how_1")
    assert page.is_visible("#id_montants-p2__salary__from") and page.is_visible("#id_montants-p2__salary__monthly")
    page.fill("#id_montants-p2__salary__monthly", "1 100")
    page.fill("#id_montants-p2__salary__from", "03/2026")
    check_accessibility(page, "montants d'un couple avec un indépendant")
    next_page()
    page.check("#id_complementaire-complementary_0")
    next_page()
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
    next_page()
    assert "/sante/" in page.url
    check_accessibility(page, "santé")
    # Health questions follow the person: "vous" for the applicant; a pregnancy asked of the partner, a woman.
    text = page.inner_text("main")
    assert "Vous avez une affection de longue durée (ALD)" in text
    assert "Si votre conjointe est enceinte : date prévue de l'accouchement" in text
    next_page()
    next_page()
    assert "/independant/" in page.url
    check_accessibility(page, "travail indépendant")
    page.check("#id_independant-self_employed_difficulties_1")
    next_page()
    check_accessibility(page, "vérification complète")
    next_page()
    assert "/resultats/" in page.url
    check_accessibility(page, "résultats avec soins et Help")


def test_the_under_25s_page_opens_each_question_on_the_answer_before(live_server, phone_page, check_accessibility):
    """The young person's page asks the next tie only when the answer before calls for it (CSS ``:has``)."""
    page = phone_page
    answers = young_adult_on_parents_return()
    page.goto(live_server.url + "/questionnaire/")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    for step in ("residence", "foyer"):
        fill(page, step, answers[step])
        with page.expect_navigation():
            page.click("button.button--primary[value=next]")
    assert page.url.endswith("/jeunes/")

    def shown(part):
        return page.locator(f"[name='jeunes-p1__{part}']").first.is_visible()

    assert shown("situation") and not shown("lives_with_parents") and not shown("tax_attached")
    page.check("[name='jeunes-p1__situation'][value='none']")
    assert shown("lives_with_parents") and not shown("tax_attached")
    page.check("[name='jeunes-p1__lives_with_parents'][value='no']")
    assert shown("tax_attached") and not shown("receives_deductible_alimony")
    page.check("[name='jeunes-p1__tax_attached'][value='unknown']")
    assert shown("receives_deductible_alimony")
    page.check("[name='jeunes-p1__tax_attached'][value='yes']")
    assert not shown("receives_deductible_alimony")
    check_accessibility(page, "jeunes: questions ouvertes")
    no_horizontal_scroll(page, "jeunes")
    # A situation of his own (a baby expected) closes the questions about the parents.
    page.check("[name='jeunes-p1__situation'][value='young_parent']")
    assert not shown("lives_with_parents") and not shown("tax_attached")


def test_the_care_page_asks_which_front_tooth_only_for_a_bridge(live_server, phone_page, check_accessibility):
    """A dental entry asks whether the bridge replaces an incisor only for a bridge of a front tooth (CSS ``:has``)."""
    from tests.questionnaire.test_questionnaire_care_costs import answers as care_answers

    page = phone_page
    answers = care_answers([])
    page.goto(live_server.url + "/questionnaire/")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    for step in ("residence", "foyer", "logement", "ressources", "montants", "complementaire"):
        fill(page, step, answers[step])
        with page.expect_navigation():
            page.click("button.button--primary[value=next]")
    assert page.url.endswith("/soins/")
    with page.expect_navigation():
        page.click("button[value='add:dental_prosthesis']")

    def asked():
        return page.locator("[name='soins-0-bridge_incisor']").first.is_visible()

    assert not asked()
    page.check("[name='soins-0-tooth'][value='front']")
    assert not asked()  # a crown: the front teeth are priced alike
    page.check("[name='soins-0-act'][value='bridge']")
    assert asked()
    check_accessibility(page, "soins: bridge d'une dent de devant")
    no_horizontal_scroll(page, "soins: bridge")
    page.check("[name='soins-0-tooth'][value='molar']")
    assert not asked()
