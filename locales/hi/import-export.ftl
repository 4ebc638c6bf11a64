# CSV से ग्राहक आधार का इम्पोर्ट और CSV एक्सपोर्ट (डायरेक्टर): हिन्दी।

cmd-import = CSV फ़ाइल से ग्राहक इम्पोर्ट करें
cmd-export = ग्राहक, संपर्क या डील एक्सपोर्ट करें (CSV)

## इम्पोर्ट: फ़ाइल भेजना
import-help =
    अपना ग्राहक आधार CSV फ़ाइल के रूप में भेजें। Excel में: File → Save as → "CSV UTF-8"; Google Sheets में: File → Download → CSV।
    पहली पंक्ति में कॉलमों के नाम हों। मैं पहचानता हूँ:
    • नाम (ज़रूरी): नाम, कंपनी, ग्राहक, Name
    • फ़ोन (कई कॉलम या नंबर चलेंगे), ईमेल, संपर्क व्यक्ति, स्रोत
    • प्रकार: b2b या b2c (खाली हो तो b2b); मुख्य ग्राहक: हाँ या नहीं
    • टैग (; या , से अलग), नोट्स
    कॉलम कॉमा, सेमीकोलन या टैब से अलग हो सकते हैं; 1,00,000 पंक्तियों तक। प्रीव्यू देखकर पुष्टि करने से पहले कुछ भी सेव नहीं होता।
import-not-csv = { $file } CSV फ़ाइल नहीं है। टेबल को CSV (UTF-8) में सेव करके फिर भेजें: Excel में File → Save as → "CSV UTF-8", Google Sheets में File → Download → CSV।
import-too-big = { $file } 20 MB से बड़ी है, बॉट इससे बड़ी फ़ाइल डाउनलोड नहीं कर सकता। इसे कई फ़ाइलों में बाँटें।
import-checking = 📥 { $file } मिल गई। जाँच रहा हूँ, थोड़ा समय लगेगा…

