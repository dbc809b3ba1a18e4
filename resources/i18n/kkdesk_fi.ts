<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi_FI">
<context>
    <name>AuditModel</name>
    <message>
        <source>When</source>
        <translation>Milloin</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Kuka</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Mitä</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Miksi</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Lisätiedot</translation>
    </message>
</context>
<context>
    <name>AuditPanel</name>
    <message>
        <source>Opened</source>
        <translation>Avattu</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Luotu</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Muutettu</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Raportti</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Vienti</translation>
    </message>
    <message>
        <source>Consent or prohibition</source>
        <translation>Suostumus tai kielto</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Palautus</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Toimitus</translation>
    </message>
    <message>
        <source>Erased</source>
        <translation>Poistettu</translation>
    </message>
    <message>
        <source>customer data</source>
        <translation>asiakastiedot</translation>
    </message>
    <message>
        <source>contact person</source>
        <translation>yhteyshenkilö</translation>
    </message>
    <message>
        <source>delivery</source>
        <translation>toimitus</translation>
    </message>
    <message>
        <source>consents and prohibitions</source>
        <translation>suostumukset ja kiellot</translation>
    </message>
    <message>
        <source>order</source>
        <translation>tilaus</translation>
    </message>
    <message>
        <source>order line</source>
        <translation>tilausrivi</translation>
    </message>
    <message>
        <source>return</source>
        <translation>palautus</translation>
    </message>
    <message>
        <source>returned item</source>
        <translation>palautettu tuote</translation>
    </message>
    <message>
        <source>Changed outside the desk: %1</source>
        <translation>Muutettu ohjelman ulkopuolella: %1</translation>
    </message>
    <message>
        <source>Portability copy (Art. 20)</source>
        <translation>Siirrettävä kopio (20 art.)</translation>
    </message>
    <message>
        <source>Access letter previewed</source>
        <translation>Rekisteriotteen esikatselu</translation>
    </message>
    <message>
        <source>The whole record read</source>
        <translation>Koko tietue luettu</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>contact person %1</source>
        <translation>yhteyshenkilö %1</translation>
    </message>
    <message>
        <source>reference %1</source>
        <translation>viite %1</translation>
    </message>
    <message>
        <source>Disclosure %1 to %2</source>
        <translation>Luovutus %1 vastaanottajalle %2</translation>
    </message>
    <message>
        <source>Order %1: return %2 of 1 item</source>
        <translation>Tilaus %1: palautus %2, 1 tuote</translation>
    </message>
    <message>
        <source>Order %1: return %2 of %3 items</source>
        <translation>Tilaus %1: palautus %2, %3 tuotetta</translation>
    </message>
    <message>
        <source>Order %1: delivery %2 marked delivered</source>
        <translation>Tilaus %1: toimitus %2 merkitty toimitetuksi</translation>
    </message>
    <message>
        <source>Data-subject request %1 registered: %2</source>
        <translation>Rekisteröidyn pyyntö %1 kirjattu: %2</translation>
    </message>
    <message>
        <source>Data-subject request %1 extended by two months</source>
        <translation>Rekisteröidyn pyyntöä %1 pidennetty kahdella kuukaudella</translation>
    </message>
    <message>
        <source>Data-subject request %1 closed as done</source>
        <translation>Rekisteröidyn pyyntö %1 suljettu valmiina</translation>
    </message>
    <message>
        <source>Data-subject request %1 refused</source>
        <translation>Rekisteröidyn pyyntö %1 hylätty</translation>
    </message>
    <message>
        <source>Access letter (%1), 1 page, SHA-256 %3…</source>
        <translation>Rekisteriote (%1), 1 sivu, SHA-256 %3…</translation>
    </message>
    <message>
        <source>Access letter (%1), %2 pages, SHA-256 %3…</source>
        <translation>Rekisteriote (%1), %2 sivua, SHA-256 %3…</translation>
    </message>
    <message>
        <source>Data-subject request %1: %2</source>
        <translation>Rekisteröidyn pyyntö %1: %2</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Käsittelyloki</translation>
    </message>
    <message>
        <source>&amp;Who read or changed this customer's data, newest first:</source>
        <translation>&amp;Kuka on lukenut tai muuttanut asiakkaan tietoja, uusin ensin:</translation>
    </message>
    <message>
        <source>Only the user levels %1 and %2 may read the audit trail of who read or changed customer data. Your user level is %3.</source>
        <translation>Vain käyttäjätasot %1 ja %2 saavat lukea lokia siitä, kuka on lukenut tai muuttanut asiakastietoja. Sinun käyttäjätasosi on %3.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Ladataan…</translation>
    </message>
    <message>
        <source>Nothing recorded.</source>
        <translation>Ei merkintöjä.</translation>
    </message>
    <message>
        <source>Summary header</source>
        <translation>Yhteenveto</translation>
    </message>
    <message>
        <source>Prohibitions and consents</source>
        <translation>Kiellot ja suostumukset</translation>
    </message>
    <message>
        <source>Consent history</source>
        <translation>Suostumushistoria</translation>
    </message>
    <message>
        <source>List of disclosures</source>
        <translation>Luovutusluettelo</translation>
    </message>
    <message>
        <source>List of requests</source>
        <translation>Pyyntöluettelo</translation>
    </message>
    <message>
        <source>In search results</source>
        <translation>Hakutuloksissa</translation>
    </message>
    <message>
        <source>Order %1: return %2 marked received</source>
        <translation>Tilaus %1: palautus %2 merkitty saapuneeksi</translation>
    </message>
    <message>
        <source>Order %1: return %2 refunded</source>
        <translation>Tilaus %1: palautus %2 hyvitetty</translation>
    </message>
    <message>
        <source>Order %1: delivery %2 corrected (correction %3)</source>
        <translation>Tilaus %1: toimitusta %2 korjattu (korjaus %3)</translation>
    </message>
    <message>
        <source>Order %1: receipt of return %2 corrected (correction %3)</source>
        <translation>Tilaus %1: palautuksen %2 saapumista korjattu (korjaus %3)</translation>
    </message>
    <message>
        <source>Order %1: refund of return %2 corrected (correction %3)</source>
        <translation>Tilaus %1: palautuksen %2 hyvitystä korjattu (korjaus %3)</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Yhdistetty</translation>
    </message>
</context>
<context>
    <name>ConsentPanel</name>
    <message>
        <location filename="../../kkdesk/ui/consent_panel.py" line="+60"/>
        <source>Direct advertising prohibited</source>
        <translation>Suoramainonta kielletty</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Distance selling prohibited</source>
        <translation>Etämyynti kielletty</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Other direct marketing prohibited</source>
        <translation>Muu suoramarkkinointi kielletty</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Market and opinion research prohibited</source>
        <translation>Markkina- ja mielipidetutkimukset kielletty</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Person directories prohibited</source>
        <translation>Henkilömatrikkelit kielletty</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Genealogy research prohibited</source>
        <translation>Sukututkimus kielletty</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Consents to e-mail marketing</source>
        <translation>Suostuu sähköpostimarkkinointiin</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Consents to SMS marketing</source>
        <translation>Suostuu tekstiviestimarkkinointiin</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Processing restricted (GDPR Art. 18)</source>
        <translation>Käsittely rajoitettu (tietosuoja-asetus 18 art.)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Objects to direct marketing (GDPR Art. 21)</source>
        <translation>Vastustaa suoramarkkinointia (tietosuoja-asetus 21 art.)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Direct advertising</source>
        <translation>Suoramainonta</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Distance selling</source>
        <translation>Etämyynti</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Other direct marketing</source>
        <translation>Muu suoramarkkinointi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Market and opinion research</source>
        <translation>Markkina- ja mielipidetutkimus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Person directories</source>
        <translation>Henkilömatrikkelit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Genealogy research</source>
        <translation>Sukututkimus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent to e-mail marketing</source>
        <translation>Suostumus sähköpostimarkkinointiin</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Consent to SMS marketing</source>
        <translation>Suostumus tekstiviestimarkkinointiin</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restriction of processing (Art. 18)</source>
        <translation>Käsittelyn rajoittaminen (18 art.)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Objection to direct marketing (Art. 21)</source>
        <translation>Suoramarkkinoinnin vastustaminen (21 art.)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>prohibited</source>
        <translation>kielletty</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>allowed</source>
        <translation>sallittu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>given</source>
        <translation>annettu</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+11"/>
        <source>withdrawn</source>
        <translation>peruttu</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>restricted</source>
        <translation>rajoitettu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>lifted</source>
        <translation>poistettu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>objected</source>
        <translation>vastustettu</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Letter</source>
        <translation>Kirje</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>Sähköposti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Puhelin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Webshop</source>
        <translation>Verkkokauppa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In person</source>
        <translation>Henkilökohtaisesti</translation>
    </message>
    <message>
        <location line="+168"/>
        <source>Person</source>
        <translation>Henkilö</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Person:</source>
        <translation>&amp;Henkilö:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Prohibitions (register description, section 9)</source>
        <translation>Kiellot (rekisteriseloste, kohta 9)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Consents (opt-in), restriction and objection</source>
        <translation>Suostumukset, käsittelyn rajoittaminen ja vastustaminen</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>History of prohibitions and consents</source>
        <translation>Kieltojen ja suostumusten historia</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Received</source>
        <translation>Saapunut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item</source>
        <translation>Kohta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New state</source>
        <translation>Uusi tila</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received by</source>
        <translation>Saapumistapa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference</source>
        <translation>Viite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recorded</source>
        <translation>Kirjattu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Huomautus</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>H&amp;istory, newest first (nothing is ever changed or deleted):</source>
        <translation>Hi&amp;storia, uusin ensin (mitään ei koskaan muuteta eikä poisteta):</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Prohibitions and consents</source>
        <translation>Kiellot ja suostumukset</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Loading…</source>
        <translation>Ladataan…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Turning a toggle asks for the evidence; nothing changes without it.</source>
        <translation>Valinnan muuttaminen kysyy perustetta; ilman sitä mikään ei muutu.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+40"/>
        <source>Your user level can see but not change prohibitions and consents.</source>
        <translation>Käyttäjätasosi voi nähdä mutta ei muuttaa kieltoja ja suostumuksia.</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>%1 (contact person)</source>
        <translation>%1 (yhteyshenkilö)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>never recorded</source>
        <translation>ei koskaan kirjattu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 since %2 · %3 · %4</source>
        <translation>%1 %2 alkaen · %3 · %4</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The suppression list also stops marketing to this person's e-mail address or phone: %1. Another record with the same e-mail or phone (possibly an erased one) said so, and the least permissive state wins.</source>
        <translation>Estolista estää markkinoinnin myös tämän henkilön sähköpostiosoitteeseen tai puhelinnumeroon: %1. Sen on ilmoittanut toinen tietue, jolla on sama sähköposti tai puhelin (mahdollisesti jo poistettu), ja tiukin tila ratkaisee.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Saving…</source>
        <translation>Tallennetaan…</translation>
    </message>
    <message>
        <source>restriction of processing in force since %1</source>
        <translation>käsittelyn rajoitus voimassa %1 alkaen</translation>
    </message>
    <message>
        <source>objection to direct marketing in force since %1</source>
        <translation>suoramarkkinoinnin vastustus voimassa %1 alkaen</translation>
    </message>
    <message>
        <source>prohibited since %1</source>
        <translation>kielletty %1 alkaen</translation>
    </message>
    <message>
        <source>stopped by the suppression list (another record)</source>
        <translation>estolista estää (toinen tietue)</translation>
    </message>
    <message>
        <source>consent withdrawn on %1</source>
        <translation>suostumus peruttu %1</translation>
    </message>
    <message>
        <source>no consent given</source>
        <translation>suostumusta ei ole annettu</translation>
    </message>
    <message>
        <source>consent given on %1</source>
        <translation>suostumus annettu %1</translation>
    </message>
    <message>
        <source>not prohibited</source>
        <translation>ei kielletty</translation>
    </message>
    <message>
        <source>not allowed</source>
        <translation>ei sallittu</translation>
    </message>
    <message>
        <source>%1, %2: %3 — %4</source>
        <translation>%1, %2: %3 — %4</translation>
    </message>
    <message>
        <source>What is allowed now</source>
        <translation>Mikä on nyt sallittua</translation>
    </message>
    <message>
        <source>&amp;Allowed now, and why:</source>
        <translation>&amp;Sallittu nyt ja miksi:</translation>
    </message>
    <message>
        <source>✓ Allowed</source>
        <translation>✓ Sallittu</translation>
    </message>
    <message>
        <source>✗ Not allowed</source>
        <translation>✗ Ei sallittu</translation>
    </message>
    <message>
        <source>Confirmation &amp;letter…</source>
        <translation>&amp;Vahvistuskirje…</translation>
    </message>
    <message>
        <source>A letter confirming to the customer the prohibitions, objection and withdrawn consents recorded (Art. 21); archived on the customer.</source>
        <translation>Kirje, jolla asiakkaalle vahvistetaan kirjatut kiellot, vastustaminen ja peruutetut suostumukset (21 artikla); arkistoidaan asiakkaalle.</translation>
    </message>
    <message>
        <source>Confirmation letter</source>
        <translation>Vahvistuskirje</translation>
    </message>
    <message>
        <source>Language of the letter:</source>
        <translation>Kirjeen kieli:</translation>
    </message>
    <message>
        <source>Save the confirmation letter</source>
        <translation>Tallenna vahvistuskirje</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-tiedostot (*.pdf)</translation>
    </message>
    <message>
        <source>Making the confirmation letter…</source>
        <translation>Vahvistuskirjettä tehdään…</translation>
    </message>
    <message>
        <source>Confirmation letter saved; archived on the customer as letter %1.</source>
        <translation>Vahvistuskirje tallennettu; arkistoitu asiakkaalle kirjeenä %1.</translation>
    </message>
    <message>
        <source>The file could not be written: %1. The letter is archived as letter %2.</source>
        <translation>Tiedostoa ei voitu kirjoittaa: %1. Kirje on arkistoitu kirjeenä %2.</translation>
    </message>
    <message>
        <source>Nothing to confirm: no prohibition, objection, restriction or withdrawn consent is recorded for the customer.</source>
        <translation>Ei vahvistettavaa: asiakkaalle ei ole kirjattu kieltoa, vastustamista, käsittelyn rajoitusta eikä peruutettua suostumusta.</translation>
    </message>
    <message>
        <source>Updating from the population register prohibited</source>
        <translation>Asiakasrekisterin päivitys väestötietojärjestelmästä kielletty</translation>
    </message>
    <message>
        <source>Updating of the customer register</source>
        <translation>Asiakasrekisterin päivityskielto</translation>
    </message>
    <message>
        <source>The current state is shown below.</source>
        <translation>Nykyinen tila näkyy alla.</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../kkdesk/ui/dialogs.py" line="+218"/>
        <source>New contact person</source>
        <translation>Uusi yhteyshenkilö</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Contact person</source>
        <translation>Yhteyshenkilö</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Surname:</source>
        <translation>&amp;Sukunimi:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;First names:</source>
        <translation>&amp;Etunimet:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Role:</source>
        <translation>&amp;Tehtävä:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>e.g. purchasing</source>
        <translation>esim. hankinnat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Work phone:</source>
        <translation>&amp;Työpuhelin:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Mobile phone:</source>
        <translation>&amp;Matkapuhelin:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;E-mail:</source>
        <translation>Sä&amp;hköposti:</translation>
    </message>
