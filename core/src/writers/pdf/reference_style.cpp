#include "writers/pdf/reference_style.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <set>

#include <fontconfig/fontconfig.h>
#include <pugixml.hpp>

#include <Poco/Base64Decoder.h>
#include <Poco/Checksum.h>

#include <cstring>
#include <sstream>

#include "overens/diagnostics.hpp"
#include "writers/odf/odf_reference.hpp"

namespace overens::pdf {
namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

double points(const char* value) { return odf::lengthInPoints(value); }

std::string unquote(std::string s) {
    if (s.size() >= 2 && (s.front() == '\'' || s.front() == '"')) s = s.substr(1, s.size() - 2);
    return s;
}

// The named style's text properties, following its parents.
struct Look {
    std::string font;
    double size = -1;
};

class ReferenceStyles {
public:
    explicit ReferenceStyles(const pugi::xml_document& xml) {
        for (auto f : xml.select_nodes("//style:font-face"))
            faces_[f.node().attribute("style:name").value()] = unquote(f.node().attribute("svg:font-family").value());
        for (auto s : xml.select_nodes("//office:styles/style:style[@style:family='paragraph']"))
            styles_[s.node().attribute("style:name").value()] = s.node();
        defaults_ = xml.select_node("//office:styles/style:default-style[@style:family='paragraph']").node();
    }

    Look look(const std::string& name) const {
        Look out;
        std::set<std::string> seen;
        for (std::string n = name; !n.empty() && seen.insert(n).second;) {
            auto it = styles_.find(n);
            if (it == styles_.end()) break;
            take(it->second, out);
            n = it->second.attribute("style:parent-style-name").value();
        }
        if (defaults_) take(defaults_, out);
        return out;
    }

private:
    void take(pugi::xml_node style, Look& out) const {
        auto tp = style.child("style:text-properties");
        if (!tp) return;
        if (out.font.empty()) {
            const std::string name = tp.attribute("style:font-name").value();
            auto f = faces_.find(name);
            out.font = f != faces_.end() ? f->second : unquote(tp.attribute("fo:font-family").value());
        }
        if (out.size < 0) {
            const std::string size = tp.attribute("fo:font-size").value();
            if (!size.empty() && size.back() != '%') out.size = points(size.c_str());
        }
    }

