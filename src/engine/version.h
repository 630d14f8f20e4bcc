// The engine's version, printed in every plan so a screenshot or a printout can be traced.
// Bump it when the logic changes; content/rules.json carries the content's own version.
#pragma once

namespace radiculo {
inline constexpr const char* kEngineVersion = "2.0.0";
}
