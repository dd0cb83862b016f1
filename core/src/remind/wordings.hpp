// The wording files the reminder job reads (core for the calendar text, remind for the e-mail),
// loaded once per language; problems with them are reported after the run.
#pragma once

#include <filesystem>
#include <map>
#include <ostream>
#include <string>

#include "overens/diagnostics.hpp"
#include "overens/wording.hpp"

namespace overens::remind {

class Wordings {
public:
    explicit Wordings(std::filesystem::path templatesDir) : dir_(std::move(templatesDir)) {}
    const Wording& core(const std::string& lang) { return get(core_, lang, "core"); }
    const Wording& remind(const std::string& lang) { return get(remind_, lang, "remind"); }
    void report(std::ostream& err, const std::string& lang) const;

private:
    const Wording& get(std::map<std::string, Wording>& cache, const std::string& lang, const std::string& name);

    std::filesystem::path dir_;
    std::map<std::string, Wording> core_, remind_;
    Diagnostics diags_;
};

}  // namespace overens::remind
