"""Printouts of the official forms (NEC Res. 40/NQ-HĐBCQG): PDF through WeasyPrint, XLSX through openpyxl.

Renderers take plain dataclasses (``documents``), never models, so they are tested without a database;
each app adapts its own models (e.g. ``baucu.voters.printout_data``).
"""
