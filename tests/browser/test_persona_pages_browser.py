"""Every page the four households of issue 13 meet, in Chromium at 375 px and at 1 280 px (issue 15).

Single mother of two; self-employed man in La Réunion with a partner and a teenager; retired couple on the
minimum old-age pension; student living alone. Each fills the questionnaire in the browser (the questionnaire
tests' ``fill``), page after page, then opens what the results offer: the results with every disclosure
open, the dossier's web page, each letter, the admission desk page, the resume code and its e-mail form
(sent), the feedback form (with an error, then sent). On every page, at both widths: no horizontal scroll and
axe clean; on the results, the first phone screen answers what you get, what you pay, what to do first.

One browser for the module and one page per household, resized rather than reopened, keep the run short.
"""

from __future__ import annotations

import re

import pytest
from django.core import mail

from tests.browser.pages import open_page
from tests.browser.test_questionnaire_browser import fill
from tests.browser.test_results_browser import DESKTOP, PHONE, first_screen, text
from tests.questionnaire.test_questionnaire_households import (
    retired_couple_on_aspa,
    self_employed_overseas,
    single_mother_of_two,
    student_living_alone,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def page(chromium):
    yield from open_page(chromium, PHONE)


@pytest.fixture
def seen(check_accessibility):
    """``seen(page, name)``: at 375 px then 1 280 px, no horizontal scroll and no axe violation; back to 375 px."""
    def check(page, name: str) -> None:
        for viewport in (DESKTOP, PHONE):
            page.set_viewport_size(viewport)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= viewport["width"], f"{name}: {width} px wide at {viewport['width']} px"
            check_accessibility(page, f"{name} ({viewport['width']} px)")

    return check


def go(page, url: str) -> None:
    response = page.goto(url)
    assert response.status == 200, (url, response.status)


@pytest.mark.parametrize("persona", [single_mother_of_two, self_employed_overseas, retired_couple_on_aspa,
                                     student_living_alone], ids=lambda p: p.__name__)
def test_every_page_of_a_household_at_375_and_1280_px(live_server, page, seen, persona):
    name = persona.__name__
    answers = persona()
    has_care = answers["soins"]["TOTAL_FORMS"] != "0"

    # The questionnaire, page after page.
    go(page, live_server.url + "/questionnaire/")
    seen(page, f"{name}: début")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    while "/resultats/" not in page.url:
        step = re.search(r"/([a-z-]+)/$", page.url).group(1)
        fill(page, step, answers[step])
        seen(page, f"{name}: {step}")
        with page.expect_navigation():
            page.click("button.button--primary[value=next]")
        assert page.locator(".error-summary").count() == 0, page.inner_text(".error-summary")

    # The results: the answer on the first phone screen, then every disclosure open.
    answer = first_screen(page, PHONE)
    assert "Ce que vous pouvez obtenir" in answer and "Ce que vous faites d'abord" in answer
    assert ("Ce que vous paierez pour vos soins" in answer) is has_care
    seen(page, f"{name}: résultats")
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    seen(page, f"{name}: résultats, tout ouvert")
    links = {
        "dossier": page.get_attribute("a:text('Voir le dossier en page web')", "href"),
        "admission": page.get_attribute("a:text('Une page à montrer au bureau des admissions')", "href"),
        "code": page.get_attribute("a:text('Recevoir le code de reprise par courriel')", "href"),
    }
    letters = page.eval_on_selector_all("#titre-courriers ~ ul.letters a", "links => links.map(a => a.href)")
    assert len(letters) >= 3, letters

    # Feedback: an empty form is refused next to the field, then a reaction is sent.
    page.reload()
    page.locator("#titre-avis ~ details summary").click()
    with page.expect_navigation():
        page.click("#titre-avis ~ details button[type=submit]")
    assert page.locator(".error-summary").is_visible()
    seen(page, f"{name}: avis avec erreur")
    page.check("input[name='reaction'][value='unclear']")
    page.fill("textarea[name='comment']", "Je ne comprends pas la participation.")
    with page.expect_navigation():
        page.click("#titre-avis ~ details button[type=submit]")
    assert "votre avis est enregistré" in page.inner_text("#titre-avis ~ .notice")
    seen(page, f"{name}: avis envoyé")

    # The dossier's web page, each letter, the admission desk page.
    go(page, live_server.url + links["dossier"])
    assert "Vos résultats en bref" in page.inner_text("main")
    seen(page, f"{name}: dossier en page web")
    for url in letters:
        go(page, url)
        assert page.input_value("#id_body").startswith("Madame, Monsieur")
        seen(page, f"{name}: courrier {url.rstrip('/').rsplit('/', 1)[-1]}")
    go(page, live_server.url + links["admission"])
    assert "Pour le bureau des admissions de l'hôpital" in page.inner_text("main")
    seen(page, f"{name}: page pour le bureau des admissions")

    # The resume code, printed or sent by e-mail.
    go(page, live_server.url + links["code"])
    code = page.inner_text("#code-de-reprise")
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2}", code)
    seen(page, f"{name}: code de reprise")
    page.fill("input[type=email]", "personne@example.org")
    with page.expect_navigation():
        page.click("#formulaire button[type=submit]")
    assert "Le message est parti" in text(page.locator("main"))
    assert len(mail.outbox) == 1 and code in mail.outbox[0].body
    seen(page, f"{name}: code envoyé par courriel")
