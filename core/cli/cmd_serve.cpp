// overens serve [--listen 127.0.0.1:8080] [--workspace DIR | --store SPEC] [-o DIR] [--users FILE]
//               [--certificate FILE --private-key FILE | --behind-proxy] [--client-timeout SECONDS]:
// the web form over a folder of answer files or a store. On 127.0.0.1 it needs no login (one person on
// their own machine) unless given --users; on any other address it needs accounts, and TLS
// unless a proxy in front of it does TLS.
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>

#include <csignal>
#include <fstream>
#include <iostream>

#include "accounts/account_store.hpp"
#include "cli_support.hpp"
#include "store/document_store.hpp"
#include "web/access.hpp"
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
    options.addOption(Poco::Util::Option("certificate", "", "serve: the TLS certificate (PEM, with its chain)").argument("FILE"));
    options.addOption(Poco::Util::Option("private-key", "", "serve: the certificate's private key (PEM)").argument("FILE"));
    options.addOption(Poco::Util::Option("behind-proxy", "", "serve: plain HTTP behind a proxy that does TLS "
                                                             "(X-Forwarded-Proto, X-Forwarded-For)"));
    options.addOption(Poco::Util::Option("client-timeout", "", "serve: seconds a client may take to send a request "
                                                               "(default 10)")
                          .argument("SECONDS"));
}

namespace {

// "127.0.0.1:8080", "127.0.0.1", "[::]:8080", "0.0.0.0:443" -> host, port.
std::pair<std::string, std::uint16_t> listenAddress(const std::string& value) {
    std::string host = value, port = "8080";
    if (!value.empty() && value.front() == '[') {
        const auto close = value.find(']');
        if (close == std::string::npos) throw UsageError("--listen " + value + ": no ']' after the IPv6 address");
        host = value.substr(1, close - 1);
        if (close + 1 < value.size()) {
            if (value[close + 1] != ':') throw UsageError("--listen " + value + ": expected ':PORT' after ']'");
            port = value.substr(close + 2);
        }
    } else if (const auto colon = value.rfind(':'); colon != std::string::npos) {
        host = value.substr(0, colon);
        port = value.substr(colon + 1);
    }
    if (host.empty()) throw UsageError("--listen " + value + ": no address");
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

void mustRead(const std::string& option, const std::string& file) {
    std::ifstream in(file);
    if (!in) throw UsageError("--" + option + " " + file + ": cannot be read");
}

}  // namespace

int runServe(const CommandLine& cl) {
    if (!cl.args.empty()) throw UsageError("serve takes no SOURCE; give the folder with --workspace DIR");
    web::ServerSettings server;
    const std::string listen = cl.value("listen", "127.0.0.1:8080");
    std::tie(server.host, server.port) = listenAddress(listen);
    const bool loopback = server.host == "127.0.0.1";
    const bool withAccounts = cl.has("users");
    if (!loopback && !withAccounts)
        throw UsageError("--listen " + listen + ": only 127.0.0.1 can be served without accounts (anyone who reaches "
                         "the address could read and change the documents); give --users FILE (see 'overens help user')");
    server.certificate = cl.value("certificate");
    server.privateKey = cl.value("private-key");
    server.behindProxy = cl.has("behind-proxy");
    if (server.certificate.empty() != server.privateKey.empty())
        throw UsageError("--certificate and --private-key go together");
    if (server.behindProxy && !server.certificate.empty())
        throw UsageError("--behind-proxy serves plain HTTP for the proxy: give it or a certificate, not both");
    if (!loopback && !server.behindProxy && server.certificate.empty())
        throw UsageError("--listen " + listen + ": serving another address than 127.0.0.1 needs TLS: give "
                         "--certificate FILE --private-key FILE, or --behind-proxy when a proxy in front does TLS");
    if (!server.certificate.empty()) {
        mustRead("certificate", server.certificate);
        mustRead("private-key", server.privateKey);
    }
    if (cl.has("client-timeout")) {
        const std::string v = cl.value("client-timeout");
        char* end = nullptr;
        const long seconds = std::strtol(v.c_str(), &end, 10);
        if (v.empty() || *end || seconds < 1 || seconds > 3600)
            throw UsageError("--client-timeout needs a number of seconds from 1 to 3600, not '" + v + "'");
        server.clientTimeout = std::chrono::seconds(seconds);
    }
    if (cl.has("store") && cl.has("workspace")) throw UsageError("give either --store SPEC or --workspace DIR, not both");
    const fs::path workspace = fs::absolute(cl.value("workspace", "."));
    std::string storeError;
    const std::unique_ptr<store::DocumentStore> documents =
        store::openStore(cl.value("store", workspace.string()), workspace, storeError);
    if (!documents) throw UsageError((cl.has("store") ? "--store: " : "--workspace: ") + storeError);
    const bool inFolder = !cl.has("store") || fs::is_directory(cl.value("store"));
    const fs::path output = cl.has("output") ? fs::absolute(cl.value("output"))
                                             : (inFolder ? fs::absolute(cl.value("store", workspace.string())) : fs::current_path()) / "out";

    std::unique_ptr<accounts::AccountStore> accounts;
    if (withAccounts) {
        std::string error;
        accounts = accounts::openAccounts(cl.value("users"), error);
        if (!accounts) {
            std::cerr << "overens serve: --users " << cl.value("users") << ": " << error << '\n';
            return kExitUsage;
        }
        if (accounts->all().empty())
            std::cerr << "overens serve: warning: " << accounts->describe() << " holds no account yet; add one with "
                      << "'overens user add NAME --users " << cl.value("users") << "'\n";
    }
    web::AccessSettings accessSettings;
    accessSettings.tls = !server.certificate.empty();
    accessSettings.behindProxy = server.behindProxy;
    web::Access access(std::move(accounts), accessSettings);

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
    app.useAccess(access);
    std::unique_ptr<web::HttpServer> http;
    try {
        http = std::make_unique<web::HttpServer>(app, server);
    } catch (const Poco::Exception& e) {
        std::cerr << "overens serve: cannot listen on " << listen << ": " << e.displayText() << '\n';
        return kExitUsage;
    }
    const std::string shownHost = server.host.find(':') != std::string::npos ? "[" + server.host + "]" : server.host;
    std::cout << (http->tls() ? "https://" : "http://") << shownHost << ':' << http->port() << "/  ("
              << documents->describe() << (access.accountsOn() ? ", logins required" : "") << ")" << std::endl;
    int signal = 0;
    sigwait(&stop, &signal);
    http.reset();
    return kExitOk;
}

}  // namespace overens::cli
