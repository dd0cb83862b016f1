#include "options.hpp"

#include <algorithm>
#include <cctype>
#include <ostream>
#include <set>

namespace overens::cli {

namespace {

bool sameLetters(char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
}

// Where the value starts in "name=value" or "name:value"; npos when there is none.
std::size_t separatorOf(const std::string& s) { return s.find_first_of(":="); }

// The name part of s (before any separator) is a prefix of the full name, in any case. With
// `whole`, it is the full name itself.
bool namesOption(const std::string& s, const Option& o, bool whole) {
    const std::size_t sep = separatorOf(s);
    const std::size_t len = sep == std::string::npos ? s.size() : sep;
    // As Poco's parser did, an empty name ("--=x") is a prefix of every option.
    if (s.empty() || len > o.fullName().size() || (whole && len != o.fullName().size())) return false;
    return std::equal(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(len), o.fullName().begin(), sameLetters);
}

// --word: the option named in full, else the only one it is a prefix of.
const Option& longOption(const OptionSet& options, const std::string& word) {
    const Option* found = nullptr;
    for (const Option& o : options) {
        if (!namesOption(word, o, false)) continue;
        const bool whole = namesOption(word, o, true);
        if (found && !whole) throw OptionError("Ambiguous option specified: " + word);
        found = &o;
        if (whole) break;
    }
    if (!found) throw OptionError("Unknown option specified: " + word);
    return *found;
}

// -word: the option whose one-letter name starts it.
const Option& shortOption(const OptionSet& options, const std::string& word) {
    const Option* found = nullptr;
    for (const Option& o : options) {
        if (o.shortName().empty() || word.compare(0, o.shortName().size(), o.shortName()) != 0) continue;
        if (found) throw OptionError("Ambiguous option specified: " + word);
        found = &o;
    }
    if (!found) throw OptionError("Unknown option specified: " + word);
    return *found;
}

std::string missingValue(const Option& o) {
    return "Missing option argument: " + o.fullName() + " requires " + o.argumentName();
}

// The value in the word itself ("output=DIR", "oDIR"), or an error when it has one and the
// option takes none. As Poco read it, "-o=DIR" and "-output..." are read as the long name.
std::string valueIn(const std::string& word, const Option& o) {
    const std::size_t sep = separatorOf(word);
    if (namesOption(word, o, false)) {
        if (!o.takesArgument()) {
            if (sep != std::string::npos) throw OptionError("Unexpected option argument: " + word);
            return {};
        }
        if (sep == std::string::npos) throw OptionError(missingValue(o));
        return word.substr(sep + 1);
    }
    const std::string rest = word.substr(o.shortName().size());
    if (!o.takesArgument() && !rest.empty()) throw OptionError("Unexpected option argument: " + word);
    return rest;
}

}  // namespace

void OptionSet::addOption(const Option& option) {
    for (const Option& o : options_)
        if (o.fullName() == option.fullName()) throw std::logic_error("option defined twice: " + option.fullName());
    options_.push_back(option);
}

std::vector<std::string> readOptions(const OptionSet& options, const std::vector<std::string>& args,
                                     const OptionHandler& handle) {
    std::vector<std::string> rest;
    std::set<std::string> given;
    const Option* pending = nullptr;  // an option waiting for its value, the next argument
    bool optionsEnded = false;        // after `--`
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (pending) {
            const Option& o = *pending;
            pending = nullptr;
            if (!handle(o.fullName(), arg)) {
                rest.insert(rest.end(), args.begin() + static_cast<std::ptrdiff_t>(i) + 1, args.end());
                return rest;
            }
            continue;
        }
        if (optionsEnded || arg.size() < 2 || arg[0] != '-') {
            rest.push_back(arg);
            continue;
        }
        if (arg == "--") {
            optionsEnded = true;
            continue;
        }
        const bool isLong = arg[1] == '-';
        const std::string word = arg.substr(isLong ? 2 : 1);
        const Option& o = isLong ? longOption(options, word) : shortOption(options, word);
        if (!given.insert(o.fullName()).second && !o.isRepeatable())
            throw OptionError("Option must not be given more than once: " + o.fullName());
        const bool valueFollows = o.takesArgument() && (isLong ? separatorOf(word) == std::string::npos
                                                               : word.size() == o.shortName().size());
        if (valueFollows) {
            pending = &o;
            continue;
        }
        if (!handle(o.fullName(), valueIn(word, o))) {
            rest.insert(rest.end(), args.begin() + static_cast<std::ptrdiff_t>(i) + 1, args.end());
            return rest;
        }
    }
    if (pending) throw OptionError(missingValue(*pending));
    return rest;
}

namespace {

// "-oDIR, --output=DIR"
std::string optionLabel(const Option& o) {
    std::string s;
    if (!o.shortName().empty()) s += "-" + o.shortName() + o.argumentName() + ", ";
    s += "--" + o.fullName();
    if (o.takesArgument()) s += "=" + o.argumentName();
    return s;
}

// Words of text from column `column` on, each line after the first starting at `indent`; a
// word that would pass `width` starts a new line (the space before it stays).
void printWrapped(std::ostream& out, const std::string& text, int column, int indent, int width) {
    std::size_t i = 0;
    while (i <= text.size()) {
        const std::size_t end = std::min(text.find_first_of(" \n", i), text.size());
        const int len = static_cast<int>(end - i);
        if (column + len > width) {
            out << '\n' << std::string(static_cast<std::size_t>(indent), ' ');
            column = indent;
        }
        out.write(text.data() + i, len);
        column += len;
        if (end == text.size()) break;
        if (text[end] == '\n') {
            out << '\n' << std::string(static_cast<std::size_t>(indent), ' ');
            column = indent;
        } else if (column < width) {
            out << ' ';
            ++column;
        }
        i = end + 1;
    }
}

}  // namespace

void printOptions(const OptionSet& options, std::ostream& out, int width) {
    std::size_t column = 0;
    for (const Option& o : options) column = std::max(column, optionLabel(o).size() + 2);
    for (const Option& o : options) {
        const std::string label = optionLabel(o);
        out << label << std::string(column - label.size(), ' ');
        printWrapped(out, o.description(), static_cast<int>(column), static_cast<int>(column), width);
        out << '\n';
    }
}

}  // namespace overens::cli
