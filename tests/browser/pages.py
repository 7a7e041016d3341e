"""Opening a Chromium page the same way in every browser test module."""


def open_page(chromium, viewport: dict, *, locale: str = "fr-FR"):
    """A fresh context and page at ``viewport`` (CSP bypassed so axe can be injected), closed afterwards.

    Fixtures ``yield from open_page(...)``, so every browser test module opens its pages the same way.
    """
    context = chromium.new_context(bypass_csp=True, locale=locale, viewport=viewport)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()
