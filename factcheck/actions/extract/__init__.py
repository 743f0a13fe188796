"""extract: claims proposed from a source's own text, for a person to review.

For every figure, date, role or title and attributed statement in a source, a claim is proposed
with its verbatim quote (the sentence, or the clauses around the figure in a very long one), the
value as written, a guessed subject (a registry entity by name or alias, else a proposed new one)
and a guessed property, all marked `status: proposed`. Nothing reviewed is touched; what the
registry already holds (any status, rejected included) is never proposed again, so extraction is
idempotent.
"""

from factcheck.actions.extract.propose import extract, propose

__all__ = ["extract", "propose"]
