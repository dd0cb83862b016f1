#include "writers/pdf/style.hpp"

#include <pugixml.hpp>

#include "writers/writer.hpp"

namespace overens::pdf {
namespace {

constexpr double kPointsPerMm = 72.0 / 25.4;

void defaults(Style& s) {
    auto fam = [](const std::string& id, const std::string& base) {
        FontFamily f;
        f.id = id;
        f.regular = base + "-Regular.ttf";
        f.bold = base + "-Bold.ttf";
        f.italic = base + "-Italic.ttf";
        f.boldItalic = base + "-BoldItalic.ttf";
        return f;
    };
    s.families["serif"] = fam("serif", "LiberationSerif");
    s.families["sans"] = fam("sans", "LiberationSans");
    auto add = [&](const std::string& name, const std::string& family, double size, double before, double after,
                   bool bold = false) {
        TextStyle t;
        t.name = name;
        t.family = family;
        t.size = size;
        t.spaceBefore = before;
        t.spaceAfter = after;
        t.bold = bold;
        s.styles[name] = t;
    };
    add("body", "serif", 11, 0, 6);
    add("heading1", "sans", 15, 16, 6, true);
    add("heading2", "sans", 12.5, 12, 4, true);
    add("heading3", "sans", 11, 10, 3, true);
    add("table", "sans", 9, 0, 0);
    s.styles["table"].padding = 3;
    add("table-head", "sans", 9, 0, 0, true);
    s.styles["table-head"].padding = 3;
    s.styles["table-head"].background = 0.88;
    add("title", "sans", 22, 0, 6, true);
    add("header", "sans", 8.5, 0, 0);
    add("footer", "sans", 8.5, 0, 0);
    add("list", "serif", 11, 0, 2);
    s.styles["list"].indent = 18;
}

double mm(const pugi::xml_node& n, const char* attr, double fallbackPoints) {
    auto a = n.attribute(attr);
    return a ? a.as_double() * kPointsPerMm : fallbackPoints;
}

std::filesystem::path resolveFont(const std::string& file, const std::vector<std::filesystem::path>& dirs,
                                  const std::string& family, const std::filesystem::path& styleFile) {
    std::filesystem::path p(file);
    if (p.is_absolute()) {
        if (std::filesystem::exists(p)) return p;
    } else {
        for (const auto& d : dirs)
            if (std::filesystem::exists(d / p)) return d / p;
    }
    throw WriteError("pdf.font-missing", "PDF: font file '" + file + "' of family '" + family + "' (" +
                                             styleFile.string() +
                                             ") was not found; install fonts-liberation2 or name another "
                                             "TrueType file in the <family> element");
}

}  // namespace

const TextStyle& Style::style(const std::string& name) const {
    auto it = styles.find(name);
    if (it != styles.end()) return it->second;
    return styles.at("body");
}

Style loadStyle(const std::filesystem::path& templatesDir) {
    Style s;
    defaults(s);
    std::vector<std::filesystem::path> dirs{"/usr/share/fonts/truetype/liberation2",
                                            "/usr/share/fonts/truetype/liberation",
                                            "/usr/share/fonts/truetype/dejavu"};
    std::filesystem::path file;
    if (!templatesDir.empty()) file = templatesDir / "pdf" / "style.xml";
    pugi::xml_document xml;
    if (!file.empty() && std::filesystem::exists(file)) {
        auto r = xml.load_file(file.c_str());
        if (!r)
            throw WriteError("pdf.style-invalid", "PDF: " + file.string() + ": offset " +
                                                      std::to_string(r.offset) + ": " + r.description());
        auto root = xml.child("pdf-style");
        if (!root) throw WriteError("pdf.style-invalid", "PDF: " + file.string() + ": the root element is not <pdf-style>");
        if (auto page = root.child("page")) {
            s.pageWidth = mm(page, "width-mm", s.pageWidth);
            s.pageHeight = mm(page, "height-mm", s.pageHeight);
            s.marginTop = mm(page, "margin-top-mm", s.marginTop);
            s.marginBottom = mm(page, "margin-bottom-mm", s.marginBottom);
            s.marginLeft = mm(page, "margin-left-mm", s.marginLeft);
            s.marginRight = mm(page, "margin-right-mm", s.marginRight);
        }
        if (auto run = root.child("running")) {
            s.headerStyle = run.attribute("header-style").as_string(s.headerStyle.c_str());
            s.footerStyle = run.attribute("footer-style").as_string(s.footerStyle.c_str());
            s.runningGap = run.attribute("gap").as_double(s.runningGap);
            s.runningRule = run.attribute("rule").as_bool(s.runningRule);
        }
        if (root.child("font-dir")) {
            dirs.clear();
            for (auto d : root.children("font-dir")) dirs.emplace_back(d.text().as_string());
        }
        for (auto f : root.children("family")) {
            FontFamily fam;
            fam.id = f.attribute("id").as_string();
            fam.regular = f.attribute("regular").as_string();
            fam.bold = f.attribute("bold").as_string(fam.regular.c_str());
            fam.italic = f.attribute("italic").as_string(fam.regular.c_str());
            fam.boldItalic = f.attribute("bold-italic").as_string(fam.bold.c_str());
            if (fam.id.empty() || fam.regular.empty())
                throw WriteError("pdf.style-invalid", "PDF: " + file.string() + ": a <family> needs id and regular");
            s.families[fam.id] = fam;
        }
        if (root.child("fallback")) {
            s.fallbacks.clear();
            for (auto f : root.children("fallback")) s.fallbacks.emplace_back(f.attribute("family").as_string());
        }
        for (auto st : root.children("style")) {
            std::string name = st.attribute("name").as_string();
            if (name.empty()) throw WriteError("pdf.style-invalid", "PDF: " + file.string() + ": a <style> without name");
            TextStyle t = s.styles.count(name) ? s.styles[name] : TextStyle{};
            t.name = name;
            t.family = st.attribute("family").as_string(t.family.c_str());
            t.size = st.attribute("size").as_double(t.size);
            t.leading = st.attribute("leading").as_double(t.leading);
            t.spaceBefore = st.attribute("space-before").as_double(t.spaceBefore);
            t.spaceAfter = st.attribute("space-after").as_double(t.spaceAfter);
            t.indent = st.attribute("indent").as_double(t.indent);
            t.padding = st.attribute("padding").as_double(t.padding);
            t.gray = st.attribute("gray").as_double(t.gray);
            t.background = st.attribute("background").as_double(t.background);
            t.bold = st.attribute("bold").as_bool(t.bold);
            t.italic = st.attribute("italic").as_bool(t.italic);
            t.justify = st.attribute("justify").as_bool(t.justify);
            if (t.size <= 0 || t.leading <= 0)
                throw WriteError("pdf.style-invalid", "PDF: " + file.string() + ": style '" + name + "' needs a positive size and leading");
            s.styles[name] = t;
        }
        if (auto n = root.child("numbering")) {
            s.numberSeparator = n.attribute("separator").as_string(s.numberSeparator.c_str());
            s.numberGap = n.attribute("gap").as_double(s.numberGap);
        }
        if (auto n = root.child("toc")) s.tocLevels = n.attribute("levels").as_int(s.tocLevels);
        if (auto n = root.child("hyphenation")) {
            s.hyphenate = n.attribute("enabled").as_bool(s.hyphenate);
            if (n.child("pattern-dir")) {
                s.hyphenDirs.clear();
                for (auto d : n.children("pattern-dir")) s.hyphenDirs.emplace_back(d.text().as_string());
            }
        }
        if (auto n = root.child("table")) {
            s.tableRuleWidth = n.attribute("rule-width").as_double(s.tableRuleWidth);
            s.tableRuleGray = n.attribute("rule-gray").as_double(s.tableRuleGray);
        }
        if (auto n = root.child("signature")) {
            s.signatureColumns = std::max(1, n.attribute("columns").as_int(s.signatureColumns));
            s.signSpace = n.attribute("sign-space").as_double(s.signSpace);
            s.signColumnGap = n.attribute("column-gap").as_double(s.signColumnGap);
        }
    }
    if (s.pageWidth - s.marginLeft - s.marginRight < 72 || s.pageHeight - s.marginTop - s.marginBottom < 144)
        throw WriteError("pdf.style-invalid", "PDF: " + file.string() + ": the margins leave too little room on the page");
    for (auto& [name, t] : s.styles)
        if (!s.families.count(t.family))
            throw WriteError("pdf.style-invalid",
                             "PDF: " + file.string() + ": style '" + name + "' names the unknown family '" + t.family + "'");
    for (auto& [id, f] : s.families) {
        f.regular = resolveFont(f.regular.string(), dirs, id, file);
        f.bold = resolveFont(f.bold.string(), dirs, id, file);
        f.italic = resolveFont(f.italic.string(), dirs, id, file);
        f.boldItalic = resolveFont(f.boldItalic.string(), dirs, id, file);
    }
    return s;
}

}  // namespace overens::pdf
