# बोनस: हिन्दी।

cmd-bonus = मेरा बोनस: इस महीने अब तक

bonus-kind-base = बेस
bonus-kind-uplift = नए क्लाइंट का अतिरिक्त
bonus-kind-acquisition = नए क्लाइंट का बोनस
bonus-status-released = रोक के बाद जारी
bonus-status-forfeited = ज़ब्त
bonus-held-until = { $date } तक रोका गया
bonus-reason-retained = क्लाइंट बना रहा
bonus-reason-client-lost = क्लाइंट खो गया
bonus-reason-no-repeat-deal = रोक की अवधि में दोबारा डील नहीं

## Statements and /bonus
bonus-statement-title = 🧾 { $month } का बोनस विवरण
bonus-mtd-title = 🧾 आपका बोनस, { $month } में अब तक
bonus-payable = देय: { $amount }
bonus-by-kind = बेस { $base } · अतिरिक्त { $uplift } · नए क्लाइंट बोनस { $acquisition }
bonus-released-in-month = इस महीने रोक से जारी: { $amount }
bonus-held = रोका गया: { $amount }
bonus-release-line = • { $amount } { $date } तक
bonus-forfeited = ज़ब्त: { $amount }
bonus-forfeit-line = • { $amount } ({ $count }): { $reason }
bonus-lines = पंक्तियाँ ({ $total } में से { $shown }):
bonus-none-yet = इस महीने अभी कोई बोनस नहीं। /deal से डील दर्ज करें।
bonus-team-title = 🧾 { $month } के टीम बोनस
bonus-team-mtd-title = 🧾 टीम बोनस, { $month } में अब तक
bonus-team-line = • { $name }: देय { $payable }, रोका { $held }, ज़ब्त { $forfeited }
bonus-team-empty = अभी कोई बोनस नहीं।
bonus-team-total = कुल: देय { $payable }, रोका { $held }, ज़ब्त { $forfeited }
bonus-csv-caption = { $month } की सभी बोनस पंक्तियाँ
bonus-holdback-ended = 💸 रोक की अवधि समाप्त:
bonus-released-line = • { $client } के लिए { $amount } जारी ({ $reason })
bonus-forfeited-line = • { $client } के लिए { $amount } ज़ब्त ({ $reason })

## The plan
btn-bonus-plan = ⚙️ बोनस योजना
bonus-plan =
    बोनस योजना (अब से दर्ज डीलों पर लागू):
    हर डील पर बेस दर { $base }
    क्लाइंट के साथ पहली डील: × { $multiplier }; आधा करना { $halving }; मुनाफ़े तक सीमित { $cap }
    बढ़ा हुआ हिस्सा { $holdback } महीने रोका जाता है; भुगतान यदि { $retention }
    नए क्लाइंट का बोनस: { $acquisition }
bonus-retention-not-lost = क्लाइंट खोया नहीं
bonus-retention-repeat-deal = क्लाइंट ने दोबारा भी खरीदा
bonus-setting-baseRateBp = बेस दर
bonus-setting-halving = आधा करना
bonus-setting-capAtProfit = मुनाफ़े तक सीमा
bonus-setting-holdbackMonths = रोक के महीने
bonus-setting-acquisitionBonusMinor = नए क्लाइंट का बोनस
bonus-ask-baseRateBp = बेस दर प्रतिशत में (0–100, जैसे 2 या 2.5)?
bonus-ask-holdbackMonths = बढ़ा हुआ हिस्सा कितने महीने रोका जाए? (0–24)
bonus-ask-acquisitionBonusMinor = हर नए क्लाइंट के लिए तय बोनस (0 = कोई नहीं)?
bonus-plan-saved = सहेजा गया। अब से दर्ज डीलों पर लागू।
error-percent-invalid = कृपया 0 से 100 के बीच प्रतिशत लिखें, जैसे 2 या 2.5।
