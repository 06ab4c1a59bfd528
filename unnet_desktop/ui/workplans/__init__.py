"""Widgets of the Work plans and Working groups pages: the overview model, the activity and
working-group forms, the GCM coverage view, the import preview and the small pickers they share.

Views only: every rule (validation, codes, totals, coverage) comes from ``services``.
"""
