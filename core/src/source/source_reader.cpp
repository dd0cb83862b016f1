#include "source/source_reader.hpp"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <cstdio>
#include <fstream>
#include <set>

#include "source/field_reader.hpp"
#include "source/file_kind.hpp"
#include "source/source_builder.hpp"
#include "source/xml_chars.hpp"
#include "source/xml_locations.hpp"
#include "source/xml_wellformed.hpp"

namespace overens {

namespace fs = std::filesystem;

bool isHeaderElement(const std::string& name) {
    static const std::set<std::string> header{"organisation", "party", "registration", "review", "history"};
    return header.count(name) > 0;
}

namespace {

std::string sha256Hex(const std::string& bytes) {
    Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
    engine.update(bytes.data(), static_cast<unsigned>(bytes.size()));
    return Poco::DigestEngine::digestToHex(engine.digest());
}

// Strict UTF-8 and XML 1.0 characters, on the bytes.
bool checkCharacters(const std::string& xml, const XmlLocations& locations, Diagnostics& diags) {
    const CharProblem bad = findCharProblem(xml.data(), xml.size());
    if (bad.kind == CharProblem::BadUtf8) {
        diags.error("source.encoding", locations.atOffset(bad.offset), "filen är inte giltig UTF-8 här",
                    "the file is not valid UTF-8 here");
    } else if (bad.kind == CharProblem::ForbiddenChar) {
        char cp[16];
        std::snprintf(cp, sizeof cp, "U+%04X", static_cast<unsigned>(bad.codePoint));
        diags.error("source.forbidden-char", locations.atOffset(bad.offset),
                    std::string("tecknet ") + cp + " är inte tillåtet i XML", std::string("the character ") + cp +
                    " is not allowed in XML");
    }
    return bad.kind == CharProblem::None;
}

Source parse(std::string& xml, const std::string& displayName, const SchemaLookup& schemas, Diagnostics& diags,
             const ReadOptions& options, ReadStatus* status) {
    Source src;
    src.displayName = displayName;
    src.context.sourceFile = displayName;
    if (options.digest) src.sha256 = sha256Hex(xml);
    auto fail = [&](ReadStatus s) {
        if (status) *status = s;
        return src;
    };
    if (status) *status = ReadStatus::Ok;

    if (reportNonXml(xml, displayName, diags)) return fail(ReadStatus::Malformed);
    const XmlLocations locations(displayName, xml.data(), xml.size());
    if (!checkCharacters(xml, locations, diags)) return fail(ReadStatus::Malformed);

    // One pass: expat checks the document and hands it to the builder as it goes. What the
    // builder found counts only when the whole file is well-formed.
    SourceBuilder builder(src, schemas, locations, options.headerOnly);
    const XmlCheck check = checkWellFormed(xml.data(), xml.size(), &builder);
    if (check.problem.found) {
        Source bare;
        bare.displayName = src.displayName;
        bare.sha256 = std::move(src.sha256);
        bare.context.sourceFile = displayName;
        if (check.rootLang == "sv" || check.rootLang == "en") bare.context.lang = check.rootLang;
        src = std::move(bare);
        diags.error(check.problem.code, locations.atOffset(check.problem.offset), check.problem.message_sv,
                    check.problem.message_en);
        return fail(ReadStatus::Malformed);
    }
    builder.report(diags);
    return src;
}

}  // namespace

Source readSourceText(std::string xml, const std::string& displayName, const SchemaLookup& schemas, Diagnostics& diags,
                      const ReadOptions& options, ReadStatus* status) {
    return parse(xml, displayName, schemas, diags, options, status);
}

Source readSourceFile(const fs::path& path, const std::string& displayName, const SchemaLookup& schemas,
                      Diagnostics& diags, const ReadOptions& options, ReadStatus* status) {
    std::error_code ec;
    const Location where{displayName};
    if (!fs::is_regular_file(path, ec)) {
        if (status) *status = ReadStatus::Unreadable;
        diags.error("source.not-found", where, "filen finns inte eller är ingen vanlig fil",
                    "no such file, or not a regular file");
        Source src;
        src.displayName = displayName;
        return src;
    }
    const auto size = fs::file_size(path, ec);
    if (ec || size > kMaxSourceBytes) {
        if (status) *status = ReadStatus::Unreadable;
        diags.error("source.too-large", where,
                    "filen är större än " + std::to_string(kMaxSourceBytes / (1024 * 1024)) + " MiB och läses inte",
                    "the file is larger than " + std::to_string(kMaxSourceBytes / (1024 * 1024)) +
                        " MiB and is not read");
        Source src;
        src.displayName = displayName;
        return src;
    }
    std::ifstream in(path, std::ios::binary);
    std::string xml(static_cast<std::size_t>(size), '\0');
    if (!in.read(xml.data(), static_cast<std::streamsize>(size))) {
        if (status) *status = ReadStatus::Unreadable;
        diags.error("source.unreadable", where, "filen kan inte läsas", "the file cannot be read");
        Source src;
        src.displayName = displayName;
        return src;
    }
    return parse(xml, displayName, schemas, diags, options, status);
}

}  // namespace overens
