"""The ar pages write and read numbers and dates as in French (see ``aidsante.formats``)."""

from django.conf.locale.fr.formats import *  # noqa: F403
