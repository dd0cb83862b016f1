// The PDF writer: lays the document tree out with libharu (fonts embedded, UTF-8) as a tagged
// PDF (structure tree, marked content, /Lang), adds the outline and document info, corrects the
// fonts' maps and saves once. With --pdf-engine libreoffice it hands the ODT to LibreOffice for a
// tagged PDF/A-2b instead.
#include <chrono>
#include <ctime>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_error.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <Poco/MD5Engine.h>

#include "overens/version.hpp"
#include "writers/pdf/canvas.hpp"
#include "writers/pdf/fonts.hpp"
#include "writers/pdf/haru.hpp"
#include "writers/pdf/hyphenation.hpp"
#include "writers/pdf/layout.hpp"
#include "writers/pdf/reference_style.hpp"
#include "writers/pdf/engines.hpp"
#include "writers/pdf/structure.hpp"
#include "writers/pdf/style.hpp"
#include "writers/pdf/utf8.hpp"
#include "writers/writer.hpp"

namespace overens {
namespace pdf {
namespace {

std::string join(const std::vector<std::string>& items, const std::string& sep) {
    std::string out;
    for (const auto& s : items) {
        if (s.empty()) continue;
        if (!out.empty()) out += sep;
        out += s;
    }
    return out;
}

// Where a character was typed: the source place of the first user's answer (a run with a
// location) that holds it. Looked up only when a character has no font, so it costs nothing
// otherwise.
class CharacterFinder {
public:
    explicit CharacterFinder(const doc::Blocks& blocks) : blocks_(blocks) {}

    Location operator()(char32_t cp) {
        typed_.clear();
        appendUtf8(typed_, cp);
        found_ = Location{};
        for (const auto& b : blocks_) {
            std::visit(*this, b);
            if (found_.known()) break;
        }
        return found_;
    }

    void operator()(const doc::Heading& h) { look(h.runs); }
    void operator()(const doc::Paragraph& p) { look(p.runs); }
    void operator()(const doc::List& l) {
        for (const auto& item : l.items) {
            look(item.runs);
            for (const auto& child : item.children) (*this)(child);
        }
    }
    void operator()(const doc::Table& t) {
        for (const auto* rows : {&t.header, &t.rows})
            for (const auto& row : *rows)
                for (const auto& cell : row) look(cell);
        look(t.caption);
    }
    void operator()(const doc::SignatureBlock& s) { look(s.intro); }
    void operator()(const doc::Note& n) { look(n.runs); }
    template <typename Other>
    void operator()(const Other&) {}

private:
    void look(const doc::Runs& runs) {
        for (const auto& r : runs)
            if (!found_.known() && r.where.known() && r.text.find(typed_) != std::string::npos) found_ = r.where;
    }
    const doc::Blocks& blocks_;
    std::string typed_;
    Location found_;
};

void setInfo(HaruDoc& hd, const doc::Meta& m) {
    HPDF_Doc pdf = hd.get();
    auto set = [&](HPDF_InfoType type, const std::string& value) {
        if (!value.empty()) HPDF_SetInfoAttr(pdf, type, cleanText(value).c_str());
    };
    set(HPDF_INFO_TITLE, m.title);
    set(HPDF_INFO_AUTHOR, m.organisation);
    set(HPDF_INFO_SUBJECT, m.subject);
    set(HPDF_INFO_KEYWORDS, join(m.keywords, ", "));
    const std::string generator = m.generator.empty() ? std::string("Överens ") + kVersion : m.generator;
    set(HPDF_INFO_CREATOR, generator);
    set(HPDF_INFO_PRODUCER, generator + " (libharu " HPDF_VERSION_TEXT ")");
    if (m.adopted && m.adopted->valid()) {
        HPDF_Date d{};
        d.year = m.adopted->year;
        d.month = m.adopted->month;
        d.day = m.adopted->day;
        d.ind = ' ';
        HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, d);
        HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, d);
    }
    hd.check("writing the document info");
}

void addOutline(HaruDoc& hd, Canvas& canvas, const std::vector<HeadingMark>& headings) {
    if (headings.empty()) return;
    HPDF_Doc pdf = hd.get();
    HPDF_Encoder enc = HPDF_GetEncoder(pdf, "UTF-8");
    std::vector<std::pair<int, HPDF_Outline>> stack;  // level, outline
    for (const auto& h : headings) {
        if (h.page < 0) continue;
        while (!stack.empty() && stack.back().first >= h.level) stack.pop_back();
        HPDF_Outline parent = stack.empty() ? nullptr : stack.back().second;
        HPDF_Outline o = HPDF_CreateOutline(pdf, parent, h.title().c_str(), enc);
        HPDF_Destination dst = HPDF_Page_CreateDestination(canvas.page(h.page));
        HPDF_Destination_SetFitH(dst, static_cast<HPDF_REAL>(h.top));
        HPDF_Outline_SetDestination(o, dst);
        HPDF_Outline_SetOpened(o, h.level <= 1 ? HPDF_TRUE : HPDF_FALSE);
        stack.emplace_back(h.level, o);
    }
    HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE);
    hd.check("writing the outline");
}

