"""Widgets of the Work plans and Working groups pages: the overview model, the Activities tab,
the plan's figures, the plan's commands (mixed into the Work plans page), the activity and
working-group forms, the GCM coverage view, the import preview and the small pickers they share.

Views only: every rule (validation, codes, totals, coverage) comes from ``services``.
"""
