"""``{% parameter_freshness show_upcoming %}``: the legal amounts' freshness where people work.

Everyone sees an unmistakable banner once a revaluation has passed without its new value (or a value was
not checked for 13 months); with ``show_upcoming`` (managers, the admin) the revaluations announced for the
coming month are listed too, each saying whether its new value is in.
"""

from django import template

from eligibility.checks import freshness_notices

register = template.Library()


@register.inclusion_tag("dossiers/_freshness.html")
def parameter_freshness(show_upcoming=False):
    notices = freshness_notices()
    return {"notices": notices, "show_upcoming": show_upcoming}


@register.inclusion_tag("dossiers/_freshness_admin.html")
def admin_parameter_freshness():
    """The same notices in the admin's own message list (the admin does not load the site's styles)."""
    return {"notices": freshness_notices()}
