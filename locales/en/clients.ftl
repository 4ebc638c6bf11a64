# Clients, contacts, deals, follow-ups: English.

cmd-clients = My clients
cmd-newclient = Add a client
cmd-contact = Log a call, meeting or note
cmd-deal = Log a deal
cmd-find = Find a client

btn-skip = Skip ›
btn-yes = Yes
btn-no = No
btn-open-card = Open the card
btn-log-contact = 📞 Log contact
btn-log-deal = 💰 Log deal
btn-edit = ✏️ Edit
btn-mark-lost = ❌ Mark lost
btn-reactivate = ↩️ Reactivate
btn-my-clients = 📋 Clients
btn-by-manager = 👥 By manager
btn-make-b2c = Make it B2C
btn-make-b2b = Make it B2B
btn-mark-key = ⭐ Key account
btn-unmark-key = Not a key account
btn-pin = 📌 Pin (no rotation)
btn-unpin = Unpin

## Errors in answers
error-client-name-length = The name must be 2 to 120 characters long.
error-text-too-long = Please write something, and not too long.
error-phone-invalid = That is not a valid phone number. Type it with the country code, e.g. +49 30 1234567, or send the contact (📎 → Contact).
error-email-invalid = That is not a valid email address.
error-amount-invalid = That does not look like an amount. Examples: 12 500,50 or 12500.5
error-amount-negative = The amount cannot be negative.
error-amount-too-large = That amount is too large.
error-amount-zero = The amount cannot be zero.
error-date-invalid = I don't understand that date. Try today, yesterday, 25.11 or 2026-11-25.
error-date-future = That date is in the future. A deal can only be logged for today or earlier.
error-date-too-old = That date is more than 10 years ago.
error-follow-up-invalid = I don't understand that time. Try "tomorrow 10:00", "in 3 days" or "25.11 15:00".
error-follow-up-past = That time has already passed.

## New client
client-ask-name = Client's name (company or person)?
client-ask-kind = Business or private client?
client-kind-b2b = B2B
client-kind-b2c = B2C
client-ask-key = Is it a key account (a large company)?
client-ask-phone = Phone number? Type it, or send the contact from your phone book (📎 → Contact).
client-ask-email = Email?
client-ask-contact = Contact person?
client-ask-source = Where did the client come from (source)?
client-ask-note = A note?
client-confirm =
    Add this client?
    { $name } · { $kind } · key account: { $key }
    Phone: { $phone }
    Email: { $email }
    Contact: { $contact }
    Source: { $source }
client-created = { $name } is added and is yours.
duplicate-reason-phone = same phone
duplicate-reason-email = same email
duplicate-reason-name = very similar name
duplicate-own = You already have this client: { $name } ({ $reason }).
duplicate-other = { $name } ({ $reason }) is already held by { $holder }. It was not added a second time.
duplicate-pool = { $name } ({ $reason }) is in the team's free pool. Ask your director to assign it to you.

## Picking a client
client-pick = Which client? Tap one or type part of a name, a phone or an email.
client-pick-many = Several clients match. Tap one, or type more.
client-pick-nothing = Nothing matches "{ $text }". Try again or tap a recent client.
client-pick-none-yet = You have no active clients yet. Add one with /newclient.
client-not-yours = That client is not among yours (or no longer exists).

## Contacts and follow-ups
contact-ask-kind = { $client }: what kind of contact?
contact-kind-call = Call
contact-kind-meeting = Meeting
contact-kind-message = Message
contact-kind-email = Email
contact-kind-note = Note
contact-ask-text = What happened? A few words.
contact-ask-follow-up = Follow up later? Tap, type a time ("tomorrow 10:00", "in 3 days", "25.11 15:00"), or skip.
follow-up-tomorrow = Tomorrow 10:00
follow-up-in-3-days = In 3 days
follow-up-next-week = In a week
contact-saved = Logged for { $client }.
contact-saved-reminder = Logged for { $client }. I'll remind you on { $when }.
follow-up-reminder =
    ⏰ Follow up with { $client }
    Last time ({ $kind }): { $text }
btn-follow-up-done = ✔ Done, log it
btn-snooze-hour = +1 hour
btn-snooze-tomorrow = Tomorrow
follow-up-done = ✔ Follow-up done.
follow-up-snoozed = ⏰ I'll remind you again on { $when }.
follow-up-gone = This reminder is no longer active.

## Lists, search, card
filter-active = Active
filter-never-bought = Never bought
filter-key = Key
filter-lost = Lost
clients-title = Your clients ({ $filter }), page { $page }. Soonest to rotate first.
clients-team-title = Team clients ({ $filter }), page { $page }. Soonest to rotate first.
clients-empty = No clients here ({ $filter }).
clients-pick-manager = Whose clients?
client-status-lost = lost
find-usage = Type what to look for after the command, e.g. /find acme or /find 345-67-89
find-results = Found for "{ $text }", page { $page }:
find-nothing = Nothing found for "{ $text }".
free-pool = free pool
rotation-never = does not rotate
rotation-due-now = rotates at the next run
rotation-in-days =
    { $days ->
        [one] rotates in { $days } day
       *[other] rotates in { $days } days
    }
client-key-account = key account
card-owner = Owner: { $owner }
card-lost = ❌ Lost: { $reason }
card-contact = Contact: { $name }
card-source = Source: { $source }
card-deals = Deals: { $count } (first { $first }, last { $last })
card-notes = Notes: { $notes }
card-history = History, page { $page }:
card-history-empty = No history yet.
history-system = Baton
history-deal = Deal { $amount } · { $who }
history-created = Added by { $who }
history-edited = { $who } changed { $field } to "{ $to }"
history-owner = Owner { $from } → { $to } ({ $reason })
history-lost = { $who } marked it lost: { $reason }
history-reactivated = { $who } reactivated it
history-follow-up = ⏰ { $when }
reason-created = new client
reason-imported = import
reason-never-bought = rotation: never bought
reason-lapsed = rotation: no deals for long
reason-manager-deactivated = manager deactivated
reason-manual = by a director
reason-pool-top-up = from the free pool

## Editing
edit-choose-field = { $name }: what to change?
field-name = Name
field-phone = Phone
field-email = Email
field-contactPerson = Contact person
field-source = Source
field-notes = Notes
field-kind = Kind
field-keyAccount = Key account
field-pinned = Pinned
edit-ask-value = New value for { $field }?
edit-saved = { $field } saved.
lost-ask-reason = Why is the client lost? Tap or type.
lost-reason-no-need = No longer needs us
lost-reason-competitor = Went to a competitor
lost-reason-closed = Business closed
lost-reason-unreachable = Cannot be reached
lost-saved = Marked lost. It no longer rotates; reactivate it from its card any time.
