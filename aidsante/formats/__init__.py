"""Number and date formats of the translated pages: the French ones (``FORMAT_MODULE_PATH``).

The person reads amounts, dates and figures as French papers and offices write them (``1 234,56 €``,
``22/11/2026``; Western digits in Arabic too), and types them the same way in every language.
Month and day names still come in the page's language.
"""