## इम्पोर्ट: पूरी फ़ाइल
import-file-not-text = { $file } टेक्स्ट CSV फ़ाइल नहीं है: शायद यह Excel वर्कबुक है या पुरानी एन्कोडिंग में है। इसे "CSV UTF-8" में सेव करके फिर भेजें।
import-file-empty = { $file } में इम्पोर्ट करने लायक कोई पंक्ति नहीं है। हेडर पंक्ति और कम से कम एक ग्राहक वाली CSV भेजें।
import-file-broken = { $file } पंक्ति { $line } के आगे नहीं पढ़ी जा सकी: शायद कोई उद्धरण चिह्न (") बंद नहीं है। वह पंक्ति ठीक करके फ़ाइल फिर भेजें।
import-file-no-name-column =
    { $file } में ग्राहकों के नाम वाला कॉलम नहीं मिला।
    मिले कॉलम: { $headers }
    उस कॉलम का नाम "नाम" (या Name, कंपनी, ग्राहक) रखें और फ़ाइल फिर भेजें।
import-file-too-many-rows = { $file } में { $max } से ज़्यादा पंक्तियाँ हैं। इसे कई फ़ाइलों में बाँटें।
import-file-download = { $file } को Telegram से डाउनलोड नहीं कर पाया। कृपया फिर भेजें।
import-file-error = { $file } का इम्पोर्ट नहीं हो सका। कृपया फ़ाइल फिर भेजें।

## इम्पोर्ट: प्रीव्यू
import-preview =
    📄 { $file }
    कॉलम:
    { $columns }

    { $counts }
import-counts = पंक्तियाँ: { $rows } · नए ग्राहक: { $valid } · गलत: { $bad } · डुप्लिकेट: { $duplicates }
import-column = • { $header } → { $field }
import-column-ignored = • { $header } → इम्पोर्ट नहीं होगा
import-field-name = नाम
import-field-phone = फ़ोन
import-field-email = ईमेल
import-field-contact = संपर्क व्यक्ति
import-field-source = स्रोत
import-field-kind = प्रकार (b2b/b2c)
import-field-key = मुख्य ग्राहक
import-field-tags = टैग
import-field-notes = नोट्स
import-problems-title = इम्पोर्ट नहीं होंगी:
import-more = …और { $count }
import-ask-owner = { $count } नए ग्राहक किसे दिए जाएँ?
import-nothing-new = इस फ़ाइल में इम्पोर्ट करने के लिए कोई नया ग्राहक नहीं है। नीचे की फ़ाइल में हर पंक्ति कारण सहित है।
btn-import-pool = 🗂 टीम का फ्री पूल
import-free-pool = फ्री पूल
import-confirm-pool = { $count } ग्राहक टीम के फ्री पूल में इम्पोर्ट करें?
import-confirm-owner = { $count } ग्राहक { $name } के लिए इम्पोर्ट करें?
import-owner-gone = वह मैनेजर अब आपकी टीम में सक्रिय नहीं है। फिर से चुनें।
import-not-found = यह इम्पोर्ट आपकी टीम का नहीं है।
import-already-started = इस इम्पोर्ट की पुष्टि पहले ही हो चुकी है।
import-cancelled-already = यह इम्पोर्ट रद्द हो चुका है। दोबारा शुरू करने के लिए फ़ाइल फिर भेजें।
import-cancelled = { $file } का इम्पोर्ट रद्द किया गया। कुछ भी सेव नहीं हुआ।

## इम्पोर्ट: जो पंक्तियाँ इम्पोर्ट नहीं हुईं (CSV का "कारण" कॉलम भी)
import-row-line = पंक्ति { $row }: { $text }
import-bad-name-missing = नाम नहीं है
import-bad-name-length = नाम "{ $value }" 2 से 120 अक्षरों का होना चाहिए
import-bad-phone = "{ $value }" सही फ़ोन नंबर नहीं है
import-bad-email = "{ $value }" सही ईमेल पता नहीं है
import-bad-kind = प्रकार "{ $value }" न b2b है न b2c
import-bad-key = मुख्य ग्राहक "{ $value }" न हाँ है न नहीं
import-bad-too-long = "{ $value }" बहुत लंबा है
import-dup-file = इस फ़ाइल की पंक्ति { $of } जैसा { $reason }
import-dup-team = { $client } ({ $holder }) जैसा { $reason }, यह टीम में पहले से है
import-reason-phone = वही फ़ोन
import-reason-email = वही ईमेल
import-reason-name = लगभग वही नाम
import-col-row = पंक्ति
import-col-reason = कारण

## इम्पोर्ट: प्रगति और रिपोर्ट
import-started = ⏳ { $file } से { $count } ग्राहक इम्पोर्ट हो रहे हैं… पूरा होने पर रिपोर्ट भेजूँगा।
import-progress = ⏳ { $file } इम्पोर्ट हो रही है: { $total } में से { $done } पंक्तियाँ पढ़ी गईं…
import-progress-done = ✅ { $file }: सभी { $total } पंक्तियाँ पढ़ी गईं। रिपोर्ट नीचे है।
import-done =
    ✅ { $file } का इम्पोर्ट पूरा हुआ।
    नए ग्राहक: { $created } ({ $owner })
    छोड़े गए डुप्लिकेट: { $duplicates }
    गलत पंक्तियाँ: { $bad }
import-done-file = संलग्न फ़ाइल में हर वह पंक्ति कारण सहित है जो इम्पोर्ट नहीं हुई। उन्हें ठीक करके फ़ाइल वापस भेजें।
import-skipped-caption = { $file } की इम्पोर्ट न हुई पंक्तियाँ: { $count }
import-failed = ❌ { $file } का इम्पोर्ट हमारी ओर की गड़बड़ी से रुक गया। { $created } ग्राहक सेव हुए। बाकी के लिए फ़ाइल फिर भेजें: सेव हो चुके ग्राहक डुप्लिकेट मानकर छोड़ दिए जाएँगे।

## एक्सपोर्ट
export-choose = क्या एक्सपोर्ट करना है?
btn-export-clients = 👥 ग्राहक
btn-export-contacts = 📞 संपर्क
btn-export-deals = 💰 डील
export-what-clients = ग्राहक
export-what-contacts = संपर्क
export-what-deals = डील
export-working = ⏳ फ़ाइल तैयार हो रही है: { $what }। थोड़ी देर में यहाँ आ जाएगी।
export-caption = { $team } के { $what }: { $count } पंक्तियाँ, { $date }
export-failed = ❌ फ़ाइल तैयार या भेजी नहीं जा सकी: { $what }। टीम में कुछ नहीं बदला। कुछ मिनट बाद /export फिर से आज़माएँ; फिर भी न हो तो बॉट चलाने वाले को बताएँ।
export-yes = हाँ
export-no = नहीं
export-status-active = सक्रिय
export-status-lost = खोया
export-contact-call = कॉल
export-contact-meeting = मीटिंग
export-contact-message = संदेश
export-contact-email = ईमेल
export-contact-note = नोट
export-follow-up-scheduled = तय
export-follow-up-sent = याद दिलाया
export-follow-up-done = पूरा
export-col-name = नाम
export-col-kind = प्रकार
export-col-key = मुख्य ग्राहक
export-col-phones = फ़ोन
export-col-email = ईमेल
export-col-contact = संपर्क व्यक्ति
export-col-source = स्रोत
export-col-tags = टैग
export-col-notes = नोट्स
export-col-owner = ज़िम्मेदार
export-col-status = स्थिति
export-col-created = बनाया गया
export-col-assigned = सौंपा गया
export-col-first-deal = पहली डील
export-col-last-deal = आख़िरी डील
export-col-deals = डील संख्या
export-col-at = तारीख़ और समय
export-col-client = ग्राहक
export-col-type = संपर्क का प्रकार
export-col-author = मैनेजर
export-col-text = टेक्स्ट
export-col-follow-up = रिमाइंडर
export-col-follow-up-state = रिमाइंडर की स्थिति
export-col-date = तारीख़
export-col-manager = मैनेजर
export-col-amount = राशि
export-col-profit = मुनाफ़ा
export-col-currency = मुद्रा
export-col-sequence = ग्राहक की डील क्रमांक
export-col-note = नोट
export-col-recorded = दर्ज
