"""The weekly weigh-in reminder's words, in the recipient's language."""

from __future__ import annotations

from domain.athletes.model import Language
from handlers.common.i18n import Catalogue


class WeighInWords:
    """The domain's WeighInWording."""

    def __init__(self, catalogue: Catalogue) -> None:
        self._catalogue = catalogue

    def reminder(self, language: Language) -> str:
        return self._catalogue.translator(language).get("body-weigh-in-reminder")
