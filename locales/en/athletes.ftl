## athletes

# The /settings button that switches the language: it names the other language in that language.
athletes-switch-language = 🌐 Русский
