## billing: пакеты, оплата в Telegram Stars, счета, возвраты, долг перед тренерами

billing-packages-head = 📦 <b>Ваши пакеты</b>
billing-packages-none = У вас пока нет пакетов.
billing-packages-help = Чтобы добавить пакет, отправьте, например:
    <code>/packages add sessions 4 400 Четыре занятия</code> — 4 занятия за ⭐400
    <code>/packages add monthly 1500 +4/month +forms +messaging Онлайн-ведение</code> — каждые 30 дней
    <code>/packages add program nsuns-4day 800 Блок nSuns</code> — план, который вы назначите, разовая оплата
    <code>/packages price 1 450</code> — новая цена пакета 1
    Название — в конце (до 32 символов); спортсмены видят ваши пакеты в /billing.
billing-package-line = { $number }. <b>{ $name }</b> — { $what } · ⭐{ $price }
billing-kind-sessions = { $sessions ->
    [one] { $sessions } занятие
    [few] { $sessions } занятия
   *[other] { $sessions } занятий
}
billing-kind-monthly = ежемесячная подписка
billing-kind-program = программа «{ $plan }»
billing-included-per-month = { $sessions } в месяц
billing-included-forms = разбор техники
billing-included-messaging = переписка
billing-archive-button = 🗄 В архив: { $name }
billing-package-added = ✅ Добавлено: { $line }
billing-package-archived = 🗄 { $name } больше не предлагается; уже выставленные счета будут отклонены.
billing-no-package = Этот пакет не предлагается.
billing-not-coach = Пакеты предлагают только тренеры: /coach сделает вас тренером.
billing-problem-kind = Начните с вида: <code>sessions</code>, <code>monthly</code> или <code>program</code>.
billing-problem-sessions = В пакете от 1 до 100 занятий: <code>sessions 4 400 Название</code>.
billing-problem-plan = Программа называет план по короткому имени: <code>program nsuns-4day 800 Название</code>.
billing-problem-price = Цена — целое число звёзд, от 1 до 10000.
billing-problem-option = Опции: <code>+4/month</code>, <code>+forms</code> и <code>+messaging</code>.
billing-problem-name = Дайте пакету название до 32 символов, в конце.
billing-problem-plan-unknown = У вас нет плана «{ $plan }», чтобы его назначить. /plan покажет ваши.

billing-athlete-head = 💳 <b>Оплата</b>
billing-no-coach = У вас нет тренера, у которого можно купить пакет.
billing-offer-head = Пакеты тренера { $coach }:
billing-offer-none = { $coach } пока не предлагает пакетов.
billing-buy-button = 🛒 { $name } — ⭐{ $price }
billing-balance-line = 🎟 Осталось занятий с тренером { $coach }: { $sessions }
billing-subscription-line = 📅 Подписка у тренера { $coach } оплачена до { $until }
billing-invoices-head = 🧾 <b>Счета</b>
billing-invoice-line = №{ $number } · { $name } · ⭐{ $amount } · { $status }
billing-renewal = (продление)
billing-status-pending = ждёт оплаты
billing-status-completed = оплачен
billing-status-failed = отклонён
billing-status-refunded = возвращён
billing-status-cancelled = отменён
billing-coach-head = 💼 <b>Счета вам</b>
billing-coach-none = Пока нет.
billing-owed = ⭐ Заработано { $earned } · возвращено { $refunded } · выплачено { $paid } · <b>вам причитается { $owed }</b>
    <i>Звёзды поступают на баланс бота, а не на ваш: администратор бота выплачивает вам долг и отмечает это здесь.</i>
billing-refund-button = ↩️ Вернуть №{ $number }

