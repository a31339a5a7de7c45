### Every visible string of the app in Swedish (svenska).
### Project Fluent syntax (https://projectfluent.org/). `cargo xtask codegen` checks that
### fi.ftl, sv.ftl and en.ftl have the same messages with the same variables, and generates
### the typed keys the app uses into app/src/i18n/strings.rs (`trunk serve` runs it before each
### build; see ARCHITECTURE.md, "Strings in Fluent files").


## Frame: every page

service-name = Mielenterveystalo
section-title = Sektionen för yrkesverksamma
skip-to-content = Gå till innehållet
language-switch-label = Språk
loading = Laddar…
load-failed = Uppgifterna kunde inte laddas. Kontrollera nätverksanslutningen och försök igen.
retry = Försök igen

## Front page: which way to sign in

guide-title = Vilket identifieringssätt är mitt?
guide-question = Arbetar du vid någon av dessa organisationer?
guide-organisations-lead = Personalen vid dessa organisationer loggar in med organisationsidentifiering, med samma koder som i organisationens system. Alla andra loggar in med personlig identifiering.
workplace-label = Min arbetsplats
workplace-none = Någon annan än dessa
verdict-organisation = Välj organisationsidentifiering:
verdict-personal = Välj personlig identifiering:
personal-method-name = Yrkesverksamma användare och samarbetspartner (Suomi.fi-identifikation)
sign-in-menu = Logga in i tjänsten
sign-in-menu-section = Sektionen för yrkesverksamma
sign-out = Logga ut
signed-in-as = Inloggad:
account-menu-label = Användare

## Identification step

identification-title = Identifiering
role-legend = Välj din roll
role-professional = Jag är yrkesverksam
methods-lead = Välj identifieringssätt. Du använder samma koder vid det första och varje följande besök.
method-organisation-title = Organisationsidentifiering
method-organisation-lead = Om du arbetar vid någon av organisationerna i förteckningen: logga in med samma koder som i din organisations system.
method-personal-title = Yrkesverksamma användare och samarbetspartner
method-personal-lead = För alla andra: Suomi.fi-identifikation med Sote-kort, VRK-kort, bankkoder eller mobilcertifikat.
choose-group = Välj grupp
choose-organisation = Välj organisation
continue-organisation = Fortsätt till organisationens identifiering
continue-personal = Gå till Suomi.fi-identifikationen
# The accessible name of the link above: its visible words, then the words of the choice
# as the hospitals' sign-in guide names it, so a user following the guide finds it.
continue-personal-label = { continue-personal }: { method-personal-title }

## The professionals' section

content-title = Material för yrkesverksamma
content-lead = Du ser det material som är avsett för din yrkesgrupp.
content-kind-treatment-programme = Vårdprogram
content-kind-symptom-questionnaire = Symtomenkäter
content-kind-referral-guide = Hänvisning till internetterapi
content-kind-training = Utbildningar
content-sign-in-first = Logga in i tjänsten för att se materialet.
content-profile-first = Materialet visas när du har registrerat dig och valt din yrkesgrupp i profilen.

## Registration form

registration-title = Registrering
registration-lead = Registrera dig en gång som yrkesverksam användare. Vi behöver dina kontaktuppgifter och de organisationer som du samarbetar med.
all-required = Alla uppgifter är obligatoriska om inte annat anges.
name-label = Namn
name-hint = Ditt namn kommer från identifieringen och kan inte ändras här.
phone-label = Telefonnummer
phone-hint = Till exempel 040 123 4567 eller +358 40 123 4567.
email-label = E-postadress
email-hint = Till exempel fornamn.efternamn@exempel.fi.
organisations-legend = Samarbetsorganisationer
organisations-hint = Välj minst en organisation som du samarbetar med. Sök med namn eller förkortning, till exempel HUS.
picker-label = Sök organisation eller kommun
picker-fallback = Om din arbetsplats inte finns i listan eller om du är privatpraktiker, välj din hemkommun.
picker-municipality = kommun
picker-chosen-heading = Organisationer som du valt
picker-none-chosen = Du har inte valt någon organisation ännu.
picker-remove = Ta bort
save-and-continue = Spara och fortsätt
save-changes = Spara ändringarna
saving = Sparar…

## Saving and its failures

