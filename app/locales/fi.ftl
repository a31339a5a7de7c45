### Every visible string of the app in Finnish (suomi).
### Project Fluent syntax (https://projectfluent.org/). `cargo xtask codegen` checks that
### fi.ftl, sv.ftl and en.ftl have the same messages with the same variables, and generates
### the typed keys the app uses into app/src/i18n/strings.rs (`trunk serve` runs it before each
### build; see ARCHITECTURE.md, "Strings in Fluent files").


## Frame: every page

service-name = Mielenterveystalo
section-title = Ammattilaisten osio
skip-to-content = Siirry sisältöön
language-switch-label = Kieli
loading = Ladataan…
load-failed = Tietojen lataaminen epäonnistui. Tarkista verkkoyhteys ja yritä uudelleen.
retry = Yritä uudelleen

## Front page: which way to sign in

guide-title = Kumpi tunnistautumistapa on minun?
guide-question = Työskenteletkö jossakin näistä organisaatioista?
guide-organisations-lead = Näiden organisaatioiden henkilöstö kirjautuu organisaatiotunnistautumisella, samoilla tunnuksilla kuin organisaationsa järjestelmiin. Kaikki muut kirjautuvat henkilökohtaisella tunnistautumisella.
workplace-label = Työpaikkani
workplace-none = Jokin muu kuin nämä
verdict-organisation = Valitse organisaatiotunnistautuminen:
verdict-personal = Valitse henkilökohtainen tunnistautuminen:
personal-method-name = Ammattilaiskäyttäjät ja yhteistyökumppanit (Suomi.fi-tunnistus)
sign-in-menu = Kirjaudu palveluun
sign-in-menu-section = Ammattilaisten osio
sign-out = Kirjaudu ulos
signed-in-as = Kirjautuneena:
account-menu-label = Käyttäjä

## Identification step

identification-title = Tunnistautuminen
role-legend = Valitse roolisi
role-professional = Olen ammattilainen
methods-lead = Valitse tunnistautumistapa. Käytät samoja tunnuksia ensimmäisellä ja jokaisella seuraavalla käyntikerralla.
method-organisation-title = Organisaatiotunnistautuminen
method-organisation-lead = Jos työskentelet jossakin luettelon organisaatioista: kirjaudu samoilla tunnuksilla kuin organisaatiosi järjestelmiin.
method-personal-title = Ammattilaiskäyttäjät ja yhteistyökumppanit
method-personal-lead = Kaikille muille: Suomi.fi-tunnistus Sote-kortilla, VRK-kortilla, pankkitunnuksilla tai mobiilivarmenteella.
choose-group = Valitse ryhmä
choose-organisation = Valitse organisaatio
continue-organisation = Jatka organisaation tunnistukseen
continue-personal = Siirry Suomi.fi-tunnistukseen
# The accessible name of the link above: its visible words, then the words of the choice
# as the hospitals' sign-in guide names it, so a user following the guide finds it.
continue-personal-label = { continue-personal }: { method-personal-title }

## The professionals' section

content-title = Ammattilaisten aineistot
content-lead = Näet aineistot, jotka on tarkoitettu ammattiryhmällesi.
content-kind-treatment-programme = Hoito-ohjelmat
content-kind-symptom-questionnaire = Oirekyselyt
content-kind-referral-guide = Ohjaaminen nettiterapiaan
content-kind-training = Koulutukset
content-sign-in-first = Kirjaudu palveluun nähdäksesi aineistot.
content-profile-first = Aineistot näkyvät, kun olet rekisteröitynyt ja valinnut ammattiryhmäsi profiiliin.

## Registration form

registration-title = Rekisteröityminen
registration-lead = Rekisteröidy kerran ammattilaiskäyttäjäksi. Tarvitsemme yhteystietosi ja organisaatiot, joiden kanssa teet yhteistyötä.
all-required = Kaikki kohdat ovat pakollisia, ellei toisin mainita.
name-label = Nimi
name-hint = Nimesi tulee tunnistautumisesta, eikä sitä voi muuttaa täällä.
phone-label = Puhelinnumero
phone-hint = Esimerkiksi 040 123 4567 tai +358 40 123 4567.
email-label = Sähköpostiosoite
email-hint = Esimerkiksi etunimi.sukunimi@esimerkki.fi.
organisations-legend = Yhteistyöorganisaatiot
organisations-hint = Valitse vähintään yksi organisaatio, jonka kanssa teet yhteistyötä. Hae nimellä tai lyhenteellä, esimerkiksi HUS.
picker-label = Hae organisaatiota tai kuntaa
picker-fallback = Jos työpaikkasi ei ole listalla tai olet yksityinen ammatinharjoittaja, valitse kotikuntasi.
picker-municipality = kunta
picker-chosen-heading = Valitsemasi organisaatiot
picker-none-chosen = Et ole vielä valinnut yhtään organisaatiota.
picker-remove = Poista
save-and-continue = Tallenna ja jatka
save-changes = Tallenna muutokset
saving = Tallennetaan…

