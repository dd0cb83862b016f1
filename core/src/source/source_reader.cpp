#include "source/source_reader.hpp"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>
#include <pugixml.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>

#include "source/field_reader.hpp"
#include "source/header_fields.hpp"
#include "source/shown_name.hpp"
#include "source/value_bounds.hpp"
#include "source/xml_chars.hpp"
#include "source/file_kind.hpp"
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

// Well-formedness by a conforming parser; the document's language is kept for the message.
bool checkXml(const std::string& xml, const XmlLocations& locations, Context& ctx, Diagnostics& diags) {
    const XmlCheck check = checkWellFormed(xml.data(), xml.size());
    if (check.rootLang == "sv" || check.rootLang == "en") ctx.lang = check.rootLang;
    if (!check.problem.found) return true;
    diags.error(check.problem.code, locations.atOffset(check.problem.offset), check.problem.message_sv,
                check.problem.message_en);
    return false;
}

// The header elements: each a fixed set of attributes.
class HeaderReader {
public:
    HeaderReader(FieldReader& fields, Context& ctx, Diagnostics& diags) : f_(fields), ctx_(ctx), diags_(diags) {}

    void read(const pugi::xml_node& root) {
        int organisations = 0, registrations = 0, reviews = 0;
        for (pugi::xml_node e : root.children()) {
            if (e.type() != pugi::node_element) continue;
            const std::string name = e.name();
            if (name == "organisation") {
                if (organisations++) duplicate(e);
                organisation(e);
            } else if (name == "party") {
                party(e);
            } else if (name == "registration") {
                if (registrations++) duplicate(e);
                registration(e);
            } else if (name == "review") {
                if (reviews++) duplicate(e);
                review(e);
            } else if (name == "history") {
                history(e);
            }
        }
        if (!organisations)
            diags_.error("source.missing-header", f_.where(root), "dokumentet saknar <organisation>",
                         "the document lacks <organisation>");
    }

private:
    void duplicate(const pugi::xml_node& e) {
        diags_.error("source.duplicate-element", f_.where(e), std::string("<") + e.name() + "> får bara finnas en gång",
                     std::string("<") + e.name() + "> may appear only once");
    }

    void organisation(const pugi::xml_node& e) {
        Record r = f_.readAttributes(e, headerAttributes("organisation"), {});
        Organisation& o = ctx_.organisation;
        o.where = r.where;
        o.type = r.text("type");
        o.name = r.text("name");
        o.board = r.text("board");  // the language's default is filled in once the language is known
        o.boardEn = r.text("board-en");
    }

    void party(const pugi::xml_node& e) {
        Record r = f_.readAttributes(e, headerAttributes("party"), {});
        Party p{r.text("role"), r.text("name"), r.text("title"), r.text("email"), r.where};
        const auto& roles = bounds::partyRoles();
        if (!p.role.empty() && std::find(roles.begin(), roles.end(), p.role) == roles.end()) {
            std::string known;
            for (const auto& k : roles) known += (known.empty() ? "" : ", ") + k;
            diags_.error("source.unknown-party-role", r.whereOf("role"),
                         "okänd roll '" + shownName(p.role) + "'; kända roller: " + known,
                         "unknown role '" + shownName(p.role) + "'; known roles: " + known);
        }
        for (const auto& other : ctx_.parties)
            if (other.role == p.role && !p.role.empty())
                diags_.error("source.duplicate-party", p.where, "rollen '" + shownName(p.role) + "' finns redan",
                             "the role '" + shownName(p.role) + "' is already given");
        ctx_.parties.push_back(std::move(p));
    }

    void registration(const pugi::xml_node& e) {
        Record r = f_.readAttributes(e, headerAttributes("registration"), {});
        Registration& g = ctx_.registration;
        g.where = r.where;
        g.dnr = r.text("dnr");
        g.adopted = r.date("adopted");
        g.body = r.text("body");
        g.minutes = r.text("minutes");
        g.version = r.text("version");
    }

    void review(const pugi::xml_node& e) {
        Record r = f_.readAttributes(e, headerAttributes("review"), {});
        ReviewPolicy& p = ctx_.review;
        p.where = r.where;
        p.every = r.duration("every");
        p.next = r.date("next");
        p.notifyBefore = r.duration("notify-before");
        p.recurring = r.flag("recurring");
        if (p.every && (p.every->approxDays() < 1 || p.every->approxDays() > bounds::kMaxReviewDays))
            diags_.error("source.bad-duration", r.whereOf("every"),
                         "omprövningsintervallet måste vara minst en dag och högst tio år",
                         "the review interval must be at least one day and at most ten years");
        if (p.notifyBefore && (p.notifyBefore->approxDays() < 1 || p.notifyBefore->approxDays() > bounds::kMaxNoticeDays))
            diags_.error("source.bad-duration", r.whereOf("notify-before"),
                         "påminnelsen måste komma minst en dag och högst ett år före omprövningen",
                         "the reminder must come at least one day and at most one year before the review");
    }

