"""Letters ready to send, written from the case (issue 15; seed 000 "joindre un courrier détaillant la
situation et la demande précise", written complaint, mediation, payment plan).

``letters_for(context, result)`` lists the letters that fit the case, each pre-filled from the shared
presentation context (``context.build_context``): addressee, subject, body with the household's figures and
the planned care, legal references, enclosures. The person (or the social worker) edits them in a form
before printing; the edited text is turned into a PDF (``render_letter_pdf``) or a Word-compatible
``.docx`` (``letter_docx``) and never stored.

Legal references are those the rules already cite (CPAM aid: art. L262-1 and the arrêté of 26 October 1995;
appeals: art. R142-1, from ``parameters/demarches/recours_amiable_delai_mois.yaml``), plus the article that
creates the Assurance Maladie's mediator (art. L217-7-1 of the Code de la sécurité sociale).

The mediator (checked 2026-12-01): art. L217-7-1, created by art. 34 of loi n° 2018-727 du 10 août 2018 and
applied by art. D217-7-1 (décret n° 2018-1084 du 4 décembre 2018), gives each caisse of the régime général
a mediator, to whom a person writes after a first complaint to the caisse's services; once the mediator
says the request is admissible, the time limits of an appeal against the decision are suspended until
the recommendations. ameli.fr, « Comment saisir le médiateur ? »
(https://www.ameli.fr/assure/droits-demarches/reclamation-mediation-voies-de-recours/saisir-mediateur):
after a complaint that failed, write to the mediator of your caisse (by post to the caisse, or from the
ameli account); the mediator decides nothing, proposes an amicable solution.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal

from django import forms
from django.db import models
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from eligibility.rules.enums import Role
from eligibility.safe_input import SafeForm

from .formatting import eur

#: Articles cited by the letters that the rules' results do not carry themselves.
MEDIATOR_ARTICLE = "Code de la sécurité sociale, art. L217-7-1"
APPEAL_ARTICLE = "Code de la sécurité sociale, art. R142-1"
CPAM_AID_ARTICLE = ("Code de la sécurité sociale, art. L262-1 ; arrêté du 26 octobre 1995 relatif à l'action "
                    "sanitaire et sociale des caisses primaires d'assurance maladie")
MAX_FIELD = {"sender": 600, "addressee": 600, "place_date": 200, "subject": 300, "body": 8000,
             "references": 1500, "enclosures": 3000, "signature": 300}


class LetterKind(models.TextChoices):
    CPAM_AID = "demande-aide-cpam", gettext_lazy("Demande d'aide financière à la CPAM (action sanitaire et sociale)")
    PAYMENT_PLAN = "echeancier-hopital", gettext_lazy("Demande d'échéancier au service des frais de séjour de l'hôpital")
    COMPLAINT = "reclamation", gettext_lazy("Réclamation écrite à la CPAM ou à la complémentaire santé")
    MEDIATOR = "mediateur", gettext_lazy("Saisine du médiateur de l'Assurance Maladie")
    CSS_APPEAL = "recours-css", gettext_lazy("Recours contre un refus de CSS (commission de recours amiable)")


#: When to send each letter: printed in the letter's header and beside its link on the results page (which
#: lists the letters without writing them, see ``letter_kinds_for``).
WHEN = {
    LetterKind.CPAM_AID: gettext_lazy("Maintenant, avant les soins (après la demande de CSS)."),
    LetterKind.PAYMENT_PLAN: gettext_lazy("Dès que vous recevez la facture, avant sa date limite de paiement."),
    LetterKind.COMPLAINT: gettext_lazy("Si un remboursement ou une décision vous paraît faux."),
    LetterKind.MEDIATOR: gettext_lazy("Après une réclamation à la caisse restée sans réponse ou sans solution : par "
                                      "courrier à votre caisse, ou depuis votre compte ameli."),
    LetterKind.CSS_APPEAL: gettext_lazy("Seulement si la demande est refusée : dans les 2 mois après la décision."),
}

@dataclass(frozen=True, slots=True)
class Letter:
    kind: LetterKind
    when: str
    sender: str
    addressee: str
    place_date: str
    subject: str
    body: str
    references: list[str] = field(default_factory=list)
    enclosures: list[str] = field(default_factory=list)
    signature: str = ""

    @property
    def title(self) -> str:
        return str(self.kind.label)

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.body.split("\n\n") if p.strip()]

    def edited(self, data: dict) -> Letter:
        """The letter with the fields typed in the form (lists one item per line)."""
        lines = {name: [line.strip() for line in data.get(name, "").splitlines() if line.strip()]
                 for name in ("references", "enclosures")}
        return replace(self, sender=data.get("sender", ""), addressee=data.get("addressee", ""),
                       place_date=data.get("place_date", ""), subject=data.get("subject", ""),
                       body=data.get("body", ""), signature=data.get("signature", ""), **lines)

    def initial(self) -> dict:
        """The form's initial values."""
        return {"sender": self.sender, "addressee": self.addressee, "place_date": self.place_date,
                "subject": self.subject, "body": self.body, "references": "\n".join(self.references),
                "enclosures": "\n".join(self.enclosures), "signature": self.signature}


