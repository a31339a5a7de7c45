### Every visible string of the registration-point administration in Finnish (suomi).
### Project Fluent syntax; `cargo xtask codegen` checks fi.ftl, sv.ftl and en.ftl against each
### other and generates admin/src/i18n/strings.rs. The frame's shared words (service name, skip
### link, sign-out, footer) come from the professionals' app's files.

## Frame

area-name = Rekisteröintipisteiden hallinta
error-title-prefix = Virhe
loading = Ladataan…
load-failed = Tietojen lataaminen epäonnistui. Tarkista verkkoyhteys ja yritä uudelleen.
try-again = Yritä uudelleen
sign-in-first = Kirjaudu sisään nähdäksesi tämän sivun
not-found-title = Sivua ei löytynyt
not-found-body = Osoitteessa ei ole sivua. Se on voinut vanhentua tai siinä voi olla kirjoitusvirhe.
back-to-area-front = Rekisteröintipisteiden hallinnan etusivulle
show-more = Näytä lisää
show-older = Näytä vanhemmat
actions = Toiminnot
action-failed = Toiminto epäonnistui. Yritä uudelleen.
saving = Tallennetaan…
choose-one = Valitse
error-code-label = Virhekoodi:
created = Luotu
updated = Päivitetty
since = alkaen

## Front page

home-title = Rekisteröintipisteiden hallinta
officer-heading = Virkailijan tehtävät
your-accounts-heading = Asiakkuutesi
no-rights-yet = Sinulla ei ole vielä oikeuksia rekisteröintipisteiden hallintaan. Jos sait kutsun sähköpostilla, avaa kutsun linkki kirjauduttuasi.
professional-section-heading = Ammattilaisten osio
go-to-professional-section = Siirry ammattilaisten osioon

## Accounts

accounts-title = Asiakkuudet
accounts-list-heading = Kaikki asiakkuudet
account-title = Asiakkuus
account-label = Asiakkuus
open-account = Avaa asiakkuus
open-account-heading = Avaa asiakkuus
open-account-button = Avaa asiakkuus
organisation-name-label = Organisaation nimi
business-id-label = Y-tunnus
business-id-hint = Muodossa 1234567-8
account-kind-label = Asiakkuuden laji
county-label = Hyvinvointialue
your-role-label = Roolisi
kind-wellbeing-county = Hyvinvointialue
kind-private-sote = Yksityinen sote-organisaatio
kind-rescue-department = Pelastuslaitos
role-administrator = Pääkäyttäjä
role-member = Käyttäjä
account-audit-link = Asiakkuuden muutosloki
back-to-account = Takaisin asiakkuuteen

## Contracts

pending-matters = Keskeneräiset asiat
decided-matters = Valmiit asiat
no-matters = Ei asioita.
contract-sote-organisation = Toimikorttisopimus
contract-state-administration = Valtionhallinnon sopimus
state-draft = luonnos
state-submitted = lähetetty käsiteltäväksi
state-granted = myönnetty
state-rejected = hylätty
state-label = Tila
submit-contract = Lähetä käsiteltäväksi
grant = Myönnä
reject = Hylkää
print-contract = Tulosta sopimus
rejection-reason-label = Hylkäämisen syy
rejection-reason-hint = Syy näytetään hakijalle.
rejection-reason-shown = Hylkäämisen syy
apply-contract-heading = Hae toimikorttisopimusta
apply-contract-intro = Sopimuksesta tehdään ensin luonnos. Lähetä se käsiteltäväksi keskeneräisten asioiden toiminnoista.
contract-kind-label = Sopimuksen laji
create-draft = Tee luonnos
contracts-title = Ratkaistavat sopimukset
contracts-intro = Käsiteltäväksi lähetetyt toimikorttisopimukset vanhimmasta alkaen.
nothing-to-decide = Ei ratkaistavaa.
print-title = Toimikorttisopimus
print-button = Tulosta
contract-number-label = Sopimuksen numero

## Registration points

