// The HTTP side of `overens serve`: Poco::Net's HTTP server in front of WebApp, over TLS
// (Poco::Net::SecureServerSocket) when given a certificate. The only file of the web face that
// knows the server library. Bounded everywhere: threads, queued connections, the time a client
// may take (ConnectionGuard), the body and each field.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace overens::web {

class WebApp;

struct ServerSettings {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080;  // 0: any free port
    std::string certificate;    // PEM; with privateKey: serve HTTPS
    std::string privateKey;
    bool behindProxy = false;   // the client's address is X-Forwarded-For's last entry
    // How long a client may take to send a request's headers, or its body, and how long it may
    // stay silent between requests on a kept-alive connection.
    std::chrono::seconds clientTimeout{10};
    int maxThreads = 8;
    int maxQueued = 64;
    std::size_t maxBody = 16 * 1024 * 1024;  // bytes of a form posted
    std::size_t maxField = 64 * 1024;        // bytes of one field's value
    std::size_t maxFields = 200000;
};

class HttpServer {
public:
    // Binds and starts serving app; throws Poco::Exception when it cannot (address in use, a
    // certificate that cannot be read).
    HttpServer(WebApp& app, const ServerSettings& settings);
    ~HttpServer();  // stops and waits for the connections to end

    std::uint16_t port() const;
    bool tls() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace overens::web