@dataclass(frozen=True, slots=True)
class LetterWithTranslation:
    """A letter to a French organism as it is sent, in French, and the same letter in the reader's language.

    Letters to French organisms stay in French (issue 17); a reader of another language gets the letter's
    content in their language beside it, to understand what they send. ``translation`` is ``None`` for a
    French reader.
    """

    french: Letter
    translation: Letter | None = None

    @property
    def for_reader(self) -> Letter:
        """The letter in the reader's language (its title and when to send it, on the reader's page)."""
        return self.translation or self.french


def reads_french() -> bool:
    """The active language is French (or none: the rules' and the workspace's language)."""
    return translation.get_language() in (None, "fr")


# --------------------------------------------------------------------------- facts shared by the letters


def _cpam_name(result) -> str:
    department = result.situation.residence.department
    return _("Caisse primaire d'assurance maladie (CPAM) du %(dept)s") % {"dept": department} if department \
        else _("Caisse primaire d'assurance maladie (CPAM)")


def _sender(context: dict) -> str:
    name = context.get("person_label") or _("[Vos prénom et nom]")
    return "\n".join([name, _("[Votre adresse]"), _("[Votre numéro de sécurité sociale]"), _("[Téléphone ou courriel]")])


def _first_person(role: Role) -> str:
    return {
        Role.APPLICANT: _("moi-même"),
        Role.PARTNER: _("mon conjoint ou ma conjointe"),
        Role.CHILD: _("un enfant"),
        Role.OTHER_DEPENDENT: _("une personne à charge"),
    }[role]


def _household(context: dict, result) -> str:
    """The household's figures, as the person writes them: who, how old, the resources counted."""
    when = result.situation.request_date
    people = ", ".join(
        _("%(who)s (%(age)s ans)") % {"who": _first_person(m.role), "age": m.age_on(when)}
        for m in result.situation.members
    )
    size = context["css"]["household_size"]
    monthly = eur((Decimal(str(context["result"]["css"]["resources"])) / 12).quantize(Decimal("0.01")))
    return ngettext(
        "Mon foyer compte %(size)s personne : %(people)s.", "Mon foyer compte %(size)s personnes : %(people)s.", size,
    ) % {"size": size, "people": people} + " " + _(
        "Nos ressources des 12 derniers mois retenues pour la Complémentaire santé solidaire s'élèvent à "
        "%(total)s, soit environ %(monthly)s par mois."
    ) % {"total": context["css"]["resources"], "monthly": monthly}


def _care_lines(context: dict, *, hospital_only: bool = False) -> list[str]:
    oop = context["care"].get("out_of_pocket") or {}
    lines = []
    for line in oop.get("lines", []):
        if hospital_only and not line["hospital"]:
            continue
        current = line["current"]
        text = f"{line['label']} : {current['prefix'] + ' ' if current['prefix'] else ''}{current['amount']} " + _("à ma charge")
        if line.get("with_css"):
            css = line["with_css"]
            text += _(", %(amount)s avec la Complémentaire santé solidaire") % {
                "amount": f"{css['prefix'] + ' ' if css['prefix'] else ''}{css['amount']}"}
        lines.append(text)
    return lines


