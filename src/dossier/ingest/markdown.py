"""Light Markdown stripping: keep the words, drop the markup."""

from __future__ import annotations

import re

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+.*$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*$")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_BULLET = re.compile(r"^(\s*)[-*+]\s+(?=\S)")

_INLINE = [
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # image → alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # [text](url)
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # [text][ref]
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),  # <http://...>
    (re.compile(r"`([^`\n]+)`"), r"\1"),  # `code`
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # **bold**, __bold__
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),  # *em*
    (re.compile(r"(?<![\w])_(?=\S)(.+?)(?<=\S)_(?![\w])"), r"\1"),  # _em_ (not snake_case)
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),  # ~~strike~~
]
# backslash escapes are hidden in the Private Use Area while markup is stripped
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])")
_HIDDEN = re.compile("[\ue000-\ue07f]")


def strip_markdown(text: str) -> str:
    """Headings, emphasis, links, images, code, quotes and bullets → their text."""
    out: list[str] = []
    in_fence = False
    for line in text.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            out.append(line)
            continue
        if _RULE.match(line) or _REF_DEF.match(line):
            out.append("")
            continue
        if _SETEXT.match(line) and out and out[-1].strip():
            continue  # underline of a setext heading
        while _QUOTE.match(line):
            line = _QUOTE.sub("", line, count=1)
        heading = _HEADING.match(line)
        if heading:
            line = heading.group(1) or ""
        line = _BULLET.sub(r"\1", line)
        line = _ESCAPE.sub(lambda m: chr(0xE000 + ord(m.group(1))), line)
        for pattern, repl in _INLINE:
            line = pattern.sub(repl, line)
        line = _HIDDEN.sub(lambda m: chr(ord(m.group()) - 0xE000), line)
        out.append(line.rstrip())
    return "\n".join(out).strip("\n")
