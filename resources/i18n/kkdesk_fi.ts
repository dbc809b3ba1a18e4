<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi_FI">
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
        <location filename="../../kkdesk/ui/customer_form.py" line="+142"/>
        <source>Save refused</source>
        <translation>Tallennus estetty</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Keep my input over theirs</source>
        <translation>&amp;Pidä omat muutokseni heidän päällään</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Base your input on their version; Save then stores your changes.</source>
        <translation>Omat muutoksesi siirretään heidän versionsa päälle; Tallenna tallentaa ne.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use &amp;their version</source>
        <translation>Käytä &amp;heidän versiotaan</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Person</source>
        <translation>Henkilö</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <source>Date of &amp;birth:</source>
        <translation>S&amp;yntymäaika:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Company</source>
        <translation>Yritys</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Company name:</source>
        <translation>&amp;Yrityksen nimi:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>B&amp;usiness ID:</source>
        <translation>Y-t&amp;unnus:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address</source>
        <translation>Osoite</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;treet address:</source>
        <translation>&amp;Lähiosoite:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Postal code:</source>
        <translation>&amp;Postinumero:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post &amp;office:</source>
        <translation>Postit&amp;oimipaikka:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Countr&amp;y:</source>
        <translation>M&amp;aa:</translation>
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
        <source>&amp;Home phone:</source>
        <translation>&amp;Kotipuhelin:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Work phone:</source>
        <translation>&amp;Työpuhelin:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;E-mail:</source>
        <translation>Sä&amp;hköposti:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Language:</source>
        <translation>&amp;Kieli:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Other</source>
        <translation>Muut</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer s&amp;ince:</source>
        <translation>Asiakkaana a&amp;lkaen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notes:</source>
        <translation>&amp;Huomautukset:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other data (&amp;key: value):</source>
        <translation>Muut tiedot (&amp;nimi: arvo):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer-specific data, one &apos;name: value&apos; per line.</source>
        <translation>Asiakaskohtaiset tiedot, yksi &apos;nimi: arvo&apos; riviä kohden.</translation>
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
        <location line="+5"/>
        <source>A&amp;dd…</source>
        <translation>Lisä&amp;ä…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chan&amp;ge…</source>
        <translation>M&amp;uuta…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remo&amp;ve</source>
        <translation>Pois&amp;ta</translation>
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
        <translation>&amp;Peru muutokset</translation>
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
        <location line="-9"/>
        <source>&amp;Changes of personal data, newest first:</source>
        <translation>&amp;Henkilötietojen muutokset, uusin ensin:</translation>
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
        <translation>Käyttö&amp;tarkoitus:</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&amp;File</source>
        <translation>&amp;Tiedosto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your user level (%1) does not allow changing customers.</source>
        <translation>Käyttäjätasosi (%1) ei salli asiakkaiden muuttamista.</translation>
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
        <translation>&amp;Päivitä</translation>
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
        <translation>Valitse &amp;käyttötarkoitus</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Basic data tab</source>
        <translation>&amp;Perustiedot-välilehti</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Next tab</source>
        <translation>&amp;Seuraava välilehti</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pre&amp;vious tab</source>
        <translation>&amp;Edellinen välilehti</translation>
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
        <location line="+1"/>
        <source>Go to a field</source>
        <translation>Siirry kenttään</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Alt + the underlined letter</source>
        <translation>Alt + alleviivattu kirjain</translation>
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
        <source>embedded</source>
        <translation>sisäinen tietokanta</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../kkdesk/ui/timeline_panel.py" line="+630"/>
        <source>Record a return — order %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How many of each line does the customer return? At most what was delivered minus what has already been returned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ordered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Return now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Order lines to return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Return now: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing of this line can be returned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>e.g. wrong size, arrived broken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Record return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Nothing of this order can be returned: it has not been delivered, or everything delivered has been returned already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Saving…</source>
        <translation type="unfinished">Tallennetaan…</translation>
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
        <source>Name, customer number, e-mail, phone, postal code…</source>
        <translation>Nimi, asiakasnumero, sähköposti, puhelin, postinumero…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search customers</source>
        <translation>Hae asiakkaita</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name in either order, customer number, e-mail, phone, postal code or business ID. Press Down to move to the results.</source>
        <translation>Nimi kummin päin tahansa, asiakasnumero, sähköposti, puhelin, postinumero tai Y-tunnus. Alas-nuoli siirtää tuloksiin.</translation>
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
        <translation type="unfinished">Milloin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number</source>
        <translation type="unfinished">Numero</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount incl. VAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+124"/>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+32"/>
        <source>Including VAT %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="-25"/>
        <source>%n open return(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <location line="+429"/>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Product or order number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by product or order number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>From date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>To date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open items only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Orders not yet delivered and returns not yet refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>F&amp;rom:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Orders, deliveries and returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Details of the selected event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Record &amp;return…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mark &amp;delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Loading…</source>
        <translation type="unfinished">Ladataan…</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>No orders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No events match the filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n order(s) shown</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>scroll for more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Your user level (%1) cannot change orders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select an order first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Nothing of this order can be returned: it has not been delivered, or everything delivered has been returned already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No delivery of this order is on its way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Return %1 recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Order %1 marked delivered.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineWords</name>
    <message>
        <location line="-616"/>
        <source>%1 including VAT %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ordered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+61"/>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-53"/>
        <location line="+29"/>
        <source>not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Shipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracking code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivery address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>not yet (the items are worth %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VAT in the returned items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>At most %1 of “%2” can be returned: what was delivered minus what has already been returned. Someone may have recorded a return meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter how many of at least one line are returned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A returned quantity cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The line is not on this order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The reason is too long: at most 500 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This order has not been shipped; nothing to deliver.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The delivery has not been shipped yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The delivery is already marked delivered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A delivery cannot arrive before it was shipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Several deliveries of this order are on their way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The order is cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The order was not found.</source>
        <translation type="unfinished"></translation>
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
</context>
<context>
    <name>errors</name>
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
        <source>Write one &apos;name: value&apos; per line.</source>
        <translation>Kirjoita yksi &apos;nimi: arvo&apos; riviä kohden.</translation>
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
        <source>The register&apos;s rules do not allow this.</source>
        <translation>Rekisterin säännöt eivät salli tätä.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A customer&apos;s type cannot be changed; create a new customer instead.</source>
        <translation>Asiakkaan tyyppiä ei voi muuttaa; luo sen sijaan uusi asiakas.</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../kkdesk/ui/labels.py" line="+17"/>
        <source>Customer&apos;s notification by phone</source>
        <translation>Asiakkaan ilmoitus puhelimitse</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customer&apos;s notification by letter</source>
        <translation>Asiakkaan ilmoitus kirjeellä</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customer&apos;s notification by e-mail</source>
        <translation>Asiakkaan ilmoitus sähköpostilla</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customer&apos;s notification in the webshop</source>
        <translation>Asiakkaan ilmoitus verkkokaupassa</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customer&apos;s notification in person</source>
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
        <source>Data subject&apos;s request</source>
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
</context>
<context>
    <name>timeline</name>
    <message>
        <location filename="../../kkdesk/ui/timeline_panel.py" line="-495"/>
        <source>Ordered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+11"/>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Return requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On its way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Awaiting shipping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Awaiting delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Awaiting the goods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Awaiting refund</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
