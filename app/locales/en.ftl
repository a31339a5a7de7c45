### Every visible string of the app in English.
### Project Fluent syntax (https://projectfluent.org/). `cargo xtask codegen` checks that
### fi.ftl, sv.ftl and en.ftl have the same messages with the same variables, and generates
### the typed keys the app uses into app/src/i18n/strings.rs (`trunk serve` runs it before each
### build; see ARCHITECTURE.md, "Strings in Fluent files").


## Frame: every page

service-name = Mielenterveystalo
section-title = Professionals' section
skip-to-content = Skip to content
language-switch-label = Language
loading = Loading…
load-failed = Loading the information failed. Check your network connection and try again.
retry = Try again

## Front page: which way to sign in

guide-title = Which sign-in method is mine?
guide-question = Do you work at one of these organisations?
guide-organisations-lead = Staff of these organisations sign in with organisation identification, using the same credentials as in their organisation's systems. Everyone else signs in with personal identification.
workplace-label = My workplace
workplace-none = None of these
verdict-organisation = Choose organisation identification:
verdict-personal = Choose personal identification:
personal-method-name = Professional users and partners (Suomi.fi identification)
sign-in-menu = Sign in to the service
sign-in-menu-section = Professionals' section
sign-out = Sign out
signed-in-as = Signed in:
account-menu-label = User

## Identification step

identification-title = Identification
role-legend = Choose your role
role-professional = I am a professional
methods-lead = Choose how to identify yourself. You use the same credentials on your first and every later visit.
method-organisation-title = Organisation identification
method-organisation-lead = If you work at one of the listed organisations: sign in with the same credentials as in your organisation's systems.
method-personal-title = Professional users and partners
method-personal-lead = Everyone else: Suomi.fi identification with a Sote card, a VRK card, online bank credentials or a mobile certificate.
choose-group = Choose the group
choose-organisation = Choose the organisation
continue-organisation = Continue to your organisation's sign-in
continue-personal = Go to Suomi.fi identification
# The accessible name of the link above: its visible words, then the words of the choice
# as the hospitals' sign-in guide names it, so a user following the guide finds it.
continue-personal-label = { continue-personal }: { method-personal-title }

## The professionals' section

content-title = Materials for professionals
content-lead = You see the materials meant for your professional group.
content-kind-treatment-programme = Treatment programmes
content-kind-symptom-questionnaire = Symptom questionnaires
content-kind-referral-guide = Referring to internet therapies
content-kind-training = Training
content-sign-in-first = Sign in to see the materials.
content-profile-first = The materials appear once you have registered and chosen your professional group in your profile.

## Registration form

registration-title = Registration
registration-lead = Register once as a professional user. We need your contact details and the organisations you work with.
all-required = All fields are required unless marked optional.
name-label = Name
name-hint = Your name comes from the identification and cannot be changed here.
phone-label = Phone number
phone-hint = For example 040 123 4567 or +358 40 123 4567.
email-label = Email address
email-hint = For example firstname.lastname@example.fi.
organisations-legend = Cooperation organisations
organisations-hint = Choose at least one organisation you work with. Search by name or abbreviation, for example HUS.
picker-label = Search for an organisation or municipality
picker-fallback = If your workplace is not on the list, or you are a private practitioner, choose your home municipality.
picker-municipality = municipality
picker-chosen-heading = Organisations you chose
picker-none-chosen = You have not chosen any organisation yet.
picker-remove = Remove
save-and-continue = Save and continue
save-changes = Save changes
saving = Saving…

## Saving and its failures

error-summary-title = Fix the following
error-title-prefix = Error
failure-network = Saving failed because the connection to the service was lost. What you filled in is kept on this page. Check your network connection and try again.
failure-server = Saving failed because of a fault in the service. What you filled in is kept on this page. Try again in a moment.
failure-session = Your session has ended. Sign in again: what you filled in is kept in this browser tab.
sign-in-again = Sign in again
already-registered = You have already registered. You can change your details on the My details page; what you filled in goes with you.
already-registered-short = You have already registered. You can change your details on the My details page.
already-profiled = You have already made your profile. You can change it on the My details page.
go-to-settings = Go to My details
register-first = Register first, then you can make your profile.
go-to-registration = Go to registration
go-to-profile = Go to your profile
sign-in-to-continue = Sign in to the service to continue.

