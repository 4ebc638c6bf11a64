# Клиенты, контакты, сделки, напоминания: русский.

cmd-clients = Мои клиенты
cmd-newclient = Добавить клиента
cmd-contact = Записать звонок, встречу или заметку
cmd-deal = Записать сделку
cmd-find = Найти клиента

btn-skip = Пропустить ›
btn-yes = Да
btn-no = Нет
btn-open-card = Открыть карточку
btn-log-contact = 📞 Контакт
btn-log-deal = 💰 Сделка
btn-edit = ✏️ Изменить
btn-mark-lost = ❌ Потерян
btn-reactivate = ↩️ Вернуть в работу
btn-my-clients = 📋 Клиенты
btn-by-manager = 👥 По менеджерам
btn-make-b2c = Сделать B2C
btn-make-b2b = Сделать B2B
btn-mark-key = ⭐ Ключевой клиент
btn-unmark-key = Не ключевой
btn-pin = 📌 Закрепить (без ротации)
btn-unpin = Открепить

## Errors in answers
error-client-name-length = Название должно быть от 2 до 120 символов.
error-text-too-long = Напишите что-нибудь, но не слишком длинно.
error-phone-invalid = Это не похоже на номер телефона. Укажите его с кодом страны, например +7 912 345-67-89, или отправьте контакт (📎 → Контакт).
error-email-invalid = Это не похоже на адрес почты.
error-amount-invalid = Это не похоже на сумму. Примеры: 12 500,50 или 12500.5
error-amount-negative = Сумма не может быть отрицательной.
error-amount-too-large = Слишком большая сумма.
error-amount-zero = Сумма не может быть нулевой.
error-date-invalid = Не понимаю эту дату. Например: сегодня, вчера, 25.11 или 2026-11-25.
error-date-future = Эта дата в будущем. Сделку можно записать только на сегодня или раньше.
error-date-too-old = Эта дата больше 10 лет назад.
error-follow-up-invalid = Не понимаю это время. Например: «завтра 10:00», «через 3 дня» или «25.11 15:00».
error-follow-up-past = Это время уже прошло.

## New client
client-ask-name = Название клиента (компания или человек)?
client-ask-kind = Компания или частное лицо?
client-kind-b2b = B2B
client-kind-b2c = B2C
client-ask-key = Это ключевой клиент (крупная компания)?
client-ask-phone = Телефон? Напишите его или отправьте контакт из телефонной книги (📎 → Контакт).
client-ask-email = Почта?
client-ask-contact = Контактное лицо?
client-ask-source = Откуда пришёл клиент (источник)?
client-ask-note = Заметка?
client-confirm =
    Добавить клиента?
    { $name } · { $kind } · ключевой: { $key }
    Телефон: { $phone }
    Почта: { $email }
    Контакт: { $contact }
    Источник: { $source }
client-created = { $name } добавлен(а) и закреплён(а) за вами.
duplicate-reason-phone = тот же телефон
duplicate-reason-email = та же почта
duplicate-reason-name = очень похожее название
duplicate-own = Этот клиент у вас уже есть: { $name } ({ $reason }).
duplicate-other = { $name } ({ $reason }) уже ведёт { $holder }. Второй раз не добавлен.
duplicate-pool = { $name } ({ $reason }) в свободной базе команды. Попросите руководителя закрепить его за вами.

## Picking a client
client-pick = Какой клиент? Нажмите кнопку или напишите часть названия, телефон или почту.
client-pick-many = Подходят несколько клиентов. Выберите или уточните.
client-pick-nothing = По запросу «{ $text }» ничего нет. Попробуйте ещё раз или выберите недавнего клиента.
client-pick-none-yet = У вас пока нет клиентов в работе. Добавьте через /newclient.
client-not-yours = Этого клиента нет среди ваших (или он удалён).

