"""Files in and out: Word, Excel, iCalendar, e-mail drafts. Fed by services; no Qt here.

Import python-docx and openpyxl inside functions (lazily): start-up must not pay for them."""
