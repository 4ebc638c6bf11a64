# Deals: logging a deal, a client's deals, corrections and deletion: English.

## Logging a deal
deal-ask-amount = { $client }: deal amount in { $currency }?
deal-ask-profit = Profit on this deal (optional)?
deal-ask-date = Date of the deal? Tap, or type e.g. 25.11 or 2026-11-25.
date-today = Today
date-yesterday = Yesterday
deal-ask-note = A note on the deal?
deal-confirm =
    Log this deal?
    { $client }: { $amount }
    Profit: { $profit }
    Date: { $date }
deal-saved = Deal no. { $number } with { $client }: { $amount }. Logged.
deal-saved-first = 🎉 First deal with { $client }: { $amount }. Logged.
deal-client-lost = This client is marked lost. Reactivate it on its card first.

## A client's deals
btn-deals = 💰 Deals
deals-title = Deals of { $client }:
deals-none = { $client } has no deals.
deal-card =
    Deal no. { $number } of { $date }
    Amount: { $amount }
    Profit: { $profit }
    Note: { $note }
deal-list-line = No. { $number } · { $date } · { $amount }
btn-deal-amount = ✏️ Amount
btn-deal-profit = ✏️ Profit
btn-deal-delete = 🗑 Delete
btn-deal-delete-confirm = Yes, delete it
deal-delete-confirm = Delete deal no. { $number }? Its bonus lines stop counting; the change is kept in the audit trail.
deal-deleted = Deal deleted. Bonus lines and the client's deal count are updated.
deal-not-yours = That deal is not one you can change.
deal-ask-new-amount = The correct amount?
deal-ask-new-profit = The correct profit (or skip to clear it)?
deal-edited = Deal corrected; its bonus lines are recomputed.
field-deal = a deal
deals-page = Page { $page }
