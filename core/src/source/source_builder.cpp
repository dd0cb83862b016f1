#include "source/source_builder.hpp"

#include <algorithm>

#include "source/header_fields.hpp"
#include "source/shown_name.hpp"
#include "source/value_bounds.hpp"

namespace overens {

namespace {

bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

SourceBuilder::SourceBuilder(Source& src, const SchemaLookup& schemas, const XmlLocations& locations, bool headerOnly)
    : src_(src),
      ctx_(src.context),
      schemas_(schemas),
      headerFields_(locations, headerDiags_),
      sectionFields_(locations, sectionDiags_),
      headerOnly_(headerOnly) {
    frames_.reserve(16);
}

void SourceBuilder::report(Diagnostics& out) const {
    out.append(headerDiags_);
    out.append(sectionDiags_);
}

void SourceBuilder::push(Kind kind, const std::string& name, const Location& where) {
    const bool header = !frames_.empty() && frames_.back().header;
    frames_.emplace_back();
    Frame& f = frames_.back();
    f.kind = kind;
    f.header = header;
    f.name = name;
    f.where = where;
}

void SourceBuilder::start(const char* name, std::size_t offset, const std::vector<XmlAttribute>& attributes) {
    const std::string n = name;
    const Location where = headerFields_.at(offset);
    if (frames_.empty()) return startRoot(n, where, attributes);
    Frame& parent = frames_.back();
    closeText(parent);
    switch (parent.kind) {
        case Kind::Root: return startInRoot(n, where, attributes);
        case Kind::Section:
        case Kind::Record: return startInRecord(parent, n, where, attributes);
        case Kind::Header:
        case Kind::Revision: fields(parent).unknownElement(n, where, std::vector<std::string>{}); break;
        case Kind::History:
            if (n == "revision") {
                push(Kind::Revision, n, where);
                Frame& f = frames_.back();
                f.fields = &headerAttributes("revision");
                f.record.where = where;
                fields(f).readAttributes(f.record, attributes, *f.fields, true);
                return;
            }
            fields(parent).unknownElement(n, where, std::vector<std::string>{"revision"});
            break;
        case Kind::Scalar: {
            const std::string& field = parent.field->name;
            diags(parent).error("source.unexpected-element", where,
                                "<" + field + "> innehåller bara text, inte <" + n + ">",
                                "<" + field + "> holds text only, not <" + n + ">");
            break;
        }
        case Kind::Skip: break;
    }
    push(Kind::Skip, n, where);
}

void SourceBuilder::startRoot(const std::string& rootName, const Location& where,
                              const std::vector<XmlAttribute>& attributes) {
    push(Kind::Root, rootName, where);
    FieldReader& f = headerFields_;
    src_.where = where;
    const XmlAttribute* kind = nullptr;
    const XmlAttribute* lang = nullptr;
    for (const auto& a : attributes) {
        const std::string n = a.name;
        if (n == "kind") kind = &a;
        if (n == "lang") lang = &a;
    }
    ctx_.kind = kind ? kind->value : rootName;
    if (kind && ctx_.kind != rootName && rootName != "document")
        headerDiags_.error("source.kind-mismatch", f.at(kind->offset),
                           "rotelementet <" + shownName(rootName) + "> och kind=\"" + shownName(ctx_.kind) +
                           "\" anger olika dokumentslag",
                           "the root element <" + shownName(rootName) + "> and kind=\"" + shownName(ctx_.kind) +
                           "\" name different document kinds");
    ctx_.lang = lang ? lang->value : "";
    if (lang && ctx_.lang != "sv" && ctx_.lang != "en")
        headerDiags_.error("source.bad-lang", f.at(lang->offset),
                           "språket måste vara \"sv\" eller \"en\", inte \"" + shownName(ctx_.lang) + "\"",
                           "the language must be \"sv\" or \"en\", not \"" + shownName(ctx_.lang) + "\"");
    for (const auto& a : attributes) {
        const std::string n = a.name;
        if (n != "kind" && n != "lang" && n.rfind("xmlns", 0) != 0) f.unknownAttribute(n, f.at(a.offset), {"kind", "lang"});
    }
}

void SourceBuilder::startInRoot(const std::string& name, const Location& where,
                                const std::vector<XmlAttribute>& attributes) {
    if (isHeaderElement(name)) return startHeader(name, where, attributes);
    if (headerOnly_) return push(Kind::Skip, name, where);
    auto schema = schemas_.find(name);
    if (schema == schemas_.end()) {
        std::string known;
        for (const auto& [id, s] : schemas_) known += (known.empty() ? "" : ", ") + id;
        if (known.empty()) known = "-";
        sectionDiags_.error("source.unknown-section", where,
                            "okänt avsnitt <" + shownName(name) + ">; installerade avsnitt: " + known,
                            "unknown section <" + shownName(name) + ">; installed sections: " + known);
        return push(Kind::Skip, name, where);
    }
    if (std::find(sectionsSeen_.begin(), sectionsSeen_.end(), name) != sectionsSeen_.end()) {
        sectionDiags_.error("source.duplicate-section", where, "avsnittet <" + name + "> finns redan",
                            "the section <" + name + "> is given twice");
        return push(Kind::Skip, name, where);
    }
    sectionsSeen_.push_back(name);
    push(Kind::Section, name, where);
    Frame& f = frames_.back();
    f.fields = &schema->second.fields;
    f.record.where = where;
    sectionFields_.readAttributes(f.record, attributes, *f.fields, false);
}

void SourceBuilder::startInRecord(Frame& parent, const std::string& name, const Location& where,
                                  const std::vector<XmlAttribute>& attributes) {
    const Field* field = findField(*parent.fields, name);
    if (!field) {
        fields(parent).unknownElement(name, where, *parent.fields);
        return push(Kind::Skip, name, where);
    }
    if (isScalar(field->type) || field->type == FieldType::List) {
        push(Kind::Scalar, name, where);
        Frame& f = frames_.back();
        f.field = field;
        for (const auto& a : attributes) f.attributes.emplace_back(a.name, a.offset);
        return;
    }
    if (field->type == FieldType::Group) {
        if (std::find(parent.groupsSeen.begin(), parent.groupsSeen.end(), field) != parent.groupsSeen.end()) {
            diags(parent).error("source.duplicate-field", where, "<" + field->name + "> är redan angivet",
                                "<" + field->name + "> is already given");
            return push(Kind::Skip, name, where);
        }
        parent.groupsSeen.push_back(field);
    }
    push(Kind::Record, name, where);  // parent may have moved
    Frame& f = frames_.back();
    f.field = field;
    f.fields = &field->fields;
    f.record.where = where;
    fields(f).readAttributes(f.record, attributes, *f.fields, false);
}

void SourceBuilder::startHeader(const std::string& name, const Location& where,
                                const std::vector<XmlAttribute>& attributes) {
    if ((name == "organisation" && organisations_++) || (name == "registration" && registrations_++) ||
        (name == "review" && reviews_++))
        headerDiags_.error("source.duplicate-element", where, "<" + name + "> får bara finnas en gång",
                           "<" + name + "> may appear only once");
    if (name == "history") {
        headerFields_.unknownAttributes(attributes);
        push(Kind::History, name, where);
        frames_.back().header = true;
        return;
    }
    push(Kind::Header, name, where);
    Frame& f = frames_.back();
    f.header = true;
    f.fields = &headerAttributes(name);
    f.record.where = where;
    headerFields_.readAttributes(f.record, attributes, *f.fields, true);
}

void SourceBuilder::text(const char* data, std::size_t length, std::size_t offset, bool reference) {
    if (frames_.empty()) return;
    Frame& f = frames_.back();
    if (f.kind == Kind::Skip || f.kind == Kind::History) return;
    if (!f.nodeOpen) {
        f.nodeOpen = true;
        f.nodeCdata = inCdata_;
        f.nodeRawBlank = true;
        f.nodeHasText = false;
    }
    std::size_t first = 0;
    while (first < length && isBlank(data[first])) ++first;
    if (reference || first < length) f.nodeRawBlank = false;
    if (first < length && !f.nodeHasText) {
        f.nodeHasText = true;
        f.nodeAt = reference ? offset : offset + first;
    }
    if (f.kind == Kind::Scalar) f.nodeText.append(data, length);
}

void SourceBuilder::markup(bool cdataStart, bool cdataEnd) {
    if (!frames_.empty()) closeText(frames_.back());
    if (cdataStart) inCdata_ = true;
    if (cdataEnd) inCdata_ = false;
}

// A text node ends. A DOM keeps no node for text that is only white space as written, and
// the header elements take only plain text as stray (as the reader always has).
void SourceBuilder::closeText(Frame& f) {
    if (!f.nodeOpen) return;
    f.nodeOpen = false;
    const bool kept = f.nodeCdata || !f.nodeRawBlank;
    if (kept) {
        FieldReader& r = f.kind == Kind::Root ? sectionFields_ : fields(f);  // the root's text: with the sections
        switch (f.kind) {
            case Kind::Root:
                if (!headerOnly_ && f.nodeHasText) r.strayText(r.at(f.nodeAt), f.name);
                break;
            case Kind::Header:
            case Kind::Revision:
                if (!f.nodeCdata && f.nodeHasText) r.strayText(r.at(f.nodeAt), f.name);
                break;
            case Kind::Section:
            case Kind::Record:
                if (f.nodeHasText) r.strayText(r.at(f.nodeAt), f.name);
                break;
            case Kind::Scalar:
                f.text += f.nodeText;
                if (f.nodeHasText && !f.hasText) {
                    f.hasText = true;
                    f.textAt = f.nodeAt;
                }
                break;
            default: break;
        }
    }
    f.nodeText.clear();
}

void SourceBuilder::end() {
    Frame f = std::move(frames_.back());
    frames_.pop_back();
    closeText(f);
    switch (f.kind) {
        case Kind::Root:
            if (!organisations_)
                headerDiags_.error("source.missing-header", f.where, "dokumentet saknar <organisation>",
                                   "the document lacks <organisation>");
            break;
        case Kind::Header:
        case Kind::Revision:
            headerFields_.checkRequired(f.record, *f.fields, f.name, f.where);
            endHeader(f);
            break;
        case Kind::Section:
            sectionFields_.checkRequired(f.record, *f.fields, f.name, f.where);
            f.record.shrinkToFit();
            src_.sections.push_back(SectionSource{f.name, std::move(f.record)});
            break;
        case Kind::Record: {
            fields(f).checkRequired(f.record, *f.fields, f.name, f.where);
            f.record.shrinkToFit();
            overens::Record& parent = frames_.back().record;
            if (f.field->type == FieldType::Table)
                parent.addRow(f.field->name, std::move(f.record));
            else
                parent.setGroup(f.field->name, std::move(f.record));
            break;
        }
        case Kind::Scalar: endScalar(f); break;
        case Kind::History:
        case Kind::Skip: break;
    }
}

void SourceBuilder::endScalar(Frame& f) {
    FieldReader& r = fields(f);
    for (const auto& [name, offset] : f.attributes) r.unknownAttribute(name, r.at(offset), {});
    const Field& field = *f.field;
    const FieldType type = field.type == FieldType::List ? field.item : field.type;
    Value v = r.convert(field, type, f.text, f.hasText ? r.at(f.textAt) : f.where);
    overens::Record& parent = frames_.back().record;
    if (field.type == FieldType::List) {
        parent.addItem(field.name, std::move(v));
    } else if (parent.get(field.name)) {
        diags(f).error("source.duplicate-field", f.where, "<" + field.name + "> är redan angivet",
                       "<" + field.name + "> is already given");
    } else {
        parent.setScalar(field.name, std::move(v));
    }
}

// The header elements: each a fixed set of attributes, read into the Context.
void SourceBuilder::endHeader(const Frame& f) {
    const overens::Record& r = f.record;
    if (f.name == "organisation") {
        Organisation& o = ctx_.organisation;
        o.where = r.where;
        o.type = r.text("type");
        o.name = r.text("name");
        o.board = r.text("board");  // the language's default is filled in once the language is known
        o.boardEn = r.text("board-en");
    } else if (f.name == "party") {
        Party p{r.text("role"), r.text("name"), r.text("title"), r.text("email"), r.where};
        const auto& roles = bounds::partyRoles();
        if (!p.role.empty() && std::find(roles.begin(), roles.end(), p.role) == roles.end()) {
            std::string known;
            for (const auto& k : roles) known += (known.empty() ? "" : ", ") + k;
            headerDiags_.error("source.unknown-party-role", r.whereOf("role"),
                               "okänd roll '" + shownName(p.role) + "'; kända roller: " + known,
                               "unknown role '" + shownName(p.role) + "'; known roles: " + known);
        }
        for (const auto& other : ctx_.parties)
            if (other.role == p.role && !p.role.empty())
                headerDiags_.error("source.duplicate-party", p.where, "rollen '" + shownName(p.role) + "' finns redan",
                                   "the role '" + shownName(p.role) + "' is already given");
        ctx_.parties.push_back(std::move(p));
    } else if (f.name == "registration") {
        Registration& g = ctx_.registration;
        g.where = r.where;
        g.dnr = r.text("dnr");
        g.adopted = r.date("adopted");
        g.body = r.text("body");
        g.minutes = r.text("minutes");
        g.version = r.text("version");
    } else if (f.name == "review") {
        ReviewPolicy& p = ctx_.review;
        p.where = r.where;
        p.every = r.duration("every");
        p.next = r.date("next");
        p.notifyBefore = r.duration("notify-before");
        p.recurring = r.flag("recurring");
        if (p.every && (p.every->approxDays() < 1 || p.every->approxDays() > bounds::kMaxReviewDays))
            headerDiags_.error("source.bad-duration", r.whereOf("every"),
                               "omprövningsintervallet måste vara minst en dag och högst tio år",
                               "the review interval must be at least one day and at most ten years");
        if (p.notifyBefore && (p.notifyBefore->approxDays() < 1 || p.notifyBefore->approxDays() > bounds::kMaxNoticeDays))
            headerDiags_.error("source.bad-duration", r.whereOf("notify-before"),
                               "påminnelsen måste komma minst en dag och högst ett år före omprövningen",
                               "the reminder must come at least one day and at most one year before the review");
    } else if (f.name == "revision") {
        ctx_.history.push_back({r.text("version"), r.date("date"), r.text("author"), r.text("note"), r.where});
    }
}

}  // namespace overens
