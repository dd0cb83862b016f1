// Fixtures for the remind tests: minimal header-only sources, and the real SMTP server
// ../shared/tools/smtp-sink on 127.0.0.1 on a free port.
#pragma once

#include <Poco/Process.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace overens::test {

struct PartySpec {
    std::string role, name, title, email;
};

struct SourceSpec {
    std::string root = "agreement";
    std::string lang = "sv";
    std::string organisation = "Exempelby kommun";
    std::string dnr = "KS 2027/0042";
    std::string adopted = "2027-01-20";
    std::string next = "2028-01-20";
    std::string every = "P1Y";
    std::string notify = "P30D";
    bool recurring = false;
    std::vector<PartySpec> parties{
        {"chair", "Åsa Öberg", "Kommunstyrelsens ordförande", "asa.oberg@exempelby.se"},
        {"director", "Per Lind", "Kommundirektör", "per.lind@exempelby.se"}};
};

std::string sourceXml(const SourceSpec& s);

// smtp-sink in the background; stopped (SIGINT, then SIGKILL after a bounded wait) on destruction.
class SmtpSink {
public:
    // Starts on a free port; throws std::runtime_error when it does not listen within 20 s.
    // script: another server with the same conventions (--dir, --port, a "...: listening on" line).
    SmtpSink(const std::filesystem::path& mailDir, const std::vector<std::string>& extraArgs = {}, int port = 0,
             const std::filesystem::path& script = {});
    ~SmtpSink();
    int port() const { return port_; }
    std::string address() const { return "127.0.0.1:" + std::to_string(port_); }
    void stop();
    // The messages saved so far (.eml files), sorted by name.
    std::vector<std::filesystem::path> messages() const;
    std::string log() const;

private:
    std::filesystem::path dir_, logFile_;
    int port_ = 0;
    std::unique_ptr<Poco::ProcessHandle> handle_;
    bool reaped_ = false;
};

// A port on 127.0.0.1 nobody listens on right now.
int freePort();

// The attachment of a saved message (decoded), by its file name; empty when there is none.
std::string attachment(const std::filesystem::path& eml, const std::string& name);
// The decoded text/plain part, white space squeezed to single spaces.
std::string textPart(const std::filesystem::path& eml);

}  // namespace overens::test
