"""The pieces of the Library page (issue 7): the list model, the entry form, the picker used
under a meeting's agenda item."""
