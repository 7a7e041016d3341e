"""Each out-of-pocket line's explanation (issue 14) on a 375 px phone: one tap away, closed at first, and the page
never scrolls sideways once every explanation is open; accessible (axe) in both states."""

from __future__ import annotations

import pytest

from eligibility.questionnaire.views import QuestionnaireWizard
from tests.browser.test_results_browser import PHONE, family_with_care, no_horizontal_scroll, open_case, text
from tests.questionnaire.test_questionnaire_journeys import REQUEST_DATE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(QuestionnaireWizard, "today", lambda self: REQUEST_DATE)


def test_each_line_explained_one_tap_away_at_375px(client, live_server, browser_page, check_accessibility):
    page = browser_page
    page.set_viewport_size(PHONE)
    journey = open_case(client, live_server, page, family_with_care())
    page.goto(live_server.url + journey.results_url)
    widgets = page.locator("details.oop__explain")
    count = widgets.count()
    assert count >= 4, count  # daily charge, single room, glasses, dental prosthesis
    for i in range(count):
        widget = widgets.nth(i)
        assert not widget.get_attribute("open") and not widget.locator("ul").is_visible()
        widget.locator("summary").click()
        assert widget.locator("ul").is_visible()
    no_horizontal_scroll(page)
    words = " ".join(text(widgets.nth(i)) for i in range(count))
    assert "Avec votre couverture actuelle : Sécurité sociale" in words
    assert "Avec la Complémentaire santé solidaire : Sécurité sociale" in words
    assert "Prix compté : 1 200 €, le montant du devis." in words
    check_accessibility(page, "explications des lignes du reste à payer (375 px)")