## Saving and its failures

error-summary-title = Korjaa seuraavat kohdat
error-title-prefix = Virhe
failure-network = Tallentaminen ei onnistunut, koska yhteys palveluun katkesi. Täyttämäsi tiedot ovat tallessa tällä sivulla. Tarkista verkkoyhteys ja yritä uudelleen.
failure-server = Tallentaminen ei onnistunut palvelun häiriön vuoksi. Täyttämäsi tiedot ovat tallessa tällä sivulla. Yritä hetken kuluttua uudelleen.
failure-session = Istuntosi on päättynyt. Kirjaudu uudelleen: täyttämäsi tiedot säilyvät tässä selainvälilehdessä.
sign-in-again = Kirjaudu uudelleen
already-registered = Olet jo rekisteröitynyt. Voit muuttaa tietojasi Omat tiedot -sivulla; täyttämäsi tiedot siirtyvät sinne.
already-registered-short = Olet jo rekisteröitynyt. Voit muuttaa tietojasi Omat tiedot -sivulla.
already-profiled = Olet jo tehnyt profiilin. Voit muuttaa sitä Omat tiedot -sivulla.
go-to-settings = Siirry Omiin tietoihin
register-first = Rekisteröidy ensin, sitten voit tehdä profiilin.
go-to-registration = Siirry rekisteröitymiseen
go-to-profile = Siirry tekemään profiili
sign-in-to-continue = Kirjaudu palveluun jatkaaksesi.

## Settings (Omat tiedot)

settings-title = Omat tiedot
settings-lead = Voit muuttaa yhteystietojasi, yhteistyöorganisaatioitasi ja profiiliasi.
settings-contact-heading = Yhteystiedot ja yhteistyöorganisaatiot
settings-profile-heading = Profiili
saved = Muutokset on tallennettu.

## Profile

profile-title = Profiili
profile-lead = Rekisteröitymisesi on tallennettu. Valitse vielä ammattiryhmäsi: se ratkaisee, mitkä aineistot näet.
group-label = Ammattiryhmä
group-hint = Valitse ryhmä, joka kuvaa työtäsi parhaiten.
group-choose = Valitse ammattiryhmä
county-label = Hyvinvointialue (vapaaehtoinen)
county-hint = Alue, jolla pääasiassa työskentelet.
county-not-selected = Ei valittu
save-profile = Tallenna profiili
profile-saved-title = Olet nyt rekisteröitynyt ammattilaiskäyttäjäksi
open-section = Siirry ammattilaisten osioon
my-settings = Omat tiedot

## Sign-in failures (codes from the server's /auth/callback)

sign-in-cancelled = Tunnistautuminen keskeytettiin. Voit aloittaa sen uudelleen.
sign-in-expired = Tunnistautuminen vanhentui tai se aloitettiin toisessa välilehdessä. Aloita se uudelleen.
sign-in-failed = Tunnistautuminen ei onnistunut tunnistuspalvelun virheen vuoksi. Yritä hetken kuluttua uudelleen.
means-not-accepted = Käyttämäsi tunnistusväline ei käy tähän palveluun. Tunnistaudu Sote-kortilla, VRK-kortilla, pankkitunnuksilla tai mobiilivarmenteella.

## Session timeout dialog

session-ending-title = Istuntosi on päättymässä
session-ending-body = Istunto päättyy parin minuutin kuluttua, koska et ole käyttänyt palvelua hetkeen. Täyttämäsi tiedot säilyvät tässä välilehdessä.
session-continue = Jatka istuntoa
session-ended-title = Istuntosi päättyi
session-ended-body = Istunto päättyi, koska et käyttänyt palvelua. Kirjaudu uudelleen: täyttämäsi tiedot säilyvät tässä välilehdessä.

## Page not found

