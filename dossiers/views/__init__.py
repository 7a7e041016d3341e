"""Views of the CCAS workspace: dossiers (``workspace``), the team and audit log (``team``), the
questionnaire mounted inside a dossier (``questionnaire``)."""
