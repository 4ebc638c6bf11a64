# Baton: русские тексты. Ключи совпадают с en.ftl и hi.ftl (проверяет test/locales.test.ts).

language-name = Русский
error-generic = Извините, у нас что-то сломалось. Попробуйте ещё раз через минуту.
fallback-unknown = Я не понял. /help покажет, что я умею.
button-expired = Эта кнопка больше не действует.

## Command menu
cmd-start = Начать
cmd-help = Что я умею
cmd-language = Сменить язык
cmd-cancel = Отменить текущий шаг
cmd-team = Команда и уровни
cmd-invite = Пригласить менеджера или руководителя

## Roles
role-director = руководитель
role-manager = менеджер

## /start
start-guest =
    Здравствуйте! Я Baton, веду отдел продаж: клиенты, контакты, сделки, ротация базы и бонусы.
    Вы пока не в команде. Создайте свою и станьте её руководителем или попросите у руководителя ссылку-приглашение.
btn-create-team = Создать команду
start-member = Здравствуйте, { $name }! Вы { $role } (уровень { $level }) в команде { $team }. /help покажет, что вы можете.
start-unknown-link = Эта ссылка недействительна. Попросите у отправителя новую.

## /help
help-guest =
    Я помогаю отделам продаж работать с клиентской базой.
    • Создать команду: /start
    • Вступаете в команду? Откройте ссылку-приглашение от руководителя.
    • /language меняет язык.
help-manager =
    Что вы можете:
    • /language: сменить язык
    • /cancel: прервать текущий шаг
    Командой и вашим уровнем управляет руководитель.
help-director =
    Что вы можете:
    • /team: участники, уровни, отключение менеджера
    • /invite: ссылка для нового менеджера или руководителя
    • /language: сменить язык
    • /cancel: прервать текущий шаг

## /language
language-choose = Выберите язык:
language-set = Готово, говорю с вами по-русски.

## Access
access-no-team = Вы не в команде. Создайте её через /start или откройте ссылку-приглашение руководителя.
access-deactivated = Руководитель отключил ваш доступ к команде { $team }.
access-directors-only = Это может сделать только руководитель.

## Guided steps
btn-cancel = ✖ Отмена
btn-confirm = ✔ Подтвердить
btn-back = ← Назад
cancel-done = Отменено. Ничего не сохранено.
cancel-nothing = Отменять нечего.
scene-finish-first = Сначала ответьте на вопрос выше или нажмите «Отмена».
scene-need-text = Пожалуйста, ответьте текстом.
scene-timed-out = ⌛ Шаг слишком долго оставался без ответа и закрыт. Ничего не сохранено, начните заново, когда удобно.
error-use-buttons = Пожалуйста, используйте кнопки.

## Creating a team
team-create-ask-name = Как называется ваша команда или компания?
team-create-ask-timezone = В каком часовом поясе вы работаете? Нажмите кнопку или напишите пояс (например, Europe/Moscow) или город (например, Samara).
team-create-ask-country = В какой вы стране? Номера телефонов без кода страны будут считаться номерами этой страны. Нажмите кнопку или напишите двухбуквенный код (например, RU).
team-create-ask-currency = В какой валюте вы продаёте? Нажмите кнопку или напишите трёхбуквенный код (например, RUB).
team-create-confirm =
    Создать команду?
    Название: { $name }
    Часовой пояс: { $timezone }
    Страна: { $country }
    Валюта: { $currency }
team-created = Команда { $name } создана, вы её руководитель. Пригласите менеджеров через /invite.
team-create-already-member = Вы уже состоите в команде. В Baton человек работает в одной команде.
error-team-name-length = Название должно быть от 2 до 64 символов.
error-timezone-unknown = Не знаю такого часового пояса. Попробуйте, например, Europe/Moscow или Asia/Yekaterinburg, или название города.
error-country-unknown = Не знаю такого кода страны. Используйте две буквы: RU, KZ, BY.
error-currency-unknown = Не знаю такого кода валюты. Используйте три буквы: RUB, USD, EUR.

## Invites
invite-ask-role = Кого вы приглашаете?
invite-ask-level = Уровень нового сотрудника ({ $role })? 1 — младший, 5 — самый опытный.
invite-link =
    Отправьте эту ссылку новому сотруднику ({ $role }, уровень { $level }):
    { $link }
    Она сработает один раз и действует до { $expires }.
invite-joined = Добро пожаловать в { $team }! Вы { $role }, уровень { $level }. /help покажет, что вы можете.
invite-used-notice = { $name } вступил(а) в команду: { $role }, уровень { $level }.
invite-unknown = Ссылка-приглашение недействительна. Попросите у руководителя новую.
invite-expired = Срок действия приглашения истёк. Попросите у руководителя новое.
invite-used = Это приглашение уже использовано. Попросите у руководителя новое.
invite-already-member = Вы уже состоите в другой команде. В Baton человек работает в одной команде.
invite-already-in-this-team = Вы уже в этой команде.

## /team
team-list = { $team }: активных участников — { $count }. Нажмите на участника, чтобы сменить уровень или отключить его.
team-member-line = { $name } · { $role } · У{ $level }
team-member-line-inactive = { $name } · { $role } · У{ $level } · откл.
team-member-card =
    { $name }
    Роль: { $role }
    Уровень: { $level }
    Статус: { $status }
    В команде с: { $joined }
member-active = активен
member-inactive = отключён
btn-deactivate = Отключить
btn-deactivate-confirm = Да, отключить
team-member-not-found = Такого участника нет в вашей команде.
team-level-set = Уровень: { $level }.
team-deactivate-confirm = Отключить { $name }? Доступ пропадёт сразу, а клиенты уйдут в свободную базу команды.
team-deactivated = { $name } отключён(а).
team-deactivate-not-found = Такого участника нет в вашей команде.
team-deactivate-not-a-manager = Отключить можно только менеджера.
team-deactivate-already-inactive = Этот менеджер уже отключён.
team-clients-released =
    { $count ->
        [one] { $count } клиент менеджера { $name } ушёл в свободную базу.
        [few] { $count } клиента менеджера { $name } ушли в свободную базу.
       *[other] { $count } клиентов менеджера { $name } ушли в свободную базу.
    }