not-found-title = Sivua ei löytynyt
not-found-body = Osoitteessa ei ole sivua. Se on voinut siirtyä, tai osoitteessa on kirjoitusvirhe.
back-to-front = Ammattilaisten osion etusivulle

## Field errors: one per field and domain code (the codes of the server's 422 answers)

error-phone-required = Kirjoita puhelinnumero.
error-phone-invalid-characters = Puhelinnumerossa voi olla vain numeroita, välilyöntejä, väliviivoja ja alussa +-merkki.
error-phone-too-short = Puhelinnumero on liian lyhyt. Tarkista numero.
error-phone-too-long = Puhelinnumero on liian pitkä. Tarkista numero.
error-phone-other = Puhelinnumero ei ole kelvollinen. Kirjoita suomalainen numero, esimerkiksi 040 123 4567, tai ulkomainen numero maatunnuksella, esimerkiksi +46 8 123 456 78.
error-email-required = Kirjoita sähköpostiosoite.
error-email-too-long = Sähköpostiosoite on liian pitkä.
error-email-missing-at = Sähköpostiosoitteesta puuttuu @-merkki. Kirjoita osoite muodossa nimi@esimerkki.fi.
error-email-missing-local-part = Kirjoita sähköpostiosoitteeseen nimi ennen @-merkkiä.
error-email-invalid-domain = Sähköpostiosoitteen @-merkin jälkeinen osa ei ole kelvollinen. Sen pitää olla muotoa esimerkki.fi.
error-email-invalid-characters = Sähköpostiosoitteessa on merkki, jota osoitteessa ei voi olla, kuten välilyönti tai toinen @-merkki.
error-email-other = Sähköpostiosoite ei ole kelvollinen. Kirjoita osoite muodossa nimi@esimerkki.fi.
error-organisations-required = Valitse vähintään yksi yhteistyöorganisaatio.
error-organisations-too-many = Voit valita enintään 20 yhteistyöorganisaatiota. Poista ylimääräiset.
error-organisations-duplicate = Sama organisaatio on valittu kahdesti. Poista toinen.
error-organisations-other = Valittua organisaatiota ei ole enää listalla. Poista se ja valitse uudelleen.
error-professional-group-required = Valitse ammattiryhmä.
error-professional-group-other = Valitse ammattiryhmä listasta.
error-wellbeing-county-other = Valitse hyvinvointialue listasta tai ”Ei valittu”.
error-other = Tarkista tämä kohta.

## The workplace guide's organisation code (the front page)

organisation-code-empty = Valitse organisaatio.
organisation-code-unknown = Organisaatiota ei löydy luettelosta.

## Organisation picker announcements (the polite status region) and labels

# $total (number) how many entries match the search
picker-results =
    { $total ->
        [0] Ei hakutuloksia. Kokeile toista hakusanaa tai valitse kotikuntasi.
        [one] { $total } tulos.
       *[other] { $total } tulosta.
    }
# $total (number) how many entries match; $shown (number) how many the list shows
picker-results-truncated = { $total } tulosta, näytetään { $shown } ensimmäistä. Tarkenna hakua.
# $name the organisation; $count (number) how many are chosen now; $max (number) the limit
picker-added = Lisätty: { $name }. Valittuja { $count }/{ $max }.
# $name the organisation
picker-removed = Poistettu: { $name }.
# The remove button's accessible name. $name the organisation
picker-remove-label = Poista { $name }

## Footer: the two pages every public e-service has

footer-label = Palvelun tiedot
accessibility-statement-link = Saavutettavuusseloste
privacy-notice-link = Tietosuojaseloste
operator-examples-note = Ylläpitäjän tiedot tällä sivulla ovat esimerkkejä: palvelu on kehityskäytössä.

## Accessibility statement (Act 306/2019)

