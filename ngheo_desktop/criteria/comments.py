"""Keys of the office's comments on a returned household: which question, and for a member's question
which member, a comment is about.

A household question's comment is keyed by the question id (``address``); a member question's by the
question id and the member id (``birth_date@<member uuid>``), so a remark on one person's birth date is
shown under that person only. A bare member-question id (from an older receipt) applies to every member.
Other keys name what the comment is about (``village_meeting``).
"""

from __future__ import annotations

MEMBER_SEPARATOR = "@"


def comment_key(question_id: str, member_id: str | None = None) -> str:
    return f"{question_id}{MEMBER_SEPARATOR}{member_id}" if member_id else question_id


def split_comment_key(key: str) -> tuple[str, str | None]:
    """(question id, member id or None)."""
    question_id, _, member_id = key.partition(MEMBER_SEPARATOR)
    return question_id, member_id or None
