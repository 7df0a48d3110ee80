## athletes

# Кнопка /settings, переключающая язык: она называет другой язык на нём самом.
athletes-switch-language = 🌐 English