accessibility-title = Saavutettavuusseloste
# $controller the organisation that provides the service
accessibility-intro = Tämä saavutettavuusseloste koskee Mielenterveystalon ammattilaisten osiota. Palvelun tarjoaa { $controller }. Pyrimme siihen, että palvelu on saavutettava digitaalisten palvelujen tarjoamisesta annetun lain (306/2019) mukaisesti.
accessibility-status-heading = Palvelun saavutettavuuden tila
accessibility-status = Palvelu täyttää osittain WCAG 2.1 -ohjeiston A- ja AA-tason saavutettavuusvaatimukset. Puutteet, joista tiedämme, on kerrottu alla.
accessibility-known-heading = Sisältö, joka ei ole saavutettavaa
# $hours (number) the session's absolute limit in hours
accessibility-known-session-limit = Kirjautuminen päättyy tietoturvasyistä aina viimeistään { $hours } tunnin kuluttua kirjautumisesta. Tästä ei varoiteta etukäteen, eikä aikaa voi pidentää (WCAG 2.1 -kriteeri 2.2.1 Säädettävä ajoitus). Täyttämäsi tiedot säilyvät selainvälilehdessä, ja voit jatkaa kirjauduttuasi uudelleen. Käyttämättömyyden vuoksi päättyvästä istunnosta varoitetaan etukäteen, ja sitä voi jatkaa.
accessibility-known-reason = Puute johtuu siitä, että palvelu ei tältä osin vielä täytä vaatimuksia.
accessibility-assessment-heading = Miten saavutettavuutta on arvioitu
accessibility-assessment = Arvion on tehnyt palvelun kehittäjä itse. Palvelun automaattiset testit tarkistavat sivut axe-työkalulla WCAG 2.1 -ohjeiston A- ja AA-tason sääntöjä vasten ja käyvät koko asioinnin läpi pelkällä näppäimistöllä suomeksi, ruotsiksi ja englanniksi. Palvelua ei ole vielä arvioinut ulkopuolinen asiantuntija, eikä sitä ole testattu yhdessä ruudunlukijoiden käyttäjien kanssa.
# $date the date of the last assessment
accessibility-assessed = Saavutettavuus on arvioitu viimeksi { $date }.
# $date the date of this statement
accessibility-statement-date = Seloste on laadittu { $date }.
accessibility-feedback-heading = Palaute saavutettavuudesta
accessibility-feedback = Huomasitko puutteen palvelun saavutettavuudessa, tai tarvitsetko sisältöä, joka ei ole saavutettavaa, muussa muodossa? Kerro siitä meille sähköpostilla. Vastaamme 14 päivän kuluessa.
accessibility-feedback-address = Sähköposti:
accessibility-enforcement-heading = Valvontaviranomainen
accessibility-enforcement = Jos huomaat palvelussa saavutettavuusongelmia, anna ensin palautetta meille. Jos et ole tyytyväinen saamaasi vastaukseen tai et saa vastausta kahden viikon kuluessa, voit tehdä ilmoituksen valvontaviranomaiselle, joka on Liikenne- ja viestintävirasto Traficom. Traficomin saavutettavuusvalvonnan sivustolla kerrotaan, miten ilmoituksen voi tehdä ja miten asia käsitellään.
accessibility-enforcement-link = Saavutettavuusvaatimukset.fi: saavutettavuusvalvonta ja ilmoituksen tekeminen
accessibility-enforcement-url = https://www.saavutettavuusvaatimukset.fi/

## Privacy notice (GDPR articles 13 and 14)

