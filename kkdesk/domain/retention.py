"""How long the register's data is kept, worked out from the register's settings.

* Orders and their vouchers: the Accounting Act (1336/1997, chapter 2, section 10) keeps
  vouchers for six years from the end of the year in which the financial year ended
  (``voucher_years``, six or more). An order belongs to the financial year that ends on the
  first financial-year end (``financial_year_end``, "MM-DD") on or after its date; it is
  kept until 31 December of that end's year plus ``voucher_years``.
* The rest of the basic data: while the customer relationship lasts and
  ``basic_data_years`` after the last order or contact.
* Archived letters: ``letter_archive_years`` after the day they were made.

The access letter prints these dates, the privacy notice's and the letters' general
retention texts are generated here (:func:`retention_texts`), and ``kkdesk retention run``
removes what is past the same dates (:func:`customers_due_on`, :func:`vouchers_due_on`,
:func:`letters_due_on`): what the register promises is what it does.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kkdesk.domain.register_info import LocalText, RegisterInfo

ACCOUNTING_YEARS = 6  # Accounting Act 2:10: vouchers six years from the end of the year


def financial_year_end_of(day: date, financial_year_end: str = "12-31") -> date:
    """The last day of the financial year ``day`` belongs to."""
    month, dom = (int(x) for x in financial_year_end.split("-"))
    end = date(day.year, month, dom)
    return end if end >= day else date(day.year + 1, month, dom)


def order_kept_until(
    day: date, financial_year_end: str = "12-31", years: int = ACCOUNTING_YEARS
) -> date:
    """Until when an order made on ``day`` and its vouchers are kept."""
    return date(financial_year_end_of(day, financial_year_end).year + years, 12, 31)


def orders_kept_until(
    days: Iterable[date], financial_year_end: str = "12-31", years: int = ACCOUNTING_YEARS
) -> list[tuple[int, date]]:
    """Per financial year's end year of the orders, oldest first: (year, kept until)."""
    ends = sorted({financial_year_end_of(d, financial_year_end).year for d in days})
    return [(y, date(y + years, 12, 31)) for y in ends]


def add_years(day: date, years: int) -> date:
    """``day`` ``years`` later (29 February becomes 28 February in a common year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def last_day_kept_through(today: date, years: int) -> date:
    """The latest day whose ``years``-year period has ended by ``today``: a thing dated on
    or before it is due (``add_years(day, years) <= today``), one dated after it is not.

    Not simply ``today`` less ``years``: 29 February's period ends on 28 February, so on
    28 February of a year ``years`` after a leap year the 29th is due as well.
    """
    day = add_years(today, -years)
    while add_years(day + timedelta(days=1), years) <= today:
        day += timedelta(days=1)
    while add_years(day, years) > today:
        day -= timedelta(days=1)
    return day


def customers_due_on(today: date, basic_data_years: int) -> date:
    """A customer whose last order or contact was on or before this day is past the
    relationship period on ``today`` (the access letter's "erased on ... at the earliest"
    is ``add_years(last, basic_data_years)``, which is then on or before ``today``)."""
    return last_day_kept_through(today, basic_data_years)


def vouchers_due_on(
    today: date, financial_year_end: str = "12-31", years: int = ACCOUNTING_YEARS
) -> date:
    """The last order day whose vouchers are past their period on ``today``.

    An order's vouchers are kept until 31 December of its financial year's end year plus
    ``years``, so on ``today`` the financial years that ended in ``today.year - years - 1``
    or before are past; every order on or before that year's financial-year end belongs
    to one of them, and every later order to a later one.
    """
    month, dom = (int(x) for x in financial_year_end.split("-"))
    return date(today.year - years - 1, month, dom)


def letters_due_on(today: date, letter_archive_years: int) -> date:
    """An archived letter made on or before this day is past its period on ``today``."""
    return last_day_kept_through(today, letter_archive_years)


# -- the texts the notice and the letters print, generated from the settings ------------

_NUMBERS = {
    "fi": ("nolla", "yksi", "kaksi", "kolme", "neljä", "viisi", "kuusi", "seitsemän",
           "kahdeksan", "yhdeksän", "kymmenen"),
    "sv": ("noll", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio"),
    "en": ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
           "ten"),
}  # fmt: skip
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")  # fmt: skip


def years_phrase(years: int, language: str) -> str:
    """ "kaksi vuotta" / "två år" / "two years" (numbers above ten as digits)."""
    word = _NUMBERS[language][years] if 0 <= years <= 10 else str(years)
    if language == "fi":
        return "yhden vuoden" if years == 1 else f"{word} vuotta"
    if language == "sv":
        return f"{word} år"
    return "one year" if years == 1 else f"{word} years"


def month_day_phrase(month_day: str, language: str) -> str:
    """A financial year's end as each language writes it: 30.6. / 30.6 / 30 June."""
    month, dom = (int(x) for x in month_day.split("-"))
    if language == "fi":
        return f"{dom}.{month}."
    if language == "sv":
        return f"{dom}.{month}"
    return f"{dom} {_MONTHS_EN[month - 1]}"