// The catalog entries libharu has no API for, and a document ID that is the same for the same
// document (an MD5 of what was drawn and of the document info).
std::string finishCatalog(HaruDoc& hd, Canvas& canvas, const doc::Meta& m, const Style& style) {
    HPDF_Doc pdf = hd.get();
    pdf->pdf_version = HPDF_VER_17;  // tagged PDF and /Lang need 1.4 or later
    HPDF_Dict catalog = pdf->catalog;
    const std::string lang = langTag(m.lang);
    if (!lang.empty()) HPDF_Dict_Add(catalog, "Lang", HPDF_String_New(pdf->mmgr, lang.c_str(), nullptr));
    HPDF_Dict prefs = HPDF_Dict_New(pdf->mmgr);
    HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE);
    HPDF_Dict_Add(catalog, "ViewerPreferences", prefs);
    canvas.tree().prepare(pdf, canvas.pages(), m.lang);

    Poco::MD5Engine md5;
    for (const std::string* s : {&m.title, &m.subject, &m.organisation, &m.dnr, &m.version, &m.sourceSha256})
        md5.update(*s + '\n');
    if (style.logo) md5.update(style.logo->data);
    auto drawn = canvas.digest();
    md5.update(drawn.data(), drawn.size());
    auto id = md5.digest();
    HPDF_Array ids = HPDF_Array_New(pdf->mmgr);
    HPDF_Array_Add(ids, HPDF_Binary_New(pdf->mmgr, id.data(), static_cast<HPDF_UINT>(id.size())));
    HPDF_Array_Add(ids, HPDF_Binary_New(pdf->mmgr, id.data(), static_cast<HPDF_UINT>(id.size())));
    HPDF_Dict_Add(pdf->trailer, "ID", ids);
    hd.check("writing the structure tree and the catalog");
    return std::string(reinterpret_cast<const char*>(id.data()), id.size());
}

// The running header and footer with what a reference document adds to them.
doc::Meta withReference(const doc::Meta& m, const Style& style) {
    doc::Meta out = m;
    if (!style.referenceHeader.empty()) {
        std::vector<std::string> lines = style.referenceHeader;
        lines.push_back(m.headerText);
        out.headerText = join(lines, "\n");
    }
    if (!style.referenceFooter.empty())
        out.pageLabel = style.referenceFooter + "  ·  " + (m.pageLabel.empty() ? "{page} / {pages}" : m.pageLabel);
    return out;
}

