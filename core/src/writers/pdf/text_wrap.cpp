#include "writers/pdf/text_wrap.hpp"

#include <algorithm>
#include <memory>
#include <utility>

#include "writers/pdf/hyphenation.hpp"
#include "writers/pdf/utf8.hpp"

namespace overens::pdf {
namespace {

// A word: pieces without spaces, with the space that preceded it.
struct Piece {
    FaceId face;
    double size;
    std::string text;
    double width;
};
struct Word {
    std::vector<Piece> pieces;
    double width = 0;
    double spaceBefore = 0;  // width of the space in front of it (0 at a line start or after '\n')
    FaceId spaceFace = -1;
    bool breakBefore = false;  // a forced line break precedes this word
    bool hyphenated = false;   // ends in a hyphen added by splitAt
};

std::vector<Word> splitWords(FontBook& fonts, const std::vector<Span>& spans) {
    std::vector<Word> words;
    Word cur;
    double pendingSpace = 0;
    FaceId pendingFace = -1;
    bool pendingBreak = false;
    auto flush = [&] {
        if (cur.pieces.empty()) return;
        // Swedish typography: "14 §", never "14" at a line end and "§" on the next line.
        if (!words.empty() && !pendingBreak && pendingFace >= 0 && cur.pieces.size() == 1 &&
            (cur.pieces[0].text == "\u00A7" || cur.pieces[0].text == "\u00A7\u00A7")) {
            Word& prev = words.back();
            prev.pieces.push_back(Piece{pendingFace, cur.pieces[0].size, " ", pendingSpace});
            prev.pieces.push_back(std::move(cur.pieces[0]));
            prev.width += pendingSpace + prev.pieces.back().width;
            cur = Word{};
            pendingSpace = 0;
            pendingFace = -1;
            return;
        }
        cur.spaceBefore = pendingSpace;
        cur.spaceFace = pendingFace;
        cur.breakBefore = pendingBreak;
        words.push_back(std::move(cur));
        cur = Word{};
        pendingSpace = 0;
        pendingFace = -1;
        pendingBreak = false;
    };
    for (const auto& span : spans) {
        const std::string_view t = span.text;
        std::size_t i = 0;
        while (i < t.size()) {
            const std::size_t start = i;
            const char32_t cp = decodeUtf8(t, i);
            if (cp == ' ' || cp == '\n') {
                flush();
                if (cp == '\n') {
                    pendingBreak = true;
                    pendingSpace = 0;
                    pendingFace = -1;
                } else if (!words.empty() || pendingBreak) {
                    if (pendingFace < 0) {  // collapse runs of spaces into one
                        pendingSpace = fonts.charWidth(span.face, ' ') * span.size / 1000.0;
                        pendingFace = span.face;
                    }
                }
                continue;
            }
            const double w = fonts.charWidth(span.face, cp) * span.size / 1000.0;
            if (cur.pieces.empty() || cur.pieces.back().face != span.face || cur.pieces.back().size != span.size)
                cur.pieces.push_back(Piece{span.face, span.size, {}, 0});
            cur.pieces.back().text.append(t.substr(start, i - start));
            cur.pieces.back().width += w;
            cur.width += w;
        }
    }
    flush();
    return words;
}

std::string textOf(const Word& w) {
    std::string t;
    for (const auto& p : w.pieces) t += p.text;
    return t;
}

// The word cut after `offset` bytes: the head (with a hyphen when asked) and the tail.
std::pair<Word, Word> splitAt(FontBook& fonts, const Word& word, std::size_t offset, bool hyphen) {
    Word head, tail;
    head.spaceBefore = word.spaceBefore;
    head.spaceFace = word.spaceFace;
    head.breakBefore = word.breakBefore;
    std::size_t at = 0;
    for (const auto& p : word.pieces) {
        const std::size_t end = at + p.text.size();
        auto add = [&](Word& w, std::string_view text) {
            if (text.empty()) return;
            Piece piece{p.face, p.size, std::string(text), fonts.width(p.face, text, p.size)};
            w.width += piece.width;
            w.pieces.push_back(std::move(piece));
        };
        if (end <= offset) {
            add(head, p.text);
        } else if (at >= offset) {
            add(tail, p.text);
        } else {
            add(head, std::string_view(p.text).substr(0, offset - at));
            add(tail, std::string_view(p.text).substr(offset - at));
        }
        at = end;
    }
    if (hyphen && !head.pieces.empty()) {
        Piece& last = head.pieces.back();
        const double w = fonts.width(last.face, "-", last.size);
        last.text += '-';
        last.width += w;
        head.width += w;
        head.hyphenated = true;
    }
    return {std::move(head), std::move(tail)};
}

// The width of the word's text up to each of its break points, and of the whole word as the
// last entry; `hyphens` gets the width of the hyphen shown at each point (0 where none).
std::vector<double> widthsAt(FontBook& fonts, const Word& word, const std::vector<BreakPoint>& points,
                             std::vector<double>& hyphens) {
    std::vector<double> out;
    out.reserve(points.size() + 1);
    hyphens.assign(points.size(), 0);
    std::size_t next = 0, at = 0;
    double width = 0;
    for (const auto& p : word.pieces) {
        for (std::size_t i = 0; i < p.text.size();) {
            width += fonts.charWidth(p.face, decodeUtf8(p.text, i)) * p.size / 1000.0;
            while (next < points.size() && points[next].offset == at + i) {
                if (points[next].hyphen) hyphens[next] = fonts.charWidth(p.face, '-') * p.size / 1000.0;
                out.push_back(width);
                ++next;
            }
        }
        at += p.text.size();
    }
    while (out.size() < points.size()) out.push_back(width);
    out.push_back(width);
    return out;
}

// The longest head of the word, cut at one of its break points, no wider than `room`.
bool splitToFit(FontBook& fonts, const Word& word, double room, Word& head, Word& tail) {
    const Hyphenator* h = fonts.hyphenator();
    if (!h || room <= 0) return false;
    const auto& points = h->breaks(textOf(word));
    if (points.empty()) return false;
    std::vector<double> hyphens;
    const auto widths = widthsAt(fonts, word, points, hyphens);
    for (std::size_t k = points.size(); k-- > 0;) {
        if (widths[k] + hyphens[k] > room + 1e-6) continue;
        auto parts = splitAt(fonts, word, points[k].offset, points[k].hyphen);
        head = std::move(parts.first);
        tail = std::move(parts.second);
        return true;
    }
    return false;
}

// The longest head of the word that fits in `room`, cut between characters (at least one):
// the last resort for a word with no break point that fits.
std::pair<Word, Word> splitChars(FontBook& fonts, const Word& word, double room) {
    const std::string text = textOf(word);
    double width = 0;
    std::size_t cut = 0;
    std::size_t at = 0;
    for (const auto& p : word.pieces) {
        std::size_t i = 0;
        while (i < p.text.size()) {
            const std::size_t start = i;
            const char32_t cp = decodeUtf8(p.text, i);
            const double w = fonts.charWidth(p.face, cp) * p.size / 1000.0;
            if (cut > 0 && width + w > room) return splitAt(fonts, word, cut, false);
            width += w;
            cut = at + i;
            (void)start;
        }
        at += p.text.size();
    }
    return splitAt(fonts, word, cut, false);
}

Line buildLine(const std::vector<const Word*>& words, double maxWidth, bool spread) {
    Line line;
    double natural = 0;
    int gaps = 0;
    for (std::size_t k = 0; k < words.size(); ++k) {
        if (k > 0) {
            natural += words[k]->spaceBefore;
            ++gaps;
        }
        natural += words[k]->width;
    }
    line.width = natural;
    const double extra = spread && gaps > 0 && natural < maxWidth ? (maxWidth - natural) / gaps : 0;
    double x = 0;
    for (std::size_t k = 0; k < words.size(); ++k) {
        const Word& w = *words[k];
        bool mergeable = false;
        if (k > 0) {
            x += w.spaceBefore + extra;
            const Frag& prev = line.frags.back();
            mergeable = extra == 0 && w.spaceFace == prev.face && w.pieces.front().face == prev.face &&
                        w.pieces.front().size == prev.size;
        }
        for (std::size_t p = 0; p < w.pieces.size(); ++p) {
            const Piece& piece = w.pieces[p];
            const bool sameLook = !line.frags.empty() && line.frags.back().face == piece.face &&
                                  line.frags.back().size == piece.size;
            if ((p == 0 && mergeable) || (p > 0 && sameLook)) {
                Frag& prev = line.frags.back();
                if (p == 0) prev.text += ' ';
                prev.text += piece.text;
                prev.width = x + piece.width - prev.x;
            } else {
                line.frags.push_back(Frag{piece.face, piece.size, x, piece.width, piece.text});
            }
            x += piece.width;
        }
    }
    return line;
}

}  // namespace

namespace {

// Appends text in the face of its style, switching to a fallback face for each run of
// characters the face lacks; characters libharu cannot encode are reported by what was typed.
void appendSpans(std::vector<Span>& out, FontBook& fonts, FaceId primary, bool bold, bool italic, double size,
                 std::string_view raw) {
    for (std::size_t i = 0; i < raw.size();) {
        const char32_t cp = decodeUtf8(raw, i);
        if (cp > 0xFFFF) fonts.reportMissing(cp);
    }
    const std::string text = cleanText(raw);
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t start = i;
        const char32_t cp = decodeUtf8(text, i);
        const FaceId f = cp == ' ' && !out.empty() ? out.back().face : fonts.faceFor(primary, bold, italic, cp);
        if (!out.empty() && out.back().face == f && out.back().size == size)
            out.back().text.append(text, start, i - start);
        else
            out.push_back(Span{f, size, text.substr(start, i - start)});
    }
}

}  // namespace

