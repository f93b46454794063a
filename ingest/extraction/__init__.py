"""Event extraction: pure Python (stdlib, dateparser, py3langid), no Django.

extract(text, published=..., language=...) turns a cleaned article into candidate events;
detect_language(text) guesses the language; Gazetteer holds actors, aliases and offices.
"""

from .actors import ActorRole
from .candidates import EXTRACTOR_VERSION, Candidate, Evidence
from .extractor import extract
from .gazetteer import Gazetteer
from .language import detect_language

__all__ = ["EXTRACTOR_VERSION", "ActorRole", "Candidate", "Evidence", "Gazetteer", "detect_language", "extract"]
