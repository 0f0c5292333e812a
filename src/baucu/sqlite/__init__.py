"""Django's SQLite backend with quoted collation names (ENGINE ``baucu.sqlite``)."""
