# Bonuses: English.

cmd-bonus = My bonus: month to date

bonus-kind-base = base
bonus-kind-uplift = new-client uplift
bonus-kind-acquisition = new-client bonus
bonus-status-released = released
bonus-status-forfeited = forfeited
bonus-held-until = held until { $date }
bonus-reason-retained = client retained
bonus-reason-client-lost = client lost
bonus-reason-no-repeat-deal = no repeat deal in the holdback

## Statements and /bonus
bonus-statement-title = 🧾 Bonus statement for { $month }
bonus-mtd-title = 🧾 Your bonus, { $month } to date
bonus-payable = Payable: { $amount }
bonus-by-kind = Base { $base } · uplift { $uplift } · new-client bonus { $acquisition }
bonus-released-in-month = Released from holdback this month: { $amount }
bonus-held = Held: { $amount }
bonus-release-line = • { $amount } until { $date }
bonus-forfeited = Forfeited: { $amount }
bonus-forfeit-line = • { $amount } ({ $count }): { $reason }
bonus-lines = Lines ({ $shown } of { $total }):
bonus-none-yet = No bonus lines yet this month. Log a deal with /deal.
bonus-team-title = 🧾 Team bonuses for { $month }
bonus-team-mtd-title = 🧾 Team bonuses, { $month } to date
bonus-team-line = • { $name }: payable { $payable }, held { $held }, forfeited { $forfeited }
bonus-team-empty = No bonus lines yet.
bonus-team-total = Total: payable { $payable }, held { $held }, forfeited { $forfeited }
bonus-csv-caption = All bonus lines for { $month }
bonus-holdback-ended = 💸 Holdback ended:
bonus-released-line = • Released { $amount } for { $client } ({ $reason })
bonus-forfeited-line = • Forfeited { $amount } for { $client } ({ $reason })

## The plan
btn-bonus-plan = ⚙️ Bonus plan
bonus-plan =
    Bonus plan (applies to deals logged from now on):
    Base rate { $base } on every deal
    First deal with a client: × { $multiplier }; halving { $halving }; capped at profit { $cap }
    The raised part is held { $holdback } months; paid if { $retention }
    New-client bonus: { $acquisition }
bonus-retention-not-lost = the client is not lost
bonus-retention-repeat-deal = the client also bought again
bonus-setting-baseRateBp = Base rate
bonus-setting-halving = Halving
bonus-setting-capAtProfit = Cap at profit
bonus-setting-holdbackMonths = Holdback months
bonus-setting-acquisitionBonusMinor = New-client bonus
bonus-ask-baseRateBp = Base rate in percent (0–100, e.g. 2 or 2.5)?
bonus-ask-holdbackMonths = For how many months is the raised part held? (0–24)
bonus-ask-acquisitionBonusMinor = Fixed bonus for each new client (0 for none)?
bonus-plan-saved = Saved. It applies to deals logged from now on.
error-percent-invalid = Please type a percentage between 0 and 100, e.g. 2 or 2.5.
