"""What a rule cites from a dated parameter: the reference of the value in force, its "to verify" note,
and the next value already known (shared by the CSS, care, CPAM aid, Help and checklist rules)."""

from __future__ import annotations

from .parameters import DatedValue, ParametersOn
from .reasons import Reason
from .wording import Phrase, say


def reason_from(p: ParametersOn, parameter: str, code: str, wording: Phrase | None = None, /, **params) -> Reason:
    """A reason citing the reference of the parameter value in force, said by ``wording`` (else by the catalogue's
    template of the same key as ``code``, filled with ``params``)."""
    ref = p.reference(parameter)
    return Reason(code, wording if wording is not None else Phrase(code, params or None), ref.title, ref.href)


def parameter_to_verify(p: ParametersOn, parameter: str) -> Phrase | None:
    """The "to verify" note of the value in force (for professionals), named by the parameter's description.

    Built once per date and parameter (``derived_for``): the note depends on nothing else, and a phrase is
    immutable. The same object each time also makes the de-duplication of notes (``note not in notes``,
    ``dict.fromkeys``) an identity test instead of comparing the phrases' values."""
    return p.derived_for(_to_verify_note, parameter)


def _to_verify_note(p: ParametersOn, parameter: str) -> Phrase | None:
    note = p.entry(parameter).to_verify
    return say("sources.to_verify", description=p.parameter_set[parameter].description, note=note) if note else None


def upcoming_change(p: ParametersOn, parameter: str) -> DatedValue | None:
    """The next dated value of a parameter after the request date, if one is already known (found once per date
    and parameter, ``derived_for``: it depends on nothing else)."""
    return p.derived_for(_next_value, parameter)


def _next_value(p: ParametersOn, parameter: str) -> DatedValue | None:
    return next((v for v in p.parameter_set[parameter].values if v.start > p.when), None)