    void history(const pugi::xml_node& e) {
        f_.requireNoAttributes(e);
        for (pugi::xml_node rev : e.children()) {
            if (rev.type() != pugi::node_element) continue;
            if (std::string(rev.name()) != "revision") {
                f_.unknownElement(rev, {"revision"});
                continue;
            }
            Record r = f_.readAttributes(rev, headerAttributes("revision"), {});
            ctx_.history.push_back({r.text("version"), r.date("date"), r.text("author"), r.text("note"), r.where});
        }
    }

    FieldReader& f_;
    Context& ctx_;
    Diagnostics& diags_;
};

Source parse(std::string& xml, const std::string& displayName, const SchemaLookup& schemas, Diagnostics& diags,
             const ReadOptions& options, ReadStatus* status) {
    Source src;
    src.displayName = displayName;
    src.context.sourceFile = displayName;
    src.sha256 = sha256Hex(xml);
    auto fail = [&](ReadStatus s) {
        if (status) *status = s;
        return src;
    };
    if (status) *status = ReadStatus::Ok;

    if (reportNonXml(xml, displayName, diags)) return fail(ReadStatus::Malformed);
    const XmlLocations locations(displayName, xml.data(), xml.size());
    if (!checkCharacters(xml, locations, diags) || !checkXml(xml, locations, src.context, diags))
        return fail(ReadStatus::Malformed);

    pugi::xml_document document;
    const pugi::xml_parse_result parsed =
        document.load_buffer_inplace(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!parsed) {  // expat accepted it, so this is pugixml's own limit
        diags.error("source.malformed-xml", locations.atOffset(static_cast<std::size_t>(parsed.offset)),
                    std::string("felaktig XML: ") + parsed.description(),
                    std::string("malformed XML: ") + parsed.description());
        return fail(ReadStatus::Malformed);
    }
    const pugi::xml_node root = document.document_element();
    FieldReader fields(locations, diags);
    const std::string rootName = root.name();
    Context& ctx = src.context;
    src.where = fields.where(root);
    ctx.kind = root.attribute("kind").as_string(rootName.c_str());
    if (root.attribute("kind") && ctx.kind != rootName && rootName != "document")
        diags.error("source.kind-mismatch", fields.where(root.attribute("kind")),
                    "rotelementet <" + shownName(rootName) + "> och kind=\"" + shownName(ctx.kind) + "\" anger olika dokumentslag",
                    "the root element <" + shownName(rootName) + "> and kind=\"" + shownName(ctx.kind) +
                        "\" name different document kinds");
    ctx.lang = root.attribute("lang").as_string();
    if (root.attribute("lang") && ctx.lang != "sv" && ctx.lang != "en")
        diags.error("source.bad-lang", fields.where(root.attribute("lang")),
                    "språket måste vara \"sv\" eller \"en\", inte \"" + shownName(ctx.lang) + "\"",
                    "the language must be \"sv\" or \"en\", not \"" + shownName(ctx.lang) + "\"");
    for (pugi::xml_attribute a : root.attributes()) {
        const std::string n = a.name();
        if (n != "kind" && n != "lang" && n.rfind("xmlns", 0) != 0)
            fields.unknownAttribute(a, {"kind", "lang"});
    }

    HeaderReader(fields, ctx, diags).read(root);
    if (options.headerOnly) return src;

    std::set<std::string> seen;
    for (pugi::xml_node e : root.children()) {
        if (e.type() == pugi::node_pcdata || e.type() == pugi::node_cdata) {
            fields.strayText(e, root);
            continue;
        }
        if (e.type() != pugi::node_element) continue;
        const std::string name = e.name();
        if (isHeaderElement(name)) continue;
        auto schema = schemas.find(name);
        if (schema == schemas.end()) {
            std::string known;
            for (const auto& [id, s] : schemas) known += (known.empty() ? "" : ", ") + id;
            if (known.empty()) known = "-";
            diags.error("source.unknown-section", fields.where(e),
                        "okänt avsnitt <" + shownName(name) + ">; installerade avsnitt: " + known,
                        "unknown section <" + shownName(name) + ">; installed sections: " + known);
            continue;
        }
        if (!seen.insert(name).second) {
            diags.error("source.duplicate-section", fields.where(e), "avsnittet <" + name + "> finns redan",
                        "the section <" + name + "> is given twice");
            continue;
        }
        SectionSource section;
        section.id = name;
        section.values = fields.readRecord(e, schema->second.fields);
        src.sections.push_back(std::move(section));
    }
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