def _css_sentence(context: dict) -> str:
    css = context["css"]
    if css["free"]:
        return _("D'après la simulation, mon foyer a droit à la Complémentaire santé solidaire sans participation ; "
                 "je la demande en même temps.")
    if css["has_participation"]:
        return _("D'après la simulation, mon foyer a droit à la Complémentaire santé solidaire avec une participation "
                 "de %(amount)s par mois ; je la demande en même temps.") % {"amount": css["monthly_participation"]}
    return _("D'après la simulation, les ressources de mon foyer dépassent le plafond de la Complémentaire santé "
             "solidaire.")


def _items(context: dict, key: str) -> dict | None:
    for item in context["steps"]["next_steps"] + context["steps"]["after_decision"]:
        if item["key"] == key:
            return item
    return None


def _place_date(context: dict) -> str:
    return _("À [ville], le %(day)s") % {"day": context["request_date_text"]}


def _signature(context: dict) -> str:
    return context.get("person_label") or _("[Signature]")


# --------------------------------------------------------------------------- the letters


def _letter(context: dict, kind: LetterKind, *, when: str, addressee: str, subject: str, body: list[str],
            references: list[str], enclosures: list[str]) -> Letter:
    """A letter of ``kind`` from the person of ``context``: sender, place and date, signature filled in, the
    body's paragraphs separated by blank lines."""
    return Letter(
        kind=kind, when=when, sender=_sender(context), addressee=addressee, place_date=_place_date(context),
        subject=subject, body="\n\n".join(body), references=references, enclosures=enclosures,
        signature=_signature(context),
    )


def cpam_aid_letter(context: dict, result) -> Letter:
    care = _care_lines(context)
    oop = context["care"].get("out_of_pocket")
    item = _items(context, "cpam_aid_request")
    needs = [need["label"] for need in (context["cpam"] or {}).get("needs", []) if not need.get("covered_by_css")]
    body = [
        _("Madame, Monsieur,"),
        _("Je sollicite une aide financière individuelle au titre de l'action sanitaire et sociale de la caisse, "
          "pour des frais de santé que je ne peux pas payer seul(e)."),
        _household(context, result) + " " + _css_sentence(context),
    ]
    if care:
        body.append(_("Les soins prévus et ce qui resterait à payer d'après les devis :") + "\n" + "\n".join(f"– {c}" for c in care))
    if oop:
        total = oop["total_with_css"] if oop["with_css_column"] else oop["total_current"]
        body.append(_("Je vous demande de prendre en charge tout ou partie de ce qui resterait à payer (%(total)s%(css)s). "
                      "Les soins n'ont pas encore été réalisés : vous trouverez les devis joints.") % {
            "total": total, "css": _(", une fois la CSS obtenue") if oop["with_css_column"] else ""})
    if needs:
        body.append(_("Ma demande porte sur : %(needs)s.") % {"needs": " ; ".join(n.lower() for n in needs)})
    body.append(_("Je reste à votre disposition pour tout renseignement et vous prie d'agréer, Madame, Monsieur, "
                  "l'expression de mes salutations distinguées."))
    return _letter(
        context, LetterKind.CPAM_AID, when=str(WHEN[LetterKind.CPAM_AID]),
        addressee="\n".join([_("Commission d'action sanitaire et sociale"), _cpam_name(result), _("[Adresse de la caisse]")]),
        subject=_("Demande d'aide financière individuelle pour des frais de santé"),
        body=body,
        references=[CPAM_AID_ARTICLE],
        enclosures=list(item["documents"]) if item else [_("Devis des soins"), _("Justificatifs de ressources du foyer")],
    )