## Settings (Omat tiedot)

settings-title = My details
settings-lead = You can change your contact details, cooperation organisations and profile.
settings-contact-heading = Contact details and cooperation organisations
settings-profile-heading = Profile
saved = Your changes have been saved.

## Profile

profile-title = Profile
profile-lead = Your registration is saved. Now choose your professional group: it decides which materials you see.
group-label = Professional group
group-hint = Choose the group that best describes your work.
group-choose = Choose a professional group
county-label = Wellbeing services county (optional)
county-hint = The area where you mainly work.
county-not-selected = Not selected
save-profile = Save profile
profile-saved-title = You are now registered as a professional user
open-section = Go to the professionals' section
my-settings = My details

## Sign-in failures (codes from the server's /auth/callback)

sign-in-cancelled = The identification was cancelled. You can start again.
sign-in-expired = The identification expired or was started in another tab. Start again.
sign-in-failed = The identification failed because of an error in the identification service. Try again in a moment.
means-not-accepted = The means you used is not accepted in this service. Identify with a Sote card, a VRK card, online bank credentials or a mobile certificate.

## Session timeout dialog

session-ending-title = Your session is about to end
session-ending-body = Your session ends in a couple of minutes because you have not used the service for a while. What you filled in is kept in this tab.
session-continue = Continue the session
session-ended-title = Your session has ended
session-ended-body = The session ended because you did not use the service. Sign in again: what you filled in is kept in this tab.

## Page not found

not-found-title = Page not found
not-found-body = There is no page at this address. It may have moved, or the address may have a typo.
back-to-front = To the front page of the professionals' section

## Field errors: one per field and domain code (the codes of the server's 422 answers)

error-phone-required = Enter your phone number.
error-phone-invalid-characters = A phone number can only contain digits, spaces, hyphens and a + at the start.
error-phone-too-short = The phone number is too short. Check the number.
error-phone-too-long = The phone number is too long. Check the number.
error-phone-other = The phone number is not valid. Enter a Finnish number, for example 040 123 4567, or a foreign number with its country code, for example +46 8 123 456 78.
error-email-required = Enter your email address.
error-email-too-long = The email address is too long.
error-email-missing-at = The email address is missing an @. Enter it in the form name@example.fi.
error-email-missing-local-part = Enter the name before the @ in the email address.
error-email-invalid-domain = The part after the @ is not valid. It must be like example.fi.
error-email-invalid-characters = The email address has a character an address cannot have, such as a space or a second @.
error-email-other = The email address is not valid. Enter it in the form name@example.fi.
error-organisations-required = Choose at least one cooperation organisation.
error-organisations-too-many = You can choose at most 20 cooperation organisations. Remove the extra ones.
error-organisations-duplicate = The same organisation is chosen twice. Remove one of them.
error-organisations-other = A chosen organisation is no longer on the list. Remove it and choose again.
error-professional-group-required = Choose your professional group.
error-professional-group-other = Choose a professional group from the list.
error-wellbeing-county-other = Choose a county from the list, or “Not selected”.
error-other = Check this field.

## The workplace guide's organisation code (the front page)

organisation-code-empty = Choose an organisation.
organisation-code-unknown = The organisation is not on the list.

## Organisation picker announcements (the polite status region) and labels

picker-results =
    { $total ->
        [0] No results. Try another search or choose your home municipality.
        [one] { $total } result.
       *[other] { $total } results.
    }
picker-results-truncated = { $total } results, showing the first { $shown }. Refine your search.
picker-added = Added: { $name }. Chosen { $count }/{ $max }.
picker-removed = Removed: { $name }.
picker-remove-label = Remove { $name }

## Footer: the two pages every public e-service has

footer-label = About the service
accessibility-statement-link = Accessibility statement
privacy-notice-link = Privacy notice
operator-examples-note = The details of the service provider on this page are examples: the service is in development use.

## Accessibility statement (Act 306/2019)

