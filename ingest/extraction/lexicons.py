"""Load the per-language lexicons (data in lexicons/*.json): triggers, cues, demonyms."""

import json
from functools import cache
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parent / "lexicons"
SUPPORTED_LANGUAGES = ("en", "id", "ru", "zh")
# Close relatives read well enough with a supported lexicon (Malay news uses Indonesian words).
LANGUAGE_FALLBACK = {"ms": "id", "uk": "ru", "be": "ru"}


def normalise_language(language: str | None) -> str:
    """The lexicon to use for a language code; English when nothing better is known."""
    if language in SUPPORTED_LANGUAGES:  # the usual case, asked thousands of times an article
        return language
    code = (language or "").lower().replace("_", "-").split("-")[0]
    code = LANGUAGE_FALLBACK.get(code, code)
    return code if code in SUPPORTED_LANGUAGES else "en"


@cache
def load_lexicon(language: str) -> dict:
    path = LEXICON_DIR / f"{normalise_language(language)}.json"
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)
