#include <algorithm>
#include <mutex>

#include "modules/module.hpp"
#include "writers/writer.hpp"

// The PDF writer's entry when its code is linked into this program (the tests); in the command it
// is absent and the writer comes from the module pdf.so when the first PDF is written.
extern "C" const overens::ModuleEntry* overens_module_pdf() __attribute__((weak));

namespace overens {

namespace {

// A writer whose code lives in a module: it knows its format, and opens the module on first use.
class ModuleWriter : public Writer {
public:
    using EntryFn = const ModuleEntry* (*)();
    ModuleWriter(std::string format, std::string module, EntryFn linked)
        : format_(std::move(format)), module_(std::move(module)), linked_(linked) {}

    std::string format() const override { return format_; }
    void write(const doc::Document& document, std::ostream& out, const WriteOptions& options,
               Diagnostics& diags) const override {
        real().write(document, out, options, diags);
    }

private:
    const Writer& real() const {
        std::call_once(once_, [&] {
            try {
                const ModuleEntry& entry = linked_ ? *linked_() : loadModule(module_);
                if (entry.registerWriters) entry.registerWriters(loaded_);
            } catch (const ModuleError& e) {
                error_ = e.what();
            }
        });
        if (const Writer* w = loaded_.find(format_)) return *w;
        throw WriteError("module.missing", error_.empty() ? "the module '" + module_ + "' has no " + format_ + " writer"
                                                          : error_);
    }

    std::string format_, module_;
    EntryFn linked_;
    mutable std::once_flag once_;
    mutable WriterRegistry loaded_;
    mutable std::string error_;
};

}  // namespace

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
        r.add(std::make_unique<ModuleWriter>("pdf", "pdf", overens_module_pdf));  // libharu, qpdf
        registerIcsWriter(r);
        return r;
    }();
    return registry;
}

}  // namespace overens
