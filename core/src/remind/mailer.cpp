#include "remind/mailer.hpp"

#include <Poco/Exception.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/DNS.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureSMTPClientSession.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

#include <csignal>
#include <mutex>
#include <sstream>

namespace overens::remind {

using Poco::Net::SMTPClientSession;

namespace {

std::string trimReply(std::string s) {
    while (!s.empty() && (s.back() == '\r' || s.back() == '\n' || s.back() == ' ')) s.pop_back();
    for (char& c : s)
        if (c == '\r' || c == '\n') c = ' ';
    return s;
}

SMTPClientSession::LoginMethod loginMethod(const std::string& name) {
    if (name == "login") return SMTPClientSession::AUTH_LOGIN;
    if (name == "cram-md5") return SMTPClientSession::AUTH_CRAM_MD5;
    if (name == "cram-sha1") return SMTPClientSession::AUTH_CRAM_SHA1;
    if (name == "xoauth2") return SMTPClientSession::AUTH_XOAUTH2;
    return SMTPClientSession::AUTH_PLAIN;
}

// 4xx and anything that is not a reply (timeout, reset) is temporary; 5xx is permanent.
DeliveryResult classify(int code, const std::string& response) {
    if (code >= 500 && code < 600) return {Delivery::Refused, code, trimReply(response)};
    return {Delivery::Deferred, code, trimReply(response)};
}

}  // namespace

Mailer::Mailer(SmtpSettings settings) : settings_(std::move(settings)) {
    // A write to a connection the server dropped must fail, not end the process.
    std::signal(SIGPIPE, SIG_IGN);
}

Mailer::~Mailer() { quit(); }

void Mailer::drop() {
    if (!session_) return;
    // The session is in an unknown state: no QUIT. Poco's close() would send one and wait for its
    // reply (a second timeout), and its destructor a third; with the socket shut down first,
    // both fail at once.
    try {
        if (socket_) socket_->shutdown();
    } catch (...) {
    }
    try {
        session_->close();
    } catch (...) {
    }
    session_.reset();
    socket_.reset();
}

void Mailer::giveUp(const std::string& error) {
    unreachable_ = true;
    notTried_ = "not tried: " + settings_.host + ":" + std::to_string(settings_.port) +
                " could not be reached or stopped answering earlier in this run (" + error + ")";
}

DeliveryResult Mailer::noReply(const std::string& error, bool dataSent) {
    drop();
    giveUp(error);  // the rest of the run is deferred at once, not one timeout each
    return {dataSent ? Delivery::Unacknowledged : Delivery::Deferred, 0, error};
}

void Mailer::quit() {
    if (!session_) return;
    try {
        std::string response;
        session_->sendCommand("QUIT", response);
    } catch (...) {
    }
    drop();
}

bool Mailer::connect() {
    if (session_) return true;
    if (unreachable_) return false;
    const Poco::Timespan timeout(settings_.timeoutSeconds, 0);
    try {
        Poco::Net::StreamSocket socket;
        socket.connect(Poco::Net::SocketAddress(settings_.host, settings_.port), timeout);
        socket.setSendTimeout(timeout);
        socket_ = std::make_unique<Poco::Net::StreamSocket>(socket);
        session_ = std::make_unique<Poco::Net::SecureSMTPClientSession>(socket);
        session_->setTimeout(timeout);
        const std::string helo = settings_.helo.empty() ? Poco::Net::DNS::hostName() : settings_.helo;
        session_->login(helo);
        if (settings_.startTls) {
            static std::once_flag sslInit;
            std::call_once(sslInit, [] { Poco::Net::initializeSSL(); });
            Poco::Net::Context::Ptr context = new Poco::Net::Context(
                Poco::Net::Context::TLS_CLIENT_USE, "", "", settings_.caFile,
                settings_.verifyTls ? Poco::Net::Context::VERIFY_RELAXED : Poco::Net::Context::VERIFY_NONE, 9,
                settings_.caFile.empty(), "ALL:!ADH:!LOW:!EXP:!MD5:@STRENGTH");
            if (!session_->startTLS(context))
                throw Poco::Net::SMTPException("the server does not offer STARTTLS; not sending in clear text");
            session_->login(helo);
        }
        if (!settings_.user.empty())
            session_->login(helo, loginMethod(settings_.loginMethod), settings_.user, settings_.password);
        return true;
    } catch (const Poco::Exception& e) {
        connectError_ = settings_.host + ":" + std::to_string(settings_.port) + ": " + trimReply(e.displayText());
    } catch (const std::exception& e) {
        connectError_ = settings_.host + ":" + std::to_string(settings_.port) + ": " + trimReply(e.what());
    }
    drop();
    giveUp(connectError_);
    return false;
}

DeliveryResult Mailer::send(const std::string& recipient, const std::string& message,
                            const std::function<void()>& beforeData) {
    if (unreachable_) return {Delivery::Deferred, 0, notTried_};
    if (!connect()) return {Delivery::Deferred, 0, connectError_};
    std::string response;
    std::exception_ptr hookFailure;  // the caller's beforeData failed: do not send, tell the caller
    bool dataSent = false;           // the message went out: without a reply it may have arrived
    try {
        int status = session_->sendCommand("MAIL FROM:<" + settings_.from + ">", response);
        if (!(status / 100 == 2)) {
            // The sender refused is no fault of the recipient's: retry later, never "refused".
            DeliveryResult r{Delivery::Deferred, status, "MAIL FROM: " + trimReply(response)};
            session_->sendCommand("RSET", response);
            return r;
        }
        status = session_->sendCommand("RCPT TO:<" + recipient + ">", response);
        if (!(status / 100 == 2)) {
            DeliveryResult r = classify(status, "RCPT TO: " + response);
            session_->sendCommand("RSET", response);
            return r;
        }
        try {
            beforeData();
        } catch (...) {
            hookFailure = std::current_exception();
            std::rethrow_exception(hookFailure);  // not sent; the handlers below close the session
        }
        status = session_->sendCommand("DATA", response);
        if (!(status / 100 == 3)) {
            DeliveryResult r{Delivery::Deferred, status, "DATA: " + trimReply(response)};
            session_->sendCommand("RSET", response);
            return r;
        }
        std::istringstream in(message);
        dataSent = true;
        try {
            session_->sendMessage(in);  // dot-stuffed, ends with CRLF.CRLF, waits for the reply
        } catch (const Poco::Net::SMTPException& e) {
            // The server answered the data with a failure (4xx/5xx): a clean reply, the session goes on.
            return classify(e.code(), "end of data: " + e.message());
        }
        return {Delivery::Delivered, 250, ""};
    } catch (const Poco::TimeoutException& e) {
        return noReply(trimReply(e.displayText()), dataSent);
    } catch (const Poco::Exception& e) {
        // No reply (reset, closed): the session is in an unknown state; the next send connects again.
        drop();
        if (hookFailure) std::rethrow_exception(hookFailure);
        return {dataSent ? Delivery::Unacknowledged : Delivery::Deferred, 0, trimReply(e.displayText())};
    } catch (const std::exception& e) {
        drop();
        if (hookFailure) std::rethrow_exception(hookFailure);
        return {dataSent ? Delivery::Unacknowledged : Delivery::Deferred, 0, trimReply(e.what())};
    }
}

}  // namespace overens::remind
