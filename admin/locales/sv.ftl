### Every visible string of the registration-point administration in Swedish (svenska).
### See fi.ftl.

## Frame

area-name = Administration av registreringspunkter
error-title-prefix = Fel
loading = Laddar…
load-failed = Uppgifterna kunde inte laddas. Kontrollera nätverksanslutningen och försök igen.
try-again = Försök igen
sign-in-first = Logga in för att se den här sidan
not-found-title = Sidan hittades inte
not-found-body = Det finns ingen sida på adressen. Den kan ha föråldrats eller innehålla ett skrivfel.
back-to-area-front = Till framsidan för administration av registreringspunkter
show-more = Visa fler
show-older = Visa äldre
actions = Åtgärder
action-failed = Åtgärden misslyckades. Försök igen.
saving = Sparar…
choose-one = Välj
error-code-label = Felkod:
created = Skapad
updated = Uppdaterad
since = från

## Front page

home-title = Administration av registreringspunkter
officer-heading = Tjänstemannens uppgifter
your-accounts-heading = Dina kundkonton
no-rights-yet = Du har ännu inga rättigheter till administrationen av registreringspunkter. Om du har fått en inbjudan per e-post, öppna länken i den efter att du loggat in.
professional-section-heading = Avsnittet för yrkesutbildade
go-to-professional-section = Gå till avsnittet för yrkesutbildade

## Accounts

accounts-title = Kundkonton
accounts-list-heading = Alla kundkonton
account-title = Kundkonto
account-label = Kundkonto
open-account = Öppna kundkontot
open-account-heading = Öppna ett kundkonto
open-account-button = Öppna kundkontot
organisation-name-label = Organisationens namn
business-id-label = FO-nummer
business-id-hint = I formen 1234567-8
account-kind-label = Typ av kundkonto
county-label = Välfärdsområde
your-role-label = Din roll
kind-wellbeing-county = Välfärdsområde
kind-private-sote = Privat social- och hälsovårdsorganisation
kind-rescue-department = Räddningsverk
role-administrator = Huvudanvändare
role-member = Användare
account-audit-link = Kundkontots ändringslogg
back-to-account = Tillbaka till kundkontot

## Contracts

pending-matters = Pågående ärenden
decided-matters = Avgjorda ärenden
no-matters = Inga ärenden.
contract-sote-organisation = Avtal om yrkeskort
contract-state-administration = Statsförvaltningens avtal
state-draft = utkast
state-submitted = skickat för behandling
state-granted = beviljat
state-rejected = avslaget
state-label = Status
submit-contract = Skicka för behandling
grant = Bevilja
reject = Avslå
print-contract = Skriv ut avtalet
rejection-reason-label = Orsak till avslaget
rejection-reason-hint = Orsaken visas för sökanden.
rejection-reason-shown = Orsak till avslaget
apply-contract-heading = Ansök om avtal om yrkeskort
apply-contract-intro = Av avtalet görs först ett utkast. Skicka det för behandling bland åtgärderna för pågående ärenden.
contract-kind-label = Typ av avtal
create-draft = Gör ett utkast
contracts-title = Avtal som ska avgöras
contracts-intro = Avtal om yrkeskort som skickats för behandling, de äldsta först.
nothing-to-decide = Inget att avgöra.
print-title = Avtal om yrkeskort
print-button = Skriv ut
contract-number-label = Avtalets nummer

## Registration points

points-heading = Registreringspunkter
show-point-orders = Visa beställningar av registreringspunkter
hide-point-orders = Dölj beställningar av registreringspunkter
no-points = Inga registreringspunkter.
points-need-contract = Registreringspunkter kan beställas när välfärdsområdets avtal om yrkeskort har beviljats.
point-ordered = beställd
point-approved = godkänd
point-rejected = avslagen
point-closed = stängd
main-point = Huvudsaklig registreringspunkt
point-name-label = Registreringspunktens namn
postal-address-label = Postadress
postal-address-hint = Gatuadress, postnummer och postanstalt, till exempel Sibeliusgatan 1, 04400 Träskända
service-number-label = Elektroniskt ärendenummer
service-number-hint = Åtta siffror
order-point-heading = Beställ en registreringspunkt
order-point-button = Beställ registreringspunkten
point-order-sent = Beställningen har skickats till Myndigheten för digitalisering och befolkningsdata för godkännande.
point-orders-title = Beställningar av registreringspunkter
approve = Godkänn
show-customers = Visa kunder
no-customers = Inga kunder.
customer-kind-ys = YS social- och hälsovård/organisation

