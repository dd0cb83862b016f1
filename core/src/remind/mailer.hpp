// Sending one reminder at a time through SMTP (Poco::Net), one recipient per message, so that
// each recipient's outcome is known: delivered (250 after the data), refused (a permanent 5xx
// for the recipient or the message), or deferred (a temporary 4xx, a timeout, no connection).
#pragma once

#include <functional>
#include <memory>
#include <string>

namespace Poco::Net {
class SecureSMTPClientSession;
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
    int timeoutSeconds = 30;     // connect and every reply
    std::string helo;            // EHLO name (default: the host's name)
};

enum class Delivery { Delivered, Refused, Deferred };

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

    // True once a connection attempt failed in this run: later sends fail fast without trying.
    bool unreachable() const { return unreachable_; }
    const std::string& lastConnectError() const { return connectError_; }

    void quit();

private:
    bool connect();
    void drop();

    SmtpSettings settings_;
    std::unique_ptr<Poco::Net::SecureSMTPClientSession> session_;
    bool unreachable_ = false;
    std::string connectError_;
};

}  // namespace overens::remind
