"""What the CSS rules share: references, the articles cited without a figure of their own, and wording helpers.

Every CSS figure is read from the dated parameters by the name of its file (``p["css.deduction_aah"]`` is
``eligibility/parameters/css/deduction_aah.yaml``); ``ref(p, name)`` is the reference of the value in force.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache

from ..enums import Role
from ..parameters import ParametersOn
from ..reasons import Reason, format_number, format_percent
from ..situation import Member
from ..wording import Capital, Phrase, because, say

ZERO = Decimal(0)
ONE = Decimal(1)

Ref = tuple[str, str]  # (article as printed, href)

#: Articles cited by rules that have no figure of their own (so no parameter file).
_SECTION_R861 = "https://www.legifrance.gouv.fr/codes/section_lc/LEGITEXT000006073189/LEGISCTA000006156821/"
ARTICLE_EXCLUDED = (
    "Code de la sécurité sociale, art. L861-2 et R861-10",
    "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000030055485",
)
ARTICLE_ALIMONY_PAID = ("Code de la sécurité sociale, art. R861-9", _SECTION_R861)
ARTICLE_SELF_EMPLOYMENT = ("Code de la sécurité sociale, art. R861-15", _SECTION_R861)
ARTICLE_RESOURCES = ("Code de la sécurité sociale, art. R861-4 et R861-8", _SECTION_R861)
ARTICLE_NOT_IN_HOUSEHOLD = ("Code de la sécurité sociale, art. R861-2 et R861-4", _SECTION_R861)
ARTICLE_HOUSEHOLD = (
    "Code de la sécurité sociale, art. R861-2",
    "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006753230",
)
#: The individual applications and the under-25s' conditions are not in a code article: the official pages say them.
SOURCE_INDIVIDUAL = (
    "Service-public.fr, fiche F10027, demande à titre individuel",
    "https://www.service-public.fr/particuliers/vosdroits/F10027",
)
SOURCE_UNDER_25 = (
    "Code de la sécurité sociale, art. R861-2 ; site officiel de la Complémentaire santé solidaire, demandeurs de "
    "moins de 25 ans",
    "https://www.complementaire-sante-solidaire.gouv.fr/faq_cpam_cmuc_demandeurs_moins_de_25_ans.php",
)
ARTICLE_DECISION = (
    "Code de la sécurité sociale, art. L861-1",
    "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000037950247",
)


def ref(p: ParametersOn, name: str) -> Ref:
    """The reference of the value of ``name`` in force, as ``(article, href)``."""
    reference = p.reference(name)
    return reference.title, reference.href


def reason(code: str, cited: Ref, wording: Phrase | None = None, /, **params) -> Reason:
    """The reason ``code`` citing ``cited``, said by ``wording`` (else by the template of the same key)."""
    if wording is None:
        return because(code, cited, **params)
    return Reason(code, wording, cited[0], cited[1])


# Reasons that depend only on the parameters of the date and on the shape of the household are built
# once per date and shared (``Reason`` is immutable); ``ParametersOn`` hashes by identity.
CACHED = 16384


#: Rates and coefficients repeat a lot: cache their formatting (amounts in euros are ``wording.Eur`` values,
#: formatted only when a sentence is read).
number = lru_cache(maxsize=1024)(format_number)
percent = lru_cache(maxsize=256)(format_percent)

_APPLICANT, _PARTNER = say("who.applicant"), say("who.partner")


def who_is(member: Member) -> Phrase:
    """How a sentence names a member: ``vous-même``, ``votre enfant « e1 »``…"""
    if member.role is Role.APPLICANT:
        return _APPLICANT
    if member.role is Role.PARTNER:
        return _PARTNER
    if member.role is Role.CHILD:
        return say("who.child", id=member.id)
    return say("who.dependant", id=member.id)


def capital(phrase: Phrase) -> Capital:
    return Capital(phrase)


def persons(n: int) -> Phrase:
    return say("count.person" if n == 1 else "count.persons", n=n)


def first_dates(p: ParametersOn, name: str) -> dict[str, date]:
    """For a parameter mapping keys to values, the first date each key has a value (all dates, not just ``p.when``)."""
    first: dict[str, date] = {}
    for dated in p.parameter_set[name].values:
        for key in dated.value:
            first.setdefault(key, dated.start)
    return first


def new_key_notes(p: ParametersOn, name: str) -> dict[str, str]:
    """The ``to_verify`` note of the value in force, attached to the keys that value adds (a new presumption)."""
    entry = p.entry(name)
    if not entry.to_verify:
        return {}
    first = first_dates(p, name)
    return {key: entry.to_verify for key in entry.value if first.get(key) == entry.start}