## Contacts and follow-ups
contact-ask-kind = { $client }: какой контакт?
contact-kind-call = Звонок
contact-kind-meeting = Встреча
contact-kind-message = Сообщение
contact-kind-email = Письмо
contact-kind-note = Заметка
contact-ask-text = Что было? Пару слов.
contact-ask-follow-up = Напомнить позже? Нажмите, напишите время («завтра 10:00», «через 3 дня», «25.11 15:00») или пропустите.
follow-up-tomorrow = Завтра 10:00
follow-up-in-3-days = Через 3 дня
follow-up-next-week = Через неделю
contact-saved = Записано: { $client }.
contact-saved-reminder = Записано: { $client }. Напомню { $when }.
follow-up-reminder =
    ⏰ Пора связаться: { $client }
    В прошлый раз ({ $kind }): { $text }
btn-follow-up-done = ✔ Сделано, записать
btn-snooze-hour = +1 час
btn-snooze-tomorrow = Завтра
follow-up-done = ✔ Напоминание выполнено.
follow-up-snoozed = ⏰ Напомню снова { $when }.
follow-up-gone = Это напоминание уже не действует.

## Lists, search, card
filter-active = В работе
filter-never-bought = Без покупок
filter-key = Ключевые
filter-lost = Потерянные
clients-title = Ваши клиенты ({ $filter }), стр. { $page }. Сначала те, кто скоро уйдёт в ротацию.
clients-team-title = Клиенты команды ({ $filter }), стр. { $page }. Сначала те, кто скоро уйдёт в ротацию.
clients-empty = Здесь клиентов нет ({ $filter }).
clients-pick-manager = Чьи клиенты?
client-status-lost = потерян
find-usage = Напишите после команды, что искать, например /find ромашка или /find 345-67-89
find-results = Найдено по «{ $text }», стр. { $page }:
find-nothing = По «{ $text }» ничего не найдено.
free-pool = свободная база
rotation-never = не ротируется
rotation-due-now = уйдёт при ближайшей ротации
rotation-in-days =
    { $days ->
        [one] ротация через { $days } день
        [few] ротация через { $days } дня
       *[other] ротация через { $days } дней
    }
client-key-account = ключевой
card-owner = Ведёт: { $owner }
card-lost = ❌ Потерян: { $reason }
card-contact = Контакт: { $name }
card-source = Источник: { $source }
card-deals = Сделок: { $count } (первая { $first }, последняя { $last })
card-notes = Заметки: { $notes }
card-history = История, стр. { $page }:
card-history-empty = Истории пока нет.
history-system = Baton
history-deal = Сделка { $amount } · { $who }
history-created = Добавил(а) { $who }
history-edited = { $who }: { $field } → «{ $to }»
history-owner = Ведущий { $from } → { $to } ({ $reason })
history-lost = { $who } отметил(а) как потерянного: { $reason }
history-reactivated = { $who } вернул(а) в работу
history-follow-up = ⏰ { $when }
reason-created = новый клиент
reason-imported = импорт
reason-never-bought = ротация: не покупал
reason-lapsed = ротация: давно не покупал
reason-manager-deactivated = менеджер отключён
reason-manual = решение руководителя
reason-pool-top-up = из свободной базы

## Editing
edit-choose-field = { $name }: что изменить?
field-name = Название
field-phone = Телефон
field-email = Почта
field-contactPerson = Контактное лицо
field-source = Источник
field-notes = Заметки
field-kind = Тип
field-keyAccount = Ключевой
field-pinned = Закреплён
edit-ask-value = Новое значение поля «{ $field }»?
edit-saved = Поле «{ $field }» сохранено.
lost-ask-reason = Почему клиент потерян? Нажмите или напишите.
lost-reason-no-need = Больше не нужны наши услуги
lost-reason-competitor = Ушёл к конкуренту
lost-reason-closed = Бизнес закрыт
lost-reason-unreachable = Не выходит на связь
lost-saved = Отмечен как потерянный. В ротацию больше не попадёт; вернуть в работу можно из карточки.
