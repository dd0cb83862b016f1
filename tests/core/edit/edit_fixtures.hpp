// What the answers-model tests share: the real plugins' schemas, the samples, the engine's
// diagnostics of a file, and a line diff to assert that an edit touched only what it should.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "edit/answers.hpp"
#include "kinds/document_kind.hpp"
#include "test_support.hpp"

namespace overens::test {

// The lines an edit replaced: after the first `before` lines, `removed` became `added`.
struct LineDiff {
    std::size_t before = 0;
    std::vector<std::string> removed, added;
    std::string describe() const;
};
LineDiff lineDiff(const std::string& oldText, const std::string& newText);

class EditFixture : public ::testing::Test {
protected:
    static const SchemaLookup& schemas();  // of the plugins built in this tree
    static const std::map<std::string, DocumentKind>& kinds();
    static std::vector<std::filesystem::path> sampleFiles();  // every .xml under sample-agreements/
    static std::filesystem::path agreement() { return samplesDir() / "kommun" / "exempelby-overenskommelse.xml"; }
    static std::filesystem::path delegationOrder() {
        return samplesDir() / "kommun" / "exempelby-delegationsordning.xml";
    }
    static std::string dump(const Diagnostics& d);
    // What `overens validate` finds in a file (schema, law and kind rules).
    static std::vector<Diagnostic> validateDiagnostics(const std::filesystem::path& file);
    // The sections' values as the source reader reads them, under their answers paths.
    static edit::Answers valuesFromReader(const std::string& xml);
    // An edit that keeps a file valid gives the same diagnostic codes as before.
    void expectSameDiagnostics(const std::string& before, const std::string& after);

    // The answer at a path, or "<absent>".
    static std::string answerOf(const edit::Answers& a, const std::string& path);
    // The file's answers with some replaced (or added when absent).
    static edit::Answers changedAnswers(const std::string& xml, const edit::Answers& changes);
    // The file with those answers written into it; an edit of known fields reports nothing.
    static std::string edited(const std::string& xml, const edit::Answers& changes);

    static std::string sourceLineContaining(const std::string& text, const std::string& needle);
    static int lineNumberOf(const std::string& text, const std::string& line);  // 1-based, 0 if absent
};

}  // namespace overens::test
