"""Pure-Python rules of aidsante: no Django import here (checked by import-linter).

Situations and results are plain dataclasses; money is ``Decimal``; every legal figure comes from the
dated parameter files under ``eligibility/parameters/``.
"""
