#include "writers/pdf/haru.hpp"

#include <cstdio>

#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include "writers/writer.hpp"

namespace overens::pdf {

HaruDoc::HaruDoc() {
    doc_ = HPDF_New(&HaruDoc::onError, this);
    if (!doc_) throw WriteError("pdf.libharu", "PDF: libharu could not create a document (out of memory?)");
}

HaruDoc::~HaruDoc() {
    if (doc_) HPDF_Free(doc_);
}

void HaruDoc::onError(HPDF_STATUS error, HPDF_STATUS detail, void* self) noexcept {
    auto* d = static_cast<HaruDoc*>(self);
    if (d->error_ == HPDF_OK) {  // keep the first error: later ones are usually its consequences
        d->error_ = error;
        d->detail_ = detail;
    }
}

void HaruDoc::check(const std::string& what) {
    if (error_ == HPDF_OK) return;
    std::string msg = "PDF: libharu failed while " + what + ": " + haruErrorName(error_);
    if (detail_) msg += " (detail " + std::to_string(detail_) + ")";
    error_ = HPDF_OK;
    HPDF_ResetError(doc_);
    throw WriteError("pdf.libharu", msg);
}

void HaruDoc::clear() {
    error_ = HPDF_OK;
    detail_ = 0;
    HPDF_ResetError(doc_);
}

std::string haruErrorName(HPDF_STATUS error) {
    switch (error) {
        case HPDF_FAILD_TO_ALLOC_MEM: return "HPDF_FAILD_TO_ALLOC_MEM (out of memory)";
        case HPDF_FILE_IO_ERROR: return "HPDF_FILE_IO_ERROR";
        case HPDF_FILE_OPEN_ERROR: return "HPDF_FILE_OPEN_ERROR (cannot open a font file)";
        case HPDF_FONT_EXISTS: return "HPDF_FONT_EXISTS";
        case HPDF_INVALID_ENCODER: return "HPDF_INVALID_ENCODER";
        case HPDF_INVALID_FONT_NAME: return "HPDF_INVALID_FONT_NAME";
        case HPDF_INVALID_PARAMETER: return "HPDF_INVALID_PARAMETER";
        case HPDF_INVALID_DATE_TIME: return "HPDF_INVALID_DATE_TIME";
        case HPDF_PAGE_OUT_OF_RANGE: return "HPDF_PAGE_OUT_OF_RANGE";
        case HPDF_PAGE_INVALID_GMODE: return "HPDF_PAGE_INVALID_GMODE";
        case HPDF_STRING_OUT_OF_RANGE: return "HPDF_STRING_OUT_OF_RANGE (text too long for one string)";
        case HPDF_TTF_INVALID_CMAP: return "HPDF_TTF_INVALID_CMAP";
        case HPDF_TTF_INVALID_FOMAT: return "HPDF_TTF_INVALID_FOMAT (not a TrueType font)";
        case HPDF_TTF_MISSING_TABLE: return "HPDF_TTF_MISSING_TABLE";
        case HPDF_TTF_CANNOT_EMBEDDING_FONT: return "HPDF_TTF_CANNOT_EMBEDDING_FONT (the font forbids embedding)";
        default: break;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "error 0x%04X", static_cast<unsigned>(error));
    return buf;
}

void markDeflated(HPDF_Dict stream) {
    stream->filter = HPDF_STREAM_FILTER_NONE;
    stream->write_fn = [](HPDF_Dict, HPDF_Stream out) -> HPDF_STATUS {
        return HPDF_Stream_WriteStr(out, "/Filter [ /FlateDecode ]\012");
    };
}

}  // namespace overens::pdf
