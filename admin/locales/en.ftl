### Every visible string of the registration-point administration in English.
### See fi.ftl.

## Frame

area-name = Registration point administration
error-title-prefix = Error
loading = Loading…
load-failed = The information could not be loaded. Check your connection and try again.
try-again = Try again
sign-in-first = Sign in to see this page
not-found-title = Page not found
not-found-body = There is no page at this address. It may have expired or contain a typing error.
back-to-area-front = To the front page of registration point administration
show-more = Show more
show-older = Show older
actions = Actions
action-failed = The action failed. Try again.
saving = Saving…
choose-one = Choose
error-code-label = Error code:
created = Created
updated = Updated
since = since

## Front page

home-title = Registration point administration
officer-heading = Officer's tasks
your-accounts-heading = Your customer accounts
no-rights-yet = You have no rights to registration point administration yet. If you received an invitation by email, open its link after signing in.
professional-section-heading = Professionals' section
go-to-professional-section = Go to the professionals' section

## Accounts

accounts-title = Customer accounts
accounts-list-heading = All customer accounts
account-title = Customer account
account-label = Customer account
open-account = Open the customer account
open-account-heading = Open a customer account
open-account-button = Open the customer account
organisation-name-label = Organisation's name
business-id-label = Business ID
business-id-hint = In the form 1234567-8
account-kind-label = Kind of account
county-label = Wellbeing services county
your-role-label = Your role
kind-wellbeing-county = Wellbeing services county
kind-private-sote = Private social and health care organisation
kind-rescue-department = Rescue department
role-administrator = Administrator
role-member = User
account-audit-link = The account's audit log
back-to-account = Back to the customer account

## Contracts

pending-matters = Matters in progress
decided-matters = Decided matters
no-matters = No matters.
contract-sote-organisation = Professional card contract
contract-state-administration = State administration contract
state-draft = draft
state-submitted = submitted for a decision
state-granted = granted
state-rejected = rejected
state-label = State
submit-contract = Submit for a decision
grant = Grant
reject = Reject
print-contract = Print the contract
rejection-reason-label = Reason for the rejection
rejection-reason-hint = The reason is shown to the applicant.
rejection-reason-shown = Reason for the rejection
apply-contract-heading = Apply for a professional card contract
apply-contract-intro = The contract is first made as a draft. Submit it for a decision from the actions of matters in progress.
contract-kind-label = Kind of contract
create-draft = Make a draft
contracts-title = Contracts to decide
contracts-intro = Professional card contracts submitted for a decision, oldest first.
nothing-to-decide = Nothing to decide.
print-title = Professional card contract
print-button = Print
contract-number-label = Contract number

## Registration points

points-heading = Registration points
show-point-orders = Show registration point orders
hide-point-orders = Hide registration point orders
no-points = No registration points.
points-need-contract = Registration points can be ordered once the county's professional card contract is granted.
point-ordered = ordered
point-approved = approved
point-rejected = rejected
point-closed = closed
main-point = Main registration point
point-name-label = Registration point's name
postal-address-label = Postal address
postal-address-hint = Street address, postcode and post office, for example Sibeliuksenkatu 1, 04400 Järvenpää
service-number-label = Electronic service number
service-number-hint = Eight digits
order-point-heading = Order a registration point
order-point-button = Order the registration point
point-order-sent = The order has been sent to the Digital and Population Data Services Agency for approval.
point-orders-title = Registration point orders
approve = Approve
show-customers = Show customers
no-customers = No customers.
customer-kind-ys = YS social and health care/organisation

## Authorisations

authorisations-heading = Authorisations
authorisations-intro = An authorisation lets a registration point order the organisation's professional cards.
no-authorisations = No authorisations.
authorisation-needs-contract = A registration point can be authorised once the organisation's professional card contract is granted.
authorise-heading = Authorise a registration point
find-point = Find the registration point
confirm-point-heading = Check the registration point
authorise-button = Authorise this registration point
authorised = Authorised:
authorised-since = In force since
revoked-at = Revoked
revoke = Revoke the authorisation

## Audit log

audit-title = Audit log
audit-empty = No changes.
audit-when = When
audit-who = By
audit-change = Change
audit-before = Before
audit-after = After
audit-account-opened = Customer account opened
audit-member-added = User added
audit-contract-created = Contract draft made
audit-contract-submitted = Contract submitted for a decision
audit-contract-granted = Contract granted
audit-contract-rejected = Contract rejected
audit-point-ordered = Registration point ordered
audit-point-approved = Registration point approved
audit-main-point-created = Main registration point created
audit-point-rejected = Registration point order rejected
audit-point-authorised = Registration point authorised
audit-authorisation-revoked = Authorisation revoked

## Field errors (the domain's codes, for the fields of the area's forms)

