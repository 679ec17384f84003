"""What every router of the portal API shares: fields, errors, pagination, scoping, caching, rendering."""
