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
