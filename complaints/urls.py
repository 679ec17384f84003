"""The public pages of complaints on every site, mounted at ``/khieu-nai-to-cao/`` by the project."""

from django.urls import path

from .views import complaint_form, submitted, track

urlpatterns = [
    path("", complaint_form, name="complaint-form"),
    path("da-gui/", submitted, name="complaint-submitted"),
    path("tra-cuu/", track, name="complaint-track"),
]
