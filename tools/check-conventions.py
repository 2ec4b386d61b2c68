#!/usr/bin/env python3
"""Checks the project's C++ conventions that a compiler does not.

  * include-path: an #include "..." names the file from the repository root
    ("models/rules/ActionRules.h"), never a bare name ("ActionRules.h");
    generated "*.moc" files are the exception.
  * widget-include: nothing under models/ or app/ (but app/dashboard/main.cpp,
    which builds the window) includes a widget header: a QtWidgets, QtCharts
    or QtOpenGLWidgets class (<QWidget>, <QChart>, <QtWidgets/...>) or "ui/...".
  * disable-copy-move: every QObject class (Q_OBJECT) declared in a header has
    Q_DISABLE_COPY_MOVE(Class).
  * final: every class or struct defined in the project's sources (app/, ui/,
    models/, emulator/, bench/, fuzz/, tests/support/) that no class in the
    tree derives from is `final`.

Prints each violation as file:line: [rule] message, then a summary line.
Exits 1 on any violation, 0 otherwise. Python 3 standard library only.

Usage: tools/check-conventions.py [repository root]
"""

import glob
import os
import re
import sys

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), ".."))

SKIP_DIRS = {".git", "build", ".cache"}
SOURCE_SUFFIXES = (".h", ".cpp")

# Folders whose classes must be final when nothing derives from them. The test
# programs' own classes (tests/tst_*.cpp) are Qt Test fixtures and stay as they are.
FINAL_DIRS = ("app/", "ui/", "models/", "emulator/", "bench/", "fuzz/", "tests/support/")


WIDGET_MODULES = ("QtWidgets", "QtCharts", "QtOpenGLWidgets")

# Used when Qt's headers are not installed where the check looks for them.
FALLBACK_WIDGET_CLASSES = {
    "QAbstractButton", "QAbstractItemView", "QAbstractScrollArea", "QAction", "QActionGroup",
    "QApplication", "QBoxLayout", "QButtonGroup", "QChart", "QChartView", "QCheckBox", "QComboBox",
    "QDateTimeAxis", "QDialog", "QDialogButtonBox", "QDockWidget", "QFileDialog", "QFormLayout",
    "QFrame", "QGridLayout", "QGroupBox", "QHBoxLayout", "QHeaderView", "QInputDialog", "QLabel",
    "QLayout", "QLineEdit", "QLineSeries", "QListView", "QListWidget", "QMainWindow", "QMenu",
    "QMenuBar", "QMessageBox", "QPlainTextEdit", "QProgressBar", "QPushButton", "QRadioButton",
    "QScrollArea", "QShortcut", "QSpinBox", "QSplitter", "QStackedWidget", "QStatusBar", "QStyle",
    "QSystemTrayIcon", "QTabWidget", "QTableView", "QTableWidget", "QTextBrowser", "QTextEdit",
    "QToolBar", "QToolButton", "QTreeView", "QTreeWidget", "QVBoxLayout", "QValueAxis", "QWidget",
    "QWizard",
}


def qt_include_dirs():
    candidates = glob.glob("/usr/include/*/qt6") + ["/usr/include/qt6", "/usr/local/include/qt6"]
    return [d for d in candidates if os.path.isdir(d)]


def widget_classes():
    names = set(FALLBACK_WIDGET_CLASSES)
    for base in qt_include_dirs():
        for module in WIDGET_MODULES:
            folder = os.path.join(base, module)
            if os.path.isdir(folder):
                # Qt's class headers are named after the class, without a suffix.
                names.update(n for n in os.listdir(folder) if re.fullmatch(r"Q[A-Za-z0-9]+", n))
    return names


def source_files():
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("build"))
        for name in sorted(files):
            if name.endswith(SOURCE_SUFFIXES):
                path = os.path.join(folder, name)
                yield os.path.relpath(path, ROOT).replace(os.sep, "/"), path


def strip_comments(text):
    """Blanks comments and string literals, keeping line numbers and offsets."""

    def blank(match):
        return re.sub(r"[^\n]", " ", match.group(0))

    return re.sub(r'//[^\n]*|/\*.*?\*/|"(?:\\.|[^"\\\n])*"', blank, text, flags=re.S)


INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)
# A class or struct definition's head, up to the opening brace: `class X final : public Y {`.
CLASS_HEAD = re.compile(
    r"\b(class|struct)\s+((?:\w+::)*\w+)(\s+final)?\s*(:(?!:)[^;{}()]*)?\{", re.S
)


def line_of(text, offset):
    return text.count("\n", 0, offset) + 1


def class_heads(code):
    """(name, is_final, bases, offset of the head, offset of the opening brace)."""
    for match in CLASS_HEAD.finditer(code):
        before = code[max(0, match.start() - 6) : match.start()]
        if re.search(r"enum\s*$", before):
            continue
        bases = []
        if match.group(4):
            for base in match.group(4)[1:].split(","):
                words = re.sub(r"<.*", "", base).split()
                words = [w for w in words if w not in ("public", "private", "protected", "virtual")]
                if words:
                    bases.append(words[-1].split("::")[-1])
        yield match.group(2), bool(match.group(3)), bases, match.start(), match.end() - 1


def body_of(code, brace):
    depth = 0
    for i in range(brace, len(code)):
        if code[i] == "{":
            depth += 1
        elif code[i] == "}":
            depth -= 1
            if depth == 0:
                return code[brace : i + 1]
    return code[brace:]


def direct_body(body):
    """The class body without its nested classes' bodies (braces one level down blanked)."""
    out = []
    depth = 0
    for ch in body:
        if ch == "{":
            depth += 1
        if depth <= 1 or ch == "\n":
            out.append(ch)
        if ch == "}":
            depth -= 1
    return "".join(out)


def main():
    widgets = widget_classes()
    violations = []
    sources = {}
    for rel, path in source_files():
        with open(path, encoding="utf-8") as f:
            text = f.read()
        sources[rel] = (text, strip_comments(text))

    derived_from = set()
    for rel, (_, code) in sources.items():
        for _, _, bases, _, _ in class_heads(code):
            derived_from.update(bases)

    for rel, (text, code) in sources.items():
        for match in INCLUDE.finditer(text):
            if not code[match.start() : match.end()].strip():
                continue  # inside a comment
            delimiter, name = match.group(1), match.group(2)
            line = line_of(text, match.start())
            if delimiter == '"' and "/" not in name and not name.endswith(".moc"):
                violations.append((rel, line, "include-path", f'"{name}" is not written from the repository root'))
            in_widget_free_layer = rel.startswith(("models/", "app/")) and rel != "app/dashboard/main.cpp"
            if in_widget_free_layer:
                module = name.split("/")[0]
                leaf = name.split("/")[-1]
                if (delimiter == "<" and (module in WIDGET_MODULES or leaf in widgets)) or (
                    delimiter == '"' and name.startswith("ui/")
                ):
                    violations.append((rel, line, "widget-include", f"{name} is a widget header"))

        for name, is_final, _, head, brace in class_heads(code):
            short = name.split("::")[-1]
            body = direct_body(body_of(code, brace))
            line = line_of(code, head)
            if rel.endswith(".h") and re.search(r"\bQ_OBJECT\b", body):
                if not re.search(r"\bQ_DISABLE_COPY_MOVE\s*\(\s*" + re.escape(short) + r"\s*\)", body):
                    violations.append((rel, line, "disable-copy-move", f"QObject class {short} lacks Q_DISABLE_COPY_MOVE({short})"))
            if rel.startswith(FINAL_DIRS) and not is_final and short not in derived_from:
                violations.append((rel, line, "final", f"{short} has no derived class and is not final"))

    for rel, line, rule, message in sorted(violations):
        print(f"{rel}:{line}: [{rule}] {message}")
    files = len({v[0] for v in violations})
    if violations:
        print(f"check-conventions: {len(violations)} violation(s) in {files} file(s) of {len(sources)}")
        return 1
    print(f"check-conventions: {len(sources)} files follow the conventions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
