## analytics: /stats, a coach's clients, retention, revenue and attendance by month

analytics-command = Your clients, retention, revenue and attendance
analytics-not-coach = Only coaches have stats: /coach makes you one.
analytics-head = 📊 <b>Your coaching, the last { $months } months</b>
analytics-active = Active clients: <b>{ $count }</b>
analytics-revenue = Revenue: <b>⭐{ $stars }</b> (payments less refunds)
analytics-attendance = Attendance: <b>{ $held }</b> held, <b>{ $missed }</b> no-shows ({ $attended } of { $marked } marked sessions)
analytics-attendance-none = Attendance: no sessions marked completed or no-show yet.
analytics-months-head = <b>By month</b> (clients · Stars · sessions held):
analytics-month-line = { $month }: { $active } active — { $retained } stayed, { $new } new, { $churned } left · ⭐{ $revenue }{ $sessions }
analytics-month-sessions = {" "}· { $attended }/{ $marked } held
analytics-definitions = <i>Active: coached at some point in the month. Stayed: active this month and the month before; new: this month only; left: the month before only.</i>
analytics-retained = Stayed
analytics-new = New
analytics-churned = Left
analytics-chart-title = Your coaching
analytics-chart-subtitle = The last { $months } months
analytics-chart-clients = Clients
analytics-chart-revenue = Revenue, Stars (less refunds)
