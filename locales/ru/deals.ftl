# Сделки: запись сделки, сделки клиента, исправление и удаление: русский.

## Logging a deal
deal-ask-amount = { $client }: сумма сделки в { $currency }?
deal-ask-profit = Прибыль по сделке (необязательно)?
deal-ask-date = Дата сделки? Нажмите или напишите, например, 25.11 или 2026-11-25.
date-today = Сегодня
date-yesterday = Вчера
deal-ask-note = Заметка к сделке?
deal-confirm =
    Записать сделку?
    { $client }: { $amount }
    Прибыль: { $profit }
    Дата: { $date }
deal-saved = Сделка № { $number } с { $client }: { $amount }. Записано.
deal-saved-first = 🎉 Первая сделка с { $client }: { $amount }. Записано.
deal-client-lost = Клиент отмечен как потерянный. Сначала верните его в работу в карточке.

## A client's deals
btn-deals = 💰 Сделки
deals-title = Сделки с { $client }:
deals-none = У { $client } нет сделок.
deal-card =
    Сделка № { $number } от { $date }
    Сумма: { $amount }
    Прибыль: { $profit }
    Заметка: { $note }
deal-list-line = № { $number } · { $date } · { $amount }
btn-deal-amount = ✏️ Сумма
btn-deal-profit = ✏️ Прибыль
btn-deal-delete = 🗑 Удалить
btn-deal-delete-confirm = Да, удалить
deal-delete-confirm = Удалить сделку № { $number }? Её бонусы перестанут учитываться; изменение сохранится в журнале.
deal-deleted = Сделка удалена. Бонусы и число сделок клиента пересчитаны.
deal-not-yours = Эту сделку вы изменить не можете.
deal-ask-new-amount = Правильная сумма?
deal-ask-new-profit = Правильная прибыль (или пропустите, чтобы очистить)?
deal-edited = Сделка исправлена, бонусы пересчитаны.
field-deal = сделку
deals-page = Страница { $page }
