## Меню команд и то, что Spotter говорит в любом контексте.

common-command-today = Тренировка на сегодня, подход за подходом
common-command-plan = Ваш план: любой день, смена плана, свой план
common-command-maxes = Тренировочные максимумы и рабочие веса
common-command-history = Прошлые тренировки; исправить записанный подход
common-command-progress = Графики: e1RM, недельный объём, дни тренировок
common-command-start = Начать или перезапустить Spotter
common-command-reminders = Напоминания о тренировках и недельная сводка
common-command-settings = Часовой пояс и настройки
common-command-help = Что умеет Spotter
