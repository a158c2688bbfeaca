import os

from django.core.wsgi import get_wsgi_application

# Only servers import this module, so it defaults to production: an unconfigured server
# refuses to start instead of running with DEBUG. `make run` uses manage.py (development).
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cop_site.settings.production")

application = get_wsgi_application()
