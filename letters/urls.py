from django.urls import path

from letters import views

# Outside the page tree: the e-mailed link names the signature, not the letter.
urlpatterns = [path("confirm/<str:token>/", views.confirm, name="letters_confirm")]
