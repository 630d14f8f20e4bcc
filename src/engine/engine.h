// Radiculo's public entry points: JSON text in, JSON text out. The CLI, the tests and the
// WebAssembly bindings all call these, so the three differ only in transport.
#pragma once

#include <string>
#include <string_view>

namespace radiculo {

// Assessment JSON -> plan JSON ({"ok": true, ...}) or {"ok": false, "errors": [...]}.
// Never throws; deterministic (same input, same bytes).
std::string evaluateJson(std::string_view assessmentJson);

// What the page needs to render the questionnaire and the plan in one language: questions,
// labels, texts, references, versions. An unknown language gives {"ok": false, ...}.
std::string contentJson(std::string_view language);

// The input's JSON Schema (draft 2020-12).
std::string schemaJson();

// {"engineVersion", "contentVersion", "contentReviewed", "reviewDue", "languages"}.
std::string versionJson();

}  // namespace radiculo
