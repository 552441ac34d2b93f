from django.conf import settings
from django.urls import include, path
from django.utils.functional import lazy
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from website.addresses import site_url
from website.features import public_urls

urlpatterns = [
    path(f"{settings.ADMIN_URL_PATH}/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # A CSRF token for a form on a page the caches share (website/shared_forms.py).
    path("forms/", include("website.shared_forms")),
    path("sitemap.xml", sitemap, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(
            template_name="robots.txt",
            content_type="text/plain",
            extra_context={
                "admin_path": settings.ADMIN_URL_PATH,
                "sitemap_url": lazy(site_url, str)("/sitemap.xml"),
            },
        ),
        name="robots",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Each feature app's own addresses (its AppConfig's public_urls), then the page tree for every other address.
urlpatterns += [path(prefix, include(module)) for prefix, module in public_urls()]
urlpatterns += [path("", include(wagtail_urls))]
