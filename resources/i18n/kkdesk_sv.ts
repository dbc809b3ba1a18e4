<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>AuditModel</name>
    <message>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Vem</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Vad</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Varför</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
</context>
<context>
    <name>AuditPanel</name>
    <message>
        <source>Opened</source>
        <translation>Öppnad</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Skapad</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Ändrad</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Consent or prohibition</source>
        <translation>Samtycke eller förbud</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Retur</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Leverans</translation>
    </message>
    <message>
        <source>Erased</source>
        <translation>Raderad</translation>
    </message>
    <message>
        <source>customer data</source>
        <translation>kunduppgifter</translation>
    </message>
    <message>
        <source>contact person</source>
        <translation>kontaktperson</translation>
    </message>
    <message>
        <source>delivery</source>
        <translation>leverans</translation>
    </message>
    <message>
        <source>consents and prohibitions</source>
        <translation>samtycken och förbud</translation>
    </message>
    <message>
        <source>order</source>
        <translation>beställning</translation>
    </message>
    <message>
        <source>order line</source>
        <translation>orderrad</translation>
    </message>
    <message>
        <source>return</source>
        <translation>retur</translation>
    </message>
    <message>
        <source>returned item</source>
        <translation>returnerad artikel</translation>
    </message>
    <message>
        <source>Changed outside the desk: %1</source>
        <translation>Ändrad utanför programmet: %1</translation>
    </message>
    <message>
        <source>Portability copy (Art. 20)</source>
        <translation>Kopia för dataportabilitet (art. 20)</translation>
    </message>
    <message>
        <source>Access letter previewed</source>
        <translation>Registerutdrag förhandsvisat</translation>
    </message>
    <message>
        <source>The whole record read</source>
        <translation>Hela posten läst</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>contact person %1</source>
        <translation>kontaktperson %1</translation>
    </message>
    <message>
        <source>reference %1</source>
        <translation>referens %1</translation>
    </message>
    <message>
        <source>Disclosure %1 to %2</source>
        <translation>Utlämnande %1 till %2</translation>
    </message>
    <message>
        <source>Order %1: return %2 of 1 item</source>
        <translation>Order %1: retur %2 av 1 vara</translation>
    </message>
    <message>
        <source>Order %1: return %2 of %3 items</source>
        <translation>Order %1: retur %2 av %3 varor</translation>
    </message>
    <message>
        <source>Order %1: delivery %2 marked delivered</source>
        <translation>Order %1: leverans %2 markerad som levererad</translation>
    </message>
    <message>
        <source>Data-subject request %1 registered: %2</source>
        <translation>Begäran %1 från registrerad har registrerats: %2</translation>
    </message>
    <message>
        <source>Data-subject request %1 extended by two months</source>
        <translation>Begäran %1 från registrerad förlängd med två månader</translation>
    </message>
    <message>
        <source>Data-subject request %1 closed as done</source>
        <translation>Begäran %1 från registrerad avslutad som klar</translation>
    </message>
    <message>
        <source>Data-subject request %1 refused</source>
        <translation>Begäran %1 från registrerad avslagen</translation>
    </message>
    <message>
        <source>Access letter (%1), 1 page, SHA-256 %3…</source>
        <translation>Registerutdrag (%1), 1 sida, SHA-256 %3…</translation>
    </message>
    <message>
        <source>Access letter (%1), %2 pages, SHA-256 %3…</source>
        <translation>Registerutdrag (%1), %2 sidor, SHA-256 %3…</translation>
    </message>
    <message>
        <source>Data-subject request %1: %2</source>
        <translation>Begäran %1 från registrerad: %2</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Behandlingslogg</translation>
    </message>
    <message>
        <source>&amp;Who read or changed this customer's data, newest first:</source>
        <translation>&amp;Vem har läst eller ändrat kundens uppgifter, nyaste först:</translation>
    </message>
    <message>
        <source>Only the user levels %1 and %2 may read the audit trail of who read or changed customer data. Your user level is %3.</source>
        <translation>Endast användarnivåerna %1 och %2 får läsa loggen över vem som har läst eller ändrat kunduppgifter. Din användarnivå är %3.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Laddar…</translation>
    </message>
    <message>
        <source>Nothing recorded.</source>
        <translation>Inget registrerat.</translation>
    </message>
    <message>
        <source>Summary header</source>
        <translation>Sammanfattning</translation>
    </message>
    <message>
        <source>Prohibitions and consents</source>
        <translation>Förbud och samtycken</translation>
    </message>
    <message>
        <source>Consent history</source>
        <translation>Samtyckeshistorik</translation>
    </message>
    <message>
        <source>List of disclosures</source>
        <translation>Lista över utlämnanden</translation>
    </message>
    <message>
        <source>List of requests</source>
        <translation>Lista över begäranden</translation>
    </message>
    <message>
        <source>In search results</source>
        <translation>I sökresultat</translation>
    </message>
    <message>
        <source>Order %1: return %2 marked received</source>
        <translation>Beställning %1: retur %2 markerad som mottagen</translation>
    </message>
    <message>
        <source>Order %1: return %2 refunded</source>
        <translation>Beställning %1: retur %2 återbetald</translation>
    </message>
    <message>
        <source>Order %1: delivery %2 corrected (correction %3)</source>
        <translation>Beställning %1: leverans %2 rättad (rättelse %3)</translation>
    </message>
    <message>
        <source>Order %1: receipt of return %2 corrected (correction %3)</source>
        <translation>Beställning %1: mottagningen av retur %2 rättad (rättelse %3)</translation>
    </message>
    <message>
        <source>Order %1: refund of return %2 corrected (correction %3)</source>
        <translation>Beställning %1: återbetalningen för retur %2 rättad (rättelse %3)</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Sammanslagen</translation>
    </message>
