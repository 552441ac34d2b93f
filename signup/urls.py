from django.urls import path

from signup import views

# Outside the page tree, so that mail programs' one-click unsubscribe (a bare POST) reaches its view.
urlpatterns = [
    path("confirm/<str:token>/", views.confirm, name="signup_confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="signup_unsubscribe"),
]
