"""The portal API of API.md, assembled from each app's router."""
from .assembly import api

__all__ = ["api"]
