#!/bin/sh
# Writes Sources/EnPlanTUI/Kit/BuiltInThemes.swift from themes/*.theme (make themes). A test holds
# the two equal, so the themes compiled into the binary cannot drift from the files.
set -eu
cd "$(dirname "$0")/.."
out=Sources/EnPlanTUI/Kit/BuiltInThemes.swift
{
  echo "// Generated from themes/*.theme by scripts/builtin-themes.sh (make themes): do not edit."
  echo "// ThemeTests.testBuiltInThemesEqualTheFiles keeps it equal to the files."
  echo "extension Theme {"
  echo "    /// The shipped themes, by name, compiled into the binary: a binary copied alone still has them."
  echo "    public static let builtIn: [String: String] = ["
  for f in themes/*.theme; do
    name=$(basename "$f" .theme)
    printf '        "%s": #"""\n' "$name"
    sed 's/^/        /' "$f"
    printf '        """#,\n'
  done
  echo "    ]"
  echo "}"
} > "$out"
echo "wrote $out"
