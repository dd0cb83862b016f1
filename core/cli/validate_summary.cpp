#include "validate_summary.hpp"

#include <ostream>

namespace overens::cli {

void printValidateSummary(const std::vector<Prepared>& prepared, const std::string& lang, std::ostream& err) {
    std::size_t errors = 0, warnings = 0, failed = 0;
    for (const auto& p : prepared) {
        errors += p.diags.count(Severity::Error);
        warnings += p.diags.count(Severity::Warning);
        failed += !p.ok();
    }
    const auto n = [](std::size_t v) { return std::to_string(v); };
    if (lang == "en")
        err << "validate: " << n(prepared.size()) << (prepared.size() == 1 ? " document, " : " documents, ") << n(errors)
            << (errors == 1 ? " error, " : " errors, ") << n(warnings) << (warnings == 1 ? " warning" : " warnings")
            << (failed ? "; " + n(failed) + " not valid" : std::string("; all valid")) << '\n';
    else
        err << "validate: " << n(prepared.size()) << (prepared.size() == 1 ? " dokument, " : " dokument, ") << n(errors)
            << (errors == 1 ? " fel, " : " fel, ") << n(warnings) << (warnings == 1 ? " varning" : " varningar")
            << (failed ? "; " + n(failed) + " inte giltiga" : std::string("; alla giltiga")) << '\n';
}

}  // namespace overens::cli