std::vector<Span> spansOf(FontBook& fonts, const TextStyle& style, const doc::Runs& runs, bool allStrong) {
    std::vector<Span> out;
    out.reserve(runs.size());
    for (const auto& r : runs) {
        if (r.text.empty()) continue;
        const bool bold = style.bold || r.strong || allStrong, italic = style.italic || r.emphasis;
        appendSpans(out, fonts, fonts.face(style.family, bold, italic), bold, italic, style.size, r.text);
    }
    return out;
}

std::vector<Span> spansOf(FontBook& fonts, const TextStyle& style, const std::string& text, bool strong) {
    if (text.empty()) return {};
    std::vector<Span> out;
    const bool bold = style.bold || strong;
    appendSpans(out, fonts, fonts.face(style.family, bold, style.italic), bold, style.italic, style.size, text);
    return out;
}

std::vector<Line> wrapSpans(FontBook& fonts, const std::vector<Span>& spans, double maxWidth, bool justify) {
    std::vector<Line> lines;
    std::vector<Word> words = splitWords(fonts, spans);
    // Words cut at line ends live here, so that the line's pointers stay valid.
    std::vector<std::unique_ptr<Word>> parts;
    std::vector<const Word*> cur;
    double curWidth = 0;
    // A line ended at a space keeps that space as its last character (for text extraction and the
    // structure tree: "leda tillsammans", not "ledatillsammans"); it is not drawn visibly.
    auto flush = [&](bool spread, bool atSpace) {
        lines.push_back(buildLine(cur, maxWidth, spread));
        lines.back().spaceAfter = atSpace;
        cur.clear();
        curWidth = 0;
    };
    auto keep = [&](Word w) -> const Word* {
        parts.push_back(std::make_unique<Word>(std::move(w)));
        return parts.back().get();
    };
    for (std::size_t i = 0; i < words.size(); ++i) {
        const Word* w = &words[i];
        if (!cur.empty() && w->breakBefore) flush(false, false);
        for (;;) {
            const double space = cur.empty() ? 0 : w->spaceBefore;
            if (curWidth + space + w->width <= maxWidth + 1e-6) break;
            // Hyphenate (or break after an address's separator) where the rest of the line allows.
            Word head, tail;
            if (splitToFit(fonts, *w, maxWidth - curWidth - space, head, tail)) {
                const bool hyphen = !head.pieces.empty() && head.hyphenated;
                const Word* h = keep(std::move(head));
                curWidth += space + h->width;
                cur.push_back(h);
                flush(justify, false);
                lines.back().hyphenated = hyphen;
                tail.spaceBefore = 0;
                w = keep(std::move(tail));
                continue;
            }
            if (!cur.empty()) {
                flush(justify, true);
                continue;
            }
            // Alone on its line and still too wide, with no break point that fits.
            auto chunk = splitChars(fonts, *w, maxWidth);
            if (chunk.second.pieces.empty()) break;
            cur.push_back(keep(std::move(chunk.first)));
            flush(false, false);
            chunk.second.spaceBefore = 0;
            w = keep(std::move(chunk.second));
        }
        curWidth += (cur.empty() ? 0 : w->spaceBefore) + w->width;
        cur.push_back(w);
    }
    if (!cur.empty()) flush(false, false);
    return lines;
}

