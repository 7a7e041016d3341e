"""French templates (see ``eligibility/rules/wording``)."""

TEMPLATES: dict[str, str] = {}
