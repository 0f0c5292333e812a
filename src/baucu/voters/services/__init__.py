"""The writers of the voter registry after posting (house rule 3): list changes, certificates, complaints.

Each ``do_<verb>_<noun>(..., *, actor)`` checks the actor's permission, asks the law core, writes the
rows and one audit event in one transaction. The bulk import of the lists is ``voters.imports``.
"""
