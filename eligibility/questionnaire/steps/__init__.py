"""One module per questionnaire step: its form, its summary rows and its part of the situation translation.

Each module ends with ``STEP``, the step's description (``base.Step``); ``journey.JOURNEY`` lists them in
the order the pages are asked.
"""
