from django.conf import settings
from django.urls import include, path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from search import views as search_views

urlpatterns = [
    path(f"{settings.ADMIN_URL_PATH}/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", search_views.search, name="search"),
    path("signup/", include("signup.urls")),
    path("social/", include("social.urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(
            template_name="robots.txt", content_type="text/plain", extra_context={"admin_path": settings.ADMIN_URL_PATH}
        ),
        name="robots",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail serves every other address from the page tree.
urlpatterns += [path("", include(wagtail_urls))]
