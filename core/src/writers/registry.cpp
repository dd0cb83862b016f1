#include <algorithm>

#include "writers/writer.hpp"

namespace overens {

void WriterRegistry::add(std::unique_ptr<Writer> writer) {
    const std::string f = writer->format();
    writers_.erase(std::remove_if(writers_.begin(), writers_.end(), [&](const auto& w) { return w->format() == f; }),
                   writers_.end());
    writers_.push_back(std::move(writer));
}

const Writer* WriterRegistry::find(const std::string& format) const {
    for (const auto& w : writers_)
        if (w->format() == format) return w.get();
    return nullptr;
}

std::vector<std::string> WriterRegistry::formats() const {
    std::vector<std::string> out;
    for (const auto& w : writers_) out.push_back(w->format());
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::string> WriterRegistry::defaultFormats() const {
    std::vector<std::string> out;
    for (const auto& w : writers_)
        if (w->byDefault()) out.push_back(w->format());
    std::sort(out.begin(), out.end());
    return out;
}

const WriterRegistry& WriterRegistry::builtin() {
    static const WriterRegistry registry = [] {
        WriterRegistry r;
        registerMarkdownWriter(r);
        registerOdfWriter(r);
        registerPdfWriter(r);
        registerIcsWriter(r);
        return r;
    }();
    return registry;
}

}  // namespace overens
