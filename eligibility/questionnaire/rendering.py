"""The questionnaire's form renderer: Django's, with its input tags written in Python (issue 11).

A page of the questionnaire draws dozens of ``<input>`` tags (a radio button or a check box per choice, the
hidden fields of each list entry), each through three of Django's widget templates
(``radio_option.html`` → ``input_option.html`` → ``input.html`` → ``attrs.html``): about 40 % of a page's
server time on the resources page. ``QuickInputs`` writes exactly what those templates write, in Python, for
the templates that only draw an ``<input>``; everything else (selects, text areas, error lists, whole
forms) goes through Django's templates as before.

Exactly: the attributes are escaped as the templates escape them (``stringformat:'s'`` then automatic
escaping, safe strings kept), in the same order; a value of an unexpected type falls back to the templates.
The fast path is used only while Django's widget templates are those it was written from (their source is
checked the first time, so an override of one of them in an app's templates is rendered as usual), and
``tests/questionnaire/test_quick_inputs.py`` renders every page both ways and compares them.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from django.forms.renderers import DjangoTemplates
from django.template import TemplateDoesNotExist
from django.utils.functional import Promise
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeData

_WIDGETS = "django/forms/widgets/"
#: Django's sources of the templates written here (Django 5.2); any other source disables the fast path.
_SOURCES = {
    "attrs.html": (
        "{% for name, value in widget.attrs.items %}{% if value is not False %} {{ name }}{% if value is not True %}"
        "=\"{{ value|stringformat:'s' }}\"{% endif %}{% endif %}{% endfor %}"
    ),
    "input.html": (
        '<input type="{{ widget.type }}" name="{{ widget.name }}"{% if widget.value != None %} '
        "value=\"{{ widget.value|stringformat:'s' }}\"{% endif %}{% include \"django/forms/widgets/attrs.html\" %}>\n"
    ),
    "input_option.html": (
        '{% if widget.wrap_label %}<label{% if widget.attrs.id %} for="{{ widget.attrs.id }}"{% endif %}>{% endif %}'
        '{% include "django/forms/widgets/input.html" %}{% if widget.wrap_label %} {{ widget.label }}</label>'
        "{% endif %}\n"
    ),
}
_INCLUDE_INPUT = '{% include "django/forms/widgets/input.html" %}\n'
_INCLUDE_OPTION = '{% include "django/forms/widgets/input_option.html" %}\n'
#: Widget templates that only include ``input.html`` (or ``input_option.html`` for one choice of a list).
_INPUT_TEMPLATES = ("checkbox", "date", "email", "hidden", "number", "text", "tel", "url", "search", "time")
_OPTION_TEMPLATES = ("checkbox_option", "radio_option")
_PLAIN_VALUES = (str, int, Decimal, float, Promise)


class _Unexpected(Exception):
    """A value the fast path does not write: the template renders it."""


def _text(value) -> str:
    """``{{ value }}`` of a string (automatic escaping, safe strings kept)."""
    if not isinstance(value, (str, Promise)):
        raise _Unexpected
    return str(conditional_escape(value))


def _formatted(value) -> str:
    """``{{ value|stringformat:'s' }}``: ``"%s" % value``, escaped unless the value was a safe string."""
    if not isinstance(value, _PLAIN_VALUES) or isinstance(value, bool):
        raise _Unexpected
    text = "%s" % value  # noqa: UP031 - what the stringformat filter does
    return text if isinstance(value, SafeData) else str(escape(text))


def _attrs(attrs: dict) -> str:
    out = []
    for name, value in attrs.items():
        if value is False:
            continue
        out.append(f" {_text(name)}" if value is True else f' {_text(name)}="{_formatted(value)}"')
    return "".join(out)


def _input(widget: dict) -> str:
    value = widget.get("value")
    value_attr = f' value="{_formatted(value)}"' if value is not None else ""
    return f'<input type="{_text(widget["type"])}" name="{_text(widget["name"])}"{value_attr}{_attrs(widget["attrs"])}>'


def _option(widget: dict) -> str:
    if not widget.get("wrap_label"):
        return _input(widget)
    element_id = widget["attrs"].get("id")
    label_for = f' for="{_text(element_id)}"' if element_id else ""
    return f"<label{label_for}>{_input(widget)}\n {_text(widget['label'])}</label>"


class QuickInputs(DjangoTemplates):
    """Django's template form renderer, with ``<input>`` widgets written directly (see the module docstring)."""

    def __init__(self):
        super().__init__()
        self._quick: dict[str, Callable[[dict], str]] | None = None

    def quick_writers(self) -> dict[str, Callable[[dict], str]]:
        if self._quick is None:
            self._quick = self._checked_writers()
        return self._quick

    def _source(self, name: str) -> str | None:
        try:
            return self.get_template(_WIDGETS + name).template.source
        except (TemplateDoesNotExist, AttributeError):
            return None

    def _checked_writers(self) -> dict[str, Callable[[dict], str]]:
        if any(self._source(name) != source for name, source in _SOURCES.items()):
            return {}
        writers = {}
        for name in _INPUT_TEMPLATES:
            if self._source(f"{name}.html") == _INCLUDE_INPUT:
                writers[f"{_WIDGETS}{name}.html"] = _input
        for name in _OPTION_TEMPLATES:
            if self._source(f"{name}.html") == _INCLUDE_OPTION:
                writers[f"{_WIDGETS}{name}.html"] = _option
        return writers

    def render(self, template_name, context, request=None):
        writer = self.quick_writers().get(template_name)
        widget = context.get("widget") if writer is not None and len(context) == 1 else None
        if isinstance(widget, dict) and isinstance(widget.get("attrs"), dict):
            try:
                return writer(widget)
            except (_Unexpected, KeyError):
                pass
        return super().render(template_name, context, request)


#: One renderer for every questionnaire form (its templates are loaded once).
QUICK_INPUTS = QuickInputs()