// The reference's logo on every page, above the header text (space for it is taken from the
// body in renderWithHaru), as a header artifact. Inside Canvas::finish, once no marked content
// is open on any page and before the pages' streams are sealed.
void drawLogo(HaruDoc& hd, Canvas& canvas, const Logo& logo, double top) {
    const auto* data = reinterpret_cast<const HPDF_BYTE*>(logo.data.data());
    const auto size = static_cast<HPDF_UINT>(logo.data.size());
    HPDF_Image image = logo.png ? HPDF_LoadPngImageFromMem(hd.get(), data, size) : HPDF_LoadJpegImageFromMem(hd.get(), data, size);
    hd.check("loading the reference document's logo");
    if (!image) return;
    double x = canvas.left() + logo.x;
    if (logo.align == "right") x = canvas.right() - logo.width;
    if (logo.align == "center") x = (canvas.left() + canvas.right() - logo.width) / 2;
    const bool tagged = canvas.tree().enabled();
    for (HPDF_Page page : canvas.pages()) {
        auto* stream = static_cast<HPDF_PageAttr>(page->attr)->stream;
        if (tagged) HPDF_Stream_WriteStr(stream, "/Artifact <</Type /Pagination /Subtype /Header>> BDC\n");
        HPDF_Page_DrawImage(page, image, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(top - logo.height),
                            static_cast<HPDF_REAL>(logo.width), static_cast<HPDF_REAL>(logo.height));
        if (tagged) HPDF_Stream_WriteStr(stream, "EMC\n");
    }
    hd.check("drawing the reference document's logo");
}

// libharu's output going straight to ours (the publisher's temporary file), not through a
// memory stream and a string: a large document's bytes are never held once more in full.
class SaveSink {
public:
    explicit SaveSink(std::ostream& out) : out_(out) {}
    std::uint64_t size() const { return size_; }
    bool failed() const { return failed_; }
    // The offset after the last "startxref": where the newest cross-reference section is.
    std::uint64_t lastStartXref() const {
        const auto at = tail_.rfind("startxref");
        if (at == std::string::npos) return 0;
        return std::strtoull(tail_.c_str() + at + 9, nullptr, 10);
    }

    static HPDF_STATUS write(HPDF_Stream stream, const HPDF_BYTE* data, HPDF_UINT size) {
        auto* self = static_cast<SaveSink*>(stream->attr);
        self->out_.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
        if (!self->out_) {
            self->failed_ = true;
            return HPDF_SetError(stream->error, HPDF_FILE_IO_ERROR, 0);
        }
        self->size_ += size;
        // What libharu writes last ("startxref\n<offset>\n%%EOF\n") is in the last bytes.
        self->tail_.append(reinterpret_cast<const char*>(data), size);
        if (self->tail_.size() > 2 * kTail) self->tail_.erase(0, self->tail_.size() - kTail);
        return HPDF_OK;
    }

private:
    static constexpr std::size_t kTail = 64;
    std::ostream& out_;
    std::uint64_t size_ = 0;
    bool failed_ = false;
    std::string tail_;
};

void save(HaruDoc& hd, SaveSink& sink) {
    // HPDF_SaveToStream saves into the document's stream, a memory stream unless one is set.
    HPDF_Doc pdf = hd.get();
    pdf->stream = HPDF_CallbackWriter_New(pdf->mmgr, &SaveSink::write, &sink);
    hd.check("starting to save the document");
    if (!pdf->stream) throw WriteError("pdf.libharu", "PDF: libharu could not make its output stream");
    HPDF_SaveToStream(pdf);
    // The stream's record stays with libharu (freed with the document), its target does not.
    pdf->stream->attr = nullptr;
    pdf->stream->write_fn = nullptr;
    if (sink.failed()) throw WriteError("pdf.write", "PDF: writing the output failed");
    hd.check("saving the document");
}

}  // namespace