points-heading = Rekisteröintipisteet
show-point-orders = Näytä rekisteröintipistetilaukset
hide-point-orders = Piilota rekisteröintipistetilaukset
no-points = Ei rekisteröintipisteitä.
points-need-contract = Rekisteröintipisteitä voi tilata, kun hyvinvointialueen toimikorttisopimus on myönnetty.
point-ordered = tilattu
point-approved = hyväksytty
point-rejected = hylätty
point-closed = suljettu
main-point = Pääasiallinen rekisteröintipiste
point-name-label = Rekisteröintipisteen nimi
postal-address-label = Postiosoite
postal-address-hint = Katuosoite, postinumero ja -toimipaikka, esimerkiksi Sibeliuksenkatu 1, 04400 Järvenpää
service-number-label = Sähköinen asiointinumero
service-number-hint = Kahdeksan numeroa
order-point-heading = Tilaa rekisteröintipiste
order-point-button = Tilaa rekisteröintipiste
point-order-sent = Tilaus on lähetetty Digi- ja väestötietovirastolle hyväksyttäväksi.
point-orders-title = Rekisteröintipistetilaukset
approve = Hyväksy
show-customers = Näytä asiakkaat
no-customers = Ei asiakkaita.
customer-kind-ys = YS sote/organisaatio

## Authorisations

authorisations-heading = Valtuutukset
authorisations-intro = Valtuutus antaa rekisteröintipisteen tilata organisaation toimikortit.
no-authorisations = Ei valtuutuksia.
authorisation-needs-contract = Rekisteröintipisteen voi valtuuttaa, kun organisaation toimikorttisopimus on myönnetty.
authorise-heading = Valtuuta rekisteröintipiste
find-point = Hae rekisteröintipiste
confirm-point-heading = Tarkista rekisteröintipiste
authorise-button = Valtuuta tämä rekisteröintipiste
authorised = Valtuutettu:
authorised-since = Voimassa
revoked-at = Peruttu
revoke = Peru valtuutus

## Audit log

audit-title = Muutosloki
audit-empty = Ei muutoksia.
audit-when = Milloin
audit-who = Tekijä
audit-change = Muutos
audit-before = Ennen
audit-after = Jälkeen
audit-account-opened = Asiakkuus avattu
audit-member-added = Käyttäjä lisätty
audit-contract-created = Sopimusluonnos tehty
audit-contract-submitted = Sopimus lähetetty käsiteltäväksi
audit-contract-granted = Sopimus myönnetty
audit-contract-rejected = Sopimus hylätty
audit-point-ordered = Rekisteröintipiste tilattu
audit-point-approved = Rekisteröintipiste hyväksytty
audit-main-point-created = Pääasiallinen rekisteröintipiste luotu
audit-point-rejected = Rekisteröintipistetilaus hylätty
audit-point-authorised = Rekisteröintipiste valtuutettu
audit-authorisation-revoked = Valtuutus peruttu

## Field errors (the domain's codes, for the fields of the area's forms)

