// The command line's options: what each subcommand and module declares, and reading argv against
// them. Our own small parser instead of Poco::Util's Application and OptionSet, whose libraries
// (Util with its XML and JSON) cost every run several thousand symbol lookups at start-up.
//
// It reads what Poco's Unix-style parser read, so that no command line changes meaning:
//   --name VALUE, --name=VALUE, --name:VALUE; a long name in any case or shortened to a unique
//   prefix (--lang, --LANG, --lan); -x VALUE, -xVALUE; an option's value is the next argument
//   whatever it looks like; `--` ends the options; an option given twice is refused unless it is repeatable.
// The messages of a bad command line are those of that parser ("Unknown option specified: x").
#pragma once

#include <functional>
#include <iosfwd>
#include <stdexcept>
#include <string>
#include <vector>

namespace overens::cli {

class Option {
public:
    Option(std::string fullName, std::string shortName, std::string description = {})
        : full_(std::move(fullName)), short_(std::move(shortName)), description_(std::move(description)) {}

    // The option takes a value, shown as NAME in the help (--output=DIR).
    Option& argument(std::string name) {
        argName_ = std::move(name);
        return *this;
    }

    // The option may be given more than once (each value is kept, in order).
    Option& repeatable(bool yes) {
        repeatable_ = yes;
        return *this;
    }

    const std::string& fullName() const { return full_; }
    const std::string& shortName() const { return short_; }
    const std::string& description() const { return description_; }
    const std::string& argumentName() const { return argName_; }
    bool takesArgument() const { return !argName_.empty(); }
    bool isRepeatable() const { return repeatable_; }

private:
    std::string full_, short_, description_, argName_;
    bool repeatable_ = false;
};

class OptionSet {
public:
    // Throws std::logic_error when an option of that full name is already there.
    void addOption(const Option& option);

    std::vector<Option>::const_iterator begin() const { return options_.begin(); }
    std::vector<Option>::const_iterator end() const { return options_.end(); }

private:
    std::vector<Option> options_;
};

// A command line that does not fit the options; what() is the message to print.
struct OptionError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Called for each option in the order given, with its full name and value (empty for a flag).
// Returning false stops reading options: the arguments after it are left as they are.
using OptionHandler = std::function<bool(const std::string& name, const std::string& value)>;

// Reads args (argv without the program's name) against options; returns the arguments that are
// not options, in order. Throws OptionError.
std::vector<std::string> readOptions(const OptionSet& options, const std::vector<std::string>& args,
                                     const OptionHandler& handle);

// The options' help: "-oDIR, --output=DIR" in a column as wide as the widest, each description
// wrapped at `width` and indented under its first line.
void printOptions(const OptionSet& options, std::ostream& out, int width);

}  // namespace overens::cli