error-summary-title = Rätta följande uppgifter
error-title-prefix = Fel
failure-network = Det gick inte att spara eftersom förbindelsen till tjänsten bröts. Uppgifterna du fyllt i finns kvar på den här sidan. Kontrollera nätverksanslutningen och försök igen.
failure-server = Det gick inte att spara på grund av en störning i tjänsten. Uppgifterna du fyllt i finns kvar på den här sidan. Försök igen om en stund.
failure-session = Din session har gått ut. Logga in igen: uppgifterna du fyllt i finns kvar i den här webbläsarfliken.
sign-in-again = Logga in igen
already-registered = Du har redan registrerat dig. Du kan ändra dina uppgifter på sidan Mina uppgifter; det du fyllt i följer med dit.
already-registered-short = Du har redan registrerat dig. Du kan ändra dina uppgifter på sidan Mina uppgifter.
already-profiled = Du har redan skapat en profil. Du kan ändra den på sidan Mina uppgifter.
go-to-settings = Gå till Mina uppgifter
register-first = Registrera dig först, sedan kan du skapa en profil.
go-to-registration = Gå till registreringen
go-to-profile = Gå till profilen
sign-in-to-continue = Logga in i tjänsten för att fortsätta.

## Settings (Omat tiedot)

settings-title = Mina uppgifter
settings-lead = Du kan ändra dina kontaktuppgifter, samarbetsorganisationer och din profil.
settings-contact-heading = Kontaktuppgifter och samarbetsorganisationer
settings-profile-heading = Profil
saved = Ändringarna har sparats.

## Profile

profile-title = Profil
profile-lead = Din registrering har sparats. Välj ännu din yrkesgrupp: den avgör vilket material du ser.
group-label = Yrkesgrupp
group-hint = Välj den grupp som bäst beskriver ditt arbete.
group-choose = Välj yrkesgrupp
county-label = Välfärdsområde (frivilligt)
county-hint = Det område där du huvudsakligen arbetar.
county-not-selected = Inte valt
save-profile = Spara profilen
profile-saved-title = Du är nu registrerad som yrkesverksam användare
open-section = Gå till sektionen för yrkesverksamma
my-settings = Mina uppgifter

## Sign-in failures (codes from the server's /auth/callback)

sign-in-cancelled = Identifieringen avbröts. Du kan börja om.
sign-in-expired = Identifieringen gick ut eller påbörjades i en annan flik. Börja om.
sign-in-failed = Identifieringen misslyckades på grund av ett fel i identifieringstjänsten. Försök igen om en stund.
means-not-accepted = Identifieringsmedlet du använde godtas inte i den här tjänsten. Identifiera dig med Sote-kort, VRK-kort, bankkoder eller mobilcertifikat.

## Session timeout dialog

session-ending-title = Din session håller på att gå ut
session-ending-body = Sessionen går ut om ett par minuter eftersom du inte har använt tjänsten på en stund. Det du fyllt i finns kvar i den här fliken.
session-continue = Fortsätt sessionen
session-ended-title = Din session har gått ut
session-ended-body = Sessionen gick ut eftersom du inte använde tjänsten. Logga in igen: det du fyllt i finns kvar i den här fliken.

## Page not found

not-found-title = Sidan hittades inte
not-found-body = Det finns ingen sida på adressen. Den kan ha flyttats, eller så innehåller adressen ett skrivfel.
back-to-front = Till startsidan för sektionen för yrkesverksamma

## Field errors: one per field and domain code (the codes of the server's 422 answers)

error-phone-required = Skriv ditt telefonnummer.
error-phone-invalid-characters = Telefonnumret får bara innehålla siffror, mellanslag, bindestreck och ett + i början.
error-phone-too-short = Telefonnumret är för kort. Kontrollera numret.
error-phone-too-long = Telefonnumret är för långt. Kontrollera numret.
error-phone-other = Telefonnumret är inte giltigt. Skriv ett finskt nummer, till exempel 040 123 4567, eller ett utländskt nummer med landsnummer, till exempel +46 8 123 456 78.
error-email-required = Skriv din e-postadress.
error-email-too-long = E-postadressen är för lång.
error-email-missing-at = E-postadressen saknar tecknet @. Skriv adressen i formen namn@exempel.fi.
error-email-missing-local-part = Skriv namnet före tecknet @ i e-postadressen.
error-email-invalid-domain = Delen efter @ i e-postadressen är inte giltig. Den ska vara i formen exempel.fi.
error-email-invalid-characters = E-postadressen innehåller ett tecken som inte kan finnas i en adress, till exempel ett mellanslag eller ett andra @.
error-email-other = E-postadressen är inte giltig. Skriv adressen i formen namn@exempel.fi.
error-organisations-required = Välj minst en samarbetsorganisation.
error-organisations-too-many = Du kan välja högst 20 samarbetsorganisationer. Ta bort de överskjutande.
error-organisations-duplicate = Samma organisation har valts två gånger. Ta bort den ena.
error-organisations-other = En vald organisation finns inte längre i listan. Ta bort den och välj på nytt.
error-professional-group-required = Välj yrkesgrupp.
error-professional-group-other = Välj yrkesgrupp i listan.
error-wellbeing-county-other = Välj välfärdsområde i listan eller ”Inte valt”.
error-other = Kontrollera den här uppgiften.

