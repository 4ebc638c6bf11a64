# क्लाइंट, संपर्क, डील, रिमाइंडर: हिन्दी।

cmd-clients = मेरे क्लाइंट
cmd-newclient = क्लाइंट जोड़ें
cmd-contact = कॉल, मीटिंग या नोट दर्ज करें
cmd-deal = डील दर्ज करें
cmd-find = क्लाइंट खोजें

btn-skip = छोड़ें ›
btn-yes = हाँ
btn-no = नहीं
btn-open-card = कार्ड खोलें
btn-log-contact = 📞 संपर्क
btn-log-deal = 💰 डील
btn-edit = ✏️ बदलें
btn-mark-lost = ❌ खोया हुआ
btn-reactivate = ↩️ फिर सक्रिय करें
btn-my-clients = 📋 क्लाइंट
btn-by-manager = 👥 मैनेजर के अनुसार
btn-make-b2c = B2C बनाएँ
btn-make-b2b = B2B बनाएँ
btn-mark-key = ⭐ की अकाउंट
btn-unmark-key = की अकाउंट नहीं
btn-pin = 📌 पिन करें (रोटेशन नहीं)
btn-unpin = पिन हटाएँ

## Errors in answers
error-client-name-length = नाम 2 से 120 अक्षरों का होना चाहिए।
error-text-too-long = कृपया कुछ लिखें, पर बहुत लंबा नहीं।
error-phone-invalid = यह मान्य फ़ोन नंबर नहीं है। देश कोड के साथ लिखें, जैसे +91 98765 43210, या संपर्क भेजें (📎 → Contact)।
error-email-invalid = यह मान्य ईमेल पता नहीं है।
error-amount-invalid = यह राशि जैसी नहीं लगती। उदाहरण: 12 500,50 या 12500.5
error-amount-negative = राशि ऋणात्मक नहीं हो सकती।
error-amount-too-large = यह राशि बहुत बड़ी है।
error-amount-zero = राशि शून्य नहीं हो सकती।
error-date-invalid = मैं यह तारीख़ नहीं समझा। आज, कल, 25.11 या 2026-11-25 आज़माएँ।
error-date-future = यह तारीख़ भविष्य की है। डील केवल आज या उससे पहले की दर्ज हो सकती है।
error-date-too-old = यह तारीख़ 10 साल से अधिक पुरानी है।
error-follow-up-invalid = मैं यह समय नहीं समझा। "कल 10:00", "3 दिन में" या "25.11 15:00" आज़माएँ।
error-follow-up-past = यह समय बीत चुका है।

## New client
client-ask-name = क्लाइंट का नाम (कंपनी या व्यक्ति)?
client-ask-kind = व्यवसाय या निजी क्लाइंट?
client-kind-b2b = B2B
client-kind-b2c = B2C
client-ask-key = क्या यह की अकाउंट (बड़ी कंपनी) है?
client-ask-phone = फ़ोन नंबर? लिखें, या फ़ोन बुक से संपर्क भेजें (📎 → Contact)।
client-ask-email = ईमेल?
client-ask-contact = संपर्क व्यक्ति?
client-ask-source = क्लाइंट कहाँ से आया (स्रोत)?
client-ask-note = कोई नोट?
client-confirm =
    यह क्लाइंट जोड़ें?
    { $name } · { $kind } · की अकाउंट: { $key }
    फ़ोन: { $phone }
    ईमेल: { $email }
    संपर्क: { $contact }
    स्रोत: { $source }
client-created = { $name } जोड़ दिया गया और अब आपका है।
duplicate-reason-phone = वही फ़ोन
duplicate-reason-email = वही ईमेल
duplicate-reason-name = बहुत मिलता-जुलता नाम
duplicate-own = यह क्लाइंट आपके पास पहले से है: { $name } ({ $reason })।
duplicate-other = { $name } ({ $reason }) पहले से { $holder } के पास है। इसे दोबारा नहीं जोड़ा गया।
duplicate-pool = { $name } ({ $reason }) टीम के फ्री पूल में है। अपने डायरेक्टर से इसे आपको सौंपने को कहें।

## Picking a client
client-pick = कौन सा क्लाइंट? बटन दबाएँ या नाम, फ़ोन या ईमेल का हिस्सा लिखें।
client-pick-many = कई क्लाइंट मेल खाते हैं। एक चुनें या और लिखें।
client-pick-nothing = "{ $text }" से कुछ नहीं मिला। फिर कोशिश करें या हाल का क्लाइंट चुनें।
client-pick-none-yet = आपके पास अभी कोई सक्रिय क्लाइंट नहीं है। /newclient से जोड़ें।
client-not-yours = यह क्लाइंट आपके क्लाइंटों में नहीं है (या अब मौजूद नहीं है)।

