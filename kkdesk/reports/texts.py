"""The printed words of letters and notices in Finnish, Swedish and English, and the
formatting of dates, money, telephone numbers and countries in each.

Letters are printed in the customer's language of correspondence, not the user's, so
these texts do not go through Qt's translation files: every key carries all three
languages side by side, and a test checks that none is missing. The customer reads these
words, so every stored code (a source, a channel, an audit action) has a phrase here and
never prints as the code itself.
"""

from __future__ import annotations

import functools
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import phonenumbers
from babel import Locale, UnknownLocaleError

from kkdesk.domain.enums import Language
from kkdesk.reports.texts_subject import SUBJECT_TEXTS

HELSINKI = ZoneInfo("Europe/Helsinki")
# Aliases: inside Words, the method names ``date`` and ``datetime`` hide the types.
_Date = date
_DateTime = datetime

# key: (Finnish, Swedish, English)
T: dict[str, tuple[str, str, str]] = {
    # Letter head and body
    "doc_access": ("REKISTERIOTE", "REGISTERUTDRAG", "SUBJECT ACCESS REPLY"),
    "doc_notice": ("TIETOSUOJASELOSTE", "DATASKYDDSBESKRIVNING", "PRIVACY NOTICE"),
    "date": ("Päivämäärä", "Datum", "Date"),
    "reference": ("Viite", "Referens", "Reference"),
    "reference_request": ("Pyyntö nro {id}", "Begäran nr {id}", "Request no. {id}"),
    "reference_customer": ("Asiakasnro {number}", "Kundnr {number}", "Customer no. {number}"),
    "title_access": (
        "Vastaus tietojen tarkastuspyyntöönne",
        "Svar på er begäran om registerutdrag",
        "Reply to your subject access request",
    ),
    "intro_received": (
        "Olemme vastaanottaneet {received} pyyntönne saada tietää, mitä tietoja teistä on "
        "tallennettu asiakasrekisteriimme. Vastaamme pyyntöönne EU:n yleisen "
        "tietosuoja-asetuksen (2016/679) 15 artiklan mukaisesti.",
        "Vi har den {received} tagit emot er begäran om att få veta vilka uppgifter om er "
        "som finns i vårt kundregister. Vi besvarar begäran i enlighet med artikel 15 i EU:s "
        "allmänna dataskyddsförordning (2016/679).",
        "On {received} we received your request to know what data our customer register "
        "holds about you. We reply as Article 15 of the EU General Data Protection "
        "Regulation (2016/679) requires.",
    ),
    "intro": (
        "Kerromme tässä kirjeessä EU:n yleisen tietosuoja-asetuksen (2016/679) 15 artiklan "
        "mukaisesti, mitä tietoja teistä on tallennettu asiakasrekisteriimme.",
        "I detta brev berättar vi i enlighet med artikel 15 i EU:s allmänna "
        "dataskyddsförordning (2016/679) vilka uppgifter om er som finns i vårt kundregister.",
        "In this letter we tell you, as Article 15 of the EU General Data Protection "
        "Regulation (2016/679) requires, what data our customer register holds about you.",
    ),
    "intro_2": (
        "Kirjeen osissa 1–9 kerrotaan, miksi ja miten tietojanne käsitellään ja mitä "
        "oikeuksia teillä on. Osassa 10 on jäljennös kaikista tiedoista, jotka teistä oli "
        "tallennettu {date}, ja osassa 11 kerrotaan, milloin ja mihin tarkoitukseen "
        "tietojanne on käsitelty.",
        "Avsnitt 1–9 berättar varför och hur era uppgifter behandlas och vilka rättigheter "
        "ni har. Avsnitt 10 är en kopia av alla uppgifter som fanns sparade om er den "
        "{date}, och avsnitt 11 visar när och för vilket ändamål era uppgifter har behandlats.",
        "Parts 1–9 tell you why and how your data is processed and what rights you have. "
        "Part 10 is a copy of all the data held about you on {date}, and part 11 shows "
        "when and for what purpose your data has been processed.",
    ),
    "s_controller": (
        "1. Rekisterinpitäjä ja yhteyshenkilö",
        "1. Personuppgiftsansvarig och kontaktperson",
        "1. Controller and contact person",
    ),
    "controller": ("Rekisterinpitäjä", "Personuppgiftsansvarig", "Controller"),
    "business_id_label": ("Y-tunnus", "FO-nummer", "Business ID"),
    "contact_person": (
        "Rekisteriasioita hoitaa",
        "Registerärenden sköts av",
        "Person handling register matters",
    ),
    "register": ("Rekisteri", "Register", "Register"),
    "s_purposes": (
        "2. Käsittelyn tarkoitukset ja oikeusperusteet",
        "2. Ändamålen med behandlingen och de rättsliga grunderna",
        "2. Purposes of processing and legal bases",
    ),
    "purpose": ("Tarkoitus", "Ändamål", "Purpose"),
    "legal_basis": ("Oikeusperuste", "Rättslig grund", "Legal basis"),
    "s_categories": (
        "3. Käsiteltävät tietoryhmät",
        "3. Kategorier av personuppgifter",
        "3. Categories of personal data",
    ),
    "s_recipients": (
        "4. Tietojen vastaanottajat",
        "4. Mottagare av uppgifterna",
        "4. Recipients of the data",
    ),
    "recipient_categories": (
        "Tietoja voidaan luovuttaa seuraaville vastaanottajaryhmille:",
        "Uppgifter kan lämnas ut till följande kategorier av mottagare:",
        "Data may be disclosed to the following categories of recipients:",
    ),
    "disclosures_yours": (
        "Teidän tietojanne on luovutettu seuraavasti:",
        "Era uppgifter har lämnats ut enligt följande:",
        "Your data has been disclosed as follows:",
    ),
    "disclosures_none": (
        "Teidän tietojanne ei ole luovutettu rekisteristä kenellekään.",
        "Era uppgifter har inte lämnats ut från registret till någon.",
        "Your data has not been disclosed from the register to anyone.",
    ),
    "recipient": ("Vastaanottaja", "Mottagare", "Recipient"),
    "disclosed_data": ("Luovutetut tiedot", "Utlämnade uppgifter", "Data disclosed"),
    "s_transfers": (
        "5. Tietojen siirto EU:n ja ETA:n ulkopuolelle",
        "5. Överföring av uppgifter utanför EU och EES",
        "5. Transfers outside the EU and EEA",
    ),
    "s_retention": (
        "6. Tietojen säilytysaika",
        "6. Hur länge uppgifterna sparas",
        "6. How long the data is kept",
    ),
    "s_sources": (
        "7. Mistä tiedot saadaan",
        "7. Varifrån uppgifterna kommer",
        "7. Sources of the data",
    ),
    "sources_per_item": (
        "Kunkin tiedon lähde, jos se on tiedossa, on merkitty jäljennökseen (osa 10) "
        "sarakkeeseen ”Lähde”.",
        "Källan till varje uppgift, när den är känd, anges i kopian (avsnitt 10) i kolumnen "
        "”Källa”.",
        "The source of each item, where known, is shown in the copy (part 10) in the "
        "column “Source”.",
    ),
    "s_automated": (
        "8. Automaattinen päätöksenteko",
        "8. Automatiserat beslutsfattande",
        "8. Automated decision-making",
    ),
    "s_rights": (
        "9. Oikeutenne",
        "9. Era rättigheter",
        "9. Your rights",
    ),
    "rights_how": (
        "Pyynnöt ja kiellot voi tehdä millä tavalla tahansa: kirjeellä, sähköpostilla, "
        "puhelimitse, webshopissa tai asioidessanne, esimerkiksi rekisteriasioita hoitavalle "
        "henkilölle (osa 1). Vastaamme kuukauden kuluessa pyynnön saapumisesta.",
        "Begäranden och förbud kan göras på vilket sätt som helst: per brev, e-post eller "
        "telefon, i webbutiken eller vid besök, till exempel till den person som sköter "
        "registerärenden (avsnitt 1). Vi svarar inom en månad från att begäran kommit in.",
        "Requests and prohibitions may be made in any way: by letter, e-mail or telephone, "
        "in the webshop or in person, for example to the person handling register matters "
        "(part 1). We reply within one month of receiving a request.",
    ),
    "complaint": (
        "Jos katsotte, että tietojenne käsittelyssä rikotaan tietosuojalainsäädäntöä, "
        "voitte tehdä valituksen valvontaviranomaiselle:",
        "Om ni anser att behandlingen av era uppgifter bryter mot dataskyddslagstiftningen "
        "kan ni lämna in ett klagomål till tillsynsmyndigheten:",
        "If you consider that the processing of your data infringes data protection law, "
        "you may lodge a complaint with the supervisory authority:",
    ),
    "s_copy": (
        "10. Jäljennös tiedoistanne",
        "10. Kopia av era uppgifter",
        "10. Copy of your data",
    ),
    "s_basic": ("10.1 Perustiedot", "10.1 Grunduppgifter", "10.1 Basic data"),
    "s_contacts": ("10.2 Yhteyshenkilöt", "10.2 Kontaktpersoner", "10.2 Contact persons"),
    "s_consents": (
        "10.3 Kiellot, suostumukset ja rajoitukset",
        "10.3 Förbud, samtycken och begränsningar",
        "10.3 Prohibitions, consents and restrictions",
    ),
    "s_consent_history": (
        "Kieltojen ja suostumusten historia",
        "Historik över förbud och samtycken",
        "History of prohibitions and consents",
    ),
    "contact_no_consents": (
        "Yhteyshenkilö {name}: ei kieltoja eikä suostumuksia.",
        "Kontaktperson {name}: inga förbud eller samtycken.",
        "Contact person {name}: no prohibitions or consents.",
    ),
    "suppressed": (
        "Sähköpostiosoite tai puhelinnumero on lisäksi kieltoluettelossa, jonka avulla "
        "kieltoja noudatetaan myös tietojen poistamisen jälkeen: {items}.",
        "E-postadressen eller telefonnumret finns dessutom i en spärrlista, med vilken "
        "förbud respekteras även efter att uppgifterna raderats: {items}.",
        "In addition, the e-mail address or telephone number is on a suppression list, "
        "which keeps prohibitions in force even after data is erased: {items}.",
    ),
    "s_orders": ("10.4 Tilaukset", "10.4 Beställningar", "10.4 Orders"),
    "s_deliveries": ("10.5 Toimitukset", "10.5 Leveranser", "10.5 Deliveries"),
    "s_returns": ("10.6 Palautukset", "10.6 Returer", "10.6 Returns"),
    "s_changes": (
        "10.7 Tietojen muutoshistoria ja lähteet",
        "10.7 Ändringshistorik och källor",
        "10.7 Change history and sources",
    ),
    "changes_intro": (
        "Jokainen tallennettu tieto ja sen muutos, uusin ensin.",
        "Varje sparad uppgift och dess ändringar, den senaste först.",
        "Every item recorded and every change to it, the most recent first.",
    ),
    "s_access": (
        "11. Tietojenne käsittely (lokitiedot)",
        "11. Behandlingen av era uppgifter (logg)",
        "11. Processing of your data (log)",
    ),
    "access_intro": (
        "Jokainen tietojenne katselu ja muutos kirjataan lokiin. Alla ovat kirjausten "
        "ajankohdat ja käsittelyn tarkoitukset, uusin ensin.",
        "Varje visning och ändring av era uppgifter loggas. Nedan visas när och för vilket "
        "ändamål uppgifterna behandlats, den senaste först.",
        "Every viewing and change of your data is logged. Below are the times and purposes "
        "of processing, the most recent first.",
    ),
    "access_intro_staff": (
        "Jokainen tietojenne katselu ja muutos kirjataan lokiin. Alla ovat kirjausten "
        "ajankohdat, käsittelyn tarkoitukset ja käsittelijät, uusin ensin.",
        "Varje visning och ändring av era uppgifter loggas. Nedan visas när, för vilket "
        "ändamål och av vem uppgifterna behandlats, den senaste först.",
        "Every viewing and change of your data is logged. Below are the times, purposes "
        "and the staff who processed the data, the most recent first.",
    ),
    "none": ("Ei merkintöjä.", "Inga anteckningar.", "None recorded."),
    "questions": (
        "Vastaamme mielellämme, jos teillä on kysyttävää tästä kirjeestä.",
        "Vi svarar gärna om ni har frågor om detta brev.",
        "We will gladly answer any questions about this letter.",
    ),
    "closing": ("Ystävällisin terveisin", "Med vänliga hälsningar", "Yours sincerely"),
    "contact_role": (
        "Rekisteriasioiden yhteyshenkilö",
        "Kontaktperson i registerärenden",
        "Contact person for register matters",
    ),
    "tel": ("puh.", "tfn", "tel."),
    # Table headings
    "field": ("Tieto", "Uppgift", "Item"),
    "value": ("Arvo", "Värde", "Value"),
    "source": ("Lähde", "Källa", "Source"),
    "name": ("Nimi", "Namn", "Name"),
    "consent_item": ("Kielto tai suostumus", "Förbud eller samtycke", "Prohibition or consent"),
    "state": ("Tila", "Status", "State"),
    "since": ("Alkaen", "Sedan", "Since"),
    "received_on": ("Saapunut", "Inkommen", "Received"),
    "channel": ("Kanava", "Kanal", "Channel"),
    "document_ref": ("Asiakirja", "Dokument", "Document"),
    "note": ("Huomautus", "Anteckning", "Note"),
    "recorded": ("Kirjattu", "Registrerad", "Recorded"),
    "order_no": ("Tilaus", "Beställning", "Order"),
    "ordered_at": ("Tilauspäivä", "Beställd", "Ordered"),
    "status": ("Tila", "Status", "Status"),
    "product": ("Tuote", "Produkt", "Product"),
    "qty": ("Kpl", "St", "Qty"),
    "unit_price": ("À-hinta", "À-pris", "Unit price"),
    "vat": ("ALV", "Moms", "VAT"),
    "total": ("Yhteensä", "Totalt", "Total"),
    "shipped": ("Lähetetty", "Skickad", "Shipped"),
    "delivered": ("Toimitettu", "Levererad", "Delivered"),
    "carrier": ("Kuljetusliike", "Transportör", "Carrier"),
    "tracking": ("Seurantakoodi", "Spårningskod", "Tracking code"),
    "delivery_address": ("Toimitusosoite", "Leveransadress", "Delivery address"),
    "return_no": ("Palautus", "Retur", "Return"),
    "requested": ("Pyydetty", "Begärd", "Requested"),
    "received": ("Saapunut", "Mottagen", "Received"),
    "refunded": ("Hyvitetty", "Återbetald", "Refunded"),
    "reason": ("Syy", "Orsak", "Reason"),
    "refund": ("Hyvitys", "Återbetalning", "Refund"),
    "items": ("Palautetut tuotteet", "Returnerade produkter", "Returned items"),
    "changed_at": ("Ajankohta", "Tidpunkt", "When"),
    "old_value": ("Aiempi arvo", "Tidigare värde", "Previous value"),
    "new_value": ("Uusi arvo", "Nytt värde", "New value"),
    "by": ("Käsittelijä", "Handläggare", "By"),
    "at": ("Ajankohta", "Tidpunkt", "When"),
    "action": ("Tapahtuma", "Händelse", "Event"),
    "order_count": (
        "Tilauksia yhteensä {n} kpl.",
        "Sammanlagt {n} beställningar.",
        "{n} orders in all.",
    ),
    "order_total": ("Tilaus yhteensä", "Beställningen totalt", "Order total"),
    "for_contact": ("Yhteyshenkilö {name}", "Kontaktperson {name}", "Contact person {name}"),
    # Customer fields
    "f_number": ("Asiakasnumero", "Kundnummer", "Customer number"),
    "f_type": ("Asiakastyyppi", "Kundtyp", "Customer type"),
    "f_customer_since": ("Asiakkaana alkaen", "Kund sedan", "Customer since"),
    "f_surname": ("Sukunimi", "Efternamn", "Surname"),
    "f_first_names": ("Etunimet", "Förnamn", "First names"),
    "f_company_name": ("Yrityksen nimi", "Företagets namn", "Company name"),
    "f_business_id": ("Y-tunnus", "FO-nummer", "Business ID"),
    "f_street": ("Jakeluosoite", "Utdelningsadress", "Street address"),
    "f_postal_code": ("Postinumero", "Postnummer", "Postal code"),
    "f_post_office": ("Postitoimipaikka", "Postanstalt", "Post office"),
    "f_country": ("Maa", "Land", "Country"),
    "f_phone_home": ("Kotipuhelin", "Telefon hem", "Home telephone"),
    "f_phone_work": ("Työpuhelin", "Telefon arbete", "Work telephone"),
    "f_phone_mobile": ("Matkapuhelin", "Mobiltelefon", "Mobile telephone"),
    "f_email": ("Sähköposti", "E-post", "E-mail"),
    "f_birth_date": ("Syntymäaika", "Födelsedatum", "Date of birth"),
    "f_language": ("Asiointikieli", "Korrespondensspråk", "Language of correspondence"),
    "f_notes": ("Huomautukset", "Anteckningar", "Notes"),
    "f_role": ("Tehtävä", "Roll", "Role"),
    "f_extra": ("Muut tiedot", "Övriga uppgifter", "Other data"),
    # Values
    "type_person": ("yksityishenkilö", "privatperson", "private person"),
    "type_company": ("yritys", "företag", "company"),
    "lang_fi": ("suomi", "finska", "Finnish"),
    "lang_sv": ("ruotsi", "svenska", "Swedish"),
    "lang_en": ("englanti", "engelska", "English"),
    "src_customer_phone": (
        "ilmoititte itse puhelimitse",
        "uppgett av er per telefon",
        "given by you by telephone",
    ),
    "src_customer_letter": (
        "ilmoititte itse kirjeitse",
        "uppgett av er per brev",
        "given by you by letter",
    ),
    "src_customer_email": (
        "ilmoititte itse sähköpostitse",
        "uppgett av er per e-post",
        "given by you by e-mail",
    ),
    "src_customer_webshop": (
        "ilmoititte itse webshopissa",
        "uppgett av er i webbutiken",
        "given by you in the webshop",
    ),
    "src_customer_in_person": (
        "ilmoititte itse asioidessanne",
        "uppgett av er vid besök",
        "given by you in person",
    ),
    "src_public_source": ("julkinen lähde", "offentlig källa", "public source"),
    "src_partner": ("yhteistyökumppani", "samarbetspartner", "partner"),
    "src_update_service": ("päivityspalvelu", "uppdateringstjänst", "update service"),
    "src_unknown": ("ei tiedossa", "okänd", "not known"),
    "src_controller": ("rekisterinpitäjä", "den personuppgiftsansvarige", "the controller"),
    "ch_letter": ("kirje", "brev", "letter"),
    "ch_email": ("sähköposti", "e-post", "e-mail"),
    "ch_phone": ("puhelin", "telefon", "telephone"),
    "ch_webshop": ("webshop", "webbutik", "webshop"),
    "ch_in_person": ("asiointi", "besök", "in person"),
    "ci_direct_advertising": (
        "Suoramainontakielto",
        "Förbud mot direktreklam",
        "Prohibition of direct advertising",
    ),
    "ci_distance_selling": (
        "Etämyyntikielto",
        "Förbud mot distansförsäljning",
        "Prohibition of distance selling",
    ),
    "ci_direct_marketing": (
        "Muun suoramarkkinoinnin kielto",
        "Förbud mot annan direktmarknadsföring",
        "Prohibition of other direct marketing",
    ),
    "ci_market_research": (
        "Markkina- ja mielipidetutkimuskielto",
        "Förbud mot marknads- och opinionsundersökningar",
        "Prohibition of market and opinion research",
    ),
    "ci_directories": (
        "Henkilömatrikkelikielto",
        "Förbud mot personmatriklar",
        "Prohibition of person directories",
    ),
    "ci_genealogy": (
        "Sukututkimuskielto",
        "Förbud mot släktforskning",
        "Prohibition of genealogy research",
    ),
    "ci_register_updates": (
        "Asiakasrekisterin päivityskielto",
        "Förbud mot uppdatering av kundregistret",
        "Prohibition of updating the customer register",
    ),
    "ci_email_marketing": (
        "Suostumus sähköpostimarkkinointiin",
        "Samtycke till e-postmarknadsföring",
        "Consent to e-mail marketing",
    ),
    "ci_sms_marketing": (
        "Suostumus tekstiviestimarkkinointiin",
        "Samtycke till marknadsföring per textmeddelande",
        "Consent to text-message marketing",
    ),
    "ci_restriction": (
        "Käsittelyn rajoitus (18 art.)",
        "Begränsning av behandlingen (art. 18)",
        "Restriction of processing (Art. 18)",
    ),
    "ci_objection": (
        "Suoramarkkinoinnin vastustus (21 art.)",
        "Invändning mot direktmarknadsföring (art. 21)",
        "Objection to direct marketing (Art. 21)",
    ),
    # The state of an item now...
    "cs_prohibited": ("kielto voimassa", "förbud gäller", "prohibited"),
    "cs_not_prohibited": ("ei kieltoa", "inget förbud", "not prohibited"),
    "cs_given": ("annettu", "givet", "given"),
    "cs_not_given": ("ei annettu", "inte givet", "not given"),
    "cs_withdrawn": ("peruttu", "återkallat", "withdrawn"),
    "cs_on": ("voimassa", "gäller", "in force"),
    "cs_off": ("ei voimassa", "gäller inte", "not in force"),
    # ...and what one event of its history did.
    "ev_prohibited": ("kielto annettu", "förbud meddelat", "prohibition made"),
    "ev_unprohibited": ("kielto peruttu", "förbud återkallat", "prohibition withdrawn"),
    "ev_given": ("suostumus annettu", "samtycke givet", "consent given"),
    "ev_withdrawn": ("suostumus peruttu", "samtycke återkallat", "consent withdrawn"),
    "ev_on": ("alkoi", "började gälla", "began"),
    "ev_off": ("päättyi", "upphörde", "ended"),
    "st_open": ("avoin", "öppen", "open"),
    "st_shipped": ("lähetetty", "skickad", "shipped"),
    "st_delivered": ("toimitettu", "levererad", "delivered"),
    "st_cancelled": ("peruttu", "annullerad", "cancelled"),
    "pu_customer_service": ("asiakaspalvelu", "kundtjänst", "customer service"),
    "pu_order_handling": ("tilausten käsittely", "hantering av beställningar", "order handling"),
    "pu_subject_request": (
        "pyyntönne käsittely",
        "behandling av er begäran",
        "handling your request",
    ),
    "pu_marketing": ("markkinointi", "marknadsföring", "marketing"),
    "pu_administration": ("rekisterin ylläpito", "registrets underhåll", "register maintenance"),
    # Reads made outside kkdesk, collected from the database server's log (migration 0011).
    "pu_outside_kkdesk": (
        "luettu suoraan tietokannasta kkdeskin ulkopuolella",
        "läst direkt ur databasen utanför kkdesk",
        "read directly from the database, outside kkdesk",
    ),
    "pu_outside_register": (
        "asiakasrekisteriä luettu suoraan tietokannasta; haku on voinut koskea myös teidän "
        "tietojanne",
        "kundregistret lästes direkt ur databasen; läsningen kan ha gällt även era uppgifter",
        "the customer register was read directly from the database; this may have included "
        "your data",
    ),
    "ac_read": ("tietoja katsottu", "uppgifterna visades", "data viewed"),
    "ac_create": ("tiedot tallennettu", "uppgifterna registrerades", "data recorded"),
    "ac_update": ("tietoja muutettu", "uppgifterna ändrades", "data changed"),
    "ac_report": ("rekisteriote laadittu", "registerutdrag upprättades", "access reply made"),
    "ac_export": ("tietoja luovutettu", "uppgifter lämnades ut", "data disclosed"),
    "ac_consent": (
        "kielto tai suostumus kirjattu",
        "förbud eller samtycke registrerades",
        "prohibition or consent recorded",
    ),
    "ac_return": ("palautus kirjattu", "retur registrerades", "return recorded"),
    "ac_delivery": ("toimitus kirjattu", "leverans registrerades", "delivery recorded"),
    "ac_erase": ("tietoja poistettu", "uppgifter raderades", "data erased"),
    "mp_direct-advertising": ("suoramainonta", "direktreklam", "direct advertising"),
    "mp_distance-selling": ("etämyynti", "distansförsäljning", "distance selling"),
    "mp_direct-marketing": ("suoramarkkinointi", "direktmarknadsföring", "direct marketing"),
    "mp_market-research": (
        "markkina- ja mielipidetutkimus",
        "marknads- och opinionsundersökning",
        "market and opinion research",
    ),
    "mp_directories": ("henkilömatrikkeli", "personmatrikel", "person directory"),
    "mp_genealogy": ("sukututkimus", "släktforskning", "genealogy research"),
    # Not a marketing purpose: how the "prohibited now" line names this prohibition.
    "mp_register-updates": (
        "tietojen päivitys päivityspalveluista",
        "uppdatering av uppgifterna från uppdateringstjänster",
        "updating of the data from update services",
    ),
    "dk_marketing_export": ("suoramarkkinointi", "direktmarknadsföring", "direct marketing"),
    "dk_authority": (
        "viranomaisen lakiin perustuva pyyntö",
        "myndighets begäran med stöd av lag",
        "an authority's request based on law",
    ),
    "dk_third_party": (
        "teidän omasta pyynnöstänne",
        "på er egen begäran",
        "at your own request",
    ),
    # What a marketing export holds (kkdesk.services.marketing.COLUMNS); its basis is in
    # texts_subject (consent for e-mail and SMS, legitimate interest for post).
    "mx_post": (
        "asiakasnumero, nimi, postiosoite ja asiointikieli",
        "kundnummer, namn, postadress och korrespondensspråk",
        "customer number, name, postal address and language of correspondence",
    ),
    "mx_email": (
        "asiakasnumero, nimi, sähköpostiosoite ja asiointikieli",
        "kundnummer, namn, e-postadress och korrespondensspråk",
        "customer number, name, e-mail address and language of correspondence",
    ),
    "mx_sms": (
        "asiakasnumero, nimi, matkapuhelinnumero ja asiointikieli",
        "kundnummer, namn, mobilnummer och korrespondensspråk",
        "customer number, name, mobile number and language of correspondence",
    ),
    "mx_phone": (
        "asiakasnumero, nimi, puhelinnumero ja asiointikieli",
        "kundnummer, namn, telefonnummer och korrespondensspråk",
        "customer number, name, telephone number and language of correspondence",
    ),
    # Privacy notice
    "notice_title": ("Tietosuojaseloste", "Dataskyddsbeskrivning", "Privacy notice"),
    "notice_intro": (
        "EU:n yleisen tietosuoja-asetuksen (2016/679) 13 ja 14 artiklan mukainen "
        "informaatio rekisteröidyille.",
        "Information till de registrerade enligt artiklarna 13 och 14 i EU:s allmänna "
        "dataskyddsförordning (2016/679).",
        "Information to data subjects under Articles 13 and 14 of the EU General Data "
        "Protection Regulation (2016/679).",
    ),
    "n_protection": (
        "10. Rekisterin suojauksen periaatteet",
        "10. Principer för skyddet av registret",
        "10. How the register is protected",
    ),
    "updated": ("Päivitetty", "Uppdaterad", "Updated"),
}

