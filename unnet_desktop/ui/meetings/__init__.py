"""The Meetings page, split into the parts a reader can hold one at a time.

- ``common``        calling a service with its error shown; status colours; WIB date/time conversion
- ``choosers``      person field (searching the contact directory), organisation / list / group combos
- ``prompts``       the small questions the page asks (a date, a reason); tests patch them
- ``meeting_list``  the list of meetings: its model, its filters, sorting by re-querying
- ``meeting_form``  the fields of a meeting, the New meeting dialog and "Plan the year"
- ``details_tab``   a meeting's details, status and recorded history
- ``agenda_tab``    ordered agenda items, presenters, durations, GCM objectives, timing
- ``participants_tab``  who is invited, roles and attendance for many rows at once, live counts
- ``minutes_tab``   discussion and decisions saved as typed, action points, the minutes' status
- ``exports_tab``   Word minutes, participant list, calendar invitation, e-mail draft
- ``meeting_view``  one meeting: its header and the tabs above

The page itself (``ui/pages/meetings.py``) puts the list and the meeting view in a stack. The
rules (validation, numbering, status changes, locks) are all in ``services``: these widgets
only call them and show what they say.
"""
