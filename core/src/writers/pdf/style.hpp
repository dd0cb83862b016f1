// The PDF house style: page geometry, fonts and paragraph styles, read from templates/pdf/style.xml.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace overens::pdf {

struct FontFamily {
    std::string id;
    // Resolved font files: regular, bold, italic, bold-italic.
    std::filesystem::path regular, bold, italic, boldItalic;
};

struct TextStyle {
    std::string name;
    std::string family = "serif";
    double size = 11;        // points
    double leading = 1.3;    // line height as a factor of size
    double spaceBefore = 0;  // points
    double spaceAfter = 0;
    double indent = 0;       // points (left indent; hanging indent for lists)
    double padding = 0;      // table cells
    double gray = 0;         // text colour, 0 = black
    double background = 1;   // table header fill, 1 = white (none)
    bool bold = false;
    bool italic = false;
    bool justify = false;

    double lineHeight() const { return size * leading; }
};

// A picture in the running header (a reference document's logo).
struct Logo {
    std::string data;              // PNG or JPEG
    bool png = true;
    double width = 0, height = 0;  // points
    std::string align = "center";  // left, center or right (LibreOffice centres a frame with no style)
    double x = 0;                  // from the left margin, for align "left"
};

struct Style {
    double pageWidth = 595.28, pageHeight = 841.89;  // points
    double marginTop = 51, marginBottom = 51, marginLeft = 70.87, marginRight = 56.69;
    std::string headerStyle = "header", footerStyle = "footer";
    double runningGap = 14;
    bool runningRule = true;
    std::map<std::string, FontFamily> families;
    // Families tried in order for a character the style's own family lacks.
    std::vector<std::string> fallbacks;
    std::map<std::string, TextStyle> styles;
    std::string numberSeparator = ".";
    double numberGap = 8;
    int tocLevels = 2;
    double tableRuleWidth = 0.5, tableRuleGray = 0.55;
    int signatureColumns = 2;
    double signSpace = 34, signColumnGap = 24;
    // Hyphenation patterns (hyph_sv_SE.dic, hyph_en_US.dic) are looked up in these folders.
    bool hyphenate = true;
    std::vector<std::filesystem::path> hyphenDirs{"/usr/share/hyphen"};
    // What a reference document's running header and footer keep (as the ODT does): the text of
    // their logo paragraphs, shown before the document's header text and page label, and the
    // header's logo, above the header text.
    std::vector<std::string> referenceHeader;
    std::string referenceFooter;
    std::optional<Logo> logo;

    // The named style; an unknown name falls back to "body" (always present).
    const TextStyle& style(const std::string& name) const;
};

// Reads the style from <templatesDir>/pdf/style.xml; an empty templatesDir or a missing file
// gives the built-in defaults. Throws WriteError on a broken file or a font that is not found.
Style loadStyle(const std::filesystem::path& templatesDir);

}  // namespace overens::pdf
