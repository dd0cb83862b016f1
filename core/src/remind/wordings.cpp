#include "remind/wordings.hpp"

#include "templates/template_store.hpp"

namespace overens::remind {

const Wording& Wordings::get(std::map<std::string, Wording>& cache, const std::string& lang, const std::string& name) {
    auto it = cache.find(lang);
    if (it == cache.end()) it = cache.emplace(lang, loadWording(dir_, lang, name, diags_)).first;
    return it->second;
}

void Wordings::report(std::ostream& err, const std::string& lang) const {
    for (const auto& d : diags_.all()) err << d.format(lang) << '\n';
}

}  // namespace overens::remind