error-business-id-required = Kirjoita Y-tunnus.
error-business-id-check-digit = Y-tunnuksen tarkistusmerkki ei täsmää. Tarkista Y-tunnus.
error-business-id-other = Kirjoita Y-tunnus muodossa 1234567-8.
error-service-number-required = Kirjoita rekisteröintipisteen sähköinen asiointinumero.
error-service-number-check-digit = Sähköisessä asiointinumerossa on kirjoitusvirhe: viimeinen numero ei täsmää muihin. Tarkista numero.
error-service-number-not-found = Tällä sähköisellä asiointinumerolla ei löydy rekisteröintipistettä. Tarkista numero.
error-service-number-other = Sähköinen asiointinumero on 8 numeroa, esimerkiksi 1234 5678.
error-organisation-name-required = Kirjoita organisaation nimi.
error-organisation-name-too-short = Organisaation nimessä pitää olla vähintään 2 merkkiä.
error-organisation-name-too-long = Organisaation nimi on liian pitkä. Siinä voi olla enintään 200 merkkiä.
error-organisation-name-invalid-characters = Organisaation nimessä on merkki, jota ei voi käyttää, kuten rivinvaihto tai sarkain. Kirjoita nimi yhdelle riville.
error-organisation-name-other = Tarkista organisaation nimi.
error-point-name-required = Kirjoita rekisteröintipisteen nimi.
error-point-name-too-short = Rekisteröintipisteen nimessä pitää olla vähintään 2 merkkiä.
error-point-name-too-long = Rekisteröintipisteen nimi on liian pitkä. Siinä voi olla enintään 200 merkkiä.
error-point-name-invalid-characters = Rekisteröintipisteen nimessä on merkki, jota ei voi käyttää, kuten rivinvaihto tai sarkain. Kirjoita nimi yhdelle riville.
error-point-name-other = Tarkista rekisteröintipisteen nimi.
error-postal-address-required = Kirjoita rekisteröintipisteen osoite.
error-postal-address-too-short = Osoite on liian lyhyt. Kirjoita katuosoite, postinumero ja postitoimipaikka.
error-postal-address-too-long = Osoite on liian pitkä. Siinä voi olla enintään 300 merkkiä.
error-postal-address-invalid-characters = Osoitteessa on merkki, jota ei voi käyttää, kuten rivinvaihto tai sarkain. Kirjoita osoite yhdelle riville, esimerkiksi Sibeliuksenkatu 3, 00260 Helsinki.
error-postal-address-other = Tarkista osoite.
error-account-kind-required = Valitse asiakastilin tyyppi.
error-account-kind-other = Valitse asiakastilin tyyppi listasta.
error-account-county-required = Valitse hyvinvointialue.
error-account-county-other = Valitse hyvinvointialue listasta.
error-contract-kind-required = Valitse sopimuksen tyyppi.
error-contract-kind-not-for-account-kind = Valtionhallinnon sopimuksen voi tehdä vain hyvinvointialue. Valitse sote-organisaation sopimus.
error-contract-kind-other = Valitse sopimuksen tyyppi listasta.
error-rejection-reason-required = Kirjoita perustelu hylkäämiselle.
error-rejection-reason-too-long = Perustelu on liian pitkä. Siinä voi olla enintään 1000 merkkiä.
error-rejection-reason-invalid-characters = Perustelussa on merkki, jota ei voi käyttää. Poista merkki tai kirjoita perustelu uudelleen.
error-rejection-reason-other = Tarkista perustelu.
error-invitation-email-required = Kirjoita kutsuttavan henkilön sähköpostiosoite.
error-invitation-email-other = Sähköpostiosoite ei ole kelvollinen. Kirjoita osoite muodossa nimi@esimerkki.fi.
error-notice-subject-required = Kirjoita tiedotteen otsikko.
error-notice-subject-too-long = Otsikko on liian pitkä. Siinä voi olla enintään 150 merkkiä.
error-notice-subject-invalid-characters = Otsikossa on merkki, jota ei voi käyttää (esimerkiksi rivinvaihto). Poista merkki.
error-notice-subject-other = Tarkista otsikko.
error-notice-body-required = Kirjoita tiedotteen teksti.
error-notice-body-too-long = Teksti on liian pitkä. Siinä voi olla enintään 10000 merkkiä.
error-notice-body-invalid-characters = Tekstissä on merkki, jota ei voi käyttää. Poista merkki tai kirjoita teksti uudelleen.
error-notice-body-other = Tarkista teksti.
error-person-name-required = Kirjoita henkilön nimi.
error-person-name-too-short = Henkilön nimessä pitää olla vähintään 2 merkkiä.
error-person-name-too-long = Henkilön nimi on liian pitkä. Siinä voi olla enintään 200 merkkiä.
error-person-name-invalid-characters = Henkilön nimessä on merkki, jota ei voi käyttää, kuten rivinvaihto tai sarkain. Kirjoita nimi yhdelle riville.
error-person-name-other = Tarkista henkilön nimi.
error-identity-code-required = Kirjoita henkilötunnus.
error-identity-code-format = Kirjoita henkilötunnus muodossa ppkkvv-nnnT, esimerkiksi 131052-308T.
error-identity-code-century-sign = Henkilötunnuksen välimerkki ei ole oikea. Se on +, -, Y, X, W, V, U, A, B, C, D, E tai F.
error-identity-code-date = Henkilötunnuksen syntymäaika ei ole olemassa oleva päivä. Tarkista päivä, kuukausi ja vuosi.
error-identity-code-individual-number = Henkilötunnuksen yksilönumero ei ole oikea. Tarkista henkilötunnus.
error-identity-code-temporary-number = Tämä on väliaikainen henkilötunnus. Kortti tilataan vakinaisella henkilötunnuksella.
error-identity-code-check-character = Henkilötunnuksen tarkistusmerkki ei täsmää. Tarkista henkilötunnus.
error-identity-code-other = Tarkista henkilötunnus.
error-received-on-required = Kirjoita päivä, jona todistus saapui.
error-received-on-format = Kirjoita saapumispäivä muodossa vvvv-kk-pp, esimerkiksi 2026-12-01.
error-received-on-no-such-day = Saapumispäivää ei ole kalenterissa. Tarkista päivä ja kuukausi.
error-received-on-in-future = Saapumispäivä ei voi olla tulevaisuudessa.
error-received-on-other = Tarkista saapumispäivä.
error-delivery-required = Valitse, miten todistus saapui.
error-delivery-other = Valitse, miten todistus saapui: postitse tai henkilökohtaisesti.
error-card-kind-required = Valitse tilattava kortti.
error-card-kind-other = Valitse tilattava kortti listasta.

