// What a file is, by its first bytes: so that an office document, a PDF or an archive given
// where an XML source belongs is named for what it is, with the command that takes it.
#pragma once

#include <optional>
#include <string>

#include "overens/diagnostics.hpp"

namespace overens {

struct FileKind {
    std::string id;       // "docx", "xlsx", "odt", "ods", "csv"-like ids; "pdf", "zip", "doc", "binary"
    std::string name_sv;  // "ett Word-dokument (.docx)"
    std::string name_en;  // "a Word document (.docx)"
    bool importable = false;  // `overens import` reads it
};

// The kind of a file that is not XML text, or nullopt when it may well be XML (or plain text).
std::optional<FileKind> sniffNonXml(const std::string& bytes);

// When the bytes are not XML: one error naming what the file is and what to do; true then.
bool reportNonXml(const std::string& bytes, const std::string& displayName, Diagnostics& diags);

}  // namespace overens
