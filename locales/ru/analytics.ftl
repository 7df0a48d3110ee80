## analytics: /stats, a coach's clients, retention, revenue and attendance by month

analytics-command = Ваши клиенты, удержание, выручка и посещаемость
analytics-not-coach = Статистика есть только у тренеров: /coach сделает вас тренером.
analytics-head = 📊 <b>Ваша работа за последние { $months } мес.</b>
analytics-active = Активных клиентов: <b>{ $count }</b>
analytics-revenue = Выручка: <b>⭐{ $stars }</b> (оплаты за вычетом возвратов)
analytics-attendance = Посещаемость: <b>{ $held }</b> проведено, <b>{ $missed }</b> неявок ({ $attended } из { $marked } отмеченных занятий)
analytics-attendance-none = Посещаемость: пока нет занятий, отмеченных как проведённые или неявка.
analytics-months-head = <b>По месяцам</b> (клиенты · звёзды · занятия):
analytics-month-line = { $month }: активных { $active } — остались { $retained }, новых { $new }, ушли { $churned } · ⭐{ $revenue }{ $sessions }
analytics-month-sessions = {" "}· проведено { $attended }/{ $marked }
analytics-definitions = <i>Активный — тот, кого вы тренировали хотя бы часть месяца. Остались — активны в этом и прошлом месяце; новые — только в этом; ушли — только в прошлом.</i>
analytics-retained = Остались
analytics-new = Новые
analytics-churned = Ушли
analytics-chart-title = Ваша работа
analytics-chart-subtitle = Последние { $months } мес.
analytics-chart-clients = Клиенты
analytics-chart-revenue = Выручка, звёзды (за вычетом возвратов)
