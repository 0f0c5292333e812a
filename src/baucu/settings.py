"""Django settings for baucu.

Defaults give a zero-setup local system: an embedded SQLite file under ``./var``.
Production reads its secrets from the environment (see README "Configuration"):

* ``BAUCU_ENV=production`` turns on production settings (debug off, secure cookies, HSTS).
* ``BAUCU_SECRET_KEY`` (required in production), ``BAUCU_ALLOWED_HOSTS`` (comma-separated).
* ``DATABASE_URL=postgresql://user:pass@host:port/db`` selects PostgreSQL.
* ``BAUCU_VAR_DIR`` where the SQLite file, the file store and exports live (default ``./var``).
"""

from __future__ import annotations

import os
from pathlib import Path

from baucu.storage import database_from_url

BASE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("BAUCU_VAR_DIR", Path.cwd() / "var")).resolve()

PRODUCTION = os.environ.get("BAUCU_ENV", "development") == "production"
DEBUG = not PRODUCTION and os.environ.get("BAUCU_DEBUG", "0") == "1"

if PRODUCTION:
    SECRET_KEY = os.environ["BAUCU_SECRET_KEY"]
else:
    SECRET_KEY = os.environ.get("BAUCU_SECRET_KEY", "baucu-development-only-not-secret-" + "x" * 32)

ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("BAUCU_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h.strip()
]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "baucu",
    "baucu.units",
    "baucu.public",
    "baucu.accounts",
    "baucu.audit",
    "baucu.backoffice",
    "baucu.elections",
    "baucu.voters",
    "baucu.reports",
    # Background jobs (issue 10): before django_tasks_db so that its ``db_worker`` command is ours
    # (the library's worker plus stale-job recovery and a heartbeat, see baucu/jobs/worker.py).
    "baucu.jobs",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "baucu.accounts.security_headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "baucu.urls"
WSGI_APPLICATION = "baucu.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": database_from_url(os.environ.get("DATABASE_URL"), VAR_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Argon2 first (issue 4); the others only verify legacy hashes.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Vietnamese first, English second.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True
# Django's own vi locale has no thousands grouping: ours gives 1.234.567 and dd/mm/yyyy.
FORMAT_MODULE_PATH = ["baucu.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION
FILE_STORE_DIR = Path(os.environ.get("BAUCU_FILE_STORE", VAR_DIR / "files"))

# Background jobs (issue 10): a queue in the database itself (django-tasks-db), so that SQLite and
# PostgreSQL need nothing more; ``baucu db_worker`` runs them (docs/architecture.md "Background jobs").
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# A worker whose heartbeat is older than this is taken for dead (the heartbeat may stall while a long
# SQLite write holds the database; a worker on this host whose process is gone is dead at once).
JOBS_WORKER_STALE_AFTER_SECONDS = int(os.environ.get("BAUCU_JOBS_WORKER_STALE_AFTER", "600"))
JOBS_HEARTBEAT_SECONDS = 10

LOGIN_URL = "/login/"
# Accounts (issue 4): our own user model; roles and jurisdictions live in accounts.RoleAssignment.
AUTH_USER_MODEL = "accounts.User"
LOGIN_REDIRECT_URL = "/bo/"
SESSION_COOKIE_AGE = 8 * 60 * 60  # one working day
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_HTTPONLY = True

# Security: sensible everywhere, strict behind TLS in production.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if PRODUCTION:
    SECURE_SSL_REDIRECT = os.environ.get("BAUCU_SSL_REDIRECT", "1") == "1"
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 31_536_000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
