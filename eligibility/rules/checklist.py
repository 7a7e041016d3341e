"""The checklist of next steps: one item per procedure the result recommends, with the documents this household
needs, the delay, where to get help and how to contest a decision.

Each aid of the registry (``aids.AIDS``) gives its own items (``Aid.checklist``), each in a phase: first the
requests, then what to prepare before the care (quotes), then how to contest a decision; within a phase, the
items keep the order of the aids. Delays come from the parameters under ``eligibility/parameters/demarches``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from enum import IntEnum
from functools import lru_cache
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from .contract import REASONS, Contract, contract, text
from .enums import ResourceType
from .parameters import ParametersOn
from .reasons import Reason
from .situation import Member, Situation
from .wording import Joined, Label, Lower, Phrase, Replaced, say

if TYPE_CHECKING:
    from .aids import Aid

HELP_GENERAL = say("checklist.help_general")
#: The establishment (hospital or clinic) of a planned stay, under which its services' steps are grouped.
HOSPITAL = say("checklist.hospital")
AMELI_DEMARCHES = say("checklist.ameli")
Text = Phrase | Replaced | str  # a checklist item's words (``wording``); ``str()`` renders them


class Phase(IntEnum):
    """When an item comes in the checklist."""

    REQUEST = 1   # ask for an aid
    PREPARE = 2   # before the care: quotes
    CONTEST = 3   # after a decision


@contract(
    "key", text("organism"), text("procedure"), text("how"), text("documents"), text("deadline"), text("help"),
    text("appeal"), REASONS,
)
@dataclass(frozen=True, slots=True)
class ChecklistItem(Contract):
    key: str                    # stable id: css_request, css_renewal, cpam_aid_request, help_questionnaire, quote_2, appeal
    # Each text is a phrase of the wording catalogue (``Text``), written with ``str()``; the annotations say
    # ``str``, the type of what the contract writes (the OpenAPI description repeats them).
    organism: str   # or ``AtService``: one service of an establishment
    procedure: str
    how: str
    documents: tuple[str, ...]
    deadline: str
    help: str
    appeal: str | None
    reasons: tuple[Reason, ...] = ()


@dataclass(frozen=True, slots=True)
class AtService:
    """An item's organism that is one service of an establishment (the admissions or the billing office of the
    hospital of a planned stay). The contract writes the organism's own words (``str()``); the pages group the
    steps of one establishment under it, each naming its service, instead of one organism per service."""

    organism: Text
    establishment: Text
    service: Text

    def __str__(self) -> str:
        return str(self.organism)

    def __format__(self, spec: str) -> str:
        return str(self.organism)


@dataclass(frozen=True, slots=True)
class Checklist:
    items: tuple[ChecklistItem, ...]

    @property
    def keys(self) -> list[str]:
        return [item.key for item in self.items]

    def item(self, key: str) -> ChecklistItem:
        return next(i for i in self.items if i.key == key)

    def as_list(self) -> list[dict]:
        return [item.as_dict() for item in self.items]



# --------------------------------------------------------------------------- what the aids' items share


def member_label(member: Member) -> Phrase:
    """``p1 (demandeur)``: a member named in a document to bring."""
    return _member_label(member.id, member.role.label)


@lru_cache(maxsize=1024)
def _member_label(member_id: str, role: str) -> Phrase:
    return say("checklist.member", id=member_id, role=Lower(Label(role)))


def members_label(members: list[Member]) -> Joined:
    return Joined([member_label(m) for m in members])


def adults(situation: Situation) -> list[Member]:
    return [m for m in situation.members if m.age_on(situation.request_date) >= 18]


def resource_ids(situation: Situation, types: set[ResourceType]) -> list[str]:
    return sorted({r.member for r in situation.resources if r.type in types and r.amount > 0})



def build_checklist(
    situation: Situation, p: ParametersOn, results: Mapping[str, Any], aids: Iterable[Aid], *, texts: bool = True,
) -> Checklist:
    """Every aid's items, phase by phase (a stable sort keeps the aids' order within a phase).

    ``texts=False`` (a result for its figures only: keys and reason codes): an aid that gives
    ``checklist_figures`` gives its items without their words (``figures_item``), the others' items keep their
    words as they are, without naming an overseas caisse in them (``_for_caisse`` changes words only).
    """
    staged: list[tuple[Phase, ChecklistItem]] = []
    for aid in aids:
        items = aid.checklist if texts else getattr(aid, "checklist_figures", aid.checklist)
        staged.extend(items(situation, p, results))
    staged.sort(key=_phase)
    items = [item for _, item in staged]
    if texts:
        guidance = results.get("care_guidance")
        if guidance is not None and guidance.caisse.short != "CPAM":
            items = [_for_caisse(item, guidance.caisse) for item in items]
    return Checklist(tuple(items))


_phase = itemgetter(0)


def figures_item(key: str, reasons: tuple[Reason, ...]) -> ChecklistItem:
    """An item of a result simulated without its texts (``Aid.checklist_figures``): its key and its reasons,
    all it has in ``?detail=figures``; its words are empty (such a result is never written in full)."""
    return ChecklistItem(key, "", "", "", (), "", "", None, reasons)


def _for_caisse(item: ChecklistItem, caisse) -> ChecklistItem:
    """Overseas, the caisse is a CGSS (CSSM in Mayotte), not a CPAM: name it so in every step."""
    short = caisse.short
    return replace(item, organism=_named(item.organism, short), procedure=_named(item.procedure, short),
                   how=_named(item.how, short), help=_named(item.help, short), deadline=_named(item.deadline, short),
                   appeal=_named(item.appeal, short))


def _named(text: Text | None, short: str) -> Text | None:
    """``text`` naming the caisse ``short`` instead of the CPAM. A module function, not a closure calling itself,
    which would be a reference cycle left to the cycle collector at every overseas result."""
    if isinstance(text, AtService):
        return replace(text, organism=_named(text.organism, short))
    return Replaced(text, "CPAM", short) if text else text
