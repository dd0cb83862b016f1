// The `overens` command: subcommands build, validate, plugins, schema and remind on Poco's
// application frame.
#include <Poco/Util/Application.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionException.h>
#include <Poco/Util/OptionSet.h>

#include <iostream>
#include <map>

#include "cli_support.hpp"
#include "command_line.hpp"
#include "overens/version.hpp"
#include "writers/writer.hpp"

using Poco::Util::Application;
using Poco::Util::Option;
using Poco::Util::OptionSet;

namespace overens::cli {
namespace {

struct Command {
    int (*run)(const CommandLine&);
    const char* usage;
};

const std::map<std::string, Command>& commands() {
    static const std::map<std::string, Command> table{
        {"schema", {runSchema, "schema KIND [-o FILE]   (RELAX NG of the kind's source format)"}},
        {"build", {runBuild, "build SOURCE... [-o DIR] [--format LIST] [--lang sv|en] [--reference-odt FILE] [--pdf-engine libharu|libreoffice]"}},
        {"validate", {runValidate, "validate SOURCE... [--lang sv|en]"}},
        {"plugins", {runPlugins, "plugins"}},
        {"import", {runImport, "import FILE [--kind delegation-order] [--map MAP] [--from EXISTING.xml] [-o SOURCE.xml]   (a delegation order from .docx, .odt, .xlsx, .ods or .csv)"}},
        {"new", {runNew, "new KIND [--lang sv|en] [--from EXISTING.xml] [-o FILE]   (a complete, commented starting file)"}},
        {"remind", {runRemind, "remind PATH... [--today YYYY-MM-DD] [--within DURATION] [--json] [--send --smtp HOST:PORT --from ADDRESS] [--state FILE]"}},
    };
    return table;
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
        options.addOption(Option("pdf-engine", "", "libharu (default) or libreoffice (tagged PDF/A-2b)")
                              .argument("ENGINE"));
        options.addOption(Option("map", "", "import: a map file naming the columns (KEY = FIELD a line)").argument("MAP"));
        options.addOption(Option("kind", "", "import: the kind of document (delegation-order)").argument("KIND"));
        defineRemindOptions(options);
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
    overens::cli::OverensApp app;
    try {
        app.init(argc, argv);
    } catch (const Poco::Exception& e) {
        std::cerr << "overens: " << e.displayText() << "\nTry 'overens --help'.\n";
        return overens::cli::kExitUsage;
    }
    try {
        return app.run();
    } catch (const std::exception& e) {
        std::cerr << "overens: " << e.what() << '\n';
        return overens::cli::kExitUsage;
    }
}
