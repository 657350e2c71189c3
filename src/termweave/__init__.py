"""termweave: trilingual scholarly abstracts from one seed, kept terminologically consistent.

The Python API: ``termweave.Project.load(path)`` reads and validates a project;
``termweave.pipeline`` holds the steps (extract, update, check, build, write) over it.
"""

__version__ = "0.1.0"


def __getattr__(name: str):
    # Lazily, so `import termweave` (the CLI's version lookup) stays light.
    if name == "Project":
        from termweave.project import Project

        return Project
    raise AttributeError(f"module 'termweave' has no attribute {name!r}")