## Authorisations

authorisations-heading = Fullmakter
authorisations-intro = En fullmakt låter en registreringspunkt beställa organisationens yrkeskort.
no-authorisations = Inga fullmakter.
authorisation-needs-contract = En registreringspunkt kan befullmäktigas när organisationens avtal om yrkeskort har beviljats.
authorise-heading = Befullmäktiga en registreringspunkt
find-point = Sök registreringspunkten
confirm-point-heading = Kontrollera registreringspunkten
authorise-button = Befullmäktiga den här registreringspunkten
authorised = Befullmäktigad:
authorised-since = I kraft från
revoked-at = Återkallad
revoke = Återkalla fullmakten

## Audit log

audit-title = Ändringslogg
audit-empty = Inga ändringar.
audit-when = När
audit-who = Utförare
audit-change = Ändring
audit-before = Före
audit-after = Efter
audit-account-opened = Kundkontot öppnat
audit-member-added = Användare tillagd
audit-contract-created = Utkast till avtal gjort
audit-contract-submitted = Avtalet skickat för behandling
audit-contract-granted = Avtalet beviljat
audit-contract-rejected = Avtalet avslaget
audit-point-ordered = Registreringspunkt beställd
audit-point-approved = Registreringspunkt godkänd
audit-main-point-created = Huvudsaklig registreringspunkt skapad
audit-point-rejected = Beställningen av registreringspunkten avslagen
audit-point-authorised = Registreringspunkt befullmäktigad
audit-authorisation-revoked = Fullmakten återkallad

## Field errors (the domain's codes, for the fields of the area's forms)

