// Writers turn a document tree into one file format. They know nothing of plugins or law.
#pragma once

#include <filesystem>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "overens/diagnostics.hpp"
#include "overens/document.hpp"

namespace overens {

struct WriteOptions {
    std::filesystem::path templatesDir;  // templates/ (odf/, pdf/ house styles live there)
    std::filesystem::path referenceOdt;  // --reference-odt: styles from a municipality's .odt/.ott
    std::string pdfEngine = "libharu";   // --pdf-engine: libharu | libreoffice
    std::filesystem::path workDir;       // a private scratch folder for this run
    // --calendar: which calendar entries the .ics holds besides the review ("meetings", "goals",
    // "reporting", or "all"); empty: the review only.
    std::vector<std::string> calendar;
};

// A writer's failure that is not the input's fault (missing font, broken reference file,
// missing soffice). The command reports it with its code and exits 2.
class WriteError : public std::runtime_error {
public:
    WriteError(std::string code, const std::string& message) : std::runtime_error(message), code_(std::move(code)) {}
    const std::string& code() const { return code_; }

private:
    std::string code_;
};

class Writer {
public:
    virtual ~Writer() = default;
    virtual std::string format() const = 0;     // "odt", "pdf", "ics"
    virtual std::string extension() const { return format(); }
    virtual bool byDefault() const { return true; }  // written when --format is not given
    // Write the whole document to out. Throw WriteError on failure; warnings go to diags.
    virtual void write(const doc::Document& document, std::ostream& out, const WriteOptions& options,
                       Diagnostics& diags) const = 0;
};

class WriterRegistry {
public:
    void add(std::unique_ptr<Writer> writer);
    const Writer* find(const std::string& format) const;
    std::vector<std::string> formats() const;         // every registered format, sorted
    std::vector<std::string> defaultFormats() const;  // those written by default

    // The registry with every writer built into the core.
    static const WriterRegistry& builtin();

private:
    std::vector<std::unique_ptr<Writer>> writers_;
};

// Each built-in writer's registration function (one per writer folder). The PDF writer's is
// called from its module (writers/pdf/pdf_module.cpp), when the first PDF is written.
void registerMarkdownWriter(WriterRegistry& registry);
void registerOdfWriter(WriterRegistry& registry);
void registerPdfWriter(WriterRegistry& registry);
void registerIcsWriter(WriterRegistry& registry);

}  // namespace overens
