// The file stays the truth: a sample opened and saved unchanged, or edited and edited back,
// builds into the same ODT, PDF and ICS bytes as the original, through the real command.
#include <gtest/gtest.h>

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <sstream>

#include "edit/answers.hpp"
#include "edit_fixtures.hpp"

using namespace overens;
using namespace overens::edit;
using namespace overens::test;

namespace {

class SavedOutputs : public EditFixture {
protected:
    // Builds every file of `folder` into folder/out and returns the outputs by name.
    std::map<std::string, std::string> build(const std::filesystem::path& folder) {
        std::vector<std::string> args{"build"};
        for (const auto& e : std::filesystem::directory_iterator(folder))
            if (e.path().extension() == ".xml") args.push_back(e.path().string());
        for (const char* a : {"-o", "", "--format", "odt,pdf,ics"}) args.push_back(a);
        args[args.size() - 3] = (folder / "out").string();
        const RunResult r = runOverens(args);
        EXPECT_EQ(r.exitCode, 0) << r.err;
        std::map<std::string, std::string> out;
        for (const auto& e : std::filesystem::directory_iterator(folder / "out"))
            out[e.path().filename().string()] = readFile(e.path());
        return out;
    }
    // An ODT's entries by name, through unzip (the archive's own bytes hold dates of no meaning).
    static std::map<std::string, std::string> entries(const std::filesystem::path& odt) {
        std::map<std::string, std::string> out;
        const RunResult list = run({"unzip", "-Z1", odt.string()});
        std::istringstream names(list.out);
        for (std::string name; std::getline(names, name);) out[name] = run({"unzip", "-p", odt.string(), name}).out;
        return out;
    }
    static std::string sha256(const std::string& bytes) {
        Poco::SHA2Engine e(Poco::SHA2Engine::SHA_256);
        e.update(bytes.data(), static_cast<unsigned>(bytes.size()));
        return Poco::DigestEngine::digestToHex(e.digest());
    }
    // The PDF with the /ID [<…><…>] of its trailer and of its update's cross-reference stream blanked.
    static std::string withoutId(std::string pdf) {
        for (auto at = pdf.find("/ID"); at != std::string::npos; at = pdf.find("/ID", at + 1)) {
            const auto end = pdf.find(']', at);
            if (end == std::string::npos) break;
            pdf.replace(at, end - at + 1, "/ID[]");
        }
        return pdf;
    }
    static std::string replaced(std::string s, const std::string& from, const std::string& to) {
        for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
            s.replace(at, from.size(), to);
        return s;
    }
};

}  // namespace

TEST_F(SavedOutputs, SavedUnchangedAndEditedBackBuildTheSameBytes) {
    TempDir original, saved, reverted;
    std::map<std::string, std::pair<std::string, std::string>> digests;  // by stem: original, reverted
    std::size_t files = 0;
    for (const char* folder : {"kommun", "region"})
        for (const auto& e : std::filesystem::directory_iterator(samplesDir() / folder)) {
            if (e.path().extension() != ".xml") continue;
            const std::string name = e.path().filename().string();
            const std::string xml = readFile(e.path());
            Diagnostics d;
            const Answers a = readAnswers(xml, schemas(), d);
            writeFile(original / name, xml);
            writeFile(saved / name, applyAnswers(xml, a, schemas(), d));
            // Every long answer changed and saved, then saved back as it was: those elements
            // are rewritten in the writer's own layout, the document must not change.
            Answers changed = a;
            for (auto& [path, v] : changed)
                if (v.size() > 60) v += " (ändrad)";
            const std::string once = applyAnswers(xml, changed, schemas(), d);
            const std::string back = applyAnswers(once, a, schemas(), d);
            EXPECT_NE(once, xml) << name;
            EXPECT_EQ(readAnswers(back, schemas(), d), a) << name;
            writeFile(reverted / name, back);
            digests[e.path().stem().string()] = {sha256(xml), sha256(back)};
            EXPECT_EQ(d.all().size(), 0u) << name << dump(d);
            ++files;
        }
    ASSERT_GE(files, 7u);  // every sample of both organisations
    const auto want = build(original.path());
    ASSERT_EQ(want.size(), 3 * files);  // ODT, PDF and ICS of each
    EXPECT_EQ(build(saved.path()), want);
    // Edited back, the source's bytes differ, and the ODT and the ICS record the source's
    // SHA-256 by design (the PDF in its ID): apart from that digest, every output is the same.
    const auto got = build(reverted.path());
    ASSERT_EQ(got.size(), want.size());
    for (const auto& [name, bytes] : want) {
        const std::filesystem::path file(name);
        const auto& [was, is] = digests.at(file.stem().string());
        if (file.extension() == ".pdf") {
            // The PDF's document ID is a digest of what was drawn and of the source's digest.
            EXPECT_TRUE(withoutId(got.at(name)) == withoutId(bytes)) << name << " differs";
        } else if (file.extension() == ".ics") {
            // Compared unfolded: the digest may sit across a folded line.
            const std::string unfolded = replaced(got.at(name), "\r\n ", "");
            EXPECT_NE(unfolded.find(is), std::string::npos) << name;
            EXPECT_TRUE(replaced(unfolded, is, was) == replaced(bytes, "\r\n ", "")) << name << " differs";
        } else {
            auto a = entries(original / "out" / name), b = entries(reverted / "out" / name);
            ASSERT_FALSE(a.empty()) << name;
            b["meta.xml"] = replaced(b["meta.xml"], is, was);
            EXPECT_TRUE(a == b) << name << " differs";
        }
    }
}
