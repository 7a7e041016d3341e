"""The public side in French, English and Arabic: switcher, lang/dir, the case's language, untranslated text.

The workspace, the admin and the API stay in French whatever the visitor chose.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from eligibility.models import Case
from tests.i18n_pages import french_marked_texts, left_in_french, visible_texts

ROOT = Path(__file__).resolve().parents[2]
TRANSLATED = ["en", "ar"]
COOKIE = settings.LANGUAGE_COOKIE_NAME


def client_in(language: str | None) -> Client:
    client = Client()
    if language:
        client.cookies[COOKIE] = language
    return client


def html_of(response) -> str:
    return response.content.decode()


def html_tag(html: str) -> str:
    return re.search(r"<html[^>]*>", html).group(0)


def start_case(client: Client) -> str:
    response = client.post(reverse("questionnaire:start"))
    assert response.status_code == 302
    return re.search(r"/questionnaire/([0-9a-f-]{36})/", response["Location"]).group(1)


# --------------------------------------------------------------------------- the switcher and the attributes


@pytest.mark.django_db
def test_home_offers_every_language_each_named_in_itself(client):
    html = html_of(client.get("/"))
    assert f'action="{reverse("set_language")}"' in html
    assert '<span class="language-switcher__current" lang="fr" dir="ltr" aria-current="true">Français</span>' in html
    assert 'name="language" value="en" class="link-button" lang="en" dir="ltr">English</button>' in html
    assert 'name="language" value="ar" class="link-button" lang="ar" dir="rtl">العربية</button>' in html
    assert 'name="next" value="/"' in html


@pytest.mark.django_db
def test_choosing_a_language_sets_a_cookie_and_comes_back_to_the_same_page():
    client = Client()
    page = reverse("questionnaire:resume")
    response = client.post(reverse("set_language"), {"language": "ar", "next": page})
    assert response.status_code == 302 and response["Location"] == page
    assert client.cookies[COOKIE].value == "ar"
    assert client.cookies[COOKIE]["httponly"] and client.cookies[COOKIE]["samesite"] == "Lax"
    html = html_of(client.get(page))
    assert html_tag(html) == '<html lang="ar" dir="rtl">'
    assert "<h1>متابعة استبيان</h1>" in html
    # The choice does not depend on a session: none was created.
    assert "sessionid" not in client.cookies


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "tag", "heading"), [
    ("fr", '<html lang="fr">', "Des frais de santé que vous ne pouvez pas payer ?"),
    ("en", '<html lang="en">', "Health costs you cannot pay?"),
    ("ar", '<html lang="ar" dir="rtl">', "تكاليف صحية لا تستطيع دفعها؟"),
])
def test_lang_and_dir_follow_the_language(language, tag, heading):
    response = client_in(language).get("/")
    html = html_of(response)
    assert html_tag(html) == tag
    assert f"<h1>{heading}</h1>" in html
    assert response["Content-Language"] == language


@pytest.mark.django_db
def test_the_browser_language_is_used_until_the_person_chooses():
    assert html_tag(html_of(Client(HTTP_ACCEPT_LANGUAGE="ar").get("/"))) == '<html lang="ar" dir="rtl">'
    client = Client(HTTP_ACCEPT_LANGUAGE="ar")
    client.cookies[COOKIE] = "en"
    assert html_tag(html_of(client.get("/"))) == '<html lang="en">'


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/connexion/", "/mot-de-passe/oublie/", "/admin/login/"])
def test_the_workspace_stays_in_french_without_switcher(path):
    html = html_of(client_in("ar").get(path))
    assert html_tag(html).startswith('<html lang="fr"')
    assert "language-switcher" not in html


@pytest.mark.django_db
def test_the_api_answers_in_french_whatever_the_cookie():
    response = client_in("en").post("/api/v1/simulations", data="{", content_type="application/json")
    assert response.status_code == 400
    assert response["Content-Language"] == "fr"


# --------------------------------------------------------------------------- the case remembers the language


@pytest.mark.django_db
def test_the_case_keeps_the_language_chosen_and_the_resume_code_brings_it_back():
    client = client_in("ar")
    case_id = start_case(client)
    client.get(reverse("questionnaire:case", kwargs={"case_id": case_id}), follow=True)
    case = Case.objects.get(public_id=case_id)
    assert case.language == "ar"
    html = html_of(client.get(reverse("questionnaire:save", kwargs={"case_id": case_id})))
    code = re.search(r'<span class="code"[^>]*>([A-Z0-9-]+)</span>', html).group(1)

    elsewhere = Client()  # another phone: no cookie, no session
    response = elsewhere.post(reverse("questionnaire:resume"), {"code": code.lower()})
    assert response.status_code == 302
    assert elsewhere.cookies[COOKIE].value == "ar"
    step = elsewhere.get(response["Location"], follow=True)
    assert html_tag(html_of(step)) == '<html lang="ar" dir="rtl">'


@pytest.mark.django_db
def test_a_choice_made_on_the_case_pages_replaces_the_one_on_the_case():
    client = client_in("ar")
    case_id = start_case(client)
    client.get(reverse("questionnaire:case", kwargs={"case_id": case_id}), follow=True)
    client.cookies[COOKIE] = "en"
    client.get(reverse("questionnaire:case", kwargs={"case_id": case_id}), follow=True)
    assert Case.objects.get(public_id=case_id).language == "en"


@pytest.mark.django_db
def test_case_pages_without_a_cookie_speak_the_case_language():
    client = Client()
    case_id = start_case(client)
    Case.objects.filter(public_id=case_id).update(language="en")
    step = client.get(reverse("questionnaire:case", kwargs={"case_id": case_id}), follow=True)
    assert html_tag(html_of(step)) == '<html lang="en">'
    assert Case.objects.get(public_id=case_id).language == "en"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", *TRANSLATED])
def test_the_resume_code_works_the_same_in_every_language(language):
    client = client_in(language)
    case_id = start_case(client)
    html = html_of(client.get(reverse("questionnaire:save", kwargs={"case_id": case_id})))
    code = re.search(r'<span class="code" id="code-de-reprise" dir="ltr">([A-Z0-9-]+)</span>', html).group(1)
    other = client_in(language)
    response = other.post(reverse("questionnaire:resume"), {"code": " " + code.lower().replace("-", " ")})
    assert response.status_code == 302
    assert response["Location"] == reverse("questionnaire:case", kwargs={"case_id": case_id})
    refused = other.post(reverse("questionnaire:resume"), {"code": "ABC"})
    assert refused.status_code == 400 and 'aria-invalid="true"' in html_of(refused)


# --------------------------------------------------------------------------- nothing left in French


def pages(client: Client) -> dict[str, str]:
    """The public pages outside the questions, as ``client`` (with its language cookie) sees them."""
    case_id = start_case(client)
    shown = {
        "home": client.get("/"),
        "start": client.get(reverse("questionnaire:start")),
        "resume": client.get(reverse("questionnaire:resume")),
        "resume-error-empty": client.post(reverse("questionnaire:resume"), {"code": ""}),
        "resume-error-length": client.post(reverse("questionnaire:resume"), {"code": "ABC"}),
        "resume-error-unknown": client.post(reverse("questionnaire:resume"), {"code": "ABCD-EFGH-JK"}),
        "saved": client.get(reverse("questionnaire:save", kwargs={"case_id": case_id})),
        "not-found": client.get("/questionnaire/00000000-0000-0000-0000-000000000000/etape/residence/"),
    }
    Case.objects.filter(public_id=case_id).update(closed_at="2026-11-22T10:00:00Z")
    case = Case.objects.get(public_id=case_id)
    from dossiers.models import Dossier, Organisation

    organisation = Organisation.objects.create(name="CCAS de test")
    Dossier.objects.create(organisation=organisation, case=case)
    shown["closed"] = client.get(reverse("questionnaire:case", kwargs={"case_id": case_id}))
    return {name: html_of(response) for name, response in shown.items()}


@pytest.mark.django_db
@pytest.mark.parametrize("language", TRANSLATED)
def test_no_french_sentence_is_left_on_the_translated_pages(language):
    french = pages(client_in("fr"))
    translated = pages(client_in(language))
    assert french.keys() == translated.keys()
    left = {name: left_in_french(french[name], translated[name]) for name in french}
    assert {name: texts for name, texts in left.items() if texts} == {}
    for name, html in translated.items():
        assert html_tag(html).startswith(f'<html lang="{language}"'), name
        # The comparison found the French texts: the French page did have sentences.
        assert len(visible_texts(french[name])) > 5, name


@pytest.mark.django_db
@pytest.mark.parametrize("template", ["500.html", "400.html", "403_csrf.html", "404.html"])
@pytest.mark.parametrize("language", TRANSLATED)
def test_error_pages_are_translated(rf, template, language):
    from django.template.loader import render_to_string
    from django.utils import translation

    request = rf.get("/")
    request.language_switchable = True
    with translation.override("fr"):
        french = render_to_string(template, request=request)
    with translation.override(language):
        translated = render_to_string(template, request=request)
    assert left_in_french(french, translated) == []
    assert html_tag(translated).startswith(f'<html lang="{language}"')


def test_the_left_in_french_check_finds_a_forgotten_sentence():
    french = '<html lang="fr"><main><h1>Vos droits</h1><p>Comptez 10 minutes.</p><p>1 234 €</p></main></html>'
    english = '<html lang="en"><main><h1>Your rights</h1><p>Comptez 10 minutes.</p><p>1 234 €</p></main></html>'
    assert left_in_french(french, english) == ["Comptez 10 minutes."]


def test_only_text_marked_french_may_stay_french():
    """A letter to a French organism stays French on purpose when marked ``lang="fr"``; nothing else does."""
    french = ('<html lang="fr"><main><p>Madame, Monsieur,</p><textarea lang="fr">Je conteste.</textarea>'
              '<p>Objet :</p></main></html>')
    english = ('<html lang="en"><main><div lang="fr" dir="ltr"><p>Madame, Monsieur,</p><br>'
               '<textarea lang="fr">Je conteste.</textarea></div><p>Objet :</p><p>Subject:</p></main></html>')
    assert left_in_french(french, english) == ["Objet :"]
    assert french_marked_texts(english) == ["Madame, Monsieur,", "Je conteste."]
    assert visible_texts(english) == ["Madame, Monsieur,", "Je conteste.", "Objet :", "Subject:"]


# --------------------------------------------------------------------------- the catalogues


def test_every_catalogue_entry_is_translated_and_none_is_fuzzy():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_translations.py")],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_the_catalogue_check_refuses_an_empty_or_fuzzy_entry(tmp_path):
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from check_translations import parse_po
    finally:
        sys.path.pop(0)
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: en\\n"\n\n'
        '#, fuzzy\nmsgid "Continuer"\nmsgstr "Go on"\n\n'
        'msgid "Précédent"\nmsgstr ""\n\n'
        'msgid "Il y a %(n)s problème"\nmsgid_plural "Il y a %(n)s problèmes"\nmsgstr[0] "%(n)s problem"\nmsgstr[1] ""\n\n'
        'msgid ""\n"Quitter"\nmsgstr ""\n"Leave"\n',
        encoding="utf-8",
    )
    entries = {entry.msgid: entry for entry in parse_po(po)}
    assert "fuzzy" in entries["Continuer"].flags
    assert entries["Précédent"].msgstr == {0: ""}
    assert entries["Il y a %(n)s problème"].msgstr == {0: "%(n)s problem", 1: ""}
    assert entries["Quitter"].msgstr == {0: "Leave"}


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_compiled_catalogue_is_used(language):
    from django.utils import translation

    with translation.override(language):
        assert translation.gettext("Continuer") != "Continuer"


@pytest.mark.parametrize("language", ["fr", *TRANSLATED])
def test_numbers_amounts_and_dates_keep_the_french_format_in_every_language(language):
    from datetime import date
    from decimal import Decimal

    from django.utils import formats, translation

    from dossiers.templatetags.aidsante_format import eur

    with translation.override(language):
        assert formats.localize(Decimal("1234.5"), use_l10n=True) == "1\u00a0234,5"
        assert formats.date_format(date(2026, 11, 22), "SHORT_DATE_FORMAT") == "22/11/2026"
        assert "%d/%m/%Y" in formats.get_format("DATE_INPUT_FORMATS")
        # Western digits and the euro after the amount; isolated left to right in Arabic.
        expected = "1\u202f234,50\u00a0€"
        assert eur("1234.5") == (f"\u2066{expected}\u2069" if language == "ar" else expected)


@pytest.mark.parametrize(("language", "month"), [("fr", "novembre"), ("en", "November"), ("ar", "نوفمبر")])
def test_dates_in_words_take_the_month_of_the_page_language(language, month):
    from datetime import date

    from django.utils import translation

    from dossiers.templatetags.aidsante_format import date_fr

    with translation.override(language):
        assert date_fr(date(2026, 11, 22)) == f"22 {month} 2026"


@pytest.mark.parametrize("template", ["_glossary.html", "_french_reference.html"])
def test_the_glossary_and_the_reference_note_show_only_on_translated_pages(rf, template):
    from django.template.loader import render_to_string
    from django.utils import translation

    request = rf.get("/questionnaire/")
    request.language_switchable = True
    with translation.override("fr"):
        assert render_to_string(template, request=request).strip() == ""
    for language in TRANSLATED:
        with translation.override(language):
            assert visible_texts(render_to_string(template, request=request)), language
    with translation.override("ar"):
        html = render_to_string(template, request=request)
    if template == "_glossary.html":
        # The legal names stay in French, marked as French for screen readers.
        assert '<dt lang="fr">Complémentaire santé solidaire (CSS)</dt>' in html
    else:
        assert "النص الفرنسي هو المرجع" in html
        assert 'name="language" value="fr"' in html