## The workplace guide's organisation code (the front page)

organisation-code-empty = Välj en organisation.
organisation-code-unknown = Organisationen finns inte i förteckningen.

## Organisation picker announcements (the polite status region) and labels

picker-results =
    { $total ->
        [0] Inga sökresultat. Pröva ett annat sökord eller välj din hemkommun.
       *[other] { $total } resultat.
    }
picker-results-truncated = { $total } resultat, de { $shown } första visas. Förfina sökningen.
picker-added = Tillagd: { $name }. Valda { $count }/{ $max }.
picker-removed = Borttagen: { $name }.
picker-remove-label = Ta bort { $name }

## Footer: the two pages every public e-service has

footer-label = Information om tjänsten
accessibility-statement-link = Tillgänglighetsutlåtande
privacy-notice-link = Dataskyddsbeskrivning
operator-examples-note = Uppgifterna om den som tillhandahåller tjänsten är exempel på den här sidan: tjänsten är i utvecklingsbruk.

## Accessibility statement (Act 306/2019)

accessibility-title = Tillgänglighetsutlåtande
# $controller the organisation that provides the service
accessibility-intro = Detta tillgänglighetsutlåtande gäller Mielenterveystalos sektion för yrkesverksamma. Tjänsten tillhandahålls av { $controller }. Vi strävar efter att tjänsten ska vara tillgänglig enligt lagen om tillhandahållande av digitala tjänster (306/2019).
accessibility-status-heading = Tjänstens tillgänglighet
accessibility-status = Tjänsten uppfyller delvis tillgänglighetskraven på nivå A och AA i riktlinjerna WCAG 2.1. De brister vi känner till beskrivs nedan.
accessibility-known-heading = Innehåll som inte är tillgängligt
# $hours (number) the session's absolute limit in hours
accessibility-known-session-limit = Av säkerhetsskäl upphör inloggningen alltid senast { $hours } timmar efter att du loggade in. Du varnas inte i förväg och kan inte förlänga tiden (WCAG 2.1, kriterium 2.2.1 Justerbar tidsbegränsning). De uppgifter du fyllt i finns kvar i webbläsarfliken, och du kan fortsätta när du har loggat in igen. Innan en session upphör på grund av inaktivitet varnas du i förväg och kan fortsätta den.
accessibility-known-reason = Bristen beror på att tjänsten i detta avseende ännu inte uppfyller kraven.
accessibility-assessment-heading = Hur tillgängligheten har bedömts
accessibility-assessment = Bedömningen har gjorts av tjänstens utvecklare själv. Tjänstens automatiska tester granskar sidorna med verktyget axe mot reglerna på nivå A och AA i WCAG 2.1 och går igenom hela ärendet enbart med tangentbordet på finska, svenska och engelska. Tjänsten har ännu inte bedömts av en extern expert, och den har inte testats tillsammans med användare av skärmläsare.
# $date the date of the last assessment
accessibility-assessed = Tillgängligheten bedömdes senast { $date }.
# $date the date of this statement
accessibility-statement-date = Utlåtandet har utarbetats { $date }.
accessibility-feedback-heading = Respons om tillgängligheten
accessibility-feedback = Har du upptäckt en brist i tjänstens tillgänglighet, eller behöver du innehåll som inte är tillgängligt i en annan form? Berätta det för oss per e-post. Vi svarar inom 14 dagar.
accessibility-feedback-address = E-post:
accessibility-enforcement-heading = Tillsynsmyndighet
accessibility-enforcement = Om du upptäcker tillgänglighetsproblem i tjänsten, ge först respons till oss. Om du inte är nöjd med svaret eller inte får något svar inom två veckor kan du göra en anmälan till tillsynsmyndigheten, som är Transport- och kommunikationsverket Traficom. På webbplatsen för Traficoms tillgänglighetstillsyn berättas hur du gör en anmälan och hur ärendet behandlas.
accessibility-enforcement-link = Saavutettavuusvaatimukset.fi: tillgänglighetstillsynen och hur du gör en anmälan
accessibility-enforcement-url = https://www.saavutettavuusvaatimukset.fi/

