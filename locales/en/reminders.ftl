## reminders
