#include "writers/pdf/canvas.hpp"

#include <algorithm>

#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <hpdf_utils.h>

#include "writers/pdf/utf8.hpp"

namespace overens::pdf {

Canvas::Canvas(HaruDoc& doc, FontBook& fonts, const Style& style, const doc::Meta& meta)
    : doc_(doc), fonts_(fonts), style_(style), meta_(meta) {
    bodyTop_ = style_.pageHeight - style_.marginTop;
    bodyBottom_ = style_.marginBottom;
    if (!meta_.headerText.empty()) {
        const TextStyle& hs = style_.style(style_.headerStyle);
        headerLines_ = wrapSpans(fonts_, spansOf(fonts_, hs, meta_.headerText), width());
        bodyTop_ -= static_cast<double>(headerLines_.size()) * hs.lineHeight() + style_.runningGap;
    }
    const TextStyle& fs = style_.style(style_.footerStyle);
    bodyBottom_ += fs.lineHeight() + style_.runningGap;
    y_ = bodyTop_;
}

void Canvas::newPage() {
    // The page before is drawn but for its footer and what deferred work adds: deflate it now.
    if (!pages_.empty()) streams_.pack(pages_.back(), pageIndex());
    HPDF_Page p = HPDF_AddPage(doc_.get());
    doc_.check("adding a page");
    HPDF_Page_SetWidth(p, static_cast<HPDF_REAL>(style_.pageWidth));
    HPDF_Page_SetHeight(p, static_cast<HPDF_REAL>(style_.pageHeight));
    pages_.push_back(p);
    states_.emplace_back();
    y_ = bodyTop_;
    pending_ = 0;
    drawHeader();
}

void Canvas::beginBlock(double spaceBefore) {
    if (pages_.empty()) newPage();
    const double gap = std::max(pending_, spaceBefore);
    pending_ = 0;
    if (atTop()) return;
    if (!fits(gap)) {
        newPage();
        return;
    }
    y_ -= gap;
}

double Canvas::baseline(const TextStyle& s) const {
    // Centre the font's ascent..descent box in the line box.
    const double asc = 0.9 * s.size;   // Liberation/DejaVu: ascent ~0.9, descent ~0.21 of the size
    const double desc = 0.22 * s.size;
    return (s.lineHeight() - (asc + desc)) / 2 + asc;
}

Canvas::PageState& Canvas::state(HPDF_Page p) {
    // The current page is the usual case; deferred work draws on earlier ones.
    if (!pages_.empty() && pages_.back() == p) return states_.back();
    for (std::size_t i = 0; i < pages_.size(); ++i)
        if (pages_[i] == p) return states_[i];
    return states_.back();
}

void Canvas::setFill(HPDF_Page p, double gray) {
    PageState& st = state(p);
    if (st.fill != gray) {
        HPDF_Page_SetGrayFill(p, static_cast<HPDF_REAL>(gray));
        st.fill = gray;
    }
}

void Canvas::setStroke(HPDF_Page p, double width, double gray) {
    PageState& st = state(p);
    if (st.stroke != gray) {
        HPDF_Page_SetGrayStroke(p, static_cast<HPDF_REAL>(gray));
        st.stroke = gray;
    }
    if (st.lineWidth != width) {
        HPDF_Page_SetLineWidth(p, static_cast<HPDF_REAL>(width));
        st.lineWidth = width;
    }
}

void Canvas::setFont(HPDF_Page p, FaceId face, double size) {
    PageState& st = state(p);
    if (st.face != face || st.size != size) {
        HPDF_Page_SetFontAndSize(p, fonts_.at(face).font, static_cast<HPDF_REAL>(size));
        st.face = face;
        st.size = size;
    }
}

void Canvas::mark(int pageIndex, int target) {
    if (!tree_.enabled()) return;
    if (target == kCurrentElement) target = tree_.current();
    PageState& st = states_[static_cast<std::size_t>(pageIndex)];
    if (st.open == target) return;
    std::string ops;
    if (st.open != kNoMark) ops += "EMC\n";
    switch (target) {
        case kNoMark: break;
        case kArtifact: ops += "/Artifact BMC\n"; break;
        case kHeaderArtifact: ops += "/Artifact <</Type /Pagination /Subtype /Header>> BDC\n"; break;
        case kFooterArtifact: ops += "/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n"; break;
        default:
            ops += "/" + tree_.type(target) + " <</MCID " + std::to_string(tree_.addContent(target, pageIndex)) + ">> BDC\n";
    }
    st.open = target;
    // libharu has no API for marked content: the operators go straight into the page's stream.
    auto* attr = static_cast<HPDF_PageAttr>(page(pageIndex)->attr);
    HPDF_Stream_WriteStr(attr->stream, ops.c_str());
}

void Canvas::textOut(HPDF_Page p, FaceId face, double x, double y, const std::string& text) {
    // What HPDF_Page_TextOut writes ("x y Td <codes> Tj"), without its measuring of the text
    // (a glyph-id search per character, only to advance a text position nobody reads): the
    // face's own table knows each character's width, and that the font has its glyph.
    auto* attr = static_cast<HPDF_PageAttr>(p->attr);
    const HPDF_TransMatrix& tm = attr->text_matrix;
    if (text.size() > HPDF_LIMIT_MAX_STRING_LEN || tm.a != 1 || tm.b != 0 || tm.c != 0 || tm.d != 1 ||
        attr->gmode != HPDF_GMODE_TEXT_OBJECT) {
        HPDF_Page_TextOut(p, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(y), text.c_str());  // reports the error
        return;
    }
    // The 2-byte codes of libharu's UTF-8 encoding (UTF-16 of the BMP; beyond it a space), in hex.
    static const char* digits = "0123456789ABCDEF";
    std::string codes = "<";
    double width = 0;
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = decodeUtf8(text, i);
        if (cp > 0xFFFF) cp = ' ';
        width += fonts_.charWidth(face, cp);  // also marks the glyph for the font's subset
        for (int shift = 12; shift >= 0; shift -= 4) codes += digits[(cp >> shift) & 0xF];
    }
    if (width == 0) return;  // libharu draws nothing of zero width
    codes += "> Tj\012";
    // "dx dy Td" as HPDF_Page_MoveTextPos writes it (libharu's number format), and the text
    // matrix moved as it moves it, without its clearing of a 512-byte buffer per call.
    const HPDF_REAL dx = static_cast<HPDF_REAL>(x) - tm.x, dy = static_cast<HPDF_REAL>(y) - tm.y;
    char move[2 * HPDF_REAL_LEN + 8];
    char* end = move + sizeof move - 1;
    char* at = HPDF_FToA(move, dx, end);
    *at++ = ' ';
    at = HPDF_FToA(at, dy, end);
    codes.insert(0, std::string(move, at) + " Td\012");
    attr->text_matrix.x += dx;
    attr->text_matrix.y += dy;
    attr->text_pos.x = attr->text_matrix.x;
    attr->text_pos.y = attr->text_matrix.y;
    HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(codes.data()), static_cast<HPDF_UINT>(codes.size()));
}

