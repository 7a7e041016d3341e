"""The wording catalogue (``eligibility/rules/wording``): every sentence of the rules comes from one template.

* every key the rules say has a template, and every template is said somewhere (no drift, nothing dead);
* on a few thousand generated households, every phrase of every result finds its values: each placeholder of
  its template is given (rendering in French never raises), nested phrases included;
* a page in another language renders the same phrases through its own templates, dates and amounts;
* ``scripts/rule_labels.py`` has written every template into the file ``makemessages`` reads.
"""

from __future__ import annotations

import ast
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from eligibility.rules.engine import simulate
from eligibility.rules.reasons import Reason
from eligibility.rules.situation import parse_situation
from eligibility.rules.wording import (
    TEMPLATES,
    Capital,
    Day,
    Eur,
    FromMonth,
    Joined,
    Label,
    Month,
    Phrase,
    placeholders,
    say,
    speaking,
)

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "eligibility" / "rules"
sys.path.insert(0, str(ROOT / "bench"))

#: Functions whose first argument (a literal, or a conditional between literals) is a template key.
SAYING = {"say", "Phrase", "because"}


def _rule_sources() -> dict[Path, ast.Module]:
    return {
        path: ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted(RULES.rglob("*.py")) if "wording" not in path.relative_to(RULES).parts
    }