billing-invoice-description = { $what }, тренер { $coach }.
billing-subscribe = 📅 { $name }: ⭐{ $price } каждые 30 дней, Telegram продлевает, пока вы не отмените.
billing-subscribe-button = ⭐ Подписаться
billing-checkout-unknown = Это не наш счёт. Ничего не списано.
billing-checkout-not-yours = Этот счёт выставлен другому человеку. Ничего не списано.
billing-checkout-not-pending = Этот счёт уже оплачен или закрыт. Ничего не списано.
billing-checkout-withdrawn = Тренер больше не предлагает этот пакет. Ничего не списано.
billing-checkout-price-changed = Цена изменилась после выставления счёта. Откройте /billing за новым; ничего не списано.
billing-checkout-not-client = Вы больше не тренируетесь с этим тренером. Ничего не списано.
billing-checkout-not-following = Подписка на этот трек закончилась. Ничего не списано.
billing-paid-sessions = ✅ Оплачено ⭐{ $amount }: добавлено занятий: { $added }. Осталось занятий: { $sessions }.
billing-paid-monthly = ✅ Оплачено ⭐{ $amount }: подписка оплачена до { $until }.
billing-paid-program = ✅ Оплачено ⭐{ $amount }: «{ $name }» будет назначена вам через минуту.
billing-paid-track-once = ✅ Оплачено ⭐{ $amount }: трек «{ $name }» ваш навсегда.
billing-paid-track-monthly = ✅ Оплачено ⭐{ $amount }: трек «{ $name }» ваш до { $until }.
billing-paid-again = Этот платёж уже учтён; ничего не добавлено.
billing-paid-unknown = ⚠️ Платёж дошёл, но не совпал ни с одним счётом. Администратор бота разберётся (платёж { $charge }).
billing-paid-to-coach = 💰 { $athlete } оплатил(а) ⭐{ $amount } за { $name } (счёт №{ $number }).
billing-refunded-to-athlete = ↩️ Вам вернули ⭐{ $amount } за { $name } (счёт №{ $number }).
billing-expiring = 📅 Подписка у тренера { $coach } оплачена до { $until }: тогда Telegram её продлит, если вы не отмените.
billing-one-left = 🎟 Осталось одно занятие с тренером { $coach }. /billing — купить ещё.

billing-refund-done = ↩️ Счёт №{ $number } возвращён: ⭐{ $amount } ушли обратно спортсмену.
billing-refund-sessions = Снято неиспользованных занятий: { $removed }; уже использовано: { $used }.
billing-refund-subscription = Подписка теперь оплачена до { $until }.
billing-refund-program = Программа остаётся назначенной: копию плана не забрать.
billing-refund-track = Доступ к треку теперь до { $until }.
billing-refund-already = Счёт №{ $number } уже возвращён; ничего не изменилось.
billing-refund-not-allowed = Возвращать можно только оплаченные счета ваших текущих клиентов и счета за ваши платные треки.
billing-refund-failed = Telegram отказал в возврате ({ $reason }); ничего не изменилось.
billing-refund-usage = Отправьте <code>/refund</code> и идентификатор платежа в Telegram.
billing-admin-only = Это может только администратор бота.
billing-payout-usage = Отправьте <code>/payout</code>, Telegram id тренера и выплаченные звёзды, например <code>/payout 3001 400</code>.
billing-payout-too-much = Бот должен этому тренеру ⭐{ $owed }: отметьте не больше.
billing-payout-done = Отмечена выплата ⭐{ $stars }; бот ещё должен этому тренеру ⭐{ $owed }. В Telegram звёзды не переводились: это запись о вашей выплате.
billing-owed-head = ⭐ <b>Долг бота перед тренерами</b>
billing-owed-line = { $coach }: ⭐{ $owed } (заработано { $earned })
billing-price-usage = Отправьте <code>/packages price</code>, номер пакета в /packages и новую цену, например <code>/packages price 1 450</code>.
billing-price-set = 🏷 { $name } теперь стоит ⭐{ $price }. Счета по старой цене будут отклонены; спортсмен запросит новый.
billing-cancel-button = ✖️ Отменить счёт №{ $number }
billing-cancelled = Счёт №{ $number } отменён: оплатить его больше нельзя.
billing-cancel-not-open = Этот счёт не ваш или уже закрыт.
