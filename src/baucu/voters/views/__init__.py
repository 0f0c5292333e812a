"""Back-office pages of the voter registry."""
