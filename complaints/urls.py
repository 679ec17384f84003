"""The public pages of complaints on every site, mounted at ``/khieu-nai-to-cao/`` by the project."""

from django.urls import path

from .views import complaint_form, track

urlpatterns = [
    path("", complaint_form, name="complaint-form"),
    path("tra-cuu/", track, name="complaint-track"),
]
