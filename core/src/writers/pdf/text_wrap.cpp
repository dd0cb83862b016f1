#include "writers/pdf/text_wrap.hpp"

#include <algorithm>

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

// Breaks a word wider than maxWidth into chunks that fit, between characters.
std::vector<Word> breakWord(FontBook& fonts, const Word& word, double maxWidth) {
    std::vector<Word> out;
    Word cur;
    for (const auto& p : word.pieces) {
        const std::string_view t = p.text;
        std::size_t i = 0;
        while (i < t.size()) {
            const std::size_t start = i;
            const char32_t cp = decodeUtf8(t, i);
            const double w = fonts.charWidth(p.face, cp) * p.size / 1000.0;
            if (cur.width + w > maxWidth && !cur.pieces.empty()) {
                out.push_back(std::move(cur));
                cur = Word{};
            }
            if (cur.pieces.empty() || cur.pieces.back().face != p.face || cur.pieces.back().size != p.size)
                cur.pieces.push_back(Piece{p.face, p.size, {}, 0});
            cur.pieces.back().text.append(t.substr(start, i - start));
            cur.pieces.back().width += w;
            cur.width += w;
        }
    }
    if (!cur.pieces.empty()) out.push_back(std::move(cur));
    if (!out.empty()) {
        out.front().spaceBefore = word.spaceBefore;
        out.front().spaceFace = word.spaceFace;
        out.front().breakBefore = word.breakBefore;
    }
    return out;
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

std::vector<Span> spansOf(FontBook& fonts, const TextStyle& style, const doc::Runs& runs, bool allStrong) {
    std::vector<Span> out;
    out.reserve(runs.size());
    for (const auto& r : runs) {
        if (r.text.empty()) continue;
        Span s{fonts.face(style, r.strong || allStrong, r.emphasis), style.size, cleanText(r.text)};
        if (!out.empty() && out.back().face == s.face)
            out.back().text += s.text;
        else
            out.push_back(std::move(s));
    }
    return out;
}

std::vector<Span> spansOf(FontBook& fonts, const TextStyle& style, const std::string& text, bool strong) {
    if (text.empty()) return {};
    return {Span{fonts.face(style, strong, false), style.size, cleanText(text)}};
}

std::vector<Line> wrapSpans(FontBook& fonts, const std::vector<Span>& spans, double maxWidth, bool justify) {
    std::vector<Line> lines;
    std::vector<Word> words = splitWords(fonts, spans);
    // Words that cannot fit on any line are broken into pieces first.
    std::vector<Word> fitted;
    fitted.reserve(words.size());
    for (auto& w : words) {
        if (w.width > maxWidth) {
            for (auto& part : breakWord(fonts, w, maxWidth)) fitted.push_back(std::move(part));
        } else {
            fitted.push_back(std::move(w));
        }
    }
    std::vector<const Word*> cur;
    double curWidth = 0;
    for (std::size_t i = 0; i < fitted.size(); ++i) {
        const Word& w = fitted[i];
        if (!cur.empty() && w.breakBefore) {
            lines.push_back(buildLine(cur, maxWidth, false));
            cur.clear();
            curWidth = 0;
        }
        const double add = (cur.empty() ? 0 : w.spaceBefore) + w.width;
        if (!cur.empty() && curWidth + add > maxWidth + 1e-6) {
            lines.push_back(buildLine(cur, maxWidth, justify));
            cur.clear();
            curWidth = 0;
        }
        curWidth += cur.empty() ? w.width : add;
        cur.push_back(&w);
    }
    if (!cur.empty()) lines.push_back(buildLine(cur, maxWidth, false));
    return lines;
}

TextExtent measureSpans(FontBook& fonts, const std::vector<Span>& spans) {
    TextExtent e;
    double line = 0;
    bool first = true;
    for (const auto& w : splitWords(fonts, spans)) {
        e.minWidth = std::max(e.minWidth, w.width);
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
