"""The parts of the Action points page (``ui/pages/action_points.py``): the paged list model, the
filters bar, the side panel with the history, the New action point dialog and the preview of a
tracker import."""