accessibility-title = Accessibility statement
# $controller the organisation that provides the service
accessibility-intro = This accessibility statement applies to the professionals' section of Mielenterveystalo. The service is provided by { $controller }. We aim to make the service accessible in accordance with the Act on the Provision of Digital Services (306/2019).
accessibility-status-heading = Compliance status
accessibility-status = The service partially conforms to the level A and AA accessibility requirements of the WCAG 2.1 guidelines. The shortcomings we know of are described below.
accessibility-known-heading = Non-accessible content
# $hours (number) the session's absolute limit in hours
accessibility-known-session-limit = For security, a sign-in always ends { $hours } hours after signing in at the latest. There is no warning beforehand, and the time cannot be extended (WCAG 2.1 success criterion 2.2.1 Timing Adjustable). What you have filled in stays in the browser tab, and you can continue after signing in again. A session that ends for inactivity is announced beforehand and can be continued.
accessibility-known-reason = The shortcoming is because the service does not yet meet the requirements in this respect.
accessibility-assessment-heading = How accessibility was assessed
accessibility-assessment = The assessment was made by the service's developers themselves. The service's automated tests check its pages with the axe tool against the WCAG 2.1 level A and AA rules and go through the whole service by keyboard alone in Finnish, Swedish and English. The service has not yet been assessed by an outside expert, nor tested together with screen reader users.
# $date the date of the last assessment
accessibility-assessed = Accessibility was last assessed on { $date }.
# $date the date of this statement
accessibility-statement-date = This statement was prepared on { $date }.
accessibility-feedback-heading = Feedback on accessibility
accessibility-feedback = Did you notice a shortcoming in the accessibility of the service, or do you need content that is not accessible in another form? Tell us by e-mail. We will reply within 14 days.
accessibility-feedback-address = E-mail:
accessibility-enforcement-heading = Enforcement procedure
accessibility-enforcement = If you notice accessibility problems in the service, first give feedback to us. If you are not satisfied with the reply, or you receive no reply within two weeks, you can notify the supervisory authority, the Finnish Transport and Communications Agency Traficom. Traficom's accessibility supervision website explains how to make a notification and how it is handled.
accessibility-enforcement-link = Saavutettavuusvaatimukset.fi: accessibility supervision and how to notify
accessibility-enforcement-url = https://www.saavutettavuusvaatimukset.fi/

## Privacy notice (GDPR articles 13 and 14)