error-business-id-required = Enter the Business ID.
error-business-id-check-digit = The check digit of the Business ID does not match. Check the Business ID.
error-business-id-other = Enter the Business ID in the form 1234567-8.
error-service-number-required = Enter the registration point's electronic service number.
error-service-number-check-digit = The electronic service number has a typing error: its last digit does not match the others. Check the number.
error-service-number-not-found = No registration point has this electronic service number. Check the number.
error-service-number-other = The electronic service number is 8 digits, for example 1234 5678.
error-organisation-name-required = Enter the organisation's name.
error-organisation-name-too-short = The organisation's name must have at least 2 characters.
error-organisation-name-too-long = The organisation's name is too long. It can have at most 200 characters.
error-organisation-name-invalid-characters = The organisation's name has a character that cannot be used, such as a line break or a tab. Write the name on one line.
error-organisation-name-other = Check the organisation's name.
error-point-name-required = Enter the registration point's name.
error-point-name-too-short = The registration point's name must have at least 2 characters.
error-point-name-too-long = The registration point's name is too long. It can have at most 200 characters.
error-point-name-invalid-characters = The registration point's name has a character that cannot be used, such as a line break or a tab. Write the name on one line.
error-point-name-other = Check the registration point's name.
error-postal-address-required = Enter the registration point's address.
error-postal-address-too-short = The address is too short. Enter the street address, postal code and post office.
error-postal-address-too-long = The address is too long. It can have at most 300 characters.
error-postal-address-invalid-characters = The address has a character that cannot be used, such as a line break or a tab. Write the address on one line, for example Sibeliuksenkatu 3, 00260 Helsinki.
error-postal-address-other = Check the address.
error-account-kind-required = Choose the type of customer account.
error-account-kind-other = Choose the type of customer account from the list.
error-account-county-required = Choose the wellbeing services county.
error-account-county-other = Choose the wellbeing services county from the list.
error-contract-kind-required = Choose the type of contract.
error-contract-kind-not-for-account-kind = Only a wellbeing services county can make a state administration contract. Choose the social and health care organisation contract.
error-contract-kind-other = Choose the type of contract from the list.
error-rejection-reason-required = Enter the reason for the rejection.
error-rejection-reason-too-long = The reason is too long. It can have at most 1000 characters.
error-rejection-reason-invalid-characters = The reason has a character that cannot be used. Remove it or write the reason again.
error-rejection-reason-other = Check the reason.
error-invitation-email-required = Enter the email address of the person you are inviting.
error-invitation-email-other = The email address is not valid. Enter it in the form name@example.fi.
error-notice-subject-required = Enter the subject of the notice.
error-notice-subject-too-long = The subject is too long. It can have at most 150 characters.
error-notice-subject-invalid-characters = The subject has a character that cannot be used (a line break, for example). Remove it.
error-notice-subject-other = Check the subject.
error-notice-body-required = Enter the text of the notice.
error-notice-body-too-long = The text is too long. It can have at most 10000 characters.
error-notice-body-invalid-characters = The text has a character that cannot be used. Remove it or write the text again.
error-notice-body-other = Check the text.
error-person-name-required = Enter the person's name.
error-person-name-too-short = The person's name must have at least 2 characters.
error-person-name-too-long = The person's name is too long. It can have at most 200 characters.
error-person-name-invalid-characters = The person's name has a character that cannot be used, such as a line break or a tab. Write the name on one line.
error-person-name-other = Check the person's name.
error-identity-code-required = Enter the personal identity code.
error-identity-code-format = Enter the personal identity code as ddmmyy-nnnC, for example 131052-308T.
error-identity-code-century-sign = The personal identity code's century sign is wrong. It is +, -, Y, X, W, V, U, A, B, C, D, E or F.
error-identity-code-date = The date of birth in the personal identity code is not a day that exists. Check the day, month and year.
error-identity-code-individual-number = The personal identity code's individual number is wrong. Check the personal identity code.
error-identity-code-temporary-number = This is a temporary personal identity code. Cards are ordered with a permanent personal identity code.
error-identity-code-check-character = The personal identity code's check character does not match. Check the personal identity code.
error-identity-code-other = Check the personal identity code.
error-received-on-required = Enter the day the certificate arrived.
error-received-on-format = Enter the day as yyyy-mm-dd, for example 2026-12-01.
error-received-on-no-such-day = That day is not in the calendar. Check the day and the month.
error-received-on-in-future = The day the certificate arrived cannot be in the future.
error-received-on-other = Check the day the certificate arrived.
error-delivery-required = Choose how the certificate arrived.
error-delivery-other = Choose how the certificate arrived: by post or in person.
error-card-kind-required = Choose the card to order.
error-card-kind-other = Choose the card to order from the list.

## Refusals (the server's codes)

refused-forbidden = You do not have the right to do this.
refused-not-found = The information was not found. It does not exist or you do not have the right to see it.
refused-business-id-taken = There is already a customer account with this business ID.
refused-county-taken = There is already a customer account for this wellbeing services county.
refused-contract-already-submitted = The contract has already been submitted for a decision.
refused-contract-not-submitted = The contract has not been submitted for a decision.
refused-contract-already-decided = The contract has already been decided.
refused-not-a-wellbeing-county = Only a wellbeing services county can order registration points.
refused-no-granted-contract = The professional card contract has not been granted yet.
refused-point-order-already-decided = The order has already been decided.
refused-county-lacks-state-administration-contract = The registration point's wellbeing services county has no granted State administration contract. A rescue department can authorise only a registration point whose county has one.
refused-county-cannot-authorise = A wellbeing services county does not authorise registration points: its own points order its cards.
refused-already-authorised = This registration point has already been authorised.
refused-authorisation-already-revoked = The authorisation has already been revoked.

