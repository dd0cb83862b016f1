#include "writers/pdf/reference_style.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <set>

#include <fontconfig/fontconfig.h>
#include <pugixml.hpp>

#include "overens/diagnostics.hpp"
#include "writers/odf/odf_reference.hpp"

namespace overens::pdf {
namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// An ODF length ("2.5cm", "20mm", "1in", "11pt") in points; negative when unreadable.
double points(const char* value) {
    if (!value || !*value) return -1;
    char* end = nullptr;
    const double v = std::strtod(value, &end);
    const std::string unit = end ? end : "";
    if (unit == "cm") return v * 72 / 2.54;
    if (unit == "mm") return v * 72 / 25.4;
    if (unit == "in") return v * 72;
    if (unit == "pt") return v;
    if (unit == "pc") return v * 12;
    return -1;
}

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
    // What the PDF writer does not take over.
    std::vector<std::string> ignored;
    if (master.select_node(".//draw:frame") || master.select_node(".//draw:image")) ignored.push_back("header logo");
    if (!master.select_node("style:header//text()").node().empty() || !master.select_node("style:footer//text()").node().empty())
        ignored.push_back("header and footer text");
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
