// The HTTP side of `overens serve`: Poco::Net's HTTPServer in front of WebApp. The only file of
// the web face that knows the server library.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

namespace overens::web {

class WebApp;

class HttpServer {
public:
    // Binds host:port (port 0: any free port) and starts serving app.
    HttpServer(WebApp& app, const std::string& host, std::uint16_t port);
    ~HttpServer();  // stops and waits for the connections to end

    std::uint16_t port() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace overens::web
