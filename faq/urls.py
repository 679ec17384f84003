"""The request for information of every site, mounted at ``/yeu-cau-cung-cap-thong-tin/`` by the project."""

from django.urls import path

from .views import information_request, request_submitted, track

urlpatterns = [
    path("", information_request, name="information-request"),
    path("da-gui/", request_submitted, name="information-request-submitted"),
    path("tra-cuu/", track, name="information-request-track"),
]