privacy-title = Tietosuojaseloste
privacy-intro = Tässä selosteessa kerrotaan, mitä henkilötietoja Mielenterveystalon ammattilaisten osio tallentaa sinusta, miksi ja kuinka kauan, kenelle tietoja luovutetaan ja mitkä ovat oikeutesi (EU:n yleinen tietosuoja-asetus, 13 ja 14 artikla).
privacy-controller-heading = Rekisterinpitäjä ja yhteystiedot
privacy-controller = Rekisterinpitäjä
privacy-controller-contact = Yhteystiedot
privacy-data-protection-officer = Tietosuojavastaava
privacy-data-heading = Tallennettavat henkilötiedot
privacy-data-lead = Palvelu tallentaa sinusta vain seuraavat tiedot.
privacy-term-what = Mitä tallennetaan
privacy-term-why = Käyttötarkoitus
privacy-term-basis = Oikeusperuste
privacy-term-retention = Säilytysaika
privacy-term-recipients = Vastaanottajat
privacy-identifier-title = Tunniste
privacy-identifier-what = Tunnistautumistapasi ja tunniste, jonka tunnistuspalvelu (Suomi.fi-tunnistus tai organisaatiosi tunnistus) antaa sinusta. Tunniste voi olla henkilötunnuksesi.
privacy-identifier-why = Sillä tunnistetaan tallennetut tietosi omiksesi, kun kirjaudut uudelleen.
privacy-contact-details-title = Yhteystiedot
privacy-contact-details-what = Puhelinnumero ja sähköpostiosoite, jotka annoit rekisteröityessäsi.
privacy-contact-details-why = Niiden avulla rekisterinpitäjä voi ottaa sinuun yhteyttä ammattilaiskäyttöösi liittyvissä asioissa.
privacy-cooperation-title = Yhteistyöorganisaatiot
privacy-cooperation-what = Organisaatiot, hyvinvointialueet ja kunnat, jotka valitsit rekisteröityessäsi, valitsemassasi järjestyksessä.
privacy-cooperation-why = Niistä näkyy, minkä organisaatioiden kanssa teet yhteistyötä ammattilaisena.
privacy-group-title = Ammattiryhmä
privacy-group-what = Ammattiryhmä, jonka valitsit profiiliin.
privacy-group-why = Se ratkaisee, mitkä aineistot näet ammattilaisten osiossa.
privacy-county-title = Hyvinvointialue
privacy-county-what = Hyvinvointialue, jolla pääasiassa työskentelet, jos valitsit sen profiiliin. Tieto on vapaaehtoinen.
privacy-county-why = Se kertoo rekisterinpitäjälle, millä alueella palvelun ammattilaiskäyttäjät työskentelevät.
privacy-times-title = Tallennusajat
privacy-times-what = Milloin rekisteröidyit ja teit profiilin, ja milloin muutit niitä viimeksi.
privacy-times-why = Niistä näkyy, kuinka ajantasaisia tiedot ovat.
privacy-session-title = Kirjautumisistunto
privacy-session-what = Istunnon satunnainen tunniste, nimesi ja tunnisteesi sellaisina kuin tunnistuspalvelu ne antoi, kirjautumisen ja viimeisimmän käytön ajankohdat sekä istunnon päättymisaika; kirjautumisen aikana myös kertakäyttöiset tarkistusarvot ja sivu, jolle palaat.
privacy-session-why = Istunto pitää sinut kirjautuneena ja päättää kirjautumisen, kun et käytä palvelua.
privacy-roles-title = Roolit rekisteröintipisteiden hallinnassa
privacy-roles-what = Jos sinulla on rooli rekisteröintipisteiden hallinnassa: oletko Digi- ja väestötietoviraston virkailija, mihin organisaatioiden asiakastileihin kuulut ja millä roolilla (pääkäyttäjä tai jäsen), milloin rooli annettiin ja nimesi sellaisena kuin tunnistuspalvelu sen antoi, kun hyväksyit kutsun. Jos sinut on kutsuttu: sähköpostiosoite, johon kutsu lähetettiin, kutsun kieli, rooli, lähetys- ja voimassaoloajat ja tila, sekä kutsuviesti, kunnes se on lähetetty (lähetetystä viestistä poistetaan kutsulinkki). Jos olet rekisteröijä tai haet rekisteröijäksi: rekisteröintipisteet, joissa sinulla on rekisteröijän oikeudet ja milloin ne annettiin tai päättyivät, rekisteröijähakemuksesi (pisteet, koulutustodistuksen tiedosto, päätöksen sähköpostiosoite ja kieli, tila ja ratkaisu), yhteydenottosähköpostisi ja sen vahvistukset sekä viraston tiedotteet, jotka lähetettiin sinulle.
privacy-roles-why = Roolit ratkaisevat, mitä näet ja mitä voit tehdä rekisteröintipisteiden hallinnassa. Rekisteröijähakemuksen perusteella virasto myöntää rekisteröijän oikeudet, ja yhteydenottosähköpostiin se lähettää rekisteröijille tiedotteensa.
privacy-audit-title = Muutosloki
privacy-audit-what = Jokaisesta rekisteröintipisteiden hallinnan muutoksesta: kuka sen teki (tunnisteesi), milloin, minkä asiakastilin asiaa se koski, mitä tehtiin sekä tiedot ennen muutosta ja sen jälkeen. Lokissa ei ole henkilötunnuksia selväkielisinä.
privacy-audit-why = Loki osoittaa, kuka on tehnyt kunkin päätöksen ja muutoksen, jotta virheet ja väärinkäytökset voidaan selvittää.
privacy-retention-audit = Muutosloki säilytetään yhtä kauan kuin rekisteröintipisteiden hallinnan asiakirjat. Lokimerkintä ei poistu, kun roolisi päättyy.
privacy-organisations-title = Organisaatioiden asiakastilit ja sopimukset
privacy-organisations-what = Asiakastilin organisaation nimi, Y-tunnus, tyyppi ja hyvinvointialue, toimikorttisopimusten tyypit, tilat, ajankohdat ja hylkäysten perustelut, rekisteröintipisteet (nimi, postiosoite, tilauksen tila, sähköinen asiointinumero) sekä organisaation valtuuttamat rekisteröintipisteet valtuutuksen ja sen peruuttamisen ajankohtineen. Ne ovat organisaation tietoja; ne koskevat sinua, jos olet tilin käyttäjä.
privacy-organisations-why = Niillä organisaatiot hakevat toimikorttisopimuksia ja Digi- ja väestötietovirasto ratkaisee hakemukset.
privacy-card-orders-title = Palvelusuhdetodistukset ja korttitilaukset
privacy-card-orders-what = Rekisteröintipisteen rekisteröijän kirjaamat palvelusuhdetodistukset ja tekemät korttitilaukset: työntekijän nimi ja henkilötunnus, organisaatio, todistuksen saapumispäivä ja -tapa, tilattu kortti sekä kuka kirjauksen tai tilauksen teki ja milloin. Henkilötunnus tallennetaan vain salattuna; näkymissä ja muutoslokissa se näytetään peitettynä.
privacy-card-orders-why = Niillä rekisteröintipiste tilaa sosiaali- ja terveydenhuollon kortit organisaatioiden työntekijöille ja varmistaa, että yksityisen organisaation työntekijän palvelussuhde on todistettu ennen tilausta.
privacy-basis-public-task = Yleisen edun mukaisen tehtävän suorittaminen (EU:n yleisen tietosuoja-asetuksen 6 artiklan 1 kohdan e alakohta).
privacy-retention-account = Niin kauan kuin käyttäjätilisi on olemassa. Muutettu tieto korvaa aiemman; vanhoja versioita ei säilytetä palvelussa. Käyttäjätiliä ei vielä voi poistaa palvelussa itse: voit pyytää tietojesi poistamista rekisterinpitäjältä.
# $idle (number) minutes of inactivity; $hours (number) the absolute limit in hours
privacy-retention-session = Istunto poistetaan, kun kirjaudut ulos, ja muuten viimeistään kymmenen minuuttia sen jälkeen, kun olet ollut { $idle } minuuttia käyttämättä palvelua. Kirjautuminen päättyy joka tapauksessa { $hours } tunnin kuluttua.
privacy-recipients-none = Tietoja ei luovuteta kenellekään. Niitä käsittelevät vain rekisterinpitäjä ja sen lukuun palvelua ylläpitävät. Palvelussa ei ole kolmansien osapuolten seuranta- tai analytiikkapalveluja.
privacy-browser-heading = Tiedot selaimessasi
privacy-browser = Kun kirjaudut, palvelu asettaa istuntoevästeen, jossa on vain istunnon satunnainen tunniste; se on välttämätön kirjautumiselle. Kielivalintasi säilytetään selaimesi tallennustilassa. Lomakkeisiin kirjoittamasi tiedot säilytetään luonnoksena selainvälilehdessä, kunnes ne on tallennettu tai kirjaudut ulos, jotta ne eivät katoa; ne poistuvat myös, kun suljet välilehden. Kirjautumisyritysten rajoittamiseksi palvelin pitää IP-osoitteesi muistissa lyhyen aikaa, mutta ei tallenna sitä.
privacy-rights-heading = Oikeutesi
privacy-rights-access = Voit tarkastaa tallennetut tietosi ja korjata ne Omat tiedot -sivulla (oikeus saada pääsy tietoihin ja oikeus tietojen oikaisemiseen).
privacy-rights-settings-link = Siirry Omiin tietoihin
privacy-rights-erasure = Voit pyytää rekisterinpitäjältä tietojesi poistamista tai niiden käsittelyn rajoittamista, ja voit vastustaa tietojesi käsittelyä. Ota yhteyttä rekisterinpitäjään tai tietosuojavastaavaan yllä olevien yhteystietojen kautta.
privacy-rights-automated = Tietojasi ei käytetä automaattiseen päätöksentekoon, jolla olisi sinuun oikeusvaikutuksia.
privacy-rights-complaint = Jos katsot, että tietojesi käsittely rikkoo tietosuojasääntelyä, voit tehdä valituksen tietosuojavaltuutetun toimistolle.
privacy-complaint-link = Tietosuojavaltuutetun toimisto: tietosuoja.fi
privacy-complaint-url = https://tietosuoja.fi/
