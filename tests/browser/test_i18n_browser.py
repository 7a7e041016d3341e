"""The Arabic pages in Chromium: right to left, accessible (axe), no horizontal scroll on a 375 px phone."""

from __future__ import annotations

import pytest
from django.conf import settings

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 740}


@pytest.fixture
def arabic_page(chromium, live_server):
    context = chromium.new_context(bypass_csp=True, locale="ar", viewport=PHONE)
    context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": "ar", "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def assert_right_to_left_without_horizontal_scroll(page, name: str) -> None:
    assert page.evaluate("document.documentElement.lang") == "ar", name
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl", name
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{name}: the page is {width} px wide on a {PHONE['width']} px screen"


def test_arabic_pages_read_right_to_left_and_pass_axe(arabic_page, live_server, check_accessibility):
    page = arabic_page
    page.goto(live_server.url + "/")
    assert_right_to_left_without_horizontal_scroll(page, "accueil")
    check_accessibility(page, "accueil (ar)")
    # The brand sits at the right edge of the header, the start of a right-to-left line.
    header = page.locator(".site-header__inner").bounding_box()
    brand = page.locator(".site-header__brand").bounding_box()
    assert header["x"] + header["width"] - (brand["x"] + brand["width"]) < 40

    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert_right_to_left_without_horizontal_scroll(page, "première question")
    check_accessibility(page, "première question (ar)")
    # The stepper's bar fills from the right.
    bar = page.locator(".stepper__bar").bounding_box()
    fill = page.locator(".stepper__bar span").bounding_box()
    assert abs((bar["x"] + bar["width"]) - (fill["x"] + fill["width"])) < 1

    # An error: the summary and the field's message, in Arabic, accessible.
    with page.expect_navigation():
        page.click("button.button--primary[value=next]")
    assert page.locator(".error-summary").is_visible()
    assert_right_to_left_without_horizontal_scroll(page, "première question avec erreurs")
    check_accessibility(page, "première question avec erreurs (ar)")
    # The error marker is on the start side of the field: the right in Arabic.
    field = page.locator(".field--error").first
    assert field.evaluate("e => getComputedStyle(e).borderRightWidth") == "4px"

    with page.expect_navigation():
        page.click("button[value=save]")
    assert_right_to_left_without_horizontal_scroll(page, "code de reprise")
    check_accessibility(page, "code de reprise (ar)")
    code = page.inner_text("#code-de-reprise")
    assert page.locator("#code-de-reprise").evaluate("e => getComputedStyle(e).direction") == "ltr"

    page.goto(live_server.url + "/questionnaire/reprendre/")
    page.fill("#id_code", "ABC")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert_right_to_left_without_horizontal_scroll(page, "reprise avec erreur")
    check_accessibility(page, "reprise avec erreur (ar)")
    page.fill("#id_code", code.lower())
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert "/questionnaire/" in page.url and page.evaluate("document.documentElement.lang") == "ar"


