#include "web/http_server.hpp"

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerConnection.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/NetSSL.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/TCPServer.h>
#include <Poco/Net/TCPServerConnectionFactory.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include <istream>

#include "web/app.hpp"
#include "web/connection_guard.hpp"
#include "web/form_text.hpp"

namespace overens::web {

namespace {

using Clock = ConnectionGuard::Clock;

// The connection the current worker thread serves: the handler moves its deadline along.
thread_local std::uint64_t currentConnection = 0;

std::string decode(std::string s) {
    for (char& c : s)
        if (c == '+') c = ' ';
    std::string decoded;
    Poco::URI::decode(s, decoded);
    return decoded;
}

class Handler : public Poco::Net::HTTPRequestHandler {
public:
    Handler(WebApp& app, const ServerSettings& settings, ConnectionGuard& guard, bool tls)
        : app_(app), settings_(settings), guard_(guard), tls_(tls) {}

    void handleRequest(Poco::Net::HTTPServerRequest& in, Poco::Net::HTTPServerResponse& out) override {
        // The headers are in: the body gets the client timeout of its own.
        guard_.setDeadline(currentConnection, Clock::now() + settings_.clientTimeout);
        Request request;
        request.method = in.getMethod();
        for (const auto& [k, v] : in) request.headers[Poco::toLower(k)] = v;
        request.client = clientOf(in);
        Poco::Net::NameValueCollection cookies;
        in.getCookies(cookies);
        for (const auto& [k, v] : cookies) request.cookies[k] = v;
        try {
            const Poco::URI uri(in.getURI());
            request.path = uri.getPath();
            for (const auto& [k, v] : uri.getQueryParameters()) request.query.emplace_back(k, v);
        } catch (const Poco::Exception&) {
            request.path = "/";
            request.refusal = "bad-address";
        }
        bool bodyLeft = false;  // a body not read: the connection cannot be reused
        if (request.method == "POST" && request.refusal.empty()) {
            if (!sameOrigin(in, request)) {
                request.refusal = "cross-site";
                request.refusalDetail = in.get("Origin", "");
                bodyLeft = true;
            } else {
                bodyLeft = !readForm(in, request);
            }
        } else if (in.hasContentLength() && in.getContentLength64() > 0) {
            bodyLeft = true;
        }
        guard_.clearDeadline(currentConnection);  // our turn: the app may take its time

        const Response response = app_.handle(request);

        // Sending gets a deadline of its own (a client that stops reading).
        guard_.setDeadline(currentConnection, Clock::now() + std::max(settings_.clientTimeout, std::chrono::seconds(30)));
        out.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(response.status));
        out.setContentType(response.contentType);
        for (const auto& [k, v] : response.headers) out.add(k, v);
        out.set("Cache-Control", "no-store");
        out.set("X-Content-Type-Options", "nosniff");
        out.set("Referrer-Policy", "same-origin");
        out.set("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; form-action 'self'");
        if (tls_) out.set("Strict-Transport-Security", "max-age=31536000");
        if (bodyLeft) out.setKeepAlive(false);
        if (!response.file.empty()) {
            out.sendFile(response.file.string(), response.contentType);
        } else {
            out.setContentLength(static_cast<std::streamsize>(response.body.size()));
            if (request.method == "HEAD")
                out.send();
            else
                out.send().write(response.body.data(), static_cast<std::streamsize>(response.body.size()));
        }
        // Waiting for the next request on this connection, then its headers.
        guard_.setDeadline(currentConnection, Clock::now() + std::chrono::seconds(5) + settings_.clientTimeout);
    }

private:
    std::string clientOf(const Poco::Net::HTTPServerRequest& in) const {
        std::string client = in.clientAddress().host().toString();
        if (settings_.behindProxy) {
            // The proxy appends the address it saw: the last entry is the one to trust.
            const std::string forwarded = in.get("X-Forwarded-For", "");
            const auto comma = forwarded.rfind(',');
            const std::string last = Poco::trim(comma == std::string::npos ? forwarded : forwarded.substr(comma + 1));
            if (!last.empty() && last.size() <= 64) client = last;
        }
        return client;
    }

