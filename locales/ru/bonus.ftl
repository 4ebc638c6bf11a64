# Бонусы: русский.

cmd-bonus = Мой бонус с начала месяца

bonus-kind-base = базовый
bonus-kind-uplift = надбавка за нового клиента
bonus-kind-acquisition = бонус за нового клиента
bonus-status-released = выплачено после удержания
bonus-status-forfeited = сгорело
bonus-held-until = удерживается до { $date }
bonus-reason-retained = клиент сохранён
bonus-reason-client-lost = клиент потерян
bonus-reason-no-repeat-deal = нет повторной сделки за срок удержания

## Statements and /bonus
bonus-statement-title = 🧾 Бонусная ведомость за { $month }
bonus-mtd-title = 🧾 Ваш бонус с начала месяца ({ $month })
bonus-payable = К выплате: { $amount }
bonus-by-kind = Базовый { $base } · надбавка { $uplift } · за новых клиентов { $acquisition }
bonus-released-in-month = Выплачено после удержания в этом месяце: { $amount }
bonus-held = Удерживается: { $amount }
bonus-release-line = • { $amount } до { $date }
bonus-forfeited = Сгорело: { $amount }
bonus-forfeit-line = • { $amount } ({ $count }): { $reason }
bonus-lines = Строки ({ $shown } из { $total }):
bonus-none-yet = В этом месяце бонусов пока нет. Запишите сделку через /deal.
bonus-team-title = 🧾 Бонусы команды за { $month }
bonus-team-mtd-title = 🧾 Бонусы команды с начала месяца ({ $month })
bonus-team-line = • { $name }: к выплате { $payable }, удерживается { $held }, сгорело { $forfeited }
bonus-team-empty = Бонусов пока нет.
bonus-team-total = Итого: к выплате { $payable }, удерживается { $held }, сгорело { $forfeited }
bonus-csv-caption = Все строки бонусов за { $month }
bonus-holdback-ended = 💸 Срок удержания истёк:
bonus-released-line = • Выплачено { $amount } за { $client } ({ $reason })
bonus-forfeited-line = • Сгорело { $amount } за { $client } ({ $reason })

## The plan
btn-bonus-plan = ⚙️ Бонусная схема
bonus-plan =
    Бонусная схема (для сделок, записанных с этого момента):
    Базовый процент { $base } с каждой сделки
    Первая сделка с клиентом: × { $multiplier }; уменьшение вдвое { $halving }; не больше прибыли { $cap }
    Повышенная часть удерживается { $holdback } мес.; выплачивается, если { $retention }
    Бонус за нового клиента: { $acquisition }
bonus-retention-not-lost = клиент не потерян
bonus-retention-repeat-deal = клиент купил повторно
bonus-setting-baseRateBp = Базовый процент
bonus-setting-halving = Уменьшение вдвое
bonus-setting-capAtProfit = Не больше прибыли
bonus-setting-holdbackMonths = Месяцев удержания
bonus-setting-acquisitionBonusMinor = Бонус за нового клиента
bonus-ask-baseRateBp = Базовый процент (0–100, например 2 или 2,5)?
bonus-ask-holdbackMonths = Сколько месяцев удерживать повышенную часть? (0–24)
bonus-ask-acquisitionBonusMinor = Фиксированный бонус за каждого нового клиента (0 — без бонуса)?
bonus-plan-saved = Сохранено. Действует для сделок, записанных с этого момента.
error-percent-invalid = Введите процент от 0 до 100, например 2 или 2,5.
