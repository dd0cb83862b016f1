#include "writers/odf/odf_styles.hpp"

#include <cstring>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>

#include "writers/odf/odf_meta.hpp"
#include "writers/odf/odf_package.hpp"
#include "writers/odf/odf_style_names.hpp"
#include "writers/odf/odf_text.hpp"
#include "writers/odf/odf_xml.hpp"
#include "writers/writer.hpp"

namespace overens::odf {

namespace {

// Every named style the body uses, by family, so a reference lacking one gets the house one.
struct Required {
    const char* element;  // "style:style" or "text:list-style"
    const char* family;   // style:family, or nullptr
    const char* name;
};

std::vector<Required> requiredStyles() {
    using namespace styles;
    std::vector<Required> r;
    for (const char* n : {kStandard, kBody, kLead, kSmall, kQuote, kNote, kNoteImportant, kOrganisation, kTitle,
                          kSubtitle, kFactLabel, kFactValue, kListParagraph, kTableContents, kTableHeading,
                          kTableCaption, kSignaturePlace, kSignatureLine, kSignatureTitle, kHeader, kFooter,
                          kContentsHeading})
        r.push_back({"style:style", "paragraph", n});
    for (const char* n : kHeadings) r.push_back({"style:style", "paragraph", n});
    for (const char* n : kContents) r.push_back({"style:style", "paragraph", n});
    for (const char* n : {charstyle::kEmphasis, charstyle::kStrong, charstyle::kValue, kIndexLink})
        r.push_back({"style:style", "text", n});
    r.push_back({"text:list-style", nullptr, kBulletList});
    r.push_back({"text:list-style", nullptr, kNumberedList});
    return r;
}

pugi::xml_node findNamed(pugi::xml_node parent, const char* element, const char* family, const std::string& name) {
    for (auto n : parent.children(element)) {
        if (name != n.attribute("style:name").value()) continue;
        if (family && std::strcmp(family, n.attribute("style:family").value()) != 0) continue;
        return n;
    }
    return {};
}

pugi::xml_node childOrCreate(pugi::xml_node parent, const char* name) {
    auto c = parent.child(name);
    return c ? c : parent.append_child(name);
}

std::string prefixOf(const char* qname) {
    const char* colon = std::strchr(qname, ':');
    return colon ? std::string(qname, colon) : std::string();
}

// The merge of house styles into a reference's styles document.
class Merger {
public:
    Merger(pugi::xml_document& base, const pugi::xml_document& house, const std::filesystem::path& referencePath)
        : base_(base), house_(house), referencePath_(referencePath) {
        baseRoot_ = base_.document_element();
        houseRoot_ = house_.document_element();
        baseStyles_ = baseRoot_.child("office:styles");
        if (!baseStyles_) {
            // after the font declarations, before automatic and master styles
            auto fonts = baseRoot_.child("office:font-face-decls");
            baseStyles_ = fonts ? baseRoot_.insert_child_after("office:styles", fonts)
                                : baseRoot_.prepend_child("office:styles");
        }
        houseStyles_ = houseRoot_.child("office:styles");
    }

    void ensure(const char* element, const char* family, const std::string& name) {
        if (name.empty()) return;
        if (findNamed(baseStyles_, element, family, name)) return;
        auto source = findNamed(houseStyles_, element, family, name);
        if (!source) return;
        auto copy = baseStyles_.append_copy(source);
        adopt(copy);
        // What the copy refers to must exist too.
        if (family) {
            ensure("style:style", family, copy.attribute("style:parent-style-name").value());
            ensure("style:style", family, copy.attribute("style:next-style-name").value());
            ensure("text:list-style", nullptr, copy.attribute("style:list-style-name").value());
        }
    }

    // A copied node: its namespaces declared on the base root, its fonts declared.
    void adopt(pugi::xml_node copy) {
        std::vector<pugi::xml_node> stack{copy};
        while (!stack.empty()) {
            auto n = stack.back();
            stack.pop_back();
            declare(prefixOf(n.name()));
            for (auto a : n.attributes()) {
                declare(prefixOf(a.name()));
                if (std::strcmp(a.name(), "style:font-name") == 0) ensureFont(a.value());
            }
            for (auto c : n.children())
                if (c.type() == pugi::node_element) stack.push_back(c);
        }
    }

