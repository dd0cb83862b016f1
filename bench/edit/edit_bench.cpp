// The answers model's speed on real files: reading a source into answers, writing them back
// unchanged, writing one changed answer, and the location -> field lookup. Each is run REPEAT
// times per file; the median and the 99th percentile in milliseconds are printed.
//
// Usage: overens_edit_bench [--repeat N] FILE...
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "edit/answers.hpp"
#include "engine/engine.hpp"

using namespace overens;

namespace {

struct Figures {
    double median, p99;
};

Figures time(int repeat, const std::function<void()>& work) {
    std::vector<double> ms;
    for (int i = 0; i < repeat; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        work();
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, static_cast<std::size_t>(ms.size() * 0.99))]};
}

}  // namespace

int main(int argc, char** argv) {
    int repeat = 50;
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--repeat" && i + 1 < argc) repeat = std::atoi(argv[++i]);
        else files.push_back(a);
    }
    if (files.empty() || repeat < 1) {
        std::fprintf(stderr, "usage: overens_edit_bench [--repeat N] FILE...\n");
        return 2;
    }
    Diagnostics setup;
    Engine engine(EngineOptions{}, setup);
    std::printf("%-44s %9s %8s | %-15s %-15s %-15s %-15s\n", "file", "bytes", "answers", "read ms med/p99",
                "save-same", "save-one", "field-paths");
    for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::stringstream buffer;
        buffer << in.rdbuf();
        const std::string xml = buffer.str();
        Diagnostics d;
        edit::Answers answers = edit::readAnswers(xml, engine.schemas(), d);
        edit::Answers one = answers;
        for (auto it = one.rbegin(); it != one.rend(); ++it)  // the last text answer, changed
            if (it->first.find(".#") == std::string::npos && it->first.find(".count") == std::string::npos) {
                it->second += " (ändrad)";
                break;
            }
        std::size_t sink = 0;
        const Figures read = time(repeat, [&] { sink += edit::readAnswers(xml, engine.schemas(), d).size(); });
        const Figures same = time(repeat, [&] { sink += edit::applyAnswers(xml, answers, engine.schemas(), d).size(); });
        const Figures changed = time(repeat, [&] { sink += edit::applyAnswers(xml, one, engine.schemas(), d).size(); });
        const Figures paths = time(repeat, [&] { sink += edit::fieldPaths(xml, engine.schemas()).size(); });
        std::string name = file.substr(file.find_last_of('/') + 1);
        std::printf("%-44s %9zu %8zu | %6.2f / %6.2f %6.2f / %6.2f %6.2f / %6.2f %6.2f / %6.2f\n", name.c_str(),
                    xml.size(), answers.size(), read.median, read.p99, same.median, same.p99, changed.median,
                    changed.p99, paths.median, paths.p99);
        if (sink == 0) return 1;
    }
    return 0;
}
