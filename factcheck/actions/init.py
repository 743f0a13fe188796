"""init: a new, empty project — seeds/ with an empty manifest, claims/ with an empty entity
list, a short guide, and a .gitignore for factcheck's own cache and lock.

Nothing that exists is overwritten: init creates only what is missing, so running it in an
existing project (or twice) is harmless.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from factcheck.errors import ProjectError
from factcheck.files import write_atomic
from factcheck.registry.edit import ENTITIES_HEADER, MANIFEST_HEADER

GUIDE = """\
# Fact-checking this story with factcheck

1. Add each source, with its publication date (a range if only the text dates it):

       factcheck sources add ~/Downloads/council-statement.txt --date 2020-07-07 --title "Council statement"

2. Let factcheck propose claims for every figure, date, role and attributed statement, then review them:

       factcheck extract
       factcheck review

   or add a claim by hand (the quote is checked against the source before anything is written):

       factcheck add council-statement.txt --quote "spent £7m on roads" --subject "the council" \\
           --property "road spending" --value "£7m"

3. Check everything, and read the discrepancies:

       factcheck verify          # exit 0 clean, 1 discrepancies to look at, 2 bad input
       factcheck report -o report.html --format html
       factcheck timeline "the council" "road spending"

4. Record decisions on discrepancies so they stop failing CI:

       factcheck resolve d-1a2b3c4d --as dismissed --note "different financial years"

seeds/ holds the sources byte for byte and seeds/manifest.yaml their metadata; claims/ holds the
registry (one YAML file per source, plus entities.yaml). All of it is plain text meant for git.
"""
GITIGNORE = "# factcheck's cache and write lock\n.factcheck/\n"


@dataclass(frozen=True)
class Initialized:
    root: str
    created: tuple[str, ...]  # paths relative to root, in the order made


def init_project(directory: str | Path) -> Initialized:
    """Make directory a factcheck project (creating it if need be); returns what was created."""
    root = Path(directory)
    if root.exists() and not root.is_dir():
        raise ProjectError("is a file, not a folder", path=str(root), hint="choose a folder for the project")
    created: list[str] = []
    for folder in (root, root / "seeds", root / "claims"):
        if not folder.exists():
            folder.mkdir(parents=True)
            if folder != root:
                created.append(f"{folder.name}/")
    for path, text in (
        (root / "seeds" / "manifest.yaml", MANIFEST_HEADER),
        (root / "claims" / "entities.yaml", ENTITIES_HEADER),
        (root / "GUIDE.md", GUIDE),
        (root / ".gitignore", GITIGNORE),
    ):
        if not path.exists():
            write_atomic(path, text)
            created.append(str(path.relative_to(root)))
    return Initialized(str(root), tuple(created))