error-business-id-required = Skriv FO-numret.
error-business-id-check-digit = FO-numrets kontrollsiffra stämmer inte. Kontrollera FO-numret.
error-business-id-other = Skriv FO-numret i formen 1234567-8.
error-service-number-required = Skriv registreringspunktens elektroniska ärendenummer.
error-service-number-check-digit = Det elektroniska ärendenumret har ett skrivfel: den sista siffran stämmer inte med de andra. Kontrollera numret.
error-service-number-not-found = Det finns ingen registreringspunkt med det här elektroniska ärendenumret. Kontrollera numret.
error-service-number-other = Det elektroniska ärendenumret består av 8 siffror, till exempel 1234 5678.
error-organisation-name-required = Skriv organisationens namn.
error-organisation-name-too-short = Organisationens namn ska ha minst 2 tecken.
error-organisation-name-too-long = Organisationens namn är för långt. Det får ha högst 200 tecken.
error-organisation-name-invalid-characters = Organisationens namn innehåller ett tecken som inte kan användas, till exempel en radbrytning eller en tabb. Skriv namnet på en rad.
error-organisation-name-other = Kontrollera organisationens namn.
error-point-name-required = Skriv registreringspunktens namn.
error-point-name-too-short = Registreringspunktens namn ska ha minst 2 tecken.
error-point-name-too-long = Registreringspunktens namn är för långt. Det får ha högst 200 tecken.
error-point-name-invalid-characters = Registreringspunktens namn innehåller ett tecken som inte kan användas, till exempel en radbrytning eller en tabb. Skriv namnet på en rad.
error-point-name-other = Kontrollera registreringspunktens namn.
error-postal-address-required = Skriv registreringspunktens adress.
error-postal-address-too-short = Adressen är för kort. Skriv gatuadress, postnummer och postanstalt.
error-postal-address-too-long = Adressen är för lång. Den får ha högst 300 tecken.
error-postal-address-invalid-characters = Adressen innehåller ett tecken som inte kan användas, till exempel en radbrytning eller en tabb. Skriv adressen på en rad, till exempel Sibeliusgatan 3, 00260 Helsingfors.
error-postal-address-other = Kontrollera adressen.
error-account-kind-required = Välj typ av kundkonto.
error-account-kind-other = Välj typ av kundkonto i listan.
error-account-county-required = Välj välfärdsområde.
error-account-county-other = Välj välfärdsområde i listan.
error-contract-kind-required = Välj typ av avtal.
error-contract-kind-not-for-account-kind = Bara ett välfärdsområde kan ingå ett statsförvaltningsavtal. Välj avtal för social- och hälsovårdsorganisation.
error-contract-kind-other = Välj typ av avtal i listan.
error-rejection-reason-required = Skriv en motivering till avslaget.
error-rejection-reason-too-long = Motiveringen är för lång. Den får ha högst 1000 tecken.
error-rejection-reason-invalid-characters = Motiveringen innehåller ett tecken som inte kan användas. Ta bort tecknet eller skriv motiveringen på nytt.
error-rejection-reason-other = Kontrollera motiveringen.
error-invitation-email-required = Skriv e-postadressen till den person du bjuder in.
error-invitation-email-other = E-postadressen är inte giltig. Skriv adressen i formen namn@exempel.fi.
error-notice-subject-required = Skriv meddelandets rubrik.
error-notice-subject-too-long = Rubriken är för lång. Den får ha högst 150 tecken.
error-notice-subject-invalid-characters = Rubriken innehåller ett tecken som inte kan användas (till exempel en radbrytning). Ta bort tecknet.
error-notice-subject-other = Kontrollera rubriken.
error-notice-body-required = Skriv meddelandets text.
error-notice-body-too-long = Texten är för lång. Den får ha högst 10000 tecken.
error-notice-body-invalid-characters = Texten innehåller ett tecken som inte kan användas. Ta bort tecknet eller skriv texten på nytt.
error-notice-body-other = Kontrollera texten.
error-person-name-required = Skriv personens namn.
error-person-name-too-short = Personens namn måste ha minst 2 tecken.
error-person-name-too-long = Personens namn är för långt. Det får ha högst 200 tecken.
error-person-name-invalid-characters = Personens namn innehåller ett tecken som inte kan användas, till exempel en radbrytning eller en tabb. Skriv namnet på en rad.
error-person-name-other = Kontrollera personens namn.
error-identity-code-required = Skriv personbeteckningen.
error-identity-code-format = Skriv personbeteckningen i formen ddmmåå-nnnK, till exempel 131052-308T.
error-identity-code-century-sign = Personbeteckningens skiljetecken är fel. Det är +, -, Y, X, W, V, U, A, B, C, D, E eller F.
error-identity-code-date = Personbeteckningens födelsedatum är ingen dag som finns. Kontrollera dag, månad och år.
error-identity-code-individual-number = Personbeteckningens individnummer är fel. Kontrollera personbeteckningen.
error-identity-code-temporary-number = Det här är en tillfällig personbeteckning. Kortet beställs med en permanent personbeteckning.
error-identity-code-check-character = Personbeteckningens kontrolltecken stämmer inte. Kontrollera personbeteckningen.
error-identity-code-other = Kontrollera personbeteckningen.
error-received-on-required = Skriv dagen då intyget kom.
error-received-on-format = Skriv dagen i formen åååå-mm-dd, till exempel 2026-12-01.
error-received-on-no-such-day = Dagen finns inte i kalendern. Kontrollera dag och månad.
error-received-on-in-future = Dagen då intyget kom kan inte vara i framtiden.
error-received-on-other = Kontrollera dagen då intyget kom.
error-delivery-required = Välj hur intyget kom.
error-delivery-other = Välj hur intyget kom: per post eller personligen.
error-card-kind-required = Välj vilket kort som beställs.
error-card-kind-other = Välj vilket kort som beställs i listan.

