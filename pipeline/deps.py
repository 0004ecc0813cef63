"""What a scene's code depends on, read from the source without running it.

A scene module's dependencies are the project's own modules it imports, directly
or through other project modules (a section's ``shared`` helpers, ``scenes.style``,
``lib.linalg``), together with the ``__init__.py`` of every package on the way,
since Python runs those too. Imports are read with :mod:`ast`, so nothing is
imported and manim is never loaded: hashing the closure of a scene takes a few
milliseconds. Imports anywhere in a module count (inside functions too), and
so does ``importlib.import_module("...")`` with a literal name.

Files that are not Python (an image, a data table) count when a module names
them in a module-level ``DATA_FILES`` tuple of literal paths, relative to the
module's own folder::

    DATA_FILES = ("portrait.png",)

A path named there that does not exist is an error, so a typo cannot silently
leave a file out of the fingerprint.
"""

from __future__ import annotations

import ast
import hashlib
from dataclasses import dataclass, field
from pathlib import Path


class DependencyError(ValueError):
    """A module cannot be read, or names a data file that is not there."""


@dataclass(frozen=True)
class ModuleInfo:
    """What one source file says about its dependencies."""

    path: Path
    imports: tuple[str, ...]  # absolute names, as written or resolved from relative ones
    data_files: tuple[Path, ...]


def _absolute(module: str | None, level: int, package: str) -> str:
    """The absolute name of ``from <level dots><module> import``, seen from ``package``."""
    if level == 0:
        return module or ""
    parts = package.split(".") if package else []
    if level - 1 > len(parts):
        return ""
    base = parts[: len(parts) - (level - 1)]
    return ".".join([*base, module] if module else base)


@dataclass
class DependencyGraph:
    """Resolves the project-local import closure of modules under ``root``, caching each file."""

    root: Path
    _parsed: dict[Path, ModuleInfo] = field(default_factory=dict)

    def module_file(self, name: str) -> Path | None:
        """The file of the project module ``name`` (``scenes.style``), or None if not local."""
        if not name:
            return None
        base = self.root.joinpath(*name.split("."))
        for candidate in (base / "__init__.py", base.with_suffix(".py")):
            if candidate.is_file():
                return candidate
        return None

    def _module_name(self, path: Path) -> tuple[str, str]:
        """The module name of ``path`` and the package its relative imports start from."""
        parts = list(path.relative_to(self.root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
            return ".".join(parts), ".".join(parts)
        return ".".join(parts), ".".join(parts[:-1])

    def info(self, path: Path) -> ModuleInfo:
        if path in self._parsed:
            return self._parsed[path]
        try:
            tree = ast.parse(path.read_bytes(), filename=str(path))
        except (OSError, SyntaxError, ValueError) as error:
            raise DependencyError(f"cannot read {self._shown(path)}: {error}") from None
        _name, package = self._module_name(path)
        imports: list[str] = []
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                imports += [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = _absolute(node.module, node.level, package)
                imports.append(base)
                # `from scenes import style` imports the submodule scenes.style.
                imports += [f"{base}.{alias.name}" for alias in node.names if alias.name != "*"]
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, (ast.Attribute, ast.Name))
                and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                imports.append(node.args[0].value)
        info = ModuleInfo(path, tuple(imports), self._data_files(tree, path))
        self._parsed[path] = info
        return info

    def _data_files(self, tree: ast.Module, path: Path) -> tuple[Path, ...]:
        for node in tree.body:
            targets = node.targets if isinstance(node, ast.Assign) else []
            if isinstance(node, ast.AnnAssign):
                targets = [node.target]
            if not any(isinstance(t, ast.Name) and t.id == "DATA_FILES" for t in targets):
                continue
            try:
                names = ast.literal_eval(node.value) if node.value is not None else ()
            except ValueError:
                names = None
            if not isinstance(names, (tuple, list)) or not all(isinstance(n, str) for n in names):
                raise DependencyError(
                    f"{self._shown(path)}: DATA_FILES must be a tuple of literal path strings, "
                    'e.g. DATA_FILES = ("portrait.png",)'
                )
            files = tuple(path.parent / name for name in names)
            for file in files:
                if not file.is_file():
                    raise DependencyError(
                        f"{self._shown(path)}: DATA_FILES names {file.name!r}, "
                        f"but {self._shown(file)} does not exist"
                    )
            return files
        return ()

    def _shown(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return str(path)

    def _with_packages(self, name: str) -> list[Path]:
        """The file of module ``name`` and the ``__init__.py`` of each package above it."""
        parts = name.split(".")
        files = []
        for i in range(1, len(parts) + 1):
            file = self.module_file(".".join(parts[:i]))
            if file is not None:
                files.append(file)
        return files

    def closure(self, module: str) -> list[Path]:
        """Every project file that importing ``module`` runs or reads, sorted."""
        start = self._with_packages(module)
        if not start or start[-1] != self.module_file(module):
            raise DependencyError(f"no module {module!r} under {self.root}")
        seen: set[Path] = set()
        stack = list(start)
        while stack:
            path = stack.pop()
            if path in seen:
                continue
            seen.add(path)
            info = self.info(path)
            seen.update(info.data_files)
            for name in info.imports:
                stack += [p for p in self._with_packages(name) if p not in seen]
        return sorted(seen)

    def digest(self, module: str) -> str:
        """A hash of the paths and contents of every file in ``module``'s closure."""
        digest = hashlib.sha256()
        for path in self.closure(module):
            digest.update(self._shown(path).encode() + b"\0")
            try:
                digest.update(path.read_bytes())
            except OSError as error:
                raise DependencyError(f"cannot read {self._shown(path)}: {error}") from None
            digest.update(b"\0")
        return digest.hexdigest()


def code_digest(root: Path, module: str) -> str:
    """The hash of the project code ``module`` imports, read afresh (for one module)."""
    return DependencyGraph(root).digest(module)