def _literals(node: ast.AST) -> list[str]:
    """The string literals an argument may be: ``"a"``, ``"a" if x else "b"``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _literals(node.body) + _literals(node.orelse)
    return []


def _called_name(call: ast.Call) -> str | None:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None


def said_keys() -> set[tuple[str, str]]:
    """(file, key) for every key the rules pass to ``say``/``Phrase``/``because``, or to ``reason`` without its
    own phrase (the code is then the key)."""
    found = set()
    for path, tree in _rule_sources().items():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = _called_name(node)
            if name in SAYING or (name == "reason" and len(node.args) == 2):
                found.update((path.name, key) for key in _literals(node.args[0]))
    return found


def test_every_key_the_rules_say_has_a_template():
    missing = sorted((file, key) for file, key in said_keys() if key not in TEMPLATES)
    assert missing == []
    assert len(said_keys()) > 50


def test_every_template_is_said_by_a_rule():
    literals = set()
    for tree in _rule_sources().values():
        literals.update(n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str))
    # ``care/guidance.py`` says the item ``code`` by ``guidance.<code>.title`` and ``.text``, its documents by
    # ``guidance.documents.<name>``.
    derived = {f"guidance.{lit}.{part}" for lit in literals for part in ("title", "text")}
    derived |= {f"guidance.documents.{lit}" for lit in literals}
    assert sorted(set(TEMPLATES) - literals - derived) == []


def test_templates_are_well_formed():
    for key, template in TEMPLATES.items():
        assert "  " not in template and "\n" not in template, key  # clauses may start or end with one space
        assert "{}" not in template and "{0" not in template, key  # named placeholders only
        placeholders(template)  # parses


# --------------------------------------------------------------------------- phrases of generated households


def _phrases(value, seen: set[int]):
    """Every phrase reachable from a result (dataclasses, tuples, dicts, phrases' values)."""
    if id(value) in seen or value is None or isinstance(value, (str, int, Decimal, date, bool, float)):
        return
    seen.add(id(value))
    if isinstance(value, Phrase):
        yield value
        for v in (value.params or {}).values():
            yield from _phrases(v, seen)
        return
    if isinstance(value, (Capital, Label)):
        yield from _phrases(getattr(value, "value", None), seen)
        return
    if isinstance(value, Joined):
        for v in value.values:
            yield from _phrases(v, seen)
        return
    if isinstance(value, dict):
        for v in value.values():
            yield from _phrases(v, seen)
        return
    if isinstance(value, (list, tuple, set, frozenset)):
        for v in value:
            yield from _phrases(v, seen)
        return
    slots = [s for cls in type(value).__mro__ for s in getattr(cls, "__slots__", ())]
    names = slots or list(getattr(value, "__dict__", {}))
    if type(value).__module__.startswith("eligibility.rules"):
        for name in names:
            yield from _phrases(getattr(value, name, None), seen)


def _reasons(value, seen: set[int]):
    if id(value) in seen or value is None or isinstance(value, (str, int, Decimal, date, bool, float, Phrase)):
        return
    seen.add(id(value))
    if isinstance(value, Reason):
        yield value
        return
    if isinstance(value, dict):
        items = value.values()
    elif isinstance(value, (list, tuple)):
        items = value
    elif type(value).__module__.startswith("eligibility.rules"):
        slots = [s for cls in type(value).__mro__ for s in getattr(cls, "__slots__", ())]
        items = [getattr(value, name, None) for name in (slots or list(getattr(value, "__dict__", {})))]
    else:
        return
    for item in items:
        yield from _reasons(item, seen)


@pytest.fixture(scope="module")
def results():
    from households import TODAY, mix

    return [simulate(parse_situation(data, today=TODAY)) for data in mix(1500, seed=12)]


def test_every_phrase_of_generated_households_finds_its_values(results):
    keys: set[str] = set()
    count = 0
    for result in results:
        for phrase in _phrases(result.results, set()):
            count += 1
            keys.add(phrase.key)
            needed = placeholders(TEMPLATES[phrase.key])
            assert needed <= set(phrase.params or {}), (phrase.key, needed - set(phrase.params or {}))
            assert str(phrase)  # renders in French
    assert count > 10_000
    assert len(keys) > 40


def test_reasons_notes_and_checklist_items_come_from_the_catalogue(results):
    count = 0
    for result in results:
        for value in result.results.values():
            for r in _reasons(value, set()):
                count += 1
                assert isinstance(r.wording, Phrase), r.code
                assert r.text == str(r.wording)
        for line in result.css.resource_lines:
            assert isinstance(line.note, Phrase)
        for item in result.checklist.items:
            for r in item.reasons:
                assert isinstance(r.wording, Phrase), r.code
            for text in (item.procedure, item.how, item.deadline, item.help, *item.documents):
                assert not isinstance(text, str) or text in _DATA_TEXTS, (item.key, text)
    assert count > 20_000


def test_out_of_pocket_lines_and_quoted_care_come_from_the_catalogue(results):
    """Each line of the estimate (label, how it is worked out, the note of each column), the quoted items' advice
    and the care rules' "to verify" notes are phrases of the catalogue."""
    from eligibility.rules.care.tariffs import QuotedPricing

    lines = quoted = 0
    for result in results:
        oop = result.reste_a_charge
        for text in (*oop.assumptions, *oop.to_verify):
            assert isinstance(text, Phrase), text
        for line in oop.lines:
            lines += 1
            assert isinstance(line.label, Phrase), line.key
            for text in line.assumptions:
                assert isinstance(text, Phrase), (line.key, text)
            for column in (line.current, line.with_css):
                if column is not None and column.note is not None:
                    assert isinstance(column.note, Phrase), (line.key, column.note)
            if isinstance(line.details, QuotedPricing):
                quoted += 1
                if line.details.no_quote is not None:
                    assert isinstance(line.details.no_quote.advice, Phrase)
        for item in oop.current_care.items if oop.current_care else ():
            for text in item.to_verify:
                assert isinstance(text, Phrase), text
        for text in result.guidance.to_verify:
            assert isinstance(text, Phrase), text
    assert lines > 1000 and quoted > 100


def _parameter_notes() -> set[str]:
    """The "to verify" notes written in the parameter files: data (the source's weakness), not wording."""
    from eligibility.rules.parameters import default_parameters

    return {v.to_verify for parameter in default_parameters().parameters.values() for v in parameter.values
            if v.to_verify}


def test_notes_bodies_ceilings_and_organisms_come_from_the_catalogue(results):
    """The notes for professionals, Help's bodies and actions, the CPAM ceiling's words, the caisse and every
    organism of the checklist are phrases too (only the parameters' own notes and the bodies' data are texts)."""
    data = _parameter_notes() | _DATA_TEXTS
    notes = 0
    for result in results:
        for key, value in result.results.items():
            for note in value.to_verify:
                notes += 1
                assert isinstance(note, Phrase) or note in data, (key, note)
        for note in result.to_verify:
            assert isinstance(note, Phrase) or note in data, note
        for body in result.help_independants.bodies:
            assert isinstance(body.name, Phrase)
            assert all(isinstance(action, Phrase) for action in body.actions)
        cpam = result.cpam_aid
        assert isinstance(cpam.ceiling_basis, Phrase)
        assert isinstance(cpam.ceiling_label, Phrase)  # the default: no CPAM's own settings here
        assert isinstance(result.guidance.caisse.name, Phrase)
        for item in result.checklist.items:
            assert not isinstance(item.organism, str) or item.organism in data, (item.key, item.organism)
    assert notes > 1000


def test_the_request_after_the_last_check_is_a_note_of_the_catalogue():
    from households import TODAY, mix

    from eligibility.rules.parameters import default_parameters

    data = {**mix(1, seed=3)[0]}
    later = default_parameters().valid_on.replace(year=default_parameters().valid_on.year + 1)
    data["request_date"] = later.isoformat()
    result = simulate(parse_situation(data, today=max(TODAY, later)))
    note = result.to_verify[0]
    assert isinstance(note, Phrase) and note.key == "to_verify.later_than_checked"
    assert result.as_dict()["to_verify"][0].startswith(f"La demande est datée du {Day(later)}, après la dernière")


def _local_terms_texts() -> set[str]:
    """The contact a département's terms give (``aides_locales.conditions_departements``): data, not wording."""
    from eligibility.rules.local_aid import TERMS
    from eligibility.rules.parameters import default_parameters

    return {str(terms["contact"]) for dated in default_parameters()[TERMS].values
            for terms in dated.value.values()}


#: Texts of a checklist item that are data, not wording: the contacts of the bodies (parameters).
_DATA_TEXTS = _local_terms_texts()


# --------------------------------------------------------------------------- another language


class Tagged:
    """A language whose templates are the French ones tagged by key, dates ISO, amounts in brackets."""

    def template(self, key, french):
        return f"<{key}>" + french

    def money(self, amount):
        return f"[{amount}]"

    def day(self, value):
        return value.isoformat()

    def month(self, year, month):
        return f"{year}-{month:02d}"

    def label(self, text):
        return text.upper()

    def name(self, text):
        return text  # a person's name as typed


def test_a_phrase_renders_in_the_active_language_and_keeps_its_french():
    phrase = say("css.reference_period", from_start=FromMonth(2025, 10), end=Month(2026, 9), months=12,
                 first_day=Day(date(2025, 10, 1)), last_day=Day(date(2026, 9, 30)))
    french = ("Les ressources retenues sont celles reçues d'octobre 2025 à septembre 2026 (12 mois, du 1er octobre "
              "2025 au 30 septembre 2026) ; chaque montant déclaré est le total de cette période.")
    assert str(phrase) == french
    with speaking(Tagged()):
        assert str(phrase) == ("<css.reference_period>Les ressources retenues sont celles reçues 2025-10 à 2026-09 "
                               "(12 mois, du 2025-10-01 au 2026-09-30) ; chaque montant déclaré est le total de "
                               "cette période.")
    assert str(phrase) == french


def test_nested_phrases_labels_and_amounts_follow_the_language():
    phrase = say("css.resource_included", label=Label("Salaires"), who=Capital(say("who.child", id="e1")),
                 amount=Eur(Decimal("1234.5")))
    assert str(phrase) == "Salaires (Votre enfant « e1 ») : 1\u202f234,50\u00a0€ comptés."
    with speaking(Tagged()):
        assert str(phrase) == ("<css.resource_included>SALAIRES (<who.child>votre enfant « e1 ») : [1234.5] "
                               "comptés.")


class Untranslated(Tagged):
    def template(self, key, french):
        return french


def test_an_untranslated_sentence_stays_french_as_a_whole():
    phrase = say("css.territory.since", day=Day(date(2024, 1, 1)))
    with speaking(Untranslated()):
        assert str(phrase) == " : elle y est applicable depuis le 1er janvier 2024"


# --------------------------------------------------------------------------- the file makemessages reads


def test_rule_labels_file_holds_every_template():
    sys.path.insert(0, str(ROOT / "scripts"))
    import rule_labels

    generated = (ROOT / "eligibility" / "questionnaire" / "rule_labels.py").read_text(encoding="utf-8")
    for line in rule_labels.templates():
        assert line in generated
    tree = ast.parse(generated)
    said = {(c.args[0].value, c.args[1].value) for c in ast.walk(tree)
            if isinstance(c, ast.Call) and _called_name(c) == "pgettext_noop"}
    assert said == set(TEMPLATES.items())


class Broken(Tagged):
    def template(self, key, french):
        return french.replace("{day}", "{jour}") + " (traduit)"


def test_a_translation_that_lost_a_placeholder_falls_back_to_french():
    phrase = say("css.territory.since", day=Day(date(2024, 1, 1)))
    with speaking(Broken()):
        assert str(phrase) == " : elle y est applicable depuis le 1er janvier 2024"


def test_exemption_labels_read_their_durations_from_the_parameters():
    from eligibility.rules.care.common import exemption_label
    from eligibility.rules.enums import EmergencyExemption, HospitalExemption
    from eligibility.rules.parameters import default_parameters
    from eligibility.rules.sources import reason_from

    p = default_parameters().at(date(2026, 11, 22))
    days = int(p["soins.nouveau_ne_jours"])
    after = int(p["soins.maternite_periode"]["jours_apres_accouchement"])
    newborn = reason_from(p, "soins.nouveau_ne_jours", "care.hospital.exempt.newborn", age=3, days=days)
    maternity = reason_from(p, "soins.maternite_periode", "care.emergency.exempt.maternity",
                            say("care.maternity", what="x", member="p1", days_after=after, due=Day(date(2027, 1, 1)),
                                start=Day(date(2026, 9, 1)), end=Day(date(2027, 1, 13))))
    assert str(exemption_label(HospitalExemption.NEWBORN, (newborn,))) == f"Nouveau-né de moins de {days} jours"
    assert str(exemption_label(EmergencyExemption.MATERNITY, (maternity,))) == (
        f"Assurance maternité (à partir du 6e mois de grossesse jusqu'à {after} jours après l'accouchement)")
    assert str(exemption_label(HospitalExemption.CSS, ())) == HospitalExemption.CSS.label
    assert exemption_label(None, ()) is None
    # The closed lists themselves carry no duration that could drift from a parameter.
    for exemption in (*HospitalExemption, *EmergencyExemption):
        assert str(days) not in exemption.label and f"{after} jours" not in exemption.label