TextExtent measureSpans(FontBook& fonts, const std::vector<Span>& spans, double floor) {
    TextExtent e;
    e.minWidth = 0;
    double line = 0;
    bool first = true;
    for (const auto& w : splitWords(fonts, spans)) {
        e.wordWidth = std::max(e.wordWidth, w.width);
        // The widest piece between the word's break points (CSS's min-content with hyphens:
        // auto); only worked out for words that could raise the minimum.
        if (w.width > std::max(e.minWidth, floor)) {
            double widest = w.width;
            if (const Hyphenator* h = fonts.hyphenator()) {
                const auto& points = h->breaks(textOf(w));
                if (!points.empty()) {
                    std::vector<double> hyphens;
                    const auto widths = widthsAt(fonts, w, points, hyphens);
                    // Piece k runs from break k-1 to break k, with the hyphen shown at break k.
                    widest = 0;
                    double start = 0;
                    for (std::size_t k = 0; k < widths.size(); ++k) {
                        widest = std::max(widest, widths[k] - start + (k < hyphens.size() ? hyphens[k] : 0));
                        start = widths[k];
                    }
                }
            }
            e.minWidth = std::max(e.minWidth, widest);
        }
        if (w.breakBefore) {
            line = 0;
            first = true;
        }
        line += (first ? 0 : w.spaceBefore) + w.width;
        first = false;
        e.maxWidth = std::max(e.maxWidth, line);
    }
    return e;
}

}  // namespace overens::pdf
