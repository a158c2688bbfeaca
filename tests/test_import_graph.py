"""Imports go one way (issue 15): no module of the project imports, directly or through others,
a module that imports it back.

The graph is read from the source with `ast`, so it holds every import: at module level and
inside functions and methods (an import moved into a function body to dodge a cycle is still
a cycle, it only fails later and elsewhere). Relative imports are resolved; `from package
import name` counts as an import of `package.name` when that is a module of the project.
Python executes a package's `__init__` before a submodule, but that adds no edge here: a
package that re-exports its submodules (`practices.models`) would otherwise always look like
a cycle with them.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The project's own packages: the apps and the project package. Tests, benchmarks and scripts
# import the project but nothing imports them.
PROJECT_PACKAGES = [
    "accounts",
    "ateliers",
    "cop_site",
    "core",
    "editorial",
    "home",
    "members",
    "notifications",
    "organisations",
    "pictures",
    "practices",
    "search",
    "taxonomy",
    "tips",
]

# Cycles that are known and have an owner, as the sorted tuple of their modules. Add an entry
# only with a comment that says who removes it and when.
ALLOWED_CYCLES: set[tuple[str, ...]] = set()

# Imports from a model module to its own app's services, views or facets, each with a comment
# that says why it cannot go the other way.
ALLOWED_UPWARD_IMPORTS: set[str] = set()


def project_modules():
    """{dotted module name: path} for every .py file in the project's packages."""
    modules = {}
    for package in PROJECT_PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            modules[".".join(parts)] = path
    return modules


def imported_modules(name, path, modules):
    """The project modules that module `name` imports anywhere in its source."""
    is_package = path.name == "__init__.py"
    tree = ast.parse(path.read_text(), filename=str(path))
    targets = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                targets.add(alias.name)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                # The package a relative import starts from: a package's own name for its __init__.
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module
            for alias in node.names:
                submodule = f"{source}.{alias.name}"
                targets.add(submodule if submodule in modules else source)
    found = set()
    for target in targets:
        # `import a.b.c` of a name that is not a module (a typo would fail elsewhere) counts as
        # its nearest module.
        while target and target not in modules:
            target = target.rpartition(".")[0]
        if target and target != name:
            found.add(target)
    return found


def import_graph():
    modules = project_modules()
    return {name: imported_modules(name, path, modules) for name, path in modules.items()}


def cycles(graph):
    """Each strongly connected group of modules (Tarjan), with one cycle through it to show."""
    index, low, on_stack, stack, groups = {}, {}, set(), [], []

    def visit(start):
        # Iterative depth-first search; the graph is deep enough to hit the recursion limit.
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return [(tuple(group), one_cycle(graph, group)) for group in groups]


def one_cycle(graph, group):
    """A shortest path from the group's first module back to itself, inside the group."""
    start, members = group[0], set(group)
    paths, seen = [[start]], {start}
    while paths:
        next_paths = []
        for path in paths:
            for child in sorted(graph[path[-1]] & members):
                if child == start:
                    return path + [start]
                if child not in seen:
                    seen.add(child)
                    next_paths.append(path + [child])
        paths = next_paths
    return group


def test_the_graph_sees_imports_inside_functions_and_relative_imports():
    """The walker itself: a lazy relative import in a function body is an edge."""
    graph = import_graph()
    # ateliers/apps.py imports `.models` inside AppConfig.ready().
    assert "ateliers.models" in graph["ateliers.apps"]
    # `from core import page_cache` is an import of the module core.page_cache.
    assert "core.page_cache" in graph["ateliers.apps"]
    # The models package re-exports its parts with relative imports.
    assert "practices.models.stories" in graph["practices.models"]


def test_no_import_cycle_between_project_modules():
    found = [(group, path) for group, path in cycles(import_graph()) if group not in ALLOWED_CYCLES]
    report = "\n".join(" -> ".join(path) + f"   (modules in the cycle: {', '.join(group)})" for group, path in found)
    assert not found, f"Import cycles between project modules:\n{report}"


def test_models_import_nothing_from_their_apps_services_views_or_facets():
    """A model is the bottom of its app: services, views and facets build on it, never the
    other way round (not even through a lazy import)."""
    graph = import_graph()
    offenders = []
    for module, targets in graph.items():
        app, _, rest = module.partition(".")
        if rest != "models" and not rest.startswith("models."):
            continue
        for target in targets:
            target_app, _, target_rest = target.partition(".")
            concern = target_rest.split(".")[0]
            if target_app == app and concern in {"services", "views", "facets", "api"}:
                offenders.append(f"{module} -> {target}")
    offenders = [offender for offender in offenders if offender not in ALLOWED_UPWARD_IMPORTS]
    assert not offenders, "Models import from the layers above them:\n" + "\n".join(sorted(offenders))