</context>
<context>
    <name>ConsentPanel</name>
    <message>
        <location filename="../../kkdesk/ui/consent_panel.py" line="+60"/>
        <source>Direct advertising prohibited</source>
        <translation>Direktreklam förbjuden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Distance selling prohibited</source>
        <translation>Distansförsäljning förbjuden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Other direct marketing prohibited</source>
        <translation>Annan direktmarknadsföring förbjuden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Market and opinion research prohibited</source>
        <translation>Marknads- och opinionsundersökningar förbjudna</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Person directories prohibited</source>
        <translation>Personmatriklar förbjudna</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Genealogy research prohibited</source>
        <translation>Släktforskning förbjuden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Consents to e-mail marketing</source>
        <translation>Samtycker till e-postmarknadsföring</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Consents to SMS marketing</source>
        <translation>Samtycker till sms-marknadsföring</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Processing restricted (GDPR Art. 18)</source>
        <translation>Behandlingen begränsad (dataskyddsförordningen art. 18)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Objects to direct marketing (GDPR Art. 21)</source>
        <translation>Invänder mot direktmarknadsföring (dataskyddsförordningen art. 21)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Direct advertising</source>
        <translation>Direktreklam</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Distance selling</source>
        <translation>Distansförsäljning</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Other direct marketing</source>
        <translation>Annan direktmarknadsföring</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Market and opinion research</source>
        <translation>Marknads- och opinionsundersökningar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Person directories</source>
        <translation>Personmatriklar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Genealogy research</source>
        <translation>Släktforskning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent to e-mail marketing</source>
        <translation>Samtycke till e-postmarknadsföring</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Consent to SMS marketing</source>
        <translation>Samtycke till sms-marknadsföring</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restriction of processing (Art. 18)</source>
        <translation>Begränsning av behandling (art. 18)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Objection to direct marketing (Art. 21)</source>
        <translation>Invändning mot direktmarknadsföring (art. 21)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>prohibited</source>
        <translation>förbjuden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>allowed</source>
        <translation>tillåtet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>given</source>
        <translation>givet</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+11"/>
        <source>withdrawn</source>
        <translation>återkallad</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>restricted</source>
        <translation>begränsad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>lifted</source>
        <translation>hävd</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>objected</source>
        <translation>invändning gjord</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Letter</source>
        <translation>Brev</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Webshop</source>
        <translation>Webbutik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In person</source>
        <translation>Personligen</translation>
    </message>
    <message>
        <location line="+168"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Person:</source>
        <translation>&amp;Person:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Prohibitions (register description, section 9)</source>
        <translation>Förbud (registerbeskrivningen, punkt 9)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Consents (opt-in), restriction and objection</source>
        <translation>Samtycken, begränsning av behandling och invändning</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>History of prohibitions and consents</source>
        <translation>Historik över förbud och samtycken</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Received</source>
        <translation>Mottagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item</source>
        <translation>Punkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New state</source>
        <translation>Nytt läge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received by</source>
        <translation>Mottagen via</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference</source>
        <translation>Referens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recorded</source>
        <translation>Registrerad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>H&amp;istory, newest first (nothing is ever changed or deleted):</source>
        <translation>Hi&amp;storik, nyaste först (ingenting ändras eller raderas någonsin):</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Prohibitions and consents</source>
        <translation>Förbud och samtycken</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Loading…</source>
        <translation>Läser in…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Turning a toggle asks for the evidence; nothing changes without it.</source>
        <translation>När du ändrar ett val frågas efter underlaget; utan det ändras ingenting.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+40"/>
        <source>Your user level can see but not change prohibitions and consents.</source>
        <translation>Din användarnivå kan se men inte ändra förbud och samtycken.</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>%1 (contact person)</source>
        <translation>%1 (kontaktperson)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>never recorded</source>
        <translation>aldrig registrerat</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 since %2 · %3 · %4</source>
        <translation>%1 sedan %2 · %3 · %4</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The suppression list also stops marketing to this person's e-mail address or phone: %1. Another record with the same e-mail or phone (possibly an erased one) said so, and the least permissive state wins.</source>
        <translation>Spärrlistan stoppar också marknadsföring till den här personens e-postadress eller telefon: %1. En annan post med samma e-post eller telefon (kanske en raderad) har begärt det, och det mest restriktiva läget gäller.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Saving…</source>
        <translation>Sparar…</translation>
    </message>
    <message>
        <source>restriction of processing in force since %1</source>
        <translation>begränsning av behandling gäller sedan %1</translation>
    </message>
    <message>
        <source>objection to direct marketing in force since %1</source>
        <translation>invändning mot direktmarknadsföring gäller sedan %1</translation>
    </message>
    <message>
        <source>prohibited since %1</source>
        <translation>förbjudet sedan %1</translation>
    </message>
    <message>
        <source>stopped by the suppression list (another record)</source>
        <translation>stoppas av spärrlistan (en annan post)</translation>
    </message>
    <message>
        <source>consent withdrawn on %1</source>
        <translation>samtycket återkallat %1</translation>
    </message>
    <message>
        <source>no consent given</source>
        <translation>inget samtycke givet</translation>
    </message>
    <message>
        <source>consent given on %1</source>
        <translation>samtycke givet %1</translation>
    </message>
    <message>
        <source>not prohibited</source>
        <translation>inte förbjudet</translation>
    </message>
    <message>
        <source>not allowed</source>
        <translation>inte tillåtet</translation>
    </message>
    <message>
        <source>%1, %2: %3 — %4</source>
        <translation>%1, %2: %3 — %4</translation>
    </message>
    <message>
        <source>What is allowed now</source>
        <translation>Vad som är tillåtet nu</translation>
    </message>
    <message>
        <source>&amp;Allowed now, and why:</source>
        <translation>&amp;Tillåtet nu och varför:</translation>
    </message>
    <message>
        <source>✓ Allowed</source>
        <translation>✓ Tillåtet</translation>
    </message>
    <message>
        <source>✗ Not allowed</source>
        <translation>✗ Inte tillåtet</translation>
    </message>
    <message>
        <source>Confirmation &amp;letter…</source>
        <translation>Bekräftelse&amp;brev…</translation>
    </message>
    <message>
        <source>A letter confirming to the customer the prohibitions, objection and withdrawn consents recorded (Art. 21); archived on the customer.</source>
        <translation>Ett brev som bekräftar för kunden de registrerade förbuden, invändningen och återkallade samtyckena (artikel 21); arkiveras på kunden.</translation>
    </message>
    <message>
        <source>Confirmation letter</source>
        <translation>Bekräftelsebrev</translation>
    </message>
    <message>
        <source>Language of the letter:</source>
        <translation>Brevets språk:</translation>
    </message>
    <message>
        <source>Save the confirmation letter</source>
        <translation>Spara bekräftelsebrevet</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>Making the confirmation letter…</source>
        <translation>Bekräftelsebrevet görs…</translation>
    </message>
    <message>
        <source>Confirmation letter saved; archived on the customer as letter %1.</source>
        <translation>Bekräftelsebrevet har sparats; arkiverat på kunden som brev %1.</translation>
    </message>
    <message>
        <source>The file could not be written: %1. The letter is archived as letter %2.</source>
        <translation>Filen kunde inte skrivas: %1. Brevet är arkiverat som brev %2.</translation>
    </message>
    <message>
        <source>Nothing to confirm: no prohibition, objection, restriction or withdrawn consent is recorded for the customer.</source>
        <translation>Inget att bekräfta: inget förbud, ingen invändning, begränsning eller återkallat samtycke har registrerats för kunden.</translation>
    </message>
    <message>
        <source>Updating from the population register prohibited</source>
        <translation>Uppdatering från befolkningsdatasystemet förbjuden</translation>
    </message>
    <message>
        <source>Updating of the customer register</source>
        <translation>Förbud mot uppdatering av kundregistret</translation>
    </message>
    <message>
        <source>The current state is shown below.</source>
        <translation>Det aktuella läget visas nedan.</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../kkdesk/ui/dialogs.py" line="+218"/>
        <source>New contact person</source>
        <translation>Ny kontaktperson</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Contact person</source>
        <translation>Kontaktperson</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Surname:</source>
        <translation>&amp;Efternamn:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;First names:</source>
        <translation>&amp;Förnamn:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Role:</source>
        <translation>&amp;Roll:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>e.g. purchasing</source>
        <translation>t.ex. inköp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Work phone:</source>
        <translation>&amp;Arbetstelefon:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Mobile phone:</source>
        <translation>&amp;Mobiltelefon:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;E-mail:</source>
        <translation>E-&amp;post:</translation>
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
        <translation>Sparandet nekades</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Surname:</source>
        <translation>&amp;Efternamn:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Company</source>
        <translation>Företag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address</source>
        <translation>Adress</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;treet address:</source>
        <translation>Ga&amp;tuadress:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Postal code:</source>
        <translation>&amp;Postnummer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post &amp;office:</source>
        <translation>Posta&amp;nstalt:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Countr&amp;y:</source>
        <translation>&amp;Land:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contact details</source>
        <translation>Kontaktuppgifter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Mobile phone:</source>
        <translation>&amp;Mobiltelefon:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Work phone:</source>
        <translation>Arbetstele&amp;fon:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Language:</source>
        <translation>S&amp;pråk:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Other</source>
        <translation>Övrigt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer s&amp;ince:</source>
        <translation>Kund s&amp;edan:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notes:</source>
        <translation>Anteckni&amp;ngar:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer-specific data, one 'name: value' per line.</source>
        <translation>Kundspecifika uppgifter, en 'namn: värde' per rad.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+3"/>
        <source>Contact persons</source>
        <translation>Kontaktpersoner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact &amp;persons of the company:</source>
        <translation>Företagets kontakt&amp;personer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chan&amp;ge…</source>
        <translation>Änd&amp;ra…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remo&amp;ve</source>
        <translation>Ta b&amp;ort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add contact person</source>
        <translation>Lägg till kontaktperson</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change contact person</source>
        <translation>Ändra kontaktperson</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove contact person</source>
        <translation>Ta bort kontaktperson</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Form status</source>
        <translation>Formulärets status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save (%1)</source>
        <translation>Spara (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Revert</source>
        <translation>&amp;Ångra ändringar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo all unsaved changes</source>
        <translation>Ångra alla osparade ändringar</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Your user level (%1) does not allow changing customers.</source>
        <translation>Din användarnivå (%1) tillåter inte att kunder ändras.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The new company</source>
        <translation>Det nya företaget</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new person</source>
        <translation>Den nya personen</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>New company</source>
        <translation>Nytt företag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New person</source>
        <translation>Ny person</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fill in the fields; Save checks for duplicates first.</source>
        <translation>Fyll i fälten; Spara söker först efter dubbletter.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %2 · last changed %3 by %4</source>
        <translation>%1 %2 · senast ändrad %3 av %4</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>Saving…</source>
        <translation>Sparar…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read only.</source>
        <translation>Endast läsning.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>To save, check: %1</source>
        <translation>Kontrollera före sparandet: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unsaved changes.</source>
        <translation>Osparade ändringar.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Other data</source>
        <translation>Övriga uppgifter</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>No possible duplicates found.</source>
        <translation>Inga möjliga dubbletter hittades.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Saved %1 (%2).</source>
        <translation>Sparat %1 (%2).</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Their changes:</source>
        <translation>Deras ändringar:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>(no visible differences in the basic data)</source>
        <translation>(inga synliga skillnader i grunduppgifterna)</translation>
    </message>
    <message>
        <source>F&amp;irst names:</source>
        <translation>&amp;Förnamn:</translation>
    </message>
    <message>
        <source>&amp;Date of birth:</source>
        <translation>Fö&amp;delsedatum:</translation>
    </message>
    <message>
        <source>Company &amp;name:</source>
        <translation>&amp;Företagets namn:</translation>
    </message>
    <message>
        <source>Business &amp;ID:</source>
        <translation>FO-n&amp;ummer:</translation>
    </message>
    <message>
        <source>H&amp;ome phone:</source>
        <translation>Hemtele&amp;fon:</translation>
    </message>
    <message>
        <source>E-&amp;mail:</source>
        <translation>E-&amp;post:</translation>
    </message>
    <message>
        <source>Other &amp;data:</source>
        <translation>Övriga &amp;uppgifter:</translation>
    </message>
    <message>
        <source>One “name: value” a line, e.g. customer group: loyalty</source>
        <translation>En ”namn: värde” per rad, t.ex. kundgrupp: stamkund</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>Lägg t&amp;ill…</translation>
    </message>
    <message>
        <source>&amp;Keep my changes</source>
        <translation>&amp;Behåll mina ändringar</translation>
    </message>
    <message>
        <source>Use th&amp;eir version</source>
        <translation>Använd deras &amp;version</translation>
    </message>
    <message>
        <source>Their version with the fields you changed on top; check it, then save. Fields you did not change keep their values.</source>
        <translation>Den andras version med de fält du ändrat ovanpå; kontrollera och spara. Fält du inte ändrat får deras värden.</translation>
    </message>
    <message>
        <source>%1 saved this record at %2, after you opened it. Your changes are not saved, but they are kept in the form.</source>
        <translation>%1 sparade denna kund %2, efter att du öppnade den. Dina ändringar är inte sparade, men de finns kvar i formuläret.</translation>
    </message>
    <message>
        <source>Someone else saved this record after you opened it. Your changes are not saved, but they are kept in the form.</source>
        <translation>Någon annan sparade denna kund efter att du öppnade den. Dina ändringar är inte sparade, men de finns kvar i formuläret.</translation>
    </message>
    <message>
        <source>(you changed this too; yours is kept)</source>
        <translation>(du ändrade också detta; ditt värde behålls)</translation>
    </message>
    <message>
        <source>Keep your changes (they are put on top of their version; then check and save), or use their version and discard yours.</source>
        <translation>Behåll dina ändringar (de läggs ovanpå den andras version; kontrollera och spara sedan) eller använd den andras version och kasta dina.</translation>
    </message>
    <message>
        <source>Your changes are applied to their version: check them, then save.</source>
        <translation>Dina ändringar har lagts på den andras version: kontrollera dem och spara.</translation>
    </message>
    <message>
        <source>Erase…</source>
        <translation>Radera uppgifter…</translation>
    </message>
    <message>
        <source>Erase contact person</source>
        <translation>Radera kontaktpersonens uppgifter</translation>
    </message>
    <message>
        <source>Erase this customer's personal data (Art. 17)</source>
        <translation>Radera kundens personuppgifter (artikel 17)</translation>
    </message>
    <message>
        <source>Your user level (%1) does not allow erasing.</source>
        <translation>Din användarnivå (%1) tillåter inte radering.</translation>
    </message>
    <message>
        <source>Processing restricted</source>
        <translation>Behandlingen begränsad</translation>
    </message>
    <message>
        <source>&amp;Lift the restriction…</source>
        <translation>&amp;Upphäv begränsningen…</translation>
    </message>
    <message>
        <source>The processing of this customer&apos;s data is restricted (GDPR Art. 18): it cannot be changed until the restriction is lifted.</source>
        <translation>Behandlingen av kundens uppgifter är begränsad (artikel 18 i dataskyddsförordningen): de kan inte ändras förrän begränsningen har upphävts.</translation>
    </message>
    <message>
        <source>Read only: processing restricted (Art. 18).</source>
        <translation>Endast läsning: behandlingen begränsad (art. 18).</translation>
    </message>
    <message>
        <source>The processing of this customer's data is restricted (GDPR Art. 18): the person asked that the data be kept. Lift the restriction first to erase.</source>
        <translation>Behandlingen av kundens uppgifter är begränsad (dataskyddsförordningen artikel 18): personen har begärt att uppgifterna bevaras. Häv begränsningen först för att radera.</translation>
    </message>
    <message>
        <source>This customer is under a legal hold and cannot be erased; lift the hold first when it has ended.</source>
        <translation>Kunden omfattas av ett rättsligt bevarandekrav (legal hold) och kan inte raderas; häv kravet först när det har upphört.</translation>
    </message>
    <message>
        <source>Legal hold…</source>
        <translation>Bevarandekrav…</translation>
    </message>
    <message>
        <source>Put this customer under a legal hold, or lift it (no erasure while held)</source>
        <translation>Ställ kunden under ett rättsligt bevarandekrav eller häv det (ingen radering under kravet)</translation>
    </message>
</context>
<context>
    <name>CustomerView</name>
    <message>
        <location filename="../../kkdesk/ui/customer_view.py" line="+51"/>
        <source>Search for a customer and press Enter to open them, or create a new customer with Ctrl+N.</source>
        <translation>Sök en kund och öppna med Enter, eller skapa en ny kund med Ctrl+N.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Customer</source>
        <translation>Kund</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Basic data</source>
        <translation>&amp;Grunduppgifter</translation>
    </message>
    <message>
        <source>%1 (customer %2)</source>
        <translation>%1 (kund %2)</translation>
    </message>
    <message>
        <source>%1, contact person of %2 (customer %3)</source>
        <translation>%1, kontaktperson för %2 (kund %3)</translation>
    </message>
    <message>
        <source>Erasing…</source>
        <translation>Raderar…</translation>
    </message>
    <message>
        <source>The outcome letter is archived (%1 pages); print it from the Requests tab.</source>
        <translation>Brevet om raderingen är arkiverat (%1 sidor); skriv ut det på fliken Begäranden.</translation>
    </message>
    <message>
        <source>Contact person erased (reference %1).</source>
        <translation>Kontaktpersonens uppgifter raderade (beteckning %1).</translation>
    </message>
    <message>
        <source>%1 orders are kept without the person until %2.</source>
        <translation>%1 beställningar sparas utan personen till den %2.</translation>
    </message>
    <message>
        <source>No orders were kept.</source>
        <translation>Inga beställningar sparades.</translation>
    </message>
    <message>
        <source>Customer %1 has been erased.</source>
        <translation>Kunden %1 har raderats.</translation>
    </message>
    <message>
        <source>Reference %1, %2.</source>
        <translation>Beteckning %1, %2.</translation>
    </message>
    <message>
        <source>The suppression list still keeps the person from marketing.</source>
        <translation>Spärrlistan hindrar fortfarande marknadsföring till personen.</translation>
    </message>
    <message>
        <source>Customer erased (reference %1).</source>
        <translation>Kunden raderad (beteckning %1).</translation>
    </message>
    <message>
        <source>Setting the legal hold…</source>
        <translation>Bevarandekravet ställs…</translation>
    </message>
    <message>
        <source>Lifting the legal hold…</source>
        <translation>Bevarandekravet hävs…</translation>
    </message>
    <message>
        <source>Legal hold set on customer %1.</source>
        <translation>Kund %1 har ställts under bevarandekrav.</translation>
    </message>
    <message>
        <source>Legal hold of customer %1 lifted.</source>
        <translation>Bevarandekravet för kund %1 har hävts.</translation>
    </message>
</context>
<context>
    <name>DisclosureDialog</name>
    <message>
        <location filename="../../kkdesk/ui/disclosure_panel.py" line="+103"/>
        <source>Record a disclosure</source>
        <translation>Registrera ett utlämnande</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record that this customer's data was given outside the controller: to an authority under a legal duty, or to a third party at the customer's own request. The customer can see every disclosure (GDPR Art. 15).</source>
        <translation>Registrera att kundens uppgifter har lämnats ut utanför den personuppgiftsansvarige: till en myndighet på grund av en lagstadgad skyldighet eller till en tredje part på kundens egen begäran. Kunden får se varje utlämnande (dataskyddsförordningen art. 15).</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+70"/>
        <source>Disclosed to</source>
        <translation>Utlämnat till</translation>
    </message>
    <message>
        <location line="-65"/>
        <location line="+61"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="-56"/>
        <location line="+57"/>
        <source>Recipient</source>
        <translation>Mottagare</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>e.g. Helsinki Police Department</source>
        <translation>t.ex. Helsingfors polisinrättning</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+53"/>
        <source>Legal basis</source>
        <translation>Rättslig grund</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>e.g. Police Act 4:3, or the customer's request of 2 May</source>
        <translation>t.ex. polislagen 4:3 eller kundens begäran den 2 maj</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+47"/>
        <source>What was disclosed</source>
        <translation>Vad som lämnades ut</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>e.g. name, address and orders of 2024</source>
        <translation>t.ex. namn, adress och beställningar från 2024</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Disclosed &amp;to:</source>
        <translation>Utlämnat &amp;till:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Recipient:</source>
        <translation>&amp;Mottagare:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Legal basis:</source>
        <translation>&amp;Rättslig grund:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;What was disclosed:</source>
        <translation>&amp;Vad som lämnades ut:</translation>
    </message>
</context>
<context>
    <name>DisclosurePanel</name>
    <message>
        <location line="-95"/>
        <source>Marketing export</source>
        <translation>Marknadsföringsuttag</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Authority (legal duty)</source>
        <translation>Myndighet (lagstadgad skyldighet)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Third party (customer's request)</source>
        <translation>Tredje part (kundens begäran)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 by %2: name and %3</source>
        <translation>%1 via %2: namn och %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>postal address</source>
        <translation>postadress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e-mail address</source>
        <translation>e-postadress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mobile number</source>
        <translation>mobilnummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>phone number</source>
        <translation>telefonnummer</translation>
    </message>
    <message>
        <location line="+166"/>
        <source>Every disclosure of this customer's data outside the controller: marketing exports, and disclosures to authorities or third parties.</source>
        <translation>Varje utlämnande av kundens uppgifter utanför den personuppgiftsansvarige: marknadsföringsuttag och utlämnanden till myndigheter eller tredje parter.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Disclosures of the customer's data</source>
        <translation>Utlämnanden av kundens uppgifter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipient</source>
        <translation>Mottagare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal basis</source>
        <translation>Rättslig grund</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recorded by</source>
        <translation>Registrerad av</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers</source>
        <translation>Kunder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was disclosed</source>
        <translation>Vad som lämnades ut</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;List of disclosures, newest first:</source>
        <translation>&amp;Lista över utlämnanden, nyaste först:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record a &amp;disclosure…</source>
        <translation>Registrera ett &amp;utlämnande…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Only privacy staff and administrators record disclosures.</source>
        <translation>Endast dataskyddspersonal och administratörer registrerar utlämnanden.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Disclosures</source>
        <translation>Utlämnanden</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Your user level may not see the disclosures of customer data.</source>
        <translation>Din användarnivå får inte se utlämnanden av kunduppgifter.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Loading…</source>
        <translation>Läser in…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No disclosures of this customer's data.</source>
        <translation>Kundens uppgifter har inte lämnats ut.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Saving…</source>
        <translation>Sparar…</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <location filename="../../kkdesk/ui/dialogs.py" line="-85"/>
        <location line="+12"/>
        <source>Possible duplicates</source>
        <translation>Möjliga dubbletter</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>These customers have the same name and date of birth, e-mail, phone or business ID. Open one of them instead of creating a duplicate?</source>
        <translation>Dessa kunder har samma namn och födelsedatum, e-post, telefon eller FO-nummer. Öppna en av dem i stället för att skapa en dubblett?</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Open selected</source>
        <translation>&amp;Öppna vald</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;reate anyway</source>
        <translation>&amp;Skapa ändå</translation>
    </message>
    <message>
        <source>These customers have the same name and date of birth, e-mail, phone or business ID as %1. Open one of them, or merge it into %1 if it is the same person?</source>
        <translation>Dessa kunder har samma namn och födelsedatum, e-post, telefon eller FO-nummer som %1. Öppna en av dem, eller slå samman den med %1 om det är samma person?</translation>
    </message>
    <message>
        <source>&amp;Merge into %1…</source>
        <translation>&amp;Slå samman med %1…</translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <location filename="../../kkdesk/ui/consent_panel.py" line="-400"/>
        <source>Evidence of the change</source>
        <translation>Underlag för ändringen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;%1: %2&lt;/b&gt;&lt;br&gt;What is this change based on? Enter the customer's notification: when it was received, how, and where the document is.</source>
        <translation>&lt;b&gt;%1: %2&lt;/b&gt;&lt;br&gt;Vad grundar sig ändringen på? Ange kundens meddelande: när det kom in, hur och var dokumentet finns.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+66"/>
        <source>Received on</source>
        <translation>Mottagen</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>The date the notification reached us, e.g. %1</source>
        <translation>Dagen då meddelandet kom in, t.ex. %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+59"/>
        <source>Received by</source>
        <translation>Mottagen via</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>— choose —</source>
        <translation>— välj —</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+54"/>
        <source>Document reference</source>
        <translation>Dokumentreferens</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>e.g. the scanned letter's id</source>
        <translation>t.ex. det skannade brevets id</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+50"/>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>&amp;Received on:</source>
        <translation>&amp;Mottagen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received &amp;by:</source>
        <translation>Mottagen &amp;via:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Document reference:</source>
        <translation>&amp;Dokumentreferens:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note (optional):</source>
        <translation>&amp;Anteckning (frivillig):</translation>
    </message>
</context>
<context>
    <name>FieldSet</name>
    <message>
        <location filename="../../kkdesk/ui/fields.py" line="+56"/>
        <source>Problem: %1</source>
        <translation>Problem: %1</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../kkdesk/ui/history_panel.py" line="+34"/>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who</source>
        <translation>Vem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field</source>
        <translation>Fält</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Was</source>
        <translation>Var</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Now</source>
        <translation>Nu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Källa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Contact person: %1</source>
        <translation>Kontaktperson: %1</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location line="+38"/>
        <location line="+17"/>
        <source>Change history</source>
        <translation>Ändringshistorik</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Loading…</source>
        <translation>Laddar…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No changes recorded.</source>
        <translation>Inga ändringar registrerade.</translation>
    </message>
    <message>
        <source>Changes of personal data, &amp;newest first:</source>
        <translation>Ändringar av personuppgifter, &amp;nyaste först:</translation>
    </message>
    <message>
        <source>Customer %1 was merged into %2 on %3 by %4.</source>
        <translation>Kund %1 slogs samman med %2 %3 av %4.</translation>
    </message>
</context>
<context>
    <name>LetterDialog</name>
    <message>
        <source>Access letter — customer %1</source>
        <translation>Registerutdrag — kund %1</translation>
    </message>
    <message>
        <source>Customer's language</source>
        <translation>Kundens korrespondensspråk</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>Spr&amp;åk:</translation>
    </message>
    <message>
        <source>Letter status</source>
        <translation>Brevets status</translation>
    </message>
    <message>
        <source>What the letter answers</source>
        <translation>Vad brevet besvarar</translation>
    </message>
    <message>
        <source>Letter preview</source>
        <translation>Förhandsvisning av brevet</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Skriv ut…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>Spa&amp;ra som PDF…</translation>
    </message>
    <message>
        <source>Your user level does not allow subject-access letters.</source>
        <translation>Din användarnivå tillåter inte registerutdrag.</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>Förhandsvisningen förbereds…</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Sida %1</translation>
    </message>
    <message>
        <source>Customer's language (%1)</source>
        <translation>Kundens korrespondensspråk (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Preview: %n page(s)</source>
        <translation>
            <numerusform>Förhandsvisning: %n sida</numerusform>
            <numerusform>Förhandsvisning: %n sidor</numerusform>
        </translation>
    </message>
    <message>
        <source>Answers request no. %1, received %2. Print or save it to send it: the letter is then archived on the request and its making is logged.</source>
        <translation>Besvarar begäran nr %1, inkommen %2. När brevet skrivs ut eller sparas för att skickas arkiveras det med begäran och dess upprättande loggas.</translation>
    </message>
    <message>
        <source>The customer has no open access request, so the letter will not be archived on one (its making is still logged). Register the request first if it answers one.</source>
        <translation>Kunden har ingen öppen begäran om registerutdrag, så brevet arkiveras inte med någon begäran (dess upprättande loggas ändå). Om brevet besvarar en begäran, registrera begäran först.</translation>
    </message>
    <message>
        <source>Making the letter…</source>
        <translation>Brevet upprättas…</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>Skrivaren kunde inte startas.</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Utskrivet</translation>
    </message>
    <message>
        <source>Save the letter</source>
        <translation>Spara brevet</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>Filen kunde inte skrivas: %1</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Sparat</translation>
    </message>
    <message>
        <source>%1; archived on request %2.</source>
        <translation>%1; arkiverat med begäran %2.</translation>
    </message>
    <message>
        <source>%1 (not archived: no open access request).</source>
        <translation>%1 (inte arkiverat: ingen öppen begäran om registerutdrag).</translation>
    </message>
    <message>
        <source>The register settings leave these contact details empty, so the letter prints without them: %1</source>
        <translation>Registrets uppgifter saknar dessa kontaktuppgifter, så brevet skrivs ut utan dem: %1</translation>
    </message>
    <message>
        <source>An offline snapshot is read-only: print and save from the register.</source>
        <translation>En offline-ögonblicksbild är skrivskyddad: skriv ut och spara från registret.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in to the customer register</source>
        <translation>Logga in i kundregistret</translation>
    </message>
    <message>
        <source>How the connection is encrypted. verify-full also checks the server's certificate against the CA certificate file below.</source>
        <translation>Hur anslutningen krypteras. verify-full kontrollerar även serverns certifikat mot CA-certifikatfilen nedan.</translation>
    </message>
    <message>
        <source>CA certificate file for verify-full</source>
        <translation>CA-certifikatfil för verify-full</translation>
    </message>
    <message>
        <source>Leave empty to use the password saved in the keyring</source>
        <translation>Tomt: det sparade lösenordet används</translation>
    </message>
    <message>
        <source>&amp;Remember the password in the keyring</source>
        <translation>&amp;Kom ihåg lösenordet i lösenordsförrådet</translation>
    </message>
    <message>
        <source>No keyring is available on this computer: the password is asked each time and never stored.</source>
        <translation>Det finns inget lösenordsförråd på den här datorn: lösenordet frågas varje gång och sparas aldrig.</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Värd:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Databas:</translation>
    </message>
    <message>
        <source>&amp;TLS:</source>
        <translation>&amp;TLS:</translation>
    </message>
    <message>
        <source>&amp;CA certificate:</source>
        <translation>&amp;CA-certifikat:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Användarnamn:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Lösenord:</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>Logga &amp;in</translation>
    </message>
    <message>
        <source>Use the &amp;embedded database</source>
        <translation>Använd den in&amp;byggda databasen</translation>
    </message>
    <message>
        <source>Open the customer register kept on this workstation instead of the central database. The desk opens it directly from then on.</source>
        <translation>Öppna kundregistret som finns på den här arbetsstationen i stället för den centrala databasen. Programmet öppnar det direkt från och med nu.</translation>
    </message>
    <message>
        <source>No keyring is available on this computer, so the password cannot be remembered: you will be asked for it each time.</source>
        <translation>Det finns inget lösenordsförråd på den här datorn, så lösenordet kan inte sparas: du får ange det varje gång.</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>Ange ditt användarnamn.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Ange ditt lösenord.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Loggar in…</translation>
    </message>
    <message>
        <source>Your password expired on %1. Ask an administrator to set a new one.</source>
        <translation>Ditt lösenord gick ut %1. Be en administratör att ställa in ett nytt.</translation>
    </message>
    <message>
        <source>Your password has expired. Ask an administrator to set a new one.</source>
        <translation>Ditt lösenord har gått ut. Be en administratör att ställa in ett nytt.</translation>
    </message>
    <message>
        <source>The password is wrong. Check it, and that Caps Lock is off.</source>
        <translation>Lösenordet är fel. Kontrollera det och att Caps Lock inte är på.</translation>
    </message>
    <message>
        <source>There is no user named %1 in this database. Check the user name.</source>
        <translation>Det finns ingen användare %1 i den här databasen. Kontrollera användarnamnet.</translation>
    </message>
    <message>
        <source>The server refused the user name or password (it does not say which). Check both; if your password has expired, ask an administrator to renew it.</source>
        <translation>Servern godtog inte användarnamnet eller lösenordet (den säger inte vilket). Kontrollera båda; om ditt lösenord har gått ut, be en administratör att förnya det.</translation>
    </message>
    <message>
        <source>The password saved in the keyring was refused: it may have been changed or have expired. Enter your password.</source>
        <translation>Lösenordet i lösenordsförrådet godtogs inte: det kan ha ändrats eller gått ut. Ange ditt lösenord.</translation>
    </message>
    <message>
        <source>Your account is disabled. Ask an administrator.</source>
        <translation>Ditt konto är avstängt. Kontakta en administratör.</translation>
    </message>
    <message>
        <source>Your database user has no kkdesk user level. Ask an administrator to give you one.</source>
        <translation>Din databasanvändare har ingen användarnivå i kkdesk. Be en administratör att ge dig en.</translation>
    </message>
    <message>
        <source>No password is saved in the keyring for this user: enter it.</source>
        <translation>Inget lösenord har sparats i lösenordsförrådet för den här användaren: ange det.</translation>
    </message>
    <message>
        <source>The database server cannot be reached. Check the host, the port and the network.</source>
        <translation>Databasservern kan inte nås. Kontrollera värden, porten och nätverket.</translation>
    </message>
    <message>
        <source>The server's identity could not be verified (TLS). Check the CA certificate file and the host name, or ask an administrator.</source>
        <translation>Serverns identitet kunde inte verifieras (TLS). Kontrollera CA-certifikatfilen och värdnamnet, eller kontakta en administratör.</translation>
    </message>
    <message>
        <source>The central database needs an upgrade first; ask an administrator to run 'kkdesk db upgrade'.</source>
        <translation>Den centrala databasen måste uppgraderas först; be en administratör att köra 'kkdesk db upgrade'.</translation>
    </message>
    <message>
        <source>No keyring is available on this computer: the password is asked each time.</source>
        <translation>Det finns inget lösenordsförråd på den här datorn: lösenordet frågas varje gång.</translation>
    </message>
    <message>
        <source>The keyring refused the request; the password was not saved.</source>
        <translation>Lösenordsförrådet avvisade begäran; lösenordet sparades inte.</translation>
    </message>
    <message>
        <source>Provided by IT</source>
        <translation>Från IT</translation>
    </message>
    <message>
        <source>Provided by IT: its connection details cannot be changed here.</source>
        <translation>Från IT: anslutningsuppgifterna kan inte ändras här.</translation>
    </message>
    <message>
        <source>Show co&amp;nnection details</source>
        <translation>Visa a&amp;nslutningsuppgifter</translation>
    </message>
    <message>
        <source>Hide co&amp;nnection details</source>
        <translation>Dölj a&amp;nslutningsuppgifter</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kkdesk/ui/main_window.py" line="+104"/>
        <source>Purpose</source>
        <translation>Ändamål</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Purpose of use</source>
        <translation>Ändamål</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why you open records: written in the audit trail with every read.</source>
        <translation>Varför du öppnar uppgifter: skrivs i loggen vid varje läsning.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>P&amp;urpose of use:</source>
        <translation>&amp;Ändamål:</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New &amp;person</source>
        <translation>Ny &amp;person</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New &amp;company</source>
        <translation>Nytt &amp;företag</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Save</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Inställningar…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>A&amp;vsluta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Customer</source>
        <translation>&amp;Kund</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Find customer</source>
        <translation>&amp;Sök kund</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Open selected</source>
        <translation>&amp;Öppna vald</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Reload</source>
        <translation>&amp;Uppdatera</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Find &amp;duplicates</source>
        <translation>Sök &amp;dubbletter</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Close customer</source>
        <translation>S&amp;täng kund</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose &amp;purpose of use</source>
        <translation>Välj &amp;ändamål</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Next tab</source>
        <translation>&amp;Nästa flik</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pre&amp;vious tab</source>
        <translation>&amp;Föregående flik</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Kortkommandon</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;About kkdesk</source>
        <translation>&amp;Om kkdesk</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Database and user</source>
        <translation>Databas och användare</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Embedded database %1 · you work as the local user %2 · level %3 (from settings)</source>
        <translation>Inbyggd databas %1 · du arbetar som den lokala användaren %2 · nivå %3 (från inställningarna)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Database %1 · user %2 · level %3</source>
        <translation>Databas %1 · användare %2 · nivå %3</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Settings saved; they take effect when you next start the desk.</source>
        <translation>Inställningarna sparade; de gäller från nästa start.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Move from the search field to the results</source>
        <translation>Flytta från sökfältet till resultaten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Down</source>
        <translation>Nedåt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the selected result</source>
        <translation>Öppna valt resultat</translation>
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
        <translation>Kortkommandon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>Tangenter</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>About kkdesk</source>
        <translation>Om kkdesk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kkdesk %1 — Konekesko Webshop customer register.</source>
        <translation>kkdesk %1 — Konekesko Webshops kundregister.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>kkdesk</source>
        <translation>kkdesk</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>embedded database · local user %1 · level %2</source>
        <translation>inbyggd databas · lokal användare %1 · nivå %2</translation>
    </message>
    <message>
        <source>Your user level (%1) does not allow this.</source>
        <translation>Din användarnivå (%1) tillåter inte detta.</translation>
    </message>
    <message>
        <source>&amp;Marketing export…</source>
        <translation>&amp;Marknadsföringsuttag…</translation>
    </message>
    <message>
        <source>Search re&amp;sults</source>
        <translation>Sökresu&amp;ltat</translation>
    </message>
    <message>
        <source>Access &amp;letter…</source>
        <translation>&amp;Registerutdrag…</translation>
    </message>
    <message>
        <source>Data-subject re&amp;quests…</source>
        <translation>Registrerades &amp;begäranden…</translation>
    </message>
    <message>
        <source>Anywhere</source>
        <translation>Överallt</translation>
    </message>
    <message>
        <source>Go to a field or button</source>
        <translation>Gå till ett fält eller en knapp</translation>
    </message>
    <message>
        <source>Alt + underlined letter</source>
        <translation>Alt + understruken bokstav</translation>
    </message>
    <message>
        <source>Open a menu</source>
        <translation>Öppna en meny</translation>
    </message>
    <message>
        <source>Alt + underlined letter, or F10</source>
        <translation>Alt + understruken bokstav eller F10</translation>
    </message>
    <message>
        <source>Next or previous field</source>
        <translation>Nästa eller föregående fält</translation>
    </message>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation>Tabb, Skift+Tabb</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Meny</translation>
    </message>
    <message>
        <source>Re&amp;gister settings…</source>
        <translation>Re&amp;gistrets uppgifter…</translation>
    </message>
    <message>
        <source>The database is working</source>
        <translation>Databasen arbetar</translation>
    </message>
    <message>
        <source>The database is working…</source>
        <translation>Databasen arbetar…</translation>
    </message>
    <message>
        <source>Open a customer first (search, then Enter).</source>
        <translation>Öppna först en kund (sök och tryck Enter).</translation>
    </message>
    <message>
        <source>Save the new customer first.</source>
        <translation>Spara först den nya kunden.</translation>
    </message>
    <message>
        <source>Nothing to save: no customer is open.</source>
        <translation>Inget att spara: ingen kund är öppen.</translation>
    </message>
    <message>
        <source>Nothing to save: there are no changes, or a save is running.</source>
        <translation>Inget att spara: det finns inga ändringar, eller så pågår en sparning.</translation>
    </message>
    <message>
        <source>An offline snapshot is read-only.</source>
        <translation>En offline-ögonblicksbild är skrivskyddad.</translation>
    </message>
    <message>
        <source>Take selected customers o&amp;ffline…</source>
        <translation>Ta valda kunder &amp;offline…</translation>
    </message>
    <message>
        <source>Offline snapshot %1 · made by %2 from %3 · level %4</source>
        <translation>Offline-ögonblicksbild %1 · gjord av %2 från %3 · nivå %4</translation>
    </message>
    <message>
        <source>Offline snapshot of %1, read-only — expires %2</source>
        <translation>Offline-ögonblicksbild från %1, skrivskyddad — upphör %2</translation>
    </message>
    <message>
        <source>Select the customers to take offline in the search results first.</source>
        <translation>Välj först i sökresultaten de kunder som ska tas offline.</translation>
    </message>
    <message>
        <source>Opening the snapshot…</source>
        <translation>Öppnar ögonblicksbilden…</translation>
    </message>
    <message>
        <source>%1 customer(s) opened offline were recorded in the audit trail.</source>
        <translation>Kunder som öppnats offline (%1) har förts in i granskningsloggen.</translation>
    </message>
    <message>
        <source>offline snapshot (read-only)</source>
        <translation>offline-ögonblicksbild (skrivskyddad)</translation>
    </message>
    <message>
        <source>No backup yet</source>
        <translation>Ingen säkerhetskopia</translation>
    </message>
    <message>
        <source>Backup is old</source>
        <translation>Säkerhetskopian är gammal</translation>
    </message>
    <message>
        <source>This register has never been backed up: run 'kkdesk backup -o FILE'.</source>
        <translation>Det här registret har aldrig säkerhetskopierats: kör 'kkdesk backup -o FIL'.</translation>
    </message>
    <message>
        <source>The last backup of this register is from %1: run 'kkdesk backup -o FILE'.</source>
        <translation>Registrets senaste säkerhetskopia är från %1: kör 'kkdesk backup -o FIL'.</translation>
    </message>
    <message>
        <source>A backup is a consistent copy, safe to take while the desk is open.</source>
        <translation>En säkerhetskopia är en konsekvent kopia som kan tas medan skrivbordet är öppet.</translation>
    </message>
    <message>
        <source>Cop&amp;y customer number</source>
        <translation>K&amp;opiera kundnummer</translation>
    </message>
    <message>
        <source>Customer number %1 copied.</source>
        <translation>Kundnummer %1 kopierat.</translation>
    </message>
    <message>
        <source>Open s&amp;napshot…</source>
        <translation>Öppna ögonblicks&amp;bild…</translation>
    </message>
    <message>
        <source>Bac&amp;k</source>
        <translation>B&amp;akåt</translation>
    </message>
    <message>
        <source>For&amp;ward</source>
        <translation>Fra&amp;måt</translation>
    </message>
    <message>
        <source>Recen&amp;t customers…</source>
        <translation>S&amp;enast öppnade kunder…</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigering</translation>
    </message>
    <message>
        <source>Recent customers</source>
        <translation>Senast öppnade kunder</translation>
    </message>
    <message>
        <source>No recent customer %1 in this session.</source>
        <translation>Ingen senast öppnad kund %1 under den här sessionen.</translation>
    </message>
    <message>
        <source>No earlier customer: Back goes to the customers opened before this one.</source>
        <translation>Ingen tidigare kund: Bakåt går till kunderna som öppnades före den här.</translation>
    </message>
    <message>
        <source>No later customer: Forward works after Back.</source>
        <translation>Ingen senare kund: Framåt fungerar efter Bakåt.</translation>
    </message>
    <message>
        <source>Open %1 again (an audited read, like any opening).</source>
        <translation>Öppna %1 igen (loggas som varje öppning).</translation>
    </message>
    <message>
        <source>No customers opened yet in this session.</source>
        <translation>Inga kunder har öppnats ännu under den här sessionen.</translation>
    </message>
    <message>
        <source>Open a recent customer</source>
        <translation>Öppna en senast öppnad kund</translation>
    </message>
    <message>
        <source>Ctrl+1 … Ctrl+9</source>
        <translation>Ctrl+1 … Ctrl+9</translation>
    </message>
    <message>
        <source>Import &amp;address updates…</source>
        <translation>Importera &amp;adressuppdateringar…</translation>
    </message>
    <message>
        <source>&amp;Retention…</source>
        <translation>&amp;Lagringstider…</translation>
    </message>
    <message>
        <source>Restr&amp;ict processing (Art. 18)…</source>
        <translation>Begränsa behandl&amp;ingen (art. 18)…</translation>
    </message>
    <message>
        <source>Lift the restriction of processin&amp;g…</source>
        <translation>Upphä&amp;v begränsningen av behandlingen…</translation>
    </message>
    <message>
        <source>An offline copy cannot be changed.</source>
        <translation>En offlinekopia kan inte ändras.</translation>
    </message>
    <message>
        <source>The processing of this customer is already restricted.</source>
        <translation>Behandlingen av den här kunden är redan begränsad.</translation>
    </message>
    <message>
        <source>The processing of this customer is not restricted.</source>
        <translation>Behandlingen av den här kunden är inte begränsad.</translation>
    </message>
    <message>
        <source>Restriction lifted.</source>
        <translation>Begränsningen upphävd.</translation>
    </message>
    <message>
        <source>Processing restricted.</source>
        <translation>Behandlingen begränsad.</translation>
    </message>
    <message>
        <source>The customers were merged; %1 is open.</source>
        <translation>Kunderna slogs samman; %1 är öppen.</translation>
    </message>
</context>
<context>
    <name>MarketingExportDialog</name>
    <message>
        <location filename="../../kkdesk/ui/marketing_export_dialog.py" line="+40"/>
        <source>Direct advertising</source>
        <translation>Direktreklam</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Distance selling</source>
        <translation>Distansförsäljning</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Other direct marketing</source>
        <translation>Annan direktmarknadsföring</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Market and opinion research</source>
        <translation>Marknads- och opinionsundersökningar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Person directories</source>
        <translation>Personmatriklar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Genealogy research</source>
        <translation>Släktforskning</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Post</source>
        <translation>Post</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMS</source>
        <translation>Sms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>customer number, name, street address, postal code, post office, country, language</source>
        <translation>kundnummer, namn, gatuadress, postnummer, postanstalt, land, språk</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>customer number, name, e-mail address, language</source>
        <translation>kundnummer, namn, e-postadress, språk</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>customer number, name, mobile number, language</source>
        <translation>kundnummer, namn, mobilnummer, språk</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Save marketing export</source>
        <translation>Spara marknadsföringsuttag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Marketing export</source>
        <translation>Marknadsföringsuttag</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file contains exactly the customers whose prohibitions and consents allow this purpose on this channel. E-mail and SMS need consent; an objection or a restriction stops everything. The export is recorded as a disclosure.</source>
        <translation>Filen innehåller exakt de kunder vars förbud och samtycken tillåter detta ändamål i denna kanal. E-post och sms kräver samtycke; en invändning eller en begränsning stoppar allt. Uttaget registreras som ett utlämnande.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Purpose</source>
        <translation>Ändamål</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recipient</source>
        <translation>Mottagare</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Who receives the file, e.g. the mailing house; recorded in the disclosure.</source>
        <translation>Vem som får filen, t.ex. utskickstjänsten; registreras i utlämnandet.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Customers in the file</source>
        <translation>Kunder i filen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Purpose:</source>
        <translation>&amp;Ändamål:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Channel:</source>
        <translation>&amp;Kanal:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Recipient:</source>
        <translation>&amp;Mottagare:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Columns:</source>
        <translation>Kolumner:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers in the file:</source>
        <translation>Kunder i filen:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Save as…</source>
        <translation>&amp;Spara som…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Your user level does not allow marketing exports.</source>
        <translation>Din användarnivå tillåter inte marknadsföringsuttag.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>counting…</source>
        <translation>räknar…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Saving…</source>
        <translation>Sparar…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Saved %1 customers to %2 and recorded it as disclosure %3.</source>
        <translation>Sparade %1 kunder i %2 och registrerade det som utlämnande %3.</translation>
    </message>
    <message>
        <source>Cancel e&amp;xport</source>
        <translation>&amp;Avbryt uttaget</translation>
    </message>
    <message>
        <source>Stop saving: no file is written and no disclosure is recorded.</source>
        <translation>Avbryt sparandet: ingen fil skrivs och inget utlämnande registreras.</translation>
    </message>
    <message>
        <source>The export is being saved.</source>
        <translation>Uttaget håller på att sparas.</translation>
    </message>
    <message>
        <source>Wait until the customers in the file have been counted.</source>
        <translation>Vänta tills kunderna i filen har räknats.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Avbryter…</translation>
    </message>
    <message>
        <source>%1 of %2 customers</source>
        <translation>%1 av %2 kunder</translation>
    </message>
    <message>
        <source>Export cancelled: no file was saved and no disclosure was recorded.</source>
        <translation>Uttaget avbröts: ingen fil sparades och inget utlämnande registrerades.</translation>
    </message>
</context>
<context>
    <name>NewRequestDialog</name>
    <message>
        <source>New data-subject request</source>
        <translation>Ny begäran från registrerad</translation>
    </message>
    <message>
        <source>e.g. passport checked at the counter</source>
        <translation>t.ex. passet kontrollerat vid disken</translation>
    </message>
    <message>
        <source>you (%1)</source>
        <translation>du (%1)</translation>
    </message>
    <message>
        <source>The deadline is one calendar month from the day the request was received.</source>
        <translation>Tidsfristen är en kalendermånad från den dag begäran kom in.</translation>
    </message>
    <message>
        <source>C&amp;ustomer number:</source>
        <translation>K&amp;undnummer:</translation>
    </message>
    <message>
        <source>&amp;Request:</source>
        <translation>&amp;Begäran:</translation>
    </message>
    <message>
        <source>R&amp;eceived on:</source>
        <translation>&amp;Inkommen:</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>K&amp;anal:</translation>
    </message>
    <message>
        <source>&amp;Identity checked how:</source>
        <translation>Hur identiteten &amp;kontrollerades:</translation>
    </message>
    <message>
        <source>Checked &amp;by:</source>
        <translation>Kontrollerad a&amp;v:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>A&amp;nteckning:</translation>
    </message>
    <message>
        <source>only if not a customer</source>
        <translation>endast om inte kund</translation>
    </message>
    <message>
        <source>street, postal code and town</source>
        <translation>gatuadress, postnummer och ort</translation>
    </message>
    <message>
        <source>Requester's na&amp;me:</source>
        <translation>Begärarens na&amp;mn:</translation>
    </message>
    <message>
        <source>Requester's addre&amp;ss:</source>
        <translation>Begärarens adre&amp;ss:</translation>
    </message>
</context>
<context>
    <name>RequestsModel</name>
    <message>
        <source>Deadline</source>
        <translation>Tidsfrist</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Dagar kvar</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Begäran</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kund</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Inkommen</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Identity checked</source>
        <translation>Identitetskontroll</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>Brev</translation>
    </message>
    <message>
        <source>1 day late</source>
        <translation>1 dag försenad</translation>
    </message>
    <message>
        <source>%1 days late</source>
        <translation>%1 dagar försenad</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>förfaller i dag</translation>
    </message>
    <message>
        <source>Done %1</source>
        <translation>Klar %1</translation>
    </message>
    <message>
        <source>Refused %1</source>
        <translation>Avslagen %1</translation>
    </message>
    <message>
        <source>Open, extended</source>
        <translation>Öppen, förlängd</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öppen</translation>
    </message>
    <message>
        <source>Extended by two months: %1</source>
        <translation>Förlängd med två månader: %1</translation>
    </message>
    <message>
        <source>One month from receipt; may be extended once by two months.</source>
        <translation>En månad från att begäran kom in; kan förlängas en gång med två månader.</translation>
    </message>
    <message>
        <source>%1: %2, 1 page, SHA-256 %3…</source>
        <translation>%1: %2, 1 sida, SHA-256 %3…</translation>
    </message>
    <message>
        <source>%1: %2, %4 pages, SHA-256 %3…</source>
        <translation>%1: %2, %4 sidor, SHA-256 %3…</translation>
    </message>
    <message>
        <source>(erased)</source>
        <translation>(raderad)</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>inte registrerad</translation>
    </message>
</context>
<context>
    <name>RequestsPanel</name>
    <message>
        <source>Requests</source>
        <translation>Begäranden</translation>
    </message>
</context>
<context>
    <name>RequestsWidget</name>
    <message>
        <source>Data-subject requests</source>
        <translation>Begäranden från registrerade</translation>
    </message>
    <message>
        <source>Sho&amp;w closed requests</source>
        <translation>&amp;Visa stängda begäranden</translation>
    </message>
    <message>
        <source>&amp;New request…</source>
        <translation>&amp;Ny begäran…</translation>
    </message>
    <message>
        <source>Access &amp;letter…</source>
        <translation>&amp;Registerutdrag…</translation>
    </message>
    <message>
        <source>E&amp;xtend…</source>
        <translation>&amp;Förläng…</translation>
    </message>
    <message>
        <source>Cl&amp;ose…</source>
        <translation>S&amp;täng…</translation>
    </message>
    <message>
        <source>&amp;Print all open access letters…</source>
        <translation>Skriv ut alla öppna &amp;utdrag…</translation>
    </message>
    <message>
        <source>Deadline colours: &lt;span style='background:%1'&gt;&amp;nbsp;overdue&amp;nbsp;&lt;/span&gt; &lt;span style='background:%2'&gt;&amp;nbsp;a week or less&amp;nbsp;&lt;/span&gt; &lt;span style='background:%3'&gt;&amp;nbsp;two weeks or less&amp;nbsp;&lt;/span&gt;</source>
        <translation>Tidsfristens färger: &lt;span style='background:%1'&gt;&amp;nbsp;försenad&amp;nbsp;&lt;/span&gt; &lt;span style='background:%2'&gt;&amp;nbsp;en vecka eller mindre&amp;nbsp;&lt;/span&gt; &lt;span style='background:%3'&gt;&amp;nbsp;två veckor eller mindre&amp;nbsp;&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Your user level does not allow handling data-subject requests.</source>
        <translation>Din användarnivå tillåter inte hantering av begäranden från registrerade.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Laddar…</translation>
    </message>
    <message>
        <source>1 open request</source>
        <translation>1 öppen begäran</translation>
    </message>
    <message>
        <source>%1 open requests</source>
        <translation>%1 öppna begäranden</translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n försenad</numerusform>
            <numerusform>%n försenade</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a request of a customer first.</source>
        <translation>Välj först en kunds begäran.</translation>
    </message>
    <message>
        <source>Choose an open request first.</source>
        <translation>Välj först en öppen begäran.</translation>
    </message>
    <message>
        <source>Extend the deadline</source>
        <translation>Förläng tidsfristen</translation>
    </message>
    <message>
        <source>Why does the request need two more months? (The requester must be told.)</source>
        <translation>Varför behöver begäran två månader till? (Den som begärt ska få veta varför.)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klar</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Avslagen</translation>
    </message>
    <message>
        <source>Close the request</source>
        <translation>Stäng begäran</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>Utfall:</translation>
    </message>
    <message>
        <source>What was done, or why it was refused:</source>
        <translation>Vad som gjordes, eller varför begäran avslogs:</translation>
    </message>
    <message>
        <source>Folder for the letters</source>
        <translation>Mapp för breven</translation>
    </message>
    <message>
        <source>Making the letters of every open access request…</source>
        <translation>Breven för alla öppna begäranden om registerutdrag upprättas…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppa</translation>
    </message>
    <message>
        <source>Access letters</source>
        <translation>Registerutdrag</translation>
    </message>
    <message>
        <source>1 letter written to %1</source>
        <translation>1 brev skrivet till %1</translation>
    </message>
    <message>
        <source>%2 letters written to %1</source>
        <translation>%2 brev skrivna till %1</translation>
    </message>
    <message>
        <source>stopped: %2 of %3 letters written to %1</source>
        <translation>avbrutet: %2 av %3 brev skrivna till %1</translation>
    </message>
    <message>
        <source>Le&amp;tters…</source>
        <translation>&amp;Breven…</translation>
    </message>
    <message>
        <source>Every step's letter of the selected request, and how each was sent</source>
        <translation>Breven för varje steg av den valda begäran och hur vart och ett skickades</translation>
    </message>
    <message>
        <source>Notices of other so&amp;urces…</source>
        <translation>Meddelanden om andra kä&amp;llor…</translation>
    </message>
    <message>
        <source>Notices to people whose data came from a public source, a partner or an update service (GDPR Art. 14)</source>
        <translation>Meddelanden till personer vars uppgifter kom från en offentlig källa, en samarbetspartner eller en uppdateringstjänst (artikel 14 i dataskyddsförordningen)</translation>
    </message>
    <message>
        <source>Choose a request first.</source>
        <translation>Välj först en begäran.</translation>
    </message>
    <message>
        <source>Looking for data obtained from other sources…</source>
        <translation>Söker uppgifter som erhållits från andra källor…</translation>
    </message>
    <message>
        <source>Notices of other sources</source>
        <translation>Meddelanden om andra källor</translation>
    </message>
    <message>
        <source>Nobody is due a notice: all data obtained from other sources in the last three months has been notified.</source>
        <translation>Ingen behöver få ett meddelande: alla uppgifter som erhållits från andra källor under de tre senaste månaderna har meddelats.</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) are due a notice of data obtained from another source (GDPR Art. 14: within a month of obtaining it).</source>
        <translation>
            <numerusform>%n person ska få ett meddelande om uppgifter från en annan källa (artikel 14 i dataskyddsförordningen: inom en månad från att de erhölls).</numerusform>
            <numerusform>%n personer ska få ett meddelande om uppgifter från en annan källa (artikel 14 i dataskyddsförordningen: inom en månad från att de erhölls).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them overdue.</source>
        <translation>
            <numerusform>%n av dem är försenad.</numerusform>
            <numerusform>%n av dem är försenade.</numerusform>
        </translation>
    </message>
    <message>
        <source>Make their notices into a folder?</source>
        <translation>Skapa deras meddelanden i en mapp?</translation>
    </message>
    <message>
        <source>Folder for the notices</source>
        <translation>Mapp för meddelandena</translation>
    </message>
    <message>
        <source>Making the notices…</source>
        <translation>Skapar meddelandena…</translation>
    </message>
    <message numerus="yes">
        <source>%n notice(s) written to %1</source>
        <translation>
            <numerusform>%n meddelande skrivet till %1</numerusform>
            <numerusform>%n meddelanden skrivna till %1</numerusform>
        </translation>
    </message>
    <message>
        <source>An offline snapshot is read-only.</source>
        <translation>En offline-ögonblicksbild är skrivskyddad.</translation>
    </message>
    <message>
        <source>Deadline extended: send the extension notice (Letters…) within the first month.</source>
        <translation>Tidsfristen förlängd: skicka meddelandet om förlängning (Breven…) inom den första månaden.</translation>
    </message>
    <message>
        <source>Request %1</source>
        <translation>Begäran %1</translation>
    </message>
    <message>
        <source>The objection to direct marketing of customer %1 is recorded: no marketing reaches them from now on.</source>
        <translation>Kund %1:s invändning mot direktmarknadsföring är registrerad: ingen marknadsföring når kunden från och med nu.</translation>
    </message>
    <message>
        <source>Record the objection?</source>
        <translation>Registrera invändningen?</translation>
    </message>
    <message>
        <source>An objection to direct marketing takes effect at once. Record it in the prohibitions of customer %1 now, with this request (received %2) as its evidence?</source>
        <translation>En invändning mot direktmarknadsföring gäller genast. Registrera den nu bland kund %1:s förbud, med denna begäran (mottagen %2) som underlag?</translation>
    </message>
    <message>
        <source>I&amp;dentity…</source>
        <translation>I&amp;dentitet…</translation>
    </message>
    <message>
        <source>Record how the requester's identity was checked (needed for a copy)</source>
        <translation>Registrera hur den sökandes identitet kontrollerades (behövs för en kopia)</translation>
    </message>
    <message>
        <source>No letter for customers %1: their records are damaged (a value kkdesk does not know); ask an administrator to correct them.</source>
        <translation>Inget brev till kunderna %1: deras poster är skadade (ett värde som kkdesk inte känner till); be en administratör att rätta dem.</translation>
    </message>
</context>
<context>
    <name>RequestsWindow</name>
    <message>
        <source>Data-subject requests</source>
        <translation>Begäranden från registrerade</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../kkdesk/ui/timeline_panel.py" line="+630"/>
        <source>Record a return — order %1</source>
        <translation>Registrera retur — order %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How many of each line does the customer return? At most what was delivered minus what has already been returned.</source>
        <translation>Hur många av varje rad returnerar kunden? Högst det levererade minus det som redan returnerats.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ordered</source>
        <translation>Beställt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delivered</source>
        <translation>Levererat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned</source>
        <translation>Returnerat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Return now</source>
        <translation>Returneras nu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Order lines to return</source>
        <translation>Orderrader att returnera</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Return now: %1</source>
        <translation>Returneras nu: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing of this line can be returned.</source>
        <translation>Inget av denna rad kan returneras.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>e.g. wrong size, arrived broken</source>
        <translation>t.ex. fel storlek, kom trasig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Orsak:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Record return</source>
        <translation>Registrera retur</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Nothing of this order can be returned: it has not been delivered, or everything delivered has been returned already.</source>
        <translation>Inget av denna order kan returneras: den har inte levererats, eller allt levererat har redan returnerats.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Saving…</source>
        <translation>Sparar…</translation>
    </message>
    <message>
        <source>Order %1 of %2, %3 including VAT</source>
        <translation>Order %1 av %2, %3 inkl. moms</translation>
    </message>
    <message>
        <source>Value of the returned items: %1 including VAT</source>
        <translation>Värdet av de returnerade varorna: %1 inkl. moms</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../kkdesk/ui/search_panel.py" line="+59"/>
        <source>&amp;Search:</source>
        <translation>&amp;Sök:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search customers</source>
        <translation>Sök kunder</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Search results</source>
        <translation>Sökresultat</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Search status</source>
        <translation>Sökningens status</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>No customers found.</source>
        <translation>Inga kunder hittades.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 customers shown; scroll down for more.</source>
        <translation>%1 kunder visas; rulla nedåt för fler.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 customers found.</source>
        <translation>%1 kunder hittades.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Searching…</source>
        <translation>Söker…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Type to search. Enter opens the selected customer.</source>
        <translation>Skriv för att söka. Enter öppnar vald kund.</translation>
    </message>
    <message>
        <source>1 customer found.</source>
        <translation>1 kund hittades.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name, customer number, contact person, street, phone…</source>
        <translation>Namn, kundnummer, kontaktperson, gatuadress, telefon…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name in either order, any word of a name, contact person, street, post office, customer number, e-mail, phone, postal code or business ID. Press Down to move to the results.</source>
        <translation>Namn i valfri ordning, vilket ord som helst i ett namn, kontaktperson, gatuadress, postanstalt, kundnummer, e-post, telefon, postnummer eller FO-nummer. Nedåtpil flyttar till resultaten.</translation>
    </message>
    <message>
        <source>Words this short search only part of the register: type more letters.</source>
        <translation>Så korta ord söker bara i en del av registret: skriv fler bokstäver.</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <location filename="../../kkdesk/ui/search_model.py" line="+67"/>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postal code</source>
        <translation>Postnummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post office</source>
        <translation>Postanstalt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Company</source>
        <translation>Företag</translation>
    </message>
    <message>
        <source>%1 (contact person: %2)</source>
        <translation>%1 (kontaktperson: %2)</translation>
    </message>
    <message>
        <source>%1 (street: %2)</source>
        <translation>%1 (gatuadress: %2)</translation>
    </message>
    <message>
        <source>⚠ Damaged record</source>
        <translation>⚠ Skadad post</translation>
    </message>
    <message>
        <source>Processing restricted (GDPR Art. 18): the data is only stored. It can be read; changes, exports, marketing, letters to others and new orders are refused.</source>
        <translation>Behandlingen begränsad (artikel 18 i dataskyddsförordningen): uppgifterna lagras endast. De kan läsas; ändringar, export, marknadsföring, brev till andra och nya beställningar nekas.</translation>
    </message>
    <message>
        <source>%1 — processing restricted</source>
        <translation>%1 — behandlingen begränsad</translation>
    </message>
    <message>
        <source>%1 (%2 was merged into this customer)</source>
        <translation>%1 (%2 har slagits samman med denna kund)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../kkdesk/ui/settings_dialog.py" line="+27"/>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow the system</source>
        <translation>Enligt systemet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Language:</source>
        <translation>&amp;Språk:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>User level on the embedded database</source>
        <translation>Användarnivå i den inbyggda databasen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>User &amp;level on the embedded database:</source>
        <translation>Användar&amp;nivå i den inbyggda databasen:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>On the central database your level is your database role.</source>
        <translation>I den centrala databasen är din nivå din databasroll.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Changes take effect when you next start the desk.</source>
        <translation>Ändringarna gäller från nästa start.</translation>
    </message>
</context>
<context>
    <name>SourceDialog</name>
    <message>
        <location filename="../../kkdesk/ui/dialogs.py" line="-105"/>
        <source>Source of the data</source>
        <translation>Uppgifternas källa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where did this data come from?</source>
        <translation>Varifrån kom dessa uppgifter?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Changed fields</source>
        <translation>Ändrade fält</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field</source>
        <translation>Fält</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Was</source>
        <translation>Var</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Now</source>
        <translation>Nu</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Source</source>
        <translation>Källa</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Details of the source</source>
        <translation>Källans detaljer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. letter of 3 March, ticket 1234</source>
        <translation>t.ex. brev 3.3, ärende 1234</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Source:</source>
        <translation>&amp;Källa:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Details:</source>
        <translation>&amp;Detaljer:</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../../kkdesk/ui/timeline_panel.py" line="-495"/>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event</source>
        <translation>Händelse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>Vad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount incl. VAT</source>
        <translation>Belopp inkl. moms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+124"/>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+32"/>
        <source>Including VAT %1</source>
        <translation>Varav moms %1</translation>
    </message>
    <message>
        <source>1 open return</source>
        <translation>1 öppen retur</translation>
    </message>
    <message>
        <source>%1 open returns</source>
        <translation>%1 öppna returer</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <location line="+429"/>
        <source>Show:</source>
        <translation>Visa:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Product or order number</source>
        <translation>Produkt eller ordernummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by product or order number</source>
        <translation>Filtrera på produkt eller ordernummer</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>From date</source>
        <translation>Från datum</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>To date</source>
        <translation>Till datum</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open items only</source>
        <translation>Endast &amp;öppna</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Orders not yet delivered and returns not yet refunded</source>
        <translation>Order som inte levererats ännu och returer som inte återbetalats ännu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;To:</source>
        <translation>&amp;Till:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Orders, deliveries and returns</source>
        <translation>Order, leveranser och returer</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Details of the selected event</source>
        <translation>Detaljer om den valda händelsen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Record &amp;return…</source>
        <translation>&amp;Registrera retur…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mark &amp;delivered</source>
        <translation>Markera &amp;levererad</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Orders</source>
        <translation>Order</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Loading…</source>
        <translation>Laddar…</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>No orders.</source>
        <translation>Inga order.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No events match the filter.</source>
        <translation>Inga händelser matchar filtret.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>of %1</source>
        <translation>av %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>scroll for more</source>
        <translation>rulla för fler</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Your user level (%1) cannot change orders.</source>
        <translation>Din användarnivå (%1) kan inte ändra order.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select an order first.</source>
        <translation>Välj först en order.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Nothing of this order can be returned: it has not been delivered, or everything delivered has been returned already.</source>
        <translation>Inget av denna order kan returneras: den har inte levererats, eller allt levererat har redan returnerats.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No delivery of this order is on its way.</source>
        <translation>Ingen leverans av denna order är på väg.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Return %1 recorded.</source>
        <translation>Retur %1 registrerad.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Order %1 marked delivered.</source>
        <translation>Order %1 markerad som levererad.</translation>
    </message>
    <message>
        <source>F&amp;ind:</source>
        <translation>&amp;Filtrera:</translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation>Frå&amp;n:</translation>
    </message>
    <message>
        <source>Your user level (%1) does not show orders.</source>
        <translation>Din användarnivå (%1) visar inte order.</translation>
    </message>
    <message>
        <source>1 order shown</source>
        <translation>1 order visas</translation>
    </message>
    <message>
        <source>%1 orders shown</source>
        <translation>%1 order visas</translation>
    </message>
    <message>
        <source>Mark &amp;delivered…</source>
        <translation>Markera &amp;levererad…</translation>
    </message>
    <message>
        <source>Return recei&amp;ved…</source>
        <translation>Retur &amp;mottagen…</translation>
    </message>
    <message>
        <source>Refu&amp;nd…</source>
        <translation>Åter&amp;betala…</translation>
    </message>
    <message>
        <source>Corr&amp;ect…</source>
        <translation>K&amp;orrigera…</translation>
    </message>
    <message>
        <source>Correct a wrongly recorded delivery, receipt or refund</source>
        <translation>Rätta en felaktigt registrerad leverans, mottagning eller återbetalning</translation>
    </message>
    <message>
        <source>No return of this order is waiting for its goods.</source>
        <translation>Ingen retur av denna beställning väntar på varorna.</translation>
    </message>
    <message>
        <source>No return of this order is waiting for a refund.</source>
        <translation>Ingen retur av denna beställning väntar på återbetalning.</translation>
    </message>
    <message>
        <source>No delivery, receipt or refund of this order has been recorded.</source>
        <translation>Ingen leverans, mottagning eller återbetalning har registrerats för denna beställning.</translation>
    </message>
    <message>
        <source>Return %1 marked received.</source>
        <translation>Retur %1 markerad som mottagen.</translation>
    </message>
    <message>
        <source>Refund of return %1 recorded.</source>
        <translation>Återbetalning för retur %1 registrerad.</translation>
    </message>
    <message>
        <source>Correction of order %1 recorded.</source>
        <translation>Rättelse av beställning %1 registrerad.</translation>
    </message>
</context>
<context>
    <name>TimelineWords</name>
    <message>
        <location line="-616"/>
        <source>%1 including VAT %2</source>
        <translation>%1, varav moms %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ordered</source>
        <translation>Beställd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+61"/>
        <source>Total</source>
        <translation>Totalt</translation>
    </message>
    <message>
        <location line="-53"/>
        <location line="+29"/>
        <source>not yet</source>
        <translation>inte ännu</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Shipped</source>
        <translation>Skickad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivered</source>
        <translation>Levererad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carrier</source>
        <translation>Transportör</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracking code</source>
        <translation>Spårningskod</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivery address</source>
        <translation>Leveransadress</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>not yet (the items are worth %1)</source>
        <translation>inte ännu (varorna är värda %1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Requested</source>
        <translation>Begärd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>Mottagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Orsak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund</source>
        <translation>Återbetalning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VAT in the returned items</source>
        <translation>Moms i de returnerade varorna</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>Antal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit price</source>
        <translation>Styckpris</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VAT</source>
        <translation>Moms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Returned</source>
        <translation>Returnerat</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>At most %1 of “%2” can be returned: what was delivered minus what has already been returned. Someone may have recorded a return meanwhile.</source>
        <translation>Högst %1 av ”%2” kan returneras: det levererade minus det som redan returnerats. Någon kan ha registrerat en retur under tiden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter how many of at least one line are returned.</source>
        <translation>Ange hur många som returneras av minst en rad.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A returned quantity cannot be negative.</source>
        <translation>En returnerad mängd kan inte vara negativ.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The line is not on this order.</source>
        <translation>Raden finns inte på denna order.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The reason is too long: at most 500 characters.</source>
        <translation>Orsaken är för lång: högst 500 tecken.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This order has not been shipped; nothing to deliver.</source>
        <translation>Denna order har inte skickats; inget att leverera.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The delivery has not been shipped yet.</source>
        <translation>Leveransen har inte skickats ännu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The delivery is already marked delivered.</source>
        <translation>Leveransen är redan markerad som levererad.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A delivery cannot arrive before it was shipped.</source>
        <translation>En leverans kan inte komma fram innan den skickats.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Several deliveries of this order are on their way.</source>
        <translation>Flera leveranser av denna order är på väg.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The order is cancelled.</source>
        <translation>Ordern är annullerad.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The order was not found.</source>
        <translation>Ordern hittades inte.</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>Order %1</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Leverans</translation>
    </message>
    <message>
        <source>Not shipped yet.</source>
        <translation>Inte skickad ännu.</translation>
    </message>
    <message>
        <source>Returned items</source>
        <translation>Returnerade varor</translation>
    </message>
    <message>
        <source>Return %1</source>
        <translation>Retur %1</translation>
    </message>
    <message>
        <source>Order lines</source>
        <translation>Orderrader</translation>
    </message>
    <message>
        <source>Corrected step</source>
        <translation>Rättat steg</translation>
    </message>
    <message>
        <source>Recorded as</source>
        <translation>Registrerat som</translation>
    </message>
    <message>
        <source>Corrected to</source>
        <translation>Rättat till</translation>
    </message>
    <message>
        <source>Corrected by</source>
        <translation>Rättat av</translation>
    </message>
    <message>
        <source>Corrected on</source>
        <translation>Rättat den</translation>
    </message>
    <message>
        <source>Correction %1</source>
        <translation>Rättelse %1</translation>
    </message>
    <message>
        <source>did not happen</source>
        <translation>skedde inte</translation>
    </message>
    <message>
        <source>The refund can be at most %1: what the customer paid for the returned items.</source>
        <translation>Återbetalningen kan vara högst %1: vad kunden betalade för de returnerade varorna.</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <location filename="../../kkdesk/ui/dialogs.py" line="-57"/>
        <source>Unsaved changes</source>
        <translation>Osparade ändringar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 has unsaved changes.</source>
        <translation>%1 har osparade ändringar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discard your changes?</source>
        <translation>Förkasta dina ändringar?</translation>
    </message>
    <message>
        <source>Register file missing</source>
        <translation>Registerfilen saknas</translation>
    </message>
    <message>
        <source>The register file %1 does not exist.</source>
        <translation>Registerfilen %1 finns inte.</translation>
    </message>
    <message>
        <source>It may have been moved, deleted, or be on a drive that is not connected. Create a new, empty register there? Choose Cancel to quit and look for it first.</source>
        <translation>Den kan ha flyttats eller raderats, eller ligga på en enhet som inte är ansluten. Skapa ett nytt, tomt register där? Välj Avbryt för att avsluta och leta efter den först.</translation>
    </message>
    <message>
        <source>Create an empty register</source>
        <translation>Skapa ett tomt register</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Backups and restores here are of the embedded register; the central database is backed up by its administrator.</source>
        <translation>Säkerhetskopiering och återställning gäller här det inbyggda registret; den centrala databasen säkerhetskopieras av dess administratör.</translation>
    </message>
    <message>
        <source>The backup file is damaged (SQLite's integrity check failed); nothing was restored.</source>
        <translation>Säkerhetskopian är skadad (SQLites integritetskontroll misslyckades); ingenting återställdes.</translation>
    </message>
    <message>
        <source>The file is not a kkdesk register or a SQLite database; nothing was restored.</source>
        <translation>Filen är inte ett kkdesk-register eller en SQLite-databas; ingenting återställdes.</translation>
    </message>
    <message>
        <source>The file cannot be restored as the register; nothing was changed.</source>
        <translation>Filen kan inte återställas som registret; ingenting ändrades.</translation>
    </message>
    <message>
        <source>The backup file does not exist.</source>
        <translation>Säkerhetskopian finns inte.</translation>
    </message>
    <message>
        <source>The backup was made by a newer kkdesk (its schema is newer than this one knows); restore it with that version.</source>
        <translation>Säkerhetskopian gjordes av en nyare kkdesk (dess schema är nyare än den här versionen känner); återställ den med den versionen.</translation>
    </message>
    <message>
        <source>The key of this encrypted backup is not in your keyring: only the user who made it can restore it, on their computer.</source>
        <translation>Nyckeln till den här krypterade säkerhetskopian finns inte i din nyckelring: endast användaren som gjorde den kan återställa den, på sin dator.</translation>
    </message>
    <message>
        <source>The backup file cannot be opened.</source>
        <translation>Säkerhetskopian kan inte öppnas.</translation>
    </message>
    <message>
        <source>This replaces data and needs your confirmation; nothing was done.</source>
        <translation>Detta ersätter uppgifter och kräver din bekräftelse; ingenting gjordes.</translation>
    </message>
    <message>
        <source>The central database already holds customers: demo data is added only to an empty one, so that no invented customer is mixed with real ones.</source>
        <translation>Den centrala databasen innehåller redan kunder: demodata läggs bara till i en tom databas, så att inga påhittade kunder blandas med riktiga.</translation>
    </message>
    <message>
        <source>No identity check is recorded for request %1: record how the requester's identity was verified (Identity…), or send the request-for-identification letter. No copy was made.</source>
        <translation>Ingen identitetskontroll har registrerats för begäran %1: registrera hur den sökandes identitet kontrollerades (Identitet…), eller skicka brevet med begäran om identifiering. Ingen kopia gjordes.</translation>
    </message>
    <message>
        <source>kkdesk manages only logins whose rights come from one kkdesk user level; this login has other rights.</source>
        <translation>kkdesk hanterar bara inloggningar vars rättigheter kommer från en kkdesk-användarnivå; den här inloggningen har andra rättigheter.</translation>
    </message>
    <message>
        <source>No password was entered; nothing was done.</source>
        <translation>Inget lösenord angavs; ingenting gjordes.</translation>
    </message>
    <message>
        <source>The contact person who made request %1 has since been removed from the customer: a copy of the company's data cannot go to them. Answer with a letter saying what is held on them, or close the request.</source>
        <translation>Kontaktpersonen som gjorde begäran %1 har sedan tagits bort från kunden: en kopia av företagets uppgifter kan inte gå till hen. Svara med ett brev om vad som finns om hen, eller stäng begäran.</translation>
    </message>
    <message>
        <source>The check digit of the number is wrong. Check the number.</source>
        <translation>Nummerts kontrollsiffra är fel. Kontrollera numret.</translation>
    </message>
    <message>
        <location filename="../../kkdesk/ui/errors.py" line="+24"/>
        <source>Customer type</source>
        <translation>Kundtyp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Surname</source>
        <translation>Efternamn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First names</source>
        <translation>Förnamn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Company name</source>
        <translation>Företagets namn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business ID</source>
        <translation>FO-nummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Street address</source>
        <translation>Gatuadress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postal code</source>
        <translation>Postnummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post office</source>
        <translation>Postanstalt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Home phone</source>
        <translation>Hemtelefon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work phone</source>
        <translation>Arbetstelefon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mobile phone</source>
        <translation>Mobiltelefon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of birth</source>
        <translation>Födelsedatum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer since</source>
        <translation>Kund sedan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>Roll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact persons</source>
        <translation>Kontaktpersoner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other data</source>
        <translation>Övriga uppgifter</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Required.</source>
        <translation>Obligatoriskt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contains control characters; remove them.</source>
        <translation>Innehåller styrtecken; ta bort dem.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Too long: at most %1 characters.</source>
        <translation>För lång: högst %1 tecken.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Must contain letters.</source>
        <translation>Måste innehålla bokstäver.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a known country code; use two letters such as FI or SE.</source>
        <translation>Okänd landskod; använd två bokstäver, t.ex. FI eller SE.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A Finnish postal code is five digits, e.g. 01380.</source>
        <translation>Ett finskt postnummer har fem siffror, t.ex. 01380.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a postal code.</source>
        <translation>Inte ett postnummer.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a phone number, e.g. 040 123 4567 or +358 40 123 4567.</source>
        <translation>Inte ett telefonnummer, t.ex. 040 123 4567 eller +358 40 123 4567.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not an e-mail address, e.g. name@example.fi.</source>
        <translation>Inte en e-postadress, t.ex. namn@exempel.fi.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The date of birth is in the future.</source>
        <translation>Födelsedatumet ligger i framtiden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The person would be older than %1 years.</source>
        <translation>Personen skulle vara äldre än %1 år.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a valid business ID (Y-tunnus), e.g. 0109862-8.</source>
        <translation>Ogiltigt FO-nummer (Y-tunnus), t.ex. 0109862-8.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The date is in the future.</source>
        <translation>Datumet ligger i framtiden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose Finnish, Swedish or English.</source>
        <translation>Välj finska, svenska eller engelska.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needed to complete the address.</source>
        <translation>Behövs för att adressen ska vara fullständig.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A company has no date of birth.</source>
        <translation>Ett företag har inget födelsedatum.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only a company has contact persons.</source>
        <translation>Endast ett företag har kontaktpersoner.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write one 'name: value' per line.</source>
        <translation>Skriv en 'namn: värde' per rad.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a date; write it as the example shows.</source>
        <translation>Inte ett datum; skriv det som exemplet visar.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Some fields need attention:</source>
        <translation>Kontrollera följande fält:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 saved this record at %2 after you opened it. Your input is kept; reload to see their changes, then apply yours again.</source>
        <translation>%1 sparade posten %2 efter att du öppnade den. Dina uppgifter finns kvar; ladda deras ändringar och gör sedan dina igen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Someone else saved this record after you opened it. Your input is kept; reload to see their changes, then apply yours again.</source>
        <translation>Någon annan sparade posten efter att du öppnade den. Dina uppgifter finns kvar; ladda deras ändringar och gör sedan dina igen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>An unexpected error occurred (a bug). It has been logged.</source>
        <translation>Ett oväntat fel inträffade (ett programfel). Det har loggats.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The record was not found; it may have been erased.</source>
        <translation>Posten hittades inte; den kan ha raderats.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your user level does not allow this.</source>
        <translation>Din användarnivå tillåter inte detta.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database cannot be reached. Check the network and try again.</source>
        <translation>Databasen kan inte nås. Kontrollera nätverket och försök igen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database refused the user name or password.</source>
        <translation>Databasen godkände inte användarnamnet eller lösenordet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No password store (keyring) is available; the password is asked each time.</source>
        <translation>Inget lösenordsförråd (keyring) finns; lösenordet frågas varje gång.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The register's rules do not allow this.</source>
        <translation>Registrets regler tillåter inte detta.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A customer's type cannot be changed; create a new customer instead.</source>
        <translation>En kunds typ kan inte ändras; skapa en ny kund i stället.</translation>
    </message>
    <message>
        <source>The database address (KKDESK_DB) contains a password, which others can read there. Remove it and sign in with the login dialog or 'kkdesk login', which keep the password in the keyring.</source>
        <translation>Databasadressen (KKDESK_DB) innehåller ett lösenord som andra kan läsa där. Ta bort det och logga in i inloggningsfönstret eller med 'kkdesk login', som förvarar lösenordet i nyckelringen.</translation>
    </message>
    <message>
        <source>The connection to %1 would not be sure to be encrypted (TLS mode %2): passwords and customer data could be read on the network. Choose the TLS mode verify-full with the CA certificate file, or require.</source>
        <translation>Anslutningen till %1 skulle inte säkert vara krypterad (TLS-läge %2): lösenord och kunduppgifter kunde läsas i nätverket. Välj TLS-läget verify-full med CA-certifikatfilen, eller require.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist; choose an existing folder. Nothing was written.</source>
        <translation>Mappen %1 finns inte; välj en befintlig mapp. Ingenting skrevs.</translation>
    </message>
    <message>
        <source>The file %1 could not be written (%2). Nothing was written.</source>
        <translation>Filen %1 kunde inte skrivas (%2). Ingenting skrevs.</translation>
    </message>
    <message>
        <source>Contains invisible characters (text-direction or zero-width marks) that can make it look like something else; remove them.</source>
        <translation>Innehåller osynliga tecken (textriktnings- eller nollbreddstecken) som kan få texten att se ut som något annat; ta bort dem.</translation>
    </message>
    <message>
        <source>%1 is not a valid customer number: its check digit (the last digit) is wrong. Check the number.</source>
        <translation>%1 är inte ett giltigt kundnummer: dess kontrollsiffra (den sista siffran) är fel. Kontrollera numret.</translation>
    </message>
    <message>
        <source>%1 is not a valid business ID: its check digit (after the dash) is wrong. Check the ID.</source>
        <translation>%1 är inte ett giltigt FO-nummer: dess kontrollsiffra (efter bindestrecket) är fel. Kontrollera numret.</translation>
    </message>
    <message>
        <source>%1 is neither a valid customer number nor a valid business ID: the check digit (the last digit) is wrong. Check the number.</source>
        <translation>%1 är varken ett giltigt kundnummer eller ett giltigt FO-nummer: kontrollsiffran (den sista siffran) är fel. Kontrollera numret.</translation>
    </message>
    <message>
        <source>There is no such customer; the record may have been erased.</source>
        <translation>Kunden finns inte; uppgifterna kan ha raderats.</translation>
    </message>
    <message>
        <source>The contact person was not found on this customer.</source>
        <translation>Kontaktpersonen hittades inte hos den här kunden.</translation>
    </message>
    <message>
        <source>The order was not found.</source>
        <translation>Beställningen hittades inte.</translation>
    </message>
    <message>
        <source>The order is cancelled.</source>
        <translation>Beställningen är annullerad.</translation>
    </message>
    <message>
        <source>The delivery is not on this order.</source>
        <translation>Leveransen hör inte till den här beställningen.</translation>
    </message>
    <message>
        <source>The delivery has not been shipped yet.</source>
        <translation>Leveransen har inte skickats ännu.</translation>
    </message>
    <message>
        <source>The delivery is already marked delivered.</source>
        <translation>Leveransen är redan markerad som levererad.</translation>
    </message>
    <message>
        <source>A delivery cannot arrive before it was shipped.</source>
        <translation>En leverans kan inte komma fram innan den skickats.</translation>
    </message>
    <message>
        <source>Several deliveries of this order are on their way: choose one.</source>
        <translation>Flera leveranser av beställningen är på väg: välj en.</translation>
    </message>
    <message>
        <source>Enter how many of at least one line are returned.</source>
        <translation>Ange hur många av minst en rad som returneras.</translation>
    </message>
    <message>
        <source>A returned quantity cannot be negative.</source>
        <translation>En returnerad mängd kan inte vara negativ.</translation>
    </message>
    <message>
        <source>The line is not on this order.</source>
        <translation>Raden hör inte till den här beställningen.</translation>
    </message>
    <message>
        <source>More would be returned than was delivered minus what has already been returned.</source>
        <translation>Mer skulle returneras än det levererade minus det redan returnerade.</translation>
    </message>
    <message>
        <source>The reason is too long: at most 500 characters.</source>
        <translation>Orsaken är för lång: högst 500 tecken.</translation>
    </message>
    <message>
        <source>The request was not found.</source>
        <translation>Begäran hittades inte.</translation>
    </message>
    <message>
        <source>The request has already been closed.</source>
        <translation>Begäran har redan stängts.</translation>
    </message>
    <message>
        <source>The deadline has already been extended once; it cannot be again.</source>
        <translation>Tidsfristen har redan förlängts en gång; den kan inte förlängas igen.</translation>
    </message>
    <message>
        <source>The deadline can only be extended within the first month.</source>
        <translation>Tidsfristen kan förlängas endast under den första månaden.</translation>
    </message>
    <message>
        <source>The request is not linked to a customer.</source>
        <translation>Begäran är inte kopplad till någon kund.</translation>
    </message>
    <message>
        <source>That request is not an access request.</source>
        <translation>Begäran är inte en begäran om tillgång.</translation>
    </message>
    <message>
        <source>That request is from another customer.</source>
        <translation>Begäran kommer från en annan kund.</translation>
    </message>
    <message>
        <source>A request is closed as done or refused.</source>
        <translation>En begäran stängs som utförd eller avslagen.</translation>
    </message>
    <message>
        <source>The letter was not found.</source>
        <translation>Brevet hittades inte.</translation>
    </message>
    <message>
        <source>The archived letter does not match its recorded hash.</source>
        <translation>Det arkiverade brevet stämmer inte med sin sparade kontrollsumma.</translation>
    </message>
    <message>
        <source>The letter fonts are missing from the installation.</source>
        <translation>Brevens typsnitt saknas i installationen.</translation>
    </message>
    <message>
        <source>There is no export file for that channel.</source>
        <translation>Det finns ingen exportfil för den kanalen.</translation>
    </message>
    <message>
        <source>The folder for the file does not exist.</source>
        <translation>Mappen för filen finns inte.</translation>
    </message>
    <message>
        <source>That file is not a kkdesk register (or it is damaged).</source>
        <translation>Filen är inte ett kkdesk-register (eller så är den skadad).</translation>
    </message>
    <message>
        <source>Another program is using the register file and has locked it. Close that program (or wait for it to finish) and try again.</source>
        <translation>Ett annat program använder registerfilen och har låst den. Stäng det programmet (eller vänta tills det är klart) och försök igen.</translation>
    </message>
    <message>
        <source>The register file was deleted, moved or replaced while the desk was running. Nothing was saved. Restart the desk to open the register file as it is now.</source>
        <translation>Registerfilen raderades, flyttades eller ersattes medan programmet var igång. Inget sparades. Starta om programmet för att öppna registerfilen som den är nu.</translation>
    </message>
    <message>
        <source>The register file does not exist.</source>
        <translation>Registerfilen finns inte.</translation>
    </message>
    <message>
        <source>The server's identity could not be verified (TLS). Check the CA certificate file and the host name.</source>
        <translation>Serverns identitet kunde inte verifieras (TLS). Kontrollera CA-certifikatfilen och värdnamnet.</translation>
    </message>
    <message>
        <source>The database needs an upgrade first; ask an administrator to run 'kkdesk db upgrade'.</source>
        <translation>Databasen måste först uppgraderas; be en administratör köra 'kkdesk db upgrade'.</translation>
    </message>
    <message>
        <source>The database is newer than this kkdesk; install the kkdesk version that goes with it.</source>
        <translation>Databasen är nyare än detta kkdesk; installera den kkdesk-version som hör till den.</translation>
    </message>
    <message>
        <source>The database may not read the server's log yet: a database administrator must grant its owner pg_read_file and pg_ls_logdir.</source>
        <translation>Databasen får ännu inte läsa serverns logg: en databasadministratör måste ge dess ägare rättigheterna pg_read_file och pg_ls_logdir.</translation>
    </message>
    <message>
        <source>The database refused a step of the upgrade; run it as the database's owner.</source>
        <translation>Databasen vägrade ett steg i uppgraderingen; kör den som databasens ägare.</translation>
    </message>
    <message>
        <source>That is not a database kkdesk can open; give a SQLite file or a postgresql:// address.</source>
        <translation>Det är ingen databas som kkdesk kan öppna; ange en SQLite-fil eller en postgresql://-adress.</translation>
    </message>
    <message>
        <source>The database address names no user.</source>
        <translation>Databasadressen anger ingen användare.</translation>
    </message>
    <message>
        <source>Never put a password in a database address; kkdesk asks for it.</source>
        <translation>Skriv aldrig ett lösenord i en databasadress; kkdesk frågar efter det.</translation>
    </message>
    <message>
        <source>The embedded register has no users: the desk runs as you, with the level set in its settings.</source>
        <translation>Det lokala registret har inga användare: programmet körs som du, med nivån i inställningarna.</translation>
    </message>
    <message>
        <source>That login already exists.</source>
        <translation>Inloggningen finns redan.</translation>
    </message>
    <message>
        <source>There is no staff login by that name.</source>
        <translation>Det finns ingen personalinloggning med det namnet.</translation>
    </message>
    <message>
        <source>There is no user by that name in this database. Check the user name.</source>
        <translation>Det finns ingen användare med det namnet i databasen. Kontrollera användarnamnet.</translation>
    </message>
    <message>
        <source>The password is wrong. Check it, and that Caps Lock is off.</source>
        <translation>Lösenordet är fel. Kontrollera det och att Caps Lock inte är på.</translation>
    </message>
    <message>
        <source>Your password has expired. Ask an administrator to set a new one.</source>
        <translation>Ditt lösenord har gått ut. Be en administratör ange ett nytt.</translation>
    </message>
    <message>
        <source>A password is needed and none is saved: enter it.</source>
        <translation>Ett lösenord behövs och inget är sparat: ange det.</translation>
    </message>
    <message>
        <source>The passwords were empty or did not match.</source>
        <translation>Lösenorden var tomma eller stämde inte överens.</translation>
    </message>
    <message>
        <source>The password saved in the keyring was refused: it may have been changed or have expired. Enter your password.</source>
        <translation>Lösenordet som sparats i nyckelringen avvisades: det kan ha ändrats eller gått ut. Ange ditt lösenord.</translation>
    </message>
    <message>
        <source>Your account is disabled. Ask an administrator.</source>
        <translation>Ditt konto är inaktiverat. Kontakta en administratör.</translation>
    </message>
    <message>
        <source>Your database user has no kkdesk user level. Ask an administrator to give you one.</source>
        <translation>Din databasanvändare har ingen kkdesk-användarnivå. Be en administratör ge dig en.</translation>
    </message>
    <message>
        <source>The keyring refused the request; the password was not saved.</source>
        <translation>Nyckelringen avvisade begäran; lösenordet sparades inte.</translation>
    </message>
    <message>
        <source>Something went wrong inside kkdesk (a bug). The step that failed may not have been completed.</source>
        <translation>Något gick fel inuti kkdesk (ett programfel). Steget som misslyckades kan ha blivit ofullständigt.</translation>
    </message>
    <message>
        <source>This snapshot expired on %1 and can no longer be opened. Make a new one while the register can be reached.</source>
        <translation>Den här ögonblicksbilden upphörde %1 och kan inte längre öppnas. Gör en ny när registret kan nås.</translation>
    </message>
    <message>
        <source>This snapshot has expired and can no longer be opened. Make a new one while the register can be reached.</source>
        <translation>Den här ögonblicksbilden har upphört och kan inte längre öppnas. Gör en ny när registret kan nås.</translation>
    </message>
    <message>
        <source>The key of this snapshot is not in your keyring. A snapshot opens only for the user who made it, on the computer where it was made.</source>
        <translation>Nyckeln till den här ögonblicksbilden finns inte i din nyckelring. En ögonblicksbild kan bara öppnas av användaren som gjorde den, på datorn där den gjordes.</translation>
    </message>
    <message>
        <source>The key in your keyring does not fit this file: it belongs to another snapshot.</source>
        <translation>Nyckeln i din nyckelring passar inte den här filen: den hör till en annan ögonblicksbild.</translation>
    </message>
    <message>
        <source>The snapshot file is incomplete: it was cut off, e.g. by an interrupted copy. Copy it again from where it was made.</source>
        <translation>Ögonblicksbildsfilen är ofullständig: den har klippts av, t.ex. vid en avbruten kopiering. Kopiera den igen från där den gjordes.</translation>
    </message>
    <message>
        <source>The snapshot file has been altered or damaged: it fails its integrity check and is not opened.</source>
        <translation>Ögonblicksbildsfilen har ändrats eller skadats: den klarar inte integritetskontrollen och öppnas inte.</translation>
    </message>
    <message>
        <source>This file is not a kkdesk snapshot.</source>
        <translation>Den här filen är inte en ögonblicksbild från kkdesk.</translation>
    </message>
    <message>
        <source>This snapshot was made by a newer kkdesk; install that version.</source>
        <translation>Den här ögonblicksbilden gjordes med en nyare kkdesk; installera den versionen.</translation>
    </message>
    <message>
        <source>This file is an encrypted backup, not a snapshot: restore it with 'kkdesk restore'.</source>
        <translation>Den här filen är en krypterad säkerhetskopia, inte en ögonblicksbild: återställ den med 'kkdesk restore'.</translation>
    </message>
    <message>
        <source>The snapshot file does not exist.</source>
        <translation>Ögonblicksbildsfilen finns inte.</translation>
    </message>
    <message>
        <source>The snapshot file cannot be read.</source>
        <translation>Ögonblicksbildsfilen kan inte läsas.</translation>
    </message>
    <message>
        <source>This is an offline snapshot: it is read-only.</source>
        <translation>Det här är en offline-ögonblicksbild: den är skrivskyddad.</translation>
    </message>
    <message>
        <source>The offline read could not be recorded, so the record is not shown. Check that your data folder is writable.</source>
        <translation>Offline-läsningen kunde inte registreras, så uppgifterna visas inte. Kontrollera att din datamapp är skrivbar.</translation>
    </message>
    <message>
        <source>Some of the chosen customers are no longer on the register; nothing was made.</source>
        <translation>Några av de valda kunderna finns inte längre i registret; inget gjordes.</translation>
    </message>
    <message>
        <source>Choose the customers to take offline.</source>
        <translation>Välj kunderna som ska tas offline.</translation>
    </message>
    <message>
        <source>No customer matches; nothing was made.</source>
        <translation>Ingen kund matchar; inget gjordes.</translation>
    </message>
    <message>
        <source>That is too many customers for one snapshot; narrow it down.</source>
        <translation>Det är för många kunder för en ögonblicksbild; begränsa urvalet.</translation>
    </message>
    <message>
        <source>A snapshot expires after 1 to 90 days.</source>
        <translation>En ögonblicksbild upphör efter 1–90 dagar.</translation>
    </message>
    <message>
        <source>That file exists already; choose another name.</source>
        <translation>Filen finns redan; välj ett annat namn.</translation>
    </message>
    <message>
        <source>The file cannot be written there.</source>
        <translation>Filen kan inte skrivas där.</translation>
    </message>
    <message>
        <source>The folder cannot be created there.</source>
        <translation>Mappen kan inte skapas där.</translation>
    </message>
    <message>
        <source>The keyring refused the request; it may be locked.</source>
        <translation>Nyckelringen avvisade begäran; den kan vara låst.</translation>
    </message>
    <message>
        <source>The record of customer %1 is damaged (a value kkdesk does not know) and cannot be shown; ask an administrator to correct it.</source>
        <translation>Kund %1:s post är skadad (ett värde som kkdesk inte känner till) och kan inte visas; be en administratör att rätta den.</translation>
    </message>
    <message>
        <source>Someone else changed these consents just now; nothing was recorded. Check the current state and record again if needed.</source>
        <translation>Någon annan ändrade just dessa samtycken; ingenting sparades. Kontrollera nuläget och spara på nytt vid behov.</translation>
    </message>
    <message>
        <source>Customer number</source>
        <translation>Kundnummer</translation>
    </message>
    <message>
        <source>The date cannot be in the future.</source>
        <translation>Datumet kan inte ligga i framtiden.</translation>
    </message>
    <message>
        <source>A delivery cannot arrive before the order was placed.</source>
        <translation>En leverans kan inte komma fram innan beställningen gjordes.</translation>
    </message>
    <message>
        <source>The return is not on this order.</source>
        <translation>Returen hör inte till denna beställning.</translation>
    </message>
    <message>
        <source>The return is already marked received.</source>
        <translation>Returen är redan markerad som mottagen.</translation>
    </message>
    <message>
        <source>Returned goods cannot arrive before the return was requested.</source>
        <translation>Returnerade varor kan inte komma fram innan returen begärdes.</translation>
    </message>
    <message>
        <source>The return is already refunded.</source>
        <translation>Returen är redan återbetald.</translation>
    </message>
    <message>
        <source>The refund must be more than zero.</source>
        <translation>Återbetalningen måste vara större än noll.</translation>
    </message>
    <message>
        <source>The refund cannot exceed what the customer paid for the returned items.</source>
        <translation>Återbetalningen kan inte överstiga vad kunden betalade för de returnerade varorna.</translation>
    </message>
    <message>
        <source>A refund cannot be dated before the returned goods were received.</source>
        <translation>En återbetalning kan inte dateras före mottagandet av de returnerade varorna.</translation>
    </message>
    <message>
        <source>A refund cannot be dated before the return was requested.</source>
        <translation>En återbetalning kan inte dateras före returbegäran.</translation>
    </message>
    <message>
        <source>Say why the step is corrected.</source>
        <translation>Ange varför steget rättas.</translation>
    </message>
    <message>
        <source>The step is not on this order.</source>
        <translation>Steget hör inte till denna beställning.</translation>
    </message>
    <message>
        <source>That step has not been recorded: there is nothing to correct.</source>
        <translation>Steget har inte registrerats: det finns inget att rätta.</translation>
    </message>
    <message>
        <source>The order has returns: its delivery cannot be undone.</source>
        <translation>Beställningen har returer: leveransen kan inte ångras.</translation>
    </message>
    <message>
        <source>The return has been refunded: correct the refund first.</source>
        <translation>Returen är återbetald: rätta först återbetalningen.</translation>
    </message>
    <message>
        <source>The correction changes nothing: give another date or amount.</source>
        <translation>Rättelsen ändrar ingenting: ange ett annat datum eller belopp.</translation>
    </message>
    <message>
        <source>A delivery cannot be dated after a return of its goods was requested.</source>
        <translation>En leverans kan inte dateras efter att en retur av dess varor begärdes.</translation>
    </message>
    <message>
        <source>The address-update file was refused; nothing was changed.</source>
        <translation>Filen med adressuppdateringar avvisades; inget ändrades.</translation>
    </message>
    <message>
        <source>The address-update file cannot be read; check its name and rights.</source>
        <translation>Filen med adressuppdateringar kan inte läsas; kontrollera dess namn och rättigheter.</translation>
    </message>
    <message>
        <source>Name the update service the file came from.</source>
        <translation>Ange den uppdateringstjänst som filen kom från.</translation>
    </message>
    <message>
        <source>The update service's name is too long or holds characters it may not.</source>
        <translation>Uppdateringstjänstens namn är för långt eller innehåller otillåtna tecken.</translation>
    </message>
    <message>
        <source>Some of the customers were changed while the import ran; nothing was changed. Preview and apply the file again.</source>
        <translation>Några av kunderna ändrades medan importen pågick; inget ändrades. Förhandsgranska och verkställ filen igen.</translation>
    </message>
    <message>
        <source>The connection to the database was lost; nothing was saved. Your changes are still in the form — try again.</source>
        <translation>Anslutningen till databasen bröts; inget sparades. Dina ändringar finns kvar i formuläret — försök igen.</translation>
    </message>
    <message>
        <source>The database took too long to answer and the query was stopped. Try again; if it keeps happening, narrow the search or tell the database administrator.</source>
        <translation>Databasen svarade inte i tid och frågan avbröts. Försök igen; om det upprepas, avgränsa sökningen eller kontakta databasadministratören.</translation>
    </message>
    <message>
        <source>A run as of another day can only be a dry run: nothing was done.</source>
        <translation>En körning per en annan dag kan endast vara en provkörning: ingenting gjordes.</translation>
    </message>
    <message>
        <source>Customer %1 is under a legal hold and cannot be erased; lift the hold first when it has ended. Nothing was erased.</source>
        <translation>Kunden %1 omfattas av en rättslig bevarandeskyldighet (legal hold) och kan inte raderas; häv den först när den har upphört. Ingenting raderades.</translation>
    </message>
    <message>
        <source>Customer %1 has an open order (%2): finish or cancel it before erasing. Nothing was erased.</source>
        <translation>Kunden %1 har en öppen beställning (%2): slutför eller annullera den före raderingen. Ingenting raderades.</translation>
    </message>
    <message>
        <source>Customer %1 has an open return (%2): settle it before erasing. Nothing was erased.</source>
        <translation>Kunden %1 har en öppen retur (%2): slutbehandla den före raderingen. Ingenting raderades.</translation>
    </message>
    <message>
        <source>An erasure needs a reason. Nothing was erased.</source>
        <translation>En radering behöver en orsak. Ingenting raderades.</translation>
    </message>
    <message>
        <source>The reason is too long (at most 500 characters). Nothing was erased.</source>
        <translation>Orsaken är för lång (högst 500 tecken). Ingenting raderades.</translation>
    </message>
    <message>
        <source>The request is not an erasure request of this customer. Nothing was erased.</source>
        <translation>Begäran är inte denna kunds begäran om radering. Ingenting raderades.</translation>
    </message>
    <message>
        <source>A legal hold needs a reason.</source>
        <translation>En bevarandeskyldighet behöver en orsak.</translation>
    </message>
    <message>
        <source>The processing of this customer&apos;s data is restricted (GDPR Art. 18): it can be read, but not changed, exported, used for marketing, sent to others or ordered for until privacy staff lift the restriction.</source>
        <translation>Behandlingen av kundens uppgifter är begränsad (artikel 18 i dataskyddsförordningen): uppgifterna kan läsas, men inte ändras, exporteras, användas för marknadsföring, skickas till andra eller få nya beställningar förrän dataskyddspersonalen upphäver begränsningen.</translation>
    </message>
    <message>
        <source>The restriction is lifted only after the person has been sent its notice (GDPR Art. 18(3)): make the notice first.</source>
        <translation>Begränsningen upphävs först när personen har fått ett meddelande om det (artikel 18.3 i dataskyddsförordningen): gör meddelandet först.</translation>
    </message>
    <message>
        <source>A restriction of processing is never changed or deleted, only lifted once.</source>
        <translation>En begränsning av behandlingen ändras eller raderas aldrig, den upphävs bara en gång.</translation>
    </message>
    <message>
        <source>The processing of this customer&apos;s data is already restricted.</source>
        <translation>Behandlingen av kundens uppgifter är redan begränsad.</translation>
    </message>
    <message>
        <source>The processing of this customer&apos;s data is not restricted.</source>
        <translation>Behandlingen av kundens uppgifter är inte begränsad.</translation>
    </message>
    <message>
        <source>A customer cannot be merged with itself: choose two different records.</source>
        <translation>En kund kan inte slås samman med sig själv: välj två olika poster.</translation>
    </message>
    <message>
        <source>Customer %1 is not a person: only two records of one person can be merged.</source>
        <translation>Kund %1 är ingen person: endast två poster för samma person kan slås samman.</translation>
    </message>
    <message>
        <source>Customer %1 is erased and cannot be merged.</source>
        <translation>Kund %1 är raderad och kan inte slås samman.</translation>
    </message>
    <message>
        <source>Customer %1 was already merged into another record; its number leads there.</source>
        <translation>Kund %1 har redan slagits samman med en annan post; dess nummer leder dit.</translation>
    </message>
    <message>
        <source>That choice of values is not possible: take the kept or the other record&apos;s value (both only for notes and extra data). Nothing was merged.</source>
        <translation>Det valet av värden är inte möjligt: ta den bevarade eller den andra postens värde (båda endast för anteckningar och extra uppgifter). Inget slogs samman.</translation>
    </message>
    <message>
        <source>A merge cannot be undone; the database refused the change.</source>
        <translation>En sammanslagning kan inte ångras; databasen avvisade ändringen.</translation>
    </message>
    <message>
        <source>Only a recorded merge, by the privacy or admin level, may move data between customers or mark a record merged; the database refused the change.</source>
        <translation>Endast en registrerad sammanslagning (dataskydds- eller administratörsnivå) får flytta uppgifter mellan kunder eller märka en post som sammanslagen; databasen avvisade ändringen.</translation>
    </message>
    <message>
        <source>The processing of customer %1's data is restricted (GDPR Art. 18): the person asked that the data be kept as it is, so the records cannot be merged. Lift the restriction first. Nothing was merged.</source>
        <translation>Behandlingen av kund %1s uppgifter är begränsad (dataskyddsförordningen artikel 18): personen har begärt att uppgifterna bevaras som de är, så posterna kan inte slås ihop. Häv begränsningen först. Inget slogs ihop.</translation>
    </message>
    <message>
        <source>The processing of customer %1's data is restricted (GDPR Art. 18): the person asked that the data be kept instead of erased. Lift the restriction first (the person is sent its notice). Nothing was erased.</source>
        <translation>Behandlingen av kund %1s uppgifter är begränsad (dataskyddsförordningen artikel 18): personen har begärt att uppgifterna bevaras i stället för att raderas. Häv begränsningen först (personen får ett meddelande om det). Inget raderades.</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../kkdesk/ui/labels.py" line="+17"/>
        <source>Customer's notification by phone</source>
        <translation>Kundens anmälan per telefon</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customer's notification by letter</source>
        <translation>Kundens anmälan per brev</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customer's notification by e-mail</source>
        <translation>Kundens anmälan per e-post</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customer's notification in the webshop</source>
        <translation>Kundens anmälan i webbutiken</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customer's notification in person</source>
        <translation>Kundens anmälan personligen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Public source</source>
        <translation>Offentlig källa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partner</source>
        <translation>Samarbetspartner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update service (e.g. address changes)</source>
        <translation>Uppdateringstjänst (t.ex. adressändringar)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Customer service</source>
        <translation>Kundtjänst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order handling</source>
        <translation>Orderhantering</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data subject's request</source>
        <translation>Den registrerades begäran</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <source>Marketing</source>
        <translation>Marknadsföring</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Viewer</source>
        <translation>Läsare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clerk</source>
        <translation>Handläggare</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Privacy officer</source>
        <translation>Dataskyddsansvarig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator</source>
        <translation>Administratör</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Company</source>
        <translation>Företag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>An authority's request based on law</source>
        <translation>Myndighets begäran med stöd av lag</translation>
    </message>
    <message>
        <source>Read directly from the database, outside kkdesk</source>
        <translation>Läst direkt ur databasen utanför kkdesk</translation>
    </message>
</context>
<context>
    <name>letters</name>
    <message>
        <source>Finnish</source>
        <translation>finska</translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation>svenska</translation>
    </message>
    <message>
        <source>English</source>
        <translation>engelska</translation>
    </message>
    <message>
        <source>Customer number</source>
        <translation>Kundnummer</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Begäran</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Inkommen</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Orsak</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Obligatorisk.</translation>
    </message>
    <message>
        <source>The date is in the future.</source>
        <translation>Datumet ligger i framtiden.</translation>
    </message>
    <message>
        <source>Too long.</source>
        <translation>För lång.</translation>
    </message>
    <message>
        <source>Not one of the choices.</source>
        <translation>Inget av alternativen.</translation>
    </message>
    <message>
        <source>Some fields need attention:</source>
        <translation>Kontrollera följande fält:</translation>
    </message>
    <message>
        <source>There is no such customer.</source>
        <translation>Kunden finns inte.</translation>
    </message>
    <message>
        <source>The request was not found.</source>
        <translation>Begäran hittades inte.</translation>
    </message>
    <message>
        <source>The request has already been closed.</source>
        <translation>Begäran har redan stängts.</translation>
    </message>
    <message>
        <source>The deadline has already been extended once; it cannot be again.</source>
        <translation>Tidsfristen har redan förlängts en gång; den kan inte förlängas igen.</translation>
    </message>
    <message>
        <source>The deadline has passed: an extension must be made, and the requester told why, within the first month.</source>
        <translation>Tidsfristen har gått ut: en förlängning ska göras, och den som begärt få veta varför, inom den första månaden.</translation>
    </message>
    <message>
        <source>That request is not an access request; the letter does not answer it.</source>
        <translation>Begäran gäller inte registerutdrag; brevet besvarar den inte.</translation>
    </message>
    <message>
        <source>That request is from another customer.</source>
        <translation>Begäran kommer från en annan kund.</translation>
    </message>
    <message>
        <source>A request is closed as done or refused.</source>
        <translation>En begäran stängs som klar eller avslagen.</translation>
    </message>
    <message>
        <source>The archived letter does not match its recorded hash.</source>
        <translation>Det arkiverade brevet stämmer inte med sin registrerade hash.</translation>
    </message>
    <message>
        <source>The letter fonts are missing from the installation.</source>
        <translation>Brevens typsnitt saknas i installationen.</translation>
    </message>
    <message>
        <source>Access reply (Art. 15)</source>
        <translation>Registerutdrag (art. 15)</translation>
    </message>
    <message>
        <source>Acknowledgement (Art. 12(3))</source>
        <translation>Mottagningsbekräftelse (art. 12.3)</translation>
    </message>
    <message>
        <source>Extension notice (Art. 12(3))</source>
        <translation>Meddelande om förlängd tidsfrist (art. 12.3)</translation>
    </message>
    <message>
        <source>Refusal (Art. 12(4))</source>
        <translation>Avslag (art. 12.4)</translation>
    </message>
    <message>
        <source>We hold no data on you (Art. 15)</source>
        <translation>Vi har inga uppgifter om er (art. 15)</translation>
    </message>
    <message>
        <source>Request for identification (Art. 12(6))</source>
        <translation>Begäran om identifiering (art. 12.6)</translation>
    </message>
    <message>
        <source>Confirmation of prohibitions and objection (Art. 21)</source>
        <translation>Bekräftelse av förbud och invändning (art. 21)</translation>
    </message>
    <message>
        <source>Notice of data from another source (Art. 14)</source>
        <translation>Meddelande om uppgifter från annan källa (art. 14)</translation>
    </message>
    <message>
        <source>Notice to each recipient (Art. 19)</source>
        <translation>Meddelande till varje mottagare (art. 19)</translation>
    </message>
    <message>
        <source>The recipients, told to the person (Art. 19)</source>
        <translation>Mottagarna, meddelade den registrerade (art. 19)</translation>
    </message>
    <message>
        <source>Cover letter of the machine-readable copy (Art. 20)</source>
        <translation>Följebrev till den maskinläsbara kopian (art. 20)</translation>
    </message>
    <message>
        <source>Machine-readable copy (JSON)</source>
        <translation>Maskinläsbar kopia (JSON)</translation>
    </message>
    <message>
        <source>By post</source>
        <translation>Per post</translation>
    </message>
    <message>
        <source>By e-mail</source>
        <translation>Per e-post</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>Överlämnat personligen</translation>
    </message>
    <message>
        <source>Extend the request (with its reason) before making its notice.</source>
        <translation>Förläng tidsfristen för begäran (med skäl) innan meddelandet skapas.</translation>
    </message>
    <message>
        <source>An extension must be notified within the first month of the request.</source>
        <translation>En förlängning ska meddelas inom den första månaden av begäran.</translation>
    </message>
    <message>
        <source>The requester is a customer, so the register does hold data on them: send the access letter instead.</source>
        <translation>Begäraren är kund, så registret innehåller uppgifter om hen: skicka registerutdraget i stället.</translation>
    </message>
    <message>
        <source>This letter does not answer this kind of request.</source>
        <translation>Detta brev besvarar inte denna typ av begäran.</translation>
    </message>
    <message>
        <source>This letter needs a customer on the register.</source>
        <translation>Detta brev kräver en kund i registret.</translation>
    </message>
    <message>
        <source>No disclosure of the customer's data is recorded: no recipient to tell.</source>
        <translation>Inga utlämnanden av kundens uppgifter har antecknats: det finns ingen mottagare att meddela.</translation>
    </message>
    <message>
        <source>None of the customer's data came from another source.</source>
        <translation>Inga av kundens uppgifter kommer från en annan källa.</translation>
    </message>
    <message>
        <source>The letter's sending has already been recorded.</source>
        <translation>Brevets utskick har redan antecknats.</translation>
    </message>
    <message>
        <source>The letter was not found.</source>
        <translation>Brevet hittades inte.</translation>
    </message>
    <message>
        <source>Write the reasons the letter gives.</source>
        <translation>Skriv skälen som brevet anger.</translation>
    </message>
    <message>
        <source>The date cannot be in the future nor before the letter was made.</source>
        <translation>Datumet kan inte ligga i framtiden eller före brevets tillkomst.</translation>
    </message>
    <message>
        <source>No identity check is recorded for this request, so no copy of the data is made. Record how the requester's identity was verified (Identity… in the requests list), or send a request for identification first.</source>
        <translation>Ingen identitetskontroll har registrerats för denna begäran, så ingen kopia av uppgifterna görs. Registrera hur den sökandes identitet kontrollerades (Identitet… i listan över begäranden), eller skicka först en begäran om identifiering.</translation>
    </message>
    <message>
        <source>The contact person who made this request has been removed: a copy of the company's data cannot go to them.</source>
        <translation>Kontaktpersonen som gjorde denna begäran har tagits bort: en kopia av företagets uppgifter kan inte skickas till hen.</translation>
    </message>
    <message>
        <source>Erasure outcome (Art. 17)</source>
        <translation>Meddelande om radering (art. 17)</translation>
    </message>
</context>
<context>
    <name>requests</name>
    <message>
        <source>Access (Art. 15)</source>
        <translation>Tillgång (art. 15)</translation>
    </message>
    <message>
        <source>Rectification (Art. 16)</source>
        <translation>Rättelse (art. 16)</translation>
    </message>
    <message>
        <source>Erasure (Art. 17)</source>
        <translation>Radering (art. 17)</translation>
    </message>
    <message>
        <source>Restriction (Art. 18)</source>
        <translation>Begränsning (art. 18)</translation>
    </message>
    <message>
        <source>Portability (Art. 20)</source>
        <translation>Dataportabilitet (art. 20)</translation>
    </message>
    <message>
        <source>Objection (Art. 21)</source>
        <translation>Invändning (art. 21)</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Brev</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Webshop</source>
        <translation>Webbutik</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Besök</translation>
    </message>
</context>
<context>
    <name>timeline</name>
    <message>
        <location filename="../../kkdesk/ui/timeline_panel.py" line="-495"/>
        <source>Ordered</source>
        <translation>Beställd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipped</source>
        <translation>Skickad</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+11"/>
        <source>Delivered</source>
        <translation>Levererad</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Return requested</source>
        <translation>Retur begärd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return received</source>
        <translation>Retur mottagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refunded</source>
        <translation>Återbetald</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open</source>
        <translation>Öppen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On its way</source>
        <translation>På väg</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled</source>
        <translation>Annullerad</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Awaiting shipping</source>
        <translation>Väntar på att skickas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Awaiting delivery</source>
        <translation>Väntar på leverans</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Awaiting the goods</source>
        <translation>Väntar på varorna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Awaiting refund</source>
        <translation>Väntar på återbetalning</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>Rättelse</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>Rättad</translation>
    </message>
    <message>
        <source>did not happen</source>
        <translation>skedde inte</translation>
    </message>
</context>
<context>
    <name>LettersModel</name>
    <message>
        <source>Letter</source>
        <translation>Brev</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Mottagare</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Skapat</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Skickat</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>inte antecknat</translation>
    </message>
    <message>
        <source>the person</source>
        <translation>den registrerade</translation>
    </message>
</context>
<context>
    <name>RegisterSettingsDialog</name>
    <message>
        <source>Register settings</source>
        <translation>Registrets uppgifter</translation>
    </message>
    <message>
        <source>&amp;Default value</source>
        <translation>S&amp;tandardvärde</translation>
    </message>
    <message>
        <source>Only an administrator may change the register settings.</source>
        <translation>Endast en administratör får ändra registrets uppgifter.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Läser in…</translation>
    </message>
    <message>
        <source>Last changed %1 by %2</source>
        <translation>Senast ändrad %1 av %2</translation>
    </message>
    <message>
        <source>The default value (never changed).</source>
        <translation>Standardvärdet (aldrig ändrat).</translation>
    </message>
    <message>
        <source>Letters and the privacy notice print these contact details, which are empty: %1</source>
        <translation>Breven och dataskyddsbeskrivningen skriver ut dessa kontaktuppgifter, som är tomma: %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Sparar…</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n setting(s).</source>
        <translation>
            <numerusform>Sparade %n uppgift.</numerusform>
            <numerusform>Sparade %n uppgifter.</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot be empty.</source>
        <translation>kan inte vara tom.</translation>
    </message>
    <message>
        <source>not a valid value.</source>
        <translation>ogiltigt värde.</translation>
    </message>
    <message>
        <source>Nothing was saved:</source>
        <translation>Ingenting sparades:</translation>
    </message>
    <message>
        <source>The register settings</source>
        <translation>Registrets uppgifter</translation>
    </message>
</context>
<context>
    <name>SendingDialog</name>
    <message>
        <source>Record the sending</source>
        <translation>Anteckna utskicket</translation>
    </message>
    <message>
        <source>&amp;How:</source>
        <translation>&amp;Hur:</translation>
    </message>
    <message>
        <source>&amp;Sent on:</source>
        <translation>&amp;Skickat den:</translation>
    </message>
</context>
<context>
    <name>StepLetterDialog</name>
    <message>
        <source>Letters of request %1 — %2</source>
        <translation>Brev för begäran %1 — %2</translation>
    </message>
    <message>
        <source>&amp;Letter:</source>
        <translation>&amp;Brev:</translation>
    </message>
    <message>
        <source>Customer's language</source>
        <translation>Kundens korrespondensspråk</translation>
    </message>
    <message>
        <source>L&amp;anguage:</source>
        <translation>S&amp;pråk:</translation>
    </message>
    <message>
        <source>Reasons or what to send</source>
        <translation>Skäl eller vad som ska skickas</translation>
    </message>
    <message>
        <source>&amp;Reasons:</source>
        <translation>S&amp;käl:</translation>
    </message>
    <message>
        <source>Letter status</source>
        <translation>Brevets status</translation>
    </message>
    <message>
        <source>Page 1 of the letter</source>
        <translation>Brevets sida 1</translation>
    </message>
    <message>
        <source>Letter preview</source>
        <translation>Förhandsgranskning av brevet</translation>
    </message>
    <message>
        <source>Letters sent</source>
        <translation>Skickade brev</translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation>För&amp;handsgranska</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Skriv &amp;ut…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>Spa&amp;ra som PDF…</translation>
    </message>
    <message>
        <source>Record se&amp;nding…</source>
        <translation>Anteckna utski&amp;ck…</translation>
    </message>
    <message>
        <source>Letters of this request:</source>
        <translation>Brev för denna begäran:</translation>
    </message>
    <message>
        <source>&amp;What to send:</source>
        <translation>&amp;Vad som ska skickas:</translation>
    </message>
    <message>
        <source>One item a line; empty: the usual ones</source>
        <translation>En punkt per rad; tomt: de vanliga</translation>
    </message>
    <message>
        <source>Your user level does not allow subject-access letters.</source>
        <translation>Din användarnivå tillåter inte registerutdrag.</translation>
    </message>
    <message>
        <source>Write the reasons the letter gives.</source>
        <translation>Skriv skälen som brevet anger.</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>Förbereder förhandsgranskningen…</translation>
    </message>
    <message numerus="yes">
        <source>Preview: %n page(s)</source>
        <translation>
            <numerusform>Förhandsgranskning: %n sida</numerusform>
            <numerusform>Förhandsgranskning: %n sidor</numerusform>
        </translation>
    </message>
    <message>
        <source>The register settings leave these contact details empty, so the letter prints without them: %1</source>
        <translation>Registrets uppgifter saknar dessa kontaktuppgifter, så brevet skrivs ut utan dem: %1</translation>
    </message>
    <message>
        <source>Making the letter…</source>
        <translation>Skapar brevet…</translation>
    </message>
    <message>
        <source>Folder for the letters</source>
        <translation>Mapp för breven</translation>
    </message>
    <message>
        <source>Save the letter</source>
        <translation>Spara brevet</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>Filen kunde inte skrivas: %1</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n letter(s); archived on the request.</source>
        <translation>
            <numerusform>Sparade %n brev; arkiverat med begäran.</numerusform>
            <numerusform>Sparade %n brev; arkiverade med begäran.</numerusform>
        </translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>Skrivaren kunde inte startas.</translation>
    </message>
    <message numerus="yes">
        <source>Printed %n letter(s); archived on the request.</source>
        <translation>
            <numerusform>Skrev ut %n brev; arkiverat med begäran.</numerusform>
            <numerusform>Skrev ut %n brev; arkiverade med begäran.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a letter in the list first.</source>
        <translation>Välj först ett brev i listan.</translation>
    </message>
    <message>
        <source>The letter's sending has already been recorded.</source>
        <translation>Brevets utskick har redan antecknats.</translation>
    </message>
    <message>
        <source>The sending is recorded.</source>
        <translation>Utskicket har antecknats.</translation>
    </message>
    <message>
        <source>Recipients' a&amp;ddresses:</source>
        <translation>Mottagarnas a&amp;dresser:</translation>
    </message>
    <message>
        <source>One recipient a line: its name as recorded; street; postal code and town</source>
        <translation>En mottagare per rad: namnet som antecknat; gatuadress; postnummer och ort</translation>
    </message>
</context>
<context>
    <name>_JsonEditor</name>
    <message>
        <source>The value as JSON:</source>
        <translation>Värdet som JSON:</translation>
    </message>
</context>
<context>
    <name>_LinesEditor</name>
    <message>
        <source>One address line per row:</source>
        <translation>En adressrad per rad:</translation>
    </message>
</context>
<context>
    <name>_TableEditor</name>
    <message>
        <source>Purpose</source>
        <translation>Ändamål</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Rättslig grund</translation>
    </message>
    <message>
        <source>Remo&amp;ve row</source>
        <translation>Ta &amp;bort rad</translation>
    </message>
    <message>
        <source>&amp;Add row</source>
        <translation>&amp;Lägg till rad</translation>
    </message>
</context>
<context>
    <name>register</name>
    <message>
        <source>Controller</source>
        <translation>Personuppgiftsansvarig</translation>
    </message>
    <message>
        <source>Controller's address</source>
        <translation>Den personuppgiftsansvariges adress</translation>
    </message>
    <message>
        <source>Business ID</source>
        <translation>FO-nummer</translation>
    </message>
    <message>
        <source>Controller's e-mail</source>
        <translation>Den personuppgiftsansvariges e-post</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Kontaktperson</translation>
    </message>
    <message>
        <source>Contact person's telephone</source>
        <translation>Kontaktpersonens telefon</translation>
    </message>
    <message>
        <source>Contact person's e-mail</source>
        <translation>Kontaktpersonens e-post</translation>
    </message>
    <message>
        <source>Register name</source>
        <translation>Registrets namn</translation>
    </message>
    <message>
        <source>Purposes and legal bases</source>
        <translation>Ändamål och rättsliga grunder</translation>
    </message>
    <message>
        <source>Categories of data</source>
        <translation>Kategorier av uppgifter</translation>
    </message>
    <message>
        <source>Sources of data</source>
        <translation>Uppgiftskällor</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Mottagare</translation>
    </message>
    <message>
        <source>Transfers outside the EU/EEA</source>
        <translation>Överföringar utanför EU/EES</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Lagringstid</translation>
    </message>
    <message>
        <source>Protection</source>
        <translation>Skydd</translation>
    </message>
    <message>
        <source>Rights of the data subject</source>
        <translation>Den registrerades rättigheter</translation>
    </message>
    <message>
        <source>Automated decisions</source>
        <translation>Automatiserade beslut</translation>
    </message>
    <message>
        <source>Supervisory authority</source>
        <translation>Tillsynsmyndighet</translation>
    </message>
    <message>
        <source>Supervisory authority's address</source>
        <translation>Tillsynsmyndighetens adress</translation>
    </message>
    <message>
        <source>Supervisory authority's website</source>
        <translation>Tillsynsmyndighetens webbplats</translation>
    </message>
    <message>
        <source>Letters name the staff</source>
        <translation>Breven namnger personalen</translation>
    </message>
    <message>
        <source>Financial year ends (MM-DD)</source>
        <translation>Räkenskapsperioden går ut (MM-DD)</translation>
    </message>
    <message>
        <source>Retention: years after the last order or contact</source>
        <translation>Lagring: år efter den senaste beställningen eller kontakten</translation>
    </message>
    <message>
        <source>Retention: years for orders and vouchers (at least 6)</source>
        <translation>Lagring: år för beställningar och verifikationer (minst 6)</translation>
    </message>
    <message>
        <source>Retention: years for archived letters</source>
        <translation>Lagring: år för arkiverade brev</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About kkdesk</source>
        <translation>Om kkdesk</translation>
    </message>
    <message>
        <source>kkdesk %1 — Konekesko Webshop customer register.</source>
        <translation>kkdesk %1 — Konekesko Webshops kundregister.</translation>
    </message>
    <message>
        <source>Database: %1, %2</source>
        <translation>Databas: %1, %2</translation>
    </message>
    <message>
        <source>Schema version: %1</source>
        <translation>Schemaversion: %1</translation>
    </message>
    <message>
        <source>Schema version: %1 (this program expects %2)</source>
        <translation>Schemaversion: %1 (programmet väntar sig %2)</translation>
    </message>
    <message>
        <source>Schema version: not created (this program expects %1)</source>
        <translation>Schemaversion: inte skapad (programmet väntar sig %1)</translation>
    </message>
    <message>
        <source>Log files: %1</source>
        <translation>Loggfiler: %1</translation>
    </message>
</context>
<context>
    <name>BugDialog</name>
    <message>
        <source>kkdesk — a bug</source>
        <translation>kkdesk — ett programfel</translation>
    </message>
    <message>
        <source>The details were written to the log file. Please copy them and send them to your support contact with a few words on what you were doing. You can go on working.</source>
        <translation>Detaljerna skrevs till loggfilen. Kopiera dem och skicka dem till din supportkontakt med några ord om vad du höll på med. Du kan fortsätta arbeta.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>&amp;Kopiera detaljer</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopierat</translation>
    </message>
</context>
<context>
    <name>SnapshotDialog</name>
    <message>
        <source>Save offline snapshot</source>
        <translation>Spara offline-ögonblicksbild</translation>
    </message>
    <message>
        <source>kkdesk snapshots (*.kksnap)</source>
        <translation>kkdesk-ögonblicksbilder (*.kksnap)</translation>
    </message>
    <message>
        <source>Open offline snapshot</source>
        <translation>Öppna offline-ögonblicksbild</translation>
    </message>
    <message>
        <source>Take customers offline</source>
        <translation>Ta kunder offline</translation>
    </message>
    <message>
        <source>An encrypted, read-only snapshot of %1 customer(s) for review where the register cannot be reached. Only you can open it, on this computer: its key stays in your keyring. Making it is recorded in the audit trail, and every customer you open in it is recorded when you next sign in.</source>
        <translation>En krypterad, skrivskyddad ögonblicksbild av %1 kund(er) för granskning där registret inte kan nås. Bara du kan öppna den, på den här datorn: dess nyckel finns bara i din nyckelring. Att den görs förs in i granskningsloggen, och varje kund du öppnar i den förs in när du nästa gång loggar in.</translation>
    </message>
    <message>
        <source> days</source>
        <translation> dagar</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Bläddra…</translation>
    </message>
    <message>
        <source>&amp;Expires after:</source>
        <translation>&amp;Upphör efter:</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fil:</translation>
    </message>
    <message>
        <source>&amp;Make snapshot</source>
        <translation>&amp;Gör ögonblicksbild</translation>
    </message>
    <message>
        <source>Choose the file to write.</source>
        <translation>Välj filen som ska skrivas.</translation>
    </message>
    <message>
        <source>Making the snapshot…</source>
        <translation>Gör ögonblicksbilden…</translation>
    </message>
    <message>
        <source>Snapshot of %1 customer(s) written to %2; it expires %3.</source>
        <translation>Ögonblicksbild av %1 kund(er) sparad i %2; den upphör %3.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <source>Identity of the requester</source>
        <translation>Den sökandes identitet</translation>
    </message>
    <message>
        <source>e.g. passport checked at the counter</source>
        <translation>t.ex. passet kontrollerat vid disken</translation>
    </message>
    <message>
        <source>you (%1)</source>
        <translation>du (%1)</translation>
    </message>
    <message>
        <source>only if the copy goes without a check</source>
        <translation>endast om kopian skickas utan kontroll</translation>
    </message>
    <message>
        <source>Request %1: a copy of the data is made only after the requester's identity has been checked. If it cannot be checked yet, send a request for identification instead.</source>
        <translation>Begäran %1: en kopia av uppgifterna görs först när den sökandes identitet har kontrollerats. Om den inte kan kontrolleras ännu, skicka i stället en begäran om identifiering.</translation>
    </message>
    <message>
        <source>&amp;Identity checked how:</source>
        <translation>Hur identiteten &amp;kontrollerades:</translation>
    </message>
    <message>
        <source>Checked &amp;by:</source>
        <translation>Kontrollerad a&amp;v:</translation>
    </message>
    <message>
        <source>Or &amp;why without a check:</source>
        <translation>Eller &amp;varför utan kontroll:</translation>
    </message>
</context>
<context>
    <name>OverviewHeader</name>
    <message>
        <source>Customer summary</source>
        <translation>Kundsammanfattning</translation>
    </message>
    <message>
        <source>Loading the summary…</source>
        <translation>Sammanfattningen läses in…</translation>
    </message>
    <message>
        <source>Processing restricted since %1 (Art. 18)</source>
        <translation>Behandlingen begränsad sedan %1 (art. 18)</translation>
    </message>
    <message>
        <source>Marketing: not allowed — %1</source>
        <translation>Marknadsföring: inte tillåten — %1</translation>
    </message>
    <message>
        <source>%1 ✓</source>
        <translation>%1 ✓</translation>
    </message>
    <message>
        <source>%1 (some purposes)</source>
        <translation>%1 (vissa ändamål)</translation>
    </message>
    <message>
        <source>%1 ✗ (no consent)</source>
        <translation>%1 ✗ (inget samtycke)</translation>
    </message>
    <message>
        <source>%1 ✗</source>
        <translation>%1 ✗</translation>
    </message>
    <message>
        <source>Marketing: %1</source>
        <translation>Marknadsföring: %1</translation>
    </message>
    <message>
        <source>No open orders or returns</source>
        <translation>Inga öppna beställningar eller returer</translation>
    </message>
    <message>
        <source>Open orders: %1, returns: %2</source>
        <translation>Öppna beställningar: %1, returer: %2</translation>
    </message>
    <message>
        <source>No open requests</source>
        <translation>Inga öppna begäranden</translation>
    </message>
    <message>
        <source>Open request: %1, deadline %2</source>
        <translation>Öppen begäran: %1, tidsfrist %2</translation>
    </message>
    <message>
        <source>%3 open requests; next: %1, deadline %2</source>
        <translation>%3 öppna begäranden; närmast: %1, tidsfrist %2</translation>
    </message>
    <message>
        <source>(overdue)</source>
        <translation>(försenad)</translation>
    </message>
    <message>
        <source>Legal hold: no erasure (Art. 17(3))</source>
        <translation>Bevarandekrav: ingen radering (art. 17.3)</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Correct a step — order %1</source>
        <translation>Rätta ett steg — beställning %1</translation>
    </message>
    <message>
        <source>The step stays in the timeline, marked corrected; the correction and its reason are kept with your name and written to the customer's log.</source>
        <translation>Steget blir kvar i tidslinjen, markerat som rättat; rättelsen och dess orsak sparas med ditt namn och skrivs i kundens logg.</translation>
    </message>
    <message>
        <source>&amp;Step:</source>
        <translation>&amp;Steg:</translation>
    </message>
    <message>
        <source>It &amp;happened on</source>
        <translation>S&amp;kedde den</translation>
    </message>
    <message>
        <source>It did &amp;not happen</source>
        <translation>Skedde &amp;inte</translation>
    </message>
    <message>
        <source>The right date</source>
        <translation>Rätt datum</translation>
    </message>
    <message>
        <source>What is right:</source>
        <translation>Rätt är:</translation>
    </message>
    <message>
        <source>The right amount refunded, including VAT</source>
        <translation>Rätt återbetalt belopp inklusive moms</translation>
    </message>
    <message>
        <source>&amp;Amount incl. VAT:</source>
        <translation>&amp;Belopp inkl. moms:</translation>
    </message>
    <message>
        <source>e.g. the carrier's receipt gives another day</source>
        <translation>t.ex. transportörens kvitto anger en annan dag</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Orsak:</translation>
    </message>
    <message>
        <source>Record correction</source>
        <translation>Registrera rättelse</translation>
    </message>
    <message>
        <source>Delivered %1</source>
        <translation>Levererad %1</translation>
    </message>
    <message>
        <source>Return %1 received %2</source>
        <translation>Retur %1 mottagen %2</translation>
    </message>
    <message>
        <source>Return %1 refunded %2, %3</source>
        <translation>Retur %1 återbetald %2, %3</translation>
    </message>
    <message>
        <source>“%1” will be recorded as not having happened.</source>
        <translation>”%1” registreras som att det inte skedde.</translation>
    </message>
    <message>
        <source>“%1” will be corrected to %2, %3.</source>
        <translation>”%1” rättas till %2, %3.</translation>
    </message>
    <message>
        <source>“%1” will be corrected to %2.</source>
        <translation>”%1” rättas till %2.</translation>
    </message>
    <message>
        <source>Give the right date (or amount), and say why.</source>
        <translation>Ange rätt datum (eller belopp) och varför.</translation>
    </message>
</context>
<context>
    <name>DeliveryDialog</name>
    <message>
        <source>Mark delivered — order %1</source>
        <translation>Markera levererad — beställning %1</translation>
    </message>
    <message>
        <source>Order %1 of %2</source>
        <translation>Beställning %1 från %2</translation>
    </message>
    <message>
        <source>Shipped %1</source>
        <translation>Skickad %1</translation>
    </message>
    <message>
        <source>Deli&amp;very:</source>
        <translation>&amp;Leverans:</translation>
    </message>
    <message>
        <source>Delivered on</source>
        <translation>Levererad den</translation>
    </message>
    <message>
        <source>Delivered &amp;on:</source>
        <translation>Levererad &amp;den:</translation>
    </message>
    <message>
        <source>Mark delivered</source>
        <translation>Markera levererad</translation>
    </message>
    <message>
        <source>Order %1 will be marked delivered today, %2.</source>
        <translation>Beställning %1 markeras som levererad i dag, %2.</translation>
    </message>
    <message>
        <source>Order %1 will be marked delivered on %2.</source>
        <translation>Beställning %1 markeras som levererad %2.</translation>
    </message>
    <message>
        <source>It is recorded in the order's history and the customer's log.</source>
        <translation>Det syns i beställningens historik och i kundens logg.</translation>
    </message>
</context>
<context>
    <name>ReturnStepDialog</name>
    <message>
        <source>Refund — order %1</source>
        <translation>Återbetalning — beställning %1</translation>
    </message>
    <message>
        <source>Return received — order %1</source>
        <translation>Retur mottagen — beställning %1</translation>
    </message>
    <message>
        <source>Order %1 of %2</source>
        <translation>Beställning %1 från %2</translation>
    </message>
    <message>
        <source>%1, requested %2: %3</source>
        <translation>%1, begärd %2: %3</translation>
    </message>
    <message>
        <source>Re&amp;turn:</source>
        <translation>&amp;Retur:</translation>
    </message>
    <message>
        <source>Refunded &amp;on:</source>
        <translation>Återbetald &amp;den:</translation>
    </message>
    <message>
        <source>Received &amp;on:</source>
        <translation>Mottagen &amp;den:</translation>
    </message>
    <message>
        <source>&amp;Amount incl. VAT:</source>
        <translation>&amp;Belopp inkl. moms:</translation>
    </message>
    <message>
        <source>Amount refunded, including VAT</source>
        <translation>Återbetalt belopp inklusive moms</translation>
    </message>
    <message>
        <source>Record refund</source>
        <translation>Registrera återbetalning</translation>
    </message>
    <message>
        <source>Mark received</source>
        <translation>Markera mottagen</translation>
    </message>
    <message>
        <source>At most %1: what the customer paid for the returned items.</source>
        <translation>Högst %1: vad kunden betalade för de returnerade varorna.</translation>
    </message>
    <message>
        <source>Return %1 will be marked received on %2.</source>
        <translation>Retur %1 markeras som mottagen %2.</translation>
    </message>
    <message>
        <source>A refund of %3 for return %1 will be recorded on %2.</source>
        <translation>En återbetalning på %3 för retur %1 registreras %2.</translation>
    </message>
    <message>
        <source>It is recorded in the order's history and the customer's log.</source>
        <translation>Det syns i beställningens historik och i kundens logg.</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>Saving…</source>
        <translation>Sparar…</translation>
    </message>
</context>
<context>
    <name>AddressUpdateDialog</name>
    <message>
        <source>Matched and changed</source>
        <translation>Hittad och ändras</translation>
    </message>
    <message>
        <source>Already current</source>
        <translation>Redan aktuell</translation>
    </message>
    <message>
        <source>Ambiguous</source>
        <translation>Tvetydig</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Hittades inte</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>Ogiltig</translation>
    </message>
    <message>
        <source>Prohibits updating</source>
        <translation>Uppdateringsförbud</translation>
    </message>
    <message>
        <source>The person prohibits updating of their data.</source>
        <translation>Personen har förbjudit uppdatering av sina uppgifter.</translation>
    </message>
    <message>
        <source>No customer fits this line.</source>
        <translation>Ingen kund motsvarar den här raden.</translation>
    </message>
    <message>
        <source>The file changes this customer on another line too.</source>
        <translation>Filen ändrar den här kunden också på en annan rad.</translation>
    </message>
    <message>
        <source>Several customers fit this line.</source>
        <translation>Flera kunder motsvarar den här raden.</translation>
    </message>
    <message>
        <source>%1 (new value): %2</source>
        <translation>%1 (nytt värde): %2</translation>
    </message>
    <message>
        <source>The customer number is not valid.</source>
        <translation>Kundnumret är inte giltigt.</translation>
    </message>
    <message>
        <source>Needs a customer number, or a name and the old address.</source>
        <translation>Kräver ett kundnummer, eller namn och den gamla adressen.</translation>
    </message>
    <message>
        <source>The valid-from date is not a date.</source>
        <translation>Giltighetsdatumet är inte ett datum.</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text; save it as UTF-8.</source>
        <translation>Filen är inte UTF-8-text; spara den som UTF-8.</translation>
    </message>
    <message>
        <source>Columns missing</source>
        <translation>Kolumner saknas</translation>
    </message>
    <message>
        <source>Unknown columns</source>
        <translation>Okända kolumner</translation>
    </message>
    <message>
        <source>Columns given twice</source>
        <translation>Kolumner angivna två gånger</translation>
    </message>
    <message>
        <source>The line has a different number of cells than the header.</source>
        <translation>Raden har ett annat antal fält än rubrikraden.</translation>
    </message>
    <message>
        <source>The line cannot be read (broken quotation marks?).</source>
        <translation>Raden kan inte läsas (trasiga citattecken?).</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Filen är tom.</translation>
    </message>
    <message>
        <source>The file is too large to be an address-update file.</source>
        <translation>Filen är för stor för att vara en fil med adressuppdateringar.</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>rad %1: %2</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Rad</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kund</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Gäller från</translation>
    </message>
    <message>
        <source>Change or reason</source>
        <translation>Ändring eller orsak</translation>
    </message>
    <message>
        <source>Open address-update file</source>
        <translation>Öppna fil med adressuppdateringar</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-filer (*.csv);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Apply address updates</source>
        <translation>Verkställ adressuppdateringar</translation>
    </message>
    <message>
        <source>Change the address of %1 customers? Each change is recorded with “%2” as its source.</source>
        <translation>Ändra adressen för %1 kunder? Varje ändring registreras med ”%2” som källa.</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Verkställ</translation>
    </message>
    <message>
        <source>Import address updates</source>
        <translation>Importera adressuppdateringar</translation>
    </message>
    <message>
        <source>Address changes from an update service (register description, section 6). Preview first: only the lines matched to one customer whose address differs are applied, in one go, each recorded with the update service as its source. People who prohibit updating of their data are skipped.</source>
        <translation>Adressändringar från en uppdateringstjänst (registerbeskrivningen, punkt 6). Förhandsgranska först: endast rader som motsvarar en kund vars adress skiljer sig verkställs, alla på en gång, var och en med uppdateringstjänsten som källa. Personer som förbjudit uppdatering av sina uppgifter hoppas över.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Välj…</translation>
    </message>
    <message>
        <source>Update service</source>
        <translation>Uppdateringstjänst</translation>
    </message>
    <message>
        <source>e.g. Posti address update service</source>
        <translation>t.ex. Postis adressuppdateringstjänst</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fil:</translation>
    </message>
    <message>
        <source>&amp;Update service:</source>
        <translation>&amp;Uppdateringstjänst:</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Visa</translation>
    </message>
    <message>
        <source>All lines</source>
        <translation>Alla rader</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>Vi&amp;sa:</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Förhandsgranska</translation>
    </message>
    <message>
        <source>&amp;Apply…</source>
        <translation>Ver&amp;kställ…</translation>
    </message>
    <message>
        <source>Your user level does not allow changing customers' data.</source>
        <translation>Din användarnivå tillåter inte att kunduppgifter ändras.</translation>
    </message>
    <message>
        <source>Choose the file to import.</source>
        <translation>Välj filen som ska importeras.</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Läser filen…</translation>
    </message>
    <message>
        <source>Finding the customers…</source>
        <translation>Söker kunderna…</translation>
    </message>
    <message>
        <source>Changing the addresses…</source>
        <translation>Ändrar adresserna…</translation>
    </message>
    <message>
        <source>%1 lines read; %2 addresses would change. Nothing has been changed yet.</source>
        <translation>%1 rader lästa; %2 adresser skulle ändras. Inget har ändrats ännu.</translation>
    </message>
    <message>
        <source>Changed the address of %1 customers; each change is in their history.</source>
        <translation>Adressen ändrad för %1 kunder; varje ändring finns i deras historik.</translation>
    </message>
    <message>
        <source>The file was refused and nothing was changed:</source>
        <translation>Filen avvisades och inget ändrades:</translation>
    </message>
    <message>
        <source>The processing of the person&apos;s data is restricted (Art. 18).</source>
        <translation>Behandlingen av personens uppgifter är begränsad (art. 18).</translation>
    </message>
</context>
<context>
    <name>OpeningWindow</name>
    <message>
        <source>Opening the register…</source>
        <translation>Registret öppnas…</translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message>
        <source>Run retention</source>
        <translation>Radering efter lagringstiden</translation>
    </message>
    <message>
        <source>This cannot be undone. A report of everything done is written to a file.</source>
        <translation>Detta kan inte ångras. En rapport över allt som gjorts skrivs till en fil.</translation>
    </message>
    <message>
        <source>Erase and remove</source>
        <translation>Radera</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Lagringstider</translation>
    </message>
    <message>
        <source>The privacy notice promises how long data is kept; the periods are register settings. These are past their period today. A dry run lists them in a report and changes nothing; a run erases the customers and removes the orders and letters.</source>
        <translation>Dataskyddsbeskrivningen lovar hur länge uppgifter bevaras; lagringstiderna är registrets inställningar. Dessa har i dag passerat sin lagringstid. En provkörning listar dem i en rapport och ändrar ingenting; en körning raderar kundernas uppgifter samt beställningarna och breven.</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Vad</translation>
    </message>
    <message>
        <source>Past its period when</source>
        <translation>Lagringstiden har passerat när</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Antal</translation>
    </message>
    <message>
        <source>Your user level removes orders and letters; customers past their period are listed in the report and erased by the privacy level.</source>
        <translation>Din användarnivå raderar beställningar och brev; kunder som passerat lagringstiden listas i rapporten och raderas av dataskyddsnivån.</translation>
    </message>
    <message>
        <source>&amp;Dry run</source>
        <translation>&amp;Provkörning</translation>
    </message>
    <message>
        <source>&amp;Run…</source>
        <translation>&amp;Kör…</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stoppa</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Counting what is past its period…</source>
        <translation>Räknar det som passerat lagringstiden…</translation>
    </message>
    <message>
        <source>Customers past the relationship period</source>
        <translation>Kunder som passerat kundrelationens lagringstid</translation>
    </message>
    <message>
        <source>Orders past the accounting period</source>
        <translation>Beställningar som passerat bokföringens lagringstid</translation>
    </message>
    <message>
        <source>Archived letters past their period</source>
        <translation>Arkiverade brev som passerat lagringstiden</translation>
    </message>
    <message>
        <source>No order or contact since %1 (%2 years), nothing open, no hold</source>
        <translation>Ingen beställning eller kontakt efter den %1 (%2 år), inget pågående, inget bevarandekrav</translation>
    </message>
    <message>
        <source>Ordered on or before %1 (%2 years from the end of the year in which the financial year ended)</source>
        <translation>Beställd senast den %1 (%2 år från utgången av det år då räkenskapsperioden gick ut)</translation>
    </message>
    <message>
        <source>Made on or before %1 (%2 years)</source>
        <translation>Upprättad senast den %1 (%2 år)</translation>
    </message>
    <message>
        <source>Listing…</source>
        <translation>Listar…</translation>
    </message>
    <message>
        <source>Erasing and removing…</source>
        <translation>Raderar…</translation>
    </message>
    <message>
        <source>Stopping after the current batch…</source>
        <translation>Stoppar efter den pågående omgången…</translation>
    </message>
    <message>
        <source>Stopped before the end.</source>
        <translation>Stoppades före slutet.</translation>
    </message>
    <message>
        <source>Report: %1</source>
        <translation>Rapport: %1</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Stoppad</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Klar</translation>
    </message>
    <message>
        <source>%1 customers past the period were skipped (a legal hold, a restriction of processing, an open order or return): the report names them and why.</source>
        <translation>%1 kunder vars lagringstid gått ut hoppades över (rättsligt kvarhållande, begränsning av behandling, öppen beställning eller retur): rapporten namnger dem och orsaken.</translation>
    </message>
    <message>
        <source>; %1 more are held (a legal hold, a restriction of processing, an open order or return) and will be skipped</source>
        <translation>; ytterligare %1 hålls kvar (rättsligt kvarhållande, begränsning av behandling, öppen beställning eller retur) och hoppas över</translation>
    </message>
    <message>
        <source>Erase %1 and remove %2 and %3?</source>
        <translation>Radera %1 samt %2 och %3?</translation>
    </message>
    <message>
        <source>Remove %2 and %3?</source>
        <translation>Radera %2 och %3?</translation>
    </message>
    <message>
        <source>Dry run: %1, %2 and %3 are past their period; nothing was changed.</source>
        <translation>Provkörning: %1, %2 och %3 har passerat lagringstiden; ingenting ändrades.</translation>
    </message>
    <message>
        <source>%1 erased; %2 and %3 removed.</source>
        <translation>%1 raderades; %2 och %3 togs bort.</translation>
    </message>
    <message>
        <source>1 customer</source>
        <translation>1 kund</translation>
    </message>
    <message>
        <source>%1 customers</source>
        <translation>%1 kunder</translation>
    </message>
    <message>
        <source>1 order</source>
        <translation>1 beställning</translation>
    </message>
    <message>
        <source>%1 orders</source>
        <translation>%1 beställningar</translation>
    </message>
    <message>
        <source>1 archived letter</source>
        <translation>1 arkiverat brev</translation>
    </message>
    <message>
        <source>%1 archived letters</source>
        <translation>%1 arkiverade brev</translation>
    </message>
    <message>
        <source>; 1 more is held (a legal hold, a restriction of processing, an open order or return) and will be skipped</source>
        <translation>; ytterligare 1 hålls kvar (rättsligt kvarhållande, begränsning av behandling, öppen beställning eller retur) och hoppas över</translation>
    </message>
    <message>
        <source>1 customer past the period was skipped (a legal hold, a restriction of processing, an open order or return): the report names them and why.</source>
        <translation>1 kund vars lagringstid gått ut hoppades över (rättsligt kvarhållande, begränsning av behandling, öppen beställning eller retur): rapporten namnger kunden och orsaken.</translation>
    </message>
</context>
<context>
    <name>erasure</name>
    <message>
        <source>Erase personal data</source>
        <translation>Radera personuppgifter</translation>
    </message>
    <message>
        <source>Erasing %1 blanks every personal value in the register for good: basic data, change history, notes, the notes of prohibitions and consents, the texts of requests and disclosures, delivery addresses and search keys.

Kept: orders inside their accounting period (without the person, with a pseudonymous reference), the suppression list (so that the person is never marketed to again) and archived letters for their own period. An outcome letter is made and archived (on the open erasure request, which is then closed).</source>
        <translation>När %1 raderas töms alla personuppgifter i registret för gott: basuppgifter, ändringshistorik, anteckningar, tilläggsuppgifterna till förbud och samtycken, texterna i begäranden och utlämnanden, leveransadresser och sökuppgifter.

Sparas: beställningar inom bokföringstiden (utan personen, med en beteckning), spärrlistan för marknadsföring (så att personen aldrig mer får marknadsföring) och arkiverade brev under sin egen tid. Ett brev om raderingen görs och arkiveras (på den öppna begäran om radering, som sedan stängs).</translation>
    </message>
    <message>
        <source>e.g. the customer's request by letter of 2 March</source>
        <translation>t.ex. kundens begäran i brev av den 2 mars</translation>
    </message>
    <message>
        <source>&amp;Continue…</source>
        <translation>&amp;Fortsätt…</translation>
    </message>
    <message>
        <source>Erase all personal data of %1 for good?</source>
        <translation>Radera alla personuppgifter om %1 för gott?</translation>
    </message>
    <message>
        <source>This cannot be undone.</source>
        <translation>Raderingen kan inte ångras.</translation>
    </message>
    <message>
        <source>&amp;Erase %1</source>
        <translation>&amp;Radera %1</translation>
    </message>
</context>
<context>
    <name>restriction</name>
    <message>
        <source>(a) Accuracy contested, being verified</source>
        <translation>(a) Riktigheten bestrids, kontrolleras</translation>
    </message>
    <message>
        <source>(b) Unlawful processing, erasure opposed</source>
        <translation>(b) Olaglig behandling, radering motsatt</translation>
    </message>
    <message>
        <source>(c) Needed by the person for legal claims</source>
        <translation>(c) Personen behöver uppgifterna för rättsliga anspråk</translation>
    </message>
    <message>
        <source>(d) Objection pending verification</source>
        <translation>(d) Invändning under utredning</translation>
    </message>
    <message>
        <source>Processing restricted since %1 (GDPR Art. 18). The data is only stored: it can be read, but not changed, exported, used for marketing, sent to others or ordered for. Consents and prohibitions can still be recorded.</source>
        <translation>Behandlingen begränsad sedan %1 (artikel 18 i dataskyddsförordningen). Uppgifterna lagras endast: de kan läsas men inte ändras, exporteras, användas för marknadsföring, skickas till andra eller få beställningar. Samtycken och förbud kan fortfarande antecknas.</translation>
    </message>
</context>
<context>
    <name>RestrictDialog</name>
    <message>
        <source>Restrict processing — %1</source>
        <translation>Begränsa behandlingen — %1</translation>
    </message>
    <message>
        <source>While the restriction is in force the customer&apos;s data is only stored: changes, exports, marketing, letters to others and new orders are refused, by the central database too. Lifting it later needs a notice to the person first (Art. 18(3)).</source>
        <translation>Medan begränsningen gäller lagras kundens uppgifter endast: ändringar, export, marknadsföring, brev till andra och nya beställningar nekas, även av den centrala databasen. För att upphäva den måste personen först få ett meddelande (art. 18.3).</translation>
    </message>
    <message>
        <source>Why, in a sentence or two (required)</source>
        <translation>Varför, med en eller två meningar (obligatoriskt)</translation>
    </message>
    <message>
        <source>Request number, if it answers one</source>
        <translation>Begärans nummer, om den besvarar en</translation>
    </message>
    <message>
        <source>&amp;Ground (Art. 18(1)):</source>
        <translation>&amp;Grund (art. 18.1):</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Skäl:</translation>
    </message>
    <message>
        <source>Re&amp;quest:</source>
        <translation>Be&amp;gäran:</translation>
    </message>
    <message>
        <source>&amp;Restrict</source>
        <translation>&amp;Begränsa</translation>
    </message>
    <message>
        <source>Give the reason (at most %1 characters).</source>
        <translation>Ange skälet (högst %1 tecken).</translation>
    </message>
    <message>
        <source>A request number is digits only.</source>
        <translation>Ett begärans nummer består endast av siffror.</translation>
    </message>
    <message>
        <source>Restricting…</source>
        <translation>Begränsar…</translation>
    </message>
</context>
<context>
    <name>LiftDialog</name>
    <message>
        <source>Lift the restriction — %1</source>
        <translation>Upphäv begränsningen — %1</translation>
    </message>
    <message>
        <source>Loading the restriction…</source>
        <translation>Hämtar begränsningen…</translation>
    </message>
    <message>
        <source>1. Make the notice: it tells the person that the restriction will be lifted (Art. 18(3)) and is archived on the customer. Save or print it and send it.
2. Then lift the restriction. A lift without the notice is refused.</source>
        <translation>1. Gör meddelandet: det berättar för personen att begränsningen upphävs (art. 18.3) och arkiveras på kunden. Spara eller skriv ut det och skicka det.
2. Upphäv sedan begränsningen. Att upphäva utan meddelande nekas.</translation>
    </message>
    <message>
        <source>Finnish</source>
        <translation>finska</translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation>svenska</translation>
    </message>
    <message>
        <source>English</source>
        <translation>engelska</translation>
    </message>
    <message>
        <source>Why it ends, printed in the notice (optional)</source>
        <translation>Varför den upphör, skrivs ut i meddelandet (frivilligt)</translation>
    </message>
    <message>
        <source>&amp;Language of the notice:</source>
        <translation>Meddelandets &amp;språk:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Skäl:</translation>
    </message>
    <message>
        <source>&amp;1. Make the notice</source>
        <translation>&amp;1. Gör meddelandet</translation>
    </message>
    <message>
        <source>&amp;Save the notice…</source>
        <translation>&amp;Spara meddelandet…</translation>
    </message>
    <message>
        <source>&amp;2. Lift the restriction</source>
        <translation>&amp;2. Upphäv begränsningen</translation>
    </message>
    <message>
        <source>Make the notice to the person first (Art. 18(3)).</source>
        <translation>Gör först meddelandet till personen (art. 18.3).</translation>
    </message>
    <message>
        <source>The customer&apos;s processing is not restricted.</source>
        <translation>Kundens behandling är inte begränsad.</translation>
    </message>
    <message>
        <source>Restricted since %1 on ground %2. Reason: %3</source>
        <translation>Begränsad sedan %1 på grunden %2. Skäl: %3</translation>
    </message>
    <message>
        <source>Making the notice…</source>
        <translation>Gör meddelandet…</translation>
    </message>
    <message>
        <source>The notice is made and archived on the customer (letter %1). Send it to the person, then lift the restriction.</source>
        <translation>Meddelandet är gjort och arkiverat på kunden (brev %1). Skicka det till personen och upphäv sedan begränsningen.</translation>
    </message>
    <message>
        <source>Save the notice</source>
        <translation>Spara meddelandet</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>Filen kunde inte skrivas: %1</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Sparad: %1</translation>
    </message>
    <message>
        <source>Lifting…</source>
        <translation>Upphäver…</translation>
    </message>
    <message>
        <source>Lift the restriction</source>
        <translation>Upphäv begränsningen</translation>
    </message>
    <message>
        <source>Has the notice been sent to the person? After the lift the customer&apos;s data is processed normally again.</source>
        <translation>Har meddelandet skickats till personen? Efter upphävandet behandlas kundens uppgifter normalt igen.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adress</translation>
    </message>
    <message>
        <source>Keep %1&apos;s</source>
        <translation>Behåll %1:s värde</translation>
    </message>
    <message>
        <source>Take %1&apos;s</source>
        <translation>Ta %1:s värde</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Båda</translation>
    </message>
    <message>
        <source>Merge customers</source>
        <translation>Slå samman kunder</translation>
    </message>
    <message>
        <source>Merge customer %2 into customer %1? This cannot be undone: %2&apos;s orders, history, requests and disclosures move to %1, and the number %2 will only lead to %1.</source>
        <translation>Slå samman kund %2 med kund %1? Det kan inte ångras: %2:s beställningar, historik, begäranden och utlämnanden flyttas till %1, och numret %2 leder därefter bara till %1.</translation>
    </message>
    <message>
        <source>Merge %2 into %1</source>
        <translation>Slå samman %2 med %1</translation>
    </message>
    <message>
        <source>Both records side by side</source>
        <translation>Båda posterna sida vid sida</translation>
    </message>
    <message>
        <source>Reading both records…</source>
        <translation>Läser båda posterna…</translation>
    </message>
    <message>
        <source>Customer %2 is merged into customer %1, which is kept.</source>
        <translation>Kund %2 slås samman med kund %1, som behålls.</translation>
    </message>
    <message>
        <source>&amp;Merge %2 into %1…</source>
        <translation>&amp;Slå samman %2 med %1…</translation>
    </message>
    <message>
        <source>&amp;Keep %1 instead</source>
        <translation>&amp;Behåll %1 i stället</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Uppgift</translation>
    </message>
    <message>
        <source>%1 (kept)</source>
        <translation>%1 (behålls)</translation>
    </message>
    <message>
        <source>%1 (merged away)</source>
        <translation>%1 (slås samman)</translation>
    </message>
    <message>
        <source>The merged record takes</source>
        <translation>Den sammanslagna posten får</translation>
    </message>
    <message>
        <source>Same</source>
        <translation>Samma</translation>
    </message>
    <message>
        <source>Value of %1 to keep</source>
        <translation>Värde att behålla: %1</translation>
    </message>
    <message>
        <source>Prohibitions and consents: the kept record&apos;s stay as they are (the other record&apos;s are no less restrictive).</source>
        <translation>Förbud och samtycken: den bevarade postens förblir som de är (den andra postens är inte strängare).</translation>
    </message>
    <message>
        <source>Prohibitions and consents combine least-permissively; the kept record gets these new entries, each citing %1&apos;s statement:</source>
        <translation>Förbud och samtycken slås samman enligt det striktaste; den bevarade posten får dessa nya poster, var och en med hänvisning till %1:s meddelande:</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <source>Moves to %1: %2 orders, %3 history entries, %4 requests, %5 letters, %6 disclosures.</source>
        <translation>Flyttas till %1: %2 beställningar, %3 historikposter, %4 begäranden, %5 brev, %6 utlämnanden.</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>Slår samman…</translation>
    </message>
</context>
<context>
    <name>LegalHoldDialog</name>
    <message>
        <source>Legal hold</source>
        <translation>Rättsligt bevarandekrav</translation>
    </message>
    <message>
        <source>%1 is under a legal hold since %2 (set by %3): it cannot be erased, by hand or by the retention run.

Reason: %4

Lift the hold when the claim, dispute or authority's request has ended.</source>
        <translation>%1 omfattas av ett rättsligt bevarandekrav sedan %2 (ställt av %3): kunden kan inte raderas, varken för hand eller av gallringskörningen.

Skäl: %4

Häv kravet när anspråket, tvisten eller myndighetens begäran har upphört.</translation>
    </message>
    <message>
        <source>%1 is not under a legal hold.

A legal hold keeps the customer's data from being erased (GDPR Art. 17(3)(e): a legal claim, a dispute or an authority's request) until it is lifted. Say why; the reason is kept with the hold.</source>
        <translation>%1 omfattas inte av något rättsligt bevarandekrav.

Ett bevarandekrav hindrar att kundens uppgifter raderas (dataskyddsförordningen artikel 17.3 e: ett rättsligt anspråk, en tvist eller en myndighets begäran) tills det hävs. Ange skälet; det sparas med kravet.</translation>
    </message>
    <message>
        <source>optional, e.g. the dispute was settled</source>
        <translation>frivilligt, t.ex. tvisten har lösts</translation>
    </message>
    <message>
        <source>e.g. a complaint to the consumer disputes board</source>
        <translation>t.ex. ett klagomål till konsumenttvistenämnden</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>S&amp;käl:</translation>
    </message>
    <message>
        <source>&amp;Lift the hold…</source>
        <translation>&amp;Häv kravet…</translation>
    </message>
    <message>
        <source>&amp;Set the hold…</source>
        <translation>&amp;Ställ kravet…</translation>
    </message>
    <message>
        <source>Put %1 under a legal hold?</source>
        <translation>Ställa %1 under bevarandekrav?</translation>
    </message>
    <message>
        <source>The customer cannot be erased until the hold is lifted.</source>
        <translation>Kunden kan inte raderas förrän kravet hävs.</translation>
    </message>
    <message>
        <source>&amp;Set the hold</source>
        <translation>&amp;Ställ kravet</translation>
    </message>
    <message>
        <source>Lift the legal hold of %1?</source>
        <translation>Häva bevarandekravet för %1?</translation>
    </message>
    <message>
        <source>The customer can then be erased, on request or by the retention run.</source>
        <translation>Kunden kan då raderas, på begäran eller av gallringskörningen.</translation>
    </message>
    <message>
        <source>&amp;Lift the hold</source>
        <translation>&amp;Häv kravet</translation>
    </message>
</context>
</TS>
