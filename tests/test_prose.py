"""Text with paragraphs: each line break starts a paragraph; a list item is one line."""

from __future__ import annotations

from advising_content.prose import normalized, plain_text, prose_blocks


def test_each_line_break_starts_a_paragraph_whatever_its_kind() -> None:
    text = " First.\r\n\r\nSecond  part.\rThird.\u2028Fourth.\n\n\n"
    assert prose_blocks(text) == ["First.", "Second  part.", "Third.", "Fourth."]


def test_a_list_item_keeps_its_spaces_and_joins_its_lines() -> None:
    written = ["Also:", {"list": [" Advanced  dermatology ", "Pediatric\ndermatology"]}]
    assert prose_blocks(written) == ["Also:", ("Advanced  dermatology", "Pediatric dermatology")]
    assert normalized(written) == [
        "Also:",
        {"list": ["Advanced  dermatology", "Pediatric dermatology"]},
    ]


def test_plain_text_separates_paragraphs_and_puts_each_item_on_a_line() -> None:
    written = ["One.\nTwo.", {"list": ["a", "b"]}]
    assert plain_text(written) == "One.\n\nTwo.\n\n- a\n- b"