    std::map<std::string, std::string> faces_;
    std::map<std::string, pugi::xml_node> styles_;
    pugi::xml_node defaults_;
};

// A family of the reference's font for the style, or empty (reported) when it is not installed.
std::string family(Style& style, const std::string& font, std::set<std::string>& reported, Diagnostics& diags) {
    if (font.empty()) return {};
    const std::string id = "reference:" + font;
    if (style.families.count(id)) return id;
    FontFamily fam;
    fam.id = id;
    fam.regular = findFont(font, false, false);
    if (fam.regular.empty()) {
        if (reported.insert(font).second)
            diags.warning("pdf.reference-font", {},
                          "PDF: typsnittet '" + font + "' i referensdokumentet finns inte installerat som TrueType; PDF:en använder husstilens",
                          "PDF: the reference document's font '" + font + "' is not installed as TrueType; the PDF keeps the house style's");
        return {};
    }
    auto or_ = [&](std::filesystem::path p) { return p.empty() ? fam.regular : p; };
    fam.bold = or_(findFont(font, true, false));
    fam.italic = or_(findFont(font, false, true));
    fam.boldItalic = or_(findFont(font, true, true));
    style.families[id] = fam;
    return id;
}

// The text a running header or footer paragraph shows: its page fields as {page} and {pages},
// its frames (the logo) left out.
void runningText(pugi::xml_node n, std::string& out) {
    for (auto c : n.children()) {
        if (c.type() == pugi::node_pcdata) {
            out += c.value();
            continue;
        }
        if (c.type() != pugi::node_element) continue;
        const std::string name = c.name();
        if (name == "text:s") out.append(static_cast<std::size_t>(std::max(1, c.attribute("text:c").as_int(1))), ' ');
        else if (name == "text:tab") out += ' ';
        else if (name == "text:line-break") out += '\n';
        else if (name == "text:page-number") out += "{page}";
        else if (name == "text:page-count") out += "{pages}";
        else if (name != "draw:frame") runningText(c, out);
    }
}

std::string trimmed(const std::string& s) {
    const auto b = s.find_first_not_of(" \n");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \n") - b + 1);
}

// The picture of a frame: from the package (xlink:href) or inline (office:binary-data).
std::string frameImage(pugi::xml_node frame, const odf::ReferencePackage& pkg) {
    auto image = frame.child("draw:image");
    std::string href = image.attribute("xlink:href").value();
    if (href.rfind("./", 0) == 0) href = href.substr(2);
    if (!href.empty()) {
        const std::string* bytes = pkg.file(href);
        return bytes ? *bytes : std::string();
    }
    std::istringstream in(image.child_value("office:binary-data"));
    Poco::Base64Decoder decoder(in);
    return std::string(std::istreambuf_iterator<char>(decoder), std::istreambuf_iterator<char>());
}

// Whether a PNG's chunks are whole and their checksums right: libpng, under libharu, ends the
// process on a damaged one rather than returning an error.
bool wholePng(const std::string& png) {
    auto u32 = [&](std::size_t at) {
        return static_cast<std::uint32_t>(static_cast<unsigned char>(png[at])) << 24 |
               static_cast<std::uint32_t>(static_cast<unsigned char>(png[at + 1])) << 16 |
               static_cast<std::uint32_t>(static_cast<unsigned char>(png[at + 2])) << 8 |
               static_cast<std::uint32_t>(static_cast<unsigned char>(png[at + 3]));
    };
    std::size_t at = 8;
    bool ended = false;
    while (!ended && at + 12 <= png.size()) {
        const std::uint32_t length = u32(at);
        if (length > png.size() - at - 12) return false;
        Poco::Checksum crc(Poco::Checksum::TYPE_CRC32);
        crc.update(png.data() + at + 4, length + 4);
        if (crc.checksum() != u32(at + 8 + length)) return false;
        ended = png.compare(at + 4, 4, "IEND") == 0;
        at += 12 + length;
    }
    return ended;
}

// The header's first logo as a Logo, or what keeps it out of the PDF (added to `ignored`).
void takeLogo(Style& style, pugi::xml_node frame, const pugi::xml_document& xml, const odf::ReferencePackage& pkg,
              std::vector<std::string>& ignored) {
    Logo logo;
    logo.data = frameImage(frame, pkg);
    logo.width = points(frame.attribute("svg:width").value());
    logo.height = points(frame.attribute("svg:height").value());
    const bool png = logo.data.size() > 8 && logo.data.compare(0, 4, "\x89PNG") == 0;
    const bool jpeg = logo.data.size() > 3 && logo.data.compare(0, 3, "\xFF\xD8\xFF") == 0;
    if (!png && !jpeg) {
        ignored.push_back("header logo (not PNG or JPEG)");
        return;
    }
    if (png && !wholePng(logo.data)) {
        ignored.push_back("header logo (damaged PNG)");
        return;
    }
    if (logo.width <= 0 || logo.height <= 0 || logo.height > style.pageHeight / 4) {
        ignored.push_back("header logo (no usable size)");
        return;
    }
    logo.png = png;
    // Its horizontal position, from the frame's graphic style.
    const std::string styleName = frame.attribute("draw:style-name").value();
    for (auto s : xml.select_nodes("//style:style[@style:family='graphic']"))
        if (styleName == s.node().attribute("style:name").value()) {
            const std::string pos = s.node().child("style:graphic-properties").attribute("style:horizontal-pos").value();
            if (pos == "right" || pos == "left") logo.align = pos;
            if (pos == "from-left") {
                logo.align = "left";
                logo.x = std::max(0.0, points(frame.attribute("svg:x").value()));
            }
        }
    logo.width = std::min(logo.width, style.pageWidth - style.marginLeft - style.marginRight);
    logo.x = std::min(logo.x, style.pageWidth - style.marginLeft - style.marginRight - logo.width);
    style.logo = std::move(logo);
}

// What the PDF takes of the master page's header and footer: the text of the paragraphs the
// ODT keeps (those holding a frame) and the header's first logo.
void takeRunning(Style& style, pugi::xml_node master, const pugi::xml_document& xml, const odf::ReferencePackage& pkg,
                 std::vector<std::string>& ignored) {
    std::vector<pugi::xml_node> kept;
    odf::collectFrameParagraphs(master.child("style:header"), kept);
    for (auto p : kept) {
        std::string text;
        runningText(p, text);
        for (const char* field : {"{page}", "{pages}"})
            for (std::size_t at; (at = text.find(field)) != std::string::npos;) text.erase(at, std::strlen(field));
        if (!trimmed(text).empty()) style.referenceHeader.push_back(trimmed(text));
        for (auto f : p.select_nodes(".//draw:frame")) {
            if (style.logo) {
                ignored.push_back("a second header logo");
                break;
            }
            takeLogo(style, f.node(), xml, pkg, ignored);
        }
    }
    kept.clear();
    odf::collectFrameParagraphs(master.child("style:footer"), kept);
    for (auto p : kept) {
        std::string text;
        runningText(p, text);
        for (char& c : text)
            if (c == '\n') c = ' ';
        if (!trimmed(text).empty())
            style.referenceFooter += (style.referenceFooter.empty() ? "" : " ") + trimmed(text);
        if (p.select_node(".//draw:frame")) ignored.push_back("footer logo");
    }
}

}  // namespace