def payment_plan_letter(context: dict, result) -> Letter:
    oop = context["care"]["out_of_pocket"]
    body = [
        _("Madame, Monsieur,"),
        _("Les frais de mon séjour dans votre établissement laissent à ma charge %(total)s d'après l'estimation "
          "ci-dessous. Ma situation ne me permet pas de régler cette somme en une fois.")
        % {"total": oop["hospital_total_current"]},
        "\n".join(f"– {c}" for c in _care_lines(context, hospital_only=True)),
        _household(context, result),
        _("Je vous demande d'accepter un paiement en plusieurs fois, par exemple [montant] € par mois à partir du "
          "[date]. J'ai aussi demandé la Complémentaire santé solidaire et une aide de la CPAM : je vous informerai "
          "de leurs réponses."),
        _("Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées."),
    ]
    references = []
    for stay in context["care"]["stays"]:
        references.extend(r["article"] for r in stay["reasons"] if r.get("article"))
    return _letter(
        context, LetterKind.PAYMENT_PLAN, when=str(WHEN[LetterKind.PAYMENT_PLAN]),
        addressee="\n".join([_("Service des frais de séjour (bureau des admissions)"), _("[Nom de l'établissement]"),
                             _("[Adresse de l'établissement]")]),
        subject=_("Demande de paiement échelonné — facture n° [numéro]"),
        body=body,
        references=list(dict.fromkeys(references)),
        enclosures=[_("Copie de la facture ou de l'avis des sommes à payer"), _("Justificatifs de ressources du foyer"),
                    _("Copie de la demande de Complémentaire santé solidaire ou de sa décision")],
    )


def complaint_letter(context: dict, result) -> Letter:
    body = [
        _("Madame, Monsieur,"),
        _("Je conteste [la décision / le remboursement] du [date] concernant [objet : soins, remboursement, "
          "Complémentaire santé solidaire…], référence [numéro de dossier]."),
        _("[Expliquez en quelques lignes ce qui s'est passé et pourquoi vous n'êtes pas d'accord.]"),
        _household(context, result),
        _("Je vous demande de réexaminer ma situation et de me répondre par écrit. Si cette réclamation porte sur une "
          "décision de la caisse, elle vaut aussi recours dans le délai de 2 mois."),
        _("Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées."),
    ]
    return _letter(
        context, LetterKind.COMPLAINT, when=str(WHEN[LetterKind.COMPLAINT]),
        addressee="\n".join([_("Service des réclamations"), _("[%(cpam)s, ou nom de votre complémentaire santé]")
                             % {"cpam": _cpam_name(result)}, _("[Adresse]")]),
        subject=_("Réclamation — dossier n° [numéro]"),
        body=body,
        references=[APPEAL_ARTICLE],
        enclosures=[_("Copie de la décision ou du relevé de remboursement contesté"), _("Justificatifs à l'appui")],
    )


def mediator_letter(context: dict, result) -> Letter:
    body = [
        _("Madame, Monsieur le médiateur,"),
        _("J'ai adressé une réclamation à la caisse le [date], au sujet de [objet], référence [numéro]. "
          "[Je n'ai pas reçu de réponse / La réponse du [date] ne règle pas ma situation.]"),
        _household(context, result),
        _("Je vous demande d'examiner mon dossier et de rechercher une solution avec la caisse."),
        _("Je note que, si vous déclarez ma demande recevable, les délais de recours contre la décision contestée "
          "sont suspendus jusqu'à vos recommandations (article L217-7-1 du code de la sécurité sociale)."),
        _("Je vous prie d'agréer, Madame, Monsieur le médiateur, l'expression de mes salutations distinguées."),
    ]
    return _letter(
        context, LetterKind.MEDIATOR,
        when=str(WHEN[LetterKind.MEDIATOR]),
        addressee="\n".join([_("Médiateur de l'Assurance Maladie"), _cpam_name(result), _("[Adresse de la caisse]")]),
        subject=_("Demande de médiation — dossier n° [numéro]"),
        body=body,
        references=[MEDIATOR_ARTICLE],
        enclosures=[_("Copie de la réclamation envoyée à la caisse"), _("Copie de la réponse de la caisse, s'il y en a une"),
                    _("Copie de la décision contestée")],
    )


