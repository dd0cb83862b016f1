// The `overens` command: subcommands build, validate, plugins, schema, remind and serve on Poco's
// application frame. A command whose libraries only it needs lives in a module
// (core/src/modules/module.hpp), opened before the options are read: it brings its own options.
#include <Poco/Util/Application.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionException.h>
#include <Poco/Util/OptionSet.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <vector>

#include "cli_support.hpp"
#include "command_line.hpp"
#include "modules/module.hpp"
#include "overens/version.hpp"
#include "writers/writer.hpp"

using Poco::Util::Application;
using Poco::Util::Option;
using Poco::Util::OptionSet;

namespace overens::cli {
namespace {

struct Command {
    int (*run)(const CommandLine&);  // null: the command is in the module below
    const char* usage;
    const char* module = nullptr;    // lib/overens/modules/<module>.so
};

const std::map<std::string, Command>& commands() {
    static const std::map<std::string, Command> table{
        {"schema", {runSchema, "schema KIND [-o FILE]   (RELAX NG of the kind's source format)"}},
        {"build", {runBuild, "build SOURCE... [-o DIR] [--format LIST] [--lang sv|en] [--reference-odt FILE] [--pdf-engine libharu|libreoffice] [-j N]"}},
        {"validate", {runValidate, "validate SOURCE... [--lang sv|en]"}},
        {"plugins", {runPlugins, "plugins"}},
        {"serve", {nullptr, "serve [--listen 127.0.0.1:8080] [--workspace DIR] [-o DIR]   (the web form)", "serve"}},
        {"remind", {nullptr, "remind PATH... [--today YYYY-MM-DD] [--within DURATION] [--json] [--send --smtp HOST:PORT --from ADDRESS] [--state FILE]", "remind"}},
    };
    return table;
}

// The options of the core that take a value (so that the value is not taken for the command).
bool takesValue(const std::string& arg) {
    static const char* const names[] = {"-o", "--output", "-f", "--format", "-l", "--lang", "--templates",
                                        "--reference-odt", "--pdf-engine", "-j", "--jobs"};
    for (const char* n : names)
        if (arg == n) return true;
    return false;
}

// The command named on the command line, before the options are parsed: the first argument that
// names a command and is not an option's value. Null when there is none.
const Command* commandNamed(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--") break;
        if (!arg.empty() && arg[0] == '-') {
            if (takesValue(arg)) ++i;
            continue;
        }
        auto it = commands().find(arg);
        if (it != commands().end()) return &it->second;
    }
    return nullptr;
}

// Poco's HelpFormatter with only the option list (its own usage line is replaced by ours).
class OptionsHelp : public Poco::Util::HelpFormatter {
public:
    explicit OptionsHelp(const OptionSet& options) : HelpFormatter(options) {
        setUnixStyle(true);
        setWidth(100);
    }
    void write(std::ostream& out) const { formatOptions(out); }
};

class OverensApp : public Application {
public:
    CommandLine commandLine;
    std::vector<const ModuleEntry*> modules;  // opened before init(): their options are defined
    bool helpRequested = false;
    bool versionRequested = false;

protected:
    void defineOptions(OptionSet& options) override {
        options.addOption(Option("help", "h", "show this help and exit"));
        options.addOption(Option("version", "", "show the version and exit"));
        options.addOption(Option("output", "o", "folder for the outputs (default: the current folder)")
                              .argument("DIR"));
        options.addOption(Option("format", "f", "formats to write, comma-separated (default: every built-in one)")
                              .argument("LIST"));
        options.addOption(Option("lang", "l", "language of the output and the messages: sv or en").argument("LANG"));
        options.addOption(Option("templates", "", "templates folder (default: the installed one)").argument("DIR"));
        options.addOption(Option("reference-odt", "", "take styles, page layout and fonts from this .odt/.ott")
                              .argument("FILE"));
        options.addOption(Option("jobs", "j", "build: documents written at once (default: the number of cores)")
                              .argument("N"));
        options.addOption(Option("pdf-engine", "", "libharu (default) or libreoffice (tagged PDF/A-2b)")
                              .argument("ENGINE"));
        options.addOption(Option("calendar", "", "what the .ics holds: review (default), meetings, goals, "
                                                 "reporting, comma-separated, or all")
                              .argument("LIST"));
        for (const ModuleEntry* m : modules)
            if (m->defineOptions) m->defineOptions(options);
    }