std::filesystem::path findFont(const std::string& family, bool bold, bool italic) {
    FcInit();
    FcPattern* pat = FcPatternCreate();
    FcPatternAddString(pat, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
    FcPatternAddInteger(pat, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcPatternAddInteger(pat, FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
    FcConfigSubstitute(nullptr, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult result = FcResultNoMatch;
    FcPattern* match = FcFontMatch(nullptr, pat, &result);
    std::filesystem::path out;
    if (match) {
        FcChar8* file = nullptr;
        FcChar8* got = nullptr;
        if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch &&
            FcPatternGetString(match, FC_FAMILY, 0, &got) == FcResultMatch &&
            lower(reinterpret_cast<const char*>(got)) == lower(family)) {
            const std::string f = reinterpret_cast<const char*>(file);
            if (lower(f).size() > 4 && lower(f).substr(f.size() - 4) == ".ttf") out = f;
        }
        FcPatternDestroy(match);
    }
    FcPatternDestroy(pat);
    return out;
}

void applyReference(Style& style, const std::filesystem::path& reference, Diagnostics& diags) {
    const odf::ReferencePackage pkg = odf::readReference(reference);
    const std::string* stylesXml = pkg.file("styles.xml");
    if (!stylesXml) return;
    pugi::xml_document xml;
    if (!xml.load_buffer(stylesXml->data(), stylesXml->size())) return;
    const ReferenceStyles refs(xml);
    std::set<std::string> reported;

    // Body text and what is set like it; headings.
    const Look body = refs.look("Text_20_body");
    if (const std::string fam = family(style, body.font, reported, diags); !fam.empty())
        for (const char* name : {"body", "lead", "small", "quote", "list", "note", "signature", "fact", "toc", "table",
                                 "table-head", "caption", "header", "footer", "title-org", "subtitle"})
            if (style.styles.count(name)) style.styles[name].family = fam;
    if (body.size > 0) {
        const double scale = body.size / style.styles["body"].size;
        for (const char* name : {"body", "quote", "list", "signature"})
            if (style.styles.count(name)) style.styles[name].size = body.size;
        if (style.styles.count("lead")) style.styles["lead"].size *= scale;
    }
    for (int level = 1; level <= 4; ++level) {
        const Look h = refs.look("Heading_20_" + std::to_string(level));
        const std::string name = "heading" + std::to_string(level);
        if (!style.styles.count(name)) continue;
        if (const std::string fam = family(style, h.font, reported, diags); !fam.empty()) style.styles[name].family = fam;
        if (h.size > 0) style.styles[name].size = h.size;
    }
    if (const Look t = refs.look("Title"); !t.font.empty())
        if (const std::string fam = family(style, t.font, reported, diags); !fam.empty()) style.styles["title"].family = fam;

    // The page: the layout of the Standard master page (or the first one).
    auto master = xml.select_node("//style:master-page[@style:name='Standard']").node();
    if (!master) master = xml.select_node("//style:master-page").node();
    const std::string layoutName = master.attribute("style:page-layout-name").value();
    pugi::xml_node layout;
    for (auto l : xml.select_nodes("//style:page-layout"))
        if (layoutName == l.node().attribute("style:name").value()) layout = l.node();
    if (auto pp = layout.child("style:page-layout-properties")) {
        auto set = [&](const char* attr, double& target) {
            const double v = points(pp.attribute(attr).value());
            if (v > 0) target = v;
        };
        set("fo:page-width", style.pageWidth);
        set("fo:page-height", style.pageHeight);
        set("fo:margin-top", style.marginTop);
        set("fo:margin-bottom", style.marginBottom);
        set("fo:margin-left", style.marginLeft);
        set("fo:margin-right", style.marginRight);
    }
    // The running header and footer; what the PDF writer does not take over is said once.
    std::vector<std::string> ignored;
    takeRunning(style, master, xml, pkg, ignored);
    if (!ignored.empty()) {
        std::string list;
        for (const auto& i : ignored) list += (list.empty() ? "" : ", ") + i;
        diags.warning("pdf.reference-ignored", {},
                      "PDF: PDF-skrivaren tar inte över detta från referensdokumentet: " + list + " (" + reference.filename().string() + ")",
                      "PDF: the PDF writer does not take these from the reference document: " + list + " (" +
                          reference.filename().string() + ")");
    }
}

}  // namespace overens::pdf
