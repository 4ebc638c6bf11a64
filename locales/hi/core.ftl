# Baton: हिन्दी पाठ। हर कुंजी en.ftl और ru.ftl में भी है (test/locales.test.ts जाँचता है)।

language-name = हिन्दी
error-generic = क्षमा करें, हमारी ओर से कुछ गड़बड़ हो गई। कृपया एक मिनट बाद फिर कोशिश करें।
fallback-unknown = मैं समझ नहीं पाया। /help बताएगा कि मैं क्या कर सकता हूँ।
button-expired = यह बटन अब सक्रिय नहीं है।

## Command menu
cmd-start = शुरू करें
cmd-help = मैं क्या कर सकता हूँ
cmd-language = भाषा बदलें
cmd-cancel = मौजूदा चरण रद्द करें
cmd-team = टीम के सदस्य और स्तर
cmd-invite = मैनेजर या डायरेक्टर को आमंत्रित करें

## Roles
role-director = डायरेक्टर
role-manager = मैनेजर

## /start
start-guest =
    नमस्ते! मैं Baton हूँ, मैं सेल्स टीम चलाता हूँ: क्लाइंट, संपर्क, डील, क्लाइंट रोटेशन और बोनस।
    आप अभी किसी टीम में नहीं हैं। अपनी टीम बनाइए और उसके डायरेक्टर बनिए, या अपने डायरेक्टर से आमंत्रण लिंक माँगिए।
btn-create-team = टीम बनाएँ
start-member = नमस्ते, { $name }! आप { $team } में { $role } (स्तर { $level }) हैं। /help बताएगा कि आप क्या कर सकते हैं।
start-unknown-link = यह लिंक मान्य नहीं है। भेजने वाले से नया लिंक माँगें।

## /help
help-guest =
    मैं सेल्स टीमों को उनके क्लाइंट बेस के साथ काम करने में मदद करता हूँ।
    • टीम बनाएँ: /start
    • टीम में शामिल हो रहे हैं? डायरेक्टर का भेजा आमंत्रण लिंक खोलें।
    • /language से भाषा बदलें।
help-manager =
    आप क्या कर सकते हैं:
    • /clients: आपके क्लाइंट, जल्द रोटेट होने वाले पहले; कार्ड और इतिहास के लिए टैप करें
    • /newclient: क्लाइंट जोड़ें
    • /contact: कॉल, मीटिंग, संदेश, ईमेल या नोट दर्ज करें, रिमाइंडर के साथ
    • /deal: डील दर्ज करें
    • /find शब्द: नाम, फ़ोन या ईमेल से खोजें
    • /reports: रोटेशन से मिले क्लाइंटों की बाकी रिपोर्ट
    • /language: भाषा बदलें
    • /cancel: मौजूदा चरण रोकें
    टीम और आपका स्तर डायरेक्टर संभालते हैं।
help-director =
    आप क्या कर सकते हैं:
    • /team: सदस्य, स्तर, मैनेजर को निष्क्रिय करना
    • /invite: नए मैनेजर या डायरेक्टर के लिए लिंक
    • /import: CSV से मौजूदा क्लाइंट बेस लोड करें; /export: क्लाइंट, संपर्क या डील CSV में
    • /rotation: रोटेशन का पूर्वावलोकन और चलाना, सेटिंग और इतिहास
    • /clients: टीम के सभी क्लाइंट, मैनेजर के अनुसार भी
    • /find शब्द, /newclient, /contact, /deal: मैनेजरों की तरह
    • /language: भाषा बदलें
    • /cancel: मौजूदा चरण रोकें

## /language
language-choose = अपनी भाषा चुनें:
language-set = हो गया, अब मैं आपसे हिन्दी में बात करूँगा।

## Access
access-no-team = आप किसी टीम में नहीं हैं। /start से टीम बनाएँ या डायरेक्टर का आमंत्रण लिंक खोलें।
access-deactivated = एक डायरेक्टर ने { $team } में आपकी पहुँच बंद कर दी है।
access-directors-only = यह केवल डायरेक्टर कर सकते हैं।
access-no-longer-member = आप अब इस टीम के सक्रिय सदस्य नहीं हैं, इसलिए यह सहेजा नहीं गया।

## Guided steps
btn-cancel = ✖ रद्द करें
btn-confirm = ✔ पुष्टि करें
btn-back = ← वापस
page-of = पृष्ठ { $page } / { $pages }
cancel-done = रद्द कर दिया। कुछ भी सहेजा नहीं गया।
cancel-nothing = रद्द करने के लिए कुछ नहीं है।
scene-finish-first = कृपया पहले ऊपर के प्रश्न का उत्तर दें या रद्द करें दबाएँ।
scene-need-text = कृपया टेक्स्ट संदेश में उत्तर दें।
scene-question-closed = यह प्रश्न बंद हो चुका है; नवीनतम प्रश्न का उत्तर दें।
scene-timed-out = ⌛ यह चरण बहुत देर तक खुला रहा और बंद कर दिया गया। कुछ भी सहेजा नहीं गया; जब चाहें फिर से शुरू करें।
error-use-buttons = कृपया बटनों का उपयोग करें।

