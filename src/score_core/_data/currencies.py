"""The currencies score_core registers: ISO 4217 code, minor units, name.

Those of the countries SCORE has worked in, and those donors report in.
``score_core.money`` registers them when it is imported; add others with
:func:`~score_core.money.register_currency`.
"""

from __future__ import annotations


#: (code, minor units, name) of each built-in currency, sorted by code.
CURRENCIES: tuple[tuple[str, int, str], ...] = (
    ("BDT", 2, "Bangladeshi taka"),
    ("BOB", 2, "Bolivian boliviano"),
    ("CAD", 2, "Canadian dollar"),
    ("CHF", 2, "Swiss franc"),
    ("CNY", 2, "Chinese yuan renminbi"),
    ("COP", 2, "Colombian peso"),
    ("ETB", 2, "Ethiopian birr"),
    ("EUR", 2, "Euro"),
    ("GBP", 2, "Pound sterling"),
    ("GHS", 2, "Ghanaian cedi"),
    ("IDR", 2, "Indonesian rupiah"),
    ("INR", 2, "Indian rupee"),
    ("JPY", 0, "Japanese yen"),
    ("KGS", 2, "Kyrgyzstani som"),
    ("KWD", 3, "Kuwaiti dinar"),
    ("MMK", 2, "Myanmar kyat"),
    ("MUR", 2, "Mauritian rupee"),
    ("NOK", 2, "Norwegian krone"),
    ("PEN", 2, "Peruvian sol"),
    ("TND", 3, "Tunisian dinar"),
    ("USD", 2, "US dollar"),
    ("VND", 0, "Vietnamese dong"),
    ("ZAR", 2, "South African rand"),
)
