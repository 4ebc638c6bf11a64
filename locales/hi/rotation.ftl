# क्लाइंट बेस रोटेशन: हिन्दी।

cmd-rotation = रोटेशन: पूर्वावलोकन, चलाएँ, सेटिंग
cmd-reports = मिले क्लाइंटों की रिपोर्ट

btn-report = 📝 रिपोर्ट
rotation-more = …और { $count }।

## A manager's notice
rotation-notice-title = 🔁 क्लाइंट रोटेशन
rotation-received =
    { $count ->
        [one] आपको { $count } क्लाइंट मिला:
       *[other] आपको { $count } क्लाइंट मिले:
    }
rotation-received-line = • { $name }: { $reason }, { $from } से
rotation-report-by = कृपया हर एक पर { $date } तक प्रोसेसिंग रिपोर्ट दें (/reports)।
rotation-given =
    { $count ->
        [one] आपने { $count } क्लाइंट सौंपा:
       *[other] आपने { $count } क्लाइंट सौंपे:
    }
rotation-given-line = • { $name } → { $to }

## The director's summary
rotation-summary-title = 🔁 रोटेशन { $date } ({ $kind })
rotation-kind-nightly = रात का
rotation-kind-manual = डायरेक्टर द्वारा चलाया गया
rotation-kind-deactivation = मैनेजर निष्क्रिय
rotation-summary-counts = स्थानांतरित: { $moved }। छोड़े गए (योजना के बाद बदले): { $skipped }। रुके (कोई लेने वाला नहीं): { $stayed }।
rotation-summary-counts-deactivation = सौंपे गए: { $moved }। फ्री पूल में: { $pooled }।
rotation-tally-even = { $name }: दिए { $gave }, मिले { $received } (पूल से { $fromPool })
rotation-tally-uneven = { $name }: दिए { $gave }, मिले { $received } (पूल से { $fromPool }), अंतर { $imbalance }
rotation-note-single-manager-level = स्तर { $level } पर एक ही मैनेजर है: { $count } क्लाइंट अपने मालिक के पास रहेंगे।
rotation-note-key-accounts-kept = { $level } से ऊँचा स्तर नहीं: { $count } की अकाउंट उसी स्तर में घूमेंगे।
rotation-note-pool-exhausted = फ्री पूल खत्म हो गया: { $name } को दिए से { $count } कम मिले।
rotation-note-inactive-owner = { $count } क्लाइंट अभी भी निष्क्रिय मैनेजरों के पास हैं।
rotation-note-nearest-level = स्तर { $level } पर और कोई नहीं: स्तर { $used } ने क्लाइंट लिए।
rotation-note-no-managers = टीम में अभी कोई मैनेजर नहीं है।
rotation-note-no-active-managers = टीम में कोई सक्रिय मैनेजर नहीं है।
rotation-note-no-eligible-clients = कोई क्लाइंट रोटेशन के लिए तैयार नहीं है।

## Reports
report-ask-outcome = { $client } पर रिपोर्ट: क्या नतीजा रहा?
report-outcome-reached-interested = संपर्क हुआ, रुचि है
report-outcome-reached-not-interested = संपर्क हुआ, रुचि नहीं
report-outcome-unreachable = संपर्क नहीं हो सका
report-outcome-wrong-contact = गलत संपर्क जानकारी
report-outcome-deal-in-progress = डील चल रही है
report-ask-comment = डायरेक्टर के लिए टिप्पणी?
report-saved = { $client } पर रिपोर्ट सहेजी गई। धन्यवाद।
report-none-pending = इस क्लाइंट पर कोई रिपोर्ट बाकी नहीं है।
report-reminder-before = 📝 कल { $client } पर आपकी रिपोर्ट का आख़िरी दिन है (अंतिम तिथि { $date })।
report-reminder-on-day = 📝 आज { $client } पर आपकी रिपोर्ट का आख़िरी दिन है (अंतिम तिथि { $date })।
report-overdue-director = ⚠️ { $manager } ने { $client } पर रिपोर्ट नहीं दी (अंतिम तिथि { $date } थी)।
reports-none = कोई रिपोर्ट बाकी नहीं। 👍
reports-title = बाकी रिपोर्ट: { $count }। रिपोर्ट देने के लिए क्लाइंट पर टैप करें।

## /rotation
setting-on = चालू
setting-off = बंद
rotation-settings =
    🔁 रोटेशन: { $enabled }, हर रात टीम समय { $runAt } बजे
    कभी नहीं खरीदा: { $neverBought }, एक मालिक के पास { $neverBoughtMonths } महीने बाद
    लंबे समय से नहीं खरीदा: { $lapsed }, { $lapsedMonths } महीने बिना डील के बाद
    रिपोर्ट { $reportDays } दिनों में
btn-rotation-preview = 👁 अगले रोटेशन का पूर्वावलोकन
btn-rotation-settings = ⚙️ सेटिंग
btn-rotation-history = 📜 पिछले रोटेशन
rotation-preview-title = अगला रोटेशन { $date }: { $count } क्लाइंट स्थानांतरित होंगे।
rotation-preview-line = • { $client }: { $from } → { $to } ({ $reason })
btn-rotation-run-now = ▶️ अभी चलाएँ
btn-rotation-run-confirm = ✔ हाँ, अभी चलाएँ
rotation-run-confirm = रोटेशन अभी चलाएँ? मैनेजरों को तुरंत बताया जाएगा कि उन्हें क्या मिला और क्या दिया।
rotation-run-started = रोटेशन शुरू हो गया। सारांश जल्द आएगा।
rotation-run-failed = ⚠️ रोटेशन ({ $kind }) पूरा नहीं हो सका: Telegram या डेटाबेस बार-बार विफल रहा। जो क्लाइंट सौंपे जा चुके हैं वे नए मालिकों के पास ही रहेंगे; कुछ भी दो बार नहीं सौंपा जाएगा। /rotation → पिछले रोटेशन देखें और ज़रूरत हो तो नए प्रीव्यू से फिर चलाएँ; अगर बार-बार विफल हो, तो अपनी टीम में Baton चलाने वाले को बताएँ।
rotation-history-title = पिछले रोटेशन:
rotation-history-line = • { $date } ({ $kind }): स्थानांतरित { $moved }, छोड़े { $skipped }
rotation-history-empty = अभी तक कोई रोटेशन नहीं।
rotation-setting-enabled = रोटेशन
rotation-setting-neverBoughtEnabled = "कभी नहीं खरीदा" नियम
rotation-setting-lapsedEnabled = "लंबे समय से नहीं खरीदा" नियम
rotation-setting-neverBoughtMonths = कभी नहीं खरीदा, महीने
rotation-setting-lapsedMonths = लंबे समय से नहीं खरीदा, महीने
rotation-setting-reportDays = रिपोर्ट के दिन
rotation-ask-neverBoughtMonths = कभी न खरीदने वाला क्लाइंट एक मालिक के पास कितने महीने बाद रोटेट हो? (1–60)
rotation-ask-lapsedMonths = बिना डील के कितने महीने बाद क्लाइंट रोटेट हो? (1–120)
rotation-ask-reportDays = नए मालिक को कितने दिनों में रिपोर्ट देनी है? (1–90)
rotation-setting-saved = सहेजा गया। क्लाइंटों की रोटेशन तिथियाँ अपडेट हो रही हैं।
error-setting-out-of-range = कृपया दी गई सीमा में पूर्ण संख्या लिखें।
