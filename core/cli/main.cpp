// The `overens` command: subcommands build, validate, plugins, schema, import, new, remind and
// serve, with the options of options.hpp. A command whose libraries only it needs lives in a
// module (core/src/modules/module.hpp), opened before the options are read: it brings its own
// options.
#include <algorithm>
#include <iostream>
#include <map>
#include <vector>

#include "cli_support.hpp"
#include "command_line.hpp"
#include "modules/module.hpp"
#include "options.hpp"
#include "overens/version.hpp"
#include "source/lenient_values.hpp"
#include "writers/writer.hpp"

namespace overens::cli {
namespace {

struct Command {
    int (*run)(const CommandLine&);  // null: the command is in the module below
    const char* usage;
    const char* help = nullptr;     // what it does and its options, for `overens help COMMAND`
    const char* example = nullptr;
    const char* module = nullptr;    // lib/overens/modules/<module>.so
};

const std::map<std::string, Command>& commands() {
    static const std::map<std::string, Command> table{
        {"schema", {runSchema, "schema KIND [--lang sv|en] [-o FILE]   (RELAX NG of the kind's source format)",
                    "Writes the RELAX NG grammar of a document kind's source file (agreement, director-instruction,\n"
                    "delegation-order), every element and attribute documented in --lang (default en), so that an\n"
                    "editor can check and complete a source as you write it.\n"
                    "  -o FILE        write to FILE instead of standard output\n"
                    "  --lang sv|en   the language of the documentation",
                    "overens schema agreement --lang sv -o agreement.rng"}},
        {"build", {runBuild, "build SOURCE... [-o DIR] [--format LIST] [--lang sv|en] [--reference-odt FILE] [--pdf-engine libharu|libreoffice] [-j N] [--calendar LIST]",
                   "Checks the sources and writes each one's documents (ODT, PDF, calendar file) into DIR. Nothing is\n"
                   "written for a source with errors, and earlier outputs survive a failed run.\n"
                   "  -o DIR                 the output folder (default: the current folder)\n"
                   "  --format LIST          formats, comma-separated (default: every built-in one)\n"
                   "  --lang sv|en           the output's language (default: each document's own)\n"
                   "  --reference-odt FILE   styles, page layout and fonts from this .odt/.ott\n"
                   "  --pdf-engine ENGINE    libharu (default) or libreoffice (tagged PDF/A-2b)\n"
                   "  -j N                   documents written at once (default: the number of cores)\n"
                   "  --calendar LIST        what the .ics holds: review (default), meetings, goals, reporting, all",
                   "overens build overenskommelse.xml -o ut/ --format odt,pdf"}},
        {"validate", {runValidate, "validate SOURCE... [--lang sv|en]",
                      "Checks the sources against their document kind, the plugins' rules and each other, prints every\n"
                      "finding as FILE:LINE:COL: error|warning: [CODE] message, and ends with one summary line.\n"
                      "Nothing is written. Exit code 0 when no source has errors, 1 when one has.\n"
                      "  --lang sv|en   the messages' language (default: each document's own)",
                      "overens validate overenskommelse.xml instruktion.xml delegationsordning.xml"}},
        {"plugins", {runPlugins, "plugins",
                     "Lists the section plugins found, their versions and files, and any that could not be loaded.",
                     "overens plugins"}},
        {"import", {runImport, "import FILE [--kind delegation-order] [--map MAP] [--from EXISTING.xml] [-o SOURCE.xml]",
                    "Reads a delegation order from a Word or LibreOffice document's tables (.docx, .odt), a spreadsheet\n"
                    "(.xlsx, .ods, every sheet) or a CSV file (comma or semicolon, UTF-8 or Windows-1252), writes it as a\n"
                    "source file and validates it. Each problem is reported at its place in the input (file.xlsx:Blad1!C12),\n"
                    "and every guess (a role's kind, a joint decision, a missing number) as a warning to check.\n"
                    "  -o SOURCE.xml       the source to write (default: FILE's name with .xml)\n"
                    "  --map MAP           a file of KEY = FIELD lines for headings it does not know (C = delegate,\n"
                    "                      Beslutsfattare = delegate; FIELD: number, matter, area, delegate, substitute,\n"
                    "                      sub-delegation, sub-delegate, legal-basis, reporting, limit, note, ignore)\n"
                    "  --from EXISTING.xml take the organisation and parties from an existing source\n"
                    "  --kind KIND         what the file holds (only delegation-order)\n"
                    "Headings, role kinds and abbreviations it knows are in templates/import/.",
                    "overens import delegationsordning.docx --from overenskommelse.xml -o delegationsordning.xml"}},
        {"new", {runNew, "new KIND [--lang sv|en] [--from EXISTING.xml] [-o FILE]",
                 "Writes a complete starting file for a document kind: every field, the required ones marked, each\n"
                 "field's help as a comment, examples filled in. Open it in an editor, answer, and run validate\n"
                 "until it is clean.\n"
                 "  -o FILE              the file to write (default: standard output)\n"
                 "  --lang sv|en         the language of the document and its comments (default sv)\n"
                 "  --from EXISTING.xml  take the organisation and parties from an existing source",
                 "overens new agreement --lang sv --from delegationsordning.xml -o overenskommelse.xml"}},
        {"serve", {nullptr, "serve [--listen 127.0.0.1:8080] [--workspace DIR | --store SPEC] [-o DIR] [--users FILE] [--certificate FILE --private-key FILE | --behind-proxy]   (the web form)",
                   "Serves the web form on a folder of answer files: the documents, a new document, the guided\n"
                   "interview or one page with every section, live checks in validate's words, a preview, and the\n"
                   "documents built for download. Saving writes the answer file itself, changing only what changed.\n"
                   "On 127.0.0.1 no login is needed; any other address needs accounts (--users) and TLS.\n"
                   "  --listen HOST:PORT        where to listen (default 127.0.0.1:8080; [::]:443 for IPv6)\n"
                   "  --workspace DIR           the folder of answer files (default: the current folder)\n"
                   "  --store SPEC              where the documents are kept: a folder, or\n"
                   "                            postgresql://USER@HOST:PORT/DB (several servers can share one)\n"
                   "  -o DIR                    where built documents go (default: DIR/out)\n"
                   "  --users FILE              logins with the accounts of FILE (overens help user)\n"
                   "  --certificate FILE        serve HTTPS with this certificate (PEM) ...\n"
                   "  --private-key FILE        ... and its private key (PEM)\n"
                   "  --behind-proxy            plain HTTP for a proxy in front that does TLS (trusts its\n"
                   "                            X-Forwarded-Proto and X-Forwarded-For)\n"
                   "  --client-timeout SECONDS  how long a client may take to send a request (default 10)\n"
                   "Exit code 0 when stopped by SIGINT or SIGTERM; 2 a usage problem (e.g. another address without\n"
                   "accounts or TLS) or an address that cannot be listened on.",
                   "overens serve --listen 0.0.0.0:8443 --users /etc/overens/users --certificate cert.pem "
                   "--private-key key.pem --workspace /srv/styrdokument", "serve"}},
        {"user", {nullptr, "user add|remove|passwd|grant|list NAME --users FILE [--organisation ORG]... [--password-stdin]",
                  "Manages the accounts of `overens serve --users FILE`: add one (granted the organisations named),\n"
                  "change its password or its organisations, remove it, or list them. The password is asked twice on\n"
                  "the terminal without echo, or read as one line of standard input with --password-stdin; only a\n"
                  "salted PBKDF2-SHA256 hash is stored, in a file of mode 0600. A running server sees a change at once.\n"
                  "  --users FILE          the users file (created by the first add)\n"
                  "  --organisation ORG    with add or grant: an organisation the account may see (repeat it;\n"
                  "                        comma-separated lists too; * = every organisation)\n"
                  "  --password-stdin      read the password from standard input instead of the terminal\n"
                  "Exit code 0 done; 1 no such account (or, for add, it exists); 2 usage, a bad password or an\n"
                  "unreadable users file (nothing changed).",
                  "overens user add anna.berg --users /etc/overens/users --organisation exempelby-ks", "accounts"}},
        {"store", {nullptr, "store export|import ORG FOLDER --store SPEC",
                   "Moves a whole organisation between a store and a folder of ordinary answer files. export writes\n"
                   "each document's current version into FOLDER; import saves a new version of each FOLDER/*.xml whose\n"
                   "bytes differ from the store's current one (the others are left as they are).\n"
                   "  --store SPEC    a folder (ORG is its sub-folder; \"\" its own files) or postgresql://USER@HOST:PORT/DB\n"
                   "  --author NAME   import: who the new versions are recorded as (default: import)",
                   "overens store import exempelby styrdokument/ --store postgresql://overens@db.example/overens", "store"}},
        {"remind", {nullptr, "remind PATH... | --store SPEC [--today YYYY-MM-DD] [--within DURATION] [--json] [--send --smtp HOST:PORT --from ADDRESS] [--state FILE]",
                    "Finds the sources under PATH whose review is due and lists them, or with --send mails the parties a\n"
                    "reminder with a calendar invitation, never twice (docs/reminders.md).\n"
                    "  --today DATE       the day to count from (default: today)\n"
                    "  --within DURATION  how far ahead to look\n"
                    "  --json             list as JSON\n"
                    "  --send --smtp HOST:PORT --from ADDRESS   send the reminders\n"
                    "  --store SPEC       every organisation's documents in a store (a folder or postgresql://...)\n"
                    "  --state FILE       where sent reminders are remembered (a file, or postgresql://...;\n"
                    "                     with a postgresql:// store, its database)",
                    "overens remind /srv/styrdokument --send --smtp localhost:25 --from kansliet@exempelby.se", "remind"}},
    };
    return table;
}

// The options of the core that take a value (so that the value is not taken for the command).
bool takesValue(const std::string& arg) {
    static const char* const names[] = {"-o", "--output", "-f", "--format", "-l", "--lang", "--templates",
                                        "--reference-odt", "--pdf-engine", "-j", "--jobs", "--calendar", "--map", "--kind", "--from", "--store", "--users"};
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

std::vector<std::string> commandNames() {
    std::vector<std::string> names{"help"};
    for (const auto& [name, c] : commands()) names.push_back(name);
    return names;
}

// The options every command reads (a module adds its own).
void defineCoreOptions(OptionSet& options) {
    options.addOption(Option("help", "h", "show this help and exit"));
    options.addOption(Option("version", "", "show the version and exit"));
    options.addOption(Option("output", "o", "folder for the outputs (default: the current folder)").argument("DIR"));
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
    options.addOption(Option("map", "", "import: a map file naming the columns (KEY = FIELD a line)").argument("MAP"));
    options.addOption(Option("kind", "", "import: the kind of document (delegation-order)").argument("KIND"));
    // One option, two meanings: new and import read an existing source, remind sends from an address.
    options.addOption(Option("from", "", "new, import: the existing source whose organisation and parties to "
                                         "copy; remind: the sender address (or smtp.from in --config)")
                          .argument("FILE|ADDRESS"));
    // Shared by serve, store and remind (each in its own module; an option is defined once).
    options.addOption(Option("store", "", "serve, store, remind: where the documents are kept: a folder, or "
                                          "postgresql://USER@HOST:PORT/DB")
                          .argument("SPEC"));
    // user and serve (two modules) both read the accounts.
    options.addOption(Option("users", "", "user, serve: the accounts (a users file, see 'overens help user')")
                          .argument("FILE"));
}

void printUsageHint() { std::cerr << "Try 'overens --help' or 'overens help COMMAND'.\n"; }

int printCommandHelp(const std::string& name) {
    auto command = commands().find(name);
    if (command == commands().end()) {
        std::cerr << "overens: unknown command '" << name << "'" << suggestName(commandNames(), name).en << "\n";
        printUsageHint();
        return kExitUsage;
    }
    // A command added as {run, usage} alone has no help text or example yet: its usage is all.
    const Command& c = command->second;
    std::cout << "Usage: overens " << c.usage << "\n\n";
    if (c.help) std::cout << c.help << "\n\n";
    if (c.example) std::cout << "Example:\n  " << c.example << "\n\n";
    std::cout << "Common options: --templates DIR (templates folder), --help. See 'overens --help' for all.\n";
    return kExitOk;
}

void printHelp(const OptionSet& options) {
    std::cout << "Usage:\n";
    for (const auto& [name, command] : commands()) std::cout << "  overens " << command.usage << '\n';
    std::cout << "  overens help COMMAND | COMMAND --help   (one command's help, with an example)\n"
                 "  overens --help | --version\n\n"
                 "Assembles the agreement between board chair and director, the director instruction and\n"
                 "the delegation order from XML answer files into ODT, PDF and calendar files.\n\n";
    std::cout << "Options:\n";
    printOptions(options, std::cout, 100);
    std::cout << "\nFormats: ";
    for (const auto& f : WriterRegistry::builtin().formats()) std::cout << f << ' ';
    std::cout << "\n\nExit codes: 0 success; 1 the input has errors; 2 usage or environment problem.\n"
                 "remind: 0 nothing due; 1 something due (with --send: its reminders delivered); 2 usage or\n"
                 "environment; 3 a reminder was not delivered this run; 4 a source has errors.\n"
                 "Plugins are searched in $OVERENS_PLUGIN_PATH (':'-separated) and lib/overens/plugins\n"
                 "beside the command; templates in $OVERENS_TEMPLATES or share/overens/templates.\n";
}

// The command line read: what to do.
struct Request {
    CommandLine commandLine;
    std::vector<std::string> args;  // the arguments that are not options, the command first
    bool help = false;              // --help: the arguments after it are left unread
    bool version = false;
};

int runRequest(Request& r, const OptionSet& options) {
    const std::vector<std::string>& args = r.args;
    // `overens help [COMMAND]` and `overens COMMAND --help`.
    if (!args.empty() && args.front() == "help") {
        if (args.size() == 1) {
            printHelp(options);
            return kExitOk;
        }
        return printCommandHelp(args[1]);
    }
    if (r.help) {
        if (!args.empty()) return printCommandHelp(args.front());
        printHelp(options);
        return kExitOk;
    }
    if (r.version) {
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
        std::cerr << "overens: unknown command '" << args.front() << "'" << suggestName(commandNames(), args.front()).en
                  << "\n";
        printUsageHint();
        return kExitUsage;
    }
    CommandLine& commandLine = r.commandLine;
    commandLine.command = args.front();
    commandLine.args.assign(args.begin() + 1, args.end());
    try {
        if (command->second.module) return loadModule(command->second.module).run(commandLine);
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

}  // namespace
}  // namespace overens::cli

int main(int argc, char** argv) {
    using namespace overens;
    cli::OptionSet options;
    cli::defineCoreOptions(options);
    try {
        // The module of the command given (for --help, of every command: all options are listed).
        const cli::Command* named = cli::commandNamed(argc, argv);
        const bool help = std::any_of(argv + 1, argv + argc, [](const char* a) {
            return std::string(a) == "--help" || std::string(a) == "-h";
        });
        for (const auto& [name, command] : cli::commands())
            if (command.module && (help || named == &command)) {
                try {
                    const ModuleEntry& m = loadModule(command.module);
                    if (m.defineOptions) m.defineOptions(options);
                } catch (const ModuleError& e) {
                    if (!help) throw;
                    std::cerr << e.what() << '\n';
                }
            }
    } catch (const ModuleError& e) {
        std::cerr << e.what() << '\n';
        return cli::kExitUsage;
    }
    cli::Request request;
    try {
        request.args = cli::readOptions(options, std::vector<std::string>(argv + 1, argv + argc),
                                        [&](const std::string& name, const std::string& value) {
                                            if (name == "help") {
                                                request.help = true;
                                                return false;
                                            }
                                            if (name == "version")
                                                request.version = true;
                                            else
                                                request.commandLine.options[name].push_back(value);
                                            return true;
                                        });
    } catch (const cli::OptionError& e) {
        std::cerr << "overens: " << e.what() << "\nTry 'overens --help'.\n";
        return cli::kExitUsage;
    }
    try {
        return cli::runRequest(request, options);
    } catch (const std::exception& e) {
        std::cerr << "overens: " << e.what() << '\n';
        return cli::kExitUsage;
    }
}
