"""Address lines as Posti reads them (Posti's "Osoitemerkinnät" / "Adressanteckningar").

* An address is at most five lines: the addressee, a complement to the name (a contact
  person, c/o), a reserve line, the exact postal address (street, P.O. box), and the postal
  code with the post office in capitals; mail abroad adds the country in capitals.
* A line is, as a rule, at most 30 characters. Abbreviations are avoided; when a line
  must be shortened for lack of space, only established ones are used — for street types
  "katu = k", "tie = t", "kuja = kj", "polku = p" and "gata = g", "väg(en) = v",
  "stig = st" — and the apartment designation stays on the street line ("as." for
  asunto/huoneisto, "lgh" for lägenhet): a piece of the street pushed onto a line of its
  own would be read as the delivery address.

So the postal lines are never broken: :func:`shorten_street` brings a long street line
towards 30 characters with these abbreviations, and the layout prints a line that is
still too wide for the window smaller rather than break it (:mod:`kkdesk.reports.layout`).
Only the name lines may wrap.
"""

from __future__ import annotations

import re

MAX_CHARS = 30

# Street types at the end of a street name's last word: (ending, abbreviation). Longer
# endings first, so "vägen" is not read as "väg" + "en".
STREET_TYPES: tuple[tuple[str, str], ...] = (
    ("gatan", "g"),
    ("vägen", "v"),
    ("stigen", "st"),
    ("katu", "k"),
    ("kuja", "kj"),
    ("polku", "p"),
    ("gata", "g"),
    ("tie", "t"),
    ("väg", "v"),
    ("stig", "st"),
)
# Words for an apartment, and their established short forms.
APARTMENT_WORDS: dict[str, str] = {
    "huoneisto": "as.",
    "asunto": "as.",
    "lägenhet": "lgh",
    "bostad": "lgh",
}
_NUMBER = re.compile(r"\d")


def shorten_street(line: str, limit: int = MAX_CHARS) -> str:
    """``line`` as short as the established abbreviations make it, if it is longer than
    ``limit``: the apartment word first ("huoneisto 123" → "as. 123"), then the street
    type at the end of the street name ("Sääksvuorentie 5" → "Sääksvuorent 5"). Nothing
    else is cut: the caller keeps the line whole whatever its length."""
    line = " ".join(line.split())
    if len(line) <= limit:
        return line
    words = line.split(" ")
    for i, word in enumerate(words):
        short = APARTMENT_WORDS.get(word.casefold())
        if short is not None:
            words[i] = short
    line = " ".join(words)
    if len(line) <= limit:
        return line
    # The street name is the words before the first that holds a number.
    end = next((i for i, w in enumerate(words) if _NUMBER.search(w)), len(words))
    if end == 0:
        return line
    last = words[end - 1]
    for ending, short in STREET_TYPES:
        if last.casefold().endswith(ending) and len(last) > len(ending):
            words[end - 1] = last[: len(last) - len(ending)] + short
            break
    return " ".join(words)