## Refusals (the server's codes)

refused-forbidden = Du har inte rätt till den här åtgärden.
refused-not-found = Uppgiften hittades inte. Den finns inte eller så har du inte rätt att se den.
refused-business-id-taken = Det finns redan ett kundkonto med det här FO-numret.
refused-county-taken = Det finns redan ett kundkonto för det här välfärdsområdet.
refused-contract-already-submitted = Avtalet har redan skickats för behandling.
refused-contract-not-submitted = Avtalet har inte skickats för behandling.
refused-contract-already-decided = Avtalet har redan avgjorts.
refused-not-a-wellbeing-county = Endast ett välfärdsområde kan beställa registreringspunkter.
refused-no-granted-contract = Avtalet om yrkeskort har ännu inte beviljats.
refused-point-order-already-decided = Beställningen har redan avgjorts.
refused-county-lacks-state-administration-contract = Registreringspunktens välfärdsområde har inget beviljat Statsförvaltningens avtal. Ett räddningsverk kan befullmäktiga endast en registreringspunkt vars välfärdsområde har ett sådant.
refused-county-cannot-authorise = Ett välfärdsområde befullmäktigar inte registreringspunkter: dess egna punkter beställer dess kort.
refused-already-authorised = Den här registreringspunkten har redan befullmäktigats.
refused-authorisation-already-revoked = Fullmakten har redan återkallats.

## Users and invitations

