"""Where each exported file goes inside the output directory."""

from __future__ import annotations

from dataclasses import dataclass

from advising_content.export.csv_tables import TABLES

FORMATS = ("json", "markdown", "csv")
INDEX_FILE = "index.json"
DATAPACKAGE_FILE = "csv/datapackage.json"


@dataclass(frozen=True)
class ExportLayout:
    """The files of an export of the given formats, as paths relative to the output directory.

    Record file names come from record ids, which validation has checked to be slugs.
    """

    formats: tuple[str, ...]

    def record_json(self, record_id: str) -> str:
        return f"json/{record_id}.json"

    def record_markdown(self, record_id: str) -> str:
        return f"markdown/{record_id}.md"

    def table_csv(self, table_name: str) -> str:
        return f"csv/{table_name}.csv"

    def record_files(self, record_id: str) -> dict[str, str]:
        files = {}
        if "json" in self.formats:
            files["json"] = self.record_json(record_id)
        if "markdown" in self.formats:
            files["markdown"] = self.record_markdown(record_id)
        return files

    def table_files(self) -> dict[str, str]:
        if "csv" not in self.formats:
            return {}
        return {
            "datapackage": DATAPACKAGE_FILE,
            **{table.name: self.table_csv(table.name) for table in TABLES},
        }