def test_the_switcher_works_with_the_keyboard(browser_page, live_server, tab_to):
    page = browser_page
    page.goto(live_server.url + "/questionnaire/reprendre/")
    tab_to(page, ".language-switcher button[value=ar]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == live_server.url + "/questionnaire/reprendre/"
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["ar", "rtl"]
    tab_to(page, ".language-switcher button[value=fr]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.evaluate("document.documentElement.lang") == "fr"


# --------------------------------------------------------------------------- the Arabic web font

ARABIC_FONT = "Noto Sans Arabic Web"


def font_requests(page) -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []
    page.on("response", lambda response: found.append((response.url, response.status))
            if response.url.endswith(".woff2") else None)
    return found


def test_the_arabic_page_draws_arabic_with_the_font_the_site_serves(chromium, live_server):
    # No CSP bypass here: the page's own Content-Security-Policy must let the font in.
    context = chromium.new_context(locale="ar", viewport=PHONE)
    context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": "ar", "url": live_server.url}])
    page = context.new_page()
    violations: list[str] = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    requests = font_requests(page)
    page.goto(live_server.url + "/")
    page.evaluate("document.fonts.ready.then(() => true)")
    heading = page.locator("main h1")
    assert heading.evaluate("e => getComputedStyle(e).fontFamily").startswith(f'"{ARABIC_FONT}"')
    loaded = page.evaluate(
        "name => [...document.fonts].filter(f => f.family.replaceAll('\"', '') === name && f.status === 'loaded')"
        ".map(f => f.weight)", ARABIC_FONT)
    assert "400" in loaded and "700" in loaded  # body text and headings
    assert sorted(url.rsplit("/", 1)[-1] for url, status in requests if status == 200) == [
        "NotoSansArabic-Bold.woff2", "NotoSansArabic-Regular.woff2"]
    assert violations == []
    context.close()


def test_a_french_page_downloads_no_arabic_font(browser_page, live_server):
    page = browser_page
    requests = font_requests(page)
    page.goto(live_server.url + "/")
    page.evaluate("document.fonts.ready.then(() => true)")
    # The switcher writes « العربية » on every page, in the device's own font.
    assert page.locator(".language-switcher button[value=ar]").inner_text() == "العربية"
    assert requests == []


def open_case_page(page, live_server, monkeypatch, path: str):
    """``page`` (in Arabic) opens ``path`` of a case answered through the test client for the self-employed man in
    difficulty (the browser takes over the client's session cookies)."""
    import urllib.parse

    from django.test import Client

    from eligibility.questionnaire.views import QuestionnaireWizard
    from tests.questionnaire.test_questionnaire_helpers import Journey
    from tests.questionnaire.test_questionnaire_journeys import REQUEST_DATE, self_employed_in_difficulty

    monkeypatch.setattr(QuestionnaireWizard, "today", lambda self: REQUEST_DATE)
    client = Client()
    journey = Journey(client)
    journey.start()
    journey.run(self_employed_in_difficulty())
    host = urllib.parse.urlsplit(live_server.url).hostname
    page.context.add_cookies([{"name": name, "value": morsel.value, "domain": host, "path": morsel["path"] or "/"}
                              for name, morsel in client.cookies.items()])
    page.goto(live_server.url + f"/questionnaire/{journey.case_id}/{path}")
    return page


# --------------------------------------------------------------------------- a letter and its translation


def test_the_arabic_letter_page_shows_the_translation_beside_the_french_letter(
    arabic_page, live_server, check_accessibility, monkeypatch,
):
    page = open_case_page(arabic_page, live_server, monkeypatch, "courriers/echeancier-hopital/")
    assert_right_to_left_without_horizontal_scroll(page, "courrier (375 px)")
    check_accessibility(page, "courrier et sa traduction (ar)")
    body = page.locator("#id_body")
    assert body.evaluate("e => [e.lang, getComputedStyle(e).direction]") == ["fr", "ltr"]
    assert body.input_value().startswith("Madame, Monsieur,")
    translation = page.locator(".letter-translation")
    assert "سيدتي، سيدي،" in translation.inner_text()
    # On a phone, one under the other; on a wide screen, side by side (the French letter on the right,
    # where an Arabic reader starts).
    form_box, translation_box = page.locator(".letter-form").bounding_box(), translation.bounding_box()
    assert translation_box["y"] > form_box["y"] + form_box["height"] - 1
    page.set_viewport_size({"width": 1280, "height": 800})
    form_box, translation_box = page.locator(".letter-form").bounding_box(), translation.bounding_box()
    assert abs(translation_box["y"] - form_box["y"]) < 2
    assert translation_box["x"] + translation_box["width"] <= form_box["x"]
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 1280


# --------------------------------------------------------------------------- the admission desk page


def test_the_arabic_admission_page_shows_the_french_page_and_its_translation_beside(
    arabic_page, live_server, check_accessibility, monkeypatch,
):
    """Issue 17: the page for the hospital stays French (left to right), its translation follows on a phone and
    stands beside it on a wide screen (the French page on the right, where an Arabic reader starts)."""
    page = open_case_page(arabic_page, live_server, monkeypatch, "admission/")
    assert_right_to_left_without_horizontal_scroll(page, "page pour le bureau des admissions (375 px)")
    check_accessibility(page, "page pour le bureau des admissions et sa traduction (ar)")
    french = page.locator(".admission__french")
    assert french.evaluate("e => [e.lang, getComputedStyle(e).direction]") == ["fr", "ltr"]
    assert "Pour le bureau des admissions de l'hôpital" in french.inner_text()
    translation = page.locator(".admission__translation")
    assert "لمكتب الدخول في المستشفى" in translation.inner_text()
    french_box, translation_box = french.bounding_box(), translation.bounding_box()
    assert translation_box["y"] > french_box["y"] + french_box["height"] - 1
    page.set_viewport_size({"width": 1280, "height": 800})
    french_box, translation_box = french.bounding_box(), translation.bounding_box()
    assert abs(translation_box["y"] - french_box["y"]) < 2
    assert translation_box["x"] + translation_box["width"] <= french_box["x"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    check_accessibility(page, "page pour le bureau des admissions et sa traduction, écran large (ar)")