## Users and invitations

users-management = User management
users-heading = Users
invitations-heading = Invitations
no-invitations = No invitations.
role-label = Role
member-since = User since
make-member = Change to user
make-administrator = Change to administrator
remove-user = Remove the user
invitation-pending = pending
invitation-accepted = accepted
invitation-expired = expired
invitation-withdrawn = withdrawn
delivery-label = Email
delivery-queued = queued, to be sent shortly
delivery-sent = sent
invitation-sent = Sent
invitation-valid-until = Valid until
resend-invitation = Send again
withdraw-invitation = Withdraw the invitation
invite-heading = Invite a user
invite-email-label = Email address
invite-email-hint = The invitation is sent to this address. Its link is valid for 7 days and can be used once.
invite-language-label = Language of the invitation
invite-button = Send the invitation
invitation-sent-to = Invitation sent:
invitation-queued-for = The invitation is queued and leaves as soon as the email server answers:
invitation-title = Invitation to registration point administration
invitation-sign-in-first = Sign in to accept the invitation. You return to this page after signing in.
invitation-accept-intro = By accepting the invitation you join the customer account as the person signed in.
accept-invitation = Accept the invitation
invitation-accepted-now = The invitation has been accepted.
go-to-account = Go to the customer account
audit-invitation-sent = Invitation sent
audit-invitation-resent = Invitation sent again
audit-invitation-withdrawn = Invitation withdrawn
audit-invitation-accepted = Invitation accepted
audit-member-role-changed = User's role changed
audit-member-removed = User removed
refused-invitation-pending = There is already a valid invitation to this address. Send it again if needed.
refused-invitation-unknown = The invitation was not found. Check that you opened the whole link of the email.
refused-invitation-used = The invitation has already been used.
refused-invitation-expired = The invitation has expired. Ask the account's administrator to send a new one.
refused-invitation-withdrawn = The invitation has been withdrawn.
refused-already-member = You are already a user of this customer account.
refused-invitation-resend-limit = An invitation can be sent again at most three times an hour. Try again later.
refused-last-administrator = The customer account must keep at least one administrator.
refused-contract-not-granted = A registrar application can be made only on a granted professional card contract.
refused-registrar-point-unavailable = A chosen registration point is not an approved registration point of this wellbeing services county.
refused-already-registrar = You are already a registrar at every registration point you chose.
refused-registrar-application-pending = You already have a registrar application on this contract waiting for a decision.
refused-registrar-application-already-decided = The application has already been granted or rejected.
refused-registrar-points-required = Choose at least one registration point.
refused-attachment-required = Attach the training certificate to the application.
refused-attachment-not-found = The attachment was not found. Upload the file again.
refused-attachment-empty = The file is empty. Choose another file.
refused-attachment-too-large = The file is too large. An attachment can be at most 5 MB.
refused-attachment-type-refused = The file is not a PDF, PNG or JPEG file. The type is checked from the file's contents, not its name.
refused-attachment-name-invalid = The file name cannot be used. Rename the file and try again.
refused-too-few-registrars = The registrar's rights cannot be removed: the registration point would be left with fewer than two registrars. Add a new registrar first, or close the registration point.
refused-registrar-already-removed = The registrar's rights have already been removed.
refused-point-not-approved = Only an approved registration point can be closed.
refused-point-closed = The registration point has already been closed.
refused-not-a-registrar = The contact email is for registrars. You have no active registrar rights.
refused-contact-email-unchanged = This address is already your confirmed contact email.
refused-no-pending-contact-email = There is no email address waiting for confirmation. Enter a new address.
refused-contact-resend-limit = At most five confirmation emails can be sent an hour. Try again later.
refused-confirmation-unknown = The confirmation link was not found. Check that you opened the whole link from the newest email.
refused-confirmation-used = The confirmation link has already been used.
refused-confirmation-expired = The confirmation link has expired. Send a new link from Change personal details.
refused-confirmation-replaced = You have entered another address since. Only the newest address's link is valid.
refused-confirmation-other-person = The confirmation link belongs to another person. Only the registrar who entered the address can confirm it, signed in as themselves.
refused-not-point-registrar = You are not a registrar of this registration point. Only the point's registrars can see its customers and order cards for them.
refused-not-a-customer = The organisation is not a customer of this registration point: it has not authorised the point.
refused-customer-authorisation-revoked = The organisation has revoked its authorisation of this registration point. No certificates can be recorded or cards ordered for it here any more.
refused-certificate-not-applicable = Service relationship certificates are recorded only for staff of an authorising private social or health care organisation.
refused-certificate-required = A staff card for a private organisation's staff member can be ordered only once their service relationship certificate is recorded at this registration point. Record the certificate first.
refused-certificate-already-recorded = This person's service relationship certificate for this organisation is already recorded at this registration point.
refused-card-already-ordered = The same card was already ordered at this registration point within the last 24 hours. Check the orders before ordering again.
