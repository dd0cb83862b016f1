#include "text_match.hpp"

#include <libstemmer.h>

#include <functional>
#include <memory>

namespace overens::delegation {

namespace {

// One stemmer per thread: sb_stemmer keeps state between calls.
std::string stem(const std::string& word) {
    struct Deleter {
        void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
    };
    thread_local std::unique_ptr<sb_stemmer, Deleter> stemmer(sb_stemmer_new("swedish", "UTF_8"));
    if (!stemmer) return word;
    const sb_symbol* out =
        sb_stemmer_stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
    if (!out) return word;
    return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(stemmer.get())));
}

bool isWordByte(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80; }

bool endsWith(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

std::string lowerUtf8(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == 0xC3 && i + 1 < s.size()) {
            unsigned char d = static_cast<unsigned char>(s[i + 1]);
            if (d >= 0x80 && d <= 0x9E && d != 0x97) d = static_cast<unsigned char>(d + 0x20);  // À-Þ -> à-þ
            out += static_cast<char>(c);
            out += static_cast<char>(d);
            ++i;
        } else {
            out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
    }
    return out;
}

std::string stemOf(const std::string& lowerWord) { return stem(lowerWord); }

bool matchesText(const Word& w, const PatternWord& p) {
    switch (p.kind) {
        case PatternWord::Kind::Stem: return w.stem == p.text;
        case PatternWord::Kind::Prefix: return w.lower.compare(0, p.text.size(), p.text) == 0;
        case PatternWord::Kind::Suffix: return endsWith(w.lower, p.text) || endsWith(w.stem, p.stem);
        case PatternWord::Kind::Contains: return w.lower.find(p.text) != std::string::npos;
        case PatternWord::Kind::Any: return true;
    }
    return false;
}

void splitWords(const std::string& text, const std::function<void(const std::string&)>& each) {
    const std::string lower = lowerUtf8(text);
    std::string current;
    auto flush = [&] {
        while (!current.empty() && current.back() == '-') current.pop_back();
        if (!current.empty()) each(current);
        current.clear();
    };
    for (std::size_t i = 0; i < lower.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(lower[i]);
        if (isWordByte(c))
            current += static_cast<char>(c);
        else if (c == '-' && !current.empty())
            current += '-';  // "bygg-" in "bygg- och miljönämnden" is trimmed by flush
        else
            flush();
    }
    flush();
}

std::vector<Word> words(const std::string& text) {
    std::vector<Word> out;
    splitWords(text, [&](const std::string& w) { out.push_back({w, stem(w)}); });
    return out;
}

Pattern compilePattern(const std::string& text) {
    Pattern p;
    std::string token;
    auto add = [&] {
        if (token.empty()) return;
        PatternWord pw;
        const bool head = token.front() == '*', tail = token.size() > 1 && token.back() == '*';
        std::string core = token.substr(head ? 1 : 0, token.size() - (head ? 1 : 0) - (tail ? 1 : 0));
        core = lowerUtf8(core);
        if (token == "_")
            pw.kind = PatternWord::Kind::Any;
        else if (head && tail)
            pw.kind = PatternWord::Kind::Contains, pw.text = core;
        else if (head)
            pw.kind = PatternWord::Kind::Suffix, pw.text = core, pw.stem = stem(core);
        else if (tail)
            pw.kind = PatternWord::Kind::Prefix, pw.text = core;
        else
            pw.kind = PatternWord::Kind::Stem, pw.text = stem(core);
        p.push_back(pw);
        token.clear();
    };
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            add();
        else
            token += c;
    }
    add();
    return p;
}

std::vector<Pattern> compileAlternatives(const std::string& text) {
    std::vector<Pattern> out;
    std::string part;
    auto add = [&] {
        Pattern p = compilePattern(part);
        if (!p.empty()) out.push_back(std::move(p));
        part.clear();
    };
    for (char c : text) {
        if (c == '|')
            add();
        else
            part += c;
    }
    add();
    return out;
}

int find(const std::vector<Word>& ws, const Pattern& p, std::size_t from) {
    if (p.empty() || ws.size() < p.size()) return -1;
    for (std::size_t i = from; i + p.size() <= ws.size(); ++i) {
        bool all = true;
        for (std::size_t k = 0; k < p.size() && all; ++k) all = matches(ws[i + k], p[k]);
        if (all) return static_cast<int>(i);
    }
    return -1;
}

}  // namespace overens::delegation