void Canvas::closeMarks() {
    for (int i = 0; i < pageCount(); ++i) mark(i, kNoMark);
}

void Canvas::drawText(int pageIndex, const std::string& text, FaceId face, double size, double x, double baselineY,
                      double gray, int target) {
    if (text.empty()) return;
    HPDF_Page p = page(pageIndex);
    mark(pageIndex, target);
    digest_.update(text);
    fonts_.markUsed(face, text);
    setFill(p, gray);
    setFont(p, face, size);
    HPDF_Page_BeginText(p);
    textOut(p, face, x, baselineY, text);
    HPDF_Page_EndText(p);
}

void Canvas::drawLine(const Line& line, double x, double top, const TextStyle& s, int target) {
    if (line.frags.empty()) return;
    if (pages_.empty()) newPage();
    HPDF_Page p = pages_.back();
    mark(pageIndex(), target);
    const double base = top - baseline(s);
    setFill(p, s.gray);
    setFont(p, line.frags.front().face, line.frags.front().size);
    HPDF_Page_BeginText(p);
    double hyphenX = 0;
    for (std::size_t i = 0; i < line.frags.size(); ++i) {
        const Frag& f = line.frags[i];
        const bool last = i + 1 == line.frags.size();
        std::string text = f.text;
        if (last && line.spaceAfter) text += ' ';
        if (last && line.hyphenated && !text.empty() && text.back() == '-') {
            text.pop_back();
            hyphenX = x + f.x + fonts_.width(f.face, text, f.size);
        }
        fonts_.markUsed(f.face, text);
        digest_.update(text);
        setFont(p, f.face, f.size);
        textOut(p, f.face, x + f.x, base, text);
    }
    HPDF_Page_EndText(p);
    if (hyphenX > 0) {
        // The hyphen is layout, not text: "sammanträde" reads whole in the structure tree.
        const Frag& f = line.frags.back();
        mark(pageIndex(), kArtifact);
        fonts_.markUsed(f.face, "-");
        HPDF_Page_BeginText(p);
        textOut(p, f.face, hyphenX, base, "-");
        HPDF_Page_EndText(p);
    }
}

