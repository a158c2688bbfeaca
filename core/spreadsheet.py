"""The one way the platform writes CSV exports.

Organisers open exports in Excel or LibreOffice, and several cells hold what members and guests
typed themselves (names, tip texts, titles). A cell that starts with =, +, -, @, a tab or a
carriage return is run as a formula by those programs (CSV injection), so text cells get a
leading apostrophe. Numbers are written as they are: only text can carry a formula.
"""

import csv
import io

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_text(header, rows, delimiter=","):
    """CSV text with every text cell guarded; `delimiter=";"` for Dutch Excel."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow([spreadsheet_safe(cell) for cell in header])
    for row in rows:
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    return buffer.getvalue()
