// The pages of a PDF being laid out: the body area between running header and footer, the
// current position, drawing of laid-out lines and rules, and what can only be drawn once the
// page count is known (footers "Sida N av M", page numbers in a table of contents).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <hpdf.h>
#include <Poco/MD5Engine.h>

#include "overens/document.hpp"
#include "writers/pdf/fonts.hpp"
#include "writers/pdf/haru.hpp"
#include "writers/pdf/page_streams.hpp"
#include "writers/pdf/structure.hpp"
#include "writers/pdf/style.hpp"
#include "writers/pdf/text_wrap.hpp"

namespace overens::pdf {

// Where drawn text belongs in the structure tree: an element, or one of these.
enum : int {
    kCurrentElement = -10,  // the structure tree's current element
    kArtifact = -1,         // decoration: rules, fills, repeated table headers
    kHeaderArtifact = -2,   // the running header
    kFooterArtifact = -3,   // the running footer (page numbers)
    kNoMark = -20,          // no marked content open
};

class Canvas {
public:
    Canvas(HaruDoc& doc, FontBook& fonts, const Style& style, const doc::Meta& meta);

    FontBook& fonts() { return fonts_; }
    StructTree& tree() { return tree_; }
    // An MD5 of everything drawn, for a document ID that changes with the content.
    Poco::DigestEngine::Digest digest() { return digest_.digest(); }
    const std::vector<HPDF_Page>& pages() const { return pages_; }
    const Style& style() const { return style_; }

    // Body area of every page, in PDF coordinates (y grows upwards).
    double left() const { return style_.marginLeft; }
    double right() const { return style_.pageWidth - style_.marginRight; }
    double width() const { return right() - left(); }
    double bodyTop() const { return bodyTop_; }
    double bodyBottom() const { return bodyBottom_; }
    double bodyHeight() const { return bodyTop_ - bodyBottom_; }

    // The current position: the top of what comes next.
    double y() const { return y_; }
    void moveDown(double dy) { y_ -= dy; }
    bool atTop() const { return y_ >= bodyTop_ - 1e-6; }
    bool fits(double height) const { return y_ - height >= bodyBottom_ - 1e-6; }
    // Starts a new page unless `height` fits below the current position (or the page is empty).
    void ensure(double height) {
        if (!fits(height) && !atTop()) newPage();
    }
    void newPage();
    int pageIndex() const { return static_cast<int>(pages_.size()) - 1; }
    HPDF_Page page(int index) const { return pages_[static_cast<std::size_t>(index)]; }
    int pageCount() const { return static_cast<int>(pages_.size()); }

    // Vertical space between blocks: the larger of the previous block's space-after and the next
    // block's space-before, none at the top of a page.
    void spaceAfter(double points) { pending_ = std::max(pending_, points); }
    void beginBlock(double spaceBefore);

    // Baseline offset of a line of a style from the line's top.
    double baseline(const TextStyle& s) const;
    // Draws a line with its top at `top`, starting at x.
    // Text is marked content of `target` (see the enum above).
    void drawLine(const Line& line, double x, double top, const TextStyle& s, int target = kCurrentElement);
    void drawText(int pageIndex, const std::string& text, FaceId face, double size, double x, double baselineY, double gray,
                  int target = kCurrentElement);
    void rule(double x1, double y1, double x2, double y2, double width, double gray);
    void fillRect(double x, double y, double w, double h, double gray);

    // Work done after the last page exists, in the order added, with the total page count.
    void defer(std::function<void(int pages)> work) { deferred_.push_back(std::move(work)); }
    // Draws the footers, runs deferred work, closes the marked content, runs `unmarked` (drawing
    // that must stand outside any marked content, such as a logo artifact on every page) and
    // seals the pages' streams (nothing is drawn after).
    void finish(const std::function<void()>& unmarked = nullptr);

    // Vertical rules drawn as one path per call (table grid).
    void rules(const std::vector<double>& xs, double top, double bottom, double width, double gray);

private:
    void drawHeader();
    // Graphics state of the current page, so that unchanged settings are not written again.
    void setFill(HPDF_Page p, double gray);
    void setStroke(HPDF_Page p, double width, double gray);
    void setFont(HPDF_Page p, FaceId face, double size);
    // Text at (x, y) in the page's current font, inside a text object.
    void textOut(HPDF_Page p, FaceId face, double x, double y, const std::string& text);
    struct PageState {
        double fill = 0, stroke = 0, lineWidth = 1;  // a new page's defaults
        FaceId face = -1;
        double size = -1;
        int open = kNoMark;  // the marked content open at the end of the page's stream
    };
    // Makes what is drawn next on the page marked content of `target`: closes the sequence
    // open there unless it is the same, and opens one (BDC/BMC) for it. Outside text objects only.
    void mark(int pageIndex, int target);
    void closeMarks();
    PageState& state(HPDF_Page p);
    std::vector<PageState> states_;  // per page, parallel to pages_

    HaruDoc& doc_;
    FontBook& fonts_;
    const Style& style_;
    const doc::Meta& meta_;
    std::vector<HPDF_Page> pages_;
    std::vector<Line> headerLines_;
    double bodyTop_ = 0, bodyBottom_ = 0;
    double y_ = 0;
    double pending_ = 0;
    std::vector<std::function<void(int)>> deferred_;
    StructTree tree_;
    Poco::MD5Engine digest_;
    PageStreams streams_;
};

}  // namespace overens::pdf
