"""Cheap language detection: script first, then py3langid restricted to the news languages we meet."""

import re
from functools import lru_cache

CANDIDATES = ["en", "id", "ms", "ru", "uk", "zh", "fr", "de", "es", "pt", "nl", "it", "tl", "vi"]
CJK = re.compile(r"[\u4e00-\u9fff]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LATIN = re.compile(r"[A-Za-z]")


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
    identifier.set_languages(CANDIDATES)
    return identifier


def detect_language(text: str) -> str | None:
    """'en', 'id', 'ru', 'zh'... or None when there is too little text to tell."""
    if not isinstance(text, str):
        return None
    sample = text[:4000]
    cjk, cyrillic, latin = len(CJK.findall(sample)), len(CYRILLIC.findall(sample)), len(LATIN.findall(sample))
    if cjk >= 5 and cjk * 3 > latin and cjk >= cyrillic:
        return "zh"  # one Chinese character carries about a syllable: count them thrice
    if cyrillic + latin < 20:
        return None
    if cyrillic > latin:
        code = _identifier().classify(sample)[0]
        return "uk" if code == "uk" else "ru"
    code, _ = _identifier().classify(sample)
    if code in ("ms",):
        return "id"  # Malay and Indonesian share most news vocabulary; our lexicon is Indonesian
    if code in ("ru", "uk", "zh"):
        return "en"
    return code