def retention_texts(info: RegisterInfo) -> tuple[LocalText, ...]:
    """The general retention texts the privacy notice, the access letter and the notices
    of Art. 14 print: every period in them is a register setting, so changing a setting
    changes the printed promise with it, and ``kkdesk retention run`` keeps it."""
    from kkdesk.domain.register_info import LocalText

    def each(make: dict[str, str]) -> LocalText:
        return LocalText(make["fi"], make["sv"], make["en"])

    basic = {lang: years_phrase(info.basic_data_years, lang) for lang in ("fi", "sv", "en")}
    vouchers = {lang: years_phrase(info.voucher_years, lang) for lang in ("fi", "sv", "en")}
    letters = {lang: years_phrase(info.letter_archive_years, lang) for lang in ("fi", "sv", "en")}
    fye = {lang: month_day_phrase(info.financial_year_end, lang) for lang in ("fi", "sv", "en")}
    return (
        each(
            {
                "fi": f"Asiakkaan perustietoja säilytetään asiakassuhteen ajan ja {basic['fi']} "
                "sen päättymisen (viimeisen tilauksen tai yhteydenoton) jälkeen, minkä jälkeen ne "
                "poistetaan, jollei avoin tilaus, palautus tai pyyntö ole vielä kesken.",
                "sv": f"Kundens grunduppgifter bevaras under kundrelationen och {basic['sv']} "
                "efter att den upphört (den senaste beställningen eller kontakten), varefter de "
                "raderas, om inte en beställning, retur eller begäran ännu pågår.",
                "en": "The customer's basic data is kept while the customer relationship lasts "
                f"and for {basic['en']} after it ends (the last order or contact); it is then "
                "erased, unless an order, return or request is still open.",
            }
        ),
        each(
            {
                "fi": "Tilauksia ja niiden tositteita säilytetään kirjanpitolain (1336/1997) "
                f"2 luvun 10 §:n mukaisesti {vouchers['fi']} sen vuoden lopusta, jonka aikana "
                f"tilikausi päättyi (tilikautemme päättyy {fye['fi']}), minkä jälkeen ne "
                "poistetaan. Jos asiakkaan muut tiedot poistetaan sitä ennen, tilaukset "
                "säilytetään siihen asti ilman nimeä ja yhteystietoja.",
                "sv": "Beställningar och deras verifikationer bevaras enligt 2 kap. 10 § i "
                f"bokföringslagen (1336/1997) i {vouchers['sv']} från utgången av det år under "
                f"vilket räkenskapsperioden gick ut (vår räkenskapsperiod går ut den {fye['sv']}), "
                "varefter de raderas. Om kundens övriga uppgifter raderas innan dess, bevaras "
                "beställningarna fram till dess utan namn och kontaktuppgifter.",
                "en": "Orders and their vouchers are kept as the Finnish Accounting Act "
                f"(1336/1997, chapter 2, section 10) requires, for {vouchers['en']} from the end "
                "of the year in which the financial year ended (our financial year ends on "
                f"{fye['en']}); they are then erased. If the customer's other data is erased "
                "before that, the orders are kept until then without a name or contact details.",
            }
        ),
        each(
            {
                "fi": "Rekisteröidyn pyyntöihin vastaavat ja muut asiakkaalle lähetetyt kirjeet "
                f"arkistoidaan ja säilytetään {letters['fi']} niiden laatimisesta, minkä jälkeen "
                "ne poistetaan.",
                "sv": "Brev som besvarar den registrerades begäranden och andra brev som sänts "
                f"till kunden arkiveras och bevaras i {letters['sv']} från att de upprättades, "
                "varefter de raderas.",
                "en": "Letters answering the data subject's requests and other letters sent to "
                f"the customer are archived and kept for {letters['en']} from when they were "
                "made; they are then erased.",
            }
        ),
        each(
            {
                "fi": "Suoramarkkinointikielto säilytetään niin kauan kuin se on tarpeen kiellon "
                "noudattamiseksi, myös asiakastietojen poistamisen jälkeen (vain sähköpostiosoite "
                "tai puhelinnumero).",
                "sv": "Ett förbud mot direktmarknadsföring bevaras så länge det behövs för att "
                "respektera förbudet, även efter att kunduppgifterna har raderats (endast "
                "e-postadress eller telefonnummer).",
                "en": "A direct-marketing prohibition is kept as long as it is needed to honour "
                "it, also after the customer's data has been erased (only the e-mail address or "
                "telephone number).",
            }
        ),
        each(
            {
                "fi": "Loki tietojen käsittelystä (kuka katsoi tai muutti tietoja, milloin ja "
                "miksi) ei sisällä henkilötietoja asiakasnumeroa lukuun ottamatta; se säilytetään "
                "osoituksena tietojen asianmukaisesta käsittelystä.",
                "sv": "Loggen över behandlingen (vem som visade eller ändrade uppgifterna, när och "
                "varför) innehåller inga personuppgifter utöver kundnumret; den bevaras som "
                "bevis på att uppgifterna har behandlats korrekt.",
                "en": "The log of processing (who viewed or changed the data, when and why) holds "
                "no personal data beyond the customer number; it is kept as evidence that the "
                "data was processed properly.",
            }
        ),
    )