## Refusals (the server's codes)

refused-forbidden = Sinulla ei ole oikeutta tähän toimintoon.
refused-not-found = Tietoa ei löytynyt. Sitä ei ole tai sinulla ei ole oikeutta nähdä sitä.
refused-business-id-taken = Tällä Y-tunnuksella on jo asiakkuus.
refused-county-taken = Tällä hyvinvointialueella on jo asiakkuus.
refused-contract-already-submitted = Sopimus on jo lähetetty käsiteltäväksi.
refused-contract-not-submitted = Sopimusta ei ole lähetetty käsiteltäväksi.
refused-contract-already-decided = Sopimus on jo ratkaistu.
refused-not-a-wellbeing-county = Vain hyvinvointialue voi tilata rekisteröintipisteitä.
refused-no-granted-contract = Toimikorttisopimusta ei ole vielä myönnetty.
refused-point-order-already-decided = Tilaus on jo ratkaistu.
refused-county-lacks-state-administration-contract = Rekisteröintipisteen hyvinvointialueella ei ole myönnettyä Valtionhallinnon sopimusta. Pelastuslaitos voi valtuuttaa vain rekisteröintipisteen, jonka hyvinvointialueella on se.
refused-county-cannot-authorise = Hyvinvointialue ei valtuuta rekisteröintipisteitä: sen omat pisteet tilaavat sen kortit.
refused-already-authorised = Tämä rekisteröintipiste on jo valtuutettu.
refused-authorisation-already-revoked = Valtuutus on jo peruttu.

## Users and invitations