assert not set(T) & set(SUBJECT_TEXTS), "a letter text is defined twice"
T.update(SUBJECT_TEXTS)

# The CLDR locale each letter language names countries in (Swedish as written in Finland).
_BABEL_LOCALES = {Language.FI: "fi", Language.SV: "sv_FI", Language.EN: "en"}
# Carriers recorded in Finnish words that are not a carrier's name (a shop pick-up).
_CARRIER_WORDS = {"nouto myymälästä": "carrier_pickup"}


def country_name(code: str, language: Language | str) -> str:
    """The country's name in the letter's language from CLDR (Babel), for every country
    the customer form accepts; an unknown code prints as itself."""
    if not code:
        return ""
    return str(_territories(Language(language)).get(code.upper(), code))


@functools.cache
def _territories(language: Language) -> dict[str, str]:
    try:
        return dict(Locale.parse(_BABEL_LOCALES[language]).territories)
    except UnknownLocaleError:  # pragma: no cover - Babel ships these locales
        return {}


LANG_INDEX = {Language.FI: 0, Language.SV: 1, Language.EN: 2}
_MONTHS: dict[Language, tuple[str, ...]] = {
    Language.SV: (
        "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
        "september", "oktober", "november", "december",
    ),
    Language.EN: (
        "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December",
    ),
}  # fmt: skip


