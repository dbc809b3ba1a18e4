"""The printed words of the letters for each step of a data-subject request (see
:mod:`kkdesk.reports.step_letters`), in Finnish, Swedish and English.

Kept apart from :mod:`kkdesk.reports.texts` (the access letter's and the notice's words):
:class:`StepWords` looks a key up here first and falls back to those, so the step letters
share the access letter's phrases for fields, sources, prohibitions and consents, dates
and the closing, and every word a customer reads exists in all three languages (a test
checks that none is missing).
"""

from __future__ import annotations

from kkdesk.reports.texts import LANG_INDEX, T, Words

# key: (Finnish, Swedish, English)
S: dict[str, tuple[str, str, str]] = {
    # Document names (the heading column of page 1)
    "doc_acknowledgement": ("VASTAANOTTOILMOITUS", "MOTTAGNINGSBEKRÄFTELSE", "ACKNOWLEDGEMENT"),
    "doc_extension": (
        "ILMOITUS MÄÄRÄAJAN PIDENTÄMISESTÄ",
        "MEDDELANDE OM FÖRLÄNGD TIDSFRIST",
        "NOTICE OF EXTENSION",
    ),
    "doc_refusal": ("PÄÄTÖS", "BESLUT", "DECISION"),
    "doc_no_data": ("VASTAUS", "SVAR", "REPLY"),
    "doc_identification": (
        "LISÄTIETOPYYNTÖ",
        "BEGÄRAN OM TILLÄGGSUPPGIFTER",
        "REQUEST FOR INFORMATION",
    ),
    "doc_confirmation": ("VAHVISTUS", "BEKRÄFTELSE", "CONFIRMATION"),
    "doc_source_notice": (
        "ILMOITUS TIETOJEN KÄSITTELYSTÄ",
        "MEDDELANDE OM BEHANDLING",
        "PRIVACY INFORMATION",
    ),
    "doc_recipient_notice": ("ILMOITUS", "MEDDELANDE", "NOTIFICATION"),
    "doc_recipients_list": ("ILMOITUS", "MEDDELANDE", "NOTIFICATION"),
    "doc_copy_cover": ("SAATE", "FÖLJEBREV", "COVER LETTER"),
    "doc_erasure": (
        "ILMOITUS TIETOJEN POISTAMISESTA",
        "MEDDELANDE OM RADERING",
        "NOTICE OF ERASURE",
    ),
    "doc_restriction_lift": ("ILMOITUS", "MEDDELANDE", "NOTIFICATION"),
    # The title over each letter's body
    "t_acknowledgement": (
        "Pyyntönne on vastaanotettu",
        "Vi har tagit emot er begäran",
        "We have received your request",
    ),
    "t_extension": (
        "Vastausaikaa pidennetään",
        "Tiden för vårt svar förlängs",
        "The time for our answer is extended",
    ),
    "t_refusal": ("Päätös pyyntöönne", "Beslut om er begäran", "Our decision on your request"),
    "t_no_data": (
        "Rekisterissämme ei ole teitä koskevia tietoja",
        "Vårt register innehåller inga uppgifter om er",
        "Our register holds no data about you",
    ),
    "t_identification": (
        "Henkilöllisyytenne varmistaminen",
        "Bekräftelse av er identitet",
        "Confirming your identity",
    ),
    "t_confirmation": (
        "Vahvistus kieltojenne ja vastustamisenne kirjaamisesta",
        "Bekräftelse på att era förbud och invändningar har antecknats",
        "Confirmation that your prohibitions and objections are recorded",
    ),
    "t_source_notice": (
        "Teitä koskevia tietoja on saatu muualta",
        "Uppgifter om er har erhållits från annat håll",
        "Data about you obtained from another source",
    ),
    "t_recipient_notice": (
        "Ilmoitus luovutettujen tietojen muutoksesta",
        "Meddelande om ändring av utlämnade uppgifter",
        "Notification of a change to data disclosed to you",
    ),
    "t_recipients_list": (
        "Tietojenne vastaanottajat",
        "Mottagarna av era uppgifter",
        "The recipients of your data",
    ),
    "t_restriction_lift": (
        "Tietojenne käsittelyn rajoitus poistetaan",
        "Begränsningen av behandlingen av era uppgifter upphävs",
        "The restriction of processing of your data is being lifted",
    ),
    "t_copy_cover": (
        "Jäljennös tiedoistanne koneluettavassa muodossa",
        "Kopia av era uppgifter i maskinläsbar form",
        "A copy of your data in a machine-readable form",
    ),
    "t_erasure": (
        "Tietonne on poistettu",
        "Era uppgifter har raderats",
        "Your data has been erased",
    ),
    # What a request asked, after "concerning"
    "rk_access": (
        "tietojenne tarkastamista (tietosuoja-asetuksen 15 artikla)",
        "tillgång till era uppgifter (artikel 15 i dataskyddsförordningen)",
        "access to your data (Article 15 of the General Data Protection Regulation)",
    ),
    "rk_rectification": (
        "tietojenne oikaisemista (tietosuoja-asetuksen 16 artikla)",
        "rättelse av era uppgifter (artikel 16 i dataskyddsförordningen)",
        "rectification of your data (Article 16 of the General Data Protection Regulation)",
    ),
    "rk_erasure": (
        "tietojenne poistamista (tietosuoja-asetuksen 17 artikla)",
        "radering av era uppgifter (artikel 17 i dataskyddsförordningen)",
        "erasure of your data (Article 17 of the General Data Protection Regulation)",
    ),
    "rk_restriction": (
        "tietojenne käsittelyn rajoittamista (tietosuoja-asetuksen 18 artikla)",
        "begränsning av behandlingen av era uppgifter (artikel 18 i dataskyddsförordningen)",
        "restriction of the processing of your data (Article 18 of the General Data "
        "Protection Regulation)",
    ),
    "rk_portability": (
        "tietojenne saamista koneluettavassa muodossa (tietosuoja-asetuksen 20 artikla)",
        "att få era uppgifter i maskinläsbar form (artikel 20 i dataskyddsförordningen)",
        "receiving your data in a machine-readable form (Article 20 of the General Data "
        "Protection Regulation)",
    ),
    "rk_objection": (
        "tietojenne käsittelyn vastustamista (tietosuoja-asetuksen 21 artikla)",
        "invändning mot behandlingen av era uppgifter (artikel 21 i dataskyddsförordningen)",
        "objecting to the processing of your data (Article 21 of the General Data "
        "Protection Regulation)",
    ),
    "received": (
        "Olemme vastaanottaneet {received} pyyntönne, joka koskee {what}.",
        "Vi har den {received} tagit emot er begäran om {what}.",
        "On {received} we received your request concerning {what}.",
    ),
    # Acknowledgement (Art. 12(3))
    "ack_body": (
        "Käsittelemme pyyntönne viipymättä ja vastaamme siihen viimeistään {deadline}. Jos "
        "pyyntö on monimutkainen tai pyyntöjä on paljon, määräaikaa voidaan pidentää "
        "enintään kahdella kuukaudella; kerromme siitä ja sen syystä teille silloin "
        "kuukauden kuluessa pyynnön vastaanottamisesta.",
        "Vi behandlar er begäran utan dröjsmål och svarar senast den {deadline}. Om begäran "
        "är komplicerad eller om vi har fått många begäranden kan tidsfristen förlängas med "
        "högst två månader; i så fall meddelar vi er det och skälet till det inom en månad "
        "från att vi tog emot begäran.",
        "We will deal with your request without undue delay and answer it by {deadline} at "
        "the latest. If the request is complex or we have received many requests, this "
        "period may be extended by up to two further months; we would then tell you so, "
        "and why, within one month of receiving your request.",
    ),
    "quote_reference": (
        "Mainitsettehan asiaa koskevissa yhteydenotoissa pyynnön numeron {id}.",
        "Vänligen ange begärans nummer {id} när ni kontaktar oss i ärendet.",
        "Please quote request number {id} when you contact us about this.",
    ),
    # Erasure outcome (Art. 17)
    "er_done": (
        "Olemme {date} poistaneet asiakasrekisteristämme henkilötietonne.",
        "Vi har den {date} raderat era personuppgifter ur vårt kundregister.",
        "On {date} we erased your personal data from our customer register.",
    ),
    "er_done_contact": (
        "Olemme {date} poistaneet asiakasrekisteristämme henkilötietonne, jotka meillä oli "
        "teistä asiakasyrityksemme yhteyshenkilönä.",
        "Vi har den {date} raderat de personuppgifter om er som vi hade i vårt kundregister "
        "som kontaktperson för vår kund.",
        "On {date} we erased from our customer register the personal data we held about "
        "you as a contact person of our customer.",
    ),
    "er_erased": ("Poistetut tiedot", "Raderade uppgifter", "What was erased"),
    "er_erased_also": (
        "Poistimme myös tietojenne muutoshistorian vanhat ja uudet arvot, muistiinpanot, "
        "kieltojenne ja suostumustenne lisätiedot, pyyntöjenne ja luovutusten vapaat tekstit, "
        "tilaustenne toimitusosoitteet sekä hakutiedot, joilla teidät löysi.",
        "Vi raderade också de gamla och nya värdena i ändringshistoriken för era uppgifter, "
        "anteckningar, tilläggsuppgifterna till era förbud och samtycken, fritexterna i era "
        "begäranden och utlämnanden, leveransadresserna på era beställningar samt de "
        "sökuppgifter som ni kunde hittas med.",
        "We also erased the old and new values in the change history of your data, notes, "
        "the notes on your prohibitions and consents, the free texts of your requests and "
        "of disclosures, the delivery addresses of your orders, and the search keys you "
        "could be found by.",
    ),
    "er_kept": ("Säilytetyt tiedot", "Uppgifter som sparas", "What we keep, and until when"),
    "er_orders": (
        "Tilauksenne, toimitukset ja palautukset ({n} kpl) säilytetään kirjanpitolain "
        "(1336/1997, 2 luku 10 §) vaatiman ajan ilman nimeänne ja osoitettanne. Ne on "
        "yhdistetty teihin vain tunnuksella {ref}, josta teitä ei voi tunnistaa. Summat "
        "säilyvät, koska kirjanpito edellyttää niitä.",
        "Era beställningar, leveranser och returer ({n} st.) sparas den tid som "
        "bokföringslagen (1336/1997, 2 kap. 10 §) kräver, utan ert namn och er adress. De är "
        "kopplade till er endast genom beteckningen {ref}, som inte identifierar er. "
        "Beloppen sparas, eftersom bokföringen kräver dem.",
        "Your orders, deliveries and returns ({n}) are kept for the time the Accounting Act "
        "(1336/1997, chapter 2, section 10) requires, without your name or address. They are "
        "linked to you only by the reference {ref}, which does not identify you. The amounts "
        "are kept, as the accounts need them.",
    ),
    "er_year": ("Tilikausi päättyi", "Räkenskapsperioden slutade", "Financial year ended"),
    "er_count": ("Tilauksia", "Beställningar", "Orders"),
    "er_until": ("Säilytysaika päättyy", "Sparas till", "Kept until"),
    "er_then": (
        "Tämän jälkeen ne poistetaan säännöllisessä säilytysajan tarkistuksessa.",
        "Därefter raderas de vid den regelbundna kontrollen av lagringstiderna.",
        "After that they are deleted in the regular retention run.",
    ),
    "er_suppression": (
        "Sähköpostiosoitteenne ja puhelinnumeronne jäävät ilman muita tietoja "
        "markkinoinnin estolistallemme, jotta teille ei enää lähetetä suoramarkkinointia "
        "(tietosuoja-asetuksen 21 artiklan 3 kohta). Listaa käytetään vain markkinoinnin "
        "estämiseen.",
        "Er e-postadress och ert telefonnummer finns kvar, utan andra uppgifter, på vår "
        "spärrlista för marknadsföring, så att ni inte längre får direktmarknadsföring "
        "(artikel 21.3 i dataskyddsförordningen). Listan används endast för att spärra "
        "marknadsföring.",
        "Your e-mail address and telephone number remain, without any other data, on our "
        "marketing suppression list, so that you are not sent direct marketing again "
        "(Article 21(3) of the General Data Protection Regulation). The list is used only "
        "to block marketing.",
    ),
    "er_prohibitions": (
        "Kieltojenne ja suostumustenne kirjaukset (mikä kiellettiin ja milloin) säilytetään "
        "ilman lisätietoja, jotta voimme osoittaa noudattaneemme niitä.",
        "Registreringarna av era förbud och samtycken (vad som förbjöds och när) sparas "
        "utan tilläggsuppgifter, så att vi kan visa att vi har följt dem.",
        "The record of your prohibitions and consents (what was prohibited, and when) is "
        "kept without its notes, so that we can show that we respected them.",
    ),
    "er_letters": (
        "Teille lähettämämme kirjeet, myös tämä kirje, säilytetään arkistossamme {years} "
        "vuotta lähettämisestä, viimeiset {until} asti, jotta voimme osoittaa, miten "
        "vastasimme pyyntöihinne. Sen jälkeen ne hävitetään.",
        "Breven vi har skickat er, även detta brev, sparas i vårt arkiv i {years} år från "
        "att de skickades, de sista till den {until}, så att vi kan visa hur vi svarade på "
        "era begäranden. Därefter förstörs de.",
        "The letters we have sent you, this letter included, are kept in our archive for "
        "{years} years after they were sent, the last of them until {until}, so that we can "
        "show how we answered your requests. Then they are destroyed.",
    ),
    "er_reference": (
        "Poiston tunnus on {ref}. Mainitsettehan sen, jos otatte yhteyttä asiassa.",
        "Raderingens beteckning är {ref}. Vänligen ange den om ni kontaktar oss i ärendet.",
        "The erasure's reference is {ref}. Please quote it if you contact us about this.",
    ),
    "er_backups": (
        "Varmuuskopioissa tietonne voivat säilyä, kunnes varmuuskopiot korvautuvat uusilla; "
        "niitä ei käytetä muuhun kuin vikojen korjaamiseen.",
        "I säkerhetskopior kan era uppgifter finnas kvar tills kopiorna ersätts med nya; "
        "de används endast för att återställa data efter fel.",
        "Your data may remain in backups until they are replaced by newer ones; backups are "
        "used only to recover from faults.",
    ),
    # Extension (Art. 12(3))
    "ext_body": (
        "Pidennämme pyyntönne käsittelyn määräaikaa kahdella kuukaudella tietosuoja-asetuksen "
        "12 artiklan 3 kohdan nojalla. Vastaamme pyyntöönne viimeistään {deadline}.",
        "Vi förlänger tidsfristen för att besvara er begäran med två månader med stöd av "
        "artikel 12.3 i dataskyddsförordningen. Vi svarar på er begäran senast den {deadline}.",
        "Under Article 12(3) of the General Data Protection Regulation we are extending the "
        "period for answering your request by two months. We will answer it by {deadline} "
        "at the latest.",
    ),
    "ext_reason": (
        "Pidennyksen syy:",
        "Skälet till förlängningen:",
        "The reason for the extension:",
    ),
    # Refusal (Art. 12(4))
    "ref_body": (
        "Olemme käsitelleet pyyntönne. Emme voi toteuttaa sitä.",
        "Vi har behandlat er begäran. Vi kan inte tillmötesgå den.",
        "We have considered your request. We cannot act on it.",
    ),
    "ref_reason": ("Perustelut:", "Skälen:", "Our reasons:"),
    "ref_complaint": (
        "Jos olette tyytymätön päätökseemme, teillä on oikeus tehdä valitus "
        "valvontaviranomaiselle, joka Suomessa on tietosuojavaltuutettu (tietosuoja-asetuksen "
        "77 artikla):",
        "Om ni är missnöjd med vårt beslut har ni rätt att lämna in ett klagomål till "
        "tillsynsmyndigheten, som i Finland är dataombudsmannen (artikel 77 i "
        "dataskyddsförordningen):",
        "If you are not satisfied with our decision, you have the right to lodge a complaint "
        "with the supervisory authority, in Finland the Data Protection Ombudsman (Article 77 "
        "of the General Data Protection Regulation):",
    ),
    "ref_court": (
        "Teillä on lisäksi oikeus käyttää tehokkaita oikeussuojakeinoja tuomioistuimessa "
        "(tietosuoja-asetuksen 79 artikla): voitte nostaa kanteen rekisterinpitäjää vastaan "
        "käräjäoikeudessa. Valituksen tekeminen ei estä tätä.",
        "Ni har dessutom rätt till ett effektivt rättsmedel i domstol (artikel 79 i "
        "dataskyddsförordningen): ni kan väcka talan mot den personuppgiftsansvarige i "
        "tingsrätten. Ett klagomål hindrar inte detta.",
        "You also have the right to an effective judicial remedy (Article 79 of the General "
        "Data Protection Regulation): you may bring proceedings against the controller in a "
        "district court. Lodging a complaint does not prevent this.",
    ),
    # No data (Art. 15(1))
    "nd_body": (
        "Olemme tarkistaneet rekisterimme ({register}) antamienne tietojen (nimi ja osoite) "
        "perusteella. Rekisterissä ei ole teitä koskevia henkilötietoja.",
        "Vi har gått igenom vårt register ({register}) utifrån de uppgifter ni gav (namn och "
        "adress). Registret innehåller inga personuppgifter om er.",
        "We have searched our register ({register}) using the details you gave (name and "
        "address). The register holds no personal data about you.",
    ),
    "nd_again": (
        "Jos teillä on asiakasnumero tai olette asioineet kanssamme toisella nimellä tai "
        "osoitteella, kertokaa se meille, niin tarkistamme asian uudelleen.",
        "Om ni har ett kundnummer eller har anlitat oss under ett annat namn eller en annan "
        "adress, meddela oss det så kontrollerar vi saken på nytt.",
        "If you have a customer number, or have dealt with us under another name or address, "
        "let us know and we will search again.",
    ),
    "nd_kept": (
        "Säilytämme pyyntönne ja tämän vastauksen vain voidaksemme osoittaa, että olemme "
        "vastanneet pyyntöönne.",
        "Vi sparar er begäran och detta svar endast för att kunna visa att vi har besvarat den.",
        "We keep your request and this reply only to be able to show that we answered it.",
    ),
    # Identification (Art. 12(6))
    "id_body": (
        "Jotta voimme varmistua siitä, että pyynnön on tehnyt se henkilö, jota tiedot "
        "koskevat, tarvitsemme teiltä lisätietoja henkilöllisyytenne vahvistamiseksi "
        "(tietosuoja-asetuksen 12 artiklan 6 kohta). Emme anna henkilötietoja ennen kuin "
        "henkilöllisyytenne on varmistettu.",
        "För att försäkra oss om att begäran kommer från den person som uppgifterna gäller "
        "behöver vi ytterligare uppgifter för att bekräfta er identitet (artikel 12.6 i "
        "dataskyddsförordningen). Vi lämnar inte ut personuppgifter innan er identitet har "
        "bekräftats.",
        "To be sure that the request comes from the person the data is about, we need "
        "further information to confirm your identity (Article 12(6) of the General Data "
        "Protection Regulation). We give out no personal data before your identity is "
        "confirmed.",
    ),
    "id_ask": ("Pyydämme teitä toimittamaan:", "Vi ber er att skicka:", "Please send us:"),
    "id_default_1": (
        "asiakasnumeronne tai jonkin tilauksenne numeron",
        "ert kundnummer eller numret på någon av era beställningar",
        "your customer number or the number of one of your orders",
    ),
    "id_default_2": (
        "pyyntönne allekirjoitettuna, tai käykää luonamme henkilöllisyystodistuksen kanssa",
        "er begäran undertecknad, eller besök oss med en identitetshandling",
        "your request signed, or visit us with proof of identity",
    ),
    "id_then": (
        "Vastaamme pyyntöönne viipymättä, kun olemme saaneet nämä tiedot. Käytämme niitä vain "
        "henkilöllisyytenne varmistamiseen.",
        "Vi besvarar er begäran utan dröjsmål när vi har fått dessa uppgifter. Vi använder "
        "dem endast för att bekräfta er identitet.",
        "We will answer your request without undue delay once we have this information. We "
        "use it only to confirm your identity.",
    ),
    # Confirmation (Art. 21; section 9 of the register description)
    "conf_body": (
        "Olemme kirjanneet rekisteriin seuraavat ilmoituksenne:",
        "Vi har antecknat följande meddelanden från er i registret:",
        "We have recorded the following in the register, as you asked:",
    ),
    "conf_none": (
        "Rekisteriin ei ole kirjattu teiltä kieltoja, vastustamista tai suostumusten peruutuksia.",
        "Inga förbud, invändningar eller återkallade samtycken från er har antecknats i registret.",
        "No prohibition, objection or withdrawal of consent from you has been recorded in "
        "the register.",
    ),
    "conf_item": ("Kohde", "Gäller", "Item"),
    "conf_what": ("Kirjaus", "Anteckning", "Recorded"),
    "conf_since": ("Alkaen", "Från och med", "From"),
    "conf_effect": (
        "Kielto ja vastustaminen ovat voimassa, kunnes peruutatte ne. Tietojanne ei niiden "
        "voimassa ollessa käytetä eikä luovuteta kieltämäänne tarkoitukseen. Voitte muuttaa "
        "kieltojanne ja suostumuksianne milloin tahansa ottamalla yhteyttä meihin.",
        "Förbud och invändningar gäller tills ni återkallar dem. Medan de gäller används era "
        "uppgifter inte och lämnas inte ut för det ändamål ni har förbjudit. Ni kan när som "
        "helst ändra era förbud och samtycken genom att kontakta oss.",
        "A prohibition or objection stays in force until you withdraw it. While it is in "
        "force your data is neither used nor disclosed for the purpose you have prohibited. "
        "You may change your prohibitions and consents at any time by contacting us.",
    ),
    # Source notice (Art. 14)
    "src_intro": (
        "Olemme saaneet teitä koskevia tietoja muualta kuin teiltä itseltänne. "
        "Tietosuoja-asetuksen 14 artiklan mukaisesti kerromme, mistä tiedot saatiin ja miten "
        "niitä käsitellään.",
        "Vi har fått uppgifter om er från någon annan än er själv. I enlighet med artikel 14 "
        "i dataskyddsförordningen berättar vi varifrån uppgifterna kommer och hur de behandlas.",
        "We have obtained data about you from someone other than you. As Article 14 of the "
        "General Data Protection Regulation requires, we tell you where it came from and how "
        "it is processed.",
    ),
    "src_h_obtained": ("Saadut tiedot", "Uppgifter som erhållits", "The data obtained"),
    "src_obtained_on": ("Saatu", "Erhållen", "Obtained"),
    "src_from": ("Lähde", "Källa", "Source"),
    "src_public_note": (
        "Julkisesta lähteestä saatu tieto on peräisin yleisesti saatavilla olevasta lähteestä.",
        "En uppgift från en offentlig källa kommer från en allmänt tillgänglig källa.",
        "Data from a public source comes from a publicly accessible source.",
    ),
    "src_h_controller": (
        "Rekisterinpitäjä ja yhteystiedot",
        "Personuppgiftsansvarig och kontaktuppgifter",
        "Controller and contact details",
    ),
    "src_h_purposes": (
        "Käsittelyn tarkoitukset ja oikeusperusteet",
        "Ändamål och rättsliga grunder",
        "Purposes and legal bases",
    ),
    "src_h_categories": ("Tietoryhmät", "Kategorier av uppgifter", "Categories of data"),
    "src_h_recipients": ("Vastaanottajat", "Mottagare", "Recipients"),
    "src_h_transfers": (
        "Siirrot EU:n ja ETA:n ulkopuolelle",
        "Överföringar utanför EU och EES",
        "Transfers outside the EU and EEA",
    ),
    "src_h_retention": ("Säilytysaika", "Lagringstid", "Retention"),
    "src_h_rights": ("Oikeutenne", "Era rättigheter", "Your rights"),
    "src_h_automated": (
        "Automaattinen päätöksenteko",
        "Automatiserat beslutsfattande",
        "Automated decision-making",
    ),
    # Art. 19
    "act_rectification": ("oikaistu", "rättats", "rectified"),
    "act_erasure": ("poistettu", "raderats", "erased"),
    "act_restriction": ("rajoitettu", "begränsats", "restricted"),
    "rn_body": (
        "Olemme luovuttaneet teille henkilötietoja rekisteristämme ({register}). "
        "Tietosuoja-asetuksen 19 artiklan mukaisesti ilmoitamme, että alla mainitun henkilön "
        "tietoja on {action} {on}.",
        "Vi har lämnat ut personuppgifter till er ur vårt register ({register}). I enlighet med "
        "artikel 19 i dataskyddsförordningen meddelar vi att uppgifterna om personen nedan "
        "har {action} den {on}.",
        "We have disclosed personal data to you from our register ({register}). As Article 19 "
        "of the General Data Protection Regulation requires, we tell you that the data of "
        "the person named below was {action} on {on}.",
    ),
    "rn_disclosed": (
        "Luovutukset teille: {dates}.",
        "Utlämnanden till er: {dates}.",
        "Disclosures to you: {dates}.",
    ),
    "rn_person": ("Henkilö", "Person", "Person"),
    "rn_new": ("Oikaistu tieto", "Rättad uppgift", "Corrected data"),
    "rn_erasure": (
        "Henkilön tiedot on poistettu rekisteristämme. Pyydämme teitä ottamaan tämän "
        "huomioon käsitellessänne meiltä saamianne tietoja.",
        "Personens uppgifter har raderats ur vårt register. Vi ber er beakta detta när ni "
        "behandlar uppgifter som ni har fått av oss.",
        "The person's data has been erased from our register. Please take this into account "
        "when you process data you received from us.",
    ),
    "rn_restriction": (
        "Henkilön tietojen käsittelyä on rajoitettu: tietoja saa tallentaa, mutta muuten "
        "käsitellä vain tietosuoja-asetuksen 18 artiklan 2 kohdan mukaisesti. Pyydämme teitä "
        "ottamaan tämän huomioon käsitellessänne meiltä saamianne tietoja.",
        "Behandlingen av personens uppgifter har begränsats: uppgifterna får lagras men i "
        "övrigt behandlas endast enligt artikel 18.2 i dataskyddsförordningen. Vi ber er "
        "beakta detta när ni behandlar uppgifter som ni har fått av oss.",
        "The processing of the person's data has been restricted: it may be stored, but "
        "otherwise processed only as Article 18(2) of the General Data Protection Regulation "
        "allows. Please take this into account when you process data you received from us.",
    ),
    "rn_rectification": (
        "Pyydämme teitä korjaamaan tiedot myös omiin rekistereihinne, jos käsittelette niitä "
        "edelleen.",
        "Vi ber er att rätta uppgifterna även i era egna register om ni fortfarande behandlar dem.",
        "Please correct the data in your own records too, if you still process it.",
    ),
    "rl_body": (
        "Tietojanne on {action} pyyntönne mukaisesti. Tietosuoja-asetuksen 19 artiklan "
        "mukaisesti olemme ilmoittaneet asiasta jokaiselle vastaanottajalle, jolle tietojanne "
        "on luovutettu. Vastaanottajat ovat:",
        "Era uppgifter har {action} enligt er begäran. I enlighet med artikel 19 i "
        "dataskyddsförordningen har vi meddelat detta till varje mottagare som era uppgifter "
        "har lämnats ut till. Mottagarna är:",
        "Your data has been {action} as you asked. As Article 19 of the General Data "
        "Protection Regulation requires, we have told every recipient to whom your data was "
        "disclosed. The recipients are:",
    ),
    "rl_none": (
        "Tietojanne on {action} pyyntönne mukaisesti. Tietojanne ei ole luovutettu "
        "kenellekään, joten ilmoitettavia vastaanottajia ei ole (tietosuoja-asetuksen 19 "
        "artikla).",
        "Era uppgifter har {action} enligt er begäran. Era uppgifter har inte lämnats ut till "
        "någon, så det finns inga mottagare att meddela (artikel 19 i dataskyddsförordningen).",
        "Your data has been {action} as you asked. Your data has not been disclosed to "
        "anyone, so there is no recipient to tell (Article 19 of the General Data Protection "
        "Regulation).",
    ),
    "rl_when": ("Luovutettu", "Utlämnad", "Disclosed"),
    # Copy cover (Art. 20)
    "cc_body": (
        "Ohessa on pyytämänne jäljennös tiedoistanne jäsennellyssä, yleisesti käytetyssä ja "
        "koneluettavassa muodossa (JSON) tietosuoja-asetuksen 20 artiklan mukaisesti. Siinä "
        "ovat itse antamanne tiedot, kieltonne ja suostumuksenne sekä tilaustenne tiedot.",
        "Här är den kopia av era uppgifter som ni begärde, i ett strukturerat, allmänt använt "
        "och maskinläsbart format (JSON) i enlighet med artikel 20 i dataskyddsförordningen. "
        "Den innehåller de uppgifter ni själv har lämnat, era förbud och samtycken samt "
        "uppgifterna om era beställningar.",
        "Enclosed is the copy of your data you asked for, in a structured, commonly used and "
        "machine-readable format (JSON), as Article 20 of the General Data Protection "
        "Regulation provides. It holds the data you gave us yourself, your prohibitions and "
        "consents, and the data of your orders.",
    ),
    "cc_file": ("Tiedosto", "Fil", "File"),
    "cc_size": ("Koko", "Storlek", "Size"),
    "cc_bytes": ("{n} tavua", "{n} byte", "{n} bytes"),
    "cc_hash": ("Tarkiste (SHA-256)", "Kontrollsumma (SHA-256)", "Checksum (SHA-256)"),
    "cc_hash_note": (
        "Tarkisteella voitte varmistaa, että tiedosto on sama, jonka lähetimme.",
        "Med kontrollsumman kan ni kontrollera att filen är den vi skickade.",
        "With the checksum you can check that the file is the one we sent.",
    ),
    "cc_other": (
        "Voitte antaa tiedoston toiselle rekisterinpitäjälle. Kaikki teistä tallennetut tiedot "
        "saatte tarkastusoikeuden nojalla (tietosuoja-asetuksen 15 artikla).",
        "Ni kan ge filen till en annan personuppgiftsansvarig. Alla uppgifter som sparats om "
        "er får ni med stöd av rätten till tillgång (artikel 15 i dataskyddsförordningen).",
        "You may give the file to another controller. All the data held about you is "
        "available to you under the right of access (Article 15 of the General Data "
        "Protection Regulation).",
    ),
    # The Art. 18(3) notice before a restriction of processing is lifted
    "lift_body": (
        "Henkilötietojenne käsittelyä on rajoitettu {since} alkaen (tietosuoja-asetuksen "
        "18 artikla): tietojanne on sen jälkeen vain säilytetty, eikä niitä ole muuten "
        "käsitelty ilman suostumustanne.",
        "Behandlingen av era personuppgifter har varit begränsad sedan {since} (artikel 18 "
        "i dataskyddsförordningen): uppgifterna har sedan dess endast lagrats och inte "
        "behandlats på annat sätt utan ert samtycke.",
        "The processing of your personal data has been restricted since {since} (Article 18 "
        "of the General Data Protection Regulation): since then your data has only been "
        "stored and not otherwise processed without your consent.",
    ),
    "lift_ground": ("Rajoituksen peruste", "Grund för begränsningen", "Ground for the restriction"),
    "lift_ground_accuracy_contested": (
        "Kiistitte tietojenne paikkansapitävyyden, ja rajoitus oli voimassa sen "
        "tarkistamisen ajan (18 artiklan 1 kohdan a alakohta).",
        "Ni bestred att uppgifterna var korrekta, och begränsningen gällde medan detta "
        "kontrollerades (artikel 18.1 a).",
        "You contested the accuracy of your data, and the restriction applied while it was "
        "verified (Article 18(1)(a)).",
    ),
    "lift_ground_unlawful_processing": (
        "Käsittely oli lainvastaista, ja vastustitte tietojen poistamista ja pyysitte sen "
        "sijaan käytön rajoittamista (18 artiklan 1 kohdan b alakohta).",
        "Behandlingen var olaglig, och ni motsatte er radering och begärde i stället "
        "begränsning av användningen (artikel 18.1 b).",
        "The processing was unlawful, and you opposed erasure and asked for a restriction "
        "of use instead (Article 18(1)(b)).",
    ),
    "lift_ground_legal_claims": (
        "Tarvitsitte tietoja oikeudellisen vaateen laatimiseen, esittämiseen tai "
        "puolustamiseen (18 artiklan 1 kohdan c alakohta).",
        "Ni behövde uppgifterna för att fastställa, göra gällande eller försvara "
        "rättsliga anspråk (artikel 18.1 c).",
        "You needed the data for the establishment, exercise or defence of legal claims "
        "(Article 18(1)(c)).",
    ),
    "lift_ground_objection_pending": (
        "Vastustitte käsittelyä, ja rajoitus oli voimassa sen selvittämisen ajan, "
        "syrjäyttävätkö perusteemme teidän perusteenne (18 artiklan 1 kohdan d alakohta).",
        "Ni invände mot behandlingen, och begränsningen gällde medan det utreddes om våra "
        "skäl väger tyngre än era (artikel 18.1 d).",
        "You objected to the processing, and the restriction applied while it was verified "
        "whether our grounds override yours (Article 18(1)(d)).",
    ),
    "lift_notice": (
        "Tietosuoja-asetuksen 18 artiklan 3 kohdan mukaisesti ilmoitamme teille ennen kuin "
        "rajoitus poistetaan: rajoitus poistetaan aikaisintaan {on}.",
        "I enlighet med artikel 18.3 i dataskyddsförordningen meddelar vi er innan "
        "begränsningen upphävs: den upphävs tidigast {on}.",
        "Under Article 18(3) of the General Data Protection Regulation we inform you before "
        "the restriction is lifted: it is lifted on {on} at the earliest.",
    ),
    "lift_reason": (
        "Miksi rajoitus poistetaan",
        "Varför begränsningen upphävs",
        "Why the restriction is lifted",
    ),
    "lift_after": (
        "Rajoituksen poistamisen jälkeen käsittelemme tietojanne taas tietosuojaselosteessa "
        "kerrotulla tavalla. Voitte edelleen kieltää suoramarkkinoinnin, vastustaa "
        "käsittelyä tai pyytää tietojenne oikaisemista tai poistamista.",
        "Efter att begränsningen har upphävts behandlar vi era uppgifter igen så som "
        "beskrivs i dataskyddsbeskrivningen. Ni kan fortfarande förbjuda direktmarknadsföring, "
        "invända mot behandlingen eller begära rättelse eller radering av era uppgifter.",
        "Once the restriction is lifted we process your data again as described in our "
        "privacy notice. You may still prohibit direct marketing, object to the processing "
        "or ask for your data to be rectified or erased.",
    ),
    # The closing block
    "dpo": ("Tietosuojavastaava", "Dataskyddsombud", "Data protection officer"),
    "email": ("sähköposti", "e-post", "e-mail"),
}


class StepWords(Words):
    """The words of one language: the step letters' own first, then the access letter's."""

    def __call__(self, key: str, **params: object) -> str:
        entry = S.get(key) or T[key]
        text = entry[LANG_INDEX[self.language]]
        return text.format(**params) if params else text

    def has(self, key: str) -> bool:
        return key in S or key in T
