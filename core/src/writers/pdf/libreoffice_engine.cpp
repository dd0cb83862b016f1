// --pdf-engine libreoffice: write the ODT with the ODT writer, then let LibreOffice (headless,
// with a throwaway profile so that a running LibreOffice or a broken user profile cannot
// interfere) export it as a tagged PDF/A-2b.
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#include <fcntl.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "writers/pdf/engines.hpp"

namespace overens::pdf {
namespace {

namespace fs = std::filesystem;

bool executable(const fs::path& p) { return !p.empty() && ::access(p.c_str(), X_OK) == 0 && !fs::is_directory(p); }

struct RunOutcome {
    int exitCode = -1;
    bool timedOut = false;
    std::string log;
};

// Runs argv in its own process group with stdout/stderr into logFile; kills the whole group
// after timeoutSeconds.
RunOutcome runProcess(const std::vector<std::string>& argv, const fs::path& logFile, int timeoutSeconds) {
    RunOutcome r;
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    const pid_t pid = ::fork();
    if (pid < 0) throw WriteError("pdf.soffice-failed", std::string("PDF: cannot start soffice: ") + std::strerror(errno));
    if (pid == 0) {
        ::setpgid(0, 0);
        const int fd = ::open(logFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (fd >= 0) {
            ::dup2(fd, 1);
            ::dup2(fd, 2);
            ::close(fd);
        }
        const int devnull = ::open("/dev/null", O_RDONLY);
        if (devnull >= 0) ::dup2(devnull, 0);
        ::execv(args[0], args.data());
        ::_exit(127);
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeoutSeconds);
    int status = 0;
    for (;;) {
        const pid_t w = ::waitpid(pid, &status, WNOHANG);
        if (w == pid) break;
        if (w < 0 && errno != EINTR) break;
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(-pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            r.timedOut = true;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (!r.timedOut && WIFEXITED(status)) r.exitCode = WEXITSTATUS(status);
    std::ifstream in(logFile);
    std::stringstream ss;
    ss << in.rdbuf();
    r.log = ss.str();
    return r;
}

// A scratch folder: options.workDir when given, else a fresh one under the temp dir (removed).
class Scratch {
public:
    explicit Scratch(const fs::path& given) {
        static std::atomic<int> counter{0};
        if (!given.empty()) {
            path_ = given / ("pdf-libreoffice-" + std::to_string(counter++));
        } else {
            path_ = fs::temp_directory_path() /
                    ("overens-pdf-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        }
        std::error_code ec;
        fs::remove_all(path_, ec);
        fs::create_directories(path_, ec);
        if (ec) throw WriteError("pdf.workdir", "PDF: cannot create the work folder " + path_.string() + ": " + ec.message());
    }
    ~Scratch() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

}  // namespace

fs::path findSoffice() {
    if (const char* env = std::getenv("OVERENS_SOFFICE"); env && *env) {
        fs::path p(env);
        return executable(p) ? p : fs::path{};
    }
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
    for (const char* name : {"soffice", "libreoffice"}) {
        std::stringstream ss(dirs);
        std::string dir;
        while (std::getline(ss, dir, ':')) {
            if (dir.empty()) continue;
            fs::path p = fs::path(dir) / name;
            if (executable(p)) return p;
        }
    }
    return {};
}

std::string pdfaFilterOptions() {
    // SelectPdfVersion 2 = PDF/A-2b; tagged for screen readers; the outline from the headings.
    return "pdf:writer_pdf_Export:{"
           "\"SelectPdfVersion\":{\"type\":\"long\",\"value\":\"2\"},"
           "\"UseTaggedPDF\":{\"type\":\"boolean\",\"value\":\"true\"},"
           "\"ExportBookmarks\":{\"type\":\"boolean\",\"value\":\"true\"},"
           "\"ExportNotes\":{\"type\":\"boolean\",\"value\":\"false\"}"
           "}";
}

void writeWithLibreOffice(const doc::Document& d, std::ostream& out, const WriteOptions& options, Diagnostics& diags) {
    const fs::path soffice = findSoffice();
    if (soffice.empty())
        throw WriteError("pdf.soffice-missing",
                         "PDF: --pdf-engine libreoffice needs LibreOffice, but soffice was not found on PATH "
                         "(install libreoffice-writer-nogui, set OVERENS_SOFFICE, or use --pdf-engine libharu)");
    const Writer* odt = WriterRegistry::builtin().find("odt");
    if (!odt)
        throw WriteError("pdf.odt-writer-missing",
                         "PDF: --pdf-engine libreoffice needs the ODT writer, which is not part of this build");

    Scratch scratch(options.workDir);
    const fs::path odtFile = scratch.path() / "document.odt";
    {
        std::ofstream f(odtFile, std::ios::binary);
        odt->write(d, f, options, diags);
        f.close();
        if (!f) throw WriteError("pdf.workdir", "PDF: cannot write " + odtFile.string());
    }
    const fs::path profile = scratch.path() / "profile";
    const std::vector<std::string> argv{soffice.string(),
                                        "-env:UserInstallation=file://" + profile.string(),
                                        "--headless",
                                        "--norestore",
                                        "--nolockcheck",
                                        "--convert-to",
                                        pdfaFilterOptions(),
                                        "--outdir",
                                        scratch.path().string(),
                                        odtFile.string()};
    const RunOutcome r = runProcess(argv, scratch.path() / "soffice.log", 600);
    const fs::path pdfFile = scratch.path() / "document.pdf";
    if (r.timedOut) throw WriteError("pdf.soffice-failed", "PDF: soffice did not finish within 600 s");
    if (r.exitCode != 0 || !fs::exists(pdfFile) || fs::file_size(pdfFile) == 0) {
        std::string log = r.log.size() > 600 ? r.log.substr(r.log.size() - 600) : r.log;
        throw WriteError("pdf.soffice-failed", "PDF: soffice (" + soffice.string() + ") exited with " +
                                                   std::to_string(r.exitCode) + " without writing a PDF" +
                                                   (log.empty() ? std::string() : ": " + log));
    }
    std::ifstream in(pdfFile, std::ios::binary);
    out << in.rdbuf();
    if (!out) throw WriteError("pdf.write", "PDF: writing the output failed");
}

}  // namespace overens::pdf