    void handleOption(const std::string& name, const std::string& value) override {
        Application::handleOption(name, value);
        if (name == "help") {
            helpRequested = true;
            stopOptionsProcessing();
        } else if (name == "version") {
            versionRequested = true;
        } else {
            commandLine.options[name].push_back(value);
        }
    }

    int main(const ArgVec& args) override {
        if (helpRequested) {
            printHelp();
            return kExitOk;
        }
        if (versionRequested) {
            std::cout << "overens " << kVersion << " (plugin SDK " << kSdkVersion << ")\n";
            return kExitOk;
        }
        if (args.empty()) {
            std::cerr << "overens: no command given\n";
            printUsageHint();
            return kExitUsage;
        }
        auto command = commands().find(args.front());
        if (command == commands().end()) {
            std::cerr << "overens: unknown command '" << args.front() << "'\n";
            printUsageHint();
            return kExitUsage;
        }
        commandLine.command = args.front();
        commandLine.args.assign(args.begin() + 1, args.end());
        try {
            if (command->second.module)
                return loadModule(command->second.module).run(commandLine);
            return command->second.run(commandLine);
        } catch (const UsageError& e) {
            std::cerr << "overens " << commandLine.command << ": " << e.what() << '\n';
            printUsageHint();
            return kExitUsage;
        } catch (const std::exception& e) {
            std::cerr << "overens " << commandLine.command << ": " << e.what() << '\n';
            return kExitUsage;
        }
    }

private:
    void printUsageHint() const { std::cerr << "Try 'overens --help'.\n"; }

    void printHelp() {
        std::cout << "Usage:\n";
        for (const auto& [name, command] : commands()) std::cout << "  overens " << command.usage << '\n';
        std::cout << "  overens --help | --version\n\n"
                     "Assembles the agreement between board chair and director, the director instruction and\n"
                     "the delegation order from XML answer files into ODT, PDF and calendar files.\n\n";
        OptionsHelp help(options());
        std::cout << "Options:\n";
        help.write(std::cout);
        std::cout << "\nFormats: ";
        for (const auto& f : WriterRegistry::builtin().formats()) std::cout << f << ' ';
        std::cout << "\n\nExit codes: 0 success; 1 the input has errors; 2 usage or environment problem.\n"
                     "remind: 0 nothing due; 1 something due (with --send: its reminders delivered); 2 usage or\n"
                     "environment; 3 a reminder was not delivered this run; 4 a source has errors.\n"
                     "Plugins are searched in $OVERENS_PLUGIN_PATH (':'-separated) and lib/overens/plugins\n"
                     "beside the command; templates in $OVERENS_TEMPLATES or share/overens/templates.\n";
    }
};

}  // namespace
}  // namespace overens::cli

int main(int argc, char** argv) {
    using namespace overens;
    cli::OverensApp app;
    try {
        // The module of the command given (for --help, of every command: all options are listed).
        const cli::Command* named = cli::commandNamed(argc, argv);
        const bool help = std::any_of(argv + 1, argv + argc, [](const char* a) {
            return std::string(a) == "--help" || std::string(a) == "-h";
        });
        for (const auto& [name, command] : cli::commands())
            if (command.module && (help || named == &command)) {
                try {
                    app.modules.push_back(&loadModule(command.module));
                } catch (const ModuleError& e) {
                    if (!help) throw;
                    std::cerr << e.what() << '\n';
                }
            }
    } catch (const ModuleError& e) {
        std::cerr << e.what() << '\n';
        return cli::kExitUsage;
    }
    try {
        app.init(argc, argv);
    } catch (const Poco::Exception& e) {
        std::cerr << "overens: " << e.displayText() << "\nTry 'overens --help'.\n";
        return cli::kExitUsage;
    }
    try {
        return app.run();
    } catch (const std::exception& e) {
        std::cerr << "overens: " << e.what() << '\n';
        return cli::kExitUsage;
    }
}
