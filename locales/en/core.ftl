# Baton: English texts, shared and team administration. Every key exists in ru/ and hi/ too (test/locales.test.ts checks).

language-name = English
error-generic = Sorry, something went wrong on our side. Please try again in a minute.
fallback-unknown = I didn't understand that. /help shows what I can do.
button-expired = This button is no longer active.

## Command menu
cmd-start = Start
cmd-help = What I can do
cmd-language = Change language
cmd-cancel = Cancel the current step
cmd-team = Team members and levels
cmd-invite = Invite a manager or director

## Roles
role-director = director
role-manager = manager

## /start
start-guest =
    Hi! I'm Baton, I run a sales team: clients, contacts, deals, client rotation and bonuses.
    You are not in a team yet. Create one and become its director, or ask your director for an invite link.
btn-create-team = Create a team
start-member = Hi, { $name }! You are a { $role } (level { $level }) in { $team }. /help shows what you can do.
start-unknown-link = This link is not valid. Ask whoever sent it for a new one.

## /help
help-guest =
    I help sales teams run their client base.
    • Create a team: /start
    • Joining a team? Open the invite link your director sent you.
    • /language changes my language.
help-manager =
    What you can do:
    • /clients: your clients, soonest to rotate first; tap one for its card and history
    • /newclient: add a client
    • /contact: log a call, meeting, message, email or note, with a reminder
    • /deal: log a deal
    • /find text: search by name, phone or email
    • /reports: reports due on clients you received by rotation
    • /language: change my language
    • /cancel: stop the current step
    Your director manages the team and your level.
help-director =
    What you can do:
    • /team: members, levels, deactivate a manager
    • /invite: a link that adds a manager or director
    • /import: load an existing client base from a CSV; /export: clients, contacts or deals as CSV
    • /rotation: preview and run the client rotation, its settings and past runs
    • /clients: all the team's clients, by manager too
    • /find text, /newclient, /contact, /deal: as for managers
    • /language: change my language
    • /cancel: stop the current step

## /language
language-choose = Choose your language:
language-set = Done, I'll speak English with you.

## Access
access-no-team = You are not in a team. Create one with /start or open your director's invite link.
access-deactivated = Your access to { $team } has been turned off by a director.
access-directors-only = Only a director can do that.
access-no-longer-member = You are no longer an active member of this team, so this was not saved.

## Guided steps
btn-cancel = ✖ Cancel
btn-confirm = ✔ Confirm
btn-back = ← Back
page-of = Page { $page } of { $pages }
cancel-done = Cancelled. Nothing was saved.
cancel-nothing = There is nothing to cancel.
scene-finish-first = Please answer the question above first, or tap Cancel.
scene-need-text = Please answer with a text message.
scene-question-closed = This question is closed; answer the latest one.
scene-timed-out = ⌛ That step was left open too long and has been closed. Nothing was saved; start again whenever you like.
error-use-buttons = Please use the buttons.

## Creating a team
team-create-ask-name = What is your team or company called?
team-create-ask-timezone = Which timezone do you work in? Tap one, or type a zone such as Europe/Berlin or a city such as Dubai.
team-create-ask-country = Which country are you in? Phone numbers typed without a country code will be read as this country's. Tap one or type its two-letter code (e.g. FR).
team-create-ask-currency = Which currency do you sell in? Tap one, or type its three-letter code (e.g. EUR).
team-create-confirm =
    Create this team?
    Name: { $name }
    Timezone: { $timezone }
    Country: { $country }
    Currency: { $currency }
team-created = Team { $name } is ready, and you are its director. Invite your managers with /invite.
team-create-already-member = You are already in a team. In Baton a person works in one team.
error-team-name-length = The name must be 2 to 64 characters long.
error-timezone-unknown = I don't know that timezone. Try a zone like Europe/Moscow or Asia/Kolkata, or a city name.
error-country-unknown = That is not a country code I know. Use two letters such as US, DE, RU or IN.
error-currency-unknown = That is not a currency code I know. Use three letters such as USD, EUR, RUB or INR.

## Invites
invite-ask-role = Whom are you inviting?
invite-ask-level = Level of the new { $role }? 1 is a junior, 5 the most senior.
invite-link =
    Send this link to your new { $role } (level { $level }):
    { $link }
    It works once and expires on { $expires }.
invite-joined = Welcome to { $team }! You are a { $role }, level { $level }. /help shows what you can do.
invite-used-notice = { $name } joined your team as { $role }, level { $level }.
invite-unknown = This invite link is not valid. Ask your director for a new one.
invite-expired = This invite link has expired. Ask your director for a new one.
invite-used = This invite link has already been used. Ask your director for a new one.
invite-already-member = You are already in another team. In Baton a person works in one team.
invite-already-in-this-team = You are already in this team.

## /team
team-list = { $team }: { $count } active members. Tap a member to change the level or deactivate.
team-member-line = { $name } · { $role } · L{ $level }
team-member-line-inactive = { $name } · { $role } · L{ $level } · off
team-member-card =
    { $name }
    Role: { $role }
    Level: { $level }
    Status: { $status }
    Joined: { $joined }
member-active = active
member-inactive = deactivated
btn-deactivate = Deactivate
btn-deactivate-confirm = Yes, deactivate
team-member-not-found = That member is not in your team.
team-level-set = Level set to { $level }.
team-level-managers-only = Levels are set for managers only.
team-deactivate-confirm = Deactivate { $name }? They lose access at once, and their clients go to the team's free pool.
team-deactivated = { $name } is deactivated.
team-deactivate-not-found = That member is not in your team.
team-deactivate-not-a-manager = Only managers can be deactivated.
team-deactivate-already-inactive = That manager is already deactivated.