def css_appeal_letter(context: dict, result) -> Letter:
    item = _items(context, "appeal")
    references = [r["article"] for r in (item or {}).get("reasons", []) if r.get("article")] or [APPEAL_ARTICLE]
    body = [
        _("Madame, Monsieur,"),
        _("Par décision du [date de la décision], la caisse a refusé ma demande de Complémentaire santé solidaire "
          "[ou : a fixé ma participation à … € par mois]. Je conteste cette décision."),
        _household(context, result) + " "
        + (_("D'après les plafonds en vigueur pour un foyer de cette taille (%(free)s sans participation, %(with)s "
             "avec participation), mon foyer remplit les conditions.") if context["css"]["eligible"]
           else _("Les plafonds en vigueur pour un foyer de cette taille sont de %(free)s sans participation et "
                  "%(with)s avec participation.")) % {
            "free": context["css"]["ceiling_free"], "with": context["css"]["ceiling_with_participation"]},
        _("[Indiquez ce que la caisse n'a pas pris en compte : une ressource à ne pas compter, un changement de "
          "situation, une personne du foyer…]"),
        _("Je vous demande de réexaminer ma demande. Je vous prie d'agréer, Madame, Monsieur, l'expression de mes "
          "salutations distinguées."),
    ]
    return _letter(
        context, LetterKind.CSS_APPEAL, when=str(WHEN[LetterKind.CSS_APPEAL]),
        addressee="\n".join([_("Commission de recours amiable"), _cpam_name(result), _("[Adresse de la caisse]")]),
        subject=_("Recours contre la décision de Complémentaire santé solidaire du [date]"),
        body=body,
        references=list(dict.fromkeys(references)),
        enclosures=list((item or {}).get("documents") or [])
        or [_("Copie de la décision contestée"), _("Justificatifs à l'appui de votre demande")],
    )


def letter_kinds_for(context: dict) -> list[LetterKind]:
    """The kinds of letter that fit the case, in the order they may be needed (without writing them)."""
    kinds = []
    if context["cpam"] and context["cpam"]["possible"]:
        kinds.append(LetterKind.CPAM_AID)
    oop = context["care"].get("out_of_pocket")
    if oop and any(line["hospital"] for line in oop["lines"]):
        kinds.append(LetterKind.PAYMENT_PLAN)
    kinds += [LetterKind.COMPLAINT, LetterKind.MEDIATOR]
    if context["steps"]["after_decision"]:
        kinds.append(LetterKind.CSS_APPEAL)
    return kinds


WRITERS: dict[LetterKind, Callable[[dict, object], Letter]] = {
    LetterKind.CPAM_AID: cpam_aid_letter, LetterKind.PAYMENT_PLAN: payment_plan_letter,
    LetterKind.COMPLAINT: complaint_letter, LetterKind.MEDIATOR: mediator_letter, LetterKind.CSS_APPEAL: css_appeal_letter,
}


def letters_for(context: dict, result) -> list[Letter]:
    """The letters that fit the case, in the order they may be needed."""
    return [WRITERS[kind](context, result) for kind in letter_kinds_for(context)]


def letters_with_translation(
    result, build_context: Callable[[], dict], *, reader_context: dict | None = None, kinds=None,
) -> list[LetterWithTranslation]:
    """The letters that fit the case in French and, for a reader of another language, translated beside.

    ``build_context()`` makes the presentation context in the active language; it is called once in French
    (the amounts, dates and care labels of the letter sent) and, for another language, once more in that
    language, unless ``reader_context`` (already built in the active language) is given. ``kinds`` keeps
    only those letters.
    """
    if reads_french():
        french = letters_for(reader_context if reader_context is not None else build_context(), result)
        translated = {}
    else:
        with translation.override("fr"):
            french = letters_for(build_context(), result)
        translated = {letter.kind: letter for letter in
                      letters_for(reader_context if reader_context is not None else build_context(), result)}
    return [LetterWithTranslation(letter, translated.get(letter.kind)) for letter in french
            if kinds is None or letter.kind in kinds]


