## billing: packages, payments in Telegram Stars, invoices, refunds, what coaches are owed

billing-packages-head = 📦 <b>Your packages</b>
billing-packages-none = You offer no packages yet.
billing-packages-help = To add one, send for example:
    <code>/packages add sessions 4 400 Four sessions</code> — a pack of 4 sessions for ⭐400
    <code>/packages add monthly 1500 +4/month +forms +messaging Online coaching</code> — every 30 days
    <code>/packages add program nsuns-4day 800 nSuns block</code> — a plan you assign, paid once
    <code>/packages price 1 450</code> — a new price for package 1
    The name comes last (up to 32 characters); athletes see your packages in /billing.
billing-package-line = { $number }. <b>{ $name }</b> — { $what } · ⭐{ $price }
billing-kind-sessions = { $sessions ->
    [one] { $sessions } session
   *[other] { $sessions } sessions
}
billing-kind-monthly = monthly subscription
billing-kind-program = program “{ $plan }”
billing-included-per-month = { $sessions }/month
billing-included-forms = form checks
billing-included-messaging = messaging
billing-archive-button = 🗄 Archive { $name }
billing-package-added = ✅ Added: { $line }
billing-package-archived = 🗄 { $name } is no longer offered; invoices already sent for it will be refused.
billing-no-package = That package is not on offer.
billing-not-coach = Only coaches offer packages: /coach makes you one.
billing-problem-kind = Start with the kind: <code>sessions</code>, <code>monthly</code> or <code>program</code>.
billing-problem-sessions = A pack has 1 to 100 sessions: <code>sessions 4 400 Name</code>.
billing-problem-plan = A program names a plan by its short name: <code>program nsuns-4day 800 Name</code>.
billing-problem-price = The price is a whole number of Stars, 1 to 10000.
billing-problem-option = Options are <code>+4/month</code>, <code>+forms</code> and <code>+messaging</code>.
billing-problem-name = Give the package a name of up to 32 characters, last.
billing-problem-plan-unknown = You have no plan “{ $plan }” to assign. /plan lists yours.

billing-athlete-head = 💳 <b>Billing</b>
billing-no-coach = You have no coach to buy from.
billing-offer-head = Packages from { $coach }:
billing-offer-none = { $coach } offers no packages yet.
billing-buy-button = 🛒 { $name } — ⭐{ $price }
billing-balance-line = 🎟 Sessions left with { $coach }: { $sessions }
billing-subscription-line = 📅 Subscription with { $coach } paid until { $until }
billing-invoices-head = 🧾 <b>Invoices</b>
billing-invoice-line = #{ $number } · { $name } · ⭐{ $amount } · { $status }
billing-renewal = (renewal)
billing-status-pending = awaiting payment
billing-status-completed = paid
billing-status-failed = refused
billing-status-refunded = refunded
billing-status-cancelled = cancelled
billing-coach-head = 💼 <b>Invoices to you</b>
billing-coach-none = None yet.
billing-owed = ⭐ Earned { $earned } · refunded { $refunded } · paid out { $paid } · <b>owed to you { $owed }</b>
    <i>Stars are paid to the bot's balance, not to yours: a bot admin pays you what is owed and records it here.</i>
billing-refund-button = ↩️ Refund #{ $number }

billing-invoice-description = { $what }, with coach { $coach }.
billing-subscribe = 📅 { $name }: ⭐{ $price } every 30 days, renewed by Telegram until you cancel.
billing-subscribe-button = ⭐ Subscribe
billing-checkout-unknown = This invoice is not one of ours. Nothing was charged.
billing-checkout-not-yours = This invoice was made for someone else. Nothing was charged.
billing-checkout-not-pending = This invoice is paid or closed already. Nothing was charged.
billing-checkout-withdrawn = The coach no longer offers this package. Nothing was charged.
billing-checkout-price-changed = The price has changed since this invoice. Open /billing for a new one; nothing was charged.
billing-checkout-not-client = You no longer train with this coach. Nothing was charged.
billing-checkout-not-following = This track's subscription has ended. Nothing was charged.
billing-paid-sessions = ✅ Paid ⭐{ $amount }: { $added } sessions added. Sessions left: { $sessions }.
billing-paid-monthly = ✅ Paid ⭐{ $amount }: your subscription is paid until { $until }.
billing-paid-program = ✅ Paid ⭐{ $amount }: “{ $name }” will be assigned to you in a moment.
billing-paid-track-once = ✅ Paid ⭐{ $amount }: the track “{ $name }” is yours for good.
billing-paid-track-monthly = ✅ Paid ⭐{ $amount }: the track “{ $name }” is yours until { $until }.
billing-paid-again = This payment was recorded already; nothing more was added.
billing-paid-unknown = ⚠️ Your payment reached us but matches no invoice. A bot admin will look into it (charge { $charge }).
billing-paid-to-coach = 💰 { $athlete } paid ⭐{ $amount } for { $name } (invoice #{ $number }).
billing-refunded-to-athlete = ↩️ ⭐{ $amount } for { $name } (invoice #{ $number }) were refunded to you.
billing-expiring = 📅 Your subscription with { $coach } is paid until { $until }: Telegram renews it then unless you cancel.
billing-one-left = 🎟 One session left with { $coach }. /billing to buy more.

billing-refund-done = ↩️ Invoice #{ $number } refunded: ⭐{ $amount } went back to the athlete.
billing-refund-sessions = { $removed } unused sessions taken off; { $used } had been used already.
billing-refund-subscription = The subscription is now paid until { $until }.
billing-refund-program = The program stays assigned: a plan copy can't be taken back.
billing-refund-track = The track's access is cut back to { $until }.
billing-refund-already = Invoice #{ $number } was refunded already; nothing changed.
billing-refund-not-allowed = You can refund only your current clients' paid invoices and those for your paid tracks.
billing-refund-failed = Telegram refused the refund ({ $reason }); nothing changed.
billing-refund-usage = Send <code>/refund</code> and a payment's Telegram charge id.
billing-admin-only = Only a bot admin can do that.
billing-payout-usage = Send <code>/payout</code>, the coach's Telegram id and the Stars you paid them, e.g. <code>/payout 3001 400</code>.
billing-payout-too-much = The bot owes that coach ⭐{ $owed }: record no more than that.
billing-payout-done = Recorded ⭐{ $stars } paid out; the bot still owes that coach ⭐{ $owed }. No Stars moved in Telegram: the ledger notes what you paid.
billing-owed-head = ⭐ <b>What the bot owes coaches</b>
billing-owed-line = { $coach }: ⭐{ $owed } (earned { $earned })
billing-price-usage = Send <code>/packages price</code>, the package's number in /packages and the new price, e.g. <code>/packages price 1 450</code>.
billing-price-set = 🏷 { $name } now costs ⭐{ $price }. Invoices sent at the old price will be refused; the athlete asks for a new one.
billing-cancel-button = ✖️ Cancel invoice #{ $number }
billing-cancelled = Invoice #{ $number } cancelled: it can no longer be paid.
billing-cancel-not-open = That invoice is not yours or is no longer open.
