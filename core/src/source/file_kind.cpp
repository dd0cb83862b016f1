#include "source/file_kind.hpp"

namespace overens {

namespace {

bool startsWith(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

FileKind zipKind(const std::string& bytes) {
    // An ODF package stores its media type uncompressed first ("mimetype" at offset 30).
    if (bytes.size() > 38 && bytes.compare(30, 8, "mimetype") == 0) {
        const std::string media = bytes.substr(38, 60);
        if (startsWith(media, "application/vnd.oasis.opendocument.spreadsheet"))
            return {"ods", "ett OpenDocument-kalkylblad (.ods)", "an OpenDocument spreadsheet (.ods)", true};
        if (startsWith(media, "application/vnd.oasis.opendocument.text"))
            return {"odt", "ett OpenDocument-textdokument (.odt)", "an OpenDocument text document (.odt)", true};
        return {"odf", "ett OpenDocument-paket", "an OpenDocument package", false};
    }
    // Office Open XML: the part names are in the local headers and the central directory.
    if (bytes.find("word/document.xml") != std::string::npos || bytes.find("word/") != std::string::npos)
        return {"docx", "ett Word-dokument (.docx)", "a Word document (.docx)", true};
    if (bytes.find("xl/workbook.xml") != std::string::npos || bytes.find("xl/") != std::string::npos)
        return {"xlsx", "en Excel-arbetsbok (.xlsx)", "an Excel workbook (.xlsx)", true};
    if (bytes.find("ppt/") != std::string::npos)
        return {"pptx", "en PowerPoint-presentation (.pptx)", "a PowerPoint presentation (.pptx)", false};
    return {"zip", "ett zip-arkiv", "a zip archive", false};
}

}  // namespace

std::optional<FileKind> sniffNonXml(const std::string& bytes) {
    if (startsWith(bytes, std::string("PK\x03\x04", 4))) return zipKind(bytes);
    if (startsWith(bytes, "%PDF-")) return FileKind{"pdf", "en PDF-fil", "a PDF file", false};
    if (startsWith(bytes, std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)))
        return FileKind{"doc", "ett äldre Office-dokument (.doc eller .xls)", "an older Office document (.doc or .xls)",
                        false};
    if (startsWith(bytes, "{\\rtf")) return FileKind{"rtf", "ett RTF-dokument", "an RTF document", false};
    if (startsWith(bytes, std::string("\x1F\x8B", 2))) return FileKind{"gzip", "ett gzip-arkiv", "a gzip archive", false};
    if (startsWith(bytes, "\x89PNG") || startsWith(bytes, "\xFF\xD8\xFF"))
        return FileKind{"image", "en bild", "an image", false};
    // Text that does not start like XML but has many separators on its first line: a CSV export.
    std::size_t i = startsWith(bytes, "\xEF\xBB\xBF") ? 3 : 0;
    while (i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) ++i;
    if (i < bytes.size() && bytes[i] != '<') {
        const std::string first = bytes.substr(i, bytes.find('\n', i) - i);
        std::size_t seps = 0;
        for (char c : first) seps += (c == ';' || c == ',' || c == '\t');
        if (seps >= 2) return FileKind{"csv", "en CSV-fil (semikolon- eller kommaseparerad)", "a CSV file (comma- or semicolon-separated)", true};
        for (unsigned char c : bytes.substr(0, 512))
            if (c == 0) return FileKind{"binary", "en binärfil", "a binary file", false};
    }
    return std::nullopt;
}

bool reportNonXml(const std::string& bytes, const std::string& displayName, Diagnostics& diags) {
    const auto kind = sniffNonXml(bytes);
    // Unknown binary content is left to the character check, which names the byte at its place.
    if (!kind || kind->id == "binary") return false;
    const std::string out = displayName.substr(0, displayName.rfind('.')) + ".xml";
    if (kind->importable)
        diags.error("source.not-xml", Location{displayName},
                    "filen är " + kind->name_sv + ", ingen XML-källfil; gör om den till en källfil med: overens import " +
                        displayName + " -o " + out,
                    "the file is " + kind->name_en + ", not an XML source file; turn it into a source file with: "
                    "overens import " + displayName + " -o " + out);
    else
        diags.error("source.not-xml", Location{displayName},
                    "filen är " + kind->name_sv + ", ingen XML-källfil; overens läser källfiler i XML (börja med "
                    "'overens new') och importerar delegationsordningar från .docx, .odt, .xlsx, .ods och .csv",
                    "the file is " + kind->name_en + ", not an XML source file; overens reads XML source files (start "
                    "with 'overens new') and imports delegation orders from .docx, .odt, .xlsx, .ods and .csv");
    return true;
}

}  // namespace overens
