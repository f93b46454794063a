"""Operations: health checks, structured request and task logs, task failure counts, framing opt-in."""
