"""The workspace's field template: every id a widget's ``aria-describedby`` names is on the page."""

import re

from django import forms
from django.template.loader import render_to_string


class _Form(forms.Form):
    name = forms.CharField(help_text="Comme sur la pièce d'identité.")
    agree = forms.BooleanField(help_text="Obligatoire.")


def test_described_by_ids_exist():
    form = _Form(data={"name": ""})
    form.is_valid()
    html = "".join(render_to_string("dossiers/_field.html", {"field": form[name]}) for name in ("name", "agree"))
    described = [i for ids in re.findall(r'aria-describedby="([^"]+)"', html) for i in ids.split()]
    assert described, "Django describes a field with help text"
    for target in described:
        assert f'id="{target}"' in html
    assert html.count('id="id_name_error"') == 1
