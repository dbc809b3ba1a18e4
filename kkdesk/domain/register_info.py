"""The register's own information (the privacy notice), as typed data with defaults.

The defaults render the register description (``rekisteriseloste.fi.txt``) updated for the
GDPR (Articles 13–15): purposes with their legal bases, categories of data, sources,
recipients, transfers, retention criteria, the data subject's rights, the supervisory
authority and automated decisions. Every text exists in Finnish, Swedish and English.

The values are kept in the ``register_setting`` table, one JSON value per key (see
:func:`to_settings` / :func:`from_settings`), so that an administrator can edit them; a key
that is missing from the table falls back to the default here. Letters and the privacy
notice print from a :class:`RegisterInfo`, never from literals of their own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

from kkdesk.domain.enums import Language
from kkdesk.errors import FieldError, ValidationFailed


@dataclass(frozen=True)
class LocalText:
    """One text in the three languages of correspondence."""

    fi: str
    sv: str
    en: str

    def get(self, language: Language | str) -> str:
        value: str = getattr(self, Language(language).value)
        return value or self.fi

    def to_json(self) -> dict[str, str]:
        return {"fi": self.fi, "sv": self.sv, "en": self.en}

    @classmethod
    def from_json(cls, raw: Any) -> LocalText:
        if isinstance(raw, str):
            return cls(raw, raw, raw)
        if not isinstance(raw, Mapping) or not all(
            isinstance(raw.get(k, ""), str) for k in ("fi", "sv", "en")
        ):
            raise ValueError("expected an object with the strings fi, sv and en")
        if not raw.get("fi"):
            raise ValueError("the Finnish text is required")
        return cls(str(raw["fi"]), str(raw.get("sv", "")), str(raw.get("en", "")))


def _t(fi: str, sv: str, en: str) -> LocalText:
    return LocalText(fi, sv, en)


@dataclass(frozen=True)
class PurposeBasis:
    """A purpose of processing and its legal basis (GDPR Art. 6, 13(1)(c))."""

    purpose: LocalText
    legal_basis: LocalText

    def to_json(self) -> dict[str, Any]:
        return {"purpose": self.purpose.to_json(), "legal_basis": self.legal_basis.to_json()}

    @classmethod
    def from_json(cls, raw: Any) -> PurposeBasis:
        if not isinstance(raw, Mapping):
            raise ValueError("expected an object with purpose and legal_basis")
        return cls(LocalText.from_json(raw["purpose"]), LocalText.from_json(raw["legal_basis"]))


DEFAULT_PURPOSES: tuple[PurposeBasis, ...] = (
    PurposeBasis(
        _t(
            "Asiakassuhteen hoito: tilausten käsittely, toimitukset, palautukset, "
            "laskutus ja asiakaspalvelu.",
            "Skötsel av kundrelationen: behandling av beställningar, leveranser, "
            "returer, fakturering och kundtjänst.",
            "Managing the customer relationship: handling orders, deliveries, returns, "
            "invoicing and customer service.",
        ),
        _t(
            "Sopimuksen täytäntöönpano (tietosuoja-asetuksen 6 artiklan 1 kohdan b alakohta).",
            "Fullgörande av avtal (artikel 6.1 b i dataskyddsförordningen).",
            "Performance of a contract (GDPR Article 6(1)(b)).",
        ),
    ),
    PurposeBasis(
        _t(
            "Kirjanpitovelvollisuuden täyttäminen: tilaukset ja niiden tositteet.",
            "Fullgörande av bokföringsskyldigheten: beställningar och deras verifikationer.",
            "Meeting the bookkeeping obligation: orders and their vouchers.",
        ),
        _t(
            "Lakisääteinen velvoite (6 artiklan 1 kohdan c alakohta; kirjanpitolaki 1336/1997).",
            "Rättslig förpliktelse (artikel 6.1 c; bokföringslagen 1336/1997).",
            "Legal obligation (Article 6(1)(c); Finnish Accounting Act 1336/1997).",
        ),
    ),
    PurposeBasis(
        _t(
            "Konekesko webshopin oma suoramarkkinointi, jollei asiakas ole sitä kieltänyt, "
            "sekä tietojen luovuttaminen suoramarkkinointiin.",
            "Konekesko webshopens egen direktmarknadsföring, om inte kunden har förbjudit "
            "den, samt utlämnande av uppgifter för direktmarknadsföring.",
            "Konekesko webshop's own direct marketing, unless the customer has prohibited "
            "it, and disclosure of data for direct marketing.",
        ),
        _t(
            "Oikeutettu etu (6 artiklan 1 kohdan f alakohta); asiakkaalla on oikeus vastustaa "
            "ja kieltää suoramarkkinointi milloin tahansa (21 artikla).",
            "Berättigat intresse (artikel 6.1 f); kunden har rätt att invända mot och "
            "förbjuda direktmarknadsföring när som helst (artikel 21).",
            "Legitimate interest (Article 6(1)(f)); the customer may object to and prohibit "
            "direct marketing at any time (Article 21).",
        ),
    ),
    PurposeBasis(
        _t(
            "Sähköinen suoramarkkinointi (sähköposti ja tekstiviestit).",
            "Elektronisk direktmarknadsföring (e-post och textmeddelanden).",
            "Electronic direct marketing (e-mail and text messages).",
        ),
        _t(
            "Suostumus (6 artiklan 1 kohdan a alakohta; laki sähköisen viestinnän "
            "palveluista 917/2014, 200 §); suostumuksen voi peruuttaa milloin tahansa.",
            "Samtycke (artikel 6.1 a; lagen om tjänster inom elektronisk kommunikation "
            "917/2014, 200 §); samtycket kan återkallas när som helst.",
            "Consent (Article 6(1)(a); Finnish Act on Electronic Communications Services "
            "917/2014, section 200); consent may be withdrawn at any time.",
        ),
    ),
    PurposeBasis(
        _t(
            "Liiketoiminnan kehittäminen: tuote- ja palvelutarjonnan suunnittelu ja "
            "tarjonnan kohdistaminen.",
            "Utveckling av affärsverksamheten: planering av produkt- och tjänsteutbudet "
            "och inriktning av erbjudanden.",
            "Business development: planning products and services and targeting offers.",
        ),
        _t(
            "Oikeutettu etu (6 artiklan 1 kohdan f alakohta).",
            "Berättigat intresse (artikel 6.1 f).",
            "Legitimate interest (Article 6(1)(f)).",
        ),
    ),
)

DEFAULT_DATA_CATEGORIES: tuple[LocalText, ...] = (
    _t(
        "Asiakkaan tai asiakkaan yhteyshenkilön perustiedot: asiakasnumero, asiakastyyppi "
        "(henkilö/yritys), asiakkaaksi tulopäivä, sukunimi, etunimet, yrityksen nimi ja "
        "Y-tunnus, jakeluosoite, postinumero, postitoimipaikka, maa, koti-, työ- ja "
        "matkapuhelinnumero, sähköpostiosoite, syntymäaika, asiointikieli sekä muut "
        "asiakaskohtaiset tiedot ja huomautukset.",
        "Grunduppgifter om kunden eller kundens kontaktperson: kundnummer, kundtyp "
        "(person/företag), datum då kundrelationen inleddes, efternamn, förnamn, företagets "
        "namn och FO-nummer, utdelningsadress, postnummer, postanstalt, land, telefonnummer "
        "till hemmet och arbetet, mobilnummer, e-postadress, födelsedatum, "
        "korrespondensspråk samt andra kundspecifika uppgifter och anteckningar.",
        "Basic data of the customer or of the customer's contact person: customer number, "
        "customer type (person/company), date of becoming a customer, surname, first names, "
        "company name and business ID, delivery address, postal code, post office, country, "
        "home, work and mobile telephone numbers, e-mail address, date of birth, language "
        "of correspondence and other customer-specific data and notes.",
    ),
    _t(
        "Tiedot asiakkaan tilauksista, toimituksista ja palautuksista.",
        "Uppgifter om kundens beställningar, leveranser och returer.",
        "Data on the customer's orders, deliveries and returns.",
    ),
    _t(
        "Suoramarkkinointikiellot, suostumukset, käsittelyn rajoitukset ja vastustukset "
        "sekä niiden historia.",
        "Förbud mot direktmarknadsföring, samtycken, begränsningar av behandlingen och "
        "invändningar samt deras historik.",
        "Direct-marketing prohibitions, consents, restrictions of processing and "
        "objections, with their history.",
    ),
    _t(
        "Henkilötietojen muutoshistoria ja tietojen lähteet sekä loki tietojen käsittelystä.",
        "Ändringshistorik för personuppgifterna och uppgifternas källor samt logg över "
        "behandlingen av uppgifterna.",
        "The change history of the personal data and the sources of the data, and a log "
        "of the processing of the data.",
    ),
)

DEFAULT_SOURCES: tuple[LocalText, ...] = (
    _t(
        "Asiakkaan itsensä antamat tiedot asiakassuhteen syntyessä ja sen aikana (webshop, "
        "puhelin, sähköposti, kirje, asiointi).",
        "Uppgifter som kunden själv lämnar när kundrelationen inleds och under den "
        "(webbutiken, telefon, e-post, brev, besök).",
        "Data given by the customers themselves when the customer relationship begins and "
        "during it (webshop, telephone, e-mail, letter, in person).",
    ),
    _t(
        "Julkiset tietolähteet.",
        "Offentliga källor.",
        "Public sources.",
    ),
    _t(
        "Rekisterinpitäjän yhteistyökumppanit.",
        "Den personuppgiftsansvariges samarbetspartner.",
        "The controller's partners.",
    ),
    _t(
        "Päivityspalveluja tarjoavat yritykset ja viranomaiset (esimerkiksi osoitteenmuutokset).",
        "Företag och myndigheter som erbjuder uppdateringstjänster (till exempel adressändringar).",
        "Companies and authorities offering update services (for example changes of address).",
    ),
)

DEFAULT_RECIPIENTS: tuple[LocalText, ...] = (
    _t(
        "Yhteistyökumppanit suoramarkkinointitarkoituksiin, jollei asiakas ole kieltänyt "
        "tietojensa luovuttamista.",
        "Samarbetspartner för direktmarknadsföring, om inte kunden har förbjudit att "
        "uppgifterna lämnas ut.",
        "Partners, for direct marketing, unless the customer has prohibited the disclosure.",
    ),
    _t(
        "Kuljetusliikkeet tilausten toimittamiseksi.",
        "Transportföretag för leverans av beställningar.",
        "Carriers, to deliver orders.",
    ),
    _t(
        "Rekisterinpitäjän lukuun toimivat henkilötietojen käsittelijät (esimerkiksi "
        "tietojärjestelmien ylläpito).",
        "Personuppgiftsbiträden som handlar för den personuppgiftsansvariges räkning (till "
        "exempel underhåll av informationssystem).",
        "Processors acting on the controller's behalf (for example maintenance of the "
        "information systems).",
    ),
    _t(
        "Viranomaiset, kun laki sitä edellyttää.",
        "Myndigheter, när lagen kräver det.",
        "Authorities, when the law requires it.",
    ),
)

DEFAULT_TRANSFERS = _t(
    "Tietoja ei pääsääntöisesti siirretä EU:n tai Euroopan talousalueen ulkopuolelle. Jos "
    "siirto on tarpeen, se tehdään vain tietosuoja-asetuksen V luvun mukaisesti: komission "
    "tietosuojan riittävyyttä koskevan päätöksen (45 artikla) tai komission "
    "vakiosopimuslausekkeiden (46 artikla) perusteella.",
    "Uppgifterna överförs i regel inte utanför EU eller Europeiska ekonomiska "
    "samarbetsområdet. Om en överföring behövs sker den endast enligt kapitel V i "
    "dataskyddsförordningen: på grundval av kommissionens beslut om adekvat skyddsnivå "
    "(artikel 45) eller kommissionens standardavtalsklausuler (artikel 46).",
    "As a rule, data is not transferred outside the EU or the European Economic Area. If a "
    "transfer is needed, it is made only under Chapter V of the GDPR: on the basis of a "
    "Commission adequacy decision (Article 45) or the Commission's standard contractual "
    "clauses (Article 46).",
)

DEFAULT_PROTECTION: tuple[LocalText, ...] = (
    _t(
        "Manuaalinen aineisto säilytetään lukitussa tilassa, johon on pääsy vain "
        "asiankuuluvilla henkilöillä.",
        "Manuellt material förvaras i ett låst utrymme som endast behöriga personer har "
        "tillträde till.",
        "Manual material is kept in a locked room that only the appropriate persons can enter.",
    ),
    _t(
        "Sähköistä aineistoa saavat käyttää ja muuttaa vain erikseen määritellyt "
        "rekisterinpitäjän työntekijät ja sen lukuun toimivien yritysten työntekijät. "
        "Kullakin käyttäjällä on oma käyttäjätunnus ja salasana; henkilökohtaiset "
        "käyttöoikeudet ja käyttäjätasot rajaavat pääsyn työtehtävien edellyttämiin "
        "tietoihin, ja jokainen tietojen katselu ja muutos kirjataan lokiin.",
        "Elektroniskt material får användas och ändras endast av särskilt utsedda anställda "
        "hos den personuppgiftsansvarige och hos företag som handlar för dess räkning. "
        "Varje användare har ett eget användarnamn och lösenord; personliga "
        "behörigheter och användarnivåer begränsar åtkomsten till de uppgifter som "
        "arbetsuppgifterna kräver, och varje visning och ändring av uppgifterna loggas.",
        "Electronic material may be used and changed only by specifically designated "
        "employees of the controller and of companies acting on its behalf. Each user has "
        "their own user name and password; personal access rights and user levels limit "
        "access to the data that the person's duties require, and every viewing and "
        "change of the data is logged.",
    ),
    _t(
        "Rekisteriä käsitteleviä työntekijöitä sitoo vaitiolovelvollisuus. Rekisteri ja sen "
        "laitteistot sijaitsevat suljetuissa konesaleissa, tiedot varmuuskopioidaan "
        "säännöllisesti ja järjestelmä on suojattu palomuurilla.",
        "De anställda som behandlar registret har tystnadsplikt. Registret och dess "
        "utrustning finns i stängda serverhallar, uppgifterna säkerhetskopieras regelbundet "
        "och systemet skyddas av en brandvägg.",
        "Employees processing the register are bound by confidentiality. The register and "
        "its hardware are in closed server rooms, the data is backed up regularly and the "
        "system is protected by a firewall.",
    ),
)

DEFAULT_RIGHTS: tuple[LocalText, ...] = (
    _t(
        "Oikeus saada pääsy tietoihin (15 artikla): voitte pyytää tiedot, joita teistä "
        "käsitellään.",
        "Rätt till tillgång (artikel 15): ni kan begära de uppgifter som behandlas om er.",
        "Right of access (Article 15): you may ask for the data processed about you.",
    ),
    _t(
        "Oikeus tietojen oikaisemiseen (16 artikla): virheelliset tiedot korjataan ja "
        "puutteelliset täydennetään.",
        "Rätt till rättelse (artikel 16): felaktiga uppgifter rättas och ofullständiga "
        "kompletteras.",
        "Right to rectification (Article 16): inaccurate data is corrected and incomplete "
        "data completed.",
    ),
    _t(
        "Oikeus tietojen poistamiseen (17 artikla), lukuun ottamatta tietoja, joita laki "
        "velvoittaa säilyttämään (esimerkiksi kirjanpito).",
        "Rätt till radering (artikel 17), utom uppgifter som lagen kräver att bevaras (till "
        "exempel bokföring).",
        "Right to erasure (Article 17), except data that the law requires to be kept (for "
        "example the books of account).",
    ),
    _t(
        "Oikeus käsittelyn rajoittamiseen (18 artikla).",
        "Rätt till begränsning av behandlingen (artikel 18).",
        "Right to restriction of processing (Article 18).",
    ),
    _t(
        "Oikeus siirtää tiedot järjestelmästä toiseen (20 artikla): antamanne tiedot ja "
        "tilaustietonne koneluettavassa muodossa.",
        "Rätt till dataportabilitet (artikel 20): de uppgifter ni lämnat och era "
        "beställningsuppgifter i maskinläsbar form.",
        "Right to data portability (Article 20): the data you provided and your order data "
        "in a machine-readable form.",
    ),
    _t(
        "Oikeus vastustaa käsittelyä (21 artikla) ja kieltää suoramainonta, etämyynti ja "
        "muu suoramarkkinointi, markkina- ja mielipidetutkimus sekä henkilömatrikkelit ja "
        "sukututkimus. Kiellon tai vastustuksen voi tehdä millä tavalla tahansa, maksutta "
        "ja perustelematta.",
        "Rätt att invända mot behandlingen (artikel 21) och förbjuda direktreklam, "
        "distansförsäljning och annan direktmarknadsföring, marknads- och opinionsundersökningar "
        "samt personmatriklar och släktforskning. Förbudet eller invändningen kan göras på "
        "vilket sätt som helst, kostnadsfritt och utan motivering.",
        "Right to object to processing (Article 21) and to prohibit direct advertising, "
        "distance selling and other direct marketing, market and opinion research, and "
        "person directories and genealogy research. The prohibition or objection may be "
        "made in any way, free of charge and without giving reasons.",
    ),
    _t(
        "Oikeus peruuttaa suostumus milloin tahansa (7 artiklan 3 kohta) ilman, että se "
        "vaikuttaa aiemman käsittelyn lainmukaisuuteen.",
        "Rätt att när som helst återkalla ett samtycke (artikel 7.3), utan att det påverkar "
        "lagligheten i behandlingen innan det återkallades.",
        "Right to withdraw consent at any time (Article 7(3)), without affecting the "
        "lawfulness of processing before the withdrawal.",
    ),
    _t(
        "Oikeus tehdä valitus valvontaviranomaiselle (77 artikla).",
        "Rätt att lämna in klagomål till tillsynsmyndigheten (artikel 77).",
        "Right to lodge a complaint with the supervisory authority (Article 77).",
    ),
)

DEFAULT_AUTOMATED = _t(
    "Rekisterin tietoja käytetään tarjonnan kohdistamiseen, mutta automaattisia päätöksiä, "
    "joilla on teitä koskevia oikeusvaikutuksia tai jotka vaikuttavat teihin vastaavalla "
    "tavalla merkittävästi (22 artikla), ei tehdä.",
    "Registrets uppgifter används för att rikta erbjudanden, men inga automatiserade beslut "
    "som har rättsliga följder för er eller på liknande sätt i betydande grad påverkar er "
    "(artikel 22) fattas.",
    "The register's data is used to target offers, but no automated decisions that produce "
    "legal effects concerning you or similarly significantly affect you (Article 22) are "
    "made.",
)

DEFAULT_REGISTER_NAME = _t(
    "Konekesko Webshop asiakasrekisteri",
    "Konekesko Webshop kundregister",
    "Konekesko Webshop customer register",
)
DEFAULT_AUTHORITY_NAME = _t(
    "Tietosuojavaltuutetun toimisto",
    "Dataombudsmannens byrå",
    "Office of the Data Protection Ombudsman",
)


DEFAULT_PROVISION = _t(
    "Nimi, toimitusosoite ja yhteystieto ovat tarpeen tilauksen tekemiseksi ja "
    "toimittamiseksi: ne ovat sopimuksen tekemisen edellytys, ja ilman niitä emme voi ottaa "
    "tilausta vastaan tai toimittaa sitä. Tilaustietojen säilyttäminen on kirjanpitolain "
    "vaatimus. Muiden tietojen (esimerkiksi syntymäajan tai lisäpuhelinnumeroiden) "
    "antaminen on vapaaehtoista, eikä niiden puuttuminen vaikuta tilaamiseen. Suostumuksen "
    "sähköiseen suoramarkkinointiin voi jättää antamatta ilman seurauksia.",
    "Namn, leveransadress och en kontaktuppgift behövs för att göra och leverera en "
    "beställning: de är en förutsättning för avtalet, och utan dem kan vi inte ta emot "
    "eller leverera beställningen. Att bevara beställningsuppgifterna krävs i "
    "bokföringslagen. Övriga uppgifter (till exempel födelsedatum eller fler "
    "telefonnummer) är frivilliga, och att de saknas påverkar inte beställningen. "
    "Samtycke till elektronisk direktmarknadsföring kan lämnas ogivet utan följder.",
    "Your name, delivery address and a means of contact are needed to place and deliver "
    "an order: they are a requirement for entering into the contract, and without them we "
    "cannot accept or deliver the order. Keeping the order data is required by the "
    "Accounting Act. Other data (such as your date of birth or more telephone numbers) is "
    "optional, and leaving it out does not affect ordering. You may leave consent to "
    "electronic direct marketing ungiven without any consequence.",
)


@dataclass(frozen=True)
class RegisterInfo:
    """Everything the privacy notice and the subject-access letter say about the register.

    Field names are the keys of the ``register_setting`` table.
    """

    controller_name: str = "Konekesko Oy"
    controller_address: tuple[str, ...] = ("Vanha Porvoontie 245", "01380 VANTAA")
    controller_business_id: str = ""
    controller_email: str = ""
    contact_name: str = "Antti Riuttala"
    contact_phone: str = "050 599 1101"
    contact_email: str = ""
    register_name: LocalText = DEFAULT_REGISTER_NAME
    purposes: tuple[PurposeBasis, ...] = DEFAULT_PURPOSES
    data_categories: tuple[LocalText, ...] = DEFAULT_DATA_CATEGORIES
    sources: tuple[LocalText, ...] = DEFAULT_SOURCES
    recipients: tuple[LocalText, ...] = DEFAULT_RECIPIENTS
    transfers: LocalText = DEFAULT_TRANSFERS
    protection: tuple[LocalText, ...] = DEFAULT_PROTECTION
    rights: tuple[LocalText, ...] = DEFAULT_RIGHTS
    automated_decisions: LocalText = DEFAULT_AUTOMATED
    authority_name: LocalText = DEFAULT_AUTHORITY_NAME
    authority_address: tuple[str, ...] = ("PL 800", "00531 HELSINKI")
    authority_web: str = "tietosuoja.fi"
    # Whether access letters name the staff who viewed or changed the data. Art. 15 asks
    # for the recipients, not for the controller's own employees, so by default a letter
    # gives the dates and purposes only; a controller may decide to name them.
    letters_name_staff: bool = False
    # The addresses as a Swedish letter prints them (Finland's bilingual towns have a
    # Swedish name: Vantaa is Vanda, Helsinki Helsingfors); empty: the Finnish ones.
    controller_address_sv: tuple[str, ...] = ("Gamla Borgåvägen 245", "01380 VANDA")
    authority_address_sv: tuple[str, ...] = ("PB 800", "00531 HELSINGFORS")
    # The data protection officer's name and contact (GDPR Art. 13(1)(b)); empty: none is
    # designated, and the person handling register matters is the contact.
    dpo_contact: str = ""
    # Whether providing the data is a statutory or contractual requirement and what
    # follows from not providing it (Art. 13(2)(e)).
    provision_statement: LocalText = DEFAULT_PROVISION
    # The retention periods. The notice's and the letters' retention texts are generated
    # from them (:attr:`retention`), and ``kkdesk retention run`` removes what is past them,
    # so the printed promise and what the register does cannot disagree.
    # The financial year's last day ("MM-DD"): orders are kept ``voucher_years`` from the
    # end of the year in which their financial year ended (Accounting Act 2:10).
    financial_year_end: str = "12-31"
    # Basic data is kept this many years after the last order or contact.
    basic_data_years: int = 2
    # Orders and their vouchers: years from the end of the year in which the financial
    # year ended; the Accounting Act's six at the least.
    voucher_years: int = 6
    # Archived letters (the PDFs sent to a person, request_letter) are kept this many years
    # after they were sent, also after the person's erasure: they show what the controller
    # answered (Art. 5(2), accountability) for as long as a claim about the answer may be
    # brought (the general limitation period of the Limitation Act 728/2003 is three years).
    # The erasure outcome letter states the date this gives; ``kkdesk retention run``
    # removes them after it.
    letter_archive_years: int = 3

    @property
    def retention(self) -> tuple[LocalText, ...]:
        """The retention texts, generated from the periods above (never typed in)."""
        from kkdesk.domain.retention import retention_texts

        return retention_texts(self)

    def controller_address_in(self, language: Language | str) -> tuple[str, ...]:
        if Language(language) is Language.SV and self.controller_address_sv:
            return self.controller_address_sv
        return self.controller_address

    def authority_address_in(self, language: Language | str) -> tuple[str, ...]:
        if Language(language) is Language.SV and self.authority_address_sv:
            return self.authority_address_sv
        return self.authority_address


DEFAULT = RegisterInfo()

# How each key is stored: "str", "bool", "int" (see INT_RANGES), "lines" (list of str),
# "text" (LocalText), "texts" (list of LocalText) or "purposes" (list of PurposeBasis).
KINDS: dict[str, str] = {
    "controller_name": "str",
    "controller_address": "lines",
    "controller_business_id": "str",
    "controller_email": "str",
    "contact_name": "str",
    "contact_phone": "str",
    "contact_email": "str",
    "register_name": "text",
    "purposes": "purposes",
    "data_categories": "texts",
    "sources": "texts",
    "recipients": "texts",
    "transfers": "text",
    "protection": "texts",
    "rights": "texts",
    "automated_decisions": "text",
    "authority_name": "text",
    "authority_address": "lines",
    "authority_web": "str",
    "letters_name_staff": "bool",
    "controller_address_sv": "lines",
    "authority_address_sv": "lines",
    "dpo_contact": "str",
    "provision_statement": "text",
    "financial_year_end": "str",
    "basic_data_years": "int",
    "voucher_years": "int",
    "letter_archive_years": "int",
}
# The range of each whole-number setting (inclusive). Vouchers: never below the Accounting
# Act's six years; the relationship period: at least a year, so that a customer is never
# erased the day after their last order.
INT_RANGES: dict[str, tuple[int, int]] = {
    "basic_data_years": (1, 100),
    "voucher_years": (6, 100),
    "letter_archive_years": (1, 100),
}
# Keys that may not be left empty: a letter without them would not say who answers.
REQUIRED: frozenset[str] = frozenset(
    {"controller_name", "controller_address", "register_name", "authority_name"}
)
assert set(KINDS) == {f.name for f in fields(RegisterInfo)}


def value_to_json(key: str, value: Any) -> Any:
    kind = KINDS[key]
    if kind in ("str", "bool", "int"):
        return value
    if kind == "lines":
        return list(value)
    if kind == "text":
        return value.to_json()
    return [item.to_json() for item in value]


def value_from_json(key: str, raw: Any) -> Any:
    """The typed value of one setting; raises :class:`ValidationFailed` if malformed."""
    if key not in KINDS:
        raise ValidationFailed(
            {key: FieldError(key, "unknown_setting", f"There is no register setting {key!r}.")}
        )
    kind = KINDS[key]
    try:
        value: Any
        if kind == "str":
            if not isinstance(raw, str):
                raise ValueError("expected a string")
            value = raw.strip()
        elif kind == "bool":
            if not isinstance(raw, bool):
                raise ValueError("expected true or false")
            value = raw
        elif kind == "int":
            low, high = INT_RANGES.get(key, (0, 100))
            if isinstance(raw, bool) or not isinstance(raw, int) or not low <= raw <= high:
                raise ValueError(f"expected a whole number from {low} to {high}")
            value = raw
        elif kind == "lines":
            if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
                raise ValueError("expected a list of strings")
            value = tuple(x.strip() for x in raw if x.strip())
        elif kind == "text":
            value = LocalText.from_json(raw)
        elif kind == "texts":
            if not isinstance(raw, list):
                raise ValueError("expected a list")
            value = tuple(LocalText.from_json(x) for x in raw)
        else:
            if not isinstance(raw, list):
                raise ValueError("expected a list")
            value = tuple(PurposeBasis.from_json(x) for x in raw)
    except (ValueError, KeyError, TypeError) as exc:
        raise ValidationFailed({key: FieldError(key, "invalid_setting", f"{key}: {exc}")}) from exc
    if key == "financial_year_end":
        _check_month_day(value, key)
    if key in REQUIRED and not value:
        raise ValidationFailed({key: FieldError(key, "required", f"{key} cannot be empty.")})
    return value


def _check_month_day(value: str, key: str) -> None:
    from datetime import date

    try:
        month, day = (int(x) for x in value.split("-"))
        date(2001, month, day)  # a common year: "02-29" is no financial year's end
    except ValueError as exc:
        raise ValidationFailed(
            {key: FieldError(key, "invalid_setting", f"{key}: expected MM-DD, e.g. 12-31")}
        ) from exc


def to_settings(info: RegisterInfo) -> dict[str, Any]:
    """Every key with its JSON value."""
    return {key: value_to_json(key, getattr(info, key)) for key in KINDS}


def from_settings(values: Mapping[str, Any]) -> RegisterInfo:
    """The register information from stored JSON values; missing keys keep the default,
    and keys this version does not know (from a newer kkdesk) are ignored."""
    changes = {key: value_from_json(key, raw) for key, raw in values.items() if key in KINDS}
    return replace(DEFAULT, **changes)