namespace {

// OVERENS_PDF_TIMING=1 prints how long each phase took to stderr, wall clock and process CPU
// (for the benchmark on a loaded machine).
class PhaseTimer {
public:
    PhaseTimer()
        : on_(std::getenv("OVERENS_PDF_TIMING") != nullptr), last_(std::chrono::steady_clock::now()), cpu_(std::clock()) {}
    void mark(const char* phase) {
        if (!on_) return;
        const auto now = std::chrono::steady_clock::now();
        const std::clock_t cpu = std::clock();
        std::fprintf(stderr, "pdf-timing: %-10s %8.2f ms wall %8.2f ms cpu\n", phase,
                     std::chrono::duration<double, std::milli>(now - last_).count(),
                     1000.0 * static_cast<double>(cpu - cpu_) / CLOCKS_PER_SEC);
        last_ = now;
        cpu_ = cpu;
    }

private:
    bool on_;
    std::chrono::steady_clock::time_point last_;
    std::clock_t cpu_;
};

}  // namespace

void renderWithHaru(const doc::Document& d, std::ostream& out, const WriteOptions& options, Diagnostics& diags) {
    PhaseTimer timer;
    Style style = loadStyle(options.templatesDir);
    if (!options.referenceOdt.empty()) applyReference(style, options.referenceOdt, diags);
    const doc::Meta meta = withReference(d.meta, style);
    // The logo stands in the top margin's place; the header text and the body move down.
    const double logoTop = style.pageHeight - style.marginTop;
    constexpr double kLogoGap = 4;
    if (style.logo) style.marginTop += style.logo->height + kLogoGap;
    HaruDoc hd;
    HPDF_UseUTFEncodings(hd.get());
    HPDF_SetCurrentEncoder(hd.get(), "UTF-8");  // before the info, or it is mis-encoded
    // Page contents are compressed by libharu as it saves (so the whole uncompressed document is
    // never held twice); the fonts' streams get their filter in FontBook::finish.
    HPDF_SetCompressionMode(hd.get(), HPDF_COMP_TEXT);
    hd.check("setting up UTF-8 and compression");
    setInfo(hd, d.meta);

    FontBook fonts(hd, style, diags);
    fonts.setLocator(CharacterFinder(d.blocks));
    std::unique_ptr<Hyphenator> hyphenator;
    if (style.hyphenate) {
        hyphenator = std::make_unique<Hyphenator>(d.meta.lang, style.hyphenDirs);
        fonts.setHyphenator(hyphenator.get());
        hyphenator->expect(hyphenatedText(d.blocks));  // its patterns load while the fonts do
    }
    Canvas canvas(hd, fonts, style, meta);
    canvas.tree().setEnabled(std::getenv("OVERENS_PDF_UNTAGGED") == nullptr);
    Layouter layouter(canvas, d);
    layouter.run();
    canvas.finish([&] {
        if (style.logo) drawLogo(hd, canvas, *style.logo, logoTop);
    });
    hd.check("laying out the pages");
    addOutline(hd, canvas, layouter.headings());
    timer.mark("layout");
    fonts.finish();
    const std::string id = finishCatalog(hd, canvas, d.meta, style);
    timer.mark("finish");

    SaveSink sink(out);
    save(hd, sink);
    timer.mark("save");
    canvas.tree().appendTo(out, sink.size(), sink.lastStartXref(), hd.get(), canvas.pages(), id);
    timer.mark("structure");
}

}  // namespace pdf

namespace {

class PdfWriter : public Writer {
public:
    std::string format() const override { return "pdf"; }

    void write(const doc::Document& d, std::ostream& out, const WriteOptions& options, Diagnostics& diags) const override {
        const std::string engine = options.pdfEngine.empty() ? "libharu" : options.pdfEngine;
        if (engine == "libreoffice") {
            pdf::writeWithLibreOffice(d, out, options, diags);
            return;
        }
        if (engine != "libharu")
            throw WriteError("pdf.engine-unknown",
                             "PDF: unknown --pdf-engine '" + engine + "' (use libharu or libreoffice)");
        pdf::renderWithHaru(d, out, options, diags);
        if (!out) throw WriteError("pdf.write", "PDF: writing the output failed");
    }
};

}  // namespace

void registerPdfWriter(WriterRegistry& registry) { registry.add(std::make_unique<PdfWriter>()); }

}  // namespace overens
