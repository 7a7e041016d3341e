"""Complémentaire santé solidaire (CSS): Code de la sécurité sociale, L861-1, L861-2 and R861-2 to R861-11.

One module per step of the law, in the order ``decision.evaluate_css`` runs them:

* ``household`` — who is in the household and its coefficient (R861-2, R861-3);
* ``period`` — the 12 months whose resources count (R861-8);
* ``resources`` — each resource line counted, abated, deducted or left aside (L861-2, R861-4 to R861-10);
* ``housing`` — the housing flat amount (R861-5, R861-7);
* ``ceilings`` — the ceilings of the household (L861-1, R861-3);
* ``presumptions`` — RSA, ASPA, ASI, AAH (L861-1, R861-11);
* ``participation`` — the monthly participation by age (L861-1 2°).

Every figure is read from the dated parameters by the name of its file (``p["css.deduction_aah"]`` is
``eligibility/parameters/css/deduction_aah.yaml``); every step leaves a ``Reason`` citing its article.
The choices made where the texts leave room are in each module's docstring and in the parameter files'
``to_verify`` notes.
"""

from .decision import evaluate_css
from .period import reference_period, reference_period_on

__all__ = ["evaluate_css", "reference_period", "reference_period_on"]
