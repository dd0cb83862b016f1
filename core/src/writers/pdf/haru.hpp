// A libharu document with an error handler that never throws through C code: errors are
// recorded, and check() turns a recorded error into a WriteError after the call returned.
#pragma once

#include <string>

#include <hpdf.h>

namespace overens::pdf {

class HaruDoc {
public:
    HaruDoc();
    ~HaruDoc();
    HaruDoc(const HaruDoc&) = delete;
    HaruDoc& operator=(const HaruDoc&) = delete;

    HPDF_Doc get() const { return doc_; }
    bool failed() const { return error_ != HPDF_OK; }
    // Throws WriteError("pdf.libharu", ...) naming `what` when libharu reported an error.
    void check(const std::string& what);
    // Forgets a reported condition that is not an error where it happened (end of stream).
    void clear();

private:
    static void onError(HPDF_STATUS error, HPDF_STATUS detail, void* self) noexcept;
    HPDF_Doc doc_ = nullptr;
    HPDF_STATUS error_ = HPDF_OK;
    HPDF_STATUS detail_ = 0;
};

// libharu's name for an error code ("HPDF_TTF_INVALID_FORMAT") or its hex value.
std::string haruErrorName(HPDF_STATUS error);

// A stream dictionary whose data is deflated already: libharu writes the bytes as they are and,
// after the dictionary's other entries, the '/Filter [ /FlateDecode ]' it writes itself.
void markDeflated(HPDF_Dict stream);

}  // namespace overens::pdf