## Contacts and follow-ups
contact-ask-kind = { $client }: किस तरह का संपर्क?
contact-kind-call = कॉल
contact-kind-meeting = मीटिंग
contact-kind-message = संदेश
contact-kind-email = ईमेल
contact-kind-note = नोट
contact-ask-text = क्या हुआ? कुछ शब्द।
contact-ask-follow-up = बाद में फ़ॉलो-अप? बटन दबाएँ, समय लिखें ("कल 10:00", "3 दिन में", "25.11 15:00") या छोड़ें।
follow-up-tomorrow = कल 10:00
follow-up-in-3-days = 3 दिन में
follow-up-next-week = एक हफ़्ते में
contact-saved = { $client } के लिए दर्ज किया।
contact-saved-reminder = { $client } के लिए दर्ज किया। मैं { $when } को याद दिलाऊँगा।
follow-up-reminder =
    ⏰ { $client } से फ़ॉलो-अप करें
    पिछली बार ({ $kind }): { $text }
btn-follow-up-done = ✔ हो गया, दर्ज करें
btn-snooze-hour = +1 घंटा
btn-snooze-tomorrow = कल
follow-up-done = ✔ फ़ॉलो-अप पूरा।
follow-up-snoozed = ⏰ मैं { $when } को फिर याद दिलाऊँगा।
follow-up-gone = यह रिमाइंडर अब सक्रिय नहीं है।

## Lists, search, card
filter-active = सक्रिय
filter-never-bought = कभी नहीं खरीदा
filter-key = की
filter-lost = खोए हुए
clients-title = आपके क्लाइंट ({ $filter }), पेज { $page }। जल्द रोटेट होने वाले पहले।
clients-team-title = टीम के क्लाइंट ({ $filter }), पेज { $page }। जल्द रोटेट होने वाले पहले।
clients-empty = यहाँ कोई क्लाइंट नहीं ({ $filter })।
clients-pick-manager = किसके क्लाइंट?
client-status-lost = खोया
find-usage = कमांड के बाद लिखें क्या खोजना है, जैसे /find acme या /find 98765
find-results = "{ $text }" के लिए मिले, पेज { $page }:
find-nothing = "{ $text }" के लिए कुछ नहीं मिला।
free-pool = फ्री पूल
rotation-never = रोटेट नहीं होता
rotation-due-now = अगले रोटेशन में जाएगा
rotation-in-days =
    { $days ->
        [one] { $days } दिन में रोटेशन
       *[other] { $days } दिनों में रोटेशन
    }
client-key-account = की अकाउंट
card-owner = मालिक: { $owner }
card-lost = ❌ खोया: { $reason }
card-contact = संपर्क: { $name }
card-source = स्रोत: { $source }
card-deals = डील: { $count } (पहली { $first }, आख़िरी { $last })
card-notes = नोट: { $notes }
card-history = इतिहास, पेज { $page }:
card-history-empty = अभी कोई इतिहास नहीं।
history-system = Baton
history-deal = डील { $amount } · { $who }
history-created = { $who } ने जोड़ा
history-edited = { $who } ने { $field } बदला: "{ $to }"
history-owner = मालिक { $from } → { $to } ({ $reason })
history-lost = { $who } ने खोया चिह्नित किया: { $reason }
history-reactivated = { $who } ने फिर सक्रिय किया
history-follow-up = ⏰ { $when }
reason-created = नया क्लाइंट
reason-imported = इम्पोर्ट
reason-never-bought = रोटेशन: कभी नहीं खरीदा
reason-lapsed = रोटेशन: लंबे समय से कोई डील नहीं
reason-manager-deactivated = मैनेजर निष्क्रिय
reason-manual = डायरेक्टर द्वारा
reason-pool-top-up = फ्री पूल से

## Editing
edit-choose-field = { $name }: क्या बदलें?
field-name = नाम
field-phone = फ़ोन
field-email = ईमेल
field-contactPerson = संपर्क व्यक्ति
field-source = स्रोत
field-notes = नोट
field-kind = प्रकार
field-keyAccount = की अकाउंट
field-pinned = पिन
edit-ask-value = { $field } का नया मान?
edit-saved = { $field } सहेजा गया।
lost-ask-reason = क्लाइंट क्यों खोया? बटन दबाएँ या लिखें।
lost-reason-no-need = अब ज़रूरत नहीं
lost-reason-competitor = प्रतिस्पर्धी के पास गया
lost-reason-closed = व्यवसाय बंद
lost-reason-unreachable = संपर्क नहीं हो पा रहा
lost-saved = खोया चिह्नित किया। अब यह रोटेट नहीं होगा; कार्ड से कभी भी फिर सक्रिय करें।