## Creating a team
team-create-ask-name = आपकी टीम या कंपनी का नाम क्या है?
team-create-ask-timezone = आप किस टाइमज़ोन में काम करते हैं? एक बटन दबाएँ, या Asia/Kolkata जैसा ज़ोन या Dubai जैसा शहर लिखें।
team-create-ask-country = आप किस देश में हैं? बिना देश कोड के लिखे फ़ोन नंबर इसी देश के माने जाएँगे। एक बटन दबाएँ या दो अक्षरों का कोड लिखें (जैसे IN)।
team-create-ask-currency = आप किस मुद्रा में बेचते हैं? एक बटन दबाएँ, या तीन अक्षरों का कोड लिखें (जैसे INR)।
team-create-confirm =
    यह टीम बनाएँ?
    नाम: { $name }
    टाइमज़ोन: { $timezone }
    देश: { $country }
    मुद्रा: { $currency }
team-created = टीम { $name } तैयार है, और आप इसके डायरेक्टर हैं। /invite से अपने मैनेजरों को आमंत्रित करें।
team-create-already-member = आप पहले से एक टीम में हैं। Baton में एक व्यक्ति एक ही टीम में काम करता है।
error-team-name-length = नाम 2 से 64 अक्षरों का होना चाहिए।
error-timezone-unknown = मुझे यह टाइमज़ोन नहीं पता। Asia/Kolkata या Europe/London जैसा ज़ोन, या किसी शहर का नाम आज़माएँ।
error-country-unknown = यह देश कोड मुझे नहीं पता। IN, AE या US जैसे दो अक्षर लिखें।
error-currency-unknown = यह मुद्रा कोड मुझे नहीं पता। INR, USD या EUR जैसे तीन अक्षर लिखें।

## Invites
invite-ask-role = आप किसे आमंत्रित कर रहे हैं?
invite-ask-level = नए { $role } का स्तर? 1 जूनियर है, 5 सबसे वरिष्ठ।
invite-link =
    यह लिंक अपने नए { $role } (स्तर { $level }) को भेजें:
    { $link }
    यह एक बार चलेगा और { $expires } को समाप्त हो जाएगा।
invite-joined = { $team } में आपका स्वागत है! आप { $role } हैं, स्तर { $level }। /help बताएगा कि आप क्या कर सकते हैं।
invite-used-notice = { $name } आपकी टीम में { $role }, स्तर { $level } के रूप में शामिल हुए।
invite-unknown = यह आमंत्रण लिंक मान्य नहीं है। डायरेक्टर से नया लिंक माँगें।
invite-expired = इस आमंत्रण लिंक की अवधि समाप्त हो गई है। डायरेक्टर से नया लिंक माँगें।
invite-used = यह आमंत्रण लिंक पहले ही उपयोग हो चुका है। डायरेक्टर से नया लिंक माँगें।
invite-already-member = आप पहले से दूसरी टीम में हैं। Baton में एक व्यक्ति एक ही टीम में काम करता है।
invite-already-in-this-team = आप पहले से इस टीम में हैं।

## /team
team-list = { $team }: { $count } सक्रिय सदस्य। स्तर बदलने या निष्क्रिय करने के लिए किसी सदस्य पर टैप करें।
team-member-line = { $name } · { $role } · स्तर { $level }
team-member-line-inactive = { $name } · { $role } · स्तर { $level } · बंद
team-member-card =
    { $name }
    भूमिका: { $role }
    स्तर: { $level }
    स्थिति: { $status }
    शामिल हुए: { $joined }
member-active = सक्रिय
member-inactive = निष्क्रिय
btn-deactivate = निष्क्रिय करें
btn-deactivate-confirm = हाँ, निष्क्रिय करें
team-member-not-found = यह सदस्य आपकी टीम में नहीं है।
team-level-set = स्तर { $level } कर दिया गया।
team-level-managers-only = स्तर केवल मैनेजरों के लिए तय होता है।
team-deactivate-confirm = { $name } को निष्क्रिय करें? उनकी पहुँच तुरंत बंद होगी और उनके क्लाइंट टीम के फ्री पूल में जाएँगे।
team-deactivated = { $name } निष्क्रिय कर दिए गए।
team-deactivate-not-found = यह सदस्य आपकी टीम में नहीं है।
team-deactivate-not-a-manager = केवल मैनेजरों को निष्क्रिय किया जा सकता है।
team-deactivate-already-inactive = यह मैनेजर पहले से निष्क्रिय है।