    // The urlencoded body of a form, in order, within the caps. False when the body was not
    // read to its end (the connection is then closed after the answer). Poco's HTMLForm is
    // quadratic in the number of fields, and a delegation order posts a thousand of them on
    // every keystroke.
    bool readForm(Poco::Net::HTTPServerRequest& in, Request& request) const {
        const std::string type = in.getContentType();
        if (!type.empty() && type.rfind("application/x-www-form-urlencoded", 0) != 0) {
            request.refusal = "not-urlencoded";
            request.refusalDetail = type.substr(0, 80);
            return false;
        }
        if (in.hasContentLength() && in.getContentLength64() > static_cast<Poco::Int64>(settings_.maxBody)) {
            request.refusal = "too-large";
            request.refusalDetail = std::to_string(in.getContentLength64());
            return false;
        }
        std::string body;
        char buffer[65536];
        try {
            while (in.stream().read(buffer, sizeof buffer) || in.stream().gcount() > 0) {
                body.append(buffer, static_cast<std::size_t>(in.stream().gcount()));
                if (body.size() > settings_.maxBody) {
                    request.refusal = "too-large";
                    request.refusalDetail = "more than " + std::to_string(settings_.maxBody);
                    return false;
                }
            }
        } catch (const Poco::Exception& e) {  // the client went quiet or away
            request.refusal = "too-large";
            request.refusalDetail = "the body did not arrive in time: " + e.displayText();
            return false;
        }
        if (in.hasContentLength() && body.size() < static_cast<std::size_t>(in.getContentLength64())) {
            request.refusal = "too-large";
            request.refusalDetail = "the body did not arrive in time or in full";
            return false;
        }
        std::size_t start = 0;
        while (start <= body.size()) {
            std::size_t end = body.find('&', start);
            if (end == std::string::npos) end = body.size();
            if (end > start) {
                const std::string pair = body.substr(start, end - start);
                const std::size_t eq = pair.find('=');
                std::string name = decode(pair.substr(0, eq));
                std::string value = eq == std::string::npos ? "" : decode(pair.substr(eq + 1));
                if (request.form.size() >= settings_.maxFields) {
                    request.refusal = "too-many-fields";
                    request.refusalDetail = std::to_string(settings_.maxFields);
                    return true;
                }
                if (name.size() > 512 || value.size() > settings_.maxField) {
                    request.refusal = "field-too-large";
                    request.refusalDetail = name.substr(0, 80);
                    return true;
                }
                for (const std::string* text : {&name, &value})
                    if (auto bad = unstorableCharacter(*text)) {
                        request.refusal = "bad-character";
                        request.refusalDetail = *bad + " in " + (unstorableCharacter(name) ? "a field's name" : name);
                        return true;
                    }
                request.form.emplace_back(std::move(name), std::move(value));
            }
            start = end + 1;
        }
        return true;
    }

    // A POST must come from the pages of this server: its Origin (when the browser sends one)
    // names the host the request was sent to, in the scheme it was sent in.
    bool sameOrigin(const Poco::Net::HTTPServerRequest& in, const Request& request) const {
        const std::string origin = in.get("Origin", "");
        if (origin.empty()) return true;
        if (origin == "null") return false;
        const bool https = tls_ || (settings_.behindProxy && request.header("x-forwarded-proto") == "https");
        const std::string scheme = https ? "https://" : "http://";
        if (origin == scheme + in.getHost()) return true;
        return settings_.behindProxy && !request.header("x-forwarded-host").empty() &&
               origin == scheme + request.header("x-forwarded-host");
    }

    WebApp& app_;
    const ServerSettings& settings_;
    ConnectionGuard& guard_;
    bool tls_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    Factory(WebApp& app, const ServerSettings& settings, ConnectionGuard& guard, bool tls)
        : app_(app), settings_(settings), guard_(guard), tls_(tls) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new Handler(app_, settings_, guard_, tls_);
    }
    // Each connection shuts its socket, as Poco's HTTPServer::stopAll(true) has it do.
    void stopConnections() { serverStopped(this, true); }

private:
    WebApp& app_;
    const ServerSettings& settings_;
    ConnectionGuard& guard_;
    bool tls_;
};

