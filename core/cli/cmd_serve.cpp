// overens serve [--listen 127.0.0.1:8080] [--workspace DIR] [-o DIR]: the web form over a folder of
// answer files. Only 127.0.0.1 is served for now: there are no accounts yet.
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>

#include <csignal>
#include <iostream>

#include "cli_support.hpp"
#include "store/document_store.hpp"
#include "web/app.hpp"
#include "web/http_server.hpp"
#include "web/scratch.hpp"

namespace overens::cli {

namespace fs = std::filesystem;

void defineServeOptions(Poco::Util::OptionSet& options) {
    options.addOption(Poco::Util::Option("listen", "", "serve: address and port (default 127.0.0.1:8080; port 0 = any free one)")
                          .argument("HOST:PORT"));
    options.addOption(Poco::Util::Option("workspace", "", "serve: the folder of answer files (default: the current folder)")
                          .argument("DIR"));
}

namespace {

// "127.0.0.1:8080", "127.0.0.1" -> host, port. Anything but the loopback address is refused.
std::pair<std::string, std::uint16_t> listenAddress(const std::string& value) {
    const auto colon = value.rfind(':');
    const std::string host = colon == std::string::npos ? value : value.substr(0, colon);
    const std::string port = colon == std::string::npos ? "8080" : value.substr(colon + 1);
    if (host != "127.0.0.1")
        throw UsageError("--listen " + value + ": only 127.0.0.1 can be served for now (the form has no accounts "
                         "yet; anyone who reaches the address could edit the documents)");
    std::size_t used = 0;
    unsigned long p = 0;
    try {
        p = std::stoul(port, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (port.empty() || used != port.size() || p > 65535) throw UsageError("--listen " + value + ": bad port '" + port + "'");
    return {host, static_cast<std::uint16_t>(p)};
}

}  // namespace

int runServe(const CommandLine& cl) {
    if (!cl.args.empty()) throw UsageError("serve takes no SOURCE; give the folder with --workspace DIR");
    const auto [host, port] = listenAddress(cl.value("listen", "127.0.0.1:8080"));
    if (cl.has("store") && cl.has("workspace")) throw UsageError("give either --store SPEC or --workspace DIR, not both");
    const fs::path workspace = fs::absolute(cl.value("workspace", "."));
    std::string storeError;
    const std::unique_ptr<store::DocumentStore> documents =
        store::openStore(cl.value("store", workspace.string()), workspace, storeError);
    if (!documents) throw UsageError((cl.has("store") ? "--store: " : "--workspace: ") + storeError);
    const bool inFolder = !cl.has("store") || fs::is_directory(cl.value("store"));
    const fs::path output = cl.has("output") ? fs::absolute(cl.value("output"))
                                             : (inFolder ? fs::absolute(cl.value("store", workspace.string())) : fs::current_path()) / "out";

    EngineOptions options;
    options.templatesDir = cl.value("templates");
    Diagnostics setup;
    Engine engine(options, setup);
    const int setupCode = reportSetup(engine, setup, messageLanguage(cl), std::cerr);
    if (engine.kinds().empty() || setupCode != kExitOk) return setupCode;

    // SIGINT and SIGTERM are waited for below; blocked first so the server's threads never take them.
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, nullptr);

    web::ScratchFolder scratch;  // drafts being checked; removed when the server stops
    web::WebApp app(engine, *documents, output, scratch.path);
    std::unique_ptr<web::HttpServer> server;
    try {
        server = std::make_unique<web::HttpServer>(app, host, port);
    } catch (const Poco::Exception& e) {
        std::cerr << "overens serve: cannot listen on " << host << ':' << port << ": " << e.displayText() << '\n';
        return kExitUsage;
    }
    std::cout << "http://" << host << ':' << server->port() << "/  (" << documents->describe() << ")" << std::endl;
    int signal = 0;
    sigwait(&stop, &signal);
    server.reset();
    return kExitOk;
}

}  // namespace overens::cli
