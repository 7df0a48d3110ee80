"""English that handlers/plans, progress and reminders still use until their strings move to the
catalogues; the same words are `common-register-first` in locales/."""

REGISTER_FIRST = "Send /start first so I know who you are."
