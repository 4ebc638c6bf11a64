# Client base rotation: English.

cmd-rotation = Rotation: preview, run, settings
cmd-reports = Reports due on received clients

btn-report = 📝 Report
rotation-more = …and { $count } more.

## A manager's notice
rotation-notice-title = 🔁 Client rotation
rotation-received =
    { $count ->
        [one] You received { $count } client:
       *[other] You received { $count } clients:
    }
rotation-received-line = • { $name }: { $reason }, from { $from }
rotation-report-by = Please file a processing report on each by { $date } (/reports).
rotation-given =
    { $count ->
        [one] You handed over { $count } client:
       *[other] You handed over { $count } clients:
    }
rotation-given-line = • { $name } → { $to }

## The director's summary
rotation-summary-title = 🔁 Rotation { $date } ({ $kind })
rotation-kind-nightly = nightly
rotation-kind-manual = run by a director
rotation-kind-deactivation = manager deactivated
rotation-summary-counts = Moved: { $moved }. Skipped (changed since planning): { $skipped }. Stayed (nobody to take them): { $stayed }.
rotation-summary-counts-deactivation = Handed over: { $moved }. To the free pool: { $pooled }.
rotation-tally-even = { $name }: gave { $gave }, received { $received } (from the pool { $fromPool })
rotation-tally-uneven = { $name }: gave { $gave }, received { $received } (from the pool { $fromPool }), imbalance { $imbalance }
rotation-note-single-manager-level = Level { $level } has only one manager: { $count } due clients stay with their owner.
rotation-note-key-accounts-kept = No higher level than { $level }: { $count } key accounts rotate within it.
rotation-note-pool-exhausted = The free pool ran out: { $name } got { $count } fewer than they gave.
rotation-note-inactive-owner = { $count } clients still belong to deactivated managers.
rotation-note-nearest-level = Nobody else on level { $level }: level { $used } took the clients.
rotation-note-no-managers = The team has no managers yet.
rotation-note-no-active-managers = The team has no active managers.
rotation-note-no-eligible-clients = No client is due to rotate.

## Reports
report-ask-outcome = Report on { $client }: what came of it?
report-outcome-reached-interested = Reached, interested
report-outcome-reached-not-interested = Reached, not interested
report-outcome-unreachable = Unreachable
report-outcome-wrong-contact = Wrong contact data
report-outcome-deal-in-progress = Deal in progress
report-ask-comment = A comment for the director?
report-saved = Report on { $client } saved. Thank you.
report-none-pending = There is no report due on this client.
report-reminder-before = 📝 Tomorrow is the last day for your report on { $client } (due { $date }).
report-reminder-on-day = 📝 Today is the last day for your report on { $client } (due { $date }).
report-overdue-director = ⚠️ { $manager } has not filed the report on { $client } (was due { $date }).
reports-none = No reports due. 👍
reports-title = Reports due: { $count }. Tap a client to file one.

## /rotation
setting-on = on
setting-off = off
rotation-settings =
    🔁 Rotation: { $enabled }, nightly at { $runAt } team time
    Never bought: { $neverBought }, after { $neverBoughtMonths } months with one owner
    Lapsed: { $lapsed }, after { $lapsedMonths } months without a deal
    Report due within { $reportDays } days
btn-rotation-preview = 👁 Preview the next run
btn-rotation-settings = ⚙️ Settings
btn-rotation-history = 📜 Past runs
rotation-preview-title = Next run { $date }: { $count } clients would move.
rotation-preview-line = • { $client }: { $from } → { $to } ({ $reason })
btn-rotation-run-now = ▶️ Run now
btn-rotation-run-confirm = ✔ Yes, run it now
rotation-run-confirm = Run the rotation now? Managers are told at once what they received and gave.
rotation-run-started = Rotation started. You'll get the summary in a moment.
rotation-run-failed = ⚠️ A rotation run ({ $kind }) could not be finished: Telegram or the database kept failing. Clients already handed over stay with their new owners; nothing moves twice. Check /rotation → Past runs, and run it again from a new preview if needed; if it keeps failing, tell whoever runs Baton for your team.
rotation-history-title = Past runs:
rotation-history-line = • { $date } ({ $kind }): moved { $moved }, skipped { $skipped }
rotation-history-empty = No runs yet.
rotation-setting-enabled = Rotation
rotation-setting-neverBoughtEnabled = Never bought rule
rotation-setting-lapsedEnabled = Lapsed rule
rotation-setting-neverBoughtMonths = Never bought, months
rotation-setting-lapsedMonths = Lapsed, months
rotation-setting-reportDays = Report days
rotation-ask-neverBoughtMonths = After how many months with one owner does a client that never bought rotate? (1–60)
rotation-ask-lapsedMonths = After how many months without a deal does a client rotate? (1–120)
rotation-ask-reportDays = Within how many days must the new owner file a report? (1–90)
rotation-setting-saved = Saved. Clients' rotation dates are being updated.
error-setting-out-of-range = Please type a whole number in the range given.
