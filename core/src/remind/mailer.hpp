// Sending one reminder at a time through SMTP (Poco::Net), one recipient per message, so that
// each recipient's outcome is known: delivered (250 after the data), refused (a permanent 5xx
// for the recipient or the message), deferred (a temporary 4xx, a timeout, no connection), or
// unacknowledged (the data was sent and no reply came: it may have been delivered).
//
// A server that stops answering costs one timeout per run: after it, the session is dropped
// without waiting for a QUIT reply, and every later send is deferred at once.
#pragma once

#include <functional>
#include <memory>
#include <string>

namespace Poco::Net {
class SecureSMTPClientSession;
class StreamSocket;
}

namespace overens::remind {

struct SmtpSettings {
    std::string host;
    unsigned short port = 25;
    std::string from;            // envelope sender and From: address
    std::string fromName;        // display name in From:
    bool startTls = false;       // STARTTLS before anything else; refuse to send in clear if offered none
    std::string user;            // log in when set
    std::string password;
    std::string loginMethod = "plain";  // plain | login | cram-md5 | cram-sha1 | xoauth2
    std::string caFile;          // CA certificates for STARTTLS (default: the system's)
    bool verifyTls = true;
    int timeoutSeconds = 30;     // connecting, every reply and every write, each bounded once
    std::string helo;            // EHLO name (default: the host's name)
};

enum class Delivery { Delivered, Refused, Deferred, Unacknowledged };

struct DeliveryResult {
    Delivery outcome = Delivery::Deferred;
    int code = 0;          // the SMTP reply code (0: no reply, e.g. no connection)
    std::string response;  // the server's reply or the error
};

class Mailer {
public:
    explicit Mailer(SmtpSettings settings);
    ~Mailer();
    Mailer(const Mailer&) = delete;
    Mailer& operator=(const Mailer&) = delete;

    // Send `message` (a complete RFC 5322 message, CRLF) to one recipient. beforeData runs after
    // the server accepted the recipient and before DATA: the caller records "attempting" there.
    // A connection problem leaves the session closed; the next send connects again.
    DeliveryResult send(const std::string& recipient, const std::string& message, const std::function<void()>& beforeData);

    // True once a connection attempt failed or the server stopped answering in this run: later
    // sends fail fast without trying.
    bool unreachable() const { return unreachable_; }
    const std::string& lastConnectError() const { return connectError_; }

    void quit();

private:
    bool connect();
    void drop();
    DeliveryResult noReply(const std::string& error, bool dataSent);
    void giveUp(const std::string& error);

    SmtpSettings settings_;
    std::unique_ptr<Poco::Net::SecureSMTPClientSession> session_;
    std::unique_ptr<Poco::Net::StreamSocket> socket_;  // the session's connection, to shut it down
    bool unreachable_ = false;
    std::string connectError_;
    std::string notTried_;  // the reply of the sends after giving up
};

}  // namespace overens::remind
