# Ротация клиентской базы: русский.

cmd-rotation = Ротация: предпросмотр, запуск, настройки
cmd-reports = Отчёты по полученным клиентам

btn-report = 📝 Отчёт
rotation-more = …и ещё { $count }.

## A manager's notice
rotation-notice-title = 🔁 Ротация клиентов
rotation-received =
    { $count ->
        [one] Вы получили { $count } клиента:
       *[other] Вы получили клиентов: { $count }
    }
rotation-received-line = • { $name }: { $reason }, от { $from }
rotation-report-by = Сдайте отчёт об отработке по каждому до { $date } (/reports).
rotation-given =
    { $count ->
        [one] Вы передали { $count } клиента:
       *[other] Вы передали клиентов: { $count }
    }
rotation-given-line = • { $name } → { $to }

## The director's summary
rotation-summary-title = 🔁 Ротация { $date } ({ $kind })
rotation-kind-nightly = ночная
rotation-kind-manual = запущена руководителем
rotation-kind-deactivation = менеджер отключён
rotation-summary-counts = Передано: { $moved }. Пропущено (изменились после планирования): { $skipped }. Остались (некому передать): { $stayed }.
rotation-summary-counts-deactivation = Передано: { $moved }. В свободную базу: { $pooled }.
rotation-tally-even = { $name }: отдал(а) { $gave }, получил(а) { $received } (из свободной базы { $fromPool })
rotation-tally-uneven = { $name }: отдал(а) { $gave }, получил(а) { $received } (из свободной базы { $fromPool }), разница { $imbalance }
rotation-note-single-manager-level = На уровне { $level } один менеджер: { $count } клиентов остаются у владельца.
rotation-note-key-accounts-kept = Уровня выше { $level } нет: { $count } ключевых клиентов ротируются внутри него.
rotation-note-pool-exhausted = Свободная база закончилась: { $name } получил(а) на { $count } меньше, чем отдал(а).
rotation-note-inactive-owner = { $count } клиентов всё ещё у отключённых менеджеров.
rotation-note-nearest-level = На уровне { $level } больше никого: клиентов принял уровень { $used }.
rotation-note-no-managers = В команде пока нет менеджеров.
rotation-note-no-active-managers = В команде нет активных менеджеров.
rotation-note-no-eligible-clients = Нет клиентов для ротации.

## Reports
report-ask-outcome = Отчёт по { $client }: каков результат?
report-outcome-reached-interested = Дозвонился, интересно
report-outcome-reached-not-interested = Дозвонился, не интересно
report-outcome-unreachable = Не дозвониться
report-outcome-wrong-contact = Неверные контакты
report-outcome-deal-in-progress = Идёт сделка
report-ask-comment = Комментарий для руководителя?
report-saved = Отчёт по { $client } сохранён. Спасибо.
report-none-pending = По этому клиенту отчёт не требуется.
report-reminder-before = 📝 Завтра последний день для отчёта по { $client } (срок { $date }).
report-reminder-on-day = 📝 Сегодня последний день для отчёта по { $client } (срок { $date }).
report-overdue-director = ⚠️ { $manager } не сдал(а) отчёт по { $client } (срок был { $date }).
reports-none = Отчётов к сдаче нет. 👍
reports-title = Отчётов к сдаче: { $count }. Нажмите на клиента, чтобы сдать.

## /rotation
setting-on = вкл.
setting-off = выкл.
rotation-settings =
    🔁 Ротация: { $enabled }, каждую ночь в { $runAt } по времени команды
    Без покупок: { $neverBought }, после { $neverBoughtMonths } мес. у одного менеджера
    Давно не покупал: { $lapsed }, после { $lapsedMonths } мес. без сделок
    Отчёт в течение { $reportDays } дн.
btn-rotation-preview = 👁 Предпросмотр следующей ротации
btn-rotation-settings = ⚙️ Настройки
btn-rotation-history = 📜 Прошлые ротации
rotation-preview-title = Ротация { $date }: будет передано клиентов: { $count }.
rotation-preview-line = • { $client }: { $from } → { $to } ({ $reason })
btn-rotation-run-now = ▶️ Запустить сейчас
btn-rotation-run-confirm = ✔ Да, запустить
rotation-run-confirm = Запустить ротацию сейчас? Менеджеры сразу узнают, что получили и отдали.
rotation-run-started = Ротация запущена. Итоги придут через минуту.
rotation-run-failed = ⚠️ Ротацию ({ $kind }) не удалось завершить: Telegram или база данных раз за разом не отвечали. Уже переданные клиенты остаются у новых владельцев; дважды ничего не передаётся. Посмотрите /rotation → Прошлые ротации и при необходимости запустите снова из нового предпросмотра; если ошибка повторяется, сообщите тому, кто обслуживает Baton в вашей команде.
rotation-history-title = Прошлые ротации:
rotation-history-line = • { $date } ({ $kind }): передано { $moved }, пропущено { $skipped }
rotation-history-empty = Ротаций пока не было.
rotation-setting-enabled = Ротация
rotation-setting-neverBoughtEnabled = Правило «без покупок»
rotation-setting-lapsedEnabled = Правило «давно не покупал»
rotation-setting-neverBoughtMonths = Без покупок, мес.
rotation-setting-lapsedMonths = Давно не покупал, мес.
rotation-setting-reportDays = Дней на отчёт
rotation-ask-neverBoughtMonths = Через сколько месяцев у одного менеджера клиент без покупок уходит в ротацию? (1–60)
rotation-ask-lapsedMonths = Через сколько месяцев без сделок клиент уходит в ротацию? (1–120)
rotation-ask-reportDays = За сколько дней новый менеджер должен сдать отчёт? (1–90)
rotation-setting-saved = Сохранено. Даты ротации клиентов пересчитываются.
error-setting-out-of-range = Введите целое число в указанных пределах.