# --------------------------------------------------------------------------- documents


def render_letter_html(letter: Letter, *, for_print: bool = False) -> str:
    """The letter sent to the organism: in French, whatever the reader's language (its headings too)."""
    from .pdf import STYLESHEET, static_url

    with translation.override("fr"):
        return render_to_string("letters/letter.html", {
            "letter": letter, "for_print": for_print, "stylesheet_href": static_url(STYLESHEET) if for_print else None,
        })


def render_letter_pdf(letter: Letter) -> bytes:
    """The letter as a tagged A4 PDF (PDF/UA-1), like the dossier."""
    from .pdf import html_to_pdf

    return html_to_pdf(render_letter_html(letter, for_print=True))


def letter_docx(letter: Letter) -> bytes:
    """The letter as a ``.docx`` file (python-docx), for a social worker to edit in a word processor; in French."""
    with translation.override("fr"):
        return _letter_docx(letter)


def _letter_docx(letter: Letter) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = Document()
    document.core_properties.title = letter.subject
    document.core_properties.language = "fr-FR"
    style = document.styles["Normal"]
    style.font.name = "DejaVu Sans"
    style.font.size = Pt(11)
    document.add_paragraph(letter.sender)
    addressee = document.add_paragraph(letter.addressee)
    addressee.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_paragraph(letter.place_date).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    subject = document.add_paragraph()
    subject.add_run(_("Objet : ")).bold = True
    subject.add_run(letter.subject)
    if letter.references:
        document.add_paragraph(_("Références : ") + " ; ".join(letter.references))
    for paragraph in letter.paragraphs:
        document.add_paragraph(paragraph)
    document.add_paragraph(letter.signature).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if letter.enclosures:
        document.add_paragraph().add_run(_("Pièces jointes :")).bold = True
        for enclosure in letter.enclosures:
            document.add_paragraph(enclosure, style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def letter_filename(letter: Letter, extension: str) -> str:
    return f"courrier-{letter.kind.value}.{extension}"


class LetterForm(SafeForm):
    """The letter's text, pre-filled from the case, as the person edits it before printing (never stored)."""

    sender = forms.CharField(label=gettext_lazy("Expéditeur (vous)"), max_length=MAX_FIELD["sender"],
                             widget=forms.Textarea(attrs={"rows": 4}))
    addressee = forms.CharField(label=gettext_lazy("Destinataire"), max_length=MAX_FIELD["addressee"],
                                widget=forms.Textarea(attrs={"rows": 3}))
    place_date = forms.CharField(label=gettext_lazy("Lieu et date"), max_length=MAX_FIELD["place_date"])
    subject = forms.CharField(label=gettext_lazy("Objet"), max_length=MAX_FIELD["subject"])
    body = forms.CharField(label=gettext_lazy("Texte du courrier"), max_length=MAX_FIELD["body"],
                           help_text=gettext_lazy("Remplacez les passages entre crochets [ ] ; une ligne vide sépare "
                                                  "deux paragraphes."),
                           widget=forms.Textarea(attrs={"rows": 18}))
    references = forms.CharField(label=gettext_lazy("Références (une par ligne)"), required=False,
                                 max_length=MAX_FIELD["references"], widget=forms.Textarea(attrs={"rows": 2}))
    enclosures = forms.CharField(label=gettext_lazy("Pièces jointes (une par ligne)"), required=False,
                                 max_length=MAX_FIELD["enclosures"], widget=forms.Textarea(attrs={"rows": 6}))
    signature = forms.CharField(label=gettext_lazy("Signature"), max_length=MAX_FIELD["signature"])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The letter is written in French, whatever the page's language: screen readers read it as French,
        # and an Arabic page keeps it left to right.
        for bound in self.fields.values():
            bound.widget.attrs.update({"lang": "fr", "dir": "ltr"})