    void ensureFont(const std::string& name) {
        auto baseFonts = baseRoot_.child("office:font-face-decls");
        if (!baseFonts) baseFonts = baseRoot_.prepend_child("office:font-face-decls");
        if (findNamed(baseFonts, "style:font-face", nullptr, name)) return;
        auto source = findNamed(houseRoot_.child("office:font-face-decls"), "style:font-face", nullptr, name);
        if (source) adopt(baseFonts.append_copy(source));
    }

    void declare(const std::string& prefix) {
        if (prefix.empty() || prefix == "xmlns" || prefix == "xml" || declared_.count(prefix)) return;
        const std::string attr = "xmlns:" + prefix;
        const char* want = houseRoot_.attribute(attr.c_str()).value();
        if (!*want) want = namespaceUri(prefix);
        auto have = baseRoot_.attribute(attr.c_str());
        if (!have) {
            baseRoot_.append_attribute(attr.c_str()) = want;
        } else if (std::strcmp(have.value(), want) != 0) {
            throw WriteError("odf.reference", "reference document '" + referencePath_.string() +
                                                  "': its styles bind the prefix '" + prefix + "' to '" +
                                                  have.value() + "' instead of '" + want + "'");
        }
        declared_.insert(prefix);
    }

    pugi::xml_node houseStyles() const { return houseStyles_; }
    pugi::xml_node baseStyles() const { return baseStyles_; }

private:
    pugi::xml_document& base_;
    const pugi::xml_document& house_;
    std::filesystem::path referencePath_;
    pugi::xml_node baseRoot_, houseRoot_, baseStyles_, houseStyles_;
    std::set<std::string> declared_;
};

bool outlineNumbers(pugi::xml_node outline) {
    for (auto level : outline.children("text:outline-level-style"))
        if (*level.attribute("style:num-format").value()) return true;
    return false;
}

OutlineNumbering readOutline(pugi::xml_node outline) {
    OutlineNumbering o;
    for (auto level : outline.children("text:outline-level-style")) {
        const int l = level.attribute("text:level").as_int();
        if (l < 1 || l > 10) continue;
        o.levels[l].arabic = std::strcmp(level.attribute("style:num-format").value(), "1") == 0;
        o.levels[l].displayLevels = std::max(1, std::min(l, level.attribute("text:display-levels").as_int(1)));
    }
    return o;
}

void setLanguage(pugi::xml_node stylesNode, const std::string& lang) {
    const std::string tag = languageTag(lang);
    const auto dash = tag.find('-');
    const std::string language = tag.substr(0, dash);
    const std::string country = dash == std::string::npos ? std::string() : tag.substr(dash + 1);
    pugi::xml_node def;
    for (auto d : stylesNode.children("style:default-style"))
        if (std::strcmp(d.attribute("style:family").value(), "paragraph") == 0) def = d;
    if (!def) {
        def = stylesNode.prepend_child("style:default-style");
        def.append_attribute("style:family") = "paragraph";
    }
    auto tp = childOrCreate(def, "style:text-properties");
    auto set = [&](const char* name, const std::string& value) {
        auto a = tp.attribute(name);
        if (!a) a = tp.append_attribute(name);
        a = value.c_str();
    };
    set("fo:language", language);
    if (!country.empty()) set("fo:country", country);
}

// Markers where a document's header and footer paragraphs go; split off after serialising.
constexpr const char* kHeaderSlot = "overens-slot:header";
constexpr const char* kFooterSlot = "overens-slot:footer";

// Replace a header or footer's content with the logos it had and the slot for our paragraph.
void clearRunning(pugi::xml_node region, const char* slot) {
    std::vector<pugi::xml_node> keep;
    collectFrameParagraphs(region, keep);
    pugi::xml_document hold;
    for (auto k : keep) hold.append_copy(k);
    while (region.first_child()) region.remove_child(region.first_child());
    for (auto k : hold.children()) region.append_copy(k);
    region.append_child(slot);
}

// The serialised styles cut at the slots.
void splitAtSlots(const std::string& xml, StylesPart& part) {
    const std::string header = std::string("<") + kHeaderSlot + "/>";
    const std::string footer = std::string("<") + kFooterSlot + "/>";
    const std::string common = "<overens-slot:";
    std::size_t pos = 0;
    for (std::size_t at = xml.find(common); at != std::string::npos; at = xml.find(common, at + 1)) {
        const bool h = xml.compare(at, header.size(), header) == 0;
        if (!h && xml.compare(at, footer.size(), footer) != 0) continue;
        part.pieces.push_back(xml.substr(pos, at - pos));
        part.slots.push_back(h ? StylesPart::Slot::Header : StylesPart::Slot::Footer);
        pos = at + (h ? header.size() : footer.size());
    }
    part.pieces.push_back(xml.substr(pos));
}

void writeFooter(XmlWriter& w, const std::string& label) {
    TextAppender text(w);
    std::size_t pos = 0;
    while (pos < label.size()) {
        const auto a = label.find("{page}", pos);
        const auto b = label.find("{pages}", pos);
        const auto next = std::min(a, b);
        text.text(std::string_view(label).substr(pos, next == std::string::npos ? std::string::npos : next - pos));
        if (next == std::string::npos) break;
        if (next == b) {
            text.field("text:page-count");
            pos = b + 7;
        } else {
            text.field("text:page-number");
            w.attr("text:select-page", "current");
            pos = a + 6;
        }
        w.text("1");
        w.close();
    }
}

bool isLocalHref(const std::string& href) {
    return !href.empty() && href[0] != '#' && href[0] != '/' && href.find(':') == std::string::npos;
}

std::string mediaTypeFor(const std::string& path) {
    auto ext = path.substr(path.find_last_of('.') + 1);
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == "png") return "image/png";
    if (ext == "jpg" || ext == "jpeg") return "image/jpeg";
    if (ext == "gif") return "image/gif";
    if (ext == "svg") return "image/svg+xml";
    if (ext == "bmp") return "image/bmp";
    if (ext == "tif" || ext == "tiff") return "image/tiff";
    if (ext == "wmf") return "image/x-wmf";
    if (ext == "emf") return "image/x-emf";
    return "application/octet-stream";
}

pugi::xml_document loadHouseStyle(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw WriteError("odf.house-style", "the ODT house style '" + file.string() +
                                                "' is missing; reinstall the templates or pass --templates");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const std::string s = bytes.str();
    pugi::xml_document d;
    auto result = d.load_buffer(s.data(), s.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
    if (!result || std::strcmp(d.document_element().name(), "office:document-styles") != 0)
        throw WriteError("odf.house-style",
                         "the ODT house style '" + file.string() + "' is not an office:document-styles document" +
                             (result ? std::string() : std::string(" (") + result.description() + " at byte " +
                                                           std::to_string(result.offset) + ")"));
    return d;
}

}  // namespace

std::string OutlineNumbering::label(int level, const int counters[11]) const {
    if (level < 1 || level > 10 || !levels[level].arabic) return {};
    std::string out;
    for (int l = level - levels[level].displayLevels + 1; l <= level; ++l) {
        if (!out.empty()) out += '.';
        out += std::to_string(counters[l] > 0 ? counters[l] : 1);
    }
    return out;
}

std::string defaultPageLabel(const std::string& lang) {
    return lang == "en" ? "Page {page} of {pages}" : "Sida {page} av {pages}";
}

StylesPart buildStyles(const std::string& lang, const std::filesystem::path& houseStyle,
                       const ReferencePackage* reference) {
    StylesPart part;
    pugi::xml_document house = loadHouseStyle(houseStyle);
    // Without a reference the house style is itself the base (no copy), unless its outline style
    // numbers no headings: then, as for a reference, the outline is put in anew from the house.
    const bool houseNumbers =
        outlineNumbers(house.document_element().child("office:styles").child("text:outline-style"));
    pugi::xml_document copy;
    pugi::xml_document& base = reference || !houseNumbers ? copy : house;
    if (reference) {
        const std::string& s = *reference->file("styles.xml");
        auto result = base.load_buffer(s.data(), s.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
        if (!result)
            throw WriteError("odf.reference", "reference document '" + reference->path.string() +
                                                  "': its styles.xml is not well-formed XML (" +
                                                  result.description() + " at byte " +
                                                  std::to_string(result.offset) + ")");
        if (std::strcmp(base.document_element().name(), "office:document-styles") != 0)
            throw WriteError("odf.reference", "reference document '" + reference->path.string() +
                                                  "': its styles.xml is not an office:document-styles document");
    } else if (!houseNumbers) {
        base.reset(house);
    }
    // Declarations and comments of the file are not part of the stream.
    for (auto n = base.first_child(); n;) {
        auto next = n.next_sibling();
        if (n.type() != pugi::node_element) base.remove_child(n);
        n = next;
    }
    auto root = base.document_element();
    {
        auto v = root.attribute("office:version");
        if (!v) v = root.append_attribute("office:version");
        v = "1.3";
    }

    Merger merge(base, house, reference ? reference->path : std::filesystem::path());
    for (const auto& r : requiredStyles()) merge.ensure(r.element, r.family, r.name);

    // Heading numbering: the reference's outline style when it numbers headings, else ours.
    auto outline = merge.baseStyles().child("text:outline-style");
    if (!outline || !outlineNumbers(outline)) {
        if (outline) merge.baseStyles().remove_child(outline);
        outline = merge.baseStyles().append_copy(merge.houseStyles().child("text:outline-style"));
        merge.adopt(outline);
    }
    part.outline = readOutline(outline);

    setLanguage(merge.baseStyles(), lang);

    // The master page: the reference's "Standard" (or its first), else the house one.
    auto masters = root.child("office:master-styles");
    pugi::xml_node master;
    if (masters) {
        master = findNamed(masters, "style:master-page", nullptr, "Standard");
        if (!master) master = masters.child("style:master-page");
    }
    if (!master) {
        if (!masters) masters = root.append_child("office:master-styles");
        auto houseMaster = house.document_element().child("office:master-styles").child("style:master-page");
        const std::string layoutName = houseMaster.attribute("style:page-layout-name").value();
        auto autos = root.child("office:automatic-styles");
        if (!autos) autos = root.insert_child_before("office:automatic-styles", masters);
        if (!findNamed(autos, "style:page-layout", nullptr, layoutName)) {
            auto layout = findNamed(house.document_element().child("office:automatic-styles"), "style:page-layout",
                                    nullptr, layoutName);
            if (layout) merge.adopt(autos.append_copy(layout));
        }
        master = masters.prepend_copy(houseMaster);
        merge.adopt(master);
        master.attribute("style:name") = "Standard";
        if (!master.attribute("style:name")) master.append_attribute("style:name") = "Standard";
    }
    if (std::strcmp(master.attribute("style:name").value(), "Standard") != 0)
        part.masterPage = master.attribute("style:name").value();
    // The text width of the master page's layout, for the tables' column widths.
    if (auto layouts = root.child("office:automatic-styles")) {
        auto props = findNamed(layouts, "style:page-layout", nullptr, master.attribute("style:page-layout-name").value())
                         .child("style:page-layout-properties");
        const double width = lengthInPoints(props.attribute("fo:page-width").value());
        const double left = std::max(0.0, lengthInPoints(props.attribute("fo:margin-left").value()));
        const double right = std::max(0.0, lengthInPoints(props.attribute("fo:margin-right").value()));
        if (width > left + right + 72) part.textWidthCm = (width - left - right) * 2.54 / 72;
    }

    // Running header and footer: slots for the document's paragraphs.
    auto header = master.child("style:header");
    if (!header) header = master.prepend_child("style:header");
    pugi::xml_node lastHeader = header;
    for (const char* name : {"style:header-left", "style:header-first"})
        if (auto h = master.child(name)) lastHeader = h;
    auto footer = master.child("style:footer");
    if (!footer) footer = master.insert_child_after("style:footer", lastHeader);
    for (const char* name : {"style:header", "style:header-left", "style:header-first"})
        if (auto h = master.child(name)) clearRunning(h, kHeaderSlot);
    for (const char* name : {"style:footer", "style:footer-left", "style:footer-first"})
        if (auto f = master.child(name)) clearRunning(f, kFooterSlot);
    // A reference may have switched them off.
    header.remove_attribute("style:display");
    footer.remove_attribute("style:display");

    // Pictures the styles use (a header logo) travel with them.
    if (reference) {
        std::set<std::string> seen;
        std::vector<pugi::xml_node> stack{root};
        while (!stack.empty()) {
            auto n = stack.back();
            stack.pop_back();
            if (auto href = n.attribute("xlink:href")) {
                std::string path = href.value();
                if (path.rfind("./", 0) == 0) path = path.substr(2);
                if (isLocalHref(path) && !seen.count(path)) {
                    seen.insert(path);
                    if (const std::string* bytes = reference->file(path)) {
                        auto mt = reference->mediaTypes.find(path);
                        part.resources.push_back({path, *bytes,
                                                  mt != reference->mediaTypes.end() && !mt->second.empty()
                                                      ? mt->second
                                                      : mediaTypeFor(path)});
                    }
                }
            }
            for (auto c : n.children())
                if (c.type() == pugi::node_element) stack.push_back(c);
        }
    }

    splitAtSlots(serialize(base), part);
    return part;
}

namespace {

// A file as the cache knows it: its path, time and size; empty when it cannot be read.
std::string fileKey(const std::filesystem::path& p) {
    std::error_code ec;
    const auto time = std::filesystem::last_write_time(p, ec);
    if (ec) return {};
    const auto size = std::filesystem::file_size(p, ec);
    if (ec) return {};
    return p.string() + '\n' + std::to_string(time.time_since_epoch().count()) + '\n' + std::to_string(size);
}

}  // namespace

StylesInUse stylesFor(const std::string& lang, const std::filesystem::path& houseStyle,
                      const std::filesystem::path& referenceOdt) {
    // A batch writes many documents with the same styles, from several threads; `serve` runs
    // for long, so a changed file is noticed, and the cache stays small.
    struct Cached {
        std::shared_ptr<const StylesPart> part;
        std::shared_ptr<const DeflatedPrefix> start;
    };
    static std::mutex mutex;
    static std::map<std::string, Cached> cache;
    constexpr std::size_t kMaxCached = 32;
    const std::string houseKey = fileKey(houseStyle);
    const std::string referenceKey = referenceOdt.empty() ? std::string("-") : fileKey(referenceOdt);
    const bool cacheable = !houseKey.empty() && !referenceKey.empty();
    const std::string key = houseKey + '\0' + referenceKey + '\0' + languageTag(lang);
    if (cacheable) {
        std::unique_lock<std::mutex> lock(mutex);
        auto it = cache.find(key);
        if (it != cache.end()) {
            if (!it->second.start) {
                // The second document with these styles: deflate their start for this and the rest.
                const auto part = it->second.part;
                lock.unlock();
                auto start = OdfPackage::startOfStream(part->pieces.front());
                lock.lock();
                auto again = cache.find(key);
                if (again != cache.end() && again->second.part == part && !again->second.start)
                    again->second.start = start;
                return {part, start};
            }
            return {it->second.part, it->second.start};
        }
    }
    std::optional<ReferencePackage> reference;
    if (!referenceOdt.empty()) reference = readReference(referenceOdt);
    auto part = std::make_shared<const StylesPart>(buildStyles(lang, houseStyle, reference ? &*reference : nullptr));
    if (cacheable) {
        std::lock_guard<std::mutex> lock(mutex);
        if (cache.size() >= kMaxCached) cache.clear();
        cache.emplace(key, Cached{part, nullptr});
    }
    return {part, nullptr};
}

void writeStyles(const StylesPart& part, const doc::Meta& meta, ByteSink& sink, bool afterStart) {
    std::string headerText = meta.headerText;
    if (headerText.empty()) {
        headerText = meta.organisation;
        if (!meta.dnr.empty()) headerText += (headerText.empty() ? "" : " · ") + meta.dnr;
    }
    headerText = xmlSafe(headerText);
    const std::string pageLabel = xmlSafe(meta.pageLabel.empty() ? defaultPageLabel(meta.lang) : meta.pageLabel);
    XmlWriter w(&sink);
    for (std::size_t i = 0; i < part.pieces.size(); ++i) {
        if (i > 0 || !afterStart) w.raw(part.pieces[i]);
        if (i >= part.slots.size()) continue;
        const bool header = part.slots[i] == StylesPart::Slot::Header;
        w.open("text:p");
        w.attr("text:style-name", header ? styles::kHeader : styles::kFooter);
        if (header)
            TextAppender(w).text(headerText);
        else
            writeFooter(w, pageLabel);
        w.close();
    }
    w.finish();
}

}  // namespace overens::odf
