"""The floor of the benchmark: read and parse every YAML file under a folder with libyaml."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml


def main() -> None:
    for path in sorted(Path(sys.argv[1]).rglob("*.yaml")):
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)


if __name__ == "__main__":
    main()
