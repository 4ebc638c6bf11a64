# डील: डील दर्ज करना, क्लाइंट की डील, सुधार और हटाना: हिन्दी।

## Logging a deal
deal-ask-amount = { $client }: डील की राशि { $currency } में?
deal-ask-profit = इस डील पर मुनाफ़ा (वैकल्पिक)?
deal-ask-date = डील की तारीख़? बटन दबाएँ या लिखें, जैसे 25.11 या 2026-11-25।
date-today = आज
date-yesterday = कल (बीता)
deal-ask-note = डील पर कोई नोट?
deal-confirm =
    यह डील दर्ज करें?
    { $client }: { $amount }
    मुनाफ़ा: { $profit }
    तारीख़: { $date }
deal-saved = { $client } के साथ डील नं. { $number }: { $amount }। दर्ज हो गई।
deal-saved-first = 🎉 { $client } के साथ पहली डील: { $amount }। दर्ज हो गई।
deal-client-lost = यह क्लाइंट खोया हुआ चिह्नित है। पहले इसके कार्ड से इसे फिर सक्रिय करें।

## A client's deals
btn-deals = 💰 डील
deals-title = { $client } की डील:
deals-none = { $client } की कोई डील नहीं।
deal-card =
    डील नं. { $number }, { $date }
    राशि: { $amount }
    मुनाफ़ा: { $profit }
    नोट: { $note }
deal-list-line = नं. { $number } · { $date } · { $amount }
btn-deal-amount = ✏️ राशि
btn-deal-profit = ✏️ मुनाफ़ा
btn-deal-delete = 🗑 हटाएँ
btn-deal-delete-confirm = हाँ, हटाएँ
deal-delete-confirm = डील नं. { $number } हटाएँ? इसकी बोनस पंक्तियाँ गिनी नहीं जाएँगी; बदलाव ऑडिट में रहेगा।
deal-deleted = डील हटा दी गई। बोनस और क्लाइंट की डील संख्या अपडेट हुई।
deal-not-yours = यह डील आप नहीं बदल सकते।
deal-ask-new-amount = सही राशि?
deal-ask-new-profit = सही मुनाफ़ा (या साफ़ करने के लिए छोड़ें)?
deal-edited = डील सुधारी गई; बोनस फिर से गिने गए।
field-deal = डील
deals-page = पृष्ठ { $page }