void Canvas::rule(double x1, double y1, double x2, double y2, double width, double gray) {
    HPDF_Page p = pages_.back();
    mark(pageIndex(), kArtifact);
    setStroke(p, width, gray);
    HPDF_Page_MoveTo(p, static_cast<HPDF_REAL>(x1), static_cast<HPDF_REAL>(y1));
    HPDF_Page_LineTo(p, static_cast<HPDF_REAL>(x2), static_cast<HPDF_REAL>(y2));
    HPDF_Page_Stroke(p);
}

void Canvas::fillRect(double x, double y, double w, double h, double gray) {
    HPDF_Page p = pages_.back();
    mark(pageIndex(), kArtifact);
    setFill(p, gray);
    HPDF_Page_Rectangle(p, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(y), static_cast<HPDF_REAL>(w),
                        static_cast<HPDF_REAL>(h));
    HPDF_Page_Fill(p);
}

void Canvas::rules(const std::vector<double>& xs, double top, double bottom, double width, double gray) {
    if (xs.empty() || top <= bottom) return;
    HPDF_Page p = pages_.back();
    mark(pageIndex(), kArtifact);
    setStroke(p, width, gray);
    for (double x : xs) {
        HPDF_Page_MoveTo(p, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(top));
        HPDF_Page_LineTo(p, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(bottom));
    }
    HPDF_Page_Stroke(p);
}

void Canvas::drawHeader() {
    if (headerLines_.empty()) return;
    const TextStyle& hs = style_.style(style_.headerStyle);
    double top = style_.pageHeight - style_.marginTop;
    for (const auto& l : headerLines_) {
        drawLine(l, left(), top, hs, kHeaderArtifact);
        top -= hs.lineHeight();
    }
    if (style_.runningRule) {
        const double ry = top - style_.runningGap / 2;
        rule(left(), ry, right(), ry, 0.4, 0.6);
    }
}

void Canvas::finish(const std::function<void()>& unmarked) {
    if (pages_.empty()) newPage();
    const int total = pageCount();
    const TextStyle& fs = style_.style(style_.footerStyle);
    const std::string label = meta_.pageLabel.empty() ? "{page} / {pages}" : meta_.pageLabel;
    const FaceId face = fonts_.face(fs);
    const double top = style_.marginBottom + fs.lineHeight();
    for (int i = 0; i < total; ++i) {
        std::string text = label;
        auto replace = [&](const std::string& key, const std::string& value) {
            for (std::size_t pos; (pos = text.find(key)) != std::string::npos;) text.replace(pos, key.size(), value);
        };
        replace("{page}", std::to_string(i + 1));
        replace("{pages}", std::to_string(total));
        text = cleanText(text);
        const double w = fonts_.width(face, text, fs.size);
        drawText(i, text, face, fs.size, right() - w, top - baseline(fs), fs.gray, kFooterArtifact);
    }
    for (auto& work : deferred_) work(total);
    deferred_.clear();
    closeMarks();
    if (unmarked) unmarked();
    streams_.seal(pages_);
}

}  // namespace overens::pdf
