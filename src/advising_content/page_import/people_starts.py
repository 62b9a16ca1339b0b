"""The blocks of a page about people: advisor blocks and their labels, 'View profile' and
'Request an … Advisor' links, specialty sessions and 'For more information'."""

from __future__ import annotations

import re
from typing import Any

from advising_content.page_import import line_kinds as kinds
from advising_content.page_import.page_text import PageLine
from advising_content.page_import.people_lines import advisor_from, slug
from advising_content.page_import.reader_state import ReaderState

_CONTACT_OUR = re.compile(r"^(?:please\s+)?contact\s+(?:our|the)\s+", re.IGNORECASE)


class PeopleStarts(ReaderState):
    def advisor_label(self, line: PageLine, blank_before: bool) -> bool:
        if not kinds.is_advisor_label(line.text) or (self.current == "question" and not self.prose):
            return False
        if self.current == "advisors" and not blank_before:  # an advisor's title
            return False
        self.end_preamble()
        group_id = self.draft.unique_id(slug(_CONTACT_OUR.sub("", line.text)))
        self.open("advisors", {"id": group_id, "label": line.text, "advisors": []})
        self.draft.collection("advisor_groups").append(self.entry)
        self.draft.place(group_id, line.number)
        return True

    def advisor(self, line: PageLine, group: dict[str, Any] | None) -> bool:
        """A new advisor, in the advisor block ``group`` or standing alone."""
        advisor = advisor_from(line.text)
        if advisor is None:
            return False
        advisor["id"] = self.draft.unique_id(advisor["id"])
        self.draft.collection("advisors").append(advisor)
        if group is None:
            self.open("advisors", {"advisors": []})
            self.draft.place(advisor["id"], line.number)
        group = group if group is not None else self.entry
        group["advisors"].append(advisor["id"])
        return True

    def _url(self, line: PageLine) -> dict[str, str]:
        url = self.addresses.get((line.number, line.text))
        return {"url": url} if url else {}

    def advisor_entry(self, advisor_id: str) -> dict[str, Any]:
        return next(a for a in self.draft.parts["advisors"] if a["id"] == advisor_id)

    def profile_link(self, line: PageLine, blank_before: bool) -> bool:
        advisors = self.draft.parts.get("advisors") or []
        if not kinds.is_profile_link(line.text) or not advisors:
            return False
        advisor_id = advisors[-1]["id"]
        link = {"id": self.draft.unique_id(f"{advisor_id}-profile"), "kind": "advisor-profile"}
        link.update({"label": line.text, "advisor": advisor_id, **self._url(line)})
        self.draft.collection("links").append(link)
        return True

    def request_link(self, line: PageLine, blank_before: bool) -> bool:
        if not kinds.is_request_link(line.text):
            return False
        self.end_preamble()
        self.close()
        link_id = self.draft.unique_id("request-advisor")
        self.draft.collection("links").append(
            {"id": link_id, "kind": "request-advisor", "label": line.text, **self._url(line)}
        )
        self.draft.place(link_id, line.number)
        name = re.sub(r"(?i)^request\s+an?\s+|\s+advis[eo]r\b.*$", "", line.text)
        self.draft.parts.setdefault("specialty", {"name": name})
        return True

    def more_information(self, line: PageLine, blank_before: bool) -> bool:
        if not kinds.is_more_information(line.text):
            return False
        self.end_preamble()
        contact_id = self.draft.unique_id("more-information")
        self.open("contact", {"id": contact_id, "heading": line.text})
        self.draft.collection("contacts").append(self.entry)
        self.draft.place(contact_id, line.number)
        return True

    def session_heading(self, line: PageLine, blank_before: bool) -> bool:
        found = kinds.session(line.text)
        if found is None:
            return False
        self.end_preamble()
        wanted = f"{found['term']} specialty session" if "term" in found else found["title"]
        session = {"id": self.draft.unique_id(slug(wanted)), **found}
        self.open("session", session)
        self.draft.collection("sessions").append(session)
        self.draft.place(session["id"], line.number)
        return True
