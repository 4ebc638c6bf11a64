# CSV import of a client base and CSV exports (directors): English.

cmd-import = Import clients from a CSV file
cmd-export = Export clients, contacts or deals (CSV)

## Import: upload
import-help =
    Send me your client base as a CSV file. In Excel: File → Save as → "CSV UTF-8"; in Google Sheets: File → Download → CSV.
    The first row names the columns. I recognise:
    • name (required): Name, Company, Client
    • Phone (several columns or numbers are fine), Email, Contact person, Source
    • Type: b2b or b2c (b2b if empty); Key account: yes or no
    • Tags (separated by ; or ,), Notes
    Columns may be separated by commas, semicolons or tabs; up to 100,000 rows. Nothing is saved before you see a preview and confirm.
import-not-csv = { $file } is not a CSV file. Save the table as CSV (UTF-8) and send it again: in Excel File → Save as → "CSV UTF-8", in Google Sheets File → Download → CSV.
import-too-big = { $file } is larger than 20 MB, the most a bot may download. Split it into several files.
import-checking = 📥 Got { $file }. Checking it, this takes a moment…

## Import: the file as a whole
import-file-not-text = { $file } is not a text CSV file: it may be an Excel workbook or use an old encoding. Save it as "CSV UTF-8" and send it again.
import-file-empty = { $file } has no rows to import. Send a CSV with a header row and at least one client.
import-file-broken = { $file } could not be read past line { $line }: a quote (") is probably not closed. Fix that line and send the file again.
import-file-no-name-column =
    I could not find the column with client names in { $file }.
    Columns found: { $headers }
    Call that column "Name" (or Company, Client, Название, नाम) and send the file again.
import-file-too-many-rows = { $file } has more than { $max } rows. Split it into several files.
import-file-download = I could not download { $file } from Telegram. Please send it again.
import-file-error = The import of { $file } failed. Please send the file again.

## Import: preview
import-preview =
    📄 { $file }
    Columns:
    { $columns }

    { $counts }
import-counts = Rows: { $rows } · new clients: { $valid } · bad: { $bad } · duplicates: { $duplicates }
import-column = • { $header } → { $field }
import-column-ignored = • { $header } → not imported
import-field-name = name
import-field-phone = phone
import-field-email = email
import-field-contact = contact person
import-field-source = source
import-field-kind = type (b2b/b2c)
import-field-key = key account
import-field-tags = tags
import-field-notes = notes
import-problems-title = Not imported:
import-more = …and { $count } more
import-ask-owner = Whose clients will the { $count } new ones be?
import-nothing-new = There is nothing new to import in this file. The file below lists every row with the reason.
btn-import-pool = 🗂 Team's free pool
import-free-pool = free pool
import-confirm-pool = Import { $count } clients into the team's free pool?
import-confirm-owner = Import { $count } clients for { $name }?
import-owner-gone = That manager is not an active member of your team any more. Choose again.
import-not-found = That import is not in your team.
import-already-started = This import has already been confirmed.
import-cancelled-already = This import was cancelled. Send the file again to start over.
import-cancelled = Import of { $file } cancelled. Nothing was saved.

## Import: rows not imported (also the "reason" column of the CSV)
import-row-line = Row { $row }: { $text }
import-bad-name-missing = no name
import-bad-name-length = the name "{ $value }" must be 2 to 120 characters long
import-bad-phone = "{ $value }" is not a valid phone number
import-bad-email = "{ $value }" is not a valid email address
import-bad-kind = type "{ $value }" is neither b2b nor b2c
import-bad-key = key account "{ $value }" is neither yes nor no
import-bad-too-long = "{ $value }" is too long
import-dup-file = { $reason } as row { $of } of this file
import-dup-team = { $reason } as { $client } ({ $holder }), already in the team
import-reason-phone = same phone
import-reason-email = same email
import-reason-name = very similar name
import-col-row = row
import-col-reason = reason

## Import: running and report
import-started = ⏳ Importing { $count } clients from { $file }… I'll send a report when it is done.
import-progress = ⏳ Importing { $file }: { $done } of { $total } rows read…
import-progress-done = ✅ { $file }: all { $total } rows read. The report is below.
import-done =
    ✅ Import of { $file } finished.
    New clients: { $created } ({ $owner })
    Duplicates skipped: { $duplicates }
    Bad rows: { $bad }
import-done-file = The attached file lists every row that was not imported, with the reason. Fix those rows and send the file back to import them.
import-skipped-caption = Rows of { $file } not imported: { $count }
import-failed = ❌ The import of { $file } stopped because of an error on our side. { $created } clients were saved. Send the file again to import the rest: clients already saved are skipped as duplicates.

## Export
export-choose = What would you like to export?
btn-export-clients = 👥 Clients
btn-export-contacts = 📞 Contacts
btn-export-deals = 💰 Deals
export-what-clients = Clients
export-what-contacts = Contacts
export-what-deals = Deals
export-working = ⏳ Preparing the file: { $what }. It will arrive here in a moment.
export-caption = { $what } of { $team }: { $count } rows, { $date }
export-failed = ❌ I could not prepare or send the file: { $what }. Nothing in the team was changed. Try /export again in a few minutes; if it fails again, tell whoever runs this bot.
export-yes = yes
export-no = no
export-status-active = active
export-status-lost = lost
export-contact-call = call
export-contact-meeting = meeting
export-contact-message = message
export-contact-email = email
export-contact-note = note
export-follow-up-scheduled = scheduled
export-follow-up-sent = reminded
export-follow-up-done = done
export-col-name = Name
export-col-kind = Type
export-col-key = Key account
export-col-phones = Phones
export-col-email = Email
export-col-contact = Contact person
export-col-source = Source
export-col-tags = Tags
export-col-notes = Notes
export-col-owner = Owner
export-col-status = Status
export-col-created = Created
export-col-assigned = Assigned
export-col-first-deal = First deal
export-col-last-deal = Last deal
export-col-deals = Deals
export-col-at = Date and time
export-col-client = Client
export-col-type = Kind of contact
export-col-author = Manager
export-col-text = Text
export-col-follow-up = Follow-up
export-col-follow-up-state = Follow-up status
export-col-date = Date
export-col-manager = Manager
export-col-amount = Amount
export-col-profit = Profit
export-col-currency = Currency
export-col-sequence = Deal no. for the client
export-col-note = Note
export-col-recorded = Recorded