## Privacy notice (GDPR articles 13 and 14)

privacy-title = Dataskyddsbeskrivning
privacy-intro = I denna beskrivning berättar vi vilka personuppgifter om dig som Mielenterveystalos sektion för yrkesverksamma sparar, varför och hur länge, till vem uppgifterna lämnas ut och vilka rättigheter du har (EU:s allmänna dataskyddsförordning, artiklarna 13 och 14).
privacy-controller-heading = Personuppgiftsansvarig och kontaktuppgifter
privacy-controller = Personuppgiftsansvarig
privacy-controller-contact = Kontaktuppgifter
privacy-data-protection-officer = Dataskyddsombud
privacy-data-heading = Personuppgifter som sparas
privacy-data-lead = Tjänsten sparar endast följande uppgifter om dig.
privacy-term-what = Vad som sparas
privacy-term-why = Ändamål
privacy-term-basis = Rättslig grund
privacy-term-retention = Lagringstid
privacy-term-recipients = Mottagare
privacy-identifier-title = Identifierare
privacy-identifier-what = Ditt identifieringssätt och den identifierare som identifieringstjänsten (Suomi.fi-identifikation eller din organisations identifiering) ger om dig. Identifieraren kan vara din personbeteckning.
privacy-identifier-why = Med den känns dina sparade uppgifter igen som dina när du loggar in på nytt.
privacy-contact-details-title = Kontaktuppgifter
privacy-contact-details-what = Det telefonnummer och den e-postadress som du angav när du registrerade dig.
privacy-contact-details-why = Med dem kan den personuppgiftsansvariga kontakta dig i ärenden som gäller din användning av tjänsten som yrkesverksam.
privacy-cooperation-title = Samarbetsorganisationer
privacy-cooperation-what = De organisationer, välfärdsområden och kommuner som du valde när du registrerade dig, i den ordning du valde dem.
privacy-cooperation-why = De visar vilka organisationer du samarbetar med som yrkesverksam.
privacy-group-title = Yrkesgrupp
privacy-group-what = Den yrkesgrupp som du valde i profilen.
privacy-group-why = Den avgör vilket material du ser i sektionen för yrkesverksamma.
privacy-county-title = Välfärdsområde
privacy-county-what = Det välfärdsområde där du huvudsakligen arbetar, om du valde det i profilen. Uppgiften är frivillig.
privacy-county-why = Den berättar för den personuppgiftsansvariga inom vilket område tjänstens yrkesverksamma användare arbetar.
privacy-times-title = Tidpunkter
privacy-times-what = När du registrerade dig och gjorde profilen, och när du senast ändrade dem.
privacy-times-why = De visar hur aktuella uppgifterna är.
privacy-session-title = Inloggningssession
privacy-session-what = Sessionens slumpmässiga identifierare, ditt namn och din identifierare så som identifieringstjänsten gav dem, tidpunkterna för inloggningen och den senaste användningen samt när sessionen upphör; under inloggningen även engångskontrollvärden och den sida du återvänder till.
privacy-session-why = Sessionen håller dig inloggad och avslutar inloggningen när du inte använder tjänsten.
privacy-roles-title = Roller i administrationen av registreringspunkter
privacy-roles-what = Om du har en roll i administrationen av registreringspunkter: om du är tjänsteman vid Myndigheten för digitalisering och befolkningsdata, vilka organisationers kundkonton du hör till och med vilken roll (huvudanvändare eller medlem), när rollen gavs och ditt namn såsom identifieringstjänsten gav det när du godkände en inbjudan. Om du har bjudits in: e-postadressen som inbjudan skickades till, inbjudans språk, roll, tider för sändning och giltighet samt status, och inbjudningsmeddelandet tills det har skickats (inbjudningslänken tas bort ur ett skickat meddelande). Om du är registrerare eller ansöker om att bli det: registreringspunkterna där du har registrerarrättigheter och när de gavs eller upphörde, din registrerageransökan (punkterna, utbildningsintygets fil, e-postadressen och språket för beslutet, status och beslut), din e-postadress för kontakt och dess bekräftelser samt myndighetens meddelanden som skickades till dig.
privacy-roles-why = Rollerna avgör vad du ser och vad du kan göra i administrationen av registreringspunkter. Utifrån registrerageransökan beviljar myndigheten registrerarrättigheterna, och till e-postadressen för kontakt skickar den sina meddelanden till registrerarna.
privacy-audit-title = Ändringslogg
privacy-audit-what = Om varje ändring i administrationen av registreringspunkter: vem som gjorde den (din identifierare), när, vilket kundkonto den gällde, vad som gjordes samt uppgifterna före och efter ändringen. Loggen innehåller inga personbeteckningar i klartext.
privacy-audit-why = Loggen visar vem som har fattat varje beslut och gjort varje ändring, så att fel och missbruk kan utredas.
privacy-retention-audit = Ändringsloggen bevaras lika länge som handlingarna om administrationen av registreringspunkter. En anteckning i loggen försvinner inte när din roll upphör.
privacy-organisations-title = Organisationers kundkonton och avtal
privacy-organisations-what = Kundkontots organisations namn, FO-nummer, typ och välfärdsområde, tjänstekortsavtalens typer, tillstånd, tidpunkter och motiveringar till avslag, registreringspunkterna (namn, postadress, beställningens tillstånd, elektroniskt ärendenummer) samt de registreringspunkter organisationen befullmäktigar, med tidpunkterna för befullmäktigandet och återkallandet. De är organisationens uppgifter; de gäller dig om du är användare av kontot.
privacy-organisations-why = Med dem ansöker organisationer om tjänstekortsavtal och Myndigheten för digitalisering och befolkningsdata avgör ansökningarna.
privacy-card-orders-title = Intyg om anställningsförhållande och kortbeställningar
privacy-card-orders-what = De intyg om anställningsförhållande som registreringspunktens registrerare har registrerat och de kort som registreraren har beställt: den anställdas namn och personbeteckning, organisationen, dagen och sättet då intyget kom, det beställda kortet samt vem som gjorde registreringen eller beställningen och när. Personbeteckningen sparas bara krypterad; i vyerna och i ändringsloggen visas den maskerad.
privacy-card-orders-why = Med dem beställer registreringspunkten social- och hälsovårdskort åt organisationernas anställda och säkerställer att en anställd vid en privat organisation har ett intygat anställningsförhållande före beställningen.
privacy-basis-public-task = Utförande av en uppgift av allmänt intresse (artikel 6.1 e i EU:s allmänna dataskyddsförordning).
privacy-retention-account = Så länge ditt användarkonto finns. En ändrad uppgift ersätter den tidigare; tidigare versioner sparas inte i tjänsten. Användarkontot kan ännu inte raderas i tjänsten: du kan be den personuppgiftsansvariga att radera dina uppgifter.
# $idle (number) minutes of inactivity; $hours (number) the absolute limit in hours
privacy-retention-session = Sessionen raderas när du loggar ut, och annars senast tio minuter efter att du inte har använt tjänsten på { $idle } minuter. Inloggningen upphör i varje fall efter { $hours } timmar.
privacy-recipients-none = Uppgifterna lämnas inte ut till någon. De behandlas endast av den personuppgiftsansvariga och de som upprätthåller tjänsten för dess räkning. Tjänsten har inga spårnings- eller analystjänster från tredje part.
privacy-browser-heading = Uppgifter i din webbläsare
privacy-browser = När du loggar in sätter tjänsten en sessionskaka som bara innehåller sessionens slumpmässiga identifierare; den är nödvändig för inloggningen. Ditt språkval sparas i webbläsarens lagringsutrymme. Det du skriver i formulären sparas som utkast i webbläsarfliken tills det har sparats eller du loggar ut, så att det inte går förlorat; utkasten försvinner också när du stänger fliken. För att begränsa inloggningsförsök håller servern din IP-adress i minnet en kort tid, men sparar den inte.
privacy-rights-heading = Dina rättigheter
privacy-rights-access = Du kan granska dina sparade uppgifter och rätta dem på sidan Mina uppgifter (rätt till tillgång och rätt till rättelse).
privacy-rights-settings-link = Gå till Mina uppgifter
privacy-rights-erasure = Du kan be den personuppgiftsansvariga att radera dina uppgifter eller begränsa behandlingen av dem, och du kan invända mot behandlingen. Kontakta den personuppgiftsansvariga eller dataskyddsombudet via kontaktuppgifterna ovan.
privacy-rights-automated = Dina uppgifter används inte för automatiserat beslutsfattande som har rättsliga följder för dig.
privacy-rights-complaint = Om du anser att behandlingen av dina uppgifter strider mot dataskyddsbestämmelserna kan du lämna in ett klagomål till dataombudsmannens byrå.
privacy-complaint-link = Dataombudsmannens byrå: tietosuoja.fi
privacy-complaint-url = https://tietosuoja.fi/sv/
