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

## Ответы на то, что никто другой не понял, и сбои.

common-unknown-command = Такой команды я не знаю. Отправьте /help, чтобы узнать, что я умею.
common-no-card-for-set = Чтобы записать подход, сначала откройте тренировку командой /today.
common-unknown-text = Не совсем понимаю, о чём вы. Отправьте /help, чтобы узнать, что я умею.
common-unsupported-message = С этим я пока ничего не могу сделать. Отправьте /help, чтобы узнать, что я умею.
common-sorry = Извините, у меня что-то пошло не так. Попробуйте ещё раз чуть позже.
common-outdated-card = Эта карточка устарела. Отправьте команду ещё раз, чтобы получить свежую.
common-register-first = Сначала отправьте /start, чтобы я знал, кто вы.
