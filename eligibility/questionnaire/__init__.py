"""The guided questionnaire: a django-formtools wizard from the first question to the explained results.

``journey`` declares the steps (as data), ``forms`` and ``fields`` ask the questions, ``storage`` keeps the
answers on the ``Case`` row, ``to_situation`` is the only translation into the contract's situation, and
``views`` glues them together. The legal rules stay in ``eligibility.rules``.
"""
