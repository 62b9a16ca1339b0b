"""What the exports write from: a valid record's data, as the validator read it."""

from collections.abc import Mapping
from typing import Any

Record = Mapping[str, Any]
