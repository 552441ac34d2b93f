from django.urls import path

from social.views import social_page

app_name = "social"
urlpatterns = [path("", social_page, name="page")]