// Poco's HTTP connection, watched by the guard from the moment it is accepted (the TLS
// handshake and the first request's headers included).
class GuardedConnection : public Poco::Net::HTTPServerConnection {
public:
    GuardedConnection(const Poco::Net::StreamSocket& socket, Poco::Net::HTTPServerParams::Ptr params,
                      Poco::Net::HTTPRequestHandlerFactory::Ptr factory, ConnectionGuard& guard,
                      std::chrono::seconds timeout)
        : HTTPServerConnection(socket, params, factory), guard_(guard), timeout_(timeout) {}

    void run() override {
        currentConnection = guard_.enter(socket().impl()->sockfd(), Clock::now() + timeout_);
        try {
            HTTPServerConnection::run();
        } catch (...) {
            guard_.leave(currentConnection);
            throw;
        }
        guard_.leave(currentConnection);
        currentConnection = 0;
    }

private:
    ConnectionGuard& guard_;
    std::chrono::seconds timeout_;
};

class GuardedConnectionFactory : public Poco::Net::TCPServerConnectionFactory {
public:
    GuardedConnectionFactory(Poco::Net::HTTPServerParams::Ptr params, Poco::Net::HTTPRequestHandlerFactory::Ptr factory,
                             ConnectionGuard& guard, std::chrono::seconds timeout)
        : params_(params), factory_(factory), guard_(guard), timeout_(timeout) {}
    Poco::Net::TCPServerConnection* createConnection(const Poco::Net::StreamSocket& socket) override {
        return new GuardedConnection(socket, params_, factory_, guard_, timeout_);
    }

private:
    Poco::Net::HTTPServerParams::Ptr params_;
    Poco::Net::HTTPRequestHandlerFactory::Ptr factory_;
    ConnectionGuard& guard_;
    std::chrono::seconds timeout_;
};

}  // namespace

struct HttpServer::Impl {
    ServerSettings settings;
    ConnectionGuard guard;
    bool tls = false;
    Poco::Net::ServerSocket socket;
    Poco::SharedPtr<Factory> factory;
    std::unique_ptr<Poco::Net::TCPServer> server;
};

HttpServer::HttpServer(WebApp& app, const ServerSettings& settings) : impl_(std::make_unique<Impl>()) {
    impl_->settings = settings;
    const Poco::Net::SocketAddress address(settings.host, settings.port);
    impl_->tls = !settings.certificate.empty();
    if (impl_->tls) {
        Poco::Net::initializeSSL();
        Poco::Net::Context::Params p;
        p.certificateFile = settings.certificate;
        p.privateKeyFile = settings.privateKey;
        p.verificationMode = Poco::Net::Context::VERIFY_NONE;  // clients bring no certificate
        p.cipherList = "HIGH:!aNULL:!eNULL:!MD5:!RC4:!3DES";
        Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, p);
        context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
        Poco::Net::SecureServerSocket secure(context);
        secure.bind(address, true);
        secure.listen(64);
        impl_->socket = secure;
    } else {
        impl_->socket.bind(address, true);
        impl_->socket.listen(64);
    }
    Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(settings.maxThreads);
    params->setMaxQueued(settings.maxQueued);
    params->setTimeout(Poco::Timespan(static_cast<long>(settings.clientTimeout.count()), 0));
    params->setKeepAlive(true);
    params->setKeepAliveTimeout(Poco::Timespan(5, 0));
    params->setMaxKeepAliveRequests(200);
    params->setServerName("overens");
    impl_->factory = new Factory(app, impl_->settings, impl_->guard, impl_->tls);
    impl_->server = std::make_unique<Poco::Net::TCPServer>(
        new GuardedConnectionFactory(params, impl_->factory, impl_->guard,
                                     settings.clientTimeout),
        impl_->socket, params);
    impl_->server->start();
}

HttpServer::~HttpServer() {
    impl_->server->stop();
    impl_->factory->stopConnections();
    impl_->server.reset();
    if (impl_->tls) Poco::Net::uninitializeSSL();
}

std::uint16_t HttpServer::port() const { return impl_->socket.address().port(); }
bool HttpServer::tls() const { return impl_->tls; }

}  // namespace overens::web
