"""The pure voter-list transform of spec/formats.md §6: population extract + voting-area plan → lists.

No database and no Django: DuckDB and Arrow, set-based (ARCHITECTURE.md rule 5). ``read`` opens an
extract in any accepted format and encoding, ``transform`` applies ``baucu.law.voters`` to it, and
``cli`` is ``baucu voters transform``.
"""
