"""Django's ``makemessages``, reading also ``pgettext_noop(context, text)``.

``eligibility/questionnaire/rule_labels.py`` (written by ``scripts/rule_labels.py``) marks each template of the
rules' wording catalogue with its key as context; Django's own command knows ``gettext_noop`` but no
context variant, so this one adds the keyword to xgettext (``make messages``).
"""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    xgettext_options = [*makemessages.Command.xgettext_options, "--keyword=pgettext_noop:1c,2"]