users-management = Hantering av användare
users-heading = Användare
invitations-heading = Inbjudningar
no-invitations = Inga inbjudningar.
role-label = Roll
member-since = Användare sedan
make-member = Ändra till användare
make-administrator = Ändra till huvudanvändare
remove-user = Ta bort användaren
invitation-pending = väntar
invitation-accepted = godkänd
invitation-expired = föråldrad
invitation-withdrawn = återkallad
delivery-label = E-post
delivery-queued = i kö, skickas snart
delivery-sent = skickad
invitation-sent = Skickad
invitation-valid-until = Giltig till
resend-invitation = Skicka på nytt
withdraw-invitation = Återkalla inbjudan
invite-heading = Bjud in en användare
invite-email-label = E-postadress
invite-email-hint = Inbjudan skickas till den här adressen. Länken gäller i 7 dagar och kan användas en gång.
invite-language-label = Inbjudans språk
invite-button = Skicka inbjudan
invitation-sent-to = Inbjudan skickad:
invitation-queued-for = Inbjudan står i kö och skickas så snart e-postservern svarar:
invitation-title = Inbjudan till administrationen av registreringspunkter
invitation-sign-in-first = Logga in för att godkänna inbjudan. Du kommer tillbaka till den här sidan efter inloggningen.
invitation-accept-intro = Genom att godkänna inbjudan ansluter du dig som den inloggade personen till kundkontot.
accept-invitation = Godkänn inbjudan
invitation-accepted-now = Inbjudan har godkänts.
go-to-account = Gå till kundkontot
audit-invitation-sent = Inbjudan skickad
audit-invitation-resent = Inbjudan skickad på nytt
audit-invitation-withdrawn = Inbjudan återkallad
audit-invitation-accepted = Inbjudan godkänd
audit-member-role-changed = Användarens roll ändrad
audit-member-removed = Användare borttagen
refused-invitation-pending = Det finns redan en giltig inbjudan till den här adressen. Skicka den på nytt vid behov.
refused-invitation-unknown = Inbjudan hittades inte. Kontrollera att du öppnade hela länken i e-postmeddelandet.
refused-invitation-used = Inbjudan har redan använts.
refused-invitation-expired = Inbjudan har föråldrats. Be kundkontots huvudanvändare skicka en ny inbjudan.
refused-invitation-withdrawn = Inbjudan har återkallats.
refused-already-member = Du är redan användare av det här kundkontot.
refused-invitation-resend-limit = En inbjudan kan skickas på nytt högst tre gånger i timmen. Försök igen senare.
refused-last-administrator = Kundkontot måste ha minst en huvudanvändare.
refused-contract-not-granted = En ansökan om registrerarrättigheter kan göras endast för ett beviljat avtal om yrkeskort.
refused-registrar-point-unavailable = Den valda registreringspunkten är inte en godkänd registreringspunkt i det här välfärdsområdet.
refused-already-registrar = Du är redan registrerare vid alla registreringspunkter du valde.
refused-registrar-application-pending = Du har redan en ansökan om registrerarrättigheter för det här avtalet som väntar på behandling.
refused-registrar-application-already-decided = Ansökan har redan beviljats eller avslagits.
refused-registrar-points-required = Välj minst en registreringspunkt.
refused-attachment-required = Bifoga utbildningsintyget till ansökan.
refused-attachment-not-found = Bilagan hittades inte. Ladda upp filen på nytt.
refused-attachment-empty = Filen är tom. Välj en annan fil.
refused-attachment-too-large = Filen är för stor. En bilaga får vara högst 5 MB.
refused-attachment-type-refused = Filen är inte en PDF-, PNG- eller JPEG-fil. Typen kontrolleras utifrån filens innehåll, inte dess namn.
refused-attachment-name-invalid = Filnamnet duger inte. Byt namn på filen och försök igen.
refused-too-few-registrars = Registrerarens rättigheter kan inte tas bort: registreringspunkten skulle få färre än två registrerare. Lägg först till en ny registrerare eller stäng registreringspunkten.
refused-registrar-already-removed = Registrerarens rättigheter har redan tagits bort.
refused-point-not-approved = Endast en godkänd registreringspunkt kan stängas.
refused-point-closed = Registreringspunkten har redan stängts.
refused-not-a-registrar = Kontakt-e-postadressen gäller registrerare. Du har inga giltiga registrerarrättigheter.
refused-contact-email-unchanged = Den här adressen är redan din bekräftade kontakt-e-postadress.
refused-no-pending-contact-email = Det finns ingen e-postadress som väntar på bekräftelse. Ange en ny adress.
refused-contact-resend-limit = Högst fem bekräftelsemeddelanden kan skickas i timmen. Försök igen senare.
refused-confirmation-unknown = Bekräftelselänken hittades inte. Kontrollera att du öppnade hela länken i det senaste e-postmeddelandet.
refused-confirmation-used = Bekräftelselänken har redan använts.
refused-confirmation-expired = Bekräftelselänken har gått ut. Skicka en ny länk under Ändra personuppgifter.
refused-confirmation-replaced = Du har sedan dess angett en annan adress. Endast länken för den senaste adressen gäller.
refused-confirmation-other-person = Bekräftelselänken hör till en annan person. Endast den registrerare som angav adressen kan bekräfta den när hen är inloggad.
refused-not-point-registrar = Du är inte registrerare vid den här registreringspunkten. Bara punktens registrerare kan se dess kunder och beställa kort åt dem.
refused-not-a-customer = Organisationen är inte kund vid den här registreringspunkten: den har inte befullmäktigat punkten.
refused-customer-authorisation-revoked = Organisationen har återkallat sin fullmakt för den här registreringspunkten. Inga intyg kan registreras och inga kort beställas för den här längre.
refused-certificate-not-applicable = Intyg om anställningsförhållande registreras bara för anställda vid en befullmäktigande privat social- eller hälsovårdsorganisation.
refused-certificate-required = Ett personkort för en anställd vid en privat organisation kan beställas först när personens intyg om anställningsförhållande har registrerats vid den här registreringspunkten. Registrera intyget först.
refused-certificate-already-recorded = Personens intyg om anställningsförhållande för den här organisationen är redan registrerat vid den här registreringspunkten.
refused-card-already-ordered = Samma kort har redan beställts vid den här registreringspunkten under det senaste dygnet. Se beställningarna innan du beställer på nytt.
