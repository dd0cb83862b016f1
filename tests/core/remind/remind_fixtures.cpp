#include "remind_fixtures.hpp"

#include <Poco/Net/MailMessage.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/StreamCopier.h>

#include <algorithm>
#include <chrono>
#include <sstream>
#include <fstream>
#include <stdexcept>
#include <thread>

#include "test_support.hpp"

namespace overens::test {

namespace fs = std::filesystem;

namespace {
std::string attr(const std::string& name, const std::string& value) {
    return value.empty() ? std::string() : " " + name + "=\"" + value + "\"";
}
}  // namespace

std::string sourceXml(const SourceSpec& s) {
    std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + s.root + attr("lang", s.lang) + ">\n";
    x += "  <organisation type=\"kommun\" name=\"" + s.organisation + "\" board=\"Kommunstyrelsen\"/>\n";
    for (const auto& p : s.parties)
        x += "  <party" + attr("role", p.role) + attr("name", p.name) + attr("title", p.title) + attr("email", p.email) + "/>\n";
    x += "  <registration" + attr("dnr", s.dnr) + attr("adopted", s.adopted) + "/>\n";
    x += "  <review" + attr("every", s.every) + attr("next", s.next) + attr("notify-before", s.notify) +
         (s.recurring ? " recurring=\"true\"" : "") + "/>\n";
    x += "</" + s.root + ">\n";
    return x;
}

int freePort() {
    Poco::Net::ServerSocket s(Poco::Net::SocketAddress("127.0.0.1", 0));
    const int port = s.address().port();
    s.close();
    return port;
}

namespace {
// True once the process has ended (and been reaped); a second wait on a reaped child throws.
bool ended(Poco::ProcessHandle& h, bool& reaped) {
    if (reaped) return true;
    try {
        reaped = h.tryWait() != -1;
    } catch (const Poco::Exception&) {
        reaped = true;
    }
    return reaped;
}
}  // namespace

SmtpSink::SmtpSink(const fs::path& mailDir, const std::vector<std::string>& extraArgs, int port, const fs::path& script)
    : dir_(mailDir) {
    const fs::path server = script.empty() ? sharedTools() / "smtp-sink" : script;
    for (int attempt = 0; attempt < 3; ++attempt) {
        port_ = port ? port : freePort();
        logFile_ = mailDir.parent_path() / ("smtp-sink-" + std::to_string(port_) + ".log");
        std::string cmd = "exec /usr/bin/python3 '" + server.string() + "' --dir '" +
                          mailDir.string() + "' --port " + std::to_string(port_);
        for (const auto& a : extraArgs) cmd += " '" + a + "'";
        cmd += " > '" + logFile_.string() + "' 2>&1";
        handle_ = std::make_unique<Poco::ProcessHandle>(Poco::Process::launch("/bin/sh", {"-c", cmd}));
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (std::chrono::steady_clock::now() < deadline) {
            if (log().find(": listening on") != std::string::npos) return;
            if (ended(*handle_, reaped_)) break;  // exited (port taken?)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        stop();
        if (port) break;
    }
    throw std::runtime_error(server.filename().string() + " did not start: " + log());
}

SmtpSink::~SmtpSink() { stop(); }


void SmtpSink::stop() {
    if (!handle_) return;
    bool reaped = reaped_;
    if (!ended(*handle_, reaped)) {
        Poco::Process::requestTermination(handle_->id());
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (!ended(*handle_, reaped) && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        if (!ended(*handle_, reaped)) {
            Poco::Process::kill(*handle_);
            try {
                handle_->wait();
            } catch (const Poco::Exception&) {
            }
        }
    }
    handle_.reset();
    reaped_ = false;
}

std::vector<fs::path> SmtpSink::messages() const {
    std::vector<fs::path> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir_, ec))
        if (e.path().extension() == ".eml") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

std::string SmtpSink::log() const { return readFile(logFile_); }

namespace {

class Collect : public Poco::Net::PartHandler {
public:
    struct Part {
        std::string type, disposition, body;
    };
    std::vector<Part> parts;
    void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override {
        Part p;
        p.type = header.get("Content-Type", "");
        p.disposition = header.get("Content-Disposition", "");
        Poco::StreamCopier::copyToString(stream, p.body);
        parts.push_back(std::move(p));
    }
};

void parse(const fs::path& eml, Collect& c) {
    std::ifstream in(eml, std::ios::binary);
    Poco::Net::MailMessage msg;
    msg.read(in, c);
}

}  // namespace

std::string attachment(const fs::path& eml, const std::string& name) {
    Collect c;
    parse(eml, c);
    for (const auto& p : c.parts)
        if (p.disposition.find("attachment") != std::string::npos && p.disposition.find(name) != std::string::npos)
            return p.body;
    return {};
}

std::string squeeze(const std::string& text) {
    std::istringstream in(text);
    std::string w, out;
    while (in >> w) out += (out.empty() ? "" : " ") + w;
    return out;
}

std::string textPart(const fs::path& eml) {
    Collect c;
    parse(eml, c);
    for (const auto& p : c.parts)
        if (p.type.find("text/plain") != std::string::npos) return squeeze(p.body);
    return {};
}

}  // namespace overens::test
