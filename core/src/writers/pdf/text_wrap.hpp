// Breaking styled text into lines by measuring it: words are kept whole where they fit, a word at
// a line end is hyphenated at a pattern point (or broken after an address's '/', '.', '@') where
// the line has room for its head, a word wider than the line with no such point is broken between
// characters, '\n' forces a break.
#pragma once

#include <string>
#include <vector>

#include "overens/document.hpp"
#include "writers/pdf/fonts.hpp"

namespace overens::pdf {

// A piece of text in one face and size.
struct Span {
    FaceId face = 0;
    double size = 11;
    std::string text;
};

// A piece of a laid-out line, placed at x (relative to the line's start).
struct Frag {
    FaceId face = 0;
    double size = 11;
    double x = 0;
    double width = 0;
    std::string text;
};

struct Line {
    std::vector<Frag> frags;
    double width = 0;  // natural width (before justification)
    // The line ended at a space: the space is drawn after its last fragment (for text extraction
    // and the structure tree: "leda tillsammans", not "ledatillsammans").
    bool spaceAfter = false;
    // The line ends in a hyphen added at a hyphenation point (the last byte of the last
    // fragment): drawn as an artifact, so that the tagged text reads the word whole.
    bool hyphenated = false;
};

// Spans of runs in a style: strong runs take the bold face, emphasis the italic face.
std::vector<Span> spansOf(FontBook& fonts, const TextStyle& style, const doc::Runs& runs, bool allStrong = false);
std::vector<Span> spansOf(FontBook& fonts, const TextStyle& style, const std::string& text, bool strong = false);

// Lines no wider than maxWidth (a single character wider than that still gets its own line).
// justify spreads the words of every line but the last of each paragraph to the full width.
std::vector<Line> wrapSpans(FontBook& fonts, const std::vector<Span>& spans, double maxWidth, bool justify = false);

// The width of the longest word and of the whole text on one line (for table column widths).
struct TextExtent {
    double minWidth = 0;   // the widest piece between break points (hyphenation allowed)
    double wordWidth = 0;  // the widest word
    double maxWidth = 0;   // the longest line
};
// Words no wider than `floor` are not worked out (they cannot raise a minimum that high).
TextExtent measureSpans(FontBook& fonts, const std::vector<Span>& spans, double floor = 0);

}  // namespace overens::pdf
