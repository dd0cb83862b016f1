#include "web/http_server.hpp"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/URI.h>

#include <istream>
#include <iterator>

#include "web/app.hpp"

namespace overens::web {

namespace {

class Handler : public Poco::Net::HTTPRequestHandler {
public:
    explicit Handler(WebApp& app) : app_(app) {}

    void handleRequest(Poco::Net::HTTPServerRequest& in, Poco::Net::HTTPServerResponse& out) override {
        Request request;
        request.method = in.getMethod();
        const Poco::URI uri(in.getURI());
        request.path = uri.getPath();
        for (const auto& [k, v] : uri.getQueryParameters()) request.query.emplace_back(k, v);
        Poco::Net::NameValueCollection cookies;
        in.getCookies(cookies);
        for (const auto& [k, v] : cookies) request.cookies[k] = v;
        // Until the access layer (accounts, issue 10) fills it: one person on 127.0.0.1 sees everything.
        request.principal.everyOrganisation = true;
        Response response;
        if (request.method == "POST" && !sameOrigin(in)) {
            response = Response::text(403, "overens serve: a form from another site is refused\n");
        } else {
            if (request.method == "POST") {
                if (!readForm(in, request.form))
                    response = Response::text(413, "overens serve: the form is too large or not urlencoded\n");
            }
            if (response.status != 413) response = app_.handle(request);
        }
        out.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(response.status));
        out.setContentType(response.contentType);
        for (const auto& [k, v] : response.headers) out.add(k, v);
        out.set("Cache-Control", "no-store");
        out.set("X-Content-Type-Options", "nosniff");
        out.set("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
        if (!response.file.empty()) {
            out.sendFile(response.file.string(), response.contentType);
            return;
        }
        out.setContentLength(static_cast<std::streamsize>(response.body.size()));
        if (request.method == "HEAD") {
            out.send();
            return;
        }
        out.send().write(response.body.data(), static_cast<std::streamsize>(response.body.size()));
    }

private:
    // The urlencoded body of a form, in order. Poco's HTMLForm is quadratic in the number of
    // fields, and a delegation order posts a thousand of them on every keystroke.
    static bool readForm(Poco::Net::HTTPServerRequest& in, Params& out) {
        constexpr std::streamsize kMaxBody = 64 * 1024 * 1024;
        const std::string type = in.getContentType();
        if (!type.empty() && type.rfind("application/x-www-form-urlencoded", 0) != 0) return false;
        if (in.hasContentLength() && in.getContentLength64() > kMaxBody) return false;
        std::string body;
        char buffer[65536];
        while (in.stream().read(buffer, sizeof buffer) || in.stream().gcount() > 0) {
            body.append(buffer, static_cast<std::size_t>(in.stream().gcount()));
            if (static_cast<std::streamsize>(body.size()) > kMaxBody) return false;
        }
        auto decode = [](std::string s) {
            for (char& c : s)
                if (c == '+') c = ' ';
            std::string decoded;
            Poco::URI::decode(s, decoded);
            return decoded;
        };
        std::size_t start = 0;
        while (start <= body.size()) {
            std::size_t end = body.find('&', start);
            if (end == std::string::npos) end = body.size();
            const std::string pair = body.substr(start, end - start);
            if (!pair.empty()) {
                const std::size_t eq = pair.find('=');
                out.emplace_back(decode(pair.substr(0, eq)), eq == std::string::npos ? "" : decode(pair.substr(eq + 1)));
            }
            start = end + 1;
        }
        return true;
    }

    // A POST must come from the pages of this server: its Origin (when the browser sends one)
    // names the host the request was sent to.
    static bool sameOrigin(const Poco::Net::HTTPServerRequest& in) {
        const std::string origin = in.get("Origin", "");
        if (origin.empty() || origin == "null") return origin.empty();
        return origin == "http://" + in.getHost();
    }

    WebApp& app_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit Factory(WebApp& app) : app_(app) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new Handler(app_);
    }

private:
    WebApp& app_;
};

}  // namespace

struct HttpServer::Impl {
    Poco::Net::ServerSocket socket;
    std::unique_ptr<Poco::Net::HTTPServer> server;
};

HttpServer::HttpServer(WebApp& app, const std::string& host, std::uint16_t port) : impl_(std::make_unique<Impl>()) {
    impl_->socket.bind(Poco::Net::SocketAddress(host, port), true);
    impl_->socket.listen(64);
    auto* params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(4);  // requests are served one at a time by the app; a few wait for it
    params->setKeepAlive(true);
    impl_->server = std::make_unique<Poco::Net::HTTPServer>(new Factory(app), impl_->socket, params);
    impl_->server->start();
}

HttpServer::~HttpServer() {
    impl_->server->stopAll(true);
}

std::uint16_t HttpServer::port() const { return impl_->socket.address().port(); }

}  // namespace overens::web