privacy-title = Privacy notice
privacy-intro = This notice tells you what personal data the professionals' section of Mielenterveystalo stores about you, why and for how long, to whom it is disclosed, and what your rights are (EU General Data Protection Regulation, articles 13 and 14).
privacy-controller-heading = Controller and contact details
privacy-controller = Controller
privacy-controller-contact = Contact details
privacy-data-protection-officer = Data protection officer
privacy-data-heading = Personal data stored
privacy-data-lead = The service stores only the following data about you.
privacy-term-what = What is stored
privacy-term-why = Purpose
privacy-term-basis = Legal basis
privacy-term-retention = How long it is kept
privacy-term-recipients = Recipients
privacy-identifier-title = Identifier
privacy-identifier-what = How you signed in and the identifier the identification service (Suomi.fi identification or your organisation's identification) gives for you. The identifier may be your personal identity code.
privacy-identifier-why = It recognises your stored data as yours when you sign in again.
privacy-contact-details-title = Contact details
privacy-contact-details-what = The phone number and e-mail address you gave when you registered.
privacy-contact-details-why = With them the controller can contact you about your use of the service as a professional.
privacy-cooperation-title = Cooperation organisations
privacy-cooperation-what = The organisations, wellbeing services counties and municipalities you chose when you registered, in the order you chose them.
privacy-cooperation-why = They show which organisations you cooperate with as a professional.
privacy-group-title = Professional group
privacy-group-what = The professional group you chose in your profile.
privacy-group-why = It decides which materials you see in the professionals' section.
privacy-county-title = Wellbeing services county
privacy-county-what = The wellbeing services county where you mainly work, if you chose one in your profile. It is optional.
privacy-county-why = It tells the controller in which area the service's professional users work.
privacy-times-title = Times of saving
privacy-times-what = When you registered and made your profile, and when you last changed them.
privacy-times-why = They show how up to date the data is.
privacy-session-title = Sign-in session
privacy-session-what = The session's random identifier, your name and identifier as the identification service gave them, the times of signing in and of your latest activity, and when the session expires; while you sign in, also one-time check values and the page you return to.
privacy-session-why = The session keeps you signed in and ends the sign-in when you do not use the service.
privacy-roles-title = Roles in the registration-point administration
privacy-roles-what = If you have a role in the registration-point administration: whether you are an officer of the Digital and Population Data Services Agency, which organisations' customer accounts you belong to and in which role (administrator or member), when the role was given, and your name as the identification service gave it when you accepted an invitation. If you have been invited: the email address the invitation was sent to, its language, role, when it was sent and until when it is valid, and its state, and the invitation email until it has been sent (the link is removed from a sent email). If you are a registrar or apply to be one: the registration points where you have registrar rights and when they were given or ended, your registrar application (the points, the training certificate's file, the decision's email address and language, its state and decision), your contact email and its confirmations, and the agency's notices sent to you.
privacy-roles-why = The roles decide what you see and what you can do in the registration-point administration. The agency grants registrar rights on a registrar application, and sends its notices to registrars at their contact email.
privacy-audit-title = Change log
privacy-audit-what = For every change in the registration-point administration: who made it (your identifier), when, which customer account it concerned, what was done, and the data before and after the change. The log holds no personal identity codes in clear.
privacy-audit-why = The log shows who made each decision and change, so that mistakes and misuse can be investigated.
privacy-retention-audit = The change log is kept as long as the registration-point administration's records. An entry in the log does not disappear when your role ends.
privacy-organisations-title = Organisations' customer accounts and contracts
privacy-organisations-what = The name, business ID, kind and wellbeing services county of a customer account's organisation, the kinds, states, times and reasons for rejection of its professional card contracts, its registration points (name, postal address, state of the order, electronic service number) and the registration points it authorises, with the times of authorisation and revocation. They are the organisation's data; they concern you if you are a user of the account.
privacy-organisations-why = With them organisations apply for professional card contracts and the Digital and Population Data Services Agency decides the applications.
privacy-card-orders-title = Service relationship certificates and card orders
privacy-card-orders-what = The service relationship certificates a registration point's registrar has recorded and the cards they have ordered: the staff member's name and personal identity code, the organisation, the day and the way the certificate arrived, the card ordered, and who made the record or the order and when. The personal identity code is stored only encrypted; views and the change log show it masked.
privacy-card-orders-why = With them the registration point orders social and health care cards for organisations' staff and makes sure that a private organisation's staff member's service relationship is certified before the order.
privacy-basis-public-task = Performance of a task carried out in the public interest (EU General Data Protection Regulation, article 6(1)(e)).
privacy-retention-account = As long as your user account exists. A changed detail replaces the earlier one; earlier versions are not kept in the service. You cannot yet delete your account in the service yourself: you can ask the controller to erase your data.
# $idle (number) minutes of inactivity; $hours (number) the absolute limit in hours
privacy-retention-session = The session is deleted when you sign out, and otherwise at the latest ten minutes after you have not used the service for { $idle } minutes. The sign-in ends after { $hours } hours in any case.
privacy-recipients-none = The data is not disclosed to anyone. Only the controller and those who run the service on its behalf process it. The service has no third-party tracking or analytics.
privacy-browser-heading = Data in your browser
privacy-browser = When you sign in, the service sets a session cookie holding only the session's random identifier; it is necessary for signing in. Your choice of language is kept in your browser's storage. What you type into the forms is kept as a draft in the browser tab until it has been saved or you sign out, so that it is not lost; drafts also disappear when you close the tab. To limit sign-in attempts, the server keeps your IP address in memory for a short time, but does not store it.
privacy-rights-heading = Your rights
privacy-rights-access = You can see your stored data and correct it on the My details page (the right of access and the right to rectification).
privacy-rights-settings-link = Go to My details
privacy-rights-erasure = You can ask the controller to erase your data or restrict its processing, and you can object to the processing. Contact the controller or the data protection officer through the contact details above.
privacy-rights-automated = Your data is not used for automated decision-making that has legal effects on you.
privacy-rights-complaint = If you consider that the processing of your data breaks data protection law, you can lodge a complaint with the Office of the Data Protection Ombudsman.
privacy-complaint-link = Office of the Data Protection Ombudsman: tietosuoja.fi
privacy-complaint-url = https://tietosuoja.fi/en/
