"""The access letter's words about this one person (parts 1–9 worked out from their data,
the scope of a contact person's letter, their requests) and the notice's Art. 21(4) and
13 texts, in Finnish, Swedish and English.

Kept apart from :mod:`kkdesk.reports.texts` so that the letter's general phrases and these
grow independently; :data:`SUBJECT_TEXTS` is merged into ``texts.T`` (a test checks no key
is defined twice).
"""

from __future__ import annotations

# key: (Finnish, Swedish, English)
SUBJECT_TEXTS: dict[str, tuple[str, str, str]] = {
    # Whose data the letter holds (Art. 15(4)).
    "scope_contact": (
        "Vastaamme pyyntöönne, jonka teitte yrityksen {company} yhteyshenkilönä. Kirjeessä "
        "ovat teitä itseänne koskevat tiedot sekä ne yrityksen tiedot, jotka liittyvät "
        "teihin (yrityksen nimi, Y-tunnus ja osoite). Yrityksen muiden yhteyshenkilöiden "
        "tietoja ei anneta teille (tietosuoja-asetuksen 15 artiklan 4 kohta). Yrityksen "
        "tilauksia ei ole kirjattu henkilöittäin; ne ovat yrityksen tietoja.",
        "Vi besvarar den begäran som ni gjorde som kontaktperson för företaget {company}. "
        "Brevet innehåller uppgifterna om er själv och de uppgifter om företaget som gäller "
        "er (företagets namn, FO-nummer och adress). Uppgifter om företagets andra "
        "kontaktpersoner lämnas inte ut till er (artikel 15.4 i dataskyddsförordningen). "
        "Företagets beställningar registreras inte per person; de är företagets uppgifter.",
        "We reply to the request you made as a contact person of {company}. The letter "
        "holds the data about you and the data of the company that concerns you (its name, "
        "business ID and address). The data of the company's other contact persons is not "
        "given to you (GDPR Article 15(4)). The company's orders are not recorded per "
        "person; they are the company's data.",
    ),
    "scope_contact_person": (
        "Vastaamme pyyntöönne, jonka teitte henkilönä, joka on kirjattu toisen asiakkaan "
        "tietoihin. Kirjeessä ovat teitä itseänne koskevat tiedot sekä postiosoite, jonka "
        "kautta tavoitamme teidät. Asiakkaan omia tietoja ei anneta teille "
        "(tietosuoja-asetuksen 15 artiklan 4 kohta).",
        "Vi besvarar den begäran som ni gjorde som person som registrerats i en annan kunds "
        "uppgifter. Brevet innehåller uppgifterna om er själv och den postadress där vi når "
        "er. Kundens egna uppgifter lämnas inte ut till er (artikel 15.4 i "
        "dataskyddsförordningen).",
        "We reply to the request you made as a person recorded with another customer's "
        "data. The letter holds the data about you and the postal address we reach you at. "
        "The customer's own data is not given to you (GDPR Article 15(4)).",
    ),
    "scope_company": (
        "Kirjeessä ovat yrityksen tiedot. Yrityksen yhteyshenkilöiden henkilötiedot "
        "annetaan kullekin heistä hänen omasta pyynnöstään (tietosuoja-asetuksen 15 "
        "artiklan 4 kohta).",
        "Brevet innehåller företagets uppgifter. Personuppgifterna om företagets "
        "kontaktpersoner lämnas ut till var och en av dem på deras egen begäran (artikel "
        "15.4 i dataskyddsförordningen).",
        "The letter holds the company's data. The personal data of the company's contact "
        "persons is given to each of them at their own request (GDPR Article 15(4)).",
    ),
    "s_contact_self": (
        "10.2 Tietonne yhteyshenkilönä",
        "10.2 Era uppgifter som kontaktperson",
        "10.2 Your data as a contact person",
    ),
    "contacts_own_request": (
        "Yhteyshenkilöiden tiedot annetaan kullekin heistä heidän omasta pyynnöstään.",
        "Uppgifterna om kontaktpersonerna lämnas till var och en av dem på egen begäran.",
        "Each contact person's data is given to them at their own request.",
    ),
    "disclosures_company": (
        "Yrityksen tietoja, joihin tietonne liittyvät, on luovutettu seuraavasti:",
        "Företagets uppgifter, som era uppgifter hör till, har lämnats ut enligt följande:",
        "The company's data, to which your data belongs, has been disclosed as follows:",
    ),
    "orders_not_per_person": (
        "Yrityksen tilauksia ei ole kirjattu henkilöittäin, joten niitä ei ole tässä "
        "jäljennöksessä.",
        "Företagets beställningar registreras inte per person och ingår därför inte i denna kopia.",
        "The company's orders are not recorded per person, so they are not in this copy.",
    ),
    # Part 2: what applies to this person now.
    "now_title": (
        "Mitä tämä tarkoittaa teidän kohdallanne nyt",
        "Vad detta innebär för er nu",
        "What this means for you now",
    ),
    "now_orders": (
        "Teillä on {n} tilausta. Niitä käsitellään sopimuksen täyttämiseksi ja "
        "kirjanpitolain vuoksi; osa 6 kertoo, kuinka kauan niitä säilytetään.",
        "Ni har {n} beställningar. De behandlas för att fullgöra avtalet och på grund av "
        "bokföringslagen; avsnitt 6 anger hur länge de bevaras.",
        "You have {n} orders. They are processed to perform the contract and because the "
        "Accounting Act requires it; part 6 says how long they are kept.",
    ),
    "now_no_orders": (
        "Teillä ei ole tilauksia; perustietojanne käsitellään asiakassuhteen hoitamiseksi.",
        "Ni har inga beställningar; era grunduppgifter behandlas för att sköta kundrelationen.",
        "You have no orders; your basic data is processed to manage the customer relationship.",
    ),
    "now_objection": (
        "Vastustitte suoramarkkinointia {date}. Vastustuksen ollessa voimassa tietojanne ei "
        "käytetä omaan suoramarkkinointiimme millään kanavalla eikä luovuteta "
        "suoramarkkinointiin (tietosuoja-asetuksen 21 artiklan 3 kohta). Vastustus on "
        "voimassa, kunnes perutte sen.",
        "Ni invände mot direktmarknadsföring den {date}. Medan invändningen gäller används "
        "era uppgifter inte för vår egen direktmarknadsföring i någon kanal och lämnas inte "
        "ut för direktmarknadsföring (artikel 21.3 i dataskyddsförordningen). Invändningen "
        "gäller tills ni återkallar den.",
        "You objected to direct marketing on {date}. While the objection is in force, your "
        "data is not used for our own direct marketing on any channel, nor disclosed for "
        "direct marketing (GDPR Article 21(3)). It stays in force until you withdraw it.",
    ),
    "now_restriction": (
        "Tietojenne käsittelyä on rajoitettu {date} alkaen (18 artikla): tietojanne "
        "säilytetään, mutta niitä ei käytetä markkinointiin eikä luovuteta.",
        "Behandlingen av era uppgifter är begränsad sedan den {date} (artikel 18): "
        "uppgifterna bevaras men används inte för marknadsföring och lämnas inte ut.",
        "Processing of your data has been restricted since {date} (Article 18): your data "
        "is kept, but not used for marketing nor disclosed.",
    ),
    "now_prohibited": (
        "Olette kieltänyt: {items}.",
        "Ni har förbjudit: {items}.",
        "You have prohibited: {items}.",
    ),
    "now_item_since": ("{item} ({date} alkaen)", "{item} (sedan {date})", "{item} (since {date})"),
    "now_marketing_table": (
        "Suoramarkkinointi teille kanavittain nyt:",
        "Direktmarknadsföring till er per kanal nu:",
        "Direct marketing to you now, channel by channel:",
    ),
    "mc_channel": ("Kanava", "Kanal", "Channel"),
    "mc_allowed": ("Markkinoidaanko teille", "Får vi marknadsföra till er", "Do we market to you"),
    "mc_why": ("Miksi", "Varför", "Why"),
    "mc_post": ("posti", "post", "post"),
    "mc_phone": ("puhelin", "telefon", "telephone"),
    "mc_email": ("sähköposti", "e-post", "e-mail"),
    "mc_sms": ("tekstiviesti", "textmeddelande", "text message"),
    "mc_yes": ("kyllä", "ja", "yes"),
    "mc_no": ("ei", "nej", "no"),
    "mc_only": ("vain: {purposes}", "endast: {purposes}", "only: {purposes}"),
    "why_objection": (
        "vastustuksenne {date} estää kaiken suoramarkkinoinnin",
        "er invändning den {date} stoppar all direktmarknadsföring",
        "your objection of {date} stops all direct marketing",
    ),
    "why_objection_over_consent": (
        "vastustuksenne {date} estää kaiken suoramarkkinoinnin; se on voimassa, vaikka "
        "suostumuksenne {consent_date} on edelleen merkitty annetuksi",
        "er invändning den {date} stoppar all direktmarknadsföring; den gäller fast ert "
        "samtycke den {consent_date} fortfarande är registrerat som givet",
        "your objection of {date} stops all direct marketing; it prevails although your "
        "consent of {consent_date} is still recorded as given",
    ),
    "why_restriction": (
        "käsittelyn rajoitus {date}",
        "begränsningen av behandlingen den {date}",
        "the restriction of processing of {date}",
    ),
    "why_consent": (
        "annoitte suostumuksen {date}",
        "ni gav ert samtycke den {date}",
        "you gave your consent on {date}",
    ),
    "why_consent_withdrawn": (
        "peruitte suostumuksen {date}",
        "ni återkallade ert samtycke den {date}",
        "you withdrew your consent on {date}",
    ),
    "why_consent_never": (
        "ette ole antanut suostumusta, jota sähköinen suoramarkkinointi edellyttää "
        "(laki 917/2014, 200 §)",
        "ni har inte gett det samtycke som elektronisk direktmarknadsföring kräver "
        "(lag 917/2014, 200 §)",
        "you have not given the consent that electronic direct marketing needs "
        "(Act 917/2014, section 200)",
    ),
    "why_prohibited": ("kielto: {items}", "förbud: {items}", "prohibited: {items}"),
    "why_not_prohibited": (
        "ette ole kieltänyt sitä (voitte kieltää milloin tahansa)",
        "ni har inte förbjudit den (ni kan förbjuda den när som helst)",
        "you have not prohibited it (you may do so at any time)",
    ),
    # Part 3: the categories of data held about this person.
    "held_intro": (
        "Teistä on tallennettu seuraavat tiedot (jäljennös on osassa 10):",
        "Följande uppgifter finns sparade om er (kopian finns i avsnitt 10):",
        "The following data about you is held (the copy is in part 10):",
    ),
    "held_basic": ("perustiedot: {fields}", "grunduppgifter: {fields}", "basic data: {fields}"),
    "held_orders": (
        "tilaukset, toimitukset ja palautukset: {orders} tilausta, {deliveries} toimitusta, "
        "{returns} palautusta",
        "beställningar, leveranser och returer: {orders} beställningar, {deliveries} "
        "leveranser, {returns} returer",
        "orders, deliveries and returns: {orders} orders, {deliveries} deliveries, "
        "{returns} returns",
    ),
    "held_consents": (
        "kiellot ja suostumukset: {n} merkintää",
        "förbud och samtycken: {n} anteckningar",
        "prohibitions and consents: {n} entries",
    ),
    "held_changes": (
        "tietojen muutoshistoria lähteineen: {n} merkintää",
        "ändringshistorik med källor: {n} anteckningar",
        "change history with sources: {n} entries",
    ),
    "held_requests": (
        "tietosuojapyyntönne ja niiden käsittely: {n}",
        "era begäranden enligt dataskyddsförordningen och hur de behandlats: {n}",
        "your data-protection requests and how they were handled: {n}",
    ),
    "held_log": (
        "loki tietojenne käsittelystä: {n} merkintää",
        "logg över behandlingen av era uppgifter: {n} anteckningar",
        "log of the processing of your data: {n} entries",
    ),
    # Part 4: recipients that follow from this person's data.
    "carriers_yours": (
        "Toimitustenne kuljetusliikkeet saivat nimenne ja toimitusosoitteenne tilausten "
        "toimittamiseksi: {carriers}.",
        "Transportföretagen för era leveranser fick ert namn och er leveransadress för att "
        "leverera beställningarna: {carriers}.",
        "The carriers of your deliveries received your name and delivery address to "
        "deliver your orders: {carriers}.",
    ),
    "carrier_pickup": (
        "nouto myymälästä",
        "avhämtning i butiken",
        "collected from the shop",
    ),
    "own_marketing_uses": (
        "Tietojanne on käytetty omaan suoramarkkinointiimme (se ei ole luovutus: tiedot "
        "eivät lähteneet rekisterinpitäjältä): {uses}.",
        "Era uppgifter har använts för vår egen direktmarknadsföring (det är inget "
        "utlämnande: uppgifterna lämnade inte den personuppgiftsansvarige): {uses}.",
        "Your data has been used for our own direct marketing (this is not a disclosure: "
        "the data did not leave the controller): {uses}.",
    ),
    "mx_basis_interest": (
        "oikeutettu etu (tietosuoja-asetuksen 6 artiklan 1 kohdan f alakohta); ette ollut "
        "kieltänyt tätä; tietosuojaselosteen kohdat 2 ja 4",
        "berättigat intresse (artikel 6.1 f i dataskyddsförordningen); ni hade inte "
        "förbjudit detta; dataskyddsbeskrivningen, punkterna 2 och 4",
        "legitimate interest (GDPR Article 6(1)(f)); you had not prohibited it; privacy "
        "notice, sections 2 and 4",
    ),
    "mx_basis_consent": (
        "suostumuksenne (tietosuoja-asetuksen 6 artiklan 1 kohdan a alakohta; laki "
        "sähköisen viestinnän palveluista 917/2014, 200 §); tietosuojaselosteen kohdat 2 ja 4",
        "ert samtycke (artikel 6.1 a i dataskyddsförordningen; lagen om tjänster inom "
        "elektronisk kommunikation 917/2014, 200 §); dataskyddsbeskrivningen, punkterna 2 "
        "och 4",
        "your consent (GDPR Article 6(1)(a); Act on Electronic Communications Services "
        "917/2014, section 200); privacy notice, sections 2 and 4",
    ),
    "dk_marketing_to": (
        "luovutus suoramarkkinointiin: {purpose}",
        "utlämnande för direktmarknadsföring: {purpose}",
        "disclosure for direct marketing: {purpose}",
    ),
    # Part 5: transfers of this person's data.
    "transfers_yours_none": (
        "Rekisterin merkintöjen mukaan teidän tietojanne ei ole siirretty EU:n tai ETA:n "
        "ulkopuolelle.",
        "Enligt registrets anteckningar har era uppgifter inte överförts utanför EU eller EES.",
        "According to the register's records, your data has not been transferred outside "
        "the EU or EEA.",
    ),
    "transfers_yours_delivery": (
        "Tietojanne siirrettiin EU:n ja ETA:n ulkopuolelle toimitusta varten: {items}. "
        "Siirto oli tarpeen kanssanne tehdyn sopimuksen täyttämiseksi (tietosuoja-asetuksen "
        "49 artiklan 1 kohdan b alakohta).",
        "Era uppgifter överfördes utanför EU och EES för en leverans: {items}. Överföringen "
        "var nödvändig för att fullgöra avtalet med er (artikel 49.1 b i "
        "dataskyddsförordningen).",
        "Your data was transferred outside the EU and EEA for a delivery: {items}. The "
        "transfer was necessary to perform the contract with you (GDPR Article 49(1)(b)).",
    ),
    "transfers_general": (
        "Yleisesti rekisterin tiedoista:",
        "Allmänt om registrets uppgifter:",
        "In general, for the register's data:",
    ),
    # Part 6: retention worked out.
    "ret_orders": (
        "Tilauksenne ja niiden tositteet säilytetään kirjanpitolain (1336/1997, 2 luku "
        "10 §) vuoksi {period} sen vuoden lopusta, jonka aikana tilikausi päättyi: "
        "{years}.",
        "Era beställningar och deras verifikationer bevaras på grund av bokföringslagen "
        "(1336/1997, 2 kap. 10 §) i {period} från utgången av det år under vilket "
        "räkenskapsperioden gick ut: {years}.",
        "Your orders and their vouchers are kept because of the Accounting Act "
        "(1336/1997, chapter 2, section 10) for {period} from the end of the year in "
        "which the financial year ended: {years}.",
    ),
    "ret_year": (
        "vuoden {year} tilaukset {date} asti",
        "beställningarna från {year} till den {date}",
        "the orders of {year} until {date}",
    ),
    "ret_basic": (
        "Muut tietonne säilytetään asiakassuhteen ajan ja {years} vuotta viimeisen "
        "tilauksen tai yhteydenoton jälkeen. Viimeisin oli {last}, joten ne poistetaan "
        "aikaisintaan {until}, jollette tilaa tai ota yhteyttä sitä ennen.",
        "Era övriga uppgifter bevaras under kundrelationen och {years} år efter den senaste "
        "beställningen eller kontakten. Den senaste var den {last}, så de raderas tidigast "
        "den {until}, om ni inte beställer eller kontaktar oss innan dess.",
        "Your other data is kept while the customer relationship lasts and for {years} "
        "years after the last order or contact. The last was on {last}, so it will be "
        "erased on {until} at the earliest, unless you order or contact us before then.",
    ),
    "ret_prohibitions": (
        "Kieltonne ja vastustuksenne säilytetään niin kauan kuin niitä on noudatettava, "
        "poistamisen jälkeenkin (vain sähköpostiosoite tai puhelinnumero).",
        "Era förbud och invändningar bevaras så länge de ska respekteras, även efter "
        "radering (endast e-postadress eller telefonnummer).",
        "Your prohibitions and objections are kept as long as they must be honoured, also "
        "after erasure (only the e-mail address or telephone number).",
    ),
    # Part 10.8: the person's own requests.
    "s_requests": (
        "10.8 Tietosuojapyyntönne ja niiden käsittely",
        "10.8 Era begäranden och hur de behandlats",
        "10.8 Your requests and how they were handled",
    ),
    "rq_kind": ("Pyyntö", "Begäran", "Request"),
    "rq_received": ("Saapui", "Inkom", "Received"),
    "rq_deadline": ("Määräaika", "Tidsfrist", "Deadline"),
    "rq_outcome": ("Tila", "Status", "Status"),
    "rq_closed": ("Käsitelty", "Avslutad", "Closed"),
    "rq_reason": (
        "Perustelut ja mitä tehtiin",
        "Motivering och vad som gjordes",
        "Reasons and what was done",
    ),
    "rq_extended": ("Pidennetty: {reason}", "Förlängd: {reason}", "Extended: {reason}"),
    "rk_access": ("tarkastus (15 art.)", "tillgång (art. 15)", "access (Art. 15)"),
    "rk_rectification": ("oikaisu (16 art.)", "rättelse (art. 16)", "rectification (Art. 16)"),
    "rk_erasure": ("poistaminen (17 art.)", "radering (art. 17)", "erasure (Art. 17)"),
    "rk_restriction": (
        "käsittelyn rajoittaminen (18 art.)",
        "begränsning (art. 18)",
        "restriction (Art. 18)",
    ),
    "rk_objection": ("vastustus (21 art.)", "invändning (art. 21)", "objection (Art. 21)"),
    "rk_portability": (
        "siirto järjestelmästä toiseen (20 art.)",
        "dataportabilitet (art. 20)",
        "portability (Art. 20)",
    ),
    "rs_open": ("käsittelyssä", "under behandling", "being handled"),
    "rs_done": ("käsitelty", "behandlad", "done"),
    "rs_refused": ("hylätty", "avslagen", "refused"),
    # Part 11: audit actions a newer kkdesk may record (searches and lists that showed the
    # data): every read-kind action is "data viewed"; any other unknown one still reads.
    "ac_other": ("tietoja käsitelty", "uppgifterna behandlades", "data processed"),
    "pu_authority_request": (
        "viranomaisen lakiin perustuva pyyntö",
        "myndighets begäran med stöd av lag",
        "an authority's request based on law",
    ),
    # The privacy notice: Art. 21(4), 13(1)(b), 13(2)(e).
    "n_object_title": (
        "Oikeutenne vastustaa suoramarkkinointia",
        "Er rätt att invända mot direktmarknadsföring",
        "Your right to object to direct marketing",
    ),
    "n_object": (
        "Voitte milloin tahansa vastustaa tietojenne käsittelyä suoramarkkinointia varten "
        "ja kieltää suoramainonnan, etämyynnin ja muun suoramarkkinoinnin, markkina- ja "
        "mielipidetutkimuksen sekä henkilömatrikkelit ja sukututkimuksen (tietosuoja-"
        "asetuksen 21 artiklan 2 ja 3 kohta). Kielto on maksuton, eikä sitä tarvitse "
        "perustella. Sen voi tehdä millä tavalla tahansa: kirjeellä, sähköpostilla, "
        "puhelimitse, webshopissa tai asioidessanne, kenelle tahansa henkilökunnastamme "
        "tai osan 1 yhteyshenkilölle. Kiellon jälkeen tietojanne ei käytetä eikä luovuteta "
        "suoramarkkinointiin.",
        "Ni kan när som helst invända mot att era uppgifter behandlas för "
        "direktmarknadsföring och förbjuda direktreklam, distansförsäljning och annan "
        "direktmarknadsföring, marknads- och opinionsundersökningar samt personmatriklar "
        "och släktforskning (artikel 21.2 och 21.3 i dataskyddsförordningen). Förbudet är "
        "kostnadsfritt och behöver inte motiveras. Det kan göras på vilket sätt som helst: "
        "per brev, e-post eller telefon, i webbutiken eller vid besök, till vem som helst av "
        "vår personal eller till kontaktpersonen i punkt 1. Efter förbudet används och "
        "lämnas era uppgifter inte ut för direktmarknadsföring.",
        "You may at any time object to the processing of your data for direct marketing "
        "and prohibit direct advertising, distance selling and other direct marketing, "
        "market and opinion research, and person directories and genealogy research (GDPR "
        "Article 21(2) and (3)). It costs nothing and needs no reason. You may make it in "
        "any way: by letter, e-mail or telephone, in the webshop or in person, to any of "
        "our staff or to the contact person of section 1. After it, your data is neither "
        "used nor disclosed for direct marketing.",
    ),
    "n_dpo": (
        "Tietosuoja-asioiden yhteyshenkilö",
        "Kontaktperson för dataskyddsfrågor",
        "Data-protection contact",
    ),
    "n_dpo_none": (
        "Rekisterinpitäjän ei tarvitse nimittää tietosuojavastaavaa (tietosuoja-asetuksen "
        "37 artikla); tietosuoja-asioissa yhteyshenkilönä toimii osan 1 rekisteriasioita "
        "hoitava henkilö.",
        "Den personuppgiftsansvarige behöver inte utse ett dataskyddsombud (artikel 37 i "
        "dataskyddsförordningen); kontaktperson i dataskyddsfrågor är den person som sköter "
        "registerärenden (punkt 1).",
        "The controller need not designate a data protection officer (GDPR Article 37); "
        "the person handling register matters (section 1) is the contact for data "
        "protection.",
    ),
    "n_provide_title": (
        "Onko tietojen antaminen pakollista",
        "Är det obligatoriskt att lämna uppgifterna",
        "Must you provide your data",
    ),
}