users-management = Käyttäjien hallinta
users-heading = Käyttäjät
invitations-heading = Kutsut
no-invitations = Ei kutsuja.
role-label = Rooli
member-since = Käyttäjänä alkaen
make-member = Muuta käyttäjäksi
make-administrator = Muuta pääkäyttäjäksi
remove-user = Poista käyttäjä
invitation-pending = odottaa
invitation-accepted = hyväksytty
invitation-expired = vanhentunut
invitation-withdrawn = peruttu
delivery-label = Sähköposti
delivery-queued = jonossa, lähetetään pian
delivery-sent = lähetetty
invitation-sent = Lähetetty
invitation-valid-until = Voimassa
resend-invitation = Lähetä uudelleen
withdraw-invitation = Peru kutsu
invite-heading = Kutsu käyttäjä
invite-email-label = Sähköpostiosoite
invite-email-hint = Kutsu lähetetään tähän osoitteeseen. Linkki on voimassa 7 päivää ja sitä voi käyttää kerran.
invite-language-label = Kutsuviestin kieli
invite-button = Lähetä kutsu
invitation-sent-to = Kutsu lähetetty:
invitation-queued-for = Kutsu on jonossa ja lähtee heti, kun sähköpostipalvelin vastaa:
invitation-title = Kutsu rekisteröintipisteiden hallintaan
invitation-sign-in-first = Kirjaudu sisään hyväksyäksesi kutsun. Palaat tälle sivulle kirjautumisen jälkeen.
invitation-accept-intro = Hyväksymällä kutsun liityt asiakkuuteen kirjautuneena henkilönä.
accept-invitation = Hyväksy kutsu
invitation-accepted-now = Kutsu on hyväksytty.
go-to-account = Siirry asiakkuuteen
audit-invitation-sent = Kutsu lähetetty
audit-invitation-resent = Kutsu lähetetty uudelleen
audit-invitation-withdrawn = Kutsu peruttu
audit-invitation-accepted = Kutsu hyväksytty
audit-member-role-changed = Käyttäjän rooli muutettu
audit-member-removed = Käyttäjä poistettu
refused-invitation-pending = Tähän osoitteeseen on jo voimassa oleva kutsu. Lähetä se tarvittaessa uudelleen.
refused-invitation-unknown = Kutsua ei löytynyt. Tarkista, että avasit koko linkin sähköpostista.
refused-invitation-used = Kutsu on jo käytetty.
refused-invitation-expired = Kutsu on vanhentunut. Pyydä asiakkuuden pääkäyttäjää lähettämään uusi kutsu.
refused-invitation-withdrawn = Kutsu on peruttu.
refused-already-member = Olet jo tämän asiakkuuden käyttäjä.
refused-invitation-resend-limit = Kutsun voi lähettää uudelleen enintään kolme kertaa tunnissa. Yritä myöhemmin uudelleen.
refused-last-administrator = Asiakkuudella on oltava vähintään yksi pääkäyttäjä.
refused-contract-not-granted = Rekisteröijähakemuksen voi tehdä vain myönnetylle toimikorttisopimukselle.
refused-registrar-point-unavailable = Valittu rekisteröintipiste ei ole tämän hyvinvointialueen hyväksytty rekisteröintipiste.
refused-already-registrar = Olet jo rekisteröijä kaikissa valitsemissasi rekisteröintipisteissä.
refused-registrar-application-pending = Sinulla on jo käsittelyä odottava rekisteröijähakemus tälle sopimukselle.
refused-registrar-application-already-decided = Hakemus on jo myönnetty tai hylätty.
refused-registrar-points-required = Valitse vähintään yksi rekisteröintipiste.
refused-attachment-required = Liitä hakemukseen koulutustodistus.
refused-attachment-not-found = Liitettä ei löytynyt. Lataa tiedosto uudelleen.
refused-attachment-empty = Tiedosto on tyhjä. Valitse toinen tiedosto.
refused-attachment-too-large = Tiedosto on liian suuri. Liitteen enimmäiskoko on 5 Mt.
refused-attachment-type-refused = Tiedosto ei ole PDF-, PNG- tai JPEG-tiedosto. Tyyppi tarkistetaan tiedoston sisällöstä, ei sen nimestä.
refused-attachment-name-invalid = Tiedoston nimi ei kelpaa. Nimeä tiedosto uudelleen ja yritä uudelleen.
refused-too-few-registrars = Rekisteröijän oikeuksia ei voi poistaa: rekisteröintipisteeseen jäisi alle kaksi rekisteröijää. Lisää ensin uusi rekisteröijä tai sulje rekisteröintipiste.
refused-registrar-already-removed = Rekisteröijän oikeudet on jo poistettu.
refused-point-not-approved = Vain hyväksytyn rekisteröintipisteen voi sulkea.
refused-point-closed = Rekisteröintipiste on jo suljettu.
refused-not-a-registrar = Yhteystietosähköposti on rekisteröijien. Sinulla ei ole voimassa olevia rekisteröijän oikeuksia.
refused-contact-email-unchanged = Tämä osoite on jo vahvistettu yhteystietosähköpostisi.
refused-no-pending-contact-email = Vahvistusta odottavaa sähköpostiosoitetta ei ole. Anna uusi osoite.
refused-contact-resend-limit = Vahvistusviestejä voi lähettää enintään viisi tunnissa. Yritä myöhemmin uudelleen.
refused-confirmation-unknown = Vahvistuslinkkiä ei löytynyt. Tarkista, että avasit koko linkin uusimmasta sähköpostista.
refused-confirmation-used = Vahvistuslinkki on jo käytetty.
refused-confirmation-expired = Vahvistuslinkki on vanhentunut. Lähetä uusi linkki kohdasta Muuta henkilötietoja.
refused-confirmation-replaced = Olet sen jälkeen antanut toisen osoitteen. Vain uusimman osoitteen linkki on voimassa.
refused-confirmation-other-person = Vahvistuslinkki kuuluu toiselle henkilölle. Vain osoitteen antanut rekisteröijä voi vahvistaa sen omilla tunnuksillaan.
refused-not-point-registrar = Et ole tämän rekisteröintipisteen rekisteröijä. Vain pisteen rekisteröijät voivat katsoa sen asiakkaita ja tilata niille kortteja.
refused-not-a-customer = Organisaatio ei ole tämän rekisteröintipisteen asiakas: se ei ole valtuuttanut pistettä.
refused-customer-authorisation-revoked = Organisaatio on peruuttanut tämän rekisteröintipisteen valtuutuksen. Sille ei voi enää kirjata todistuksia eikä tilata kortteja tässä pisteessä.
refused-certificate-not-applicable = Palvelusuhdetodistus kirjataan vain valtuuttaneen yksityisen sosiaali- tai terveydenhuollon organisaation työntekijälle.
refused-certificate-required = Yksityisen organisaation työntekijän henkilökortin voi tilata vasta, kun hänen palvelusuhdetodistuksensa on kirjattu tähän rekisteröintipisteeseen. Kirjaa todistus ensin.
refused-certificate-already-recorded = Tämän henkilön palvelusuhdetodistus tälle organisaatiolle on jo kirjattu tähän rekisteröintipisteeseen.
refused-card-already-ordered = Sama kortti on jo tilattu tässä rekisteröintipisteessä viimeisen vuorokauden aikana. Katso tilaukset ennen kuin tilaat uudelleen.
