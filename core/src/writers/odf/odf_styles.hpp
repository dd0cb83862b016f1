// styles.xml: the default house style from templates/odf/styles.xml, or a reference
// document's styles completed from it; the document's language on the default style; the
// running header (organisation, registration number) and footer ("Sida N av M").
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "overens/document.hpp"
#include "writers/odf/odf_reference.hpp"
#include "writers/odf/odf_xml.hpp"
#include "writers/odf/odf_zip.hpp"

namespace overens::odf {

// How the outline style numbers headings, so the body can pre-fill a table of contents.
struct OutlineNumbering {
    struct Level {
        bool arabic = false;    // num-format "1"
        int displayLevels = 1;  // how many levels the number shows (1.2.3 = 3)
    };
    Level levels[11];  // index 1..10

    // "1.2" for a heading at level with counters[1..level]; empty when the level is unnumbered.
    std::string label(int level, const int counters[11]) const;
};

// A file the styles refer to (a header logo), to be put into the package.
struct StyleResource {
    std::string path;
    std::string bytes;
    std::string mediaType;
};

// styles.xml but for the running header's and footer's paragraphs, which hold the
// document's organisation, registration number and page label: made once per process for a
// house style, a reference and a language, and filled in for each document.
struct StylesPart {
    enum class Slot { Header, Footer };
    std::vector<std::string> pieces;  // pieces[0], slots[0], pieces[1], ..., pieces.back()
    std::vector<Slot> slots;
    std::vector<StyleResource> resources;  // pictures the styles use
    std::string masterPage;               // master page of the first paragraph when not "Standard"
    double textWidthCm = 16;              // between the master page's margins (the house page: 16 cm)
    OutlineNumbering outline;
};

// houseStyle: templates/odf/styles.xml. reference: null for the house style alone. lang: the
// document's language (on the default paragraph style).
// Throws WriteError ("odf.house-style", "odf.reference") when a file cannot be used.
StylesPart buildStyles(const std::string& lang, const std::filesystem::path& houseStyle,
                       const ReferencePackage* reference);

// The styles a document is written with: made once per process (buildStyles) for each house
// style, reference document (empty: none) and language, a file changed since (its time or
// size) read again. From the second document on, `start` holds pieces[0] deflated (the
// package's entry begins with it, so a batch deflates most of styles.xml once).
struct StylesInUse {
    std::shared_ptr<const StylesPart> part;
    std::shared_ptr<const DeflatedPrefix> start;  // null for the first document
};
StylesInUse stylesFor(const std::string& lang, const std::filesystem::path& houseStyle,
                      const std::filesystem::path& referenceOdt);

// styles.xml of one document into sink; from part.pieces[1] on when the entry began with start.
void writeStyles(const StylesPart& part, const doc::Meta& meta, ByteSink& sink, bool afterStart);

// "Sida {page} av {pages}" etc. for meta.pageLabel when empty, in the document's language.
std::string defaultPageLabel(const std::string& lang);

}  // namespace overens::odf
