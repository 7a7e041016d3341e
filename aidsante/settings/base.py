"""Settings shared by every environment, read from the environment (12-factor).

``DATABASE_URL``  database (default: SQLite file ``var/aidsante.sqlite3``; PostgreSQL when set)
``SECRET_KEY``    required in production (``aidsante.settings.production``)
``ALLOWED_HOSTS`` comma-separated host names
``DEBUG``         "1"/"true" to enable; off unless the development settings are used
``REDIS_URL``     shared cache on Redis (default: the database cache table, shared by every worker)
``TRUSTED_PROXY_COUNT`` how many reverse proxies of ours stand in front (client address for throttles)
``SENTRY_DSN``    error reporting to Sentry, off when unset (personal data scrubbed)
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("AIDSANTE_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "formtools",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "eligibility",
    "dossiers",
]

MIDDLEWARE = [
    # /healthz answers before anything that could touch the session or the database.
    "aidsante.middleware.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages are never stored by a browser or a proxy (answers, codes) unless a view says otherwise.
    "aidsante.middleware.NoStoreMiddleware",
    # The JSON API stops here and calls its view: it needs nothing below (aidsante.middleware.ApiMiddleware).
    "aidsante.middleware.ApiMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "aidsante.middleware.SessionRefreshMiddleware",
    "aidsante.middleware.PublicLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "aidsante.urls"
WSGI_APPLICATION = "aidsante.wsgi.application"
ASGI_APPLICATION = "aidsante.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "aidsante.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'aidsante.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# SQLite (development, `make run`): write-ahead log, one disk sync per checkpoint instead of per commit
# (a power cut may lose the last transactions, never the file), and write transactions that take their lock
# up front rather than fail on upgrade. bench/bench_questionnaire.py: a step 2 to 3 times faster on a file.
SQLITE_OPTIONS = {"init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", "transaction_mode": "IMMEDIATE"}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fr"
# The public side (home, questionnaire, results, the person's dossier) speaks these languages; the social
# workers' workspace, the admin and the API stay in French (aidsante.middleware.PublicLocaleMiddleware).
# Each name is written in its own language, as the language switcher shows it.
LANGUAGES = [("fr", "Français"), ("en", "English"), ("ar", "العربية")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# English and Arabic pages keep the French number and date formats (aidsante/formats/).
FORMAT_MODULE_PATH = ["aidsante.formats"]
# The visitor's choice (Django's set_language view) lives in this cookie, apart from the session; the
# questionnaire also keeps it on the case (Case.language) so that resuming elsewhere finds it again.
LANGUAGE_COOKIE_NAME = "aidsante_langue"
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Sessions: server side, expire after 2 hours of inactivity for logged-in social workers. A session is
# written only when it changes, or every SESSION_REFRESH_SECONDS for a logged-in user (sliding expiry,
# aidsante.middleware.SessionRefreshMiddleware): writing the whole session back on every request let a
# slow request overwrite what a parallel one had just stored. The public questionnaire keeps no state in
# the session at all (a signed cookie per case, eligibility.questionnaire.access).
SESSION_COOKIE_AGE = 2 * 60 * 60
SESSION_SAVE_EVERY_REQUEST = False
SESSION_REFRESH_SECONDS = 5 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"

# Request size limits: the API accepts bodies up to 256 KiB (checked in the view, 413 beyond).
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
API_MAX_BODY_BYTES = 256 * 1024
# A batch (a JSON list of situations) has its own, larger limits; the results stream out item by item.
API_MAX_BATCH_BODY_BYTES = 10 * 1024 * 1024
API_MAX_BATCH_ITEMS = 10_000

X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Strict Content-Security-Policy: no inline script or style anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# The shared cache: every worker and every app server sees the same throttle counters. The database
# cache table by default (no new service on a single machine; `manage.py createcachetable`, also run
# after each `migrate`), Redis when REDIS_URL is set.
if os.environ.get("REDIS_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": os.environ["REDIS_URL"]}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "aidsante_cache"}}

# How many reverse proxies of ours stand in front of gunicorn: decides the client address used by the
# throttles and django-axes (eligibility.client). 0: REMOTE_ADDR is the client.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Throttles (eligibility.throttle), per client address unless said otherwise: (attempts, seconds).
THROTTLE_RESUME_CODES = (10, 15 * 60)       # wrong resume codes
THROTTLE_IMPORT_CODES = (10, 15 * 60)       # wrong codes typed by an agent to import a case (per account)
THROTTLE_CASE_CREATION = (30, 60 * 60)      # new anonymous questionnaires
THROTTLE_API = (int(os.environ.get("API_RATE_LIMIT_PER_MINUTE", "120")), 60)  # API requests

# django-axes: lock an account + IP after 5 failures for 30 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.5  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
AXES_SENSITIVE_PARAMETERS = ["password"]
AXES_CLIENT_IP_CALLABLE = "eligibility.client.client_address"

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dossiers:list"
LOGOUT_REDIRECT_URL = "home"

# Optional TOTP second factor of the workspace (django-otp), required by an organisation setting.
OTP_TOTP_ISSUER = "aidsante"

# Anonymous questionnaire cases expire after 30 days without activity.
CASE_EXPIRY_DAYS = 30
# Social workers' dossiers are purged after this many months without activity.
DOSSIER_RETENTION_MONTHS = int(os.environ.get("DOSSIER_RETENTION_MONTHS", "24"))
# Reactions to a result (« Ce résultat vous surprend ? », their comment included) are purged after this many months.
FEEDBACK_RETENTION_MONTHS = int(os.environ.get("FEEDBACK_RETENTION_MONTHS", "12"))

# Logging: no request body, form value or personal data is ever logged. Request logs carry the method,
# the path pattern's name and the status only; django.request's exception records are scrubbed.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "no_personal_data": {"()": "aidsante.logging.NoPersonalDataFilter"},
        "no_missing_glyph_text": {"()": "aidsante.logging.MissingGlyphFilter"},
    },
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["no_personal_data"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.security": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "axes": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        # WeasyPrint reports every rendering step at INFO: keep only its warnings, without the characters
        # a font lacks (they come from names people typed).
        "weasyprint": {"handlers": ["console"], "level": "WARNING", "propagate": False,
                       "filters": ["no_missing_glyph_text"]},
        "fontTools": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}

# E-mail (password reset, invitations): printed on the console unless configured (tests use locmem).
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "aidsante <ne-pas-repondre@aidsante.invalid>")
PASSWORD_RESET_TIMEOUT = 3 * 24 * 60 * 60  # invitation and reset links: 3 days

# Error reporting: off unless SENTRY_DSN is set; no personal data leaves (aidsante.errors.scrub_event).
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    from aidsante.errors import init_sentry

    init_sentry(SENTRY_DSN, environment=os.environ.get("SENTRY_ENVIRONMENT", "production"))