class Words:
    """The texts and formats of one language.

    Finnish and Swedish (as written in Finland) print dates as 24.11.2025 and times as
    12.30; English prints 24 Nov 2025 and 12:30, which no reader can take for another date.
    """

    def __init__(self, language: Language | str) -> None:
        self.language = Language(language)
        self._i = LANG_INDEX[self.language]

    def __call__(self, key: str, **params: object) -> str:
        text = T[key][self._i]
        return text.format(**params) if params else text

    def maybe(self, prefix: str, value: str) -> str:
        """The translation of a vocabulary value, or the value itself if we have none
        (a value added by a newer kkdesk still prints, untranslated)."""
        entry = T.get(f"{prefix}_{value}")
        return entry[self._i] if entry else value

    def date(self, value: _Date | _DateTime | None) -> str:
        if value is None:
            return ""
        if isinstance(value, _DateTime):
            value = local(value).date()
        if self.language is Language.EN:
            return f"{value.day} {_MONTHS[Language.EN][value.month - 1][:3]} {value.year}"
        return f"{value.day}.{value.month}.{value.year}"

    def long_date(self, value: _Date) -> str:
        """A date in running text: 24.11.2025, 24 november 2025, 24 November 2025."""
        if self.language is Language.FI:
            return f"{value.day}.{value.month}.{value.year}"
        return f"{value.day} {_MONTHS[self.language][value.month - 1]} {value.year}"

    def datetime(self, value: _DateTime | None) -> str:
        if value is None:
            return ""
        loc = local(value)
        if self.language is Language.EN:
            return f"{self.date(loc.date())} {loc:%H:%M}"
        return f"{loc.day}.{loc.month}.{loc.year} {loc:%H.%M}"

    def money(self, cents: int) -> str:
        sign = "-" if cents < 0 else ""
        whole, rest = divmod(abs(cents), 100)
        if self.language is Language.EN:
            return f"{sign}€{whole:,}.{rest:02d}"
        grouped = f"{whole:,}".replace(",", "\u00a0")
        return f"{sign}{grouped},{rest:02d}\u00a0€"

    def percent_bp(self, bp: int) -> str:
        text = f"{bp / 100:g}"
        if self.language is not Language.EN:
            text = text.replace(".", ",")
        return f"{text}\u00a0%"

    def country(self, code: str) -> str:
        return country_name(code, self.language)

    @staticmethod
    def is_pickup(name: str) -> bool:
        """Whether a recorded carrier is the customer fetching the order themselves."""
        return _CARRIER_WORDS.get(name.strip().casefold()) == "carrier_pickup"

    def carrier(self, name: str) -> str:
        """A carrier as recorded: its name, or the letter's words for a shop pick-up."""
        key = _CARRIER_WORDS.get(name.strip().casefold())
        return self(key) if key else name

    @staticmethod
    def phone(value: str) -> str:
        """A stored (E.164) number as people write it: Finnish numbers in the national
        form (040 1234567), others internationally (+46 8 123 456 78)."""
        return format_phone(value)


def format_phone(value: str) -> str:
    if not value:
        return ""
    try:
        parsed = phonenumbers.parse(value, "FI")
    except phonenumbers.NumberParseException:
        return value
    if not phonenumbers.is_valid_number(parsed):
        return value
    if phonenumbers.region_code_for_number(parsed) == "FI":
        return str(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL))
    return str(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL))


def local(value: datetime) -> datetime:
    """A stored (UTC) time as Finnish local time; naive times are taken as UTC."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(HELSINKI)
