"""How a simulation result is shown to people: one context, one set of partials, every medium.

The results page, the dossier's HTML page, the dossier PDF and the letters all start from
``context.build_context(result, ...)`` and include the partials of ``templates/results/``. Nothing legal is
computed here: every figure and sentence comes from the rules' result (``SimulationResult.as_dict()``);
this package only chooses what to show first, to whom, and in which words.

Layers: ``eligibility.rules`` ← ``eligibility`` (this package) ← ``dossiers``. The dossiers app imports it;
it never imports the dossiers app (checked by ``lint-imports``).
"""
