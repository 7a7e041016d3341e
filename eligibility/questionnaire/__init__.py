"""The guided questionnaire: a django-formtools wizard from the first question to the explained results.

``journey`` lists the steps, each a module of ``steps`` (its form, its summary rows, its part of the
translation), ``fields`` reads amounts and dates as people type them, ``storage`` keeps the
answers on the ``Case`` row, ``to_situation`` is the only translation into the contract's situation, and
``views`` glues them together. The legal rules stay in ``eligibility.rules``.
"""
