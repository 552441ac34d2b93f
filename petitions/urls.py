from django.urls import path

from petitions import share_views, views

app_name = "petitions"
# Outside the page tree: the confirmation link, and share images whose address names the count and the look.
urlpatterns = [
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("<int:petition_id>/share-<int:count>-<slug:look>.png", share_views.share_image, name="share_image"),
]