</context>
<context>
    <name>CustomerForm</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../../kkdesk/ui/customer_form.py" line="+142"/>
        <source>Save refused</source>
        <translation>Tallennus estetty</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Person</source>
        <translation>Henkilö</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Surname:</source>
        <translation>Sukuni&amp;mi:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Company</source>
        <translation>Yritys</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address</source>
        <translation>Osoite</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;treet address:</source>
        <translation>Lä&amp;hiosoite:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Postal code:</source>
        <translation>Posti&amp;numero:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post &amp;office:</source>
        <translation>Postitoim&amp;ipaikka:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Countr&amp;y:</source>
        <translation>&amp;Maa:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contact details</source>
        <translation>Yhteystiedot</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Mobile phone:</source>
        <translation>&amp;Matkapuhelin:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Work phone:</source>
        <translation>Ty&amp;öpuhelin:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Language:</source>
        <translation>K&amp;ieli:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Other</source>
        <translation>Muut</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer s&amp;ince:</source>
        <translation>Asiakkaana alka&amp;en:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notes:</source>
        <translation>&amp;Huomautukset:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer-specific data, one 'name: value' per line.</source>
        <translation>Asiakaskohtaiset tiedot, yksi 'nimi: arvo' riviä kohden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+3"/>
        <source>Contact persons</source>
        <translation>Yhteyshenkilöt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact &amp;persons of the company:</source>
        <translation>Yrityksen &amp;yhteyshenkilöt:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chan&amp;ge…</source>
        <translation>M&amp;uuta…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remo&amp;ve</source>
        <translation>Poi&amp;sta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add contact person</source>
        <translation>Lisää yhteyshenkilö</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change contact person</source>
        <translation>Muuta yhteyshenkilöä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove contact person</source>
        <translation>Poista yhteyshenkilö</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Form status</source>
        <translation>Lomakkeen tila</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Tallenna</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save (%1)</source>
        <translation>Tallenna (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Revert</source>
        <translation>Pe&amp;ru muutokset</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo all unsaved changes</source>
        <translation>Peru kaikki tallentamattomat muutokset</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Your user level (%1) does not allow changing customers.</source>
        <translation>Käyttäjätasosi (%1) ei salli asiakkaiden muuttamista.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The new company</source>
        <translation>Uusi yritys</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new person</source>
        <translation>Uusi henkilö</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>New company</source>
        <translation>Uusi yritys</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New person</source>
        <translation>Uusi henkilö</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fill in the fields; Save checks for duplicates first.</source>
        <translation>Täytä kentät; Tallenna tarkistaa ensin kaksoiskappaleet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %2 · last changed %3 by %4</source>
        <translation>%1 %2 · viimeksi muuttanut %4 %3</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>Saving…</source>
        <translation>Tallennetaan…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read only.</source>
        <translation>Vain luku.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>To save, check: %1</source>
        <translation>Tarkista ennen tallennusta: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unsaved changes.</source>
        <translation>Tallentamattomia muutoksia.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Other data</source>
        <translation>Muut tiedot</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>No possible duplicates found.</source>
        <translation>Mahdollisia kaksoiskappaleita ei löytynyt.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Saved %1 (%2).</source>
        <translation>Tallennettu %1 (%2).</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Their changes:</source>
        <translation>Heidän muutoksensa:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>(no visible differences in the basic data)</source>
        <translation>(ei näkyviä eroja perustiedoissa)</translation>
    </message>
    <message>
        <source>F&amp;irst names:</source>
        <translation>&amp;Etunimet:</translation>
    </message>
    <message>
        <source>&amp;Date of birth:</source>
        <translation>S&amp;yntymäaika:</translation>
    </message>
    <message>
        <source>Company &amp;name:</source>
        <translation>&amp;Yrityksen nimi:</translation>
    </message>
    <message>
        <source>Business &amp;ID:</source>
        <translation>&amp;Y-tunnus:</translation>
    </message>
    <message>
        <source>H&amp;ome phone:</source>
        <translation>&amp;Kotipuhelin:</translation>
    </message>
    <message>
        <source>E-&amp;mail:</source>
        <translation>Sä&amp;hköposti:</translation>
    </message>
    <message>
        <source>Other &amp;data:</source>
        <translation>Muut tie&amp;dot:</translation>
    </message>
    <message>
        <source>One “name: value” a line, e.g. customer group: loyalty</source>
        <translation>Yksi ”nimi: arvo” riviä kohden, esim. asiakasryhmä: kanta-asiakas</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Lisää…</translation>
    </message>
    <message>
        <source>&amp;Keep my changes</source>
        <translation>S&amp;äilytä muutokseni</translation>
    </message>
    <message>
        <source>Use th&amp;eir version</source>
        <translation>Käytä heidän &amp;versiotaan</translation>
    </message>
    <message>
        <source>Their version with the fields you changed on top; check it, then save. Fields you did not change keep their values.</source>
        <translation>Toisen käyttäjän versio, jonka päälle muuttamasi kentät tulevat; tarkista ja tallenna. Kentät, joita et muuttanut, saavat hänen arvonsa.</translation>
    </message>
    <message>
        <source>%1 saved this record at %2, after you opened it. Your changes are not saved, but they are kept in the form.</source>
        <translation>%1 tallensi tämän asiakkaan %2, sen jälkeen kun avasit sen. Muutoksiasi ei ole tallennettu, mutta ne ovat yhä lomakkeella.</translation>
    </message>
    <message>
        <source>Someone else saved this record after you opened it. Your changes are not saved, but they are kept in the form.</source>
        <translation>Joku muu tallensi tämän asiakkaan sen jälkeen kun avasit sen. Muutoksiasi ei ole tallennettu, mutta ne ovat yhä lomakkeella.</translation>
    </message>
    <message>
        <source>(you changed this too; yours is kept)</source>
        <translation>(muutit tätäkin; sinun arvosi säilyy)</translation>
    </message>
    <message>
        <source>Keep your changes (they are put on top of their version; then check and save), or use their version and discard yours.</source>
        <translation>Säilytä muutoksesi (ne viedään toisen version päälle; tarkista ja tallenna sitten) tai käytä toisen versiota ja hylkää omasi.</translation>
    </message>
    <message>
        <source>Your changes are applied to their version: check them, then save.</source>
        <translation>Muutoksesi on viety toisen käyttäjän versioon: tarkista ne ja tallenna.</translation>
    </message>
    <message>
        <source>Erase…</source>
        <translation>Poista tiedot…</translation>
    </message>
    <message>
        <source>Erase contact person</source>
        <translation>Poista yhteyshenkilön tiedot</translation>
    </message>
    <message>
        <source>Erase this customer's personal data (Art. 17)</source>
        <translation>Poista tämän asiakkaan henkilötiedot (17 artikla)</translation>
    </message>
    <message>
        <source>Your user level (%1) does not allow erasing.</source>
        <translation>Käyttäjätasosi (%1) ei salli tietojen poistamista.</translation>
    </message>
    <message>
        <source>Processing restricted</source>
        <translation>Käsittely rajoitettu</translation>
    </message>
    <message>
        <source>&amp;Lift the restriction…</source>
        <translation>&amp;Poista rajoitus…</translation>
    </message>
    <message>
        <source>The processing of this customer&apos;s data is restricted (GDPR Art. 18): it cannot be changed until the restriction is lifted.</source>
        <translation>Asiakkaan tietojen käsittelyä on rajoitettu (tietosuoja-asetuksen 18 artikla): tietoja ei voi muuttaa ennen kuin rajoitus poistetaan.</translation>
    </message>
    <message>
        <source>Read only: processing restricted (Art. 18).</source>
        <translation>Vain luku: käsittely rajoitettu (18 art.).</translation>
    </message>
    <message>
        <source>The processing of this customer's data is restricted (GDPR Art. 18): the person asked that the data be kept. Lift the restriction first to erase.</source>
        <translation>Tämän asiakkaan tietojen käsittelyä on rajoitettu (tietosuoja-asetuksen 18 artikla): henkilö on pyytänyt, että tiedot säilytetään. Poista rajoitus ensin, jos tiedot on poistettava.</translation>
    </message>
    <message>
        <source>This customer is under a legal hold and cannot be erased; lift the hold first when it has ended.</source>
        <translation>Asiakkaalla on oikeudellinen säilytysvelvoite (legal hold), eikä sitä voi poistaa; poista velvoite ensin, kun se on päättynyt.</translation>
    </message>
    <message>
        <source>Legal hold…</source>
        <translation>Säilytysvelvoite…</translation>
    </message>
    <message>
        <source>Put this customer under a legal hold, or lift it (no erasure while held)</source>
        <translation>Aseta asiakkaalle oikeudellinen säilytysvelvoite tai poista se (velvoitteen aikana ei poisteta)</translation>
    </message>
</context>
<context>
    <name>CustomerView</name>
    <message>
        <location filename="../../kkdesk/ui/customer_view.py" line="+51"/>
        <source>Search for a customer and press Enter to open them, or create a new customer with Ctrl+N.</source>
        <translation>Hae asiakasta ja avaa hänet Enterillä, tai luo uusi asiakas näppäimillä Ctrl+N.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Customer</source>
        <translation>Asiakas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Basic data</source>
        <translation>&amp;Perustiedot</translation>
    </message>
    <message>
        <source>%1 (customer %2)</source>
        <translation>%1 (asiakas %2)</translation>
    </message>
    <message>
        <source>%1, contact person of %2 (customer %3)</source>
        <translation>%1, yhteyshenkilö, %2 (asiakas %3)</translation>
    </message>
    <message>
        <source>Erasing…</source>
        <translation>Poistetaan…</translation>
    </message>
    <message>
        <source>The outcome letter is archived (%1 pages); print it from the Requests tab.</source>
        <translation>Ilmoitus poistosta on arkistoitu (%1 sivua); tulosta se Pyynnöt-välilehdeltä.</translation>
    </message>
    <message>
        <source>Contact person erased (reference %1).</source>
        <translation>Yhteyshenkilön tiedot poistettu (tunnus %1).</translation>
    </message>
    <message>
        <source>%1 orders are kept without the person until %2.</source>
        <translation>%1 tilausta säilytetään ilman henkilöä %2 asti.</translation>
    </message>
    <message>
        <source>No orders were kept.</source>
        <translation>Tilauksia ei säilytetty.</translation>
    </message>
    <message>
        <source>Customer %1 has been erased.</source>
        <translation>Asiakkaan %1 tiedot on poistettu.</translation>
    </message>
    <message>
        <source>Reference %1, %2.</source>
        <translation>Tunnus %1, %2.</translation>
    </message>
    <message>
        <source>The suppression list still keeps the person from marketing.</source>
        <translation>Markkinoinnin estolista estää yhä markkinoinnin henkilölle.</translation>
    </message>
    <message>
        <source>Customer erased (reference %1).</source>
        <translation>Asiakkaan tiedot poistettu (tunnus %1).</translation>
    </message>
    <message>
        <source>Setting the legal hold…</source>
        <translation>Asetetaan säilytysvelvoitetta…</translation>
    </message>
    <message>
        <source>Lifting the legal hold…</source>
        <translation>Poistetaan säilytysvelvoitetta…</translation>
    </message>
    <message>
        <source>Legal hold set on customer %1.</source>
        <translation>Asiakkaalle %1 asetettiin säilytysvelvoite.</translation>
    </message>
    <message>
        <source>Legal hold of customer %1 lifted.</source>
        <translation>Asiakkaan %1 säilytysvelvoite poistettiin.</translation>
    </message>
</context>
<context>
    <name>DisclosureDialog</name>
    <message>
        <location filename="../../kkdesk/ui/disclosure_panel.py" line="+103"/>
        <source>Record a disclosure</source>
        <translation>Kirjaa luovutus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record that this customer's data was given outside the controller: to an authority under a legal duty, or to a third party at the customer's own request. The customer can see every disclosure (GDPR Art. 15).</source>
        <translation>Kirjaa, että tämän asiakkaan tietoja on luovutettu rekisterinpitäjän ulkopuolelle: viranomaiselle lakisääteisen velvollisuuden perusteella tai kolmannelle osapuolelle asiakkaan omasta pyynnöstä. Asiakas saa nähdä jokaisen luovutuksen (tietosuoja-asetus 15 art.).</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+70"/>
        <source>Disclosed to</source>
        <translation>Luovutettu kenelle</translation>
    </message>
    <message>
        <location line="-65"/>
        <location line="+61"/>
        <source>Date</source>
        <translation>Päivämäärä</translation>
    </message>
    <message>
        <location line="-56"/>
        <location line="+57"/>
        <source>Recipient</source>
        <translation>Vastaanottaja</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>e.g. Helsinki Police Department</source>
        <translation>esim. Helsingin poliisilaitos</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+53"/>
        <source>Legal basis</source>
        <translation>Oikeusperuste</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>e.g. Police Act 4:3, or the customer's request of 2 May</source>
        <translation>esim. poliisilaki 4:3 tai asiakkaan pyyntö 2.5.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+47"/>
        <source>What was disclosed</source>
        <translation>Mitä luovutettiin</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>e.g. name, address and orders of 2024</source>
        <translation>esim. nimi, osoite ja vuoden 2024 tilaukset</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Disclosed &amp;to:</source>
        <translation>Luovutettu &amp;kenelle:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Date:</source>
        <translation>&amp;Päivämäärä:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Recipient:</source>
        <translation>&amp;Vastaanottaja:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Legal basis:</source>
        <translation>&amp;Oikeusperuste:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;What was disclosed:</source>
        <translation>&amp;Mitä luovutettiin:</translation>
    </message>
</context>
<context>
    <name>DisclosurePanel</name>
    <message>
        <location line="-95"/>
        <source>Marketing export</source>
        <translation>Markkinointipoiminta</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Authority (legal duty)</source>
        <translation>Viranomainen (lakisääteinen velvollisuus)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Third party (customer's request)</source>
        <translation>Kolmas osapuoli (asiakkaan pyyntö)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 by %2: name and %3</source>
        <translation>%1, %2: nimi ja %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>postal address</source>
        <translation>postiosoite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e-mail address</source>
        <translation>sähköpostiosoite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mobile number</source>
        <translation>matkapuhelinnumero</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>phone number</source>
        <translation>puhelinnumero</translation>
    </message>
    <message>
        <location line="+166"/>
        <source>Every disclosure of this customer's data outside the controller: marketing exports, and disclosures to authorities or third parties.</source>
        <translation>Jokainen tämän asiakkaan tietojen luovutus rekisterinpitäjän ulkopuolelle: markkinointipoiminnat sekä luovutukset viranomaisille ja kolmansille osapuolille.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Disclosures of the customer's data</source>
        <translation>Asiakkaan tietojen luovutukset</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Date</source>
        <translation>Päivämäärä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Laji</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipient</source>
        <translation>Vastaanottaja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal basis</source>
        <translation>Oikeusperuste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recorded by</source>
        <translation>Kirjaaja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers</source>
        <translation>Asiakkaita</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was disclosed</source>
        <translation>Mitä luovutettiin</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;List of disclosures, newest first:</source>
        <translation>&amp;Luovutukset, uusin ensin:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record a &amp;disclosure…</source>
        <translation>Kirjaa l&amp;uovutus…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Only privacy staff and administrators record disclosures.</source>
        <translation>Vain tietosuojahenkilöstö ja pääkäyttäjät kirjaavat luovutuksia.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Disclosures</source>
        <translation>Luovutukset</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Your user level may not see the disclosures of customer data.</source>
        <translation>Käyttäjätasosi ei saa nähdä asiakastietojen luovutuksia.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Loading…</source>
        <translation>Ladataan…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No disclosures of this customer's data.</source>
        <translation>Tämän asiakkaan tietoja ei ole luovutettu.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Saving…</source>
        <translation>Tallennetaan…</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <location filename="../../kkdesk/ui/dialogs.py" line="-85"/>
        <location line="+12"/>
        <source>Possible duplicates</source>
        <translation>Mahdolliset kaksoiskappaleet</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>These customers have the same name and date of birth, e-mail, phone or business ID. Open one of them instead of creating a duplicate?</source>
        <translation>Näillä asiakkailla on sama nimi ja syntymäaika, sähköposti, puhelin tai Y-tunnus. Avataanko jokin niistä kaksoiskappaleen luomisen sijaan?</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Number</source>
        <translation>Numero</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>E-mail</source>
        <translation>Sähköposti</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phone</source>
        <translation>Puhelin</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Open selected</source>
        <translation>&amp;Avaa valittu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;reate anyway</source>
        <translation>&amp;Luo silti</translation>
    </message>
    <message>
        <source>These customers have the same name and date of birth, e-mail, phone or business ID as %1. Open one of them, or merge it into %1 if it is the same person?</source>
        <translation>Näillä asiakkailla on sama nimi ja syntymäaika, sähköposti, puhelin tai Y-tunnus kuin asiakkaalla %1. Avataanko jokin niistä, vai yhdistetäänkö se asiakkaaseen %1, jos kyse on samasta henkilöstä?</translation>
    </message>
    <message>
        <source>&amp;Merge into %1…</source>
        <translation>&amp;Yhdistä asiakkaaseen %1…</translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <location filename="../../kkdesk/ui/consent_panel.py" line="-400"/>
        <source>Evidence of the change</source>
        <translation>Muutoksen peruste</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;%1: %2&lt;/b&gt;&lt;br&gt;What is this change based on? Enter the customer's notification: when it was received, how, and where the document is.</source>
        <translation>&lt;b&gt;%1: %2&lt;/b&gt;&lt;br&gt;Mihin muutos perustuu? Kirjaa asiakkaan ilmoitus: milloin se saapui, miten ja missä asiakirja on.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+66"/>
        <source>Received on</source>
        <translation>Saapunut</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>The date the notification reached us, e.g. %1</source>
        <translation>Päivä, jona ilmoitus saapui, esim. %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+59"/>
        <source>Received by</source>
        <translation>Saapumistapa</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>— choose —</source>
        <translation>— valitse —</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+54"/>
        <source>Document reference</source>
        <translation>Asiakirjan viite</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>e.g. the scanned letter's id</source>
        <translation>esim. skannatun kirjeen tunnus</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+50"/>
        <source>Note</source>
        <translation>Huomautus</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>&amp;Received on:</source>
        <translation>&amp;Saapunut:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received &amp;by:</source>
        <translation>Saapumis&amp;tapa:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Document reference:</source>
        <translation>&amp;Asiakirjan viite:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note (optional):</source>
        <translation>&amp;Huomautus (valinnainen):</translation>
    </message>
</context>
<context>
    <name>FieldSet</name>
    <message>
        <location filename="../../kkdesk/ui/fields.py" line="+56"/>
        <source>Problem: %1</source>
        <translation>Ongelma: %1</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../kkdesk/ui/history_panel.py" line="+34"/>
        <source>When</source>
        <translation>Milloin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who</source>
        <translation>Kuka</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field</source>
        <translation>Kenttä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Was</source>
        <translation>Oli</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Now</source>
        <translation>Nyt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Lähde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>Tarkenne</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Contact person: %1</source>
        <translation>Yhteyshenkilö: %1</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location line="+38"/>
        <location line="+17"/>
        <source>Change history</source>
        <translation>Muutoshistoria</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Loading…</source>
        <translation>Ladataan…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No changes recorded.</source>
        <translation>Muutoksia ei ole kirjattu.</translation>
    </message>
    <message>
        <source>Changes of personal data, &amp;newest first:</source>
        <translation>Henkilötietojen muutokset, &amp;uusin ensin:</translation>
    </message>
    <message>
        <source>Customer %1 was merged into %2 on %3 by %4.</source>
        <translation>Asiakas %1 yhdistettiin asiakkaaseen %2 %3 (%4).</translation>
    </message>
</context>
<context>
    <name>LetterDialog</name>
    <message>
        <source>Access letter — customer %1</source>
        <translation>Rekisteriote — asiakas %1</translation>
    </message>
    <message>
        <source>Customer's language</source>
        <translation>Asiakkaan asiointikieli</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Kieli:</translation>
    </message>
    <message>
        <source>Letter status</source>
        <translation>Kirjeen tila</translation>
    </message>
    <message>
        <source>What the letter answers</source>
        <translation>Mihin kirje vastaa</translation>
    </message>
    <message>
        <source>Letter preview</source>
        <translation>Kirjeen esikatselu</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Tulosta…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>Ta&amp;llenna PDF-tiedostoksi…</translation>
    </message>
    <message>
        <source>Your user level does not allow subject-access letters.</source>
        <translation>Käyttäjätasosi ei salli rekisteriotteiden tekemistä.</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>Esikatselua valmistellaan…</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Sivu %1</translation>
    </message>
    <message>
        <source>Customer's language (%1)</source>
        <translation>Asiakkaan asiointikieli (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Preview: %n page(s)</source>
        <translation>
            <numerusform>Esikatselu: %n sivu</numerusform>
            <numerusform>Esikatselu: %n sivua</numerusform>
        </translation>
    </message>
    <message>
        <source>Answers request no. %1, received %2. Print or save it to send it: the letter is then archived on the request and its making is logged.</source>
        <translation>Vastaa pyyntöön nro %1, saapunut %2. Kun kirje tulostetaan tai tallennetaan lähetettäväksi, se arkistoidaan pyynnön yhteyteen ja sen laatiminen kirjataan lokiin.</translation>
    </message>
    <message>
        <source>The customer has no open access request, so the letter will not be archived on one (its making is still logged). Register the request first if it answers one.</source>
        <translation>Asiakkaalla ei ole avointa tarkastuspyyntöä, joten kirjettä ei arkistoida pyynnön yhteyteen (sen laatiminen kirjataan silti lokiin). Jos kirje vastaa pyyntöön, kirjaa pyyntö ensin.</translation>
    </message>
    <message>
        <source>Making the letter…</source>
        <translation>Kirjettä laaditaan…</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>Tulostinta ei voitu käynnistää.</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Tulostettu</translation>
    </message>
    <message>
        <source>Save the letter</source>
        <translation>Tallenna kirje</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-tiedostot (*.pdf)</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>Tiedostoa ei voitu kirjoittaa: %1</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Tallennettu</translation>
    </message>
    <message>
        <source>%1; archived on request %2.</source>
        <translation>%1; arkistoitu pyynnön %2 yhteyteen.</translation>
    </message>
    <message>
        <source>%1 (not archived: no open access request).</source>
        <translation>%1 (ei arkistoitu: ei avointa tarkastuspyyntöä).</translation>
    </message>
    <message>
        <source>The register settings leave these contact details empty, so the letter prints without them: %1</source>
        <translation>Rekisterin tiedoista puuttuvat nämä yhteystiedot, joten kirje tulostuu ilman niitä: %1</translation>
    </message>
    <message>
        <source>An offline snapshot is read-only: print and save from the register.</source>
        <translation>Offline-tilannekuva on vain luettavissa: tulosta ja tallenna rekisteristä.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in to the customer register</source>
        <translation>Kirjaudu asiakasrekisteriin</translation>
    </message>
    <message>
        <source>How the connection is encrypted. verify-full also checks the server's certificate against the CA certificate file below.</source>
        <translation>Miten yhteys salataan. verify-full tarkistaa myös palvelimen varmenteen alla annetun CA-varmennetiedoston avulla.</translation>
    </message>
    <message>
        <source>CA certificate file for verify-full</source>
        <translation>verify-full-tilan CA-varmennetiedosto</translation>
    </message>
    <message>
        <source>Leave empty to use the password saved in the keyring</source>
        <translation>Tyhjänä käytetään tallennettua salasanaa</translation>
    </message>
    <message>
        <source>&amp;Remember the password in the keyring</source>
        <translation>&amp;Muista salasana salasanavarastossa</translation>
    </message>
    <message>
        <source>No keyring is available on this computer: the password is asked each time and never stored.</source>
        <translation>Tällä tietokoneella ei ole salasanavarastoa: salasana kysytään joka kerta eikä sitä tallenneta.</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profiili:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>Pa&amp;lvelin:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ortti:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>Tietok&amp;anta:</translation>
    </message>
    <message>
        <source>&amp;TLS:</source>
        <translation>&amp;TLS:</translation>
    </message>
    <message>
        <source>&amp;CA certificate:</source>
        <translation>&amp;CA-varmenne:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Käyttäjätunnus:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Salasana:</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>Kirjaudu s&amp;isään</translation>
    </message>
    <message>
        <source>Use the &amp;embedded database</source>
        <translation>Käytä sis&amp;äistä tietokantaa</translation>
    </message>
    <message>
        <source>Open the customer register kept on this workstation instead of the central database. The desk opens it directly from then on.</source>
        <translation>Avaa tälle työasemalle tallennettu asiakasrekisteri keskitetyn tietokannan sijaan. Ohjelma avaa sen tästä lähtien suoraan.</translation>
    </message>
    <message>
        <source>No keyring is available on this computer, so the password cannot be remembered: you will be asked for it each time.</source>
        <translation>Tällä tietokoneella ei ole salasanavarastoa, joten salasanaa ei voi muistaa: se kysytään joka kerta.</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>Anna käyttäjätunnuksesi.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Anna salasanasi.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Kirjaudutaan…</translation>
    </message>
    <message>
        <source>Your password expired on %1. Ask an administrator to set a new one.</source>
        <translation>Salasanasi vanheni %1. Pyydä pääkäyttäjää asettamaan uusi.</translation>
    </message>
    <message>
        <source>Your password has expired. Ask an administrator to set a new one.</source>
        <translation>Salasanasi on vanhentunut. Pyydä pääkäyttäjää asettamaan uusi.</translation>
    </message>
    <message>
        <source>The password is wrong. Check it, and that Caps Lock is off.</source>
        <translation>Salasana on väärä. Tarkista se ja että Caps Lock ei ole päällä.</translation>
    </message>
    <message>
        <source>There is no user named %1 in this database. Check the user name.</source>
        <translation>Tietokannassa ei ole käyttäjää %1. Tarkista käyttäjätunnus.</translation>
    </message>
    <message>
        <source>The server refused the user name or password (it does not say which). Check both; if your password has expired, ask an administrator to renew it.</source>
        <translation>Palvelin hylkäsi käyttäjätunnuksen tai salasanan (se ei kerro kumman). Tarkista molemmat; jos salasanasi on vanhentunut, pyydä pääkäyttäjää uusimaan se.</translation>
    </message>
    <message>
        <source>The password saved in the keyring was refused: it may have been changed or have expired. Enter your password.</source>
        <translation>Salasanavarastoon tallennettu salasana hylättiin: se on ehkä vaihdettu tai vanhentunut. Anna salasanasi.</translation>
    </message>
    <message>
        <source>Your account is disabled. Ask an administrator.</source>
        <translation>Käyttäjätunnuksesi on poistettu käytöstä. Ota yhteys pääkäyttäjään.</translation>
    </message>
    <message>
        <source>Your database user has no kkdesk user level. Ask an administrator to give you one.</source>
        <translation>Tietokantakäyttäjälläsi ei ole kkdeskin käyttäjätasoa. Pyydä pääkäyttäjää antamaan sinulle taso.</translation>
    </message>
    <message>
        <source>No password is saved in the keyring for this user: enter it.</source>
        <translation>Tälle käyttäjälle ei ole tallennettu salasanaa salasanavarastoon: anna se.</translation>
    </message>
    <message>
        <source>The database server cannot be reached. Check the host, the port and the network.</source>
        <translation>Tietokantapalvelimeen ei saada yhteyttä. Tarkista palvelin, portti ja verkkoyhteys.</translation>
    </message>
    <message>
        <source>The server's identity could not be verified (TLS). Check the CA certificate file and the host name, or ask an administrator.</source>
        <translation>Palvelimen aitoutta ei voitu varmistaa (TLS). Tarkista CA-varmennetiedosto ja palvelimen nimi tai ota yhteys pääkäyttäjään.</translation>
    </message>
    <message>
        <source>The central database needs an upgrade first; ask an administrator to run 'kkdesk db upgrade'.</source>
        <translation>Keskitetty tietokanta on ensin päivitettävä; pyydä pääkäyttäjää ajamaan 'kkdesk db upgrade'.</translation>
    </message>
    <message>
        <source>No keyring is available on this computer: the password is asked each time.</source>
        <translation>Tällä tietokoneella ei ole salasanavarastoa: salasana kysytään joka kerta.</translation>
    </message>
    <message>
        <source>The keyring refused the request; the password was not saved.</source>
        <translation>Salasanavarasto hylkäsi pyynnön; salasanaa ei tallennettu.</translation>
    </message>
    <message>
        <source>Provided by IT</source>
        <translation>IT-tuen antama</translation>
    </message>
    <message>
        <source>Provided by IT: its connection details cannot be changed here.</source>
        <translation>IT-tuen antama: yhteyden tietoja ei voi muuttaa täällä.</translation>
    </message>
    <message>
        <source>Show co&amp;nnection details</source>
        <translation>Näytä &amp;yhteyden tiedot</translation>
    </message>
    <message>
        <source>Hide co&amp;nnection details</source>
        <translation>Piilota &amp;yhteyden tiedot</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kkdesk/ui/main_window.py" line="+104"/>
        <source>Purpose</source>
        <translation>Käyttötarkoitus</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Purpose of use</source>
        <translation>Käyttötarkoitus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why you open records: written in the audit trail with every read.</source>
        <translation>Miksi avaat tietoja: kirjataan lokiin jokaisen katselun yhteydessä.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>P&amp;urpose of use:</source>
        <translation>&amp;Käyttötarkoitus:</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&amp;File</source>
        <translation>&amp;Tiedosto</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New &amp;person</source>
        <translation>Uusi &amp;henkilö</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New &amp;company</source>
        <translation>Uusi &amp;yritys</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Save</source>
        <translation>&amp;Tallenna</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Asetukset…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;Lopeta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Customer</source>
        <translation>&amp;Asiakas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Find customer</source>
        <translation>&amp;Hae asiakasta</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Open selected</source>
        <translation>&amp;Avaa valittu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Reload</source>
        <translation>Päi&amp;vitä</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Find &amp;duplicates</source>
        <translation>Etsi &amp;kaksoiskappaleet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Close customer</source>
        <translation>&amp;Sulje asiakas</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose &amp;purpose of use</source>
        <translation>Valitse käyttötarko&amp;itus</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Next tab</source>
        <translation>S&amp;euraava välilehti</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pre&amp;vious tab</source>
        <translation>E&amp;dellinen välilehti</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Help</source>
        <translation>&amp;Ohje</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Pikanäppäimet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;About kkdesk</source>
        <translation>&amp;Tietoja kkdeskistä</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Database and user</source>
        <translation>Tietokanta ja käyttäjä</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Embedded database %1 · you work as the local user %2 · level %3 (from settings)</source>
        <translation>Sisäinen tietokanta %1 · toimit paikallisena käyttäjänä %2 · taso %3 (asetuksista)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Database %1 · user %2 · level %3</source>
        <translation>Tietokanta %1 · käyttäjä %2 · taso %3</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Settings saved; they take effect when you next start the desk.</source>
        <translation>Asetukset tallennettu; ne tulevat voimaan, kun käynnistät ohjelman seuraavan kerran.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Move from the search field to the results</source>
        <translation>Siirry hakukentästä tuloksiin</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Down</source>
        <translation>Alas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the selected result</source>
        <translation>Avaa valittu tulos</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <source>Keyboard shortcuts</source>
        <translation>Pikanäppäimet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>Toiminto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>Näppäimet</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>About kkdesk</source>
        <translation>Tietoja kkdeskistä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kkdesk %1 — Konekesko Webshop customer register.</source>
        <translation>kkdesk %1 — Konekesko Webshopin asiakasrekisteri.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>kkdesk</source>
        <translation>kkdesk</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>embedded database · local user %1 · level %2</source>
        <translation>sisäinen tietokanta · paikallinen käyttäjä %1 · taso %2</translation>
    </message>
    <message>
        <source>Your user level (%1) does not allow this.</source>
        <translation>Käyttäjätasosi (%1) ei salli tätä.</translation>
    </message>
    <message>
        <source>&amp;Marketing export…</source>
        <translation>&amp;Markkinointipoiminta…</translation>
    </message>
    <message>
        <source>Search re&amp;sults</source>
        <translation>Haku&amp;tulokset</translation>
    </message>
    <message>
        <source>Access &amp;letter…</source>
        <translation>&amp;Rekisteriote…</translation>
    </message>
    <message>
        <source>Data-subject re&amp;quests…</source>
        <translation>Rekisteröidyn p&amp;yynnöt…</translation>
    </message>
    <message>
        <source>Anywhere</source>
        <translation>Kaikkialla</translation>
    </message>
    <message>
        <source>Go to a field or button</source>
        <translation>Siirry kenttään tai painikkeeseen</translation>
    </message>
    <message>
        <source>Alt + underlined letter</source>
        <translation>Alt + alleviivattu kirjain</translation>
    </message>
    <message>
        <source>Open a menu</source>
        <translation>Avaa valikko</translation>
    </message>
    <message>
        <source>Alt + underlined letter, or F10</source>
        <translation>Alt + alleviivattu kirjain tai F10</translation>
    </message>
    <message>
        <source>Next or previous field</source>
        <translation>Seuraava tai edellinen kenttä</translation>
    </message>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation>Sarkain, Vaihto+Sarkain</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Valikko</translation>
    </message>
    <message>
        <source>Re&amp;gister settings…</source>
        <translation>Re&amp;kisterin tiedot…</translation>
    </message>
    <message>
        <source>The database is working</source>
        <translation>Tietokanta työskentelee</translation>
    </message>
    <message>
        <source>The database is working…</source>
        <translation>Tietokanta työskentelee…</translation>
    </message>
    <message>
        <source>Open a customer first (search, then Enter).</source>
        <translation>Avaa ensin asiakas (hae ja paina Enter).</translation>
    </message>
    <message>
        <source>Save the new customer first.</source>
        <translation>Tallenna ensin uusi asiakas.</translation>
    </message>
    <message>
        <source>Nothing to save: no customer is open.</source>
        <translation>Ei tallennettavaa: yhtään asiakasta ei ole auki.</translation>
    </message>
    <message>
        <source>Nothing to save: there are no changes, or a save is running.</source>
        <translation>Ei tallennettavaa: muutoksia ei ole, tai tallennus on käynnissä.</translation>
    </message>
    <message>
        <source>An offline snapshot is read-only.</source>
        <translation>Offline-tilannekuva on vain luettavissa.</translation>
    </message>
    <message>
        <source>Take selected customers o&amp;ffline…</source>
        <translation>Vie valitut asiakkaat o&amp;ffline-käyttöön…</translation>
    </message>
    <message>
        <source>Offline snapshot %1 · made by %2 from %3 · level %4</source>
        <translation>Offline-tilannekuva %1 · tehnyt %2 tietokannasta %3 · taso %4</translation>
    </message>
    <message>
        <source>Offline snapshot of %1, read-only — expires %2</source>
        <translation>Offline-tilannekuva %1, vain luku — vanhenee %2</translation>
    </message>
    <message>
        <source>Select the customers to take offline in the search results first.</source>
        <translation>Valitse ensin hakutuloksista asiakkaat, jotka viedään offline-käyttöön.</translation>
    </message>
    <message>
        <source>Opening the snapshot…</source>
        <translation>Avataan tilannekuvaa…</translation>
    </message>
    <message>
        <source>%1 customer(s) opened offline were recorded in the audit trail.</source>
        <translation>Offline-tilassa avatut asiakkaat (%1) kirjattiin lokiin.</translation>
    </message>
    <message>
        <source>offline snapshot (read-only)</source>
        <translation>offline-tilannekuva (vain luku)</translation>
    </message>
    <message>
        <source>No backup yet</source>
        <translation>Ei varmuuskopiota</translation>
    </message>
    <message>
        <source>Backup is old</source>
        <translation>Varmuuskopio on vanha</translation>
    </message>
    <message>
        <source>This register has never been backed up: run 'kkdesk backup -o FILE'.</source>
        <translation>Tätä rekisteriä ei ole koskaan varmuuskopioitu: aja 'kkdesk backup -o TIEDOSTO'.</translation>
    </message>
    <message>
        <source>The last backup of this register is from %1: run 'kkdesk backup -o FILE'.</source>
        <translation>Rekisterin viimeisin varmuuskopio on ajalta %1: aja 'kkdesk backup -o TIEDOSTO'.</translation>
    </message>
    <message>
        <source>A backup is a consistent copy, safe to take while the desk is open.</source>
        <translation>Varmuuskopio on yhtenäinen kopio, jonka voi ottaa työpöydän ollessa auki.</translation>
    </message>
    <message>
        <source>Cop&amp;y customer number</source>
        <translation>Kopioi asiakas&amp;numero</translation>
    </message>
    <message>
        <source>Customer number %1 copied.</source>
        <translation>Asiakasnumero %1 kopioitu.</translation>
    </message>
    <message>
        <source>Open s&amp;napshot…</source>
        <translation>Avaa t&amp;ilannekuva…</translation>
    </message>
    <message>
        <source>Bac&amp;k</source>
        <translation>Edel&amp;linen asiakas</translation>
    </message>
    <message>
        <source>For&amp;ward</source>
        <translation>Se&amp;uraava asiakas</translation>
    </message>
    <message>
        <source>Recen&amp;t customers…</source>
        <translation>Vii&amp;meksi avatut asiakkaat…</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Siirtyminen</translation>
    </message>
    <message>
        <source>Recent customers</source>
        <translation>Viimeksi avatut asiakkaat</translation>
    </message>
    <message>
        <source>No recent customer %1 in this session.</source>
        <translation>Tässä istunnossa ei ole viimeksi avattua asiakasta %1.</translation>
    </message>
    <message>
        <source>No earlier customer: Back goes to the customers opened before this one.</source>
        <translation>Ei aiempaa asiakasta: Edellinen asiakas avaa tätä ennen avatut asiakkaat.</translation>
    </message>
    <message>
        <source>No later customer: Forward works after Back.</source>
        <translation>Ei myöhempää asiakasta: Seuraava asiakas toimii, kun olet ensin palannut edelliseen.</translation>
    </message>
    <message>
        <source>Open %1 again (an audited read, like any opening).</source>
        <translation>Avaa %1 uudelleen (kirjataan lokiin kuten jokainen avaus).</translation>
    </message>
    <message>
        <source>No customers opened yet in this session.</source>
        <translation>Tässä istunnossa ei ole vielä avattu asiakkaita.</translation>
    </message>
    <message>
        <source>Open a recent customer</source>
        <translation>Avaa viimeksi avattu asiakas</translation>
    </message>
    <message>
        <source>Ctrl+1 … Ctrl+9</source>
        <translation>Ctrl+1 … Ctrl+9</translation>
    </message>
    <message>
        <source>Import &amp;address updates…</source>
        <translation>Tuo &amp;osoitepäivitykset…</translation>
    </message>
    <message>
        <source>&amp;Retention…</source>
        <translation>&amp;Säilytysajat…</translation>
    </message>
    <message>
        <source>Restr&amp;ict processing (Art. 18)…</source>
        <translation>Ra&amp;joita käsittelyä (18 art.)…</translation>
    </message>
    <message>
        <source>Lift the restriction of processin&amp;g…</source>
        <translation>P&amp;oista käsittelyn rajoitus…</translation>
    </message>
    <message>
        <source>An offline copy cannot be changed.</source>
        <translation>Offline-kopiota ei voi muuttaa.</translation>
    </message>
    <message>
        <source>The processing of this customer is already restricted.</source>
        <translation>Tämän asiakkaan käsittely on jo rajoitettu.</translation>
    </message>
    <message>
        <source>The processing of this customer is not restricted.</source>
        <translation>Tämän asiakkaan käsittelyä ei ole rajoitettu.</translation>
    </message>
    <message>
        <source>Restriction lifted.</source>
        <translation>Rajoitus poistettu.</translation>
    </message>
    <message>
        <source>Processing restricted.</source>
        <translation>Käsittely rajoitettu.</translation>
    </message>
    <message>
        <source>The customers were merged; %1 is open.</source>
        <translation>Asiakkaat yhdistettiin; %1 on auki.</translation>
    </message>
</context>
<context>
    <name>MarketingExportDialog</name>
    <message>
        <location filename="../../kkdesk/ui/marketing_export_dialog.py" line="+40"/>
        <source>Direct advertising</source>
        <translation>Suoramainonta</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Distance selling</source>
        <translation>Etämyynti</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Other direct marketing</source>
        <translation>Muu suoramarkkinointi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Market and opinion research</source>
        <translation>Markkina- ja mielipidetutkimus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Person directories</source>
        <translation>Henkilömatrikkelit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Genealogy research</source>
        <translation>Sukututkimus</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Post</source>
        <translation>Posti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>Sähköposti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMS</source>
        <translation>Tekstiviesti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Puhelin</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>customer number, name, street address, postal code, post office, country, language</source>
        <translation>asiakasnumero, nimi, katuosoite, postinumero, postitoimipaikka, maa, kieli</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>customer number, name, e-mail address, language</source>
        <translation>asiakasnumero, nimi, sähköpostiosoite, kieli</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>customer number, name, mobile number, language</source>
        <translation>asiakasnumero, nimi, matkapuhelinnumero, kieli</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Save marketing export</source>
        <translation>Tallenna markkinointipoiminta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-tiedostot (*.csv)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Marketing export</source>
        <translation>Markkinointipoiminta</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file contains exactly the customers whose prohibitions and consents allow this purpose on this channel. E-mail and SMS need consent; an objection or a restriction stops everything. The export is recorded as a disclosure.</source>
        <translation>Tiedostossa ovat täsmälleen ne asiakkaat, joiden kiellot ja suostumukset sallivat tämän käyttötarkoituksen tällä kanavalla. Sähköposti ja tekstiviesti edellyttävät suostumusta; vastustaminen tai käsittelyn rajoittaminen estää kaiken. Poiminta kirjataan luovutukseksi.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Purpose</source>
        <translation>Käyttötarkoitus</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Channel</source>
        <translation>Kanava</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recipient</source>
        <translation>Vastaanottaja</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Who receives the file, e.g. the mailing house; recorded in the disclosure.</source>
        <translation>Kuka tiedoston saa, esim. postitusyritys; kirjataan luovutukseen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Customers in the file</source>
        <translation>Asiakkaita tiedostossa</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Purpose:</source>
        <translation>&amp;Käyttötarkoitus:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Channel:</source>
        <translation>K&amp;anava:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Recipient:</source>
        <translation>&amp;Vastaanottaja:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Columns:</source>
        <translation>Sarakkeet:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers in the file:</source>
        <translation>Asiakkaita tiedostossa:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Save as…</source>
        <translation>&amp;Tallenna nimellä…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Your user level does not allow marketing exports.</source>
        <translation>Käyttäjätasosi ei salli markkinointipoimintoja.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>counting…</source>
        <translation>lasketaan…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Saving…</source>
        <translation>Tallennetaan…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Saved %1 customers to %2 and recorded it as disclosure %3.</source>
        <translation>Tallennettiin %1 asiakasta tiedostoon %2 ja kirjattiin luovutukseksi %3.</translation>
    </message>
    <message>
        <source>Cancel e&amp;xport</source>
        <translation>Ke&amp;skeytä poiminta</translation>
    </message>
    <message>
        <source>Stop saving: no file is written and no disclosure is recorded.</source>
        <translation>Lopeta tallennus: tiedostoa ei kirjoiteta eikä luovutusta kirjata.</translation>
    </message>
    <message>
        <source>The export is being saved.</source>
        <translation>Poimintaa tallennetaan parhaillaan.</translation>
    </message>
    <message>
        <source>Wait until the customers in the file have been counted.</source>
        <translation>Odota, kunnes tiedoston asiakkaat on laskettu.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Keskeytetään…</translation>
    </message>
    <message>
        <source>%1 of %2 customers</source>
        <translation>%1 / %2 asiakasta</translation>
    </message>
    <message>
        <source>Export cancelled: no file was saved and no disclosure was recorded.</source>
        <translation>Poiminta keskeytettiin: tiedostoa ei tallennettu eikä luovutusta kirjattu.</translation>
    </message>
</context>
<context>
    <name>NewRequestDialog</name>
    <message>
        <source>New data-subject request</source>
        <translation>Uusi rekisteröidyn pyyntö</translation>
    </message>
    <message>
        <source>e.g. passport checked at the counter</source>
        <translation>esim. passi tarkistettu tiskillä</translation>
    </message>
    <message>
        <source>you (%1)</source>
        <translation>sinä (%1)</translation>
    </message>
    <message>
        <source>The deadline is one calendar month from the day the request was received.</source>
        <translation>Määräaika on kalenterikuukausi pyynnön saapumispäivästä.</translation>
    </message>
    <message>
        <source>C&amp;ustomer number:</source>
        <translation>A&amp;siakasnumero:</translation>
    </message>
    <message>
        <source>&amp;Request:</source>
        <translation>&amp;Pyyntö:</translation>
    </message>
    <message>
        <source>R&amp;eceived on:</source>
        <translation>Saapu&amp;nut:</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>&amp;Kanava:</translation>
    </message>
    <message>
        <source>&amp;Identity checked how:</source>
        <translation>Henkilöllisyyden &amp;tarkistustapa:</translation>
    </message>
    <message>
        <source>Checked &amp;by:</source>
        <translation>Tarkist&amp;aja:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Huomautus:</translation>
    </message>
    <message>
        <source>only if not a customer</source>
        <translation>vain jos ei asiakas</translation>
    </message>
    <message>
        <source>street, postal code and town</source>
        <translation>katuosoite, postinumero ja -toimipaikka</translation>
    </message>
    <message>
        <source>Requester's na&amp;me:</source>
        <translation>Pyytäjän ni&amp;mi:</translation>
    </message>
    <message>
        <source>Requester's addre&amp;ss:</source>
        <translation>Pyytäjän o&amp;soite:</translation>
    </message>
</context>
<context>
    <name>RequestsModel</name>
    <message>
        <source>Deadline</source>
        <translation>Määräaika</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Päiviä jäljellä</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Pyyntö</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Asiakas</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Saapunut</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanava</translation>
    </message>
    <message>
        <source>Identity checked</source>
        <translation>Henkilöllisyyden tarkistus</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tila</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>Kirjeet</translation>
    </message>
    <message>
        <source>1 day late</source>
        <translation>1 päivä myöhässä</translation>
    </message>
    <message>
        <source>%1 days late</source>
        <translation>%1 päivää myöhässä</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>erääntyy tänään</translation>
    </message>
    <message>
        <source>Done %1</source>
        <translation>Valmis %1</translation>
    </message>
    <message>
        <source>Refused %1</source>
        <translation>Hylätty %1</translation>
    </message>
    <message>
        <source>Open, extended</source>
        <translation>Avoin, pidennetty</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Avoin</translation>
    </message>
    <message>
        <source>Extended by two months: %1</source>
        <translation>Pidennetty kahdella kuukaudella: %1</translation>
    </message>
    <message>
        <source>One month from receipt; may be extended once by two months.</source>
        <translation>Kuukausi saapumisesta; voidaan pidentää kerran kahdella kuukaudella.</translation>
    </message>
    <message>
        <source>%1: %2, 1 page, SHA-256 %3…</source>
        <translation>%1: %2, 1 sivu, SHA-256 %3…</translation>
    </message>
    <message>
        <source>%1: %2, %4 pages, SHA-256 %3…</source>
        <translation>%1: %2, %4 sivua, SHA-256 %3…</translation>
    </message>
    <message>
        <source>(erased)</source>
        <translation>(poistettu)</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>ei kirjattu</translation>
    </message>
</context>
<context>
    <name>RequestsPanel</name>
    <message>
        <source>Requests</source>
        <translation>Pyynnöt</translation>
    </message>
</context>
<context>
    <name>RequestsWidget</name>
    <message>
        <source>Data-subject requests</source>
        <translation>Rekisteröityjen pyynnöt</translation>
    </message>
    <message>
        <source>Sho&amp;w closed requests</source>
        <translation>Näytä &amp;suljetut pyynnöt</translation>
    </message>
    <message>
        <source>&amp;New request…</source>
        <translation>&amp;Uusi pyyntö…</translation>
    </message>
    <message>
        <source>Access &amp;letter…</source>
        <translation>&amp;Rekisteriote…</translation>
    </message>
    <message>
        <source>E&amp;xtend…</source>
        <translation>Pi&amp;dennä…</translation>
    </message>
    <message>
        <source>Cl&amp;ose…</source>
        <translation>Sul&amp;je…</translation>
    </message>
    <message>
        <source>&amp;Print all open access letters…</source>
        <translation>Tu&amp;losta kaikkien avointen tarkastuspyyntöjen otteet…</translation>
    </message>
    <message>
        <source>Deadline colours: &lt;span style='background:%1'&gt;&amp;nbsp;overdue&amp;nbsp;&lt;/span&gt; &lt;span style='background:%2'&gt;&amp;nbsp;a week or less&amp;nbsp;&lt;/span&gt; &lt;span style='background:%3'&gt;&amp;nbsp;two weeks or less&amp;nbsp;&lt;/span&gt;</source>
        <translation>Määräajan värit: &lt;span style='background:%1'&gt;&amp;nbsp;myöhässä&amp;nbsp;&lt;/span&gt; &lt;span style='background:%2'&gt;&amp;nbsp;viikko tai alle&amp;nbsp;&lt;/span&gt; &lt;span style='background:%3'&gt;&amp;nbsp;kaksi viikkoa tai alle&amp;nbsp;&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Your user level does not allow handling data-subject requests.</source>
        <translation>Käyttäjätasosi ei salli rekisteröityjen pyyntöjen käsittelyä.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Ladataan…</translation>
    </message>
    <message>
        <source>1 open request</source>
        <translation>1 avoin pyyntö</translation>
    </message>
    <message>
        <source>%1 open requests</source>
        <translation>%1 avointa pyyntöä</translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n myöhässä</numerusform>
            <numerusform>%n myöhässä</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a request of a customer first.</source>
        <translation>Valitse ensin asiakkaan pyyntö.</translation>
    </message>
    <message>
        <source>Choose an open request first.</source>
        <translation>Valitse ensin avoin pyyntö.</translation>
    </message>
    <message>
        <source>Extend the deadline</source>
        <translation>Pidennä määräaikaa</translation>
    </message>
    <message>
        <source>Why does the request need two more months? (The requester must be told.)</source>
        <translation>Miksi pyyntö tarvitsee kaksi kuukautta lisää? (Syy on kerrottava pyytäjälle.)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Valmis</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Hylätty</translation>
    </message>
    <message>
        <source>Close the request</source>
        <translation>Sulje pyyntö</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>Lopputulos:</translation>
    </message>
    <message>
        <source>What was done, or why it was refused:</source>
        <translation>Mitä tehtiin, tai miksi pyyntö hylättiin:</translation>
    </message>
    <message>
        <source>Folder for the letters</source>
        <translation>Kirjeiden kansio</translation>
    </message>
    <message>
        <source>Making the letters of every open access request…</source>
        <translation>Laaditaan kaikkien avointen tarkastuspyyntöjen kirjeitä…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Pysäytä</translation>
    </message>
    <message>
        <source>Access letters</source>
        <translation>Rekisteriotteet</translation>
    </message>
    <message>
        <source>1 letter written to %1</source>
        <translation>1 kirje kirjoitettu kansioon %1</translation>
    </message>
    <message>
        <source>%2 letters written to %1</source>
        <translation>%2 kirjettä kirjoitettu kansioon %1</translation>
    </message>
    <message>
        <source>stopped: %2 of %3 letters written to %1</source>
        <translation>keskeytetty: %2/%3 kirjettä kirjoitettu kansioon %1</translation>
    </message>
    <message>
        <source>Le&amp;tters…</source>
        <translation>Kirj&amp;eet…</translation>
    </message>
    <message>
        <source>Every step's letter of the selected request, and how each was sent</source>
        <translation>Valitun pyynnön kunkin vaiheen kirjeet ja miten kukin lähetettiin</translation>
    </message>
    <message>
        <source>Notices of other so&amp;urces…</source>
        <translation>&amp;Ilmoitukset muista lähteistä…</translation>
    </message>
    <message>
        <source>Notices to people whose data came from a public source, a partner or an update service (GDPR Art. 14)</source>
        <translation>Ilmoitukset henkilöille, joiden tiedot saatiin julkisesta lähteestä, yhteistyökumppanilta tai päivityspalvelusta (tietosuoja-asetuksen 14 artikla)</translation>
    </message>
    <message>
        <source>Choose a request first.</source>
        <translation>Valitse ensin pyyntö.</translation>
    </message>
    <message>
        <source>Looking for data obtained from other sources…</source>
        <translation>Haetaan muista lähteistä saatuja tietoja…</translation>
    </message>
    <message>
        <source>Notices of other sources</source>
        <translation>Ilmoitukset muista lähteistä</translation>
    </message>
    <message>
        <source>Nobody is due a notice: all data obtained from other sources in the last three months has been notified.</source>
        <translation>Kenellekään ei tarvitse lähettää ilmoitusta: kaikista kolmen viime kuukauden aikana muista lähteistä saaduista tiedoista on ilmoitettu.</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) are due a notice of data obtained from another source (GDPR Art. 14: within a month of obtaining it).</source>
        <translation>
            <numerusform>%n henkilölle on lähetettävä ilmoitus muualta saaduista tiedoista (tietosuoja-asetuksen 14 artikla: kuukauden kuluessa tietojen saamisesta).</numerusform>
            <numerusform>%n henkilölle on lähetettävä ilmoitus muualta saaduista tiedoista (tietosuoja-asetuksen 14 artikla: kuukauden kuluessa tietojen saamisesta).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them overdue.</source>
        <translation>
            <numerusform>Niistä %n on myöhässä.</numerusform>
            <numerusform>Niistä %n on myöhässä.</numerusform>
        </translation>
    </message>
    <message>
        <source>Make their notices into a folder?</source>
        <translation>Laaditaanko heidän ilmoituksensa kansioon?</translation>
    </message>
    <message>
        <source>Folder for the notices</source>
        <translation>Ilmoitusten kansio</translation>
    </message>
    <message>
        <source>Making the notices…</source>
        <translation>Laaditaan ilmoituksia…</translation>
    </message>
    <message numerus="yes">
        <source>%n notice(s) written to %1</source>
        <translation>
            <numerusform>%n ilmoitus kirjoitettu kansioon %1</numerusform>
            <numerusform>%n ilmoitusta kirjoitettu kansioon %1</numerusform>
        </translation>
    </message>
    <message>
        <source>An offline snapshot is read-only.</source>
        <translation>Offline-tilannekuva on vain luettavissa.</translation>
    </message>
    <message>
        <source>Deadline extended: send the extension notice (Letters…) within the first month.</source>
        <translation>Määräaikaa pidennetty: lähetä ilmoitus pidentämisestä (Kirjeet…) ensimmäisen kuukauden aikana.</translation>
    </message>
    <message>
        <source>Request %1</source>
        <translation>Pyyntö %1</translation>
    </message>
    <message>
        <source>The objection to direct marketing of customer %1 is recorded: no marketing reaches them from now on.</source>
        <translation>Asiakkaan %1 suoramarkkinoinnin vastustus on kirjattu: markkinointia ei enää kohdisteta häneen.</translation>
    </message>
    <message>
        <source>Record the objection?</source>
        <translation>Kirjataanko vastustus?</translation>
    </message>
    <message>
        <source>An objection to direct marketing takes effect at once. Record it in the prohibitions of customer %1 now, with this request (received %2) as its evidence?</source>
        <translation>Suoramarkkinoinnin vastustus tulee voimaan heti. Kirjataanko se nyt asiakkaan %1 kieltoihin niin, että tämä pyyntö (saapunut %2) on sen perusteena?</translation>
    </message>
    <message>
        <source>I&amp;dentity…</source>
        <translation>Henkilöllis&amp;yys…</translation>
    </message>
    <message>
        <source>Record how the requester's identity was checked (needed for a copy)</source>
        <translation>Kirjaa, miten pyytäjän henkilöllisyys tarkistettiin (jäljennös edellyttää sitä)</translation>
    </message>
    <message>
        <source>No letter for customers %1: their records are damaged (a value kkdesk does not know); ask an administrator to correct them.</source>
        <translation>Asiakkaille %1 ei tehty kirjettä: heidän tietueensa ovat vioittuneet (arvo, jota kkdesk ei tunne); pyydä ylläpitäjää korjaamaan ne.</translation>
    </message>
</context>
<context>
    <name>RequestsWindow</name>
    <message>
        <source>Data-subject requests</source>
        <translation>Rekisteröityjen pyynnöt</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../kkdesk/ui/timeline_panel.py" line="+630"/>
        <source>Record a return — order %1</source>
        <translation>Kirjaa palautus — tilaus %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How many of each line does the customer return? At most what was delivered minus what has already been returned.</source>
        <translation>Montako kutakin riviä asiakas palauttaa? Enintään toimitettu määrä vähennettynä jo palautetulla.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Product</source>
        <translation>Tuote</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ordered</source>
        <translation>Tilattu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delivered</source>
        <translation>Toimitettu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned</source>
        <translation>Palautettu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Return now</source>
        <translation>Palautetaan nyt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Order lines to return</source>
        <translation>Palautettavat tilausrivit</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Return now: %1</source>
        <translation>Palautetaan nyt: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing of this line can be returned.</source>
        <translation>Tältä riviltä ei voi palauttaa mitään.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>e.g. wrong size, arrived broken</source>
        <translation>esim. väärä koko, tuli rikki</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Syy:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Record return</source>
        <translation>Kirjaa palautus</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Nothing of this order can be returned: it has not been delivered, or everything delivered has been returned already.</source>
        <translation>Tästä tilauksesta ei voi palauttaa mitään: sitä ei ole toimitettu, tai kaikki toimitettu on jo palautettu.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Saving…</source>
        <translation>Tallennetaan…</translation>
    </message>
    <message>
        <source>Order %1 of %2, %3 including VAT</source>
        <translation>Tilaus %1, %2, yhteensä %3 sis. alv</translation>
    </message>
    <message>
        <source>Value of the returned items: %1 including VAT</source>
        <translation>Palautettavien tuotteiden arvo: %1 sis. alv</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../kkdesk/ui/search_panel.py" line="+59"/>
        <source>&amp;Search:</source>
        <translation>&amp;Haku:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search customers</source>
        <translation>Hae asiakkaita</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Search results</source>
        <translation>Hakutulokset</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Search status</source>
        <translation>Haun tila</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>No customers found.</source>
        <translation>Asiakkaita ei löytynyt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 customers shown; scroll down for more.</source>
        <translation>%1 asiakasta näytetään; vieritä alas nähdäksesi lisää.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 customers found.</source>
        <translation>%1 asiakasta löytyi.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Searching…</source>
        <translation>Haetaan…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Type to search. Enter opens the selected customer.</source>
        <translation>Kirjoita hakeaksesi. Enter avaa valitun asiakkaan.</translation>
    </message>
    <message>
        <source>1 customer found.</source>
        <translation>1 asiakas löytyi.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name, customer number, contact person, street, phone…</source>
        <translation>Nimi, asiakasnumero, yhteyshenkilö, katuosoite, puhelin…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name in either order, any word of a name, contact person, street, post office, customer number, e-mail, phone, postal code or business ID. Press Down to move to the results.</source>
        <translation>Nimi kummin päin tahansa, mikä tahansa nimen sana, yhteyshenkilö, katuosoite, postitoimipaikka, asiakasnumero, sähköposti, puhelin, postinumero tai Y-tunnus. Alas-nuoli siirtää tuloksiin.</translation>
    </message>
    <message>
        <source>Words this short search only part of the register: type more letters.</source>
        <translation>Näin lyhyet sanat hakevat vain osasta rekisteriä: kirjoita lisää kirjaimia.</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <location filename="../../kkdesk/ui/search_model.py" line="+67"/>
        <source>Number</source>
        <translation>Numero</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postal code</source>
        <translation>Postinumero</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post office</source>
        <translation>Postitoimipaikka</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Puhelin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>Sähköposti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Tyyppi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Person</source>
        <translation>Henkilö</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Company</source>
        <translation>Yritys</translation>
    </message>
    <message>
        <source>%1 (contact person: %2)</source>
        <translation>%1 (yhteyshenkilö: %2)</translation>
    </message>
    <message>
        <source>%1 (street: %2)</source>
        <translation>%1 (katuosoite: %2)</translation>
    </message>
    <message>
        <source>⚠ Damaged record</source>
        <translation>⚠ Vioittunut tietue</translation>
    </message>
    <message>
        <source>Processing restricted (GDPR Art. 18): the data is only stored. It can be read; changes, exports, marketing, letters to others and new orders are refused.</source>
        <translation>Käsittely rajoitettu (tietosuoja-asetuksen 18 artikla): tiedot vain säilytetään. Niitä voi lukea; muutokset, viennit, markkinointi, kirjeet muille ja uudet tilaukset estetään.</translation>
    </message>
    <message>
        <source>%1 — processing restricted</source>
        <translation>%1 — käsittely rajoitettu</translation>
    </message>
    <message>
        <source>%1 (%2 was merged into this customer)</source>
        <translation>%1 (%2 yhdistetty tähän asiakkaaseen)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../kkdesk/ui/settings_dialog.py" line="+27"/>
        <source>Settings</source>
        <translation>Asetukset</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Language</source>
        <translation>Kieli</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow the system</source>
        <translation>Järjestelmän mukaan</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Language:</source>
        <translation>&amp;Kieli:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>User level on the embedded database</source>
        <translation>Käyttäjätaso sisäisessä tietokannassa</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>User &amp;level on the embedded database:</source>
        <translation>Käyttäjä&amp;taso sisäisessä tietokannassa:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>On the central database your level is your database role.</source>
        <translation>Keskitetyssä tietokannassa tasosi on tietokantaroolisi.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Changes take effect when you next start the desk.</source>
        <translation>Muutokset tulevat voimaan, kun käynnistät ohjelman seuraavan kerran.</translation>
    </message>
</context>
<context>
    <name>SourceDialog</name>
    <message>
        <location filename="../../kkdesk/ui/dialogs.py" line="-105"/>
        <source>Source of the data</source>
        <translation>Tietojen lähde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where did this data come from?</source>
        <translation>Mistä nämä tiedot saatiin?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Changed fields</source>
        <translation>Muuttuneet kentät</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field</source>
        <translation>Kenttä</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Was</source>
        <translation>Oli</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Now</source>
        <translation>Nyt</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Source</source>
        <translation>Lähde</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Details of the source</source>
        <translation>Lähteen tarkenne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. letter of 3 March, ticket 1234</source>
        <translation>esim. kirje 3.3., tiketti 1234</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Source:</source>
        <translation>&amp;Lähde:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Details:</source>
        <translation>&amp;Tarkenne:</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../../kkdesk/ui/timeline_panel.py" line="-495"/>
        <source>When</source>
        <translation>Milloin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event</source>
        <translation>Tapahtuma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number</source>
        <translation>Numero</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>Mitä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount incl. VAT</source>
        <translation>Summa sis. alv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Tila</translation>
    </message>
    <message>
        <location line="+124"/>
        <source>Order</source>
        <translation>Tilaus</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+32"/>
        <source>Including VAT %1</source>
        <translation>Sisältää alv:n %1</translation>
    </message>
    <message>
        <source>1 open return</source>
        <translation>1 avoin palautus</translation>
    </message>
    <message>
        <source>%1 open returns</source>
        <translation>%1 avointa palautusta</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <location line="+429"/>
        <source>Show:</source>
        <translation>Näytä:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Product or order number</source>
        <translation>Tuote tai tilausnumero</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by product or order number</source>
        <translation>Suodata tuotteen tai tilausnumeron mukaan</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>From date</source>
        <translation>Alkupäivä</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>To date</source>
        <translation>Loppupäivä</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open items only</source>
        <translation>&amp;Vain avoimet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Orders not yet delivered and returns not yet refunded</source>
        <translation>Tilaukset, joita ei ole vielä toimitettu, ja palautukset, joita ei ole vielä hyvitetty</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;To:</source>
        <translation>A&amp;sti:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Orders, deliveries and returns</source>
        <translation>Tilaukset, toimitukset ja palautukset</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Details of the selected event</source>
        <translation>Valitun tapahtuman tiedot</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Record &amp;return…</source>
        <translation>Kirjaa pala&amp;utus…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mark &amp;delivered</source>
        <translation>&amp;Merkitse toimitetuksi</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Orders</source>
        <translation>Tilaukset</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Loading…</source>
        <translation>Ladataan…</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>No orders.</source>
        <translation>Ei tilauksia.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No events match the filter.</source>
        <translation>Suodatinta vastaavia tapahtumia ei ole.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>of %1</source>
        <translation>/ %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>scroll for more</source>
        <translation>vieritä nähdäksesi lisää</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Your user level (%1) cannot change orders.</source>
        <translation>Käyttäjätasosi (%1) ei voi muuttaa tilauksia.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select an order first.</source>
        <translation>Valitse ensin tilaus.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Nothing of this order can be returned: it has not been delivered, or everything delivered has been returned already.</source>
        <translation>Tästä tilauksesta ei voi palauttaa mitään: sitä ei ole toimitettu, tai kaikki toimitettu on jo palautettu.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No delivery of this order is on its way.</source>
        <translation>Tämän tilauksen toimituksia ei ole matkalla.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Return %1 recorded.</source>
        <translation>Palautus %1 kirjattu.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Order %1 marked delivered.</source>
        <translation>Tilaus %1 merkitty toimitetuksi.</translation>
    </message>
    <message>
        <source>F&amp;ind:</source>
        <translation>&amp;Etsi:</translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation>A&amp;lkaen:</translation>
    </message>
    <message>
        <source>Your user level (%1) does not show orders.</source>
        <translation>Käyttäjätasosi (%1) ei näytä tilauksia.</translation>
    </message>
    <message>
        <source>1 order shown</source>
        <translation>1 tilaus näkyvissä</translation>
    </message>
    <message>
        <source>%1 orders shown</source>
        <translation>%1 tilausta näkyvissä</translation>
    </message>
    <message>
        <source>Mark &amp;delivered…</source>
        <translation>&amp;Merkitse toimitetuksi…</translation>
    </message>
    <message>
        <source>Return recei&amp;ved…</source>
        <translation>Palautus saapu&amp;nut…</translation>
    </message>
    <message>
        <source>Refu&amp;nd…</source>
        <translation>H&amp;yvitä…</translation>
    </message>
    <message>
        <source>Corr&amp;ect…</source>
        <translation>Ko&amp;rjaa…</translation>
    </message>
    <message>
        <source>Correct a wrongly recorded delivery, receipt or refund</source>
        <translation>Korjaa väärin kirjattu toimitus, palautuksen saapuminen tai hyvitys</translation>
    </message>
    <message>
        <source>No return of this order is waiting for its goods.</source>
        <translation>Yksikään tämän tilauksen palautus ei odota tavaroita.</translation>
    </message>
    <message>
        <source>No return of this order is waiting for a refund.</source>
        <translation>Yksikään tämän tilauksen palautus ei odota hyvitystä.</translation>
    </message>
    <message>
        <source>No delivery, receipt or refund of this order has been recorded.</source>
        <translation>Tilaukselle ei ole kirjattu toimitusta, palautuksen saapumista eikä hyvitystä.</translation>
    </message>
    <message>
        <source>Return %1 marked received.</source>
        <translation>Palautus %1 merkitty saapuneeksi.</translation>
    </message>
    <message>
        <source>Refund of return %1 recorded.</source>
        <translation>Palautuksen %1 hyvitys kirjattu.</translation>
    </message>
    <message>
        <source>Correction of order %1 recorded.</source>
        <translation>Tilauksen %1 korjaus kirjattu.</translation>
    </message>
</context>
<context>
    <name>TimelineWords</name>
    <message>
        <location line="-616"/>
        <source>%1 including VAT %2</source>
        <translation>%1, josta alv %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ordered</source>
        <translation>Tilattu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Tila</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+61"/>
        <source>Total</source>
        <translation>Yhteensä</translation>
    </message>
    <message>
        <location line="-53"/>
        <location line="+29"/>
        <source>not yet</source>
        <translation>ei vielä</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Shipped</source>
        <translation>Lähetetty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivered</source>
        <translation>Toimitettu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carrier</source>
        <translation>Kuljetusliike</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracking code</source>
        <translation>Seurantakoodi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivery address</source>
        <translation>Toimitusosoite</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>not yet (the items are worth %1)</source>
        <translation>ei vielä (tuotteiden arvo %1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Requested</source>
        <translation>Pyydetty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>Vastaanotettu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Syy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund</source>
        <translation>Hyvitys</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VAT in the returned items</source>
        <translation>Palautettujen tuotteiden alv</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product</source>
        <translation>Tuote</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>Määrä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit price</source>
        <translation>Yksikköhinta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VAT</source>
        <translation>Alv</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Returned</source>
        <translation>Palautettu</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>At most %1 of “%2” can be returned: what was delivered minus what has already been returned. Someone may have recorded a return meanwhile.</source>
        <translation>Tuotetta ”%2” voi palauttaa enintään %1: toimitettu määrä vähennettynä jo palautetulla. Joku on ehkä kirjannut palautuksen sillä välin.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter how many of at least one line are returned.</source>
        <translation>Anna vähintään yhdelle riville palautettava määrä.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A returned quantity cannot be negative.</source>
        <translation>Palautettava määrä ei voi olla negatiivinen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The line is not on this order.</source>
        <translation>Rivi ei kuulu tähän tilaukseen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The reason is too long: at most 500 characters.</source>
        <translation>Syy on liian pitkä: enintään 500 merkkiä.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This order has not been shipped; nothing to deliver.</source>
        <translation>Tätä tilausta ei ole lähetetty; toimitettavaa ei ole.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The delivery has not been shipped yet.</source>
        <translation>Toimitusta ei ole vielä lähetetty.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The delivery is already marked delivered.</source>
        <translation>Toimitus on jo merkitty toimitetuksi.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A delivery cannot arrive before it was shipped.</source>
        <translation>Toimitus ei voi olla perillä ennen kuin se on lähetetty.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Several deliveries of this order are on their way.</source>
        <translation>Tilauksella on useita toimituksia matkalla.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The order is cancelled.</source>
        <translation>Tilaus on peruttu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The order was not found.</source>
        <translation>Tilausta ei löytynyt.</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>Tilaus %1</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Toimitus</translation>
    </message>
    <message>
        <source>Not shipped yet.</source>
        <translation>Ei vielä lähetetty.</translation>
    </message>
    <message>
        <source>Returned items</source>
        <translation>Palautetut tuotteet</translation>
    </message>
    <message>
        <source>Return %1</source>
        <translation>Palautus %1</translation>
    </message>
    <message>
        <source>Order lines</source>
        <translation>Tilausrivit</translation>
    </message>
    <message>
        <source>Corrected step</source>
        <translation>Korjattu vaihe</translation>
    </message>
    <message>
        <source>Recorded as</source>
        <translation>Kirjattu</translation>
    </message>
    <message>
        <source>Corrected to</source>
        <translation>Korjattu muotoon</translation>
    </message>
    <message>
        <source>Corrected by</source>
        <translation>Korjaaja</translation>
    </message>
    <message>
        <source>Corrected on</source>
        <translation>Korjattu</translation>
    </message>
    <message>
        <source>Correction %1</source>
        <translation>Korjaus %1</translation>
    </message>
    <message>
        <source>did not happen</source>
        <translation>ei tapahtunut</translation>
    </message>
    <message>
        <source>The refund can be at most %1: what the customer paid for the returned items.</source>
        <translation>Hyvitys voi olla enintään %1 eli se, mitä asiakas maksoi palautetuista tuotteista.</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <location filename="../../kkdesk/ui/dialogs.py" line="-57"/>
        <source>Unsaved changes</source>
        <translation>Tallentamattomia muutoksia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 has unsaved changes.</source>
        <translation>Asiakkaalla %1 on tallentamattomia muutoksia.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discard your changes?</source>
        <translation>Hylätäänkö muutoksesi?</translation>
    </message>
    <message>
        <source>Register file missing</source>
        <translation>Rekisteritiedosto puuttuu</translation>
    </message>
    <message>
        <source>The register file %1 does not exist.</source>
        <translation>Rekisteritiedostoa %1 ei ole olemassa.</translation>
    </message>
    <message>
        <source>It may have been moved, deleted, or be on a drive that is not connected. Create a new, empty register there? Choose Cancel to quit and look for it first.</source>
        <translation>Se on ehkä siirretty tai poistettu, tai se on asemalla, joka ei ole kytkettynä. Luodaanko sen paikalle uusi, tyhjä rekisteri? Valitse Peruuta lopettaaksesi ja etsiäksesi sitä ensin.</translation>
    </message>
    <message>
        <source>Create an empty register</source>
        <translation>Luo tyhjä rekisteri</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Backups and restores here are of the embedded register; the central database is backed up by its administrator.</source>
        <translation>Varmuuskopiointi ja palautus koskevat tässä sisäistä rekisteriä; keskitetyn tietokannan varmuuskopioi sen ylläpitäjä.</translation>
    </message>
    <message>
        <source>The backup file is damaged (SQLite's integrity check failed); nothing was restored.</source>
        <translation>Varmuuskopiotiedosto on vioittunut (SQLiten eheystarkistus epäonnistui); mitään ei palautettu.</translation>
    </message>
    <message>
        <source>The file is not a kkdesk register or a SQLite database; nothing was restored.</source>
        <translation>Tiedosto ei ole kkdesk-rekisteri eikä SQLite-tietokanta; mitään ei palautettu.</translation>
    </message>
    <message>
        <source>The file cannot be restored as the register; nothing was changed.</source>
        <translation>Tiedostoa ei voi palauttaa rekisteriksi; mitään ei muutettu.</translation>
    </message>
    <message>
        <source>The backup file does not exist.</source>
        <translation>Varmuuskopiotiedostoa ei ole.</translation>
    </message>
    <message>
        <source>The backup was made by a newer kkdesk (its schema is newer than this one knows); restore it with that version.</source>
        <translation>Varmuuskopio on tehty uudemmalla kkdeskillä (sen rakenne on tätä versiota uudempi); palauta se sillä versiolla.</translation>
    </message>
    <message>
        <source>The key of this encrypted backup is not in your keyring: only the user who made it can restore it, on their computer.</source>
        <translation>Tämän salatun varmuuskopion avain ei ole avainnipussasi: vain sen tehnyt käyttäjä voi palauttaa sen omalla tietokoneellaan.</translation>
    </message>
    <message>
        <source>The backup file cannot be opened.</source>
        <translation>Varmuuskopiotiedostoa ei voi avata.</translation>
    </message>
    <message>
        <source>This replaces data and needs your confirmation; nothing was done.</source>
        <translation>Tämä korvaa tietoja ja vaatii vahvistuksesi; mitään ei tehty.</translation>
    </message>
    <message>
        <source>The central database already holds customers: demo data is added only to an empty one, so that no invented customer is mixed with real ones.</source>
        <translation>Keskitetyssä tietokannassa on jo asiakkaita: esimerkkitietoja lisätään vain tyhjään, jotta keksityt asiakkaat eivät sekoitu oikeisiin.</translation>
    </message>
    <message>
        <source>No identity check is recorded for request %1: record how the requester's identity was verified (Identity…), or send the request-for-identification letter. No copy was made.</source>
        <translation>Pyynnölle %1 ei ole kirjattu henkilöllisyyden tarkistusta: kirjaa, miten pyytäjän henkilöllisyys varmistettiin (Henkilöllisyys…), tai lähetä pyyntö henkilöllisyyden todistamisesta. Kopiota ei tehty.</translation>
    </message>
    <message>
        <source>kkdesk manages only logins whose rights come from one kkdesk user level; this login has other rights.</source>
        <translation>kkdesk hallinnoi vain tunnuksia, joiden oikeudet tulevat yhdestä kkdeskin käyttäjätasosta; tällä tunnuksella on muita oikeuksia.</translation>
    </message>
    <message>
        <source>No password was entered; nothing was done.</source>
        <translation>Salasanaa ei annettu; mitään ei tehty.</translation>
    </message>
    <message>
        <source>The contact person who made request %1 has since been removed from the customer: a copy of the company's data cannot go to them. Answer with a letter saying what is held on them, or close the request.</source>
        <translation>Pyynnön %1 tehnyt yhteyshenkilö on sittemmin poistettu asiakkaalta: yrityksen tietojen kopiota ei voi lähettää hänelle. Vastaa kirjeellä siitä, mitä hänestä on tallennettu, tai sulje pyyntö.</translation>
    </message>
    <message>
        <source>The check digit of the number is wrong. Check the number.</source>
        <translation>Numeron tarkistusnumero on väärä. Tarkista numero.</translation>
    </message>
    <message>
        <location filename="../../kkdesk/ui/errors.py" line="+24"/>
        <source>Customer type</source>
        <translation>Asiakastyyppi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Surname</source>
        <translation>Sukunimi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First names</source>
        <translation>Etunimet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Company name</source>
        <translation>Yrityksen nimi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business ID</source>
        <translation>Y-tunnus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Street address</source>
        <translation>Lähiosoite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postal code</source>
        <translation>Postinumero</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post office</source>
        <translation>Postitoimipaikka</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>Maa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Home phone</source>
        <translation>Kotipuhelin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work phone</source>
        <translation>Työpuhelin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mobile phone</source>
        <translation>Matkapuhelin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>Sähköposti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of birth</source>
        <translation>Syntymäaika</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Kieli</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer since</source>
        <translation>Asiakkaana alkaen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Huomautukset</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>Tehtävä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact persons</source>
        <translation>Yhteyshenkilöt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other data</source>
        <translation>Muut tiedot</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Required.</source>
        <translation>Pakollinen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contains control characters; remove them.</source>
        <translation>Sisältää ohjausmerkkejä; poista ne.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Too long: at most %1 characters.</source>
        <translation>Liian pitkä: enintään %1 merkkiä.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Must contain letters.</source>
        <translation>Täytyy sisältää kirjaimia.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a known country code; use two letters such as FI or SE.</source>
        <translation>Tuntematon maatunnus; käytä kahta kirjainta, esim. FI tai SE.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A Finnish postal code is five digits, e.g. 01380.</source>
        <translation>Suomalainen postinumero on viisi numeroa, esim. 01380.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a postal code.</source>
        <translation>Ei ole postinumero.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a phone number, e.g. 040 123 4567 or +358 40 123 4567.</source>
        <translation>Ei ole puhelinnumero, esim. 040 123 4567 tai +358 40 123 4567.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not an e-mail address, e.g. name@example.fi.</source>
        <translation>Ei ole sähköpostiosoite, esim. nimi@esimerkki.fi.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The date of birth is in the future.</source>
        <translation>Syntymäaika on tulevaisuudessa.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The person would be older than %1 years.</source>
        <translation>Henkilö olisi yli %1 vuotta vanha.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a valid business ID (Y-tunnus), e.g. 0109862-8.</source>
        <translation>Virheellinen Y-tunnus, esim. 0109862-8.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The date is in the future.</source>
        <translation>Päivämäärä on tulevaisuudessa.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose Finnish, Swedish or English.</source>
        <translation>Valitse suomi, ruotsi tai englanti.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needed to complete the address.</source>
        <translation>Tarvitaan osoitteen täydentämiseen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A company has no date of birth.</source>
        <translation>Yrityksellä ei ole syntymäaikaa.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only a company has contact persons.</source>
        <translation>Vain yrityksellä on yhteyshenkilöitä.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write one 'name: value' per line.</source>
        <translation>Kirjoita yksi 'nimi: arvo' riviä kohden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a date; write it as the example shows.</source>
        <translation>Ei ole päivämäärä; kirjoita se esimerkin mukaisesti.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Some fields need attention:</source>
        <translation>Tarkista seuraavat kentät:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 saved this record at %2 after you opened it. Your input is kept; reload to see their changes, then apply yours again.</source>
        <translation>%1 tallensi tämän tietueen %2 sen jälkeen, kun avasit sen. Syöttämäsi tiedot säilyvät; lataa heidän muutoksensa ja tee omasi uudelleen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Someone else saved this record after you opened it. Your input is kept; reload to see their changes, then apply yours again.</source>
        <translation>Joku muu tallensi tämän tietueen sen jälkeen, kun avasit sen. Syöttämäsi tiedot säilyvät; lataa heidän muutoksensa ja tee omasi uudelleen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>An unexpected error occurred (a bug). It has been logged.</source>
        <translation>Tapahtui odottamaton virhe (ohjelmavirhe). Se on kirjattu lokiin.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The record was not found; it may have been erased.</source>
        <translation>Tietuetta ei löytynyt; se on ehkä poistettu.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your user level does not allow this.</source>
        <translation>Käyttäjätasosi ei salli tätä.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database cannot be reached. Check the network and try again.</source>
        <translation>Tietokantaan ei saada yhteyttä. Tarkista verkko ja yritä uudelleen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database refused the user name or password.</source>
        <translation>Tietokanta hylkäsi käyttäjätunnuksen tai salasanan.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No password store (keyring) is available; the password is asked each time.</source>
        <translation>Salasanavarastoa (keyring) ei ole käytettävissä; salasana kysytään joka kerta.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The register's rules do not allow this.</source>
        <translation>Rekisterin säännöt eivät salli tätä.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A customer's type cannot be changed; create a new customer instead.</source>
        <translation>Asiakkaan tyyppiä ei voi muuttaa; luo sen sijaan uusi asiakas.</translation>
    </message>
    <message>
        <source>The database address (KKDESK_DB) contains a password, which others can read there. Remove it and sign in with the login dialog or 'kkdesk login', which keep the password in the keyring.</source>
        <translation>Tietokannan osoitteessa (KKDESK_DB) on salasana, jonka muut voivat lukea sieltä. Poista se ja kirjaudu kirjautumisikkunassa tai komennolla 'kkdesk login', jotka säilyttävät salasanan avainnipussa.</translation>
    </message>
    <message>
        <source>The connection to %1 would not be sure to be encrypted (TLS mode %2): passwords and customer data could be read on the network. Choose the TLS mode verify-full with the CA certificate file, or require.</source>
        <translation>Yhteys palvelimeen %1 ei olisi varmasti salattu (TLS-tila %2): salasanat ja asiakastiedot voisi lukea verkossa. Valitse TLS-tilaksi verify-full ja CA-varmennetiedosto, tai require.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist; choose an existing folder. Nothing was written.</source>
        <translation>Kansiota %1 ei ole; valitse olemassa oleva kansio. Mitään ei kirjoitettu.</translation>
    </message>
    <message>
        <source>The file %1 could not be written (%2). Nothing was written.</source>
        <translation>Tiedostoa %1 ei voitu kirjoittaa (%2). Mitään ei kirjoitettu.</translation>
    </message>
    <message>
        <source>Contains invisible characters (text-direction or zero-width marks) that can make it look like something else; remove them.</source>
        <translation>Sisältää näkymättömiä merkkejä (tekstin suunnan tai nollalevyisiä merkkejä), joiden vuoksi se voi näyttää joltain muulta; poista ne.</translation>
    </message>
    <message>
        <source>%1 is not a valid customer number: its check digit (the last digit) is wrong. Check the number.</source>
        <translation>%1 ei ole kelvollinen asiakasnumero: sen tarkistusnumero (viimeinen numero) on väärä. Tarkista numero.</translation>
    </message>
    <message>
        <source>%1 is not a valid business ID: its check digit (after the dash) is wrong. Check the ID.</source>
        <translation>%1 ei ole kelvollinen Y-tunnus: sen tarkistusnumero (viivan jälkeen) on väärä. Tarkista tunnus.</translation>
    </message>
    <message>
        <source>%1 is neither a valid customer number nor a valid business ID: the check digit (the last digit) is wrong. Check the number.</source>
        <translation>%1 ei ole kelvollinen asiakasnumero eikä Y-tunnus: tarkistusnumero (viimeinen numero) on väärä. Tarkista numero.</translation>
    </message>
    <message>
        <source>There is no such customer; the record may have been erased.</source>
        <translation>Asiakasta ei ole; tiedot on ehkä poistettu.</translation>
    </message>
    <message>
        <source>The contact person was not found on this customer.</source>
        <translation>Yhteyshenkilöä ei löytynyt tältä asiakkaalta.</translation>
    </message>
    <message>
        <source>The order was not found.</source>
        <translation>Tilausta ei löytynyt.</translation>
    </message>
    <message>
        <source>The order is cancelled.</source>
        <translation>Tilaus on peruttu.</translation>
    </message>
    <message>
        <source>The delivery is not on this order.</source>
        <translation>Toimitus ei kuulu tähän tilaukseen.</translation>
    </message>
    <message>
        <source>The delivery has not been shipped yet.</source>
        <translation>Toimitusta ei ole vielä lähetetty.</translation>
    </message>
    <message>
        <source>The delivery is already marked delivered.</source>
        <translation>Toimitus on jo merkitty toimitetuksi.</translation>
    </message>
    <message>
        <source>A delivery cannot arrive before it was shipped.</source>
        <translation>Toimitus ei voi saapua ennen lähettämistään.</translation>
    </message>
    <message>
        <source>Several deliveries of this order are on their way: choose one.</source>
        <translation>Tilauksella on useita matkalla olevia toimituksia: valitse yksi.</translation>
    </message>
    <message>
        <source>Enter how many of at least one line are returned.</source>
        <translation>Anna ainakin yhden rivin palautettava määrä.</translation>
    </message>
    <message>
        <source>A returned quantity cannot be negative.</source>
        <translation>Palautettu määrä ei voi olla negatiivinen.</translation>
    </message>
    <message>
        <source>The line is not on this order.</source>
        <translation>Rivi ei kuulu tähän tilaukseen.</translation>
    </message>
    <message>
        <source>More would be returned than was delivered minus what has already been returned.</source>
        <translation>Palautettaisiin enemmän kuin toimitettu määrä vähennettynä jo palautetulla.</translation>
    </message>
    <message>
        <source>The reason is too long: at most 500 characters.</source>
        <translation>Syy on liian pitkä: enintään 500 merkkiä.</translation>
    </message>
    <message>
        <source>The request was not found.</source>
        <translation>Pyyntöä ei löytynyt.</translation>
    </message>
    <message>
        <source>The request has already been closed.</source>
        <translation>Pyyntö on jo suljettu.</translation>
    </message>
    <message>
        <source>The deadline has already been extended once; it cannot be again.</source>
        <translation>Määräaikaa on jo jatkettu kerran; sitä ei voi jatkaa uudelleen.</translation>
    </message>
    <message>
        <source>The deadline can only be extended within the first month.</source>
        <translation>Määräaikaa voi jatkaa vain ensimmäisen kuukauden aikana.</translation>
    </message>
    <message>
        <source>The request is not linked to a customer.</source>
        <translation>Pyyntöä ei ole liitetty asiakkaaseen.</translation>
    </message>
    <message>
        <source>That request is not an access request.</source>
        <translation>Pyyntö ei ole tarkastuspyyntö.</translation>
    </message>
    <message>
        <source>That request is from another customer.</source>
        <translation>Pyyntö on toiselta asiakkaalta.</translation>
    </message>
    <message>
        <source>A request is closed as done or refused.</source>
        <translation>Pyyntö suljetaan joko tehtynä tai hylättynä.</translation>
    </message>
    <message>
        <source>The letter was not found.</source>
        <translation>Kirjettä ei löytynyt.</translation>
    </message>
    <message>
        <source>The archived letter does not match its recorded hash.</source>
        <translation>Arkistoitu kirje ei vastaa tallennettua tiivistettään.</translation>
    </message>
    <message>
        <source>The letter fonts are missing from the installation.</source>
        <translation>Kirjeiden fontit puuttuvat asennuksesta.</translation>
    </message>
    <message>
        <source>There is no export file for that channel.</source>
        <translation>Tälle kanavalle ei tehdä vientitiedostoa.</translation>
    </message>
    <message>
        <source>The folder for the file does not exist.</source>
        <translation>Tiedoston kansiota ei ole olemassa.</translation>
    </message>
    <message>
        <source>That file is not a kkdesk register (or it is damaged).</source>
        <translation>Tiedosto ei ole kkdesk-rekisteri (tai se on vioittunut).</translation>
    </message>
    <message>
        <source>Another program is using the register file and has locked it. Close that program (or wait for it to finish) and try again.</source>
        <translation>Toinen ohjelma käyttää rekisteritiedostoa ja on lukinnut sen. Sulje se ohjelma (tai odota sen valmistumista) ja yritä uudelleen.</translation>
    </message>
    <message>
        <source>The register file was deleted, moved or replaced while the desk was running. Nothing was saved. Restart the desk to open the register file as it is now.</source>
        <translation>Rekisteritiedosto poistettiin, siirrettiin tai korvattiin ohjelman ollessa käynnissä. Mitään ei tallennettu. Käynnistä ohjelma uudelleen avataksesi rekisteritiedoston sellaisena kuin se nyt on.</translation>
    </message>
    <message>
        <source>The register file does not exist.</source>
        <translation>Rekisteritiedostoa ei ole olemassa.</translation>
    </message>
    <message>
        <source>The server's identity could not be verified (TLS). Check the CA certificate file and the host name.</source>
        <translation>Palvelimen tunnistusta ei voitu varmistaa (TLS). Tarkista CA-varmennetiedosto ja palvelimen nimi.</translation>
    </message>
    <message>
        <source>The database needs an upgrade first; ask an administrator to run 'kkdesk db upgrade'.</source>
        <translation>Tietokanta on ensin päivitettävä; pyydä ylläpitäjää ajamaan 'kkdesk db upgrade'.</translation>
    </message>
    <message>
        <source>The database is newer than this kkdesk; install the kkdesk version that goes with it.</source>
        <translation>Tietokanta on tätä kkdeskiä uudempi; asenna siihen sopiva kkdesk-versio.</translation>
    </message>
    <message>
        <source>The database may not read the server's log yet: a database administrator must grant its owner pg_read_file and pg_ls_logdir.</source>
        <translation>Tietokanta ei vielä saa lukea palvelimen lokia: tietokannan ylläpitäjän on annettava sen omistajalle oikeudet pg_read_file ja pg_ls_logdir.</translation>
    </message>
    <message>
        <source>The database refused a step of the upgrade; run it as the database's owner.</source>
        <translation>Tietokanta torjui päivityksen vaiheen; aja päivitys tietokannan omistajana.</translation>
    </message>
    <message>
        <source>That is not a database kkdesk can open; give a SQLite file or a postgresql:// address.</source>
        <translation>Tämä ei ole tietokanta, jonka kkdesk voi avata; anna SQLite-tiedosto tai postgresql://-osoite.</translation>
    </message>
    <message>
        <source>The database address names no user.</source>
        <translation>Tietokannan osoitteessa ei ole käyttäjää.</translation>
    </message>
    <message>
        <source>Never put a password in a database address; kkdesk asks for it.</source>
        <translation>Älä koskaan kirjoita salasanaa tietokannan osoitteeseen; kkdesk kysyy sen.</translation>
    </message>
    <message>
        <source>The embedded register has no users: the desk runs as you, with the level set in its settings.</source>
        <translation>Paikallisessa rekisterissä ei ole käyttäjiä: ohjelma toimii sinuna asetuksissa valitulla tasolla.</translation>
    </message>
    <message>
        <source>That login already exists.</source>
        <translation>Tunnus on jo olemassa.</translation>
    </message>
    <message>
        <source>There is no staff login by that name.</source>
        <translation>Tämännimistä henkilökunnan tunnusta ei ole.</translation>
    </message>
    <message>
        <source>There is no user by that name in this database. Check the user name.</source>
        <translation>Tässä tietokannassa ei ole tämännimistä käyttäjää. Tarkista käyttäjätunnus.</translation>
    </message>
    <message>
        <source>The password is wrong. Check it, and that Caps Lock is off.</source>
        <translation>Salasana on väärä. Tarkista se ja että Caps Lock ei ole päällä.</translation>
    </message>
    <message>
        <source>Your password has expired. Ask an administrator to set a new one.</source>
        <translation>Salasanasi on vanhentunut. Pyydä ylläpitäjää asettamaan uusi.</translation>
    </message>
    <message>
        <source>A password is needed and none is saved: enter it.</source>
        <translation>Salasana tarvitaan eikä sitä ole tallennettu: kirjoita se.</translation>
    </message>
    <message>
        <source>The passwords were empty or did not match.</source>
        <translation>Salasanat olivat tyhjiä tai eivät täsmänneet.</translation>
    </message>
    <message>
        <source>The password saved in the keyring was refused: it may have been changed or have expired. Enter your password.</source>
        <translation>Avainnippuun tallennettu salasana hylättiin: se on ehkä vaihdettu tai vanhentunut. Kirjoita salasanasi.</translation>
    </message>
    <message>
        <source>Your account is disabled. Ask an administrator.</source>
        <translation>Tunnuksesi on poistettu käytöstä. Käänny ylläpitäjän puoleen.</translation>
    </message>
    <message>
        <source>Your database user has no kkdesk user level. Ask an administrator to give you one.</source>
        <translation>Tietokantakäyttäjälläsi ei ole kkdesk-käyttäjätasoa. Pyydä ylläpitäjää antamaan se.</translation>
    </message>
    <message>
        <source>The keyring refused the request; the password was not saved.</source>
        <translation>Avainnippu torjui pyynnön; salasanaa ei tallennettu.</translation>
    </message>
    <message>
        <source>Something went wrong inside kkdesk (a bug). The step that failed may not have been completed.</source>
        <translation>kkdeskin sisällä tapahtui virhe (ohjelmavirhe). Epäonnistunut vaihe on ehkä jäänyt kesken.</translation>
    </message>
    <message>
        <source>This snapshot expired on %1 and can no longer be opened. Make a new one while the register can be reached.</source>
        <translation>Tämä tilannekuva vanheni %1, eikä sitä voi enää avata. Tee uusi, kun rekisteriin saadaan yhteys.</translation>
    </message>
    <message>
        <source>This snapshot has expired and can no longer be opened. Make a new one while the register can be reached.</source>
        <translation>Tämä tilannekuva on vanhentunut, eikä sitä voi enää avata. Tee uusi, kun rekisteriin saadaan yhteys.</translation>
    </message>
    <message>
        <source>The key of this snapshot is not in your keyring. A snapshot opens only for the user who made it, on the computer where it was made.</source>
        <translation>Tämän tilannekuvan avain ei ole avainnipussasi. Tilannekuvan voi avata vain sen tehnyt käyttäjä sillä tietokoneella, jolla se tehtiin.</translation>
    </message>
    <message>
        <source>The key in your keyring does not fit this file: it belongs to another snapshot.</source>
        <translation>Avainnipussasi oleva avain ei sovi tähän tiedostoon: se kuuluu toiseen tilannekuvaan.</translation>
    </message>
    <message>
        <source>The snapshot file is incomplete: it was cut off, e.g. by an interrupted copy. Copy it again from where it was made.</source>
        <translation>Tilannekuvatiedosto on vajaa: se on katkennut esimerkiksi keskeytyneessä kopioinnissa. Kopioi se uudelleen sieltä, missä se tehtiin.</translation>
    </message>
    <message>
        <source>The snapshot file has been altered or damaged: it fails its integrity check and is not opened.</source>
        <translation>Tilannekuvatiedostoa on muutettu tai se on vioittunut: se ei läpäise eheystarkistusta, eikä sitä avata.</translation>
    </message>
    <message>
        <source>This file is not a kkdesk snapshot.</source>
        <translation>Tämä tiedosto ei ole kkdeskin tilannekuva.</translation>
    </message>
    <message>
        <source>This snapshot was made by a newer kkdesk; install that version.</source>
        <translation>Tämä tilannekuva on tehty uudemmalla kkdeskillä; asenna se versio.</translation>
    </message>
    <message>
        <source>This file is an encrypted backup, not a snapshot: restore it with 'kkdesk restore'.</source>
        <translation>Tämä tiedosto on salattu varmuuskopio eikä tilannekuva: palauta se komennolla 'kkdesk restore'.</translation>
    </message>
    <message>
        <source>The snapshot file does not exist.</source>
        <translation>Tilannekuvatiedostoa ei ole.</translation>
    </message>
    <message>
        <source>The snapshot file cannot be read.</source>
        <translation>Tilannekuvatiedostoa ei voi lukea.</translation>
    </message>
    <message>
        <source>This is an offline snapshot: it is read-only.</source>
        <translation>Tämä on offline-tilannekuva: se on vain luettavissa.</translation>
    </message>
    <message>
        <source>The offline read could not be recorded, so the record is not shown. Check that your data folder is writable.</source>
        <translation>Offline-lukua ei voitu kirjata, joten tietoja ei näytetä. Tarkista, että datakansioosi voi kirjoittaa.</translation>
    </message>
    <message>
        <source>Some of the chosen customers are no longer on the register; nothing was made.</source>
        <translation>Osa valituista asiakkaista ei ole enää rekisterissä; mitään ei tehty.</translation>
    </message>
    <message>
        <source>Choose the customers to take offline.</source>
        <translation>Valitse asiakkaat, jotka viedään offline-käyttöön.</translation>
    </message>
    <message>
        <source>No customer matches; nothing was made.</source>
        <translation>Yksikään asiakas ei täsmää; mitään ei tehty.</translation>
    </message>
    <message>
        <source>That is too many customers for one snapshot; narrow it down.</source>
        <translation>Asiakkaita on liikaa yhteen tilannekuvaan; rajaa valintaa.</translation>
    </message>
    <message>
        <source>A snapshot expires after 1 to 90 days.</source>
        <translation>Tilannekuva vanhenee 1–90 päivän kuluttua.</translation>
    </message>
    <message>
        <source>That file exists already; choose another name.</source>
        <translation>Tiedosto on jo olemassa; valitse toinen nimi.</translation>
    </message>
    <message>
        <source>The file cannot be written there.</source>
        <translation>Tiedostoa ei voi kirjoittaa sinne.</translation>
    </message>
    <message>
        <source>The folder cannot be created there.</source>
        <translation>Kansiota ei voi luoda sinne.</translation>
    </message>
    <message>
        <source>The keyring refused the request; it may be locked.</source>
        <translation>Avainnippu hylkäsi pyynnön; se voi olla lukittu.</translation>
    </message>
    <message>
        <source>The record of customer %1 is damaged (a value kkdesk does not know) and cannot be shown; ask an administrator to correct it.</source>
        <translation>Asiakkaan %1 tietue on vioittunut (arvo, jota kkdesk ei tunne) eikä sitä voi näyttää; pyydä ylläpitäjää korjaamaan se.</translation>
    </message>
    <message>
        <source>Someone else changed these consents just now; nothing was recorded. Check the current state and record again if needed.</source>
        <translation>Joku muu muutti juuri nämä suostumukset; mitään ei tallennettu. Tarkista nykyinen tila ja tallenna tarvittaessa uudelleen.</translation>
    </message>
    <message>
        <source>Customer number</source>
        <translation>Asiakasnumero</translation>
    </message>
    <message>
        <source>The date cannot be in the future.</source>
        <translation>Päivämäärä ei voi olla tulevaisuudessa.</translation>
    </message>
    <message>
        <source>A delivery cannot arrive before the order was placed.</source>
        <translation>Toimitus ei voi saapua ennen kuin tilaus on tehty.</translation>
    </message>
    <message>
        <source>The return is not on this order.</source>
        <translation>Palautus ei kuulu tähän tilaukseen.</translation>
    </message>
    <message>
        <source>The return is already marked received.</source>
        <translation>Palautus on jo merkitty saapuneeksi.</translation>
    </message>
    <message>
        <source>Returned goods cannot arrive before the return was requested.</source>
        <translation>Palautettu tavara ei voi saapua ennen kuin palautusta on pyydetty.</translation>
    </message>
    <message>
        <source>The return is already refunded.</source>
        <translation>Palautus on jo hyvitetty.</translation>
    </message>
    <message>
        <source>The refund must be more than zero.</source>
        <translation>Hyvityksen on oltava suurempi kuin nolla.</translation>
    </message>
    <message>
        <source>The refund cannot exceed what the customer paid for the returned items.</source>
        <translation>Hyvitys ei voi ylittää sitä, mitä asiakas maksoi palautetuista tuotteista.</translation>
    </message>
    <message>
        <source>A refund cannot be dated before the returned goods were received.</source>
        <translation>Hyvitystä ei voi päivätä ennen palautetun tavaran saapumista.</translation>
    </message>
    <message>
        <source>A refund cannot be dated before the return was requested.</source>
        <translation>Hyvitystä ei voi päivätä ennen palautuspyyntöä.</translation>
    </message>
    <message>
        <source>Say why the step is corrected.</source>
        <translation>Kerro, miksi vaihetta korjataan.</translation>
    </message>
    <message>
        <source>The step is not on this order.</source>
        <translation>Vaihe ei kuulu tähän tilaukseen.</translation>
    </message>
    <message>
        <source>That step has not been recorded: there is nothing to correct.</source>
        <translation>Vaihetta ei ole kirjattu, joten korjattavaa ei ole.</translation>
    </message>
    <message>
        <source>The order has returns: its delivery cannot be undone.</source>
        <translation>Tilauksella on palautuksia, joten sen toimitusta ei voi perua.</translation>
    </message>
    <message>
        <source>The return has been refunded: correct the refund first.</source>
        <translation>Palautus on hyvitetty: korjaa ensin hyvitys.</translation>
    </message>
    <message>
        <source>The correction changes nothing: give another date or amount.</source>
        <translation>Korjaus ei muuta mitään: anna toinen päivämäärä tai summa.</translation>
    </message>
    <message>
        <source>A delivery cannot be dated after a return of its goods was requested.</source>
        <translation>Toimitusta ei voi päivätä sen jälkeen, kun sen tavaroiden palautusta on pyydetty.</translation>
    </message>
    <message>
        <source>The address-update file was refused; nothing was changed.</source>
        <translation>Osoitepäivitystiedosto hylättiin; mitään ei muutettu.</translation>
    </message>
    <message>
        <source>The address-update file cannot be read; check its name and rights.</source>
        <translation>Osoitepäivitystiedostoa ei voi lukea; tarkista sen nimi ja oikeudet.</translation>
    </message>
    <message>
        <source>Name the update service the file came from.</source>
        <translation>Nimeä päivityspalvelu, josta tiedosto tuli.</translation>
    </message>
    <message>
        <source>The update service's name is too long or holds characters it may not.</source>
        <translation>Päivityspalvelun nimi on liian pitkä tai siinä on merkkejä, joita siinä ei saa olla.</translation>
    </message>
    <message>
        <source>Some of the customers were changed while the import ran; nothing was changed. Preview and apply the file again.</source>
        <translation>Osa asiakkaista muuttui tuonnin aikana; mitään ei muutettu. Esikatsele ja tee muutokset uudelleen.</translation>
    </message>
    <message>
        <source>The connection to the database was lost; nothing was saved. Your changes are still in the form — try again.</source>
        <translation>Yhteys tietokantaan katkesi; mitään ei tallennettu. Muutoksesi ovat yhä lomakkeella — yritä uudelleen.</translation>
    </message>
    <message>
        <source>The database took too long to answer and the query was stopped. Try again; if it keeps happening, narrow the search or tell the database administrator.</source>
        <translation>Tietokanta ei vastannut ajoissa, ja kysely keskeytettiin. Yritä uudelleen; jos näin käy toistuvasti, rajaa hakua tai ota yhteyttä tietokannan ylläpitäjään.</translation>
    </message>
    <message>
        <source>A run as of another day can only be a dry run: nothing was done.</source>
        <translation>Ajon toisen päivän mukaan voi tehdä vain kokeiluna: mitään ei tehty.</translation>
    </message>
    <message>
        <source>Customer %1 is under a legal hold and cannot be erased; lift the hold first when it has ended. Nothing was erased.</source>
        <translation>Asiakkaalla %1 on oikeudellinen säilytysvelvoite (legal hold), eikä sitä voi poistaa; poista velvoite ensin, kun se on päättynyt. Mitään ei poistettu.</translation>
    </message>
    <message>
        <source>Customer %1 has an open order (%2): finish or cancel it before erasing. Nothing was erased.</source>
        <translation>Asiakkaalla %1 on avoin tilaus (%2): toimita tai peru se ennen poistamista. Mitään ei poistettu.</translation>
    </message>
    <message>
        <source>Customer %1 has an open return (%2): settle it before erasing. Nothing was erased.</source>
        <translation>Asiakkaalla %1 on avoin palautus (%2): hoida se loppuun ennen poistamista. Mitään ei poistettu.</translation>
    </message>
    <message>
        <source>An erasure needs a reason. Nothing was erased.</source>
        <translation>Poistolle tarvitaan syy. Mitään ei poistettu.</translation>
    </message>
    <message>
        <source>The reason is too long (at most 500 characters). Nothing was erased.</source>
        <translation>Syy on liian pitkä (enintään 500 merkkiä). Mitään ei poistettu.</translation>
    </message>
    <message>
        <source>The request is not an erasure request of this customer. Nothing was erased.</source>
        <translation>Pyyntö ei ole tämän asiakkaan poistopyyntö. Mitään ei poistettu.</translation>
    </message>
    <message>
        <source>A legal hold needs a reason.</source>
        <translation>Säilytysvelvoitteelle tarvitaan syy.</translation>
    </message>
    <message>
        <source>The processing of this customer&apos;s data is restricted (GDPR Art. 18): it can be read, but not changed, exported, used for marketing, sent to others or ordered for until privacy staff lift the restriction.</source>
        <translation>Asiakkaan tietojen käsittelyä on rajoitettu (tietosuoja-asetuksen 18 artikla): tietoja voi lukea, mutta niitä ei voi muuttaa, viedä, käyttää markkinointiin, lähettää muille eikä niille voi kirjata tilauksia ennen kuin tietosuojahenkilöstö poistaa rajoituksen.</translation>
    </message>
    <message>
        <source>The restriction is lifted only after the person has been sent its notice (GDPR Art. 18(3)): make the notice first.</source>
        <translation>Rajoitus poistetaan vasta, kun henkilölle on lähetetty siitä ilmoitus (tietosuoja-asetuksen 18 artiklan 3 kohta): laadi ilmoitus ensin.</translation>
    </message>
    <message>
        <source>A restriction of processing is never changed or deleted, only lifted once.</source>
        <translation>Käsittelyn rajoitusta ei koskaan muuteta eikä poisteta, se vain poistetaan voimasta kerran.</translation>
    </message>
    <message>
        <source>The processing of this customer&apos;s data is already restricted.</source>
        <translation>Asiakkaan tietojen käsittely on jo rajoitettu.</translation>
    </message>
    <message>
        <source>The processing of this customer&apos;s data is not restricted.</source>
        <translation>Asiakkaan tietojen käsittelyä ei ole rajoitettu.</translation>
    </message>
    <message>
        <source>A customer cannot be merged with itself: choose two different records.</source>
        <translation>Asiakasta ei voi yhdistää itseensä: valitse kaksi eri tietuetta.</translation>
    </message>
    <message>
        <source>Customer %1 is not a person: only two records of one person can be merged.</source>
        <translation>Asiakas %1 ei ole henkilö: vain saman henkilön kaksi tietuetta voi yhdistää.</translation>
    </message>
    <message>
        <source>Customer %1 is erased and cannot be merged.</source>
        <translation>Asiakas %1 on poistettu, eikä sitä voi yhdistää.</translation>
    </message>
    <message>
        <source>Customer %1 was already merged into another record; its number leads there.</source>
        <translation>Asiakas %1 on jo yhdistetty toiseen tietueeseen; sen numero johtaa sinne.</translation>
    </message>
    <message>
        <source>That choice of values is not possible: take the kept or the other record&apos;s value (both only for notes and extra data). Nothing was merged.</source>
        <translation>Tätä arvojen valintaa ei voi tehdä: ota säilyvän tai toisen tietueen arvo (molemmat vain muistiinpanoille ja lisätiedoille). Mitään ei yhdistetty.</translation>
    </message>
    <message>
        <source>A merge cannot be undone; the database refused the change.</source>
        <translation>Yhdistämistä ei voi perua; tietokanta hylkäsi muutoksen.</translation>
    </message>
    <message>
        <source>Only a recorded merge, by the privacy or admin level, may move data between customers or mark a record merged; the database refused the change.</source>
        <translation>Vain kirjattu yhdistäminen (tietosuoja- tai ylläpitotaso) voi siirtää tietoja asiakkaalta toiselle tai merkitä tietueen yhdistetyksi; tietokanta hylkäsi muutoksen.</translation>
    </message>
    <message>
        <source>The processing of customer %1's data is restricted (GDPR Art. 18): the person asked that the data be kept as it is, so the records cannot be merged. Lift the restriction first. Nothing was merged.</source>
        <translation>Asiakkaan %1 tietojen käsittelyä on rajoitettu (tietosuoja-asetuksen 18 artikla): henkilö on pyytänyt, että tiedot säilytetään sellaisinaan, joten tietueita ei voi yhdistää. Poista rajoitus ensin. Mitään ei yhdistetty.</translation>
    </message>
    <message>
        <source>The processing of customer %1's data is restricted (GDPR Art. 18): the person asked that the data be kept instead of erased. Lift the restriction first (the person is sent its notice). Nothing was erased.</source>
        <translation>Asiakkaan %1 tietojen käsittelyä on rajoitettu (tietosuoja-asetuksen 18 artikla): henkilö on pyytänyt, että tiedot säilytetään poistamisen sijaan. Poista rajoitus ensin (henkilölle lähetetään siitä ilmoitus). Mitään ei poistettu.</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../kkdesk/ui/labels.py" line="+17"/>
        <source>Customer's notification by phone</source>
        <translation>Asiakkaan ilmoitus puhelimitse</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customer's notification by letter</source>
        <translation>Asiakkaan ilmoitus kirjeellä</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customer's notification by e-mail</source>
        <translation>Asiakkaan ilmoitus sähköpostilla</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customer's notification in the webshop</source>
        <translation>Asiakkaan ilmoitus verkkokaupassa</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customer's notification in person</source>
        <translation>Asiakkaan ilmoitus henkilökohtaisesti</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Public source</source>
        <translation>Julkinen lähde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partner</source>
        <translation>Yhteistyökumppani</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update service (e.g. address changes)</source>
        <translation>Päivityspalvelu (esim. osoitteenmuutokset)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Customer service</source>
        <translation>Asiakaspalvelu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order handling</source>
        <translation>Tilausten käsittely</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data subject's request</source>
        <translation>Rekisteröidyn pyyntö</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <source>Marketing</source>
        <translation>Markkinointi</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Administration</source>
        <translation>Ylläpito</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Viewer</source>
        <translation>Katselija</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clerk</source>
        <translation>Käsittelijä</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Privacy officer</source>
        <translation>Tietosuojavastaava</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator</source>
        <translation>Pääkäyttäjä</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Company</source>
        <translation>Yritys</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person</source>
        <translation>Henkilö</translation>
    </message>
    <message>
        <source>An authority's request based on law</source>
        <translation>Viranomaisen lakiin perustuva pyyntö</translation>
    </message>
    <message>
        <source>Read directly from the database, outside kkdesk</source>
        <translation>Luettu suoraan tietokannasta kkdeskin ulkopuolella</translation>
    </message>
</context>
<context>
    <name>letters</name>
    <message>
        <source>Finnish</source>
        <translation>suomi</translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation>ruotsi</translation>
    </message>
    <message>
        <source>English</source>
        <translation>englanti</translation>
    </message>
    <message>
        <source>Customer number</source>
        <translation>Asiakasnumero</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Pyyntö</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanava</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Saapumispäivä</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Syy</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Huomautus</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Pakollinen.</translation>
    </message>
    <message>
        <source>The date is in the future.</source>
        <translation>Päivämäärä on tulevaisuudessa.</translation>
    </message>
    <message>
        <source>Too long.</source>
        <translation>Liian pitkä.</translation>
    </message>
    <message>
        <source>Not one of the choices.</source>
        <translation>Ei mikään vaihtoehdoista.</translation>
    </message>
    <message>
        <source>Some fields need attention:</source>
        <translation>Tarkista seuraavat kentät:</translation>
    </message>
    <message>
        <source>There is no such customer.</source>
        <translation>Asiakasta ei löydy.</translation>
    </message>
    <message>
        <source>The request was not found.</source>
        <translation>Pyyntöä ei löydy.</translation>
    </message>
    <message>
        <source>The request has already been closed.</source>
        <translation>Pyyntö on jo suljettu.</translation>
    </message>
    <message>
        <source>The deadline has already been extended once; it cannot be again.</source>
        <translation>Määräaikaa on jo pidennetty kerran; sitä ei voi pidentää uudelleen.</translation>
    </message>
    <message>
        <source>The deadline has passed: an extension must be made, and the requester told why, within the first month.</source>
        <translation>Määräaika on jo kulunut: pidennys on tehtävä ja sen syy kerrottava pyytäjälle ensimmäisen kuukauden aikana.</translation>
    </message>
    <message>
        <source>That request is not an access request; the letter does not answer it.</source>
        <translation>Pyyntö ei ole tarkastuspyyntö; rekisteriote ei vastaa siihen.</translation>
    </message>
    <message>
        <source>That request is from another customer.</source>
        <translation>Pyyntö on toiselta asiakkaalta.</translation>
    </message>
    <message>
        <source>A request is closed as done or refused.</source>
        <translation>Pyyntö suljetaan joko valmiina tai hylättynä.</translation>
    </message>
    <message>
        <source>The archived letter does not match its recorded hash.</source>
        <translation>Arkistoitu kirje ei vastaa kirjattua tiivistettään.</translation>
    </message>
    <message>
        <source>The letter fonts are missing from the installation.</source>
        <translation>Kirjeiden fontit puuttuvat asennuksesta.</translation>
    </message>
    <message>
        <source>Access reply (Art. 15)</source>
        <translation>Rekisteriote (15 art.)</translation>
    </message>
    <message>
        <source>Acknowledgement (Art. 12(3))</source>
        <translation>Vastaanottoilmoitus (12 art. 3 kohta)</translation>
    </message>
    <message>
        <source>Extension notice (Art. 12(3))</source>
        <translation>Ilmoitus määräajan pidentämisestä (12 art. 3 kohta)</translation>
    </message>
    <message>
        <source>Refusal (Art. 12(4))</source>
        <translation>Kieltäytyminen (12 art. 4 kohta)</translation>
    </message>
    <message>
        <source>We hold no data on you (Art. 15)</source>
        <translation>Teistä ei ole tietoja (15 art.)</translation>
    </message>
    <message>
        <source>Request for identification (Art. 12(6))</source>
        <translation>Henkilöllisyyden varmistaminen (12 art. 6 kohta)</translation>
    </message>
    <message>
        <source>Confirmation of prohibitions and objection (Art. 21)</source>
        <translation>Vahvistus kielloista ja vastustamisesta (21 art.)</translation>
    </message>
    <message>
        <source>Notice of data from another source (Art. 14)</source>
        <translation>Ilmoitus muualta saaduista tiedoista (14 art.)</translation>
    </message>
    <message>
        <source>Notice to each recipient (Art. 19)</source>
        <translation>Ilmoitus kullekin vastaanottajalle (19 art.)</translation>
    </message>
    <message>
        <source>The recipients, told to the person (Art. 19)</source>
        <translation>Vastaanottajat rekisteröidylle (19 art.)</translation>
    </message>
    <message>
        <source>Cover letter of the machine-readable copy (Art. 20)</source>
        <translation>Koneluettavan jäljennöksen saate (20 art.)</translation>
    </message>
    <message>
        <source>Machine-readable copy (JSON)</source>
        <translation>Koneluettava jäljennös (JSON)</translation>
    </message>
    <message>
        <source>By post</source>
        <translation>Postitse</translation>
    </message>
    <message>
        <source>By e-mail</source>
        <translation>Sähköpostitse</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>Luovutettu henkilökohtaisesti</translation>
    </message>
    <message>
        <source>Extend the request (with its reason) before making its notice.</source>
        <translation>Pidennä pyynnön määräaika (syineen) ennen ilmoituksen laatimista.</translation>
    </message>
    <message>
        <source>An extension must be notified within the first month of the request.</source>
        <translation>Määräajan pidentämisestä on ilmoitettava pyynnön ensimmäisen kuukauden aikana.</translation>
    </message>
    <message>
        <source>The requester is a customer, so the register does hold data on them: send the access letter instead.</source>
        <translation>Pyytäjä on asiakas, joten rekisterissä on hänen tietojaan: lähetä rekisteriote.</translation>
    </message>
    <message>
        <source>This letter does not answer this kind of request.</source>
        <translation>Tämä kirje ei vastaa tämänlaiseen pyyntöön.</translation>
    </message>
    <message>
        <source>This letter needs a customer on the register.</source>
        <translation>Tämä kirje edellyttää rekisterissä olevaa asiakasta.</translation>
    </message>
    <message>
        <source>No disclosure of the customer's data is recorded: no recipient to tell.</source>
        <translation>Asiakkaan tietojen luovutuksia ei ole kirjattu: ilmoitettavia vastaanottajia ei ole.</translation>
    </message>
    <message>
        <source>None of the customer's data came from another source.</source>
        <translation>Mitään asiakkaan tiedoista ei ole saatu muualta.</translation>
    </message>
    <message>
        <source>The letter's sending has already been recorded.</source>
        <translation>Kirjeen lähetys on jo kirjattu.</translation>
    </message>
    <message>
        <source>The letter was not found.</source>
        <translation>Kirjettä ei löytynyt.</translation>
    </message>
    <message>
        <source>Write the reasons the letter gives.</source>
        <translation>Kirjoita kirjeen perustelut.</translation>
    </message>
    <message>
        <source>The date cannot be in the future nor before the letter was made.</source>
        <translation>Päivämäärä ei voi olla tulevaisuudessa eikä ennen kirjeen laatimista.</translation>
    </message>
    <message>
        <source>No identity check is recorded for this request, so no copy of the data is made. Record how the requester's identity was verified (Identity… in the requests list), or send a request for identification first.</source>
        <translation>Tälle pyynnölle ei ole kirjattu henkilöllisyyden tarkistusta, joten tietojen jäljennöstä ei tehdä. Kirjaa, miten pyytäjän henkilöllisyys tarkistettiin (Henkilöllisyys… pyyntöluettelossa), tai lähetä ensin pyyntö henkilöllisyyden todistamisesta.</translation>
    </message>
    <message>
        <source>The contact person who made this request has been removed: a copy of the company's data cannot go to them.</source>
        <translation>Pyynnön tehnyt yhteyshenkilö on poistettu: yrityksen tietojen jäljennöstä ei voi lähettää hänelle.</translation>
    </message>
    <message>
        <source>Erasure outcome (Art. 17)</source>
        <translation>Ilmoitus tietojen poistamisesta (17 art.)</translation>
    </message>
</context>
<context>
    <name>requests</name>
    <message>
        <source>Access (Art. 15)</source>
        <translation>Tarkastus (15 art.)</translation>
    </message>
    <message>
        <source>Rectification (Art. 16)</source>
        <translation>Oikaisu (16 art.)</translation>
    </message>
    <message>
        <source>Erasure (Art. 17)</source>
        <translation>Poisto (17 art.)</translation>
    </message>
    <message>
        <source>Restriction (Art. 18)</source>
        <translation>Käsittelyn rajoitus (18 art.)</translation>
    </message>
    <message>
        <source>Portability (Art. 20)</source>
        <translation>Siirto (20 art.)</translation>
    </message>
    <message>
        <source>Objection (Art. 21)</source>
        <translation>Vastustus (21 art.)</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Kirje</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Sähköposti</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Puhelin</translation>
    </message>
    <message>
        <source>Webshop</source>
        <translation>Webshop</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Asiointi paikan päällä</translation>
    </message>
</context>
<context>
    <name>timeline</name>
    <message>
        <location filename="../../kkdesk/ui/timeline_panel.py" line="-495"/>
        <source>Ordered</source>
        <translation>Tilattu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipped</source>
        <translation>Lähetetty</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+11"/>
        <source>Delivered</source>
        <translation>Toimitettu</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Return requested</source>
        <translation>Palautuspyyntö</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return received</source>
        <translation>Palautus vastaanotettu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refunded</source>
        <translation>Hyvitetty</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open</source>
        <translation>Avoin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On its way</source>
        <translation>Matkalla</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled</source>
        <translation>Peruttu</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Awaiting shipping</source>
        <translation>Odottaa lähetystä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Awaiting delivery</source>
        <translation>Odottaa toimitusta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Awaiting the goods</source>
        <translation>Odottaa tuotteita</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Awaiting refund</source>
        <translation>Odottaa hyvitystä</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>Korjaus</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>Korjattu</translation>
    </message>
    <message>
        <source>did not happen</source>
        <translation>ei tapahtunut</translation>
    </message>
</context>
<context>
    <name>LettersModel</name>
    <message>
        <source>Letter</source>
        <translation>Kirje</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Vastaanottaja</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Kieli</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Laadittu</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Lähetetty</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>ei kirjattu</translation>
    </message>
    <message>
        <source>the person</source>
        <translation>rekisteröity</translation>
    </message>
</context>
<context>
    <name>RegisterSettingsDialog</name>
    <message>
        <source>Register settings</source>
        <translation>Rekisterin tiedot</translation>
    </message>
    <message>
        <source>&amp;Default value</source>
        <translation>&amp;Oletusarvo</translation>
    </message>
    <message>
        <source>Only an administrator may change the register settings.</source>
        <translation>Vain pääkäyttäjä voi muuttaa rekisterin tietoja.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Ladataan…</translation>
    </message>
    <message>
        <source>Last changed %1 by %2</source>
        <translation>Muutettu viimeksi %1, muuttaja %2</translation>
    </message>
    <message>
        <source>The default value (never changed).</source>
        <translation>Oletusarvo (ei koskaan muutettu).</translation>
    </message>
    <message>
        <source>Letters and the privacy notice print these contact details, which are empty: %1</source>
        <translation>Kirjeet ja tietosuojaseloste tulostavat nämä yhteystiedot, jotka ovat tyhjiä: %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Tallennetaan…</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n setting(s).</source>
        <translation>
            <numerusform>Tallennettu %n tieto.</numerusform>
            <numerusform>Tallennettu %n tietoa.</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot be empty.</source>
        <translation>ei voi olla tyhjä.</translation>
    </message>
    <message>
        <source>not a valid value.</source>
        <translation>arvo ei kelpaa.</translation>
    </message>
    <message>
        <source>Nothing was saved:</source>
        <translation>Mitään ei tallennettu:</translation>
    </message>
    <message>
        <source>The register settings</source>
        <translation>Rekisterin tiedot</translation>
    </message>
</context>
<context>
    <name>SendingDialog</name>
    <message>
        <source>Record the sending</source>
        <translation>Kirjaa lähetys</translation>
    </message>
    <message>
        <source>&amp;How:</source>
        <translation>&amp;Miten:</translation>
    </message>
    <message>
        <source>&amp;Sent on:</source>
        <translation>&amp;Lähetetty:</translation>
    </message>
</context>
<context>
    <name>StepLetterDialog</name>
    <message>
        <source>Letters of request %1 — %2</source>
        <translation>Pyynnön %1 kirjeet — %2</translation>
    </message>
    <message>
        <source>&amp;Letter:</source>
        <translation>Ki&amp;rje:</translation>
    </message>
    <message>
        <source>Customer's language</source>
        <translation>Asiakkaan asiointikieli</translation>
    </message>
    <message>
        <source>L&amp;anguage:</source>
        <translation>K&amp;ieli:</translation>
    </message>
    <message>
        <source>Reasons or what to send</source>
        <translation>Perustelut tai toimitettavat tiedot</translation>
    </message>
    <message>
        <source>&amp;Reasons:</source>
        <translation>P&amp;erustelut:</translation>
    </message>
    <message>
        <source>Letter status</source>
        <translation>Kirjeen tila</translation>
    </message>
    <message>
        <source>Page 1 of the letter</source>
        <translation>Kirjeen sivu 1</translation>
    </message>
    <message>
        <source>Letter preview</source>
        <translation>Kirjeen esikatselu</translation>
    </message>
    <message>
        <source>Letters sent</source>
        <translation>Lähetetyt kirjeet</translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation>Esi&amp;katsele</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Tulosta…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>T&amp;allenna PDF:nä…</translation>
    </message>
    <message>
        <source>Record se&amp;nding…</source>
        <translation>Kirjaa &amp;lähetys…</translation>
    </message>
    <message>
        <source>Letters of this request:</source>
        <translation>Tämän pyynnön kirjeet:</translation>
    </message>
    <message>
        <source>&amp;What to send:</source>
        <translation>P&amp;yydettävät tiedot:</translation>
    </message>
    <message>
        <source>One item a line; empty: the usual ones</source>
        <translation>Yksi kohta riville; tyhjä: tavanomaiset</translation>
    </message>
    <message>
        <source>Your user level does not allow subject-access letters.</source>
        <translation>Käyttäjätasosi ei salli rekisteriotteita.</translation>
    </message>
    <message>
        <source>Write the reasons the letter gives.</source>
        <translation>Kirjoita kirjeen perustelut.</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>Valmistellaan esikatselua…</translation>
    </message>
    <message numerus="yes">
        <source>Preview: %n page(s)</source>
        <translation>
            <numerusform>Esikatselu: %n sivu</numerusform>
            <numerusform>Esikatselu: %n sivua</numerusform>
        </translation>
    </message>
    <message>
        <source>The register settings leave these contact details empty, so the letter prints without them: %1</source>
        <translation>Rekisterin tiedoista puuttuvat nämä yhteystiedot, joten kirje tulostuu ilman niitä: %1</translation>
    </message>
    <message>
        <source>Making the letter…</source>
        <translation>Laaditaan kirjettä…</translation>
    </message>
    <message>
        <source>Folder for the letters</source>
        <translation>Kirjeiden kansio</translation>
    </message>
    <message>
        <source>Save the letter</source>
        <translation>Tallenna kirje</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-tiedostot (*.pdf)</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>Tiedostoa ei voitu kirjoittaa: %1</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n letter(s); archived on the request.</source>
        <translation>
            <numerusform>Tallennettu %n kirje; arkistoitu pyynnön yhteyteen.</numerusform>
            <numerusform>Tallennettu %n kirjettä; arkistoitu pyynnön yhteyteen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>Tulostinta ei voitu käynnistää.</translation>
    </message>
    <message numerus="yes">
        <source>Printed %n letter(s); archived on the request.</source>
        <translation>
            <numerusform>Tulostettu %n kirje; arkistoitu pyynnön yhteyteen.</numerusform>
            <numerusform>Tulostettu %n kirjettä; arkistoitu pyynnön yhteyteen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a letter in the list first.</source>
        <translation>Valitse ensin kirje luettelosta.</translation>
    </message>
    <message>
        <source>The letter's sending has already been recorded.</source>
        <translation>Kirjeen lähetys on jo kirjattu.</translation>
    </message>
    <message>
        <source>The sending is recorded.</source>
        <translation>Lähetys on kirjattu.</translation>
    </message>
    <message>
        <source>Recipients' a&amp;ddresses:</source>
        <translation>Vastaanottajien &amp;osoitteet:</translation>
    </message>
    <message>
        <source>One recipient a line: its name as recorded; street; postal code and town</source>
        <translation>Yksi vastaanottaja riville: nimi kuten kirjattu; katuosoite; postinumero ja -toimipaikka</translation>
    </message>
</context>
<context>
    <name>_JsonEditor</name>
    <message>
        <source>The value as JSON:</source>
        <translation>Arvo JSON-muodossa:</translation>
    </message>
</context>
<context>
    <name>_LinesEditor</name>
    <message>
        <source>One address line per row:</source>
        <translation>Yksi osoiterivi riville:</translation>
    </message>
</context>
<context>
    <name>_TableEditor</name>
    <message>
        <source>Purpose</source>
        <translation>Tarkoitus</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Oikeusperuste</translation>
    </message>
    <message>
        <source>Remo&amp;ve row</source>
        <translation>Poista ri&amp;vi</translation>
    </message>
    <message>
        <source>&amp;Add row</source>
        <translation>&amp;Lisää rivi</translation>
    </message>
</context>
<context>
    <name>register</name>
    <message>
        <source>Controller</source>
        <translation>Rekisterinpitäjä</translation>
    </message>
    <message>
        <source>Controller's address</source>
        <translation>Rekisterinpitäjän osoite</translation>
    </message>
    <message>
        <source>Business ID</source>
        <translation>Y-tunnus</translation>
    </message>
    <message>
        <source>Controller's e-mail</source>
        <translation>Rekisterinpitäjän sähköposti</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Yhteyshenkilö</translation>
    </message>
    <message>
        <source>Contact person's telephone</source>
        <translation>Yhteyshenkilön puhelin</translation>
    </message>
    <message>
        <source>Contact person's e-mail</source>
        <translation>Yhteyshenkilön sähköposti</translation>
    </message>
    <message>
        <source>Register name</source>
        <translation>Rekisterin nimi</translation>
    </message>
    <message>
        <source>Purposes and legal bases</source>
        <translation>Tarkoitukset ja oikeusperusteet</translation>
    </message>
    <message>
        <source>Categories of data</source>
        <translation>Tietoryhmät</translation>
    </message>
    <message>
        <source>Sources of data</source>
        <translation>Tietolähteet</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Vastaanottajat</translation>
    </message>
    <message>
        <source>Transfers outside the EU/EEA</source>
        <translation>Siirrot EU:n/ETA:n ulkopuolelle</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Säilytysaika</translation>
    </message>
    <message>
        <source>Protection</source>
        <translation>Suojaus</translation>
    </message>
    <message>
        <source>Rights of the data subject</source>
        <translation>Rekisteröidyn oikeudet</translation>
    </message>
    <message>
        <source>Automated decisions</source>
        <translation>Automaattiset päätökset</translation>
    </message>
    <message>
        <source>Supervisory authority</source>
        <translation>Valvontaviranomainen</translation>
    </message>
    <message>
        <source>Supervisory authority's address</source>
        <translation>Valvontaviranomaisen osoite</translation>
    </message>
    <message>
        <source>Supervisory authority's website</source>
        <translation>Valvontaviranomaisen verkkosivu</translation>
    </message>
    <message>
        <source>Letters name the staff</source>
        <translation>Kirjeet nimeävät henkilöstön</translation>
    </message>
    <message>
        <source>Financial year ends (MM-DD)</source>
        <translation>Tilikausi päättyy (KK-PP)</translation>
    </message>
    <message>
        <source>Retention: years after the last order or contact</source>
        <translation>Säilytys: vuotta viimeisen tilauksen tai yhteydenoton jälkeen</translation>
    </message>
    <message>
        <source>Retention: years for orders and vouchers (at least 6)</source>
        <translation>Säilytys: tilausten ja tositteiden vuodet (vähintään 6)</translation>
    </message>
    <message>
        <source>Retention: years for archived letters</source>
        <translation>Säilytys: arkistoitujen kirjeiden vuodet</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About kkdesk</source>
        <translation>Tietoja kkdeskistä</translation>
    </message>
    <message>
        <source>kkdesk %1 — Konekesko Webshop customer register.</source>
        <translation>kkdesk %1 — Konekesko Webshopin asiakasrekisteri.</translation>
    </message>
    <message>
        <source>Database: %1, %2</source>
        <translation>Tietokanta: %1, %2</translation>
    </message>
    <message>
        <source>Schema version: %1</source>
        <translation>Skeeman versio: %1</translation>
    </message>
    <message>
        <source>Schema version: %1 (this program expects %2)</source>
        <translation>Skeeman versio: %1 (tämä ohjelma odottaa versiota %2)</translation>
    </message>
    <message>
        <source>Schema version: not created (this program expects %1)</source>
        <translation>Skeeman versio: ei luotu (tämä ohjelma odottaa versiota %1)</translation>
    </message>
    <message>
        <source>Log files: %1</source>
        <translation>Lokitiedostot: %1</translation>
    </message>
</context>
<context>
    <name>BugDialog</name>
    <message>
        <source>kkdesk — a bug</source>
        <translation>kkdesk — ohjelmavirhe</translation>
    </message>
    <message>
        <source>The details were written to the log file. Please copy them and send them to your support contact with a few words on what you were doing. You can go on working.</source>
        <translation>Tiedot kirjoitettiin lokitiedostoon. Kopioi ne ja lähetä tukihenkilöllesi muutaman sanan kera siitä, mitä olit tekemässä. Voit jatkaa työskentelyä.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Tiedot</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>&amp;Kopioi tiedot</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopioitu</translation>
    </message>
</context>
<context>
    <name>SnapshotDialog</name>
    <message>
        <source>Save offline snapshot</source>
        <translation>Tallenna offline-tilannekuva</translation>
    </message>
    <message>
        <source>kkdesk snapshots (*.kksnap)</source>
        <translation>kkdesk-tilannekuvat (*.kksnap)</translation>
    </message>
    <message>
        <source>Open offline snapshot</source>
        <translation>Avaa offline-tilannekuva</translation>
    </message>
    <message>
        <source>Take customers offline</source>
        <translation>Vie asiakkaat offline-käyttöön</translation>
    </message>
    <message>
        <source>An encrypted, read-only snapshot of %1 customer(s) for review where the register cannot be reached. Only you can open it, on this computer: its key stays in your keyring. Making it is recorded in the audit trail, and every customer you open in it is recorded when you next sign in.</source>
        <translation>Salattu, vain luettava tilannekuva %1 asiakkaasta tarkasteluun silloin, kun rekisteriin ei saada yhteyttä. Vain sinä voit avata sen, tällä tietokoneella: sen avain on vain sinun avainnipussasi. Tilannekuvan tekeminen kirjataan lokiin, ja jokainen siinä avaamasi asiakas kirjataan, kun seuraavan kerran kirjaudut sisään.</translation>
    </message>
    <message>
        <source> days</source>
        <translation> päivää</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Selaa…</translation>
    </message>
    <message>
        <source>&amp;Expires after:</source>
        <translation>&amp;Vanhenee:</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>Ti&amp;edosto:</translation>
    </message>
    <message>
        <source>&amp;Make snapshot</source>
        <translation>&amp;Tee tilannekuva</translation>
    </message>
    <message>
        <source>Choose the file to write.</source>
        <translation>Valitse tallennettava tiedosto.</translation>
    </message>
    <message>
        <source>Making the snapshot…</source>
        <translation>Tehdään tilannekuvaa…</translation>
    </message>
    <message>
        <source>Snapshot of %1 customer(s) written to %2; it expires %3.</source>
        <translation>Tilannekuva %1 asiakkaasta tallennettiin tiedostoon %2; se vanhenee %3.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sulje</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <source>Identity of the requester</source>
        <translation>Pyytäjän henkilöllisyys</translation>
    </message>
    <message>
        <source>e.g. passport checked at the counter</source>
        <translation>esim. passi tarkistettu tiskillä</translation>
    </message>
    <message>
        <source>you (%1)</source>
        <translation>sinä (%1)</translation>
    </message>
    <message>
        <source>only if the copy goes without a check</source>
        <translation>vain jos jäljennös lähtee ilman tarkistusta</translation>
    </message>
    <message>
        <source>Request %1: a copy of the data is made only after the requester's identity has been checked. If it cannot be checked yet, send a request for identification instead.</source>
        <translation>Pyyntö %1: tietojen jäljennös tehdään vasta, kun pyytäjän henkilöllisyys on tarkistettu. Jos sitä ei vielä voi tarkistaa, lähetä sen sijaan pyyntö henkilöllisyyden todistamisesta.</translation>
    </message>
    <message>
        <source>&amp;Identity checked how:</source>
        <translation>Henkilöllisyyden &amp;tarkistustapa:</translation>
    </message>
    <message>
        <source>Checked &amp;by:</source>
        <translation>Tarkist&amp;aja:</translation>
    </message>
    <message>
        <source>Or &amp;why without a check:</source>
        <translation>Tai &amp;miksi ilman tarkistusta:</translation>
    </message>
</context>
<context>
    <name>OverviewHeader</name>
    <message>
        <source>Customer summary</source>
        <translation>Asiakkaan yhteenveto</translation>
    </message>
    <message>
        <source>Loading the summary…</source>
        <translation>Ladataan yhteenvetoa…</translation>
    </message>
    <message>
        <source>Processing restricted since %1 (Art. 18)</source>
        <translation>Käsittely rajoitettu %1 alkaen (18 art.)</translation>
    </message>
    <message>
        <source>Marketing: not allowed — %1</source>
        <translation>Markkinointi: ei sallittu — %1</translation>
    </message>
    <message>
        <source>%1 ✓</source>
        <translation>%1 ✓</translation>
    </message>
    <message>
        <source>%1 (some purposes)</source>
        <translation>%1 (osa tarkoituksista)</translation>
    </message>
    <message>
        <source>%1 ✗ (no consent)</source>
        <translation>%1 ✗ (ei suostumusta)</translation>
    </message>
    <message>
        <source>%1 ✗</source>
        <translation>%1 ✗</translation>
    </message>
    <message>
        <source>Marketing: %1</source>
        <translation>Markkinointi: %1</translation>
    </message>
    <message>
        <source>No open orders or returns</source>
        <translation>Ei avoimia tilauksia tai palautuksia</translation>
    </message>
    <message>
        <source>Open orders: %1, returns: %2</source>
        <translation>Avoimia tilauksia: %1, palautuksia: %2</translation>
    </message>
    <message>
        <source>No open requests</source>
        <translation>Ei avoimia pyyntöjä</translation>
    </message>
    <message>
        <source>Open request: %1, deadline %2</source>
        <translation>Avoin pyyntö: %1, määräaika %2</translation>
    </message>
    <message>
        <source>%3 open requests; next: %1, deadline %2</source>
        <translation>%3 avointa pyyntöä; lähin: %1, määräaika %2</translation>
    </message>
    <message>
        <source>(overdue)</source>
        <translation>(myöhässä)</translation>
    </message>
    <message>
        <source>Legal hold: no erasure (Art. 17(3))</source>
        <translation>Säilytysvelvoite: ei poistoa (17 art. 3 kohta)</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Correct a step — order %1</source>
        <translation>Korjaa vaihe — tilaus %1</translation>
    </message>
    <message>
        <source>The step stays in the timeline, marked corrected; the correction and its reason are kept with your name and written to the customer's log.</source>
        <translation>Vaihe jää aikajanalle korjatuksi merkittynä; korjaus ja sen syy tallennetaan nimelläsi ja kirjataan asiakkaan lokiin.</translation>
    </message>
    <message>
        <source>&amp;Step:</source>
        <translation>&amp;Vaihe:</translation>
    </message>
    <message>
        <source>It &amp;happened on</source>
        <translation>&amp;Tapahtui</translation>
    </message>
    <message>
        <source>It did &amp;not happen</source>
        <translation>&amp;Ei tapahtunut</translation>
    </message>
    <message>
        <source>The right date</source>
        <translation>Oikea päivämäärä</translation>
    </message>
    <message>
        <source>What is right:</source>
        <translation>Oikein on:</translation>
    </message>
    <message>
        <source>The right amount refunded, including VAT</source>
        <translation>Oikea hyvitetty summa sisältäen alv:n</translation>
    </message>
    <message>
        <source>&amp;Amount incl. VAT:</source>
        <translation>&amp;Summa sis. alv:</translation>
    </message>
    <message>
        <source>e.g. the carrier's receipt gives another day</source>
        <translation>esim. kuljetusliikkeen kuittauksessa on eri päivä</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>S&amp;yy:</translation>
    </message>
    <message>
        <source>Record correction</source>
        <translation>Kirjaa korjaus</translation>
    </message>
    <message>
        <source>Delivered %1</source>
        <translation>Toimitettu %1</translation>
    </message>
    <message>
        <source>Return %1 received %2</source>
        <translation>Palautus %1 saapunut %2</translation>
    </message>
    <message>
        <source>Return %1 refunded %2, %3</source>
        <translation>Palautus %1 hyvitetty %2, %3</translation>
    </message>
    <message>
        <source>“%1” will be recorded as not having happened.</source>
        <translation>”%1” kirjataan tapahtumattomaksi.</translation>
    </message>
    <message>
        <source>“%1” will be corrected to %2, %3.</source>
        <translation>”%1” korjataan: %2, %3.</translation>
    </message>
    <message>
        <source>“%1” will be corrected to %2.</source>
        <translation>”%1” korjataan päivälle %2.</translation>
    </message>
    <message>
        <source>Give the right date (or amount), and say why.</source>
        <translation>Anna oikea päivämäärä (tai summa) ja kerro syy.</translation>
    </message>
</context>
<context>
    <name>DeliveryDialog</name>
    <message>
        <source>Mark delivered — order %1</source>
        <translation>Merkitse toimitetuksi — tilaus %1</translation>
    </message>
    <message>
        <source>Order %1 of %2</source>
        <translation>Tilaus %1, tehty %2</translation>
    </message>
    <message>
        <source>Shipped %1</source>
        <translation>Lähetetty %1</translation>
    </message>
    <message>
        <source>Deli&amp;very:</source>
        <translation>&amp;Lähetys:</translation>
    </message>
    <message>
        <source>Delivered on</source>
        <translation>Toimituspäivä</translation>
    </message>
    <message>
        <source>Delivered &amp;on:</source>
        <translation>&amp;Toimitettu:</translation>
    </message>
    <message>
        <source>Mark delivered</source>
        <translation>Merkitse toimitetuksi</translation>
    </message>
    <message>
        <source>Order %1 will be marked delivered today, %2.</source>
        <translation>Tilaus %1 merkitään toimitetuksi tänään %2.</translation>
    </message>
    <message>
        <source>Order %1 will be marked delivered on %2.</source>
        <translation>Tilaus %1 merkitään toimitetuksi %2.</translation>
    </message>
    <message>
        <source>It is recorded in the order's history and the customer's log.</source>
        <translation>Merkintä näkyy tilauksen historiassa ja asiakkaan lokissa.</translation>
    </message>
</context>
<context>
    <name>ReturnStepDialog</name>
    <message>
        <source>Refund — order %1</source>
        <translation>Hyvitys — tilaus %1</translation>
    </message>
    <message>
        <source>Return received — order %1</source>
        <translation>Palautus saapunut — tilaus %1</translation>
    </message>
    <message>
        <source>Order %1 of %2</source>
        <translation>Tilaus %1, tehty %2</translation>
    </message>
    <message>
        <source>%1, requested %2: %3</source>
        <translation>%1, pyydetty %2: %3</translation>
    </message>
    <message>
        <source>Re&amp;turn:</source>
        <translation>&amp;Palautus:</translation>
    </message>
    <message>
        <source>Refunded &amp;on:</source>
        <translation>&amp;Hyvitetty:</translation>
    </message>
    <message>
        <source>Received &amp;on:</source>
        <translation>&amp;Saapunut:</translation>
    </message>
    <message>
        <source>&amp;Amount incl. VAT:</source>
        <translation>S&amp;umma sis. alv:</translation>
    </message>
    <message>
        <source>Amount refunded, including VAT</source>
        <translation>Hyvitetty summa sisältäen alv:n</translation>
    </message>
    <message>
        <source>Record refund</source>
        <translation>Kirjaa hyvitys</translation>
    </message>
    <message>
        <source>Mark received</source>
        <translation>Merkitse saapuneeksi</translation>
    </message>
    <message>
        <source>At most %1: what the customer paid for the returned items.</source>
        <translation>Enintään %1 eli se, mitä asiakas maksoi palautetuista tuotteista.</translation>
    </message>
    <message>
        <source>Return %1 will be marked received on %2.</source>
        <translation>Palautus %1 merkitään saapuneeksi %2.</translation>
    </message>
    <message>
        <source>A refund of %3 for return %1 will be recorded on %2.</source>
        <translation>Palautukselle %1 kirjataan %3:n hyvitys päivälle %2.</translation>
    </message>
    <message>
        <source>It is recorded in the order's history and the customer's log.</source>
        <translation>Merkintä näkyy tilauksen historiassa ja asiakkaan lokissa.</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>Saving…</source>
        <translation>Tallennetaan…</translation>
    </message>
</context>
<context>
    <name>AddressUpdateDialog</name>
    <message>
        <source>Matched and changed</source>
        <translation>Löytyi ja muuttuu</translation>
    </message>
    <message>
        <source>Already current</source>
        <translation>Jo ajan tasalla</translation>
    </message>
    <message>
        <source>Ambiguous</source>
        <translation>Moniselitteinen</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Ei löytynyt</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>Virheellinen</translation>
    </message>
    <message>
        <source>Prohibits updating</source>
        <translation>Päivityskielto</translation>
    </message>
    <message>
        <source>The person prohibits updating of their data.</source>
        <translation>Henkilö on kieltänyt tietojensa päivittämisen.</translation>
    </message>
    <message>
        <source>No customer fits this line.</source>
        <translation>Mikään asiakas ei vastaa tätä riviä.</translation>
    </message>
    <message>
        <source>The file changes this customer on another line too.</source>
        <translation>Tiedosto muuttaa tätä asiakasta myös toisella rivillä.</translation>
    </message>
    <message>
        <source>Several customers fit this line.</source>
        <translation>Useampi asiakas vastaa tätä riviä.</translation>
    </message>
    <message>
        <source>%1 (new value): %2</source>
        <translation>%1 (uusi arvo): %2</translation>
    </message>
    <message>
        <source>The customer number is not valid.</source>
        <translation>Asiakasnumero ei kelpaa.</translation>
    </message>
    <message>
        <source>Needs a customer number, or a name and the old address.</source>
        <translation>Tarvitaan asiakasnumero tai nimi ja vanha osoite.</translation>
    </message>
    <message>
        <source>The valid-from date is not a date.</source>
        <translation>Voimassaolon alkupäivä ei ole päivämäärä.</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text; save it as UTF-8.</source>
        <translation>Tiedosto ei ole UTF-8-tekstiä; tallenna se UTF-8-muodossa.</translation>
    </message>
    <message>
        <source>Columns missing</source>
        <translation>Sarakkeita puuttuu</translation>
    </message>
    <message>
        <source>Unknown columns</source>
        <translation>Tuntemattomia sarakkeita</translation>
    </message>
    <message>
        <source>Columns given twice</source>
        <translation>Sarakkeita kahdesti</translation>
    </message>
    <message>
        <source>The line has a different number of cells than the header.</source>
        <translation>Rivillä on eri määrä kenttiä kuin otsikkorivillä.</translation>
    </message>
    <message>
        <source>The line cannot be read (broken quotation marks?).</source>
        <translation>Riviä ei voi lukea (rikkinäiset lainausmerkit?).</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Tiedosto on tyhjä.</translation>
    </message>
    <message>
        <source>The file is too large to be an address-update file.</source>
        <translation>Tiedosto on liian suuri osoitepäivitystiedostoksi.</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>rivi %1: %2</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Rivi</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Tulos</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Asiakas</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Voimassa alkaen</translation>
    </message>
    <message>
        <source>Change or reason</source>
        <translation>Muutos tai syy</translation>
    </message>
    <message>
        <source>Open address-update file</source>
        <translation>Avaa osoitepäivitystiedosto</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-tiedostot (*.csv);;Kaikki tiedostot (*)</translation>
    </message>
    <message>
        <source>Apply address updates</source>
        <translation>Tee osoitepäivitykset</translation>
    </message>
    <message>
        <source>Change the address of %1 customers? Each change is recorded with “%2” as its source.</source>
        <translation>Muutetaanko %1 asiakkaan osoite? Jokaisen muutoksen lähteeksi kirjataan ”%2”.</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Tee muutokset</translation>
    </message>
    <message>
        <source>Import address updates</source>
        <translation>Tuo osoitepäivitykset</translation>
    </message>
    <message>
        <source>Address changes from an update service (register description, section 6). Preview first: only the lines matched to one customer whose address differs are applied, in one go, each recorded with the update service as its source. People who prohibit updating of their data are skipped.</source>
        <translation>Osoitemuutokset päivityspalvelusta (rekisteriseloste, kohta 6). Esikatsele ensin: vain rivit, jotka vastaavat yhtä asiakasta ja joiden osoite poikkeaa, tehdään – kaikki kerralla, ja jokaisen lähteeksi kirjataan päivityspalvelu. Päivityskiellon tehneiden tietoja ei muuteta.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tiedosto</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Valitse…</translation>
    </message>
    <message>
        <source>Update service</source>
        <translation>Päivityspalvelu</translation>
    </message>
    <message>
        <source>e.g. Posti address update service</source>
        <translation>esim. Postin osoitepäivityspalvelu</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Tiedosto:</translation>
    </message>
    <message>
        <source>&amp;Update service:</source>
        <translation>&amp;Päivityspalvelu:</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Näytä</translation>
    </message>
    <message>
        <source>All lines</source>
        <translation>Kaikki rivit</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Näytä:</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Esikatsele</translation>
    </message>
    <message>
        <source>&amp;Apply…</source>
        <translation>Tee m&amp;uutokset…</translation>
    </message>
    <message>
        <source>Your user level does not allow changing customers' data.</source>
        <translation>Käyttäjätasosi ei salli asiakastietojen muuttamista.</translation>
    </message>
    <message>
        <source>Choose the file to import.</source>
        <translation>Valitse tuotava tiedosto.</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Luetaan tiedostoa…</translation>
    </message>
    <message>
        <source>Finding the customers…</source>
        <translation>Etsitään asiakkaita…</translation>
    </message>
    <message>
        <source>Changing the addresses…</source>
        <translation>Muutetaan osoitteita…</translation>
    </message>
    <message>
        <source>%1 lines read; %2 addresses would change. Nothing has been changed yet.</source>
        <translation>%1 riviä luettu; %2 osoitetta muuttuisi. Mitään ei ole vielä muutettu.</translation>
    </message>
    <message>
        <source>Changed the address of %1 customers; each change is in their history.</source>
        <translation>%1 asiakkaan osoite muutettu; jokainen muutos näkyy heidän muutoshistoriassaan.</translation>
    </message>
    <message>
        <source>The file was refused and nothing was changed:</source>
        <translation>Tiedosto hylättiin eikä mitään muutettu:</translation>
    </message>
    <message>
        <source>The processing of the person&apos;s data is restricted (Art. 18).</source>
        <translation>Henkilön tietojen käsittelyä on rajoitettu (18 art.).</translation>
    </message>
</context>
<context>
    <name>OpeningWindow</name>
    <message>
        <source>Opening the register…</source>
        <translation>Avataan rekisteriä…</translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message>
        <source>Run retention</source>
        <translation>Säilytysajan ylittäneiden poisto</translation>
    </message>
    <message>
        <source>This cannot be undone. A report of everything done is written to a file.</source>
        <translation>Tätä ei voi perua. Kaikesta tehdystä kirjoitetaan raportti tiedostoon.</translation>
    </message>
    <message>
        <source>Erase and remove</source>
        <translation>Poista</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Säilytysajat</translation>
    </message>
    <message>
        <source>The privacy notice promises how long data is kept; the periods are register settings. These are past their period today. A dry run lists them in a report and changes nothing; a run erases the customers and removes the orders and letters.</source>
        <translation>Tietosuojaseloste lupaa, kuinka kauan tietoja säilytetään; säilytysajat ovat rekisterin asetuksia. Nämä ovat tänään säilytysaikansa ylittäneet. Kokeiluajo luettelee ne raporttiin eikä muuta mitään; ajo poistaa asiakkaiden tiedot sekä tilaukset ja kirjeet.</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Mitä</translation>
    </message>
    <message>
        <source>Past its period when</source>
        <translation>Säilytysaika ylittynyt, kun</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Määrä</translation>
    </message>
    <message>
        <source>Your user level removes orders and letters; customers past their period are listed in the report and erased by the privacy level.</source>
        <translation>Käyttäjätasosi poistaa tilaukset ja kirjeet; säilytysajan ylittäneet asiakkaat luetellaan raportissa, ja heidän tietonsa poistaa tietosuojataso.</translation>
    </message>
    <message>
        <source>&amp;Dry run</source>
        <translation>&amp;Kokeiluajo</translation>
    </message>
    <message>
        <source>&amp;Run…</source>
        <translation>&amp;Aja…</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Pysäytä</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sulje</translation>
    </message>
    <message>
        <source>Counting what is past its period…</source>
        <translation>Lasketaan säilytysajan ylittäneitä…</translation>
    </message>
    <message>
        <source>Customers past the relationship period</source>
        <translation>Asiakkuuden säilytysajan ylittäneet asiakkaat</translation>
    </message>
    <message>
        <source>Orders past the accounting period</source>
        <translation>Kirjanpidon säilytysajan ylittäneet tilaukset</translation>
    </message>
    <message>
        <source>Archived letters past their period</source>
        <translation>Säilytysajan ylittäneet arkistoidut kirjeet</translation>
    </message>
    <message>
        <source>No order or contact since %1 (%2 years), nothing open, no hold</source>
        <translation>Ei tilausta eikä yhteydenottoa %1 jälkeen (%2 vuotta), ei mitään kesken, ei säilytysvelvoitetta</translation>
    </message>
    <message>
        <source>Ordered on or before %1 (%2 years from the end of the year in which the financial year ended)</source>
        <translation>Tilattu viimeistään %1 (%2 vuotta sen vuoden lopusta, jonka aikana tilikausi päättyi)</translation>
    </message>
    <message>
        <source>Made on or before %1 (%2 years)</source>
        <translation>Laadittu viimeistään %1 (%2 vuotta)</translation>
    </message>
    <message>
        <source>Listing…</source>
        <translation>Luetellaan…</translation>
    </message>
    <message>
        <source>Erasing and removing…</source>
        <translation>Poistetaan…</translation>
    </message>
    <message>
        <source>Stopping after the current batch…</source>
        <translation>Pysäytetään meneillään olevan erän jälkeen…</translation>
    </message>
    <message>
        <source>Stopped before the end.</source>
        <translation>Pysäytettiin ennen loppua.</translation>
    </message>
    <message>
        <source>Report: %1</source>
        <translation>Raportti: %1</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Pysäytetty</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Valmis</translation>
    </message>
    <message>
        <source>%1 customers past the period were skipped (a legal hold, a restriction of processing, an open order or return): the report names them and why.</source>
        <translation>%1 säilytysajan ylittänyttä asiakasta ohitettiin (oikeudellinen pidätys, käsittelyn rajoitus, avoin tilaus tai palautus): raportti nimeää heidät ja syyn.</translation>
    </message>
    <message>
        <source>; %1 more are held (a legal hold, a restriction of processing, an open order or return) and will be skipped</source>
        <translation>; lisäksi %1 on pidätetty (oikeudellinen pidätys, käsittelyn rajoitus, avoin tilaus tai palautus) ja ohitetaan</translation>
    </message>
    <message>
        <source>Erase %1 and remove %2 and %3?</source>
        <translation>Poistetaanko %1 sekä %2 ja %3?</translation>
    </message>
    <message>
        <source>Remove %2 and %3?</source>
        <translation>Poistetaanko %2 ja %3?</translation>
    </message>
    <message>
        <source>Dry run: %1, %2 and %3 are past their period; nothing was changed.</source>
        <translation>Kokeiluajo: %1, %2 ja %3 on ylittänyt säilytysaikansa; mitään ei muutettu.</translation>
    </message>
    <message>
        <source>%1 erased; %2 and %3 removed.</source>
        <translation>Poistettiin %1 sekä %2 ja %3.</translation>
    </message>
    <message>
        <source>1 customer</source>
        <translation>1 asiakas</translation>
    </message>
    <message>
        <source>%1 customers</source>
        <translation>%1 asiakasta</translation>
    </message>
    <message>
        <source>1 order</source>
        <translation>1 tilaus</translation>
    </message>
    <message>
        <source>%1 orders</source>
        <translation>%1 tilausta</translation>
    </message>
    <message>
        <source>1 archived letter</source>
        <translation>1 arkistoitu kirje</translation>
    </message>
    <message>
        <source>%1 archived letters</source>
        <translation>%1 arkistoitua kirjettä</translation>
    </message>
    <message>
        <source>; 1 more is held (a legal hold, a restriction of processing, an open order or return) and will be skipped</source>
        <translation>; lisäksi 1 on pidätetty (oikeudellinen pidätys, käsittelyn rajoitus, avoin tilaus tai palautus) ja ohitetaan</translation>
    </message>
    <message>
        <source>1 customer past the period was skipped (a legal hold, a restriction of processing, an open order or return): the report names them and why.</source>
        <translation>1 säilytysajan ylittänyt asiakas ohitettiin (oikeudellinen pidätys, käsittelyn rajoitus, avoin tilaus tai palautus): raportti nimeää hänet ja syyn.</translation>
    </message>
</context>
<context>
    <name>erasure</name>
    <message>
        <source>Erase personal data</source>
        <translation>Poista henkilötiedot</translation>
    </message>
    <message>
        <source>Erasing %1 blanks every personal value in the register for good: basic data, change history, notes, the notes of prohibitions and consents, the texts of requests and disclosures, delivery addresses and search keys.

Kept: orders inside their accounting period (without the person, with a pseudonymous reference), the suppression list (so that the person is never marketed to again) and archived letters for their own period. An outcome letter is made and archived (on the open erasure request, which is then closed).</source>
        <translation>Kun %1 poistetaan, rekisteristä tyhjennetään pysyvästi kaikki henkilötiedot: perustiedot, muutoshistoria, muistiinpanot, kieltojen ja suostumusten lisätiedot, pyyntöjen ja luovutusten tekstit, toimitusosoitteet ja hakutiedot.

Säilyvät: kirjanpitoajan sisällä olevat tilaukset (ilman henkilöä, tunnuksella), markkinoinnin estolista (jottei henkilölle enää markkinoida) ja arkistoidut kirjeet oman säilytysaikansa. Poistosta tehdään ja arkistoidaan ilmoituskirje (avoimeen poistopyyntöön, joka sitten suljetaan).</translation>
    </message>
    <message>
        <source>e.g. the customer's request by letter of 2 March</source>
        <translation>esim. asiakkaan pyyntö 2.3. päivätyllä kirjeellä</translation>
    </message>
    <message>
        <source>&amp;Continue…</source>
        <translation>&amp;Jatka…</translation>
    </message>
    <message>
        <source>Erase all personal data of %1 for good?</source>
        <translation>Poistetaanko kaikki henkilön %1 henkilötiedot pysyvästi?</translation>
    </message>
    <message>
        <source>This cannot be undone.</source>
        <translation>Poistoa ei voi perua.</translation>
    </message>
    <message>
        <source>&amp;Erase %1</source>
        <translation>&amp;Poista %1</translation>
    </message>
</context>
<context>
    <name>restriction</name>
    <message>
        <source>(a) Accuracy contested, being verified</source>
        <translation>(a) Paikkansapitävyys kiistetty, tarkistetaan</translation>
    </message>
    <message>
        <source>(b) Unlawful processing, erasure opposed</source>
        <translation>(b) Lainvastainen käsittely, poistamista vastustettu</translation>
    </message>
    <message>
        <source>(c) Needed by the person for legal claims</source>
        <translation>(c) Henkilö tarvitsee tietoja oikeudelliseen vaateeseen</translation>
    </message>
    <message>
        <source>(d) Objection pending verification</source>
        <translation>(d) Vastustaminen selvitettävänä</translation>
    </message>
    <message>
        <source>Processing restricted since %1 (GDPR Art. 18). The data is only stored: it can be read, but not changed, exported, used for marketing, sent to others or ordered for. Consents and prohibitions can still be recorded.</source>
        <translation>Käsittely rajoitettu %1 alkaen (tietosuoja-asetuksen 18 artikla). Tiedot vain säilytetään: niitä voi lukea, mutta ei muuttaa, viedä, käyttää markkinointiin, lähettää muille eikä niille voi kirjata tilauksia. Suostumuksia ja kieltoja voi yhä kirjata.</translation>
    </message>
</context>
<context>
    <name>RestrictDialog</name>
    <message>
        <source>Restrict processing — %1</source>
        <translation>Rajoita käsittelyä — %1</translation>
    </message>
    <message>
        <source>While the restriction is in force the customer&apos;s data is only stored: changes, exports, marketing, letters to others and new orders are refused, by the central database too. Lifting it later needs a notice to the person first (Art. 18(3)).</source>
        <translation>Rajoituksen ollessa voimassa asiakkaan tiedot vain säilytetään: muutokset, viennit, markkinointi, kirjeet muille ja uudet tilaukset estetään, myös keskitetyssä tietokannassa. Rajoituksen poistaminen vaatii ensin ilmoituksen henkilölle (18 artiklan 3 kohta).</translation>
    </message>
    <message>
        <source>Why, in a sentence or two (required)</source>
        <translation>Miksi, lauseella tai kahdella (pakollinen)</translation>
    </message>
    <message>
        <source>Request number, if it answers one</source>
        <translation>Pyynnön numero, jos rajoitus vastaa pyyntöön</translation>
    </message>
    <message>
        <source>&amp;Ground (Art. 18(1)):</source>
        <translation>&amp;Peruste (18 art. 1 kohta):</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Syy:</translation>
    </message>
    <message>
        <source>Re&amp;quest:</source>
        <translation>Pyy&amp;ntö:</translation>
    </message>
    <message>
        <source>&amp;Restrict</source>
        <translation>&amp;Rajoita</translation>
    </message>
    <message>
        <source>Give the reason (at most %1 characters).</source>
        <translation>Anna syy (enintään %1 merkkiä).</translation>
    </message>
    <message>
        <source>A request number is digits only.</source>
        <translation>Pyynnön numerossa on vain numeroita.</translation>
    </message>
    <message>
        <source>Restricting…</source>
        <translation>Rajoitetaan…</translation>
    </message>
</context>
<context>
    <name>LiftDialog</name>
    <message>
        <source>Lift the restriction — %1</source>
        <translation>Poista rajoitus — %1</translation>
    </message>
    <message>
        <source>Loading the restriction…</source>
        <translation>Haetaan rajoitusta…</translation>
    </message>
    <message>
        <source>1. Make the notice: it tells the person that the restriction will be lifted (Art. 18(3)) and is archived on the customer. Save or print it and send it.
2. Then lift the restriction. A lift without the notice is refused.</source>
        <translation>1. Laadi ilmoitus: se kertoo henkilölle, että rajoitus poistetaan (18 artiklan 3 kohta), ja se arkistoidaan asiakkaalle. Tallenna tai tulosta se ja lähetä.
2. Poista sitten rajoitus. Poistaminen ilman ilmoitusta estetään.</translation>
    </message>
    <message>
        <source>Finnish</source>
        <translation>suomi</translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation>ruotsi</translation>
    </message>
    <message>
        <source>English</source>
        <translation>englanti</translation>
    </message>
    <message>
        <source>Why it ends, printed in the notice (optional)</source>
        <translation>Miksi rajoitus päättyy, tulostuu ilmoitukseen (vapaaehtoinen)</translation>
    </message>
    <message>
        <source>&amp;Language of the notice:</source>
        <translation>Ilmoituksen &amp;kieli:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Syy:</translation>
    </message>
    <message>
        <source>&amp;1. Make the notice</source>
        <translation>&amp;1. Laadi ilmoitus</translation>
    </message>
    <message>
        <source>&amp;Save the notice…</source>
        <translation>&amp;Tallenna ilmoitus…</translation>
    </message>
    <message>
        <source>&amp;2. Lift the restriction</source>
        <translation>&amp;2. Poista rajoitus</translation>
    </message>
    <message>
        <source>Make the notice to the person first (Art. 18(3)).</source>
        <translation>Laadi ensin ilmoitus henkilölle (18 artiklan 3 kohta).</translation>
    </message>
    <message>
        <source>The customer&apos;s processing is not restricted.</source>
        <translation>Asiakkaan käsittelyä ei ole rajoitettu.</translation>
    </message>
    <message>
        <source>Restricted since %1 on ground %2. Reason: %3</source>
        <translation>Rajoitettu %1 alkaen perusteella %2. Syy: %3</translation>
    </message>
    <message>
        <source>Making the notice…</source>
        <translation>Laaditaan ilmoitusta…</translation>
    </message>
    <message>
        <source>The notice is made and archived on the customer (letter %1). Send it to the person, then lift the restriction.</source>
        <translation>Ilmoitus on laadittu ja arkistoitu asiakkaalle (kirje %1). Lähetä se henkilölle ja poista sitten rajoitus.</translation>
    </message>
    <message>
        <source>Save the notice</source>
        <translation>Tallenna ilmoitus</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-tiedostot (*.pdf)</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>Tiedostoa ei voitu kirjoittaa: %1</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Tallennettu: %1</translation>
    </message>
    <message>
        <source>Lifting…</source>
        <translation>Poistetaan rajoitusta…</translation>
    </message>
    <message>
        <source>Lift the restriction</source>
        <translation>Poista rajoitus</translation>
    </message>
    <message>
        <source>Has the notice been sent to the person? After the lift the customer&apos;s data is processed normally again.</source>
        <translation>Onko ilmoitus lähetetty henkilölle? Poistamisen jälkeen asiakkaan tietoja käsitellään taas tavalliseen tapaan.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Osoite</translation>
    </message>
    <message>
        <source>Keep %1&apos;s</source>
        <translation>Säilytä %1:n arvo</translation>
    </message>
    <message>
        <source>Take %1&apos;s</source>
        <translation>Ota %1:n arvo</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Molemmat</translation>
    </message>
    <message>
        <source>Merge customers</source>
        <translation>Yhdistä asiakkaat</translation>
    </message>
    <message>
        <source>Merge customer %2 into customer %1? This cannot be undone: %2&apos;s orders, history, requests and disclosures move to %1, and the number %2 will only lead to %1.</source>
        <translation>Yhdistetäänkö asiakas %2 asiakkaaseen %1? Tätä ei voi perua: asiakkaan %2 tilaukset, muutoshistoria, pyynnöt ja luovutukset siirtyvät asiakkaalle %1, ja numero %2 johtaa tämän jälkeen vain asiakkaaseen %1.</translation>
    </message>
    <message>
        <source>Merge %2 into %1</source>
        <translation>Yhdistä %2 asiakkaaseen %1</translation>
    </message>
    <message>
        <source>Both records side by side</source>
        <translation>Molemmat tietueet rinnakkain</translation>
    </message>
    <message>
        <source>Reading both records…</source>
        <translation>Luetaan molempia tietueita…</translation>
    </message>
    <message>
        <source>Customer %2 is merged into customer %1, which is kept.</source>
        <translation>Asiakas %2 yhdistetään asiakkaaseen %1, joka säilyy.</translation>
    </message>
    <message>
        <source>&amp;Merge %2 into %1…</source>
        <translation>&amp;Yhdistä %2 asiakkaaseen %1…</translation>
    </message>
    <message>
        <source>&amp;Keep %1 instead</source>
        <translation>&amp;Säilytä sen sijaan %1</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Tieto</translation>
    </message>
    <message>
        <source>%1 (kept)</source>
        <translation>%1 (säilyy)</translation>
    </message>
    <message>
        <source>%1 (merged away)</source>
        <translation>%1 (yhdistetään pois)</translation>
    </message>
    <message>
        <source>The merged record takes</source>
        <translation>Yhdistetty tietue saa</translation>
    </message>
    <message>
        <source>Same</source>
        <translation>Sama</translation>
    </message>
    <message>
        <source>Value of %1 to keep</source>
        <translation>Säilytettävä arvo: %1</translation>
    </message>
    <message>
        <source>Prohibitions and consents: the kept record&apos;s stay as they are (the other record&apos;s are no less restrictive).</source>
        <translation>Kiellot ja suostumukset: säilyvän tietueen kiellot ja suostumukset pysyvät ennallaan (toisen tietueen eivät ole tiukempia).</translation>
    </message>
    <message>
        <source>Prohibitions and consents combine least-permissively; the kept record gets these new entries, each citing %1&apos;s statement:</source>
        <translation>Kiellot ja suostumukset yhdistetään tiukimman mukaan; säilyvään tietueeseen kirjataan nämä uudet merkinnät, kukin viitaten asiakkaan %1 ilmoitukseen:</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>kyllä</translation>
    </message>
    <message>
        <source>no</source>
        <translation>ei</translation>
    </message>
    <message>
        <source>Moves to %1: %2 orders, %3 history entries, %4 requests, %5 letters, %6 disclosures.</source>
        <translation>Siirtyy asiakkaalle %1: tilauksia %2, historiamerkintöjä %3, pyyntöjä %4, kirjeitä %5, luovutuksia %6.</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>Yhdistetään…</translation>
    </message>
</context>
<context>
    <name>LegalHoldDialog</name>
    <message>
        <source>Legal hold</source>
        <translation>Oikeudellinen säilytysvelvoite</translation>
    </message>
    <message>
        <source>%1 is under a legal hold since %2 (set by %3): it cannot be erased, by hand or by the retention run.

Reason: %4

Lift the hold when the claim, dispute or authority's request has ended.</source>
        <translation>Asiakkaalla %1 on oikeudellinen säilytysvelvoite %2 alkaen (asettanut %3): sitä ei voi poistaa käsin eikä säilytysajan ajossa.

Peruste: %4

Poista velvoite, kun vaatimus, riita tai viranomaisen pyyntö on päättynyt.</translation>
    </message>
    <message>
        <source>%1 is not under a legal hold.

A legal hold keeps the customer's data from being erased (GDPR Art. 17(3)(e): a legal claim, a dispute or an authority's request) until it is lifted. Say why; the reason is kept with the hold.</source>
        <translation>Asiakkaalla %1 ei ole oikeudellista säilytysvelvoitetta.

Säilytysvelvoite estää asiakkaan tietojen poistamisen (tietosuoja-asetuksen 17 artiklan 3 kohdan e alakohta: oikeudellinen vaatimus, riita tai viranomaisen pyyntö), kunnes se poistetaan. Kerro peruste; se tallennetaan velvoitteen yhteyteen.</translation>
    </message>
    <message>
        <source>optional, e.g. the dispute was settled</source>
        <translation>vapaaehtoinen, esim. riita on ratkaistu</translation>
    </message>
    <message>
        <source>e.g. a complaint to the consumer disputes board</source>
        <translation>esim. valitus kuluttajariitalautakunnalle</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Peruste:</translation>
    </message>
    <message>
        <source>&amp;Lift the hold…</source>
        <translation>P&amp;oista velvoite…</translation>
    </message>
    <message>
        <source>&amp;Set the hold…</source>
        <translation>&amp;Aseta velvoite…</translation>
    </message>
    <message>
        <source>Put %1 under a legal hold?</source>
        <translation>Asetetaanko asiakkaalle %1 säilytysvelvoite?</translation>
    </message>
    <message>
        <source>The customer cannot be erased until the hold is lifted.</source>
        <translation>Asiakasta ei voi poistaa ennen kuin velvoite poistetaan.</translation>
    </message>
    <message>
        <source>&amp;Set the hold</source>
        <translation>&amp;Aseta velvoite</translation>
    </message>
    <message>
        <source>Lift the legal hold of %1?</source>
        <translation>Poistetaanko asiakkaan %1 säilytysvelvoite?</translation>
    </message>
    <message>
        <source>The customer can then be erased, on request or by the retention run.</source>
        <translation>Asiakkaan voi sen jälkeen poistaa pyynnöstä tai säilytysajan ajossa.</translation>
    </message>
    <message>
        <source>&amp;Lift the hold</source>
        <translation>P&amp;oista velvoite</translation>
    </message>
</context>
</TS>
