// The pages' content streams, deflated as soon as a page is finished instead of all at once
// when libharu saves (which held every page's drawing uncompressed until the end: 104 MB for a
// 50,000-row order). What is drawn on a page after that (footers with the page count, page
// numbers in the table of contents, closing marks) is deflated when the document is sealed,
// and the two parts become one zlib stream. libharu then writes the bytes as they are, with
// the same /Filter entry it writes itself.
#pragma once

#include <string>
#include <vector>

#include <hpdf.h>
#include <zlib.h>

namespace overens::pdf {

class PageStreams {
public:
    PageStreams();
    ~PageStreams();
    PageStreams(const PageStreams&) = delete;
    PageStreams& operator=(const PageStreams&) = delete;

    // Deflates what the page's stream holds and frees it there.
    void pack(HPDF_Page page, int index);
    // Deflates what was written to each page since, and gives libharu every page's finished stream.
    void seal(const std::vector<HPDF_Page>& pages);

private:
    struct Packed {
        std::string bytes;    // raw deflate blocks, none of them final
        uLong adler = 1;      // Adler-32 of the data so far
    };
    // Appends the stream's data, deflated, to `bytes` and its Adler-32 to `adler` (`last`:
    // ends the deflate stream), and frees it in the stream.
    void deflateInto(HPDF_Stream stream, std::string& bytes, uLong& adler, bool last);
    std::vector<Packed> packed_;
    std::string scratch_;
    z_stream z_{};
    bool ready_ = false;
};

}  // namespace overens::pdf
