# Импорт клиентской базы из CSV и выгрузки в CSV (руководители): русский.

cmd-import = Загрузить клиентов из CSV-файла
cmd-export = Выгрузить клиентов, контакты или сделки (CSV)

## Импорт: загрузка
import-help =
    Пришлите клиентскую базу CSV-файлом. В Excel: Файл → Сохранить как → «CSV UTF-8»; в Google Таблицах: Файл → Скачать → CSV.
    В первой строке — названия столбцов. Я понимаю:
    • название (обязательно): Название, Компания, Клиент
    • Телефон (можно несколько столбцов или номеров), Email, Контактное лицо, Источник
    • Тип: b2b или b2c (пусто — b2b); Ключевой: да или нет
    • Теги (через ; или ,), Комментарий
    Разделитель — запятая, точка с запятой или табуляция; до 100 000 строк. Ничего не сохраняется, пока вы не увидите предпросмотр и не подтвердите.
import-not-csv = { $file } — не CSV-файл. Сохраните таблицу как CSV (UTF-8) и пришлите снова: в Excel Файл → Сохранить как → «CSV UTF-8», в Google Таблицах Файл → Скачать → CSV.
import-too-big = { $file } больше 20 МБ — столько бот скачать не может. Разделите его на несколько файлов.
import-checking = 📥 Получил { $file }. Проверяю, это займёт немного времени…

## Импорт: файл целиком
import-file-not-text = { $file } — не текстовый CSV: возможно, это книга Excel или старая кодировка (Windows-1251). Сохраните как «CSV UTF-8» и пришлите снова.
import-file-empty = В { $file } нет строк для загрузки. Нужен CSV со строкой заголовков и хотя бы одним клиентом.
import-file-broken = { $file } не читается дальше строки { $line }: похоже, не закрыта кавычка ("). Исправьте эту строку и пришлите файл снова.
import-file-no-name-column =
    Не нашёл в { $file } столбец с названиями клиентов.
    Найдены столбцы: { $headers }
    Назовите его «Название» (или Компания, Клиент, Name) и пришлите файл снова.
import-file-too-many-rows = В { $file } больше { $max } строк. Разделите его на несколько файлов.
import-file-download = Не удалось скачать { $file } из Telegram. Пришлите его ещё раз.
import-file-error = Импорт { $file } не удался. Пришлите файл ещё раз.

## Импорт: предпросмотр
import-preview =
    📄 { $file }
    Столбцы:
    { $columns }

    { $counts }
import-counts = Строк: { $rows } · новых клиентов: { $valid } · с ошибками: { $bad } · дублей: { $duplicates }
import-column = • { $header } → { $field }
import-column-ignored = • { $header } → не загружается
import-field-name = название
import-field-phone = телефон
import-field-email = email
import-field-contact = контактное лицо
import-field-source = источник
import-field-kind = тип (b2b/b2c)
import-field-key = ключевой клиент
import-field-tags = теги
import-field-notes = комментарий
import-problems-title = Не будут загружены:
import-more = …и ещё { $count }
import-ask-owner = Кому отдать { $count } новых клиентов?
import-nothing-new = В этом файле нет новых клиентов для загрузки. В файле ниже — все строки с причиной.
btn-import-pool = 🗂 В свободную базу
import-free-pool = свободная база
import-confirm-pool = Загрузить { $count } клиентов в свободную базу команды?
import-confirm-owner = Загрузить { $count } клиентов менеджеру { $name }?
import-owner-gone = Этот менеджер больше не активен в вашей команде. Выберите снова.
import-not-found = Такого импорта нет в вашей команде.
import-already-started = Этот импорт уже подтверждён.
import-cancelled-already = Этот импорт отменён. Чтобы начать заново, пришлите файл ещё раз.
import-cancelled = Импорт { $file } отменён. Ничего не сохранено.

## Импорт: незагруженные строки (и столбец «причина» в CSV)
import-row-line = Строка { $row }: { $text }
import-bad-name-missing = нет названия
import-bad-name-length = название «{ $value }» должно быть от 2 до 120 символов
import-bad-phone = «{ $value }» — неверный номер телефона
import-bad-email = «{ $value }» — неверный адрес почты
import-bad-kind = тип «{ $value }» — не b2b и не b2c
import-bad-key = ключевой «{ $value }» — не «да» и не «нет»
import-bad-too-long = «{ $value }» — слишком длинное значение
import-dup-file = { $reason }, что в строке { $of } этого файла
import-dup-team = { $reason }, что у клиента { $client } ({ $holder }), он уже есть в команде
import-reason-phone = тот же телефон
import-reason-email = та же почта
import-reason-name = почти то же название
import-col-row = строка
import-col-reason = причина

## Импорт: ход и отчёт
import-started = ⏳ Загружаю { $count } клиентов из { $file }… Пришлю отчёт, когда закончу.
import-progress = ⏳ Загружаю { $file }: прочитано { $done } из { $total } строк…
import-progress-done = ✅ { $file }: прочитаны все { $total } строк. Отчёт ниже.
import-done =
    ✅ Импорт { $file } завершён.
    Новых клиентов: { $created } ({ $owner })
    Пропущено дублей: { $duplicates }
    Строк с ошибками: { $bad }
import-done-file = В приложенном файле — все незагруженные строки с причиной. Исправьте их и пришлите файл обратно, чтобы загрузить.
import-skipped-caption = Незагруженные строки из { $file }: { $count }
import-failed = ❌ Импорт { $file } остановился из-за ошибки на нашей стороне. Сохранено клиентов: { $created }. Пришлите файл снова, чтобы загрузить остальных: уже сохранённые будут пропущены как дубли.

## Выгрузка
export-choose = Что выгрузить?
btn-export-clients = 👥 Клиенты
btn-export-contacts = 📞 Контакты
btn-export-deals = 💰 Сделки
export-what-clients = Клиенты
export-what-contacts = Контакты
export-what-deals = Сделки
export-working = ⏳ Готовлю файл: { $what }. Он придёт сюда через минуту.
export-caption = { $what } команды { $team }: { $count } строк, { $date }
export-failed = ❌ Не удалось подготовить или отправить файл: { $what }. В команде ничего не изменилось. Попробуйте /export ещё раз через несколько минут; если снова не получится, сообщите тому, кто обслуживает бота.
export-yes = да
export-no = нет
export-status-active = активный
export-status-lost = потерян
export-contact-call = звонок
export-contact-meeting = встреча
export-contact-message = сообщение
export-contact-email = письмо
export-contact-note = заметка
export-follow-up-scheduled = запланировано
export-follow-up-sent = напомнили
export-follow-up-done = выполнено
export-col-name = Название
export-col-kind = Тип
export-col-key = Ключевой
export-col-phones = Телефоны
export-col-email = Email
export-col-contact = Контактное лицо
export-col-source = Источник
export-col-tags = Теги
export-col-notes = Комментарий
export-col-owner = Ответственный
export-col-status = Статус
export-col-created = Создан
export-col-assigned = Назначен
export-col-first-deal = Первая сделка
export-col-last-deal = Последняя сделка
export-col-deals = Сделок
export-col-at = Дата и время
export-col-client = Клиент
export-col-type = Вид контакта
export-col-author = Менеджер
export-col-text = Текст
export-col-follow-up = Напоминание
export-col-follow-up-state = Статус напоминания
export-col-date = Дата
export-col-manager = Менеджер
export-col-amount = Сумма
export-col-profit = Прибыль
export-col-currency = Валюта
export-col-sequence = № сделки клиента
export-col-note = Комментарий
export-col-recorded = Внесена
