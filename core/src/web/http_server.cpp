#include "web/http_server.hpp"

#include <Poco/Net/HTMLForm.h>
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
        request.acceptLanguage = in.get("Accept-Language", "");
        Response response;
        if (request.method == "POST" && !sameOrigin(in)) {
            response = Response::text(403, "overens serve: a form from another site is refused\n");
        } else {
            if (request.method == "POST") {
                Poco::Net::HTMLForm form;
                form.setFieldLimit(200000);       // a large delegation order posts thousands of fields
                form.setValueLengthLimit(1 << 20);
                form.load(in, in.stream());
                for (const auto& [k, v] : form) request.form.emplace_back(k, v);
            }
            response = app_.handle(request);
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
