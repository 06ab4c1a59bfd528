"""Services: the rules of the domain (validation, status changes, numbering), one module per noun.

The UI and the CLI both call these; no Qt here. Each public function is one user action in
one session, and hands back detached objects or plain data.
"""
